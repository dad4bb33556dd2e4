/* abm-stakeholder.c: one person on an account's buying committee
 *
 * Values are checked as they are set, the same way for a form, the CLI, a
 * contacts import and a file read back, so a stranger's file cannot put a
 * broken person in front of the user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-keyed.h"
#include "abm-stakeholder.h"

struct _AbmStakeholder
{
  GObject    parent_instance;

  gint64     id;
  gint64     account_id;
  char      *text[ABM_STAKEHOLDER_N_TEXT_FIELDS];
  guint      roles;
  gint64     manager_id;
  gint64     dotted_manager_id;
  guint      influence;
  guint      strength;
  AbmStakeholderSentiment sentiment;
  AbmSupport support;
  char      *last_contact;   /* YYYY-MM-DD */
};

G_DEFINE_FINAL_TYPE (AbmStakeholder, abm_stakeholder, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-stakeholder-error-quark, abm_stakeholder_error)

/* One "changed" for any edit: views redraw a card or a row at a time. */
enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
  const char *aliases;   /* casefolded, '|'-separated: HubSpot's values and kin */
} roles[ABM_N_ROLES] = {
  [ABM_ROLE_DECISION_MAKER]      = { "decision-maker", N_("Economic buyer"), "decision_maker|decision maker|economic buyer|economic_buyer" },
  [ABM_ROLE_BUDGET_HOLDER]       = { "budget-holder", N_("Budget holder"), "budget_holder|budget holder" },
  [ABM_ROLE_CHAMPION]            = { "champion", N_("Champion"), "champion" },
  [ABM_ROLE_TECHNICAL_EVALUATOR] = { "technical-evaluator", N_("Technical evaluator"), "technical_evaluator|technical evaluator|evaluator" },
  [ABM_ROLE_END_USER]            = { "end-user", N_("End user"), "end_user|end user|user" },
  [ABM_ROLE_INFLUENCER]          = { "influencer", N_("Influencer"), "influencer" },
  [ABM_ROLE_BLOCKER]             = { "blocker", N_("Blocker"), "blocker" },
  [ABM_ROLE_EXECUTIVE_SPONSOR]   = { "executive-sponsor", N_("Executive sponsor"), "executive_sponsor|executive sponsor|sponsor" },
  [ABM_ROLE_PROCUREMENT]         = { "procurement", N_("Procurement"), "procurement|purchasing" },
  [ABM_ROLE_LEGAL]               = { "legal", N_("Legal and compliance"), "legal_and_compliance|legal and compliance|legal|compliance" },
  [ABM_ROLE_OTHER]               = { "other", N_("Other"), "other" },
};

static const struct {
  const char *key;
  const char *label;
} sentiments[ABM_STAKEHOLDER_N_SENTIMENTS] = {
  [ABM_STAKEHOLDER_SENTIMENT_UNKNOWN]  = { "unknown", N_("Unknown") },
  [ABM_STAKEHOLDER_SENTIMENT_BLOCKER]  = { "blocker", N_("Blocker") },
  [ABM_STAKEHOLDER_SENTIMENT_NEGATIVE] = { "negative", N_("Negative") },
  [ABM_STAKEHOLDER_SENTIMENT_NEUTRAL]  = { "neutral", N_("Neutral") },
  [ABM_STAKEHOLDER_SENTIMENT_POSITIVE] = { "positive", N_("Positive") },
  [ABM_STAKEHOLDER_SENTIMENT_CHAMPION] = { "champion", N_("Champion") },
};

static const struct {
  const char *key;
  const char *label;
} supports[ABM_N_SUPPORTS] = {
  [ABM_SUPPORT_UNKNOWN]       = { "unknown", N_("Unknown") },
  [ABM_SUPPORT_MENTOR]        = { "mentor", N_("Mentor") },
  [ABM_SUPPORT_SUPPORTER]     = { "supporter", N_("Supporter") },
  [ABM_SUPPORT_NEUTRAL]       = { "neutral", N_("Neutral") },
  [ABM_SUPPORT_NON_SUPPORTER] = { "non-supporter", N_("Non-supporter") },
  [ABM_SUPPORT_ENEMY]         = { "enemy", N_("Enemy") },
};

static const struct {
  const char *key;
  const char *label;
} text_fields[ABM_STAKEHOLDER_N_TEXT_FIELDS] = {
  [ABM_STAKEHOLDER_FIELD_NAME]       = { "name", N_("Name") },
  [ABM_STAKEHOLDER_FIELD_TITLE]      = { "title", N_("Title") },
  [ABM_STAKEHOLDER_FIELD_DEPARTMENT] = { "department", N_("Department") },
  [ABM_STAKEHOLDER_FIELD_EMAIL]      = { "email", N_("Email") },
  [ABM_STAKEHOLDER_FIELD_PHONE]      = { "phone", N_("Phone") },
  [ABM_STAKEHOLDER_FIELD_LINKEDIN]   = { "linkedin", N_("LinkedIn") },
  [ABM_STAKEHOLDER_FIELD_NOTES]      = { "notes", N_("Notes") },
};

static void
abm_stakeholder_finalize (GObject *object)
{
  AbmStakeholder *self = ABM_STAKEHOLDER (object);

  for (guint i = 0; i < ABM_STAKEHOLDER_N_TEXT_FIELDS; i++)
    g_free (self->text[i]);
  g_free (self->last_contact);
  G_OBJECT_CLASS (abm_stakeholder_parent_class)->finalize (object);
}

static void
abm_stakeholder_class_init (AbmStakeholderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_stakeholder_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_stakeholder_init (AbmStakeholder *self)
{
}

static void
changed (AbmStakeholder *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
abm_role_key (AbmRole role)
{
  g_return_val_if_fail (role < ABM_N_ROLES, NULL);
  return roles[role].key;
}

const char *
abm_role_label (AbmRole role)
{
  g_return_val_if_fail (role < ABM_N_ROLES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, roles[role].label);
}

gboolean
abm_role_from_text (const char *text,
                    AbmRole    *role)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (trimmed, -1);
  for (guint i = 0; i < ABM_N_ROLES; i++)
    {
      g_auto(GStrv) aliases = g_strsplit (roles[i].aliases, "|", -1);
      g_autofree char *label = g_utf8_casefold (g_dgettext (GETTEXT_PACKAGE, roles[i].label), -1);

      if (g_str_equal (folded, roles[i].key) || g_str_equal (folded, label)
          || g_strv_contains ((const char *const *) aliases, folded))
        {
          *role = i;
          return TRUE;
        }
    }
  return FALSE;
}

ABM_DEFINE_KEYED (abm_sentiment, AbmStakeholderSentiment, sentiments, ABM_STAKEHOLDER_N_SENTIMENTS)
ABM_DEFINE_KEYED (abm_support, AbmSupport, supports, ABM_N_SUPPORTS)

const char *
abm_stakeholder_field_key (AbmStakeholderField field)
{
  g_return_val_if_fail (field < ABM_STAKEHOLDER_N_TEXT_FIELDS, NULL);
  return text_fields[field].key;
}

const char *
abm_stakeholder_field_label (AbmStakeholderField field)
{
  g_return_val_if_fail (field < ABM_STAKEHOLDER_N_TEXT_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, text_fields[field].label);
}

AbmStakeholder *
abm_stakeholder_new (void)
{
  return g_object_new (ABM_TYPE_STAKEHOLDER, NULL);
}

AbmStakeholder *
abm_stakeholder_copy (AbmStakeholder *self)
{
  AbmStakeholder *copy;

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), NULL);

  copy = abm_stakeholder_new ();
  copy->id = self->id;
  copy->account_id = self->account_id;
  abm_stakeholder_assign (copy, self);
  return copy;
}

void
abm_stakeholder_assign (AbmStakeholder *self,
                        AbmStakeholder *other)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));
  g_return_if_fail (ABM_IS_STAKEHOLDER (other));

  if (self == other || abm_stakeholder_equal (self, other))
    return;
  for (guint i = 0; i < ABM_STAKEHOLDER_N_TEXT_FIELDS; i++)
    {
      g_free (self->text[i]);
      self->text[i] = g_strdup (other->text[i]);
    }
  self->roles = other->roles;
  self->manager_id = other->manager_id;
  self->dotted_manager_id = other->dotted_manager_id;
  self->influence = other->influence;
  self->strength = other->strength;
  self->sentiment = other->sentiment;
  self->support = other->support;
  g_free (self->last_contact);
  self->last_contact = g_strdup (other->last_contact);
  changed (self);
}

gboolean
abm_stakeholder_equal (AbmStakeholder *a,
                       AbmStakeholder *b)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (a) && ABM_IS_STAKEHOLDER (b), FALSE);

  for (guint i = 0; i < ABM_STAKEHOLDER_N_TEXT_FIELDS; i++)
    if (g_strcmp0 (a->text[i], b->text[i]) != 0)
      return FALSE;
  return a->roles == b->roles && a->manager_id == b->manager_id
         && a->dotted_manager_id == b->dotted_manager_id && a->influence == b->influence
         && a->strength == b->strength && a->sentiment == b->sentiment && a->support == b->support
         && g_strcmp0 (a->last_contact, b->last_contact) == 0;
}

gint64
abm_stakeholder_get_id (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->id;
}

void
abm_stakeholder_set_id (AbmStakeholder *self,
                        gint64          id)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));
  self->id = id;
}

gint64
abm_stakeholder_get_account_id (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->account_id;
}

void
abm_stakeholder_set_account_id (AbmStakeholder *self,
                                gint64          account_id)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));
  self->account_id = account_id;
}

const char *
abm_stakeholder_get_text (AbmStakeholder      *self,
                          AbmStakeholderField  field)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), NULL);
  g_return_val_if_fail (field < ABM_STAKEHOLDER_N_TEXT_FIELDS, NULL);
  return self->text[field];
}

const char *
abm_stakeholder_get_name (AbmStakeholder *self)
{
  return abm_stakeholder_get_text (self, ABM_STAKEHOLDER_FIELD_NAME);
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL && strchr (at + 1, '.') != NULL
         && at[strlen (at) - 1] != '.' && strpbrk (text, " \t<>\"(),;:") == NULL;
}

gboolean
abm_stakeholder_set_text (AbmStakeholder       *self,
                          AbmStakeholderField   field,
                          const char           *text,
                          GError              **error)
{
  g_autofree char *clean = NULL;
  gsize max;

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);
  g_return_val_if_fail (field < ABM_STAKEHOLDER_N_TEXT_FIELDS, FALSE);

  max = field == ABM_STAKEHOLDER_FIELD_NOTES ? 20 * ABM_STAKEHOLDER_MAX_TEXT : ABM_STAKEHOLDER_MAX_TEXT;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                   _("%s is not valid text"), abm_stakeholder_field_label (field));
      return FALSE;
    }
  /* Notes keep their shape; everything else is one trimmed line. */
  clean = text ? g_strdup (text) : NULL;
  if (clean != NULL && field != ABM_STAKEHOLDER_FIELD_NOTES)
    {
      g_strstrip (clean);
      g_strdelimit (clean, "\r\n\t", ' ');
    }
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);

  if (clean != NULL && strlen (clean) > max)
    {
      g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                   _("%s is longer than %u bytes"), abm_stakeholder_field_label (field), (guint) max);
      return FALSE;
    }
  if (clean == NULL && field == ABM_STAKEHOLDER_FIELD_NAME)
    {
      g_set_error_literal (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                           _("A stakeholder needs a name"));
      return FALSE;
    }
  if (clean != NULL && field == ABM_STAKEHOLDER_FIELD_EMAIL)
    {
      if (!looks_like_email (clean))
        {
          g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                       _("“%s” is not an email address"), clean);
          return FALSE;
        }
      /* Addresses compare without case: the key of a contacts import. */
      {
        char *lower = g_utf8_strdown (clean, -1);
        g_free (clean);
        clean = lower;
      }
    }
  if (clean != NULL && field == ABM_STAKEHOLDER_FIELD_LINKEDIN)
    {
      g_autofree char *lower = g_ascii_strdown (clean, -1);

      if (!g_str_has_prefix (lower, "https://") && !g_str_has_prefix (lower, "http://")
          && !g_str_has_prefix (lower, "linkedin.com/") && !g_str_has_prefix (lower, "www.linkedin.com/"))
        {
          g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                       _("“%s” is not a web address"), clean);
          return FALSE;
        }
      if (!g_str_has_prefix (lower, "http"))
        {
          char *full = g_strconcat ("https://", clean, NULL);
          g_free (clean);
          clean = full;
        }
    }

  if (g_strcmp0 (self->text[field], clean) == 0)
    return TRUE;
  g_free (self->text[field]);
  self->text[field] = g_steal_pointer (&clean);
  changed (self);
  return TRUE;
}

guint
abm_stakeholder_get_roles (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->roles;
}

void
abm_stakeholder_set_roles (AbmStakeholder *self,
                           guint           roles_mask)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));

  roles_mask &= (1u << ABM_N_ROLES) - 1;
  if (self->roles == roles_mask)
    return;
  self->roles = roles_mask;
  changed (self);
}

gboolean
abm_stakeholder_has_role (AbmStakeholder *self,
                          AbmRole         role)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);
  g_return_val_if_fail (role < ABM_N_ROLES, FALSE);
  return (self->roles & (1u << role)) != 0;
}

AbmRole
abm_stakeholder_get_main_role (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), ABM_N_ROLES);

  for (guint i = 0; i < ABM_N_ROLES; i++)
    if (self->roles & (1u << i))
      return i;
  return ABM_N_ROLES;
}

char *
abm_stakeholder_dup_roles_text (AbmStakeholder *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), NULL);

  for (guint i = 0; i < ABM_N_ROLES; i++)
    if (self->roles & (1u << i))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, abm_role_label (i));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
abm_stakeholder_set_roles_text (AbmStakeholder  *self,
                                const char      *text,
                                GError         **error)
{
  g_auto(GStrv) items = NULL;
  guint mask = 0;

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);

  items = g_strsplit_set (text ? text : "", ",;|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      AbmRole role;

      if (*g_strstrip (items[i]) == '\0')
        continue;
      if (!abm_role_from_text (items[i], &role))
        {
          g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                       _("“%s” is not a committee role"), items[i]);
          return FALSE;
        }
      mask |= 1u << role;
    }
  abm_stakeholder_set_roles (self, mask);
  return TRUE;
}

gint64
abm_stakeholder_get_manager_id (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->manager_id;
}

void
abm_stakeholder_set_manager_id (AbmStakeholder *self,
                                gint64          manager_id)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));

  /* Negative ids refer to people of a batch not yet stored; see
   * abm_workspace_apply_stakeholders(). */
  if (self->manager_id == manager_id)
    return;
  self->manager_id = manager_id;
  changed (self);
}

gint64
abm_stakeholder_get_dotted_manager_id (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->dotted_manager_id;
}

void
abm_stakeholder_set_dotted_manager_id (AbmStakeholder *self,
                                       gint64          manager_id)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));

  manager_id = MAX (manager_id, 0);
  if (self->dotted_manager_id == manager_id)
    return;
  self->dotted_manager_id = manager_id;
  changed (self);
}

static gboolean
set_scale (AbmStakeholder  *self,
           guint           *slot,
           guint            value,
           const char      *what,
           GError         **error)
{
  if (value > 5)
    {
      g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                   _("%s goes from 1 to 5 (0 when unknown)"), what);
      return FALSE;
    }
  if (*slot != value)
    {
      *slot = value;
      changed (self);
    }
  return TRUE;
}

guint
abm_stakeholder_get_influence (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->influence;
}

gboolean
abm_stakeholder_set_influence (AbmStakeholder  *self,
                               guint            influence,
                               GError         **error)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);
  return set_scale (self, &self->influence, influence, _("Influence"), error);
}

guint
abm_stakeholder_get_strength (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), 0);
  return self->strength;
}

gboolean
abm_stakeholder_set_strength (AbmStakeholder  *self,
                              guint            strength,
                              GError         **error)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);
  return set_scale (self, &self->strength, strength, _("Relationship strength"), error);
}

AbmStakeholderSentiment
abm_stakeholder_get_sentiment (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), ABM_STAKEHOLDER_SENTIMENT_UNKNOWN);
  return self->sentiment;
}

void
abm_stakeholder_set_sentiment (AbmStakeholder          *self,
                               AbmStakeholderSentiment  sentiment)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));
  g_return_if_fail (sentiment < ABM_STAKEHOLDER_N_SENTIMENTS);

  if (self->sentiment == sentiment)
    return;
  self->sentiment = sentiment;
  changed (self);
}

AbmSupport
abm_stakeholder_get_support (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), ABM_SUPPORT_UNKNOWN);
  return self->support;
}

void
abm_stakeholder_set_support (AbmStakeholder *self,
                             AbmSupport      support)
{
  g_return_if_fail (ABM_IS_STAKEHOLDER (self));
  g_return_if_fail (support < ABM_N_SUPPORTS);

  if (self->support == support)
    return;
  self->support = support;
  changed (self);
}

gboolean
abm_stakeholder_is_positive (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);
  return self->sentiment == ABM_STAKEHOLDER_SENTIMENT_POSITIVE
         || self->sentiment == ABM_STAKEHOLDER_SENTIMENT_CHAMPION
         || self->support == ABM_SUPPORT_MENTOR || self->support == ABM_SUPPORT_SUPPORTER;
}

const char *
abm_stakeholder_get_last_contact (AbmStakeholder *self)
{
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), NULL);
  return self->last_contact;
}

gboolean
abm_stakeholder_set_last_contact (AbmStakeholder  *self,
                                  const char      *date,
                                  GError         **error)
{
  g_autofree char *clean = NULL;
  GDate parsed;

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), FALSE);

  clean = date ? g_strstrip (g_strdup (date)) : NULL;
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);
  if (clean != NULL && !abm_date_parse (clean, &parsed))
    {
      g_set_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD"), clean);
      return FALSE;
    }
  if (g_strcmp0 (self->last_contact, clean) == 0)
    return TRUE;
  g_free (self->last_contact);
  self->last_contact = g_steal_pointer (&clean);
  changed (self);
  return TRUE;
}

int
abm_stakeholder_days_since_contact (AbmStakeholder *self,
                                    GDate          *today)
{
  GDate contact;
  GDate now;

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), -1);

  if (self->last_contact == NULL || !abm_date_parse (self->last_contact, &contact))
    return -1;
  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }
  return MAX (0, g_date_days_between (&contact, today));
}

JsonNode *
abm_stakeholder_to_json (AbmStakeholder *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ABM_IS_STAKEHOLDER (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  for (guint i = 0; i < ABM_STAKEHOLDER_N_TEXT_FIELDS; i++)
    {
      json_builder_set_member_name (builder, text_fields[i].key);
      if (self->text[i] != NULL)
        json_builder_add_string_value (builder, self->text[i]);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ABM_N_ROLES; i++)
    if (self->roles & (1u << i))
      json_builder_add_string_value (builder, roles[i].key);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "reports-to");
  json_builder_add_int_value (builder, self->manager_id);
  json_builder_set_member_name (builder, "dotted-line-to");
  json_builder_add_int_value (builder, self->dotted_manager_id);
  json_builder_set_member_name (builder, "influence");
  json_builder_add_int_value (builder, self->influence);
  json_builder_set_member_name (builder, "relationship-strength");
  json_builder_add_int_value (builder, self->strength);
  json_builder_set_member_name (builder, "sentiment");
  json_builder_add_string_value (builder, sentiments[self->sentiment].key);
  json_builder_set_member_name (builder, "support");
  json_builder_add_string_value (builder, supports[self->support].key);
  json_builder_set_member_name (builder, "last-contact");
  if (self->last_contact != NULL)
    json_builder_add_string_value (builder, self->last_contact);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gint64
int_member (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

AbmStakeholder *
abm_stakeholder_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(AbmStakeholder) self = abm_stakeholder_new ();
  JsonObject *object;
  JsonNode *roles_node;
  AbmStakeholderSentiment sentiment;
  AbmSupport support;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID,
                           _("Stakeholder data is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  self->id = MAX (int_member (object, "id"), 0);
  for (guint i = 0; i < ABM_STAKEHOLDER_N_TEXT_FIELDS; i++)
    if (!abm_stakeholder_set_text (self, i, string_member (object, text_fields[i].key), error))
      return NULL;
  roles_node = json_object_get_member (object, "roles");
  if (roles_node != NULL && JSON_NODE_HOLDS_ARRAY (roles_node))
    {
      JsonArray *array = json_node_get_array (roles_node);

      for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          AbmRole role;

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
              && abm_role_from_text (json_node_get_string (element), &role))
            self->roles |= 1u << role;
        }
    }
  self->manager_id = MAX (int_member (object, "reports-to"), 0);
  self->dotted_manager_id = MAX (int_member (object, "dotted-line-to"), 0);
  if (!abm_stakeholder_set_influence (self, (guint) CLAMP (int_member (object, "influence"), 0, 99), error)
      || !abm_stakeholder_set_strength (self, (guint) CLAMP (int_member (object, "relationship-strength"), 0, 99), error)
      || !abm_stakeholder_set_last_contact (self, string_member (object, "last-contact"), error))
    return NULL;
  if (abm_sentiment_from_key (string_member (object, "sentiment"), &sentiment))
    self->sentiment = sentiment;
  if (abm_support_from_key (string_member (object, "support"), &support))
    self->support = support;
  return g_steal_pointer (&self);
}
