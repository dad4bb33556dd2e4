/* abm-account-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ACCOUNT_PAGE (abm_account_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmAccountPage, abm_account_page, ABM, ACCOUNT_PAGE, AdwBin)

void        abm_account_page_set_account  (AbmAccountPage *self,
                                           AbmWorkspace   *workspace,
                                           AbmAccount     *account);
AbmAccount *abm_account_page_get_account  (AbmAccountPage *self);
gboolean    abm_account_page_commit       (AbmAccountPage *self);

G_END_DECLS
