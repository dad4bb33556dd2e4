/* abm-plan-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_PLAN_PAGE (abm_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlanPage, abm_plan_page, ABM, PLAN_PAGE, AdwBin)

void     abm_plan_page_set_account (AbmPlanPage  *self,
                                    AbmWorkspace *workspace,
                                    AbmAccount   *account);
/* Stores what is typed but not yet saved by the debounce. */
void     abm_plan_page_commit      (AbmPlanPage  *self);

G_END_DECLS
