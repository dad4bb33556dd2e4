/* abm-field.h: the checks every text a user types goes through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  /* One trimmed line: line breaks and tabs become spaces. */
  ABM_FIELD_LINE      = 0,
  /* Kept exactly as typed, line breaks and all. */
  ABM_FIELD_MULTILINE = 1 << 0,
  /* Not empty, nor only white space. */
  ABM_FIELD_REQUIRED  = 1 << 1,
} AbmFieldFlags;

/* Checks @text for a field called @label (already translated): valid
 * UTF-8, at most @max bytes, present when required. *out is the clean
 * text, NULL for none. Errors are @domain's @code. */
gboolean abm_field_clean (const char     *text,
                          AbmFieldFlags   flags,
                          gsize           max,
                          const char     *label,
                          GQuark          domain,
                          int             code,
                          char          **out,
                          GError        **error);

/* Puts @clean (taken) in *@slot unless it holds the same text; says
 * whether it changed. */
gboolean abm_field_take (char **slot,
                         char  *clean);

/* Whether @text has anything but white space. */
gboolean abm_field_is_blank (const char *text);

G_END_DECLS
