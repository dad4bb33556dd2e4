/* abm-engagement.h: how engaged each account is, from its activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-account.h"
#include "abm-activity.h"
#include "abm-stakeholder.h"

G_BEGIN_DECLS

#define ABM_ENGAGEMENT_ERROR (abm_engagement_error_quark ())

typedef enum {
  ABM_ENGAGEMENT_ERROR_INVALID,
} AbmEngagementError;

#define ABM_ENGAGEMENT_DEFAULT_HALF_LIFE   30     /* days */
#define ABM_ENGAGEMENT_MAX_HALF_LIFE       3650
#define ABM_ENGAGEMENT_MAX_WEIGHT          1000.0
#define ABM_ENGAGEMENT_MAX_MULTIPLIER      10.0
#define ABM_ENGAGEMENT_TREND_DAYS          14     /* heating or cooling over */
#define ABM_ENGAGEMENT_WEEKS               13     /* the trend: this week and 12 before */

/* The user's rules
 *
 * Points of an activity = weight of its kind × multiplier of the person's
 * highest-multiplier role (1 for none) × multiplier of the account's tier
 * (1 untiered) × 2^(−age in days / half-life). The raw points of an account
 * are the sum over its activities; its score is
 * 100 × (1 − 2^(−raw / saturation)): 50 at the saturation points, 75 at
 * twice as many, never 100.
 *
 * Heating up: the score rose by at least the trend threshold over the last
 * 14 days, or this week's undecayed points are at least the spike ratio
 * times the weekly average of the four weeks before (and at least one
 * meeting's weight). Cooling down: fell by the trend threshold or more.
 * Engaged: a score of at least the engaged threshold, or at least
 * engaged-people stakeholders reached in 90 days. */

#define ABM_TYPE_ENGAGEMENT_RULES (abm_engagement_rules_get_type ())
G_DECLARE_FINAL_TYPE (AbmEngagementRules, abm_engagement_rules, ABM, ENGAGEMENT_RULES, GObject)

GQuark      abm_engagement_error_quark             (void);

AbmEngagementRules *abm_engagement_rules_new       (void);
/* Bounded JSON ("engagement" setting); unknown members are ignored,
 * wrong values refused with a message. */
AbmEngagementRules *abm_engagement_rules_new_from_json (const char        *json,
                                                        GError           **error);
char       *abm_engagement_rules_to_json           (AbmEngagementRules  *self);
void        abm_engagement_rules_assign            (AbmEngagementRules  *self,
                                                    AbmEngagementRules  *other);
gboolean    abm_engagement_rules_equal             (AbmEngagementRules  *a,
                                                    AbmEngagementRules  *b);

double      abm_engagement_rules_get_weight        (AbmEngagementRules  *self,
                                                    AbmActivityKind      kind);
gboolean    abm_engagement_rules_set_weight        (AbmEngagementRules  *self,
                                                    AbmActivityKind      kind,
                                                    double               weight,
                                                    GError             **error);
/* Days after which an activity counts half; 1 to 3650. */
guint       abm_engagement_rules_get_half_life     (AbmEngagementRules  *self);
gboolean    abm_engagement_rules_set_half_life     (AbmEngagementRules  *self,
                                                    guint                days,
                                                    GError             **error);
/* Raw points for a score of 50 (default 60); above 0. */
double      abm_engagement_rules_get_saturation    (AbmEngagementRules  *self);
gboolean    abm_engagement_rules_set_saturation    (AbmEngagementRules  *self,
                                                    double               points,
                                                    GError             **error);
/* 0 to 10; default 2 for decision makers and budget holders, 1.5 for
 * champions and executive sponsors, 1 otherwise. */
double      abm_engagement_rules_get_role_multiplier (AbmEngagementRules *self,
                                                      AbmRole             role);
gboolean    abm_engagement_rules_set_role_multiplier (AbmEngagementRules *self,
                                                      AbmRole             role,
                                                      double              multiplier,
                                                      GError            **error);
/* Tier 1 to 3; 0 to 10, default 1. */
double      abm_engagement_rules_get_tier_multiplier (AbmEngagementRules *self,
                                                      guint               tier);
gboolean    abm_engagement_rules_set_tier_multiplier (AbmEngagementRules *self,
                                                      guint               tier,
                                                      double              multiplier,
                                                      GError            **error);
/* Score from which an account is engaged (default 40), 1 to 100. */
double      abm_engagement_rules_get_engaged_score (AbmEngagementRules  *self);
gboolean    abm_engagement_rules_set_engaged_score (AbmEngagementRules  *self,
                                                    double               score,
                                                    GError             **error);
/* People reached in 90 days that make an account engaged (default 3). */
guint       abm_engagement_rules_get_engaged_people (AbmEngagementRules *self);
gboolean    abm_engagement_rules_set_engaged_people (AbmEngagementRules *self,
                                                     guint               people,
                                                     GError            **error);
/* Score change over 14 days that counts as heating or cooling (default 10). */
double      abm_engagement_rules_get_trend_threshold (AbmEngagementRules *self);
gboolean    abm_engagement_rules_set_trend_threshold (AbmEngagementRules *self,
                                                      double              points,
                                                      GError            **error);
/* This week against the four weeks before (default 2.0), above 1. */
double      abm_engagement_rules_get_spike_ratio   (AbmEngagementRules  *self);
gboolean    abm_engagement_rules_set_spike_ratio   (AbmEngagementRules  *self,
                                                    double               ratio,
                                                    GError             **error);

/* Results */

typedef enum {
  ABM_TREND_STEADY,
  ABM_TREND_HEATING,
  ABM_TREND_COOLING,
} AbmTrend;

const char *abm_trend_label                        (AbmTrend            trend);

typedef struct {
  gint64    account_id;
  double    raw;               /* decayed points today */
  double    score;             /* 0–100 today */
  double    score_before;      /* 0–100 fourteen days ago */
  double    this_week;         /* undecayed points, the last 7 days */
  double    previous_weeks;    /* undecayed points per week, the 28 days before */
  gboolean  spike;
  AbmTrend  trend;
  guint     reached_30;        /* distinct people with an activity in 30 days */
  guint     reached_90;
  guint     n_activities;
  guint     n_activities_30;   /* of them in the last 30 days: aware */
  guint32   first_day;         /* Julian day of the first activity; 0 none */
  guint32   last_day;          /* and of the last; 0 none */
  double    weekly[ABM_ENGAGEMENT_WEEKS]; /* score at the end of each week,
                                            * oldest first; the last is today */
} AbmEngagement;

typedef struct _AbmEngagementSet AbmEngagementSet;

/* What to know of people: their roles as a bit mask (1 << AbmRole). */
typedef GHashTable AbmRoleTable;   /* gint64* stakeholder id → GUINT_TO_POINTER (roles) */

/* Scores every account of @accounts (AbmAccount) as of @today (Julian
 * day) from @activities (any order; activities after @today are
 * ignored, as are those of accounts not in the list). @roles may be NULL.
 * One pass over the activities. */
AbmEngagementSet    *abm_engagement_compute        (AbmEngagementRules *rules,
                                                    GPtrArray          *accounts,
                                                    const AbmActivity  *activities,
                                                    gsize               n_activities,
                                                    GHashTable         *roles,
                                                    guint32             today);
void                 abm_engagement_set_free       (AbmEngagementSet   *set);
guint32              abm_engagement_set_get_today  (AbmEngagementSet   *set);
/* The account's engagement; an account with no activity has zeros. NULL
 * for an account not in the set. */
const AbmEngagement *abm_engagement_set_lookup     (AbmEngagementSet   *set,
                                                    gint64              account_id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmEngagementSet, abm_engagement_set_free)

/* Why: the activities of one account grouped by kind and person, the
 * biggest share first. */
typedef struct {
  AbmActivityKind kind;
  gint64          stakeholder_id;   /* 0: the account as a whole */
  guint           count;
  double          points;           /* decayed, with multipliers */
  guint32         last_day;
} AbmEngagementContributor;

typedef struct {
  double  raw;
  double  score;
  GArray *contributors;   /* AbmEngagementContributor */
} AbmEngagementExplanation;

/* @activities are one account's (any order). */
AbmEngagementExplanation *abm_engagement_explain   (AbmEngagementRules *rules,
                                                    AbmAccount         *account,
                                                    const AbmActivity  *activities,
                                                    gsize               n_activities,
                                                    GHashTable         *roles,
                                                    guint32             today);
void        abm_engagement_explanation_free        (AbmEngagementExplanation *explanation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmEngagementExplanation, abm_engagement_explanation_free)

/* The score of @raw points under @rules: what compute() and explain() use. */
double      abm_engagement_score_of_raw            (AbmEngagementRules *rules,
                                                    double              raw);

G_END_DECLS
