/* abm-cli-workspace.c: abmctl init, check and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-sample.h"
#include "abm-workspace.h"

int
abm_cli_init_main (const AbmCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name,
      N_("Name of the program, such as “FY27 Enterprise Banking” (required)"), N_("NAME") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("Currency of the amounts, as an ISO 4217 code (default: EUR)"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("FILE must not exist yet."),
                                entries, &argc, &argv, &file, &status))
    return status;

  if (name == NULL)
    return abm_cli_usage_error (command->name, _("A workspace needs a name: give --name"));
  if (!abm_cli_text_arg ("name", &name, &status))
    return status;

  workspace = abm_workspace_create (file, name, currency, FALSE, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

typedef enum {
  CHECK_FORMAT_TEXT,
  CHECK_FORMAT_JSON,
} CheckFormat;

static void
print_check_json (AbmWorkspace *workspace,
                  guint         n_accounts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, abm_workspace_get_name (workspace));
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, abm_workspace_get_currency (workspace));
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, abm_workspace_get_schema_version (workspace));
  json_builder_set_member_name (builder, "integrity");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "accounts");
  json_builder_add_int_value (builder, n_accounts);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  abm_cli_write_json (root);
}

int
abm_cli_check_main (const AbmCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *format = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  CheckFormat check_format;
  guint n_accounts;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Print as “text” (the default) or as a “json” object"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Reads FILE without changing it, even while ABM Planner has it open.\n"
                                   "Exits with status 1 and the reason if FILE is not a workspace,\n"
                                   "was written by a newer version, or is damaged."),
                                entries, &argc, &argv, &file, &status))
    return status;

  if (format == NULL || strcmp (format, "text") == 0)
    check_format = CHECK_FORMAT_TEXT;
  else if (strcmp (format, "json") == 0)
    check_format = CHECK_FORMAT_JSON;
  else
    return abm_cli_usage_error (command->name,
                                _("Unknown format “%s”: use text or json"), format);

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL || !abm_workspace_check_integrity (workspace, &error))
    return abm_cli_fail (error);

  n_accounts = g_list_model_get_n_items (abm_workspace_get_accounts (workspace));

  /* The keys are for scripts, so they are not translated. */
  if (check_format == CHECK_FORMAT_JSON)
    print_check_json (workspace, n_accounts);
  else
    abm_cli_print ("name: %s\n"
                   "currency: %s\n"
                   "format: %d\n"
                   "integrity: ok\n"
                   "accounts: %u\n",
                   abm_workspace_get_name (workspace),
                   abm_workspace_get_currency (workspace),
                   abm_workspace_get_schema_version (workspace),
                   n_accounts);

  return ABM_CLI_EXIT_OK;
}

int
abm_cli_demo_main (const AbmCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *file = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int n_accounts = 250;
  int seed = 1;
  int status;
  const GOptionEntry entries[] = {
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts,
      N_("How many accounts to generate (default: 250)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("Seed of the generator: the same seed gives the same workspace (default: 1)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Writes a realistic sample program to FILE, which must not exist yet."),
                                entries, &argc, &argv, &file, &status))
    return status;

  if (n_accounts < 0 || n_accounts > 1000000)
    return abm_cli_usage_error (command->name,
                                _("--accounts must be between 0 and 1000000"));

  workspace = abm_sample_create_workspace (file, (guint) n_accounts, (guint32) seed, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
