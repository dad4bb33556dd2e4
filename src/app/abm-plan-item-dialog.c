/* abm-plan-item-dialog.c: a vendor, a trigger event or a next step
 *
 * One dialog for the three dated lists of a plan, adding (no item) or
 * editing one: the fields are checked as they are typed with the same
 * rules the workspace stores by, so "Save" is only offered for what it
 * will take.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-plan-item-dialog.h"

struct _AbmPlanItemDialog
{
  AdwMessageDialog  parent_instance;

  AbmWorkspace     *workspace;
  AbmPlan          *plan;
  AbmPlanItem      *item;      /* NULL when adding */
  AbmPlanItem      *draft;

  /* Template widgets */
  AdwEntryRow      *text_row;
  AdwComboRow      *trigger_row;
  AdwEntryRow      *owner_row;
  AdwEntryRow      *date_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (AbmPlanItemDialog, abm_plan_item_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Fills the draft from the fields; returns the first problem, if any,
 * "" for a field not filled in yet. */
static char *
check (AbmPlanItemDialog *self)
{
  g_autoptr(GError) error = NULL;
  AbmPlanItemKind kind = abm_plan_item_get_kind (self->draft);

  if (!abm_plan_item_set_date (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &error))
    return g_strdup (error->message);
  if (kind == ABM_PLAN_ITEM_STEP
      && !abm_plan_item_set_owner (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->owner_row)), &error))
    return g_strdup (error->message);
  if (kind == ABM_PLAN_ITEM_EVENT)
    abm_plan_item_set_trigger (self->draft, adw_combo_row_get_selected (self->trigger_row));
  if (!abm_plan_item_set_text (self->draft, gtk_editable_get_text (GTK_EDITABLE (self->text_row)), &error))
    return g_strdup ("");
  return NULL;
}

static void
fields_changed (AbmPlanItemDialog *self)
{
  g_autofree char *problem = check (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", problem == NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL && *problem != '\0');
}

static void
abm_plan_item_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  AbmPlanItemDialog *self = ABM_PLAN_ITEM_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || (problem = check (self)) != NULL)
    return;

  if (self->item != NULL)
    ok = abm_workspace_update_plan_item (self->workspace, self->plan, self->item, self->draft, &error);
  else
    ok = abm_workspace_add_plan_item (self->workspace, self->plan, self->draft, &error) != NULL;
  if (!ok)
    abm_message_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                      _("Could Not Save"), error->message);
}

static void
abm_plan_item_dialog_dispose (GObject *object)
{
  AbmPlanItemDialog *self = ABM_PLAN_ITEM_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->plan);
  g_clear_object (&self->item);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (abm_plan_item_dialog_parent_class)->dispose (object);
}

static void
abm_plan_item_dialog_class_init (AbmPlanItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_plan_item_dialog_dispose;
  dialog_class->response = abm_plan_item_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-plan-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmPlanItemDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanItemDialog, trigger_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanItemDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanItemDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanItemDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
}

static void
abm_plan_item_dialog_init (AbmPlanItemDialog *self)
{
  g_autoptr(GtkStringList) triggers = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (AbmTrigger t = 0; t < ABM_N_TRIGGERS; t++)
    gtk_string_list_append (triggers, abm_trigger_label (t));
  adw_combo_row_set_model (self->trigger_row, G_LIST_MODEL (triggers));
}

AbmPlanItemDialog *
abm_plan_item_dialog_new (GtkWindow       *parent,
                          AbmWorkspace    *workspace,
                          AbmPlan         *plan,
                          AbmPlanItemKind  kind,
                          AbmPlanItem     *item)
{
  static const struct {
    const char *add, *edit, *text, *date;
  } labels[ABM_PLAN_N_ITEM_KINDS] = {
    [ABM_PLAN_ITEM_VENDOR] = { N_("Add Vendor"), N_("Edit Vendor"), N_("Vendor and What It Supplies"), N_("Renewal Date (YYYY-MM-DD)") },
    [ABM_PLAN_ITEM_EVENT]  = { N_("Add Trigger Event"), N_("Edit Trigger Event"), N_("What Happened"), N_("Date (YYYY-MM-DD)") },
    [ABM_PLAN_ITEM_STEP]   = { N_("Add Next Step"), N_("Edit Next Step"), N_("Step"), N_("Due Date (YYYY-MM-DD)") },
  };
  AbmPlanItemDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ABM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind < ABM_PLAN_N_ITEM_KINDS, NULL);

  self = g_object_new (ABM_TYPE_PLAN_ITEM_DIALOG, "transient-for", parent,
                       "heading", _(item ? labels[kind].edit : labels[kind].add), NULL);
  self->workspace = g_object_ref (workspace);
  self->plan = g_object_ref (plan);
  self->item = item ? g_object_ref (item) : NULL;
  self->draft = item ? abm_plan_item_copy (item) : abm_plan_item_new (kind);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _(labels[kind].text));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _(labels[kind].date));
  gtk_widget_set_visible (GTK_WIDGET (self->trigger_row), kind == ABM_PLAN_ITEM_EVENT);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_row), kind == ABM_PLAN_ITEM_STEP);
  if (item != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->text_row), abm_plan_item_get_text (item));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), abm_plan_item_get_date (item) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->owner_row), abm_plan_item_get_owner (item) ?: "");
      adw_combo_row_set_selected (self->trigger_row, abm_plan_item_get_trigger (item));
    }
  fields_changed (self);
  return self;
}
