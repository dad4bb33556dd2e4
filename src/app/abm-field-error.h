/* abm-field-error.h: the reason beside a field the workspace refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void abm_field_error_show (GtkWidget  *field,
                           GtkLabel   *label,
                           const char *message);

G_END_DECLS
