/* abm-profile-view.c: the ideal customer profile, its fit bands, and what
 * won customers have in common
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-message.h"
#include "abm-criterion-row.h"
#include "abm-file-chooser.h"
#include "abm-profile-view.h"
#include "abm-readiness-group.h"

/* Suggestions shown at most: the strongest lifts. */
#define MAX_SUGGESTIONS 8

struct _AbmProfileView
{
  AdwBin                parent_instance;

  AbmWorkspace         *workspace;
  GPtrArray            *criterion_rows;
  GPtrArray            *learn_rows;
  GPtrArray            *suggestions;
  guint                 n_criteria;
  gboolean              loading;
  guint                 custom_idle;

  /* Template widgets */
  GtkLabel             *strong_label;
  GtkLabel             *moderate_label;
  GtkLabel             *weak_label;
  AdwActionRow         *strong_row;
  AdwActionRow         *moderate_row;
  AdwActionRow         *weak_row;
  GtkSpinButton        *strong_spin;
  GtkSpinButton        *moderate_spin;
  AdwPreferencesGroup  *criteria_group;
  AdwPreferencesGroup  *learn_group;
  AbmReadinessGroup    *readiness_group;
  GMenu                *custom_section;
};

G_DEFINE_FINAL_TYPE (AbmProfileView, abm_profile_view, ADW_TYPE_BIN)

static AbmIcp *
get_icp (AbmProfileView *self)
{
  return self->workspace ? abm_workspace_get_icp (self->workspace) : NULL;
}

static void
update_distribution (AbmProfileView *self)
{
  AbmIcp *icp = get_icp (self);
  GListModel *accounts = self->workspace ? abm_workspace_get_accounts (self->workspace) : NULL;
  guint counts[ABM_ICP_BAND_STRONG + 1] = { 0 };
  guint n = accounts ? g_list_model_get_n_items (accounts) : 0;
  g_autofree char *strong = NULL;
  g_autofree char *moderate = NULL;
  g_autofree char *weak = NULL;
  g_autofree char *strong_range = NULL;
  g_autofree char *moderate_range = NULL;
  g_autofree char *weak_range = NULL;

  if (icp == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      counts[abm_icp_band (icp, abm_account_get_fit_score (account))]++;
    }

  strong = g_strdup_printf ("%u", counts[ABM_ICP_BAND_STRONG]);
  moderate = g_strdup_printf ("%u", counts[ABM_ICP_BAND_MODERATE]);
  weak = g_strdup_printf ("%u", counts[ABM_ICP_BAND_WEAK]);
  gtk_label_set_text (self->strong_label, strong);
  gtk_label_set_text (self->moderate_label, moderate);
  gtk_label_set_text (self->weak_label, weak);

  /* Translators: a range of fit scores, "81–100" */
  strong_range = g_strdup_printf (_("Scores %u–100"), abm_icp_get_strong_min (icp));
  moderate_range = g_strdup_printf (_("Scores %u–%u"), abm_icp_get_moderate_min (icp),
                                    abm_icp_get_strong_min (icp) - 1);
  weak_range = g_strdup_printf (_("Scores below %u"), abm_icp_get_moderate_min (icp));
  if (abm_icp_get_n_criteria (icp) == 0)
    {
      g_free (weak_range);
      weak_range = g_strdup (_("No account is scored until the profile has a criterion"));
    }
  adw_action_row_set_subtitle (self->strong_row, strong_range);
  adw_action_row_set_subtitle (self->moderate_row, moderate_range);
  adw_action_row_set_subtitle (self->weak_row, weak_range);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild_criteria (AbmProfileView *self)
{
  AbmIcp *icp = get_icp (self);

  clear_rows (self->criteria_group, self->criterion_rows);
  self->n_criteria = icp ? abm_icp_get_n_criteria (icp) : 0;

  if (icp == NULL)
    return;

  if (self->n_criteria == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No criteria yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add the industries, sizes, countries and technologies of the accounts "
                                     "you want, or let your customers suggest them below."));
      adw_preferences_group_add (self->criteria_group, row);
      g_ptr_array_add (self->criterion_rows, row);
      return;
    }

  for (guint i = 0; i < self->n_criteria; i++)
    {
      GtkWidget *row = GTK_WIDGET (abm_criterion_row_new (icp, i));

      adw_preferences_group_add (self->criteria_group, row);
      g_ptr_array_add (self->criterion_rows, row);
    }
}

static void
icp_changed (AbmProfileView *self)
{
  AbmIcp *icp = get_icp (self);

  /* Added or removed criteria move the others: make the rows again.
   * Other edits came from a row, which shows them already. */
  if (abm_icp_get_n_criteria (icp) != self->n_criteria)
    rebuild_criteria (self);
  else
    for (guint i = 0; i < self->criterion_rows->len; i++)
      if (ABM_IS_CRITERION_ROW (self->criterion_rows->pdata[i]))
        abm_criterion_row_refresh (self->criterion_rows->pdata[i]);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->strong_spin, abm_icp_get_strong_min (icp));
  gtk_spin_button_set_value (self->moderate_spin, abm_icp_get_moderate_min (icp));
  self->loading = FALSE;

  update_distribution (self);
}

static void
bands_changed (AbmProfileView *self)
{
  g_autoptr(GError) error = NULL;
  AbmIcp *icp = get_icp (self);

  if (self->loading || icp == NULL)
    return;
  if (!abm_icp_set_bands (icp, (guint) gtk_spin_button_get_value (self->moderate_spin),
                          (guint) gtk_spin_button_get_value (self->strong_spin), &error))
    {
      /* Put back what holds: moderate must stay below strong. */
      self->loading = TRUE;
      gtk_spin_button_set_value (self->strong_spin, abm_icp_get_strong_min (icp));
      gtk_spin_button_set_value (self->moderate_spin, abm_icp_get_moderate_min (icp));
      self->loading = FALSE;
    }
}

/* A new criterion opens, ready for its values. */
static void
expand_last_row (AbmProfileView *self)
{
  guint last = self->criterion_rows->len;

  if (last > 0 && ABM_IS_CRITERION_ROW (self->criterion_rows->pdata[last - 1]))
    adw_expander_row_set_expanded (self->criterion_rows->pdata[last - 1], TRUE);
}

static void
add_criterion (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  AbmIcpKind kind;

  if (get_icp (self) == NULL
      || !abm_icp_kind_from_key (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (abm_icp_add_criterion (get_icp (self), kind, &error) < 0)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Add the Criterion"), error->message);
      return;
    }

  expand_last_row (self);
}

static void
add_custom_criterion (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (get_icp (self) == NULL)
    return;
  if (abm_icp_add_custom_criterion (get_icp (self), g_variant_get_string (parameter, NULL), &error) < 0)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Add the Criterion"), error->message);
      return;
    }
  expand_last_row (self);
}

/* The add menu offers the custom fields the accounts have: looked at once
 * the list has settled, not at every changed account. */
static gboolean
refresh_custom_fields (gpointer data)
{
  AbmProfileView *self = data;
  g_auto(GStrv) fields = NULL;

  self->custom_idle = 0;
  g_menu_remove_all (self->custom_section);
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;

  fields = abm_workspace_dup_custom_fields (self->workspace);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (fields[i], NULL);

      g_menu_item_set_action_and_target (item, "profile.add-custom-criterion", "s", fields[i]);
      g_menu_append_item (self->custom_section, item);
    }
  return G_SOURCE_REMOVE;
}

static void
accounts_changed (AbmProfileView *self)
{
  update_distribution (self);
  if (self->custom_idle == 0)
    self->custom_idle = g_idle_add (refresh_custom_fields, self);
}

static void
add_suggestion_clicked (GtkButton      *button,
                        AbmProfileView *self)
{
  AbmIcpSuggestion *suggestion = g_object_get_data (G_OBJECT (button), "abm-suggestion");
  g_autoptr(GError) error = NULL;

  if (abm_icp_add_suggestion (get_icp (self), suggestion, &error) < 0)
    abm_message_show (GTK_WIDGET (self), _("Could Not Add the Criterion"), error->message);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

static void
learn (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) won = NULL;

  if (self->workspace == NULL)
    return;

  clear_rows (self->learn_group, self->learn_rows);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  won = abm_workspace_dup_won_accounts (self->workspace, &error);
  if (won != NULL)
    self->suggestions = abm_icp_learn (abm_workspace_get_accounts (self->workspace), won, 2, &error);

  if (self->suggestions == NULL || self->suggestions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing to learn from yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   error ? error->message
                                         : _("No value is shared by two or more customers."));
      adw_preferences_group_add (self->learn_group, row);
      g_ptr_array_add (self->learn_rows, row);
      return;
    }

  for (guint i = 0; i < self->suggestions->len && i < MAX_SUGGESTIONS; i++)
    {
      AbmIcpSuggestion *s = self->suggestions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));
      g_autofree char *subtitle = NULL;
      g_autofree char *name = NULL;

      /* Translators: "2.3× as common: 12 of 20 customers, 40 of 250 accounts" */
      subtitle = g_strdup_printf (_("%.1f× as common: %u of %u customers, %u of %u accounts"),
                                  s->lift, s->customers_with, s->customers_total,
                                  s->all_with, s->all_total);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* Translators: the accessible name of a button, "Add Industry is Banking" */
      name = g_strdup_printf (_("Add %s"), s->label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "abm-suggestion", s);
      g_signal_connect (button, "clicked", G_CALLBACK (add_suggestion_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->learn_group, row);
      g_ptr_array_add (self->learn_rows, row);
    }
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Profiles (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
export_chosen (GtkWidget *owner,
               GFile     *file)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (owner);
  g_autofree char *json = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (get_icp (self) == NULL || path == NULL)
    return;
  json = abm_icp_to_json (get_icp (self));
  if (!g_file_set_contents (path, json, -1, &error))
    abm_message_show (GTK_WIDGET (self), _("Could Not Export the Profile"), error->message);
}

static void
import_chosen (GtkWidget *owner,
               GFile     *file)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (owner);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *json = NULL;
  g_autoptr(AbmIcp) icp = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  if (get_icp (self) == NULL || path == NULL)
    return;
  if (!g_file_get_contents (path, &json, &len, &error)
      || (icp = abm_icp_new_from_json (json, len, &error)) == NULL)
    {
      abm_message_show (GTK_WIDGET (self), _("Could Not Import the Profile"), error->message);
      return;
    }
  abm_icp_assign (get_icp (self), icp);
}

static void
choose (AbmProfileView       *self,
        GtkFileChooserAction  action)
{
  g_autoptr(GtkFileFilter) filter = json_filter ();
  g_autofree char *name = NULL;

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      /* Translators: the file name suggested for an exported profile */
      name = g_strdup_printf (_("%s Profile.json"), abm_workspace_get_name (self->workspace));
      abm_file_chooser_show (GTK_WIDGET (self), action, _("Export Profile"), _("_Export"),
                             name, filter, export_chosen);
    }
  else
    abm_file_chooser_show (GTK_WIDGET (self), action, _("Import Profile"), _("_Import"),
                           NULL, filter, import_chosen);
}

static void
export_profile (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (ABM_PROFILE_VIEW (widget)->workspace != NULL)
    choose (ABM_PROFILE_VIEW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
import_profile (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (ABM_PROFILE_VIEW (widget)->workspace != NULL)
    choose (ABM_PROFILE_VIEW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
min_acv_changed (AbmProfileView *self)
{
  abm_readiness_group_set_min_acv (self->readiness_group,
                                   abm_tier_rules_get_min_acv (abm_workspace_get_tier_rules (self->workspace)));
}

void
abm_profile_view_set_workspace (AbmProfileView *self,
                                AbmWorkspace   *workspace)
{
  g_return_if_fail (ABM_IS_PROFILE_VIEW (self));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_icp (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_tier_rules (self->workspace), self);
    }
  clear_rows (self->learn_group, self->learn_rows);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_set_object (&self->workspace, workspace);
  abm_readiness_group_set_workspace (self->readiness_group, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (abm_workspace_get_icp (workspace), "changed",
                                G_CALLBACK (icp_changed), self);
      g_signal_connect_swapped (abm_workspace_get_accounts (workspace), "items-changed",
                                G_CALLBACK (accounts_changed), self);
      /* The readiness check measures deals against the tiers' minimum. */
      g_signal_connect_swapped (abm_workspace_get_tier_rules (workspace), "changed",
                                G_CALLBACK (min_acv_changed), self);
      min_acv_changed (self);
      self->n_criteria = G_MAXUINT;
      icp_changed (self);
    }
  else
    rebuild_criteria (self);
  g_clear_handle_id (&self->custom_idle, g_source_remove);
  refresh_custom_fields (self);
}

static void
abm_profile_view_dispose (GObject *object)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (object);

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_icp (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_tier_rules (self->workspace), self);
    }
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_handle_id (&self->custom_idle, g_source_remove);

  G_OBJECT_CLASS (abm_profile_view_parent_class)->dispose (object);
}

static void
abm_profile_view_finalize (GObject *object)
{
  AbmProfileView *self = ABM_PROFILE_VIEW (object);

  g_ptr_array_unref (self->criterion_rows);
  g_ptr_array_unref (self->learn_rows);

  G_OBJECT_CLASS (abm_profile_view_parent_class)->finalize (object);
}

static void
abm_profile_view_class_init (AbmProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_profile_view_dispose;
  object_class->finalize = abm_profile_view_finalize;

  gtk_widget_class_install_action (widget_class, "profile.add-criterion", "s", add_criterion);
  gtk_widget_class_install_action (widget_class, "profile.add-custom-criterion", "s", add_custom_criterion);
  gtk_widget_class_install_action (widget_class, "profile.learn", NULL, learn);
  gtk_widget_class_install_action (widget_class, "profile.export", NULL, export_profile);
  gtk_widget_class_install_action (widget_class, "profile.import", NULL, import_profile);

  g_type_ensure (ABM_TYPE_CRITERION_ROW);
  g_type_ensure (ABM_TYPE_READINESS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, strong_label);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, moderate_label);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, weak_label);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, strong_row);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, moderate_row);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, weak_row);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, strong_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, moderate_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, criteria_group);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, learn_group);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, readiness_group);
  gtk_widget_class_bind_template_child (widget_class, AbmProfileView, custom_section);
  gtk_widget_class_bind_template_callback (widget_class, bands_changed);
}

static void
abm_profile_view_init (AbmProfileView *self)
{
  self->criterion_rows = g_ptr_array_new ();
  self->learn_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
