/* abm-journey.h: where an account is on its way from target to customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-engagement.h"
#include "abm-icp.h"

G_BEGIN_DECLS

typedef enum {
  ABM_JOURNEY_TARGET,        /* on the list, nothing more known */
  ABM_JOURNEY_QUALIFIED,     /* fit band strong or moderate */
  ABM_JOURNEY_AWARE,         /* any activity (intent included) in 30 days */
  ABM_JOURNEY_ENGAGED,       /* engaged by the rules' score or people */
  ABM_JOURNEY_OPPORTUNITY,   /* an open opportunity */
  ABM_JOURNEY_CUSTOMER,      /* a won opportunity */
  ABM_N_JOURNEY_STAGES
} AbmJourneyStage;

const char      *abm_journey_stage_key       (AbmJourneyStage  stage);
const char      *abm_journey_stage_label     (AbmJourneyStage  stage);
/* A key; also the stored stages of older files ("unaware" is target). */
gboolean         abm_journey_stage_from_key  (const char      *key,
                                              AbmJourneyStage *stage);

/* An account's deals as of a day. */
typedef struct {
  guint   n_open;
  guint   n_won;
  guint   n_lost;
  double  open_amount;
  double  won_amount;
} AbmDealSummary;

/* The highest stage the data reaches: customer, else opportunity, else
 * engaged, aware, qualified, target. @engagement may be NULL (no
 * activity). @reason, when not NULL, receives the sentence that says why
 * ("A won opportunity", "Score 52 is at least 40", ...). The manual
 * override is the caller's: abm_account_get_stage() wins when set. */
AbmJourneyStage  abm_journey_evaluate        (AbmEngagementRules  *rules,
                                              AbmIcpBand           band,
                                              const AbmEngagement *engagement,
                                              const AbmDealSummary *deals,
                                              char               **reason);

G_END_DECLS
