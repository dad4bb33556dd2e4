/* abm-plays-page.c: an account's plays, as a timeline and a list
 *
 * The account's own plays and those of its Tier 2 cluster, by due date:
 * the timeline shows the weeks, the list says each play in words (and is
 * the keyboard's way to edit and delete them). A template adds a tier's
 * usual plays from a start date; the plays go to a calendar as .ics.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-date.h"
#include "abm-file-chooser.h"
#include "abm-message.h"
#include "abm-play-calendar.h"
#include "abm-play-dialog.h"
#include "abm-play-template-dialog.h"
#include "abm-play-timeline-view.h"
#include "abm-plays-page.h"
#include "abm-window.h"

struct _AbmPlaysPage
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  AbmCluster   *cluster;       /* the account's, or NULL */
  GPtrArray    *plays;         /* AbmPlay shown, by due date */
  GPtrArray    *rows;
  guint         refresh_idle;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *summary_label;
  AbmPlayTimelineView *timeline;
  GtkListBox          *plays_list;
};

G_DEFINE_FINAL_TYPE (AbmPlaysPage, abm_plays_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (AbmPlaysPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* By due date, undated last, then as added. */
static int
compare_plays (gconstpointer a,
               gconstpointer b)
{
  AbmPlay *x = *(AbmPlay **) a, *y = *(AbmPlay **) b;
  const char *dx = abm_play_get_due (x) ?: abm_play_get_start (x);
  const char *dy = abm_play_get_due (y) ?: abm_play_get_start (y);
  int by_date = dx && dy ? strcmp (dx, dy) : (dx ? -1 : dy ? 1 : 0);

  return by_date ? by_date : (abm_play_get_id (x) > abm_play_get_id (y)) - (abm_play_get_id (x) < abm_play_get_id (y));
}

static void
collect (GPtrArray  *plays,
         GListModel *model)
{
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (plays, g_list_model_get_item (model, i));
}

static char *
target_text (AbmPlaysPage *self,
             AbmPlay      *play)
{
  AbmStakeholder *person = abm_workspace_find_play_target (self->workspace, play);

  if (person != NULL)
    return g_strdup (abm_stakeholder_get_name (person));
  if (abm_play_get_target_role (play) < ABM_N_ROLES)
    return g_strdup (abm_role_label (abm_play_get_target_role (play)));
  return g_strdup (_("Whole account"));
}

/* "Email · Champion · Marketing · 2026-03-02 – 2026-03-09 · Planned · Overdue" */
static char *
play_subtitle (AbmPlaysPage *self,
               AbmPlay      *play)
{
  g_autofree char *target = target_text (self, play);
  g_autoptr(GString) text = g_string_new (NULL);

  if (abm_play_get_cluster_id (play) != 0)
    g_string_append_printf (text, "%s · ", _("Cluster play"));
  g_string_append_printf (text, "%s · %s · %s", abm_channel_label (abm_play_get_channel (play)), target,
                          abm_play_owner_label (abm_play_get_owner (play)));
  if (abm_play_get_start (play) || abm_play_get_due (play))
    g_string_append_printf (text, " · %s – %s", abm_play_get_start (play) ?: "…", abm_play_get_due (play) ?: "…");
  g_string_append_printf (text, " · %s", abm_play_status_label (abm_play_get_status (play)));
  if (abm_play_is_overdue (play, NULL))
    g_string_append_printf (text, " · %s", _("Overdue"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
delete_clicked (GtkButton    *button,
                AbmPlaysPage *self)
{
  AbmPlay *play = g_object_get_data (G_OBJECT (button), "abm-play");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (_("Play “%s” deleted"), abm_play_get_description (play));
  GtkWindow *window = parent_window (self);
  gint64 undo_id;

  undo_id = abm_workspace_delete_play (self->workspace, play, &error);
  if (undo_id == 0)
    abm_message_show (GTK_WIDGET (self), _("Could Not Delete the Play"), error->message);
  else if (ABM_IS_WINDOW (window))
    abm_window_offer_undo (ABM_WINDOW (window), title, undo_id);
}

static void
row_activated (AdwActionRow *row,
               AbmPlaysPage *self)
{
  AbmPlay *play = g_object_get_data (G_OBJECT (row), "abm-play");

  gtk_window_present (GTK_WINDOW (abm_play_dialog_new (parent_window (self), self->workspace,
                                                       self->account, play)));
}

static GtkWidget *
play_row (AbmPlaysPage *self,
          AbmPlay      *play)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = play_subtitle (self, play);
  g_autofree char *title = g_strdup (abm_play_get_description (play));
  g_autofree char *remove_label = NULL;

  title[strcspn (title, "\n")] = '\0';
  remove_label = g_strdup_printf (_("Delete “%s”"), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "abm-play", g_object_ref (play), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "abm-play", g_object_ref (play), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static gboolean
refresh (gpointer data)
{
  AbmPlaysPage *self = data;
  g_autofree char *summary = NULL;
  guint overdue = 0;

  self->refresh_idle = 0;
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->plays_list, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->plays, 0);

  if (self->workspace != NULL && self->account != NULL)
    {
      collect (self->plays, abm_workspace_get_plays (self->workspace, self->account, NULL));
      if (self->cluster != NULL)
        collect (self->plays, abm_workspace_get_cluster_plays (self->workspace, self->cluster, NULL));
    }
  g_ptr_array_sort (self->plays, compare_plays);

  for (guint i = 0; i < self->plays->len; i++)
    {
      GtkWidget *row = play_row (self, self->plays->pdata[i]);

      gtk_list_box_append (self->plays_list, row);
      g_ptr_array_add (self->rows, row);
      overdue += abm_play_is_overdue (self->plays->pdata[i], NULL) ? 1 : 0;
    }
  abm_play_timeline_view_set_plays (self->timeline, self->plays);
  summary = g_strdup_printf (g_dngettext (NULL, "%u play · %u overdue", "%u plays · %u overdue", self->plays->len),
                             self->plays->len, overdue);
  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, self->plays->len > 0 ? "plays" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plays.export", self->plays->len > 0);
  return G_SOURCE_REMOVE;
}

static void
plays_changed (AbmPlaysPage *self,
               gint64        account_id,
               gint64        cluster_id)
{
  if (self->account == NULL)
    return;
  if ((account_id != 0 && account_id != abm_account_get_id (self->account))
      || (account_id == 0 && cluster_id != abm_account_get_cluster_id (self->account)))
    return;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

void
abm_plays_page_set_account (AbmPlaysPage *self,
                            AbmWorkspace *workspace,
                            AbmAccount   *account)
{
  g_return_if_fail (ABM_IS_PLAYS_PAGE (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->account, account);
  g_clear_object (&self->cluster);
  if (workspace != NULL && account != NULL)
    {
      if (abm_account_get_cluster_id (account) > 0)
        g_set_object (&self->cluster, abm_workspace_find_cluster (workspace, abm_account_get_cluster_id (account)));
      g_signal_connect_swapped (workspace, "plays-changed", G_CALLBACK (plays_changed), self);
    }
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AbmPlaysPage *self = ABM_PLAYS_PAGE (widget);

  if (self->account == NULL)
    return;
  gtk_window_present (GTK_WINDOW (abm_play_dialog_new (parent_window (self), self->workspace,
                                                       self->account, NULL)));
}

static void
template_response (AdwMessageDialog *dialog,
                   const char       *response,
                   AbmPlaysPage     *self)
{
  AdwComboRow *kind_row = g_object_get_data (G_OBJECT (dialog), "abm-kind");
  GtkEditable *start_row = g_object_get_data (G_OBJECT (dialog), "abm-start");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;
  gboolean for_cluster;
  GDate start;

  if (g_strcmp0 (response, "apply") != 0 || self->account == NULL)
    return;
  if (!abm_date_parse (gtk_editable_get_text (start_row), &start))
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Apply the Template"),
                        _("The start date must be a date such as 2026-03-02."));
      return;
    }
  for_cluster = self->cluster != NULL && adw_combo_row_get_selected (kind_row) == ABM_PLAY_TEMPLATE_CLUSTER;
  added = abm_workspace_apply_play_template (self->workspace,
                                             abm_workspace_get_play_template (self->workspace,
                                                                              for_cluster ? ABM_PLAY_TEMPLATE_CLUSTER
                                                                                          : ABM_PLAY_TEMPLATE_TIER_1),
                                             for_cluster ? NULL : self->account,
                                             for_cluster ? self->cluster : NULL, &start, &error);
  if (added == NULL)
    abm_message_show (GTK_WIDGET (self), _("Could Not Apply the Template"), error->message);
}

static void
edit_templates_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AbmPlaysPage *self = ABM_PLAYS_PAGE (widget);

  if (self->workspace == NULL)
    return;
  /* The template this account would be given. */
  gtk_window_present (GTK_WINDOW (abm_play_template_dialog_new (parent_window (self), self->workspace,
                                                                self->cluster != NULL ? ABM_PLAY_TEMPLATE_CLUSTER
                                                                                      : ABM_PLAY_TEMPLATE_TIER_1)));
}

/* Two fields, made here: which template, and from when. */
static void
apply_template_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AbmPlaysPage *self = ABM_PLAYS_PAGE (widget);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list, *kind_row, *start_row;
  GDate today;

  if (self->account == NULL)
    return;
  abm_date_today (now, &today);
  today_text = abm_date_format (&today);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Apply Template"),
                                                       _("Adds the template’s plays, dated from the start date. "
                                                         "Edit or delete them afterwards.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Template"));
  gtk_string_list_append (kinds, abm_play_template_kind_label (ABM_PLAY_TEMPLATE_TIER_1));
  if (self->cluster != NULL)
    gtk_string_list_append (kinds, abm_play_template_kind_label (ABM_PLAY_TEMPLATE_CLUSTER));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kinds));
  /* An account in a cluster is worked with its cluster. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), self->cluster != NULL);
  start_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (start_row), _("Start Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (start_row), today_text);
  gtk_list_box_append (GTK_LIST_BOX (list), kind_row);
  gtk_list_box_append (GTK_LIST_BOX (list), start_row);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "abm-kind", kind_row);
  g_object_set_data (G_OBJECT (dialog), "abm-start", start_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
calendar_chosen (GtkWidget *owner,
                 GFile     *file)
{
  AbmPlaysPage *self = ABM_PLAYS_PAGE (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;

  if (self->workspace == NULL)
    return;
  ics = abm_play_calendar_to_ics (self->workspace, self->plays, ABM_CALENDAR_TODOS, NULL);
  if (!g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    abm_message_show (owner, _("Could Not Export the Calendar"), error->message);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmPlaysPage *self = ABM_PLAYS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;

  if (self->account == NULL)
    return;
  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  /* Translators: the file name suggested for an account's plays */
  suggested = g_strdup_printf (_("%s Plays.ics"), abm_account_get_name (self->account));
  abm_file_chooser_show (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Plays as a Calendar"), _("_Export"),
                         suggested, filter, calendar_chosen);
}

static void
abm_plays_page_dispose (GObject *object)
{
  AbmPlaysPage *self = ABM_PLAYS_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  g_clear_object (&self->cluster);
  g_clear_pointer (&self->plays, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (abm_plays_page_parent_class)->dispose (object);
}

static void
abm_plays_page_class_init (AbmPlaysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_plays_page_dispose;

  g_type_ensure (ABM_TYPE_PLAY_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-plays-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmPlaysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AbmPlaysPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AbmPlaysPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, AbmPlaysPage, plays_list);

  gtk_widget_class_install_action (widget_class, "plays.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "plays.apply-template", NULL, apply_template_activated);
  gtk_widget_class_install_action (widget_class, "plays.edit-templates", NULL, edit_templates_activated);
  gtk_widget_class_install_action (widget_class, "plays.export", NULL, export_activated);
}

static void
abm_plays_page_init (AbmPlaysPage *self)
{
  self->plays = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
