/* abm-opportunity-dialog.c: add or edit one deal
 *
 * The fields are checked as they are typed with the rules the workspace
 * stores by (a won or lost deal needs its closing date), so "Save" is
 * only offered for what will be taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-date.h"
#include "abm-message.h"
#include "abm-opportunity-dialog.h"

struct _AbmOpportunityDialog
{
  AdwMessageDialog  parent_instance;

  AbmWorkspace     *workspace;
  AbmOpportunity   *opportunity;   /* NULL when adding */
  AbmOpportunity   *draft;

  /* Template widgets */
  AdwEntryRow      *name_row;
  AdwEntryRow      *amount_row;
  AdwEntryRow      *stage_row;
  AdwComboRow      *status_row;
  AdwEntryRow      *created_row;
  AdwEntryRow      *closed_row;
  GtkSwitch        *abm_switch;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (AbmOpportunityDialog, abm_opportunity_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Fills the draft; the first problem, "" for a name not typed yet. */
static char *
check (AbmOpportunityDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = g_strstrip (g_strdup (text_of (self->amount_row)));
  char *end;
  double value;

  g_strdelimit (amount, ",", '.');
  value = *amount ? g_ascii_strtod (amount, &end) : 0;
  if (*amount && *end != '\0')
    return g_strdup (_("The amount must be a number such as 125000."));
  if (!abm_opportunity_set_amount (self->draft, value, &error)
      || !abm_opportunity_set_stage (self->draft, text_of (self->stage_row), &error)
      || !abm_opportunity_set_created (self->draft, text_of (self->created_row), &error)
      || !abm_opportunity_set_closed (self->draft, text_of (self->closed_row), &error))
    return g_strdup (error->message);
  abm_opportunity_set_status (self->draft, adw_combo_row_get_selected (self->status_row));
  abm_opportunity_set_abm_sourced (self->draft, gtk_switch_get_active (self->abm_switch));
  if (!abm_opportunity_set_name (self->draft, text_of (self->name_row), &error))
    return g_strdup ("");
  if (!abm_opportunity_validate (self->draft, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
fields_changed (AbmOpportunityDialog *self)
{
  g_autofree char *problem = NULL;

  /* Setting up the fields says they changed before there is a draft. */
  if (self->draft == NULL)
    return;
  problem = check (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", problem == NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL && *problem != '\0');
}

static void
abm_opportunity_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  AbmOpportunityDialog *self = ABM_OPPORTUNITY_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || (problem = check (self)) != NULL)
    return;
  if (self->opportunity != NULL)
    ok = abm_workspace_update_opportunity (self->workspace, self->opportunity, self->draft, &error);
  else
    ok = abm_workspace_add_opportunity (self->workspace, self->draft, &error) != NULL;
  if (!ok)
    abm_message_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                      _("Could Not Save"), error->message);
}

static void
abm_opportunity_dialog_dispose (GObject *object)
{
  AbmOpportunityDialog *self = ABM_OPPORTUNITY_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->opportunity);
  g_clear_object (&self->draft);
  G_OBJECT_CLASS (abm_opportunity_dialog_parent_class)->dispose (object);
}

static void
abm_opportunity_dialog_class_init (AbmOpportunityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_opportunity_dialog_dispose;
  dialog_class->response = abm_opportunity_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-opportunity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, created_row);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, closed_row);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, abm_switch);
  gtk_widget_class_bind_template_child (widget_class, AbmOpportunityDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
}

static void
abm_opportunity_dialog_init (AbmOpportunityDialog *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (AbmOpportunityStatus s = 0; s < ABM_OPPORTUNITY_N_STATUSES; s++)
    gtk_string_list_append (statuses, abm_opportunity_status_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_swapped (self->abm_switch, "notify::active", G_CALLBACK (fields_changed), self);
}

AbmOpportunityDialog *
abm_opportunity_dialog_new (GtkWindow      *parent,
                            AbmWorkspace   *workspace,
                            AbmAccount     *account,
                            AbmOpportunity *opportunity)
{
  AbmOpportunityDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  self = g_object_new (ABM_TYPE_OPPORTUNITY_DIALOG, "transient-for", parent,
                       "heading", opportunity ? _("Edit Deal") : _("Add Deal"),
                       "body", abm_account_get_name (account), NULL);
  self->workspace = g_object_ref (workspace);
  self->opportunity = opportunity ? g_object_ref (opportunity) : NULL;
  if (opportunity != NULL)
    {
      g_autofree char *amount = g_strdup_printf ("%.2f", abm_opportunity_get_amount (opportunity));

      self->draft = abm_opportunity_copy (opportunity);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), abm_opportunity_get_name (opportunity));
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
      gtk_editable_set_text (GTK_EDITABLE (self->stage_row), abm_opportunity_get_stage (opportunity) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->created_row), abm_opportunity_get_created (opportunity) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->closed_row), abm_opportunity_get_closed (opportunity) ?: "");
      adw_combo_row_set_selected (self->status_row, abm_opportunity_get_status (opportunity));
      gtk_switch_set_active (self->abm_switch, abm_opportunity_get_abm_sourced (opportunity));
    }
  else
    {
      g_autofree char *today_text = NULL;
      GDate today;

      self->draft = abm_opportunity_new ();
      abm_opportunity_set_account_id (self->draft, abm_account_get_id (account));
      abm_date_today (NULL, &today);
      today_text = abm_date_format (&today);
      gtk_editable_set_text (GTK_EDITABLE (self->created_row), today_text);
      /* A deal a target account's team logs is usually the program's. */
      gtk_switch_set_active (self->abm_switch, abm_account_get_tier (account) != 0);
    }
  fields_changed (self);
  return self;
}
