/* abm-agenda-dialog.c: the weekly sales–marketing account review
 *
 * What the review goes through: overdue steps and plays first, then the
 * next steps due this week, then the plans that are past their review
 * date or untouched. Activating an account's item emits
 * "account-activated" with the page to open ("plan" or "plays"); the
 * window opens it. A cluster's items are listed but open nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-agenda-dialog.h"
#include "abm-message.h"

struct _AbmAgendaDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *week_group;
  AdwPreferencesGroup *stale_group;
};

G_DEFINE_FINAL_TYPE (AbmAgendaDialog, abm_agenda_dialog, ADW_TYPE_WINDOW)

enum {
  ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated (AdwActionRow    *row,
               AbmAgendaDialog *self)
{
  gint64 account_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "abm-account"));
  const char *page = g_object_get_data (G_OBJECT (row), "abm-page");

  g_signal_emit (self, signals[ACCOUNT_ACTIVATED], 0, account_id, page);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
item_title (const AbmAgendaItem *item)
{
  switch (item->kind)
    {
    case ABM_AGENDA_STEP:
      return g_strdup_printf (_("Next step: %s"), item->text);
    case ABM_AGENDA_PLAY:
      return g_strdup_printf (_("Play: %s"), item->text);
    case ABM_AGENDA_STALE_PLAN:
    default:
      return g_strdup (item->staleness == ABM_PLAN_REVIEW_DUE ? _("Plan past its review date")
                                                             : _("Plan not edited for a while"));
    }
}

/* "Initech · Jana Weber · due 2026-03-02 · 3 days overdue" */
static char *
item_subtitle (const AbmAgendaItem *item)
{
  g_autoptr(GString) text = g_string_new (item->subject);

  if (item->account_id == 0)
    g_string_append_printf (text, " (%s)", _("cluster"));
  if (item->kind == ABM_AGENDA_STEP && item->owner != NULL)
    g_string_append_printf (text, " · %s", item->owner);
  if (item->kind == ABM_AGENDA_PLAY)
    g_string_append_printf (text, " · %s · %s", abm_channel_label (item->channel), abm_play_owner_label (item->team));
  if (item->kind == ABM_AGENDA_STALE_PLAN)
    {
      if (item->date != NULL)
        g_string_append_printf (text, " · %s", item->date);
      if (item->days >= 0)
        g_string_append_printf (text, " · ");
      if (item->days >= 0)
        g_string_append_printf (text, g_dngettext (NULL, "edited %d day ago", "edited %d days ago", item->days),
                                item->days);
    }
  else
    {
      g_string_append_printf (text, " · %s", item->date);
      if (item->overdue)
        {
          g_string_append (text, " · ");
          g_string_append_printf (text, g_dngettext (NULL, "%d day overdue", "%d days overdue", -item->days),
                                  -item->days);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_item (AbmAgendaDialog     *self,
          const AbmAgendaItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = item_title (item);
  g_autofree char *subtitle = item_subtitle (item);
  AdwPreferencesGroup *group = item->kind == ABM_AGENDA_STALE_PLAN ? self->stale_group
                             : item->overdue ? self->overdue_group : self->week_group;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (item->overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  if (item->account_id != 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "abm-account", GSIZE_TO_POINTER ((gsize) item->account_id));
      g_object_set_data (G_OBJECT (row), "abm-page", (gpointer) (item->kind == ABM_AGENDA_PLAY ? "plays" : "plan"));
      g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);
    }
  adw_preferences_group_add (group, row);
}

static void
abm_agenda_dialog_class_init (AbmAgendaDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-agenda-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmAgendaDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AbmAgendaDialog, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, AbmAgendaDialog, week_group);
  gtk_widget_class_bind_template_child (widget_class, AbmAgendaDialog, stale_group);
}

static void
abm_agenda_dialog_init (AbmAgendaDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmAgendaDialog *
abm_agenda_dialog_new (GtkWindow    *parent,
                       AbmWorkspace *workspace,
                       GDateTime    *now)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[3] = { 0 };
  AbmAgendaDialog *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_AGENDA_DIALOG, "transient-for", parent, NULL);
  items = abm_workspace_get_agenda (workspace, now, &error);
  if (items == NULL)
    abm_message_show (GTK_WIDGET (parent), _("Could Not Read the Agenda"), error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const AbmAgendaItem *item = items->pdata[i];

      add_item (self, item);
      counts[item->kind == ABM_AGENDA_STALE_PLAN ? 2 : item->overdue ? 0 : 1]++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_group), counts[0] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->week_group), counts[1] > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->stale_group), counts[2] > 0);
  gtk_stack_set_visible_child_name (self->stack, items != NULL && items->len > 0 ? "agenda" : "empty");
  return self;
}
