/* test-icp.c: the ideal customer profile, fit scores, explanations, the
 * profile file and learning from customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "abm-icp.h"

#define UNKNOWN (-1)

static AbmAccount *
make_account (const char *industry,
              gint64      employees,
              double      revenue,
              const char *country,
              const char *technologies,
              const char *intent,
              const char *stage)
{
  return g_object_new (ABM_TYPE_ACCOUNT,
                       "name", "Account",
                       "industry", industry,
                       "employees", employees,
                       "annual-revenue", revenue,
                       "country", country,
                       "technologies", technologies,
                       "intent-topics", intent,
                       "stage", stage,
                       NULL);
}

static guint
add (AbmIcp     *icp,
     AbmIcpKind  kind,
     double      weight,
     gboolean    must_have)
{
  g_autoptr(GError) error = NULL;
  int index = abm_icp_add_criterion (icp, kind, &error);

  g_assert_no_error (error);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (abm_icp_set_weight (icp, index, weight, &error));
  g_assert_no_error (error);
  abm_icp_set_must_have (icp, index, must_have);
  return index;
}

static guint
add_values (AbmIcp     *icp,
            AbmIcpKind  kind,
            double      weight,
            gboolean    must_have,
            const char *first,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  guint index = add (icp, kind, weight, must_have);
  va_list args;

  va_start (args, first);
  for (const char *v = first; v != NULL; v = va_arg (args, const char *))
    g_strv_builder_add (builder, v);
  va_end (args);
  values = g_strv_builder_end (builder);

  g_assert_true (abm_icp_set_values (icp, index, (const char *const *) values, &error));
  g_assert_no_error (error);
  return index;
}

static guint
add_range (AbmIcp     *icp,
           AbmIcpKind  kind,
           double      weight,
           gboolean    must_have,
           double      min,
           double      max)
{
  g_autoptr(GError) error = NULL;
  guint index = add (icp, kind, weight, must_have);

  g_assert_true (abm_icp_set_range (icp, index, min, max, &error));
  g_assert_no_error (error);
  return index;
}

/* Industry is Banking or Insurance (3), at least 1,000 employees (2),
 * uses Salesforce (1): the example of the issue. */
static AbmIcp *
make_example_icp (gboolean industry_must_have)
{
  AbmIcp *icp = abm_icp_new ();

  add_values (icp, ABM_ICP_INDUSTRY, 3, industry_must_have, "Banking", "Insurance", NULL);
  add_range (icp, ABM_ICP_EMPLOYEES, 2, FALSE, 1000, ABM_ICP_OPEN);
  add_values (icp, ABM_ICP_TECHNOLOGY, 1, FALSE, "Salesforce", NULL);
  return icp;
}

static void
assert_score (AbmIcp     *icp,
              AbmAccount *account,
              double      expected)
{
  g_assert_cmpfloat_with_epsilon (abm_icp_score (icp, account), expected, 1e-9);
}

static void
test_score_hand_computed (void)
{
  g_autoptr(AbmIcp) icp = make_example_icp (FALSE);
  g_autoptr(AbmAccount) first_third = make_account ("Banking", 500, UNKNOWN, "Germany",
                                                    "Salesforce; Snowflake", NULL, NULL);
  g_autoptr(AbmAccount) all = make_account ("Insurance", 1000, UNKNOWN, NULL,
                                            "Snowflake; Salesforce", NULL, NULL);
  g_autoptr(AbmAccount) second = make_account ("Retail", 20000, UNKNOWN, NULL, NULL, NULL, NULL);
  g_autoptr(AbmAccount) none = make_account (NULL, UNKNOWN, UNKNOWN, NULL, NULL, NULL, NULL);

  /* 100 × (3 + 1) ÷ 6 = 66.67, shown to one decimal. */
  assert_score (icp, first_third, 66.7);
  assert_score (icp, all, 100);
  /* 100 × 2 ÷ 6 = 33.33 */
  assert_score (icp, second, 33.3);
  assert_score (icp, none, 0);

  g_assert_cmpint (abm_icp_band (icp, 66.7), ==, ABM_ICP_BAND_MODERATE);
  g_assert_cmpint (abm_icp_band (icp, 100), ==, ABM_ICP_BAND_STRONG);
  g_assert_cmpint (abm_icp_band (icp, 33.3), ==, ABM_ICP_BAND_WEAK);
  g_assert_cmpint (abm_icp_band (icp, 0), ==, ABM_ICP_BAND_WEAK);
  g_assert_cmpint (abm_icp_band (icp, -1), ==, ABM_ICP_BAND_UNSCORED);
  g_assert_cmpint (abm_icp_band (icp, NAN), ==, ABM_ICP_BAND_UNSCORED);
}

static void
test_score_unscored (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(GListStore) store = g_list_store_new (ABM_TYPE_ACCOUNT);
  g_autoptr(AbmAccount) account = make_account ("Banking", 5000, 1e9, "Germany", NULL, NULL, NULL);

  g_assert_cmpuint (abm_icp_get_n_criteria (icp), ==, 0);
  assert_score (icp, account, -1);
  g_assert_cmpint (abm_icp_band (icp, abm_icp_score (icp, account)), ==, ABM_ICP_BAND_UNSCORED);

  abm_account_set_fit_score (account, 42);
  g_list_store_append (store, account);
  abm_icp_score_all (icp, G_LIST_MODEL (store));
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, -1);
}

static void
test_score_must_have (void)
{
  g_autoptr(AbmIcp) icp = make_example_icp (TRUE);
  g_autoptr(GError) error = NULL;
  /* Employees and Salesforce: 100 × 3 ÷ 6 = 50, moderate without the cap. */
  g_autoptr(AbmAccount) no_industry = make_account ("Retail", 2000, UNKNOWN, NULL,
                                                    "Salesforce", NULL, NULL);
  g_autoptr(AbmAccount) low = make_account ("Retail", UNKNOWN, UNKNOWN, NULL,
                                            "Salesforce", NULL, NULL);
  g_autoptr(AbmAccount) banking = make_account ("Banking", UNKNOWN, UNKNOWN, NULL, NULL, NULL, NULL);

  assert_score (icp, no_industry, 49);
  g_assert_cmpint (abm_icp_band (icp, abm_icp_score (icp, no_industry)), ==, ABM_ICP_BAND_WEAK);
  /* The cap only ever lowers a score: 100 × 1 ÷ 6. */
  assert_score (icp, low, 16.7);
  /* A met must-have changes nothing. */
  assert_score (icp, banking, 50);

  /* Even a score that would be strong stays weak. */
  g_assert_true (abm_icp_set_weight (icp, 1, 20, &error));
  g_assert_no_error (error);
  /* 100 × 21 ÷ 24 = 87.5 */
  assert_score (icp, no_industry, 49);
  abm_icp_set_must_have (icp, 0, FALSE);
  assert_score (icp, no_industry, 87.5);
  abm_icp_set_must_have (icp, 0, TRUE);

  /* The cap follows the moderate band. */
  g_assert_true (abm_icp_set_bands (icp, 30, 90, &error));
  g_assert_no_error (error);
  assert_score (icp, no_industry, 29);
  g_assert_cmpint (abm_icp_band (icp, abm_icp_score (icp, no_industry)), ==, ABM_ICP_BAND_WEAK);
}

static void
test_score_unknown_not_matched (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(AbmAccount) unknown = make_account (NULL, UNKNOWN, UNKNOWN, NULL, NULL, NULL, NULL);
  g_autoptr(AbmAccount) zero = make_account ("", 0, 0, "", "", "", NULL);
  guint employees, revenue;

  /* "At most 199 employees" must not match a company whose size nobody knows. */
  employees = add_range (icp, ABM_ICP_EMPLOYEES, 1, FALSE, ABM_ICP_OPEN, 199);
  assert_score (icp, unknown, 0);
  assert_score (icp, zero, 100);

  /* Both ends open: any known number. */
  abm_icp_remove_criterion (icp, employees);
  revenue = add_range (icp, ABM_ICP_REVENUE, 1, FALSE, ABM_ICP_OPEN, ABM_ICP_OPEN);
  assert_score (icp, unknown, 0);
  assert_score (icp, zero, 100);
  abm_icp_remove_criterion (icp, revenue);

  add_values (icp, ABM_ICP_INDUSTRY, 1, FALSE, "Banking", NULL);
  add_values (icp, ABM_ICP_COUNTRY, 1, FALSE, "Germany", NULL);
  add_values (icp, ABM_ICP_TECHNOLOGY, 1, FALSE, "SAP", NULL);
  add_values (icp, ABM_ICP_INTENT, 1, FALSE, "ERP", NULL);
  assert_score (icp, unknown, 0);
  assert_score (icp, zero, 0);
}

static void
test_score_ranges (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(GError) error = NULL;
  guint index = add_range (icp, ABM_ICP_EMPLOYEES, 1, FALSE, 1000, 4999);
  struct {
    gint64 employees;
    double score;
  } employees[] = {
    { 999, 0 }, { 1000, 100 }, { 2500, 100 }, { 4999, 100 }, { 5000, 0 }, { UNKNOWN, 0 },
  };
  double min, max;

  for (guint i = 0; i < G_N_ELEMENTS (employees); i++)
    {
      g_autoptr(AbmAccount) account = make_account (NULL, employees[i].employees, UNKNOWN,
                                                    NULL, NULL, NULL, NULL);
      assert_score (icp, account, employees[i].score);
    }

  /* Open at the top. */
  g_assert_true (abm_icp_set_range (icp, index, 1000, ABM_ICP_OPEN, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AbmAccount) big = make_account (NULL, 90000000, UNKNOWN, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) small = make_account (NULL, 999, UNKNOWN, NULL, NULL, NULL, NULL);
    assert_score (icp, big, 100);
    assert_score (icp, small, 0);
  }

  /* Open at the bottom; any negative bound reads as open. */
  g_assert_true (abm_icp_set_range (icp, index, -5, 200, &error));
  g_assert_no_error (error);
  abm_icp_get_range (icp, index, &min, &max);
  g_assert_cmpfloat (min, ==, ABM_ICP_OPEN);
  g_assert_cmpfloat (max, ==, 200);
  {
    g_autoptr(AbmAccount) tiny = make_account (NULL, 0, UNKNOWN, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) edge = make_account (NULL, 200, UNKNOWN, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) over = make_account (NULL, 201, UNKNOWN, NULL, NULL, NULL, NULL);
    assert_score (icp, tiny, 100);
    assert_score (icp, edge, 100);
    assert_score (icp, over, 0);
  }

  /* Revenue to the cent. */
  abm_icp_remove_criterion (icp, index);
  index = add_range (icp, ABM_ICP_REVENUE, 1, FALSE, 1e7, (1e8 * 100 - 1) / 100);
  {
    g_autoptr(AbmAccount) below = make_account (NULL, UNKNOWN, 9999999.99, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) low = make_account (NULL, UNKNOWN, 1e7, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) high = make_account (NULL, UNKNOWN, 99999999.99, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) above = make_account (NULL, UNKNOWN, 1e8, NULL, NULL, NULL, NULL);
    g_autoptr(AbmAccount) parsed = abm_account_new ();

    assert_score (icp, below, 0);
    assert_score (icp, low, 100);
    assert_score (icp, high, 100);
    assert_score (icp, above, 0);
    /* An amount read from text lands on the same side of the bound. */
    g_assert_true (abm_account_set_field_text (parsed, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE,
                                               "$99,999,999.99", &error));
    g_assert_no_error (error);
    assert_score (icp, parsed, 100);
  }
}

static void
test_score_case_insensitive (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(AbmAccount) account = make_account ("BANKING", UNKNOWN, UNKNOWN, "deutschland",
                                                "snowflake; SALESFORCE", "Cloud MIGRATION", NULL);
  g_autoptr(AbmAccount) umlaut = make_account ("ÖL UND GAS", UNKNOWN, UNKNOWN, "ÉIRE",
                                               NULL, NULL, NULL);
  guint country;

  add_values (icp, ABM_ICP_INDUSTRY, 1, FALSE, "banking", "Öl und Gas", NULL);
  assert_score (icp, account, 100);
  assert_score (icp, umlaut, 100);

  /* Many values take the hash set; the answers are the same. */
  country = add_values (icp, ABM_ICP_COUNTRY, 1, FALSE,
                        "Austria", "Belgium", "Denmark", "Deutschland", "Éire", "Finland",
                        "France", "Italy", "Norway", "Spain", "Sweden", NULL);
  assert_score (icp, account, 100);
  assert_score (icp, umlaut, 100);
  g_assert_cmpuint (g_strv_length ((char **) abm_icp_get_values (icp, country)), ==, 11);

  add_values (icp, ABM_ICP_TECHNOLOGY, 1, FALSE, "Salesforce", NULL);
  add_values (icp, ABM_ICP_INTENT, 1, FALSE, "cloud migration", NULL);
  assert_score (icp, account, 100);
  /* 100 × 2 ÷ 4 */
  assert_score (icp, umlaut, 50);

  /* A prefix is not a match, nor a longer value. */
  {
    g_autoptr(AbmAccount) prefix = make_account ("Bank", UNKNOWN, UNKNOWN, "Deutschlands",
                                                 "Sales; Salesforce Marketing Cloud",
                                                 "cloud", NULL);
    assert_score (icp, prefix, 0);
  }
}

static void
test_score_lists (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) many = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmAccount) oracle = make_account (NULL, UNKNOWN, UNKNOWN, NULL,
                                               "HubSpot; Oracle", NULL, NULL);
  g_autoptr(AbmAccount) tool_50 = make_account (NULL, UNKNOWN, UNKNOWN, NULL,
                                                "Excel; tool 50", NULL, NULL);
  guint competitor, technology;

  /* A competitor's technology is matched in the technologies list. */
  competitor = add_values (icp, ABM_ICP_COMPETITOR, 2, FALSE, "Oracle", "SAP", NULL);
  g_assert_cmpint (abm_icp_get_kind (icp, competitor), ==, ABM_ICP_COMPETITOR);
  assert_score (icp, oracle, 100);
  assert_score (icp, tool_50, 0);

  /* A thousand values. */
  for (guint i = 0; i < ABM_ICP_MAX_VALUES; i++)
    {
      g_autofree char *v = g_strdup_printf ("Tool %u", i);
      g_strv_builder_add (builder, v);
    }
  many = g_strv_builder_end (builder);
  technology = add (icp, ABM_ICP_TECHNOLOGY, 2, FALSE);
  g_assert_true (abm_icp_set_values (icp, technology, (const char *const *) many, &error));
  g_assert_no_error (error);
  assert_score (icp, oracle, 50);
  assert_score (icp, tool_50, 50);
}

static void
test_explain (void)
{
  g_autoptr(AbmIcp) icp = make_example_icp (TRUE);
  g_autoptr(AbmAccount) account = make_account ("Retail", UNKNOWN, UNKNOWN, NULL,
                                                "Snowflake; Salesforce", NULL, NULL);
  g_autoptr(AbmAccount) good = make_account ("Banking", 1200, UNKNOWN, NULL,
                                             "Salesforce", NULL, NULL);
  g_autoptr(GPtrArray) lines = abm_icp_explain (icp, account);
  g_autoptr(GPtrArray) good_lines = abm_icp_explain (icp, good);
  g_autofree char *text = NULL;
  g_autofree char *good_text = NULL;
  const AbmIcpExplanation *line;
  double points = 0;

  g_assert_cmpuint (lines->len, ==, 3);

  line = lines->pdata[0];
  g_assert_cmpuint (line->index, ==, 0);
  g_assert_cmpint (line->kind, ==, ABM_ICP_INDUSTRY);
  g_assert_cmpstr (line->description, ==, "Industry is Banking or Insurance");
  g_assert_cmpfloat (line->weight, ==, 3);
  g_assert_false (line->matched);
  g_assert_true (line->must_have);
  g_assert_true (line->must_have_failed);
  g_assert_cmpfloat (line->points, ==, 0);
  g_assert_cmpstr (line->account_value, ==, "Retail");

  line = lines->pdata[1];
  g_assert_cmpstr (line->description, ==, "Employees at least 1000");
  g_assert_false (line->matched);
  g_assert_false (line->must_have_failed);
  g_assert_null (line->account_value);

  line = lines->pdata[2];
  g_assert_cmpstr (line->description, ==, "Uses Salesforce");
  g_assert_true (line->matched);
  g_assert_false (line->must_have_failed);
  g_assert_cmpfloat_with_epsilon (line->points, 100.0 / 6, 1e-9);
  /* The item that matched, as the account spells it. */
  g_assert_cmpstr (line->account_value, ==, "Salesforce");

  text = abm_icp_explain_text (icp, account);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Fit score 16.7 of 100 (Weak fit)"));
  g_assert_nonnull (strstr (text, "[ ] Industry is Banking or Insurance — weight 3, must have, "
                                  "not met (account: Retail)"));
  g_assert_nonnull (strstr (text, "[ ] Employees at least 1000 — weight 2, not met "
                                  "(account: unknown)"));
  g_assert_nonnull (strstr (text, "[x] Uses Salesforce — weight 1, 16.7 points "
                                  "(account: Salesforce)"));
  g_assert_nonnull (strstr (text, "Matched weight 1 of 6: 100 × 1 ÷ 6 = 16.7"));
  g_assert_nonnull (strstr (text, "stays in the weak band"));

  /* The points of the matched lines add up to the score. */
  for (guint i = 0; i < good_lines->len; i++)
    points += ((AbmIcpExplanation *) good_lines->pdata[i])->points;
  g_assert_cmpfloat_with_epsilon (points, 100, 1e-9);
  good_text = abm_icp_explain_text (icp, good);
  g_assert_nonnull (strstr (good_text, "Fit score 100.0 of 100 (Strong fit)"));
  g_assert_null (strstr (good_text, "must-have"));

  /* A capped score says so. */
  {
    g_autoptr(AbmAccount) capped = make_account ("Retail", 5000, UNKNOWN, NULL,
                                                 "Salesforce", NULL, NULL);
    g_autofree char *capped_text = abm_icp_explain_text (icp, capped);

    g_test_message ("%s", capped_text);
    g_assert_nonnull (strstr (capped_text, "Fit score 49.0 of 100 (Weak fit)"));
    g_assert_nonnull (strstr (capped_text, "100 × 3 ÷ 6 = 50.0"));
    g_assert_nonnull (strstr (capped_text, "capped at 49"));
  }

  /* No criteria: said in words. */
  {
    g_autoptr(AbmIcp) empty = abm_icp_new ();
    g_autofree char *empty_text = abm_icp_explain_text (empty, account);
    g_autoptr(GPtrArray) empty_lines = abm_icp_explain (empty, account);

    g_assert_cmpuint (empty_lines->len, ==, 0);
    g_assert_nonnull (strstr (empty_text, "no criteria"));
  }
}

static void
assert_description (AbmIcp     *icp,
                    guint       index,
                    const char *expected)
{
  g_autofree char *description = abm_icp_dup_description (icp, index);

  g_assert_cmpstr (description, ==, expected);
}

static void
test_descriptions (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autofree char *text = NULL;
  guint i;

  i = add_values (icp, ABM_ICP_INDUSTRY, 1, FALSE, "Banking", NULL);
  assert_description (icp, i, "Industry is Banking");
  i = add_values (icp, ABM_ICP_COUNTRY, 1, FALSE, "Germany", "France", "Spain", NULL);
  assert_description (icp, i, "Country is Germany, France or Spain");
  i = add_values (icp, ABM_ICP_COUNTRY, 1, FALSE, "A", "B", "C", "D", "E", "F", "G", NULL);
  assert_description (icp, i, "Country is A, B, C, D, E or 2 more");
  i = add_values (icp, ABM_ICP_TECHNOLOGY, 1, FALSE, "Salesforce", "HubSpot", NULL);
  assert_description (icp, i, "Uses Salesforce or HubSpot");
  i = add_values (icp, ABM_ICP_COMPETITOR, 1, FALSE, "Oracle", NULL);
  assert_description (icp, i, "Uses competitor Oracle (to displace)");
  i = add_values (icp, ABM_ICP_INTENT, 1, FALSE, "Cloud migration", NULL);
  assert_description (icp, i, "Shows intent for Cloud migration");
  i = add (icp, ABM_ICP_INDUSTRY, 1, FALSE);
  assert_description (icp, i, "Industry (no values chosen)");
  i = add_range (icp, ABM_ICP_EMPLOYEES, 1, FALSE, 200, 999);
  assert_description (icp, i, "Employees between 200 and 999");
  i = add_range (icp, ABM_ICP_EMPLOYEES, 1, FALSE, ABM_ICP_OPEN, 199);
  assert_description (icp, i, "Employees at most 199");
  i = add_range (icp, ABM_ICP_EMPLOYEES, 1, FALSE, ABM_ICP_OPEN, ABM_ICP_OPEN);
  assert_description (icp, i, "Employees known");
  i = add_range (icp, ABM_ICP_REVENUE, 1, FALSE, 1e7, ABM_ICP_OPEN);
  assert_description (icp, i, "Annual revenue at least 10000000");
  i = add_range (icp, ABM_ICP_REVENUE, 1, FALSE, ABM_ICP_OPEN, 9999999.99);
  assert_description (icp, i, "Annual revenue at most 9999999.99");

  text = abm_icp_to_text (icp);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "12 criteria, total weight 12\n"));
  g_assert_nonnull (strstr (text, "  1. Industry is Banking — weight 1\n"));
  g_assert_nonnull (strstr (text, "Bands: strong 81–100, moderate 50–80, weak below 50"));

  g_assert_cmpstr (abm_icp_kind_key (ABM_ICP_REVENUE), ==, "annual-revenue");
  g_assert_cmpstr (abm_icp_kind_label (ABM_ICP_INTENT), ==, "Intent Topic");
  g_assert_cmpstr (abm_icp_band_key (ABM_ICP_BAND_STRONG), ==, "strong");
  g_assert_cmpstr (abm_icp_band_label (ABM_ICP_BAND_MODERATE), ==, "Moderate fit");
  for (AbmIcpKind k = 0; k < ABM_ICP_N_KINDS; k++)
    {
      AbmIcpKind back;

      g_assert_true (abm_icp_kind_from_key (abm_icp_kind_key (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_false (abm_icp_kind_from_key ("revenue", NULL));
}

static void
test_bands (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  struct { guint moderate, strong; } bad[] = {
    { 0, 50 }, { 50, 50 }, { 60, 50 }, { 50, 101 }, { 100, 100 },
  };

  g_assert_cmpuint (abm_icp_get_strong_min (icp), ==, 81);
  g_assert_cmpuint (abm_icp_get_moderate_min (icp), ==, 50);
  g_assert_cmpint (abm_icp_band (icp, 81), ==, ABM_ICP_BAND_STRONG);
  g_assert_cmpint (abm_icp_band (icp, 80.9), ==, ABM_ICP_BAND_MODERATE);
  g_assert_cmpint (abm_icp_band (icp, 50), ==, ABM_ICP_BAND_MODERATE);
  g_assert_cmpint (abm_icp_band (icp, 49.9), ==, ABM_ICP_BAND_WEAK);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (abm_icp_set_bands (icp, bad[i].moderate, bad[i].strong, &error));
      g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
      g_assert_cmpuint (abm_icp_get_strong_min (icp), ==, 81);
      g_assert_cmpuint (abm_icp_get_moderate_min (icp), ==, 50);
    }

  {
    g_autoptr(GError) error = NULL;
    guint strong = 0;

    g_assert_true (abm_icp_set_bands (icp, 40, 70, &error));
    g_assert_no_error (error);
    g_object_get (icp, "strong-min", &strong, NULL);
    g_assert_cmpuint (strong, ==, 70);
    g_assert_cmpint (abm_icp_band (icp, 66.7), ==, ABM_ICP_BAND_MODERATE);
    g_assert_cmpint (abm_icp_band (icp, 70), ==, ABM_ICP_BAND_STRONG);
    g_assert_cmpint (abm_icp_band (icp, 40), ==, ABM_ICP_BAND_MODERATE);
    g_assert_cmpint (abm_icp_band (icp, 39.9), ==, ABM_ICP_BAND_WEAK);
    /* The widest bands allowed. */
    g_assert_true (abm_icp_set_bands (icp, 1, 100, &error));
    g_assert_no_error (error);
    g_assert_cmpint (abm_icp_band (icp, 0.5), ==, ABM_ICP_BAND_WEAK);
    g_assert_cmpint (abm_icp_band (icp, 100), ==, ABM_ICP_BAND_STRONG);
  }
}

static void
count_changed (AbmIcp *icp,
               guint  *count)
{
  (*count)++;
}

static void
rescore (AbmIcp     *icp,
         GListModel *accounts)
{
  abm_icp_score_all (icp, accounts);
}

static void
test_changed_live (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(GListStore) store = g_list_store_new (ABM_TYPE_ACCOUNT);
  g_autoptr(AbmAccount) account = make_account ("Banking", 500, UNKNOWN, NULL, "SAP", NULL, NULL);
  g_autoptr(GError) error = NULL;
  const char *banking[] = { "banking", NULL };
  const char *retail[] = { "Retail", NULL };
  guint count = 0;
  int industry, employees;

  g_list_store_append (store, account);
  g_signal_connect (icp, "changed", G_CALLBACK (count_changed), &count);
  g_signal_connect (icp, "changed", G_CALLBACK (rescore), store);

  industry = abm_icp_add_criterion (icp, ABM_ICP_INDUSTRY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (industry, ==, 0);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 0);

  g_assert_true (abm_icp_set_values (icp, industry, banking, &error));
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 100);
  /* The same values again: nothing changed. */
  g_assert_true (abm_icp_set_values (icp, industry, banking, &error));
  g_assert_cmpuint (count, ==, 2);

  employees = abm_icp_add_criterion (icp, ABM_ICP_EMPLOYEES, &error);
  g_assert_cmpuint (count, ==, 3);
  g_assert_true (abm_icp_set_range (icp, employees, 1000, ABM_ICP_OPEN, &error));
  g_assert_cmpuint (count, ==, 4);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 50);

  g_assert_true (abm_icp_set_weight (icp, employees, 3, &error));
  g_assert_cmpuint (count, ==, 5);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 25);
  g_assert_true (abm_icp_set_weight (icp, employees, 3, &error));
  g_assert_cmpuint (count, ==, 5);

  abm_icp_set_must_have (icp, employees, TRUE);
  g_assert_cmpuint (count, ==, 6);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 25);
  abm_icp_set_must_have (icp, employees, TRUE);
  g_assert_cmpuint (count, ==, 6);

  abm_icp_move_criterion (icp, 1, 0);
  g_assert_cmpuint (count, ==, 7);
  g_assert_cmpint (abm_icp_get_kind (icp, 0), ==, ABM_ICP_EMPLOYEES);
  g_assert_cmpint (abm_icp_get_kind (icp, 1), ==, ABM_ICP_INDUSTRY);
  g_assert_true (abm_icp_get_must_have (icp, 0));
  g_assert_cmpfloat (abm_icp_get_weight (icp, 0), ==, 3);
  g_assert_cmpstr (abm_icp_get_values (icp, 1)[0], ==, "banking");
  abm_icp_move_criterion (icp, 1, 1);
  g_assert_cmpuint (count, ==, 7);

  g_assert_true (abm_icp_set_bands (icp, 20, 90, &error));
  g_assert_cmpuint (count, ==, 8);
  g_assert_true (abm_icp_set_bands (icp, 20, 90, &error));
  g_assert_cmpuint (count, ==, 8);

  g_assert_true (abm_icp_set_values (icp, 1, retail, &error));
  g_assert_cmpuint (count, ==, 9);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 0);

  abm_icp_remove_criterion (icp, 0);
  g_assert_cmpuint (count, ==, 10);
  abm_icp_remove_criterion (icp, 0);
  g_assert_cmpuint (count, ==, 11);
  g_assert_cmpuint (abm_icp_get_n_criteria (icp), ==, 0);
  g_assert_cmpfloat (abm_account_get_fit_score (account), ==, -1);
  g_assert_no_error (error);

  /* assign() is one change. */
  {
    g_autoptr(AbmIcp) other = make_example_icp (FALSE);
    guint n = 0;

    abm_icp_assign (icp, other);
    g_assert_cmpuint (count, ==, 12);
    g_object_get (icp, "n-criteria", &n, NULL);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpfloat (abm_account_get_fit_score (account), ==, 50);
    g_assert_cmpuint (abm_icp_get_strong_min (icp), ==, 81);
  }
}

static void
test_edit_validation (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(GError) error = NULL;
  const char *messy[] = { "  Banking ", "", "BANKING", "Insurance", "   ", "banking", NULL };
  g_autofree char *long_value = g_strnfill (ABM_ICP_MAX_VALUE_LENGTH + 1, 'x');
  const char *too_long[] = { long_value, NULL };
  const char *not_utf8[] = { "Bank\xff", NULL };
  const char *semicolon[] = { "SAP; Oracle", NULL };
  g_autoptr(GPtrArray) too_many = g_ptr_array_new_with_free_func (g_free);
  const double bad_weights[] = { 0, -1, NAN, INFINITY, ABM_ICP_MAX_WEIGHT + 1 };
  guint industry, tech, employees;
  const char *const *values;
  double min, max;

  industry = add (icp, ABM_ICP_INDUSTRY, 1, FALSE);
  g_assert_true (abm_icp_set_values (icp, industry, messy, &error));
  g_assert_no_error (error);
  values = abm_icp_get_values (icp, industry);
  g_assert_cmpuint (g_strv_length ((char **) values), ==, 2);
  g_assert_cmpstr (values[0], ==, "Banking");
  g_assert_cmpstr (values[1], ==, "Insurance");

  g_assert_false (abm_icp_set_values (icp, industry, too_long, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_icp_set_values (icp, industry, not_utf8, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i <= ABM_ICP_MAX_VALUES; i++)
    g_ptr_array_add (too_many, g_strdup_printf ("v%u", i));
  g_ptr_array_add (too_many, NULL);
  g_assert_false (abm_icp_set_values (icp, industry, (const char *const *) too_many->pdata, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  /* Refused edits keep what was there. */
  g_assert_cmpuint (g_strv_length ((char **) abm_icp_get_values (icp, industry)), ==, 2);

  /* An industry may contain ";", a technology cannot: it splits lists. */
  g_assert_true (abm_icp_set_values (icp, industry, semicolon, &error));
  g_assert_no_error (error);
  tech = add (icp, ABM_ICP_TECHNOLOGY, 1, FALSE);
  g_assert_false (abm_icp_set_values (icp, tech, semicolon, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_weights); i++)
    {
      g_assert_false (abm_icp_set_weight (icp, industry, bad_weights[i], &error));
      g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpfloat (abm_icp_get_weight (icp, industry), ==, 1);
  g_assert_true (abm_icp_set_weight (icp, industry, 2.5, &error));
  g_assert_cmpfloat (abm_icp_get_weight (icp, industry), ==, 2.5);

  employees = add_range (icp, ABM_ICP_EMPLOYEES, 1, FALSE, 100, 200);
  g_assert_false (abm_icp_set_range (icp, employees, 300, 200, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_icp_set_range (icp, employees, NAN, 200, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_icp_set_range (icp, employees, 1, 1e16, &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  abm_icp_get_range (icp, employees, &min, &max);
  g_assert_cmpfloat (min, ==, 100);
  g_assert_cmpfloat (max, ==, 200);
  /* Whole people. */
  g_assert_true (abm_icp_set_range (icp, employees, 99.6, ABM_ICP_OPEN, &error));
  abm_icp_get_range (icp, employees, &min, &max);
  g_assert_cmpfloat (min, ==, 100);
  g_assert_cmpfloat (max, ==, ABM_ICP_OPEN);

  while (abm_icp_get_n_criteria (icp) < ABM_ICP_MAX_CRITERIA)
    add (icp, ABM_ICP_COUNTRY, 1, FALSE);
  g_assert_cmpint (abm_icp_add_criterion (icp, ABM_ICP_COUNTRY, &error), ==, -1);
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
}

static AbmIcp *
make_full_icp (void)
{
  AbmIcp *icp = abm_icp_new ();
  g_autoptr(GError) error = NULL;

  add_values (icp, ABM_ICP_INDUSTRY, 3, TRUE, "Banking", "Öl und Gas", "Quote \" and \\ back", NULL);
  add_range (icp, ABM_ICP_EMPLOYEES, 2, FALSE, 1000, ABM_ICP_OPEN);
  add_range (icp, ABM_ICP_REVENUE, 1.5, FALSE, 1e7, 99999999.99);
  add_values (icp, ABM_ICP_COUNTRY, 1, FALSE, "Germany", "日本", NULL);
  add_values (icp, ABM_ICP_TECHNOLOGY, 0.25, FALSE, "Salesforce", NULL);
  add_values (icp, ABM_ICP_COMPETITOR, 4, FALSE, "Oracle", NULL);
  add_values (icp, ABM_ICP_INTENT, 100, FALSE, "Cloud migration", NULL);
  add (icp, ABM_ICP_INTENT, 1, FALSE);
  g_assert_true (abm_icp_set_bands (icp, 40, 70, &error));
  g_assert_no_error (error);
  return icp;
}

static void
test_json_round_trip (void)
{
  g_autoptr(AbmIcp) icp = make_full_icp ();
  g_autoptr(AbmIcp) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = abm_icp_to_json (icp);
  g_autofree char *again = NULL;
  g_autoptr(AbmAccount) account = make_account ("öl UND gas", 5000, 5e7, "日本",
                                                "Oracle", NULL, NULL);
  double min, max;

  g_test_message ("%s", json);
  g_assert_nonnull (strstr (json, "\"format\" : \"abm-icp\""));
  g_assert_nonnull (strstr (json, "\"version\" : 1"));
  g_assert_nonnull (strstr (json, "\"kind\" : \"annual-revenue\""));
  g_assert_nonnull (strstr (json, "\"max\" : null"));

  copy = abm_icp_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  again = abm_icp_to_json (copy);
  g_assert_cmpstr (again, ==, json);

  g_assert_cmpuint (abm_icp_get_n_criteria (copy), ==, 8);
  g_assert_cmpuint (abm_icp_get_strong_min (copy), ==, 70);
  g_assert_cmpuint (abm_icp_get_moderate_min (copy), ==, 40);
  g_assert_true (abm_icp_get_must_have (copy, 0));
  g_assert_cmpfloat (abm_icp_get_weight (copy, 2), ==, 1.5);
  g_assert_cmpfloat (abm_icp_get_weight (copy, 4), ==, 0.25);
  abm_icp_get_range (copy, 2, &min, &max);
  g_assert_cmpfloat (min, ==, 1e7);
  g_assert_cmpfloat (max, ==, 99999999.99);
  g_assert_cmpstr (abm_icp_get_values (copy, 0)[2], ==, "Quote \" and \\ back");
  g_assert_cmpstr (abm_icp_get_values (copy, 3)[1], ==, "日本");
  g_assert_cmpfloat (abm_icp_score (copy, account), ==, abm_icp_score (icp, account));
  /* 100 × (3 + 2 + 1.5 + 1 + 4) ÷ 112.75 = 10.2 */
  assert_score (copy, account, 10.2);

  /* Unknown members are ignored; defaults fill what is optional. */
  {
    const char *minimal =
      "{\"format\": \"abm-icp\", \"version\": 1, \"comment\": \"hi\","
      " \"criteria\": [{\"kind\": \"industry\", \"values\": [\"Banking\"], \"weight\": 2,"
      "                 \"color\": \"red\"}]}";
    g_autoptr(AbmIcp) small = abm_icp_new_from_json (minimal, strlen (minimal), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (abm_icp_get_n_criteria (small), ==, 1);
    g_assert_false (abm_icp_get_must_have (small, 0));
    g_assert_cmpuint (abm_icp_get_strong_min (small), ==, 81);
  }
}

typedef struct {
  const char *name;
  char       *json;
  int         code;
} Hostile;

static void
test_json_hostile (void)
{
  g_autoptr(GString) many_criteria = g_string_new ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":[");
  g_autoptr(GString) many_values = g_string_new ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":"
                                                 "[{\"kind\":\"country\",\"weight\":1,\"values\":[");
  g_autoptr(GString) deep = g_string_new ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":");
  g_autoptr(GString) huge = g_string_new ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":[],\"pad\":\"");
  g_autofree char *long_value = g_strnfill (ABM_ICP_MAX_VALUE_LENGTH + 1, 'x');
  g_autoptr(AbmIcp) good = make_full_icp ();
  g_autofree char *good_json = abm_icp_to_json (good);
  gsize good_len = strlen (good_json);
  static const char nul_inside[] = "{\"format\":\"abm-icp\"\0,\"version\":1,\"criteria\":[]}";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint parsed = 0;

#define DOC(criteria) "{\"format\":\"abm-icp\",\"version\":1,\"criteria\":[" criteria "]}"
#define ONE(members) DOC ("{" members "}")
  Hostile table[] = {
    { "empty", g_strdup (""), ABM_ICP_ERROR_INVALID },
    { "space", g_strdup ("   "), ABM_ICP_ERROR_INVALID },
    { "null", g_strdup ("null"), ABM_ICP_ERROR_INVALID },
    { "array", g_strdup ("[]"), ABM_ICP_ERROR_INVALID },
    { "number", g_strdup ("42"), ABM_ICP_ERROR_INVALID },
    { "string", g_strdup ("\"abm-icp\""), ABM_ICP_ERROR_INVALID },
    { "not json", g_strdup ("format: abm-icp"), ABM_ICP_ERROR_INVALID },
    { "truncated", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":[{\"kind\":"),
      ABM_ICP_ERROR_INVALID },
    { "no format", g_strdup ("{\"version\":1,\"criteria\":[]}"), ABM_ICP_ERROR_INVALID },
    { "other format", g_strdup ("{\"format\":\"abm-workspace\",\"version\":1,\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "format number", g_strdup ("{\"format\":1,\"version\":1,\"criteria\":[]}"), ABM_ICP_ERROR_INVALID },
    { "no version", g_strdup ("{\"format\":\"abm-icp\",\"criteria\":[]}"), ABM_ICP_ERROR_INVALID },
    { "version text", g_strdup ("{\"format\":\"abm-icp\",\"version\":\"1\",\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "version 0", g_strdup ("{\"format\":\"abm-icp\",\"version\":0,\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "version fraction", g_strdup ("{\"format\":\"abm-icp\",\"version\":1.5,\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "version 2", g_strdup ("{\"format\":\"abm-icp\",\"version\":2,\"criteria\":[]}"),
      ABM_ICP_ERROR_NEWER_VERSION },
    { "no criteria", g_strdup ("{\"format\":\"abm-icp\",\"version\":1}"), ABM_ICP_ERROR_INVALID },
    { "criteria object", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":{}}"),
      ABM_ICP_ERROR_INVALID },
    { "criteria null", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,\"criteria\":null}"),
      ABM_ICP_ERROR_INVALID },
    { "bands array", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,\"bands\":[],\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "bands text", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,"
                              "\"bands\":{\"strong-min\":\"81\"},\"criteria\":[]}"), ABM_ICP_ERROR_INVALID },
    { "bands 101", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,"
                             "\"bands\":{\"strong-min\":101},\"criteria\":[]}"), ABM_ICP_ERROR_INVALID },
    { "bands crossed", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,"
                                 "\"bands\":{\"strong-min\":50,\"moderate-min\":60},\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "bands fraction", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,"
                                  "\"bands\":{\"moderate-min\":50.5},\"criteria\":[]}"), ABM_ICP_ERROR_INVALID },
    { "bands negative", g_strdup ("{\"format\":\"abm-icp\",\"version\":1,"
                                  "\"bands\":{\"moderate-min\":-4294967246},\"criteria\":[]}"),
      ABM_ICP_ERROR_INVALID },
    { "criterion number", g_strdup (DOC ("7")), ABM_ICP_ERROR_INVALID },
    { "criterion array", g_strdup (DOC ("[]")), ABM_ICP_ERROR_INVALID },
    { "no kind", g_strdup (ONE ("\"values\":[\"a\"],\"weight\":1")), ABM_ICP_ERROR_INVALID },
    { "kind number", g_strdup (ONE ("\"kind\":3,\"values\":[\"a\"],\"weight\":1")), ABM_ICP_ERROR_INVALID },
    { "unknown kind", g_strdup (ONE ("\"kind\":\"zodiac\",\"values\":[\"a\"],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "kind case", g_strdup (ONE ("\"kind\":\"Industry\",\"values\":[\"a\"],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "no weight", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"]")), ABM_ICP_ERROR_INVALID },
    { "weight text", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":\"3\"")),
      ABM_ICP_ERROR_INVALID },
    { "weight null", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":null")),
      ABM_ICP_ERROR_INVALID },
    { "weight negative", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":-1")),
      ABM_ICP_ERROR_INVALID },
    { "weight zero", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":0")),
      ABM_ICP_ERROR_INVALID },
    { "weight NaN", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":NaN")),
      ABM_ICP_ERROR_INVALID },
    { "weight infinite", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1e999")),
      ABM_ICP_ERROR_INVALID },
    { "weight huge", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1000")),
      ABM_ICP_ERROR_INVALID },
    { "must-have text", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1,"
                                       "\"must-have\":\"yes\"")), ABM_ICP_ERROR_INVALID },
    { "must-have number", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1,"
                                         "\"must-have\":1")), ABM_ICP_ERROR_INVALID },
    { "no values", g_strdup (ONE ("\"kind\":\"industry\",\"weight\":1")), ABM_ICP_ERROR_INVALID },
    { "values text", g_strdup (ONE ("\"kind\":\"industry\",\"values\":\"Banking\",\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "values number", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"a\",2],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "values null", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[null],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "values nested", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[[\"a\"]],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "value too long", g_strdup_printf (ONE ("\"kind\":\"industry\",\"values\":[\"%s\"],\"weight\":1"),
                                          long_value), ABM_ICP_ERROR_INVALID },
    { "value not utf-8", g_strdup (ONE ("\"kind\":\"industry\",\"values\":[\"Bank\xc3\x28\"],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "value with ;", g_strdup (ONE ("\"kind\":\"technology\",\"values\":[\"SAP;Oracle\"],\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "min text", g_strdup (ONE ("\"kind\":\"employees\",\"min\":\"10\",\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "min negative", g_strdup (ONE ("\"kind\":\"employees\",\"min\":-5,\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "max huge", g_strdup (ONE ("\"kind\":\"annual-revenue\",\"max\":1e300,\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "max infinite", g_strdup (ONE ("\"kind\":\"annual-revenue\",\"max\":-1e999,\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "min above max", g_strdup (ONE ("\"kind\":\"employees\",\"min\":500,\"max\":100,\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "range object", g_strdup (ONE ("\"kind\":\"employees\",\"min\":{},\"weight\":1")),
      ABM_ICP_ERROR_INVALID },
    { "second bad", g_strdup (DOC ("{\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1},"
                                   "{\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":-2}")),
      ABM_ICP_ERROR_INVALID },
    { "NUL inside", g_memdup2 (nul_inside, sizeof nul_inside), ABM_ICP_ERROR_INVALID },
    { "many criteria", NULL, ABM_ICP_ERROR_INVALID },
    { "many values", NULL, ABM_ICP_ERROR_INVALID },
    { "deep", NULL, ABM_ICP_ERROR_INVALID },
    { "huge", NULL, ABM_ICP_ERROR_INVALID },
  };
#undef ONE
#undef DOC
  gsize lengths[G_N_ELEMENTS (table)] = { 0 };

  for (guint i = 0; i <= ABM_ICP_MAX_CRITERIA; i++)
    g_string_append_printf (many_criteria, "%s{\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1}",
                            i ? "," : "");
  g_string_append (many_criteria, "]}");
  for (guint i = 0; i <= ABM_ICP_MAX_VALUES; i++)
    g_string_append_printf (many_values, "%s\"c%u\"", i ? "," : "", i);
  g_string_append (many_values, "]}]}");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  while (huge->len <= ABM_ICP_MAX_JSON_SIZE)
    g_string_append (huge, "xxxxxxxxxxxxxxxx");
  g_string_append (huge, "\"}");

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      if (g_str_equal (table[i].name, "many criteria"))
        table[i].json = g_strdup (many_criteria->str);
      else if (g_str_equal (table[i].name, "many values"))
        table[i].json = g_strdup (many_values->str);
      else if (g_str_equal (table[i].name, "deep"))
        table[i].json = g_strdup (deep->str);
      else if (g_str_equal (table[i].name, "huge"))
        table[i].json = g_strdup (huge->str);
      lengths[i] = strlen (table[i].json);
    }
  /* The NUL is part of the input. */
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (table[i].name, "NUL inside"))
      lengths[i] = sizeof nul_inside - 1;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmIcp) icp = abm_icp_new_from_json (table[i].json, lengths[i], &error);

      g_test_message ("%s: %s", table[i].name, error ? error->message : "(accepted)");
      g_assert_null (icp);
      g_assert_error (error, ABM_ICP_ERROR, table[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_free (table[i].json);
    }

  /* The element at fault is named. */
  {
    const char *second =
      "{\"format\":\"abm-icp\",\"version\":1,\"criteria\":["
      "{\"kind\":\"industry\",\"values\":[\"a\"],\"weight\":1},"
      "{\"kind\":\"zodiac\",\"values\":[\"a\"],\"weight\":1}]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(AbmIcp) icp = abm_icp_new_from_json (second, strlen (second), &error);

    g_assert_null (icp);
    g_assert_cmpstr (error->message, ==, "Criterion 2: unknown kind “zodiac”");
  }

  /* json-glib quotes the string it stopped at, broken UTF-8 and all; the
   * message, shown to the user, stays valid (tests/fuzz). */
  {
    const char *broken = "{\"format\":\"abm-icp\",\"note\":\"Point of view on the "
                         "cluster\xe2\x80\x99s shared challenge\"x\"}";
    g_autoptr(GError) error = NULL;
    g_autoptr(AbmIcp) icp = abm_icp_new_from_json (broken, strlen (broken), &error);

    g_assert_null (icp);
    g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }

  /* Every truncation of a good file fails cleanly. */
  for (gsize len = 0; len < good_len; len++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmIcp) icp = abm_icp_new_from_json (good_json, len, &error);

      g_assert_null (icp);
      g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
    }

  /* Random damage never crashes; whatever is accepted is a sound profile. */
  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *damaged = g_memdup2 (good_json, good_len + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmIcp) icp = NULL;
      guint n = g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < n; j++)
        damaged[g_rand_int_range (rand, 0, good_len)] = (char) g_rand_int_range (rand, 0, 256);
      icp = abm_icp_new_from_json (damaged, good_len, &error);
      if (icp == NULL)
        g_assert_nonnull (error);
      else
        {
          g_autofree char *json = abm_icp_to_json (icp);
          g_autoptr(AbmIcp) again = abm_icp_new_from_json (json, strlen (json), &error);

          g_assert_no_error (error);
          g_assert_nonnull (again);
          parsed++;
        }
    }
  g_test_message ("%u of 2000 damaged files were still sound profiles", parsed);
}

/* Ten accounts, four of them customers; the expected lifts are worked out
 * by hand beside each. */
static GListModel *
make_learning_list (void)
{
  GListStore *store = g_list_store_new (ABM_TYPE_ACCOUNT);
  struct {
    const char *industry;
    gint64      employees;
    double      revenue;
    const char *country;
    const char *technologies;
    const char *intent;
    const char *stage;
  } rows[] = {
    { "Banking",   1500,    5e7,     "Germany", "Salesforce; Snowflake", "Cloud migration", "customer" },
    { "Banking",   2000,    2e8,     "Germany", "Salesforce",            NULL,              "customer" },
    { "Insurance", 3000,    UNKNOWN, "France",  "Salesforce; SAP",       "cloud migration", "customer" },
    { "Retail",    100,     5e6,     "Germany", "HubSpot",               NULL,              "customer" },
    { "Banking",   800,     2e7,     "Spain",   "SAP",                   NULL,              NULL },
    { "Retail",    50,      1e6,     "France",  "HubSpot; HUBSPOT",      NULL,              "engaged" },
    { "Retail",    120,     2e6,     "Italy",   NULL,                    "Cloud Migration", "lost" },
    { "Insurance", UNKNOWN, 3e8,     "germany", "salesforce",            NULL,              NULL },
    { "Retail",    6000,    2e9,     "Spain",   "Oracle",                NULL,              NULL },
    { NULL,        250,     3e7,     NULL,      NULL,                    NULL,              NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(AbmAccount) account = make_account (rows[i].industry, rows[i].employees,
                                                    rows[i].revenue, rows[i].country,
                                                    rows[i].technologies, rows[i].intent,
                                                    rows[i].stage);
      g_list_store_append (store, account);
    }
  return G_LIST_MODEL (store);
}

static const AbmIcpSuggestion *
find_suggestion (GPtrArray  *suggestions,
                 AbmIcpKind  kind,
                 const char *value,
                 double      min)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      const AbmIcpSuggestion *s = suggestions->pdata[i];

      if (s->kind == kind && g_strcmp0 (s->value, value) == 0 && (value != NULL || s->min == min))
        return s;
    }
  return NULL;
}

static void
assert_suggestion (const AbmIcpSuggestion *s,
                   AbmIcpKind              kind,
                   const char             *label,
                   guint                   customers_with,
                   guint                   customers_total,
                   guint                   all_with,
                   guint                   all_total,
                   double                  lift)
{
  g_assert_nonnull (s);
  g_assert_cmpint (s->kind, ==, kind);
  g_assert_cmpstr (s->label, ==, label);
  g_assert_cmpuint (s->customers_with, ==, customers_with);
  g_assert_cmpuint (s->customers_total, ==, customers_total);
  g_assert_cmpuint (s->all_with, ==, all_with);
  g_assert_cmpuint (s->all_total, ==, all_total);
  g_assert_cmpfloat_with_epsilon (s->lift, lift, 1e-12);
}

static void
test_learn (void)
{
  g_autoptr(GListModel) accounts = make_learning_list ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = abm_icp_learn (accounts, NULL, 2, &error);
  g_autoptr(GPtrArray) all = NULL;
  const AbmIcpSuggestion *s;

  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      s = suggestions->pdata[i];
      g_test_message ("%s: %u/%u customers, %u/%u all, lift %.4f", s->label,
                      s->customers_with, s->customers_total, s->all_with, s->all_total, s->lift);
    }
  g_assert_cmpuint (suggestions->len, ==, 5);

  /* 3 of the 4 customers with a known size, 3 of the 9 accounts:
   * (3/4) ÷ (3/9) = 2.25. */
  s = suggestions->pdata[0];
  assert_suggestion (s, ABM_ICP_EMPLOYEES, "Employees 1,000–4,999", 3, 4, 3, 9, 2.25);
  g_assert_null (s->value);
  g_assert_cmpfloat (s->min, ==, 1000);
  g_assert_cmpfloat (s->max, ==, 4999);
  /* Germany, in either spelling: (3/4) ÷ (4/9) = 1.6875. */
  s = suggestions->pdata[1];
  assert_suggestion (s, ABM_ICP_COUNTRY, "Country is Germany", 3, 4, 4, 9, 1.6875);
  g_assert_cmpstr (s->value, ==, "Germany");
  /* Salesforce: (3/4) ÷ (4/8) = 1.5; ahead of Banking's equal lift for
   * being held by more customers. */
  s = suggestions->pdata[2];
  assert_suggestion (s, ABM_ICP_TECHNOLOGY, "Uses Salesforce", 3, 4, 4, 8, 1.5);
  /* Banking: (2/4) ÷ (3/9) = 1.5. */
  s = suggestions->pdata[3];
  assert_suggestion (s, ABM_ICP_INDUSTRY, "Industry is Banking", 2, 4, 3, 9, 1.5);
  /* Cloud migration: every account with topics that is a customer has it,
   * but so has everyone: (2/2) ÷ (3/3) = 1. */
  s = suggestions->pdata[4];
  assert_suggestion (s, ABM_ICP_INTENT, "Shows intent for Cloud migration", 2, 2, 3, 3, 1);

  /* With single customers counted too. */
  all = abm_icp_learn (accounts, NULL, 1, &error);
  g_assert_no_error (error);
  /* HubSpot, listed twice by one account, counts once: (1/4) ÷ (2/8) = 1. */
  assert_suggestion (find_suggestion (all, ABM_ICP_TECHNOLOGY, "HubSpot", 0), ABM_ICP_TECHNOLOGY,
                     "Uses HubSpot", 1, 4, 2, 8, 1);
  /* Revenue is known for 3 customers and 9 accounts: (1/3) ÷ (3/9) = 1. */
  s = find_suggestion (all, ABM_ICP_REVENUE, NULL, ABM_ICP_OPEN);
  assert_suggestion (s, ABM_ICP_REVENUE, "Annual revenue under 10M", 1, 3, 3, 9, 1);
  g_assert_cmpfloat (s->max, ==, 9999999.99);
  /* (1/3) ÷ (2/9) = 1.5 */
  s = find_suggestion (all, ABM_ICP_REVENUE, NULL, 1e8);
  assert_suggestion (s, ABM_ICP_REVENUE, "Annual revenue 100M–1B", 1, 3, 2, 9, 1.5);
  g_assert_cmpfloat (s->max, ==, 999999999.99);
  /* (1/4) ÷ (3/9) = 0.75: less common among customers. */
  assert_suggestion (find_suggestion (all, ABM_ICP_EMPLOYEES, NULL, ABM_ICP_OPEN),
                     ABM_ICP_EMPLOYEES, "Employees under 200", 1, 4, 3, 9, 0.75);
  g_assert_null (find_suggestion (all, ABM_ICP_TECHNOLOGY, "Oracle", 0));
  g_assert_null (find_suggestion (all, ABM_ICP_EMPLOYEES, NULL, 5000));
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpfloat (((AbmIcpSuggestion *) all->pdata[i - 1])->lift, >=,
                       ((AbmIcpSuggestion *) all->pdata[i])->lift);
}

static void
test_learn_no_customers (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ABM_TYPE_ACCOUNT);
  g_autoptr(AbmAccount) account = make_account ("Banking", 10, 10, "Spain", "SAP", NULL, "engaged");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = abm_icp_learn (G_LIST_MODEL (store), NULL, 2, &error);

  g_assert_null (suggestions);
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_NO_CUSTOMERS);
  g_clear_error (&error);

  g_list_store_append (store, account);
  suggestions = abm_icp_learn (G_LIST_MODEL (store), NULL, 2, &error);
  g_assert_null (suggestions);
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_NO_CUSTOMERS);
}

static void
test_learn_add (void)
{
  g_autoptr(GListModel) accounts = make_learning_list ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = abm_icp_learn (accounts, NULL, 2, &error);
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(AbmAccount) first = g_list_model_get_item (accounts, 0);
  AbmIcpSuggestion insurance = {
    ABM_ICP_INDUSTRY, (char *) "Insurance", ABM_ICP_OPEN, ABM_ICP_OPEN, (char *) "Industry is Insurance",
    2, 4, 2, 9, 2.5
  };
  AbmIcpSuggestion big = {
    ABM_ICP_EMPLOYEES, NULL, 5000, ABM_ICP_OPEN, (char *) "Employees 5,000 or more",
    2, 4, 2, 9, 30
  };
  AbmIcpSuggestion small = {
    ABM_ICP_EMPLOYEES, NULL, ABM_ICP_OPEN, 199, (char *) "Employees under 200",
    2, 4, 2, 9, 0.2
  };
  const double weights[] = { 2, 2, 2, 2, 1 };
  double min, max;

  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      int index = abm_icp_add_suggestion (icp, suggestions->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (index, ==, i);
      /* The rounded lift, at least 1. */
      g_assert_cmpfloat (abm_icp_get_weight (icp, i), ==, weights[i]);
      g_assert_cmpfloat (abm_icp_suggestion_weight (suggestions->pdata[i]), ==, weights[i]);
    }
  assert_score (icp, first, 100);

  /* Adding one again changes nothing. */
  g_assert_cmpint (abm_icp_add_suggestion (icp, suggestions->pdata[2], &error), ==, 2);
  g_assert_cmpuint (abm_icp_get_n_criteria (icp), ==, 5);

  /* A second industry joins the first, so one account can match all. */
  g_assert_cmpint (abm_icp_add_suggestion (icp, &insurance, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (abm_icp_get_n_criteria (icp), ==, 5);
  g_assert_cmpuint (g_strv_length ((char **) abm_icp_get_values (icp, 3)), ==, 2);
  g_assert_cmpstr (abm_icp_get_values (icp, 3)[1], ==, "Insurance");
  g_assert_cmpfloat (abm_icp_get_weight (icp, 3), ==, 3);

  /* A bucket next to a range widens it; weight 10 at most. */
  g_assert_cmpint (abm_icp_add_suggestion (icp, &big, &error), ==, 0);
  abm_icp_get_range (icp, 0, &min, &max);
  g_assert_cmpfloat (min, ==, 1000);
  g_assert_cmpfloat (max, ==, ABM_ICP_OPEN);
  g_assert_cmpfloat (abm_icp_get_weight (icp, 0), ==, 10);

  /* One that does not touch it is a criterion of its own, weight 1 at least. */
  g_assert_cmpint (abm_icp_add_suggestion (icp, &small, &error), ==, 5);
  g_assert_no_error (error);
  abm_icp_get_range (icp, 5, &min, &max);
  g_assert_cmpfloat (min, ==, ABM_ICP_OPEN);
  g_assert_cmpfloat (max, ==, 199);
  g_assert_cmpfloat (abm_icp_get_weight (icp, 5), ==, 1);
}

/* The yardstick of the issue: re-score 100,000 accounts. */
static void
test_score_all_100k (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ABM_TYPE_ACCOUNT);
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  const char *industries[] = { "Banking", "Insurance", "Retail", "Manufacturing", "Software",
                               "Healthcare", "Energy", "Telecommunications" };
  const char *countries[] = { "Germany", "France", "United States", "United Kingdom", "Spain",
                              "Italy", "Japan", "Brazil", "Canada", "Netherlands" };
  const char *techs[] = { "Salesforce; Snowflake; Slack", "HubSpot", "SAP; Oracle; Workday",
                          "Microsoft Dynamics; Tableau", NULL, "Oracle",
                          "Salesforce; Marketo; Zendesk; Jira; Confluence" };
  const char *topics[] = { "Cloud migration; Data governance", NULL, "ABM", "Zero trust", NULL };
  guint n = 100000, n_strong = 0;
  double first, second;

  add_values (icp, ABM_ICP_INDUSTRY, 3, TRUE, "Banking", "Insurance", "Software", NULL);
  add_range (icp, ABM_ICP_EMPLOYEES, 2, FALSE, 1000, ABM_ICP_OPEN);
  add_range (icp, ABM_ICP_REVENUE, 2, FALSE, 1e8, 1e10);
  add_values (icp, ABM_ICP_COUNTRY, 1, FALSE, "Germany", "France", "Spain", "Italy", "Austria",
              "Belgium", "Netherlands", "Denmark", "Sweden", "Norway", "Finland", "Poland", NULL);
  add_values (icp, ABM_ICP_TECHNOLOGY, 1, FALSE, "Salesforce", "Snowflake", NULL);
  add_values (icp, ABM_ICP_COMPETITOR, 2, FALSE, "Oracle", NULL);
  add_values (icp, ABM_ICP_INTENT, 1, FALSE, "Cloud migration", "Zero trust", NULL);

  for (guint i = 0; i < n; i++)
    {
      AbmAccount *account = make_account (industries[i % G_N_ELEMENTS (industries)],
                                          i % 11 == 0 ? UNKNOWN : (gint64) (i * 37) % 20000,
                                          i % 13 == 0 ? UNKNOWN : (double) ((i * 7919) % 5000) * 1e6,
                                          countries[i % G_N_ELEMENTS (countries)],
                                          techs[i % G_N_ELEMENTS (techs)],
                                          topics[i % G_N_ELEMENTS (topics)],
                                          NULL);
      g_ptr_array_add (accounts, account);
    }
  g_list_store_splice (store, 0, 0, accounts->pdata, accounts->len);

  g_test_timer_start ();
  abm_icp_score_all (icp, G_LIST_MODEL (store));
  first = g_test_timer_elapsed ();

  /* After an edit, as the Profile view does it. */
  abm_icp_set_must_have (icp, 0, FALSE);
  g_test_timer_start ();
  abm_icp_score_all (icp, G_LIST_MODEL (store));
  second = g_test_timer_elapsed ();

  for (guint i = 0; i < n; i++)
    n_strong += abm_icp_band (icp, abm_account_get_fit_score (accounts->pdata[i])) == ABM_ICP_BAND_STRONG;

  g_test_message ("score_all on %u accounts: %.1f ms, after an edit %.1f ms (%u strong)",
                  n, first * 1000, second * 1000, n_strong);
  g_assert_cmpuint (n_strong, >, 0);
  /* A time is a benchmark figure, not a pass mark on a shared machine:
   * checked only when asked for (-m perf). */
  if (g_test_perf ())
    {
      g_test_minimized_result (second, "rescore of %u accounts after an edit: %.1f ms", n, second * 1000);
      g_assert_cmpfloat (second, <, 0.1);
    }
}

static AbmAccount *
make_custom (const char *use_case,
             const char *stage)
{
  g_autoptr(GError) error = NULL;
  AbmAccount *account = make_account (NULL, UNKNOWN, UNKNOWN, NULL, NULL, NULL, stage);

  if (use_case != NULL)
    {
      g_assert_true (abm_account_set_custom (account, "Use Case", use_case, &error));
      g_assert_no_error (error);
    }
  return account;
}

/* A criterion on a custom field from an import: matched by value, ignoring
 * case; unknown means unmatched; explained; kept in the profile file. */
static void
test_custom_field (void)
{
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(AbmIcp) copy = NULL;
  g_autoptr(AbmAccount) fraud = make_custom ("fraud detection", NULL);
  g_autoptr(AbmAccount) payments = make_custom ("Payments", NULL);
  g_autoptr(AbmAccount) unknown = make_custom (NULL, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *description = NULL;
  const char *values[] = { "Fraud Detection", "AML", NULL };
  const char *bad_field = "{\"format\": \"abm-icp\", \"version\": 1, \"criteria\": "
                          "[{\"kind\": \"custom\", \"values\": [\"x\"], \"weight\": 1}]}";
  int index;

  add_values (icp, ABM_ICP_INDUSTRY, 1, FALSE, "Banking", NULL);
  index = abm_icp_add_custom_criterion (icp, "  Use Case ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (index, ==, 1);
  g_assert_cmpstr (abm_icp_get_field (icp, index), ==, "Use Case");
  g_assert_null (abm_icp_get_field (icp, 0));
  g_assert_true (abm_icp_set_weight (icp, index, 3, NULL));
  g_assert_true (abm_icp_set_values (icp, index, values, &error));
  g_assert_no_error (error);

  /* 3 of 4 weight points. */
  g_assert_cmpfloat_with_epsilon (abm_icp_score (icp, fraud), 75.0, 0.01);
  g_assert_cmpfloat_with_epsilon (abm_icp_score (icp, payments), 0.0, 0.01);
  g_assert_cmpfloat_with_epsilon (abm_icp_score (icp, unknown), 0.0, 0.01);

  description = abm_icp_dup_description (icp, index);
  g_assert_cmpstr (description, ==, "Use Case is Fraud Detection or AML");
  lines = abm_icp_explain (icp, fraud);
  g_assert_true (((AbmIcpExplanation *) lines->pdata[1])->matched);
  g_assert_cmpstr (((AbmIcpExplanation *) lines->pdata[1])->account_value, ==, "fraud detection");

  json = abm_icp_to_json (icp);
  copy = abm_icp_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpint (abm_icp_get_kind (copy, 1), ==, ABM_ICP_CUSTOM);
  g_assert_cmpstr (abm_icp_get_field (copy, 1), ==, "Use Case");
  g_assert_cmpfloat_with_epsilon (abm_icp_score (copy, fraud), 75.0, 0.01);

  /* A custom criterion names its field. */
  g_assert_null (abm_icp_new_from_json (bad_field, strlen (bad_field), &error));
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (abm_icp_add_custom_criterion (icp, "   ", &error), ==, -1);
  g_assert_error (error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID);
}

/* Learning looks at custom fields too, and the suggestion becomes a
 * custom criterion on the same field. */
static void
test_learn_custom (void)
{
  g_autoptr(GListStore) store = g_list_store_new (ABM_TYPE_ACCOUNT);
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(AbmIcp) icp = abm_icp_new ();
  g_autoptr(GError) error = NULL;
  const AbmIcpSuggestion *fraud = NULL;
  g_autoptr(AbmAccount) probe = make_custom ("FRAUD", NULL);

  for (guint i = 0; i < 9; i++)
    {
      /* Two customers with Fraud, one with Payments; one prospect with
       * Fraud, five with Payments. */
      g_autoptr(AbmAccount) account = make_custom (i < 2 || i == 3 ? "Fraud" : "Payments", i < 3 ? "customer" : NULL);

      g_list_store_append (store, account);
    }

  suggestions = abm_icp_learn (G_LIST_MODEL (store), NULL, 2, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < suggestions->len; i++)
    {
      const AbmIcpSuggestion *s = suggestions->pdata[i];
      if (s->kind == ABM_ICP_CUSTOM && g_strcmp0 (s->value, "Fraud") == 0)
        fraud = s;
    }
  g_assert_nonnull (fraud);
  g_assert_cmpstr (fraud->field, ==, "Use Case");
  g_assert_cmpstr (fraud->label, ==, "Use Case is Fraud");
  /* 2 of 3 customers against 3 of 9 accounts: lift 2. */
  g_assert_cmpuint (fraud->customers_with, ==, 2);
  g_assert_cmpuint (fraud->all_with, ==, 3);
  g_assert_cmpfloat_with_epsilon (fraud->lift, 2.0, 1e-9);

  g_assert_cmpint (abm_icp_add_suggestion (icp, fraud, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (abm_icp_get_kind (icp, 0), ==, ABM_ICP_CUSTOM);
  g_assert_cmpstr (abm_icp_get_field (icp, 0), ==, "Use Case");
  g_assert_cmpfloat_with_epsilon (abm_icp_score (icp, probe), 100.0, 0.01);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/icp/score/hand-computed", test_score_hand_computed);
  g_test_add_func ("/icp/score/unscored", test_score_unscored);
  g_test_add_func ("/icp/score/must-have", test_score_must_have);
  g_test_add_func ("/icp/score/unknown-not-matched", test_score_unknown_not_matched);
  g_test_add_func ("/icp/score/ranges", test_score_ranges);
  g_test_add_func ("/icp/score/case-insensitive", test_score_case_insensitive);
  g_test_add_func ("/icp/score/lists", test_score_lists);
  g_test_add_func ("/icp/score/all-100k", test_score_all_100k);
  g_test_add_func ("/icp/explain", test_explain);
  g_test_add_func ("/icp/descriptions", test_descriptions);
  g_test_add_func ("/icp/bands", test_bands);
  g_test_add_func ("/icp/changed-live", test_changed_live);
  g_test_add_func ("/icp/edit-validation", test_edit_validation);
  g_test_add_func ("/icp/json/round-trip", test_json_round_trip);
  g_test_add_func ("/icp/json/hostile", test_json_hostile);
  g_test_add_func ("/icp/learn/lift", test_learn);
  g_test_add_func ("/icp/learn/no-customers", test_learn_no_customers);
  g_test_add_func ("/icp/learn/add", test_learn_add);
  g_test_add_func ("/icp/learn/custom", test_learn_custom);
  g_test_add_func ("/icp/custom-field", test_custom_field);

  return g_test_run ();
}
