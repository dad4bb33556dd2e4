/* abm-funnel-chart.c: the steps from target to customer, for the screen and the page
 *
 * A row a step: its name on the left, a bar centred on the funnel's axis
 * whose width is the step's count against the widest step, and on the
 * right the count and the conversion from the step before ("62% of
 * Aware"), so that the numbers read without the shape. A pale band joins
 * each bar to the next: the funnel narrows as the accounts fall away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "abm-funnel-chart.h"
#include "abm-org-card.h"

/* At a scale of 1, in user units. */
#define PADDING        4.0
#define LABEL_SIZE     12.0
#define COUNT_SIZE     13.0
#define DETAIL_SIZE    11.0
#define LABEL_SHARE    0.26     /* of the width, at most, for the names */
#define TEXT_SHARE     0.34     /* and for the numbers */
#define COLUMN_GAP     12.0
#define MAX_ROW        56.0
#define BAR_SHARE      0.68     /* of a row's height */
#define MIN_BAR        2.0      /* the width of the narrowest bar of a count */
#define MIN_BARS       40.0     /* the width left for the bars, else no bars */
#define CORNER_RADIUS  3.0
#define JOIN_ALPHA     0.18

/* How a step's numbers are set: the count above "62% of Aware" where
 * the rows are tall enough, else on one line, "503 · 62% of Aware", and
 * where that is too wide, "503 · 62%". */
typedef enum {
  WORDING_TWO_LINES,
  WORDING_ONE_LINE,
  WORDING_SHORT,
} Wording;

typedef struct {
  gboolean empty;
  guint    n_steps;
  double   scale;
  double   left, top, width, height;
  double   label_width;
  double   bars_x, bars_width, axis;
  double   text_x, text_width;
  double   rows_top, row_height, bar_height;
  double   count_height, detail_height;
  Wording  wording;
  guint64  widest;
} Layout;

static guint
step_count (const AbmFunnelChartData *data)
{
  return MIN (data->n_steps, ABM_FUNNEL_CHART_MAX_STEPS);
}

static gboolean
is_empty (const AbmFunnelChartData *data)
{
  for (guint i = 0; i < step_count (data); i++)
    if (data->steps[i].count > 0)
      return FALSE;
  return TRUE;
}

static const char *
step_label (const AbmFunnelChartData *data,
            guint                     index)
{
  return data->steps[index].label != NULL ? data->steps[index].label : "";
}

/* "62% of Aware" (or "62%" when not @named), or NULL for the first step
 * and after a step of 0. */
static char *
conversion_text (const AbmFunnelChartData *data,
                 guint                     index,
                 gboolean                  named)
{
  g_autofree char *percent = NULL;
  guint64 previous;

  if (index == 0)
    return NULL;
  previous = data->steps[index - 1].count;
  if (previous == 0)
    return NULL;
  percent = abm_render_text_percent ((double) data->steps[index].count / previous);
  if (!named)
    return g_steal_pointer (&percent);
  /* Translators: the conversion from the step before in a funnel, "62% of Aware" */
  return g_strdup_printf (_("%s of %s"), percent, step_label (data, index - 1));
}

/* The numbers of a step on one line: "503 · 62% of Aware", "503 · 62%". */
static char *
one_line_text (const AbmFunnelChartData *data,
               guint                     index,
               gboolean                  named)
{
  g_autofree char *count = abm_render_text_count (data->steps[index].count);
  g_autofree char *conversion = conversion_text (data, index, named);

  if (conversion == NULL)
    return g_steal_pointer (&count);
  /* Translators: a funnel step's count and its conversion, "503 · 62% of Aware" */
  return g_strdup_printf (_("%s · %s"), count, conversion);
}

/* The widest of the numbers, worded so. */
static double
numbers_width (const AbmFunnelChartData *data,
               const Layout             *l,
               Wording                   wording)
{
  double widest = 0;

  for (guint i = 0; i < l->n_steps; i++)
    {
      g_autofree char *count = abm_render_text_count (data->steps[i].count);
      g_autofree char *conversion = conversion_text (data, i, TRUE);
      g_autofree char *line = one_line_text (data, i, wording != WORDING_SHORT);

      if (wording == WORDING_TWO_LINES)
        {
          widest = MAX (widest, abm_render_text_width (data->font_family, count, COUNT_SIZE * l->scale,
                                                       PANGO_WEIGHT_BOLD));
          if (conversion != NULL)
            widest = MAX (widest, abm_render_text_width (data->font_family, conversion, DETAIL_SIZE * l->scale,
                                                         PANGO_WEIGHT_NORMAL));
        }
      else
        widest = MAX (widest, abm_render_text_width (data->font_family, line, DETAIL_SIZE * l->scale,
                                                     PANGO_WEIGHT_NORMAL));
    }
  return widest;
}

static void
compute_layout (const AbmFunnelChartData *data,
                double                    width,
                double                    height,
                Layout                   *l)
{
  double s, labels = 0, gap;

  *l = (Layout) { 0 };
  l->n_steps = step_count (data);
  l->empty = is_empty (data);
  for (guint i = 0; i < l->n_steps; i++)
    l->widest = MAX (l->widest, data->steps[i].count);
  s = l->scale = abm_render_text_scale (width, height);
  l->left = l->top = PADDING * s;
  l->width = MAX (0.0, width - 2 * PADDING * s);
  l->height = MAX (0.0, height - 2 * PADDING * s);
  if (l->empty)
    return;

  /* Rows as tall as there is room for, up to a comfortable height, the
   * block of them in the middle. */
  l->row_height = MIN (l->height / l->n_steps, MAX_ROW * s);
  l->rows_top = l->top + (l->height - l->row_height * l->n_steps) / 2;
  l->count_height = abm_render_text_line_height (data->font_family, COUNT_SIZE * s, PANGO_WEIGHT_BOLD);
  l->detail_height = abm_render_text_line_height (data->font_family, DETAIL_SIZE * s, PANGO_WEIGHT_NORMAL);
  /* Rows too low for their text are left out rather than cut. */
  if (l->row_height < l->detail_height)
    {
      l->row_height = 0;
      return;
    }
  l->bar_height = l->row_height * BAR_SHARE;
  if (l->count_height + l->detail_height <= l->row_height)
    l->wording = WORDING_TWO_LINES;
  else if (numbers_width (data, l, WORDING_ONE_LINE) <= l->width * TEXT_SHARE)
    l->wording = WORDING_ONE_LINE;
  else
    l->wording = WORDING_SHORT;

  for (guint i = 0; i < l->n_steps; i++)
    labels = MAX (labels, abm_render_text_width (data->font_family, step_label (data, i), LABEL_SIZE * s,
                                                 PANGO_WEIGHT_NORMAL));
  gap = COLUMN_GAP * s;
  l->label_width = MIN (labels, l->width * LABEL_SHARE);
  l->text_width = MIN (numbers_width (data, l, l->wording), l->width * TEXT_SHARE);
  l->bars_x = l->left + l->label_width + gap;
  l->bars_width = MAX (0.0, l->width - l->label_width - l->text_width - 2 * gap);
  if (l->bars_width < MIN_BARS * s)
    l->bars_width = 0;
  l->axis = l->bars_x + l->bars_width / 2;
  l->text_x = l->bars_x + l->bars_width + gap;
}

static double
row_center (const Layout *l,
            guint         index)
{
  return l->rows_top + (index + 0.5) * l->row_height;
}

static double
bar_width (const AbmFunnelChartData *data,
           const Layout             *l,
           guint                     index)
{
  guint64 count = data->steps[index].count;

  if (count == 0 || l->widest == 0)
    return 0;
  return MAX ((double) count / l->widest * l->bars_width, MIN_BAR * l->scale);
}

static gboolean
step_bounds (const AbmFunnelChartData *data,
             const Layout             *l,
             guint                     index,
             cairo_rectangle_t        *bounds)
{
  double bar;

  if (l->empty || index >= l->n_steps || l->bars_width <= 0 || l->bar_height < 1)
    return FALSE;
  bar = bar_width (data, l, index);
  if (bar <= 0)
    return FALSE;
  bounds->x = l->axis - bar / 2;
  bounds->width = bar;
  bounds->y = row_center (l, index) - l->bar_height / 2;
  bounds->height = l->bar_height;
  return TRUE;
}

gboolean
abm_funnel_chart_get_step (const AbmFunnelChartData *data,
                           double                    width,
                           double                    height,
                           guint                     index,
                           cairo_rectangle_t        *bounds)
{
  Layout l;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  return step_bounds (data, &l, index, bounds);
}

gboolean
abm_funnel_chart_item_at (const AbmFunnelChartData *data,
                          double                    width,
                          double                    height,
                          double                    x,
                          double                    y,
                          guint                    *series,
                          guint                    *index)
{
  Layout l;
  guint row;

  g_return_val_if_fail (data != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  if (l.empty || l.row_height <= 0 || y < l.rows_top || x < l.left || x > l.text_x + l.text_width)
    return FALSE;
  row = (guint) floor ((y - l.rows_top) / l.row_height);
  if (row >= l.n_steps)
    return FALSE;
  if (series != NULL)
    *series = 0;
  if (index != NULL)
    *index = row;
  return TRUE;
}

/* Drawing */

/* The pale band from the bottom of one bar to the top of the next. */
static void
draw_join (cairo_t                 *cr,
           const cairo_rectangle_t *upper,
           const cairo_rectangle_t *lower,
           double                   r,
           double                   g,
           double                   b)
{
  double top = upper->y + upper->height, bottom = lower->y;

  if (bottom - top < 1)
    return;
  cairo_set_source_rgba (cr, r, g, b, JOIN_ALPHA);
  cairo_move_to (cr, upper->x, top);
  cairo_line_to (cr, upper->x + upper->width, top);
  cairo_line_to (cr, lower->x + lower->width, bottom);
  cairo_line_to (cr, lower->x, bottom);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
show_line (cairo_t                  *cr,
           const AbmFunnelChartData *data,
           const Layout             *l,
           const char               *text,
           double                    size,
           PangoWeight               weight,
           AbmRenderInk              ink,
           double                    y)
{
  g_autoptr(PangoLayout) layout = abm_render_text_layout (cr, data->font_family, text, size, weight, l->text_width);

  abm_render_set_ink (cr, data->dark, ink);
  abm_render_text_show (cr, layout, l->text_x, y);
}

static void
draw_numbers (cairo_t                  *cr,
              const AbmFunnelChartData *data,
              const Layout             *l,
              guint                     index)
{
  double center = row_center (l, index);
  g_autofree char *conversion = conversion_text (data, index, TRUE);

  if (l->text_width < 1)
    return;
  if (l->wording == WORDING_TWO_LINES)
    {
      g_autofree char *count = abm_render_text_count (data->steps[index].count);
      double block = l->count_height + (conversion != NULL ? l->detail_height : 0);
      double y = center - block / 2;

      show_line (cr, data, l, count, COUNT_SIZE * l->scale, PANGO_WEIGHT_BOLD, ABM_RENDER_INK_TEXT, y);
      if (conversion != NULL)
        show_line (cr, data, l, conversion, DETAIL_SIZE * l->scale, PANGO_WEIGHT_NORMAL, ABM_RENDER_INK_DIM,
                   y + l->count_height);
    }
  else
    {
      g_autofree char *line = one_line_text (data, index, l->wording == WORDING_ONE_LINE);

      show_line (cr, data, l, line, DETAIL_SIZE * l->scale, PANGO_WEIGHT_NORMAL, ABM_RENDER_INK_TEXT,
                 center - l->detail_height / 2);
    }
}

static void
draw_label (cairo_t                  *cr,
            const AbmFunnelChartData *data,
            const Layout             *l,
            guint                     index)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (l->label_width < 1)
    return;
  layout = abm_render_text_layout (cr, data->font_family, step_label (data, index), LABEL_SIZE * l->scale,
                                   PANGO_WEIGHT_NORMAL, l->label_width);
  abm_render_text_get_size (layout, NULL, &height);
  abm_render_set_ink (cr, data->dark, ABM_RENDER_INK_TEXT);
  abm_render_text_show (cr, layout, l->left, row_center (l, index) - height / 2);
}

void
abm_funnel_chart_render (const AbmFunnelChartData *data,
                         cairo_t                  *cr,
                         double                    width,
                         double                    height)
{
  Layout l;
  double r, g, b;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  compute_layout (data, width, height, &l);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (l.empty)
    {
      cairo_rectangle_t area = { l.left, l.top, l.width, l.height };

      abm_render_text_show_message (cr, data->font_family, data->dark,
                                    data->empty_text ? data->empty_text : _("No data"), l.scale, &area);
      cairo_restore (cr);
      return;
    }

  if (l.row_height > 0)
    {
      abm_render_series_color (data->color, 0, data->dark, &r, &g, &b);
      for (guint i = 0; i < l.n_steps; i++)
        {
          cairo_rectangle_t bar, next;

          if (step_bounds (data, &l, i, &bar))
            {
              if (i + 1 < l.n_steps && step_bounds (data, &l, i + 1, &next))
                draw_join (cr, &bar, &next, r, g, b);
              cairo_set_source_rgb (cr, r, g, b);
              abm_org_rounded_rectangle (cr, bar.x, bar.y, bar.width, bar.height, CORNER_RADIUS * l.scale);
              cairo_fill (cr);
            }
          draw_label (cr, data, &l, i);
          draw_numbers (cr, data, &l, i);
        }
    }
  cairo_restore (cr);
}

/* Description */

char *
abm_funnel_chart_describe_item (const AbmFunnelChartData *data,
                                guint                     series,
                                guint                     index)
{
  g_autofree char *count = NULL;
  g_autofree char *conversion = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (series == 0, NULL);
  g_return_val_if_fail (index < step_count (data), NULL);

  count = abm_render_text_count (data->steps[index].count);
  conversion = conversion_text (data, index, TRUE);
  if (conversion == NULL)
    /* Translators: a funnel step and its count, "Targets: 1 264" */
    return g_strdup_printf (_("%s: %s"), step_label (data, index), count);
  /* Translators: a funnel step, its count and its conversion, "Engaged: 503, 62% of Aware" */
  return g_strdup_printf (_("%s: %s, %s"), step_label (data, index), count, conversion);
}

/* "Funnel of 5 steps. Targets: 1 264. Aware: 812, 64% of Targets. …" */
char *
abm_funnel_chart_describe (const AbmFunnelChartData *data)
{
  GString *text = g_string_new (NULL);
  g_autofree char *intro = NULL;
  guint n;

  g_return_val_if_fail (data != NULL, NULL);

  n = step_count (data);
  if (is_empty (data))
    {
      abm_render_text_append_sentence (text, data->empty_text ? data->empty_text : _("No data"));
      return g_string_free (text, FALSE);
    }

  /* Translators: the start of a funnel chart's description */
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Funnel of %u step", "Funnel of %u steps", n), n);
  abm_render_text_append_sentence (text, intro);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *step = abm_funnel_chart_describe_item (data, 0, i);

      abm_render_text_append_sentence (text, step);
    }
  return g_string_free (text, FALSE);
}
