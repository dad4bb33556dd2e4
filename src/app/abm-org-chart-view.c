/* abm-org-chart-view.c: the org chart on screen, to zoom, pan and work on
 *
 * A leaf widget that draws through abm_org_chart_draw(), the code that
 * draws the chart into files, at its zoom and scroll position. It is
 * GtkScrollable: put it in a GtkScrolledWindow for scroll bars and
 * scrolling; Ctrl+scroll and pinching zoom about the pointer, dragging the
 * background pans, and the zoom actions (org-chart.zoom-in, -out, -reset
 * to 100 %, -fit) are there for buttons and shortcuts. Until the user
 * zooms, the chart fits the view.
 *
 * Clicking a card selects it (notify::selected-id), double-clicking or
 * Enter activates it (person-activated), and dragging a card onto another
 * asks for a new manager (reparent-requested, with 0 for dropping it on
 * the background: no manager). The view never changes its data itself:
 * the owner stores the change, with undo, and sets the data again.
 *
 * The arrow keys move the selection to the manager, the first report and
 * the neighbours on a row. Assistive technology reads the view as a group
 * labelled with the number of people, described by the person selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "abm-org-chart-view.h"

#define PADDING          24.0    /* around the chart, in pixels at any zoom */
#define MIN_ZOOM         0.02
#define MAX_ZOOM         3.0
#define ZOOM_STEP        1.25
#define SCROLL_ZOOM      1.1     /* per step of the wheel */
#define MIN_WIDTH        160
#define MIN_HEIGHT       120
#define MAX_NATURAL      800

struct _AbmOrgChartView
{
  GtkWidget          parent_instance;

  /* Copies of the data: the caller's strings may go away. */
  AbmOrgPerson      *people;
  guint              n_people;
  AbmOrgLink        *links;
  guint              n_links;
  GStringChunk      *strings;
  AbmOrgLayout      *layout;
  cairo_rectangle_t  bounds;            /* of the drawing, legend and all */

  gint64             selected_id;
  double             zoom;
  gboolean           fit;               /* the zoom follows the size */

  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;

  double             pointer_x;
  double             pointer_y;

  /* A press on a card may become a drag to re-parent it; one on the
   * background pans. */
  GtkGesture        *drag_gesture;
  gint64             drag_id;
  gboolean           dragging;          /* beyond the drag threshold */
  double             drag_x, drag_y;
  double             drag_dx, drag_dy;
  double             pan_x, pan_y;
  gint64             drop_target_id;

  double             pinch_zoom;
};

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_ZOOM,
  PROP_FIT,
  PROP_N_PEOPLE,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  PERSON_ACTIVATED,
  REPARENT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (AbmOrgChartView, abm_org_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Geometry */

static const char *
get_font_family (AbmOrgChartView *self)
{
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));

  return font != NULL ? pango_font_description_get_family (font) : NULL;
}

/* The chart as the view draws it: with a legend, in the view's font. */
static AbmOrgChartStyle
get_style (AbmOrgChartView *self)
{
  return (AbmOrgChartStyle) {
    .dark = adw_style_manager_get_dark (adw_style_manager_get_default ()),
    .font_family = get_font_family (self),
    .selected_id = self->selected_id,
    .focused = gtk_widget_has_visible_focus (GTK_WIDGET (self)),
    .legend = TRUE,
    .simplify = TRUE,
    .drag_id = self->dragging ? self->drag_id : 0,
    .drag_dx = self->drag_dx / self->zoom,
    .drag_dy = self->drag_dy / self->zoom,
    .drop_target_id = self->drop_target_id,
  };
}

static void
get_content_size (AbmOrgChartView *self,
                  double          *width,
                  double          *height)
{
  *width = self->bounds.width * self->zoom + 2 * PADDING;
  *height = self->bounds.height * self->zoom + 2 * PADDING;
}

/* Where layout units (0, 0) are in the widget: scrolled where the chart
 * is larger than the view, else centred in it. */
static void
get_origin (AbmOrgChartView *self,
            double          *x,
            double          *y)
{
  double width, height;
  int view_width = gtk_widget_get_width (GTK_WIDGET (self));
  int view_height = gtk_widget_get_height (GTK_WIDGET (self));

  get_content_size (self, &width, &height);
  if (width <= view_width)
    *x = (view_width - width) / 2;
  else
    *x = -gtk_adjustment_get_value (self->hadjustment);
  if (height <= view_height)
    *y = (view_height - height) / 2;
  else
    *y = -gtk_adjustment_get_value (self->vadjustment);
  *x += PADDING - self->bounds.x * self->zoom;
  *y += PADDING - self->bounds.y * self->zoom;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page)
{
  double upper = MAX (content, page);

  gtk_adjustment_configure (adjustment,
                            CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - page),
                            0, upper, page * 0.1, page * 0.9, page);
}

static void
configure_adjustments (AbmOrgChartView *self)
{
  double width, height;

  get_content_size (self, &width, &height);
  configure_adjustment (self->hadjustment, width, gtk_widget_get_width (GTK_WIDGET (self)));
  configure_adjustment (self->vadjustment, height, gtk_widget_get_height (GTK_WIDGET (self)));
}

static double
fit_zoom (AbmOrgChartView *self)
{
  double zoom;

  if (self->bounds.width <= 0 || self->bounds.height <= 0)
    return 1;
  zoom = MIN ((gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING) / self->bounds.width,
              (gtk_widget_get_height (GTK_WIDGET (self)) - 2 * PADDING) / self->bounds.height);
  return CLAMP (zoom, MIN_ZOOM, 1.0);
}

static void
update_actions (AbmOrgChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "org-chart.zoom-in", self->zoom < MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "org-chart.zoom-out", self->zoom > MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "org-chart.zoom-reset", self->zoom != 1.0);
}

static void
set_zoom_value (AbmOrgChartView *self,
                double           zoom,
                gboolean         fit)
{
  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (self->fit != fit)
    {
      self->fit = fit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT]);
    }
  if (self->zoom != zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  update_actions (self);
}

/* Zooms to @zoom keeping the point of the chart at (@x, @y) in place. */
static void
zoom_about (AbmOrgChartView *self,
            double           zoom,
            double           x,
            double           y)
{
  double origin_x, origin_y, lx, ly;

  get_origin (self, &origin_x, &origin_y);
  lx = (x - origin_x) / self->zoom;
  ly = (y - origin_y) / self->zoom;
  set_zoom_value (self, zoom, FALSE);
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, PADDING + (lx - self->bounds.x) * self->zoom - x);
  gtk_adjustment_set_value (self->vadjustment, PADDING + (ly - self->bounds.y) * self->zoom - y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_about_centre (AbmOrgChartView *self,
                   double           zoom)
{
  zoom_about (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

gint64
abm_org_chart_view_person_at (AbmOrgChartView *self,
                              double           x,
                              double           y)
{
  double origin_x, origin_y;

  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), 0);

  get_origin (self, &origin_x, &origin_y);
  return abm_org_chart_person_at (self->layout, (x - origin_x) / self->zoom, (y - origin_y) / self->zoom);
}

gboolean
abm_org_chart_view_get_person_area (AbmOrgChartView *self,
                                    gint64           id,
                                    graphene_rect_t *area)
{
  int index;
  cairo_rectangle_t box;
  double origin_x, origin_y;

  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  index = abm_org_layout_find (self->layout, id);
  if (index < 0)
    return FALSE;
  abm_org_layout_get_box (self->layout, index, &box);
  get_origin (self, &origin_x, &origin_y);
  graphene_rect_init (area, origin_x + box.x * self->zoom, origin_y + box.y * self->zoom,
                      box.width * self->zoom, box.height * self->zoom);
  return TRUE;
}

/* Scrolls as little as it takes to show the card of @id whole. */
static void
scroll_to_person (AbmOrgChartView *self,
                  gint64           id)
{
  graphene_rect_t area;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double margin = PADDING / 2;

  if (!abm_org_chart_view_get_person_area (self, id, &area) || width <= 0 || height <= 0)
    return;
  if (area.origin.x < margin)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + area.origin.x - margin);
  else if (area.origin.x + area.size.width > width - margin)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment)
                              + MIN (area.origin.x - margin, area.origin.x + area.size.width - width + margin));
  if (area.origin.y < margin)
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment) + area.origin.y - margin);
  else if (area.origin.y + area.size.height > height - margin)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment)
                              + MIN (area.origin.y - margin, area.origin.y + area.size.height - height + margin));
}

/* Data and selection */

static const AbmOrgPerson *
find_person (AbmOrgChartView *self,
             gint64           id)
{
  int index = abm_org_layout_find (self->layout, id);

  return index >= 0 ? &self->people[index] : NULL;
}

static void
update_accessible (AbmOrgChartView *self)
{
  const AbmOrgPerson *selected = find_person (self, self->selected_id);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Org chart of %u person",
                                                         "Org chart of %u people", self->n_people),
                                            self->n_people);
  g_autofree char *description = NULL;

  if (selected != NULL)
    description = abm_org_chart_describe_person (selected);
  else if (self->n_people > 0)
    description = g_strdup (_("Use the arrow keys to move between people"));
  else
    description = g_strdup (_("No one is on the chart yet"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
abm_org_chart_view_set_selected_id (AbmOrgChartView *self,
                                    gint64           id)
{
  g_return_if_fail (ABM_IS_ORG_CHART_VIEW (self));

  if (find_person (self, id) == NULL)
    id = 0;
  if (self->selected_id == id)
    return;

  self->selected_id = id;
  scroll_to_person (self, id);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

gint64
abm_org_chart_view_get_selected_id (AbmOrgChartView *self)
{
  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), 0);

  return self->selected_id;
}

static void
clear_data (AbmOrgChartView *self)
{
  g_clear_pointer (&self->people, g_free);
  g_clear_pointer (&self->links, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->layout, abm_org_layout_free);
  self->n_people = self->n_links = 0;
}

static const char *
keep_string (AbmOrgChartView *self,
             const char      *string)
{
  return string != NULL ? g_string_chunk_insert_const (self->strings, string) : NULL;
}

/* Shows @people and @links, copied. Fails, and shows no one, when the
 * people cannot be laid out as a tree (reporting lines in a circle); the
 * message names them. The selection is kept when its person still is on
 * the chart, and so are the zoom and scroll position. */
gboolean
abm_org_chart_view_set_data (AbmOrgChartView    *self,
                             const AbmOrgPerson *people,
                             guint               n_people,
                             const AbmOrgLink   *links,
                             guint               n_links,
                             GError            **error)
{
  g_autoptr(AbmOrgLayout) layout = NULL;
  guint n_before = self->n_people;
  AbmOrgChartStyle style;
  gboolean ok;

  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (people != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (links != NULL || n_links == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = abm_org_layout_new (people, n_people, error);
  ok = layout != NULL;
  clear_data (self);
  self->strings = g_string_chunk_new (1024);

  if (ok)
    {
      self->layout = g_steal_pointer (&layout);
      self->n_people = n_people;
      self->people = g_new (AbmOrgPerson, MAX (n_people, 1));
      for (guint i = 0; i < n_people; i++)
        {
          self->people[i] = people[i];
          self->people[i].name = keep_string (self, people[i].name);
          self->people[i].title = keep_string (self, people[i].title);
          self->people[i].role_label = keep_string (self, people[i].role_label);
        }
      self->n_links = n_links;
      self->links = g_memdup2 (links, sizeof *links * MAX (n_links, 1));
    }
  else
    {
      self->layout = abm_org_layout_new (NULL, 0, NULL);
      self->people = g_new0 (AbmOrgPerson, 1);
    }

  style = get_style (self);
  abm_org_chart_get_bounds (self->layout, &style, &self->bounds);

  if (find_person (self, self->selected_id) == NULL)
    {
      self->selected_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
    }
  if (self->n_people != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PEOPLE]);

  if (self->fit)
    set_zoom_value (self, fit_zoom (self), TRUE);
  configure_adjustments (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return ok;
}

guint
abm_org_chart_view_get_n_people (AbmOrgChartView *self)
{
  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), 0);

  return self->n_people;
}

/* Zoom */

double
abm_org_chart_view_get_zoom (AbmOrgChartView *self)
{
  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), 1);

  return self->zoom;
}

void
abm_org_chart_view_set_zoom (AbmOrgChartView *self,
                             double           zoom)
{
  g_return_if_fail (ABM_IS_ORG_CHART_VIEW (self));

  zoom_about_centre (self, zoom);
}

gboolean
abm_org_chart_view_get_fit (AbmOrgChartView *self)
{
  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), FALSE);

  return self->fit;
}

void
abm_org_chart_view_zoom_in (AbmOrgChartView *self)
{
  g_return_if_fail (ABM_IS_ORG_CHART_VIEW (self));

  zoom_about_centre (self, self->zoom * ZOOM_STEP);
}

void
abm_org_chart_view_zoom_out (AbmOrgChartView *self)
{
  g_return_if_fail (ABM_IS_ORG_CHART_VIEW (self));

  zoom_about_centre (self, self->zoom / ZOOM_STEP);
}

/* To 100 %, where the cards' text is the size of the interface's. */
void
abm_org_chart_view_zoom_reset (AbmOrgChartView *self)
{
  g_return_if_fail (ABM_IS_ORG_CHART_VIEW (self));

  zoom_about_centre (self, 1.0);
}

/* The whole chart in the view, and kept so as the view's size changes,
 * until the next zoom. */
void
abm_org_chart_view_zoom_to_fit (AbmOrgChartView *self)
{
  g_return_if_fail (ABM_IS_ORG_CHART_VIEW (self));

  set_zoom_value (self, fit_zoom (self), TRUE);
  configure_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (widget);

  if (g_str_equal (action_name, "org-chart.zoom-in"))
    abm_org_chart_view_zoom_in (self);
  else if (g_str_equal (action_name, "org-chart.zoom-out"))
    abm_org_chart_view_zoom_out (self);
  else if (g_str_equal (action_name, "org-chart.zoom-reset"))
    abm_org_chart_view_zoom_reset (self);
  else
    abm_org_chart_view_zoom_to_fit (self);
}

/* Export */

/* Writes the chart shown to @file, in the light style whatever the
 * view's: files go on pages and slides. */
gboolean
abm_org_chart_view_export (AbmOrgChartView *self,
                           GFile           *file,
                           AbmRenderFormat  format,
                           const char      *title,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_return_val_if_fail (ABM_IS_ORG_CHART_VIEW (self), FALSE);

  return abm_org_chart_export (self->layout, self->people, self->n_people, self->links, self->n_links,
                               FALSE, file, format, title, cancellable, error);
}

/* Input */

static void
activate_person (AbmOrgChartView *self,
                 gint64           id)
{
  if (id != 0)
    g_signal_emit (self, signals[PERSON_ACTIVATED], 0, id);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  AbmOrgChartView *self)
{
  gint64 id = abm_org_chart_view_person_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (id == 0)
    return;
  abm_org_chart_view_set_selected_id (self, id);
  if (n_press == 2)
    activate_person (self, id);
}

/* Whether @self's dragged card may go under @target: not under itself or
 * anyone who reports to it. */
static gboolean
can_drop_on (AbmOrgChartView *self,
             gint64           target)
{
  return target != 0 && target != self->drag_id
         && !abm_org_layout_reports_to (self->layout, target, self->drag_id);
}

static void
end_card_drag (AbmOrgChartView *self)
{
  self->drag_id = 0;
  self->dragging = FALSE;
  self->drop_target_id = 0;
  self->drag_dx = self->drag_dy = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               AbmOrgChartView *self)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag_id = abm_org_chart_view_person_at (self, x, y);
  self->dragging = FALSE;
  self->pan_x = gtk_adjustment_get_value (self->hadjustment);
  self->pan_y = gtk_adjustment_get_value (self->vadjustment);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                AbmOrgChartView *self)
{
  int threshold = 8;
  gint64 target;

  if (self->drag_id == 0)
    {
      gtk_adjustment_set_value (self->hadjustment, self->pan_x - dx);
      gtk_adjustment_set_value (self->vadjustment, self->pan_y - dy);
      return;
    }

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  if (!self->dragging && hypot (dx, dy) < threshold)
    return;
  self->dragging = TRUE;
  self->drag_dx = dx;
  self->drag_dy = dy;
  target = abm_org_chart_view_person_at (self, self->drag_x + dx, self->drag_y + dy);
  self->drop_target_id = can_drop_on (self, target) ? target : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A card dropped on another asks for that person as its manager; dropped
 * on the background, for no manager. Dropped where it came from, under
 * itself or on its manager, it asks for nothing. */
static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             AbmOrgChartView *self)
{
  gint64 id = self->drag_id;
  const AbmOrgPerson *person = find_person (self, id);
  gint64 target = abm_org_chart_view_person_at (self, self->drag_x + dx, self->drag_y + dy);
  gboolean asks;

  if (person == NULL || !self->dragging)
    asks = FALSE;
  else if (target == 0)
    asks = person->manager_id != 0;
  else
    asks = can_drop_on (self, target) && target != person->manager_id;

  end_card_drag (self);
  if (asks)
    g_signal_emit (self, signals[REPARENT_REQUESTED], 0, id, target);
}

static void
cancel_card_drag (AbmOrgChartView *self)
{
  end_card_drag (self);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AbmOrgChartView          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Without Ctrl, scrolling is the scrolled window's. */
  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  zoom_about (self, self->zoom * pow (SCROLL_ZOOM, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AbmOrgChartView          *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AbmOrgChartView  *self)
{
  self->pinch_zoom = self->zoom;
}

static void
on_pinch_scale_changed (GtkGestureZoom  *gesture,
                        double           scale,
                        AbmOrgChartView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_about (self, self->pinch_zoom * scale, x, y);
}

/* The first person of the first tree. */
static gint64
first_root (AbmOrgChartView *self)
{
  for (guint i = 0; i < self->n_people; i++)
    if (abm_org_layout_get_manager (self->layout, self->people[i].id) == 0)
      return self->people[i].id;
  return 0;
}

static void
move_selection (AbmOrgChartView *self,
                AbmOrgMove       move)
{
  gint64 to;

  if (self->selected_id == 0)
    to = first_root (self);
  else
    to = abm_org_layout_move (self->layout, self->selected_id, move);
  if (to != 0)
    abm_org_chart_view_set_selected_id (self, to);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AbmOrgChartView       *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, ABM_ORG_MOVE_UP);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, ABM_ORG_MOVE_DOWN);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_selection (self, ABM_ORG_MOVE_LEFT);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_selection (self, ABM_ORG_MOVE_RIGHT);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      abm_org_chart_view_set_selected_id (self, first_root (self));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_person (self, self->selected_id);
      return self->selected_id != 0;
    case GDK_KEY_Escape:
      if (self->drag_id == 0)
        return FALSE;
      cancel_card_drag (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_changed (AbmOrgChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkWidget */

static void
abm_org_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AbmOrgChartStyle style = get_style (self);
  double x, y;
  cairo_t *cr;

  if (width <= 0 || height <= 0 || self->n_people == 0)
    return;

  get_origin (self, &x, &y);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, x, y);
  cairo_scale (cr, self->zoom, self->zoom);
  abm_org_chart_draw (self->layout, self->people, self->n_people, self->links, self->n_links, &style, cr);
  cairo_destroy (cr);
}

static void
abm_org_chart_view_measure (GtkWidget     *widget,
                            GtkOrientation orientation,
                            int            for_size,
                            int           *minimum,
                            int           *natural,
                            int           *minimum_baseline,
                            int           *natural_baseline)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = CLAMP ((int) ceil (self->bounds.width + 2 * PADDING), MIN_WIDTH, MAX_NATURAL);
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = CLAMP ((int) ceil (self->bounds.height + 2 * PADDING), MIN_HEIGHT, MAX_NATURAL);
    }
}

static void
abm_org_chart_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (widget);

  if (self->fit)
    set_zoom_value (self, fit_zoom (self), TRUE);
  configure_adjustments (self);
}

static gboolean
abm_org_chart_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_tooltip,
                                  GtkTooltip *tooltip)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (widget);
  gint64 id = keyboard_tooltip ? self->selected_id : abm_org_chart_view_person_at (self, x, y);
  const AbmOrgPerson *person = find_person (self, id);
  g_autofree char *text = NULL;
  graphene_rect_t area;

  if (person == NULL || self->dragging)
    return FALSE;
  text = abm_org_chart_describe_person (person);
  gtk_tooltip_set_text (tooltip, text);
  if (abm_org_chart_view_get_person_area (self, id, &area))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.origin.x, (int) area.origin.y,
                                                         (int) area.size.width, (int) area.size.height });
  return TRUE;
}

/* GtkScrollable */

static void
set_adjustment (AbmOrgChartView *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_draw, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  if (self->hadjustment != NULL && self->vadjustment != NULL)
    configure_adjustments (self);
}

/* GObject */

static void
abm_org_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT:
      g_value_set_boolean (value, self->fit);
      break;
    case PROP_N_PEOPLE:
      g_value_set_uint (value, self->n_people);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_org_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      abm_org_chart_view_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_ZOOM:
      abm_org_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT:
      if (g_value_get_boolean (value))
        abm_org_chart_view_zoom_to_fit (self);
      else
        set_zoom_value (self, self->zoom, FALSE);
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_org_chart_view_dispose (GObject *object)
{
  AbmOrgChartView *self = ABM_ORG_CHART_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_draw, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (abm_org_chart_view_parent_class)->dispose (object);
}

static void
abm_org_chart_view_finalize (GObject *object)
{
  clear_data (ABM_ORG_CHART_VIEW (object));

  G_OBJECT_CLASS (abm_org_chart_view_parent_class)->finalize (object);
}

static void
abm_org_chart_view_class_init (AbmOrgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint           key;
    GdkModifierType modifiers;
    const char     *action;
  } bindings[] = {
    { GDK_KEY_plus, GDK_CONTROL_MASK, "org-chart.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "org-chart.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "org-chart.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "org-chart.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "org-chart.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "org-chart.zoom-fit" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "org-chart.zoom-fit" },
  };

  object_class->get_property = abm_org_chart_view_get_property;
  object_class->set_property = abm_org_chart_view_set_property;
  object_class->dispose = abm_org_chart_view_dispose;
  object_class->finalize = abm_org_chart_view_finalize;

  widget_class->snapshot = abm_org_chart_view_snapshot;
  widget_class->measure = abm_org_chart_view_measure;
  widget_class->size_allocate = abm_org_chart_view_size_allocate;
  widget_class->query_tooltip = abm_org_chart_view_query_tooltip;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIT] =
    g_param_spec_boolean ("fit", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PEOPLE] =
    g_param_spec_uint ("n-people", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* The person double-clicked, or selected when Enter was pressed. */
  signals[PERSON_ACTIVATED] =
    g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A person dragged onto a new manager, or onto the background (0). */
  signals[REPARENT_REQUESTED] =
    g_signal_new ("reparent-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "org-chart.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org-chart.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org-chart.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "org-chart.zoom-fit", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].modifiers,
                                         bindings[i].action, NULL);

  gtk_widget_class_set_css_name (widget_class, "orgchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
abm_org_chart_view_init (AbmOrgChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->zoom = 1.0;
  self->fit = TRUE;
  self->layout = abm_org_layout_new (NULL, 0, NULL);
  self->people = g_new0 (AbmOrgPerson, 1);
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  self->drag_gesture = gtk_gesture_drag_new ();
  g_signal_connect (self->drag_gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag_gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (self->drag_gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag_gesture));

  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (widget, key);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (widget, focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  update_actions (self);
  update_accessible (self);
}

GtkWidget *
abm_org_chart_view_new (void)
{
  return g_object_new (ABM_TYPE_ORG_CHART_VIEW, NULL);
}
