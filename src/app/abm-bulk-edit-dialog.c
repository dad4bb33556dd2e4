/* abm-bulk-edit-dialog.c: owners, stage, tier and cluster of many accounts at once
 *
 * What is left empty or "Unchanged" stays as each account has it. The
 * change is one transaction: all the selected accounts or none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-bulk-edit-dialog.h"

struct _AbmBulkEditDialog
{
  AdwMessageDialog  parent_instance;

  AbmWorkspace     *workspace;
  GPtrArray        *accounts;

  /* Template widgets */
  AdwEntryRow      *owner_ae_row;
  AdwEntryRow      *owner_marketer_row;
  AdwComboRow      *stage_row;
  AdwComboRow      *tier_row;
  AdwComboRow      *lock_row;
  AdwComboRow      *cluster_row;
  GtkStringList    *cluster_names;
  GArray           *cluster_ids;   /* gint64 for cluster_names after "Unchanged" and "None" */
};

G_DEFINE_FINAL_TYPE (AbmBulkEditDialog, abm_bulk_edit_dialog, ADW_TYPE_MESSAGE_DIALOG)

gboolean
abm_bulk_edit_dialog_apply (AbmBulkEditDialog  *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *ae = gtk_editable_get_text (GTK_EDITABLE (self->owner_ae_row));
  const char *marketer = gtk_editable_get_text (GTK_EDITABLE (self->owner_marketer_row));
  guint stage = adw_combo_row_get_selected (self->stage_row);
  guint tier = adw_combo_row_get_selected (self->tier_row);
  guint lock = adw_combo_row_get_selected (self->lock_row);
  guint cluster = adw_combo_row_get_selected (self->cluster_row);

  g_return_val_if_fail (ABM_IS_BULK_EDIT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      AbmAccount *values = abm_account_copy (self->accounts->pdata[i]);

      g_ptr_array_add (changes, values);
      if (*ae != '\0' && !abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_OWNER_AE, ae, error))
        return FALSE;
      if (*marketer != '\0'
          && !abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_OWNER_MARKETER, marketer, error))
        return FALSE;
      /* The stage list follows abm_account_stages(), after "Unchanged". */
      if (stage > 0 && !abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_STAGE,
                                                    abm_account_stages ()[stage - 1], error))
        return FALSE;
      if (tier > 0)
        {
          g_autofree char *text = g_strdup_printf ("%u", tier == 4 ? 0 : tier);

          if (!abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_TIER, text, error))
            return FALSE;
        }
      if (lock > 0)
        abm_account_set_tier_locked (values, lock == 1);
      /* "Unchanged", "None", then the clusters. */
      if (cluster > 0 && cluster - 1 < self->cluster_ids->len)
        abm_account_set_cluster_id (values, g_array_index (self->cluster_ids, gint64, cluster - 1));
    }

  return abm_workspace_apply_import (self->workspace, NULL, self->accounts, changes, error);
}

static void
abm_bulk_edit_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  AbmBulkEditDialog *self = ABM_BULK_EDIT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  if (!abm_bulk_edit_dialog_apply (self, &error))
    {
      /* This dialog closes: the message goes over the window under it. */
      abm_message_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                        _("Could Not Change the Accounts"), error->message);
    }
}

static void
abm_bulk_edit_dialog_dispose (GObject *object)
{
  AbmBulkEditDialog *self = ABM_BULK_EDIT_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->cluster_ids, g_array_unref);

  G_OBJECT_CLASS (abm_bulk_edit_dialog_parent_class)->dispose (object);
}

static void
abm_bulk_edit_dialog_class_init (AbmBulkEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_bulk_edit_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = abm_bulk_edit_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-bulk-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, owner_ae_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, owner_marketer_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, tier_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, lock_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBulkEditDialog, cluster_names);
}

static void
abm_bulk_edit_dialog_init (AbmBulkEditDialog *self)
{
  self->cluster_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmBulkEditDialog *
abm_bulk_edit_dialog_new (GtkWindow    *parent,
                          AbmWorkspace *workspace,
                          GPtrArray    *accounts)
{
  AbmBulkEditDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (accounts != NULL && accounts->len > 0, NULL);

  self = g_object_new (ABM_TYPE_BULK_EDIT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->accounts = g_ptr_array_ref (accounts);
  {
    GListModel *clusters = abm_workspace_get_clusters (workspace);
    gint64 none = 0;

    gtk_string_list_append (self->cluster_names, _("Unchanged"));
    gtk_string_list_append (self->cluster_names, _("None"));
    g_array_append_val (self->cluster_ids, none);
    for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
      {
        g_autoptr(AbmCluster) c = g_list_model_get_item (clusters, i);
        gint64 id = abm_cluster_get_id (c);

        gtk_string_list_append (self->cluster_names, abm_cluster_get_name (c));
        g_array_append_val (self->cluster_ids, id);
      }
  }
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (self),
                                     g_dngettext (GETTEXT_PACKAGE, "Change %u Account",
                                                  "Change %u Accounts", accounts->len),
                                     accounts->len);
  return self;
}
