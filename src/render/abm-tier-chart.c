/* abm-tier-chart.c: the tier pyramid, for the screen and the page
 *
 * Three stacked bands, Tier 1 (strategic, 1:1) at the narrow top and
 * Tier 3 (programmatic, 1:many) at the wide base: the shape of an ABM
 * program, whatever the counts, so that a lopsided program still reads as
 * a pyramid and the numbers say how lopsided it is. Beside each band, its
 * name, count, ACV potential and average fit; the count also sits inside
 * the band when it fits. Below, the accounts without a tier.
 *
 * The geometry is plain arithmetic on the size, so the widget can ask
 * where a band is without drawing; the text is laid out with Pango as it
 * is drawn, and is ellipsized or left out, never clipped, where the space
 * is short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "abm-render-text.h"
#include "abm-tier-chart.h"

/* Sizes at a scale of 1, in user units (pixels on screen, points on a
 * page); the scale follows the size of the chart, gently. */
#define REFERENCE_WIDTH   280.0
#define REFERENCE_HEIGHT  220.0
#define MIN_SCALE         0.85
#define MAX_SCALE         2.2
#define PADDING           4.0
#define TITLE_SIZE        13.0
#define DETAIL_SIZE       12.0
#define NUMERAL_SIZE      20.0
#define LINE_FACTOR       1.4     /* a line's height per font size, with room */
#define LINE_SPACING      1.25    /* the advance from one line to the next */
#define COLUMN_GAP        14.0
#define BAND_GAP          4.0
#define CORNER_RADIUS     3.0
#define TEXT_MAX_WIDTH    210.0
#define FOOTER_GAP        8.0
#define EMPTY_GAP         12.0
#define EMPTY_MAX_HEIGHT  96.0

/* The pyramid takes at most this share of the width, is at most this much
 * wider than tall, and its flat top is this share of its base. */
#define PYRAMID_SHARE     0.44
#define PYRAMID_ASPECT    1.3
#define APEX_SHARE        0.2

#define TEXT_ALPHA_LIGHT  0.8
#define DIM_ALPHA_LIGHT   0.6
#define DIM_ALPHA_DARK    0.7
#define EMPTY_TIER_ALPHA  0.35
#define GHOST_ALPHA       0.08

typedef struct {
  double r, g, b;
} Rgb;

/* GNOME palette: Purple 4, Blue 4 and a teal of the same depth hold white
 * text at 4.5:1 on a light background; on a dark one the lighter Purple 3,
 * Blue 3 and teal stand out from the background and still carry the bold
 * numerals. */
static const Rgb palette_light[ABM_TIER_CHART_N_TIERS] = {
  { 0x81 / 255.0, 0x3d / 255.0, 0x9c / 255.0 },
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0 },
  { 0x1b / 255.0, 0x7f / 255.0, 0x8c / 255.0 },
};
static const Rgb palette_dark[ABM_TIER_CHART_N_TIERS] = {
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0 },
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
  { 0x21 / 255.0, 0x90 / 255.0, 0xa4 / 255.0 },
};

static const char * const tier_titles[ABM_TIER_CHART_N_TIERS] = {
  N_("Tier 1 · 1:1"),
  N_("Tier 2 · 1:few"),
  N_("Tier 3 · 1:many"),
};

static const char * const tier_names[ABM_TIER_CHART_N_TIERS] = {
  N_("Tier 1, strategic 1:1"),
  N_("Tier 2, ABM lite 1:few"),
  N_("Tier 3, programmatic 1:many"),
};

typedef struct {
  gboolean empty;
  double   scale;
  double   left, top, width, height;      /* inside the padding */
  /* The pyramid: its axis, top, height and widths at the top and base. */
  double   axis, pyramid_top, pyramid_height;
  double   top_width, base_width;
  double   band_top[ABM_TIER_CHART_N_TIERS];
  double   band_bottom[ABM_TIER_CHART_N_TIERS];
  double   band_gap;
  double   text_x, text_width;
  double   footer_y;
} Layout;

static gboolean
is_empty (const AbmTierChartData *data)
{
  for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
    if (data->tiers[i].count > 0)
      return FALSE;
  return TRUE;
}

static double
scale_for (double width,
           double height)
{
  double u = MIN (width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT);

  if (u < 1)
    return MAX (u, MIN_SCALE);
  /* Text grows slower than the chart: a page section is not a poster. */
  return MIN (1 + (u - 1) * 0.6, MAX_SCALE);
}

static void
place_bands (Layout *l)
{
  double band_height;

  l->band_gap = MAX (2.0, BAND_GAP * l->scale);
  band_height = MAX (0.0, (l->pyramid_height - 2 * l->band_gap) / 3);
  for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
    {
      l->band_top[i] = l->pyramid_top + i * (band_height + l->band_gap);
      l->band_bottom[i] = l->band_top[i] + band_height;
    }
}

static void
compute_layout (const AbmTierChartData *data,
                double                  width,
                double                  height,
                Layout                 *l)
{
  double padding, footer_height, pyramid_width, group_width;

  *l = (Layout) { 0 };
  l->empty = is_empty (data);
  l->scale = scale_for (width, height);
  padding = PADDING * l->scale;
  l->left = padding;
  l->top = padding;
  l->width = MAX (0.0, width - 2 * padding);
  l->height = MAX (0.0, height - 2 * padding);

  if (l->empty)
    {
      /* A ghost pyramid above the message, the two centred together. */
      double text_height = (TITLE_SIZE + (data->untiered > 0 ? DETAIL_SIZE : 0)) * LINE_FACTOR * l->scale;
      double gap = EMPTY_GAP * l->scale;

      l->pyramid_height = MIN (l->height - text_height - gap, EMPTY_MAX_HEIGHT * l->scale);
      l->pyramid_height = MIN (l->pyramid_height, l->height * 0.5);
      if (l->pyramid_height < 24 * l->scale)
        l->pyramid_height = gap = 0;
      l->base_width = l->pyramid_height * 1.1;
      l->top_width = l->base_width * APEX_SHARE;
      l->axis = l->left + l->width / 2;
      l->pyramid_top = l->top + (l->height - l->pyramid_height - gap - text_height) / 2;
      l->text_x = l->left;
      l->text_width = l->width;
      l->footer_y = l->pyramid_top + l->pyramid_height + gap;
      place_bands (l);
      return;
    }

  footer_height = (DETAIL_SIZE * LINE_FACTOR + FOOTER_GAP) * l->scale;
  if (footer_height > l->height / 4)
    footer_height = 0;
  l->pyramid_top = l->top;
  l->pyramid_height = l->height - footer_height;
  pyramid_width = MIN (l->width * PYRAMID_SHARE, l->pyramid_height * PYRAMID_ASPECT);
  l->base_width = pyramid_width;
  l->top_width = pyramid_width * APEX_SHARE;
  l->text_width = MIN (l->width - pyramid_width - COLUMN_GAP * l->scale, TEXT_MAX_WIDTH * l->scale);
  l->text_width = MAX (0.0, l->text_width);
  /* On a wide area the pyramid and its text stand together in the middle. */
  group_width = pyramid_width + COLUMN_GAP * l->scale + l->text_width;
  l->axis = l->left + MAX (0.0, (l->width - group_width) / 2) + pyramid_width / 2;
  l->text_x = l->axis + pyramid_width / 2 + COLUMN_GAP * l->scale;
  l->footer_y = footer_height > 0 ? l->pyramid_top + l->pyramid_height + FOOTER_GAP * l->scale : -1;
  place_bands (l);
}

/* The pyramid's width at @y. */
static double
width_at (const Layout *l,
          double        y)
{
  double t = l->pyramid_height > 0 ? (y - l->pyramid_top) / l->pyramid_height : 0;

  return l->top_width + (l->base_width - l->top_width) * CLAMP (t, 0.0, 1.0);
}

/* Text */

static PangoLayout *
make_layout (cairo_t                *cr,
             const AbmTierChartData *data,
             const char             *text,
             double                  size,
             PangoWeight             weight,
             double                  width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, data->font_family ? data->font_family : "Sans");
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width >= 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
text_width (cairo_t                *cr,
            const AbmTierChartData *data,
            const char             *text,
            double                  size)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, data, text, size, PANGO_WEIGHT_NORMAL, -1);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

static void
set_text_color (cairo_t                *cr,
                const AbmTierChartData *data,
                gboolean                dim)
{
  double v = data->dark ? 1.0 : 0.0;
  double alpha;

  if (dim)
    alpha = data->dark ? DIM_ALPHA_DARK : DIM_ALPHA_LIGHT;
  else
    alpha = data->dark ? 1.0 : TEXT_ALPHA_LIGHT;
  cairo_set_source_rgba (cr, v, v, v, alpha);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* How the facts of a tier are worded: in full for a description, and
 * for the chart as long as there is room, else shorter. */
typedef enum {
  WORDING_SPOKEN,
  WORDING_LONG,
  WORDING_SHORT,
} Wording;

/* The facts of a tier: "12 accounts", "2.4M EUR ACV", "avg. fit 78". */
static GPtrArray *
tier_items (const AbmTierChartData *data,
            guint                   index,
            Wording                 wording)
{
  const AbmTierChartTier *tier = &data->tiers[index];
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = abm_render_text_count (tier->count);
  g_autofree char *acv = NULL;

  /* Translators: the number of accounts in a tier, "12 accounts" */
  g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts",
                                                        tier->count), count));
  if (tier->count == 0)
    return items;

  acv = abm_render_text_compact_amount (tier->acv_total, data->currency);

  if (acv != NULL)
    {
      if (wording == WORDING_SPOKEN)
        /* Translators: the total ACV potential of a tier, "2.4M EUR ACV potential" */
        g_ptr_array_add (items, g_strdup_printf (_("%s ACV potential"), acv));
      else if (wording == WORDING_LONG)
        /* Translators: the total ACV potential of a tier, short, "2.4M EUR ACV" */
        g_ptr_array_add (items, g_strdup_printf (_("%s ACV"), acv));
      else
        g_ptr_array_add (items, g_steal_pointer (&acv));
    }

  if (tier->fit_average >= 0 && isfinite (tier->fit_average))
    {
      double fit = MIN (tier->fit_average, 100.0);

      if (wording == WORDING_SPOKEN)
        /* Translators: the average fit score (0–100) of a tier's accounts */
        g_ptr_array_add (items, g_strdup_printf (_("average fit %.0f"), fit));
      else if (wording == WORDING_LONG)
        /* Translators: the average fit score (0–100) of a tier's accounts, short */
        g_ptr_array_add (items, g_strdup_printf (_("avg. fit %.0f"), fit));
      else
        /* Translators: the average fit score (0–100) of a tier's accounts, shortest */
        g_ptr_array_add (items, g_strdup_printf (_("fit %.0f"), fit));
    }
  else
    g_ptr_array_add (items, g_strdup (_("not scored")));

  return items;
}

/* @items on @n_lines lines: one item a line, and the rest on the last. */
static GPtrArray *
split_lines (GPtrArray *items,
             guint      n_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len && n_lines > 0; i++)
    {
      if (lines->len < n_lines)
        g_ptr_array_add (lines, g_strdup (g_ptr_array_index (items, i)));
      else
        {
          char **last = (char **) &g_ptr_array_index (lines, lines->len - 1);
          /* Translators: the separator between facts on one line of a chart */
          char *joined = g_strconcat (*last, _(" · "), g_ptr_array_index (items, i), NULL);

          g_free (*last);
          *last = joined;
        }
    }
  return lines;
}

/* Drawing */

/* A polygon with its corners rounded by @radius (less where an edge is
 * short): each corner becomes a curve between points on its two edges. */
static void
rounded_polygon (cairo_t      *cr,
                 const double *xs,
                 const double *ys,
                 guint         n,
                 double        radius)
{
  for (guint i = 0; i < n; i++)
    {
      guint prev = (i + n - 1) % n;
      guint next = (i + 1) % n;
      double ax = xs[prev] - xs[i], ay = ys[prev] - ys[i];
      double bx = xs[next] - xs[i], by = ys[next] - ys[i];
      double la = hypot (ax, ay), lb = hypot (bx, by);
      double r = MIN (radius, MIN (la, lb) / 2);
      double x1 = la > 0 ? xs[i] + ax / la * r : xs[i];
      double y1 = la > 0 ? ys[i] + ay / la * r : ys[i];
      double x2 = lb > 0 ? xs[i] + bx / lb * r : xs[i];
      double y2 = lb > 0 ? ys[i] + by / lb * r : ys[i];

      if (i == 0)
        cairo_move_to (cr, x1, y1);
      else
        cairo_line_to (cr, x1, y1);
      /* A quadratic curve through the corner, written as a cubic one. */
      cairo_curve_to (cr,
                      x1 + (xs[i] - x1) * 2 / 3, y1 + (ys[i] - y1) * 2 / 3,
                      x2 + (xs[i] - x2) * 2 / 3, y2 + (ys[i] - y2) * 2 / 3,
                      x2, y2);
    }
  cairo_close_path (cr);
}

static void
band_path (cairo_t      *cr,
           const Layout *l,
           guint         index)
{
  double top = l->band_top[index];
  double bottom = l->band_bottom[index];
  double top_half = width_at (l, top) / 2;
  double bottom_half = width_at (l, bottom) / 2;
  double xs[4] = { l->axis - top_half, l->axis + top_half, l->axis + bottom_half, l->axis - bottom_half };
  double ys[4] = { top, top, bottom, bottom };

  rounded_polygon (cr, xs, ys, 4, CORNER_RADIUS * l->scale);
}

/* The count of a band as its numeral inside it, at @size, or NULL when
 * it does not fit there; @x and @y are where to show it. */
static PangoLayout *
make_numeral (cairo_t                *cr,
              const AbmTierChartData *data,
              const Layout           *l,
              guint                   index,
              double                  size,
              double                 *x,
              double                 *y)
{
  g_autofree char *count = abm_render_text_count (data->tiers[index].count);
  g_autoptr(PangoLayout) layout = make_layout (cr, data, count, size, PANGO_WEIGHT_BOLD, -1);
  double band_height = l->band_bottom[index] - l->band_top[index];
  double center = (l->band_top[index] + l->band_bottom[index]) / 2;
  PangoRectangle ink;
  double ink_width, ink_height, room;

  pango_layout_get_extents (layout, &ink, NULL);
  ink_width = (double) ink.width / PANGO_SCALE;
  ink_height = (double) ink.height / PANGO_SCALE;
  /* The band is narrowest at the top of the digits. */
  room = width_at (l, center - ink_height / 2) - 2 * (CORNER_RADIUS + 2) * l->scale;
  if (ink_width > room || ink_height > band_height - 4 * l->scale)
    return NULL;

  /* Centred by the ink of the digits, not the line they sit on. */
  *x = l->axis - (double) ink.x / PANGO_SCALE - ink_width / 2;
  *y = center - (double) ink.y / PANGO_SCALE - ink_height / 2;
  return g_steal_pointer (&layout);
}

/* One size for the numerals, the largest at which each that fits at all
 * fits; a numeral too wide for its band even at the smallest is left out
 * (the text beside the band has the count). */
static double
numeral_size (cairo_t                *cr,
              const AbmTierChartData *data,
              const Layout           *l)
{
  double min_size = DETAIL_SIZE * l->scale * 0.9;
  double common = 0;

  for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
    {
      double band_height = l->band_bottom[i] - l->band_top[i];

      if (data->tiers[i].count == 0)
        continue;
      for (double size = MIN (NUMERAL_SIZE * l->scale, band_height * 0.5); size >= min_size; size *= 0.9)
        {
          double x, y;
          g_autoptr(PangoLayout) layout = make_numeral (cr, data, l, i, size, &x, &y);

          if (layout != NULL)
            {
              common = common > 0 ? MIN (common, size) : size;
              break;
            }
        }
    }
  return common;
}

static void
draw_numeral (cairo_t                *cr,
              const AbmTierChartData *data,
              const Layout           *l,
              guint                   index,
              double                  size)
{
  double x, y;
  g_autoptr(PangoLayout) layout = NULL;

  if (size <= 0 || data->tiers[index].count == 0)
    return;
  layout = make_numeral (cr, data, l, index, size, &x, &y);
  if (layout == NULL)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  show_layout (cr, layout, x, y);
}

/* How the text beside the bands is set: the same for every band, so that
 * the three blocks line up. */
typedef struct {
  double   title_size, detail_size;
  double   title_height, detail_height;
  Wording  wording;
  guint    n_lines;              /* of facts under each title */
  gboolean shown;
} TextPlan;

static double
line_height (cairo_t                *cr,
             const AbmTierChartData *data,
             double                  size,
             PangoWeight             weight)
{
  g_autoptr(PangoLayout) probe = make_layout (cr, data, "0", size, weight, -1);
  double height;

  /* Some fonts (Cantarell) leave more room between lines than a block of
   * a few short lines needs. */
  layout_size (probe, NULL, &height);
  return MIN (height, ceil (size * LINE_SPACING));
}

static gboolean
facts_fit (cairo_t                *cr,
           const AbmTierChartData *data,
           const TextPlan         *plan,
           Wording                 wording,
           guint                   n_lines,
           double                  width)
{
  for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
    {
      g_autoptr(GPtrArray) items = tier_items (data, i, wording);
      g_autoptr(GPtrArray) lines = split_lines (items, n_lines);

      for (guint j = 0; j < lines->len; j++)
        if (text_width (cr, data, g_ptr_array_index (lines, j), plan->detail_size) > width)
          return FALSE;
    }
  return TRUE;
}

/* The count on the first line and the rest on the second, else a line
 * each; in full where the widest tier allows it, else shorter; and where
 * nothing fits, the short facts on the lines there are, ellipsized. */
static void
plan_text (cairo_t                *cr,
           const AbmTierChartData *data,
           const Layout           *l,
           TextPlan               *plan)
{
  static const struct {
    Wording wording;
    guint   n_lines;
  } choices[] = {
    { WORDING_LONG, 2 }, { WORDING_LONG, 3 }, { WORDING_SHORT, 2 }, { WORDING_SHORT, 3 },
  };
  double room = l->band_bottom[0] - l->band_top[0];
  guint max_lines;

  *plan = (TextPlan) { 0 };
  plan->title_size = TITLE_SIZE * l->scale;
  plan->detail_size = DETAIL_SIZE * l->scale;
  if (l->text_width < plan->detail_size * 2)
    return;
  plan->title_height = line_height (cr, data, plan->title_size, PANGO_WEIGHT_BOLD);
  plan->detail_height = line_height (cr, data, plan->detail_size, PANGO_WEIGHT_NORMAL);
  plan->shown = plan->title_height <= room;
  if (!plan->shown)
    return;

  max_lines = (guint) floor ((room - plan->title_height) / plan->detail_height);
  plan->wording = WORDING_SHORT;
  plan->n_lines = MIN (max_lines, 3);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i].n_lines <= max_lines
        && facts_fit (cr, data, plan, choices[i].wording, choices[i].n_lines, l->text_width))
      {
        plan->wording = choices[i].wording;
        plan->n_lines = choices[i].n_lines;
        return;
      }
}

/* The name and facts of a band beside it, centred on it. */
static void
draw_band_text (cairo_t                *cr,
                const AbmTierChartData *data,
                const Layout           *l,
                const TextPlan         *plan,
                guint                   index)
{
  double center = (l->band_top[index] + l->band_bottom[index]) / 2;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  double y;

  if (!plan->shown)
    return;

  title = make_layout (cr, data, _(tier_titles[index]), plan->title_size, PANGO_WEIGHT_BOLD, l->text_width);
  items = tier_items (data, index, plan->wording);
  lines = split_lines (items, plan->n_lines);
  y = center - (plan->title_height + lines->len * plan->detail_height) / 2;

  set_text_color (cr, data, FALSE);
  show_layout (cr, title, l->text_x, y);
  y += plan->title_height;

  set_text_color (cr, data, TRUE);
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(PangoLayout) line = make_layout (cr, data, g_ptr_array_index (lines, i),
                                                 plan->detail_size, PANGO_WEIGHT_NORMAL, l->text_width);

      show_layout (cr, line, l->text_x, y);
      y += plan->detail_height;
    }
}

static char *
untiered_text (const AbmTierChartData *data)
{
  g_autofree char *count = NULL;

  if (data->untiered == 0)
    return g_strdup (_("All accounts are tiered"));
  count = abm_render_text_count (data->untiered);
  /* Translators: accounts that have no tier, "148 untiered accounts" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s untiered account", "%s untiered accounts",
                                       data->untiered),
                          count);
}

static void
draw_footer (cairo_t                *cr,
             const AbmTierChartData *data,
             const Layout           *l)
{
  g_autofree char *text = untiered_text (data);
  g_autoptr(PangoLayout) layout = make_layout (cr, data, text, DETAIL_SIZE * l->scale,
                                               PANGO_WEIGHT_NORMAL, l->width);
  double width, height;

  layout_size (layout, &width, &height);
  if (l->footer_y + height > l->top + l->height)
    return;
  set_text_color (cr, data, TRUE);
  /* Centred under the pyramid, moved in where it would leave the chart. */
  show_layout (cr, layout, MAX (l->left, MIN (l->axis - width / 2, l->left + l->width - width)), l->footer_y);
}

static void
draw_empty (cairo_t                *cr,
            const AbmTierChartData *data,
            const Layout           *l)
{
  g_autoptr(PangoLayout) title = make_layout (cr, data, _("No tiered accounts yet"),
                                              TITLE_SIZE * l->scale, PANGO_WEIGHT_BOLD, l->width);
  double v = data->dark ? 1.0 : 0.0;
  double height, y = l->footer_y;

  if (l->pyramid_height > 0)
    {
      cairo_set_source_rgba (cr, v, v, v, GHOST_ALPHA);
      for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
        {
          band_path (cr, l, i);
          cairo_fill (cr);
        }
    }

  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  layout_size (title, NULL, &height);
  if (y + height > l->top + l->height)
    return;
  set_text_color (cr, data, TRUE);
  show_layout (cr, title, l->left, y);
  y += height;

  if (data->untiered > 0)
    {
      g_autofree char *text = untiered_text (data);
      g_autoptr(PangoLayout) sub = make_layout (cr, data, text, DETAIL_SIZE * l->scale,
                                                PANGO_WEIGHT_NORMAL, l->width);

      pango_layout_set_alignment (sub, PANGO_ALIGN_CENTER);
      layout_size (sub, NULL, &height);
      if (y + height <= l->top + l->height)
        show_layout (cr, sub, l->left, y);
    }
}

void
abm_tier_chart_render (const AbmTierChartData *data,
                       cairo_t                *cr,
                       double                  width,
                       double                  height)
{
  Layout l;
  TextPlan plan;
  double numerals;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  compute_layout (data, width, height, &l);
  cairo_save (cr);

  if (l.empty)
    {
      draw_empty (cr, data, &l);
      cairo_restore (cr);
      return;
    }

  plan_text (cr, data, &l, &plan);
  numerals = numeral_size (cr, data, &l);
  for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
    {
      const Rgb *c = &(data->dark ? palette_dark : palette_light)[i];
      gboolean none = data->tiers[i].count == 0;

      if (l.band_bottom[i] - l.band_top[i] < 1)
        continue;
      cairo_set_source_rgba (cr, c->r, c->g, c->b, none ? EMPTY_TIER_ALPHA : 1.0);
      band_path (cr, &l, i);
      cairo_fill (cr);
      draw_numeral (cr, data, &l, i, numerals);
      draw_band_text (cr, data, &l, &plan, i);
    }

  if (l.footer_y >= 0)
    draw_footer (cr, data, &l);

  cairo_restore (cr);
}

/* Description */

char *
abm_tier_chart_describe_tier (const AbmTierChartData *data,
                              guint                   tier)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *facts = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (tier <= ABM_TIER_CHART_N_TIERS, NULL);

  if (tier == 0)
    return untiered_text (data);

  items = tier_items (data, tier - 1, WORDING_SPOKEN);
  g_ptr_array_add (items, NULL);
  /* Translators: the separator between the facts of a tier, read aloud */
  facts = g_strjoinv (_(", "), (char **) items->pdata);
  /* Translators: a tier and its facts, "Tier 1, strategic 1:1: 12 accounts, …" */
  return g_strdup_printf (_("%s: %s"), _(tier_names[tier - 1]), facts);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  /* Translators: a sentence of a chart's description, read aloud */
  g_string_append_printf (text, _("%s."), sentence);
}

/* What the chart shows, in sentences, for assistive technology. */
char *
abm_tier_chart_describe (const AbmTierChartData *data)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);

  if (is_empty (data))
    append_sentence (text, _("No tiered accounts yet"));
  else
    for (guint i = 1; i <= ABM_TIER_CHART_N_TIERS; i++)
      {
        g_autofree char *tier = abm_tier_chart_describe_tier (data, i);
        append_sentence (text, tier);
      }

  if (data->untiered > 0 || !is_empty (data))
    {
      g_autofree char *untiered = untiered_text (data);
      append_sentence (text, untiered);
    }
  return g_string_free (text, FALSE);
}

/* Geometry */

/* The bounding box of the band of @tier (1 to 3) in a chart of @width ×
 * @height, or FALSE when the chart shows no bands (all tiers empty). */
gboolean
abm_tier_chart_get_band (const AbmTierChartData *data,
                         double                  width,
                         double                  height,
                         guint                   tier,
                         cairo_rectangle_t      *bounds)
{
  Layout l;
  double base;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (tier >= 1 && tier <= ABM_TIER_CHART_N_TIERS, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (width <= 0 || height <= 0)
    return FALSE;
  compute_layout (data, width, height, &l);
  if (l.empty || l.band_bottom[tier - 1] - l.band_top[tier - 1] < 1)
    return FALSE;

  base = width_at (&l, l.band_bottom[tier - 1]);
  bounds->x = l.axis - base / 2;
  bounds->y = l.band_top[tier - 1];
  bounds->width = base;
  bounds->height = l.band_bottom[tier - 1] - l.band_top[tier - 1];
  return TRUE;
}

/* The tier whose band or text is at (@x, @y), 0 for none: what a tooltip
 * or a click on the chart is about. */
guint
abm_tier_chart_tier_at (const AbmTierChartData *data,
                        double                  width,
                        double                  height,
                        double                  x,
                        double                  y)
{
  Layout l;

  g_return_val_if_fail (data != NULL, 0);

  if (width <= 0 || height <= 0)
    return 0;
  compute_layout (data, width, height, &l);
  if (l.empty)
    return 0;

  for (guint i = 0; i < ABM_TIER_CHART_N_TIERS; i++)
    {
      double half = width_at (&l, y) / 2;

      if (y < l.band_top[i] || y > l.band_bottom[i])
        continue;
      if ((x >= l.axis - half && x <= l.axis + half)
          || (x >= l.text_x && x <= l.text_x + l.text_width))
        return i + 1;
    }
  return 0;
}

/* The colour of @tier's band (1 to 3), to match a legend or list to it. */
void
abm_tier_chart_get_color (guint     tier,
                          gboolean  dark,
                          double   *red,
                          double   *green,
                          double   *blue)
{
  const Rgb *c;

  g_return_if_fail (tier >= 1 && tier <= ABM_TIER_CHART_N_TIERS);

  c = &(dark ? palette_dark : palette_light)[tier - 1];
  *red = c->r;
  *green = c->g;
  *blue = c->b;
}
