/* abm-message.c: a message about what just went wrong, over its window
 *
 * The pages of the window are not windows themselves: the message goes
 * over the window that @owner is in (or stands alone in a test).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "abm-importer.h"
#include "abm-message.h"

void
abm_message_show (GtkWidget  *owner,
                  const char *heading,
                  const char *body)
{
  GtkRoot *root = owner ? gtk_widget_get_root (owner) : NULL;
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GtkWidget          *owner;
  AbmMessageAccepted  accepted;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  Question *question = data;

  g_object_unref (question->owner);
  g_free (question);
}

static void
question_answered (AdwMessageDialog *dialog,
                   const char       *response,
                   Question         *question)
{
  if (g_strcmp0 (response, "accept") == 0)
    question->accepted (question->owner);
}

void
abm_message_ask (GtkWidget          *owner,
                 const char         *heading,
                 const char         *body,
                 const char         *cancel_label,
                 const char         *accept_label,
                 AbmMessageAccepted  accepted)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));
  Question *question = g_new0 (Question, 1);

  question->owner = g_object_ref (owner);
  question->accepted = accepted;
  adw_message_dialog_add_responses (dialog, "cancel", cancel_label, "accept", accept_label, NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (question_answered), question, question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
abm_message_show_import (GtkWidget  *owner,
                         const char *heading,
                         guint       n_new,
                         guint       n_updated,
                         GPtrArray  *rejects)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_string_printf (body, _("%u new, %u updated."), n_new, n_updated);
  for (guint i = 0; i < rejects->len && i < 12; i++)
    {
      AbmImportReject *r = rejects->pdata[i];
      g_string_append_printf (body, _("\nLine %" PRIu64 ": %s"), r->line, r->reason);
    }
  if (rejects->len > 12)
    g_string_append_printf (body, _("\nAnd %u more."), rejects->len - 12);
  abm_message_show (owner, heading, body->str);
}
