/* test-brief.c: account briefs and the program summary as PDF files
 *
 * The PDFs are read back with poppler's pdftotext and pdfinfo (and
 * checked with qpdf where it is installed): the text must be real text,
 * every heading and name must be there, long text must flow onto more
 * pages rather than be cut, and the metadata must be set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "abm-brief.h"
#include "abm-page-flow.h"
#include "abm-sample.h"

typedef struct {
  char         *dir;
  AbmWorkspace *workspace;
} Fixture;

static GDateTime *
brief_now (void)
{
  return g_date_time_new_local (2026, 3, 16, 10, 0, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("abm-brief-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "sample.abm", NULL);
  f->workspace = abm_sample_create_workspace (path, GPOINTER_TO_UINT (data) ? GPOINTER_TO_UINT (data) : 120, 7,
                                              &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  abm_workspace_close (f->workspace);
  g_clear_object (&f->workspace);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* The output of a tool, or NULL when it is not installed. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return out;
}

static char *
pdf_text_of (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  char *text = run_tool (argv);

  if (text == NULL)
    g_test_skip ("pdftotext is not installed");
  return text;
}

/* pdftotext writes a hyphen or a line break where a line was cut; words
 * are compared with whitespace squeezed. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  g_autofree char *a = squeeze (text);
  g_autofree char *b = squeeze (needle);

  if (strstr (a, b) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", needle, text);
}

typedef struct {
  guint  pages;
  char  *title;
  char  *author;
  char  *creator;
} PdfInfo;

static void
pdf_info_clear (PdfInfo *info)
{
  g_free (info->title);
  g_free (info->author);
  g_free (info->creator);
}

static gboolean
pdf_info (const char *path,
          PdfInfo    *info)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = NULL;

  memset (info, 0, sizeof *info);
  if (out == NULL)
    return FALSE;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL)
        continue;
      *colon = '\0';
      if (strcmp (lines[i], "Pages") == 0)
        info->pages = (guint) g_ascii_strtoull (g_strstrip (colon + 1), NULL, 10);
      else if (strcmp (lines[i], "Title") == 0)
        info->title = g_strdup (g_strstrip (colon + 1));
      else if (strcmp (lines[i], "Author") == 0)
        info->author = g_strdup (g_strstrip (colon + 1));
      else if (strcmp (lines[i], "Creator") == 0)
        info->creator = g_strdup (g_strstrip (colon + 1));
    }
  return TRUE;
}

static void
check_qpdf (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_message ("qpdf is not installed: not checking %s", path);
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check %s failed:\n%s", path, out);
}

/* Writes @document to @name in the fixture's folder and checks what
 * every PDF needs; returns its text (NULL without pdftotext). */
static char *
write_and_check (Fixture          *f,
                 AbmBriefDocument *document,
                 const char       *name,
                 guint            *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  PdfInfo info;

  g_assert_true (abm_brief_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (pdf_info (path, &info))
    {
      g_assert_cmpuint (info.pages, ==, abm_brief_document_get_n_pages (document));
      g_assert_cmpstr (info.title, ==, abm_brief_document_get_title (document));
      g_assert_cmpstr (info.author, ==, "Test Author");
      g_assert_cmpstr (info.creator, ==, "ABM Planner");
      pdf_info_clear (&info);
    }
  check_qpdf (path);
  if (n_pages != NULL)
    *n_pages = abm_brief_document_get_n_pages (document);
  return pdf_text_of (path);
}

static AbmAccount *
first_of_tier (AbmWorkspace *workspace,
               guint         tier)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AbmAccount) a = g_list_model_get_item (accounts, i);

      if (abm_account_get_tier (a) == tier)
        return a;
    }
  return NULL;
}

static void
test_sample_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = brief_now ();
  AbmBriefOptions options = { ABM_PAPER_A4, now, "Test Author" };
  AbmAccount *account = first_of_tier (f->workspace, 1);
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *headings[] = {
    "Why it fits", "Next steps", "Buying committee coverage", "Buying committee", "Stakeholders",
    "Account plan", "Plays", "Opportunities", "Recent activity", "Fit score", "Engagement", "Open pipeline",
  };
  guint pages;

  g_assert_nonnull (account);
  document = abm_brief_document_new_account (f->workspace, account, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (abm_brief_document_get_n_pages (document), >=, 3);
  text = write_and_check (f, document, "sample.pdf", &pages);
  if (text == NULL)
    return;
  assert_contains (text, abm_account_get_name (account));
  assert_contains (text, abm_account_get_domain (account));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_contains (text, headings[i]);
  assert_contains (text, "Page 1 of");
}

static gboolean
file_has (const char *path,
          const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  gsize n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether one of the PDF's objects holds @needle. cairo before 1.18
 * writes the document catalogue and font dictionaries as plain text;
 * 1.18 packs them into compressed object streams, which qpdf unpacks. */
static gboolean
pdf_has (const char *path,
         const char *needle)
{
  g_autofree char *program = g_find_program_in_path ("qpdf");
  g_autofree char *plain = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;
  int status;
  int fd;

  if (file_has (path, needle))
    return TRUE;
  if (program == NULL)
    {
      g_test_message ("qpdf is not installed: cannot look inside the object streams of %s", path);
      return FALSE;
    }
  fd = g_file_open_tmp ("abm-test-brief-XXXXXX.pdf", &plain, &error);
  g_assert_no_error (error);
  close (fd);
  {
    const char *argv[] = { "qpdf", "--qdf", "--object-streams=disable", path, plain, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  found = file_has (plain, needle);
  g_unlink (plain);
  return found;
}

static void
test_outline (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = brief_now ();
  AbmBriefOptions options = { ABM_PAPER_A4, now, "Test Author" };
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autofree char *path = g_build_filename (f->dir, "outline.pdf", NULL);
  g_autoptr(GError) error = NULL;

  document = abm_brief_document_new_account (f->workspace, first_of_tier (f->workspace, 1), &options, &error);
  g_assert_no_error (error);
  g_assert_true (abm_brief_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (pdf_has (path, "/Outlines"));
  g_assert_true (pdf_has (path, "/PageLabels"));
  g_assert_true (pdf_has (path, "/FontFile"));
  /* Nothing is left behind but the PDF and the workspace. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_true (name[0] != '.');
  }
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = brief_now ();
  AbmBriefOptions options = { ABM_PAPER_LETTER, now, "Test Author" };
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *headings[] = {
    "Tiers", "Capacity warnings", "KPIs by tier", "Funnel", "Accounts to watch", "Top accounts by engagement",
    "Heating up", "Cooling down", "Next week’s review agenda", "Target accounts", "Leading", "Lagging",
  };
  g_autofree char *path = g_build_filename (f->dir, "summary.pdf", NULL);
  g_autofree char *info = NULL;

  document = abm_brief_document_new_summary (f->workspace, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (abm_brief_document_get_n_pages (document), >=, 2);
  text = write_and_check (f, document, "summary.pdf", NULL);
  if (text == NULL)
    return;
  assert_contains (text, abm_workspace_get_name (f->workspace));
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_contains (text, headings[i]);
  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = run_tool (argv);
    g_assert_nonnull (strstr (info, "612 x 792"));
  }
}

static AbmAccount *
add_account (Fixture    *f,
             const char *name,
             const char *domain,
             guint       tier)
{
  g_autoptr(AbmAccount) values = abm_account_new ();
  g_autoptr(GError) error = NULL;
  AbmAccount *account;

  g_assert_true (abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_NAME, name, &error));
  g_assert_true (abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_DOMAIN, domain, &error));
  g_assert_true (abm_workspace_add_account (f->workspace, values, &error));
  g_assert_no_error (error);
  account = abm_workspace_find_account_by_domain (f->workspace, domain);
  g_assert_nonnull (account);
  g_assert_true (abm_workspace_set_account_tier (f->workspace, account, tier, TRUE, &error));
  g_assert_no_error (error);
  return account;
}

static AbmBriefDocument *
brief_of (AbmWorkspace *workspace,
          AbmAccount   *account)
{
  g_autoptr(GDateTime) now = brief_now ();
  AbmBriefOptions options = { ABM_PAPER_A4, now, "Test Author" };
  g_autoptr(GError) error = NULL;
  AbmBriefDocument *document = abm_brief_document_new_account (workspace, account, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_no_stakeholders (Fixture       *f,
                      gconstpointer  data)
{
  AbmAccount *account = add_account (f, "Quiet Harbour Bank", "quiet-harbour.example", 1);
  g_autoptr(AbmBriefDocument) document = brief_of (f->workspace, account);
  g_autofree char *text = write_and_check (f, document, "empty.pdf", NULL);

  if (text == NULL)
    return;
  assert_contains (text, "Quiet Harbour Bank");
  assert_contains (text, "No stakeholders mapped yet");
  assert_contains (text, "No plan written yet");
  assert_contains (text, "No plays planned yet");
  assert_contains (text, "No opportunities yet");
  assert_contains (text, "No activity recorded yet");
  assert_contains (text, "No open next steps");
}

/* @n people named "Person Number001" on, in a tree @fanout wide. */
static void
add_people (Fixture    *f,
            AbmAccount *account,
            guint       n,
            guint       fanout)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      AbmStakeholder *s = abm_stakeholder_new ();
      g_autofree char *name = g_strdup_printf ("Person Number%03u", i + 1);

      abm_stakeholder_set_account_id (s, abm_account_get_id (account));
      g_assert_true (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_NAME, name, &error));
      g_assert_true (abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_TITLE, "Director of Things", &error));
      g_assert_true (abm_stakeholder_set_roles_text (s, i % 7 == 0 ? "champion" : "influencer", &error));
      /* The k-th person of the batch is -k. */
      if (i > 0)
        abm_stakeholder_set_manager_id (s, -(gint64) ((i - 1) / fanout + 1));
      g_ptr_array_add (people, s);
    }
  g_assert_true (abm_workspace_apply_stakeholders (f->workspace, people, &error));
  g_assert_no_error (error);
}

static void
test_many_stakeholders (Fixture       *f,
                        gconstpointer  data)
{
  AbmAccount *account = add_account (f, "Crowded Mutual", "crowded.example", 1);
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autofree char *text = NULL;
  guint pages;

  add_people (f, account, 200, 5);
  document = brief_of (f->workspace, account);
  text = write_and_check (f, document, "crowded.pdf", &pages);
  /* The first page, the chart, a table of 200 over pages, and the rest. */
  g_assert_cmpuint (pages, >=, 6);
  if (text == NULL)
    return;
  assert_contains (text, "Person Number001");
  assert_contains (text, "Person Number200");
}

/* A committee too wide for a page at a readable size is cut over
 * landscape pages, each card whole on one of them. */
static void
test_wide_committee (Fixture       *f,
                     gconstpointer  data)
{
  AbmAccount *account = add_account (f, "Wide Mutual", "wide.example", 1);
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autofree char *text = NULL;
  guint pages;

  add_people (f, account, 25, 24);
  document = brief_of (f->workspace, account);
  text = write_and_check (f, document, "wide.pdf", &pages);
  g_assert_cmpuint (pages, >=, 4);
  if (text == NULL)
    return;
  assert_contains (text, "Buying committee, part 1 of");
  assert_contains (text, "Buying committee, part 2 of");
}

static void
test_long_plan (Fixture       *f,
                gconstpointer  data)
{
  AbmAccount *account = add_account (f, "Verbose Holdings", "verbose.example", 1);
  g_autoptr(AbmBriefDocument) short_brief = brief_of (f->workspace, account);
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AbmPlan *plan = abm_workspace_get_plan (f->workspace, account, &error);
  guint pages;

  g_assert_no_error (error);
  for (guint i = 0; long_text->len < 30000; i++)
    {
      g_string_append_printf (long_text, "Sentence %u of the business priorities, long enough to wrap a few "
                                         "times on the page and to make the section flow over pages. ", i);
      if (i % 9 == 8)
        g_string_append (long_text, "\n\n");
    }
  g_string_append (long_text, "These are the closing words of the priorities.");
  g_assert_true (abm_workspace_set_plan_section (f->workspace, plan, ABM_PLAN_SECTION_PRIORITIES, long_text->str,
                                                 &error));
  g_assert_no_error (error);

  document = brief_of (f->workspace, account);
  text = write_and_check (f, document, "long.pdf", &pages);
  g_assert_cmpuint (pages, >=, abm_brief_document_get_n_pages (short_brief) + 5);
  if (text == NULL)
    return;
  assert_contains (text, "Sentence 0 of the business priorities");
  assert_contains (text, "These are the closing words of the priorities.");
  /* Every sentence is there: none was cut off at the foot of a page. */
  for (guint i = 0; strstr (long_text->str, "Sentence") != NULL; i++)
    {
      /* Without "of": a page may end between the two. */
      g_autofree char *needle = g_strdup_printf ("Sentence %u ", i);

      if (strstr (long_text->str, needle) == NULL)
        break;
      assert_contains (text, needle);
    }
}

static void
test_international_name (Fixture       *f,
                         gconstpointer  data)
{
  const char *name = "東京海上 Ålesund Bank";
  AbmAccount *account = add_account (f, name, "tokio-alesund.example", 2);
  g_autoptr(AbmBriefDocument) document = brief_of (f->workspace, account);
  g_autofree char *text = write_and_check (f, document, "intl.pdf", NULL);
  g_autofree char *file_name = abm_brief_file_name (account);

  g_assert_cmpstr (file_name, ==, "東京海上 Ålesund Bank.pdf");
  if (text == NULL)
    return;
  assert_contains (text, name);
}

static void
test_empty_workspace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("abm-brief-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "empty.abm", NULL);
  g_autoptr(AbmWorkspace) workspace = abm_workspace_create (path, "Empty Program", "USD", FALSE, &error);
  g_autoptr(GDateTime) now = brief_now ();
  AbmBriefOptions options = { ABM_PAPER_A4, now, "Test Author" };
  g_autoptr(AbmBriefDocument) document = NULL;
  Fixture f = { dir, workspace };
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  document = abm_brief_document_new_summary (workspace, &options, &error);
  g_assert_no_error (error);
  text = write_and_check (&f, document, "empty-summary.pdf", NULL);
  if (text != NULL)
    {
      assert_contains (text, "Empty Program");
      assert_contains (text, "No target accounts yet");
      assert_contains (text, "Funnel");
      assert_contains (text, "No engaged accounts yet");
      assert_contains (text, "Next week’s review agenda");
    }
  abm_workspace_close (workspace);
  f.workspace = NULL;
  remove_tree (dir);
}

static void
test_paper (void)
{
  AbmPaper paper;
  double width, height;

  g_assert_true (abm_paper_from_key ("letter", &paper));
  g_assert_cmpint (paper, ==, ABM_PAPER_LETTER);
  g_assert_true (abm_paper_from_key ("A4", &paper));
  g_assert_cmpint (paper, ==, ABM_PAPER_A4);
  g_assert_false (abm_paper_from_key ("tabloid", &paper));
  g_assert_cmpstr (abm_paper_key (ABM_PAPER_LETTER), ==, "letter");
  abm_paper_get_size (ABM_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
  /* The tests run in C.UTF-8, whose paper is A4. */
  g_assert_cmpint (abm_paper_for_locale (), ==, ABM_PAPER_A4);
}

static void
test_file_name (Fixture       *f,
                gconstpointer  data)
{
  AbmAccount *account = add_account (f, "../A/B: C?*", "odd.example", 0);
  g_autofree char *name = abm_brief_file_name (account);

  g_assert_cmpstr (name, ==, "_A_B_ C__.pdf");
}

/* Every page drawn onto an image as a print context would, upright,
 * with the landscape pages turned to fit. */
static void
test_draw_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AbmBriefDocument) document = brief_of (f->workspace, first_of_tier (f->workspace, 1));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 298, 421);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < abm_brief_document_get_n_pages (document); i++)
    {
      abm_brief_document_draw_page (document, cr, i, 298, 421);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_perf (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GDateTime) now = brief_now ();
  AbmBriefOptions options = { ABM_PAPER_A4, now, "Test Author" };
  GListModel *accounts = abm_workspace_get_accounts (f->workspace);
  g_autofree char *out = g_build_filename (f->dir, "briefs", NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GError) error = NULL;
  guint n = 0;
  double one = -1;

  if (!g_test_perf ())
    {
      g_test_skip ("a benchmark: run with -m perf");
      return;
    }
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (accounts) && n < 30; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      g_autoptr(AbmBriefDocument) document = NULL;
      g_autofree char *name = NULL, *path = NULL;
      GTimer *each;

      if (abm_account_get_tier (account) != 1)
        continue;
      each = g_timer_new ();
      document = abm_brief_document_new_account (f->workspace, account, &options, &error);
      g_assert_no_error (error);
      name = abm_brief_file_name (account);
      path = g_build_filename (out, name, NULL);
      g_assert_true (abm_brief_document_write_pdf (document, path, &error));
      g_assert_no_error (error);
      if (one < 0)
        one = g_timer_elapsed (each, NULL);
      g_timer_destroy (each);
      n++;
    }
  g_assert_cmpuint (n, ==, 30);
  g_test_minimized_result (one * 1000, "one Tier 1 brief: %.0f ms (goal < 300 ms)", one * 1000);
  g_test_minimized_result (g_timer_elapsed (timer, NULL), "30 Tier 1 briefs: %.2f s (goal < 10 s)",
                           g_timer_elapsed (timer, NULL));
}

/* A tile's figure stays on one line however long a translation makes it:
 * it is set smaller, in the height of a one-line figure, and nothing of it
 * is drawn outside the tile. */
static void
test_tile_figure_fits (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double x, y, w, h;
  double one = abm_page_flow_show_text (cr, ABM_FLOW_LARGE_NUMBER, ABM_FLOW_INK_TEXT, "90", 10, 0, 100,
                                        PANGO_ALIGN_LEFT);
  double wide = abm_page_flow_show_text (cr, ABM_FLOW_LARGE_NUMBER, ABM_FLOW_INK_TEXT,
                                         "238,4 Tsd. EUR", 10, 0, 100, PANGO_ALIGN_LEFT);

  g_assert_cmpfloat (one, >, 0);
  g_assert_cmpfloat (wide, ==, one);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (x, >=, 10 - 1);
  g_assert_cmpfloat (x + w, <=, 110 + 1);
  g_assert_cmpfloat (y + h, <=, one + 1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/brief/paper", test_paper);
  g_test_add_func ("/render/brief/tile-figure-fits", test_tile_figure_fits);
  g_test_add_func ("/render/brief/empty-workspace", test_empty_workspace);
  g_test_add ("/render/brief/sample-account", Fixture, NULL, fixture_set_up, test_sample_account,
              fixture_tear_down);
  g_test_add ("/render/brief/outline", Fixture, NULL, fixture_set_up, test_outline, fixture_tear_down);
  g_test_add ("/render/brief/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/render/brief/no-stakeholders", Fixture, NULL, fixture_set_up, test_no_stakeholders,
              fixture_tear_down);
  g_test_add ("/render/brief/wide-committee", Fixture, NULL, fixture_set_up, test_wide_committee, fixture_tear_down);
  g_test_add ("/render/brief/200-stakeholders", Fixture, NULL, fixture_set_up, test_many_stakeholders,
              fixture_tear_down);
  g_test_add ("/render/brief/long-plan", Fixture, NULL, fixture_set_up, test_long_plan, fixture_tear_down);
  g_test_add ("/render/brief/international-name", Fixture, NULL, fixture_set_up, test_international_name,
              fixture_tear_down);
  g_test_add ("/render/brief/file-name", Fixture, NULL, fixture_set_up, test_file_name, fixture_tear_down);
  g_test_add ("/render/brief/draw-pages", Fixture, NULL, fixture_set_up, test_draw_pages, fixture_tear_down);
  /* Enough Tier 1 accounts for 30 briefs. */
  g_test_add ("/render/brief/perf", Fixture, GUINT_TO_POINTER (1000), fixture_set_up, test_perf,
              fixture_tear_down);

  return g_test_run ();
}
