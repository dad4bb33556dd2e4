/* abm-stakeholder-dialog.c: add or edit one person of a buying committee
 *
 * Unlike the rest of the app, this is a form with Cancel and Add or Save:
 * a person is many fields that only make sense together, and a new one
 * has no place to be stored before it has a name. Each typed field is
 * checked by the core's setter on a draft, and a refused value stays in
 * its field with the reason under the group. Add or Save stores the
 * person in one call, then the links the user added or removed; what the
 * workspace refuses (a reporting loop) is shown at the top, and nothing
 * of it is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-field-error.h"
#include "abm-stakeholder-dialog.h"

/* The typed fields: the person's text, then the last contact date. */
enum {
  FIELD_LAST_CONTACT = ABM_STAKEHOLDER_N_TEXT_FIELDS,
  N_FIELDS
};

/* As the form shows them, so the first refused one gets the focus. */
static const guint field_order[N_FIELDS] = {
  ABM_STAKEHOLDER_FIELD_NAME, ABM_STAKEHOLDER_FIELD_TITLE, ABM_STAKEHOLDER_FIELD_DEPARTMENT,
  ABM_STAKEHOLDER_FIELD_EMAIL, ABM_STAKEHOLDER_FIELD_PHONE, ABM_STAKEHOLDER_FIELD_LINKEDIN,
  FIELD_LAST_CONTACT, ABM_STAKEHOLDER_FIELD_NOTES,
};

typedef struct {
  GtkWidget *widget;      /* AdwEntryRow, GtkEntry or GtkTextView */
  GtkLabel  *error;
  gboolean   complained;  /* its reason is shown */
} Field;

struct _AbmStakeholderDialog
{
  AdwWindow        parent_instance;

  AbmWorkspace    *workspace;
  AbmAccount      *account;
  AbmStakeholder  *stakeholder;   /* being edited; NULL while adding */
  AbmStakeholder  *draft;         /* what the fields hold that the core took */
  GArray          *others;        /* gint64: the rest of the committee, by name */
  GArray          *links;         /* AbmStakeholderLink with this person; 0 for them while adding */
  Field            fields[N_FIELDS];
  GtkCheckButton  *role_checks[ABM_N_ROLES];
  gboolean         loading;
  gboolean         calendar_by_key;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkRevealer     *problem_revealer;
  GtkLabel        *problem_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *department_row;
  GtkLabel        *name_error;
  GtkLabel        *title_error;
  GtkLabel        *department_error;
  AdwEntryRow     *email_row;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *linkedin_row;
  AdwActionRow    *last_contact_row;
  GtkEntry        *last_contact_entry;
  GtkMenuButton   *calendar_button;
  GtkCalendar     *calendar;
  GtkLabel        *email_error;
  GtkLabel        *phone_error;
  GtkLabel        *linkedin_error;
  GtkLabel        *last_contact_error;
  AdwExpanderRow  *roles_row;
  AdwComboRow     *manager_row;
  AdwComboRow     *dotted_row;
  GtkSpinButton   *influence_spin;
  GtkSpinButton   *strength_spin;
  AdwComboRow     *sentiment_row;
  AdwComboRow     *support_row;
  GtkListBox      *links_list;
  GtkListBoxRow   *new_link_row;
  GtkDropDown     *link_kind_drop;
  GtkDropDown     *link_person_drop;
  GtkStringList   *link_people;
  GtkButton       *add_link_button;
  GtkWidget       *no_others_row;
  GtkTextView     *notes_view;
  GtkLabel        *notes_error;
  GtkWidget       *remove_group;
};

G_DEFINE_FINAL_TYPE (AbmStakeholderDialog, abm_stakeholder_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* This person's id in links: 0 until they are added. */
static gint64
self_id (AbmStakeholderDialog *self)
{
  return self->stakeholder ? abm_stakeholder_get_id (self->stakeholder) : 0;
}

static AbmStakeholder *
find_person (AbmStakeholderDialog *self,
             gint64                id)
{
  return abm_workspace_find_stakeholder (self->workspace, self->account, id);
}

static void
show_problem (AbmStakeholderDialog *self,
              const char           *message)
{
  gtk_label_set_text (self->problem_label, message);
  gtk_revealer_set_reveal_child (self->problem_revealer, TRUE);
}

static void
clear_problem (AbmStakeholderDialog *self)
{
  gtk_revealer_set_reveal_child (self->problem_revealer, FALSE);
}

/* Text fields */

static char *
dup_field_text (AbmStakeholderDialog *self,
                guint                 field)
{
  GtkWidget *widget = self->fields[field].widget;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_field_text (AbmStakeholderDialog *self,
                guint                 field,
                const char           *text)
{
  GtkWidget *widget = self->fields[field].widget;

  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text ? text : "", -1);
}

/* "12 days ago", from the draft's date. */
static char *
describe_last_contact (AbmStakeholderDialog *self)
{
  const char *date = abm_stakeholder_get_last_contact (self->draft);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int days = abm_stakeholder_days_since_contact (self->draft, NULL);

  if (date == NULL || days < 0)
    return g_strdup (_("Not contacted yet"));
  /* ISO dates sort as text. */
  if (strcmp (date, today) > 0)
    return g_strdup (_("In the future"));
  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
}

static void
update_last_contact_subtitle (AbmStakeholderDialog *self,
                              gboolean              valid)
{
  g_autofree char *text = valid ? describe_last_contact (self) : NULL;

  adw_action_row_set_subtitle (self->last_contact_row, text ? text : "");
}

/* Gives the field's text to the draft through the core's setter. A
 * refused value is pointed out when @complain, or already was; a taken
 * one clears what was shown. */
static gboolean
check_field (AbmStakeholderDialog *self,
             guint                 field,
             gboolean              complain)
{
  Field *f = &self->fields[field];
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->draft == NULL)
    return FALSE;
  text = dup_field_text (self, field);
  if (field == FIELD_LAST_CONTACT)
    ok = abm_stakeholder_set_last_contact (self->draft, text, &error);
  else
    ok = abm_stakeholder_set_text (self->draft, field, text, &error);

  if (field == FIELD_LAST_CONTACT)
    update_last_contact_subtitle (self, ok);
  if (ok || complain || f->complained)
    {
      f->complained = !ok;
      abm_field_error_show (f->widget, f->error, ok ? NULL : error->message);
    }
  return ok;
}

/* Every field, pointing out each refused one; focus goes to the first. */
static gboolean
check_fields (AbmStakeholderDialog *self)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    if (!check_field (self, field_order[i], TRUE) && first == NULL)
      first = self->fields[field_order[i]].widget;
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return first == NULL;
}

static void
update_save_button (AbmStakeholderDialog *self)
{
  g_autofree char *name = dup_field_text (self, ABM_STAKEHOLDER_FIELD_NAME);

  /* Without a name there is nothing to add, nor to complain about yet. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), *g_strstrip (name) != '\0');
}

static void
field_changed (AbmStakeholderDialog *self,
               guint                 field)
{
  if (self->loading)
    return;
  check_field (self, field, FALSE);
  if (field == ABM_STAKEHOLDER_FIELD_NAME)
    update_save_button (self);
}

static void
editable_changed (GtkEditable          *editable,
                  AbmStakeholderDialog *self)
{
  field_changed (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "abm-field")));
}

static void
notes_changed (AbmStakeholderDialog *self)
{
  field_changed (self, ABM_STAKEHOLDER_FIELD_NOTES);
}

static void
field_focus_left (GtkEventControllerFocus *controller,
                  AbmStakeholderDialog    *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (!self->loading)
    check_field (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "abm-field")), TRUE);
}

static void
setup_fields (AbmStakeholderDialog *self)
{
  const struct {
    guint      field;
    GtkWidget *widget;
    GtkLabel  *error;
  } table[N_FIELDS] = {
    { ABM_STAKEHOLDER_FIELD_NAME, GTK_WIDGET (self->name_row), self->name_error },
    { ABM_STAKEHOLDER_FIELD_TITLE, GTK_WIDGET (self->title_row), self->title_error },
    { ABM_STAKEHOLDER_FIELD_DEPARTMENT, GTK_WIDGET (self->department_row), self->department_error },
    { ABM_STAKEHOLDER_FIELD_EMAIL, GTK_WIDGET (self->email_row), self->email_error },
    { ABM_STAKEHOLDER_FIELD_PHONE, GTK_WIDGET (self->phone_row), self->phone_error },
    { ABM_STAKEHOLDER_FIELD_LINKEDIN, GTK_WIDGET (self->linkedin_row), self->linkedin_error },
    { ABM_STAKEHOLDER_FIELD_NOTES, GTK_WIDGET (self->notes_view), self->notes_error },
    { FIELD_LAST_CONTACT, GTK_WIDGET (self->last_contact_entry), self->last_contact_error },
  };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      Field *f = &self->fields[table[i].field];
      GtkEventController *focus = gtk_event_controller_focus_new ();

      f->widget = table[i].widget;
      f->error = table[i].error;
      g_object_set_data (G_OBJECT (f->widget), "abm-field", GUINT_TO_POINTER (table[i].field));
      g_signal_connect (focus, "leave", G_CALLBACK (field_focus_left), self);
      gtk_widget_add_controller (f->widget, focus);
      if (GTK_IS_EDITABLE (f->widget))
        g_signal_connect (f->widget, "changed", G_CALLBACK (editable_changed), self);
      else
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->widget)), "changed",
                                  G_CALLBACK (notes_changed), self);
    }
}

/* The last contact date */

static void
set_last_contact (AbmStakeholderDialog *self,
                  GDateTime            *date)
{
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->last_contact_entry), text);
}

static void
today_clicked (AbmStakeholderDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  set_last_contact (self, now);
}

/* The calendar opens on the date in the field, or today. */
static void
calendar_shown (AbmStakeholderDialog *self)
{
  const char *date = abm_stakeholder_get_last_contact (self->draft);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  if (date != NULL && !self->fields[FIELD_LAST_CONTACT].complained)
    {
      g_autofree char *noon = g_strconcat (date, "T12:00:00", NULL);
      day = g_date_time_new_from_iso8601 (noon, local);
    }
  if (day == NULL)
    day = g_date_time_new_now_local ();
  /* Escape closed it last time before its key was let go. */
  self->calendar_by_key = FALSE;
  self->loading = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->loading = FALSE;
}

/* A click picks a day and closes; the arrow keys only move through the
 * days, and Enter or Space takes the one reached. */
static void
calendar_day_selected (AbmStakeholderDialog *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->loading)
    return;
  day = gtk_calendar_get_date (self->calendar);
  set_last_contact (self, day);
  if (!self->calendar_by_key)
    gtk_menu_button_popdown (self->calendar_button);
}

static gboolean
calendar_key_pressed (AbmStakeholderDialog *self,
                      guint                 keyval)
{
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter
      || keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    {
      g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

      set_last_contact (self, day);
      gtk_menu_button_popdown (self->calendar_button);
      return GDK_EVENT_STOP;
    }
  self->calendar_by_key = TRUE;
  return GDK_EVENT_PROPAGATE;
}

static void
calendar_key_released (AbmStakeholderDialog *self)
{
  self->calendar_by_key = FALSE;
}

static void
setup_calendar (AbmStakeholderDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the calendar's own handler moves the selection. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (calendar_key_pressed), self);
  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (calendar_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);
}

/* Roles */

static void
update_roles_summary (AbmStakeholderDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint r = 0; r < ABM_N_ROLES; r++)
    if (gtk_check_button_get_active (self->role_checks[r]))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, abm_role_label (r));
      }
  adw_expander_row_set_subtitle (self->roles_row, text->len > 0 ? text->str : _("None chosen; a person may hold several"));
}

static void
setup_roles (AbmStakeholderDialog *self)
{
  for (guint r = 0; r < ABM_N_ROLES; r++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_role_label (r));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, abm_role_label (r), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->roles_row, row);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_roles_summary), self);
      self->role_checks[r] = GTK_CHECK_BUTTON (check);
    }
}

/* People: the lists of the rest of the committee */

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AbmStakeholderDialog *self = user_data;
  AbmStakeholder *first = find_person (self, *(const gint64 *) a);
  AbmStakeholder *second = find_person (self, *(const gint64 *) b);

  return g_utf8_collate (abm_stakeholder_get_name (first), abm_stakeholder_get_name (second));
}

/* The name, and the job title where two share a name. */
static char *
dup_person_label (AbmStakeholderDialog *self,
                  AbmStakeholder       *person)
{
  const char *name = abm_stakeholder_get_name (person);
  const char *title = abm_stakeholder_get_text (person, ABM_STAKEHOLDER_FIELD_TITLE);

  for (guint i = 0; i < self->others->len; i++)
    {
      AbmStakeholder *other = find_person (self, g_array_index (self->others, gint64, i));

      if (other != person && g_strcmp0 (abm_stakeholder_get_name (other), name) == 0)
        /* Translators: a person's name and job title, where two people share a name */
        return title ? g_strdup_printf (_("%s (%s)"), name, title)
                     : g_strdup_printf ("%s (#%" G_GINT64_FORMAT ")", name, abm_stakeholder_get_id (person));
    }
  return g_strdup (name);
}

/* Fills a list of the others, after @first when given. */
static void
fill_people (AbmStakeholderDialog *self,
             GtkStringList        *list,
             const char           *first)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (first != NULL)
    g_ptr_array_add (labels, g_strdup (first));
  for (guint i = 0; i < self->others->len; i++)
    g_ptr_array_add (labels, dup_person_label (self, find_person (self, g_array_index (self->others, gint64, i))));
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                          (const char *const *) labels->pdata);
}

static guint
position_of (AbmStakeholderDialog *self,
             gint64                id)
{
  for (guint i = 0; i < self->others->len; i++)
    if (g_array_index (self->others, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* 0 for "Unknown" or "None". */
static gint64
selected_manager (AbmStakeholderDialog *self,
                  AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected > 0 && selected <= self->others->len ? g_array_index (self->others, gint64, selected - 1) : 0;
}

static void
select_manager (AbmStakeholderDialog *self,
                AdwComboRow          *row,
                gint64                id)
{
  guint position = position_of (self, id);

  adw_combo_row_set_selected (row, position == GTK_INVALID_LIST_POSITION ? 0 : position + 1);
}

/* What the workspace refused of the reporting lines is being dealt with. */
static void
manager_changed (AbmStakeholderDialog *self)
{
  if (!self->loading)
    clear_problem (self);
}

static void
setup_people (AbmStakeholderDialog *self)
{
  GListModel *committee = abm_workspace_get_committee (self->workspace, self->account, NULL);
  guint n = committee ? g_list_model_get_n_items (committee) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) person = g_list_model_get_item (committee, i);
      gint64 id = abm_stakeholder_get_id (person);

      if (id != self_id (self))
        g_array_append_val (self->others, id);
    }
  g_array_sort_with_data (self->others, compare_by_name, self);

  fill_people (self, GTK_STRING_LIST (adw_combo_row_get_model (self->manager_row)), _("Unknown"));
  fill_people (self, GTK_STRING_LIST (adw_combo_row_get_model (self->dotted_row)), _("None"));
  fill_people (self, self->link_people, NULL);
}

/* The core's labels, in the order of its enumeration. */
static void
fill_choices (AbmStakeholderDialog *self)
{
  GtkStringList *sentiments = GTK_STRING_LIST (adw_combo_row_get_model (self->sentiment_row));
  GtkStringList *supports = GTK_STRING_LIST (adw_combo_row_get_model (self->support_row));

  for (guint i = 0; i < ABM_STAKEHOLDER_N_SENTIMENTS; i++)
    gtk_string_list_append (sentiments, abm_sentiment_label (i));
  for (guint i = 0; i < ABM_N_SUPPORTS; i++)
    gtk_string_list_append (supports, abm_support_label (i));
}

/* Links */

static gboolean
has_link (GArray      *links,
          gint64       from_id,
          gint64       to_id,
          AbmLinkKind  kind)
{
  for (guint i = 0; i < links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (links, AbmStakeholderLink, i);

      if (l->from_id == from_id && l->to_id == to_id && l->kind == kind)
        return TRUE;
    }
  return FALSE;
}

static void rebuild_links (AbmStakeholderDialog *self);

static void
remove_link_clicked (GtkButton            *button,
                     AbmStakeholderDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-link"));

  g_array_remove_index (self->links, index);
  rebuild_links (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_person_drop));
}

/* "Influences Nadia Chen", "Influenced by Wei Nair", "Conflicts with Ben Ruiz". */
static char *
describe_link (AbmStakeholderDialog     *self,
               const AbmStakeholderLink *link,
               AbmStakeholder           *other)
{
  g_autofree char *name = dup_person_label (self, other);

  if (link->kind == ABM_LINK_CONFLICTS)
    return g_strdup_printf (_("Conflicts with %s"), name);
  if (link->from_id == self_id (self))
    return g_strdup_printf (_("Influences %s"), name);
  return g_strdup_printf (_("Influenced by %s"), name);
}

static GtkWidget *
create_link_row (AbmStakeholderDialog *self,
                 guint                 index)
{
  AbmStakeholderLink *link = &g_array_index (self->links, AbmStakeholderLink, index);
  gint64 other_id = link->from_id == self_id (self) ? link->to_id : link->from_id;
  AbmStakeholder *other = find_person (self, other_id);
  g_autofree char *title = NULL;
  g_autofree char *remove_name = NULL;
  GtkWidget *row, *icon, *button;

  if (other == NULL)
    return NULL;
  title = describe_link (self, link, other);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (abm_stakeholder_get_text (other, ABM_STAKEHOLDER_FIELD_TITLE) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), abm_stakeholder_get_text (other, ABM_STAKEHOLDER_FIELD_TITLE));

  /* The chart's dashed line and red line, in words and a sign. */
  if (link->kind == ABM_LINK_CONFLICTS)
    icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  else if (link->from_id == self_id (self))
    icon = gtk_image_new_from_icon_name ("mail-forward-symbolic");
  else
    icon = gtk_image_new_from_icon_name ("mail-reply-sender-symbolic");
  gtk_widget_add_css_class (icon, link->kind == ABM_LINK_CONFLICTS ? "error" : "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  /* Translators: the accessible name of a link's remove button, "Remove Influences Nadia Chen" */
  remove_name = g_strdup_printf (_("Remove “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data (G_OBJECT (button), "abm-link", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_link_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
update_new_link (AbmStakeholderDialog *self)
{
  guint person = gtk_drop_down_get_selected (self->link_person_drop);
  AbmLinkKind kind = gtk_drop_down_get_selected (self->link_kind_drop) == 1 ? ABM_LINK_CONFLICTS : ABM_LINK_INFLUENCES;
  gboolean possible = person < self->others->len;

  /* A link already there is not offered twice. */
  if (possible)
    possible = !has_link (self->links, self_id (self), g_array_index (self->others, gint64, person), kind);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_link_button), possible);
}

static void
rebuild_links (AbmStakeholderDialog *self)
{
  GtkWidget *child;
  int position = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != GTK_WIDGET (self->new_link_row))
    gtk_list_box_remove (self->links_list, child);
  for (guint i = 0; i < self->links->len; i++)
    {
      GtkWidget *row = create_link_row (self, i);

      if (row != NULL)
        gtk_list_box_insert (self->links_list, row, position++);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->new_link_row), self->others->len > 0);
  gtk_widget_set_visible (self->no_others_row, self->others->len == 0);
  update_new_link (self);
}

static void
add_link_clicked (AbmStakeholderDialog *self)
{
  guint person = gtk_drop_down_get_selected (self->link_person_drop);
  AbmStakeholderLink link = {
    self_id (self), 0,
    gtk_drop_down_get_selected (self->link_kind_drop) == 1 ? ABM_LINK_CONFLICTS : ABM_LINK_INFLUENCES,
  };

  if (person >= self->others->len)
    return;
  link.to_id = g_array_index (self->others, gint64, person);
  if (!has_link (self->links, link.from_id, link.to_id, link.kind))
    g_array_append_val (self->links, link);
  rebuild_links (self);
}

/* Makes the workspace's links with @id what the dialog lists. */
static gboolean
store_links (AbmStakeholderDialog  *self,
             GError               **error)
{
  GArray *stored = abm_workspace_get_committee_links (self->workspace, self->account);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (AbmStakeholderLink));
  gint64 id = self_id (self);

  /* set_link() changes the committee's array as it goes. */
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (stored, AbmStakeholderLink, i);

      if (l->from_id == id || l->to_id == id)
        g_array_append_val (before, *l);
    }
  for (guint i = 0; i < before->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (before, AbmStakeholderLink, i);

      if (!has_link (self->links, l->from_id, l->to_id, l->kind)
          && !abm_workspace_set_link (self->workspace, self->account, l->from_id, l->to_id, l->kind, FALSE, error))
        return FALSE;
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (self->links, AbmStakeholderLink, i);

      if (!has_link (before, l->from_id, l->to_id, l->kind)
          && !abm_workspace_set_link (self->workspace, self->account, l->from_id, l->to_id, l->kind, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* Adding and editing */

static void
update_mode (AbmStakeholderDialog *self)
{
  const char *title = self->stakeholder ? abm_stakeholder_get_name (self->stakeholder) : _("Add Stakeholder");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, abm_account_get_name (self->account));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->save_button, self->stakeholder ? _("_Save") : _("_Add"));
  gtk_widget_set_visible (self->remove_group, self->stakeholder != NULL);
}

/* What the lists, spins and checks hold, into the draft. */
static gboolean
collect (AbmStakeholderDialog  *self,
         GError               **error)
{
  guint roles = 0;

  for (guint r = 0; r < ABM_N_ROLES; r++)
    if (gtk_check_button_get_active (self->role_checks[r]))
      roles |= 1u << r;
  abm_stakeholder_set_roles (self->draft, roles);
  abm_stakeholder_set_manager_id (self->draft, selected_manager (self, self->manager_row));
  abm_stakeholder_set_dotted_manager_id (self->draft, selected_manager (self, self->dotted_row));
  abm_stakeholder_set_sentiment (self->draft, adw_combo_row_get_selected (self->sentiment_row));
  abm_stakeholder_set_support (self->draft, adw_combo_row_get_selected (self->support_row));
  return abm_stakeholder_set_influence (self->draft, gtk_spin_button_get_value_as_int (self->influence_spin), error)
         && abm_stakeholder_set_strength (self->draft, gtk_spin_button_get_value_as_int (self->strength_spin), error);
}

static void
save_clicked (AbmStakeholderDialog *self)
{
  g_autoptr(GError) error = NULL;

  clear_problem (self);
  if (!check_fields (self))
    return;
  if (!collect (self, &error))
    {
      show_problem (self, error->message);
      return;
    }

  if (self->stakeholder == NULL)
    {
      AbmStakeholder *added = abm_workspace_add_stakeholder (self->workspace, self->account, self->draft, &error);

      if (added == NULL)
        {
          show_problem (self, error->message);
          return;
        }
      /* From here on a second try saves the person instead of adding
       * them twice. */
      self->stakeholder = g_object_ref (added);
      for (guint i = 0; i < self->links->len; i++)
        g_array_index (self->links, AbmStakeholderLink, i).from_id = abm_stakeholder_get_id (added);
      update_mode (self);
    }
  else if (!abm_workspace_update_stakeholder (self->workspace, self->stakeholder, self->draft, &error))
    {
      show_problem (self, error->message);
      return;
    }

  if (!store_links (self, &error))
    {
      show_problem (self, error->message);
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, self->stakeholder);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
remove_clicked (AbmStakeholderDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 undo_id;

  clear_problem (self);
  undo_id = abm_workspace_delete_stakeholder (self->workspace, self->stakeholder, &error);
  if (undo_id == 0)
    {
      show_problem (self, error->message);
      return;
    }
  g_object_ref (self);
  g_signal_emit (self, signals[REMOVED], 0, undo_id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

/* The fields from the person edited, or empty for a new one. */
static void
load (AbmStakeholderDialog *self)
{
  AbmStakeholder *person = self->draft;
  GArray *links = abm_workspace_get_committee_links (self->workspace, self->account);
  gint64 id = self_id (self);

  self->loading = TRUE;
  for (guint f = 0; f < ABM_STAKEHOLDER_N_TEXT_FIELDS; f++)
    set_field_text (self, f, abm_stakeholder_get_text (person, f));
  set_field_text (self, FIELD_LAST_CONTACT, abm_stakeholder_get_last_contact (person));
  for (guint r = 0; r < ABM_N_ROLES; r++)
    gtk_check_button_set_active (self->role_checks[r], abm_stakeholder_has_role (person, r));
  select_manager (self, self->manager_row, abm_stakeholder_get_manager_id (person));
  select_manager (self, self->dotted_row, abm_stakeholder_get_dotted_manager_id (person));
  gtk_spin_button_set_value (self->influence_spin, abm_stakeholder_get_influence (person));
  gtk_spin_button_set_value (self->strength_spin, abm_stakeholder_get_strength (person));
  adw_combo_row_set_selected (self->sentiment_row, abm_stakeholder_get_sentiment (person));
  adw_combo_row_set_selected (self->support_row, abm_stakeholder_get_support (person));
  for (guint i = 0; id != 0 && links != NULL && i < links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (links, AbmStakeholderLink, i);

      if (l->from_id == id || l->to_id == id)
        g_array_append_val (self->links, *l);
    }
  self->loading = FALSE;

  update_last_contact_subtitle (self, TRUE);
  update_roles_summary (self);
  update_save_button (self);
  rebuild_links (self);
  /* A new person starts with their roles in view; a known one with their
   * summary. */
  adw_expander_row_set_expanded (self->roles_row, self->stakeholder == NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static AbmStakeholderDialog *
create (GtkWindow      *parent,
        AbmWorkspace   *ws,
        AbmAccount     *account,
        AbmStakeholder *stakeholder)
{
  AbmStakeholderDialog *self = g_object_new (ABM_TYPE_STAKEHOLDER_DIALOG, "transient-for", parent, NULL);

  self->workspace = g_object_ref (ws);
  self->account = g_object_ref (account);
  self->stakeholder = stakeholder ? g_object_ref (stakeholder) : NULL;
  self->draft = stakeholder ? abm_stakeholder_copy (stakeholder) : abm_stakeholder_new ();
  setup_people (self);
  update_mode (self);
  load (self);
  return self;
}

AbmStakeholderDialog *
abm_stakeholder_dialog_new_add (GtkWindow    *parent,
                                AbmWorkspace *ws,
                                AbmAccount   *account)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ABM_IS_WORKSPACE (ws), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  return create (parent, ws, account, NULL);
}

AbmStakeholderDialog *
abm_stakeholder_dialog_new_edit (GtkWindow      *parent,
                                 AbmWorkspace   *ws,
                                 AbmAccount     *account,
                                 AbmStakeholder *stakeholder)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ABM_IS_WORKSPACE (ws), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (ABM_IS_STAKEHOLDER (stakeholder), NULL);
  g_return_val_if_fail (abm_stakeholder_get_account_id (stakeholder) == abm_account_get_id (account), NULL);

  return create (parent, ws, account, stakeholder);
}

static void
abm_stakeholder_dialog_dispose (GObject *object)
{
  AbmStakeholderDialog *self = ABM_STAKEHOLDER_DIALOG (object);

  /* First, so the fields' focus leaving as they go checks nothing. */
  g_clear_object (&self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), ABM_TYPE_STAKEHOLDER_DIALOG);
  g_clear_object (&self->stakeholder);
  g_clear_object (&self->account);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->others, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (abm_stakeholder_dialog_parent_class)->dispose (object);
}

static void
abm_stakeholder_dialog_class_init (AbmStakeholderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_stakeholder_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ABM_TYPE_STAKEHOLDER);
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-stakeholder-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, title_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, department_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, linkedin_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, last_contact_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, last_contact_entry);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, email_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, phone_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, linkedin_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, last_contact_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, roles_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, dotted_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, influence_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, strength_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, sentiment_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, support_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, links_list);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, new_link_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, link_kind_drop);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, link_person_drop);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, link_people);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, no_others_row);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, notes_error);
  gtk_widget_class_bind_template_child (widget_class, AbmStakeholderDialog, remove_group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, manager_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_new_link);
  gtk_widget_class_bind_template_callback (widget_class, add_link_clicked);
}

static void
abm_stakeholder_dialog_init (AbmStakeholderDialog *self)
{
  self->others = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->links = g_array_new (FALSE, FALSE, sizeof (AbmStakeholderLink));
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_fields (self);
  setup_calendar (self);
  setup_roles (self);
  fill_choices (self);
}
