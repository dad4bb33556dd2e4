/* abm-stakeholder-dialog.h: add or edit one person of a buying committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_STAKEHOLDER_DIALOG (abm_stakeholder_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmStakeholderDialog, abm_stakeholder_dialog, ABM, STAKEHOLDER_DIALOG, AdwWindow)

/* "saved" (AbmStakeholder *person): the committee's person, after Add or
 * Save stored it. "removed" (gint64 undo_id): Remove from Committee
 * deleted the person; abm_workspace_undo() takes the id. The dialog
 * closes after either. */
AbmStakeholderDialog *abm_stakeholder_dialog_new_add  (GtkWindow      *parent,
                                                       AbmWorkspace   *ws,
                                                       AbmAccount     *account);
AbmStakeholderDialog *abm_stakeholder_dialog_new_edit (GtkWindow      *parent,
                                                       AbmWorkspace   *ws,
                                                       AbmAccount     *account,
                                                       AbmStakeholder *stakeholder);

G_END_DECLS
