/* test-ui.c: the window driven as a user would, under a virtual display
 *
 * The test finds widgets the way assistive technology does: by their role
 * (widget type) and their visible, accessible title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "abm-accounts-view.h"
#include "abm-add-account-dialog.h"
#include "abm-application.h"
#include "abm-bulk-edit-dialog.h"
#include "abm-criterion-row.h"
#include "abm-file-guard.h"
#include "abm-profile-view.h"
#include "abm-readiness.h"
#include "abm-readiness-group.h"
#include "abm-sample.h"
#include "abm-targets-view.h"
#include "abm-clusters-dialog.h"
#include "abm-committee-page.h"
#include "abm-org-chart-view.h"
#include "abm-snapshots-dialog.h"
#include "abm-tier-panel.h"
#include "abm-tier-rules-dialog.h"
#include "abm-test-ui.h"
#include "abm-window.h"

static AbmApplication *app;

static void
apply_row (GtkWidget  *root,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = abm_test_ui_find_widget (root, ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  abm_test_ui_iterate ();
}

static AbmAccount *
account_named (AbmWindow  *window,
               const char *name)
{
  GListModel *accounts = abm_workspace_get_accounts (abm_window_get_workspace (window));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (abm_account_get_name (account), name) == 0)
        return account;
    }
  return NULL;
}

static void
add_account_through_dialog (AbmWindow  *window,
                            const char *name,
                            const char *domain)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  abm_test_ui_iterate ();
  dialog = ADW_MESSAGE_DIALOG (abm_test_ui_find_toplevel (ABM_TYPE_ADD_ACCOUNT_DIALOG));
  g_assert_nonnull (dialog);

  /* Nothing to add until there is a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Company Name", name);
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Domain (optional)", domain);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* Enter in a field answers like the Add button and closes the dialog. */
  g_signal_emit_by_name (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Domain (optional)"),
                         "entry-activated");
  abm_test_ui_iterate ();
  g_assert_null (abm_test_ui_find_toplevel (ABM_TYPE_ADD_ACCOUNT_DIALOG));
}

static void
test_add_edit_reopen (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ui.abm", NULL);
  g_autoptr(GError) error = NULL;
  AbmWindow *window;
  AbmAccount *account;
  GtkWidget *employees_row;
  AdwMessageDialog *dialog;

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  abm_test_ui_iterate ();

  /* The start page first: New and Open are offered. */
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_New Workspace…"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Open…"));

  g_assert_true (abm_window_create_workspace (window, path, "UI Program", "USD", &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "UI Program");
  /* An empty workspace says what to do next. */
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Add Account…"));

  add_account_through_dialog (window, "Globex Corporation", "https://www.Globex.com/about");
  account = account_named (window, "Globex Corporation");
  g_assert_nonnull (account);
  g_assert_cmpstr (abm_account_get_domain (account), ==, "globex.com");

  /* The new account is selected and its page shows its fields. */
  g_assert_true (abm_accounts_view_get_selected (
                   ABM_ACCOUNTS_VIEW (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL))) == account);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "Globex Corporation"));

  /* A rejected value explains itself beside the field and is not stored. */
  apply_row (GTK_WIDGET (window), "Employees", "-40");
  employees_row = abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Employees");
  g_assert_true (gtk_widget_has_css_class (employees_row, "error"));
  g_assert_nonnull (abm_test_ui_find_widget (employees_row, GTK_TYPE_LABEL, "Employees cannot be negative"));
  g_assert_cmpint (abm_account_get_employees (account), ==, -1);

  apply_row (GTK_WIDGET (window), "Employees", "1,200");
  g_assert_false (gtk_widget_has_css_class (employees_row, "error"));
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (employees_row)), ==, "1\u202F200");
  apply_row (GTK_WIDGET (window), "Annual Revenue (USD)", "$2.5M");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 2500000);

  /* The program's marks are stored as they are picked. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Tier")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Journey Stage")), 4);
  abm_test_ui_iterate ();
  g_assert_cmpuint (abm_account_get_tier (account), ==, 1);
  g_assert_cmpstr (abm_account_get_stage (account), ==, "engaged");

  /* A field typed in but never applied is kept when the workspace closes. */
  abm_test_ui_type_into (GTK_WIDGET (window), "Industry", "Manufacturing");

  /* A second account with the same domain is refused in the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  abm_test_ui_iterate ();
  dialog = ADW_MESSAGE_DIALOG (abm_test_ui_find_toplevel (ABM_TYPE_ADD_ACCOUNT_DIALOG));
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Company Name", "Globex Again");
  abm_test_ui_type_into (GTK_WIDGET (dialog), "Domain (optional)", "globex.com");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                 "globex.com is already the domain of “Globex Corporation”"));
  g_signal_emit_by_name (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Cancel"), "clicked");
  abm_test_ui_iterate ();
  g_assert_null (abm_test_ui_find_toplevel (ABM_TYPE_ADD_ACCOUNT_DIALOG));

  /* Close and reopen: everything is as it was, without saving. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-workspace", NULL));
  abm_test_ui_iterate ();
  g_assert_null (abm_window_get_workspace (window));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_New Workspace…"));

  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  account = account_named (window, "Globex Corporation");
  g_assert_nonnull (account);
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);
  g_assert_cmpstr (abm_account_get_industry (account), ==, "Manufacturing");
  g_assert_cmpstr (abm_account_get_domain (account), ==, "globex.com");
  g_assert_cmpuint (abm_account_get_tier (account), ==, 1);
  g_assert_cmpstr (abm_account_get_stage (account), ==, "engaged");

  /* Delete offers Undo; Undo brings the account back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-account", NULL));
  abm_test_ui_iterate ();
  g_assert_null (account_named (window, "Globex Corporation"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  abm_test_ui_iterate ();
  account = account_named (window, "Globex Corporation");
  g_assert_nonnull (account);
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_file_message (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.abm", NULL);
  g_autofree char *after = NULL;
  const char *text = "This is a text file, not a workspace.\n";
  AbmWindow *window;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  abm_test_ui_iterate ();

  abm_window_open_workspace (window, path);
  abm_test_ui_iterate ();

  dialog = ADW_MESSAGE_DIALOG (abm_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Workspace");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "not an ABM Planner workspace") != NULL);
  g_assert_null (abm_window_get_workspace (window));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

/* The start page's sample: a filled workspace a newcomer can try things on. */
static void
test_sample (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "abm-planner", NULL);
  g_autofree char *path = g_build_filename (dir, "Sample Workspace.abm", NULL);
  g_autoptr(AbmAccount) first = NULL;
  AbmTargetsView *targets;
  GListModel *shown;
  AbmWindow *window;

  g_unlink (path);

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  abm_test_ui_iterate ();

  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Try the Sample Workspace"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open-sample", NULL));
  abm_test_ui_iterate ();

  g_assert_nonnull (abm_window_get_workspace (window));
  g_assert_cmpstr (abm_window_get_workspace_path (window), ==, path);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (abm_window_get_workspace (window))),
                    ==, 250);

  /* The target list comes first, every account in it. */
  targets = ABM_TARGETS_VIEW (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_TARGETS_VIEW, NULL));
  g_assert_nonnull (targets);
  shown = abm_targets_view_get_shown (targets);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 250);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (targets), GTK_TYPE_LABEL, "250 of 250 accounts"));

  /* Filtering as you type narrows it to names and domains that match
   * (without the entry's pause for typing, which would need a wait). */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (abm_test_ui_find_widget (GTK_WIDGET (targets), GTK_TYPE_SEARCH_ENTRY, NULL)), 0);
  abm_test_ui_type_into (GTK_WIDGET (targets), NULL, "aperture");
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 250);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (shown, i);
      g_autofree char *name = g_utf8_casefold (abm_account_get_name (account), -1);
      g_assert_true (strstr (name, "aperture") != NULL
                     || strstr (abm_account_get_domain (account), "aperture") != NULL);
    }

  /* The industry drop-down lists the industries present and narrows to one. */
  {
    GtkDropDown *industry = GTK_DROP_DOWN (abm_test_ui_find_widget (GTK_WIDGET (targets), GTK_TYPE_DROP_DOWN, NULL));
    GListModel *choices;
    guint banking = 0;

    /* The first drop-down is the fit band; the industry one comes after. */
    for (GtkWidget *w = GTK_WIDGET (industry); w != NULL; w = gtk_widget_get_next_sibling (w))
      {
        GListModel *model = GTK_IS_DROP_DOWN (w) ? gtk_drop_down_get_model (GTK_DROP_DOWN (w)) : NULL;
        g_autoptr(GtkStringObject) first_choice = model ? g_list_model_get_item (model, 0) : NULL;

        if (first_choice && g_strcmp0 (gtk_string_object_get_string (first_choice), "Any Industry") == 0)
          industry = GTK_DROP_DOWN (w);
      }
    choices = gtk_drop_down_get_model (industry);
    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      {
        g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);
        if (g_strcmp0 (gtk_string_object_get_string (choice), "Banking") == 0)
          banking = i;
      }
    g_assert_cmpuint (banking, >, 0);
    gtk_editable_set_text (GTK_EDITABLE (abm_test_ui_find_widget (GTK_WIDGET (targets), GTK_TYPE_SEARCH_ENTRY, NULL)), "");
    abm_test_ui_iterate ();
    gtk_drop_down_set_selected (industry, banking);
    abm_test_ui_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(AbmAccount) account = g_list_model_get_item (shown, i);
        g_assert_cmpstr (abm_account_get_industry (account), ==, "Banking");
      }
  }

  /* Export writes what is shown, in the order shown. */
  {
    g_autofree char *csv_path = g_build_filename (dir, "shown.csv", NULL);
    g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_true (abm_targets_view_export (targets, csv, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + g_list_model_get_n_items (shown) + 1);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(AbmAccount) account = g_list_model_get_item (shown, i);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT ",", abm_account_get_id (account));
        g_assert_true (g_str_has_prefix (lines[i + 1], id));
      }
    g_unlink (csv_path);
  }

  /* Several selected accounts change owner and stage in one go. */
  {
    GtkSelectionModel *selection =
      gtk_column_view_get_model (GTK_COLUMN_VIEW (abm_test_ui_find_widget (GTK_WIDGET (targets), GTK_TYPE_COLUMN_VIEW, NULL)));
    g_autoptr(GPtrArray) chosen = NULL;
    GtkWidget *dialog;

    g_assert_true (gtk_selection_model_select_range (selection, 0, 2, TRUE));
    chosen = abm_targets_view_dup_selected (targets);
    g_assert_cmpuint (chosen->len, ==, 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (targets), "targets.edit-selected", NULL));
    abm_test_ui_iterate ();
    dialog = GTK_WIDGET (abm_test_ui_find_toplevel (ABM_TYPE_BULK_EDIT_DIALOG));
    g_assert_nonnull (dialog);
    abm_test_ui_type_into (dialog, "Account Executive (empty: unchanged)", "Rosa Diaz");
    adw_combo_row_set_selected (ADW_COMBO_ROW (abm_test_ui_find_widget (dialog, ADW_TYPE_COMBO_ROW, "Journey Stage")), 5);
    g_signal_emit_by_name (abm_test_ui_find_widget (dialog, GTK_TYPE_BUTTON, "_Change"), "clicked");
    abm_test_ui_iterate ();
    for (guint i = 0; i < chosen->len; i++)
      {
        g_assert_cmpstr (abm_account_get_owner_ae (chosen->pdata[i]), ==, "Rosa Diaz");
        g_assert_cmpstr (abm_account_get_stage (chosen->pdata[i]), ==, "opportunity");
      }
    gtk_selection_model_unselect_all (selection);
  }

  /* Activating a row opens that account's page. */
  first = g_list_model_get_item (shown, 0);
  g_signal_emit_by_name (abm_test_ui_find_widget (GTK_WIDGET (targets), GTK_TYPE_COLUMN_VIEW, NULL), "activate", 0);
  abm_test_ui_iterate ();
  g_assert_true (abm_accounts_view_get_selected (
                   ABM_ACCOUNTS_VIEW (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL))) == first);

  /* Its page says why it scored as it did. */
  {
    AbmIcp *icp = abm_workspace_get_icp (abm_window_get_workspace (window));
    double score = abm_account_get_fit_score (first);
    g_autofree char *title = g_strdup_printf ("Fit %.0f · %s", score,
                                              abm_icp_band_label (abm_icp_band (icp, score)));

    g_assert_cmpfloat (score, >=, 0);
    g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, title));
  }

  /* Its custom fields are shown and edited like the others. */
  {
    GtkWidget *segment = abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, "Segment");

    g_assert_nonnull (segment);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (segment)), ==, abm_account_get_custom (first, "Segment"));
    apply_row (segment, "Segment", "Strategic");
    g_assert_cmpstr (abm_account_get_custom (first, "Segment"), ==, "Strategic");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_unlink (path);
}

/* A window showing the Profile view of a new sample workspace in @dir. */
static AbmWindow *
open_sample_profile (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "sample.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) sample = abm_sample_create_workspace (path, 120, 3, &error);
  AbmWindow *window;

  g_assert_no_error (error);
  abm_workspace_close (sample);

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "profile"));
  abm_test_ui_iterate ();
  return window;
}

/* Closes @window and removes @dir with the workspace and its journal. */
static void
close_and_remove (AbmWindow  *window,
                  const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/* The Profile view edits the ideal customer profile and rescores live. */
static void
test_profile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  AbmWindow *window = open_sample_profile (dir);
  AbmWorkspace *workspace;
  GtkWidget *view, *row;
  AbmIcp *icp;
  guint before;

  workspace = abm_window_get_workspace (window);
  icp = abm_workspace_get_icp (workspace);
  view = abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_PROFILE_VIEW, NULL);
  g_assert_nonnull (view);
  before = abm_icp_get_n_criteria (icp);
  g_assert_cmpuint (before, >, 0);
  g_assert_nonnull (abm_test_ui_find_widget (view, ABM_TYPE_CRITERION_ROW, "Industry is Banking, Insurance or Asset Management"));

  /* A new criterion opens; its values change every score at once. */
  g_assert_true (gtk_widget_activate_action (view, "profile.add-criterion", "s", "country"));
  abm_test_ui_iterate ();
  g_assert_cmpuint (abm_icp_get_n_criteria (icp), ==, before + 1);
  row = abm_test_ui_find_widget (view, ADW_TYPE_ENTRY_ROW, "Values, separated by commas");
  g_assert_nonnull (row);
  apply_row (view, "Values, separated by commas", "Japan, Canada");
  {
    const char *const *values = abm_icp_get_values (icp, before);
    g_assert_cmpstr (values[0], ==, "Japan");
    g_assert_cmpstr (values[1], ==, "Canada");
  }
  for (guint i = 0; i < g_list_model_get_n_items (abm_workspace_get_accounts (workspace)); i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (abm_workspace_get_accounts (workspace), i);
      g_assert_cmpfloat (abm_account_get_fit_score (account), ==, abm_icp_score (icp, account));
    }

  /* A range reads numbers as people write them; a bad one is refused at
   * the row and changes nothing. */
  g_assert_true (gtk_widget_activate_action (view, "profile.add-criterion", "s", "employees"));
  abm_test_ui_iterate ();
  {
    guint index = abm_icp_get_n_criteria (icp) - 1;
    GtkWidget *min_row = abm_test_ui_find_widget (view, ADW_TYPE_ENTRY_ROW, "At least (empty for no minimum)");
    double min, max;

    apply_row (view, "At least (empty for no minimum)", "5k");
    abm_icp_get_range (icp, index, &min, &max);
    g_assert_cmpfloat (min, ==, 5000);
    g_assert_cmpfloat (max, <, 0);

    apply_row (view, "At least (empty for no minimum)", "lots");
    g_assert_true (gtk_widget_has_css_class (min_row, "error"));
    abm_icp_get_range (icp, index, &min, &max);
    g_assert_cmpfloat (min, ==, 5000);
  }

  /* The accounts' custom fields are offered as criteria too. */
  g_assert_true (gtk_widget_activate_action (view, "profile.add-custom-criterion", "s", "Segment"));
  abm_test_ui_iterate ();
  {
    guint index = abm_icp_get_n_criteria (icp) - 1;
    GMenuModel *menu = NULL;
    GtkWidget *button = abm_test_ui_find_widget (view, GTK_TYPE_MENU_BUTTON, NULL);
    gboolean offered = FALSE;

    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);
        for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
          {
            g_autofree char *label = NULL;
            if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
              offered |= g_str_equal (label, "Segment");
          }
      }
    g_assert_true (offered);

    g_assert_cmpint (abm_icp_get_kind (icp, index), ==, ABM_ICP_CUSTOM);
    row = abm_test_ui_find_widget (view, ABM_TYPE_CRITERION_ROW, "Segment (no values chosen)");
    g_assert_nonnull (row);
    apply_row (row, "Values, separated by commas", "Enterprise");
    g_assert_nonnull (abm_test_ui_find_widget (view, ABM_TYPE_CRITERION_ROW, "Segment is Enterprise"));
    for (guint i = 0; i < g_list_model_get_n_items (abm_workspace_get_accounts (workspace)); i++)
      {
        g_autoptr(AbmAccount) account = g_list_model_get_item (abm_workspace_get_accounts (workspace), i);
        g_assert_cmpfloat (abm_account_get_fit_score (account), ==, abm_icp_score (icp, account));
      }
    abm_icp_remove_criterion (icp, index);
    abm_test_ui_iterate ();
  }

  /* Customers suggest criteria, and one click adds one. */
  g_assert_true (gtk_widget_activate_action (view, "profile.learn", NULL));
  abm_test_ui_iterate ();
  {
    GtkWidget *add = abm_test_ui_find_widget (view, GTK_TYPE_BUTTON, "_Add");
    guint n = abm_icp_get_n_criteria (icp);

    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    abm_test_ui_iterate ();
    /* Taken (as a new criterion or into one of its kind): it cannot be
     * added twice. */
    g_assert_false (gtk_widget_get_sensitive (add));
    g_assert_cmpuint (abm_icp_get_n_criteria (icp), >=, n);
  }

  close_and_remove (window, dir);
}

/* The readiness check in the Profile view: an answer chosen in a row is
 * stored at once, and the row and the outcome say what it means. */
static void
test_readiness (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  AbmWindow *window = open_sample_profile (dir);
  AbmWorkspace *workspace = abm_window_get_workspace (window);
  g_autoptr(AbmReadiness) stored = abm_readiness_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *row, *answer, *acv_row;
  const char *committee = "Do several people decide on a purchase together?";

  group = abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_READINESS_GROUP, NULL);
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "ABM Readiness");

  /* The sample's team has gaps; its deals suit ABM. */
  g_assert_nonnull (abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW, "ABM Fits, With Gaps"));
  acv_row = abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW,
                                     "Is a typical deal worth enough a year to pay for account-level work?");
  g_assert_nonnull (acv_row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (acv_row)),
                            "Median ACV potential of your target accounts: "));

  row = abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW, committee);
  g_assert_nonnull (row);
  answer = abm_test_ui_find_widget (row, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (answer);
  g_assert_true (gtk_widget_get_sensitive (answer));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (answer)), ==, ABM_READINESS_YES);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "What to do"));

  /* "No": the advice appears under the question, the outcome turns, and
   * the workspace has the answer. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (answer), ABM_READINESS_NO);
  abm_test_ui_iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "What to do:"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Market to the role that decides"));
  g_assert_nonnull (abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW, "Not a Fit Yet"));
  g_assert_null (abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW, "ABM Fits, With Gaps"));
  abm_readiness_load (stored, workspace);
  g_assert_cmpint (abm_readiness_get_answer (stored, ABM_READINESS_BUYING_COMMITTEE), ==, ABM_READINESS_NO);

  /* "Not sure" asks to find out instead. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (answer), ABM_READINESS_UNSURE);
  abm_test_ui_iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "How to find out:"));
  g_assert_nonnull (abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW, "ABM Fits, With Gaps"));
  abm_readiness_load (stored, workspace);
  g_assert_cmpint (abm_readiness_get_answer (stored, ABM_READINESS_BUYING_COMMITTEE), ==, ABM_READINESS_UNSURE);

  /* Answers stored elsewhere in the window show here too. */
  abm_readiness_load_json (stored, "{\"answers\": {\"buying-committee\": \"yes\"}}", -1);
  g_assert_true (abm_readiness_save (stored, workspace, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (answer)), ==, ABM_READINESS_YES);
  g_assert_nonnull (abm_test_ui_find_widget (group, ADW_TYPE_ACTION_ROW, "Not Answered Yet"));

  close_and_remove (window, dir);
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* Tiers in the Targets view: the panel reports counts and warnings, Suggest
 * Tiers asks, applies the rules and can be undone, an account's tier is
 * overridden and locked on its page and survives the next suggestion, and
 * the rules dialog stores the team and previews the outcome. */
static void
test_tiers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tiers.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) sample = abm_sample_create_workspace (path, 200, 4, &error);
  g_autoptr(AbmAccount) chosen = NULL;
  AbmWorkspace *workspace;
  AbmTierRules *rules;
  AbmAccount *low = NULL;
  GtkWidget *panel, *page_row;
  AdwMessageDialog *ask;
  AbmWindow *window;
  guint n, changed = 0;

  g_assert_no_error (error);
  abm_workspace_close (sample);

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  workspace = abm_window_get_workspace (window);
  rules = abm_workspace_get_tier_rules (workspace);

  panel = abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_TIER_PANEL, NULL);
  g_assert_nonnull (panel);
  g_assert_nonnull (abm_test_ui_find_widget (panel, ADW_TYPE_ACTION_ROW, "Tier 1 · One-to-One"));
  g_assert_nonnull (abm_test_ui_find_widget (panel, ADW_TYPE_ACTION_ROW, "Not Tiered"));

  /* Stricter rules: Tier 1 takes the top 5 only. */
  g_assert_true (abm_tier_rules_set_tier (rules, 1, ABM_TIER_TOP_N, 5, NULL));
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_test_ui_find_widget (panel, GTK_TYPE_LABEL, "Rules: Tier 1 top 5, Tier 2 top 48, Tier 3 priority ≥ 35"));

  /* Suggest Tiers asks first, saying what will change. */
  g_assert_true (gtk_widget_activate_action (panel, "tiers.suggest", NULL));
  abm_test_ui_iterate ();
  ask = abm_test_ui_find_message_dialog ("Suggest Tiers?");
  g_assert_nonnull (ask);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "5 accounts in Tier 1"));
  adw_message_dialog_response (ask, "suggest");
  gtk_window_close (GTK_WINDOW (ask));
  abm_test_ui_iterate ();

  n = g_list_model_get_n_items (abm_workspace_get_accounts (workspace));
  {
    guint tier1 = 0;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AbmAccount) a = g_list_model_get_item (abm_workspace_get_accounts (workspace), i);
        tier1 += abm_account_get_tier (a) == 1;
        if (low == NULL && abm_account_get_tier (a) == 3 && !abm_account_get_tier_locked (a))
          low = a;
      }
    g_assert_cmpuint (tier1, ==, 5);
  }
  g_assert_nonnull (low);
  chosen = g_object_ref (low);

  /* Overridden on its page: Tier 1, locked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts"));
  abm_test_ui_iterate ();
  abm_accounts_view_select (ABM_ACCOUNTS_VIEW (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL)),
                            chosen);
  abm_test_ui_iterate ();
  page_row = abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "Tier");
  g_assert_nonnull (page_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (page_row), 1);
  gtk_switch_set_active (GTK_SWITCH (abm_test_ui_find_widget (abm_test_ui_find_widget (GTK_WIDGET (window),
                                                                                       ADW_TYPE_ACTION_ROW, "Lock Tier"),
                                                              GTK_TYPE_SWITCH, NULL)), TRUE);
  abm_test_ui_iterate ();
  g_assert_cmpuint (abm_account_get_tier (chosen), ==, 1);
  g_assert_true (abm_account_get_tier_locked (chosen));
  {
    GtkWidget *why = abm_test_ui_find_widget (GTK_WIDGET (window), ADW_TYPE_EXPANDER_ROW, "Why This Tier");

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (why), TRUE);
    abm_test_ui_iterate ();
    g_assert_true (has_label_containing (why, "Locked at Tier 1: suggestions leave it alone."));
  }

  /* The next suggestion leaves it alone, and its place counts. */
  g_assert_true (abm_tier_panel_suggest (ABM_TIER_PANEL (panel), &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (abm_account_get_tier (chosen), ==, 1);
  {
    guint tier1 = 0;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AbmAccount) a = g_list_model_get_item (abm_workspace_get_accounts (workspace), i);
        tier1 += abm_account_get_tier (a) == 1;
      }
    g_assert_cmpuint (tier1, ==, 5);
  }
  /* Undo puts back what the suggestion changed. */
  if (changed > 0)
    {
      g_assert_true (abm_tier_panel_undo_suggestion (ABM_TIER_PANEL (panel), &error));
      g_assert_no_error (error);
    }

  /* The rules dialog stores the team and previews the outcome. */
  g_assert_true (gtk_widget_activate_action (panel, "tiers.rules", NULL));
  abm_test_ui_iterate ();
  {
    GtkWindow *dialog = abm_test_ui_find_toplevel (ABM_TYPE_TIER_RULES_DIALOG);
    GtkWidget *preview;

    g_assert_nonnull (dialog);
    preview = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "With These Rules");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (preview)), "Tier 1: 5 ·"));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (abm_test_ui_find_widget (abm_test_ui_find_widget (GTK_WIDGET (dialog),
                                                                                                   ADW_TYPE_ACTION_ROW,
                                                                                                   "Account Executives"),
                                                                         GTK_TYPE_SPIN_BUTTON, NULL)), 9);
    abm_test_ui_iterate ();
    g_assert_cmpuint (abm_tier_rules_get_aes (rules), ==, 9);
    gtk_window_destroy (dialog);
  }

  /* Clusters and snapshots open from the panel. */
  g_assert_true (gtk_widget_activate_action (panel, "tiers.clusters", NULL));
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_test_ui_find_toplevel (ABM_TYPE_CLUSTERS_DIALOG));
  gtk_window_destroy (abm_test_ui_find_toplevel (ABM_TYPE_CLUSTERS_DIALOG));
  g_assert_true (gtk_widget_activate_action (panel, "tiers.snapshots", NULL));
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_test_ui_find_toplevel (ABM_TYPE_SNAPSHOTS_DIALOG));
  gtk_window_destroy (abm_test_ui_find_toplevel (ABM_TYPE_SNAPSHOTS_DIALOG));
  abm_test_ui_iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  {
    g_autoptr(AbmWorkspace) again = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
    AbmAccount *stored;

    g_assert_no_error (error);
    g_assert_cmpuint (abm_tier_rules_get_aes (abm_workspace_get_tier_rules (again)), ==, 9);
    stored = abm_workspace_find_account (again, abm_account_get_domain (chosen));
    g_assert_true (abm_account_get_tier_locked (stored));
    g_assert_cmpuint (abm_account_get_tier (stored), ==, 1);
  }
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

/* The Committee page lists an account's people with the coverage gaps,
 * and contacts imported there join the list. */
static void
test_committee (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "committee.abm", NULL);
  g_autofree char *csv = g_build_filename (dir, "contacts.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) sample = abm_sample_create_workspace (path, 120, 2, &error);
  g_autoptr(GFile) csv_file = NULL;
  g_autofree char *contacts = NULL;
  AbmWorkspace *workspace;
  AbmAccount *tier1 = NULL;
  AbmWindow *window;
  GtkWidget *page;
  GListModel *people;
  guint before;

  g_assert_no_error (error);
  abm_workspace_close (sample);

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  workspace = abm_window_get_workspace (window);
  for (guint i = 0; tier1 == NULL; i++)
    {
      g_autoptr(AbmAccount) a = g_list_model_get_item (abm_workspace_get_accounts (workspace), i);
      if (abm_account_get_tier (a) == 1)
        tier1 = a;
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts"));
  abm_accounts_view_select (ABM_ACCOUNTS_VIEW (abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL)),
                            tier1);
  abm_test_ui_iterate ();
  adw_view_stack_set_visible_child_name (abm_test_ui_find_view_stack (GTK_WIDGET (window), "committee"), "committee");
  abm_test_ui_iterate ();
  page = abm_test_ui_find_widget (GTK_WIDGET (window), ABM_TYPE_COMMITTEE_PAGE, NULL);
  g_assert_nonnull (page);
  people = abm_committee_page_get_people (ABM_COMMITTEE_PAGE (page));
  before = g_list_model_get_n_items (people);
  g_assert_cmpuint (before, >, 0);
  {
    g_autoptr(AbmStakeholder) first = g_list_model_get_item (people, 0);
    g_assert_nonnull (abm_test_ui_find_widget (page, ADW_TYPE_ACTION_ROW, abm_stakeholder_get_name (first)));
  }
  g_assert_true (has_label_containing (page, "Coverage "));

  contacts = g_strdup_printf ("Name,Email,Job Title,Buying Role\nZora Quell,zora@%s,Head of Data,Champion\n",
                              abm_account_get_domain (tier1));
  g_assert_true (g_file_set_contents (csv, contacts, -1, NULL));
  csv_file = g_file_new_for_path (csv);
  g_assert_true (abm_committee_page_import_contacts (ABM_COMMITTEE_PAGE (page), csv_file, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, before + 1);
  g_assert_nonnull (abm_test_ui_find_widget (page, ADW_TYPE_ACTION_ROW, "Zora Quell"));
  {
    GtkWindow *report = GTK_WINDOW (abm_test_ui_find_message_dialog ("Contacts Imported"));
    g_assert_nonnull (report);
    gtk_window_destroy (report);
  }

  /* Add Person… opens the editor; the new person shows in the list beside
   * the chart, and in the chart. */
  {
    AbmStakeholderDialog *dialog = abm_committee_page_edit (ABM_COMMITTEE_PAGE (page), NULL);

    abm_test_ui_iterate ();
    gtk_editable_set_text (GTK_EDITABLE (abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                           "Yuki Ames");
    abm_test_ui_click (GTK_WIDGET (dialog), "_Add");
    abm_test_ui_iterate ();
    g_assert_nonnull (abm_test_ui_find_widget (page, ADW_TYPE_ACTION_ROW, "Yuki Ames"));
    g_assert_cmpuint (abm_org_chart_view_get_n_people (ABM_ORG_CHART_VIEW (abm_test_ui_find_widget (page, ABM_TYPE_ORG_CHART_VIEW, NULL))),
                      ==, g_list_model_get_n_items (people));
  }

  /* Dragging a card onto another makes that person the manager, and the
   * toast's Undo puts the old line back. */
  {
    g_autoptr(AbmStakeholder) zora = NULL;
    g_autoptr(AbmStakeholder) first = g_list_model_get_item (people, 0);
    AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY));

    for (guint i = 0; i < g_list_model_get_n_items (people) && zora == NULL; i++)
      {
        g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, i);
        if (g_strcmp0 (abm_stakeholder_get_name (s), "Zora Quell") == 0)
          zora = g_object_ref (s);
      }
    g_assert_nonnull (zora);
    g_assert_nonnull (overlay);
    g_assert_cmpint (abm_stakeholder_get_manager_id (zora), ==, 0);
    g_assert_true (abm_committee_page_reparent (ABM_COMMITTEE_PAGE (page), abm_stakeholder_get_id (zora),
                                                abm_stakeholder_get_id (first), &error));
    g_assert_no_error (error);
    g_assert_cmpint (abm_stakeholder_get_manager_id (zora), ==, abm_stakeholder_get_id (first));
    /* A loop is refused with the reason. */
    g_assert_false (abm_committee_page_reparent (ABM_COMMITTEE_PAGE (page), abm_stakeholder_get_id (first),
                                                 abm_stakeholder_get_id (zora), &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
}

/* A workspace made outside, holding @domain, moved to @path as another
 * program would have saved it. */
static void
save_as_another_program (const char *dir,
                         const char *path,
                         const char *name,
                         const char *domain)
{
  g_autofree char *made = g_build_filename (dir, "made.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) workspace = abm_workspace_create (made, name, "EUR", FALSE, &error);
  g_autoptr(AbmAccount) account = abm_account_new ();

  g_assert_no_error (error);
  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, domain, NULL));
  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN, domain, NULL));
  g_assert_true (abm_workspace_add_account (workspace, account, &error));
  g_clear_object (&workspace);
  g_assert_cmpint (g_rename (made, path), ==, 0);
}

static void
add_to_window (AbmWindow  *window,
               const char *domain)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, domain, NULL));
  g_assert_true (abm_workspace_add_account (abm_window_get_workspace (window), account, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
}

/* A file from a document portal folder (a stand-in named by
 * ABM_DOCUMENT_PORTAL_DIR) keeps its name in the window; its changes reach
 * it as they are made; when they cannot, the window says so once, asks
 * before closing, and the next open offers what was kept aside. */
static void
test_portal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-ui-XXXXXX", NULL);
  g_autofree char *portal = g_build_filename (dir, "portal", NULL);
  g_autofree char *path = g_build_filename (portal, "program.abm", NULL);
  g_autofree char *theirs = g_build_filename (dir, "theirs.abm", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(AbmWorkspace) reread = NULL;
  AbmWindow *window;
  AbmWindow *earlier = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir (portal, 0700), ==, 0);
  g_setenv ("ABM_DOCUMENT_PORTAL_DIR", portal, TRUE);
  save_as_another_program (dir, path, "Portal Program", "acme.com");

  window = abm_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  abm_window_open_workspace (window, path);
  abm_test_ui_iterate ();
  g_assert_cmpstr (abm_window_get_workspace_path (window), ==, path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Portal Program");
  g_assert_nonnull (abm_workspace_get_working_copy (abm_window_get_workspace (window)));

  add_to_window (window, "globex.com");
  reread = abm_test_ui_reread (path);
  g_assert_nonnull (abm_workspace_find_account (reread, "globex.com"));
  g_clear_object (&reread);

  /* Another program saves the file: said once, however many changes follow. */
  save_as_another_program (dir, theirs, "Their Program", "theirs.com");
  g_assert_cmpint (g_rename (theirs, path), ==, 0);
  add_to_window (window, "initech.com");
  dialog = abm_test_ui_find_message_dialog ("Changes Not Saved to the File");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“program.abm” was changed"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  add_to_window (window, "umbrella.com");
  g_assert_null (abm_test_ui_find_message_dialog ("Changes Not Saved to the File"));

  /* Closing asks first; the changes stay behind. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_assert_nonnull (window);
  g_assert_nonnull (abm_window_get_workspace (window));
  dialog = abm_test_ui_find_message_dialog ("Changes Not Saved to the File");
  g_assert_nonnull (dialog);
  abm_test_ui_respond (dialog, "accept");
  abm_test_ui_iterate ();
  g_assert_null (window);
  reread = abm_test_ui_reread (path);
  g_assert_nonnull (abm_workspace_find_account (reread, "theirs.com"));
  g_assert_null (abm_workspace_find_account (reread, "umbrella.com"));
  g_clear_object (&reread);

  /* The next open shows their file and offers ours. */
  window = abm_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  abm_window_open_workspace (window, path);
  abm_test_ui_iterate ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Their Program");
  kept = g_strdup (abm_workspace_get_kept_aside (abm_window_get_workspace (window)));
  g_assert_nonnull (kept);
  dialog = abm_test_ui_find_message_dialog ("Earlier Changes Kept Aside");
  g_assert_nonnull (dialog);
  abm_test_ui_respond (dialog, "accept");
  abm_test_ui_iterate ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ABM_IS_WINDOW (l->data) && g_strcmp0 (abm_window_get_workspace_path (l->data), kept) == 0)
      earlier = l->data;
  g_assert_nonnull (earlier);
  g_assert_nonnull (abm_workspace_find_account (abm_window_get_workspace (earlier), "umbrella.com"));

  abm_test_ui_close (GTK_WIDGET (earlier));
  abm_test_ui_close (GTK_WIDGET (window));
  abm_application_forget_recent (app, kept);
  abm_application_forget_recent (app, path);
  abm_file_guard_remove_sidecars (kept, TRUE);
  g_assert_cmpint (g_unlink (kept), ==, 0);
  g_unsetenv ("ABM_DOCUMENT_PORTAL_DIR");
  abm_test_ui_remove_dir (portal);
  abm_test_ui_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = abm_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/add-edit-reopen", test_add_edit_reopen);
  g_test_add_func ("/ui/bad-file-message", test_bad_file_message);
  g_test_add_func ("/ui/sample", test_sample);
  g_test_add_func ("/ui/profile", test_profile);
  g_test_add_func ("/ui/tiers", test_tiers);
  g_test_add_func ("/ui/committee", test_committee);
  g_test_add_func ("/ui/readiness", test_readiness);
  g_test_add_func ("/ui/portal", test_portal);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
