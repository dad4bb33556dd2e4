/* abm-add-account-dialog.c: name and domain of a new account
 *
 * The two fields are checked as they are typed, so "Add" is only offered
 * for an account the workspace will take; everything else is filled in on
 * the account's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-message.h"
#include "abm-add-account-dialog.h"

struct _AbmAddAccountDialog
{
  AdwMessageDialog  parent_instance;

  AbmWorkspace     *workspace;
  AbmAccount       *draft;

  /* Template widgets */
  AdwEntryRow      *name_row;
  AdwEntryRow      *domain_row;
  GtkLabel         *problem_label;
};

G_DEFINE_FINAL_TYPE (AbmAddAccountDialog, abm_add_account_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ACCOUNT_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fills the draft from the fields; returns the first problem, if any. */
static char *
check (AbmAddAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *domain = gtk_editable_get_text (GTK_EDITABLE (self->domain_row));
  AbmAccount *existing;

  if (!abm_account_set_field_text (self->draft, ABM_ACCOUNT_FIELD_DOMAIN, domain, &error))
    /* Half-typed ("acme") is not worth a complaint yet. */
    return g_strdup (strchr (domain, '.') ? error->message : "");

  if (abm_account_get_domain (self->draft) != NULL
      && (existing = abm_workspace_find_account (self->workspace,
                                                 abm_account_get_domain (self->draft))) != NULL
      && g_strcmp0 (abm_account_get_domain (existing), abm_account_get_domain (self->draft)) == 0)
    return g_strdup_printf (_("%s is already the domain of “%s”"),
                            abm_account_get_domain (existing), abm_account_get_name (existing));

  if (!abm_account_set_field_text (self->draft, ABM_ACCOUNT_FIELD_NAME, name, &error))
    /* An empty name is the starting state, not a mistake to point out. */
    return g_strdup ("");

  return NULL;
}

static void
fields_changed (AbmAddAccountDialog *self)
{
  g_autofree char *problem = check (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", problem == NULL);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL && *problem != '\0');
}

static void
abm_add_account_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  AbmAddAccountDialog *self = ABM_ADD_ACCOUNT_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  /* The entries may have changed since the last check (Enter on a row). */
  if ((problem = check (self)) != NULL)
    return;

  if (!abm_workspace_add_account (self->workspace, self->draft, &error))
    {
      /* This dialog closes: the message goes over the window under it. */
      abm_message_show (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                        _("Could Not Add Account"), error->message);
      return;
    }

  g_signal_emit (self, signals[ACCOUNT_ADDED], 0, self->draft);
}

static void
entry_activated (AbmAddAccountDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "add"))
    {
      /* Only the response buttons close the dialog by themselves. */
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "add");
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
abm_add_account_dialog_dispose (GObject *object)
{
  AbmAddAccountDialog *self = ABM_ADD_ACCOUNT_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (abm_add_account_dialog_parent_class)->dispose (object);
}

static void
abm_add_account_dialog_class_init (AbmAddAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = abm_add_account_dialog_dispose;
  dialog_class->response = abm_add_account_dialog_response;

  signals[ACCOUNT_ADDED] =
    g_signal_new ("account-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ABM_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-add-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmAddAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AbmAddAccountDialog, domain_row);
  gtk_widget_class_bind_template_child (widget_class, AbmAddAccountDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);
}

static void
abm_add_account_dialog_init (AbmAddAccountDialog *self)
{
  self->draft = abm_account_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmAddAccountDialog *
abm_add_account_dialog_new (GtkWindow    *parent,
                            AbmWorkspace *workspace)
{
  AbmAddAccountDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_ADD_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  fields_changed (self);
  return self;
}
