/* fuzz-workspace-sql.c: libFuzzer harness for opening hostile workspaces
 *
 * The input is SQL text, run with no restriction (triggers, views,
 * writable_schema, pragmas) on a copy of a real sample workspace, as
 * whoever made the file could; then the copy is opened and read as in
 * fuzz-workspace.c. Mutating SQL rather than file bytes reaches hostile
 * schemas, data and headers in a few steps. An input that starts with the
 * comment "--v1" starts from tests/fixtures/workspace-v1.abm instead, so
 * the migrations meet the hostility; one whose first line holds "ro" is
 * opened read-only.
 *
 * The SQL cannot reach outside the harness's folder (ATTACH, VACUUM INTO
 * and the temp directory pragmas go through a guarding VFS or are
 * refused), and runs within a step budget and a length limit, so inputs
 * cannot hang or fill the disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "abm-sample.h"
#include "fuzz-common.h"

#ifndef FUZZ_FIXTURES_DIR
#error "FUZZ_FIXTURES_DIR must name tests/fixtures"
#endif

#define STEP_BUDGET    (500 * 1000)
#define MAX_LENGTH     (4 * 1024 * 1024)

static char *dir;
static char *path;
static GBytes *sample_template;
static GBytes *v1_template;
static sqlite3_vfs guard_vfs;

static gboolean
inside (const char *name)
{
  gsize len = strlen (dir);

  return name == NULL
         || (strncmp (name, dir, len) == 0 && name[len] == '/' && strstr (name, "/..") == NULL);
}

static int
guard_open (sqlite3_vfs  *vfs,
            const char   *name,
            sqlite3_file *file,
            int           flags,
            int          *out_flags)
{
  sqlite3_vfs *base = vfs->pAppData;

  if (!inside (name))
    return SQLITE_CANTOPEN;
  return base->xOpen (base, name, file, flags, out_flags);
}

static int
guard_delete (sqlite3_vfs *vfs,
              const char  *name,
              int          sync_dir)
{
  sqlite3_vfs *base = vfs->pAppData;

  if (!inside (name))
    return SQLITE_IOERR_DELETE;
  return base->xDelete (base, name, sync_dir);
}

static int
deny_outside (void       *user_data,
              int         action,
              const char *arg1,
              const char *arg2,
              const char *db_name,
              const char *trigger)
{
  if (action == SQLITE_PRAGMA && arg1 != NULL
      && (g_ascii_strcasecmp (arg1, "temp_store_directory") == 0
          || g_ascii_strcasecmp (arg1, "data_store_directory") == 0))
    return SQLITE_DENY;
  return SQLITE_OK;
}

static int
over_budget (void *user_data)
{
  return ++*(guint *) user_data > STEP_BUDGET / 1000;
}

static GBytes *
read_or_die (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (file, FALSE, &error);

  if (mapped == NULL)
    {
      g_printerr ("fuzz: %s\n", error->message);
      abort ();
    }
  return g_mapped_file_get_bytes (mapped);
}

/* The sample workspace with small pages, so that each run copies little. */
static GBytes *
make_sample_template (void)
{
  g_autofree char *file = g_build_filename (dir, "template.abm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmWorkspace) workspace = abm_sample_create_workspace (file, 6, 7, &error);
  sqlite3 *db = NULL;
  GBytes *bytes;

  if (workspace == NULL)
    {
      g_printerr ("fuzz: %s\n", error->message);
      abort ();
    }
  abm_workspace_close (workspace);
  if (sqlite3_open (file, &db) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 512; VACUUM; "
                           "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    abort ();
  sqlite3_close (db);
  bytes = read_or_die (file);
  g_unlink (file);
  return bytes;
}

static void
setup (void)
{
  sqlite3_vfs *base = sqlite3_vfs_find (NULL);

  fuzz_fatal_logging ();
  dir = fuzz_make_temp_dir ();
  path = g_build_filename (dir, "fuzz.abm", NULL);

  guard_vfs = *base;
  guard_vfs.zName = "abm-fuzz-guard";
  guard_vfs.pAppData = base;
  guard_vfs.pNext = NULL;
  guard_vfs.xOpen = guard_open;
  guard_vfs.xDelete = guard_delete;
  sqlite3_vfs_register (&guard_vfs, 0);

  sample_template = make_sample_template ();
  v1_template = read_or_die (FUZZ_FIXTURES_DIR "/workspace-v1.abm");
}

/* Runs every statement it can; one that does not parse is skipped to the
 * next semicolon. */
static void
run_sql (const char *sql)
{
  sqlite3 *db = NULL;
  guint steps = 0;
  const char *next = sql;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, guard_vfs.zName) != SQLITE_OK)
    abort ();
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_LENGTH);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 2);
  sqlite3_set_authorizer (db, deny_outside, NULL);
  sqlite3_progress_handler (db, 1000, over_budget, &steps);

  while (*next != '\0' && steps <= STEP_BUDGET / 1000)
    {
      sqlite3_stmt *stmt = NULL;
      const char *tail = NULL;

      if (sqlite3_prepare_v2 (db, next, -1, &stmt, &tail) != SQLITE_OK)
        {
          const char *semicolon = strchr (next, ';');

          if (semicolon == NULL)
            break;
          next = semicolon + 1;
          continue;
        }
      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      if (tail == NULL || tail == next)
        break;
      next = tail;
    }

  /* Whatever transaction the input left open is committed: the file is
   * what its maker saved. */
  sqlite3_progress_handler (db, 0, NULL, NULL);
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (sqlite3_close (db) != SQLITE_OK)
    abort ();
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *sql = g_strndup ((const char *) data, size);
  const char *eol = strchr (sql, '\n');
  gboolean v1 = g_str_has_prefix (sql, "--v1");
  gboolean read_only = FALSE;
  GBytes *template;
  gsize len;
  const guint8 *bytes;

  if (path == NULL)
    setup ();

  if (sql[0] == '-' && sql[1] == '-')
    {
      g_autofree char *first = g_strndup (sql, eol ? (gsize) (eol - sql) : strlen (sql));

      read_only = strstr (first, "ro") != NULL;
    }

  template = v1 ? v1_template : sample_template;
  bytes = g_bytes_get_data (template, &len);
  fuzz_write_file (path, bytes, len);
  run_sql (sql);
  fuzz_open_workspace (path, read_only);
  return 0;
}
