/* abm-cli-plans.c: abmctl plan, plays and agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-csv-writer.h"
#include "abm-date.h"
#include "abm-play-calendar.h"
#include "abm-workspace.h"

/* What the commands share */

/* "Now" for the reports: @date at noon (or the present moment) in @zone
 * (or the local zone), so scripts and tests can ask about any day. */
static GDateTime *
parse_now (const char  *command,
           const char  *date,
           const char  *option,
           const char  *zone,
           int         *status)
{
  g_autoptr(GTimeZone) tz = NULL;
  GDate day;

  if (zone != NULL)
    {
      tz = g_time_zone_new_identifier (zone);
      if (tz == NULL)
        {
          *status = abm_cli_usage_error (command, _("“%s” is not a time zone such as Europe/Berlin"), zone);
          return NULL;
        }
    }
  else
    tz = g_time_zone_new_local ();
  if (date == NULL)
    return g_date_time_new_now (tz);
  if (!abm_date_parse (date, &day))
    {
      *status = abm_cli_usage_error (command, _("--%s takes a date as YYYY-MM-DD, not “%s”"), option, date);
      return NULL;
    }
  return g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 12, 0, 0);
}

/* By id or by name, ignoring case. */
static AbmCluster *
find_cluster (AbmWorkspace  *workspace,
              const char    *text,
              GError       **error)
{
  GListModel *clusters = abm_workspace_get_clusters (workspace);
  guint64 id;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL)
      && abm_workspace_find_cluster (workspace, (gint64) id) != NULL)
    return abm_workspace_find_cluster (workspace, (gint64) id);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);

      if (g_utf8_collate (abm_cluster_get_name (cluster), text) == 0
          || g_ascii_strcasecmp (abm_cluster_get_name (cluster), text) == 0)
        return cluster;   /* the list keeps it */
    }
  g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND,
               _("No cluster has the id or name “%s”"), text);
  return NULL;
}

static gboolean
check_format (const char         *command,
              const char         *format,
              const char *const  *formats,
              int                *status)
{
  if (format == NULL || g_strv_contains (formats, format))
    return TRUE;
  {
    g_autofree char *list = g_strjoinv (", ", (char **) formats);
    *status = abm_cli_usage_error (command, _("Unknown format “%s”: use %s"), format, list);
  }
  return FALSE;
}

/* abmctl plan */

static const char *
account_key (AbmAccount *account)
{
  return abm_account_get_domain (account) ? abm_account_get_domain (account) : abm_account_get_name (account);
}

/* Sections, motion and review date of the plan; stage and owners of the
 * account, which are the account's own fields. */
static gboolean
apply_set (AbmWorkspace  *workspace,
           AbmAccount    *account,
           AbmPlan       *plan,
           const char    *assignment,
           GError       **error)
{
  const char *eq = strchr (assignment, '=');
  g_autofree char *key = eq ? g_strndup (assignment, eq - assignment) : NULL;
  g_autofree char *from_stdin = NULL;
  const char *value = eq ? eq + 1 : NULL;
  AbmPlanSection section;
  AbmAccountField field;
  AbmMotion motion;

  if (key == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--set takes KEY=TEXT, not “%s”"), assignment);
      return FALSE;
    }
  /* A long text from a file or a pipe: KEY=- reads standard input. */
  if (strcmp (value, "-") == 0)
    {
      g_autoptr(GIOChannel) in = g_io_channel_unix_new (fileno (stdin));
      gsize len = 0;

      if (g_io_channel_set_encoding (in, NULL, error) != G_IO_STATUS_NORMAL
          || g_io_channel_read_to_end (in, &from_stdin, &len, error) != G_IO_STATUS_NORMAL)
        return FALSE;
      value = from_stdin;
    }
  if (abm_plan_section_from_key (key, &section))
    return abm_workspace_set_plan_section (workspace, plan, section, value, error);
  if (strcmp (key, "motion") == 0)
    {
      if (*value != '\0' && !abm_motion_from_key (value, &motion))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("The motion is land, expand or none, not “%s”"), value);
          return FALSE;
        }
      return abm_workspace_set_plan_motion (workspace, plan, *value ? motion : ABM_MOTION_NONE, error);
    }
  if (strcmp (key, "review-date") == 0)
    return abm_workspace_set_plan_review_date (workspace, plan, value, error);
  if (account != NULL && abm_account_field_from_key (key, &field)
      && (field == ABM_ACCOUNT_FIELD_STAGE || field == ABM_ACCOUNT_FIELD_OWNER_AE
          || field == ABM_ACCOUNT_FIELD_OWNER_MARKETER))
    return abm_workspace_set_account_field (workspace, account, field, value, error);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a plan section, motion, review-date, stage, owner-ae or owner-marketer"), key);
  return FALSE;
}

static void
print_text_block (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    abm_cli_print ("  %s\n", lines[i]);
}

static void
print_plan_text (AbmWorkspace *workspace,
                 AbmAccount   *account,
                 AbmCluster   *cluster,
                 AbmPlan      *plan,
                 AbmPlan      *parent,
                 GDateTime    *now)
{
  static const char *const staleness_text[] = {
    NULL, N_("review date passed"), N_("not edited for a long time")
  };
  AbmPlanStaleness staleness = abm_plan_get_staleness (plan, now, abm_workspace_get_stale_days (workspace));
  AbmWhitespace *map = abm_plan_get_whitespace (plan);
  GListModel *items;

  if (account != NULL)
    {
      abm_cli_print ("%s (%s)\n", abm_account_get_name (account), account_key (account));
      abm_cli_print (_("Owners: %s (AE), %s (marketing)\n"),
                     abm_account_get_owner_ae (account) ? abm_account_get_owner_ae (account) : "-",
                     abm_account_get_owner_marketer (account) ? abm_account_get_owner_marketer (account) : "-");
      abm_cli_print (_("Stage: %s\n"), abm_account_get_stage (account) ? abm_account_get_stage (account) : "-");
    }
  else
    abm_cli_print (_("Cluster plan: %s\n"), abm_cluster_get_name (cluster));
  abm_cli_print (_("Motion: %s\n"), abm_motion_label (abm_plan_get_effective_motion (plan, parent)));
  abm_cli_print (_("Review date: %s\n"), abm_plan_get_review_date (plan) ? abm_plan_get_review_date (plan) : "-");
  if (abm_plan_get_modified (plan) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (abm_plan_get_modified (plan),
                                                            g_date_time_get_timezone (now));
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

      abm_cli_print (_("Last edited: %s\n"), when);
    }
  if (staleness != ABM_PLAN_FRESH)
    abm_cli_print (_("Stale: %s\n"), _(staleness_text[staleness]));

  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      gboolean inherited = FALSE;
      const char *text = abm_plan_get_effective_section (plan, parent, i, &inherited);

      if (*text == '\0')
        continue;
      abm_cli_print ("\n");
      if (inherited)
        abm_cli_print (_("%s (from the cluster plan)\n"), abm_plan_section_label (i));
      else
        abm_cli_print ("%s\n", abm_plan_section_label (i));
      print_text_block (text);
    }

  for (guint k = 0; k < ABM_PLAN_N_ITEM_KINDS; k++)
    {
      items = abm_plan_get_items (plan, k);
      if (g_list_model_get_n_items (items) == 0)
        continue;
      abm_cli_print ("\n%s\n", abm_plan_item_kind_label (k));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(AbmPlanItem) item = g_list_model_get_item (items, i);
          const char *date = abm_plan_item_get_date (item) ? abm_plan_item_get_date (item) : "-";

          abm_cli_print ("  %" G_GINT64_FORMAT "\t%s\t", abm_plan_item_get_id (item), date);
          if (k == ABM_PLAN_ITEM_EVENT)
            abm_cli_print ("%s: ", abm_trigger_label (abm_plan_item_get_trigger (item)));
          if (k == ABM_PLAN_ITEM_STEP)
            abm_cli_print ("%s ", abm_plan_item_get_done (item) ? "[x]" : "[ ]");
          abm_cli_print ("%s", abm_plan_item_get_text (item));
          if (abm_plan_item_get_owner (item) != NULL)
            abm_cli_print (" (%s)", abm_plan_item_get_owner (item));
          if (abm_plan_item_is_overdue (item, now))
            abm_cli_print (_(" — overdue"));
          abm_cli_print ("\n");
        }
    }

  if (abm_whitespace_get_n (map, ABM_WHITESPACE_DIVISIONS) > 0)
    {
      abm_cli_print ("\n%s\n", _("Whitespace"));
      for (guint r = 0; r < abm_whitespace_get_n (map, ABM_WHITESPACE_DIVISIONS); r++)
        for (guint c = 0; c < abm_whitespace_get_n (map, ABM_WHITESPACE_OFFERINGS); c++)
          {
            const AbmWhitespaceCell *cell = abm_whitespace_get_cell (map, r, c);

            abm_cli_print ("  %s / %s\t%s%s%s\t%.0f\n", abm_whitespace_get_name (map, ABM_WHITESPACE_DIVISIONS, r),
                           abm_whitespace_get_name (map, ABM_WHITESPACE_OFFERINGS, c),
                           abm_whitespace_status_label (cell->status), cell->competitor ? ": " : "",
                           cell->competitor ? cell->competitor : "", cell->amount);
          }
    }
}

static void
print_plan_json (AbmWorkspace *workspace,
                 AbmAccount   *account,
                 AbmCluster   *cluster,
                 AbmPlan      *plan,
                 AbmPlan      *parent,
                 GDateTime    *now)
{
  g_autoptr(JsonNode) root = abm_plan_to_json (plan);
  JsonObject *object = json_node_get_object (root);
  JsonObject *effective = json_object_new ();
  JsonArray *inherited = json_array_new ();
  AbmPlanStaleness staleness = abm_plan_get_staleness (plan, now, abm_workspace_get_stale_days (workspace));

  if (account != NULL)
    {
      json_object_set_string_member (object, "account", account_key (account));
      json_object_set_string_member (object, "name", abm_account_get_name (account));
      json_object_set_string_member (object, "owner-ae", abm_account_get_owner_ae (account));
      json_object_set_string_member (object, "owner-marketer", abm_account_get_owner_marketer (account));
      json_object_set_string_member (object, "stage", abm_account_get_stage (account));
      json_object_set_int_member (object, "tier", abm_account_get_tier (account));
    }
  if (cluster != NULL)
    json_object_set_string_member (object, "cluster", abm_cluster_get_name (cluster));
  json_object_set_string_member (object, "effective-motion",
                                 abm_motion_key (abm_plan_get_effective_motion (plan, parent)));
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      gboolean from_parent = FALSE;

      json_object_set_string_member (effective, abm_plan_section_key (i),
                                     abm_plan_get_effective_section (plan, parent, i, &from_parent));
      if (from_parent)
        json_array_add_string_element (inherited, abm_plan_section_key (i));
    }
  json_object_set_object_member (object, "effective-sections", effective);
  json_object_set_array_member (object, "inherited", inherited);
  json_object_set_string_member (object, "staleness", abm_plan_staleness_key (staleness));
  abm_cli_write_json (root);
}

int
abm_cli_plan_main (const AbmCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *cluster_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *step = NULL;
  g_autofree char *due = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *zone = NULL;
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) divisions = NULL;
  g_auto(GStrv) offerings = NULL;
  g_auto(GStrv) cells = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *account = NULL;
  AbmCluster *cluster = NULL;
  AbmPlan *plan, *parent = NULL;
  gboolean writes;
  int status;
  const char *const formats[] = { "text", "json", NULL };
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("The account’s plan, by domain or name"), N_("DOMAIN") },
    { "cluster", 0, 0, G_OPTION_ARG_FILENAME, &cluster_name, N_("A Tier 2 cluster’s plan, by id or name"), N_("CLUSTER") },
    { "set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sets,
      N_("Set a section (business-priorities, pain-points, strengths, weaknesses, opportunities, threats, "
         "competitive-landscape, value-hypothesis, objectives, risks, messaging, notes), motion, review-date, "
         "stage, owner-ae or owner-marketer; TEXT “-” reads standard input"), N_("KEY=TEXT") },
    { "add-step", 0, 0, G_OPTION_ARG_FILENAME, &step, N_("Add a next step"), N_("TEXT") },
    { "add-division", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &divisions,
      N_("Add a division or buying centre (a row) to the whitespace map"), N_("NAME") },
    { "add-offering", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &offerings,
      N_("Add an offering (a column) to the whitespace map and to the workspace’s offerings"), N_("NAME") },
    { "set-cell", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cells,
      N_("Mark a cell of the whitespace map customer, opportunity, whitespace or competitor (named), "
         "with an amount"), N_("DIVISION|OFFERING=STATUS[:COMPETITOR][:AMOUNT]") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("The new step’s due date"), N_("YYYY-MM-DD") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_("Who does the new step"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Print as “text” (the default) or as “json”"), N_("FORMAT") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &zone, N_("Judge due and stale in this time zone"), N_("ZONE") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Prints an account’s or a cluster’s plan: owners, stage, motion, review\n"
                                   "date and last edit, the written sections (an account in a cluster shows\n"
                                   "the cluster’s where its own are blank), vendors, trigger events, next\n"
                                   "steps and the whitespace map; or changes it with --set, --add-step,\n"
                                   "--add-division, --add-offering and --set-cell, each change stored as it\n"
                                   "is made."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if ((domain == NULL) == (cluster_name == NULL))
    return abm_cli_usage_error (command->name, _("Name the plan with --account or --cluster"));
  if (!check_format (command->name, format, formats, &status)
      || !abm_cli_text_arg ("add-step", &step, &status) || !abm_cli_text_arg ("owner", &owner, &status))
    return status;
  for (guint i = 0; sets && sets[i]; i++)
    if (!abm_cli_text_arg ("set", &sets[i], &status))
      return status;
  for (guint i = 0; divisions && divisions[i]; i++)
    if (!abm_cli_text_arg ("add-division", &divisions[i], &status))
      return status;
  for (guint i = 0; offerings && offerings[i]; i++)
    if (!abm_cli_text_arg ("add-offering", &offerings[i], &status))
      return status;
  for (guint i = 0; cells && cells[i]; i++)
    if (!abm_cli_text_arg ("set-cell", &cells[i], &status))
      return status;
  if ((due != NULL || owner != NULL) && step == NULL)
    return abm_cli_usage_error (command->name, _("--due and --owner go with --add-step"));
  now = parse_now (command->name, NULL, NULL, zone, &status);
  if (now == NULL)
    return status;

  writes = sets != NULL || step != NULL || divisions != NULL || offerings != NULL || cells != NULL;
  workspace = abm_workspace_open (file, writes ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  if (domain != NULL && (account = abm_cli_find_account (workspace, domain, &error)) == NULL)
    return abm_cli_fail (error);
  if (cluster_name != NULL && (cluster = find_cluster (workspace, cluster_name, &error)) == NULL)
    return abm_cli_fail (error);
  plan = account ? abm_workspace_get_plan (workspace, account, &error)
                 : abm_workspace_get_cluster_plan (workspace, cluster, &error);
  if (plan == NULL)
    return abm_cli_fail (error);
  if (account != NULL && abm_account_get_cluster_id (account) > 0)
    {
      cluster = abm_workspace_find_cluster (workspace, abm_account_get_cluster_id (account));
      parent = abm_workspace_get_parent_plan (workspace, account, NULL);
    }

  for (guint i = 0; sets && sets[i]; i++)
    if (!apply_set (workspace, account, plan, sets[i], &error))
      return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE)
             ? abm_cli_usage_error (command->name, "%s", error->message) : abm_cli_fail (error);
  if ((divisions != NULL || offerings != NULL || cells != NULL)
      && !abm_cli_edit_whitespace (workspace, plan, (const char *const *) divisions,
                                   (const char *const *) offerings, (const char *const *) cells, &error))
    return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE)
           || g_error_matches (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID)
           ? abm_cli_usage_error (command->name, "%s", error->message) : abm_cli_fail (error);
  if (step != NULL)
    {
      g_autoptr(AbmPlanItem) values = abm_plan_item_new (ABM_PLAN_ITEM_STEP);

      if (!abm_plan_item_set_text (values, step, &error) || !abm_plan_item_set_date (values, due, &error)
          || !abm_plan_item_set_owner (values, owner, &error))
        return abm_cli_usage_error (command->name, "%s", error->message);
      if (abm_workspace_add_plan_item (workspace, plan, values, &error) == NULL)
        return abm_cli_fail (error);
    }

  if (g_strcmp0 (format, "json") == 0)
    print_plan_json (workspace, account, cluster, plan, parent, now);
  else if (!writes)
    print_plan_text (workspace, account, account ? NULL : cluster, plan, parent, now);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

/* abmctl plays */

/* "7d", "2w" or "7". */
static gboolean
parse_days (const char *text,
            int        *days)
{
  g_autofree char *number = g_strdup (text);
  gsize len = strlen (number);
  guint64 value;
  guint factor = 1;

  if (len > 1 && (number[len - 1] == 'd' || number[len - 1] == 'w'))
    {
      factor = number[len - 1] == 'w' ? 7 : 1;
      number[len - 1] = '\0';
    }
  if (!g_ascii_string_to_unsigned (number, 10, 0, 3650, &value, NULL))
    return FALSE;
  *days = (int) value * (int) factor;
  return TRUE;
}

static const char *
target_name (AbmWorkspace *workspace,
             AbmPlay      *play)
{
  AbmStakeholder *person = abm_workspace_find_play_target (workspace, play);

  return person ? abm_stakeholder_get_name (person) : NULL;
}

static void
play_subject (AbmWorkspace  *workspace,
              AbmPlay       *play,
              const char   **account_text,
              const char   **cluster_text)
{
  AbmAccount *account = abm_workspace_find_account_by_id (workspace, abm_play_get_account_id (play));
  AbmCluster *cluster = abm_play_get_cluster_id (play) > 0
                        ? abm_workspace_find_cluster (workspace, abm_play_get_cluster_id (play)) : NULL;

  *account_text = account ? account_key (account) : NULL;
  *cluster_text = cluster ? abm_cluster_get_name (cluster) : NULL;
}

static void
print_plays_csv (AbmWorkspace *workspace,
                 GPtrArray    *plays,
                 GDateTime    *now)
{
  g_autoptr(GString) line = g_string_new ("id,account,cluster,channel,target-person,target-role,description,"
                                          "owner,start,due,status,days-until-due,overdue\n");

  abm_cli_write (line->str, (gssize) line->len);
  for (guint i = 0; i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      const char *person = target_name (workspace, play);
      const char *account_text, *cluster_text;
      char days_text[16] = "";
      int days;

      play_subject (workspace, play, &account_text, &cluster_text);
      if (abm_play_get_days_until_due (play, now, &days))
        g_snprintf (days_text, sizeof days_text, "%d", days);
      g_string_printf (line, "%" G_GINT64_FORMAT ",", abm_play_get_id (play));
      abm_csv_append_field (line, account_text);
      g_string_append_c (line, ',');
      abm_csv_append_field (line, cluster_text);
      g_string_append_printf (line, ",%s,", abm_channel_key (abm_play_get_channel (play)));
      abm_csv_append_field (line, person);
      g_string_append_printf (line, ",%s,", abm_play_get_target_role (play) < ABM_N_ROLES
                                            ? abm_role_key (abm_play_get_target_role (play)) : "");
      abm_csv_append_field (line, abm_play_get_description (play));
      g_string_append_printf (line, ",%s,%s,%s,%s,%s,%s\n", abm_play_owner_key (abm_play_get_owner (play)),
                              abm_play_get_start (play) ? abm_play_get_start (play) : "",
                              abm_play_get_due (play) ? abm_play_get_due (play) : "",
                              abm_play_status_key (abm_play_get_status (play)), days_text,
                              abm_play_is_overdue (play, now) ? "yes" : "no");
      abm_cli_write (line->str, (gssize) line->len);
    }
}

static void
print_plays_json (AbmWorkspace *workspace,
                  GPtrArray    *plays,
                  GDateTime    *now)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      JsonNode *node = abm_play_to_json (play);
      JsonObject *object = json_node_get_object (node);
      const char *person = target_name (workspace, play);
      const char *account_text, *cluster_text;
      int days;

      play_subject (workspace, play, &account_text, &cluster_text);
      json_object_set_string_member (object, "account", account_text);
      json_object_set_string_member (object, "cluster", cluster_text);
      json_object_set_string_member (object, "target-person", person);
      if (abm_play_get_days_until_due (play, now, &days))
        json_object_set_int_member (object, "days-until-due", days);
      else
        json_object_set_null_member (object, "days-until-due");
      json_object_set_boolean_member (object, "overdue", abm_play_is_overdue (play, now));
      json_array_add_element (array, node);
    }
  json_node_take_array (root, array);
  abm_cli_write_json (root);
}

/* "ID=STATUS" */
static gboolean
apply_status (AbmWorkspace  *workspace,
              const char    *text,
              GError       **error)
{
  const char *eq = strchr (text, '=');
  g_autofree char *id_text = eq ? g_strndup (text, eq - text) : NULL;
  AbmPlayStatus status;
  AbmPlay *play;
  guint64 id;

  if (eq == NULL || !g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL)
      || !abm_play_status_from_key (eq + 1, &status))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--set-status takes ID=STATUS with a status of planned, in-progress, done or skipped, "
                     "not “%s”"), text);
      return FALSE;
    }
  play = abm_workspace_find_play (workspace, (gint64) id, error);
  if (play == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND,
                     _("There is no play %" PRIu64), id);
      return FALSE;
    }
  return abm_workspace_set_play_status (workspace, play, status, error);
}

int
abm_cli_plays_main (const AbmCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *cluster_name = NULL;
  g_autofree char *format = NULL;
  g_autofree char *within = NULL;
  g_autofree char *today = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *template_key = NULL;
  g_autofree char *start_text = NULL;
  g_auto(GStrv) statuses = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) plays = NULL;
  g_autoptr(GError) error = NULL;
  gboolean overdue = FALSE, open_only = FALSE, events = FALSE, writes;
  AbmPlayFilter filter = { .due_within = -1 };
  AbmPlayTemplateKind template_kind = ABM_PLAY_TEMPLATE_TIER_1;
  AbmAccount *account = NULL;
  AbmCluster *cluster = NULL;
  int status;
  const char *const formats[] = { "csv", "json", "ics", NULL };
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain,
      N_("Only the account’s plays and its cluster’s"), N_("DOMAIN") },
    { "cluster", 0, 0, G_OPTION_ARG_FILENAME, &cluster_name, N_("Only a cluster’s plays, by id or name"), N_("CLUSTER") },
    { "due-within", 0, 0, G_OPTION_ARG_STRING, &within,
      N_("Only plays due from today to this many days on (7d, 2w)"), N_("DAYS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only open plays due before today (with --due-within: those as well)"), NULL },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only plays planned or in progress"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Print as “csv” (the default), a “json” array, or an iCalendar file (“ics”)"), N_("FORMAT") },
    { "ics-events", 0, 0, G_OPTION_ARG_NONE, &events,
      N_("In iCalendar, all-day events instead of tasks, for calendars that ignore tasks"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Count due days from this date"), N_("YYYY-MM-DD") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &zone, N_("Count days in this time zone"), N_("ZONE") },
    { "apply-template", 0, 0, G_OPTION_ARG_STRING, &template_key,
      N_("Add the plays of the “tier-1” or “cluster” template to --account or --cluster"), N_("TEMPLATE") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("The day the template’s plays count from (default: today)"), N_("YYYY-MM-DD") },
    { "set-status", 0, 0, G_OPTION_ARG_STRING_ARRAY, &statuses,
      N_("Set a play’s status: planned, in-progress, done or skipped"), N_("ID=STATUS") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Prints the plays across the workspace, by due date, or writes them as an\n"
                                   "iCalendar file whose entries keep their identity from one export to the\n"
                                   "next. Dates are calendar days: “due within 7d” counts from today in the\n"
                                   "local time zone (or --timezone)."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (domain != NULL && cluster_name != NULL)
    return abm_cli_usage_error (command->name, _("Give --account or --cluster, not both"));
  if (!check_format (command->name, format, formats, &status))
    return status;
  if (within != NULL && !parse_days (within, &filter.due_within))
    return abm_cli_usage_error (command->name, _("--due-within takes days such as 7d or 2w, not “%s”"), within);
  if (template_key != NULL && !abm_play_template_kind_from_key (template_key, &template_kind))
    return abm_cli_usage_error (command->name, _("Unknown template “%s”: use tier-1 or cluster"), template_key);
  if (template_key != NULL && domain == NULL && cluster_name == NULL)
    return abm_cli_usage_error (command->name, _("--apply-template needs --account or --cluster"));
  if (start_text != NULL && template_key == NULL)
    return abm_cli_usage_error (command->name, _("--start goes with --apply-template"));
  now = parse_now (command->name, today, "today", zone, &status);
  if (now == NULL)
    return status;
  filter.overdue = overdue;
  filter.open_only = open_only;

  writes = template_key != NULL || statuses != NULL;
  workspace = abm_workspace_open (file, writes ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  if (domain != NULL)
    {
      if ((account = abm_cli_find_account (workspace, domain, &error)) == NULL)
        return abm_cli_fail (error);
      filter.account_id = abm_account_get_id (account);
      filter.cluster_id = abm_account_get_cluster_id (account);
    }
  if (cluster_name != NULL)
    {
      if ((cluster = find_cluster (workspace, cluster_name, &error)) == NULL)
        return abm_cli_fail (error);
      filter.cluster_id = abm_cluster_get_id (cluster);
    }

  for (guint i = 0; statuses && statuses[i]; i++)
    if (!apply_status (workspace, statuses[i], &error))
      return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE)
             ? abm_cli_usage_error (command->name, "%s", error->message) : abm_cli_fail (error);
  if (template_key != NULL)
    {
      g_autoptr(GPtrArray) added = NULL;
      GDate start;

      if (start_text != NULL ? !abm_date_parse (start_text, &start) : (abm_date_today (now, &start), FALSE))
        return abm_cli_usage_error (command->name, _("--start takes a date as YYYY-MM-DD, not “%s”"), start_text);
      added = abm_workspace_apply_play_template (workspace, abm_workspace_get_play_template (workspace, template_kind),
                                                 account, account ? NULL : cluster, &start, &error);
      if (added == NULL)
        return abm_cli_fail (error);
      abm_cli_print (g_dngettext (NULL, "added %u play\n", "added %u plays\n", added->len), added->len);
    }
  if (writes)
    {
      abm_cli_close (workspace);
      return ABM_CLI_EXIT_OK;
    }

  plays = abm_workspace_find_plays (workspace, &filter, now, &error);
  if (plays == NULL)
    return abm_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    print_plays_json (workspace, plays, now);
  else if (g_strcmp0 (format, "ics") == 0)
    {
      g_autofree char *ics = abm_play_calendar_to_ics (workspace, plays,
                                                       events ? ABM_CALENDAR_EVENTS : ABM_CALENDAR_TODOS, NULL);
      abm_cli_write (ics, -1);
    }
  else
    print_plays_csv (workspace, plays, now);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

/* abmctl agenda */

static void
print_agenda_text (GPtrArray *items,
                   GDate     *monday,
                   GDate     *sunday)
{
  g_autofree char *from = abm_date_format (monday);
  g_autofree char *to = abm_date_format (sunday);
  int group = -1;

  abm_cli_print (_("Week of %s to %s\n"), from, to);
  if (items->len == 0)
    abm_cli_print (_("Nothing due, nothing overdue, no stale plans.\n"));
  for (guint i = 0; i < items->len; i++)
    {
      AbmAgendaItem *item = items->pdata[i];
      int here = item->kind == ABM_AGENDA_STALE_PLAN ? 2 : item->overdue ? 0 : 1;

      if (here != group)
        {
          const char *const headings[] = { N_("Overdue"), N_("Due this week"), N_("Stale plans") };

          abm_cli_print ("\n%s\n", _(headings[here]));
          group = here;
        }
      if (item->kind == ABM_AGENDA_STALE_PLAN)
        {
          if (item->staleness == ABM_PLAN_REVIEW_DUE)
            abm_cli_print (_("  %s — review date %s passed\n"), item->subject, item->date);
          else
            abm_cli_print (g_dngettext (NULL, "  %s — not edited for %d day\n", "  %s — not edited for %d days\n",
                                        item->days), item->subject, item->days);
          continue;
        }
      abm_cli_print ("  %s  %s — ", item->date, item->subject);
      if (item->kind == ABM_AGENDA_STEP)
        abm_cli_print (_("next step: %s"), item->text);
      else
        abm_cli_print (_("play: %s (%s, %s)"), item->text, abm_channel_label (item->channel),
                       abm_play_owner_label (item->team));
      if (item->owner != NULL)
        abm_cli_print (" (%s)", item->owner);
      if (item->overdue)
        abm_cli_print (g_dngettext (NULL, ", %d day overdue", ", %d days overdue", -item->days), -item->days);
      abm_cli_print ("\n");
    }
}

static void
print_agenda_json (GPtrArray *items,
                   GDate     *today,
                   GDate     *monday,
                   GDate     *sunday)
{
  static const char *const kinds[] = { "next-step", "play", "stale-plan" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *today_text = abm_date_format (today);
  g_autofree char *from = abm_date_format (monday);
  g_autofree char *to = abm_date_format (sunday);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, today_text);
  json_builder_set_member_name (builder, "week-start");
  json_builder_add_string_value (builder, from);
  json_builder_set_member_name (builder, "week-end");
  json_builder_add_string_value (builder, to);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      AbmAgendaItem *item = items->pdata[i];
      JsonObject *object = json_object_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_string_member (object, "kind", kinds[item->kind]);
      json_object_set_int_member (object, "id", item->id);
      json_object_set_string_member (object, item->account_id ? "account" : "cluster",
                                     item->domain ? item->domain : item->subject);
      json_object_set_string_member (object, "name", item->subject);
      json_object_set_string_member (object, "text", item->text);
      json_object_set_string_member (object, "date", item->date);
      if (item->kind == ABM_AGENDA_STALE_PLAN)
        {
          json_object_set_string_member (object, "staleness", abm_plan_staleness_key (item->staleness));
          json_object_set_int_member (object, "days-since-edit", item->days);
        }
      else
        {
          json_object_set_int_member (object, "days-until-due", item->days);
          json_object_set_boolean_member (object, "overdue", item->overdue);
        }
      if (item->kind == ABM_AGENDA_STEP)
        json_object_set_string_member (object, "owner", item->owner);
      if (item->kind == ABM_AGENDA_PLAY)
        {
          json_object_set_string_member (object, "owner", abm_play_owner_key (item->team));
          json_object_set_string_member (object, "channel", abm_channel_key (item->channel));
        }
      json_node_take_object (node, object);
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  abm_cli_write_json (root);
}

int
abm_cli_agenda_main (const AbmCliCommand  *command,
                     int                   argc,
                     char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *week = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *format = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GDate today, monday, sunday;
  int status;
  const char *const formats[] = { "text", "json", NULL };
  const GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week,
      N_("The week of this day, as if it were today (default: today)"), N_("YYYY-MM-DD") },
    { "timezone", 0, 0, G_OPTION_ARG_STRING, &zone, N_("Count days in this time zone"), N_("ZONE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Print as “text” (the default) or as “json”"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Prints the agenda of the weekly sales and marketing account review: next\n"
                                   "steps due this week (Monday to Sunday) or overdue, open plays past their\n"
                                   "due date, and plans past their review date or not edited for the\n"
                                   "workspace’s stale period; overdue first, the oldest first."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (!check_format (command->name, format, formats, &status))
    return status;
  now = parse_now (command->name, week, "week", zone, &status);
  if (now == NULL)
    return status;

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  items = abm_workspace_get_agenda (workspace, now, &error);
  if (items == NULL)
    return abm_cli_fail (error);
  abm_date_today (now, &today);
  abm_date_week (now, &monday, &sunday);
  if (g_strcmp0 (format, "json") == 0)
    print_agenda_json (items, &today, &monday, &sunday);
  else
    print_agenda_text (items, &monday, &sunday);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
