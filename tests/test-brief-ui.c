/* test-brief-ui.c: exporting and printing briefs, as the window does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "abm-accounts-view.h"
#include "abm-application.h"
#include "abm-brief-dialog.h"
#include "abm-brief-export.h"
#include "abm-print-operation.h"
#include "abm-sample.h"
#include "abm-test-ui.h"
#include "abm-window.h"

/* A broken export fails after this long, not hangs. */
#define WAIT_MS 30000

static AbmApplication *app;

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* A sample of 200 accounts in a new temporary folder. */
static char *
make_sample (char **dir)
{
  g_autoptr(AbmWorkspace) sample = NULL;
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("abm-brief-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "sample.abm", NULL);
  sample = abm_sample_create_workspace (path, 200, 3, &error);
  g_assert_no_error (error);
  abm_workspace_close (sample);
  return path;
}

/* pdfinfo's page count of @path; 0 where poppler-utils is missing. */
static guint
pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { program, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status = 0;

  if (program == NULL)
    return 0;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        return (guint) atoi (lines[i] + strlen ("Pages:"));
    }
  g_assert_not_reached ();
}

/* Every file of @dir: each a whole PDF, none left half written. */
static guint
count_pdfs (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_test_message ("%s", name);
      g_assert_true (g_str_has_suffix (name, ".pdf"));
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_true (len > 8 && memcmp (contents, "%PDF", 4) == 0);
      /* A whole PDF ends with its end-of-file marker. */
      while (len > 0 && g_ascii_isspace (contents[len - 1]))
        len--;
      g_assert_true (len > 5 && memcmp (contents + len - 5, "%%EOF", 5) == 0);
      n++;
    }
  return n;
}

static AbmAccount *
first_tier1 (AbmWorkspace *workspace)
{
  g_autoptr(GPtrArray) accounts = abm_brief_export_tier_accounts (workspace, 1);

  g_assert_cmpuint (accounts->len, >, 0);
  return g_object_ref (g_ptr_array_index (accounts, 0));
}

static gboolean
action_enabled (AbmWindow  *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* Export Brief… is there for the selected account; it asks the paper
 * first, and what it then writes is the brief, page for page. */
static void
test_export_brief (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_sample (&dir);
  g_autofree char *pdf = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *summary_pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GFile) summary_file = g_file_new_for_path (summary_pdf);
  g_autoptr(AbmAccount) account = NULL;
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AbmBriefOptions options = { .paper = ABM_PAPER_LETTER };
  AbmWindow *window = abm_test_ui_window_on (app, path);
  AbmWorkspace *workspace = abm_window_get_workspace (window);
  AdwMessageDialog *dialog;
  GtkWidget *accounts_view;

  g_assert_true (action_enabled (window, "export-summary"));
  g_assert_true (action_enabled (window, "export-tier-briefs"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts"));
  abm_test_ui_iterate ();
  accounts_view = abm_test_ui_get_widget (GTK_WIDGET (window), ABM_TYPE_ACCOUNTS_VIEW, NULL);
  account = first_tier1 (workspace);
  abm_accounts_view_select (ABM_ACCOUNTS_VIEW (accounts_view), account);
  abm_test_ui_iterate ();
  g_assert_true (action_enabled (window, "export-brief"));
  g_assert_true (action_enabled (window, "print-brief"));

  /* The paper comes first; Cancel writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-brief", NULL));
  abm_test_ui_iterate ();
  dialog = abm_test_ui_find_message_dialog ("Export Brief");
  g_assert_nonnull (dialog);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Paper Size"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* What the action does once the file is chosen. */
  g_assert_true (abm_window_export_brief (window, FALSE, ABM_PAPER_LETTER, file, &error));
  g_assert_no_error (error);
  document = abm_brief_document_new_account (workspace, account, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (abm_brief_document_get_n_pages (document), >=, 2);
  if (pdf_pages (pdf) == 0)
    g_test_message ("pdfinfo (poppler-utils) is not installed: page counts not checked");
  else
    g_assert_cmpuint (pdf_pages (pdf), ==, abm_brief_document_get_n_pages (document));

  g_assert_true (abm_window_export_brief (window, TRUE, ABM_PAPER_A4, summary_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (summary_pdf, G_FILE_TEST_IS_REGULAR));

  abm_test_ui_close (GTK_WIDGET (window));
  abm_test_ui_remove_dir (dir);
}

/* The paper chosen is remembered, and the locale's is remembered as
 * "follow the locale". */
static void
test_paper_setting (void)
{
  GSettings *settings = abm_application_get_settings (app);
  AbmPaper other = abm_paper_for_locale () == ABM_PAPER_A4 ? ABM_PAPER_LETTER : ABM_PAPER_A4;
  AbmBriefDialog *dialog;
  GtkWidget *row;
  g_autofree char *key = NULL;

  g_settings_set_string (settings, "paper-size", "");
  dialog = abm_brief_dialog_new (NULL, settings, "Export Brief", "", "_Choose File…");
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  g_assert_cmpint (abm_brief_dialog_get_paper (dialog), ==, abm_paper_for_locale ());
  row = abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Paper Size");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), other);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  gtk_window_destroy (GTK_WINDOW (dialog));
  key = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (key, ==, abm_paper_key (other));
  g_assert_cmpint (abm_brief_paper_setting (settings), ==, other);

  dialog = abm_brief_dialog_new (NULL, settings, "Export Brief", "", "_Choose File…");
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  g_assert_cmpint (abm_brief_dialog_get_paper (dialog), ==, other);
  row = abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Paper Size");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), abm_paper_for_locale ());
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&key, g_free);
  key = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (key, ==, "");
}

/* Printing draws the pages of the brief: exported through the print
 * operation, it has as many pages. */
static void
test_print (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_sample (&dir);
  g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmAccount) account = NULL;
  g_autoptr(AbmPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  AbmBriefOptions options = { .paper = ABM_PAPER_A4 };
  AbmBriefDocument *document;
  guint n_pages;

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  account = first_tier1 (workspace);
  document = abm_brief_document_new_account (workspace, account, &options, &error);
  g_assert_no_error (error);
  n_pages = abm_brief_document_get_n_pages (document);

  operation = abm_print_operation_new (document, ABM_PAPER_A4);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (pdf_pages (pdf) != 0)
    g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);

  abm_workspace_close (workspace);
  abm_test_ui_remove_dir (dir);
}

typedef struct {
  gboolean      done;
  gboolean      ok;
  GError       *error;
  GCancellable *cancel_after_first;
} Batch;

static void
batch_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Batch *batch = user_data;

  batch->ok = abm_brief_export_run_finish (ABM_BRIEF_EXPORT (object), result, &batch->error);
  batch->done = TRUE;
}

static void
batch_progress (AbmBriefExport *export,
                GParamSpec     *pspec,
                Batch          *batch)
{
  if (batch->cancel_after_first != NULL && abm_brief_export_get_n_written (export) == 1)
    g_cancellable_cancel (batch->cancel_after_first);
}

/* A batch of the Tier 1 briefs writes one PDF each; cancelled after the
 * first, it stops there and leaves no half-written file. */
static void
test_batch (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_sample (&dir);
  g_autofree char *all_dir = g_build_filename (dir, "all", NULL);
  g_autofree char *some_dir = g_build_filename (dir, "some", NULL);
  g_autoptr(GFile) all = g_file_new_for_path (all_dir);
  g_autoptr(GFile) some = g_file_new_for_path (some_dir);
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(AbmBriefExport) export = NULL;
  g_autoptr(AbmBriefExport) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Batch batch = { 0, };
  Batch stopped = { 0, };

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  accounts = abm_brief_export_tier_accounts (workspace, 1);
  g_assert_cmpuint (accounts->len, >, 2);
  g_assert_cmpint (g_mkdir (all_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (some_dir, 0700), ==, 0);

  export = abm_brief_export_new (workspace, accounts, all, ABM_PAPER_A4);
  abm_brief_export_run_async (export, NULL, batch_done, &batch);
  g_assert_true (abm_test_ui_wait_for (is_set, &batch.done, WAIT_MS));
  g_assert_no_error (batch.error);
  g_assert_true (batch.ok);
  g_assert_cmpuint (abm_brief_export_get_n_written (export), ==, accounts->len);
  g_assert_cmpuint (count_pdfs (all_dir), ==, accounts->len);

  cancelled = abm_brief_export_new (workspace, accounts, some, ABM_PAPER_A4);
  stopped.cancel_after_first = cancellable;
  g_signal_connect (cancelled, "notify::n-written", G_CALLBACK (batch_progress), &stopped);
  abm_brief_export_run_async (cancelled, cancellable, batch_done, &stopped);
  g_assert_true (abm_test_ui_wait_for (is_set, &stopped.done, WAIT_MS));
  g_assert_false (stopped.ok);
  g_assert_error (stopped.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&stopped.error);
  g_assert_cmpuint (abm_brief_export_get_n_written (cancelled), ==, 1);
  g_assert_cmpuint (count_pdfs (some_dir), ==, 1);

  abm_workspace_close (workspace);
  abm_test_ui_remove_dir (all_dir);
  abm_test_ui_remove_dir (some_dir);
  abm_test_ui_remove_dir (dir);
}

static gboolean
progress_started (gpointer data)
{
  AdwMessageDialog *dialog = abm_test_ui_find_message_dialog ("Exporting Briefs");
  GtkWidget *bar = dialog ? abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR, NULL) : NULL;

  return bar != NULL && gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0;
}

static gboolean
batch_over (gpointer data)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (data), "export-tier-briefs");
}

/* The window's batch shows its progress, and its Cancel stops it early. */
static void
test_window_batch_cancel (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_sample (&dir);
  g_autofree char *out_dir = g_build_filename (dir, "briefs", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_dir);
  g_autoptr(GPtrArray) accounts = NULL;
  AbmWindow *window = abm_test_ui_window_on (app, path);
  AdwMessageDialog *dialog;
  guint n_written;

  accounts = abm_brief_export_tier_accounts (abm_window_get_workspace (window), 1);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  abm_window_export_briefs (window, accounts, ABM_PAPER_A4, out);
  g_assert_false (action_enabled (window, "export-tier-briefs"));
  dialog = abm_test_ui_find_message_dialog ("Exporting Briefs");
  g_assert_nonnull (dialog);

  g_assert_true (abm_test_ui_wait_for (progress_started, NULL, WAIT_MS));
  abm_test_ui_click (GTK_WIDGET (dialog), "_Cancel");
  g_assert_true (abm_test_ui_wait_for (batch_over, window, WAIT_MS));
  g_assert_null (abm_test_ui_find_message_dialog ("Exporting Briefs"));
  n_written = count_pdfs (out_dir);
  g_assert_cmpuint (n_written, >=, 1);
  g_assert_cmpuint (n_written, <, accounts->len);

  abm_test_ui_close (GTK_WIDGET (window));
  abm_test_ui_remove_dir (out_dir);
  abm_test_ui_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = abm_test_ui_init (&argc, &argv);

  g_test_add_func ("/brief-ui/export-brief", test_export_brief);
  g_test_add_func ("/brief-ui/paper-setting", test_paper_setting);
  g_test_add_func ("/brief-ui/print", test_print);
  g_test_add_func ("/brief-ui/batch", test_batch);
  g_test_add_func ("/brief-ui/window-batch-cancel", test_window_batch_cancel);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
