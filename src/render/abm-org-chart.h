/* abm-org-chart.h: the org chart of a buying committee, for the screen,
 * files and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "abm-org-layout.h"
#include "abm-render-export.h"

G_BEGIN_DECLS

/* The role colours, in the order of the core's committee roles, so that a
 * role has the same colour wherever it is shown; a larger index wraps. */
#define ABM_ORG_CHART_N_ROLE_COLORS  11

/* Days without contact after which a card says the relationship is stale. */
#define ABM_ORG_CHART_STALE_DAYS     60

typedef struct {
  gboolean     dark;              /* colours for a dark background */
  const char  *font_family;       /* NULL for "Sans" */
  gint64       selected_id;       /* 0 for none */
  gboolean     focused;           /* ring the selected card: it has the keyboard focus */
  gboolean     background;        /* paint the background, as files need */
  gboolean     legend;            /* explain the kinds of lines under the chart */
  gboolean     simplify;          /* leave out text too small to read (the screen, not files) */
  double       max_scale;         /* abm_org_chart_render() fits no larger; 0 for 1 */
  /* While a card is dragged: where it is, and the card it would go under
   * (0 for none). */
  gint64       drag_id;
  double       drag_dx;
  double       drag_dy;
  gint64       drop_target_id;
} AbmOrgChartStyle;

/* Draws the chart scaled down (or up, to style->max_scale) and centred to
 * fit @width × @height. */
void      abm_org_chart_render          (const AbmOrgLayout     *layout,
                                         const AbmOrgPerson     *people,
                                         guint                   n_people,
                                         const AbmOrgLink       *links,
                                         guint                   n_links,
                                         const AbmOrgChartStyle *style,
                                         cairo_t                *cr,
                                         double                  width,
                                         double                  height);
/* Draws the chart in layout units at @cr's transform, for a view that
 * zooms and scrolls; cards outside the clip are skipped. */
void      abm_org_chart_draw            (const AbmOrgLayout     *layout,
                                         const AbmOrgPerson     *people,
                                         guint                   n_people,
                                         const AbmOrgLink       *links,
                                         guint                   n_links,
                                         const AbmOrgChartStyle *style,
                                         cairo_t                *cr);
/* What the drawing covers in layout units, its margin aside. */
void      abm_org_chart_get_bounds      (const AbmOrgLayout     *layout,
                                         const AbmOrgChartStyle *style,
                                         cairo_rectangle_t      *bounds);
/* The size of the drawing at a scale of 1, with its margin and legend;
 * layout units are offset by (@x, @y) in it. */
void      abm_org_chart_get_size        (const AbmOrgLayout     *layout,
                                         const AbmOrgChartStyle *style,
                                         double                 *width,
                                         double                 *height,
                                         double                 *x,
                                         double                 *y);
/* The transform abm_org_chart_render() uses: a layout point (lx, ly) is
 * drawn at (@x + lx × @scale, @y + ly × @scale). */
void      abm_org_chart_get_fit         (const AbmOrgLayout     *layout,
                                         const AbmOrgChartStyle *style,
                                         double                  width,
                                         double                  height,
                                         double                 *scale,
                                         double                 *x,
                                         double                 *y);
/* The person whose card is at (@x, @y) in layout units, or 0. */
gint64    abm_org_chart_person_at       (const AbmOrgLayout     *layout,
                                         double                  x,
                                         double                  y);
/* Writes the chart at its natural size (PNG at twice that, for sharp
 * slides), with a background and a legend, to @file. */
gboolean  abm_org_chart_export          (const AbmOrgLayout     *layout,
                                         const AbmOrgPerson     *people,
                                         guint                   n_people,
                                         const AbmOrgLink       *links,
                                         guint                   n_links,
                                         gboolean                dark,
                                         GFile                  *file,
                                         AbmRenderFormat         format,
                                         const char             *title,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* "Ana Ruiz, CFO. Economic buyer and 2 more roles. Champion. …" */
char     *abm_org_chart_describe_person (const AbmOrgPerson     *person);
/* "12 d ago", "today", "never" */
char     *abm_org_chart_freshness_text  (int                     days_since_contact);
const char *abm_org_chart_sentiment_label (AbmOrgSentiment       sentiment);
void      abm_org_chart_get_role_color  (guint                   role_color,
                                         double                 *red,
                                         double                 *green,
                                         double                 *blue);

G_END_DECLS
