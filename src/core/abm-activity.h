/* abm-activity.h: one engagement event at an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ABM_ACTIVITY_ERROR (abm_activity_error_quark ())

typedef enum {
  ABM_ACTIVITY_ERROR_INVALID,
} AbmActivityError;

/* What happened; stored by key. The order is the one lists and weight
 * editors show. */
typedef enum {
  ABM_ACTIVITY_AD_IMPRESSION,
  ABM_ACTIVITY_AD_CLICK,
  ABM_ACTIVITY_WEBSITE_VISIT,
  ABM_ACTIVITY_CONTENT_DOWNLOAD,
  ABM_ACTIVITY_EMAIL_OPEN,
  ABM_ACTIVITY_EMAIL_REPLY,
  ABM_ACTIVITY_EVENT_ATTENDANCE,
  ABM_ACTIVITY_MEETING,
  ABM_ACTIVITY_DEMO_REQUEST,
  ABM_ACTIVITY_SALES_CALL,
  ABM_ACTIVITY_INTENT_SURGE,        /* a third-party intent signal on a topic */
  ABM_N_ACTIVITY_KINDS
} AbmActivityKind;

#define ABM_ACTIVITY_MAX_TEXT 200   /* bytes of a topic or a campaign */

/* One event. Small and plain, because a program has a million of them:
 * the day is a Julian day number (g_date_get_julian()), the person is a
 * stakeholder id (0: the account as a whole; a removed person keeps the
 * id, as a play's target does), and topic and campaign are optional. */
typedef struct {
  gint64           id;
  gint64           account_id;
  gint64           stakeholder_id;
  guint32          day;
  AbmActivityKind  kind;
  char            *topic;
  char            *campaign;
} AbmActivity;

GQuark           abm_activity_error_quark      (void);

const char      *abm_activity_kind_key         (AbmActivityKind  kind);
const char      *abm_activity_kind_label       (AbmActivityKind  kind);
/* Reads a key ("demo-request") and what CRMs and ad platforms write
 * ("Demo Request", "Web Visit", "Page View", "Email Opened", ...). */
gboolean         abm_activity_kind_from_text   (const char      *text,
                                                AbmActivityKind *kind);
/* The weight an activity of @kind has until the user changes it: a demo
 * request outweighs an ad impression a hundredfold. */
double           abm_activity_kind_default_weight (AbmActivityKind kind);

/* Fills @activity's strings with copies (NULL or "" is none); FALSE with
 * @error for a text over ABM_ACTIVITY_MAX_TEXT or not UTF-8. */
gboolean         abm_activity_set_text         (AbmActivity     *activity,
                                                const char      *topic,
                                                const char      *campaign,
                                                GError         **error);
/* Frees the strings, not the struct: for GArray's clear function. */
void             abm_activity_clear            (AbmActivity     *activity);
AbmActivity     *abm_activity_copy             (const AbmActivity *activity);
void             abm_activity_free             (AbmActivity     *activity);
GType            abm_activity_get_type         (void) G_GNUC_CONST;
#define ABM_TYPE_ACTIVITY (abm_activity_get_type ())
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmActivity, abm_activity_free)

G_END_DECLS
