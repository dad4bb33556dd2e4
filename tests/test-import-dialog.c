/* test-import-dialog.c: the import assistant driven as a user would
 *
 * The dialog's rows are checked in a thread; the tests iterate the main
 * context until the page they wait for is shown, with a bound so a hang
 * fails instead of blocking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "abm-application.h"
#include "abm-test-ui.h"
#include "abm-import-dialog.h"

#define MAX_ITERATIONS 100000

static AbmApplication *app;

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

  f->dir = g_dir_make_tmp ("abm-import-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "import.abm", NULL);
  f->workspace = abm_workspace_create (path, "Import", "USD", FALSE, &error);
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

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The dialog's pages, whichever is shown. */
static GtkStack *
find_pages (GtkWidget *root)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), "result") != NULL)
    return GTK_STACK (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_pages (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_for_page (AbmImportDialog *dialog,
               const char      *name)
{
  GtkStack *stack = find_pages (GTK_WIDGET (dialog));
  guint i;

  g_assert_nonnull (stack);
  for (i = 0; i < MAX_ITERATIONS && g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) != 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, name);
  abm_test_ui_iterate ();
}

static void
click (AbmImportDialog *dialog,
       const char      *label)
{
  GtkWidget *button = abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static AbmImportDialog *
open_dialog (Fixture    *f,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  AbmImportDialog *dialog = abm_import_dialog_new (NULL, f->workspace, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  return dialog;
}

static AbmAccount *
account_with_domain (Fixture    *f,
                     const char *domain)
{
  GListModel *accounts = abm_workspace_get_accounts (f->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (abm_account_get_domain (account), domain) == 0)
        return account;
    }
  return NULL;
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

static void
wait_for_finalize (gpointer *object)
{
  for (guint i = 0; i < MAX_ITERATIONS && *object != NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (*object);
}

/* A HubSpot companies export: a row the workspace refuses (line 3), a
 * domain the workspace has (initech.com) and a domain twice (globex.com). */
/* Positions in a column row's list of choices. */
#define CUSTOM      1
#define FIRST_FIELD 2

static const char hubspot_csv[] =
  "Record ID,Company name,Company Domain Name,Industry,Number of Employees,Country/Region,City,R&D <Focus>\r\n"
  "1001,Northwind Bank,northwind.com,Banking,12000,Germany,Frankfurt,<b>Payments</b> & cards\r\n"
  "1002,Contoso,contoso.com,Software,-40,United States,Redmond,\r\n"
  "1003,Globex,globex.com,Manufacturing,800,United States,Springfield,\r\n"
  "1004,Initech Inc.,initech.com,Software,\"1,200\",United States,Austin,\r\n"
  "1005,Globex Corporation,https://www.globex.com/,,,,Cypress Creek,\r\n";

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "hubspot-companies.csv", hubspot_csv);
  g_autoptr(AbmAccount) initech = abm_account_new ();
  g_autoptr(GError) error = NULL;
  AbmImportDialog *dialog;
  GtkWidget *row, *cell;
  AbmAccount *account;
  guint imported = 0;

  abm_account_set_field_text (initech, ABM_ACCOUNT_FIELD_NAME, "Initech", NULL);
  abm_account_set_field_text (initech, ABM_ACCOUNT_FIELD_DOMAIN, "initech.com", NULL);
  g_assert_true (abm_workspace_add_account (f->workspace, initech, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f, path);
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (count_signal), &imported);

  /* The separator and encoding found are shown. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Separator");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Encoding");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  /* A row per column, mapped by its header; the first items are "Don't
   * import" and "Custom Field", then the fields. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company name");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, ABM_ACCOUNT_FIELD_NAME + FIRST_FIELD);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Northwind Bank · Contoso");
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company Domain Name");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, ABM_ACCOUNT_FIELD_DOMAIN + FIRST_FIELD);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Country/Region");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, ABM_ACCOUNT_FIELD_COUNTRY + FIRST_FIELD);
  /* A column that is none of ours is kept as a custom field. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Record ID");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, CUSTOM);
  /* Headers and cells are text, never markup. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "R&D <Focus>");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "<b>Payments</b> & cards");
  g_assert_nonnull (abm_test_ui_find_widget (row, GTK_TYPE_LABEL, "<b>Payments</b> & cards"));

  /* The preview shows the first rows as they will be stored; a value that
   * will be refused is marked, with the reason. */
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Northwind Bank"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "northwind.com"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "1\u202F200"));
  cell = abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "-40");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Employees cannot be negative");

  /* Without a name or a domain there is nothing to import. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company name");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company Domain Name");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  abm_test_ui_iterate ();
  g_assert_false (gtk_widget_is_sensitive (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import")));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                 "Choose the column with the company name or its domain to import accounts."));
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company name");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), ABM_ACCOUNT_FIELD_NAME + FIRST_FIELD);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company Domain Name");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), ABM_ACCOUNT_FIELD_DOMAIN + FIRST_FIELD);
  abm_test_ui_iterate ();

  /* The record ID goes to the notes; the city column is left out. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Record ID");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), ABM_ACCOUNT_FIELD_NOTES + FIRST_FIELD);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "City");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  abm_test_ui_iterate ();

  /* A field taken by another column leaves the first one. */
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Industry");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), ABM_ACCOUNT_FIELD_COUNTRY + FIRST_FIELD);
  abm_test_ui_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (
                      ADW_COMBO_ROW (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Country/Region"))),
                    ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), ABM_ACCOUNT_FIELD_INDUSTRY + FIRST_FIELD);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Country/Region");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), ABM_ACCOUNT_FIELD_COUNTRY + FIRST_FIELD);
  abm_test_ui_iterate ();

  click (dialog, "_Import");
  wait_for_page (dialog, "result");

  g_assert_cmpuint (imported, ==, 1);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Import Finished"));
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "2 new, 1 updated, 1 merged, 0 skipped"));
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Line 3");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Employees cannot be negative");

  /* Initech was there: three accounts in all. */
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (f->workspace)), ==, 3);
  account = account_with_domain (f, "northwind.com");
  g_assert_nonnull (account);
  g_assert_cmpstr (abm_account_get_name (account), ==, "Northwind Bank");
  g_assert_cmpstr (abm_account_get_industry (account), ==, "Banking");
  g_assert_cmpstr (abm_account_get_country (account), ==, "Germany");
  g_assert_cmpstr (abm_account_get_notes (account), ==, "1001");
  g_assert_null (abm_account_get_city (account));
  g_assert_cmpint (abm_account_get_employees (account), ==, 12000);
  g_assert_cmpstr (abm_account_get_custom (account, "R&D <Focus>"), ==, "<b>Payments</b> & cards");
  g_assert_null (abm_account_get_custom (account, "Record ID"));
  account = account_with_domain (f, "initech.com");
  g_assert_cmpstr (abm_account_get_name (account), ==, "Initech Inc.");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);
  account = account_with_domain (f, "globex.com");
  g_assert_cmpstr (abm_account_get_name (account), ==, "Globex Corporation");
  g_assert_cmpint (abm_account_get_employees (account), ==, 800);
  g_assert_null (account_with_domain (f, "contoso.com"));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, "_Done");
  wait_for_finalize ((gpointer *) &dialog);
}

/* Leaving accounts as they are skips the rows for their domains. */
static void
test_skip_existing (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "list.csv",
                                     "Account Name;Website;Employees\n"
                                     "Initech Inc.;initech.com;1200\n"
                                     "Hooli;hooli.com;9000\n");
  g_autoptr(AbmAccount) initech = abm_account_new ();
  g_autoptr(GError) error = NULL;
  AbmImportDialog *dialog;
  GtkWidget *row;

  abm_account_set_field_text (initech, ABM_ACCOUNT_FIELD_NAME, "Initech", NULL);
  abm_account_set_field_text (initech, ABM_ACCOUNT_FIELD_DOMAIN, "initech.com", NULL);
  g_assert_true (abm_workspace_add_account (f->workspace, initech, &error));

  dialog = open_dialog (f, path);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Separator");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Website"));

  /* Read with the wrong separator, the file has one column, named after the
   * whole header; back to the semicolon, the columns are found again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Account Name;Website;Employees"));
  g_assert_false (gtk_widget_is_sensitive (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Website"));

  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Leave Them as They Are");
  g_assert_nonnull (row);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (abm_test_ui_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);

  click (dialog, "_Import");
  wait_for_page (dialog, "result");
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "1 new, 0 updated, 0 merged, 1 skipped"));
  /* No rows were refused: no list of them. */
  g_assert_null (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Rows Not Imported"));
  g_assert_cmpstr (abm_account_get_name (account_with_domain (f, "initech.com")), ==, "Initech");
  g_assert_nonnull (account_with_domain (f, "hooli.com"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A Windows-1252 export is recognised; read as UTF-8, it cannot be. */
static void
test_encoding (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "legacy.csv",
                                     "Company name,Domain,Stra\xdf" "e\r\n"
                                     "M\xfcller GmbH,mueller.de,Hauptstra\xdf" "e 1\r\n");
  AbmImportDialog *dialog = open_dialog (f, path);
  GtkWidget *encoding = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Encoding");
  GtkWidget *row;

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (encoding)), ==, 1);
  row = abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Straße");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Hauptstraße 1");
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Müller GmbH"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (encoding), 0);
  abm_test_ui_iterate ();
  g_assert_null (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Company name"));
  g_assert_false (gtk_widget_is_sensitive (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (encoding), 1);
  abm_test_ui_iterate ();
  g_assert_nonnull (abm_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Straße"));
  g_assert_true (gtk_widget_is_sensitive (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import")));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* An opening quote that never closes swallows the rest of the file: the
 * error names its line and nothing is written. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "broken.csv",
                                     "Name,Domain\n"
                                     "Acme,acme.com\n"
                                     "\"Umbrella,umbrella.com\n"
                                     "Hooli,hooli.com\n");
  AbmImportDialog *dialog = open_dialog (f, path);
  GtkWidget *page;
  guint imported = 0;

  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (count_signal), &imported);
  click (dialog, "_Import");
  wait_for_page (dialog, "result");

  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (f->workspace)), ==, 0);
  page = gtk_stack_get_visible_child (find_pages (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Nothing Was Imported");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==,
                   "Line 3: a quoted field starts here but its closing quote is missing");

  /* Back to the settings, to try another separator or encoding. */
  click (dialog, "Back to the Import Settings");
  wait_for_page (dialog, "setup");
  g_assert_true (gtk_widget_get_mapped (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import")));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *empty = write_csv (f, "empty.csv", "");
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (abm_import_dialog_new (NULL, f->workspace, empty, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (abm_import_dialog_new (NULL, f->workspace, missing, &error));
  g_assert_nonnull (error);
}

/* Cancel before importing closes the window; during the import it stops
 * it, even when the rows were all read by then, and the settings are back. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = write_csv (f, "list.csv", hubspot_csv);
  AbmImportDialog *dialog = open_dialog (f, path);
  guint imported = 0;

  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (count_signal), &imported);

  click (dialog, "_Import");
  click (dialog, "_Cancel");
  wait_for_page (dialog, "setup");
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (f->workspace)), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (abm_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Import")));

  /* Closing the window while it runs drops the result too. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, "_Import");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_finalize ((gpointer *) &dialog);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (f->workspace)), ==, 0);

  /* Before importing, Cancel closes the window. */
  dialog = open_dialog (f, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (dialog, "_Cancel");
  wait_for_finalize ((gpointer *) &dialog);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (f->workspace)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = abm_test_ui_init (&argc, &argv);

  g_test_add ("/import-dialog/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/import-dialog/skip-existing", Fixture, NULL, fixture_set_up, test_skip_existing, fixture_tear_down);
  g_test_add ("/import-dialog/encoding", Fixture, NULL, fixture_set_up, test_encoding, fixture_tear_down);
  g_test_add ("/import-dialog/malformed", Fixture, NULL, fixture_set_up, test_malformed, fixture_tear_down);
  g_test_add ("/import-dialog/unreadable", Fixture, NULL, fixture_set_up, test_unreadable, fixture_tear_down);
  g_test_add ("/import-dialog/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
