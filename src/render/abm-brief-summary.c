/* abm-brief-summary.c: the program summary, read from the workspace
 *
 * The portfolio as an executive asks about it: how the tiers stand and
 * whether the team can work them, the KPIs of the quarter by tier, how
 * far the accounts have come, which accounts are hot and which are
 * cooling, and what next week's review will go through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-brief-private.h"
#include "abm-funnel-chart.h"
#include "abm-render-text.h"
#include "abm-tier-chart.h"

typedef struct {
  AbmWorkspace     *workspace;
  AbmPageFlow      *flow;
  GDateTime        *now;
  guint32           today;
  const char       *currency;
  AbmKpis          *kpis;
  AbmEngagementSet *engagement;
} Summary;

static char *
format_kpi (AbmKpi      kpi,
            double      value,
            const char *currency)
{
  switch (abm_kpi_definition (kpi)->unit)
    {
    case ABM_KPI_UNIT_SHARE:
      return abm_render_text_percent (value);
    case ABM_KPI_UNIT_MONEY:
      return abm_render_text_value (value, ABM_RENDER_UNIT_MONEY, currency);
    case ABM_KPI_UNIT_DAYS:
      return abm_render_text_value (value, ABM_RENDER_UNIT_DAYS, NULL);
    case ABM_KPI_UNIT_PEOPLE:
      return g_strdup_printf ("%.1f", value);
    case ABM_KPI_UNIT_RATIO:
      /* Translators: cost per amount of pipeline, "0.12 EUR" */
      return g_strdup_printf (value < 0.1 ? _("%.3f %s") : _("%.2f %s"), value, currency);
    case ABM_KPI_UNIT_COUNT:
    default:
      return abm_render_text_value (value, ABM_RENDER_UNIT_COUNT, NULL);
    }
}

static char *
kpi_cell (Summary *s,
          guint    scope,
          AbmKpi   kpi)
{
  double value = s->kpis->scopes[scope].values[kpi];

  return isnan (value) ? NULL : format_kpi (kpi, value, s->currency);
}

static void
add_overview (Summary *s)
{
  g_autofree char *line = NULL, *date = abm_brief_format_julian (s->today);
  g_autofree char *targets = kpi_cell (s, 0, ABM_KPI_TARGET_ACCOUNTS);
  g_autofree char *engaged = kpi_cell (s, 0, ABM_KPI_ENGAGED_SHARE);
  g_autofree char *pipeline = kpi_cell (s, 0, ABM_KPI_PIPELINE_CREATED);
  g_autofree char *win = kpi_cell (s, 0, ABM_KPI_WIN_RATE_ABM);
  g_autofree char *win_other = kpi_cell (s, 0, ABM_KPI_WIN_RATE_OTHER);
  g_autofree char *heat = NULL, *other = NULL;
  const AbmKpiScope *all = &s->kpis->scopes[0];

  abm_page_flow_heading (s->flow, ABM_FLOW_TITLE, abm_workspace_get_name (s->workspace));
  /* Translators: under the program summary's title, "Program summary · 2026-Q1 · as of 16 Mar 2026" */
  line = g_strdup_printf (_("Program summary · %s · as of %s"), s->kpis->period.label, date);
  abm_page_flow_text (s->flow, ABM_FLOW_BODY, ABM_FLOW_INK_DIM, 0, line);

  /* Translators: accounts heating up and cooling down, "4 heating · 2 cooling" */
  heat = g_strdup_printf (_("%u heating · %u cooling"), all->n_heating, all->n_cooling);
  /* Translators: the win rate of deals outside the program, for comparison */
  other = win_other != NULL ? g_strdup_printf (_("Other deals: %s"), win_other) : NULL;
  {
    const char *labels[] = { _("Target accounts"), _("Engaged"), _("Pipeline created"), _("Win rate (ABM)") };
    const char *values[] = { targets, engaged, pipeline, win };
    const char *captions[] = { heat, _("of the target accounts"), s->kpis->period.label, other };
    const AbmFlowInk inks[] = { ABM_FLOW_INK_DIM, ABM_FLOW_INK_DIM, ABM_FLOW_INK_DIM, ABM_FLOW_INK_DIM };

    abm_page_flow_space (s->flow, 4);
    abm_brief_add_tiles (s->flow, labels, values, captions, inks, G_N_ELEMENTS (labels));
  }
}

/* Tiers */

static void
render_tiers (gconstpointer  data,
              cairo_t       *cr,
              double         width,
              double         height)
{
  abm_tier_chart_render (data, cr, width, height);
}

static void
add_tiers (Summary *s)
{
  AbmTierRules *rules = abm_workspace_get_tier_rules (s->workspace);
  g_autoptr(GPtrArray) notes = NULL;
  GPtrArray *keep = g_ptr_array_new_with_free_func (g_free);
  AbmTierChartData data = { 0, };
  AbmTierSummary summary;

  abm_tier_summary_compute (&summary, abm_workspace_get_accounts (s->workspace), rules);
  data.currency = abm_brief_keep (keep, s->currency);
  data.untiered = summary.tiers[0].count;
  for (guint t = 0; t < ABM_TIER_CHART_N_TIERS; t++)
    {
      const AbmTierStats *stats = &summary.tiers[t + 1];

      data.tiers[t].count = stats->count;
      data.tiers[t].acv_total = stats->count > 0 ? stats->acv_total : -1;
      data.tiers[t].fit_average = abm_tier_stats_fit_average (stats);
    }
  abm_page_flow_heading (s->flow, ABM_FLOW_HEADING, _("Tiers"));
  abm_brief_add_chart (s->flow, 190, render_tiers, &data, sizeof data, keep);

  abm_page_flow_heading (s->flow, ABM_FLOW_SUBHEADING, _("Capacity warnings"));
  notes = abm_tier_summary_notes (&summary, rules, s->currency);
  for (guint i = 0; i < notes->len; i++)
    {
      AbmTierNote *note = notes->pdata[i];

      abm_page_flow_bullet (s->flow, ABM_FLOW_BODY, note->text);
    }
  if (notes->len == 0)
    abm_brief_add_empty (s->flow, _("None: every tier is within what the team can work."));
}

/* KPIs and the funnel */

static void
add_kpis (Summary *s)
{
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("KPI"), _("Kind"), _("All"), _("Tier 1"), _("Tier 2"), _("Tier 3") };
  const double widths[] = { 0.34, 0.14, 0.13, 0.13, 0.13, 0.13 };
  const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE };
  g_autofree char *title = NULL;

  /* Translators: a section of the program summary, "KPIs by tier, 2026-Q1" */
  title = g_strdup_printf (_("KPIs by tier, %s"), s->kpis->period.label);
  abm_page_flow_heading (s->flow, ABM_FLOW_HEADING, title);
  if (!(s->kpis->scopes[0].values[ABM_KPI_TARGET_ACCOUNTS] > 0))
    {
      abm_brief_add_empty (s->flow, _("No target accounts yet: tier accounts or mark them as targets to measure "
                                      "the program."));
      return;
    }
  for (AbmKpi k = 0; k < ABM_N_KPIS; k++)
    {
      const AbmKpiDefinition *d = abm_kpi_definition (k);

      g_ptr_array_add (cells, g_strdup (_(d->label)));
      g_ptr_array_add (cells, g_strdup (abm_kpi_indicator_label (d->indicator)));
      for (guint scope = 0; scope < ABM_KPIS_N_SCOPES; scope++)
        g_ptr_array_add (cells, kpi_cell (s, scope, k));
    }
  abm_brief_add_table (s->flow, cells, header, widths, numeric, G_N_ELEMENTS (header));
}

static void
render_funnel (gconstpointer  data,
               cairo_t       *cr,
               double         width,
               double         height)
{
  abm_funnel_chart_render (data, cr, width, height);
}

static void
add_funnel (Summary *s)
{
  GPtrArray *keep = g_ptr_array_new_with_free_func (g_free);
  AbmFunnelChartData data = { 0, };

  G_STATIC_ASSERT (ABM_N_FUNNEL_STEPS <= ABM_FUNNEL_CHART_MAX_STEPS);
  for (guint i = 0; i < ABM_N_FUNNEL_STEPS; i++)
    data.steps[i] = (AbmFunnelChartStep) { abm_brief_keep (keep, abm_funnel_step_label (i)),
                                           s->kpis->scopes[0].funnel[i] };
  data.n_steps = ABM_N_FUNNEL_STEPS;
  data.empty_text = abm_brief_keep (keep, _("No target accounts"));
  abm_page_flow_heading (s->flow, ABM_FLOW_HEADING, _("Funnel"));
  abm_brief_add_chart (s->flow, 180, render_funnel, &data, sizeof data, keep);
}

/* Accounts */

static void
add_accounts (Summary    *s,
              const char *title,
              GArray     *ids,
              const char *none)
{
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Account"), _("Tier"), _("Engagement"), _("Change in 14 days") };
  const double widths[] = { 0.46, 0.14, 0.18, 0.22 };
  const gboolean numeric[] = { FALSE, FALSE, TRUE, TRUE };

  abm_page_flow_heading (s->flow, ABM_FLOW_SUBHEADING, title);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      AbmAccount *account = abm_workspace_find_account_by_id (s->workspace, id);
      const AbmEngagement *e = s->engagement ? abm_engagement_set_lookup (s->engagement, id) : NULL;
      guint tier;

      if (account == NULL || e == NULL)
        continue;
      tier = abm_account_get_tier (account);
      g_ptr_array_add (cells, g_strdup (abm_account_get_name (account)));
      g_ptr_array_add (cells, tier > 0 ? g_strdup_printf (_("Tier %u"), tier) : NULL);
      g_ptr_array_add (cells, g_strdup_printf ("%.0f", e->score));
      g_ptr_array_add (cells, g_strdup_printf ("%+.0f", round (e->score) - round (e->score_before)));
    }
  if (cells->len == 0)
    abm_brief_add_empty (s->flow, none);
  else
    abm_brief_add_table (s->flow, cells, header, widths, numeric, G_N_ELEMENTS (header));
}

/* The agenda */

static char *
agenda_text (const AbmAgendaItem *item)
{
  switch (item->kind)
    {
    case ABM_AGENDA_PLAY:
      /* Translators: an overdue play on the review agenda, "Play: Direct mail to the CFO" */
      return g_strdup_printf (_("Play: %.*s"), (int) strcspn (item->text, "\n"), item->text);
    case ABM_AGENDA_STALE_PLAN:
      if (item->staleness == ABM_PLAN_REVIEW_DUE)
        return g_strdup (_("Plan: review due"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Plan: untouched for %d day",
                                           "Plan: untouched for %d days", item->days),
                              item->days);
    case ABM_AGENDA_STEP:
    default:
      return g_strdup (item->text);
    }
}

static void
add_agenda (Summary *s)
{
  g_autoptr(GDateTime) next_week = g_date_time_add_days (s->now, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = abm_workspace_get_agenda (s->workspace, next_week, &error);
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Account"), _("To review"), _("Owner"), _("Due") };
  const double widths[] = { 0.24, 0.42, 0.14, 0.2 };

  abm_page_flow_heading (s->flow, ABM_FLOW_HEADING, _("Next week’s review agenda"));
  if (items == NULL || items->len == 0)
    {
      abm_brief_add_empty (s->flow, items == NULL ? error->message : _("Nothing due: no steps, overdue plays or "
                                                                       "stale plans."));
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const AbmAgendaItem *item = items->pdata[i];
      g_autofree char *due = abm_brief_format_date (item->date);

      g_ptr_array_add (cells, g_strdup (item->subject));
      g_ptr_array_add (cells, agenda_text (item));
      g_ptr_array_add (cells, item->kind == ABM_AGENDA_PLAY ? g_strdup (abm_play_owner_label (item->team))
                                                            : g_strdup (item->owner));
      if (due != NULL && item->overdue)
        g_ptr_array_add (cells, g_strdup_printf (_("%s, overdue"), due));
      else
        g_ptr_array_add (cells, g_steal_pointer (&due));
    }
  abm_brief_add_table (s->flow, cells, header, widths, NULL, G_N_ELEMENTS (header));
}

AbmBriefDocument *
abm_brief_document_new_summary (AbmWorkspace          *workspace,
                                const AbmBriefOptions *options,
                                GError               **error)
{
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(AbmKpis) kpis = NULL;
  g_autoptr(AbmEngagementSet) engagement = NULL;
  g_autofree char *title = NULL;
  AbmPeriod period = { 0, };
  Summary s = { workspace };
  GDate today;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  /* Translators: the title of the program summary, "Program Summary: FY27 Enterprise Banking" */
  title = g_strdup_printf (_("Program Summary: %s"), abm_workspace_get_name (workspace));
  document = abm_brief_document_begin (workspace, options, title,
                                       _("Tiers, KPIs, the funnel, the accounts to watch and next week’s review"));
  s.flow = document->flow;
  s.now = document->created;
  s.today = abm_brief_julian_of_now (document->created);
  s.currency = abm_workspace_get_currency (workspace);

  g_date_clear (&today, 1);
  g_date_set_julian (&today, s.today);
  if (!abm_period_parse (NULL, &today, &period, error))
    return NULL;
  kpis = abm_workspace_compute_kpis (workspace, &period, s.today, error);
  abm_period_clear (&period);
  if (kpis == NULL)
    return NULL;
  engagement = abm_workspace_compute_engagement (workspace, s.today, error);
  if (engagement == NULL)
    return NULL;
  s.kpis = kpis;
  s.engagement = engagement;

  abm_page_flow_add_outline (s.flow, _("Overview"), 0);
  add_overview (&s);
  add_tiers (&s);
  add_kpis (&s);
  add_funnel (&s);
  abm_page_flow_heading (s.flow, ABM_FLOW_HEADING, _("Accounts to watch"));
  add_accounts (&s, _("Top accounts by engagement"), kpis->top, _("No engaged accounts yet."));
  add_accounts (&s, _("Heating up"), kpis->heating, _("None right now."));
  add_accounts (&s, _("Cooling down"), kpis->cooling, _("None right now."));
  add_agenda (&s);

  return g_steal_pointer (&document);
}
