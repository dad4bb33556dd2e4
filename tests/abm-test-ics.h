/* abm-test-ics.h: a strict iCalendar reader for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AbmTestIcs AbmTestIcs;

struct _AbmTestIcs {
  char      *name;         /* VCALENDAR, VTODO, … */
  GPtrArray *properties;   /* char * "NAME;PARAMS", value, … in pairs */
  GPtrArray *children;     /* AbmTestIcs */
};

/* Parses @text as RFC 5545 requires, asserting as it goes: CRLF line ends,
 * physical lines of at most 75 octets that are whole UTF-8, folding by a
 * leading space, BEGIN and END in pairs, one VCALENDAR. */
AbmTestIcs *abm_test_ics_parse     (const char  *text);
void        abm_test_ics_free      (AbmTestIcs  *ics);
/* The value of the first property @name (with its parameters, as in
 * "DUE;VALUE=DATE"), still escaped; NULL when absent. */
const char *abm_test_ics_get       (AbmTestIcs  *ics,
                                    const char  *name);
/* A TEXT value unescaped, asserting that every escape is one of \\ \; \,
 * \n \N and that no unescaped comma or semicolon is left. */
char       *abm_test_ics_unescape  (const char  *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmTestIcs, abm_test_ics_free)

G_END_DECLS
