/* abm-kpi-strip.c: an account's KPIs at a glance, above its pages
 *
 * Engagement with its trend, the journey stage, people reached, open
 * pipeline and won business: what a marketer asks of an account before
 * anything else. Each card says its number in words for screen readers
 * and explains it in its tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "abm-kpi-strip.h"
#include "abm-text.h"

struct _AbmKpiStrip
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  guint         refresh_idle;

  /* Template widgets */
  GtkFlowBox   *box;
};

G_DEFINE_FINAL_TYPE (AbmKpiStrip, abm_kpi_strip, ADW_TYPE_BIN)

static void
add_card (AbmKpiStrip *self,
          const char  *caption,
          const char  *value,
          const char  *detail,
          const char  *tooltip,
          const char  *style)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_label_new (caption);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *bottom = gtk_label_new (detail);
  g_autofree char *spoken = g_strdup_printf ("%s: %s, %s", caption, value, detail);
  g_autofree char *full_tooltip = g_strdup_printf ("%s\n%s", detail, tooltip);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "kpi-card");
  gtk_widget_add_css_class (top, "caption");
  gtk_widget_add_css_class (top, "dim-label");
  gtk_widget_add_css_class (number, "title-3");
  gtk_widget_add_css_class (bottom, "caption");
  if (style != NULL)
    gtk_widget_add_css_class (bottom, style);
  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (bottom), 0);
  /* Short enough that five fit a line beside the account list; the
   * tooltip has the whole sentence. */
  gtk_label_set_ellipsize (GTK_LABEL (bottom), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (top), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (bottom), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (top), 16);
  gtk_box_append (GTK_BOX (card), top);
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), bottom);
  gtk_widget_set_tooltip_text (card, full_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_flow_box_append (self->box, card);
}

static gboolean
refresh (gpointer data)
{
  AbmKpiStrip *self = data;
  g_autoptr(AbmEngagementSet) set = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *score = NULL, *trend = NULL, *people = NULL, *open = NULL, *won = NULL;
  g_autofree char *open_detail = NULL, *won_detail = NULL, *stage_detail = NULL;
  const AbmEngagement *e = NULL;
  static const AbmEngagement none;
  AbmDealSummary deals = { 0, };
  GPtrArray *opportunities;
  AbmJourneyStage stage;
  gboolean overridden;
  GtkWidget *child;
  const char *currency;
  double change;

  self->refresh_idle = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_flow_box_remove (self->box, child);
  if (self->workspace == NULL || self->account == NULL)
    return G_SOURCE_REMOVE;

  set = abm_workspace_compute_account_engagement (self->workspace, self->account, NULL);
  e = set ? abm_engagement_set_lookup (set, abm_account_get_id (self->account)) : NULL;
  if (e == NULL)
    e = &none;
  stage = abm_workspace_get_journey_stage (self->workspace, self->account, set, &overridden, &reason);
  opportunities = abm_workspace_get_all_opportunities (self->workspace, NULL);
  if (opportunities != NULL)
    abm_deal_summary_compute (opportunities, abm_account_get_id (self->account), abm_workspace_today (), &deals);
  currency = abm_workspace_get_currency (self->workspace);

  change = round (e->score) - round (e->score_before);
  score = g_strdup_printf ("%.0f", e->score);
  /* Translators: "▲ 8 · Heating up": the change over 14 days */
  trend = e->n_activities == 0 ? g_strdup (_("No activity yet"))
          : g_strdup_printf (_("%s %.0f · %s"), change > 0 ? "▲" : change < 0 ? "▼" : "▶",
                             fabs (change), abm_trend_label (e->trend));
  add_card (self, _("Engagement"), score, trend,
            _("Weighted, time-decayed activity of everyone at the account, 0 to 100; the change over 14 days "
              "tells whether it is heating up or cooling down"),
            e->trend == ABM_TREND_HEATING ? "success" : e->trend == ABM_TREND_COOLING ? "warning" : NULL);

  stage_detail = g_strdup (reason ? reason : "");
  add_card (self, overridden ? _("Stage (Set by Hand)") : _("Journey Stage"), abm_journey_stage_label (stage),
            stage_detail, _("Where the account is from target to customer, evaluated from its fit, activity and "
                            "deals unless set by hand on the Details page"), NULL);

  /* Translators: people reached in the last 30 and 90 days */
  people = g_strdup_printf ("%u · %u", e->reached_30, e->reached_90);
  add_card (self, _("People Reached"), people, _("in 30 · 90 days"),
            _("Distinct members of the buying committee with an activity in the last 30 and 90 days"), NULL);

  open = abm_text_compact_money (deals.open_amount, currency);
  open_detail = g_strdup_printf (g_dngettext (NULL, "%u open deal", "%u open deals", deals.n_open), deals.n_open);
  add_card (self, _("Open Pipeline"), open, open_detail, _("The amount of the account’s open opportunities"), NULL);

  won = abm_text_compact_money (deals.won_amount, currency);
  won_detail = g_strdup_printf (g_dngettext (NULL, "%u won · %u lost", "%u won · %u lost", deals.n_won),
                                deals.n_won, deals.n_lost);
  add_card (self, _("Won"), won, won_detail, _("The amount of the account’s won opportunities"), NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AbmKpiStrip *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

static void
account_data_changed (AbmKpiStrip *self,
                      gint64       account_id)
{
  if (self->account != NULL && (account_id == 0 || account_id == abm_account_get_id (self->account)))
    queue_refresh (self);
}

void
abm_kpi_strip_set_account (AbmKpiStrip  *self,
                           AbmWorkspace *workspace,
                           AbmAccount   *account)
{
  g_return_if_fail (ABM_IS_KPI_STRIP (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->account, account);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "activities-changed", G_CALLBACK (account_data_changed), self);
      g_signal_connect_swapped (workspace, "opportunities-changed", G_CALLBACK (account_data_changed), self);
      g_signal_connect_swapped (workspace, "setting-changed::engagement", G_CALLBACK (queue_refresh), self);
    }
  if (account != NULL)
    g_signal_connect_swapped (account, "notify", G_CALLBACK (queue_refresh), self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
}

static void
abm_kpi_strip_dispose (GObject *object)
{
  AbmKpiStrip *self = ABM_KPI_STRIP (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  G_OBJECT_CLASS (abm_kpi_strip_parent_class)->dispose (object);
}

static void
abm_kpi_strip_class_init (AbmKpiStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_kpi_strip_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-kpi-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmKpiStrip, box);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
abm_kpi_strip_init (AbmKpiStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
