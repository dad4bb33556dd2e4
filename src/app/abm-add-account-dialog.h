/* abm-add-account-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ADD_ACCOUNT_DIALOG (abm_add_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmAddAccountDialog, abm_add_account_dialog, ABM, ADD_ACCOUNT_DIALOG, AdwMessageDialog)

AbmAddAccountDialog *abm_add_account_dialog_new (GtkWindow    *parent,
                                                 AbmWorkspace *workspace);

G_END_DECLS
