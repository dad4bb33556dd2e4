/* abm-tiering.c: priorities, tier suggestions, capacity and clusters
 *
 * An account's priority is the weighted mean of three parts, each 0–100:
 *
 *   ICP fit        its fit score (unscored counts 0);
 *   ACV potential  the share of the other accounts with a known ACV that
 *                  it beats (ties count half), so one giant does not
 *                  flatten the rest;
 *   intent         the intent topics it shows: one 33, two 67, three or
 *                  more 100;
 *
 * rounded to one decimal. Suggesting tiers sorts the accounts that are not
 * locked by priority (then fit, ACV, and id, so ties always fall the same
 * way) and fills Tier 1, 2 and 3 in turn: a "top N" tier takes the next N
 * less those locked into it, a threshold tier every remaining account at
 * or above its minimum. What is left is not tiered. Each step can be told
 * back to the user, which abm_tier_plan_explain() does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abm-tiering.h"

typedef enum {
  PLACED_LOCKED,
  PLACED_TOP_N,
  PLACED_THRESHOLD,
  PLACED_BELOW,
} Placement;

struct _AbmTierPlan
{
  AbmTierRules *rules;
  GListModel   *accounts;
  guint         n;
  AbmAccount  **items;          /* references: the list may change */
  AbmPriority  *priorities;
  double       *acv;            /* by position, -1 unknown: for sorting */
  gint64       *ids;
  double       *acv_sorted;     /* known ACVs, ascending */
  guint         n_acv;
  guint8       *tiers;
  guint8       *placed;         /* Placement */
  guint        *rank;           /* 1-based among the unlocked, by priority */
  guint         counts[4];
  guint         changes;
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The share of the other known ACVs below @value, ties counting half:
 * the biggest is 100, the smallest 0. */
static double
acv_percentile (const double *sorted,
                guint         n,
                double        value)
{
  guint lo = 0, hi = n, below, equal;

  if (n == 0 || value < 0)
    return 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (sorted[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  below = lo;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (sorted[mid] <= value)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Itself is among the equal ones, and not beaten. */
  equal = lo - below - 1;
  return n > 1 ? 100.0 * (below + 0.5 * equal) / (n - 1) : 100.0;
}

static guint
count_list_items (const char *list)
{
  guint n = 0;

  if (list == NULL || *list == '\0')
    return 0;
  for (const char *p = list; (p = strstr (p, "; ")) != NULL; p += 2)
    n++;
  return n + 1;
}

static void
compute_priority (AbmTierPlan *plan,
                  AbmAccount  *account,
                  AbmPriority *out)
{
  double fit = abm_account_get_fit_score (account);
  double total = 0, sum = 0;

  out->parts[ABM_PRIORITY_FIT] = fit < 0 ? 0 : fit;
  out->parts[ABM_PRIORITY_ACV] = acv_percentile (plan->acv_sorted, plan->n_acv,
                                                 abm_account_get_acv_potential (account));
  out->parts[ABM_PRIORITY_INTENT] =
    100.0 * MIN (count_list_items (abm_account_get_intent_topics (account)), 3) / 3.0;

  for (guint p = 0; p < ABM_PRIORITY_N_PARTS; p++)
    {
      double w = abm_tier_rules_get_weight (plan->rules, p);
      total += w;
      sum += w * out->parts[p];
    }
  out->priority = total > 0 ? sum / total : out->parts[ABM_PRIORITY_FIT];
  out->priority = round (out->priority * 10) / 10;
}

/* Highest priority first; then fit, ACV and id, so that equal accounts
 * are always ordered the same way. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  AbmTierPlan *plan = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const AbmPriority *pi = &plan->priorities[i], *pj = &plan->priorities[j];
  double acv_i, acv_j;
  gint64 id_i, id_j;

  if (pi->priority != pj->priority)
    return pi->priority > pj->priority ? -1 : 1;
  if (pi->parts[ABM_PRIORITY_FIT] != pj->parts[ABM_PRIORITY_FIT])
    return pi->parts[ABM_PRIORITY_FIT] > pj->parts[ABM_PRIORITY_FIT] ? -1 : 1;
  acv_i = plan->acv[i];
  acv_j = plan->acv[j];
  if (acv_i != acv_j)
    return acv_i > acv_j ? -1 : 1;
  id_i = plan->ids[i];
  id_j = plan->ids[j];
  if (id_i != id_j)
    return id_i < id_j ? -1 : 1;
  return (i > j) - (i < j);
}

AbmTierPlan *
abm_tier_plan_new (AbmTierRules *rules,
                   GListModel   *accounts)
{
  AbmTierPlan *plan;
  g_autofree guint *candidates = NULL;
  guint n_candidates = 0;
  guint locked[4] = { 0 };
  guint next = 0;

  g_return_val_if_fail (ABM_IS_TIER_RULES (rules), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  plan = g_new0 (AbmTierPlan, 1);
  plan->rules = g_object_ref (rules);
  plan->accounts = g_object_ref (accounts);
  plan->n = g_list_model_get_n_items (accounts);
  plan->items = g_new (AbmAccount *, plan->n);
  plan->priorities = g_new (AbmPriority, plan->n);
  plan->acv_sorted = g_new (double, plan->n + 1);
  plan->acv = g_new (double, plan->n + 1);
  plan->ids = g_new (gint64, plan->n + 1);
  plan->tiers = g_new0 (guint8, plan->n);
  plan->placed = g_new0 (guint8, plan->n);
  plan->rank = g_new0 (guint, plan->n);
  candidates = g_new (guint, plan->n + 1);

  for (guint i = 0; i < plan->n; i++)
    {
      AbmAccount *account = g_list_model_get_item (accounts, i);
      double acv = abm_account_get_acv_potential (account);

      plan->items[i] = account;
      plan->acv[i] = acv;
      plan->ids[i] = abm_account_get_id (account);
      if (acv >= 0)
        plan->acv_sorted[plan->n_acv++] = acv;
    }
  qsort (plan->acv_sorted, plan->n_acv, sizeof (double), compare_doubles);

  for (guint i = 0; i < plan->n; i++)
    {
      AbmAccount *account = plan->items[i];

      compute_priority (plan, account, &plan->priorities[i]);
      if (abm_account_get_tier_locked (account))
        {
          plan->tiers[i] = (guint8) abm_account_get_tier (account);
          plan->placed[i] = PLACED_LOCKED;
          locked[plan->tiers[i]]++;
        }
      else
        candidates[n_candidates++] = i;
    }

  g_qsort_with_data (candidates, (gint) n_candidates, sizeof (guint), compare_candidates, plan);
  for (guint c = 0; c < n_candidates; c++)
    {
      plan->rank[candidates[c]] = c + 1;
      plan->placed[candidates[c]] = PLACED_BELOW;
    }

  for (guint tier = 1; tier <= 3; tier++)
    {
      double value = abm_tier_rules_get_value (rules, tier);

      if (abm_tier_rules_get_mode (rules, tier) == ABM_TIER_TOP_N)
        {
          guint want = (guint) value > locked[tier] ? (guint) value - locked[tier] : 0;

          for (guint k = 0; k < want && next < n_candidates; k++, next++)
            {
              plan->tiers[candidates[next]] = tier;
              plan->placed[candidates[next]] = PLACED_TOP_N;
            }
        }
      else
        {
          for (; next < n_candidates && plan->priorities[candidates[next]].priority >= value; next++)
            {
              plan->tiers[candidates[next]] = tier;
              plan->placed[candidates[next]] = PLACED_THRESHOLD;
            }
        }
    }

  for (guint i = 0; i < plan->n; i++)
    {
      plan->counts[plan->tiers[i]]++;
      if (plan->tiers[i] != abm_account_get_tier (plan->items[i]))
        plan->changes++;
    }
  return plan;
}

void
abm_tier_plan_free (AbmTierPlan *plan)
{
  if (plan == NULL)
    return;
  g_object_unref (plan->rules);
  g_object_unref (plan->accounts);
  for (guint i = 0; i < plan->n; i++)
    g_object_unref (plan->items[i]);
  g_free (plan->items);
  g_free (plan->priorities);
  g_free (plan->acv_sorted);
  g_free (plan->acv);
  g_free (plan->ids);
  g_free (plan->tiers);
  g_free (plan->placed);
  g_free (plan->rank);
  g_free (plan);
}

guint
abm_tier_plan_get_n_accounts (AbmTierPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->n;
}

AbmAccount *
abm_tier_plan_get_account (AbmTierPlan *plan,
                           guint        position)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (position < plan->n, NULL);
  return plan->items[position];
}

guint
abm_tier_plan_get_tier (AbmTierPlan *plan,
                        guint        position)
{
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (position < plan->n, 0);
  return plan->tiers[position];
}

const AbmPriority *
abm_tier_plan_get_priority (AbmTierPlan *plan,
                            guint        position)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (position < plan->n, NULL);
  return &plan->priorities[position];
}

guint
abm_tier_plan_count (AbmTierPlan *plan,
                     guint        tier)
{
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (tier <= 3, 0);
  return plan->counts[tier];
}

guint
abm_tier_plan_count_changes (AbmTierPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->changes;
}


/* Why the rules place the account where they do. */
static char *
placement_text (AbmTierPlan *plan,
                guint        position)
{
  guint tier = plan->tiers[position];
  AbmTierRules *rules = plan->rules;
  double priority = plan->priorities[position].priority;
  guint rank = plan->rank[position];

  switch (plan->placed[position])
    {
    case PLACED_TOP_N:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Tier %u takes the %u account with the highest priority not in a tier above; this one is number %u.",
                                           "Tier %u takes the %u accounts with the highest priority not in a tier above; this one is number %u.",
                                           (gulong) abm_tier_rules_get_value (rules, tier)),
                              tier, (guint) abm_tier_rules_get_value (rules, tier), rank);
    case PLACED_THRESHOLD:
      return g_strdup_printf (_("Tier %u takes every remaining account with priority %g or more; this one has %.1f."),
                              tier, abm_tier_rules_get_value (rules, tier), priority);
    case PLACED_BELOW:
      if (abm_tier_rules_get_mode (rules, 3) == ABM_TIER_THRESHOLD)
        return g_strdup_printf (_("Not tiered: its priority %.1f is below Tier 3’s minimum of %g."),
                                priority, abm_tier_rules_get_value (rules, 3));
      return g_strdup_printf (_("Not tiered: it is number %u by priority, after the accounts the three tiers take."),
                              rank);
    case PLACED_LOCKED:
    default:
      return NULL;
    }
}

char *
abm_tier_plan_explain (AbmTierPlan *plan,
                       guint        position)
{
  const AbmPriority *p;
  AbmAccount *account;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *placement = NULL;
  guint tier_now;
  double total = 0;
  guint intent_topics;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (position < plan->n, NULL);

  p = &plan->priorities[position];
  account = plan->items[position];
  tier_now = abm_account_get_tier (account);
  for (guint i = 0; i < ABM_PRIORITY_N_PARTS; i++)
    total += abm_tier_rules_get_weight (plan->rules, i);
  intent_topics = count_list_items (abm_account_get_intent_topics (account));

  g_string_append_printf (text, _("Priority %.1f: ICP fit %.0f, ACV potential %.0f (higher than %.0f%% of the list), intent %.0f (%u of 3 topics)"),
                          p->priority, p->parts[ABM_PRIORITY_FIT], p->parts[ABM_PRIORITY_ACV],
                          p->parts[ABM_PRIORITY_ACV], p->parts[ABM_PRIORITY_INTENT],
                          MIN (intent_topics, 3));
  if (total > 0)
    g_string_append_printf (text, _(", weighted %.0f / %.0f / %.0f."),
                            100 * abm_tier_rules_get_weight (plan->rules, ABM_PRIORITY_FIT) / total,
                            100 * abm_tier_rules_get_weight (plan->rules, ABM_PRIORITY_ACV) / total,
                            100 * abm_tier_rules_get_weight (plan->rules, ABM_PRIORITY_INTENT) / total);
  else
    g_string_append_c (text, '.');
  g_string_append_c (text, ' ');

  if (plan->placed[position] == PLACED_LOCKED)
    {
      if (tier_now == 0)
        g_string_append (text, _("Locked as not tiered: suggestions leave it alone."));
      else
        g_string_append_printf (text, _("Locked at Tier %u: suggestions leave it alone."), tier_now);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  placement = placement_text (plan, position);
  if (tier_now == plan->tiers[position])
    g_string_append (text, placement);
  else if (tier_now == 0)
    g_string_append_printf (text, _("Not tiered now; the rules suggest Tier %u. %s"),
                            plan->tiers[position], placement);
  else if (plan->tiers[position] == 0)
    g_string_append_printf (text, _("Set to Tier %u by hand; the rules would not tier it. %s"),
                            tier_now, placement);
  else
    g_string_append_printf (text, _("Set to Tier %u by hand; the rules suggest Tier %u. %s"),
                            tier_now, plan->tiers[position], placement);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Summary, capacity and notes */

double
abm_tier_stats_fit_average (const AbmTierStats *stats)
{
  g_return_val_if_fail (stats != NULL, -1);
  return stats->fit_count > 0 ? stats->fit_sum / stats->fit_count : -1;
}

static void
stats_add (AbmTierStats *stats,
           AbmAccount   *account)
{
  double acv = abm_account_get_acv_potential (account);
  double fit = abm_account_get_fit_score (account);

  stats->count++;
  if (acv >= 0)
    stats->acv_total += acv;
  if (fit >= 0)
    {
      stats->fit_sum += fit;
      stats->fit_count++;
    }
  if (abm_account_get_tier_locked (account))
    stats->locked++;
}

void
abm_tier_summary_compute (AbmTierSummary *summary,
                          GListModel     *accounts,
                          AbmTierRules   *rules)
{
  guint n;
  double min_acv;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (accounts));
  g_return_if_fail (ABM_IS_TIER_RULES (rules));

  memset (summary, 0, sizeof *summary);
  min_acv = abm_tier_rules_get_min_acv (rules);
  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      guint tier = abm_account_get_tier (account);
      double acv = abm_account_get_acv_potential (account);

      stats_add (&summary->tiers[tier], account);
      if ((tier == 1 || tier == 2) && acv >= 0 && acv < min_acv)
        summary->below_min_acv++;
      if (tier == 2 && abm_account_get_cluster_id (account) == 0)
        summary->unclustered_tier2++;
    }
}

GHashTable *
abm_tier_cluster_stats (GListModel *accounts)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), table);

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = abm_account_get_cluster_id (account);
      AbmTierStats *stats;

      if (id == 0)
        continue;
      stats = g_hash_table_lookup (table, &id);
      if (stats == NULL)
        {
          stats = g_new0 (AbmTierStats, 1);
          g_hash_table_insert (table, g_memdup2 (&id, sizeof id), stats);
        }
      stats_add (stats, account);
    }
  return table;
}

double
abm_tier_per_ae (const AbmTierSummary *summary,
                 AbmTierRules         *rules,
                 guint                 tier)
{
  guint aes;

  g_return_val_if_fail (summary != NULL, -1);
  g_return_val_if_fail (tier >= 1 && tier <= 3, -1);

  aes = abm_tier_rules_get_aes (rules);
  return aes > 0 ? (double) summary->tiers[tier].count / aes : -1;
}

void
abm_tier_note_free (AbmTierNote *note)
{
  if (note == NULL)
    return;
  g_free (note->text);
  g_free (note);
}

static void
add_note (GPtrArray        *notes,
          AbmTierNoteLevel  level,
          char             *text)
{
  AbmTierNote *note = g_new0 (AbmTierNote, 1);

  note->level = level;
  note->text = text;
  g_ptr_array_add (notes, note);
}

/* "25 000 EUR": digits grouped by a narrow no-break space, as the app
 * shows amounts. */
static char *
format_money (double      amount,
              const char *currency)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", round (amount));
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, "\u202F");
      g_string_append_c (out, digits[i]);
    }
  if (currency != NULL)
    g_string_append_printf (out, " %s", currency);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const AbmTierNote *x = *(AbmTierNote **) a, *y = *(AbmTierNote **) b;

  return (int) y->level - (int) x->level;
}

/* The guidance: 1:1 at 10–20 accounts per account executive, 1:few at
 * 10–15, and rarely more than 30 accounts in Tier 1 at all. */
#define TIER1_MAX_ACCOUNTS 30
#define TIER1_PER_AE_MIN   10
#define TIER1_PER_AE_MAX   20
#define TIER2_PER_AE_MAX   15

GPtrArray *
abm_tier_summary_notes (const AbmTierSummary *summary,
                        AbmTierRules         *rules,
                        const char           *currency)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_tier_note_free);
  guint aes, t1, t2;

  g_return_val_if_fail (summary != NULL, notes);
  g_return_val_if_fail (ABM_IS_TIER_RULES (rules), notes);

  aes = abm_tier_rules_get_aes (rules);
  t1 = summary->tiers[1].count;
  t2 = summary->tiers[2].count;

  if (t1 > TIER1_MAX_ACCOUNTS)
    add_note (notes, ABM_TIER_NOTE_WARNING,
              g_strdup_printf (_("Tier 1 has %u accounts. One-to-one programs rarely work beyond %u: "
                                 "move the weakest to Tier 2."), t1, TIER1_MAX_ACCOUNTS));

  if (aes > 0)
    {
      double per_ae_1 = (double) t1 / aes, per_ae_2 = (double) t2 / aes;

      if (per_ae_1 > TIER1_PER_AE_MAX)
        add_note (notes, ABM_TIER_NOTE_WARNING,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Tier 1 is over capacity: %u accounts for %u account executive is %.1f each, above the %u–%u one person can work one-to-one. Add people or move accounts to Tier 2.",
                                                "Tier 1 is over capacity: %u accounts for %u account executives is %.1f each, above the %u–%u one person can work one-to-one. Add people or move accounts to Tier 2.",
                                                aes),
                                   t1, aes, per_ae_1, TIER1_PER_AE_MIN, TIER1_PER_AE_MAX));
      else if (t1 > 0 && per_ae_1 < TIER1_PER_AE_MIN)
        add_note (notes, ABM_TIER_NOTE_INFO,
                  g_strdup_printf (_("Tier 1 has room: %.1f accounts per account executive, "
                                     "where one-to-one works at %u–%u."),
                                   per_ae_1, TIER1_PER_AE_MIN, TIER1_PER_AE_MAX));
      if (per_ae_2 > TIER2_PER_AE_MAX)
        add_note (notes, ABM_TIER_NOTE_WARNING,
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Tier 2 is over capacity: %u accounts for %u account executive is %.1f each, above the 10–%u that one-to-few allows. Add people or move accounts to Tier 3.",
                                                "Tier 2 is over capacity: %u accounts for %u account executives is %.1f each, above the 10–%u that one-to-few allows. Add people or move accounts to Tier 3.",
                                                aes),
                                   t2, aes, per_ae_2, TIER2_PER_AE_MAX));
    }
  else if (t1 + t2 > 0)
    add_note (notes, ABM_TIER_NOTE_INFO,
              g_strdup (_("Enter your team to check whether it can work Tier 1 and Tier 2.")));

  if (summary->below_min_acv > 0)
    {
      g_autofree char *min = format_money (abm_tier_rules_get_min_acv (rules), currency);

      add_note (notes, ABM_TIER_NOTE_WARNING,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u account in Tier 1 or 2 has an ACV potential below %s; at that deal size one-to-one and one-to-few programs rarely pay back. Move it to Tier 3.",
                                              "%u accounts in Tier 1 or 2 have an ACV potential below %s; at that deal size one-to-one and one-to-few programs rarely pay back. Move them to Tier 3.",
                                              summary->below_min_acv),
                                 summary->below_min_acv, min));
    }

  if (summary->unclustered_tier2 > 0)
    add_note (notes, ABM_TIER_NOTE_INFO,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u Tier 2 account is in no cluster; Suggest Clusters groups Tier 2 by what its accounts share.",
                                            "%u Tier 2 accounts are in no cluster; Suggest Clusters groups Tier 2 by what its accounts share.",
                                            summary->unclustered_tier2),
                               summary->unclustered_tier2));

  g_ptr_array_sort (notes, compare_notes);
  return notes;
}

/* Clusters */

void
abm_cluster_proposal_free (AbmClusterProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->name);
  g_free (proposal->note);
  g_free (proposal->attribute);
  g_ptr_array_unref (proposal->accounts);
  g_free (proposal);
}

/* An attribute is "i\tBanking", "t\tSalesforce" or "c\tUse Case\tFraud":
 * kind first, so industry wins a tie over technology and custom fields. */
static void
each_attribute (AbmAccount *account,
                void      (*func) (const char *attribute, gpointer data),
                gpointer    data)
{
  const char *industry = abm_account_get_industry (account);
  const char *tech = abm_account_get_technologies (account);
  const char *const *custom = abm_account_get_custom_pairs (account);

  if (industry != NULL)
    {
      g_autofree char *a = g_strconcat ("i\t", industry, NULL);
      func (a, data);
    }
  if (tech != NULL)
    {
      g_auto(GStrv) items = g_strsplit (tech, "; ", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_autofree char *a = g_strconcat ("t\t", items[i], NULL);
          func (a, data);
        }
    }
  for (guint i = 0; custom != NULL && custom[i] != NULL; i += 2)
    {
      g_autofree char *a = g_strconcat ("c\t", custom[i], "\t", custom[i + 1], NULL);
      func (a, data);
    }
}

static void
count_attribute (const char *attribute,
                 gpointer    data)
{
  GHashTable *counts = data;
  gpointer old = g_hash_table_lookup (counts, attribute);

  g_hash_table_insert (counts, g_strdup (attribute), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

typedef struct {
  const char *wanted;
  gboolean    found;
} HasAttribute;

static void
match_attribute (const char *attribute,
                 gpointer    data)
{
  HasAttribute *has = data;

  has->found |= strcmp (attribute, has->wanted) == 0;
}

static gboolean
has_attribute (AbmAccount *account,
               const char *attribute)
{
  HasAttribute has = { attribute, FALSE };

  each_attribute (account, match_attribute, &has);
  return has.found;
}

static void
describe_attribute (const char  *attribute,
                    char       **name,
                    char       **description)
{
  g_auto(GStrv) parts = g_strsplit (attribute, "\t", 3);

  switch (parts[0][0])
    {
    case 'i':
      *name = g_strdup (parts[1]);
      *description = g_strdup_printf (_("Industry is %s"), parts[1]);
      break;
    case 't':
      /* Translators: a cluster of accounts that use a technology */
      *name = g_strdup_printf (_("%s users"), parts[1]);
      *description = g_strdup_printf (_("Uses %s"), parts[1]);
      break;
    default:
      /* Translators: a custom field and its value, "Use Case: Fraud" */
      *name = g_strdup_printf (_("%s: %s"), parts[1], parts[2]);
      *description = g_strdup_printf (_("%s is %s"), parts[1], parts[2]);
      break;
    }
}

/* The values of @field most common among @accounts, "A, B". */
static char *
most_common (GPtrArray       *accounts,
             AbmAccountField  field,
             const char      *skip,
             guint            max)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < accounts->len; i++)
    {
      const char *text = abm_account_peek_text (accounts->pdata[i], field);
      g_auto(GStrv) items = text ? g_strsplit (text, "; ", -1) : NULL;

      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        if (g_strcmp0 (items[j], skip) != 0)
          count_attribute (items[j], counts);
    }

  for (guint k = 0; k < max; k++)
    {
      GHashTableIter iter;
      gpointer key, value;
      const char *best = NULL;
      guint best_count = 1;  /* shared by at least two */

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (value) > best_count
            || (GPOINTER_TO_UINT (value) == best_count && best != NULL && strcmp (key, best) < 0))
          {
            best = key;
            best_count = GPOINTER_TO_UINT (value);
          }
      if (best == NULL)
        break;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, best);
      g_hash_table_remove (counts, best);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* A starting point for the cluster's messaging: what its accounts share. */
static char *
cluster_note (const char *description,
              GPtrArray  *accounts,
              const char *attribute)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autofree char *countries = most_common (accounts, ABM_ACCOUNT_FIELD_COUNTRY, NULL, 2);
  g_autofree char *tech = most_common (accounts, ABM_ACCOUNT_FIELD_TECHNOLOGIES,
                                       attribute[0] == 't' ? attribute + 2 : NULL, 3);
  g_autofree char *topics = most_common (accounts, ABM_ACCOUNT_FIELD_INTENT_TOPICS, NULL, 2);

  g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, "%u account. %s.", "%u accounts. %s.",
                                             accounts->len),
                          accounts->len, description);
  if (countries != NULL)
    g_string_append_printf (note, _(" Mostly in %s."), countries);
  if (tech != NULL)
    g_string_append_printf (note, _(" Common stack: %s."), tech);
  if (topics != NULL)
    g_string_append_printf (note, _(" Researching %s: lead with that."), topics);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* Industry, then custom fields (a use case), then technology. */
static int
kind_rank (const char *attribute)
{
  return attribute[0] == 'i' ? 0 : attribute[0] == 'c' ? 1 : 2;
}

/* Shared by more than this share of the accounts: not distinctive. */
#define COMMON_PERCENT 60

static int
compare_proposals (gconstpointer a,
                   gconstpointer b)
{
  const AbmClusterProposal *x = *(AbmClusterProposal **) a, *y = *(AbmClusterProposal **) b;

  return (int) y->accounts->len - (int) x->accounts->len;
}

GPtrArray *
abm_suggest_clusters (GListModel *accounts)
{
  GPtrArray *proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_cluster_proposal_free);
  g_autoptr(GPtrArray) remaining = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), proposals);

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      if (abm_account_get_tier (account) == 2 && abm_account_get_cluster_id (account) == 0)
        g_ptr_array_add (remaining, g_steal_pointer (&account));
    }

  for (;;)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      GHashTableIter iter;
      gpointer key, value;
      const char *best = NULL;
      guint best_count = 0;
      guint n_chunks;

      for (guint i = 0; i < remaining->len; i++)
        each_attribute (remaining->pdata[i], count_attribute, counts);
      /* What nearly every account has (a segment, a common tool) does not
       * tell them apart: such attributes come last. */
      for (guint pass = 0; pass < 2 && (best == NULL || best_count < ABM_CLUSTER_MIN_SIZE); pass++)
        {
          best = NULL;
          best_count = 0;
          g_hash_table_iter_init (&iter, counts);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              guint count = GPOINTER_TO_UINT (value);

              if (count < ABM_CLUSTER_MIN_SIZE
                  || (pass == 0 && remaining->len > 2 * ABM_CLUSTER_MAX_SIZE
                      && count * 100 > remaining->len * COMMON_PERCENT))
                continue;
              /* Vertical first: industry is the line along which a
               * one-to-few message is usually written; what industries
               * leave over groups by a use case or a technology. */
              if (best == NULL || kind_rank (key) < kind_rank (best)
                  || (kind_rank (key) == kind_rank (best)
                      && (count > best_count || (count == best_count && strcmp (key, best) < 0))))
                {
                  best = key;
                  best_count = count;
                }
            }
        }
      if (best == NULL || best_count < ABM_CLUSTER_MIN_SIZE)
        break;

      for (guint i = 0; i < remaining->len; i++)
        g_ptr_array_add (has_attribute (remaining->pdata[i], best) ? members : rest,
                         g_object_ref (remaining->pdata[i]));
      g_ptr_array_unref (remaining);
      remaining = g_steal_pointer (&rest);

      /* Big groups split evenly into clusters of at most the maximum. */
      describe_attribute (best, &name, &description);
      n_chunks = (members->len + ABM_CLUSTER_MAX_SIZE - 1) / ABM_CLUSTER_MAX_SIZE;
      for (guint c = 0, start = 0; c < n_chunks; c++)
        {
          guint size = members->len / n_chunks + (c < members->len % n_chunks ? 1 : 0);
          AbmClusterProposal *proposal = g_new0 (AbmClusterProposal, 1);

          proposal->accounts = g_ptr_array_new_with_free_func (g_object_unref);
          for (guint k = start; k < start + size; k++)
            g_ptr_array_add (proposal->accounts, g_object_ref (members->pdata[k]));
          start += size;
          proposal->name = n_chunks > 1
                           /* Translators: the second of several clusters of one kind, "Banking 2" */
                           ? g_strdup_printf (_("%s %u"), name, c + 1)
                           : g_strdup (name);
          proposal->attribute = g_strdup (description);
          proposal->note = cluster_note (description, proposal->accounts, best);
          g_ptr_array_add (proposals, proposal);
        }
    }

  g_ptr_array_sort (proposals, compare_proposals);
  return proposals;
}
