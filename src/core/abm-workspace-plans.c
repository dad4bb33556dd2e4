/* abm-workspace-plans.c: account plans, plays and the weekly agenda
 *
 * The workspace's SQL for issue 6, beside abm-workspace.c. Plans and play
 * lists are read when first asked for and kept current, as committees
 * are: 100,000 accounts never have all their plans in memory, and the one
 * on screen does. Each edit is one short transaction; in the write-ahead
 * log its commit is on disk (safe from a killed process) when the call
 * returns, so a plan page can save on every debounce and lose nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-json.h"
#include "abm-workspace-private.h"

#define SETTINGS_KEY        "plans"
#define MAX_SETTINGS_SIZE   (64 * 1024)

#define OPEN_STATUSES       "('planned', 'in-progress')"
#define ITEM_COLUMNS        "id, kind, text, detail, date, trigger, owner, done"
#define PLAY_COLUMNS        "id, account_id, cluster_id, channel, target_stakeholder, target_role, " \
                            "description, owner, start_date, due_date, status"

/* Plans and play lists by the id of what they belong to. */
enum {
  OF_ACCOUNT,
  OF_CLUSTER,
};

struct _AbmWorkspacePlans
{
  GHashTable      *plans[2];   /* id → AbmPlan */
  GHashTable      *plays[2];   /* id → GListStore of AbmPlay */
  AbmPlayTemplate *templates[ABM_PLAY_N_TEMPLATES];
};

enum {
  PLAN_CHANGED,
  PLAYS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
abm_workspace_plans_class_init (GObjectClass *klass)
{
  /* A plan was stored: stale flags and the agenda look again. */
  signals[PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ABM_TYPE_PLAN);
  /* Plays of the account (first id) or the cluster (second) changed. */
  signals[PLAYS_CHANGED] =
    g_signal_new ("plays-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

AbmWorkspacePlans *
abm_workspace_plans_new (void)
{
  AbmWorkspacePlans *plans = g_new0 (AbmWorkspacePlans, 1);

  for (guint i = 0; i < 2; i++)
    {
      plans->plans[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
      plans->plays[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
    }
  return plans;
}

void
abm_workspace_plans_free (AbmWorkspacePlans *plans)
{
  for (guint i = 0; i < 2; i++)
    {
      g_hash_table_unref (plans->plans[i]);
      g_hash_table_unref (plans->plays[i]);
    }
  for (guint i = 0; i < ABM_PLAY_N_TEMPLATES; i++)
    g_clear_object (&plans->templates[i]);
  g_free (plans);
}

void
abm_workspace_plans_forget (AbmWorkspace *self,
                            gint64        account_id,
                            gint64        cluster_id)
{
  AbmWorkspacePlans *p = abm_workspace_get_plans_state (self);
  guint of = account_id > 0 ? OF_ACCOUNT : OF_CLUSTER;
  gint64 id = account_id > 0 ? account_id : cluster_id;

  g_hash_table_remove (p->plans[of], &id);
  g_hash_table_remove (p->plays[of], &id);
}

/* Helpers */

static gboolean
has_tables (AbmWorkspace *self)
{
  /* A file opened read-only keeps its older format. */
  return abm_workspace_get_db (self) != NULL && abm_workspace_get_schema_version (self) >= 8;
}

/* The same, and as kept in memory. */
static GDateTime *
stamp_now (char **text)
{
  *text = abm_workspace_stamp_text ();
  return abm_date_time_parse (*text);
}

AbmAccount *
abm_workspace_find_account_by_id (AbmWorkspace *self,
                                  gint64        id)
{
  GListModel *accounts;
  guint low = 0, high;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  /* The list is in id order: accounts are added with rising ids, and an
   * undone delete goes back to its place. */
  accounts = abm_workspace_get_accounts (self);
  high = g_list_model_get_n_items (accounts);
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, mid);
      gint64 here = abm_account_get_id (account);

      if (here == id)
        return account;   /* the list keeps it */
      if (here < id)
        low = mid + 1;
      else
        high = mid;
    }
  return NULL;
}

char *
abm_workspace_dup_uid (AbmWorkspace *self)
{
  g_autofree char *uid = NULL;
  g_autofree char *created = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  uid = abm_workspace_meta_get (self, "uid");
  if (uid != NULL && g_utf8_validate (uid, -1, NULL) && *uid != '\0' && strlen (uid) <= 64)
    return g_steal_pointer (&uid);
  /* A file of an older format read as it is: its creation time names it. */
  created = abm_workspace_meta_get (self, "created");
  return g_compute_checksum_for_string (G_CHECKSUM_MD5, created ? created : abm_workspace_get_path (self), -1);
}

/* Plans: reading */

static AbmPlanItem *
item_from_row (sqlite3_stmt *stmt)
{
  AbmPlanItem *item;
  AbmPlanItemKind kind;
  AbmTrigger trigger;

  if (!abm_plan_item_kind_from_key (abm_workspace_column_text (stmt, 1), &kind))
    return NULL;
  item = abm_plan_item_new (kind);
  abm_plan_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  /* Checked like typed values; what does not hold up is left out. */
  if (!abm_plan_item_set_text (item, abm_workspace_column_text (stmt, 2), NULL))
    abm_plan_item_set_text (item, "?", NULL);
  abm_plan_item_set_detail (item, abm_workspace_column_text (stmt, 3), NULL);
  abm_plan_item_set_date (item, abm_workspace_column_text (stmt, 4), NULL);
  if (abm_trigger_from_key (abm_workspace_column_text (stmt, 5), &trigger))
    abm_plan_item_set_trigger (item, trigger);
  abm_plan_item_set_owner (item, abm_workspace_column_text (stmt, 6), NULL);
  abm_plan_item_set_done (item, sqlite3_column_int (stmt, 7) != 0);
  return item;
}

static void
seed_offerings (AbmWorkspace *self,
                AbmPlan      *plan)
{
  g_auto(GStrv) offerings = abm_workspace_dup_offerings (self);
  g_autoptr(AbmWhitespace) map = abm_whitespace_new ();

  for (guint i = 0; offerings[i] != NULL; i++)
    abm_whitespace_add (map, ABM_WHITESPACE_OFFERINGS, offerings[i], NULL);
  abm_plan_set_whitespace (plan, map);
}

static AbmPlan *
read_plan (AbmWorkspace  *self,
           guint          of,
           gint64         owner_id,
           GError       **error)
{
  g_autoptr(AbmPlan) plan = abm_plan_new (of == OF_ACCOUNT ? owner_id : 0, of == OF_CLUSTER ? owner_id : 0);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) modified = NULL;
  AbmMotion motion;
  gint64 id;
  int rc;

  if (!has_tables (self))
    return g_steal_pointer (&plan);
  stmt = abm_workspace_prepare (self, of == OF_ACCOUNT
                                      ? "SELECT id, motion, review_date, whitespace, modified FROM plans WHERE account_id = ?1"
                                      : "SELECT id, motion, review_date, whitespace, modified FROM plans WHERE cluster_id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      seed_offerings (self, plan);
      return g_steal_pointer (&plan);
    }
  if (rc != SQLITE_ROW)
    {
      abm_workspace_sqlite_error (self, rc, _("Could not read the plan"), error);
      return NULL;
    }

  id = sqlite3_column_int64 (stmt, 0);
  if (abm_motion_from_key (abm_workspace_column_text (stmt, 1), &motion))
    abm_plan_set_motion (plan, motion);
  abm_plan_set_review_date (plan, abm_workspace_column_text (stmt, 2), NULL);
  if (abm_workspace_column_text (stmt, 3) != NULL)
    {
      g_autoptr(AbmWhitespace) map = abm_whitespace_new_from_json (abm_workspace_column_text (stmt, 3), NULL);

      if (map != NULL)
        abm_plan_set_whitespace (plan, map);
    }
  if (abm_whitespace_is_empty (abm_plan_get_whitespace (plan)))
    seed_offerings (self, plan);
  modified = abm_date_time_parse (abm_workspace_column_text (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = abm_workspace_prepare (self, "SELECT section, body FROM plan_sections WHERE plan_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AbmPlanSection section;

      if (abm_plan_section_from_key (abm_workspace_column_text (stmt, 0), &section))
        abm_plan_set_section (plan, section, abm_workspace_column_text (stmt, 1), NULL);
    }
  if (rc != SQLITE_DONE)
    {
      abm_workspace_sqlite_error (self, rc, _("Could not read the plan"), error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = abm_workspace_prepare (self, "SELECT " ITEM_COLUMNS " FROM plan_items WHERE plan_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AbmPlanItem) item = item_from_row (stmt);

      if (item != NULL)
        abm_plan_add_item (plan, item);
    }
  if (rc != SQLITE_DONE)
    {
      abm_workspace_sqlite_error (self, rc, _("Could not read the plan"), error);
      return NULL;
    }
  /* Last, so "modified" is what was stored. */
  abm_plan_set_stored (plan, id, modified);
  return g_steal_pointer (&plan);
}

static AbmPlan *
load_plan (AbmWorkspace  *self,
           guint          of,
           gint64         owner_id,
           GError       **error)
{
  AbmWorkspacePlans *p = abm_workspace_get_plans_state (self);
  AbmPlan *plan = g_hash_table_lookup (p->plans[of], &owner_id);

  if (plan != NULL)
    return plan;
  plan = read_plan (self, of, owner_id, error);
  if (plan != NULL)
    g_hash_table_insert (p->plans[of], g_memdup2 (&owner_id, sizeof owner_id), plan);
  return plan;
}

AbmPlan *
abm_workspace_get_plan (AbmWorkspace  *self,
                        AbmAccount    *account,
                        GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account) && abm_account_get_id (account) > 0, NULL);
  return load_plan (self, OF_ACCOUNT, abm_account_get_id (account), error);
}

AbmPlan *
abm_workspace_get_cluster_plan (AbmWorkspace  *self,
                                AbmCluster    *cluster,
                                GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_CLUSTER (cluster), NULL);
  return load_plan (self, OF_CLUSTER, abm_cluster_get_id (cluster), error);
}

AbmPlan *
abm_workspace_get_parent_plan (AbmWorkspace  *self,
                               AbmAccount    *account,
                               GError       **error)
{
  AbmCluster *cluster;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  cluster = abm_account_get_cluster_id (account) > 0
            ? abm_workspace_find_cluster (self, abm_account_get_cluster_id (account)) : NULL;
  return cluster ? abm_workspace_get_cluster_plan (self, cluster, error) : NULL;
}

/* Plans: writing */

static void
bind_item (sqlite3_stmt *stmt,
           AbmPlanItem  *item,
           gint64        id,
           gint64        plan_id,
           const char   *stamp)
{
  AbmPlanItemKind kind = abm_plan_item_get_kind (item);

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, plan_id);
  sqlite3_bind_text (stmt, 3, abm_plan_item_kind_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, abm_plan_item_get_text (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, abm_plan_item_get_detail (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, abm_plan_item_get_date (item), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, kind == ABM_PLAN_ITEM_EVENT ? abm_trigger_key (abm_plan_item_get_trigger (item)) : NULL,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, abm_plan_item_get_owner (item), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, abm_plan_item_get_done (item) ? 1 : 0);
  sqlite3_bind_text (stmt, 10, stamp, -1, SQLITE_STATIC);
}

/* Stores @item (with its id, or a new one given to it) in plan @plan_id. */
static gboolean
insert_item (AbmWorkspace  *self,
             AbmPlanItem   *item,
             gint64         plan_id,
             const char    *stamp,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    abm_workspace_prepare (self, "INSERT INTO plan_items (" ITEM_COLUMNS ", plan_id, created, modified) "
                                 "VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?2, ?10, ?10)", error);
  gint64 id = abm_plan_item_get_id (item);

  if (stmt == NULL)
    return FALSE;
  if (id <= 0 && (id = abm_workspace_allocate_id (self, "plan_items", error)) == 0)
    return FALSE;
  bind_item (stmt, item, id, plan_id, stamp);
  if (!abm_workspace_step_done (self, stmt, _("Could not save the plan"), error))
    return FALSE;
  abm_plan_item_set_id (item, id);
  abm_plan_item_set_plan_id (item, plan_id);
  return TRUE;
}

/* Stores all of @plan under @id: its row, sections and lists. */
static gboolean
insert_plan (AbmWorkspace  *self,
             AbmPlan       *plan,
             gint64         id,
             const char    *stamp,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    abm_workspace_prepare (self, "INSERT INTO plans (id, account_id, cluster_id, motion, review_date, "
                                 "whitespace, created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", error);
  AbmWhitespace *map = abm_plan_get_whitespace (plan);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  abm_workspace_bind_id (stmt, 2, abm_plan_get_account_id (plan));
  abm_workspace_bind_id (stmt, 3, abm_plan_get_cluster_id (plan));
  sqlite3_bind_text (stmt, 4, abm_plan_get_motion (plan) != ABM_MOTION_NONE
                              ? abm_motion_key (abm_plan_get_motion (plan)) : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, abm_plan_get_review_date (plan), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, abm_whitespace_is_empty (map) ? NULL : abm_whitespace_to_json (map), -1, g_free);
  sqlite3_bind_text (stmt, 7, stamp, -1, SQLITE_STATIC);
  if (!abm_workspace_step_done (self, stmt, _("Could not save the plan"), error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = abm_workspace_prepare (self, "INSERT INTO plan_sections (plan_id, section, body) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      if (*abm_plan_get_section (plan, i) == '\0')
        continue;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, abm_plan_section_key (i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, abm_plan_get_section (plan, i), -1, SQLITE_STATIC);
      if (!abm_workspace_step_done (self, stmt, _("Could not save the plan"), error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  for (guint k = 0; k < ABM_PLAN_N_ITEM_KINDS; k++)
    {
      GListModel *items = abm_plan_get_items (plan, k);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(AbmPlanItem) item = g_list_model_get_item (items, i);

          if (!insert_item (self, item, id, stamp, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Opens the transaction of an edit of @plan, in which the plan has a row
 * (@id) stamped with the edit's time. */
static gboolean
begin_plan_edit (AbmWorkspace  *self,
                 AbmPlan       *plan,
                 const char    *stamp,
                 gint64        *id,
                 GError       **error)
{
  if (!abm_workspace_check_writable (self, error) || !abm_workspace_begin (self, error))
    return FALSE;
  *id = abm_plan_get_id (plan);
  if (*id == 0)
    {
      /* The first edit stores the plan: an empty row to write into. */
      g_autoptr(AbmPlan) empty = abm_plan_new (abm_plan_get_account_id (plan), abm_plan_get_cluster_id (plan));

      if ((*id = abm_workspace_allocate_id (self, "plans", error)) == 0 || !insert_plan (self, empty, *id, stamp, error))
        return abm_workspace_rollback (self);
    }
  else
    {
      g_autoptr(sqlite3_stmt) stmt = abm_workspace_prepare (self, "UPDATE plans SET modified = ?2 WHERE id = ?1", error);

      if (stmt == NULL)
        return abm_workspace_rollback (self);
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
      if (!abm_workspace_step_done (self, stmt, _("Could not save the plan"), error))
        return abm_workspace_rollback (self);
      if (sqlite3_changes (abm_workspace_get_db (self)) == 0)
        {
          abm_workspace_not_here (error, _("The plan is no longer in the workspace"));
          return abm_workspace_rollback (self);
        }
    }
  return TRUE;
}

static gboolean
commit_plan_edit (AbmWorkspace  *self,
                  AbmPlan       *plan,
                  gint64         id,
                  GDateTime     *modified,
                  GError       **error)
{
  if (!abm_workspace_commit (self, error))
    return FALSE;
  abm_plan_set_stored (plan, id, modified);
  return TRUE;
}

static void
plan_changed (AbmWorkspace *self,
              AbmPlan      *plan)
{
  g_signal_emit (self, signals[PLAN_CHANGED], 0, plan);
}

/* One edit: @sql with the plan's id as ?1, @value as ?2 and @key, if
 * any, as ?3 (a statement may leave ?2 out). */
static gboolean
store_plan_value (AbmWorkspace  *self,
                  AbmPlan       *plan,
                  const char    *sql,
                  const char    *value,
                  const char    *key,
                  GError       **error)
{
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) modified = stamp_now (&stamp);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  if (!begin_plan_edit (self, plan, stamp, &id, error))
    return FALSE;
  stmt = abm_workspace_prepare (self, sql, error);
  if (stmt == NULL)
    return abm_workspace_rollback (self);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (key != NULL)
    sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  if (!abm_workspace_step_done (self, stmt, _("Could not save the plan"), error))
    return abm_workspace_rollback (self);
  return commit_plan_edit (self, plan, id, modified, error);
}

gboolean
abm_workspace_set_plan_section (AbmWorkspace    *self,
                                AbmPlan         *plan,
                                AbmPlanSection   section,
                                const char      *text,
                                GError         **error)
{
  g_autoptr(AbmPlan) check = NULL;
  const char *clean;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (section < ABM_PLAN_N_SECTIONS, FALSE);

  /* Checked on a scratch plan, stored, then shown. */
  check = abm_plan_new (1, 0);
  if (!abm_plan_set_section (check, section, text, error))
    return FALSE;
  clean = abm_plan_get_section (check, section);
  if (g_strcmp0 (clean, abm_plan_get_section (plan, section)) == 0)
    return TRUE;
  if (!store_plan_value (self, plan,
                         *clean == '\0'
                         ? "DELETE FROM plan_sections WHERE plan_id = ?1 AND section = ?3"
                         : "INSERT INTO plan_sections (plan_id, section, body) VALUES (?1, ?3, ?2) "
                           "ON CONFLICT (plan_id, section) DO UPDATE SET body = ?2",
                         *clean ? clean : NULL, abm_plan_section_key (section), error))
    return FALSE;
  abm_plan_set_section (plan, section, clean, NULL);
  plan_changed (self, plan);
  return TRUE;
}

gboolean
abm_workspace_set_plan_motion (AbmWorkspace  *self,
                               AbmPlan       *plan,
                               AbmMotion      motion,
                               GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (motion < ABM_N_MOTIONS, FALSE);

  if (abm_plan_get_motion (plan) == motion)
    return TRUE;
  if (!store_plan_value (self, plan, "UPDATE plans SET motion = ?2 WHERE id = ?1",
                         motion != ABM_MOTION_NONE ? abm_motion_key (motion) : NULL, NULL, error))
    return FALSE;
  abm_plan_set_motion (plan, motion);
  plan_changed (self, plan);
  return TRUE;
}

gboolean
abm_workspace_set_plan_review_date (AbmWorkspace  *self,
                                    AbmPlan       *plan,
                                    const char    *date,
                                    GError       **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAN (plan), FALSE);

  if (!abm_date_normalize (date, &clean, error))
    return FALSE;
  if (g_strcmp0 (clean, abm_plan_get_review_date (plan)) == 0)
    return TRUE;
  if (!store_plan_value (self, plan, "UPDATE plans SET review_date = ?2 WHERE id = ?1", clean, NULL, error))
    return FALSE;
  abm_plan_set_review_date (plan, clean, NULL);
  plan_changed (self, plan);
  return TRUE;
}

gboolean
abm_workspace_set_plan_whitespace (AbmWorkspace   *self,
                                   AbmPlan        *plan,
                                   AbmWhitespace  *map,
                                   GError        **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (ABM_IS_WHITESPACE (map), FALSE);

  if (abm_whitespace_equal (map, abm_plan_get_whitespace (plan)))
    return TRUE;
  json = abm_whitespace_is_empty (map) ? NULL : abm_whitespace_to_json (map);
  if (!store_plan_value (self, plan, "UPDATE plans SET whitespace = ?2 WHERE id = ?1", json, NULL, error))
    return FALSE;
  abm_plan_set_whitespace (plan, map);
  plan_changed (self, plan);
  return TRUE;
}

static gboolean
check_item (AbmPlanItem  *values,
            GError      **error)
{
  if (abm_plan_item_get_text (values) == NULL)
    {
      g_set_error_literal (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, _("A plan entry needs a text"));
      return FALSE;
    }
  return TRUE;
}

AbmPlanItem *
abm_workspace_add_plan_item (AbmWorkspace  *self,
                             AbmPlan       *plan,
                             AbmPlanItem   *values,
                             GError       **error)
{
  g_autoptr(AbmPlanItem) item = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) modified = stamp_now (&stamp);
  gint64 id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (values), NULL);

  if (!check_item (values, error))
    return NULL;
  item = abm_plan_item_copy (values);
  abm_plan_item_set_id (item, 0);
  if (!begin_plan_edit (self, plan, stamp, &id, error))
    return NULL;
  if (!insert_item (self, item, id, stamp, error))
    {
      abm_workspace_rollback (self);
      return NULL;
    }
  if (!commit_plan_edit (self, plan, id, modified, error))
    return NULL;
  abm_plan_add_item (plan, item);
  plan_changed (self, plan);
  return item;   /* the plan keeps it */
}

gboolean
abm_workspace_update_plan_item (AbmWorkspace  *self,
                                AbmPlan       *plan,
                                AbmPlanItem   *item,
                                AbmPlanItem   *values,
                                GError       **error)
{
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) modified = stamp_now (&stamp);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (item) && ABM_IS_PLAN_ITEM (values), FALSE);
  g_return_val_if_fail (abm_plan_item_get_kind (item) == abm_plan_item_get_kind (values), FALSE);

  if (!check_item (values, error))
    return FALSE;
  if (abm_plan_find_item (plan, abm_plan_item_get_id (item)) != item)
    {
      abm_workspace_not_here (error, _("The entry is no longer in the plan"));
      return FALSE;
    }
  if (abm_plan_item_equal (item, values))
    return TRUE;
  if (!begin_plan_edit (self, plan, stamp, &id, error))
    return FALSE;
  stmt = abm_workspace_prepare (self, "UPDATE plan_items SET text = ?4, detail = ?5, date = ?6, trigger = ?7, "
                                      "owner = ?8, done = ?9, modified = ?10 "
                                      "WHERE id = ?1 AND plan_id = ?2 AND kind = ?3", error);
  if (stmt == NULL)
    return abm_workspace_rollback (self);
  bind_item (stmt, values, abm_plan_item_get_id (item), id, stamp);
  if (!abm_workspace_step_done (self, stmt, _("Could not save the plan"), error))
    return abm_workspace_rollback (self);
  if (!commit_plan_edit (self, plan, id, modified, error))
    return FALSE;
  abm_plan_item_assign (item, values);
  abm_plan_item_updated (plan, item);
  plan_changed (self, plan);
  return TRUE;
}

gint64
abm_workspace_delete_plan_item (AbmWorkspace  *self,
                                AbmPlan       *plan,
                                AbmPlanItem   *item,
                                GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *description = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) modified = stamp_now (&stamp);
  gint64 id, undo_id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ABM_IS_PLAN (plan), 0);
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (item), 0);

  if (abm_plan_find_item (plan, abm_plan_item_get_id (item)) != item)
    {
      abm_workspace_not_here (error, _("The entry is no longer in the plan"));
      return 0;
    }
  json_builder_begin_object (builder);
  abm_json_add_string (builder, "kind", "delete-plan-item");
  json_builder_set_member_name (builder, "account-id");
  json_builder_add_int_value (builder, abm_plan_get_account_id (plan));
  json_builder_set_member_name (builder, "cluster-id");
  json_builder_add_int_value (builder, abm_plan_get_cluster_id (plan));
  json_builder_set_member_name (builder, "item");
  json_builder_add_value (builder, abm_plan_item_to_json (item));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  description = g_strdup_printf (_("Delete “%s”"), abm_plan_item_get_text (item));

  if (!begin_plan_edit (self, plan, stamp, &id, error))
    return 0;
  undo_id = abm_workspace_log_undo (self, description, payload, error);
  stmt = undo_id ? abm_workspace_prepare (self, "DELETE FROM plan_items WHERE id = ?1 AND plan_id = ?2", error) : NULL;
  if (stmt == NULL)
    return abm_workspace_rollback (self);
  sqlite3_bind_int64 (stmt, 1, abm_plan_item_get_id (item));
  sqlite3_bind_int64 (stmt, 2, id);
  if (!abm_workspace_step_done (self, stmt, _("Could not delete the entry"), error))
    return abm_workspace_rollback (self);
  if (!commit_plan_edit (self, plan, id, modified, error))
    return 0;
  abm_plan_remove_item (plan, item);
  plan_changed (self, plan);
  return undo_id;
}

/* Settings: stale days and offerings, one JSON object under "plans". */

static JsonNode *
read_settings (AbmWorkspace *self)
{
  g_autofree char *json = abm_workspace_get_db (self) ? abm_workspace_dup_setting (self, SETTINGS_KEY) : NULL;

  return json ? abm_json_parse (json, MAX_SETTINGS_SIZE, 4, FALSE, NULL) : NULL;
}

guint
abm_workspace_get_stale_days (AbmWorkspace *self)
{
  g_autoptr(JsonNode) root = NULL;
  gint64 days;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), ABM_PLAN_DEFAULT_STALE_DAYS);

  root = read_settings (self);
  days = root ? abm_json_int (json_node_get_object (root), "stale-days", 0) : 0;
  return days >= 1 && days <= ABM_PLAN_MAX_STALE_DAYS ? (guint) days : ABM_PLAN_DEFAULT_STALE_DAYS;
}

static gboolean
store_settings (AbmWorkspace       *self,
                guint               stale_days,
                const char *const  *offerings,
                GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stale-days");
  json_builder_add_int_value (builder, stale_days);
  json_builder_set_member_name (builder, "offerings");
  json_builder_begin_array (builder);
  for (guint i = 0; offerings[i] != NULL; i++)
    json_builder_add_string_value (builder, offerings[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return abm_workspace_set_setting (self, SETTINGS_KEY, json, error);
}

gboolean
abm_workspace_set_stale_days (AbmWorkspace  *self,
                              guint          days,
                              GError       **error)
{
  g_auto(GStrv) offerings = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (days < 1 || days > ABM_PLAN_MAX_STALE_DAYS)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                   _("A plan goes stale after 1 to %u days"), ABM_PLAN_MAX_STALE_DAYS);
      return FALSE;
    }
  offerings = abm_workspace_dup_offerings (self);
  return store_settings (self, days, (const char *const *) offerings, error);
}

GStrv
abm_workspace_dup_offerings (AbmWorkspace *self)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(AbmWhitespace) check = abm_whitespace_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  root = read_settings (self);
  list = root ? abm_json_array (json_node_get_object (root), "offerings") : NULL;
  /* The map's own rules sort out what does not hold up. */
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      int index;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && (index = abm_whitespace_add (check, ABM_WHITESPACE_OFFERINGS, json_node_get_string (node), NULL)) >= 0)
        g_strv_builder_add (out, abm_whitespace_get_name (check, ABM_WHITESPACE_OFFERINGS, (guint) index));
    }
  return g_strv_builder_end (out);
}

gboolean
abm_workspace_set_offerings (AbmWorkspace       *self,
                             const char *const  *offerings,
                             GError            **error)
{
  g_autoptr(AbmWhitespace) check = abm_whitespace_new ();
  g_autoptr(GStrvBuilder) clean = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  for (guint i = 0; offerings != NULL && offerings[i] != NULL; i++)
    {
      int index = abm_whitespace_add (check, ABM_WHITESPACE_OFFERINGS, offerings[i], error);

      if (index < 0)
        return FALSE;
      g_strv_builder_add (clean, abm_whitespace_get_name (check, ABM_WHITESPACE_OFFERINGS, (guint) index));
    }
  list = g_strv_builder_end (clean);
  return store_settings (self, abm_workspace_get_stale_days (self), (const char *const *) list, error);
}

gboolean
abm_workspace_add_offering (AbmWorkspace  *self,
                            const char    *name,
                            GError       **error)
{
  g_auto(GStrv) offerings = abm_workspace_dup_offerings (self);
  g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
  g_autoptr(AbmWhitespace) known = abm_whitespace_new ();
  g_autofree char *clean = NULL;
  g_auto(GStrv) added = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = g_strstrip (g_strdup (name));
  for (guint i = 0; offerings[i] != NULL; i++)
    abm_whitespace_add (known, ABM_WHITESPACE_OFFERINGS, offerings[i], NULL);
  if (abm_whitespace_find (known, ABM_WHITESPACE_OFFERINGS, clean) >= 0)
    return TRUE;
  g_strv_builder_addv (list, (const char **) offerings);
  g_strv_builder_add (list, clean);
  added = g_strv_builder_end (list);
  return abm_workspace_set_offerings (self, (const char *const *) added, error);
}

/* Plays: reading */

static AbmPlay *
play_from_row (sqlite3_stmt *stmt)
{
  AbmPlay *play = abm_play_new ();
  AbmChannel channel;
  AbmPlayOwner owner;
  AbmPlayStatus status;
  AbmRole role;

  abm_play_set_id (play, sqlite3_column_int64 (stmt, 0));
  abm_play_set_subject (play, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
  if (abm_channel_from_key (abm_workspace_column_text (stmt, 3), &channel))
    abm_play_set_channel (play, channel);
  abm_play_set_target_stakeholder (play, sqlite3_column_int64 (stmt, 4));
  if (abm_role_from_text (abm_workspace_column_text (stmt, 5), &role))
    abm_play_set_target_role (play, role);
  /* Checked like typed values; what does not hold up is left out. */
  if (!abm_play_set_description (play, abm_workspace_column_text (stmt, 6), NULL) || abm_play_get_description (play) == NULL)
    abm_play_set_description (play, "?", NULL);
  if (abm_play_owner_from_key (abm_workspace_column_text (stmt, 7), &owner))
    abm_play_set_owner (play, owner);
  if (!abm_play_set_dates (play, abm_workspace_column_text (stmt, 8), abm_workspace_column_text (stmt, 9), NULL))
    abm_play_set_dates (play, NULL, abm_workspace_column_text (stmt, 9), NULL);
  if (abm_play_status_from_key (abm_workspace_column_text (stmt, 10), &status))
    abm_play_set_status (play, status);
  return play;
}

static GListStore *
load_plays (AbmWorkspace  *self,
            guint          of,
            gint64         owner_id,
            GError       **error)
{
  AbmWorkspacePlans *p = abm_workspace_get_plans_state (self);
  GListStore *store = g_hash_table_lookup (p->plays[of], &owner_id);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) plays = NULL;
  int rc;

  if (store != NULL)
    return store;
  plays = g_ptr_array_new_with_free_func (g_object_unref);
  if (has_tables (self))
    {
      stmt = abm_workspace_prepare (self, of == OF_ACCOUNT
                                          ? "SELECT " PLAY_COLUMNS " FROM plays WHERE account_id = ?1 ORDER BY id"
                                          : "SELECT " PLAY_COLUMNS " FROM plays WHERE cluster_id = ?1 ORDER BY id",
                                    error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (plays, play_from_row (stmt));
      if (rc != SQLITE_DONE)
        {
          abm_workspace_sqlite_error (self, rc, _("Could not read the plays"), error);
          return NULL;
        }
    }
  store = g_list_store_new (ABM_TYPE_PLAY);
  g_list_store_splice (store, 0, 0, plays->pdata, plays->len);
  g_hash_table_insert (p->plays[of], g_memdup2 (&owner_id, sizeof owner_id), store);
  return store;
}

GListModel *
abm_workspace_get_plays (AbmWorkspace  *self,
                         AbmAccount    *account,
                         GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account) && abm_account_get_id (account) > 0, NULL);
  return G_LIST_MODEL (load_plays (self, OF_ACCOUNT, abm_account_get_id (account), error));
}

GListModel *
abm_workspace_get_cluster_plays (AbmWorkspace  *self,
                                 AbmCluster    *cluster,
                                 GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_CLUSTER (cluster), NULL);
  return G_LIST_MODEL (load_plays (self, OF_CLUSTER, abm_cluster_get_id (cluster), error));
}

/* The play's list, if it was read. */
static GListStore *
loaded_plays (AbmWorkspace *self,
              AbmPlay      *play)
{
  AbmWorkspacePlans *p = abm_workspace_get_plans_state (self);
  gint64 account_id = abm_play_get_account_id (play);
  gint64 cluster_id = abm_play_get_cluster_id (play);

  return account_id > 0 ? g_hash_table_lookup (p->plays[OF_ACCOUNT], &account_id)
                        : g_hash_table_lookup (p->plays[OF_CLUSTER], &cluster_id);
}

static AbmPlay *
find_loaded_play (GListStore *store,
                  gint64      id,
                  guint      *position)
{
  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(AbmPlay) play = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (abm_play_get_id (play) == id)
        {
          if (position != NULL)
            *position = i;
          return play;   /* the store keeps it */
        }
    }
  return NULL;
}

AbmPlay *
abm_workspace_find_play (AbmWorkspace  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListStore *store = NULL;
  gint64 account_id, cluster_id;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (!has_tables (self))
    return NULL;
  stmt = abm_workspace_prepare (self, "SELECT account_id, cluster_id FROM plays WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      abm_workspace_sqlite_error (self, rc, _("Could not read the plays"), error);
      return NULL;
    }
  account_id = sqlite3_column_int64 (stmt, 0);
  cluster_id = sqlite3_column_int64 (stmt, 1);
  if (account_id > 0)
    store = load_plays (self, OF_ACCOUNT, account_id, error);
  else if (cluster_id > 0)
    store = load_plays (self, OF_CLUSTER, cluster_id, error);
  return store ? find_loaded_play (store, id, NULL) : NULL;
}

AbmStakeholder *
abm_workspace_find_play_target (AbmWorkspace *self,
                                AbmPlay      *play)
{
  AbmAccount *account;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_PLAY (play), NULL);

  account = abm_workspace_find_account_by_id (self, abm_play_get_account_id (play));
  return account && abm_play_get_target_stakeholder (play) > 0
         ? abm_workspace_find_stakeholder (self, account, abm_play_get_target_stakeholder (play)) : NULL;
}

static void
plays_changed (AbmWorkspace *self,
               AbmPlay      *play)
{
  g_signal_emit (self, signals[PLAYS_CHANGED], 0, abm_play_get_account_id (play), abm_play_get_cluster_id (play));
}

/* Plays: writing */

/* A play names an account or a cluster that is here; a person it aims at
 * is on that account's committee. */
static gboolean
check_play (AbmWorkspace  *self,
            AbmPlay       *values,
            GError       **error)
{
  gint64 account_id = abm_play_get_account_id (values);
  gint64 cluster_id = abm_play_get_cluster_id (values);
  AbmAccount *account = account_id > 0 ? abm_workspace_find_account_by_id (self, account_id) : NULL;

  if ((account_id > 0) == (cluster_id > 0))
    {
      g_set_error_literal (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID,
                           _("A play belongs to one account or one cluster"));
      return FALSE;
    }
  if (account_id > 0 ? account == NULL : abm_workspace_find_cluster (self, cluster_id) == NULL)
    {
      abm_workspace_not_here (error, account_id > 0 ? _("The account is no longer in the workspace")
                                      : _("The cluster is no longer in the workspace"));
      return FALSE;
    }
  if (abm_play_get_description (values) == NULL)
    {
      g_set_error_literal (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID, _("A play needs a description"));
      return FALSE;
    }
  if (abm_play_get_target_stakeholder (values) > 0
      && (account == NULL
          || abm_workspace_find_stakeholder (self, account, abm_play_get_target_stakeholder (values)) == NULL))
    {
      g_set_error_literal (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID,
                           _("A play can only aim at someone on the account’s committee"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_play (sqlite3_stmt *stmt,
           AbmPlay      *play,
           const char   *stamp)
{
  AbmRole role = abm_play_get_target_role (play);

  sqlite3_bind_int64 (stmt, 1, abm_play_get_id (play));
  abm_workspace_bind_id (stmt, 2, abm_play_get_account_id (play));
  abm_workspace_bind_id (stmt, 3, abm_play_get_cluster_id (play));
  sqlite3_bind_text (stmt, 4, abm_channel_key (abm_play_get_channel (play)), -1, SQLITE_STATIC);
  abm_workspace_bind_id (stmt, 5, abm_play_get_target_stakeholder (play));
  sqlite3_bind_text (stmt, 6, role < ABM_N_ROLES ? abm_role_key (role) : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, abm_play_get_description (play), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, abm_play_owner_key (abm_play_get_owner (play)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, abm_play_get_start (play), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, abm_play_get_due (play), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, abm_play_status_key (abm_play_get_status (play)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, stamp, -1, SQLITE_STATIC);
}

/* Stores @play with its id, or a new one given to it, in the caller's
 * transaction. */
static gboolean
insert_play (AbmWorkspace  *self,
             AbmPlay       *play,
             const char    *stamp,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    abm_workspace_prepare (self, "INSERT INTO plays (" PLAY_COLUMNS ", created, modified) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)", error);

  if (stmt == NULL)
    return FALSE;
  if (abm_play_get_id (play) <= 0)
    {
      gint64 id = abm_workspace_allocate_id (self, "plays", error);

      if (id == 0)
        return FALSE;
      abm_play_set_id (play, id);
    }
  bind_play (stmt, play, stamp);
  return abm_workspace_step_done (self, stmt, _("Could not save the play"), error);
}

/* Into its list, if read, in id order as after a reopen. */
static void
show_play (AbmWorkspace *self,
           AbmPlay      *play)
{
  GListStore *store = loaded_plays (self, play);
  guint n, position;

  if (store == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (position = n; position > 0; position--)
    {
      g_autoptr(AbmPlay) before = g_list_model_get_item (G_LIST_MODEL (store), position - 1);

      if (abm_play_get_id (before) < abm_play_get_id (play))
        break;
    }
  g_list_store_insert (store, position, play);
}

static GListStore *
plays_of (AbmWorkspace  *self,
          AbmPlay       *values,
          GError       **error)
{
  return abm_play_get_account_id (values) > 0 ? load_plays (self, OF_ACCOUNT, abm_play_get_account_id (values), error)
                                              : load_plays (self, OF_CLUSTER, abm_play_get_cluster_id (values), error);
}

AbmPlay *
abm_workspace_add_play (AbmWorkspace  *self,
                        AbmPlay       *values,
                        GError       **error)
{
  g_autoptr(AbmPlay) play = NULL;
  g_autofree char *stamp = abm_workspace_stamp_text ();

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_PLAY (values), NULL);

  if (!abm_workspace_check_writable (self, error) || !check_play (self, values, error)
      || plays_of (self, values, error) == NULL)
    return NULL;
  play = abm_play_copy (values);
  abm_play_set_id (play, 0);
  if (!abm_workspace_begin (self, error))
    return NULL;
  if (!insert_play (self, play, stamp, error))
    {
      abm_workspace_rollback (self);
      return NULL;
    }
  if (!abm_workspace_commit (self, error))
    return NULL;
  show_play (self, play);
  plays_changed (self, play);
  return play;   /* the list keeps it */
}

gboolean
abm_workspace_update_play (AbmWorkspace  *self,
                           AbmPlay       *play,
                           AbmPlay       *values,
                           GError       **error)
{
  g_autoptr(AbmPlay) row = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = abm_workspace_stamp_text ();
  GListStore *store;
  guint position;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAY (play) && ABM_IS_PLAY (values), FALSE);

  if (!abm_workspace_check_writable (self, error))
    return FALSE;
  /* Values carry no subject: the play keeps its own. */
  row = abm_play_copy (play);
  abm_play_assign (row, values);
  if (!check_play (self, row, error))
    return FALSE;
  store = plays_of (self, play, error);
  if (store == NULL)
    return FALSE;
  if (find_loaded_play (store, abm_play_get_id (play), &position) != play)
    {
      abm_workspace_not_here (error, _("The play is no longer in the workspace"));
      return FALSE;
    }
  if (abm_play_equal (play, row))
    return TRUE;
  stmt = abm_workspace_prepare (self, "UPDATE plays SET account_id = ?2, cluster_id = ?3, channel = ?4, "
                                      "target_stakeholder = ?5, target_role = ?6, description = ?7, owner = ?8, "
                                      "start_date = ?9, due_date = ?10, status = ?11, modified = ?12 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  bind_play (stmt, row, stamp);
  if (!abm_workspace_step_done (self, stmt, _("Could not save the play"), error))
    return FALSE;
  abm_play_assign (play, row);
  g_list_model_items_changed (G_LIST_MODEL (store), position, 1, 1);
  plays_changed (self, play);
  return TRUE;
}

gboolean
abm_workspace_set_play_status (AbmWorkspace   *self,
                               AbmPlay        *play,
                               AbmPlayStatus   status,
                               GError        **error)
{
  g_autoptr(AbmPlay) values = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_PLAY (play), FALSE);
  g_return_val_if_fail (status < ABM_PLAY_N_STATUSES, FALSE);

  values = abm_play_copy (play);
  abm_play_set_status (values, status);
  return abm_workspace_update_play (self, play, values, error);
}

gint64
abm_workspace_delete_play (AbmWorkspace  *self,
                           AbmPlay       *play,
                           GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *description = NULL;
  g_autofree char *first_line = NULL;
  GListStore *store;
  guint position;
  gint64 undo_id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ABM_IS_PLAY (play), 0);

  if (!abm_workspace_check_writable (self, error))
    return 0;
  store = plays_of (self, play, error);
  if (store == NULL)
    return 0;
  if (find_loaded_play (store, abm_play_get_id (play), &position) != play)
    {
      abm_workspace_not_here (error, _("The play is no longer in the workspace"));
      return 0;
    }
  json_builder_begin_object (builder);
  abm_json_add_string (builder, "kind", "delete-play");
  json_builder_set_member_name (builder, "play");
  json_builder_add_value (builder, abm_play_to_json (play));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  first_line = g_strndup (abm_play_get_description (play), strcspn (abm_play_get_description (play), "\n"));
  description = g_strdup_printf (_("Delete “%s”"), first_line);

  if (!abm_workspace_begin (self, error))
    return 0;
  undo_id = abm_workspace_log_undo (self, description, payload, error);
  stmt = undo_id ? abm_workspace_prepare (self, "DELETE FROM plays WHERE id = ?1", error) : NULL;
  if (stmt == NULL)
    return abm_workspace_rollback (self);
  sqlite3_bind_int64 (stmt, 1, abm_play_get_id (play));
  if (!abm_workspace_step_done (self, stmt, _("Could not delete the play"), error))
    return abm_workspace_rollback (self);
  if (!abm_workspace_commit (self, error))
    return 0;
  g_object_ref (play);
  g_list_store_remove (store, position);
  plays_changed (self, play);
  g_object_unref (play);
  return undo_id;
}

/* Templates */

static void
template_changed (AbmWorkspace    *self,
                  AbmPlayTemplate *template)
{
  g_autofree char *key = g_strconcat ("play-template-", abm_play_template_kind_key (abm_play_template_get_kind (template)),
                                      NULL);
  g_autofree char *json = abm_play_template_to_json (template);
  g_autoptr(GError) error = NULL;

  if (!abm_workspace_get_read_only (self) && !abm_workspace_set_setting (self, key, json, &error))
    g_warning ("Could not store the %s play template: %s", key, error->message);
}

AbmPlayTemplate *
abm_workspace_get_play_template (AbmWorkspace        *self,
                                 AbmPlayTemplateKind  kind)
{
  AbmWorkspacePlans *p;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (kind < ABM_PLAY_N_TEMPLATES, NULL);

  p = abm_workspace_get_plans_state (self);
  if (p->templates[kind] == NULL)
    {
      g_autofree char *key = g_strconcat ("play-template-", abm_play_template_kind_key (kind), NULL);
      g_autofree char *json = abm_workspace_get_db (self) ? abm_workspace_dup_setting (self, key) : NULL;
      g_autoptr(GError) error = NULL;

      /* One that does not read keeps the built-in plays. */
      if (json != NULL)
        p->templates[kind] = abm_play_template_new_from_json (kind, json, &error);
      if (p->templates[kind] == NULL)
        {
          if (error != NULL)
            g_debug ("Ignoring the stored %s template: %s", key, error->message);
          p->templates[kind] = abm_play_template_new (kind);
        }
      g_signal_connect_object (p->templates[kind], "changed", G_CALLBACK (template_changed), self, G_CONNECT_SWAPPED);
    }
  return p->templates[kind];
}

GPtrArray *
abm_workspace_apply_play_template (AbmWorkspace     *self,
                                   AbmPlayTemplate  *template,
                                   AbmAccount       *account,
                                   AbmCluster       *cluster,
                                   const GDate      *start,
                                   GError          **error)
{
  g_autoptr(GPtrArray) plays = NULL;
  g_autofree char *stamp = abm_workspace_stamp_text ();

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (template), NULL);
  g_return_val_if_fail ((account != NULL) != (cluster != NULL), NULL);
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);

  plays = abm_play_template_instantiate (template, start, account ? abm_account_get_id (account) : 0,
                                         cluster ? abm_cluster_get_id (cluster) : 0);
  if (!abm_workspace_check_writable (self, error))
    return NULL;
  for (guint i = 0; i < plays->len; i++)
    if (!check_play (self, plays->pdata[i], error))
      return NULL;
  if ((plays->len > 0 && plays_of (self, plays->pdata[0], error) == NULL) || !abm_workspace_begin (self, error))
    return NULL;
  for (guint i = 0; i < plays->len; i++)
    if (!insert_play (self, plays->pdata[i], stamp, error))
      {
        abm_workspace_rollback (self);
        return NULL;
      }
  if (!abm_workspace_commit (self, error))
    return NULL;
  for (guint i = 0; i < plays->len; i++)
    show_play (self, plays->pdata[i]);
  if (plays->len > 0)
    plays_changed (self, plays->pdata[0]);
  return g_steal_pointer (&plays);
}

/* Across the workspace */

/* Whether @play passes the filter's dates, checked on the play itself:
 * the query narrows by text, which a stranger's file could defeat. */
static gboolean
play_matches (AbmPlay             *play,
              const AbmPlayFilter *filter,
              GDateTime           *now)
{
  int days;
  gboolean dated = abm_play_get_days_until_due (play, now, &days);
  gboolean in_window = dated && filter->due_within >= 0 && days >= 0 && days <= filter->due_within;
  gboolean overdue = filter->overdue && abm_play_is_overdue (play, now);

  if (filter->open_only && !abm_play_is_open (play))
    return FALSE;
  if (filter->due_within < 0 && !filter->overdue)
    return TRUE;
  return in_window || overdue;
}

GPtrArray *
abm_workspace_find_plays (AbmWorkspace         *self,
                          const AbmPlayFilter  *filter,
                          GDateTime            *now,
                          GError              **error)
{
  g_autoptr(GPtrArray) plays = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new ("SELECT " PLAY_COLUMNS " FROM plays WHERE 1");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *last_text = NULL;
  GDate today, last;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!has_tables (self))
    return g_steal_pointer (&plays);
  abm_date_today (now, &today);
  last = today;
  g_date_add_days (&last, (guint) MAX (filter->due_within, 0));
  today_text = abm_date_format (&today);
  last_text = abm_date_format (&last);

  if (filter->account_id > 0 && filter->cluster_id > 0)
    g_string_append (sql, " AND (account_id = ?1 OR cluster_id = ?2)");
  else if (filter->account_id > 0)
    g_string_append (sql, " AND account_id = ?1");
  else if (filter->cluster_id > 0)
    g_string_append (sql, " AND cluster_id = ?2");
  if (filter->open_only)
    g_string_append (sql, " AND status IN " OPEN_STATUSES);
  if (filter->due_within >= 0 && filter->overdue)
    g_string_append (sql, " AND (due_date BETWEEN ?3 AND ?4 OR (due_date < ?3 AND status IN " OPEN_STATUSES "))");
  else if (filter->due_within >= 0)
    g_string_append (sql, " AND due_date BETWEEN ?3 AND ?4");
  else if (filter->overdue)
    g_string_append (sql, " AND due_date < ?3 AND status IN " OPEN_STATUSES);
  g_string_append (sql, " ORDER BY due_date IS NULL, due_date, start_date, id");

  stmt = abm_workspace_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  abm_workspace_bind_id (stmt, 1, filter->account_id);
  abm_workspace_bind_id (stmt, 2, filter->cluster_id);
  sqlite3_bind_text (stmt, 3, today_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last_text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AbmPlay) fresh = play_from_row (stmt);
      AbmPlay *kept = find_loaded_play (loaded_plays (self, fresh), abm_play_get_id (fresh), NULL);
      AbmPlay *play = kept ? kept : fresh;

      if (play_matches (play, filter, now))
        g_ptr_array_add (plays, g_object_ref (play));
    }
  if (rc != SQLITE_DONE)
    {
      abm_workspace_sqlite_error (self, rc, _("Could not read the plays"), error);
      return NULL;
    }
  return g_steal_pointer (&plays);
}

/* The weekly agenda */

void
abm_agenda_item_free (AbmAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->subject);
  g_free (item->domain);
  g_free (item->text);
  g_free (item->owner);
  g_free (item->date);
  g_free (item);
}

static AbmAgendaItem *
agenda_item_new (AbmAgendaKind  kind,
                 gint64         account_id,
                 gint64         cluster_id,
                 const char    *subject,
                 const char    *domain)
{
  AbmAgendaItem *item = g_new0 (AbmAgendaItem, 1);

  item->kind = kind;
  item->account_id = account_id;
  item->cluster_id = cluster_id;
  item->subject = g_strdup (subject ? subject : "?");
  item->domain = g_strdup (domain);
  return item;
}

#define SUBJECT_JOIN \
  " LEFT JOIN accounts a ON a.id = p.account_id LEFT JOIN clusters c ON c.id = p.cluster_id"

static gboolean
add_stale_plans (AbmWorkspace  *self,
                 GPtrArray     *items,
                 GDateTime     *now,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    abm_workspace_prepare (self, "SELECT p.id, p.account_id, p.cluster_id, p.review_date, p.modified, "
                                 "coalesce (a.name, c.name), a.domain FROM plans p" SUBJECT_JOIN, error);
  guint stale_days = abm_workspace_get_stale_days (self);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) modified = abm_date_time_parse (abm_workspace_column_text (stmt, 4));
      GDate review;
      const char *review_date = abm_date_parse (abm_workspace_column_text (stmt, 3), &review) ? abm_workspace_column_text (stmt, 3) : NULL;
      AbmPlanStaleness staleness = abm_plan_staleness_for (review_date, modified, now, stale_days);
      AbmAgendaItem *item;

      if (staleness == ABM_PLAN_FRESH)
        continue;
      item = agenda_item_new (ABM_AGENDA_STALE_PLAN, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                              abm_workspace_column_text (stmt, 5), abm_workspace_column_text (stmt, 6));
      item->id = sqlite3_column_int64 (stmt, 0);
      item->date = g_strdup (review_date);
      item->days = abm_date_days_since (modified, now);
      item->staleness = staleness;
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    return abm_workspace_sqlite_error (self, rc, _("Could not read the plans"), error);
  return TRUE;
}

GPtrArray *
abm_workspace_list_stale_plans (AbmWorkspace  *self,
                                GDateTime     *now,
                                GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_agenda_item_free);

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (has_tables (self) && !add_stale_plans (self, items, now, error))
    return NULL;
  return g_steal_pointer (&items);
}

static gboolean
add_due_steps (AbmWorkspace  *self,
               GPtrArray     *items,
               GDateTime     *now,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    abm_workspace_prepare (self, "SELECT i.id, i.text, i.owner, i.date, p.account_id, p.cluster_id, "
                                 "coalesce (a.name, c.name), a.domain FROM plan_items i "
                                 "JOIN plans p ON p.id = i.plan_id" SUBJECT_JOIN " "
                                 "WHERE i.kind = 'step' AND i.done = 0 AND i.date <= ?1", error);
  g_autofree char *sunday_text = NULL;
  GDate monday, sunday;
  int rc;

  if (stmt == NULL)
    return FALSE;
  abm_date_week (now, &monday, &sunday);
  sunday_text = abm_date_format (&sunday);
  sqlite3_bind_text (stmt, 1, sunday_text, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AbmAgendaItem *item;
      GDate due;
      int days;

      if (!abm_date_parse (abm_workspace_column_text (stmt, 3), &due) || g_date_compare (&due, &sunday) > 0
          || !abm_date_days_until (abm_workspace_column_text (stmt, 3), now, &days))
        continue;
      item = agenda_item_new (ABM_AGENDA_STEP, sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5),
                              abm_workspace_column_text (stmt, 6), abm_workspace_column_text (stmt, 7));
      item->id = sqlite3_column_int64 (stmt, 0);
      item->text = g_strdup (abm_workspace_column_text (stmt, 1) ? abm_workspace_column_text (stmt, 1) : "?");
      item->owner = g_strdup (abm_workspace_column_text (stmt, 2));
      item->date = g_strdup (abm_workspace_column_text (stmt, 3));
      item->days = days;
      item->overdue = days < 0;
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    return abm_workspace_sqlite_error (self, rc, _("Could not read the next steps"), error);
  return TRUE;
}

static gboolean
add_overdue_plays (AbmWorkspace  *self,
                   GPtrArray     *items,
                   GDateTime     *now,
                   GError       **error)
{
  AbmPlayFilter filter = { .due_within = -1, .overdue = TRUE, .open_only = TRUE };
  g_autoptr(GPtrArray) plays = abm_workspace_find_plays (self, &filter, now, error);

  if (plays == NULL)
    return FALSE;
  for (guint i = 0; i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      AbmAccount *account = abm_workspace_find_account_by_id (self, abm_play_get_account_id (play));
      AbmCluster *cluster = abm_workspace_find_cluster (self, abm_play_get_cluster_id (play));
      AbmAgendaItem *item = agenda_item_new (ABM_AGENDA_PLAY, abm_play_get_account_id (play),
                                             abm_play_get_cluster_id (play),
                                             account ? abm_account_get_name (account)
                                                     : cluster ? abm_cluster_get_name (cluster) : NULL,
                                             account ? abm_account_get_domain (account) : NULL);

      item->id = abm_play_get_id (play);
      item->text = g_strdup (abm_play_get_description (play));
      item->team = abm_play_get_owner (play);
      item->channel = abm_play_get_channel (play);
      item->date = g_strdup (abm_play_get_due (play));
      abm_play_get_days_until_due (play, now, &item->days);
      item->overdue = TRUE;
      g_ptr_array_add (items, item);
    }
  return TRUE;
}

/* Overdue first, the oldest first; then the week by date; then the stale
 * plans by name. */
static int
compare_agenda (gconstpointer a,
                gconstpointer b)
{
  const AbmAgendaItem *x = *(AbmAgendaItem **) a;
  const AbmAgendaItem *y = *(AbmAgendaItem **) b;
  int group_x = x->kind == ABM_AGENDA_STALE_PLAN ? 2 : x->overdue ? 0 : 1;
  int group_y = y->kind == ABM_AGENDA_STALE_PLAN ? 2 : y->overdue ? 0 : 1;
  int by_name;

  if (group_x != group_y)
    return group_x - group_y;
  if (group_x < 2 && x->days != y->days)
    return x->days < y->days ? -1 : 1;
  by_name = g_utf8_collate (x->subject, y->subject);
  if (by_name != 0)
    return by_name;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
abm_workspace_get_agenda (AbmWorkspace  *self,
                          GDateTime     *now,
                          GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_agenda_item_free);

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (!has_tables (self))
    return g_steal_pointer (&items);
  if (!add_due_steps (self, items, now, error)
      || !add_overdue_plays (self, items, now, error)
      || !add_stale_plans (self, items, now, error))
    return NULL;
  g_ptr_array_sort (items, compare_agenda);
  return g_steal_pointer (&items);
}

/* Undo */

JsonNode *
abm_workspace_plans_to_json (AbmWorkspace *self,
                             AbmAccount   *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  AbmPlan *plan = load_plan (self, OF_ACCOUNT, abm_account_get_id (account), NULL);
  GListStore *plays = load_plays (self, OF_ACCOUNT, abm_account_get_id (account), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "plan");
  if (plan != NULL && !abm_plan_is_empty (plan))
    json_builder_add_value (builder, abm_plan_to_json (plan));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "plays");
  json_builder_begin_array (builder);
  for (guint i = 0; plays != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (plays)); i++)
    {
      g_autoptr(AbmPlay) play = g_list_model_get_item (G_LIST_MODEL (plays), i);
      json_builder_add_value (builder, abm_play_to_json (play));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
abm_workspace_plans_restore (AbmWorkspace  *self,
                             JsonObject    *root,
                             GError       **error)
{
  JsonNode *node = json_object_get_member (root, "plans");
  JsonObject *plans;
  JsonNode *plan_node;
  JsonArray *plays;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !has_tables (self))
    return TRUE;
  plans = json_node_get_object (node);
  plan_node = json_object_get_member (plans, "plan");
  if (plan_node != NULL && JSON_NODE_HOLDS_OBJECT (plan_node))
    {
      g_autoptr(AbmPlan) plan = abm_plan_new_from_json (plan_node, error);
      g_autofree char *stamp = NULL;

      if (plan == NULL)
        return FALSE;
      /* "Last edited" stays what it was. */
      stamp = abm_plan_get_modified (plan) ? abm_date_time_format (abm_plan_get_modified (plan)) : abm_workspace_stamp_text ();
      if (abm_plan_get_id (plan) > 0 && !insert_plan (self, plan, abm_plan_get_id (plan), stamp, error))
        return FALSE;
      abm_workspace_plans_forget (self, abm_plan_get_account_id (plan), 0);
    }
  plays = abm_json_array (plans, "plays");
  for (guint i = 0; plays != NULL && i < json_array_get_length (plays); i++)
    {
      g_autoptr(AbmPlay) play = abm_play_new_from_json (json_array_get_element (plays, i), error);
      g_autofree char *stamp = abm_workspace_stamp_text ();

      if (play == NULL || !insert_play (self, play, stamp, error))
        return FALSE;
      abm_workspace_plans_forget (self, abm_play_get_account_id (play), 0);
    }
  return TRUE;
}

gboolean
abm_workspace_plans_handles_undo (const char *kind)
{
  return g_strcmp0 (kind, "delete-play") == 0 || g_strcmp0 (kind, "delete-plan-item") == 0;
}

static gboolean
undo_plan_item (AbmWorkspace  *self,
                JsonObject    *root,
                gint64         undo_id,
                GError       **error)
{
  g_autoptr(AbmPlanItem) item = abm_plan_item_new_from_json (json_object_get_member (root, "item"), error);
  gint64 account_id = abm_json_int (root, "account-id", 0);
  gint64 cluster_id = abm_json_int (root, "cluster-id", 0);
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) modified = stamp_now (&stamp);
  AbmPlan *plan;
  gint64 id;

  if (item == NULL)
    return FALSE;
  plan = account_id > 0 ? load_plan (self, OF_ACCOUNT, account_id, error)
         : cluster_id > 0 ? load_plan (self, OF_CLUSTER, cluster_id, error) : NULL;
  if (plan == NULL || abm_plan_is_empty (plan))
    {
      if (error == NULL || *error == NULL)
        abm_workspace_not_here (error, _("The plan is no longer in the workspace"));
      return FALSE;
    }
  if (!begin_plan_edit (self, plan, stamp, &id, error))
    return FALSE;
  if (!insert_item (self, item, id, stamp, error) || !abm_workspace_forget_undo (self, undo_id, error))
    return abm_workspace_rollback (self);
  if (!commit_plan_edit (self, plan, id, modified, error))
    return FALSE;
  abm_plan_add_item (plan, item);
  plan_changed (self, plan);
  return TRUE;
}

static gboolean
undo_play (AbmWorkspace  *self,
           JsonObject    *root,
           gint64         undo_id,
           GError       **error)
{
  g_autoptr(AbmPlay) play = abm_play_new_from_json (json_object_get_member (root, "play"), error);
  g_autofree char *stamp = abm_workspace_stamp_text ();

  if (play == NULL)
    return FALSE;
  /* The person it aimed at may have gone meanwhile. */
  if (abm_play_get_target_stakeholder (play) > 0)
    {
      AbmAccount *account = abm_workspace_find_account_by_id (self, abm_play_get_account_id (play));

      if (account == NULL || abm_workspace_find_stakeholder (self, account, abm_play_get_target_stakeholder (play)) == NULL)
        abm_play_set_target_stakeholder (play, 0);
    }
  if (!check_play (self, play, error) || !abm_workspace_begin (self, error))
    return FALSE;
  if (!insert_play (self, play, stamp, error) || !abm_workspace_forget_undo (self, undo_id, error))
    return abm_workspace_rollback (self);
  if (!abm_workspace_commit (self, error))
    return FALSE;
  show_play (self, play);
  plays_changed (self, play);
  return TRUE;
}

gboolean
abm_workspace_plans_undo (AbmWorkspace  *self,
                          JsonObject    *root,
                          gint64         undo_id,
                          GError       **error)
{
  const char *kind = abm_json_string (root, "kind");

  if (g_strcmp0 (kind, "delete-play") == 0)
    return undo_play (self, root, undo_id, error);
  return undo_plan_item (self, root, undo_id, error);
}
