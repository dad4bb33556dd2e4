/* abm-kpis.c: the program's account-level KPIs, defined once
 *
 * Each KPI's formula is written out in definitions[] below, in the words
 * the dashboard and the README show. Everything is counted over target
 * accounts, never over leads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-json.h"
#include "abm-kpis.h"

#define N_TIERS 3

G_DEFINE_QUARK (abm-kpis-error-quark, abm_kpis_error)

/* Periods */

static void
set_day (GDate *date,
         guint  day,
         guint  month,
         guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* @len ASCII digits, between @min and @max. */
static gboolean
read_digits (const char *text,
             gsize       len,
             guint       min,
             guint       max,
             guint      *value)
{
  guint v = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint) (text[i] - '0');
    }
  *value = v;
  return v >= min && v <= max;
}

static void
set_months (AbmPeriod *period,
            guint      year,
            guint      first,
            guint      last)
{
  set_day (&period->start, 1, first, year);
  set_day (&period->end, g_date_get_days_in_month ((GDateMonth) last, (GDateYear) year), last, year);
}

static gboolean
read_period (const char *text,
             AbmPeriod  *period)
{
  const char *dots = strstr (text, "..");
  gsize len = strlen (text);
  guint year, n;

  if (dots != NULL)
    {
      g_autofree char *from = g_strstrip (g_strndup (text, dots - text));
      g_autofree char *to = g_strstrip (g_strdup (dots + 2));

      return abm_date_parse (from, &period->start) && abm_date_parse (to, &period->end);
    }
  if (len < 4 || !read_digits (text, 4, 1900, 9999, &year))
    return FALSE;
  if (len == 4)
    {
      set_months (period, year, 1, 12);
      return TRUE;
    }
  if (len != 7 || text[4] != '-')
    return FALSE;
  if ((text[5] == 'Q' || text[5] == 'q') && read_digits (text + 6, 1, 1, 4, &n))
    {
      set_months (period, year, 3 * n - 2, 3 * n);
      return TRUE;
    }
  if (read_digits (text + 5, 2, 1, 12, &n))
    {
      set_months (period, year, n, n);
      return TRUE;
    }
  return FALSE;
}

gboolean
abm_period_parse (const char   *text,
                  const GDate  *today,
                  AbmPeriod    *period,
                  GError      **error)
{
  g_autofree char *clean = text ? g_strstrip (g_strdup (text)) : NULL;
  AbmPeriod read = { .label = NULL };

  g_return_val_if_fail (period != NULL, FALSE);

  g_date_clear (&read.start, 1);
  g_date_clear (&read.end, 1);
  if (clean == NULL || *clean == '\0')
    {
      GDate day;
      guint quarter;

      if (today != NULL && g_date_valid (today))
        day = *today;
      else
        abm_date_today (NULL, &day);
      quarter = (g_date_get_month (&day) - 1) / 3 + 1;
      g_free (clean);
      clean = g_strdup_printf ("%04u-Q%u", g_date_get_year (&day), quarter);
    }
  if (!g_utf8_validate (clean, -1, NULL) || !read_period (clean, &read))
    {
      g_autofree char *shown = g_utf8_make_valid (clean, -1);

      g_set_error (error, ABM_KPIS_ERROR, ABM_KPIS_ERROR_INVALID,
                   _("“%s” is not a period: write a quarter (2026-Q3), a month (2026-09), "
                     "a year (2026) or two days (2026-07-01..2026-09-30)"), shown);
      return FALSE;
    }
  if (g_date_compare (&read.start, &read.end) > 0)
    {
      g_autofree char *start = abm_date_format (&read.start);
      g_autofree char *end = abm_date_format (&read.end);

      g_set_error (error, ABM_KPIS_ERROR, ABM_KPIS_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s)"), end, start);
      return FALSE;
    }
  read.label = g_steal_pointer (&clean);
  *period = read;
  return TRUE;
}

void
abm_period_clear (AbmPeriod *period)
{
  g_clear_pointer (&period->label, g_free);
}

guint
abm_period_overlap (const AbmPeriod *period,
                    const GDate     *start,
                    const GDate     *end)
{
  guint32 from, to;

  g_return_val_if_fail (period != NULL && start != NULL && end != NULL, 0);

  if (!g_date_valid (&period->start) || !g_date_valid (&period->end) || !g_date_valid (start) || !g_date_valid (end))
    return 0;
  from = MAX (g_date_get_julian (&period->start), g_date_get_julian (start));
  to = MIN (g_date_get_julian (&period->end), g_date_get_julian (end));
  return to >= from ? to - from + 1 : 0;
}

void
abm_program_cost_clear (AbmProgramCost *cost)
{
  g_clear_pointer (&cost->period, g_free);
}

/* Definitions */

static const AbmKpiDefinition definitions[ABM_N_KPIS] = {
  [ABM_KPI_TARGET_ACCOUNTS] = {
    "target-accounts", N_("Target accounts"),
    N_("Accounts in Tier 1, 2 or 3 or marked as targets"),
    ABM_KPI_UNIT_COUNT, ABM_KPI_CONTEXT },
  [ABM_KPI_ENGAGED_SHARE] = {
    "engaged-share", N_("Engaged accounts"),
    N_("Target accounts at the engaged stage or beyond at the end of the period, divided by all target accounts"),
    ABM_KPI_UNIT_SHARE, ABM_KPI_LEADING },
  [ABM_KPI_PEOPLE_REACHED] = {
    "people-reached", N_("People reached"),
    N_("Different people with an activity in the 90 days up to the end of the period, "
       "on average per target account"),
    ABM_KPI_UNIT_PEOPLE, ABM_KPI_LEADING },
  [ABM_KPI_COVERAGE] = {
    "coverage", N_("Committee coverage"),
    N_("Buying committee coverage averaged over the target accounts; an account without it counts 0"),
    ABM_KPI_UNIT_SHARE, ABM_KPI_LEADING },
  [ABM_KPI_PIPELINE_CREATED] = {
    "pipeline-created", N_("Pipeline created"),
    N_("Sum of the amounts of the opportunities at target accounts created in the period"),
    ABM_KPI_UNIT_MONEY, ABM_KPI_LAGGING },
  [ABM_KPI_PIPELINE_PER_ACCOUNT] = {
    "pipeline-per-account", N_("Pipeline per account"),
    N_("Pipeline created divided by the target accounts"),
    ABM_KPI_UNIT_MONEY, ABM_KPI_LAGGING },
  [ABM_KPI_PENETRATION] = {
    "penetration", N_("Account penetration"),
    N_("Target accounts with an open opportunity at the end of the period, divided by all target accounts"),
    ABM_KPI_UNIT_SHARE, ABM_KPI_LAGGING },
  [ABM_KPI_WIN_RATE_ABM] = {
    "win-rate-abm", N_("Win rate, ABM"),
    N_("Opportunities sourced by the program and won in the period, divided by those won or lost in it"),
    ABM_KPI_UNIT_SHARE, ABM_KPI_LAGGING },
  [ABM_KPI_WIN_RATE_OTHER] = {
    "win-rate-other", N_("Win rate, other"),
    N_("Other opportunities won in the period, divided by those won or lost in it"),
    ABM_KPI_UNIT_SHARE, ABM_KPI_LAGGING },
  [ABM_KPI_DEAL_SIZE_ABM] = {
    "deal-size-abm", N_("Deal size, ABM"),
    N_("Average amount of the opportunities sourced by the program and won in the period"),
    ABM_KPI_UNIT_MONEY, ABM_KPI_LAGGING },
  [ABM_KPI_DEAL_SIZE_OTHER] = {
    "deal-size-other", N_("Deal size, other"),
    N_("Average amount of the other opportunities won in the period"),
    ABM_KPI_UNIT_MONEY, ABM_KPI_LAGGING },
  [ABM_KPI_VELOCITY_ABM] = {
    "velocity-abm", N_("Deal velocity, ABM"),
    N_("Average days from first engagement to close of the opportunities sourced by the program and won "
       "in the period; first engagement is the account’s first activity, or the opportunity’s creation "
       "if that came first"),
    ABM_KPI_UNIT_DAYS, ABM_KPI_LAGGING },
  [ABM_KPI_VELOCITY_OTHER] = {
    "velocity-other", N_("Deal velocity, other"),
    N_("Average days from first engagement to close of the other opportunities won in the period"),
    ABM_KPI_UNIT_DAYS, ABM_KPI_LAGGING },
  [ABM_KPI_PROGRAM_COST] = {
    "program-cost", N_("Program cost"),
    N_("Program costs in the period; a cost over another period counts by the share of its days in this one"),
    ABM_KPI_UNIT_MONEY, ABM_KPI_CONTEXT },
  [ABM_KPI_COST_PER_PIPELINE] = {
    "cost-per-pipeline", N_("Cost per pipeline"),
    N_("Program cost divided by pipeline created"),
    ABM_KPI_UNIT_RATIO, ABM_KPI_LAGGING },
};

const AbmKpiDefinition *
abm_kpi_definition (AbmKpi kpi)
{
  g_return_val_if_fail ((guint) kpi < ABM_N_KPIS, NULL);
  return &definitions[kpi];
}

static const struct {
  const char *key;
  const char *label;
} indicators[] = {
  [ABM_KPI_CONTEXT] = { "context", N_("Context") },
  [ABM_KPI_LEADING] = { "leading", N_("Leading") },
  [ABM_KPI_LAGGING] = { "lagging", N_("Lagging") },
};

const char *
abm_kpi_indicator_label (AbmKpiIndicator indicator)
{
  g_return_val_if_fail ((guint) indicator < G_N_ELEMENTS (indicators), NULL);
  return g_dgettext (GETTEXT_PACKAGE, indicators[indicator].label);
}

static const char *const unit_keys[] = {
  [ABM_KPI_UNIT_COUNT]  = "count",
  [ABM_KPI_UNIT_SHARE]  = "share",
  [ABM_KPI_UNIT_MONEY]  = "money",
  [ABM_KPI_UNIT_DAYS]   = "days",
  [ABM_KPI_UNIT_PEOPLE] = "people",
  [ABM_KPI_UNIT_RATIO]  = "ratio",
};

static const struct {
  const char      *key;
  const char      *label;
  AbmJourneyStage  stage;   /* reached by accounts at this stage or beyond */
} funnel_steps[ABM_N_FUNNEL_STEPS] = {
  [ABM_FUNNEL_TARGETS]     = { "targets", N_("Target accounts"), ABM_JOURNEY_TARGET },
  [ABM_FUNNEL_AWARE]       = { "aware", N_("Aware"), ABM_JOURNEY_AWARE },
  [ABM_FUNNEL_ENGAGED]     = { "engaged", N_("Engaged"), ABM_JOURNEY_ENGAGED },
  [ABM_FUNNEL_OPPORTUNITY] = { "opportunity", N_("Opportunity"), ABM_JOURNEY_OPPORTUNITY },
  [ABM_FUNNEL_CUSTOMER]    = { "customer", N_("Customer"), ABM_JOURNEY_CUSTOMER },
};

const char *
abm_funnel_step_key (AbmFunnelStep step)
{
  g_return_val_if_fail ((guint) step < ABM_N_FUNNEL_STEPS, NULL);
  return funnel_steps[step].key;
}

const char *
abm_funnel_step_label (AbmFunnelStep step)
{
  g_return_val_if_fail ((guint) step < ABM_N_FUNNEL_STEPS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, funnel_steps[step].label);
}

/* Deals */

/* An opportunity with its days read once: KPIs look at each many times. */
typedef struct {
  gint64                account_id;
  guint32               created;   /* Julian day; 0 unknown */
  guint32               closed;
  AbmOpportunityStatus  status;
  double                amount;
  gboolean              abm_sourced;
} Deal;

static guint32
julian_of (const char *text)
{
  GDate date;

  return abm_date_parse (text, &date) ? g_date_get_julian (&date) : 0;
}

static void
deal_read (Deal           *deal,
           AbmOpportunity *opportunity)
{
  deal->account_id = abm_opportunity_get_account_id (opportunity);
  deal->created = julian_of (abm_opportunity_get_created (opportunity));
  deal->closed = julian_of (abm_opportunity_get_closed (opportunity));
  deal->status = abm_opportunity_get_status (opportunity);
  deal->amount = abm_opportunity_get_amount (opportunity);
  deal->abm_sourced = abm_opportunity_get_abm_sourced (opportunity);
}

/* A deal of unknown creation has always been there; a won or lost one of
 * unknown closing has always been closed. */
static void
deal_summary_add (AbmDealSummary *summary,
                  const Deal     *deal,
                  guint32         day)
{
  if (deal->created > day)
    return;
  if (deal->status == ABM_OPPORTUNITY_OPEN || deal->closed > day)
    {
      summary->n_open++;
      summary->open_amount += deal->amount;
    }
  else if (deal->status == ABM_OPPORTUNITY_WON)
    {
      summary->n_won++;
      summary->won_amount += deal->amount;
    }
  else
    summary->n_lost++;
}

void
abm_deal_summary_compute (GPtrArray      *opportunities,
                          gint64          account_id,
                          guint32         day,
                          AbmDealSummary *summary)
{
  g_return_if_fail (opportunities != NULL);
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);
  for (guint i = 0; i < opportunities->len; i++)
    {
      AbmOpportunity *opportunity = g_ptr_array_index (opportunities, i);
      Deal deal;

      if (abm_opportunity_get_account_id (opportunity) != account_id)
        continue;
      deal_read (&deal, opportunity);
      deal_summary_add (summary, &deal, day);
    }
}

/* Computing */

static gboolean
is_target (AbmAccount *account)
{
  guint tier = abm_account_get_tier (account);

  return (tier >= 1 && tier <= N_TIERS) || abm_account_get_target (account);
}

/* Every account by id. */
static GHashTable *
index_accounts (GPtrArray *accounts)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      AbmAccount *account = g_ptr_array_index (accounts, i);
      gint64 id = abm_account_get_id (account);

      if (!g_hash_table_contains (index, &id))
        g_hash_table_insert (index, g_memdup2 (&id, sizeof id), account);
    }
  return index;
}

/* The scopes an account counts in: all (0), and its tier. */
static guint
scopes_of (AbmAccount *account,
           guint       scopes[2])
{
  guint tier = account ? abm_account_get_tier (account) : 0;

  scopes[0] = 0;
  scopes[1] = tier;
  return tier >= 1 && tier <= N_TIERS ? 2 : 1;
}

/* What each scope adds up before it becomes its KPIs; [0] other, [1] ABM
 * sourced. */
typedef struct {
  guint    n;
  double   reached;
  double   coverage;
  guint    with_open;
  double   pipeline;
  guint    won[2];
  guint    lost[2];
  double   won_amount[2];
  double   velocity_days[2];
  guint    velocity_n[2];
  double   cost;
  gboolean has_cost;
} Tally;

static double
ratio (double part,
       double whole)
{
  return whole > 0 ? part / whole : NAN;
}

static AbmJourneyStage
stage_at (const AbmKpiInput    *input,
          AbmAccount           *account,
          const AbmEngagement  *engagement,
          const AbmDealSummary *deals)
{
  const char *manual = abm_account_get_stage (account);
  AbmIcpBand band = ABM_ICP_BAND_UNSCORED;
  AbmJourneyStage stage;

  /* The user's word wins; a stored stage the journey lacks ("lost")
   * says nothing about it. */
  if (manual != NULL && abm_journey_stage_from_key (manual, &stage))
    return stage;
  if (input->icp != NULL)
    band = abm_icp_band (input->icp, abm_account_get_fit_score (account));
  return abm_journey_evaluate (input->rules, band, engagement, deals, NULL);
}

static double
coverage_of (GHashTable *coverage,
             gint64      account_id)
{
  const double *value = coverage ? g_hash_table_lookup (coverage, &account_id) : NULL;

  /* Coverage is kept 0–100 (-1: no role required); the KPI is a share. */
  return value != NULL && *value > 0 ? MIN (*value, 100) / 100 : 0;
}

/* The target accounts at the end of the period (stage, people, coverage,
 * deals) and today (the trend). */
static void
tally_accounts (AbmKpis           *kpis,
                Tally             *tallies,
                const AbmKpiInput *input,
                GPtrArray         *targets,
                AbmEngagementSet  *at_end,
                AbmEngagementSet  *now,
                GHashTable        *summaries)
{
  for (guint i = 0; i < targets->len; i++)
    {
      AbmAccount *account = g_ptr_array_index (targets, i);
      gint64 id = abm_account_get_id (account);
      const AbmEngagement *end_engagement = abm_engagement_set_lookup (at_end, id);
      const AbmEngagement *engagement = abm_engagement_set_lookup (now, id);
      const AbmDealSummary *deals = g_hash_table_lookup (summaries, &id);
      AbmJourneyStage stage = stage_at (input, account, end_engagement, deals);
      double coverage = coverage_of (input->coverage, id);
      guint scopes[2], n_scopes = scopes_of (account, scopes);

      for (guint j = 0; j < n_scopes; j++)
        {
          AbmKpiScope *scope = &kpis->scopes[scopes[j]];
          Tally *tally = &tallies[scopes[j]];

          tally->n++;
          tally->reached += end_engagement ? end_engagement->reached_90 : 0;
          tally->coverage += coverage;
          tally->with_open += deals != NULL && deals->n_open > 0;
          for (guint step = 0; step < ABM_N_FUNNEL_STEPS; step++)
            scope->funnel[step] += stage >= funnel_steps[step].stage;
          if (engagement == NULL)
            continue;
          for (guint k = 0; k < ABM_ENGAGEMENT_WEEKS; k++)
            scope->weekly[k] += engagement->weekly[k];
          scope->n_heating += engagement->trend == ABM_TREND_HEATING;
          scope->n_cooling += engagement->trend == ABM_TREND_COOLING;
        }
    }
}

/* Days from the first engagement to the close: the account's first
 * activity or the deal's creation, whichever came first, and not after
 * the close. */
static gboolean
deal_velocity (const Deal          *deal,
               const AbmEngagement *engagement,
               double              *days)
{
  guint32 first = deal->created;

  if (engagement != NULL && engagement->first_day != 0 && engagement->first_day <= deal->closed
      && (first == 0 || engagement->first_day < first))
    first = engagement->first_day;
  if (first == 0 || first > deal->closed)
    return FALSE;
  *days = deal->closed - first;
  return TRUE;
}

/* Pipeline at target accounts, and the deals closed in the period at any
 * account (all) or at the tier's. */
static void
tally_deals (Tally            *tallies,
             const Deal       *deals,
             guint             n_deals,
             GHashTable       *accounts,
             AbmEngagementSet *now,
             guint32           start,
             guint32           end)
{
  for (guint i = 0; i < n_deals; i++)
    {
      const Deal *deal = &deals[i];
      AbmAccount *account = g_hash_table_lookup (accounts, &deal->account_id);
      guint scopes[2], n_scopes = scopes_of (account, scopes);
      gboolean closed = deal->status != ABM_OPPORTUNITY_OPEN && deal->closed >= start && deal->closed <= end;
      guint sourced = deal->abm_sourced ? 1 : 0;
      double days = 0;
      gboolean timed = FALSE;

      if (closed && deal->status == ABM_OPPORTUNITY_WON)
        timed = deal_velocity (deal, abm_engagement_set_lookup (now, deal->account_id), &days);
      for (guint j = 0; j < n_scopes; j++)
        {
          Tally *tally = &tallies[scopes[j]];

          if (account != NULL && is_target (account) && deal->created >= start && deal->created <= end)
            tally->pipeline += deal->amount;
          if (!closed)
            continue;
          if (deal->status == ABM_OPPORTUNITY_LOST)
            {
              tally->lost[sourced]++;
              continue;
            }
          tally->won[sourced]++;
          tally->won_amount[sourced] += deal->amount;
          if (timed)
            {
              tally->velocity_days[sourced] += days;
              tally->velocity_n[sourced]++;
            }
        }
    }
}

/* A cost counts by the share of its days that fall in the period. */
static void
tally_costs (Tally           *tallies,
             GArray          *costs,
             const AbmPeriod *period,
             const GDate     *today)
{
  for (guint i = 0; costs != NULL && i < costs->len; i++)
    {
      const AbmProgramCost *cost = &g_array_index (costs, AbmProgramCost, i);
      AbmPeriod when;
      guint days, length;
      double share;

      /* A cost without a period of its own is not this quarter's. */
      if (abm_field_is_blank (cost->period) || !isfinite (cost->amount)
          || !abm_period_parse (cost->period, today, &when, NULL))
        continue;
      days = abm_period_overlap (period, &when.start, &when.end);
      length = g_date_days_between (&when.start, &when.end) + 1;
      abm_period_clear (&when);
      if (days == 0)
        continue;
      share = cost->amount * days / length;
      tallies[0].cost += share;
      tallies[0].has_cost = TRUE;
      if (cost->tier >= 1 && cost->tier <= N_TIERS)
        {
          tallies[cost->tier].cost += share;
          tallies[cost->tier].has_cost = TRUE;
        }
    }
}

static void
scope_finish (AbmKpiScope       *scope,
              const Tally       *tally,
              const AbmKpiInput *input)
{
  double *v = scope->values;
  double cost;

  v[ABM_KPI_TARGET_ACCOUNTS] = tally->n;
  v[ABM_KPI_ENGAGED_SHARE] = ratio (scope->funnel[ABM_FUNNEL_ENGAGED], tally->n);
  v[ABM_KPI_PEOPLE_REACHED] = ratio (tally->reached, tally->n);
  v[ABM_KPI_COVERAGE] = input->coverage != NULL ? ratio (tally->coverage, tally->n) : NAN;
  v[ABM_KPI_PIPELINE_CREATED] = tally->pipeline;
  v[ABM_KPI_PIPELINE_PER_ACCOUNT] = ratio (tally->pipeline, tally->n);
  v[ABM_KPI_PENETRATION] = ratio (tally->with_open, tally->n);
  v[ABM_KPI_WIN_RATE_ABM] = ratio (tally->won[1], tally->won[1] + tally->lost[1]);
  v[ABM_KPI_WIN_RATE_OTHER] = ratio (tally->won[0], tally->won[0] + tally->lost[0]);
  v[ABM_KPI_DEAL_SIZE_ABM] = ratio (tally->won_amount[1], tally->won[1]);
  v[ABM_KPI_DEAL_SIZE_OTHER] = ratio (tally->won_amount[0], tally->won[0]);
  v[ABM_KPI_VELOCITY_ABM] = ratio (tally->velocity_days[1], tally->velocity_n[1]);
  v[ABM_KPI_VELOCITY_OTHER] = ratio (tally->velocity_days[0], tally->velocity_n[0]);
  cost = tally->has_cost ? tally->cost : NAN;
  v[ABM_KPI_PROGRAM_COST] = cost;
  v[ABM_KPI_COST_PER_PIPELINE] = isfinite (cost) && cost != 0 ? ratio (cost, tally->pipeline) : NAN;
  /* A chart draws an empty scope as flat, not as gaps. */
  for (guint k = 0; k < ABM_ENGAGEMENT_WEEKS; k++)
    scope->weekly[k] = tally->n > 0 ? scope->weekly[k] / tally->n : 0;
}

/* A candidate for a list: its account and what the list sorts by. */
typedef struct {
  gint64 account_id;
  double key;
  double score;
  double change;
} Ranked;

enum {
  LIST_HEATING,
  LIST_COOLING,
  LIST_TOP,
  N_LISTS
};

/* The lists' scores, for abm_kpis_to_json(), kept beside the public
 * struct as GLib keeps GRealArray beside GArray. */
typedef struct {
  AbmKpis  kpis;
  GArray  *ranked[N_LISTS];   /* Ranked, as listed */
} RealKpis;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a, *y = b;

  if (x->key != y->key)
    return x->key > y->key ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->account_id > y->account_id) - (x->account_id < y->account_id);
}

static void
keep_first (GArray *candidates,
            GArray *list,
            GArray *ranked)
{
  g_array_sort (candidates, compare_ranked);
  for (guint i = 0; i < candidates->len && i < ABM_KPIS_LIST_MAX; i++)
    {
      const Ranked *r = &g_array_index (candidates, Ranked, i);

      g_array_append_val (list, r->account_id);
      g_array_append_val (ranked, *r);
    }
}

static void
rank_accounts (RealKpis         *real,
               GPtrArray        *targets,
               AbmEngagementSet *now)
{
  g_autoptr(GArray) heating = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GArray) cooling = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GArray) top = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = 0; i < targets->len; i++)
    {
      const AbmEngagement *e = abm_engagement_set_lookup (now, abm_account_get_id (g_ptr_array_index (targets, i)));
      Ranked r;

      if (e == NULL)
        continue;
      r.account_id = e->account_id;
      r.score = e->score;
      r.change = e->score - e->score_before;
      r.key = r.change;
      if (e->trend == ABM_TREND_HEATING)
        g_array_append_val (heating, r);
      r.key = -r.change;
      if (e->trend == ABM_TREND_COOLING)
        g_array_append_val (cooling, r);
      r.key = e->score;
      if (e->score > 0)
        g_array_append_val (top, r);
    }
  keep_first (heating, real->kpis.heating, real->ranked[LIST_HEATING]);
  keep_first (cooling, real->kpis.cooling, real->ranked[LIST_COOLING]);
  keep_first (top, real->kpis.top, real->ranked[LIST_TOP]);
}

AbmKpis *
abm_kpis_compute (const AbmKpiInput *input,
                  const AbmPeriod   *period)
{
  g_autoptr(AbmEngagementSet) own_now = NULL;
  g_autoptr(AbmEngagementSet) own_end = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(GHashTable) summaries = NULL;
  g_autofree Deal *deals = NULL;
  Tally tallies[ABM_KPIS_N_SCOPES] = { { 0 } };
  AbmEngagementSet *now, *at_end;
  guint32 start, end, as_of;
  guint n_deals;
  RealKpis *real;
  AbmKpis *kpis;
  GDate today;

  g_return_val_if_fail (input != NULL && input->accounts != NULL, NULL);
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (input->rules), NULL);
  g_return_val_if_fail (period != NULL && g_date_valid (&period->start) && g_date_valid (&period->end), NULL);
  g_return_val_if_fail (g_date_valid_julian (input->today), NULL);

  start = g_date_get_julian (&period->start);
  end = g_date_get_julian (&period->end);
  /* What comes after today is not known yet. */
  as_of = MIN (end, input->today);
  g_date_clear (&today, 1);
  g_date_set_julian (&today, input->today);

  real = g_new0 (RealKpis, 1);
  for (guint l = 0; l < N_LISTS; l++)
    real->ranked[l] = g_array_new (FALSE, FALSE, sizeof (Ranked));
  kpis = &real->kpis;
  kpis->period.start = period->start;
  kpis->period.end = period->end;
  kpis->period.label = g_strdup (period->label);
  kpis->today = input->today;
  for (guint k = 0; k < ABM_ENGAGEMENT_WEEKS; k++)
    kpis->week_ends[k] = input->today - 7 * (ABM_ENGAGEMENT_WEEKS - 1 - k);
  kpis->heating = g_array_new (FALSE, FALSE, sizeof (gint64));
  kpis->cooling = g_array_new (FALSE, FALSE, sizeof (gint64));
  kpis->top = g_array_new (FALSE, FALSE, sizeof (gint64));

  accounts = index_accounts (input->accounts);
  targets = g_ptr_array_new ();
  for (guint i = 0; i < input->accounts->len; i++)
    if (is_target (g_ptr_array_index (input->accounts, i)))
      g_ptr_array_add (targets, g_ptr_array_index (input->accounts, i));

  /* Deal velocity needs the first activity of any account with a deal,
   * so today's scores cover every account; the period's end matters only
   * for the targets. */
  now = input->engagement;
  if (now == NULL)
    now = own_now = abm_engagement_compute (input->rules, input->accounts, input->activities,
                                            input->n_activities, input->roles, input->today);
  at_end = now;
  if (as_of != abm_engagement_set_get_today (now))
    at_end = own_end = abm_engagement_compute (input->rules, targets, input->activities,
                                               input->n_activities, input->roles, as_of);

  n_deals = input->opportunities ? input->opportunities->len : 0;
  deals = g_new (Deal, MAX (n_deals, 1));
  summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  for (guint i = 0; i < n_deals; i++)
    {
      AbmDealSummary *summary;

      deal_read (&deals[i], g_ptr_array_index (input->opportunities, i));
      summary = g_hash_table_lookup (summaries, &deals[i].account_id);
      if (summary == NULL)
        {
          summary = g_new0 (AbmDealSummary, 1);
          g_hash_table_insert (summaries, &deals[i].account_id, summary);
        }
      deal_summary_add (summary, &deals[i], as_of);
    }

  tally_accounts (kpis, tallies, input, targets, at_end, now, summaries);
  tally_deals (tallies, deals, n_deals, accounts, now, start, end);
  tally_costs (tallies, input->costs, period, &today);
  for (guint s = 0; s < ABM_KPIS_N_SCOPES; s++)
    scope_finish (&kpis->scopes[s], &tallies[s], input);
  rank_accounts (real, targets, now);
  return kpis;
}

void
abm_kpis_free (AbmKpis *kpis)
{
  if (kpis == NULL)
    return;
  abm_period_clear (&kpis->period);
  g_array_unref (kpis->heating);
  g_array_unref (kpis->cooling);
  g_array_unref (kpis->top);
  for (guint l = 0; l < N_LISTS; l++)
    g_array_unref (((RealKpis *) kpis)->ranked[l]);
  g_free (kpis);
}

/* JSON */

static void
add_date (JsonBuilder *builder,
          const char  *member,
          const GDate *date)
{
  g_autofree char *text = abm_date_format (date);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_julian (JsonBuilder *builder,
            const char  *member,
            guint32      day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  add_date (builder, member, &date);
}

/* Whole numbers are written as such; NAN is null. */
static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* A score as the dashboard shows it, to a tenth. */
static double
tenth (double score)
{
  return round (score * 10) / 10;
}

static void
add_scope (JsonBuilder *builder,
           AbmKpis     *kpis,
           guint        s)
{
  const AbmKpiScope *scope = &kpis->scopes[s];
  g_autofree char *name = s == 0 ? g_strdup ("all") : g_strdup_printf ("tier-%u", s);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "kpis");
  json_builder_begin_object (builder);
  for (guint k = 0; k < ABM_N_KPIS; k++)
    {
      const AbmKpiDefinition *d = &definitions[k];

      json_builder_set_member_name (builder, d->key);
      json_builder_begin_object (builder);
      add_number (builder, "value", scope->values[k]);
      json_builder_set_member_name (builder, "indicator");
      json_builder_add_string_value (builder, indicators[d->indicator].key);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, g_dgettext (GETTEXT_PACKAGE, d->label));
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, unit_keys[d->unit]);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "funnel");
  json_builder_begin_object (builder);
  for (guint step = 0; step < ABM_N_FUNNEL_STEPS; step++)
    add_number (builder, funnel_steps[step].key, scope->funnel[step]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "weekly");
  json_builder_begin_array (builder);
  for (guint k = 0; k < ABM_ENGAGEMENT_WEEKS; k++)
    {
      json_builder_begin_object (builder);
      add_julian (builder, "week-end", kpis->week_ends[k]);
      add_number (builder, "score", tenth (scope->weekly[k]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_number (builder, "heating", scope->n_heating);
  add_number (builder, "cooling", scope->n_cooling);
  json_builder_end_object (builder);
}

/* With @tier, only that tier's accounts of the list. */
static void
add_list (JsonBuilder *builder,
          const char  *member,
          GArray      *ranked,
          GHashTable  *accounts,
          guint        tier)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ranked->len; i++)
    {
      const Ranked *r = &g_array_index (ranked, Ranked, i);
      AbmAccount *account = g_hash_table_lookup (accounts, &r->account_id);

      if (tier != 0 && (account == NULL || abm_account_get_tier (account) != tier))
        continue;
      json_builder_begin_object (builder);
      abm_json_add_string (builder, "domain", account ? abm_account_get_domain (account) : NULL);
      abm_json_add_string (builder, "name", account ? abm_account_get_name (account) : NULL);
      add_number (builder, "score", tenth (r->score));
      add_number (builder, "change", tenth (r->change));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
abm_kpis_to_json (AbmKpis   *kpis,
                  GPtrArray *accounts,
                  guint      tier)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) index = NULL;
  RealKpis *real = (RealKpis *) kpis;

  g_return_val_if_fail (kpis != NULL, NULL);
  g_return_val_if_fail (tier <= N_TIERS, NULL);

  index = index_accounts (accounts);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  abm_json_add_string (builder, "label", kpis->period.label);
  add_date (builder, "start", &kpis->period.start);
  add_date (builder, "end", &kpis->period.end);
  json_builder_end_object (builder);
  add_julian (builder, "today", kpis->today);
  json_builder_set_member_name (builder, "scopes");
  json_builder_begin_array (builder);
  for (guint s = 0; s < ABM_KPIS_N_SCOPES; s++)
    if (tier == 0 || s == tier)
      add_scope (builder, kpis, s);
  json_builder_end_array (builder);
  add_list (builder, "heating", real->ranked[LIST_HEATING], index, tier);
  add_list (builder, "cooling", real->ranked[LIST_COOLING], index, tier);
  add_list (builder, "top", real->ranked[LIST_TOP], index, tier);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
