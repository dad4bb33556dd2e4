/* abm-funnel-chart.h: the steps from target to customer, for the screen and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "abm-render-text.h"

G_BEGIN_DECLS

#define ABM_FUNNEL_CHART_MAX_STEPS 6

typedef struct {
  const char *label;          /* "Engaged", translated by the caller */
  guint64     count;
} AbmFunnelChartStep;

typedef struct {
  AbmFunnelChartStep  steps[ABM_FUNNEL_CHART_MAX_STEPS];   /* widest first */
  guint               n_steps;
  AbmRenderColor      color;          /* of the bars; AUTO: the accent */
  const char         *empty_text;     /* "No data for this period" */
  const char         *font_family;    /* NULL for "Sans" */
  gboolean            dark;           /* colours for a dark background */
} AbmFunnelChartData;

void      abm_funnel_chart_render        (const AbmFunnelChartData *data,
                                          cairo_t                  *cr,
                                          double                    width,
                                          double                    height);
/* What the chart shows, in sentences, for assistive technology. */
char     *abm_funnel_chart_describe      (const AbmFunnelChartData *data);
/* The tooltip of step @index: "Engaged: 503, 62% of Aware". A funnel
 * has one series, 0; the argument keeps the charts' calls alike. */
char     *abm_funnel_chart_describe_item (const AbmFunnelChartData *data,
                                          guint                     series,
                                          guint                     index);
/* The step whose row (label, bar and numbers) is under (@x, @y). */
gboolean  abm_funnel_chart_item_at       (const AbmFunnelChartData *data,
                                          double                    width,
                                          double                    height,
                                          double                    x,
                                          double                    y,
                                          guint                    *series,
                                          guint                    *index);
/* Where step @index's bar is drawn; FALSE when it is not (a count of 0,
 * no room). */
gboolean  abm_funnel_chart_get_step      (const AbmFunnelChartData *data,
                                          double                    width,
                                          double                    height,
                                          guint                     index,
                                          cairo_rectangle_t        *bounds);

G_END_DECLS
