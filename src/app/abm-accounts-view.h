/* abm-accounts-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ACCOUNTS_VIEW (abm_accounts_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmAccountsView, abm_accounts_view, ABM, ACCOUNTS_VIEW, AdwBin)

void        abm_accounts_view_set_workspace  (AbmAccountsView *self,
                                              AbmWorkspace    *workspace);
AbmAccount *abm_accounts_view_get_selected   (AbmAccountsView *self);
void        abm_accounts_view_select         (AbmAccountsView *self,
                                              AbmAccount      *account);
void        abm_accounts_view_show_page      (AbmAccountsView *self,
                                              const char      *name);
void        abm_accounts_view_focus_search   (AbmAccountsView *self);
void        abm_accounts_view_commit         (AbmAccountsView *self);

G_END_DECLS
