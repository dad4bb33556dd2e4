/* abm-plan-page.c: an account's plan, written as the team works it
 *
 * The sections are plain multi-line text ("- " starts a bullet, a blank
 * line a paragraph: what the brief renders), saved about a second after
 * typing stops and at once whenever the page lets go of the plan (another
 * account, the cluster plan, closing), so nothing typed is lost. An
 * account in a Tier 2 cluster shows the cluster plan's text under each
 * section it leaves blank; a switch turns the page to the cluster plan
 * itself. The dated lists (vendors, trigger events, next steps) are rows
 * edited through a dialog and removed with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-plan-item-dialog.h"
#include "abm-plan-page.h"
#include "abm-render-text.h"
#include "abm-whitespace-cell-popover.h"
#include "abm-whitespace-name-popover.h"
#include "abm-window.h"

#define SAVE_DELAY_MS 800

/* Title-case headings, in AbmPlanSection order. */
static const char * const section_titles[ABM_PLAN_N_SECTIONS] = {
  N_("Business Priorities"),
  N_("Pain Points"),
  N_("Strengths"),
  N_("Weaknesses"),
  N_("Opportunities"),
  N_("Threats"),
  N_("Competitive Landscape"),
  N_("Value Hypothesis"),
  N_("Objectives and Success Criteria"),
  N_("Risks"),
  N_("Messaging for the Cluster"),
  N_("Account Notes"),
};

typedef struct {
  GtkTextView *view;
  GtkLabel    *inherited;
  gboolean     dirty;
} Section;

struct _AbmPlanPage
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  AbmPlan      *plan;          /* the account's */
  AbmPlan      *parent;        /* its cluster's, or NULL */
  AbmPlan      *editing;       /* one of the two (not a reference) */
  Section       sections[ABM_PLAN_N_SECTIONS];
  GPtrArray    *item_rows[ABM_PLAN_N_ITEM_KINDS];
  guint         save_timeout;
  gboolean      loading;
  int           focus_row;     /* the map's button to focus once rebuilt */
  int           focus_column;

  /* Template widgets */
  AdwPreferencesGroup *cluster_group;
  AdwActionRow        *cluster_row;
  GtkSwitch           *cluster_switch;
  AdwPreferencesGroup *overview_group;
  AdwComboRow         *motion_row;
  AdwEntryRow         *review_row;
  AdwActionRow        *stale_row;
  GtkSpinButton       *stale_days_spin;
  GtkBox              *sections_box;
  AdwPreferencesGroup *vendor_group;
  AdwPreferencesGroup *event_group;
  AdwPreferencesGroup *step_group;
  GtkStack            *whitespace_stack;
  GtkGrid             *whitespace_grid;
  GtkMenuButton       *add_division_button;
  GtkMenuButton       *add_offering_button;
};

G_DEFINE_FINAL_TYPE (AbmPlanPage, abm_plan_page, ADW_TYPE_BIN)

/* The plan the page edits: the account's, or with the switch on, its
 * cluster's. */
static AbmPlan *
edited_plan (AbmPlanPage *self)
{
  return self->editing;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Under a blank section of an account in a cluster: the cluster's text,
 * said to be the cluster's. */
static void
update_inherited (AbmPlanPage *self)
{
  gboolean editing_cluster = edited_plan (self) != self->plan;

  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      Section *s = &self->sections[i];
      gboolean inherited = FALSE;
      g_autofree char *own = buffer_text (s->view);
      const char *text = NULL;

      if (self->plan != NULL && !editing_cluster && *own == '\0')
        text = abm_plan_get_effective_section (self->plan, self->parent, i, &inherited);
      if (inherited && text != NULL && *text != '\0')
        {
          g_autofree char *shown = g_strdup_printf (_("From the cluster plan: %s"), text);
          gtk_label_set_text (s->inherited, shown);
          gtk_widget_set_visible (GTK_WIDGET (s->inherited), TRUE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (s->inherited), FALSE);
    }
}

static void
update_status (AbmPlanPage *self)
{
  AbmPlan *plan = edited_plan (self);
  GDateTime *modified = plan ? abm_plan_get_modified (plan) : NULL;
  g_autofree char *edited = NULL;
  AbmPlanStaleness staleness;
  gboolean loading;

  if (plan == NULL)
    return;

  loading = self->loading;
  self->loading = TRUE;
  gtk_spin_button_set_value (self->stale_days_spin, abm_workspace_get_stale_days (self->workspace));
  self->loading = loading;
  if (modified != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (modified);
      g_autofree char *when = g_date_time_format (local, "%x %R");

      edited = g_strdup_printf (_("Last edited %s"), when);
    }
  adw_preferences_group_set_description (self->overview_group, edited ? edited : _("Not written yet"));

  staleness = abm_plan_get_staleness (plan, NULL, abm_workspace_get_stale_days (self->workspace));
  if (staleness == ABM_PLAN_REVIEW_DUE)
    adw_action_row_set_subtitle (self->stale_row, _("Its review date has passed."));
  else if (staleness == ABM_PLAN_UNTOUCHED)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "Not edited for %u day.", "Not edited for %u days.",
                                                            abm_workspace_get_stale_days (self->workspace)),
                                               abm_workspace_get_stale_days (self->workspace));
      adw_action_row_set_subtitle (self->stale_row, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stale_row), staleness != ABM_PLAN_FRESH);
}

static void
save_sections (AbmPlanPage *self)
{
  AbmPlan *plan = edited_plan (self);

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      Section *s = &self->sections[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (!s->dirty)
        continue;
      s->dirty = FALSE;
      text = buffer_text (s->view);
      if (plan != NULL && !abm_workspace_set_plan_section (self->workspace, plan, i, text, &error))
        abm_message_show (GTK_WIDGET (self), _("Could Not Save the Plan"), error->message);
    }
}

void
abm_plan_page_commit (AbmPlanPage *self)
{
  g_return_if_fail (ABM_IS_PLAN_PAGE (self));

  save_sections (self);
}

static gboolean
save_timeout_cb (gpointer data)
{
  AbmPlanPage *self = data;

  self->save_timeout = 0;
  save_sections (self);
  update_inherited (self);
  return G_SOURCE_REMOVE;
}

static void
section_changed (GtkTextBuffer *buffer,
                 AbmPlanPage   *self)
{
  if (self->loading)
    return;
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    if (gtk_text_view_get_buffer (self->sections[i].view) == buffer)
      self->sections[i].dirty = TRUE;
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* A labelled, framed text view and, below it, the cluster's text. */
static GtkWidget *
section_widget (AbmPlanPage    *self,
                AbmPlanSection  section,
                gboolean        with_heading)
{
  Section *s = &self->sections[section];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label = gtk_label_new (NULL);

  if (with_heading)
    {
      GtkWidget *heading = gtk_label_new (_(section_titles[section]));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);
    }
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "plan-section");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(section_titles[section]), -1);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (section_changed), self);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);

  s->view = GTK_TEXT_VIEW (view);
  s->inherited = GTK_LABEL (label);
  return box;
}

static GtkWidget *
group (const char *title,
       const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

/* The sections are the same widgets twelve times over, so they are made
 * here from the list rather than written out in the template. */
static void
build_sections (AbmPlanPage *self)
{
  static const AbmPlanSection swot[] = {
    ABM_PLAN_SECTION_STRENGTHS, ABM_PLAN_SECTION_WEAKNESSES,
    ABM_PLAN_SECTION_OPPORTUNITIES, ABM_PLAN_SECTION_THREATS,
  };

  for (AbmPlanSection i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      GtkWidget *g;

      if (i == ABM_PLAN_SECTION_STRENGTHS)
        {
          GtkWidget *grid = gtk_grid_new ();

          g = group (_("SWOT"), _("Our position in the account."));
          gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
          gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
          gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
          for (guint k = 0; k < G_N_ELEMENTS (swot); k++)
            gtk_grid_attach (GTK_GRID (grid), section_widget (self, swot[k], TRUE), k % 2, k / 2, 1, 1);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), grid);
        }
      else if (i == ABM_PLAN_SECTION_WEAKNESSES || i == ABM_PLAN_SECTION_OPPORTUNITIES
               || i == ABM_PLAN_SECTION_THREATS)
        continue;
      else
        {
          g = group (_(section_titles[i]), NULL);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (g), section_widget (self, i, FALSE));
        }
      gtk_box_append (self->sections_box, g);
    }
}

static void
load_sections (AbmPlanPage *self)
{
  AbmPlan *plan = edited_plan (self);

  self->loading = TRUE;
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->sections[i].view),
                                plan ? abm_plan_get_section (plan, i) : "", -1);
      self->sections[i].dirty = FALSE;
    }
  if (plan != NULL)
    {
      adw_combo_row_set_selected (self->motion_row, abm_plan_get_motion (plan));
      gtk_editable_set_text (GTK_EDITABLE (self->review_row), abm_plan_get_review_date (plan) ?: "");
    }
  self->loading = FALSE;
  update_inherited (self);
  update_status (self);
}

static void
motion_changed (AbmPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  AbmPlan *plan = edited_plan (self);

  if (self->loading || plan == NULL)
    return;
  if (!abm_workspace_set_plan_motion (self->workspace, plan, adw_combo_row_get_selected (self->motion_row), &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Save the Plan"), error->message);
}

static void
review_applied (AbmPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  AbmPlan *plan = edited_plan (self);

  if (plan == NULL)
    return;
  if (!abm_workspace_set_plan_review_date (self->workspace, plan,
                                           gtk_editable_get_text (GTK_EDITABLE (self->review_row)), &error))
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Set the Review Date"), error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->review_row), abm_plan_get_review_date (plan) ?: "");
    }
}

static void
stale_days_changed (AbmPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  guint days = (guint) gtk_spin_button_get_value_as_int (self->stale_days_spin);

  if (self->loading || self->workspace == NULL || days == abm_workspace_get_stale_days (self->workspace))
    return;
  if (!abm_workspace_set_stale_days (self->workspace, days, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Set the Review Period"), error->message);
}

static void refresh_items (AbmPlanPage *self);
static void refresh_whitespace (AbmPlanPage *self);

static void
cluster_switch_toggled (AbmPlanPage *self)
{
  if (self->loading)
    return;
  /* What was typed belongs to the plan it was typed in. */
  save_sections (self);
  self->editing = self->parent != NULL && gtk_switch_get_active (self->cluster_switch) ? self->parent : self->plan;
  load_sections (self);
  refresh_items (self);
  refresh_whitespace (self);
}

static AdwPreferencesGroup *
item_group (AbmPlanPage     *self,
            AbmPlanItemKind  kind)
{
  switch (kind)
    {
    case ABM_PLAN_ITEM_VENDOR: return self->vendor_group;
    case ABM_PLAN_ITEM_EVENT:  return self->event_group;
    case ABM_PLAN_ITEM_STEP:
    case ABM_PLAN_N_ITEM_KINDS:
    default:                   return self->step_group;
    }
}

static char *
item_subtitle (AbmPlanItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *date = abm_plan_item_get_date (item);

  if (abm_plan_item_get_kind (item) == ABM_PLAN_ITEM_EVENT)
    g_string_append (text, abm_trigger_label (abm_plan_item_get_trigger (item)));
  if (abm_plan_item_get_kind (item) == ABM_PLAN_ITEM_STEP && abm_plan_item_get_owner (item) != NULL)
    g_string_append (text, abm_plan_item_get_owner (item));
  if (date != NULL)
    {
      if (text->len)
        g_string_append (text, " · ");
      if (abm_plan_item_get_kind (item) == ABM_PLAN_ITEM_VENDOR)
        g_string_append_printf (text, _("renews %s"), date);
      else if (abm_plan_item_get_kind (item) == ABM_PLAN_ITEM_STEP)
        g_string_append_printf (text, _("due %s"), date);
      else
        g_string_append (text, date);
    }
  if (abm_plan_item_is_overdue (item, NULL))
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", _("Overdue"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
step_done_toggled (GtkCheckButton *check,
                   AbmPlanPage    *self)
{
  AbmPlanItem *item = g_object_get_data (G_OBJECT (check), "abm-item");
  g_autoptr(AbmPlanItem) values = abm_plan_item_copy (item);
  g_autoptr(GError) error = NULL;

  if (abm_plan_item_get_done (item) == gtk_check_button_get_active (check))
    return;
  abm_plan_item_set_done (values, gtk_check_button_get_active (check));
  if (!abm_workspace_update_plan_item (self->workspace, edited_plan (self), item, values, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Save the Plan"), error->message);
}

static void
remove_item_clicked (GtkButton   *button,
                     AbmPlanPage *self)
{
  AbmPlanItem *item = g_object_get_data (G_OBJECT (button), "abm-item");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (_("“%s” removed"), abm_plan_item_get_text (item));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 undo_id;

  undo_id = abm_workspace_delete_plan_item (self->workspace, edited_plan (self), item, &error);
  if (undo_id == 0)
    abm_message_show (GTK_WIDGET (self), _("Could Not Remove"), error->message);
  else if (ABM_IS_WINDOW (root))
    abm_window_offer_undo (ABM_WINDOW (root), title, undo_id);
}

static void
item_activated (AdwActionRow *row,
                AbmPlanPage  *self)
{
  AbmPlanItem *item = g_object_get_data (G_OBJECT (row), "abm-item");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AbmPlanItemDialog *dialog;

  dialog = abm_plan_item_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workspace,
                                     edited_plan (self), abm_plan_item_get_kind (item), item);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
item_row (AbmPlanPage *self,
          AbmPlanItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = item_subtitle (item);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), abm_plan_item_get_text (item));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_plan_item_get_text (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "abm-item", g_object_ref (item), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (item_activated), self);

  if (abm_plan_item_get_kind (item) == ABM_PLAN_ITEM_STEP)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), abm_plan_item_get_done (item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      gtk_widget_set_tooltip_text (check, _("Done"));
      g_object_set_data_full (G_OBJECT (check), "abm-item", g_object_ref (item), g_object_unref);
      g_signal_connect (check, "toggled", G_CALLBACK (step_done_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "abm-item", g_object_ref (item), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_item_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
refresh_items (AbmPlanPage *self)
{
  AbmPlan *plan = edited_plan (self);

  for (AbmPlanItemKind kind = 0; kind < ABM_PLAN_N_ITEM_KINDS; kind++)
    {
      AdwPreferencesGroup *g = item_group (self, kind);
      GListModel *items = plan ? abm_plan_get_items (plan, kind) : NULL;
      guint n = items ? g_list_model_get_n_items (items) : 0;

      for (guint i = 0; i < self->item_rows[kind]->len; i++)
        adw_preferences_group_remove (g, self->item_rows[kind]->pdata[i]);
      g_ptr_array_set_size (self->item_rows[kind], 0);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AbmPlanItem) item = g_list_model_get_item (items, i);
          GtkWidget *row = item_row (self, item);

          adw_preferences_group_add (g, row);
          g_ptr_array_add (self->item_rows[kind], row);
        }
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* The map is edited on a copy and stored whole; the plan's change
 * rebuilds the grid. */
static gboolean
store_whitespace (AbmPlanPage   *self,
                  AbmWhitespace *map,
                  GError       **error)
{
  AbmPlan *plan = edited_plan (self);

  if (plan == NULL)
    return TRUE;
  return abm_workspace_set_plan_whitespace (self->workspace, plan, map, error);
}

static AbmWhitespace *
copy_whitespace (AbmPlanPage *self)
{
  AbmPlan *plan = edited_plan (self);

  return plan ? abm_whitespace_copy (abm_plan_get_whitespace (plan)) : NULL;
}

static void
focus_after_refresh (AbmPlanPage *self,
                     int          row,
                     int          column)
{
  self->focus_row = row;
  self->focus_column = column;
}

/* The map's edits are actions, which its popovers activate (and tests):
 * plan.set-cell (division, offering, status, competitor, amount),
 * plan.add-to-map (axis, name), plan.rename-in-map (axis, index, name)
 * and plan.remove-from-map (axis, index). */
static void
set_cell_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AbmPlanPage *self = ABM_PLAN_PAGE (widget);
  g_autoptr(AbmWhitespace) map = copy_whitespace (self);
  g_autoptr(GError) error = NULL;
  guint r, c, status;
  const char *competitor;
  double amount;

  g_variant_get (parameter, "(uuu&sd)", &r, &c, &status, &competitor, &amount);
  if (map == NULL || r >= abm_whitespace_get_n (map, ABM_WHITESPACE_DIVISIONS)
      || c >= abm_whitespace_get_n (map, ABM_WHITESPACE_OFFERINGS) || status >= ABM_WHITESPACE_N_STATUSES)
    return;
  focus_after_refresh (self, (int) r + 1, (int) c + 1);
  if (!abm_whitespace_set_cell (map, r, c, status, *competitor ? competitor : NULL, amount, &error)
      || !store_whitespace (self, map, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Mark the Cell"), error->message);
}

static void
add_to_map_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AbmPlanPage *self = ABM_PLAN_PAGE (widget);
  g_autoptr(AbmWhitespace) map = copy_whitespace (self);
  g_autoptr(GError) error = NULL;
  AbmWhitespaceAxis axis;
  const char *name;

  g_variant_get (parameter, "(u&s)", &axis, &name);
  if (map == NULL || axis > ABM_WHITESPACE_OFFERINGS)
    return;
  /* An offering joins our list too: every new map starts with it. */
  if (abm_whitespace_add (map, axis, name, &error) < 0
      || (axis == ABM_WHITESPACE_OFFERINGS && !abm_workspace_add_offering (self->workspace, name, &error))
      || !store_whitespace (self, map, &error))
    abm_message_show (GTK_WIDGET (self),
                      axis == ABM_WHITESPACE_DIVISIONS ? _("Could Not Add the Division") : _("Could Not Add the Offering"),
                      error->message);
}

static void
rename_in_map_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AbmPlanPage *self = ABM_PLAN_PAGE (widget);
  g_autoptr(AbmWhitespace) map = copy_whitespace (self);
  g_autoptr(GError) error = NULL;
  AbmWhitespaceAxis axis;
  guint index;
  const char *name;

  g_variant_get (parameter, "(uu&s)", &axis, &index, &name);
  if (map == NULL || axis > ABM_WHITESPACE_OFFERINGS || index >= abm_whitespace_get_n (map, axis))
    return;
  if (axis == ABM_WHITESPACE_DIVISIONS)
    focus_after_refresh (self, (int) index + 1, 0);
  else
    focus_after_refresh (self, 0, (int) index + 1);
  if (!abm_whitespace_rename (map, axis, index, name, &error) || !store_whitespace (self, map, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Rename"), error->message);
}

static void
undo_map_removal (AdwToast    *toast,
                  AbmPlanPage *self)
{
  AbmWhitespace *before = g_object_get_data (G_OBJECT (toast), "abm-map");
  AbmPlan *plan = g_object_get_data (G_OBJECT (toast), "abm-plan");
  g_autoptr(GError) error = NULL;

  if (self->workspace != NULL && !abm_workspace_set_plan_whitespace (self->workspace, plan, before, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Undo"), error->message);
}

static void
remove_from_map_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AbmPlanPage *self = ABM_PLAN_PAGE (widget);
  g_autoptr(AbmWhitespace) map = copy_whitespace (self);
  g_autoptr(AbmWhitespace) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *overlay;
  AbmWhitespaceAxis axis;
  guint index;

  g_variant_get (parameter, "(uu)", &axis, &index);
  if (map == NULL || axis > ABM_WHITESPACE_OFFERINGS || index >= abm_whitespace_get_n (map, axis))
    return;
  before = abm_whitespace_copy (map);
  name = g_strdup (abm_whitespace_get_name (map, axis, index));
  abm_whitespace_remove (map, axis, index);
  if (!store_whitespace (self, map, &error))
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Remove"), error->message);
      return;
    }

  /* A removed row or column takes its cells along: Undo puts the map back
   * as it was. */
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new_format (_("“%s” removed from the map"), name);

      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "abm-map", g_steal_pointer (&before), g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "abm-plan", g_object_ref (edited_plan (self)), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_map_removal), self, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* Popovers are made as they open, so each shows the map as it is now. */
static void
add_popup (GtkMenuButton *button,
           gpointer       data)
{
  AbmPlanPage *self = data;
  AbmWhitespaceAxis axis = button == self->add_division_button ? ABM_WHITESPACE_DIVISIONS : ABM_WHITESPACE_OFFERINGS;
  AbmWhitespaceNamePopover *popover =
    abm_whitespace_name_popover_new (axis == ABM_WHITESPACE_DIVISIONS ? _("New Division") : _("New Offering"),
                                     axis, -1, NULL);

  gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
}

static void
header_popup (GtkMenuButton *button,
              gpointer       data)
{
  AbmPlanPage *self = data;
  AbmWhitespace *map = abm_plan_get_whitespace (edited_plan (self));
  AbmWhitespaceAxis axis = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-axis"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-index"));
  AbmWhitespaceNamePopover *popover =
    abm_whitespace_name_popover_new (axis == ABM_WHITESPACE_DIVISIONS ? _("Division") : _("Offering"),
                                     axis, (int) index, abm_whitespace_get_name (map, axis, index));

  gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
}

static void
cell_popup (GtkMenuButton *button,
            gpointer       data)
{
  AbmPlanPage *self = data;
  AbmWhitespace *map = abm_plan_get_whitespace (edited_plan (self));
  guint r = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-division"));
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "abm-offering"));
  g_autofree char *heading = g_strdup_printf (_("%s, %s"), abm_whitespace_get_name (map, ABM_WHITESPACE_DIVISIONS, r),
                                              abm_whitespace_get_name (map, ABM_WHITESPACE_OFFERINGS, c));
  AbmWhitespaceCellPopover *popover = abm_whitespace_cell_popover_new (heading, r, c, abm_whitespace_get_cell (map, r, c));

  gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
}

/* A flat menu button showing @text, named @name for assistive technology
 * and the tooltip. */
static GtkWidget *
map_button (const char *text,
            const char *name,
            const char *css_class)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, css_class);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static GtkWidget *
header_button (AbmPlanPage       *self,
               AbmWhitespace     *map,
               AbmWhitespaceAxis  axis,
               guint              index)
{
  const char *name = abm_whitespace_get_name (map, axis, index);
  g_autofree char *label = g_strdup_printf (axis == ABM_WHITESPACE_DIVISIONS ? _("Division “%s”")
                                                                              : _("Offering “%s”"), name);
  GtkWidget *button = map_button (name, label, "whitespace-header");

  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "abm-axis", GUINT_TO_POINTER (axis));
  g_object_set_data (G_OBJECT (button), "abm-index", GUINT_TO_POINTER (index));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), header_popup, self, NULL);
  return button;
}

/* A cell says its status in words (and the competitor and amount), so it
 * reads without its colour. */
static GtkWidget *
cell_button (AbmPlanPage   *self,
             AbmWhitespace *map,
             guint          r,
             guint          c)
{
  const AbmWhitespaceCell *cell = abm_whitespace_get_cell (map, r, c);
  g_autoptr(GString) text = g_string_new (cell->competitor ? cell->competitor
                                          : abm_whitespace_status_label (cell->status));
  g_autofree char *name = NULL;
  GtkWidget *button;

  if (cell->amount > 0)
    {
      g_autofree char *amount =
        abm_render_text_compact_amount (cell->amount, abm_workspace_get_currency (self->workspace));
      g_string_append_printf (text, "\n%s", amount);
    }
  /* TRANSLATORS: a cell of the whitespace map: division, offering: what it is */
  name = g_strdup_printf (_("%s, %s: %s"), abm_whitespace_get_name (map, ABM_WHITESPACE_DIVISIONS, r),
                          abm_whitespace_get_name (map, ABM_WHITESPACE_OFFERINGS, c), text->str);
  g_strdelimit (name, "\n", ' ');
  button = map_button (text->str, name, "whitespace-cell");
  gtk_widget_add_css_class (button, abm_whitespace_status_key (cell->status));
  g_object_set_data (G_OBJECT (button), "abm-division", GUINT_TO_POINTER (r));
  g_object_set_data (G_OBJECT (button), "abm-offering", GUINT_TO_POINTER (c));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), cell_popup, self, NULL);
  return button;
}

static void
refresh_whitespace (AbmPlanPage *self)
{
  AbmPlan *plan = edited_plan (self);
  AbmWhitespace *map = plan ? abm_plan_get_whitespace (plan) : NULL;
  int focus_row = self->focus_row, focus_column = self->focus_column;
  GtkWidget *focus;
  guint rows, cols;

  self->focus_row = self->focus_column = -1;
  clear_grid (self->whitespace_grid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_division_button), map != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_offering_button), map != NULL);
  if (map == NULL || abm_whitespace_is_empty (map))
    {
      gtk_stack_set_visible_child_name (self->whitespace_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->whitespace_stack, "map");
  rows = abm_whitespace_get_n (map, ABM_WHITESPACE_DIVISIONS);
  cols = abm_whitespace_get_n (map, ABM_WHITESPACE_OFFERINGS);
  for (guint c = 0; c < cols; c++)
    gtk_grid_attach (self->whitespace_grid, header_button (self, map, ABM_WHITESPACE_OFFERINGS, c), c + 1, 0, 1, 1);
  for (guint r = 0; r < rows; r++)
    {
      gtk_grid_attach (self->whitespace_grid, header_button (self, map, ABM_WHITESPACE_DIVISIONS, r), 0, r + 1, 1, 1);
      for (guint c = 0; c < cols; c++)
        gtk_grid_attach (self->whitespace_grid, cell_button (self, map, r, c), c + 1, r + 1, 1, 1);
    }
  /* Keyboard users stay where they were. */
  focus = focus_row >= 0 ? gtk_grid_get_child_at (self->whitespace_grid, focus_column, focus_row) : NULL;
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
plan_changed (AbmPlanPage *self,
              AbmPlan     *plan)
{
  if (plan != self->plan && plan != self->parent)
    return;
  update_status (self);
  update_inherited (self);
  if (plan == edited_plan (self))
    refresh_whitespace (self);
}

static void
disconnect (AbmPlanPage *self)
{
  for (guint p = 0; p < 2; p++)
    {
      AbmPlan *plan = p == 0 ? self->plan : self->parent;

      if (plan == NULL)
        continue;
      for (AbmPlanItemKind kind = 0; kind < ABM_PLAN_N_ITEM_KINDS; kind++)
        g_signal_handlers_disconnect_by_data (abm_plan_get_items (plan, kind), self);
    }
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  self->editing = NULL;
  g_clear_object (&self->plan);
  g_clear_object (&self->parent);
}

static void
items_changed (AbmPlanPage *self)
{
  refresh_items (self);
}

void
abm_plan_page_set_account (AbmPlanPage  *self,
                           AbmWorkspace *workspace,
                           AbmAccount   *account)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ABM_IS_PLAN_PAGE (self));

  save_sections (self);
  disconnect (self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->account, account);

  if (workspace != NULL && account != NULL)
    {
      AbmPlan *plan = abm_workspace_get_plan (workspace, account, &error);

      if (plan == NULL)
        g_warning ("Could not read the plan: %s", error->message);
      g_set_object (&self->plan, plan);
      g_set_object (&self->parent, abm_workspace_get_parent_plan (workspace, account, NULL));
      self->editing = self->plan;
      for (guint p = 0; p < 2; p++)
        {
          AbmPlan *each = p == 0 ? self->plan : self->parent;

          for (AbmPlanItemKind kind = 0; each != NULL && kind < ABM_PLAN_N_ITEM_KINDS; kind++)
            g_signal_connect_swapped (abm_plan_get_items (each, kind), "items-changed",
                                      G_CALLBACK (items_changed), self);
        }
      g_signal_connect_swapped (workspace, "plan-changed", G_CALLBACK (plan_changed), self);
      g_signal_connect_swapped (workspace, "setting-changed::plans", G_CALLBACK (update_status), self);
    }

  self->loading = TRUE;
  gtk_switch_set_active (self->cluster_switch, FALSE);
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cluster_group), self->parent != NULL);
  if (self->parent != NULL)
    {
      AbmCluster *cluster = abm_workspace_find_cluster (workspace, abm_account_get_cluster_id (account));
      g_autofree char *subtitle =
        g_strdup_printf (_("“%s” is in the cluster “%s”: its blank sections show the cluster plan."),
                         abm_account_get_name (account), cluster ? abm_cluster_get_name (cluster) : "");

      adw_action_row_set_subtitle (self->cluster_row, subtitle);
    }
  load_sections (self);
  refresh_items (self);
  refresh_whitespace (self);
}

static void
add_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AbmPlanPage *self = ABM_PLAN_PAGE (widget);
  int kind = g_variant_get_int32 (parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  AbmPlanItemDialog *dialog;

  if (edited_plan (self) == NULL || kind < 0 || kind >= ABM_PLAN_N_ITEM_KINDS)
    return;
  dialog = abm_plan_item_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->workspace,
                                     edited_plan (self), kind, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
abm_plan_page_dispose (GObject *object)
{
  AbmPlanPage *self = ABM_PLAN_PAGE (object);

  /* Whatever is still waiting for the debounce is written first. */
  if (self->workspace != NULL)
    save_sections (self);
  g_clear_handle_id (&self->save_timeout, g_source_remove);
  disconnect (self);
  g_clear_object (&self->account);
  g_clear_object (&self->workspace);
  for (guint i = 0; i < ABM_PLAN_N_ITEM_KINDS; i++)
    g_clear_pointer (&self->item_rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (abm_plan_page_parent_class)->dispose (object);
}

static void
abm_plan_page_class_init (AbmPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_plan_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, cluster_group);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, cluster_switch);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, overview_group);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, motion_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, review_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, stale_row);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, stale_days_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, vendor_group);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, event_group);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, step_group);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, whitespace_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, whitespace_grid);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, add_division_button);
  gtk_widget_class_bind_template_child (widget_class, AbmPlanPage, add_offering_button);
  gtk_widget_class_bind_template_callback (widget_class, cluster_switch_toggled);
  gtk_widget_class_bind_template_callback (widget_class, motion_changed);
  gtk_widget_class_bind_template_callback (widget_class, review_applied);
  gtk_widget_class_bind_template_callback (widget_class, stale_days_changed);

  gtk_widget_class_install_action (widget_class, "plan.add-item", "i", add_item_activated);
  gtk_widget_class_install_action (widget_class, "plan.set-cell", "(uuusd)", set_cell_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-to-map", "(us)", add_to_map_activated);
  gtk_widget_class_install_action (widget_class, "plan.rename-in-map", "(uus)", rename_in_map_activated);
  gtk_widget_class_install_action (widget_class, "plan.remove-from-map", "(uu)", remove_from_map_activated);
}

static void
abm_plan_page_init (AbmPlanPage *self)
{
  g_autoptr(GtkStringList) motions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < ABM_PLAN_N_ITEM_KINDS; i++)
    self->item_rows[i] = g_ptr_array_new ();
  self->loading = TRUE;
  for (AbmMotion m = 0; m < ABM_N_MOTIONS; m++)
    gtk_string_list_append (motions, abm_motion_label (m));
  adw_combo_row_set_model (self->motion_row, G_LIST_MODEL (motions));
  self->loading = FALSE;
  self->focus_row = self->focus_column = -1;
  gtk_menu_button_set_create_popup_func (self->add_division_button, add_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->add_offering_button, add_popup, self, NULL);
  build_sections (self);
}
