/* abm-cli-tier.c: abmctl tier, tiers and snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-workspace.h"

/* "1=top:20", "3=min:40" */
static gboolean
apply_rule (AbmTierRules  *rules,
            const char    *text,
            GError       **error)
{
  g_auto(GStrv) parts = g_strsplit_set (text, "=:", 3);
  char *end = NULL;
  guint64 tier;
  double value;

  if (g_strv_length (parts) != 3
      || !g_ascii_string_to_unsigned (parts[0], 10, 1, 3, &tier, NULL)
      || (value = g_ascii_strtod (parts[2], &end), end == parts[2] || *end != '\0')
      || (strcmp (parts[1], "top") != 0 && strcmp (parts[1], "min") != 0))
    {
      g_set_error (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                   _("“%s” is not a tier rule: write TIER=top:COUNT or TIER=min:PRIORITY, "
                     "as in 1=top:20 or 3=min:40"), text);
      return FALSE;
    }
  return abm_tier_rules_set_tier (rules, (guint) tier,
                                  strcmp (parts[1], "top") == 0 ? ABM_TIER_TOP_N : ABM_TIER_THRESHOLD,
                                  value, error);
}

/* "fit=50,acv=30,intent=20", any of them */
static gboolean
apply_weights (AbmTierRules  *rules,
               const char    *text,
               GError       **error)
{
  static const char *const keys[ABM_PRIORITY_N_PARTS] = { "fit", "acv", "intent" };
  g_auto(GStrv) items = g_strsplit (text, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (items[i], "=", 2);
      char *end = NULL;
      double weight;
      guint part = ABM_PRIORITY_N_PARTS;

      for (guint k = 0; kv[0] != NULL && k < ABM_PRIORITY_N_PARTS; k++)
        if (g_strcmp0 (g_strstrip (kv[0]), keys[k]) == 0)
          part = k;
      if (part == ABM_PRIORITY_N_PARTS || kv[1] == NULL
          || (weight = g_ascii_strtod (kv[1], &end), end == kv[1] || *end != '\0'))
        {
          g_set_error (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                       _("“%s” is not a weight: write fit=N, acv=N or intent=N"), items[i]);
          return FALSE;
        }
      if (!abm_tier_rules_set_weight (rules, part, weight, error))
        return FALSE;
    }
  return TRUE;
}

int
abm_cli_tier_main (const AbmCliCommand  *command,
                   int                   argc,
                   char                **argv)
{
  g_autofree char *file = NULL;
  g_auto(GStrv) sets = NULL;
  g_auto(GStrv) locks = NULL;
  g_auto(GStrv) unlocks = NULL;
  g_auto(GStrv) rules_text = NULL;
  g_autofree char *weights = NULL;
  g_autofree char *explain = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  gboolean suggest = FALSE, suggest_clusters = FALSE;
  int aes = -1, marketers = -1;
  double min_acv = -1;
  AbmTierRules *rules;
  int status;
  const GOptionEntry entries[] = {
    { "suggest", 0, 0, G_OPTION_ARG_NONE, &suggest,
      N_("Give every account the tier the rules suggest (locked accounts keep theirs)"), NULL },
    { "set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sets,
      N_("Set an account’s tier by hand: 0 (none), 1, 2 or 3"), N_("DOMAIN=TIER") },
    { "lock", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &locks,
      N_("Lock an account’s tier against suggestions"), N_("DOMAIN") },
    { "unlock", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &unlocks,
      N_("Let suggestions change an account’s tier again"), N_("DOMAIN") },
    { "rule", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rules_text,
      N_("How a tier is filled: the top COUNT by priority, or every account from a priority on"),
      N_("TIER=top:COUNT|TIER=min:PRIORITY") },
    { "weights", 0, 0, G_OPTION_ARG_FILENAME, &weights,
      N_("What the priority weighs: ICP fit, ACV potential and intent"), N_("fit=N,acv=N,intent=N") },
    { "aes", 0, 0, G_OPTION_ARG_INT, &aes, N_("Account executives in the team"), N_("N") },
    { "marketers", 0, 0, G_OPTION_ARG_INT, &marketers, N_("Marketers in the team"), N_("N") },
    { "min-acv", 0, 0, G_OPTION_ARG_DOUBLE, &min_acv,
      N_("The smallest ACV potential worth Tier 1 or 2"), N_("AMOUNT") },
    { "suggest-clusters", 0, 0, G_OPTION_ARG_NONE, &suggest_clusters,
      N_("Group Tier 2 accounts in no cluster into clusters by what they share"), NULL },
    { "explain", 0, 0, G_OPTION_ARG_FILENAME, &explain,
      N_("Say why an account has its tier"), N_("DOMAIN") },
    G_OPTION_ENTRY_NULL
  };
  gboolean writes;

  if (!abm_cli_parse_file_args (command,
                                N_("Changes are made in this order: rules and team, tiers set, locked or\n"
                                   "unlocked by hand, then the suggestion, then clusters. Without options,\n"
                                   "prints the tier counts, as `abmctl tiers` does."),
                                entries, &argc, &argv, &file, &status))
    return status;

  writes = suggest || suggest_clusters || sets || locks || unlocks || rules_text || weights
           || aes >= 0 || marketers >= 0 || min_acv >= 0;
  workspace = abm_workspace_open (file, writes ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY,
                                  &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  rules = abm_workspace_get_tier_rules (workspace);

  for (guint i = 0; rules_text && rules_text[i]; i++)
    if (!apply_rule (rules, rules_text[i], &error))
      return abm_cli_usage_error (command->name, "%s", error->message);
  if (weights != NULL && !apply_weights (rules, weights, &error))
    return abm_cli_usage_error (command->name, "%s", error->message);
  if ((aes >= 0 || marketers >= 0)
      && !abm_tier_rules_set_team (rules,
                                   aes >= 0 ? (guint) aes : abm_tier_rules_get_aes (rules),
                                   marketers >= 0 ? (guint) marketers : abm_tier_rules_get_marketers (rules),
                                   &error))
    return abm_cli_usage_error (command->name, "%s", error->message);
  if (min_acv >= 0 && !abm_tier_rules_set_min_acv (rules, min_acv, &error))
    return abm_cli_usage_error (command->name, "%s", error->message);
  if (abm_workspace_get_tier_rules_error (workspace) != NULL)
    return abm_cli_fail (abm_workspace_get_tier_rules_error (workspace));

  for (guint i = 0; sets && sets[i]; i++)
    {
      const char *eq = strrchr (sets[i], '=');
      g_autofree char *domain = eq ? g_strndup (sets[i], eq - sets[i]) : NULL;
      guint64 tier;
      AbmAccount *account;

      if (eq == NULL || !g_ascii_string_to_unsigned (eq + 1, 10, 0, 3, &tier, NULL))
        return abm_cli_usage_error (command->name, _("--set takes DOMAIN=TIER with a tier from 0 to 3, not “%s”"),
                                    sets[i]);
      account = abm_cli_find_account (workspace, domain, &error);
      if (account == NULL
          || !abm_workspace_set_account_tier (workspace, account, (guint) tier,
                                              abm_account_get_tier_locked (account), &error))
        return abm_cli_fail (error);
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      char **list = pass == 0 ? locks : unlocks;

      for (guint i = 0; list && list[i]; i++)
        {
          AbmAccount *account = abm_cli_find_account (workspace, list[i], &error);

          if (account == NULL
              || !abm_workspace_set_account_tier (workspace, account, abm_account_get_tier (account),
                                                  pass == 0, &error))
            return abm_cli_fail (error);
        }
    }

  if (suggest)
    {
      g_autoptr(AbmTierPlan) plan = abm_tier_plan_new (rules, abm_workspace_get_accounts (workspace));
      guint changed = 0;

      if (!abm_workspace_apply_tier_plan (workspace, plan, &changed, &error))
        return abm_cli_fail (error);
      abm_cli_print (g_dngettext (NULL, "suggested tiers: %u account changed tier\n",
                                  "suggested tiers: %u accounts changed tier\n", changed), changed);
    }

  if (suggest_clusters)
    {
      g_autoptr(GPtrArray) proposals = abm_suggest_clusters (abm_workspace_get_accounts (workspace));

      if (!abm_workspace_add_cluster_proposals (workspace, proposals, &error))
        return abm_cli_fail (error);
      for (guint i = 0; i < proposals->len; i++)
        {
          AbmClusterProposal *p = proposals->pdata[i];
          abm_cli_print (_("new cluster: %s (%u accounts): %s\n"), p->name, p->accounts->len, p->attribute);
        }
      if (proposals->len == 0)
        abm_cli_print (_("no clusters: fewer than %u Tier 2 accounts in no cluster share an attribute\n"),
                       ABM_CLUSTER_MIN_SIZE);
    }

  if (explain != NULL)
    {
      AbmAccount *account = abm_cli_find_account (workspace, explain, &error);
      g_autoptr(AbmTierPlan) plan = NULL;
      guint position = 0;
      g_autofree char *text = NULL;

      if (account == NULL)
        return abm_cli_fail (error);
      plan = abm_tier_plan_new (rules, abm_workspace_get_accounts (workspace));
      while (abm_tier_plan_get_account (plan, position) != account)
        position++;
      text = abm_tier_plan_explain (plan, position);
      abm_cli_print ("%s: %s\n", abm_account_get_name (account), text);
    }
  else
    {
      AbmTierSummary summary;

      abm_tier_summary_compute (&summary, abm_workspace_get_accounts (workspace), rules);
      abm_cli_print (_("Tier 1: %u, Tier 2: %u, Tier 3: %u, not tiered: %u\n"),
                     summary.tiers[1].count, summary.tiers[2].count, summary.tiers[3].count,
                     summary.tiers[0].count);
    }

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

static void
add_stats (JsonBuilder        *builder,
           const AbmTierStats *stats)
{
  double fit = abm_tier_stats_fit_average (stats);

  json_builder_set_member_name (builder, "accounts");
  json_builder_add_int_value (builder, stats->count);
  json_builder_set_member_name (builder, "acv-potential");
  json_builder_add_double_value (builder, stats->acv_total);
  json_builder_set_member_name (builder, "average-fit");
  if (fit < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, round (fit * 10) / 10);
  json_builder_set_member_name (builder, "locked");
  json_builder_add_int_value (builder, stats->locked);
}

static void
print_tiers_json (AbmWorkspace         *workspace,
                  const AbmTierSummary *summary,
                  GPtrArray            *notes,
                  GHashTable           *cluster_stats)
{
  AbmTierRules *rules = abm_workspace_get_tier_rules (workspace);
  GListModel *clusters = abm_workspace_get_clusters (workspace);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, abm_workspace_get_currency (workspace));
  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  for (guint t = 1; t <= 3; t++)
    {
      double per_ae = abm_tier_per_ae (summary, rules, t);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "tier");
      json_builder_add_int_value (builder, t);
      add_stats (builder, &summary->tiers[t]);
      json_builder_set_member_name (builder, "per-ae");
      if (per_ae < 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, round (per_ae * 10) / 10);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, abm_tier_rules_get_mode (rules, t) == ABM_TIER_TOP_N ? "top" : "min");
      json_builder_set_member_name (builder, "rule-value");
      json_builder_add_double_value (builder, abm_tier_rules_get_value (rules, t));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "not-tiered");
  json_builder_add_int_value (builder, summary->tiers[0].count);

  json_builder_set_member_name (builder, "team");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aes");
  json_builder_add_int_value (builder, abm_tier_rules_get_aes (rules));
  json_builder_set_member_name (builder, "marketers");
  json_builder_add_int_value (builder, abm_tier_rules_get_marketers (rules));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "min-acv");
  json_builder_add_double_value (builder, abm_tier_rules_get_min_acv (rules));

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      AbmTierNote *note = notes->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_string_value (builder, note->level == ABM_TIER_NOTE_WARNING ? "warning" : "info");
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, note->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "clusters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);
      gint64 id = abm_cluster_get_id (cluster);
      AbmTierStats *stats = g_hash_table_lookup (cluster_stats, &id);
      AbmTierStats none = { 0 };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, abm_cluster_get_name (cluster));
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, abm_cluster_get_note (cluster));
      add_stats (builder, stats ? stats : &none);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  abm_cli_write_json (root);
}

static void
print_tiers_text (AbmWorkspace         *workspace,
                  const AbmTierSummary *summary,
                  GPtrArray            *notes,
                  GHashTable           *cluster_stats)
{
  AbmTierRules *rules = abm_workspace_get_tier_rules (workspace);
  GListModel *clusters = abm_workspace_get_clusters (workspace);
  const char *currency = abm_workspace_get_currency (workspace);

  for (guint t = 1; t <= 3; t++)
    {
      const AbmTierStats *s = &summary->tiers[t];
      double fit = abm_tier_stats_fit_average (s);
      double per_ae = abm_tier_per_ae (summary, rules, t);
      char fit_text[16] = "–";

      if (fit >= 0)
        g_snprintf (fit_text, sizeof fit_text, "%.1f", fit);
      abm_cli_print (_("Tier %u: %u accounts, ACV potential %.0f %s, average fit %s"),
                     t, s->count, s->acv_total, currency, fit_text);
      if (per_ae >= 0)
        abm_cli_print (_(", %.1f per account executive"), per_ae);
      abm_cli_print ("\n");
    }
  abm_cli_print (_("Not tiered: %u accounts\n"), summary->tiers[0].count);
  for (guint i = 0; i < notes->len; i++)
    {
      AbmTierNote *note = notes->pdata[i];
      abm_cli_print ("%s: %s\n", note->level == ABM_TIER_NOTE_WARNING ? _("warning") : _("note"), note->text);
    }
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);
      gint64 id = abm_cluster_get_id (cluster);
      AbmTierStats *stats = g_hash_table_lookup (cluster_stats, &id);

      abm_cli_print (_("Cluster %s: %u accounts\n"), abm_cluster_get_name (cluster), stats ? stats->count : 0);
    }
}

int
abm_cli_tiers_main (const AbmCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *format = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) cluster_stats = NULL;
  AbmTierSummary summary;
  int status;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Print as “text” (the default) or as “json”"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Prints accounts, ACV potential and average fit per tier, accounts per\n"
                                   "account executive, capacity warnings, and the Tier 2 clusters."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return abm_cli_usage_error (command->name, _("Unknown format “%s”: use text or json"), format);

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  abm_tier_summary_compute (&summary, abm_workspace_get_accounts (workspace),
                            abm_workspace_get_tier_rules (workspace));
  notes = abm_tier_summary_notes (&summary, abm_workspace_get_tier_rules (workspace),
                                  abm_workspace_get_currency (workspace));
  cluster_stats = abm_tier_cluster_stats (abm_workspace_get_accounts (workspace));
  if (g_strcmp0 (format, "json") == 0)
    print_tiers_json (workspace, &summary, notes, cluster_stats);
  else
    print_tiers_text (workspace, &summary, notes, cluster_stats);

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

static const char *
tier_name (guint tier)
{
  static const char *const names[] = { N_("not tiered"), N_("Tier 1"), N_("Tier 2"), N_("Tier 3") };

  return gettext (names[MIN (tier, 3)]);
}

int
abm_cli_snapshot_main (const AbmCliCommand  *command,
                       int                   argc,
                       char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *take = NULL;
  gint64 compare = 0, to = 0, delete = 0;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "take", 0, 0, G_OPTION_ARG_FILENAME, &take,
      N_("Keep the tiered list as it is now, under a name"), N_("NAME") },
    { "compare", 0, 0, G_OPTION_ARG_INT64, &compare,
      N_("List the accounts that entered, left or changed tier since a snapshot"), N_("ID") },
    { "to", 0, 0, G_OPTION_ARG_INT64, &to,
      N_("Compare with this later snapshot instead of the list as it is now"), N_("ID") },
    { "delete", 0, 0, G_OPTION_ARG_INT64, &delete, N_("Delete a snapshot"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Without options, lists the snapshots with their ids."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if ((take != NULL) + (compare != 0) + (delete != 0) > 1)
    return abm_cli_usage_error (command->name, _("Give one of --take, --compare and --delete"));
  if (to != 0 && compare == 0)
    return abm_cli_usage_error (command->name, _("--to goes with --compare"));
  if (take != NULL && !abm_cli_text_arg ("--take", &take, &status))
    return status;

  workspace = abm_workspace_open (file, take || delete ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY,
                                  &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  if (take != NULL)
    {
      gint64 id = abm_workspace_take_snapshot (workspace, take, &error);

      if (id == 0)
        return abm_cli_fail (error);
      abm_cli_print (_("snapshot %" PRId64 ": %s\n"), id, take);
    }
  else if (delete != 0)
    {
      if (!abm_workspace_delete_snapshot (workspace, delete, &error))
        return abm_cli_fail (error);
    }
  else if (compare != 0)
    {
      g_autoptr(GPtrArray) changes = abm_workspace_compare_snapshots (workspace, compare, to, &error);

      if (changes == NULL)
        return abm_cli_fail (error);
      for (guint i = 0; i < changes->len; i++)
        {
          AbmTierChange *c = changes->pdata[i];
          const char *what = c->old_tier == 0 ? _("entered") : c->new_tier == 0 ? _("left") : _("changed");

          abm_cli_print ("%s\t%s\t%s\t%s → %s\n", what, c->name, c->domain ? c->domain : "",
                         tier_name (c->old_tier), tier_name (c->new_tier));
        }
    }
  else
    {
      g_autoptr(GPtrArray) snapshots = abm_workspace_list_snapshots (workspace, &error);

      if (snapshots == NULL)
        return abm_cli_fail (error);
      for (guint i = 0; i < snapshots->len; i++)
        {
          AbmSnapshot *s = snapshots->pdata[i];
          abm_cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%u\n", s->id, s->created ? s->created : "",
                         s->name, s->n_accounts);
        }
    }

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
