/* abm-profile-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_PROFILE_VIEW (abm_profile_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmProfileView, abm_profile_view, ABM, PROFILE_VIEW, AdwBin)

void abm_profile_view_set_workspace (AbmProfileView *self,
                                     AbmWorkspace   *workspace);

G_END_DECLS
