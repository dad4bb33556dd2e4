/* abm-opportunity.c: one deal with an account
 *
 * Values are checked as they are set, so a CRM export or a stranger's
 * file cannot store a deal the form would refuse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-keyed.h"
#include "abm-opportunity.h"

struct _AbmOpportunity
{
  GObject               parent_instance;

  gint64                id;
  gint64                account_id;
  char                 *name;
  double                amount;
  char                 *stage;
  AbmOpportunityStatus  status;
  char                 *created;   /* YYYY-MM-DD */
  char                 *closed;
  gboolean              abm_sourced;
};

G_DEFINE_FINAL_TYPE (AbmOpportunity, abm_opportunity, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-opportunity-error-quark, abm_opportunity_error)

/* Any value changed: a row of the deals list redraws. */
enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} statuses[ABM_OPPORTUNITY_N_STATUSES] = {
  [ABM_OPPORTUNITY_OPEN] = { "open", N_("Open") },
  [ABM_OPPORTUNITY_WON]  = { "won", N_("Won") },
  [ABM_OPPORTUNITY_LOST] = { "lost", N_("Lost") },
};

const char *
abm_opportunity_status_key (AbmOpportunityStatus status)
{
  g_return_val_if_fail ((guint) status < ABM_OPPORTUNITY_N_STATUSES, NULL);
  return statuses[status].key;
}

const char *
abm_opportunity_status_label (AbmOpportunityStatus status)
{
  g_return_val_if_fail ((guint) status < ABM_OPPORTUNITY_N_STATUSES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, statuses[status].label);
}

/* Salesforce writes "Closed Won", HubSpot "closedwon", others
 * "Closed - Won" or "CLOSED_WON": compared with letters only. */
gboolean
abm_opportunity_status_from_text (const char           *text,
                                  AbmOpportunityStatus *status)
{
  g_autoptr(GString) letters = NULL;

  if (text == NULL || abm_field_is_blank (text))
    return FALSE;
  letters = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_string_append_c (letters, g_ascii_tolower (*p));
  if (g_str_equal (letters->str, "won") || g_str_has_prefix (letters->str, "closedwon"))
    *status = ABM_OPPORTUNITY_WON;
  else if (g_str_equal (letters->str, "lost") || g_str_has_prefix (letters->str, "closedlost"))
    *status = ABM_OPPORTUNITY_LOST;
  else
    *status = ABM_OPPORTUNITY_OPEN;
  return TRUE;
}

static void
abm_opportunity_finalize (GObject *object)
{
  AbmOpportunity *self = ABM_OPPORTUNITY (object);

  g_free (self->name);
  g_free (self->stage);
  g_free (self->created);
  g_free (self->closed);
  G_OBJECT_CLASS (abm_opportunity_parent_class)->finalize (object);
}

static void
abm_opportunity_class_init (AbmOpportunityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_opportunity_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_opportunity_init (AbmOpportunity *self)
{
}

static void
changed (AbmOpportunity *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

AbmOpportunity *
abm_opportunity_new (void)
{
  return g_object_new (ABM_TYPE_OPPORTUNITY, NULL);
}

AbmOpportunity *
abm_opportunity_copy (AbmOpportunity *self)
{
  AbmOpportunity *copy;

  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), NULL);

  copy = abm_opportunity_new ();
  copy->id = self->id;
  copy->account_id = self->account_id;
  abm_opportunity_assign (copy, self);
  return copy;
}

void
abm_opportunity_assign (AbmOpportunity *self,
                        AbmOpportunity *values)
{
  g_return_if_fail (ABM_IS_OPPORTUNITY (self));
  g_return_if_fail (ABM_IS_OPPORTUNITY (values));

  if (self == values || abm_opportunity_equal (self, values))
    return;
  g_free (self->name);
  self->name = g_strdup (values->name);
  self->amount = values->amount;
  g_free (self->stage);
  self->stage = g_strdup (values->stage);
  self->status = values->status;
  g_free (self->created);
  self->created = g_strdup (values->created);
  g_free (self->closed);
  self->closed = g_strdup (values->closed);
  self->abm_sourced = values->abm_sourced;
  changed (self);
}

/* Like assign(): the values, not the id or the account. */
gboolean
abm_opportunity_equal (AbmOpportunity *a,
                       AbmOpportunity *b)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (a) && ABM_IS_OPPORTUNITY (b), FALSE);

  return g_strcmp0 (a->name, b->name) == 0 && a->amount == b->amount
         && g_strcmp0 (a->stage, b->stage) == 0 && a->status == b->status
         && g_strcmp0 (a->created, b->created) == 0 && g_strcmp0 (a->closed, b->closed) == 0
         && a->abm_sourced == b->abm_sourced;
}

gint64
abm_opportunity_get_id (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), 0);
  return self->id;
}

void
abm_opportunity_set_id (AbmOpportunity *self,
                        gint64          id)
{
  g_return_if_fail (ABM_IS_OPPORTUNITY (self));
  self->id = id;
}

gint64
abm_opportunity_get_account_id (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), 0);
  return self->account_id;
}

void
abm_opportunity_set_account_id (AbmOpportunity *self,
                                gint64          account_id)
{
  g_return_if_fail (ABM_IS_OPPORTUNITY (self));
  self->account_id = MAX (account_id, 0);
}

const char *
abm_opportunity_get_name (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), NULL);
  return self->name;
}

/* Takes @clean into *@slot and says "changed" when that is news; TRUE,
 * to end a chain of checks. */
static gboolean
take_text (AbmOpportunity  *self,
           char           **slot,
           char            *clean)
{
  if (abm_field_take (slot, clean))
    changed (self);
  return TRUE;
}

static gboolean
set_text (AbmOpportunity  *self,
          char           **slot,
          const char      *text,
          AbmFieldFlags    flags,
          const char      *label,
          GError         **error)
{
  char *clean;

  return abm_field_clean (text, flags, ABM_OPPORTUNITY_MAX_TEXT, label, ABM_OPPORTUNITY_ERROR,
                          ABM_OPPORTUNITY_ERROR_INVALID, &clean, error)
         && take_text (self, slot, clean);
}

gboolean
abm_opportunity_set_name (AbmOpportunity  *self,
                          const char      *name,
                          GError         **error)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);
  return set_text (self, &self->name, name, ABM_FIELD_REQUIRED, _("The opportunity’s name"), error);
}

double
abm_opportunity_get_amount (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), 0);
  return self->amount;
}

gboolean
abm_opportunity_set_amount (AbmOpportunity  *self,
                            double           amount,
                            GError         **error)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);

  if (!isfinite (amount) || amount < 0)
    {
      g_set_error_literal (error, ABM_OPPORTUNITY_ERROR, ABM_OPPORTUNITY_ERROR_INVALID,
                           _("An opportunity’s amount must be a number, 0 or more"));
      return FALSE;
    }
  if (self->amount != amount)
    {
      self->amount = amount;
      changed (self);
    }
  return TRUE;
}

const char *
abm_opportunity_get_stage (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), NULL);
  return self->stage;
}

gboolean
abm_opportunity_set_stage (AbmOpportunity  *self,
                           const char      *stage,
                           GError         **error)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);
  return set_text (self, &self->stage, stage, ABM_FIELD_LINE, _("The stage"), error);
}

AbmOpportunityStatus
abm_opportunity_get_status (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), ABM_OPPORTUNITY_OPEN);
  return self->status;
}

void
abm_opportunity_set_status (AbmOpportunity       *self,
                            AbmOpportunityStatus  status)
{
  g_return_if_fail (ABM_IS_OPPORTUNITY (self));
  g_return_if_fail ((guint) status < ABM_OPPORTUNITY_N_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  changed (self);
}

static gboolean
set_date (AbmOpportunity  *self,
          char           **slot,
          const char      *date,
          GError         **error)
{
  char *clean;

  return abm_date_normalize (date, &clean, error) && take_text (self, slot, clean);
}

const char *
abm_opportunity_get_created (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), NULL);
  return self->created;
}

gboolean
abm_opportunity_set_created (AbmOpportunity  *self,
                             const char      *date,
                             GError         **error)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);
  return set_date (self, &self->created, date, error);
}

const char *
abm_opportunity_get_closed (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), NULL);
  return self->closed;
}

gboolean
abm_opportunity_set_closed (AbmOpportunity  *self,
                            const char      *date,
                            GError         **error)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);
  return set_date (self, &self->closed, date, error);
}

gboolean
abm_opportunity_get_abm_sourced (AbmOpportunity *self)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);
  return self->abm_sourced;
}

void
abm_opportunity_set_abm_sourced (AbmOpportunity *self,
                                 gboolean        abm_sourced)
{
  g_return_if_fail (ABM_IS_OPPORTUNITY (self));

  abm_sourced = !!abm_sourced;
  if (self->abm_sourced == abm_sourced)
    return;
  self->abm_sourced = abm_sourced;
  changed (self);
}

/* The setters check each value alone; these are the rules between them,
 * checked before a deal is stored. */
gboolean
abm_opportunity_validate (AbmOpportunity  *self,
                          GError         **error)
{
  g_return_val_if_fail (ABM_IS_OPPORTUNITY (self), FALSE);

  if (self->status != ABM_OPPORTUNITY_OPEN && self->closed == NULL)
    {
      g_set_error_literal (error, ABM_OPPORTUNITY_ERROR, ABM_OPPORTUNITY_ERROR_INVALID,
                           self->status == ABM_OPPORTUNITY_WON ? _("A won opportunity needs a closing date")
                                                               : _("A lost opportunity needs a closing date"));
      return FALSE;
    }
  /* YYYY-MM-DD sorts as the days do. */
  if (self->created != NULL && self->closed != NULL && strcmp (self->closed, self->created) < 0)
    {
      g_set_error (error, ABM_OPPORTUNITY_ERROR, ABM_OPPORTUNITY_ERROR_INVALID,
                   _("An opportunity cannot close (%s) before it is created (%s)"),
                   self->closed, self->created);
      return FALSE;
    }
  return TRUE;
}
