/* abm-test-atspi.c: the application as assistive technology reads it
 *
 * GTK answers AT-SPI over D-Bus, on the main loop of the process it runs
 * in. The test is that process, so it asks as a screen reader would, over
 * its own connection to the accessibility bus, with calls that never
 * block: the main loop keeps turning and GTK answers. Many calls are out
 * at once, so a window of a few thousand objects reads in a moment.
 *
 * The buses are the test's own (a session bus from GTestDBus, on which
 * at-spi2-core's launcher starts the accessibility bus, its socket in a
 * folder of the test's): nothing is shared with a desktop or with another
 * test run, and nothing is written on the display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "abm-test-atspi.h"
#include "abm-test-ui.h"

#define ATSPI_ACCESSIBLE "org.a11y.atspi.Accessible"
#define ATSPI_ROOT_PATH "/org/a11y/atspi/accessible/root"
#define ATSPI_REGISTRY "org.a11y.atspi.Registry"
#define ATSPI_CACHE_PATH "/org/a11y/atspi/cache"
#define CALL_TIMEOUT_MS 10000

static GTestDBus *session_bus;
static GDBusConnection *a11y_bus;
static char *runtime_dir;

/* The folder of the D-Bus services that holds at-spi2-core's launcher. */
static char *
find_a11y_service_dir (void)
{
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (dirs[i], "dbus-1", "services", NULL);
      g_autofree char *file = g_build_filename (dir, "org.a11y.Bus.service", NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&dir);
    }
  return NULL;
}

gboolean
abm_test_atspi_start (GError **error)
{
  g_autofree char *service_dir = find_a11y_service_dir ();
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GVariant) reply = NULL;
  const char *address;
  int stdout_copy;

  g_return_val_if_fail (session_bus == NULL, FALSE);

  if (dbus_daemon == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "dbus-daemon is not installed");
      return FALSE;
    }
  if (service_dir == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "at-spi2-core is not installed (no org.a11y.Bus service)");
      return FALSE;
    }

  /* The launcher puts its bus's socket under XDG_RUNTIME_DIR and, with a
   * display, announces the bus on the display's root window: a folder of
   * our own, and no display, keep both to this run. */
  runtime_dir = g_dir_make_tmp ("abm-a11y-XXXXXX", error);
  if (runtime_dir == NULL)
    return FALSE;
  g_setenv ("XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_unsetenv ("DISPLAY");

  /* The daemons it starts keep its standard output, where the registry
   * says hello: that goes to stderr, so stdout stays the test's TAP. */
  stdout_copy = dup (STDOUT_FILENO);
  dup2 (STDERR_FILENO, STDOUT_FILENO);
  session_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_add_service_dir (session_bus, service_dir);
  g_test_dbus_up (session_bus);
  dup2 (stdout_copy, STDOUT_FILENO);
  close (stdout_copy);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (session == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus",
                                       "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, CALL_TIMEOUT_MS, NULL, error);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(&s)", &address);

  /* GTK takes the bus from here first, before the display or the session. */
  g_setenv ("AT_SPI_BUS_ADDRESS", address, TRUE);
  g_setenv ("GTK_A11Y", "atspi", TRUE);

  a11y_bus = g_dbus_connection_new_for_address_sync (address,
                                                     G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                     | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                     NULL, NULL, error);
  return a11y_bus != NULL;
}

/* Stopped, not torn down: g_test_dbus_down(), which finalizing the
 * GTestDBus calls too, waits for every user of the session bus, GTK's
 * among them, to let go of it. So the object is kept to the end of the
 * process, and nothing runs the main loop after this, so none of the
 * users sees the bus go. */
void
abm_test_atspi_stop (void)
{
  if (a11y_bus != NULL)
    g_dbus_connection_close_sync (a11y_bus, NULL, NULL);
  g_clear_object (&a11y_bus);
  if (session_bus != NULL)
    g_test_dbus_stop (session_bus);
  if (runtime_dir != NULL)
    abm_test_ui_remove_dir (runtime_dir);
  g_clear_pointer (&runtime_dir, g_free);
}

void
abm_test_atspi_node_free (AbmTestAtspiNode *node)
{
  if (node == NULL)
    return;
  g_ptr_array_unref (node->children);
  g_free (node->path);
  g_free (node->parent_path);
  g_free (node->name);
  g_free (node->description);
  g_free (node);
}

gboolean
abm_test_atspi_node_has_state (const AbmTestAtspiNode *node,
                               AtspiStateType          state)
{
  return state < 64 && (node->states & (G_GUINT64_CONSTANT (1) << state)) != 0;
}

/* GTK 4.18 sets VISIBLE and SHOWING on each object it presents. GTK 4.8
 * drops VISIBLE from an object hidden, but sets SHOWING on windows only:
 * there an object is showing when its window is and nothing between is
 * hidden. */
gboolean
abm_test_atspi_node_is_showing (const AbmTestAtspiNode *node)
{
  if (!abm_test_atspi_node_has_state (node, ATSPI_STATE_VISIBLE))
    return FALSE;
  if (abm_test_atspi_node_has_state (node, ATSPI_STATE_SHOWING))
    return TRUE;
  if (gtk_check_version (4, 10, 0) == NULL)
    return FALSE;
  return node->parent != NULL && abm_test_atspi_node_is_showing (node->parent);
}

/* Runs the main loop, where GTK answers and our replies land, until
 * @pending calls are all back. */
static void
wait_for_calls (guint *pending)
{
  while (*pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
take_result (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* A call answered while the main loop turns, so GTK can answer it. */
static GVariant *
call_sync (const char  *bus_name,
           const char  *path,
           const char  *interface,
           const char  *method,
           const char  *reply_type,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_dbus_connection_call (a11y_bus, bus_name, path, interface, method, NULL,
                          G_VARIANT_TYPE (reply_type), G_DBUS_CALL_FLAGS_NONE,
                          CALL_TIMEOUT_MS, NULL, take_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_dbus_connection_call_finish (a11y_bus, result, error);
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* The application that registered with the AT-SPI registry: this
 * process's GTK, the only one on this bus. */
static char *
find_application (GError **error)
{
  gint64 deadline = g_get_monotonic_time () + CALL_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply = call_sync (ATSPI_REGISTRY, ATSPI_ROOT_PATH, ATSPI_ACCESSIBLE,
                                             "GetChildren", "(a(so))", error);
      g_autoptr(GVariant) children = reply ? g_variant_get_child_value (reply, 0) : NULL;
      const char *bus_name;

      if (reply == NULL)
        return NULL;
      if (g_variant_n_children (children) > 0)
        {
          g_variant_get_child (children, 0, "(&so)", &bus_name, NULL);
          return g_strdup (bus_name);
        }
      /* GTK registers when its first window is shown: let it run a moment. */
      {
        gboolean later = FALSE;

        g_timeout_add_once (10, set_flag, &later);
        while (!later)
          g_main_context_iteration (NULL, TRUE);
      }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "the application did not register with the AT-SPI registry");
  return NULL;
}

/* Everything GTK has told AT-SPI about, by path. */
static GHashTable *
get_items (const char  *application,
           GError     **error)
{
  g_autoptr(GVariant) reply = call_sync (application, ATSPI_CACHE_PATH, "org.a11y.atspi.Cache",
                                         "GetItems", "(a((so)(so)(so)iiassusau))", error);
  g_autoptr(GVariantIter) items = NULL;
  g_autoptr(GVariantIter) states = NULL;
  GHashTable *by_path;
  const char *path, *parent_path, *name, *description;
  int index, n_children;
  guint32 role;

  if (reply == NULL)
    return NULL;
  by_path = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) abm_test_atspi_node_free);
  g_variant_get (reply, "(a((so)(so)(so)iiassusau))", &items);
  while (g_variant_iter_next (items, "((s&o)(so)(s&o)ii@as&su&sau)",
                              NULL, &path, NULL, NULL, NULL, &parent_path, &index, &n_children,
                              NULL, &name, &role, &description, &states))
    {
      AbmTestAtspiNode *node = g_new0 (AbmTestAtspiNode, 1);
      guint32 word;
      guint i = 0;

      node->children = g_ptr_array_new ();
      node->path = g_strdup (path);
      node->parent_path = g_strdup (parent_path);
      node->index = index;
      node->n_children = n_children;
      node->name = g_strdup (name);
      node->role = role;
      node->description = g_strdup (description);
      while (g_variant_iter_next (states, "u", &word))
        if (i < 2)
          node->states |= (guint64) word << (32 * i++);
      g_clear_pointer (&states, g_variant_iter_free);
      g_hash_table_insert (by_path, node->path, node);
    }
  return by_path;
}

static int
by_index (gconstpointer a,
          gconstpointer b)
{
  const AbmTestAtspiNode *x = *(AbmTestAtspiNode **) a;
  const AbmTestAtspiNode *y = *(AbmTestAtspiNode **) b;

  return (x->index > y->index) - (x->index < y->index);
}

/* Links each shown object to its parent; those that have not told of all
 * their children yet go to @incomplete. */
static void
link_tree (GHashTable *by_path,
           GPtrArray  *incomplete)
{
  GHashTableIter iter;
  AbmTestAtspiNode *node;

  g_hash_table_iter_init (&iter, by_path);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &node))
    {
      AbmTestAtspiNode *parent = g_hash_table_lookup (by_path, node->parent_path);

      /* Hidden since GTK first told of it: no longer presented. */
      if (parent == NULL || parent == node
          || !abm_test_atspi_node_has_state (node, ATSPI_STATE_VISIBLE))
        continue;
      node->parent = parent;
      g_ptr_array_add (parent->children, node);
    }
  g_hash_table_iter_init (&iter, by_path);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &node))
    {
      g_ptr_array_sort (node->children, by_index);
      if (node->n_children > 0 && node->children->len < (guint) node->n_children)
        g_ptr_array_add (incomplete, node->path);
    }
}

typedef struct
{
  const char *application;
  GHashTable *known;
  guint       pending;
  GError     *error;
} Realize;

static void realize_ask (Realize *realize, const char *path);

static void
realize_answered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Realize *realize = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply != NULL)
    {
      g_autoptr(GVariantIter) children = NULL;
      const char *path;

      g_variant_get (reply, "(a(so))", &children);
      while (g_variant_iter_next (children, "(s&o)", NULL, &path))
        if (!g_hash_table_contains (realize->known, path))
          {
            char *key = g_strdup (path);

            g_hash_table_add (realize->known, key);
            realize_ask (realize, key);
          }
    }
  else if (realize->error == NULL)
    realize->error = g_steal_pointer (&error);
  realize->pending--;
}

static void
realize_ask (Realize    *realize,
              const char *path)
{
  realize->pending++;
  g_dbus_connection_call (a11y_bus, realize->application, path, ATSPI_ACCESSIBLE, "GetChildren",
                          NULL, G_VARIANT_TYPE ("(a(so))"), G_DBUS_CALL_FLAGS_NONE,
                          CALL_TIMEOUT_MS, NULL, realize_answered, realize);
}

/* GTK tells AT-SPI of an object once someone asks for it: ask for the
 * children of @incomplete, and theirs, down to what GTK has told already. */
static gboolean
realize (const char  *application,
         GHashTable  *by_path,
         GPtrArray   *incomplete,
         GError     **error)
{
  Realize realize = { application, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  GHashTableIter iter;
  const char *path;

  g_hash_table_iter_init (&iter, by_path);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    g_hash_table_add (realize.known, g_strdup (path));
  for (guint i = 0; i < incomplete->len; i++)
    realize_ask (&realize, g_ptr_array_index (incomplete, i));
  wait_for_calls (&realize.pending);
  g_hash_table_unref (realize.known);
  if (realize.error != NULL)
    {
      g_propagate_error (error, realize.error);
      return FALSE;
    }
  return TRUE;
}

/* The nodes reached from @node leave the table for the tree, which from
 * now on owns them. */
static void
keep_reached (GHashTable       *by_path,
              AbmTestAtspiNode *node)
{
  g_ptr_array_set_free_func (node->children, (GDestroyNotify) abm_test_atspi_node_free);
  for (guint i = 0; i < node->children->len; i++)
    {
      AbmTestAtspiNode *child = g_ptr_array_index (node->children, i);

      g_hash_table_steal (by_path, child->path);
      keep_reached (by_path, child);
    }
}

/* GTK 4.8: one call gets all GTK has told AT-SPI of (its cache, as
 * screen readers read it); what it has not told yet is asked for, and the
 * cache read again, until the tree is whole. */
static AbmTestAtspiNode *
walk_cache (const char  *application,
            GError     **error)
{

  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GHashTable) by_path = get_items (application, error);
      g_autoptr(GPtrArray) incomplete = g_ptr_array_new ();
      AbmTestAtspiNode *root;

      if (by_path == NULL)
        return NULL;
      root = g_hash_table_lookup (by_path, ATSPI_ROOT_PATH);
      if (root == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the application has no root object");
          return NULL;
        }
      link_tree (by_path, incomplete);
      if (incomplete->len == 0)
        {
          g_hash_table_steal (by_path, ATSPI_ROOT_PATH);
          keep_reached (by_path, root);
          return root;
        }
      if (!realize (application, by_path, incomplete, error))
        return NULL;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the accessibility tree kept changing");
  return NULL;
}

/* Later GTKs: the tree is read two ways, for what each tells truly.
 *
 * GTK's cache (GetItems, one call) gives every object's role, name and
 * states, and its parent. Which of them are part of the window now, it
 * does not say alike in every GTK: GTK 4.8 lists what is presented, and
 * drops the VISIBLE state of what is hidden; GTK 4.18 keeps each object
 * it ever told of, with VISIBLE and SHOWING still set, among them the
 * pages of a view stack seen before and since switched away from, and
 * the menu of a popover since closed. A screen reader does not meet
 * those: it goes down from the application by GetChildren, which both
 * versions answer with what is presented now. So the shape of the tree
 * comes from GetChildren, asked of every object that has children (many
 * calls out at once, so a window still reads in a fraction of a second),
 * and the cache is read again while it lacks an object GetChildren named
 * (GTK tells of an object once someone asks for it). */
typedef struct
{
  const char *application;
  GHashTable *children;   /* path -> GPtrArray of child paths, as answered */
  GHashTable *by_path;    /* the cache as last read */
  guint       pending;
  GError     *error;
} Walk;

typedef struct
{
  Walk *walk;
  char *path;
} Asking;

static void ask_children (Walk *walk, const char *path);

static void
free_paths (gpointer paths)
{
  if (paths != NULL)
    g_ptr_array_unref (paths);
}

static void
children_answered (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Asking *asking = data;
  Walk *walk = asking->walk;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply != NULL)
    {
      g_autoptr(GVariantIter) iter = NULL;
      GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
      const char *path;

      g_variant_get (reply, "(a(so))", &iter);
      while (g_variant_iter_next (iter, "(s&o)", NULL, &path))
        g_ptr_array_add (paths, g_strdup (path));
      g_hash_table_replace (walk->children, asking->path, paths);
      /* On down at once: what the cache does not hold yet is asked too. */
      for (guint i = 0; i < paths->len; i++)
        {
          const char *child = g_ptr_array_index (paths, i);
          AbmTestAtspiNode *node = g_hash_table_lookup (walk->by_path, child);

          if (!g_hash_table_contains (walk->children, child) && (node == NULL || node->n_children > 0))
            ask_children (walk, child);
        }
    }
  else
    {
      /* Gone since its parent named it: it has nothing to show. */
      if (!g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD)
          && !g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT)
          && walk->error == NULL)
        walk->error = g_steal_pointer (&error);
      g_hash_table_replace (walk->children, asking->path, g_ptr_array_new_with_free_func (g_free));
    }
  g_free (asking);
  walk->pending--;
}

static void
ask_children (Walk       *walk,
              const char *path)
{
  Asking *asking = g_new0 (Asking, 1);

  asking->walk = walk;
  asking->path = g_strdup (path);
  /* Asked once: an empty answer stands in until the real one comes. */
  g_hash_table_insert (walk->children, g_strdup (path), NULL);
  walk->pending++;
  g_dbus_connection_call (a11y_bus, walk->application, path, ATSPI_ACCESSIBLE, "GetChildren",
                          NULL, G_VARIANT_TYPE ("(a(so))"), G_DBUS_CALL_FLAGS_NONE,
                          CALL_TIMEOUT_MS, NULL, children_answered, asking);
}

/* Asks the children of each object met from @path down that has any and
 * has not been asked; TRUE when every object met is in @by_path. */
static gboolean
ask_down (Walk       *walk,
          GHashTable *by_path,
          const char *path,
          GHashTable *seen)
{
  AbmTestAtspiNode *node = g_hash_table_lookup (by_path, path);
  GPtrArray *paths;
  gboolean complete = TRUE;

  if (!g_hash_table_add (seen, (gpointer) path))
    return TRUE;
  if (node == NULL)
    return FALSE;
  if (!g_hash_table_contains (walk->children, path))
    {
      /* The application's cache entry counts no children in GTK 4.18. */
      if (node->n_children > 0 || g_str_equal (path, ATSPI_ROOT_PATH))
        ask_children (walk, path);
      return TRUE;
    }
  paths = g_hash_table_lookup (walk->children, path);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    complete &= ask_down (walk, by_path, g_ptr_array_index (paths, i), seen);
  return complete;
}

/* Moves the objects reached from @node, in GetChildren's order, from the
 * table to the tree, which from now on owns them. */
static void
take_down (Walk             *walk,
           GHashTable       *by_path,
           AbmTestAtspiNode *node)
{
  GPtrArray *paths = g_hash_table_lookup (walk->children, node->path);

  g_ptr_array_set_free_func (node->children, (GDestroyNotify) abm_test_atspi_node_free);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      AbmTestAtspiNode *child = NULL;

      /* Each object once, should two name it. */
      if (!g_hash_table_steal_extended (by_path, g_ptr_array_index (paths, i), NULL, (gpointer *) &child))
        continue;
      /* GTK 4.8 presents a hidden object to GetChildren for a moment after
       * hiding it, its VISIBLE state already gone. */
      if (!abm_test_atspi_node_has_state (child, ATSPI_STATE_VISIBLE))
        {
          abm_test_atspi_node_free (child);
          continue;
        }
      child->parent = node;
      child->index = node->children->len;
      g_ptr_array_add (node->children, child);
      take_down (walk, by_path, child);
    }
}

static AbmTestAtspiNode *
walk_children (const char  *application,
               GError     **error)
{
  g_autoptr(GHashTable) children = NULL;
  Walk walk = { 0 };

  children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_paths);
  walk.application = application;
  walk.children = children;

  for (guint round = 0; round < 100; round++)
    {
      g_autoptr(GHashTable) by_path = get_items (application, error);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      AbmTestAtspiNode *root;
      gboolean complete;

      if (by_path == NULL)
        return NULL;
      if (!g_hash_table_contains (by_path, ATSPI_ROOT_PATH))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the application has no root object");
          return NULL;
        }
      /* Down as far as the answers so far go, asking on down from there. */
      walk.by_path = by_path;
      complete = ask_down (&walk, by_path, ATSPI_ROOT_PATH, seen);
      if (walk.pending > 0)
        {
          wait_for_calls (&walk.pending);
          if (walk.error != NULL)
            {
              g_propagate_error (error, walk.error);
              return NULL;
            }
          continue;
        }
      if (!complete)
        continue;
      g_hash_table_steal_extended (by_path, ATSPI_ROOT_PATH, NULL, (gpointer *) &root);
      take_down (&walk, by_path, root);
      return root;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the accessibility tree kept changing");
  return NULL;
}

AbmTestAtspiNode *
abm_test_atspi_walk (GError **error)
{
  g_autofree char *application = NULL;

  g_return_val_if_fail (a11y_bus != NULL, NULL);

  application = find_application (error);
  if (application == NULL)
    return NULL;
  /* GTK 4.8's cache holds what is presented and no more, and GetChildren
   * of each of its thousands of objects would take a minute: the cache
   * alone is the tree there. Every later GTK is read by GetChildren, right
   * for all (only 4.8 and 4.18 are tried; 4.10 reworked GTK's AT-SPI
   * objects, and is where the cache is no longer trusted). */
  if (gtk_check_version (4, 10, 0) != NULL)
    return walk_cache (application, error);
  return walk_children (application, error);
}
