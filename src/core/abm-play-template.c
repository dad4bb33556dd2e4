/* abm-play-template.c: the plays a tier starts with
 *
 * A Tier 1 account and a Tier 2 cluster each begin from a sequence of
 * plays the team has agreed on; applying it dates each play from a start
 * day. The user edits the sequences; the workspace keeps them as
 * settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-json.h"
#include "abm-keyed.h"
#include "abm-play-template.h"

#define MAX_JSON_SIZE (256 * 1024)

struct _AbmPlayTemplate
{
  GObject              parent_instance;

  AbmPlayTemplateKind  kind;
  GArray              *steps;   /* AbmPlayTemplateStep */
};

G_DEFINE_FINAL_TYPE (AbmPlayTemplate, abm_play_template, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} kinds[ABM_PLAY_N_TEMPLATES] = {
  [ABM_PLAY_TEMPLATE_TIER_1]  = { "tier-1", N_("Tier 1 account") },
  [ABM_PLAY_TEMPLATE_CLUSTER] = { "cluster", N_("Tier 2 cluster") },
};

ABM_DEFINE_KEYED (abm_play_template_kind, AbmPlayTemplateKind, kinds, ABM_PLAY_N_TEMPLATES)

/* What a team runs for a strategic account over ten weeks, and for a
 * cluster over ten: research and a point of view first, then air cover,
 * then the people. */
static const struct {
  AbmChannel    channel;
  AbmPlayOwner  owner;
  AbmRole       role;
  const char   *description;
  guint         offset, duration;
} built_in[ABM_PLAY_N_TEMPLATES][8] = {
  [ABM_PLAY_TEMPLATE_TIER_1] = {
    { ABM_CHANNEL_CONTENT, ABM_PLAY_OWNER_MARKETING, ABM_ROLE_EXECUTIVE_SPONSOR,
      N_("Account research and a point of view on their priorities"), 0, 14 },
    { ABM_CHANNEL_WEB_PERSONALISATION, ABM_PLAY_OWNER_MARKETING, ABM_N_ROLES,
      N_("Personalised landing page for the account"), 7, 14 },
    { ABM_CHANNEL_TARGETED_ADS, ABM_PLAY_OWNER_MARKETING, ABM_N_ROLES,
      N_("Account-targeted ads to the buying committee"), 14, 42 },
    { ABM_CHANNEL_SALES_OUTREACH, ABM_PLAY_OWNER_SALES, ABM_ROLE_CHAMPION,
      N_("Share the point of view with the champion"), 14, 14 },
    { ABM_CHANNEL_DIRECT_MAIL, ABM_PLAY_OWNER_MARKETING, ABM_ROLE_DECISION_MAKER,
      N_("Direct mail to the economic buyer"), 21, 7 },
    { ABM_CHANNEL_EXECUTIVE_BRIEFING, ABM_PLAY_OWNER_SALES, ABM_ROLE_DECISION_MAKER,
      N_("Executive briefing with our leadership"), 35, 14 },
    { ABM_CHANNEL_EVENTS, ABM_PLAY_OWNER_MARKETING, ABM_ROLE_EXECUTIVE_SPONSOR,
      N_("Invitation to the executive roundtable"), 42, 21 },
    { ABM_CHANNEL_EMAIL, ABM_PLAY_OWNER_MARKETING, ABM_ROLE_TECHNICAL_EVALUATOR,
      N_("Follow-up emails with matching case studies"), 49, 21 },
  },
  [ABM_PLAY_TEMPLATE_CLUSTER] = {
    { ABM_CHANNEL_CONTENT, ABM_PLAY_OWNER_MARKETING, ABM_N_ROLES,
      N_("Point of view on the cluster’s shared challenge"), 0, 21 },
    { ABM_CHANNEL_TARGETED_ADS, ABM_PLAY_OWNER_MARKETING, ABM_N_ROLES,
      N_("Ads with the cluster’s messaging"), 14, 56 },
    { ABM_CHANNEL_EMAIL, ABM_PLAY_OWNER_MARKETING, ABM_ROLE_CHAMPION,
      N_("Nurture emails to the champions"), 21, 35 },
    { ABM_CHANNEL_EVENTS, ABM_PLAY_OWNER_MARKETING, ABM_N_ROLES,
      N_("Webinar for the cluster"), 35, 21 },
    { ABM_CHANNEL_SALES_OUTREACH, ABM_PLAY_OWNER_SALES, ABM_N_ROLES,
      N_("Follow up with the webinar’s attendees"), 56, 14 },
  },
};

static void
clear_step (gpointer data)
{
  AbmPlayTemplateStep *step = data;

  g_clear_pointer (&step->description, g_free);
}

static void
abm_play_template_finalize (GObject *object)
{
  AbmPlayTemplate *self = ABM_PLAY_TEMPLATE (object);

  g_array_unref (self->steps);
  G_OBJECT_CLASS (abm_play_template_parent_class)->finalize (object);
}

static void
abm_play_template_class_init (AbmPlayTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_play_template_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_play_template_init (AbmPlayTemplate *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (AbmPlayTemplateStep));
  g_array_set_clear_func (self->steps, clear_step);
}

static void
changed (AbmPlayTemplate *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
check_step (const AbmPlayTemplateStep  *step,
            AbmPlayTemplateStep        *out,
            GError                    **error)
{
  g_return_val_if_fail (step->channel < ABM_N_CHANNELS && step->owner < ABM_PLAY_N_OWNERS
                        && step->target_role <= ABM_N_ROLES, FALSE);

  if (step->offset > ABM_PLAY_TEMPLATE_MAX_DAYS || step->duration > ABM_PLAY_TEMPLATE_MAX_DAYS)
    {
      g_set_error (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID,
                   _("A template’s plays start and last at most %u days"), ABM_PLAY_TEMPLATE_MAX_DAYS);
      return FALSE;
    }
  *out = *step;
  return abm_field_clean (step->description, ABM_FIELD_MULTILINE | ABM_FIELD_REQUIRED, ABM_PLAY_MAX_DESCRIPTION,
                          _("The description"), ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID, &out->description, error);
}

AbmPlayTemplate *
abm_play_template_new (AbmPlayTemplateKind kind)
{
  AbmPlayTemplate *self;

  g_return_val_if_fail (kind < ABM_PLAY_N_TEMPLATES, NULL);

  self = g_object_new (ABM_TYPE_PLAY_TEMPLATE, NULL);
  self->kind = kind;
  for (guint i = 0; i < G_N_ELEMENTS (built_in[kind]) && built_in[kind][i].description != NULL; i++)
    {
      AbmPlayTemplateStep step = {
        built_in[kind][i].channel, built_in[kind][i].owner, built_in[kind][i].role,
        g_strdup (_(built_in[kind][i].description)), built_in[kind][i].offset, built_in[kind][i].duration
      };
      g_array_append_val (self->steps, step);
    }
  return self;
}

AbmPlayTemplateKind
abm_play_template_get_kind (AbmPlayTemplate *self)
{
  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), ABM_PLAY_TEMPLATE_TIER_1);
  return self->kind;
}

void
abm_play_template_assign (AbmPlayTemplate *self,
                          AbmPlayTemplate *other)
{
  g_return_if_fail (ABM_IS_PLAY_TEMPLATE (self));
  g_return_if_fail (ABM_IS_PLAY_TEMPLATE (other));

  if (self == other)
    return;
  g_array_set_size (self->steps, 0);
  for (guint i = 0; i < other->steps->len; i++)
    {
      AbmPlayTemplateStep step = g_array_index (other->steps, AbmPlayTemplateStep, i);

      step.description = g_strdup (step.description);
      g_array_append_val (self->steps, step);
    }
  changed (self);
}

guint
abm_play_template_get_n_steps (AbmPlayTemplate *self)
{
  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), 0);
  return self->steps->len;
}

const AbmPlayTemplateStep *
abm_play_template_get_step (AbmPlayTemplate *self,
                            guint            index)
{
  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, AbmPlayTemplateStep, index);
}

gboolean
abm_play_template_add_step (AbmPlayTemplate            *self,
                            const AbmPlayTemplateStep  *step,
                            GError                    **error)
{
  AbmPlayTemplateStep copy;

  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (self->steps->len >= ABM_PLAY_TEMPLATE_MAX_STEPS)
    {
      g_set_error (error, ABM_PLAY_ERROR, ABM_PLAY_ERROR_INVALID,
                   _("A template has at most %u plays"), ABM_PLAY_TEMPLATE_MAX_STEPS);
      return FALSE;
    }
  if (!check_step (step, &copy, error))
    return FALSE;
  g_array_append_val (self->steps, copy);
  changed (self);
  return TRUE;
}

gboolean
abm_play_template_replace_step (AbmPlayTemplate            *self,
                                guint                       index,
                                const AbmPlayTemplateStep  *step,
                                GError                    **error)
{
  AbmPlayTemplateStep copy;
  AbmPlayTemplateStep *slot;

  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), FALSE);
  g_return_val_if_fail (index < self->steps->len && step != NULL, FALSE);

  if (!check_step (step, &copy, error))
    return FALSE;
  slot = &g_array_index (self->steps, AbmPlayTemplateStep, index);
  clear_step (slot);
  *slot = copy;
  changed (self);
  return TRUE;
}

void
abm_play_template_remove_step (AbmPlayTemplate *self,
                               guint            index)
{
  g_return_if_fail (ABM_IS_PLAY_TEMPLATE (self));
  g_return_if_fail (index < self->steps->len);

  g_array_remove_index (self->steps, index);
  changed (self);
}

void
abm_play_template_clear (AbmPlayTemplate *self)
{
  g_return_if_fail (ABM_IS_PLAY_TEMPLATE (self));

  if (self->steps->len == 0)
    return;
  g_array_set_size (self->steps, 0);
  changed (self);
}

GPtrArray *
abm_play_template_instantiate (AbmPlayTemplate *self,
                               const GDate     *start,
                               gint64           account_id,
                               gint64           cluster_id)
{
  GPtrArray *plays;

  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), NULL);
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);

  plays = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const AbmPlayTemplateStep *step = &g_array_index (self->steps, AbmPlayTemplateStep, i);
      AbmPlay *play = abm_play_new ();
      GDate from = *start, to;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;

      g_date_add_days (&from, step->offset);
      to = from;
      g_date_add_days (&to, step->duration);
      from_text = abm_date_format (&from);
      to_text = abm_date_format (&to);
      abm_play_set_subject (play, account_id, cluster_id);
      abm_play_set_channel (play, step->channel);
      abm_play_set_owner (play, step->owner);
      abm_play_set_target_role (play, step->target_role);
      /* The step was checked when it came in. */
      abm_play_set_description (play, step->description, NULL);
      abm_play_set_dates (play, from_text, to_text, NULL);
      g_ptr_array_add (plays, play);
    }
  return plays;
}

char *
abm_play_template_to_json (AbmPlayTemplate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_PLAY_TEMPLATE (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const AbmPlayTemplateStep *step = &g_array_index (self->steps, AbmPlayTemplateStep, i);

      json_builder_begin_object (builder);
      abm_json_add_string (builder, "channel", abm_channel_key (step->channel));
      abm_json_add_string (builder, "owner", abm_play_owner_key (step->owner));
      abm_json_add_string (builder, "target-role",
                           step->target_role < ABM_N_ROLES ? abm_role_key (step->target_role) : NULL);
      abm_json_add_string (builder, "description", step->description);
      json_builder_set_member_name (builder, "offset-days");
      json_builder_add_int_value (builder, step->offset);
      json_builder_set_member_name (builder, "duration-days");
      json_builder_add_int_value (builder, step->duration);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

AbmPlayTemplate *
abm_play_template_new_from_json (AbmPlayTemplateKind   kind,
                                 const char           *json,
                                 GError              **error)
{
  g_autoptr(AbmPlayTemplate) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *steps;

  g_return_val_if_fail (kind < ABM_PLAY_N_TEMPLATES, NULL);

  root = abm_json_parse (json, MAX_JSON_SIZE, 4, TRUE, error);
  if (root == NULL)
    return NULL;
  self = abm_play_template_new (kind);
  g_array_set_size (self->steps, 0);
  steps = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (steps) && self->steps->len < ABM_PLAY_TEMPLATE_MAX_STEPS; i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      AbmPlayTemplateStep step = { ABM_CHANNEL_EMAIL, ABM_PLAY_OWNER_MARKETING, ABM_N_ROLES, NULL, 0, 0 };
      AbmPlayTemplateStep copy;
      gint64 offset, duration;

      if (object == NULL)
        continue;
      offset = abm_json_int (object, "offset-days", -1);
      duration = abm_json_int (object, "duration-days", -1);
      if (!abm_channel_from_key (abm_json_string (object, "channel"), &step.channel)
          || !abm_play_owner_from_key (abm_json_string (object, "owner"), &step.owner)
          || offset < 0 || offset > ABM_PLAY_TEMPLATE_MAX_DAYS
          || duration < 0 || duration > ABM_PLAY_TEMPLATE_MAX_DAYS)
        continue;
      if (abm_json_string (object, "target-role") != NULL
          && !abm_role_from_text (abm_json_string (object, "target-role"), &step.target_role))
        continue;
      step.offset = (guint) offset;
      step.duration = (guint) duration;
      step.description = (char *) abm_json_string (object, "description");
      if (check_step (&step, &copy, NULL))
        g_array_append_val (self->steps, copy);
    }
  return g_steal_pointer (&self);
}
