/* abm-a11y.c: names for the parts of GTK's own windows that have none
 *
 * GTK 4.8 and libadwaita 1.2 build some controls of their windows without
 * an accessible name: the search entry of a preferences or shortcuts
 * window, the shortcuts window's search button and its menu of sections.
 * A screen reader says "text" or "button" there and nothing else. Our own
 * controls are named in their templates; these we can only reach from
 * the window that holds them. Later releases name them themselves, the
 * same way.
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

static void
name_parts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        name (child, _("Search"));
      else if (GTK_IS_TOGGLE_BUTTON (child)
               && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-find-symbolic") == 0)
        name (child, _("Search"));
      else if (GTK_IS_MENU_BUTTON (child) && GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_root (child)))
        name (child, _("Shortcut Sections"));
      name_parts (child);
    }
}

/* Names the nameless parts that GTK or libadwaita put in @window, a
 * preferences or shortcuts window: their search, their section menu. The
 * pages we put in such windows have no search or menu buttons of their
 * own (those would be named in their templates). */
void
abm_a11y_name_window_parts (GtkWidget *window)
{
  g_return_if_fail (ADW_IS_PREFERENCES_WINDOW (window) || GTK_IS_SHORTCUTS_WINDOW (window));

  name_parts (window);
}
