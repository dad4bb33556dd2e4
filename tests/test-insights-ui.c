/* test-insights-ui.c: the Insights view, the account's activity and deals,
 * driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "abm-account-row.h"
#include "abm-accounts-view.h"
#include "abm-application.h"
#include "abm-chart-view.h"
#include "abm-costs-dialog.h"
#include "abm-engagement-rules-dialog.h"
#include "abm-insights-view.h"
#include "abm-kpi-strip.h"
#include "abm-sample.h"
#include "abm-test-ui.h"
#include "abm-window.h"

static AbmApplication *app;

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Pixels that are not the background's: something was drawn. */
static guint
n_drawn_pixels (GtkWidget *widget)
{
  int width, height;
  g_autofree guchar *pixels = abm_test_ui_render_widget (widget, &width, &height);
  guint drawn = 0;

  for (int i = 0; i < width * height; i++)
    if (memcmp (pixels + i * 4, pixels, 3) != 0)
      drawn++;
  return drawn;
}

/* A shown label whose tooltip starts with @prefix. */
static GtkWidget *
find_label_by_tooltip (GtkWidget  *root,
                       const char *prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && tooltip && g_str_has_prefix (tooltip, prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_by_tooltip (child, prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shown row of the account list that shows @account. */
static GtkWidget *
find_account_row (GtkWidget  *root,
                  AbmAccount *account)
{
  if (ABM_IS_ACCOUNT_ROW (root) && gtk_widget_get_mapped (root)
      && abm_account_row_get_account (ABM_ACCOUNT_ROW (root)) == account)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_account_row (child, account);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The UI test: the Insights view on the sample workspace shows a
 * card for every KPI, draws its charts, offers each as a table, and opens
 * an account from its lists. */
static void
test_sample_dashboard (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-insights-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.abm", NULL);
  g_autoptr(AbmWorkspace) sample = NULL;
  g_autoptr(GError) error = NULL;
  AbmWindow *window;
  AbmAccount *selected;
  GtkWidget *view, *kpis, *chart, *toggle, *table, *top, *row;

  sample = abm_sample_create_workspace (path, 400, 7, &error);
  g_assert_no_error (error);
  abm_workspace_close (sample);
  window = abm_test_ui_window_on (app, path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "insights"));
  abm_test_ui_iterate ();
  view = abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_INSIGHTS_VIEW, NULL);
  /* The dashboard, not the empty state. */
  g_assert_null (abm_test_ui_find_widget (view, ADW_TYPE_STATUS_PAGE, NULL));

  kpis = abm_test_ui_get_widget (view, GTK_TYPE_FLOW_BOX, NULL);
  g_assert_cmpuint (n_children (kpis), ==, ABM_N_KPIS);
  g_assert_nonnull (abm_test_ui_find_widget (kpis, GTK_TYPE_LABEL, abm_kpi_definition (ABM_KPI_PIPELINE_CREATED)->label));
  g_assert_nonnull (abm_test_ui_find_widget (kpis, GTK_TYPE_LABEL, abm_kpi_indicator_label (ABM_KPI_LEADING)));
  g_assert_nonnull (abm_test_ui_find_widget (kpis, GTK_TYPE_LABEL, abm_kpi_indicator_label (ABM_KPI_LAGGING)));

  chart = abm_test_ui_get_widget (view, ABM_TYPE_CHART_VIEW, NULL);
  g_assert_cmpuint (n_drawn_pixels (chart), >, 500);

  /* Every chart as a table, for those who cannot see it. */
  toggle = abm_test_ui_get_widget (view, GTK_TYPE_TOGGLE_BUTTON, "Show the Charts as Tables");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  abm_test_ui_iterate ();
  g_assert_null (abm_test_ui_find_widget (view, ABM_TYPE_CHART_VIEW, NULL));
  table = abm_test_ui_get_widget (view, GTK_TYPE_GRID, NULL);
  g_assert_cmpuint (n_children (table), >, 4);
  g_assert_nonnull (abm_test_ui_find_widget (view, GTK_TYPE_LABEL, "Tier 1"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  abm_test_ui_iterate ();

  /* The most engaged account opens on its activity. */
  top = abm_test_ui_find_group (view, "Most Engaged");
  g_assert_nonnull (top);
  row = abm_test_ui_get_widget (top, ADW_TYPE_ACTION_ROW, NULL);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  abm_test_ui_iterate ();
  selected = abm_accounts_view_get_selected (ABM_ACCOUNTS_VIEW (
                 abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL)));
  g_assert_nonnull (selected);
  /* ... and the list shows it (scrolled there, not down to one row). */
  for (guint i = 0; i < 50 && find_account_row (GTK_WIDGET (window), selected) == NULL; i++)
    abm_test_ui_iterate ();
  g_assert_nonnull (find_account_row (GTK_WIDGET (window), selected));
  g_assert_nonnull (abm_test_ui_find_group (GTK_WIDGET (window), "Why This Score"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_KPI_STRIP, NULL));

  /* The account list shows engagement at a glance, once computed. */
  {
    GtkWidget *glance;

    for (guint i = 0; i < 50 && find_label_by_tooltip (GTK_WIDGET (window), "Engagement ") == NULL; i++)
      g_main_context_iteration (NULL, FALSE), abm_test_ui_iterate ();
    glance = find_label_by_tooltip (GTK_WIDGET (window), "Engagement ");
    g_assert_nonnull (glance);
    g_assert_true (g_ascii_isdigit (gtk_label_get_text (GTK_LABEL (glance))[0]));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  abm_test_ui_remove_dir (dir);
}

static void
open_page (AbmWindow  *window,
           AbmAccount *account,
           const char *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts"));
  abm_test_ui_iterate ();
  abm_accounts_view_select (ABM_ACCOUNTS_VIEW (abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW,
                                                                       NULL)), account);
  abm_test_ui_iterate ();
  adw_view_stack_set_visible_child_name (abm_test_ui_find_view_stack (GTK_WIDGET (window), page), page);
  abm_test_ui_iterate ();
}

/* Logged by hand, an activity is listed and scored; deleted, it comes
 * back from Undo. A deal won without a closing day cannot be saved. */
static void
test_activity_and_deals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-activity-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "a.abm", NULL);
  g_autoptr(AbmAccount) draft = abm_account_new ();
  g_autoptr(GError) error = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmAccount *account;
  AdwMessageDialog *dialog;
  GtkWidget *row, *remove;
  g_autoptr(GArray) activities = NULL;
  gsize n;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Activity", "EUR", &error));
  workspace = abm_window_get_workspace (window);
  g_assert_true (abm_account_set_field_text (draft, ABM_ACCOUNT_FIELD_NAME, "Initech", &error));
  g_assert_true (abm_workspace_add_account (workspace, draft, &error));
  account = abm_workspace_find_account_by_id (workspace, abm_account_get_id (draft));
  open_page (window, account, "activity");

  abm_test_ui_click (GTK_WIDGET (window), "_Log Activity…");
  dialog = abm_test_ui_find_message_dialog ("Log Activity");
  g_assert_nonnull (dialog);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Date (YYYY-MM-DD)", "not a day");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Date (YYYY-MM-DD)", "2026-11-20");
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Campaign", "Executive Dinner");
  abm_test_ui_respond (dialog, "save");
  g_assert_nonnull (abm_workspace_get_activities (workspace, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  row = abm_test_ui_get_widget (abm_test_ui_find_group (GTK_WIDGET (window), "Activity"), ADW_TYPE_ACTION_ROW, "Meeting");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Executive Dinner"));
  g_assert_nonnull (abm_test_ui_find_group (GTK_WIDGET (window), "Why This Score"));

  remove = abm_test_ui_get_widget (row, GTK_TYPE_BUTTON, NULL);
  g_signal_emit_by_name (remove, "clicked");
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_workspace_get_activities (workspace, &n, NULL));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  abm_test_ui_iterate ();
  activities = abm_workspace_get_account_activities (workspace, account, NULL);
  g_assert_cmpuint (activities->len, ==, 1);
  g_assert_cmpstr (g_array_index (activities, AbmActivity, 0).campaign, ==, "Executive Dinner");
  g_assert_nonnull (abm_test_ui_find_widget (abm_test_ui_find_group (GTK_WIDGET (window), "Activity"), ADW_TYPE_ACTION_ROW, "Meeting"));

  /* A deal: won needs its closing day before Save is offered. */
  open_page (window, account, "deals");
  abm_test_ui_click (GTK_WIDGET (window), "_Add Deal…");
  dialog = abm_test_ui_find_message_dialog ("Add Deal");
  g_assert_nonnull (dialog);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Deal Name", "Compliance suite");
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Amount", "120000");
  adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW,
                                                                     "Outcome")), ABM_OPPORTUNITY_WON);
  abm_test_ui_iterate ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  /* Closed before it was opened: still not. */
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Opened (YYYY-MM-DD)", "2030-02-01");
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Closed (YYYY-MM-DD)", "2030-01-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Opened (YYYY-MM-DD)", "2029-10-01");
  abm_test_ui_respond (dialog, "save");
  g_assert_cmpuint (abm_workspace_get_all_opportunities (workspace, NULL)->len, ==, 1);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "Compliance suite"));

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  abm_test_ui_remove_dir (dir);
}


/* The spin button at the end of the row titled @title. */
static GtkSpinButton *
spin_of (GtkWidget  *root,
         const char *title)
{
  GtkWidget *row = abm_test_ui_get_widget (root, ADW_TYPE_ACTION_ROW, title);

  return GTK_SPIN_BUTTON (abm_test_ui_get_widget (row, GTK_TYPE_SPIN_BUTTON, NULL));
}

/* Through the Insights menu: a weight and the half-life changed in the
 * scoring dialog are the workspace's rules at once; a cost set in the
 * costs dialog is stored and listed, a period that is none is refused in
 * words, and the bin removes a cost. */
static void
test_scoring_and_costs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-scoring-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) costs = NULL;
  AbmWindow *window = abm_window_new (app);
  AbmWorkspace *workspace;
  AbmEngagementRules *rules;
  GtkWindow *dialog;
  AdwMessageDialog *problem;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_create_workspace (window, path, "Scoring", "EUR", &error));
  workspace = abm_window_get_workspace (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "insights"));
  abm_test_ui_iterate ();

  g_assert_true (gtk_widget_activate_action (abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_INSIGHTS_VIEW, NULL),
                                             "insights.scoring", NULL));
  abm_test_ui_iterate ();
  dialog = abm_test_ui_find_toplevel (ABM_TYPE_ENGAGEMENT_RULES_DIALOG);
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (spin_of (GTK_WIDGET (dialog), "Half-Life"), 45);
  gtk_spin_button_set_value (spin_of (GTK_WIDGET (dialog), "Demo request"), 40);
  abm_test_ui_iterate ();
  rules = abm_workspace_get_engagement_rules (workspace);
  g_assert_cmpuint (abm_engagement_rules_get_half_life (rules), ==, 45);
  g_assert_cmpfloat (abm_engagement_rules_get_weight (rules, ABM_ACTIVITY_DEMO_REQUEST), ==, 40);
  gtk_window_destroy (dialog);
  abm_test_ui_iterate ();

  g_assert_true (gtk_widget_activate_action (abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_INSIGHTS_VIEW, NULL),
                                             "insights.costs", NULL));
  abm_test_ui_iterate ();
  dialog = abm_test_ui_find_toplevel (ABM_TYPE_COSTS_DIALOG);
  g_assert_nonnull (dialog);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Period (2026-Q3, 2026-09 or 2026)", "2026-Q3");
  adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "For")), 1);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Amount", "lots");
  g_assert_false (gtk_widget_is_sensitive (abm_test_ui_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Set")));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Amount", "90000");
  abm_test_ui_click (GTK_WIDGET (dialog), "_Set");
  costs = abm_workspace_get_program_costs (workspace, &error);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpuint (g_array_index (costs, AbmProgramCost, 0).tier, ==, 1);
  g_assert_cmpfloat (g_array_index (costs, AbmProgramCost, 0).amount, ==, 90000);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "2026-Q3 · Tier 1"));

  abm_test_ui_type_into (GTK_WIDGET (dialog), "Period (2026-Q3, 2026-09 or 2026)", "last summer");
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Amount", "5");
  abm_test_ui_click (GTK_WIDGET (dialog), "_Set");
  problem = abm_test_ui_find_message_dialog ("Could Not Set the Cost");
  g_assert_nonnull (problem);
  gtk_window_destroy (GTK_WINDOW (problem));
  g_clear_pointer (&costs, g_array_unref);
  costs = abm_workspace_get_program_costs (workspace, &error);
  g_assert_cmpuint (costs->len, ==, 1);

  g_signal_emit_by_name (abm_test_ui_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                                 "Remove the cost of 2026-Q3 · Tier 1"), "clicked");
  abm_test_ui_iterate ();
  g_clear_pointer (&costs, g_array_unref);
  costs = abm_workspace_get_program_costs (workspace, &error);
  g_assert_cmpuint (costs->len, ==, 0);
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  abm_test_ui_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = abm_test_ui_init (&argc, &argv);

  g_test_add_func ("/insights-ui/sample-dashboard", test_sample_dashboard);
  g_test_add_func ("/insights-ui/activity-and-deals", test_activity_and_deals);
  g_test_add_func ("/insights-ui/scoring-and-costs", test_scoring_and_costs);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
