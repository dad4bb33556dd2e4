/* abm-engagement-rules-dialog.c: the weights and thresholds of engagement
 *
 * Every value is a spin button whose range is the rules' own, stored as
 * it changes (the workspace keeps every edit), so scores, stages and the
 * dashboard follow at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-a11y.h"
#include "abm-engagement-rules-dialog.h"
#include "abm-message.h"

typedef enum {
  SETTING_HALF_LIFE,
  SETTING_SATURATION,
  SETTING_ENGAGED_SCORE,
  SETTING_ENGAGED_PEOPLE,
  SETTING_TREND,
  SETTING_SPIKE,
  SETTING_WEIGHT,     /* + kind */
  SETTING_ROLE,       /* + role */
  SETTING_TIER,       /* + tier */
} Setting;

struct _AbmEngagementRulesDialog
{
  AdwPreferencesWindow  parent_instance;

  AbmWorkspace         *workspace;

  /* Template widgets */
  AdwPreferencesGroup  *score_group;
  AdwPreferencesGroup  *stage_group;
  AdwPreferencesGroup  *weights_group;
  AdwPreferencesGroup  *roles_group;
  AdwPreferencesGroup  *tiers_group;
};

G_DEFINE_FINAL_TYPE (AbmEngagementRulesDialog, abm_engagement_rules_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
apply (AbmEngagementRules *rules,
       Setting             setting,
       guint               which,
       double              value,
       GError            **error)
{
  switch (setting)
    {
    case SETTING_HALF_LIFE:
      return abm_engagement_rules_set_half_life (rules, (guint) value, error);
    case SETTING_SATURATION:
      return abm_engagement_rules_set_saturation (rules, value, error);
    case SETTING_ENGAGED_SCORE:
      return abm_engagement_rules_set_engaged_score (rules, value, error);
    case SETTING_ENGAGED_PEOPLE:
      return abm_engagement_rules_set_engaged_people (rules, (guint) value, error);
    case SETTING_TREND:
      return abm_engagement_rules_set_trend_threshold (rules, value, error);
    case SETTING_SPIKE:
      return abm_engagement_rules_set_spike_ratio (rules, value, error);
    case SETTING_WEIGHT:
      return abm_engagement_rules_set_weight (rules, which, value, error);
    case SETTING_ROLE:
      return abm_engagement_rules_set_role_multiplier (rules, which, value, error);
    case SETTING_TIER:
    default:
      return abm_engagement_rules_set_tier_multiplier (rules, which, value, error);
    }
}

static double
current (AbmEngagementRules *rules,
         Setting             setting,
         guint               which)
{
  switch (setting)
    {
    case SETTING_HALF_LIFE:
      return abm_engagement_rules_get_half_life (rules);
    case SETTING_SATURATION:
      return abm_engagement_rules_get_saturation (rules);
    case SETTING_ENGAGED_SCORE:
      return abm_engagement_rules_get_engaged_score (rules);
    case SETTING_ENGAGED_PEOPLE:
      return abm_engagement_rules_get_engaged_people (rules);
    case SETTING_TREND:
      return abm_engagement_rules_get_trend_threshold (rules);
    case SETTING_SPIKE:
      return abm_engagement_rules_get_spike_ratio (rules);
    case SETTING_WEIGHT:
      return abm_engagement_rules_get_weight (rules, which);
    case SETTING_ROLE:
      return abm_engagement_rules_get_role_multiplier (rules, which);
    case SETTING_TIER:
    default:
      return abm_engagement_rules_get_tier_multiplier (rules, which);
    }
}

static void
value_changed (GtkSpinButton            *spin,
               AbmEngagementRulesDialog *self)
{
  Setting setting = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "abm-setting"));
  guint which = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "abm-which"));
  g_autoptr(AbmEngagementRules) rules = abm_engagement_rules_new ();
  g_autoptr(GError) error = NULL;

  abm_engagement_rules_assign (rules, abm_workspace_get_engagement_rules (self->workspace));
  if (current (rules, setting, which) == gtk_spin_button_get_value (spin))
    return;
  if (!apply (rules, setting, which, gtk_spin_button_get_value (spin), &error)
      || !abm_workspace_set_engagement_rules (self->workspace, rules, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Change the Scoring"), error->message);
}

static void
add_spin_row (AbmEngagementRulesDialog *self,
              AdwPreferencesGroup      *group,
              const char               *title,
              const char               *subtitle,
              Setting                   setting,
              guint                     which,
              double                    lower,
              double                    upper,
              double                    step,
              guint                     digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             current (abm_workspace_get_engagement_rules (self->workspace), setting, which));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (spin), "abm-setting", GUINT_TO_POINTER (setting));
  g_object_set_data (G_OBJECT (spin), "abm-which", GUINT_TO_POINTER (which));
  g_signal_connect (spin, "value-changed", G_CALLBACK (value_changed), self);
  gtk_widget_set_sensitive (spin, !abm_workspace_get_read_only (self->workspace));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
}

AbmEngagementRulesDialog *
abm_engagement_rules_dialog_new (GtkWindow    *parent,
                                 AbmWorkspace *workspace)
{
  AbmEngagementRulesDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_ENGAGEMENT_RULES_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);

  add_spin_row (self, self->score_group, _("Half-Life"), _("Days after which an activity counts half"),
                SETTING_HALF_LIFE, 0, 1, ABM_ENGAGEMENT_MAX_HALF_LIFE, 1, 0);
  add_spin_row (self, self->score_group, _("Points for a Score of 50"), NULL, SETTING_SATURATION, 0, 1, 10000, 5, 0);
  add_spin_row (self, self->stage_group, _("Engaged From Score"), NULL, SETTING_ENGAGED_SCORE, 0, 1, 100, 1, 0);
  add_spin_row (self, self->stage_group, _("Or People Reached in 90 Days"), NULL, SETTING_ENGAGED_PEOPLE, 0, 1, 100, 1, 0);
  add_spin_row (self, self->stage_group, _("Change That Counts as a Trend"), _("Score points over 14 days"),
                SETTING_TREND, 0, 1, 100, 1, 0);
  add_spin_row (self, self->stage_group, _("Spike"), _("This week against the average of the four weeks before"),
                SETTING_SPIKE, 0, 1.1, 100, 0.1, 1);
  for (AbmActivityKind k = 0; k < ABM_N_ACTIVITY_KINDS; k++)
    add_spin_row (self, self->weights_group, abm_activity_kind_label (k), NULL, SETTING_WEIGHT, k,
                  0, ABM_ENGAGEMENT_MAX_WEIGHT, 0.5, 1);
  for (AbmRole r = 0; r < ABM_N_ROLES; r++)
    add_spin_row (self, self->roles_group, abm_role_label (r), NULL, SETTING_ROLE, r,
                  0, ABM_ENGAGEMENT_MAX_MULTIPLIER, 0.25, 2);
  for (guint t = 1; t <= 3; t++)
    {
      g_autofree char *title = g_strdup_printf (_("Tier %u"), t);
      add_spin_row (self, self->tiers_group, title, NULL, SETTING_TIER, t, 0, ABM_ENGAGEMENT_MAX_MULTIPLIER, 0.25, 2);
    }
  return self;
}

static void
abm_engagement_rules_dialog_dispose (GObject *object)
{
  AbmEngagementRulesDialog *self = ABM_ENGAGEMENT_RULES_DIALOG (object);

  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (abm_engagement_rules_dialog_parent_class)->dispose (object);
}

static void
abm_engagement_rules_dialog_class_init (AbmEngagementRulesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_engagement_rules_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-engagement-rules-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmEngagementRulesDialog, score_group);
  gtk_widget_class_bind_template_child (widget_class, AbmEngagementRulesDialog, stage_group);
  gtk_widget_class_bind_template_child (widget_class, AbmEngagementRulesDialog, weights_group);
  gtk_widget_class_bind_template_child (widget_class, AbmEngagementRulesDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, AbmEngagementRulesDialog, tiers_group);
}

static void
abm_engagement_rules_dialog_init (AbmEngagementRulesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  abm_a11y_name_window_parts (GTK_WIDGET (self));
}
