/* abm-tier-rules-dialog.c: how tiers are filled, and the team
 *
 * Every change is stored as it is made (the workspace saves the rules);
 * the first row says what Suggest Tiers would do with them, so a user sees
 * the effect of a weight or a threshold before applying anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-a11y.h"
#include "abm-tier-rules-dialog.h"

struct _AbmTierRulesDialog
{
  AdwPreferencesWindow  parent_instance;

  AbmWorkspace         *workspace;
  gboolean              loading;
  guint                 preview_idle;
  GtkDropDown          *mode_drops[3];
  GtkSpinButton        *value_spins[3];

  /* Template widgets */
  AdwActionRow         *preview_row;
  GtkSpinButton        *fit_spin;
  GtkSpinButton        *acv_spin;
  GtkSpinButton        *intent_spin;
  AdwPreferencesGroup  *tiers_group;
  GtkSpinButton        *aes_spin;
  GtkSpinButton        *marketers_spin;
  AdwActionRow         *min_acv_row;
  GtkSpinButton        *min_acv_spin;
};

G_DEFINE_FINAL_TYPE (AbmTierRulesDialog, abm_tier_rules_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static AbmTierRules *
get_rules (AbmTierRulesDialog *self)
{
  return abm_workspace_get_tier_rules (self->workspace);
}

static gboolean
update_preview (gpointer data)
{
  AbmTierRulesDialog *self = data;
  g_autoptr(AbmTierPlan) plan = NULL;
  g_autofree char *text = NULL;

  self->preview_idle = 0;
  plan = abm_tier_plan_new (get_rules (self), abm_workspace_get_accounts (self->workspace));
  text = g_strdup_printf (_("Tier 1: %u · Tier 2: %u · Tier 3: %u · not tiered: %u. "
                            "Suggest Tiers would move %u accounts."),
                          abm_tier_plan_count (plan, 1), abm_tier_plan_count (plan, 2),
                          abm_tier_plan_count (plan, 3), abm_tier_plan_count (plan, 0),
                          abm_tier_plan_count_changes (plan));
  adw_action_row_set_subtitle (self->preview_row, text);
  return G_SOURCE_REMOVE;
}

static void
queue_preview (AbmTierRulesDialog *self)
{
  if (self->preview_idle == 0)
    self->preview_idle = g_idle_add (update_preview, self);
}

/* A top-N tier counts accounts, a threshold tier a priority up to 100. */
static void
configure_value_spin (GtkSpinButton *spin,
                      AbmTierMode    mode)
{
  if (mode == ABM_TIER_TOP_N)
    {
      gtk_spin_button_set_range (spin, 0, ABM_TIER_RULES_MAX_COUNT);
      gtk_spin_button_set_increments (spin, 5, 50);
      gtk_spin_button_set_digits (spin, 0);
    }
  else
    {
      gtk_spin_button_set_range (spin, 0, 100);
      gtk_spin_button_set_increments (spin, 1, 10);
      gtk_spin_button_set_digits (spin, 0);
    }
}

static void
load (AbmTierRulesDialog *self)
{
  AbmTierRules *rules = get_rules (self);
  g_autofree char *title = NULL;

  self->loading = TRUE;
  gtk_spin_button_set_value (self->fit_spin, abm_tier_rules_get_weight (rules, ABM_PRIORITY_FIT));
  gtk_spin_button_set_value (self->acv_spin, abm_tier_rules_get_weight (rules, ABM_PRIORITY_ACV));
  gtk_spin_button_set_value (self->intent_spin, abm_tier_rules_get_weight (rules, ABM_PRIORITY_INTENT));
  for (guint i = 0; i < 3; i++)
    {
      AbmTierMode mode = abm_tier_rules_get_mode (rules, i + 1);

      gtk_drop_down_set_selected (self->mode_drops[i], mode == ABM_TIER_TOP_N ? 0 : 1);
      configure_value_spin (self->value_spins[i], mode);
      gtk_spin_button_set_value (self->value_spins[i], abm_tier_rules_get_value (rules, i + 1));
    }
  gtk_spin_button_set_value (self->aes_spin, abm_tier_rules_get_aes (rules));
  gtk_spin_button_set_value (self->marketers_spin, abm_tier_rules_get_marketers (rules));
  gtk_spin_button_set_value (self->min_acv_spin, abm_tier_rules_get_min_acv (rules));
  /* Translators: the minimum ACV and the workspace currency */
  title = g_strdup_printf (_("Minimum ACV for Tier 1 and 2 (%s)"), abm_workspace_get_currency (self->workspace));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->min_acv_row), title);
  self->loading = FALSE;
}

/* Stores what the widgets show; the rules refuse nothing the widgets'
 * ranges allow. */
static void
store (AbmTierRulesDialog *self)
{
  AbmTierRules *rules;

  if (self->loading || self->workspace == NULL)
    return;
  rules = get_rules (self);
  abm_tier_rules_set_weight (rules, ABM_PRIORITY_FIT, gtk_spin_button_get_value (self->fit_spin), NULL);
  abm_tier_rules_set_weight (rules, ABM_PRIORITY_ACV, gtk_spin_button_get_value (self->acv_spin), NULL);
  abm_tier_rules_set_weight (rules, ABM_PRIORITY_INTENT, gtk_spin_button_get_value (self->intent_spin), NULL);
  for (guint i = 0; i < 3; i++)
    {
      AbmTierMode mode = gtk_drop_down_get_selected (self->mode_drops[i]) == 0 ? ABM_TIER_TOP_N : ABM_TIER_THRESHOLD;

      if (mode != abm_tier_rules_get_mode (rules, i + 1))
        {
          /* A count is no priority: start the other way from its default. */
          self->loading = TRUE;
          configure_value_spin (self->value_spins[i], mode);
          gtk_spin_button_set_value (self->value_spins[i], mode == ABM_TIER_TOP_N ? (i == 0 ? 20 : 200) : 50);
          self->loading = FALSE;
        }
      abm_tier_rules_set_tier (rules, i + 1, mode, gtk_spin_button_get_value_as_int (self->value_spins[i]), NULL);
    }
  abm_tier_rules_set_team (rules, gtk_spin_button_get_value_as_int (self->aes_spin),
                           gtk_spin_button_get_value_as_int (self->marketers_spin), NULL);
  abm_tier_rules_set_min_acv (rules, gtk_spin_button_get_value (self->min_acv_spin), NULL);
}

static void
add_tier_rows (AbmTierRulesDialog *self)
{
  static const char *const titles[3] = {
    N_("Tier 1 · One-to-One"), N_("Tier 2 · One-to-Few"), N_("Tier 3 · One-to-Many"),
  };
  static const char *const subtitles[3] = {
    N_("Strategic accounts, each with its own plan: about 5–30"),
    N_("Clusters of similar accounts: 50–500 in all"),
    N_("Programmatic reach: hundreds to thousands"),
  };
  const char *const modes[] = { _("Top Accounts"), _("Minimum Priority"), NULL };

  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *drop = gtk_drop_down_new_from_strings (modes);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, ABM_TIER_RULES_MAX_COUNT, 1);
      g_autofree char *drop_name = g_strdup_printf (_("How Tier %u is filled"), i + 1);
      g_autofree char *spin_name = g_strdup_printf (_("Tier %u size or minimum priority"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(subtitles[i]));
      gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, drop_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->tiers_group, row);
      self->mode_drops[i] = GTK_DROP_DOWN (drop);
      self->value_spins[i] = GTK_SPIN_BUTTON (spin);
      g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (store), self);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (store), self);
    }
}

AbmTierRulesDialog *
abm_tier_rules_dialog_new (GtkWindow    *parent,
                           AbmWorkspace *workspace)
{
  AbmTierRulesDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_TIER_RULES_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  load (self);
  g_signal_connect_object (get_rules (self), "changed", G_CALLBACK (queue_preview), self, G_CONNECT_SWAPPED);
  update_preview (self);
  return self;
}

static void
abm_tier_rules_dialog_dispose (GObject *object)
{
  AbmTierRulesDialog *self = ABM_TIER_RULES_DIALOG (object);

  g_clear_handle_id (&self->preview_idle, g_source_remove);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (abm_tier_rules_dialog_parent_class)->dispose (object);
}

static void
abm_tier_rules_dialog_class_init (AbmTierRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_tier_rules_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-tier-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, preview_row);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, fit_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, acv_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, intent_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, aes_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, marketers_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, min_acv_row);
  gtk_widget_class_bind_template_child (widget_class, AbmTierRulesDialog, min_acv_spin);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
abm_tier_rules_dialog_init (AbmTierRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  abm_a11y_name_window_parts (GTK_WIDGET (self));
  add_tier_rows (self);
  self->loading = TRUE;
  g_signal_connect_swapped (self->fit_spin, "value-changed", G_CALLBACK (store), self);
  g_signal_connect_swapped (self->acv_spin, "value-changed", G_CALLBACK (store), self);
  g_signal_connect_swapped (self->intent_spin, "value-changed", G_CALLBACK (store), self);
  g_signal_connect_swapped (self->aes_spin, "value-changed", G_CALLBACK (store), self);
  g_signal_connect_swapped (self->marketers_spin, "value-changed", G_CALLBACK (store), self);
  g_signal_connect_swapped (self->min_acv_spin, "value-changed", G_CALLBACK (store), self);
  self->loading = FALSE;
}
