/* abm-account.c: one named target account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-account.h"
#include "abm-json.h"

/* Upper bounds that catch a misplaced column, not a real company. */
#define MAX_EMPLOYEES 100000000
#define MAX_AMOUNT    1e15

struct _AbmAccount
{
  GObject parent_instance;

  gint64  id;
  char   *text[ABM_ACCOUNT_N_FIELDS];   /* string-valued fields only */
  gint64  employees;
  double  annual_revenue;
  double  acv_potential;
  guint   tier;
  gboolean target;
  double  fit_score;
  char   *search_text;   /* casefolded name and domain, made on demand */
  char  **custom;        /* key, value, key, value, …, NULL; sorted by key */
  gboolean tier_locked;  /* tier suggestions leave the tier alone */
  gint64  cluster_id;    /* the Tier 2 cluster, 0 for none */
};

G_DEFINE_FINAL_TYPE (AbmAccount, abm_account, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-account-error-quark, abm_account_error)

/* Property ids are the field enum shifted past PROP_ID. */
enum {
  PROP_0,
  PROP_ID,
  PROP_FIT_SCORE,
  PROP_CUSTOM,
  PROP_TIER_LOCKED,
  PROP_CLUSTER_ID,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + ABM_ACCOUNT_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

typedef enum { KIND_TEXT, KIND_INT, KIND_MONEY, KIND_LIST, KIND_TIER, KIND_BOOL, KIND_STAGE } FieldKind;

/* Held in text[]: text, lists and the stage. */
#define IS_STRING_KIND(k) ((k) == KIND_TEXT || (k) == KIND_LIST || (k) == KIND_STAGE)

/* The journey's stages (abm-journey.h), which a user or a CRM export sets
 * by hand to override what the data says. */
static const char *const stages[] = {
  "target", "qualified", "aware", "engaged", "opportunity", "customer", NULL
};

static const struct {
  const char *key;
  const char *label;
  FieldKind   kind;
} fields[ABM_ACCOUNT_N_FIELDS] = {
  [ABM_ACCOUNT_FIELD_NAME]           = { "name", N_("Name"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_DOMAIN]         = { "domain", N_("Domain"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_INDUSTRY]       = { "industry", N_("Industry"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_EMPLOYEES]      = { "employees", N_("Employees"), KIND_INT },
  [ABM_ACCOUNT_FIELD_ANNUAL_REVENUE] = { "annual-revenue", N_("Annual Revenue"), KIND_MONEY },
  [ABM_ACCOUNT_FIELD_COUNTRY]        = { "country", N_("Country"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_CITY]           = { "city", N_("City"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_ACV_POTENTIAL]  = { "acv-potential", N_("ACV Potential"), KIND_MONEY },
  [ABM_ACCOUNT_FIELD_OWNER_AE]       = { "owner-ae", N_("Account Executive"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_OWNER_MARKETER] = { "owner-marketer", N_("Marketer"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_NOTES]          = { "notes", N_("Notes"), KIND_TEXT },
  [ABM_ACCOUNT_FIELD_TECHNOLOGIES]   = { "technologies", N_("Technologies"), KIND_LIST },
  [ABM_ACCOUNT_FIELD_INTENT_TOPICS]  = { "intent-topics", N_("Intent Topics"), KIND_LIST },
  [ABM_ACCOUNT_FIELD_TIER]           = { "tier", N_("Tier"), KIND_TIER },
  [ABM_ACCOUNT_FIELD_TARGET]         = { "target", N_("Target Account"), KIND_BOOL },
  [ABM_ACCOUNT_FIELD_STAGE]          = { "stage", N_("Stage"), KIND_STAGE },
};

static void
abm_account_finalize (GObject *object)
{
  AbmAccount *self = ABM_ACCOUNT (object);

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    g_free (self->text[i]);
  g_free (self->search_text);
  g_strfreev (self->custom);

  G_OBJECT_CLASS (abm_account_parent_class)->finalize (object);
}

static void
abm_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AbmAccount *self = ABM_ACCOUNT (object);
  guint field = prop_id - PROP_FIRST_FIELD;

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_FIT_SCORE)
    g_value_set_double (value, self->fit_score);
  else if (prop_id == PROP_CUSTOM)
    g_value_set_boxed (value, self->custom);
  else if (prop_id == PROP_TIER_LOCKED)
    g_value_set_boolean (value, self->tier_locked);
  else if (prop_id == PROP_CLUSTER_ID)
    g_value_set_int64 (value, self->cluster_id);
  else if (field == ABM_ACCOUNT_FIELD_TIER)
    g_value_set_uint (value, self->tier);
  else if (field == ABM_ACCOUNT_FIELD_TARGET)
    g_value_set_boolean (value, self->target);
  else if (field == ABM_ACCOUNT_FIELD_EMPLOYEES)
    g_value_set_int64 (value, self->employees);
  else if (field == ABM_ACCOUNT_FIELD_ANNUAL_REVENUE)
    g_value_set_double (value, self->annual_revenue);
  else if (field == ABM_ACCOUNT_FIELD_ACV_POTENTIAL)
    g_value_set_double (value, self->acv_potential);
  else if (field < ABM_ACCOUNT_N_FIELDS)
    g_value_set_string (value, self->text[field] ? self->text[field] : "");
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
set_text (AbmAccount      *self,
          AbmAccountField  field,
          const char      *text)
{
  /* Empty and absent are the same thing for a text field. */
  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_strcmp0 (self->text[field], text) == 0)
    return;

  g_free (self->text[field]);
  self->text[field] = g_strdup (text);
  if (field == ABM_ACCOUNT_FIELD_NAME || field == ABM_ACCOUNT_FIELD_DOMAIN)
    g_clear_pointer (&self->search_text, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

static void
set_number (AbmAccount      *self,
            AbmAccountField  field,
            double           value)
{
  switch (field)
    {
    case ABM_ACCOUNT_FIELD_EMPLOYEES:
      if (self->employees == (gint64) value)
        return;
      self->employees = (gint64) value;
      break;
    case ABM_ACCOUNT_FIELD_ANNUAL_REVENUE:
      if (self->annual_revenue == value)
        return;
      self->annual_revenue = value;
      break;
    case ABM_ACCOUNT_FIELD_ACV_POTENTIAL:
      if (self->acv_potential == value)
        return;
      self->acv_potential = value;
      break;
    case ABM_ACCOUNT_FIELD_TIER:
      if (self->tier == (guint) value)
        return;
      self->tier = (guint) value;
      break;
    case ABM_ACCOUNT_FIELD_TARGET:
      if (self->target == (value != 0))
        return;
      self->target = value != 0;
      break;
    default:
      g_return_if_reached ();
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

static void
abm_account_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AbmAccount *self = ABM_ACCOUNT (object);
  guint field = prop_id - PROP_FIRST_FIELD;

  if (prop_id == PROP_ID)
    abm_account_set_id (self, g_value_get_int64 (value));
  else if (prop_id == PROP_FIT_SCORE)
    abm_account_set_fit_score (self, g_value_get_double (value));
  else if (prop_id == PROP_TIER_LOCKED)
    abm_account_set_tier_locked (self, g_value_get_boolean (value));
  else if (prop_id == PROP_CLUSTER_ID)
    abm_account_set_cluster_id (self, g_value_get_int64 (value));
  else if (field == ABM_ACCOUNT_FIELD_TIER)
    set_number (self, field, g_value_get_uint (value));
  else if (field == ABM_ACCOUNT_FIELD_TARGET)
    set_number (self, field, g_value_get_boolean (value));
  else if (field == ABM_ACCOUNT_FIELD_EMPLOYEES)
    set_number (self, field, g_value_get_int64 (value));
  else if (field < ABM_ACCOUNT_N_FIELDS && fields[field].kind == KIND_MONEY)
    set_number (self, field, g_value_get_double (value));
  else if (field < ABM_ACCOUNT_N_FIELDS)
    set_text (self, field, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
abm_account_class_init (AbmAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = abm_account_finalize;
  object_class->get_property = abm_account_get_property;
  object_class->set_property = abm_account_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FIT_SCORE] =
    g_param_spec_double ("fit-score", NULL, NULL, -1, 100, -1, flags);
  /* The custom fields as key, value pairs. */
  properties[PROP_TIER_LOCKED] =
    g_param_spec_boolean ("tier-locked", NULL, NULL, FALSE, flags);
  properties[PROP_CLUSTER_ID] =
    g_param_spec_int64 ("cluster-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CUSTOM] =
    g_param_spec_boxed ("custom", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      GParamSpec *pspec;

      switch (fields[i].kind)
        {
        case KIND_INT:
          pspec = g_param_spec_int64 (fields[i].key, NULL, NULL,
                                      -1, MAX_EMPLOYEES, -1, flags);
          break;
        case KIND_MONEY:
          pspec = g_param_spec_double (fields[i].key, NULL, NULL,
                                       -1, MAX_AMOUNT, -1, flags);
          break;
        case KIND_TIER:
          pspec = g_param_spec_uint (fields[i].key, NULL, NULL, 0, 3, 0, flags);
          break;
        case KIND_BOOL:
          pspec = g_param_spec_boolean (fields[i].key, NULL, NULL, FALSE, flags);
          break;
        case KIND_TEXT:
        default:
          pspec = g_param_spec_string (fields[i].key, NULL, NULL, NULL, flags);
          break;
        }
      properties[PROP_FIRST_FIELD + i] = pspec;
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
abm_account_init (AbmAccount *self)
{
  self->employees = -1;
  self->annual_revenue = -1;
  self->acv_potential = -1;
  self->fit_score = -1;
}

AbmAccount *
abm_account_new (void)
{
  return g_object_new (ABM_TYPE_ACCOUNT, NULL);
}

AbmAccount *
abm_account_copy (AbmAccount *self)
{
  AbmAccount *copy;

  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);

  copy = abm_account_new ();
  copy->id = self->id;
  copy->fit_score = self->fit_score;
  abm_account_assign (copy, self);
  return copy;
}

/* Copies every field (not the id), notifying only what changed. */
void
abm_account_assign (AbmAccount *self,
                    AbmAccount *other)
{
  g_return_if_fail (ABM_IS_ACCOUNT (self));
  g_return_if_fail (ABM_IS_ACCOUNT (other));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      if (IS_STRING_KIND (fields[i].kind))
        set_text (self, i, other->text[i]);
    }
  set_number (self, ABM_ACCOUNT_FIELD_TIER, other->tier);
  set_number (self, ABM_ACCOUNT_FIELD_TARGET, other->target);
  set_number (self, ABM_ACCOUNT_FIELD_EMPLOYEES, other->employees);
  set_number (self, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, other->annual_revenue);
  set_number (self, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, other->acv_potential);
  if (!g_strv_equal ((const char *const *) (self->custom ? self->custom : (char *[]) { NULL }),
                     (const char *const *) (other->custom ? other->custom : (char *[]) { NULL })))
    {
      g_strfreev (self->custom);
      self->custom = g_strdupv (other->custom);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM]);
    }
  abm_account_set_tier_locked (self, other->tier_locked);
  abm_account_set_cluster_id (self, other->cluster_id);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
abm_account_get_tier_locked (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);
  return self->tier_locked;
}

void
abm_account_set_tier_locked (AbmAccount *self,
                             gboolean    locked)
{
  g_return_if_fail (ABM_IS_ACCOUNT (self));

  locked = !!locked;
  if (self->tier_locked == locked)
    return;
  self->tier_locked = locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER_LOCKED]);
}

gint64
abm_account_get_cluster_id (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), 0);
  return self->cluster_id;
}

void
abm_account_set_cluster_id (AbmAccount *self,
                            gint64      cluster_id)
{
  g_return_if_fail (ABM_IS_ACCOUNT (self));
  g_return_if_fail (cluster_id >= 0);

  if (self->cluster_id == cluster_id)
    return;
  self->cluster_id = cluster_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLUSTER_ID]);
}

gint64
abm_account_get_id (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), 0);
  return self->id;
}

void
abm_account_set_id (AbmAccount *self,
                    gint64      id)
{
  g_return_if_fail (ABM_IS_ACCOUNT (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define TEXT_GETTER(fn, field)                      \
  const char *                                      \
  abm_account_get_##fn (AbmAccount *self)           \
  {                                                 \
    g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL); \
    return self->text[field];                       \
  }

TEXT_GETTER (name, ABM_ACCOUNT_FIELD_NAME)
TEXT_GETTER (domain, ABM_ACCOUNT_FIELD_DOMAIN)
TEXT_GETTER (industry, ABM_ACCOUNT_FIELD_INDUSTRY)
TEXT_GETTER (country, ABM_ACCOUNT_FIELD_COUNTRY)
TEXT_GETTER (city, ABM_ACCOUNT_FIELD_CITY)
TEXT_GETTER (owner_ae, ABM_ACCOUNT_FIELD_OWNER_AE)
TEXT_GETTER (owner_marketer, ABM_ACCOUNT_FIELD_OWNER_MARKETER)
TEXT_GETTER (notes, ABM_ACCOUNT_FIELD_NOTES)
TEXT_GETTER (technologies, ABM_ACCOUNT_FIELD_TECHNOLOGIES)
TEXT_GETTER (intent_topics, ABM_ACCOUNT_FIELD_INTENT_TOPICS)
TEXT_GETTER (stage, ABM_ACCOUNT_FIELD_STAGE)

/* The stored text of a text, list or stage field, or NULL: no copy, for
 * the workspace's hot path. */
const char *
abm_account_peek_text (AbmAccount      *self,
                       AbmAccountField  field)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (IS_STRING_KIND (fields[field].kind), NULL);
  return self->text[field];
}

/* The name and domain casefolded, for filtering as the user types: made
 * once, not on every keystroke for every account. */
const char *
abm_account_get_search_text (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), "");

  if (self->search_text == NULL)
    {
      g_autofree char *joined = g_strconcat (self->text[ABM_ACCOUNT_FIELD_NAME] ? self->text[ABM_ACCOUNT_FIELD_NAME] : "",
                                             "\n",
                                             self->text[ABM_ACCOUNT_FIELD_DOMAIN] ? self->text[ABM_ACCOUNT_FIELD_DOMAIN] : "",
                                             NULL);
      self->search_text = g_utf8_casefold (joined, -1);
    }
  return self->search_text;
}

const char *const *
abm_account_stages (void)
{
  return stages;
}

guint
abm_account_get_tier (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), 0);
  return self->tier;
}

gboolean
abm_account_get_target (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);
  return self->target;
}

double
abm_account_get_fit_score (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), -1);
  return self->fit_score;
}

void
abm_account_set_fit_score (AbmAccount *self,
                           double      score)
{
  g_return_if_fail (ABM_IS_ACCOUNT (self));

  if (self->fit_score == score)
    return;
  self->fit_score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_SCORE]);
}

/* Case-insensitive membership in a "; "-separated list field. */
gboolean
abm_account_has_list_item (AbmAccount      *self,
                           AbmAccountField  field,
                           const char      *item)
{
  const char *list, *p;
  gsize len;

  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (fields[field].kind == KIND_LIST, FALSE);

  list = self->text[field];
  if (list == NULL || item == NULL)
    return FALSE;
  len = strlen (item);
  for (p = list; *p; )
    {
      const char *end = strstr (p, "; ");
      gsize n = end ? (gsize) (end - p) : strlen (p);

      if (n == len && g_ascii_strncasecmp (p, item, len) == 0)
        return TRUE;
      if (end == NULL)
        break;
      p = end + 2;
    }
  return FALSE;
}

gint64
abm_account_get_employees (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), -1);
  return self->employees;
}

double
abm_account_get_annual_revenue (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), -1);
  return self->annual_revenue;
}

double
abm_account_get_acv_potential (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), -1);
  return self->acv_potential;
}

const char *
abm_account_field_key (AbmAccountField field)
{
  g_return_val_if_fail (field < ABM_ACCOUNT_N_FIELDS, NULL);
  return fields[field].key;
}

const char *
abm_account_field_label (AbmAccountField field)
{
  g_return_val_if_fail (field < ABM_ACCOUNT_N_FIELDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, fields[field].label);
}

/* Accepts the key ("owner-ae") or its underscore spelling ("owner_ae"). */
gboolean
abm_account_field_from_key (const char      *key,
                            AbmAccountField *field)
{
  g_autofree char *canon = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  canon = g_ascii_strdown (key, -1);
  g_strdelimit (canon, "_", '-');

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      if (strcmp (canon, fields[i].key) == 0)
        {
          if (field != NULL)
            *field = i;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value < 0)
    return g_strdup ("");
  if (value == floor (value) && value < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

char *
abm_account_dup_field_text (AbmAccount      *self,
                            AbmAccountField  field)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (field < ABM_ACCOUNT_N_FIELDS, NULL);

  switch (field)
    {
    case ABM_ACCOUNT_FIELD_EMPLOYEES:
      return format_number (self->employees);
    case ABM_ACCOUNT_FIELD_ANNUAL_REVENUE:
      return format_number (self->annual_revenue);
    case ABM_ACCOUNT_FIELD_ACV_POTENTIAL:
      return format_number (self->acv_potential);
    case ABM_ACCOUNT_FIELD_TIER:
      return self->tier ? g_strdup_printf ("%u", self->tier) : g_strdup ("");
    case ABM_ACCOUNT_FIELD_TARGET:
      return g_strdup (self->target ? "yes" : "");
    default:
      return g_strdup (self->text[field] ? self->text[field] : "");
    }
}

/* Reads a count or an amount the way CRM exports and people write them:
 * "1,200", "1 200", "$2.5M", "40k". Empty means unknown (-1). */
/* The common case of an import or a stored value: plain digits, with at
 * most two decimals for money ("2500000", "45000.50"). FALSE sends
 * anything else down the general path. */
static gboolean
parse_plain_amount (const char      *text,
                    AbmAccountField  field,
                    double          *out)
{
  const char *p = text;
  double value = 0;
  guint decimals = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      value = value * 10 + (*p - '0');
      if (value > 1e15)
        return FALSE;
    }
  if (*p == '.' && field != ABM_ACCOUNT_FIELD_EMPLOYEES)
    {
      double scale = 1;

      for (p++; g_ascii_isdigit (*p) && decimals < 2; p++, decimals++)
        {
          scale /= 10;
          value += (*p - '0') * scale;
        }
      if (decimals == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *out = decimals > 0 ? round (value * 100) / 100 : value;
  return field != ABM_ACCOUNT_FIELD_EMPLOYEES || *out <= MAX_EMPLOYEES;
}

static gboolean
parse_amount (const char       *text,
              AbmAccountField   field,
              double           *out,
              GError          **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) digits = NULL;
  const char *p;
  const char *label;
  double multiplier = 1, value;
  guint dots = 0;
  char *end = NULL;

  if (text != NULL && parse_plain_amount (text, field, out))
    return TRUE;

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  digits = g_string_new (NULL);
  p = trimmed;
  label = abm_account_field_label (field);

  if (*p == '\0')
    {
      *out = -1;
      return TRUE;
    }

  /* A currency sign in front is decoration, not data. */
  for (const char *const *sign = (const char *const[]) { "$", "€", "£", "¥", NULL }; *sign; sign++)
    {
      if (g_str_has_prefix (p, *sign))
        {
          p += strlen (*sign);
          break;
        }
    }
  while (g_ascii_isspace (*p))
    p++;

  if (*p == '-' || *p == '(')
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("%s cannot be negative"), label);
      return FALSE;
    }

  /* Digits with their "." and "," marks, other grouping dropped. */
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= '0' && c <= '9') || c == '.' || c == ',')
        g_string_append_c (digits, (char) c);
      else if (c == '_' || c == '\'' || g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;
      else
        break;
    }

  /* Which mark is the decimal point: with both, the last one ("1,200.50",
   * "1.200,50"); a mark used twice groups thousands ("1.200.000"); a single
   * mark before exactly three digits groups them too ("1.200", "1,200"),
   * before one, two or four and more it is a decimal point ("2,5", "1.25"). */
  {
    char *last = NULL;
    char decimal = '\0';
    gboolean has_dot = strchr (digits->str, '.') != NULL;
    gboolean has_comma = strchr (digits->str, ',') != NULL;
    g_autoptr(GString) clean = g_string_new (NULL);

    for (char *q = digits->str; *q; q++)
      if (*q == '.' || *q == ',')
        last = q;
    dots = 0;
    for (char *q = digits->str; *q; q++)
      if (last != NULL && *q == *last)
        dots++;

    if (last != NULL)
      {
        gsize after = strlen (last + 1);
        gboolean zero_before = last == digits->str + 1 && digits->str[0] == '0';

        if (has_dot && has_comma)
          decimal = *last;
        else if (dots == 1 && (after != 3 || zero_before || last == digits->str))
          decimal = *last;
      }

    for (char *q = digits->str; *q; q++)
      {
        if (*q == '.' || *q == ',')
          {
            if (q == last && decimal != '\0')
              g_string_append_c (clean, '.');
          }
        else
          g_string_append_c (clean, *q);
      }
    g_string_assign (digits, clean->str);
  }

  if (*p != '\0')
    {
      if (g_ascii_strcasecmp (p, "k") == 0)
        multiplier = 1e3;
      else if (g_ascii_strcasecmp (p, "m") == 0 || g_ascii_strcasecmp (p, "mm") == 0)
        multiplier = 1e6;
      else if (g_ascii_strcasecmp (p, "b") == 0 || g_ascii_strcasecmp (p, "bn") == 0)
        multiplier = 1e9;
      else
        digits->len = 0;
    }

  if (digits->len == 0 || strcmp (digits->str, ".") == 0)
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("%s must be a number, not “%s”"), label, trimmed);
      return FALSE;
    }

  value = g_ascii_strtod (digits->str, &end) * multiplier;
  if (end == NULL || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("%s must be a number, not “%s”"), label, trimmed);
      return FALSE;
    }

  if (field == ABM_ACCOUNT_FIELD_EMPLOYEES)
    {
      value = round (value);
      if (value > MAX_EMPLOYEES)
        {
          g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                       _("%s is too large to be a head count"), label);
          return FALSE;
        }
    }
  else
    {
      value = round (value * 100) / 100;
      if (value > MAX_AMOUNT)
        {
          g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                       _("%s is too large"), label);
          return FALSE;
        }
    }

  *out = value;
  return TRUE;
}

static gboolean
label_is_valid (const char *label,
                gsize       len)
{
  if (len == 0 || len > 63 || label[0] == '-' || label[len - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (label[i]) && label[i] != '-')
        return FALSE;
    }
  return TRUE;
}

/* Turns what people paste ("https://www.Acme.com/about", "jane@acme.com")
 * into the bare domain that identifies an account ("acme.com").
 * Returns NULL without error for empty input. */
/* The common case of an import: already a bare lowercase ASCII domain
 * ("acme.com", not "www.acme.com"). Returns it checked, or NULL to take
 * the general path. */
static char *
plain_domain (const char *text)
{
  const char *label = text;
  guint labels = 0;
  gboolean numeric_tld = TRUE;
  gsize len = 0;

  for (const char *p = text; ; p++, len++)
    {
      char c = *p;

      if (c == '.' || c == '\0')
        {
          if (!label_is_valid (label, (gsize) (p - label)))
            return NULL;
          labels++;
          numeric_tld = TRUE;
          for (const char *q = label; q < p; q++)
            numeric_tld &= g_ascii_isdigit (*q);
          if (c == '\0')
            break;
          label = p + 1;
        }
      else if (!(g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-'))
        return NULL;
    }

  if (labels < 2 || numeric_tld || len > 253
      || g_str_has_prefix (text, "www.") || strstr (text, "xn--") != NULL)
    return NULL;
  return g_strndup (text, len);
}

char *
abm_normalize_domain (const char  *text,
                      GError     **error)
{
  g_autofree char *work = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *lower = NULL;
  g_autofree char *ascii = NULL;
  const char *host = work;
  const char *scheme, *at;
  char *cut;
  gsize len;
  guint labels = 0;
  gboolean all_numeric_tld = TRUE;
  const char *tld;

  if (*work == '\0')
    return NULL;
  if ((cut = plain_domain (work)) != NULL)
    return cut;

  if ((scheme = strstr (host, "://")) != NULL)
    host = scheme + 3;
  else if (g_ascii_strncasecmp (host, "mailto:", 7) == 0)
    host += 7;
  while (*host == '/')
    host++;

  if ((cut = strpbrk ((char *) host, "/?#")) != NULL)
    *cut = '\0';
  if ((at = strrchr (host, '@')) != NULL)
    host = at + 1;
  if ((cut = strrchr ((char *) host, ':')) != NULL)
    *cut = '\0';

  lower = g_utf8_strdown (host, -1);
  len = strlen (lower);
  while (len > 0 && lower[len - 1] == '.')
    lower[--len] = '\0';
  host = lower;
  if (g_str_has_prefix (host, "www.") && strchr (host + 4, '.') != NULL)
    host += 4;

  if (*host != '\0' && g_utf8_validate (host, -1, NULL) && !g_hostname_is_ip_address (host))
    ascii = g_hostname_to_ascii (host);

  if (ascii != NULL && strlen (ascii) <= 253)
    {
      const char *label = ascii;

      for (;;)
        {
          const char *dot = strchr (label, '.');
          gsize llen = dot ? (gsize) (dot - label) : strlen (label);

          if (!label_is_valid (label, llen))
            {
              labels = 0;
              break;
            }
          labels++;
          if (dot == NULL)
            break;
          label = dot + 1;
        }
      tld = strrchr (ascii, '.');
      for (const char *q = tld ? tld + 1 : ascii; *q; q++)
        if (!g_ascii_isdigit (*q))
          all_numeric_tld = FALSE;
    }

  if (ascii == NULL || labels < 2 || all_numeric_tld)
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("“%s” is not a web domain such as example.com"), work);
      return NULL;
    }

  return g_hostname_to_unicode (ascii);
}

/* @text without surrounding spaces, ASCII letters in lower case. */
static char *
trimmed_lower (const char *text)
{
  char *copy = g_strstrip (g_strdup (text ? text : ""));

  for (char *p = copy; *p; p++)
    *p = g_ascii_tolower (*p);
  return copy;
}

/* "Tier 1", "tier_1", "T1", "1" and "1:1" are all Tier 1, the way CRM
 * exports (HubSpot's "Ideal Customer Profile Tier") and people write it. */
static gboolean
parse_tier (const char  *text,
            guint       *tier,
            GError     **error)
{
  g_autofree char *t = trimmed_lower (text);
  const char *p = t;

  if (*p == '\0' || g_str_equal (p, "0") || g_str_equal (p, "none"))
    {
      *tier = 0;
      return TRUE;
    }
  if (g_str_equal (p, "1:1"))
    return (*tier = 1), TRUE;
  if (g_str_equal (p, "1:few"))
    return (*tier = 2), TRUE;
  if (g_str_equal (p, "1:many"))
    return (*tier = 3), TRUE;

  if (g_str_has_prefix (p, "tier"))
    p += 4;
  else if (*p == 't')
    p++;
  while (*p == ' ' || *p == '_' || *p == '-')
    p++;
  if (p[0] >= '1' && p[0] <= '3' && p[1] == '\0')
    {
      *tier = (guint) (p[0] - '0');
      return TRUE;
    }

  g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
               _("Tier must be 1, 2 or 3, not “%s”"), text);
  return FALSE;
}

static gboolean
parse_bool (const char       *text,
            AbmAccountField   field,
            gboolean         *value,
            GError          **error)
{
  const char *yes[] = { "yes", "y", "true", "1", "x", "target", NULL };
  const char *no[] = { "", "no", "n", "false", "0", NULL };
  g_autofree char *t = trimmed_lower (text);

  if (g_strv_contains (yes, t))
    return (*value = TRUE), TRUE;
  if (g_strv_contains (no, t))
    return (*value = FALSE), TRUE;

  g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
               _("%s must be yes or no, not “%s”"), abm_account_field_label (field), text);
  return FALSE;
}

static gboolean
parse_stage (const char   *text,
             const char  **stage,
             GError      **error)
{
  g_autofree char *t = trimmed_lower (text);

  if (*t == '\0')
    return (*stage = NULL), TRUE;
  /* What CRMs call a won account, and HubSpot's lifecycle stages. */
  if (g_str_equal (t, "won") || g_str_equal (t, "closed won") || g_str_equal (t, "closedwon")
      || g_str_equal (t, "evangelist"))
    return (*stage = "customer"), TRUE;
  if (g_str_equal (t, "subscriber") || g_str_equal (t, "lead") || g_str_equal (t, "other"))
    return (*stage = "aware"), TRUE;
  /* Older files and CRMs: "unaware" is where the journey starts; a lost
   * deal is an opportunity's outcome, so it overrides nothing. */
  if (g_str_equal (t, "unaware"))
    return (*stage = "target"), TRUE;
  if (g_str_equal (t, "lost") || g_str_equal (t, "closed lost") || g_str_equal (t, "closedlost"))
    return (*stage = NULL), TRUE;
  if (g_str_equal (t, "marketingqualifiedlead") || g_str_equal (t, "salesqualifiedlead")
      || g_str_equal (t, "mql") || g_str_equal (t, "sql"))
    return (*stage = "engaged"), TRUE;
  for (guint i = 0; stages[i] != NULL; i++)
    if (g_str_equal (t, stages[i]))
      return (*stage = stages[i]), TRUE;

  g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
               _("Stage must be one of target, qualified, aware, engaged, opportunity "
                 "or customer, not “%s”"), text);
  return FALSE;
}

/* "Salesforce, snowflake;Salesforce" becomes "Salesforce; snowflake":
 * trimmed, without repeats (ignoring case), in the order given. */
static char *
normalize_list (const char *text)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *copy = g_strdup (text ? text : "");
  char *item = copy;

  while (item != NULL)
    {
      char *end = strpbrk (item, ";,|\n");
      gboolean seen = FALSE;

      if (end != NULL)
        *end = '\0';
      g_strstrip (item);
      for (guint j = 0; j < kept->len && !seen; j++)
        seen = g_ascii_strcasecmp (kept->pdata[j], item) == 0;
      if (*item != '\0' && !seen)
        {
          g_ptr_array_add (kept, item);
          if (out->len > 0)
            g_string_append (out, "; ");
          g_string_append (out, item);
        }
      item = end ? end + 1 : NULL;
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

gboolean
abm_account_set_field_text (AbmAccount       *self,
                            AbmAccountField   field,
                            const char       *text,
                            GError          **error)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (field < ABM_ACCOUNT_N_FIELDS, FALSE);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("%s is not valid text"), abm_account_field_label (field));
      return FALSE;
    }

  switch (fields[field].kind)
    {
    case KIND_INT:
    case KIND_MONEY:
      {
        double value;

        if (!parse_amount (text, field, &value, error))
          return FALSE;
        set_number (self, field, value);
        return TRUE;
      }

    case KIND_TIER:
      {
        guint tier;

        if (!parse_tier (text, &tier, error))
          return FALSE;
        set_number (self, field, tier);
        return TRUE;
      }

    case KIND_BOOL:
      {
        gboolean value;

        if (!parse_bool (text, field, &value, error))
          return FALSE;
        set_number (self, field, value);
        return TRUE;
      }

    case KIND_LIST:
      {
        g_autofree char *list = normalize_list (text);

        set_text (self, field, list);
        return TRUE;
      }

    case KIND_STAGE:
      {
        const char *stage;

        if (!parse_stage (text, &stage, error))
          return FALSE;
        set_text (self, field, stage);
        return TRUE;
      }

    case KIND_TEXT:
    default:
      break;
    }

  if (field == ABM_ACCOUNT_FIELD_DOMAIN)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *domain = abm_normalize_domain (text, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      set_text (self, field, domain);
      return TRUE;
    }

  {
    g_autofree char *copy = NULL;
    const char *value = text ? text : "";
    gsize len = strlen (value);

    /* Notes keep their layout; one-line fields lose stray spaces (and are
     * copied only when they have some). */
    if (field != ABM_ACCOUNT_FIELD_NOTES && len > 0
        && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[len - 1])))
      value = copy = g_strstrip (g_strdup (value));

    if (field == ABM_ACCOUNT_FIELD_NAME && *value == '\0')
      {
        g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                             _("An account needs a name"));
        return FALSE;
      }

    set_text (self, field, value);
  }

  return TRUE;
}

gboolean
abm_account_validate (AbmAccount  *self,
                      GError     **error)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);

  if (self->text[ABM_ACCOUNT_FIELD_NAME] == NULL)
    {
      g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                           _("An account needs a name"));
      return FALSE;
    }
  return TRUE;
}

/* Custom fields: columns of an import that are none of ours ("Use Case",
 * "Segment"), kept so the profile can score on them. Keys and values are
 * trimmed UTF-8 without control characters, and bounded so a hostile file
 * cannot make every account huge. */
static char *
clean_custom_text (const char  *text,
                   gsize        max_len,
                   const char  *what,
                   GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("The custom field %s is not valid text"), what);
      return NULL;
    }
  copy = g_strstrip (g_strdup (text));
  for (char *p = copy; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = ' ';
    }
  if (strlen (copy) > max_len)
    {
      g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                   _("The custom field %s is longer than %u bytes"), what, (guint) max_len);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

const char *
abm_account_get_custom (AbmAccount *self,
                        const char *key)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->custom == NULL)
    return NULL;
  for (guint i = 0; self->custom[i] != NULL; i += 2)
    {
      if (strcmp (self->custom[i], key) == 0)
        return self->custom[i + 1];
    }
  return NULL;
}

const char *const *
abm_account_get_custom_pairs (AbmAccount *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);
  return (const char *const *) self->custom;
}

static gboolean
put_custom (AbmAccount  *self,
            const char  *key,
            const char  *value,
            GError     **error)
{
  g_autofree char *clean_key = clean_custom_text (key, ABM_ACCOUNT_MAX_CUSTOM_KEY, key, error);
  g_autofree char *clean_value = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = self->custom ? g_strv_length (self->custom) : 0;
  gboolean placed = FALSE;
  gboolean changed = FALSE;

  if (clean_key == NULL)
    return FALSE;
  if (*clean_key == '\0')
    {
      g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                           _("A custom field needs a name"));
      return FALSE;
    }
  clean_value = clean_custom_text (value, ABM_ACCOUNT_MAX_CUSTOM_VALUE, clean_key, error);
  if (clean_value == NULL)
    return FALSE;

  /* The first field of a fresh account, as in every row of an import. */
  if (n == 0)
    {
      if (*clean_value == '\0')
        return TRUE;
      self->custom = g_new (char *, 3);
      self->custom[0] = g_steal_pointer (&clean_key);
      self->custom[1] = g_steal_pointer (&clean_value);
      self->custom[2] = NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM]);
      return TRUE;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i += 2)
    {
      int cmp = strcmp (self->custom[i], clean_key);

      if (cmp == 0)
        {
          placed = TRUE;
          changed = strcmp (self->custom[i + 1], clean_value) != 0;
          if (*clean_value == '\0')
            continue;
          g_strv_builder_add_many (builder, clean_key, clean_value, NULL);
          continue;
        }
      if (cmp > 0 && !placed && *clean_value != '\0')
        {
          if (n / 2 >= ABM_ACCOUNT_MAX_CUSTOM)
            goto too_many;
          g_strv_builder_add_many (builder, clean_key, clean_value, NULL);
          placed = changed = TRUE;
        }
      g_strv_builder_add_many (builder, self->custom[i], self->custom[i + 1], NULL);
    }
  if (!placed && *clean_value != '\0')
    {
      if (n / 2 >= ABM_ACCOUNT_MAX_CUSTOM)
        goto too_many;
      g_strv_builder_add_many (builder, clean_key, clean_value, NULL);
      changed = TRUE;
    }

  if (changed)
    {
      g_strfreev (self->custom);
      self->custom = g_strv_builder_end (builder);
      if (self->custom[0] == NULL)
        g_clear_pointer (&self->custom, g_strfreev);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM]);
    }
  return TRUE;

too_many:
  g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
               _("An account holds at most %u custom fields"), ABM_ACCOUNT_MAX_CUSTOM);
  return FALSE;
}

/* An empty or NULL value removes the field. */
gboolean
abm_account_set_custom (AbmAccount  *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return put_custom (self, key, value, error);
}

static gboolean
set_custom_node (AbmAccount  *self,
                 JsonNode    *node,
                 GError     **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  /* Blank text parses to no node: no fields, as an empty string. */
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                           _("Custom fields are not a JSON object"));
      return FALSE;
    }
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &key, &member))
    {
      if (!JSON_NODE_HOLDS_VALUE (member)
          || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                       _("The custom field %s is not text"), key);
          return FALSE;
        }
      if (!put_custom (self, key, json_node_get_string (member), error))
        return FALSE;
    }
  return TRUE;
}

/* Keys and values hold no control characters (they were replaced), so
 * only quotes and backslashes need escaping. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The custom fields as one JSON object, NULL when there are none: how
 * the workspace stores them. Written by hand: this runs for every row of
 * an import. */
char *
abm_account_dup_custom_json (AbmAccount *self)
{
  GString *out;

  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);

  if (self->custom == NULL)
    return NULL;
  out = g_string_sized_new (64);
  g_string_append_c (out, '{');
  for (guint i = 0; self->custom[i] != NULL; i += 2)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, self->custom[i]);
      g_string_append_c (out, ':');
      append_json_string (out, self->custom[i + 1]);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Reads a JSON string as dup_custom_json() writes it (only \" and \\
 * escaped) at *p, advancing past it; NULL for anything else. */
static char *
read_plain_json_string (const char **p)
{
  const char *q = *p;
  gsize len = 0;
  char *out, *o;

  if (*q != '"')
    return NULL;
  /* Measure and check first, so the copy is exactly as long as needed. */
  for (q++; *q != '"'; q++, len++)
    {
      if (*q == '\0' || (guchar) *q < 0x20)
        return NULL;
      if (*q == '\\')
        {
          q++;
          if (*q != '"' && *q != '\\')
            return NULL;
        }
    }
  out = o = g_malloc (len + 1);
  for (q = *p + 1; *q != '"'; q++)
    {
      if (*q == '\\')
        q++;
      *o++ = *q;
    }
  *o = '\0';
  *p = q + 1;
  return out;
}

/* The stored form, read without a JSON parser: opening a workspace reads
 * it for every account. Returns FALSE (and changes nothing) when @json is
 * not exactly what dup_custom_json() writes, for the full parser to read. */
static gboolean
set_custom_plain (AbmAccount *self,
                  const char *json)
{
  g_autoptr(GPtrArray) builder = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) pairs = NULL;
  const char *p = json;
  guint n = 0;

  if (*p++ != '{')
    return FALSE;
  while (*p != '}')
    {
      char *key, *value;

      if (n > 0 && *p++ != ',')
        return FALSE;
      key = read_plain_json_string (&p);
      if (key == NULL)
        return FALSE;
      g_ptr_array_add (builder, key);
      if (*p++ != ':')
        return FALSE;
      value = read_plain_json_string (&p);
      if (value == NULL)
        return FALSE;
      g_ptr_array_add (builder, value);
      n++;
    }
  if (p[1] != '\0' || n == 0 || n > ABM_ACCOUNT_MAX_CUSTOM)
    return FALSE;
  g_ptr_array_add (builder, NULL);
  pairs = (GStrv) g_ptr_array_steal (builder, NULL);

  /* What we wrote is sorted, unique, trimmed, bounded UTF-8. */
  for (guint i = 0; i < 2 * n; i += 2)
    {
      const char *key = pairs[i], *value = pairs[i + 1];
      gsize key_len = strlen (key), value_len = strlen (value);

      if (key_len == 0 || key_len > ABM_ACCOUNT_MAX_CUSTOM_KEY
          || value_len == 0 || value_len > ABM_ACCOUNT_MAX_CUSTOM_VALUE
          || g_ascii_isspace (key[0]) || g_ascii_isspace (key[key_len - 1])
          || g_ascii_isspace (value[0]) || g_ascii_isspace (value[value_len - 1])
          || (i > 0 && strcmp (pairs[i - 2], key) >= 0)
          || !g_utf8_validate (key, key_len, NULL) || !g_utf8_validate (value, value_len, NULL))
        return FALSE;
    }

  if (self->custom == NULL || !g_strv_equal ((const char *const *) self->custom, (const char *const *) pairs))
    {
      g_strfreev (self->custom);
      self->custom = g_steal_pointer (&pairs);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM]);
    }
  return TRUE;
}

/* Replaces every custom field with those of a JSON object; on failure the
 * account keeps its old ones. */
gboolean
abm_account_set_custom_json (AbmAccount  *self,
                             const char  *json,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(AbmAccount) scratch = NULL;

  g_return_val_if_fail (ABM_IS_ACCOUNT (self), FALSE);

  if (json != NULL && set_custom_plain (self, json))
    return TRUE;

  scratch = abm_account_new ();
  if (json != NULL && *json != '\0')
    {
      if (strlen (json) > ABM_ACCOUNT_MAX_CUSTOM * (ABM_ACCOUNT_MAX_CUSTOM_KEY + 6 * ABM_ACCOUNT_MAX_CUSTOM_VALUE + 8) + 2)
        {
          g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                               _("Custom fields are too large"));
          return FALSE;
        }
      /* One flat object: anything deeper is refused before json-glib
       * recurses into it. */
      if (!abm_json_depth_ok (json, strlen (json), 1))
        {
          g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                               _("Custom fields are not a JSON object"));
          return FALSE;
        }
      parser = json_parser_new_immutable ();
      if (!abm_json_load (parser, json, -1, error)
          || !set_custom_node (scratch, json_parser_get_root (parser), error))
        return FALSE;
    }
  if (!g_strv_equal ((const char *const *) (self->custom ? self->custom : (char *[]) { NULL }),
                     (const char *const *) (scratch->custom ? scratch->custom : (char *[]) { NULL })))
    {
      g_strfreev (self->custom);
      self->custom = g_steal_pointer (&scratch->custom);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM]);
    }
  return TRUE;
}

JsonNode *
abm_account_to_json (AbmAccount *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ABM_IS_ACCOUNT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      json_builder_set_member_name (builder, fields[i].key);
      switch (fields[i].kind)
        {
        case KIND_INT:
          if (self->employees < 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, self->employees);
          break;
        case KIND_MONEY:
          {
            double v = i == ABM_ACCOUNT_FIELD_ACV_POTENTIAL ? self->acv_potential : self->annual_revenue;
            if (v < 0)
              json_builder_add_null_value (builder);
            else if (v == floor (v))
              json_builder_add_int_value (builder, (gint64) v);
            else
              json_builder_add_double_value (builder, v);
          }
          break;
        case KIND_TIER:
          if (self->tier == 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, self->tier);
          break;
        case KIND_BOOL:
          json_builder_add_boolean_value (builder, self->target);
          break;
        case KIND_TEXT:
        case KIND_LIST:
        case KIND_STAGE:
        default:
          if (self->text[i] == NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder, self->text[i]);
          break;
        }
    }
  json_builder_set_member_name (builder, "tier-locked");
  json_builder_add_boolean_value (builder, self->tier_locked);
  if (self->cluster_id > 0)
    {
      json_builder_set_member_name (builder, "cluster-id");
      json_builder_add_int_value (builder, self->cluster_id);
    }
  if (self->custom != NULL)
    {
      json_builder_set_member_name (builder, "custom");
      json_builder_begin_object (builder);
      for (guint i = 0; self->custom[i] != NULL; i += 2)
        {
          json_builder_set_member_name (builder, self->custom[i]);
          json_builder_add_string_value (builder, self->custom[i + 1]);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

AbmAccount *
abm_account_new_from_json (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(AbmAccount) self = abm_account_new ();
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID,
                           _("Account data is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (json_object_has_member (object, "id"))
    self->id = json_object_get_int_member (object, "id");

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      JsonNode *member = json_object_get_member (object, fields[i].key);
      g_autofree char *text = NULL;

      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        continue;
      if (json_node_get_value_type (member) == G_TYPE_STRING)
        text = json_node_dup_string (member);
      else if (json_node_get_value_type (member) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));
      else if (json_node_get_value_type (member) == G_TYPE_DOUBLE)
        text = format_number (json_node_get_double (member));
      else if (json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        text = g_strdup (json_node_get_boolean (member) ? "yes" : "no");
      else
        continue;

      if (!abm_account_set_field_text (self, i, text, error))
        return NULL;
    }

  {
    JsonNode *member = json_object_get_member (object, "tier-locked");

    if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
        && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
      self->tier_locked = json_node_get_boolean (member);
    member = json_object_get_member (object, "cluster-id");
    if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
        && json_node_get_value_type (member) == G_TYPE_INT64 && json_node_get_int (member) > 0)
      self->cluster_id = json_node_get_int (member);
  }
  if (json_object_has_member (object, "custom")
      && !set_custom_node (self, json_object_get_member (object, "custom"), error))
    return NULL;

  if (!abm_account_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
