/* abm-activity-dialog.c: log one engagement activity by hand
 *
 * A meeting, a call, a demo request: what happened, when (today unless
 * said otherwise), with whom on the committee, and optionally the intent
 * topic and the campaign. The fields are checked as they are typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-activity-dialog.h"
#include "abm-date.h"
#include "abm-message.h"

struct _AbmActivityDialog
{
  AdwMessageDialog  parent_instance;

  AbmWorkspace     *workspace;
  AbmAccount       *account;
  GArray           *people;      /* gint64 ids, after "Whole account" */

  /* Template widgets */
  AdwComboRow      *kind_row;
  AdwEntryRow      *date_row;
  AdwComboRow      *person_row;
  AdwEntryRow      *topic_row;
  AdwEntryRow      *campaign_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (AbmActivityDialog, abm_activity_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Fills @activity from the fields; returns the first problem, if any. */
static char *
check (AbmActivityDialog *self,
       AbmActivity       *activity)
{
  g_autoptr(GError) error = NULL;
  guint person = adw_combo_row_get_selected (self->person_row);
  GDate date;

  memset (activity, 0, sizeof *activity);
  if (!abm_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    return g_strdup (_("The date must be a date such as 2026-03-02."));
  activity->day = g_date_get_julian (&date);
  activity->kind = adw_combo_row_get_selected (self->kind_row);
  activity->account_id = abm_account_get_id (self->account);
  activity->stakeholder_id = person > 0 && person <= self->people->len ? g_array_index (self->people, gint64, person - 1) : 0;
  if (!abm_activity_set_text (activity, gtk_editable_get_text (GTK_EDITABLE (self->topic_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->campaign_row)), &error))
    return g_strdup (error->message);
  return NULL;
}

static void
fields_changed (AbmActivityDialog *self)
{
  AbmActivity activity;
  g_autofree char *problem = check (self, &activity);

  abm_activity_clear (&activity);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", problem == NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
abm_activity_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  AbmActivityDialog *self = ABM_ACTIVITY_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  AbmActivity activity;
  gint64 id;

  if (g_strcmp0 (response, "save") != 0)
    return;
  problem = check (self, &activity);
  id = problem == NULL ? abm_workspace_add_activity (self->workspace, &activity, &error) : 0;
  abm_activity_clear (&activity);
  if (problem == NULL && id == 0)
    abm_message_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                      _("Could Not Save"), error->message);
}

static void
abm_activity_dialog_dispose (GObject *object)
{
  AbmActivityDialog *self = ABM_ACTIVITY_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  g_clear_pointer (&self->people, g_array_unref);
  G_OBJECT_CLASS (abm_activity_dialog_parent_class)->dispose (object);
}

static void
abm_activity_dialog_class_init (AbmActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_activity_dialog_dispose;
  dialog_class->response = abm_activity_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmActivityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AbmActivityDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AbmActivityDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, AbmActivityDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, AbmActivityDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, AbmActivityDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
}

static void
abm_activity_dialog_init (AbmActivityDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (AbmActivityKind k = 0; k < ABM_N_ACTIVITY_KINDS; k++)
    gtk_string_list_append (kinds, abm_activity_kind_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, ABM_ACTIVITY_MEETING);
}

AbmActivityDialog *
abm_activity_dialog_new (GtkWindow    *parent,
                         AbmWorkspace *workspace,
                         AbmAccount   *account)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *today_text = NULL;
  AbmActivityDialog *self;
  GListModel *people;
  GDate today;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  self = g_object_new (ABM_TYPE_ACTIVITY_DIALOG, "transient-for", parent, "body", abm_account_get_name (account), NULL);
  self->workspace = g_object_ref (workspace);
  self->account = g_object_ref (account);
  gtk_string_list_append (names, _("The Account as a Whole"));
  people = abm_workspace_get_committee (workspace, account, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, i);
      gint64 id = abm_stakeholder_get_id (s);

      gtk_string_list_append (names, abm_stakeholder_get_name (s));
      g_array_append_val (self->people, id);
    }
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  abm_date_today (NULL, &today);
  today_text = abm_date_format (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  fields_changed (self);
  return self;
}
