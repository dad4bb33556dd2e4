/* abm-plan-item.h: a dated entry of an account plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ABM_PLAN_ERROR (abm_plan_error_quark ())

typedef enum {
  ABM_PLAN_ERROR_INVALID,
} AbmPlanError;

/* The lists of a plan: the competitive landscape's current vendors (with
 * their renewal dates), trigger events, and next steps. */
typedef enum {
  ABM_PLAN_ITEM_VENDOR,
  ABM_PLAN_ITEM_EVENT,
  ABM_PLAN_ITEM_STEP,
  ABM_PLAN_N_ITEM_KINDS
} AbmPlanItemKind;

/* What happened at the account that opens a door. */
typedef enum {
  ABM_TRIGGER_LEADERSHIP_CHANGE,
  ABM_TRIGGER_FUNDING,
  ABM_TRIGGER_MERGER,
  ABM_TRIGGER_REGULATION,
  ABM_TRIGGER_OTHER,
  ABM_N_TRIGGERS
} AbmTrigger;

#define ABM_PLAN_ITEM_MAX_TEXT    2000    /* bytes; the detail 10× that */

#define ABM_TYPE_PLAN_ITEM (abm_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlanItem, abm_plan_item, ABM, PLAN_ITEM, GObject)

GQuark           abm_plan_error_quark          (void);

const char      *abm_plan_item_kind_key        (AbmPlanItemKind kind);
const char      *abm_plan_item_kind_label      (AbmPlanItemKind kind);
gboolean         abm_plan_item_kind_from_key   (const char      *key,
                                                AbmPlanItemKind *kind);
const char      *abm_trigger_key               (AbmTrigger       trigger);
const char      *abm_trigger_label             (AbmTrigger       trigger);
gboolean         abm_trigger_from_key          (const char      *key,
                                                AbmTrigger      *trigger);

AbmPlanItem     *abm_plan_item_new             (AbmPlanItemKind  kind);
AbmPlanItem     *abm_plan_item_copy            (AbmPlanItem     *self);
/* Everything but the id, the plan and the kind. */
void             abm_plan_item_assign          (AbmPlanItem     *self,
                                                AbmPlanItem     *other);
gboolean         abm_plan_item_equal           (AbmPlanItem     *a,
                                                AbmPlanItem     *b);

gint64           abm_plan_item_get_id          (AbmPlanItem     *self);
void             abm_plan_item_set_id          (AbmPlanItem     *self,
                                                gint64           id);
gint64           abm_plan_item_get_plan_id     (AbmPlanItem     *self);
void             abm_plan_item_set_plan_id     (AbmPlanItem     *self,
                                                gint64           plan_id);
AbmPlanItemKind  abm_plan_item_get_kind        (AbmPlanItem     *self);

/* The vendor's name, the event, or the step: one line, required. */
const char      *abm_plan_item_get_text        (AbmPlanItem     *self);
gboolean         abm_plan_item_set_text        (AbmPlanItem     *self,
                                                const char      *text,
                                                GError         **error);
/* What the vendor supplies, or notes; multi-line, may be NULL. */
const char      *abm_plan_item_get_detail      (AbmPlanItem     *self);
gboolean         abm_plan_item_set_detail      (AbmPlanItem     *self,
                                                const char      *detail,
                                                GError         **error);
/* YYYY-MM-DD or NULL: the renewal, the day of the event, or the step's
 * due date. */
const char      *abm_plan_item_get_date        (AbmPlanItem     *self);
gboolean         abm_plan_item_set_date        (AbmPlanItem     *self,
                                                const char      *date,
                                                GError         **error);
/* Events only. */
AbmTrigger       abm_plan_item_get_trigger     (AbmPlanItem     *self);
void             abm_plan_item_set_trigger     (AbmPlanItem     *self,
                                                AbmTrigger       trigger);
/* Steps: who does it (a name, free text), and whether it is done. */
const char      *abm_plan_item_get_owner       (AbmPlanItem     *self);
gboolean         abm_plan_item_set_owner       (AbmPlanItem     *self,
                                                const char      *owner,
                                                GError         **error);
gboolean         abm_plan_item_get_done        (AbmPlanItem     *self);
void             abm_plan_item_set_done        (AbmPlanItem     *self,
                                                gboolean         done);

/* A step not done whose due date is before today (@now NULL: now). */
gboolean         abm_plan_item_is_overdue      (AbmPlanItem     *self,
                                                GDateTime       *now);

JsonNode        *abm_plan_item_to_json         (AbmPlanItem     *self);
AbmPlanItem     *abm_plan_item_new_from_json   (JsonNode        *node,
                                                GError         **error);

G_END_DECLS
