/* abm-tier-panel.c: the Targets view's side panel on tiers and capacity
 *
 * Accounts, ACV potential and average fit per tier, accounts per account
 * executive, and the warnings of abm_tier_summary_notes(), kept current
 * as the list changes (once the list settles, not at every account).
 * Suggest Tiers asks first, says what will change, and can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-clusters-dialog.h"
#include "abm-snapshots-dialog.h"
#include "abm-text.h"
#include "abm-tier-chart-view.h"
#include "abm-tier-panel.h"
#include "abm-tier-rules-dialog.h"

struct _AbmTierPanel
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  guint         refresh_idle;
  GPtrArray    *tier_rows;
  GPtrArray    *note_rows;

  /* What the last suggestion changed, for Undo. */
  GPtrArray    *undo_accounts;
  GBytes       *undo_tiers;

  /* Template widgets */
  GtkLabel     *rules_label;
  GtkBox       *chart_box;
  GtkWidget    *chart;
  GtkListBox   *tiers_list;
  GtkListBox   *notes_list;
};

G_DEFINE_FINAL_TYPE (AbmTierPanel, abm_tier_panel, ADW_TYPE_BIN)

static const char *
tier_title (guint tier)
{
  switch (tier)
    {
    case 1:
      return _("Tier 1 · One-to-One");
    case 2:
      return _("Tier 2 · One-to-Few");
    case 3:
      return _("Tier 3 · One-to-Many");
    default:
      return _("Not Tiered");
    }
}

static char *
rule_text (AbmTierRules *rules,
           guint         tier)
{
  double value = abm_tier_rules_get_value (rules, tier);

  if (abm_tier_rules_get_mode (rules, tier) == ABM_TIER_TOP_N)
    /* Translators: how a tier is filled, "top 20" accounts by priority */
    return g_strdup_printf (_("top %u"), (guint) value);
  /* Translators: how a tier is filled, accounts with "priority ≥ 40" */
  return g_strdup_printf (_("priority ≥ %g"), value);
}

static void
clear_list (GtkListBox *list,
            GPtrArray  *rows)
{
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (GtkListBox *list,
         GPtrArray  *rows,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
  g_ptr_array_add (rows, row);
  return row;
}

static gboolean
refresh (gpointer data)
{
  AbmTierPanel *self = data;
  AbmTierRules *rules;
  AbmTierSummary summary;
  g_autoptr(GPtrArray) notes = NULL;
  const char *currency;

  self->refresh_idle = 0;
  clear_list (self->tiers_list, self->tier_rows);
  clear_list (self->notes_list, self->note_rows);
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;

  rules = abm_workspace_get_tier_rules (self->workspace);
  currency = abm_workspace_get_currency (self->workspace);
  abm_tier_summary_compute (&summary, abm_workspace_get_accounts (self->workspace), rules);

  {
    AbmTierChartData chart = { .untiered = summary.tiers[0].count, .currency = currency };

    for (guint t = 0; t < 3; t++)
      {
        const AbmTierStats *stats = &summary.tiers[t + 1];

        chart.tiers[t].count = stats->count;
        chart.tiers[t].acv_total = stats->count > 0 ? stats->acv_total : -1;
        chart.tiers[t].fit_average = abm_tier_stats_fit_average (stats);
      }
    abm_tier_chart_view_set_data (ABM_TIER_CHART_VIEW (self->chart), &chart);
  }

  {
    g_autofree char *r1 = rule_text (rules, 1);
    g_autofree char *r2 = rule_text (rules, 2);
    g_autofree char *r3 = rule_text (rules, 3);
    g_autofree char *text = g_strdup_printf (_("Rules: Tier 1 %s, Tier 2 %s, Tier 3 %s"), r1, r2, r3);

    gtk_label_set_text (self->rules_label, text);
  }

  for (guint tier = 1; tier <= 4; tier++)
    {
      const AbmTierStats *stats = &summary.tiers[tier % 4];
      double fit = abm_tier_stats_fit_average (stats);
      g_autofree char *money = abm_text_compact_money (stats->acv_total, currency);
      g_autofree char *count = g_strdup_printf ("%u", stats->count);
      g_autofree char *grouped = abm_text_group_digits (count);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      g_string_printf (subtitle, g_dngettext (NULL, "%s account", "%s accounts", stats->count), grouped);
      if (stats->count > 0)
        {
          g_string_append_printf (subtitle, " · %s", money);
          if (fit >= 0)
            g_string_append_printf (subtitle, _(" · fit %.0f"), fit);
        }
      if (stats->locked > 0)
        g_string_append_printf (subtitle, g_dngettext (NULL, " · %u locked", " · %u locked", stats->locked),
                                stats->locked);
      row = add_row (self->tiers_list, self->tier_rows, tier_title (tier % 4), subtitle->str);

      if (tier <= 2 && abm_tier_per_ae (&summary, rules, tier) >= 0)
        {
          g_autofree char *per_ae = g_strdup_printf (_("%.1f per AE"), abm_tier_per_ae (&summary, rules, tier));
          GtkWidget *label = gtk_label_new (per_ae);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
    }

  notes = abm_tier_summary_notes (&summary, rules, currency);
  for (guint i = 0; i < notes->len; i++)
    {
      AbmTierNote *note = notes->pdata[i];
      GtkWidget *row = add_row (self->notes_list, self->note_rows, note->text, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (note->level == ABM_TIER_NOTE_WARNING
                                                      ? "dialog-warning-symbolic"
                                                      : "dialog-information-symbolic");

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
      if (note->level == ABM_TIER_NOTE_WARNING)
        gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      note->level == ABM_TIER_NOTE_WARNING ? _("Warning") : _("Note"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), notes->len > 0);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AbmTierPanel *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

static void
forget_undo (AbmTierPanel *self)
{
  g_clear_pointer (&self->undo_accounts, g_ptr_array_unref);
  g_clear_pointer (&self->undo_tiers, g_bytes_unref);
}

static void
disconnect_workspace (AbmTierPanel *self)
{
  if (self->workspace == NULL)
    return;
  g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
  g_signal_handlers_disconnect_by_data (abm_workspace_get_tier_rules (self->workspace), self);
}

void
abm_tier_panel_set_workspace (AbmTierPanel *self,
                              AbmWorkspace *workspace)
{
  g_return_if_fail (ABM_IS_TIER_PANEL (self));

  if (self->workspace == workspace)
    return;
  disconnect_workspace (self);
  forget_undo (self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (abm_workspace_get_accounts (workspace), "items-changed",
                                G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (abm_workspace_get_tier_rules (workspace), "changed",
                                G_CALLBACK (queue_refresh), self);
    }
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
}

static void
undo_clicked (AdwToast     *toast,
              AbmTierPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (!abm_tier_panel_undo_suggestion (self, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Undo"), error->message);
}

gboolean
abm_tier_panel_suggest (AbmTierPanel  *self,
                        guint         *n_changed,
                        GError       **error)
{
  g_autoptr(AbmTierPlan) plan = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GByteArray) tiers = g_byte_array_new ();
  GtkWidget *overlay;
  guint changed = 0;
  guint n;

  g_return_val_if_fail (ABM_IS_TIER_PANEL (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  plan = abm_tier_plan_new (abm_workspace_get_tier_rules (self->workspace),
                            abm_workspace_get_accounts (self->workspace));
  /* What each account had, to put back. */
  n = abm_tier_plan_get_n_accounts (plan);
  for (guint i = 0; i < n; i++)
    {
      AbmAccount *account = abm_tier_plan_get_account (plan, i);
      guint8 tier = (guint8) abm_account_get_tier (account);

      if (tier == abm_tier_plan_get_tier (plan, i))
        continue;
      g_ptr_array_add (accounts, g_object_ref (account));
      g_byte_array_append (tiers, &tier, 1);
    }
  if (!abm_workspace_apply_tier_plan (self->workspace, plan, &changed, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;

  forget_undo (self);
  self->undo_accounts = g_steal_pointer (&accounts);
  self->undo_tiers = g_byte_array_free_to_bytes (g_steal_pointer (&tiers));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = changed == 0
                        ? adw_toast_new (_("Every account already has the tier the rules suggest"))
                        : adw_toast_new_format (g_dngettext (NULL, "%u account changed tier",
                                                             "%u accounts changed tier", changed),
                                                changed);

      if (changed > 0)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked), self, 0);
        }
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  return TRUE;
}

gboolean
abm_tier_panel_undo_suggestion (AbmTierPanel  *self,
                                GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (ABM_IS_TIER_PANEL (self), FALSE);

  if (self->workspace == NULL || self->undo_accounts == NULL)
    return TRUE;
  ok = abm_workspace_set_tiers (self->workspace, self->undo_accounts, self->undo_tiers, error);
  forget_undo (self);
  return ok;
}

static void
suggest_response (AdwMessageDialog *dialog,
                  const char       *response,
                  AbmTierPanel     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "suggest") == 0 && self->workspace != NULL
      && !abm_tier_panel_suggest (self, NULL, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Suggest Tiers"), error->message);
}

/* Says what the suggestion will do before it does it. */
static void
suggest_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AbmTierPanel *self = ABM_TIER_PANEL (widget);
  g_autoptr(AbmTierPlan) plan = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  AbmTierSummary summary;
  AdwMessageDialog *dialog;
  guint locked;

  if (self->workspace == NULL)
    return;
  plan = abm_tier_plan_new (abm_workspace_get_tier_rules (self->workspace),
                            abm_workspace_get_accounts (self->workspace));
  abm_tier_summary_compute (&summary, abm_workspace_get_accounts (self->workspace),
                            abm_workspace_get_tier_rules (self->workspace));
  locked = summary.tiers[0].locked + summary.tiers[1].locked + summary.tiers[2].locked + summary.tiers[3].locked;

  g_string_printf (body, _("The rules put %u accounts in Tier 1, %u in Tier 2 and %u in Tier 3; %u stay untiered."),
                   abm_tier_plan_count (plan, 1), abm_tier_plan_count (plan, 2),
                   abm_tier_plan_count (plan, 3), abm_tier_plan_count (plan, 0));
  g_string_append_c (body, ' ');
  g_string_append_printf (body, g_dngettext (NULL, "%u account changes tier.", "%u accounts change tier.",
                                             abm_tier_plan_count_changes (plan)),
                          abm_tier_plan_count_changes (plan));
  if (locked > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (NULL, "%u locked account keeps its tier.",
                                                 "%u locked accounts keep their tiers.", locked),
                              locked);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Suggest Tiers?"), body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "suggest", _("_Suggest Tiers"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "suggest", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "suggest");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (suggest_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rules_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AbmTierPanel *self = ABM_TIER_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace == NULL)
    return;
  gtk_window_present (GTK_WINDOW (abm_tier_rules_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->workspace)));
}

static void
clusters_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AbmTierPanel *self = ABM_TIER_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (abm_clusters_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             self->workspace)));
}

static void
snapshots_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AbmTierPanel *self = ABM_TIER_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (abm_snapshots_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                              self->workspace)));
}

static void
abm_tier_panel_dispose (GObject *object)
{
  AbmTierPanel *self = ABM_TIER_PANEL (object);

  disconnect_workspace (self);
  g_clear_object (&self->workspace);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  forget_undo (self);

  G_OBJECT_CLASS (abm_tier_panel_parent_class)->dispose (object);
}

static void
abm_tier_panel_finalize (GObject *object)
{
  AbmTierPanel *self = ABM_TIER_PANEL (object);

  g_ptr_array_unref (self->tier_rows);
  g_ptr_array_unref (self->note_rows);

  G_OBJECT_CLASS (abm_tier_panel_parent_class)->finalize (object);
}

static void
abm_tier_panel_class_init (AbmTierPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_tier_panel_dispose;
  object_class->finalize = abm_tier_panel_finalize;

  gtk_widget_class_install_action (widget_class, "tiers.suggest", NULL, suggest_activated);
  gtk_widget_class_install_action (widget_class, "tiers.rules", NULL, rules_activated);
  gtk_widget_class_install_action (widget_class, "tiers.clusters", NULL, clusters_activated);
  gtk_widget_class_install_action (widget_class, "tiers.snapshots", NULL, snapshots_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-tier-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmTierPanel, rules_label);
  gtk_widget_class_bind_template_child (widget_class, AbmTierPanel, chart_box);
  gtk_widget_class_bind_template_child (widget_class, AbmTierPanel, tiers_list);
  gtk_widget_class_bind_template_child (widget_class, AbmTierPanel, notes_list);
}

static void
abm_tier_panel_init (AbmTierPanel *self)
{
  self->tier_rows = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chart = abm_tier_chart_view_new ();
  gtk_box_append (self->chart_box, self->chart);
}
