/* test-tier-dialogs.c: the clusters and snapshots dialogs driven as a user would
 *
 * Each test opens a dialog on the sample workspace (250 accounts, seed 1:
 * tiered, Tier 2 clustered, and last quarter's snapshot with two accounts
 * moved from Tier 3 to Tier 2 since), acts through buttons and rows found
 * by their titles, and checks what the workspace stored, read back from
 * the file through a second connection where it matters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "abm-clusters-dialog.h"
#include "abm-sample.h"
#include "abm-snapshots-dialog.h"
#include "abm-test-ui.h"

static AbmApplication *app;

typedef struct {
  char         *dir;
  char         *path;
  AbmWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("abm-tier-dialogs-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sample.abm", NULL);
  f->workspace = abm_sample_create_workspace (f->path, 250, 1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  abm_test_ui_iterate ();
  g_clear_object (&f->workspace);
  abm_test_ui_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The group whose title is @title, such as "Changed Tier (2)". */
static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  GtkWidget *label = abm_test_ui_get_widget (root, GTK_TYPE_LABEL, title);
  GtkWidget *group = gtk_widget_get_ancestor (label, ADW_TYPE_PREFERENCES_GROUP);

  g_assert_nonnull (group);
  return group;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_ROW (child))
      n++;
  return n;
}

static AbmCluster *
cluster_named (AbmWorkspace *workspace,
               const char   *name)
{
  GListModel *clusters = abm_workspace_get_clusters (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);

      if (g_strcmp0 (abm_cluster_get_name (cluster), name) == 0)
        return cluster;
    }
  return NULL;
}

/* Of AbmAccount in cluster @id. */
static GPtrArray *
cluster_accounts (AbmWorkspace *workspace,
                  gint64        id)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      AbmAccount *account = g_list_model_get_item (accounts, i);

      if (abm_account_get_cluster_id (account) == id)
        g_ptr_array_add (found, account);
      else
        g_object_unref (account);
    }
  return found;
}

static void
delete_all_clusters (AbmWorkspace *workspace)
{
  GListModel *clusters = abm_workspace_get_clusters (workspace);
  g_autoptr(GError) error = NULL;

  while (g_list_model_get_n_items (clusters) > 0)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, 0);

      g_assert_true (abm_workspace_delete_cluster (workspace, cluster, &error));
      g_assert_no_error (error);
    }
}

static GtkWidget *
open_clusters (Fixture *f)
{
  AbmClustersDialog *dialog = abm_clusters_dialog_new (NULL, f->workspace);

  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  return GTK_WIDGET (dialog);
}

static GtkWidget *
open_snapshots (Fixture *f)
{
  AbmSnapshotsDialog *dialog = abm_snapshots_dialog_new (NULL, f->workspace);

  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  return GTK_WIDGET (dialog);
}

/* A message dialog on top: its body, and it is closed. */
static char *
dismiss_message (void)
{
  GtkWindow *message = abm_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  char *body;

  g_assert_nonnull (message);
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)));
  gtk_window_destroy (message);
  abm_test_ui_iterate ();
  return body;
}

/* Every cluster has a row with its size, ACV potential and fit, and the
 * row follows accounts moving out of the cluster. */
static void
test_cluster_list (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog = open_clusters (f);
  GListModel *clusters = abm_workspace_get_clusters (f->workspace);
  AbmCluster *banking = cluster_named (f->workspace, "Banking");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 8);
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_LABEL, "No Clusters Yet"));
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);

      abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, abm_cluster_get_name (cluster));
    }

  g_assert_nonnull (banking);
  accounts = cluster_accounts (f->workspace, abm_cluster_get_id (banking));
  g_assert_cmpuint (accounts->len, ==, 5);
  row = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Banking");
  /* The sample's Banking cluster: ACV in the workspace currency with
   * grouped digits, and the mean fit. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "5 accounts · 1\u202F901\u202F000 EUR ACV potential · average fit 66");

  g_ptr_array_add (moved, accounts->pdata[0]);
  g_assert_true (abm_workspace_set_accounts_cluster (f->workspace, moved, 0, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "4 accounts · "));

  abm_test_ui_close (dialog);
}

/* With no clusters, the empty state leads to Suggest Clusters; the
 * proposals are shown and created on confirmation, and asking again
 * says why there is nothing more to suggest. */
static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(AbmWorkspace) stored = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n_created;

  delete_all_clusters (f->workspace);
  expected = abm_suggest_clusters (abm_workspace_get_accounts (f->workspace));
  g_assert_cmpuint (expected->len, >, 1);

  dialog = open_clusters (f);
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "No Clusters Yet");

  /* Cancel creates nothing. */
  abm_test_ui_click (dialog, "_Suggest Clusters");
  abm_test_ui_click (dialog, "_Cancel");
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_clusters (f->workspace)), ==, 0);
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "No Clusters Yet");

  abm_test_ui_click (dialog, "_Suggest Clusters");
  for (guint i = 0; i < expected->len; i++)
    {
      AbmClusterProposal *proposal = expected->pdata[i];
      GtkWidget *row = abm_test_ui_get_widget (dialog, ADW_TYPE_EXPANDER_ROW, proposal->name);
      g_autofree char *subtitle = g_strdup_printf ("%s · %u accounts", proposal->attribute, proposal->accounts->len);

      g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, subtitle);
    }
  /* Nothing is written before the user confirms. */
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_clusters (f->workspace)), ==, 0);

  abm_test_ui_click (dialog, "C_reate Clusters");
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_LABEL, "No Clusters Yet"));
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_clusters (f->workspace)), ==, expected->len);
  stored = abm_test_ui_reread (f->path);
  for (guint i = 0; i < expected->len; i++)
    {
      AbmClusterProposal *proposal = expected->pdata[i];
      AbmCluster *cluster = cluster_named (stored, proposal->name);
      g_autoptr(GPtrArray) members = NULL;

      abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, proposal->name);
      g_assert_nonnull (cluster);
      g_assert_cmpstr (abm_cluster_get_note (cluster), ==, proposal->note);
      members = cluster_accounts (stored, abm_cluster_get_id (cluster));
      g_assert_cmpuint (members->len, ==, proposal->accounts->len);
    }

  /* What is left in no cluster shares too little to suggest more. */
  n_created = expected->len;
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = abm_suggest_clusters (abm_workspace_get_accounts (f->workspace));
  g_assert_cmpuint (expected->len, ==, 0);
  abm_test_ui_click (dialog, "_Suggest Clusters");
  body = dismiss_message ();
  g_assert_cmpstr (body, ==, "Fewer than 5 Tier 2 accounts in no cluster share an industry, use case or technology.");
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_clusters (f->workspace)), ==, n_created);

  abm_test_ui_close (dialog);
}

/* Renaming and a new note are stored; an empty name is refused beside
 * the field. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *dialog = open_clusters (f);
  AbmCluster *banking = cluster_named (f->workspace, "Banking");
  gint64 id = abm_cluster_get_id (banking);
  g_autoptr(AbmWorkspace) stored = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *name_row, *row;
  AbmCluster *cluster;

  gtk_widget_activate (abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Banking"));
  abm_test_ui_iterate ();
  /* The editor lists the cluster's accounts. */
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "Accounts");
  row = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, NULL);
  g_assert_cmpuint (count_rows (gtk_widget_get_parent (row)), ==, 5);

  name_row = abm_test_ui_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Banking");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_signal_emit_by_name (name_row, "apply");
  abm_test_ui_iterate ();
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "A cluster needs a name");
  g_assert_cmpstr (abm_cluster_get_name (banking), ==, "Banking");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "UK Banking <Retail>");
  g_signal_emit_by_name (name_row, "apply");
  abm_test_ui_iterate ();
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (abm_cluster_get_name (banking), ==, "UK Banking <Retail>");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (abm_test_ui_get_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL)));
  gtk_text_buffer_set_text (buffer, "Open banking deadlines.\nLead with the compliance case study.", -1);
  /* Back to the list stores the note without waiting for the pause. */
  abm_test_ui_click (dialog, "Back to the Clusters");
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "UK Banking <Retail>");
  g_assert_null (abm_test_ui_find_widget (dialog, ADW_TYPE_ACTION_ROW, "Banking"));

  stored = abm_test_ui_reread (f->path);
  cluster = abm_workspace_find_cluster (stored, id);
  g_assert_nonnull (cluster);
  g_assert_cmpstr (abm_cluster_get_name (cluster), ==, "UK Banking <Retail>");
  g_assert_cmpstr (abm_cluster_get_note (cluster), ==, "Open banking deadlines.\nLead with the compliance case study.");

  /* New Cluster adds one with a name to change, and opens it. */
  abm_test_ui_click (dialog, "New Cluster");
  g_assert_nonnull (cluster_named (f->workspace, "New Cluster"));
  name_row = abm_test_ui_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "New Cluster");

  abm_test_ui_close (dialog);
}

/* Deleting a cluster leaves its accounts in none; Undo brings it back with
 * them. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = open_clusters (f);
  AbmCluster *banking = cluster_named (f->workspace, "Banking");
  g_autoptr(GPtrArray) accounts = cluster_accounts (f->workspace, abm_cluster_get_id (banking));
  g_autoptr(AbmWorkspace) stored = NULL;
  g_autoptr(GPtrArray) back = NULL;
  AbmCluster *restored;

  g_assert_cmpuint (accounts->len, ==, 5);
  gtk_widget_activate (abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Banking"));
  abm_test_ui_iterate ();
  abm_test_ui_click (dialog, "_Delete Cluster");

  g_assert_null (cluster_named (f->workspace, "Banking"));
  g_assert_null (abm_test_ui_find_widget (dialog, ADW_TYPE_ACTION_ROW, "Banking"));
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Insurance");
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_clusters (f->workspace)), ==, 7);
  stored = abm_test_ui_reread (f->path);
  for (guint i = 0; i < accounts->len; i++)
    {
      AbmAccount *account = accounts->pdata[i];

      g_assert_cmpint (abm_account_get_cluster_id (account), ==, 0);
      g_assert_cmpint (abm_account_get_cluster_id (abm_workspace_find_account_by_domain (stored,
                                                     abm_account_get_domain (account))), ==, 0);
      /* They stay in Tier 2. */
      g_assert_cmpuint (abm_account_get_tier (account), ==, 2);
    }

  abm_test_ui_click (dialog, "_Undo");
  restored = cluster_named (f->workspace, "Banking");
  g_assert_nonnull (restored);
  back = cluster_accounts (f->workspace, abm_cluster_get_id (restored));
  g_assert_cmpuint (back->len, ==, 5);
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Banking");

  abm_test_ui_close (dialog);
}

/* The sample's snapshot against the list now: the two accounts moved from
 * Tier 3 to Tier 2, under Changed Tier, and nothing else. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *dialog = open_snapshots (f);
  GtkWidget *group, *row, *from_row, *to_row;

  row = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Last quarter’s review");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · 143 tiered accounts"));

  from_row = abm_test_ui_get_widget (dialog, ADW_TYPE_COMBO_ROW, "From");
  to_row = abm_test_ui_get_widget (dialog, ADW_TYPE_COMBO_ROW, "To");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (from_row)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (to_row)), ==, 0);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (to_row))), ==, "Now");

  group = find_group (dialog, "Changed Tier (2)");
  row = abm_test_ui_get_widget (group, ADW_TYPE_ACTION_ROW, "Lakeside Markets — lakeside-markets.com");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Tier 3 → Tier 2");
  row = abm_test_ui_get_widget (group, ADW_TYPE_ACTION_ROW, "Tyrell Agency — tyrell-agency.ch");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Tier 3 → Tier 2");
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_LABEL, "Entered (0)"));
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_LABEL, "Left (0)"));
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_LABEL, "No account entered, left or changed tier"));

  /* A snapshot taken now differs from the list in nothing... */
  gtk_editable_set_text (GTK_EDITABLE (abm_test_ui_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "Snapshot Name")),
                         "Q1 2027 review");
  abm_test_ui_click (dialog, "_Take Snapshot");
  adw_combo_row_set_selected (ADW_COMBO_ROW (from_row), 0);
  abm_test_ui_iterate ();
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "No account entered, left or changed tier");
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_LABEL, "Changed Tier (2)"));

  /* ...and from last quarter to it, the same two moved. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (from_row), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (to_row), 1);
  abm_test_ui_iterate ();
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (to_row))),
                   !=, "Now");
  abm_test_ui_get_widget (find_group (dialog, "Changed Tier (2)"), ADW_TYPE_ACTION_ROW, "Tyrell Agency — tyrell-agency.ch");

  abm_test_ui_close (dialog);
}

/* Taking a snapshot lists it; an empty name is refused with the reason. */
static void
test_take (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *dialog = open_snapshots (f);
  GtkWidget *name_row = abm_test_ui_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "Snapshot Name");
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  AbmSnapshot *taken;
  GtkWidget *row;

  /* The name offered is the quarter of today. */
  g_assert_true (g_regex_match_simple ("^Q[1-4] [0-9]{4} review$",
                                       gtk_editable_get_text (GTK_EDITABLE (name_row)), 0, 0));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  abm_test_ui_click (dialog, "_Take Snapshot");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "Name the snapshot to take it, such as the quarter it reviews");
  snapshots = abm_workspace_list_snapshots (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  g_clear_pointer (&snapshots, g_ptr_array_unref);

  /* Enter in the field takes it too. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Board review");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_signal_emit_by_name (name_row, "entry-activated");
  abm_test_ui_iterate ();

  snapshots = abm_workspace_list_snapshots (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 2);
  taken = snapshots->pdata[1];
  g_assert_cmpstr (taken->name, ==, "Board review");
  row = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Board review");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · 143 tiered accounts"));
  /* Newest first, and the comparison still starts from last quarter. */
  g_assert_true (gtk_widget_get_next_sibling (row)
                 == abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Last quarter’s review"));
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "Changed Tier (2)");

  abm_test_ui_close (dialog);
}

/* Deleting a snapshot asks first, then it is gone from the list and the
 * file. */
static void
test_delete_snapshot (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *dialog = open_snapshots (f);
  GtkWidget *row = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Last quarter’s review");
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *message;

  abm_test_ui_click (row, "Delete Snapshot");
  message = abm_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "cancel");
  gtk_window_destroy (message);
  abm_test_ui_iterate ();
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Last quarter’s review");

  abm_test_ui_click (abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Last quarter’s review"), "Delete Snapshot");
  message = abm_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "delete");
  gtk_window_destroy (message);
  abm_test_ui_iterate ();

  snapshots = abm_workspace_list_snapshots (f->workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 0);
  g_assert_null (abm_test_ui_find_widget (dialog, ADW_TYPE_ACTION_ROW, "Last quarter’s review"));
  g_assert_null (abm_test_ui_find_widget (dialog, ADW_TYPE_COMBO_ROW, "From"));
  abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "No snapshots yet. Take one at each quarterly refresh to see what changed since.");

  abm_test_ui_close (dialog);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = abm_test_ui_init (&argc, &argv);
  /* Pages switch at once, so only the page shown is mapped. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/tier-dialogs/clusters/list", Fixture, NULL, fixture_set_up, test_cluster_list, fixture_tear_down);
  g_test_add ("/tier-dialogs/clusters/suggest", Fixture, NULL, fixture_set_up, test_suggest, fixture_tear_down);
  g_test_add ("/tier-dialogs/clusters/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/tier-dialogs/clusters/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/tier-dialogs/snapshots/compare", Fixture, NULL, fixture_set_up, test_compare, fixture_tear_down);
  g_test_add ("/tier-dialogs/snapshots/take", Fixture, NULL, fixture_set_up, test_take, fixture_tear_down);
  g_test_add ("/tier-dialogs/snapshots/delete", Fixture, NULL, fixture_set_up, test_delete_snapshot, fixture_tear_down);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
