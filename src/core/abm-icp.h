/* abm-icp.h: the ideal customer profile, and how well each account fits it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-account.h"

G_BEGIN_DECLS

#define ABM_ICP_ERROR (abm_icp_error_quark ())

typedef enum {
  ABM_ICP_ERROR_INVALID,
  ABM_ICP_ERROR_NEWER_VERSION,
  ABM_ICP_ERROR_NO_CUSTOMERS,
} AbmIcpError;

/* What a criterion looks at. Industry and country match when the account's
 * value equals one of the criterion's values; technology, competitor and
 * intent match when the account's list holds any of them; employees and
 * annual revenue match when the known value lies in the range; a custom
 * field matches when its value equals one of the criterion's. */
typedef enum {
  ABM_ICP_INDUSTRY,
  ABM_ICP_EMPLOYEES,
  ABM_ICP_REVENUE,
  ABM_ICP_COUNTRY,
  ABM_ICP_TECHNOLOGY,
  ABM_ICP_COMPETITOR,   /* a competitor's technology to displace: a plus */
  ABM_ICP_INTENT,
  ABM_ICP_CUSTOM,       /* a custom field from an import, by name */
  ABM_ICP_N_KINDS
} AbmIcpKind;

typedef enum {
  ABM_ICP_BAND_UNSCORED,
  ABM_ICP_BAND_WEAK,
  ABM_ICP_BAND_MODERATE,
  ABM_ICP_BAND_STRONG,
} AbmIcpBand;

/* An open end of a range (any negative bound reads as open). */
#define ABM_ICP_OPEN               (-1.0)

#define ABM_ICP_DEFAULT_STRONG_MIN   81
#define ABM_ICP_DEFAULT_MODERATE_MIN 50

/* Bounds on what a profile may hold, so that a file from a stranger
 * cannot make scoring slow or memory run out. */
#define ABM_ICP_MAX_CRITERIA       200
#define ABM_ICP_MAX_VALUES         1000
#define ABM_ICP_MAX_VALUE_LENGTH   256     /* bytes */
#define ABM_ICP_MAX_WEIGHT         100.0
#define ABM_ICP_MAX_BOUND          1e15
#define ABM_ICP_MAX_JSON_SIZE      (4 * 1024 * 1024)

/* One line of an account's explanation, in criterion order. */
typedef struct {
  guint       index;
  AbmIcpKind  kind;
  char       *description;     /* "Industry is Banking or Insurance" */
  double      weight;
  double      points;          /* 100 × weight ÷ total weight when matched, else 0 */
  gboolean    matched;
  gboolean    must_have;
  gboolean    must_have_failed;
  char       *account_value;   /* what the account has, NULL when unknown */
} AbmIcpExplanation;

void abm_icp_explanation_free (AbmIcpExplanation *explanation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmIcpExplanation, abm_icp_explanation_free)

/* An attribute value that is more (or less) common among won customers
 * than in the whole list. Totals count the accounts whose attribute is
 * known. lift = (customers_with ÷ customers_total) ÷ (all_with ÷ all_total). */
typedef struct {
  AbmIcpKind  kind;
  char       *value;           /* industry, country, technology, topic; NULL for ranges */
  double      min, max;        /* the bucket of a range kind, inclusive */
  char       *label;           /* "Industry is Banking", "Employees 1,000–4,999" */
  guint       customers_with;
  guint       customers_total;
  guint       all_with;
  guint       all_total;
  double      lift;
  char       *field;           /* ABM_ICP_CUSTOM only: the field's name */
} AbmIcpSuggestion;

void   abm_icp_suggestion_free   (AbmIcpSuggestion       *suggestion);
double abm_icp_suggestion_weight (const AbmIcpSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmIcpSuggestion, abm_icp_suggestion_free)

#define ABM_TYPE_ICP (abm_icp_get_type ())
G_DECLARE_FINAL_TYPE (AbmIcp, abm_icp, ABM, ICP, GObject)

GQuark       abm_icp_error_quark       (void);

const char  *abm_icp_kind_key          (AbmIcpKind          kind);
const char  *abm_icp_kind_label        (AbmIcpKind          kind);
gboolean     abm_icp_kind_from_key     (const char         *key,
                                        AbmIcpKind         *kind);
gboolean     abm_icp_kind_is_range     (AbmIcpKind          kind);
const char  *abm_icp_band_key          (AbmIcpBand          band);
const char  *abm_icp_band_label        (AbmIcpBand          band);

AbmIcp      *abm_icp_new               (void);
/* Reads a profile file; ABM_ICP_ERROR_NEWER_VERSION when a later version
 * wrote it, ABM_ICP_ERROR_INVALID naming the fault for anything else. */
AbmIcp      *abm_icp_new_from_json     (const char         *json,
                                        gsize               len,
                                        GError            **error);
char        *abm_icp_to_json           (AbmIcp             *self);
void         abm_icp_assign            (AbmIcp             *self,
                                        AbmIcp             *other);

/* Bands: strong from strong_min, moderate from moderate_min, weak below;
 * 1 <= moderate_min < strong_min <= 100. */
guint        abm_icp_get_strong_min    (AbmIcp             *self);
guint        abm_icp_get_moderate_min  (AbmIcp             *self);
gboolean     abm_icp_set_bands         (AbmIcp             *self,
                                        guint               moderate_min,
                                        guint               strong_min,
                                        GError            **error);

/* Criteria, by position. A new one has weight 1, no values and open
 * ranges. Every edit emits "changed". */
guint        abm_icp_get_n_criteria    (AbmIcp             *self);
int          abm_icp_add_criterion     (AbmIcp             *self,
                                        AbmIcpKind          kind,
                                        GError            **error);
/* ABM_ICP_CUSTOM criteria are added with their field's name. */
int          abm_icp_add_custom_criterion (AbmIcp          *self,
                                        const char         *field,
                                        GError            **error);
const char  *abm_icp_get_field         (AbmIcp             *self,
                                        guint               index);
void         abm_icp_remove_criterion  (AbmIcp             *self,
                                        guint               index);
void         abm_icp_move_criterion    (AbmIcp             *self,
                                        guint               from,
                                        guint               to);
AbmIcpKind   abm_icp_get_kind          (AbmIcp             *self,
                                        guint               index);
double       abm_icp_get_weight        (AbmIcp             *self,
                                        guint               index);
gboolean     abm_icp_set_weight        (AbmIcp             *self,
                                        guint               index,
                                        double              weight,
                                        GError            **error);
gboolean     abm_icp_get_must_have     (AbmIcp             *self,
                                        guint               index);
void         abm_icp_set_must_have     (AbmIcp             *self,
                                        guint               index,
                                        gboolean            must_have);
const char *const *abm_icp_get_values  (AbmIcp             *self,
                                        guint               index);
gboolean     abm_icp_set_values        (AbmIcp             *self,
                                        guint               index,
                                        const char *const  *values,
                                        GError            **error);
void         abm_icp_get_range         (AbmIcp             *self,
                                        guint               index,
                                        double             *min,
                                        double             *max);
gboolean     abm_icp_set_range         (AbmIcp             *self,
                                        guint               index,
                                        double              min,
                                        double              max,
                                        GError            **error);
char        *abm_icp_dup_description   (AbmIcp             *self,
                                        guint               index);

/* Scoring: see abm-icp.c for the formula. -1 when there are no criteria.
 * Scoring only reads the profile, so a worker thread may score while
 * nobody edits it. */
double       abm_icp_score             (AbmIcp             *self,
                                        AbmAccount         *account);
void         abm_icp_score_all         (AbmIcp             *self,
                                        GListModel         *accounts);
AbmIcpBand   abm_icp_band              (AbmIcp             *self,
                                        double              score);
/* Of AbmIcpExplanation, one per criterion. */
GPtrArray   *abm_icp_explain           (AbmIcp             *self,
                                        AbmAccount         *account);
char        *abm_icp_explain_text      (AbmIcp             *self,
                                        AbmAccount         *account);
char        *abm_icp_to_text           (AbmIcp             *self);

/* Of AbmIcpSuggestion, strongest lift first; values held by fewer than
 * min_customers (at least 1; 2 is the usual) customers are left out.
 * A customer is an account whose stage is "customer" or whose id is in
 * @won (gint64* keys; may be NULL): one with a won deal.
 * Fails with ABM_ICP_ERROR_NO_CUSTOMERS when no account is a customer. */
GPtrArray   *abm_icp_learn             (GListModel         *accounts,
                                        GHashTable         *won,
                                        guint               min_customers,
                                        GError            **error);
int          abm_icp_add_suggestion    (AbmIcp             *self,
                                        const AbmIcpSuggestion *suggestion,
                                        GError            **error);

G_END_DECLS
