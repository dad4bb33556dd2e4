/* abm-whitespace-cell-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-whitespace.h"

G_BEGIN_DECLS

#define ABM_TYPE_WHITESPACE_CELL_POPOVER (abm_whitespace_cell_popover_get_type ())
G_DECLARE_FINAL_TYPE (AbmWhitespaceCellPopover, abm_whitespace_cell_popover, ABM, WHITESPACE_CELL_POPOVER, GtkPopover)

/* Set closes it and activates "plan.set-cell" for the cell. */
AbmWhitespaceCellPopover *abm_whitespace_cell_popover_new (const char              *heading,
                                                           guint                    division,
                                                           guint                    offering,
                                                           const AbmWhitespaceCell *cell);

G_END_DECLS
