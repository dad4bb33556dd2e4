/* abm-play-template-dialog.c: the plays a Tier 1 account or a cluster
 * starts with, edited
 *
 * Each play of the template is an expander row: its description, channel,
 * owner, target role, and when it starts and ends relative to the start
 * date. Every change is made to the workspace's template at once, which
 * stores itself; the rows are the same few fields over and over, so they
 * are made here rather than in the template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-play-template-dialog.h"

typedef enum {
  FIELD_DESCRIPTION,
  FIELD_CHANNEL,
  FIELD_OWNER,
  FIELD_ROLE,
  FIELD_OFFSET,
  FIELD_DURATION,
} Field;

struct _AbmPlayTemplateDialog
{
  AdwWindow            parent_instance;

  AbmWorkspace        *workspace;
  AbmPlayTemplate     *template;
  GPtrArray           *rows;

  /* Template widgets */
  AdwComboRow         *kind_row;
  AdwPreferencesGroup *steps_group;
  AdwToastOverlay     *toast_overlay;
};

G_DEFINE_FINAL_TYPE (AbmPlayTemplateDialog, abm_play_template_dialog, ADW_TYPE_WINDOW)

static char *
step_subtitle (const AbmPlayTemplateStep *step)
{
  /* TRANSLATORS: a template's play: channel · owner · from day N for M days */
  return g_strdup_printf (_("%s · %s · from day %u, for %u days"), abm_channel_label (step->channel),
                          abm_play_owner_label (step->owner), step->offset, step->duration);
}

static void
update_row (AdwExpanderRow            *row,
            const AbmPlayTemplateStep *step)
{
  g_autofree char *subtitle = step_subtitle (step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->description);
  adw_expander_row_set_subtitle (row, subtitle);
}

/* Copies the step at the field's index, changes the field from its
 * widget, and puts it back. */
static void
field_changed (GtkWidget             *widget,
               AbmPlayTemplateDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "abm-index"));
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "abm-field"));
  const AbmPlayTemplateStep *current;
  AbmPlayTemplateStep step;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;

  if (index >= abm_play_template_get_n_steps (self->template))
    return;
  current = abm_play_template_get_step (self->template, index);
  step = *current;
  switch (field)
    {
    case FIELD_DESCRIPTION:
      description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
      step.description = description;
      break;
    case FIELD_CHANNEL:
      step.channel = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
      break;
    case FIELD_OWNER:
      step.owner = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
      break;
    case FIELD_ROLE:
      /* The first choice is the whole account. */
      step.target_role = adw_combo_row_get_selected (ADW_COMBO_ROW (widget)) == 0
                         ? ABM_N_ROLES : adw_combo_row_get_selected (ADW_COMBO_ROW (widget)) - 1;
      break;
    case FIELD_OFFSET:
      step.offset = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget));
      break;
    case FIELD_DURATION:
    default:
      step.duration = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget));
      break;
    }
  if (!abm_play_template_replace_step (self->template, index, &step, &error))
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Change the Play"), error->message);
      if (field == FIELD_DESCRIPTION)
        gtk_editable_set_text (GTK_EDITABLE (widget), current->description);
      return;
    }
  update_row (self->rows->pdata[index], abm_play_template_get_step (self->template, index));
}

static GtkWidget *
combo_row (const char *title,
           GListModel *choices,
           guint       selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static GtkWidget *
days_row (const char *title,
          guint       value,
          GtkWidget **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = gtk_spin_button_new_with_range (0, ABM_PLAY_TEMPLATE_MAX_DAYS, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (*spin), value);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);
  return row;
}

static void
watch (AbmPlayTemplateDialog *self,
       GtkWidget             *widget,
       const char            *signal,
       guint                  index,
       Field                  field)
{
  g_object_set_data (G_OBJECT (widget), "abm-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (widget), "abm-field", GUINT_TO_POINTER (field));
  g_signal_connect (widget, signal, G_CALLBACK (field_changed), self);
}

static void refresh (AbmPlayTemplateDialog *self);

static void
undo_removal (AdwToast              *toast,
              AbmPlayTemplateDialog *self)
{
  AbmPlayTemplate *before = g_object_get_data (G_OBJECT (toast), "abm-template");
  AbmPlayTemplate *template = g_object_get_data (G_OBJECT (toast), "abm-target");

  /* The workspace stores the template on every change. */
  abm_play_template_assign (template, before);
  if (template == self->template)
    refresh (self);
}

/* A removed play can be put back from the toast. */
static void
remove_clicked (GtkButton             *button,
                AbmPlayTemplateDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-index"));
  g_autoptr(AbmPlayTemplate) before = abm_play_template_new (abm_play_template_get_kind (self->template));
  AdwToast *toast;

  abm_play_template_assign (before, self->template);
  toast = adw_toast_new_format (_("“%s” removed"), abm_play_template_get_step (self->template, index)->description);
  abm_play_template_remove_step (self->template, index);
  refresh (self);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "abm-template", g_steal_pointer (&before), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "abm-target", g_object_ref (self->template), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_removal), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
step_row (AbmPlayTemplateDialog *self,
          guint                  index)
{
  const AbmPlayTemplateStep *step = abm_play_template_get_step (self->template, index);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), step->description);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *description = adw_entry_row_new ();
  GtkWidget *channel, *owner, *role, *offset, *duration, *remove, *remove_row;

  for (AbmChannel c = 0; c < ABM_N_CHANNELS; c++)
    gtk_string_list_append (channels, abm_channel_label (c));
  for (AbmPlayOwner o = 0; o < ABM_PLAY_N_OWNERS; o++)
    gtk_string_list_append (owners, abm_play_owner_label (o));
  gtk_string_list_append (roles, _("The Whole Account"));
  for (AbmRole r = 0; r < ABM_N_ROLES; r++)
    gtk_string_list_append (roles, abm_role_label (r));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  update_row (ADW_EXPANDER_ROW (row), step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description), _("Description"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (description), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (description), step->description);
  watch (self, description, "apply", index, FIELD_DESCRIPTION);
  channel = combo_row (_("Channel"), G_LIST_MODEL (channels), step->channel);
  watch (self, channel, "notify::selected", index, FIELD_CHANNEL);
  owner = combo_row (_("Owner"), G_LIST_MODEL (owners), step->owner);
  watch (self, owner, "notify::selected", index, FIELD_OWNER);
  role = combo_row (_("Target Role"), G_LIST_MODEL (roles),
                    step->target_role >= ABM_N_ROLES ? 0 : step->target_role + 1);
  watch (self, role, "notify::selected", index, FIELD_ROLE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), channel);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), owner);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), role);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), days_row (_("Starts After (Days)"), step->offset, &offset));
  watch (self, offset, "value-changed", index, FIELD_OFFSET);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), days_row (_("Lasts (Days)"), step->duration, &duration));
  watch (self, duration, "value-changed", index, FIELD_DURATION);

  remove_row = adw_action_row_new ();
  remove = gtk_button_new_with_mnemonic (_("_Remove Play"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "abm-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
  return row;
}

static void
refresh (AbmPlayTemplateDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->steps_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; self->template != NULL && i < abm_play_template_get_n_steps (self->template); i++)
    {
      GtkWidget *row = step_row (self, i);

      adw_preferences_group_add (self->steps_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
kind_changed (AbmPlayTemplateDialog *self)
{
  if (self->workspace == NULL)
    return;
  g_set_object (&self->template,
                abm_workspace_get_play_template (self->workspace, adw_combo_row_get_selected (self->kind_row)));
  refresh (self);
}

static void
add_clicked (AbmPlayTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;
  AbmPlayTemplateStep step = {
    .channel = ABM_CHANNEL_EMAIL,
    .owner = ABM_PLAY_OWNER_MARKETING,
    .target_role = ABM_N_ROLES,
    .description = _("New play"),
    .offset = 0,
    .duration = 7,
  };

  if (self->template == NULL)
    return;
  if (!abm_play_template_add_step (self->template, &step, &error))
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Add a Play"), error->message);
      return;
    }
  refresh (self);
  adw_expander_row_set_expanded (g_ptr_array_index (self->rows, self->rows->len - 1), TRUE);
}

static void
abm_play_template_dialog_dispose (GObject *object)
{
  AbmPlayTemplateDialog *self = ABM_PLAY_TEMPLATE_DIALOG (object);

  g_clear_object (&self->template);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (abm_play_template_dialog_parent_class)->dispose (object);
}

static void
abm_play_template_dialog_class_init (AbmPlayTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_play_template_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-play-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmPlayTemplateDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayTemplateDialog, steps_group);
  gtk_widget_class_bind_template_child (widget_class, AbmPlayTemplateDialog, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
}

static void
abm_play_template_dialog_init (AbmPlayTemplateDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  for (AbmPlayTemplateKind k = 0; k < ABM_PLAY_N_TEMPLATES; k++)
    gtk_string_list_append (kinds, abm_play_template_kind_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

AbmPlayTemplateDialog *
abm_play_template_dialog_new (GtkWindow           *parent,
                              AbmWorkspace        *workspace,
                              AbmPlayTemplateKind  kind)
{
  AbmPlayTemplateDialog *self = g_object_new (ABM_TYPE_PLAY_TEMPLATE_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), self);

  self->workspace = g_object_ref (workspace);
  adw_combo_row_set_selected (self->kind_row, kind);
  kind_changed (self);
  return self;
}
