/* abm-tier-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-tier-chart.h"

G_BEGIN_DECLS

#define ABM_TYPE_TIER_CHART_VIEW (abm_tier_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmTierChartView, abm_tier_chart_view, ABM, TIER_CHART_VIEW, GtkWidget)

GtkWidget *abm_tier_chart_view_new      (void);
void       abm_tier_chart_view_set_data (AbmTierChartView       *self,
                                         const AbmTierChartData *data);

G_END_DECLS
