/* abm-play-template.h: the plays a tier starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-play.h"

G_BEGIN_DECLS

/* A one-to-one account's plays, and a Tier 2 cluster's. */
typedef enum {
  ABM_PLAY_TEMPLATE_TIER_1,
  ABM_PLAY_TEMPLATE_CLUSTER,
  ABM_PLAY_N_TEMPLATES
} AbmPlayTemplateKind;

typedef struct {
  AbmChannel    channel;
  AbmPlayOwner  owner;
  AbmRole       target_role;   /* ABM_N_ROLES: the whole account */
  char         *description;
  guint         offset;        /* days from the start date to the play's start */
  guint         duration;      /* days from the play's start to its due date */
} AbmPlayTemplateStep;

#define ABM_PLAY_TEMPLATE_MAX_STEPS  50
#define ABM_PLAY_TEMPLATE_MAX_DAYS   730

#define ABM_TYPE_PLAY_TEMPLATE (abm_play_template_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlayTemplate, abm_play_template, ABM, PLAY_TEMPLATE, GObject)

const char      *abm_play_template_kind_key      (AbmPlayTemplateKind  kind);
const char      *abm_play_template_kind_label    (AbmPlayTemplateKind  kind);
gboolean         abm_play_template_kind_from_key (const char          *key,
                                                  AbmPlayTemplateKind *kind);

/* With the built-in plays of the kind: eight over ten weeks for Tier 1,
 * five for a cluster. */
AbmPlayTemplate *abm_play_template_new           (AbmPlayTemplateKind  kind);
AbmPlayTemplateKind abm_play_template_get_kind   (AbmPlayTemplate     *self);
void             abm_play_template_assign        (AbmPlayTemplate     *self,
                                                  AbmPlayTemplate     *other);

guint            abm_play_template_get_n_steps   (AbmPlayTemplate     *self);
const AbmPlayTemplateStep *abm_play_template_get_step (AbmPlayTemplate *self,
                                                  guint                index);
/* Copies @step in; refuses an empty or long description, or days beyond
 * ABM_PLAY_TEMPLATE_MAX_DAYS. */
gboolean         abm_play_template_add_step      (AbmPlayTemplate     *self,
                                                  const AbmPlayTemplateStep *step,
                                                  GError             **error);
gboolean         abm_play_template_replace_step  (AbmPlayTemplate     *self,
                                                  guint                index,
                                                  const AbmPlayTemplateStep *step,
                                                  GError             **error);
void             abm_play_template_remove_step   (AbmPlayTemplate     *self,
                                                  guint                index);
void             abm_play_template_clear         (AbmPlayTemplate     *self);

/* The plays for an account or a cluster starting on @start, not yet
 * stored: each starts @offset days after it and is due @duration days
 * later. Of AbmPlay. */
GPtrArray       *abm_play_template_instantiate   (AbmPlayTemplate     *self,
                                                  const GDate         *start,
                                                  gint64               account_id,
                                                  gint64               cluster_id);

char            *abm_play_template_to_json       (AbmPlayTemplate     *self);
/* Steps that do not hold up are left out. */
AbmPlayTemplate *abm_play_template_new_from_json (AbmPlayTemplateKind  kind,
                                                  const char          *json,
                                                  GError             **error);

G_END_DECLS
