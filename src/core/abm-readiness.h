/* abm-readiness.h: whether account-based marketing will pay for a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

/* The conditions under which ABM pays, in the order they are asked. The
 * first three are about the deals themselves: a "no" to any of them means
 * ABM is not a fit yet. The others are about the team and the market, and
 * a "no" there is a gap to close. */
typedef enum {
  ABM_READINESS_ACV,
  ABM_READINESS_SALES_CYCLE,
  ABM_READINESS_BUYING_COMMITTEE,
  ABM_READINESS_FINITE_MARKET,
  ABM_READINESS_SHARED_LIST,
  ABM_READINESS_CONTENT_CAPACITY,
  ABM_READINESS_N_CONDITIONS
} AbmReadinessCondition;

typedef enum {
  ABM_READINESS_UNANSWERED,
  ABM_READINESS_YES,
  ABM_READINESS_NO,
  ABM_READINESS_UNSURE,
  ABM_READINESS_N_ANSWERS
} AbmReadinessAnswer;

/* Not a fit yet: a deciding condition is "no" (whatever else is open).
 * Unanswered: otherwise, while any question is open.
 * Fits: every answer is "yes".
 * Fits with gaps: anything else, that is a "no" to a condition of the team
 * or the market, or a "not sure" anywhere. */
typedef enum {
  ABM_READINESS_OUTCOME_UNANSWERED,
  ABM_READINESS_OUTCOME_FITS,
  ABM_READINESS_OUTCOME_GAPS,
  ABM_READINESS_OUTCOME_NOT_YET,
} AbmReadinessOutcome;

/* The workspace setting that holds the answers. */
#define ABM_READINESS_SETTING          "readiness"
/* Below this annual contract value (in the workspace currency) the cost of
 * working accounts one by one is hard to earn back. */
#define ABM_READINESS_DEFAULT_MIN_ACV  25000
#define ABM_READINESS_MAX_JSON_SIZE    (16 * 1024)

/* What the accounts say about deal size: the ACV potential of the target
 * accounts, or of all accounts when none is marked as a target. */
typedef struct {
  gboolean targets_only;
  guint    n_accounts;      /* the accounts looked at */
  guint    n_known;         /* of them, with an ACV potential */
  guint    n_below;         /* of those, below the minimum */
  double   median;          /* of the known; -1 when none is known */
} AbmReadinessAcv;

#define ABM_TYPE_READINESS (abm_readiness_get_type ())
G_DECLARE_FINAL_TYPE (AbmReadiness, abm_readiness, ABM, READINESS, GObject)

const char          *abm_readiness_condition_key      (AbmReadinessCondition  condition);
gboolean             abm_readiness_condition_from_key (const char            *key,
                                                       AbmReadinessCondition *condition);
/* "Deal size": a few words for lists and the command line. */
const char          *abm_readiness_condition_label    (AbmReadinessCondition  condition);
const char          *abm_readiness_condition_question (AbmReadinessCondition  condition);
/* One sentence: why ABM needs it. */
const char          *abm_readiness_condition_why      (AbmReadinessCondition  condition);
/* What to do about a "no", how to find out for a "not sure"; NULL for the
 * other answers. */
const char          *abm_readiness_condition_advice   (AbmReadinessCondition  condition,
                                                       AbmReadinessAnswer     answer);
/* What the advice for @answer is: "What to do", "How to find out"; NULL
 * for the answers without advice. */
const char          *abm_readiness_advice_heading     (AbmReadinessAnswer     answer);
gboolean             abm_readiness_condition_decides  (AbmReadinessCondition  condition);

/* "unanswered", "yes", "no", "unsure". */
const char          *abm_readiness_answer_key         (AbmReadinessAnswer     answer);
gboolean             abm_readiness_answer_from_key    (const char            *key,
                                                       AbmReadinessAnswer    *answer);
/* "Not answered", "Yes", "No", "Not sure". */
const char          *abm_readiness_answer_label       (AbmReadinessAnswer     answer);

/* "unanswered", "fits", "gaps", "not-yet". */
const char          *abm_readiness_outcome_key        (AbmReadinessOutcome    outcome);
const char          *abm_readiness_outcome_headline   (AbmReadinessOutcome    outcome);

AbmReadiness        *abm_readiness_new                (void);
AbmReadinessAnswer   abm_readiness_get_answer         (AbmReadiness          *self,
                                                       AbmReadinessCondition  condition);
/* Emits "changed" when the answer is new. */
void                 abm_readiness_set_answer         (AbmReadiness          *self,
                                                       AbmReadinessCondition  condition,
                                                       AbmReadinessAnswer     answer);
guint                abm_readiness_count              (AbmReadiness          *self,
                                                       AbmReadinessAnswer     answer);
AbmReadinessOutcome  abm_readiness_get_outcome        (AbmReadiness          *self);
/* One or two sentences on the outcome and what to do next. */
char                *abm_readiness_dup_summary        (AbmReadiness          *self);

/* The answers as JSON, and back. Reading takes whatever it can from a
 * document anyone may have written: an answer that is missing, unknown or
 * of the wrong type is unanswered; a document that is not JSON, too large
 * or too deep leaves every answer unanswered and returns FALSE. */
char                *abm_readiness_to_json            (AbmReadiness          *self);
gboolean             abm_readiness_load_json          (AbmReadiness          *self,
                                                       const char            *json,
                                                       gssize                 len);
/* The answers stored in @workspace, under ABM_READINESS_SETTING. */
void                 abm_readiness_load               (AbmReadiness          *self,
                                                       AbmWorkspace          *workspace);
gboolean             abm_readiness_save               (AbmReadiness          *self,
                                                       AbmWorkspace          *workspace,
                                                       GError               **error);

/* Of AbmAccount. The hint informs the deal-size answer, never gives it. */
void                 abm_readiness_measure_acv        (GListModel            *accounts,
                                                       double                 min_acv,
                                                       AbmReadinessAcv       *acv);
/* "Median ACV potential of your target accounts: 48,000 EUR, above the
 * 25,000 minimum; 12 of 140 are below it." */
char                *abm_readiness_describe_acv       (GListModel            *accounts,
                                                       double                 min_acv,
                                                       const char            *currency);

G_END_DECLS
