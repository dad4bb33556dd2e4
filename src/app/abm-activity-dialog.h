/* abm-activity-dialog.h: log one engagement activity by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ACTIVITY_DIALOG (abm_activity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmActivityDialog, abm_activity_dialog, ABM, ACTIVITY_DIALOG, AdwMessageDialog)

AbmActivityDialog *abm_activity_dialog_new (GtkWindow    *parent,
                                            AbmWorkspace *workspace,
                                            AbmAccount   *account);

G_END_DECLS
