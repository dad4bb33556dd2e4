/* abm-chart-view.c: a bar, funnel or line chart on screen
 *
 * A leaf widget like the tier pyramid's: snapshot() hands a cairo
 * context to the render code that also draws the charts into PDFs, with
 * the current style's colours and the widget's font. Assistive technology
 * reads it as an image labelled with the chart's description; the tooltip
 * names the bar, step or point under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "abm-chart-view.h"

typedef enum {
  CHART_NONE,
  CHART_BAR,
  CHART_FUNNEL,
  CHART_LINE,
} ChartKind;

struct _AbmChartView
{
  GtkWidget          parent_instance;

  ChartKind          kind;
  AbmBarChartData    bar;
  AbmFunnelChartData funnel;
  AbmLineChartData   line;
};

G_DEFINE_FINAL_TYPE (AbmChartView, abm_chart_view, GTK_TYPE_WIDGET)

/* The data with the style's colours and the widget's font. */
static void
dress (AbmChartView *self)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  const char *family = font ? pango_font_description_get_family (font) : NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  self->bar.font_family = self->funnel.font_family = self->line.font_family = family;
  self->bar.dark = self->funnel.dark = self->line.dark = dark;
}

static void
update_description (AbmChartView *self)
{
  g_autofree char *description = NULL;

  switch (self->kind)
    {
    case CHART_BAR:
      description = abm_bar_chart_describe (&self->bar);
      break;
    case CHART_FUNNEL:
      description = abm_funnel_chart_describe (&self->funnel);
      break;
    case CHART_LINE:
      description = abm_line_chart_describe (&self->line);
      break;
    case CHART_NONE:
    default:
      break;
    }
  /* Before its data comes, the chart still says what it is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description ? description : _("Chart, no data yet"), -1);
}

static void
abm_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AbmChartView *self = ABM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->kind == CHART_NONE)
    return;
  dress (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == CHART_BAR)
    abm_bar_chart_render (&self->bar, cr, width, height);
  else if (self->kind == CHART_FUNNEL)
    abm_funnel_chart_render (&self->funnel, cr, width, height);
  else
    abm_line_chart_render (&self->line, cr, width, height);
  cairo_destroy (cr);
}

static void
abm_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 260 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 420 : 240;
}

static gboolean
abm_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  AbmChartView *self = ABM_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree char *text = NULL;
  guint series, index;

  /* From the keyboard there is no point to ask about; the accessible
   * label and the table say it all. */
  if (keyboard_tooltip)
    return FALSE;
  dress (self);
  if (self->kind == CHART_BAR && abm_bar_chart_item_at (&self->bar, width, height, x, y, &series, &index))
    text = abm_bar_chart_describe_item (&self->bar, series, index);
  else if (self->kind == CHART_FUNNEL && abm_funnel_chart_item_at (&self->funnel, width, height, x, y, &series, &index))
    text = abm_funnel_chart_describe_item (&self->funnel, series, index);
  else if (self->kind == CHART_LINE && abm_line_chart_item_at (&self->line, width, height, x, y, &series, &index))
    text = abm_line_chart_describe_item (&self->line, series, index);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
abm_chart_view_class_init (AbmChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = abm_chart_view_snapshot;
  widget_class->measure = abm_chart_view_measure;
  widget_class->query_tooltip = abm_chart_view_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
abm_chart_view_init (AbmChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_description (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
shown (AbmChartView *self,
       ChartKind     kind)
{
  self->kind = kind;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
abm_chart_view_set_bar (AbmChartView          *self,
                        const AbmBarChartData *data)
{
  g_return_if_fail (ABM_IS_CHART_VIEW (self));

  if (data != NULL)
    self->bar = *data;
  shown (self, data ? CHART_BAR : CHART_NONE);
}

void
abm_chart_view_set_funnel (AbmChartView             *self,
                           const AbmFunnelChartData *data)
{
  g_return_if_fail (ABM_IS_CHART_VIEW (self));

  if (data != NULL)
    self->funnel = *data;
  shown (self, data ? CHART_FUNNEL : CHART_NONE);
}

void
abm_chart_view_set_line (AbmChartView           *self,
                         const AbmLineChartData *data)
{
  g_return_if_fail (ABM_IS_CHART_VIEW (self));

  if (data != NULL)
    self->line = *data;
  shown (self, data ? CHART_LINE : CHART_NONE);
}
