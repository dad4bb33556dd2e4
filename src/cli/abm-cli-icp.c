/* abm-cli-icp.c: abmctl icp
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-cli.h"
#include "abm-workspace.h"

int
abm_cli_icp_main (const AbmCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path,
      N_("Write the profile to a JSON file (“-” for standard output)"), N_("ICP.json") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path,
      N_("Replace the profile with one from a JSON file, and score every account again"),
      N_("ICP.json") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Without options, prints the ideal customer profile: each criterion with\n"
                                   "its weight, and the fit bands."),
                                entries, &argc, &argv, &file, &status))
    return status;

  if (export_path != NULL && import_path != NULL)
    return abm_cli_usage_error (command->name, _("Give --export or --import, not both"));

  workspace = abm_workspace_open (file,
                                  import_path ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY,
                                  &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  if (import_path != NULL)
    {
      g_autofree char *json = NULL;
      g_autoptr(AbmIcp) icp = NULL;
      gsize len;

      if (!g_file_get_contents (import_path, &json, &len, &error))
        return abm_cli_fail (error);
      icp = abm_icp_new_from_json (json, len, &error);
      if (icp == NULL)
        return abm_cli_fail (error);
      abm_icp_assign (abm_workspace_get_icp (workspace), icp);
      if (abm_workspace_get_icp_error (workspace) != NULL)
        return abm_cli_fail (abm_workspace_get_icp_error (workspace));
    }
  else if (export_path != NULL)
    {
      g_autofree char *json = abm_icp_to_json (abm_workspace_get_icp (workspace));

      if (g_strcmp0 (export_path, "-") == 0)
        {
          abm_cli_write (json, -1);
          abm_cli_write ("\n", 1);
        }
      else if (!g_file_set_contents (export_path, json, -1, &error))
        return abm_cli_fail (error);
    }
  else
    {
      g_autofree char *text = abm_icp_to_text (abm_workspace_get_icp (workspace));
      abm_cli_print ("%s", text);
    }

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
