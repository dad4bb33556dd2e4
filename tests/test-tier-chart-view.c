/* test-tier-chart-view.c: the tier pyramid widget, under a virtual display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "abm-test-ui.h"
#include "abm-tier-chart-view.h"

#define WAIT_USEC (5 * G_USEC_PER_SEC)

static const AbmTierChartData sample = {
  .tiers = {
    { 12, 2.4e6, 81 },
    { 60, 6e6, 66 },
    { 400, 12e6, 52 },
  },
  .untiered = 35,
  .currency = "USD",
};

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_accessible (void)
{
  GtkWidget *view = g_object_ref_sink (abm_tier_chart_view_new ());
  AbmTierChartData data = sample;
  g_autofree char *currency = g_strdup ("USD");
  g_autofree char *expected = NULL;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "No tiered accounts yet.");

  /* The view keeps its own copy of the data, currency and all. */
  data.currency = currency;
  abm_tier_chart_view_set_data (ABM_TIER_CHART_VIEW (view), &data);
  expected = abm_tier_chart_describe (&sample);
  g_clear_pointer (&currency, g_free);
  data.tiers[0].count = 0;
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_nonnull (strstr (expected, "Tier 1"));

  g_object_unref (view);
}

static void
test_measure (void)
{
  GtkWidget *view = g_object_ref_sink (abm_tier_chart_view_new ());
  int minimum, natural;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 200);
  g_assert_cmpint (natural, ==, 280);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 160);
  g_assert_cmpint (natural, ==, 220);
  g_object_unref (view);
}

/* Whether the pixel at (@x, @y) is opaque in @tier's colour. */
static gboolean
has_tier_color (const guchar *pixels,
                int           width,
                int           x,
                int           y,
                guint         tier,
                gboolean      dark)
{
  const guint32 pixel = ((const guint32 *) pixels)[y * width + x];
  double rgb[3];
  guint shift = 16;

  abm_tier_chart_get_color (tier, dark, &rgb[0], &rgb[1], &rgb[2]);
  if (pixel >> 24 != 0xff)
    return FALSE;
  for (guint i = 0; i < 3; i++, shift -= 8)
    if (ABS ((int) ((pixel >> shift) & 0xff) - (int) lround (rgb[i] * 255)) > 2)
      return FALSE;
  return TRUE;
}

static void
check_bands (GtkWidget *view,
             gboolean   dark)
{
  int width, height;
  g_autofree guchar *pixels = abm_test_ui_render_widget (view, &width, &height);

  for (guint tier = 1; tier <= ABM_TIER_CHART_N_TIERS; tier++)
    {
      cairo_rectangle_t band;

      g_assert_true (abm_tier_chart_get_band (&sample, width, height, tier, &band));
      g_assert_true (has_tier_color (pixels, width, (int) (band.x + band.width / 2), (int) band.y + 3, tier, dark));
    }
}

static void
test_draws (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = abm_tier_chart_view_new ();
  gint64 deadline = g_get_monotonic_time () + WAIT_USEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 300, 240);
  gtk_window_set_child (GTK_WINDOW (window), view);
  abm_tier_chart_view_set_data (ABM_TIER_CHART_VIEW (view), &sample);
  gtk_window_present (GTK_WINDOW (window));
  while ((!gtk_widget_get_mapped (view) || gtk_widget_get_width (view) == 0)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (view));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  iterate ();
  check_bands (view, FALSE);

  /* The view follows the style to dark and back. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  iterate ();
  g_assert_true (adw_style_manager_get_dark (style));
  check_bands (view, TRUE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  abm_test_ui_init_widgets (&argc, &argv);

  g_test_add_func ("/tier-chart-view/accessible", test_accessible);
  g_test_add_func ("/tier-chart-view/measure", test_measure);
  g_test_add_func ("/tier-chart-view/draws", test_draws);

  return g_test_run ();
}
