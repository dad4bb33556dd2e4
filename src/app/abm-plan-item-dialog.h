/* abm-plan-item-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_PLAN_ITEM_DIALOG (abm_plan_item_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlanItemDialog, abm_plan_item_dialog, ABM, PLAN_ITEM_DIALOG, AdwMessageDialog)

AbmPlanItemDialog *abm_plan_item_dialog_new (GtkWindow       *parent,
                                             AbmWorkspace    *workspace,
                                             AbmPlan         *plan,
                                             AbmPlanItemKind  kind,
                                             AbmPlanItem     *item);

G_END_DECLS
