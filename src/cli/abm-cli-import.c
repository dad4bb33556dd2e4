/* abm-cli-import.c: abmctl import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-importer.h"

int
abm_cli_import_main (const AbmCliCommand  *command,
                     int                   argc,
                     char                **argv)
{
  char *files[2] = { NULL, NULL };
  g_autofree char *file = NULL;
  g_autofree char *data = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *delimiter = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  GPtrArray *rejects;
  int status;
  const GOptionEntry entries[] = {
    { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &mapping,
      N_("JSON object of column headers and field names, “custom” (keep as a custom field) or null (leave out)"),
      N_("MAP.json") },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &duplicates,
      N_("What a row does whose domain is already in the workspace: “update” (the default) or “skip”"),
      N_("ACTION") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter,
      N_("Field separator: “,” “;” or “tab” (default: detected)"), N_("CHAR") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
      N_("Text encoding: UTF-8 or WINDOWS-1252 (default: detected)"), N_("NAME") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report what would happen, without changing the workspace"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_args (command, N_("FILE DATA.csv"),
                           N_("Adds the accounts of a CSV export (HubSpot, Salesforce or any list with a\n"
                              "header row) to FILE. Rows for a domain already in FILE update that\n"
                              "account; rows that cannot be imported are listed with their line.\n"
                              "Nothing is written unless the whole file can be read."),
                           entries, &argc, &argv, 2, files, &status))
    return status;
  file = files[0];
  data = files[1];

  workspace = abm_workspace_open (file,
                                  dry_run ? ABM_WORKSPACE_OPEN_READ_ONLY : ABM_WORKSPACE_OPEN_DEFAULT,
                                  &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  importer = abm_importer_new (workspace);
  if (!abm_importer_open_path (importer, data, &error))
    return abm_cli_fail (error);

  if (delimiter != NULL)
    {
      char d = g_str_equal (delimiter, "tab") || g_str_equal (delimiter, "\\t") ? '\t' : delimiter[0];

      if (strlen (delimiter) != 1 && d != '\t')
        return abm_cli_usage_error (command->name, _("--delimiter takes one character or “tab”"));
      if (!abm_importer_set_delimiter (importer, d, &error))
        return abm_cli_fail (error);
    }
  if (encoding != NULL && !abm_importer_set_encoding (importer, encoding, &error))
    return abm_cli_fail (error);

  if (mapping != NULL)
    {
      g_autofree char *json = NULL;
      gsize len;

      if (!g_file_get_contents (mapping, &json, &len, &error)
          || !abm_importer_load_mapping (importer, json, len, &error))
        return abm_cli_fail (error);
    }

  if (duplicates == NULL || g_str_equal (duplicates, "update"))
    abm_importer_set_duplicates (importer, ABM_IMPORT_UPDATE);
  else if (g_str_equal (duplicates, "skip"))
    abm_importer_set_duplicates (importer, ABM_IMPORT_SKIP);
  else
    return abm_cli_usage_error (command->name,
                                _("Unknown --on-duplicate “%s”: use update or skip"), duplicates);

  if (!abm_importer_prepare (importer, NULL, NULL, NULL, &error)
      || (!dry_run && !abm_importer_apply (importer, &error)))
    return abm_cli_fail (error);

  rejects = abm_importer_get_rejects (importer);
  abm_cli_print (dry_run ? _("would import: %u new, %u updated, %u merged, %u skipped, %u rejected\n")
                         : _("imported: %u new, %u updated, %u merged, %u skipped, %u rejected\n"),
                 abm_importer_get_n_new (importer),
                 abm_importer_get_n_updated (importer),
                 abm_importer_get_n_merged (importer),
                 abm_importer_get_n_skipped (importer),
                 rejects->len);
  abm_cli_print_rejects (rejects);

  abm_cli_close (workspace);
  abm_cli_keep_until_exit (g_steal_pointer (&importer));
  abm_cli_keep_until_exit (g_steal_pointer (&workspace));
  return ABM_CLI_EXIT_OK;
}
