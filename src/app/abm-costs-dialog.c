/* abm-costs-dialog.c: what the program cost, per tier and period
 *
 * Setting a tier's cost for a period it already has replaces it; the bin
 * removes one. The list follows the workspace, so a change from abmctl
 * or another window shows too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-a11y.h"
#include "abm-costs-dialog.h"
#include "abm-message.h"
#include "abm-text.h"

struct _AbmCostsDialog
{
  AdwPreferencesWindow  parent_instance;

  AbmWorkspace         *workspace;
  GPtrArray            *rows;

  /* Template widgets */
  AdwEntryRow          *period_row;
  AdwComboRow          *tier_row;
  AdwEntryRow          *amount_row;
  GtkButton            *add_button;
  AdwPreferencesGroup  *costs_group;
};

G_DEFINE_FINAL_TYPE (AbmCostsDialog, abm_costs_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
read_amount (AbmCostsDialog *self,
             double         *amount)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  char *end;

  g_strdelimit (text, ",", '.');
  *amount = g_ascii_strtod (text, &end);
  return *text != '\0' && *end == '\0' && *amount >= 0;
}

static void
fields_changed (AbmCostsDialog *self)
{
  double amount;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            !abm_workspace_get_read_only (self->workspace) && read_amount (self, &amount)
                            && *gtk_editable_get_text (GTK_EDITABLE (self->period_row)) != '\0');
}

static void
remove_clicked (GtkButton      *button,
                AbmCostsDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!abm_workspace_set_program_cost (self->workspace,
                                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-tier")),
                                       g_object_get_data (G_OBJECT (button), "abm-period"), -1, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Remove the Cost"), error->message);
}

static void
refresh (AbmCostsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) costs = abm_workspace_get_program_costs (self->workspace, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->costs_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; costs != NULL && i < costs->len; i++)
    {
      AbmProgramCost *cost = &g_array_index (costs, AbmProgramCost, i);
      g_autofree char *who = cost->tier ? g_strdup_printf (_("Tier %u"), cost->tier) : g_strdup (_("The whole program"));
      g_autofree char *title = g_strdup_printf ("%s · %s", cost->period, who);
      g_autofree char *amount = abm_text_format_money (cost->amount, abm_workspace_get_currency (self->workspace));
      g_autofree char *remove_label = g_strdup_printf (_("Remove the cost of %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_sensitive (remove, !abm_workspace_get_read_only (self->workspace));
      g_object_set_data (G_OBJECT (remove), "abm-tier", GUINT_TO_POINTER (cost->tier));
      g_object_set_data_full (G_OBJECT (remove), "abm-period", g_strdup (cost->period), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->costs_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (self->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), costs ? _("No costs entered") : _("Could not read the costs"));
      if (error != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (self->costs_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
add_clicked (AbmCostsDialog *self)
{
  g_autoptr(GError) error = NULL;
  double amount;

  if (!read_amount (self, &amount))
    return;
  if (!abm_workspace_set_program_cost (self->workspace, adw_combo_row_get_selected (self->tier_row),
                                       gtk_editable_get_text (GTK_EDITABLE (self->period_row)), amount, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Set the Cost"), error->message);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
}

AbmCostsDialog *
abm_costs_dialog_new (GtkWindow    *parent,
                      AbmWorkspace *workspace)
{
  AbmCostsDialog *self;
  AbmPeriod quarter = { 0, };
  GDate today;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_COSTS_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "setting-changed::program-costs", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_date_clear (&today, 1);
  g_date_set_julian (&today, abm_workspace_today ());
  if (abm_period_parse (NULL, &today, &quarter, NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->period_row), quarter.label);
  abm_period_clear (&quarter);
  refresh (self);
  fields_changed (self);
  return self;
}

static void
abm_costs_dialog_dispose (GObject *object)
{
  AbmCostsDialog *self = ABM_COSTS_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (abm_costs_dialog_parent_class)->dispose (object);
}

static void
abm_costs_dialog_class_init (AbmCostsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_costs_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-costs-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmCostsDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, AbmCostsDialog, tier_row);
  gtk_widget_class_bind_template_child (widget_class, AbmCostsDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, AbmCostsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AbmCostsDialog, costs_group);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
}

static void
abm_costs_dialog_init (AbmCostsDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  abm_a11y_name_window_parts (GTK_WIDGET (self));
}
