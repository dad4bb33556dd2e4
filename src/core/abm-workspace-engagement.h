/* abm-workspace-engagement.h: activities, opportunities, program costs
 * and the KPIs computed from them
 *
 * Part of AbmWorkspace's API; include "abm-workspace.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-workspace.h"
#include "abm-activity.h"
#include "abm-engagement.h"
#include "abm-journey.h"
#include "abm-kpis.h"
#include "abm-opportunity.h"

G_BEGIN_DECLS

/* Activities
 *
 * Every activity of the workspace is read into memory when first asked
 * for (a million take about 50 MB) and kept current, ordered by account
 * and day. Changes emit the workspace's "activities-changed" with the
 * account's id (0 when many accounts changed at once). */

/* All activities, by account id and then day; the workspace keeps them.
 * NULL with @error when they cannot be read. */
const AbmActivity *abm_workspace_get_activities      (AbmWorkspace       *self,
                                                      gsize              *n_activities,
                                                      GError            **error);
/* One account's, newest first: a new array of copies. */
GArray       *abm_workspace_get_account_activities   (AbmWorkspace       *self,
                                                      AbmAccount         *account,
                                                      GError            **error);
/* Stores a copy of @values (its account must exist; a person must be on
 * that account's committee) and returns the new id, 0 on failure. */
gint64        abm_workspace_add_activity             (AbmWorkspace       *self,
                                                      const AbmActivity  *values,
                                                      GError            **error);
/* Stores every activity of @batch (AbmActivity) in one transaction. */
gboolean      abm_workspace_add_activities           (AbmWorkspace       *self,
                                                      GArray             *batch,
                                                      GError            **error);
/* Returns the undo id for abm_workspace_undo(), 0 on failure. */
gint64        abm_workspace_delete_activity          (AbmWorkspace       *self,
                                                      gint64              id,
                                                      GError            **error);

/* Opportunities
 *
 * An account's opportunities are a GListModel of AbmOpportunity, newest
 * first; all of them are read at once when first asked for (a program has
 * thousands, not millions). Changes emit "opportunities-changed" with the
 * account's id (0 for many). */

GListModel   *abm_workspace_get_opportunities        (AbmWorkspace       *self,
                                                      AbmAccount         *account,
                                                      GError            **error);
/* Every opportunity of the workspace, AbmOpportunity; the workspace's own. */
GPtrArray    *abm_workspace_get_all_opportunities    (AbmWorkspace       *self,
                                                      GError            **error);
AbmOpportunity *abm_workspace_find_opportunity       (AbmWorkspace       *self,
                                                      gint64              id);
/* Stores a copy of @values for the account it names; returns it (the
 * list keeps it). */
AbmOpportunity *abm_workspace_add_opportunity        (AbmWorkspace       *self,
                                                      AbmOpportunity     *values,
                                                      GError            **error);
gboolean      abm_workspace_update_opportunity       (AbmWorkspace       *self,
                                                      AbmOpportunity     *opportunity,
                                                      AbmOpportunity     *values,
                                                      GError            **error);
/* Returns the undo id for abm_workspace_undo(), 0 on failure. */
gint64        abm_workspace_delete_opportunity       (AbmWorkspace       *self,
                                                      AbmOpportunity     *opportunity,
                                                      GError            **error);
/* An import's outcome in one transaction: copies with id 0 are added,
 * others replace the opportunity of their id. */
gboolean      abm_workspace_apply_opportunities      (AbmWorkspace       *self,
                                                      GPtrArray          *batch,
                                                      GError            **error);

/* The ids of accounts with a won opportunity (gint64* keys): the
 * customers abm_icp_learn() learns from. */
GHashTable   *abm_workspace_dup_won_accounts         (AbmWorkspace       *self,
                                                      GError            **error);

/* Program costs: at most one amount per tier (0: the whole program) and
 * period ("2026-Q3", "2026-09", "2026" or "FROM..TO"). Changes emit
 * "setting-changed::program-costs". */

/* Of AbmProgramCost, by period and tier. */
GArray       *abm_workspace_get_program_costs        (AbmWorkspace       *self,
                                                      GError            **error);
/* Sets the cost of @tier in @period; a negative @amount removes it. */
gboolean      abm_workspace_set_program_cost         (AbmWorkspace       *self,
                                                      guint               tier,
                                                      const char         *period,
                                                      double              amount,
                                                      GError            **error);

/* Engagement and KPIs */

/* The rules in force (the "engagement" setting, or the defaults); the
 * workspace keeps them. */
AbmEngagementRules *abm_workspace_get_engagement_rules (AbmWorkspace     *self);
gboolean      abm_workspace_set_engagement_rules     (AbmWorkspace       *self,
                                                      AbmEngagementRules *rules,
                                                      GError            **error);
/* Every stakeholder's roles: the @roles of abm_engagement_compute(). */
GHashTable   *abm_workspace_dup_stakeholder_roles    (AbmWorkspace       *self,
                                                      GError            **error);
/* The engagement of every account as of @today (Julian day; 0 today). */
AbmEngagementSet *abm_workspace_compute_engagement   (AbmWorkspace       *self,
                                                      guint32             today,
                                                      GError            **error);
/* The engagement of @account alone as of today: a set of one, quick
 * enough for every change of selection. */
AbmEngagementSet *abm_workspace_compute_account_engagement (AbmWorkspace *self,
                                                      AbmAccount         *account,
                                                      GError            **error);
/* Why @account scores what it does (as of today). */
AbmEngagementExplanation *abm_workspace_explain_engagement (AbmWorkspace *self,
                                                      AbmAccount         *account,
                                                      GError            **error);
/* Where @account is today: its manual stage when set (*overridden TRUE),
 * else what its data says. @set may be NULL (computed for the account
 * alone); @reason may be NULL. */
AbmJourneyStage abm_workspace_get_journey_stage      (AbmWorkspace       *self,
                                                      AbmAccount         *account,
                                                      AbmEngagementSet   *set,
                                                      gboolean           *overridden,
                                                      char              **reason);
/* Committee coverage of every account that has a committee:
 * gint64* id → double* 0–100. */
GHashTable   *abm_workspace_compute_coverage_scores  (AbmWorkspace       *self,
                                                      GError            **error);
/* The program's KPIs for @period as of @today (Julian day; 0 today). */
AbmKpis      *abm_workspace_compute_kpis             (AbmWorkspace       *self,
                                                      const AbmPeriod    *period,
                                                      guint32             today,
                                                      GError            **error);

/* Today as a Julian day. */
guint32       abm_workspace_today                    (void);

G_END_DECLS
