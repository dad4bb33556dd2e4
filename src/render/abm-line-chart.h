/* abm-line-chart.h: a few series over the weeks, for the screen and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "abm-render-text.h"

G_BEGIN_DECLS

#define ABM_LINE_CHART_MAX_SERIES 4
#define ABM_LINE_CHART_MAX_POINTS 26

/* Strings are shown as given: the caller translates them. */
typedef struct {
  const char * const *x_labels;       /* a point each, oldest first: "Jun 1" */
  guint               n_points;       /* up to ABM_LINE_CHART_MAX_POINTS */
  AbmRenderSeries     series[ABM_LINE_CHART_MAX_SERIES];  /* "All", "Tier 1": a value a point */
  guint               n_series;
  AbmRenderUnit       unit;
  const char         *currency;       /* ISO code such as "EUR", or NULL */
  gboolean            y_auto;         /* FALSE: the scale is 0–100 (0–100% for
                                       * shares); TRUE: 0 to a round number at
                                       * or above the highest value */
  const char         *title;          /* "Engagement score"; NULL: a single series' label */
  const char         *empty_text;     /* "No data for this period" */
  const char         *font_family;    /* NULL for "Sans" */
  gboolean            dark;           /* colours for a dark background */
} AbmLineChartData;

void      abm_line_chart_render        (const AbmLineChartData *data,
                                        cairo_t                *cr,
                                        double                  width,
                                        double                  height);
/* What the chart shows, in sentences, for assistive technology. */
char     *abm_line_chart_describe      (const AbmLineChartData *data);
/* The tooltip of one point: "Tier 1, Jun 1: 34". */
char     *abm_line_chart_describe_item (const AbmLineChartData *data,
                                        guint                   series,
                                        guint                   index);
/* The point nearest (@x, @y), if one is near enough to point at. */
gboolean  abm_line_chart_item_at       (const AbmLineChartData *data,
                                        double                  width,
                                        double                  height,
                                        double                  x,
                                        double                  y,
                                        guint                  *series,
                                        guint                  *index);
/* Where that point is drawn; FALSE when it is not (no value, no room). */
gboolean  abm_line_chart_get_point     (const AbmLineChartData *data,
                                        double                  width,
                                        double                  height,
                                        guint                   series,
                                        guint                   index,
                                        double                 *x,
                                        double                 *y);

G_END_DECLS
