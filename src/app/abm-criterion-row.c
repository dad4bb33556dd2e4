/* abm-criterion-row.c: one criterion of the ideal customer profile
 *
 * The row edits criterion @index of the profile in place; the profile view
 * makes the rows again when criteria are added or removed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-account.h"
#include "abm-criterion-row.h"

struct _AbmCriterionRow
{
  AdwExpanderRow  parent_instance;

  AbmIcp         *icp;
  guint           index;
  gboolean        loading;

  /* Template widgets */
  AdwEntryRow    *values_row;
  AdwEntryRow    *min_row;
  AdwEntryRow    *max_row;
  GtkSpinButton  *weight_spin;
  GtkSwitch      *must_have_switch;
};

G_DEFINE_FINAL_TYPE (AbmCriterionRow, abm_criterion_row, ADW_TYPE_EXPANDER_ROW)

static char *
format_bound (double value)
{
  if (value < 0)
    return g_strdup ("");
  return g_strdup_printf ("%.0f", value);
}

static void
update_title (AbmCriterionRow *self)
{
  g_autofree char *description = abm_icp_dup_description (self->icp, self->index);
  g_autofree char *subtitle = NULL;
  double weight = abm_icp_get_weight (self->icp, self->index);

  if (abm_icp_get_must_have (self->icp, self->index))
    /* Translators: "Weight 3 · must have" */
    subtitle = g_strdup_printf (_("Weight %.0f · must have"), weight);
  else
    subtitle = g_strdup_printf (_("Weight %.0f"), weight);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), description);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

void
abm_criterion_row_refresh (AbmCriterionRow *self)
{
  AbmIcpKind kind;
  gboolean range;

  g_return_if_fail (ABM_IS_CRITERION_ROW (self));

  kind = abm_icp_get_kind (self->icp, self->index);
  range = abm_icp_kind_is_range (kind);

  self->loading = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->values_row), !range);
  gtk_widget_set_visible (GTK_WIDGET (self->min_row), range);
  gtk_widget_set_visible (GTK_WIDGET (self->max_row), range);

  if (range)
    {
      double min, max;
      g_autofree char *min_text = NULL;
      g_autofree char *max_text = NULL;

      abm_icp_get_range (self->icp, self->index, &min, &max);
      min_text = format_bound (min);
      max_text = format_bound (max);
      gtk_editable_set_text (GTK_EDITABLE (self->min_row), min_text);
      gtk_editable_set_text (GTK_EDITABLE (self->max_row), max_text);
    }
  else
    {
      const char *const *values = abm_icp_get_values (self->icp, self->index);
      g_autofree char *joined = g_strjoinv (", ", (char **) values);

      gtk_editable_set_text (GTK_EDITABLE (self->values_row), joined ? joined : "");
    }

  gtk_spin_button_set_value (self->weight_spin, abm_icp_get_weight (self->icp, self->index));
  gtk_switch_set_active (self->must_have_switch, abm_icp_get_must_have (self->icp, self->index));
  self->loading = FALSE;

  update_title (self);
}

static void
show_problem (AbmCriterionRow *self,
              GtkWidget       *row,
              const GError    *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

static void
values_applied (AbmCriterionRow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->values_row));
  g_auto(GStrv) values = g_strsplit_set (text, ",;", -1);

  abm_icp_set_values (self->icp, self->index, (const char *const *) values, &error);
  show_problem (self, GTK_WIDGET (self->values_row), error);
  update_title (self);
}

static gboolean
parse_bound (const char *text,
             double     *value)
{
  g_autoptr(AbmAccount) scratch = abm_account_new ();

  /* The account's own number reading: "1,000", "5k", "2.5M". */
  if (!abm_account_set_field_text (scratch, ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, text, NULL))
    return FALSE;
  *value = abm_account_get_annual_revenue (scratch);
  return TRUE;
}

static void
range_applied (AbmCriterionRow *self)
{
  g_autoptr(GError) error = NULL;
  double min, max;

  if (!parse_bound (gtk_editable_get_text (GTK_EDITABLE (self->min_row)), &min)
      || !parse_bound (gtk_editable_get_text (GTK_EDITABLE (self->max_row)), &max))
    {
      g_set_error_literal (&error, ABM_ICP_ERROR, ABM_ICP_ERROR_INVALID,
                           _("Enter numbers such as 1000, 1,000 or 5k"));
    }
  else
    abm_icp_set_range (self->icp, self->index, min, max, &error);

  show_problem (self, GTK_WIDGET (self->min_row), error);
  show_problem (self, GTK_WIDGET (self->max_row), error);
  update_title (self);
}

static void
weight_changed (AbmCriterionRow *self)
{
  if (self->loading)
    return;
  abm_icp_set_weight (self->icp, self->index, gtk_spin_button_get_value (self->weight_spin), NULL);
  update_title (self);
}

static void
must_have_toggled (AbmCriterionRow *self)
{
  if (self->loading)
    return;
  abm_icp_set_must_have (self->icp, self->index, gtk_switch_get_active (self->must_have_switch));
  update_title (self);
}

static void
remove_clicked (AbmCriterionRow *self)
{
  /* The profile view makes the rows again on the change. */
  abm_icp_remove_criterion (self->icp, self->index);
}

static void
abm_criterion_row_dispose (GObject *object)
{
  AbmCriterionRow *self = ABM_CRITERION_ROW (object);

  g_clear_object (&self->icp);

  G_OBJECT_CLASS (abm_criterion_row_parent_class)->dispose (object);
}

static void
abm_criterion_row_class_init (AbmCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_criterion_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmCriterionRow, values_row);
  gtk_widget_class_bind_template_child (widget_class, AbmCriterionRow, min_row);
  gtk_widget_class_bind_template_child (widget_class, AbmCriterionRow, max_row);
  gtk_widget_class_bind_template_child (widget_class, AbmCriterionRow, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, AbmCriterionRow, must_have_switch);
  gtk_widget_class_bind_template_callback (widget_class, values_applied);
  gtk_widget_class_bind_template_callback (widget_class, range_applied);
  gtk_widget_class_bind_template_callback (widget_class, weight_changed);
  gtk_widget_class_bind_template_callback (widget_class, must_have_toggled);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
}

static void
abm_criterion_row_init (AbmCriterionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AbmCriterionRow *
abm_criterion_row_new (AbmIcp *icp,
                       guint   index)
{
  AbmCriterionRow *self = g_object_new (ABM_TYPE_CRITERION_ROW, NULL);

  self->icp = g_object_ref (icp);
  self->index = index;
  abm_criterion_row_refresh (self);
  return self;
}
