/* test-readiness.c: the ABM readiness check, its outcome, its storage and
 * the hint that the accounts give on deal size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "abm-readiness.h"

static void
answer_all (AbmReadiness       *readiness,
            AbmReadinessAnswer  answer)
{
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    abm_readiness_set_answer (readiness, i, answer);
}

static void
count_changed (gpointer  object,
               guint    *count)
{
  (*count)++;
}

/* For signals with one argument: "notify", "setting-changed". */
static void
count_with_argument (gpointer  object,
                     gpointer  argument,
                     guint    *count)
{
  (*count)++;
}

static void
test_texts (void)
{
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      AbmReadinessCondition condition;

      g_assert_true (abm_readiness_condition_from_key (abm_readiness_condition_key (i), &condition));
      g_assert_cmpuint (condition, ==, i);
      g_assert_cmpuint (strlen (abm_readiness_condition_label (i)), >, 0);
      g_assert_true (g_str_has_suffix (abm_readiness_condition_question (i), "?"));
      g_assert_cmpuint (strlen (abm_readiness_condition_why (i)), >, 40);
      g_assert_cmpuint (strlen (abm_readiness_condition_advice (i, ABM_READINESS_NO)), >, 40);
      g_assert_cmpuint (strlen (abm_readiness_condition_advice (i, ABM_READINESS_UNSURE)), >, 40);
      g_assert_cmpstr (abm_readiness_condition_advice (i, ABM_READINESS_NO), !=,
                       abm_readiness_condition_advice (i, ABM_READINESS_UNSURE));
      g_assert_null (abm_readiness_condition_advice (i, ABM_READINESS_YES));
      g_assert_null (abm_readiness_advice_heading (ABM_READINESS_YES));
      g_assert_cmpstr (abm_readiness_advice_heading (ABM_READINESS_NO), ==, "What to do");
      g_assert_cmpstr (abm_readiness_advice_heading (ABM_READINESS_UNSURE), ==, "How to find out");
      g_assert_null (abm_readiness_condition_advice (i, ABM_READINESS_UNANSWERED));
    }

  /* The keys are what scripts and stored files use: they never change. */
  g_assert_cmpstr (abm_readiness_condition_key (ABM_READINESS_ACV), ==, "acv");
  g_assert_cmpstr (abm_readiness_condition_key (ABM_READINESS_SALES_CYCLE), ==, "sales-cycle");
  g_assert_cmpstr (abm_readiness_condition_key (ABM_READINESS_BUYING_COMMITTEE), ==, "buying-committee");
  g_assert_cmpstr (abm_readiness_condition_key (ABM_READINESS_FINITE_MARKET), ==, "finite-market");
  g_assert_cmpstr (abm_readiness_condition_key (ABM_READINESS_SHARED_LIST), ==, "shared-list");
  g_assert_cmpstr (abm_readiness_condition_key (ABM_READINESS_CONTENT_CAPACITY), ==, "content-capacity");

  for (guint a = 0; a < ABM_READINESS_N_ANSWERS; a++)
    {
      AbmReadinessAnswer answer;

      g_assert_true (abm_readiness_answer_from_key (abm_readiness_answer_key (a), &answer));
      g_assert_cmpuint (answer, ==, a);
    }
  g_assert_cmpstr (abm_readiness_answer_label (ABM_READINESS_UNSURE), ==, "Not sure");

  {
    AbmReadinessCondition condition = ABM_READINESS_ACV;
    AbmReadinessAnswer answer = ABM_READINESS_YES;

    g_assert_false (abm_readiness_condition_from_key ("ACV", &condition));
    g_assert_false (abm_readiness_condition_from_key (NULL, &condition));
    g_assert_false (abm_readiness_answer_from_key ("maybe", &answer));
    g_assert_cmpuint (condition, ==, ABM_READINESS_ACV);
    g_assert_cmpuint (answer, ==, ABM_READINESS_YES);
  }
}

/* A "no" on the deals decides at once; a "no" on the team is a gap; a
 * "not sure" is a gap anywhere. */
static void
test_outcome (void)
{
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autofree char *summary = NULL;
  guint changed = 0, notified = 0;

  g_signal_connect (readiness, "changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (readiness, "notify::outcome", G_CALLBACK (count_with_argument), &notified);

  g_assert_cmpint (abm_readiness_get_outcome (readiness), ==, ABM_READINESS_OUTCOME_UNANSWERED);
  summary = abm_readiness_dup_summary (readiness);
  g_assert_true (g_str_has_prefix (summary, "6 questions are still open"));
  g_clear_pointer (&summary, g_free);

  abm_readiness_set_answer (readiness, ABM_READINESS_ACV, ABM_READINESS_YES);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 0);
  abm_readiness_set_answer (readiness, ABM_READINESS_ACV, ABM_READINESS_YES);
  g_assert_cmpuint (changed, ==, 1);

  answer_all (readiness, ABM_READINESS_YES);
  g_assert_cmpint (abm_readiness_get_outcome (readiness), ==, ABM_READINESS_OUTCOME_FITS);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (abm_readiness_outcome_key (ABM_READINESS_OUTCOME_FITS), ==, "fits");
  g_assert_cmpstr (abm_readiness_outcome_headline (ABM_READINESS_OUTCOME_FITS), ==, "ABM Fits");

  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      AbmReadinessOutcome expected = abm_readiness_condition_decides (i)
                                     ? ABM_READINESS_OUTCOME_NOT_YET : ABM_READINESS_OUTCOME_GAPS;

      abm_readiness_set_answer (readiness, i, ABM_READINESS_NO);
      g_assert_cmpint (abm_readiness_get_outcome (readiness), ==, expected);
      abm_readiness_set_answer (readiness, i, ABM_READINESS_UNSURE);
      g_assert_cmpint (abm_readiness_get_outcome (readiness), ==, ABM_READINESS_OUTCOME_GAPS);
      abm_readiness_set_answer (readiness, i, ABM_READINESS_YES);
    }
  g_assert_true (abm_readiness_condition_decides (ABM_READINESS_ACV));
  g_assert_true (abm_readiness_condition_decides (ABM_READINESS_SALES_CYCLE));
  g_assert_true (abm_readiness_condition_decides (ABM_READINESS_BUYING_COMMITTEE));
  g_assert_false (abm_readiness_condition_decides (ABM_READINESS_SHARED_LIST));

  abm_readiness_set_answer (readiness, ABM_READINESS_SHARED_LIST, ABM_READINESS_NO);
  abm_readiness_set_answer (readiness, ABM_READINESS_CONTENT_CAPACITY, ABM_READINESS_UNSURE);
  summary = abm_readiness_dup_summary (readiness);
  g_assert_nonnull (strstr (summary, "2 gaps"));
  g_clear_pointer (&summary, g_free);

  /* A deciding "no" needs no other answer; open questions alone are
   * unanswered, whatever has been said already. */
  answer_all (readiness, ABM_READINESS_UNANSWERED);
  abm_readiness_set_answer (readiness, ABM_READINESS_SALES_CYCLE, ABM_READINESS_NO);
  g_assert_cmpint (abm_readiness_get_outcome (readiness), ==, ABM_READINESS_OUTCOME_NOT_YET);
  abm_readiness_set_answer (readiness, ABM_READINESS_SALES_CYCLE, ABM_READINESS_UNSURE);
  abm_readiness_set_answer (readiness, ABM_READINESS_SHARED_LIST, ABM_READINESS_NO);
  g_assert_cmpint (abm_readiness_get_outcome (readiness), ==, ABM_READINESS_OUTCOME_UNANSWERED);
  summary = abm_readiness_dup_summary (readiness);
  g_assert_true (g_str_has_prefix (summary, "4 questions are still open"));
  g_assert_cmpuint (abm_readiness_count (readiness, ABM_READINESS_UNANSWERED), ==, 4);
}

static void
test_json_round_trip (void)
{
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autoptr(AbmReadiness) copy = abm_readiness_new ();
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  abm_readiness_set_answer (readiness, ABM_READINESS_ACV, ABM_READINESS_YES);
  abm_readiness_set_answer (readiness, ABM_READINESS_SALES_CYCLE, ABM_READINESS_NO);
  abm_readiness_set_answer (readiness, ABM_READINESS_SHARED_LIST, ABM_READINESS_UNSURE);

  json = abm_readiness_to_json (readiness);
  g_assert_nonnull (strstr (json, "\"sales-cycle\":\"no\""));
  g_assert_true (abm_readiness_load_json (copy, json, -1));
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    g_assert_cmpint (abm_readiness_get_answer (copy, i), ==, abm_readiness_get_answer (readiness, i));
  again = abm_readiness_to_json (copy);
  g_assert_cmpstr (again, ==, json);

  /* Loading replaces every answer, those it does not name included. */
  g_assert_true (abm_readiness_load_json (copy, "{\"answers\": {\"acv\": \"no\"}}", -1));
  g_assert_cmpint (abm_readiness_get_answer (copy, ABM_READINESS_ACV), ==, ABM_READINESS_NO);
  g_assert_cmpint (abm_readiness_get_answer (copy, ABM_READINESS_SALES_CYCLE), ==, ABM_READINESS_UNANSWERED);
}

/* Stored JSON may come from anyone: take what is sound, never crash. */
static void
test_hostile_json (void)
{
  const char *rejected[] = {
    "",
    "not json",
    "[\"acv\", \"yes\"]",
    "\"yes\"",
    "null",
    "{\"answers\": [\"yes\"]}",
    "{\"answers\": \"yes\"}",
    "{\"answers\": {\"acv\": \"yes\"",
    "{\"answers\": {\"acv\": \"y\xff\"}}",
  };
  const struct {
    const char *json;
    AbmReadinessAnswer acv;
    AbmReadinessAnswer cycle;
  } partial[] = {
    { "{}", ABM_READINESS_UNANSWERED, ABM_READINESS_UNANSWERED },
    { "{\"answers\": {\"acv\": \"yes\", \"sales-cycle\": 1}}", ABM_READINESS_YES, ABM_READINESS_UNANSWERED },
    { "{\"answers\": {\"acv\": true, \"sales-cycle\": \"no\"}}", ABM_READINESS_UNANSWERED, ABM_READINESS_NO },
    { "{\"answers\": {\"acv\": \"YES\", \"sales-cycle\": null}}", ABM_READINESS_UNANSWERED, ABM_READINESS_UNANSWERED },
    { "{\"answers\": {\"acv\": {\"yes\": 1}, \"sales-cycle\": [\"no\"]}}", ABM_READINESS_UNANSWERED, ABM_READINESS_UNANSWERED },
    { "{\"answers\": {\"acv\": \"unsure\", \"budget\": \"yes\"}, \"version\": 99, \"extra\": [1, 2]}",
      ABM_READINESS_UNSURE, ABM_READINESS_UNANSWERED },
    { "{\"answers\": {\"acv\": \"no\", \"acv\": \"yes\"}}", ABM_READINESS_YES, ABM_READINESS_UNANSWERED },
  };
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autoptr(GString) deep = g_string_new ("{\"answers\": ");
  g_autoptr(GString) large = g_string_new ("{\"answers\": {\"acv\": \"yes\"}, \"padding\": \"");

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autofree char *shown = g_strescape (rejected[i], NULL);

      answer_all (readiness, ABM_READINESS_YES);
      /* Escaped: TAP output must stay UTF-8. */
      g_test_message ("rejected %u: %s", i, shown);
      g_assert_false (abm_readiness_load_json (readiness, rejected[i], -1));
      g_assert_cmpuint (abm_readiness_count (readiness, ABM_READINESS_UNANSWERED), ==, ABM_READINESS_N_CONDITIONS);
    }
  g_assert_false (abm_readiness_load_json (readiness, NULL, 0));

  for (guint i = 0; i < G_N_ELEMENTS (partial); i++)
    {
      answer_all (readiness, ABM_READINESS_YES);
      g_test_message ("partial %u: %s", i, partial[i].json);
      g_assert_true (abm_readiness_load_json (readiness, partial[i].json, -1));
      g_assert_cmpint (abm_readiness_get_answer (readiness, ABM_READINESS_ACV), ==, partial[i].acv);
      g_assert_cmpint (abm_readiness_get_answer (readiness, ABM_READINESS_SALES_CYCLE), ==, partial[i].cycle);
      g_assert_cmpint (abm_readiness_get_answer (readiness, ABM_READINESS_SHARED_LIST), ==, ABM_READINESS_UNANSWERED);
    }

  /* Too deep for the parser's stack, or larger than answers ever are. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  answer_all (readiness, ABM_READINESS_YES);
  g_assert_false (abm_readiness_load_json (readiness, deep->str, (gssize) deep->len));
  g_assert_cmpuint (abm_readiness_count (readiness, ABM_READINESS_UNANSWERED), ==, ABM_READINESS_N_CONDITIONS);

  while (large->len <= ABM_READINESS_MAX_JSON_SIZE)
    g_string_append (large, "xxxxxxxxxxxxxxxx");
  g_string_append (large, "\"}");
  answer_all (readiness, ABM_READINESS_YES);
  g_assert_false (abm_readiness_load_json (readiness, large->str, (gssize) large->len));
  g_assert_cmpint (abm_readiness_get_answer (readiness, ABM_READINESS_ACV), ==, ABM_READINESS_UNANSWERED);

  /* A length that stops short of the text is honoured. */
  g_assert_true (abm_readiness_load_json (readiness, "{\"answers\": {\"acv\": \"no\"}}garbage", 26));
  g_assert_cmpint (abm_readiness_get_answer (readiness, ABM_READINESS_ACV), ==, ABM_READINESS_NO);
}

/* The answers live in the workspace, and a change there is announced. */
static void
test_workspace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-readiness-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "w.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autoptr(AbmReadiness) reread = abm_readiness_new ();
  guint stored = 0;

  workspace = abm_workspace_create (path, "Readiness", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_signal_connect (workspace, "setting-changed::" ABM_READINESS_SETTING, G_CALLBACK (count_with_argument), &stored);

  abm_readiness_set_answer (reread, ABM_READINESS_ACV, ABM_READINESS_NO);
  abm_readiness_load (reread, workspace);
  g_assert_cmpuint (abm_readiness_count (reread, ABM_READINESS_UNANSWERED), ==, ABM_READINESS_N_CONDITIONS);

  abm_readiness_set_answer (readiness, ABM_READINESS_BUYING_COMMITTEE, ABM_READINESS_UNSURE);
  g_assert_true (abm_readiness_save (readiness, workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stored, ==, 1);
  abm_workspace_close (workspace);
  g_clear_object (&workspace);

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  abm_readiness_load (reread, workspace);
  g_assert_cmpint (abm_readiness_get_answer (reread, ABM_READINESS_BUYING_COMMITTEE), ==, ABM_READINESS_UNSURE);
  g_assert_cmpuint (abm_readiness_count (reread, ABM_READINESS_UNANSWERED), ==, ABM_READINESS_N_CONDITIONS - 1);
  g_assert_false (abm_readiness_save (readiness, workspace, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  abm_workspace_close (workspace);

  g_clear_object (&workspace);
  g_unlink (path);
  g_rmdir (dir);
}

static void
add_account (GListStore *store,
             double      acv,
             gboolean    target)
{
  g_autoptr(AbmAccount) account = g_object_new (ABM_TYPE_ACCOUNT,
                                                "name", "Account",
                                                "acv-potential", acv,
                                                "target", target,
                                                NULL);
  g_list_store_append (store, account);
}

/* The hint looks at the target accounts, or at all when none is marked. */
static void
test_acv_hint (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ABM_TYPE_ACCOUNT);
  AbmReadinessAcv acv;
  g_autofree char *text = NULL;

  abm_readiness_measure_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, &acv);
  g_assert_cmpuint (acv.n_accounts, ==, 0);
  g_assert_cmpfloat (acv.median, ==, -1);
  text = abm_readiness_describe_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, "EUR");
  g_assert_cmpstr (text, ==, "Add accounts with their ACV potential to compare your deal sizes with the 25000 EUR minimum.");
  g_clear_pointer (&text, g_free);

  add_account (store, -1, FALSE);
  text = abm_readiness_describe_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, "EUR");
  g_assert_true (g_str_has_prefix (text, "None of your accounts has an ACV potential yet"));
  g_clear_pointer (&text, g_free);

  /* Not targets: 10,000, 20,000, 30,000 and one unknown. */
  add_account (store, 10000, FALSE);
  add_account (store, 20000, FALSE);
  add_account (store, 30000, FALSE);
  abm_readiness_measure_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, &acv);
  g_assert_false (acv.targets_only);
  g_assert_cmpuint (acv.n_accounts, ==, 4);
  g_assert_cmpuint (acv.n_known, ==, 3);
  g_assert_cmpuint (acv.n_below, ==, 2);
  g_assert_cmpfloat (acv.median, ==, 20000);
  text = abm_readiness_describe_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, "EUR");
  g_assert_cmpstr (text, ==,
                   "Median ACV potential of your accounts (none is marked as a target): 20000 EUR, "
                   "below the 25000 EUR minimum; 2 of 3 are below it. 1 has no ACV potential yet.");
  g_clear_pointer (&text, g_free);

  /* Targets: 40,000, 56,000, 24,999 and 90,000: an even count's median is
   * the mean of the middle two. */
  add_account (store, 40000, TRUE);
  add_account (store, 56000, TRUE);
  add_account (store, 24999, TRUE);
  add_account (store, 90000, TRUE);
  abm_readiness_measure_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, &acv);
  g_assert_true (acv.targets_only);
  g_assert_cmpuint (acv.n_accounts, ==, 4);
  g_assert_cmpuint (acv.n_known, ==, 4);
  g_assert_cmpuint (acv.n_below, ==, 1);
  g_assert_cmpfloat (acv.median, ==, 48000);
  text = abm_readiness_describe_acv (G_LIST_MODEL (store), ABM_READINESS_DEFAULT_MIN_ACV, "EUR");
  g_assert_cmpstr (text, ==,
                   "Median ACV potential of your target accounts: 48000 EUR, above the 25000 EUR minimum; "
                   "1 of 4 is below it.");
  g_clear_pointer (&text, g_free);

  /* The minimum is the workspace's to choose. */
  text = abm_readiness_describe_acv (G_LIST_MODEL (store), 48000, "USD");
  g_assert_cmpstr (text, ==,
                   "Median ACV potential of your target accounts: 48000 USD, at the 48000 USD minimum; "
                   "2 of 4 are below it.");
  g_clear_pointer (&text, g_free);

  add_account (store, -1, TRUE);
  add_account (store, -1, TRUE);
  text = abm_readiness_describe_acv (G_LIST_MODEL (store), 100000, "EUR");
  g_assert_true (g_str_has_suffix (text, "below the 100000 EUR minimum; 4 of 4 are below it. "
                                         "2 have no ACV potential yet."));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readiness/texts", test_texts);
  g_test_add_func ("/readiness/outcome", test_outcome);
  g_test_add_func ("/readiness/json-round-trip", test_json_round_trip);
  g_test_add_func ("/readiness/hostile-json", test_hostile_json);
  g_test_add_func ("/readiness/workspace", test_workspace);
  g_test_add_func ("/readiness/acv-hint", test_acv_hint);

  return g_test_run ();
}
