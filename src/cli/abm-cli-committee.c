/* abm-cli-committee.c: abmctl committee and import-contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-contact-importer.h"
#include "abm-org-committee.h"
#include "abm-render-export.h"
#include "abm-workspace.h"

static void
print_committee_json (AbmWorkspace *workspace,
                      AbmAccount   *account,
                      GListModel   *people,
                      AbmCoverage  *coverage)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GArray *links = abm_workspace_get_committee_links (workspace, account);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_add_string_value (builder, abm_account_get_domain (account) ? abm_account_get_domain (account)
                                                                           : abm_account_get_name (account));
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, i);
      JsonNode *node = abm_stakeholder_to_json (s);

      json_object_set_int_member (json_node_get_object (node), "days-since-contact",
                                  abm_stakeholder_days_since_contact (s, NULL));
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (links, AbmStakeholderLink, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_int_value (builder, l->from_id);
      json_builder_set_member_name (builder, "to");
      json_builder_add_int_value (builder, l->to_id);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, l->kind == ABM_LINK_CONFLICTS ? "conflicts" : "influences");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "score");
  if (coverage->score < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, coverage->score);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < coverage->roles->len; i++)
    {
      AbmRoleCoverage *rc = &g_array_index (coverage->roles, AbmRoleCoverage, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, abm_role_key (rc->role));
      json_builder_set_member_name (builder, "weight");
      json_builder_add_double_value (builder, rc->weight);
      json_builder_set_member_name (builder, "filled");
      json_builder_add_boolean_value (builder, rc->filled);
      json_builder_set_member_name (builder, "recent");
      json_builder_add_boolean_value (builder, rc->recent);
      json_builder_set_member_name (builder, "positive");
      json_builder_add_boolean_value (builder, rc->positive);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < coverage->gaps->len; i++)
    json_builder_add_string_value (builder, coverage->gaps->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  abm_cli_write_json (root);
}

static void
print_committee_text (GListModel  *people,
                      AbmCoverage *coverage)
{
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, i);
      g_autofree char *roles = abm_stakeholder_dup_roles_text (s);
      const char *title = abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_TITLE);
      int days = abm_stakeholder_days_since_contact (s, NULL);

      abm_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t", abm_stakeholder_get_id (s),
                     abm_stakeholder_get_name (s), title ? title : "", roles,
                     abm_sentiment_label (abm_stakeholder_get_sentiment (s)));
      if (days < 0)
        abm_cli_print (_("never contacted\n"));
      else
        abm_cli_print (g_dngettext (NULL, "contacted %d day ago\n", "contacted %d days ago\n", days), days);
    }
  if (coverage->score >= 0)
    abm_cli_print (_("Coverage: %.0f%%\n"), coverage->score);
  for (guint i = 0; i < coverage->gaps->len; i++)
    abm_cli_print (_("gap: %s\n"), (const char *) coverage->gaps->pdata[i]);
}

int
abm_cli_committee_main (const AbmCliCommand  *command,
                        int                   argc,
                        char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *format = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmCoverage) coverage = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *people;
  AbmAccount *account;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("The account, by domain or name"), N_("DOMAIN") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Print as “text” (the default) or as “json”"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Prints an account's buying committee: each person with their roles,\n"
                                   "sentiment and last contact, the coverage of the key roles, and the gaps."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (domain == NULL)
    return abm_cli_usage_error (command->name, _("Name the account with --account"));
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return abm_cli_usage_error (command->name, _("Unknown format “%s”: use text or json"), format);

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  account = abm_cli_find_account (workspace, domain, &error);
  if (account == NULL)
    return abm_cli_fail (error);
  people = abm_workspace_get_committee (workspace, account, &error);
  if (people == NULL)
    return abm_cli_fail (error);
  coverage = abm_coverage_compute (abm_workspace_get_coverage_rules (workspace), people, NULL);
  if (g_strcmp0 (format, "json") == 0)
    print_committee_json (workspace, account, people, coverage);
  else
    print_committee_text (people, coverage);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

int
abm_cli_import_contacts_main (const AbmCliCommand  *command,
                              int                   argc,
                              char                **argv)
{
  char *files[2] = { NULL, NULL };
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmContactImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dry_run = FALSE;
  GPtrArray *rejects;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report what would happen, without changing the workspace"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_args (command, N_("FILE CONTACTS.csv"),
                           N_("Adds the people of a CRM contacts export (HubSpot, Salesforce) to the\n"
                              "buying committees of their accounts: matched by the company domain or\n"
                              "their email's, updated when their email is already there, reporting to\n"
                              "the manager their reports-to email names."),
                           entries, &argc, &argv, 2, files, &status))
    return status;

  workspace = abm_workspace_open (files[0], dry_run ? ABM_WORKSPACE_OPEN_READ_ONLY : ABM_WORKSPACE_OPEN_DEFAULT,
                                  &error);
  if (workspace == NULL)
    goto fail;
  importer = abm_contact_importer_new (workspace);
  if (!abm_contact_importer_open_path (importer, files[1], &error)
      || !abm_contact_importer_prepare (importer, NULL, &error)
      || (!dry_run && !abm_contact_importer_apply (importer, &error)))
    goto fail;

  rejects = abm_contact_importer_get_rejects (importer);
  abm_cli_print (dry_run ? _("would import: %u new, %u updated, %u notes\n")
                         : _("imported: %u new, %u updated, %u notes\n"),
                 abm_contact_importer_get_n_new (importer), abm_contact_importer_get_n_updated (importer),
                 rejects->len);
  abm_cli_print_rejects (rejects);
  abm_cli_close (workspace);
  g_free (files[0]);
  g_free (files[1]);
  return ABM_CLI_EXIT_OK;

fail:
  g_free (files[0]);
  g_free (files[1]);
  return abm_cli_fail (error);
}

int
abm_cli_orgchart_main (const AbmCliCommand  *command,
                       int                   argc,
                       char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *output = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  AbmRenderFormat format;
  AbmAccount *account;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("The account, by domain or name"), N_("DOMAIN") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the chart: a .png, .svg or .pdf file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Draws an account's buying committee as an org chart: reporting lines,\n"
                                   "roles, sentiment, influence and how fresh each relationship is."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (domain == NULL || output == NULL)
    return abm_cli_usage_error (command->name, _("Name the account with --account and the file with -o"));
  format = abm_render_format_for_name (output);
  if (format == ABM_RENDER_FORMAT_AUTO)
    return abm_cli_usage_error (command->name, _("“%s” does not end in .png, .svg or .pdf"), output);

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  account = abm_cli_find_account (workspace, domain, &error);
  if (account == NULL)
    return abm_cli_fail (error);
  out = g_file_new_for_commandline_arg (output);
  if (!abm_org_committee_export (workspace, account, out, format, &error))
    return abm_cli_fail (error);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
