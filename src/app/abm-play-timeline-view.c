/* abm-play-timeline-view.c: the plays' timeline on screen
 *
 * A leaf widget: snapshot() hands a cairo context to the render code that
 * will draw the same strip into a brief, with the current style's
 * darkness and the widget's font. It asks for the height that shows every
 * play; assistive technology reads it as an image with a summary (the
 * list beside it has every play in words).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "abm-date.h"
#include "abm-play-timeline.h"
#include "abm-play-timeline-view.h"

#define MIN_WIDTH 320

struct _AbmPlayTimelineView
{
  GtkWidget  parent_instance;

  GArray    *rows;      /* AbmPlayTimelineRow */
  GPtrArray *labels;    /* what the rows' labels point to */
  guint32    today;
};

G_DEFINE_FINAL_TYPE (AbmPlayTimelineView, abm_play_timeline_view, GTK_TYPE_WIDGET)

static AbmPlayTimelineData
data_of (AbmPlayTimelineView *self)
{
  AbmPlayTimelineData data = {
    (const AbmPlayTimelineRow *) (gpointer) self->rows->data, self->rows->len, self->today, NULL, FALSE,
  };

  return data;
}

static void
abm_play_timeline_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  AbmPlayTimelineView *self = ABM_PLAY_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  AbmPlayTimelineData data = data_of (self);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  data.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  data.font_family = font ? pango_font_description_get_family (font) : NULL;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  abm_play_timeline_render (&data, cr, width, height);
  cairo_destroy (cr);
}

static void
abm_play_timeline_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  AbmPlayTimelineView *self = ABM_PLAY_TIMELINE_VIEW (widget);
  AbmPlayTimelineData data = data_of (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_WIDTH;
  else
    *minimum = *natural = (int) abm_play_timeline_get_height (&data);
}

static void
abm_play_timeline_view_finalize (GObject *object)
{
  AbmPlayTimelineView *self = ABM_PLAY_TIMELINE_VIEW (object);

  g_array_unref (self->rows);
  g_ptr_array_unref (self->labels);

  G_OBJECT_CLASS (abm_play_timeline_view_parent_class)->finalize (object);
}

static void
abm_play_timeline_view_class_init (AbmPlayTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = abm_play_timeline_view_finalize;
  widget_class->snapshot = abm_play_timeline_view_snapshot;
  widget_class->measure = abm_play_timeline_view_measure;

  gtk_widget_class_set_css_name (widget_class, "playtimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
abm_play_timeline_view_init (AbmPlayTimelineView *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (AbmPlayTimelineRow));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  abm_play_timeline_view_set_plays (self, NULL);
}

static guint32
julian_of (const char *text)
{
  GDate date;

  return text != NULL && abm_date_parse (text, &date) ? g_date_get_julian (&date) : 0;
}

void
abm_play_timeline_view_set_plays (AbmPlayTimelineView *self,
                                  GPtrArray           *plays)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *description = NULL;
  AbmPlayTimelineData data;
  GDate today;

  g_return_if_fail (ABM_IS_PLAY_TIMELINE_VIEW (self));

  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->labels, 0);
  abm_date_today (now, &today);
  self->today = g_date_get_julian (&today);
  for (guint i = 0; plays != NULL && i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      char *label = g_strdup (abm_play_get_description (play));
      AbmPlayTimelineRow row = {
        label, julian_of (abm_play_get_start (play)), julian_of (abm_play_get_due (play)),
        abm_play_get_status (play), abm_play_get_channel (play), abm_play_is_overdue (play, now),
      };

      /* The first line names the play. */
      label[strcspn (label, "\n")] = '\0';
      g_ptr_array_add (self->labels, label);
      g_array_append_val (self->rows, row);
    }
  data = data_of (self);
  description = abm_play_timeline_describe (&data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
