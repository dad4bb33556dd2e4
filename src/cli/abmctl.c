/* abmctl.c: ABM Planner workspaces from the command line
 *
 * "abmctl COMMAND [OPTION…] FILE": each command parses its own options, so
 * the top level stops at the first argument that is not an option.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "abm-cli.h"

static const AbmCliCommand commands[] = {
  { "init", N_("Create a new, empty workspace"), abm_cli_init_main },
  { "check", N_("Check that a file is a sound workspace and summarize it"), abm_cli_check_main },
  { "accounts", N_("Print every account as CSV or JSON"), abm_cli_accounts_main },
  { "add", N_("Add an account to a workspace"), abm_cli_add_main },
  { "import", N_("Import accounts from a CSV export"), abm_cli_import_main },
  { "icp", N_("Show, export or import the ideal customer profile"), abm_cli_icp_main },
  { "tier", N_("Suggest, set or lock tiers, and set the tier rules and team"), abm_cli_tier_main },
  { "tiers", N_("Print tier counts, capacity warnings and clusters"), abm_cli_tiers_main },
  { "snapshot", N_("Take, list or compare snapshots of the tiered list"), abm_cli_snapshot_main },
  { "committee", N_("Print an account’s buying committee and its coverage"), abm_cli_committee_main },
  { "orgchart", N_("Draw an account’s buying committee as PNG, SVG or PDF"), abm_cli_orgchart_main },
  { "import-contacts", N_("Add the people of a contacts export to the buying committees"), abm_cli_import_contacts_main },
  { "plan", N_("Show or edit an account’s or a cluster’s plan"), abm_cli_plan_main },
  { "plays", N_("List plays by due date, apply templates, or export them as iCalendar"), abm_cli_plays_main },
  { "agenda", N_("Print the weekly review: steps due, overdue plays and stale plans"), abm_cli_agenda_main },
  { "import-activities", N_("Add engagement activities from a CSV export to their accounts"), abm_cli_import_activities_main },
  { "import-opportunities", N_("Add or update deals from a CRM export"), abm_cli_import_opportunities_main },
  { "activity", N_("Record an engagement activity at an account, or delete one"), abm_cli_activity_main },
  { "opportunity", N_("Add a deal to an account, or change one"), abm_cli_opportunity_main },
  { "engagement", N_("Show or change the engagement rules, or explain an account’s score"), abm_cli_engagement_main },
  { "costs", N_("List or set what the program cost per tier and period"), abm_cli_costs_main },
  { "kpis", N_("Print the program’s KPIs per tier for a period, as text, JSON or CSV"), abm_cli_kpis_main },
  { "brief", N_("Write an account’s brief, or a tier’s briefs, as PDF"), abm_cli_brief_main },
  { "summary", N_("Write the program summary for executives as PDF"), abm_cli_summary_main },
  { "readiness", N_("Show or answer the ABM readiness check"), abm_cli_readiness_main },
  { "demo", N_("Write a realistic sample workspace"), abm_cli_demo_main },
};

static const AbmCliCommand *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].name, name) == 0)
        return &commands[i];
    }
  return NULL;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-*s  %s\n", width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “abmctl COMMAND --help” for the options of a command."));

  return g_string_free (text, FALSE);
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (N_("COMMAND [ARGS…]"));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = describe_commands ();
  const AbmCliCommand *command;
  gboolean help = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Create, check and fill ABM Planner workspaces."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return abm_cli_usage_error (NULL, "%s", error->message);

  if (version)
    {
      abm_cli_print ("abmctl %s\n", PACKAGE_VERSION);
      return ABM_CLI_EXIT_OK;
    }
  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      abm_cli_print ("%s", text);
      return ABM_CLI_EXIT_OK;
    }

  if (argc < 2)
    return abm_cli_usage_error (NULL, _("No command given"));

  command = lookup_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (argv[1], -1);

      return abm_cli_usage_error (NULL, _("“%s” is not an abmctl command"), shown);
    }

  return command->run (command, argc - 1, argv + 1);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("abmctl");

  status = run (argc, argv);

  /* Data that never reached its reader is a failure, not a success. */
  if (status == ABM_CLI_EXIT_OK && !abm_cli_flush_output ())
    status = ABM_CLI_EXIT_FAILURE;

  return status;
}
