/* abm-account-page.c: one account's fields, each stored as it is applied
 *
 * A field is stored when the user presses Enter or the apply button, when
 * focus leaves it, or when the page is about to show another account; a
 * value the model rejects stays in the field with the reason beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-account-page.h"
#include "abm-text.h"

/* Notes are stored this long after the last keystroke. */
#define NOTES_DELAY_MS 800

struct _AbmAccountPage
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  guint         notes_timeout;
  gboolean      loading;

  AdwEntryRow  *rows[ABM_ACCOUNT_N_FIELDS];
  GtkLabel     *errors[ABM_ACCOUNT_N_FIELDS];

  GPtrArray    *fit_rows;
  GPtrArray    *custom_rows;

  /* Template widgets */
  AdwExpanderRow *fit_row;
  GtkSwitch    *target_switch;
  AdwComboRow  *tier_row;
  AdwComboRow  *stage_row;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkTextView  *notes_view;
  AdwPreferencesGroup *custom_group;
  GtkSwitch    *tier_lock_switch;
  AdwExpanderRow *tier_reason_row;
  GtkLabel     *tier_reason_label;
  AdwComboRow  *cluster_row;
  GtkStringList *cluster_names;
  GArray       *cluster_ids;    /* gint64 per cluster_names item */
};

G_DEFINE_FINAL_TYPE (AbmAccountPage, abm_account_page, ADW_TYPE_BIN)

static void load_cluster (AbmAccountPage *self);

static void
show_error (AbmAccountPage  *self,
            AbmAccountField  field,
            const char      *message)
{
  GtkWidget *row = GTK_WIDGET (self->rows[field]);

  gtk_label_set_text (self->errors[field], message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->errors[field]), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static char *
dup_notes (AbmAccountPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_number (AbmAccountField field)
{
  return field == ABM_ACCOUNT_FIELD_EMPLOYEES
      || field == ABM_ACCOUNT_FIELD_ANNUAL_REVENUE
      || field == ABM_ACCOUNT_FIELD_ACV_POTENTIAL;
}

static char *
dup_display_text (AbmAccount      *account,
                  AbmAccountField  field)
{
  g_autofree char *text = abm_account_dup_field_text (account, field);

  if (!is_number (field) || *text == '\0')
    return g_steal_pointer (&text);
  return abm_text_group_digits (text);
}

static gboolean
commit_field (AbmAccountPage  *self,
              AbmAccountField  field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmAccount) parsed = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *notes = NULL;
  const char *text;

  if (self->account == NULL || self->workspace == NULL || self->loading)
    return TRUE;

  if (field == ABM_ACCOUNT_FIELD_NOTES)
    text = notes = dup_notes (self);
  else
    text = gtk_editable_get_text (GTK_EDITABLE (self->rows[field]));

  /* Unchanged is judged on the value, not the spelling: "1,200" is 1200. */
  parsed = abm_account_copy (self->account);
  if (!abm_account_set_field_text (parsed, field, text, &error))
    {
      if (field != ABM_ACCOUNT_FIELD_NOTES)
        show_error (self, field, error->message);
      return FALSE;
    }
  stored = abm_account_dup_field_text (self->account, field);
  wanted = abm_account_dup_field_text (parsed, field);

  if (g_strcmp0 (stored, wanted) != 0
      && !abm_workspace_update_account (self->workspace, self->account, parsed, &error))
    {
      if (field != ABM_ACCOUNT_FIELD_NOTES)
        show_error (self, field, error->message);
      else
        g_warning ("Could not store notes: %s", error->message);
      return FALSE;
    }

  if (field != ABM_ACCOUNT_FIELD_NOTES)
    {
      g_autofree char *shown = dup_display_text (self->account, field);

      show_error (self, field, NULL);
      /* Show what was stored: "https://www.Acme.com/" becomes "acme.com". */
      if (g_strcmp0 (shown, text) != 0)
        {
          self->loading = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->rows[field]), shown);
          self->loading = FALSE;
        }
    }
  return TRUE;
}

gboolean
abm_account_page_commit (AbmAccountPage *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (ABM_IS_ACCOUNT_PAGE (self), FALSE);

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    if (self->rows[i] != NULL || i == ABM_ACCOUNT_FIELD_NOTES)
      ok &= commit_field (self, i);
  return ok;
}

/* The score and, one row per criterion, why: users distrust a number
 * they cannot take apart. */
static void
update_fit (AbmAccountPage *self)
{
  AbmIcp *icp = self->workspace ? abm_workspace_get_icp (self->workspace) : NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  double score;
  guint matched = 0;

  for (guint i = 0; i < self->fit_rows->len; i++)
    adw_expander_row_remove (self->fit_row, self->fit_rows->pdata[i]);
  g_ptr_array_set_size (self->fit_rows, 0);

  if (icp == NULL || self->account == NULL)
    return;

  score = abm_account_get_fit_score (self->account);
  if (score < 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fit_row), _("Not Scored"));
      adw_expander_row_set_subtitle (self->fit_row,
                                     _("Add criteria to the ideal customer profile to score accounts"));
      adw_expander_row_set_enable_expansion (self->fit_row, FALSE);
      return;
    }

  adw_expander_row_set_enable_expansion (self->fit_row, TRUE);
  lines = abm_icp_explain (icp, self->account);
  for (guint i = 0; i < lines->len; i++)
    {
      AbmIcpExplanation *line = lines->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (line->matched ? "object-select-symbolic"
                                                                    : "window-close-symbolic");
      g_autofree char *detail = NULL;

      matched += line->matched;
      if (line->must_have_failed)
        detail = g_strdup_printf (_("Must have, not met: the score stays below the moderate band (has: %s)"),
                                  line->account_value ? line->account_value : _("nothing known"));
      else if (line->matched)
        /* Translators: points a matched criterion adds to the fit score */
        detail = g_strdup_printf (_("Met: +%.0f points"), line->points);
      else
        detail = g_strdup_printf (_("Not met (has: %s)"),
                                  line->account_value ? line->account_value : _("nothing known"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      line->matched ? _("Met") : _("Not met"), -1);
      if (!line->matched)
        gtk_widget_add_css_class (icon, line->must_have_failed ? "error" : "dim-label");
      else
        gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->description);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
      adw_expander_row_add_row (self->fit_row, row);
      g_ptr_array_add (self->fit_rows, row);
    }

  /* Translators: "Fit 70 · Moderate" */
  title = g_strdup_printf (_("Fit %.0f · %s"), score, abm_icp_band_label (abm_icp_band (icp, score)));
  /* Translators: "4 of 6 criteria met" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u criterion met",
                                           "%u of %u criteria met", lines->len),
                              matched, lines->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fit_row), title);
  adw_expander_row_set_subtitle (self->fit_row, subtitle);
}

static void
update_header (AbmAccountPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  const char *values[3];

  if (self->account == NULL)
    return;

  gtk_label_set_text (self->title_label, abm_account_get_name (self->account));
  values[0] = abm_account_get_domain (self->account);
  values[1] = abm_account_get_industry (self->account);
  values[2] = abm_account_get_country (self->account);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i] != NULL)
      g_ptr_array_add (parts, (gpointer) values[i]);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
}

/* The stage list in the .ui follows abm_account_stages(), after "Not set". */
static void
load_choices (AbmAccountPage *self)
{
  const char *const *stages = abm_account_stages ();
  const char *stage = self->account ? abm_account_get_stage (self->account) : NULL;
  guint position = 0;

  for (guint i = 0; stage != NULL && stages[i] != NULL; i++)
    if (g_strcmp0 (stages[i], stage) == 0)
      position = i + 1;

  gtk_switch_set_active (self->target_switch,
                         self->account && abm_account_get_target (self->account));
  gtk_switch_set_active (self->tier_lock_switch,
                         self->account && abm_account_get_tier_locked (self->account));
  load_cluster (self);
  adw_expander_row_set_expanded (self->tier_reason_row, FALSE);
  adw_combo_row_set_selected (self->tier_row,
                              self->account ? abm_account_get_tier (self->account) : 0);
  adw_combo_row_set_selected (self->stage_row, position);
}

static void
set_choice (AbmAccountPage  *self,
            AbmAccountField  field,
            const char      *text)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->account == NULL || self->workspace == NULL)
    return;
  if (!abm_workspace_set_account_field (self->workspace, self->account, field, text, &error))
    g_warning ("Could not store %s: %s", abm_account_field_key (field), error->message);
}

static void
target_toggled (AbmAccountPage *self)
{
  set_choice (self, ABM_ACCOUNT_FIELD_TARGET,
              gtk_switch_get_active (self->target_switch) ? "yes" : "no");
}

static void
tier_selected (AbmAccountPage *self)
{
  g_autofree char *tier = g_strdup_printf ("%u", adw_combo_row_get_selected (self->tier_row));

  set_choice (self, ABM_ACCOUNT_FIELD_TIER, tier);
}

/* The tier, lock or cluster changed elsewhere (a suggestion, a bulk edit). */
static void
reload_choices (AbmAccountPage *self)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  load_choices (self);
  self->loading = was_loading;
}

static void
tier_lock_toggled (AbmAccountPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->account == NULL || self->workspace == NULL)
    return;
  if (!abm_workspace_set_account_tier (self->workspace, self->account, abm_account_get_tier (self->account),
                                       gtk_switch_get_active (self->tier_lock_switch), &error))
    g_warning ("Could not lock the tier: %s", error->message);
}

/* The explanation needs the whole list's priorities: made when asked.
 * Collapsed, the label is empty, and an empty label takes no focus: a
 * screen reader (which sees a collapsed row's content) would find a
 * stop with nothing to say, or another account's reason. */
static void
tier_reason_expanded (AbmAccountPage *self)
{
  g_autoptr(AbmTierPlan) plan = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (adw_expander_row_get_expanded (self->tier_reason_row) && self->account != NULL && self->workspace != NULL)
    {
      plan = abm_tier_plan_new (abm_workspace_get_tier_rules (self->workspace),
                                abm_workspace_get_accounts (self->workspace));
      n = abm_tier_plan_get_n_accounts (plan);
      for (guint i = 0; i < n && text == NULL; i++)
        if (abm_tier_plan_get_account (plan, i) == self->account)
          text = abm_tier_plan_explain (plan, i);
    }
  gtk_label_set_text (self->tier_reason_label, text ? text : "");
  gtk_label_set_selectable (self->tier_reason_label, text != NULL && *text != '\0');
}

/* "None" and the workspace's clusters, the account's one selected. */
static void
load_cluster (AbmAccountPage *self)
{
  GListModel *clusters = self->workspace ? abm_workspace_get_clusters (self->workspace) : NULL;
  guint n = clusters ? g_list_model_get_n_items (clusters) : 0;
  gint64 current = self->account ? abm_account_get_cluster_id (self->account) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;
  gboolean was_loading = self->loading;
  gint64 none = 0;

  self->loading = TRUE;
  g_array_set_size (self->cluster_ids, 0);
  g_array_append_val (self->cluster_ids, none);
  g_ptr_array_add (names, (gpointer) _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmCluster) cluster = g_list_model_get_item (clusters, i);
      gint64 id = abm_cluster_get_id (cluster);

      if (id == current)
        selected = i + 1;
      g_array_append_val (self->cluster_ids, id);
      /* The store keeps the cluster, and with it the name. */
      g_ptr_array_add (names, (gpointer) abm_cluster_get_name (cluster));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->cluster_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->cluster_names)),
                          (const char *const *) names->pdata);
  adw_combo_row_set_selected (self->cluster_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cluster_row), n > 0);
  self->loading = was_loading;
}

static void
cluster_selected (AbmAccountPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->cluster_row);

  if (self->loading || self->account == NULL || self->workspace == NULL || selected >= self->cluster_ids->len)
    return;
  accounts = g_ptr_array_new ();
  g_ptr_array_add (accounts, self->account);
  if (!abm_workspace_set_accounts_cluster (self->workspace, accounts,
                                           g_array_index (self->cluster_ids, gint64, selected), &error))
    g_warning ("Could not move the account: %s", error->message);
}

static void
stage_selected (AbmAccountPage *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  set_choice (self, ABM_ACCOUNT_FIELD_STAGE,
              selected == 0 ? "" : abm_account_stages ()[selected - 1]);
}

static void
custom_applied (AdwEntryRow    *row,
                AbmAccountPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "abm-custom-key");
  g_autoptr(GError) error = NULL;

  if (self->account == NULL || self->workspace == NULL)
    return;
  if (!abm_workspace_set_account_custom (self->workspace, self->account, key,
                                         gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), NULL);
}

/* A row per custom field, in name order. */
static void
load_custom (AbmAccountPage *self)
{
  const char *const *pairs = self->account ? abm_account_get_custom_pairs (self->account) : NULL;

  for (guint i = 0; i < self->custom_rows->len; i++)
    adw_preferences_group_remove (self->custom_group, self->custom_rows->pdata[i]);
  g_ptr_array_set_size (self->custom_rows, 0);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    {
      GtkWidget *row = adw_entry_row_new ();

      /* The name is the file's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pairs[i]);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (row), pairs[i + 1]);
      g_object_set_data_full (G_OBJECT (row), "abm-custom-key", g_strdup (pairs[i]), g_free);
      g_signal_connect (row, "apply", G_CALLBACK (custom_applied), self);
      adw_preferences_group_add (self->custom_group, row);
      g_ptr_array_add (self->custom_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->custom_group), self->custom_rows->len > 0);
}

static void
load_fields (AbmAccountPage *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (self->rows[i] == NULL)
        continue;
      text = self->account ? dup_display_text (self->account, i) : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), text);
      show_error (self, i, NULL);
    }

  {
    const char *notes = self->account ? abm_account_get_notes (self->account) : NULL;
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
  }
  load_choices (self);
  load_custom (self);
  self->loading = FALSE;

  update_header (self);
  update_fit (self);
}

static void
set_money_titles (AbmAccountPage *self)
{
  const char *currency = self->workspace ? abm_workspace_get_currency (self->workspace) : NULL;
  const AbmAccountField money[] = { ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, ABM_ACCOUNT_FIELD_ACV_POTENTIAL };

  for (guint i = 0; i < G_N_ELEMENTS (money); i++)
    {
      g_autofree char *title = NULL;

      if (currency != NULL)
        /* Translators: a money field and the workspace currency, "Annual Revenue (EUR)" */
        title = g_strdup_printf (_("%s (%s)"), abm_account_field_label (money[i]), currency);
      else
        title = g_strdup (abm_account_field_label (money[i]));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[money[i]]), title);
    }
}

void
abm_account_page_set_account (AbmAccountPage *self,
                              AbmWorkspace   *workspace,
                              AbmAccount     *account)
{
  g_return_if_fail (ABM_IS_ACCOUNT_PAGE (self));

  if (self->account == account && self->workspace == workspace)
    return;

  /* What was typed for the previous account is stored before it goes. */
  abm_account_page_commit (self);

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_icp (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_clusters (self->workspace), self);
    }
  g_set_object (&self->account, account);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (abm_workspace_get_icp (workspace), "changed",
                                G_CALLBACK (update_fit), self);
      g_signal_connect_swapped (abm_workspace_get_clusters (workspace), "items-changed",
                                G_CALLBACK (reload_choices), self);
    }
  if (account != NULL)
    {
      g_signal_connect_swapped (account, "notify::name", G_CALLBACK (update_header), self);
      g_signal_connect_swapped (account, "notify::domain", G_CALLBACK (update_header), self);
      g_signal_connect_swapped (account, "notify::industry", G_CALLBACK (update_header), self);
      g_signal_connect_swapped (account, "notify::country", G_CALLBACK (update_header), self);
      g_signal_connect_swapped (account, "notify::fit-score", G_CALLBACK (update_fit), self);
      g_signal_connect_swapped (account, "notify::tier", G_CALLBACK (reload_choices), self);
      g_signal_connect_swapped (account, "notify::tier-locked", G_CALLBACK (reload_choices), self);
      g_signal_connect_swapped (account, "notify::cluster-id", G_CALLBACK (reload_choices), self);
    }

  set_money_titles (self);
  load_fields (self);
}

AbmAccount *
abm_account_page_get_account (AbmAccountPage *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT_PAGE (self), NULL);
  return self->account;
}

static AbmAccountField
row_field (AbmAccountPage *self,
           GtkWidget      *row)
{
  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    if (GTK_WIDGET (self->rows[i]) == row)
      return i;
  g_return_val_if_reached (ABM_ACCOUNT_FIELD_NAME);
}

static void
row_applied (AbmAccountPage *self,
             AdwEntryRow    *row)
{
  commit_field (self, row_field (self, GTK_WIDGET (row)));
}

static void
focus_left (GtkEventControllerFocus *controller,
            AbmAccountPage          *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (widget == GTK_WIDGET (self->notes_view))
    {
      g_clear_handle_id (&self->notes_timeout, g_source_remove);
      commit_field (self, ABM_ACCOUNT_FIELD_NOTES);
    }
  else
    commit_field (self, row_field (self, widget));
}

static gboolean
notes_timeout_cb (gpointer user_data)
{
  AbmAccountPage *self = user_data;

  self->notes_timeout = 0;
  commit_field (self, ABM_ACCOUNT_FIELD_NOTES);
  return G_SOURCE_REMOVE;
}

static void
notes_changed (AbmAccountPage *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_DELAY_MS, notes_timeout_cb, self);
}

static void
watch_focus (AbmAccountPage *self,
             GtkWidget      *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (focus_left), self);
  gtk_widget_add_controller (widget, controller);
}

static void
abm_account_page_dispose (GObject *object)
{
  AbmAccountPage *self = ABM_ACCOUNT_PAGE (object);

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_icp (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_clusters (self->workspace), self);
    }
  g_clear_object (&self->account);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->fit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->custom_rows, g_ptr_array_unref);
  g_clear_pointer (&self->cluster_ids, g_array_unref);

  G_OBJECT_CLASS (abm_account_page_parent_class)->dispose (object);
}

#define BIND_FIELD(name, FIELD) \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_row", FALSE, \
      G_STRUCT_OFFSET (AbmAccountPage, rows) + ABM_ACCOUNT_FIELD_##FIELD * sizeof (gpointer)); \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_error", FALSE, \
      G_STRUCT_OFFSET (AbmAccountPage, errors) + ABM_ACCOUNT_FIELD_##FIELD * sizeof (gpointer))

static void
abm_account_page_class_init (AbmAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_account_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-account-page.ui");
  BIND_FIELD (name, NAME);
  BIND_FIELD (domain, DOMAIN);
  BIND_FIELD (industry, INDUSTRY);
  BIND_FIELD (employees, EMPLOYEES);
  BIND_FIELD (annual_revenue, ANNUAL_REVENUE);
  BIND_FIELD (country, COUNTRY);
  BIND_FIELD (city, CITY);
  BIND_FIELD (acv_potential, ACV_POTENTIAL);
  BIND_FIELD (owner_ae, OWNER_AE);
  BIND_FIELD (owner_marketer, OWNER_MARKETER);
  BIND_FIELD (technologies, TECHNOLOGIES);
  BIND_FIELD (intent_topics, INTENT_TOPICS);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, fit_row);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, target_switch);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, tier_row);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, stage_row);
  gtk_widget_class_bind_template_callback (widget_class, target_toggled);
  gtk_widget_class_bind_template_callback (widget_class, tier_selected);
  gtk_widget_class_bind_template_callback (widget_class, stage_selected);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, custom_group);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, tier_lock_switch);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, tier_reason_row);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, tier_reason_label);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, cluster_row);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountPage, cluster_names);
  gtk_widget_class_bind_template_callback (widget_class, tier_lock_toggled);
  gtk_widget_class_bind_template_callback (widget_class, tier_reason_expanded);
  gtk_widget_class_bind_template_callback (widget_class, cluster_selected);
  gtk_widget_class_bind_template_callback (widget_class, row_applied);
}

static void
abm_account_page_init (AbmAccountPage *self)
{
  self->fit_rows = g_ptr_array_new ();
  self->custom_rows = g_ptr_array_new ();
  self->cluster_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ABM_ACCOUNT_N_FIELDS; i++)
    if (self->rows[i] != NULL)
      watch_focus (self, GTK_WIDGET (self->rows[i]));
  watch_focus (self, GTK_WIDGET (self->notes_view));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (notes_changed), self);
}
