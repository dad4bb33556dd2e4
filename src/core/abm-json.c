/* abm-json.c: guards for JSON that comes from files we did not write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-json.h"

/* Whether @json nests arrays and objects at most @max_depth deep.
 * JsonParser recurses once per nesting level, so a deep document must be
 * refused before parsing rather than run the stack out. */
gboolean
abm_json_depth_ok (const char *json,
                   gsize       len,
                   guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char ch = json[i];

      if (in_string)
        {
          if (ch == '\\')
            i++;
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ch == '"')
        in_string = TRUE;
      else if (ch == '[' || ch == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((ch == ']' || ch == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

gboolean
abm_json_load (JsonParser  *parser,
               const char  *json,
               gssize       len,
               GError     **error)
{
  GError *local_error = NULL;

  if (json_parser_load_from_data (parser, json, len, &local_error))
    return TRUE;
  if (!g_utf8_validate (local_error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = valid;
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

static JsonNode *
value_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

gint64
abm_json_int (JsonObject *object,
              const char *member,
              gint64      fallback)
{
  JsonNode *node = value_member (object, member);

  return node && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : fallback;
}

double
abm_json_double (JsonObject *object,
                 const char *member,
                 double      fallback)
{
  JsonNode *node = value_member (object, member);

  if (node && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (node && json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return fallback;
}

gboolean
abm_json_bool (JsonObject *object,
               const char *member,
               gboolean    fallback)
{
  JsonNode *node = value_member (object, member);

  return node && json_node_get_value_type (node) == G_TYPE_BOOLEAN ? json_node_get_boolean (node) : fallback;
}

const char *
abm_json_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = value_member (object, member);

  return node && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

JsonArray *
abm_json_array (JsonObject *object,
                const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

void
abm_json_add_string (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
abm_json_parse (const char  *json,
                gsize        max_size,
                guint        max_depth,
                gboolean     array,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len = json ? strlen (json) : 0;
  JsonNode *root;

  if (json == NULL || len > max_size || !abm_json_depth_ok (json, len, max_depth))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The data is too large or too deep"));
      return NULL;
    }
  if (!abm_json_load (parser, json, (gssize) len, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || (array ? !JSON_NODE_HOLDS_ARRAY (root) : !JSON_NODE_HOLDS_OBJECT (root)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           array ? _("The data is not a JSON array") : _("The data is not a JSON object"));
      return NULL;
    }
  return json_node_copy (root);
}
