/* abm-engagement.c: how engaged each account is, from its activities
 *
 * The formula is in abm-engagement.h. "In the last N days" counts today
 * and the N − 1 days before it: an activity's age in days is below N.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abm-engagement.h"
#include "abm-json.h"

#define MAX_JSON_SIZE        (16 * 1024)
#define MAX_JSON_DEPTH       4
#define MAX_SATURATION       100000.0
#define MAX_ENGAGED_PEOPLE   100
#define MAX_TREND_THRESHOLD  100.0
#define MAX_SPIKE_RATIO      100.0
#define N_TIERS              3

#define WEEK_DAYS            7
#define SPIKE_WEEKS          4
#define AWARE_DAYS           30
#define REACH_DAYS           90
#define LAST_WEEK            (ABM_ENGAGEMENT_WEEKS - 1)
#define BEFORE_WEEK          (LAST_WEEK - ABM_ENGAGEMENT_TREND_DAYS / WEEK_DAYS)

/* Every combination of roles a person can hold has its multiplier. */
#define ROLE_MASKS           (1u << ABM_N_ROLES)
#define DECAY_TABLE          128

struct _AbmEngagementRules
{
  GObject  parent_instance;

  double   weights[ABM_N_ACTIVITY_KINDS];
  guint    half_life;
  double   saturation;
  double   roles[ABM_N_ROLES];
  double   tiers[N_TIERS];
  double   engaged_score;
  guint    engaged_people;
  double   trend_threshold;
  double   spike_ratio;
};

G_DEFINE_FINAL_TYPE (AbmEngagementRules, abm_engagement_rules, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-engagement-error-quark, abm_engagement_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
abm_engagement_rules_class_init (AbmEngagementRulesClass *klass)
{
  /* Any rule changed: scores are computed again. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_engagement_rules_init (AbmEngagementRules *self)
{
  for (guint i = 0; i < ABM_N_ACTIVITY_KINDS; i++)
    self->weights[i] = abm_activity_kind_default_weight (i);
  self->half_life = ABM_ENGAGEMENT_DEFAULT_HALF_LIFE;
  self->saturation = 60;
  for (guint i = 0; i < ABM_N_ROLES; i++)
    self->roles[i] = 1;
  self->roles[ABM_ROLE_DECISION_MAKER] = 2;
  self->roles[ABM_ROLE_BUDGET_HOLDER] = 2;
  self->roles[ABM_ROLE_CHAMPION] = 1.5;
  self->roles[ABM_ROLE_EXECUTIVE_SPONSOR] = 1.5;
  for (guint i = 0; i < N_TIERS; i++)
    self->tiers[i] = 1;
  self->engaged_score = 40;
  self->engaged_people = 3;
  self->trend_threshold = 10;
  self->spike_ratio = 2;
}

AbmEngagementRules *
abm_engagement_rules_new (void)
{
  return g_object_new (ABM_TYPE_ENGAGEMENT_RULES, NULL);
}

/* Sets @error to the message when @ok is FALSE. */
G_GNUC_PRINTF (3, 4)
static gboolean
check (gboolean     ok,
       GError     **error,
       const char  *format,
       ...)
{
  va_list args;
  char *message;

  if (ok)
    return TRUE;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, ABM_ENGAGEMENT_ERROR, ABM_ENGAGEMENT_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

static gboolean
in_range (double value,
          double min,
          double max)
{
  return isfinite (value) && value >= min && value <= max;
}

/* These set a checked value and say "changed" when that is news; TRUE,
 * to end a chain of checks. */
static gboolean
take_double (AbmEngagementRules *self,
             double             *slot,
             double              value)
{
  if (*slot != value)
    {
      *slot = value;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

static gboolean
take_uint (AbmEngagementRules *self,
           guint              *slot,
           guint               value)
{
  if (*slot != value)
    {
      *slot = value;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

double
abm_engagement_rules_get_weight (AbmEngagementRules *self,
                                 AbmActivityKind     kind)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 0);
  g_return_val_if_fail ((guint) kind < ABM_N_ACTIVITY_KINDS, 0);
  return self->weights[kind];
}

gboolean
abm_engagement_rules_set_weight (AbmEngagementRules  *self,
                                 AbmActivityKind      kind,
                                 double               weight,
                                 GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);
  g_return_val_if_fail ((guint) kind < ABM_N_ACTIVITY_KINDS, FALSE);

  return check (in_range (weight, 0, ABM_ENGAGEMENT_MAX_WEIGHT), error,
                _("The weight of “%s” must be between 0 and %g"),
                abm_activity_kind_label (kind), ABM_ENGAGEMENT_MAX_WEIGHT)
         && take_double (self, &self->weights[kind], weight);
}

guint
abm_engagement_rules_get_half_life (AbmEngagementRules *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), ABM_ENGAGEMENT_DEFAULT_HALF_LIFE);
  return self->half_life;
}

gboolean
abm_engagement_rules_set_half_life (AbmEngagementRules  *self,
                                    guint                days,
                                    GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);

  return check (days >= 1 && days <= ABM_ENGAGEMENT_MAX_HALF_LIFE, error,
                _("The half-life must be 1 to %u days"), ABM_ENGAGEMENT_MAX_HALF_LIFE)
         && take_uint (self, &self->half_life, days);
}

double
abm_engagement_rules_get_saturation (AbmEngagementRules *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 60);
  return self->saturation;
}

gboolean
abm_engagement_rules_set_saturation (AbmEngagementRules  *self,
                                     double               points,
                                     GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);

  return check (in_range (points, 0, MAX_SATURATION) && points > 0, error,
                _("The points for a score of 50 must be above 0 and at most %g"), MAX_SATURATION)
         && take_double (self, &self->saturation, points);
}

double
abm_engagement_rules_get_role_multiplier (AbmEngagementRules *self,
                                          AbmRole             role)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 1);
  g_return_val_if_fail ((guint) role < ABM_N_ROLES, 1);
  return self->roles[role];
}

gboolean
abm_engagement_rules_set_role_multiplier (AbmEngagementRules  *self,
                                          AbmRole              role,
                                          double               multiplier,
                                          GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);
  g_return_val_if_fail ((guint) role < ABM_N_ROLES, FALSE);

  return check (in_range (multiplier, 0, ABM_ENGAGEMENT_MAX_MULTIPLIER), error,
                _("The multiplier of the role “%s” must be between 0 and %g"),
                abm_role_label (role), ABM_ENGAGEMENT_MAX_MULTIPLIER)
         && take_double (self, &self->roles[role], multiplier);
}

/* Untiered accounts (tier 0) count as they are. */
double
abm_engagement_rules_get_tier_multiplier (AbmEngagementRules *self,
                                          guint               tier)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 1);
  g_return_val_if_fail (tier <= N_TIERS, 1);
  return tier == 0 ? 1 : self->tiers[tier - 1];
}

gboolean
abm_engagement_rules_set_tier_multiplier (AbmEngagementRules  *self,
                                          guint                tier,
                                          double               multiplier,
                                          GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);
  g_return_val_if_fail (tier >= 1 && tier <= N_TIERS, FALSE);

  return check (in_range (multiplier, 0, ABM_ENGAGEMENT_MAX_MULTIPLIER), error,
                _("The multiplier of Tier %u must be between 0 and %g"), tier, ABM_ENGAGEMENT_MAX_MULTIPLIER)
         && take_double (self, &self->tiers[tier - 1], multiplier);
}

double
abm_engagement_rules_get_engaged_score (AbmEngagementRules *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 40);
  return self->engaged_score;
}

gboolean
abm_engagement_rules_set_engaged_score (AbmEngagementRules  *self,
                                        double               score,
                                        GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);

  return check (in_range (score, 1, 100), error, _("The engaged score must be between 1 and 100"))
         && take_double (self, &self->engaged_score, score);
}

guint
abm_engagement_rules_get_engaged_people (AbmEngagementRules *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 3);
  return self->engaged_people;
}

gboolean
abm_engagement_rules_set_engaged_people (AbmEngagementRules  *self,
                                         guint                people,
                                         GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);

  return check (people >= 1 && people <= MAX_ENGAGED_PEOPLE, error,
                _("The people reached that make an account engaged must be 1 to %u"), MAX_ENGAGED_PEOPLE)
         && take_uint (self, &self->engaged_people, people);
}

double
abm_engagement_rules_get_trend_threshold (AbmEngagementRules *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 10);
  return self->trend_threshold;
}

gboolean
abm_engagement_rules_set_trend_threshold (AbmEngagementRules  *self,
                                          double               points,
                                          GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);

  return check (in_range (points, 0, MAX_TREND_THRESHOLD) && points > 0, error,
                _("The score change for heating or cooling must be above 0 and at most %g"), MAX_TREND_THRESHOLD)
         && take_double (self, &self->trend_threshold, points);
}

double
abm_engagement_rules_get_spike_ratio (AbmEngagementRules *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), 2);
  return self->spike_ratio;
}

gboolean
abm_engagement_rules_set_spike_ratio (AbmEngagementRules  *self,
                                      double               ratio,
                                      GError             **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), FALSE);

  return check (in_range (ratio, 1, MAX_SPIKE_RATIO) && ratio > 1, error,
                _("The spike ratio must be above 1 and at most %g"), MAX_SPIKE_RATIO)
         && take_double (self, &self->spike_ratio, ratio);
}

void
abm_engagement_rules_assign (AbmEngagementRules *self,
                             AbmEngagementRules *other)
{
  g_return_if_fail (ABM_IS_ENGAGEMENT_RULES (self));
  g_return_if_fail (ABM_IS_ENGAGEMENT_RULES (other));

  if (abm_engagement_rules_equal (self, other))
    return;
  memcpy (self->weights, other->weights, sizeof self->weights);
  self->half_life = other->half_life;
  self->saturation = other->saturation;
  memcpy (self->roles, other->roles, sizeof self->roles);
  memcpy (self->tiers, other->tiers, sizeof self->tiers);
  self->engaged_score = other->engaged_score;
  self->engaged_people = other->engaged_people;
  self->trend_threshold = other->trend_threshold;
  self->spike_ratio = other->spike_ratio;
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
doubles_equal (const double *a,
               const double *b,
               guint         n)
{
  for (guint i = 0; i < n; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

gboolean
abm_engagement_rules_equal (AbmEngagementRules *a,
                            AbmEngagementRules *b)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (a) && ABM_IS_ENGAGEMENT_RULES (b), FALSE);

  return doubles_equal (a->weights, b->weights, ABM_N_ACTIVITY_KINDS)
         && a->half_life == b->half_life && a->saturation == b->saturation
         && doubles_equal (a->roles, b->roles, ABM_N_ROLES)
         && doubles_equal (a->tiers, b->tiers, N_TIERS)
         && a->engaged_score == b->engaged_score && a->engaged_people == b->engaged_people
         && a->trend_threshold == b->trend_threshold && a->spike_ratio == b->spike_ratio;
}

/* JSON */

static const char *const tier_keys[N_TIERS] = { "1", "2", "3" };

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

static void
add_uint (JsonBuilder *builder,
          const char  *member,
          guint        value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

char *
abm_engagement_rules_to_json (AbmEngagementRules *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ABM_N_ACTIVITY_KINDS; i++)
    add_double (builder, abm_activity_kind_key (i), self->weights[i]);
  json_builder_end_object (builder);
  add_uint (builder, "half-life", self->half_life);
  add_double (builder, "saturation", self->saturation);
  json_builder_set_member_name (builder, "role-multipliers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ABM_N_ROLES; i++)
    add_double (builder, abm_role_key (i), self->roles[i]);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "tier-multipliers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < N_TIERS; i++)
    add_double (builder, tier_keys[i], self->tiers[i]);
  json_builder_end_object (builder);
  add_double (builder, "engaged-score", self->engaged_score);
  add_uint (builder, "engaged-people", self->engaged_people);
  add_double (builder, "trend-threshold", self->trend_threshold);
  add_double (builder, "spike-ratio", self->spike_ratio);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* *found is FALSE when @object lacks @member; a member that is there
 * must be a number. */
static gboolean
read_number (JsonObject  *object,
             const char  *member,
             gboolean    *found,
             double      *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  *found = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!check (type == G_TYPE_DOUBLE || type == G_TYPE_INT64, error,
              _("“%s” in the engagement rules must be a number"), member))
    return FALSE;
  *value = type == G_TYPE_DOUBLE ? json_node_get_double (node) : (double) json_node_get_int (node);
  return TRUE;
}

/* A whole number; one too large for the setter reads as G_MAXUINT, which
 * the setter refuses with its own message. */
static gboolean
read_count (JsonObject  *object,
            const char  *member,
            gboolean    *found,
            guint       *count,
            GError     **error)
{
  double value = 0;

  if (!read_number (object, member, found, &value, error))
    return FALSE;
  if (!*found)
    return TRUE;
  if (!check (value == floor (value), error, _("“%s” in the engagement rules must be a whole number"), member))
    return FALSE;
  *count = value >= 0 && value < G_MAXUINT ? (guint) value : G_MAXUINT;
  return TRUE;
}

/* *object is NULL when @root lacks @member. */
static gboolean
read_object (JsonObject  *root,
             const char  *member,
             JsonObject **object,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);

  *object = NULL;
  if (node == NULL)
    return TRUE;
  if (!check (JSON_NODE_HOLDS_OBJECT (node), error, _("“%s” in the engagement rules must be an object"), member))
    return FALSE;
  *object = json_node_get_object (node);
  return TRUE;
}

typedef gboolean (*SetIndexed) (AbmEngagementRules  *self,
                                guint                index,
                                double               value,
                                GError             **error);

static gboolean
set_weight (AbmEngagementRules  *self,
            guint                index,
            double               value,
            GError             **error)
{
  return abm_engagement_rules_set_weight (self, index, value, error);
}

static gboolean
set_role (AbmEngagementRules  *self,
          guint                index,
          double               value,
          GError             **error)
{
  return abm_engagement_rules_set_role_multiplier (self, index, value, error);
}

static gboolean
set_tier (AbmEngagementRules  *self,
          guint                index,
          double               value,
          GError             **error)
{
  return abm_engagement_rules_set_tier_multiplier (self, index + 1, value, error);
}

/* Reads the object @member, whose members are named by @key (0 … @n − 1);
 * members of other names are ignored. */
static gboolean
read_indexed (AbmEngagementRules  *self,
              JsonObject          *root,
              const char          *member,
              guint                n,
              const char        *(*key) (guint index),
              SetIndexed           set,
              GError             **error)
{
  JsonObject *object;

  if (!read_object (root, member, &object, error))
    return FALSE;
  for (guint i = 0; object != NULL && i < n; i++)
    {
      gboolean found;
      double value = 0;

      if (!read_number (object, key (i), &found, &value, error)
          || (found && !set (self, i, value, error)))
        return FALSE;
    }
  return TRUE;
}

static const char *
kind_key (guint index)
{
  return abm_activity_kind_key (index);
}

static const char *
role_key (guint index)
{
  return abm_role_key (index);
}

static const char *
tier_key (guint index)
{
  return tier_keys[index];
}

/* Unlike other settings, a wrong value is refused rather than replaced by
 * its default: scores that silently follow other rules than the user's
 * would mislead. */
AbmEngagementRules *
abm_engagement_rules_new_from_json (const char  *json,
                                    GError     **error)
{
  g_autoptr(AbmEngagementRules) self = abm_engagement_rules_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  JsonObject *root;
  gboolean found;
  double value = 0;
  guint count = 0;

  g_return_val_if_fail (json != NULL, NULL);

  root_node = abm_json_parse (json, MAX_JSON_SIZE, MAX_JSON_DEPTH, FALSE, &parse_error);
  if (root_node == NULL)
    {
      g_set_error (error, ABM_ENGAGEMENT_ERROR, ABM_ENGAGEMENT_ERROR_INVALID,
                   _("The engagement rules cannot be read: %s"), parse_error->message);
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!read_indexed (self, root, "weights", ABM_N_ACTIVITY_KINDS, kind_key, set_weight, error)
      || !read_indexed (self, root, "role-multipliers", ABM_N_ROLES, role_key, set_role, error)
      || !read_indexed (self, root, "tier-multipliers", N_TIERS, tier_key, set_tier, error))
    return NULL;
  if (!read_count (root, "half-life", &found, &count, error)
      || (found && !abm_engagement_rules_set_half_life (self, count, error)))
    return NULL;
  if (!read_number (root, "saturation", &found, &value, error)
      || (found && !abm_engagement_rules_set_saturation (self, value, error)))
    return NULL;
  if (!read_number (root, "engaged-score", &found, &value, error)
      || (found && !abm_engagement_rules_set_engaged_score (self, value, error)))
    return NULL;
  if (!read_count (root, "engaged-people", &found, &count, error)
      || (found && !abm_engagement_rules_set_engaged_people (self, count, error)))
    return NULL;
  if (!read_number (root, "trend-threshold", &found, &value, error)
      || (found && !abm_engagement_rules_set_trend_threshold (self, value, error)))
    return NULL;
  if (!read_number (root, "spike-ratio", &found, &value, error)
      || (found && !abm_engagement_rules_set_spike_ratio (self, value, error)))
    return NULL;
  return g_steal_pointer (&self);
}

/* Scoring */

const char *
abm_trend_label (AbmTrend trend)
{
  switch (trend)
    {
    case ABM_TREND_HEATING:
      return _("Heating up");
    case ABM_TREND_COOLING:
      return _("Cooling down");
    case ABM_TREND_STEADY:
    default:
      return _("Steady");
    }
}

double
abm_engagement_score_of_raw (AbmEngagementRules *rules,
                             double              raw)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (rules), 0);

  if (!(raw > 0))
    return 0;
  return 100 * (1 - exp2 (-raw / rules->saturation));
}

/* What the rules make of one activity, looked up rather than computed a
 * million times: the multiplier of each set of roles, and the decay of
 * the ages that come up most. */
typedef struct {
  AbmEngagementRules *rules;
  GHashTable         *roles;
  double              by_mask[ROLE_MASKS];
  double              decay[DECAY_TABLE];
} Scorer;

static Scorer *
scorer_new (AbmEngagementRules *rules,
            GHashTable         *roles)
{
  Scorer *scorer = g_new (Scorer, 1);

  scorer->rules = rules;
  scorer->roles = roles;
  scorer->by_mask[0] = 1;
  for (guint mask = 1; mask < ROLE_MASKS; mask++)
    {
      double best = -1;

      for (guint r = 0; r < ABM_N_ROLES; r++)
        if (mask & (1u << r))
          best = MAX (best, rules->roles[r]);
      scorer->by_mask[mask] = best;
    }
  for (guint age = 0; age < DECAY_TABLE; age++)
    scorer->decay[age] = exp2 (-(double) age / rules->half_life);
  return scorer;
}

static inline double
scorer_decay (const Scorer *scorer,
              guint32       age)
{
  return age < DECAY_TABLE ? scorer->decay[age] : exp2 (-(double) age / scorer->rules->half_life);
}

/* Undecayed points: the kind's weight × the person's role × the tier. */
static inline double
scorer_points (const Scorer      *scorer,
               const AbmActivity *activity,
               double             tier_multiplier)
{
  double role = 1;

  if (activity->stakeholder_id != 0 && scorer->roles != NULL)
    {
      guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (scorer->roles, &activity->stakeholder_id));

      role = scorer->by_mask[mask & (ROLE_MASKS - 1)];
    }
  return scorer->rules->weights[activity->kind] * role * tier_multiplier;
}

static double
tier_multiplier (AbmEngagementRules *rules,
                 AbmAccount         *account)
{
  guint tier = abm_account_get_tier (account);

  return tier >= 1 && tier <= N_TIERS ? rules->tiers[tier - 1] : 1;
}

/* Activities that cannot count: of another kind than we know, without a
 * day, or after the day we score. */
static inline gboolean
counts (const AbmActivity *activity,
        guint32            today)
{
  return (guint) activity->kind < ABM_N_ACTIVITY_KINDS && activity->day != 0 && activity->day <= today;
}

struct _AbmEngagementSet
{
  guint32        today;
  guint          n;
  AbmEngagement *items;
  GHashTable    *index;   /* &items[i].account_id → &items[i] */
};

/* A person at an account seen within the reach days, @age days ago. */
typedef struct {
  guint32 account;
  guint32 age;
  gint64  stakeholder_id;
} Reach;

static int
compare_reach (const void *a,
               const void *b)
{
  const Reach *x = a, *y = b;

  if (x->account != y->account)
    return x->account < y->account ? -1 : 1;
  if (x->stakeholder_id != y->stakeholder_id)
    return x->stakeholder_id < y->stakeholder_id ? -1 : 1;
  return (x->age > y->age) - (x->age < y->age);
}

/* Sorted, each person of each account is one run, youngest first. */
static void
count_reach (AbmEngagementSet *set,
             GArray           *reach)
{
  g_array_sort (reach, compare_reach);
  for (guint i = 0; i < reach->len; i++)
    {
      const Reach *r = &g_array_index (reach, Reach, i);
      AbmEngagement *e = &set->items[r->account];

      if (i > 0 && r->account == (r - 1)->account && r->stakeholder_id == (r - 1)->stakeholder_id)
        continue;
      e->reached_90++;
      if (r->age < AWARE_DAYS)
        e->reached_30++;
    }
}

/* weekly[] holds each week's points decayed to its end; this turns them
 * into scores, carrying each week's raw points into the next with a
 * week's decay. */
static void
finish (AbmEngagementRules *rules,
        const Scorer       *scorer,
        AbmEngagement      *e)
{
  double week_decay = scorer_decay (scorer, WEEK_DAYS);
  double raw = 0;

  e->previous_weeks /= SPIKE_WEEKS;
  for (guint k = 0; k < ABM_ENGAGEMENT_WEEKS; k++)
    {
      raw = raw * week_decay + e->weekly[k];
      e->weekly[k] = abm_engagement_score_of_raw (rules, raw);
    }
  e->raw = raw;
  e->score = e->weekly[LAST_WEEK];
  e->score_before = e->weekly[BEFORE_WEEK];
  e->spike = e->this_week > 0 && e->this_week >= rules->spike_ratio * e->previous_weeks
             && e->this_week >= rules->weights[ABM_ACTIVITY_MEETING];
  if (e->score - e->score_before >= rules->trend_threshold || e->spike)
    e->trend = ABM_TREND_HEATING;
  else if (e->score_before - e->score >= rules->trend_threshold)
    e->trend = ABM_TREND_COOLING;
  else
    e->trend = ABM_TREND_STEADY;
}

/* Week k of weekly[] ends LAST_WEEK − k weeks before today. An activity
 * @age days old falls in the week that ends on or after its day, and is
 * added decayed to that week's end; activities older than the first
 * week count in it. */
AbmEngagementSet *
abm_engagement_compute (AbmEngagementRules *rules,
                        GPtrArray          *accounts,
                        const AbmActivity  *activities,
                        gsize               n_activities,
                        GHashTable         *roles,
                        guint32             today)
{
  AbmEngagementSet *set;
  g_autofree Scorer *scorer = NULL;
  g_autofree double *tiers = NULL;
  g_autoptr(GArray) reach = NULL;

  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (rules), NULL);
  g_return_val_if_fail (accounts != NULL, NULL);
  g_return_val_if_fail (activities != NULL || n_activities == 0, NULL);

  set = g_new0 (AbmEngagementSet, 1);
  set->today = today;
  set->n = accounts->len;
  set->items = g_new0 (AbmEngagement, MAX (set->n, 1));
  set->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  tiers = g_new (double, MAX (set->n, 1));
  for (guint i = 0; i < set->n; i++)
    {
      AbmAccount *account = g_ptr_array_index (accounts, i);
      AbmEngagement *e = &set->items[i];

      e->account_id = abm_account_get_id (account);
      if (!g_hash_table_contains (set->index, &e->account_id))
        g_hash_table_insert (set->index, &e->account_id, e);
      tiers[i] = tier_multiplier (rules, account);
    }

  scorer = scorer_new (rules, roles);
  reach = g_array_new (FALSE, FALSE, sizeof (Reach));
  for (gsize j = 0; j < n_activities; j++)
    {
      const AbmActivity *activity = &activities[j];
      AbmEngagement *e;
      guint32 index, age, week;
      double points;

      if (!counts (activity, today)
          || (e = g_hash_table_lookup (set->index, &activity->account_id)) == NULL)
        continue;
      index = (guint32) (e - set->items);
      age = today - activity->day;
      week = age / WEEK_DAYS;
      points = scorer_points (scorer, activity, tiers[index]);

      e->n_activities++;
      if (age < AWARE_DAYS)
        e->n_activities_30++;
      if (e->first_day == 0 || activity->day < e->first_day)
        e->first_day = activity->day;
      e->last_day = MAX (e->last_day, activity->day);
      if (week == 0)
        e->this_week += points;
      else if (week <= SPIKE_WEEKS)
        e->previous_weeks += points;
      if (week < LAST_WEEK)
        e->weekly[LAST_WEEK - week] += points * scorer_decay (scorer, age - week * WEEK_DAYS);
      else
        e->weekly[0] += points * scorer_decay (scorer, age - LAST_WEEK * WEEK_DAYS);
      if (activity->stakeholder_id != 0 && age < REACH_DAYS)
        {
          Reach r = { index, age, activity->stakeholder_id };

          g_array_append_val (reach, r);
        }
    }

  count_reach (set, reach);
  for (guint i = 0; i < set->n; i++)
    finish (rules, scorer, &set->items[i]);
  return set;
}

void
abm_engagement_set_free (AbmEngagementSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->index);
  g_free (set->items);
  g_free (set);
}

guint32
abm_engagement_set_get_today (AbmEngagementSet *set)
{
  g_return_val_if_fail (set != NULL, 0);
  return set->today;
}

const AbmEngagement *
abm_engagement_set_lookup (AbmEngagementSet *set,
                           gint64            account_id)
{
  g_return_val_if_fail (set != NULL, NULL);
  return g_hash_table_lookup (set->index, &account_id);
}

/* Explanation */

static int
compare_person_kind (const void *a,
                     const void *b)
{
  const AbmEngagementContributor *x = a, *y = b;

  if (x->stakeholder_id != y->stakeholder_id)
    return x->stakeholder_id < y->stakeholder_id ? -1 : 1;
  return (x->kind > y->kind) - (x->kind < y->kind);
}

/* The biggest share first; equal shares by kind and person, so that the
 * list reads the same each time. */
static int
compare_points (const void *a,
                const void *b)
{
  const AbmEngagementContributor *x = a, *y = b;

  if (x->points != y->points)
    return x->points > y->points ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return (x->stakeholder_id > y->stakeholder_id) - (x->stakeholder_id < y->stakeholder_id);
}

AbmEngagementExplanation *
abm_engagement_explain (AbmEngagementRules *rules,
                        AbmAccount         *account,
                        const AbmActivity  *activities,
                        gsize               n_activities,
                        GHashTable         *roles,
                        guint32             today)
{
  AbmEngagementExplanation *explanation;
  g_autofree Scorer *scorer = NULL;
  g_autoptr(GArray) each = NULL;
  gint64 account_id;
  double tier;

  g_return_val_if_fail (ABM_IS_ENGAGEMENT_RULES (rules), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (activities != NULL || n_activities == 0, NULL);

  scorer = scorer_new (rules, roles);
  account_id = abm_account_get_id (account);
  tier = tier_multiplier (rules, account);
  each = g_array_new (FALSE, FALSE, sizeof (AbmEngagementContributor));
  for (gsize j = 0; j < n_activities; j++)
    {
      const AbmActivity *activity = &activities[j];
      AbmEngagementContributor c;

      if (!counts (activity, today) || activity->account_id != account_id)
        continue;
      c.kind = activity->kind;
      c.stakeholder_id = activity->stakeholder_id;
      c.count = 1;
      c.points = scorer_points (scorer, activity, tier) * scorer_decay (scorer, today - activity->day);
      c.last_day = activity->day;
      g_array_append_val (each, c);
    }

  explanation = g_new0 (AbmEngagementExplanation, 1);
  explanation->contributors = g_array_new (FALSE, FALSE, sizeof (AbmEngagementContributor));
  g_array_sort (each, compare_person_kind);
  for (guint i = 0; i < each->len; i++)
    {
      const AbmEngagementContributor *c = &g_array_index (each, AbmEngagementContributor, i);
      AbmEngagementContributor *group = NULL;

      if (explanation->contributors->len > 0)
        group = &g_array_index (explanation->contributors, AbmEngagementContributor,
                                explanation->contributors->len - 1);
      if (group != NULL && group->kind == c->kind && group->stakeholder_id == c->stakeholder_id)
        {
          group->count++;
          group->points += c->points;
          group->last_day = MAX (group->last_day, c->last_day);
        }
      else
        g_array_append_val (explanation->contributors, *c);
      explanation->raw += c->points;
    }
  g_array_sort (explanation->contributors, compare_points);
  explanation->score = abm_engagement_score_of_raw (rules, explanation->raw);
  return explanation;
}

void
abm_engagement_explanation_free (AbmEngagementExplanation *explanation)
{
  if (explanation == NULL)
    return;
  g_array_unref (explanation->contributors);
  g_free (explanation);
}
