/* abm-stakeholder.h: one person on an account's buying committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ABM_STAKEHOLDER_ERROR (abm_stakeholder_error_quark ())

typedef enum {
  ABM_STAKEHOLDER_ERROR_INVALID,
} AbmStakeholderError;

/* Committee roles: the set HubSpot's "Buying role" uses, so a contacts
 * export maps onto it. A person may hold several (a bit mask). */
typedef enum {
  ABM_ROLE_DECISION_MAKER,      /* decision maker / economic buyer */
  ABM_ROLE_BUDGET_HOLDER,
  ABM_ROLE_CHAMPION,
  ABM_ROLE_TECHNICAL_EVALUATOR,
  ABM_ROLE_END_USER,
  ABM_ROLE_INFLUENCER,
  ABM_ROLE_BLOCKER,
  ABM_ROLE_EXECUTIVE_SPONSOR,
  ABM_ROLE_PROCUREMENT,
  ABM_ROLE_LEGAL,               /* legal and compliance */
  ABM_ROLE_OTHER,
  ABM_N_ROLES
} AbmRole;

/* From blocker through neutral to champion. */
typedef enum {
  ABM_STAKEHOLDER_SENTIMENT_UNKNOWN,
  ABM_STAKEHOLDER_SENTIMENT_BLOCKER,
  ABM_STAKEHOLDER_SENTIMENT_NEGATIVE,
  ABM_STAKEHOLDER_SENTIMENT_NEUTRAL,
  ABM_STAKEHOLDER_SENTIMENT_POSITIVE,
  ABM_STAKEHOLDER_SENTIMENT_CHAMPION,
  ABM_STAKEHOLDER_N_SENTIMENTS
} AbmStakeholderSentiment;

/* Support status as account-planning tools (Miller Heiman and kin) use it. */
typedef enum {
  ABM_SUPPORT_UNKNOWN,
  ABM_SUPPORT_MENTOR,
  ABM_SUPPORT_SUPPORTER,
  ABM_SUPPORT_NEUTRAL,
  ABM_SUPPORT_NON_SUPPORTER,
  ABM_SUPPORT_ENEMY,
  ABM_N_SUPPORTS
} AbmSupport;

typedef enum {
  ABM_STAKEHOLDER_FIELD_NAME,
  ABM_STAKEHOLDER_FIELD_TITLE,
  ABM_STAKEHOLDER_FIELD_DEPARTMENT,
  ABM_STAKEHOLDER_FIELD_EMAIL,
  ABM_STAKEHOLDER_FIELD_PHONE,
  ABM_STAKEHOLDER_FIELD_LINKEDIN,
  ABM_STAKEHOLDER_FIELD_NOTES,
  ABM_STAKEHOLDER_N_TEXT_FIELDS
} AbmStakeholderField;

#define ABM_STAKEHOLDER_MAX_TEXT 2000   /* bytes, notes 20× that */

#define ABM_TYPE_STAKEHOLDER (abm_stakeholder_get_type ())
G_DECLARE_FINAL_TYPE (AbmStakeholder, abm_stakeholder, ABM, STAKEHOLDER, GObject)

GQuark          abm_stakeholder_error_quark (void);

const char     *abm_role_key                (AbmRole          role);
const char     *abm_role_label              (AbmRole          role);
/* Reads our keys, the labels, and HubSpot's buying-role values
 * ("DECISION_MAKER", "Decision maker", "economic buyer"), any case. */
gboolean        abm_role_from_text          (const char      *text,
                                             AbmRole         *role);
const char     *abm_sentiment_key           (AbmStakeholderSentiment sentiment);
const char     *abm_sentiment_label         (AbmStakeholderSentiment sentiment);
gboolean        abm_sentiment_from_key      (const char      *key,
                                             AbmStakeholderSentiment *sentiment);
const char     *abm_support_key             (AbmSupport       support);
const char     *abm_support_label           (AbmSupport       support);
gboolean        abm_support_from_key        (const char      *key,
                                             AbmSupport      *support);
const char     *abm_stakeholder_field_key   (AbmStakeholderField field);
const char     *abm_stakeholder_field_label (AbmStakeholderField field);

AbmStakeholder *abm_stakeholder_new         (void);
AbmStakeholder *abm_stakeholder_copy        (AbmStakeholder  *self);
/* Everything but the id and the account. */
void            abm_stakeholder_assign      (AbmStakeholder  *self,
                                             AbmStakeholder  *other);
gboolean        abm_stakeholder_equal       (AbmStakeholder  *a,
                                             AbmStakeholder  *b);

gint64          abm_stakeholder_get_id          (AbmStakeholder *self);
void            abm_stakeholder_set_id          (AbmStakeholder *self,
                                                 gint64          id);
gint64          abm_stakeholder_get_account_id  (AbmStakeholder *self);
void            abm_stakeholder_set_account_id  (AbmStakeholder *self,
                                                 gint64          account_id);

const char     *abm_stakeholder_get_text        (AbmStakeholder *self,
                                                 AbmStakeholderField field);
/* Trims; refuses an empty name, text that is not UTF-8 or too long, and an
 * email address or LinkedIn URL that is not one. */
gboolean        abm_stakeholder_set_text        (AbmStakeholder *self,
                                                 AbmStakeholderField field,
                                                 const char     *text,
                                                 GError        **error);
const char     *abm_stakeholder_get_name        (AbmStakeholder *self);

guint           abm_stakeholder_get_roles       (AbmStakeholder *self);  /* 1 << AbmRole */
void            abm_stakeholder_set_roles       (AbmStakeholder *self,
                                                 guint           roles);
gboolean        abm_stakeholder_has_role        (AbmStakeholder *self,
                                                 AbmRole         role);
/* The first role held, in AbmRole order, or ABM_N_ROLES. */
AbmRole         abm_stakeholder_get_main_role   (AbmStakeholder *self);
/* "Champion, Technical evaluator" */
char           *abm_stakeholder_dup_roles_text  (AbmStakeholder *self);
/* Reads "champion; technical-evaluator" (any separator of , ; |). */
gboolean        abm_stakeholder_set_roles_text  (AbmStakeholder *self,
                                                 const char     *text,
                                                 GError        **error);

/* 0 when unknown; negative only in a batch for
 * abm_workspace_apply_stakeholders(). */
gint64          abm_stakeholder_get_manager_id  (AbmStakeholder *self);
void            abm_stakeholder_set_manager_id  (AbmStakeholder *self,
                                                 gint64          manager_id);
/* A second, dotted-line manager, 0 for none. */
gint64          abm_stakeholder_get_dotted_manager_id (AbmStakeholder *self);
void            abm_stakeholder_set_dotted_manager_id (AbmStakeholder *self,
                                                       gint64          manager_id);

/* 0 unknown, 1–5. */
guint           abm_stakeholder_get_influence   (AbmStakeholder *self);
gboolean        abm_stakeholder_set_influence   (AbmStakeholder *self,
                                                 guint           influence,
                                                 GError        **error);
/* 0 unknown, 1 (cold) – 5 (trusted). */
guint           abm_stakeholder_get_strength    (AbmStakeholder *self);
gboolean        abm_stakeholder_set_strength    (AbmStakeholder *self,
                                                 guint           strength,
                                                 GError        **error);
AbmStakeholderSentiment abm_stakeholder_get_sentiment (AbmStakeholder *self);
void            abm_stakeholder_set_sentiment   (AbmStakeholder *self,
                                                 AbmStakeholderSentiment sentiment);
AbmSupport      abm_stakeholder_get_support     (AbmStakeholder *self);
void            abm_stakeholder_set_support     (AbmStakeholder *self,
                                                 AbmSupport      support);
/* Positive or champion, or a mentor or supporter. */
gboolean        abm_stakeholder_is_positive     (AbmStakeholder *self);

/* The last contact as YYYY-MM-DD, or NULL. */
const char     *abm_stakeholder_get_last_contact (AbmStakeholder *self);
gboolean        abm_stakeholder_set_last_contact (AbmStakeholder *self,
                                                  const char     *date,
                                                  GError        **error);
/* Days from the last contact to @today (YYYY-MM-DD or NULL for today);
 * -1 when never contacted. */
int             abm_stakeholder_days_since_contact (AbmStakeholder *self,
                                                    GDate          *today);

JsonNode       *abm_stakeholder_to_json         (AbmStakeholder *self);
AbmStakeholder *abm_stakeholder_new_from_json   (JsonNode       *node,
                                                 GError        **error);

G_END_DECLS
