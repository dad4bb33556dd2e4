/* abm-play.c: one coordinated touch of an account or a cluster
 *
 * A play is what marketing or sales does, by which channel, for whom, and
 * when: the rows of the plays table and the bars of the timeline, and
 * what lands in a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-json.h"
#include "abm-keyed.h"
#include "abm-play.h"

struct _AbmPlay
{
  GObject        parent_instance;

  gint64         id;
  gint64         account_id;
  gint64         cluster_id;
  AbmChannel     channel;
  gint64         target_stakeholder;
  AbmRole        target_role;
  char          *description;
  AbmPlayOwner   owner;
  char          *start;
  char          *due;
  AbmPlayStatus  status;
};

G_DEFINE_FINAL_TYPE (AbmPlay, abm_play, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-play-error-quark, abm_play_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} channels[ABM_N_CHANNELS] = {
  [ABM_CHANNEL_TARGETED_ADS]        = { "targeted-ads", N_("Targeted ads") },
  [ABM_CHANNEL_EMAIL]               = { "email", N_("Email") },
  [ABM_CHANNEL_SOCIAL]              = { "social", N_("Social") },
  [ABM_CHANNEL_EVENTS]              = { "events", N_("Events and webinars") },
  [ABM_CHANNEL_DIRECT_MAIL]         = { "direct-mail", N_("Direct mail") },
  [ABM_CHANNEL_WEB_PERSONALISATION] = { "web-personalisation", N_("Web personalisation") },
  [ABM_CHANNEL_SALES_OUTREACH]      = { "sales-outreach", N_("Sales outreach") },
  [ABM_CHANNEL_EXECUTIVE_BRIEFING]  = { "executive-briefing", N_("Executive briefing") },
  [ABM_CHANNEL_CONTENT]             = { "content", N_("Content") },
};

static const struct {
  const char *key;
  const char *label;
} owners[ABM_PLAY_N_OWNERS] = {
  [ABM_PLAY_OWNER_MARKETING] = { "marketing", N_("Marketing") },
  [ABM_PLAY_OWNER_SALES]     = { "sales", N_("Sales") },
};

static const struct {
  const char *key;
  const char *label;
} statuses[ABM_PLAY_N_STATUSES] = {
  [ABM_PLAY_PLANNED]     = { "planned", N_("Planned") },
  [ABM_PLAY_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [ABM_PLAY_DONE]        = { "done", N_("Done") },
  [ABM_PLAY_SKIPPED]     = { "skipped", N_("Skipped") },
};

ABM_DEFINE_KEYED (abm_channel, AbmChannel, channels, ABM_N_CHANNELS)
ABM_DEFINE_KEYED (abm_play_owner, AbmPlayOwner, owners, ABM_PLAY_N_OWNERS)
ABM_DEFINE_KEYED (abm_play_status, AbmPlayStatus, statuses, ABM_PLAY_N_STATUSES)

static void
abm_play_finalize (GObject *object)
{
  AbmPlay *self = ABM_PLAY (object);

  g_free (self->description);
  g_free (self->start);
  g_free (self->due);
  G_OBJECT_CLASS (abm_play_parent_class)->finalize (object);
}

static void
abm_play_class_init (AbmPlayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_play_finalize;

  /* Any value changed: a row or a bar of the timeline redraws. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_play_init (AbmPlay *self)
{
  self->channel = ABM_CHANNEL_EMAIL;
  self->target_role = ABM_N_ROLES;
}

static void
changed (AbmPlay *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

AbmPlay *
abm_play_new (void)
{
  return g_object_new (ABM_TYPE_PLAY, NULL);
}

AbmPlay *
abm_play_copy (AbmPlay *self)
{
  AbmPlay *copy;

  g_return_val_if_fail (ABM_IS_PLAY (self), NULL);

  copy = abm_play_new ();
  copy->id = self->id;
  copy->account_id = self->account_id;
  copy->cluster_id = self->cluster_id;
  abm_play_assign (copy, self);
  return copy;
}

void
abm_play_assign (AbmPlay *self,
                 AbmPlay *other)
{
  g_return_if_fail (ABM_IS_PLAY (self));
  g_return_if_fail (ABM_IS_PLAY (other));

  if (self == other || abm_play_equal (self, other))
    return;
  self->channel = other->channel;
  self->target_stakeholder = other->target_stakeholder;
  self->target_role = other->target_role;
  g_free (self->description);
  self->description = g_strdup (other->description);
  self->owner = other->owner;
  g_free (self->start);
  self->start = g_strdup (other->start);
  g_free (self->due);
  self->due = g_strdup (other->due);
  self->status = other->status;
  changed (self);
}

gboolean
abm_play_equal (AbmPlay *a,
                AbmPlay *b)
{
  g_return_val_if_fail (ABM_IS_PLAY (a) && ABM_IS_PLAY (b), FALSE);

  return a->channel == b->channel && a->target_stakeholder == b->target_stakeholder
         && a->target_role == b->target_role && g_strcmp0 (a->description, b->description) == 0
         && a->owner == b->owner && g_strcmp0 (a->start, b->start) == 0
         && g_strcmp0 (a->due, b->due) == 0 && a->status == b->status;
}

gint64
abm_play_get_id (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), 0);
  return self->id;
}

void
abm_play_set_id (AbmPlay *self,
                 gint64   id)
{
  g_return_if_fail (ABM_IS_PLAY (self));
  self->id = id;
}

gint64
abm_play_get_account_id (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), 0);
  return self->account_id;
}

gint64
abm_play_get_cluster_id (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), 0);
  return self->cluster_id;
}

void
abm_play_set_subject (AbmPlay *self,
                      gint64   account_id,
                      gint64   cluster_id)
{
  g_return_if_fail (ABM_IS_PLAY (self));

  self->account_id = MAX (account_id, 0);
  self->cluster_id = MAX (cluster_id, 0);
}

AbmChannel
abm_play_get_channel (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), ABM_CHANNEL_EMAIL);
  return self->channel;
}

void
abm_play_set_channel (AbmPlay    *self,
                      AbmChannel  channel)
{
  g_return_if_fail (ABM_IS_PLAY (self));
  g_return_if_fail (channel < ABM_N_CHANNELS);

  if (self->channel == channel)
    return;
  self->channel = channel;
  changed (self);
}

gint64
abm_play_get_target_stakeholder (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), 0);
  return self->target_stakeholder;
}

void
abm_play_set_target_stakeholder (AbmPlay *self,
                                 gint64   stakeholder_id)
{
  g_return_if_fail (ABM_IS_PLAY (self));

  stakeholder_id = MAX (stakeholder_id, 0);
  if (self->target_stakeholder == stakeholder_id && (stakeholder_id == 0 || self->target_role == ABM_N_ROLES))
    return;
  self->target_stakeholder = stakeholder_id;
  if (stakeholder_id > 0)
    self->target_role = ABM_N_ROLES;
  changed (self);
}

AbmRole
abm_play_get_target_role (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), ABM_N_ROLES);
  return self->target_role;
}

void
abm_play_set_target_role (AbmPlay *self,
                          AbmRole  role)
{
  g_return_if_fail (ABM_IS_PLAY (self));
  g_return_if_fail (role <= ABM_N_ROLES);

  if (self->target_role == role && (role == ABM_N_ROLES || self->target_stakeholder == 0))
    return;
  self->target_role = role;
  if (role != ABM_N_ROLES)
    self->target_stakeholder = 0;
  changed (self);
}

const char *
abm_play_get_description (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), NULL);
  return self->description;
}

gboolean
abm_play_set_description (AbmPlay     *self,
                          const char  *description,
                          GError     **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAY (self), FALSE);

  if (!abm_field_clean (description, ABM_FIELD_MULTILINE, ABM_PLAY_MAX_DESCRIPTION, _("The description"),
                        ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID, &clean, error))
    return FALSE;
  if (abm_field_take (&self->description, clean))
    changed (self);
  return TRUE;
}

AbmPlayOwner
abm_play_get_owner (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), ABM_PLAY_OWNER_MARKETING);
  return self->owner;
}

void
abm_play_set_owner (AbmPlay      *self,
                    AbmPlayOwner  owner)
{
  g_return_if_fail (ABM_IS_PLAY (self));
  g_return_if_fail (owner < ABM_PLAY_N_OWNERS);

  if (self->owner == owner)
    return;
  self->owner = owner;
  changed (self);
}

const char *
abm_play_get_start (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), NULL);
  return self->start;
}

const char *
abm_play_get_due (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), NULL);
  return self->due;
}

gboolean
abm_play_set_dates (AbmPlay     *self,
                    const char  *start,
                    const char  *due,
                    GError     **error)
{
  g_autofree char *clean_start = NULL;
  g_autofree char *clean_due = NULL;

  g_return_val_if_fail (ABM_IS_PLAY (self), FALSE);

  if (!abm_date_normalize (start, &clean_start, error) || !abm_date_normalize (due, &clean_due, error))
    return FALSE;
  /* YYYY-MM-DD sorts as the days do. */
  if (clean_start != NULL && clean_due != NULL && strcmp (clean_start, clean_due) > 0)
    {
      g_set_error (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID,
                   _("A play cannot be due (%s) before it starts (%s)"), clean_due, clean_start);
      return FALSE;
    }
  if (g_strcmp0 (self->start, clean_start) == 0 && g_strcmp0 (self->due, clean_due) == 0)
    return TRUE;
  g_free (self->start);
  self->start = g_steal_pointer (&clean_start);
  g_free (self->due);
  self->due = g_steal_pointer (&clean_due);
  changed (self);
  return TRUE;
}

AbmPlayStatus
abm_play_get_status (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), ABM_PLAY_PLANNED);
  return self->status;
}

void
abm_play_set_status (AbmPlay       *self,
                     AbmPlayStatus  status)
{
  g_return_if_fail (ABM_IS_PLAY (self));
  g_return_if_fail (status < ABM_PLAY_N_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  changed (self);
}

gboolean
abm_play_is_open (AbmPlay *self)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), FALSE);
  return self->status == ABM_PLAY_PLANNED || self->status == ABM_PLAY_IN_PROGRESS;
}

gboolean
abm_play_get_days_until_due (AbmPlay   *self,
                             GDateTime *now,
                             int       *days)
{
  g_return_val_if_fail (ABM_IS_PLAY (self), FALSE);
  return abm_date_days_until (self->due, now, days);
}

gboolean
abm_play_is_overdue (AbmPlay   *self,
                     GDateTime *now)
{
  int days;

  g_return_val_if_fail (ABM_IS_PLAY (self), FALSE);
  return abm_play_is_open (self) && abm_date_days_until (self->due, now, &days) && days < 0;
}

JsonNode *
abm_play_to_json (AbmPlay *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ABM_IS_PLAY (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "account-id");
  json_builder_add_int_value (builder, self->account_id);
  json_builder_set_member_name (builder, "cluster-id");
  json_builder_add_int_value (builder, self->cluster_id);
  abm_json_add_string (builder, "channel", channels[self->channel].key);
  json_builder_set_member_name (builder, "target-stakeholder");
  json_builder_add_int_value (builder, self->target_stakeholder);
  abm_json_add_string (builder, "target-role",
                       self->target_role < ABM_N_ROLES ? abm_role_key (self->target_role) : NULL);
  abm_json_add_string (builder, "description", self->description);
  abm_json_add_string (builder, "owner", owners[self->owner].key);
  abm_json_add_string (builder, "start", self->start);
  abm_json_add_string (builder, "due", self->due);
  abm_json_add_string (builder, "status", statuses[self->status].key);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

AbmPlay *
abm_play_new_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(AbmPlay) self = abm_play_new ();
  JsonObject *object;
  AbmChannel channel;
  AbmPlayOwner owner;
  AbmPlayStatus status;
  AbmRole role;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID, _("The play is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  self->id = MAX (abm_json_int (object, "id", 0), 0);
  abm_play_set_subject (self, abm_json_int (object, "account-id", 0), abm_json_int (object, "cluster-id", 0));
  if (abm_channel_from_key (abm_json_string (object, "channel"), &channel))
    self->channel = channel;
  if (abm_play_owner_from_key (abm_json_string (object, "owner"), &owner))
    self->owner = owner;
  if (abm_play_status_from_key (abm_json_string (object, "status"), &status))
    self->status = status;
  if (abm_role_from_text (abm_json_string (object, "target-role"), &role))
    self->target_role = role;
  abm_play_set_target_stakeholder (self, abm_json_int (object, "target-stakeholder", 0));
  if (!abm_play_set_description (self, abm_json_string (object, "description"), error)
      || !abm_play_set_dates (self, abm_json_string (object, "start"), abm_json_string (object, "due"), error))
    return NULL;
  return g_steal_pointer (&self);
}
