/* abm-icp.c: the ideal customer profile, and how well each account fits it
 *
 * The fit score of an account, kept simple enough to explain line by line:
 *
 *   score = 100 × (sum of the weights of the matched criteria)
 *               ÷ (sum of the weights of all criteria),
 *           rounded to one decimal;
 *   when a must-have criterion is not met, the score is capped at
 *   moderate_min − 1, which puts the account in the weak band whatever
 *   else it matches;
 *   with no criteria, every account is unscored (-1).
 *
 * A criterion whose account value is unknown (no industry, employees -1)
 * is not matched. Text matches ignore case. Each matched criterion thus
 * contributes 100 × weight ÷ total weight points, which is what the
 * explanation shows.
 *
 * Scoring is the hot path (100,000 accounts after every edit), so each
 * criterion keeps its values lowercased, and in a hash set when there are
 * many, and an account's text is lowercased into a stack buffer: no
 * allocation per account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "abm-icp.h"
#include "abm-json.h"

#define ICP_FORMAT      "abm-icp"
#define ICP_VERSION     1
/* Our documents nest four deep; anything far deeper is an attack on the
 * recursive JSON parser's stack. */
#define MAX_JSON_DEPTH  16
/* Lowercasing can grow UTF-8 text a little; this holds any folded value. */
#define FOLD_SIZE       (4 * ABM_ICP_MAX_VALUE_LENGTH)
/* Up to this many values a linear scan beats hashing. */
#define LINEAR_MAX      8
/* How many values a description names before "or N more". */
#define MAX_SHOWN       5

typedef struct {
  AbmIcpKind  kind;
  double      weight;
  gboolean    must_have;
  char      **values;          /* as written, never NULL */
  double      min, max;        /* ranges only; ABM_ICP_OPEN when open */
  char       *field;           /* ABM_ICP_CUSTOM only: the custom field's name */

  /* Prepared from values for scoring. */
  char      **folded;
  gsize      *folded_len;
  guint       n_values;
  gsize       max_folded_len;
  GHashTable *folded_set;      /* only for long lists; keys owned by folded */
} Criterion;

struct _AbmIcp
{
  GObject    parent_instance;

  GPtrArray *criteria;         /* of Criterion */
  double     total_weight;
  guint      strong_min;
  guint      moderate_min;
};

G_DEFINE_FINAL_TYPE (AbmIcp, abm_icp, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-icp-error-quark, abm_icp_error)

enum {
  PROP_0,
  PROP_N_CRITERIA,
  PROP_STRONG_MIN,
  PROP_MODERATE_MIN,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} kinds[ABM_ICP_N_KINDS] = {
  [ABM_ICP_INDUSTRY]   = { "industry", N_("Industry") },
  [ABM_ICP_EMPLOYEES]  = { "employees", N_("Employees") },
  [ABM_ICP_REVENUE]    = { "annual-revenue", N_("Annual Revenue") },
  [ABM_ICP_COUNTRY]    = { "country", N_("Country") },
  [ABM_ICP_TECHNOLOGY] = { "technology", N_("Technology") },
  [ABM_ICP_COMPETITOR] = { "competitor", N_("Competitor to Displace") },
  [ABM_ICP_INTENT]     = { "intent", N_("Intent Topic") },
  [ABM_ICP_CUSTOM]     = { "custom", N_("Custom Field") },
};

static const struct {
  const char *key;
  const char *label;
} bands[] = {
  [ABM_ICP_BAND_UNSCORED] = { "unscored", N_("Not scored") },
  [ABM_ICP_BAND_WEAK]     = { "weak", N_("Weak fit") },
  [ABM_ICP_BAND_MODERATE] = { "moderate", N_("Moderate fit") },
  [ABM_ICP_BAND_STRONG]   = { "strong", N_("Strong fit") },
};

/* Lowercases UTF-8 text character by character (simple case mapping), the
 * same way for the profile's values and an account's text, so that both
 * compare byte for byte. Returns the folded length, or -1 when the result
 * would be longer than @size or the text is not UTF-8. */
static gssize
fold_into (const char *text,
           gsize       len,
           char       *buf,
           gsize       size)
{
  const char *p = text;
  const char *end = text + len;
  gsize o = 0;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (o >= size)
            return -1;
          /* Inline: this runs for every character of every account. */
          buf[o++] = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);
          char out[6];
          int n;

          if (u == (gunichar) -1 || u == (gunichar) -2)
            return -1;
          n = g_unichar_to_utf8 (g_unichar_tolower (u), out);
          if (o + n > size)
            return -1;
          memcpy (buf + o, out, n);
          o += n;
          p = g_utf8_next_char (p);
        }
    }
  return o;
}

static gboolean
kind_is_list (AbmIcpKind kind)
{
  return kind == ABM_ICP_TECHNOLOGY || kind == ABM_ICP_COMPETITOR || kind == ABM_ICP_INTENT;
}

/* Criteria */

static void
criterion_unprepare (Criterion *c)
{
  g_clear_pointer (&c->folded_set, g_hash_table_unref);
  g_clear_pointer (&c->folded, g_strfreev);
  g_clear_pointer (&c->folded_len, g_free);
  c->n_values = 0;
  c->max_folded_len = 0;
}

static void
criterion_prepare (Criterion *c)
{
  criterion_unprepare (c);

  c->n_values = g_strv_length (c->values);
  c->folded = g_new0 (char *, c->n_values + 1);
  c->folded_len = g_new0 (gsize, c->n_values + 1);
  for (guint i = 0; i < c->n_values; i++)
    {
      char buf[FOLD_SIZE];
      gssize n = fold_into (c->values[i], strlen (c->values[i]), buf, sizeof buf);

      /* Values are checked to be short UTF-8 before they get here. */
      g_assert (n >= 0);
      c->folded[i] = g_strndup (buf, n);
      c->folded_len[i] = n;
      c->max_folded_len = MAX (c->max_folded_len, (gsize) n);
    }

  if (c->n_values > LINEAR_MAX)
    {
      c->folded_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < c->n_values; i++)
        g_hash_table_add (c->folded_set, c->folded[i]);
    }
}

static Criterion *
criterion_new (AbmIcpKind kind)
{
  Criterion *c = g_new0 (Criterion, 1);

  c->kind = kind;
  c->weight = 1;
  c->values = g_new0 (char *, 1);
  c->min = ABM_ICP_OPEN;
  c->max = ABM_ICP_OPEN;
  criterion_prepare (c);
  return c;
}

static void
criterion_free (gpointer data)
{
  Criterion *c = data;

  criterion_unprepare (c);
  g_strfreev (c->values);
  g_free (c->field);
  g_free (c);
}

static Criterion *
criterion_copy (const Criterion *other)
{
  Criterion *c = g_new0 (Criterion, 1);

  c->kind = other->kind;
  c->weight = other->weight;
  c->must_have = other->must_have;
  c->values = g_strdupv (other->values);
  c->field = g_strdup (other->field);
  c->min = other->min;
  c->max = other->max;
  criterion_prepare (c);
  return c;
}

/* Whether @text (not NUL-terminated) is one of the criterion's values. */
static gboolean
criterion_has (const Criterion *c,
               const char      *text,
               gsize            len)
{
  char buf[FOLD_SIZE + 1];
  gssize n;

  if (c->n_values == 0)
    return FALSE;

  /* Text that folds longer than every value cannot equal any of them. */
  n = fold_into (text, len, buf, c->max_folded_len);
  if (n < 0)
    return FALSE;

  if (c->folded_set != NULL)
    {
      buf[n] = '\0';
      return g_hash_table_contains (c->folded_set, buf);
    }

  for (guint i = 0; i < c->n_values; i++)
    {
      if (c->folded_len[i] == (gsize) n && memcmp (c->folded[i], buf, n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a "; "-separated account list holds any of the values; @hit is
 * the first item that does. */
static gboolean
criterion_has_any (const Criterion  *c,
                   const char       *list,
                   const char      **hit,
                   gsize            *hit_len)
{
  const char *p = list;

  if (list == NULL || c->n_values == 0)
    return FALSE;

  for (;;)
    {
      const char *end = strstr (p, "; ");
      gsize n = end ? (gsize) (end - p) : strlen (p);

      if (criterion_has (c, p, n))
        {
          if (hit != NULL)
            {
              *hit = p;
              *hit_len = n;
            }
          return TRUE;
        }
      if (end == NULL)
        return FALSE;
      p = end + 2;
    }
}

static gboolean
criterion_in_range (const Criterion *c,
                    double           value)
{
  if (value < 0)
    return FALSE;
  if (c->min >= 0 && value < c->min)
    return FALSE;
  if (c->max >= 0 && value > c->max)
    return FALSE;
  return TRUE;
}

static gboolean
criterion_matches (const Criterion  *c,
                   AbmAccount       *account,
                   const char      **hit,
                   gsize            *hit_len)
{
  const char *text;

  switch (c->kind)
    {
    case ABM_ICP_INDUSTRY:
    case ABM_ICP_COUNTRY:
      text = c->kind == ABM_ICP_INDUSTRY ? abm_account_get_industry (account)
                                         : abm_account_get_country (account);
      return text != NULL && criterion_has (c, text, strlen (text));

    case ABM_ICP_EMPLOYEES:
      return criterion_in_range (c, (double) abm_account_get_employees (account));

    case ABM_ICP_REVENUE:
      return criterion_in_range (c, abm_account_get_annual_revenue (account));

    case ABM_ICP_TECHNOLOGY:
    case ABM_ICP_COMPETITOR:
      return criterion_has_any (c, abm_account_get_technologies (account), hit, hit_len);

    case ABM_ICP_INTENT:
      return criterion_has_any (c, abm_account_get_intent_topics (account), hit, hit_len);

    case ABM_ICP_CUSTOM:
      text = abm_account_get_custom (account, c->field);
      return text != NULL && criterion_has (c, text, strlen (text));

    case ABM_ICP_N_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Validation shared by the editing API and the JSON reader. */

static gboolean
check_weight (double   weight,
              GError **error)
{
  if (!isfinite (weight) || weight <= 0 || weight > ABM_ICP_MAX_WEIGHT)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("The weight must be a number above 0 and at most %g"),
                   ABM_ICP_MAX_WEIGHT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_bands (guint    moderate_min,
             guint    strong_min,
             GError **error)
{
  if (moderate_min < 1 || moderate_min >= strong_min || strong_min > 100)
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("The fit bands must satisfy 1 ≤ moderate minimum "
                             "< strong minimum ≤ 100"));
      return FALSE;
    }
  return TRUE;
}

/* Rounds a bound the way account numbers are stored (whole people, cents),
 * and turns any negative bound into an open end. */
static gboolean
normalize_bound (AbmIcpKind   kind,
                 double      *bound,
                 GError     **error)
{
  double v = *bound;

  if (isnan (v) || v > ABM_ICP_MAX_BOUND)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("A range bound must be a number from 0 to %g, or open"), ABM_ICP_MAX_BOUND);
      return FALSE;
    }
  if (v < 0)
    *bound = ABM_ICP_OPEN;
  else if (kind == ABM_ICP_EMPLOYEES)
    *bound = round (v);
  else
    *bound = round (v * 100) / 100;
  return TRUE;
}

static gboolean
normalize_range (AbmIcpKind   kind,
                 double      *min,
                 double      *max,
                 GError     **error)
{
  if (!normalize_bound (kind, min, error) || !normalize_bound (kind, max, error))
    return FALSE;
  if (*min >= 0 && *max >= 0 && *min > *max)
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("The minimum of a range is above its maximum"));
      return FALSE;
    }
  return TRUE;
}

/* Trims the values, drops empty ones and repeats (ignoring case), and
 * refuses what could never match or would make scoring slow. */
static char **
normalize_values (AbmIcpKind          kind,
                  const char *const  *values,
                  guint               n_values,
                  GError            **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (n_values > ABM_ICP_MAX_VALUES)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("A criterion can hold at most %u values"), ABM_ICP_MAX_VALUES);
      return NULL;
    }

  for (guint i = 0; i < n_values; i++)
    {
      const char *value = values[i];
      g_autofree char *trimmed = NULL;
      char buf[FOLD_SIZE + 1];
      gssize n;

      if (value == NULL || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                               _("A value is not valid text"));
          return NULL;
        }
      if (strlen (value) > ABM_ICP_MAX_VALUE_LENGTH)
        {
          g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                       _("A value is longer than %u bytes"), ABM_ICP_MAX_VALUE_LENGTH);
          return NULL;
        }
      if (kind_is_list (kind) && strchr (value, ';') != NULL)
        {
          g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                               _("A value cannot contain “;”, which separates list items"));
          return NULL;
        }

      trimmed = g_strstrip (g_strdup (value));
      if (*trimmed == '\0')
        continue;
      n = fold_into (trimmed, strlen (trimmed), buf, FOLD_SIZE);
      g_assert (n >= 0);
      buf[n] = '\0';
      if (!g_hash_table_add (seen, g_strdup (buf)))
        continue;
      g_ptr_array_add (kept, g_steal_pointer (&trimmed));
    }

  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_steal (kept, NULL);
}

/* Descriptions */

static char *
format_amount (AbmIcpKind kind,
               double     value)
{
  if (kind == ABM_ICP_EMPLOYEES || value == floor (value))
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%'.2f", value);
}

/* "A", "A or B", "A, B or C", "A, B, C, D, E or 3 more". */
static char *
join_values (char **values)
{
  guint n = g_strv_length (values);
  guint shown = MIN (n, MAX_SHOWN);
  g_autoptr(GString) head = NULL;

  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup (values[0]);

  head = g_string_new (values[0]);
  for (guint i = 1; i < (n <= MAX_SHOWN ? n - 1 : shown); i++)
    {
      g_string_append (head, _(", "));
      g_string_append (head, values[i]);
    }
  if (n <= MAX_SHOWN)
    return g_strdup_printf (_("%s or %s"), head->str, values[n - 1]);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s or %u more", "%s or %u more",
                                       n - MAX_SHOWN),
                          head->str, n - MAX_SHOWN);
}

static char *
describe_range (const Criterion *c)
{
  g_autofree char *min = c->min >= 0 ? format_amount (c->kind, c->min) : NULL;
  g_autofree char *max = c->max >= 0 ? format_amount (c->kind, c->max) : NULL;

  if (c->kind == ABM_ICP_EMPLOYEES)
    {
      if (min && max)
        return g_strdup_printf (_("Employees between %s and %s"), min, max);
      if (min)
        return g_strdup_printf (_("Employees at least %s"), min);
      if (max)
        return g_strdup_printf (_("Employees at most %s"), max);
      return g_strdup (_("Employees known"));
    }

  if (min && max)
    return g_strdup_printf (_("Annual revenue between %s and %s"), min, max);
  if (min)
    return g_strdup_printf (_("Annual revenue at least %s"), min);
  if (max)
    return g_strdup_printf (_("Annual revenue at most %s"), max);
  return g_strdup (_("Annual revenue known"));
}

static char *
describe_values (AbmIcpKind   kind,
                 const char  *field,
                 const char  *list)
{
  switch (kind)
    {
    case ABM_ICP_CUSTOM:
      /* Translators: the first %s is a custom field's name ("Use Case"). */
      return list ? g_strdup_printf (_("%s is %s"), field, list)
                  : g_strdup_printf (_("%s (no values chosen)"), field);
    case ABM_ICP_INDUSTRY:
      return list ? g_strdup_printf (_("Industry is %s"), list)
                  : g_strdup (_("Industry (no values chosen)"));
    case ABM_ICP_COUNTRY:
      return list ? g_strdup_printf (_("Country is %s"), list)
                  : g_strdup (_("Country (no values chosen)"));
    case ABM_ICP_TECHNOLOGY:
      return list ? g_strdup_printf (_("Uses %s"), list)
                  : g_strdup (_("Technology (no values chosen)"));
    case ABM_ICP_COMPETITOR:
      return list ? g_strdup_printf (_("Uses competitor %s (to displace)"), list)
                  : g_strdup (_("Competitor (no values chosen)"));
    case ABM_ICP_INTENT:
      return list ? g_strdup_printf (_("Shows intent for %s"), list)
                  : g_strdup (_("Intent topic (no values chosen)"));
    case ABM_ICP_EMPLOYEES:
    case ABM_ICP_REVENUE:
    case ABM_ICP_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
criterion_describe (const Criterion *c)
{
  g_autofree char *list = NULL;

  if (abm_icp_kind_is_range (c->kind))
    return describe_range (c);

  list = join_values (c->values);
  return describe_values (c->kind, c->field, list);
}

/* Weights are shown as written: "3", "2.5". */
static char *
format_weight (double weight)
{
  return g_strdup_printf ("%g", weight);
}

/* The object */

static void
abm_icp_finalize (GObject *object)
{
  AbmIcp *self = ABM_ICP (object);

  g_ptr_array_unref (self->criteria);

  G_OBJECT_CLASS (abm_icp_parent_class)->finalize (object);
}

static void
abm_icp_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AbmIcp *self = ABM_ICP (object);

  switch (prop_id)
    {
    case PROP_N_CRITERIA:
      g_value_set_uint (value, self->criteria->len);
      break;
    case PROP_STRONG_MIN:
      g_value_set_uint (value, self->strong_min);
      break;
    case PROP_MODERATE_MIN:
      g_value_set_uint (value, self->moderate_min);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_icp_class_init (AbmIcpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = abm_icp_finalize;
  object_class->get_property = abm_icp_get_property;

  properties[PROP_N_CRITERIA] =
    g_param_spec_uint ("n-criteria", NULL, NULL, 0, ABM_ICP_MAX_CRITERIA, 0, flags);
  properties[PROP_STRONG_MIN] =
    g_param_spec_uint ("strong-min", NULL, NULL, 2, 100, ABM_ICP_DEFAULT_STRONG_MIN, flags);
  properties[PROP_MODERATE_MIN] =
    g_param_spec_uint ("moderate-min", NULL, NULL, 1, 99, ABM_ICP_DEFAULT_MODERATE_MIN, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Any criterion or band changed: every score is stale. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_icp_init (AbmIcp *self)
{
  self->criteria = g_ptr_array_new_with_free_func (criterion_free);
  self->strong_min = ABM_ICP_DEFAULT_STRONG_MIN;
  self->moderate_min = ABM_ICP_DEFAULT_MODERATE_MIN;
}

static void
emit_changed (AbmIcp *self)
{
  /* Summed in order, so the same profile always gives the same total. */
  self->total_weight = 0;
  for (guint i = 0; i < self->criteria->len; i++)
    self->total_weight += ((Criterion *) self->criteria->pdata[i])->weight;

  g_signal_emit (self, signals[CHANGED], 0);
}

AbmIcp *
abm_icp_new (void)
{
  return g_object_new (ABM_TYPE_ICP, NULL);
}

const char *
abm_icp_kind_key (AbmIcpKind kind)
{
  g_return_val_if_fail (kind < ABM_ICP_N_KINDS, NULL);
  return kinds[kind].key;
}

const char *
abm_icp_kind_label (AbmIcpKind kind)
{
  g_return_val_if_fail (kind < ABM_ICP_N_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

gboolean
abm_icp_kind_from_key (const char *key,
                       AbmIcpKind *kind)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < ABM_ICP_N_KINDS; i++)
    {
      if (strcmp (key, kinds[i].key) == 0)
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
abm_icp_kind_is_range (AbmIcpKind kind)
{
  return kind == ABM_ICP_EMPLOYEES || kind == ABM_ICP_REVENUE;
}

const char *
abm_icp_band_key (AbmIcpBand band)
{
  g_return_val_if_fail (band <= ABM_ICP_BAND_STRONG, NULL);
  return bands[band].key;
}

const char *
abm_icp_band_label (AbmIcpBand band)
{
  g_return_val_if_fail (band <= ABM_ICP_BAND_STRONG, NULL);
  return g_dgettext (GETTEXT_PACKAGE, bands[band].label);
}

/* Bands */

guint
abm_icp_get_strong_min (AbmIcp *self)
{
  g_return_val_if_fail (ABM_IS_ICP (self), ABM_ICP_DEFAULT_STRONG_MIN);
  return self->strong_min;
}

guint
abm_icp_get_moderate_min (AbmIcp *self)
{
  g_return_val_if_fail (ABM_IS_ICP (self), ABM_ICP_DEFAULT_MODERATE_MIN);
  return self->moderate_min;
}

gboolean
abm_icp_set_bands (AbmIcp  *self,
                   guint    moderate_min,
                   guint    strong_min,
                   GError **error)
{
  g_return_val_if_fail (ABM_IS_ICP (self), FALSE);

  if (!check_bands (moderate_min, strong_min, error))
    return FALSE;
  if (self->moderate_min == moderate_min && self->strong_min == strong_min)
    return TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->moderate_min != moderate_min)
    {
      self->moderate_min = moderate_min;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODERATE_MIN]);
    }
  if (self->strong_min != strong_min)
    {
      self->strong_min = strong_min;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRONG_MIN]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  emit_changed (self);
  return TRUE;
}

AbmIcpBand
abm_icp_band (AbmIcp *self,
              double  score)
{
  g_return_val_if_fail (ABM_IS_ICP (self), ABM_ICP_BAND_UNSCORED);

  if (!(score >= 0))
    return ABM_ICP_BAND_UNSCORED;
  if (score >= self->strong_min)
    return ABM_ICP_BAND_STRONG;
  if (score >= self->moderate_min)
    return ABM_ICP_BAND_MODERATE;
  return ABM_ICP_BAND_WEAK;
}

/* Criteria */

guint
abm_icp_get_n_criteria (AbmIcp *self)
{
  g_return_val_if_fail (ABM_IS_ICP (self), 0);
  return self->criteria->len;
}

static gboolean
check_room (AbmIcp  *self,
            GError **error)
{
  if (self->criteria->len >= ABM_ICP_MAX_CRITERIA)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("A profile can hold at most %u criteria"), ABM_ICP_MAX_CRITERIA);
      return FALSE;
    }
  return TRUE;
}

static int
append_criterion (AbmIcp    *self,
                  Criterion *c)
{
  g_ptr_array_add (self->criteria, c);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRITERIA]);
  emit_changed (self);
  return self->criteria->len - 1;
}

int
abm_icp_add_criterion (AbmIcp      *self,
                       AbmIcpKind   kind,
                       GError     **error)
{
  g_return_val_if_fail (ABM_IS_ICP (self), -1);
  g_return_val_if_fail (kind < ABM_ICP_N_KINDS, -1);
  g_return_val_if_fail (kind != ABM_ICP_CUSTOM, -1);

  if (!check_room (self, error))
    return -1;
  return append_criterion (self, criterion_new (kind));
}

/* Custom field names follow the same rules as an account's. */
static char *
normalize_field (const char  *field,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (field == NULL || !g_utf8_validate (field, -1, NULL))
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("The custom field's name is not valid text"));
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (field));
  if (*trimmed == '\0' || strlen (trimmed) > ABM_ACCOUNT_MAX_CUSTOM_KEY)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("A custom field's name must have 1 to %u bytes"), ABM_ACCOUNT_MAX_CUSTOM_KEY);
      return NULL;
    }
  for (char *p = trimmed; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = ' ';
    }
  return g_steal_pointer (&trimmed);
}

/* A criterion on a custom field from an import: it matches when the
 * account's value is one of the criterion's (ignoring case). */
int
abm_icp_add_custom_criterion (AbmIcp      *self,
                              const char  *field,
                              GError     **error)
{
  g_autofree char *name = NULL;
  Criterion *c;

  g_return_val_if_fail (ABM_IS_ICP (self), -1);

  name = normalize_field (field, error);
  if (name == NULL || !check_room (self, error))
    return -1;
  c = criterion_new (ABM_ICP_CUSTOM);
  c->field = g_steal_pointer (&name);
  return append_criterion (self, c);
}

/* The custom field a criterion looks at; NULL for the other kinds. */
const char *
abm_icp_get_field (AbmIcp *self,
                   guint   index)
{
  g_return_val_if_fail (ABM_IS_ICP (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);
  return ((Criterion *) self->criteria->pdata[index])->field;
}

void
abm_icp_remove_criterion (AbmIcp *self,
                          guint   index)
{
  g_return_if_fail (ABM_IS_ICP (self));
  g_return_if_fail (index < self->criteria->len);

  g_ptr_array_remove_index (self->criteria, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRITERIA]);
  emit_changed (self);
}

void
abm_icp_move_criterion (AbmIcp *self,
                        guint   from,
                        guint   to)
{
  gpointer c;

  g_return_if_fail (ABM_IS_ICP (self));
  g_return_if_fail (from < self->criteria->len);
  g_return_if_fail (to < self->criteria->len);

  if (from == to)
    return;
  c = g_ptr_array_steal_index (self->criteria, from);
  g_ptr_array_insert (self->criteria, to, c);
  emit_changed (self);
}

#define CHECK_INDEX(self, index, val)                               \
  G_STMT_START {                                                    \
    g_return_val_if_fail (ABM_IS_ICP (self), val);                  \
    g_return_val_if_fail ((index) < (self)->criteria->len, val);    \
  } G_STMT_END

AbmIcpKind
abm_icp_get_kind (AbmIcp *self,
                  guint   index)
{
  CHECK_INDEX (self, index, ABM_ICP_INDUSTRY);
  return ((Criterion *) self->criteria->pdata[index])->kind;
}

double
abm_icp_get_weight (AbmIcp *self,
                    guint   index)
{
  CHECK_INDEX (self, index, 0);
  return ((Criterion *) self->criteria->pdata[index])->weight;
}

gboolean
abm_icp_set_weight (AbmIcp  *self,
                    guint    index,
                    double   weight,
                    GError **error)
{
  Criterion *c;

  CHECK_INDEX (self, index, FALSE);
  c = self->criteria->pdata[index];
  if (!check_weight (weight, error))
    return FALSE;
  if (c->weight != weight)
    {
      c->weight = weight;
      emit_changed (self);
    }
  return TRUE;
}

gboolean
abm_icp_get_must_have (AbmIcp *self,
                       guint   index)
{
  CHECK_INDEX (self, index, FALSE);
  return ((Criterion *) self->criteria->pdata[index])->must_have;
}

void
abm_icp_set_must_have (AbmIcp   *self,
                       guint     index,
                       gboolean  must_have)
{
  Criterion *c;

  g_return_if_fail (ABM_IS_ICP (self));
  g_return_if_fail (index < self->criteria->len);

  c = self->criteria->pdata[index];
  must_have = !!must_have;
  if (c->must_have != must_have)
    {
      c->must_have = must_have;
      emit_changed (self);
    }
}

/* Empty for the range kinds. */
const char *const *
abm_icp_get_values (AbmIcp *self,
                    guint   index)
{
  CHECK_INDEX (self, index, NULL);
  return (const char *const *) ((Criterion *) self->criteria->pdata[index])->values;
}

gboolean
abm_icp_set_values (AbmIcp             *self,
                    guint               index,
                    const char *const  *values,
                    GError            **error)
{
  Criterion *c;
  char **normalized;

  CHECK_INDEX (self, index, FALSE);
  c = self->criteria->pdata[index];
  g_return_val_if_fail (!abm_icp_kind_is_range (c->kind), FALSE);

  normalized = normalize_values (c->kind, values,
                                 values ? g_strv_length ((char **) values) : 0, error);
  if (normalized == NULL)
    return FALSE;

  if (g_strv_equal ((const char *const *) c->values, (const char *const *) normalized))
    {
      g_strfreev (normalized);
      return TRUE;
    }
  g_strfreev (c->values);
  c->values = normalized;
  criterion_prepare (c);
  emit_changed (self);
  return TRUE;
}

/* ABM_ICP_OPEN for an open end, and for the kinds without a range. */
void
abm_icp_get_range (AbmIcp *self,
                   guint   index,
                   double *min,
                   double *max)
{
  Criterion *c;

  g_return_if_fail (ABM_IS_ICP (self));
  g_return_if_fail (index < self->criteria->len);

  c = self->criteria->pdata[index];
  if (min != NULL)
    *min = c->min;
  if (max != NULL)
    *max = c->max;
}

/* A negative bound is an open end; bounds are rounded to whole employees
 * and to cents, as account values are. */
gboolean
abm_icp_set_range (AbmIcp  *self,
                   guint    index,
                   double   min,
                   double   max,
                   GError **error)
{
  Criterion *c;

  CHECK_INDEX (self, index, FALSE);
  c = self->criteria->pdata[index];
  g_return_val_if_fail (abm_icp_kind_is_range (c->kind), FALSE);

  if (!normalize_range (c->kind, &min, &max, error))
    return FALSE;
  if (c->min != min || c->max != max)
    {
      c->min = min;
      c->max = max;
      emit_changed (self);
    }
  return TRUE;
}

char *
abm_icp_dup_description (AbmIcp *self,
                         guint   index)
{
  CHECK_INDEX (self, index, NULL);
  return criterion_describe (self->criteria->pdata[index]);
}

/* Copies every criterion and the bands, as one change. */
void
abm_icp_assign (AbmIcp *self,
                AbmIcp *other)
{
  g_autoptr(GPtrArray) criteria = NULL;

  g_return_if_fail (ABM_IS_ICP (self));
  g_return_if_fail (ABM_IS_ICP (other));

  if (self == other)
    return;

  criteria = g_ptr_array_new_full (other->criteria->len, criterion_free);
  for (guint i = 0; i < other->criteria->len; i++)
    g_ptr_array_add (criteria, criterion_copy (other->criteria->pdata[i]));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->criteria->len != criteria->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRITERIA]);
  if (self->strong_min != other->strong_min)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRONG_MIN]);
  if (self->moderate_min != other->moderate_min)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODERATE_MIN]);
  g_ptr_array_unref (self->criteria);
  self->criteria = g_steal_pointer (&criteria);
  self->strong_min = other->strong_min;
  self->moderate_min = other->moderate_min;
  emit_changed (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Scoring */

double
abm_icp_score (AbmIcp     *self,
               AbmAccount *account)
{
  double matched = 0;
  gboolean must_have_failed = FALSE;
  double score;

  g_return_val_if_fail (ABM_IS_ICP (self), -1);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), -1);

  if (self->criteria->len == 0)
    return -1;

  for (guint i = 0; i < self->criteria->len; i++)
    {
      const Criterion *c = self->criteria->pdata[i];

      if (criterion_matches (c, account, NULL, NULL))
        matched += c->weight;
      else if (c->must_have)
        must_have_failed = TRUE;
    }

  score = round (matched / self->total_weight * 1000) / 10;
  if (must_have_failed)
    score = MIN (score, self->moderate_min - 1.0);
  return score;
}

void
abm_icp_score_all (AbmIcp     *self,
                   GListModel *accounts)
{
  guint n;

  g_return_if_fail (ABM_IS_ICP (self));
  g_return_if_fail (G_IS_LIST_MODEL (accounts));

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      abm_account_set_fit_score (account, abm_icp_score (self, account));
    }
}

void
abm_icp_explanation_free (AbmIcpExplanation *explanation)
{
  if (explanation == NULL)
    return;
  g_free (explanation->description);
  g_free (explanation->account_value);
  g_free (explanation);
}

static char *
dup_account_value (const Criterion *c,
                   AbmAccount      *account,
                   const char      *hit,
                   gsize            hit_len)
{
  switch (c->kind)
    {
    case ABM_ICP_INDUSTRY:
      return g_strdup (abm_account_get_industry (account));
    case ABM_ICP_COUNTRY:
      return g_strdup (abm_account_get_country (account));
    case ABM_ICP_EMPLOYEES:
      {
        gint64 employees = abm_account_get_employees (account);
        return employees >= 0 ? format_amount (c->kind, (double) employees) : NULL;
      }
    case ABM_ICP_REVENUE:
      {
        double revenue = abm_account_get_annual_revenue (account);
        return revenue >= 0 ? format_amount (c->kind, revenue) : NULL;
      }
    case ABM_ICP_TECHNOLOGY:
    case ABM_ICP_COMPETITOR:
      return hit ? g_strndup (hit, hit_len) : g_strdup (abm_account_get_technologies (account));
    case ABM_ICP_INTENT:
      return hit ? g_strndup (hit, hit_len) : g_strdup (abm_account_get_intent_topics (account));
    case ABM_ICP_CUSTOM:
      return g_strdup (abm_account_get_custom (account, c->field));
    case ABM_ICP_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

GPtrArray *
abm_icp_explain (AbmIcp     *self,
                 AbmAccount *account)
{
  GPtrArray *lines;

  g_return_val_if_fail (ABM_IS_ICP (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  lines = g_ptr_array_new_full (self->criteria->len, (GDestroyNotify) abm_icp_explanation_free);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      const Criterion *c = self->criteria->pdata[i];
      AbmIcpExplanation *line = g_new0 (AbmIcpExplanation, 1);
      const char *hit = NULL;
      gsize hit_len = 0;

      line->index = i;
      line->kind = c->kind;
      line->description = criterion_describe (c);
      line->weight = c->weight;
      line->must_have = c->must_have;
      line->matched = criterion_matches (c, account, &hit, &hit_len);
      line->points = line->matched ? 100 * c->weight / self->total_weight : 0;
      line->must_have_failed = c->must_have && !line->matched;
      line->account_value = dup_account_value (c, account, hit, hit_len);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

/* The explanation as a few lines of text, for the CLI and tooltips:
 * every number in it can be recomputed from the lines above it. */
char *
abm_icp_explain_text (AbmIcp     *self,
                      AbmAccount *account)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *matched_text = NULL;
  g_autofree char *total_text = NULL;
  double score, matched = 0;
  gboolean failed = FALSE;

  g_return_val_if_fail (ABM_IS_ICP (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  if (self->criteria->len == 0)
    return g_strdup (_("The profile has no criteria yet, so accounts are not scored."));

  score = abm_icp_score (self, account);
  lines = abm_icp_explain (self, account);
  out = g_string_new (NULL);

  g_string_append_printf (out, _("Fit score %.1f of 100 (%s)"),
                          score, abm_icp_band_label (abm_icp_band (self, score)));
  g_string_append_c (out, '\n');

  for (guint i = 0; i < lines->len; i++)
    {
      const AbmIcpExplanation *line = lines->pdata[i];
      g_autofree char *weight = format_weight (line->weight);
      const char *value = line->account_value ? line->account_value : _("unknown");

      if (line->matched)
        {
          matched += line->weight;
          g_string_append_printf (out, _("  [x] %s — weight %s, %.1f points (account: %s)"),
                                  line->description, weight, line->points, value);
        }
      else if (line->must_have)
        {
          failed = TRUE;
          g_string_append_printf (out, _("  [ ] %s — weight %s, must have, not met (account: %s)"),
                                  line->description, weight, value);
        }
      else
        g_string_append_printf (out, _("  [ ] %s — weight %s, not met (account: %s)"),
                                line->description, weight, value);
      g_string_append_c (out, '\n');
    }

  matched_text = format_weight (matched);
  total_text = format_weight (self->total_weight);
  g_string_append_printf (out, _("Matched weight %s of %s: 100 × %s ÷ %s = %.1f"),
                          matched_text, total_text, matched_text, total_text,
                          round (matched / self->total_weight * 1000) / 10);
  if (failed && score < round (matched / self->total_weight * 1000) / 10)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("A must-have criterion is not met, so the score is "
                                     "capped at %u, below the moderate band."),
                              self->moderate_min - 1);
    }
  else if (failed)
    {
      g_string_append_c (out, '\n');
      g_string_append (out, _("A must-have criterion is not met, so the account stays "
                              "in the weak band."));
    }
  g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The profile as text, for the CLI. */
char *
abm_icp_to_text (AbmIcp *self)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (ABM_IS_ICP (self), NULL);

  out = g_string_new (NULL);
  if (self->criteria->len == 0)
    g_string_append (out, _("No criteria yet: accounts are not scored."));
  else
    {
      g_autofree char *total = format_weight (self->total_weight);

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u criterion, total weight %s",
                                                "%u criteria, total weight %s",
                                                self->criteria->len),
                              self->criteria->len, total);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->criteria->len; i++)
    {
      const Criterion *c = self->criteria->pdata[i];
      g_autofree char *description = criterion_describe (c);
      g_autofree char *weight = format_weight (c->weight);

      if (c->must_have)
        g_string_append_printf (out, _("%3u. %s — weight %s, must have"), i + 1, description, weight);
      else
        g_string_append_printf (out, _("%3u. %s — weight %s"), i + 1, description, weight);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, _("Bands: strong %u–100, moderate %u–%u, weak below %u"),
                          self->strong_min, self->moderate_min, self->strong_min - 1,
                          self->moderate_min);
  g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* JSON */

static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (value < 0)
    json_builder_add_null_value (builder);
  else if (value == floor (value) && value <= ABM_ICP_MAX_BOUND)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

char *
abm_icp_to_json (AbmIcp *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_ICP (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ICP_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ICP_VERSION);

  json_builder_set_member_name (builder, "bands");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "strong-min");
  json_builder_add_int_value (builder, self->strong_min);
  json_builder_set_member_name (builder, "moderate-min");
  json_builder_add_int_value (builder, self->moderate_min);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->criteria->len; i++)
    {
      const Criterion *c = self->criteria->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kinds[c->kind].key);
      if (c->field != NULL)
        {
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, c->field);
        }
      if (abm_icp_kind_is_range (c->kind))
        {
          json_builder_set_member_name (builder, "min");
          add_number (builder, c->min);
          json_builder_set_member_name (builder, "max");
          add_number (builder, c->max);
        }
      else
        {
          json_builder_set_member_name (builder, "values");
          json_builder_begin_array (builder);
          for (guint j = 0; c->values[j] != NULL; j++)
            json_builder_add_string_value (builder, c->values[j]);
          json_builder_end_array (builder);
        }
      json_builder_set_member_name (builder, "weight");
      add_number (builder, c->weight);
      json_builder_set_member_name (builder, "must-have");
      json_builder_add_boolean_value (builder, c->must_have);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
check_depth (const char  *json,
             gsize        len,
             GError     **error)
{
  if (abm_json_depth_ok (json, len, MAX_JSON_DEPTH))
    return TRUE;
  g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                       _("The profile is nested too deeply"));
  return FALSE;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_VALUE
         && json_node_get_value_type (node) == type;
}

static gboolean
node_get_number (JsonNode *node,
                 double   *out)
{
  if (node_is (node, G_TYPE_INT64))
    *out = (double) json_node_get_int (node);
  else if (node_is (node, G_TYPE_DOUBLE))
    *out = json_node_get_double (node);
  else
    return FALSE;
  return isfinite (*out);
}

/* A range bound: absent or null is open, else a number of at least 0. */
static gboolean
read_bound (JsonObject  *object,
            const char  *name,
            double      *bound,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *bound = ABM_ICP_OPEN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!node_get_number (node, bound) || *bound < 0 || *bound > ABM_ICP_MAX_BOUND)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("“%s” must be a number from 0 to %g, or null"), name, ABM_ICP_MAX_BOUND);
      return FALSE;
    }
  return TRUE;
}

static Criterion *
read_criterion (JsonNode  *node,
                GError   **error)
{
  Criterion *c;
  JsonObject *object;
  JsonNode *member;
  AbmIcpKind kind;
  double weight = 1;
  gboolean must_have = FALSE;
  double min = ABM_ICP_OPEN, max = ABM_ICP_OPEN;
  char **values = NULL;
  g_autofree char *field = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("it is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "kind");
  if (!node_is (member, G_TYPE_STRING))
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("“kind” is missing or not text"));
      return NULL;
    }
  if (!abm_icp_kind_from_key (json_node_get_string (member), &kind))
    {
      const char *text = json_node_get_string (member);

      /* Name the kind only when it is short, printable text. */
      if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= 40)
        g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                     _("unknown kind “%s”"), text);
      else
        g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                             _("unknown kind"));
      return NULL;
    }

  if (kind == ABM_ICP_CUSTOM)
    {
      member = json_object_get_member (object, "field");
      if (!node_is (member, G_TYPE_STRING))
        {
          g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                               _("“field” is missing or not text"));
          return NULL;
        }
      field = normalize_field (json_node_get_string (member), error);
      if (field == NULL)
        return NULL;
    }

  member = json_object_get_member (object, "weight");
  if (member == NULL || !node_get_number (member, &weight))
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("“weight” must be a number above 0 and at most %g"), ABM_ICP_MAX_WEIGHT);
      return NULL;
    }
  if (!check_weight (weight, error))
    return NULL;

  member = json_object_get_member (object, "must-have");
  if (member != NULL)
    {
      if (!node_is (member, G_TYPE_BOOLEAN))
        {
          g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                               _("“must-have” must be true or false"));
          return NULL;
        }
      must_have = json_node_get_boolean (member);
    }

  if (abm_icp_kind_is_range (kind))
    {
      if (!read_bound (object, "min", &min, error) || !read_bound (object, "max", &max, error)
          || !normalize_range (kind, &min, &max, error))
        return NULL;
    }
  else
    {
      JsonArray *array;
      g_autofree const char **strings = NULL;
      guint n;

      member = json_object_get_member (object, "values");
      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                               _("“values” must be a list of text"));
          return NULL;
        }
      array = json_node_get_array (member);
      n = json_array_get_length (array);
      if (n > ABM_ICP_MAX_VALUES)
        {
          g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                       _("A criterion can hold at most %u values"), ABM_ICP_MAX_VALUES);
          return NULL;
        }
      strings = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_is (element, G_TYPE_STRING))
            {
              g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                                   _("“values” must be a list of text"));
              return NULL;
            }
          strings[i] = json_node_get_string (element);
        }
      values = normalize_values (kind, strings, n, error);
      if (values == NULL)
        return NULL;
    }

  c = criterion_new (kind);
  c->field = g_steal_pointer (&field);
  c->weight = weight;
  c->must_have = must_have;
  c->min = min;
  c->max = max;
  if (values != NULL)
    {
      g_strfreev (c->values);
      c->values = values;
      criterion_prepare (c);
    }
  return c;
}

static gboolean
read_bands (AbmIcp      *self,
            JsonObject  *root,
            GError     **error)
{
  JsonNode *node = json_object_get_member (root, "bands");
  JsonObject *object;
  gint64 values[2] = { self->strong_min, self->moderate_min };
  const char *names[2] = { "strong-min", "moderate-min" };

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("“bands” must be a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (node);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *member = json_object_get_member (object, names[i]);

      if (member == NULL)
        continue;
      if (!node_is (member, G_TYPE_INT64)
          || json_node_get_int (member) < 1 || json_node_get_int (member) > 100)
        {
          g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                       _("“%s” must be a whole number from 1 to 100"), names[i]);
          return FALSE;
        }
      values[i] = json_node_get_int (member);
    }

  if (!check_bands ((guint) values[1], (guint) values[0], error))
    return FALSE;
  self->strong_min = (guint) values[0];
  self->moderate_min = (guint) values[1];
  return TRUE;
}

/* Reads a profile written by abm_icp_to_json(), or by anyone: the input is
 * checked member by member, and whatever is wrong is named. Members this
 * version does not know are ignored. */
AbmIcp *
abm_icp_new_from_json (const char  *json,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AbmIcp) self = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *member;
  JsonArray *criteria;
  guint n;

  g_return_val_if_fail (json != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("The profile is empty"));
      return NULL;
    }
  if (len > ABM_ICP_MAX_JSON_SIZE)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("The profile is too large (more than %u MB)"),
                   ABM_ICP_MAX_JSON_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!check_depth (json, len, error))
    return NULL;

  parser = json_parser_new ();
  if (!abm_json_load (parser, json, (gssize) len, &local_error))
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("The profile is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("The profile is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  member = json_object_get_member (object, "format");
  if (!node_is (member, G_TYPE_STRING) || strcmp (json_node_get_string (member), ICP_FORMAT) != 0)
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("This is not an ideal customer profile file"));
      return NULL;
    }

  member = json_object_get_member (object, "version");
  if (!node_is (member, G_TYPE_INT64) || json_node_get_int (member) < 1)
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("The profile has no valid version number"));
      return NULL;
    }
  if (json_node_get_int (member) > ICP_VERSION)
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_NEWER_VERSION,
                           _("The profile was written by a newer version of ABM Planner"));
      return NULL;
    }

  self = abm_icp_new ();
  if (!read_bands (self, object, error))
    return NULL;

  member = json_object_get_member (object, "criteria");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("“criteria” must be a list"));
      return NULL;
    }
  criteria = json_node_get_array (member);
  n = json_array_get_length (criteria);
  if (n > ABM_ICP_MAX_CRITERIA)
    {
      g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                   _("A profile can hold at most %u criteria"), ABM_ICP_MAX_CRITERIA);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      Criterion *c = read_criterion (json_array_get_element (criteria, i), &local_error);

      if (c == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Criterion %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (self->criteria, c);
    }

  emit_changed (self);
  return g_steal_pointer (&self);
}

/* Learn from customers */

void
abm_icp_suggestion_free (AbmIcpSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->value);
  g_free (suggestion->field);
  g_free (suggestion->label);
  g_free (suggestion);
}

/* The lift, rounded, from 1 to 10: twice as common among customers is
 * worth twice the weight of an ordinary criterion. */
double
abm_icp_suggestion_weight (const AbmIcpSuggestion *suggestion)
{
  g_return_val_if_fail (suggestion != NULL, 1);
  return CLAMP (round (suggestion->lift), 1, 10);
}

typedef struct {
  char  *display;              /* the first spelling seen */
  guint  all_with;
  guint  customers_with;
  guint  last_account;         /* 1 + index of the last account counted */
} Tally;

static void
tally_free (gpointer data)
{
  Tally *t = data;

  g_free (t->display);
  g_free (t);
}

#define N_BUCKETS 4

/* Bucket i holds values from bounds[i - 1] up to just below bounds[i]. */
static const double employee_bounds[N_BUCKETS - 1] = { 200, 1000, 5000 };
static const double revenue_bounds[N_BUCKETS - 1] = { 1e7, 1e8, 1e9 };
static const char *const employee_labels[N_BUCKETS] = {
  N_("Employees under 200"),
  N_("Employees 200–999"),
  N_("Employees 1,000–4,999"),
  N_("Employees 5,000 or more"),
};
static const char *const revenue_labels[N_BUCKETS] = {
  N_("Annual revenue under 10M"),
  N_("Annual revenue 10M–100M"),
  N_("Annual revenue 100M–1B"),
  N_("Annual revenue 1B or more"),
};

static guint
bucket_of (const double *bounds,
           double        value)
{
  guint i = 0;

  while (i < N_BUCKETS - 1 && value >= bounds[i])
    i++;
  return i;
}

static void
count_value (GHashTable *table,
             const char *text,
             gsize       len,
             guint       account_no,
             gboolean    customer)
{
  char buf[FOLD_SIZE + 1];
  gssize n;
  Tally *t;

  /* What could not become a criterion is not worth suggesting. */
  if (len == 0 || len > ABM_ICP_MAX_VALUE_LENGTH || memchr (text, ';', len) != NULL)
    return;
  n = fold_into (text, len, buf, FOLD_SIZE);
  if (n < 0)
    return;
  buf[n] = '\0';

  t = g_hash_table_lookup (table, buf);
  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      t->display = g_strndup (text, len);
      g_hash_table_insert (table, g_strdup (buf), t);
    }
  /* A list that names a value twice counts once. */
  if (t->last_account == account_no)
    return;
  t->last_account = account_no;
  t->all_with++;
  if (customer)
    t->customers_with++;
}

static void
count_list (GHashTable *table,
            const char *list,
            guint       account_no,
            gboolean    customer)
{
  const char *p = list;

  for (;;)
    {
      const char *end = strstr (p, "; ");
      gsize n = end ? (gsize) (end - p) : strlen (p);

      count_value (table, p, n, account_no, customer);
      if (end == NULL)
        return;
      p = end + 2;
    }
}

static AbmIcpSuggestion *
suggestion_new (AbmIcpKind kind,
                guint      customers_with,
                guint      customers_total,
                guint      all_with,
                guint      all_total)
{
  AbmIcpSuggestion *s = g_new0 (AbmIcpSuggestion, 1);

  s->kind = kind;
  s->min = ABM_ICP_OPEN;
  s->max = ABM_ICP_OPEN;
  s->customers_with = customers_with;
  s->customers_total = customers_total;
  s->all_with = all_with;
  s->all_total = all_total;
  s->lift = ((double) customers_with / customers_total) / ((double) all_with / all_total);
  return s;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const AbmIcpSuggestion *sa = *(AbmIcpSuggestion **) a;
  const AbmIcpSuggestion *sb = *(AbmIcpSuggestion **) b;

  if (sa->lift != sb->lift)
    return sa->lift > sb->lift ? -1 : 1;
  if (sa->customers_with != sb->customers_with)
    return sa->customers_with > sb->customers_with ? -1 : 1;
  if (sa->kind != sb->kind)
    return sa->kind < sb->kind ? -1 : 1;
  if (sa->min != sb->min)
    return sa->min < sb->min ? -1 : 1;
  if (g_strcmp0 (sa->field, sb->field) != 0)
    return g_strcmp0 (sa->field, sb->field);
  return g_strcmp0 (sa->value, sb->value);
}

/* The values of one custom field, and how many accounts have it. */
typedef struct {
  GHashTable *values;          /* folded value → Tally */
  guint       all_known;
  guint       customers_known;
} CustomTally;

static void
custom_tally_free (gpointer data)
{
  CustomTally *t = data;

  g_hash_table_unref (t->values);
  g_free (t);
}

/* A list with a hostile number of distinct custom fields learns from the
 * first ones only. */
#define MAX_LEARNED_FIELDS (2 * ABM_ACCOUNT_MAX_CUSTOM)

static void
count_custom (GHashTable *fields,
              AbmAccount *account,
              guint       account_no,
              gboolean    customer)
{
  const char *const *pairs = abm_account_get_custom_pairs (account);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    {
      CustomTally *t = g_hash_table_lookup (fields, pairs[i]);

      if (t == NULL)
        {
          if (g_hash_table_size (fields) >= MAX_LEARNED_FIELDS)
            continue;
          t = g_new0 (CustomTally, 1);
          t->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tally_free);
          g_hash_table_insert (fields, g_strdup (pairs[i]), t);
        }
      t->all_known++;
      t->customers_known += customer;
      count_value (t->values, pairs[i + 1], strlen (pairs[i + 1]), account_no, customer);
    }
}

/* For each industry, country, technology, intent topic, custom field value
 * and size bucket: how much more common it is among won customers (stage "customer") than
 * in the whole list. Each attribute counts only the accounts where it is
 * known, so missing data neither helps nor hurts a value. */
GPtrArray *
abm_icp_learn (GListModel  *accounts,
               GHashTable  *won,
               guint        min_customers,
               GError     **error)
{
  static const AbmIcpKind text_kinds[] = {
    ABM_ICP_INDUSTRY, ABM_ICP_COUNTRY, ABM_ICP_TECHNOLOGY, ABM_ICP_INTENT,
  };
  GHashTable *tables[ABM_ICP_N_KINDS] = { NULL };
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, custom_tally_free);
  Tally buckets[2][N_BUCKETS] = { { { NULL } } };
  guint all_known[ABM_ICP_N_KINDS] = { 0 };
  guint customers_known[ABM_ICP_N_KINDS] = { 0 };
  guint n_customers = 0;
  GPtrArray *suggestions;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  min_customers = MAX (min_customers, 1);

  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    tables[text_kinds[k]] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tally_free);

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = abm_account_get_id (account);
      gboolean customer = g_strcmp0 (abm_account_get_stage (account), "customer") == 0
                          || (won != NULL && g_hash_table_contains (won, &id));
      const char *texts[ABM_ICP_N_KINDS] = { NULL };
      double numbers[2];

      n_customers += customer;

      texts[ABM_ICP_INDUSTRY] = abm_account_get_industry (account);
      texts[ABM_ICP_COUNTRY] = abm_account_get_country (account);
      texts[ABM_ICP_TECHNOLOGY] = abm_account_get_technologies (account);
      texts[ABM_ICP_INTENT] = abm_account_get_intent_topics (account);
      for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
        {
          AbmIcpKind kind = text_kinds[k];

          if (texts[kind] == NULL)
            continue;
          all_known[kind]++;
          customers_known[kind] += customer;
          if (kind_is_list (kind))
            count_list (tables[kind], texts[kind], i + 1, customer);
          else
            count_value (tables[kind], texts[kind], strlen (texts[kind]), i + 1, customer);
        }

      count_custom (custom, account, i + 1, customer);

      numbers[0] = (double) abm_account_get_employees (account);
      numbers[1] = abm_account_get_annual_revenue (account);
      for (guint r = 0; r < 2; r++)
        {
          AbmIcpKind kind = r == 0 ? ABM_ICP_EMPLOYEES : ABM_ICP_REVENUE;
          Tally *t;

          if (numbers[r] < 0)
            continue;
          all_known[kind]++;
          customers_known[kind] += customer;
          t = &buckets[r][bucket_of (r == 0 ? employee_bounds : revenue_bounds, numbers[r])];
          t->all_with++;
          t->customers_with += customer;
        }
    }

  if (n_customers == 0)
    {
      for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
        g_hash_table_unref (tables[text_kinds[k]]);
      g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_NO_CUSTOMERS,
                           _("No account is a customer yet. Set the stage of won "
                             "accounts to “customer” to learn from them."));
      return NULL;
    }

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_icp_suggestion_free);

  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    {
      AbmIcpKind kind = text_kinds[k];
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, tables[kind]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Tally *t = value;
          AbmIcpSuggestion *s;

          if (t->customers_with < min_customers)
            continue;
          s = suggestion_new (kind, t->customers_with, customers_known[kind],
                              t->all_with, all_known[kind]);
          s->value = g_strdup (t->display);
          s->label = describe_values (kind, NULL, s->value);
          g_ptr_array_add (suggestions, s);
        }
      g_hash_table_unref (tables[kind]);
    }

  {
    GHashTableIter fields;
    gpointer key, data;

    g_hash_table_iter_init (&fields, custom);
    while (g_hash_table_iter_next (&fields, &key, &data))
      {
        CustomTally *ct = data;
        GHashTableIter iter;
        gpointer value;

        g_hash_table_iter_init (&iter, ct->values);
        while (g_hash_table_iter_next (&iter, NULL, &value))
          {
            Tally *t = value;
            AbmIcpSuggestion *s;

            if (t->customers_with < min_customers)
              continue;
            s = suggestion_new (ABM_ICP_CUSTOM, t->customers_with, ct->customers_known,
                                t->all_with, ct->all_known);
            s->field = g_strdup (key);
            s->value = g_strdup (t->display);
            s->label = describe_values (ABM_ICP_CUSTOM, s->field, s->value);
            g_ptr_array_add (suggestions, s);
          }
      }
  }

  for (guint r = 0; r < 2; r++)
    {
      AbmIcpKind kind = r == 0 ? ABM_ICP_EMPLOYEES : ABM_ICP_REVENUE;
      const double *bounds = r == 0 ? employee_bounds : revenue_bounds;

      for (guint b = 0; b < N_BUCKETS; b++)
        {
          const Tally *t = &buckets[r][b];
          AbmIcpSuggestion *s;

          if (t->customers_with < min_customers)
            continue;
          s = suggestion_new (kind, t->customers_with, customers_known[kind],
                              t->all_with, all_known[kind]);
          s->min = b > 0 ? bounds[b - 1] : ABM_ICP_OPEN;
          /* Just below the next bucket: whole people, or cents. */
          if (b < N_BUCKETS - 1)
            s->max = r == 0 ? bounds[b] - 1 : (bounds[b] * 100 - 1) / 100;
          s->label = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                           r == 0 ? employee_labels[b] : revenue_labels[b]));
          g_ptr_array_add (suggestions, s);
        }
    }

  g_ptr_array_sort (suggestions, compare_suggestions);
  return suggestions;
}

static gboolean
ranges_touch (const Criterion *c,
              double           min,
              double           max)
{
  /* Adjacent buckets (…–4,999 and 5,000–…) touch too. */
  double step = (c->kind == ABM_ICP_EMPLOYEES ? 1 : 0.01) * 1.5;
  double lo_a = c->min < 0 ? -INFINITY : c->min;
  double hi_a = c->max < 0 ? INFINITY : c->max;
  double lo_b = min < 0 ? -INFINITY : min;
  double hi_b = max < 0 ? INFINITY : max;

  return lo_b <= hi_a + step && lo_a <= hi_b + step;
}

/* Turns a suggestion into a criterion weighted by its lift, and returns
 * that criterion's position. So that an account can still reach 100, a
 * suggestion joins a criterion it cannot be matched alongside: another
 * industry or country joins the existing one, and a size bucket widens a
 * range it touches. Technologies and topics, which an account can have
 * several of, each get their own criterion. */
int
abm_icp_add_suggestion (AbmIcp                 *self,
                        const AbmIcpSuggestion *suggestion,
                        GError                **error)
{
  double weight;
  Criterion *c;

  g_return_val_if_fail (ABM_IS_ICP (self), -1);
  g_return_val_if_fail (suggestion != NULL, -1);
  g_return_val_if_fail (suggestion->kind < ABM_ICP_N_KINDS, -1);

  weight = abm_icp_suggestion_weight (suggestion);

  if (abm_icp_kind_is_range (suggestion->kind))
    {
      double min = suggestion->min, max = suggestion->max;

      if (!normalize_range (suggestion->kind, &min, &max, error))
        return -1;

      for (guint i = 0; i < self->criteria->len; i++)
        {
          c = self->criteria->pdata[i];
          if (c->kind != suggestion->kind || !ranges_touch (c, min, max))
            continue;
          c->min = c->min < 0 || min < 0 ? ABM_ICP_OPEN : MIN (c->min, min);
          c->max = c->max < 0 || max < 0 ? ABM_ICP_OPEN : MAX (c->max, max);
          c->weight = MAX (c->weight, weight);
          emit_changed (self);
          return i;
        }

      if (!check_room (self, error))
        return -1;
      c = criterion_new (suggestion->kind);
      c->min = min;
      c->max = max;
      c->weight = weight;
      return append_criterion (self, c);
    }
  else
    {
      const char *one[] = { suggestion->value, NULL };
      g_auto(GStrv) values = normalize_values (suggestion->kind, one, 1, error);
      gboolean joins = suggestion->kind == ABM_ICP_INDUSTRY || suggestion->kind == ABM_ICP_COUNTRY
                       || suggestion->kind == ABM_ICP_CUSTOM;
      g_autofree char *field = NULL;
      int join = -1;

      if (suggestion->kind == ABM_ICP_CUSTOM)
        {
          field = normalize_field (suggestion->field, error);
          if (field == NULL)
            return -1;
        }

      if (values == NULL)
        return -1;
      if (values[0] == NULL)
        {
          g_set_error_literal (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                               _("The suggestion has no value"));
          return -1;
        }

      for (guint i = 0; i < self->criteria->len; i++)
        {
          c = self->criteria->pdata[i];
          if (c->kind != suggestion->kind || g_strcmp0 (c->field, field) != 0)
            continue;
          if (criterion_has (c, values[0], strlen (values[0])))
            return i;
          if (joins && join < 0)
            join = i;
        }

      if (join >= 0)
        {
          GStrvBuilder *builder;

          c = self->criteria->pdata[join];
          if (c->n_values >= ABM_ICP_MAX_VALUES)
            {
              g_set_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("A criterion can hold at most %u values"), ABM_ICP_MAX_VALUES);
              return -1;
            }
          builder = g_strv_builder_new ();
          g_strv_builder_addv (builder, (const char **) c->values);
          g_strv_builder_add (builder, values[0]);
          g_strfreev (c->values);
          c->values = g_strv_builder_end (builder);
          g_strv_builder_unref (builder);
          criterion_prepare (c);
          c->weight = MAX (c->weight, weight);
          emit_changed (self);
          return join;
        }

      if (!check_room (self, error))
        return -1;
      c = criterion_new (suggestion->kind);
      c->field = g_steal_pointer (&field);
      g_strfreev (c->values);
      c->values = g_steal_pointer (&values);
      criterion_prepare (c);
      c->weight = weight;
      return append_criterion (self, c);
    }
}
