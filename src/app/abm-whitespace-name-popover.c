/* abm-whitespace-name-popover.c: add, rename or remove a division or an
 * offering of the whitespace map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-whitespace-name-popover.h"

struct _AbmWhitespaceNamePopover
{
  GtkPopover  parent_instance;

  GtkLabel   *heading;
  GtkEntry   *name_entry;
  GtkButton  *remove_button;
  GtkButton  *apply_button;
  AbmWhitespaceAxis axis;
  int         index;   /* -1: a new one */
};

G_DEFINE_FINAL_TYPE (AbmWhitespaceNamePopover, abm_whitespace_name_popover, GTK_TYPE_POPOVER)

static void
name_changed (AbmWhitespaceNamePopover *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), *name != '\0');
}

/* The popover goes first: the action rebuilds the map it hangs from, so
 * it is looked up from the popover's button, held meanwhile. */
static GtkWidget *
pop_down (AbmWhitespaceNamePopover *self)
{
  GtkWidget *parent = g_object_ref (gtk_widget_get_parent (GTK_WIDGET (self)));

  gtk_popover_popdown (GTK_POPOVER (self));
  return parent;
}

static void
apply_clicked (AbmWhitespaceNamePopover *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autoptr(GtkWidget) parent = NULL;

  if (*name == '\0')
    return;
  parent = pop_down (self);
  if (self->index < 0)
    gtk_widget_activate_action (parent, "plan.add-to-map", "(us)", (guint) self->axis, name);
  else
    gtk_widget_activate_action (parent, "plan.rename-in-map", "(uus)", (guint) self->axis, (guint) self->index, name);
}

static void
remove_clicked (AbmWhitespaceNamePopover *self)
{
  g_autoptr(GtkWidget) parent = pop_down (self);

  gtk_widget_activate_action (parent, "plan.remove-from-map", "(uu)", (guint) self->axis, (guint) self->index);
}

static void
abm_whitespace_name_popover_class_init (AbmWhitespaceNamePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-whitespace-name-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceNamePopover, heading);
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceNamePopover, name_entry);
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceNamePopover, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceNamePopover, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
}

static void
abm_whitespace_name_popover_init (AbmWhitespaceNamePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmWhitespaceNamePopover *
abm_whitespace_name_popover_new (const char        *heading,
                                 AbmWhitespaceAxis  axis,
                                 int                index,
                                 const char        *name)
{
  AbmWhitespaceNamePopover *self = g_object_new (ABM_TYPE_WHITESPACE_NAME_POPOVER, NULL);

  self->axis = axis;
  self->index = index;
  gtk_label_set_text (self->heading, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  gtk_button_set_label (self->apply_button, index >= 0 ? _("_Rename") : _("_Add"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), index >= 0);
  name_changed (self);
  return self;
}
