/* test-workspace.c: the workspace file, its edits, locks, copies and refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "abm-date.h"
#include "abm-document-copy.h"
#include "abm-file-guard.h"
#include "abm-sample.h"
#include "abm-workspace.h"

/* Every test gets a fresh folder of its own, removed afterwards. */
typedef struct {
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("abm-test-workspace-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* ---- a second process ---------------------------------------------------
 *
 * Cross-process behaviour needs a process that shares nothing with this one:
 * not SQLite's per-process lock bookkeeping, not open file descriptions
 * (whose OFD locks a fork() would share). So the helper is this binary run
 * again in a helper mode, which main() dispatches before g_test_init().
 *
 *   --helper hold PATH   open PATH for writing, write one byte to stdout,
 *                        hold it until stdin reaches EOF, close it
 *   --helper touch PATH  wait for one byte on stdin, open PATH for writing,
 *                        close it
 *   --helper crash PATH  open PATH for writing, make edits, and exit without
 *                        closing, as a crash would
 *
 * The helper exits 0 on success. */

static char *helper_program;

static gboolean
read_byte (int fd)
{
  char c;
  ssize_t n;

  do
    n = read (fd, &c, 1);
  while (n < 0 && errno == EINTR);
  return n == 1;
}

static void
drain (int fd)
{
  while (read_byte (fd))
    ;
}

static int
helper_main (const char *mode,
             const char *path)
{
  AbmWorkspace *workspace;
  gboolean ok = TRUE;

  if (g_str_equal (mode, "touch"))
    read_byte (STDIN_FILENO);

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, NULL);
  if (workspace == NULL)
    return 1;

  if (g_str_equal (mode, "hold"))
    {
      ok = write (STDOUT_FILENO, "x", 1) == 1;
      drain (STDIN_FILENO);
    }
  else if (g_str_equal (mode, "crash"))
    {
      AbmAccount *ghost = abm_account_new ();

      if (!abm_account_set_field_text (ghost, ABM_ACCOUNT_FIELD_NAME, "Ghost", NULL)
          || !abm_account_set_field_text (ghost, ABM_ACCOUNT_FIELD_DOMAIN, "ghost.com", NULL)
          || !abm_workspace_add_account (workspace, ghost, NULL)
          || !abm_workspace_set_name (workspace, "Ghost workspace", NULL))
        _exit (1);
      _exit (0);
    }

  g_object_unref (workspace);
  return ok ? 0 : 1;
}

typedef struct {
  GPid pid;
  int  to_child;     /* its stdin */
  int  from_child;   /* its stdout */
} Helper;

static void
helper_start (Helper     *helper,
              const char *mode,
              const char *path)
{
  const char *argv[] = { helper_program, "--helper", mode, path, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &helper->pid,
                            &helper->to_child, &helper->from_child, NULL, &error);
  g_assert_no_error (error);
}

/* Blocks until a "hold" helper has the file open. */
static void
helper_wait_ready (Helper *helper)
{
  g_assert_true (read_byte (helper->from_child));
}

static void
helper_signal (Helper *helper)
{
  g_assert_cmpint (write (helper->to_child, "x", 1), ==, 1);
}

/* Lets the helper go on, waits for it, and asserts it succeeded. */
static void
helper_finish (Helper *helper)
{
  int status = 0;

  close (helper->to_child);
  g_assert_cmpint (waitpid (helper->pid, &status, 0), ==, helper->pid);
  close (helper->from_child);
  g_spawn_close_pid (helper->pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* Direct SQLite access, as a stranger would have it. The connection is
 * read-write so that closing it, as the last one, tidies -wal and -shm. */
static sqlite3 *
sql_open (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | flags, NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errstr (rc));
  return db;
}

/* Creates @path if need be, as a stranger's program would. */
static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = sql_open (path, SQLITE_OPEN_CREATE);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = sql_open (path, 0);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return result;
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  g_autofree char *text = sql_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_no_sidecars (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      g_test_message ("checking there is no %s", sidecar);
      g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
    }
}

/* No temporary file of create or save_copy may be left in @dir. */
static void
assert_no_temporaries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".abm-planner-"));
}

static AbmWorkspace *
create_ok (const char *path,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  AbmWorkspace *workspace = abm_workspace_create (path, name, "EUR", FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

static AbmWorkspace *
open_ok (const char            *path,
         AbmWorkspaceOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  AbmWorkspace *workspace = abm_workspace_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

static AbmAccount *
new_account (const char *name,
             const char *domain)
{
  AbmAccount *account = abm_account_new ();

  g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, name, NULL));
  if (domain != NULL)
    g_assert_true (abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_DOMAIN, domain, NULL));
  return account;
}

static AbmAccount *
add_ok (AbmWorkspace *workspace,
        const char   *name,
        const char   *domain)
{
  g_autoptr(AbmAccount) account = new_account (name, domain);
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_workspace_add_account (workspace, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_account_get_id (account), >, 0);
  return account;   /* owned by the workspace's model */
}

static AbmAccount *
account_at (AbmWorkspace *workspace,
            guint         position)
{
  g_autoptr(AbmAccount) account =
    g_list_model_get_item (abm_workspace_get_accounts (workspace), position);

  g_assert_nonnull (account);
  return account;   /* the model keeps it alive */
}

static guint
n_accounts (AbmWorkspace *workspace)
{
  return g_list_model_get_n_items (abm_workspace_get_accounts (workspace));
}

static AbmAccount *
find_by_id (AbmWorkspace *workspace,
            gint64        id)
{
  for (guint i = 0; i < n_accounts (workspace); i++)
    {
      AbmAccount *account = account_at (workspace, i);

      if (abm_account_get_id (account) == id)
        return account;
    }
  return NULL;
}

static void
assert_field (AbmAccount      *account,
              AbmAccountField  field,
              const char      *expected)
{
  g_autofree char *text = abm_account_dup_field_text (account, field);

  g_test_message ("field %s", abm_account_field_key (field));
  g_assert_cmpstr (text, ==, expected);
}

static void
assert_accounts_equal (AbmAccount *a,
                       AbmAccount *b)
{
  g_assert_cmpint (abm_account_get_id (a), ==, abm_account_get_id (b));
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      g_autofree char *text = abm_account_dup_field_text (b, i);
      assert_field (a, i, text);
    }
  g_assert_true (g_strv_equal (abm_account_get_custom_pairs (a) ? abm_account_get_custom_pairs (a) : (const char *const[]) { NULL },
                               abm_account_get_custom_pairs (b) ? abm_account_get_custom_pairs (b) : (const char *const[]) { NULL }));
}

static void
set_field_ok (AbmWorkspace    *workspace,
              AbmAccount      *account,
              AbmAccountField  field,
              const char      *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_workspace_set_account_field (workspace, account, field, text, &error));
  g_assert_no_error (error);
}

/* A full account, every field set. */
static AbmAccount *
add_full_account (AbmWorkspace *workspace)
{
  AbmAccount *account = add_ok (workspace, "Northwind Bank", "https://www.northwind-bank.com/");

  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_INDUSTRY, "Banking");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_EMPLOYEES, "12,000");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "$2.5bn");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_COUNTRY, "United States");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_CITY, "Chicago");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "250,000.75");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_OWNER_AE, "Dana Smith");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_OWNER_MARKETER, "Lee Park");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_NOTES, "  Tier 1.\nRenewal in Q3.  ");
  g_assert_true (abm_workspace_set_account_custom (workspace, account, "Use Case", "Fraud", NULL));
  return account;
}

static void
assert_full_account (AbmAccount *account)
{
  assert_field (account, ABM_ACCOUNT_FIELD_NAME, "Northwind Bank");
  assert_field (account, ABM_ACCOUNT_FIELD_DOMAIN, "northwind-bank.com");
  assert_field (account, ABM_ACCOUNT_FIELD_INDUSTRY, "Banking");
  assert_field (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "12000");
  assert_field (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "2500000000");
  assert_field (account, ABM_ACCOUNT_FIELD_COUNTRY, "United States");
  assert_field (account, ABM_ACCOUNT_FIELD_CITY, "Chicago");
  assert_field (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "250000.75");
  assert_field (account, ABM_ACCOUNT_FIELD_OWNER_AE, "Dana Smith");
  assert_field (account, ABM_ACCOUNT_FIELD_OWNER_MARKETER, "Lee Park");
  assert_field (account, ABM_ACCOUNT_FIELD_NOTES, "  Tier 1.\nRenewal in Q3.  ");
  g_assert_cmpstr (abm_account_get_custom (account, "Use Case"), ==, "Fraud");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* ---- create ------------------------------------------------------------ */

static void
test_create_header (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "new.abm");
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  workspace = abm_workspace_create (path, "  FY27 Enterprise Banking ", "USD", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);

  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "FY27 Enterprise Banking");
  g_assert_cmpstr (abm_workspace_get_currency (workspace), ==, "USD");
  g_assert_false (abm_workspace_get_read_only (workspace));
  g_assert_cmpint (abm_workspace_get_schema_version (workspace), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpuint (n_accounts (workspace), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (abm_workspace_check_integrity (workspace, &error));
  g_assert_no_error (error);

  abm_workspace_close (workspace);
  /* Closing twice is harmless. */
  abm_workspace_close (workspace);
  g_clear_object (&workspace);
  assert_no_sidecars (path);
  assert_no_temporaries (fixture->dir);

  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, 0x41424D50);
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, ABM_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  {
    g_autofree char *name = sql_text (path, "SELECT value FROM meta WHERE key = 'name'");
    g_autofree char *currency = sql_text (path, "SELECT value FROM meta WHERE key = 'currency'");
    g_autofree char *mode = sql_text (path, "PRAGMA journal_mode");

    g_assert_cmpstr (name, ==, "FY27 Enterprise Banking");
    g_assert_cmpstr (currency, ==, "USD");
    g_assert_cmpstr (mode, ==, "wal");
  }
  /* Nobody holds the file once it is closed. */
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM meta WHERE key = 'lock_holder'"), ==, 0);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "FY27 Enterprise Banking");
  g_assert_cmpstr (abm_workspace_get_currency (workspace), ==, "USD");
}

static void
test_create_exists (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "taken.abm");
  g_autofree char *text = fixture_path (fixture, "notes.txt");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "First");
  g_autoptr(AbmWorkspace) second = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);
  before = read_bytes (path);

  second = abm_workspace_create (path, "Second", "EUR", FALSE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_EXISTS);
  g_assert_null (second);
  g_clear_error (&error);
  assert_same_bytes (before, path);
  assert_no_temporaries (fixture->dir);

  /* Any file, not only a workspace. */
  g_assert_true (g_file_set_contents (text, "keep me\n", -1, NULL));
  second = abm_workspace_create (text, "Second", "EUR", FALSE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_EXISTS);
  g_assert_null (second);
  g_clear_error (&error);
  g_clear_pointer (&before, g_bytes_unref);
  before = g_bytes_new_static ("keep me\n", 8);
  assert_same_bytes (before, text);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "First");
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
}

static void
test_create_replace (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "replace.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Old");
  g_autoptr(AbmWorkspace) fresh = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (workspace, "Acme", "acme.com");

  /* Not while it is open. */
  fresh = abm_workspace_create (path, "New", "USD", TRUE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_assert_null (fresh);
  g_clear_error (&error);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_clear_object (&workspace);
  before = read_bytes (path);
  assert_no_temporaries (fixture->dir);

  fresh = abm_workspace_create (path, "New", "USD", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fresh);
  g_assert_cmpstr (abm_workspace_get_name (fresh), ==, "New");
  g_assert_cmpstr (abm_workspace_get_currency (fresh), ==, "USD");
  g_assert_cmpuint (n_accounts (fresh), ==, 0);
  g_clear_object (&fresh);
  assert_no_temporaries (fixture->dir);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "New");
  g_assert_cmpuint (n_accounts (workspace), ==, 0);
  g_assert_null (abm_workspace_find_account (workspace, "acme.com"));
}

/* A session that ended without closing (a crash, a kill) leaves its -wal
 * and -shm beside the file. Replacing the file must not let the new file
 * pick up the old file's log. */
static void
test_create_replace_after_crash (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "crashed.abm");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Old");
  g_autoptr(GError) error = NULL;
  Helper helper;

  g_clear_object (&workspace);

  helper_start (&helper, "crash", path);
  helper_finish (&helper);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  workspace = abm_workspace_create (path, "Fresh", "EUR", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Fresh");
  g_assert_cmpuint (n_accounts (workspace), ==, 0);
  g_assert_true (abm_workspace_check_integrity (workspace, &error));
  g_assert_no_error (error);
  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Fresh");
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_assert_null (abm_workspace_find_account (workspace, "ghost.com"));
  g_assert_true (abm_workspace_check_integrity (workspace, &error));
  g_assert_no_error (error);
}

static void
test_name_currency (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "names.abm");
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad_names[] = { "", "   ", "\t\n" };
  const char *bad_currencies[] = { "eu", "eur", "EURO", "E1R", "", "€" };
  guint names = 0, currencies = 0;

  g_assert_true (abm_currency_is_valid ("EUR"));
  g_assert_true (abm_currency_is_valid ("JPY"));
  for (guint i = 0; i < G_N_ELEMENTS (bad_currencies); i++)
    g_assert_false (abm_currency_is_valid (bad_currencies[i]));
  g_assert_false (abm_currency_is_valid (NULL));

  /* Refused at creation, and nothing is written. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      workspace = abm_workspace_create (path, bad_names[i], "EUR", FALSE, &error);
      g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
      g_assert_null (workspace);
      g_clear_error (&error);
    }
  workspace = abm_workspace_create (path, NULL, "EUR", FALSE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (bad_currencies); i++)
    {
      workspace = abm_workspace_create (path, "Program", bad_currencies[i], FALSE, &error);
      g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
      g_assert_null (workspace);
      g_clear_error (&error);
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_temporaries (fixture->dir);

  workspace = create_ok (path, "Program");
  g_signal_connect (workspace, "notify::name", G_CALLBACK (count_notify), &names);
  g_signal_connect (workspace, "notify::currency", G_CALLBACK (count_notify), &currencies);

  g_assert_true (abm_workspace_set_name (workspace, "  Renamed Program ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Renamed Program");
  g_assert_cmpuint (names, ==, 1);
  g_assert_true (abm_workspace_set_name (workspace, "Renamed Program", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (names, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_assert_false (abm_workspace_set_name (workspace, bad_names[i], &error));
      g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Renamed Program");
  g_assert_cmpuint (names, ==, 1);

  g_assert_true (abm_workspace_set_currency (workspace, "GBP", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (currencies, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad_currencies); i++)
    {
      g_assert_false (abm_workspace_set_currency (workspace, bad_currencies[i], &error));
      g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpstr (abm_workspace_get_currency (workspace), ==, "GBP");
  g_assert_cmpuint (currencies, ==, 1);

  g_clear_object (&workspace);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Renamed Program");
  g_assert_cmpstr (abm_workspace_get_currency (workspace), ==, "GBP");
}

/* ---- accounts ---------------------------------------------------------- */

static void
test_accounts_add (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "add.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) before_full = NULL;
  g_autoptr(AbmAccount) before_bare = NULL;
  g_autoptr(AbmAccount) nameless = abm_account_new ();
  g_autoptr(GError) error = NULL;
  AbmAccount *full, *bare;

  full = add_full_account (workspace);
  bare = add_ok (workspace, "Globex", NULL);
  g_assert_cmpint (abm_account_get_id (full), !=, abm_account_get_id (bare));
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  g_assert_true (account_at (workspace, 0) == full);
  g_assert_true (account_at (workspace, 1) == bare);
  assert_full_account (full);

  /* An account without a name is refused and not stored. */
  g_assert_false (abm_workspace_add_account (workspace, nameless, &error));
  g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (abm_account_get_id (nameless), ==, 0);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);

  /* Lookup by domain in any spelling, or by name in any case. */
  g_assert_true (abm_workspace_find_account (workspace, "https://WWW.Northwind-Bank.com/x") == full);
  g_assert_true (abm_workspace_find_account (workspace, "GLOBEX") == bare);
  g_assert_null (abm_workspace_find_account (workspace, "initech.com"));

  before_full = abm_account_copy (full);
  before_bare = abm_account_copy (bare);
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  assert_accounts_equal (account_at (workspace, 0), before_full);
  assert_accounts_equal (account_at (workspace, 1), before_bare);
  assert_full_account (account_at (workspace, 0));
  g_assert_cmpint (abm_account_get_employees (account_at (workspace, 1)), ==, -1);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account_at (workspace, 1)), ==, -1);
  g_assert_null (abm_account_get_domain (account_at (workspace, 1)));
}

/* Many accounts at once: all or none, and ids go on from the last one. */
static void
test_accounts_add_many (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "bulk.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) clash = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) twins = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AbmAccount *first;

  first = add_ok (workspace, "Acme", "acme.com");
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", i);
      g_autofree char *domain = g_strdup_printf ("company%u.com", i);
      g_ptr_array_add (batch, new_account (name, domain));
    }
  g_assert_true (abm_workspace_add_accounts (workspace, batch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_accounts (workspace), ==, 501);
  g_assert_cmpint (abm_account_get_id (batch->pdata[0]), ==, abm_account_get_id (first) + 1);
  g_assert_true (abm_workspace_find_account (workspace, "https://www.company499.com/") == batch->pdata[499]);

  /* One domain already in the workspace: nothing of the batch is stored. */
  g_ptr_array_add (clash, new_account ("New One", "new-one.com"));
  g_ptr_array_add (clash, new_account ("Acme Again", "ACME.com"));
  g_assert_false (abm_workspace_add_accounts (workspace, clash, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* The same domain twice in the batch: refused as a whole too. */
  g_ptr_array_add (twins, new_account ("Twin A", "twin.com"));
  g_ptr_array_add (twins, new_account ("Twin B", "twin.com"));
  g_assert_false (abm_workspace_add_accounts (workspace, twins, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_clear_object (&workspace);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 501);
  g_assert_null (abm_workspace_find_account (workspace, "new-one.com"));
  g_assert_null (abm_workspace_find_account (workspace, "twin.com"));
}

static GPtrArray *
numbered_accounts (guint       n,
                   const char *prefix)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", prefix, i);
      g_autofree char *domain = g_strdup_printf ("%s%u.com", prefix, i);
      g_ptr_array_add (batch, new_account (name, domain));
    }
  return batch;
}

/* A big import leaves the write-ahead log for its transaction and comes
 * back to it; with a reader on the file it stays in the log. Either way
 * every account is stored. */
static void
test_accounts_bulk_journal (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "big.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) reader = NULL;
  g_autoptr(GPtrArray) first = numbered_accounts (6000, "alpha");
  g_autoptr(GPtrArray) second = numbered_accounts (6000, "beta");
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_true (abm_workspace_add_accounts (workspace, first, &error));
  g_assert_no_error (error);
  g_clear_object (&reader);

  g_assert_true (abm_workspace_add_accounts (workspace, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_accounts (workspace), ==, 12000);

  g_clear_object (&workspace);
  mode = sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 12000);
  g_assert_nonnull (abm_workspace_find_account (workspace, "beta5999.com"));
}

static void
count_setting (AbmWorkspace *workspace,
               const char   *key,
               guint        *count)
{
  g_assert_cmpstr (key, ==, "team");
  (*count)++;
}

/* Features keep their settings in the file: stored, announced, bounded,
 * and refused on a read-only workspace. */
static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "settings.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (ABM_WORKSPACE_MAX_SETTING_SIZE + 1, 'x');
  g_autofree char *team = NULL;
  g_autofree char *read = NULL;
  guint changed = 0;

  g_assert_null (abm_workspace_dup_setting (workspace, "team"));
  g_signal_connect (workspace, "setting-changed::team", G_CALLBACK (count_setting), &changed);
  g_assert_true (abm_workspace_set_setting (workspace, "team", "{\"aes\": 4}", &error));
  g_assert_no_error (error);
  g_assert_true (abm_workspace_set_setting (workspace, "team", "{\"aes\": 4}", &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (abm_workspace_set_setting (workspace, "team", big, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  team = abm_workspace_dup_setting (workspace, "team");
  g_assert_cmpstr (team, ==, "{\"aes\": 4}");

  /* The tier lock and cluster of an account are kept too. */
  {
    AbmAccount *acme = add_ok (workspace, "Acme", "acme.com");
    g_autoptr(AbmAccount) values = abm_account_copy (acme);

    abm_account_set_tier_locked (values, TRUE);
    g_assert_true (abm_workspace_update_account (workspace, acme, values, &error));
    g_assert_no_error (error);
  }

  g_clear_object (&workspace);
  reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  read = abm_workspace_dup_setting (reader, "team");
  g_assert_cmpstr (read, ==, "{\"aes\": 4}");
  g_assert_true (abm_account_get_tier_locked (abm_workspace_find_account (reader, "acme.com")));
  g_assert_false (abm_workspace_set_setting (reader, "team", "{}", &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
}

static void
test_accounts_duplicate (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "dup.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) twin = new_account ("Acme Europe", "https://www.ACME.com/de");
  g_autoptr(GError) error = NULL;
  AbmAccount *acme, *other;

  acme = add_ok (workspace, "Acme", "acme.com");
  other = add_ok (workspace, "Other", "other.com");

  g_assert_false (abm_workspace_add_account (workspace, twin, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "acme.com"));
  g_clear_error (&error);
  g_assert_cmpint (abm_account_get_id (twin), ==, 0);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);

  /* Moving another account onto the domain is refused too. */
  g_assert_false (abm_workspace_set_account_field (workspace, other, ABM_ACCOUNT_FIELD_DOMAIN,
                                                   "ACME.com", &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpstr (abm_account_get_domain (other), ==, "other.com");

  /* Setting an account's own domain again is no conflict. */
  set_field_ok (workspace, acme, ABM_ACCOUNT_FIELD_DOMAIN, "www.acme.com");
  g_assert_cmpstr (abm_account_get_domain (acme), ==, "acme.com");

  g_clear_object (&workspace);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM accounts"), ==, 2);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM accounts WHERE domain = 'acme.com'"), ==, 1);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  g_assert_cmpstr (abm_account_get_name (abm_workspace_find_account (workspace, "acme.com")), ==, "Acme");
  g_assert_cmpstr (abm_account_get_domain (abm_workspace_find_account (workspace, "Other")), ==, "other.com");
}

static void
test_accounts_update (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "update.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) values = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *account;
  gint64 id;

  account = add_ok (workspace, "Acme", "acme.com");
  id = abm_account_get_id (account);

  values = abm_account_copy (account);
  g_assert_true (abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_NAME, "Acme Corporation", NULL));
  g_assert_true (abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_EMPLOYEES, "1,200", NULL));
  g_assert_true (abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "$2.5M", NULL));
  g_assert_true (abm_account_set_field_text (values, ABM_ACCOUNT_FIELD_DOMAIN, "acme.io", NULL));
  g_assert_true (abm_workspace_update_account (workspace, account, values, &error));
  g_assert_no_error (error);

  /* The object in the model is updated in place and keeps its id. */
  g_assert_true (account_at (workspace, 0) == account);
  g_assert_cmpint (abm_account_get_id (account), ==, id);
  g_assert_cmpstr (abm_account_get_name (account), ==, "Acme Corporation");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1200);

  /* Updating to no name is refused. */
  {
    g_autoptr(AbmAccount) nameless = abm_account_new ();

    g_assert_false (abm_workspace_update_account (workspace, account, nameless, &error));
    g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpstr (abm_account_get_name (account), ==, "Acme Corporation");
  }

  /* abm_workspace_close() ends the session as well as the last unref. */
  abm_workspace_close (workspace);
  g_assert_false (abm_workspace_set_account_field (workspace, account, ABM_ACCOUNT_FIELD_CITY,
                                                   "Paris", &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  account = account_at (workspace, 0);
  g_assert_cmpint (abm_account_get_id (account), ==, id);
  assert_field (account, ABM_ACCOUNT_FIELD_NAME, "Acme Corporation");
  assert_field (account, ABM_ACCOUNT_FIELD_DOMAIN, "acme.io");
  assert_field (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1200");
  assert_field (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "2500000");
  assert_field (account, ABM_ACCOUNT_FIELD_CITY, "");
}

static void
test_accounts_set_field (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "field.abm");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) before = NULL;
  g_autoptr(GBytes) db_before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  AbmAccount *account;
  struct {
    AbmAccountField  field;
    const char      *text;
  } bad[] = {
    { ABM_ACCOUNT_FIELD_EMPLOYEES, "abc" },
    { ABM_ACCOUNT_FIELD_EMPLOYEES, "-10" },
    { ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "lots" },
    { ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "99999999999bn" },
    { ABM_ACCOUNT_FIELD_DOMAIN, "not a domain" },
    { ABM_ACCOUNT_FIELD_NAME, "   " },
    { ABM_ACCOUNT_FIELD_CITY, "bad \xc3\x28 text" },
  };

  account = add_full_account (workspace);
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_EMPLOYEES, "1.5k");
  g_assert_cmpint (abm_account_get_employees (account), ==, 1500);
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1.200.000");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 1200000);

  before = abm_account_copy (account);
  db_before = read_bytes (path);
  wal_before = read_bytes (wal);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_autofree char *shown = g_utf8_make_valid (bad[i].text, -1);

      g_test_message ("refusing %s “%s”", abm_account_field_key (bad[i].field), shown);
      g_assert_false (abm_workspace_set_account_field (workspace, account, bad[i].field,
                                                       bad[i].text, &error));
      g_assert_error (error, ABM_ACCOUNT_ERROR, ABM_ACCOUNT_ERROR_INVALID);
      assert_accounts_equal (account, before);
    }
  /* Nothing was written: neither the file nor its log changed. */
  assert_same_bytes (db_before, path);
  assert_same_bytes (wal_before, wal);

  g_clear_object (&workspace);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  assert_accounts_equal (account_at (workspace, 0), before);

  /* Emptying a number makes it unknown, in the file too. */
  set_field_ok (workspace, account_at (workspace, 0), ABM_ACCOUNT_FIELD_EMPLOYEES, "");
  g_clear_object (&workspace);
  g_assert_cmpint (sql_int (path, "SELECT employees IS NULL FROM accounts"), ==, 1);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpint (abm_account_get_employees (account_at (workspace, 0)), ==, -1);
}

/* The largest amount an account accepts must survive the file. */
static void
test_accounts_large_amounts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "large.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  AbmAccount *account = add_ok (workspace, "Megacorp", "megacorp.com");

  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "1,000,000,000,000,000");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "999,999,999,999");
  set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_EMPLOYEES, "100,000,000");
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 1e15);
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  account = account_at (workspace, 0);
  g_assert_cmpint (abm_account_get_employees (account), ==, 100000000);
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, 999999999999.0);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, 1e15);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *calls)
{
  guint call[3] = { position, removed, added };

  g_array_append_vals (calls, call, 3);
}

static void
test_accounts_rename_items_changed (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "rename.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *model = abm_workspace_get_accounts (workspace);
  AbmAccount *second;

  add_ok (workspace, "Acme", "acme.com");
  second = add_ok (workspace, "Beta", "beta.com");
  add_ok (workspace, "Gamma", NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_items_changed), calls);

  set_field_ok (workspace, second, ABM_ACCOUNT_FIELD_NAME, "Beta Industries");
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 1);   /* position */
  g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 1);   /* removed */
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 1);   /* added */
  g_assert_true (g_list_model_get_item (model, 1) == (gpointer) second);
  g_object_unref (second);   /* the reference get_item just gave */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* The same name again is no rename. */
  g_array_set_size (calls, 0);
  set_field_ok (workspace, second, ABM_ACCOUNT_FIELD_NAME, "  Beta Industries ");
  g_assert_cmpuint (calls->len, ==, 0);
}

static void
test_accounts_delete_undo (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "undo.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) before = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *full, *restored;
  gint64 undo_id, id, other_id;

  full = add_full_account (workspace);
  other_id = abm_account_get_id (add_ok (workspace, "Globex", NULL));
  id = abm_account_get_id (full);
  before = abm_account_copy (full);

  /* Delete and undo in one session. */
  undo_id = abm_workspace_delete_account (workspace, full, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, >, 0);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_assert_null (find_by_id (workspace, id));
  g_assert_null (abm_workspace_find_account (workspace, "northwind-bank.com"));

  /* It is not in the model any more, so it cannot be deleted twice. */
  g_assert_cmpint (abm_workspace_delete_account (workspace, before, &error), ==, 0);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  restored = find_by_id (workspace, id);
  g_assert_nonnull (restored);
  assert_accounts_equal (restored, before);
  g_assert_true (abm_workspace_find_account (workspace, "northwind-bank.com") == restored);

  /* An undo is used up once done. */
  g_assert_false (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);

  /* Delete, close: gone in the file. */
  undo_id = abm_workspace_delete_account (workspace, restored, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, >, 0);
  g_clear_object (&workspace);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM accounts"), ==, 1);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_assert_null (find_by_id (workspace, id));
  g_assert_nonnull (find_by_id (workspace, other_id));

  /* The undo log is in the file: undo works in the next session. */
  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  restored = find_by_id (workspace, id);
  g_assert_nonnull (restored);
  assert_accounts_equal (restored, before);
  assert_full_account (restored);
  g_clear_object (&workspace);

  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM undo_log"), ==, 0);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  restored = find_by_id (workspace, id);
  g_assert_nonnull (restored);
  assert_accounts_equal (restored, before);

  /* Undo cannot bring back a domain another account has taken meanwhile. */
  undo_id = abm_workspace_delete_account (workspace, restored, &error);
  g_assert_no_error (error);
  {
    AbmAccount *clone = add_ok (workspace, "Northwind Clone", "northwind-bank.com");

    g_assert_false (abm_workspace_undo (workspace, undo_id, &error));
    g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE);
    g_clear_error (&error);
    g_assert_cmpuint (n_accounts (workspace), ==, 2);
    g_assert_null (find_by_id (workspace, id));

    /* Once the domain is free again, the same undo works. */
    g_assert_cmpint (abm_workspace_delete_account (workspace, clone, &error), >, 0);
    g_assert_no_error (error);
    g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
    g_assert_no_error (error);
    g_assert_nonnull (find_by_id (workspace, id));
    assert_accounts_equal (find_by_id (workspace, id), before);
  }

  /* An unknown undo id does nothing. */
  g_assert_false (abm_workspace_undo (workspace, 9999, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
}

/* An account added after a delete must not take the deleted account's id:
 * undo brings the deleted one back under its own id. */
static void
test_accounts_undo_after_add (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "reuse.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) before = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *last, *later, *restored;
  gint64 undo_id, id;

  add_ok (workspace, "Acme", "acme.com");
  last = add_ok (workspace, "Beta", "beta.com");
  id = abm_account_get_id (last);
  before = abm_account_copy (last);

  undo_id = abm_workspace_delete_account (workspace, last, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, >, 0);

  later = add_ok (workspace, "Gamma", "gamma.com");
  g_assert_cmpint (abm_account_get_id (later), !=, id);

  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  restored = find_by_id (workspace, id);
  g_assert_nonnull (restored);
  assert_accounts_equal (restored, before);
  g_assert_cmpuint (n_accounts (workspace), ==, 3);
}

/* ---- locks ------------------------------------------------------------- */

static void
test_lock_same_process (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "lock.abm");
  g_autofree char *spelled = g_build_filename (fixture->dir, ".", "lock.abm", NULL);
  g_autoptr(AbmWorkspace) first = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) second = NULL;
  g_autoptr(AbmWorkspace) reader = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (first, "Acme", "acme.com");

  second = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_assert_null (second);
  g_clear_error (&error);

  /* Another spelling of the same path is the same file. */
  second = abm_workspace_open (spelled, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_assert_null (second);
  g_clear_error (&error);

  /* The refused open did not disturb the first. */
  add_ok (first, "Beta", "beta.com");
  g_assert_cmpuint (n_accounts (first), ==, 2);

  /* Reading is fine meanwhile, and sees what is committed. */
  reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_true (abm_workspace_get_read_only (reader));
  g_assert_cmpuint (n_accounts (reader), ==, 2);
  g_clear_object (&reader);

  abm_workspace_close (first);
  second = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (second), ==, 2);
  add_ok (second, "Gamma", "gamma.com");
  g_clear_object (&second);
  g_clear_object (&first);

  second = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (second), ==, 3);
}

static void
test_lock_other_process (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "shared.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) reader = NULL;
  g_autoptr(GError) error = NULL;
  Helper helper;

  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);

  helper_start (&helper, "hold", path);
  helper_wait_ready (&helper);

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_assert_null (workspace);
  g_test_message ("locked: %s", error->message);
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  /* Replacing it is refused as well. */
  workspace = abm_workspace_create (path, "Other", "EUR", TRUE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_assert_null (workspace);
  g_clear_error (&error);

  reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_true (abm_workspace_get_read_only (reader));
  g_assert_cmpstr (abm_workspace_get_name (reader), ==, "Program");
  g_assert_cmpuint (n_accounts (reader), ==, 1);
  g_clear_object (&reader);

  helper_finish (&helper);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_clear_object (&workspace);
  assert_no_sidecars (path);
}

/* A reader in this process must keep its claim on the file when an open for
 * writing is refused: SQLite's own locks on the file belong to the process,
 * and closing any descriptor of the file drops them all. Without them, the
 * other process's close checkpoints and deletes the -wal and -shm that the
 * reader still uses. */
static void
test_lock_reader_survives_refusal (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "readers.abm");
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) reader = NULL;
  g_autoptr(GError) error = NULL;
  Helper helper;

  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);

  helper_start (&helper, "hold", path);
  helper_wait_ready (&helper);

  reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_cmpuint (n_accounts (reader), ==, 1);

  /* The user tries again to edit; still refused. */
  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_clear_error (&error);

  /* The writer leaves while the reader is still open: it must see the
   * reader and leave the shared index in place. */
  helper_finish (&helper);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_clear_object (&reader);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
}

/* The same for a reader in this process when this process stops writing. */
static void
test_lock_reader_survives_writer_close (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "handover.abm");
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) reader = NULL;
  Helper helper;

  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);

  helper_start (&helper, "touch", path);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_cmpuint (n_accounts (reader), ==, 1);
  g_clear_object (&workspace);

  /* Another process opens the file and leaves while our reader is open. */
  helper_signal (&helper);
  helper_finish (&helper);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  g_clear_object (&reader);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "reader.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmAccount) extra = new_account ("Extra", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *account;

  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);
  before = read_bytes (path);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_true (abm_workspace_get_read_only (workspace));
  account = account_at (workspace, 0);

  g_assert_false (abm_workspace_add_account (workspace, extra, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (abm_workspace_set_account_field (workspace, account, ABM_ACCOUNT_FIELD_CITY,
                                                   "Paris", &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (abm_account_get_city (account));
  g_assert_cmpint (abm_workspace_delete_account (workspace, account, &error), ==, 0);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (abm_workspace_set_name (workspace, "Renamed", &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);

  /* Two readers at once are fine. */
  {
    g_autoptr(AbmWorkspace) another = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
    g_assert_cmpuint (n_accounts (another), ==, 1);
  }
  g_clear_object (&workspace);
  assert_same_bytes (before, path);
}

/* ---- save a copy ------------------------------------------------------- */

static void
test_save_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "original.abm");
  g_autofree char *copy_path = fixture_path (fixture, "copy.abm");
  g_autofree char *spelled = g_build_filename (fixture->dir, ".", "original.abm", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(AbmWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;
  AbmAccount *full;

  full = add_full_account (workspace);
  add_ok (workspace, "Globex", NULL);
  /* Deleted before the copy: the copy must not have it. */
  g_assert_cmpint (abm_workspace_delete_account (workspace,
                                                 add_ok (workspace, "Gone", "gone.com"),
                                                 &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (abm_workspace_save_copy (workspace, copy_path, &error));
  g_assert_no_error (error);
  assert_no_temporaries (fixture->dir);

  /* A copy onto itself, in any spelling, is refused. */
  g_assert_false (abm_workspace_save_copy (workspace, path, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_workspace_save_copy (workspace, spelled, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  assert_no_temporaries (fixture->dir);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);

  /* The copy opens for writing while the original is still open. */
  copy = open_ok (copy_path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (copy), ==, "Program");
  g_assert_cmpstr (abm_workspace_get_currency (copy), ==, "EUR");
  g_assert_cmpuint (n_accounts (copy), ==, 2);
  assert_accounts_equal (account_at (copy, 0), full);
  assert_field (account_at (copy, 1), ABM_ACCOUNT_FIELD_NAME, "Globex");
  g_assert_null (abm_workspace_find_account (copy, "gone.com"));
  g_assert_true (abm_workspace_check_integrity (copy, &error));
  g_assert_no_error (error);

  /* Edits to one do not show in the other. */
  add_ok (copy, "Only In Copy", "copy.example.com");
  g_assert_null (abm_workspace_find_account (workspace, "copy.example.com"));
  g_clear_object (&copy);
  g_clear_object (&workspace);

  g_assert_cmpint (sql_int (copy_path, "PRAGMA application_id"), ==, ABM_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (sql_int (copy_path, "PRAGMA user_version"), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (copy_path, "SELECT count (*) FROM meta WHERE key = 'lock_holder'"), ==, 0);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM accounts"), ==, 2);
  g_assert_cmpint (sql_int (copy_path, "SELECT count (*) FROM accounts"), ==, 3);

  /* A copy replaces an existing file at the target. */
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_true (abm_workspace_save_copy (workspace, copy_path, &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);
  copy = open_ok (copy_path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (copy), ==, 2);
}

/* A copy must not pull a workspace out from under whoever is writing it:
 * they would go on editing a file that no longer has a name. */
static void
test_save_copy_onto_open (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "source.abm");
  g_autofree char *target = fixture_path (fixture, "busy.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Source");
  g_autoptr(AbmWorkspace) busy = create_ok (target, "Busy");
  g_autoptr(GError) error = NULL;
  Helper helper;

  add_ok (workspace, "Acme", "acme.com");
  add_ok (busy, "Busy Account", "busy.com");

  /* Open for writing in this process. */
  g_assert_false (abm_workspace_save_copy (workspace, target, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_clear_error (&error);
  assert_no_temporaries (fixture->dir);
  add_ok (busy, "Later Account", "later.com");
  g_clear_object (&busy);

  busy = open_ok (target, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (busy), ==, "Busy");
  g_assert_cmpuint (n_accounts (busy), ==, 2);
  g_clear_object (&busy);

  /* Open for writing in another process. */
  helper_start (&helper, "hold", target);
  helper_wait_ready (&helper);
  g_assert_false (abm_workspace_save_copy (workspace, target, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_clear_error (&error);
  helper_finish (&helper);
  assert_no_temporaries (fixture->dir);

  busy = open_ok (target, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (busy), ==, "Busy");
  g_assert_cmpuint (n_accounts (busy), ==, 2);
}

/* A copy over a file whose last session crashed must not pick up that
 * session's log. */
static void
test_save_copy_over_crashed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "source.abm");
  g_autofree char *target = fixture_path (fixture, "crashed.abm");
  g_autofree char *wal = g_strconcat (target, "-wal", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (target, "Crashed");
  g_autoptr(AbmWorkspace) copy = NULL;
  g_autoptr(GError) error = NULL;
  Helper helper;

  g_clear_object (&workspace);
  helper_start (&helper, "crash", target);
  helper_finish (&helper);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  workspace = create_ok (path, "Source");
  add_ok (workspace, "Acme", "acme.com");
  g_assert_true (abm_workspace_save_copy (workspace, target, &error));
  g_assert_no_error (error);

  copy = open_ok (target, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (copy), ==, "Source");
  g_assert_cmpuint (n_accounts (copy), ==, 1);
  g_assert_null (abm_workspace_find_account (copy, "ghost.com"));
  g_assert_true (abm_workspace_check_integrity (copy, &error));
  g_assert_no_error (error);
}

/* ---- after a crash ------------------------------------------------------ */

/* Every edit is committed as it happens: a session that dies loses nothing,
 * and its stale lock does not keep the file closed. */
static void
test_crash_recovery (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "crash.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autoptr(GError) error = NULL;
  Helper helper;

  add_ok (workspace, "Acme", "acme.com");
  g_clear_object (&workspace);

  helper_start (&helper, "crash", path);
  helper_finish (&helper);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Ghost workspace");
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  g_assert_nonnull (abm_workspace_find_account (workspace, "ghost.com"));
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Ghost workspace");
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  g_assert_nonnull (abm_workspace_find_account (workspace, "ghost.com"));
  g_assert_true (abm_workspace_check_integrity (workspace, &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);

  assert_no_sidecars (path);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM meta WHERE key = 'lock_holder'"), ==, 0);
}

/* ---- files that are not for us ------------------------------------------ */

/* Both ways of opening refuse @path with @code (or, when @alt_code is not
 * -1, with either), and neither changes it or leaves anything beside it. */
static void
assert_refused (const char *path,
                int         code,
                int         alt_code)
{
  AbmWorkspaceOpenFlags flags[] = { ABM_WORKSPACE_OPEN_DEFAULT, ABM_WORKSPACE_OPEN_READ_ONLY };
  gboolean regular = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  gboolean exists = g_file_test (path, G_FILE_TEST_EXISTS);
  g_autoptr(GBytes) before = regular ? read_bytes (path) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmWorkspace) workspace = abm_workspace_open (path, flags[i], &error);

      g_assert_null (workspace);
      g_assert_nonnull (error);
      g_test_message ("refused (flags %d): %s", flags[i], error->message);
      g_assert_true (error->domain == ABM_WORKSPACE_ERROR);
      if (alt_code < 0 || error->code != alt_code)
        g_assert_error (error, ABM_WORKSPACE_ERROR, code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");

      if (regular)
        assert_same_bytes (before, path);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == exists);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR) == regular);
      assert_no_sidecars (path);
    }
}

static void
test_bad_random (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "random.abm");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250115);
  guint32 words[4096];

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    words[i] = g_rand_int (rand);
  g_assert_true (g_file_set_contents (path, (const char *) words, sizeof words, NULL));
  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);
}

static void
test_bad_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "accounts.abm");
  g_autofree char *short_path = fixture_path (fixture, "short.abm");
  g_autoptr(GString) csv = g_string_new ("name,domain,employees\n");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (csv, "Company %u,company%u.com,%u\n", i, i, i * 10);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);

  g_assert_true (g_file_set_contents (short_path, "hello\n", -1, NULL));
  assert_refused (short_path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);
}

static void
test_bad_empty (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "empty.abm");

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);
}

static void
test_bad_other_program (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "places.sqlite");
  g_autofree char *unfinished = fixture_path (fixture, "unfinished.abm");

  sql_exec (path,
            "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT);"
            "INSERT INTO moz_places (url, title) VALUES ('https://acme.com', 'Acme');"
            "CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT);"
            "PRAGMA user_version = 2;");
  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);

  /* Another program that stamps its own application id. */
  sql_exec (path, "PRAGMA application_id = 1196444487");
  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);

  /* Our id but never finished (no format version): not openable either. */
  sql_exec (unfinished, "PRAGMA application_id = 1094864208; CREATE TABLE meta (key TEXT);");
  assert_refused (unfinished, ABM_WORKSPACE_ERROR_DAMAGED, -1);
}

/* A real workspace, closed, then changed by @sql from outside. @journal_mode
 * is what the file is left in: "delete" or "wal". */
static void
make_tampered (const char *path,
               const char *journal_mode,
               const char *sql)
{
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Program");
  g_autofree char *mode = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);

  add_full_account (workspace);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Company %u", i);
      g_autofree char *domain = g_strdup_printf ("company%u.com", i);
      AbmAccount *account = add_ok (workspace, name, domain);
      g_autofree char *notes = g_strnfill (300, 'n');

      set_field_ok (workspace, account, ABM_ACCOUNT_FIELD_NOTES, notes);
    }
  g_clear_object (&workspace);

  mode = sql_text (path, pragma);
  g_assert_cmpstr (mode, ==, journal_mode);
  if (sql != NULL)
    sql_exec (path, sql);
  assert_no_sidecars (path);
}

static void
test_bad_too_new (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "future.abm");
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;

  make_tampered (path, "delete", "PRAGMA user_version = 99");
  assert_refused (path, ABM_WORKSPACE_ERROR_TOO_NEW, -1);

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 99);
}

static void
test_bad_truncated (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "truncated.abm");
  g_autofree char *contents = NULL;
  gsize len = 0;
  gsize cuts[] = { 4096 * 2, 4096 * 5 + 1000, 50 };

  make_tampered (path, "delete", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, cuts[1] + 4096);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("truncated to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", cuts[i], len);
      g_assert_true (g_file_set_contents (path, contents, cuts[i], NULL));
      assert_refused (path, ABM_WORKSPACE_ERROR_DAMAGED, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE);
    }
}

static void
test_bad_stranger_objects (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *additions[] = {
    "CREATE TRIGGER steal AFTER INSERT ON accounts BEGIN DELETE FROM meta; END",
    "CREATE VIEW everything AS SELECT * FROM accounts",
    "CREATE TABLE extra (x)",
    "CREATE INDEX accounts_city ON accounts (city)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (additions); i++)
    {
      g_autofree char *name = g_strdup_printf ("stranger%u.abm", i);
      g_autofree char *path = fixture_path (fixture, name);

      g_test_message ("%s", additions[i]);
      make_tampered (path, "delete", additions[i]);
      g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, ABM_WORKSPACE_APPLICATION_ID);
      g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, ABM_WORKSPACE_SCHEMA_VERSION);
      assert_refused (path, ABM_WORKSPACE_ERROR_DAMAGED, -1);
    }
}

/* The right names with other shapes: each would fail a query only after
 * opening for writing had changed the file. Found by tests/fuzz. */
static void
test_bad_stranger_columns (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *changes[] = {
    "DROP TABLE accounts; CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)",
    "ALTER TABLE accounts DROP COLUMN stage",
    "ALTER TABLE clusters ADD COLUMN spare TEXT",
    "DROP TABLE program_costs; CREATE TABLE program_costs (id INTEGER PRIMARY KEY, tier, period, amount)",
    "DROP INDEX accounts_domain; CREATE UNIQUE INDEX accounts_domain ON accounts (lower (domain))",
    "DROP TABLE snapshot_accounts",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      for (guint wal = 0; wal < 2; wal++)
        {
          g_autofree char *name = g_strdup_printf ("columns%u-%u.abm", i, wal);
          g_autofree char *path = fixture_path (fixture, name);

          g_test_message ("%s (%s)", changes[i], wal ? "wal" : "delete");
          make_tampered (path, wal ? "wal" : "delete", changes[i]);
          assert_refused (path, ABM_WORKSPACE_ERROR_DAMAGED, -1);
        }
    }
}

/* Ids are positive throughout; a stranger's rows with others are left
 * out rather than reaching code that takes 0 for "none". */
static void
test_bad_ids (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "ids.abm");
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *clusters;

  make_tampered (path, "wal",
                 "INSERT INTO clusters (id, name, created) VALUES (-1, 'Negative', ''), (0, 'Zero', ''), (5, 'Five', '');"
                 "UPDATE accounts SET cluster_id = -1 WHERE id = (SELECT max (id) FROM accounts);"
                 "UPDATE accounts SET id = -id WHERE id = (SELECT min (id) FROM accounts);");
  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  clusters = abm_workspace_get_clusters (workspace);
  g_assert_cmpuint (g_list_model_get_n_items (clusters), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (abm_workspace_get_accounts (workspace)), ==, 40);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (abm_workspace_get_accounts (workspace), i);

      g_assert_cmpint (abm_account_get_id (account), >, 0);
      g_assert_null (abm_workspace_get_parent_plan (workspace, account, &error));
      g_assert_no_error (error);
    }
}

/* Activities of no account (a negative id once indexed before the start
 * of an array) are left out. Found by tests/fuzz. */
static void
test_bad_activity_ids (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "activity-ids.abm");
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  const AbmActivity *activities;
  gsize n = 0;

  make_tampered (path, "wal",
                 "INSERT INTO activities (account_id, kind, day, created) VALUES"
                 "  (-7, 'meeting', '2026-01-05', ''), (0, 'meeting', '2026-01-05', ''),"
                 "  ((SELECT max (id) FROM accounts), 'meeting', '2026-01-06', ''),"
                 "  ((SELECT min (id) FROM accounts), 'meeting', '2026-01-07', '')");
  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  activities = abm_workspace_get_activities (workspace, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (activities[0].account_id, <, activities[1].account_id);
}

static void
test_bad_directory (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "folder.abm");

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);
}

static void
test_bad_missing (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "missing.abm");

  assert_refused (path, ABM_WORKSPACE_ERROR_NOT_FOUND, -1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Every workspace this build has written is in WAL mode, and so is a file
 * from a newer build or a stranger's copy of one. Looking at such a file and
 * refusing it must not leave -wal and -shm files beside it either. */
static void
test_bad_wal_mode (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *newer = fixture_path (fixture, "future-wal.abm");
  g_autofree char *trigger = fixture_path (fixture, "trigger-wal.abm");
  g_autofree char *other = fixture_path (fixture, "other-wal.sqlite");
  g_autofree char *mode = NULL;

  make_tampered (newer, "wal", "PRAGMA user_version = 99");
  assert_refused (newer, ABM_WORKSPACE_ERROR_TOO_NEW, -1);

  make_tampered (trigger, "wal",
                 "CREATE TRIGGER steal AFTER INSERT ON accounts BEGIN DELETE FROM meta; END");
  assert_refused (trigger, ABM_WORKSPACE_ERROR_DAMAGED, -1);

  sql_exec (other, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  mode = sql_text (other, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  assert_refused (other, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, -1);
}

/* ---- migration ----------------------------------------------------------- */

static char *
copy_fixture (Fixture    *fixture,
              const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *target = fixture_path (fixture, name);
  g_autoptr(GBytes) bytes = read_bytes (source);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&target);
}

static void
assert_fixture_accounts (AbmWorkspace *workspace)
{
  AbmAccount *account;

  g_assert_cmpuint (n_accounts (workspace), ==, 3);

  account = find_by_id (workspace, 1);
  g_assert_nonnull (account);
  assert_field (account, ABM_ACCOUNT_FIELD_NAME, "Northwind Bank");
  assert_field (account, ABM_ACCOUNT_FIELD_DOMAIN, "northwind-bank.com");
  assert_field (account, ABM_ACCOUNT_FIELD_INDUSTRY, "Banking");
  assert_field (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "12000");
  assert_field (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "2500000000");
  assert_field (account, ABM_ACCOUNT_FIELD_COUNTRY, "United States");
  assert_field (account, ABM_ACCOUNT_FIELD_CITY, "Chicago");
  assert_field (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "250000");
  assert_field (account, ABM_ACCOUNT_FIELD_OWNER_AE, "Dana Smith");
  assert_field (account, ABM_ACCOUNT_FIELD_OWNER_MARKETER, "Lee Park");
  assert_field (account, ABM_ACCOUNT_FIELD_NOTES, "Tier 1 candidate.\nRenewal in Q3.");

  account = find_by_id (workspace, 2);
  g_assert_nonnull (account);
  assert_field (account, ABM_ACCOUNT_FIELD_NAME, "Müller Versicherung AG");
  assert_field (account, ABM_ACCOUNT_FIELD_DOMAIN, "müller.de");
  assert_field (account, ABM_ACCOUNT_FIELD_EMPLOYEES, "850");
  assert_field (account, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "120000000.50");
  assert_field (account, ABM_ACCOUNT_FIELD_CITY, "Köln");
  assert_field (account, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "40000");
  assert_field (account, ABM_ACCOUNT_FIELD_OWNER_MARKETER, "");
  assert_field (account, ABM_ACCOUNT_FIELD_NOTES, "");

  account = find_by_id (workspace, 3);
  g_assert_nonnull (account);
  assert_field (account, ABM_ACCOUNT_FIELD_NAME, "Globex Holdings");
  assert_field (account, ABM_ACCOUNT_FIELD_DOMAIN, "");
  assert_field (account, ABM_ACCOUNT_FIELD_COUNTRY, "Japan");
  g_assert_cmpint (abm_account_get_employees (account), ==, -1);
  g_assert_cmpfloat (abm_account_get_annual_revenue (account), ==, -1);
  g_assert_cmpfloat (abm_account_get_acv_potential (account), ==, -1);
}

static void
test_migrate_v1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *fixture_file = g_test_build_filename (G_TEST_DIST, "fixtures", "workspace-v1.abm", NULL);
  g_autofree char *path = copy_fixture (fixture, "workspace-v1.abm");
  g_autofree char *fresh_path = fixture_path (fixture, "fresh.abm");
  g_autoptr(GBytes) fixture_bytes = read_bytes (fixture_file);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmAccount) before_delete = NULL;
  g_autoptr(GError) error = NULL;
  gint64 undo_id;

  /* The fixture is what its script says. */
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, ABM_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM sqlite_schema WHERE name = 'undo_log'"), ==, 0);
  assert_same_bytes (before, path);

  /* Reading does not migrate, and changes nothing at all. */
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_cmpint (abm_workspace_get_schema_version (workspace), ==, 1);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Fixture v1");
  g_assert_cmpstr (abm_workspace_get_currency (workspace), ==, "USD");
  assert_fixture_accounts (workspace);
  g_clear_object (&workspace);
  assert_same_bytes (before, path);
  assert_no_sidecars (path);

  /* Opening for writing migrates. */
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpint (abm_workspace_get_schema_version (workspace), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Fixture v1");
  assert_fixture_accounts (workspace);
  g_assert_true (abm_workspace_check_integrity (workspace, &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);

  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "PRAGMA application_id"), ==, ABM_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM sqlite_schema "
                                  "WHERE type = 'table' AND name = 'undo_log'"), ==, 1);
  /* Format 2 added a name index, format 3 took it away again. */
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM sqlite_schema "
                                  "WHERE type = 'index' AND name = 'accounts_name'"), ==, 0);

  /* The migrated file has the schema of a file created by this build. */
  g_clear_object (&workspace);
  workspace = create_ok (fresh_path, "Fresh");
  g_clear_object (&workspace);
  {
    const char *sql = "SELECT group_concat (type || ' ' || name || ': ' || sql, '\n') FROM "
                      "(SELECT * FROM sqlite_schema ORDER BY type, name)";
    g_autofree char *migrated = sql_text (path, sql);
    g_autofree char *fresh = sql_text (fresh_path, sql);

    g_assert_cmpstr (migrated, ==, fresh);
  }

  /* Delete and undo work on the migrated file, across a reopen. */
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  assert_fixture_accounts (workspace);
  before_delete = abm_account_copy (find_by_id (workspace, 2));
  undo_id = abm_workspace_delete_account (workspace, find_by_id (workspace, 2), &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, >, 0);
  g_assert_null (find_by_id (workspace, 2));
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_by_id (workspace, 2));
  assert_accounts_equal (find_by_id (workspace, 2), before_delete);
  g_clear_object (&workspace);

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  assert_fixture_accounts (workspace);
  g_clear_object (&workspace);

  /* The committed fixture itself was never touched. */
  assert_same_bytes (fixture_bytes, fixture_file);
}

/* ---- main -------------------------------------------------------------- */


/* ---- engagement: activities, deals, costs (format 9) --------------------- */

static guint32
julian (const char *date)
{
  GDate d;

  g_assert_true (abm_date_parse (date, &d));
  return g_date_get_julian (&d);
}

static gint64
add_activity_ok (AbmWorkspace    *workspace,
                 AbmAccount      *account,
                 AbmActivityKind  kind,
                 const char      *date)
{
  g_autoptr(GError) error = NULL;
  AbmActivity activity = { 0, };
  gint64 id;

  activity.account_id = abm_account_get_id (account);
  activity.kind = kind;
  activity.day = julian (date);
  g_assert_true (abm_activity_set_text (&activity, NULL, "Spring Webinar", &error));
  id = abm_workspace_add_activity (workspace, &activity, &error);
  abm_activity_clear (&activity);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_engagement_activities (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "activities.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Activities");
  AbmAccount *northwind = add_ok (workspace, "Northwind Bank", "northwind.com");
  AbmAccount *contoso = add_ok (workspace, "Contoso", "contoso.com");
  g_autoptr(GArray) list = NULL;
  g_autoptr(GError) error = NULL;
  AbmActivity stranger = { 0, };
  gint64 meeting, undo_id;
  gsize n;

  add_activity_ok (workspace, northwind, ABM_ACTIVITY_WEBSITE_VISIT, "2026-03-01");
  meeting = add_activity_ok (workspace, northwind, ABM_ACTIVITY_MEETING, "2026-03-20");
  add_activity_ok (workspace, contoso, ABM_ACTIVITY_AD_CLICK, "2026-03-05");
  add_activity_ok (workspace, northwind, ABM_ACTIVITY_DEMO_REQUEST, "2026-03-10");

  /* One account's, newest first; all of them by account and day. */
  list = abm_workspace_get_account_activities (workspace, northwind, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (g_array_index (list, AbmActivity, 0).kind, ==, ABM_ACTIVITY_MEETING);
  g_assert_cmpint (g_array_index (list, AbmActivity, 1).kind, ==, ABM_ACTIVITY_DEMO_REQUEST);
  g_assert_cmpint (g_array_index (list, AbmActivity, 2).kind, ==, ABM_ACTIVITY_WEBSITE_VISIT);
  g_assert_cmpstr (g_array_index (list, AbmActivity, 0).campaign, ==, "Spring Webinar");
  g_assert_nonnull (abm_workspace_get_activities (workspace, &n, &error));
  g_assert_cmpuint (n, ==, 4);

  /* A person who is not on the committee, an account that is not there. */
  stranger.account_id = abm_account_get_id (northwind);
  stranger.stakeholder_id = 999;
  stranger.day = julian ("2026-03-02");
  g_assert_cmpint (abm_workspace_add_activity (workspace, &stranger, &error), ==, 0);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  stranger.stakeholder_id = 0;
  stranger.account_id = 4242;
  g_assert_cmpint (abm_workspace_add_activity (workspace, &stranger, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Delete, then undo: back under its id. */
  undo_id = abm_workspace_delete_activity (workspace, meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo_id, >, 0);
  g_clear_pointer (&list, g_array_unref);
  list = abm_workspace_get_account_activities (workspace, northwind, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_array_unref);
  list = abm_workspace_get_account_activities (workspace, northwind, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (g_array_index (list, AbmActivity, 0).id, ==, meeting);

  /* And all of it after a reopen. */
  g_clear_object (&workspace);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_nonnull (abm_workspace_get_activities (workspace, &n, &error));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM activities WHERE day = '2026-03-20' AND kind = 'meeting'"),
                   ==, 1);
}

static AbmOpportunity *
new_deal (AbmAccount           *account,
          const char           *name,
          double                amount,
          AbmOpportunityStatus  status,
          const char           *created,
          const char           *closed)
{
  AbmOpportunity *deal = abm_opportunity_new ();

  abm_opportunity_set_account_id (deal, abm_account_get_id (account));
  g_assert_true (abm_opportunity_set_name (deal, name, NULL));
  g_assert_true (abm_opportunity_set_amount (deal, amount, NULL));
  g_assert_true (abm_opportunity_set_created (deal, created, NULL));
  g_assert_true (abm_opportunity_set_closed (deal, closed, NULL));
  abm_opportunity_set_status (deal, status);
  return deal;
}

static void
test_engagement_opportunities (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "deals.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Deals");
  AbmAccount *northwind = add_ok (workspace, "Northwind Bank", "northwind.com");
  g_autoptr(AbmOpportunity) values = new_deal (northwind, "Core banking", 250000, ABM_OPPORTUNITY_OPEN,
                                               "2026-01-10", NULL);
  g_autoptr(AbmOpportunity) unclosed = new_deal (northwind, "Won, but when?", 1000, ABM_OPPORTUNITY_WON,
                                                 "2026-01-10", NULL);
  g_autoptr(AbmOpportunity) change = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *deals;
  AbmOpportunity *deal;
  gint64 undo_id;

  deal = abm_workspace_add_opportunity (workspace, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deal);
  deals = abm_workspace_get_opportunities (workspace, northwind, &error);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 1);

  /* A won deal needs its closing day: refused, nothing stored. */
  g_assert_null (abm_workspace_add_opportunity (workspace, unclosed, &error));
  g_assert_error (error, ABM_OPPORTUNITY_ERROR, ABM_OPPORTUNITY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 1);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM opportunities"), ==, 1);

  /* Won, then deleted and undone. */
  change = abm_opportunity_copy (deal);
  abm_opportunity_set_status (change, ABM_OPPORTUNITY_WON);
  g_assert_true (abm_opportunity_set_closed (change, "2026-04-02", NULL));
  g_assert_true (abm_workspace_update_opportunity (workspace, deal, change, &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_opportunity_get_status (deal), ==, ABM_OPPORTUNITY_WON);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM opportunities WHERE status = 'won' "
                                  "AND closed_date = '2026-04-02'"), ==, 1);
  undo_id = abm_workspace_delete_opportunity (workspace, deal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 0);
  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deals), ==, 1);
  {
    g_autoptr(AbmOpportunity) back = g_list_model_get_item (deals, 0);
    g_assert_cmpstr (abm_opportunity_get_closed (back), ==, "2026-04-02");
    g_assert_cmpfloat (abm_opportunity_get_amount (back), ==, 250000);
  }
}

/* An account's activities and deals go with it and come back with its undo. */
static void
test_engagement_delete_account (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "gone.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Gone");
  AbmAccount *northwind = add_ok (workspace, "Northwind Bank", "northwind.com");
  g_autoptr(AbmOpportunity) values = new_deal (northwind, "Core banking", 90000, ABM_OPPORTUNITY_OPEN,
                                               "2026-01-10", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = abm_account_get_id (northwind), undo_id;
  gsize n;

  add_activity_ok (workspace, northwind, ABM_ACTIVITY_MEETING, "2026-02-01");
  add_activity_ok (workspace, northwind, ABM_ACTIVITY_SALES_CALL, "2026-02-03");
  g_assert_nonnull (abm_workspace_add_opportunity (workspace, values, &error));
  undo_id = abm_workspace_delete_account (workspace, northwind, &error);
  g_assert_no_error (error);
  g_assert_nonnull (abm_workspace_get_activities (workspace, &n, NULL));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (abm_workspace_get_all_opportunities (workspace, NULL)->len, ==, 0);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM activities"), ==, 0);

  g_assert_true (abm_workspace_undo (workspace, undo_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (abm_workspace_get_activities (workspace, &n, NULL));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (abm_workspace_get_all_opportunities (workspace, NULL)->len, ==, 1);
  g_assert_cmpint (abm_opportunity_get_account_id (g_ptr_array_index (abm_workspace_get_all_opportunities (workspace, NULL), 0)),
                   ==, id);
}

static void
test_engagement_costs_rules (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "costs.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Costs");
  g_autoptr(AbmEngagementRules) rules = abm_engagement_rules_new ();
  g_autoptr(GArray) costs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_workspace_set_program_cost (workspace, 1, "2026-Q3", 90000, &error));
  g_assert_true (abm_workspace_set_program_cost (workspace, 0, "2026", 20000, &error));
  /* The same tier and period again replaces the amount. */
  g_assert_true (abm_workspace_set_program_cost (workspace, 1, "2026-Q3", 95000, &error));
  g_assert_no_error (error);
  g_assert_false (abm_workspace_set_program_cost (workspace, 4, "2026-Q3", 1, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (abm_workspace_set_program_cost (workspace, 1, "last summer", 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  costs = abm_workspace_get_program_costs (workspace, &error);
  g_assert_cmpuint (costs->len, ==, 2);
  g_assert_cmpfloat (g_array_index (costs, AbmProgramCost, 1).amount, ==, 95000);
  g_assert_true (abm_workspace_set_program_cost (workspace, 0, "2026", -1, &error));
  g_clear_pointer (&costs, g_array_unref);
  costs = abm_workspace_get_program_costs (workspace, &error);
  g_assert_cmpuint (costs->len, ==, 1);

  /* Rules are kept across a reopen. */
  g_assert_true (abm_engagement_rules_set_half_life (rules, 45, NULL));
  g_assert_true (abm_engagement_rules_set_weight (rules, ABM_ACTIVITY_DEMO_REQUEST, 40, NULL));
  g_assert_true (abm_workspace_set_engagement_rules (workspace, rules, &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_cmpuint (abm_engagement_rules_get_half_life (abm_workspace_get_engagement_rules (workspace)), ==, 45);
  g_assert_cmpfloat (abm_engagement_rules_get_weight (abm_workspace_get_engagement_rules (workspace),
                                                      ABM_ACTIVITY_DEMO_REQUEST), ==, 40);
}

/* The stage set by hand wins; without it, the data tells. */
static void
test_engagement_journey (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "journey.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Journey");
  AbmAccount *northwind = add_ok (workspace, "Northwind Bank", "northwind.com");
  g_autoptr(AbmOpportunity) won = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gboolean overridden;
  GDate today;
  char yesterday[11];

  g_assert_cmpint (abm_workspace_get_journey_stage (workspace, northwind, NULL, &overridden, NULL), ==,
                   ABM_JOURNEY_TARGET);
  g_assert_false (overridden);
  g_date_clear (&today, 1);
  g_date_set_julian (&today, abm_workspace_today () - 1);
  g_date_strftime (yesterday, sizeof yesterday, "%Y-%m-%d", &today);
  won = new_deal (northwind, "First deal", 1000, ABM_OPPORTUNITY_WON, yesterday, yesterday);
  g_assert_nonnull (abm_workspace_add_opportunity (workspace, won, &error));
  g_assert_cmpint (abm_workspace_get_journey_stage (workspace, northwind, NULL, &overridden, &reason), ==,
                   ABM_JOURNEY_CUSTOMER);
  g_assert_false (overridden);
  g_assert_nonnull (reason);
  g_assert_true (abm_workspace_set_account_field (workspace, northwind, ABM_ACCOUNT_FIELD_STAGE, "engaged", &error));
  g_assert_no_error (error);
  g_assert_cmpint (abm_workspace_get_journey_stage (workspace, northwind, NULL, &overridden, NULL), ==,
                   ABM_JOURNEY_ENGAGED);
  g_assert_true (overridden);
  /* An older file's "unaware" reads as the journey's start. */
  g_assert_true (abm_workspace_set_account_field (workspace, northwind, ABM_ACCOUNT_FIELD_STAGE, "unaware", &error));
  g_assert_cmpstr (abm_account_get_stage (northwind), ==, "target");
}


/* A process killed in a big import (which writes with a rollback journal)
 * leaves the journal hot: the file opens again, as it was before the
 * import, in a reader as in a writer. */
static void
test_engagement_hot_journal (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "hot.abm");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "Hot");
  g_autoptr(GError) error = NULL;
  pid_t child;
  int status;

  add_ok (workspace, "Northwind Bank", "northwind.com");
  g_clear_object (&workspace);

  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      sqlite3 *db = NULL;

      /* What a big import does, dying before its commit: a tiny cache
       * makes SQLite write pages into the file while the journal holds
       * their old contents. */
      if (sqlite3_open (path, &db) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2; BEGIN IMMEDIATE; "
                               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                               "INSERT INTO accounts (name, domain) SELECT 'Spilled ' || i, 'spill' || i || '.example' "
                               "FROM n", NULL, NULL, NULL) != SQLITE_OK)
        _exit (2);
      _exit (0);
    }
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_assert_true (abm_workspace_check_integrity (workspace, &error));
  g_assert_no_error (error);
  g_clear_object (&workspace);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
}

/* ---- files in a document portal folder ----------------------------------
 *
 * ABM_DOCUMENT_PORTAL_DIR makes the fixture's "portal" folder stand in for
 * the document portal's: SQLite must never open a file in it, so nothing
 * but the documents may ever appear there (abm-document-copy.h). */

static void
portal_set_up (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *portal = NULL;

  fixture_set_up (fixture, data);
  portal = fixture_path (fixture, "portal");
  g_assert_cmpint (g_mkdir (portal, 0700), ==, 0);
  g_setenv ("ABM_DOCUMENT_PORTAL_DIR", portal, TRUE);
}

static void
portal_tear_down (Fixture       *fixture,
                  gconstpointer  data)
{
  g_unsetenv ("ABM_DOCUMENT_PORTAL_DIR");
  fixture_tear_down (fixture, data);
}

/* A workspace holding @domain, made outside and moved into the portal
 * folder as @name, as another program would have saved it. */
static char *
portal_original (Fixture    *fixture,
                 const char *name,
                 const char *domain)
{
  g_autofree char *made = g_strconcat (fixture->dir, "/made-", name, NULL);
  char *path = g_build_filename (fixture->dir, "portal", name, NULL);
  g_autoptr(AbmWorkspace) workspace = create_ok (made, "Program");

  g_assert_null (abm_workspace_get_working_copy (workspace));
  add_ok (workspace, domain, domain);
  g_clear_object (&workspace);
  assert_no_sidecars (made);
  g_assert_cmpint (g_rename (made, path), ==, 0);
  return path;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The portal folder holds exactly @names (NULL-terminated), sorted. */
static void
assert_portal_holds (Fixture           *fixture,
                     const char *const *names)
{
  g_autofree char *portal = fixture_path (fixture, "portal");
  g_autoptr(GDir) dir = g_dir_open (portal, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint i = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (found, g_strdup (name));
  g_ptr_array_sort (found, compare_names);
  for (; i < found->len; i++)
    {
      g_test_message ("portal folder: %s", (char *) found->pdata[i]);
      g_assert_cmpstr (found->pdata[i], ==, names[i]);
    }
  g_assert_null (names[i]);
}

/* Nothing of @path's working copy (nor of any copy for reading) is left in
 * the private folder. */
static void
assert_no_working_copy (const char *path)
{
  g_autoptr(AbmDocumentCopy) document = abm_document_copy_new (path);
  g_autofree char *dir_path = g_path_get_dirname (abm_document_copy_get_path (document));
  g_autofree char *prefix = g_path_get_basename (abm_document_copy_get_path (document));
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, prefix));
      g_assert_false (g_str_has_prefix (name, ".abm-planner-"));
    }
}

/* The file as it is on disk, read through a copy outside the portal
 * folder, as another program would read it. */
static AbmWorkspace *
open_direct (Fixture    *fixture,
             const char *path)
{
  g_autofree char *copy = fixture_path (fixture, "direct.abm");
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;

  abm_file_guard_remove_sidecars (copy, TRUE);
  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return open_ok (copy, ABM_WORKSPACE_OPEN_READ_ONLY);
}

/* Someone else saves @path meanwhile: a workspace holding @domain replaces it. */
static void
replace_behind_our_back (Fixture    *fixture,
                         const char *path,
                         const char *domain)
{
  g_autofree char *theirs = portal_original (fixture, "theirs.abm", domain);

  g_assert_cmpint (g_rename (theirs, path), ==, 0);
}

/* Opening @path again after another program saved it as @their_file
 * (holding @theirs) shows their file, unchanged, and keeps our changes
 * (holding @ours) aside, unmerged, under a dated name in the private
 * folder; they are removed afterwards, being outside the fixture. */
static void
assert_reopen_keeps_aside (Fixture    *fixture,
                           const char *path,
                           GBytes     *their_file,
                           const char *ours,
                           const char *theirs)
{
  g_autofree char *name = g_path_get_basename (path);
  const char *const only[] = { name, NULL };
  g_autofree char *portal = fixture_path (fixture, "portal");
  g_autoptr(AbmWorkspace) workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autoptr(AbmWorkspace) aside = NULL;
  g_autofree char *kept = g_strdup (abm_workspace_get_kept_aside (workspace));
  g_autofree char *kept_name = NULL;

  g_assert_false (abm_workspace_get_recovered (workspace));
  g_assert_nonnull (kept);
  g_assert_false (g_str_has_prefix (kept, portal));
  kept_name = g_path_get_basename (kept);
  g_assert_true (g_str_has_prefix (kept_name, "program "));
  g_assert_nonnull (abm_workspace_find_account (workspace, theirs));
  g_assert_null (abm_workspace_find_account (workspace, ours));
  g_clear_object (&workspace);
  assert_same_bytes (their_file, path);
  assert_portal_holds (fixture, only);
  assert_no_working_copy (path);

  aside = open_ok (kept, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_nonnull (abm_workspace_find_account (aside, ours));
  g_assert_null (abm_workspace_find_account (aside, theirs));
  g_clear_object (&aside);
  abm_file_guard_remove_sidecars (kept, TRUE);
  g_assert_cmpint (g_unlink (kept), ==, 0);
}

/* A snapshot a write-back killed midway left in the private folder, as
 * old as @days. */
static char *
leave_temporary (guint days)
{
  g_autoptr(GError) error = NULL;
  char *path = abm_document_new_temp (&error);
  struct utimbuf when;

  g_assert_no_error (error);
  when.actime = when.modtime = time (NULL) - days * 24 * 60 * 60;
  g_assert_cmpint (g_utime (path, &when), ==, 0);
  return path;
}

static void
test_portal_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *const only[] = { "program.abm", NULL };
  g_autofree char *path = portal_original (fixture, "program.abm", "acme.com");
  g_autofree char *stale = leave_temporary (2);
  g_autofree char *recent = leave_temporary (0);
  g_autoptr(AbmWorkspace) workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autoptr(AbmWorkspace) direct = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *portal = fixture_path (fixture, "portal");
  const char *working = abm_workspace_get_working_copy (workspace);
  AbmAccount *acme;

  /* What a dead process left is cleared; what another may be writing is not. */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (recent), ==, 0);

  /* The workspace is the original to everyone; SQLite has a private copy. */
  g_assert_cmpstr (abm_workspace_get_path (workspace), ==, path);
  g_assert_nonnull (working);
  g_assert_false (g_str_has_prefix (working, portal));
  g_assert_true (g_file_test (working, G_FILE_TEST_IS_REGULAR));
  assert_portal_holds (fixture, only);

  add_ok (workspace, "Globex", "globex.com");
  g_assert_true (abm_workspace_set_name (workspace, "Renamed", &error));
  g_assert_no_error (error);
  acme = abm_workspace_find_account (workspace, "acme.com");
  set_field_ok (workspace, acme, ABM_ACCOUNT_FIELD_CITY, "Leipzig");
  assert_portal_holds (fixture, only);

  g_assert_true (abm_workspace_sync_document (workspace, &error));
  g_assert_no_error (error);
  assert_portal_holds (fixture, only);
  direct = open_direct (fixture, path);
  g_assert_cmpstr (abm_workspace_get_name (direct), ==, "Renamed");
  g_assert_cmpuint (n_accounts (direct), ==, 2);
  g_assert_nonnull (abm_workspace_find_account (direct, "globex.com"));
  g_assert_cmpstr (abm_account_get_city (abm_workspace_find_account (direct, "acme.com")), ==, "Leipzig");
  g_assert_true (abm_workspace_check_integrity (direct, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (abm_workspace_get_path (direct),
                            "SELECT count (*) FROM meta WHERE key = 'lock_holder'"), ==, 0);
  g_clear_object (&direct);

  /* A delete counts as much as an add; closing writes back the rest. */
  g_assert_cmpint (abm_workspace_delete_account (workspace, acme, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&workspace);
  assert_portal_holds (fixture, only);
  assert_no_working_copy (path);
  direct = open_direct (fixture, path);
  g_assert_cmpuint (n_accounts (direct), ==, 1);
  g_assert_null (abm_workspace_find_account (direct, "acme.com"));
  g_clear_object (&direct);

  /* Opening again starts from the original. */
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_false (abm_workspace_get_recovered (workspace));
  g_assert_null (abm_workspace_get_kept_aside (workspace));
  g_assert_cmpstr (abm_workspace_get_name (workspace), ==, "Renamed");
  g_assert_cmpuint (n_accounts (workspace), ==, 1);
  g_clear_object (&workspace);
  assert_portal_holds (fixture, only);
  assert_no_working_copy (path);
}

static void
count_synced (AbmWorkspace *workspace,
              const GError *error,
              guint        *count)
{
  g_assert_no_error (error);
  (*count)++;
}

/* With a main loop (the app's), every edit is written back once the
 * handler that made it returns, and an import committed with a rollback
 * journal (no WAL hook would see it) as well. */
static void
test_portal_write_back_idle (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *const only[] = { "program.abm", NULL };
  g_autofree char *path = portal_original (fixture, "program.abm", "acme.com");
  g_autoptr(AbmWorkspace) workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autoptr(AbmWorkspace) direct = NULL;
  g_autoptr(GPtrArray) many = numbered_accounts (6000, "bulk");
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GError) error = NULL;
  guint synced = 0;

  g_signal_connect (workspace, "document-synced", G_CALLBACK (count_synced), &synced);
  add_ok (workspace, "Globex", "globex.com");
  add_ok (workspace, "Initech", "initech.com");
  assert_same_bytes (before, path);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (synced, ==, 1);
  direct = open_direct (fixture, path);
  g_assert_cmpuint (n_accounts (direct), ==, 3);
  g_clear_object (&direct);

  g_assert_true (abm_workspace_add_accounts (workspace, many, &error));
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (synced, ==, 2);
  direct = open_direct (fixture, path);
  g_assert_cmpuint (n_accounts (direct), ==, 6003);
  g_clear_object (&direct);
  assert_portal_holds (fixture, only);

  /* The write-back due does not outlive the workspace: closing does it. */
  add_ok (workspace, "Umbrella", "umbrella.com");
  g_clear_object (&workspace);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (synced, ==, 2);
  direct = open_direct (fixture, path);
  g_assert_nonnull (abm_workspace_find_account (direct, "umbrella.com"));
  g_clear_object (&direct);
  assert_portal_holds (fixture, only);
  assert_no_working_copy (path);
}

/* A file that is refused is left as it was, with nothing beside it and no
 * copy of it kept. */
static void
test_portal_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *names[] = { "text.abm", "truncated.abm", "future.abm", "places.abm", NULL };
  int codes[] = { ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE, ABM_WORKSPACE_ERROR_DAMAGED,
                  ABM_WORKSPACE_ERROR_TOO_NEW, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE };
  g_autofree char *text = fixture_path (fixture, "made-text.abm");
  g_autofree char *truncated = fixture_path (fixture, "made-truncated.abm");
  g_autofree char *future = fixture_path (fixture, "made-future.abm");
  g_autofree char *places = fixture_path (fixture, "made-places.abm");
  g_autofree char *sound = portal_original (fixture, "sound.abm", "acme.com");
  g_autoptr(AbmWorkspace) workspace = open_ok (sound, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autofree char *contents = NULL;
  gsize len = 0;

  /* What is refused below would go through a working copy if it were not. */
  g_assert_nonnull (abm_workspace_get_working_copy (workspace));
  g_clear_object (&workspace);
  g_assert_cmpint (g_unlink (sound), ==, 0);

  g_assert_true (g_file_set_contents (text, "name,domain\nAcme,acme.com\n", -1, NULL));
  make_tampered (truncated, "delete", NULL);
  g_assert_true (g_file_get_contents (truncated, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, 4096 * 5 + 1000, NULL));
  make_tampered (future, "delete", "PRAGMA user_version = 99");
  sql_exec (places, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)");

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *made = g_strconcat (fixture->dir, "/made-", names[i], NULL);
      g_autofree char *path = g_build_filename (fixture->dir, "portal", names[i], NULL);
      const char *only[] = { names[i], NULL };

      g_test_message ("%s", names[i]);
      g_assert_cmpint (g_rename (made, path), ==, 0);
      assert_refused (path, codes[i], ABM_WORKSPACE_ERROR_DAMAGED);
      assert_portal_holds (fixture, only);
      assert_no_working_copy (path);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* The child of the crash tests: commits an edit to the portal file the
 * parent names and is killed before anything writes it back. */
static void
crash_after_commit (Fixture *fixture)
{
  const char *path = g_getenv ("ABM_TEST_PORTAL_FILE");
  g_autofree char *portal = g_path_get_dirname (path);
  AbmWorkspace *workspace;

  g_setenv ("ABM_DOCUMENT_PORTAL_DIR", portal, TRUE);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  add_ok (workspace, "Kept", "kept.com");
  /* A kill skips the tear-down of the child's own fixture. */
  remove_tree (fixture->dir);
  raise (SIGKILL);
}

static void
crash_child_editing (Fixture    *fixture,
                     const char *path)
{
  g_setenv ("ABM_TEST_PORTAL_FILE", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_unsetenv ("ABM_TEST_PORTAL_FILE");
}

static void
test_portal_crash_recovery (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *const only[] = { "program.abm", NULL };
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmWorkspace) direct = NULL;

  if (g_test_subprocess ())
    {
      crash_after_commit (fixture);
      return;
    }

  path = portal_original (fixture, "program.abm", "acme.com");
  before = read_bytes (path);
  crash_child_editing (fixture, path);
  assert_same_bytes (before, path);
  assert_portal_holds (fixture, only);

  /* The working copy held the edit, and the original is as that session
   * left it: the edit is recovered and written back at once. */
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_true (abm_workspace_get_recovered (workspace));
  g_assert_null (abm_workspace_get_kept_aside (workspace));
  g_assert_cmpuint (n_accounts (workspace), ==, 2);
  g_assert_nonnull (abm_workspace_find_account (workspace, "kept.com"));
  direct = open_direct (fixture, path);
  g_assert_nonnull (abm_workspace_find_account (direct, "kept.com"));
  g_clear_object (&direct);
  g_clear_object (&workspace);
  assert_portal_holds (fixture, only);
  assert_no_working_copy (path);
}

/* Someone else changed the file after the crashed session: their file
 * wins, and the lost session's changes are kept aside, not merged. */
static void
test_portal_crash_conflict (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) theirs = NULL;

  if (g_test_subprocess ())
    {
      crash_after_commit (fixture);
      return;
    }

  path = portal_original (fixture, "program.abm", "acme.com");
  crash_child_editing (fixture, path);
  replace_behind_our_back (fixture, path, "theirs.com");
  theirs = read_bytes (path);
  assert_reopen_keeps_aside (fixture, path, theirs, "kept.com", "theirs.com");
}

/* Two programs edit the file: a write-back never goes over the other's
 * save. The changes stay in the working copy and are kept aside on the
 * next open. */
static void
test_portal_changed_while_open (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *const only[] = { "program.abm", NULL };
  g_autofree char *path = portal_original (fixture, "program.abm", "acme.com");
  g_autoptr(AbmWorkspace) workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *working = g_strdup (abm_workspace_get_working_copy (workspace));

  add_ok (workspace, "Ours", "ours.com");
  replace_behind_our_back (fixture, path, "theirs.com");
  theirs = read_bytes (path);
  g_assert_false (abm_workspace_sync_document (workspace, &error));
  g_assert_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "program.abm"));
  g_clear_error (&error);
  g_clear_object (&workspace);
  assert_same_bytes (theirs, path);
  assert_portal_holds (fixture, only);
  g_assert_true (g_file_test (working, G_FILE_TEST_IS_REGULAR));
  assert_reopen_keeps_aside (fixture, path, theirs, "ours.com", "theirs.com");
}

/* A folder we may not write: the original stays as it was, the changes
 * stay in the working copy, and the next open writes them back. */
static void
test_portal_unwritable (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *const only[] = { "program.abm", NULL };
  g_autofree char *path = portal_original (fixture, "program.abm", "acme.com");
  g_autofree char *portal = fixture_path (fixture, "portal");
  g_autofree char *probe = fixture_path (fixture, "portal/probe");
  g_autoptr(AbmWorkspace) workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (portal, 0500), ==, 0);
  if (g_file_set_contents (probe, "", 0, NULL))
    {
      g_unlink (probe);
      g_chmod (portal, 0700);
      g_test_skip ("permissions do not hold for this user");
      return;
    }

  add_ok (workspace, "Globex", "globex.com");
  g_assert_false (abm_workspace_sync_document (workspace, &error));
  g_assert_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_object (&workspace);
  assert_same_bytes (before, path);
  assert_portal_holds (fixture, only);

  g_assert_cmpint (g_chmod (portal, 0700), ==, 0);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_assert_true (abm_workspace_get_recovered (workspace));
  g_clear_object (&workspace);
  workspace = open_direct (fixture, path);
  g_assert_nonnull (abm_workspace_find_account (workspace, "globex.com"));
  g_clear_object (&workspace);
  assert_no_working_copy (path);

  /* A file we may not write is refused for writing, as anywhere, and read. */
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_null (workspace);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY);
  assert_no_working_copy (path);
  workspace = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_assert_nonnull (abm_workspace_find_account (workspace, "globex.com"));
  g_clear_object (&workspace);
  assert_no_working_copy (path);
  assert_portal_holds (fixture, only);
}

/* New and Save a Copy into a portal folder build the file privately and
 * put it there whole. */
static void
test_portal_create_and_copy (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *const one[] = { "new.abm", NULL };
  const char *const two[] = { "copy.abm", "new.abm", NULL };
  g_autofree char *path = fixture_path (fixture, "portal/new.abm");
  g_autofree char *copy = fixture_path (fixture, "portal/copy.abm");
  g_autofree char *outside = fixture_path (fixture, "outside.abm");
  g_autoptr(AbmWorkspace) workspace = create_ok (path, "New Program");
  g_autoptr(AbmWorkspace) other = NULL;
  g_autoptr(AbmWorkspace) direct = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (abm_workspace_get_working_copy (workspace));
  add_ok (workspace, "Acme", "acme.com");
  assert_portal_holds (fixture, one);

  other = abm_workspace_create (path, "Again", "EUR", FALSE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_EXISTS);
  g_clear_error (&error);
  other = abm_workspace_create (path, "Again", "EUR", TRUE, &error);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_clear_error (&error);

  other = create_ok (outside, "Outside");
  add_ok (other, "Globex", "globex.com");
  g_assert_false (abm_workspace_save_copy (other, path, &error));
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_true (abm_workspace_save_copy (other, copy, &error));
  g_assert_no_error (error);
  assert_portal_holds (fixture, two);
  g_clear_object (&other);

  g_clear_object (&workspace);
  assert_portal_holds (fixture, two);
  direct = open_direct (fixture, path);
  g_assert_cmpstr (abm_workspace_get_name (direct), ==, "New Program");
  g_assert_nonnull (abm_workspace_find_account (direct, "acme.com"));
  g_clear_object (&direct);
  direct = open_direct (fixture, copy);
  g_assert_cmpstr (abm_workspace_get_name (direct), ==, "Outside");
  g_assert_nonnull (abm_workspace_find_account (direct, "globex.com"));
  g_clear_object (&direct);
  assert_no_working_copy (path);
  assert_no_working_copy (copy);
}

/* Reading takes a throwaway copy; a second writer is told the file is open,
 * by the name the user knows. */
static void
test_portal_read_only_and_locked (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *const only[] = { "program.abm", NULL };
  g_autofree char *path = portal_original (fixture, "program.abm", "acme.com");
  g_autoptr(AbmWorkspace) writer = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  g_autoptr(AbmWorkspace) reader = open_ok (path, ABM_WORKSPACE_OPEN_READ_ONLY);
  g_autoptr(AbmWorkspace) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = g_strdup (abm_workspace_get_working_copy (reader));

  g_assert_cmpstr (snapshot, !=, abm_workspace_get_working_copy (writer));
  g_assert_nonnull (abm_workspace_find_account (reader, "acme.com"));
  g_assert_true (abm_workspace_get_read_only (reader));

  second = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "program.abm"));

  g_clear_object (&reader);
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  g_clear_object (&writer);
  assert_portal_holds (fixture, only);
  assert_no_working_copy (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* On demand (-m perf): what a write-back costs after one edit, median of 5,
 * for the file ABM_PERF_WORKSPACE names (abmctl demo makes one) or else
 * the 250-account sample. */
static void
test_portal_perf (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "portal/perf.abm");
  const char *source = g_getenv ("ABM_PERF_WORKSPACE");
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  double times[5];
  GStatBuf st;

  if (!g_test_perf ())
    {
      g_test_skip ("only with -m perf");
      return;
    }

  if (source != NULL && *source != '\0')
    {
      g_autoptr(GFile) from = g_file_new_for_path (source);
      g_autoptr(GFile) to = g_file_new_for_path (path);

      g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autofree char *made = fixture_path (fixture, "sample.abm");

      workspace = abm_sample_create_workspace (made, 250, 1, &error);
      g_assert_no_error (error);
      g_clear_object (&workspace);
      g_assert_cmpint (g_rename (made, path), ==, 0);
    }

  workspace = open_ok (path, ABM_WORKSPACE_OPEN_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *name = g_strdup_printf ("Program %u", i);
      gint64 start;

      g_assert_true (abm_workspace_set_name (workspace, name, &error));
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      g_assert_true (abm_workspace_sync_document (workspace, &error));
      g_assert_no_error (error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_minimized_result (times[2], "write-back of %u accounts (%.1f MB): median %.1f ms (%.1f to %.1f)",
                           n_accounts (workspace), st.st_size / 1e6, times[2], times[0], times[4]);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--helper"))
    return helper_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  helper_program = g_file_read_link ("/proc/self/exe", NULL);
  if (helper_program == NULL)
    helper_program = g_canonicalize_filename (argv[0], NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/workspace/create/header", test_create_header);
  ADD ("/workspace/create/exists", test_create_exists);
  ADD ("/workspace/create/replace", test_create_replace);
  ADD ("/workspace/create/replace-after-crash", test_create_replace_after_crash);
  ADD ("/workspace/name-currency", test_name_currency);
  ADD ("/workspace/accounts/add", test_accounts_add);
  ADD ("/workspace/accounts/add-many", test_accounts_add_many);
  ADD ("/workspace/accounts/bulk-journal", test_accounts_bulk_journal);
  ADD ("/workspace/settings", test_settings);
  ADD ("/workspace/accounts/duplicate", test_accounts_duplicate);
  ADD ("/workspace/accounts/update", test_accounts_update);
  ADD ("/workspace/accounts/set-field", test_accounts_set_field);
  ADD ("/workspace/accounts/large-amounts", test_accounts_large_amounts);
  ADD ("/workspace/accounts/rename-items-changed", test_accounts_rename_items_changed);
  ADD ("/workspace/accounts/delete-undo", test_accounts_delete_undo);
  ADD ("/workspace/accounts/undo-after-add", test_accounts_undo_after_add);
  ADD ("/workspace/lock/same-process", test_lock_same_process);
  ADD ("/workspace/lock/other-process", test_lock_other_process);
  ADD ("/workspace/lock/reader-survives-refusal", test_lock_reader_survives_refusal);
  ADD ("/workspace/lock/reader-survives-writer-close", test_lock_reader_survives_writer_close);
  ADD ("/workspace/read-only", test_read_only);
  ADD ("/workspace/save-copy/basic", test_save_copy);
  ADD ("/workspace/save-copy/onto-open", test_save_copy_onto_open);
  ADD ("/workspace/save-copy/over-crashed", test_save_copy_over_crashed);
  ADD ("/workspace/crash-recovery", test_crash_recovery);
  ADD ("/workspace/bad-file/random", test_bad_random);
  ADD ("/workspace/bad-file/text", test_bad_text);
  ADD ("/workspace/bad-file/empty", test_bad_empty);
  ADD ("/workspace/bad-file/other-program", test_bad_other_program);
  ADD ("/workspace/bad-file/too-new", test_bad_too_new);
  ADD ("/workspace/bad-file/truncated", test_bad_truncated);
  ADD ("/workspace/bad-file/stranger-objects", test_bad_stranger_objects);
  ADD ("/workspace/bad-file/stranger-columns", test_bad_stranger_columns);
  ADD ("/workspace/bad-file/ids", test_bad_ids);
  ADD ("/workspace/bad-file/activity-ids", test_bad_activity_ids);
  ADD ("/workspace/bad-file/directory", test_bad_directory);
  ADD ("/workspace/bad-file/missing", test_bad_missing);
  ADD ("/workspace/bad-file/wal-mode", test_bad_wal_mode);
  ADD ("/workspace/migrate/v1", test_migrate_v1);
  ADD ("/workspace/engagement/activities", test_engagement_activities);
  ADD ("/workspace/engagement/opportunities", test_engagement_opportunities);
  ADD ("/workspace/engagement/delete-account", test_engagement_delete_account);
  ADD ("/workspace/engagement/costs-rules", test_engagement_costs_rules);
  ADD ("/workspace/engagement/journey", test_engagement_journey);
  ADD ("/workspace/crash/hot-journal", test_engagement_hot_journal);

#define ADD_PORTAL(path, func) \
  g_test_add (path, Fixture, NULL, portal_set_up, func, portal_tear_down)

  ADD_PORTAL ("/workspace/portal/edit", test_portal_edit);
  ADD_PORTAL ("/workspace/portal/write-back-idle", test_portal_write_back_idle);
  ADD_PORTAL ("/workspace/portal/refused", test_portal_refused);
  ADD_PORTAL ("/workspace/portal/crash-recovery", test_portal_crash_recovery);
  ADD_PORTAL ("/workspace/portal/crash-conflict", test_portal_crash_conflict);
  ADD_PORTAL ("/workspace/portal/changed-while-open", test_portal_changed_while_open);
  ADD_PORTAL ("/workspace/portal/unwritable", test_portal_unwritable);
  ADD_PORTAL ("/workspace/portal/create-and-copy", test_portal_create_and_copy);
  ADD_PORTAL ("/workspace/portal/read-only-and-locked", test_portal_read_only_and_locked);
  ADD_PORTAL ("/workspace/portal/perf", test_portal_perf);

#undef ADD_PORTAL

#undef ADD

  {
    int status = g_test_run ();

    g_free (helper_program);
    return status;
  }
}
