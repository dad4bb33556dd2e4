/* abm-committee-page.c: an account's buying committee
 *
 * The org chart beside the same people as a list (the keyboard and screen
 * reader way through the chart), the coverage of the key roles and its
 * gaps in plain words. People are added, edited and removed through the
 * stakeholder dialog; contacts come in from a CRM export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-committee-page.h"
#include "abm-contact-importer.h"
#include "abm-coverage-rules-dialog.h"
#include "abm-stakeholder-dialog.h"
#include "abm-file-chooser.h"
#include "abm-message.h"
#include "abm-org-chart-view.h"
#include "abm-org-committee.h"

struct _AbmCommitteePage
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  GListModel   *people;        /* the account's committee (a reference) */
  GPtrArray    *person_rows;
  GPtrArray    *gap_rows;
  guint         refresh_idle;
  gint64        selected_id;
  GtkWidget    *chart;
  GtkWidget    *chart_problem;
  gboolean      syncing;

  /* Template widgets */
  GtkStack     *stack;
  GtkLabel     *coverage_label;
  GtkLabel     *summary_label;
  GtkBox       *chart_box;
  GtkListBox   *gaps_list;
  GtkListBox   *people_list;
};

G_DEFINE_FINAL_TYPE (AbmCommitteePage, abm_committee_page, ADW_TYPE_BIN)

enum {
  PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (GtkListBox *list,
            GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

/* "CIO · Economic buyer · Champion (sentiment) · 4 days ago" */
static char *
person_subtitle (AbmStakeholder *s)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *roles = abm_stakeholder_dup_roles_text (s);
  const char *title = abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_TITLE);
  int days = abm_stakeholder_days_since_contact (s, NULL);

  if (title != NULL)
    g_string_append (text, title);
  if (*roles != '\0')
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", roles);
  if (abm_stakeholder_get_sentiment (s) != ABM_STAKEHOLDER_SENTIMENT_UNKNOWN)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "",
                            abm_sentiment_label (abm_stakeholder_get_sentiment (s)));
  if (text->len)
    g_string_append (text, " · ");
  if (days < 0)
    g_string_append (text, _("never contacted"));
  else if (days == 0)
    g_string_append (text, _("contacted today"));
  else
    g_string_append_printf (text, g_dngettext (NULL, "contacted %d day ago", "contacted %d days ago", days), days);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
refresh (gpointer data)
{
  AbmCommitteePage *self = data;
  g_autoptr(AbmCoverage) coverage = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  guint n;

  self->refresh_idle = 0;
  clear_rows (self->people_list, self->person_rows);
  clear_rows (self->gaps_list, self->gap_rows);
  n = self->people ? g_list_model_get_n_items (self->people) : 0;
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "committee" : "empty");
  if (n == 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (self->people, i);
      g_autofree char *subtitle = person_subtitle (s);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_stakeholder_get_name (s));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "abm-id", GSIZE_TO_POINTER ((gsize) abm_stakeholder_get_id (s)));
      gtk_list_box_append (self->people_list, row);
      g_ptr_array_add (self->person_rows, row);
      if (abm_stakeholder_get_id (s) == self->selected_id)
        gtk_list_box_select_row (self->people_list, GTK_LIST_BOX_ROW (row));
    }

  /* The chart shows the same people; a loop in the file (only a
   * stranger's file can hold one) is said, not drawn. */
  {
    g_autoptr(AbmOrgCommittee) committee =
      abm_org_committee_new (self->people, abm_workspace_get_committee_links (self->workspace, self->account));
    g_autoptr(GError) error = NULL;

    self->syncing = TRUE;
    if (!abm_org_chart_view_set_data (ABM_ORG_CHART_VIEW (self->chart), committee->people, committee->n_people,
                                      committee->links, committee->n_links, &error))
      {
        gtk_label_set_text (GTK_LABEL (self->chart_problem), error->message);
        gtk_widget_set_visible (self->chart_problem, TRUE);
      }
    else
      gtk_widget_set_visible (self->chart_problem, FALSE);
    abm_org_chart_view_set_selected_id (ABM_ORG_CHART_VIEW (self->chart), self->selected_id);
    self->syncing = FALSE;
  }

  coverage = abm_coverage_compute (abm_workspace_get_coverage_rules (self->workspace), self->people, NULL);
  if (coverage->score >= 0)
    heading = g_strdup_printf (_("Coverage %.0f%%"), coverage->score);
  else
    heading = g_strdup (_("No roles required"));
  gtk_label_set_text (self->coverage_label, heading);
  summary = g_strdup_printf (g_dngettext (NULL, "%u person · %u gap", "%u people · %u gaps", n), n,
                             coverage->gaps->len);
  gtk_label_set_text (self->summary_label, summary);

  for (guint i = 0; i < coverage->gaps->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coverage->gaps->pdata[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Gap"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->gaps_list, row);
      g_ptr_array_add (self->gap_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_list), coverage->gaps->len > 0);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AbmCommitteePage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

static void
disconnect (AbmCommitteePage *self)
{
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_data (self->people, self);
  g_clear_object (&self->people);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (abm_workspace_get_coverage_rules (self->workspace), self);
}

void
abm_committee_page_set_account (AbmCommitteePage *self,
                                AbmWorkspace     *workspace,
                                AbmAccount       *account)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ABM_IS_COMMITTEE_PAGE (self));

  disconnect (self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->account, account);
  self->selected_id = 0;
  if (workspace != NULL && account != NULL)
    {
      self->people = abm_workspace_get_committee (workspace, account, &error);
      if (self->people == NULL)
        g_warning ("Could not read the committee: %s", error->message);
      else
        g_object_ref (self->people);
      if (self->people != NULL)
        g_signal_connect_swapped (self->people, "items-changed", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (abm_workspace_get_coverage_rules (workspace), "changed",
                                G_CALLBACK (queue_refresh), self);
    }
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
  /* A new account starts readable: cards at three quarters of their size
   * when fitting the whole chart would make the text too small to read. */
  abm_org_chart_view_zoom_to_fit (ABM_ORG_CHART_VIEW (self->chart));
  if (abm_org_chart_view_get_zoom (ABM_ORG_CHART_VIEW (self->chart)) < 0.75)
    abm_org_chart_view_set_zoom (ABM_ORG_CHART_VIEW (self->chart), 0.75);
}

GListModel *
abm_committee_page_get_people (AbmCommitteePage *self)
{
  g_return_val_if_fail (ABM_IS_COMMITTEE_PAGE (self), NULL);
  return self->people;
}

static gint64
row_id (GtkListBoxRow *row)
{
  return row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "abm-id")) : 0;
}

static void
person_selected (AbmCommitteePage *self,
                 GtkListBoxRow    *row)
{
  if (row == NULL || self->syncing)
    return;
  self->selected_id = row_id (row);
  self->syncing = TRUE;
  abm_org_chart_view_set_selected_id (ABM_ORG_CHART_VIEW (self->chart), self->selected_id);
  self->syncing = FALSE;
}

/* A card chosen in the chart is chosen in the list too. */
static void
chart_selected (AbmCommitteePage *self)
{
  gint64 id = abm_org_chart_view_get_selected_id (ABM_ORG_CHART_VIEW (self->chart));

  if (self->syncing)
    return;
  self->selected_id = id;
  self->syncing = TRUE;
  for (guint i = 0; i < self->person_rows->len; i++)
    if (row_id (self->person_rows->pdata[i]) == id)
      gtk_list_box_select_row (self->people_list, self->person_rows->pdata[i]);
  self->syncing = FALSE;
}

static void
chart_activated (AbmCommitteePage *self,
                 gint64            id)
{
  AbmStakeholder *s = abm_workspace_find_stakeholder (self->workspace, self->account, id);

  if (s != NULL)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, s);
}

typedef struct {
  AbmCommitteePage *self;
  gint64            id;
  gint64            manager;
} Reparent;

static gboolean
set_manager (AbmCommitteePage  *self,
             gint64             id,
             gint64             manager,
             GError           **error)
{
  AbmStakeholder *s = abm_workspace_find_stakeholder (self->workspace, self->account, id);
  g_autoptr(AbmStakeholder) values = NULL;

  if (s == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The person is no longer on the committee"));
      return FALSE;
    }
  values = abm_stakeholder_copy (s);
  abm_stakeholder_set_manager_id (values, manager);
  return abm_workspace_update_stakeholder (self->workspace, s, values, error);
}

static void
free_closure_data (gpointer  data,
                   GClosure *closure)
{
  g_free (data);
}

static void
reparent_undo (AdwToast *toast,
               Reparent *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->self->workspace != NULL && !set_manager (undo->self, undo->id, undo->manager, &error))
    abm_message_show (GTK_WIDGET (undo->self), _("Could Not Undo"), error->message);
}

/* Dragged onto a new manager: stored, with Undo in a toast. */
gboolean
abm_committee_page_reparent (AbmCommitteePage  *self,
                             gint64             id,
                             gint64             new_manager,
                             GError           **error)
{
  AbmStakeholder *s;
  GtkWidget *overlay;
  Reparent *undo;
  AdwToast *toast;

  g_return_val_if_fail (ABM_IS_COMMITTEE_PAGE (self), FALSE);

  s = abm_workspace_find_stakeholder (self->workspace, self->account, id);
  if (s == NULL)
    return TRUE;
  undo = g_new0 (Reparent, 1);
  undo->self = self;
  undo->id = id;
  undo->manager = abm_stakeholder_get_manager_id (s);
  if (!set_manager (self, id, new_manager, error))
    {
      g_free (undo);
      return FALSE;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_free (undo);
      return TRUE;
    }
  if (new_manager != 0)
    {
      AbmStakeholder *m = abm_workspace_find_stakeholder (self->workspace, self->account, new_manager);
      toast = adw_toast_new_format (_("%s now reports to %s"), abm_stakeholder_get_name (s),
                                    m ? abm_stakeholder_get_name (m) : "?");
    }
  else
    toast = adw_toast_new_format (_("%s has no known manager now"), abm_stakeholder_get_name (s));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (reparent_undo), undo, free_closure_data, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

static void
chart_reparent (AbmCommitteePage *self,
                gint64            id,
                gint64            new_manager)
{
  g_autoptr(GError) error = NULL;

  if (!abm_committee_page_reparent (self, id, new_manager, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Change the Reporting Line"), error->message);
}

static void
export_chosen (GtkWidget *owner,
               GFile     *file)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  AbmRenderFormat format = abm_render_format_for_name (name);

  if (format == ABM_RENDER_FORMAT_AUTO)
    format = ABM_RENDER_FORMAT_PNG;
  if (!abm_org_committee_export (self->workspace, self->account, file, format, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Export the Chart"), error->message);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;

  if (self->account == NULL)
    return;
  gtk_file_filter_set_name (filter, _("PNG, SVG or PDF"));
  gtk_file_filter_add_pattern (filter, "*.png");
  gtk_file_filter_add_pattern (filter, "*.svg");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  /* Translators: a file name; the account's name follows */
  suggested = g_strdup_printf (_("Buying Committee – %s.png"), abm_account_get_name (self->account));
  g_strdelimit (suggested, "/\\", '-');
  abm_file_chooser_show (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Org Chart"), _("_Export"),
                         suggested, filter, export_chosen);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (widget);
  AbmOrgChartView *chart = ABM_ORG_CHART_VIEW (self->chart);

  if (g_str_equal (action_name, "committee.zoom-in"))
    abm_org_chart_view_zoom_in (chart);
  else if (g_str_equal (action_name, "committee.zoom-out"))
    abm_org_chart_view_zoom_out (chart);
  else
    abm_org_chart_view_zoom_to_fit (chart);
}

static void
person_activated (AbmCommitteePage *self,
                  GtkListBoxRow    *row)
{
  AbmStakeholder *s = abm_workspace_find_stakeholder (self->workspace, self->account, row_id (row));

  if (s != NULL)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, s);
}


/* Imports a contacts export and reports what came in and what did not. */
gboolean
abm_committee_page_import_contacts (AbmCommitteePage  *self,
                                    GFile             *file,
                                    GError           **error)
{
  g_autoptr(AbmContactImporter) importer = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (ABM_IS_COMMITTEE_PAGE (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  importer = abm_contact_importer_new (self->workspace);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The file is not on this computer"));
      return FALSE;
    }
  if (!abm_contact_importer_open_path (importer, path, error)
      || !abm_contact_importer_prepare (importer, NULL, error)
      || !abm_contact_importer_apply (importer, error))
    return FALSE;

  abm_message_show_import (GTK_WIDGET (self), _("Contacts Imported"), abm_contact_importer_get_n_new (importer),
                           abm_contact_importer_get_n_updated (importer), abm_contact_importer_get_rejects (importer));
  return TRUE;
}

static void
contacts_chosen (GtkWidget *owner,
                 GFile     *file)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (owner);
  g_autoptr(GError) error = NULL;

  if (!abm_committee_page_import_contacts (self, file, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Import the Contacts"), error->message);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  abm_file_chooser_show (widget, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Contacts"), _("_Import"),
                         NULL, filter, contacts_chosen);
}

static GtkWindow *
parent_window (AbmCommitteePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
undo_removal (AdwToast         *toast,
              AbmCommitteePage *self)
{
  gint64 undo_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "abm-undo-id"));
  g_autoptr(GError) error = NULL;

  if (self->workspace != NULL && !abm_workspace_undo (self->workspace, undo_id, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Undo"), error->message);
}

/* Removed in the dialog: Undo in a toast. */
static void
person_removed (AbmCommitteePage *self,
                gint64            undo_id)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (_("Person removed from the committee"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "abm-undo-id", GSIZE_TO_POINTER ((gsize) undo_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_removal), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
person_saved (AbmCommitteePage *self,
              AbmStakeholder   *person)
{
  self->selected_id = abm_stakeholder_get_id (person);
  queue_refresh (self);
}

/* Opens the editor for @person, or for a new person when NULL. */
AbmStakeholderDialog *
abm_committee_page_edit (AbmCommitteePage *self,
                         AbmStakeholder   *person)
{
  AbmStakeholderDialog *dialog;

  g_return_val_if_fail (ABM_IS_COMMITTEE_PAGE (self), NULL);
  g_return_val_if_fail (self->workspace != NULL && self->account != NULL, NULL);

  dialog = person ? abm_stakeholder_dialog_new_edit (parent_window (self), self->workspace, self->account, person)
                  : abm_stakeholder_dialog_new_add (parent_window (self), self->workspace, self->account);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (person_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "removed", G_CALLBACK (person_removed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (widget);

  if (self->account != NULL)
    abm_committee_page_edit (self, NULL);
}

static void
coverage_rules_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (abm_coverage_rules_dialog_new (parent_window (self), self->workspace)));
}

static void
edit_requested (AbmCommitteePage *self,
                AbmStakeholder   *person)
{
  abm_committee_page_edit (self, person);
}

static void
abm_committee_page_dispose (GObject *object)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (object);

  disconnect (self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (abm_committee_page_parent_class)->dispose (object);
}

static void
abm_committee_page_finalize (GObject *object)
{
  AbmCommitteePage *self = ABM_COMMITTEE_PAGE (object);

  g_ptr_array_unref (self->person_rows);
  g_ptr_array_unref (self->gap_rows);
  G_OBJECT_CLASS (abm_committee_page_parent_class)->finalize (object);
}

static void
abm_committee_page_class_init (AbmCommitteePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_committee_page_dispose;
  object_class->finalize = abm_committee_page_finalize;

  /* A person was activated in the list or the chart: to edit. */
  signals[PERSON_ACTIVATED] =
    g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ABM_TYPE_STAKEHOLDER);

  gtk_widget_class_install_action (widget_class, "committee.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "committee.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "committee.coverage-rules", NULL, coverage_rules_activated);
  gtk_widget_class_install_action (widget_class, "committee.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "committee.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "committee.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "committee.zoom-fit", NULL, zoom_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-committee-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmCommitteePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AbmCommitteePage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, AbmCommitteePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AbmCommitteePage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, AbmCommitteePage, gaps_list);
  gtk_widget_class_bind_template_child (widget_class, AbmCommitteePage, people_list);
  gtk_widget_class_bind_template_callback (widget_class, person_activated);
  gtk_widget_class_bind_template_callback (widget_class, person_selected);
}

static void
abm_committee_page_init (AbmCommitteePage *self)
{
  self->person_rows = g_ptr_array_new ();
  self->gap_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The chart, scrolled and zoomed, with its zoom buttons over it. */
  {
    GtkWidget *overlay = gtk_overlay_new ();
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    const struct { const char *icon, *action, *label; } zooms[] = {
      { "zoom-out-symbolic", "committee.zoom-out", N_("Zoom Out") },
      { "zoom-fit-best-symbolic", "committee.zoom-fit", N_("Fit to Window") },
      { "zoom-in-symbolic", "committee.zoom-in", N_("Zoom In") },
    };

    self->chart = abm_org_chart_view_new ();
    gtk_widget_set_vexpand (scrolled, TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->chart);
    gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
    gtk_widget_add_css_class (buttons, "linked");
    gtk_widget_add_css_class (buttons, "osd");
    gtk_widget_set_halign (buttons, GTK_ALIGN_START);
    gtk_widget_set_valign (buttons, GTK_ALIGN_END);
    gtk_widget_set_margin_start (buttons, 12);
    gtk_widget_set_margin_bottom (buttons, 12);
    for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
      {
        GtkWidget *button = gtk_button_new_from_icon_name (zooms[i].icon);

        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), zooms[i].action);
        gtk_widget_set_tooltip_text (button, _(zooms[i].label));
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(zooms[i].label), -1);
        gtk_box_append (GTK_BOX (buttons), button);
      }
    gtk_overlay_add_overlay (GTK_OVERLAY (overlay), buttons);
    self->chart_problem = gtk_label_new (NULL);
    gtk_label_set_wrap (GTK_LABEL (self->chart_problem), TRUE);
    gtk_widget_add_css_class (self->chart_problem, "error");
    gtk_widget_set_margin_top (self->chart_problem, 12);
    gtk_widget_set_visible (self->chart_problem, FALSE);
    gtk_box_append (self->chart_box, self->chart_problem);
    gtk_box_append (self->chart_box, overlay);
    g_signal_connect_swapped (self->chart, "notify::selected-id", G_CALLBACK (chart_selected), self);
    g_signal_connect_swapped (self->chart, "person-activated", G_CALLBACK (chart_activated), self);
    g_signal_connect_swapped (self->chart, "reparent-requested", G_CALLBACK (chart_reparent), self);
  }
  /* A person activated in the list or the chart opens in the editor. */
  g_signal_connect (self, "person-activated", G_CALLBACK (edit_requested), NULL);
}
