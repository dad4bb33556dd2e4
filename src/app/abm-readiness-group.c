/* abm-readiness-group.c: the ABM readiness check in the Profile view
 *
 * One row per condition, answered from a list; under a "no" or a "not
 * sure" the row says what to do about it, and the first row sums the
 * answers up. Each answer is stored in the workspace as it is chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "abm-readiness.h"
#include "abm-readiness-group.h"

struct _AbmReadinessGroup
{
  AdwPreferencesGroup  parent_instance;

  AbmWorkspace        *workspace;
  AbmReadiness        *readiness;
  double               min_acv;
  gboolean             loading;

  /* Template widgets */
  AdwActionRow        *result_row;
  GtkImage            *result_icon;
  AdwActionRow        *rows[ABM_READINESS_N_CONDITIONS];
  GtkDropDown         *answers[ABM_READINESS_N_CONDITIONS];
};

G_DEFINE_FINAL_TYPE (AbmReadinessGroup, abm_readiness_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MIN_ACV,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The template's row and answer list of each condition. */
static const struct {
  const char *row;
  const char *answer;
} template_ids[ABM_READINESS_N_CONDITIONS] = {
  [ABM_READINESS_ACV]              = { "acv_row", "acv_answer" },
  [ABM_READINESS_SALES_CYCLE]      = { "sales_cycle_row", "sales_cycle_answer" },
  [ABM_READINESS_BUYING_COMMITTEE] = { "buying_committee_row", "buying_committee_answer" },
  [ABM_READINESS_FINITE_MARKET]    = { "finite_market_row", "finite_market_answer" },
  [ABM_READINESS_SHARED_LIST]      = { "shared_list_row", "shared_list_answer" },
  [ABM_READINESS_CONTENT_CAPACITY] = { "content_capacity_row", "content_capacity_answer" },
};

static const struct {
  const char *icon;
  const char *style;
} outcome_looks[] = {
  [ABM_READINESS_OUTCOME_UNANSWERED] = { "dialog-question-symbolic", "dim-label" },
  [ABM_READINESS_OUTCOME_FITS]       = { "emblem-ok-symbolic", "success" },
  [ABM_READINESS_OUTCOME_GAPS]       = { "dialog-warning-symbolic", "warning" },
  [ABM_READINESS_OUTCOME_NOT_YET]    = { "action-unavailable-symbolic", "error" },
};

static void
show_result (AbmReadinessGroup *self,
             const char        *icon,
             const char        *style,
             const char        *title,
             const char        *subtitle)
{
  const char *classes[] = { style, NULL };
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

  gtk_image_set_from_icon_name (self->result_icon, icon);
  gtk_widget_set_css_classes (GTK_WIDGET (self->result_icon), classes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), escaped_title);
  adw_action_row_set_subtitle (self->result_row, escaped_subtitle);
}

/* Why the condition matters, or under a "no" or "not sure" what to do;
 * the deal-size row adds what the accounts say. */
static char *
describe_condition (AbmReadinessGroup     *self,
                    AbmReadinessCondition  condition,
                    AbmReadinessAnswer     answer)
{
  const char *advice = abm_readiness_condition_advice (condition, answer);
  g_autofree char *text = NULL;

  if (advice != NULL)
    /* Translators: "What to do: …" or "How to find out: …", in Pango markup */
    text = g_markup_printf_escaped (_("<b>%s:</b> %s"), abm_readiness_advice_heading (answer), advice);
  else
    text = g_markup_escape_text (abm_readiness_condition_why (condition), -1);

  if (condition == ABM_READINESS_ACV && self->workspace != NULL)
    {
      g_autofree char *hint = abm_readiness_describe_acv (abm_workspace_get_accounts (self->workspace),
                                                          self->min_acv,
                                                          abm_workspace_get_currency (self->workspace));
      g_autofree char *escaped = g_markup_escape_text (hint, -1);

      return g_strconcat (text, "\n", escaped, NULL);
    }
  return g_steal_pointer (&text);
}

static void
refresh_row (AbmReadinessGroup     *self,
             AbmReadinessCondition  condition)
{
  AbmReadinessAnswer answer = abm_readiness_get_answer (self->readiness, condition);
  g_autofree char *subtitle = describe_condition (self, condition, answer);

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->answers[condition], answer);
  self->loading = FALSE;
  adw_action_row_set_subtitle (self->rows[condition], subtitle);
}

static void
refresh (AbmReadinessGroup *self)
{
  AbmReadinessOutcome outcome = abm_readiness_get_outcome (self->readiness);
  g_autofree char *summary = abm_readiness_dup_summary (self->readiness);
  gboolean writable = self->workspace != NULL && !abm_workspace_get_read_only (self->workspace);

  show_result (self, outcome_looks[outcome].icon, outcome_looks[outcome].style,
               abm_readiness_outcome_headline (outcome), summary);
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      refresh_row (self, i);
      gtk_widget_set_sensitive (GTK_WIDGET (self->answers[i]), writable);
    }
}

static void
refresh_acv (AbmReadinessGroup *self)
{
  refresh_row (self, ABM_READINESS_ACV);
}

static void
answer_selected (AbmReadinessGroup *self,
                 GParamSpec        *pspec,
                 GtkDropDown       *answer)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (answer);

  if (self->loading || self->workspace == NULL || selected >= ABM_READINESS_N_ANSWERS)
    return;

  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      if (self->answers[i] == answer)
        abm_readiness_set_answer (self->readiness, i, selected);
    }

  if (!abm_readiness_save (self->readiness, self->workspace, &error))
    {
      /* Show what is stored, and say why the answer is not. */
      abm_readiness_load (self->readiness, self->workspace);
      show_result (self, "dialog-error-symbolic", "error", _("Could Not Store the Answer"), error->message);
    }
}

static void
setting_changed (AbmReadinessGroup *self)
{
  abm_readiness_load (self->readiness, self->workspace);
}

static void
disconnect_workspace (AbmReadinessGroup *self)
{
  if (self->workspace == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
}

void
abm_readiness_group_set_workspace (AbmReadinessGroup *self,
                                   AbmWorkspace      *workspace)
{
  g_return_if_fail (ABM_IS_READINESS_GROUP (self));
  g_return_if_fail (workspace == NULL || ABM_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  disconnect_workspace (self);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "setting-changed::" ABM_READINESS_SETTING,
                                G_CALLBACK (setting_changed), self);
      g_signal_connect_swapped (workspace, "notify::currency", G_CALLBACK (refresh_acv), self);
      g_signal_connect_swapped (abm_workspace_get_accounts (workspace), "items-changed",
                                G_CALLBACK (refresh_acv), self);
      abm_readiness_load (self->readiness, workspace);
    }
  else
    abm_readiness_load_json (self->readiness, NULL, 0);
  refresh (self);
}

double
abm_readiness_group_get_min_acv (AbmReadinessGroup *self)
{
  g_return_val_if_fail (ABM_IS_READINESS_GROUP (self), 0);
  return self->min_acv;
}

void
abm_readiness_group_set_min_acv (AbmReadinessGroup *self,
                                 double             min_acv)
{
  g_return_if_fail (ABM_IS_READINESS_GROUP (self));
  g_return_if_fail (min_acv >= 0);

  if (self->min_acv == min_acv)
    return;
  self->min_acv = min_acv;
  refresh_acv (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_ACV]);
}

/* Accounts change in ways no list signal reports (a new ACV potential, a
 * target flag), so the hint is brought up to date whenever it is shown. */
static void
abm_readiness_group_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (abm_readiness_group_parent_class)->map (widget);
  refresh_acv (ABM_READINESS_GROUP (widget));
}

static void
abm_readiness_group_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AbmReadinessGroup *self = ABM_READINESS_GROUP (object);

  switch (prop_id)
    {
    case PROP_MIN_ACV:
      g_value_set_double (value, self->min_acv);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_readiness_group_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AbmReadinessGroup *self = ABM_READINESS_GROUP (object);

  switch (prop_id)
    {
    case PROP_MIN_ACV:
      abm_readiness_group_set_min_acv (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_readiness_group_dispose (GObject *object)
{
  AbmReadinessGroup *self = ABM_READINESS_GROUP (object);

  disconnect_workspace (self);
  g_clear_object (&self->workspace);
  if (self->readiness != NULL)
    g_signal_handlers_disconnect_by_data (self->readiness, self);
  g_clear_object (&self->readiness);

  G_OBJECT_CLASS (abm_readiness_group_parent_class)->dispose (object);
}

static void
abm_readiness_group_class_init (AbmReadinessGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_readiness_group_dispose;
  object_class->get_property = abm_readiness_group_get_property;
  object_class->set_property = abm_readiness_group_set_property;
  widget_class->map = abm_readiness_group_map;

  properties[PROP_MIN_ACV] =
    g_param_spec_double ("min-acv", NULL, NULL, 0, G_MAXDOUBLE, ABM_READINESS_DEFAULT_MIN_ACV,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-readiness-group.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmReadinessGroup, result_row);
  gtk_widget_class_bind_template_child (widget_class, AbmReadinessGroup, result_icon);
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, template_ids[i].row, FALSE,
                                                 G_STRUCT_OFFSET (AbmReadinessGroup, rows)
                                                 + i * sizeof (AdwActionRow *));
      gtk_widget_class_bind_template_child_full (widget_class, template_ids[i].answer, FALSE,
                                                 G_STRUCT_OFFSET (AbmReadinessGroup, answers)
                                                 + i * sizeof (GtkDropDown *));
    }
  gtk_widget_class_bind_template_callback (widget_class, answer_selected);
}

static void
abm_readiness_group_init (AbmReadinessGroup *self)
{
  self->min_acv = ABM_READINESS_DEFAULT_MIN_ACV;
  self->readiness = abm_readiness_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      const char *question = abm_readiness_condition_question (i);
      g_autofree char *title = g_markup_escape_text (question, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->answers[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);
    }
  g_signal_connect_swapped (self->readiness, "changed", G_CALLBACK (refresh), self);
  refresh (self);
}
