/* test-cli.c: abmctl, run as a separate process the way scripts run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "abm-document-copy.h"
#include "abm-test-ics.h"
#include "abm-workspace.h"

#define CSV_HEADER "id,name,domain,industry,employees,annual-revenue,country,city," \
                   "acv-potential,owner-ae,owner-marketer,notes,technologies,intent-topics," \
                   "tier,target,stage,fit-score,fit-band"

static const char *abmctl_path;

typedef struct {
  char *dir;
} Fixture;

typedef struct {
  int   status;   /* exit status */
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("abmctl-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char **
child_environment (const char *locale)
{
  char **env = g_get_environ ();

  /* The messages checked below are the untranslated ones. */
  env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  return env;
}

static int
exit_status (int wait_status)
{
  g_autoptr(GError) error = NULL;

  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  /* A crash or an abort (G_DEBUG=fatal-warnings) is never a valid result. */
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

/* Runs abmctl with the arguments, in the fixture's folder. */
static Result *
run_argv_in_locale (Fixture           *f,
                    const char        *locale,
                    const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = child_environment (locale);
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) abmctl_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  result->status = exit_status (wait_status);

  return result;
}

static Result *
run_argv (Fixture           *f,
          const char *const *args)
{
  return run_argv_in_locale (f, "C.UTF-8", args);
}

static G_GNUC_NULL_TERMINATED Result *
run (Fixture    *f,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return run_argv (f, (const char *const *) args->pdata);
}

static void
assert_success (Result *result)
{
  if (result->status != 0)
    g_test_message ("abmctl failed: %s", result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
}

/* A failure: status 1, nothing on stdout, one line "abmctl: …" on stderr. */
static void
assert_failure (Result *result)
{
  const char *newline;

  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "abmctl: "));
  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  g_assert_cmpuint (strlen (result->err), >, strlen ("abmctl: \n"));
}

static void
assert_usage_error (Result *result)
{
  g_assert_cmpint (result->status, ==, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "abmctl: "));
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char *const *) lines, line);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
assert_bytes_unchanged (const char *path,
                        GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

static void
init_workspace (Fixture    *f,
                const char *file)
{
  g_autoptr(Result) result = run (f, "init", file, "--name", "FY27 Enterprise Banking", NULL);

  assert_success (result);
  g_assert_cmpstr (result->out, ==, "");
}

static gint64
add_account (Fixture    *f,
             const char *file,
             const char *name,
             const char *domain)
{
  g_autoptr(Result) result = NULL;
  char *end = NULL;
  gint64 id;

  if (domain != NULL)
    result = run (f, "add", file, "--name", name, "--domain", domain, NULL);
  else
    result = run (f, "add", file, "--name", name, NULL);
  assert_success (result);

  id = g_ascii_strtoll (result->out, &end, 10);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (end, ==, "\n");
  return id;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
accounts_json (Fixture    *f,
               const char *file)
{
  g_autoptr(Result) result = run (f, "accounts", file, "--format", "json", NULL);
  JsonNode *root;

  assert_success (result);
  root = parse_json (result->out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return root;
}

static guint
count_accounts (Fixture    *f,
                const char *file)
{
  g_autoptr(JsonNode) root = accounts_json (f, file);

  return json_array_get_length (json_node_get_array (root));
}

/* An RFC 4180 reader, strict enough to catch a wrong quote: a quote may
 * only open a field or, doubled, stand for itself inside quotes. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == ',' || *p == '\n' || (p[0] == '\r' && p[1] == '\n') || *p == '\0');
          continue;
        }

      if (*p == ',' || *p == '\n' || (p[0] == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p != ',')
            {
              g_ptr_array_add (record, NULL);
              g_ptr_array_add (records, g_ptr_array_steal (record, NULL));
              if (*p == '\r')
                p++;
            }
          p++;
          continue;
        }

      g_assert_true (*p != '\r');
      g_string_append_c (field, *p);
      p++;
    }

  /* Every record ends with a line break. */
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  return records;
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Result) result = run (f, "--version", NULL);

  assert_success (result);
  g_assert_cmpstr (result->out, ==, "abmctl " PACKAGE_VERSION "\n");
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "init", "check", "accounts", "add", "readiness" };
  const char *spellings[] = { "--help", "-h" };

  for (guint s = 0; s < G_N_ELEMENTS (spellings); s++)
    {
      g_autoptr(Result) result = run (f, spellings[s], NULL);
      g_auto(GStrv) lines = NULL;

      assert_success (result);
      lines = g_strsplit (result->out, "\n", -1);
      /* Each command on a line of its own, with its one-line summary. */
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_autofree char *prefix = g_strdup_printf ("  %s ", commands[i]);
          gboolean found = FALSE;

          for (guint l = 0; lines[l] != NULL; l++)
            {
              if (g_str_has_prefix (lines[l], prefix)
                  && strlen (g_strstrip (lines[l] + strlen (prefix))) > 0)
                found = TRUE;
            }
          g_assert_true (found);
        }
    }
}

static void
test_command_help (Fixture       *f,
                   gconstpointer  data)
{
  const struct {
    const char *command;
    const char *options[3];
  } cases[] = {
    { "init", { "--name", "--currency", NULL } },
    { "check", { "--format", NULL } },
    { "accounts", { "--format", NULL } },
    { "readiness", { "--set", "--format", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) result = run (f, cases[i].command, "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("abmctl %s", cases[i].command);

      assert_success (result);
      g_assert_nonnull (strstr (result->out, usage));
      for (guint o = 0; cases[i].options[o] != NULL; o++)
        g_assert_nonnull (strstr (result->out, cases[i].options[o]));
    }

  /* add has an option per account field, named after its CSV column. */
  {
    g_autoptr(Result) result = run (f, "add", "--help", NULL);

    assert_success (result);
    g_assert_nonnull (strstr (result->out, "abmctl add"));
    for (guint field = 0; field < ABM_ACCOUNT_N_FIELDS; field++)
      {
        g_autofree char *option = g_strdup_printf ("--%s=", abm_account_field_key (field));
        g_assert_nonnull (strstr (result->out, option));
      }
  }

  /* Help needs no FILE and wins over other options. */
  {
    g_autoptr(Result) result = run (f, "accounts", "--format", "json", "-h", NULL);

    assert_success (result);
    g_assert_nonnull (strstr (result->out, "--format"));
  }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *const cases[][7] = {
    { NULL },
    { "frobnicate", "w.abm", NULL },
    { "--frobnicate", NULL },
    { "check", NULL },
    { "check", "a.abm", "b.abm", NULL },
    { "check", "w.abm", "--frobnicate", NULL },
    { "check", "w.abm", "--format", "xml", NULL },
    { "accounts", "w.abm", "--format", "xml", NULL },
    { "accounts", NULL },
    { "init", "new.abm", NULL },
    { "add", "w.abm", "--domain", "acme.com", NULL },
    { "add", "w.abm", "--name", NULL },
    { "readiness", NULL },
    { "readiness", "w.abm", "--set", "budget=yes", NULL },
    { "readiness", "w.abm", "--set", "acv=maybe", NULL },
    { "readiness", "w.abm", "--set", "acv", NULL },
    { "readiness", "w.abm", "--set", "=yes", NULL },
    { "readiness", "w.abm", "--set", "acv=yes", "--format", "xml", NULL },
  };
  g_autofree char *path = fixture_path (f, "w.abm");
  g_autofree char *new_path = fixture_path (f, "new.abm");
  g_autoptr(GBytes) before = NULL;

  init_workspace (f, "w.abm");
  before = read_bytes (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) result = run_argv (f, cases[i]);

      g_test_message ("case %u: %s", i, result->err);
      assert_usage_error (result);
    }

  assert_bytes_unchanged (path, before);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
}

static void
test_init_check (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "w.abm");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(Result) init = NULL;
  g_autoptr(Result) check = NULL;

  init = run (f, "init", "w.abm", "--name", "  FY27 Enterprise Banking ", "--currency", "USD", NULL);
  assert_success (init);
  before = read_bytes (path);

  check = run (f, "check", "w.abm", NULL);
  assert_success (check);
  g_assert_true (has_line (check->out, "name: FY27 Enterprise Banking"));
  g_assert_true (has_line (check->out, "currency: USD"));
  {
    g_autofree char *format = g_strdup_printf ("format: %d", ABM_WORKSPACE_SCHEMA_VERSION);
    g_assert_true (has_line (check->out, format));
  }
  g_assert_true (has_line (check->out, "integrity: ok"));
  g_assert_true (has_line (check->out, "accounts: 0"));

  /* Checking never writes. */
  assert_bytes_unchanged (path, before);

  /* The default currency. */
  {
    g_autoptr(Result) other = run (f, "init", "eur.abm", "--name", "Other", NULL);
    g_autoptr(Result) other_check = NULL;

    assert_success (other);
    other_check = run (f, "check", "eur.abm", NULL);
    assert_success (other_check);
    g_assert_true (has_line (other_check->out, "currency: EUR"));
  }
}

static void
test_check_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Result) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Acme", "acme.com");
  add_account (f, "w.abm", "Globex", NULL);

  result = run (f, "check", "--format", "json", "w.abm", NULL);
  assert_success (result);
  root = parse_json (result->out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "FY27 Enterprise Banking");
  g_assert_cmpstr (json_object_get_string_member (object, "currency"), ==, "EUR");
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, ABM_WORKSPACE_SCHEMA_VERSION);
  g_assert_cmpstr (json_object_get_string_member (object, "integrity"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (object, "accounts"), ==, 2);
}

static void
test_init_refuses (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "w.abm");
  g_autofree char *text_path = fixture_path (f, "notes.txt");
  g_autofree char *bad_path = fixture_path (f, "bad.abm");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) text_before = NULL;
  g_autoptr(GError) error = NULL;

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Acme", "acme.com");
  before = read_bytes (path);

  /* An existing workspace, or any other file, is never replaced. */
  {
    g_autoptr(Result) result = run (f, "init", "w.abm", "--name", "Again", NULL);

    assert_failure (result);
    assert_bytes_unchanged (path, before);
    g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 1);
  }

  g_file_set_contents (text_path, "keep me\n", -1, &error);
  g_assert_no_error (error);
  text_before = read_bytes (text_path);
  {
    g_autoptr(Result) result = run (f, "init", "notes.txt", "--name", "Again", NULL);

    assert_failure (result);
    assert_bytes_unchanged (text_path, text_before);
  }

  /* Invalid settings create nothing. */
  {
    g_autoptr(Result) currency = run (f, "init", "bad.abm", "--name", "X", "--currency", "euro", NULL);
    g_autoptr(Result) name = run (f, "init", "bad.abm", "--name", "   ", NULL);

    assert_failure (currency);
    assert_failure (name);
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  }
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(Result) result = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *acme;
  JsonObject *plain;

  init_workspace (f, "w.abm");

  result = run (f, "add", "w.abm",
                "--name", "Acme Corp",
                "--domain", "https://www.Acme.com/x",
                "--industry", "Banking",
                "--employees", "1,200",
                "--annual-revenue", "2.5M",
                "--country", "Germany",
                "--city", "Berlin",
                "--acv-potential", "40k",
                "--owner-ae", "Jane Doe",
                "--owner-marketer", "John Roe",
                "--notes", "Met at the summit",
                NULL);
  assert_success (result);
  g_assert_cmpstr (result->out, ==, "1\n");
  g_assert_cmpint (add_account (f, "w.abm", "Initech", NULL), ==, 2);

  root = accounts_json (f, "w.abm");
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);

  acme = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (acme, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==, "Acme Corp");
  g_assert_cmpstr (json_object_get_string_member (acme, "domain"), ==, "acme.com");
  g_assert_cmpstr (json_object_get_string_member (acme, "industry"), ==, "Banking");
  g_assert_cmpint (json_object_get_int_member (acme, "employees"), ==, 1200);
  g_assert_cmpfloat (json_object_get_double_member (acme, "annual-revenue"), ==, 2500000);
  g_assert_cmpstr (json_object_get_string_member (acme, "country"), ==, "Germany");
  g_assert_cmpstr (json_object_get_string_member (acme, "city"), ==, "Berlin");
  g_assert_cmpfloat (json_object_get_double_member (acme, "acv-potential"), ==, 40000);
  g_assert_cmpstr (json_object_get_string_member (acme, "owner-ae"), ==, "Jane Doe");
  g_assert_cmpstr (json_object_get_string_member (acme, "owner-marketer"), ==, "John Roe");
  g_assert_cmpstr (json_object_get_string_member (acme, "notes"), ==, "Met at the summit");

  /* What was not given is unknown, not zero or empty. */
  plain = json_array_get_object_element (array, 1);
  g_assert_cmpint (json_object_get_int_member (plain, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (plain, "name"), ==, "Initech");
  g_assert_true (json_object_get_null_member (plain, "domain"));
  g_assert_true (json_object_get_null_member (plain, "employees"));
  g_assert_true (json_object_get_null_member (plain, "annual-revenue"));
  g_assert_true (json_object_get_null_member (plain, "notes"));
}

static void
test_add_invalid (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "w.abm");
  g_autofree char *missing = fixture_path (f, "missing.abm");
  g_autoptr(GBytes) before = NULL;
  const struct {
    const char *option;
    const char *value;
    const char *mentions;
  } cases[] = {
    { "--employees", "-5", "Employees" },
    { "--employees", "many", "Employees" },
    { "--annual-revenue", "-1", "Annual Revenue" },
    { "--acv-potential", "(300)", "ACV Potential" },
    { "--domain", "not a domain", "not a domain" },
    { "--name", "   ", "name" },
  };

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Acme", "acme.com");
  before = read_bytes (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) result =
        run (f, "add", "w.abm", "--name", "Globex", cases[i].option, cases[i].value, NULL);

      g_test_message ("%s %s: %s", cases[i].option, cases[i].value, result->err);
      assert_failure (result);
      g_assert_nonnull (strstr (result->err, cases[i].mentions));
    }

  /* Nothing was added or written. */
  assert_bytes_unchanged (path, before);
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 1);

  /* add does not create a missing workspace. */
  {
    g_autoptr(Result) result = run (f, "add", "missing.abm", "--name", "Globex", NULL);

    assert_failure (result);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_add_text (Fixture       *f,
               gconstpointer  data)
{
  const char *name = "M\xc3\xbcller GmbH";
  const char *const add_in_c[] = { "add", "w.abm", "--name", name, "--city", "K\xc3\xb6ln", NULL };
  const char *const init_in_c[] = { "init", "c.abm", "--name", "Soci\xc3\xa9t\xc3\xa9", NULL };
  g_autofree char *c_path = fixture_path (f, "c.abm");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  init_workspace (f, "w.abm");

  /* Scripts run by cron often have the plain C locale: UTF-8 still works. */
  {
    g_autoptr(Result) result = run_argv_in_locale (f, "C", add_in_c);
    g_autoptr(Result) init = run_argv_in_locale (f, "C", init_in_c);
    g_autoptr(Result) check = NULL;

    assert_success (result);
    assert_success (init);
    check = run (f, "check", "c.abm", NULL);
    assert_success (check);
    g_assert_true (has_line (check->out, "name: Soci\xc3\xa9t\xc3\xa9"));
  }

  /* Bytes that are no text are refused, not stored. */
  {
    g_autoptr(Result) add = run (f, "add", "w.abm", "--name", "Bad \xff name", NULL);
    g_autoptr(Result) notes = run (f, "add", "w.abm", "--name", "Fine", "--notes", "\xc3", NULL);
    g_autoptr(Result) init = run (f, "init", "bad.abm", "--name", "Bad \xff name", NULL);
    g_autofree char *bad_path = fixture_path (f, "bad.abm");

    assert_failure (add);
    assert_failure (notes);
    g_assert_nonnull (strstr (notes->err, "--notes"));
    assert_failure (init);
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  }

  root = accounts_json (f, "w.abm");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  object = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (object, "city"), ==, "K\xc3\xb6ln");
  g_assert_true (g_file_test (c_path, G_FILE_TEST_EXISTS));
}

static void
test_add_duplicate (Fixture       *f,
                    gconstpointer  data)
{
  init_workspace (f, "w.abm");
  /* The message names the other account: still on one line. */
  add_account (f, "w.abm", "Acme\nHoldings", "acme.com");

  /* The same domain in another spelling is the same account. */
  {
    g_autoptr(Result) result = run (f, "add", "w.abm", "--name", "Acme Again",
                                    "--domain", "http://WWW.ACME.COM/contact", NULL);

    assert_failure (result);
    g_assert_nonnull (strstr (result->err, "acme.com"));
    g_assert_nonnull (strstr (result->err, "Holdings"));
  }
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 1);

  /* Accounts without a domain do not collide. */
  add_account (f, "w.abm", "No Domain 1", NULL);
  add_account (f, "w.abm", "No Domain 2", NULL);
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 3);
}

static void
test_accounts_csv (Fixture       *f,
                   gconstpointer  data)
{
  const char *tricky_name = "Smith, \"Jones\" & Co\nHoldings";
  const char *tricky_notes = "First line\r\nSecond, with \"quotes\"\n";
  g_autoptr(Result) added = NULL;
  g_autoptr(Result) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  char **header, **row;

  init_workspace (f, "w.abm");
  added = run (f, "add", "w.abm", "--name", tricky_name, "--domain", "smith.example",
               "--employees", "1,200", "--annual-revenue", "1234.5",
               "--industry", "Banking\nInsurance", "--owner-ae", "Jane\rDoe",
               "--notes", tricky_notes, NULL);
  assert_success (added);
  add_account (f, "w.abm", "Plain", NULL);

  result = run (f, "accounts", "w.abm", NULL);
  assert_success (result);

  /* The header is the first line, exactly. */
  g_assert_true (g_str_has_prefix (result->out, CSV_HEADER "\n"));

  records = parse_csv (result->out);
  g_assert_cmpuint (records->len, ==, 3);

  header = g_ptr_array_index (records, 0);
  /* id, the fields, then the computed fit score and band */
  g_assert_cmpuint (g_strv_length (header), ==, ABM_ACCOUNT_N_FIELDS + 3);
  g_assert_cmpstr (header[0], ==, "id");
  for (guint field = 0; field < ABM_ACCOUNT_N_FIELDS; field++)
    g_assert_cmpstr (header[field + 1], ==, abm_account_field_key (field));

  row = g_ptr_array_index (records, 1);
  g_assert_cmpuint (g_strv_length (row), ==, ABM_ACCOUNT_N_FIELDS + 3);
  g_assert_cmpstr (row[0], ==, "1");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_NAME], ==, tricky_name);
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_DOMAIN], ==, "smith.example");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_EMPLOYEES], ==, "1200");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_ANNUAL_REVENUE], ==, "1234.50");
  /* A line break alone is enough to need quotes. */
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_INDUSTRY], ==, "Banking\nInsurance");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_OWNER_AE], ==, "Jane\rDoe");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_CITY], ==, "");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_NOTES], ==, tricky_notes);

  /* Unknown numbers are empty, not 0 or -1. */
  row = g_ptr_array_index (records, 2);
  g_assert_cmpstr (row[0], ==, "2");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_NAME], ==, "Plain");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_EMPLOYEES], ==, "");
  g_assert_cmpstr (row[1 + ABM_ACCOUNT_FIELD_ACV_POTENTIAL], ==, "");

  /* --format csv is the default spelled out. */
  {
    g_autoptr(Result) explicit_csv = run (f, "accounts", "--format", "csv", "w.abm", NULL);

    assert_success (explicit_csv);
    g_assert_cmpstr (explicit_csv->out, ==, result->out);
  }
}

static void
test_accounts_json (Fixture       *f,
                    gconstpointer  data)
{
  const char *tricky_name = "Smith, \"Jones\" & Co\nHoldings \xc3\xa9";
  g_autoptr(Result) added = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *object;

  init_workspace (f, "w.abm");
  added = run (f, "add", "w.abm", "--name", tricky_name, "--employees", "50", NULL);
  assert_success (added);
  add_account (f, "w.abm", "Acme", "acme.com");
  add_account (f, "w.abm", "Globex", "globex.com");

  root = accounts_json (f, "w.abm");
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      object = json_array_get_object_element (array, i);
      g_assert_cmpint (json_object_get_int_member (object, "id"), ==, i + 1);
      /* Every field is there, known or not. */
      for (guint field = 0; field < ABM_ACCOUNT_N_FIELDS; field++)
        g_assert_true (json_object_has_member (object, abm_account_field_key (field)));
    }

  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, tricky_name);
  g_assert_cmpint (json_object_get_int_member (object, "employees"), ==, 50);
  object = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Globex");
  g_assert_cmpstr (json_object_get_string_member (object, "domain"), ==, "globex.com");
}

static void
test_accounts_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Result) csv = NULL;
  g_autoptr(JsonNode) root = NULL;

  init_workspace (f, "w.abm");

  csv = run (f, "accounts", "w.abm", NULL);
  assert_success (csv);
  g_assert_cmpstr (csv->out, ==, CSV_HEADER "\n");

  root = accounts_json (f, "w.abm");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

static void
write_foreign_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE contacts (name TEXT, email TEXT);"
                                     "INSERT INTO contacts VALUES ('Jane', 'jane@acme.com');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A workspace of several pages, cut in half as a failed copy leaves it. */
static void
write_truncated_workspace (Fixture    *f,
                           const char *name)
{
  g_autofree char *path = fixture_path (f, name);
  g_autofree char *notes = g_strnfill (3000, 'n');
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  init_workspace (f, name);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *account = g_strdup_printf ("Account %u", i);
      g_autoptr(Result) result = run (f, "add", name, "--name", account, "--notes", notes, NULL);

      assert_success (result);
    }

  whole = read_bytes (path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >=, 8 * 4096);
  g_file_set_contents (path, g_bytes_get_data (whole, NULL), (gssize) (size / 2), &error);
  g_assert_no_error (error);
}

static void
test_rejects_foreign_files (Fixture       *f,
                            gconstpointer  data)
{
  const char *files[] = {
    "random.abm", "text.abm", "empty.abm", "foreign.db", "newer.abm", "truncated.abm",
  };
  g_autofree char *random_path = fixture_path (f, "random.abm");
  g_autofree char *text_path = fixture_path (f, "text.abm");
  g_autofree char *empty_path = fixture_path (f, "empty.abm");
  g_autofree char *foreign_path = fixture_path (f, "foreign.db");
  g_autofree char *newer_path = fixture_path (f, "newer.abm");
  g_autoptr(GRand) rand = g_rand_new_with_seed (4180);
  g_autoptr(GByteArray) noise = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 8192; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);
      g_byte_array_append (noise, &byte, 1);
    }
  g_file_set_contents (random_path, (const char *) noise->data, noise->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (text_path, "name,domain\nAcme,acme.com\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty_path, "", 0, &error);
  g_assert_no_error (error);
  write_foreign_database (foreign_path);
  init_workspace (f, "newer.abm");
  add_account (f, "newer.abm", "Acme", "acme.com");
  set_user_version (newer_path, 99);
  write_truncated_workspace (f, "truncated.abm");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture_path (f, files[i]);
      g_autoptr(GBytes) before = read_bytes (path);
      const char *const commands[][6] = {
        { "check", files[i], NULL },
        { "check", files[i], "--format", "json", NULL },
        { "accounts", files[i], NULL },
        { "accounts", files[i], "--format", "json", NULL },
        { "add", files[i], "--name", "Intruder", NULL },
      };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autoptr(Result) result = run_argv (f, commands[c]);

          g_test_message ("%s %s: %s", commands[c][0], files[i], result->err);
          assert_failure (result);
          assert_bytes_unchanged (path, before);
        }
    }

  /* The newer file says so. */
  {
    g_autoptr(Result) result = run (f, "check", "newer.abm", NULL);

    assert_failure (result);
    g_assert_nonnull (strstr (result->err, "newer"));
  }

  /* And a file that is not there. */
  {
    g_autoptr(Result) result = run (f, "check", "missing.abm", NULL);

    assert_failure (result);
  }
}

/* The app holds the writer lock: reports still work, edits are refused
 * with the name of the holder. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "w.abm");
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmAccount) account = abm_account_new ();
  g_autoptr(GError) error = NULL;

  init_workspace (f, "w.abm");

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  abm_account_set_field_text (account, ABM_ACCOUNT_FIELD_NAME, "Held Open", &error);
  g_assert_no_error (error);
  abm_workspace_add_account (workspace, account, &error);
  g_assert_no_error (error);

  {
    g_autoptr(Result) check = run (f, "check", "w.abm", NULL);
    g_autoptr(Result) csv = run (f, "accounts", "w.abm", NULL);

    assert_success (check);
    g_assert_true (has_line (check->out, "accounts: 1"));
    assert_success (csv);
    g_assert_nonnull (strstr (csv->out, "\n1,Held Open,"));
  }

  {
    g_autoptr(Result) add = run (f, "add", "w.abm", "--name", "Blocked", NULL);
    g_autoptr(Result) init = run (f, "init", "w.abm", "--name", "Blocked", NULL);

    assert_failure (add);
    g_assert_nonnull (strstr (add->err, pid));
    assert_failure (init);
  }

  abm_workspace_close (workspace);
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 1);
  add_account (f, "w.abm", "After", NULL);
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 2);
}

/* A full disk is a failure, not a silently short report. */
static void
test_write_error (Fixture       *f,
                  gconstpointer  data)
{
  const char *const commands[][5] = {
    { "--version", NULL },
    { "accounts", "w.abm", NULL },
    { "accounts", "w.abm", "--format", "json", NULL },
    { "check", "w.abm", NULL },
    { "readiness", "w.abm", NULL },
  };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Acme", "acme.com");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(GStrv) env = child_environment ("C.UTF-8");
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;

      g_ptr_array_add (argv, (char *) abmctl_path);
      for (guint a = 0; commands[i][a] != NULL; a++)
        g_ptr_array_add (argv, (char *) commands[i][a]);
      g_ptr_array_add (argv, NULL);

      g_subprocess_launcher_set_environ (launcher, env);
      g_subprocess_launcher_set_cwd (launcher, f->dir);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);

      g_test_message ("%s: %s", commands[i][0], err);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_true (g_str_has_prefix (err, "abmctl: "));
      g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
    }
}

/* The sample is the same for the same seed, and different for another. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(Result) a = NULL;
  g_autoptr(Result) b = NULL;
  g_autoptr(Result) c = NULL;
  g_autoptr(Result) check = NULL;
  g_autoptr(Result) again = NULL;
  g_auto(GStrv) lines = NULL;

  {
    g_autoptr(Result) made_a = run (f, "demo", "a.abm", "--accounts", "300", "--seed", "5", NULL);
    g_autoptr(Result) made_b = run (f, "demo", "b.abm", "--accounts", "300", "--seed", "5", NULL);
    g_autoptr(Result) made_c = run (f, "demo", "c.abm", "--accounts", "300", "--seed", "6", NULL);

    assert_success (made_a);
    assert_success (made_b);
    assert_success (made_c);
  }

  a = run (f, "accounts", "a.abm", NULL);
  b = run (f, "accounts", "b.abm", NULL);
  c = run (f, "accounts", "c.abm", NULL);
  assert_success (a);
  g_assert_cmpstr (a->out, ==, b->out);
  g_assert_cmpstr (a->out, !=, c->out);

  lines = g_strsplit (a->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 300 + 1);   /* header, rows, "" */
  /* Every account is complete enough to plan with. */
  for (guint i = 1; i <= 300; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), >=, 17);
      g_assert_cmpstr (cells[1], !=, "");   /* name */
      g_assert_cmpstr (cells[2], !=, "");   /* domain */
      g_assert_cmpstr (cells[4], !=, "");   /* employees */
    }

  check = run (f, "check", "a.abm", NULL);
  assert_success (check);
  g_assert_true (has_line (check->out, "accounts: 300"));

  again = run (f, "demo", "a.abm", NULL);
  assert_failure (again);
}

static void
write_fixture (Fixture    *f,
               const char *name,
               const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A HubSpot export: counts, the rejected row with its line, and nothing
 * changed by a dry run or a file that cannot be read to its end. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Result) dry = NULL;
  g_autoptr(Result) result = NULL;
  g_autoptr(Result) again = NULL;
  g_autoptr(Result) broken = NULL;

  write_fixture (f, "hubspot.csv",
                 "Company name,Company Domain Name,Number of Employees,Country/Region\n"
                 "Acme Corp,https://www.acme.com/,\"1,200\",Germany\n"
                 "Globex,globex.com,lots,France\n"
                 "Initech,initech.com,300,USA\n"
                 "Acme Corporation,ACME.com,,\n");
  write_fixture (f, "bad.csv", "name,domain\nOk,ok.com\n\"Broken,broken.com\n");
  init_workspace (f, "w.abm");

  dry = run (f, "import", "w.abm", "hubspot.csv", "--dry-run", NULL);
  assert_success (dry);
  g_assert_true (g_str_has_prefix (dry->out, "would import: 2 new"));
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 0);

  result = run (f, "import", "w.abm", "hubspot.csv", NULL);
  assert_success (result);
  g_assert_true (has_line (result->out, "imported: 2 new, 0 updated, 1 merged, 0 skipped, 1 rejected"));
  g_assert_true (has_line (result->out, "line 3: Employees must be a number, not “lots”"));
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 2);

  again = run (f, "import", "w.abm", "hubspot.csv", "--on-duplicate", "skip", NULL);
  assert_success (again);
  g_assert_true (has_line (again->out, "imported: 0 new, 0 updated, 0 merged, 3 skipped, 1 rejected"));

  broken = run (f, "import", "w.abm", "bad.csv", NULL);
  assert_failure (broken);
  g_assert_nonnull (strstr (broken->err, "Line 3"));
  g_assert_cmpuint (count_accounts (f, "w.abm"), ==, 2);
}

/* A profile moves between workspaces as JSON, and scores every account. */
static void
test_icp (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(Result) imported = NULL;
  g_autoptr(Result) refused = NULL;
  g_autoptr(Result) exported = NULL;
  g_autoptr(Result) shown = NULL;
  g_autoptr(Result) bank = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  JsonArray *array;

  write_fixture (f, "icp.json",
                 "{\"format\": \"abm-icp\", \"version\": 1,"
                 " \"bands\": {\"strong-min\": 81, \"moderate-min\": 50},"
                 " \"criteria\": [{\"kind\": \"industry\", \"values\": [\"Banking\"],"
                 "                 \"weight\": 3, \"must-have\": false}]}");
  write_fixture (f, "hostile.json", "{\"format\": \"abm-icp\", \"criteria\": 7}");
  init_workspace (f, "w.abm");
  bank = run (f, "add", "w.abm", "--name", "Bank", "--industry", "Banking", NULL);
  assert_success (bank);
  add_account (f, "w.abm", "Shop", NULL);

  imported = run (f, "icp", "w.abm", "--import", "icp.json", NULL);
  assert_success (imported);

  accounts = accounts_json (f, "w.abm");
  array = json_node_get_array (accounts);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (array, 0), "fit-score"), ==, 100);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "fit-band"), ==, "strong");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (array, 1), "fit-score"), ==, 0);

  exported = run (f, "icp", "w.abm", "--export", "-", NULL);
  assert_success (exported);
  {
    g_autoptr(JsonNode) root = parse_json (exported->out);
    JsonObject *object = json_node_get_object (root);

    g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "abm-icp");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "criteria")), ==, 1);
  }

  shown = run (f, "icp", "w.abm", NULL);
  assert_success (shown);
  g_assert_nonnull (strstr (shown->out, "Banking"));

  refused = run (f, "icp", "w.abm", "--import", "hostile.json", NULL);
  assert_failure (refused);
}

/* A name a spreadsheet would run as a formula comes out inert. */
static void
test_csv_formula (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Result) added = NULL;
  g_autoptr(Result) result = NULL;

  init_workspace (f, "w.abm");
  added = run (f, "add", "w.abm", "--name", "=HYPERLINK(\"http://evil.example\",\"x\")", NULL);
  assert_success (added);
  result = run (f, "accounts", "w.abm", NULL);
  assert_success (result);
  g_assert_nonnull (strstr (result->out, "\n1,\"'=HYPERLINK("));
}

/* A column that is none of ours becomes a custom field: the profile scores
 * on it, `accounts` lists it, and a mapping can ask for or refuse it. */
static void
test_import_custom (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Result) imported = NULL;
  g_autoptr(Result) scored = NULL;
  g_autoptr(Result) listed = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  JsonObject *acme;
  char **header;
  guint use_case = 0;

  write_fixture (f, "crm.csv",
                 "Account Name,Website,Use Case,Record ID\n"
                 "Acme,acme.com,Fraud,1\n"
                 "Globex,globex.com,Payments,2\n");
  write_fixture (f, "map.json", "{\"Record ID\": null}");
  write_fixture (f, "icp.json",
                 "{\"format\": \"abm-icp\", \"version\": 1,"
                 " \"criteria\": [{\"kind\": \"custom\", \"field\": \"Use Case\","
                 "                 \"values\": [\"fraud\"], \"weight\": 2}]}");
  init_workspace (f, "w.abm");
  imported = run (f, "import", "w.abm", "crm.csv", "--mapping", "map.json", NULL);
  assert_success (imported);
  scored = run (f, "icp", "w.abm", "--import", "icp.json", NULL);
  assert_success (scored);

  accounts = accounts_json (f, "w.abm");
  acme = json_array_get_object_element (json_node_get_array (accounts), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (acme, "custom"), "Use Case"),
                   ==, "Fraud");
  g_assert_false (json_object_has_member (json_object_get_object_member (acme, "custom"), "Record ID"));
  g_assert_cmpfloat (json_object_get_double_member (acme, "fit-score"), ==, 100);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (json_node_get_array (accounts), 1),
                                                    "fit-score"), ==, 0);

  listed = run (f, "accounts", "w.abm", NULL);
  assert_success (listed);
  records = parse_csv (listed->out);
  header = records->pdata[0];
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], "Use Case"))
      use_case = i;
  g_assert_cmpuint (use_case, >, 0);
  g_assert_cmpstr (((char **) records->pdata[1])[use_case], ==, "Fraud");
}

/* Tiers from the command line: rules and team, a suggestion that leaves a
 * locked account alone, a hand-set tier, the JSON report with capacity
 * warnings and clusters, and snapshots compared. */
static void
test_tiers (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Result) demo = run (f, "demo", "t.abm", "--accounts", "400", "--seed", "2", NULL);
  g_autoptr(Result) rules = NULL;
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) suggest = NULL;
  g_autoptr(Result) report = NULL;
  g_autoptr(Result) explain = NULL;
  g_autoptr(Result) bad = NULL;
  g_autoptr(Result) snap = NULL;
  g_autoptr(Result) compare = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  JsonObject *object;
  JsonArray *tiers, *warnings;
  const char *domain = NULL;
  gboolean over = FALSE;

  assert_success (demo);
  accounts = accounts_json (f, "t.abm");
  /* The first account not in Tier 1: it is locked there by hand. */
  for (guint i = 0; domain == NULL; i++)
    {
      JsonObject *a = json_array_get_object_element (json_node_get_array (accounts), i);
      if (json_object_get_null_member (a, "tier") || json_object_get_int_member (a, "tier") != 1)
        domain = json_object_get_string_member (a, "domain");
    }

  rules = run (f, "tier", "t.abm", "--rule", "1=top:40", "--rule", "2=min:50", "--rule", "3=min:20",
               "--aes", "1", "--marketers", "1", "--weights", "fit=1,acv=0,intent=0", NULL);
  assert_success (rules);
  {
    g_autofree char *arg = g_strdup_printf ("%s=1", domain);
    set = run (f, "tier", "t.abm", "--set", arg, "--lock", domain, NULL);
    assert_success (set);
  }
  suggest = run (f, "tier", "t.abm", "--suggest", NULL);
  assert_success (suggest);
  g_assert_true (g_str_has_prefix (suggest->out, "suggested tiers: "));

  report = run (f, "tiers", "t.abm", "--format", "json", NULL);
  assert_success (report);
  root = parse_json (report->out);
  object = json_node_get_object (root);
  tiers = json_object_get_array_member (object, "tiers");
  /* Forty in Tier 1, the locked one among them. */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tiers, 0), "accounts"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tiers, 0), "locked"), >=, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (tiers, 0), "per-ae"), ==, 40);
  warnings = json_object_get_array_member (object, "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      const char *text = json_object_get_string_member (json_array_get_object_element (warnings, i), "text");
      over |= strstr (text, "Tier 1 has 40 accounts") != NULL;
    }
  g_assert_true (over);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "team"), "aes"), ==, 1);
  g_assert_true (json_object_has_member (object, "clusters"));

  explain = run (f, "tier", "t.abm", "--explain", domain, NULL);
  assert_success (explain);
  g_assert_nonnull (strstr (explain->out, "Locked at Tier 1"));

  bad = run (f, "tier", "t.abm", "--rule", "4=top:5", NULL);
  g_assert_cmpint (bad->status, ==, 2);
  g_clear_pointer (&bad, result_free);
  bad = run (f, "tier", "t.abm", "--set", "nowhere.example=1", NULL);
  assert_failure (bad);

  /* The demo's snapshot (1) against now: the hand-set and suggested tiers. */
  snap = run (f, "snapshot", "t.abm", "--take", "After the review", NULL);
  assert_success (snap);
  compare = run (f, "snapshot", "t.abm", "--compare", "1", NULL);
  assert_success (compare);
  g_assert_nonnull (strstr (compare->out, domain));
  g_clear_pointer (&compare, result_free);
  compare = run (f, "snapshot", "t.abm", "--compare", "1", "--to", "2", NULL);
  assert_success (compare);
  g_clear_pointer (&compare, result_free);
  compare = run (f, "snapshot", "t.abm", "--compare", "2", NULL);
  assert_success (compare);
  g_assert_cmpstr (compare->out, ==, "");
}

static JsonObject *
readiness_condition (JsonObject *root,
                     const char *key)
{
  JsonArray *conditions = json_object_get_array_member (root, "conditions");

  for (guint i = 0; i < json_array_get_length (conditions); i++)
    {
      JsonObject *condition = json_array_get_object_element (conditions, i);

      if (g_str_equal (json_object_get_string_member (condition, "key"), key))
        return condition;
    }
  g_assert_not_reached ();
}

static JsonNode *
readiness_json (Fixture    *f,
                const char *file)
{
  g_autoptr(Result) result = run (f, "readiness", file, "--format", "json", NULL);

  assert_success (result);
  return parse_json (result->out);
}

/* Answers are stored as given, and read back with the outcome and what
 * to do about each "no". */
static void
test_readiness (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) all = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) cleared = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *acv;

  init_workspace (f, "w.abm");
  {
    g_autoptr(Result) a = run (f, "add", "w.abm", "--name", "Acme", "--acv-potential", "48000",
                               "--target", "yes", NULL);
    g_autoptr(Result) b = run (f, "add", "w.abm", "--name", "Globex", "--acv-potential", "12000",
                               "--target", "yes", NULL);
    assert_success (a);
    assert_success (b);
  }

  root = readiness_json (f, "w.abm");
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "unanswered");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "conditions")), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (readiness_condition (object, "acv"), "answer"), ==, "unanswered");
  acv = json_object_get_object_member (object, "acv");
  g_assert_true (json_object_get_boolean_member (acv, "targets-only"));
  g_assert_cmpfloat (json_object_get_double_member (acv, "median"), ==, 30000);
  g_assert_cmpint (json_object_get_int_member (acv, "below"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (acv, "hint"), ==,
                   "Median ACV potential of your target accounts: 30000 EUR, above the 25000 EUR minimum; "
                   "1 of 2 is below it.");
  g_clear_pointer (&root, json_node_unref);

  /* The printed report already has the new answers. */
  set = run (f, "readiness", "w.abm", "--set", "acv=yes", "--set", "shared-list=no",
             "--set", "sales-cycle=unsure", "--format", "json", NULL);
  assert_success (set);
  root = parse_json (set->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (readiness_condition (object, "shared-list"), "answer"), ==, "no");
  g_clear_pointer (&root, json_node_unref);

  all = run (f, "readiness", "w.abm", "--set", "buying-committee=yes", "--set", "finite-market=yes",
             "--set", "content-capacity=yes", NULL);
  assert_success (all);
  root = readiness_json (f, "w.abm");
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "gaps");
  g_assert_cmpstr (json_object_get_string_member (readiness_condition (object, "acv"), "answer"), ==, "yes");
  g_assert_cmpstr (json_object_get_string_member (readiness_condition (object, "sales-cycle"), "answer"), ==, "unsure");
  g_assert_true (json_object_get_null_member (readiness_condition (object, "acv"), "advice"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (readiness_condition (object, "shared-list"), "advice"),
                                   "Agree the target list with sales"));
  g_clear_pointer (&root, json_node_unref);

  /* The last --set of a condition wins; "no" on the deals decides. */
  cleared = run (f, "readiness", "w.abm", "--set", "sales-cycle=yes", "--set", "sales-cycle=no", NULL);
  assert_success (cleared);
  text = run (f, "readiness", "w.abm", NULL);
  assert_success (text);
  g_assert_true (has_line (text->out, "Not a Fit Yet"));
  g_assert_true (has_line (text->out, "Sales cycle (sales-cycle): No"));
  g_assert_true (has_line (text->out, "Shared list (shared-list): No"));
  g_assert_true (has_line (text->out, "Deal size (acv): Yes"));
  g_assert_nonnull (strstr (text->out, "\n  What to do: Lead-based demand generation"));
  g_assert_nonnull (strstr (text->out, "\n  Median ACV potential of your target accounts"));
}

/* Without --set the file is only read, even while the app holds it. */
static void
test_readiness_read_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "w.abm");
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GBytes) before = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;

  init_workspace (f, "w.abm");
  {
    g_autoptr(Result) set = run (f, "readiness", "w.abm", "--set", "acv=no", NULL);
    assert_success (set);
  }
  before = read_bytes (path);

  {
    g_autoptr(Result) text = run (f, "readiness", "w.abm", NULL);
    g_autoptr(Result) json = run (f, "readiness", "w.abm", "--format", "json", NULL);

    assert_success (text);
    assert_success (json);
  }
  assert_bytes_unchanged (path, before);

  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Result) shown = run (f, "readiness", "w.abm", NULL);
    g_autoptr(Result) refused = run (f, "readiness", "w.abm", "--set", "acv=yes", NULL);

    assert_success (shown);
    g_assert_true (has_line (shown->out, "Deal size (acv): No"));
    assert_failure (refused);
    g_assert_nonnull (strstr (refused->err, pid));
  }
  abm_workspace_close (workspace);
}

/* Contacts join their accounts' committees from the command line, and
 * `committee` shows them with the coverage gaps. */
static void
test_committee (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(Result) added = NULL;
  g_autoptr(Result) dry = NULL;
  g_autoptr(Result) imported = NULL;
  g_autoptr(Result) shown = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *people;

  write_fixture (f, "contacts.csv",
                 "Name,Email,Job Title,Reports To Email,Buying Role\n"
                 "Ana Ruiz,ana@acme.com,CIO,,Decision maker\n"
                 "Ben Ode,ben@acme.com,Architect,ana@acme.com,Champion\n"
                 "Cy Park,cy@elsewhere.org,Analyst,,\n");
  init_workspace (f, "w.abm");
  added = run (f, "add", "w.abm", "--name", "Acme", "--domain", "acme.com", NULL);
  assert_success (added);

  dry = run (f, "import-contacts", "w.abm", "contacts.csv", "--dry-run", NULL);
  assert_success (dry);
  g_assert_true (g_str_has_prefix (dry->out, "would import: 2 new, 0 updated, 1 notes"));
  imported = run (f, "import-contacts", "w.abm", "contacts.csv", NULL);
  assert_success (imported);
  g_assert_true (has_line (imported->out, "line 4: No account has the domain elsewhere.org"));

  shown = run (f, "committee", "w.abm", "--account", "acme.com", NULL);
  assert_success (shown);
  g_assert_nonnull (strstr (shown->out, "Ben Ode\tArchitect\tChampion"));
  g_assert_true (has_line (shown->out, "gap: No technical evaluator identified"));

  json = run (f, "committee", "w.abm", "--account", "acme.com", "--format", "json", NULL);
  assert_success (json);
  root = parse_json (json->out);
  people = json_object_get_array_member (json_node_get_object (root), "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (people, 1), "reports-to"), ==,
                   json_object_get_int_member (json_array_get_object_element (people, 0), "id"));

  missing = run (f, "committee", "w.abm", NULL);
  g_assert_cmpint (missing->status, ==, 2);

  /* The chart as PNG, SVG and PDF files. */
  {
    const char *const names[] = { "chart.png", "chart.svg", "chart.pdf" };
    const char *const starts[] = { "\x89PNG\r\n", "<?xml", "%PDF" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(Result) drawn = run (f, "orgchart", "w.abm", "--account", "acme.com", "-o", names[i], NULL);
        g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
        g_autofree char *contents = NULL;
        gsize len = 0;

        assert_success (drawn);
        g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
        g_assert_cmpuint (len, >, strlen (starts[i]));
        g_assert_true (memcmp (contents, starts[i], strlen (starts[i])) == 0);
      }
    {
      g_autoptr(Result) wrong = run (f, "orgchart", "w.abm", "--account", "acme.com", "-o", "chart.doc", NULL);
      g_assert_cmpint (wrong->status, ==, 2);
    }
  }
}

/* What the committee commands read back of an account: its people and the
 * account list, to compare before and after a failed command. (A writable
 * open records and clears its lock holder, so the file's bytes may move.) */
static char *
committee_state (Fixture *f)
{
  g_autoptr(Result) people = run (f, "committee", "w.abm", "--account", "acme.com", "--format", "json", NULL);
  g_autoptr(Result) accounts = run (f, "accounts", "w.abm", "--format", "json", NULL);

  assert_success (people);
  assert_success (accounts);
  return g_strconcat (people->out, accounts->out, NULL);
}

/* Bad input to the committee commands fails with one clear line, writes
 * no chart, and leaves the workspace as it was. */
static void
test_committee_bad_input (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *chart = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *binary = g_build_filename (f->dir, "binary.csv", NULL);
  g_autofree char *before = NULL;
  g_autoptr(Result) added = NULL;
  struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "orgchart", "w.abm", "--account", "nosuch.com", "-o", "chart.png" },
      "abmctl: No account has the domain or name “nosuch.com”\n" },
    { { "committee", "w.abm", "--account", "nosuch.com" },
      "abmctl: No account has the domain or name “nosuch.com”\n" },
    { { "import-contacts", "w.abm", "missing.csv" }, NULL },
    { { "import-contacts", "w.abm", "binary.csv" }, NULL },
    { { "import-contacts", "w.abm", "nameless.csv" },
      "abmctl: The file has no column with the contacts’ names (“Name”, or “First Name” and “Last Name”)\n" },
    { { "import-contacts", "w.abm", "partly.csv" }, NULL },
  };

  write_fixture (f, "nameless.csv", "Email,Job Title\nana@acme.com,CIO\n");
  write_fixture (f, "partly.csv",
                 "Name,Email,Reports To Email\n"
                 "Ana Ruiz,ana@acme.com,\n"
                 "Ben Ode,ben@acme.com,ana@acme.com\n"
                 "\"Cy Park,cy@acme.com,\n");
  g_assert_true (g_file_set_contents (binary, "Name\nAna\0Ruiz\n", 14, NULL));
  init_workspace (f, "w.abm");
  added = run (f, "add", "w.abm", "--name", "Acme", "--domain", "acme.com", NULL);
  assert_success (added);
  before = committee_state (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Result) result = run (f, cases[i].args[0], cases[i].args[1], cases[i].args[2],
                                      cases[i].args[3], cases[i].args[4], cases[i].args[5], NULL);
      g_autofree char *after = NULL;

      g_test_message ("abmctl %s %s", cases[i].args[0], cases[i].args[2]);
      assert_failure (result);
      if (cases[i].message != NULL)
        g_assert_cmpstr (result->err, ==, cases[i].message);
      after = committee_state (f);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (g_file_test (chart, G_FILE_TEST_EXISTS));
}

/* A plan is written and read from the command line: sections as typed,
 * motion, review date, the account's stage, and next steps. */
static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(Result) bad_key = NULL;
  g_autoptr(Result) bad_date = NULL;
  g_autoptr(Result) no_account = NULL;
  g_autoptr(Result) missing = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *plan, *step;

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Northwind Bank", "northwind.com");
  set = run (f, "plan", "w.abm", "--account", "northwind.com",
             "--set", "business-priorities=Consolidate platforms.\n- Retail first\n- Then wealth",
             "--set", "motion=expand", "--set", "review-date=2026-04-01", "--set", "stage=engaged",
             "--set", "owner-ae=Dana Smith",
             "--add-step", "Book the briefing", "--due", "2026-03-20", "--owner", "Dana Smith", NULL);
  assert_success (set);
  g_assert_cmpstr (set->out, ==, "");

  text = run (f, "plan", "w.abm", "--account", "northwind.com", NULL);
  assert_success (text);
  g_assert_true (has_line (text->out, "Northwind Bank (northwind.com)"));
  g_assert_true (has_line (text->out, "Motion: Expand an existing customer"));
  g_assert_true (has_line (text->out, "Stage: engaged"));
  g_assert_true (has_line (text->out, "Business priorities"));
  g_assert_true (has_line (text->out, "  - Retail first"));
  g_assert_nonnull (strstr (text->out, "2026-03-20\t[ ] Book the briefing (Dana Smith) — overdue"));

  json = run (f, "plan", "w.abm", "--account", "northwind.com", "--format", "json", NULL);
  assert_success (json);
  root = parse_json (json->out);
  plan = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (plan, "sections"),
                                                  "business-priorities"), ==,
                   "Consolidate platforms.\n- Retail first\n- Then wealth");
  g_assert_cmpstr (json_object_get_string_member (plan, "motion"), ==, "expand");
  g_assert_cmpstr (json_object_get_string_member (plan, "review-date"), ==, "2026-04-01");
  g_assert_cmpstr (json_object_get_string_member (plan, "owner-ae"), ==, "Dana Smith");
  g_assert_nonnull (json_object_get_string_member (plan, "modified"));
  step = json_array_get_object_element (json_object_get_array_member (plan, "next-steps"), 0);
  g_assert_cmpstr (json_object_get_string_member (step, "text"), ==, "Book the briefing");
  g_assert_cmpstr (json_object_get_string_member (step, "date"), ==, "2026-03-20");

  bad_key = run (f, "plan", "w.abm", "--account", "northwind.com", "--set", "swot=x", NULL);
  assert_usage_error (bad_key);
  bad_date = run (f, "plan", "w.abm", "--account", "northwind.com", "--set", "review-date=April", NULL);
  assert_failure (bad_date);
  no_account = run (f, "plan", "w.abm", NULL);
  assert_usage_error (no_account);
  missing = run (f, "plan", "w.abm", "--account", "nowhere.example", NULL);
  assert_failure (missing);
}

/* The whitespace map is filled from the command line: rows, columns
 * (which join the workspace's offerings) and cells; a mistyped cell
 * changes nothing. */
static void
test_plan_whitespace (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Result) set = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) offerings = NULL;
  JsonObject *map, *cell;
  const char *const bad[] = {
    "Nowhere|Payments=customer", "Retail|Nothing=customer", "Retail|Payments=bought",
    "Retail|Payments=competitor", "Retail|Payments=customer:lots", "Retail Payments=customer",
    "Retail|Payments=customer:Acme:10",
  };

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Northwind Bank", "northwind.com");
  set = run (f, "plan", "w.abm", "--account", "northwind.com",
             "--add-division", "Retail", "--add-division", "Wealth",
             "--add-offering", "Payments", "--add-offering", "Cards",
             "--set-cell", "Retail|Payments=customer:120000",
             "--set-cell", "wealth|cards=competitor:Acme Corp:50000",
             "--set-cell", "Wealth|Payments=opportunity", NULL);
  assert_success (set);

  text = run (f, "plan", "w.abm", "--account", "northwind.com", NULL);
  assert_success (text);
  g_assert_nonnull (strstr (text->out, "Retail / Payments\tCustomer\t120000"));
  g_assert_nonnull (strstr (text->out, "Wealth / Cards\tCompetitor: Acme Corp\t50000"));

  json = run (f, "plan", "w.abm", "--account", "northwind.com", "--format", "json", NULL);
  assert_success (json);
  root = parse_json (json->out);
  map = json_object_get_object_member (json_node_get_object (root), "whitespace");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (map, "divisions")), ==, 2);
  cell = json_array_get_object_element (json_array_get_array_element (json_object_get_array_member (map, "cells"), 1), 0);
  g_assert_cmpstr (json_object_get_string_member (cell, "status"), ==, "opportunity");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Result) wrong = run (f, "plan", "w.abm", "--account", "northwind.com", "--set-cell", bad[i], NULL);

      assert_usage_error (wrong);
    }

  path = fixture_path (f, "w.abm");
  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  offerings = abm_workspace_dup_offerings (workspace);
  g_assert_true (g_strv_contains ((const char *const *) offerings, "Payments"));
  g_assert_true (g_strv_contains ((const char *const *) offerings, "Cards"));
  {
    AbmPlan *plan = abm_workspace_get_plan (workspace, abm_workspace_find_account_by_id (workspace, 1), &error);
    const AbmWhitespaceCell *kept;

    g_assert_no_error (error);
    kept = abm_whitespace_get_cell (abm_plan_get_whitespace (plan), 0, 0);
    g_assert_cmpint (kept->status, ==, ABM_WHITESPACE_CUSTOMER);
    g_assert_cmpfloat (kept->amount, ==, 120000);
  }
  abm_workspace_close (workspace);
}

static guint
count_components (AbmTestIcs *calendar,
                  const char *name)
{
  guint n = 0;

  for (guint i = 0; i < calendar->children->len; i++)
    n += g_strcmp0 (((AbmTestIcs *) calendar->children->pdata[i])->name, name) == 0;
  return n;
}

/* Plays from a template, filtered by due date in a given zone and day,
 * their status set, and exported as CSV, JSON and iCalendar. */
static void
test_plays (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Result) applied = NULL;
  g_autoptr(Result) week = NULL;
  g_autoptr(Result) overdue = NULL;
  g_autoptr(Result) done = NULL;
  g_autoptr(Result) after = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(Result) ics = NULL;
  g_autoptr(Result) ics_again = NULL;
  g_autoptr(Result) events = NULL;
  g_autoptr(Result) bad = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(AbmTestIcs) calendar = NULL;
  g_autoptr(AbmTestIcs) calendar_again = NULL;
  g_autoptr(AbmTestIcs) event_calendar = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *set_done = NULL;
  char **row;

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Northwind Bank", "northwind.com");
  applied = run (f, "plays", "w.abm", "--apply-template", "tier-1", "--account", "northwind.com",
                 "--start", "2026-03-23", NULL);
  assert_success (applied);
  g_assert_cmpstr (applied->out, ==, "added 8 plays\n");

  /* Only the research play is due in the week from 2 April. */
  week = run (f, "plays", "w.abm", "--due-within", "7d", "--today", "2026-04-02", "--timezone", "Europe/Berlin", NULL);
  assert_success (week);
  rows = parse_csv (week->out);
  g_assert_cmpuint (rows->len, ==, 2);
  row = rows->pdata[0];
  g_assert_cmpstr (row[0], ==, "id");
  g_assert_cmpstr (row[12], ==, "overdue");
  row = rows->pdata[1];
  g_assert_cmpstr (row[1], ==, "northwind.com");
  g_assert_cmpstr (row[3], ==, "content");
  g_assert_cmpstr (row[5], ==, "executive-sponsor");
  g_assert_cmpstr (row[9], ==, "2026-04-06");
  g_assert_cmpstr (row[11], ==, "4");
  first_id = g_strdup (row[0]);
  g_clear_pointer (&rows, g_ptr_array_unref);

  overdue = run (f, "plays", "w.abm", "--overdue", "--today", "2026-04-14", NULL);
  assert_success (overdue);
  rows = parse_csv (overdue->out);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);

  set_done = g_strdup_printf ("%s=done", first_id);
  done = run (f, "plays", "w.abm", "--set-status", set_done, NULL);
  assert_success (done);
  after = run (f, "plays", "w.abm", "--overdue", "--today", "2026-04-14", NULL);
  rows = parse_csv (after->out);
  g_assert_cmpuint (rows->len, ==, 2);

  json = run (f, "plays", "w.abm", "--account", "northwind.com", "--format", "json", "--today", "2026-04-14", NULL);
  assert_success (json);
  root = parse_json (json->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (root), 0),
                                                  "status"), ==, "done");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (root), 1),
                                                 "overdue"));

  /* A strict reader takes the calendar; the UIDs are the same next time. */
  ics = run (f, "plays", "w.abm", "--format", "ics", NULL);
  assert_success (ics);
  calendar = abm_test_ics_parse (ics->out);
  g_assert_cmpuint (count_components (calendar, "VTODO"), ==, 8);
  g_assert_cmpstr (abm_test_ics_get (calendar->children->pdata[0], "DUE;VALUE=DATE"), ==, "20260406");
  ics_again = run (f, "plays", "w.abm", "--format", "ics", NULL);
  calendar_again = abm_test_ics_parse (ics_again->out);
  for (guint i = 0; i < 8; i++)
    g_assert_cmpstr (abm_test_ics_get (calendar->children->pdata[i], "UID"), ==,
                     abm_test_ics_get (calendar_again->children->pdata[i], "UID"));
  events = run (f, "plays", "w.abm", "--format", "ics", "--ics-events", NULL);
  event_calendar = abm_test_ics_parse (events->out);
  g_assert_cmpuint (count_components (event_calendar, "VEVENT"), ==, 8);

  bad = run (f, "plays", "w.abm", "--format", "xml", NULL);
  assert_usage_error (bad);
  g_clear_pointer (&bad, result_free);
  bad = run (f, "plays", "w.abm", "--due-within", "soon", NULL);
  assert_usage_error (bad);
  g_clear_pointer (&bad, result_free);
  bad = run (f, "plays", "w.abm", "--timezone", "Mars/Olympus", NULL);
  assert_usage_error (bad);
  g_clear_pointer (&bad, result_free);
  bad = run (f, "plays", "w.abm", "--set-status", "999=done", NULL);
  assert_failure (bad);
  g_clear_pointer (&bad, result_free);
  bad = run (f, "plays", "w.abm", "--apply-template", "tier-1", NULL);
  assert_usage_error (bad);
}

/* The weekly review lists what is overdue and due, by day. */
static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Result) step = NULL;
  g_autoptr(Result) review = NULL;
  g_autoptr(Result) applied = NULL;
  g_autoptr(Result) text = NULL;
  g_autoptr(Result) json = NULL;
  g_autoptr(Result) empty = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items;

  init_workspace (f, "w.abm");
  add_account (f, "w.abm", "Northwind Bank", "northwind.com");
  add_account (f, "w.abm", "Contoso", "contoso.com");
  step = run (f, "plan", "w.abm", "--account", "northwind.com", "--add-step", "Send the pack",
              "--due", "2026-04-16", "--owner", "Lee Park", NULL);
  assert_success (step);
  review = run (f, "plan", "w.abm", "--account", "contoso.com", "--set", "review-date=2026-04-01", NULL);
  assert_success (review);
  applied = run (f, "plays", "w.abm", "--apply-template", "tier-1", "--account", "northwind.com",
                 "--start", "2026-03-23", NULL);
  assert_success (applied);

  text = run (f, "agenda", "w.abm", "--week", "2026-04-14", "--timezone", "America/New_York", NULL);
  assert_success (text);
  g_assert_true (has_line (text->out, "Week of 2026-04-13 to 2026-04-19"));
  g_assert_true (has_line (text->out, "Overdue"));
  g_assert_true (has_line (text->out, "  2026-04-06  Northwind Bank — play: Account research and a point of view on "
                                      "their priorities (Content, Marketing), 8 days overdue"));
  g_assert_true (has_line (text->out, "  2026-04-16  Northwind Bank — next step: Send the pack (Lee Park)"));
  g_assert_true (has_line (text->out, "  Contoso — review date 2026-04-01 passed"));

  json = run (f, "agenda", "w.abm", "--week", "2026-04-14", "--format", "json", NULL);
  assert_success (json);
  root = parse_json (json->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "week-start"), ==, "2026-04-13");
  items = json_object_get_array_member (json_node_get_object (root), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 2), "kind"), ==, "next-step");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 3), "staleness"), ==,
                   "review-due");

  empty = run (f, "agenda", "w.abm", "--week", "2026-03-02", NULL);
  assert_success (empty);
  g_assert_true (has_line (empty->out, "Nothing due, nothing overdue, no stale plans."));
}

/* The sample program has plans, plays, and an agenda to review. */
static void
test_demo_plans (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Result) made = run (f, "demo", "d.abm", "--accounts", "400", "--seed", "9", NULL);
  g_autoptr(Result) made_again = run (f, "demo", "e.abm", "--accounts", "400", "--seed", "9", NULL);
  g_autoptr(Result) plays = NULL;
  g_autoptr(Result) plays_again = NULL;
  g_autoptr(Result) agenda = NULL;
  g_autoptr(Result) plan = NULL;
  g_autoptr(JsonNode) accounts = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) plan_root = NULL;
  JsonArray *items;
  const char *tier1 = NULL;
  gboolean overdue = FALSE, this_week = FALSE, stale = FALSE;

  assert_success (made);
  assert_success (made_again);
  plays = run (f, "plays", "d.abm", NULL);
  plays_again = run (f, "plays", "e.abm", NULL);
  assert_success (plays);
  g_assert_cmpstr (plays->out, ==, plays_again->out);

  agenda = run (f, "agenda", "d.abm", "--format", "json", NULL);
  assert_success (agenda);
  root = parse_json (agenda->out);
  items = json_object_get_array_member (json_node_get_object (root), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "kind"), "stale-plan"))
        stale = TRUE;
      else if (json_object_get_boolean_member (item, "overdue"))
        overdue = TRUE;
      else
        this_week = TRUE;
    }
  g_assert_true (overdue && this_week && stale);

  accounts = accounts_json (f, "d.abm");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (accounts)) && tier1 == NULL; i++)
    {
      JsonObject *account = json_array_get_object_element (json_node_get_array (accounts), i);

      if (json_object_get_int_member (account, "tier") == 1)
        tier1 = json_object_get_string_member (account, "domain");
    }
  g_assert_nonnull (tier1);
  plan = run (f, "plan", "d.abm", "--account", tier1, "--format", "json", NULL);
  assert_success (plan);
  plan_root = parse_json (plan->out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (plan_root),
                                                                         "next-steps")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (plan_root),
                                                                                 "sections"),
                                                  "value-hypothesis"), !=, "");
}


/* ---- Briefs ---------------------------------------------------------------- */

/* What a poppler tool prints about @path, in UTF-8; NULL (the test then
 * skips) where the tool is not installed. */
static char *
run_poppler (const char *tool,
             const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { program, "-enc", "UTF-8", path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (exit_status (wait_status), ==, 0);
  return out;
}

/* The value of a "Key:   value" line of pdfinfo. */
static char *
pdfinfo_field (const char *info,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
    }
  return NULL;
}

/* The domain and name of the demo workspace's first Tier 1 account, and
 * how many Tier 1 accounts there are. */
static guint
demo_tier1 (Fixture  *f,
            char    **domain,
            char    **name)
{
  g_autoptr(JsonNode) accounts = accounts_json (f, "w.abm");
  JsonArray *array = json_node_get_array (accounts);
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *account = json_array_get_object_element (array, i);

      if (json_object_get_int_member (account, "tier") != 1)
        continue;
      if (n++ == 0)
        {
          *domain = g_strdup (json_object_get_string_member (account, "domain"));
          *name = g_strdup (json_object_get_string_member (account, "name"));
        }
    }
  return n;
}

/* A brief of a demo account is a real PDF: more than one page, the
 * account's name as its title and in its text, on the paper asked for. */
static void
test_brief (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(Result) made = run (f, "demo", "w.abm", "--accounts", "300", "--seed", "5", NULL);
  g_autoptr(Result) brief = NULL;
  g_autoptr(Result) summary = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pdf = fixture_path (f, "brief.pdf");
  g_autofree char *summary_pdf = fixture_path (f, "summary.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *title = NULL;
  g_autofree char *size = NULL;

  assert_success (made);
  g_assert_cmpuint (demo_tier1 (f, &domain, &name), >, 0);
  brief = run (f, "brief", "w.abm", "--account", domain, "-o", "brief.pdf", "--paper", "letter", NULL);
  assert_success (brief);
  g_assert_cmpstr (brief->out, ==, "");

  info = run_poppler ("pdfinfo", pdf);
  text = run_poppler ("pdftotext", pdf);
  if (info == NULL || text == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  pages = pdfinfo_field (info, "Pages");
  title = pdfinfo_field (info, "Title");
  size = pdfinfo_field (info, "Page size");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages), >=, 2);
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, name));
  g_assert_nonnull (size);
  g_assert_true (g_str_has_prefix (size, "612 x 792"));
  g_assert_nonnull (strstr (text, name));

  summary = run (f, "summary", "w.abm", "-o", "summary.pdf", "--paper", "a4", NULL);
  assert_success (summary);
  g_clear_pointer (&info, g_free);
  g_clear_pointer (&pages, g_free);
  g_clear_pointer (&size, g_free);
  info = run_poppler ("pdfinfo", summary_pdf);
  pages = pdfinfo_field (info, "Pages");
  size = pdfinfo_field (info, "Page size");
  g_assert_cmpint (atoi (pages), >=, 1);
  g_assert_true (g_str_has_prefix (size, "595 x 842"));
}

/* --tier writes one brief per account of the tier into a new folder, and
 * prints each file it wrote. */
static void
test_brief_tier (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(Result) made = run (f, "demo", "w.abm", "--accounts", "300", "--seed", "5", NULL);
  g_autoptr(Result) briefs = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = fixture_path (f, "briefs");
  g_auto(GStrv) lines = NULL;
  GDir *listing;
  guint n_tier1, n_files = 0;

  assert_success (made);
  n_tier1 = demo_tier1 (f, &domain, &name);
  g_assert_cmpuint (n_tier1, >, 1);
  briefs = run (f, "brief", "w.abm", "--tier", "1", "-o", "briefs/", NULL);
  assert_success (briefs);

  lines = g_strsplit (briefs->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_tier1 + 1);   /* and "" */
  for (guint i = 0; i < n_tier1; i++)
    {
      g_autofree char *path = g_path_is_absolute (lines[i]) ? g_strdup (lines[i]) : fixture_path (f, lines[i]);

      g_assert_true (g_str_has_suffix (lines[i], ".pdf"));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_dir_close (listing);
  g_assert_cmpuint (n_files, ==, n_tier1);
}

/* A brief of no account fails and writes nothing; a mistyped command line
 * is a usage error. */
static void
test_brief_bad_input (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = fixture_path (f, "brief.pdf");
  g_autoptr(Result) added = NULL;
  g_autoptr(Result) unknown = NULL;
  const char *const usage[][9] = {
    { "brief", "w.abm", "--account", "acme.com", "-o", "brief.pdf", "--paper", "a5" },
    { "brief", "w.abm", "--account", "acme.com", "--tier", "1", "-o", "brief.pdf" },
    { "brief", "w.abm", "-o", "brief.pdf" },
    { "brief", "w.abm", "--tier", "4", "-o", "briefs" },
    { "brief", "w.abm", "--account", "acme.com" },
    { "summary", "w.abm", "-o", "brief.pdf", "--paper", "legal" },
    { "summary", "w.abm" },
  };

  init_workspace (f, "w.abm");
  added = run (f, "add", "w.abm", "--name", "Acme", "--domain", "acme.com", NULL);
  assert_success (added);

  unknown = run (f, "brief", "w.abm", "--account", "nosuch.com", "-o", "brief.pdf", NULL);
  assert_failure (unknown);
  g_assert_cmpstr (unknown->err, ==, "abmctl: No account has the domain or name “nosuch.com”\n");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autoptr(Result) result = run_argv (f, usage[i]);
      g_autofree char *shown = g_strjoinv (" ", (char **) usage[i]);

      g_test_message ("abmctl %s", shown);
      assert_usage_error (result);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
}


/* ---- KPIs ------------------------------------------------------------------ */

static JsonObject *
kpi_scope (JsonNode   *root,
           const char *scope)
{
  JsonArray *scopes = json_object_get_array_member (json_node_get_object (root), "scopes");

  for (guint i = 0; i < json_array_get_length (scopes); i++)
    {
      JsonObject *o = json_array_get_object_element (scopes, i);

      if (g_strcmp0 (json_object_get_string_member (o, "scope"), scope) == 0)
        return o;
    }
  return NULL;
}

static double
kpi_value (JsonObject *scope,
           const char *key)
{
  JsonObject *kpi = json_object_get_object_member (json_object_get_object_member (scope, "kpis"), key);
  JsonNode *value = json_object_get_member (kpi, "value");

  return JSON_NODE_HOLDS_NULL (value) ? -1 : json_node_get_double (value);
}

/* A program small enough to work out by hand: Northwind (Tier 1) won a
 * 100,000 deal the program sourced, opened 10 July and closed 20 August,
 * first engaged by a meeting on 1 July; Contoso (Tier 2) has a 50,000
 * deal open since 1 August; Fabrikam, not a target, lost a 20,000 deal
 * from elsewhere on 1 September. Tier 1 cost 30,000 in the quarter. */
static void
make_kpi_program (Fixture *f)
{
  const char *const commands[][16] = {
    { "tier", "k.abm", "--set", "northwind.com=1", "--set", "contoso.com=2", NULL },
    { "opportunity", "k.abm", "--account", "northwind.com", "--name", "Core", "--amount", "100000", "--status", "won",
      "--created", "2026-07-10", "--closed", "2026-08-20", "--abm-sourced", NULL },
    { "opportunity", "k.abm", "--account", "contoso.com", "--name", "Cards", "--amount", "50000",
      "--created", "2026-08-01", "--abm-sourced", NULL },
    { "opportunity", "k.abm", "--account", "fabrikam.com", "--name", "Small", "--amount", "20000", "--status", "lost",
      "--created", "2026-07-01", "--closed", "2026-09-01", "--not-abm-sourced", NULL },
    { "costs", "k.abm", "--set", "1:2026-Q3=30000", NULL },
    { "activity", "k.abm", "--account", "northwind.com", "--type", "meeting", "--date", "2026-07-01", NULL },
  };

  init_workspace (f, "k.abm");
  add_account (f, "k.abm", "Northwind Bank", "northwind.com");
  add_account (f, "k.abm", "Contoso", "contoso.com");
  add_account (f, "k.abm", "Fabrikam", "fabrikam.com");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(Result) result = run_argv (f, commands[i]);
      assert_success (result);
    }
}

static void
test_kpis (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(Result) json = NULL, csv = NULL, tier = NULL, bad = NULL, text = NULL;
  g_autoptr(JsonNode) root = NULL, tier_root = NULL;
  JsonObject *all, *tier1, *funnel;

  make_kpi_program (f);
  json = run (f, "kpis", "k.abm", "--period", "2026-Q3", "--today", "2026-10-15", "--format", "json", NULL);
  assert_success (json);
  root = parse_json (json->out);
  all = kpi_scope (root, "all");
  tier1 = kpi_scope (root, "tier-1");
  g_assert_nonnull (all);
  g_assert_nonnull (tier1);

  g_assert_cmpfloat (kpi_value (all, "target-accounts"), ==, 2);
  /* Created in the quarter at target accounts: 100,000 + 50,000. */
  g_assert_cmpfloat (kpi_value (all, "pipeline-created"), ==, 150000);
  g_assert_cmpfloat (kpi_value (all, "pipeline-per-account"), ==, 75000);
  /* Open on 30 September: Contoso's deal, one account of two. */
  g_assert_cmpfloat (kpi_value (all, "penetration"), ==, 0.5);
  /* Closed in the quarter: the program's won, the other lost. */
  g_assert_cmpfloat (kpi_value (all, "win-rate-abm"), ==, 1.0);
  g_assert_cmpfloat (kpi_value (all, "win-rate-other"), ==, 0.0);
  g_assert_cmpfloat (kpi_value (all, "deal-size-abm"), ==, 100000);
  g_assert_cmpfloat (kpi_value (all, "deal-size-other"), ==, -1);
  /* First engaged 1 July, closed 20 August: 50 days. */
  g_assert_cmpfloat (kpi_value (all, "velocity-abm"), ==, 50);
  g_assert_cmpfloat (kpi_value (all, "program-cost"), ==, 30000);
  g_assert_cmpfloat (kpi_value (all, "cost-per-pipeline"), ==, 0.2);
  g_assert_cmpfloat (kpi_value (tier1, "pipeline-created"), ==, 100000);
  g_assert_cmpfloat (kpi_value (tier1, "cost-per-pipeline"), ==, 0.3);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (all, "kpis"), "pipeline-created"), "indicator"), ==, "lagging");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (all, "kpis"), "engaged-share"), "indicator"), ==, "leading");
  funnel = json_object_get_object_member (all, "funnel");
  g_assert_cmpint (json_object_get_int_member (funnel, "targets"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (funnel, "opportunity"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (funnel, "customer"), ==, 1);

  /* The same numbers as CSV, and one tier alone. */
  csv = run (f, "kpis", "k.abm", "--period", "2026-Q3", "--today", "2026-10-15", "--format", "csv", NULL);
  assert_success (csv);
  g_assert_true (has_line (csv->out, "2026-Q3,all,pipeline-created,lagging,150000"));
  g_assert_true (has_line (csv->out, "2026-Q3,tier-1,cost-per-pipeline,lagging,0.3"));
  tier = run (f, "kpis", "k.abm", "--period", "2026-Q3", "--today", "2026-10-15", "--tier", "1", "--format", "json",
              NULL);
  assert_success (tier);
  tier_root = parse_json (tier->out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (tier_root), "scopes")),
                    ==, 1);
  g_assert_nonnull (kpi_scope (tier_root, "tier-1"));
  text = run (f, "kpis", "k.abm", "--period", "2026-Q3", "--today", "2026-10-15", NULL);
  assert_success (text);
  g_assert_nonnull (strstr (text->out, "2026-Q3"));

  bad = run (f, "kpis", "k.abm", "--period", "last summer", NULL);
  assert_usage_error (bad);
}

/* Activities from a file: rows it cannot take are listed by line, and a
 * dry run or a file that is not CSV changes nothing. */
static void
test_import_activities (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a.abm", NULL);
  g_autoptr(Result) dry = NULL, real = NULL, junk = NULL, explain = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(JsonNode) root = NULL;

  write_fixture (f, "activities.csv",
                 "Date,Company Domain,Type,Topic\n"
                 "2026-09-01,northwind.com,Demo Request,\n"
                 "2026-09-02,northwind.com,Intent Surge,core banking\n"
                 "2026-09-03,nowhere.example,Meeting,\n"
                 "2026-13-01,northwind.com,Meeting,\n");
  write_fixture (f, "binary.csv", "\x01\x02\x03\xff\xfe");
  init_workspace (f, "a.abm");
  add_account (f, "a.abm", "Northwind Bank", "northwind.com");
  before = read_bytes (path);
  dry = run (f, "import-activities", "a.abm", "activities.csv", "--dry-run", NULL);
  assert_success (dry);
  g_assert_true (has_line (dry->out, "would import: 2 new, 0 updated, 2 rows left out"));
  g_assert_true (has_line (dry->out, "line 4: No account has the domain nowhere.example"));
  g_assert_nonnull (strstr (dry->out, "line 5: "));
  assert_bytes_unchanged (path, before);
  /* Not CSV: one clear line, and nothing added (the count below). */
  junk = run (f, "import-activities", "a.abm", "binary.csv", NULL);
  assert_failure (junk);

  real = run (f, "import-activities", "a.abm", "activities.csv", NULL);
  assert_success (real);
  g_assert_true (has_line (real->out, "imported: 2 new, 0 updated, 2 rows left out"));
  explain = run (f, "engagement", "a.abm", "--account", "northwind.com", "--format", "json", NULL);
  assert_success (explain);
  root = parse_json (explain->out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "contributors")),
                    ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (root), "score"), >, 0);
}


/* Mistyped engagement commands are usage errors, refused values fail in
 * one line, and neither changes the file. */
static void
test_engagement_bad_input (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "b.abm", NULL);
  const char *const usage[][12] = {
    { "activity", "b.abm", "--account", "northwind.com", "--type", "telepathy", NULL },
    { "activity", "b.abm", "--account", "northwind.com", "--type", "meeting", "--date", "someday", NULL },
    { "opportunity", "b.abm", "--account", "northwind.com", "--name", "Deal", "--amount", "lots", NULL },
    { "opportunity", "b.abm", "--account", "northwind.com", "--name", "Deal", "--status", "pending", NULL },
    { "engagement", "b.abm", "--weight", "meeting", NULL },
    { "engagement", "b.abm", "--weight", "telepathy=3", NULL },
    { "costs", "b.abm", "--set", "1:2026-Q3", NULL },
    { "costs", "b.abm", "--set", "7:2026-Q3=5", NULL },
    { "kpis", "b.abm", "--tier", "4", NULL },
    { "kpis", "b.abm", "--format", "xml", NULL },
  };
  const char *const refused[][12] = {
    { "activity", "b.abm", "--account", "nowhere.example", "--type", "meeting", NULL },
    { "activity", "b.abm", "--account", "northwind.com", "--type", "meeting", "--person", "nobody@x.example", NULL },
    { "opportunity", "b.abm", "--account", "northwind.com", "--name", "Won, but when?", "--status", "won", NULL },
    { "engagement", "b.abm", "--half-life", "0", NULL },
    { "costs", "b.abm", "--set", "1:last summer=5", NULL },
  };
  g_autoptr(GBytes) before = NULL;

  init_workspace (f, "b.abm");
  add_account (f, "b.abm", "Northwind Bank", "northwind.com");
  before = read_bytes (path);
  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autoptr(Result) result = run_argv (f, usage[i]);
      g_test_message ("usage case %u", i);
      assert_usage_error (result);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(Result) result = run_argv (f, refused[i]);
      g_test_message ("refused case %u: %s", i, result->err);
      assert_failure (result);
    }
  /* Nothing was stored: no activity, deal, cost or rule. */
  {
    g_autoptr(Result) kpis = run (f, "costs", "b.abm", NULL);
    g_autoptr(Result) deals = run (f, "engagement", "b.abm", "--account", "northwind.com", "--format", "json", NULL);
    g_autoptr(JsonNode) root = NULL;

    assert_success (kpis);
    g_assert_cmpstr (kpis->out, ==, "");
    assert_success (deals);
    root = parse_json (deals->out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "contributors")),
                      ==, 0);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "stage"), ==, "target");
  }
}

/* Only @name is in the folder @dir. */
static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *found;

  g_assert_nonnull (d);
  while ((found = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (found, ==, name);
}

/* A workspace in a document portal folder (a stand-in named by
 * ABM_DOCUMENT_PORTAL_DIR): an edit leaves nothing but the file there and
 * is in the file when abmctl exits; a write-back that would go over
 * another program's save fails, and says where the changes are kept. */
static void
test_portal (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *portal = fixture_path (f, "portal");
  g_autofree char *outside = fixture_path (f, "w.abm");
  g_autofree char *path = fixture_path (f, "portal/w.abm");
  g_autofree char *theirs = fixture_path (f, "theirs.abm");
  g_autofree char *direct = fixture_path (f, "direct.abm");
  g_autoptr(AbmDocumentCopy) document = abm_document_copy_new (path);
  g_autofree char *wal = g_strconcat (abm_document_copy_get_path (document), "-wal", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) plan = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GBytes) their_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) result = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  const char *start;

  init_workspace (f, "w.abm");
  init_workspace (f, "theirs.abm");
  g_assert_cmpint (g_mkdir (portal, 0700), ==, 0);
  g_assert_cmpint (g_rename (outside, path), ==, 0);
  g_setenv ("ABM_DOCUMENT_PORTAL_DIR", portal, TRUE);

  g_assert_cmpint (add_account (f, "portal/w.abm", "Acme", "acme.com"), ==, 1);
  assert_only_file (portal, "w.abm");
  g_assert_false (g_file_test (abm_document_copy_get_path (document), G_FILE_TEST_EXISTS));
  {
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = g_file_new_for_path (direct);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_accounts (f, "direct.abm"), ==, 1);
  }

  /* Another program saves the file while abmctl waits for its input. */
  env = child_environment ("C.UTF-8");
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, f->dir);
  g_subprocess_launcher_set_environ (launcher, env);
  plan = g_subprocess_launcher_spawn (launcher, &error, abmctl_path, "plan", "portal/w.abm",
                                      "--account", "acme.com", "--set", "value-hypothesis=-", NULL);
  g_assert_no_error (error);
  for (guint i = 0; !g_file_test (wal, G_FILE_TEST_EXISTS); i++)
    {
      g_assert_cmpuint (i, <, 1000);
      g_usleep (10000);
    }
  g_assert_cmpint (g_rename (theirs, path), ==, 0);
  their_bytes = read_bytes (path);
  g_assert_true (g_subprocess_communicate_utf8 (plan, "Faster close", NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_cmpint (g_subprocess_get_exit_status (plan), ==, 1);
  g_assert_true (g_str_has_prefix (err, "abmctl: “w.abm” was changed"));
  g_assert_nonnull (strstr (err, abm_document_copy_get_path (document)));
  assert_bytes_unchanged (path, their_bytes);
  assert_only_file (portal, "w.abm");

  /* The next edit is made to their file; ours is kept aside, and said so. */
  result = run (f, "add", "portal/w.abm", "--name", "Initech", NULL);
  g_test_message ("%s", result->err);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->out, ==, "1\n");
  start = strstr (result->err, "kept, not merged, in “");
  g_assert_nonnull (start);
  start += strlen ("kept, not merged, in “");
  kept = g_strndup (start, strstr (start, "”") - start);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_unlink (kept), ==, 0);
  assert_only_file (portal, "w.abm");
  g_assert_false (g_file_test (abm_document_copy_get_path (document), G_FILE_TEST_EXISTS));
  g_unsetenv ("ABM_DOCUMENT_PORTAL_DIR");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *fallback = NULL;

  g_test_init (&argc, &argv, NULL);

  abmctl_path = g_getenv ("ABMCTL");
  if (abmctl_path == NULL)
    {
      fallback = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "abmctl", NULL);
      abmctl_path = fallback;
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/version", test_version);
  ADD ("/cli/help", test_help);
  ADD ("/cli/command-help", test_command_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/init-check", test_init_check);
  ADD ("/cli/check-json", test_check_json);
  ADD ("/cli/init-refuses", test_init_refuses);
  ADD ("/cli/add", test_add);
  ADD ("/cli/add-invalid", test_add_invalid);
  ADD ("/cli/add-text", test_add_text);
  ADD ("/cli/add-duplicate", test_add_duplicate);
  ADD ("/cli/accounts-csv", test_accounts_csv);
  ADD ("/cli/accounts-json", test_accounts_json);
  ADD ("/cli/accounts-empty", test_accounts_empty);
  ADD ("/cli/rejects-foreign-files", test_rejects_foreign_files);
  ADD ("/cli/locked", test_locked);
  ADD ("/cli/write-error", test_write_error);
  ADD ("/cli/demo", test_demo);
  ADD ("/cli/brief", test_brief);
  ADD ("/cli/brief-tier", test_brief_tier);
  ADD ("/cli/brief-bad-input", test_brief_bad_input);
  ADD ("/cli/import", test_import);
  ADD ("/cli/import-custom", test_import_custom);
  ADD ("/cli/tiers", test_tiers);
  ADD ("/cli/committee", test_committee);
  ADD ("/cli/committee-bad-input", test_committee_bad_input);
  ADD ("/cli/icp", test_icp);
  ADD ("/cli/csv-formula", test_csv_formula);
  ADD ("/cli/readiness", test_readiness);
  ADD ("/cli/readiness-read-only", test_readiness_read_only);
  ADD ("/cli/plan", test_plan);
  ADD ("/cli/plan-whitespace", test_plan_whitespace);
  ADD ("/cli/plays", test_plays);
  ADD ("/cli/agenda", test_agenda);
  ADD ("/cli/demo-plans", test_demo_plans);
  ADD ("/cli/kpis", test_kpis);
  ADD ("/cli/engagement-bad-input", test_engagement_bad_input);
  ADD ("/cli/import-activities", test_import_activities);
  ADD ("/cli/portal", test_portal);

#undef ADD

  return g_test_run ();
}
