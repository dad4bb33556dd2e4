/* abm-text.h: small text helpers the views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *abm_text_group_digits (const char *number);
char     *abm_text_format_money (double      amount,
                                 const char *currency);
gboolean  abm_text_contains     (const char *text,
                                 const char *folded_key);
/* "14.1M EUR", "950K EUR", "2 400 EUR": amounts at a glance. */
char     *abm_text_compact_money (double     amount,
                                  const char *currency);

G_END_DECLS
