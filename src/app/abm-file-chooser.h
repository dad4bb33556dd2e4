/* abm-file-chooser.h: one file chooser per widget, through the portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*AbmFileChosen) (GtkWidget *owner,
                               GFile     *file);

void abm_file_chooser_show (GtkWidget            *owner,
                            GtkFileChooserAction  action,
                            const char           *title,
                            const char           *accept,
                            const char           *suggested_name,
                            GtkFileFilter        *filter,
                            AbmFileChosen         done);

G_END_DECLS
