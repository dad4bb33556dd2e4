/* abm-play-timeline-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-play.h"

G_BEGIN_DECLS

#define ABM_TYPE_PLAY_TIMELINE_VIEW (abm_play_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlayTimelineView, abm_play_timeline_view, ABM, PLAY_TIMELINE_VIEW, GtkWidget)

/* Shows @plays (AbmPlay) in that order, as of today. */
void abm_play_timeline_view_set_plays (AbmPlayTimelineView *self,
                                       GPtrArray           *plays);

G_END_DECLS
