/* abm-test-ui.c: what the UI tests share
 *
 * The tests find widgets the way assistive technology does: by their role
 * (widget type) and their visible, accessible title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "abm-test-ui.h"

/* GTK newer than 4.8 (4.18 in Debian 13) warns when a widget is measured
 * narrower than its minimum. AdwMessageDialog (libadwaita 1.2; deprecated
 * in 1.6 for AdwAlertDialog, which 1.2 lacks) measures its large heading
 * at whatever width GTK probes the dialog with before it picks the small
 * heading, so every dialog with a body and a heading wider than about 100
 * pixels sets the warning off inside libadwaita. Only that warning is
 * dropped; every other one stays fatal. */
static gboolean
is_message_dialog_heading_warning (GLogLevelFlags   log_level,
                                   const GLogField *fields,
                                   gsize            n_fields)
{
  const char *domain = NULL;
  const char *message = NULL;
  gpointer widget = NULL;
  int for_width, needed;

  if ((log_level & G_LOG_LEVEL_WARNING) == 0)
    return FALSE;
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "Gtk") != 0 || message == NULL
      || sscanf (message, "Trying to measure GtkLabel %p for width of %d, but it needs at least %d",
                 &widget, &for_width, &needed) != 3)
    return FALSE;
  /* GTK warns while it measures the label, which is alive. */
  return GTK_IS_LABEL (widget)
         && gtk_widget_has_css_class (widget, "title-2")
         && ADW_IS_MESSAGE_DIALOG (gtk_widget_get_root (widget));
}

static GLogWriterOutput
test_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (is_message_dialog_heading_warning (log_level, fields, n_fields))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_init (int    *argc,
           char ***argv)
{
  g_log_set_writer_func (test_log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
}

/* GTK under a virtual display, and the application registered as a
 * non-unique instance so tests never talk to a running app. */
AbmApplication *
abm_test_ui_init (int    *argc,
                  char ***argv)
{
  AbmApplication *app;

  test_init (argc, argv);

  app = abm_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  return app;
}

/* GTK and libadwaita under a virtual display, for tests of a widget on
 * its own. GTK's own accessibility backend for tests: roles and labels
 * are checked without the AT-SPI bus, which concurrent sessions of the
 * same user share (and pull from under each other). */
void
abm_test_ui_init_widgets (int    *argc,
                          char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_init (argc, argv);
  adw_init ();
}

/* Runs what is pending without waiting: no test sleeps to pass. */
void
abm_test_ui_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Depth-first search for a mapped widget of @type whose title or label (or
 * for an icon button, tooltip) is @title (any, with NULL). */
GtkWidget *
abm_test_ui_find_widget (GtkWidget  *root,
                         GType       type,
                         const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    {
      const char *text = NULL;

      if (ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      else if (GTK_IS_BUTTON (root))
        text = gtk_button_get_label (GTK_BUTTON (root))
               ? gtk_button_get_label (GTK_BUTTON (root))
               : gtk_widget_get_tooltip_text (root);
      else if (GTK_IS_LABEL (root))
        text = gtk_label_get_text (GTK_LABEL (root));

      if (title == NULL || g_strcmp0 (text, title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = abm_test_ui_find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A shown window of @type, such as a dialog just opened. */
GtkWindow *
abm_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* A shown message dialog headed @heading. */
AdwMessageDialog *
abm_test_ui_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The mapped view stack that has a page named @page. */
AdwViewStack *
abm_test_ui_find_view_stack (GtkWidget  *root,
                             const char *page)
{
  if (ADW_IS_VIEW_STACK (root) && gtk_widget_get_mapped (root)
      && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (root), page) != NULL)
    return ADW_VIEW_STACK (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *found = abm_test_ui_find_view_stack (child, page);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* @widget as its window's renderer draws it: premultiplied BGRA in
 * memory, as a cairo ARGB32 image, @width × 4 bytes a row. */
guchar *
abm_test_ui_render_widget (GtkWidget *widget,
                           int       *width,
                           int       *height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  /* The window may not have been laid out yet: wait for its first frame
   * (for at most five seconds, so a broken widget fails, not hangs). */
  {
    gboolean timed_out = FALSE;
    guint frames = 0;
    guint timeout = g_timeout_add_once (5000, set_flag, &timed_out);
    guint tick;

    gtk_widget_queue_draw (widget);
    tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
    /* Two ticks: the second comes after the first frame was painted. */
    while (!timed_out && (frames < 2 || gtk_widget_get_width (widget) == 0
                          || gtk_widget_get_height (widget) == 0))
      g_main_context_iteration (NULL, TRUE);
    gtk_widget_remove_tick_callback (widget, tick);
    if (!timed_out)
      g_source_remove (timeout);
  }
  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  pixels = g_malloc (*width * *height * 4);
  gdk_texture_download (texture, pixels, *width * 4);
  return pixels;
}

GtkWidget *
abm_test_ui_get_widget (GtkWidget  *root,
                        GType       type,
                        const char *title)
{
  GtkWidget *widget = abm_test_ui_find_widget (root, type, title);

  if (widget == NULL)
    g_error ("No %s titled “%s” is shown", g_type_name (type), title ? title : "(any)");
  return widget;
}

/* Clicks the button labelled @label, which must be sensitive, and runs
 * what the click set going. */
void
abm_test_ui_click (GtkWidget  *root,
                   const char *label)
{
  GtkWidget *button = abm_test_ui_get_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  abm_test_ui_iterate ();
}

void
abm_test_ui_type_into (GtkWidget  *root,
                       const char *row_title,
                       const char *text)
{
  GtkWidget *row = row_title ? abm_test_ui_get_widget (root, ADW_TYPE_ENTRY_ROW, row_title)
                             : abm_test_ui_get_widget (root, GTK_TYPE_SEARCH_ENTRY, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  abm_test_ui_iterate ();
}

void
abm_test_ui_respond (AdwMessageDialog *dialog,
                     const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
}

GtkWidget *
abm_test_ui_find_group (GtkWidget  *root,
                        const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = abm_test_ui_find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Closed, the window is gone: nothing it connected keeps it alive. */
void
abm_test_ui_close (GtkWidget *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  abm_test_ui_iterate ();
  g_assert_null (window);
}

/* A fixture's temporary folder and what is in it, folders too. */
void
abm_test_ui_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        abm_test_ui_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* The workspace as another process would read it from the file. */
AbmWorkspace *
abm_test_ui_reread (const char *path)
{
  g_autoptr(GError) error = NULL;
  AbmWorkspace *workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return workspace;
}

/* Runs the main loop until @done says so, for at most @timeout_ms:
 * background work that breaks fails the test, not hangs it. */
gboolean
abm_test_ui_wait_for (gboolean (*done) (gpointer),
                      gpointer   data,
                      guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_once (timeout_ms, set_flag, &timed_out);

  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return !timed_out;
}

/* A new window of @app, shown, on the workspace at @path. */
AbmWindow *
abm_test_ui_window_on (AbmApplication *app,
                       const char     *path)
{
  g_autoptr(GError) error = NULL;
  AbmWindow *window = abm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (abm_window_load_workspace (window, path, &error));
  g_assert_no_error (error);
  abm_test_ui_iterate ();
  return window;
}
