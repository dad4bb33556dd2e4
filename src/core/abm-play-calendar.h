/* abm-play-calendar.h: plays as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-workspace.h"

G_BEGIN_DECLS

typedef enum {
  /* VTODO with DTSTART and DUE: tasks, as Evolution, Thunderbird and
   * Apple's Reminders read them. */
  ABM_CALENDAR_TODOS,
  /* All-day VEVENTs from the start to the due date, for calendars that
   * ignore tasks (Google, Outlook); undated plays are left out. */
  ABM_CALENDAR_EVENTS,
} AbmCalendarKind;

/* An RFC 5545 VCALENDAR of @plays (AbmPlay) of @workspace: each play's
 * UID is the same in every export, so importing again updates rather
 * than duplicates. @stamp is the DTSTAMP (NULL: now). */
char *abm_play_calendar_to_ics (AbmWorkspace    *workspace,
                                GPtrArray       *plays,
                                AbmCalendarKind  kind,
                                GDateTime       *stamp);

G_END_DECLS
