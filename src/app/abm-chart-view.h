/* abm-chart-view.h: a bar, funnel or line chart on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-bar-chart.h"
#include "abm-funnel-chart.h"
#include "abm-line-chart.h"

G_BEGIN_DECLS

#define ABM_TYPE_CHART_VIEW (abm_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmChartView, abm_chart_view, ABM, CHART_VIEW, GtkWidget)

/* Shows the chart @data describes. The caller keeps @data and what it
 * points to alive and unchanged until the next call (or NULL); its dark
 * and font_family are the view's own. */
void abm_chart_view_set_bar    (AbmChartView             *self,
                                const AbmBarChartData    *data);
void abm_chart_view_set_funnel (AbmChartView             *self,
                                const AbmFunnelChartData *data);
void abm_chart_view_set_line   (AbmChartView             *self,
                                const AbmLineChartData   *data);

G_END_DECLS
