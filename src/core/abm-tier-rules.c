/* abm-tier-rules.c: how accounts are tiered, and the team that works them
 *
 * The rules are settings of the workspace, stored as a small JSON
 * document; the workspace saves them on every "changed". A document from
 * a stranger is read as hostile: every number is checked, and anything
 * unreadable keeps its default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "abm-json.h"
#include "abm-tier-rules.h"

#define MAX_JSON_SIZE (64 * 1024)
/* The rules nest three deep; json-glib parses by recursion. */
#define MAX_JSON_DEPTH 8

typedef struct {
  AbmTierMode mode;
  double      value;
} TierRule;

struct _AbmTierRules
{
  GObject   parent_instance;

  double    weights[ABM_PRIORITY_N_PARTS];
  TierRule  tiers[3];
  guint     aes;
  guint     marketers;
  double    min_acv;
};

G_DEFINE_FINAL_TYPE (AbmTierRules, abm_tier_rules, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-tier-rules-error-quark, abm_tier_rules_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
  double      weight;
} parts[ABM_PRIORITY_N_PARTS] = {
  [ABM_PRIORITY_FIT]    = { "fit", N_("ICP fit"), 50 },
  [ABM_PRIORITY_ACV]    = { "acv", N_("ACV potential"), 30 },
  [ABM_PRIORITY_INTENT] = { "intent", N_("Intent"), 20 },
};

static const TierRule default_tiers[3] = {
  { ABM_TIER_TOP_N, 20 },
  { ABM_TIER_TOP_N, 200 },
  { ABM_TIER_THRESHOLD, 40 },
};

static void
abm_tier_rules_class_init (AbmTierRulesClass *klass)
{
  /* Any rule, the team or the minimum ACV changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_tier_rules_init (AbmTierRules *self)
{
  for (guint i = 0; i < ABM_PRIORITY_N_PARTS; i++)
    self->weights[i] = parts[i].weight;
  for (guint i = 0; i < 3; i++)
    self->tiers[i] = default_tiers[i];
  self->min_acv = ABM_TIER_RULES_DEFAULT_MIN_ACV;
}

AbmTierRules *
abm_tier_rules_new (void)
{
  return g_object_new (ABM_TYPE_TIER_RULES, NULL);
}

const char *
abm_priority_part_label (AbmPriorityPart part)
{
  g_return_val_if_fail (part < ABM_PRIORITY_N_PARTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, parts[part].label);
}

static gboolean
check_weight (double   weight,
              GError **error)
{
  if (!isfinite (weight) || weight < 0 || weight > ABM_TIER_RULES_MAX_WEIGHT)
    {
      g_set_error (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                   _("A weight must be between 0 and %g"), ABM_TIER_RULES_MAX_WEIGHT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_tier (AbmTierMode   mode,
            double        value,
            GError      **error)
{
  if (mode == ABM_TIER_TOP_N)
    {
      if (!isfinite (value) || value < 0 || value > ABM_TIER_RULES_MAX_COUNT || value != floor (value))
        {
          g_set_error (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                       _("A tier’s size must be a whole number from 0 to %u"),
                       ABM_TIER_RULES_MAX_COUNT);
          return FALSE;
        }
      return TRUE;
    }
  if (mode == ABM_TIER_THRESHOLD)
    {
      if (!isfinite (value) || value < 0 || value > 100)
        {
          g_set_error_literal (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                               _("A tier’s minimum priority must be between 0 and 100"));
          return FALSE;
        }
      return TRUE;
    }
  g_set_error_literal (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                       _("Unknown way of filling a tier"));
  return FALSE;
}

static gboolean
check_team (guint    aes,
            guint    marketers,
            GError **error)
{
  if (aes > ABM_TIER_RULES_MAX_TEAM || marketers > ABM_TIER_RULES_MAX_TEAM)
    {
      g_set_error (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                   _("A team has at most %u people of each role"), ABM_TIER_RULES_MAX_TEAM);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_min_acv (double   min_acv,
               GError **error)
{
  if (!isfinite (min_acv) || min_acv < 0 || min_acv > ABM_TIER_RULES_MAX_ACV)
    {
      g_set_error_literal (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                           _("The minimum ACV must be a positive amount"));
      return FALSE;
    }
  return TRUE;
}

double
abm_tier_rules_get_weight (AbmTierRules    *self,
                           AbmPriorityPart  part)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), 0);
  g_return_val_if_fail (part < ABM_PRIORITY_N_PARTS, 0);
  return self->weights[part];
}

gboolean
abm_tier_rules_set_weight (AbmTierRules     *self,
                           AbmPriorityPart   part,
                           double            weight,
                           GError          **error)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), FALSE);
  g_return_val_if_fail (part < ABM_PRIORITY_N_PARTS, FALSE);

  if (!check_weight (weight, error))
    return FALSE;
  if (self->weights[part] != weight)
    {
      self->weights[part] = weight;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

AbmTierMode
abm_tier_rules_get_mode (AbmTierRules *self,
                         guint         tier)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), ABM_TIER_TOP_N);
  g_return_val_if_fail (tier >= 1 && tier <= 3, ABM_TIER_TOP_N);
  return self->tiers[tier - 1].mode;
}

double
abm_tier_rules_get_value (AbmTierRules *self,
                          guint         tier)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), 0);
  g_return_val_if_fail (tier >= 1 && tier <= 3, 0);
  return self->tiers[tier - 1].value;
}

gboolean
abm_tier_rules_set_tier (AbmTierRules  *self,
                         guint          tier,
                         AbmTierMode    mode,
                         double         value,
                         GError       **error)
{
  TierRule *rule;

  g_return_val_if_fail (ABM_IS_TIER_RULES (self), FALSE);
  g_return_val_if_fail (tier >= 1 && tier <= 3, FALSE);

  if (!check_tier (mode, value, error))
    return FALSE;
  rule = &self->tiers[tier - 1];
  if (rule->mode != mode || rule->value != value)
    {
      rule->mode = mode;
      rule->value = value;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

guint
abm_tier_rules_get_aes (AbmTierRules *self)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), 0);
  return self->aes;
}

guint
abm_tier_rules_get_marketers (AbmTierRules *self)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), 0);
  return self->marketers;
}

gboolean
abm_tier_rules_set_team (AbmTierRules  *self,
                         guint          aes,
                         guint          marketers,
                         GError       **error)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), FALSE);

  if (!check_team (aes, marketers, error))
    return FALSE;
  if (self->aes != aes || self->marketers != marketers)
    {
      self->aes = aes;
      self->marketers = marketers;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

double
abm_tier_rules_get_min_acv (AbmTierRules *self)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), 0);
  return self->min_acv;
}

gboolean
abm_tier_rules_set_min_acv (AbmTierRules  *self,
                            double         min_acv,
                            GError       **error)
{
  g_return_val_if_fail (ABM_IS_TIER_RULES (self), FALSE);

  if (!check_min_acv (min_acv, error))
    return FALSE;
  if (self->min_acv != min_acv)
    {
      self->min_acv = min_acv;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

/* Copies everything, as one change. */
void
abm_tier_rules_assign (AbmTierRules *self,
                       AbmTierRules *other)
{
  g_return_if_fail (ABM_IS_TIER_RULES (self));
  g_return_if_fail (ABM_IS_TIER_RULES (other));

  if (self == other)
    return;
  memcpy (self->weights, other->weights, sizeof self->weights);
  memcpy (self->tiers, other->tiers, sizeof self->tiers);
  self->aes = other->aes;
  self->marketers = other->marketers;
  self->min_acv = other->min_acv;
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
abm_tier_rules_to_json (AbmTierRules *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_TIER_RULES (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ABM_PRIORITY_N_PARTS; i++)
    {
      json_builder_set_member_name (builder, parts[i].key);
      json_builder_add_double_value (builder, self->weights[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 3; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "mode");
      json_builder_add_string_value (builder, self->tiers[i].mode == ABM_TIER_TOP_N ? "top" : "threshold");
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, self->tiers[i].value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "aes");
  json_builder_add_int_value (builder, self->aes);
  json_builder_set_member_name (builder, "marketers");
  json_builder_add_int_value (builder, self->marketers);
  json_builder_set_member_name (builder, "min-acv");
  json_builder_add_double_value (builder, self->min_acv);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
read_number (JsonObject *object,
             const char *key,
             double     *value)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;
  return isfinite (*value);
}

/* What reads is taken, what does not keeps its default: a damaged
 * setting must not make tiering unusable. Only text that is not a JSON
 * object at all is an error. */
AbmTierRules *
abm_tier_rules_new_from_json (const char  *json,
                              GError     **error)
{
  g_autoptr(AbmTierRules) self = abm_tier_rules_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *weights;
  JsonArray *tiers = NULL;
  double value;

  g_return_val_if_fail (json != NULL, NULL);

  if (strlen (json) > MAX_JSON_SIZE || !abm_json_depth_ok (json, strlen (json), MAX_JSON_DEPTH))
    {
      g_set_error_literal (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                           _("The tier rules are too large"));
      return NULL;
    }
  if (!abm_json_load (parser, json, -1, error))
    return NULL;
  /* Blank text parses, to no root at all. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ABM_TIER_RULES_ERROR, ABM_TIER_RULES_ERROR_INVALID,
                           _("The tier rules are not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  weights = json_object_has_member (root, "weights")
            && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "weights"))
            ? json_object_get_object_member (root, "weights") : NULL;
  for (guint i = 0; i < ABM_PRIORITY_N_PARTS; i++)
    if (read_number (weights, parts[i].key, &value) && check_weight (value, NULL))
      self->weights[i] = value;

  if (json_object_has_member (root, "tiers")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "tiers")))
    tiers = json_object_get_array_member (root, "tiers");
  for (guint i = 0; tiers != NULL && i < 3 && i < json_array_get_length (tiers); i++)
    {
      JsonNode *node = json_array_get_element (tiers, i);
      JsonObject *tier = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *mode = tier && json_object_has_member (tier, "mode")
                         && JSON_NODE_HOLDS_VALUE (json_object_get_member (tier, "mode"))
                         && json_node_get_value_type (json_object_get_member (tier, "mode")) == G_TYPE_STRING
                         ? json_object_get_string_member (tier, "mode") : NULL;
      AbmTierMode m;

      if (g_strcmp0 (mode, "top") == 0)
        m = ABM_TIER_TOP_N;
      else if (g_strcmp0 (mode, "threshold") == 0)
        m = ABM_TIER_THRESHOLD;
      else
        continue;
      if (read_number (tier, "value", &value) && check_tier (m, value, NULL))
        self->tiers[i] = (TierRule) { m, value };
    }

  if (read_number (root, "aes", &value) && value >= 0 && value <= ABM_TIER_RULES_MAX_TEAM
      && value == floor (value))
    self->aes = (guint) value;
  if (read_number (root, "marketers", &value) && value >= 0 && value <= ABM_TIER_RULES_MAX_TEAM
      && value == floor (value))
    self->marketers = (guint) value;
  if (read_number (root, "min-acv", &value) && check_min_acv (value, NULL))
    self->min_acv = value;

  return g_steal_pointer (&self);
}
