/* abm-coverage-rules-dialog.c: which committee roles count, and how much
 *
 * Every change is stored as it is made (the workspace saves the rules
 * when they change). Each role's row says what share of the score its
 * weight makes, so the user sees what "3" means next to the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-a11y.h"
#include "abm-coverage-rules-dialog.h"

struct _AbmCoverageRulesDialog
{
  AdwPreferencesWindow  parent_instance;

  AbmWorkspace         *workspace;
  gboolean              loading;
  AdwActionRow         *role_rows[ABM_N_ROLES];
  GtkSpinButton        *weight_spins[ABM_N_ROLES];

  /* Template widgets */
  GtkSpinButton        *recent_spin;
  AdwPreferencesGroup  *roles_group;
};

G_DEFINE_FINAL_TYPE (AbmCoverageRulesDialog, abm_coverage_rules_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static AbmCoverageRules *
get_rules (AbmCoverageRulesDialog *self)
{
  return abm_workspace_get_coverage_rules (self->workspace);
}

static void
update_shares (AbmCoverageRulesDialog *self)
{
  AbmCoverageRules *rules = get_rules (self);
  double total = 0;

  for (guint r = 0; r < ABM_N_ROLES; r++)
    total += abm_coverage_rules_get_weight (rules, r);
  for (guint r = 0; r < ABM_N_ROLES; r++)
    {
      double weight = abm_coverage_rules_get_weight (rules, r);
      g_autofree char *text = NULL;

      if (weight > 0)
        /* Translators: a role's share of the coverage score, "27% of the score" */
        text = g_strdup_printf (_("%.0f%% of the score"), 100 * weight / total);
      adw_action_row_set_subtitle (self->role_rows[r], text ? text : _("Not required"));
    }
}

static void
load (AbmCoverageRulesDialog *self)
{
  AbmCoverageRules *rules = get_rules (self);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->recent_spin, abm_coverage_rules_get_recent_days (rules));
  for (guint r = 0; r < ABM_N_ROLES; r++)
    gtk_spin_button_set_value (self->weight_spins[r], abm_coverage_rules_get_weight (rules, r));
  self->loading = FALSE;
  update_shares (self);
}

/* The spins' ranges are the rules' own, so the rules refuse nothing they
 * allow. */
static void
weight_changed (GtkSpinButton          *spin,
                AbmCoverageRulesDialog *self)
{
  AbmRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "abm-role"));

  if (self->loading || self->workspace == NULL)
    return;
  abm_coverage_rules_set_weight (get_rules (self), role, gtk_spin_button_get_value (spin), NULL);
  update_shares (self);
}

static void
recent_changed (AbmCoverageRulesDialog *self)
{
  if (self->loading || self->workspace == NULL)
    return;
  abm_coverage_rules_set_recent_days (get_rules (self), gtk_spin_button_get_value_as_int (self->recent_spin), NULL);
}

static void
add_role_rows (AbmCoverageRulesDialog *self)
{
  for (guint r = 0; r < ABM_N_ROLES; r++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, ABM_COVERAGE_MAX_WEIGHT, 1);
      /* Translators: the accessible name of a role's weight, "Weight of Champion" */
      g_autofree char *name = g_strdup_printf (_("Weight of %s"), abm_role_label (r));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_role_label (r));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->roles_group, row);
      g_object_set_data (G_OBJECT (spin), "abm-role", GUINT_TO_POINTER (r));
      g_signal_connect (spin, "value-changed", G_CALLBACK (weight_changed), self);
      self->role_rows[r] = ADW_ACTION_ROW (row);
      self->weight_spins[r] = GTK_SPIN_BUTTON (spin);
    }
}

AbmCoverageRulesDialog *
abm_coverage_rules_dialog_new (GtkWindow    *parent,
                               AbmWorkspace *ws)
{
  AbmCoverageRulesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ABM_IS_WORKSPACE (ws), NULL);

  self = g_object_new (ABM_TYPE_COVERAGE_RULES_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (ws);
  load (self);
  return self;
}

static void
abm_coverage_rules_dialog_dispose (GObject *object)
{
  AbmCoverageRulesDialog *self = ABM_COVERAGE_RULES_DIALOG (object);

  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (abm_coverage_rules_dialog_parent_class)->dispose (object);
}

static void
abm_coverage_rules_dialog_class_init (AbmCoverageRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_coverage_rules_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-coverage-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmCoverageRulesDialog, recent_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmCoverageRulesDialog, roles_group);
  gtk_widget_class_bind_template_callback (widget_class, recent_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
abm_coverage_rules_dialog_init (AbmCoverageRulesDialog *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  abm_a11y_name_window_parts (GTK_WIDGET (self));
  add_role_rows (self);
  self->loading = FALSE;
}
