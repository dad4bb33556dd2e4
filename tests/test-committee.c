/* test-committee.c: stakeholders, reporting lines, links, undo, coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "abm-contact-importer.h"
#include "abm-coverage.h"
#include "abm-workspace.h"

static AbmStakeholder *
person (const char *name,
        const char *roles)
{
  AbmStakeholder *s = abm_stakeholder_new ();

  g_assert_true (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_NAME, name, NULL));
  if (roles != NULL)
    g_assert_true (abm_stakeholder_set_roles_text (s, roles, NULL));
  return s;
}

/* Values are checked and normalised as they are set. */
static void
test_stakeholder_values (void)
{
  g_autoptr(AbmStakeholder) s = abm_stakeholder_new ();
  g_autoptr(AbmStakeholder) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *roles = NULL;
  GDate today;
  AbmRole role;

  g_assert_false (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_NAME, "  ", &error));
  g_assert_error (error, ABM_STAKEHOLDER_ERROR, ABM_STAKEHOLDER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_NAME, " Dana Lee\n", &error));
  g_assert_cmpstr (abm_stakeholder_get_name (s), ==, "Dana Lee");
  g_assert_true (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_EMAIL, "Dana.Lee@Northwind.com", &error));
  g_assert_cmpstr (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL), ==, "dana.lee@northwind.com");
  g_assert_false (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_EMAIL, "dana at northwind", &error));
  g_clear_error (&error);
  g_assert_true (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_LINKEDIN, "linkedin.com/in/danalee", &error));
  g_assert_cmpstr (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_LINKEDIN), ==, "https://linkedin.com/in/danalee");
  g_assert_false (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_LINKEDIN, "javascript:alert(1)", &error));
  g_clear_error (&error);

  /* HubSpot's buying-role values and our labels both read. */
  g_assert_true (abm_role_from_text ("DECISION_MAKER", &role));
  g_assert_cmpint (role, ==, ABM_ROLE_DECISION_MAKER);
  g_assert_true (abm_role_from_text ("Legal and compliance", &role));
  g_assert_cmpint (role, ==, ABM_ROLE_LEGAL);
  g_assert_true (abm_stakeholder_set_roles_text (s, "champion; TECHNICAL_EVALUATOR", &error));
  g_assert_true (abm_stakeholder_has_role (s, ABM_ROLE_CHAMPION));
  g_assert_cmpint (abm_stakeholder_get_main_role (s), ==, ABM_ROLE_CHAMPION);
  roles = abm_stakeholder_dup_roles_text (s);
  g_assert_cmpstr (roles, ==, "Champion, Technical evaluator");
  g_assert_false (abm_stakeholder_set_roles_text (s, "kingmaker", &error));
  g_clear_error (&error);
  g_assert_true (abm_stakeholder_has_role (s, ABM_ROLE_CHAMPION));

  g_assert_false (abm_stakeholder_set_influence (s, 6, &error));
  g_clear_error (&error);
  g_assert_true (abm_stakeholder_set_influence (s, 4, &error));
  g_assert_false (abm_stakeholder_set_last_contact (s, "2026-02-30", &error));
  g_clear_error (&error);
  g_assert_true (abm_stakeholder_set_last_contact (s, "2026-10-01", &error));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 10, 2026);
  g_assert_cmpint (abm_stakeholder_days_since_contact (s, &today), ==, 30);
  abm_stakeholder_set_sentiment (s, ABM_STAKEHOLDER_SENTIMENT_NEUTRAL);
  g_assert_false (abm_stakeholder_is_positive (s));
  abm_stakeholder_set_support (s, ABM_SUPPORT_MENTOR);
  g_assert_true (abm_stakeholder_is_positive (s));

  node = abm_stakeholder_to_json (s);
  back = abm_stakeholder_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (abm_stakeholder_equal (s, back));
}

typedef struct {
  char         *dir;
  char         *path;
  AbmWorkspace *workspace;
  AbmAccount   *account;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmAccount) account = abm_account_new ();

  f->dir = g_dir_make_tmp ("abm-committee-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "w.abm", NULL);
  f->workspace = abm_workspace_create (f->path, "Committees", "EUR", FALSE, &error);
  g_assert_no_error (error);
  abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, "Northwind Bank", NULL);
  abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN, "northwind.com", NULL);
  g_assert_true (abm_workspace_add_account (f->workspace, account, &error));
  f->account = account;
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
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->workspace);
  f->workspace = abm_workspace_open (f->path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->account = abm_workspace_find_account (f->workspace, "northwind.com");
}

static AbmStakeholder *
add (Fixture        *f,
     const char     *name,
     const char     *roles,
     AbmStakeholder *manager)
{
  g_autoptr(AbmStakeholder) values = person (name, roles);
  g_autoptr(GError) error = NULL;
  AbmStakeholder *added;

  if (manager != NULL)
    abm_stakeholder_set_manager_id (values, abm_stakeholder_get_id (manager));
  added = abm_workspace_add_stakeholder (f->workspace, f->account, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  return added;
}

static AbmStakeholder *
named (Fixture    *f,
       const char *name)
{
  GListModel *people = abm_workspace_get_committee (f->workspace, f->account, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (people, i);
      if (g_strcmp0 (abm_stakeholder_get_name (s), name) == 0)
        return s;
    }
  return NULL;
}

/* People are stored with their reporting lines; a manager elsewhere or a
 * loop is refused with a message naming the people. */
static void
test_committee_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AbmStakeholder *cio, *architect, *analyst;

  cio = add (f, "Ana Ruiz", "decision-maker", NULL);
  architect = add (f, "Ben Ode", "technical-evaluator", cio);
  analyst = add (f, "Cy Park", "end-user", architect);

  {
    g_autoptr(AbmStakeholder) values = abm_stakeholder_copy (cio);

    /* Ana under Cy: Cy reports to Ben, who reports to Ana. */
    abm_stakeholder_set_manager_id (values, abm_stakeholder_get_id (analyst));
    g_assert_false (abm_workspace_update_stakeholder (f->workspace, cio, values, &error));
    g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Ana Ruiz cannot report to Cy Park"));
    g_clear_error (&error);
    abm_stakeholder_set_manager_id (values, abm_stakeholder_get_id (cio));
    g_assert_false (abm_workspace_update_stakeholder (f->workspace, cio, values, &error));
    g_assert_nonnull (strstr (error->message, "cannot report to themselves"));
    g_clear_error (&error);
    abm_stakeholder_set_manager_id (values, 9999);
    g_assert_false (abm_workspace_update_stakeholder (f->workspace, cio, values, &error));
    g_clear_error (&error);
  }

  /* A dotted line and links are kept. */
  {
    g_autoptr(AbmStakeholder) values = abm_stakeholder_copy (analyst);

    abm_stakeholder_set_dotted_manager_id (values, abm_stakeholder_get_id (cio));
    abm_stakeholder_set_sentiment (values, ABM_STAKEHOLDER_SENTIMENT_CHAMPION);
    g_assert_true (abm_workspace_update_stakeholder (f->workspace, analyst, values, &error));
    g_assert_no_error (error);
  }
  g_assert_true (abm_workspace_set_link (f->workspace, f->account, abm_stakeholder_get_id (analyst),
                                         abm_stakeholder_get_id (cio), ABM_LINK_INFLUENCES, TRUE, &error));
  g_assert_true (abm_workspace_set_link (f->workspace, f->account, abm_stakeholder_get_id (architect),
                                         abm_stakeholder_get_id (analyst), ABM_LINK_CONFLICTS, TRUE, &error));
  g_assert_no_error (error);

  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_committee (f->workspace, f->account, NULL)), ==, 3);
  analyst = named (f, "Cy Park");
  g_assert_cmpint (abm_stakeholder_get_manager_id (analyst), ==, abm_stakeholder_get_id (named (f, "Ben Ode")));
  g_assert_cmpint (abm_stakeholder_get_dotted_manager_id (analyst), ==, abm_stakeholder_get_id (named (f, "Ana Ruiz")));
  g_assert_cmpint (abm_stakeholder_get_sentiment (analyst), ==, ABM_STAKEHOLDER_SENTIMENT_CHAMPION);
  g_assert_cmpuint (abm_workspace_get_committee_links (f->workspace, f->account)->len, ==, 2);
}

/* Removing a person frees their reports and drops their links; Undo puts
 * all of it back, under the same id. Deleting the account takes the
 * committee, and undoing that brings it back. */
static void
test_committee_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AbmStakeholder *boss, *report;
  gint64 boss_id, undo_id;

  boss = add (f, "Ana Ruiz", "decision-maker", NULL);
  report = add (f, "Ben Ode", "champion", boss);
  boss_id = abm_stakeholder_get_id (boss);
  g_assert_true (abm_workspace_set_link (f->workspace, f->account, abm_stakeholder_get_id (report), boss_id,
                                         ABM_LINK_INFLUENCES, TRUE, &error));

  undo_id = abm_workspace_delete_stakeholder (f->workspace, boss, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, >, 0);
  g_assert_null (named (f, "Ana Ruiz"));
  g_assert_cmpint (abm_stakeholder_get_manager_id (named (f, "Ben Ode")), ==, 0);
  g_assert_cmpuint (abm_workspace_get_committee_links (f->workspace, f->account)->len, ==, 0);
  /* A newcomer does not take the removed person's id. */
  g_assert_cmpint (abm_stakeholder_get_id (add (f, "Cy Park", NULL, NULL)), >, boss_id + 1);

  g_assert_true (abm_workspace_undo (f->workspace, undo_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_stakeholder_get_id (named (f, "Ana Ruiz")), ==, boss_id);
  g_assert_cmpint (abm_stakeholder_get_manager_id (named (f, "Ben Ode")), ==, boss_id);
  g_assert_cmpuint (abm_workspace_get_committee_links (f->workspace, f->account)->len, ==, 1);

  undo_id = abm_workspace_delete_account (f->workspace, f->account, &error);
  g_assert_no_error (error);
  g_assert_true (abm_workspace_undo (f->workspace, undo_id, &error));
  g_assert_no_error (error);
  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_committee (f->workspace, f->account, NULL)), ==, 3);
  g_assert_cmpint (abm_stakeholder_get_manager_id (named (f, "Ben Ode")), ==, boss_id);
  g_assert_cmpuint (abm_workspace_get_committee_links (f->workspace, f->account)->len, ==, 1);
}

/* A batch adds people who report to each other, all or none. */
static void
test_committee_batch (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loop = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GListModel *people;

  people = abm_workspace_get_committee (f->workspace, f->account, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      AbmStakeholder *s = person (name, NULL);

      abm_stakeholder_set_account_id (s, abm_account_get_id (f->account));
      /* Each reports to the one before. */
      if (i > 0)
        abm_stakeholder_set_manager_id (s, -(gint64) i);
      g_ptr_array_add (batch, s);
    }
  g_assert_true (abm_workspace_apply_stakeholders (f->workspace, batch, &error));
  g_assert_no_error (error);
  /* The committee the views hold is refilled. */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
  g_assert_cmpint (abm_stakeholder_get_manager_id (named (f, "Person 2")), ==,
                   abm_stakeholder_get_id (named (f, "Person 1")));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("Loop %u", i);
      AbmStakeholder *s = person (name, NULL);

      abm_stakeholder_set_account_id (s, abm_account_get_id (f->account));
      abm_stakeholder_set_manager_id (s, -(gint64) (2 - i));
      g_ptr_array_add (loop, s);
    }
  g_assert_false (abm_workspace_apply_stakeholders (f->workspace, loop, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3);
}

/* Coverage: filled, recent and positive per required role, weighted, and
 * the gaps in plain words. */
static void
test_coverage (void)
{
  g_autoptr(AbmCoverageRules) rules = abm_coverage_rules_new ();
  g_autoptr(AbmCoverageRules) copy = NULL;
  g_autoptr(GListStore) committee = g_list_store_new (ABM_TYPE_STAKEHOLDER);
  g_autoptr(AbmCoverage) coverage = NULL;
  g_autoptr(AbmStakeholder) champion = person ("Dana Lee", "champion");
  g_autoptr(AbmStakeholder) evaluator = person ("Eli Ng", "technical-evaluator");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 12, 2026);
  /* The champion is for us but was last seen 75 days ago; the evaluator
   * was seen last week and is neutral. */
  abm_stakeholder_set_last_contact (champion, "2026-10-17", NULL);
  abm_stakeholder_set_sentiment (champion, ABM_STAKEHOLDER_SENTIMENT_CHAMPION);
  abm_stakeholder_set_last_contact (evaluator, "2026-12-24", NULL);
  abm_stakeholder_set_sentiment (evaluator, ABM_STAKEHOLDER_SENTIMENT_NEUTRAL);
  g_list_store_append (committee, champion);
  g_list_store_append (committee, evaluator);

  coverage = abm_coverage_compute (rules, G_LIST_MODEL (committee), &today);
  /* Economic buyer 3 × 0, champion 3 × 2/3, evaluator 2 × 2/3: 3⅓ of 8. */
  g_assert_cmpfloat_with_epsilon (coverage->score, 100.0 * (2 + 4.0 / 3) / 8, 0.05);
  g_assert_cmpuint (coverage->gaps->len, ==, 3);
  g_assert_cmpstr (coverage->gaps->pdata[0], ==, "No economic buyer identified");
  g_assert_cmpstr (coverage->gaps->pdata[1], ==, "Champion not contacted in 60 days");
  g_assert_cmpstr (coverage->gaps->pdata[2], ==, "Technical evaluator not yet on our side");

  /* The user decides what counts. */
  g_assert_true (abm_coverage_rules_set_weight (rules, ABM_ROLE_DECISION_MAKER, 0, &error));
  g_assert_true (abm_coverage_rules_set_recent_days (rules, 90, &error));
  g_clear_pointer (&coverage, abm_coverage_free);
  coverage = abm_coverage_compute (rules, G_LIST_MODEL (committee), &today);
  g_assert_cmpuint (coverage->gaps->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (coverage->score, 100.0 * (3 + 2 * 2.0 / 3) / 5, 0.05);

  json = abm_coverage_rules_to_json (rules);
  copy = abm_coverage_rules_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (abm_coverage_rules_get_weight (copy, ABM_ROLE_DECISION_MAKER), ==, 0);
  g_assert_cmpfloat (abm_coverage_rules_get_weight (copy, ABM_ROLE_CHAMPION), ==, 3);
  g_assert_cmpuint (abm_coverage_rules_get_recent_days (copy), ==, 90);
  g_assert_false (abm_coverage_rules_set_weight (rules, ABM_ROLE_CHAMPION, 11, &error));
  g_assert_nonnull (error);

  /* Blank text and deep nesting, as a stranger's file may hold
   * (tests/fuzz). */
  {
    g_autofree char *deep = g_strnfill (16000, '{');

    g_clear_error (&error);
    g_assert_null (abm_coverage_rules_new_from_json (" ", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_null (abm_coverage_rules_new_from_json (deep, &error));
    g_assert_nonnull (error);
  }
}

/* The workspace keeps its coverage rules. */
static void
test_coverage_stored (Fixture       *f,
                      gconstpointer  data)
{
  g_assert_true (abm_coverage_rules_set_weight (abm_workspace_get_coverage_rules (f->workspace),
                                                ABM_ROLE_PROCUREMENT, 1.5, NULL));
  reopen (f);
  g_assert_cmpfloat (abm_coverage_rules_get_weight (abm_workspace_get_coverage_rules (f->workspace),
                                                    ABM_ROLE_PROCUREMENT), ==, 1.5);
}

static gboolean
has_reject (AbmContactImporter *importer,
            guint64             line,
            const char         *text)
{
  GPtrArray *rejects = abm_contact_importer_get_rejects (importer);

  for (guint i = 0; i < rejects->len; i++)
    {
      AbmImportReject *r = rejects->pdata[i];
      if (r->line == line && strstr (r->reason, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A HubSpot contacts export: people land on their company's committee by
 * domain, report to whom their manager's email names, roles come from the
 * buying role, a repeat updates, and what cannot go in is listed. */
static void
test_contacts_import (Fixture       *f,
                      gconstpointer  data)
{
  const char *csv =
    "First Name,Last Name,Email,Job Title,Company Domain Name,Reports To Email,Buying Role\n"
    "Ana,Ruiz,ana@northwind.com,CIO,northwind.com,,DECISION_MAKER\n"
    "Ben,Ode,ben@northwind.com,Architect,,ana@northwind.com,TECHNICAL_EVALUATOR;CHAMPION\n"
    "Cy,Park,cy@nowhere.org,Analyst,,,\n"
    ",,,,,,\n"
    "Dee,Loop,dee@northwind.com,X,northwind.com,eve@northwind.com,\n"
    "Eve,Loop,eve@northwind.com,Y,https://www.northwind.com/,dee@northwind.com,\n"
    "Ben,Ode,BEN@northwind.com,Chief Architect,northwind.com,,\n"
    "Fay,Far,fay@northwind.com,Z,northwind.com,gus@globex.com,\n"
    "Gil,Bad,gil@northwind.com,Z,northwind.com,,kingmaker\n";
  g_autoptr(AbmContactImporter) importer = abm_contact_importer_new (f->workspace);
  g_autoptr(AbmContactImporter) again = NULL;
  g_autoptr(GError) error = NULL;
  AbmStakeholder *ben, *dee, *eve;

  g_assert_true (abm_contact_importer_open_data (importer, csv, strlen (csv), &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_contact_importer_get_column (importer, ABM_CONTACT_REPORTS_TO), ==, 5);
  g_assert_true (abm_contact_importer_prepare (importer, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (abm_contact_importer_get_n_new (importer), ==, 5);
  g_assert_true (has_reject (importer, 4, "No account has the domain nowhere.org"));
  g_assert_true (has_reject (importer, 5, "no name"));
  g_assert_true (has_reject (importer, 9, "nobody at this company has the email gus@globex.com"));
  g_assert_true (has_reject (importer, 10, "“kingmaker” is not a committee role"));
  g_assert_true (has_reject (importer, 6, "through others, to themselves")
                 || has_reject (importer, 7, "through others, to themselves"));
  g_assert_true (abm_contact_importer_apply (importer, &error));
  g_assert_no_error (error);

  g_clear_object (&importer);
  reopen (f);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_committee (f->workspace, f->account, NULL)), ==, 5);
  ben = named (f, "Ben Ode");
  g_assert_cmpstr (abm_stakeholder_get_text (ben, ABM_STAKEHOLDER_FIELD_TITLE), ==, "Chief Architect");
  g_assert_true (abm_stakeholder_has_role (ben, ABM_ROLE_CHAMPION));
  g_assert_cmpint (abm_stakeholder_get_manager_id (ben), ==, abm_stakeholder_get_id (named (f, "Ana Ruiz")));
  dee = named (f, "Dee Loop");
  eve = named (f, "Eve Loop");
  /* One of the two reporting lines went, so they do not loop. */
  g_assert_true (abm_stakeholder_get_manager_id (dee) == 0 || abm_stakeholder_get_manager_id (eve) == 0);

  /* The same file again updates, it does not double. */
  again = abm_contact_importer_new (f->workspace);
  g_assert_true (abm_contact_importer_open_data (again, csv, strlen (csv), &error));
  g_assert_true (abm_contact_importer_prepare (again, NULL, &error));
  g_assert_cmpuint (abm_contact_importer_get_n_new (again), ==, 0);
  g_assert_cmpuint (abm_contact_importer_get_n_updated (again), ==, 5);
  g_assert_true (abm_contact_importer_apply (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_committee (f->workspace, f->account, NULL)), ==, 5);

  /* A file without names is refused at once. */
  g_clear_object (&again);
  again = abm_contact_importer_new (f->workspace);
  g_assert_false (abm_contact_importer_open_data (again, "Email\na@b.com\n", 14, &error));
  g_assert_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN);
}

/* Every role, required of an empty committee, is named as missing in a
 * sentence of its own (the role's place in the sentence is the
 * translation's to choose). */
static void
test_coverage_every_role_missing (void)
{
  g_autoptr(AbmCoverageRules) rules = abm_coverage_rules_new ();
  g_autoptr(GListStore) committee = g_list_store_new (ABM_TYPE_STAKEHOLDER);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AbmCoverage *coverage;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 12, 2026);
  for (guint role = 0; role < ABM_N_ROLES; role++)
    g_assert_true (abm_coverage_rules_set_weight (rules, role, 1, NULL));
  coverage = abm_coverage_compute (rules, G_LIST_MODEL (committee), &today);
  g_assert_cmpuint (coverage->gaps->len, ==, ABM_N_ROLES);
  for (guint i = 0; i < coverage->gaps->len; i++)
    {
      const char *gap = coverage->gaps->pdata[i];

      g_assert_true (g_str_has_prefix (gap, "No "));
      g_assert_true (g_str_has_suffix (gap, " identified"));
      g_assert_true (g_hash_table_add (seen, (gpointer) gap));
    }
  g_assert_cmpstr (coverage->gaps->pdata[ABM_ROLE_LEGAL], ==, "No one from legal and compliance identified");
  abm_coverage_free (coverage);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/committee/stakeholder-values", test_stakeholder_values);
  g_test_add_func ("/committee/coverage", test_coverage);
  g_test_add_func ("/committee/coverage/every-role-missing", test_coverage_every_role_missing);
  ADD ("/committee/store", test_committee_store);
  ADD ("/committee/undo", test_committee_undo);
  ADD ("/committee/batch", test_committee_batch);
  ADD ("/committee/coverage-stored", test_coverage_stored);
  ADD ("/committee/contacts-import", test_contacts_import);

#undef ADD

  return g_test_run ();
}
