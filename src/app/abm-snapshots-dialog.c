/* abm-snapshots-dialog.c: the quarterly refresh of the tiered list
 *
 * Take a snapshot of the tiered list under a name, list and delete the
 * snapshots, and compare one with a later one or with the list as it is
 * now: the accounts that entered, left or changed tier. Snapshots and
 * drop-downs are newest first, and the comparison starts from the newest
 * snapshot to now, which is what a quarterly review asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-field-error.h"
#include "abm-snapshots-dialog.h"

/* Beyond this many rows a group counts the rest: a big list re-tiered
 * changes thousands of accounts, and the title has the full count. */
#define MAX_CHANGE_ROWS 200

struct _AbmSnapshotsDialog
{
  AdwWindow            parent_instance;

  AbmWorkspace        *workspace;
  GPtrArray           *snapshots;     /* AbmSnapshot, oldest first as listed */
  gboolean             loading;       /* the drop-downs are being filled */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error_label;
  GtkListBox          *snapshots_list;
  AdwPreferencesGroup *compare_group;
  AdwComboRow         *from_row;
  AdwComboRow         *to_row;
  GtkLabel            *no_change_label;
  AdwPreferencesGroup *entered_group;
  GtkListBox          *entered_list;
  AdwPreferencesGroup *left_group;
  GtkListBox          *left_list;
  AdwPreferencesGroup *changed_group;
  GtkListBox          *changed_list;
};

G_DEFINE_FINAL_TYPE (AbmSnapshotsDialog, abm_snapshots_dialog, ADW_TYPE_WINDOW)

static void
show_toast (AbmSnapshotsDialog *self,
            const char         *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Q4 2026 review", for the quarter of today. */
static char *
default_name (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Translators: the name a snapshot is offered, "Q4 2026 review"; the quarter, then the year */
  return g_strdup_printf (_("Q%d %d review"),
                          (g_date_time_get_month (now) - 1) / 3 + 1, g_date_time_get_year (now));
}

/* The day a snapshot was taken, in the locale's format and the local
 * time zone (it is stored in UTC). */
static char *
format_date (const char *created)
{
  g_autoptr(GDateTime) utc = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (created ? created : "");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x");
}

/* The snapshot the n-th item of a newest-first list shows. */
static AbmSnapshot *
newest_first (AbmSnapshotsDialog *self,
              guint               position)
{
  if (self->snapshots == NULL || position >= self->snapshots->len)
    return NULL;
  return self->snapshots->pdata[self->snapshots->len - 1 - position];
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static char *
tier_text (guint tier)
{
  if (tier == 0)
    return g_strdup (_("Not tiered"));
  return g_strdup_printf (_("Tier %u"), tier);
}

static GtkWidget *
create_change_row (AbmTierChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *old_tier = tier_text (change->old_tier);
  g_autofree char *new_tier = tier_text (change->new_tier);
  g_autofree char *subtitle = NULL;

  if (change->domain != NULL && *change->domain != '\0')
    /* Translators: an account's name and domain, "Acme — acme.com" */
    title = g_strdup_printf (_("%s — %s"), change->name ? change->name : "", change->domain);
  else
    title = g_strdup (change->name ? change->name : "");
  /* Translators: an account's tier before and after, "Tier 3 → Tier 2" */
  subtitle = g_strdup_printf (_("%s → %s"), old_tier, new_tier);

  /* Names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* One of Entered, Left and Changed Tier, titled with its count and
 * hidden when empty. */
static void
fill_group (AdwPreferencesGroup *group,
            GtkListBox          *list,
            GPtrArray           *changes,
            const char          *title)
{
  clear_list (list);
  adw_preferences_group_set_title (group, title);
  gtk_widget_set_visible (GTK_WIDGET (group), changes->len > 0);
  for (guint i = 0; i < changes->len && i < MAX_CHANGE_ROWS; i++)
    gtk_list_box_append (list, create_change_row (changes->pdata[i]));
  if (changes->len > MAX_CHANGE_ROWS)
    {
      guint more = changes->len - MAX_CHANGE_ROWS;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more account",
                                                            "And %u more accounts", more), more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}

static void
show_changes (AbmSnapshotsDialog *self,
              GPtrArray          *changes)
{
  g_autoptr(GPtrArray) entered = g_ptr_array_new ();
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *entered_title = NULL;
  g_autofree char *left_title = NULL;
  g_autofree char *changed_title = NULL;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      AbmTierChange *change = changes->pdata[i];

      if (change->old_tier == 0)
        g_ptr_array_add (entered, change);
      else if (change->new_tier == 0)
        g_ptr_array_add (left, change);
      else
        g_ptr_array_add (changed, change);
    }

  /* Translators: a group of accounts that entered the tiered list, with their count */
  entered_title = g_strdup_printf (_("Entered (%u)"), entered->len);
  /* Translators: a group of accounts that left the tiered list, with their count */
  left_title = g_strdup_printf (_("Left (%u)"), left->len);
  /* Translators: a group of accounts that moved to another tier, with their count */
  changed_title = g_strdup_printf (_("Changed Tier (%u)"), changed->len);
  fill_group (self->entered_group, self->entered_list, entered, entered_title);
  fill_group (self->left_group, self->left_list, left, left_title);
  fill_group (self->changed_group, self->changed_list, changed, changed_title);
  gtk_widget_set_visible (GTK_WIDGET (self->no_change_label), changes != NULL && changes->len == 0);
}

static void
compare (AbmSnapshotsDialog *self)
{
  AbmSnapshot *from = newest_first (self, adw_combo_row_get_selected (self->from_row));
  guint to_position = adw_combo_row_get_selected (self->to_row);
  AbmSnapshot *to = to_position > 0 ? newest_first (self, to_position - 1) : NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (from == NULL)
    {
      show_changes (self, NULL);
      return;
    }
  changes = abm_workspace_compare_snapshots (self->workspace, from->id, to ? to->id : 0, &error);
  if (changes == NULL)
    show_toast (self, error->message);
  show_changes (self, changes);
}

static void
compare_changed (AbmSnapshotsDialog *self)
{
  if (!self->loading)
    compare (self);
}

static GtkWidget *
create_snapshot_row (AbmSnapshot *snapshot)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = format_date (snapshot->created);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: when a snapshot was taken, and how many accounts it holds */
                                           "%s · %u tiered account", "%s · %u tiered accounts",
                                           snapshot->n_accounts),
                              date, snapshot->n_accounts);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), snapshot->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Snapshot"));
  /* Translators: the accessible name of a snapshot's delete button */
  label = g_strdup_printf (_("Delete Snapshot “%s”"), snapshot->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "snapshots.delete");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (snapshot->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static guint
position_of (AbmSnapshotsDialog *self,
             gint64              id)
{
  for (guint i = 0; self->snapshots != NULL && i < self->snapshots->len; i++)
    if (newest_first (self, i)->id == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Reads the snapshots again; the drop-downs keep what they showed while
 * it is still there. */
static void
reload (AbmSnapshotsDialog *self)
{
  AbmSnapshot *from = self->snapshots ? newest_first (self, adw_combo_row_get_selected (self->from_row)) : NULL;
  guint to_position = adw_combo_row_get_selected (self->to_row);
  AbmSnapshot *to = self->snapshots && to_position > 0 ? newest_first (self, to_position - 1) : NULL;
  gint64 from_id = from ? from->id : 0;
  gint64 to_id = to ? to->id : 0;
  g_autoptr(GtkStringList) from_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) to_model = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *snapshots;
  guint position;

  snapshots = abm_workspace_list_snapshots (self->workspace, &error);
  if (snapshots == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  self->snapshots = snapshots;

  clear_list (self->snapshots_list);
  gtk_string_list_append (to_model, _("Now"));
  for (guint i = 0; i < snapshots->len; i++)
    {
      AbmSnapshot *snapshot = newest_first (self, i);
      g_autofree char *date = format_date (snapshot->created);
      /* Translators: a snapshot in a drop-down, its name and date, "Q3 2026 review (30/09/2026)" */
      g_autofree char *item = g_strdup_printf (_("%s (%s)"), snapshot->name, date);

      gtk_list_box_append (self->snapshots_list, create_snapshot_row (snapshot));
      gtk_string_list_append (from_model, item);
      gtk_string_list_append (to_model, item);
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (from_model));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (to_model));
  position = position_of (self, from_id);
  adw_combo_row_set_selected (self->from_row, position != GTK_INVALID_LIST_POSITION ? position : 0);
  position = to_id != 0 ? position_of (self, to_id) : GTK_INVALID_LIST_POSITION;
  adw_combo_row_set_selected (self->to_row, position != GTK_INVALID_LIST_POSITION ? position + 1 : 0);
  self->loading = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->compare_group), snapshots->len > 0);
  compare (self);
}

static void
take_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AbmSnapshotsDialog *self = ABM_SNAPSHOTS_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *text = NULL;
  g_autofree char *next_name = NULL;
  g_autoptr(GError) error = NULL;
  guint position;
  gint64 id;

  if (*name == '\0')
    {
      abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label,
                            _("Name the snapshot to take it, such as the quarter it reviews"));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  id = abm_workspace_take_snapshot (self->workspace, name, &error);
  if (id == 0)
    {
      abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label, error->message);
      return;
    }
  abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label, NULL);
  next_name = default_name ();
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), next_name);

  reload (self);
  position = position_of (self, id);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      guint n = newest_first (self, position)->n_accounts;

      /* Translators: a toast after taking a snapshot, with its name and size */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” taken: %u tiered account",
                                           "“%s” taken: %u tiered accounts", n),
                              name, n);
      show_toast (self, text);
    }
}

static void
name_activated (AbmSnapshotsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "snapshots.take", NULL);
}

static void
name_changed (AbmSnapshotsDialog *self)
{
  abm_field_error_show (GTK_WIDGET (self->name_row), self->name_error_label, NULL);
}

static void
delete_confirmed (AbmSnapshotsDialog *self,
                  const char         *response,
                  AdwMessageDialog   *dialog)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "abm-snapshot-id");
  g_autoptr(GError) error = NULL;

  if (!abm_workspace_delete_snapshot (self->workspace, *id, &error))
    show_toast (self, error->message);
  reload (self);
}

/* A snapshot cannot come back once deleted: ask first. */
static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmSnapshotsDialog *self = ABM_SNAPSHOTS_DIALOG (widget);
  gint64 id = g_variant_get_int64 (parameter);
  guint position = position_of (self, id);
  AdwMessageDialog *dialog;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete Snapshot?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” and the tiered list it kept will be gone, and it can no longer be compared."),
                                  newest_first (self, position)->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "abm-snapshot-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response::delete", G_CALLBACK (delete_confirmed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
abm_snapshots_dialog_dispose (GObject *object)
{
  AbmSnapshotsDialog *self = ABM_SNAPSHOTS_DIALOG (object);

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (abm_snapshots_dialog_parent_class)->dispose (object);
}

static void
abm_snapshots_dialog_class_init (AbmSnapshotsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_snapshots_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "snapshots.take", NULL, take_activated);
  gtk_widget_class_install_action (widget_class, "snapshots.delete", "x", delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-snapshots-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, snapshots_list);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, compare_group);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, no_change_label);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, entered_group);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, entered_list);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, left_group);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, left_list);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, changed_group);
  gtk_widget_class_bind_template_child (widget_class, AbmSnapshotsDialog, changed_list);
  gtk_widget_class_bind_template_callback (widget_class, name_activated);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, compare_changed);
}

static void
abm_snapshots_dialog_init (AbmSnapshotsDialog *self)
{
  g_autofree char *name = default_name ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

AbmSnapshotsDialog *
abm_snapshots_dialog_new (GtkWindow    *parent,
                          AbmWorkspace *workspace)
{
  AbmSnapshotsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_SNAPSHOTS_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  reload (self);
  return self;
}
