/* abm-bar-chart.h: grouped vertical bars, for the screen and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "abm-render-text.h"

G_BEGIN_DECLS

#define ABM_BAR_CHART_MAX_SERIES 3

/* Strings are shown as given: the caller translates them. */
typedef struct {
  const char * const *categories;     /* "Tier 1", "Tier 2", "Tier 3", "All" */
  guint               n_categories;
  AbmRenderSeries     series[ABM_BAR_CHART_MAX_SERIES];   /* "ABM", "Other": a value a category */
  guint               n_series;
  AbmRenderUnit       unit;
  const char         *currency;       /* ISO code such as "EUR", or NULL */
  const char         *title;          /* "Win rate"; NULL: a single series' label */
  const char         *empty_text;     /* "No data for this period" */
  const char         *font_family;    /* NULL for "Sans" */
  gboolean            dark;           /* colours for a dark background */
} AbmBarChartData;

void      abm_bar_chart_render        (const AbmBarChartData *data,
                                       cairo_t               *cr,
                                       double                 width,
                                       double                 height);
/* What the chart shows, in sentences, for assistive technology. */
char     *abm_bar_chart_describe      (const AbmBarChartData *data);
/* The tooltip of one bar: "Tier 1, ABM: 42%". */
char     *abm_bar_chart_describe_item (const AbmBarChartData *data,
                                       guint                  series,
                                       guint                  index);
/* The bar of @series in category @index under (@x, @y), if any. */
gboolean  abm_bar_chart_item_at       (const AbmBarChartData *data,
                                       double                 width,
                                       double                 height,
                                       double                 x,
                                       double                 y,
                                       guint                 *series,
                                       guint                 *index);
/* Where that bar is drawn; FALSE when it is not (no value, no room). */
gboolean  abm_bar_chart_get_bar       (const AbmBarChartData *data,
                                       double                 width,
                                       double                 height,
                                       guint                  series,
                                       guint                  index,
                                       cairo_rectangle_t     *bounds);

G_END_DECLS
