/* abm-targets-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_TARGETS_VIEW (abm_targets_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmTargetsView, abm_targets_view, ABM, TARGETS_VIEW, AdwBin)

void        abm_targets_view_set_workspace  (AbmTargetsView *self,
                                             AbmWorkspace   *workspace);
GListModel *abm_targets_view_get_shown      (AbmTargetsView *self);
void        abm_targets_view_focus_search   (AbmTargetsView *self);
GPtrArray  *abm_targets_view_dup_selected   (AbmTargetsView *self);
gboolean    abm_targets_view_export         (AbmTargetsView *self,
                                             GFile          *file,
                                             GError        **error);

G_END_DECLS
