/* abm-brief-dialog.c: the paper of a brief, asked before its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-brief-dialog.h"

struct _AbmBriefDialog
{
  AdwMessageDialog  parent_instance;

  GSettings        *settings;

  /* Template widgets */
  AdwComboRow      *paper_row;
  GtkStringList    *papers;
};

G_DEFINE_FINAL_TYPE (AbmBriefDialog, abm_brief_dialog, ADW_TYPE_MESSAGE_DIALOG)

AbmPaper
abm_brief_paper_setting (GSettings *settings)
{
  g_autofree char *key = g_settings_get_string (settings, "paper-size");
  AbmPaper paper;

  if (abm_paper_from_key (key, &paper))
    return paper;
  return abm_paper_for_locale ();
}

AbmPaper
abm_brief_dialog_get_paper (AbmBriefDialog *self)
{
  g_return_val_if_fail (ABM_IS_BRIEF_DIALOG (self), ABM_PAPER_A4);
  return (AbmPaper) adw_combo_row_get_selected (self->paper_row);
}

/* The locale's paper stays "" so that it follows the locale; only a
 * choice against it is kept. */
static void
abm_brief_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  AbmBriefDialog *self = ABM_BRIEF_DIALOG (dialog);
  AbmPaper paper = abm_brief_dialog_get_paper (self);

  if (g_strcmp0 (response, "export") == 0)
    g_settings_set_string (self->settings, "paper-size",
                           paper == abm_paper_for_locale () ? "" : abm_paper_key (paper));

  if (ADW_MESSAGE_DIALOG_CLASS (abm_brief_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (abm_brief_dialog_parent_class)->response (dialog, response);
}

static void
abm_brief_dialog_dispose (GObject *object)
{
  AbmBriefDialog *self = ABM_BRIEF_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (abm_brief_dialog_parent_class)->dispose (object);
}

static void
abm_brief_dialog_class_init (AbmBriefDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_brief_dialog_dispose;
  dialog_class->response = abm_brief_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-brief-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmBriefDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, AbmBriefDialog, papers);
}

static void
abm_brief_dialog_init (AbmBriefDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows follow AbmPaper, so a row's position is its paper. */
  for (AbmPaper paper = 0; paper < ABM_N_PAPERS; paper++)
    gtk_string_list_append (self->papers, abm_paper_label (paper));
}

AbmBriefDialog *
abm_brief_dialog_new (GtkWindow  *parent,
                      GSettings  *settings,
                      const char *heading,
                      const char *body,
                      const char *accept)
{
  AbmBriefDialog *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ABM_TYPE_BRIEF_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  self->settings = g_object_ref (settings);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "export", accept);
  adw_combo_row_set_selected (self->paper_row, abm_brief_paper_setting (settings));
  return self;
}
