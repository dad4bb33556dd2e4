/* abm-engagement-import.c: import activities or deals from the window
 *
 * Both exports are usually small next to an account list, so they are
 * read on the spot; the report lists each row left out, as the account
 * import does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-engagement-import.h"
#include "abm-file-chooser.h"
#include "abm-message.h"

gboolean
abm_engagement_import_file (GtkWidget                *owner,
                            AbmWorkspace             *workspace,
                            AbmEngagementImportKind   kind,
                            GFile                    *file,
                            GError                  **error)
{
  g_autoptr(AbmEngagementImporter) importer = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), FALSE);

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The file is not on this computer"));
      return FALSE;
    }
  importer = abm_engagement_importer_new (workspace, kind);
  if (!abm_engagement_importer_open_path (importer, path, error)
      || !abm_engagement_importer_prepare (importer, NULL, error)
      || !abm_engagement_importer_apply (importer, error))
    return FALSE;
  abm_message_show_import (owner, kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES ? _("Activities Imported") : _("Deals Imported"),
                           abm_engagement_importer_get_n_new (importer), abm_engagement_importer_get_n_updated (importer),
                           abm_engagement_importer_get_rejects (importer));
  return TRUE;
}

static void
chosen (GtkWidget *owner,
        GFile     *file,
        gboolean   activities)
{
  AbmWorkspace *workspace = g_object_get_data (G_OBJECT (owner), "abm-import-workspace");
  g_autoptr(GError) error = NULL;

  if (workspace != NULL
      && !abm_engagement_import_file (owner, workspace,
                                      activities ? ABM_ENGAGEMENT_IMPORT_ACTIVITIES : ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES,
                                      file, &error))
    abm_message_show (owner, activities ? _("Could Not Import the Activities") : _("Could Not Import the Deals"),
                      error->message);
}

static void
activities_chosen (GtkWidget *owner,
                   GFile     *file)
{
  chosen (owner, file, TRUE);
}

static void
deals_chosen (GtkWidget *owner,
              GFile     *file)
{
  chosen (owner, file, FALSE);
}

void
abm_engagement_import_choose (GtkWidget                *owner,
                              AbmWorkspace             *workspace,
                              AbmEngagementImportKind   kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean activities = kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES;

  g_return_if_fail (ABM_IS_WORKSPACE (workspace));

  /* The chooser answers later; the workspace it was asked for goes along. */
  g_object_set_data_full (G_OBJECT (owner), "abm-import-workspace", g_object_ref (workspace), g_object_unref);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  abm_file_chooser_show (owner, GTK_FILE_CHOOSER_ACTION_OPEN, activities ? _("Import Activities") : _("Import Deals"),
                         _("_Import"), NULL, filter, activities ? activities_chosen : deals_chosen);
}
