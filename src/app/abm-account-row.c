/* abm-account-row.c: an account in the Accounts view's list
 *
 * Name, domain, and a flag when the account's plan has gone stale: an
 * icon with words for assistive technology and the tooltip, so it does
 * not rest on colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-account-row.h"

struct _AbmAccountRow
{
  GtkBox      parent_instance;

  AbmAccount *account;

  GtkImage   *stale_icon;
  GtkLabel   *engagement_label;
};

G_DEFINE_FINAL_TYPE (AbmAccountRow, abm_account_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
abm_account_row_dispose (GObject *object)
{
  AbmAccountRow *self = ABM_ACCOUNT_ROW (object);

  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), ABM_TYPE_ACCOUNT_ROW);
  G_OBJECT_CLASS (abm_account_row_parent_class)->dispose (object);
}

static void
abm_account_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AbmAccountRow *self = ABM_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_account_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AbmAccountRow *self = ABM_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      abm_account_row_set_account (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_account_row_class_init (AbmAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_account_row_dispose;
  object_class->get_property = abm_account_row_get_property;
  object_class->set_property = abm_account_row_set_property;

  properties[PROP_ACCOUNT] = g_param_spec_object ("account", NULL, NULL, ABM_TYPE_ACCOUNT,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmAccountRow, stale_icon);
  gtk_widget_class_bind_template_child (widget_class, AbmAccountRow, engagement_label);
}

static void
abm_account_row_init (AbmAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmAccountRow *
abm_account_row_new (void)
{
  return g_object_new (ABM_TYPE_ACCOUNT_ROW, NULL);
}

AbmAccount *
abm_account_row_get_account (AbmAccountRow *self)
{
  g_return_val_if_fail (ABM_IS_ACCOUNT_ROW (self), NULL);
  return self->account;
}

void
abm_account_row_set_account (AbmAccountRow *self,
                             AbmAccount    *account)
{
  g_return_if_fail (ABM_IS_ACCOUNT_ROW (self));

  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

void
abm_account_row_set_engagement (AbmAccountRow       *self,
                                const AbmEngagement *engagement)
{
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  gboolean shown = engagement != NULL && engagement->n_activities > 0;

  g_return_if_fail (ABM_IS_ACCOUNT_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->engagement_label), shown);
  gtk_widget_remove_css_class (GTK_WIDGET (self->engagement_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->engagement_label), "warning");
  if (!shown)
    return;
  /* The arrow says the trend to the eye, the words to everyone else. */
  text = g_strdup_printf ("%.0f%s", engagement->score,
                          engagement->trend == ABM_TREND_HEATING ? " ▲" : engagement->trend == ABM_TREND_COOLING ? " ▼" : "");
  spoken = g_strdup_printf (_("Engagement %.0f, %s"), engagement->score, abm_trend_label (engagement->trend));
  gtk_label_set_text (self->engagement_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->engagement_label), spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->engagement_label), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  if (engagement->trend == ABM_TREND_HEATING)
    gtk_widget_add_css_class (GTK_WIDGET (self->engagement_label), "success");
  else if (engagement->trend == ABM_TREND_COOLING)
    gtk_widget_add_css_class (GTK_WIDGET (self->engagement_label), "warning");
}

void
abm_account_row_set_staleness (AbmAccountRow    *self,
                               AbmPlanStaleness  staleness)
{
  const char *text = NULL;

  g_return_if_fail (ABM_IS_ACCOUNT_ROW (self));

  if (staleness == ABM_PLAN_REVIEW_DUE)
    text = _("Plan past its review date");
  else if (staleness == ABM_PLAN_UNTOUCHED)
    text = _("Plan not edited for a long time");
  gtk_widget_set_visible (GTK_WIDGET (self->stale_icon), text != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stale_icon), text);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->stale_icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}
