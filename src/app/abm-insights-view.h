/* abm-insights-view.h: the program's KPIs, charts and lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_INSIGHTS_VIEW (abm_insights_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmInsightsView, abm_insights_view, ABM, INSIGHTS_VIEW, AdwBin)

void abm_insights_view_set_workspace (AbmInsightsView *self,
                                      AbmWorkspace    *workspace);
/* Computes the KPIs again now. */
void abm_insights_view_refresh       (AbmInsightsView *self);

G_END_DECLS
