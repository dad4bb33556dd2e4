/* abm-readiness.c: whether account-based marketing will pay for a program
 *
 * ABM spends research, tailored content and sales time on each named
 * account. That pays when a deal is large, takes months and is decided by
 * several people; and it works when the market can be listed, sales and
 * marketing work one list, and someone can make the tailored content. The
 * user answers each condition; the model turns the answers into an outcome
 * and, for each "no" or "not sure", what to do about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "abm-json.h"
#include "abm-readiness.h"

#define READINESS_FORMAT   "abm-readiness"
#define READINESS_VERSION  1
/* The document is an object of answers: two levels. */
#define MAX_JSON_DEPTH     4

static const struct {
  const char *key;
  const char *label;
  const char *question;
  const char *why;
  const char *if_no;
  const char *if_unsure;
  gboolean    decides;
} conditions[ABM_READINESS_N_CONDITIONS] = {
  [ABM_READINESS_ACV] = {
    "acv",
    N_("Deal size"),
    N_("Is a typical deal worth enough a year to pay for account-level work?"),
    N_("ABM spends research, tailored content and sales time on each account; that is earned back only when one "
       "deal is worth tens of thousands a year."),
    N_("Keep to programmatic 1:many ABM (Tier 3), where the cost per account is low, or raise the deal size: "
       "target larger accounts, sell bundles or multi-year contracts, so that one win pays for the work."),
    N_("Take the closed-won deals of the last 12 months from your CRM and compare their median annual value "
       "with your minimum ACV; the ACV potential of your accounts is a first hint."),
    TRUE,
  },
  [ABM_READINESS_SALES_CYCLE] = {
    "sales-cycle",
    N_("Sales cycle"),
    N_("Does a typical deal take three months or more from first meeting to signature?"),
    N_("A long cycle gives marketing the time to warm up the whole account before and during the deal; a short "
       "one leaves little to influence."),
    N_("Lead-based demand generation will likely pay better: short, transactional sales reward volume and speed. "
       "Keep account-level work for the few large deals that do run long."),
    N_("Measure the days from a new opportunity to its close for the deals you won this year; if the median is "
       "under 90 days, take the answer as “No”."),
    TRUE,
  },
  [ABM_READINESS_BUYING_COMMITTEE] = {
    "buying-committee",
    N_("Buying committee"),
    N_("Do several people decide on a purchase together?"),
    N_("ABM reaches everyone who shapes the decision: the economic buyer, the champion, evaluators, users and "
       "procurement. When one person decides, a lead-based campaign reaches them as well."),
    N_("Market to the role that decides with lead-based campaigns and direct sales outreach; mapping committees "
       "would add cost without reaching anyone new."),
    N_("Ask your account executives who took part in the last five deals you won: three or more roles from "
       "different departments make a buying committee."),
    TRUE,
  },
  [ABM_READINESS_FINITE_MARKET] = {
    "finite-market",
    N_("Nameable market"),
    N_("Can you name the accounts you want to win, in a list of at most a few thousand?"),
    N_("ABM works on named accounts. A market of countless small buyers cannot be listed, tiered and researched "
       "one by one."),
    N_("Narrow the market to a slice you can name: the industry, region or size band where your best customers "
       "are. Build the list there and leave the rest to demand generation."),
    N_("Count the companies that match your ideal customer profile in your CRM or a data provider; a list of a "
       "few thousand or fewer can be named."),
    FALSE,
  },
  [ABM_READINESS_SHARED_LIST] = {
    "shared-list",
    N_("Shared list"),
    N_("Do sales and marketing work from one agreed list of target accounts?"),
    N_("ABM is a joint effort: plays, outreach and results all hang on the same named accounts. Two lists mean "
       "two programs and no one to own an account."),
    N_("Agree the target list with sales before anything else: review the tiers with each account executive, give "
       "every Tier 1 and Tier 2 account an owner, and review the list together every week."),
    N_("Show the target list to your sales leader and ask which accounts they would drop or add; the answer "
       "shows how far apart the two lists are."),
    FALSE,
  },
  [ABM_READINESS_CONTENT_CAPACITY] = {
    "content-capacity",
    N_("Content capacity"),
    N_("Can your team make content tailored to an account or an industry?"),
    N_("Plays need account research, tailored messages and assets. Without the people to make them, ABM turns "
       "into generic campaigns sent to a short list."),
    N_("Start small: Tier 3 plays that reuse industry content, and only the few Tier 1 accounts you can truly "
       "serve 1:1. Grow Tier 2 as the capacity grows."),
    N_("Estimate the hours one tailored account plan and its assets take, and the hours your team can spare each "
       "month: the ratio is the number of Tier 1 accounts you can run."),
    FALSE,
  },
};

static const struct {
  const char *key;
  const char *label;
} answers[ABM_READINESS_N_ANSWERS] = {
  [ABM_READINESS_UNANSWERED] = { "unanswered", N_("Not answered") },
  [ABM_READINESS_YES]        = { "yes",        N_("Yes") },
  [ABM_READINESS_NO]         = { "no",         N_("No") },
  [ABM_READINESS_UNSURE]     = { "unsure",     N_("Not sure") },
};

static const struct {
  const char *key;
  const char *headline;
} outcomes[] = {
  [ABM_READINESS_OUTCOME_UNANSWERED] = { "unanswered", N_("Not Answered Yet") },
  [ABM_READINESS_OUTCOME_FITS]       = { "fits",       N_("ABM Fits") },
  [ABM_READINESS_OUTCOME_GAPS]       = { "gaps",       N_("ABM Fits, With Gaps") },
  [ABM_READINESS_OUTCOME_NOT_YET]    = { "not-yet",    N_("Not a Fit Yet") },
};

struct _AbmReadiness
{
  GObject             parent_instance;

  AbmReadinessAnswer  answers[ABM_READINESS_N_CONDITIONS];
};

G_DEFINE_FINAL_TYPE (AbmReadiness, abm_readiness, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OUTCOME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
abm_readiness_condition_key (AbmReadinessCondition condition)
{
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, NULL);
  return conditions[condition].key;
}

static const char *
condition_key_at (guint index)
{
  return conditions[index].key;
}

static const char *
answer_key_at (guint index)
{
  return answers[index].key;
}

/* The index of @key among the @n keys of a table, or -1. */
static int
index_of_key (const char  *key,
              const char *(*key_at) (guint index),
              guint        n)
{
  for (guint i = 0; key != NULL && i < n; i++)
    {
      if (strcmp (key_at (i), key) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
abm_readiness_condition_from_key (const char            *key,
                                  AbmReadinessCondition *condition)
{
  int index = index_of_key (key, condition_key_at, ABM_READINESS_N_CONDITIONS);

  if (index < 0)
    return FALSE;
  *condition = index;
  return TRUE;
}

const char *
abm_readiness_condition_label (AbmReadinessCondition condition)
{
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, NULL);
  return _(conditions[condition].label);
}

const char *
abm_readiness_condition_question (AbmReadinessCondition condition)
{
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, NULL);
  return _(conditions[condition].question);
}

const char *
abm_readiness_condition_why (AbmReadinessCondition condition)
{
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, NULL);
  return _(conditions[condition].why);
}

const char *
abm_readiness_condition_advice (AbmReadinessCondition condition,
                                AbmReadinessAnswer    answer)
{
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, NULL);

  if (answer == ABM_READINESS_NO)
    return _(conditions[condition].if_no);
  if (answer == ABM_READINESS_UNSURE)
    return _(conditions[condition].if_unsure);
  return NULL;
}

const char *
abm_readiness_advice_heading (AbmReadinessAnswer answer)
{
  if (answer == ABM_READINESS_NO)
    return _("What to do");
  if (answer == ABM_READINESS_UNSURE)
    return _("How to find out");
  return NULL;
}

gboolean
abm_readiness_condition_decides (AbmReadinessCondition condition)
{
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, FALSE);
  return conditions[condition].decides;
}

const char *
abm_readiness_answer_key (AbmReadinessAnswer answer)
{
  g_return_val_if_fail (answer < ABM_READINESS_N_ANSWERS, NULL);
  return answers[answer].key;
}

gboolean
abm_readiness_answer_from_key (const char         *key,
                               AbmReadinessAnswer *answer)
{
  int index = index_of_key (key, answer_key_at, ABM_READINESS_N_ANSWERS);

  if (index < 0)
    return FALSE;
  *answer = index;
  return TRUE;
}

const char *
abm_readiness_answer_label (AbmReadinessAnswer answer)
{
  g_return_val_if_fail (answer < ABM_READINESS_N_ANSWERS, NULL);
  return _(answers[answer].label);
}

const char *
abm_readiness_outcome_key (AbmReadinessOutcome outcome)
{
  g_return_val_if_fail (outcome < G_N_ELEMENTS (outcomes), NULL);
  return outcomes[outcome].key;
}

const char *
abm_readiness_outcome_headline (AbmReadinessOutcome outcome)
{
  g_return_val_if_fail (outcome < G_N_ELEMENTS (outcomes), NULL);
  return _(outcomes[outcome].headline);
}

AbmReadiness *
abm_readiness_new (void)
{
  return g_object_new (ABM_TYPE_READINESS, NULL);
}

AbmReadinessAnswer
abm_readiness_get_answer (AbmReadiness          *self,
                          AbmReadinessCondition  condition)
{
  g_return_val_if_fail (ABM_IS_READINESS (self), ABM_READINESS_UNANSWERED);
  g_return_val_if_fail (condition < ABM_READINESS_N_CONDITIONS, ABM_READINESS_UNANSWERED);
  return self->answers[condition];
}

/* Takes all the answers at once, so that a load announces one change. */
static void
set_answers (AbmReadiness             *self,
             const AbmReadinessAnswer  values[ABM_READINESS_N_CONDITIONS])
{
  AbmReadinessOutcome before = abm_readiness_get_outcome (self);

  if (memcmp (self->answers, values, sizeof self->answers) == 0)
    return;
  memcpy (self->answers, values, sizeof self->answers);
  g_signal_emit (self, signals[CHANGED], 0);
  if (abm_readiness_get_outcome (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
}

void
abm_readiness_set_answer (AbmReadiness          *self,
                          AbmReadinessCondition  condition,
                          AbmReadinessAnswer     answer)
{
  AbmReadinessAnswer values[ABM_READINESS_N_CONDITIONS];

  g_return_if_fail (ABM_IS_READINESS (self));
  g_return_if_fail (condition < ABM_READINESS_N_CONDITIONS);
  g_return_if_fail (answer < ABM_READINESS_N_ANSWERS);

  memcpy (values, self->answers, sizeof values);
  values[condition] = answer;
  set_answers (self, values);
}

guint
abm_readiness_count (AbmReadiness       *self,
                     AbmReadinessAnswer  answer)
{
  guint n = 0;

  g_return_val_if_fail (ABM_IS_READINESS (self), 0);

  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    n += self->answers[i] == answer;
  return n;
}

AbmReadinessOutcome
abm_readiness_get_outcome (AbmReadiness *self)
{
  g_return_val_if_fail (ABM_IS_READINESS (self), ABM_READINESS_OUTCOME_UNANSWERED);

  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      if (conditions[i].decides && self->answers[i] == ABM_READINESS_NO)
        return ABM_READINESS_OUTCOME_NOT_YET;
    }
  if (abm_readiness_count (self, ABM_READINESS_UNANSWERED) > 0)
    return ABM_READINESS_OUTCOME_UNANSWERED;
  if (abm_readiness_count (self, ABM_READINESS_YES) == ABM_READINESS_N_CONDITIONS)
    return ABM_READINESS_OUTCOME_FITS;
  return ABM_READINESS_OUTCOME_GAPS;
}

char *
abm_readiness_dup_summary (AbmReadiness *self)
{
  guint n;

  g_return_val_if_fail (ABM_IS_READINESS (self), NULL);

  switch (abm_readiness_get_outcome (self))
    {
    case ABM_READINESS_OUTCOME_UNANSWERED:
      n = abm_readiness_count (self, ABM_READINESS_UNANSWERED);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u question is still open: answer it to see whether "
                                           "account-based marketing will pay for this program.",
                                           "%u questions are still open: answer them to see whether "
                                           "account-based marketing will pay for this program.", n), n);
    case ABM_READINESS_OUTCOME_FITS:
      return g_strdup (_("Your deals are large, long and decided by committees, and the team is ready: "
                         "tier the list and plan your Tier 1 accounts."));
    case ABM_READINESS_OUTCOME_GAPS:
      n = abm_readiness_count (self, ABM_READINESS_NO) + abm_readiness_count (self, ABM_READINESS_UNSURE);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Nothing rules ABM out. Close the %u gap below before you "
                                           "scale beyond a pilot.",
                                           "Nothing rules ABM out. Close the %u gaps below before you "
                                           "scale beyond a pilot.", n), n);
    case ABM_READINESS_OUTCOME_NOT_YET:
    default:
      return g_strdup (_("ABM costs more per account than lead-based marketing and pays only for large deals "
                         "with long cycles and buying committees. See what to do under each “No”."));
    }
}

/* JSON */

char *
abm_readiness_to_json (AbmReadiness *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_READINESS (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, READINESS_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, READINESS_VERSION);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      json_builder_set_member_name (builder, conditions[i].key);
      json_builder_add_string_value (builder, answers[self->answers[i]].key);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static AbmReadinessAnswer
read_answer (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  AbmReadinessAnswer answer;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING
      || !abm_readiness_answer_from_key (json_node_get_string (node), &answer))
    return ABM_READINESS_UNANSWERED;
  return answer;
}

gboolean
abm_readiness_load_json (AbmReadiness *self,
                         const char   *json,
                         gssize        len)
{
  AbmReadinessAnswer values[ABM_READINESS_N_CONDITIONS] = { ABM_READINESS_UNANSWERED };
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonNode *member;
  gsize size;

  g_return_val_if_fail (ABM_IS_READINESS (self), FALSE);
  g_return_val_if_fail (json != NULL || len <= 0, FALSE);

  size = json == NULL ? 0 : len < 0 ? strlen (json) : (gsize) len;
  parser = json_parser_new ();
  if (size == 0 || size > ABM_READINESS_MAX_JSON_SIZE
      || !abm_json_depth_ok (json, size, MAX_JSON_DEPTH)
      || !json_parser_load_from_data (parser, json, (gssize) size, NULL))
    goto rejected;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto rejected;
  member = json_object_get_member (json_node_get_object (root), "answers");
  if (member != NULL && !JSON_NODE_HOLDS_OBJECT (member))
    goto rejected;

  for (guint i = 0; member != NULL && i < ABM_READINESS_N_CONDITIONS; i++)
    values[i] = read_answer (json_node_get_object (member), conditions[i].key);
  set_answers (self, values);
  return TRUE;

rejected:
  set_answers (self, values);
  return FALSE;
}

void
abm_readiness_load (AbmReadiness *self,
                    AbmWorkspace *workspace)
{
  g_autofree char *json = NULL;

  g_return_if_fail (ABM_IS_READINESS (self));
  g_return_if_fail (ABM_IS_WORKSPACE (workspace));

  json = abm_workspace_dup_setting (workspace, ABM_READINESS_SETTING);
  if (json != NULL)
    abm_readiness_load_json (self, json, -1);
  else
    {
      AbmReadinessAnswer values[ABM_READINESS_N_CONDITIONS] = { ABM_READINESS_UNANSWERED };
      set_answers (self, values);
    }
}

gboolean
abm_readiness_save (AbmReadiness  *self,
                    AbmWorkspace  *workspace,
                    GError       **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (ABM_IS_READINESS (self), FALSE);
  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), FALSE);

  json = abm_readiness_to_json (self);
  return abm_workspace_set_setting (workspace, ABM_READINESS_SETTING, json, error);
}

/* The ACV hint */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

void
abm_readiness_measure_acv (GListModel      *accounts,
                           double           min_acv,
                           AbmReadinessAcv *acv)
{
  g_autoptr(GArray) known = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (accounts));
  g_return_if_fail (acv != NULL);

  n = g_list_model_get_n_items (accounts);
  *acv = (AbmReadinessAcv) { .median = -1 };

  for (guint i = 0; i < n && !acv->targets_only; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      acv->targets_only = abm_account_get_target (account);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      double value;

      if (acv->targets_only && !abm_account_get_target (account))
        continue;
      acv->n_accounts++;
      value = abm_account_get_acv_potential (account);
      if (value < 0)
        continue;
      g_array_append_val (known, value);
      acv->n_below += value < min_acv;
    }

  acv->n_known = known->len;
  if (known->len == 0)
    return;
  g_array_sort (known, compare_doubles);
  if (known->len % 2 == 1)
    acv->median = g_array_index (known, double, known->len / 2);
  else
    acv->median = (g_array_index (known, double, known->len / 2 - 1)
                   + g_array_index (known, double, known->len / 2)) / 2;
}

static char *
format_money (double      amount,
              const char *currency)
{
  /* Translators: an amount and its ISO currency code, "48,000 EUR" */
  return g_strdup_printf (_("%'.0f %s"), amount, currency);
}

char *
abm_readiness_describe_acv (GListModel *accounts,
                            double      min_acv,
                            const char *currency)
{
  g_autofree char *minimum = NULL;
  g_autofree char *median = NULL;
  g_autofree char *position = NULL;
  g_autofree char *below = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tail = NULL;
  AbmReadinessAcv acv;
  guint unknown;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);
  g_return_val_if_fail (currency != NULL, NULL);

  abm_readiness_measure_acv (accounts, min_acv, &acv);
  minimum = format_money (min_acv, currency);

  if (acv.n_accounts == 0)
    return g_strdup_printf (_("Add accounts with their ACV potential to compare your deal sizes with the "
                              "%s minimum."), minimum);
  if (acv.n_known == 0)
    return g_strdup_printf (acv.targets_only
                            ? _("None of your target accounts has an ACV potential yet: add it to compare "
                                "deal sizes with the %s minimum.")
                            : _("None of your accounts has an ACV potential yet: add it to compare deal "
                                "sizes with the %s minimum."), minimum);

  median = format_money (acv.median, currency);
  if (acv.median > min_acv)
    position = g_strdup_printf (_("above the %s minimum"), minimum);
  else if (acv.median < min_acv)
    position = g_strdup_printf (_("below the %s minimum"), minimum);
  else
    position = g_strdup_printf (_("at the %s minimum"), minimum);
  below = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u is below it", "%u of %u are below it",
                                        acv.n_below),
                           acv.n_below, acv.n_known);

  text = g_strdup_printf (acv.targets_only
                          /* Translators: the median, "above the 25,000 EUR minimum", "12 of 140 are below it" */
                          ? _("Median ACV potential of your target accounts: %s, %s; %s.")
                          : _("Median ACV potential of your accounts (none is marked as a target): %s, %s; %s."),
                          median, position, below);

  unknown = acv.n_accounts - acv.n_known;
  if (unknown == 0)
    return g_steal_pointer (&text);
  tail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u has no ACV potential yet.",
                                       "%u have no ACV potential yet.", unknown), unknown);
  return g_strconcat (text, " ", tail, NULL);
}

static void
abm_readiness_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AbmReadiness *self = ABM_READINESS (object);

  switch (prop_id)
    {
    case PROP_OUTCOME:
      g_value_set_int (value, abm_readiness_get_outcome (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_readiness_class_init (AbmReadinessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = abm_readiness_get_property;

  /* An AbmReadinessOutcome. */
  properties[PROP_OUTCOME] =
    g_param_spec_int ("outcome", NULL, NULL,
                      ABM_READINESS_OUTCOME_UNANSWERED, ABM_READINESS_OUTCOME_NOT_YET,
                      ABM_READINESS_OUTCOME_UNANSWERED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An answer changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_readiness_init (AbmReadiness *self)
{
}
