/* test-plans-ui.c: the plan, plays and agenda views, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "abm-accounts-view.h"
#include "abm-agenda-dialog.h"
#include "abm-application.h"
#include "abm-date.h"
#include "abm-plan-page.h"
#include "abm-play-dialog.h"
#include "abm-play-template-dialog.h"
#include "abm-plays-page.h"
#include "abm-test-ui.h"
#include "abm-whitespace-cell-popover.h"
#include "abm-window.h"

#define WAIT_MS 5000

static AbmApplication *app;

static GtkTextView *
section_view (AbmWindow  *window,
              const char *title)
{
  GtkWidget *group = abm_test_ui_find_group (GTK_WIDGET (window), title);

  g_assert_nonnull (group);
  return GTK_TEXT_VIEW (abm_test_ui_find_widget (group, GTK_TYPE_TEXT_VIEW, NULL));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static AbmAccountsView *
accounts_view (AbmWindow *window)
{
  return ABM_ACCOUNTS_VIEW (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL));
}

/* Opens @account on its @page, as a click on the list and the switcher would. */
static void
open_account (AbmWindow  *window,
              AbmAccount *account,
              const char *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts"));
  abm_test_ui_iterate ();
  abm_accounts_view_select (accounts_view (window), account);
  abm_test_ui_iterate ();
  adw_view_stack_set_visible_child_name (abm_test_ui_find_view_stack (GTK_WIDGET (window), page), page);
  abm_test_ui_iterate ();
}

static AbmAccount *
add_account (AbmWorkspace *workspace,
             const char   *name)
{
  g_autoptr(AbmAccount) draft = abm_account_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_account_set_field_text (draft, ABM_ACCOUNT_FIELD_NAME, name, &error));
  g_assert_true (abm_workspace_add_account (workspace, draft, &error));
  g_assert_no_error (error);
  return abm_workspace_find_account_by_id (workspace, abm_account_get_id (draft));
}

typedef struct {
  AbmPlan    *plan;
  const char *text;
} SectionWait;

static gboolean
section_saved (gpointer data)
{
  SectionWait *wait = data;

  return g_strcmp0 (abm_plan_get_section (wait->plan, ABM_PLAN_SECTION_PRIORITIES), wait->text) == 0;
}

/* The test: write a plan section, close, reopen and find it. The
 * debounce stores it without any other action, and what is typed after
 * the last debounce is stored when the window closes. */
static void
test_plan_section_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-plan-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.abm", NULL);
  g_autoptr(GError) error = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *account;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;
  SectionWait wait;
  gint64 account_id;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Plans", "EUR", &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  account = add_account (workspace, "Initech");
  account_id = abm_account_get_id (account);
  open_account (window, account, "plan");

  view = section_view (window, "Business Priorities");
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_insert_at_cursor (buffer, "Cut the cost of compliance.\n- Automate filings", -1);
  abm_test_ui_iterate ();

  /* Typing alone saves, after the pause. */
  wait.plan = abm_workspace_get_plan (workspace, account, NULL);
  wait.text = "Cut the cost of compliance.\n- Automate filings";
  g_assert_true (abm_test_ui_wait_for (section_saved, &wait, WAIT_MS));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (abm_test_ui_find_group (GTK_WIDGET (window), "Account Plan"))),
                            "Last edited"));

  /* Typed and closed at once, before the debounce: kept. */
  gtk_text_buffer_insert_at_cursor (buffer, "\n- One source of truth", -1);
  gtk_window_close (GTK_WINDOW (window));
  abm_test_ui_iterate ();

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  account = abm_workspace_find_account_by_id (abm_window_get_workspace (window), account_id);
  open_account (window, account, "plan");
  shown = view_text (section_view (window, "Business Priorities"));
  g_assert_cmpstr (shown, ==, "Cut the cost of compliance.\n- Automate filings\n- One source of truth");

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

/* The shown widget whose tooltip starts with @tooltip: the map's buttons
 * are named by it. */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  const char *text = gtk_widget_get_tooltip_text (root);

  if (gtk_widget_get_mapped (root) && text != NULL && g_str_has_prefix (text, tooltip))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type under @root, shown or not: a popover that a
 * test does not pop up (Xvfb's default screen has no monitor to place it
 * on). */
static GtkWidget *
find_child (GtkWidget  *root,
            GType       type,
            const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The whitespace map is built and marked on the plan page: a division
 * and an offering added, a cell set through its popover to a named
 * competitor with an amount; it is stored, and shown after reopening. */
static void
test_whitespace_map (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-plan-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.abm", NULL);
  g_autoptr(GError) error = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *account;
  AbmWhitespace *map;
  const AbmWhitespaceCell *cell;
  GtkWidget *page, *button, *set;
  AbmWhitespaceCellPopover *popover;
  g_auto(GStrv) offerings = NULL;
  gint64 account_id;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Map", "EUR", &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  account = add_account (workspace, "Initech");
  account_id = abm_account_get_id (account);
  open_account (window, account, "plan");
  page = abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_PLAN_PAGE, NULL);

  /* What the Add Division and Add Offering popovers do. */
  g_assert_nonnull (find_by_tooltip (page, "Add a division or buying centre of the account"));
  g_assert_true (gtk_widget_activate_action (page, "plan.add-to-map", "(us)", ABM_WHITESPACE_DIVISIONS, "Retail Banking"));
  g_assert_true (gtk_widget_activate_action (page, "plan.add-to-map", "(us)", ABM_WHITESPACE_OFFERINGS, "Payments"));
  abm_test_ui_iterate ();
  offerings = abm_workspace_dup_offerings (workspace);
  g_assert_true (g_strv_contains ((const char *const *) offerings, "Payments"));

  button = find_by_tooltip (page, "Retail Banking, Payments: Whitespace");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  map = abm_plan_get_whitespace (abm_workspace_get_plan (workspace, account, NULL));
  popover = abm_whitespace_cell_popover_new ("Retail Banking, Payments", 0, 0, abm_whitespace_get_cell (map, 0, 0));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (popover));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_child (GTK_WIDGET (popover), GTK_TYPE_DROP_DOWN, NULL)),
                              ABM_WHITESPACE_COMPETITOR);
  gtk_editable_set_text (GTK_EDITABLE (find_child (GTK_WIDGET (popover), GTK_TYPE_ENTRY, NULL)), "Globex");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_child (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON, NULL)), 250000);
  set = find_child (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "_Set");
  g_assert_nonnull (set);
  g_signal_emit_by_name (set, "clicked");
  abm_test_ui_iterate ();

  map = abm_plan_get_whitespace (abm_workspace_get_plan (workspace, account, NULL));
  cell = abm_whitespace_get_cell (map, 0, 0);
  g_assert_cmpint (cell->status, ==, ABM_WHITESPACE_COMPETITOR);
  g_assert_nonnull (find_by_tooltip (page, "Retail Banking, Payments: Globex "));

  /* What a division's own popover does. */
  g_assert_nonnull (find_by_tooltip (page, "Division “Retail Banking”"));
  g_assert_true (gtk_widget_activate_action (page, "plan.rename-in-map", "(uus)", ABM_WHITESPACE_DIVISIONS, 0, "Retail"));
  abm_test_ui_iterate ();
  abm_test_ui_close (GTK_WIDGET (window));

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  account = abm_workspace_find_account_by_id (workspace, account_id);
  map = abm_plan_get_whitespace (abm_workspace_get_plan (workspace, account, NULL));
  g_assert_cmpstr (abm_whitespace_get_name (map, ABM_WHITESPACE_DIVISIONS, 0), ==, "Retail");
  cell = abm_whitespace_get_cell (map, 0, 0);
  g_assert_cmpint (cell->status, ==, ABM_WHITESPACE_COMPETITOR);
  g_assert_cmpstr (cell->competitor, ==, "Globex");
  g_assert_cmpfloat (cell->amount, ==, 250000);
  open_account (window, account, "plan");
  g_assert_nonnull (find_by_tooltip (GTK_WIDGET (window), "Retail, Payments: Globex "));

  /* Removing a division takes its cells; the toast's Undo brings both back. */
  {
    GtkWidget *plan_page = abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_PLAN_PAGE, NULL);
    GtkWidget *undo;

    g_assert_true (gtk_widget_activate_action (plan_page, "plan.remove-from-map", "(uu)", ABM_WHITESPACE_DIVISIONS, 0));
    abm_test_ui_iterate ();
    map = abm_plan_get_whitespace (abm_workspace_get_plan (workspace, account, NULL));
    g_assert_cmpuint (abm_whitespace_get_n (map, ABM_WHITESPACE_DIVISIONS), ==, 0);
    undo = abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    abm_test_ui_iterate ();
    map = abm_plan_get_whitespace (abm_workspace_get_plan (workspace, account, NULL));
    g_assert_cmpstr (abm_whitespace_get_name (map, ABM_WHITESPACE_DIVISIONS, 0), ==, "Retail");
    g_assert_cmpstr (abm_whitespace_get_cell (map, 0, 0)->competitor, ==, "Globex");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  abm_test_ui_remove_dir (dir);
}

/* Today plus @days, as YYYY-MM-DD: overdue is relative to the clock. */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  abm_date_today (now, &date);
  if (days < 0)
    g_date_subtract_days (&date, -days);
  else
    g_date_add_days (&date, days);
  return abm_date_format (&date);
}

/* The rows of the account list that carry the stale-plan flag; the only
 * images with these words. */
static guint
count_flags (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_IMAGE (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_widget_get_tooltip_text (root), "Plan past its review date") == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_flags (child);
  return n;
}

/* An account whose plan is past its review date is flagged in the list,
 * as soon as the date is set, and no longer once it moves on; the plan
 * page sets the workspace's stale period. */
static void
test_stale_flag (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-plan-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "stale.abm", NULL);
  g_autofree char *past = NULL;
  g_autofree char *future = NULL;
  g_autoptr(GError) error = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *stale, *fresh;
  AbmPlan *plan;
  GtkWidget *view, *spin;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Stale", "EUR", &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  stale = add_account (workspace, "Initech");
  fresh = add_account (workspace, "Hooli");
  g_assert_true (abm_workspace_set_plan_section (workspace, abm_workspace_get_plan (workspace, fresh, NULL),
                                                 ABM_PLAN_SECTION_PRIORITIES, "Grow", &error));
  open_account (window, fresh, "plan");
  view = GTK_WIDGET (accounts_view (window));
  g_assert_cmpuint (count_flags (view), ==, 0);

  past = day_from_today (-3);
  plan = abm_workspace_get_plan (workspace, stale, NULL);
  g_assert_true (abm_workspace_set_plan_review_date (workspace, plan, past, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  g_assert_cmpuint (count_flags (view), ==, 1);

  future = day_from_today (30);
  g_assert_true (abm_workspace_set_plan_review_date (workspace, plan, future, &error));
  abm_test_ui_iterate ();
  g_assert_cmpuint (count_flags (view), ==, 0);

  spin = abm_test_ui_get_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 90);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  abm_test_ui_iterate ();
  g_assert_cmpuint (abm_workspace_get_stale_days (workspace), ==, 30);

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  abm_test_ui_remove_dir (dir);
}

/* A template's play edited in its dialog is stored, and the plays the
 * template adds afterwards carry the edit. */
static void
test_edit_template (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-plan-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "templates.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(AbmWorkspace) reread = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *account;
  AbmPlayTemplate *template;
  GtkWindow *dialog;
  GtkWidget *step, *description, *offset_row, *offset;
  GDate start;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Templates", "EUR", &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  account = add_account (workspace, "Initech");
  open_account (window, account, "plays");

  g_assert_true (gtk_widget_activate_action (abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_PLAYS_PAGE, NULL),
                                             "plays.edit-templates", NULL));
  abm_test_ui_iterate ();
  dialog = abm_test_ui_find_toplevel (ABM_TYPE_PLAY_TEMPLATE_DIALOG);
  g_assert_nonnull (dialog);
  step = abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, NULL);
  /* Expanded at once, not over an animation's frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (step), TRUE);
  abm_test_ui_iterate ();
  description = abm_test_ui_get_widget (step, ADW_TYPE_ENTRY_ROW, "Description");
  gtk_editable_set_text (GTK_EDITABLE (description), "Send the CFO our benchmark");
  g_signal_emit_by_name (description, "apply");
  offset_row = abm_test_ui_get_widget (step, ADW_TYPE_ACTION_ROW, "Starts After (Days)");
  offset = abm_test_ui_get_widget (offset_row, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (offset), 3);
  abm_test_ui_iterate ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (step)), ==, "Send the CFO our benchmark");

  /* A removed play comes back from the toast's Undo. */
  {
    AbmPlayTemplate *tier1 = abm_workspace_get_play_template (abm_window_get_workspace (window), ABM_PLAY_TEMPLATE_TIER_1);
    guint n = abm_play_template_get_n_steps (tier1);

    g_signal_emit_by_name (abm_test_ui_get_widget (step, GTK_TYPE_BUTTON, "_Remove Play"), "clicked");
    abm_test_ui_iterate ();
    g_assert_cmpuint (abm_play_template_get_n_steps (tier1), ==, n - 1);
    g_signal_emit_by_name (abm_test_ui_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Undo"), "clicked");
    abm_test_ui_iterate ();
    g_assert_cmpuint (abm_play_template_get_n_steps (tier1), ==, n);
    g_assert_cmpstr (abm_play_template_get_step (tier1, 0)->description, ==, "Send the CFO our benchmark");
  }
  gtk_window_close (dialog);
  abm_test_ui_iterate ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  template = abm_workspace_get_play_template (workspace, ABM_PLAY_TEMPLATE_TIER_1);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 2, G_DATE_MARCH, 2026);
  added = abm_workspace_apply_play_template (workspace, template, account, NULL, &start, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (abm_play_get_description (added->pdata[0]), ==, "Send the CFO our benchmark");
  g_assert_cmpstr (abm_play_get_start (added->pdata[0]), ==, "2026-03-05");

  /* Kept in the file. */
  reread = abm_test_ui_reread (path);
  g_assert_cmpstr (abm_play_template_get_step (abm_workspace_get_play_template (reread, ABM_PLAY_TEMPLATE_TIER_1),
                                               0)->description, ==, "Send the CFO our benchmark");
  abm_workspace_close (reread);

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  abm_test_ui_remove_dir (dir);
}

/* A play added through its dialog is listed and drawn; a template adds
 * its plays from the start date; a deleted play comes back with Undo. */
static void
test_plays (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-plays-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plays.abm", NULL);
  g_autoptr(GError) error = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *account;
  AdwMessageDialog *dialog;
  GListModel *plays;
  AbmPlay *play;
  guint n_template;
  g_autofree char *start = day_from_today (-10);
  g_autofree char *due = day_from_today (-3);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Plays", "EUR", &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  account = add_account (workspace, "Initech");
  open_account (window, account, "plays");
  plays = abm_workspace_get_plays (workspace, account, NULL);

  /* The empty page offers the two ways in. */
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Apply Template…"));
  g_assert_true (gtk_widget_activate_action (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Add Play…"),
                                             "plays.add", NULL));
  abm_test_ui_iterate ();
  dialog = ADW_MESSAGE_DIALOG (abm_test_ui_find_toplevel (ABM_TYPE_PLAY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Description", "Dinner with the CFO");
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Start (YYYY-MM-DD)", start);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Due (YYYY-MM-DD)", "2000-01-01");
  /* A due date before the start is refused in words. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Due (YYYY-MM-DD)", due);
  adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Channel")),
                              ABM_CHANNEL_EXECUTIVE_BRIEFING);
  adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Owner")),
                              ABM_PLAY_OWNER_SALES);
  abm_test_ui_respond (dialog, "save");

  g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 1);
  play = g_list_model_get_item (plays, 0);
  g_object_unref (play);
  g_assert_cmpstr (abm_play_get_description (play), ==, "Dinner with the CFO");
  g_assert_cmpstr (abm_play_get_due (play), ==, due);
  g_assert_cmpint (abm_play_get_channel (play), ==, ABM_CHANNEL_EXECUTIVE_BRIEFING);
  g_assert_cmpint (abm_play_get_owner (play), ==, ABM_PLAY_OWNER_SALES);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Dinner with the CFO"));
  /* Due in the past and still planned: overdue, and said so. */
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "1 play · 1 overdue"));

  /* The Tier 1 template, from a start date. */
  n_template = abm_play_template_get_n_steps (abm_workspace_get_play_template (workspace, ABM_PLAY_TEMPLATE_TIER_1));
  g_assert_cmpuint (n_template, >, 0);
  g_assert_true (gtk_widget_activate_action (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Add Play…"),
                                             "plays.apply-template", NULL));
  abm_test_ui_iterate ();
  dialog = abm_test_ui_find_message_dialog ("Apply Template");
  g_assert_nonnull (dialog);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Start Date (YYYY-MM-DD)", "2030-01-07");
  abm_test_ui_respond (dialog, "apply");
  g_assert_cmpuint (g_list_model_get_n_items (plays), ==, 1 + n_template);
  play = g_list_model_get_item (plays, 1);
  g_object_unref (play);
  g_assert_cmpstr (abm_play_get_start (play), >=, "2030-01-07");

  /* Delete, then Undo from the toast. */
  {
    GtkWidget *row = abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Dinner with the CFO");
    GtkWidget *delete = abm_test_ui_find_widget (row, GTK_TYPE_BUTTON, "Delete “Dinner with the CFO”");

    g_assert_nonnull (delete);
    g_signal_emit_by_name (delete, "clicked");
    abm_test_ui_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (plays), ==, n_template);
    g_assert_null (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Dinner with the CFO"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    abm_test_ui_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_plays (workspace, account, NULL)), ==, 1 + n_template);
    g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Dinner with the CFO"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

/* The agenda lists an overdue play and a step due this week; activating
 * the play opens its account's plays. */
static void
test_agenda (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-agenda-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "agenda.abm", NULL);
  g_autofree char *start = day_from_today (-10);
  g_autofree char *due = day_from_today (-3);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmPlay) values = abm_play_new ();
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *account, *other;
  GtkWindow *agenda;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Agenda", "EUR", &error));
  workspace = abm_window_get_workspace (window);
  account = add_account (workspace, "Initech");
  other = add_account (workspace, "Globex");

  /* Nothing due yet: the agenda says there is nothing to review. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.agenda", NULL));
  abm_test_ui_iterate ();
  agenda = abm_test_ui_find_toplevel (ABM_TYPE_AGENDA_DIALOG);
  g_assert_nonnull (agenda);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (agenda), GTK_TYPE_LABEL, "Nothing to Review"));
  gtk_window_close (agenda);
  abm_test_ui_iterate ();

  abm_play_set_subject (values, abm_account_get_id (account), 0);
  g_assert_true (abm_play_set_description (values, "Call the champion", NULL));
  g_assert_true (abm_play_set_dates (values, start, due, NULL));
  g_assert_nonnull (abm_workspace_add_play (workspace, values, &error));
  /* Done plays are not overdue. */
  abm_play_set_subject (values, abm_account_get_id (other), 0);
  g_assert_true (abm_play_set_description (values, "Send the case study", NULL));
  abm_play_set_status (values, ABM_PLAY_DONE);
  g_assert_nonnull (abm_workspace_add_play (workspace, values, &error));

  open_account (window, other, "details");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.agenda", NULL));
  abm_test_ui_iterate ();
  agenda = abm_test_ui_find_toplevel (ABM_TYPE_AGENDA_DIALOG);
  g_assert_nonnull (agenda);
  g_assert_null (abm_test_ui_find_widget (GTK_WIDGET (agenda), ADW_TYPE_ACTION_ROW, "Play: Send the case study"));
  row = abm_test_ui_find_widget (abm_test_ui_find_widget (GTK_WIDGET (agenda), ADW_TYPE_PREFERENCES_GROUP, NULL),
                                 ADW_TYPE_ACTION_ROW, "Play: Call the champion");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Initech"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "3 days overdue"));

  g_signal_emit_by_name (row, "activated");
  abm_test_ui_iterate ();
  g_assert_null (abm_test_ui_find_toplevel (ABM_TYPE_AGENDA_DIALOG));
  g_assert_true (abm_accounts_view_get_selected (accounts_view (window)) == account);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Call the champion"));

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = abm_test_ui_init (&argc, &argv);

  g_test_add_func ("/plans-ui/plan-section-reopen", test_plan_section_reopen);
  g_test_add_func ("/plans-ui/whitespace-map", test_whitespace_map);
  g_test_add_func ("/plans-ui/stale-flag", test_stale_flag);
  g_test_add_func ("/plans-ui/edit-template", test_edit_template);
  g_test_add_func ("/plans-ui/plays", test_plays);
  g_test_add_func ("/plans-ui/agenda", test_agenda);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
