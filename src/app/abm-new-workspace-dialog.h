/* abm-new-workspace-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ABM_TYPE_NEW_WORKSPACE_DIALOG (abm_new_workspace_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmNewWorkspaceDialog, abm_new_workspace_dialog, ABM, NEW_WORKSPACE_DIALOG, AdwMessageDialog)

AbmNewWorkspaceDialog *abm_new_workspace_dialog_new          (GtkWindow             *parent,
                                                              const char            *currency);
const char            *abm_new_workspace_dialog_get_name     (AbmNewWorkspaceDialog *self);
const char            *abm_new_workspace_dialog_get_currency (AbmNewWorkspaceDialog *self);

G_END_DECLS
