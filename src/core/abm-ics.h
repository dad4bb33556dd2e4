/* abm-ics.h: writing iCalendar (RFC 5545) text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends "NAME:VALUE" (NAME may carry parameters, as in
 * "DUE;VALUE=DATE"), with @value already in its value type's form, folded
 * into lines of at most 75 octets that never split a UTF-8 character, and
 * ended by CRLF. */
void   abm_ics_append_line   (GString     *out,
                              const char  *name,
                              const char  *value);
/* The same for a TEXT value: backslash, semicolon, comma and line breaks
 * escaped; other control characters, which TEXT may not hold, left out. */
void   abm_ics_append_text   (GString     *out,
                              const char  *name,
                              const char  *text);
/* "NAME;VALUE=DATE:YYYYMMDD" */
void   abm_ics_append_date   (GString     *out,
                              const char  *name,
                              const GDate *date);
char  *abm_ics_escape_text   (const char  *text);

G_END_DECLS
