/* abm-costs-dialog.h: what the program cost, per tier and period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_COSTS_DIALOG (abm_costs_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmCostsDialog, abm_costs_dialog, ABM, COSTS_DIALOG, AdwPreferencesWindow)

AbmCostsDialog *abm_costs_dialog_new (GtkWindow    *parent,
                                      AbmWorkspace *workspace);

G_END_DECLS
