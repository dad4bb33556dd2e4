/* abm-clusters-dialog.c: the Tier 2 clusters, their names and messages
 *
 * Four pages: an empty state, the list of clusters with their size, ACV
 * potential and fit, one cluster's editor (name, messaging note, its
 * accounts, Delete), and the suggestion awaiting confirmation. Edits are
 * stored as they are made, like everywhere else in the app; a deleted
 * cluster comes back with Undo in a toast.
 *
 * The list follows the workspace: clusters through their GListModel, the
 * counts through every account's notify, since an account joins or leaves
 * a cluster on its own page or in a bulk edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-clusters-dialog.h"
#include "abm-field-error.h"
#include "abm-text.h"

/* A note is stored this long after the last keystroke. */
#define NOTE_DELAY_MS 800

struct _AbmClustersDialog
{
  AdwWindow            parent_instance;

  AbmWorkspace        *workspace;
  GPtrArray           *watched;       /* AbmAccount, the workspace's accounts in order */
  GHashTable          *stats;         /* cluster id → AbmTierStats */
  guint                refresh_idle;
  GPtrArray           *proposals;     /* AbmClusterProposal, awaiting confirmation */
  AbmCluster          *editing;       /* shown by the editor page */
  guint                note_timeout;
  gboolean             loading;       /* the editor is being filled, not typed into */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkWidget           *cancel_button;
  GtkWidget           *new_button;
  GtkWidget           *suggest_button;
  GtkWidget           *create_button;
  GtkStack            *stack;
  GtkListBox          *clusters_list;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error_label;
  GtkTextView         *note_view;
  GtkLabel            *note_error_label;
  AdwPreferencesGroup *accounts_group;
  GtkListBox          *accounts_list;
  AdwPreferencesGroup *proposals_group;
  GtkListBox          *proposals_list;
};

G_DEFINE_FINAL_TYPE (AbmClustersDialog, abm_clusters_dialog, ADW_TYPE_WINDOW)

static void
show_toast (AbmClustersDialog *self,
            const char        *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "11 accounts · 3 200 000 EUR ACV potential · average fit 58" */
static char *
describe_stats (AbmClustersDialog  *self,
                const AbmTierStats *stats)
{
  GString *text;

  if (stats == NULL || stats->count == 0)
    return g_strdup (_("No accounts"));

  text = g_string_new (NULL);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", stats->count),
                          stats->count);
  if (stats->acv_total > 0)
    {
      g_autofree char *money = abm_text_format_money (stats->acv_total,
                                                      abm_workspace_get_currency (self->workspace));

      g_string_append (text, " · ");
      /* Translators: the summed ACV potential of a cluster's accounts, "3 200 000 EUR ACV potential" */
      g_string_append_printf (text, _("%s ACV potential"), money);
    }
  if (stats->fit_count > 0)
    {
      g_string_append (text, " · ");
      /* Translators: the mean fit score (0 to 100) of a cluster's accounts */
      g_string_append_printf (text, _("average fit %.0f"), abm_tier_stats_fit_average (stats));
    }
  return g_string_free (text, FALSE);
}

static const AbmTierStats *
lookup_stats (AbmClustersDialog *self,
              AbmCluster        *cluster)
{
  gint64 id = abm_cluster_get_id (cluster);

  return g_hash_table_lookup (self->stats, &id);
}

/* Of AbmAccount, by name. */
static GPtrArray *
accounts_in_cluster (AbmClustersDialog *self,
                     gint64             cluster_id)
{
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->watched->len; i++)
    if (abm_account_get_cluster_id (self->watched->pdata[i]) == cluster_id)
      g_ptr_array_add (accounts, g_object_ref (self->watched->pdata[i]));
  return accounts;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  AbmAccount *first = *(AbmAccount **) a;
  AbmAccount *second = *(AbmAccount **) b;

  return g_utf8_collate (abm_account_get_name (first) ? abm_account_get_name (first) : "",
                         abm_account_get_name (second) ? abm_account_get_name (second) : "");
}

static void
update_title (AbmClustersDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "cluster") == 0 && self->editing != NULL)
    {
      adw_window_title_set_title (self->window_title, abm_cluster_get_name (self->editing));
      adw_window_title_set_subtitle (self->window_title, _("Tier 2 Cluster"));
    }
  else if (g_strcmp0 (page, "suggestion") == 0)
    {
      adw_window_title_set_title (self->window_title, _("Suggested Clusters"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Clusters"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
}

/* The editor's list of accounts and their summary. */
static void
update_editor (AbmClustersDialog *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL
         && GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->accounts_list, child);
  if (self->editing == NULL)
    return;

  summary = describe_stats (self, lookup_stats (self, self->editing));
  adw_preferences_group_set_description (self->accounts_group, summary);

  accounts = accounts_in_cluster (self, abm_cluster_get_id (self->editing));
  g_ptr_array_sort (accounts, compare_names);
  for (guint i = 0; i < accounts->len; i++)
    {
      AbmAccount *account = accounts->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      guint tier = abm_account_get_tier (account);
      g_autofree char *subtitle = NULL;

      /* Names and domains are the user's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_account_get_name (account));
      if (tier > 0)
        /* Translators: an account's domain and tier, "acme.com · Tier 2" */
        subtitle = g_strdup_printf (_("%s · Tier %u"), abm_account_get_domain (account), tier);
      else
        /* Translators: an account's domain, and that it is in no tier */
        subtitle = g_strdup_printf (_("%s · Not tiered"), abm_account_get_domain (account));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->accounts_list, row);
    }
}

static void
update_cluster_row (AbmClustersDialog *self,
                    GtkWidget         *row)
{
  AbmCluster *cluster = g_object_get_data (G_OBJECT (row), "abm-cluster");
  g_autofree char *subtitle = describe_stats (self, lookup_stats (self, cluster));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static gboolean
refresh_cb (gpointer user_data)
{
  AbmClustersDialog *self = user_data;

  self->refresh_idle = 0;
  g_clear_pointer (&self->stats, g_hash_table_unref);
  self->stats = abm_tier_cluster_stats (abm_workspace_get_accounts (self->workspace));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->clusters_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "abm-cluster") != NULL)
      update_cluster_row (self, row);
  update_editor (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AbmClustersDialog *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_cb, self);
}

/* What the counts, sums and the editor's list show. */
static void
account_notify (AbmAccount        *account,
                GParamSpec        *pspec,
                AbmClustersDialog *self)
{
  static const char *const shown[] = {
    "cluster-id", "acv-potential", "fit-score", "name", "domain", "tier", NULL
  };

  if (g_strv_contains (shown, pspec->name))
    queue_refresh (self);
}

static void
accounts_changed (AbmClustersDialog *self,
                  guint              position,
                  guint              removed,
                  guint              added,
                  GListModel        *accounts)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (self->watched->pdata[position + i], account_notify, self);
  g_ptr_array_remove_range (self->watched, position, removed);
  for (guint i = 0; i < added; i++)
    {
      AbmAccount *account = g_list_model_get_item (accounts, position + i);

      g_signal_connect (account, "notify", G_CALLBACK (account_notify), self);
      g_ptr_array_insert (self->watched, position + i, account);
    }
  if (removed > 0 || added > 0)
    queue_refresh (self);
}

static GtkWidget *
create_cluster_row (gpointer item,
                    gpointer user_data)
{
  AbmClustersDialog *self = user_data;
  AbmCluster *cluster = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (cluster, "name", row, "title", G_BINDING_SYNC_CREATE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "abm-cluster", g_object_ref (cluster), g_object_unref);
  update_cluster_row (self, row);
  return row;
}

static char *
dup_note (AbmClustersDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
commit_name (AbmClustersDialog *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (self->editing == NULL || self->loading)
    return TRUE;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label,
                        _("A cluster needs a name"));
      return FALSE;
    }
  if (g_strcmp0 (name, abm_cluster_get_name (self->editing)) != 0
      && !abm_workspace_update_cluster (self->workspace, self->editing, name,
                                        abm_cluster_get_note (self->editing), &error))
    {
      abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label, error->message);
      return FALSE;
    }
  abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label, NULL);
  update_title (self);
  return TRUE;
}

static gboolean
commit_note (AbmClustersDialog *self)
{
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (self->editing == NULL || self->loading)
    return TRUE;

  note = dup_note (self);
  if (g_strcmp0 (note, abm_cluster_get_note (self->editing)) != 0
      && !abm_workspace_update_cluster (self->workspace, self->editing,
                                        abm_cluster_get_name (self->editing), note, &error))
    {
      abm_field_error_show (GTK_WIDGET (self->note_view), self->note_error_label, error->message);
      return FALSE;
    }
  abm_field_error_show (GTK_WIDGET (self->note_view), self->note_error_label, NULL);
  return TRUE;
}

static gboolean
commit_editing (AbmClustersDialog *self)
{
  gboolean name_ok = commit_name (self);
  gboolean note_ok = commit_note (self);

  return name_ok && note_ok;
}

static void
name_applied (AbmClustersDialog *self)
{
  commit_name (self);
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  AbmClustersDialog *self = user_data;

  self->note_timeout = 0;
  commit_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed (AbmClustersDialog *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_DELAY_MS, note_timeout_cb, self);
}

static void
name_focus_left (AbmClustersDialog *self)
{
  commit_name (self);
}

static void
note_focus_left (AbmClustersDialog *self)
{
  commit_note (self);
}

static void
page_changed (AbmClustersDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean suggesting = g_strcmp0 (page, "suggestion") == 0;
  gboolean editing = g_strcmp0 (page, "cluster") == 0;
  gboolean listing = g_strcmp0 (page, "clusters") == 0;

  /* Each page's actions only, so a shortcut never leaves a page half done. */
  gtk_widget_action_set_enabled (widget, "clusters.new", !suggesting && !editing);
  gtk_widget_action_set_enabled (widget, "clusters.suggest", !suggesting && !editing);
  gtk_widget_action_set_enabled (widget, "clusters.back", editing);
  gtk_widget_action_set_enabled (widget, "clusters.delete", editing);
  gtk_widget_action_set_enabled (widget, "clusters.create-suggested", suggesting);
  gtk_widget_action_set_enabled (widget, "clusters.cancel-suggestion", suggesting);

  gtk_widget_set_visible (self->back_button, editing);
  gtk_widget_set_visible (self->cancel_button, suggesting);
  gtk_widget_set_visible (self->create_button, suggesting);
  gtk_widget_set_visible (self->new_button, listing);
  gtk_widget_set_visible (self->suggest_button, listing);
  /* The suggestion is a question: Cancel or Create, not a close button. */
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !suggesting);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !suggesting);
  update_title (self);
}

/* The list of clusters, or the empty state when there are none; focus on
 * @cluster's row when given. */
static void
show_list (AbmClustersDialog *self,
           AbmCluster        *cluster)
{
  GListModel *clusters = abm_workspace_get_clusters (self->workspace);
  guint position;

  if (g_list_model_get_n_items (clusters) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "clusters");
  if (cluster != NULL && g_list_store_find (G_LIST_STORE (clusters), cluster, &position))
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->clusters_list, position)));
}

static void
open_cluster (AbmClustersDialog *self,
              AbmCluster        *cluster)
{
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  g_set_object (&self->editing, cluster);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), abm_cluster_get_name (cluster));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), abm_cluster_get_note (cluster), -1);
  self->loading = FALSE;
  abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label, NULL);
  abm_field_error_show (GTK_WIDGET (self->note_view), self->note_error_label, NULL);

  update_editor (self);
  gtk_stack_set_visible_child_name (self->stack, "cluster");
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cluster_row_activated (AbmClustersDialog *self,
                       GtkListBoxRow     *row)
{
  AbmCluster *cluster = g_object_get_data (G_OBJECT (row), "abm-cluster");

  if (cluster != NULL)
    open_cluster (self, cluster);
}

/* Back to the list, keeping what was typed; a name the workspace refuses
 * keeps the editor open with the reason. */
static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);
  g_autoptr(AbmCluster) cluster = NULL;

  if (!commit_editing (self))
    return;
  cluster = g_steal_pointer (&self->editing);
  show_list (self, cluster);
}

static void
clusters_changed (AbmClustersDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  /* The cluster being edited went away (an Undo elsewhere). */
  if (self->editing != NULL
      && abm_workspace_find_cluster (self->workspace, abm_cluster_get_id (self->editing)) == NULL)
    {
      g_clear_object (&self->editing);
      show_list (self, NULL);
    }
  else if (g_strcmp0 (page, "clusters") == 0 || g_strcmp0 (page, "empty") == 0)
    show_list (self, NULL);
}

/* "New Cluster", or "New Cluster 2" and on when that is taken. */
static char *
unused_cluster_name (AbmClustersDialog *self)
{
  GListModel *clusters = abm_workspace_get_clusters (self->workspace);
  guint n = g_list_model_get_n_items (clusters);

  for (guint k = 1; ; k++)
    {
      /* Translators: the name of a cluster just added, then with a number when taken */
      g_autofree char *name = k == 1 ? g_strdup (_("New Cluster")) : g_strdup_printf (_("New Cluster %u"), k);
      gboolean taken = FALSE;

      for (guint i = 0; i < n && !taken; i++)
        {
          g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);

          taken = g_strcmp0 (abm_cluster_get_name (cluster), name) == 0;
        }
      if (!taken)
        return g_steal_pointer (&name);
    }
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);
  g_autofree char *name = unused_cluster_name (self);
  g_autoptr(GError) error = NULL;
  AbmCluster *cluster = abm_workspace_add_cluster (self->workspace, name, NULL, &error);

  if (cluster == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  open_cluster (self, cluster);
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}

typedef struct {
  AbmClustersDialog *dialog;     /* owns the toast, so outlives it */
  char              *name;
  char              *note;
  GPtrArray         *accounts;
} DeletedCluster;

static void
deleted_cluster_free (gpointer data,
                      GClosure *closure)
{
  DeletedCluster *deleted = data;

  g_free (deleted->name);
  g_free (deleted->note);
  g_ptr_array_unref (deleted->accounts);
  g_free (deleted);
}

/* The cluster comes back under a new id, with the accounts it had. */
static void
undo_delete (AdwToast       *toast,
             DeletedCluster *deleted)
{
  AbmClustersDialog *self = deleted->dialog;
  g_autoptr(GError) error = NULL;
  AbmCluster *cluster = abm_workspace_add_cluster (self->workspace, deleted->name, deleted->note, &error);

  if (cluster == NULL
      || !abm_workspace_set_accounts_cluster (self->workspace, deleted->accounts,
                                              abm_cluster_get_id (cluster), &error))
    show_toast (self, error->message);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);
  g_autoptr(AbmCluster) cluster = NULL;
  g_autoptr(GError) error = NULL;
  DeletedCluster *deleted;
  AdwToast *toast;

  if (self->editing == NULL)
    return;
  /* Undo brings back what was typed last. */
  commit_editing (self);
  cluster = g_steal_pointer (&self->editing);

  deleted = g_new0 (DeletedCluster, 1);
  deleted->dialog = self;
  deleted->name = g_strdup (abm_cluster_get_name (cluster));
  deleted->note = g_strdup (abm_cluster_get_note (cluster));
  deleted->accounts = accounts_in_cluster (self, abm_cluster_get_id (cluster));

  if (!abm_workspace_delete_cluster (self->workspace, cluster, &error))
    {
      deleted_cluster_free (deleted, NULL);
      g_set_object (&self->editing, cluster);
      show_toast (self, error->message);
      return;
    }
  show_list (self, NULL);

  /* Translators: a toast after deleting a cluster, with its name */
  toast = adw_toast_new_format (_("“%s” deleted"), deleted->name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete), deleted,
                         deleted_cluster_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
text_row (const char *text,
          gboolean    dim)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_proposal_row (AbmClusterProposal *proposal)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  guint n = proposal->accounts->len;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), proposal->name);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: what a suggested cluster's accounts share, and how many */
                                           "%s · %u account", "%s · %u accounts", n),
                              proposal->attribute, n);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (proposal->note, FALSE));
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between account names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, abm_account_get_name (proposal->accounts->pdata[i]));
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (names->str, TRUE));
  return row;
}

static void
clear_proposals (AbmClustersDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->proposals_list))) != NULL)
    gtk_list_box_remove (self->proposals_list, child);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
}

static void
suggest_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);
  g_autoptr(GPtrArray) proposals = abm_suggest_clusters (abm_workspace_get_accounts (self->workspace));
  g_autofree char *description = NULL;
  guint n_accounts = 0;

  if (proposals->len == 0)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Nothing to Suggest"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("Fewer than %u Tier 2 accounts in no cluster share an industry, "
                                        "use case or technology."),
                                      ABM_CLUSTER_MIN_SIZE);
      adw_message_dialog_add_response (dialog, "close", _("_OK"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  clear_proposals (self);
  for (guint i = 0; i < proposals->len; i++)
    {
      AbmClusterProposal *proposal = proposals->pdata[i];

      n_accounts += proposal->accounts->len;
      gtk_list_box_append (self->proposals_list, create_proposal_row (proposal));
    }
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u cluster for %u Tier 2 accounts in no cluster. "
                                              "Create them to rename them or edit their notes.",
                                              "%u clusters for %u Tier 2 accounts in no cluster. "
                                              "Create them to rename them or edit their notes.",
                                              proposals->len),
                                 proposals->len, n_accounts);
  adw_preferences_group_set_description (self->proposals_group, description);
  self->proposals = g_steal_pointer (&proposals);

  gtk_stack_set_visible_child_name (self->stack, "suggestion");
  gtk_widget_grab_focus (self->create_button);
}

static void
cancel_suggestion_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);

  clear_proposals (self);
  show_list (self, NULL);
}

static void
create_suggested_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (self->proposals == NULL)
    return;
  if (!abm_workspace_add_cluster_proposals (self->workspace, self->proposals, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Create the Clusters"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  n = self->proposals->len;
  clear_proposals (self);
  show_list (self, NULL);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cluster created", "%u clusters created", n), n);
  show_toast (self, text);
}

/* Escape steps back from a page, and closes from the list. */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "cluster") == 0)
    gtk_widget_activate_action (widget, "clusters.back", NULL);
  else if (g_strcmp0 (page, "suggestion") == 0)
    gtk_widget_activate_action (widget, "clusters.cancel-suggestion", NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static gboolean
close_requested (AbmClustersDialog *self)
{
  commit_editing (self);
  return FALSE;
}

static void
watch_focus (GtkWidget *widget,
             GCallback  left,
             gpointer   user_data)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "leave", left, user_data);
  gtk_widget_add_controller (widget, controller);
}

static void
abm_clusters_dialog_dispose (GObject *object)
{
  AbmClustersDialog *self = ABM_CLUSTERS_DIALOG (object);

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_clusters (self->workspace), self);
    }
  if (self->watched != NULL)
    for (guint i = 0; i < self->watched->len; i++)
      g_signal_handlers_disconnect_by_func (self->watched->pdata[i], account_notify, self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  g_clear_pointer (&self->stats, g_hash_table_unref);
  g_clear_object (&self->editing);

  gtk_widget_dispose_template (GTK_WIDGET (self), ABM_TYPE_CLUSTERS_DIALOG);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (abm_clusters_dialog_parent_class)->dispose (object);
}

static void
abm_clusters_dialog_class_init (AbmClustersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_clusters_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "clusters.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "clusters.suggest", NULL, suggest_activated);
  gtk_widget_class_install_action (widget_class, "clusters.create-suggested", NULL, create_suggested_activated);
  gtk_widget_class_install_action (widget_class, "clusters.cancel-suggestion", NULL, cancel_suggestion_activated);
  gtk_widget_class_install_action (widget_class, "clusters.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "clusters.delete", NULL, delete_activated);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "clusters.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "clusters.new", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-clusters-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, new_button);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, clusters_list);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, note_error_label);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, proposals_group);
  gtk_widget_class_bind_template_child (widget_class, AbmClustersDialog, proposals_list);
  gtk_widget_class_bind_template_callback (widget_class, page_changed);
  gtk_widget_class_bind_template_callback (widget_class, cluster_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, name_applied);
  gtk_widget_class_bind_template_callback (widget_class, close_requested);
}

static void
abm_clusters_dialog_init (AbmClustersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed), self);
  watch_focus (GTK_WIDGET (self->name_row), G_CALLBACK (name_focus_left), self);
  watch_focus (GTK_WIDGET (self->note_view), G_CALLBACK (note_focus_left), self);
}

AbmClustersDialog *
abm_clusters_dialog_new (GtkWindow    *parent,
                         AbmWorkspace *workspace)
{
  AbmClustersDialog *self;
  GListModel *accounts;
  GListModel *clusters;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_CLUSTERS_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  accounts = abm_workspace_get_accounts (workspace);
  clusters = abm_workspace_get_clusters (workspace);

  accounts_changed (self, 0, 0, g_list_model_get_n_items (accounts), accounts);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  self->stats = abm_tier_cluster_stats (accounts);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (accounts_changed), self);

  gtk_list_box_bind_model (self->clusters_list, clusters, create_cluster_row, self, NULL);
  g_signal_connect_swapped (clusters, "items-changed", G_CALLBACK (clusters_changed), self);
  show_list (self, NULL);
  page_changed (self);
  return self;
}
