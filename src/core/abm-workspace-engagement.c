/* abm-workspace-engagement.c: activities, opportunities, program costs
 *
 * The workspace's SQL for issue 7, beside abm-workspace.c. Activities are
 * many (a million in a big program) and small, so they live in memory as
 * one array of plain structs ordered by account and day, read once and
 * kept current: scoring every account is one pass over it. Opportunities
 * are few and edited one by one, so they are GObjects in a list per
 * account. Every edit is one short transaction, and an account's
 * activities and deals go with it when it is deleted and come back with
 * its undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-json.h"
#include "abm-workspace-engagement.h"
#include "abm-workspace-private.h"

#define RULES_KEY         "engagement"
#define COSTS_KEY         "program-costs"
#define MAX_PERIOD_TEXT   32
#define OPPORTUNITY_COLUMNS "id, account_id, name, amount, stage, status, created_date, closed_date, abm_sourced"

struct _AbmWorkspaceEngagement
{
  GArray             *activities;      /* AbmActivity by account and day; NULL until read */
  GPtrArray          *opportunities;   /* AbmOpportunity; NULL until read */
  GHashTable         *deals;           /* account id → GListStore of AbmOpportunity */
  AbmEngagementRules *rules;           /* NULL until read */
};

enum {
  ACTIVITIES_CHANGED,
  OPPORTUNITIES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
abm_workspace_engagement_class_init (GObjectClass *klass)
{
  /* Activities of the account (its id; 0 for many) were added or removed. */
  signals[ACTIVITIES_CHANGED] =
    g_signal_new ("activities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Opportunities of the account (its id; 0 for many) changed. */
  signals[OPPORTUNITIES_CHANGED] =
    g_signal_new ("opportunities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

AbmWorkspaceEngagement *
abm_workspace_engagement_new (void)
{
  return g_new0 (AbmWorkspaceEngagement, 1);
}

void
abm_workspace_engagement_free (AbmWorkspaceEngagement *state)
{
  g_clear_pointer (&state->activities, g_array_unref);
  g_clear_pointer (&state->opportunities, g_ptr_array_unref);
  g_clear_pointer (&state->deals, g_hash_table_unref);
  g_clear_object (&state->rules);
  g_free (state);
}

static AbmWorkspaceEngagement *
state_of (AbmWorkspace *self)
{
  return abm_workspace_get_engagement_state (self);
}

static gboolean
has_tables (AbmWorkspace *self)
{
  /* A file opened read-only keeps its older format. */
  return abm_workspace_get_db (self) != NULL && abm_workspace_get_schema_version (self) >= 9;
}

void
abm_workspace_engagement_forget (AbmWorkspace *self)
{
  AbmWorkspaceEngagement *state = state_of (self);

  g_clear_pointer (&state->activities, g_array_unref);
  g_clear_pointer (&state->opportunities, g_ptr_array_unref);
  g_clear_pointer (&state->deals, g_hash_table_unref);
}

guint32
abm_workspace_today (void)
{
  GDate today;

  abm_date_today (NULL, &today);
  return g_date_get_julian (&today);
}

/* Days */

/* "YYYY-MM-DD" to a Julian day, fast: a million of them are read on open. */
static guint32
julian_of_text (const char *text)
{
  int y, m, d, era, doy, doe;
  unsigned yoe;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2])
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6])
      || !g_ascii_isdigit (text[8]) || !g_ascii_isdigit (text[9]))
    return 0;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return 0;
  /* Days from civil (H. Hinnant), counted from 1 January of year 1 as
   * GDate counts them. */
  y -= m <= 2;
  era = y / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = (int) (yoe * 365 + yoe / 4 - yoe / 100) + doy;
  return (guint32) (era * 146097 + doe - 306 + 1);
}

static void
text_of_julian (guint32 day,
                char    out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* Activities */

static const AbmActivity no_activity;

static int
compare_activities (gconstpointer a,
                    gconstpointer b)
{
  const AbmActivity *x = a, *y = b;

  if (x->account_id != y->account_id)
    return x->account_id < y->account_id ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  const AbmActivity *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* By account and day. Account ids are dense, so the rows are first dealt
 * out by account (two passes, no comparisons) and each account's few are
 * sorted by day: a million rows in a fraction of a general sort's time. */
static GArray *
sort_activities (GArray *activities)
{
  g_autofree guint *starts = NULL;
  GArray *sorted;
  gint64 max_id = 0, min_id = G_MAXINT64;
  guint n = activities->len;

  for (guint i = 0; i < n; i++)
    {
      max_id = MAX (max_id, g_array_index (activities, AbmActivity, i).account_id);
      min_id = MIN (min_id, g_array_index (activities, AbmActivity, i).account_id);
    }
  /* Dealing out indexes by id: only ids from 0 to a bound fit. */
  if (max_id <= 0 || min_id < 0 || max_id > 4 * (gint64) n + 1000000)
    {
      g_array_sort (activities, compare_activities);
      return activities;
    }
  starts = g_new0 (guint, max_id + 2);
  for (guint i = 0; i < n; i++)
    starts[g_array_index (activities, AbmActivity, i).account_id + 1]++;
  for (gint64 id = 1; id <= max_id + 1; id++)
    starts[id] += starts[id - 1];
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (AbmActivity), n);
  g_array_set_size (sorted, n);
  for (guint i = 0; i < n; i++)
    {
      const AbmActivity *a = &g_array_index (activities, AbmActivity, i);

      g_array_index (sorted, AbmActivity, starts[a->account_id]++) = *a;
    }
  for (guint first = 0, last; first < n; first = last)
    {
      gint64 id = g_array_index (sorted, AbmActivity, first).account_id;

      for (last = first + 1; last < n && g_array_index (sorted, AbmActivity, last).account_id == id; last++)
        ;
      qsort (&g_array_index (sorted, AbmActivity, first), last - first, sizeof (AbmActivity), compare_days);
    }
  /* The strings moved with the structs. */
  g_array_set_clear_func (activities, NULL);
  g_array_unref (activities);
  g_array_set_clear_func (sorted, (GDestroyNotify) abm_activity_clear);
  return sorted;
}

static GArray *
load_activities (AbmWorkspace  *self,
                 GError       **error)
{
  AbmWorkspaceEngagement *state = state_of (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) activities = NULL;
  int rc;

  if (state->activities != NULL)
    return state->activities;
  activities = g_array_new (FALSE, FALSE, sizeof (AbmActivity));
  g_array_set_clear_func (activities, (GDestroyNotify) abm_activity_clear);
  if (has_tables (self))
    {
      /* In the table's own order, which reads the file front to back, and
       * sorted here: through the account index, SQLite would seek for
       * every row. */
      stmt = abm_workspace_prepare (self, "SELECT id, account_id, stakeholder_id, kind, day, topic, campaign "
                                          "FROM activities", error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AbmActivity activity = { 0, };
          const char *topic = abm_workspace_column_text (stmt, 5);
          const char *campaign = abm_workspace_column_text (stmt, 6);

          activity.day = julian_of_text ((const char *) sqlite3_column_text (stmt, 4));
          /* A row a stranger's file holds wrongly is left out, not fatal. */
          if (activity.day == 0
              || !abm_activity_kind_from_text ((const char *) sqlite3_column_text (stmt, 3), &activity.kind))
            continue;
          activity.id = sqlite3_column_int64 (stmt, 0);
          activity.account_id = sqlite3_column_int64 (stmt, 1);
          activity.stakeholder_id = sqlite3_column_int64 (stmt, 2);
          /* No account has an id below 1 (see load() in abm-workspace.c). */
          if (activity.account_id <= 0)
            continue;
          if (topic != NULL && *topic != '\0')
            activity.topic = g_strndup (topic, ABM_ACTIVITY_MAX_TEXT);
          if (campaign != NULL && *campaign != '\0')
            activity.campaign = g_strndup (campaign, ABM_ACTIVITY_MAX_TEXT);
          g_array_append_val (activities, activity);
        }
      if (rc != SQLITE_DONE)
        return abm_workspace_sqlite_error (self, rc, _("Could not read the activities"), error), NULL;
      activities = sort_activities (activities);
    }
  state->activities = g_steal_pointer (&activities);
  return state->activities;
}

const AbmActivity *
abm_workspace_get_activities (AbmWorkspace  *self,
                              gsize         *n_activities,
                              GError       **error)
{
  GArray *activities;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (n_activities != NULL, NULL);

  activities = load_activities (self, error);
  if (activities == NULL)
    return NULL;
  *n_activities = activities->len;
  /* Never NULL for none: a caller tells errors by the pointer. */
  return activities->len > 0 ? &g_array_index (activities, AbmActivity, 0) : &no_activity;
}

/* The first index of @account_id's activities (or where they would go). */
static guint
first_of_account (GArray *activities,
                  gint64  account_id)
{
  guint low = 0, high = activities->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (activities, AbmActivity, mid).account_id < account_id)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

GArray *
abm_workspace_get_account_activities (AbmWorkspace  *self,
                                      AbmAccount    *account,
                                      GError       **error)
{
  GArray *activities;
  GArray *result;
  gint64 id;
  guint first, last;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  activities = load_activities (self, error);
  if (activities == NULL)
    return NULL;
  id = abm_account_get_id (account);
  first = first_of_account (activities, id);
  for (last = first; last < activities->len && g_array_index (activities, AbmActivity, last).account_id == id; last++)
    ;
  result = g_array_sized_new (FALSE, FALSE, sizeof (AbmActivity), last - first);
  g_array_set_clear_func (result, (GDestroyNotify) abm_activity_clear);
  for (guint i = last; i > first; i--)
    {
      const AbmActivity *from = &g_array_index (activities, AbmActivity, i - 1);
      AbmActivity copy = *from;

      copy.topic = g_strdup (from->topic);
      copy.campaign = g_strdup (from->campaign);
      g_array_append_val (result, copy);
    }
  return result;
}

static gboolean
check_activity (AbmWorkspace       *self,
                const AbmActivity  *activity,
                GError            **error)
{
  AbmAccount *account = abm_workspace_find_account_by_id (self, activity->account_id);
  GDate date;

  if (account == NULL)
    {
      abm_workspace_not_here (error, _("The account is no longer in the workspace"));
      return FALSE;
    }
  if (activity->kind >= ABM_N_ACTIVITY_KINDS)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID, _("Unknown kind of activity"));
      return FALSE;
    }
  if (!g_date_valid_julian (activity->day))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID, _("An activity needs a date"));
      return FALSE;
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, activity->day);
  if (g_date_get_year (&date) < 1900 || g_date_get_year (&date) > 9999)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("The activity’s date is out of range"));
      return FALSE;
    }
  if (activity->stakeholder_id > 0 && abm_workspace_find_stakeholder (self, account, activity->stakeholder_id) == NULL)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                   _("That person is not on the committee of %s"), abm_account_get_name (account));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_activity (AbmWorkspace  *self,
                 sqlite3_stmt  *stmt,
                 AbmActivity   *activity,
                 const char    *stamp,
                 GError       **error)
{
  char day[11];

  if (activity->id <= 0)
    {
      activity->id = abm_workspace_allocate_id (self, "activities", error);
      if (activity->id == 0)
        return FALSE;
    }
  text_of_julian (activity->day, day);
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, activity->id);
  sqlite3_bind_int64 (stmt, 2, activity->account_id);
  abm_workspace_bind_id (stmt, 3, activity->stakeholder_id);
  sqlite3_bind_text (stmt, 4, abm_activity_kind_key (activity->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, activity->topic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, activity->campaign, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, stamp, -1, SQLITE_STATIC);
  return abm_workspace_step_done (self, stmt, _("Could not save the activity"), error);
}

static sqlite3_stmt *
prepare_insert_activity (AbmWorkspace  *self,
                         GError       **error)
{
  return abm_workspace_prepare (self, "INSERT INTO activities (id, account_id, stakeholder_id, kind, day, topic, "
                                      "campaign, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
}

/* Stores copies of @batch in one transaction (the caller's, when
 * @own_transaction is FALSE) and puts them in memory after it commits. */
static gboolean
store_activities (AbmWorkspace       *self,
                  const AbmActivity  *batch,
                  guint               n,
                  gboolean            own_transaction,
                  GArray            **stored,
                  GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) copies = g_array_sized_new (FALSE, FALSE, sizeof (AbmActivity), n);
  g_autofree char *stamp = abm_workspace_stamp_text ();

  g_array_set_clear_func (copies, (GDestroyNotify) abm_activity_clear);
  for (guint i = 0; i < n; i++)
    {
      AbmActivity copy = batch[i];

      if (!check_activity (self, &batch[i], error))
        return FALSE;
      copy.topic = g_strdup (batch[i].topic);
      copy.campaign = g_strdup (batch[i].campaign);
      g_array_append_val (copies, copy);
    }
  if (own_transaction && !abm_workspace_begin (self, error))
    return FALSE;
  stmt = prepare_insert_activity (self, error);
  if (stmt == NULL)
    return own_transaction ? abm_workspace_rollback (self) : FALSE;
  for (guint i = 0; i < copies->len; i++)
    if (!insert_activity (self, stmt, &g_array_index (copies, AbmActivity, i), stamp, error))
      return own_transaction ? abm_workspace_rollback (self) : FALSE;
  if (own_transaction && !abm_workspace_commit (self, error))
    return FALSE;
  *stored = g_steal_pointer (&copies);
  return TRUE;
}

/* Merges @added (taken) into the array in memory, if read. */
static void
show_activities (AbmWorkspace *self,
                 GArray       *added)
{
  AbmWorkspaceEngagement *state = state_of (self);

  if (state->activities == NULL)
    {
      g_array_set_clear_func (added, NULL);
      g_array_unref (added);
      return;
    }
  if (added->len == 1)
    {
      AbmActivity *one = &g_array_index (added, AbmActivity, 0);
      guint position = first_of_account (state->activities, one->account_id);

      while (position < state->activities->len
             && compare_activities (&g_array_index (state->activities, AbmActivity, position), one) < 0)
        position++;
      g_array_insert_val (state->activities, position, *one);
    }
  else
    {
      g_array_append_vals (state->activities, added->data, added->len);
      g_array_sort (state->activities, compare_activities);
    }
  /* The strings moved to the kept array. */
  g_array_set_clear_func (added, NULL);
  g_array_unref (added);
}

gint64
abm_workspace_add_activity (AbmWorkspace       *self,
                            const AbmActivity  *values,
                            GError            **error)
{
  GArray *stored = NULL;
  gint64 id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (values != NULL, 0);

  if (!abm_workspace_check_writable (self, error) || load_activities (self, error) == NULL)
    return 0;
  {
    AbmActivity fresh = *values;

    fresh.id = 0;
    if (!store_activities (self, &fresh, 1, TRUE, &stored, error))
      return 0;
  }
  id = g_array_index (stored, AbmActivity, 0).id;
  show_activities (self, stored);
  g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0, values->account_id);
  return id;
}

gboolean
abm_workspace_add_activities (AbmWorkspace  *self,
                              GArray        *batch,
                              GError       **error)
{
  GArray *stored = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (batch->len == 0)
    return TRUE;
  if (!abm_workspace_check_writable (self, error) || load_activities (self, error) == NULL)
    return FALSE;
  for (guint i = 0; i < batch->len; i++)
    g_array_index (batch, AbmActivity, i).id = 0;
  if (!store_activities (self, (const AbmActivity *) batch->data, batch->len, TRUE, &stored, error))
    {
      for (guint i = 0; i < batch->len; i++)
        g_array_index (batch, AbmActivity, i).id = 0;
      return FALSE;
    }
  show_activities (self, stored);
  g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0, (gint64) 0);
  return TRUE;
}

static JsonNode *
activity_to_json (const AbmActivity *activity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  char day[11];

  text_of_julian (activity->day, day);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, activity->id);
  json_builder_set_member_name (builder, "account-id");
  json_builder_add_int_value (builder, activity->account_id);
  json_builder_set_member_name (builder, "stakeholder-id");
  json_builder_add_int_value (builder, activity->stakeholder_id);
  abm_json_add_string (builder, "kind", abm_activity_kind_key (activity->kind));
  abm_json_add_string (builder, "day", day);
  abm_json_add_string (builder, "topic", activity->topic);
  abm_json_add_string (builder, "campaign", activity->campaign);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
activity_from_json (JsonNode     *node,
                    AbmActivity  *activity,
                    GError      **error)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  memset (activity, 0, sizeof *activity);
  if (object == NULL
      || !abm_activity_kind_from_text (abm_json_string (object, "kind"), &activity->kind)
      || (activity->day = julian_of_text (abm_json_string (object, "day"))) == 0)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED, _("The undo record is damaged"));
      return FALSE;
    }
  activity->id = abm_json_int (object, "id", 0);
  activity->account_id = abm_json_int (object, "account-id", 0);
  activity->stakeholder_id = abm_json_int (object, "stakeholder-id", 0);
  return abm_activity_set_text (activity, abm_json_string (object, "topic"), abm_json_string (object, "campaign"),
                                error);
}

gint64
abm_workspace_delete_activity (AbmWorkspace  *self,
                               gint64         id,
                               GError       **error)
{
  AbmWorkspaceEngagement *state = state_of (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *description = NULL;
  AbmActivity *activity = NULL;
  gint64 undo_id, account_id;
  guint position;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);

  if (!abm_workspace_check_writable (self, error) || load_activities (self, error) == NULL)
    return 0;
  for (position = 0; position < state->activities->len; position++)
    if (g_array_index (state->activities, AbmActivity, position).id == id)
      {
        activity = &g_array_index (state->activities, AbmActivity, position);
        break;
      }
  if (activity == NULL)
    {
      abm_workspace_not_here (error, _("The activity is no longer in the workspace"));
      return 0;
    }
  json_builder_begin_object (builder);
  abm_json_add_string (builder, "kind", "delete-activity");
  json_builder_set_member_name (builder, "activity");
  json_builder_add_value (builder, activity_to_json (activity));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  description = g_strdup_printf (_("Delete “%s”"), abm_activity_kind_label (activity->kind));

  if (!abm_workspace_begin (self, error))
    return 0;
  undo_id = abm_workspace_log_undo (self, description, payload, error);
  stmt = undo_id ? abm_workspace_prepare (self, "DELETE FROM activities WHERE id = ?1", error) : NULL;
  if (stmt == NULL)
    return abm_workspace_rollback (self);
  sqlite3_bind_int64 (stmt, 1, id);
  if (!abm_workspace_step_done (self, stmt, _("Could not delete the activity"), error))
    return abm_workspace_rollback (self);
  if (!abm_workspace_commit (self, error))
    return 0;
  account_id = activity->account_id;
  g_array_remove_index (state->activities, position);
  g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0, account_id);
  return undo_id;
}

/* Opportunities */

static int
compare_opportunities (gconstpointer a,
                       gconstpointer b)
{
  AbmOpportunity *x = *(AbmOpportunity **) a, *y = *(AbmOpportunity **) b;
  gint64 i = abm_opportunity_get_id (x), j = abm_opportunity_get_id (y);

  return (i > j) - (i < j);
}

static GListStore *
deals_of (AbmWorkspace *self,
          gint64        account_id)
{
  AbmWorkspaceEngagement *state = state_of (self);
  GListStore *store = g_hash_table_lookup (state->deals, &account_id);

  if (store == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = account_id;
      store = g_list_store_new (ABM_TYPE_OPPORTUNITY);
      g_hash_table_insert (state->deals, key, store);
    }
  return store;
}

/* Newest (highest id) first in the account's list. */
static void
show_opportunity (AbmWorkspace   *self,
                  AbmOpportunity *opportunity)
{
  GListStore *store = deals_of (self, abm_opportunity_get_account_id (opportunity));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position;

  for (position = 0; position < n; position++)
    {
      g_autoptr(AbmOpportunity) other = g_list_model_get_item (G_LIST_MODEL (store), position);

      if (abm_opportunity_get_id (other) < abm_opportunity_get_id (opportunity))
        break;
    }
  g_list_store_insert (store, position, opportunity);
}

static AbmOpportunity *
opportunity_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(AbmOpportunity) opportunity = abm_opportunity_new ();
  AbmOpportunityStatus status;
  const char *name = abm_workspace_column_text (stmt, 2);

  abm_opportunity_set_id (opportunity, sqlite3_column_int64 (stmt, 0));
  abm_opportunity_set_account_id (opportunity, sqlite3_column_int64 (stmt, 1));
  /* What a stranger's file holds wrongly is read as nothing. */
  if (!abm_opportunity_set_name (opportunity, name, NULL)
      && !abm_opportunity_set_name (opportunity, _("Unnamed opportunity"), NULL))
    return NULL;
  abm_opportunity_set_amount (opportunity, sqlite3_column_double (stmt, 3), NULL);
  abm_opportunity_set_stage (opportunity, abm_workspace_column_text (stmt, 4), NULL);
  if (abm_opportunity_status_from_text (abm_workspace_column_text (stmt, 5), &status))
    abm_opportunity_set_status (opportunity, status);
  abm_opportunity_set_created (opportunity, abm_workspace_column_text (stmt, 6), NULL);
  abm_opportunity_set_closed (opportunity, abm_workspace_column_text (stmt, 7), NULL);
  abm_opportunity_set_abm_sourced (opportunity, sqlite3_column_int (stmt, 8) != 0);
  return g_steal_pointer (&opportunity);
}

static GPtrArray *
load_opportunities (AbmWorkspace  *self,
                    GError       **error)
{
  AbmWorkspaceEngagement *state = state_of (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) all = NULL;
  int rc;

  if (state->opportunities != NULL)
    return state->opportunities;
  all = g_ptr_array_new_with_free_func (g_object_unref);
  if (has_tables (self))
    {
      stmt = abm_workspace_prepare (self, "SELECT " OPPORTUNITY_COLUMNS " FROM opportunities ORDER BY id", error);
      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AbmOpportunity *opportunity = opportunity_from_row (stmt);

          if (opportunity != NULL)
            g_ptr_array_add (all, opportunity);
        }
      if (rc != SQLITE_DONE)
        return abm_workspace_sqlite_error (self, rc, _("Could not read the opportunities"), error), NULL;
    }
  state->deals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  state->opportunities = g_steal_pointer (&all);
  for (guint i = 0; i < state->opportunities->len; i++)
    show_opportunity (self, g_ptr_array_index (state->opportunities, i));
  return state->opportunities;
}

GListModel *
abm_workspace_get_opportunities (AbmWorkspace  *self,
                                 AbmAccount    *account,
                                 GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  if (load_opportunities (self, error) == NULL)
    return NULL;
  return G_LIST_MODEL (deals_of (self, abm_account_get_id (account)));
}

GPtrArray *
abm_workspace_get_all_opportunities (AbmWorkspace  *self,
                                     GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  return load_opportunities (self, error);
}

AbmOpportunity *
abm_workspace_find_opportunity (AbmWorkspace *self,
                                gint64        id)
{
  GPtrArray *all;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  all = load_opportunities (self, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (abm_opportunity_get_id (g_ptr_array_index (all, i)) == id)
      return g_ptr_array_index (all, i);
  return NULL;
}

static gboolean
check_opportunity (AbmWorkspace    *self,
                   AbmOpportunity  *opportunity,
                   GError         **error)
{
  if (abm_workspace_find_account_by_id (self, abm_opportunity_get_account_id (opportunity)) == NULL)
    {
      abm_workspace_not_here (error, _("The account is no longer in the workspace"));
      return FALSE;
    }
  return abm_opportunity_validate (opportunity, error);
}

static gboolean
write_opportunity (AbmWorkspace    *self,
                   AbmOpportunity  *opportunity,
                   gboolean         insert,
                   const char      *stamp,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (insert && abm_opportunity_get_id (opportunity) <= 0)
    {
      gint64 id = abm_workspace_allocate_id (self, "opportunities", error);

      if (id == 0)
        return FALSE;
      abm_opportunity_set_id (opportunity, id);
    }
  stmt = abm_workspace_prepare (self, insert ? "INSERT INTO opportunities (" OPPORTUNITY_COLUMNS ", created, modified) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"
                                             : "UPDATE opportunities SET account_id = ?2, name = ?3, amount = ?4, "
                                               "stage = ?5, status = ?6, created_date = ?7, closed_date = ?8, "
                                               "abm_sourced = ?9, modified = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, abm_opportunity_get_id (opportunity));
  sqlite3_bind_int64 (stmt, 2, abm_opportunity_get_account_id (opportunity));
  sqlite3_bind_text (stmt, 3, abm_opportunity_get_name (opportunity), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 4, abm_opportunity_get_amount (opportunity));
  sqlite3_bind_text (stmt, 5, abm_opportunity_get_stage (opportunity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, abm_opportunity_status_key (abm_opportunity_get_status (opportunity)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, abm_opportunity_get_created (opportunity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, abm_opportunity_get_closed (opportunity), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, abm_opportunity_get_abm_sourced (opportunity));
  sqlite3_bind_text (stmt, 10, stamp, -1, SQLITE_STATIC);
  return abm_workspace_step_done (self, stmt, _("Could not save the opportunity"), error);
}

static void
opportunities_changed (AbmWorkspace *self,
                       gint64        account_id)
{
  g_signal_emit (self, signals[OPPORTUNITIES_CHANGED], 0, account_id);
}

AbmOpportunity *
abm_workspace_add_opportunity (AbmWorkspace    *self,
                               AbmOpportunity  *values,
                               GError         **error)
{
  g_autoptr(AbmOpportunity) opportunity = NULL;
  g_autofree char *stamp = abm_workspace_stamp_text ();

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (values), NULL);

  if (!abm_workspace_check_writable (self, error) || load_opportunities (self, error) == NULL
      || !check_opportunity (self, values, error))
    return NULL;
  opportunity = abm_opportunity_copy (values);
  abm_opportunity_set_id (opportunity, 0);
  if (!abm_workspace_begin (self, error))
    return NULL;
  if (!write_opportunity (self, opportunity, TRUE, stamp, error))
    {
      abm_workspace_rollback (self);
      return NULL;
    }
  if (!abm_workspace_commit (self, error))
    return NULL;
  g_ptr_array_add (state_of (self)->opportunities, g_object_ref (opportunity));
  show_opportunity (self, opportunity);
  opportunities_changed (self, abm_opportunity_get_account_id (opportunity));
  return opportunity;   /* the lists keep it */
}

static gboolean
find_shown (AbmWorkspace   *self,
            AbmOpportunity *opportunity,
            GListStore    **store,
            guint          *position)
{
  *store = deals_of (self, abm_opportunity_get_account_id (opportunity));
  return g_list_store_find (*store, opportunity, position);
}

gboolean
abm_workspace_update_opportunity (AbmWorkspace    *self,
                                  AbmOpportunity  *opportunity,
                                  AbmOpportunity  *values,
                                  GError         **error)
{
  g_autoptr(AbmOpportunity) row = NULL;
  g_autofree char *stamp = abm_workspace_stamp_text ();
  GListStore *store;
  guint position;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (opportunity) && ABM_IS_OPPORTUNITY (values), FALSE);

  if (!abm_workspace_check_writable (self, error) || load_opportunities (self, error) == NULL)
    return FALSE;
  if (!find_shown (self, opportunity, &store, &position))
    {
      abm_workspace_not_here (error, _("The opportunity is no longer in the workspace"));
      return FALSE;
    }
  row = abm_opportunity_copy (opportunity);
  abm_opportunity_assign (row, values);
  if (!check_opportunity (self, row, error))
    return FALSE;
  if (abm_opportunity_equal (row, opportunity))
    return TRUE;
  if (!write_opportunity (self, row, FALSE, stamp, error))
    return FALSE;
  abm_opportunity_assign (opportunity, row);
  g_list_model_items_changed (G_LIST_MODEL (store), position, 1, 1);
  opportunities_changed (self, abm_opportunity_get_account_id (opportunity));
  return TRUE;
}

static JsonNode *
opportunity_to_json (AbmOpportunity *opportunity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, abm_opportunity_get_id (opportunity));
  json_builder_set_member_name (builder, "account-id");
  json_builder_add_int_value (builder, abm_opportunity_get_account_id (opportunity));
  abm_json_add_string (builder, "name", abm_opportunity_get_name (opportunity));
  json_builder_set_member_name (builder, "amount");
  json_builder_add_double_value (builder, abm_opportunity_get_amount (opportunity));
  abm_json_add_string (builder, "stage", abm_opportunity_get_stage (opportunity));
  abm_json_add_string (builder, "status", abm_opportunity_status_key (abm_opportunity_get_status (opportunity)));
  abm_json_add_string (builder, "created", abm_opportunity_get_created (opportunity));
  abm_json_add_string (builder, "closed", abm_opportunity_get_closed (opportunity));
  json_builder_set_member_name (builder, "abm-sourced");
  json_builder_add_boolean_value (builder, abm_opportunity_get_abm_sourced (opportunity));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static AbmOpportunity *
opportunity_from_json (JsonNode  *node,
                       GError   **error)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(AbmOpportunity) opportunity = abm_opportunity_new ();
  AbmOpportunityStatus status = ABM_OPPORTUNITY_OPEN;

  if (object == NULL
      || !abm_opportunity_status_from_text (abm_json_string (object, "status"), &status))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED, _("The undo record is damaged"));
      return NULL;
    }
  abm_opportunity_set_id (opportunity, abm_json_int (object, "id", 0));
  abm_opportunity_set_account_id (opportunity, abm_json_int (object, "account-id", 0));
  abm_opportunity_set_status (opportunity, status);
  abm_opportunity_set_abm_sourced (opportunity, abm_json_bool (object, "abm-sourced", FALSE));
  if (!abm_opportunity_set_name (opportunity, abm_json_string (object, "name"), error)
      || !abm_opportunity_set_amount (opportunity, abm_json_double (object, "amount", 0), error)
      || !abm_opportunity_set_stage (opportunity, abm_json_string (object, "stage"), error)
      || !abm_opportunity_set_created (opportunity, abm_json_string (object, "created"), error)
      || !abm_opportunity_set_closed (opportunity, abm_json_string (object, "closed"), error))
    return NULL;
  return g_steal_pointer (&opportunity);
}

gint64
abm_workspace_delete_opportunity (AbmWorkspace    *self,
                                  AbmOpportunity  *opportunity,
                                  GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *description = NULL;
  g_autoptr(AbmOpportunity) kept = NULL;
  GListStore *store;
  guint position;
  gint64 undo_id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (opportunity), 0);

  if (!abm_workspace_check_writable (self, error) || load_opportunities (self, error) == NULL)
    return 0;
  if (!find_shown (self, opportunity, &store, &position))
    {
      abm_workspace_not_here (error, _("The opportunity is no longer in the workspace"));
      return 0;
    }
  json_builder_begin_object (builder);
  abm_json_add_string (builder, "kind", "delete-opportunity");
  json_builder_set_member_name (builder, "opportunity");
  json_builder_add_value (builder, opportunity_to_json (opportunity));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  description = g_strdup_printf (_("Delete “%s”"), abm_opportunity_get_name (opportunity));

  if (!abm_workspace_begin (self, error))
    return 0;
  undo_id = abm_workspace_log_undo (self, description, payload, error);
  stmt = undo_id ? abm_workspace_prepare (self, "DELETE FROM opportunities WHERE id = ?1", error) : NULL;
  if (stmt == NULL)
    return abm_workspace_rollback (self);
  sqlite3_bind_int64 (stmt, 1, abm_opportunity_get_id (opportunity));
  if (!abm_workspace_step_done (self, stmt, _("Could not delete the opportunity"), error))
    return abm_workspace_rollback (self);
  if (!abm_workspace_commit (self, error))
    return 0;
  kept = g_object_ref (opportunity);
  g_list_store_remove (store, position);
  g_ptr_array_remove (state_of (self)->opportunities, opportunity);
  opportunities_changed (self, abm_opportunity_get_account_id (kept));
  return undo_id;
}

gboolean
abm_workspace_apply_opportunities (AbmWorkspace  *self,
                                   GPtrArray     *batch,
                                   GError       **error)
{
  GPtrArray *all;
  g_autofree char *stamp = abm_workspace_stamp_text ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (!abm_workspace_check_writable (self, error))
    return FALSE;
  all = load_opportunities (self, error);
  if (all == NULL)
    return FALSE;
  /* By id once, not a search per row: an import brings tens of thousands. */
  for (guint i = 0; i < all->len; i++)
    {
      AbmOpportunity *o = g_ptr_array_index (all, i);
      gint64 id = abm_opportunity_get_id (o);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), o);
    }
  for (guint i = 0; i < batch->len; i++)
    {
      AbmOpportunity *values = g_ptr_array_index (batch, i);

      if (!check_opportunity (self, values, error))
        return FALSE;
      gint64 id = abm_opportunity_get_id (values);

      if (id > 0 && !g_hash_table_contains (by_id, &id))
        {
          abm_workspace_not_here (error, _("The opportunity is no longer in the workspace"));
          return FALSE;
        }
      g_ptr_array_add (rows, abm_opportunity_copy (values));
    }
  if (!abm_workspace_begin (self, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      AbmOpportunity *row = g_ptr_array_index (rows, i);

      if (!write_opportunity (self, row, abm_opportunity_get_id (row) <= 0, stamp, error))
        {
          /* Ids handed out are forgotten with the transaction. */
          return abm_workspace_rollback (self);
        }
    }
  if (!abm_workspace_commit (self, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      AbmOpportunity *row = g_ptr_array_index (rows, i);
      gint64 id = abm_opportunity_get_id (row);
      AbmOpportunity *kept = g_hash_table_lookup (by_id, &id);
      GListStore *store;
      guint position;

      if (kept != NULL && find_shown (self, kept, &store, &position))
        {
          abm_opportunity_assign (kept, row);
          g_list_model_items_changed (G_LIST_MODEL (store), position, 1, 1);
        }
      else
        {
          g_ptr_array_add (all, g_object_ref (row));
          show_opportunity (self, row);
        }
    }
  g_ptr_array_sort (all, compare_opportunities);
  opportunities_changed (self, 0);
  return TRUE;
}

GHashTable *
abm_workspace_dup_won_accounts (AbmWorkspace  *self,
                                GError       **error)
{
  GHashTable *won;
  GPtrArray *all;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  all = load_opportunities (self, error);
  if (all == NULL)
    return NULL;
  won = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < all->len; i++)
    if (abm_opportunity_get_status (all->pdata[i]) == ABM_OPPORTUNITY_WON)
      {
        gint64 *id = g_new (gint64, 1);

        *id = abm_opportunity_get_account_id (all->pdata[i]);
        g_hash_table_add (won, id);
      }
  return won;
}

/* Program costs */

static void
costs_changed (AbmWorkspace *self)
{
  /* Costs are a table, not a setting; listeners of settings still hear. */
  g_signal_emit_by_name (self, "setting-changed::" COSTS_KEY, COSTS_KEY);
}

GArray *
abm_workspace_get_program_costs (AbmWorkspace  *self,
                                 GError       **error)
{
  g_autoptr(GArray) costs = g_array_new (FALSE, FALSE, sizeof (AbmProgramCost));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  g_array_set_clear_func (costs, (GDestroyNotify) abm_program_cost_clear);
  if (!has_tables (self))
    return g_steal_pointer (&costs);
  stmt = abm_workspace_prepare (self, "SELECT id, tier, period, amount FROM program_costs ORDER BY period, tier", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AbmProgramCost cost = { 0, };
      const char *period = abm_workspace_column_text (stmt, 2);
      int tier = sqlite3_column_int (stmt, 1);
      double amount = sqlite3_column_double (stmt, 3);

      if (period == NULL || tier < 0 || tier > 3 || !isfinite (amount) || amount < 0)
        continue;
      cost.id = sqlite3_column_int64 (stmt, 0);
      cost.tier = tier;
      cost.period = g_strndup (period, MAX_PERIOD_TEXT);
      cost.amount = amount;
      g_array_append_val (costs, cost);
    }
  if (rc != SQLITE_DONE)
    return abm_workspace_sqlite_error (self, rc, _("Could not read the program costs"), error), NULL;
  return g_steal_pointer (&costs);
}

gboolean
abm_workspace_set_program_cost (AbmWorkspace  *self,
                                guint          tier,
                                const char    *period,
                                double         amount,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AbmPeriod parsed = { 0, };
  GDate today;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (tier > 3)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                   _("A cost is for Tier 1, 2 or 3 or the whole program, not tier %u"), tier);
      return FALSE;
    }
  if (!isfinite (amount) || amount > 1e15)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID, _("The cost is not a usable amount"));
      return FALSE;
    }
  abm_date_today (NULL, &today);
  if (period == NULL || *period == '\0' || strlen (period) > MAX_PERIOD_TEXT
      || !abm_period_parse (period, &today, &parsed, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                             _("A cost needs a period such as 2026-Q3"));
      return FALSE;
    }
  if (!abm_workspace_check_writable (self, error))
    {
      abm_period_clear (&parsed);
      return FALSE;
    }
  stmt = abm_workspace_prepare (self, amount < 0 ? "DELETE FROM program_costs WHERE tier = ?1 AND period = ?2"
                                                 : "INSERT INTO program_costs (tier, period, amount) VALUES (?1, ?2, ?3) "
                                                   "ON CONFLICT (tier, period) DO UPDATE SET amount = ?3", error);
  if (stmt == NULL)
    {
      abm_period_clear (&parsed);
      return FALSE;
    }
  sqlite3_bind_int (stmt, 1, tier);
  sqlite3_bind_text (stmt, 2, parsed.label, -1, SQLITE_STATIC);
  if (amount >= 0)
    sqlite3_bind_double (stmt, 3, amount);
  if (!abm_workspace_step_done (self, stmt, _("Could not save the program cost"), error))
    {
      abm_period_clear (&parsed);
      return FALSE;
    }
  abm_period_clear (&parsed);
  costs_changed (self);
  return TRUE;
}

/* Engagement and KPIs */

AbmEngagementRules *
abm_workspace_get_engagement_rules (AbmWorkspace *self)
{
  AbmWorkspaceEngagement *state;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  state = state_of (self);
  if (state->rules == NULL)
    {
      g_autofree char *json = abm_workspace_dup_setting (self, RULES_KEY);
      g_autoptr(GError) error = NULL;

      if (json != NULL)
        state->rules = abm_engagement_rules_new_from_json (json, &error);
      if (state->rules == NULL)
        {
          /* A damaged setting falls back to the defaults, said once. */
          if (error != NULL)
            g_message ("The engagement rules could not be read: %s", error->message);
          state->rules = abm_engagement_rules_new ();
        }
    }
  return state->rules;
}

gboolean
abm_workspace_set_engagement_rules (AbmWorkspace        *self,
                                    AbmEngagementRules  *rules,
                                    GError             **error)
{
  g_autofree char *json = NULL;
  g_autoptr(AbmEngagementRules) before = NULL;
  AbmEngagementRules *kept;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (rules), FALSE);

  json = abm_engagement_rules_to_json (rules);
  kept = abm_workspace_get_engagement_rules (self);
  before = abm_engagement_rules_new ();
  abm_engagement_rules_assign (before, kept);
  /* In force before the setting's signal, so its listeners read them. */
  abm_engagement_rules_assign (kept, rules);
  if (!abm_workspace_set_setting (self, RULES_KEY, json, error))
    {
      abm_engagement_rules_assign (kept, before);
      return FALSE;
    }
  return TRUE;
}

GHashTable *
abm_workspace_dup_stakeholder_roles (AbmWorkspace  *self,
                                     GError       **error)
{
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (abm_workspace_get_schema_version (self) < 6)
    return g_steal_pointer (&roles);
  stmt = abm_workspace_prepare (self, "SELECT id, roles FROM stakeholders WHERE roles <> 0", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (roles, id, GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1) & ((1u << ABM_N_ROLES) - 1)));
    }
  if (rc != SQLITE_DONE)
    return abm_workspace_sqlite_error (self, rc, _("Could not read the committees"), error), NULL;
  return g_steal_pointer (&roles);
}

static GPtrArray *
accounts_array (AbmWorkspace *self)
{
  GListModel *accounts = abm_workspace_get_accounts (self);
  guint n = g_list_model_get_n_items (accounts);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (accounts, i));
  return array;
}

AbmEngagementSet *
abm_workspace_compute_engagement (AbmWorkspace  *self,
                                  guint32        today,
                                  GError       **error)
{
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  const AbmActivity *activities;
  gsize n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  activities = abm_workspace_get_activities (self, &n, error);
  if (activities == NULL)
    return NULL;
  roles = abm_workspace_dup_stakeholder_roles (self, error);
  if (roles == NULL)
    return NULL;
  accounts = accounts_array (self);
  return abm_engagement_compute (abm_workspace_get_engagement_rules (self), accounts, activities, n, roles,
                                 today ? today : abm_workspace_today ());
}

/* The range of @account's activities in the array kept in memory. */
static const AbmActivity *
activities_of (GArray     *activities,
               AbmAccount *account,
               gsize      *n)
{
  gint64 id = abm_account_get_id (account);
  guint first = first_of_account (activities, id), last;

  for (last = first; last < activities->len && g_array_index (activities, AbmActivity, last).account_id == id; last++)
    ;
  *n = last - first;
  return last > first ? &g_array_index (activities, AbmActivity, first) : &no_activity;
}

AbmEngagementSet *
abm_workspace_compute_account_engagement (AbmWorkspace  *self,
                                          AbmAccount    *account,
                                          GError       **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GHashTable) roles = NULL;
  const AbmActivity *first;
  GArray *activities;
  gsize n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  activities = load_activities (self, error);
  if (activities == NULL || (roles = abm_workspace_dup_stakeholder_roles (self, error)) == NULL)
    return NULL;
  g_ptr_array_add (one, account);
  first = activities_of (activities, account, &n);
  return abm_engagement_compute (abm_workspace_get_engagement_rules (self), one, first, n, roles,
                                 abm_workspace_today ());
}

AbmEngagementExplanation *
abm_workspace_explain_engagement (AbmWorkspace  *self,
                                  AbmAccount    *account,
                                  GError       **error)
{
  g_autoptr(GHashTable) roles = NULL;
  const AbmActivity *first;
  GArray *activities;
  gsize n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  activities = load_activities (self, error);
  if (activities == NULL)
    return NULL;
  roles = abm_workspace_dup_stakeholder_roles (self, error);
  if (roles == NULL)
    return NULL;
  first = activities_of (activities, account, &n);
  return abm_engagement_explain (abm_workspace_get_engagement_rules (self), account, first, n, roles,
                                 abm_workspace_today ());
}

AbmJourneyStage
abm_workspace_get_journey_stage (AbmWorkspace      *self,
                                 AbmAccount        *account,
                                 AbmEngagementSet  *set,
                                 gboolean          *overridden,
                                 char             **reason)
{
  g_autoptr(AbmEngagementSet) own = NULL;
  const AbmEngagement *engagement = NULL;
  AbmDealSummary deals = { 0, };
  AbmJourneyStage stage;
  GPtrArray *opportunities;
  guint32 today = set ? abm_engagement_set_get_today (set) : abm_workspace_today ();

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), ABM_JOURNEY_TARGET);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), ABM_JOURNEY_TARGET);

  if (overridden != NULL)
    *overridden = FALSE;
  if (abm_account_get_stage (account) != NULL && abm_journey_stage_from_key (abm_account_get_stage (account), &stage))
    {
      if (overridden != NULL)
        *overridden = TRUE;
      if (reason != NULL)
        *reason = g_strdup (_("Set by hand"));
      return stage;
    }
  if (set == NULL)
    set = own = abm_workspace_compute_account_engagement (self, account, NULL);
  if (set != NULL)
    engagement = abm_engagement_set_lookup (set, abm_account_get_id (account));
  opportunities = load_opportunities (self, NULL);
  if (opportunities != NULL)
    abm_deal_summary_compute (opportunities, abm_account_get_id (account), today, &deals);
  return abm_journey_evaluate (abm_workspace_get_engagement_rules (self),
                               abm_icp_band (abm_workspace_get_icp (self), abm_account_get_fit_score (account)),
                               engagement, &deals, reason);
}

GHashTable *
abm_workspace_compute_coverage_scores (AbmWorkspace  *self,
                                       GError       **error)
{
  g_autoptr(GHashTable) scores = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AbmCoverageRules *rules;
  GDate today;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (abm_workspace_get_schema_version (self) < 6)
    return g_steal_pointer (&scores);
  rules = abm_workspace_get_coverage_rules (self);
  abm_date_today (NULL, &today);
  stmt = abm_workspace_prepare (self, "SELECT DISTINCT account_id FROM stakeholders", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AbmAccount *account = abm_workspace_find_account_by_id (self, sqlite3_column_int64 (stmt, 0));
      GListModel *committee = account ? abm_workspace_get_committee (self, account, NULL) : NULL;
      g_autoptr(AbmCoverage) coverage = committee ? abm_coverage_compute (rules, committee, &today) : NULL;

      if (coverage != NULL && coverage->score >= 0)
        {
          gint64 *id = g_new (gint64, 1);
          double *score = g_new (double, 1);

          *id = abm_account_get_id (account);
          *score = coverage->score;
          g_hash_table_insert (scores, id, score);
        }
    }
  if (rc != SQLITE_DONE)
    return abm_workspace_sqlite_error (self, rc, _("Could not read the committees"), error), NULL;
  return g_steal_pointer (&scores);
}

AbmKpis *
abm_workspace_compute_kpis (AbmWorkspace     *self,
                            const AbmPeriod  *period,
                            guint32           today,
                            GError          **error)
{
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GHashTable) coverage = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GArray) costs = NULL;
  AbmKpiInput input = { 0, };

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  input.activities = abm_workspace_get_activities (self, &input.n_activities, error);
  if (input.activities == NULL
      || (input.opportunities = load_opportunities (self, error)) == NULL
      || (roles = abm_workspace_dup_stakeholder_roles (self, error)) == NULL
      || (costs = abm_workspace_get_program_costs (self, error)) == NULL
      || (coverage = abm_workspace_compute_coverage_scores (self, error)) == NULL)
    return NULL;
  accounts = accounts_array (self);
  input.accounts = accounts;
  input.icp = abm_workspace_get_icp (self);
  input.rules = abm_workspace_get_engagement_rules (self);
  input.roles = roles;
  input.costs = costs;
  input.coverage = coverage;
  input.today = today ? today : abm_workspace_today ();
  return abm_kpis_compute (&input, period);
}

/* An account's activities and deals in its delete's undo record */

JsonNode *
abm_workspace_engagement_to_json (AbmWorkspace *self,
                                  AbmAccount   *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GArray *activities = load_activities (self, NULL);
  GListModel *deals = abm_workspace_get_opportunities (self, account, NULL);
  gint64 id = abm_account_get_id (account);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "activities");
  json_builder_begin_array (builder);
  if (activities != NULL)
    for (guint i = first_of_account (activities, id);
         i < activities->len && g_array_index (activities, AbmActivity, i).account_id == id; i++)
      json_builder_add_value (builder, activity_to_json (&g_array_index (activities, AbmActivity, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "opportunities");
  json_builder_begin_array (builder);
  for (guint i = 0; deals != NULL && i < g_list_model_get_n_items (deals); i++)
    {
      g_autoptr(AbmOpportunity) opportunity = g_list_model_get_item (deals, i);
      json_builder_add_value (builder, opportunity_to_json (opportunity));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
abm_workspace_engagement_restore (AbmWorkspace  *self,
                                  JsonObject    *root,
                                  GError       **error)
{
  JsonNode *node = json_object_get_member (root, "engagement");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = abm_workspace_stamp_text ();
  JsonArray *activities, *deals;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !has_tables (self))
    return TRUE;
  object = json_node_get_object (node);
  activities = abm_json_array (object, "activities");
  if (activities != NULL && json_array_get_length (activities) > 0)
    {
      stmt = prepare_insert_activity (self, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (activities); i++)
        {
          AbmActivity activity;
          gboolean ok = activity_from_json (json_array_get_element (activities, i), &activity, error)
                        && insert_activity (self, stmt, &activity, stamp, error);

          abm_activity_clear (&activity);
          if (!ok)
            return FALSE;
        }
    }
  deals = abm_json_array (object, "opportunities");
  for (guint i = 0; deals != NULL && i < json_array_get_length (deals); i++)
    {
      g_autoptr(AbmOpportunity) opportunity = opportunity_from_json (json_array_get_element (deals, i), error);

      if (opportunity == NULL || !write_opportunity (self, opportunity, TRUE, stamp, error))
        return FALSE;
    }
  /* Read again from the file when next asked for. */
  abm_workspace_engagement_forget (self);
  return TRUE;
}

void
abm_workspace_engagement_account_gone (AbmWorkspace *self,
                                       gint64        account_id)
{
  AbmWorkspaceEngagement *state = state_of (self);

  if (state->activities != NULL)
    {
      guint first = first_of_account (state->activities, account_id), last;

      for (last = first; last < state->activities->len
                         && g_array_index (state->activities, AbmActivity, last).account_id == account_id; last++)
        ;
      if (last > first)
        g_array_remove_range (state->activities, first, last - first);
    }
  if (state->opportunities != NULL)
    {
      for (guint i = state->opportunities->len; i > 0; i--)
        if (abm_opportunity_get_account_id (g_ptr_array_index (state->opportunities, i - 1)) == account_id)
          g_ptr_array_remove_index (state->opportunities, i - 1);
      g_hash_table_remove (state->deals, &account_id);
    }
}

gboolean
abm_workspace_engagement_handles_undo (const char *kind)
{
  return g_strcmp0 (kind, "delete-activity") == 0 || g_strcmp0 (kind, "delete-opportunity") == 0;
}

gboolean
abm_workspace_engagement_undo (AbmWorkspace  *self,
                               JsonObject    *root,
                               gint64         undo_id,
                               GError       **error)
{
  g_autofree char *stamp = abm_workspace_stamp_text ();

  if (g_strcmp0 (abm_json_string (root, "kind"), "delete-activity") == 0)
    {
      AbmActivity activity;
      GArray *stored = NULL;
      gboolean ok;

      if (!activity_from_json (json_object_get_member (root, "activity"), &activity, error))
        {
          abm_activity_clear (&activity);
          return FALSE;
        }
      /* The person may have gone meanwhile; the activity stays the account's. */
      {
        AbmAccount *account = abm_workspace_find_account_by_id (self, activity.account_id);

        if (account != NULL && activity.stakeholder_id > 0
            && abm_workspace_find_stakeholder (self, account, activity.stakeholder_id) == NULL)
          activity.stakeholder_id = 0;
      }
      if (load_activities (self, error) == NULL || !abm_workspace_begin (self, error))
        {
          abm_activity_clear (&activity);
          return FALSE;
        }
      ok = store_activities (self, &activity, 1, FALSE, &stored, error)
           && abm_workspace_forget_undo (self, undo_id, error);
      abm_activity_clear (&activity);
      if (!ok)
        {
          g_clear_pointer (&stored, g_array_unref);
          return abm_workspace_rollback (self);
        }
      if (!abm_workspace_commit (self, error))
        {
          g_array_unref (stored);
          return FALSE;
        }
      {
        gint64 account_id = g_array_index (stored, AbmActivity, 0).account_id;

        show_activities (self, stored);
        g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0, account_id);
      }
      return TRUE;
    }
  else
    {
      g_autoptr(AbmOpportunity) opportunity = opportunity_from_json (json_object_get_member (root, "opportunity"), error);

      if (opportunity == NULL || load_opportunities (self, error) == NULL || !check_opportunity (self, opportunity, error)
          || !abm_workspace_begin (self, error))
        return FALSE;
      if (!write_opportunity (self, opportunity, TRUE, stamp, error) || !abm_workspace_forget_undo (self, undo_id, error))
        return abm_workspace_rollback (self);
      if (!abm_workspace_commit (self, error))
        return FALSE;
      g_ptr_array_add (state_of (self)->opportunities, g_object_ref (opportunity));
      g_ptr_array_sort (state_of (self)->opportunities, compare_opportunities);
      show_opportunity (self, opportunity);
      opportunities_changed (self, abm_opportunity_get_account_id (opportunity));
      return TRUE;
    }
}
