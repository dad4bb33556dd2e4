/* abm-csv-writer.c: accounts as CSV, safe to open in a spreadsheet
 *
 * RFC 4180 with LF line ends: a field with a comma, quote or line break goes
 * in quotes, its quotes doubled. A text a spreadsheet would run as a formula
 * (=, +, -, @ first) gets a leading apostrophe, so an account named
 * "=HYPERLINK(…)" from a stranger's list stays text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "abm-csv-writer.h"

void
abm_csv_append_field (GString    *line,
                      const char *field)
{
  g_autofree char *inert = NULL;

  if (field == NULL)
    return;
  if (field[0] != '\0' && strchr ("=+-@", field[0]) != NULL)
    field = inert = g_strconcat ("'", field, NULL);

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (line, field);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* id, every field by its key, the computed fit, then the custom fields
 * by their names. */
void
abm_csv_append_header (GString           *line,
                       const char *const *custom)
{
  g_string_append (line, "id");
  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    {
      g_string_append_c (line, ',');
      abm_csv_append_field (line, abm_account_field_key (f));
    }
  g_string_append (line, ",fit-score,fit-band");
  for (guint i = 0; custom != NULL && custom[i] != NULL; i++)
    {
      g_string_append_c (line, ',');
      abm_csv_append_field (line, custom[i]);
    }
  g_string_append_c (line, '\n');
}

void
abm_csv_append_account (GString           *line,
                        AbmAccount        *account,
                        AbmIcp            *icp,
                        const char *const *custom)
{
  double fit = abm_account_get_fit_score (account);
  AbmIcpBand band = abm_icp_band (icp, fit);

  g_string_append_printf (line, "%" G_GINT64_FORMAT, abm_account_get_id (account));
  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    {
      g_autofree char *text = abm_account_dup_field_text (account, f);

      g_string_append_c (line, ',');
      abm_csv_append_field (line, text);
    }

  g_string_append_c (line, ',');
  if (fit >= 0)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (line, g_ascii_formatd (buf, sizeof buf, "%.1f", fit));
    }
  g_string_append_c (line, ',');
  if (band != ABM_ICP_BAND_UNSCORED)
    g_string_append (line, abm_icp_band_key (band));
  for (guint i = 0; custom != NULL && custom[i] != NULL; i++)
    {
      g_string_append_c (line, ',');
      abm_csv_append_field (line, abm_account_get_custom (account, custom[i]));
    }
  g_string_append_c (line, '\n');
}

/* Every account of @accounts, in its order: what a view shows. */
gboolean
abm_csv_write_accounts (GListModel    *accounts,
                        AbmIcp        *icp,
                        const char *const *custom,
                        GOutputStream *stream,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GString) chunk = g_string_new (NULL);
  guint n = g_list_model_get_n_items (accounts);

  abm_csv_append_header (chunk, custom);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      abm_csv_append_account (chunk, account, icp, custom);
      if (chunk->len > 64 * 1024 || i + 1 == n)
        {
          if (!g_output_stream_write_all (stream, chunk->str, chunk->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (chunk, 0);
        }
    }
  if (chunk->len > 0
      && !g_output_stream_write_all (stream, chunk->str, chunk->len, NULL, cancellable, error))
    return FALSE;
  return g_output_stream_close (stream, cancellable, error);
}
