/* abm-json.c: guards for JSON that comes from files we did not write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
