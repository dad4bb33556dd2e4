/* abm-cli-accounts.c: abmctl accounts and abmctl add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-csv-writer.h"
#include "abm-workspace.h"

static void
print_accounts_csv (AbmWorkspace *workspace)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  AbmIcp *icp = abm_workspace_get_icp (workspace);
  g_autoptr(GString) line = g_string_new (NULL);
  g_auto(GStrv) custom = abm_workspace_dup_custom_fields (workspace);
  guint n = g_list_model_get_n_items (accounts);

  abm_csv_append_header (line, (const char *const *) custom);
  abm_cli_write (line->str, (gssize) line->len);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      g_string_truncate (line, 0);
      abm_csv_append_account (line, account, icp, (const char *const *) custom);
      abm_cli_write (line->str, (gssize) line->len);
    }
}

static void
print_accounts_json (AbmWorkspace *workspace)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  AbmIcp *icp = abm_workspace_get_icp (workspace);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  guint n = g_list_model_get_n_items (accounts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      JsonNode *node = abm_account_to_json (account);
      JsonObject *object = json_node_get_object (node);
      double fit = abm_account_get_fit_score (account);

      if (fit < 0)
        {
          json_object_set_null_member (object, "fit-score");
          json_object_set_null_member (object, "fit-band");
        }
      else
        {
          json_object_set_double_member (object, "fit-score", fit);
          json_object_set_string_member (object, "fit-band", abm_icp_band_key (abm_icp_band (icp, fit)));
        }
      json_array_add_element (array, node);
    }

  json_node_set_array (root, array);
  abm_cli_write_json (root);
}

int
abm_cli_accounts_main (const AbmCliCommand  *command,
                       int                   argc,
                       char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *format = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Print as “csv” (the default) or as a “json” array"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Reads FILE without changing it, even while ABM Planner has it open.\n"
                                   "CSV follows RFC 4180, with a header row of field names;\n"
                                   "unknown numbers are empty in CSV and null in JSON."),
                                entries, &argc, &argv, &file, &status))
    return status;

  if (format == NULL || strcmp (format, "csv") == 0)
    json = FALSE;
  else if (strcmp (format, "json") == 0)
    json = TRUE;
  else
    return abm_cli_usage_error (command->name,
                                _("Unknown format “%s”: use csv or json"), format);

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  if (json)
    print_accounts_json (workspace);
  else
    print_accounts_csv (workspace);

  return ABM_CLI_EXIT_OK;
}

/* What --help says about each field's option; the option names are the
 * field keys, so they match the CSV header. */
static const struct {
  const char *description;
  const char *arg_description;
} add_options[ABM_ACCOUNT_N_FIELDS] = {
  [ABM_ACCOUNT_FIELD_NAME]           = { N_("Name of the account (required)"), N_("NAME") },
  [ABM_ACCOUNT_FIELD_DOMAIN]         = { N_("Web domain or address; stored as the bare domain, such as example.com"), N_("DOMAIN") },
  [ABM_ACCOUNT_FIELD_INDUSTRY]       = { N_("Industry"), N_("TEXT") },
  [ABM_ACCOUNT_FIELD_EMPLOYEES]      = { N_("Number of employees, such as 1200 or 1,200"), N_("NUMBER") },
  [ABM_ACCOUNT_FIELD_ANNUAL_REVENUE] = { N_("Annual revenue, such as 2500000 or 2.5M"), N_("AMOUNT") },
  [ABM_ACCOUNT_FIELD_COUNTRY]        = { N_("Country"), N_("TEXT") },
  [ABM_ACCOUNT_FIELD_CITY]           = { N_("City"), N_("TEXT") },
  [ABM_ACCOUNT_FIELD_ACV_POTENTIAL]  = { N_("Potential annual contract value"), N_("AMOUNT") },
  [ABM_ACCOUNT_FIELD_OWNER_AE]       = { N_("Account executive who owns the account"), N_("NAME") },
  [ABM_ACCOUNT_FIELD_OWNER_MARKETER] = { N_("Marketer who owns the account"), N_("NAME") },
  [ABM_ACCOUNT_FIELD_NOTES]          = { N_("Notes"), N_("TEXT") },
  [ABM_ACCOUNT_FIELD_TECHNOLOGIES]   = { N_("Technologies in use, separated by ; or ,"), N_("LIST") },
  [ABM_ACCOUNT_FIELD_INTENT_TOPICS]  = { N_("Topics the account researches, separated by ; or ,"), N_("LIST") },
  [ABM_ACCOUNT_FIELD_TIER]           = { N_("Tier: 1 (1:1), 2 (1:few) or 3 (1:many)"), N_("TIER") },
  [ABM_ACCOUNT_FIELD_TARGET]         = { N_("Whether it is a target account: yes or no"), N_("YES|NO") },
  [ABM_ACCOUNT_FIELD_STAGE]          = { N_("Stage, set by hand: target, qualified, aware, engaged, opportunity or customer"), N_("STAGE") },
};

static int
add_account (const AbmCliCommand  *command,
             const char           *file,
             char                **values)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int status;

  if (values[ABM_ACCOUNT_FIELD_NAME] == NULL)
    return abm_cli_usage_error (command->name, _("An account needs a name: give --name"));

  /* Check the values before taking the workspace's writer lock. */
  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    {
      if (!abm_cli_text_arg (abm_account_field_key (f), &values[f], &status))
        return status;
      if (values[f] != NULL && !abm_account_set_field_text (account, f, values[f], &error))
        return abm_cli_fail (error);
    }

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  if (workspace == NULL || !abm_workspace_add_account (workspace, account, &error))
    return abm_cli_fail (error);
  abm_cli_close (workspace);

  id = g_strdup_printf ("%" G_GINT64_FORMAT "\n", abm_account_get_id (account));
  abm_cli_write (id, -1);
  return ABM_CLI_EXIT_OK;
}

int
abm_cli_add_main (const AbmCliCommand  *command,
                  int                   argc,
                  char                **argv)
{
  g_autofree char *file = NULL;
  char *values[ABM_ACCOUNT_N_FIELDS] = { NULL };
  GOptionEntry entries[ABM_ACCOUNT_N_FIELDS + 1] = { G_OPTION_ENTRY_NULL };
  int status;

  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    entries[f] = (GOptionEntry) {
      abm_account_field_key (f), 0, 0, G_OPTION_ARG_FILENAME, &values[f],
      add_options[f].description, add_options[f].arg_description,
    };

  if (abm_cli_parse_file_args (command,
                               N_("Prints the id of the new account. An account whose domain is\n"
                                  "already in the workspace is refused."),
                               entries, &argc, &argv, &file, &status))
    status = add_account (command, file, values);

  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    g_free (values[f]);

  return status;
}
