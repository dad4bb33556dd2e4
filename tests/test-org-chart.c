/* test-org-chart.c: the org chart's layout, drawing and export
 *
 * The layout is checked for the properties of a tidy tree on hundreds of
 * random forests; the drawing by its pixels (a card is there when its
 * face is painted in the card's colour); exports by reading the files
 * back. The benchmark prints the time to lay out and draw 200 people, and
 * holds it to 20 ms in -m perf runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "abm-org-chart.h"

/* Two trees: a finance-led one of six and a legal one of three. */
static const AbmOrgPerson committee[] = {
  { 11, 0, 0, "Dana Whitfield", "Chief Financial Officer", "Economic buyer", 0, 1, ABM_SENTIMENT_NEUTRAL, 5, 34 },
  { 12, 11, 0, "Marcus Lee", "VP IT Infrastructure", "Technical evaluator", 3, 0, ABM_SENTIMENT_POSITIVE, 4, 5 },
  { 13, 11, 17, "Priya Nair", "Head of Procurement", "Procurement", 8, 0, ABM_SENTIMENT_NEGATIVE, 3, 75 },
  { 14, 12, 0, "Tom Becker", "Director of Cloud Platform", "Champion", 2, 0, ABM_SENTIMENT_CHAMPION, 4, 2 },
  { 15, 12, 0, "Elena Rossi", "Security Architect", "Blocker", 6, 0, ABM_SENTIMENT_BLOCKER, 3, 90 },
  { 16, 14, 0, "Sam Okafor", "Platform Engineer", "End user", 4, 0, ABM_SENTIMENT_UNKNOWN, 2, -1 },
  { 17, 0, 0, "Ines Duarte", "General Counsel", "Legal", 9, 0, ABM_SENTIMENT_NEUTRAL, 2, 120 },
  { 18, 17, 0, "Jonas Berg", "Compliance Officer", "Influencer", 5, 0, ABM_SENTIMENT_POSITIVE, 3, 20 },
  { 19, 17, 0, "Robin Hale", NULL, NULL, 0, 0, ABM_SENTIMENT_UNKNOWN, 0, 0 },
};

static const AbmOrgLink committee_links[] = {
  { 14, 11, ABM_ORG_LINK_INFLUENCES },
  { 18, 13, ABM_ORG_LINK_INFLUENCES },
  { 15, 14, ABM_ORG_LINK_CONFLICTS },
  { 15, 999, ABM_ORG_LINK_CONFLICTS },   /* someone not on the chart */
};

#define N_COMMITTEE G_N_ELEMENTS (committee)

static AbmOrgLayout *
layout_committee (void)
{
  g_autoptr(GError) error = NULL;
  AbmOrgLayout *layout = abm_org_layout_new (committee, N_COMMITTEE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

/* Layout */

/* A forest of @n people with random ids, managers and order: some roots,
 * some managers not on the chart, no circles. */
static AbmOrgPerson *
random_forest (GRand *rand,
               guint  n)
{
  AbmOrgPerson *people = g_new0 (AbmOrgPerson, n);
  g_autofree gint64 *ids = g_new (gint64, n);

  for (guint i = 0; i < n; i++)
    ids[i] = (gint64) i * 7 + g_rand_int_range (rand, 1, 7);
  /* A manager is always someone earlier in this order... */
  for (guint i = 0; i < n; i++)
    {
      double kind = g_rand_double (rand);

      people[i].id = ids[i];
      people[i].name = "Someone";
      if (i == 0 || kind < 0.06)
        people[i].manager_id = 0;
      else if (kind < 0.09)
        people[i].manager_id = -ids[i];                 /* not on the chart */
      else if (kind < 0.5)
        people[i].manager_id = ids[g_rand_int_range (rand, MAX (0, (int) i - 4), i)];  /* deep */
      else
        people[i].manager_id = ids[g_rand_int_range (rand, 0, MIN (i, 12))];           /* wide */
    }
  /* ...and then the order is shuffled. */
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      AbmOrgPerson tmp = people[i - 1];

      people[i - 1] = people[j];
      people[j] = tmp;
    }
  return people;
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static int
root_of (const AbmOrgLayout *layout,
         guint               index)
{
  gint64 id = abm_org_layout_get_id (layout, index);
  gint64 manager;

  while ((manager = abm_org_layout_get_manager (layout, id)) != 0)
    id = manager;
  return abm_org_layout_find (layout, id);
}

static void
check_tidy (const AbmOrgPerson *people,
            guint               n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmOrgLayout) layout = abm_org_layout_new (people, n, &error);
  g_autoptr(AbmOrgLayout) again = NULL;
  g_autofree cairo_rectangle_t *boxes = g_new (cairo_rectangle_t, n);
  g_autofree double *tree_left = g_new (double, n);
  g_autofree double *tree_right = g_new (double, n);
  double width, height, min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE;
  int previous_root = -1;

  g_assert_no_error (error);
  g_assert_cmpuint (abm_org_layout_get_n_nodes (layout), ==, n);
  abm_org_layout_get_extent (layout, &width, &height);

  for (guint i = 0; i < n; i++)
    {
      abm_org_layout_get_box (layout, i, &boxes[i]);
      g_assert_cmpint (abm_org_layout_get_id (layout, i), ==, people[i].id);
      g_assert_cmpint (abm_org_layout_find (layout, people[i].id), ==, (int) i);
      g_assert_cmpfloat (boxes[i].width, ==, ABM_ORG_LAYOUT_CARD_WIDTH);
      g_assert_cmpfloat (boxes[i].height, ==, ABM_ORG_LAYOUT_CARD_HEIGHT);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, width + 1e-6);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, height + 1e-6);
      min_x = MIN (min_x, boxes[i].x);
      min_y = MIN (min_y, boxes[i].y);
      tree_left[i] = G_MAXDOUBLE;
      tree_right[i] = -G_MAXDOUBLE;
    }
  g_assert_cmpfloat (fabs (min_x), <, 1e-6);
  g_assert_cmpfloat (fabs (min_y), <, 1e-6);

  /* No two cards overlap. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (boxes_overlap (&boxes[i], &boxes[j]))
        g_error ("cards %u and %u overlap in a forest of %u", i, j, n);

  for (guint i = 0; i < n; i++)
    {
      gint64 manager = abm_org_layout_get_manager (layout, people[i].id);
      int m = abm_org_layout_find (layout, manager);
      int first = -1, last = -1;
      int root = root_of (layout, i);

      /* A manager not on the chart makes a root. */
      if (abm_org_layout_find (layout, people[i].manager_id) < 0)
        g_assert_cmpint (manager, ==, 0);
      else
        g_assert_cmpint (manager, ==, people[i].manager_id);

      /* Every report strictly below their manager. */
      if (m >= 0)
        g_assert_cmpfloat (boxes[i].y, >, boxes[m].y + boxes[m].height);

      /* Reports left to right in the order given, and their manager
       * centred over them. */
      for (guint j = 0; j < n; j++)
        if (abm_org_layout_get_manager (layout, people[j].id) == people[i].id)
          {
            if (last >= 0)
              g_assert_cmpfloat (boxes[j].x, >=, boxes[last].x + boxes[last].width);
            if (first < 0)
              first = (int) j;
            last = (int) j;
          }
      if (first >= 0)
        {
          double centre = boxes[i].x + boxes[i].width / 2;
          double children = (boxes[first].x + boxes[last].x + boxes[first].width) / 2;

          g_assert_cmpfloat (fabs (centre - children), <, 0.5);
        }

      tree_left[root] = MIN (tree_left[root], boxes[i].x);
      tree_right[root] = MAX (tree_right[root], boxes[i].x + boxes[i].width);
    }

  /* Each tree stands right of the one whose root came before. */
  for (guint i = 0; i < n; i++)
    if (abm_org_layout_get_manager (layout, people[i].id) == 0)
      {
        if (previous_root >= 0)
          g_assert_cmpfloat (tree_left[i], >=, tree_right[previous_root]);
        previous_root = (int) i;
      }

  /* The same people give the same picture. */
  again = abm_org_layout_new (people, n, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t box;

      abm_org_layout_get_box (again, i, &box);
      g_assert_true (memcmp (&box, &boxes[i], sizeof box) == 0);
    }
}

static void
test_layout_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (guint round = 0; round < 400; round++)
    {
      guint n = round < 20 ? round + 1 : (guint) g_rand_int_range (rand, 1, 301);
      g_autofree AbmOrgPerson *people = random_forest (rand, n);

      check_tidy (people, n);
    }
}

static void
test_layout_shapes (void)
{
  g_autoptr(AbmOrgLayout) layout = layout_committee ();
  AbmOrgPerson chain[400];
  cairo_rectangle_t a, b;
  double width, height;

  check_tidy (committee, N_COMMITTEE);

  /* The two trees in the order given; Ines Duarte's right of Dana's. */
  abm_org_layout_get_box (layout, 0, &a);
  abm_org_layout_get_box (layout, 6, &b);
  g_assert_cmpfloat (a.y, ==, b.y);
  g_assert_cmpfloat (a.x, <, b.x);
  g_assert_cmpint (abm_org_layout_get_manager (layout, 17), ==, 0);
  g_assert_cmpint (abm_org_layout_get_manager (layout, 14), ==, 12);

  /* A long chain of managers: one column, no deep recursion. */
  for (guint i = 0; i < G_N_ELEMENTS (chain); i++)
    chain[i] = (AbmOrgPerson) { .id = i + 1, .manager_id = i, .name = "Link" };
  g_clear_pointer (&layout, abm_org_layout_free);
  layout = abm_org_layout_new (chain, G_N_ELEMENTS (chain), NULL);
  g_assert_nonnull (layout);
  abm_org_layout_get_extent (layout, &width, &height);
  g_assert_cmpfloat (width, ==, ABM_ORG_LAYOUT_CARD_WIDTH);
  g_assert_cmpfloat (height, >, G_N_ELEMENTS (chain) * ABM_ORG_LAYOUT_CARD_HEIGHT);

  /* Nobody: nothing to place. */
  g_clear_pointer (&layout, abm_org_layout_free);
  layout = abm_org_layout_new (NULL, 0, NULL);
  g_assert_nonnull (layout);
  g_assert_cmpuint (abm_org_layout_get_n_nodes (layout), ==, 0);
  abm_org_layout_get_extent (layout, &width, &height);
  g_assert_cmpfloat (width, ==, 0);
  g_assert_cmpfloat (height, ==, 0);
  g_assert_cmpint (abm_org_chart_person_at (layout, 0, 0), ==, 0);
}

static void
assert_refused (const AbmOrgPerson *people,
                guint               n,
                int                 code,
                const char         *message)
{
  g_autoptr(GError) error = NULL;
  AbmOrgLayout *layout = abm_org_layout_new (people, n, &error);

  g_assert_null (layout);
  g_assert_error (error, ABM_ORG_LAYOUT_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static void
test_layout_cycles (void)
{
  const AbmOrgPerson pair[] = {
    { .id = 1, .manager_id = 0, .name = "Cy Lee" },
    { .id = 2, .manager_id = 3, .name = "Ana Ruiz" },
    { .id = 3, .manager_id = 2, .name = "Ben Ode" },
  };
  /* Zoe reports into the circle without being part of it. */
  const AbmOrgPerson circle[] = {
    { .id = 9, .manager_id = 5, .name = "Zoe Hart" },
    { .id = 5, .manager_id = 6, .name = "Ana Ruiz" },
    { .id = 6, .manager_id = 7, .name = "Ben Ode" },
    { .id = 7, .manager_id = 5, .name = "Cy Lee" },
  };
  const AbmOrgPerson self[] = {
    { .id = 1, .manager_id = 0, .name = "Ana Ruiz" },
    { .id = 4, .manager_id = 4, .name = "Dee Park" },
  };
  const AbmOrgPerson twice[] = {
    { .id = 1, .name = "Ana Ruiz" },
    { .id = 1, .name = "Ben Ode" },
  };
  const AbmOrgPerson zero[] = {
    { .id = 0, .name = "Ana Ruiz" },
  };
  g_autoptr(GError) error = NULL;

  assert_refused (pair, G_N_ELEMENTS (pair), ABM_ORG_LAYOUT_ERROR_CYCLE, "Ana Ruiz and Ben Ode report to each other");
  assert_refused (circle, G_N_ELEMENTS (circle), ABM_ORG_LAYOUT_ERROR_CYCLE,
                  "Ana Ruiz → Ben Ode → Cy Lee → Ana Ruiz");
  assert_refused (self, G_N_ELEMENTS (self), ABM_ORG_LAYOUT_ERROR_CYCLE, "Dee Park is their own manager");
  assert_refused (twice, G_N_ELEMENTS (twice), ABM_ORG_LAYOUT_ERROR_INVALID_ID, "Ben Ode");
  assert_refused (zero, G_N_ELEMENTS (zero), ABM_ORG_LAYOUT_ERROR_INVALID_ID, "Ana Ruiz");

  /* Zoe is not named: she is not in the circle. */
  g_assert_null (abm_org_layout_new (circle, G_N_ELEMENTS (circle), &error));
  g_assert_null (strstr (error->message, "Zoe"));
}

static void
test_layout_moves (void)
{
  g_autoptr(AbmOrgLayout) layout = layout_committee ();

  g_assert_cmpint (abm_org_layout_move (layout, 14, ABM_ORG_MOVE_UP), ==, 12);
  g_assert_cmpint (abm_org_layout_move (layout, 12, ABM_ORG_MOVE_UP), ==, 11);
  g_assert_cmpint (abm_org_layout_move (layout, 11, ABM_ORG_MOVE_UP), ==, 0);
  g_assert_cmpint (abm_org_layout_move (layout, 11, ABM_ORG_MOVE_DOWN), ==, 12);
  g_assert_cmpint (abm_org_layout_move (layout, 16, ABM_ORG_MOVE_DOWN), ==, 0);
  /* Along a row, across managers and trees. */
  g_assert_cmpint (abm_org_layout_move (layout, 12, ABM_ORG_MOVE_RIGHT), ==, 13);
  g_assert_cmpint (abm_org_layout_move (layout, 13, ABM_ORG_MOVE_RIGHT), ==, 18);
  g_assert_cmpint (abm_org_layout_move (layout, 18, ABM_ORG_MOVE_LEFT), ==, 13);
  g_assert_cmpint (abm_org_layout_move (layout, 11, ABM_ORG_MOVE_RIGHT), ==, 17);
  g_assert_cmpint (abm_org_layout_move (layout, 11, ABM_ORG_MOVE_LEFT), ==, 0);
  g_assert_cmpint (abm_org_layout_move (layout, 404, ABM_ORG_MOVE_LEFT), ==, 0);

  g_assert_true (abm_org_layout_reports_to (layout, 16, 11));
  g_assert_true (abm_org_layout_reports_to (layout, 16, 14));
  g_assert_false (abm_org_layout_reports_to (layout, 11, 16));
  g_assert_false (abm_org_layout_reports_to (layout, 16, 16));
  g_assert_false (abm_org_layout_reports_to (layout, 18, 11));
}

/* Drawing */

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int px = (int) floor (x), py = (int) floor (y);
  const guchar *row;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + py * cairo_image_surface_get_stride (surface);
  return ((const guint32 *) row)[px];
}

static gboolean
near_color (guint32 pixel,
            guint32 rgb)
{
  if (pixel >> 24 != 0xff)
    return FALSE;
  for (guint shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) > 2)
      return FALSE;
  return TRUE;
}

static guint32
role_pixel (guint role)
{
  double r, g, b;

  abm_org_chart_get_role_color (role, &r, &g, &b);
  return (guint32) lround (r * 255) << 16 | (guint32) lround (g * 255) << 8 | (guint32) lround (b * 255);
}

/* The committee rendered into @width × @height at @device_scale. */
static cairo_surface_t *
draw_committee (const AbmOrgLayout     *layout,
                const AbmOrgChartStyle *style,
                int                     width,
                int                     height,
                double                  device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (width * device_scale),
                                                         (int) (height * device_scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  cr = cairo_create (surface);
  abm_org_chart_render (layout, committee, N_COMMITTEE, committee_links, G_N_ELEMENTS (committee_links),
                        style, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Where a card of the committee lands in a render of @width × @height. */
static void
card_on_surface (const AbmOrgLayout     *layout,
                 const AbmOrgChartStyle *style,
                 int                     width,
                 int                     height,
                 guint                   index,
                 cairo_rectangle_t      *card)
{
  double scale, x, y;

  abm_org_chart_get_fit (layout, style, width, height, &scale, &x, &y);
  abm_org_layout_get_box (layout, index, card);
  card->x = x + card->x * scale;
  card->y = y + card->y * scale;
  card->width *= scale;
  card->height *= scale;
}

static void
check_cards (const AbmOrgChartStyle *style,
             int                     width,
             int                     height,
             double                  device_scale,
             guint32                 card_color)
{
  g_autoptr(AbmOrgLayout) layout = layout_committee ();
  cairo_surface_t *surface = draw_committee (layout, style, width, height, device_scale);

  for (guint i = 0; i < N_COMMITTEE; i++)
    {
      cairo_rectangle_t card;
      double s = device_scale;

      card_on_surface (layout, style, width, height, i, &card);
      /* The face of the card, under the text; its role down its left edge. */
      g_assert_true (near_color (pixel_at (surface, (card.x + card.width / 2) * s,
                                           (card.y + card.height - 3) * s), card_color));
      if (committee[i].role_label != NULL)
        g_assert_true (near_color (pixel_at (surface, (card.x + 1.5) * s, (card.y + card.height / 2) * s),
                                   role_pixel (committee[i].role_color)));
    }
  cairo_surface_destroy (surface);
}

static void
test_draw_cards (void)
{
  AbmOrgChartStyle style = { 0 };

  check_cards (&style, 1224, 680, 1, 0xffffff);
  check_cards (&style, 1224, 680, 2, 0xffffff);
  check_cards (&style, 900, 500, 1, 0xffffff);
  style.dark = TRUE;
  check_cards (&style, 1224, 680, 1, 0x383838);
  check_cards (&style, 1224, 680, 2, 0x383838);
  style.legend = TRUE;
  style.background = TRUE;
  check_cards (&style, 1600, 800, 1, 0x383838);
}

/* The number of pixels that differ between two images of one size. */
static guint
count_differences (cairo_surface_t         *a,
                   cairo_surface_t         *b,
                   const cairo_rectangle_t *area)
{
  guint n = 0;

  for (int y = (int) area->y; y < (int) (area->y + area->height); y++)
    for (int x = (int) area->x; x < (int) (area->x + area->width); x++)
      if (pixel_at (a, x, y) != pixel_at (b, x, y))
        n++;
  return n;
}

static void
test_draw_styles (void)
{
  g_autoptr(AbmOrgLayout) layout = layout_committee ();
  AbmOrgChartStyle style = { .background = TRUE };
  AbmOrgChartStyle selected = { .background = TRUE, .selected_id = 14 };
  AbmOrgChartStyle dark_style = { .background = TRUE, .dark = TRUE };
  cairo_surface_t *plain = draw_committee (layout, &style, 1224, 680, 1);
  cairo_surface_t *chosen = draw_committee (layout, &selected, 1224, 680, 1);
  cairo_surface_t *dark = draw_committee (layout, &dark_style, 1224, 680, 1);
  cairo_rectangle_t card, other, whole = { 0, 0, 1224, 680 };

  /* The selected card, and only it, looks different: its border. */
  card_on_surface (layout, &style, 1224, 680, 3, &card);
  card_on_surface (layout, &style, 1224, 680, 4, &other);
  g_assert_cmpuint (count_differences (plain, chosen, &card), >, 200);
  g_assert_cmpuint (count_differences (plain, chosen, &other), ==, 0);
  g_assert_false (near_color (pixel_at (chosen, card.x + card.width / 2, card.y + 1), 0xffffff));

  /* Dark is not light: the background, the cards and the text differ. */
  g_assert_cmpuint (count_differences (plain, dark, &whole), >, 1224 * 680 * 9 / 10);
  g_assert_true (near_color (pixel_at (dark, 2, 2), 0x242424));
  g_assert_true (near_color (pixel_at (plain, 2, 2), 0xfafafa));

  /* Hit testing in layout units. */
  abm_org_layout_get_box (layout, 3, &card);
  g_assert_cmpint (abm_org_chart_person_at (layout, card.x + card.width / 2, card.y + card.height / 2), ==, 14);
  g_assert_cmpint (abm_org_chart_person_at (layout, card.x, card.y), ==, 14);
  g_assert_cmpint (abm_org_chart_person_at (layout, card.x - 1, card.y + 10), ==, 0);
  g_assert_cmpint (abm_org_chart_person_at (layout, card.x + 10, card.y + card.height), ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (chosen);
  cairo_surface_destroy (dark);
}

/* A card's text is ellipsized: however long, nothing is painted beyond
 * the card (and its shadow), at 1× and at 2×. */
static void
test_draw_long_text (void)
{
  g_autofree char *name = g_strnfill (300, 'W');
  g_autofree char *title = g_strjoinv (" ", (char *[]) { "Senior", "Executive", "Vice", "President", "of",
                                                         "Everything", "Else", "Worldwide", "and", "Beyond", NULL });
  AbmOrgPerson person = {
    1, 0, 0, name, title, "An unusually long committee role label that goes on", 7, 99,
    ABM_SENTIMENT_CHAMPION, 5, 123456789,
  };
  g_autoptr(AbmOrgLayout) layout = abm_org_layout_new (&person, 1, NULL);
  AbmOrgChartStyle style = { .max_scale = 1 };

  for (double s = 1; s <= 2; s++)
    {
      int width = 400, height = 200;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * s, height * s);
      cairo_t *cr = cairo_create (surface);
      cairo_rectangle_t card;
      guint inside = 0;

      cairo_surface_set_device_scale (surface, s, s);
      abm_org_chart_render (layout, &person, 1, NULL, 0, &style, cr, width, height);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      card_on_surface (layout, &style, width, height, 0, &card);

      for (int y = 0; y < height * s; y++)
        for (int x = 0; x < width * s; x++)
          {
            gboolean in_card = x >= (card.x - 1) * s && x < (card.x + card.width + 1) * s
                               && y >= (card.y - 1) * s && y < (card.y + card.height + 3) * s;

            if (pixel_at (surface, x, y) >> 24 == 0)
              continue;
            if (!in_card)
              g_error ("painted at (%d, %d), outside the card", x, y);
            inside++;
          }
      g_assert_cmpuint (inside, >, card.width * card.height * s * s * 0.9);
      cairo_surface_destroy (surface);
    }
}

/* A view that zooms far out draws cards without their text, and stays
 * inside the area it was given, as does a chart with no one on it. */
static void
test_draw_small (void)
{
  g_autoptr(AbmOrgLayout) layout = layout_committee ();
  g_autoptr(AbmOrgLayout) nobody = abm_org_layout_new (NULL, 0, NULL);
  AbmOrgChartStyle style = { .simplify = TRUE, .legend = TRUE };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (surface);
  cairo_rectangle_t card;

  cairo_translate (cr, 50, 50);
  abm_org_chart_render (layout, committee, N_COMMITTEE, committee_links, G_N_ELEMENTS (committee_links),
                        &style, cr, 200, 100);
  abm_org_chart_render (nobody, NULL, 0, NULL, 0, &style, cr, 200, 100);
  abm_org_chart_render (layout, committee, N_COMMITTEE, NULL, 0, &style, cr, 0, 100);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 300; x++)
      if ((x < 50 || x >= 250 || y < 50 || y >= 150) && pixel_at (surface, x, y) >> 24 != 0)
        g_error ("painted at (%d, %d), outside the chart", x, y);

  card_on_surface (layout, &style, 200, 100, 0, &card);
  g_assert_true (near_color (pixel_at (surface, 50 + card.x + card.width / 2, 50 + card.y + card.height * 0.9),
                             0xffffff));
  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autofree char *dana = abm_org_chart_describe_person (&committee[0]);
  g_autofree char *sam = abm_org_chart_describe_person (&committee[5]);
  g_autofree char *ines = abm_org_chart_describe_person (&committee[6]);
  g_autofree char *robin = abm_org_chart_describe_person (&committee[8]);
  g_autofree char *never = abm_org_chart_freshness_text (-1);
  g_autofree char *today = abm_org_chart_freshness_text (0);
  g_autofree char *days = abm_org_chart_freshness_text (12);

  g_assert_cmpstr (dana, ==, "Dana Whitfield, Chief Financial Officer. Economic buyer and 1 more role. "
                             "Sentiment: Neutral. Influence 5 of 5. Last contact 34 days ago.");
  g_assert_cmpstr (sam, ==, "Sam Okafor, Platform Engineer. End user. Sentiment unknown. Influence 2 of 5. "
                            "Never contacted.");
  g_assert_true (g_str_has_suffix (ines, "No contact for 120 days."));
  g_assert_cmpstr (robin, ==, "Robin Hale. No committee role. Sentiment unknown. Influence unknown. "
                              "Last contact today.");
  g_assert_cmpstr (never, ==, "never");
  g_assert_cmpstr (today, ==, "today");
  g_assert_cmpstr (days, ==, "12 d ago");
  g_assert_cmpstr (abm_org_chart_sentiment_label (ABM_SENTIMENT_BLOCKER), ==, "Blocker");

  /* Each role its own colour, and the palette wraps. */
  for (guint i = 0; i < ABM_ORG_CHART_N_ROLE_COLORS; i++)
    for (guint j = i + 1; j < ABM_ORG_CHART_N_ROLE_COLORS; j++)
      g_assert_cmpuint (role_pixel (i), !=, role_pixel (j));
  g_assert_cmpuint (role_pixel (ABM_ORG_CHART_N_ROLE_COLORS + 2), ==, role_pixel (2));
}

/* Export */

static void
check_pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (pdfinfo == NULL)
    {
      g_test_message ("pdfinfo not found: the PDF is not read back");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, (char *) path, NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match_simple ("^Pages: +1$", out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^Title: +Buying committee$", out, G_REGEX_MULTILINE, 0));
}

static void
svg_start_element (GMarkupParseContext *context,
                   const char          *element,
                   const char         **names,
                   const char         **values,
                   gpointer             user_data,
                   GError             **error)
{
  guint *n_elements = user_data;

  if (*n_elements == 0)
    g_assert_cmpstr (element, ==, "svg");
  (*n_elements)++;
}

static void
test_export (void)
{
  g_autoptr(AbmOrgLayout) layout = layout_committee ();
  g_autofree char *dir = g_dir_make_tmp ("abm-org-chart-XXXXXX", NULL);
  AbmOrgChartStyle style = { .legend = TRUE };
  double width, height;
  static const char *const names[] = { "chart.png", "chart.svg", "chart.pdf" };

  abm_org_chart_get_size (layout, &style, &width, &height, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (abm_org_chart_export (layout, committee, N_COMMITTEE, committee_links,
                                           G_N_ELEMENTS (committee_links), i == 1, file,
                                           ABM_RENDER_FORMAT_AUTO, "Buying committee", NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);

      if (i == 0)
        {
          cairo_surface_t *image = cairo_image_surface_create_from_png (path);

          g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
          /* Twice the natural size, for sharp slides, on a background. */
          g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width * 2));
          g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height * 2));
          g_assert_true (near_color (pixel_at (image, 1, 1), 0xfafafa));
          cairo_surface_destroy (image);
        }
      else if (i == 1)
        {
          GMarkupParser parser = { .start_element = svg_start_element };
          guint n_elements = 0;
          g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &n_elements, NULL);

          g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
          g_assert_true (g_markup_parse_context_end_parse (context, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (n_elements, >, N_COMMITTEE * 4);
        }
      else
        {
          g_assert_true (g_str_has_prefix (contents, "%PDF-"));
          check_pdf_pages (path);
        }
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Benchmark */

/* A committee of @n shaped like a company: an executive, managers with
 * six reports each, every field filled in, and every name different, as
 * @names (of @n) are. */
static AbmOrgPerson *
company (guint  n,
         char **names)
{
  static const char *const roles[] = {
    "Economic buyer", "Budget holder", "Champion", "Technical evaluator", "End user", "Influencer",
  };
  static const char *const titles[] = {
    "Chief Financial Officer", "VP IT Infrastructure", "Head of Procurement", "Director of Cloud Platform",
    "Security Architect", "Platform Engineer", "General Counsel", "Compliance Officer", "Data Engineer",
    "IT Operations Manager", "Enterprise Architect", "Finance Business Partner",
  };
  AbmOrgPerson *people = g_new0 (AbmOrgPerson, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (200);

  for (guint i = 0; i < n; i++)
    {
      guint role = g_rand_int_range (rand, 0, G_N_ELEMENTS (roles));

      people[i] = (AbmOrgPerson) {
        .id = i + 1,
        .manager_id = i == 0 ? 0 : (i - 1) / 6 + 1,
        .name = names[i],
        .title = titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))],
        .role_label = roles[role],
        .role_color = role,
        .n_other_roles = i % 4 == 0,
        .sentiment = i % 6,
        .influence = i % 6,
        .days_since_contact = (int) (i * 7 % 150) - 1,
      };
    }
  return people;
}

/* The best of 7 runs at laying out @people and drawing them fitted to a
 * large screen, in ms; the layout's share in @layout_ms. */
static double
time_chart (const AbmOrgPerson     *people,
            guint                   n,
            const AbmOrgLink       *links,
            guint                   n_links,
            const AbmOrgChartStyle *style,
            double                 *layout_ms)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  double best = G_MAXDOUBLE;

  *layout_ms = G_MAXDOUBLE;
  for (guint run = 0; run < 7; run++)
    {
      gint64 start = g_get_monotonic_time (), laid_out;
      g_autoptr(AbmOrgLayout) layout = abm_org_layout_new (people, n, NULL);
      cairo_t *cr;

      laid_out = g_get_monotonic_time ();
      cr = cairo_create (surface);
      abm_org_chart_render (layout, people, n, links, n_links, style, cr, 1920, 1080);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      *layout_ms = MIN (*layout_ms, (laid_out - start) / 1000.0);
    }
  cairo_surface_destroy (surface);
  return best;
}

/* Every card drawn in full, text and all, as in a file; and as the view
 * draws the whole chart, zoomed out to fit, with the text left out. */
static void
test_benchmark (void)
{
  const guint n = 200;
  g_auto(GStrv) names = g_new0 (char *, n + 1);
  g_autofree AbmOrgPerson *people = NULL;
  AbmOrgLink links[20];
  AbmOrgChartStyle full = { .background = TRUE, .legend = TRUE };
  AbmOrgChartStyle view = { .legend = TRUE, .simplify = TRUE };
  double best, best_view, layout_ms;

  for (guint i = 0; i < n; i++)
    names[i] = g_strdup_printf ("Alexandra Montgomery-%u", i);
  people = company (n, names);
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    links[i] = (AbmOrgLink) { i * 9 + 2, i * 5 + 40, i % 2 ? ABM_ORG_LINK_CONFLICTS : ABM_ORG_LINK_INFLUENCES };

  best_view = time_chart (people, n, links, G_N_ELEMENTS (links), &view, &layout_ms);
  best = time_chart (people, n, links, G_N_ELEMENTS (links), &full, &layout_ms);
  g_test_message ("lay out and draw 200 people: best of 7 %.2f ms in full (layout %.3f ms), "
                  "%.2f ms as the view draws them zoomed out", best, layout_ms, best_view);
  if (g_test_perf ())
    {
      g_test_minimized_result (best, "lay out and draw 200 people: %.2f ms", best);
      g_assert_cmpfloat (best, <, 20);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/org-chart/layout/random-forests", test_layout_random);
  g_test_add_func ("/org-chart/layout/shapes", test_layout_shapes);
  g_test_add_func ("/org-chart/layout/cycles", test_layout_cycles);
  g_test_add_func ("/org-chart/layout/moves", test_layout_moves);
  g_test_add_func ("/org-chart/draw/cards", test_draw_cards);
  g_test_add_func ("/org-chart/draw/styles", test_draw_styles);
  g_test_add_func ("/org-chart/draw/long-text", test_draw_long_text);
  g_test_add_func ("/org-chart/draw/small", test_draw_small);
  g_test_add_func ("/org-chart/describe", test_describe);
  g_test_add_func ("/org-chart/export", test_export);
  g_test_add_func ("/org-chart/benchmark", test_benchmark);

  return g_test_run ();
}
