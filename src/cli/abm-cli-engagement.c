/* abm-cli-engagement.c: abmctl import-activities, import-opportunities,
 * activity, opportunity, engagement, costs and kpis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-csv-writer.h"
#include "abm-date.h"
#include "abm-engagement-importer.h"

static int
import_main (const AbmCliCommand     *command,
             int                      argc,
             char                   **argv,
             AbmEngagementImportKind  kind)
{
  char *files[2] = { NULL, NULL };
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmEngagementImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mapping = NULL;
  gboolean dry_run = FALSE;
  GPtrArray *rejects;
  int status;
  const GOptionEntry entries[] = {
    { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &mapping,
      N_("A JSON file naming what each column is: {\"Event Date\": \"date\", \"Internal\": null}"), N_("MAPPING.json") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and report what would happen, without changing the workspace"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gboolean activities = kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES;

  if (!abm_cli_parse_args (command, activities ? N_("FILE ACTIVITIES.csv") : N_("FILE OPPORTUNITIES.csv"),
                           activities
                           ? N_("Adds engagement activities from a CSV export (date, company domain or\n"
                                "email, type, and optionally topic and campaign) to their accounts. A\n"
                                "person on the account's committee is matched by their email. Types:\n"
                                "ad-impression, ad-click, website-visit, content-download, email-open,\n"
                                "email-reply, event-attendance, meeting, demo-request, sales-call,\n"
                                "intent-surge, or what CRMs call them.")
                           : N_("Adds deals from a CRM export (deal name, company domain or email,\n"
                                "amount, stage, created and close dates, ABM sourced) to their\n"
                                "accounts. \"Closed Won\" and \"Closed Lost\" stages close a deal; a deal\n"
                                "of the same name at the same account is updated, not doubled."),
                           entries, &argc, &argv, 2, files, &status))
    return status;

  workspace = abm_workspace_open (files[0], dry_run ? ABM_WORKSPACE_OPEN_READ_ONLY : ABM_WORKSPACE_OPEN_DEFAULT,
                                  &error);
  if (workspace == NULL)
    goto fail;
  importer = abm_engagement_importer_new (workspace, kind);
  if (!abm_engagement_importer_open_path (importer, files[1], &error))
    goto fail;
  if (mapping != NULL)
    {
      g_autofree char *json = NULL;
      gsize len;

      if (!g_file_get_contents (mapping, &json, &len, &error)
          || !abm_engagement_importer_load_mapping (importer, json, len, &error))
        goto fail;
    }
  if (!abm_engagement_importer_prepare (importer, NULL, &error)
      || (!dry_run && !abm_engagement_importer_apply (importer, &error)))
    goto fail;

  rejects = abm_engagement_importer_get_rejects (importer);
  abm_cli_print (dry_run ? _("would import: %u new, %u updated, %u rows left out\n")
                         : _("imported: %u new, %u updated, %u rows left out\n"),
                 abm_engagement_importer_get_n_new (importer), abm_engagement_importer_get_n_updated (importer),
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
abm_cli_import_activities_main (const AbmCliCommand  *command,
                                int                   argc,
                                char                **argv)
{
  return import_main (command, argc, argv, ABM_ENGAGEMENT_IMPORT_ACTIVITIES);
}

int
abm_cli_import_opportunities_main (const AbmCliCommand  *command,
                                   int                   argc,
                                   char                **argv)
{
  return import_main (command, argc, argv, ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES);
}

/* A day from the command line, as a Julian day; 0 (today) when NULL. */
static gboolean
parse_day (const char *command,
           const char *option,
           const char *text,
           guint32    *day,
           int        *status)
{
  GDate date;

  *day = 0;
  if (text == NULL)
    return TRUE;
  if (!abm_date_parse (text, &date))
    {
      *status = abm_cli_usage_error (command, _("--%s needs a date as YYYY-MM-DD, not “%s”"), option, text);
      return FALSE;
    }
  *day = g_date_get_julian (&date);
  return TRUE;
}

static gboolean
check_format (const char *command,
              const char *format,
              gboolean    csv,
              int        *status)
{
  if (format == NULL || strcmp (format, "text") == 0 || strcmp (format, "json") == 0
      || (csv && strcmp (format, "csv") == 0))
    return TRUE;
  *status = abm_cli_usage_error (command, csv ? _("Unknown format “%s”: use text, json or csv")
                                              : _("Unknown format “%s”: use text or json"), format);
  return FALSE;
}

int
abm_cli_activity_main (const AbmCliCommand  *command,
                       int                   argc,
                       char                **argv)
{
  g_autofree char *file = NULL, *domain = NULL, *type = NULL, *date = NULL, *person = NULL;
  g_autofree char *topic = NULL, *campaign = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gint64 remove = 0;
  AbmActivity activity = { 0, };
  AbmAccount *account;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("The account, by domain or name"), N_("DOMAIN") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("What happened: meeting, demo-request, website-visit, …"), N_("TYPE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When (default: today)"), N_("YYYY-MM-DD") },
    { "person", 0, 0, G_OPTION_ARG_FILENAME, &person, N_("Who, by email or name, on the account’s committee"), N_("EMAIL") },
    { "topic", 0, 0, G_OPTION_ARG_FILENAME, &topic, N_("The intent topic"), N_("TOPIC") },
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &campaign, N_("The campaign it came from"), N_("NAME") },
    { "delete", 0, 0, G_OPTION_ARG_INT64, &remove, N_("Delete the activity of this id"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command, N_("Records one engagement activity at an account, or deletes one."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (remove == 0 && (domain == NULL || type == NULL))
    return abm_cli_usage_error (command->name, _("Name the account with --account and what happened with --type"));
  if (remove == 0 && !abm_activity_kind_from_text (type, &activity.kind))
    return abm_cli_usage_error (command->name, _("Unknown activity type “%s”"), type);
  if (!parse_day (command->name, "date", date, &activity.day, &status)
      || !abm_cli_text_arg ("account", &domain, &status) || !abm_cli_text_arg ("person", &person, &status)
      || !abm_cli_text_arg ("topic", &topic, &status) || !abm_cli_text_arg ("campaign", &campaign, &status))
    return status;

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  if (remove != 0)
    {
      if (abm_workspace_delete_activity (workspace, remove, &error) == 0)
        return abm_cli_fail (error);
      abm_cli_close (workspace);
      return ABM_CLI_EXIT_OK;
    }
  account = abm_cli_find_account (workspace, domain, &error);
  if (account == NULL)
    return abm_cli_fail (error);
  activity.account_id = abm_account_get_id (account);
  if (activity.day == 0)
    activity.day = abm_workspace_today ();
  if (person != NULL)
    {
      GListModel *people = abm_workspace_get_committee (workspace, account, &error);

      for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people) && activity.stakeholder_id == 0; i++)
        {
          g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, i);

          if (g_ascii_strcasecmp (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL) ?: "", person) == 0
              || g_utf8_collate (abm_stakeholder_get_name (s), person) == 0)
            activity.stakeholder_id = abm_stakeholder_get_id (s);
        }
      if (activity.stakeholder_id == 0)
        {
          g_set_error (&error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND,
                       _("Nobody called “%s” is on the committee of %s"), person, abm_account_get_name (account));
          return abm_cli_fail (error);
        }
    }
  if (!abm_activity_set_text (&activity, topic, campaign, &error))
    return abm_cli_fail (error);
  {
    gint64 id = abm_workspace_add_activity (workspace, &activity, &error);

    abm_activity_clear (&activity);
    if (id == 0)
      return abm_cli_fail (error);
    abm_cli_print ("%" G_GINT64_FORMAT "\n", id);
  }
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

int
abm_cli_opportunity_main (const AbmCliCommand  *command,
                          int                   argc,
                          char                **argv)
{
  g_autofree char *file = NULL, *domain = NULL, *name = NULL, *stage = NULL, *status_text = NULL;
  g_autofree char *created = NULL, *closed = NULL, *amount = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmOpportunity) values = NULL;
  g_autoptr(GError) error = NULL;
  gboolean abm = FALSE, not_abm = FALSE;
  gint64 id = 0;
  AbmOpportunity *existing = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("The account of a new deal, by domain or name"), N_("DOMAIN") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("Change the deal of this id instead"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("The deal’s name"), N_("NAME") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("Its amount in the workspace currency"), N_("AMOUNT") },
    { "stage", 0, 0, G_OPTION_ARG_FILENAME, &stage, N_("The CRM’s stage name"), N_("STAGE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("open, won or lost"), N_("STATUS") },
    { "created", 0, 0, G_OPTION_ARG_STRING, &created, N_("When it was opened (default: today)"), N_("YYYY-MM-DD") },
    { "closed", 0, 0, G_OPTION_ARG_STRING, &closed, N_("When it was won or lost"), N_("YYYY-MM-DD") },
    { "abm-sourced", 0, 0, G_OPTION_ARG_NONE, &abm, N_("The ABM program sourced it"), NULL },
    { "not-abm-sourced", 0, 0, G_OPTION_ARG_NONE, &not_abm, N_("It came from elsewhere"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command, N_("Adds a deal to an account, or changes one (--id): its amount,\n"
                                            "stage, outcome and dates. Prints the deal’s id."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (id == 0 && (domain == NULL || name == NULL))
    return abm_cli_usage_error (command->name, _("Name the account with --account and the deal with --name, "
                                                 "or change a deal with --id"));
  if (!abm_cli_text_arg ("account", &domain, &status) || !abm_cli_text_arg ("name", &name, &status)
      || !abm_cli_text_arg ("stage", &stage, &status))
    return status;

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  if (id != 0)
    {
      existing = abm_workspace_find_opportunity (workspace, id);
      if (existing == NULL)
        {
          g_set_error (&error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND, _("No deal has the id %" PRId64), id);
          return abm_cli_fail (error);
        }
      values = abm_opportunity_copy (existing);
    }
  else
    {
      AbmAccount *account = abm_cli_find_account (workspace, domain, &error);
      g_autofree char *today = NULL;
      GDate date;

      if (account == NULL)
        return abm_cli_fail (error);
      values = abm_opportunity_new ();
      abm_opportunity_set_account_id (values, abm_account_get_id (account));
      abm_date_today (NULL, &date);
      today = abm_date_format (&date);
      abm_opportunity_set_created (values, today, NULL);
    }
  if (name != NULL && !abm_opportunity_set_name (values, name, &error))
    return abm_cli_fail (error);
  if (amount != NULL)
    {
      char *end;
      double number = g_ascii_strtod (amount, &end);

      if (*amount == '\0' || *end != '\0')
        return abm_cli_usage_error (command->name, _("“%s” is not an amount"), amount);
      if (!abm_opportunity_set_amount (values, number, &error))
        return abm_cli_fail (error);
    }
  if (stage != NULL && !abm_opportunity_set_stage (values, stage, &error))
    return abm_cli_fail (error);
  if (status_text != NULL)
    {
      AbmOpportunityStatus value = ABM_OPPORTUNITY_N_STATUSES;

      /* The keys only: a CRM's stage names go to --stage. */
      for (AbmOpportunityStatus v = 0; v < ABM_OPPORTUNITY_N_STATUSES; v++)
        if (g_ascii_strcasecmp (status_text, abm_opportunity_status_key (v)) == 0)
          value = v;
      if (value == ABM_OPPORTUNITY_N_STATUSES)
        return abm_cli_usage_error (command->name, _("Unknown status “%s”: use open, won or lost"), status_text);
      abm_opportunity_set_status (values, value);
    }
  if ((created != NULL && !abm_opportunity_set_created (values, created, &error))
      || (closed != NULL && !abm_opportunity_set_closed (values, closed, &error)))
    return abm_cli_fail (error);
  if (abm || not_abm)
    abm_opportunity_set_abm_sourced (values, abm);
  if (existing != NULL)
    {
      if (!abm_workspace_update_opportunity (workspace, existing, values, &error))
        return abm_cli_fail (error);
    }
  else
    {
      existing = abm_workspace_add_opportunity (workspace, values, &error);
      if (existing == NULL)
        return abm_cli_fail (error);
    }
  abm_cli_print ("%" G_GINT64_FORMAT "\n", abm_opportunity_get_id (existing));
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

/* Rules: "KIND=WEIGHT" for each --weight. */
static gboolean
apply_rule_options (AbmEngagementRules  *rules,
                    char               **weights,
                    int                  half_life,
                    double               engaged_score,
                    int                  engaged_people,
                    GError             **error)
{
  for (guint i = 0; weights != NULL && weights[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (weights[i], "=", 2);
      AbmActivityKind kind;
      char *end = NULL;
      double weight = pair[1] ? g_ascii_strtod (pair[1], &end) : NAN;

      if (pair[1] == NULL || !abm_activity_kind_from_text (pair[0], &kind) || *pair[1] == '\0' || *end != '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--weight takes TYPE=NUMBER, such as demo-request=30, not “%s”"), weights[i]);
          return FALSE;
        }
      if (!abm_engagement_rules_set_weight (rules, kind, weight, error))
        return FALSE;
    }
  return (half_life < 0 || abm_engagement_rules_set_half_life (rules, (guint) half_life, error))
         && (engaged_score < 0 || abm_engagement_rules_set_engaged_score (rules, engaged_score, error))
         && (engaged_people < 0 || abm_engagement_rules_set_engaged_people (rules, (guint) engaged_people, error));
}

static void
print_rules (AbmEngagementRules *rules)
{
  abm_cli_print (_("Half-life: %u days\n"), abm_engagement_rules_get_half_life (rules));
  abm_cli_print (_("Engaged from: score %.0f or %u people reached in 90 days\n"),
                 abm_engagement_rules_get_engaged_score (rules), abm_engagement_rules_get_engaged_people (rules));
  for (guint k = 0; k < ABM_N_ACTIVITY_KINDS; k++)
    abm_cli_print ("  %-18s %g\n", abm_activity_kind_key (k), abm_engagement_rules_get_weight (rules, k));
}

static void
print_engagement (AbmWorkspace  *workspace,
                  AbmAccount    *account,
                  const char    *format)
{
  g_autoptr(AbmEngagementSet) set = abm_workspace_compute_engagement (workspace, 0, NULL);
  g_autoptr(AbmEngagementExplanation) why = abm_workspace_explain_engagement (workspace, account, NULL);
  const AbmEngagement *e = set ? abm_engagement_set_lookup (set, abm_account_get_id (account)) : NULL;
  g_autofree char *reason = NULL;
  gboolean overridden;
  AbmJourneyStage stage = abm_workspace_get_journey_stage (workspace, account, set, &overridden, &reason);
  static const AbmEngagement none;

  if (e == NULL)
    e = &none;
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "domain");
      json_builder_add_string_value (builder, abm_account_get_domain (account));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, round (e->score * 10) / 10);
      json_builder_set_member_name (builder, "score-14-days-ago");
      json_builder_add_double_value (builder, round (e->score_before * 10) / 10);
      json_builder_set_member_name (builder, "trend");
      json_builder_add_string_value (builder, e->trend == ABM_TREND_HEATING ? "heating"
                                              : e->trend == ABM_TREND_COOLING ? "cooling" : "steady");
      json_builder_set_member_name (builder, "spike");
      json_builder_add_boolean_value (builder, e->spike);
      json_builder_set_member_name (builder, "people-reached-30");
      json_builder_add_int_value (builder, e->reached_30);
      json_builder_set_member_name (builder, "people-reached-90");
      json_builder_add_int_value (builder, e->reached_90);
      json_builder_set_member_name (builder, "stage");
      json_builder_add_string_value (builder, abm_journey_stage_key (stage));
      json_builder_set_member_name (builder, "stage-set-by-hand");
      json_builder_add_boolean_value (builder, overridden);
      json_builder_set_member_name (builder, "stage-reason");
      json_builder_add_string_value (builder, reason);
      json_builder_set_member_name (builder, "contributors");
      json_builder_begin_array (builder);
      for (guint i = 0; why != NULL && i < why->contributors->len; i++)
        {
          AbmEngagementContributor *c = &g_array_index (why->contributors, AbmEngagementContributor, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, abm_activity_kind_key (c->kind));
          json_builder_set_member_name (builder, "person-id");
          json_builder_add_int_value (builder, c->stakeholder_id);
          json_builder_set_member_name (builder, "count");
          json_builder_add_int_value (builder, c->count);
          json_builder_set_member_name (builder, "points");
          json_builder_add_double_value (builder, round (c->points * 100) / 100);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      abm_cli_write_json (root);
      return;
    }
  abm_cli_print (_("Engagement: %.0f of 100 (%+.0f in 14 days, %s)\n"), e->score, e->score - e->score_before,
                 abm_trend_label (e->trend));
  abm_cli_print (_("People reached: %u in 30 days, %u in 90 days\n"), e->reached_30, e->reached_90);
  abm_cli_print (_("Stage: %s — %s\n"), abm_journey_stage_label (stage), reason);
  for (guint i = 0; why != NULL && i < why->contributors->len && i < 8; i++)
    {
      AbmEngagementContributor *c = &g_array_index (why->contributors, AbmEngagementContributor, i);
      AbmStakeholder *s = c->stakeholder_id ? abm_workspace_find_stakeholder (workspace, account, c->stakeholder_id) : NULL;

      abm_cli_print ("  %6.1f  %u × %s%s%s\n", c->points, c->count, abm_activity_kind_label (c->kind),
                     s ? " — " : "", s ? abm_stakeholder_get_name (s) : "");
    }
}

int
abm_cli_engagement_main (const AbmCliCommand  *command,
                         int                   argc,
                         char                **argv)
{
  g_autofree char *file = NULL, *domain = NULL, *format = NULL;
  g_auto(GStrv) weights = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int half_life = -1, engaged_people = -1;
  double engaged_score = -1;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("Explain this account’s score and stage"), N_("DOMAIN") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Print as “text” (the default) or as “json”"), N_("FORMAT") },
    { "weight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &weights, N_("Set a type’s weight (repeatable)"), N_("TYPE=NUMBER") },
    { "half-life", 0, 0, G_OPTION_ARG_INT, &half_life, N_("Days after which an activity counts half"), N_("DAYS") },
    { "engaged-score", 0, 0, G_OPTION_ARG_DOUBLE, &engaged_score, N_("Score from which an account is engaged"), N_("SCORE") },
    { "engaged-people", 0, 0, G_OPTION_ARG_INT, &engaged_people,
      N_("People reached in 90 days that make an account engaged"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  gboolean editing;

  if (!abm_cli_parse_file_args (command, N_("Prints the engagement rules, or changes them, or explains an\n"
                                            "account’s engagement score and journey stage from its activities."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (!check_format (command->name, format, FALSE, &status) || !abm_cli_text_arg ("account", &domain, &status))
    return status;
  editing = weights != NULL || half_life >= 0 || engaged_score >= 0 || engaged_people >= 0;

  workspace = abm_workspace_open (file, editing ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  if (editing)
    {
      g_autoptr(AbmEngagementRules) rules = abm_engagement_rules_new ();

      abm_engagement_rules_assign (rules, abm_workspace_get_engagement_rules (workspace));
      if (!apply_rule_options (rules, weights, half_life, engaged_score, engaged_people, &error))
        return error->domain == G_OPTION_ERROR ? abm_cli_usage_error (command->name, "%s", error->message)
                                               : abm_cli_fail (error);
      if (!abm_workspace_set_engagement_rules (workspace, rules, &error))
        return abm_cli_fail (error);
    }
  if (domain != NULL)
    {
      AbmAccount *account = abm_cli_find_account (workspace, domain, &error);

      if (account == NULL)
        return abm_cli_fail (error);
      print_engagement (workspace, account, format);
    }
  else if (g_strcmp0 (format, "json") == 0)
    {
      g_autofree char *json = abm_engagement_rules_to_json (abm_workspace_get_engagement_rules (workspace));

      abm_cli_write (json, -1);
      abm_cli_write ("\n", 1);
    }
  else
    print_rules (abm_workspace_get_engagement_rules (workspace));
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

int
abm_cli_costs_main (const AbmCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *file = NULL;
  g_auto(GStrv) sets = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GArray) costs = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sets,
      N_("What a tier (1–3, or “all” for the program) cost in a period; a negative amount removes it"),
      N_("TIER:PERIOD=AMOUNT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command, N_("Lists or sets the program’s costs per tier and period (2026-Q3,\n"
                                            "2026-09, 2026), from which the KPIs compute cost per pipeline dollar."),
                                entries, &argc, &argv, &file, &status))
    return status;
  workspace = abm_workspace_open (file, sets ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      const char *colon = strchr (sets[i], ':'), *equals = strchr (sets[i], '=');
      g_autofree char *tier = colon ? g_strndup (sets[i], colon - sets[i]) : NULL;
      g_autofree char *period = colon && equals > colon ? g_strndup (colon + 1, equals - colon - 1) : NULL;
      char *end = NULL;
      double amount = equals ? g_ascii_strtod (equals + 1, &end) : NAN;
      guint tier_number = g_strcmp0 (tier, "all") == 0 ? 0 : tier && strlen (tier) == 1 ? (guint) (tier[0] - '0') : 9;

      if (period == NULL || tier_number > 3 || end == NULL || *end != '\0' || end == equals + 1)
        return abm_cli_usage_error (command->name, _("--set takes TIER:PERIOD=AMOUNT, such as 1:2026-Q3=90000, not “%s”"),
                                    sets[i]);
      if (!abm_workspace_set_program_cost (workspace, tier_number, period, amount, &error))
        return abm_cli_fail (error);
    }
  costs = abm_workspace_get_program_costs (workspace, &error);
  if (costs == NULL)
    return abm_cli_fail (error);
  for (guint i = 0; i < costs->len; i++)
    {
      AbmProgramCost *cost = &g_array_index (costs, AbmProgramCost, i);
      g_autofree char *tier = cost->tier ? g_strdup_printf (_("Tier %u"), cost->tier) : g_strdup (_("Program"));

      abm_cli_print ("%-10s %-8s %.2f %s\n", cost->period, tier, cost->amount, abm_workspace_get_currency (workspace));
    }
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

static char *
format_value (double     value,
              AbmKpiUnit unit)
{
  if (isnan (value))
    return g_strdup ("-");
  switch (unit)
    {
    case ABM_KPI_UNIT_SHARE:
      return g_strdup_printf ("%.1f %%", value * 100);
    case ABM_KPI_UNIT_MONEY:
      return g_strdup_printf ("%.0f", value);
    case ABM_KPI_UNIT_RATIO:
      return g_strdup_printf ("%.3f", value);
    case ABM_KPI_UNIT_COUNT:
    case ABM_KPI_UNIT_DAYS:
    case ABM_KPI_UNIT_PEOPLE:
    default:
      return g_strdup_printf ("%.1f", value);
    }
}

static void
print_kpis_csv (AbmKpis *kpis,
                guint    tier)
{
  g_autoptr(GString) out = g_string_new ("period,scope,kpi,indicator,value\n");

  for (guint s = tier ? tier : 0; s < (tier ? tier + 1 : ABM_KPIS_N_SCOPES); s++)
    {
      g_autofree char *scope = s ? g_strdup_printf ("tier-%u", s) : g_strdup ("all");

      for (guint k = 0; k < ABM_N_KPIS; k++)
        {
          const AbmKpiDefinition *d = abm_kpi_definition (k);
          double value = kpis->scopes[s].values[k];
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          g_string_append_printf (out, "%s,%s,%s,%s,%s\n", kpis->period.label, scope, d->key,
                                  d->indicator == ABM_KPI_LEADING ? "leading"
                                  : d->indicator == ABM_KPI_LAGGING ? "lagging" : "context",
                                  isnan (value) ? "" : g_ascii_formatd (number, sizeof number, "%.6g", value));
        }
      for (guint f = 0; f < ABM_N_FUNNEL_STEPS; f++)
        g_string_append_printf (out, "%s,%s,funnel-%s,leading,%u\n", kpis->period.label, scope,
                                abm_funnel_step_key (f), kpis->scopes[s].funnel[f]);
    }
  abm_cli_write (out->str, (gssize) out->len);
}

static void
print_kpis_text (AbmKpis *kpis,
                 guint    tier)
{
  abm_cli_print (_("KPIs for %s\n"), kpis->period.label);
  for (guint s = tier ? tier : 0; s < (tier ? tier + 1 : ABM_KPIS_N_SCOPES); s++)
    {
      g_autofree char *scope = s ? g_strdup_printf (_("Tier %u"), s) : g_strdup (_("All target accounts"));

      abm_cli_print ("\n%s\n", scope);
      for (guint k = 0; k < ABM_N_KPIS; k++)
        {
          const AbmKpiDefinition *d = abm_kpi_definition (k);
          g_autofree char *value = format_value (kpis->scopes[s].values[k], d->unit);

          abm_cli_print ("  %-34s %14s  %s\n", _(d->label), value, abm_kpi_indicator_label (d->indicator));
        }
      abm_cli_print ("  %s", _("Funnel:"));
      for (guint f = 0; f < ABM_N_FUNNEL_STEPS; f++)
        abm_cli_print ("%s %s %u", f ? " →" : "", abm_funnel_step_label (f), kpis->scopes[s].funnel[f]);
      abm_cli_print ("\n");
    }
}

int
abm_cli_kpis_main (const AbmCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *file = NULL, *period_text = NULL, *format = NULL, *today_text = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmKpis) kpis = NULL;
  g_autoptr(GError) error = NULL;
  AbmPeriod period = { 0, };
  guint32 today;
  int tier = 0;
  int status;
  GDate date;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
      N_("2026-Q3, 2026-09, 2026 or FROM..TO (default: this quarter)"), N_("PERIOD") },
    { "tier", 0, 0, G_OPTION_ARG_INT, &tier, N_("Only this tier’s KPIs (1–3)"), N_("TIER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Print as “text” (the default), “json” or “csv”"), N_("FORMAT") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Compute as if it were this day"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command, N_("Prints the program’s account-level KPIs, per tier and overall, for a\n"
                                            "period: the numbers the Insights view shows, leading and lagging."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (!check_format (command->name, format, TRUE, &status) || !parse_day (command->name, "today", today_text, &today, &status))
    return status;
  if (tier < 0 || tier > 3)
    return abm_cli_usage_error (command->name, _("--tier is 1, 2 or 3"));
  if (today == 0)
    today = abm_workspace_today ();
  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  if (!abm_period_parse (period_text, &date, &period, &error))
    return abm_cli_usage_error (command->name, "%s", error->message);

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace != NULL)
    kpis = abm_workspace_compute_kpis (workspace, &period, today, &error);
  abm_period_clear (&period);
  if (kpis == NULL)
    return abm_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *model = abm_workspace_get_accounts (workspace);
      g_autoptr(JsonNode) root = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (accounts, g_list_model_get_item (model, i));
      root = abm_kpis_to_json (kpis, accounts, (guint) tier);
      abm_cli_write_json (root);
    }
  else if (g_strcmp0 (format, "csv") == 0)
    print_kpis_csv (kpis, (guint) tier);
  else
    print_kpis_text (kpis, (guint) tier);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
