/* abm-whitespace-cell-popover.c: one cell of the whitespace map, edited
 *
 * A drop-down for what the cell is, the competitor's name (only for a
 * competitor's cell) and what it is worth. Nothing is stored until Set,
 * so a half-changed cell never reaches the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-whitespace-cell-popover.h"

struct _AbmWhitespaceCellPopover
{
  GtkPopover      parent_instance;

  GtkLabel       *heading;
  GtkDropDown    *status_dropdown;
  GtkEntry       *competitor_entry;
  GtkSpinButton  *amount_spin;
  guint           division;
  guint           offering;
};

G_DEFINE_FINAL_TYPE (AbmWhitespaceCellPopover, abm_whitespace_cell_popover, GTK_TYPE_POPOVER)

static void
status_changed (AbmWhitespaceCellPopover *self)
{
  gboolean competitor = gtk_drop_down_get_selected (self->status_dropdown) == ABM_WHITESPACE_COMPETITOR;

  gtk_widget_set_sensitive (GTK_WIDGET (self->competitor_entry), competitor);
}

static void
apply_clicked (AbmWhitespaceCellPopover *self)
{
  AbmWhitespaceStatus status = gtk_drop_down_get_selected (self->status_dropdown);
  const char *competitor = gtk_editable_get_text (GTK_EDITABLE (self->competitor_entry));

  g_autoptr(GtkWidget) parent = NULL;

  gtk_spin_button_update (self->amount_spin);
  /* The popover goes first: setting the cell rebuilds the map it hangs
   * from, so the action is looked up from its button, held meanwhile. */
  parent = g_object_ref (gtk_widget_get_parent (GTK_WIDGET (self)));
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (parent, "plan.set-cell", "(uuusd)", self->division, self->offering, (guint) status,
                              status == ABM_WHITESPACE_COMPETITOR ? competitor : "",
                              gtk_spin_button_get_value (self->amount_spin));
}

static void
abm_whitespace_cell_popover_class_init (AbmWhitespaceCellPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-whitespace-cell-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceCellPopover, heading);
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceCellPopover, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceCellPopover, competitor_entry);
  gtk_widget_class_bind_template_child (widget_class, AbmWhitespaceCellPopover, amount_spin);
  gtk_widget_class_bind_template_callback (widget_class, status_changed);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked);
}

static void
abm_whitespace_cell_popover_init (AbmWhitespaceCellPopover *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (AbmWhitespaceStatus s = 0; s < ABM_WHITESPACE_N_STATUSES; s++)
    gtk_string_list_append (statuses, abm_whitespace_status_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_spin_button_set_range (self->amount_spin, 0, ABM_WHITESPACE_MAX_AMOUNT);
}

AbmWhitespaceCellPopover *
abm_whitespace_cell_popover_new (const char              *heading,
                                 guint                    division,
                                 guint                    offering,
                                 const AbmWhitespaceCell *cell)
{
  AbmWhitespaceCellPopover *self = g_object_new (ABM_TYPE_WHITESPACE_CELL_POPOVER, NULL);

  g_return_val_if_fail (cell != NULL, self);

  self->division = division;
  self->offering = offering;
  gtk_label_set_text (self->heading, heading);
  gtk_drop_down_set_selected (self->status_dropdown, cell->status);
  gtk_editable_set_text (GTK_EDITABLE (self->competitor_entry), cell->competitor ? cell->competitor : "");
  gtk_spin_button_set_value (self->amount_spin, cell->amount);
  status_changed (self);
  return self;
}
