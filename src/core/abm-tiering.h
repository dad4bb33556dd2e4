/* abm-tiering.h: priorities, tier suggestions, capacity and clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-account.h"
#include "abm-tier-rules.h"

G_BEGIN_DECLS

/* An account's priority: its parts (0–100 each) and their weighted mean. */
typedef struct {
  double parts[ABM_PRIORITY_N_PARTS];
  double priority;
} AbmPriority;

/* Tiers suggested for a list of accounts under some rules: what
 * "Suggest Tiers" would do. Positions are those of the list. */
typedef struct _AbmTierPlan AbmTierPlan;

AbmTierPlan *abm_tier_plan_new            (AbmTierRules   *rules,
                                           GListModel     *accounts);
void         abm_tier_plan_free           (AbmTierPlan    *plan);
guint        abm_tier_plan_get_n_accounts (AbmTierPlan    *plan);
AbmAccount  *abm_tier_plan_get_account    (AbmTierPlan    *plan,
                                           guint           position);
/* 0 (not tiered) to 3; a locked account keeps its tier. */
guint        abm_tier_plan_get_tier       (AbmTierPlan    *plan,
                                           guint           position);
const AbmPriority *abm_tier_plan_get_priority (AbmTierPlan *plan,
                                           guint           position);
/* How many accounts the plan puts in @tier (0 to 3). */
guint        abm_tier_plan_count          (AbmTierPlan    *plan,
                                           guint           tier);
/* How many accounts the plan would move to another tier. */
guint        abm_tier_plan_count_changes  (AbmTierPlan    *plan);
/* Why the account at @position has the tier it has now, in a sentence
 * or two: its lock, or the rule that placed it, with its priority. */
char        *abm_tier_plan_explain        (AbmTierPlan    *plan,
                                           guint           position);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmTierPlan, abm_tier_plan_free)

/* Counts, ACV potential and fit of a group of accounts. */
typedef struct {
  guint  count;
  double acv_total;     /* of the accounts whose ACV is known */
  double fit_sum;
  guint  fit_count;     /* accounts with a fit score */
  guint  locked;
} AbmTierStats;

double       abm_tier_stats_fit_average   (const AbmTierStats *stats);

/* The tiered list as it stands: by tier (index 0: not tiered). */
typedef struct {
  AbmTierStats tiers[4];
  guint        below_min_acv;       /* in Tier 1 or 2, ACV known and below the minimum */
  guint        unclustered_tier2;
} AbmTierSummary;

void         abm_tier_summary_compute     (AbmTierSummary *summary,
                                           GListModel     *accounts,
                                           AbmTierRules   *rules);
/* Of AbmTierStats by cluster id (gint64 keys as pointers to gint64). */
GHashTable  *abm_tier_cluster_stats       (GListModel     *accounts);

typedef enum {
  ABM_TIER_NOTE_INFO,
  ABM_TIER_NOTE_WARNING,
} AbmTierNoteLevel;

typedef struct {
  AbmTierNoteLevel level;
  char            *text;
} AbmTierNote;

void         abm_tier_note_free           (AbmTierNote    *note);
/* Plain-words warnings (and hints) about capacity, Tier 1 size, small
 * deals in Tier 1 and 2 and unclustered Tier 2 accounts; of AbmTierNote,
 * warnings first. @currency names the money, or is NULL. */
GPtrArray   *abm_tier_summary_notes       (const AbmTierSummary *summary,
                                           AbmTierRules   *rules,
                                           const char     *currency);
/* Accounts per account executive in @tier, or -1 when no team is set. */
double       abm_tier_per_ae              (const AbmTierSummary *summary,
                                           AbmTierRules   *rules,
                                           guint           tier);

/* A cluster the suggestion proposes for Tier 2 accounts that share an
 * attribute. */
typedef struct {
  char      *name;        /* "Banking", "Salesforce users" */
  char      *note;        /* what the accounts have in common, to start the messaging */
  char      *attribute;   /* "Industry is Banking" */
  GPtrArray *accounts;    /* AbmAccount, references */
} AbmClusterProposal;

void         abm_cluster_proposal_free    (AbmClusterProposal *proposal);

#define ABM_CLUSTER_MIN_SIZE 5
#define ABM_CLUSTER_MAX_SIZE 20

/* Groups the Tier 2 accounts of @accounts that are in no cluster, greedily,
 * into clusters of 5 to 20: by industry first, then by a custom field
 * such as a use case, then by a technology; within a kind the value most
 * accounts share wins, and one that most of the list shares (a segment
 * everyone is in) only comes last. Of AbmClusterProposal, biggest first. */
GPtrArray   *abm_suggest_clusters         (GListModel     *accounts);

G_END_DECLS
