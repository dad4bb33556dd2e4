/* test-account.c: the account model, its parsing and its JSON form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "abm-account.h"

static void
assert_domain (const char *input,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *domain = abm_normalize_domain (input, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (domain, ==, expected);
}

static void
test_domain_normalize (void)
{
  assert_domain ("acme.com", "acme.com");
  /* Scheme, www., path, query and fragment go. */
  assert_domain ("https://www.Acme.com/about?x=1#team", "acme.com");
  assert_domain ("http://acme.com", "acme.com");
  assert_domain ("www.acme.com", "acme.com");
  assert_domain ("acme.com/products/widgets", "acme.com");
  assert_domain ("acme.com?utm_source=mail", "acme.com");
  /* Port. */
  assert_domain ("acme.com:8080", "acme.com");
  assert_domain ("https://acme.com:443/login", "acme.com");
  /* E-mail address, with or without mailto:. */
  assert_domain ("jane.doe@acme.com", "acme.com");
  assert_domain ("mailto:Jane.Doe@Sales.Acme.COM", "sales.acme.com");
  /* Case, surrounding space, trailing dot. */
  assert_domain ("ACME.COM", "acme.com");
  assert_domain ("  acme.com \t", "acme.com");
  assert_domain ("acme.com.", "acme.com");
  /* Subdomains and multi-label suffixes stay. */
  assert_domain ("shop.acme.co.uk", "shop.acme.co.uk");
  /* "www" is only dropped in front of a real domain. */
  assert_domain ("www.com", "www.com");
  /* IDN stays Unicode, also when pasted as punycode. */
  assert_domain ("Müller.de", "müller.de");
  assert_domain ("https://www.MÜLLER.de/impressum", "müller.de");
  assert_domain ("xn--mller-kva.de", "müller.de");
}

static void
test_domain_reject (void)
{
  g_autofree char *label63 = g_strnfill (63, 'a');
  g_autofree char *label64 = g_strnfill (64, 'a');
  g_autofree char *ok63 = g_strconcat (label63, ".com", NULL);
  g_autofree char *long64 = g_strconcat (label64, ".com", NULL);
  g_autofree char *long64_tld = g_strconcat ("acme.", label64, NULL);
  const char *bad[] = {
    "not a domain",
    "acme",
    "1.2.3.4",
    "http://10.0.0.1:8080/",
    "-acme.com",
    "acme-.com",
    "acme..com",
    "acme.123",
    "jane@",
    "https://",
    "acme_corp.com",
    long64,
    long64_tld,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *domain = abm_normalize_domain (bad[i], &error);

      g_test_message ("rejecting “%s”", bad[i]);
      g_assert_null (domain);
      g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* 63 is the longest label DNS allows: still fine. */
  assert_domain (ok63, ok63);
}

static void
test_domain_empty (void)
{
  const char *empty[] = { "", "   ", "\t\n" };

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *domain = abm_normalize_domain (empty[i], &error);

      g_assert_null (domain);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *domain = abm_normalize_domain (NULL, &error);

    g_assert_null (domain);
    g_assert_no_error (error);
  }
}

static void
test_domain_set_field (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN,
                                             "https://www.Acme.com/about", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (abm_account_get_domain (account), ==, "acme.com");

  /* A bad domain is refused and the old one kept. */
  g_assert_false (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN,
                                              "not a domain", &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (abm_account_get_domain (account), ==, "acme.com");

  /* Empty clears it. */
  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN, "  ", &error));
  g_assert_no_error (error);
  g_assert_null (abm_account_get_domain (account));
}

static void
set_ok (AbmAccount      *account,
        AbmAccountField  field,
        const char      *text)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("setting %s to “%s”", abm_account_field_key (field), text);
  g_assert_true (abm_account_set_field_text (account, field, text, &error));
  g_assert_no_error (error);
}

/* Asserts that @text is refused for @field, that the message names the
 * field, and that the value did not change. */
static void
set_fails (AbmAccount      *account,
           AbmAccountField  field,
           const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = abm_account_dup_field_text (account, field);
  g_autofree char *after = NULL;

  g_test_message ("refusing %s “%s”", abm_account_field_key (field), text);
  g_assert_false (abm_account_set_field_text (account, field, text, &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, abm_account_field_label (field)));

  after = abm_account_dup_field_text (account, field);
  g_assert_cmpstr (after, ==, before);
}

static void
test_number_employees (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();

  g_assert_cmpint (abm_account_get_employees (account), ==, -1);

  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1,200");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1.5k");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1500);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "40K");
  g_assert_cmpint (abm_account_get_employees (account), ==, 40000);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "12 500");
  g_assert_cmpint (abm_account_get_employees (account), ==, 12500);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1.200.000");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200000);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, " 0 ");
  g_assert_cmpint (abm_account_get_employees (account), ==, 0);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "");
  g_assert_cmpint (abm_account_get_employees (account), ==, -1);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "250");
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, NULL);
  g_assert_cmpint (abm_account_get_employees (account), ==, -1);
}

static void
test_number_revenue (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();

  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, -1);

  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "$2.5M");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 2500000);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1.200.000");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 1200000);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "€ 3bn");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 3e9);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1,234.56");
  g_assert_cmpfloat_with_epsilon (abm_account_get_annual_revenue (account), 1234.56, 1e-9);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, -1);

  /* European spellings: a comma before the decimals, dots or spaces
   * grouping thousands. */
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1.234,56");
  g_assert_cmpfloat_with_epsilon (abm_account_get_annual_revenue (account), 1234.56, 1e-9);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "2,5M");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 2500000);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1 200 000");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 1200000);
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "0.125");
  g_assert_cmpfloat_with_epsilon (abm_account_get_annual_revenue (account), 0.13, 1e-9);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1.200");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);

  set_ok (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "£40k");
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, 40000);
  set_ok (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "  ");
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, -1);
}

static void
test_number_negative (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();

  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "300");
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "5M");
  set_ok (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "50k");

  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "-5");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "-$1M");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "$-1M");
  set_fails (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "(40,000)");

  g_assert_cmpint (abm_account_get_employees (account), ==, 300);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 5e6);
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, 5e4);
}

static void
test_number_invalid (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();

  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "42");
  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1000");

  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "abc");
  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "12 people");
  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "5kk");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "$");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, ".");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1e6");
  set_fails (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "n/a");

  g_assert_cmpint (abm_account_get_employees (account), ==, 42);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 1000);
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, -1);
}

static void
test_number_huge (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autofree char *digits400 = g_strnfill (400, '9');

  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "100,000,000");
  g_assert_cmpint (abm_account_get_employees (account), ==, 100000000);
  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "100,000,001");
  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "5bn");
  set_fails (account, ABM_ACCOUNT_FIELD_EMPLOYEES, digits400);
  g_assert_cmpint (abm_account_get_employees (account), ==, 100000000);

  set_ok (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "2bn");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "10,000,000,000,000,000");
  set_fails (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "9999999bn");
  set_fails (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, digits400);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 2e9);
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, -1);
}

static void
test_name_required (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(GError) error = NULL;
  const char *blank[] = { "", "   ", "\t \n" };

  /* A fresh account has no name and does not validate. */
  g_assert_false (abm_account_validate (account, &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);

  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "  Acme Corp  ");
  g_assert_cmpstr (abm_account_get_name (account), ==, "Acme Corp");
  g_assert_true (abm_account_validate (account, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (blank); i++)
    {
      g_assert_false (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME,
                                                  blank[i], &error));
      g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, NULL, &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (abm_account_get_name (account), ==, "Acme Corp");
}

static void
test_text_trim (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  const char *notes = "  Met at the summit.\n\n  - wants SSO\n  ";

  set_ok (account, ABM_ACCOUNT_FIELD_INDUSTRY, "  Banking \t");
  g_assert_cmpstr (abm_account_get_industry (account), ==, "Banking");
  set_ok (account, ABM_ACCOUNT_FIELD_COUNTRY, "\nGermany ");
  g_assert_cmpstr (abm_account_get_country (account), ==, "Germany");
  set_ok (account, ABM_ACCOUNT_FIELD_CITY, " Berlin ");
  g_assert_cmpstr (abm_account_get_city (account), ==, "Berlin");
  set_ok (account, ABM_ACCOUNT_FIELD_OWNER_AE, " Dana Smith ");
  g_assert_cmpstr (abm_account_get_owner_ae (account), ==, "Dana Smith");
  set_ok (account, ABM_ACCOUNT_FIELD_OWNER_MARKETER, "  Lee  ");
  g_assert_cmpstr (abm_account_get_owner_marketer (account), ==, "Lee");

  /* Notes keep their layout, leading and trailing space included. */
  set_ok (account, ABM_ACCOUNT_FIELD_NOTES, notes);
  g_assert_cmpstr (abm_account_get_notes (account), ==, notes);

  /* A text field of only spaces is empty, which is absent. */
  set_ok (account, ABM_ACCOUNT_FIELD_INDUSTRY, "   ");
  g_assert_null (abm_account_get_industry (account));

  /* Invalid UTF-8 is refused. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_CITY,
                                                "Bad \xff city", &error));
    g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
    g_assert_cmpstr (abm_account_get_city (account), ==, "Berlin");
  }
}

/* One value per field, each already in the form dup_field_text() gives. */
static const char *const sample_text[ABM_ACCOUNT_N_FIELDS] = {
  [ABM_ACCOUNT_FIELD_NAME]           = "Acme Corp",
  [ABM_ACCOUNT_FIELD_DOMAIN]         = "acme.com",
  [ABM_ACCOUNT_FIELD_INDUSTRY]       = "Banking",
  [ABM_ACCOUNT_FIELD_EMPLOYEES]      = "1200",
  [ABM_ACCOUNT_FIELD_ANNUAL_REVENUE] = "2500000",
  [ABM_ACCOUNT_FIELD_COUNTRY]        = "Germany",
  [ABM_ACCOUNT_FIELD_CITY]           = "Köln",
  [ABM_ACCOUNT_FIELD_ACV_POTENTIAL]  = "45000.50",
  [ABM_ACCOUNT_FIELD_OWNER_AE]       = "Dana Smith",
  [ABM_ACCOUNT_FIELD_OWNER_MARKETER] = "Lee Park",
  [ABM_ACCOUNT_FIELD_NOTES]          = "  Line one\nLine two  ",
  [ABM_ACCOUNT_FIELD_TECHNOLOGIES]   = "Salesforce; Snowflake",
  [ABM_ACCOUNT_FIELD_INTENT_TOPICS]  = "core banking; cloud migration",
  [ABM_ACCOUNT_FIELD_TIER]           = "2",
  [ABM_ACCOUNT_FIELD_TARGET]         = "yes",
  [ABM_ACCOUNT_FIELD_STAGE]          = "engaged",
};

static AbmAccount *
new_sample_account (void)
{
  AbmAccount *account = abm_account_new ();

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    set_ok (account, i, sample_text[i]);
  return account;
}

static void
test_field_round_trip (void)
{
  g_autoptr(AbmAccount) account = new_sample_account ();

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      g_autofree char *text = abm_account_dup_field_text (account, i);

      g_test_message ("field %s", abm_account_field_key (i));
      g_assert_cmpstr (text, ==, sample_text[i]);
    }

  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 2500000);
  g_assert_cmpfloat_with_epsilon (abm_account_get_acv_potential (account), 45000.5, 1e-9);

  /* Every field but the name can be emptied, and reads back as "". */
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (i == ABM_ACCOUNT_FIELD_NAME)
        continue;
      set_ok (account, i, "");
      text = abm_account_dup_field_text (account, i);
      g_assert_cmpstr (text, ==, "");
    }
  g_assert_cmpint (abm_account_get_employees (account), ==, -1);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, -1);
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, -1);
}

static void
test_field_from_key (void)
{
  AbmAccountField field = ABM_ACCOUNT_FIELD_NAME;

  g_assert_true (abm_account_field_from_key ("owner_ae", &field));
  g_assert_cmpint (field, ==, ABM_ACCOUNT_FIELD_OWNER_AE);

  field = ABM_ACCOUNT_FIELD_NAME;
  g_assert_true (abm_account_field_from_key ("owner-ae", &field));
  g_assert_cmpint (field, ==, ABM_ACCOUNT_FIELD_OWNER_AE);

  field = ABM_ACCOUNT_FIELD_NAME;
  g_assert_true (abm_account_field_from_key ("annual_revenue", &field));
  g_assert_cmpint (field, ==, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE);

  g_assert_true (abm_account_field_from_key ("Owner_Marketer", &field));
  g_assert_cmpint (field, ==, ABM_ACCOUNT_FIELD_OWNER_MARKETER);

  field = ABM_ACCOUNT_FIELD_CITY;
  g_assert_false (abm_account_field_from_key ("owner", &field));
  g_assert_false (abm_account_field_from_key ("", &field));
  g_assert_false (abm_account_field_from_key ("owner ae", &field));
  g_assert_cmpint (field, ==, ABM_ACCOUNT_FIELD_CITY);
  g_assert_true (abm_account_field_from_key ("notes", NULL));

  /* Every key maps back to its field, and every field has a label. */
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      const char *key = abm_account_field_key (i);

      g_assert_nonnull (key);
      g_assert_true (abm_account_field_from_key (key, &field));
      g_assert_cmpint (field, ==, i);
      g_assert_nonnull (abm_account_field_label (i));
      g_assert_cmpstr (abm_account_field_label (i), !=, "");
    }
}

static void
assert_accounts_equal (AbmAccount *a,
                       AbmAccount *b)
{
  g_assert_cmpint (abm_account_get_id (a), ==, abm_account_get_id (b));
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      g_autofree char *ta = abm_account_dup_field_text (a, i);
      g_autofree char *tb = abm_account_dup_field_text (b, i);

      g_test_message ("comparing %s", abm_account_field_key (i));
      g_assert_cmpstr (ta, ==, tb);
    }
  g_assert_cmpint (abm_account_get_employees (a), ==, abm_account_get_employees (b));
  g_assert_cmpfloat (abm_account_get_annual_revenue (a), ==, abm_account_get_annual_revenue (b));
  g_assert_cmpfloat (abm_account_get_acv_potential (a), ==, abm_account_get_acv_potential (b));
}

/* Through the JSON text, as the CLI and the undo log carry it. */
static AbmAccount *
json_round_trip (AbmAccount *account)
{
  g_autoptr(JsonNode) node = abm_account_to_json (account);
  g_autofree char *json = json_to_string (node, FALSE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  AbmAccount *copy;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  copy = abm_account_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static void
test_json_round_trip (void)
{
  g_autoptr(AbmAccount) account = new_sample_account ();
  g_autoptr(AbmAccount) sparse = abm_account_new ();
  g_autoptr(AbmAccount) copy = NULL;
  g_autoptr(AbmAccount) sparse_copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  abm_account_set_id (account, 42);
  set_ok (account, ABM_ACCOUNT_FIELD_DOMAIN, "müller.de");

  node = abm_account_to_json (account);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 42);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Acme Corp");
  g_assert_cmpint (json_object_get_int_member (object, "employees"), ==, 1200);

  copy = json_round_trip (account);
  assert_accounts_equal (account, copy);
  g_assert_cmpstr (abm_account_get_domain (copy), ==, "müller.de");

  /* Unknown numbers and absent text come back unknown and absent. */
  set_ok (sparse, ABM_ACCOUNT_FIELD_NAME, "Sparse Inc");
  g_clear_pointer (&node, json_node_unref);
  node = abm_account_to_json (sparse);
  object = json_node_get_object (node);
  g_assert_true (json_object_get_null_member (object, "employees"));
  g_assert_true (json_object_get_null_member (object, "annual-revenue"));
  g_assert_true (json_object_get_null_member (object, "domain"));

  sparse_copy = json_round_trip (sparse);
  assert_accounts_equal (sparse, sparse_copy);
  g_assert_cmpint (abm_account_get_employees (sparse_copy), ==, -1);
  g_assert_null (abm_account_get_domain (sparse_copy));
}

static void
test_json_invalid (void)
{
  const char *bad[] = {
    "[1, 2, 3]",
    "\"Acme\"",
    "{\"domain\": \"acme.com\"}",
    "{\"name\": \"Acme\", \"employees\": -3}",
    "{\"name\": \"Acme\", \"domain\": \"not a domain\"}",
    "{\"name\": \"Acme\", \"custom\": [\"x\"]}",
    "{\"name\": \"Acme\", \"custom\": {\"Use Case\": 3}}",
    "{\"name\": \"Acme\", \"custom\": {\"\": \"x\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmAccount) account = NULL;

      g_test_message ("refusing %s", bad[i]);
      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      account = abm_account_new_from_json (json_parser_get_root (parser), &error);
      g_assert_null (account);
      g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(AbmAccount) same = NULL;
  guint names = 0, employees = 0, any = 0;

  g_signal_connect (account, "notify::name", G_CALLBACK (count_notify), &names);
  g_signal_connect (account, "notify::employees", G_CALLBACK (count_notify), &employees);
  g_signal_connect (account, "notify", G_CALLBACK (count_notify), &any);

  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "Acme");
  g_assert_cmpuint (names, ==, 1);
  /* The same value, also after trimming, is no change. */
  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "Acme");
  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "  Acme ");
  g_assert_cmpuint (names, ==, 1);
  /* A refused value is no change either. */
  g_assert_false (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, " ", NULL));
  g_assert_cmpuint (names, ==, 1);
  g_object_set (account, "name", "Acme", NULL);
  g_assert_cmpuint (names, ==, 1);
  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "Acme Corp");
  g_assert_cmpuint (names, ==, 2);
  g_object_set (account, "name", "Acme GmbH", NULL);
  g_assert_cmpuint (names, ==, 3);

  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1,200");
  g_assert_cmpuint (employees, ==, 1);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1200");
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1.2k");
  g_assert_cmpuint (employees, ==, 1);
  g_assert_false (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "x", NULL));
  g_assert_cmpuint (employees, ==, 1);
  set_ok (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "");
  g_assert_cmpuint (employees, ==, 2);

  /* Other fields do not notify the name. */
  set_ok (account, ABM_ACCOUNT_FIELD_CITY, "Berlin");
  g_assert_cmpuint (names, ==, 3);

  /* Assigning equal values notifies nothing at all. */
  same = abm_account_copy (account);
  any = 0;
  abm_account_assign (account, same);
  g_assert_cmpuint (any, ==, 0);

  /* Assigning a different name notifies once. */
  set_ok (same, ABM_ACCOUNT_FIELD_NAME, "Beta");
  abm_account_assign (account, same);
  g_assert_cmpuint (names, ==, 4);
  g_assert_cmpuint (any, ==, 1);
  g_assert_cmpstr (abm_account_get_name (account), ==, "Beta");
}

static void
test_copy (void)
{
  g_autoptr(AbmAccount) account = new_sample_account ();
  g_autoptr(AbmAccount) copy = NULL;

  abm_account_set_id (account, 7);
  copy = abm_account_copy (account);
  g_assert_true (copy != account);
  assert_accounts_equal (account, copy);

  /* The copy is independent. */
  set_ok (copy, ABM_ACCOUNT_FIELD_CITY, "Bonn");
  g_assert_cmpstr (abm_account_get_city (account), ==, "Köln");
}

/* The filter's text follows the name and domain, and filtering 100,000
 * accounts with it is quick (timed under -m perf only). */
static void
test_search_text (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  guint found = 0;
  double elapsed;

  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "Müller Bank");
  g_assert_nonnull (strstr (abm_account_get_search_text (account), "müller"));
  set_ok (account, ABM_ACCOUNT_FIELD_DOMAIN, "MUELLER-bank.de");
  g_assert_nonnull (strstr (abm_account_get_search_text (account), "mueller-bank.de"));
  set_ok (account, ABM_ACCOUNT_FIELD_NAME, "Other Name");
  g_assert_null (strstr (abm_account_get_search_text (account), "müller"));

  for (guint i = 0; i < 100000; i++)
    {
      AbmAccount *a = abm_account_new ();
      g_autofree char *name = g_strdup_printf ("Company %u Holdings", i);

      set_ok (a, ABM_ACCOUNT_FIELD_NAME, name);
      g_ptr_array_add (many, a);
      abm_account_get_search_text (a);
    }
  g_test_timer_start ();
  for (guint i = 0; i < many->len; i++)
    found += strstr (abm_account_get_search_text (many->pdata[i]), "company 9999") != NULL;
  elapsed = g_test_timer_elapsed ();
  g_assert_cmpuint (found, ==, 11);   /* 9999 and 99990–99999 */
  if (g_test_perf ())
    g_test_minimized_result (elapsed, "filter 100,000 accounts: %.1f ms", elapsed * 1000);
}

/* Custom fields: trimmed, sorted, removed by an empty value, bounded, and
 * carried by copies, JSON and the stored form. */
static void
test_custom (void)
{
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(AbmAccount) copy = NULL;
  g_autoptr(AbmAccount) parsed = NULL;
  g_autoptr(AbmAccount) stored = abm_account_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *long_value = g_strnfill (ABM_ACCOUNT_MAX_CUSTOM_VALUE + 1, 'x');
  const char *const *pairs;
  guint notified = 0;

  abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, "Acme", NULL);
  g_signal_connect (account, "notify::custom", G_CALLBACK (count_notify), &notified);
  g_assert_null (abm_account_get_custom_pairs (account));
  g_assert_null (abm_account_dup_custom_json (account));

  g_assert_true (abm_account_set_custom (account, " Use Case ", " Fraud\tdetection ", &error));
  g_assert_true (abm_account_set_custom (account, "Segment", "Enterprise", &error));
  g_assert_true (abm_account_set_custom (account, "Segment", "Enterprise", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (abm_account_get_custom (account, "Use Case"), ==, "Fraud detection");
  pairs = abm_account_get_custom_pairs (account);
  g_assert_cmpstr (pairs[0], ==, "Segment");
  g_assert_cmpstr (pairs[2], ==, "Use Case");
  g_assert_null (pairs[4]);

  g_assert_false (abm_account_set_custom (account, "Notes", long_value, &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_account_set_custom (account, "", "x", &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);

  copy = abm_account_copy (account);
  g_assert_cmpstr (abm_account_get_custom (copy, "Segment"), ==, "Enterprise");

  g_assert_true (abm_account_set_custom (account, "Quote \"q\"", "back\\slash \"and\" ünï", &error));
  json = abm_account_dup_custom_json (account);
  g_assert_true (abm_account_set_custom_json (stored, json, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (abm_account_get_custom (stored, "Use Case"), ==, "Fraud detection");
  g_assert_cmpstr (abm_account_get_custom (stored, "Quote \"q\""), ==, "back\\slash \"and\" ünï");
  /* Any JSON object reads, not only the form we write. */
  {
    g_autoptr(AbmAccount) other = abm_account_new ();
    g_assert_true (abm_account_set_custom_json (other, "{ \"B\" : \"x\\u00e9\", \"A\": \" y \" }", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (abm_account_get_custom (other, "B"), ==, "xé");
    g_assert_cmpstr (abm_account_get_custom (other, "A"), ==, "y");
    g_assert_cmpstr (abm_account_get_custom_pairs (other)[0], ==, "A");
  }
  /* A broken stored form leaves the account as it was. */
  g_assert_false (abm_account_set_custom_json (stored, "{\"a\": ", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (abm_account_set_custom_json (stored, "{\"a\": {\"b\": \"c\"}}", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (abm_account_get_custom (stored, "Segment"), ==, "Enterprise");
  /* Blank text is no fields, as an empty string is (tests/fuzz). */
  {
    g_autoptr(AbmAccount) blank = abm_account_new ();

    g_assert_true (abm_account_set_custom_json (blank, " ", &error));
    g_assert_no_error (error);
    g_assert_null (abm_account_get_custom_pairs (blank));
  }

  node = abm_account_to_json (account);
  parsed = abm_account_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (abm_account_get_custom (parsed, "Use Case"), ==, "Fraud detection");

  g_assert_true (abm_account_set_custom (account, "Segment", "", &error));
  g_assert_null (abm_account_get_custom (account, "Segment"));
  g_assert_true (abm_account_set_custom (account, "Quote \"q\"", NULL, &error));
  g_assert_true (abm_account_set_custom (account, "Use Case", NULL, &error));
  g_assert_null (abm_account_get_custom_pairs (account));

  for (guint i = 0; i < ABM_ACCOUNT_MAX_CUSTOM; i++)
    {
      g_autofree char *key = g_strdup_printf ("Field %02u", i);
      g_assert_true (abm_account_set_custom (account, key, "v", &error));
    }
  g_assert_false (abm_account_set_custom (account, "One too many", "v", &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  /* Changing one that is there still works when full. */
  g_assert_true (abm_account_set_custom (account, "Field 03", "w", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account/domain/normalize", test_domain_normalize);
  g_test_add_func ("/account/domain/reject", test_domain_reject);
  g_test_add_func ("/account/domain/empty", test_domain_empty);
  g_test_add_func ("/account/domain/set-field", test_domain_set_field);
  g_test_add_func ("/account/number/employees", test_number_employees);
  g_test_add_func ("/account/number/revenue", test_number_revenue);
  g_test_add_func ("/account/number/negative", test_number_negative);
  g_test_add_func ("/account/number/invalid", test_number_invalid);
  g_test_add_func ("/account/number/huge", test_number_huge);
  g_test_add_func ("/account/name/required", test_name_required);
  g_test_add_func ("/account/text/trim", test_text_trim);
  g_test_add_func ("/account/field/round-trip", test_field_round_trip);
  g_test_add_func ("/account/field/from-key", test_field_from_key);
  g_test_add_func ("/account/json/round-trip", test_json_round_trip);
  g_test_add_func ("/account/json/invalid", test_json_invalid);
  g_test_add_func ("/account/notify", test_notify);
  g_test_add_func ("/account/copy", test_copy);
  g_test_add_func ("/account/custom", test_custom);
  g_test_add_func ("/account/search-text", test_search_text);

  return g_test_run ();
}
