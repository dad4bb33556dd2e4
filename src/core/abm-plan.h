/* abm-plan.h: the account plan, one per account or per Tier 2 cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-plan-item.h"
#include "abm-whitespace.h"

G_BEGIN_DECLS

/* The written sections, in the order a plan page shows them. SWOT is our
 * position in the account. A cluster plan carries the messaging; an
 * account in a cluster keeps its own notes. */
typedef enum {
  ABM_PLAN_SECTION_PRIORITIES,
  ABM_PLAN_SECTION_PAIN_POINTS,
  ABM_PLAN_SECTION_STRENGTHS,
  ABM_PLAN_SECTION_WEAKNESSES,
  ABM_PLAN_SECTION_OPPORTUNITIES,
  ABM_PLAN_SECTION_THREATS,
  ABM_PLAN_SECTION_COMPETITION,
  ABM_PLAN_SECTION_VALUE_HYPOTHESIS,
  ABM_PLAN_SECTION_OBJECTIVES,
  ABM_PLAN_SECTION_RISKS,
  ABM_PLAN_SECTION_MESSAGING,
  ABM_PLAN_SECTION_NOTES,
  ABM_PLAN_N_SECTIONS
} AbmPlanSection;

/* Land a new logo, or expand in an existing customer. */
typedef enum {
  ABM_MOTION_NONE,
  ABM_MOTION_LAND,
  ABM_MOTION_EXPAND,
  ABM_N_MOTIONS
} AbmMotion;

typedef enum {
  ABM_PLAN_FRESH,
  ABM_PLAN_REVIEW_DUE,      /* its review date has passed */
  ABM_PLAN_UNTOUCHED,       /* not edited for the workspace's stale days */
} AbmPlanStaleness;

/* A block of a section's text: "- ", "* " or "• " at the start of a line
 * makes a bullet; other lines run together into paragraphs, which blank
 * lines separate. */
typedef enum {
  ABM_TEXT_PARAGRAPH,
  ABM_TEXT_BULLET,
} AbmTextBlockKind;

typedef struct {
  AbmTextBlockKind  kind;
  char             *text;
} AbmTextBlock;

#define ABM_PLAN_MAX_SECTION      (64 * 1024)   /* bytes */
#define ABM_PLAN_DEFAULT_STALE_DAYS  90
#define ABM_PLAN_MAX_STALE_DAYS      3650

#define ABM_TYPE_PLAN (abm_plan_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlan, abm_plan, ABM, PLAN, GObject)

const char    *abm_plan_section_key         (AbmPlanSection   section);
const char    *abm_plan_section_label       (AbmPlanSection   section);
gboolean       abm_plan_section_from_key    (const char      *key,
                                             AbmPlanSection  *section);
const char    *abm_motion_key               (AbmMotion        motion);
const char    *abm_motion_label             (AbmMotion        motion);
gboolean       abm_motion_from_key          (const char      *key,
                                             AbmMotion       *motion);

/* Of AbmTextBlock; free with g_ptr_array_unref(). */
GPtrArray     *abm_plan_text_blocks         (const char      *text);

/* A plan of an account (@cluster_id 0) or of a cluster (@account_id 0),
 * not yet stored. */
AbmPlan       *abm_plan_new                 (gint64           account_id,
                                             gint64           cluster_id);

/* 0 until its first edit is stored. */
gint64         abm_plan_get_id              (AbmPlan         *self);
gint64         abm_plan_get_account_id      (AbmPlan         *self);
gint64         abm_plan_get_cluster_id      (AbmPlan         *self);

/* As typed, "" when empty. */
const char    *abm_plan_get_section         (AbmPlan         *self,
                                             AbmPlanSection   section);
/* Kept exactly as typed; refuses text that is not UTF-8 or too long. */
gboolean       abm_plan_set_section         (AbmPlan         *self,
                                             AbmPlanSection   section,
                                             const char      *text,
                                             GError         **error);
AbmMotion      abm_plan_get_motion          (AbmPlan         *self);
void           abm_plan_set_motion          (AbmPlan         *self,
                                             AbmMotion        motion);
/* YYYY-MM-DD or NULL. */
const char    *abm_plan_get_review_date     (AbmPlan         *self);
gboolean       abm_plan_set_review_date     (AbmPlan         *self,
                                             const char      *date,
                                             GError         **error);
/* The map itself: change a copy and store it with
 * abm_workspace_set_plan_whitespace(). */
AbmWhitespace *abm_plan_get_whitespace      (AbmPlan         *self);

/* When it was last edited, NULL if never: the "last edited" line. */
GDateTime     *abm_plan_get_modified        (AbmPlan         *self);

/* A GListModel of AbmPlanItem of @kind, oldest first, kept current by
 * the workspace. */
GListModel    *abm_plan_get_items           (AbmPlan         *self,
                                             AbmPlanItemKind  kind);
AbmPlanItem   *abm_plan_find_item           (AbmPlan         *self,
                                             gint64           id);

/* Whether anything was ever written in it. */
gboolean       abm_plan_is_empty            (AbmPlan         *self);

/* Inheritance for an account in a cluster: a section left blank shows the
 * cluster plan's (@parent, may be NULL); notes are always the account's
 * own. @inherited says which it was. */
const char    *abm_plan_get_effective_section (AbmPlan       *self,
                                             AbmPlan         *parent,
                                             AbmPlanSection   section,
                                             gboolean        *inherited);
AbmMotion      abm_plan_get_effective_motion (AbmPlan        *self,
                                             AbmPlan         *parent);

/* Past its review date, or not edited for @stale_days days, on the
 * calendar of @now (NULL: now). A plan never written is fresh. */
AbmPlanStaleness abm_plan_get_staleness     (AbmPlan         *self,
                                             GDateTime       *now,
                                             guint            stale_days);
/* The same for a plan's review date and last edit (NULL: never). */
AbmPlanStaleness abm_plan_staleness_for     (const char      *review_date,
                                             GDateTime       *modified,
                                             GDateTime       *now,
                                             guint            stale_days);
const char    *abm_plan_staleness_key       (AbmPlanStaleness staleness);

/* Sections by key, motion, review date, last edit, the map and the
 * lists; the id and owner too. */
JsonNode      *abm_plan_to_json             (AbmPlan         *self);
/* Checks every value as typing would; a map that does not read is left
 * empty. */
AbmPlan       *abm_plan_new_from_json       (JsonNode        *node,
                                             GError         **error);

/* For the workspace, which stores first and then tells the plan. */
void           abm_plan_set_stored          (AbmPlan         *self,
                                             gint64           id,
                                             GDateTime       *modified);
void           abm_plan_set_whitespace      (AbmPlan         *self,
                                             AbmWhitespace   *map);
void           abm_plan_add_item            (AbmPlan         *self,
                                             AbmPlanItem     *item);
void           abm_plan_remove_item         (AbmPlan         *self,
                                             AbmPlanItem     *item);
void           abm_plan_item_updated        (AbmPlan         *self,
                                             AbmPlanItem     *item);

void           abm_text_block_free          (AbmTextBlock    *block);

G_END_DECLS
