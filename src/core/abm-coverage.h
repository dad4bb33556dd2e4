/* abm-coverage.h: which key roles of a buying committee are covered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-stakeholder.h"

G_BEGIN_DECLS

#define ABM_COVERAGE_MAX_WEIGHT        10.0
#define ABM_COVERAGE_DEFAULT_RECENT    60     /* days */
#define ABM_COVERAGE_MAX_RECENT        3650

#define ABM_TYPE_COVERAGE_RULES (abm_coverage_rules_get_type ())
G_DECLARE_FINAL_TYPE (AbmCoverageRules, abm_coverage_rules, ABM, COVERAGE_RULES, GObject)

/* Economic buyer 3, champion 3, technical evaluator 2; recent means
 * contacted within 60 days. */
AbmCoverageRules *abm_coverage_rules_new           (void);
AbmCoverageRules *abm_coverage_rules_new_from_json (const char        *json,
                                                    GError           **error);
char             *abm_coverage_rules_to_json       (AbmCoverageRules  *self);
void              abm_coverage_rules_assign        (AbmCoverageRules  *self,
                                                    AbmCoverageRules  *other);
/* 0 when the role is not required. */
double            abm_coverage_rules_get_weight    (AbmCoverageRules  *self,
                                                    AbmRole            role);
gboolean          abm_coverage_rules_set_weight    (AbmCoverageRules  *self,
                                                    AbmRole            role,
                                                    double             weight,
                                                    GError           **error);
guint             abm_coverage_rules_get_recent_days (AbmCoverageRules *self);
gboolean          abm_coverage_rules_set_recent_days (AbmCoverageRules *self,
                                                      guint             days,
                                                      GError          **error);

/* One required role: is someone in it, were they contacted lately, are
 * they for us. */
typedef struct {
  AbmRole  role;
  double   weight;
  guint    holders;
  gboolean filled;
  gboolean recent;
  gboolean positive;
  int      days_since_contact;  /* the holder contacted last; -1 never */
} AbmRoleCoverage;

typedef struct {
  GArray    *roles;   /* AbmRoleCoverage, in role order */
  double     score;   /* 0–100; -1 when no role is required */
  GPtrArray *gaps;    /* char*, in plain words, most important first */
} AbmCoverage;

/* Each required role counts its weight: a third for being filled, a third
 * for a holder contacted within the recent days, a third for a holder who
 * is positive (sentiment or support). @today NULL means today. */
AbmCoverage      *abm_coverage_compute             (AbmCoverageRules  *rules,
                                                    GListModel        *committee,
                                                    GDate             *today);
void              abm_coverage_free                (AbmCoverage       *coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmCoverage, abm_coverage_free)

G_END_DECLS
