/* abm-a11y.h: names for the parts of GTK's own windows that have none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void abm_a11y_name_window_parts (GtkWidget *window);

G_END_DECLS
