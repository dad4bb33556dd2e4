/* abm-account.h: one named target account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ABM_ACCOUNT_ERROR (abm_account_error_quark ())

typedef enum {
  ABM_ACCOUNT_ERROR_INVALID,
} AbmAccountError;

/* The editable fields, in the order a form or a CSV shows them. */
typedef enum {
  ABM_ACCOUNT_FIELD_NAME,
  ABM_ACCOUNT_FIELD_DOMAIN,
  ABM_ACCOUNT_FIELD_INDUSTRY,
  ABM_ACCOUNT_FIELD_EMPLOYEES,
  ABM_ACCOUNT_FIELD_ANNUAL_REVENUE,
  ABM_ACCOUNT_FIELD_COUNTRY,
  ABM_ACCOUNT_FIELD_CITY,
  ABM_ACCOUNT_FIELD_ACV_POTENTIAL,
  ABM_ACCOUNT_FIELD_OWNER_AE,
  ABM_ACCOUNT_FIELD_OWNER_MARKETER,
  ABM_ACCOUNT_FIELD_NOTES,
  ABM_ACCOUNT_FIELD_TECHNOLOGIES,
  ABM_ACCOUNT_FIELD_INTENT_TOPICS,
  ABM_ACCOUNT_FIELD_TIER,
  ABM_ACCOUNT_FIELD_TARGET,
  ABM_ACCOUNT_FIELD_STAGE,
  ABM_ACCOUNT_N_FIELDS
} AbmAccountField;

#define ABM_TYPE_ACCOUNT (abm_account_get_type ())
G_DECLARE_FINAL_TYPE (AbmAccount, abm_account, ABM, ACCOUNT, GObject)

GQuark       abm_account_error_quark        (void);

AbmAccount  *abm_account_new                (void);
AbmAccount  *abm_account_copy               (AbmAccount      *self);
void         abm_account_assign             (AbmAccount      *self,
                                             AbmAccount      *other);

gint64       abm_account_get_id             (AbmAccount      *self);
void         abm_account_set_id             (AbmAccount      *self,
                                             gint64           id);
const char  *abm_account_get_name           (AbmAccount      *self);
const char  *abm_account_get_domain         (AbmAccount      *self);
const char  *abm_account_get_industry       (AbmAccount      *self);
const char  *abm_account_get_country        (AbmAccount      *self);
const char  *abm_account_get_city           (AbmAccount      *self);
const char  *abm_account_get_owner_ae       (AbmAccount      *self);
const char  *abm_account_get_owner_marketer (AbmAccount      *self);
const char  *abm_account_get_notes          (AbmAccount      *self);
/* "Salesforce; Snowflake": lists are kept as one "; "-separated string. */
const char  *abm_account_get_technologies   (AbmAccount      *self);
const char  *abm_account_get_intent_topics  (AbmAccount      *self);
gboolean     abm_account_has_list_item      (AbmAccount      *self,
                                             AbmAccountField  field,
                                             const char      *item);
/* One of abm_account_stages(), or NULL. */
const char  *abm_account_get_search_text    (AbmAccount      *self);
const char  *abm_account_peek_text          (AbmAccount      *self,
                                             AbmAccountField  field);
const char  *abm_account_get_stage          (AbmAccount      *self);
const char *const *abm_account_stages       (void);
/* 0 when not tiered, else 1 (1:1), 2 (1:few) or 3 (1:many). */
guint        abm_account_get_tier           (AbmAccount      *self);
gboolean     abm_account_get_target         (AbmAccount      *self);
/* A locked tier is the user's decision: suggestions leave it alone. */
gboolean     abm_account_get_tier_locked    (AbmAccount      *self);
void         abm_account_set_tier_locked    (AbmAccount      *self,
                                             gboolean         locked);
/* The Tier 2 cluster the account belongs to, 0 for none. */
gint64       abm_account_get_cluster_id     (AbmAccount      *self);
void         abm_account_set_cluster_id     (AbmAccount      *self,
                                             gint64           cluster_id);
/* Computed from the ideal customer profile, never stored; -1 unscored. */
double       abm_account_get_fit_score      (AbmAccount      *self);
void         abm_account_set_fit_score      (AbmAccount      *self,
                                             double           score);
/* Numbers are -1 when unknown. */
gint64       abm_account_get_employees      (AbmAccount      *self);
double       abm_account_get_annual_revenue (AbmAccount      *self);
double       abm_account_get_acv_potential  (AbmAccount      *self);

/* Field access by enum, as text: the one path for forms, the CLI and CSV. */
const char  *abm_account_field_key          (AbmAccountField  field);
const char  *abm_account_field_label        (AbmAccountField  field);
gboolean     abm_account_field_from_key     (const char      *key,
                                             AbmAccountField *field);
char        *abm_account_dup_field_text     (AbmAccount      *self,
                                             AbmAccountField  field);
gboolean     abm_account_set_field_text     (AbmAccount      *self,
                                             AbmAccountField  field,
                                             const char      *text,
                                             GError         **error);
gboolean     abm_account_validate           (AbmAccount      *self,
                                             GError         **error);

char        *abm_normalize_domain           (const char      *text,
                                             GError         **error);

/* Fields an import brought that are none of the above, by their column
 * name. Values are text; an empty one removes the field. */
#define ABM_ACCOUNT_MAX_CUSTOM        32
#define ABM_ACCOUNT_MAX_CUSTOM_KEY    64     /* bytes */
#define ABM_ACCOUNT_MAX_CUSTOM_VALUE  1024   /* bytes */

const char  *abm_account_get_custom         (AbmAccount      *self,
                                             const char      *key);
/* key, value, key, value, …, NULL sorted by key; NULL when there are none. */
const char *const *abm_account_get_custom_pairs (AbmAccount  *self);
gboolean     abm_account_set_custom         (AbmAccount      *self,
                                             const char      *key,
                                             const char      *value,
                                             GError         **error);
char        *abm_account_dup_custom_json    (AbmAccount      *self);
gboolean     abm_account_set_custom_json    (AbmAccount      *self,
                                             const char      *json,
                                             GError         **error);

JsonNode    *abm_account_to_json            (AbmAccount      *self);
AbmAccount  *abm_account_new_from_json      (JsonNode        *node,
                                             GError         **error);

G_END_DECLS
