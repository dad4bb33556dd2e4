/* abm-activity-page.h: an account's engagement activities and why it scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ACTIVITY_PAGE (abm_activity_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmActivityPage, abm_activity_page, ABM, ACTIVITY_PAGE, AdwBin)

void     abm_activity_page_set_account   (AbmActivityPage  *self,
                                          AbmWorkspace     *workspace,
                                          AbmAccount       *account);

G_END_DECLS
