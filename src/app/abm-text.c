/* abm-text.c: small text helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-text.h"

#include "abm-render-text.h"

/* "2500000.50" as "2 500 000.50": a narrow no-break space groups digits in
 * every locale without being taken for a decimal mark, and the account
 * parser skips it when the text comes back. */
char *
abm_text_group_digits (const char *number)
{
  const char *dot = strchr (number, '.');
  gsize int_len = dot ? (gsize) (dot - number) : strlen (number);
  GString *grouped = g_string_new (NULL);

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (grouped, "\u202F");
      g_string_append_c (grouped, number[i]);
    }
  if (dot != NULL)
    g_string_append (grouped, dot);
  return g_string_free (grouped, FALSE);
}

/* A whole amount with grouped digits and the currency after it, as the
 * CLI prints it: "14 146 000 EUR"; without a currency, the amount alone. */
char *
abm_text_format_money (double      amount,
                       const char *currency)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", amount);
  g_autofree char *grouped = abm_text_group_digits (digits);

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&grouped);
  /* Translators: an amount and its currency, "14 146 000 EUR" */
  return g_strdup_printf (_("%s %s"), grouped, currency);
}

/* Whether @text, casefolded, contains @folded_key (already casefolded). */
gboolean
abm_text_contains (const char *text,
                   const char *folded_key)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_key) != NULL;
}

/* The render layer's compact amounts, so the window and the PDF agree and
 * both follow the locale ("35,4 Mio. EUR" in German). */
char *
abm_text_compact_money (double      amount,
                        const char *currency)
{
  char *text = abm_render_text_compact_amount (MAX (amount, 0), currency);

  return text != NULL ? text : g_strdup ("");
}
