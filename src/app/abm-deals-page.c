/* abm-deals-page.c: an account's opportunities
 *
 * Each deal in words (amount, stage, outcome, dates, whether the program
 * sourced it); activating one edits it, the bin deletes it with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-deals-page.h"
#include "abm-engagement-import.h"
#include "abm-message.h"
#include "abm-opportunity-dialog.h"
#include "abm-text.h"
#include "abm-window.h"

struct _AbmDealsPage
{
  AdwBin        parent_instance;

  AbmWorkspace *workspace;
  AbmAccount   *account;
  GListModel   *deals;
  GPtrArray    *rows;

  /* Template widgets */
  AdwPreferencesGroup *deals_group;
};

G_DEFINE_FINAL_TYPE (AbmDealsPage, abm_deals_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (AbmDealsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
delete_clicked (GtkButton    *button,
                AbmDealsPage *self)
{
  AbmOpportunity *deal = g_object_get_data (G_OBJECT (button), "abm-deal");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf (_("Deal “%s” deleted"), abm_opportunity_get_name (deal));
  GtkWindow *window = parent_window (self);
  gint64 undo_id = abm_workspace_delete_opportunity (self->workspace, deal, &error);

  if (undo_id == 0)
    abm_message_show (GTK_WIDGET (self), _("Could Not Delete the Deal"), error->message);
  else if (ABM_IS_WINDOW (window))
    abm_window_offer_undo (ABM_WINDOW (window), title, undo_id);
}

static void
row_activated (AdwActionRow *row,
               AbmDealsPage *self)
{
  AbmOpportunity *deal = g_object_get_data (G_OBJECT (row), "abm-deal");

  gtk_window_present (GTK_WINDOW (abm_opportunity_dialog_new (parent_window (self), self->workspace,
                                                              self->account, deal)));
}

/* "€ 240 000 · Proposal · Open · opened 2026-03-02 · ABM sourced" */
static char *
deal_subtitle (AbmDealsPage   *self,
               AbmOpportunity *deal)
{
  g_autofree char *amount = abm_text_format_money (abm_opportunity_get_amount (deal),
                                                   abm_workspace_get_currency (self->workspace));
  GString *text = g_string_new (amount);

  if (abm_opportunity_get_stage (deal) != NULL)
    g_string_append_printf (text, " · %s", abm_opportunity_get_stage (deal));
  g_string_append_printf (text, " · %s", abm_opportunity_status_label (abm_opportunity_get_status (deal)));
  if (abm_opportunity_get_created (deal) != NULL)
    g_string_append_printf (text, _(" · opened %s"), abm_opportunity_get_created (deal));
  if (abm_opportunity_get_closed (deal) != NULL)
    g_string_append_printf (text, _(" · closed %s"), abm_opportunity_get_closed (deal));
  g_string_append_printf (text, " · %s", abm_opportunity_get_abm_sourced (deal) ? _("ABM sourced") : _("Not ABM sourced"));
  return g_string_free (text, FALSE);
}

static GtkWidget *
deal_row (AbmDealsPage   *self,
          AbmOpportunity *deal)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = deal_subtitle (self, deal);
  g_autofree char *remove_label = g_strdup_printf (_("Delete “%s”"), abm_opportunity_get_name (deal));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_opportunity_get_name (deal));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "abm-deal", g_object_ref (deal), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "abm-deal", g_object_ref (deal), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
refresh (AbmDealsPage *self)
{
  guint n;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->deals_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (self->deals == NULL)
    return;
  n = g_list_model_get_n_items (self->deals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmOpportunity) deal = g_list_model_get_item (self->deals, i);
      GtkWidget *row = deal_row (self, deal);

      adw_preferences_group_add (self->deals_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No deals yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add an opportunity by hand or import a CRM export of deals."));
      adw_preferences_group_add (self->deals_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

void
abm_deals_page_set_account (AbmDealsPage *self,
                            AbmWorkspace *workspace,
                            AbmAccount   *account)
{
  g_autoptr(GError) error = NULL;
  gboolean writable = workspace != NULL && !abm_workspace_get_read_only (workspace);

  g_return_if_fail (ABM_IS_DEALS_PAGE (self));

  if (self->deals != NULL)
    g_signal_handlers_disconnect_by_data (self->deals, self);
  g_clear_object (&self->deals);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->account, account);
  if (workspace != NULL && account != NULL)
    {
      GListModel *deals = abm_workspace_get_opportunities (workspace, account, &error);

      if (deals != NULL)
        {
          self->deals = g_object_ref (deals);
          g_signal_connect_swapped (deals, "items-changed", G_CALLBACK (refresh), self);
        }
      else
        g_warning ("Could not read the deals: %s", error->message);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deals.import", writable);
  refresh (self);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AbmDealsPage *self = ABM_DEALS_PAGE (widget);

  if (self->account != NULL)
    gtk_window_present (GTK_WINDOW (abm_opportunity_dialog_new (parent_window (self), self->workspace,
                                                                self->account, NULL)));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmDealsPage *self = ABM_DEALS_PAGE (widget);

  if (self->workspace != NULL)
    abm_engagement_import_choose (widget, self->workspace, ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES);
}

static void
abm_deals_page_dispose (GObject *object)
{
  AbmDealsPage *self = ABM_DEALS_PAGE (object);

  if (self->deals != NULL)
    g_signal_handlers_disconnect_by_data (self->deals, self);
  g_clear_object (&self->deals);
  g_clear_object (&self->workspace);
  g_clear_object (&self->account);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (abm_deals_page_parent_class)->dispose (object);
}

static void
abm_deals_page_class_init (AbmDealsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_deals_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-deals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmDealsPage, deals_group);
  gtk_widget_class_install_action (widget_class, "deals.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "deals.import", NULL, import_activated);
}

static void
abm_deals_page_init (AbmDealsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
