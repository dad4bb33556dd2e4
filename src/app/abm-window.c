/* abm-window.c: a window shows the start page or one open workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-accounts-view.h"
#include "abm-add-account-dialog.h"
#include "abm-agenda-dialog.h"
#include "abm-file-chooser.h"
#include "abm-import-dialog.h"
#include "abm-new-workspace-dialog.h"
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
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
set_workspace (AbmWindow    *self,
               AbmWorkspace *workspace)
{
  g_clear_pointer (&self->title_binding, g_binding_unbind);
  g_array_set_size (self->undo_ids, 0);

  if (self->workspace != NULL)
    {
      abm_accounts_view_set_workspace (self->accounts_view, NULL);
      abm_targets_view_set_workspace (self->targets_view, NULL);
      abm_insights_view_set_workspace (self->insights_view, NULL);
      abm_profile_view_set_workspace (self->profile_view, NULL);
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
      /* The list is what people come back for; the profile is one click away. */
      adw_view_stack_set_visible_child_name (self->view_stack, "targets");
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
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
  g_return_if_fail (ABM_IS_WINDOW (self));

  if (self->workspace == NULL)
    return;

  /* A field still being typed in is kept, not lost. */
  abm_accounts_view_commit (self->accounts_view);
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

static char *
with_extension (const char *path)
{
  if (g_str_has_suffix (path, ".abm"))
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

  set_enabled (self, "save-copy", open);
  set_enabled (self, "add-account", open);
  set_enabled (self, "import", open);
  set_enabled (self, "delete-account",
               open && abm_accounts_view_get_selected (self->accounts_view) != NULL);
  set_enabled (self, "undo", open && self->undo_ids->len > 0);
  set_enabled (self, "search", open);
  set_enabled (self, "agenda", open);
  set_enabled (self, "show-view", open);
}

static gboolean
abm_window_close_request (GtkWindow *window)
{
  AbmWindow *self = ABM_WINDOW (window);
  AbmApplication *app = get_app (self);
  int width, height;

  if (app != NULL)
    {
      GSettings *settings = abm_application_get_settings (app);

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  abm_window_close_workspace (self);

  return GTK_WINDOW_CLASS (abm_window_parent_class)->close_request (window);
}

static void
abm_window_dispose (GObject *object)
{
  AbmWindow *self = ABM_WINDOW (object);

  if (self->workspace != NULL)
    set_workspace (self, NULL);


  G_OBJECT_CLASS (abm_window_parent_class)->dispose (object);
}

static void
abm_window_finalize (GObject *object)
{
  AbmWindow *self = ABM_WINDOW (object);

  g_array_unref (self->undo_ids);

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
