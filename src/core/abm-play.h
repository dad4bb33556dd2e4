/* abm-play.h: one coordinated touch of an account or a cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "abm-stakeholder.h"

G_BEGIN_DECLS

#define ABM_PLAY_ERROR (abm_play_error_quark ())

typedef enum {
  ABM_PLAY_ERROR_INVALID,
} AbmPlayError;

typedef enum {
  ABM_CHANNEL_TARGETED_ADS,
  ABM_CHANNEL_EMAIL,
  ABM_CHANNEL_SOCIAL,
  ABM_CHANNEL_EVENTS,               /* events and webinars */
  ABM_CHANNEL_DIRECT_MAIL,
  ABM_CHANNEL_WEB_PERSONALISATION,
  ABM_CHANNEL_SALES_OUTREACH,
  ABM_CHANNEL_EXECUTIVE_BRIEFING,
  ABM_CHANNEL_CONTENT,
  ABM_N_CHANNELS
} AbmChannel;

/* Which team runs the play. */
typedef enum {
  ABM_PLAY_OWNER_MARKETING,
  ABM_PLAY_OWNER_SALES,
  ABM_PLAY_N_OWNERS
} AbmPlayOwner;

typedef enum {
  ABM_PLAY_PLANNED,
  ABM_PLAY_IN_PROGRESS,
  ABM_PLAY_DONE,
  ABM_PLAY_SKIPPED,
  ABM_PLAY_N_STATUSES
} AbmPlayStatus;

#define ABM_PLAY_MAX_DESCRIPTION 4000   /* bytes */

#define ABM_TYPE_PLAY (abm_play_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlay, abm_play, ABM, PLAY, GObject)

GQuark        abm_play_error_quark          (void);

const char   *abm_channel_key               (AbmChannel      channel);
const char   *abm_channel_label             (AbmChannel      channel);
gboolean      abm_channel_from_key          (const char     *key,
                                             AbmChannel     *channel);
const char   *abm_play_owner_key            (AbmPlayOwner    owner);
const char   *abm_play_owner_label          (AbmPlayOwner    owner);
gboolean      abm_play_owner_from_key       (const char     *key,
                                             AbmPlayOwner   *owner);
const char   *abm_play_status_key           (AbmPlayStatus   status);
const char   *abm_play_status_label         (AbmPlayStatus   status);
gboolean      abm_play_status_from_key      (const char     *key,
                                             AbmPlayStatus  *status);

/* A planned marketing play by email, with no description yet. */
AbmPlay      *abm_play_new                  (void);
AbmPlay      *abm_play_copy                 (AbmPlay        *self);
/* Everything but the id, the account and the cluster. */
void          abm_play_assign               (AbmPlay        *self,
                                             AbmPlay        *other);
gboolean      abm_play_equal                (AbmPlay        *a,
                                             AbmPlay        *b);

gint64        abm_play_get_id               (AbmPlay        *self);
void          abm_play_set_id               (AbmPlay        *self,
                                             gint64          id);
/* A play is an account's (cluster 0) or a cluster's (account 0). */
gint64        abm_play_get_account_id       (AbmPlay        *self);
gint64        abm_play_get_cluster_id       (AbmPlay        *self);
void          abm_play_set_subject          (AbmPlay        *self,
                                             gint64          account_id,
                                             gint64          cluster_id);

AbmChannel    abm_play_get_channel          (AbmPlay        *self);
void          abm_play_set_channel          (AbmPlay        *self,
                                             AbmChannel      channel);
/* Whom it aims at: a person of the account's committee, or a committee
 * role, or neither (the whole account). Setting one clears the other. */
gint64        abm_play_get_target_stakeholder (AbmPlay      *self);
void          abm_play_set_target_stakeholder (AbmPlay      *self,
                                             gint64          stakeholder_id);
/* ABM_N_ROLES for none. */
AbmRole       abm_play_get_target_role      (AbmPlay        *self);
void          abm_play_set_target_role      (AbmPlay        *self,
                                             AbmRole         role);
/* Multi-line, kept as typed; required to store the play. */
const char   *abm_play_get_description      (AbmPlay        *self);
gboolean      abm_play_set_description      (AbmPlay        *self,
                                             const char     *description,
                                             GError        **error);
AbmPlayOwner  abm_play_get_owner            (AbmPlay        *self);
void          abm_play_set_owner            (AbmPlay        *self,
                                             AbmPlayOwner    owner);
/* YYYY-MM-DD or NULL; the start on or before the due date. */
const char   *abm_play_get_start            (AbmPlay        *self);
const char   *abm_play_get_due              (AbmPlay        *self);
gboolean      abm_play_set_dates            (AbmPlay        *self,
                                             const char     *start,
                                             const char     *due,
                                             GError        **error);
AbmPlayStatus abm_play_get_status           (AbmPlay        *self);
void          abm_play_set_status           (AbmPlay        *self,
                                             AbmPlayStatus   status);

/* Planned or in progress. */
gboolean      abm_play_is_open              (AbmPlay        *self);
/* Open and due before today, on the calendar of @now (NULL: now). */
gboolean      abm_play_is_overdue           (AbmPlay        *self,
                                             GDateTime      *now);
/* Days from today to the due date (negative when past); FALSE when the
 * play has no due date. */
gboolean      abm_play_get_days_until_due   (AbmPlay        *self,
                                             GDateTime      *now,
                                             int            *days);

JsonNode     *abm_play_to_json              (AbmPlay        *self);
AbmPlay      *abm_play_new_from_json        (JsonNode       *node,
                                             GError        **error);

G_END_DECLS
