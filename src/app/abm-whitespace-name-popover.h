/* abm-whitespace-name-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-whitespace.h"

G_BEGIN_DECLS

#define ABM_TYPE_WHITESPACE_NAME_POPOVER (abm_whitespace_name_popover_get_type ())
G_DECLARE_FINAL_TYPE (AbmWhitespaceNamePopover, abm_whitespace_name_popover, ABM, WHITESPACE_NAME_POPOVER, GtkPopover)

/* A name for a new row or column of the whitespace map (@index -1:
 * "plan.add-to-map"), or a new name for one ("plan.rename-in-map"), which
 * can also be removed ("plan.remove-from-map"). */
AbmWhitespaceNamePopover *abm_whitespace_name_popover_new (const char        *heading,
                                                           AbmWhitespaceAxis  axis,
                                                           int                index,
                                                           const char        *name);

G_END_DECLS
