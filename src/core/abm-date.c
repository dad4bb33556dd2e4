/* abm-date.c: calendar days as plans and plays use them
 *
 * Day arithmetic is done on GDate, never on seconds: a day across a
 * daylight-saving change has 23 or 25 hours, and "due tomorrow" must not
 * depend on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include "abm-date.h"

gboolean
abm_date_parse (const char *text,
                GDate      *date)
{
  guint64 y, m, d;
  char part[5];

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  memcpy (part, text, 4);
  part[4] = '\0';
  if (!g_ascii_string_to_unsigned (part, 10, 1900, 9999, &y, NULL))
    return FALSE;
  memcpy (part, text + 5, 2);
  part[2] = '\0';
  if (!g_ascii_string_to_unsigned (part, 10, 1, 12, &m, NULL))
    return FALSE;
  memcpy (part, text + 8, 2);
  if (!g_ascii_string_to_unsigned (part, 10, 1, 31, &d, NULL)
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

gboolean
abm_date_normalize (const char  *text,
                    char       **out,
                    GError     **error)
{
  g_autofree char *clean = text ? g_strstrip (g_strdup (text)) : NULL;
  GDate date;

  *out = NULL;
  if (clean == NULL || *clean == '\0')
    return TRUE;
  if (!g_utf8_validate (clean, -1, NULL) || !abm_date_parse (clean, &date))
    {
      g_autofree char *shown = g_utf8_make_valid (clean, -1);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), shown);
      return FALSE;
    }
  *out = abm_date_format (&date);
  return TRUE;
}

char *
abm_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

void
abm_date_today (GDateTime *now,
                GDate     *today)
{
  g_autoptr(GDateTime) local = now ? g_date_time_ref (now) : g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

void
abm_date_week (GDateTime *now,
               GDate     *monday,
               GDate     *sunday)
{
  GDate today;

  abm_date_today (now, &today);
  *monday = today;
  g_date_subtract_days (monday, g_date_get_weekday (&today) - G_DATE_MONDAY);
  *sunday = *monday;
  g_date_add_days (sunday, 6);
}

gboolean
abm_date_days_until (const char *date,
                     GDateTime  *now,
                     int        *days)
{
  GDate when, today;

  if (!abm_date_parse (date, &when))
    return FALSE;
  abm_date_today (now, &today);
  *days = g_date_days_between (&today, &when);
  return TRUE;
}

int
abm_date_days_since (GDateTime *instant,
                     GDateTime *now)
{
  g_autoptr(GDateTime) local_now = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autoptr(GDateTime) there = g_date_time_to_timezone (instant, g_date_time_get_timezone (local_now));
  GDate then, today;

  abm_date_today (there, &then);
  abm_date_today (local_now, &today);
  return g_date_days_between (&then, &today);
}

char *
abm_date_time_format (GDateTime *instant)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (instant);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

GDateTime *
abm_date_time_parse (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  return g_date_time_new_from_iso8601 (text, utc);
}
