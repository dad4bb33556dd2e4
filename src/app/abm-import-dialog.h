/* abm-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_IMPORT_DIALOG (abm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmImportDialog, abm_import_dialog, ABM, IMPORT_DIALOG, AdwWindow)

AbmImportDialog *abm_import_dialog_new (GtkWindow     *parent,
                                        AbmWorkspace  *workspace,
                                        const char    *path,
                                        GError       **error);

G_END_DECLS
