/* abm-play-calendar.c: plays as an iCalendar file
 *
 * So the plays land where sales and marketing look every day. Dates are
 * DATE values (all-day, floating): a play due on the 29th is due on the
 * 29th in every time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-ics.h"
#include "abm-play-calendar.h"

static const char *
subject_name (AbmWorkspace *workspace,
              AbmPlay      *play)
{
  AbmAccount *account = abm_workspace_find_account_by_id (workspace, abm_play_get_account_id (play));
  AbmCluster *cluster = abm_play_get_cluster_id (play) > 0
                        ? abm_workspace_find_cluster (workspace, abm_play_get_cluster_id (play)) : NULL;

  return account ? abm_account_get_name (account) : cluster ? abm_cluster_get_name (cluster) : "?";
}

/* The person's name, or the role, or NULL. */
static char *
target_text (AbmWorkspace *workspace,
             AbmPlay      *play)
{
  AbmStakeholder *person = abm_workspace_find_play_target (workspace, play);

  if (person != NULL)
    return g_strdup (abm_stakeholder_get_name (person));
  if (abm_play_get_target_role (play) < ABM_N_ROLES)
    return g_strdup (abm_role_label (abm_play_get_target_role (play)));
  return NULL;
}

static const char *
status_value (AbmPlay         *play,
              AbmCalendarKind  kind)
{
  static const char *const todo[ABM_PLAY_N_STATUSES] = { "NEEDS-ACTION", "IN-PROCESS", "COMPLETED", "CANCELLED" };
  static const char *const event[ABM_PLAY_N_STATUSES] = { "TENTATIVE", "CONFIRMED", "CONFIRMED", "CANCELLED" };

  return kind == ABM_CALENDAR_TODOS ? todo[abm_play_get_status (play)] : event[abm_play_get_status (play)];
}

static void
append_play (GString         *out,
             AbmWorkspace    *workspace,
             AbmPlay         *play,
             AbmCalendarKind  kind,
             const char      *uid,
             const char      *stamp)
{
  const char *description = abm_play_get_description (play);
  g_autofree char *first_line = g_strndup (description, strcspn (description, "\n"));
  g_autofree char *summary = NULL;
  g_autofree char *target = target_text (workspace, play);
  g_autofree char *play_uid = g_strdup_printf ("play-%" G_GINT64_FORMAT "-%s@abm-planner", abm_play_get_id (play), uid);
  g_autoptr(GString) details = g_string_new (description);
  GDate start, due;
  gboolean has_start = abm_date_parse (abm_play_get_start (play), &start);
  gboolean has_due = abm_date_parse (abm_play_get_due (play), &due);

  /* Translators: a calendar entry's title: the account, the channel, the play */
  summary = g_strdup_printf (_("%s: %s — %s"), subject_name (workspace, play),
                             abm_channel_label (abm_play_get_channel (play)), first_line);
  g_string_append (details, "\n\n");
  if (target != NULL)
    g_string_append_printf (details, _("For: %s\n"), target);
  g_string_append_printf (details, _("Owner: %s\n"), abm_play_owner_label (abm_play_get_owner (play)));
  g_string_append_printf (details, _("Status: %s"), abm_play_status_label (abm_play_get_status (play)));

  abm_ics_append_line (out, "BEGIN", kind == ABM_CALENDAR_TODOS ? "VTODO" : "VEVENT");
  abm_ics_append_line (out, "UID", play_uid);
  abm_ics_append_line (out, "DTSTAMP", stamp);
  if (kind == ABM_CALENDAR_TODOS)
    {
      /* DUE must come after DTSTART: a one-day play is only due. */
      if (has_start && (!has_due || g_date_compare (&start, &due) < 0))
        abm_ics_append_date (out, "DTSTART", &start);
      if (has_due)
        abm_ics_append_date (out, "DUE", &due);
    }
  else
    {
      GDate end = has_due ? due : start;

      /* DTEND of an all-day event is the day after its last. */
      g_date_add_days (&end, 1);
      abm_ics_append_date (out, "DTSTART", has_start ? &start : &due);
      abm_ics_append_date (out, "DTEND", &end);
      abm_ics_append_line (out, "TRANSP", "TRANSPARENT");
    }
  abm_ics_append_text (out, "SUMMARY", summary);
  abm_ics_append_text (out, "DESCRIPTION", details->str);
  abm_ics_append_text (out, "CATEGORIES", abm_channel_label (abm_play_get_channel (play)));
  abm_ics_append_line (out, "STATUS", status_value (play, kind));
  abm_ics_append_line (out, "END", kind == ABM_CALENDAR_TODOS ? "VTODO" : "VEVENT");
}

char *
abm_play_calendar_to_ics (AbmWorkspace    *workspace,
                          GPtrArray       *plays,
                          AbmCalendarKind  kind,
                          GDateTime       *stamp)
{
  GString *out = g_string_new (NULL);
  g_autofree char *uid = NULL;
  g_autofree char *stamp_text = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (plays != NULL, NULL);

  uid = abm_workspace_dup_uid (workspace);
  utc = stamp ? g_date_time_to_utc (stamp) : g_date_time_new_now_utc ();
  stamp_text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  abm_ics_append_line (out, "BEGIN", "VCALENDAR");
  abm_ics_append_line (out, "VERSION", "2.0");
  abm_ics_append_line (out, "PRODID", "-//ABM Planner//ABM Planner " PACKAGE_VERSION "//EN");
  abm_ics_append_line (out, "CALSCALE", "GREGORIAN");
  abm_ics_append_text (out, "X-WR-CALNAME", abm_workspace_get_name (workspace));
  for (guint i = 0; i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      GDate date;

      if (kind == ABM_CALENDAR_EVENTS && !abm_date_parse (abm_play_get_start (play), &date)
          && !abm_date_parse (abm_play_get_due (play), &date))
        continue;
      append_play (out, workspace, play, kind, uid, stamp_text);
    }
  abm_ics_append_line (out, "END", "VCALENDAR");
  return g_string_free (out, FALSE);
}
