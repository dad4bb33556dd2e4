/* abm-ics.c: writing iCalendar (RFC 5545) text
 *
 * Only what plays need: content lines, TEXT escaping, DATE values and
 * folding. Written here because it is a few dozen lines, where a library
 * would be a dependency for the app, the CLI and the Flatpak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "abm-ics.h"

#define MAX_OCTETS 75

char *
abm_ics_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\r':
          if (p[1] == '\n')
            p++;
          g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

void
abm_ics_append_line (GString    *out,
                     const char *name,
                     const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize room = MAX_OCTETS;

  while (*p != '\0')
    {
      const char *end = p;

      /* As many whole characters as fit. */
      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if ((gsize) (next - p) > room)
            break;
          end = next;
        }
      g_string_append_len (out, p, end - p);
      g_string_append (out, "\r\n");
      p = end;
      if (*p != '\0')
        {
          /* A continuation starts with a space, which counts. */
          g_string_append_c (out, ' ');
          room = MAX_OCTETS - 1;
        }
    }
}

void
abm_ics_append_text (GString    *out,
                     const char *name,
                     const char *text)
{
  g_autofree char *escaped = abm_ics_escape_text (text);

  abm_ics_append_line (out, name, escaped);
}

void
abm_ics_append_date (GString     *out,
                     const char  *name,
                     const GDate *date)
{
  g_autofree char *param = g_strconcat (name, ";VALUE=DATE", NULL);
  char value[16];

  g_snprintf (value, sizeof value, "%04u%02u%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  abm_ics_append_line (out, param, value);
}
