/* abm-keyed.h: enums that are stored by key and shown by label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Defines prefix_key(), prefix_label() and prefix_from_key() for an enum
 * whose values index @table, an array of { key, label } with labels
 * marked N_(). Keys are what files, JSON and the command line use; they
 * read back without regard to case. */
#define ABM_DEFINE_KEYED(prefix, type, table, n)                                   \
  const char *                                                          \
  prefix##_key (type value)                                             \
  {                                                                     \
    g_return_val_if_fail ((guint) value < n, NULL);                     \
    return table[value].key;                                            \
  }                                                                     \
  const char *                                                          \
  prefix##_label (type value)                                           \
  {                                                                     \
    g_return_val_if_fail ((guint) value < n, NULL);                     \
    return g_dgettext (GETTEXT_PACKAGE, table[value].label);            \
  }                                                                     \
  gboolean                                                              \
  prefix##_from_key (const char *key,                                   \
                     type       *value)                                 \
  {                                                                     \
    for (guint i = 0; key != NULL && i < n; i++)                        \
      if (g_ascii_strcasecmp (key, table[i].key) == 0)                  \
        {                                                               \
          *value = i;                                                   \
          return TRUE;                                                  \
        }                                                               \
    return FALSE;                                                       \
  }
