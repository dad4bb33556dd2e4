/* abm-brief-progress-dialog.c: how far a batch of briefs is, and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-brief-progress-dialog.h"

struct _AbmBriefProgressDialog
{
  AdwMessageDialog  parent_instance;

  AbmBriefExport   *export;
  GCancellable     *cancellable;

  /* Template widgets */
  GtkProgressBar   *progress_bar;
};

G_DEFINE_FINAL_TYPE (AbmBriefProgressDialog, abm_brief_progress_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update (AbmBriefProgressDialog *self)
{
  guint n_written = abm_brief_export_get_n_written (self->export);
  guint n_accounts = abm_brief_export_get_n_accounts (self->export);
  g_autofree char *text = NULL;

  /* Translators: briefs written so far, of all: "3 of 30" */
  text = g_strdup_printf (_("%u of %u"), n_written, n_accounts);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_accounts ? (double) n_written / n_accounts : 1.0);
}

static void
abm_brief_progress_dialog_response (AdwMessageDialog *dialog,
                                    const char       *response)
{
  AbmBriefProgressDialog *self = ABM_BRIEF_PROGRESS_DIALOG (dialog);

  g_cancellable_cancel (self->cancellable);

  if (ADW_MESSAGE_DIALOG_CLASS (abm_brief_progress_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (abm_brief_progress_dialog_parent_class)->response (dialog, response);
}

static void
abm_brief_progress_dialog_dispose (GObject *object)
{
  AbmBriefProgressDialog *self = ABM_BRIEF_PROGRESS_DIALOG (object);

  if (self->export != NULL)
    g_signal_handlers_disconnect_by_data (self->export, self);
  g_clear_object (&self->export);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (abm_brief_progress_dialog_parent_class)->dispose (object);
}

static void
abm_brief_progress_dialog_class_init (AbmBriefProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_brief_progress_dialog_dispose;
  dialog_class->response = abm_brief_progress_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-brief-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmBriefProgressDialog, progress_bar);
}

static void
abm_brief_progress_dialog_init (AbmBriefProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmBriefProgressDialog *
abm_brief_progress_dialog_new (GtkWindow      *parent,
                               AbmBriefExport *export,
                               GCancellable   *cancellable)
{
  AbmBriefProgressDialog *self;
  g_autofree char *folder = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (ABM_IS_BRIEF_EXPORT (export), NULL);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  folder = g_file_get_parse_name (abm_brief_export_get_folder (export));
  /* Translators: %s is a folder */
  body = g_strdup_printf (_("Writing a PDF per account into “%s”."), folder);
  self = g_object_new (ABM_TYPE_BRIEF_PROGRESS_DIALOG, "transient-for", parent, "body", body, NULL);
  self->export = g_object_ref (export);
  self->cancellable = g_object_ref (cancellable);
  g_signal_connect_swapped (export, "notify::n-written", G_CALLBACK (update), self);
  update (self);
  return self;
}
