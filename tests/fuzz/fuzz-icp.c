/* fuzz-icp.c: libFuzzer harness for the JSON the workspace stores and reads
 *
 * Every input goes to the ideal customer profile's reader (ICP files from
 * anyone, and the profile stored in a workspace) and then to the other
 * settings a workspace keeps as JSON: engagement, coverage and tier rules,
 * the whitespace map, the play templates and the readiness answers. What
 * a reader accepts must write out as JSON that reads back to the same
 * JSON, and a profile must score accounts within 0–100 (or -1, no
 * criteria).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abm-coverage.h"
#include "abm-engagement.h"
#include "abm-icp.h"
#include "abm-play-template.h"
#include "abm-readiness.h"
#include "abm-sample.h"
#include "abm-tier-rules.h"
#include "abm-whitespace.h"
#include "fuzz-common.h"

static GListModel *accounts;

static void
same_or_die (const char *what,
             const char *first,
             const char *again)
{
  if (g_strcmp0 (first, again) != 0)
    {
      g_printerr ("fuzz: %s does not read back as written:\n%s\n%s\n", what, first, again ? again : "(refused)");
      abort ();
    }
}

static void
check_error (const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0'
      || !g_utf8_validate (error->message, -1, NULL))
    abort ();
}

static void
setup (void)
{
  g_autoptr(GPtrArray) sample = abm_sample_accounts (4, 11);
  GListStore *store = g_list_store_new (ABM_TYPE_ACCOUNT);
  g_autoptr(AbmAccount) empty = abm_account_new ();

  fuzz_fatal_logging ();
  g_list_store_splice (store, 0, 0, sample->pdata, sample->len);
  abm_account_set_field_text (empty, ABM_ACCOUNT_FIELD_NAME, "Empty", NULL);
  g_list_store_append (store, empty);
  accounts = G_LIST_MODEL (store);
}

static void
fuzz_icp (const char *json,
          gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmIcp) icp = abm_icp_new_from_json (json, len, &error);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AbmIcp) again = NULL;
  g_autofree char *out_again = NULL;
  guint n;

  if (icp == NULL)
    {
      check_error (error);
      return;
    }
  out = abm_icp_to_json (icp);
  again = abm_icp_new_from_json (out, strlen (out), &error);
  if (again != NULL)
    out_again = abm_icp_to_json (again);
  same_or_die ("the profile", out, out_again);

  text = abm_icp_to_text (icp);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    abort ();
  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(GPtrArray) explained = abm_icp_explain (icp, account);
      g_autofree char *why = abm_icp_explain_text (icp, account);
      double score = abm_icp_score (icp, account);

      if (!isfinite (score) || (score != -1 && (score < 0 || score > 100)))
        {
          g_printerr ("fuzz: a score of %g\n", score);
          abort ();
        }
      abm_icp_band (icp, score);
    }
}

#define ROUND_TRIP(what, type, new_from_json, to_json, json)            \
  G_STMT_START {                                                        \
    g_autoptr(GError) error_ = NULL;                                    \
    g_autoptr(type) first_ = new_from_json (json, &error_);             \
                                                                        \
    if (first_ == NULL)                                                 \
      check_error (error_);                                             \
    else                                                                \
      {                                                                 \
        g_autofree char *out_ = to_json (first_);                       \
        g_autoptr(type) again_ = new_from_json (out_, &error_);         \
        g_autofree char *out_again_ = again_ ? to_json (again_) : NULL; \
                                                                        \
        same_or_die (what, out_, out_again_);                           \
      }                                                                 \
  } G_STMT_END

static AbmPlayTemplate *
tier_1_template_new_from_json (const char  *json,
                               GError     **error)
{
  return abm_play_template_new_from_json (ABM_PLAY_TEMPLATE_TIER_1, json, error);
}

static AbmPlayTemplate *
cluster_template_new_from_json (const char  *json,
                                GError     **error)
{
  return abm_play_template_new_from_json (ABM_PLAY_TEMPLATE_CLUSTER, json, error);
}

static void
fuzz_readiness (const char *json)
{
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autoptr(AbmReadiness) again = abm_readiness_new ();
  g_autofree char *out = NULL;
  g_autofree char *out_again = NULL;
  g_autofree char *summary = NULL;

  if (!abm_readiness_load_json (readiness, json, -1))
    return;
  out = abm_readiness_to_json (readiness);
  if (!abm_readiness_load_json (again, out, -1))
    abort ();
  out_again = abm_readiness_to_json (again);
  same_or_die ("the readiness answers", out, out_again);
  summary = abm_readiness_dup_summary (readiness);
  abm_readiness_get_outcome (readiness);
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *json = g_strndup ((const char *) data, size);

  if (accounts == NULL)
    setup ();

  /* The profile reader takes a length; the others, a string. */
  fuzz_icp ((const char *) data, size);
  ROUND_TRIP ("the engagement rules", AbmEngagementRules, abm_engagement_rules_new_from_json,
              abm_engagement_rules_to_json, json);
  ROUND_TRIP ("the coverage rules", AbmCoverageRules, abm_coverage_rules_new_from_json,
              abm_coverage_rules_to_json, json);
  ROUND_TRIP ("the tier rules", AbmTierRules, abm_tier_rules_new_from_json,
              abm_tier_rules_to_json, json);
  ROUND_TRIP ("the whitespace map", AbmWhitespace, abm_whitespace_new_from_json,
              abm_whitespace_to_json, json);
  ROUND_TRIP ("the Tier 1 play template", AbmPlayTemplate, tier_1_template_new_from_json,
              abm_play_template_to_json, json);
  ROUND_TRIP ("the cluster play template", AbmPlayTemplate, cluster_template_new_from_json,
              abm_play_template_to_json, json);
  fuzz_readiness (json);
  return 0;
}
