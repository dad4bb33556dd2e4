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

typedef void (*AbmMessageAccepted) (GtkWidget *owner);

/* A question with two answers: @cancel_label, the default (also Escape),
 * and @accept_label, which calls @accepted with @owner. */
void abm_message_ask  (GtkWidget          *owner,
                       const char         *heading,
                       const char         *body,
                       const char         *cancel_label,
                       const char         *accept_label,
                       AbmMessageAccepted  accepted);

/* What an import did: "3 new, 1 updated." and the first rows it left out
 * (of AbmImportReject) with their lines. */
void abm_message_show_import (GtkWidget  *owner,
                              const char *heading,
                              guint       n_new,
                              guint       n_updated,
                              GPtrArray  *rejects);

G_END_DECLS
