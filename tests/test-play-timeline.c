/* test-play-timeline.c: the plays' timeline, drawn without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "abm-play-timeline.h"

#define MARGIN 20

static guint32
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static AbmPlayTimelineRow rows[] = {
  { "Research the account", 0, 0, ABM_PLAY_DONE, ABM_CHANNEL_CONTENT, FALSE },
  { "Executive dinner", 0, 0, ABM_PLAY_PLANNED, ABM_CHANNEL_EVENTS, FALSE },
  { "Call the champion", 0, 0, ABM_PLAY_IN_PROGRESS, ABM_CHANNEL_SALES_OUTREACH, TRUE },
  { "Undated idea", 0, 0, ABM_PLAY_PLANNED, ABM_CHANNEL_EMAIL, FALSE },
};

static AbmPlayTimelineData
sample (gboolean dark)
{
  AbmPlayTimelineData data = { rows, G_N_ELEMENTS (rows), julian (2026, 3, 18), NULL, dark };

  rows[0].start = julian (2026, 3, 2), rows[0].due = julian (2026, 3, 9);
  rows[1].start = julian (2026, 3, 23), rows[1].due = julian (2026, 4, 10);
  rows[2].start = julian (2026, 3, 9), rows[2].due = julian (2026, 3, 13);
  return data;
}

/* Draws @data into a @width × @height area MARGIN pixels inside a larger,
 * transparent surface. */
static cairo_surface_t *
draw (const AbmPlayTimelineData *data,
      int                        width,
      int                        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * MARGIN,
                                                         height + 2 * MARGIN);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, MARGIN, MARGIN);
  abm_play_timeline_render (data, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + (y + MARGIN) * cairo_image_surface_get_stride (surface) + (x + MARGIN) * 4);
}

static void
test_bars (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      AbmPlayTimelineData data = sample (dark);
      int width = 640, height = (int) abm_play_timeline_get_height (&data);
      cairo_surface_t *surface = draw (&data, width, height);
      cairo_rectangle_t bar, earlier;

      g_assert_cmpint (height, >=, 4 * 26);
      for (guint i = 0; i < 3; i++)
        {
          guint32 p;
          double r, g, b;

          g_assert_true (abm_play_timeline_get_bar (&data, width, height, i, &bar));
          g_assert_cmpfloat (bar.x, >=, 0);
          g_assert_cmpfloat (bar.x + bar.width, <=, width);
          g_assert_cmpfloat (bar.y + bar.height, <=, height);
          /* Each row is its own band. */
          if (i > 0)
            g_assert_cmpfloat (bar.y, >=, earlier.y + earlier.height);
          earlier = bar;

          /* The bar is painted in its channel's colour (planned: lighter). */
          p = pixel (surface, (int) (bar.x + bar.width / 2), (int) (bar.y + bar.height / 2));
          g_assert_cmpuint (p >> 24, >, 0);
          abm_play_timeline_channel_color (rows[i].channel, dark, &r, &g, &b);
          if (rows[i].status == ABM_PLAY_IN_PROGRESS)
            {
              g_assert_cmpint (ABS ((int) ((p >> 16) & 0xff) - (int) (r * 255)), <=, 2);
              g_assert_cmpint (ABS ((int) ((p >> 8) & 0xff) - (int) (g * 255)), <=, 2);
              g_assert_cmpint (ABS ((int) (p & 0xff) - (int) (b * 255)), <=, 2);
            }
        }

      /* Later plays sit further right; the undated one has no bar. */
      {
        cairo_rectangle_t first, second;

        abm_play_timeline_get_bar (&data, width, height, 0, &first);
        abm_play_timeline_get_bar (&data, width, height, 1, &second);
        g_assert_cmpfloat (second.x, >, first.x + first.width);
        g_assert_false (abm_play_timeline_get_bar (&data, width, height, 3, &bar));
        g_assert_false (abm_play_timeline_get_bar (&data, width, height, 4, &bar));
      }

      /* The overdue play carries a red mark after its bar; the others do not. */
      for (guint i = 0; i < 2 + 1; i++)
        {
          gboolean red = FALSE;

          abm_play_timeline_get_bar (&data, width, height, i, &bar);
          for (int x = (int) (bar.x + bar.width + 2); x < bar.x + bar.width + 16 && x < width; x++)
            for (int y = (int) bar.y; y < bar.y + bar.height; y++)
              {
                guint32 p = pixel (surface, x, y);
                int pr = (p >> 16) & 0xff, pg = (p >> 8) & 0xff;

                red |= (p >> 24) == 0xff && pr > 150 && pg < 130;
              }
          g_assert_true (red == rows[i].overdue);
        }

      /* Nothing outside the area. */
      for (int y = -MARGIN; y < height + MARGIN; y++)
        for (int x = -MARGIN; x < width + MARGIN; x++)
          if (x < 0 || y < 0 || x >= width || y >= height)
            g_assert_cmpuint (pixel (surface, x, y), ==, 0);

      cairo_surface_destroy (surface);
    }
}

/* A short area still keeps to it. */
static void
test_small (void)
{
  AbmPlayTimelineData data = sample (FALSE);
  cairo_surface_t *surface = draw (&data, 90, 30);

  for (int y = -MARGIN; y < 30 + MARGIN; y++)
    for (int x = -MARGIN; x < 90 + MARGIN; x++)
      if (x < 0 || y < 0 || x >= 90 || y >= 30)
        g_assert_cmpuint (pixel (surface, x, y), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  AbmPlayTimelineData data = { NULL, 0, julian (2026, 3, 18), NULL, FALSE };
  int width = 400, height = (int) abm_play_timeline_get_height (&data);
  cairo_surface_t *surface = draw (&data, width, height);
  g_autofree char *description = abm_play_timeline_describe (&data);
  guint inked = 0;
  cairo_rectangle_t bar;

  g_assert_false (abm_play_timeline_get_bar (&data, width, height, 0, &bar));
  g_assert_cmpstr (description, ==, "Timeline: no plays yet.");
  /* The words "No plays yet", in the middle, and nothing else. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel (surface, x, y) >> 24)
        {
          inked++;
          g_assert_cmpint (ABS (x - width / 2), <, width / 3);
        }
  g_assert_cmpuint (inked, >, 20);
  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  AbmPlayTimelineData data = sample (FALSE);
  g_autofree char *description = abm_play_timeline_describe (&data);

  g_assert_cmpstr (description, ==, "Timeline of 4 plays by week, 1 overdue.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/play-timeline/bars", test_bars);
  g_test_add_func ("/render/play-timeline/small", test_small);
  g_test_add_func ("/render/play-timeline/empty", test_empty);
  g_test_add_func ("/render/play-timeline/describe", test_describe);

  return g_test_run ();
}
