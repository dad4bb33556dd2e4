/* abm-kpis.h: the program's account-level KPIs, defined once
 *
 * The dashboard, `abmctl kpis` and the PDF summary all read these numbers
 * from here; the README documents each formula from the definitions below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "abm-engagement.h"
#include "abm-icp.h"
#include "abm-journey.h"
#include "abm-opportunity.h"

G_BEGIN_DECLS

#define ABM_KPIS_ERROR (abm_kpis_error_quark ())

typedef enum {
  ABM_KPIS_ERROR_INVALID,
} AbmKpisError;

GQuark       abm_kpis_error_quark    (void);

/* A period of calendar days, both ends included. */
typedef struct {
  GDate  start;
  GDate  end;
  char  *label;      /* as written: "2026-Q3", "2026-09", "2026", "2026-07-01..2026-09-30" */
} AbmPeriod;

/* Reads "2026-Q3", "2026-09", "2026" or "FROM..TO" (dates YYYY-MM-DD);
 * NULL or "" is the quarter @today falls in. */
gboolean     abm_period_parse        (const char      *text,
                                      const GDate     *today,
                                      AbmPeriod       *period,
                                      GError         **error);
void         abm_period_clear        (AbmPeriod       *period);
/* Days of @period that fall in [start, end]. */
guint        abm_period_overlap      (const AbmPeriod *period,
                                      const GDate     *start,
                                      const GDate     *end);

/* What the program cost: for Tier 1–3 or the whole program (tier 0), over
 * a period ("2026-Q3"). A cost counts in a KPI period in proportion to the
 * days the two share. */
typedef struct {
  gint64  id;
  guint   tier;
  char   *period;
  double  amount;
} AbmProgramCost;

void         abm_program_cost_clear  (AbmProgramCost  *cost);

typedef enum {
  ABM_KPI_TARGET_ACCOUNTS,        /* context */
  ABM_KPI_ENGAGED_SHARE,          /* leading */
  ABM_KPI_PEOPLE_REACHED,         /* leading */
  ABM_KPI_COVERAGE,               /* leading */
  ABM_KPI_PIPELINE_CREATED,       /* lagging */
  ABM_KPI_PIPELINE_PER_ACCOUNT,   /* lagging */
  ABM_KPI_PENETRATION,            /* lagging */
  ABM_KPI_WIN_RATE_ABM,           /* lagging */
  ABM_KPI_WIN_RATE_OTHER,
  ABM_KPI_DEAL_SIZE_ABM,
  ABM_KPI_DEAL_SIZE_OTHER,
  ABM_KPI_VELOCITY_ABM,
  ABM_KPI_VELOCITY_OTHER,
  ABM_KPI_PROGRAM_COST,
  ABM_KPI_COST_PER_PIPELINE,
  ABM_N_KPIS
} AbmKpi;

typedef enum {
  ABM_KPI_UNIT_COUNT,
  ABM_KPI_UNIT_SHARE,       /* 0–1, shown as a percentage */
  ABM_KPI_UNIT_MONEY,       /* the workspace currency */
  ABM_KPI_UNIT_DAYS,
  ABM_KPI_UNIT_PEOPLE,
  ABM_KPI_UNIT_RATIO,       /* money per money */
} AbmKpiUnit;

typedef enum {
  ABM_KPI_CONTEXT,
  ABM_KPI_LEADING,
  ABM_KPI_LAGGING,
} AbmKpiIndicator;

typedef struct {
  const char      *key;       /* "engaged-share" */
  const char      *label;     /* translated on use: _(label) */
  const char      *formula;   /* in words, translated on use */
  AbmKpiUnit       unit;
  AbmKpiIndicator  indicator;
} AbmKpiDefinition;

const AbmKpiDefinition *abm_kpi_definition (AbmKpi kpi);
const char  *abm_kpi_indicator_label (AbmKpiIndicator indicator);

/* The progression funnel: target accounts that reached at least each
 * stage by the period's end. */
typedef enum {
  ABM_FUNNEL_TARGETS,
  ABM_FUNNEL_AWARE,
  ABM_FUNNEL_ENGAGED,
  ABM_FUNNEL_OPPORTUNITY,
  ABM_FUNNEL_CUSTOMER,
  ABM_N_FUNNEL_STEPS
} AbmFunnelStep;

const char  *abm_funnel_step_key     (AbmFunnelStep   step);
const char  *abm_funnel_step_label   (AbmFunnelStep   step);

/* KPIs of one scope: every target account, or one tier's. */
typedef struct {
  double  values[ABM_N_KPIS];                 /* NAN: nothing to measure */
  guint   funnel[ABM_N_FUNNEL_STEPS];
  double  weekly[ABM_ENGAGEMENT_WEEKS];       /* mean score, oldest week first */
  guint   n_heating;
  guint   n_cooling;
} AbmKpiScope;

#define ABM_KPIS_N_SCOPES  4       /* [0] all target accounts, [1..3] Tier 1–3 */
#define ABM_KPIS_LIST_MAX  10

typedef struct {
  AbmPeriod     period;
  guint32       today;                        /* Julian day */
  AbmKpiScope   scopes[ABM_KPIS_N_SCOPES];
  guint32       week_ends[ABM_ENGAGEMENT_WEEKS]; /* Julian days of weekly[] */
  GArray       *heating;      /* gint64 account ids, fastest rise first */
  GArray       *cooling;      /* fastest fall first */
  GArray       *top;          /* highest score first */
} AbmKpis;

/* Everything the KPIs are computed from. Target accounts are the
 * accounts in a tier or marked as targets. */
typedef struct {
  GPtrArray           *accounts;        /* AbmAccount, fit scores set */
  AbmIcp              *icp;             /* for fit bands */
  AbmEngagementRules  *rules;
  const AbmActivity   *activities;
  gsize                n_activities;
  GHashTable          *roles;           /* see abm_engagement_compute(); may be NULL */
  GPtrArray           *opportunities;   /* AbmOpportunity */
  GArray              *costs;           /* AbmProgramCost; may be NULL */
  GHashTable          *coverage;        /* gint64* account id → double* 0–100; may be NULL */
  AbmEngagementSet    *engagement;      /* as of today, or NULL to compute it */
  guint32              today;           /* Julian day */
} AbmKpiInput;

AbmKpis     *abm_kpis_compute        (const AbmKpiInput *input,
                                      const AbmPeriod   *period);
void         abm_kpis_free           (AbmKpis         *kpis);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmKpis, abm_kpis_free)

/* What the dashboard shows, for `abmctl kpis --format json`: the period,
 * each scope's KPIs by key with their indicator, the funnel, the weekly
 * trend and the lists (by account id and name). @tier 0 is every scope,
 * 1–3 that tier alone. */
JsonNode    *abm_kpis_to_json        (AbmKpis         *kpis,
                                      GPtrArray       *accounts,
                                      guint            tier);

/* One account's deals as of @day (Julian): open means created by then and
 * not closed by then. */
void         abm_deal_summary_compute (GPtrArray      *opportunities,
                                       gint64          account_id,
                                       guint32         day,
                                       AbmDealSummary *summary);

G_END_DECLS
