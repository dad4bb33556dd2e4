/* abm-activity.c: one engagement event at an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-activity.h"
#include "abm-field.h"

G_DEFINE_QUARK (abm-activity-error-quark, abm_activity_error)
G_DEFINE_BOXED_TYPE (AbmActivity, abm_activity, abm_activity_copy, abm_activity_free)

/* Aliases are squashed (lower-case letters and digits only, see squash()),
 * so "Web Visit", "web_visit" and "WEB-VISIT" all read as "webvisit". */
static const struct {
  const char *key;
  const char *label;
  double      weight;
  const char *aliases;
} kinds[ABM_N_ACTIVITY_KINDS] = {
  [ABM_ACTIVITY_AD_IMPRESSION]     = { "ad-impression", N_("Ad impression"), 0.2,
                                       "impression|impressions|adview|displayimpression" },
  [ABM_ACTIVITY_AD_CLICK]          = { "ad-click", N_("Ad click"), 2,
                                       "click|clicks|adclicked|clickthrough" },
  [ABM_ACTIVITY_WEBSITE_VISIT]     = { "website-visit", N_("Website visit"), 1,
                                       "webvisit|pageview|pageviews|visit|sitevisit|webpageview|webpagevisit" },
  [ABM_ACTIVITY_CONTENT_DOWNLOAD]  = { "content-download", N_("Content download"), 5,
                                       "download|downloaded|contentdownloaded|assetdownload|whitepaperdownload" },
  [ABM_ACTIVITY_EMAIL_OPEN]        = { "email-open", N_("Email open"), 0.5,
                                       "emailopened|open|opened|emailopens" },
  [ABM_ACTIVITY_EMAIL_REPLY]       = { "email-reply", N_("Email reply"), 8,
                                       "emailreplied|reply|replied|emailreplies" },
  [ABM_ACTIVITY_EVENT_ATTENDANCE]  = { "event-attendance", N_("Event attendance"), 10,
                                       "event|webinar|eventattended|attendedevent|webinarattended|attendedwebinar" },
  [ABM_ACTIVITY_MEETING]           = { "meeting", N_("Meeting"), 15,
                                       "meetingheld|meetingbooked|meetings" },
  [ABM_ACTIVITY_DEMO_REQUEST]      = { "demo-request", N_("Demo request"), 25,
                                       "demo|demorequested|requestdemo|requestademo" },
  [ABM_ACTIVITY_SALES_CALL]        = { "sales-call", N_("Sales call"), 10,
                                       "call|phonecall|calls|callmade" },
  [ABM_ACTIVITY_INTENT_SURGE]      = { "intent-surge", N_("Intent surge"), 6,
                                       "intent|intentsignal|surge|intenttopic" },
};

const char *
abm_activity_kind_key (AbmActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < ABM_N_ACTIVITY_KINDS, NULL);
  return kinds[kind].key;
}

const char *
abm_activity_kind_label (AbmActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < ABM_N_ACTIVITY_KINDS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

double
abm_activity_kind_default_weight (AbmActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < ABM_N_ACTIVITY_KINDS, 0);
  return kinds[kind].weight;
}

/* Keeps ASCII letters and digits, lower-cased: CRMs write the same kind
 * with spaces, underscores, hyphens or none. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

gboolean
abm_activity_kind_from_text (const char      *text,
                             AbmActivityKind *kind)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *squashed = NULL;

  if (text == NULL)
    return FALSE;
  /* The stored keys first: a workspace reads a million of them on open. */
  for (guint i = 0; i < ABM_N_ACTIVITY_KINDS; i++)
    if (strcmp (text, kinds[i].key) == 0)
      {
        *kind = i;
        return TRUE;
      }
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return FALSE;
  folded = g_utf8_casefold (trimmed, -1);
  squashed = squash (trimmed);
  for (guint i = 0; i < ABM_N_ACTIVITY_KINDS; i++)
    {
      g_autofree char *key = squash (kinds[i].key);
      g_autofree char *label = g_utf8_casefold (g_dgettext (GETTEXT_PACKAGE, kinds[i].label), -1);
      g_auto(GStrv) aliases = g_strsplit (kinds[i].aliases, "|", -1);

      /* The translated label may hold letters squash() drops. */
      if (g_str_equal (folded, label)
          || (*squashed != '\0' && (g_str_equal (squashed, key)
                                    || g_strv_contains ((const char *const *) aliases, squashed))))
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
abm_activity_set_text (AbmActivity  *activity,
                       const char   *topic,
                       const char   *campaign,
                       GError      **error)
{
  g_autofree char *clean_topic = NULL;
  g_autofree char *clean_campaign = NULL;

  g_return_val_if_fail (activity != NULL, FALSE);

  if (!abm_field_clean (topic, ABM_FIELD_LINE, ABM_ACTIVITY_MAX_TEXT, _("The topic"),
                        ABM_ACTIVITY_ERROR, ABM_ACTIVITY_ERROR_INVALID, &clean_topic, error)
      || !abm_field_clean (campaign, ABM_FIELD_LINE, ABM_ACTIVITY_MAX_TEXT, _("The campaign"),
                           ABM_ACTIVITY_ERROR, ABM_ACTIVITY_ERROR_INVALID, &clean_campaign, error))
    return FALSE;
  g_free (activity->topic);
  activity->topic = g_steal_pointer (&clean_topic);
  g_free (activity->campaign);
  activity->campaign = g_steal_pointer (&clean_campaign);
  return TRUE;
}

void
abm_activity_clear (AbmActivity *activity)
{
  g_clear_pointer (&activity->topic, g_free);
  g_clear_pointer (&activity->campaign, g_free);
}

AbmActivity *
abm_activity_copy (const AbmActivity *activity)
{
  AbmActivity *copy;

  g_return_val_if_fail (activity != NULL, NULL);

  copy = g_memdup2 (activity, sizeof *activity);
  copy->topic = g_strdup (activity->topic);
  copy->campaign = g_strdup (activity->campaign);
  return copy;
}

void
abm_activity_free (AbmActivity *activity)
{
  if (activity == NULL)
    return;
  abm_activity_clear (activity);
  g_free (activity);
}
