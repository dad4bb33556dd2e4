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

#include "abm-brief.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/brief/sample-account", Fixture, NULL, fixture_set_up, test_sample_account,
              fixture_tear_down);

  return g_test_run ();
}
