/* abm-deals-page.h: an account's opportunities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_DEALS_PAGE (abm_deals_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmDealsPage, abm_deals_page, ABM, DEALS_PAGE, AdwBin)

void     abm_deals_page_set_account   (AbmDealsPage  *self,
                                       AbmWorkspace  *workspace,
                                       AbmAccount    *account);

G_END_DECLS
