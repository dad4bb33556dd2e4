/* abm-accounts-view.c: the searchable account list beside the selected account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-account-page.h"
#include "abm-activity-page.h"
#include "abm-account-row.h"
#include "abm-committee-page.h"
#include "abm-deals-page.h"
#include "abm-kpi-strip.h"
#include "abm-plan-page.h"
#include "abm-plays-page.h"
#include "abm-accounts-view.h"
#include "abm-text.h"

struct _AbmAccountsView
{
  AdwBin              parent_instance;

  AbmWorkspace       *workspace;
  char               *search_key;   /* casefolded, NULL when not searching */
  GHashTable         *stale;        /* account id -> AbmPlanStaleness of its stale plan */
  AbmEngagementSet   *engagement;   /* every account's, for the rows; NULL until computed */
  guint               engagement_idle;
  guint               scroll_idle;
  GPtrArray          *rows;         /* the list's AbmAccountRows */

  /* Template widgets */
  GtkStack           *content_stack;
  GtkStack           *list_stack;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkWidget          *page_stack;
  AbmAccountPage     *account_page;
  AbmCommitteePage   *committee_page;
  AbmPlanPage        *plan_page;
  AbmPlaysPage       *plays_page;
  AbmActivityPage    *activity_page;
  AbmDealsPage       *deals_page;
  AbmKpiStrip        *kpi_strip;
  AdwViewStack       *account_stack;
};

G_DEFINE_FINAL_TYPE (AbmAccountsView, abm_accounts_view, ADW_TYPE_BIN)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
account_matches (gpointer item,
                 gpointer user_data)
{
  AbmAccountsView *self = user_data;
  AbmAccount *account = item;

  if (self->search_key == NULL)
    return TRUE;

  return abm_text_contains (abm_account_get_name (account), self->search_key)
      || abm_text_contains (abm_account_get_domain (account), self->search_key)
      || abm_text_contains (abm_account_get_industry (account), self->search_key)
      || abm_text_contains (abm_account_get_country (account), self->search_key)
      || abm_text_contains (abm_account_get_city (account), self->search_key)
      || abm_text_contains (abm_account_get_owner_ae (account), self->search_key)
      || abm_text_contains (abm_account_get_owner_marketer (account), self->search_key);
}

static void
flag_row (AbmAccountsView *self,
          AbmAccountRow   *row)
{
  AbmAccount *account = abm_account_row_get_account (row);
  gpointer staleness = account ? g_hash_table_lookup (self->stale, GINT_TO_POINTER ((int) abm_account_get_id (account)))
                               : NULL;

  abm_account_row_set_staleness (row, GPOINTER_TO_INT (staleness));
  abm_account_row_set_engagement (row, account && self->engagement
                                       ? abm_engagement_set_lookup (self->engagement, abm_account_get_id (account))
                                       : NULL);
}

/* Engagement at a glance: every account's score, computed after the
 * list is shown (a hundred thousand accounts take a tenth of a second)
 * and again when activities or the rules change. */
static gboolean
refresh_engagement (gpointer data)
{
  AbmAccountsView *self = data;
  g_autoptr(GError) error = NULL;

  self->engagement_idle = 0;
  g_clear_pointer (&self->engagement, abm_engagement_set_free);
  if (self->workspace != NULL)
    self->engagement = abm_workspace_compute_engagement (self->workspace, 0, &error);
  if (error != NULL)
    g_warning ("Could not compute engagement: %s", error->message);
  for (guint i = 0; i < self->rows->len; i++)
    flag_row (self, self->rows->pdata[i]);
  return G_SOURCE_REMOVE;
}

static void
queue_engagement (AbmAccountsView *self)
{
  if (self->engagement_idle == 0)
    self->engagement_idle = g_idle_add_full (G_PRIORITY_LOW, refresh_engagement, self, NULL);
}

/* Which accounts' plans are stale, now: after every plan edit, a change
 * of the stale period, and whenever the list is shown (days pass). */
static void
refresh_stale (AbmAccountsView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->stale);
  if (self->workspace != NULL)
    items = abm_workspace_list_stale_plans (self->workspace, NULL, &error);
  if (error != NULL)
    g_warning ("Could not find the stale plans: %s", error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      AbmAgendaItem *item = items->pdata[i];

      if (item->account_id > 0)
        g_hash_table_insert (self->stale, GINT_TO_POINTER ((int) item->account_id), GINT_TO_POINTER (item->staleness));
    }
  for (guint i = 0; i < self->rows->len; i++)
    flag_row (self, self->rows->pdata[i]);
}

static void
row_setup (AbmAccountsView *self,
           GtkListItem     *item)
{
  AbmAccountRow *row = abm_account_row_new ();

  gtk_list_item_set_child (item, GTK_WIDGET (row));
  /* Held, and found again at teardown by the item rather than its child,
   * which the list may have let go of first. */
  g_object_set_data (G_OBJECT (item), "abm-row", row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

static void
row_teardown (AbmAccountsView *self,
              GtkListItem     *item)
{
  g_ptr_array_remove (self->rows, g_object_get_data (G_OBJECT (item), "abm-row"));
}

static void
row_bind (AbmAccountsView *self,
          GtkListItem     *item)
{
  AbmAccountRow *row = ABM_ACCOUNT_ROW (gtk_list_item_get_child (item));

  abm_account_row_set_account (row, gtk_list_item_get_item (item));
  flag_row (self, row);
}

static void
row_unbind (AbmAccountsView *self,
            GtkListItem     *item)
{
  abm_account_row_set_account (ABM_ACCOUNT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
update_stacks (AbmAccountsView *self)
{
  GListModel *all = self->workspace ? abm_workspace_get_accounts (self->workspace) : NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (all == NULL || g_list_model_get_n_items (all) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "accounts");

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "no-results");
}

static void
selected_changed (AbmAccountsView *self)
{
  AbmAccount *account = gtk_single_selection_get_selected_item (self->selection);

  abm_account_page_set_account (self->account_page, self->workspace, account);
  abm_committee_page_set_account (self->committee_page, self->workspace, account);
  abm_plan_page_set_account (self->plan_page, self->workspace, account);
  abm_plays_page_set_account (self->plays_page, self->workspace, account);
  abm_activity_page_set_account (self->activity_page, self->workspace, account);
  abm_deals_page_set_account (self->deals_page, self->workspace, account);
  abm_kpi_strip_set_account (self->kpi_strip, self->workspace, account);
  gtk_stack_set_visible_child_name (GTK_STACK (self->page_stack),
                                    account ? "account" : "none");
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
items_changed (AbmAccountsView *self)
{
  update_stacks (self);
}

static void
search_changed (AbmAccountsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_key, g_free);
  if (*stripped != '\0')
    self->search_key = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stacks (self);
}

static void
stop_search (AbmAccountsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated (AbmAccountsView *self,
               guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Folded, the list and the page share the window: one click on an account
 * opens it, as Enter does. */
static void
list_clicked (AbmAccountsView *self)
{
  if (adw_leaflet_get_folded (self->leaflet)
      && gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked (AbmAccountsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
abm_accounts_view_commit (AbmAccountsView *self)
{
  g_return_if_fail (ABM_IS_ACCOUNTS_VIEW (self));

  abm_account_page_commit (self->account_page);
  abm_plan_page_commit (self->plan_page);
}

void
abm_accounts_view_set_workspace (AbmAccountsView *self,
                                 AbmWorkspace    *workspace)
{
  g_return_if_fail (ABM_IS_ACCOUNTS_VIEW (self));

  if (self->workspace == workspace)
    return;

  abm_account_page_set_account (self->account_page, NULL, NULL);
  abm_committee_page_set_account (self->committee_page, NULL, NULL);
  abm_plan_page_set_account (self->plan_page, NULL, NULL);
  abm_plays_page_set_account (self->plays_page, NULL, NULL);
  abm_activity_page_set_account (self->activity_page, NULL, NULL);
  abm_deals_page_set_account (self->deals_page, NULL, NULL);
  abm_kpi_strip_set_account (self->kpi_strip, NULL, NULL);
  stop_search (self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "plan-changed", G_CALLBACK (refresh_stale), self);
      g_signal_connect_swapped (workspace, "setting-changed::plans", G_CALLBACK (refresh_stale), self);
      g_signal_connect_swapped (workspace, "activities-changed", G_CALLBACK (queue_engagement), self);
      g_signal_connect_swapped (workspace, "setting-changed::engagement", G_CALLBACK (queue_engagement), self);
    }
  g_clear_pointer (&self->engagement, abm_engagement_set_free);
  if (workspace != NULL)
    queue_engagement (self);
  refresh_stale (self);
  gtk_filter_list_model_set_model (self->filter_model,
                                   workspace ? abm_workspace_get_accounts (workspace) : NULL);
  update_stacks (self);
  selected_changed (self);
}

AbmAccount *
abm_accounts_view_get_selected (AbmAccountsView *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNTS_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/* Brings the selected row into view, near the top. GTK 4.8's
 * "list.scroll-to-item" to a row far down leaves the list showing a single
 * row, so the list's own adjustment is moved instead, by the rows' height
 * (they are all alike: the list's height over their number); before the
 * list has a size, once it has one. */
static gboolean
scroll_to_selected (gpointer data)
{
  AbmAccountsView *self = data;
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double row_height, page;

  if (adjustment == NULL || n == 0 || gtk_adjustment_get_page_size (adjustment) <= 0)
    return G_SOURCE_CONTINUE;
  row_height = (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)) / n;
  self->scroll_idle = 0;
  if (position == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  page = gtk_adjustment_get_page_size (adjustment);
  /* Two rows above it: the page's size is not final while the view is
   * still being laid out. */
  gtk_adjustment_set_value (adjustment, CLAMP ((position - MIN (position, 2)) * row_height,
                                               gtk_adjustment_get_lower (adjustment),
                                               gtk_adjustment_get_upper (adjustment) - page));
  return G_SOURCE_REMOVE;
}

static void
scroll_to (AbmAccountsView *self)
{
  if (self->scroll_idle == 0 && scroll_to_selected (self) == G_SOURCE_CONTINUE)
    self->scroll_idle = g_timeout_add (50, scroll_to_selected, self);
}

void
abm_accounts_view_select (AbmAccountsView *self,
                          AbmAccount      *account)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n;

  g_return_if_fail (ABM_IS_ACCOUNTS_VIEW (self));

  /* A new account the search would hide is shown, not lost. */
  if (!account_matches (account, self))
    stop_search (self);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmAccount) item = g_list_model_get_item (model, i);

      if (item == account)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self);
          adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
          break;
        }
    }
}

/* The selected account's page @name ("details", "plan", ...). */
void
abm_accounts_view_show_page (AbmAccountsView *self,
                             const char      *name)
{
  g_return_if_fail (ABM_IS_ACCOUNTS_VIEW (self));

  if (adw_view_stack_get_child_by_name (self->account_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->account_stack, name);
}

void
abm_accounts_view_focus_search (AbmAccountsView *self)
{
  g_return_if_fail (ABM_IS_ACCOUNTS_VIEW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
abm_accounts_view_dispose (GObject *object)
{
  AbmAccountsView *self = ABM_ACCOUNTS_VIEW (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);
  g_clear_handle_id (&self->engagement_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_pointer (&self->engagement, abm_engagement_set_free);

  G_OBJECT_CLASS (abm_accounts_view_parent_class)->dispose (object);
}

static void
abm_accounts_view_finalize (GObject *object)
{
  AbmAccountsView *self = ABM_ACCOUNTS_VIEW (object);

  g_free (self->search_key);
  g_hash_table_unref (self->stale);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (abm_accounts_view_parent_class)->finalize (object);
}

static void
abm_accounts_view_class_init (AbmAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_accounts_view_dispose;
  object_class->finalize = abm_accounts_view_finalize;

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ABM_TYPE_ACCOUNT);
  g_type_ensure (ABM_TYPE_ACCOUNT_PAGE);
  g_type_ensure (ABM_TYPE_COMMITTEE_PAGE);
  g_type_ensure (ABM_TYPE_PLAN_PAGE);
  g_type_ensure (ABM_TYPE_PLAYS_PAGE);
  g_type_ensure (ABM_TYPE_ACTIVITY_PAGE);
  g_type_ensure (ABM_TYPE_DEALS_PAGE);
  g_type_ensure (ABM_TYPE_KPI_STRIP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, selection);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, filter);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, account_page);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, committee_page);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, plan_page);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, plays_page);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, activity_page);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, deals_page);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, kpi_strip);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountsView, account_stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, items_changed);
  gtk_widget_class_bind_template_callback (widget_class, row_setup);
  gtk_widget_class_bind_template_callback (widget_class, row_teardown);
  gtk_widget_class_bind_template_callback (widget_class, row_bind);
  gtk_widget_class_bind_template_callback (widget_class, row_unbind);
}

static void
abm_accounts_view_init (AbmAccountsView *self)
{
  self->stale = g_hash_table_new (NULL, NULL);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (refresh_stale), NULL);

  gtk_custom_filter_set_filter_func (self->filter, account_matches, self, NULL);
  update_stacks (self);
}
