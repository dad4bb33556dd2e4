/* abm-tier-chart.h: the tier pyramid, for the screen and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define ABM_TIER_CHART_N_TIERS 3

typedef struct {
  guint   count;
  double  acv_total;           /* sum of the known ACV potentials; < 0 unknown */
  double  fit_average;         /* 0–100; < 0 when no account is scored */
} AbmTierChartTier;

typedef struct {
  AbmTierChartTier  tiers[ABM_TIER_CHART_N_TIERS];  /* Tier 1, 2, 3 */
  guint             untiered;
  const char       *currency;      /* ISO code such as "EUR", or NULL */
  const char       *font_family;   /* NULL for "Sans" */
  gboolean          dark;          /* colours for a dark background */
} AbmTierChartData;

void      abm_tier_chart_render        (const AbmTierChartData *data,
                                        cairo_t                *cr,
                                        double                  width,
                                        double                  height);
char     *abm_tier_chart_describe      (const AbmTierChartData *data);
char     *abm_tier_chart_describe_tier (const AbmTierChartData *data,
                                        guint                   tier);
gboolean  abm_tier_chart_get_band      (const AbmTierChartData *data,
                                        double                  width,
                                        double                  height,
                                        guint                   tier,
                                        cairo_rectangle_t      *bounds);
guint     abm_tier_chart_tier_at       (const AbmTierChartData *data,
                                        double                  width,
                                        double                  height,
                                        double                  x,
                                        double                  y);
void      abm_tier_chart_get_color     (guint                   tier,
                                        gboolean                dark,
                                        double                 *red,
                                        double                 *green,
                                        double                 *blue);

G_END_DECLS
