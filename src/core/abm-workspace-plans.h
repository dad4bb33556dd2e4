/* abm-workspace-plans.h: account plans, plays and the weekly agenda
 *
 * Part of AbmWorkspace's API; include "abm-workspace.h".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-workspace.h"
#include "abm-plan.h"
#include "abm-play.h"
#include "abm-play-template.h"

G_BEGIN_DECLS

/* Plans
 *
 * A plan is read when first asked for and kept current while the
 * workspace is open, like a committee. An account or cluster that has none
 * gets an empty plan (id 0) that its first edit stores. Every edit below
 * is one short transaction, durable when the call returns, that also
 * stamps the plan's last edit (AbmPlan:modified); an edit that changes
 * nothing writes nothing. Each emits the workspace's "plan-changed". */

AbmPlan      *abm_workspace_get_plan             (AbmWorkspace      *self,
                                                  AbmAccount        *account,
                                                  GError           **error);
AbmPlan      *abm_workspace_get_cluster_plan     (AbmWorkspace      *self,
                                                  AbmCluster        *cluster,
                                                  GError           **error);
/* The plan of the cluster @account is in, or NULL (no cluster, or an
 * error): what abm_plan_get_effective_section() inherits from. */
AbmPlan      *abm_workspace_get_parent_plan      (AbmWorkspace      *self,
                                                  AbmAccount        *account,
                                                  GError           **error);

/* The call to make on each debounce while the user types. */
gboolean      abm_workspace_set_plan_section     (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  AbmPlanSection     section,
                                                  const char        *text,
                                                  GError           **error);
gboolean      abm_workspace_set_plan_motion      (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  AbmMotion          motion,
                                                  GError           **error);
gboolean      abm_workspace_set_plan_review_date (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  const char        *date,
                                                  GError           **error);
/* Stores a copy of @map as the plan's whitespace map. */
gboolean      abm_workspace_set_plan_whitespace  (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  AbmWhitespace     *map,
                                                  GError           **error);
/* Adds a copy of @values (a vendor, an event or a step) to the plan's
 * list of its kind and returns it (the plan keeps it). */
AbmPlanItem  *abm_workspace_add_plan_item        (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  AbmPlanItem       *values,
                                                  GError           **error);
gboolean      abm_workspace_update_plan_item     (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  AbmPlanItem       *item,
                                                  AbmPlanItem       *values,
                                                  GError           **error);
/* Returns the undo id for abm_workspace_undo(), 0 on failure. */
gint64        abm_workspace_delete_plan_item     (AbmWorkspace      *self,
                                                  AbmPlan           *plan,
                                                  AbmPlanItem       *item,
                                                  GError           **error);

/* A plan not edited for this many days is stale (default 90); stored in
 * the "plans" setting with the offerings. */
guint         abm_workspace_get_stale_days       (AbmWorkspace      *self);
gboolean      abm_workspace_set_stale_days       (AbmWorkspace      *self,
                                                  guint              days,
                                                  GError           **error);
/* Our offerings: the columns a new whitespace map starts with. */
GStrv         abm_workspace_dup_offerings        (AbmWorkspace      *self);
gboolean      abm_workspace_set_offerings        (AbmWorkspace      *self,
                                                  const char *const *offerings,
                                                  GError           **error);
/* Appends @name to our offerings unless it is there already (in any
 * case), so a column added to one map is offered to every new one. */
gboolean      abm_workspace_add_offering         (AbmWorkspace      *self,
                                                  const char        *name,
                                                  GError           **error);

/* Plays
 *
 * An account's or a cluster's plays are a GListModel of AbmPlay in id
 * order, read when first asked for and kept current. An account in a
 * cluster is also touched by the cluster's plays. Every change emits the
 * workspace's "plays-changed" with the account and cluster ids. */

GListModel   *abm_workspace_get_plays            (AbmWorkspace      *self,
                                                  AbmAccount        *account,
                                                  GError           **error);
GListModel   *abm_workspace_get_cluster_plays    (AbmWorkspace      *self,
                                                  AbmCluster        *cluster,
                                                  GError           **error);
/* A play by its id, as its list keeps it, or NULL. */
AbmPlay      *abm_workspace_find_play            (AbmWorkspace      *self,
                                                  gint64             id,
                                                  GError           **error);
/* The person a play aims at, if they are still on the committee. */
AbmStakeholder *abm_workspace_find_play_target   (AbmWorkspace      *self,
                                                  AbmPlay           *play);
/* Stores a copy of @values for the account or cluster it names
 * (abm_play_set_subject()) and returns it (the list keeps it). A target
 * person must be on that account's committee. */
AbmPlay      *abm_workspace_add_play             (AbmWorkspace      *self,
                                                  AbmPlay           *values,
                                                  GError           **error);
gboolean      abm_workspace_update_play          (AbmWorkspace      *self,
                                                  AbmPlay           *play,
                                                  AbmPlay           *values,
                                                  GError           **error);
gboolean      abm_workspace_set_play_status      (AbmWorkspace      *self,
                                                  AbmPlay           *play,
                                                  AbmPlayStatus      status,
                                                  GError           **error);
/* Returns the undo id for abm_workspace_undo(), 0 on failure. */
gint64        abm_workspace_delete_play          (AbmWorkspace      *self,
                                                  AbmPlay           *play,
                                                  GError           **error);

/* The two templates, stored as they change (settings "play-template-tier-1"
 * and "play-template-cluster"); the built-in plays until edited. */
AbmPlayTemplate *abm_workspace_get_play_template (AbmWorkspace      *self,
                                                  AbmPlayTemplateKind kind);
/* Adds the template's plays to an account or (with @account NULL) a
 * cluster, dated from @start, in one transaction. Returns the new plays
 * (the lists keep them), or NULL. */
GPtrArray    *abm_workspace_apply_play_template  (AbmWorkspace      *self,
                                                  AbmPlayTemplate   *template,
                                                  AbmAccount        *account,
                                                  AbmCluster        *cluster,
                                                  const GDate       *start,
                                                  GError           **error);

typedef struct {
  gint64   account_id;   /* 0: any; with cluster_id, the plays of either */
  gint64   cluster_id;   /* 0: any */
  gboolean open_only;    /* planned or in progress */
  int      due_within;   /* -1: any date; else due from today to N days on */
  gboolean overdue;      /* alone: only open plays due before today; with
                          * due_within, those as well */
} AbmPlayFilter;

/* Plays across the workspace, by due date (undated last), on the
 * calendar of @now (NULL: now). Of AbmPlay: the workspace's own objects
 * for lists already read, fresh ones otherwise. */
GPtrArray    *abm_workspace_find_plays           (AbmWorkspace      *self,
                                                  const AbmPlayFilter *filter,
                                                  GDateTime         *now,
                                                  GError           **error);

/* The weekly account review */

typedef enum {
  ABM_AGENDA_STEP,          /* a next step due this week or overdue */
  ABM_AGENDA_PLAY,          /* an overdue play */
  ABM_AGENDA_STALE_PLAN,    /* a plan past its review date or untouched */
} AbmAgendaKind;

typedef struct {
  AbmAgendaKind     kind;
  gint64            account_id;   /* one of the two is 0 */
  gint64            cluster_id;
  char             *subject;      /* the account's or cluster's name */
  char             *domain;       /* the account's, or NULL */
  gint64            id;           /* the step's, the play's, or the plan's */
  char             *text;         /* the step or the play; NULL for a plan */
  char             *owner;        /* a step's owner (may be NULL) */
  AbmPlayOwner      team;         /* plays */
  AbmChannel        channel;      /* plays */
  char             *date;         /* the due date; a plan's review date or NULL */
  int               days;         /* until due (negative: overdue); for a
                                   * plan, days since its last edit */
  gboolean          overdue;
  AbmPlanStaleness  staleness;    /* plans */
} AbmAgendaItem;

void          abm_agenda_item_free               (AbmAgendaItem     *item);

/* Next steps due in the week of @now (Monday to Sunday) or before and not
 * done, open plays due before today, and stale plans: overdue first, the
 * oldest first, then the week by date, then the plans by name. Of
 * AbmAgendaItem. */
GPtrArray    *abm_workspace_get_agenda           (AbmWorkspace      *self,
                                                  GDateTime         *now,
                                                  GError           **error);
/* The stale plans alone, of AbmAgendaItem: for flags in a list. */
GPtrArray    *abm_workspace_list_stale_plans     (AbmWorkspace      *self,
                                                  GDateTime         *now,
                                                  GError           **error);

/* An account by its id, or NULL. */
AbmAccount   *abm_workspace_find_account_by_id   (AbmWorkspace      *self,
                                                  gint64             id);
/* What names this workspace in calendar UIDs: the same for every export. */
char         *abm_workspace_dup_uid              (AbmWorkspace      *self);

G_END_DECLS
