/* abm-json.h: guards for JSON that comes from files we did not write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean abm_json_depth_ok (const char *json,
                            gsize       len,
                            guint       max_depth);
/* json_parser_load_from_data(), whose error message is valid UTF-8 even
 * where json-glib quotes the broken text it stopped at. */
gboolean abm_json_load     (JsonParser  *parser,
                            const char  *json,
                            gssize       len,
                            GError     **error);

/* A member of the type asked for, or the fallback: what a stranger's file
 * holds is never trusted to have the right type. */
gint64      abm_json_int     (JsonObject *object,
                              const char *member,
                              gint64      fallback);
/* Integers read as numbers too. */
double      abm_json_double  (JsonObject *object,
                              const char *member,
                              double      fallback);
gboolean    abm_json_bool    (JsonObject *object,
                              const char *member,
                              gboolean    fallback);
const char *abm_json_string  (JsonObject *object,
                              const char *member);
/* An array member, or NULL. */
JsonArray  *abm_json_array   (JsonObject *object,
                              const char *member);
/* Adds @member with @value, or null when @value is NULL. */
void        abm_json_add_string (JsonBuilder *builder,
                                 const char  *member,
                                 const char  *value);
/* Parses @json, if at most @max_size bytes and @max_depth deep, into a
 * root that must be an object (or, with @array, an array). */
JsonNode   *abm_json_parse   (const char *json,
                              gsize       max_size,
                              guint       max_depth,
                              gboolean    array,
                              GError    **error);

G_END_DECLS
