/* abm-tier-rules.h: how accounts are tiered, and the team that works them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ABM_TIER_RULES_ERROR (abm_tier_rules_error_quark ())

typedef enum {
  ABM_TIER_RULES_ERROR_INVALID,
} AbmTierRulesError;

/* What a priority is made of; each a score from 0 to 100. */
typedef enum {
  ABM_PRIORITY_FIT,        /* the ICP fit score */
  ABM_PRIORITY_ACV,        /* ACV potential, as a percentile of the list */
  ABM_PRIORITY_INTENT,     /* intent topics shown, three or more is 100 */
  ABM_PRIORITY_N_PARTS
} AbmPriorityPart;

/* How a tier takes its accounts, highest priority first. */
typedef enum {
  ABM_TIER_TOP_N,          /* the N highest not yet in a tier above */
  ABM_TIER_THRESHOLD,      /* every one with at least this priority */
} AbmTierMode;

#define ABM_TIER_RULES_MAX_WEIGHT   100.0
#define ABM_TIER_RULES_MAX_COUNT    1000000
#define ABM_TIER_RULES_MAX_TEAM     10000
#define ABM_TIER_RULES_MAX_ACV      1e12
#define ABM_TIER_RULES_DEFAULT_MIN_ACV 25000.0

#define ABM_TYPE_TIER_RULES (abm_tier_rules_get_type ())
G_DECLARE_FINAL_TYPE (AbmTierRules, abm_tier_rules, ABM, TIER_RULES, GObject)

GQuark          abm_tier_rules_error_quark (void);

/* Fit 50 %, ACV 30 %, intent 20 %; Tier 1 the top 20, Tier 2 the next
 * 200, Tier 3 every other account with priority 40 or more; no team yet;
 * a minimum ACV of 25,000. */
AbmTierRules   *abm_tier_rules_new              (void);
AbmTierRules   *abm_tier_rules_new_from_json    (const char     *json,
                                                 GError        **error);
char           *abm_tier_rules_to_json          (AbmTierRules   *self);
void            abm_tier_rules_assign           (AbmTierRules   *self,
                                                 AbmTierRules   *other);

const char     *abm_priority_part_label         (AbmPriorityPart part);

double          abm_tier_rules_get_weight       (AbmTierRules   *self,
                                                 AbmPriorityPart part);
gboolean        abm_tier_rules_set_weight       (AbmTierRules   *self,
                                                 AbmPriorityPart part,
                                                 double          weight,
                                                 GError        **error);
/* @tier is 1, 2 or 3. The value is a count for TOP_N, a priority 0–100
 * for THRESHOLD. */
AbmTierMode     abm_tier_rules_get_mode         (AbmTierRules   *self,
                                                 guint           tier);
double          abm_tier_rules_get_value        (AbmTierRules   *self,
                                                 guint           tier);
gboolean        abm_tier_rules_set_tier         (AbmTierRules   *self,
                                                 guint           tier,
                                                 AbmTierMode     mode,
                                                 double          value,
                                                 GError        **error);

/* The team: account executives and marketers; 0 when not entered. */
guint           abm_tier_rules_get_aes          (AbmTierRules   *self);
guint           abm_tier_rules_get_marketers    (AbmTierRules   *self);
gboolean        abm_tier_rules_set_team         (AbmTierRules   *self,
                                                 guint           aes,
                                                 guint           marketers,
                                                 GError        **error);
/* Accounts below this ACV potential should not be in Tier 1 or 2. */
double          abm_tier_rules_get_min_acv      (AbmTierRules   *self);
gboolean        abm_tier_rules_set_min_acv      (AbmTierRules   *self,
                                                 double          min_acv,
                                                 GError        **error);

G_END_DECLS
