/* abm-bulk-edit-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_BULK_EDIT_DIALOG (abm_bulk_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmBulkEditDialog, abm_bulk_edit_dialog, ABM, BULK_EDIT_DIALOG, AdwMessageDialog)

AbmBulkEditDialog *abm_bulk_edit_dialog_new   (GtkWindow         *parent,
                                               AbmWorkspace      *workspace,
                                               GPtrArray         *accounts);
gboolean           abm_bulk_edit_dialog_apply (AbmBulkEditDialog *self,
                                               GError           **error);

G_END_DECLS
