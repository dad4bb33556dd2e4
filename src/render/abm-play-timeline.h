/* abm-play-timeline.h: the plays of an account by week, for the screen and the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "abm-play.h"

G_BEGIN_DECLS

typedef struct {
  const char    *label;
  guint32        start;      /* Julian days (g_date_get_julian); 0: none */
  guint32        due;        /* 0: none */
  AbmPlayStatus  status;
  AbmChannel     channel;
  gboolean       overdue;    /* open and due before today */
} AbmPlayTimelineRow;

typedef struct {
  const AbmPlayTimelineRow *rows;
  guint                     n_rows;
  guint32                   today;         /* Julian day */
  const char               *font_family;   /* NULL for "Sans" */
  gboolean                  dark;          /* colours for a dark background */
} AbmPlayTimelineData;

void      abm_play_timeline_render        (const AbmPlayTimelineData *data,
                                           cairo_t                   *cr,
                                           double                     width,
                                           double                     height);
/* The height that shows every row. */
double    abm_play_timeline_get_height    (const AbmPlayTimelineData *data);
/* Where row @index's bar (or an undated play's marker) is drawn; FALSE
 * for a play with no date. */
gboolean  abm_play_timeline_get_bar       (const AbmPlayTimelineData *data,
                                           double                     width,
                                           double                     height,
                                           guint                      index,
                                           cairo_rectangle_t         *bounds);
/* What the timeline shows, in words, for assistive technology. */
char     *abm_play_timeline_describe      (const AbmPlayTimelineData *data);
void      abm_play_timeline_channel_color (AbmChannel                 channel,
                                           gboolean                   dark,
                                           double                    *red,
                                           double                    *green,
                                           double                    *blue);

G_END_DECLS
