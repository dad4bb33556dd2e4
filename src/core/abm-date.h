/* abm-date.h: calendar days as plans and plays use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are local calendar days written YYYY-MM-DD: a play due
 * "2026-03-29" is due that day wherever the user is, whatever the hour.
 * "Now" is a GDateTime in the user's time zone (NULL: the current local
 * time), so today, this week and "untouched for 90 days" follow the
 * user's calendar across daylight-saving changes. */

gboolean  abm_date_parse          (const char  *text,
                                   GDate       *date);
/* Trims; NULL or "" is no date (*out NULL). Otherwise the date must read,
 * and *out is it as YYYY-MM-DD. */
gboolean  abm_date_normalize      (const char  *text,
                                   char       **out,
                                   GError     **error);
char     *abm_date_format         (const GDate *date);
/* The day @now falls on in its own time zone. */
void      abm_date_today          (GDateTime   *now,
                                   GDate       *today);
/* Monday and Sunday of the ISO week @now falls in. */
void      abm_date_week           (GDateTime   *now,
                                   GDate       *monday,
                                   GDate       *sunday);
/* Days from today to @date: 0 today, negative when past. FALSE when
 * @date is not a date. */
gboolean  abm_date_days_until     (const char  *date,
                                   GDateTime   *now,
                                   int         *days);
/* Whole calendar days from the day @instant falls on in @now's time zone
 * to today; 0 the same day. */
int       abm_date_days_since     (GDateTime   *instant,
                                   GDateTime   *now);
/* "2026-03-29T14:05:00Z" and back; the workspace's edit times. */
char     *abm_date_time_format    (GDateTime   *instant);
GDateTime *abm_date_time_parse    (const char  *text);

G_END_DECLS
