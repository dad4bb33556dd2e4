/* abm-line-chart.c: a few series over the weeks, for the screen and the page
 *
 * A line a series over a scale of 0–100 (or from 0 to a round number over
 * the highest value), a dot at each point, and under the plot the dates
 * of as many points as have room, always the latest. Each series has its
 * own dash pattern as well as its colour, in the lines and the legend, so
 * that the chart reads in grey too. A missing value breaks the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "abm-line-chart.h"
#include "abm-org-card.h"

/* At a scale of 1, in user units. */
#define SWATCH_WIDTH   24.0
#define LINE_WIDTH     2.0
#define DOT_RADIUS     3.0
#define HIT_RADIUS     10.0
#define LABEL_GAP      12.0     /* between the dates under the plot */

typedef struct {
  double dashes[4];
  int    n_dashes;
  gboolean round;               /* caps, for dots */
} Dash;

/* Solid, dashed, dotted, dash-dot: with round caps a dash of 0 is a dot
 * (cairo leaves out one of 0 beside longer ones, hence 0.5). */
static const Dash dashes[ABM_LINE_CHART_MAX_SERIES] = {
  { { 0 }, 0, FALSE },
  { { 7, 4 }, 2, FALSE },
  { { 0, 5 }, 2, TRUE },
  { { 6, 5, 0.5, 5 }, 4, TRUE },
};

typedef struct {
  AbmRenderFrame          frame;
  const AbmLineChartData *data;
  guint                   n_series, n_points;
  double                  first_x, step_x;
  guint                   label_every;  /* a date under every this many points */
} Layout;

static const char *
x_label (const AbmLineChartData *data,
         guint                   index)
{
  return data->x_labels != NULL && data->x_labels[index] != NULL ? data->x_labels[index] : "";
}

/* What the frame needs to know, without laying it out. */
static void
init_layout (const AbmLineChartData *data,
             Layout                 *l)
{
  guint n_points = MIN (data->n_points, ABM_LINE_CHART_MAX_POINTS);

  *l = (Layout) {
    .frame = {
      .font_family = data->font_family,
      .dark = data->dark,
      .title = data->title,
      .unit = data->unit,
      .currency = data->currency,
      .series = data->series,
      .n_series = MIN (data->n_series, ABM_LINE_CHART_MAX_SERIES),
      .n_values = n_points,
      .empty_text = data->empty_text,
      .swatch_width = SWATCH_WIDTH,
      .fixed_top = data->y_auto ? 0 : data->unit == ABM_RENDER_UNIT_SHARE ? 1 : 100,
      .top_room = DOT_RADIUS + LINE_WIDTH,
    },
    .data = data,
    .n_series = n_points > 0 ? MIN (data->n_series, ABM_LINE_CHART_MAX_SERIES) : 0,
    .n_points = n_points,
  };
}

static void
compute_layout (const AbmLineChartData *data,
                double                  width,
                double                  height,
                Layout                 *l)
{
  AbmRenderFrame *f = &l->frame;
  double widest = 0, inset;

  init_layout (data, l);
  abm_render_frame_layout (f, width, height);
  if (!abm_render_frame_has_plot (f))
    return;

  /* The first and last points stand in from the ends by half a date, so
   * that their dates stay under them. */
  for (guint i = 0; i < l->n_points; i++)
    widest = MAX (widest, abm_render_text_width (data->font_family, x_label (data, i), f->label_size,
                                                 PANGO_WEIGHT_NORMAL));
  inset = CLAMP (widest / 2, 2 * DOT_RADIUS * f->scale, f->plot_width / 4);
  if (l->n_points > 1)
    {
      l->first_x = f->plot_x + inset;
      l->step_x = (f->plot_width - 2 * inset) / (l->n_points - 1);
    }
  else
    l->first_x = f->plot_x + f->plot_width / 2;
  l->label_every = l->step_x > 0 ? (guint) MAX (1.0, ceil ((widest + LABEL_GAP * f->scale) / l->step_x)) : 1;
}

static gboolean
point_position (const Layout *l,
                guint         series,
                guint         index,
                double       *x,
                double       *y)
{
  if (!abm_render_frame_has_plot (&l->frame) || series >= l->n_series || index >= l->n_points
      || !abm_render_series_has_value (&l->data->series[series], index))
    return FALSE;
  *x = l->first_x + index * l->step_x;
  *y = abm_render_frame_value_y (&l->frame, abm_render_series_value (&l->data->series[series], index));
  return TRUE;
}

gboolean
abm_line_chart_get_point (const AbmLineChartData *data,
                          double                  width,
                          double                  height,
                          guint                   series,
                          guint                   index,
                          double                 *x,
                          double                 *y)
{
  Layout l;
  double px, py;

  g_return_val_if_fail (data != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  if (!point_position (&l, series, index, &px, &py))
    return FALSE;
  if (x != NULL)
    *x = px;
  if (y != NULL)
    *y = py;
  return TRUE;
}

/* The nearest point within reach; on a tie, the series drawn on top. */
gboolean
abm_line_chart_item_at (const AbmLineChartData *data,
                        double                  width,
                        double                  height,
                        double                  x,
                        double                  y,
                        guint                  *series,
                        guint                  *index)
{
  Layout l;
  double best, reach;
  gboolean found = FALSE;

  g_return_val_if_fail (data != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  reach = HIT_RADIUS * l.frame.scale;
  best = reach * reach;
  for (guint k = 0; k < l.n_series; k++)
    for (guint i = 0; i < l.n_points; i++)
      {
        double px, py, distance;

        if (!point_position (&l, k, i, &px, &py))
          continue;
        distance = (px - x) * (px - x) + (py - y) * (py - y);
        if (distance <= best && !(found && distance == best))
          {
            best = distance;
            found = TRUE;
            if (series != NULL)
              *series = k;
            if (index != NULL)
              *index = i;
          }
      }
  return found;
}

/* Drawing */

static void
set_series_style (cairo_t                *cr,
                  const AbmLineChartData *data,
                  guint                   series,
                  double                  scale)
{
  const Dash *dash = &dashes[series];
  double scaled[G_N_ELEMENTS (dash->dashes)];
  double r, g, b;

  abm_render_series_color (data->series[series].color, series, data->dark, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
  for (int i = 0; i < dash->n_dashes; i++)
    scaled[i] = dash->dashes[i] * scale;
  cairo_set_dash (cr, scaled, dash->n_dashes, 0);
  cairo_set_line_cap (cr, dash->round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, LINE_WIDTH * scale);
}

static void
draw_swatch (cairo_t  *cr,
             guint     series,
             double    x,
             double    y,
             double    width,
             double    scale,
             gpointer  user_data)
{
  const Layout *l = user_data;

  cairo_save (cr);
  set_series_style (cr, l->data, series, scale);
  cairo_move_to (cr, x - width / 2, y);
  cairo_line_to (cr, x + width / 2, y);
  cairo_stroke (cr);
  abm_org_circle (cr, x, y, DOT_RADIUS * scale);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_series (cairo_t      *cr,
             const Layout *l,
             guint         series)
{
  const AbmRenderSeries *values = &l->data->series[series];
  double s = l->frame.scale;
  gboolean dots = l->step_x == 0 || l->step_x >= 4 * DOT_RADIUS * s;

  cairo_save (cr);
  set_series_style (cr, l->data, series, s);
  for (guint i = 0; i < l->n_points; i++)
    {
      double x, y;

      if (!point_position (l, series, i, &x, &y))
        {
          /* A gap: the line stops and starts again. */
          cairo_stroke (cr);
          continue;
        }
      if (cairo_has_current_point (cr))
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
    }
  cairo_stroke (cr);

  /* Dots where there is room, and always where a point stands alone. */
  for (guint i = 0; i < l->n_points; i++)
    {
      double x, y;
      gboolean alone;

      if (!point_position (l, series, i, &x, &y))
        continue;
      alone = (i == 0 || !abm_render_series_has_value (values, i - 1))
              && (i + 1 == l->n_points || !abm_render_series_has_value (values, i + 1));
      if (dots || alone)
        {
          abm_org_circle (cr, x, y, DOT_RADIUS * s);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

static void
draw_lines (cairo_t  *cr,
            gpointer  user_data)
{
  const Layout *l = user_data;

  /* The first series, often the whole program, on top. */
  for (guint k = l->n_series; k-- > 0;)
    draw_series (cr, l, k);
  for (guint i = 0; i < l->n_points; i++)
    if ((l->n_points - 1 - i) % l->label_every == 0)
      abm_render_frame_show_label (&l->frame, cr, x_label (l->data, i), l->first_x + i * l->step_x,
                                   l->frame.width, ABM_RENDER_INK_DIM);
}

void
abm_line_chart_render (const AbmLineChartData *data,
                       cairo_t                *cr,
                       double                  width,
                       double                  height)
{
  Layout l;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  compute_layout (data, width, height, &l);
  abm_render_frame_render (&l.frame, cr, width, height, draw_swatch, draw_lines, &l);
}

/* Description */

char *
abm_line_chart_describe_item (const AbmLineChartData *data,
                              guint                   series,
                              guint                   index)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < MIN (data->n_series, ABM_LINE_CHART_MAX_SERIES), NULL);
  g_return_val_if_fail (index < MIN (data->n_points, ABM_LINE_CHART_MAX_POINTS), NULL);

  value = abm_render_series_format (&data->series[series], index, data->unit, data->currency);
  if (data->series[series].label == NULL)
    return g_strdup_printf (_("%s: %s"), x_label (data, index), value);
  return g_strdup_printf (_("%s, %s: %s"), data->series[series].label, x_label (data, index), value);
}

/* "All: 41 on Jun 1, 43 on Jun 8, …", the points without a value left out. */
static char *
series_sentence (const AbmLineChartData *data,
                 guint                   n_points,
                 guint                   series)
{
  const AbmRenderSeries *points = &data->series[series];
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *values = NULL;

  for (guint i = 0; i < n_points; i++)
    if (abm_render_series_has_value (points, i))
      {
        g_autofree char *value = abm_render_series_format (points, i, data->unit, data->currency);

        /* Translators: a value of a line chart and its date, "41 on Jun 1" */
        g_ptr_array_add (items, g_strdup_printf (_("%s on %s"), value, x_label (data, i)));
      }
  if (items->len == 0)
    values = abm_render_text_value (NAN, data->unit, data->currency);
  else
    {
      g_ptr_array_add (items, NULL);
      values = g_strjoinv (_(", "), (char **) items->pdata);
    }
  return g_strdup_printf (_("%s: %s"), points->label ? points->label : "", values);
}

char *
abm_line_chart_describe (const AbmLineChartData *data)
{
  GString *text = g_string_new (NULL);
  g_autofree char *span = NULL;
  Layout l;

  g_return_val_if_fail (data != NULL, NULL);

  init_layout (data, &l);
  if (!abm_render_frame_describe (&l.frame, text))
    return g_string_free (text, FALSE);

  /* Translators: the dates a line chart covers, "From Jun 1 to Nov 23" */
  span = g_strdup_printf (_("From %s to %s"), x_label (data, 0), x_label (data, l.n_points - 1));
  abm_render_text_append_sentence (text, span);
  for (guint k = 0; k < l.n_series; k++)
    {
      g_autofree char *sentence = series_sentence (data, l.n_points, k);

      abm_render_text_append_sentence (text, sentence);
    }
  return g_string_free (text, FALSE);
}
