/* abm-render-text.h: numbers as the drawings show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *abm_render_text_count          (guint64     count);
char *abm_render_text_compact_amount (double      amount,
                                      const char *currency);

G_END_DECLS
