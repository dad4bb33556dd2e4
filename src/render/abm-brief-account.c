/* abm-brief-account.c: an account's brief, read from the workspace
 *
 * The first page stands alone for the executive who reads nothing else:
 * who the account is, where it stands, why it fits, how engaged it is,
 * what it is worth, the three steps that matter next and the holes in
 * the buying committee. The pages after it are the detail: the org
 * chart, the plan, the plays, the deals and the latest activity.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-brief-private.h"
#include "abm-date.h"
#include "abm-line-chart.h"
#include "abm-org-chart.h"
#include "abm-org-committee.h"
#include "abm-play-timeline.h"

#define N_NEXT_STEPS       3
#define N_FIT_REASONS      3
#define N_ACTIVITIES       20
/* An org chart set smaller than this is hard to read: it gets a page of
 * its own, turned when that shows it larger. */
#define ORG_MIN_SCALE      0.45
/* A chart that needs more pages than this at that scale is shown whole,
 * scaled down, beside the table of everyone. */
#define MAX_ORG_PAGES      6

typedef struct {
  AbmWorkspace     *workspace;
  AbmAccount       *account;
  AbmBriefDocument *document;
  AbmPageFlow      *flow;
  GDateTime        *now;
  guint32           today;
  const char       *currency;
  GListModel       *committee;      /* may be NULL */
  AbmEngagementSet *engagement;
} Brief;

/* The first page */

static void
add_identity (Brief *b)
{
  AbmAccount *a = b->account;
  g_autoptr(GString) line = g_string_new (abm_account_get_domain (a));
  const char *parts[] = { abm_account_get_industry (a), abm_account_get_city (a), abm_account_get_country (a) };

  abm_page_flow_heading (b->flow, ABM_FLOW_TITLE, abm_account_get_name (a));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (line, line->len > 0 ? " · %s" : "%s", parts[i]);
  abm_page_flow_text (b->flow, ABM_FLOW_BODY, ABM_FLOW_INK_DIM, 0, line->str);
}

static char *
tier_text (guint tier)
{
  static const char *const kinds[] = { NULL, N_("strategic, 1:1"), N_("ABM lite, 1:few"), N_("programmatic, 1:many") };

  if (tier == 0 || tier > 3)
    return g_strdup (_("Not tiered"));
  /* Translators: "Tier 1 (strategic, 1:1)" */
  return g_strdup_printf (_("Tier %u (%s)"), tier, _(kinds[tier]));
}

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("Not assigned");
}

static void
add_facts (Brief *b)
{
  AbmAccount *a = b->account;
  g_autofree char *tier = tier_text (abm_account_get_tier (a));
  g_autofree char *reason = NULL;
  g_autofree char *stage = NULL;
  gboolean overridden = FALSE;
  AbmJourneyStage journey;

  journey = abm_workspace_get_journey_stage (b->workspace, a, b->engagement, &overridden, &reason);
  if (overridden)
    /* Translators: a journey stage set by hand, "Engaged (set by hand)" */
    stage = g_strdup_printf (_("%s (set by hand)"), abm_journey_stage_label (journey));
  else if (reason != NULL && *reason != '\0')
    /* Translators: a journey stage and why, "Engaged: Score 52 is at least 40" */
    stage = g_strdup_printf (_("%s: %s"), abm_journey_stage_label (journey), reason);
  else
    stage = g_strdup (abm_journey_stage_label (journey));

  {
    const char *pairs[] = {
      _("Tier"), tier,
      _("Account executive"), or_none (abm_account_get_owner_ae (a)),
      _("Marketer"), or_none (abm_account_get_owner_marketer (a)),
      _("Journey stage"), stage,
    };

    abm_page_flow_key_values (b->flow, pairs, G_N_ELEMENTS (pairs) / 2);
  }
}

static int
by_points (gconstpointer a,
           gconstpointer b)
{
  const AbmIcpExplanation *x = *(AbmIcpExplanation * const *) a;
  const AbmIcpExplanation *y = *(AbmIcpExplanation * const *) b;

  return (x->points < y->points) - (x->points > y->points);
}

static void
add_tiles_and_reasons (Brief *b)
{
  AbmAccount *a = b->account;
  AbmIcp *icp = abm_workspace_get_icp (b->workspace);
  double fit = abm_account_get_fit_score (a);
  const AbmEngagement *e = b->engagement ? abm_engagement_set_lookup (b->engagement, abm_account_get_id (a)) : NULL;
  GPtrArray *opportunities = abm_workspace_get_all_opportunities (b->workspace, NULL);
  AbmDealSummary deals = { 0, };
  g_autofree char *fit_value = NULL, *fit_caption = NULL, *score = NULL, *trend = NULL;
  g_autofree char *open = NULL, *open_caption = NULL, *won = NULL, *won_caption = NULL;

  if (opportunities != NULL)
    abm_deal_summary_compute (opportunities, abm_account_get_id (a), b->today, &deals);

  fit_value = fit >= 0 ? g_strdup_printf ("%.0f", fit) : NULL;
  fit_caption = g_strdup (fit >= 0 ? abm_icp_band_label (abm_icp_band (icp, fit)) : _("Not scored"));
  if (e != NULL && e->n_activities > 0)
    {
      double change = round (e->score) - round (e->score_before);

      score = g_strdup_printf ("%.0f", e->score);
      /* Translators: the change of a score, "+8 in 14 days · Heating up" */
      trend = g_strdup_printf (_("%s%.0f in 14 days · %s"), change > 0 ? "+" : change < 0 ? "−" : "±",
                               fabs (change), abm_trend_label (e->trend));
    }
  else
    {
      score = g_strdup ("0");
      trend = g_strdup (_("No activity yet"));
    }
  open = abm_brief_format_money (deals.open_amount, b->currency);
  open_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open deal", "%u open deals", deals.n_open),
                                  deals.n_open);
  won = abm_brief_format_money (deals.won_amount, b->currency);
  won_caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u won · %u lost", "%u won · %u lost",
                                              deals.n_won),
                                 deals.n_won, deals.n_lost);
  {
    const char *labels[] = { _("Fit score"), _("Engagement"), _("Open pipeline"), _("Won") };
    const char *values[] = { fit_value, score, open, won };
    const char *captions[] = { fit_caption, trend, open_caption, won_caption };
    const AbmFlowInk inks[] = {
      ABM_FLOW_INK_DIM,
      e && e->trend == ABM_TREND_HEATING ? ABM_FLOW_INK_GOOD
      : e && e->trend == ABM_TREND_COOLING ? ABM_FLOW_INK_WARNING : ABM_FLOW_INK_DIM,
      ABM_FLOW_INK_DIM,
      ABM_FLOW_INK_DIM,
    };

    abm_page_flow_space (b->flow, 4);
    abm_brief_add_tiles (b->flow, labels, values, captions, inks, G_N_ELEMENTS (labels));
  }

  abm_page_flow_heading (b->flow, ABM_FLOW_SUBHEADING, _("Why it fits"));
  if (fit < 0)
    {
      abm_brief_add_empty (b->flow, _("Not scored: the ideal customer profile has no criteria yet."));
      return;
    }
  {
    g_autoptr(GPtrArray) lines = abm_icp_explain (icp, a);
    guint shown = 0;

    g_ptr_array_sort (lines, by_points);
    for (guint i = 0; i < lines->len && shown < N_FIT_REASONS; i++)
      {
        AbmIcpExplanation *line = lines->pdata[i];
        g_autofree char *text = NULL;

        if (!line->matched || line->points <= 0)
          continue;
        /* Translators: a criterion the account meets and the points it adds,
         * "Industry is Banking or Insurance (Banking): +25 points" */
        text = line->account_value != NULL
               ? g_strdup_printf (_("%s (%s): +%.0f points"), line->description, line->account_value, line->points)
               : g_strdup_printf (_("%s: +%.0f points"), line->description, line->points);
        abm_page_flow_bullet (b->flow, ABM_FLOW_BODY, text);
        shown++;
      }
    if (shown == 0)
      abm_brief_add_empty (b->flow, _("It meets none of the profile’s criteria."));
  }
}

static void
render_trend (gconstpointer  data,
              cairo_t       *cr,
              double         width,
              double         height)
{
  abm_line_chart_render (data, cr, width, height);
}

static void
add_trend (Brief *b)
{
  const AbmEngagement *e = b->engagement
                           ? abm_engagement_set_lookup (b->engagement, abm_account_get_id (b->account)) : NULL;
  guint32 today = b->engagement ? abm_engagement_set_get_today (b->engagement) : b->today;
  GPtrArray *keep = g_ptr_array_new_with_free_func (g_free);
  const char **labels = g_new0 (const char *, ABM_ENGAGEMENT_WEEKS);
  double *values = g_new0 (double, ABM_ENGAGEMENT_WEEKS);
  AbmLineChartData data = { 0, };

  g_ptr_array_add (keep, labels);
  g_ptr_array_add (keep, values);
  for (guint w = 0; w < ABM_ENGAGEMENT_WEEKS; w++)
    {
      GDate date;
      char text[32];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, today - 7 * (ABM_ENGAGEMENT_WEEKS - 1 - w));
      /* Translators: a week on a chart's axis, a strftime() format: "%d. %b"
       * in German. */
      g_date_strftime (text, sizeof text, _("%d %b"), &date);
      labels[w] = abm_brief_keep (keep, text);
      values[w] = e != NULL && e->n_activities > 0 ? e->weekly[w] : NAN;
    }
  data.x_labels = labels;
  data.n_points = ABM_ENGAGEMENT_WEEKS;
  data.series[0] = (AbmRenderSeries) { abm_brief_keep (keep, _("Engagement")), values, ABM_RENDER_COLOR_ACCENT };
  data.n_series = 1;
  data.unit = ABM_RENDER_UNIT_COUNT;
  data.title = abm_brief_keep (keep, _("Engagement score by week"));
  data.empty_text = abm_brief_keep (keep, _("No activity in these weeks"));
  abm_brief_add_chart (b->flow, 150, render_trend, &data, sizeof data, keep);
}

static int
by_due_date (gconstpointer a,
             gconstpointer b)
{
  const char *x = abm_plan_item_get_date (*(AbmPlanItem * const *) a);
  const char *y = abm_plan_item_get_date (*(AbmPlanItem * const *) b);

  /* Undated steps last. */
  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);
  return strcmp (x, y);
}

static void
add_step_rows (Brief     *b,
               GPtrArray *steps,
               guint      limit)
{
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Step"), _("Owner"), _("Due") };
  const double widths[] = { 0.6, 0.2, 0.2 };

  for (guint i = 0; i < steps->len && i < limit; i++)
    {
      AbmPlanItem *step = steps->pdata[i];
      g_autofree char *due = abm_brief_format_date (abm_plan_item_get_date (step));

      g_ptr_array_add (cells, g_strdup (abm_plan_item_get_text (step)));
      g_ptr_array_add (cells, g_strdup (abm_plan_item_get_owner (step)));
      if (due != NULL && abm_plan_item_is_overdue (step, b->now))
        /* Translators: a due date that has passed, "12 Mar 2026, overdue" */
        g_ptr_array_add (cells, g_strdup_printf (_("%s, overdue"), due));
      else
        g_ptr_array_add (cells, g_steal_pointer (&due));
    }
  abm_brief_add_table (b->flow, cells, header, widths, NULL, G_N_ELEMENTS (header));
}

/* The open steps, earliest due first; a new array of references. */
static GPtrArray *
open_steps (AbmPlan *plan)
{
  GListModel *items = abm_plan_get_items (plan, ABM_PLAN_ITEM_STEP);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      AbmPlanItem *step = g_list_model_get_item (items, i);

      if (abm_plan_item_get_done (step))
        g_object_unref (step);
      else
        g_ptr_array_add (steps, step);
    }
  g_ptr_array_sort (steps, by_due_date);
  return steps;
}

static void
add_next_steps (Brief   *b,
                AbmPlan *plan)
{
  g_autoptr(GPtrArray) steps = plan != NULL ? open_steps (plan) : NULL;

  abm_page_flow_heading (b->flow, ABM_FLOW_SUBHEADING, _("Next steps"));
  if (steps == NULL || steps->len == 0)
    abm_brief_add_empty (b->flow, _("No open next steps in the plan."));
  else
    add_step_rows (b, steps, N_NEXT_STEPS);
}

static void
add_coverage (Brief *b)
{
  g_autoptr(AbmCoverage) coverage = NULL;
  GDate today;

  abm_page_flow_heading (b->flow, ABM_FLOW_SUBHEADING, _("Buying committee coverage"));
  if (b->committee == NULL || g_list_model_get_n_items (b->committee) == 0)
    {
      abm_brief_add_empty (b->flow, _("No stakeholders mapped yet."));
      return;
    }
  g_date_clear (&today, 1);
  g_date_set_julian (&today, b->today);
  coverage = abm_coverage_compute (abm_workspace_get_coverage_rules (b->workspace), b->committee, &today);
  if (coverage->score >= 0)
    {
      guint n = g_list_model_get_n_items (b->committee);
      g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person mapped",
                                                              "%u people mapped", n), n);
      /* Translators: committee coverage, "Coverage 67 of 100 · 12 people mapped" */
      g_autofree char *text = g_strdup_printf (_("Coverage %.0f of 100 · %s"), coverage->score, people);

      abm_page_flow_text (b->flow, ABM_FLOW_BODY_BOLD, ABM_FLOW_INK_TEXT, 0, text);
    }
  if (coverage->gaps->len == 0)
    abm_page_flow_text (b->flow, ABM_FLOW_BODY, ABM_FLOW_INK_GOOD, 0, _("No gaps: every key role is covered."));
  for (guint i = 0; i < coverage->gaps->len; i++)
    abm_page_flow_bullet (b->flow, ABM_FLOW_BODY, coverage->gaps->pdata[i]);
}

/* The org chart and the committee */

typedef struct {
  AbmOrgLayout *layout;
  AbmOrgPerson *people;
  guint         n_people;
  AbmOrgLink   *links;
  guint         n_links;
  GPtrArray    *strings;
  guint         n_users;     /* figures that draw it: the chart's pages */
} OrgFigure;

static void
org_free (gpointer data)
{
  OrgFigure *f = data;

  if (f->n_users > 1)
    {
      f->n_users--;
      return;
    }
  g_clear_pointer (&f->layout, abm_org_layout_free);
  g_free (f->people);
  g_free (f->links);
  g_ptr_array_unref (f->strings);
  g_free (f);
}

static const AbmOrgChartStyle org_style = { .legend = TRUE };

static void
draw_org (gconstpointer  data,
          cairo_t       *cr,
          double         width,
          double         height)
{
  const OrgFigure *f = data;

  abm_org_chart_render (f->layout, f->people, f->n_people, f->links, f->n_links, &org_style, cr, width, height);
}

/* The chart's people with strings of their own, for drawing later. */
static OrgFigure *
org_figure_new (Brief   *b,
                GError **error)
{
  g_autoptr(AbmOrgCommittee) committee = abm_org_committee_new (b->committee,
                                                                abm_workspace_get_committee_links (b->workspace,
                                                                                                   b->account));
  OrgFigure *f = g_new0 (OrgFigure, 1);

  f->n_users = 1;
  f->strings = g_ptr_array_new_with_free_func (g_free);
  f->n_people = committee->n_people;
  f->people = g_memdup2 (committee->people, sizeof (AbmOrgPerson) * (committee->n_people + 1));
  f->n_links = committee->n_links;
  f->links = g_memdup2 (committee->links, sizeof (AbmOrgLink) * (committee->n_links + 1));
  for (guint i = 0; i < f->n_people; i++)
    {
      f->people[i].name = abm_brief_keep (f->strings, f->people[i].name);
      f->people[i].title = abm_brief_keep (f->strings, f->people[i].title);
    }
  f->layout = abm_org_layout_new (f->people, f->n_people, error);
  if (f->layout == NULL)
    {
      org_free (f);
      return NULL;
    }
  return f;
}

/* One page's part of a chart too large for a page: the chart at a
 * readable scale, cut into landscape pages like a map. */
typedef struct {
  OrgFigure *org;
  double     scale;
  double     x, y;      /* the part's top left, in layout units */
  double     width;     /* the part's width on the page */
} OrgTile;

static const AbmOrgChartStyle tile_style = { .legend = FALSE };

static void
tile_free (gpointer data)
{
  OrgTile *t = data;

  org_free (t->org);
  g_free (t);
}

static void
draw_tile (gconstpointer  data,
           cairo_t       *cr,
           double         width,
           double         height)
{
  const OrgTile *t = data;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MIN (width, t->width), height);
  cairo_clip (cr);
  cairo_scale (cr, t->scale, t->scale);
  cairo_translate (cr, -t->x, -t->y);
  abm_org_chart_draw (t->org->layout, t->org->people, t->org->n_people, t->org->links, t->org->n_links,
                      &tile_style, cr);
  cairo_restore (cr);
}

/* Where to cut the chart along one axis so that no card is cut: at most
 * @size apart, each cut between cards (@vertical: between rows). Returns
 * the cuts from @start to @end, both included. */
static GArray *
org_cuts (const AbmOrgLayout *layout,
          gboolean            vertical,
          double              start,
          double              end,
          double              size)
{
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = abm_org_layout_get_n_nodes (layout);

  g_array_append_val (cuts, start);
  while (start < end - 1)
    {
      double limit = start + size, cut = MIN (limit, end);
      gboolean moved = TRUE;

      /* Back off to the near edge of any card the cut goes through. */
      while (moved && cut < end)
        {
          moved = FALSE;
          for (guint i = 0; i < n; i++)
            {
              cairo_rectangle_t box;
              double from, to;

              abm_org_layout_get_box (layout, i, &box);
              from = vertical ? box.y : box.x;
              to = from + (vertical ? box.height : box.width);
              if (from < cut && cut < to && from > start)
                {
                  cut = from;
                  moved = TRUE;
                }
            }
        }
      if (cut <= start)
        cut = MIN (limit, end);
      g_array_append_val (cuts, cut);
      start = cut;
    }
  return cuts;
}

/* Cuts the chart into landscape pages at the smallest readable scale,
 * between cards; FALSE (nothing added) when that takes more than
 * MAX_ORG_PAGES. */
static gboolean
add_org_pages (Brief     *b,
               OrgFigure *f)
{
  double page_width = abm_page_flow_get_page_width (b->flow, TRUE);
  double page_height = abm_page_flow_get_page_height (b->flow, TRUE) - 60;
  cairo_rectangle_t bounds;
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GArray) rows = NULL;
  guint n_pages;

  abm_org_chart_get_bounds (f->layout, &tile_style, &bounds);
  columns = org_cuts (f->layout, FALSE, bounds.x, bounds.x + bounds.width, page_width / ORG_MIN_SCALE);
  rows = org_cuts (f->layout, TRUE, bounds.y, bounds.y + bounds.height, page_height / ORG_MIN_SCALE);
  n_pages = (columns->len - 1) * (rows->len - 1);
  if (n_pages > MAX_ORG_PAGES || n_pages < 2)
    return FALSE;
  for (guint r = 0; r + 1 < rows->len; r++)
    for (guint c = 0; c + 1 < columns->len; c++)
      {
        OrgTile *t = g_new0 (OrgTile, 1);
        double height = (g_array_index (rows, double, r + 1) - g_array_index (rows, double, r)) * ORG_MIN_SCALE;
        /* Translators: a part of a buying committee's org chart cut over pages */
        g_autofree char *heading = g_strdup_printf (_("Buying committee, part %u of %u"),
                                                    r * (columns->len - 1) + c + 1, n_pages);

        t->org = f;
        f->n_users++;
        t->scale = ORG_MIN_SCALE;
        t->x = g_array_index (columns, double, c);
        t->y = g_array_index (rows, double, r);
        t->width = (g_array_index (columns, double, c + 1) - t->x) * ORG_MIN_SCALE;
        abm_page_flow_break (b->flow, TRUE);
        abm_page_flow_heading (b->flow, r == 0 && c == 0 ? ABM_FLOW_HEADING : ABM_FLOW_SUBHEADING, heading);
        abm_page_flow_figure (b->flow, MIN (abm_page_flow_get_remaining (b->flow) - 10, height + 8),
                              draw_tile, t, tile_free);
      }
  /* The first reference was the caller's. */
  org_free (f);
  abm_page_flow_break (b->flow, FALSE);
  return TRUE;
}

/* A chart too large to read on a page says where to read it. */
static void
add_scale_note (Brief  *b,
                double  scale,
                guint   n_people)
{
  g_autofree char *text = NULL;

  if (scale >= ORG_MIN_SCALE)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The chart of %u person is scaled to fit the page; the table lists "
                                       "everyone.",
                                       "The chart of %u people is scaled to fit the page; the table lists "
                                       "everyone.", n_people),
                          n_people);
  abm_brief_add_empty (b->flow, text);
}

static void
add_org_chart (Brief *b)
{
  g_autoptr(GError) error = NULL;
  OrgFigure *f;
  double width, height, portrait, landscape, room;
  guint n_people;

  f = org_figure_new (b, &error);
  if (f == NULL)
    {
      abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Buying committee"));
      abm_brief_add_empty (b->flow, error->message);
      return;
    }
  n_people = f->n_people;
  abm_org_chart_get_size (f->layout, &org_style, &width, &height, NULL, NULL);
  room = abm_page_flow_get_page_height (b->flow, FALSE) - 40;
  portrait = MIN (1, MIN (abm_page_flow_get_page_width (b->flow, FALSE) / width, room / height));
  landscape = MIN (1, MIN (abm_page_flow_get_page_width (b->flow, TRUE) / width,
                           (abm_page_flow_get_page_height (b->flow, TRUE) - 40) / height));
  if (landscape < ORG_MIN_SCALE && add_org_pages (b, f))
    return;
  if (portrait < ORG_MIN_SCALE && landscape > portrait)
    {
      /* A wide chart: a page of its own, turned. */
      abm_page_flow_break (b->flow, TRUE);
      abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Buying committee"));
      abm_page_flow_figure (b->flow, MIN (abm_page_flow_get_remaining (b->flow) - 30, height * landscape),
                            draw_org, f, org_free);
      add_scale_note (b, landscape, n_people);
      abm_page_flow_break (b->flow, FALSE);
      return;
    }
  abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Buying committee"));
  abm_page_flow_figure (b->flow, height * portrait, draw_org, f, org_free);
  add_scale_note (b, portrait, n_people);
}

static void
add_stakeholders (Brief *b)
{
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Name"), _("Title"), _("Roles"), _("Sentiment"), _("Last contact") };
  const double widths[] = { 0.2, 0.26, 0.26, 0.13, 0.15 };
  guint n = g_list_model_get_n_items (b->committee);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_julian (&today, b->today);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (b->committee, i);
      char *roles = abm_stakeholder_dup_roles_text (s);

      g_ptr_array_add (cells, g_strdup (abm_stakeholder_get_name (s)));
      g_ptr_array_add (cells, g_strdup (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_TITLE)));
      g_ptr_array_add (cells, roles != NULL && *roles != '\0' ? roles : (g_free (roles), NULL));
      g_ptr_array_add (cells, g_strdup (abm_sentiment_label (abm_stakeholder_get_sentiment (s))));
      g_ptr_array_add (cells, abm_org_chart_freshness_text (abm_stakeholder_days_since_contact (s, &today)));
    }
  abm_page_flow_heading (b->flow, ABM_FLOW_SUBHEADING, _("Stakeholders"));
  abm_brief_add_table (b->flow, cells, header, widths, NULL, G_N_ELEMENTS (header));
}

static void
add_committee (Brief *b)
{
  if (b->committee == NULL || g_list_model_get_n_items (b->committee) == 0)
    {
      abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Buying committee"));
      abm_brief_add_empty (b->flow, _("No stakeholders mapped yet."));
      return;
    }
  abm_page_flow_break (b->flow, FALSE);
  add_org_chart (b);
  add_stakeholders (b);
}

/* The plan */

static void
add_section_text (Brief      *b,
                  const char *text)
{
  g_autoptr(GPtrArray) blocks = abm_plan_text_blocks (text);

  for (guint i = 0; i < blocks->len; i++)
    {
      AbmTextBlock *block = blocks->pdata[i];

      if (block->kind == ABM_TEXT_BULLET)
        abm_page_flow_bullet (b->flow, ABM_FLOW_BODY, block->text);
      else
        abm_page_flow_text (b->flow, ABM_FLOW_BODY, ABM_FLOW_INK_TEXT, 0, block->text);
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static void
add_plan (Brief   *b,
          AbmPlan *plan)
{
  g_autoptr(GError) error = NULL;
  AbmPlan *parent = abm_workspace_get_parent_plan (b->workspace, b->account, &error);
  AbmMotion motion;
  gboolean written = FALSE;

  abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Account plan"));
  if (plan == NULL)
    {
      abm_brief_add_empty (b->flow, _("No plan written yet."));
      return;
    }
  motion = abm_plan_get_effective_motion (plan, parent);
  if (motion != ABM_MOTION_NONE)
    {
      /* Translators: the plan's motion, "Motion: Land" */
      g_autofree char *text = g_strdup_printf (_("Motion: %s"), abm_motion_label (motion));

      abm_page_flow_text (b->flow, ABM_FLOW_BODY_BOLD, ABM_FLOW_INK_TEXT, 0, text);
    }
  for (AbmPlanSection s = 0; s < ABM_PLAN_N_SECTIONS; s++)
    {
      gboolean inherited = FALSE;
      const char *text = abm_plan_get_effective_section (plan, parent, s, &inherited);
      g_autofree char *title = NULL;

      if (is_blank (text))
        continue;
      /* Translators: a plan section taken from the account's cluster plan */
      title = inherited ? g_strdup_printf (_("%s (from the cluster plan)"), abm_plan_section_label (s))
                        : g_strdup (abm_plan_section_label (s));
      abm_page_flow_heading (b->flow, ABM_FLOW_SUBHEADING, title);
      add_section_text (b, text);
      written = TRUE;
    }
  if (!written)
    abm_brief_add_empty (b->flow, _("No plan written yet."));

  {
    g_autoptr(GPtrArray) steps = open_steps (plan);

    if (steps->len > N_NEXT_STEPS)
      {
        abm_page_flow_heading (b->flow, ABM_FLOW_SUBHEADING, _("All open next steps"));
        add_step_rows (b, steps, G_MAXUINT);
      }
  }
}

/* Plays */

/* The timeline's text is set for the screen; on paper a smaller scale
 * matches the body text. */
#define TIMELINE_SCALE 0.75

static void
render_timeline (gconstpointer  data,
                 cairo_t       *cr,
                 double         width,
                 double         height)
{
  /* Smaller still when a page cannot hold every row. */
  double scale = MIN (TIMELINE_SCALE, height / abm_play_timeline_get_height (data));

  cairo_scale (cr, scale, scale);
  abm_play_timeline_render (data, cr, width / scale, height / scale);
}

static guint32
julian_of (const char *text)
{
  GDate date;

  return text != NULL && abm_date_parse (text, &date) ? g_date_get_julian (&date) : 0;
}

static char *
first_line (const char *text)
{
  return g_strndup (text, strcspn (text, "\n"));
}

static void
add_plays (Brief *b)
{
  g_autoptr(GError) error = NULL;
  AbmPlayFilter filter = { abm_account_get_id (b->account), abm_account_get_cluster_id (b->account), FALSE, -1,
                           FALSE };
  g_autoptr(GPtrArray) plays = NULL;
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Play"), _("Channel"), _("Team"), _("Start"), _("Due"), _("Status") };
  const double widths[] = { 0.36, 0.16, 0.1, 0.13, 0.13, 0.12 };
  GPtrArray *keep;
  AbmPlayTimelineRow *rows;
  AbmPlayTimelineData data;

  abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Plays"));
  plays = abm_workspace_find_plays (b->workspace, &filter, b->now, &error);
  if (plays == NULL || plays->len == 0)
    {
      abm_brief_add_empty (b->flow, plays == NULL ? error->message : _("No plays planned yet."));
      return;
    }

  keep = g_ptr_array_new_with_free_func (g_free);
  rows = g_new0 (AbmPlayTimelineRow, plays->len);
  g_ptr_array_add (keep, rows);
  for (guint i = 0; i < plays->len; i++)
    {
      AbmPlay *play = plays->pdata[i];
      char *label = first_line (abm_play_get_description (play));
      g_autofree char *start = abm_brief_format_date (abm_play_get_start (play));
      g_autofree char *due = abm_brief_format_date (abm_play_get_due (play));

      g_ptr_array_add (keep, label);
      rows[i] = (AbmPlayTimelineRow) { label, julian_of (abm_play_get_start (play)),
                                          julian_of (abm_play_get_due (play)), abm_play_get_status (play),
                                          abm_play_get_channel (play), abm_play_is_overdue (play, b->now) };
      g_ptr_array_add (cells, g_strdup (label));
      g_ptr_array_add (cells, g_strdup (abm_channel_label (abm_play_get_channel (play))));
      g_ptr_array_add (cells, g_strdup (abm_play_owner_label (abm_play_get_owner (play))));
      g_ptr_array_add (cells, g_steal_pointer (&start));
      g_ptr_array_add (cells, g_steal_pointer (&due));
      g_ptr_array_add (cells, g_strdup (rows[i].overdue ? _("Overdue")
                                                           : abm_play_status_label (abm_play_get_status (play))));
    }
  data = (AbmPlayTimelineData) { rows, plays->len, b->today, NULL, FALSE };
  abm_brief_add_chart (b->flow, abm_play_timeline_get_height (&data) * TIMELINE_SCALE, render_timeline, &data,
                       sizeof data, keep);
  abm_brief_add_table (b->flow, cells, header, widths, NULL, G_N_ELEMENTS (header));
}

/* Deals and activity */

static void
add_opportunities (Brief *b)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = abm_workspace_get_opportunities (b->workspace, b->account, &error);
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Opportunity"), _("Stage"), _("Status"), _("Amount"), _("Created"), _("Closed") };
  const double widths[] = { 0.3, 0.15, 0.1, 0.15, 0.15, 0.15 };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, TRUE, FALSE, FALSE };
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  /* Translators: the heading over an account's deals, not the SWOT section */
  abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, C_("deals", "Opportunities"));
  if (n == 0)
    {
      abm_brief_add_empty (b->flow, list == NULL ? error->message : _("No opportunities yet."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AbmOpportunity) o = g_list_model_get_item (list, i);

      g_ptr_array_add (cells, g_strdup (abm_opportunity_get_name (o)));
      g_ptr_array_add (cells, g_strdup (abm_opportunity_get_stage (o)));
      g_ptr_array_add (cells, g_strdup (abm_opportunity_status_label (abm_opportunity_get_status (o))));
      g_ptr_array_add (cells, abm_brief_format_money (abm_opportunity_get_amount (o), b->currency));
      g_ptr_array_add (cells, abm_brief_format_date (abm_opportunity_get_created (o)));
      g_ptr_array_add (cells, abm_brief_format_date (abm_opportunity_get_closed (o)));
    }
  abm_brief_add_table (b->flow, cells, header, widths, numeric, G_N_ELEMENTS (header));
}

static const char *
person_name (Brief  *b,
             gint64  id)
{
  AbmStakeholder *s = id > 0 ? abm_workspace_find_stakeholder (b->workspace, b->account, id) : NULL;

  return s != NULL ? abm_stakeholder_get_name (s) : NULL;
}

static void
add_activity (Brief *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) activities = abm_workspace_get_account_activities (b->workspace, b->account, &error);
  g_autoptr(GPtrArray) cells = abm_brief_cells_new ();
  const char *header[] = { _("Date"), _("Activity"), _("Person"), _("Topic or campaign") };
  const double widths[] = { 0.15, 0.22, 0.25, 0.38 };

  abm_page_flow_heading (b->flow, ABM_FLOW_HEADING, _("Recent activity"));
  if (activities == NULL || activities->len == 0)
    {
      abm_brief_add_empty (b->flow, activities == NULL ? error->message : _("No activity recorded yet."));
      return;
    }
  for (guint i = 0; i < activities->len && i < N_ACTIVITIES; i++)
    {
      AbmActivity *a = &g_array_index (activities, AbmActivity, i);
      const char *about = a->topic != NULL ? a->topic : a->campaign;

      g_ptr_array_add (cells, abm_brief_format_julian (a->day));
      g_ptr_array_add (cells, g_strdup (abm_activity_kind_label (a->kind)));
      g_ptr_array_add (cells, g_strdup (a->stakeholder_id > 0 ? person_name (b, a->stakeholder_id)
                                                              : _("The account")));
      g_ptr_array_add (cells, g_strdup (about));
    }
  abm_brief_add_table (b->flow, cells, header, widths, NULL, G_N_ELEMENTS (header));
  if (activities->len > N_ACTIVITIES)
    {
      /* Translators: under the list of the latest activities */
      g_autofree char *more = g_strdup_printf (_("The latest %u of %u activities."), N_ACTIVITIES, activities->len);

      abm_brief_add_empty (b->flow, more);
    }
}

AbmBriefDocument *
abm_brief_document_new_account (AbmWorkspace          *workspace,
                                AbmAccount            *account,
                                const AbmBriefOptions *options,
                                GError               **error)
{
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autoptr(AbmEngagementSet) engagement = NULL;
  g_autofree char *title = NULL, *subject = NULL;
  AbmPlan *plan;
  Brief b = { workspace, account };

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  /* Translators: the title of an account's brief, "Account Brief: Northwind Bank" */
  title = g_strdup_printf (_("Account Brief: %s"), abm_account_get_name (account));
  /* Translators: the subject of an account brief's PDF */
  subject = g_strdup_printf (_("Where %s stands, the plan and the buying committee"), abm_account_get_name (account));
  document = abm_brief_document_begin (workspace, options, title, subject);
  engagement = abm_workspace_compute_account_engagement (workspace, account, error);
  if (engagement == NULL)
    return NULL;
  plan = abm_workspace_get_plan (workspace, account, error);
  if (plan == NULL)
    return NULL;

  b.document = document;
  b.flow = document->flow;
  b.now = document->created;
  b.today = abm_brief_julian_of_now (document->created);
  b.currency = abm_workspace_get_currency (workspace);
  b.committee = abm_workspace_get_committee (workspace, account, NULL);
  b.engagement = engagement;

  abm_page_flow_add_outline (b.flow, _("Summary"), 0);
  add_identity (&b);
  add_facts (&b);
  add_tiles_and_reasons (&b);
  add_trend (&b);
  add_next_steps (&b, plan);
  add_coverage (&b);

  /* The detail starts on a page of its own. */
  abm_page_flow_break (b.flow, FALSE);
  add_committee (&b);
  add_plan (&b, plan);
  add_plays (&b);
  add_opportunities (&b);
  add_activity (&b);

  return g_steal_pointer (&document);
}
