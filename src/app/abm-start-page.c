/* abm-start-page.c: what a window shows with no workspace open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-start-page.h"

struct _AbmStartPage
{
  AdwBin      parent_instance;

  GSettings  *settings;

  /* Template widgets */
  GtkWidget  *recent_group;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (AbmStartPage, abm_start_page, ADW_TYPE_BIN)

/* "~/Documents" rather than "/home/jane/Documents". */
static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (g_str_has_prefix (dir, home) && (dir[len] == '/' || dir[len] == '\0'))
    return g_strconcat ("~", dir + len, NULL);
  return g_filename_display_name (dir);
}

static GtkWidget *
recent_row (const char *path)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *folder = display_folder (path);
  GtkWidget *row = adw_action_row_new ();

  if (g_str_has_suffix (basename, ".abm"))
    basename[strlen (basename) - 4] = '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
  gtk_widget_set_tooltip_text (row, path);
  return row;
}

static void
reload_recent (AbmStartPage *self)
{
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-workspaces");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      /* A file moved or deleted since is not offered. */
      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      gtk_list_box_append (self->recent_list, recent_row (recent[i]));
      shown++;
    }

  gtk_widget_set_visible (self->recent_group, shown > 0);
}

void
abm_start_page_set_settings (AbmStartPage *self,
                             GSettings    *settings)
{
  g_return_if_fail (ABM_IS_START_PAGE (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::recent-workspaces",
                              G_CALLBACK (reload_recent), self);
  reload_recent (self);
}

static void
abm_start_page_dispose (GObject *object)
{
  AbmStartPage *self = ABM_START_PAGE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (abm_start_page_parent_class)->dispose (object);
}

static void
abm_start_page_class_init (AbmStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AbmStartPage, recent_list);
}

static void
abm_start_page_init (AbmStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
