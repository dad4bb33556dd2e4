/* abm-workspace.c: one ABM program, stored in one SQLite file
 *
 * The workspace owns the SQLite connection and is the only code that writes
 * SQL. Every edit is a transaction committed as it happens. Files are checked
 * on a read-only connection before anything writes to them, so a file that is
 * not ours, is newer than this build, or is damaged is never modified.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abm-date.h"
#include "abm-document-copy.h"
#include "abm-file-guard.h"
#include "abm-json.h"
#include "abm-workspace.h"
#include "abm-workspace-private.h"

struct _AbmWorkspace
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;          /* the file as the user knows it */
  char       *db_path;       /* the file SQLite opens: @path, or its working copy */
  char       *name;
  char       *currency;
  char       *file_key;      /* abm_file_guard_key() of the open file */
  GListStore *accounts;
  GHashTable *by_domain;     /* domain → AbmAccount (owned by accounts) */
  AbmIcp     *icp;
  GError     *icp_error;
  AbmTierRules *tier_rules;
  GError     *tier_rules_error;
  AbmCoverageRules *coverage_rules;
  GListStore *clusters;      /* AbmCluster, by id */
  GHashTable *committees;    /* account id → Committee, as they are read */
  AbmWorkspacePlans *plans;  /* plans and plays: abm-workspace-plans.c */
  AbmWorkspaceEngagement *engagement; /* activities and deals: abm-workspace-engagement.c */
  gboolean    holds_lock;
  gboolean    loaded;        /* opened in full: closing may write */
  int         schema_version;
  gboolean    read_only;

  /* A file in a portal folder is edited in a working copy and written back
   * after each commit (abm-document-copy.h). */
  AbmDocumentCopy *document;
  GMainContext *sync_context;  /* where the write-back after a commit runs */
  GSource    *sync_source;
  gboolean    recovered;
  char       *kept_aside;
};

G_DEFINE_FINAL_TYPE (AbmWorkspace, abm_workspace, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-workspace-error-quark, abm_workspace_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_NAME,
  PROP_CURRENCY,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SETTING_CHANGED,
  DOCUMENT_SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_tiering       (AbmWorkspace *self);
static void coverage_rules_changed (AbmWorkspace *self);
static void tier_rules_changed (AbmWorkspace *self);
static void committee_free     (gpointer      data);
static gboolean undo_stakeholder (AbmWorkspace *self,
                                  JsonObject   *root,
                                  GError      **error);
static gboolean restore_committee (AbmWorkspace *self,
                                   JsonObject   *root,
                                   GError      **error);
static JsonNode *committee_to_json (AbmWorkspace *self,
                                    AbmAccount   *account);

/* Each schema version adds these objects; a stranger's file holding any other
 * table, index, view or trigger is refused. */
static const char *const schema_v1[] = {
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ")",
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  domain TEXT UNIQUE,"
  "  industry TEXT,"
  "  employees INTEGER CHECK (employees IS NULL OR employees >= 0),"
  "  annual_revenue REAL CHECK (annual_revenue IS NULL OR annual_revenue >= 0),"
  "  country TEXT,"
  "  city TEXT,"
  "  acv_potential REAL CHECK (acv_potential IS NULL OR acv_potential >= 0),"
  "  owner_ae TEXT,"
  "  owner_marketer TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ")",
  NULL
};

static const char *const schema_v2[] = {
  /* Destructive edits keep what they removed here, so Undo can put it back. */
  "CREATE TABLE undo_log ("
  "  id INTEGER PRIMARY KEY,"
  "  created TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  description TEXT NOT NULL,"
  "  payload TEXT NOT NULL"
  ")",
  "CREATE INDEX accounts_name ON accounts (name COLLATE NOCASE)",
  NULL
};

static const char *const schema_v3[] = {
  /* What the ideal customer profile scores against, and the program's
   * marks on an account. The profile itself is a JSON document in meta. */
  "ALTER TABLE accounts ADD COLUMN technologies TEXT",
  "ALTER TABLE accounts ADD COLUMN intent_topics TEXT",
  "ALTER TABLE accounts ADD COLUMN tier INTEGER CHECK (tier IS NULL OR tier BETWEEN 1 AND 3)",
  "ALTER TABLE accounts ADD COLUMN target INTEGER NOT NULL DEFAULT 0 CHECK (target IN (0, 1))",
  "ALTER TABLE accounts ADD COLUMN stage TEXT",
  /* Lists sort and filter in memory; the index only slowed every write. */
  "DROP INDEX IF EXISTS accounts_name",
  NULL
};

static const char *const schema_v4[] = {
  /* Columns of an import that are none of ours, as one JSON object. */
  "ALTER TABLE accounts ADD COLUMN custom TEXT",
  NULL
};

static const char *const schema_v5[] = {
  /* Tiering: Tier 2 clusters, the user's tier locks, and snapshots of the
   * tiered list for the quarterly refresh. */
  "CREATE TABLE clusters ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  note TEXT,"
  "  created TEXT NOT NULL"
  ")",
  "ALTER TABLE accounts ADD COLUMN tier_locked INTEGER NOT NULL DEFAULT 0 CHECK (tier_locked IN (0, 1))",
  "ALTER TABLE accounts ADD COLUMN cluster_id INTEGER REFERENCES clusters (id) ON DELETE SET NULL",
  "CREATE TABLE snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  created TEXT NOT NULL"
  ")",
  "CREATE TABLE snapshot_accounts ("
  "  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,"
  "  account_id INTEGER NOT NULL,"
  "  domain TEXT,"
  "  name TEXT NOT NULL,"
  "  tier INTEGER CHECK (tier IS NULL OR tier BETWEEN 1 AND 3),"
  "  PRIMARY KEY (snapshot_id, account_id)"
  ") WITHOUT ROWID",
  NULL
};

static const char *const schema_v6[] = {
  /* Buying committees: people, their reporting lines, and who influences
   * or conflicts with whom. A committee goes with its account. */
  "CREATE TABLE stakeholders ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  title TEXT, department TEXT, email TEXT, phone TEXT, linkedin TEXT, notes TEXT,"
  "  roles INTEGER NOT NULL DEFAULT 0,"
  "  reports_to INTEGER REFERENCES stakeholders (id) ON DELETE SET NULL,"
  "  dotted_to INTEGER REFERENCES stakeholders (id) ON DELETE SET NULL,"
  "  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 5),"
  "  strength INTEGER NOT NULL DEFAULT 0 CHECK (strength BETWEEN 0 AND 5),"
  "  sentiment TEXT, support TEXT, last_contact TEXT,"
  "  created TEXT NOT NULL, modified TEXT NOT NULL"
  ")",
  "CREATE INDEX stakeholders_account ON stakeholders (account_id)",
  "CREATE TABLE stakeholder_links ("
  "  from_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,"
  "  to_id INTEGER NOT NULL REFERENCES stakeholders (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('influences', 'conflicts')),"
  "  PRIMARY KEY (from_id, to_id, kind)"
  ") WITHOUT ROWID",
  "CREATE INDEX stakeholder_links_to ON stakeholder_links (to_id)",
  NULL
};

static const char *const schema_v7[] = {
  /* The domain's uniqueness moves from a column constraint into a named
   * index, which a big import can drop and build again in one go: SQLite
   * builds an index from sorted keys several times faster than it keeps
   * one up to date row by row. SQLite cannot drop a column constraint, so
   * the table is rebuilt (foreign keys are off during migrations). */
  "CREATE TABLE accounts_v7 ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  domain TEXT,"
  "  industry TEXT,"
  "  employees INTEGER CHECK (employees IS NULL OR employees >= 0),"
  "  annual_revenue REAL CHECK (annual_revenue IS NULL OR annual_revenue >= 0),"
  "  country TEXT,"
  "  city TEXT,"
  "  acv_potential REAL CHECK (acv_potential IS NULL OR acv_potential >= 0),"
  "  owner_ae TEXT,"
  "  owner_marketer TEXT,"
  "  notes TEXT,"
  "  created TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  modified TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
  "  technologies TEXT,"
  "  intent_topics TEXT,"
  "  tier INTEGER CHECK (tier IS NULL OR tier BETWEEN 1 AND 3),"
  "  target INTEGER NOT NULL DEFAULT 0 CHECK (target IN (0, 1)),"
  "  stage TEXT,"
  "  custom TEXT,"
  "  tier_locked INTEGER NOT NULL DEFAULT 0 CHECK (tier_locked IN (0, 1)),"
  "  cluster_id INTEGER REFERENCES clusters (id) ON DELETE SET NULL"
  ")",
  "INSERT INTO accounts_v7 (id, name, domain, industry, employees, annual_revenue, country, city,"
  "                         acv_potential, owner_ae, owner_marketer, notes, created, modified,"
  "                         technologies, intent_topics, tier, target, stage, custom, tier_locked, cluster_id)"
  "  SELECT id, name, domain, industry, employees, annual_revenue, country, city,"
  "         acv_potential, owner_ae, owner_marketer, notes, created, modified,"
  "         technologies, intent_topics, tier, target, stage, custom, tier_locked, cluster_id FROM accounts",
  "DROP TABLE accounts",
  "ALTER TABLE accounts_v7 RENAME TO accounts",
  "CREATE UNIQUE INDEX accounts_domain ON accounts (domain)",
  NULL
};

static const char *const schema_v8[] = {
  /* Account plans (one per account or cluster, its sections, its dated
   * lists) and plays. Ids come from counters in meta, never reused, so an
   * undo can put a row back under its id and a play keeps its calendar
   * UID. A play's target person is not a foreign key: deleting and
   * restoring the person keeps the target. */
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,"
  "  cluster_id INTEGER UNIQUE REFERENCES clusters (id) ON DELETE CASCADE,"
  "  motion TEXT CHECK (motion IS NULL OR motion IN ('land', 'expand')),"
  "  review_date TEXT,"
  "  whitespace TEXT,"
  "  created TEXT NOT NULL, modified TEXT NOT NULL,"
  "  CHECK ((account_id IS NULL) <> (cluster_id IS NULL))"
  ")",
  "CREATE TABLE plan_sections ("
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  section TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (plan_id, section)"
  ") WITHOUT ROWID",
  "CREATE TABLE plan_items ("
  "  id INTEGER PRIMARY KEY,"
  "  plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('vendor', 'event', 'step')),"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  detail TEXT, date TEXT, trigger TEXT, owner TEXT,"
  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
  "  created TEXT NOT NULL, modified TEXT NOT NULL"
  ")",
  "CREATE INDEX plan_items_plan ON plan_items (plan_id)",
  "CREATE TABLE plays ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER REFERENCES accounts (id) ON DELETE CASCADE,"
  "  cluster_id INTEGER REFERENCES clusters (id) ON DELETE CASCADE,"
  "  channel TEXT NOT NULL,"
  "  target_stakeholder INTEGER,"
  "  target_role TEXT,"
  "  description TEXT NOT NULL CHECK (length (description) > 0),"
  "  owner TEXT NOT NULL,"
  "  start_date TEXT, due_date TEXT,"
  "  status TEXT NOT NULL,"
  "  created TEXT NOT NULL, modified TEXT NOT NULL,"
  "  CHECK ((account_id IS NULL) <> (cluster_id IS NULL))"
  ")",
  "CREATE INDEX plays_account ON plays (account_id)",
  "CREATE INDEX plays_cluster ON plays (cluster_id)",
  "CREATE INDEX plays_due ON plays (due_date)",
  /* Names this workspace in calendar UIDs, so exported plays stay the
   * same events when exported again. */
  "INSERT OR IGNORE INTO meta (key, value) VALUES ('uid', lower (hex (randomblob (16))))",
  NULL
};

static const char *const schema_v9[] = {
  /* Engagement: what happened at each account (optionally with whom),
   * its deals, and what the program cost. Activities are many and small:
   * the kind and the day as text, nothing more. A person is not a foreign
   * key, as with plays: removing and restoring them keeps their history. */
  "CREATE TABLE activities ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  stakeholder_id INTEGER,"
  "  kind TEXT NOT NULL,"
  "  day TEXT NOT NULL,"
  "  topic TEXT, campaign TEXT,"
  "  created TEXT NOT NULL"
  ")",
  "CREATE INDEX activities_account ON activities (account_id)",
  "CREATE TABLE opportunities ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  amount REAL NOT NULL CHECK (amount >= 0),"
  "  stage TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),"
  "  created_date TEXT, closed_date TEXT,"
  "  abm_sourced INTEGER NOT NULL DEFAULT 0 CHECK (abm_sourced IN (0, 1)),"
  "  created TEXT NOT NULL, modified TEXT NOT NULL"
  ")",
  "CREATE INDEX opportunities_account ON opportunities (account_id)",
  "CREATE TABLE program_costs ("
  "  id INTEGER PRIMARY KEY,"
  "  tier INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 3),"
  "  period TEXT NOT NULL,"
  "  amount REAL NOT NULL CHECK (amount >= 0),"
  "  UNIQUE (tier, period)"
  ")",
  /* The stage an account was given is now a manual override of the
   * journey the data tells; the journey starts at "target", and a lost
   * deal is an opportunity's outcome, not a stage. */
  "UPDATE accounts SET stage = 'target' WHERE stage = 'unaware'",
  "UPDATE accounts SET stage = NULL WHERE stage = 'lost'",
  NULL
};

static const char *const *const migrations[ABM_WORKSPACE_SCHEMA_VERSION] = {
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
  schema_v7,
  schema_v8,
  schema_v9,
};

/* accounts_name came with format 2 and went with format 3; a file may
 * still have it (an index runs no code), so it stays known. */
static const struct {
  const char *name;
  int         since;
} known_objects[] = {
  { "meta", 1 },
  { "accounts", 1 },
  { "undo_log", 2 },
  { "accounts_name", 2 },
  { "clusters", 5 },
  { "snapshots", 5 },
  { "snapshot_accounts", 5 },
  { "stakeholders", 6 },
  { "stakeholders_account", 6 },
  { "stakeholder_links", 6 },
  { "stakeholder_links_to", 6 },
  { "accounts_domain", 7 },
  { "plans", 8 },
  { "plan_sections", 8 },
  { "plan_items", 8 },
  { "plan_items_plan", 8 },
  { "plays", 8 },
  { "plays_account", 8 },
  { "plays_cluster", 8 },
  { "plays_due", 8 },
  { "activities", 9 },
  { "activities_account", 9 },
  { "opportunities", 9 },
  { "opportunities_account", 9 },
  { "program_costs", 9 },
};

/* The accounts columns, in AbmAccountField order and then the custom
 * fields; NULL-terminated for g_strjoinv(). */
#define ACCOUNT_N_COLUMNS   (ABM_ACCOUNT_N_FIELDS + 3)
/* An undo record nests a committee's people in an account's. */
#define MAX_UNDO_DEPTH      16
/* Imports of this many rows skip the write-ahead log. */
#define BULK_ROWS           5000
#define CUSTOM_COLUMN       ABM_ACCOUNT_N_FIELDS
#define TIER_LOCKED_COLUMN  (ABM_ACCOUNT_N_FIELDS + 1)
#define CLUSTER_COLUMN      (ABM_ACCOUNT_N_FIELDS + 2)
static const char *const account_columns[ACCOUNT_N_COLUMNS + 1] = {
  "name", "domain", "industry", "employees", "annual_revenue", "country",
  "city", "acv_potential", "owner_ae", "owner_marketer", "notes",
  "technologies", "intent_topics", "tier", "target", "stage", "custom",
  "tier_locked", "cluster_id", NULL
};

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *what)
{
  int code = rc & 0xff;
  AbmWorkspaceError wcode = ABM_WORKSPACE_ERROR_FAILED;

  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    wcode = ABM_WORKSPACE_ERROR_DAMAGED;
  else if (code == SQLITE_READONLY)
    wcode = ABM_WORKSPACE_ERROR_READ_ONLY;
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    wcode = ABM_WORKSPACE_ERROR_LOCKED;
  else if (code == SQLITE_CONSTRAINT)
    wcode = ABM_WORKSPACE_ERROR_INVALID;

  g_set_error (error, ABM_WORKSPACE_ERROR, wcode, "%s: %s", what,
               db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, _("Could not update the workspace"));
  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, _("Could not read the workspace"));
      return NULL;
    }
  return stmt;
}

/* Whether the journal mode is now @mode ("wal", "delete"). */
static gboolean
set_journal_mode (sqlite3    *db,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  gboolean done = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    done = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  return done;
}

static gboolean
begin (sqlite3  *db,
       GError  **error)
{
  return exec (db, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (sqlite3  *db,
        GError  **error)
{
  if (!exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
rollback (sqlite3 *db)
{
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Settings for a file that may come from a stranger: no schema-defined code
 * runs, no writes to the schema table, foreign keys enforced. */
static gboolean
harden (sqlite3  *db,
        GError  **error)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_busy_timeout (db, 2000);

  return exec (db, "PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON;", error);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_sqlite_error (error, db, rc, _("Could not read the workspace"));
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static char *
meta_get (sqlite3    *db,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_text (stmt, 0) == NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
meta_set (sqlite3     *db,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                 "ON CONFLICT (key) DO UPDATE SET value = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, db, rc, _("Could not update the workspace"));
  return TRUE;
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A regular file with something in it; messages name @shown_path. */
static gboolean
check_file (const char  *path,
            const char  *shown_path,
            GError     **error)
{
  g_autofree char *shown = display_name (shown_path);
  GStatBuf st;
  int saved;

  if (g_stat (path, &st) != 0)
    {
      saved = errno;
      g_set_error (error, ABM_WORKSPACE_ERROR,
                   saved == ENOENT ? ABM_WORKSPACE_ERROR_NOT_FOUND : ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), shown, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not a file"), shown);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is empty, not an ABM Planner workspace"), shown);
      return FALSE;
    }
  return TRUE;
}

/* Reads the 100-byte SQLite header without SQLite: a file that is not a
 * database, belongs to another program, or is newer than this build is
 * turned away before any connection could leave a -wal or -shm beside it. */
static gboolean
check_header (const char  *path,
              const char  *shown_path,
              int         *version_out,
              GError     **error)
{
  g_autofree char *shown = display_name (shown_path);
  guint8 header[100];
  gssize got;
  g_autofree char *key = NULL;
  guint32 app_id, version;
  int saved = 0;

  if (!check_file (path, shown_path, error))
    return FALSE;

  key = abm_file_guard_key (path);
  got = key ? abm_file_guard_read (key, path, header, sizeof header, &saved) : -1;
  if (got < 0)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), shown, g_strerror (key ? saved : errno));
      return FALSE;
    }

  if (got < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is not an ABM Planner workspace"), shown);
      return FALSE;
    }
  if (got < (gssize) sizeof header)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened"), shown);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  version = read_be32 (header + 60);
  if (app_id != ABM_WORKSPACE_APPLICATION_ID)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
                   _("“%s” is a database of another program, not an ABM Planner workspace"),
                   shown);
      return FALSE;
    }
  if (version > ABM_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of ABM Planner (format %u; "
                     "this version reads up to format %d). Update ABM Planner to open it."),
                   shown, version, ABM_WORKSPACE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                   _("“%s” is an unfinished ABM Planner workspace and cannot be opened"),
                   shown);
      return FALSE;
    }

  *version_out = (int) version;
  return TRUE;
}

/* Appends every row of @sql (with @arg bound to ?1) as one line. */
static gboolean
describe_rows (GString    *out,
               sqlite3    *db,
               const char *sql,
               const char *arg)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%d:%s|", sqlite3_column_type (stmt, i), text ? text : "");
        }
      g_string_append_c (out, '\n');
    }
  return rc == SQLITE_DONE;
}

/* What the tables of @db look like to the SQL of this file: each table's
 * columns with their types, defaults, NOT NULL and keys, its foreign
 * keys, and its indexes with what they cover. Two files alike here read
 * and write alike; CHECK constraints are left out, as every value read is
 * checked anyway. accounts_name is left out too (see known_objects). NULL
 * when the schema cannot be read. */
static char *
describe_schema (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                 "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = tables->pdata[i];
      g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(sqlite3_stmt) list =
        prepare (db, "SELECT name FROM pragma_index_list (?1) "
                     "WHERE name <> 'accounts_name' ORDER BY name", NULL);

      g_string_append_printf (out, "table %s\n", table ? table : "");
      if (table == NULL || list == NULL
          || !describe_rows (out, db, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden "
                                      "FROM pragma_table_xinfo (?1) ORDER BY cid", table)
          || !describe_rows (out, db, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" "
                                      "FROM pragma_foreign_key_list (?1) ORDER BY id, seq", table)
          || !describe_rows (out, db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list (?1) "
                                      "WHERE name <> 'accounts_name' ORDER BY name", table))
        return NULL;
      sqlite3_bind_text (list, 1, table, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (list)) == SQLITE_ROW)
        g_ptr_array_add (indexes, g_strdup ((const char *) sqlite3_column_text (list, 0)));
      if (rc != SQLITE_DONE)
        return NULL;
      for (guint j = 0; j < indexes->len; j++)
        {
          const char *index = indexes->pdata[j];

          g_string_append_printf (out, "index %s\n", index ? index : "");
          if (index == NULL
              || !describe_rows (out, db, "SELECT seqno, cid, name, \"desc\", coll, key "
                                          "FROM pragma_index_xinfo (?1) ORDER BY seqno", index))
            return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* describe_schema() of a file of format @version as this build makes it. */
static char *
describe_reference_schema (int version)
{
  sqlite3 *db = NULL;
  char *description = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      gboolean ok = TRUE;

      for (int v = 0; ok && v < version; v++)
        for (const char *const *sql = migrations[v]; ok && *sql; sql++)
          ok = exec (db, *sql, NULL);
      if (ok)
        description = describe_schema (db);
    }
  sqlite3_close_v2 (db);
  return description;
}

/* Looks inside a file whose header is ours, on a read-only connection:
 * integrity, and only the tables and indexes this format defines (no views
 * or triggers that could run someone else's SQL in our queries). The
 * version is read again: a -wal may hold a newer first page. */
static gboolean
inspect (const char  *path,
         const char  *shown_path,
         int         *version_out,
         GError     **error)
{
  g_autofree char *shown = display_name (shown_path);
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, objects = 0;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK || !harden (db, NULL))
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), shown, sqlite3_errstr (rc));
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &app_id, NULL)
      || !query_int (db, "PRAGMA user_version", &version, NULL))
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened"), shown);
      goto out;
    }
  if (app_id != ABM_WORKSPACE_APPLICATION_ID || version < 1)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be opened"), shown);
      goto out;
    }
  if (version > ABM_WORKSPACE_SCHEMA_VERSION)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of ABM Planner (format %d; "
                     "this version reads up to format %d). Update ABM Planner to open it."),
                   shown, (int) version, ABM_WORKSPACE_SCHEMA_VERSION);
      goto out;
    }

  {
    g_autoptr(sqlite3_stmt) stmt = prepare (db, "PRAGMA quick_check", NULL);
    const char *result = NULL;

    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      result = (const char *) sqlite3_column_text (stmt, 0);
    if (g_strcmp0 (result, "ok") != 0)
      {
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened"), shown);
        goto out;
      }
  }

  {
    g_autoptr(sqlite3_stmt) stmt =
      prepare (db, "SELECT type, name FROM sqlite_schema", NULL);

    if (stmt == NULL)
      {
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened"), shown);
        goto out;
      }
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        const char *type = (const char *) sqlite3_column_text (stmt, 0);
        const char *name = (const char *) sqlite3_column_text (stmt, 1);
        gboolean known = FALSE;

        if (g_strcmp0 (type, "index") == 0 && name != NULL
            && g_str_has_prefix (name, "sqlite_autoindex_"))
          continue;
        /* PRAGMA optimize keeps index statistics here: data for the
         * query planner, no code. */
        if (g_strcmp0 (type, "table") == 0 && g_strcmp0 (name, "sqlite_stat1") == 0)
          continue;
        for (guint i = 0; i < G_N_ELEMENTS (known_objects); i++)
          {
            if (g_strcmp0 (name, known_objects[i].name) == 0
                && known_objects[i].since <= version
                && (g_strcmp0 (type, "table") == 0 || g_strcmp0 (type, "index") == 0))
              known = TRUE;
          }
        if (!known)
          {
            g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                         _("“%s” was changed by another program (it contains “%s”, "
                           "which ABM Planner did not create) and was not opened"),
                         shown, name ? name : "");
            goto out;
          }
        objects++;
      }
    if (rc != SQLITE_DONE || objects == 0)
      {
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                     _("“%s” is damaged and cannot be opened"), shown);
        goto out;
      }
  }

  /* The right names are not enough: a table of ours with other columns
   * would be found out only by a query that fails after the file was
   * written to (the log, the lock holder, a migration). */
  {
    g_autofree char *found = describe_schema (db);
    g_autofree char *expected = describe_reference_schema ((int) version);

    if (found == NULL || expected == NULL || strcmp (found, expected) != 0)
      {
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                     _("“%s” was changed by another program (its tables are not as "
                       "ABM Planner made them) and was not opened"), shown);
        goto out;
      }
  }

  *version_out = (int) version;
  ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

static char *
lock_holder_description (void)
{
  const char *who = g_get_real_name ();

  if (who == NULL || *who == '\0' || g_strcmp0 (who, "Unknown") == 0)
    who = g_get_user_name ();
  return g_strdup_printf (_("%s on %s (process %d)"), who, g_get_host_name (), (int) getpid ());
}

static void
set_locked_error (GError     **error,
                  const char  *path,
                  const char  *shown_path,
                  gboolean     here)
{
  g_autofree char *shown = display_name (shown_path);
  g_autofree char *holder = NULL;
  sqlite3 *db = NULL;

  if (here)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED,
                   _("“%s” is already open"), shown);
      return;
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && harden (db, NULL))
    holder = meta_get (db, "lock_holder");
  sqlite3_close_v2 (db);

  if (holder != NULL)
    g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED,
                 _("“%s” is open in ABM Planner by %s; close it there first"),
                 shown, holder);
  else
    g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_LOCKED,
                 _("“%s” is open in another ABM Planner; close it there first"), shown);
}

/* Takes the writer's lock on @key or says who has it; @shown_path is
 * the file the user knows (see AbmWorkspace:path). */
static gboolean
lock_file (const char  *key,
           const char  *path,
           const char  *shown_path,
           GError     **error)
{
  g_autofree char *shown = display_name (shown_path);
  int saved;

  switch (abm_file_guard_lock (key, path, &saved))
    {
    case ABM_FILE_LOCK_TAKEN:
      return TRUE;
    case ABM_FILE_LOCK_HELD_HERE:
      set_locked_error (error, path, shown_path, TRUE);
      return FALSE;
    case ABM_FILE_LOCK_HELD_ELSEWHERE:
      set_locked_error (error, path, shown_path, FALSE);
      return FALSE;
    case ABM_FILE_LOCK_NOT_WRITABLE:
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: %s"), shown, g_strerror (saved));
      return FALSE;
    case ABM_FILE_LOCK_FAILED:
    default:
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not lock “%s”: %s"), shown, g_strerror (saved));
      return FALSE;
    }
}

/* Makes way for a new file at @path (a new workspace, a copy): nobody may
 * have the old one open, and its -wal, -shm or -journal from an earlier
 * crash must not be replayed onto the new file. On success the caller holds
 * the lock on the old file, if there was one, and releases it with
 * abm_file_guard_unlock (*old_key) once the new file is in place. */
static gboolean
clear_target (const char  *path,
              char       **old_key,
              GError     **error)
{
  g_autofree char *key = abm_file_guard_key (path);

  *old_key = NULL;
  if (key == NULL)
    {
      abm_file_guard_remove_sidecars (path, TRUE);
      return TRUE;
    }
  if (!lock_file (key, path, path, error))
    return FALSE;
  if (abm_file_guard_in_use (key, path))
    {
      abm_file_guard_unlock (key);
      set_locked_error (error, path, path, FALSE);
      return FALSE;
    }
  /* Nobody attached: a log left here is a crash's leftover. */
  abm_file_guard_remove_sidecars (path, TRUE);
  *old_key = g_steal_pointer (&key);
  return TRUE;
}

static gboolean run_migrations (AbmWorkspace  *self,
                                GError       **error);

static gboolean
migrate (AbmWorkspace  *self,
         GError       **error)
{
  gboolean ok;

  if (self->schema_version >= ABM_WORKSPACE_SCHEMA_VERSION)
    return TRUE;

  /* A table rebuild must not cascade its DROP into the tables that refer
   * to it; foreign keys can only be switched outside a transaction, and
   * are checked as a whole before the commit. */
  if (!exec (self->db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  ok = run_migrations (self, error);
  if (!exec (self->db, "PRAGMA foreign_keys = ON", ok ? error : NULL) && ok)
    return FALSE;
  return ok;
}

static gboolean
run_migrations (AbmWorkspace  *self,
                GError       **error)
{
  if (!begin (self->db, error))
    return FALSE;

  for (int v = self->schema_version; v < ABM_WORKSPACE_SCHEMA_VERSION; v++)
    {
      for (const char *const *sql = migrations[v]; *sql; sql++)
        {
          if (!exec (self->db, *sql, error))
            return rollback (self->db);
        }
    }
  {
    gint64 broken = 0;

    if (!query_int (self->db, "SELECT count (*) FROM pragma_foreign_key_check", &broken, error))
      return rollback (self->db);
    if (broken > 0)
      {
        g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                             _("The workspace could not be upgraded: some of its references are broken"));
        return rollback (self->db);
      }
  }

  {
    g_autofree char *pragma =
      g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d",
                       ABM_WORKSPACE_SCHEMA_VERSION, ABM_WORKSPACE_APPLICATION_ID);
    if (!exec (self->db, pragma, error))
      return rollback (self->db);
  }

  if (!commit (self->db, error))
    return FALSE;

  self->schema_version = ABM_WORKSPACE_SCHEMA_VERSION;
  return TRUE;
}

/* Binds every account column to ?1..?ACCOUNT_N_COLUMNS, in account_columns
 * order. */
static void
bind_account (sqlite3_stmt *stmt,
              AbmAccount   *account)
{
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      int index = (int) i + 1;

      switch (i)
        {
        case ABM_ACCOUNT_FIELD_EMPLOYEES:
          if (abm_account_get_employees (account) < 0)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int64 (stmt, index, abm_account_get_employees (account));
          break;
        case ABM_ACCOUNT_FIELD_ANNUAL_REVENUE:
        case ABM_ACCOUNT_FIELD_ACV_POTENTIAL:
          {
            double v = i == ABM_ACCOUNT_FIELD_ANNUAL_REVENUE
                       ? abm_account_get_annual_revenue (account)
                       : abm_account_get_acv_potential (account);
            if (v < 0)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_double (stmt, index, v);
          }
          break;
        case ABM_ACCOUNT_FIELD_TIER:
          if (abm_account_get_tier (account) == 0)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_int (stmt, index, (int) abm_account_get_tier (account));
          break;
        case ABM_ACCOUNT_FIELD_TARGET:
          sqlite3_bind_int (stmt, index, abm_account_get_target (account) ? 1 : 0);
          break;
        default:
          /* The account outlives the statement's step. */
          {
            const char *text = abm_account_peek_text (account, i);

            if (text == NULL)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
          }
          break;
        }
    }
  sqlite3_bind_text (stmt, CUSTOM_COLUMN + 1, abm_account_dup_custom_json (account), -1, g_free);
  sqlite3_bind_int (stmt, TIER_LOCKED_COLUMN + 1, abm_account_get_tier_locked (account) ? 1 : 0);
  if (abm_account_get_cluster_id (account) > 0)
    sqlite3_bind_int64 (stmt, CLUSTER_COLUMN + 1, abm_account_get_cluster_id (account));
  else
    sqlite3_bind_null (stmt, CLUSTER_COLUMN + 1);
}

static char *
account_select_sql (int         version,
                    const char *where)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id");

  /* A file opened read-only keeps its older format: columns it does not
   * have yet read as empty. */
  for (guint i = 0; i < ACCOUNT_N_COLUMNS; i++)
    {
      if (version < 5 && i == TIER_LOCKED_COLUMN)
        g_string_append_printf (sql, ", 0 AS %s", account_columns[i]);
      else if ((version < 3 && i >= ABM_ACCOUNT_FIELD_TECHNOLOGIES && i < ABM_ACCOUNT_N_FIELDS)
               || (version < 4 && i == CUSTOM_COLUMN)
               || (version < 5 && i == CLUSTER_COLUMN))
        g_string_append_printf (sql, ", NULL AS %s", account_columns[i]);
      else
        g_string_append_printf (sql, ", %s", account_columns[i]);
    }
  g_string_append_printf (sql, " FROM accounts %s", where);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Reads a row selected by account_select_sql() into a new account. Values
 * go through the same validation as typed ones: a hand-edited file cannot
 * put a negative head count in front of the user. */
static AbmAccount *
account_from_row (sqlite3_stmt *stmt)
{
  AbmAccount *account = abm_account_new ();

  abm_account_set_id (account, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      int column = (int) i + 1;
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      const char *text;

      switch (sqlite3_column_type (stmt, column))
        {
        case SQLITE_NULL:
          continue;
        /* Numbers as numbers: SQLite's text for 1e15 is "1.0e+15". */
        case SQLITE_INTEGER:
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT,
                      (gint64) sqlite3_column_int64 (stmt, column));
          text = number;
          break;
        case SQLITE_FLOAT:
          text = g_ascii_formatd (number, sizeof number, "%.2f",
                                  sqlite3_column_double (stmt, column));
          break;
        default:
          text = (const char *) sqlite3_column_text (stmt, column);
          break;
        }

      if (!abm_account_set_field_text (account, i, text, NULL)
          && i == ABM_ACCOUNT_FIELD_NAME)
        abm_account_set_field_text (account, i, "?", NULL);
    }
  /* Custom fields that do not hold up are left out, field by field. */
  if (sqlite3_column_type (stmt, CUSTOM_COLUMN + 1) == SQLITE_TEXT
      && !abm_account_set_custom_json (account, (const char *) sqlite3_column_text (stmt, CUSTOM_COLUMN + 1), NULL))
    g_debug ("Account %" G_GINT64_FORMAT ": custom fields left out", abm_account_get_id (account));
  abm_account_set_tier_locked (account, sqlite3_column_int (stmt, TIER_LOCKED_COLUMN + 1) != 0);
  if (sqlite3_column_int64 (stmt, CLUSTER_COLUMN + 1) > 0)
    abm_account_set_cluster_id (account, sqlite3_column_int64 (stmt, CLUSTER_COLUMN + 1));
  return account;
}

/* Every account with a domain is in by_domain, so finding one by domain
 * costs the same with 100,000 accounts as with ten. */
static void
index_account (AbmWorkspace *self,
               AbmAccount   *account)
{
  const char *domain = abm_account_get_domain (account);

  if (domain != NULL)
    g_hash_table_insert (self->by_domain, g_strdup (domain), account);
}

static void
unindex_account (AbmWorkspace *self,
                 AbmAccount   *account)
{
  const char *domain = abm_account_get_domain (account);

  if (domain != NULL && g_hash_table_lookup (self->by_domain, domain) == account)
    g_hash_table_remove (self->by_domain, domain);
}

static void
score (AbmWorkspace *self,
       AbmAccount   *account)
{
  abm_account_set_fit_score (account, abm_icp_score (self->icp, account));
}

/* Each change to the profile is stored as it is made, and every account
 * scored again. */
static void
icp_changed (AbmWorkspace *self)
{
  g_autofree char *json = abm_icp_to_json (self->icp);

  g_clear_error (&self->icp_error);
  if (self->db != NULL && !self->read_only)
    meta_set (self->db, "icp", json, &self->icp_error);
  abm_icp_score_all (self->icp, G_LIST_MODEL (self->accounts));
}

/* The profile in a file is checked like any input: one that does not read
 * leaves the workspace with an empty profile rather than unopenable. */
static void
load_icp (AbmWorkspace *self)
{
  g_autofree char *json = meta_get (self->db, "icp");

  if (json != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmIcp) stored = abm_icp_new_from_json (json, strlen (json), &error);

      if (stored != NULL)
        abm_icp_assign (self->icp, stored);
      else
        g_debug ("Ignoring the stored profile: %s", error->message);
    }
  abm_icp_score_all (self->icp, G_LIST_MODEL (self->accounts));
  g_signal_connect_swapped (self->icp, "changed", G_CALLBACK (icp_changed), self);
}

static gboolean
load (AbmWorkspace  *self,
      GError       **error)
{
  /* Ids are positive everywhere in this code, 0 meaning none: a row of a
   * stranger's file with another id is not shown. */
  g_autofree char *sql = account_select_sql (self->schema_version, "WHERE id > 0 ORDER BY id");
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, sql, error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;

  self->name = meta_get (self->db, "name");
  self->currency = meta_get (self->db, "currency");
  if (self->name == NULL)
    self->name = display_name (self->path);
  if (self->currency == NULL)
    self->currency = g_strdup ("EUR");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, account_from_row (stmt));
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the workspace"));

  for (guint i = 0; i < items->len; i++)
    index_account (self, items->pdata[i]);
  g_list_store_splice (self->accounts, 0, 0, items->pdata, items->len);

  load_icp (self);
  load_tiering (self);
  return TRUE;
}

/* Opens the connection this workspace keeps; for writing, the caller holds
 * the writer lock. Nothing is written until the file has read in full: a
 * file refused here is left as it was (only a migration that commits
 * changes it, and it commits only once every reference checks out). */
static gboolean
open_database (AbmWorkspace  *self,
         GError       **error)
{
  g_autofree char *holder = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->db_path, &self->db,
                        self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL);
  abm_file_guard_add_user (self->file_key);
  if (rc != SQLITE_OK)
    return set_sqlite_error (error, self->db, rc, _("Could not open the workspace"));

  if (!harden (self->db, error))
    return FALSE;

  if (!self->read_only && !migrate (self, error))
    return FALSE;
  if (!load (self, error))
    return FALSE;
  if (self->read_only)
    {
      self->loaded = TRUE;
      return TRUE;
    }

  if (!set_journal_mode (self->db, "wal"))
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not open the workspace: its folder does not allow "
                     "the write-ahead log"));
      return FALSE;
    }
  /* A bigger page cache keeps the name and domain indexes in memory:
   * with SQLite's 2 MiB default an import of 100,000 accounts reads
   * and writes each index page again and again. */
  if (!exec (self->db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768", error))
    return FALSE;

  holder = lock_holder_description ();
  if (!begin (self->db, error))
    return FALSE;
  if (!meta_set (self->db, "lock_holder", holder, error)
      /* The undo log only has to outlive a session, not the program. */
      || !exec (self->db, "DELETE FROM undo_log WHERE created < "
                          "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now', '-30 days')", error))
    {
      rollback (self->db);
      return FALSE;
    }
  if (!commit (self->db, error))
    return FALSE;

  self->loaded = TRUE;
  return TRUE;
}

gboolean
abm_currency_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("A workspace needs a name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_currency (const char  *currency,
                GError     **error)
{
  if (!abm_currency_is_valid (currency))
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a currency code such as EUR or USD"),
                   currency ? currency : "");
      return FALSE;
    }
  return TRUE;
}

/* A new empty file for a workspace to be built in before it takes the
 * name @path: beside it, or privately for a portal folder, where SQLite
 * never writes (abm-document-copy.h). @template is the name beside. */
static char *
new_temp_for (const char  *path,
              const char  *template,
              GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  int fd;

  if (abm_document_is_portal_path (path))
    return abm_document_new_temp (error);

  dir = g_path_get_dirname (path);
  tmp = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);  /* the umask applies */
  if (fd < 0)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not create a file in “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

/* Puts the complete workspace @tmp in place of @path in a portal folder,
 * unless a workspace of ours has @path open through its working copy, and
 * removes @tmp. */
static gboolean
place_in_portal (const char  *path,
                 const char  *tmp,
                 gboolean     replace,
                 GError     **error)
{
  g_autoptr(AbmDocumentCopy) document = abm_document_copy_new (path);
  const char *working = abm_document_copy_get_path (document);
  g_autofree char *key = abm_file_guard_key (working);
  gboolean ok;

  if (key != NULL && !lock_file (key, working, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  ok = abm_document_replace (path, tmp, replace, NULL, error);
  if (key != NULL)
    {
      abm_file_guard_unlock (key);
      abm_file_guard_forget (key);
    }
  g_unlink (tmp);
  return ok;
}

/* Writes a complete new workspace at @path. With @replace, an existing file
 * (that nobody has open) is replaced atomically: the new file is built under
 * a temporary name beside it and renamed over it. */
AbmWorkspace *
abm_workspace_create (const char  *path,
                      const char  *name,
                      const char  *currency,
                      gboolean     replace,
                      GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (!check_name (trimmed, error))
    return NULL;
  if (currency == NULL)
    currency = "EUR";
  if (!check_currency (currency, error))
    return NULL;

  canonical = g_canonicalize_filename (path, NULL);
  if (!replace && g_file_test (canonical, G_FILE_TEST_EXISTS))
    {
      g_autofree char *shown = display_name (canonical);
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_EXISTS,
                   _("“%s” already exists"), shown);
      return NULL;
    }

  tmp = new_temp_for (canonical, ".abm-planner-new-XXXXXX", error);
  if (tmp == NULL)
    return NULL;

  rc = sqlite3_open_v2 (tmp, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK || !harden (db, &local_error))
    goto fail;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *created = g_date_time_format_iso8601 (now);
    g_autofree char *pragma =
      g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                       ABM_WORKSPACE_APPLICATION_ID, ABM_WORKSPACE_SCHEMA_VERSION);

    if (!begin (db, &local_error))
      goto fail;
    for (guint v = 0; v < ABM_WORKSPACE_SCHEMA_VERSION; v++)
      for (const char *const *sql = migrations[v]; *sql; sql++)
        if (!exec (db, *sql, &local_error))
          goto fail_rollback;
    if (!meta_set (db, "name", trimmed, &local_error)
        || !meta_set (db, "currency", currency, &local_error)
        || !meta_set (db, "created", created, &local_error)
        || !meta_set (db, "created_by", "ABM Planner " PACKAGE_VERSION, &local_error)
        || !exec (db, pragma, &local_error)
        || !commit (db, &local_error))
      goto fail_rollback;
  }

  sqlite3_close_v2 (db);
  db = NULL;

  if (abm_document_is_portal_path (canonical))
    {
      if (!place_in_portal (canonical, tmp, replace, error))
        return NULL;
      rc = 0;
    }
  else if (replace)
    {
      g_autofree char *old_key = NULL;

      /* Never pull a file out from under someone who has it open. */
      if (!clear_target (canonical, &old_key, error))
        {
          g_unlink (tmp);
          return NULL;
        }
      rc = g_rename (tmp, canonical);
      if (old_key != NULL)
        abm_file_guard_unlock (old_key);
    }
  else
    {
      /* link() refuses a file that appeared meanwhile, where rename()
       * would overwrite it. */
      abm_file_guard_remove_sidecars (canonical, TRUE);
      rc = link (tmp, canonical);
      if (rc == 0)
        g_unlink (tmp);
    }

  if (rc != 0)
    {
      int saved = errno;
      g_autofree char *shown = display_name (canonical);

      if (saved == EEXIST)
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_EXISTS,
                     _("“%s” already exists"), shown);
      else
        g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                     _("Could not create “%s”: %s"), canonical, g_strerror (saved));
      g_unlink (tmp);
      return NULL;
    }

  return abm_workspace_open (canonical, ABM_WORKSPACE_OPEN_DEFAULT, error);

fail_rollback:
  rollback (db);
fail:
  if (local_error == NULL)
    set_sqlite_error (&local_error, db, rc, _("Could not create the workspace"));
  g_propagate_error (error, g_steal_pointer (&local_error));
  sqlite3_close_v2 (db);
  g_unlink (tmp);
  return NULL;
}

/* An empty log and a -shm nobody uses are what SQLite leaves after a
 * read-only look; they hold nothing, and a stranger's folder should not
 * keep them. */
static void
tidy_sidecars (const char *key,
               const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    return;
  if (!abm_file_guard_in_use (key, path))
    abm_file_guard_remove_sidecars (path, FALSE);
}

/* A big import runs with a rollback journal (see BULK_ROWS); a process
 * killed during it leaves that journal hot, and only a read-write
 * connection can play it back. SQLite does so on the first read; the
 * inspection's read-only connection cannot, and would call the file
 * damaged. So, holding the lock (no writer of ours is alive) and with a
 * header that is ours (check_header() read it), the journal is played
 * back first: what the interrupted transaction wrote is undone, what was
 * committed stays. A file we may not write keeps its journal and is
 * refused as before. */
static void
recover_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  sqlite3 *db = NULL;
  GStatBuf st;

  if (g_stat (journal, &st) != 0 || st.st_size == 0 || g_access (path, W_OK) != 0)
    return;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK && harden (db, NULL))
    {
      gint64 ignored;

      if (!query_int (db, "PRAGMA application_id", &ignored, NULL))
        g_message ("Could not play back the interrupted write of %s", path);
    }
  sqlite3_close_v2 (db);
}

/* The checks and the connection of abm_workspace_open() on @db_path: @path
 * itself, or the working copy of a file in a portal folder. With @locked
 * the caller holds the writer lock on @db_path, and keeps it if the file
 * is refused; a workspace returned holds it. */
static AbmWorkspace *
open_file (const char             *path,
           const char             *db_path,
           AbmWorkspaceOpenFlags   flags,
           gboolean                locked,
           GError                **error)
{
  g_autoptr(AbmWorkspace) self = NULL;
  int version = 0, saved;
  gboolean ok;

  if (!check_header (db_path, path, &version, error))
    return NULL;

  self = g_object_new (ABM_TYPE_WORKSPACE, NULL);
  self->path = g_strdup (path);
  self->db_path = g_strdup (db_path);
  self->read_only = (flags & ABM_WORKSPACE_OPEN_READ_ONLY) != 0;
  self->file_key = abm_file_guard_key (self->db_path);
  if (self->file_key == NULL)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), self->path, g_strerror (errno));
      return NULL;
    }

  /* A reader takes the lock only if it is free, to tidy up after itself. */
  if (!locked && !self->read_only)
    {
      if (!lock_file (self->file_key, self->db_path, self->path, error))
        return NULL;
      self->holds_lock = TRUE;
    }
  else if (!locked)
    self->holds_lock = abm_file_guard_lock (self->file_key, self->db_path, &saved) == ABM_FILE_LOCK_TAKEN;

  if (self->holds_lock || locked)
    recover_hot_journal (self->db_path);
  ok = inspect (self->db_path, self->path, &version, error);
  if (self->holds_lock || locked)
    tidy_sidecars (self->file_key, self->db_path);
  if (self->read_only && self->holds_lock)
    {
      abm_file_guard_unlock (self->file_key);
      self->holds_lock = FALSE;
    }
  if (!ok)
    return NULL;

  self->schema_version = version;
  if (!open_database (self, error))
    return NULL;

  self->holds_lock = self->holds_lock || locked;
  return g_steal_pointer (&self);
}

/* Folds a crashed session's log into the working copy, so that what is
 * kept aside is one file; should it fail, the log is kept aside with it. */
static void
settle (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK && harden (db, NULL))
    sqlite3_exec (db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
}

static int      commit_hook (void     *data);
static gboolean sync_idle   (gpointer  data);

/* A file in a portal folder: SQLite opens a private working copy instead
 * (abm-document-copy.h). With the working copy locked, so that no other
 * process of ours works on it, changes an earlier session could not write
 * back are written back now if the original is as that session left it,
 * and kept aside otherwise; then the original is copied afresh. */
static AbmWorkspace *
open_document (const char             *path,
               AbmWorkspaceOpenFlags   flags,
               GError                **error)
{
  g_autoptr(AbmDocumentCopy) document = NULL;
  g_autoptr(AbmWorkspace) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *kept_aside = NULL;
  const char *working;

  /* Missing or not a file: no copy is made of it. */
  if (!check_file (path, path, error))
    return NULL;

  if ((flags & ABM_WORKSPACE_OPEN_READ_ONLY) != 0)
    {
      document = abm_document_copy_new_snapshot (path, error);
      if (document == NULL)
        return NULL;
      self = open_file (path, abm_document_copy_get_path (document), flags, FALSE, error);
      if (self == NULL)
        {
          g_autofree char *snapshot_key = abm_file_guard_key (abm_document_copy_get_path (document));

          abm_document_copy_discard (document);
          if (snapshot_key != NULL)
            abm_file_guard_forget (snapshot_key);
          return NULL;
        }
      self->document = g_steal_pointer (&document);
      return g_steal_pointer (&self);
    }

  /* As for any file: one we may not write is not opened for writing,
   * rather than edited in a copy that could never be written back. */
  if (g_access (path, W_OK) != 0)
    {
      int saved = errno;
      g_autofree char *shown = display_name (path);

      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: %s"), shown, g_strerror (saved));
      return NULL;
    }

  document = abm_document_copy_new (path);
  working = abm_document_copy_get_path (document);
  if (!abm_document_copy_ensure (document, error))
    return NULL;
  key = abm_file_guard_key (working);
  if (key == NULL)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), working, g_strerror (errno));
      return NULL;
    }
  if (!lock_file (key, working, path, error))
    return NULL;

  switch (abm_document_copy_load_state (document))
    {
    case ABM_DOCUMENT_PENDING:
      self = open_file (path, working, flags, TRUE, &local_error);
      if (self != NULL)
        {
          self->recovered = TRUE;
          break;
        }
      /* Our own copy refused: it is kept aside, and the original opened. */
      g_debug ("The working copy of %s was refused: %s", path, local_error->message);
      G_GNUC_FALLTHROUGH;
    case ABM_DOCUMENT_CONFLICT:
      settle (working);
      kept_aside = abm_document_copy_keep_aside (document, error);
      if (kept_aside == NULL)
        {
          abm_file_guard_unlock (key);
          return NULL;
        }
      G_GNUC_FALLTHROUGH;
    case ABM_DOCUMENT_CLEAN:
    default:
      if (!abm_document_copy_fetch (document, error)
          || (self = open_file (path, working, flags, TRUE, error)) == NULL)
        {
          /* Refused: the original as it was, and no copy of it here. */
          abm_document_copy_discard (document);
          abm_file_guard_unlock (key);
          abm_file_guard_forget (key);
          if (kept_aside != NULL && error != NULL && *error != NULL)
            g_prefix_error (error, _("The changes of an earlier session are kept in “%s”. "), kept_aside);
          return NULL;
        }
      break;
    }

  self->document = g_steal_pointer (&document);
  self->kept_aside = g_steal_pointer (&kept_aside);
  self->sync_context = g_main_context_ref_thread_default ();
  sqlite3_commit_hook (self->db, commit_hook, self);
  /* Should this fail, the copy keeps the changes and the app asks again
   * (abm_workspace_sync_document()) to tell why. */
  if (self->recovered && !abm_workspace_sync_document (self, &local_error))
    g_debug ("Could not write back the changes to %s: %s", path, local_error->message);
  return g_steal_pointer (&self);
}

AbmWorkspace *
abm_workspace_open (const char             *path,
                    AbmWorkspaceOpenFlags   flags,
                    GError                **error)
{
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  canonical = g_canonicalize_filename (path, NULL);
  if (abm_document_is_portal_path (canonical))
    return open_document (canonical, flags, error);
  return open_file (canonical, canonical, flags, FALSE, error);
}

void
abm_workspace_close (AbmWorkspace *self)
{
  gboolean discarded = FALSE;
  int saved;

  g_return_if_fail (ABM_IS_WORKSPACE (self));

  if (self->sync_source != NULL)
    {
      g_source_destroy (self->sync_source);
      g_clear_pointer (&self->sync_source, g_source_unref);
    }

  if (self->db != NULL)
    {
      /* A file that did not open stays as it was. */
      if (!self->read_only && self->loaded)
        {
          if (self->document != NULL)
            {
              g_autoptr(GError) error = NULL;

              /* The last chance: what fails stays pending in the working
               * copy, for the next open to write back or keep aside. */
              if (!abm_workspace_sync_document (self, &error))
                g_debug ("Could not write back %s: %s", self->path, error->message);
              sqlite3_commit_hook (self->db, NULL, NULL);
            }
          sqlite3_exec (self->db, "DELETE FROM meta WHERE key = 'lock_holder'", NULL, NULL, NULL);
          sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
        }
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      abm_file_guard_remove_user (self->file_key);

      if (self->read_only
          && abm_file_guard_lock (self->file_key, self->db_path, &saved) == ABM_FILE_LOCK_TAKEN)
        {
          tidy_sidecars (self->file_key, self->db_path);
          abm_file_guard_unlock (self->file_key);
        }
    }

  /* A working copy with nothing pending is removed while still locked. */
  if (self->document != NULL)
    {
      if (!abm_document_copy_get_pending (self->document))
        {
          abm_document_copy_discard (self->document);
          discarded = TRUE;
        }
      g_clear_object (&self->document);
    }

  if (self->holds_lock)
    {
      abm_file_guard_unlock (self->file_key);
      self->holds_lock = FALSE;
    }
  if (discarded)
    abm_file_guard_forget (self->file_key);
}

static void
abm_workspace_dispose (GObject *object)
{
  abm_workspace_close (ABM_WORKSPACE (object));

  G_OBJECT_CLASS (abm_workspace_parent_class)->dispose (object);
}

static void
abm_workspace_finalize (GObject *object)
{
  AbmWorkspace *self = ABM_WORKSPACE (object);

  g_clear_pointer (&self->by_domain, g_hash_table_unref);
  if (self->icp != NULL)
    g_signal_handlers_disconnect_by_data (self->icp, self);
  g_clear_object (&self->icp);
  g_clear_error (&self->icp_error);
  if (self->tier_rules != NULL)
    g_signal_handlers_disconnect_by_data (self->tier_rules, self);
  g_clear_object (&self->tier_rules);
  if (self->coverage_rules != NULL)
    g_signal_handlers_disconnect_by_data (self->coverage_rules, self);
  g_clear_object (&self->coverage_rules);
  g_clear_error (&self->tier_rules_error);
  g_clear_object (&self->clusters);
  g_clear_pointer (&self->committees, g_hash_table_unref);
  g_clear_pointer (&self->plans, abm_workspace_plans_free);
  g_clear_pointer (&self->engagement, abm_workspace_engagement_free);
  g_clear_object (&self->accounts);
  g_free (self->file_key);
  g_free (self->path);
  g_free (self->db_path);
  g_free (self->kept_aside);
  g_clear_pointer (&self->sync_context, g_main_context_unref);
  g_free (self->name);
  g_free (self->currency);

  G_OBJECT_CLASS (abm_workspace_parent_class)->finalize (object);
}

static void
abm_workspace_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AbmWorkspace *self = ABM_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_workspace_class_init (AbmWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = abm_workspace_dispose;
  object_class->finalize = abm_workspace_finalize;
  object_class->get_property = abm_workspace_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A workspace setting was stored; the detail is its key. */
  signals[SETTING_CHANGED] =
    g_signal_new ("setting-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A write-back after a commit (see abm_workspace_sync_document()) was
   * done, or failed with the GError given. */
  signals[DOCUMENT_SYNCED] =
    g_signal_new ("document-synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  abm_workspace_plans_class_init (object_class);
  abm_workspace_engagement_class_init (object_class);
}

static void
abm_workspace_init (AbmWorkspace *self)
{
  self->accounts = g_list_store_new (ABM_TYPE_ACCOUNT);
  self->by_domain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->icp = abm_icp_new ();
  self->tier_rules = abm_tier_rules_new ();
  self->coverage_rules = abm_coverage_rules_new ();
  g_signal_connect_swapped (self->coverage_rules, "changed", G_CALLBACK (coverage_rules_changed), self);
  self->clusters = g_list_store_new (ABM_TYPE_CLUSTER);
  self->committees = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, committee_free);
  self->plans = abm_workspace_plans_new ();
  self->engagement = abm_workspace_engagement_new ();
  g_signal_connect_swapped (self->tier_rules, "changed", G_CALLBACK (tier_rules_changed), self);
}

const char *
abm_workspace_get_path (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->path;
}

const char *
abm_workspace_get_name (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->name;
}

const char *
abm_workspace_get_currency (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->currency;
}

gboolean
abm_workspace_get_read_only (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), TRUE);
  return self->read_only;
}

int
abm_workspace_get_schema_version (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  return self->schema_version;
}

static gboolean
check_writable (AbmWorkspace  *self,
                GError       **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The workspace is closed"));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_READ_ONLY,
                           _("The workspace is open read-only"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_meta_property (AbmWorkspace  *self,
                   const char    *key,
                   const char    *value,
                   char         **field,
                   GParamSpec    *pspec,
                   GError       **error)
{
  if (!check_writable (self, error))
    return FALSE;
  if (g_strcmp0 (*field, value) == 0)
    return TRUE;
  if (!meta_set (self->db, key, value, error))
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

gboolean
abm_workspace_set_name (AbmWorkspace  *self,
                        const char    *name,
                        GError       **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (!check_name (trimmed, error))
    return FALSE;
  return set_meta_property (self, "name", trimmed, &self->name,
                            properties[PROP_NAME], error);
}

gboolean
abm_workspace_set_currency (AbmWorkspace  *self,
                            const char    *currency,
                            GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (!check_currency (currency, error))
    return FALSE;
  return set_meta_property (self, "currency", currency, &self->currency,
                            properties[PROP_CURRENCY], error);
}

static gboolean
setting_key_is_valid (const char *key)
{
  gsize len = key ? strlen (key) : 0;

  if (len == 0 || len > ABM_WORKSPACE_MAX_SETTING_KEY)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* A feature's settings (tier rules, the team, readiness answers) as the
 * JSON text it stored, or NULL. The feature checks what it reads: the
 * file may come from anyone. */
char *
abm_workspace_dup_setting (AbmWorkspace *self,
                           const char   *key)
{
  g_autofree char *meta_key = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (setting_key_is_valid (key), NULL);

  if (self->db == NULL)
    return NULL;
  meta_key = g_strconcat ("setting:", key, NULL);
  return meta_get (self->db, meta_key);
}

gboolean
abm_workspace_set_setting (AbmWorkspace  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  g_autofree char *meta_key = NULL;
  g_autofree char *old = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (setting_key_is_valid (key), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (strlen (value) > ABM_WORKSPACE_MAX_SETTING_SIZE || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("The setting is too large or not text"));
      return FALSE;
    }
  meta_key = g_strconcat ("setting:", key, NULL);
  old = meta_get (self->db, meta_key);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  if (!meta_set (self->db, meta_key, value, error))
    return FALSE;
  g_signal_emit (self, signals[SETTING_CHANGED], g_quark_from_string (key), key);
  return TRUE;
}

AbmIcp *
abm_workspace_get_icp (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->icp;
}

const GError *
abm_workspace_get_icp_error (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->icp_error;
}

GListModel *
abm_workspace_get_accounts (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->accounts);
}

static gboolean
find_position (AbmWorkspace *self,
               AbmAccount   *account,
               guint        *position)
{
  return g_list_store_find (self->accounts, account, position);
}

/* Matches a domain (normalised, so "https://www.acme.com" finds acme.com)
 * or else an exact name, ignoring case. */
AbmAccount *
abm_workspace_find_account (AbmWorkspace *self,
                            const char   *domain_or_name)
{
  g_autofree char *domain = NULL;
  g_autofree char *folded = NULL;
  AbmAccount *found;
  guint n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (domain_or_name != NULL, NULL);

  domain = abm_normalize_domain (domain_or_name, NULL);
  if (domain != NULL && (found = g_hash_table_lookup (self->by_domain, domain)) != NULL)
    return found;

  folded = g_utf8_casefold (domain_or_name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      g_autofree char *name = g_utf8_casefold (abm_account_get_name (account), -1);

      if (g_strcmp0 (name, folded) == 0)
        return account;
    }
  return NULL;
}

/* @domain as stored: already normalised. */
AbmAccount *
abm_workspace_find_account_by_domain (AbmWorkspace *self,
                                      const char   *domain)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (domain != NULL, NULL);
  return g_hash_table_lookup (self->by_domain, domain);
}

static gboolean
check_domain_free (AbmWorkspace  *self,
                   AbmAccount    *account,
                   const char    *domain,
                   GError       **error)
{
  AbmAccount *other;

  if (domain == NULL)
    return TRUE;
  other = g_hash_table_lookup (self->by_domain, domain);
  if (other != NULL && other != account)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE,
                   _("%s is already the domain of “%s”"),
                   domain, abm_account_get_name (other));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_account (AbmWorkspace  *self,
                AbmAccount    *account,
                gboolean       keep_id,
                GError       **error)
{
  g_autofree char *columns = g_strjoinv (", ", (char **) account_columns);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *next_text = NULL;
  gint64 id = abm_account_get_id (account);
  gint64 next = 0;
  int rc;

  g_string_printf (sql, "INSERT INTO accounts (%s, id) VALUES (", columns);
  for (guint i = 1; i <= ACCOUNT_N_COLUMNS + 1; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (sql, ')');
  stmt = prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  /* Ids are never handed out twice, so an id in the undo log (and, later,
   * anything that refers to an account) can never name a newer account. */
  if (!keep_id)
    {
      if (!query_int (self->db,
                      "SELECT max (coalesce ((SELECT CAST (value AS INTEGER) FROM meta "
                      "                       WHERE key = 'next_account_id'), 1),"
                      "            coalesce ((SELECT max (id) FROM accounts), 0) + 1)",
                      &id, error))
        return FALSE;
      next = id + 1;
    }
  bind_account (stmt, account);
  sqlite3_bind_int64 (stmt, ACCOUNT_N_COLUMNS + 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not add the account"));

  if (next > 0)
    {
      next_text = g_strdup_printf ("%" G_GINT64_FORMAT, next);
      if (!meta_set (self->db, "next_account_id", next_text, error))
        return FALSE;
    }

  abm_account_set_id (account, id);
  return TRUE;
}

gboolean
abm_workspace_add_account (AbmWorkspace  *self,
                           AbmAccount    *account,
                           GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (abm_account_get_id (account) == 0, FALSE);

  if (!check_writable (self, error)
      || !abm_account_validate (account, error)
      || !check_domain_free (self, account, abm_account_get_domain (account), error))
    return FALSE;

  if (!begin (self->db, error))
    return FALSE;
  if (!insert_account (self, account, FALSE, error))
    {
      abm_account_set_id (account, 0);
      return rollback (self->db);
    }
  if (!commit (self->db, error))
    {
      abm_account_set_id (account, 0);
      return FALSE;
    }

  index_account (self, account);
  score (self, account);
  g_list_store_append (self->accounts, account);
  return TRUE;
}

static gboolean
accounts_equal (AbmAccount *a,
                AbmAccount *b)
{
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      g_autofree char *x = abm_account_dup_field_text (a, i);
      g_autofree char *y = abm_account_dup_field_text (b, i);

      if (g_strcmp0 (x, y) != 0)
        return FALSE;
    }
  return abm_account_get_tier_locked (a) == abm_account_get_tier_locked (b)
         && abm_account_get_cluster_id (a) == abm_account_get_cluster_id (b)
         && g_strv_equal (abm_account_get_custom_pairs (a) ? abm_account_get_custom_pairs (a) : (const char *const[]) { NULL },
                          abm_account_get_custom_pairs (b) ? abm_account_get_custom_pairs (b) : (const char *const[]) { NULL });
}

/* Adds many new accounts in one transaction, all or none: the sample
 * generator. Domains must be unique among them and new to the workspace. */
gboolean
abm_workspace_add_accounts (AbmWorkspace  *self,
                            GPtrArray     *accounts,
                            GError       **error)
{
  return abm_workspace_apply_import (self, accounts, NULL, NULL, error);
}

static char *
update_sql (void)
{
  GString *sql = g_string_new ("UPDATE accounts SET ");

  for (guint i = 0; i < ACCOUNT_N_COLUMNS; i++)
    g_string_append_printf (sql, "%s = ?%u, ", account_columns[i], i + 1);
  g_string_append_printf (sql, "modified = strftime ('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') "
                               "WHERE id = ?%u", ACCOUNT_N_COLUMNS + 1);
  return g_string_free (sql, FALSE);
}

static gboolean apply_import (AbmWorkspace  *self,
                              GPtrArray     *added,
                              GPtrArray     *changed,
                              GPtrArray     *changes,
                              GError       **error);

/* An import in one transaction, all or none: @added are new accounts (not
 * yet stored), and each account in @changed takes the values of the
 * account at the same index in @changes. Domains stay unique.
 *
 * The write-ahead log writes every page twice: once into the log and once
 * when it is checkpointed into the file. A big import therefore runs with
 * a rollback journal instead (which keeps only the pages it overwrites,
 * none of those appended) and fully synchronous, then returns to the log.
 * When another connection has the file open the switch is refused and the
 * import simply runs in the log. */
gboolean
abm_workspace_apply_import (AbmWorkspace  *self,
                            GPtrArray     *added,
                            GPtrArray     *changed,
                            GPtrArray     *changes,
                            GError       **error)
{
  guint n = (added ? added->len : 0) + (changed ? changed->len : 0);
  gboolean bulk = FALSE;
  gboolean ok;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (n >= BULK_ROWS && !self->read_only)
    {
      bulk = set_journal_mode (self->db, "delete");
      if (bulk)
        exec (self->db, "PRAGMA synchronous = FULL", NULL);
    }
  ok = apply_import (self, added, changed, changes, error);
  if (bulk)
    {
      exec (self->db, "PRAGMA synchronous = NORMAL", NULL);
      if (!set_journal_mode (self->db, "wal"))
        g_warning ("Could not return %s to the write-ahead log", self->path);
    }
  return ok;
}

static gboolean
apply_import (AbmWorkspace  *self,
              GPtrArray     *added,
              GPtrArray     *changed,
              GPtrArray     *changes,
              GError       **error)
{
  g_autoptr(GHashTable) domains = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *columns = g_strjoinv (", ", (char **) account_columns);
  g_autofree char *update = update_sql ();
  g_autoptr(GString) insert = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) insert_stmt = NULL;
  g_autoptr(sqlite3_stmt) update_stmt = NULL;
  g_autofree char *next_text = NULL;
  guint n_added = added ? added->len : 0;
  guint n_changed = changed ? changed->len : 0;
  gboolean rebuild_index = n_added >= BULK_ROWS && self->schema_version >= 7;
  gint64 id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail ((changed == NULL) == (changes == NULL), FALSE);
  g_return_val_if_fail (changed == NULL || changed->len == changes->len, FALSE);

  if (!check_writable (self, error))
    return FALSE;

  /* A changed account keeps or gives up its domain; a new one needs a free
   * one. Changed accounts are checked first so a swap within the import is
   * judged on the final state. */
  for (guint i = 0; i < n_changed; i++)
    {
      AbmAccount *values = changes->pdata[i];
      const char *domain = abm_account_get_domain (values);

      if (!abm_account_validate (values, error))
        return FALSE;
      if (domain != NULL && !g_hash_table_add (domains, (gpointer) domain))
        {
          g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE,
                       _("%s appears twice among the imported accounts"), domain);
          return FALSE;
        }
      if (!check_domain_free (self, changed->pdata[i], domain, error))
        return FALSE;
    }
  for (guint i = 0; i < n_added; i++)
    {
      AbmAccount *account = added->pdata[i];
      const char *domain = abm_account_get_domain (account);

      g_return_val_if_fail (abm_account_get_id (account) == 0, FALSE);
      if (!abm_account_validate (account, error))
        return FALSE;
      if (domain == NULL)
        continue;
      if (!g_hash_table_add (domains, (gpointer) domain))
        {
          g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DUPLICATE,
                       _("%s appears twice among the new accounts"), domain);
          return FALSE;
        }
      if (!check_domain_free (self, NULL, domain, error))
        return FALSE;
    }

  /* One timestamp for the whole import, bound once: computing SQLite's
   * column default per row is a tenth of the insert's time. */
  g_string_printf (insert, "INSERT INTO accounts (%s, id, created, modified) VALUES (", columns);
  for (guint i = 1; i <= ACCOUNT_N_COLUMNS + 1; i++)
    g_string_append_printf (insert, "?%u, ", i);
  g_string_append_printf (insert, "?%u, ?%u)", ACCOUNT_N_COLUMNS + 2, ACCOUNT_N_COLUMNS + 2);

  if (!begin (self->db, error))
    return FALSE;
  /* Many new accounts: their domains are checked unique above, and the
   * index is built again from sorted keys at the end, in this transaction
   * (so a failure puts the old index back). */
  if (rebuild_index && !exec (self->db, "DROP INDEX accounts_domain", error))
    return rollback (self->db);
  if (!query_int (self->db,
                  "SELECT max (coalesce ((SELECT CAST (value AS INTEGER) FROM meta "
                  "                       WHERE key = 'next_account_id'), 1),"
                  "            coalesce ((SELECT max (id) FROM accounts), 0) + 1)",
                  &id, error)
      || (insert_stmt = prepare (self->db, insert->str, error)) == NULL
      || (update_stmt = prepare (self->db, update, error)) == NULL)
    return rollback (self->db);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

    sqlite3_bind_text (insert_stmt, ACCOUNT_N_COLUMNS + 2, stamp, -1, SQLITE_TRANSIENT);
  }

  for (guint i = 0; i < n_changed; i++)
    {
      int rc;

      bind_account (update_stmt, changes->pdata[i]);
      sqlite3_bind_int64 (update_stmt, ACCOUNT_N_COLUMNS + 1,
                          abm_account_get_id (changed->pdata[i]));
      rc = sqlite3_step (update_stmt);
      sqlite3_reset (update_stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not update the accounts"));
          return rollback (self->db);
        }
    }

  for (guint i = 0; i < n_added; i++)
    {
      int rc;

      bind_account (insert_stmt, added->pdata[i]);
      sqlite3_bind_int64 (insert_stmt, ACCOUNT_N_COLUMNS + 1, id + i);
      rc = sqlite3_step (insert_stmt);
      sqlite3_reset (insert_stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not add the accounts"));
          return rollback (self->db);
        }
    }

  g_clear_pointer (&insert_stmt, sqlite3_finalize);
  g_clear_pointer (&update_stmt, sqlite3_finalize);
  if (rebuild_index && !exec (self->db, "CREATE UNIQUE INDEX accounts_domain ON accounts (domain)", error))
    return rollback (self->db);
  next_text = g_strdup_printf ("%" G_GINT64_FORMAT, id + n_added);
  if (!meta_set (self->db, "next_account_id", next_text, error)
      || !commit (self->db, error))
    return rollback (self->db);

  for (guint i = 0; i < n_changed; i++)
    {
      AbmAccount *account = changed->pdata[i];
      guint position;

      unindex_account (self, account);
      abm_account_assign (account, changes->pdata[i]);
      index_account (self, account);
      score (self, account);
      if (find_position (self, account, &position))
        g_list_model_items_changed (G_LIST_MODEL (self->accounts), position, 1, 1);
    }
  for (guint i = 0; i < n_added; i++)
    {
      abm_account_set_id (added->pdata[i], id + i);
      index_account (self, added->pdata[i]);
      score (self, added->pdata[i]);
    }
  if (n_added > 0)
    g_list_store_splice (self->accounts,
                         g_list_model_get_n_items (G_LIST_MODEL (self->accounts)), 0,
                         added->pdata, n_added);
  return TRUE;
}

static int
compare_collated (const char **a,
                  const char **b)
{
  return g_utf8_collate (*a, *b);
}

/* The names of the custom fields the accounts hold, sorted: what the
 * profile can score on. */
GStrv
abm_workspace_dup_custom_fields (AbmWorkspace *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **keys = NULL;
  guint n, n_keys;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    {
      AbmAccount *account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      const char *const *pairs = abm_account_get_custom_pairs (account);

      /* The store holds a reference, and pairs live as long as it. */
      g_object_unref (account);
      for (guint j = 0; pairs != NULL && pairs[j] != NULL; j += 2)
        g_hash_table_add (seen, (gpointer) pairs[j]);
    }
  keys = (const char **) g_hash_table_get_keys_as_array (seen, &n_keys);
  qsort (keys, n_keys, sizeof (char *), (GCompareFunc) compare_collated);
  for (guint i = 0; i < n_keys; i++)
    g_strv_builder_add (builder, keys[i]);
  return g_strv_builder_end (builder);
}

gboolean
abm_workspace_update_account (AbmWorkspace  *self,
                              AbmAccount    *account,
                              AbmAccount    *values,
                              GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint position;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (values), FALSE);

  if (!check_writable (self, error)
      || !abm_account_validate (values, error)
      || !check_domain_free (self, account, abm_account_get_domain (values), error))
    return FALSE;
  if (!find_position (self, account, &position))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The account is no longer in the workspace"));
      return FALSE;
    }
  if (accounts_equal (account, values))
    return TRUE;

  sql = update_sql ();
  stmt = prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_account (stmt, values);
  sqlite3_bind_int64 (stmt, ACCOUNT_N_COLUMNS + 1, abm_account_get_id (account));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not save the account"));

  unindex_account (self, account);
  abm_account_assign (account, values);
  index_account (self, account);
  score (self, account);

  /* Sorted and filtered views only look again on items-changed. */
  g_list_model_items_changed (G_LIST_MODEL (self->accounts), position, 1, 1);

  return TRUE;
}

gboolean
abm_workspace_set_account_field (AbmWorkspace     *self,
                                 AbmAccount       *account,
                                 AbmAccountField   field,
                                 const char       *text,
                                 GError          **error)
{
  g_autoptr(AbmAccount) values = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), FALSE);

  values = abm_account_copy (account);
  if (!abm_account_set_field_text (values, field, text, error))
    return FALSE;
  return abm_workspace_update_account (self, account, values, error);
}

/* Sets (or, with an empty value, removes) one custom field. */
gboolean
abm_workspace_set_account_custom (AbmWorkspace  *self,
                                  AbmAccount    *account,
                                  const char    *key,
                                  const char    *value,
                                  GError       **error)
{
  g_autoptr(AbmAccount) values = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), FALSE);

  values = abm_account_copy (account);
  if (!abm_account_set_custom (values, key, value, error))
    return FALSE;
  return abm_workspace_update_account (self, account, values, error);
}

gint64
abm_workspace_delete_account (AbmWorkspace  *self,
                              AbmAccount    *account,
                              GError       **error)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(sqlite3_stmt) log_stmt = NULL;
  g_autoptr(sqlite3_stmt) delete_stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *description = NULL;
  gint64 undo_id;
  guint position;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), 0);

  if (!check_writable (self, error))
    return 0;
  if (!find_position (self, account, &position))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The account is no longer in the workspace"));
      return 0;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "delete-account");
  json_builder_set_member_name (builder, "account");
  json_builder_add_value (builder, abm_account_to_json (account));
  /* The committee goes with the account (ON DELETE CASCADE) and comes
   * back with it. */
  json_builder_set_member_name (builder, "committee");
  json_builder_add_value (builder, committee_to_json (self, account));
  json_builder_set_member_name (builder, "plans");
  json_builder_add_value (builder, abm_workspace_plans_to_json (self, account));
  json_builder_set_member_name (builder, "engagement");
  json_builder_add_value (builder, abm_workspace_engagement_to_json (self, account));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  json = json_to_string (payload, FALSE);
  description = g_strdup_printf (_("Delete “%s”"), abm_account_get_name (account));

  if (!begin (self->db, error))
    return 0;

  log_stmt = prepare (self->db, "INSERT INTO undo_log (description, payload) VALUES (?, ?)", error);
  if (log_stmt == NULL)
    return rollback (self->db);
  sqlite3_bind_text (log_stmt, 1, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (log_stmt, 2, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (log_stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not delete the account"));
      return rollback (self->db);
    }
  undo_id = sqlite3_last_insert_rowid (self->db);

  delete_stmt = prepare (self->db, "DELETE FROM accounts WHERE id = ?", error);
  if (delete_stmt == NULL)
    return rollback (self->db);
  sqlite3_bind_int64 (delete_stmt, 1, abm_account_get_id (account));
  rc = sqlite3_step (delete_stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not delete the account"));
      return rollback (self->db);
    }

  if (!commit (self->db, error))
    return 0;

  unindex_account (self, account);
  {
    gint64 id = abm_account_get_id (account);
    g_hash_table_remove (self->committees, &id);
    abm_workspace_plans_forget (self, id, 0);
    abm_workspace_engagement_account_gone (self, id);
  }
  g_list_store_remove (self->accounts, position);
  return undo_id;
}

static gboolean
forget_undo (AbmWorkspace  *self,
             gint64         undo_id,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, "DELETE FROM undo_log WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, undo_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not undo"));
  return TRUE;
}

gboolean
abm_workspace_undo (AbmWorkspace  *self,
                    gint64         undo_id,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(AbmAccount) account = NULL;
  JsonObject *root;
  const char *kind;
  const char *payload;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;

  stmt = prepare (self->db, "SELECT payload FROM undo_log WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, undo_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("There is nothing to undo"));
      return FALSE;
    }

  /* The log is in the file, so it is read like any input. */
  payload = (const char *) sqlite3_column_text (stmt, 0);
  if (payload == NULL
      || !abm_json_depth_ok (payload, strlen (payload), MAX_UNDO_DEPTH)
      || !json_parser_load_from_data (parser, payload, -1, NULL)
      || json_parser_get_root (parser) == NULL
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                           _("The undo record is damaged"));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  root = json_node_get_object (json_parser_get_root (parser));
  kind = json_object_get_string_member_with_default (root, "kind", "");

  if (g_strcmp0 (kind, "delete-stakeholder") == 0)
    {
      if (!begin (self->db, error))
        return FALSE;
      if (!undo_stakeholder (self, root, error) || !forget_undo (self, undo_id, error))
        {
          rollback (self->db);
          /* What undo_stakeholder() put in memory is read again. */
          {
            gint64 account_id = json_object_get_int_member_with_default (root, "account-id", 0);
            g_hash_table_remove (self->committees, &account_id);
          }
          return FALSE;
        }
      return commit (self->db, error);
    }
  if (abm_workspace_plans_handles_undo (kind))
    return abm_workspace_plans_undo (self, root, undo_id, error);
  if (abm_workspace_engagement_handles_undo (kind))
    return abm_workspace_engagement_undo (self, root, undo_id, error);
  if (g_strcmp0 (kind, "delete-account") != 0)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                           _("The undo record is damaged"));
      return FALSE;
    }

  account = abm_account_new_from_json (json_object_get_member (root, "account"), error);
  if (account == NULL)
    return FALSE;
  if (!check_domain_free (self, NULL, abm_account_get_domain (account), error))
    return FALSE;
  /* Its cluster may have been deleted since. */
  if (abm_account_get_cluster_id (account) != 0
      && abm_workspace_find_cluster (self, abm_account_get_cluster_id (account)) == NULL)
    abm_account_set_cluster_id (account, 0);

  if (!begin (self->db, error))
    return FALSE;
  if (!insert_account (self, account, TRUE, error)
      || !restore_committee (self, root, error)
      || !abm_workspace_plans_restore (self, root, error)
      || !abm_workspace_engagement_restore (self, root, error)
      || !forget_undo (self, undo_id, error))
    return rollback (self->db);
  if (!commit (self->db, error))
    return FALSE;

  /* Back where it was: the list is in id order, as after a reopen. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
    guint position = n;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AbmAccount) other = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

        if (abm_account_get_id (other) > abm_account_get_id (account))
          {
            position = i;
            break;
          }
      }
    index_account (self, account);
    score (self, account);
    g_list_store_insert (self->accounts, position, account);
  }
  return TRUE;
}

/* Writes a consistent snapshot of @db into the empty file @path with
 * SQLite's backup API; the copy is nobody's open file, so it does not name
 * us as its writer. Unless @durable, nothing waits for the disk: the file
 * is private and copied on (abm_document_replace() flushes that copy). */
static gboolean
backup_to (sqlite3     *db,
           const char  *path,
           gboolean     durable,
           GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest, rc, _("Could not save a copy"));
      goto out;
    }
  if (!durable && !exec (dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", error))
    goto out;

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, dest, sqlite3_errcode (dest), _("Could not save a copy"));
      goto out;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dest, rc, _("Could not save a copy"));
      goto out;
    }

  ok = exec (dest, "DELETE FROM meta WHERE key = 'lock_holder'", error);

out:
  sqlite3_close_v2 (dest);
  return ok;
}

/* Writes a consistent snapshot to @path with SQLite's backup API, into a
 * temporary file beside it that replaces @path only when complete. */
gboolean
abm_workspace_save_copy (AbmWorkspace  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *old_key = NULL;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->db == NULL)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The workspace is closed"));
      return FALSE;
    }

  canonical = g_canonicalize_filename (path, NULL);
  if (g_strcmp0 (canonical, self->path) == 0)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("A copy cannot replace the workspace it is a copy of"));
      return FALSE;
    }

  tmp = new_temp_for (canonical, ".abm-planner-copy-XXXXXX", error);
  if (tmp == NULL)
    return FALSE;
  if (!backup_to (self->db, tmp, !abm_document_is_portal_path (canonical), error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (abm_document_is_portal_path (canonical))
    return place_in_portal (canonical, tmp, TRUE, error);

  /* Never replace a workspace someone has open, nor let a crashed
   * session's log be replayed onto the copy. */
  if (!clear_target (canonical, &old_key, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  rc = g_rename (tmp, canonical);
  if (old_key != NULL)
    abm_file_guard_unlock (old_key);
  if (rc != 0)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("Could not save a copy as “%s”: %s"), canonical, g_strerror (errno));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/* Files in portal folders */

/* Inside every commit on a working copy's connection, before the commit
 * is durable, so that the pending flag never lags behind the data; unlike
 * a WAL hook it also runs for the big imports that use a rollback journal
 * (BULK_ROWS). The write-back waits for the main loop: the handler that
 * made the change may commit more than once. */
static int
commit_hook (void *data)
{
  AbmWorkspace *self = data;

  if (!abm_document_copy_get_pending (self->document))
    {
      g_autoptr(GError) error = NULL;

      /* The write-back below still runs; only a crash before it would
       * not know of this change. */
      if (!abm_document_copy_set_pending (self->document, TRUE, &error))
        g_debug ("%s", error->message);
    }
  if (self->sync_source == NULL)
    {
      self->sync_source = g_idle_source_new ();
      g_source_set_priority (self->sync_source, G_PRIORITY_DEFAULT_IDLE);
      g_source_set_callback (self->sync_source, sync_idle, self, NULL);
      g_source_set_static_name (self->sync_source, "[abm-planner] write back");
      g_source_attach (self->sync_source, self->sync_context);
    }
  return 0;
}

static gboolean
sync_idle (gpointer data)
{
  AbmWorkspace *self = data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->sync_source, g_source_unref);
  /* A transaction still open calls for another write-back when it commits. */
  if (self->db == NULL || !sqlite3_get_autocommit (self->db))
    return G_SOURCE_REMOVE;
  abm_workspace_sync_document (self, &error);
  g_signal_emit (self, signals[DOCUMENT_SYNCED], 0, error);
  return G_SOURCE_REMOVE;
}

/* A snapshot of the working copy goes to a private file with the backup
 * API, and from there over the original in one rename. */
gboolean
abm_workspace_sync_document (AbmWorkspace  *self,
                             GError       **error)
{
  g_autofree char *snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (self->document == NULL || self->read_only
      || !abm_document_copy_get_pending (self->document))
    return TRUE;
  if (self->db == NULL || !sqlite3_get_autocommit (self->db))
    {
      g_autofree char *shown = display_name (self->path);

      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                   _("“%s” cannot be saved while a change to it is being made"), shown);
      return FALSE;
    }

  snapshot = abm_document_new_temp (error);
  if (snapshot == NULL)
    return FALSE;
  ok = backup_to (self->db, snapshot, FALSE, error)
       && abm_document_copy_write_back (self->document, snapshot, error);
  g_unlink (snapshot);
  return ok;
}

const char *
abm_workspace_get_working_copy (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->document != NULL ? self->db_path : NULL;
}

gboolean
abm_workspace_get_recovered (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  return self->recovered;
}

const char *
abm_workspace_get_kept_aside (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->kept_aside;
}

gboolean
abm_workspace_check_integrity (AbmWorkspace  *self,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  gint64 fk_problems = 0;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  stmt = prepare (self->db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("The workspace is damaged"));

  if (!query_int (self->db, "SELECT count(*) FROM pragma_foreign_key_check", &fk_problems, error))
    return FALSE;
  if (fk_problems > 0)
    g_string_append_printf (problems, "%s%" G_GINT64_FORMAT " broken references",
                            problems->len ? "; " : "", fk_problems);

  if (problems->len > 0)
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_DAMAGED,
                   _("The workspace is damaged: %s"), problems->str);
      return FALSE;
    }
  return TRUE;
}

/* Tiering */

AbmTierRules *
abm_workspace_get_tier_rules (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->tier_rules;
}

const GError *
abm_workspace_get_tier_rules_error (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->tier_rules_error;
}

static void
tier_rules_changed (AbmWorkspace *self)
{
  g_autofree char *json = abm_tier_rules_to_json (self->tier_rules);

  g_clear_error (&self->tier_rules_error);
  if (self->db != NULL && !self->read_only)
    abm_workspace_set_setting (self, "tier-rules", json, &self->tier_rules_error);
}

/* Rules that do not read keep their defaults, as with the profile. */
static void
load_tiering (AbmWorkspace *self)
{
  g_autofree char *json = abm_workspace_dup_setting (self, "tier-rules");

  if (json != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AbmTierRules) stored = abm_tier_rules_new_from_json (json, &error);

      g_signal_handlers_block_by_func (self->tier_rules, tier_rules_changed, self);
      if (stored != NULL)
        abm_tier_rules_assign (self->tier_rules, stored);
      else
        g_debug ("Ignoring the stored tier rules: %s", error->message);
      g_signal_handlers_unblock_by_func (self->tier_rules, tier_rules_changed, self);
    }

  {
    g_autofree char *coverage = abm_workspace_dup_setting (self, "coverage");
    g_autoptr(AbmCoverageRules) stored = coverage ? abm_coverage_rules_new_from_json (coverage, NULL) : NULL;

    if (stored != NULL)
      {
        g_signal_handlers_block_by_func (self->coverage_rules, coverage_rules_changed, self);
        abm_coverage_rules_assign (self->coverage_rules, stored);
        g_signal_handlers_unblock_by_func (self->coverage_rules, coverage_rules_changed, self);
      }
  }

  if (self->schema_version >= 5)
    {
      g_autoptr(sqlite3_stmt) stmt =
        prepare (self->db, "SELECT id, name, note FROM clusters WHERE id > 0 ORDER BY id", NULL);

      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 1);
          const char *note = (const char *) sqlite3_column_text (stmt, 2);
          g_autoptr(AbmCluster) cluster = NULL;

          /* A stranger's name is shown, so it must be text. */
          if (name == NULL || !g_utf8_validate (name, -1, NULL))
            name = "?";
          if (note != NULL && !g_utf8_validate (note, -1, NULL))
            note = NULL;
          cluster = abm_cluster_new (sqlite3_column_int64 (stmt, 0), name, note);
          g_list_store_append (self->clusters, cluster);
        }
    }
}

static gboolean
update_tiers (AbmWorkspace  *self,
              GPtrArray     *accounts,
              const guint8  *tiers,
              const gint8   *locks,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!begin (self->db, error))
    return FALSE;
  stmt = prepare (self->db,
                  "UPDATE accounts SET tier = ?1, tier_locked = ?2, "
                  "modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?3", error);
  if (stmt == NULL)
    return rollback (self->db);
  for (guint i = 0; i < accounts->len; i++)
    {
      AbmAccount *account = accounts->pdata[i];
      gboolean locked = locks && locks[i] >= 0 ? locks[i] : abm_account_get_tier_locked (account);
      int rc;

      if (tiers[i] == 0)
        sqlite3_bind_null (stmt, 1);
      else
        sqlite3_bind_int (stmt, 1, tiers[i]);
      sqlite3_bind_int (stmt, 2, locked ? 1 : 0);
      sqlite3_bind_int64 (stmt, 3, abm_account_get_id (account));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not store the tiers"));
          return rollback (self->db);
        }
    }
  if (!commit (self->db, error))
    return FALSE;

  for (guint i = 0; i < accounts->len; i++)
    {
      char text[4];

      g_snprintf (text, sizeof text, "%u", tiers[i]);
      abm_account_set_field_text (accounts->pdata[i], ABM_ACCOUNT_FIELD_TIER, text, NULL);
      if (locks && locks[i] >= 0)
        abm_account_set_tier_locked (accounts->pdata[i], locks[i]);
    }
  return TRUE;
}

gboolean
abm_workspace_apply_tier_plan (AbmWorkspace  *self,
                               AbmTierPlan   *plan,
                               guint         *n_changed,
                               GError       **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
  g_autoptr(GByteArray) tiers = g_byte_array_new ();
  g_autoptr(GHashTable) here = g_hash_table_new (NULL, NULL);
  guint n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;
  if (!check_writable (self, error))
    return FALSE;

  /* Only what changes, and only accounts still here (the plan may be
   * older than a delete). */
  {
    guint n_here = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

    for (guint i = 0; i < n_here; i++)
      {
        AbmAccount *account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

        g_hash_table_add (here, account);
        g_object_unref (account);
      }
  }
  n = abm_tier_plan_get_n_accounts (plan);
  for (guint i = 0; i < n; i++)
    {
      AbmAccount *account = abm_tier_plan_get_account (plan, i);
      guint8 tier = (guint8) abm_tier_plan_get_tier (plan, i);

      if (tier == abm_account_get_tier (account) || !g_hash_table_contains (here, account))
        continue;
      g_ptr_array_add (accounts, account);
      g_byte_array_append (tiers, &tier, 1);
    }
  if (accounts->len == 0)
    return TRUE;
  if (!update_tiers (self, accounts, tiers->data, NULL, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = accounts->len;

  /* Filters and sorts by tier look again. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  g_list_model_items_changed (G_LIST_MODEL (self->accounts), 0, n, n);
  return TRUE;
}

/* Gives each account of @accounts the tier at the same index of @tiers,
 * in one transaction: how Suggest Tiers is undone. Accounts no longer in
 * the workspace are passed over. */
gboolean
abm_workspace_set_tiers (AbmWorkspace  *self,
                         GPtrArray     *accounts,
                         GBytes        *tiers,
                         GError       **error)
{
  g_autoptr(GPtrArray) here = g_ptr_array_new ();
  g_autoptr(GByteArray) kept = g_byte_array_new ();
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  const guint8 *data;
  gsize n_tiers;
  guint n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (accounts != NULL && tiers != NULL, FALSE);
  data = g_bytes_get_data (tiers, &n_tiers);
  g_return_val_if_fail (n_tiers == accounts->len, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n; i++)
    {
      AbmAccount *account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      g_hash_table_add (present, account);
      g_object_unref (account);
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      if (!g_hash_table_contains (present, accounts->pdata[i]) || data[i] > 3)
        continue;
      g_ptr_array_add (here, accounts->pdata[i]);
      g_byte_array_append (kept, &data[i], 1);
    }
  if (here->len == 0)
    return TRUE;
  if (!update_tiers (self, here, kept->data, NULL, error))
    return FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self->accounts), 0, n, n);
  return TRUE;
}

gboolean
abm_workspace_set_account_tier (AbmWorkspace  *self,
                                AbmAccount    *account,
                                guint          tier,
                                gboolean       locked,
                                GError       **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new ();
  guint8 tiers[1] = { (guint8) tier };
  gint8 locks[1] = { locked ? 1 : 0 };
  guint position;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (tier <= 3, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!find_position (self, account, &position))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The account is no longer in the workspace"));
      return FALSE;
    }
  if (abm_account_get_tier (account) == tier && abm_account_get_tier_locked (account) == !!locked)
    return TRUE;
  g_ptr_array_add (accounts, account);
  if (!update_tiers (self, accounts, tiers, locks, error))
    return FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self->accounts), position, 1, 1);
  return TRUE;
}

/* Clusters */

GListModel *
abm_workspace_get_clusters (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return G_LIST_MODEL (self->clusters);
}

AbmCluster *
abm_workspace_find_cluster (AbmWorkspace *self,
                            gint64        id)
{
  guint n;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->clusters));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (G_LIST_MODEL (self->clusters), i);

      if (abm_cluster_get_id (cluster) == id)
        return cluster;  /* the store keeps it */
    }
  return NULL;
}

static gboolean
check_text (const char  *text,
            gsize        max,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  if ((required && (text == NULL || *text == '\0'))
      || (text != NULL && (strlen (text) > max || !g_utf8_validate (text, -1, NULL))))
    {
      g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                   required ? _("The %s needs 1 to %u bytes of text") : _("The %s is longer than %u bytes"),
                   what, (guint) max);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_cluster (AbmWorkspace  *self,
                const char    *name,
                const char    *note,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self->db, "INSERT INTO clusters (name, note, created) "
                       "VALUES (?1, ?2, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))", error);
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 2, note, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not add the cluster"));
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

AbmCluster *
abm_workspace_add_cluster (AbmWorkspace  *self,
                           const char    *name,
                           const char    *note,
                           GError       **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(AbmCluster) cluster = NULL;
  gint64 id;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  trimmed = name ? g_strstrip (g_strdup (name)) : NULL;
  if (!check_writable (self, error)
      || !check_text (trimmed, ABM_CLUSTER_MAX_NAME, TRUE, _("cluster name"), error)
      || !check_text (note, ABM_CLUSTER_MAX_NOTE, FALSE, _("cluster note"), error))
    return NULL;

  id = insert_cluster (self, trimmed, note, error);
  if (id == 0)
    return NULL;
  cluster = abm_cluster_new (id, trimmed, note);
  g_list_store_append (self->clusters, cluster);
  return cluster;
}

gboolean
abm_workspace_update_cluster (AbmWorkspace  *self,
                              AbmCluster    *cluster,
                              const char    *name,
                              const char    *note,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_CLUSTER (cluster), FALSE);

  trimmed = name ? g_strstrip (g_strdup (name)) : NULL;
  if (!check_writable (self, error)
      || !check_text (trimmed, ABM_CLUSTER_MAX_NAME, TRUE, _("cluster name"), error)
      || !check_text (note, ABM_CLUSTER_MAX_NOTE, FALSE, _("cluster note"), error))
    return FALSE;

  stmt = prepare (self->db, "UPDATE clusters SET name = ?1, note = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 2, note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, abm_cluster_get_id (cluster));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not save the cluster"));
  abm_cluster_set_name (cluster, trimmed);
  abm_cluster_set_note (cluster, note && *note ? note : NULL);
  return TRUE;
}

gboolean
abm_workspace_delete_cluster (AbmWorkspace  *self,
                              AbmCluster    *cluster,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  guint position;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_CLUSTER (cluster), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (!g_list_store_find (self->clusters, cluster, &position))
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The cluster is no longer in the workspace"));
      return FALSE;
    }
  id = abm_cluster_get_id (cluster);
  /* The accounts' references go with it (ON DELETE SET NULL). */
  stmt = prepare (self->db, "DELETE FROM clusters WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not delete the cluster"));
  /* Its plan and plays went with it (ON DELETE CASCADE). */
  abm_workspace_plans_forget (self, 0, id);

  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AbmAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

        if (abm_account_get_cluster_id (account) == id)
          abm_account_set_cluster_id (account, 0);
      }
  }
  g_list_store_remove (self->clusters, position);
  return TRUE;
}

static gboolean
store_accounts_cluster (AbmWorkspace  *self,
                        GPtrArray     *accounts,
                        gint64         cluster_id,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self->db, "UPDATE accounts SET cluster_id = ?1, "
                       "modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      int rc;

      if (cluster_id > 0)
        sqlite3_bind_int64 (stmt, 1, cluster_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, abm_account_get_id (accounts->pdata[i]));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("Could not move the accounts"));
    }
  return TRUE;
}

gboolean
abm_workspace_set_accounts_cluster (AbmWorkspace  *self,
                                    GPtrArray     *accounts,
                                    gint64         cluster_id,
                                    GError       **error)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (accounts != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (cluster_id != 0 && abm_workspace_find_cluster (self, cluster_id) == NULL)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The cluster is no longer in the workspace"));
      return FALSE;
    }
  if (!begin (self->db, error))
    return FALSE;
  if (!store_accounts_cluster (self, accounts, cluster_id, error))
    return rollback (self->db);
  if (!commit (self->db, error))
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    abm_account_set_cluster_id (accounts->pdata[i], cluster_id);
  return TRUE;
}

gboolean
abm_workspace_add_cluster_proposals (AbmWorkspace  *self,
                                     GPtrArray     *proposals,
                                     GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (proposals != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  for (guint i = 0; i < proposals->len; i++)
    {
      AbmClusterProposal *proposal = proposals->pdata[i];

      if (!check_text (proposal->name, ABM_CLUSTER_MAX_NAME, TRUE, _("cluster name"), error)
          || !check_text (proposal->note, ABM_CLUSTER_MAX_NOTE, FALSE, _("cluster note"), error))
        return FALSE;
    }

  if (!begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < proposals->len; i++)
    {
      AbmClusterProposal *proposal = proposals->pdata[i];
      gint64 id = insert_cluster (self, proposal->name, proposal->note, error);

      if (id == 0 || !store_accounts_cluster (self, proposal->accounts, id, error))
        return rollback (self->db);
      g_array_append_val (ids, id);
    }
  if (!commit (self->db, error))
    return FALSE;

  for (guint i = 0; i < proposals->len; i++)
    {
      AbmClusterProposal *proposal = proposals->pdata[i];
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(AbmCluster) cluster = abm_cluster_new (id, proposal->name, proposal->note);

      for (guint k = 0; k < proposal->accounts->len; k++)
        abm_account_set_cluster_id (proposal->accounts->pdata[k], id);
      g_list_store_append (self->clusters, cluster);
    }
  return TRUE;
}

/* Snapshots */

void
abm_snapshot_free (AbmSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->name);
  g_free (snapshot->created);
  g_free (snapshot);
}

void
abm_tier_change_free (AbmTierChange *change)
{
  if (change == NULL)
    return;
  g_free (change->name);
  g_free (change->domain);
  g_free (change);
}

gint64
abm_workspace_take_snapshot (AbmWorkspace  *self,
                             const char    *name,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);

  trimmed = name ? g_strstrip (g_strdup (name)) : NULL;
  if (!check_writable (self, error)
      || !check_text (trimmed, ABM_SNAPSHOT_MAX_NAME, TRUE, _("snapshot name"), error))
    return 0;

  if (!begin (self->db, error))
    return 0;
  stmt = prepare (self->db, "INSERT INTO snapshots (name, created) "
                            "VALUES (?1, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))", error);
  if (stmt == NULL)
    return rollback (self->db);
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not take the snapshot"));
      return rollback (self->db);
    }
  id = sqlite3_last_insert_rowid (self->db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self->db, "INSERT INTO snapshot_accounts (snapshot_id, account_id, domain, name, tier) "
                            "SELECT ?1, id, domain, name, tier FROM accounts WHERE tier IS NOT NULL", error);
  if (stmt == NULL)
    return rollback (self->db);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not take the snapshot"));
      return rollback (self->db);
    }
  if (!commit (self->db, error))
    return 0;
  return id;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && g_utf8_validate (text, -1, NULL) ? g_strdup (text) : NULL;
}

GPtrArray *
abm_workspace_list_snapshots (AbmWorkspace  *self,
                              GError       **error)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_snapshot_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (self->schema_version < 5)
    return g_steal_pointer (&snapshots);
  stmt = prepare (self->db,
                  "SELECT s.id, s.name, s.created, "
                  "       (SELECT count (*) FROM snapshot_accounts a WHERE a.snapshot_id = s.id) "
                  "FROM snapshots s ORDER BY s.created, s.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AbmSnapshot *snapshot = g_new0 (AbmSnapshot, 1);

      snapshot->id = sqlite3_column_int64 (stmt, 0);
      snapshot->name = column_text (stmt, 1);
      if (snapshot->name == NULL)
        snapshot->name = g_strdup ("?");
      snapshot->created = column_text (stmt, 2);
      snapshot->n_accounts = (guint) sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (snapshots, snapshot);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the snapshots"));
      return NULL;
    }
  return g_steal_pointer (&snapshots);
}

gboolean
abm_workspace_delete_snapshot (AbmWorkspace  *self,
                               gint64         id,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);

  if (!check_writable (self, error))
    return FALSE;
  stmt = prepare (self->db, "DELETE FROM snapshots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not delete the snapshot"));
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND,
                           _("There is no such snapshot"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
snapshot_exists (AbmWorkspace  *self,
                 gint64         id,
                 GError       **error)
{
  gint64 found = 0;
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM snapshots WHERE id = %" G_GINT64_FORMAT, id);

  if (self->schema_version < 5 || !query_int (self->db, sql, &found, error) || found == 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND,
                             _("There is no such snapshot"));
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
abm_workspace_compare_snapshots (AbmWorkspace  *self,
                                 gint64         from,
                                 gint64         to,
                                 GError       **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_tier_change_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *later;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);

  if (!snapshot_exists (self, from, error) || (to != 0 && !snapshot_exists (self, to, error)))
    return NULL;

  later = to != 0
          ? "SELECT account_id, name, domain, tier FROM snapshot_accounts WHERE snapshot_id = ?2"
          : "SELECT id AS account_id, name, domain, tier FROM accounts WHERE tier IS NOT NULL AND ?2 = 0";
  sql = g_strdup_printf (
    "WITH a AS (SELECT account_id, name, domain, tier FROM snapshot_accounts WHERE snapshot_id = ?1),"
    "     b AS (%s) "
    "SELECT account_id, name, domain, 0, tier, 0 FROM b "
    "  WHERE account_id NOT IN (SELECT account_id FROM a) "
    "UNION ALL "
    "SELECT a.account_id, coalesce (b.name, a.name), coalesce (b.domain, a.domain), a.tier, "
    "       coalesce (b.tier, 0), CASE WHEN b.account_id IS NULL THEN 1 ELSE 2 END "
    "  FROM a LEFT JOIN b ON b.account_id = a.account_id "
    "  WHERE b.account_id IS NULL OR b.tier IS NOT a.tier "
    "ORDER BY 6, 2 COLLATE NOCASE, 1", later);
  stmt = prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AbmTierChange *change = g_new0 (AbmTierChange, 1);

      change->account_id = sqlite3_column_int64 (stmt, 0);
      change->name = column_text (stmt, 1);
      if (change->name == NULL)
        change->name = g_strdup ("?");
      change->domain = column_text (stmt, 2);
      change->old_tier = (guint) CLAMP (sqlite3_column_int (stmt, 3), 0, 3);
      change->new_tier = (guint) CLAMP (sqlite3_column_int (stmt, 4), 0, 3);
      g_ptr_array_add (changes, change);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not compare the snapshots"));
      return NULL;
    }
  return g_steal_pointer (&changes);
}

/* Buying committees
 *
 * A committee is read from the file the first time it is asked for and
 * kept while the workspace is open: 100,000 accounts with ten people each
 * are never all in memory, and the one on screen is. */

typedef struct {
  GListStore *people;    /* AbmStakeholder by id */
  GArray     *links;     /* AbmStakeholderLink */
} Committee;

static void
committee_free (gpointer data)
{
  Committee *c = data;

  g_object_unref (c->people);
  g_array_unref (c->links);
  g_free (c);
}

static const char *const link_kinds[] = { "influences", "conflicts" };

#define STAKEHOLDER_COLUMNS \
  "id, account_id, name, title, department, email, phone, linkedin, notes, roles, " \
  "reports_to, dotted_to, influence, strength, sentiment, support, last_contact"

static AbmStakeholder *
stakeholder_from_row (sqlite3_stmt *stmt)
{
  AbmStakeholder *s = abm_stakeholder_new ();
  AbmStakeholderSentiment sentiment;
  AbmSupport support;

  abm_stakeholder_set_id (s, sqlite3_column_int64 (stmt, 0));
  abm_stakeholder_set_account_id (s, sqlite3_column_int64 (stmt, 1));
  /* Checked like typed values; what does not hold up is left out. */
  for (guint f = 0; f < ABM_STAKEHOLDER_N_TEXT_FIELDS; f++)
    if (!abm_stakeholder_set_text (s, f, (const char *) sqlite3_column_text (stmt, 2 + f), NULL)
        && f == ABM_STAKEHOLDER_FIELD_NAME)
      abm_stakeholder_set_text (s, f, "?", NULL);
  abm_stakeholder_set_roles (s, (guint) sqlite3_column_int64 (stmt, 9));
  abm_stakeholder_set_manager_id (s, sqlite3_column_int64 (stmt, 10));
  abm_stakeholder_set_dotted_manager_id (s, sqlite3_column_int64 (stmt, 11));
  abm_stakeholder_set_influence (s, (guint) CLAMP (sqlite3_column_int (stmt, 12), 0, 5), NULL);
  abm_stakeholder_set_strength (s, (guint) CLAMP (sqlite3_column_int (stmt, 13), 0, 5), NULL);
  if (abm_sentiment_from_key ((const char *) sqlite3_column_text (stmt, 14), &sentiment))
    abm_stakeholder_set_sentiment (s, sentiment);
  if (abm_support_from_key ((const char *) sqlite3_column_text (stmt, 15), &support))
    abm_stakeholder_set_support (s, support);
  abm_stakeholder_set_last_contact (s, (const char *) sqlite3_column_text (stmt, 16), NULL);
  return s;
}

static void
bind_stakeholder (sqlite3_stmt   *stmt,
                  AbmStakeholder *s)
{
  sqlite3_bind_int64 (stmt, 1, abm_stakeholder_get_id (s));
  sqlite3_bind_int64 (stmt, 2, abm_stakeholder_get_account_id (s));
  for (guint f = 0; f < ABM_STAKEHOLDER_N_TEXT_FIELDS; f++)
    sqlite3_bind_text (stmt, 3 + f, abm_stakeholder_get_text (s, f), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, abm_stakeholder_get_roles (s));
  if (abm_stakeholder_get_manager_id (s) > 0)
    sqlite3_bind_int64 (stmt, 11, abm_stakeholder_get_manager_id (s));
  else
    sqlite3_bind_null (stmt, 11);
  if (abm_stakeholder_get_dotted_manager_id (s) > 0)
    sqlite3_bind_int64 (stmt, 12, abm_stakeholder_get_dotted_manager_id (s));
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_int (stmt, 13, (int) abm_stakeholder_get_influence (s));
  sqlite3_bind_int (stmt, 14, (int) abm_stakeholder_get_strength (s));
  sqlite3_bind_text (stmt, 15, abm_sentiment_key (abm_stakeholder_get_sentiment (s)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, abm_support_key (abm_stakeholder_get_support (s)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, abm_stakeholder_get_last_contact (s), -1, SQLITE_STATIC);
}

static Committee *
load_committee (AbmWorkspace  *self,
                gint64         account_id,
                GError       **error)
{
  Committee *c = g_hash_table_lookup (self->committees, &account_id);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) people = NULL;
  int rc;

  if (c != NULL)
    return c;

  c = g_new0 (Committee, 1);
  c->people = g_list_store_new (ABM_TYPE_STAKEHOLDER);
  c->links = g_array_new (FALSE, FALSE, sizeof (AbmStakeholderLink));
  if (self->schema_version >= 6)
    {
      people = g_ptr_array_new_with_free_func (g_object_unref);
      stmt = prepare (self->db, "SELECT " STAKEHOLDER_COLUMNS " FROM stakeholders "
                                "WHERE account_id = ?1 ORDER BY id", error);
      if (stmt == NULL)
        {
          committee_free (c);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, account_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (people, stakeholder_from_row (stmt));
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not read the buying committee"));
          committee_free (c);
          return NULL;
        }
      g_list_store_splice (c->people, 0, 0, people->pdata, people->len);
      g_clear_pointer (&stmt, sqlite3_finalize);

      stmt = prepare (self->db, "SELECT l.from_id, l.to_id, l.kind FROM stakeholder_links l "
                                "JOIN stakeholders s ON s.id = l.from_id WHERE s.account_id = ?1 "
                                "ORDER BY l.from_id, l.to_id", error);
      if (stmt == NULL)
        {
          committee_free (c);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, account_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AbmStakeholderLink link = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "conflicts") == 0
                                      ? ABM_LINK_CONFLICTS : ABM_LINK_INFLUENCES };
          g_array_append_val (c->links, link);
        }
    }
  g_hash_table_insert (self->committees, g_memdup2 (&account_id, sizeof account_id), c);
  return c;
}

GListModel *
abm_workspace_get_committee (AbmWorkspace  *self,
                             AbmAccount    *account,
                             GError       **error)
{
  Committee *c;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  c = load_committee (self, abm_account_get_id (account), error);
  return c ? G_LIST_MODEL (c->people) : NULL;
}

GArray *
abm_workspace_get_committee_links (AbmWorkspace *self,
                                   AbmAccount   *account)
{
  Committee *c;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  c = load_committee (self, abm_account_get_id (account), NULL);
  return c ? c->links : NULL;
}

static AbmStakeholder *
find_in_committee (Committee *c,
                   gint64     id,
                   guint     *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (c->people));

  for (guint i = 0; i < n; i++)
    {
      AbmStakeholder *s = g_list_model_get_item (G_LIST_MODEL (c->people), i);

      g_object_unref (s);   /* the store keeps it */
      if (abm_stakeholder_get_id (s) == id)
        {
          if (position != NULL)
            *position = i;
          return s;
        }
    }
  return NULL;
}

AbmStakeholder *
abm_workspace_find_stakeholder (AbmWorkspace *self,
                                AbmAccount   *account,
                                gint64        id)
{
  Committee *c;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  c = load_committee (self, abm_account_get_id (account), NULL);
  return c ? find_in_committee (c, id, NULL) : NULL;
}

/* A manager must be in the same committee, and following managers up from
 * them must never come back to @self_id. */
static gboolean
check_managers (Committee       *c,
                AbmStakeholder  *values,
                gint64           self_id,
                GError         **error)
{
  gint64 ids[2] = { abm_stakeholder_get_manager_id (values), abm_stakeholder_get_dotted_manager_id (values) };

  for (guint k = 0; k < 2; k++)
    {
      AbmStakeholder *manager;
      guint steps = 0;

      if (ids[k] == 0)
        continue;
      manager = find_in_committee (c, ids[k], NULL);
      if (manager == NULL)
        {
          g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                               _("A manager must be on the same account’s committee"));
          return FALSE;
        }
      if (k == 1)
        {
          if (ids[1] == self_id)
            {
              g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("%s cannot report to themselves"), abm_stakeholder_get_name (values));
              return FALSE;
            }
          continue;
        }
      /* The dotted line is a second manager, not part of the tree. */
      for (AbmStakeholder *up = manager; up != NULL && steps <= 10000; steps++)
        {
          if (abm_stakeholder_get_id (up) == self_id)
            {
              if (up == manager)
                g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                             _("%s cannot report to themselves"), abm_stakeholder_get_name (values));
              else
                g_set_error (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                             _("%s cannot report to %s, who already reports to them"),
                             abm_stakeholder_get_name (values), abm_stakeholder_get_name (manager));
              return FALSE;
            }
          up = abm_stakeholder_get_manager_id (up) ? find_in_committee (c, abm_stakeholder_get_manager_id (up), NULL) : NULL;
        }
    }
  return TRUE;
}

static gboolean
check_stakeholder (AbmStakeholder  *values,
                   GError         **error)
{
  if (abm_stakeholder_get_name (values) == NULL)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("A stakeholder needs a name"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_stakeholder (AbmWorkspace    *self,
                    AbmStakeholder  *s,
                    gboolean         keep_id,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self->db, "INSERT INTO stakeholders (" STAKEHOLDER_COLUMNS ", created, modified) VALUES "
                       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                       " strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'))",
             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Ids are never handed out twice, so an undo can always put a person
   * back under their own id. */
  if (!keep_id)
    {
      g_autofree char *next_text = NULL;
      gint64 id;

      if (!query_int (self->db,
                      "SELECT max (coalesce ((SELECT CAST (value AS INTEGER) FROM meta "
                      "                       WHERE key = 'next_stakeholder_id'), 1),"
                      "            coalesce ((SELECT max (id) FROM stakeholders), 0) + 1)",
                      &id, error))
        return FALSE;
      abm_stakeholder_set_id (s, id);
      next_text = g_strdup_printf ("%" G_GINT64_FORMAT, id + 1);
      if (!meta_set (self->db, "next_stakeholder_id", next_text, error))
        return FALSE;
    }
  bind_stakeholder (stmt, s);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not add the stakeholder"));
  return TRUE;
}

AbmStakeholder *
abm_workspace_add_stakeholder (AbmWorkspace    *self,
                               AbmAccount      *account,
                               AbmStakeholder  *values,
                               GError         **error)
{
  g_autoptr(AbmStakeholder) added = NULL;
  Committee *c;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (values), NULL);

  if (!check_writable (self, error) || !check_stakeholder (values, error))
    return NULL;
  c = load_committee (self, abm_account_get_id (account), error);
  if (c == NULL || !check_managers (c, values, -1, error))
    return NULL;

  added = abm_stakeholder_copy (values);
  abm_stakeholder_set_account_id (added, abm_account_get_id (account));
  if (!begin (self->db, error))
    return NULL;
  if (!insert_stakeholder (self, added, FALSE, error))
    {
      rollback (self->db);
      return NULL;
    }
  if (!commit (self->db, error))
    return NULL;
  g_list_store_append (c->people, added);
  return added;  /* the committee keeps it */
}

gboolean
abm_workspace_update_stakeholder (AbmWorkspace    *self,
                                  AbmStakeholder  *stakeholder,
                                  AbmStakeholder  *values,
                                  GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AbmStakeholder) row = NULL;
  gint64 account_id;
  Committee *c;
  guint position;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (stakeholder), FALSE);
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (values), FALSE);

  if (!check_writable (self, error) || !check_stakeholder (values, error))
    return FALSE;
  account_id = abm_stakeholder_get_account_id (stakeholder);
  c = load_committee (self, account_id, error);
  if (c == NULL)
    return FALSE;
  if (find_in_committee (c, abm_stakeholder_get_id (stakeholder), &position) != stakeholder)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The stakeholder is no longer on the committee"));
      return FALSE;
    }
  if (!check_managers (c, values, abm_stakeholder_get_id (stakeholder), error))
    return FALSE;
  if (abm_stakeholder_equal (stakeholder, values))
    return TRUE;

  row = abm_stakeholder_copy (values);
  abm_stakeholder_set_id (row, abm_stakeholder_get_id (stakeholder));
  abm_stakeholder_set_account_id (row, account_id);
  stmt = prepare (self->db, "UPDATE stakeholders SET account_id = ?2, name = ?3, title = ?4, department = ?5, "
                            "email = ?6, phone = ?7, linkedin = ?8, notes = ?9, roles = ?10, reports_to = ?11, "
                            "dotted_to = ?12, influence = ?13, strength = ?14, sentiment = ?15, support = ?16, "
                            "last_contact = ?17, modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_stakeholder (stmt, row);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not save the stakeholder"));
  abm_stakeholder_assign (stakeholder, row);
  g_list_model_items_changed (G_LIST_MODEL (c->people), position, 1, 1);
  return TRUE;
}

static JsonNode *
links_to_json (GArray *links,
               gint64  person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (links, AbmStakeholderLink, i);

      if (person != 0 && l->from_id != person && l->to_id != person)
        continue;
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, l->from_id);
      json_builder_add_int_value (builder, l->to_id);
      json_builder_add_string_value (builder, link_kinds[l->kind]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* A link as links_to_json() writes it, [from, to, "influences"]; the undo
 * log is in the file, so anything else is passed over. */
static gboolean
link_from_json (JsonNode           *node,
                AbmStakeholderLink *link)
{
  JsonArray *array;
  JsonNode *from, *to, *kind;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != 3)
    return FALSE;
  from = json_array_get_element (array, 0);
  to = json_array_get_element (array, 1);
  kind = json_array_get_element (array, 2);
  if (!JSON_NODE_HOLDS_VALUE (from) || json_node_get_value_type (from) != G_TYPE_INT64
      || !JSON_NODE_HOLDS_VALUE (to) || json_node_get_value_type (to) != G_TYPE_INT64
      || !JSON_NODE_HOLDS_VALUE (kind) || json_node_get_value_type (kind) != G_TYPE_STRING)
    return FALSE;
  link->from_id = json_node_get_int (from);
  link->to_id = json_node_get_int (to);
  link->kind = g_strcmp0 (json_node_get_string (kind), "conflicts") == 0 ? ABM_LINK_CONFLICTS : ABM_LINK_INFLUENCES;
  return TRUE;
}

static gboolean
insert_link (AbmWorkspace             *self,
             const AbmStakeholderLink *link,
             GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self->db, "INSERT OR IGNORE INTO stakeholder_links (from_id, to_id, kind) VALUES (?1, ?2, ?3)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link->from_id);
  sqlite3_bind_int64 (stmt, 2, link->to_id);
  sqlite3_bind_text (stmt, 3, link_kinds[link->kind], -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not link the stakeholders"));
  return TRUE;
}

static gint64
log_undo (AbmWorkspace  *self,
          const char    *description,
          JsonNode      *payload,
          GError       **error)
{
  g_autofree char *json = json_to_string (payload, FALSE);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self->db, "INSERT INTO undo_log (description, payload) VALUES (?, ?)", error);
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, json, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not record the undo"));
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

/* Their reports lose their manager (they become roots); Undo puts back the
 * person, their links and the reporting lines to them. */
gint64
abm_workspace_delete_stakeholder (AbmWorkspace    *self,
                                  AbmStakeholder  *stakeholder,
                                  GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *description = NULL;
  gint64 id, undo_id;
  Committee *c;
  guint position, n;
  int rc;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (stakeholder), 0);

  if (!check_writable (self, error))
    return 0;
  c = load_committee (self, abm_stakeholder_get_account_id (stakeholder), error);
  if (c == NULL)
    return 0;
  id = abm_stakeholder_get_id (stakeholder);
  if (find_in_committee (c, id, &position) != stakeholder)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED,
                           _("The stakeholder is no longer on the committee"));
      return 0;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (c->people));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "delete-stakeholder");
  json_builder_set_member_name (builder, "account-id");
  json_builder_add_int_value (builder, abm_stakeholder_get_account_id (stakeholder));
  json_builder_set_member_name (builder, "stakeholder");
  json_builder_add_value (builder, abm_stakeholder_to_json (stakeholder));
  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) other = g_list_model_get_item (G_LIST_MODEL (c->people), i);

      if (abm_stakeholder_get_manager_id (other) == id)
        json_builder_add_int_value (builder, abm_stakeholder_get_id (other));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dotted-reports");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) other = g_list_model_get_item (G_LIST_MODEL (c->people), i);

      if (abm_stakeholder_get_dotted_manager_id (other) == id)
        json_builder_add_int_value (builder, abm_stakeholder_get_id (other));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_add_value (builder, links_to_json (c->links, id));
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  description = g_strdup_printf (_("Remove “%s”"), abm_stakeholder_get_name (stakeholder));

  if (!begin (self->db, error))
    return 0;
  undo_id = log_undo (self, description, payload, error);
  if (undo_id == 0)
    return rollback (self->db);
  stmt = prepare (self->db, "DELETE FROM stakeholders WHERE id = ?1", error);
  if (stmt == NULL)
    return rollback (self->db);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not remove the stakeholder"));
      return rollback (self->db);
    }
  if (!commit (self->db, error))
    return 0;

  /* What the file did by its foreign keys, in memory too. */
  for (guint i = c->links->len; i > 0; i--)
    {
      AbmStakeholderLink *l = &g_array_index (c->links, AbmStakeholderLink, i - 1);

      if (l->from_id == id || l->to_id == id)
        g_array_remove_index (c->links, i - 1);
    }
  g_object_ref (stakeholder);
  g_list_store_remove (c->people, position);
  n = g_list_model_get_n_items (G_LIST_MODEL (c->people));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) other = g_list_model_get_item (G_LIST_MODEL (c->people), i);

      if (abm_stakeholder_get_manager_id (other) == id)
        abm_stakeholder_set_manager_id (other, 0);
      if (abm_stakeholder_get_dotted_manager_id (other) == id)
        abm_stakeholder_set_dotted_manager_id (other, 0);
    }
  g_object_unref (stakeholder);
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (c->people), 0, n, n);
  return undo_id;
}

gboolean
abm_workspace_set_link (AbmWorkspace  *self,
                        AbmAccount    *account,
                        gint64         from_id,
                        gint64         to_id,
                        AbmLinkKind    kind,
                        gboolean       present,
                        GError       **error)
{
  AbmStakeholderLink link = { from_id, to_id, kind };
  Committee *c;
  guint found = G_MAXUINT;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (kind <= ABM_LINK_CONFLICTS, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  c = load_committee (self, abm_account_get_id (account), error);
  if (c == NULL)
    return FALSE;
  if (from_id == to_id || find_in_committee (c, from_id, NULL) == NULL || find_in_committee (c, to_id, NULL) == NULL)
    {
      g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                           _("A link joins two different people on the same committee"));
      return FALSE;
    }
  for (guint i = 0; i < c->links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (c->links, AbmStakeholderLink, i);

      if (l->from_id == from_id && l->to_id == to_id && l->kind == kind)
        found = i;
    }
  if (present == (found != G_MAXUINT))
    return TRUE;

  if (present)
    {
      if (!insert_link (self, &link, error))
        return FALSE;
      g_array_append_val (c->links, link);
    }
  else
    {
      g_autoptr(sqlite3_stmt) stmt =
        prepare (self->db, "DELETE FROM stakeholder_links WHERE from_id = ?1 AND to_id = ?2 AND kind = ?3", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from_id);
      sqlite3_bind_int64 (stmt, 2, to_id);
      sqlite3_bind_text (stmt, 3, link_kinds[kind], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("Could not unlink the stakeholders"));
      g_array_remove_index (c->links, found);
    }
  /* Views redraw the chart on the committee's items-changed. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (c->people));
    g_list_model_items_changed (G_LIST_MODEL (c->people), 0, n, n);
  }
  return TRUE;
}

/* Undo of a delete-stakeholder record; called by abm_workspace_undo()
 * inside its transaction. */
static gboolean
undo_stakeholder (AbmWorkspace  *self,
                  JsonObject    *root,
                  GError       **error)
{
  g_autoptr(AbmStakeholder) person = NULL;
  gint64 account_id = json_object_get_int_member_with_default (root, "account-id", 0);
  const char *const report_keys[] = { "reports", "dotted-reports" };
  JsonNode *links_node;
  Committee *c;

  person = abm_stakeholder_new_from_json (json_object_get_member (root, "stakeholder"), error);
  if (person == NULL)
    return FALSE;
  c = load_committee (self, account_id, error);
  if (c == NULL)
    return FALSE;
  abm_stakeholder_set_account_id (person, account_id);
  /* Its managers may have gone meanwhile. */
  if (find_in_committee (c, abm_stakeholder_get_manager_id (person), NULL) == NULL)
    abm_stakeholder_set_manager_id (person, 0);
  if (find_in_committee (c, abm_stakeholder_get_dotted_manager_id (person), NULL) == NULL)
    abm_stakeholder_set_dotted_manager_id (person, 0);
  if (!insert_stakeholder (self, person, TRUE, error))
    return FALSE;

  for (guint k = 0; k < 2; k++)
    {
      JsonNode *node = json_object_get_member (root, report_keys[k]);
      JsonArray *reports = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; reports != NULL && i < json_array_get_length (reports); i++)
        {
          AbmStakeholder *report = find_in_committee (c, json_array_get_int_element (reports, i), NULL);
          g_autoptr(sqlite3_stmt) stmt = NULL;

          /* Only those who still report to nobody go back. */
          if (report == NULL || (k == 0 ? abm_stakeholder_get_manager_id (report)
                                        : abm_stakeholder_get_dotted_manager_id (report)) != 0)
            continue;
          stmt = prepare (self->db, k == 0 ? "UPDATE stakeholders SET reports_to = ?1 WHERE id = ?2"
                                           : "UPDATE stakeholders SET dotted_to = ?1 WHERE id = ?2", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, abm_stakeholder_get_id (person));
          sqlite3_bind_int64 (stmt, 2, abm_stakeholder_get_id (report));
          if (sqlite3_step (stmt) != SQLITE_DONE)
            return set_sqlite_error (error, self->db, sqlite3_errcode (self->db), _("Could not undo"));
          if (k == 0)
            abm_stakeholder_set_manager_id (report, abm_stakeholder_get_id (person));
          else
            abm_stakeholder_set_dotted_manager_id (report, abm_stakeholder_get_id (person));
        }
    }

  links_node = json_object_get_member (root, "links");
  if (links_node != NULL && JSON_NODE_HOLDS_ARRAY (links_node))
    {
      JsonArray *links = json_node_get_array (links_node);

      for (guint i = 0; i < json_array_get_length (links); i++)
        {
          AbmStakeholderLink link;

          if (!link_from_json (json_array_get_element (links, i), &link))
            continue;
          if ((link.from_id != abm_stakeholder_get_id (person) && find_in_committee (c, link.from_id, NULL) == NULL)
              || (link.to_id != abm_stakeholder_get_id (person) && find_in_committee (c, link.to_id, NULL) == NULL))
            continue;
          if (!insert_link (self, &link, error))
            return FALSE;
          g_array_append_val (c->links, link);
        }
    }

  /* In id order, as after a reopen. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (c->people));
    guint position = n;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AbmStakeholder) other = g_list_model_get_item (G_LIST_MODEL (c->people), i);

        if (abm_stakeholder_get_id (other) > abm_stakeholder_get_id (person))
          {
            position = i;
            break;
          }
      }
    g_list_store_insert (c->people, position, person);
  }
  return TRUE;
}

static JsonNode *
committee_to_json (AbmWorkspace *self,
                   AbmAccount   *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Committee *c = self->schema_version >= 6 ? load_committee (self, abm_account_get_id (account), NULL) : NULL;
  guint n = c ? g_list_model_get_n_items (G_LIST_MODEL (c->people)) : 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (G_LIST_MODEL (c->people), i);
      json_builder_add_value (builder, abm_stakeholder_to_json (s));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "links");
  json_builder_add_value (builder, c ? links_to_json (c->links, 0) : json_node_new (JSON_NODE_ARRAY));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Puts back the committee of an undone account delete, with its ids, in
 * the caller's transaction. Managers may come after their reports in the
 * list, so the foreign keys are checked at the commit. */
static gboolean
restore_committee (AbmWorkspace  *self,
                   JsonObject    *root,
                   GError       **error)
{
  JsonNode *node = json_object_get_member (root, "committee");
  JsonObject *committee;
  JsonArray *people, *links;
  gint64 account_id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || self->schema_version < 6)
    return TRUE;
  committee = json_node_get_object (node);
  account_id = json_object_get_int_member_with_default (json_object_get_object_member (root, "account"), "id", 0);
  if (!exec (self->db, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  people = json_object_has_member (committee, "people") ? json_object_get_array_member (committee, "people") : NULL;
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      g_autoptr(AbmStakeholder) s = abm_stakeholder_new_from_json (json_array_get_element (people, i), error);

      if (s == NULL)
        return FALSE;
      abm_stakeholder_set_account_id (s, account_id);
      if (!insert_stakeholder (self, s, TRUE, error))
        return FALSE;
    }
  links = json_object_has_member (committee, "links") ? json_object_get_array_member (committee, "links") : NULL;
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      AbmStakeholderLink link;

      if (!link_from_json (json_array_get_element (links, i), &link))
        continue;
      if (!insert_link (self, &link, error))
        return FALSE;
    }
  /* Read afresh when next asked for. */
  g_hash_table_remove (self->committees, &account_id);
  return TRUE;
}

static void
coverage_rules_changed (AbmWorkspace *self)
{
  g_autofree char *json = abm_coverage_rules_to_json (self->coverage_rules);

  if (self->db != NULL && !self->read_only
      && !abm_workspace_set_setting (self, "coverage", json, NULL))
    g_warning ("Could not store the coverage rules of %s", self->path);
}

AbmCoverageRules *
abm_workspace_get_coverage_rules (AbmWorkspace *self)
{
  g_return_val_if_fail (ABM_IS_WORKSPACE (self), NULL);
  return self->coverage_rules;
}

/* Many stakeholders in one transaction, all or none: the sample's
 * committees and a contacts import. A person with id 0 is added; one with
 * an id replaces that person's values. A negative manager id -k means the
 * k-th person of @people (counting from 1), so new people can report to
 * each other. Reporting lines must stay within an account and not loop. */
gboolean
abm_workspace_apply_stakeholders (AbmWorkspace  *self,
                                  GPtrArray     *people,
                                  GError       **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), people->len);
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) update = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (people != NULL, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      AbmStakeholder *s = people->pdata[i];
      gint64 m = abm_stakeholder_get_manager_id (s);

      if (!check_stakeholder (s, error))
        return FALSE;
      if (m < 0 && (-m > (gint64) people->len || -m - 1 == (gint64) i
                    || abm_stakeholder_get_account_id (people->pdata[-m - 1]) != abm_stakeholder_get_account_id (s)))
        {
          g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                               _("A manager must be on the same account’s committee"));
          return FALSE;
        }
    }

  if (!begin (self->db, error))
    return FALSE;
  if (!exec (self->db, "PRAGMA defer_foreign_keys = ON", error))
    return rollback (self->db);
  update = prepare (self->db, "UPDATE stakeholders SET account_id = ?2, name = ?3, title = ?4, department = ?5, "
                              "email = ?6, phone = ?7, linkedin = ?8, notes = ?9, roles = ?10, reports_to = ?11, "
                              "dotted_to = ?12, influence = ?13, strength = ?14, sentiment = ?15, support = ?16, "
                              "last_contact = ?17, modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                    error);
  if (update == NULL)
    return rollback (self->db);

  /* First every person gets an id, then the managers resolve. */
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(AbmStakeholder) row = abm_stakeholder_copy (people->pdata[i]);
      gint64 id;

      abm_stakeholder_set_manager_id (row, 0);
      if (abm_stakeholder_get_id (row) == 0)
        {
          if (!insert_stakeholder (self, row, FALSE, error))
            return rollback (self->db);
        }
      id = abm_stakeholder_get_id (row);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(AbmStakeholder) row = abm_stakeholder_copy (people->pdata[i]);
      gint64 m = abm_stakeholder_get_manager_id (row);
      gint64 account_id = abm_stakeholder_get_account_id (row);
      int rc;

      abm_stakeholder_set_id (row, g_array_index (ids, gint64, i));
      if (m < 0)
        abm_stakeholder_set_manager_id (row, g_array_index (ids, gint64, -m - 1));
      bind_stakeholder (update, row);
      rc = sqlite3_step (update);
      sqlite3_reset (update);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not save the stakeholders"));
          return rollback (self->db);
        }
      if (!g_hash_table_contains (touched, &account_id))
        g_hash_table_add (touched, g_memdup2 (&account_id, sizeof account_id));
    }

  /* No loops: from each person, managers end within the committee size. */
  {
    g_autoptr(sqlite3_stmt) loop =
      prepare (self->db,
               "WITH RECURSIVE up (start, id, depth) AS ("
               "  SELECT id, reports_to, 1 FROM stakeholders WHERE reports_to IS NOT NULL"
               "  UNION ALL SELECT up.start, s.reports_to, up.depth + 1 FROM up JOIN stakeholders s ON s.id = up.id"
               "  WHERE s.reports_to IS NOT NULL AND up.depth < 10000 AND up.id != up.start) "
               "SELECT count (*) FROM up WHERE id = start", error);

    if (loop == NULL)
      return rollback (self->db);
    if (sqlite3_step (loop) != SQLITE_ROW || sqlite3_column_int64 (loop, 0) > 0)
      {
        g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_INVALID,
                             _("The reporting lines would loop: someone would report to a person who reports to them"));
        return rollback (self->db);
      }
  }
  if (!commit (self->db, error))
    return FALSE;

  /* Committees that were read are read again. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, touched);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        Committee *c = g_hash_table_lookup (self->committees, key);

        if (c != NULL)
          {
            g_autoptr(GPtrArray) fresh = NULL;
            Committee *loaded;
            gint64 account_id = *(gint64 *) key;
            guint old_n = g_list_model_get_n_items (G_LIST_MODEL (c->people));

            gpointer old_key = NULL;

            /* Keep the store the views hold: refill it from a fresh read. */
            g_hash_table_steal_extended (self->committees, key, &old_key, NULL);
            g_free (old_key);
            loaded = load_committee (self, account_id, NULL);
            if (loaded == NULL)
              {
                committee_free (c);
                continue;
              }
            fresh = g_ptr_array_new_with_free_func (g_object_unref);
            for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (loaded->people)); i++)
              g_ptr_array_add (fresh, g_list_model_get_item (G_LIST_MODEL (loaded->people), i));
            g_array_set_size (c->links, 0);
            g_array_append_vals (c->links, loaded->links->data, loaded->links->len);
            g_list_store_splice (c->people, 0, old_n, fresh->pdata, fresh->len);
            /* Replaces the fresh read, which goes. */
            g_hash_table_insert (self->committees, g_memdup2 (&account_id, sizeof account_id), c);
          }
      }
  }
  return TRUE;
}

/* What the workspace's feature files use; see abm-workspace-private.h. */

sqlite3 *
abm_workspace_get_db (AbmWorkspace *self)
{
  return self->db;
}

gboolean
abm_workspace_step_done (AbmWorkspace  *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return abm_workspace_sqlite_error (self, rc, what, error);
  return TRUE;
}

void
abm_workspace_bind_id (sqlite3_stmt *stmt,
                       int           index,
                       gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Text from a file that may come from anyone: UTF-8 or nothing. */
const char *
abm_workspace_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && g_utf8_validate (text, -1, NULL) ? text : NULL;
}

/* The time of an edit, as stored. */
char *
abm_workspace_stamp_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return abm_date_time_format (now);
}

/* Ids are never handed out twice (see schema_v7), through a counter in
 * meta as accounts and stakeholders have; in the caller's transaction. */
gint64
abm_workspace_allocate_id (AbmWorkspace  *self,
                           const char    *table,
                           GError       **error)
{
  g_autofree char *key = g_strdup_printf ("next_%s_id", table);
  g_autofree char *sql =
    g_strdup_printf ("SELECT max (coalesce ((SELECT CAST (value AS INTEGER) FROM meta WHERE key = '%s'), 1),"
                     "            coalesce ((SELECT max (id) FROM %s), 0) + 1)", key, table);
  g_autofree char *next = NULL;
  gint64 id;

  if (!abm_workspace_query_int (self, sql, &id, error))
    return 0;
  next = g_strdup_printf ("%" G_GINT64_FORMAT, id + 1);
  if (!abm_workspace_meta_set (self, key, next, error))
    return 0;
  return id;
}

void
abm_workspace_not_here (GError     **error,
                        const char  *message)
{
  g_set_error_literal (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_FAILED, message);
}

AbmWorkspacePlans *
abm_workspace_get_plans_state (AbmWorkspace *self)
{
  return self->plans;
}

AbmWorkspaceEngagement *
abm_workspace_get_engagement_state (AbmWorkspace *self)
{
  return self->engagement;
}

gboolean
abm_workspace_check_writable (AbmWorkspace  *self,
                              GError       **error)
{
  return check_writable (self, error);
}

sqlite3_stmt *
abm_workspace_prepare (AbmWorkspace  *self,
                       const char    *sql,
                       GError       **error)
{
  return prepare (self->db, sql, error);
}

gboolean
abm_workspace_exec (AbmWorkspace  *self,
                    const char    *sql,
                    GError       **error)
{
  return exec (self->db, sql, error);
}

gboolean
abm_workspace_begin (AbmWorkspace  *self,
                     GError       **error)
{
  return begin (self->db, error);
}

gboolean
abm_workspace_commit (AbmWorkspace  *self,
                      GError       **error)
{
  return commit (self->db, error);
}

gboolean
abm_workspace_rollback (AbmWorkspace *self)
{
  return rollback (self->db);
}

gboolean
abm_workspace_sqlite_error (AbmWorkspace  *self,
                            int            rc,
                            const char    *what,
                            GError       **error)
{
  return set_sqlite_error (error, self->db, rc, what);
}

gboolean
abm_workspace_query_int (AbmWorkspace  *self,
                         const char    *sql,
                         gint64        *out,
                         GError       **error)
{
  return query_int (self->db, sql, out, error);
}

char *
abm_workspace_meta_get (AbmWorkspace *self,
                        const char   *key)
{
  return self->db ? meta_get (self->db, key) : NULL;
}

gboolean
abm_workspace_meta_set (AbmWorkspace  *self,
                        const char    *key,
                        const char    *value,
                        GError       **error)
{
  return meta_set (self->db, key, value, error);
}

gint64
abm_workspace_log_undo (AbmWorkspace  *self,
                        const char    *description,
                        JsonNode      *payload,
                        GError       **error)
{
  return log_undo (self, description, payload, error);
}

gboolean
abm_workspace_forget_undo (AbmWorkspace  *self,
                           gint64         undo_id,
                           GError       **error)
{
  return forget_undo (self, undo_id, error);
}
