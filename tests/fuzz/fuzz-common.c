/* fuzz-common.c: what the workspace harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abm-readiness.h"
#include "abm-sample.h"
#include "fuzz-common.h"

/* Views read every account's page; a few show what a hostile row can do
 * without each run costing as much as a whole program's worth of pages. */
#define MAX_ACCOUNT_PAGES 12

static GLogWriterOutput
fatal_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_fatal_logging (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fatal_writer, NULL, NULL);
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

static char *temp_dir;

static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (temp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (temp_dir);
}

char *
fuzz_make_temp_dir (void)
{
  if (temp_dir == NULL)
    {
      temp_dir = g_dir_make_tmp ("abm-fuzz-XXXXXX", NULL);
      if (temp_dir == NULL)
        abort ();
      atexit (remove_temp_dir);
    }
  return g_strdup (temp_dir);
}

static void
remove_sidecars (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);
      g_unlink (sidecar);
    }
}

void
fuzz_write_file (const char   *path,
                 const guint8 *data,
                 gsize         size)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gsize done = 0;

  if (fd < 0)
    abort ();
  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        abort ();
      done += n;
    }
  close (fd);
  remove_sidecars (path);
}

static gsize
sidecar_size (const char *path,
              const char *suffix)
{
  g_autofree char *sidecar = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (sidecar, &st) == 0 ? (gsize) st.st_size : 0;
}

static void
read_account_page (AbmWorkspace     *workspace,
                   AbmAccount       *account,
                   AbmEngagementSet *set,
                   const GDate      *today)
{
  AbmIcp *icp = abm_workspace_get_icp (workspace);
  GListModel *committee;
  GListModel *plays;
  GListModel *deals;
  AbmPlan *plan;
  gboolean overridden = FALSE;
  g_autofree char *reason = NULL;
  g_autofree char *fit = abm_icp_explain_text (icp, account);
  g_autoptr(GPtrArray) criteria = abm_icp_explain (icp, account);
  g_autoptr(GArray) activities = abm_workspace_get_account_activities (workspace, account, NULL);
  g_autoptr(AbmEngagementSet) own = abm_workspace_compute_account_engagement (workspace, account, NULL);
  g_autoptr(AbmEngagementExplanation) why = abm_workspace_explain_engagement (workspace, account, NULL);

  committee = abm_workspace_get_committee (workspace, account, NULL);
  if (committee != NULL)
    {
      GDate day = *today;
      g_autoptr(AbmCoverage) coverage =
        abm_coverage_compute (abm_workspace_get_coverage_rules (workspace), committee, &day);
      GArray *links = abm_workspace_get_committee_links (workspace, account);
      guint n = g_list_model_get_n_items (committee);

      (void) links;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AbmStakeholder) person = g_list_model_get_item (committee, i);

          if (abm_workspace_find_stakeholder (workspace, account, abm_stakeholder_get_id (person)) == NULL)
            abort ();
        }
    }

  plan = abm_workspace_get_plan (workspace, account, NULL);
  (void) plan;
  plan = abm_workspace_get_parent_plan (workspace, account, NULL);
  (void) plan;

  plays = abm_workspace_get_plays (workspace, account, NULL);
  if (plays != NULL)
    {
      guint n = g_list_model_get_n_items (plays);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AbmPlay) play = g_list_model_get_item (plays, i);

          abm_workspace_find_play_target (workspace, play);
        }
    }

  deals = abm_workspace_get_opportunities (workspace, account, NULL);
  (void) deals;
  abm_workspace_get_journey_stage (workspace, account, set, &overridden, &reason);
}

static void
read_workspace (AbmWorkspace *workspace)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  GListModel *clusters = abm_workspace_get_clusters (workspace);
  guint n_accounts = g_list_model_get_n_items (accounts);
  guint n_clusters = g_list_model_get_n_items (clusters);
  guint32 today_days = abm_workspace_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(GStrv) custom = abm_workspace_dup_custom_fields (workspace);
  g_auto(GStrv) offerings = abm_workspace_dup_offerings (workspace);
  g_autofree char *uid = abm_workspace_dup_uid (workspace);
  g_autofree char *icp_text = abm_icp_to_text (abm_workspace_get_icp (workspace));
  g_autoptr(AbmTierPlan) tier_plan = abm_tier_plan_new (abm_workspace_get_tier_rules (workspace), accounts);
  g_autoptr(GPtrArray) proposals = abm_suggest_clusters (accounts);
  g_autoptr(GHashTable) cluster_stats = abm_tier_cluster_stats (accounts);
  g_autoptr(GPtrArray) snapshots = abm_workspace_list_snapshots (workspace, NULL);
  g_autoptr(GPtrArray) agenda = abm_workspace_get_agenda (workspace, now, NULL);
  g_autoptr(GPtrArray) stale = abm_workspace_list_stale_plans (workspace, now, NULL);
  g_autoptr(GHashTable) won = abm_workspace_dup_won_accounts (workspace, NULL);
  g_autoptr(GPtrArray) learned = abm_icp_learn (accounts, won, 2, NULL);
  g_autoptr(GArray) costs = abm_workspace_get_program_costs (workspace, NULL);
  g_autoptr(GHashTable) coverage = abm_workspace_compute_coverage_scores (workspace, NULL);
  g_autoptr(AbmEngagementSet) engagement = abm_workspace_compute_engagement (workspace, today_days, NULL);
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autofree char *readiness_text = NULL;
  AbmPlayFilter filter = { 0, 0, TRUE, 30, TRUE };
  g_autoptr(GPtrArray) due_plays = abm_workspace_find_plays (workspace, &filter, now, NULL);
  AbmTierSummary summary;
  GDate today;
  AbmPeriod period;
  gsize n_activities = 0;

  g_date_clear (&today, 1);
  g_date_set_julian (&today, today_days);

  abm_workspace_get_activities (workspace, &n_activities, NULL);
  abm_workspace_get_all_opportunities (workspace, NULL);
  abm_workspace_get_stale_days (workspace);
  abm_workspace_get_engagement_rules (workspace);
  abm_workspace_get_play_template (workspace, ABM_PLAY_TEMPLATE_TIER_1);
  abm_workspace_get_play_template (workspace, ABM_PLAY_TEMPLATE_CLUSTER);
  abm_tier_summary_compute (&summary, accounts, abm_workspace_get_tier_rules (workspace));
  if (tier_plan != NULL && abm_tier_plan_get_n_accounts (tier_plan) > 0)
    g_free (abm_tier_plan_explain (tier_plan, 0));
  abm_readiness_load (readiness, workspace);
  readiness_text = abm_readiness_dup_summary (readiness);

  if (abm_period_parse (NULL, &today, &period, NULL))
    {
      g_autoptr(AbmKpis) kpis = abm_workspace_compute_kpis (workspace, &period, today_days, NULL);

      abm_period_clear (&period);
    }

  if (snapshots != NULL && snapshots->len > 0)
    {
      AbmSnapshot *first = snapshots->pdata[0];
      g_autoptr(GPtrArray) changes = abm_workspace_compare_snapshots (workspace, first->id, 0, NULL);
    }

  for (guint i = 0; i < n_clusters; i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);

      abm_workspace_get_cluster_plan (workspace, cluster, NULL);
      abm_workspace_get_cluster_plays (workspace, cluster, NULL);
    }

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      const char *domain = abm_account_get_domain (account);

      if (domain != NULL && abm_workspace_find_account_by_domain (workspace, domain) == NULL)
        abort ();
      if (abm_workspace_find_account_by_id (workspace, abm_account_get_id (account)) == NULL)
        abort ();
      if (i < MAX_ACCOUNT_PAGES)
        read_account_page (workspace, account, engagement, &today);
    }
}

void
fuzz_open_workspace (const char *path,
                     gboolean    read_only)
{
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  gsize wal = sidecar_size (path, "-wal");
  gsize journal = sidecar_size (path, "-journal");

  if (!g_file_get_contents (path, &before, &before_len, NULL))
    abort ();

  workspace = abm_workspace_open (path, read_only ? ABM_WORKSPACE_OPEN_READ_ONLY : ABM_WORKSPACE_OPEN_DEFAULT,
                                  &error);
  if (workspace == NULL)
    {
      if (error == NULL || error->domain != ABM_WORKSPACE_ERROR || error->message[0] == '\0')
        abort ();
      /* Refused: untouched, and no log left to replay into it later. */
      if (!g_file_get_contents (path, &after, &after_len, NULL))
        abort ();
      if (before_len != after_len || memcmp (before, after, before_len) != 0)
        {
          g_printerr ("fuzz: “%s” was changed, then refused: %s\n", path, error->message);
          abort ();
        }
      if (sidecar_size (path, "-wal") > wal || sidecar_size (path, "-journal") > journal)
        {
          g_printerr ("fuzz: “%s” was refused with a log beside it: %s\n", path, error->message);
          abort ();
        }
      return;
    }

  read_workspace (workspace);
  if (!read_only)
    abm_workspace_check_integrity (workspace, NULL);
  abm_workspace_close (workspace);
}
