/* abm-coverage.c: which key roles of a buying committee are covered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "abm-coverage.h"
#include "abm-json.h"

#define MAX_JSON_SIZE (16 * 1024)
/* The rules nest two deep; json-glib parses by recursion. */
#define MAX_JSON_DEPTH 8

struct _AbmCoverageRules
{
  GObject parent_instance;

  double  weights[ABM_N_ROLES];
  guint   recent_days;
};

G_DEFINE_FINAL_TYPE (AbmCoverageRules, abm_coverage_rules, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
abm_coverage_rules_class_init (AbmCoverageRulesClass *klass)
{
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_coverage_rules_init (AbmCoverageRules *self)
{
  self->weights[ABM_ROLE_DECISION_MAKER] = 3;
  self->weights[ABM_ROLE_CHAMPION] = 3;
  self->weights[ABM_ROLE_TECHNICAL_EVALUATOR] = 2;
  self->recent_days = ABM_COVERAGE_DEFAULT_RECENT;
}

AbmCoverageRules *
abm_coverage_rules_new (void)
{
  return g_object_new (ABM_TYPE_COVERAGE_RULES, NULL);
}

double
abm_coverage_rules_get_weight (AbmCoverageRules *self,
                               AbmRole           role)
{
  g_return_val_if_fail (ABM_IS_COVERAGE_RULES (self), 0);
  g_return_val_if_fail (role < ABM_N_ROLES, 0);
  return self->weights[role];
}

static gboolean
check_weight (double   weight,
              GError **error)
{
  if (!isfinite (weight) || weight < 0 || weight > ABM_COVERAGE_MAX_WEIGHT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A role’s weight must be between 0 and %g"), ABM_COVERAGE_MAX_WEIGHT);
      return FALSE;
    }
  return TRUE;
}

gboolean
abm_coverage_rules_set_weight (AbmCoverageRules  *self,
                               AbmRole            role,
                               double             weight,
                               GError           **error)
{
  g_return_val_if_fail (ABM_IS_COVERAGE_RULES (self), FALSE);
  g_return_val_if_fail (role < ABM_N_ROLES, FALSE);

  if (!check_weight (weight, error))
    return FALSE;
  if (self->weights[role] != weight)
    {
      self->weights[role] = weight;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

guint
abm_coverage_rules_get_recent_days (AbmCoverageRules *self)
{
  g_return_val_if_fail (ABM_IS_COVERAGE_RULES (self), 0);
  return self->recent_days;
}

gboolean
abm_coverage_rules_set_recent_days (AbmCoverageRules  *self,
                                    guint              days,
                                    GError           **error)
{
  g_return_val_if_fail (ABM_IS_COVERAGE_RULES (self), FALSE);

  if (days < 1 || days > ABM_COVERAGE_MAX_RECENT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Recent contact must mean 1 to %u days"), ABM_COVERAGE_MAX_RECENT);
      return FALSE;
    }
  if (self->recent_days != days)
    {
      self->recent_days = days;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return TRUE;
}

void
abm_coverage_rules_assign (AbmCoverageRules *self,
                           AbmCoverageRules *other)
{
  g_return_if_fail (ABM_IS_COVERAGE_RULES (self));
  g_return_if_fail (ABM_IS_COVERAGE_RULES (other));

  if (self == other)
    return;
  memcpy (self->weights, other->weights, sizeof self->weights);
  self->recent_days = other->recent_days;
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
abm_coverage_rules_to_json (AbmCoverageRules *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_COVERAGE_RULES (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ABM_N_ROLES; i++)
    if (self->weights[i] > 0)
      {
        json_builder_set_member_name (builder, abm_role_key (i));
        json_builder_add_double_value (builder, self->weights[i]);
      }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "recent-days");
  json_builder_add_int_value (builder, self->recent_days);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* What reads is taken; a bad weight or day count keeps its default. */
AbmCoverageRules *
abm_coverage_rules_new_from_json (const char  *json,
                                  GError     **error)
{
  g_autoptr(AbmCoverageRules) self = abm_coverage_rules_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonNode *roles, *days;

  g_return_val_if_fail (json != NULL, NULL);

  if (strlen (json) > MAX_JSON_SIZE || !abm_json_depth_ok (json, strlen (json), MAX_JSON_DEPTH))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The coverage rules are too large"));
      return NULL;
    }
  if (!abm_json_load (parser, json, -1, error))
    return NULL;
  /* Blank text parses, to no root at all. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The coverage rules are not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  roles = json_object_get_member (root, "roles");
  if (roles != NULL && JSON_NODE_HOLDS_OBJECT (roles))
    {
      JsonObject *object = json_node_get_object (roles);

      /* Listed roles replace the defaults. */
      memset (self->weights, 0, sizeof self->weights);
      for (guint i = 0; i < ABM_N_ROLES; i++)
        {
          JsonNode *w = json_object_get_member (object, abm_role_key (i));
          double weight;

          if (w == NULL || !JSON_NODE_HOLDS_VALUE (w)
              || (json_node_get_value_type (w) != G_TYPE_DOUBLE && json_node_get_value_type (w) != G_TYPE_INT64))
            continue;
          weight = json_node_get_value_type (w) == G_TYPE_DOUBLE ? json_node_get_double (w) : (double) json_node_get_int (w);
          if (check_weight (weight, NULL))
            self->weights[i] = weight;
        }
    }
  days = json_object_get_member (root, "recent-days");
  if (days != NULL && JSON_NODE_HOLDS_VALUE (days) && json_node_get_value_type (days) == G_TYPE_INT64
      && json_node_get_int (days) >= 1 && json_node_get_int (days) <= ABM_COVERAGE_MAX_RECENT)
    self->recent_days = (guint) json_node_get_int (days);
  return g_steal_pointer (&self);
}

void
abm_coverage_free (AbmCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_array_unref (coverage->roles);
  g_ptr_array_unref (coverage->gaps);
  g_free (coverage);
}

/* A whole sentence a role, as the role's name inside a sentence is written
 * differently from language to language (lowercase in English, not in
 * German). */
static const char *const no_role[ABM_N_ROLES] = {
  [ABM_ROLE_DECISION_MAKER]      = N_("No economic buyer identified"),
  [ABM_ROLE_BUDGET_HOLDER]       = N_("No budget holder identified"),
  [ABM_ROLE_CHAMPION]            = N_("No champion identified"),
  [ABM_ROLE_TECHNICAL_EVALUATOR] = N_("No technical evaluator identified"),
  [ABM_ROLE_END_USER]            = N_("No end user identified"),
  [ABM_ROLE_INFLUENCER]          = N_("No influencer identified"),
  [ABM_ROLE_BLOCKER]             = N_("No blocker identified"),
  [ABM_ROLE_EXECUTIVE_SPONSOR]   = N_("No executive sponsor identified"),
  [ABM_ROLE_PROCUREMENT]         = N_("No one from procurement identified"),
  [ABM_ROLE_LEGAL]               = N_("No one from legal and compliance identified"),
  [ABM_ROLE_OTHER]               = N_("No one in another role identified"),
};

/* "Economic buyer" at the start of a sentence, as the label is. */
static char *
role_gap (AbmRoleCoverage *rc,
          guint            recent_days)
{
  const char *role = abm_role_label (rc->role);

  if (!rc->filled)
    return g_strdup (_(no_role[rc->role]));
  if (!rc->recent && rc->days_since_contact < 0)
    return g_strdup_printf (_("%s never contacted"), role);
  if (!rc->recent)
    return g_strdup_printf (_("%s not contacted in %u days"), role, recent_days);
  if (!rc->positive)
    return g_strdup_printf (_("%s not yet on our side"), role);
  return NULL;
}

AbmCoverage *
abm_coverage_compute (AbmCoverageRules *rules,
                      GListModel       *committee,
                      GDate            *today)
{
  AbmCoverage *coverage;
  double total = 0, sum = 0;
  guint n;

  g_return_val_if_fail (ABM_IS_COVERAGE_RULES (rules), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (committee), NULL);

  coverage = g_new0 (AbmCoverage, 1);
  coverage->roles = g_array_new (FALSE, TRUE, sizeof (AbmRoleCoverage));
  coverage->gaps = g_ptr_array_new_with_free_func (g_free);
  n = g_list_model_get_n_items (committee);

  for (guint r = 0; r < ABM_N_ROLES; r++)
    {
      AbmRoleCoverage rc = { .role = r, .weight = rules->weights[r], .days_since_contact = -1 };

      if (rc.weight <= 0)
        continue;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AbmStakeholder) s = g_list_model_get_item (committee, i);
          int days;

          if (!abm_stakeholder_has_role (s, r))
            continue;
          rc.holders++;
          rc.filled = TRUE;
          rc.positive |= abm_stakeholder_is_positive (s);
          days = abm_stakeholder_days_since_contact (s, today);
          if (days >= 0 && (rc.days_since_contact < 0 || days < rc.days_since_contact))
            rc.days_since_contact = days;
        }
      rc.recent = rc.days_since_contact >= 0 && rc.days_since_contact <= (int) rules->recent_days;
      total += rc.weight;
      sum += rc.weight * ((rc.filled + rc.recent + rc.positive) / 3.0);
      g_array_append_val (coverage->roles, rc);
    }
  coverage->score = total > 0 ? round (1000 * sum / total) / 10 : -1;

  /* The heaviest roles' gaps first; unfilled before stale before cold. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint i = 0; i < coverage->roles->len; i++)
      {
        AbmRoleCoverage *rc = &g_array_index (coverage->roles, AbmRoleCoverage, i);
        guint kind = !rc->filled ? 0 : !rc->recent ? 1 : !rc->positive ? 2 : 3;
        char *gap;

        if (kind != pass)
          continue;
        gap = role_gap (rc, rules->recent_days);
        if (gap != NULL)
          g_ptr_array_add (coverage->gaps, gap);
      }
  return coverage;
}
