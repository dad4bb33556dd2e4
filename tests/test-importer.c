/* test-importer.c: CSV exports into a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "abm-csv-reader.h"
#include "abm-engagement-importer.h"
#include "abm-importer.h"

typedef struct {
  char         *dir;
  AbmWorkspace *workspace;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("abm-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "w.abm", NULL);
  f->workspace = abm_workspace_create (path, "Import", "EUR", FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->workspace);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static AbmImporter *
open_text (Fixture    *f,
           const char *csv)
{
  g_autoptr(AbmImporter) importer = abm_importer_new (f->workspace);
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_importer_open_data (importer, csv, strlen (csv), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&importer);
}

static void
import_ok (AbmImporter *importer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_importer_prepare (importer, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (abm_importer_apply (importer, &error));
  g_assert_no_error (error);
}

static guint
n_accounts (Fixture *f)
{
  return g_list_model_get_n_items (abm_workspace_get_accounts (f->workspace));
}

/* Column headers of real exports map onto our fields by name. */
static void
test_guess_headers (void)
{
  static const struct {
    const char *header;
    int         field;
  } cases[] = {
    /* HubSpot companies */
    { "Company name", ABM_ACCOUNT_FIELD_NAME },
    { "Company Domain Name", ABM_ACCOUNT_FIELD_DOMAIN },
    { "Number of Employees", ABM_ACCOUNT_FIELD_EMPLOYEES },
    { "Annual Revenue", ABM_ACCOUNT_FIELD_ANNUAL_REVENUE },
    { "Country/Region", ABM_ACCOUNT_FIELD_COUNTRY },
    { "Ideal Customer Profile Tier", ABM_ACCOUNT_FIELD_TIER },
    { "Target Account", ABM_ACCOUNT_FIELD_TARGET },
    { "Lifecycle Stage", ABM_ACCOUNT_FIELD_STAGE },
    { "Company owner", ABM_ACCOUNT_FIELD_OWNER_AE },
    /* Salesforce accounts */
    { "Account Name", ABM_ACCOUNT_FIELD_NAME },
    { "Website", ABM_ACCOUNT_FIELD_DOMAIN },
    { "Employees", ABM_ACCOUNT_FIELD_EMPLOYEES },
    { "Billing Country", ABM_ACCOUNT_FIELD_COUNTRY },
    { "Billing City", ABM_ACCOUNT_FIELD_CITY },
    { "Account Owner", ABM_ACCOUNT_FIELD_OWNER_AE },
    /* Plain names, any case, and our own export */
    { "NAME", ABM_ACCOUNT_FIELD_NAME },
    { "domain", ABM_ACCOUNT_FIELD_DOMAIN },
    { "Industry", ABM_ACCOUNT_FIELD_INDUSTRY },
    { "acv-potential", ABM_ACCOUNT_FIELD_ACV_POTENTIAL },
    { "owner_marketer", ABM_ACCOUNT_FIELD_OWNER_MARKETER },
    /* Not ours */
    { "Record ID", ABM_IMPORT_IGNORE },
    { "Create Date", ABM_IMPORT_IGNORE },
    { "", ABM_IMPORT_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpint (abm_import_guess_field (cases[i].header), ==, cases[i].field);
    }
}

static void
test_import_hubspot (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AbmImporter) importer =
    open_text (f, "Record ID,Company name,Company Domain Name,Number of Employees,Annual Revenue,"
                  "Country/Region,Ideal Customer Profile Tier,Target Account\r\n"
                  "101,Acme Corp,https://www.acme.com/about,\"1,200\",$2.5M,Germany,tier_1,true\r\n"
                  "102,Globex,globex.com,300,1.2M,France,Tier 3,false\r\n");
  AbmAccount *acme;

  g_assert_cmpuint (abm_importer_get_n_columns (importer), ==, 8);
  /* A column that is none of ours is kept as a custom field. */
  g_assert_cmpint (abm_importer_get_mapping (importer, 0), ==, ABM_IMPORT_CUSTOM);
  g_assert_cmpint (abm_importer_get_mapping (importer, 1), ==, ABM_ACCOUNT_FIELD_NAME);
  g_assert_cmpuint (abm_importer_get_preview (importer)->len, ==, 2);

  import_ok (importer);
  g_assert_cmpuint (abm_importer_get_n_new (importer), ==, 2);
  g_assert_cmpuint (abm_importer_get_rejects (importer)->len, ==, 0);

  acme = abm_workspace_find_account (f->workspace, "acme.com");
  g_assert_nonnull (acme);
  g_assert_cmpstr (abm_account_get_name (acme), ==, "Acme Corp");
  g_assert_cmpint (abm_account_get_employees (acme), ==, 1200);
  g_assert_cmpfloat (abm_account_get_annual_revenue (acme), ==, 2500000);
  g_assert_cmpuint (abm_account_get_tier (acme), ==, 1);
  g_assert_true (abm_account_get_target (acme));
  g_assert_cmpstr (abm_account_get_custom (acme, "Record ID"), ==, "101");
  g_assert_cmpuint (abm_account_get_tier (abm_workspace_find_account (f->workspace, "globex.com")), ==, 3);
}

/* Custom columns are kept by their header, survive reopening the file,
 * merge like other cells, and can be left out or asked for by a mapping. */
static void
test_import_custom (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AbmImporter) importer = NULL;
  g_autoptr(AbmImporter) mapped = NULL;
  g_autoptr(AbmWorkspace) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *path = g_strdup (abm_workspace_get_path (f->workspace));
  const char *mapping = "{\"Segment\": null, \"Region code\": \"custom\"}";
  AbmAccount *acme;

  importer = open_text (f, "name,domain,Use Case,Segment, Use Case \n"
                           "Acme,acme.com,Fraud detection,Enterprise,ignored twin\n"
                           "Acme again,acme.com,,Mid-market,\n"
                           "Globex,globex.com,Payments,,\n");
  g_assert_cmpint (abm_importer_get_mapping (importer, 2), ==, ABM_IMPORT_CUSTOM);
  g_assert_cmpint (abm_importer_get_mapping (importer, 3), ==, ABM_IMPORT_CUSTOM);
  /* A second column of the same name would overwrite the first. */
  g_assert_cmpint (abm_importer_get_mapping (importer, 4), ==, ABM_IMPORT_IGNORE);
  g_assert_false (abm_importer_can_be_custom (importer, 4));
  import_ok (importer);

  acme = abm_workspace_find_account (f->workspace, "acme.com");
  g_assert_cmpstr (abm_account_get_custom (acme, "Use Case"), ==, "Fraud detection");
  /* The merged row's non-empty cell wins, as for any field. */
  g_assert_cmpstr (abm_account_get_custom (acme, "Segment"), ==, "Mid-market");
  g_assert_null (abm_account_get_custom (abm_workspace_find_account (f->workspace, "globex.com"),
                                         "Segment"));

  names = abm_workspace_dup_custom_fields (f->workspace);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Segment");
  g_assert_cmpstr (names[1], ==, "Use Case");

  mapped = open_text (f, "domain,Segment,Region code\nglobex.com,SMB,EMEA\n");
  g_assert_true (abm_importer_load_mapping (mapped, mapping, strlen (mapping), &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_importer_get_mapping (mapped, 1), ==, ABM_IMPORT_IGNORE);
  import_ok (mapped);

  g_clear_object (&importer);
  g_clear_object (&mapped);
  g_clear_object (&f->workspace);
  reopened = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  acme = abm_workspace_find_account (reopened, "acme.com");
  g_assert_cmpstr (abm_account_get_custom (acme, "Use Case"), ==, "Fraud detection");
  acme = abm_workspace_find_account (reopened, "globex.com");
  g_assert_cmpstr (abm_account_get_custom (acme, "Use Case"), ==, "Payments");
  g_assert_cmpstr (abm_account_get_custom (acme, "Region code"), ==, "EMEA");
  g_assert_null (abm_account_get_custom (acme, "Segment"));
  f->workspace = g_steal_pointer (&reopened);
}

/* A file with more unknown columns than an account holds keeps the first
 * ones as custom fields and leaves out the rest, which the user sees. */
static void
test_import_custom_cap (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("name");
  g_autoptr(AbmImporter) importer = NULL;
  guint n_custom = 0;

  for (guint i = 0; i < ABM_ACCOUNT_MAX_CUSTOM + 5; i++)
    g_string_append_printf (csv, ",Extra %u", i);
  g_string_append (csv, "\nAcme");
  for (guint i = 0; i < ABM_ACCOUNT_MAX_CUSTOM + 5; i++)
    g_string_append_printf (csv, ",v%u", i);
  g_string_append_c (csv, '\n');

  importer = open_text (f, csv->str);
  for (guint i = 1; i < abm_importer_get_n_columns (importer); i++)
    n_custom += abm_importer_get_mapping (importer, i) == ABM_IMPORT_CUSTOM;
  g_assert_cmpuint (n_custom, ==, ABM_ACCOUNT_MAX_CUSTOM);
  g_assert_cmpint (abm_importer_get_mapping (importer, ABM_ACCOUNT_MAX_CUSTOM + 1), ==, ABM_IMPORT_IGNORE);
  g_assert_false (abm_importer_can_be_custom (importer, ABM_ACCOUNT_MAX_CUSTOM + 1));
  import_ok (importer);
  g_assert_cmpuint (abm_importer_get_rejects (importer)->len, ==, 0);
}

/* The same domain twice in a file is one account; a domain already in the
 * workspace updates it, or is skipped when asked. */
static void
test_import_duplicates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AbmImporter) first = NULL;
  g_autoptr(AbmImporter) update = NULL;
  g_autoptr(AbmImporter) skip = NULL;
  AbmAccount *acme;

  first = open_text (f, "name,domain,employees,country\n"
                        "Acme,acme.com,100,\n"
                        "Acme Corporation,WWW.ACME.COM,,Germany\n");
  import_ok (first);
  g_assert_cmpuint (abm_importer_get_n_new (first), ==, 1);
  g_assert_cmpuint (abm_importer_get_n_merged (first), ==, 1);
  g_assert_cmpuint (n_accounts (f), ==, 1);
  acme = abm_workspace_find_account (f->workspace, "acme.com");
  /* Later non-empty cells win; empty ones keep what was there. */
  g_assert_cmpstr (abm_account_get_name (acme), ==, "Acme Corporation");
  g_assert_cmpint (abm_account_get_employees (acme), ==, 100);
  g_assert_cmpstr (abm_account_get_country (acme), ==, "Germany");

  skip = open_text (f, "name,domain,employees\nAcme Skipped,acme.com,999\nNew Co,new.com,5\n");
  abm_importer_set_duplicates (skip, ABM_IMPORT_SKIP);
  import_ok (skip);
  g_assert_cmpuint (abm_importer_get_n_skipped (skip), ==, 1);
  g_assert_cmpint (abm_account_get_employees (acme), ==, 100);
  g_assert_cmpuint (n_accounts (f), ==, 2);

  update = open_text (f, "name,domain,employees\nAcme,https://acme.com,250\n");
  import_ok (update);
  g_assert_cmpuint (abm_importer_get_n_updated (update), ==, 1);
  g_assert_cmpuint (abm_importer_get_n_new (update), ==, 0);
  g_assert_cmpint (abm_account_get_employees (acme), ==, 250);
  g_assert_cmpuint (n_accounts (f), ==, 2);
}

/* Rows that cannot be imported are listed with line and reason. */
static void
test_import_rejects (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AbmImporter) importer =
    open_text (f, "name,domain,employees\n"
                  "Good,good.com,10\n"
                  "\"Multi\nline\",multi.com,20\n"
                  "Bad Count,bad.com,lots\n"
                  ",,\n"
                  ",domain-only.com,\n"
                  "Bad Domain,not a domain,\n");
  GPtrArray *rejects;
  AbmImportReject *reject;

  import_ok (importer);
  rejects = abm_importer_get_rejects (importer);
  g_assert_cmpuint (rejects->len, ==, 3);

  reject = rejects->pdata[0];
  g_assert_cmpuint (reject->line, ==, 5);   /* the multi-line record took lines 3–4 */
  g_assert_nonnull (strstr (reject->reason, "Employees"));
  reject = rejects->pdata[1];
  g_assert_cmpuint (reject->line, ==, 6);
  reject = rejects->pdata[2];
  g_assert_cmpuint (reject->line, ==, 8);
  g_assert_nonnull (strstr (reject->reason, "not a domain"));

  /* A row with only a domain is named after it. */
  g_assert_cmpstr (abm_account_get_name (abm_workspace_find_account (f->workspace, "domain-only.com")),
                   ==, "domain-only.com");
  g_assert_cmpuint (n_accounts (f), ==, 3);
}

/* A file that cannot be read to its end changes nothing. */
static void
test_import_malformed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AbmImporter) importer =
    open_text (f, "name,domain\nFine,fine.com\n\"Broken,broken.com\nMore,more.com\n");
  g_autoptr(GError) error = NULL;

  g_assert_false (abm_importer_prepare (importer, NULL, NULL, NULL, &error));
  g_assert_error (error, ABM_CSV_ERROR, ABM_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpuint (abm_importer_get_n_new (importer), ==, 0);
  g_assert_cmpuint (n_accounts (f), ==, 0);
}

static void
test_import_mapping (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AbmImporter) importer =
    open_text (f, "Firma;Webseite;Mitarbeiter\nMüller GmbH;mueller.de;1.200\n");
  g_autoptr(AbmImporter) unmapped =
    open_text (f, "Firma;Webseite\nX;x.de\n");
  g_autoptr(GError) error = NULL;
  const char *map = "{\"Firma\": \"name\", \"Webseite\": \"domain\", \"Mitarbeiter\": \"employees\"}";
  AbmAccount *account;

  g_assert_cmpint (abm_importer_get_delimiter (importer), ==, ';');

  /* Without a name or domain column there is nothing to key accounts on. */
  g_assert_false (abm_importer_prepare (unmapped, NULL, NULL, NULL, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN);
  g_clear_error (&error);

  g_assert_false (abm_importer_load_mapping (importer, "{\"Nope\": \"name\"}", -1, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (abm_importer_load_mapping (importer, "{\"Firma\": \"shoe-size\"}", -1, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  /* Blank text and nesting are no mapping (tests/fuzz). */
  g_assert_false (abm_importer_load_mapping (importer, " ", -1, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (abm_importer_load_mapping (importer, "{\"Firma\": [[[\"name\"]]]}", -1, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING);
  g_clear_error (&error);

  g_assert_true (abm_importer_load_mapping (importer, map, strlen (map), &error));
  g_assert_no_error (error);
  import_ok (importer);
  account = abm_workspace_find_account (f->workspace, "mueller.de");
  g_assert_nonnull (account);
  g_assert_cmpstr (abm_account_get_name (account), ==, "Müller GmbH");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);
}

/* A spreadsheet saved in Windows-1252 reads as the same text. */
static void
test_import_windows_1252 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(AbmImporter) importer =
    open_text (f, "name,domain,city\nM\xfcller AG,mueller.ch,Z\xfcrich\n");

  g_assert_cmpstr (abm_importer_get_encoding (importer), ==, "WINDOWS-1252");
  import_ok (importer);
  g_assert_cmpstr (abm_account_get_city (abm_workspace_find_account (f->workspace, "mueller.ch")),
                   ==, "Zürich");
}


/* Activities and deals: the same reader, the same reporting of rows left out */

static void
import_accounts (Fixture    *f,
                 const char *csv)
{
  g_autoptr(AbmImporter) importer = open_text (f, csv);

  import_ok (importer);
}

static AbmEngagementImporter *
engagement_importer (Fixture                 *f,
                     AbmEngagementImportKind  kind,
                     const char              *csv,
                     GError                 **error)
{
  g_autoptr(AbmEngagementImporter) importer = abm_engagement_importer_new (f->workspace, kind);

  if (!abm_engagement_importer_open_data (importer, csv, strlen (csv), error))
    return NULL;
  return g_steal_pointer (&importer);
}

static const char *
reject_reason (AbmEngagementImporter *importer,
               guint64                line)
{
  GPtrArray *rejects = abm_engagement_importer_get_rejects (importer);

  for (guint i = 0; i < rejects->len; i++)
    if (((AbmImportReject *) rejects->pdata[i])->line == line)
      return ((AbmImportReject *) rejects->pdata[i])->reason;
  return NULL;
}

static void
test_import_activities (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AbmEngagementImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  const AbmActivity *all;
  gsize n;

  import_accounts (f, "Name,Domain\nNorthwind Bank,northwind.com\n"
                                                                 "Contoso,contoso.com\n");
  importer = engagement_importer (f, ABM_ENGAGEMENT_IMPORT_ACTIVITIES,
                                  "Activity Date,Company Domain,Activity Type,Campaign\n"
                                  "2026-03-01,northwind.com,Web Visit,Spring\n"          /* 2 */
                                  "2026-03-02T10:15:00Z,https://www.contoso.com/,Demo Request,\n" /* 3 */
                                  "2026-03-03,unknown.example,Meeting,\n"                 /* 4 */
                                  "03/04/2026x,northwind.com,Meeting,\n"                  /* 5 */
                                  "2026-03-05,northwind.com,Telepathy,\n"                 /* 6 */
                                  ",northwind.com,Meeting,\n",                            /* 7 */
                                  &error);
  g_assert_no_error (error);
  g_assert_true (abm_engagement_importer_prepare (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (abm_engagement_importer_get_n_new (importer), ==, 2);
  g_assert_cmpuint (abm_engagement_importer_get_rejects (importer)->len, ==, 4);
  g_assert_nonnull (strstr (reject_reason (importer, 4), "unknown.example"));
  g_assert_nonnull (strstr (reject_reason (importer, 5), "not a date"));
  g_assert_nonnull (strstr (reject_reason (importer, 6), "Telepathy"));
  g_assert_nonnull (reject_reason (importer, 7));

  /* Nothing is stored before apply(). */
  all = abm_workspace_get_activities (f->workspace, &n, &error);
  g_assert_nonnull (all);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (abm_engagement_importer_apply (importer, &error));
  g_assert_no_error (error);
  all = abm_workspace_get_activities (f->workspace, &n, &error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (all[0].kind, ==, ABM_ACTIVITY_WEBSITE_VISIT);
  g_assert_cmpstr (all[0].campaign, ==, "Spring");
  g_assert_cmpint (all[1].kind, ==, ABM_ACTIVITY_DEMO_REQUEST);
}

static void
test_import_activities_columns (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(AbmEngagementImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  const char *mapping = "{\"When\": \"date\", \"What\": \"type\", \"Site\": \"domain\"}";

  /* No date column: the file is refused as a whole, with what it lacks. */
  importer = engagement_importer (f, ABM_ENGAGEMENT_IMPORT_ACTIVITIES, "Company Domain,Type\nnorthwind.com,Meeting\n",
                                  &error);
  g_assert_no_error (error);
  g_assert_false (abm_engagement_importer_prepare (importer, NULL, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN);
  g_assert_nonnull (strstr (error->message, "Date"));
  g_clear_error (&error);
  g_clear_object (&importer);

  /* Columns of any name, by a mapping file. */
  import_accounts (f, "Name,Domain\nNorthwind Bank,northwind.com\n");
  importer = engagement_importer (f, ABM_ENGAGEMENT_IMPORT_ACTIVITIES, "When,What,Site\n2026-01-02,Meeting,northwind.com\n",
                                  &error);
  g_assert_no_error (error);
  g_assert_true (abm_engagement_importer_load_mapping (importer, mapping, strlen (mapping), &error));
  g_assert_no_error (error);
  g_assert_true (abm_engagement_importer_prepare (importer, NULL, &error));
  g_assert_cmpuint (abm_engagement_importer_get_n_new (importer), ==, 1);
  g_assert_false (abm_engagement_importer_load_mapping (importer, "{\"Nope\": \"date\"}", 17, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING);
}

static void
test_import_opportunities (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AbmEngagementImporter) importer = NULL;
  g_autoptr(AbmEngagementImporter) again = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *all;
  const char *csv = "Deal Name,Company Domain,Amount,Deal Stage,Create Date,Close Date,ABM Sourced\n"
                    "Core Banking,northwind.com,\"$1,250,000.00\",Closed Won,2026-01-05,2026-04-01,yes\n" /* 2 */
                    "Payments,northwind.com,90000,Proposal,2026-02-01,,no\n"                             /* 3 */
                    "Lost One,northwind.com,5000,Closed Lost,2026-02-01,,no\n"                           /* 4 */
                    "Cheap,northwind.com,lots,Proposal,2026-02-01,,no\n"                                 /* 5 */
                    "Nobody,nobody.example,1,Proposal,2026-02-01,,no\n";                                 /* 6 */

  import_accounts (f, "Name,Domain\nNorthwind Bank,northwind.com\n");
  importer = engagement_importer (f, ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES, csv, &error);
  g_assert_no_error (error);
  g_assert_true (abm_engagement_importer_prepare (importer, NULL, &error));
  g_assert_cmpuint (abm_engagement_importer_get_n_new (importer), ==, 2);
  /* A lost deal without its closing day, an amount that is not one, an
   * unknown account. */
  g_assert_nonnull (reject_reason (importer, 4));
  g_assert_nonnull (strstr (reject_reason (importer, 5), "lots"));
  g_assert_nonnull (strstr (reject_reason (importer, 6), "nobody.example"));
  g_assert_true (abm_engagement_importer_apply (importer, &error));
  g_assert_no_error (error);
  all = abm_workspace_get_all_opportunities (f->workspace, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpfloat (abm_opportunity_get_amount (all->pdata[0]), ==, 1250000);
  g_assert_cmpint (abm_opportunity_get_status (all->pdata[0]), ==, ABM_OPPORTUNITY_WON);
  g_assert_true (abm_opportunity_get_abm_sourced (all->pdata[0]));
  g_assert_cmpint (abm_opportunity_get_status (all->pdata[1]), ==, ABM_OPPORTUNITY_OPEN);

  /* The same export again updates the deals of the same name. */
  again = engagement_importer (f, ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES, csv, &error);
  g_assert_true (abm_engagement_importer_prepare (again, NULL, &error));
  g_assert_cmpuint (abm_engagement_importer_get_n_new (again), ==, 0);
  g_assert_cmpuint (abm_engagement_importer_get_n_updated (again), ==, 2);
  g_assert_true (abm_engagement_importer_apply (again, &error));
  g_assert_cmpuint (abm_workspace_get_all_opportunities (f->workspace, NULL)->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/importer/guess-headers", test_guess_headers);
  ADD ("/importer/hubspot", test_import_hubspot);
  ADD ("/importer/custom", test_import_custom);
  ADD ("/importer/custom-cap", test_import_custom_cap);
  ADD ("/importer/duplicates", test_import_duplicates);
  ADD ("/importer/rejects", test_import_rejects);
  ADD ("/importer/malformed", test_import_malformed);
  ADD ("/importer/mapping", test_import_mapping);
  ADD ("/importer/windows-1252", test_import_windows_1252);
  ADD ("/importer/activities", test_import_activities);
  ADD ("/importer/activities-columns", test_import_activities_columns);
  ADD ("/importer/opportunities", test_import_opportunities);

#undef ADD

  return g_test_run ();
}
