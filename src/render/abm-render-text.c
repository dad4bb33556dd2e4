/* abm-render-text.c: numbers as the drawings show them
 *
 * The app cannot lend its text helpers to render (the layers point down),
 * so render keeps its own: digits grouped as the views group them, and
 * amounts in the compact form a chart has room for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-render-text.h"

/* "2500000" as "2 500 000": a narrow no-break space groups digits in every
 * locale without being taken for a decimal mark, as in the views. */
static char *
group_digits (const char *digits)
{
  gsize len = strlen (digits);
  GString *grouped = g_string_sized_new (len + len / 3 * 3);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (grouped, "\u202F");
      g_string_append_c (grouped, digits[i]);
    }
  return g_string_free (grouped, FALSE);
}

char *
abm_render_text_count (guint64 count)
{
  char digits[24];

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  return group_digits (digits);
}

/* "2.4M EUR", "850k", "12 EUR"; NULL when the amount is unknown (negative
 * or not a number). One decimal below 100 of a unit, none above, and a
 * value that rounds up to 1000 of a unit moves on to the next one. */
char *
abm_render_text_compact_amount (double      amount,
                                const char *currency)
{
  static const double units[] = { 1, 1e3, 1e6, 1e9, 1e12 };
  g_autofree char *number = NULL;
  guint unit = 0;
  double scaled = amount;
  int decimals = 0;

  if (!isfinite (amount) || amount < 0)
    return NULL;

  if (amount >= 999.5)
    for (unit = 1; unit < G_N_ELEMENTS (units); unit++)
      {
        scaled = amount / units[unit];
        decimals = scaled < 99.95 ? 1 : 0;
        if (unit + 1 == G_N_ELEMENTS (units) || round (scaled) < 1000)
          break;
      }

  if (unit == 0)
    {
      g_autofree char *digits = g_strdup_printf ("%.0f", amount);
      number = group_digits (digits);
    }
  else
    {
      g_autofree char *digits = NULL;
      g_autofree char *value = NULL;

      /* "2.0" reads better as "2"; the very largest keep grouped digits. */
      if (decimals == 1 && fabs (scaled - round (scaled)) < 0.05)
        decimals = 0;
      digits = g_strdup_printf ("%.*f", decimals, scaled);
      value = decimals == 0 ? group_digits (digits) : g_strdup (digits);

      switch (unit)
        {
        case 1:
          /* Translators: an amount in thousands, "850k" */
          number = g_strdup_printf (_("%sk"), value);
          break;
        case 2:
          /* Translators: an amount in millions, "2.4M" */
          number = g_strdup_printf (_("%sM"), value);
          break;
        case 3:
          /* Translators: an amount in billions (thousands of millions), "1.2B" */
          number = g_strdup_printf (_("%sB"), value);
          break;
        default:
          /* Translators: an amount in trillions (millions of millions), "3T" */
          number = g_strdup_printf (_("%sT"), value);
          break;
        }
    }

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&number);
  /* Translators: an amount and an ISO currency code, "2.4M EUR" */
  return g_strdup_printf (_("%s %s"), number, currency);
}
