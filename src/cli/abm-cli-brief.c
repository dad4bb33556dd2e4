/* abm-cli-brief.c: abmctl brief and summary, the PDFs for executives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "abm-brief.h"
#include "abm-cli.h"
#include "abm-workspace.h"

/* --paper, or the locale's paper when it is not given. */
static gboolean
parse_paper (const AbmCliCommand *command,
             const char          *key,
             AbmBriefOptions     *options,
             int                 *status)
{
  if (key == NULL)
    {
      options->paper = abm_paper_for_locale ();
      return TRUE;
    }
  if (abm_paper_from_key (key, &options->paper))
    return TRUE;
  *status = abm_cli_usage_error (command->name, _("--paper is “a4” or “letter”"));
  return FALSE;
}

static gboolean
write_account_brief (AbmWorkspace          *workspace,
                     AbmAccount            *account,
                     const AbmBriefOptions *options,
                     const char            *path,
                     GError               **error)
{
  g_autoptr(AbmBriefDocument) document = abm_brief_document_new_account (workspace, account, options, error);

  return document != NULL && abm_brief_document_write_pdf (document, path, error);
}

/* One brief per account of @tier in @dir, each path printed once written.
 * Two accounts of one name would share a file name: the second and later
 * get their domain added, so no brief overwrites another. */
static gboolean
write_tier_briefs (AbmWorkspace          *workspace,
                   guint                  tier,
                   const AbmBriefOptions *options,
                   const char            *dir,
                   GError               **error)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (abm_account_get_tier (account) != tier)
        continue;
      name = abm_brief_file_name (account);
      if (g_hash_table_contains (used, name) && abm_account_get_domain (account) != NULL)
        {
          g_autofree char *stem = g_strndup (name, strlen (name) - (g_str_has_suffix (name, ".pdf") ? 4 : 0));

          g_free (name);
          name = g_strdup_printf ("%s (%s).pdf", stem, abm_account_get_domain (account));
        }
      path = g_build_filename (dir, name, NULL);
      if (!write_account_brief (workspace, account, options, path, error))
        return FALSE;
      abm_cli_print ("%s\n", path);
      g_hash_table_add (used, g_steal_pointer (&name));
    }
  return TRUE;
}

int
abm_cli_brief_main (const AbmCliCommand  *command,
                    int                   argc,
                    char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  AbmBriefOptions options = { 0, };
  int tier = 0;
  int status;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_FILENAME, &domain, N_("The account, by domain or name"), N_("DOMAIN") },
    { "tier", 0, 0, G_OPTION_ARG_INT, &tier, N_("A brief for every account of this tier (1–3)"), N_("TIER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF to write, or with --tier the folder to write them in"), N_("PATH") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("“a4” or “letter” (default: the locale’s)"), N_("PAPER") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Writes an account's brief as a PDF an executive reads in two minutes:\n"
                                   "a first page that stands alone, then the committee, plan, plays,\n"
                                   "deals and recent activity. With --tier, one PDF per account of the tier."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if ((domain == NULL) == (tier == 0) || output == NULL)
    return abm_cli_usage_error (command->name, _("Name the account with --account or the tier with --tier, and where to write with -o"));
  if (tier < 0 || tier > 3)
    return abm_cli_usage_error (command->name, _("--tier is 1, 2 or 3"));
  if (!parse_paper (command, paper, &options, &status))
    return status;

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  if (domain != NULL)
    {
      AbmAccount *account = abm_cli_find_account (workspace, domain, &error);

      if (account == NULL || !write_account_brief (workspace, account, &options, output, &error))
        return abm_cli_fail (error);
    }
  else if (!write_tier_briefs (workspace, tier, &options, output, &error))
    return abm_cli_fail (error);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}

int
abm_cli_summary_main (const AbmCliCommand  *command,
                      int                   argc,
                      char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AbmBriefOptions options = { 0, };
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("“a4” or “letter” (default: the locale’s)"), N_("PAPER") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Writes the program summary as a PDF: tier pyramid, KPIs by tier, funnel,\n"
                                   "top, heating and cooling accounts, capacity warnings and the review agenda."),
                                entries, &argc, &argv, &file, &status))
    return status;
  if (output == NULL)
    return abm_cli_usage_error (command->name, _("Name the file to write with -o"));
  if (!parse_paper (command, paper, &options, &status))
    return status;

  workspace = abm_workspace_open (file, ABM_WORKSPACE_OPEN_READ_ONLY, &error);
  if (workspace == NULL)
    return abm_cli_fail (error);
  document = abm_brief_document_new_summary (workspace, &options, &error);
  if (document == NULL || !abm_brief_document_write_pdf (document, output, &error))
    return abm_cli_fail (error);
  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
