/* abm-json.h: guards for JSON that comes from files we did not write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean abm_json_depth_ok (const char *json,
                            gsize       len,
                            guint       max_depth);

G_END_DECLS
