/* abm-engagement-import.h: import activities or deals from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-engagement-importer.h"

G_BEGIN_DECLS

/* Imports @file into @workspace and reports what was imported and what
 * was left out over @owner's window. FALSE with @error when nothing was. */
gboolean abm_engagement_import_file   (GtkWidget                *owner,
                                       AbmWorkspace             *workspace,
                                       AbmEngagementImportKind   kind,
                                       GFile                    *file,
                                       GError                  **error);
/* Asks for a CSV file, then imports it as above; a failure is shown. */
void     abm_engagement_import_choose (GtkWidget                *owner,
                                       AbmWorkspace             *workspace,
                                       AbmEngagementImportKind   kind);

G_END_DECLS
