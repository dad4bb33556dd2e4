/* abm-new-workspace-dialog.c: the name and currency of a new workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-new-workspace-dialog.h"
#include "abm-workspace.h"

struct _AbmNewWorkspaceDialog
{
  AdwMessageDialog  parent_instance;

  char             *name;

  /* Template widgets */
  AdwEntryRow      *name_row;
  AdwComboRow      *currency_row;
  GtkStringList    *currencies;
};

G_DEFINE_FINAL_TYPE (AbmNewWorkspaceDialog, abm_new_workspace_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed (AbmNewWorkspaceDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  g_free (self->name);
  self->name = g_strstrip (g_strdup (text));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", *self->name != '\0');
}

static void
entry_activated (AbmNewWorkspaceDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "create"))
    {
      /* Only the response buttons close the dialog by themselves. */
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "create");
      gtk_window_close (GTK_WINDOW (self));
    }
}

const char *
abm_new_workspace_dialog_get_name (AbmNewWorkspaceDialog *self)
{
  g_return_val_if_fail (ABM_IS_NEW_WORKSPACE_DIALOG (self), NULL);
  return self->name;
}

const char *
abm_new_workspace_dialog_get_currency (AbmNewWorkspaceDialog *self)
{
  guint selected;

  g_return_val_if_fail (ABM_IS_NEW_WORKSPACE_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->currency_row);
  return gtk_string_list_get_string (self->currencies, selected);
}

static void
abm_new_workspace_dialog_finalize (GObject *object)
{
  AbmNewWorkspaceDialog *self = ABM_NEW_WORKSPACE_DIALOG (object);

  g_free (self->name);

  G_OBJECT_CLASS (abm_new_workspace_dialog_parent_class)->finalize (object);
}

static void
abm_new_workspace_dialog_class_init (AbmNewWorkspaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = abm_new_workspace_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-new-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmNewWorkspaceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AbmNewWorkspaceDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, AbmNewWorkspaceDialog, currencies);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);
}

static void
abm_new_workspace_dialog_init (AbmNewWorkspaceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_changed (self);
}

AbmNewWorkspaceDialog *
abm_new_workspace_dialog_new (GtkWindow  *parent,
                              const char *currency)
{
  AbmNewWorkspaceDialog *self;
  guint n;

  self = g_object_new (ABM_TYPE_NEW_WORKSPACE_DIALOG, "transient-for", parent, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), currency) == 0)
      adw_combo_row_set_selected (self->currency_row, i);

  return self;
}
