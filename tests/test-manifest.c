/* test-manifest.c: the Flatpak manifest agrees with the build it packages:
 * one app ID everywhere, a current GNOME runtime with its own SQLite, a
 * narrow sandbox, and only meson options that exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define MIN_RUNTIME_VERSION 49

/* NULL when the member is absent, where json-glib would warn. */
static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
load_manifest (JsonParser **parser_out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, MANIFEST_PATH, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  *parser_out = g_steal_pointer (&parser);
  return json_node_get_object (root);
}

static const char *
manifest_app_id (JsonObject *manifest)
{
  /* flatpak-builder reads "id", or "app-id" in older manifests. */
  if (json_object_has_member (manifest, "id"))
    return json_object_get_string_member (manifest, "id");
  return json_object_get_string_member_with_default (manifest, "app-id", NULL);
}

/* The module that builds this source tree: the meson module whose "dir"
 * source is the checkout. */
static JsonObject *
app_module (JsonObject *manifest)
{
  JsonArray *modules = array_member (manifest, "modules");

  g_assert_nonnull (modules);
  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module;
      JsonArray *sources;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      module = json_node_get_object (node);
      sources = array_member (module, "sources");
      for (guint j = 0; sources != NULL && j < json_array_get_length (sources); j++)
        {
          JsonNode *source = json_array_get_element (sources, j);

          if (JSON_NODE_HOLDS_OBJECT (source) &&
              g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (source), "type", NULL), "dir") == 0)
            return module;
        }
    }
  g_assert_not_reached ();
}

static void
test_parses (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonObject *module = app_module (manifest);

  g_assert_cmpstr (json_object_get_string_member_with_default (manifest, "command", NULL), ==, "abm-planner");
  g_assert_cmpstr (json_object_get_string_member_with_default (module, "buildsystem", NULL), ==, "meson");
}

/* Collects the text of <id> and the desktop-id <launchable> directly under
 * <component>, every screenshot <image>, and every <gresource prefix="...">. */
typedef struct
{
  GPtrArray *stack;
  GString   *text;
  char      *id;
  char      *launchable;
  GPtrArray *prefixes;
  GPtrArray *images;
} XmlFacts;

static void
xml_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  XmlFacts *facts = user_data;

  const char *name = element;

  g_string_truncate (facts->text, 0);
  if (strcmp (element, "gresource") == 0)
    for (guint i = 0; names[i] != NULL; i++)
      if (strcmp (names[i], "prefix") == 0)
        g_ptr_array_add (facts->prefixes, g_strdup (values[i]));
  /* Only the desktop-id launchable names the desktop file. */
  if (strcmp (element, "launchable") == 0)
    for (guint i = 0; names[i] != NULL; i++)
      if (strcmp (names[i], "type") == 0 && strcmp (values[i], "desktop-id") != 0)
        name = "other-launchable";
  g_ptr_array_add (facts->stack, g_strdup (name));
}

static void
xml_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  XmlFacts *facts = user_data;

  g_string_append_len (facts->text, text, len);
}

static void
xml_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  XmlFacts *facts = user_data;
  const char *name = g_ptr_array_index (facts->stack, facts->stack->len - 1);

  if (facts->stack->len == 2 &&
      strcmp (g_ptr_array_index (facts->stack, 0), "component") == 0)
    {
      g_autofree char *value = g_strstrip (g_strdup (facts->text->str));

      if (strcmp (name, "id") == 0 && facts->id == NULL)
        facts->id = g_steal_pointer (&value);
      else if (strcmp (name, "launchable") == 0 && facts->launchable == NULL)
        facts->launchable = g_steal_pointer (&value);
    }
  if (strcmp (name, "image") == 0)
    g_ptr_array_add (facts->images, g_strstrip (g_strdup (facts->text->str)));
  g_ptr_array_set_size (facts->stack, facts->stack->len - 1);
}

static void
xml_facts_clear (XmlFacts *facts)
{
  g_ptr_array_unref (facts->stack);
  g_string_free (facts->text, TRUE);
  g_free (facts->id);
  g_free (facts->launchable);
  g_ptr_array_unref (facts->prefixes);
  g_ptr_array_unref (facts->images);
}

static void
read_xml_facts (const char *path,
                XmlFacts   *facts)
{
  static const GMarkupParser parser = { xml_start, xml_end, xml_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  facts->stack = g_ptr_array_new_with_free_func (g_free);
  facts->text = g_string_new (NULL);
  facts->id = NULL;
  facts->launchable = NULL;
  facts->prefixes = g_ptr_array_new_with_free_func (g_free);
  facts->images = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, facts, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_app_id (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  const char *app_id = manifest_app_id (manifest);
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_name = g_path_get_basename (DESKTOP_PATH);
  g_autofree char *desktop_id = g_strconcat (app_id, ".desktop", NULL);
  g_autofree char *icon = NULL;
  g_autofree char *resource_base = NULL;
  XmlFacts metainfo;
  XmlFacts resources;

  g_assert_nonnull (app_id);
  g_assert_cmpstr (app_id, ==, APP_ID);

  /* The desktop file is found by its name and shows the icon named alike. */
  g_assert_cmpstr (desktop_name, ==, desktop_id);
  g_key_file_load_from_file (desktop, DESKTOP_PATH, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  icon = g_key_file_get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (icon, ==, app_id);

  read_xml_facts (METAINFO_PATH, &metainfo);
  g_assert_cmpstr (metainfo.id, ==, app_id);
  g_assert_cmpstr (metainfo.launchable, ==, desktop_id);
  xml_facts_clear (&metainfo);

  /* org.abmplanner.AbmPlanner lives at /org/abmplanner/AbmPlanner, which
   * GtkApplication also derives from the ID. */
  resource_base = g_strconcat ("/", app_id, NULL);
  g_strdelimit (resource_base, ".", '/');
  g_assert_cmpstr (RESOURCE_BASE, ==, resource_base);
  read_xml_facts (GRESOURCE_XML_PATH, &resources);
  g_assert_cmpuint (resources.prefixes->len, >, 0);
  for (guint i = 0; i < resources.prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (resources.prefixes, i);

      g_assert_true (g_str_has_prefix (prefix, resource_base));
    }
  xml_facts_clear (&resources);
}

/* Software centres show the screenshots from the URLs in the metainfo,
 * which point at the files committed under data/screenshots. */
static void
test_screenshots (void)
{
  XmlFacts metainfo;

  read_xml_facts (METAINFO_PATH, &metainfo);
  g_assert_cmpuint (metainfo.images->len, >=, 4);
  for (guint i = 0; i < metainfo.images->len; i++)
    {
      const char *url = g_ptr_array_index (metainfo.images, i);
      const char *file = strstr (url, "/data/screenshots/");
      g_autofree char *path = NULL;

      g_assert_true (g_str_has_prefix (url, "https://"));
      g_assert_nonnull (file);
      path = g_build_filename (SOURCE_ROOT, file, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_test_fail_printf ("the metainfo shows %s, but %s is not committed", url, file + 1);
    }
  xml_facts_clear (&metainfo);
}

static void
test_runtime (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  const char *version = json_object_get_string_member_with_default (manifest, "runtime-version", "");
  guint64 major = 0;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (json_object_get_string_member_with_default (manifest, "runtime", NULL), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member_with_default (manifest, "sdk", NULL), ==, "org.gnome.Sdk");
  g_ascii_string_to_unsigned (version, 10, 0, G_MAXUINT, &major, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (major, >=, MIN_RUNTIME_VERSION);
}

static gboolean
mentions_sqlite (const char *text)
{
  g_autofree char *lower = text != NULL ? g_ascii_strdown (text, -1) : NULL;

  return lower != NULL && strstr (lower, "sqlite") != NULL;
}

/* Modules may nest, or be paths to module files. */
static void
assert_no_sqlite_module (JsonArray *modules)
{
  for (guint i = 0; modules != NULL && i < json_array_get_length (modules); i++)
    {
      JsonNode *node = json_array_get_element (modules, i);
      JsonObject *module;
      JsonArray *sources;

      if (JSON_NODE_HOLDS_VALUE (node))
        {
          if (mentions_sqlite (json_node_get_string (node)))
            g_test_fail_printf ("the manifest builds its own SQLite (%s); use the SDK's", json_node_get_string (node));
          continue;
        }
      module = json_node_get_object (node);
      if (mentions_sqlite (json_object_get_string_member_with_default (module, "name", NULL)))
        g_test_fail_printf ("the manifest builds its own SQLite (module %s); use the SDK's",
                 json_object_get_string_member (module, "name"));
      sources = array_member (module, "sources");
      for (guint j = 0; sources != NULL && j < json_array_get_length (sources); j++)
        {
          JsonNode *source = json_array_get_element (sources, j);

          if (JSON_NODE_HOLDS_OBJECT (source) &&
              mentions_sqlite (json_object_get_string_member_with_default (json_node_get_object (source), "url", NULL)))
            g_test_fail_printf ("the manifest downloads SQLite; use the SDK's");
        }
      assert_no_sqlite_module (array_member (module, "modules"));
    }
}

static void
test_sdk_sqlite (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);

  assert_no_sqlite_module (array_member (manifest, "modules"));
}

static void
test_finish_args (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *args = array_member (manifest, "finish-args");
  gboolean documents = FALSE;

  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      const char *path;
      g_auto(GStrv) parts = NULL;

      g_assert_nonnull (arg);
      if (!g_str_has_prefix (arg, "--filesystem="))
        continue;
      path = arg + strlen ("--filesystem=");
      parts = g_strsplit (path, ":", 2);
      if (g_str_equal (parts[0], "home") || g_str_equal (parts[0], "~") ||
          g_str_has_prefix (parts[0], "host"))
        {
          g_test_fail_printf ("finish-args grants %s; files outside Documents go through the portal", arg);
          return;
        }
      /* Workspaces are written as they change, so read-only is not enough. */
      if (g_str_equal (parts[0], "xdg-documents") &&
          (parts[1] == NULL || g_str_equal (parts[1], "rw") || g_str_equal (parts[1], "create")))
        documents = TRUE;
    }
  if (!documents)
    g_test_fail_printf ("finish-args lacks --filesystem=xdg-documents, where workspaces open directly");
}

/* Options meson itself defines and a manifest may reasonably set. */
static gboolean
is_builtin_option (const char *name)
{
  static const char * const builtins[] = {
    "buildtype", "debug", "optimization", "warning_level", "werror",
    "default_library", "prefix", "libdir", "bindir", "datadir", "localedir",
    "sysconfdir", "libexecdir", "strip", "c_args", "c_link_args", "c_std",
    NULL
  };

  return g_str_has_prefix (name, "b_") || g_strv_contains (builtins, name);
}

/* Names declared as option('NAME', ...) in meson.options or
 * meson_options.txt; an empty set when the project has neither. */
static GHashTable *
project_options (void)
{
  static const char * const files[] = { "meson.options", "meson_options.txt" };
  GHashTable *options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*option\\s*\\(\\s*'([^']+)'", G_REGEX_MULTILINE, 0, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (SOURCE_ROOT, files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      g_regex_match (regex, contents, 0, &match);
      while (g_match_info_matches (match))
        {
          g_hash_table_add (options, g_match_info_fetch (match, 1));
          g_match_info_next (match, NULL);
        }
    }
  return options;
}

static void
test_config_opts (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonObject *module = app_module (manifest);
  JsonArray *opts = array_member (module, "config-opts");
  g_autoptr(GHashTable) options = project_options ();

  for (guint i = 0; opts != NULL && i < json_array_get_length (opts); i++)
    {
      const char *opt = json_array_get_string_element (opts, i);
      g_autofree char *name = NULL;

      g_assert_nonnull (opt);
      if (!g_str_has_prefix (opt, "-D"))
        continue;
      name = g_strndup (opt + 2, strcspn (opt + 2, "="));
      if (!is_builtin_option (name) && !g_hash_table_contains (options, name))
        g_test_fail_printf ("the manifest sets %s, but meson.options declares no option '%s'", opt, name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/manifest/parses", test_parses);
  g_test_add_func ("/manifest/app-id", test_app_id);
  g_test_add_func ("/manifest/screenshots", test_screenshots);
  g_test_add_func ("/manifest/runtime", test_runtime);
  g_test_add_func ("/manifest/sdk-sqlite", test_sdk_sqlite);
  g_test_add_func ("/manifest/finish-args", test_finish_args);
  g_test_add_func ("/manifest/config-opts", test_config_opts);

  return g_test_run ();
}
