/* abm-opportunity.h: one deal with an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ABM_OPPORTUNITY_ERROR (abm_opportunity_error_quark ())

typedef enum {
  ABM_OPPORTUNITY_ERROR_INVALID,
} AbmOpportunityError;

typedef enum {
  ABM_OPPORTUNITY_OPEN,
  ABM_OPPORTUNITY_WON,
  ABM_OPPORTUNITY_LOST,
  ABM_OPPORTUNITY_N_STATUSES
} AbmOpportunityStatus;

#define ABM_OPPORTUNITY_MAX_TEXT 500   /* bytes of a name or a stage */

#define ABM_TYPE_OPPORTUNITY (abm_opportunity_get_type ())
G_DECLARE_FINAL_TYPE (AbmOpportunity, abm_opportunity, ABM, OPPORTUNITY, GObject)

GQuark          abm_opportunity_error_quark   (void);

const char     *abm_opportunity_status_key    (AbmOpportunityStatus  status);
const char     *abm_opportunity_status_label  (AbmOpportunityStatus  status);
/* Reads a key, and a CRM's closing stages: "Closed Won" is won,
 * "Closed Lost" lost; any other stage name is open. */
gboolean        abm_opportunity_status_from_text (const char          *text,
                                                  AbmOpportunityStatus *status);

/* A new open opportunity: no name, amount 0, created today is left to
 * the caller (NULL until set). */
AbmOpportunity *abm_opportunity_new           (void);
AbmOpportunity *abm_opportunity_copy          (AbmOpportunity  *self);
/* Copies every value of @values except the id and the account. */
void            abm_opportunity_assign        (AbmOpportunity  *self,
                                               AbmOpportunity  *values);
gboolean        abm_opportunity_equal         (AbmOpportunity  *a,
                                               AbmOpportunity  *b);

gint64          abm_opportunity_get_id        (AbmOpportunity  *self);
void            abm_opportunity_set_id        (AbmOpportunity  *self,
                                               gint64           id);
gint64          abm_opportunity_get_account_id (AbmOpportunity *self);
void            abm_opportunity_set_account_id (AbmOpportunity *self,
                                               gint64           account_id);
const char     *abm_opportunity_get_name      (AbmOpportunity  *self);
/* Trimmed; not empty, at most ABM_OPPORTUNITY_MAX_TEXT bytes. */
gboolean        abm_opportunity_set_name      (AbmOpportunity  *self,
                                               const char      *name,
                                               GError         **error);
double          abm_opportunity_get_amount    (AbmOpportunity  *self);
/* Not negative, finite. */
gboolean        abm_opportunity_set_amount    (AbmOpportunity  *self,
                                               double           amount,
                                               GError         **error);
/* The CRM's stage name ("Proposal"), or NULL. */
const char     *abm_opportunity_get_stage     (AbmOpportunity  *self);
gboolean        abm_opportunity_set_stage     (AbmOpportunity  *self,
                                               const char      *stage,
                                               GError         **error);
AbmOpportunityStatus abm_opportunity_get_status (AbmOpportunity *self);
void            abm_opportunity_set_status    (AbmOpportunity  *self,
                                               AbmOpportunityStatus status);
/* Calendar days as YYYY-MM-DD (abm_date_normalize()); NULL unknown. */
const char     *abm_opportunity_get_created   (AbmOpportunity  *self);
gboolean        abm_opportunity_set_created   (AbmOpportunity  *self,
                                               const char      *date,
                                               GError         **error);
const char     *abm_opportunity_get_closed    (AbmOpportunity  *self);
gboolean        abm_opportunity_set_closed    (AbmOpportunity  *self,
                                               const char      *date,
                                               GError         **error);
/* Sourced by the ABM program (against inbound or partner deals). */
gboolean        abm_opportunity_get_abm_sourced (AbmOpportunity *self);
void            abm_opportunity_set_abm_sourced (AbmOpportunity *self,
                                                 gboolean        abm_sourced);
/* A won or lost deal needs a closing date; a closing date not before the
 * creation. FALSE with a message naming what is wrong. */
gboolean        abm_opportunity_validate      (AbmOpportunity  *self,
                                               GError         **error);

G_END_DECLS
