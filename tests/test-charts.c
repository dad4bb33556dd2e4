/* test-charts.c: the bar, funnel and line charts drawn into images and a
 * PDF, their descriptions, and what lies under the pointer
 *
 * The drawing tests look at pixels: a bar, a step or a point is there when
 * its centre is painted in its series' colour on a background painted
 * first, as the window and the page paint theirs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "abm-bar-chart.h"
#include "abm-funnel-chart.h"
#include "abm-line-chart.h"
#include "abm-render-text.h"

#define NNBSP "\u202F"
#define EMPTY_TEXT "No data for this period"

/* Fixtures */

static const char * const tiers[] = { "Tier 1", "Tier 2", "Tier 3", "All" };
static const double abm_win_rate[] = { 0.42, 0.35, 0.22, 0.31 };
static const double other_win_rate[] = { 0.18, 0.2, 0.17, NAN };
static const double abm_deal_size[] = { 412000, 185000, 64000, 121000 };
static const double other_deal_size[] = { 250000, 120000, 51000, 90000 };
static const double velocity[] = { 94, 71, 38, 52 };

static const AbmBarChartData win_rate = {
  .categories = tiers,
  .n_categories = G_N_ELEMENTS (tiers),
  .series = {
    { "ABM", abm_win_rate, ABM_RENDER_COLOR_ACCENT },
    { "Other", other_win_rate, ABM_RENDER_COLOR_NEUTRAL },
  },
  .n_series = 2,
  .unit = ABM_RENDER_UNIT_SHARE,
  .title = "Win rate",
  .empty_text = EMPTY_TEXT,
};

static const AbmBarChartData deal_size = {
  .categories = tiers,
  .n_categories = G_N_ELEMENTS (tiers),
  .series = {
    { "ABM", abm_deal_size, ABM_RENDER_COLOR_AUTO },
    { "Other", other_deal_size, ABM_RENDER_COLOR_AUTO },
  },
  .n_series = 2,
  .unit = ABM_RENDER_UNIT_MONEY,
  .currency = "EUR",
  .title = "Average deal size",
  .empty_text = EMPTY_TEXT,
};

static const AbmBarChartData deal_velocity = {
  .categories = tiers,
  .n_categories = G_N_ELEMENTS (tiers),
  .series = { { "Days to close", velocity, ABM_RENDER_COLOR_WARM } },
  .n_series = 1,
  .unit = ABM_RENDER_UNIT_DAYS,
  .empty_text = EMPTY_TEXT,
};

static const AbmFunnelChartData funnel = {
  .steps = {
    { "Targets", 1264 },
    { "Aware", 812 },
    { "Engaged", 503 },
    { "Opportunity", 121 },
    { "Customer", 37 },
  },
  .n_steps = 5,
  .empty_text = EMPTY_TEXT,
};

#define N_WEEKS 13

static const char * const weeks[N_WEEKS] = {
  "Aug 31", "Sep 7", "Sep 14", "Sep 21", "Sep 28", "Oct 5", "Oct 12",
  "Oct 19", "Oct 26", "Nov 2", "Nov 9", "Nov 16", "Nov 23",
};
/* Apart by 15 points or more at every week, so that no dot hides another. */
static const double score_all[N_WEEKS] = { 30, 31, 33, 34, 33, 35, 36, 38, 37, 39, 40, 41, 43 };
static const double score_tier1[N_WEEKS] = { 52, 53, 51, 55, 58, 60, 63, 65, 64, 66, 70, 72, 75 };
static const double score_tier2[N_WEEKS] = { 12, 13, 13, 14, 15, 15, 16, 17, 18, 19, 20, 21, 22 };
static const double score_tier3[N_WEEKS] = { 88, 87, 86, NAN, 85, 84, 83, 82, 81, 90, 91, 92, 93 };

static const AbmLineChartData engagement = {
  .x_labels = weeks,
  .n_points = N_WEEKS,
  .series = {
    { "All", score_all, ABM_RENDER_COLOR_NEUTRAL },
    { "Tier 1", score_tier1, ABM_RENDER_COLOR_TIER_1 },
    { "Tier 2", score_tier2, ABM_RENDER_COLOR_TIER_2 },
    { "Tier 3", score_tier3, ABM_RENDER_COLOR_TIER_3 },
  },
  .n_series = 4,
  .unit = ABM_RENDER_UNIT_COUNT,
  .title = "Engagement score",
  .empty_text = EMPTY_TEXT,
};

/* Any chart, for the tests that treat them alike. */
typedef struct {
  const char *name;
  void      (*render)        (gconstpointer data, cairo_t *cr, double width, double height);
  char     *(*describe)      (gconstpointer data);
  gboolean  (*item_at)       (gconstpointer data, double width, double height, double x, double y,
                              guint *series, guint *index);
  gconstpointer data;
} Chart;

static const Chart charts[] = {
  { "win-rate", (gpointer) abm_bar_chart_render, (gpointer) abm_bar_chart_describe,
    (gpointer) abm_bar_chart_item_at, &win_rate },
  { "deal-size", (gpointer) abm_bar_chart_render, (gpointer) abm_bar_chart_describe,
    (gpointer) abm_bar_chart_item_at, &deal_size },
  { "velocity", (gpointer) abm_bar_chart_render, (gpointer) abm_bar_chart_describe,
    (gpointer) abm_bar_chart_item_at, &deal_velocity },
  { "funnel", (gpointer) abm_funnel_chart_render, (gpointer) abm_funnel_chart_describe,
    (gpointer) abm_funnel_chart_item_at, &funnel },
  { "engagement", (gpointer) abm_line_chart_render, (gpointer) abm_line_chart_describe,
    (gpointer) abm_line_chart_item_at, &engagement },
};

/* The data of @chart with its dark flag set to @dark, in @storage. */
static gconstpointer
styled (const Chart *chart,
        gboolean     dark,
        gpointer     storage)
{
  if (chart->data == &funnel)
    {
      AbmFunnelChartData *copy = storage;

      *copy = funnel;
      copy->dark = dark;
    }
  else if (chart->data == &engagement)
    {
      AbmLineChartData *copy = storage;

      *copy = engagement;
      copy->dark = dark;
    }
  else
    {
      AbmBarChartData *copy = storage;

      *copy = *(const AbmBarChartData *) chart->data;
      copy->dark = dark;
    }
  return storage;
}

typedef union {
  AbmBarChartData    bar;
  AbmFunnelChartData funnel;
  AbmLineChartData   line;
} AnyData;

/* Pixels */

/* Adwaita's window backgrounds. */
static const guint32 background_light = 0xfffafafa;
static const guint32 background_dark = 0xff242424;

/* @chart drawn on @background, or on nothing where it is transparent. */
static cairo_surface_t *
draw_on (const Chart   *chart,
         gconstpointer  data,
         guint32        background,
         int            width,
         int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  if (background >> 24 != 0)
    {
      cairo_set_source_rgb (cr, (background >> 16 & 0xff) / 255.0, (background >> 8 & 0xff) / 255.0,
                            (background & 0xff) / 255.0);
      cairo_paint (cr);
    }
  chart->render (data, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return ((const guint32 *) row)[x];
}

static gboolean
same_color (guint32 a,
            guint32 b)
{
  for (guint shift = 0; shift < 32; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 1)
      return FALSE;
  return TRUE;
}

static guint32
series_pixel (AbmRenderColor color,
              guint          position,
              gboolean       dark)
{
  double r, g, b;

  abm_render_series_color (color, position, dark, &r, &g, &b);
  return 0xff000000u | (guint32) lround (r * 255) << 16 | (guint32) lround (g * 255) << 8 | (guint32) lround (b * 255);
}

/* Pixels of the rectangle not of @color. */
static guint
count_other (cairo_surface_t *surface,
             guint32          color,
             int              x0,
             int              y0,
             int              x1,
             int              y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (surface)); x++)
      if (!same_color (pixel_at (surface, x, y), color))
        n++;
  return n;
}

static guint
count_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (!same_color (pixel_at (a, x, y), pixel_at (b, x, y)))
        n++;
  return n;
}

/* @surface written as a PNG into @dir, and read back. */
static void
check_png (cairo_surface_t *surface,
           const char      *dir,
           const char      *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *back;
  GStatBuf info;

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 1000);
  back = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, cairo_image_surface_get_width (surface));
  g_assert_cmpuint (count_different (back, surface), ==, 0);
  cairo_surface_destroy (back);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static const int sizes[][2] = { { 800, 300 }, { 360, 220 } };

/* Every chart at both sizes, light and dark: written to PNG, painted in
 * the plot and somewhere else, and on no background, not the same in
 * light and dark. */
static void
test_draw (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-charts-XXXXXX", NULL);

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        int width = sizes[s][0], height = sizes[s][1];
        cairo_surface_t *bare[2];

        for (int dark = 0; dark < 2; dark++)
          {
            AnyData storage;
            gconstpointer data = styled (&charts[c], dark, &storage);
            g_autofree char *name = g_strdup_printf ("%s-%dx%d-%s.png", charts[c].name, width, height,
                                                     dark ? "dark" : "light");
            guint32 background = dark ? background_dark : background_light;
            cairo_surface_t *surface = draw_on (&charts[c], data, background, width, height);

            check_png (surface, dir, name);
            /* Something drawn in the middle, where the marks are, and a
             * fair part of the whole painted. */
            g_assert_cmpuint (count_other (surface, background, width / 4, height / 4,
                                           width * 3 / 4, height * 3 / 4), >, (guint) (width * height / 100));
            g_assert_cmpuint (count_other (surface, background, 0, 0, width, height), >,
                              (guint) (width * height / 20));
            cairo_surface_destroy (surface);
            bare[dark] = draw_on (&charts[c], data, 0, width, height);
          }
        /* The text, the grid and the series all change with the style. */
        g_assert_cmpuint (count_different (bare[0], bare[1]), >, (guint) (width * height / 20));
        cairo_surface_destroy (bare[0]);
        cairo_surface_destroy (bare[1]);
      }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Bars: each drawn in its series' colour where it is said to be, taller
 * for a higher value, and found there by the pointer. */
static void
check_bars (const AbmBarChartData *data,
            int                    width,
            int                    height)
{
  cairo_surface_t *surface = draw_on (&charts[0], data, data->dark ? background_dark : background_light, width, height);
  cairo_rectangle_t bars[ABM_BAR_CHART_MAX_SERIES][4];

  for (guint s = 0; s < data->n_series; s++)
    for (guint i = 0; i < data->n_categories; i++)
      {
        cairo_rectangle_t *bar = &bars[s][i];
        guint32 color = series_pixel (data->series[s].color, s, data->dark);
        guint hit_series = G_MAXUINT, hit_index = G_MAXUINT;
        double cx, cy;

        if (!isfinite (data->series[s].values[i]))
          {
            g_assert_false (abm_bar_chart_get_bar (data, width, height, s, i, bar));
            continue;
          }
        g_assert_true (abm_bar_chart_get_bar (data, width, height, s, i, bar));
        g_assert_cmpfloat (bar->x, >=, 0);
        g_assert_cmpfloat (bar->x + bar->width, <=, width);
        g_assert_cmpfloat (bar->y, >=, 0);
        g_assert_cmpfloat (bar->y + bar->height, <=, height);
        g_assert_cmpfloat (bar->height, >, 4);
        cx = bar->x + bar->width / 2;
        cy = bar->y + bar->height / 2;
        g_assert_true (same_color (pixel_at (surface, (int) cx, (int) cy), color));
        /* All of it, but the rounded corners and the edges. */
        g_assert_cmpuint (count_other (surface, color, (int) ceil (bar->x + 1), (int) ceil (bar->y + 4),
                                       (int) floor (bar->x + bar->width - 1),
                                       (int) floor (bar->y + bar->height - 1)), ==, 0);
        g_assert_true (abm_bar_chart_item_at (data, width, height, cx, cy, &hit_series, &hit_index));
        g_assert_cmpuint (hit_series, ==, s);
        g_assert_cmpuint (hit_index, ==, i);
      }

  /* Taller for more, side by side in a group, groups in order. */
  g_assert_cmpfloat (bars[0][0].height, >, bars[0][1].height);
  g_assert_cmpfloat (bars[0][1].height, >, bars[0][2].height);
  g_assert_cmpfloat (bars[0][0].x + bars[0][0].width, <=, bars[1][0].x);
  g_assert_cmpfloat (bars[1][0].x + bars[1][0].width, <, bars[0][1].x);

  /* Nothing under the corners, over the tallest bar, or between groups. */
  g_assert_false (abm_bar_chart_item_at (data, width, height, 1, 1, NULL, NULL));
  g_assert_false (abm_bar_chart_item_at (data, width, height, width - 1, height - 1, NULL, NULL));
  g_assert_false (abm_bar_chart_item_at (data, width, height, bars[0][0].x + 2, bars[0][0].y - 20, NULL, NULL));
  g_assert_false (abm_bar_chart_item_at (data, width, height, (bars[1][0].x + bars[1][0].width + bars[0][1].x) / 2,
                                         bars[0][0].y + bars[0][0].height - 2, NULL, NULL));
  cairo_surface_destroy (surface);
}

static void
test_bar_items (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark < 2; dark++)
      {
        AbmBarChartData data = win_rate;

        data.dark = dark;
        check_bars (&data, sizes[s][0], sizes[s][1]);
        data = deal_size;
        data.dark = dark;
        check_bars (&data, sizes[s][0], sizes[s][1]);
      }
}

static void
test_funnel_items (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark < 2; dark++)
      {
        AbmFunnelChartData data = funnel;
        int width = sizes[s][0], height = sizes[s][1];
        guint32 color = series_pixel (ABM_RENDER_COLOR_AUTO, 0, dark);
        cairo_rectangle_t steps[5];
        cairo_surface_t *surface;

        data.dark = dark;
        surface = draw_on (&charts[3], &data, dark ? background_dark : background_light, width, height);
        for (guint i = 0; i < data.n_steps; i++)
          {
            cairo_rectangle_t *step = &steps[i];
            guint series = G_MAXUINT, index = G_MAXUINT;
            double cx, cy;

            g_assert_true (abm_funnel_chart_get_step (&data, width, height, i, step));
            g_assert_cmpfloat (step->x, >=, 0);
            g_assert_cmpfloat (step->x + step->width, <=, width);
            g_assert_cmpfloat (step->y + step->height, <=, height);
            cx = step->x + step->width / 2;
            cy = step->y + step->height / 2;
            g_assert_true (same_color (pixel_at (surface, (int) cx, (int) cy), color));
            g_assert_true (abm_funnel_chart_item_at (&data, width, height, cx, cy, &series, &index));
            g_assert_cmpuint (series, ==, 0);
            g_assert_cmpuint (index, ==, i);
            /* The row answers all along, from its name to its numbers. */
            g_assert_true (abm_funnel_chart_item_at (&data, width, height, 8, cy, NULL, &index));
            g_assert_cmpuint (index, ==, i);
            if (i > 0)
              {
                /* Narrower by the count, one under the other, on one axis. */
                g_assert_cmpfloat (step->width, <, steps[i - 1].width);
                g_assert_cmpfloat (step->y, >=, steps[i - 1].y + steps[i - 1].height);
                g_assert_cmpfloat (fabs (cx - (steps[0].x + steps[0].width / 2)), <, 1);
                g_assert_cmpfloat (fabs (step->width / steps[0].width
                                         - (double) data.steps[i].count / data.steps[0].count), <, 0.02);
              }
          }
        g_assert_false (abm_funnel_chart_item_at (&data, width, height, 1, 1, NULL, NULL));
        g_assert_false (abm_funnel_chart_item_at (&data, width, height, width - 1, height - 1, NULL, NULL));
        cairo_surface_destroy (surface);
      }
}

/* Of two points in reach, the nearer; on a tie, the series on top. */
static void
test_line_nearest (void)
{
  static const double lower[] = { 40, 40, 40 };
  static const double upper[] = { 44, 44, 44 };
  static const char * const days[] = { "Nov 9", "Nov 16", "Nov 23" };
  AbmLineChartData data = {
    .x_labels = days,
    .n_points = 3,
    .series = { { "Lower", lower }, { "Upper", upper }, { "Same", lower } },
    .n_series = 3,
  };
  double x, y_lower, y_upper;
  guint series = G_MAXUINT, index = G_MAXUINT;

  g_assert_true (abm_line_chart_get_point (&data, 360, 220, 0, 1, &x, &y_lower));
  g_assert_true (abm_line_chart_get_point (&data, 360, 220, 1, 1, &x, &y_upper));
  g_assert_cmpfloat (y_lower - y_upper, >, 4);
  g_assert_cmpfloat (y_lower - y_upper, <, 15);

  g_assert_true (abm_line_chart_item_at (&data, 360, 220, x, y_upper + 1, &series, &index));
  g_assert_cmpuint (series, ==, 1);
  g_assert_cmpuint (index, ==, 1);
  g_assert_true (abm_line_chart_item_at (&data, 360, 220, x, y_lower - 1, &series, &index));
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (index, ==, 1);
}

static void
test_line_items (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark < 2; dark++)
      {
        AbmLineChartData data = engagement;
        int width = sizes[s][0], height = sizes[s][1];
        cairo_surface_t *surface;
        double first_x = 0, last_x = 0, high_y = 0, low_y = 0;

        data.dark = dark;
        surface = draw_on (&charts[4], &data, dark ? background_dark : background_light, width, height);
        for (guint k = 0; k < data.n_series; k++)
          for (guint i = 0; i < data.n_points; i++)
            {
              guint32 color = series_pixel (data.series[k].color, k, dark);
              guint series = G_MAXUINT, index = G_MAXUINT;
              double x, y;

              if (!isfinite (data.series[k].values[i]))
                {
                  g_assert_false (abm_line_chart_get_point (&data, width, height, k, i, &x, &y));
                  continue;
                }
              g_assert_true (abm_line_chart_get_point (&data, width, height, k, i, &x, &y));
              g_assert_cmpfloat (x, >=, 0);
              g_assert_cmpfloat (x, <=, width);
              g_assert_cmpfloat (y, >=, 0);
              g_assert_cmpfloat (y, <=, height);
              g_assert_true (same_color (pixel_at (surface, (int) x, (int) y), color));
              g_assert_true (abm_line_chart_item_at (&data, width, height, x + 2, y - 2, &series, &index));
              g_assert_cmpuint (series, ==, k);
              g_assert_cmpuint (index, ==, i);
              if (k == 0 && i == 0)
                first_x = x, low_y = y;
              if (k == 0 && i + 1 == data.n_points)
                last_x = x, high_y = y;
            }
        /* Time goes right, a higher score up. */
        g_assert_cmpfloat (first_x, <, last_x);
        g_assert_cmpfloat (high_y, <, low_y);

        g_assert_false (abm_line_chart_item_at (&data, width, height, 1, 1, NULL, NULL));
        g_assert_false (abm_line_chart_item_at (&data, width, height, width - 1, height - 1, NULL, NULL));
        /* Between two weeks, halfway between two lines. */
        {
          double x0, y0, x1, y1;

          g_assert_true (abm_line_chart_get_point (&data, width, height, 0, 5, &x0, &y0));
          g_assert_true (abm_line_chart_get_point (&data, width, height, 1, 6, &x1, &y1));
          g_assert_false (abm_line_chart_item_at (&data, width, height, (x0 + x1) / 2, (y0 + y1) / 2, NULL, NULL));
        }
        cairo_surface_destroy (surface);
      }
}

/* Description */

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” lacks “%s”", text, part);
}

static void
check_bar_description (const AbmBarChartData *data)
{
  g_autofree char *text = abm_bar_chart_describe (data);

  if (data->title != NULL)
    g_assert_true (g_str_has_prefix (text, data->title));
  for (guint i = 0; i < data->n_categories; i++)
    {
      assert_contains (text, data->categories[i]);
      for (guint s = 0; s < data->n_series; s++)
        {
          g_autofree char *value = abm_render_text_value (data->series[s].values[i], data->unit, data->currency);

          assert_contains (text, data->series[s].label);
          assert_contains (text, value);
        }
    }
}

static void
test_describe (void)
{
  g_autofree char *win = abm_bar_chart_describe (&win_rate);
  g_autofree char *velocity_text = abm_bar_chart_describe (&deal_velocity);
  g_autofree char *funnel_text = abm_funnel_chart_describe (&funnel);
  g_autofree char *line_text = abm_line_chart_describe (&engagement);
  g_autofree char *item = NULL;

  check_bar_description (&win_rate);
  check_bar_description (&deal_size);
  check_bar_description (&deal_velocity);
  g_assert_cmpstr (win, ==, "Win rate. Tier 1: ABM 42%, Other 18%. Tier 2: ABM 35%, Other 20%. "
                            "Tier 3: ABM 22%, Other 17%. All: ABM 31%, Other no data.");
  g_assert_cmpstr (velocity_text, ==, "Days to close. Tier 1: 94 days. Tier 2: 71 days. Tier 3: 38 days. "
                                      "All: 52 days.");

  g_assert_cmpstr (funnel_text, ==, "Funnel of 5 steps. Targets: 1" NNBSP "264. Aware: 812, 64% of Targets. "
                                    "Engaged: 503, 62% of Aware. Opportunity: 121, 24% of Engaged. "
                                    "Customer: 37, 31% of Opportunity.");

  g_assert_true (g_str_has_prefix (line_text, "Engagement score. From Aug 31 to Nov 23. All: 30 on Aug 31, "));
  for (guint k = 0; k < engagement.n_series; k++)
    {
      g_autofree char *label = g_strdup_printf ("%s: ", engagement.series[k].label);

      assert_contains (line_text, label);
      for (guint i = 0; i < engagement.n_points; i++)
        if (isfinite (engagement.series[k].values[i]))
          {
            g_autofree char *value = g_strdup_printf ("%.0f on %s", engagement.series[k].values[i], weeks[i]);

            assert_contains (line_text, value);
          }
    }
  assert_contains (line_text, "Tier 3: 88 on Aug 31, 87 on Sep 7, 86 on Sep 14, 85 on Sep 28, ");

  item = abm_bar_chart_describe_item (&win_rate, 0, 0);
  g_assert_cmpstr (item, ==, "Tier 1, ABM: 42%");
  g_clear_pointer (&item, g_free);
  item = abm_bar_chart_describe_item (&win_rate, 1, 3);
  g_assert_cmpstr (item, ==, "All, Other: no data");
  g_clear_pointer (&item, g_free);
  item = abm_bar_chart_describe_item (&deal_size, 1, 0);
  g_assert_cmpstr (item, ==, "Tier 1, Other: 250k EUR");
  g_clear_pointer (&item, g_free);
  item = abm_bar_chart_describe_item (&deal_velocity, 0, 2);
  g_assert_cmpstr (item, ==, "Tier 3, Days to close: 38 days");
  g_clear_pointer (&item, g_free);
  item = abm_funnel_chart_describe_item (&funnel, 0, 0);
  g_assert_cmpstr (item, ==, "Targets: 1" NNBSP "264");
  g_clear_pointer (&item, g_free);
  item = abm_funnel_chart_describe_item (&funnel, 0, 2);
  g_assert_cmpstr (item, ==, "Engaged: 503, 62% of Aware");
  g_clear_pointer (&item, g_free);
  item = abm_line_chart_describe_item (&engagement, 1, 12);
  g_assert_cmpstr (item, ==, "Tier 1, Nov 23: 75");
}

/* Empty */

static void
test_empty (void)
{
  static const double zeros[] = { 0, 0, 0, 0 };
  static const double gaps[] = { NAN, NAN, NAN, NAN };
  AbmBarChartData bar_zeros = win_rate;
  AbmBarChartData bar_none = { .empty_text = EMPTY_TEXT };
  AbmFunnelChartData funnel_zeros = { { { "Targets", 0 }, { "Aware", 0 } }, 2, .empty_text = EMPTY_TEXT };
  AbmFunnelChartData funnel_none = { .empty_text = EMPTY_TEXT };
  AbmLineChartData line_none = engagement;
  AbmLineChartData line_gaps = engagement;
  const Chart empties[] = {
    { "bar-zeros", charts[0].render, charts[0].describe, charts[0].item_at, &bar_zeros },
    { "bar-none", charts[0].render, charts[0].describe, charts[0].item_at, &bar_none },
    { "funnel-zeros", charts[3].render, charts[3].describe, charts[3].item_at, &funnel_zeros },
    { "funnel-none", charts[3].render, charts[3].describe, charts[3].item_at, &funnel_none },
    { "line-none", charts[4].render, charts[4].describe, charts[4].item_at, &line_none },
    { "line-gaps", charts[4].render, charts[4].describe, charts[4].item_at, &line_gaps },
  };
  g_autofree char *bar_text = NULL;
  g_autofree char *bar_none_text = NULL;
  g_autofree char *funnel_text = NULL;
  g_autofree char *line_text = NULL;

  bar_zeros.series[0].values = zeros;
  bar_zeros.series[1].values = gaps;
  line_none.n_points = 0;
  for (guint k = 0; k < line_gaps.n_series; k++)
    line_gaps.series[k].values = NULL;

  for (guint e = 0; e < G_N_ELEMENTS (empties); e++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        int width = sizes[s][0], height = sizes[s][1];
        cairo_surface_t *surface = draw_on (&empties[e], empties[e].data, background_light, width, height);
        g_autofree char *text = empties[e].describe (empties[e].data);

        /* The message, in the middle; no scale on the left, no labels
         * under the plot, nothing to point at. */
        g_assert_cmpuint (count_other (surface, background_light, width / 4, height / 3,
                                       width * 3 / 4, height * 2 / 3), >, 100);
        g_assert_cmpuint (count_other (surface, background_light, 0, height / 4, width / 5, height), ==, 0);
        g_assert_cmpuint (count_other (surface, background_light, 0, height * 4 / 5, width, height), ==, 0);
        g_assert_false (empties[e].item_at (empties[e].data, width, height, width / 2, height / 2, NULL, NULL));
        g_assert_true (g_str_has_suffix (text, EMPTY_TEXT "."));
        cairo_surface_destroy (surface);
      }

  bar_text = abm_bar_chart_describe (&bar_zeros);
  bar_none_text = abm_bar_chart_describe (&bar_none);
  funnel_text = abm_funnel_chart_describe (&funnel_zeros);
  line_text = abm_line_chart_describe (&line_gaps);
  g_assert_cmpstr (bar_text, ==, "Win rate. " EMPTY_TEXT ".");
  g_assert_cmpstr (bar_none_text, ==, EMPTY_TEXT ".");
  g_assert_cmpstr (funnel_text, ==, EMPTY_TEXT ".");
  g_assert_cmpstr (line_text, ==, "Engagement score. " EMPTY_TEXT ".");
}

/* Drawn at an offset on a larger image, at sizes from a cramped panel to a
 * page, with long labels and huge numbers, nothing lands outside the area
 * given. */
static void
test_inside_bounds (void)
{
  static const char * const long_categories[] = {
    "A category whose name goes on far longer than any tier's", "Tier 2", "", NULL,
  };
  static const double huge[] = { 1e300, INFINITY, 9.99e17, 0.5 };
  static const int areas[][2] = {
    { 800, 300 }, { 360, 220 }, { 200, 120 }, { 120, 90 }, { 600, 80 }, { 90, 400 }, { 30, 20 },
  };
  AbmBarChartData long_bars = deal_size;
  AbmFunnelChartData long_funnel = funnel;
  AbmLineChartData long_line = engagement;
  const Chart cases[] = {
    charts[0], charts[1], charts[2], charts[3], charts[4],
    { "long-bars", charts[0].render, charts[0].describe, charts[0].item_at, &long_bars },
    { "long-funnel", charts[3].render, charts[3].describe, charts[3].item_at, &long_funnel },
    { "long-line", charts[4].render, charts[4].describe, charts[4].item_at, &long_line },
  };

  long_bars.categories = long_categories;
  long_bars.series[0].values = huge;
  long_bars.series[0].label = "A series with a label longer than a legend has room for";
  long_bars.currency = "A CURRENCY CODE FAR LONGER THAN ANY ISO 4217 CODE EVER WAS";
  long_funnel.steps[0].label = "A first step whose name goes on and on and on";
  long_funnel.steps[0].count = G_MAXUINT64;
  long_line.y_auto = TRUE;
  long_line.series[0].values = huge;
  long_line.n_points = 4;

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
      {
        int width = areas[a][0], height = areas[a][1];
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 80, height + 60);
        cairo_t *cr = cairo_create (surface);
        g_autofree char *text = cases[c].describe (cases[c].data);

        cairo_translate (cr, 40, 30);
        cases[c].render (cases[c].data, cr, width, height);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (surface);

        for (int y = 0; y < height + 60; y++)
          for (int x = 0; x < width + 80; x++)
            if ((x < 40 || x >= 40 + width || y < 30 || y >= 30 + height) && pixel_at (surface, x, y) != 0)
              g_error ("%s at %d×%d painted at (%d, %d)", cases[c].name, width, height, x - 40, y - 30);
        g_assert_nonnull (text);
        cairo_surface_destroy (surface);
      }

  /* Nothing to draw on, nothing drawn, no harm done. */
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
      cairo_t *cr = cairo_create (surface);

      charts[c].render (charts[c].data, cr, 0, 0);
      charts[c].render (charts[c].data, cr, -5, 10);
      g_assert_false (charts[c].item_at (charts[c].data, 0, 0, 0, 0, NULL, NULL));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The same drawing on a PDF page carries its text. */
static void
test_pdf (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-layout", NULL, "-", NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  GStatBuf info;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  dir = g_dir_make_tmp ("abm-charts-XXXXXX", NULL);
  path = g_build_filename (dir, "charts.pdf", NULL);
  surface = cairo_pdf_surface_create (path, 500, 260);
  cr = cairo_create (surface);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      charts[c].render (charts[c].data, cr, 500, 260);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_size, >, 1000);

  argv[0] = pdftotext;
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  for (const char * const *part = (const char * const[]) {
         "Win rate", "ABM", "Other", "Tier 1", "Tier 3", "All", "42%", "50%",
         "Average deal size · EUR", "412k", "Days to close · days",
         "Targets", "Customer", "62% of Aware", "31% of Opportunity", "503",
         "Engagement score", "Aug 31", "Nov 23", "100", NULL };
       *part != NULL; part++)
    assert_contains (out, *part);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Numbers */

static void
test_numbers (void)
{
  static const struct {
    double         value;
    AbmRenderUnit  unit;
    const char    *currency;
    const char    *full;
    const char    *tick;
  } values[] = {
    { 0.62, ABM_RENDER_UNIT_SHARE, NULL, "62%", "62%" },
    { 0.034, ABM_RENDER_UNIT_SHARE, NULL, "3.4%", "3.4%" },
    { 0.05, ABM_RENDER_UNIT_SHARE, NULL, "5%", "5%" },
    { 0.0001, ABM_RENDER_UNIT_SHARE, NULL, "0%", "0%" },
    { 1, ABM_RENDER_UNIT_SHARE, NULL, "100%", "100%" },
    { 2.4e6, ABM_RENDER_UNIT_MONEY, "EUR", "2.4M EUR", "2.4M" },
    { 250000, ABM_RENDER_UNIT_MONEY, NULL, "250k", "250k" },
    { 34, ABM_RENDER_UNIT_DAYS, NULL, "34 days", "34" },
    { 1, ABM_RENDER_UNIT_DAYS, NULL, "1 day", "1" },
    { 1264, ABM_RENDER_UNIT_COUNT, NULL, "1" NNBSP "264", "1" NNBSP "264" },
    { 52.4, ABM_RENDER_UNIT_COUNT, NULL, "52", "52" },
    { -5, ABM_RENDER_UNIT_COUNT, NULL, "\u2212" "5", "\u2212" "5" },
    { NAN, ABM_RENDER_UNIT_MONEY, "EUR", "no data", "no data" },
  };
  static const struct {
    double   range;
    guint    max_steps;
    gboolean whole;
    double   step;
  } steps[] = {
    { 412000, 4, FALSE, 250000 },
    { 412000, 8, FALSE, 100000 },
    { 412000, 9, FALSE, 50000 },
    { 100, 5, TRUE, 20 },
    { 100, 4, TRUE, 25 },
    { 100, 2, TRUE, 50 },
    { 3, 8, TRUE, 1 },
    { 0.3, 4, TRUE, 1 },
    { 0.42, 3, FALSE, 0.25 },
    { 1, 5, FALSE, 0.2 },
    { 0.01, 4, FALSE, 0.0025 },
    { 0, 4, FALSE, 1 },
    { NAN, 4, FALSE, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *full = abm_render_text_value (values[i].value, values[i].unit, values[i].currency);
      g_autofree char *tick = abm_render_text_tick (values[i].value, values[i].unit);

      g_assert_cmpstr (full, ==, values[i].full);
      g_assert_cmpstr (tick, ==, values[i].tick);
    }
  g_assert_null (abm_render_text_percent (NAN));

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      double step = abm_render_text_nice_step (steps[i].range, steps[i].max_steps, steps[i].whole);

      g_assert_cmpfloat_with_epsilon (step, steps[i].step, steps[i].step * 1e-9);
      if (isfinite (steps[i].range) && steps[i].range > 0)
        g_assert_cmpfloat (ceil (steps[i].range / step - 1e-9), <=, steps[i].max_steps);
    }
}

/* Colours: each series apart from the next in light and in dark, and
 * the tiers as the pyramid has them. */
static void
test_colors (void)
{
  for (int dark = 0; dark < 2; dark++)
    {
      for (guint a = ABM_RENDER_COLOR_ACCENT; a <= ABM_RENDER_COLOR_GREEN; a++)
        {
          g_assert_false (same_color (series_pixel (a, 0, dark), series_pixel (a, 0, !dark)));
          g_assert_false (same_color (series_pixel (a, 0, dark), dark ? background_dark : background_light));
          for (guint b = a + 1; b <= ABM_RENDER_COLOR_GREEN; b++)
            g_assert_false (same_color (series_pixel (a, 0, dark), series_pixel (b, 0, dark)));
        }
      for (guint p = 1; p < 4; p++)
        g_assert_false (same_color (series_pixel (ABM_RENDER_COLOR_AUTO, p, dark),
                                    series_pixel (ABM_RENDER_COLOR_AUTO, p - 1, dark)));
    }
}

/* The frame: the legend inside the chart, in rows that do not overlap,
 * beside the title only where both fit, and the plot under them. */
static void
test_frame (void)
{
  static const int widths[] = { 800, 360, 240, 160, 100 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (int titled = 0; titled < 2; titled++)
      {
        AbmRenderFrame frame = {
          .title = titled ? "Engagement score" : NULL,
          .series = engagement.series,
          .n_series = engagement.n_series,
          .n_values = engagement.n_points,
          .swatch_width = 24,
          .fixed_top = 100,
        };
        double right, swatch;

        abm_render_frame_layout (&frame, widths[w], 220);
        right = frame.left + frame.width + 0.01;
        swatch = frame.swatch_width * frame.scale;
        g_assert_false (frame.empty);
        for (guint i = 0; i < engagement.n_series; i++)
          {
            double end = frame.legend_x[i] + swatch + frame.legend_label_width[i];

            g_assert_cmpfloat (frame.legend_x[i], >=, frame.left - 0.01);
            g_assert_cmpfloat (end, <=, right);
            g_assert_cmpfloat (frame.legend_y[i] + frame.legend_line, <=, frame.plot_y);
            if (i + 1 < engagement.n_series && frame.legend_y[i + 1] == frame.legend_y[i])
              g_assert_cmpfloat (end, <, frame.legend_x[i + 1]);
            else if (i + 1 < engagement.n_series)
              g_assert_cmpfloat (frame.legend_y[i + 1], >=, frame.legend_y[i] + frame.legend_line);
            if (titled && frame.legend_y[i] < frame.top + frame.legend_line / 2)
              g_assert_cmpfloat (frame.left + frame.caption_width, <, frame.legend_x[i]);
          }
        g_assert_cmpfloat (frame.plot_x, >=, frame.left);
        g_assert_cmpfloat (frame.plot_x + frame.plot_width, <=, right);
        g_assert_cmpfloat (frame.plot_y + frame.plot_height, <, frame.label_y);
        g_assert_cmpfloat (frame.label_y + frame.label_height, <=, frame.top + frame.height + 0.01);
        g_assert_cmpfloat (frame.scale_top, ==, 100);
        g_assert_cmpfloat (frame.n_steps * frame.step, ==, 100);
        g_assert_cmpfloat (abm_render_frame_value_y (&frame, 0), ==, frame.plot_y + frame.plot_height);
        g_assert_cmpfloat (abm_render_frame_value_y (&frame, 100), ==, frame.plot_y);
        g_assert_cmpfloat (abm_render_frame_value_y (&frame, 250), ==, frame.plot_y);
      }
}

/* Timing */

static void
test_perf (void)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!g_test_perf ())
    {
      g_test_skip ("a timing: run with -m perf");
      return;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 300);
  cr = cairo_create (surface);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      double seconds;

      g_test_timer_start ();
      for (guint i = 0; i < 1000; i++)
        {
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
          charts[c].render (charts[c].data, cr, 800, 300);
        }
      cairo_surface_flush (surface);
      seconds = g_test_timer_elapsed ();
      /* A thousand renders in s seconds: s milliseconds each. */
      g_test_minimized_result (seconds, "%s: 1000 renders at 800x300 in %.3f s, %.3f ms each",
                               charts[c].name, seconds, seconds);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/charts/draw", test_draw);
  g_test_add_func ("/render/charts/bar/items", test_bar_items);
  g_test_add_func ("/render/charts/funnel/items", test_funnel_items);
  g_test_add_func ("/render/charts/line/items", test_line_items);
  g_test_add_func ("/render/charts/line/nearest", test_line_nearest);
  g_test_add_func ("/render/charts/describe", test_describe);
  g_test_add_func ("/render/charts/empty", test_empty);
  g_test_add_func ("/render/charts/inside-bounds", test_inside_bounds);
  g_test_add_func ("/render/charts/pdf", test_pdf);
  g_test_add_func ("/render/charts/numbers", test_numbers);
  g_test_add_func ("/render/charts/colors", test_colors);
  g_test_add_func ("/render/charts/frame", test_frame);
  g_test_add_func ("/render/charts/perf", test_perf);

  return g_test_run ();
}
