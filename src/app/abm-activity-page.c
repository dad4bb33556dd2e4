/* abm-activity-page.c: an account's engagement activities and why it scores
 *
 * The top contributors to the engagement score first, so the number
 * above explains itself; then the activities, newest first, each with
 * who and from which campaign, to delete (with Undo) or to add by hand.
 * A CSV export of activities for the whole program comes in through
 * Import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-activity-dialog.h"
#include "abm-activity-page.h"
#include "abm-engagement-import.h"
#include "abm-message.h"
#include "abm-window.h"

/* Rows beyond these are summed up in one line: a list of thousands of
 * ad impressions helps nobody. */
#define MAX_ROWS          200
#define MAX_CONTRIBUTORS  6

struct _AbmActivityPage
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  GPtrArray    *rows;        /* widgets added to the two groups */
  guint         refresh_idle;

  /* Template widgets */
  AdwPreferencesGroup *why_group;
  AdwPreferencesGroup *activity_group;
};

G_DEFINE_FINAL_TYPE (AbmActivityPage, abm_activity_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (AbmActivityPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_row (AbmActivityPage     *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
person_name (AbmActivityPage *self,
             gint64           id)
{
  AbmStakeholder *person = id > 0 ? abm_workspace_find_stakeholder (self->workspace, self->account, id) : NULL;

  return person ? g_strdup (abm_stakeholder_get_name (person)) : id > 0 ? g_strdup (_("A person no longer on the committee"))
                                                                         : NULL;
}

static char *
day_text (guint32 day)
{
  GDate date;
  char text[64];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  /* The locale's date, as the rest of the desktop writes it. */
  g_date_strftime (text, sizeof text, "%x", &date);
  return g_strdup (text);
}

static void
delete_clicked (GtkButton       *button,
                AbmActivityPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "abm-id"));
  const char *kind = g_object_get_data (G_OBJECT (button), "abm-kind");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (_("Activity “%s” deleted"), kind);
  GtkWindow *window = parent_window (self);
  gint64 undo_id = abm_workspace_delete_activity (self->workspace, id, &error);

  if (undo_id == 0)
    abm_message_show (GTK_WIDGET (self), _("Could Not Delete the Activity"), error->message);
  else if (ABM_IS_WINDOW (window))
    abm_window_offer_undo (ABM_WINDOW (window), title, undo_id);
}

static GtkWidget *
activity_row (AbmActivityPage   *self,
              const AbmActivity *activity)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = day_text (activity->day);
  g_autofree char *who = person_name (self, activity->stakeholder_id);
  g_autofree char *remove_label = NULL;
  g_autoptr(GString) subtitle = g_string_new (date);
  const char *label = abm_activity_kind_label (activity->kind);

  if (who != NULL)
    g_string_append_printf (subtitle, " · %s", who);
  if (activity->topic != NULL)
    g_string_append_printf (subtitle, " · %s", activity->topic);
  if (activity->campaign != NULL)
    g_string_append_printf (subtitle, " · %s", activity->campaign);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  remove_label = g_strdup_printf (_("Delete “%s” of %s"), label, date);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "abm-id", GSIZE_TO_POINTER ((gsize) activity->id));
  g_object_set_data (G_OBJECT (remove), "abm-kind", (gpointer) label);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static GtkWidget *
note_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill_why (AbmActivityPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmEngagementExplanation) why = abm_workspace_explain_engagement (self->workspace, self->account, &error);

  if (why == NULL)
    {
      add_row (self, self->why_group, note_row (_("Could not read the activities"), error->message));
      return;
    }
  if (why->contributors->len == 0)
    {
      add_row (self, self->why_group, note_row (_("No engagement yet"),
                                                _("Log a meeting or import activities to see the score grow.")));
      return;
    }
  for (guint i = 0; i < why->contributors->len && i < MAX_CONTRIBUTORS; i++)
    {
      AbmEngagementContributor *c = &g_array_index (why->contributors, AbmEngagementContributor, i);
      g_autofree char *who = person_name (self, c->stakeholder_id);
      g_autofree char *last = day_text (c->last_day);
      g_autofree char *title = who ? g_strdup_printf ("%s — %s", abm_activity_kind_label (c->kind), who)
                                   : g_strdup (abm_activity_kind_label (c->kind));
      /* Translators: "3 times, last on 12/11/2026" */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (NULL, "%u time, last on %s", "%u times, last on %s",
                                                                c->count), c->count, last);
      g_autofree char *points = g_strdup_printf (_("%.1f points"), c->points);
      GtkWidget *row = note_row (title, subtitle);
      GtkWidget *value = gtk_label_new (points);

      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      add_row (self, self->why_group, row);
    }
}

static gboolean
refresh (gpointer data)
{
  AbmActivityPage *self = data;
  g_autoptr(GArray) activities = NULL;
  g_autoptr(GError) error = NULL;

  self->refresh_idle = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  if (self->workspace == NULL || self->account == NULL)
    return G_SOURCE_REMOVE;

  fill_why (self);
  activities = abm_workspace_get_account_activities (self->workspace, self->account, &error);
  if (activities == NULL)
    {
      add_row (self, self->activity_group, note_row (_("Could not read the activities"), error->message));
      return G_SOURCE_REMOVE;
    }
  if (activities->len == 0)
    add_row (self, self->activity_group,
             note_row (_("No activity recorded"),
                       _("Meetings, demo requests, website visits and more: log them here or import a CSV export.")));
  for (guint i = 0; i < activities->len && i < MAX_ROWS; i++)
    add_row (self, self->activity_group, activity_row (self, &g_array_index (activities, AbmActivity, i)));
  if (activities->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("And %u older activities"), activities->len - MAX_ROWS);
      add_row (self, self->activity_group, note_row (more, NULL));
    }
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AbmActivityPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

static void
activities_changed (AbmActivityPage *self,
                    gint64           account_id)
{
  if (self->account != NULL && (account_id == 0 || account_id == abm_account_get_id (self->account)))
    queue_refresh (self);
}

void
abm_activity_page_set_account (AbmActivityPage *self,
                               AbmWorkspace    *workspace,
                               AbmAccount      *account)
{
  g_return_if_fail (ABM_IS_ACTIVITY_PAGE (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->account, account);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "activities-changed", G_CALLBACK (activities_changed), self);
      g_signal_connect_swapped (workspace, "setting-changed::engagement", G_CALLBACK (queue_refresh), self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.add",
                                 workspace != NULL && !abm_workspace_get_read_only (workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.import",
                                 workspace != NULL && !abm_workspace_get_read_only (workspace));
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmActivityPage *self = ABM_ACTIVITY_PAGE (widget);

  if (self->workspace != NULL)
    abm_engagement_import_choose (widget, self->workspace, ABM_ENGAGEMENT_IMPORT_ACTIVITIES);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AbmActivityPage *self = ABM_ACTIVITY_PAGE (widget);

  if (self->account == NULL)
    return;
  gtk_window_present (GTK_WINDOW (abm_activity_dialog_new (parent_window (self), self->workspace, self->account)));
}

static void
abm_activity_page_dispose (GObject *object)
{
  AbmActivityPage *self = ABM_ACTIVITY_PAGE (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (abm_activity_page_parent_class)->dispose (object);
}

static void
abm_activity_page_class_init (AbmActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_activity_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmActivityPage, why_group);
  gtk_widget_class_bind_template_child (widget_class, AbmActivityPage, activity_group);
  gtk_widget_class_install_action (widget_class, "activity.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "activity.import", NULL, import_activated);
}

static void
abm_activity_page_init (AbmActivityPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
