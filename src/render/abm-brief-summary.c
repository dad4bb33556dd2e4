/* abm-brief-summary.c: the program summary, read from the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "abm-brief-private.h"

AbmBriefDocument *
abm_brief_document_new_summary (AbmWorkspace          *workspace,
                                const AbmBriefOptions *options,
                                GError               **error)
{
  g_autofree char *title = g_strdup_printf (_("Program Summary: %s"), abm_workspace_get_name (workspace));

  return abm_brief_document_begin (workspace, options, title, title);
}
