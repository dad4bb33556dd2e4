/* abm-plays-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_PLAYS_PAGE (abm_plays_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlaysPage, abm_plays_page, ABM, PLAYS_PAGE, AdwBin)

void abm_plays_page_set_account (AbmPlaysPage *self,
                                 AbmWorkspace *workspace,
                                 AbmAccount   *account);

G_END_DECLS
