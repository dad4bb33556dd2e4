/* test-org-chart-view.c: the org chart widget, under a virtual display
 *
 * Pointer and keys are driven through the widget's own event controllers,
 * with the coordinates a user would click at: where the view says a card
 * is, checked against where it is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "abm-org-chart-view.h"
#include "abm-test-ui.h"

#define WAIT_USEC (5 * G_USEC_PER_SEC)

/* A CFO with two reports, one of whom has two of her own. */
static const AbmOrgPerson people[] = {
  { 1, 0, 0, "Ana Ruiz", "Chief Financial Officer", "Economic buyer", 0, 0, ABM_SENTIMENT_NEUTRAL, 5, 10 },
  { 2, 1, 0, "Ben Ode", "VP IT", "Technical evaluator", 3, 0, ABM_SENTIMENT_POSITIVE, 4, 3 },
  { 3, 1, 0, "Cy Lee", "Head of Procurement", "Procurement", 8, 0, ABM_SENTIMENT_NEGATIVE, 3, 70 },
  { 4, 2, 0, "Dee Park", "Cloud Architect", "Champion", 2, 1, ABM_SENTIMENT_CHAMPION, 4, 1 },
  { 5, 2, 0, "Eli Stone", "Platform Engineer", "End user", 4, 0, ABM_SENTIMENT_UNKNOWN, 2, -1 },
};
static const AbmOrgLink links[] = {
  { 4, 1, ABM_ORG_LINK_INFLUENCES },
};

typedef struct {
  GtkWidget *window;
  GtkWidget *view;
  gint64     activated;
  gint64     reparent_id;
  gint64     reparent_manager;
  guint      n_reparents;
  guint      n_selection_changes;
} Fixture;

static void
on_activated (AbmOrgChartView *view,
              gint64           id,
              Fixture         *f)
{
  f->activated = id;
}

static void
on_reparent (AbmOrgChartView *view,
             gint64           id,
             gint64           manager,
             Fixture         *f)
{
  f->reparent_id = id;
  f->reparent_manager = manager;
  f->n_reparents++;
}

static void
on_selection (Fixture *f)
{
  f->n_selection_changes++;
}

/* The view in a scrolled window in a shown window, with the people. */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  gint64 deadline = g_get_monotonic_time () + WAIT_USEC;
  g_autoptr(GError) error = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  f->window = gtk_window_new ();
  f->view = abm_org_chart_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), scrolled);
  g_assert_true (abm_org_chart_view_set_data (ABM_ORG_CHART_VIEW (f->view), people, G_N_ELEMENTS (people),
                                              links, G_N_ELEMENTS (links), &error));
  g_assert_no_error (error);
  g_signal_connect (f->view, "person-activated", G_CALLBACK (on_activated), f);
  g_signal_connect (f->view, "reparent-requested", G_CALLBACK (on_reparent), f);
  g_signal_connect_swapped (f->view, "notify::selected-id", G_CALLBACK (on_selection), f);

  gtk_window_present (GTK_WINDOW (f->window));
  while ((!gtk_widget_get_mapped (f->view) || gtk_widget_get_width (f->view) < 100)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (f->view));
  abm_test_ui_iterate ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  abm_test_ui_iterate ();
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

static void
card_centre (Fixture *f,
             gint64   id,
             double  *x,
             double  *y)
{
  graphene_rect_t area;

  g_assert_true (abm_org_chart_view_get_person_area (ABM_ORG_CHART_VIEW (f->view), id, &area));
  *x = area.origin.x + area.size.width / 2;
  *y = area.origin.y + area.size.height / 2;
}

static void
click (Fixture *f,
       int      n_press,
       double   x,
       double   y)
{
  g_signal_emit_by_name (find_controller (f->view, GTK_TYPE_GESTURE_CLICK), "pressed", n_press, x, y);
}

static gboolean
press_key (Fixture *f,
           guint    keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (find_controller (f->view, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         keyval, 0, 0, &handled);
  return handled;
}

/* Drags from the centre of @from to (@x, @y) in steps, and lets go. */
static void
drag (Fixture *f,
      gint64   from,
      double   x,
      double   y)
{
  GtkEventController *gesture = find_controller (f->view, GTK_TYPE_GESTURE_DRAG);
  double x0, y0;

  if (from != 0)
    card_centre (f, from, &x0, &y0);
  else
    {
      x0 = 4;
      y0 = 4;
    }
  g_signal_emit_by_name (gesture, "drag-begin", x0, y0);
  for (int step = 1; step <= 4; step++)
    g_signal_emit_by_name (gesture, "drag-update", (x - x0) * step / 4, (y - y0) * step / 4);
  g_signal_emit_by_name (gesture, "drag-end", x - x0, y - y0);
}

static guint32
pixel (const guchar *pixels,
       int           width,
       double        x,
       double        y)
{
  return ((const guint32 *) pixels)[(int) y * width + (int) x];
}

static void
test_accessible (void)
{
  GtkWidget *view = g_object_ref_sink (abm_org_chart_view_new ());
  g_autofree char *name = g_strdup ("Ana Ruiz");
  AbmOrgPerson copy[G_N_ELEMENTS (people)];
  g_autofree char *described = abm_org_chart_describe_person (&people[0]);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Org chart of 0 people");
  g_assert_true (gtk_widget_get_focusable (view));

  /* The view keeps its own copies of the strings. */
  memcpy (copy, people, sizeof people);
  copy[0].name = name;
  g_assert_true (abm_org_chart_view_set_data (ABM_ORG_CHART_VIEW (view), copy, G_N_ELEMENTS (copy), NULL, 0, NULL));
  g_clear_pointer (&name, g_free);
  memset (copy, 0, sizeof copy);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Org chart of 5 people");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Use the arrow keys to move between people");
  g_assert_cmpuint (abm_org_chart_view_get_n_people (ABM_ORG_CHART_VIEW (view)), ==, 5);

  abm_org_chart_view_set_selected_id (ABM_ORG_CHART_VIEW (view), 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described);
  g_assert_true (g_str_has_prefix (described, "Ana Ruiz, Chief Financial Officer."));

  /* Someone not on the chart cannot be selected. */
  abm_org_chart_view_set_selected_id (ABM_ORG_CHART_VIEW (view), 404);
  g_assert_cmpint (abm_org_chart_view_get_selected_id (ABM_ORG_CHART_VIEW (view)), ==, 0);
  g_object_unref (view);
}

static void
test_cycle (void)
{
  GtkWidget *view = g_object_ref_sink (abm_org_chart_view_new ());
  AbmOrgPerson circle[2] = {
    { .id = 1, .manager_id = 2, .name = "Ana Ruiz" },
    { .id = 2, .manager_id = 1, .name = "Ben Ode" },
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (abm_org_chart_view_set_data (ABM_ORG_CHART_VIEW (view), people, G_N_ELEMENTS (people), NULL, 0, NULL));
  abm_org_chart_view_set_selected_id (ABM_ORG_CHART_VIEW (view), 2);
  g_assert_false (abm_org_chart_view_set_data (ABM_ORG_CHART_VIEW (view), circle, 2, NULL, 0, &error));
  g_assert_error (error, ABM_ORG_LAYOUT_ERROR, ABM_ORG_LAYOUT_ERROR_CYCLE);
  g_assert_nonnull (strstr (error->message, "Ana Ruiz and Ben Ode"));
  g_assert_cmpuint (abm_org_chart_view_get_n_people (ABM_ORG_CHART_VIEW (view)), ==, 0);
  g_assert_cmpint (abm_org_chart_view_get_selected_id (ABM_ORG_CHART_VIEW (view)), ==, 0);
  g_object_unref (view);
}

static void
test_click (Fixture      *f,
            gconstpointer data)
{
  AbmOrgChartView *view = ABM_ORG_CHART_VIEW (f->view);
  g_autofree guchar *pixels = NULL;
  double x, y;
  int width, height;

  /* Each card is drawn where the view says it is, and found there. */
  pixels = abm_test_ui_render_widget (f->view, &width, &height);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      graphene_rect_t area;

      g_assert_true (abm_org_chart_view_get_person_area (view, people[i].id, &area));
      g_assert_cmpfloat (area.origin.x, >=, 0);
      g_assert_cmpfloat (area.origin.y, >=, 0);
      g_assert_cmpfloat (area.origin.x + area.size.width, <=, width);
      g_assert_cmpfloat (area.origin.y + area.size.height, <=, height);
      g_assert_cmphex (pixel (pixels, width, area.origin.x + area.size.width / 2,
                              area.origin.y + area.size.height - 3), ==, 0xffffffff);
      card_centre (f, people[i].id, &x, &y);
      g_assert_cmpint (abm_org_chart_view_person_at (view, x, y), ==, people[i].id);
    }

  card_centre (f, 4, &x, &y);
  click (f, 1, x, y);
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 4);
  g_assert_cmpuint (f->n_selection_changes, ==, 1);
  g_assert_cmpint (f->activated, ==, 0);
  g_assert_true (gtk_widget_has_focus (f->view));

  /* The selected card looks different. */
  abm_test_ui_iterate ();
  {
    g_autofree guchar *after = abm_test_ui_render_widget (f->view, &width, &height);
    graphene_rect_t area;

    g_assert_true (abm_org_chart_view_get_person_area (view, 4, &area));
    g_assert_cmphex (pixel (after, width, x, area.origin.y + 1), !=,
                     pixel (pixels, width, x, area.origin.y + 1));
  }

  /* A double click activates; a click on the background keeps the
   * selection. */
  click (f, 2, x, y);
  g_assert_cmpint (f->activated, ==, 4);
  click (f, 1, 2, 2);
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 4);
  g_assert_cmpuint (f->n_selection_changes, ==, 1);
}

static void
test_keyboard (Fixture      *f,
               gconstpointer data)
{
  AbmOrgChartView *view = ABM_ORG_CHART_VIEW (f->view);

  /* The first arrow starts at the top. */
  g_assert_true (press_key (f, GDK_KEY_Down));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 1);
  g_assert_true (press_key (f, GDK_KEY_Down));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 2);
  g_assert_true (press_key (f, GDK_KEY_Right));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 3);
  g_assert_true (press_key (f, GDK_KEY_Left));
  g_assert_true (press_key (f, GDK_KEY_Down));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 4);
  g_assert_true (press_key (f, GDK_KEY_Right));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 5);
  /* Nothing further right: the selection stays. */
  g_assert_true (press_key (f, GDK_KEY_Right));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 5);
  g_assert_true (press_key (f, GDK_KEY_Up));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 2);

  g_assert_true (press_key (f, GDK_KEY_Return));
  g_assert_cmpint (f->activated, ==, 2);
  g_assert_true (press_key (f, GDK_KEY_Home));
  g_assert_cmpint (abm_org_chart_view_get_selected_id (view), ==, 1);

  /* Escape and other keys are left to the window. */
  g_assert_false (press_key (f, GDK_KEY_Escape));
  g_assert_false (press_key (f, GDK_KEY_a));
}

static void
test_reparent (Fixture      *f,
               gconstpointer data)
{
  double x, y;

  /* Onto another card: that person as manager. */
  card_centre (f, 3, &x, &y);
  drag (f, 5, x, y);
  g_assert_cmpuint (f->n_reparents, ==, 1);
  g_assert_cmpint (f->reparent_id, ==, 5);
  g_assert_cmpint (f->reparent_manager, ==, 3);

  /* Onto the background: no manager. */
  drag (f, 4, 3, 3);
  g_assert_cmpuint (f->n_reparents, ==, 2);
  g_assert_cmpint (f->reparent_id, ==, 4);
  g_assert_cmpint (f->reparent_manager, ==, 0);

  /* Under oneself, onto one's own manager, a root onto the background,
   * or hardly moved: nothing asked. */
  card_centre (f, 4, &x, &y);
  drag (f, 2, x, y);
  card_centre (f, 2, &x, &y);
  drag (f, 4, x, y);
  drag (f, 1, 3, 3);
  card_centre (f, 3, &x, &y);
  drag (f, 3, x + 2, y + 2);
  g_assert_cmpuint (f->n_reparents, ==, 2);

  /* The view leaves its data as it was: the owner sets it again. */
  g_assert_cmpuint (abm_org_chart_view_get_n_people (ABM_ORG_CHART_VIEW (f->view)), ==, 5);
  card_centre (f, 4, &x, &y);
  g_assert_cmpint (abm_org_chart_view_person_at (ABM_ORG_CHART_VIEW (f->view), x, y), ==, 4);
}

static void
test_zoom (Fixture      *f,
           gconstpointer data)
{
  AbmOrgChartView *view = ABM_ORG_CHART_VIEW (f->view);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view));
  double fitted = abm_org_chart_view_get_zoom (view);
  double before, x, y;

  /* The chart starts fitted to the view, never larger than 100 %. */
  g_assert_true (abm_org_chart_view_get_fit (view));
  g_assert_cmpfloat (fitted, <=, 1.0);

  g_assert_true (gtk_widget_activate_action (f->view, "org-chart.zoom-in", NULL));
  g_assert_false (abm_org_chart_view_get_fit (view));
  g_assert_cmpfloat_with_epsilon (abm_org_chart_view_get_zoom (view), fitted * 1.25, 1e-9);
  abm_org_chart_view_zoom_out (view);
  g_assert_cmpfloat_with_epsilon (abm_org_chart_view_get_zoom (view), fitted, 1e-9);

  g_assert_true (gtk_widget_activate_action (f->view, "org-chart.zoom-reset", NULL));
  g_assert_cmpfloat (abm_org_chart_view_get_zoom (view), ==, 1.0);
  abm_org_chart_view_set_zoom (view, 2.5);
  g_assert_cmpfloat (abm_org_chart_view_get_zoom (view), ==, 2.5);
  abm_test_ui_iterate ();

  /* Larger than the view: it scrolls, and dragging the background pans. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  gtk_adjustment_set_value (hadjustment, 200);
  before = gtk_adjustment_get_value (hadjustment);
  card_centre (f, 1, &x, &y);
  g_assert_cmpint (abm_org_chart_view_person_at (view, 4, 4), ==, 0);
  drag (f, 0, 64, 4);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, before - 60);

  /* Selecting scrolls the card into view. */
  abm_org_chart_view_set_selected_id (view, 5);
  {
    graphene_rect_t area;

    g_assert_true (abm_org_chart_view_get_person_area (view, 5, &area));
    g_assert_cmpfloat (area.origin.x, >=, 0);
    g_assert_cmpfloat (area.origin.x + area.size.width, <=, gtk_widget_get_width (f->view));
  }

  g_assert_true (gtk_widget_activate_action (f->view, "org-chart.zoom-fit", NULL));
  g_assert_true (abm_org_chart_view_get_fit (view));
  g_assert_cmpfloat_with_epsilon (abm_org_chart_view_get_zoom (view), fitted, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  abm_test_ui_init_widgets (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/org-chart-view/accessible", test_accessible);
  g_test_add_func ("/org-chart-view/cycle", test_cycle);
  ADD ("/org-chart-view/click", test_click);
  ADD ("/org-chart-view/keyboard", test_keyboard);
  ADD ("/org-chart-view/reparent", test_reparent);
  ADD ("/org-chart-view/zoom", test_zoom);

  return g_test_run ();
}
