/* abm-application.c: one process, one window per open workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-a11y.h"
#include "abm-application.h"
#include "abm-window.h"

#define MAX_RECENT 10

struct _AbmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AbmApplication, abm_application, ADW_TYPE_APPLICATION)

AbmApplication *
abm_application_new (void)
{
  return g_object_new (ABM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
abm_application_get_settings (AbmApplication *self)
{
  g_return_val_if_fail (ABM_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
set_recent (AbmApplication *self,
            const char     *path,
            gboolean        add)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  if (add)
    {
      g_strv_builder_add (builder, path);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char *const *) recent);
}

void
abm_application_note_recent (AbmApplication *self,
                             const char     *path)
{
  g_return_if_fail (ABM_IS_APPLICATION (self));
  set_recent (self, path, TRUE);
}

void
abm_application_forget_recent (AbmApplication *self,
                               const char     *path)
{
  g_return_if_fail (ABM_IS_APPLICATION (self));
  set_recent (self, path, FALSE);
}

/* A window that shows the start page is reused before a new one opens. */
static AbmWindow *
window_for_workspace (AbmApplication *self,
                      const char     *path)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  AbmWindow *empty = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      AbmWindow *window;

      if (!ABM_IS_WINDOW (l->data))
        continue;
      window = l->data;
      if (path != NULL && g_strcmp0 (abm_window_get_workspace_path (window), path) == 0)
        return window;
      if (empty == NULL && abm_window_get_workspace_path (window) == NULL)
        empty = window;
    }

  if (empty != NULL)
    return empty;
  return abm_window_new (self);
}

static void
abm_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (abm_window_new (ABM_APPLICATION (app)));
  gtk_window_present (window);
}

static void
abm_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  AbmApplication *self = ABM_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *canonical = NULL;
      AbmWindow *window;

      if (path == NULL)
        continue;
      canonical = g_canonicalize_filename (path, NULL);
      window = window_for_workspace (self, canonical);
      gtk_window_present (GTK_WINDOW (window));
      if (g_strcmp0 (abm_window_get_workspace_path (window), canonical) != 0)
        abm_window_open_workspace (window, canonical);
    }
}

static void
new_workspace_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  AbmWindow *window = window_for_workspace (ABM_APPLICATION (user_data), NULL);

  gtk_window_present (GTK_WINDOW (window));
  abm_window_new_workspace (window);
}

static void
open_workspace_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AbmApplication *self = ABM_APPLICATION (user_data);
  AbmWindow *window;

  if (parameter != NULL)
    {
      const char *path = g_variant_get_string (parameter, NULL);

      window = window_for_workspace (self, path);
      gtk_window_present (GTK_WINDOW (window));
      if (g_strcmp0 (abm_window_get_workspace_path (window), path) != 0)
        abm_window_open_workspace (window, path);
      return;
    }

  window = window_for_workspace (self, NULL);
  gtk_window_present (GTK_WINDOW (window));
  abm_window_choose_workspace (window);
}

static void
open_sample_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AbmWindow *window = window_for_workspace (ABM_APPLICATION (user_data), NULL);

  gtk_window_present (GTK_WINDOW (window));
  abm_window_open_sample (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "ABM Planner contributors", NULL };
  /* As adw_show_about_window() makes it, kept to name its parts. */
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", gtk_application_get_active_window (app),
                                   "modal", TRUE,
                                   "application-name", _("ABM Planner"),
                                   "application-icon", APP_ID,
                                   "developer-name", _("ABM Planner contributors"),
                                   "version", PACKAGE_VERSION,
                                   "comments", _("Plan account-based marketing: the ideal customer profile, "
                                                 "tiered target accounts, buying committees, plans and briefs."),
                                   "developers", developers,
                                   "copyright", "© 2026 ABM Planner contributors",
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  abm_a11y_name_window_parts (about);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Close through the windows so each one keeps its size and closes its file. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new-workspace", new_workspace_activated },
  { "open-workspace", open_workspace_activated },
  { "open-recent", open_workspace_activated, "s" },
  { "open-sample", open_sample_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
abm_application_startup (GApplication *app)
{
  AbmApplication *self = ABM_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (abm_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (gtk_app, "app.new-workspace",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.open-workspace",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.close-workspace",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.save-copy",
                                         (const char *[]) { "<Control><Shift>s", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.undo",
                                         (const char *[]) { "<Control>z", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.add-account",
                                         (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.import",
                                         (const char *[]) { "<Control>i", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.agenda",
                                         (const char *[]) { "<Control><Shift>a", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.export-brief",
                                         (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.print-brief",
                                         (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.search",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-view::profile",
                                         (const char *[]) { "<Control>1", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-view::targets",
                                         (const char *[]) { "<Control>2", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-view::accounts",
                                         (const char *[]) { "<Control>3", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-view::insights",
                                         (const char *[]) { "<Control>4", NULL });
}

static void
abm_application_dispose (GObject *object)
{
  AbmApplication *self = ABM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (abm_application_parent_class)->dispose (object);
}

static void
abm_application_class_init (AbmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = abm_application_dispose;
  app_class->startup = abm_application_startup;
  app_class->activate = abm_application_activate;
  app_class->open = abm_application_open;
}

static void
abm_application_init (AbmApplication *self)
{
  g_set_application_name (_("ABM Planner"));
  gtk_window_set_default_icon_name (APP_ID);
}
