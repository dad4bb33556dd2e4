/* abm-journey.c: where an account is on its way from target to customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "abm-journey.h"

static const struct {
  const char *key;
  const char *label;
} stages[ABM_N_JOURNEY_STAGES] = {
  [ABM_JOURNEY_TARGET]      = { "target", N_("Target") },
  [ABM_JOURNEY_QUALIFIED]   = { "qualified", N_("Qualified") },
  [ABM_JOURNEY_AWARE]       = { "aware", N_("Aware") },
  [ABM_JOURNEY_ENGAGED]     = { "engaged", N_("Engaged") },
  [ABM_JOURNEY_OPPORTUNITY] = { "opportunity", N_("Opportunity") },
  [ABM_JOURNEY_CUSTOMER]    = { "customer", N_("Customer") },
};

const char *
abm_journey_stage_key (AbmJourneyStage stage)
{
  g_return_val_if_fail ((guint) stage < ABM_N_JOURNEY_STAGES, NULL);
  return stages[stage].key;
}

const char *
abm_journey_stage_label (AbmJourneyStage stage)
{
  g_return_val_if_fail ((guint) stage < ABM_N_JOURNEY_STAGES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, stages[stage].label);
}

gboolean
abm_journey_stage_from_key (const char      *key,
                            AbmJourneyStage *stage)
{
  if (key == NULL)
    return FALSE;
  /* Files of the first releases stored the stages of abm_account_stages(). */
  if (g_ascii_strcasecmp (key, "unaware") == 0)
    {
      *stage = ABM_JOURNEY_TARGET;
      return TRUE;
    }
  for (guint i = 0; i < ABM_N_JOURNEY_STAGES; i++)
    if (g_ascii_strcasecmp (key, stages[i].key) == 0)
      {
        *stage = i;
        return TRUE;
      }
  return FALSE;
}

/* What put an account at its stage, in the order they are tried. */
typedef enum {
  WHY_WON,
  WHY_OPEN,
  WHY_SCORE,
  WHY_PEOPLE,
  WHY_RECENT,
  WHY_STRONG,
  WHY_MODERATE,
  WHY_LISTED,
} Why;

static const AbmJourneyStage stage_of[] = {
  [WHY_WON]      = ABM_JOURNEY_CUSTOMER,
  [WHY_OPEN]     = ABM_JOURNEY_OPPORTUNITY,
  [WHY_SCORE]    = ABM_JOURNEY_ENGAGED,
  [WHY_PEOPLE]   = ABM_JOURNEY_ENGAGED,
  [WHY_RECENT]   = ABM_JOURNEY_AWARE,
  [WHY_STRONG]   = ABM_JOURNEY_QUALIFIED,
  [WHY_MODERATE] = ABM_JOURNEY_QUALIFIED,
  [WHY_LISTED]   = ABM_JOURNEY_TARGET,
};

static char *
describe (Why                   why,
          AbmEngagementRules   *rules,
          const AbmEngagement  *engagement,
          const AbmDealSummary *deals)
{
  switch (why)
    {
    case WHY_WON:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A won opportunity", "%u won opportunities",
                                           deals->n_won), deals->n_won);
    case WHY_OPEN:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "An open opportunity", "%u open opportunities",
                                           deals->n_open), deals->n_open);
    case WHY_SCORE:
      /* Translators: "Score 52 is at least 40": the engagement score and
       * the score from which an account counts as engaged */
      return g_strdup_printf (_("Score %g is at least %g"), floor (engagement->score * 10) / 10,
                              abm_engagement_rules_get_engaged_score (rules));
    case WHY_PEOPLE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person reached in 90 days, at least %u",
                                           "%u people reached in 90 days, at least %u", engagement->reached_90),
                              engagement->reached_90, abm_engagement_rules_get_engaged_people (rules));
    case WHY_RECENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u activity in the last 30 days",
                                           "%u activities in the last 30 days", engagement->n_activities_30),
                              engagement->n_activities_30);
    case WHY_STRONG:
      return g_strdup (_("A strong fit to the profile"));
    case WHY_MODERATE:
      return g_strdup (_("A moderate fit to the profile"));
    case WHY_LISTED:
    default:
      return g_strdup (_("On the target list, nothing more known yet"));
    }
}

AbmJourneyStage
abm_journey_evaluate (AbmEngagementRules   *rules,
                      AbmIcpBand            band,
                      const AbmEngagement  *engagement,
                      const AbmDealSummary *deals,
                      char                **reason)
{
  Why why;

  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (rules), ABM_JOURNEY_TARGET);

  if (deals != NULL && deals->n_won > 0)
    why = WHY_WON;
  else if (deals != NULL && deals->n_open > 0)
    why = WHY_OPEN;
  else if (engagement != NULL && engagement->score >= abm_engagement_rules_get_engaged_score (rules))
    why = WHY_SCORE;
  else if (engagement != NULL && engagement->reached_90 >= abm_engagement_rules_get_engaged_people (rules))
    why = WHY_PEOPLE;
  else if (engagement != NULL && engagement->n_activities_30 > 0)
    why = WHY_RECENT;
  else if (band == ABM_ICP_BAND_STRONG)
    why = WHY_STRONG;
  else if (band == ABM_ICP_BAND_MODERATE)
    why = WHY_MODERATE;
  else
    why = WHY_LISTED;
  /* Sentences are for one account's page, not for a dashboard of many. */
  if (reason != NULL)
    *reason = describe (why, rules, engagement, deals);
  return stage_of[why];
}
