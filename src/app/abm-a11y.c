/* abm-a11y.c: names for the parts of GTK's own windows that have none
 *
 * GTK 4.8 and libadwaita 1.2 build some controls of their windows without
 * an accessible name: the search entry of a preferences or shortcuts
 * window, the shortcuts window's search button and its menu of sections,
 * the about window's Back buttons (an icon and a tooltip), its version
 * button and its text pages. A screen reader says "text" or "button"
 * there and nothing else. Our own controls are named in their templates;
 * these we can only reach from the window that holds them. Later releases
 * name them themselves, the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "abm-a11y.h"

static void
name (GtkWidget  *widget,
      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The title of the page @widget is on: the first window title above it. */
static const char *
find_title (GtkWidget *widget)
{
  if (ADW_IS_WINDOW_TITLE (widget))
    return adw_window_title_get_title (ADW_WINDOW_TITLE (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *title = find_title (child);

      if (title != NULL)
        return title;
    }
  return NULL;
}

static const char *
page_title (GtkWidget *widget)
{
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      const char *title = find_title (up);

      if (title != NULL)
        return title;
    }
  return NULL;
}

static void
name_parts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *content = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      if (GTK_IS_SEARCH_ENTRY (child))
        name (child, _("Search"));
      else if (GTK_IS_TOGGLE_BUTTON (child)
               && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-find-symbolic") == 0)
        name (child, _("Search"));
      else if (GTK_IS_MENU_BUTTON (child) && GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_root (child)))
        name (child, _("Shortcut Sections"));
      /* Their own strings, translated by them. */
      else if (GTK_IS_IMAGE (content) && gtk_widget_get_tooltip_text (child) != NULL)
        name (child, gtk_widget_get_tooltip_text (child));
      else if (GTK_IS_LABEL (content))
        name (child, gtk_label_get_text (GTK_LABEL (content)));
      else if (GTK_IS_TEXT_VIEW (child) && page_title (child) != NULL)
        name (child, page_title (child));
      name_parts (child);
    }
}

/* Names the nameless parts that GTK or libadwaita put in @window, a
 * preferences, shortcuts or about window: their search, their section
 * menu, their Back buttons and pages. The pages we put in preferences
 * windows name their own controls in their templates, and have no search
 * or icon-only buttons of their own. */
void
abm_a11y_name_window_parts (GtkWidget *window)
{
  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window) || GTK_IS_SHORTCUTS_WINDOW (window)
                    || ADW_IS_ABOUT_WINDOW (window));

  name_parts (window);
}
