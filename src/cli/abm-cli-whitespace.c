/* abm-cli-whitespace.c: `abmctl plan` edits of the whitespace map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-workspace-plans.h"

static int
find_axis (AbmWhitespace      *map,
           AbmWhitespaceAxis   axis,
           const char         *name,
           GError            **error)
{
  int index = abm_whitespace_find (map, axis, name);

  if (index < 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 axis == ABM_WHITESPACE_DIVISIONS
                 ? _("The map has no division “%s”: add it with --add-division")
                 : _("The map has no offering “%s”: add it with --add-offering"), name);
  return index;
}

/* "DIVISION|OFFERING=STATUS[:COMPETITOR][:AMOUNT]" */
static gboolean
set_cell (AbmWhitespace  *map,
          const char     *assignment,
          GError        **error)
{
  const char *eq = strrchr (assignment, '=');
  g_autofree char *where = eq ? g_strndup (assignment, eq - assignment) : NULL;
  g_auto(GStrv) what = eq ? g_strsplit (eq + 1, ":", 3) : NULL;
  char *bar = where ? strchr (where, '|') : NULL;
  AbmWhitespaceStatus status;
  const char *competitor = NULL, *amount_text = NULL;
  double amount = 0;
  int division, offering;
  char *end = NULL;

  if (bar == NULL || what == NULL || !abm_whitespace_status_from_key (what[0], &status))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--set-cell takes DIVISION|OFFERING=STATUS[:COMPETITOR][:AMOUNT] with a status of "
                     "customer, opportunity, whitespace or competitor, not “%s”"), assignment);
      return FALSE;
    }
  *bar = '\0';
  if (status == ABM_WHITESPACE_COMPETITOR)
    {
      competitor = what[1];
      amount_text = competitor ? what[2] : NULL;
    }
  else if (what[1] != NULL)
    {
      if (what[2] != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Only a competitor’s cell takes a name: “%s”"), assignment);
          return FALSE;
        }
      amount_text = what[1];
    }
  if (amount_text != NULL && *amount_text != '\0')
    {
      amount = g_ascii_strtod (amount_text, &end);
      if (end == amount_text || *end != '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not an amount"), amount_text);
          return FALSE;
        }
    }
  if ((division = find_axis (map, ABM_WHITESPACE_DIVISIONS, g_strstrip (where), error)) < 0
      || (offering = find_axis (map, ABM_WHITESPACE_OFFERINGS, g_strstrip (bar + 1), error)) < 0)
    return FALSE;
  return abm_whitespace_set_cell (map, (guint) division, (guint) offering, status, competitor, amount, error);
}

gboolean
abm_cli_edit_whitespace (AbmWorkspace       *workspace,
                         AbmPlan            *plan,
                         const char *const  *divisions,
                         const char *const  *offerings,
                         const char *const  *cells,
                         GError            **error)
{
  g_autoptr(AbmWhitespace) map = abm_whitespace_copy (abm_plan_get_whitespace (plan));

  for (guint i = 0; divisions && divisions[i]; i++)
    if (abm_whitespace_find (map, ABM_WHITESPACE_DIVISIONS, divisions[i]) < 0
        && abm_whitespace_add (map, ABM_WHITESPACE_DIVISIONS, divisions[i], error) < 0)
      return FALSE;
  for (guint i = 0; offerings && offerings[i]; i++)
    {
      if (abm_whitespace_find (map, ABM_WHITESPACE_OFFERINGS, offerings[i]) < 0
          && abm_whitespace_add (map, ABM_WHITESPACE_OFFERINGS, offerings[i], error) < 0)
        return FALSE;
      if (!abm_workspace_add_offering (workspace, offerings[i], error))
        return FALSE;
    }
  for (guint i = 0; cells && cells[i]; i++)
    if (!set_cell (map, cells[i], error))
      return FALSE;
  return abm_workspace_set_plan_whitespace (workspace, plan, map, error);
}
