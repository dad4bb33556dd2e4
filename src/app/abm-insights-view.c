/* abm-insights-view.c: the program's KPIs, charts and lists
 *
 * Everything here comes from abm_workspace_compute_kpis(), the numbers
 * `abmctl kpis` prints: cards for each KPI of the chosen scope, labelled
 * leading or lagging with their formula in the tooltip; charts drawn by
 * src/render (the same that PDFs will use), each with a table for those
 * who cannot see it; and the accounts heating up, cooling down and most
 * engaged, which open the account when activated. The KPIs are computed
 * each time the view is shown and when the data changes while it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "abm-chart-view.h"
#include "abm-costs-dialog.h"
#include "abm-date.h"
#include "abm-engagement-import.h"
#include "abm-engagement-rules-dialog.h"
#include "abm-insights-view.h"
#include "abm-text.h"

#define N_SCOPES   ABM_KPIS_N_SCOPES
#define N_WEEKS    ABM_ENGAGEMENT_WEEKS
#define N_PERIODS  5

enum {
  ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _AbmInsightsView
{
  AdwBin              parent_instance;

  AbmWorkspace       *workspace;
  AbmKpis            *kpis;
  guint               refresh_idle;
  GPtrArray          *list_rows;
  char               *periods[N_PERIODS];   /* what each entry of the period list parses from */

  /* What the charts point to, kept until the next refresh. Categories
   * are Tier 1–3 and then all target accounts. */
  const char         *categories[N_SCOPES];
  double              engaged[N_SCOPES], penetration[N_SCOPES];
  double              win_abm[N_SCOPES], win_other[N_SCOPES];
  double              velocity_abm[N_SCOPES], velocity_other[N_SCOPES];
  double              pipeline[N_SCOPES];
  double              weekly[N_SCOPES][N_WEEKS];
  char               *week_labels[N_WEEKS];
  AbmBarChartData     engaged_data, win_data, pipeline_data, velocity_data;
  AbmFunnelChartData  funnel_data;
  AbmLineChartData    trend_data;

  /* Template widgets */
  GtkDropDown        *period_dropdown;
  GtkDropDown        *tier_dropdown;
  GtkLabel           *period_label;
  GtkToggleButton    *table_toggle;
  GtkStack           *stack;
  GtkFlowBox         *kpi_box;
  GtkStack           *engaged_stack, *funnel_stack, *trend_stack, *win_stack, *pipeline_stack, *velocity_stack;
  AbmChartView       *engaged_chart, *funnel_chart, *trend_chart, *win_chart, *pipeline_chart, *velocity_chart;
  GtkGrid            *engaged_table, *funnel_table, *trend_table, *win_table, *pipeline_table, *velocity_table;
  AdwPreferencesGroup *heating_group, *cooling_group, *top_group;
};

G_DEFINE_FINAL_TYPE (AbmInsightsView, abm_insights_view, ADW_TYPE_BIN)

/* Scope s of the KPIs (0 all, 1–3 tiers) as category c of the charts. */
static guint
scope_of_category (guint c)
{
  return c < 3 ? c + 1 : 0;
}

static char *
format_kpi (AbmInsightsView *self,
            AbmKpi           kpi,
            double           value)
{
  const AbmKpiDefinition *d = abm_kpi_definition (kpi);
  const char *currency = abm_workspace_get_currency (self->workspace);

  if (isnan (value))
    return g_strdup ("–");
  switch (d->unit)
    {
    case ABM_KPI_UNIT_SHARE:
      /* As the charts write it. */
      return abm_render_text_percent (value);
    case ABM_KPI_UNIT_MONEY:
      return abm_text_compact_money (value, currency);
    case ABM_KPI_UNIT_DAYS:
      /* Translators: a number of days, as a KPI */
      return g_strdup_printf (_("%.0f days"), value);
    case ABM_KPI_UNIT_PEOPLE:
      return g_strdup_printf ("%.1f", value);
    case ABM_KPI_UNIT_RATIO:
      /* Translators: cost per pipeline dollar, "0.12 EUR" */
      return g_strdup_printf (value < 0.1 ? "%.3f %s" : "%.2f %s", value, currency);
    case ABM_KPI_UNIT_COUNT:
    default:
      {
        g_autofree char *digits = g_strdup_printf ("%.0f", value);
        return abm_text_group_digits (digits);
      }
    }
}

static void
add_kpi_card (AbmInsightsView *self,
              AbmKpi           kpi,
              double           value)
{
  const AbmKpiDefinition *d = abm_kpi_definition (kpi);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (_(d->label));
  g_autofree char *text = format_kpi (self, kpi, value);
  GtkWidget *number = gtk_label_new (text);
  GtkWidget *kind = gtk_label_new (abm_kpi_indicator_label (d->indicator));
  g_autofree char *spoken = g_strdup_printf ("%s: %s, %s", _(d->label), text, abm_kpi_indicator_label (d->indicator));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "kpi-card");
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, d->indicator == ABM_KPI_LEADING ? "accent" : "dim-label");
  for (GtkWidget *w = caption; w != NULL; w = w == caption ? number : w == number ? kind : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (w), 0);
      gtk_label_set_ellipsize (GTK_LABEL (w), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (card), w);
    }
  gtk_widget_set_tooltip_text (card, _(d->formula));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(d->formula), -1);
  gtk_flow_box_append (self->kpi_box, card);
}

/* A table alternative: a header row, then a row a category. */
static void
fill_table (GtkGrid            *grid,
            const char * const *header,
            guint               n_columns,
            const char * const *rows,
            guint               n_rows)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  for (guint r = 0; r <= n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *text = r == 0 ? header[c] : rows[(r - 1) * n_columns + c];
        GtkWidget *label = gtk_label_new (text ? text : "–");

        gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
        if (r == 0)
          gtk_widget_add_css_class (label, "heading");
        if (c > 0)
          gtk_widget_add_css_class (label, "numeric");
        gtk_grid_attach (grid, label, c, r, 1, 1);
      }
}

/* A table of series over categories, the values as the chart shows them. */
static void
fill_series_table (AbmInsightsView         *self,
                   GtkGrid                 *grid,
                   const char              *first,
                   const char * const      *labels,
                   const double * const    *values,
                   guint                    n_series,
                   const char * const      *categories,
                   guint                    n_categories,
                   AbmKpi                   kpi)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  const char *header[4] = { first, NULL, NULL, NULL };

  for (guint s = 0; s < n_series && s < 3; s++)
    header[s + 1] = labels[s];
  for (guint c = 0; c < n_categories; c++)
    {
      g_ptr_array_add (cells, g_strdup (categories[c]));
      for (guint s = 0; s < n_series && s < 3; s++)
        g_ptr_array_add (cells, format_kpi (self, kpi, values[s][c]));
    }
  fill_table (grid, header, n_series + 1, (const char * const *) cells->pdata, n_categories);
}

static void
account_row_activated (AdwActionRow    *row,
                       AbmInsightsView *self)
{
  AbmAccount *account = g_object_get_data (G_OBJECT (row), "abm-account");

  g_signal_emit (self, signals[ACCOUNT_ACTIVATED], 0, account);
}

static void
fill_list (AbmInsightsView     *self,
           AdwPreferencesGroup *group,
           GArray              *ids,
           AbmEngagementSet    *set)
{
  for (guint i = 0; i < ids->len; i++)
    {
      AbmAccount *account = abm_workspace_find_account_by_id (self->workspace, g_array_index (ids, gint64, i));
      const AbmEngagement *e = account && set ? abm_engagement_set_lookup (set, abm_account_get_id (account)) : NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (account == NULL || e == NULL)
        continue;
      row = adw_action_row_new ();
      /* Translators: "Score 62 · +14 in 14 days · Tier 1" */
      subtitle = abm_account_get_tier (account)
                 ? g_strdup_printf (_("Score %.0f · %+.0f in 14 days · Tier %u"), e->score, e->score - e->score_before,
                                    abm_account_get_tier (account))
                 : g_strdup_printf (_("Score %.0f · %+.0f in 14 days"), e->score, e->score - e->score_before);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), abm_account_get_name (account));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "abm-account", g_object_ref (account), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (account_row_activated), self);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->list_rows, row);
    }
  if (ids->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None right now"));
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->list_rows, row);
    }
}

static void
clear_lists (AbmInsightsView *self)
{
  for (guint i = 0; i < self->list_rows->len; i++)
    {
      GtkWidget *row = self->list_rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->list_rows, 0);
}

static void
set_bar (AbmBarChartData    *data,
         const char * const *categories,
         AbmRenderUnit       unit,
         const char         *currency)
{
  data->categories = categories;
  data->n_categories = N_SCOPES;
  data->unit = unit;
  data->currency = currency;
  data->empty_text = _("No data for this period");
}

static void
show_charts (AbmInsightsView *self,
             guint            scope)
{
  const char *currency = abm_workspace_get_currency (self->workspace);
  AbmKpiScope *chosen = &self->kpis->scopes[scope];
  const char *abm_other[] = { _("ABM"), _("Other") };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < N_SCOPES; c++)
    {
      AbmKpiScope *s = &self->kpis->scopes[scope_of_category (c)];

      self->engaged[c] = s->values[ABM_KPI_ENGAGED_SHARE];
      self->penetration[c] = s->values[ABM_KPI_PENETRATION];
      self->win_abm[c] = s->values[ABM_KPI_WIN_RATE_ABM];
      self->win_other[c] = s->values[ABM_KPI_WIN_RATE_OTHER];
      self->velocity_abm[c] = s->values[ABM_KPI_VELOCITY_ABM];
      self->velocity_other[c] = s->values[ABM_KPI_VELOCITY_OTHER];
      self->pipeline[c] = s->values[ABM_KPI_PIPELINE_CREATED];
      memcpy (self->weekly[c], s->weekly, sizeof self->weekly[c]);
    }

  memset (&self->engaged_data, 0, sizeof self->engaged_data);
  set_bar (&self->engaged_data, self->categories, ABM_RENDER_UNIT_SHARE, currency);
  self->engaged_data.series[0] = (AbmRenderSeries) { _("Engaged"), self->engaged, ABM_RENDER_COLOR_ACCENT };
  self->engaged_data.series[1] = (AbmRenderSeries) { _("With an open deal"), self->penetration, ABM_RENDER_COLOR_WARM };
  self->engaged_data.n_series = 2;
  abm_chart_view_set_bar (self->engaged_chart, &self->engaged_data);
  {
    const char *labels[] = { _("Engaged"), _("With an open deal") };
    const double *values[] = { self->engaged, self->penetration };
    fill_series_table (self, self->engaged_table, _("Scope"), labels, values, 2, self->categories, N_SCOPES,
                       ABM_KPI_ENGAGED_SHARE);
  }

  memset (&self->win_data, 0, sizeof self->win_data);
  set_bar (&self->win_data, self->categories, ABM_RENDER_UNIT_SHARE, currency);
  self->win_data.series[0] = (AbmRenderSeries) { abm_other[0], self->win_abm, ABM_RENDER_COLOR_ACCENT };
  self->win_data.series[1] = (AbmRenderSeries) { abm_other[1], self->win_other, ABM_RENDER_COLOR_NEUTRAL };
  self->win_data.n_series = 2;
  abm_chart_view_set_bar (self->win_chart, &self->win_data);
  {
    const double *values[] = { self->win_abm, self->win_other };
    fill_series_table (self, self->win_table, _("Scope"), abm_other, values, 2, self->categories, N_SCOPES,
                       ABM_KPI_WIN_RATE_ABM);
  }

  memset (&self->velocity_data, 0, sizeof self->velocity_data);
  set_bar (&self->velocity_data, self->categories, ABM_RENDER_UNIT_DAYS, currency);
  self->velocity_data.series[0] = (AbmRenderSeries) { abm_other[0], self->velocity_abm, ABM_RENDER_COLOR_ACCENT };
  self->velocity_data.series[1] = (AbmRenderSeries) { abm_other[1], self->velocity_other, ABM_RENDER_COLOR_NEUTRAL };
  self->velocity_data.n_series = 2;
  abm_chart_view_set_bar (self->velocity_chart, &self->velocity_data);
  {
    const double *values[] = { self->velocity_abm, self->velocity_other };
    fill_series_table (self, self->velocity_table, _("Scope"), abm_other, values, 2, self->categories, N_SCOPES,
                       ABM_KPI_VELOCITY_ABM);
  }

  memset (&self->pipeline_data, 0, sizeof self->pipeline_data);
  set_bar (&self->pipeline_data, self->categories, ABM_RENDER_UNIT_MONEY, currency);
  self->pipeline_data.series[0] = (AbmRenderSeries) { _("Pipeline created"), self->pipeline, ABM_RENDER_COLOR_ACCENT };
  self->pipeline_data.n_series = 1;
  abm_chart_view_set_bar (self->pipeline_chart, &self->pipeline_data);
  {
    const char *labels[] = { _("Pipeline created") };
    const double *values[] = { self->pipeline };
    fill_series_table (self, self->pipeline_table, _("Scope"), labels, values, 1, self->categories, N_SCOPES,
                       ABM_KPI_PIPELINE_CREATED);
  }

  memset (&self->funnel_data, 0, sizeof self->funnel_data);
  for (guint f = 0; f < ABM_N_FUNNEL_STEPS; f++)
    {
      self->funnel_data.steps[f].label = abm_funnel_step_label (f);
      self->funnel_data.steps[f].count = chosen->funnel[f];
      g_ptr_array_add (cells, g_strdup (abm_funnel_step_label (f)));
      g_ptr_array_add (cells, g_strdup_printf ("%u", chosen->funnel[f]));
      g_ptr_array_add (cells, f == 0 || chosen->funnel[f - 1] == 0 ? NULL
                              : g_strdup_printf ("%.0f %%", 100.0 * chosen->funnel[f] / chosen->funnel[f - 1]));
    }
  self->funnel_data.n_steps = ABM_N_FUNNEL_STEPS;
  self->funnel_data.empty_text = _("No target accounts");
  abm_chart_view_set_funnel (self->funnel_chart, &self->funnel_data);
  {
    const char *header[] = { _("Stage"), _("Accounts"), _("Of the stage before") };
    fill_table (self->funnel_table, header, 3, (const char * const *) cells->pdata, ABM_N_FUNNEL_STEPS);
  }

  memset (&self->trend_data, 0, sizeof self->trend_data);
  for (guint w = 0; w < N_WEEKS; w++)
    {
      GDate date;
      char text[32];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, self->kpis->week_ends[w]);
      /* Translators: a week on a chart's axis, a strftime() format: "%d. %b"
       * in German. */
      g_date_strftime (text, sizeof text, _("%d %b"), &date);
      g_free (self->week_labels[w]);
      self->week_labels[w] = g_strdup (text);
    }
  self->trend_data.x_labels = (const char * const *) self->week_labels;
  self->trend_data.n_points = N_WEEKS;
  for (guint c = 0; c < N_SCOPES; c++)
    self->trend_data.series[c] = (AbmRenderSeries) { self->categories[c], self->weekly[c],
                                                        c < 3 ? ABM_RENDER_COLOR_TIER_1 + c : ABM_RENDER_COLOR_NEUTRAL };
  self->trend_data.n_series = N_SCOPES;
  self->trend_data.unit = ABM_RENDER_UNIT_COUNT;
  self->trend_data.y_auto = TRUE;
  self->trend_data.empty_text = _("No activity in these weeks");
  abm_chart_view_set_line (self->trend_chart, &self->trend_data);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
    const char *header[] = { _("Week ending"), self->categories[0], self->categories[1], self->categories[2],
                             self->categories[3] };

    for (guint w = 0; w < N_WEEKS; w++)
      {
        g_ptr_array_add (rows, g_strdup (self->week_labels[w]));
        for (guint c = 0; c < N_SCOPES; c++)
          g_ptr_array_add (rows, isnan (self->weekly[c][w]) ? NULL : g_strdup_printf ("%.0f", self->weekly[c][w]));
      }
    fill_table (self->trend_table, header, N_SCOPES + 1, (const char * const *) rows->pdata, N_WEEKS);
  }
}

static gboolean
refresh (gpointer data)
{
  AbmInsightsView *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmEngagementSet) set = NULL;
  AbmPeriod period = { 0, };
  g_autofree char *label = NULL;
  GtkWidget *child;
  guint scope, selected;
  GDate today;

  self->refresh_idle = 0;
  g_clear_pointer (&self->kpis, abm_kpis_free);
  clear_lists (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_box))) != NULL)
    gtk_flow_box_remove (self->kpi_box, child);
  if (self->workspace == NULL)
    return G_SOURCE_REMOVE;

  g_date_clear (&today, 1);
  g_date_set_julian (&today, abm_workspace_today ());
  selected = gtk_drop_down_get_selected (self->period_dropdown);
  if (!abm_period_parse (self->periods[MIN (selected, N_PERIODS - 1)], &today, &period, &error))
    {
      gtk_label_set_text (self->period_label, error->message);
      return G_SOURCE_REMOVE;
    }
  self->kpis = abm_workspace_compute_kpis (self->workspace, &period, 0, &error);
  abm_period_clear (&period);
  if (self->kpis == NULL)
    {
      gtk_label_set_text (self->period_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return G_SOURCE_REMOVE;
    }
  {
    char start[64], end[64];

    g_date_strftime (start, sizeof start, "%x", &self->kpis->period.start);
    g_date_strftime (end, sizeof end, "%x", &self->kpis->period.end);
    /* Translators: "2026-Q4: 01/10/2026 to 31/12/2026 · as of today" */
    label = g_strdup_printf (_("%s: %s to %s"), self->kpis->period.label, start, end);
    gtk_label_set_text (self->period_label, label);
  }
  gtk_stack_set_visible_child_name (self->stack,
                                    self->kpis->scopes[0].values[ABM_KPI_TARGET_ACCOUNTS] > 0 ? "dashboard" : "empty");

  scope = gtk_drop_down_get_selected (self->tier_dropdown);
  if (scope >= N_SCOPES)
    scope = 0;
  for (AbmKpi k = 0; k < ABM_N_KPIS; k++)
    add_kpi_card (self, k, self->kpis->scopes[scope].values[k]);
  show_charts (self, scope);

  set = abm_workspace_compute_engagement (self->workspace, 0, NULL);
  fill_list (self, self->heating_group, self->kpis->heating, set);
  fill_list (self, self->cooling_group, self->kpis->cooling, set);
  fill_list (self, self->top_group, self->kpis->top, set);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AbmInsightsView *self)
{
  /* Computed when seen: a hidden dashboard costs nothing. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh, self);
}

static void
filters_changed (AbmInsightsView *self)
{
  queue_refresh (self);
}

static void
table_toggled (AbmInsightsView *self)
{
  const char *page = gtk_toggle_button_get_active (self->table_toggle) ? "table" : "chart";
  GtkStack *stacks[] = { self->engaged_stack, self->funnel_stack, self->trend_stack, self->win_stack,
                         self->pipeline_stack, self->velocity_stack };

  for (guint i = 0; i < G_N_ELEMENTS (stacks); i++)
    gtk_stack_set_visible_child_name (stacks[i], page);
}

static void
abm_insights_view_map (GtkWidget *widget)
{
  AbmInsightsView *self = ABM_INSIGHTS_VIEW (widget);

  GTK_WIDGET_CLASS (abm_insights_view_parent_class)->map (widget);
  /* Tiers and fit scores change on the accounts, which the workspace
   * does not signal as a whole: each showing computes afresh. */
  queue_refresh (self);
}

static void
fill_periods (AbmInsightsView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GDate today, last;
  AbmPeriod quarter = { 0, }, previous = { 0, };
  guint year;

  g_date_clear (&today, 1);
  g_date_set_julian (&today, abm_workspace_today ());
  year = g_date_get_year (&today);
  abm_period_parse (NULL, &today, &quarter, NULL);
  last = quarter.start;
  g_date_subtract_days (&last, 1);
  abm_period_parse (NULL, &last, &previous, NULL);
  for (guint i = 0; i < N_PERIODS; i++)
    g_clear_pointer (&self->periods[i], g_free);
  self->periods[0] = g_strdup (quarter.label);
  self->periods[1] = g_strdup (previous.label);
  self->periods[2] = g_strdup_printf ("%u", year);
  self->periods[3] = g_strdup_printf ("%u", year - 1);
  {
    GDate from = today;
    g_autofree char *start = NULL, *end = abm_date_format (&today);

    g_date_subtract_months (&from, 12);
    g_date_add_days (&from, 1);
    start = abm_date_format (&from);
    self->periods[4] = g_strdup_printf ("%s..%s", start, end);
  }
  gtk_string_list_append (names, _("This Quarter"));
  gtk_string_list_append (names, _("Last Quarter"));
  gtk_string_list_append (names, _("This Year"));
  gtk_string_list_append (names, _("Last Year"));
  gtk_string_list_append (names, _("Last 12 Months"));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (names));
  abm_period_clear (&quarter);
  abm_period_clear (&previous);
}

static void
data_changed (AbmInsightsView *self)
{
  queue_refresh (self);
}

void
abm_insights_view_set_workspace (AbmInsightsView *self,
                                 AbmWorkspace    *workspace)
{
  g_return_if_fail (ABM_IS_INSIGHTS_VIEW (self));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "activities-changed", G_CALLBACK (data_changed), self);
      g_signal_connect_swapped (workspace, "opportunities-changed", G_CALLBACK (data_changed), self);
      g_signal_connect_swapped (workspace, "setting-changed", G_CALLBACK (data_changed), self);
      g_signal_connect_swapped (abm_workspace_get_accounts (workspace), "items-changed",
                                G_CALLBACK (data_changed), self);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.scoring", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.costs", workspace != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.import-activities",
                                 workspace != NULL && !abm_workspace_get_read_only (workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.import-deals",
                                 workspace != NULL && !abm_workspace_get_read_only (workspace));
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (workspace != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

/* Tiers change on accounts, which the workspace does not signal as a
 * whole; the window tells the view when it is shown. */
void
abm_insights_view_refresh (AbmInsightsView *self)
{
  g_return_if_fail (ABM_IS_INSIGHTS_VIEW (self));

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  refresh (self);
}

static GtkWindow *
parent_window (AbmInsightsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
scoring_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AbmInsightsView *self = ABM_INSIGHTS_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (abm_engagement_rules_dialog_new (parent_window (self), self->workspace)));
}

static void
costs_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AbmInsightsView *self = ABM_INSIGHTS_VIEW (widget);

  if (self->workspace != NULL)
    gtk_window_present (GTK_WINDOW (abm_costs_dialog_new (parent_window (self), self->workspace)));
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AbmInsightsView *self = ABM_INSIGHTS_VIEW (widget);

  if (self->workspace != NULL)
    abm_engagement_import_choose (widget, self->workspace,
                                  g_str_equal (action_name, "insights.import-activities")
                                  ? ABM_ENGAGEMENT_IMPORT_ACTIVITIES : ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES);
}

static void
abm_insights_view_dispose (GObject *object)
{
  AbmInsightsView *self = ABM_INSIGHTS_VIEW (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_data (abm_workspace_get_accounts (self->workspace), self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->kpis, abm_kpis_free);
  g_clear_pointer (&self->list_rows, g_ptr_array_unref);
  for (guint i = 0; i < N_WEEKS; i++)
    g_clear_pointer (&self->week_labels[i], g_free);
  for (guint i = 0; i < N_PERIODS; i++)
    g_clear_pointer (&self->periods[i], g_free);
  G_OBJECT_CLASS (abm_insights_view_parent_class)->dispose (object);
}

static void
abm_insights_view_class_init (AbmInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_insights_view_dispose;
  widget_class->map = abm_insights_view_map;

  /* An account in one of the lists was activated: show it. */
  signals[ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ABM_TYPE_ACCOUNT);

  g_type_ensure (ABM_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-insights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, kpi_box);
#define BIND_CHART(name) \
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, name##_stack); \
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, name##_chart); \
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, name##_table)
  BIND_CHART (engaged);
  BIND_CHART (funnel);
  BIND_CHART (trend);
  BIND_CHART (win);
  BIND_CHART (pipeline);
  BIND_CHART (velocity);
#undef BIND_CHART
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, heating_group);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, cooling_group);
  gtk_widget_class_bind_template_child (widget_class, AbmInsightsView, top_group);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled);
  gtk_widget_class_install_action (widget_class, "insights.scoring", NULL, scoring_activated);
  gtk_widget_class_install_action (widget_class, "insights.costs", NULL, costs_activated);
  gtk_widget_class_install_action (widget_class, "insights.import-activities", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "insights.import-deals", NULL, import_activated);
}

static void
abm_insights_view_init (AbmInsightsView *self)
{
  self->list_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->categories[0] = _("Tier 1");
  self->categories[1] = _("Tier 2");
  self->categories[2] = _("Tier 3");
  self->categories[3] = _("All");
  fill_periods (self);
}
