/* abm-targets-view.c: the scored target list as a table
 *
 * The table is a GtkColumnView over the workspace's accounts, filtered and
 * sorted in memory (no SQL per row), so it scrolls and filters 100,000
 * accounts. Cells are made in code: one label (or a fit bar) per column,
 * bound to the account and refreshed when the account changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-message.h"
#include "abm-bulk-edit-dialog.h"
#include "abm-csv-writer.h"
#include "abm-file-chooser.h"
#include "abm-targets-view.h"
#include "abm-text.h"
#include "abm-tier-panel.h"

typedef enum {
  CELL_TEXT,
  CELL_COUNT,
  CELL_MONEY,
  CELL_FIT,
  CELL_TIER,
} CellKind;

struct _AbmTargetsView
{
  AdwBin              parent_instance;

  AbmWorkspace       *workspace;
  char               *search_key;   /* casefolded, NULL when empty */
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkMultiSelection  *selection;
  GtkCustomFilter    *filter;

  /* Template widgets */
  GtkStack           *content_stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *fit_filter;
  GtkDropDown        *tier_filter;
  GtkDropDown        *industry_filter;
  GtkDropDown        *country_filter;
  guint               choices_idle;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *domain_column;
  GtkColumnViewColumn *industry_column;
  GtkColumnViewColumn *employees_column;
  GtkColumnViewColumn *revenue_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *fit_column;
  GtkColumnViewColumn *acv_column;
  GtkColumnViewColumn *tier_column;
  GtkColumnViewColumn *owner_column;
  AbmTierPanel       *tier_panel;
};

G_DEFINE_FINAL_TYPE (AbmTargetsView, abm_targets_view, ADW_TYPE_BIN)

enum {
  ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (AbmTargetsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.edit-selected",
                                 self->workspace != NULL && !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "targets.export", self->workspace != NULL);
}

/* The value picked in a drop-down of values, or NULL for its first item,
 * "any", or while it has no values yet. */
static const char *
chosen_value (GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || item == NULL)
    return NULL;
  return gtk_string_object_get_string (item);
}

static gboolean
account_shown (gpointer item,
               gpointer user_data)
{
  AbmTargetsView *self = user_data;
  AbmAccount *account = item;
  guint fit = gtk_drop_down_get_selected (self->fit_filter);
  guint tier = gtk_drop_down_get_selected (self->tier_filter);
  const char *value;

  if (fit != 0 && self->workspace != NULL)
    {
      AbmIcpBand band = abm_icp_band (abm_workspace_get_icp (self->workspace),
                                      abm_account_get_fit_score (account));
      /* The drop-down lists strong, moderate, weak, not scored. */
      const AbmIcpBand wanted[] = { 0, ABM_ICP_BAND_STRONG, ABM_ICP_BAND_MODERATE,
                                    ABM_ICP_BAND_WEAK, ABM_ICP_BAND_UNSCORED };

      if (fit < G_N_ELEMENTS (wanted) && band != wanted[fit])
        return FALSE;
    }

  if (tier != 0)
    {
      guint account_tier = abm_account_get_tier (account);

      if ((tier <= 3 && account_tier != tier) || (tier == 4 && account_tier != 0))
        return FALSE;
    }

  if ((value = chosen_value (self->industry_filter)) != NULL
      && g_strcmp0 (abm_account_get_industry (account), value) != 0)
    return FALSE;
  if ((value = chosen_value (self->country_filter)) != NULL
      && g_strcmp0 (abm_account_get_country (account), value) != 0)
    return FALSE;

  if (self->search_key == NULL)
    return TRUE;
  return strstr (abm_account_get_search_text (account), self->search_key) != NULL;
}

static void
update_count (AbmTargetsView *self)
{
  GListModel *all = self->workspace ? abm_workspace_get_accounts (self->workspace) : NULL;
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *shown_text = abm_text_format_money (shown, NULL);
  g_autofree char *total_text = abm_text_format_money (total, NULL);
  g_autofree char *text = NULL;

  /* Translators: "120 of 5 000 accounts" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s account", "%s of %s accounts", total),
                          shown_text, total_text);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->content_stack, total > 0 ? "table" : "empty");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The values present, sorted, after "any": the choice stays if its value
 * is still there. */
static void
fill_choices (GtkDropDown     *drop_down,
              GListModel      *accounts,
              const char      *(*get) (AbmAccount *),
              const char      *any)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char *[]) { any, NULL });
  g_autofree char *keep = g_strdup (chosen_value (drop_down));
  guint n = accounts ? g_list_model_get_n_items (accounts) : 0;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);
      const char *value = get (account);

      if (value != NULL && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, (gpointer) value);
    }
  g_ptr_array_sort (values, compare_strings);
  for (guint i = 0; i < values->len; i++)
    {
      gtk_string_list_append (list, values->pdata[i]);
      if (g_strcmp0 (keep, values->pdata[i]) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop_down, selected);
}

static gboolean
update_choices (gpointer user_data)
{
  AbmTargetsView *self = user_data;
  GListModel *accounts = self->workspace ? abm_workspace_get_accounts (self->workspace) : NULL;

  self->choices_idle = 0;
  fill_choices (self->industry_filter, accounts, abm_account_get_industry, _("Any Industry"));
  fill_choices (self->country_filter, accounts, abm_account_get_country, _("Any Country"));
  return G_SOURCE_REMOVE;
}

/* Accounts change in bursts (an import, typing on the account page):
 * the lists of values are made again once things are quiet. */
static void
queue_update_choices (AbmTargetsView *self)
{
  if (self->choices_idle == 0)
    self->choices_idle = g_idle_add (update_choices, self);
}

static void
filters_changed (AbmTargetsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
row_activated (AbmTargetsView *self,
               guint           position)
{
  g_autoptr(AbmAccount) account = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (account != NULL)
    g_signal_emit (self, signals[ACCOUNT_ACTIVATED], 0, account);
}

/* Cells */

static char *
cell_text (AbmTargetsView  *self,
           AbmAccount      *account,
           AbmAccountField  field,
           CellKind         kind)
{
  switch (kind)
    {
    case CELL_COUNT:
      return abm_account_get_employees (account) < 0
             ? g_strdup ("") : abm_text_format_money ((double) abm_account_get_employees (account), NULL);
    case CELL_MONEY:
      {
        double value = field == ABM_ACCOUNT_FIELD_ANNUAL_REVENUE
                       ? abm_account_get_annual_revenue (account)
                       : abm_account_get_acv_potential (account);
        return value < 0 ? g_strdup ("") : abm_text_format_money (value, NULL);
      }
    case CELL_FIT:
      return abm_account_get_fit_score (account) < 0
             ? g_strdup ("—") : g_strdup_printf ("%.0f", abm_account_get_fit_score (account));
    case CELL_TIER:
      return abm_account_get_tier (account) == 0
             ? g_strdup ("") : g_strdup_printf (_("Tier %u"), abm_account_get_tier (account));
    case CELL_TEXT:
    default:
      return abm_account_dup_field_text (account, field);
    }
}

static void
refresh_cell (GtkListItem *item)
{
  AbmTargetsView *self = g_object_get_data (G_OBJECT (item), "abm-view");
  AbmAccount *account = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  AbmAccountField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "abm-field"));
  CellKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "abm-kind"));
  g_autofree char *text = NULL;

  if (account == NULL)
    return;
  text = cell_text (self, account, field, kind);

  if (kind == CELL_FIT)
    {
      GtkWidget *bar = gtk_widget_get_first_child (child);
      GtkWidget *label = gtk_widget_get_next_sibling (bar);
      double score = abm_account_get_fit_score (account);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), MAX (score, 0));
      gtk_label_set_text (GTK_LABEL (label), text);
    }
  else
    gtk_label_set_text (GTK_LABEL (child), text);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            AbmTargetsView           *self)
{
  CellKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "abm-kind"));
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (item), "abm-view", self);
  g_object_set_data (G_OBJECT (item), "abm-field", g_object_get_data (G_OBJECT (factory), "abm-field"));
  g_object_set_data (G_OBJECT (item), "abm-kind", GUINT_TO_POINTER (kind));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (kind == CELL_COUNT || kind == CELL_MONEY || kind == CELL_FIT)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      AbmAccountField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "abm-field"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Wide enough to tell accounts apart before ellipsizing. */
      gtk_label_set_width_chars (GTK_LABEL (label),
                                 field == ABM_ACCOUNT_FIELD_NAME ? 20 :
                                 field == ABM_ACCOUNT_FIELD_DOMAIN ? 14 : 10);
    }

  if (kind == CELL_FIT)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);

      /* The bar only illustrates the number beside it. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_label_set_width_chars (GTK_LABEL (label), 3);
      gtk_box_append (GTK_BOX (box), bar);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AbmTargetsView           *self)
{
  AbmAccount *account = gtk_list_item_get_item (item);
  gulong id;

  refresh_cell (item);
  /* A rescore or an edit on the account page shows at once. */
  id = g_signal_connect_object (account, "notify", G_CALLBACK (refresh_cell), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "abm-handler", GSIZE_TO_POINTER (id));
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AbmTargetsView           *self)
{
  AbmAccount *account = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "abm-handler"));

  if (account != NULL && id != 0)
    g_signal_handler_disconnect (account, id);
  g_object_set_data (G_OBJECT (item), "abm-handler", NULL);
}

static void
set_up_column (AbmTargetsView      *self,
               GtkColumnViewColumn *column,
               AbmAccountField      field,
               const char          *property,
               CellKind             kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_property_expression_new (ABM_TYPE_ACCOUNT, NULL, property);
  GtkSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "abm-field", GUINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (factory), "abm-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);

  if (kind == CELL_TEXT)
    sorter = GTK_SORTER (gtk_string_sorter_new (expression));
  else
    sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
}

static void
set_money_titles (AbmTargetsView *self)
{
  const char *currency = self->workspace ? abm_workspace_get_currency (self->workspace) : NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *acv = NULL;

  /* Translators: a column title and the workspace currency, "Revenue (EUR)" */
  revenue = currency ? g_strdup_printf (_("Revenue (%s)"), currency) : g_strdup (_("Revenue"));
  /* Translators: a column title and the workspace currency, "ACV Potential (EUR)" */
  acv = currency ? g_strdup_printf (_("ACV Potential (%s)"), currency) : g_strdup (_("ACV Potential"));
  gtk_column_view_column_set_title (self->revenue_column, revenue);
  gtk_column_view_column_set_title (self->acv_column, acv);
}

void
abm_targets_view_set_workspace (AbmTargetsView *self,
                                AbmWorkspace   *workspace)
{
  g_return_if_fail (ABM_IS_TARGETS_VIEW (self));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_icp (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
    }
  g_set_object (&self->workspace, workspace);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_filter_list_model_set_model (self->filter_model,
                                   workspace ? abm_workspace_get_accounts (workspace) : NULL);
  if (workspace != NULL)
    {
      g_signal_connect_object (abm_workspace_get_icp (workspace), "changed",
                               G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_swapped (abm_workspace_get_accounts (workspace), "items-changed",
                                G_CALLBACK (queue_update_choices), self);
    }
  g_clear_handle_id (&self->choices_idle, g_source_remove);
  abm_tier_panel_set_workspace (self->tier_panel, workspace);
  update_choices (self);
  set_money_titles (self);
  update_count (self);
  update_actions (self);
}

/* What the table shows, in the order shown: for exports. */
GListModel *
abm_targets_view_get_shown (AbmTargetsView *self)
{
  g_return_val_if_fail (ABM_IS_TARGETS_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

void
abm_targets_view_focus_search (AbmTargetsView *self)
{
  g_return_if_fail (ABM_IS_TARGETS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GPtrArray *
abm_targets_view_dup_selected (AbmTargetsView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (ABM_IS_TARGETS_VIEW (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      g_ptr_array_add (accounts, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
    while (gtk_bitset_iter_next (&iter, &position));
  return accounts;
}

static void
edit_selected_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AbmTargetsView *self = ABM_TARGETS_VIEW (widget);
  g_autoptr(GPtrArray) accounts = abm_targets_view_dup_selected (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->workspace == NULL || accounts->len == 0)
    return;
  gtk_window_present (GTK_WINDOW (abm_bulk_edit_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                            self->workspace, accounts)));
}

/* What is shown, in the order shown, as CSV. */
gboolean
abm_targets_view_export (AbmTargetsView  *self,
                         GFile           *file,
                         GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_auto(GStrv) custom = NULL;

  g_return_val_if_fail (ABM_IS_TARGETS_VIEW (self), FALSE);
  g_return_val_if_fail (self->workspace != NULL, FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  custom = abm_workspace_dup_custom_fields (self->workspace);
  return abm_csv_write_accounts (G_LIST_MODEL (self->sort_model),
                                 abm_workspace_get_icp (self->workspace),
                                 (const char *const *) custom,
                                 G_OUTPUT_STREAM (stream), NULL, error);
}

static void
export_chosen (GtkWidget *owner,
               GFile     *file)
{
  AbmTargetsView *self = ABM_TARGETS_VIEW (owner);
  g_autoptr(GError) error = NULL;

  if (self->workspace != NULL && !abm_targets_view_export (self, file, &error))
    abm_message_show (owner, _("Could Not Export the Accounts"), error->message);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmTargetsView *self = ABM_TARGETS_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->workspace == NULL)
    return;

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  /* Translators: the file name suggested for exported accounts */
  name = g_strdup_printf (_("%s Targets.csv"), abm_workspace_get_name (self->workspace));
  abm_file_chooser_show (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Target Accounts"),
                         _("_Export"), name, filter, export_chosen);
}

static void
abm_targets_view_dispose (GObject *object)
{
  AbmTargetsView *self = ABM_TARGETS_VIEW (object);


  g_clear_handle_id (&self->choices_idle, g_source_remove);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_icp (self->workspace), self);
      g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
    }
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (abm_targets_view_parent_class)->dispose (object);
}

static void
abm_targets_view_finalize (GObject *object)
{
  AbmTargetsView *self = ABM_TARGETS_VIEW (object);

  g_free (self->search_key);

  G_OBJECT_CLASS (abm_targets_view_parent_class)->finalize (object);
}

static void
abm_targets_view_class_init (AbmTargetsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_targets_view_dispose;
  object_class->finalize = abm_targets_view_finalize;

  signals[ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ABM_TYPE_ACCOUNT);

  gtk_widget_class_install_action (widget_class, "targets.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "targets.edit-selected", NULL, edit_selected_activated);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-targets-view.ui");
  g_type_ensure (ABM_TYPE_TIER_PANEL);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, tier_panel);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, fit_filter);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, tier_filter);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, industry_filter);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, country_filter);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, domain_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, industry_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, employees_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, revenue_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, country_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, fit_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, acv_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, tier_column);
  gtk_widget_class_bind_template_child (widget_class, AbmTargetsView, owner_column);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
abm_targets_view_init (AbmTargetsView *self)
{
  GtkMultiSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing in the drop-downs searches their values. */
  gtk_drop_down_set_expression (self->industry_filter,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_expression (self->country_filter,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  self->filter = gtk_custom_filter_new (account_shown, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  g_object_unref (self->filter);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  self->selection = selection;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (selection, "items-changed", G_CALLBACK (update_actions), self);
  g_object_unref (self->filter_model);
  g_signal_connect_swapped (self->filter_model, "items-changed", G_CALLBACK (update_count), self);

  set_up_column (self, self->name_column, ABM_ACCOUNT_FIELD_NAME, "name", CELL_TEXT);
  set_up_column (self, self->domain_column, ABM_ACCOUNT_FIELD_DOMAIN, "domain", CELL_TEXT);
  set_up_column (self, self->industry_column, ABM_ACCOUNT_FIELD_INDUSTRY, "industry", CELL_TEXT);
  set_up_column (self, self->employees_column, ABM_ACCOUNT_FIELD_EMPLOYEES, "employees", CELL_COUNT);
  set_up_column (self, self->revenue_column, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "annual-revenue", CELL_MONEY);
  set_up_column (self, self->country_column, ABM_ACCOUNT_FIELD_COUNTRY, "country", CELL_TEXT);
  set_up_column (self, self->fit_column, ABM_ACCOUNT_FIELD_NAME, "fit-score", CELL_FIT);
  set_up_column (self, self->acv_column, ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "acv-potential", CELL_MONEY);
  set_up_column (self, self->tier_column, ABM_ACCOUNT_FIELD_TIER, "tier", CELL_TIER);
  set_up_column (self, self->owner_column, ABM_ACCOUNT_FIELD_OWNER_AE, "owner-ae", CELL_TEXT);

  /* Best fit first, until the user picks another order. */
  gtk_column_view_sort_by_column (self->column_view, self->fit_column, GTK_SORT_DESCENDING);
  update_count (self);
  update_actions (self);
}
