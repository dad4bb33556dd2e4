/* abm-play-dialog.c: one play of an account or its cluster
 *
 * The target is the whole account, a committee role, or (for the
 * account's own plays) a person on its committee. The fields are checked
 * as they are typed, so "Save" is only offered for a play the workspace
 * will take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-play-dialog.h"

struct _AbmPlayDialog
{
  AdwMessageDialog  parent_instance;

  AbmWorkspace     *workspace;
  AbmPlay          *play;       /* NULL when adding */
  AbmPlay          *draft;
  GArray           *people;     /* stakeholder ids after the roles in the target list */

  /* Template widgets */
  AdwEntryRow      *description_row;
  AdwComboRow      *channel_row;
  AdwComboRow      *target_row;
  AdwComboRow      *owner_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *due_row;
  AdwComboRow      *status_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (AbmPlayDialog, abm_play_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The target list: the whole account, the roles, then the people. */
static void
read_target (AbmPlayDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    abm_play_set_target_role (self->draft, ABM_N_ROLES);
  else if (selected <= ABM_N_ROLES)
    abm_play_set_target_role (self->draft, selected - 1);
  else
    abm_play_set_target_stakeholder (self->draft, g_array_index (self->people, gint64, selected - 1 - ABM_N_ROLES));
}

static char *
check (AbmPlayDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  abm_play_set_channel (self->draft, adw_combo_row_get_selected (self->channel_row));
  abm_play_set_owner (self->draft, adw_combo_row_get_selected (self->owner_row));
  abm_play_set_status (self->draft, adw_combo_row_get_selected (self->status_row));
  read_target (self);
  if (!abm_play_set_dates (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->start_row)),
                           gtk_editable_get_text (GTK_EDITABLE (self->due_row)), &error))
    return g_strdup (error->message);
  /* Required to store, but not worth a complaint before it is typed. */
  description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  if (*description == '\0'
      || !abm_play_set_description (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->description_row)), &error))
    return g_strdup ("");
  return NULL;
}

static void
fields_changed (AbmPlayDialog *self)
{
  g_autofree char *problem = check (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", problem == NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL && *problem != '\0');
}

static void
abm_play_dialog_response (AdwMessageDialog *dialog,
                          const char       *response)
{
  AbmPlayDialog *self = ABM_PLAY_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || (problem = check (self)) != NULL)
    return;

  if (self->play != NULL)
    ok = abm_workspace_update_play (self->workspace, self->play, self->draft, &error);
  else
    ok = abm_workspace_add_play (self->workspace, self->draft, &error) != NULL;
  if (!ok)
    abm_message_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                      _("Could Not Save the Play"), error->message);
}

static void
abm_play_dialog_dispose (GObject *object)
{
  AbmPlayDialog *self = ABM_PLAY_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->play);
  g_clear_object (&self->draft);
  g_clear_pointer (&self->people, g_array_unref);

  G_OBJECT_CLASS (abm_play_dialog_parent_class)->dispose (object);
}

static void
abm_play_dialog_class_init (AbmPlayDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_play_dialog_dispose;
  dialog_class->response = abm_play_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-play-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
}

static void
abm_play_dialog_init (AbmPlayDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  for (AbmChannel c = 0; c < ABM_N_CHANNELS; c++)
    gtk_string_list_append (channels, abm_channel_label (c));
  for (AbmPlayOwner o = 0; o < ABM_PLAY_N_OWNERS; o++)
    gtk_string_list_append (owners, abm_play_owner_label (o));
  for (AbmPlayStatus s = 0; s < ABM_PLAY_N_STATUSES; s++)
    gtk_string_list_append (statuses, abm_play_status_label (s));
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

AbmPlayDialog *
abm_play_dialog_new (GtkWindow    *parent,
                     AbmWorkspace *workspace,
                     AbmAccount   *account,
                     AbmPlay      *play)
{
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  GListModel *people = NULL;
  AbmPlayDialog *self;
  guint selected = 0;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  self = g_object_new (ABM_TYPE_PLAY_DIALOG, "transient-for", parent,
                       "heading", play ? _("Edit Play") : _("Add Play"), NULL);
  self->workspace = g_object_ref (workspace);
  self->play = play ? g_object_ref (play) : NULL;
  if (play != NULL)
    self->draft = abm_play_copy (play);
  else
    {
      self->draft = abm_play_new ();
      abm_play_set_subject (self->draft, abm_account_get_id (account), 0);
    }

  /* A cluster's play aims at a role in each account, not at a person. */
  gtk_string_list_append (targets, _("Whole account"));
  for (AbmRole r = 0; r < ABM_N_ROLES; r++)
    gtk_string_list_append (targets, abm_role_label (r));
  if (abm_play_get_cluster_id (self->draft) == 0)
    people = abm_workspace_get_committee (workspace, account, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AbmStakeholder) person = g_list_model_get_item (people, i);
      gint64 id = abm_stakeholder_get_id (person);

      gtk_string_list_append (targets, abm_stakeholder_get_name (person));
      g_array_append_val (self->people, id);
      if (id == abm_play_get_target_stakeholder (self->draft))
        selected = ABM_N_ROLES + self->people->len;
    }
  if (abm_play_get_target_role (self->draft) < ABM_N_ROLES)
    selected = abm_play_get_target_role (self->draft) + 1;
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (targets));
  adw_combo_row_set_selected (self->target_row, selected);

  adw_combo_row_set_selected (self->channel_row, abm_play_get_channel (self->draft));
  adw_combo_row_set_selected (self->owner_row, abm_play_get_owner (self->draft));
  adw_combo_row_set_selected (self->status_row, abm_play_get_status (self->draft));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), abm_play_get_description (self->draft) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), abm_play_get_start (self->draft) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), abm_play_get_due (self->draft) ?: "");
  fields_changed (self);
  return self;
}
