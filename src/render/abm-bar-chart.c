/* abm-bar-chart.c: grouped vertical bars, for the screen and the page
 *
 * A group of bars a category ("Tier 1" … "All"), a bar a series ("ABM",
 * "Other") in the series' colour, over a scale from 0 to a round number,
 * with grid lines at its steps. The legend names the series where there
 * are two or more; a single series names the chart. Each bar carries its
 * value above it where every value fits, and a missing value is a dash,
 * never a bar of 0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "abm-bar-chart.h"
#include "abm-org-card.h"

/* At a scale of 1, in user units. */
#define SWATCH_WIDTH   10.0
#define GROUP_SHARE    0.7      /* of a category's width, for its bars */
#define BAR_GAP        3.0      /* between the bars of a category */
#define MAX_BAR_WIDTH  56.0
#define VALUE_SIZE     11.0
#define VALUE_GAP      3.0      /* between a bar and its value */
#define VALUE_SPACING  4.0      /* at least, between two values side by side */
#define VALUE_ROOM     18.0     /* above the scale, for the highest value */
#define CORNER_RADIUS  3.0
#define MIN_HIT        8.0      /* the height a low bar answers to the pointer */
#define LABEL_INSET    4.0

typedef struct {
  AbmRenderFrame         frame;
  const AbmBarChartData *data;
  guint                  n_series;
  double                 slot, bar_width, bar_gap;
} Layout;

static const char *
category (const AbmBarChartData *data,
          guint                  index)
{
  return data->categories != NULL && data->categories[index] != NULL ? data->categories[index] : "";
}

/* What the frame needs to know, without laying it out. */
static void
init_layout (const AbmBarChartData *data,
             Layout                *l)
{
  *l = (Layout) {
    .frame = {
      .font_family = data->font_family,
      .dark = data->dark,
      .title = data->title,
      .unit = data->unit,
      .currency = data->currency,
      .series = data->series,
      .n_series = MIN (data->n_series, ABM_BAR_CHART_MAX_SERIES),
      .n_values = data->n_categories,
      .empty_text = data->empty_text,
      .swatch_width = SWATCH_WIDTH,
      .top_room = VALUE_ROOM,
    },
    .data = data,
    .n_series = data->n_categories > 0 ? MIN (data->n_series, ABM_BAR_CHART_MAX_SERIES) : 0,
  };
}

static void
compute_layout (const AbmBarChartData *data,
                double                 width,
                double                 height,
                Layout                *l)
{
  double group_width;

  init_layout (data, l);
  abm_render_frame_layout (&l->frame, width, height);
  if (!abm_render_frame_has_plot (&l->frame))
    return;
  l->slot = l->frame.plot_width / data->n_categories;
  l->bar_gap = l->n_series > 1 ? BAR_GAP * l->frame.scale : 0;
  group_width = l->slot * GROUP_SHARE - l->bar_gap * (l->n_series - 1);
  l->bar_width = MAX (0.0, MIN (group_width / l->n_series, MAX_BAR_WIDTH * l->frame.scale));
}

static double
bar_x (const Layout *l,
       guint         series,
       guint         index)
{
  double group_width = l->n_series * l->bar_width + (l->n_series - 1) * l->bar_gap;

  return l->frame.plot_x + index * l->slot + (l->slot - group_width) / 2 + series * (l->bar_width + l->bar_gap);
}

/* The bar of a value, 0 high for 0; FALSE where there is none. */
static gboolean
bar_bounds (const Layout      *l,
            guint              series,
            guint              index,
            cairo_rectangle_t *bounds)
{
  double baseline = l->frame.plot_y + l->frame.plot_height;
  const AbmRenderSeries *values;

  if (l->bar_width < 1 || series >= l->n_series || index >= l->data->n_categories)
    return FALSE;
  values = &l->data->series[series];
  if (!abm_render_series_has_value (values, index))
    return FALSE;

  bounds->x = bar_x (l, series, index);
  bounds->width = l->bar_width;
  bounds->y = abm_render_frame_value_y (&l->frame, abm_render_series_value (values, index));
  bounds->height = baseline - bounds->y;
  return TRUE;
}

gboolean
abm_bar_chart_get_bar (const AbmBarChartData *data,
                       double                 width,
                       double                 height,
                       guint                  series,
                       guint                  index,
                       cairo_rectangle_t     *bounds)
{
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  return bar_bounds (&l, series, index, bounds);
}

gboolean
abm_bar_chart_item_at (const AbmBarChartData *data,
                       double                 width,
                       double                 height,
                       double                 x,
                       double                 y,
                       guint                 *series,
                       guint                 *index)
{
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  for (guint s = 0; s < l.n_series; s++)
    for (guint i = 0; i < data->n_categories; i++)
      {
        cairo_rectangle_t bar;
        double top;

        if (!bar_bounds (&l, s, i, &bar))
          continue;
        /* A low bar is still easy to point at. */
        top = MIN (bar.y, bar.y + bar.height - MIN_HIT * l.frame.scale);
        if (x >= bar.x && x < bar.x + bar.width && y >= top && y <= bar.y + bar.height)
          {
            if (series != NULL)
              *series = s;
            if (index != NULL)
              *index = i;
            return TRUE;
          }
      }
  return FALSE;
}

/* Drawing */

static void
set_series_color (cairo_t               *cr,
                  const AbmBarChartData *data,
                  guint                  series)
{
  double r, g, b;

  abm_render_series_color (data->series[series].color, series, data->dark, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
}

/* A bar standing on the baseline, its top corners rounded. */
static void
bar_path (cairo_t                 *cr,
          const cairo_rectangle_t *bar,
          double                   radius)
{
  double bottom = bar->y + bar->height;

  radius = MIN (radius, MIN (bar->width / 2, bar->height));
  cairo_new_path (cr);
  cairo_move_to (cr, bar->x, bottom);
  cairo_arc (cr, bar->x + radius, bar->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, bar->x + bar->width - radius, bar->y + radius, radius, 3 * G_PI / 2, 2 * G_PI);
  cairo_line_to (cr, bar->x + bar->width, bottom);
  cairo_close_path (cr);
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

  set_series_color (cr, l->data, series);
  abm_org_rounded_rectangle (cr, x - width / 2, y - width / 2, width, width, 2 * scale);
  cairo_fill (cr);
}

/* The text over a bar: the value as the axis writes it, or a dash. */
static char *
value_text (const AbmBarChartData *data,
            guint                  series,
            guint                  index)
{
  const AbmRenderSeries *values = &data->series[series];

  if (!abm_render_series_has_value (values, index))
    return g_strdup ("–");
  return abm_render_text_tick (abm_render_series_value (values, index), data->unit);
}

/* Values go over the bars when every one fits over its bar. */
static gboolean
values_fit (const Layout *l)
{
  double room = l->bar_width + l->bar_gap - VALUE_SPACING * l->frame.scale;

  for (guint s = 0; s < l->n_series; s++)
    for (guint i = 0; i < l->data->n_categories; i++)
      {
        g_autofree char *text = value_text (l->data, s, i);

        if (abm_render_text_width (l->data->font_family, text, VALUE_SIZE * l->frame.scale,
                                   PANGO_WEIGHT_NORMAL) > room)
          return FALSE;
      }
  return TRUE;
}

static void
draw_value (cairo_t      *cr,
            const Layout *l,
            guint         series,
            guint         index)
{
  g_autofree char *text = value_text (l->data, series, index);
  g_autoptr(PangoLayout) layout = abm_render_text_layout (cr, l->data->font_family, text,
                                                          VALUE_SIZE * l->frame.scale, PANGO_WEIGHT_NORMAL, -1);
  double top = l->frame.plot_y + l->frame.plot_height, width, height;
  AbmRenderInk ink = ABM_RENDER_INK_DIM;
  cairo_rectangle_t bar;

  if (bar_bounds (l, series, index, &bar))
    {
      top = bar.y;
      ink = ABM_RENDER_INK_TEXT;
    }
  abm_render_text_get_size (layout, &width, &height);
  abm_render_set_ink (cr, l->data->dark, ink);
  abm_render_text_show (cr, layout, bar_x (l, series, index) + (l->bar_width - width) / 2,
                        top - VALUE_GAP * l->frame.scale - height);
}

static void
draw_bars (cairo_t  *cr,
           gpointer  user_data)
{
  const Layout *l = user_data;
  gboolean values = l->bar_width >= 1 && values_fit (l);

  for (guint i = 0; i < l->data->n_categories; i++)
    {
      for (guint s = 0; s < l->n_series; s++)
        {
          cairo_rectangle_t bar;

          if (bar_bounds (l, s, i, &bar) && bar.height > 0)
            {
              set_series_color (cr, l->data, s);
              bar_path (cr, &bar, CORNER_RADIUS * l->frame.scale);
              cairo_fill (cr);
            }
          if (values)
            draw_value (cr, l, s, i);
        }
      abm_render_frame_show_label (&l->frame, cr, category (l->data, i),
                                   l->frame.plot_x + (i + 0.5) * l->slot,
                                   l->slot - LABEL_INSET * l->frame.scale, ABM_RENDER_INK_TEXT);
    }
}

void
abm_bar_chart_render (const AbmBarChartData *data,
                      cairo_t               *cr,
                      double                 width,
                      double                 height)
{
  Layout l;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  compute_layout (data, width, height, &l);
  abm_render_frame_render (&l.frame, cr, width, height, draw_swatch, draw_bars, &l);
}

/* Description */

/* "42%", or with the series' name, "ABM 42%". */
static char *
item_text (const AbmBarChartData *data,
           guint                  series,
           guint                  index,
           gboolean               named)
{
  g_autofree char *value = abm_render_series_format (&data->series[series], index, data->unit, data->currency);

  if (!named || data->series[series].label == NULL)
    return g_steal_pointer (&value);
  /* Translators: a series of a chart and its value, "ABM 42%" */
  return g_strdup_printf (_("%s %s"), data->series[series].label, value);
}

char *
abm_bar_chart_describe_item (const AbmBarChartData *data,
                             guint                  series,
                             guint                  index)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series < MIN (data->n_series, ABM_BAR_CHART_MAX_SERIES), NULL);
  g_return_val_if_fail (index < data->n_categories, NULL);

  value = item_text (data, series, index, FALSE);
  if (data->series[series].label == NULL)
    /* Translators: a chart's category and its value, "Tier 1: 42%" */
    return g_strdup_printf (_("%s: %s"), category (data, index), value);
  /* Translators: a chart's category, series and value, "Tier 1, ABM: 42%" */
  return g_strdup_printf (_("%s, %s: %s"), category (data, index), data->series[series].label, value);
}

/* The title, then a sentence a category with the value of each series:
 * "Win rate. Tier 1: ABM 42%, Other 18%. …". */
char *
abm_bar_chart_describe (const AbmBarChartData *data)
{
  GString *text = g_string_new (NULL);
  gboolean named;
  Layout l;

  g_return_val_if_fail (data != NULL, NULL);

  init_layout (data, &l);
  if (!abm_render_frame_describe (&l.frame, text))
    return g_string_free (text, FALSE);

  /* A single series that names the chart need not be named again. */
  named = l.n_series > 1 || g_strcmp0 (abm_render_frame_get_title (&l.frame), data->series[0].label) != 0;
  for (guint i = 0; i < data->n_categories; i++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *values = NULL;
      g_autofree char *sentence = NULL;

      for (guint s = 0; s < l.n_series; s++)
        g_ptr_array_add (items, item_text (data, s, i, named));
      g_ptr_array_add (items, NULL);
      /* Translators: the separator between the values of a chart, read aloud */
      values = g_strjoinv (_(", "), (char **) items->pdata);
      sentence = g_strdup_printf (_("%s: %s"), category (data, i), values);
      abm_render_text_append_sentence (text, sentence);
    }
  return g_string_free (text, FALSE);
}
