/* abm-tier-chart-view.c: the tier pyramid on screen
 *
 * A leaf widget: snapshot() hands a cairo context to the same render code
 * that draws the pyramid into a PDF, with the colours of the current style
 * (light or dark) and the widget's font. Assistive technology reads it as
 * an image labelled with the chart's description; a tooltip names the
 * facts of the tier under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "abm-tier-chart-view.h"

#define MIN_WIDTH       200
#define MIN_HEIGHT      160
#define NATURAL_WIDTH   280
#define NATURAL_HEIGHT  220

struct _AbmTierChartView
{
  GtkWidget         parent_instance;

  AbmTierChartData  data;
  char             *currency;   /* what data.currency points to */
};

G_DEFINE_FINAL_TYPE (AbmTierChartView, abm_tier_chart_view, GTK_TYPE_WIDGET)

static void
update_description (AbmTierChartView *self)
{
  g_autofree char *description = abm_tier_chart_describe (&self->data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
}

static void
abm_tier_chart_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AbmTierChartView *self = ABM_TIER_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  AbmTierChartData data = self->data;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  data.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  data.font_family = font ? pango_font_description_get_family (font) : NULL;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  abm_tier_chart_render (&data, cr, width, height);
  cairo_destroy (cr);
}

static void
abm_tier_chart_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static gboolean
abm_tier_chart_view_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_tooltip,
                                   GtkTooltip *tooltip)
{
  AbmTierChartView *self = ABM_TIER_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  guint tier;

  /* From the keyboard there is no point to ask about; the accessible
   * label says it all. */
  if (keyboard_tooltip)
    return FALSE;

  tier = abm_tier_chart_tier_at (&self->data, gtk_widget_get_width (widget),
                                 gtk_widget_get_height (widget), x, y);
  if (tier == 0)
    return FALSE;
  text = abm_tier_chart_describe_tier (&self->data, tier);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
abm_tier_chart_view_finalize (GObject *object)
{
  AbmTierChartView *self = ABM_TIER_CHART_VIEW (object);

  g_free (self->currency);

  G_OBJECT_CLASS (abm_tier_chart_view_parent_class)->finalize (object);
}

static void
abm_tier_chart_view_class_init (AbmTierChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = abm_tier_chart_view_finalize;

  widget_class->snapshot = abm_tier_chart_view_snapshot;
  widget_class->measure = abm_tier_chart_view_measure;
  widget_class->query_tooltip = abm_tier_chart_view_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "tierchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
abm_tier_chart_view_init (AbmTierChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  update_description (self);
}

GtkWidget *
abm_tier_chart_view_new (void)
{
  return g_object_new (ABM_TYPE_TIER_CHART_VIEW, NULL);
}

/* Shows @data, copied: the caller keeps its own. Its dark and font_family
 * are ignored; the view follows the style and its own font. */
void
abm_tier_chart_view_set_data (AbmTierChartView       *self,
                              const AbmTierChartData *data)
{
  g_return_if_fail (ABM_IS_TIER_CHART_VIEW (self));
  g_return_if_fail (data != NULL);

  self->data = *data;
  g_free (self->currency);
  self->currency = g_strdup (data->currency);
  self->data.currency = self->currency;
  self->data.font_family = NULL;
  self->data.dark = FALSE;

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
