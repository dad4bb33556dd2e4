/* abm-field.c: the checks every text a user types goes through
 *
 * The same for a form, the command line and a file read back, so a
 * stranger's file cannot put text in front of the user that typing could
 * not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-field.h"

gboolean
abm_field_clean (const char     *text,
                 AbmFieldFlags   flags,
                 gsize           max,
                 const char     *label,
                 GQuark          domain,
                 int             code,
                 char          **out,
                 GError        **error)
{
  g_autofree char *clean = NULL;

  *out = NULL;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, domain, code, _("%s is not valid text"), label);
      return FALSE;
    }
  clean = text ? g_strdup (text) : NULL;
  if (clean != NULL && !(flags & ABM_FIELD_MULTILINE))
    {
      g_strstrip (clean);
      g_strdelimit (clean, "\r\n\t", ' ');
    }
  if (clean != NULL && *clean == '\0')
    g_clear_pointer (&clean, g_free);
  if (clean != NULL && strlen (clean) > max)
    {
      g_set_error (error, domain, code, _("%s is longer than %u bytes"), label, (guint) max);
      return FALSE;
    }
  if ((flags & ABM_FIELD_REQUIRED) && abm_field_is_blank (clean))
    {
      g_set_error (error, domain, code, _("%s cannot be empty"), label);
      return FALSE;
    }
  *out = g_steal_pointer (&clean);
  return TRUE;
}

gboolean
abm_field_take (char **slot,
                char  *clean)
{
  if (g_strcmp0 (*slot, clean) == 0)
    {
      g_free (clean);
      return FALSE;
    }
  g_free (*slot);
  *slot = clean;
  return TRUE;
}

gboolean
abm_field_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}
