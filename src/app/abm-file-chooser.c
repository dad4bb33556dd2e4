/* abm-file-chooser.c: one file chooser per widget, through the portal
 *
 * GtkFileChooserNative goes through the document portal in a sandbox. The
 * chooser lives as data on the widget that asked for it: asking again
 * replaces it, and the widget going away closes it, so no caller keeps a
 * pointer of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-file-chooser.h"

#define CHOOSER_KEY "abm-file-chooser"

static void
destroy_chooser (gpointer data)
{
  gtk_native_dialog_destroy (data);
  g_object_unref (data);
}

static void
chooser_response (GtkNativeDialog *dialog,
                  int              response,
                  GtkWidget       *owner)
{
  AbmFileChosen done = g_object_get_data (G_OBJECT (dialog), "abm-done");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  g_object_set_data (G_OBJECT (owner), CHOOSER_KEY, NULL);
  if (file != NULL)
    done (owner, file);
}

void
abm_file_chooser_show (GtkWidget            *owner,
                       GtkFileChooserAction  action,
                       const char           *title,
                       const char           *accept,
                       const char           *suggested_name,
                       GtkFileFilter        *filter,
                       AbmFileChosen         done)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    {
      g_autofree char *name = g_strdup (suggested_name);

      /* A workspace named "Q1/Q2" must not become a folder. */
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_object_set_data (G_OBJECT (chooser), "abm-done", done);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), owner);
  g_object_set_data_full (G_OBJECT (owner), CHOOSER_KEY, chooser, destroy_chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
