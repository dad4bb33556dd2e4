/* abm-opportunity-dialog.h: add or edit one deal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_OPPORTUNITY_DIALOG (abm_opportunity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmOpportunityDialog, abm_opportunity_dialog, ABM, OPPORTUNITY_DIALOG, AdwMessageDialog)

/* @opportunity NULL adds one to @account. */
AbmOpportunityDialog *abm_opportunity_dialog_new (GtkWindow      *parent,
                                                  AbmWorkspace   *workspace,
                                                  AbmAccount     *account,
                                                  AbmOpportunity *opportunity);

G_END_DECLS
