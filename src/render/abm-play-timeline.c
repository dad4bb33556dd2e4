/* abm-play-timeline.c: the plays of an account by week, for the screen and the page
 *
 * A Gantt-like strip: a row per play, its label on the left and a bar from
 * its start to its due date over a grid of weeks (Monday to Sunday) with
 * the months named above. The span covers every dated play and today,
 * and at least eight weeks. A bar takes its channel's colour; its status
 * is also its shape (planned: light fill and outline; in progress: full;
 * done: full with a tick; skipped: dashed outline), and an overdue play
 * carries a warning sign with "!" after its bar, so nothing is said by
 * colour alone. A red line marks today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "abm-play-timeline.h"

#define PADDING        4.0
#define HEADER_HEIGHT  36.0
#define ROW_HEIGHT     26.0
#define BAR_HEIGHT     14.0
#define LABEL_SHARE    0.3
#define LABEL_MAX      220.0
#define LABEL_GAP      8.0
#define MIN_WEEKS      8
#define FONT_SIZE      11.0
#define SMALL_SIZE     9.0
#define MARK_SIZE      12.0

typedef struct {
  double r, g, b;
} Rgb;

/* GNOME palette, 3 on dark and 4 on light, one a channel. */
static const Rgb channel_light[ABM_N_CHANNELS] = {
  { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0 },   /* blue */
  { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0 },   /* green */
  { 0x81 / 255.0, 0x3d / 255.0, 0x9c / 255.0 },   /* purple */
  { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0 },   /* orange */
  { 0x98 / 255.0, 0x6a / 255.0, 0x44 / 255.0 },   /* brown */
  { 0x1b / 255.0, 0x7f / 255.0, 0x8c / 255.0 },   /* teal */
  { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0 },   /* dark orange */
  { 0x61 / 255.0, 0x35 / 255.0, 0x83 / 255.0 },   /* dark purple */
  { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0 },   /* dark grey */
};
static const Rgb channel_dark[ABM_N_CHANNELS] = {
  { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0 },
  { 0x57 / 255.0, 0xe3 / 255.0, 0x89 / 255.0 },
  { 0xc0 / 255.0, 0x61 / 255.0, 0xcb / 255.0 },
  { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0 },
  { 0xcd / 255.0, 0xab / 255.0, 0x8f / 255.0 },
  { 0x33 / 255.0, 0xc7 / 255.0, 0xde / 255.0 },
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 },
  { 0xdc / 255.0, 0x8a / 255.0, 0xdd / 255.0 },
  { 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0 },
};
static const Rgb red_light = { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0 };
static const Rgb red_dark = { 0xff / 255.0, 0x7b / 255.0, 0x63 / 255.0 };

typedef struct {
  double   left, top, width, height;
  double   label_width;
  double   chart_left, chart_width;
  guint32  first;        /* a Monday */
  guint    days;         /* whole weeks */
  double   day_width;
} Layout;

void
abm_play_timeline_channel_color (AbmChannel  channel,
                                 gboolean    dark,
                                 double     *red,
                                 double     *green,
                                 double     *blue)
{
  const Rgb *c = &(dark ? channel_dark : channel_light)[channel < ABM_N_CHANNELS ? channel : 0];

  *red = c->r;
  *green = c->g;
  *blue = c->b;
}

static guint32
monday_of (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return julian - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

static void
layout_for (const AbmPlayTimelineData *data,
            double                     width,
            double                     height,
            Layout                    *l)
{
  guint32 first = data->today, last = data->today;
  guint weeks;

  for (guint i = 0; i < data->n_rows; i++)
    {
      const AbmPlayTimelineRow *row = &data->rows[i];

      if (row->start)
        first = MIN (first, row->start), last = MAX (last, row->start);
      if (row->due)
        first = MIN (first, row->due), last = MAX (last, row->due);
    }
  l->left = PADDING;
  l->top = PADDING;
  l->width = MAX (width - 2 * PADDING, 1);
  l->height = MAX (height - 2 * PADDING, 1);
  l->label_width = MIN (l->width * LABEL_SHARE, LABEL_MAX);
  l->chart_left = l->left + l->label_width + LABEL_GAP;
  l->chart_width = MAX (l->width - l->label_width - LABEL_GAP, 1);
  l->first = monday_of (first);
  weeks = MAX ((last - l->first) / 7 + 1, MIN_WEEKS);
  l->days = weeks * 7;
  l->day_width = l->chart_width / l->days;
}

double
abm_play_timeline_get_height (const AbmPlayTimelineData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return 2 * PADDING + HEADER_HEIGHT + MAX (data->n_rows, 1) * ROW_HEIGHT;
}

static double
day_x (const Layout *l,
       guint32       julian)
{
  return l->chart_left + ((double) julian - l->first) * l->day_width;
}

gboolean
abm_play_timeline_get_bar (const AbmPlayTimelineData *data,
                           double                     width,
                           double                     height,
                           guint                      index,
                           cairo_rectangle_t         *bounds)
{
  const AbmPlayTimelineRow *row;
  guint32 start, due;
  Layout l;

  g_return_val_if_fail (data != NULL && bounds != NULL, FALSE);

  if (index >= data->n_rows)
    return FALSE;
  row = &data->rows[index];
  if (row->start == 0 && row->due == 0)
    return FALSE;
  layout_for (data, width, height, &l);
  start = row->start ? row->start : row->due;
  due = row->due ? row->due : row->start;
  bounds->x = day_x (&l, start);
  bounds->width = MAX (day_x (&l, due + 1) - bounds->x, BAR_HEIGHT * 0.6);
  bounds->y = l.top + HEADER_HEIGHT + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  bounds->height = BAR_HEIGHT;
  return TRUE;
}

static PangoLayout *
text_layout (cairo_t                   *cr,
             const AbmPlayTimelineData *data,
             const char                *text,
             double                     size,
             gboolean                   bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, data->font_family ? data->font_family : "Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
set_fg (cairo_t                   *cr,
        const AbmPlayTimelineData *data,
        double                     alpha)
{
  if (data->dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0, alpha);
}

static void
draw_header (cairo_t                   *cr,
             const AbmPlayTimelineData *data,
             const Layout              *l,
             double                     bottom)
{
  int last_month = -1;

  for (guint d = 0; d < l->days; d += 7)
    {
      GDate date;
      char text[16];
      double x = day_x (l, l->first + d);
      g_autoptr(PangoLayout) day = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, l->first + d);

      /* The week's line, down through the rows. */
      set_fg (cr, data, 0.12);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x + 0.5, l->top + HEADER_HEIGHT / 2);
      cairo_line_to (cr, x + 0.5, bottom);
      cairo_stroke (cr);

      if ((int) g_date_get_month (&date) != last_month)
        {
          g_autoptr(PangoLayout) month = NULL;

          last_month = g_date_get_month (&date);
          g_date_strftime (text, sizeof text, "%b", &date);
          month = text_layout (cr, data, text, FONT_SIZE, TRUE);
          set_fg (cr, data, 0.8);
          cairo_move_to (cr, x + 2, l->top);
          pango_cairo_show_layout (cr, month);
        }
      if (l->day_width * 7 >= 18)
        {
          g_snprintf (text, sizeof text, "%u", g_date_get_day (&date));
          day = text_layout (cr, data, text, SMALL_SIZE, FALSE);
          set_fg (cr, data, 0.55);
          cairo_move_to (cr, x + 2, l->top + HEADER_HEIGHT / 2);
          pango_cairo_show_layout (cr, day);
        }
    }
}

static void
rounded_rect (cairo_t                 *cr,
              const cairo_rectangle_t *r)
{
  double radius = MIN (3.0, MIN (r->width, r->height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A warning sign with "!" in it, after an overdue bar. */
static void
draw_overdue_mark (cairo_t                   *cr,
                   const AbmPlayTimelineData *data,
                   double                     x,
                   double                     cy)
{
  const Rgb *red = data->dark ? &red_dark : &red_light;
  g_autoptr(PangoLayout) bang = text_layout (cr, data, "!", SMALL_SIZE, TRUE);
  int w, h;

  cairo_set_source_rgb (cr, red->r, red->g, red->b);
  cairo_move_to (cr, x + MARK_SIZE / 2, cy - MARK_SIZE / 2);
  cairo_line_to (cr, x + MARK_SIZE, cy + MARK_SIZE / 2);
  cairo_line_to (cr, x, cy + MARK_SIZE / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  pango_layout_get_pixel_size (bang, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + (MARK_SIZE - w) / 2, cy + MARK_SIZE / 4 - h / 2.0);
  pango_cairo_show_layout (cr, bang);
}

static void
draw_row (cairo_t                   *cr,
          const AbmPlayTimelineData *data,
          const Layout              *l,
          guint                      index,
          double                     width,
          double                     height)
{
  const AbmPlayTimelineRow *row = &data->rows[index];
  double y = l->top + HEADER_HEIGHT + index * ROW_HEIGHT;
  g_autoptr(PangoLayout) label = text_layout (cr, data, row->label ? row->label : "", FONT_SIZE, FALSE);
  cairo_rectangle_t bar;
  double r, g, b;
  int lw, lh;

  pango_layout_set_width (label, (int) (l->label_width * PANGO_SCALE));
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (label, &lw, &lh);
  set_fg (cr, data, row->status == ABM_PLAY_SKIPPED ? 0.5 : 0.85);
  cairo_move_to (cr, l->left, y + (ROW_HEIGHT - lh) / 2);
  pango_cairo_show_layout (cr, label);

  if (!abm_play_timeline_get_bar (data, width, height, index, &bar))
    return;
  abm_play_timeline_channel_color (row->channel, data->dark, &r, &g, &b);
  rounded_rect (cr, &bar);
  switch (row->status)
    {
    case ABM_PLAY_PLANNED:
      cairo_set_source_rgba (cr, r, g, b, 0.35);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case ABM_PLAY_SKIPPED:
      {
        static const double dash[] = { 3, 2 };

        cairo_set_source_rgba (cr, r, g, b, 0.7);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case ABM_PLAY_DONE:
    case ABM_PLAY_IN_PROGRESS:
    case ABM_PLAY_N_STATUSES:
    default:
      cairo_set_source_rgb (cr, r, g, b);
      cairo_fill (cr);
      break;
    }
  if (row->status == ABM_PLAY_DONE && bar.width >= BAR_HEIGHT)
    {
      /* A tick, in the bar. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, bar.x + 4, bar.y + bar.height / 2);
      cairo_line_to (cr, bar.x + 7, bar.y + bar.height - 4);
      cairo_line_to (cr, bar.x + 12, bar.y + 3);
      cairo_stroke (cr);
    }
  if (row->overdue)
    draw_overdue_mark (cr, data, MIN (bar.x + bar.width + 3, l->left + l->width - MARK_SIZE),
                       bar.y + bar.height / 2);
}

void
abm_play_timeline_render (const AbmPlayTimelineData *data,
                          cairo_t                   *cr,
                          double                     width,
                          double                     height)
{
  Layout l;
  double bottom;

  g_return_if_fail (data != NULL && cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (data->n_rows == 0)
    {
      g_autoptr(PangoLayout) empty = text_layout (cr, data, _("No plays yet"), FONT_SIZE, FALSE);
      int w, h;

      pango_layout_get_pixel_size (empty, &w, &h);
      set_fg (cr, data, 0.55);
      cairo_move_to (cr, (width - w) / 2, (height - h) / 2);
      pango_cairo_show_layout (cr, empty);
      cairo_restore (cr);
      return;
    }

  layout_for (data, width, height, &l);
  bottom = MIN (l.top + HEADER_HEIGHT + data->n_rows * ROW_HEIGHT, l.top + l.height);
  draw_header (cr, data, &l, bottom);
  for (guint i = 0; i < data->n_rows; i++)
    draw_row (cr, data, &l, i, width, height);

  if (data->today >= l.first && data->today < l.first + l.days)
    {
      const Rgb *red = data->dark ? &red_dark : &red_light;
      double x = day_x (&l, data->today) + l.day_width / 2;

      cairo_set_source_rgb (cr, red->r, red->g, red->b);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, l.top + HEADER_HEIGHT / 2);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

char *
abm_play_timeline_describe (const AbmPlayTimelineData *data)
{
  guint overdue = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->n_rows == 0)
    return g_strdup (_("Timeline: no plays yet."));
  for (guint i = 0; i < data->n_rows; i++)
    overdue += data->rows[i].overdue ? 1 : 0;
  /* Translators: the first %u is a count of plays, the second of overdue ones */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Timeline of %u play by week, %u overdue.",
                                       "Timeline of %u plays by week, %u overdue.", data->n_rows),
                          data->n_rows, overdue);
}
