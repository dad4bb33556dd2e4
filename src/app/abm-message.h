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

/* What an import did: "3 new, 1 updated." and the first rows it left out
 * (of AbmImportReject) with their lines. */
void abm_message_show_import (GtkWidget  *owner,
                              const char *heading,
                              guint       n_new,
                              guint       n_updated,
                              GPtrArray  *rejects);

G_END_DECLS
