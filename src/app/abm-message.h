/* abm-message.h: a message about what just went wrong, over its window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void abm_message_show (GtkWidget  *owner,
                       const char *heading,
                       const char *body);

G_END_DECLS
