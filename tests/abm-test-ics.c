/* abm-test-ics.c: a strict iCalendar reader for the tests
 *
 * Written from RFC 5545 sections 3.1 (content lines, folding) and 3.3.11
 * (TEXT), independently of the writer it checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "abm-test-ics.h"

void
abm_test_ics_free (AbmTestIcs *ics)
{
  if (ics == NULL)
    return;
  g_free (ics->name);
  g_ptr_array_unref (ics->properties);
  g_ptr_array_unref (ics->children);
  g_free (ics);
}

static AbmTestIcs *
component_new (const char *name)
{
  AbmTestIcs *ics = g_new0 (AbmTestIcs, 1);

  ics->name = g_strdup (name);
  ics->properties = g_ptr_array_new_with_free_func (g_free);
  ics->children = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_test_ics_free);
  return ics;
}

/* The logical lines: physical ones checked, then unfolded. */
static GPtrArray *
unfold (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*p != '\0')
    {
      const char *end = strstr (p, "\r\n");
      gsize len;

      g_assert_nonnull (end);
      len = (gsize) (end - p);
      g_assert_cmpuint (len, <=, 75);
      g_assert_true (g_utf8_validate_len (p, len, NULL));
      g_assert_null (memchr (p, '\n', len));
      g_assert_null (memchr (p, '\r', len));
      if (*p == ' ' || *p == '\t')
        {
          GString *last;

          g_assert_cmpuint (lines->len, >, 0);
          last = g_string_new (lines->pdata[lines->len - 1]);
          g_string_append_len (last, p + 1, (gssize) len - 1);
          g_free (lines->pdata[lines->len - 1]);
          lines->pdata[lines->len - 1] = g_string_free (last, FALSE);
        }
      else
        {
          g_assert_cmpuint (len, >, 0);
          g_ptr_array_add (lines, g_strndup (p, len));
        }
      p = end + 2;
    }
  return lines;
}

AbmTestIcs *
abm_test_ics_parse (const char *text)
{
  g_autoptr(GPtrArray) lines = unfold (text);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  AbmTestIcs *root = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;

      /* The name and its parameters, then the value; a quoted parameter
       * value may hold a colon, which ours never do. */
      g_assert_nonnull (colon);
      name = g_strndup (line, (gsize) (colon - line));
      for (const char *c = name; *c != '\0' && *c != ';'; c++)
        g_assert_true (g_ascii_isupper (*c) || g_ascii_isdigit (*c) || *c == '-');
      if (strcmp (name, "BEGIN") == 0)
        {
          AbmTestIcs *component = component_new (colon + 1);

          if (stack->len == 0)
            {
              g_assert_null (root);
              g_assert_cmpstr (colon + 1, ==, "VCALENDAR");
              root = component;
            }
          else
            g_ptr_array_add (((AbmTestIcs *) stack->pdata[stack->len - 1])->children, component);
          g_ptr_array_add (stack, component);
        }
      else if (strcmp (name, "END") == 0)
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (((AbmTestIcs *) stack->pdata[stack->len - 1])->name, ==, colon + 1);
          g_ptr_array_set_size (stack, stack->len - 1);
          if (stack->len == 0)
            g_assert_cmpuint (i, ==, lines->len - 1);
        }
      else
        {
          AbmTestIcs *current;

          g_assert_cmpuint (stack->len, >, 0);
          current = stack->pdata[stack->len - 1];
          g_ptr_array_add (current->properties, g_steal_pointer (&name));
          g_ptr_array_add (current->properties, g_strdup (colon + 1));
        }
    }
  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_nonnull (root);
  return root;
}

const char *
abm_test_ics_get (AbmTestIcs *ics,
                  const char *name)
{
  for (guint i = 0; i + 1 < ics->properties->len; i += 2)
    if (strcmp (ics->properties->pdata[i], name) == 0)
      return ics->properties->pdata[i + 1];
  return NULL;
}

char *
abm_test_ics_unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      g_assert_true (*p != ';' && *p != ',');
      g_assert_true ((guchar) *p >= 0x20 || *p == '\t');
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      g_assert_true (*p == '\\' || *p == ';' || *p == ',' || *p == 'n' || *p == 'N');
      g_string_append_c (out, *p == 'n' || *p == 'N' ? '\n' : *p);
    }
  return g_string_free (out, FALSE);
}
