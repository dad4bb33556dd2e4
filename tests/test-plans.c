/* test-plans.c: account plans, plays, templates, the agenda and calendars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "abm-date.h"
#include "abm-ics.h"
#include "abm-play-calendar.h"
#include "abm-test-ics.h"
#include "abm-workspace.h"

/* What a marketer types: paragraphs, bullets, non-ASCII, a blank line. */
static const char priorities[] =
  "Consolidate the core banking platforms after the merger.\n"
  "Cut the cost per account by 20 %.\n"
  "\n"
  "- Move retail onto one platform by Q3\n"
  "- Open banking APIs for the partners in Zürich\n"
  "• Regulatory reporting without spreadsheets\n";

typedef struct {
  char         *dir;
  char         *path;
  AbmWorkspace *workspace;
} Fixture;

static AbmAccount *
add_account (AbmWorkspace *workspace,
             const char   *name,
             const char   *domain)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, name, NULL));
  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN, domain, NULL));
  g_assert_true (abm_workspace_add_account (workspace, account, &error));
  g_assert_no_error (error);
  return account;   /* the workspace keeps it */
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("abm-plans-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "w.abm", NULL);
  f->workspace = abm_workspace_create (f->path, "Plans", "EUR", FALSE, &error);
  g_assert_no_error (error);
  add_account (f->workspace, "Northwind Bank", "northwind.com");
  add_account (f->workspace, "Contoso Insurance", "contoso.com");
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->workspace);
  remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
reopen (Fixture               *f,
        AbmWorkspaceOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->workspace);
  f->workspace = abm_workspace_open (f->path, flags, &error);
  g_assert_no_error (error);
}

static AbmAccount *
northwind (Fixture *f)
{
  AbmAccount *account = abm_workspace_find_account (f->workspace, "northwind.com");

  g_assert_nonnull (account);
  return account;
}

static AbmPlan *
plan_of (Fixture    *f,
         const char *domain)
{
  g_autoptr(GError) error = NULL;
  AbmPlan *plan = abm_workspace_get_plan (f->workspace, abm_workspace_find_account (f->workspace, domain), &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
set_section (AbmWorkspace   *workspace,
             AbmPlan        *plan,
             AbmPlanSection  section,
             const char     *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_workspace_set_plan_section (workspace, plan, section, text, &error));
  g_assert_no_error (error);
}

static AbmPlanItem *
add_item (AbmWorkspace    *workspace,
          AbmPlan         *plan,
          AbmPlanItemKind  kind,
          const char      *text,
          const char      *date,
          const char      *owner)
{
  g_autoptr(AbmPlanItem) values = abm_plan_item_new (kind);
  g_autoptr(GError) error = NULL;
  AbmPlanItem *item;

  g_assert_true (abm_plan_item_set_text (values, text, NULL));
  g_assert_true (abm_plan_item_set_date (values, date, NULL));
  g_assert_true (abm_plan_item_set_owner (values, owner, NULL));
  item = abm_workspace_add_plan_item (workspace, plan, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static AbmPlay *
add_play (AbmWorkspace *workspace,
          gint64        account_id,
          gint64        cluster_id,
          const char   *description,
          const char   *start,
          const char   *due)
{
  g_autoptr(AbmPlay) values = abm_play_new ();
  g_autoptr(GError) error = NULL;
  AbmPlay *play;

  abm_play_set_subject (values, account_id, cluster_id);
  g_assert_true (abm_play_set_description (values, description, NULL));
  g_assert_true (abm_play_set_dates (values, start, due, NULL));
  play = abm_workspace_add_play (workspace, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (play);
  return play;
}

static GDateTime *
local_time (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static GDateTime *
utc_in (const char *zone,
        int         year,
        int         month,
        int         day,
        int         hour,
        int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) utc = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_timezone (utc, tz);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* ---- the model ---------------------------------------------------------- */

/* Sections are kept exactly as typed, read as paragraphs and bullets, and
 * an account in a cluster sees the cluster's where its own are blank. */
static void
test_plan_model (void)
{
  g_autoptr(AbmPlan) plan = abm_plan_new (7, 0);
  g_autoptr(AbmPlan) cluster = abm_plan_new (0, 3);
  g_autoptr(AbmPlan) back = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (ABM_PLAN_MAX_SECTION + 1, 'x');
  gboolean inherited = TRUE;
  AbmPlanSection section;

  g_assert_true (abm_plan_set_section (plan, ABM_PLAN_SECTION_PRIORITIES, priorities, &error));
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_PRIORITIES), ==, priorities);
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_RISKS), ==, "");
  g_assert_false (abm_plan_set_section (plan, ABM_PLAN_SECTION_RISKS, big, &error));
  g_assert_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_plan_set_section (plan, ABM_PLAN_SECTION_RISKS, "\xff\xfe", &error));
  g_clear_error (&error);
  g_assert_false (abm_plan_set_review_date (plan, "2026-02-30", &error));
  g_clear_error (&error);
  g_assert_true (abm_plan_set_review_date (plan, " 2026-04-01 ", &error));
  g_assert_cmpstr (abm_plan_get_review_date (plan), ==, "2026-04-01");
  g_assert_true (abm_plan_section_from_key ("SWOT-strengths", &section) == FALSE);
  g_assert_true (abm_plan_section_from_key ("value-hypothesis", &section));
  g_assert_cmpint (section, ==, ABM_PLAN_SECTION_VALUE_HYPOTHESIS);

  blocks = abm_plan_text_blocks (priorities);
  g_assert_cmpuint (blocks->len, ==, 4);
  g_assert_cmpint (((AbmTextBlock *) blocks->pdata[0])->kind, ==, ABM_TEXT_PARAGRAPH);
  g_assert_cmpstr (((AbmTextBlock *) blocks->pdata[0])->text, ==,
                   "Consolidate the core banking platforms after the merger. Cut the cost per account by 20 %.");
  g_assert_cmpint (((AbmTextBlock *) blocks->pdata[1])->kind, ==, ABM_TEXT_BULLET);
  g_assert_cmpstr (((AbmTextBlock *) blocks->pdata[2])->text, ==, "Open banking APIs for the partners in Zürich");
  g_assert_cmpstr (((AbmTextBlock *) blocks->pdata[3])->text, ==, "Regulatory reporting without spreadsheets");

  /* Inheritance: blank (even white space) shows the cluster's. */
  g_assert_true (abm_plan_set_section (cluster, ABM_PLAN_SECTION_MESSAGING, "One platform, one report.", NULL));
  g_assert_true (abm_plan_set_section (cluster, ABM_PLAN_SECTION_PRIORITIES, "Cluster priorities", NULL));
  g_assert_true (abm_plan_set_section (cluster, ABM_PLAN_SECTION_NOTES, "Cluster notes", NULL));
  g_assert_true (abm_plan_set_section (plan, ABM_PLAN_SECTION_MESSAGING, "  \n", NULL));
  g_assert_cmpstr (abm_plan_get_effective_section (plan, cluster, ABM_PLAN_SECTION_MESSAGING, &inherited), ==,
                   "One platform, one report.");
  g_assert_true (inherited);
  g_assert_cmpstr (abm_plan_get_effective_section (plan, cluster, ABM_PLAN_SECTION_PRIORITIES, &inherited), ==,
                   priorities);
  g_assert_false (inherited);
  g_assert_cmpstr (abm_plan_get_effective_section (plan, cluster, ABM_PLAN_SECTION_NOTES, &inherited), ==, "");
  g_assert_false (inherited);
  g_assert_cmpstr (abm_plan_get_effective_section (plan, NULL, ABM_PLAN_SECTION_MESSAGING, &inherited), ==, "  \n");
  abm_plan_set_motion (cluster, ABM_MOTION_EXPAND);
  g_assert_cmpint (abm_plan_get_effective_motion (plan, cluster), ==, ABM_MOTION_EXPAND);
  abm_plan_set_motion (plan, ABM_MOTION_LAND);
  g_assert_cmpint (abm_plan_get_effective_motion (plan, cluster), ==, ABM_MOTION_LAND);

  node = abm_plan_to_json (plan);
  back = abm_plan_new_from_json (node, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    g_assert_cmpstr (abm_plan_get_section (back, i), ==, abm_plan_get_section (plan, i));
  g_assert_cmpint (abm_plan_get_motion (back), ==, ABM_MOTION_LAND);
  g_assert_cmpstr (abm_plan_get_review_date (back), ==, "2026-04-01");
  g_assert_cmpint (abm_plan_get_account_id (back), ==, 7);
}

/* The grid keeps its cells through added, renamed and removed rows and
 * columns, and says where to expand next. */
static void
test_whitespace_model (void)
{
  g_autoptr(AbmWhitespace) map = abm_whitespace_new ();
  g_autoptr(AbmWhitespace) back = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *deep = NULL;
  const AbmWhitespaceCell *cell;

  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_OFFERINGS, "Payments", NULL), ==, 0);
  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_OFFERINGS, "Analytics", NULL), ==, 1);
  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_DIVISIONS, "Retail", NULL), ==, 0);
  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_DIVISIONS, "Wealth", NULL), ==, 1);
  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_DIVISIONS, "retail", &error), ==, -1);
  g_assert_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (abm_whitespace_set_cell (map, 0, 0, ABM_WHITESPACE_CUSTOMER, NULL, 120000, NULL));
  g_assert_true (abm_whitespace_set_cell (map, 0, 1, ABM_WHITESPACE_OPPORTUNITY, NULL, 80000, NULL));
  g_assert_false (abm_whitespace_set_cell (map, 1, 0, ABM_WHITESPACE_COMPETITOR, NULL, 50000, &error));
  g_clear_error (&error);
  g_assert_true (abm_whitespace_set_cell (map, 1, 0, ABM_WHITESPACE_COMPETITOR, "Temenos", 50000, NULL));
  g_assert_true (abm_whitespace_set_cell (map, 1, 1, ABM_WHITESPACE_OPEN, "ignored", 90000, NULL));
  g_assert_false (abm_whitespace_set_cell (map, 1, 1, ABM_WHITESPACE_OPEN, NULL, -1, &error));
  g_clear_error (&error);
  g_assert_null (abm_whitespace_get_cell (map, 1, 1)->competitor);

  g_assert_cmpfloat (abm_whitespace_total (map, ABM_WHITESPACE_CUSTOMER), ==, 120000);
  moves = abm_whitespace_next_moves (map);
  g_assert_cmpuint (moves->len, ==, 2);
  g_assert_cmpuint (g_array_index (moves, AbmWhitespaceMove, 0).division, ==, 1);
  g_assert_cmpuint (g_array_index (moves, AbmWhitespaceMove, 0).offering, ==, 1);   /* 90,000 of whitespace */
  g_assert_cmpuint (g_array_index (moves, AbmWhitespaceMove, 1).offering, ==, 0);   /* Temenos's 50,000 */

  /* A column inserted and one removed: the cells stay with their names. */
  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_OFFERINGS, "Lending", NULL), ==, 2);
  abm_whitespace_remove (map, ABM_WHITESPACE_OFFERINGS, 0);
  g_assert_cmpstr (abm_whitespace_get_name (map, ABM_WHITESPACE_OFFERINGS, 0), ==, "Analytics");
  cell = abm_whitespace_get_cell (map, 0, 0);
  g_assert_cmpint (cell->status, ==, ABM_WHITESPACE_OPPORTUNITY);
  g_assert_cmpint (abm_whitespace_get_cell (map, 1, 1)->status, ==, ABM_WHITESPACE_OPEN);
  g_assert_true (abm_whitespace_set_cell (map, 1, 1, ABM_WHITESPACE_COMPETITOR, "FIS", 10, NULL));
  abm_whitespace_remove (map, ABM_WHITESPACE_DIVISIONS, 0);
  g_assert_cmpstr (abm_whitespace_get_cell (map, 0, 1)->competitor, ==, "FIS");
  g_assert_true (abm_whitespace_rename (map, ABM_WHITESPACE_DIVISIONS, 0, "Private Banking", NULL));

  json = abm_whitespace_to_json (map);
  back = abm_whitespace_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (abm_whitespace_equal (map, back));

  /* A stranger's map: too deep, or not an object, is refused. */
  deep = g_strnfill (10000, '[');
  g_assert_null (abm_whitespace_new_from_json (deep, &error));
  g_clear_error (&error);
  g_assert_null (abm_whitespace_new_from_json ("[1]", &error));
  g_clear_error (&error);
  g_clear_object (&back);
  back = abm_whitespace_new_from_json ("{\"divisions\":[\"A\"],\"offerings\":[\"B\"],"
                                       "\"cells\":[[{\"status\":\"nonsense\",\"amount\":\"lots\"}]]}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (abm_whitespace_get_cell (back, 0, 0)->status, ==, ABM_WHITESPACE_OPEN);
}

static void
test_play_model (void)
{
  g_autoptr(AbmPlay) play = abm_play_new ();
  g_autoptr(AbmPlay) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  AbmChannel channel;

  g_assert_true (abm_channel_from_key ("executive-briefing", &channel));
  g_assert_cmpint (channel, ==, ABM_CHANNEL_EXECUTIVE_BRIEFING);
  g_assert_false (abm_channel_from_key ("carrier-pigeon", &channel));
  g_assert_cmpstr (abm_play_status_key (ABM_PLAY_IN_PROGRESS), ==, "in-progress");

  g_assert_false (abm_play_set_dates (play, "2026-05-02", "2026-05-01", &error));
  g_assert_error (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (abm_play_set_dates (play, "2026-05-01", "2026-05-01", &error));
  g_assert_true (abm_play_set_description (play, "Roundtable invitation,\nwith a; semicolon", &error));
  abm_play_set_target_role (play, ABM_ROLE_CHAMPION);
  abm_play_set_target_stakeholder (play, 12);
  g_assert_cmpint (abm_play_get_target_role (play), ==, ABM_N_ROLES);
  abm_play_set_target_role (play, ABM_ROLE_CHAMPION);
  g_assert_cmpint (abm_play_get_target_stakeholder (play), ==, 0);
  abm_play_set_channel (play, ABM_CHANNEL_DIRECT_MAIL);
  abm_play_set_owner (play, ABM_PLAY_OWNER_SALES);
  abm_play_set_subject (play, 0, 4);

  node = abm_play_to_json (play);
  back = abm_play_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (abm_play_equal (play, back));
  g_assert_cmpint (abm_play_get_cluster_id (back), ==, 4);
}

/* ---- storage -------------------------------------------------------------- */

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Every part of a plan is stored as it is edited and reads back the same;
 * an edit that changes nothing writes nothing. */
static void
test_plan_storage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AbmWhitespace) map = NULL;
  g_autoptr(AbmPlanItem) values = NULL;
  g_autoptr(GDateTime) first_edit = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) offerings = NULL;
  AbmPlanItem *vendor, *event, *step;
  guint changes = 0;
  AbmPlan *plan;

  /* The offerings a new map starts with. */
  g_assert_true (abm_workspace_set_offerings (f->workspace, (const char *const[]) { "Payments", "Analytics", NULL }, &error));
  g_assert_no_error (error);
  g_assert_false (abm_workspace_set_offerings (f->workspace, (const char *const[]) { "A", "a", NULL }, &error));
  g_clear_error (&error);
  offerings = abm_workspace_dup_offerings (f->workspace);
  g_assert_cmpstrv (offerings, ((const char *const[]) { "Payments", "Analytics", NULL }));
  plan = plan_of (f, "northwind.com");

  g_assert_cmpint (abm_plan_get_id (plan), ==, 0);
  g_assert_null (abm_plan_get_modified (plan));
  g_assert_true (abm_plan_is_empty (plan));
  g_assert_true (abm_plan_get_staleness (plan, NULL, 90) == ABM_PLAN_FRESH);
  g_signal_connect_swapped (f->workspace, "plan-changed", G_CALLBACK (count_signal), &changes);

  set_section (f->workspace, plan, ABM_PLAN_SECTION_PRIORITIES, priorities);
  g_assert_cmpint (abm_plan_get_id (plan), >, 0);
  g_assert_nonnull (abm_plan_get_modified (plan));
  first_edit = g_date_time_ref (abm_plan_get_modified (plan));
  set_section (f->workspace, plan, ABM_PLAN_SECTION_STRENGTHS, "Reference customers in banking");
  set_section (f->workspace, plan, ABM_PLAN_SECTION_THREATS, "Temenos renewal, 3 years");
  set_section (f->workspace, plan, ABM_PLAN_SECTION_THREATS, "");
  g_assert_true (abm_workspace_set_plan_motion (f->workspace, plan, ABM_MOTION_EXPAND, &error));
  g_assert_true (abm_workspace_set_plan_review_date (f->workspace, plan, "2026-06-30", &error));
  g_assert_false (abm_workspace_set_plan_review_date (f->workspace, plan, "30/06/2026", &error));
  g_clear_error (&error);

  vendor = add_item (f->workspace, plan, ABM_PLAN_ITEM_VENDOR, "Temenos", "2027-01-31", NULL);
  g_assert_cmpstr (abm_plan_item_get_date (vendor), ==, "2027-01-31");
  event = add_item (f->workspace, plan, ABM_PLAN_ITEM_EVENT, "New CIO from Contoso", "2026-02-01", NULL);
  step = add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Book the executive briefing", "2026-03-27", "Dana Smith");
  values = abm_plan_item_copy (event);
  abm_plan_item_set_trigger (values, ABM_TRIGGER_LEADERSHIP_CHANGE);
  g_assert_true (abm_workspace_update_plan_item (f->workspace, plan, event, values, &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_plan_item_get_trigger (event), ==, ABM_TRIGGER_LEADERSHIP_CHANGE);
  {
    g_autoptr(AbmPlanItem) blank = abm_plan_item_new (ABM_PLAN_ITEM_STEP);

    g_assert_null (abm_workspace_add_plan_item (f->workspace, plan, blank, &error));
    g_assert_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID);
    g_clear_error (&error);
  }

  map = abm_whitespace_copy (abm_plan_get_whitespace (plan));
  g_assert_cmpuint (abm_whitespace_get_n (map, ABM_WHITESPACE_OFFERINGS), ==, 2);
  g_assert_cmpint (abm_whitespace_add (map, ABM_WHITESPACE_DIVISIONS, "Retail", NULL), ==, 0);
  g_assert_true (abm_whitespace_set_cell (map, 0, 1, ABM_WHITESPACE_COMPETITOR, "SAS", 40000, NULL));
  g_assert_true (abm_workspace_set_plan_whitespace (f->workspace, plan, map, &error));
  g_assert_no_error (error);
  g_assert_true (abm_whitespace_equal (abm_plan_get_whitespace (plan), map));
  g_assert_true (g_date_time_compare (abm_plan_get_modified (plan), first_edit) >= 0);

  /* Unchanged text is not written again: "last edited" stays. */
  {
    g_autoptr(GDateTime) before = g_date_time_ref (abm_plan_get_modified (plan));
    g_autofree char *stamp = NULL;

    sql_exec (f->path, "UPDATE plans SET modified = '2020-01-01T00:00:00Z'");
    set_section (f->workspace, plan, ABM_PLAN_SECTION_PRIORITIES, priorities);
    g_assert_true (g_date_time_equal (abm_plan_get_modified (plan), before));
    reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
    plan = plan_of (f, "northwind.com");
    stamp = abm_date_time_format (abm_plan_get_modified (plan));
    g_assert_cmpstr (stamp, ==, "2020-01-01T00:00:00Z");
  }

  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_PRIORITIES), ==, priorities);
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_STRENGTHS), ==, "Reference customers in banking");
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_THREATS), ==, "");
  g_assert_cmpint (abm_plan_get_motion (plan), ==, ABM_MOTION_EXPAND);
  g_assert_cmpstr (abm_plan_get_review_date (plan), ==, "2026-06-30");
  g_assert_true (abm_whitespace_equal (abm_plan_get_whitespace (plan), map));
  g_assert_cmpuint (g_list_model_get_n_items (abm_plan_get_items (plan, ABM_PLAN_ITEM_VENDOR)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (abm_plan_get_items (plan, ABM_PLAN_ITEM_STEP)), ==, 1);
  step = g_list_model_get_item (abm_plan_get_items (plan, ABM_PLAN_ITEM_STEP), 0);
  g_object_unref (step);
  g_assert_cmpstr (abm_plan_item_get_owner (step), ==, "Dana Smith");
  g_assert_cmpstr (abm_plan_item_get_date (step), ==, "2026-03-27");
  event = g_list_model_get_item (abm_plan_get_items (plan, ABM_PLAN_ITEM_EVENT), 0);
  g_object_unref (event);
  g_assert_cmpint (abm_plan_item_get_trigger (event), ==, ABM_TRIGGER_LEADERSHIP_CHANGE);

  /* A deleted step comes back with Undo, under its id. */
  {
    gint64 id = abm_plan_item_get_id (step);
    gint64 undo_id = abm_workspace_delete_plan_item (f->workspace, plan, step, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (abm_plan_get_items (plan, ABM_PLAN_ITEM_STEP)), ==, 0);
    g_assert_true (abm_workspace_undo (f->workspace, undo_id, &error));
    g_assert_no_error (error);
    g_assert_nonnull (abm_plan_find_item (plan, id));
    g_assert_cmpstr (abm_plan_item_get_text (abm_plan_find_item (plan, id)), ==, "Book the executive briefing");
  }

  /* Read-only: readable, never written. */
  reopen (f, ABM_WORKSPACE_OPEN_READ_ONLY);
  plan = plan_of (f, "northwind.com");
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_PRIORITIES), ==, priorities);
  g_assert_false (abm_workspace_set_plan_section (f->workspace, plan, ABM_PLAN_SECTION_RISKS, "x", &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_RISKS), ==, "");
  g_assert_cmpuint (changes, >, 0);
}

/* What the call returned with is on disk: a process killed right after it
 * (no close, no checkpoint) loses nothing. The child saves the way a plan
 * page does while someone types, then SIGKILLs itself. */
static void
test_plan_durable_after_kill (void)
{
  const char *path = g_getenv ("ABM_TEST_PLAN_FILE");

  if (g_test_subprocess ())
    {
      g_autoptr(AbmWorkspace) workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, NULL);
      AbmAccount *account = abm_workspace_find_account (workspace, "northwind.com");
      AbmPlan *plan = abm_workspace_get_plan (workspace, account, NULL);
      glong len = g_utf8_strlen (priorities, -1);

      /* A save per debounce, each one transaction. */
      for (glong typed = 1; typed < len; typed += 9)
        {
          g_autofree char *so_far = g_utf8_substring (priorities, 0, typed);
          g_assert_true (abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_PRIORITIES, so_far, NULL));
        }
      g_assert_true (abm_workspace_set_plan_section (workspace, plan, ABM_PLAN_SECTION_PRIORITIES, priorities, NULL));
      add_item (workspace, plan, ABM_PLAN_ITEM_STEP, "Send the briefing pack", "2026-03-30", "Lee Park");
      add_play (workspace, abm_account_get_id (account), 0, "Direct mail to the CFO", "2026-03-23", "2026-03-27");
      g_print ("saved\n");
      fflush (stdout);
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp ("abm-plans-kill-XXXXXX", &error);
    g_autofree char *file = g_build_filename (dir, "w.abm", NULL);
    g_autofree char *wal = g_strconcat (file, "-wal", NULL);
    g_autoptr(AbmWorkspace) workspace = abm_workspace_create (file, "Killed", "EUR", FALSE, &error);
    AbmAccount *account;
    AbmPlan *plan;
    GListModel *plays;
    GStatBuf st;

    g_assert_no_error (error);
    add_account (workspace, "Northwind Bank", "northwind.com");
    g_clear_object (&workspace);

    g_setenv ("ABM_TEST_PLAN_FILE", file, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    /* Killed right after its last save, not failed before it. */
    g_test_trap_assert_failed ();
    g_test_trap_assert_stdout ("saved\n");
    g_test_trap_assert_stderr ("");
    /* It died with its log not yet folded into the file. */
    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 0);

    workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    account = abm_workspace_find_account (workspace, "northwind.com");
    plan = abm_workspace_get_plan (workspace, account, &error);
    g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_PRIORITIES), ==, priorities);
    g_assert_cmpuint (g_list_model_get_n_items (abm_plan_get_items (plan, ABM_PLAN_ITEM_STEP)), ==, 1);
    plays = abm_workspace_get_plays (workspace, account, &error);
    g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 1);
    g_assert_true (abm_workspace_check_integrity (workspace, &error));
    g_clear_object (&workspace);
    remove_dir (dir);
  }
}

/* A file of format 6 is read as it is (no plans yet) and gains plans when
 * opened for writing. */
static void
test_plan_migration (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) plays = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "workspace-v1.abm", NULL);
  g_autofree char *old = g_build_filename (f->dir, "v1.abm", NULL);
  AbmPlayFilter filter = { .due_within = -1 };
  AbmPlan *plan;

  g_clear_object (&f->workspace);
  /* A format 7 file: without format 8's plans and format 9's engagement. */
  sql_exec (f->path, "DROP TABLE activities; DROP TABLE opportunities; DROP TABLE program_costs; "
                     "DROP TABLE plan_sections; DROP TABLE plan_items; DROP TABLE plays; DROP TABLE plans; "
                     "DELETE FROM meta WHERE key = 'uid'; PRAGMA user_version = 7;");

  reopen (f, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_cmpint (abm_workspace_get_schema_version (f->workspace), ==, 7);
  plan = plan_of (f, "northwind.com");
  g_assert_true (abm_plan_is_empty (plan));
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_plays (f->workspace, northwind (f), &error)), ==, 0);
  plays = abm_workspace_find_plays (f->workspace, &filter, NULL, &error);
  g_assert_cmpuint (plays->len, ==, 0);
  agenda = abm_workspace_get_agenda (f->workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 0);
  uid = abm_workspace_dup_uid (f->workspace);
  g_assert_cmpuint (strlen (uid), >, 8);

  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpint (abm_workspace_get_schema_version (f->workspace), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  plan = plan_of (f, "northwind.com");
  set_section (f->workspace, plan, ABM_PLAN_SECTION_RISKS, "Budget freeze");
  add_play (f->workspace, abm_account_get_id (northwind (f)), 0, "Roundtable", NULL, "2026-04-02");
  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_plan_get_section (plan_of (f, "northwind.com"), ABM_PLAN_SECTION_RISKS), ==, "Budget freeze");
  g_free (uid);
  uid = abm_workspace_dup_uid (f->workspace);
  g_assert_cmpuint (strlen (uid), ==, 32);

  /* The committed format 1 fixture, migrated all the way, takes a plan. */
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(AbmWorkspace) migrated = NULL;
    char *contents = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (fixture, &contents, &len, NULL));
    bytes = g_bytes_new_take (contents, len);
    g_assert_true (g_file_set_contents (old, g_bytes_get_data (bytes, NULL), (gssize) len, NULL));
    migrated = abm_workspace_open (old, ABM_WORKSPACE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    plan = abm_workspace_get_plan (migrated, abm_workspace_find_account_by_id (migrated, 1), &error);
    set_section (migrated, plan, ABM_PLAN_SECTION_OBJECTIVES, "Win the payments RFP");
    g_assert_true (abm_workspace_check_integrity (migrated, &error));
    g_assert_no_error (error);
  }
}

/* A file from a stranger with odd values in its plan tables opens, and
 * shows what holds up. */
static void
test_plan_hostile (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_strnfill (5000, '[');
  g_autofree char *sql = NULL;
  AbmPlan *plan = plan_of (f, "northwind.com");
  gint64 account_id = abm_account_get_id (northwind (f));
  GListModel *plays;
  AbmPlay *play;
  g_autoptr(AbmPlanItem) step = NULL;

  set_section (f->workspace, plan, ABM_PLAN_SECTION_RISKS, "Budget freeze");
  add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Call", "2026-03-27", NULL);
  add_play (f->workspace, account_id, 0, "Webinar", "2026-03-01", "2026-03-20");
  g_clear_object (&f->workspace);
  sql = g_strdup_printf ("UPDATE plans SET whitespace = '%s', review_date = '2026-02-30', motion = NULL, modified = 'soon';"
                         "INSERT INTO plan_sections VALUES (1, 'pain-points', CAST (X'FFFE41' AS TEXT));"
                         "INSERT INTO plan_sections VALUES (1, 'no-such-section', 'x');"
                         "UPDATE plan_items SET kind = 'step', date = 'tomorrow', trigger = 'asteroid';"
                         "UPDATE plays SET status = 'bogus', channel = 'pigeon', due_date = '2026-13-01', "
                         "  start_date = '2026-03-01', target_role = 'king';", deep);
  sql_exec (f->path, sql);

  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  plan = plan_of (f, "northwind.com");
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_RISKS), ==, "Budget freeze");
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_PAIN_POINTS), ==, "");
  g_assert_null (abm_plan_get_review_date (plan));
  g_assert_null (abm_plan_get_modified (plan));
  g_assert_true (abm_whitespace_is_empty (abm_plan_get_whitespace (plan)));
  step = g_list_model_get_item (abm_plan_get_items (plan, ABM_PLAN_ITEM_STEP), 0);
  g_assert_null (abm_plan_item_get_date (step));
  plays = abm_workspace_get_plays (f->workspace, northwind (f), &error);
  play = g_list_model_get_item (plays, 0);
  g_object_unref (play);
  g_assert_cmpint (abm_play_get_status (play), ==, ABM_PLAY_PLANNED);
  g_assert_null (abm_play_get_due (play));
  g_assert_cmpint (abm_play_get_target_role (play), ==, ABM_N_ROLES);
  /* And it can be edited again. */
  set_section (f->workspace, plan, ABM_PLAN_SECTION_PAIN_POINTS, "Manual reconciliation");
}

/* ---- clusters ------------------------------------------------------------- */

/* A Tier 2 account shows its cluster's plan where its own is blank, and
 * keeps its own notes; the cluster's plan goes with the cluster. */
static void
test_cluster_inheritance (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  AbmCluster *cluster = abm_workspace_add_cluster (f->workspace, "Regional banks", NULL, &error);
  AbmAccount *account = northwind (f);
  AbmPlan *cluster_plan, *plan, *parent;
  gboolean inherited = FALSE;
  gint64 cluster_id;

  g_assert_no_error (error);
  cluster_id = abm_cluster_get_id (cluster);
  g_ptr_array_add (members, account);
  g_assert_true (abm_workspace_set_accounts_cluster (f->workspace, members, cluster_id, &error));
  g_assert_null (abm_workspace_get_parent_plan (f->workspace,
                                                abm_workspace_find_account (f->workspace, "contoso.com"), &error));

  cluster_plan = abm_workspace_get_cluster_plan (f->workspace, cluster, &error);
  g_assert_cmpint (abm_plan_get_cluster_id (cluster_plan), ==, cluster_id);
  set_section (f->workspace, cluster_plan, ABM_PLAN_SECTION_MESSAGING, "Modern core banking for regional banks");
  set_section (f->workspace, cluster_plan, ABM_PLAN_SECTION_PAIN_POINTS, "Legacy cores\n- Batch overnight");
  g_assert_true (abm_workspace_set_plan_motion (f->workspace, cluster_plan, ABM_MOTION_LAND, &error));
  add_play (f->workspace, 0, cluster_id, "Webinar for the cluster", "2026-04-01", "2026-04-15");

  plan = plan_of (f, "northwind.com");
  set_section (f->workspace, plan, ABM_PLAN_SECTION_NOTES, "Their CIO spoke at our summit");
  set_section (f->workspace, plan, ABM_PLAN_SECTION_PAIN_POINTS, "Mainframe costs");

  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  account = northwind (f);
  plan = plan_of (f, "northwind.com");
  parent = abm_workspace_get_parent_plan (f->workspace, account, &error);
  g_assert_nonnull (parent);
  g_assert_cmpstr (abm_plan_get_effective_section (plan, parent, ABM_PLAN_SECTION_MESSAGING, &inherited), ==,
                   "Modern core banking for regional banks");
  g_assert_true (inherited);
  g_assert_cmpstr (abm_plan_get_effective_section (plan, parent, ABM_PLAN_SECTION_PAIN_POINTS, &inherited), ==,
                   "Mainframe costs");
  g_assert_false (inherited);
  g_assert_cmpstr (abm_plan_get_effective_section (plan, parent, ABM_PLAN_SECTION_NOTES, &inherited), ==,
                   "Their CIO spoke at our summit");
  g_assert_cmpint (abm_plan_get_effective_motion (plan, parent), ==, ABM_MOTION_LAND);
  /* The account's plays include the cluster's when asked for both. */
  {
    AbmPlayFilter filter = { .account_id = abm_account_get_id (account),
                             .cluster_id = abm_account_get_cluster_id (account), .due_within = -1 };
    g_autoptr(GPtrArray) plays = abm_workspace_find_plays (f->workspace, &filter, NULL, &error);

    g_assert_cmpuint (plays->len, ==, 1);
    g_assert_cmpint (abm_play_get_cluster_id (plays->pdata[0]), ==, cluster_id);
  }

  /* Clearing its own section shows the cluster's again. */
  set_section (f->workspace, plan, ABM_PLAN_SECTION_PAIN_POINTS, "");
  g_assert_cmpstr (abm_plan_get_effective_section (plan, parent, ABM_PLAN_SECTION_PAIN_POINTS, &inherited), ==,
                   "Legacy cores\n- Batch overnight");

  cluster = abm_workspace_find_cluster (f->workspace, cluster_id);
  g_assert_true (abm_workspace_delete_cluster (f->workspace, cluster, &error));
  g_assert_null (abm_workspace_get_parent_plan (f->workspace, account, &error));
  g_assert_cmpstr (abm_plan_get_section (plan, ABM_PLAN_SECTION_NOTES), ==, "Their CIO spoke at our summit");
  {
    AbmPlayFilter filter = { .due_within = -1 };
    g_autoptr(GPtrArray) plays = abm_workspace_find_plays (f->workspace, &filter, NULL, &error);

    g_assert_cmpuint (plays->len, ==, 0);
  }
  g_assert_true (abm_workspace_check_integrity (f->workspace, &error));
}

/* ---- plays ------------------------------------------------------------------ */

static void
test_play_storage (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AbmStakeholder) person = abm_stakeholder_new ();
  g_autoptr(AbmPlay) values = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *account = northwind (f);
  gint64 account_id = abm_account_get_id (account);
  AbmStakeholder *cfo;
  GListModel *plays;
  AbmPlay *play, *other;
  gint64 id, undo_id, cfo_id;

  abm_stakeholder_set_text (person, ABM_STAKEHOLDER_FIELD_NAME, "Ana Ruiz", NULL);
  cfo = abm_workspace_add_stakeholder (f->workspace, account, person, &error);
  g_assert_no_error (error);
  cfo_id = abm_stakeholder_get_id (cfo);

  plays = abm_workspace_get_plays (f->workspace, account, &error);
  play = add_play (f->workspace, account_id, 0, "Executive briefing\nwith our CEO", "2026-03-02", "2026-03-20");
  g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 1);
  id = abm_play_get_id (play);

  /* A target must be on this account's committee. */
  values = abm_play_copy (play);
  abm_play_set_target_stakeholder (values, cfo_id + 100);
  g_assert_false (abm_workspace_update_play (f->workspace, play, values, &error));
  g_assert_error (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID);
  g_clear_error (&error);
  abm_play_set_target_stakeholder (values, cfo_id);
  abm_play_set_channel (values, ABM_CHANNEL_EXECUTIVE_BRIEFING);
  abm_play_set_owner (values, ABM_PLAY_OWNER_SALES);
  g_assert_true (abm_workspace_update_play (f->workspace, play, values, &error));
  g_assert_true (abm_workspace_set_play_status (f->workspace, play, ABM_PLAY_IN_PROGRESS, &error));
  g_assert_no_error (error);

  /* A play for neither or both, or without a description, is refused. */
  g_clear_object (&values);
  values = abm_play_new ();
  g_assert_null (abm_workspace_add_play (f->workspace, values, &error));
  g_clear_error (&error);
  abm_play_set_subject (values, account_id, 0);
  g_assert_null (abm_workspace_add_play (f->workspace, values, &error));
  g_clear_error (&error);

  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  account = northwind (f);
  plays = abm_workspace_get_plays (f->workspace, account, &error);
  play = g_list_model_get_item (plays, 0);
  g_object_unref (play);
  g_assert_cmpint (abm_play_get_id (play), ==, id);
  g_assert_cmpstr (abm_play_get_description (play), ==, "Executive briefing\nwith our CEO");
  g_assert_cmpint (abm_play_get_status (play), ==, ABM_PLAY_IN_PROGRESS);
  g_assert_cmpint (abm_play_get_channel (play), ==, ABM_CHANNEL_EXECUTIVE_BRIEFING);
  g_assert_cmpint (abm_play_get_target_stakeholder (play), ==, cfo_id);

  /* Delete and Undo: back under its id, so its calendar UID is the same;
   * a new play never takes a deleted one's id. */
  undo_id = abm_workspace_delete_play (f->workspace, play, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 0);
  other = add_play (f->workspace, account_id, 0, "Direct mail", NULL, NULL);
  g_assert_cmpint (abm_play_get_id (other), >, id);
  g_assert_true (abm_workspace_undo (f->workspace, undo_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 2);
  play = g_list_model_get_item (plays, 0);
  g_object_unref (play);
  g_assert_cmpint (abm_play_get_id (play), ==, id);

  /* Deleting the account takes its plan and plays; Undo brings them back. */
  set_section (f->workspace, plan_of (f, "northwind.com"), ABM_PLAN_SECTION_RISKS, "Procurement freeze");
  undo_id = abm_workspace_delete_account (f->workspace, account, &error);
  g_assert_no_error (error);
  g_assert_true (abm_workspace_undo (f->workspace, undo_id, &error));
  g_assert_no_error (error);
  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_plan_get_section (plan_of (f, "northwind.com"), ABM_PLAN_SECTION_RISKS), ==, "Procurement freeze");
  plays = abm_workspace_get_plays (f->workspace, northwind (f), &error);
  g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 2);
  play = g_list_model_get_item (plays, 0);
  g_object_unref (play);
  g_assert_cmpint (abm_play_get_target_stakeholder (play), ==, cfo_id);
  g_assert_true (abm_workspace_check_integrity (f->workspace, &error));
}

/* Templates give dated plays from a start day, and their edits are kept. */
static void
test_play_templates (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;
  AbmPlayTemplateStep step = { ABM_CHANNEL_SOCIAL, ABM_PLAY_OWNER_SALES, ABM_ROLE_CHAMPION,
                               (char *) "LinkedIn posts by the AE", 3, 0 };
  AbmPlayTemplate *tier1 = abm_workspace_get_play_template (f->workspace, ABM_PLAY_TEMPLATE_TIER_1);
  AbmPlayTemplate *cluster_template = abm_workspace_get_play_template (f->workspace, ABM_PLAY_TEMPLATE_CLUSTER);
  AbmCluster *cluster = abm_workspace_add_cluster (f->workspace, "Insurers", NULL, &error);
  const AbmPlayTemplateStep *first;
  GDate start;
  guint n;

  g_assert_cmpuint (abm_play_template_get_n_steps (tier1), ==, 8);
  g_assert_cmpuint (abm_play_template_get_n_steps (cluster_template), ==, 5);
  /* Unedited templates are the built-in ones, not yet settings. */
  g_assert_null (abm_workspace_dup_setting (f->workspace, "play-template-tier-1"));

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 23, G_DATE_MARCH, 2026);
  added = abm_workspace_apply_play_template (f->workspace, tier1, northwind (f), NULL, &start, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 8);
  for (guint i = 0; i < added->len; i++)
    {
      const AbmPlayTemplateStep *s = abm_play_template_get_step (tier1, i);
      GDate from = start, to;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;

      g_date_add_days (&from, s->offset);
      to = from;
      g_date_add_days (&to, s->duration);
      from_text = abm_date_format (&from);
      to_text = abm_date_format (&to);
      g_assert_cmpstr (abm_play_get_start (added->pdata[i]), ==, from_text);
      g_assert_cmpstr (abm_play_get_due (added->pdata[i]), ==, to_text);
      g_assert_cmpint (abm_play_get_channel (added->pdata[i]), ==, s->channel);
      g_assert_cmpint (abm_play_get_target_role (added->pdata[i]), ==, s->target_role);
      g_assert_cmpint (abm_play_get_status (added->pdata[i]), ==, ABM_PLAY_PLANNED);
    }
  g_assert_cmpstr (abm_play_get_due (added->pdata[7]), ==, "2026-06-01");   /* 49 + 21 days */
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_plays (f->workspace, northwind (f), NULL)), ==, 8);
  g_clear_pointer (&added, g_ptr_array_unref);
  added = abm_workspace_apply_play_template (f->workspace, cluster_template, NULL, cluster, &start, &error);
  g_assert_cmpuint (added->len, ==, 5);
  g_assert_cmpint (abm_play_get_cluster_id (added->pdata[0]), ==, abm_cluster_get_id (cluster));

  /* Edits are stored as they are made and read back. */
  g_assert_true (abm_play_template_add_step (tier1, &step, &error));
  abm_play_template_remove_step (tier1, 0);
  step.offset = ABM_PLAY_TEMPLATE_MAX_DAYS + 1;
  g_assert_false (abm_play_template_add_step (tier1, &step, &error));
  g_clear_error (&error);
  step.offset = 3;
  step.description = (char *) "  ";
  g_assert_false (abm_play_template_replace_step (tier1, 0, &step, &error));
  g_clear_error (&error);
  n = abm_play_template_get_n_steps (tier1);
  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  tier1 = abm_workspace_get_play_template (f->workspace, ABM_PLAY_TEMPLATE_TIER_1);
  g_assert_cmpuint (abm_play_template_get_n_steps (tier1), ==, n);
  first = abm_play_template_get_step (tier1, n - 1);
  g_assert_cmpstr (first->description, ==, "LinkedIn posts by the AE");
  g_assert_cmpint (first->target_role, ==, ABM_ROLE_CHAMPION);
  g_assert_cmpuint (first->offset, ==, 3);

  /* A stored template that does not read keeps the built-in plays; steps
   * that do not hold up are left out. */
  g_assert_true (abm_workspace_set_setting (f->workspace, "play-template-cluster",
                                            "[{\"channel\":\"email\",\"owner\":\"sales\",\"description\":\"Ok\","
                                            "\"offset-days\":1,\"duration-days\":2},"
                                            "{\"channel\":\"fax\",\"owner\":\"sales\",\"description\":\"No\","
                                            "\"offset-days\":1,\"duration-days\":2}]", &error));
  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (abm_play_template_get_n_steps (abm_workspace_get_play_template (f->workspace,
                                                                                     ABM_PLAY_TEMPLATE_CLUSTER)), ==, 1);
  g_assert_true (abm_workspace_set_setting (f->workspace, "play-template-cluster", "{\"not\":\"a list\"}", &error));
  reopen (f, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (abm_play_template_get_n_steps (abm_workspace_get_play_template (f->workspace,
                                                                                     ABM_PLAY_TEMPLATE_CLUSTER)), ==, 5);
}

/* ---- time ----------------------------------------------------------------- */

static int
days_until (const char *date,
            GDateTime  *now)
{
  int days = G_MININT;

  g_assert_true (abm_date_days_until (date, now, &days));
  return days;
}

/* Due and overdue go by the user's calendar day, across daylight-saving
 * changes and time zones: a play due on the 29th is due all that day. */
static void
test_due_time_zones (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account_id = abm_account_get_id (northwind (f));
  AbmPlay *spring = add_play (f->workspace, account_id, 0, "Due on the spring change", "2026-03-20", "2026-03-29");
  AbmPlay *autumn = add_play (f->workspace, account_id, 0, "Due on the autumn change", "2026-10-20", "2026-11-01");
  AbmPlay *week_on = add_play (f->workspace, account_id, 0, "Due a week on", NULL, "2026-11-05");
  AbmPlay *past_week = add_play (f->workspace, account_id, 0, "Due eight days on", NULL, "2026-11-06");

  /* Berlin springs forward at 02:00 on 29 March 2026. */
  {
    g_autoptr(GDateTime) before = local_time ("Europe/Berlin", 2026, 3, 29, 0, 30);
    g_autoptr(GDateTime) late = local_time ("Europe/Berlin", 2026, 3, 29, 23, 59);
    g_autoptr(GDateTime) next = local_time ("Europe/Berlin", 2026, 3, 30, 0, 0);
    g_autoptr(GDateTime) eve = local_time ("Europe/Berlin", 2026, 3, 28, 23, 30);

    g_assert_cmpint (g_date_time_get_utc_offset (before) / G_TIME_SPAN_HOUR, ==, 1);
    g_assert_cmpint (g_date_time_get_utc_offset (late) / G_TIME_SPAN_HOUR, ==, 2);
    g_assert_cmpint (days_until ("2026-03-29", eve), ==, 1);
    g_assert_cmpint (days_until ("2026-03-29", before), ==, 0);
    g_assert_cmpint (days_until ("2026-03-29", late), ==, 0);
    g_assert_false (abm_play_is_overdue (spring, late));
    g_assert_cmpint (days_until ("2026-03-29", next), ==, -1);
    g_assert_true (abm_play_is_overdue (spring, next));
  }

  /* One instant, two calendars: 22:30 UTC is the 30th in Berlin and
   * still the 29th in New York. */
  {
    g_autoptr(GDateTime) berlin = utc_in ("Europe/Berlin", 2026, 3, 29, 22, 30);
    g_autoptr(GDateTime) new_york = utc_in ("America/New_York", 2026, 3, 29, 22, 30);
    AbmPlayFilter overdue = { .due_within = -1, .overdue = TRUE };
    g_autoptr(GPtrArray) in_berlin = abm_workspace_find_plays (f->workspace, &overdue, berlin, &error);
    g_autoptr(GPtrArray) in_new_york = abm_workspace_find_plays (f->workspace, &overdue, new_york, &error);

    g_assert_true (abm_play_is_overdue (spring, berlin));
    g_assert_false (abm_play_is_overdue (spring, new_york));
    g_assert_cmpuint (in_berlin->len, ==, 1);
    g_assert_true (in_berlin->pdata[0] == spring);   /* the list's own object */
    g_assert_cmpuint (in_new_york->len, ==, 0);
  }

  /* New York falls back at 02:00 on 1 November 2026: 01:30 happens twice,
   * both on the 1st. */
  {
    g_autoptr(GDateTime) first = utc_in ("America/New_York", 2026, 11, 1, 5, 30);
    g_autoptr(GDateTime) second = utc_in ("America/New_York", 2026, 11, 1, 6, 30);
    g_autoptr(GDateTime) week_before = local_time ("America/New_York", 2026, 10, 29, 12, 0);
    AbmPlayFilter week = { .due_within = 7 };
    g_autoptr(GPtrArray) due = NULL;
    GDate monday, sunday;

    g_assert_cmpint (g_date_time_get_hour (first), ==, 1);
    g_assert_cmpint (g_date_time_get_hour (second), ==, 1);
    g_assert_cmpint (days_until ("2026-11-01", first), ==, 0);
    g_assert_cmpint (days_until ("2026-11-01", second), ==, 0);
    g_assert_false (abm_play_is_overdue (autumn, second));

    /* Seven calendar days on, though one of them has 25 hours. */
    due = abm_workspace_find_plays (f->workspace, &week, week_before, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (due->len, ==, 2);
    g_assert_true (due->pdata[0] == autumn);
    g_assert_true (due->pdata[1] == week_on);
    g_assert_false (g_ptr_array_find (due, past_week, NULL));

    /* The week is Monday to Sunday of the local day. */
    abm_date_week (first, &monday, &sunday);
    g_assert_cmpint (g_date_get_day (&monday), ==, 26);
    g_assert_cmpint (g_date_get_month (&monday), ==, 10);
    g_assert_cmpint (g_date_get_day (&sunday), ==, 1);
  }

  /* Staleness counts calendar days on the user's calendar: an edit at
   * 23:30 UTC on 28 March was the 29th in Berlin, the 28th in New York. */
  {
    g_autoptr(GDateTime) edited = g_date_time_new_utc (2026, 3, 28, 23, 30, 0);
    g_autoptr(GDateTime) berlin = local_time ("Europe/Berlin", 2026, 6, 27, 12, 0);
    g_autoptr(GDateTime) new_york = local_time ("America/New_York", 2026, 6, 27, 12, 0);

    g_assert_cmpint (abm_date_days_since (edited, berlin), ==, 90);
    g_assert_cmpint (abm_date_days_since (edited, new_york), ==, 91);
    g_assert_true (abm_plan_staleness_for (NULL, edited, berlin, 91) == ABM_PLAN_FRESH);
    g_assert_true (abm_plan_staleness_for (NULL, edited, new_york, 91) == ABM_PLAN_UNTOUCHED);
    g_assert_true (abm_plan_staleness_for ("2026-06-26", edited, berlin, 365) == ABM_PLAN_REVIEW_DUE);
    g_assert_true (abm_plan_staleness_for ("2026-06-27", edited, berlin, 365) == ABM_PLAN_FRESH);
  }
}

/* The weekly review: next steps due this week or overdue, overdue plays,
 * stale plans, in that order. */
static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GDateTime) now = local_time ("Europe/Berlin", 2026, 3, 25, 10, 0);   /* a Wednesday */
  AbmCluster *cluster = abm_workspace_add_cluster (f->workspace, "Regional banks", NULL, &error);
  AbmPlan *plan = plan_of (f, "northwind.com");
  AbmPlan *other = plan_of (f, "contoso.com");
  gint64 account_id = abm_account_get_id (northwind (f));
  AbmPlanItem *done;
  AbmAgendaItem *item;

  g_assert_true (abm_workspace_set_stale_days (f->workspace, ABM_PLAN_MAX_STALE_DAYS, &error));
  g_assert_false (abm_workspace_set_stale_days (f->workspace, 0, &error));
  g_clear_error (&error);
  g_assert_cmpuint (abm_workspace_get_stale_days (f->workspace), ==, ABM_PLAN_MAX_STALE_DAYS);

  add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Overdue step", "2026-03-18", "Dana Smith");
  add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Step this Friday", "2026-03-27", NULL);
  add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Step on Sunday", "2026-03-29", NULL);
  add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Step next week", "2026-03-30", NULL);
  add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Undated step", NULL, NULL);
  add_item (f->workspace, plan, ABM_PLAN_ITEM_VENDOR, "Renewal is not a step", "2026-03-20", NULL);
  done = add_item (f->workspace, plan, ABM_PLAN_ITEM_STEP, "Done step", "2026-03-10", NULL);
  {
    g_autoptr(AbmPlanItem) values = abm_plan_item_copy (done);

    abm_plan_item_set_done (values, TRUE);
    g_assert_true (abm_workspace_update_plan_item (f->workspace, plan, done, values, &error));
  }
  add_play (f->workspace, account_id, 0, "Overdue play", "2026-03-01", "2026-03-20");
  g_assert_true (abm_workspace_set_play_status (f->workspace,
                                                add_play (f->workspace, account_id, 0, "Done play", NULL, "2026-03-19"),
                                                ABM_PLAY_DONE, &error));
  add_play (f->workspace, account_id, 0, "Play due this week", NULL, "2026-03-26");
  add_play (f->workspace, 0, abm_cluster_get_id (cluster), "Overdue cluster play", NULL, "2026-03-24");
  g_assert_true (abm_workspace_set_plan_review_date (f->workspace, other, "2026-03-01", &error));

  agenda = abm_workspace_get_agenda (f->workspace, now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agenda->len; i++)
    {
      item = agenda->pdata[i];
      g_test_message ("%u: %d %s %s %s %d", i, item->kind, item->subject, item->text, item->date, item->days);
    }
  g_assert_cmpuint (agenda->len, ==, 6);
  item = agenda->pdata[0];
  g_assert_cmpint (item->kind, ==, ABM_AGENDA_STEP);
  g_assert_cmpstr (item->text, ==, "Overdue step");
  g_assert_cmpstr (item->owner, ==, "Dana Smith");
  g_assert_cmpint (item->days, ==, -7);
  g_assert_true (item->overdue);
  item = agenda->pdata[1];
  g_assert_cmpint (item->kind, ==, ABM_AGENDA_PLAY);
  g_assert_cmpstr (item->text, ==, "Overdue play");
  g_assert_cmpint (item->days, ==, -5);
  g_assert_cmpstr (item->domain, ==, "northwind.com");
  item = agenda->pdata[2];
  g_assert_cmpstr (item->text, ==, "Overdue cluster play");
  g_assert_cmpstr (item->subject, ==, "Regional banks");
  g_assert_cmpint (item->cluster_id, ==, abm_cluster_get_id (cluster));
  item = agenda->pdata[3];
  g_assert_cmpstr (item->text, ==, "Step this Friday");
  g_assert_false (item->overdue);
  g_assert_cmpint (item->days, ==, 2);
  item = agenda->pdata[4];
  g_assert_cmpstr (item->text, ==, "Step on Sunday");
  item = agenda->pdata[5];
  g_assert_cmpint (item->kind, ==, ABM_AGENDA_STALE_PLAN);
  g_assert_cmpstr (item->subject, ==, "Contoso Insurance");
  g_assert_true (item->staleness == ABM_PLAN_REVIEW_DUE);
  g_assert_cmpstr (item->date, ==, "2026-03-01");

  stale = abm_workspace_list_stale_plans (f->workspace, now, &error);
  g_assert_cmpuint (stale->len, ==, 1);
  /* Untouched for the workspace's days: with a short period, both go. */
  g_assert_true (abm_workspace_set_stale_days (f->workspace, 1, &error));
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (abm_plan_get_modified (plan), 2);
    g_autoptr(GPtrArray) both = abm_workspace_list_stale_plans (f->workspace, later, &error);

    g_assert_cmpuint (both->len, ==, 2);
    g_assert_true (abm_plan_get_staleness (plan, later, abm_workspace_get_stale_days (f->workspace))
                   == ABM_PLAN_UNTOUCHED);
  }
}

/* ---- calendars -------------------------------------------------------------- */

static AbmTestIcs *
child_with_uid (AbmTestIcs *calendar,
                const char *uid)
{
  for (guint i = 0; i < calendar->children->len; i++)
    if (g_strcmp0 (abm_test_ics_get (calendar->children->pdata[i], "UID"), uid) == 0)
      return calendar->children->pdata[i];
  return NULL;
}

/* Folding never splits a character and keeps lines to 75 octets. */
static void
test_ics_folding (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(AbmTestIcs) parsed = NULL;
  g_autofree char *back = NULL;
  g_autofree char *escaped = abm_ics_escape_text ("a,b;c\\d\r\ne\tf\x01g");

  g_assert_cmpstr (escaped, ==, "a\\,b\\;c\\\\d\\ne fg");
  for (guint i = 0; i < 60; i++)
    g_string_append (long_text, i % 3 ? "é" : "🚀;");
  abm_ics_append_line (out, "BEGIN", "VCALENDAR");
  abm_ics_append_text (out, "X-LONG", long_text->str);
  abm_ics_append_line (out, "END", "VCALENDAR");
  parsed = abm_test_ics_parse (out->str);
  back = abm_test_ics_unescape (abm_test_ics_get (parsed, "X-LONG"));
  g_assert_cmpstr (back, ==, long_text->str);
}

/* Plays as iCalendar: valid when read back strictly, DATE values, text
 * escaped, and one UID per play, the same in every export. */
static void
test_ics_export (Fixture       *f,
                 gconstpointer  data)
{
  static const char tricky[] = "Lunch, dinner; and a \\ backslash\nSecond line: Zürich 🚀 "
                               "and enough words to need folding more than once in the calendar file";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plays = g_ptr_array_new ();
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 3, 25, 9, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 4, 1, 9, 0, 0);
  g_autofree char *todos = NULL;
  g_autofree char *again = NULL;
  g_autofree char *events = NULL;
  g_autofree char *uid_long = NULL;
  g_autofree char *uid_day = NULL;
  g_autoptr(AbmTestIcs) calendar = NULL;
  g_autoptr(AbmTestIcs) calendar_again = NULL;
  g_autoptr(AbmTestIcs) event_calendar = NULL;
  gint64 account_id = abm_account_get_id (northwind (f));
  AbmPlay *long_play = add_play (f->workspace, account_id, 0, tricky, "2026-03-23", "2026-03-27");
  AbmPlay *one_day = add_play (f->workspace, account_id, 0, "Call", "2026-03-29", "2026-03-29");
  AbmPlay *undated = add_play (f->workspace, account_id, 0, "Some day", NULL, NULL);
  AbmTestIcs *todo;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  g_assert_true (abm_workspace_set_play_status (f->workspace, one_day, ABM_PLAY_DONE, &error));
  g_ptr_array_add (plays, long_play);
  g_ptr_array_add (plays, one_day);
  g_ptr_array_add (plays, undated);

  todos = abm_play_calendar_to_ics (f->workspace, plays, ABM_CALENDAR_TODOS, stamp);
  calendar = abm_test_ics_parse (todos);
  g_assert_cmpstr (abm_test_ics_get (calendar, "VERSION"), ==, "2.0");
  g_assert_nonnull (abm_test_ics_get (calendar, "PRODID"));
  g_assert_cmpuint (calendar->children->len, ==, 3);

  todo = calendar->children->pdata[0];
  g_assert_cmpstr (todo->name, ==, "VTODO");
  uid_long = g_strdup (abm_test_ics_get (todo, "UID"));
  g_assert_nonnull (uid_long);
  g_assert_cmpstr (abm_test_ics_get (todo, "DTSTAMP"), ==, "20260325T090000Z");
  g_assert_cmpstr (abm_test_ics_get (todo, "DTSTART;VALUE=DATE"), ==, "20260323");
  g_assert_cmpstr (abm_test_ics_get (todo, "DUE;VALUE=DATE"), ==, "20260327");
  g_assert_cmpstr (abm_test_ics_get (todo, "STATUS"), ==, "NEEDS-ACTION");
  description = abm_test_ics_unescape (abm_test_ics_get (todo, "DESCRIPTION"));
  g_assert_true (g_str_has_prefix (description, tricky));
  summary = abm_test_ics_unescape (abm_test_ics_get (todo, "SUMMARY"));
  g_assert_true (g_str_has_prefix (summary, "Northwind Bank: Email — Lunch, dinner; and a \\ backslash"));
  g_assert_null (strchr (summary, '\n'));

  /* DUE must be after DTSTART: a one-day play is only due. */
  todo = calendar->children->pdata[1];
  uid_day = g_strdup (abm_test_ics_get (todo, "UID"));
  g_assert_null (abm_test_ics_get (todo, "DTSTART;VALUE=DATE"));
  g_assert_cmpstr (abm_test_ics_get (todo, "DUE;VALUE=DATE"), ==, "20260329");
  g_assert_cmpstr (abm_test_ics_get (todo, "STATUS"), ==, "COMPLETED");
  g_assert_cmpstr (uid_long, !=, uid_day);
  todo = calendar->children->pdata[2];
  g_assert_null (abm_test_ics_get (todo, "DUE;VALUE=DATE"));

  /* The same UIDs in a later export and after a reopen. */
  reopen (f, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_ptr_array_set_size (plays, 0);
  {
    AbmPlayFilter all = { .due_within = -1 };
    g_autoptr(GPtrArray) found = abm_workspace_find_plays (f->workspace, &all, NULL, &error);

    again = abm_play_calendar_to_ics (f->workspace, found, ABM_CALENDAR_TODOS, later);
    events = abm_play_calendar_to_ics (f->workspace, found, ABM_CALENDAR_EVENTS, later);
  }
  calendar_again = abm_test_ics_parse (again);
  g_assert_nonnull (child_with_uid (calendar_again, uid_long));
  g_assert_nonnull (child_with_uid (calendar_again, uid_day));

  /* All-day events end the day after their last. */
  event_calendar = abm_test_ics_parse (events);
  g_assert_cmpuint (event_calendar->children->len, ==, 2);
  todo = child_with_uid (event_calendar, uid_long);
  g_assert_cmpstr (todo->name, ==, "VEVENT");
  g_assert_cmpstr (abm_test_ics_get (todo, "DTSTART;VALUE=DATE"), ==, "20260323");
  g_assert_cmpstr (abm_test_ics_get (todo, "DTEND;VALUE=DATE"), ==, "20260328");
  todo = child_with_uid (event_calendar, uid_day);
  g_assert_cmpstr (abm_test_ics_get (todo, "DTSTART;VALUE=DATE"), ==, "20260329");
  g_assert_cmpstr (abm_test_ics_get (todo, "DTEND;VALUE=DATE"), ==, "20260330");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/plans/model/plan", test_plan_model);
  g_test_add_func ("/plans/model/whitespace", test_whitespace_model);
  g_test_add_func ("/plans/model/play", test_play_model);
  ADD ("/plans/storage", test_plan_storage);
  g_test_add_func ("/plans/durable-after-kill", test_plan_durable_after_kill);
  ADD ("/plans/migration", test_plan_migration);
  ADD ("/plans/hostile-file", test_plan_hostile);
  ADD ("/plans/cluster-inheritance", test_cluster_inheritance);
  ADD ("/plays/storage-undo", test_play_storage);
  ADD ("/plays/templates", test_play_templates);
  ADD ("/plays/due-time-zones", test_due_time_zones);
  ADD ("/plans/agenda", test_agenda);
  g_test_add_func ("/plays/ics-folding", test_ics_folding);
  ADD ("/plays/ics-export", test_ics_export);

#undef ADD

  return g_test_run ();
}
