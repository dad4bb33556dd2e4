/* test-render.c: the tier pyramid drawn into images, its description,
 * the numbers it shows, and drawings exported to PNG, SVG and PDF
 *
 * The drawing tests look at pixels: a band is there when its centre is
 * painted in its colour, and nothing may be painted outside the area the
 * chart was given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "abm-render-export.h"
#include "abm-render-text.h"
#include "abm-tier-chart.h"

#define NNBSP "\u202F"

static const AbmTierChartData sample = {
  .tiers = {
    { 18, 4.35e6, 86.4 },
    { 142, 12.8e6, 71.2 },
    { 1264, 31.5e6, 58.7 },
  },
  .untiered = 148,
  .currency = "EUR",
};

static const AbmTierChartData huge = {
  .tiers = {
    { G_MAXUINT, 1e300, 100 },
    { G_MAXUINT, INFINITY, NAN },
    { G_MAXUINT, 9.99e17, 1e9 },
  },
  .untiered = G_MAXUINT,
  .currency = "A CURRENCY CODE FAR LONGER THAN ANY ISO 4217 CODE EVER WAS",
};

static const AbmTierChartData empty = { .untiered = 148 };
static const AbmTierChartData nothing = { 0 };

/* An image of @surface_width × @surface_height, transparent, with the
 * chart drawn at (@x, @y) in @width × @height. */
static cairo_surface_t *
draw_chart (const AbmTierChartData *data,
            int                     surface_width,
            int                     surface_height,
            double                  x,
            double                  y,
            double                  width,
            double                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, surface_width, surface_height);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, x, y);
  abm_tier_chart_render (data, cr, width, height);
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

static guint
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return pixel_at (surface, x, y) >> 24;
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
tier_pixel (guint    tier,
            gboolean dark)
{
  double r, g, b;

  abm_tier_chart_get_color (tier, dark, &r, &g, &b);
  return 0xff000000u | (guint32) lround (r * 255) << 16 | (guint32) lround (g * 255) << 8 | (guint32) lround (b * 255);
}

/* How many pixels of the rectangle are painted. */
static guint
count_painted (cairo_surface_t *surface,
               int              x0,
               int              y0,
               int              x1,
               int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (alpha_at (surface, x, y) > 0)
        n++;
  return n;
}

/* Everything painted lies inside (@x, @y, @width, @height). */
static void
assert_inside (cairo_surface_t *surface,
               int              x,
               int              y,
               int              width,
               int              height)
{
  int surface_width = cairo_image_surface_get_width (surface);
  int surface_height = cairo_image_surface_get_height (surface);

  for (int py = 0; py < surface_height; py++)
    for (int px = 0; px < surface_width; px++)
      if (px < x || px >= x + width || py < y || py >= y + height)
        if (alpha_at (surface, px, py) != 0)
          g_error ("painted at (%d, %d), outside %d×%d at (%d, %d)", px, py, width, height, x, y);
}

/* The width of the run of @tier's colour on the middle row of its band. */
static int
band_run_width (cairo_surface_t         *surface,
                const cairo_rectangle_t *band,
                guint32                  color)
{
  int y = (int) (band->y + band->height / 2);
  int first = -1, last = -1;

  for (int x = (int) floor (band->x); x < (int) ceil (band->x + band->width); x++)
    if (same_color (pixel_at (surface, x, y), color))
      {
        if (first < 0)
          first = x;
        last = x;
      }
  return first < 0 ? 0 : last - first + 1;
}

static void
check_bands (const AbmTierChartData *data,
             int                     width,
             int                     height)
{
  cairo_surface_t *surface = draw_chart (data, width, height, 0, 0, width, height);
  int runs[ABM_TIER_CHART_N_TIERS];

  for (guint tier = 1; tier <= ABM_TIER_CHART_N_TIERS; tier++)
    {
      cairo_rectangle_t band;
      guint32 color = tier_pixel (tier, data->dark);
      int center_x, center_y;

      g_assert_true (abm_tier_chart_get_band (data, width, height, tier, &band));
      g_assert_cmpfloat (band.x, >=, 0);
      g_assert_cmpfloat (band.y, >=, 0);
      g_assert_cmpfloat (band.x + band.width, <=, width);
      g_assert_cmpfloat (band.y + band.height, <=, height);
      center_x = (int) (band.x + band.width / 2);
      center_y = (int) (band.y + band.height / 2);

      /* Painted at its centre (the count may sit there), and in its own
       * colour just below its top edge. */
      g_assert_cmpuint (alpha_at (surface, center_x, center_y), ==, 0xff);
      g_assert_true (same_color (pixel_at (surface, center_x, (int) band.y + 3), color));
      g_assert_cmpuint (abm_tier_chart_tier_at (data, width, height, center_x, center_y), ==, tier);

      runs[tier - 1] = band_run_width (surface, &band, color);
      g_assert_cmpint (runs[tier - 1], >, 0);
      g_assert_cmpint (runs[tier - 1], <=, (int) ceil (band.width));

      /* Its label beside it: painted pixels right of the band, on its rows. */
      g_assert_cmpuint (count_painted (surface, (int) ceil (band.x + band.width) + 1, (int) band.y,
                                       width, (int) (band.y + band.height)), >, 20);
    }

  /* A pyramid: Tier 1 narrowest at the top, Tier 3 widest at the base. */
  g_assert_cmpint (runs[0], <, runs[1]);
  g_assert_cmpint (runs[1], <, runs[2]);
  g_assert_cmpint (runs[0] * 2, <, runs[2]);

  cairo_surface_destroy (surface);
}

static void
test_bands (void)
{
  AbmTierChartData data = sample;

  check_bands (&data, 280, 220);
  check_bands (&data, 800, 500);
  check_bands (&data, 200, 160);
  data.dark = TRUE;
  check_bands (&data, 280, 220);
  check_bands (&data, 595, 340);
}

static void
test_palette (void)
{
  /* The tiers differ in colour, and each in dark from light. */
  for (guint tier = 1; tier <= ABM_TIER_CHART_N_TIERS; tier++)
    {
      g_assert_false (same_color (tier_pixel (tier, FALSE), tier_pixel (tier, TRUE)));
      for (guint other = tier + 1; other <= ABM_TIER_CHART_N_TIERS; other++)
        {
          g_assert_false (same_color (tier_pixel (tier, FALSE), tier_pixel (other, FALSE)));
          g_assert_false (same_color (tier_pixel (tier, TRUE), tier_pixel (other, TRUE)));
        }
    }
}

/* Drawn at an offset on a larger image, at sizes from a cramped panel to a
 * page, nothing lands outside the area given. */
static void
test_inside_bounds (void)
{
  const AbmTierChartData *datas[] = { &sample, &huge, &empty, &nothing };
  static const int sizes[][2] = {
    { 280, 220 }, { 200, 160 }, { 800, 500 }, { 120, 90 }, { 600, 120 }, { 140, 400 }, { 40, 30 },
  };

  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int dark = 0; dark < 2; dark++)
        {
          AbmTierChartData data = *datas[d];
          int width = sizes[s][0], height = sizes[s][1];
          cairo_surface_t *surface;

          data.dark = dark;
          surface = draw_chart (&data, width + 80, height + 60, 40, 30, width, height);
          assert_inside (surface, 40, 30, width, height);
          if (width >= 200)
            g_assert_cmpuint (count_painted (surface, 40, 30, 40 + width, 30 + height), >, 100);
          cairo_surface_destroy (surface);
        }
}

/* Huge counts, absurd amounts and a long currency stay inside, and the
 * pyramid still stands. */
static void
test_huge_numbers (void)
{
  AbmTierChartData data = huge;

  check_bands (&data, 280, 220);
  check_bands (&data, 800, 500);
}

static void
test_empty (void)
{
  const AbmTierChartData *datas[] = { &empty, &nothing };

  for (guint d = 0; d < G_N_ELEMENTS (datas); d++)
    {
      cairo_surface_t *surface = draw_chart (datas[d], 280, 220, 0, 0, 280, 220);
      cairo_rectangle_t band;

      /* A calm picture and a line of text, nothing to point at. */
      g_assert_cmpuint (count_painted (surface, 0, 0, 280, 220), >, 500);
      g_assert_false (abm_tier_chart_get_band (datas[d], 280, 220, 1, &band));
      g_assert_cmpuint (abm_tier_chart_tier_at (datas[d], 280, 220, 140, 110), ==, 0);
      cairo_surface_destroy (surface);
    }

  /* Nothing to draw on, nothing drawn, no harm done. */
  cairo_surface_destroy (draw_chart (&sample, 10, 10, 0, 0, 0, 0));
  cairo_surface_destroy (draw_chart (&sample, 10, 10, 0, 0, -5, 10));
}

static void
test_describe (void)
{
  AbmTierChartData data = sample;
  g_autofree char *text = abm_tier_chart_describe (&data);
  g_autofree char *empty_text = abm_tier_chart_describe (&empty);
  g_autofree char *nothing_text = abm_tier_chart_describe (&nothing);
  g_autofree char *tier1 = abm_tier_chart_describe_tier (&data, 1);
  g_autofree char *untiered = abm_tier_chart_describe_tier (&data, 0);
  g_autofree char *unscored = NULL;

  g_assert_nonnull (strstr (text, "Tier 1, strategic 1:1: 18 accounts, 4.3M EUR ACV potential, average fit 86."));
  g_assert_nonnull (strstr (text, "Tier 2, ABM lite 1:few: 142 accounts, 12.8M EUR ACV potential, average fit 71."));
  g_assert_nonnull (strstr (text, "Tier 3, programmatic 1:many: 1" NNBSP "264 accounts, "
                                  "31.5M EUR ACV potential, average fit 59."));
  g_assert_true (g_str_has_suffix (text, " 148 untiered accounts."));
  g_assert_true (g_str_has_prefix (text, tier1));
  g_assert_cmpstr (untiered, ==, "148 untiered accounts");

  g_assert_cmpstr (empty_text, ==, "No tiered accounts yet. 148 untiered accounts.");
  g_assert_cmpstr (nothing_text, ==, "No tiered accounts yet.");

  /* Unknown facts are left out or said to be unknown; one is one. */
  data.tiers[0] = (AbmTierChartTier) { 1, -1, -1 };
  data.tiers[1] = (AbmTierChartTier) { 0, -1, -1 };
  data.untiered = 0;
  data.currency = NULL;
  g_clear_pointer (&text, g_free);
  text = abm_tier_chart_describe (&data);
  g_assert_nonnull (strstr (text, "Tier 1, strategic 1:1: 1 account, not scored."));
  g_assert_nonnull (strstr (text, "Tier 2, ABM lite 1:few: 0 accounts."));
  g_assert_nonnull (strstr (text, "31.5M ACV potential"));
  g_assert_true (g_str_has_suffix (text, "All accounts are tiered."));
  unscored = abm_tier_chart_describe_tier (&huge, 2);
  g_assert_nonnull (strstr (unscored, "not scored"));
  g_assert_null (strstr (unscored, "ACV"));
}

static void
test_numbers (void)
{
  static const struct {
    double      amount;
    const char *currency;
    const char *expected;
  } amounts[] = {
    { 0, NULL, "0" },
    { 850, "EUR", "850 EUR" },
    { 999.4, NULL, "999" },
    { 999.6, NULL, "1k" },
    { 12500, NULL, "12.5k" },
    { 250000, "USD", "250k USD" },
    { 999950, NULL, "1M" },
    { 2.4e6, "EUR", "2.4M EUR" },
    { 2e6, "", "2M" },
    { 31.46e6, NULL, "31.5M" },
    { 1.26e9, NULL, "1.3B" },
    { 3e12, NULL, "3T" },
    { 1e15, NULL, "1" NNBSP "000T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = abm_render_text_compact_amount (amounts[i].amount, amounts[i].currency);
      g_assert_cmpstr (text, ==, amounts[i].expected);
    }
  g_assert_null (abm_render_text_compact_amount (-1, "EUR"));
  g_assert_null (abm_render_text_compact_amount (NAN, "EUR"));
  g_assert_null (abm_render_text_compact_amount (INFINITY, "EUR"));

  {
    g_autofree char *zero = abm_render_text_count (0);
    g_autofree char *small = abm_render_text_count (999);
    g_autofree char *grouped = abm_render_text_count (1234567);
    g_autofree char *largest = abm_render_text_count (G_MAXUINT64);

    g_assert_cmpstr (zero, ==, "0");
    g_assert_cmpstr (small, ==, "999");
    g_assert_cmpstr (grouped, ==, "1" NNBSP "234" NNBSP "567");
    g_assert_true (g_str_has_prefix (largest, "18" NNBSP "446" NNBSP));
  }
}

/* Export */

static void
draw_sample (gpointer  user_data,
             cairo_t  *cr,
             double    width,
             double    height)
{
  abm_tier_chart_render (user_data, cr, width, height);
}

static void
draw_broken (gpointer  user_data,
             cairo_t  *cr,
             double    width,
             double    height)
{
  /* A restore without a save puts the context in an error state. */
  cairo_restore (cr);
}

static char *
export_file (const char      *dir,
             const char      *name,
             AbmRenderFormat  format,
             gsize           *length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (abm_render_export (file, format, 280, 220, "Tier Overview",
                                    draw_sample, (gpointer) &sample, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

#if CAIRO_VERSION < CAIRO_VERSION_ENCODE (1, 17, 6)
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}
#endif

/* The title and creator, read back with pdfinfo where it is installed, or
 * else from the file's bytes where cairo writes them as plain text (before
 * 1.17.6, which may pack them into compressed object streams). */
static void
check_pdf_info (const char *dir,
                const char *pdf,
                gsize       length)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *path = g_build_filename (dir, "tiers.pdf", NULL);
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (pdfinfo == NULL)
    {
#if CAIRO_VERSION < CAIRO_VERSION_ENCODE (1, 17, 6)
      g_assert_true (contains_bytes (pdf, length, "/Title (Tier Overview)"));
      g_assert_true (contains_bytes (pdf, length, "/Creator (ABM Planner)"));
#else
      g_test_message ("pdfinfo not found: the PDF's metadata is not read back");
#endif
      return;
    }
  argv[0] = pdfinfo;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match_simple ("^Title: +Tier Overview$", out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Creator: +ABM Planner$", out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Pages: +1$", out, G_REGEX_MULTILINE, 0));
}

static void
test_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-render-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "tiers.png", NULL);
  g_autofree char *png = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *forced = NULL;
  cairo_surface_t *image;
  gsize length;

  png = export_file (dir, "tiers.png", ABM_RENDER_FORMAT_AUTO, &length);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 280);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 220);
  g_assert_cmpuint (count_painted (image, 0, 0, 280, 220), >, 1000);
  cairo_surface_destroy (image);

  svg = export_file (dir, "tiers.SVG", ABM_RENDER_FORMAT_AUTO, &length);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "</svg>"));

  pdf = export_file (dir, "tiers.pdf", ABM_RENDER_FORMAT_AUTO, &length);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpuint (length, >, 6);
  g_assert_cmpmem (pdf + length - 6, 6, "%%EOF\n", 6);
  check_pdf_info (dir, pdf, length);

  /* A format given wins over the name. */
  forced = export_file (dir, "tiers.out", ABM_RENDER_FORMAT_PDF, &length);
  g_assert_true (g_str_has_prefix (forced, "%PDF-"));

  g_assert_cmpint (abm_render_format_for_name ("a.b/tiers.Png"), ==, ABM_RENDER_FORMAT_PNG);
  g_assert_cmpint (abm_render_format_for_name ("tiers.pdf"), ==, ABM_RENDER_FORMAT_PDF);
  g_assert_cmpint (abm_render_format_for_name ("tiers.svg"), ==, ABM_RENDER_FORMAT_SVG);
  g_assert_cmpint (abm_render_format_for_name ("tiers.jpeg"), ==, ABM_RENDER_FORMAT_AUTO);
  g_assert_cmpint (abm_render_format_for_name ("pdf"), ==, ABM_RENDER_FORMAT_AUTO);
  g_assert_cmpint (abm_render_format_for_name ("dir.pdf/tiers"), ==, ABM_RENDER_FORMAT_AUTO);

  for (const char *const *name = (const char *const[]) { "tiers.png", "tiers.SVG", "tiers.pdf", "tiers.out", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("abm-render-XXXXXX", NULL);
  g_autofree char *kept_path = g_build_filename (dir, "kept.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-folder", "tiers.pdf", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GFile) jpeg = g_file_new_build_filename (dir, "tiers.jpeg", NULL);
  g_autoptr(GFile) kept_file = g_file_new_for_path (kept_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;

  g_assert_false (abm_render_export (jpeg, ABM_RENDER_FORMAT_AUTO, 280, 220, NULL,
                                     draw_sample, (gpointer) &sample, NULL, &error));
  g_assert_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_UNKNOWN_FORMAT);
  g_assert_false (g_file_query_exists (jpeg, NULL));
  g_clear_error (&error);

  g_assert_false (abm_render_export (kept_file, ABM_RENDER_FORMAT_PNG, 0, 220, NULL,
                                     draw_sample, (gpointer) &sample, NULL, &error));
  g_assert_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_INVALID_SIZE);
  g_clear_error (&error);
  g_assert_false (abm_render_export (kept_file, ABM_RENDER_FORMAT_PNG, 40000, 220, NULL,
                                     draw_sample, (gpointer) &sample, NULL, &error));
  g_assert_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_INVALID_SIZE);
  g_clear_error (&error);
  g_assert_false (abm_render_export (kept_file, ABM_RENDER_FORMAT_PDF, NAN, 220, NULL,
                                     draw_sample, (gpointer) &sample, NULL, &error));
  g_assert_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_INVALID_SIZE);
  g_clear_error (&error);

  g_assert_false (abm_render_export (missing, ABM_RENDER_FORMAT_AUTO, 280, 220, NULL,
                                     draw_sample, (gpointer) &sample, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A drawing that fails leaves the file that was there as it was. */
  g_assert_true (g_file_set_contents (kept_path, "kept", -1, NULL));
  for (AbmRenderFormat format = ABM_RENDER_FORMAT_PNG; format <= ABM_RENDER_FORMAT_PDF; format++)
    {
      g_assert_false (abm_render_export (kept_file, format, 280, 220, NULL, draw_broken, NULL, NULL, &error));
      g_assert_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_DRAWING);
      g_clear_error (&error);
    }
  g_assert_true (g_file_get_contents (kept_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "kept");

  g_assert_cmpint (g_unlink (kept_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/tier-chart/bands", test_bands);
  g_test_add_func ("/render/tier-chart/palette", test_palette);
  g_test_add_func ("/render/tier-chart/inside-bounds", test_inside_bounds);
  g_test_add_func ("/render/tier-chart/huge-numbers", test_huge_numbers);
  g_test_add_func ("/render/tier-chart/empty", test_empty);
  g_test_add_func ("/render/tier-chart/describe", test_describe);
  g_test_add_func ("/render/text/numbers", test_numbers);
  g_test_add_func ("/render/export/files", test_export);
  g_test_add_func ("/render/export/errors", test_export_errors);

  return g_test_run ();
}
