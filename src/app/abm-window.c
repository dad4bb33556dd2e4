/* abm-window.c: a window shows the start page or one open workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "abm-a11y.h"
#include "abm-message.h"
#include "abm-accounts-view.h"
#include "abm-add-account-dialog.h"
#include "abm-agenda-dialog.h"
#include "abm-brief-dialog.h"
#include "abm-brief-export.h"
#include "abm-brief-progress-dialog.h"
#include "abm-document-copy.h"
#include "abm-file-chooser.h"
#include "abm-import-dialog.h"
#include "abm-new-workspace-dialog.h"
#include "abm-print-operation.h"
#include "abm-sample.h"
#include "abm-insights-view.h"
#include "abm-profile-view.h"
#include "abm-start-page.h"
#include "abm-targets-view.h"
#include "abm-window.h"

struct _AbmWindow
{
  AdwApplicationWindow  parent_instance;

  AbmWorkspace         *workspace;
  GArray               *undo_ids;
  GBinding             *title_binding;

  /* A file from a portal folder (abm-document-copy.h): its last
   * write-back failed, and that was said; what an earlier session left
   * aside; the user chose to close with changes not written back. */
  gboolean              sync_failed;
  char                 *kept_aside;
  gboolean              close_anyway;

  /* A brief being asked about: its paper, and a batch's accounts. */
  AbmPaper              export_paper;
  gboolean              export_summary;
  GPtrArray            *export_accounts;
  /* The batch of briefs running, and its progress dialog. */
  GCancellable         *batch_cancellable;
  GtkWindow            *batch_dialog;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  AbmAccountsView      *accounts_view;
  AbmTargetsView       *targets_view;
  AbmInsightsView      *insights_view;
  AbmProfileView       *profile_view;
  AbmStartPage         *start_page;
};

G_DEFINE_FINAL_TYPE (AbmWindow, abm_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (AbmWindow *self);


AbmWorkspace *
abm_window_get_workspace (AbmWindow *self)
{
  g_return_val_if_fail (ABM_IS_WINDOW (self), NULL);
  return self->workspace;
}

const char *
abm_window_get_workspace_path (AbmWindow *self)
{
  g_return_val_if_fail (ABM_IS_WINDOW (self), NULL);
  return self->workspace ? abm_workspace_get_path (self->workspace) : NULL;
}

static AbmApplication *
get_app (AbmWindow *self)
{
  return ABM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
toast (AbmWindow  *self,
       const char *title)
{
  /* A toast's title is markup; a file named "R&D" is text. */
  g_autofree char *markup = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* ---- Files from portal folders ---------------------------------------------
 *
 * Such a file is edited in a private working copy that the workspace writes
 * back after every change (abm-document-copy.h); here the window says when
 * that failed, and what an earlier session left. */

static char *
kept_for_next_open (AbmWorkspace *workspace,
                    const GError *error)
{
  g_autofree char *shown = g_filename_display_basename (abm_workspace_get_path (workspace));

  return g_strdup_printf (_("%s.\n\nThe changes stay in ABM Planner’s own copy of the workspace. "
                            "They are written to “%s” when you open it again, or kept aside if "
                            "another program has changed it."),
                          error->message, shown);
}

static void
document_synced (AbmWindow    *self,
                 const GError *error)
{
  g_autofree char *body = NULL;

  if (error == NULL)
    {
      if (self->sync_failed)
        toast (self, _("Changes saved to the file again"));
      self->sync_failed = FALSE;
      return;
    }
  /* Said once, not after every change. */
  if (self->sync_failed)
    return;
  self->sync_failed = TRUE;
  body = g_strdup_printf (_("%s.\n\nYour changes are safe in ABM Planner’s own copy of the workspace. "
                            "Save a Copy puts them in another file."),
                          error->message);
  abm_message_show (GTK_WIDGET (self), _("Changes Not Saved to the File"), body);
}

static void
open_kept_aside (GtkWidget *owner)
{
  AbmWindow *self = ABM_WINDOW (owner);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && self->kept_aside != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent",
                                    g_variant_new_string (self->kept_aside));
}

static void
report_earlier_session (AbmWindow *self)
{
  AbmWorkspace *workspace = self->workspace;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->kept_aside, g_free);
  self->sync_failed = FALSE;
  if (abm_workspace_get_kept_aside (workspace) != NULL)
    {
      g_autofree char *shown = g_filename_display_basename (abm_workspace_get_path (workspace));
      g_autofree char *body =
        g_strdup_printf (_("The last changes of an earlier session could not be written to “%s”, "
                           "and another program has changed it since. Nothing was merged: the file "
                           "is shown as the other program left it, and the earlier changes are kept "
                           "in a workspace of their own."),
                         shown);

      self->kept_aside = g_strdup (abm_workspace_get_kept_aside (workspace));
      abm_message_ask (GTK_WIDGET (self), _("Earlier Changes Kept Aside"), body,
                       _("_Close"), _("_Open Earlier Changes"), open_kept_aside);
    }
  else if (abm_workspace_get_recovered (workspace))
    {
      /* They were written back on opening, unless that failed: then this
       * tells why. */
      if (abm_workspace_sync_document (workspace, &error))
        toast (self, _("Recovered the changes of the last session"));
      else
        {
          g_autofree char *body = kept_for_next_open (workspace, error);

          self->sync_failed = TRUE;
          abm_message_show (GTK_WIDGET (self), _("Changes Not Saved to the File"), body);
        }
    }
}

static void
set_workspace (AbmWindow    *self,
               AbmWorkspace *workspace)
{
  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_array_set_size (self->undo_ids, 0);

  if (self->workspace != NULL)
    {
      /* A batch of briefs reads the workspace between files. */
      g_cancellable_cancel (self->batch_cancellable);
      abm_accounts_view_set_workspace (self->accounts_view, NULL);
      abm_targets_view_set_workspace (self->targets_view, NULL);
      abm_insights_view_set_workspace (self->insights_view, NULL);
      abm_profile_view_set_workspace (self->profile_view, NULL);
      g_signal_handlers_disconnect_by_func (self->workspace, document_synced, self);
      abm_workspace_close (self->workspace);
      g_clear_object (&self->workspace);
    }

  if (workspace != NULL)
    {
      self->workspace = g_object_ref (workspace);
      abm_accounts_view_set_workspace (self->accounts_view, workspace);
      abm_targets_view_set_workspace (self->targets_view, workspace);
      abm_insights_view_set_workspace (self->insights_view, workspace);
      abm_profile_view_set_workspace (self->profile_view, workspace);
      self->title_binding = g_object_bind_property (workspace, "name", self, "title",
                                                    G_BINDING_SYNC_CREATE);
      adw_view_switcher_title_set_subtitle (self->switcher_title,
                                            abm_workspace_get_currency (workspace));
      abm_application_note_recent (get_app (self), abm_workspace_get_path (workspace));
      g_signal_connect_swapped (workspace, "document-synced", G_CALLBACK (document_synced), self);
      /* The list is what people come back for; the profile is one click away. */
      adw_view_stack_set_visible_child_name (self->view_stack, "targets");
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
      report_earlier_session (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("ABM Planner"));
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }

  update_actions (self);
}

/* Another window of ours that already shows @path. */
static AbmWindow *
find_window_with (AbmWindow  *self,
                  const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    {
      if (ABM_IS_WINDOW (l->data) && l->data != self
          && g_strcmp0 (abm_window_get_workspace_path (l->data), canonical) == 0)
        return l->data;
    }
  return NULL;
}

gboolean
abm_window_load_workspace (AbmWindow   *self,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(AbmWorkspace) workspace = NULL;

  g_return_val_if_fail (ABM_IS_WINDOW (self), FALSE);

  abm_window_close_workspace (self);
  workspace = abm_workspace_open (path, ABM_WORKSPACE_OPEN_DEFAULT, error);
  if (workspace == NULL)
    return FALSE;

  set_workspace (self, workspace);
  return TRUE;
}

gboolean
abm_window_create_workspace (AbmWindow   *self,
                             const char  *path,
                             const char  *name,
                             const char  *currency,
                             GError     **error)
{
  g_autoptr(AbmWorkspace) workspace = NULL;

  g_return_val_if_fail (ABM_IS_WINDOW (self), FALSE);

  abm_window_close_workspace (self);
  workspace = abm_workspace_create (path, name, currency, TRUE, error);
  if (workspace == NULL)
    return FALSE;

  set_workspace (self, workspace);
  return TRUE;
}

void
abm_window_close_workspace (AbmWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ABM_IS_WINDOW (self));

  if (self->workspace == NULL)
    return;

  /* A field still being typed in is kept, not lost. */
  abm_accounts_view_commit (self->accounts_view);
  if (!abm_workspace_sync_document (self->workspace, &error))
    {
      g_autofree char *body = kept_for_next_open (self->workspace, error);

      abm_message_show (GTK_WIDGET (self), _("Changes Not Saved to the File"), body);
    }
  set_workspace (self, NULL);
}

void
abm_window_open_workspace (AbmWindow  *self,
                           const char *path)
{
  g_autoptr(GError) error = NULL;
  AbmWindow *other;

  g_return_if_fail (ABM_IS_WINDOW (self));

  if ((other = find_window_with (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  if (!abm_window_load_workspace (self, path, &error))
    {
      if (g_error_matches (error, ABM_WORKSPACE_ERROR, ABM_WORKSPACE_ERROR_NOT_FOUND))
        abm_application_forget_recent (get_app (self), path);
      abm_message_show (GTK_WIDGET (self), _("Could Not Open Workspace"), error->message);
    }
}

/* The sample lives with the user's data, made once and then theirs to try
 * things on; deleting the file brings back a fresh one. */
void
abm_window_open_sample (AbmWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "abm-planner", NULL);
  g_autofree char *path = g_build_filename (dir, "Sample Workspace.abm", NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ABM_IS_WINDOW (self));

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(AbmWorkspace) sample = NULL;

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          abm_message_show (GTK_WIDGET (self), _("Could Not Create the Sample"), g_strerror (errno));
          return;
        }
      sample = abm_sample_create_workspace (path, 250, 1, &error);
      if (sample == NULL)
        {
          abm_message_show (GTK_WIDGET (self), _("Could Not Create the Sample"), error->message);
          return;
        }
      abm_workspace_close (sample);
    }

  abm_window_open_workspace (self, path);
}

static GtkFileFilter *
workspace_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("ABM Planner Workspaces"));
  gtk_file_filter_add_mime_type (filter, "application/x-abm-workspace");
  gtk_file_filter_add_suffix (filter, "abm");
  return filter;
}

/* Files are picked through the portal in a sandbox (see abm-file-chooser). */
static void
choose_file (AbmWindow            *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             AbmFileChosen         done)
{
  g_autoptr(GtkFileFilter) filter = workspace_filter ();

  abm_file_chooser_show (GTK_WIDGET (self), action, title, accept, suggested_name, filter, done);
}

static void
open_chosen (GtkWidget *owner,
             GFile     *file)
{
  AbmWindow *self = ABM_WINDOW (owner);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Open Workspace"),
                  _("Only files on this computer can be opened."));
      return;
    }
  abm_window_open_workspace (self, path);
}

void
abm_window_choose_workspace (AbmWindow *self)
{
  g_return_if_fail (ABM_IS_WINDOW (self));

  choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Workspace"), _("_Open"),
               NULL, open_chosen);
}

/* Not in a portal folder, which holds the one name that was chosen. */
static char *
with_extension (const char *path)
{
  if (g_str_has_suffix (path, ".abm") || abm_document_is_portal_path (path))
    return g_strdup (path);
  return g_strconcat (path, ".abm", NULL);
}

static void
create_chosen (GtkWidget *owner,
               GFile     *file)
{
  AbmWindow *self = ABM_WINDOW (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;
  const char *name = g_object_get_data (G_OBJECT (self), "abm-new-name");
  const char *currency = g_object_get_data (G_OBJECT (self), "abm-new-currency");

  if (chosen == NULL)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Create Workspace"),
                  _("Workspaces can only be created on this computer."));
      return;
    }

  path = with_extension (chosen);
  if (!abm_window_create_workspace (self, path, name, currency, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Create Workspace"), error->message);
}

static void
new_workspace_response (AbmNewWorkspaceDialog *dialog,
                        const char            *response,
                        AbmWindow             *self)
{
  g_autofree char *suggested = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;

  g_object_set_data_full (G_OBJECT (self), "abm-new-name",
                          g_strdup (abm_new_workspace_dialog_get_name (dialog)), g_free);
  g_object_set_data_full (G_OBJECT (self), "abm-new-currency",
                          g_strdup (abm_new_workspace_dialog_get_currency (dialog)), g_free);

  suggested = g_strconcat (abm_new_workspace_dialog_get_name (dialog), ".abm", NULL);
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Create Workspace"), _("C_reate"),
               suggested, create_chosen);
}

void
abm_window_new_workspace (AbmWindow *self)
{
  AbmNewWorkspaceDialog *dialog;
  GSettings *settings = abm_application_get_settings (get_app (self));
  g_autofree char *currency = g_settings_get_string (settings, "default-currency");

  g_return_if_fail (ABM_IS_WINDOW (self));

  dialog = abm_new_workspace_dialog_new (GTK_WINDOW (self), currency);
  g_signal_connect (dialog, "response", G_CALLBACK (new_workspace_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_chosen (GtkWidget *owner,
             GFile     *file)
{
  AbmWindow *self = ABM_WINDOW (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = g_file_get_path (file);
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;

  if (self->workspace == NULL || chosen == NULL)
    return;

  path = with_extension (chosen);
  if (!abm_workspace_save_copy (self->workspace, path, &error))
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Save a Copy"), error->message);
      return;
    }
  basename = g_filename_display_basename (path);
  title = g_strdup_printf (_("Saved a copy as “%s”"), basename);
  toast (self, title);
}

static void
save_copy_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AbmWindow *self = user_data;
  g_autofree char *suggested = NULL;

  if (self->workspace == NULL)
    return;

  abm_accounts_view_commit (self->accounts_view);
  /* Translators: the file name suggested for a copy of a workspace */
  suggested = g_strdup_printf (_("%s (Copy).abm"), abm_workspace_get_name (self->workspace));
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save a Copy"), _("_Save"),
               suggested, copy_chosen);
}

static void
close_workspace_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  AbmWindow *self = user_data;

  if (self->workspace == NULL)
    gtk_window_close (GTK_WINDOW (self));
  else
    abm_window_close_workspace (self);
}

static void
account_added (AbmAddAccountDialog *dialog,
               AbmAccount          *account,
               AbmWindow           *self)
{
  abm_accounts_view_select (self->accounts_view, account);
}

static void
add_account_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AbmWindow *self = user_data;
  AbmAddAccountDialog *dialog;

  if (self->workspace == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  dialog = abm_add_account_dialog_new (GTK_WINDOW (self), self->workspace);
  g_signal_connect (dialog, "account-added", G_CALLBACK (account_added), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen (GtkWidget *owner,
               GFile     *file)
{
  AbmWindow *self = ABM_WINDOW (owner);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  AbmImportDialog *dialog;

  if (self->workspace == NULL)
    return;
  if (path == NULL)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Import"), _("Only files on this computer can be imported."));
      return;
    }

  dialog = abm_import_dialog_new (GTK_WINDOW (self), self->workspace, path, &error);
  if (dialog == NULL)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Import"), error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "targets");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AbmWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->workspace == NULL)
    return;

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  abm_file_chooser_show (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Accounts"),
                         _("_Open"), NULL, filter, import_chosen);
}

/* A toast saying what was just deleted, with Undo (win.undo, Ctrl+Z). */
void
abm_window_offer_undo (AbmWindow  *self,
                       const char *title,
                       gint64      undo_id)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *deleted;

  g_return_if_fail (ABM_IS_WINDOW (self));
  g_return_if_fail (undo_id != 0);

  g_array_append_val (self->undo_ids, undo_id);
  /* The title is markup; a name with "&" in it is text. */
  deleted = adw_toast_new (markup);
  adw_toast_set_button_label (deleted, _("_Undo"));
  adw_toast_set_action_name (deleted, "win.undo");
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, deleted);
  update_actions (self);
}

static void
delete_account_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AbmWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AbmAccount *account;
  gint64 undo_id;

  if (self->workspace == NULL)
    return;
  account = abm_accounts_view_get_selected (self->accounts_view);
  if (account == NULL)
    return;

  name = g_strdup (abm_account_get_name (account));
  undo_id = abm_workspace_delete_account (self->workspace, account, &error);
  if (undo_id == 0)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Delete Account"), error->message);
      return;
    }
  title = g_strdup_printf (_("“%s” deleted"), name);
  abm_window_offer_undo (self, title, undo_id);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AbmWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 undo_id;

  if (self->workspace == NULL || self->undo_ids->len == 0)
    return;

  undo_id = g_array_index (self->undo_ids, gint64, self->undo_ids->len - 1);
  g_array_set_size (self->undo_ids, self->undo_ids->len - 1);
  if (!abm_workspace_undo (self->workspace, undo_id, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Undo"), error->message);
  update_actions (self);
}

static void
agenda_account_activated (AbmWindow  *self,
                          gint64      account_id,
                          const char *page)
{
  AbmAccount *account = self->workspace ? abm_workspace_find_account_by_id (self->workspace, account_id) : NULL;

  if (account == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  abm_accounts_view_select (self->accounts_view, account);
  abm_accounts_view_show_page (self->accounts_view, page);
}

static void
agenda_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AbmWindow *self = user_data;
  AbmAgendaDialog *dialog;

  if (self->workspace == NULL)
    return;
  /* What is typed in a plan counts in the review. */
  abm_accounts_view_commit (self->accounts_view);
  dialog = abm_agenda_dialog_new (GTK_WINDOW (self), self->workspace, NULL);
  g_signal_connect_object (dialog, "account-activated", G_CALLBACK (agenda_account_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}


/* ---- Briefs --------------------------------------------------------------- */

static AbmAccount *
selected_account (AbmWindow *self)
{
  return self->workspace ? abm_accounts_view_get_selected (self->accounts_view) : NULL;
}

static char *
display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

gboolean
abm_window_export_brief (AbmWindow  *self,
                         gboolean    summary,
                         AbmPaper    paper,
                         GFile      *file,
                         GError    **error)
{
  AbmAccount *account = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ABM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!summary && (account = selected_account (self)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No account is selected."));
      return FALSE;
    }
  if (self->workspace == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No workspace is open."));
      return FALSE;
    }
  /* What is typed in a plan is in the brief. */
  abm_accounts_view_commit (self->accounts_view);
  if (!abm_brief_export_write (self->workspace, account, paper, file, error))
    return FALSE;
  name = display_basename (file);
  /* Translators: %s is the name of the PDF file written */
  title = g_strdup_printf (_("Saved “%s”"), name);
  toast (self, title);
  return TRUE;
}

static void
brief_chosen (GtkWidget *owner,
              GFile     *file)
{
  AbmWindow *self = ABM_WINDOW (owner);
  g_autoptr(GError) error = NULL;

  if (!abm_window_export_brief (self, self->export_summary, self->export_paper, file, &error))
    abm_message_show (owner, self->export_summary ? _("Could Not Export the Program Summary")
                                                  : _("Could Not Export the Brief"),
                      error->message);
}

static void
batch_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AbmWindow) self = user_data;
  AbmBriefExport *export = ABM_BRIEF_EXPORT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  GFile *folder = abm_brief_export_get_folder (export);
  guint n_written = abm_brief_export_get_n_written (export);
  guint n_accounts = abm_brief_export_get_n_accounts (export);
  gboolean done = abm_brief_export_run_finish (export, result, &error);

  g_clear_object (&self->batch_cancellable);
  if (self->batch_dialog != NULL)
    gtk_window_destroy (self->batch_dialog);
  update_actions (self);
  /* A workspace closed meanwhile took the window's attention elsewhere. */
  if (self->workspace == NULL)
    return;

  name = display_basename (folder);
  if (done)
    /* Translators: %s is the folder the briefs were written to */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u brief to “%s”", "Wrote %u briefs to “%s”",
                                          n_written), n_written, name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: briefs written of all before Cancel; %s is their folder */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped after %u of %u brief in “%s”",
                                          "Stopped after %u of %u briefs in “%s”", n_accounts),
                             n_written, n_accounts, name);
  else
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Export the Briefs"), error->message);
      return;
    }
  toast (self, title);
}

void
abm_window_export_briefs (AbmWindow *self,
                          GPtrArray *accounts,
                          AbmPaper   paper,
                          GFile     *folder)
{
  g_autoptr(AbmBriefExport) export = NULL;

  g_return_if_fail (ABM_IS_WINDOW (self));
  g_return_if_fail (accounts != NULL);
  g_return_if_fail (G_IS_FILE (folder));

  if (self->workspace == NULL || self->batch_cancellable != NULL)
    return;

  abm_accounts_view_commit (self->accounts_view);
  self->batch_cancellable = g_cancellable_new ();
  export = abm_brief_export_new (self->workspace, accounts, folder, paper);
  g_set_weak_pointer (&self->batch_dialog,
                      GTK_WINDOW (abm_brief_progress_dialog_new (GTK_WINDOW (self), export,
                                                                 self->batch_cancellable)));
  gtk_window_present (self->batch_dialog);
  abm_brief_export_run_async (export, self->batch_cancellable, batch_done, g_object_ref (self));
  update_actions (self);
}

static void
batch_folder_chosen (GtkWidget *owner,
                     GFile     *folder)
{
  AbmWindow *self = ABM_WINDOW (owner);
  g_autoptr(GPtrArray) accounts = g_steal_pointer (&self->export_accounts);

  if (accounts != NULL)
    abm_window_export_briefs (self, accounts, self->export_paper, folder);
}

static void
brief_dialog_response (AbmBriefDialog *dialog,
                       const char     *response,
                       AbmWindow      *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *suggested = NULL;

  if (g_strcmp0 (response, "export") != 0 || self->workspace == NULL)
    {
      g_clear_pointer (&self->export_accounts, g_ptr_array_unref);
      return;
    }
  self->export_paper = abm_brief_dialog_get_paper (dialog);

  if (self->export_accounts != NULL)
    {
      abm_file_chooser_show (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                             _("Export Briefs"), _("_Export"), NULL, NULL, batch_folder_chosen);
      return;
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  if (self->export_summary)
    suggested = g_strdup (_("Program Summary.pdf"));
  else if (selected_account (self) != NULL)
    suggested = abm_brief_file_name (selected_account (self));
  else
    return;
  abm_file_chooser_show (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                         self->export_summary ? _("Export Program Summary") : _("Export Brief"),
                         _("_Export"), suggested, filter, brief_chosen);
}

/* The paper first, then the file or folder. */
static void
ask_paper (AbmWindow  *self,
           const char *heading,
           const char *body,
           const char *accept)
{
  GSettings *settings = abm_application_get_settings (get_app (self));
  AbmBriefDialog *dialog = abm_brief_dialog_new (GTK_WINDOW (self), settings, heading, body, accept);

  g_signal_connect_object (dialog, "response", G_CALLBACK (brief_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_brief_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  AbmWindow *self = user_data;
  AbmAccount *account = selected_account (self);
  g_autofree char *body = NULL;

  if (account == NULL)
    return;
  self->export_summary = FALSE;
  g_clear_pointer (&self->export_accounts, g_ptr_array_unref);
  body = g_strdup_printf (_("“%s” as a PDF an executive reads in two minutes: the account at a glance on "
                            "the first page, then its committee, plan, plays, deals and activity."),
                          abm_account_get_name (account));
  ask_paper (self, _("Export Brief"), body, _("_Choose File…"));
}

static void
export_summary_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  AbmWindow *self = user_data;

  if (self->workspace == NULL)
    return;
  self->export_summary = TRUE;
  g_clear_pointer (&self->export_accounts, g_ptr_array_unref);
  ask_paper (self, _("Export Program Summary"),
             _("The program on a few pages: tiers, KPIs, funnel, the accounts heating up and cooling "
               "down, capacity and next week’s review agenda."),
             _("_Choose File…"));
}

/* The accounts picked in the Targets view while it is shown, or else
 * every Tier 1 account. */
static void
export_tier_briefs_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  AbmWindow *self = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *body = NULL;

  if (self->workspace == NULL || self->batch_cancellable != NULL)
    return;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "targets") == 0)
    accounts = abm_targets_view_dup_selected (self->targets_view);
  if (accounts != NULL && accounts->len > 1)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A brief of the %u selected account, as a PDF, into a folder you choose.",
                                         "A brief of each of the %u selected accounts, a PDF each, into a folder you choose.",
                                         accounts->len), accounts->len);
  else
    {
      g_clear_pointer (&accounts, g_ptr_array_unref);
      accounts = abm_brief_export_tier_accounts (self->workspace, 1);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A brief of the %u Tier 1 account, as a PDF, into a folder you choose.",
                                           "A brief of each of the %u Tier 1 accounts, a PDF each, into a folder you choose.",
                                           accounts->len), accounts->len);
    }
  if (accounts->len == 0)
    {
      abm_message_show (GTK_WIDGET (self), _("No Tier 1 Accounts"),
                        _("Suggest or set tiers in the Targets view, or select the accounts to brief there."));
      return;
    }

  self->export_summary = FALSE;
  g_clear_pointer (&self->export_accounts, g_ptr_array_unref);
  self->export_accounts = g_steal_pointer (&accounts);
  ask_paper (self, _("Export Briefs"), body, _("_Choose Folder…"));
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            AbmWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  abm_message_show (GTK_WIDGET (self), _("Could Not Print the Brief"), error->message);
}

static void
print_brief_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AbmWindow *self = user_data;
  AbmAccount *account = selected_account (self);
  g_autoptr(AbmPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  AbmBriefOptions options = { 0, };
  AbmBriefDocument *document;

  if (account == NULL)
    return;
  abm_accounts_view_commit (self->accounts_view);
  options.paper = abm_brief_paper_setting (abm_application_get_settings (get_app (self)));
  document = abm_brief_document_new_account (self->workspace, account, &options, &error);
  if (document == NULL)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Print the Brief"), error->message);
      return;
    }
  operation = abm_print_operation_new (document, options.paper);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, 0);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AbmWindow *self = user_data;

  if (self->workspace == NULL)
    return;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "targets") == 0)
    abm_targets_view_focus_search (self->targets_view);
  else
    abm_accounts_view_focus_search (self->accounts_view);
}

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AbmWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->workspace != NULL && adw_view_stack_get_child_by_name (self->view_stack, name))
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static const GActionEntry win_actions[] = {
  { "save-copy", save_copy_activated },
  { "close-workspace", close_workspace_activated },
  { "add-account", add_account_activated },
  { "import", import_activated },
  { "delete-account", delete_account_activated },
  { "undo", undo_activated },
  { "agenda", agenda_activated },
  { "export-brief", export_brief_activated },
  { "export-summary", export_summary_activated },
  { "export-tier-briefs", export_tier_briefs_activated },
  { "print-brief", print_brief_activated },
  { "search", search_activated },
  { "show-view", show_view_activated, "s" },
};

static void
set_enabled (AbmWindow  *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (AbmWindow *self)
{
  gboolean open = self->workspace != NULL;
  gboolean selected = open && abm_accounts_view_get_selected (self->accounts_view) != NULL;

  set_enabled (self, "save-copy", open);
  set_enabled (self, "add-account", open);
  set_enabled (self, "import", open);
  set_enabled (self, "delete-account", selected);
  set_enabled (self, "export-brief", selected);
  set_enabled (self, "print-brief", selected);
  set_enabled (self, "export-summary", open);
  set_enabled (self, "export-tier-briefs", open && self->batch_cancellable == NULL);
  set_enabled (self, "undo", open && self->undo_ids->len > 0);
  set_enabled (self, "search", open);
  set_enabled (self, "agenda", open);
  set_enabled (self, "show-view", open);
}

static void
close_anyway (GtkWidget *owner)
{
  AbmWindow *self = ABM_WINDOW (owner);

  self->close_anyway = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
abm_window_close_request (GtkWindow *window)
{
  AbmWindow *self = ABM_WINDOW (window);
  AbmApplication *app = get_app (self);
  g_autoptr(GError) error = NULL;
  int width, height;

  if (app != NULL)
    {
      GSettings *settings = abm_application_get_settings (app);

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  /* Changes that cannot reach the file are asked about while the window
   * can still say so. */
  if (self->workspace != NULL)
    {
      abm_accounts_view_commit (self->accounts_view);
      if (!self->close_anyway && !abm_workspace_sync_document (self->workspace, &error))
        {
          g_autofree char *body = kept_for_next_open (self->workspace, error);

          abm_message_ask (GTK_WIDGET (self), _("Changes Not Saved to the File"), body,
                           _("_Keep Open"), _("_Close Anyway"), close_anyway);
          return TRUE;
        }
      set_workspace (self, NULL);
    }

  return GTK_WINDOW_CLASS (abm_window_parent_class)->close_request (window);
}

static void
abm_window_dispose (GObject *object)
{
  AbmWindow *self = ABM_WINDOW (object);

  if (self->workspace != NULL)
    set_workspace (self, NULL);
  g_clear_weak_pointer (&self->batch_dialog);


  G_OBJECT_CLASS (abm_window_parent_class)->dispose (object);
}

static void
abm_window_finalize (GObject *object)
{
  AbmWindow *self = ABM_WINDOW (object);

  g_array_unref (self->undo_ids);
  g_clear_pointer (&self->export_accounts, g_ptr_array_unref);
  g_free (self->kept_aside);

  G_OBJECT_CLASS (abm_window_parent_class)->finalize (object);
}

/* A row of the target list opens that account's page. */
static void
target_activated (AbmWindow  *self,
                  AbmAccount *account)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  abm_accounts_view_select (self->accounts_view, account);
}

/* An account from the dashboard: its activity tells why it is listed. */
static void
insight_activated (AbmWindow  *self,
                   AbmAccount *account)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
  abm_accounts_view_select (self->accounts_view, account);
  abm_accounts_view_show_page (self->accounts_view, "activity");
}

static void
selection_changed (AbmWindow *self)
{
  update_actions (self);
}

static void
abm_window_class_init (AbmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = abm_window_dispose;
  object_class->finalize = abm_window_finalize;
  window_class->close_request = abm_window_close_request;

  g_type_ensure (ABM_TYPE_ACCOUNTS_VIEW);
  g_type_ensure (ABM_TYPE_TARGETS_VIEW);
  g_type_ensure (ABM_TYPE_PROFILE_VIEW);
  g_type_ensure (ABM_TYPE_INSIGHTS_VIEW);
  g_type_ensure (ABM_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, targets_view);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, insights_view);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, profile_view);
  gtk_widget_class_bind_template_child (widget_class, AbmWindow, start_page);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, target_activated);
  gtk_widget_class_bind_template_callback (widget_class, insight_activated);
}

/* "application" is set after construction, so the settings it carries are
 * applied here rather than in constructed(). */
AbmWindow *
abm_window_new (AbmApplication *application)
{
  AbmWindow *self = g_object_new (ABM_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = abm_application_get_settings (application);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  abm_start_page_set_settings (self->start_page, settings);
  /* GTK made the shortcuts window as the window joined the application. */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    abm_a11y_name_window_parts (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self))));
  return self;
}

static void
abm_window_init (AbmWindow *self)
{
  self->undo_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  gtk_window_set_title (GTK_WINDOW (self), _("ABM Planner"));
  update_actions (self);
}
