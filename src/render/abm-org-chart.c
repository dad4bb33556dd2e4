/* abm-org-chart.c: the org chart of a buying committee, for the screen,
 * files and the page
 *
 * Cards (abm-org-card.c) placed by abm-org-layout.c, joined by elbowed
 * reporting lines; dotted-line managers, "influences" and "conflicts
 * with" are curves over the tree, each told apart by more than its
 * colour: dots, dashes and an arrow, and a marker on a conflict. A legend
 * under the chart names the kinds of lines it has.
 *
 * The drawing is in layout units at whatever transform the cairo context
 * has: abm_org_chart_render() fits it to an area, the view zooms and
 * scrolls it, and exports draw it at its natural size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "abm-org-card.h"
#include "abm-org-chart.h"

#define MARGIN          24.0
#define LINE_WIDTH      1.5
#define ELBOW_RADIUS    6.0
#define ARROW_LENGTH    9.0
#define MARKER_RADIUS   7.0
#define LEGEND_GAP      28.0
#define LEGEND_HEIGHT   20.0
#define LEGEND_SAMPLE   28.0
#define LEGEND_SPACE    8.0
#define LEGEND_ITEM_GAP 22.0
/* Below this many device pixels a unit, text would be a smudge: a view
 * that asks for it draws cards without it. */
#define MIN_TEXT_SCALE  0.45
#define DRAGGED_ALPHA   0.35
/* Exports: PNG at twice the natural size for sharp slides, no side over. */
#define PNG_SCALE       2.0
#define MAX_PNG_SIDE    16000.0
#define MAX_PAGE_SIDE   14400.0

/* Lines */

/* From the manager's bottom down to halfway, across, and down to the
 * report's top, with rounded elbows. */
static void
elbow_path (cairo_t                 *cr,
            const cairo_rectangle_t *from,
            const cairo_rectangle_t *to)
{
  double x0 = from->x + from->width / 2, y0 = from->y + from->height;
  double x1 = to->x + to->width / 2, y1 = to->y;
  double mid = (y0 + y1) / 2;
  double dx = x1 - x0;
  double r = MIN (ELBOW_RADIUS, fabs (dx) / 2);
  double sign = dx < 0 ? -1 : 1;

  cairo_move_to (cr, x0, y0);
  if (fabs (dx) < 0.5)
    {
      cairo_line_to (cr, x1, y1);
      return;
    }
  cairo_line_to (cr, x0, mid - r);
  cairo_curve_to (cr, x0, mid, x0, mid, x0 + sign * r, mid);
  cairo_line_to (cr, x1 - sign * r, mid);
  cairo_curve_to (cr, x1, mid, x1, mid, x1, mid + r);
  cairo_line_to (cr, x1, y1);
}

typedef struct {
  double x0, y0, c0x, c0y, c1x, c1y, x1, y1;
} Curve;

/* A point on a card's edge where a link may leave it, and the way out. */
typedef struct {
  double x, y;
  double nx, ny;
} Anchor;

/* The middle of each side, and on the top and bottom a quarter in from
 * the middle towards @toward_x: the middle is where reporting lines run. */
static void
card_anchors (const cairo_rectangle_t *box,
              double                   toward_x,
              Anchor                  *anchors)
{
  double cx = box->x + box->width / 2, cy = box->y + box->height / 2;
  double quarter = cx + (toward_x >= cx ? 1 : -1) * box->width / 4;

  anchors[0] = (Anchor) { box->x, cy, -1, 0 };
  anchors[1] = (Anchor) { box->x + box->width, cy, 1, 0 };
  anchors[2] = (Anchor) { quarter, box->y, 0, -1 };
  anchors[3] = (Anchor) { quarter, box->y + box->height, 0, 1 };
}

static gboolean
faces (const Anchor *from,
       const Anchor *to)
{
  return (to->x - from->x) * from->nx + (to->y - from->y) * from->ny > 0;
}

/* A curve from card @a to card @b that keeps off the tree's own lines:
 * between the nearest pair of anchors that face each other, leaving and
 * arriving square to the card; over the top for cards on one row that are
 * not @neighbours, and round the right for cards one above the other. */
static Curve
link_curve (const cairo_rectangle_t *a,
            const cairo_rectangle_t *b,
            gboolean                 neighbours)
{
  double acx = a->x + a->width / 2, bcx = b->x + b->width / 2;
  double sign = bcx >= acx ? 1 : -1;
  Anchor from[4], to[4];
  const Anchor *best_from = NULL, *best_to = NULL;
  double best = G_MAXDOUBLE, pull;

  if (fabs (a->y - b->y) < 1 && !neighbours)
    {
      double lift = CLAMP (fabs (bcx - acx) * 0.15, 18, 40);
      double x0 = acx + sign * a->width / 4, x1 = bcx - sign * b->width / 4;

      return (Curve) { x0, a->y, x0, a->y - lift, x1, b->y - lift, x1, b->y };
    }

  card_anchors (a, bcx, from);
  card_anchors (b, acx, to);
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < 4; j++)
      {
        double d = hypot (to[j].x - from[i].x, to[j].y - from[i].y);

        if (d < best && faces (&from[i], &to[j]) && faces (&to[j], &from[i]))
          {
            best = d;
            best_from = &from[i];
            best_to = &to[j];
          }
      }

  if (best_from == NULL)
    {
      double reach = MAX (a->x + a->width, b->x + b->width) + 36;
      double acy = a->y + a->height / 2, bcy = b->y + b->height / 2;

      return (Curve) { a->x + a->width, acy, reach, acy, reach, bcy, b->x + b->width, bcy };
    }

  pull = MAX (best * 0.4, 16);
  return (Curve) {
    best_from->x, best_from->y,
    best_from->x + best_from->nx * pull, best_from->y + best_from->ny * pull,
    best_to->x + best_to->nx * pull, best_to->y + best_to->ny * pull,
    best_to->x, best_to->y,
  };
}

/* The curve of a link from @from to @to, unless one is not on the chart
 * or they are the same person. */
static gboolean
find_link_curve (const AbmOrgLayout *layout,
                 gint64              from,
                 gint64              to,
                 Curve              *curve)
{
  int from_index = from != 0 ? abm_org_layout_find (layout, from) : -1;
  int to_index = to != 0 ? abm_org_layout_find (layout, to) : -1;
  cairo_rectangle_t a, b;
  gboolean neighbours;

  if (from_index < 0 || to_index < 0 || from_index == to_index)
    return FALSE;
  abm_org_layout_get_box (layout, from_index, &a);
  abm_org_layout_get_box (layout, to_index, &b);
  neighbours = abm_org_layout_move (layout, from, ABM_ORG_MOVE_LEFT) == to
               || abm_org_layout_move (layout, from, ABM_ORG_MOVE_RIGHT) == to;
  *curve = link_curve (&a, &b, neighbours);
  return TRUE;
}

static void
curve_path (cairo_t     *cr,
            const Curve *c)
{
  cairo_move_to (cr, c->x0, c->y0);
  cairo_curve_to (cr, c->c0x, c->c0y, c->c1x, c->c1y, c->x1, c->y1);
}

static void
curve_middle (const Curve *c,
              double      *x,
              double      *y)
{
  *x = (c->x0 + 3 * c->c0x + 3 * c->c1x + c->x1) / 8;
  *y = (c->y0 + 3 * c->c0y + 3 * c->c1y + c->y1) / 8;
}

static void
draw_arrowhead (cairo_t     *cr,
                const Curve *c)
{
  double dx = c->x1 - c->c1x, dy = c->y1 - c->c1y;
  double length = hypot (dx, dy);
  double ux, uy, back_x, back_y;

  if (length < 0.01)
    return;
  /* Along the curve's last stretch, and half as far out to each side. */
  ux = dx / length * ARROW_LENGTH;
  uy = dy / length * ARROW_LENGTH;
  back_x = c->x1 - ux;
  back_y = c->y1 - uy;
  cairo_move_to (cr, c->x1, c->y1);
  cairo_line_to (cr, back_x - uy / 2, back_y + ux / 2);
  cairo_line_to (cr, back_x + uy / 2, back_y - ux / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A conflict's marker: a cross in a disc, ringed in the background. */
static void
draw_conflict_marker (cairo_t             *cr,
                      const AbmOrgPalette *palette,
                      double               x,
                      double               y)
{
  double arm = MARKER_RADIUS * 0.4;

  abm_org_set_rgb (cr, &palette->background);
  abm_org_circle (cr, x, y, MARKER_RADIUS + 1.5);
  cairo_fill (cr);
  abm_org_set_rgb (cr, &palette->conflict);
  abm_org_circle (cr, x, y, MARKER_RADIUS);
  cairo_fill (cr);
  abm_org_set_rgb (cr, &palette->background);
  cairo_set_line_width (cr, 1.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x - arm, y - arm);
  cairo_line_to (cr, x + arm, y + arm);
  cairo_move_to (cr, x + arm, y - arm);
  cairo_line_to (cr, x - arm, y + arm);
  cairo_stroke (cr);
}

typedef enum {
  LINE_REPORTS,
  LINE_DOTTED,
  LINE_INFLUENCES,
  LINE_CONFLICTS,
  N_LINE_KINDS
} LineKind;

static void
set_line_style (cairo_t             *cr,
                const AbmOrgPalette *palette,
                LineKind             kind)
{
  cairo_set_line_cap (cr, kind == LINE_DOTTED ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, kind == LINE_CONFLICTS ? 2 : LINE_WIDTH);
  switch (kind)
    {
    case LINE_REPORTS:
      abm_org_set_rgb (cr, &palette->line);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case LINE_DOTTED:
      abm_org_set_rgb (cr, &palette->dim);
      cairo_set_dash (cr, (double[]) { 0, 4 }, 2, 0);
      break;
    case LINE_INFLUENCES:
      abm_org_set_rgb (cr, &palette->influence);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      break;
    case LINE_CONFLICTS:
    default:
      abm_org_set_rgb (cr, &palette->conflict);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}
/* One curve of @kind from card @a to card @b, with its arrow; a
 * conflict's marker is drawn over the cards, by draw_conflict_markers(). */
static void
draw_link (cairo_t             *cr,
           const AbmOrgPalette *palette,
           LineKind             kind,
           const Curve         *c)
{
  set_line_style (cr, palette, kind);
  curve_path (cr, c);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (kind == LINE_INFLUENCES)
    draw_arrowhead (cr, c);
}

/* The kinds of lines the chart has, for its legend. */
static void
find_line_kinds (const AbmOrgLayout *layout,
                 const AbmOrgPerson *people,
                 const AbmOrgLink   *links,
                 guint               n_links,
                 gboolean           *kinds)
{
  guint n = abm_org_layout_get_n_nodes (layout);
  Curve c;

  for (guint i = 0; i < N_LINE_KINDS; i++)
    kinds[i] = FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (abm_org_layout_get_manager (layout, people[i].id) != 0)
        kinds[LINE_REPORTS] = TRUE;
      if (find_link_curve (layout, people[i].dotted_manager_id, people[i].id, &c))
        kinds[LINE_DOTTED] = TRUE;
    }
  for (guint i = 0; i < n_links; i++)
    if (find_link_curve (layout, links[i].from, links[i].to, &c))
      kinds[links[i].kind == ABM_ORG_LINK_CONFLICTS ? LINE_CONFLICTS : LINE_INFLUENCES] = TRUE;
}

/* Legend */

static const char *
line_kind_label (LineKind kind)
{
  switch (kind)
    {
    case LINE_REPORTS:
      /* Translators: in an org chart's legend */
      return _("Reports to");
    case LINE_DOTTED:
      /* Translators: in an org chart's legend */
      return _("Dotted-line manager");
    case LINE_INFLUENCES:
      /* Translators: in an org chart's legend */
      return _("Influences");
    case LINE_CONFLICTS:
    default:
      /* Translators: in an org chart's legend */
      return _("In conflict");
    }
}

static double
legend_width (AbmOrgText     *text,
              const gboolean *kinds)
{
  double width = 0;

  for (guint i = 0; i < N_LINE_KINDS; i++)
    if (kinds[i])
      width += (width > 0 ? LEGEND_ITEM_GAP : 0) + LEGEND_SAMPLE + LEGEND_SPACE
               + abm_org_text_width (text, ABM_ORG_FONT_SMALL, line_kind_label (i));
  return width;
}

static void
draw_legend (cairo_t             *cr,
             AbmOrgText          *text,
             const AbmOrgPalette *palette,
             const gboolean      *kinds,
             double               x,
             double               mid)
{
  for (guint i = 0; i < N_LINE_KINDS; i++)
    {
      PangoLayout *layout;

      if (!kinds[i])
        continue;
      set_line_style (cr, palette, i);
      cairo_move_to (cr, x, mid);
      cairo_line_to (cr, x + LEGEND_SAMPLE, mid);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (i == LINE_INFLUENCES)
        draw_arrowhead (cr, &(Curve) { x, mid, x, mid, x, mid, x + LEGEND_SAMPLE, mid });
      else if (i == LINE_CONFLICTS)
        draw_conflict_marker (cr, palette, x + LEGEND_SAMPLE / 2, mid);
      x += LEGEND_SAMPLE + LEGEND_SPACE;

      layout = abm_org_text_get (text, ABM_ORG_FONT_SMALL, line_kind_label (i), -1);
      abm_org_set_rgb (cr, &palette->dim);
      abm_org_text_show_centred (cr, layout, x, mid);
      x += abm_org_text_width (text, ABM_ORG_FONT_SMALL, line_kind_label (i)) + LEGEND_ITEM_GAP;
    }
}

/* The whole chart */

static gboolean
has_any (const gboolean *kinds)
{
  for (guint i = 0; i < N_LINE_KINDS; i++)
    if (kinds[i])
      return TRUE;
  return FALSE;
}

static gboolean
box_visible (const cairo_rectangle_t *box,
             const double            *clip)
{
  double grow = ABM_ORG_CARD_OUTSET;

  return box->x - grow < clip[2] && box->x + box->width + grow > clip[0]
         && box->y - grow < clip[3] && box->y + box->height + grow > clip[1];
}

static void
draw_lines (cairo_t             *cr,
            const AbmOrgLayout  *layout,
            const AbmOrgPerson  *people,
            const AbmOrgPalette *palette)
{
  guint n = abm_org_layout_get_n_nodes (layout);

  set_line_style (cr, palette, LINE_REPORTS);
  for (guint i = 0; i < n; i++)
    {
      int manager = abm_org_layout_find (layout, abm_org_layout_get_manager (layout, people[i].id));
      cairo_rectangle_t from, to;

      if (manager < 0)
        continue;
      abm_org_layout_get_box (layout, manager, &from);
      abm_org_layout_get_box (layout, i, &to);
      elbow_path (cr, &from, &to);
    }
  cairo_stroke (cr);
}

static void
draw_links (cairo_t             *cr,
            const AbmOrgLayout  *layout,
            const AbmOrgPerson  *people,
            const AbmOrgLink    *links,
            guint                n_links,
            const AbmOrgPalette *palette)
{
  guint n = abm_org_layout_get_n_nodes (layout);
  Curve c;

  for (guint i = 0; i < n; i++)
    if (find_link_curve (layout, people[i].dotted_manager_id, people[i].id, &c))
      draw_link (cr, palette, LINE_DOTTED, &c);

  for (guint i = 0; i < n_links; i++)
    if (find_link_curve (layout, links[i].from, links[i].to, &c))
      draw_link (cr, palette, links[i].kind == ABM_ORG_LINK_CONFLICTS ? LINE_CONFLICTS : LINE_INFLUENCES, &c);
}
/* A conflict's marker may lie over a card it passes: it is drawn last,
 * so that the conflict is never hidden. */
static void
draw_conflict_markers (cairo_t             *cr,
                       const AbmOrgLayout  *layout,
                       const AbmOrgLink    *links,
                       guint                n_links,
                       const AbmOrgPalette *palette)
{
  for (guint i = 0; i < n_links; i++)
    {
      Curve c;
      double x, y;

      if (links[i].kind == ABM_ORG_LINK_CONFLICTS && find_link_curve (layout, links[i].from, links[i].to, &c))
        {
          curve_middle (&c, &x, &y);
          draw_conflict_marker (cr, palette, x, y);
        }
    }
}

/* The scale at which the chart is drawn on the device. */
static double
device_scale (cairo_t *cr)
{
  double dx = 1, dy = 0;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy);
}

void
abm_org_chart_draw (const AbmOrgLayout     *layout,
                    const AbmOrgPerson     *people,
                    guint                   n_people,
                    const AbmOrgLink       *links,
                    guint                   n_links,
                    const AbmOrgChartStyle *style,
                    cairo_t                *cr)
{
  const AbmOrgPalette *palette;
  gboolean kinds[N_LINE_KINDS];
  gboolean sketch;
  double clip[4];
  double width, height;
  AbmOrgText text;
  int dragged = -1;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (n_people == abm_org_layout_get_n_nodes (layout));
  g_return_if_fail (people != NULL || n_people == 0);
  g_return_if_fail (links != NULL || n_links == 0);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  palette = abm_org_palette_get (style->dark);
  sketch = style->simplify && device_scale (cr) < MIN_TEXT_SCALE;
  cairo_clip_extents (cr, &clip[0], &clip[1], &clip[2], &clip[3]);
  abm_org_layout_get_extent (layout, &width, &height);

  cairo_save (cr);
  abm_org_text_init (&text, cr, style->font_family);

  if (style->background)
    {
      abm_org_set_rgb (cr, &palette->background);
      cairo_paint (cr);
    }

  draw_lines (cr, layout, people, palette);
  draw_links (cr, layout, people, links, n_links, palette);

  for (guint i = 0; i < n_people; i++)
    {
      cairo_rectangle_t box;

      abm_org_layout_get_box (layout, i, &box);
      if (style->drag_id != 0 && people[i].id == style->drag_id)
        dragged = (int) i;
      if (!box_visible (&box, clip))
        continue;
      if ((int) i == dragged)
        cairo_push_group (cr);
      abm_org_card_draw (cr, &text, &people[i], &box, style, sketch);
      if ((int) i == dragged)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, DRAGGED_ALPHA);
        }
    }

  draw_conflict_markers (cr, layout, links, n_links, palette);

  if (style->legend && n_people > 0)
    {
      find_line_kinds (layout, people, links, n_links, kinds);
      if (has_any (kinds))
        draw_legend (cr, &text, palette, kinds, (width - legend_width (&text, kinds)) / 2,
                     height + LEGEND_GAP + LEGEND_HEIGHT / 2);
    }

  /* The dragged card last, over everything, where the pointer has it. */
  if (dragged >= 0)
    {
      cairo_rectangle_t box;

      abm_org_layout_get_box (layout, dragged, &box);
      box.x += style->drag_dx;
      box.y += style->drag_dy;
      /* Lifted off the page: a wider, deeper shadow. */
      for (guint i = 1; i <= 3; i++)
        {
          abm_org_set_rgba (cr, &(AbmOrgRgb) { 0, 0, 0 }, 0.05);
          abm_org_rounded_rectangle (cr, box.x - i, box.y + i * 2, box.width + 2 * i, box.height + i, 8 + i);
          cairo_fill (cr);
        }
      abm_org_card_draw (cr, &text, &people[dragged], &box, style, sketch);
    }

  abm_org_text_clear (&text);
  cairo_restore (cr);
}

/* What the drawing covers in layout units, margin aside: the tree from
 * (0, 0) and the legend under it, centred, so that a legend wider than
 * the tree reaches left of 0. */
void
abm_org_chart_get_bounds (const AbmOrgLayout     *layout,
                          const AbmOrgChartStyle *style,
                          cairo_rectangle_t      *bounds)
{
  double width, height, legend = 0;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (bounds != NULL);

  abm_org_layout_get_extent (layout, &width, &height);
  if (style->legend && abm_org_layout_get_n_nodes (layout) > 0)
    {
      AbmOrgText text;
      /* Every kind of line may show: the size must not depend on the links. */
      static const gboolean all[N_LINE_KINDS] = { TRUE, TRUE, TRUE, TRUE };

      abm_org_text_init (&text, NULL, style->font_family);
      legend = legend_width (&text, all);
      abm_org_text_clear (&text);
      height += LEGEND_GAP + LEGEND_HEIGHT;
    }

  bounds->x = -MAX (0, legend - width) / 2;
  bounds->y = 0;
  bounds->width = MAX (width, legend);
  bounds->height = height;
}

void
abm_org_chart_get_size (const AbmOrgLayout     *layout,
                        const AbmOrgChartStyle *style,
                        double                 *width,
                        double                 *height,
                        double                 *x,
                        double                 *y)
{
  cairo_rectangle_t bounds;

  abm_org_chart_get_bounds (layout, style, &bounds);
  if (width != NULL)
    *width = bounds.width + 2 * MARGIN;
  if (height != NULL)
    *height = bounds.height + 2 * MARGIN;
  if (x != NULL)
    *x = MARGIN - bounds.x;
  if (y != NULL)
    *y = MARGIN - bounds.y;
}

void
abm_org_chart_get_fit (const AbmOrgLayout     *layout,
                       const AbmOrgChartStyle *style,
                       double                  width,
                       double                  height,
                       double                 *scale,
                       double                 *x,
                       double                 *y)
{
  double natural_width, natural_height, ox, oy, s;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  abm_org_chart_get_size (layout, style, &natural_width, &natural_height, &ox, &oy);
  s = MIN (width / natural_width, height / natural_height);
  s = MIN (s, style->max_scale > 0 ? style->max_scale : 1.0);
  s = MAX (s, 0.0);
  if (scale != NULL)
    *scale = s;
  if (x != NULL)
    *x = (width - natural_width * s) / 2 + ox * s;
  if (y != NULL)
    *y = (height - natural_height * s) / 2 + oy * s;
}

void
abm_org_chart_render (const AbmOrgLayout     *layout,
                      const AbmOrgPerson     *people,
                      guint                   n_people,
                      const AbmOrgLink       *links,
                      guint                   n_links,
                      const AbmOrgChartStyle *style,
                      cairo_t                *cr,
                      double                  width,
                      double                  height)
{
  double scale, x, y;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0 && height > 0))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->background)
    {
      abm_org_set_rgb (cr, &abm_org_palette_get (style->dark)->background);
      cairo_paint (cr);
    }
  abm_org_chart_get_fit (layout, style, width, height, &scale, &x, &y);
  if (scale > 0)
    {
      AbmOrgChartStyle inner = *style;

      /* The background is painted over the whole area, not only the chart's. */
      inner.background = FALSE;
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      abm_org_chart_draw (layout, people, n_people, links, n_links, &inner, cr);
    }
  cairo_restore (cr);
}

gint64
abm_org_chart_person_at (const AbmOrgLayout *layout,
                         double              x,
                         double              y)
{
  guint n;

  g_return_val_if_fail (layout != NULL, 0);

  n = abm_org_layout_get_n_nodes (layout);
  for (guint i = 0; i < n; i++)
    {
      cairo_rectangle_t box;

      abm_org_layout_get_box (layout, i, &box);
      if (x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height)
        return abm_org_layout_get_id (layout, i);
    }
  return 0;
}

/* Export */

typedef struct {
  const AbmOrgLayout *layout;
  const AbmOrgPerson *people;
  guint               n_people;
  const AbmOrgLink   *links;
  guint               n_links;
  AbmOrgChartStyle    style;
} Export;

static void
draw_export (gpointer user_data,
             cairo_t *cr,
             double   width,
             double   height)
{
  Export *e = user_data;

  abm_org_chart_render (e->layout, e->people, e->n_people, e->links, e->n_links, &e->style, cr, width, height);
}

gboolean
abm_org_chart_export (const AbmOrgLayout *layout,
                      const AbmOrgPerson *people,
                      guint               n_people,
                      const AbmOrgLink   *links,
                      guint               n_links,
                      gboolean            dark_style,
                      GFile              *file,
                      AbmRenderFormat     format,
                      const char         *title,
                      GCancellable       *cancellable,
                      GError            **error)
{
  Export e = {
    .layout = layout,
    .people = people,
    .n_people = n_people,
    .links = links,
    .n_links = n_links,
    .style = {
      .dark = dark_style,
      .background = TRUE,
      .legend = TRUE,
      .max_scale = PNG_SCALE,
    },
  };
  double width, height, scale, max_side;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (format == ABM_RENDER_FORMAT_AUTO)
    {
      g_autofree char *name = g_file_get_basename (file);

      format = abm_render_format_for_name (name);
    }
  abm_org_chart_get_size (layout, &e.style, &width, &height, NULL, NULL);
  scale = format == ABM_RENDER_FORMAT_PNG ? PNG_SCALE : 1.0;
  max_side = format == ABM_RENDER_FORMAT_PNG ? MAX_PNG_SIDE : MAX_PAGE_SIDE;
  scale = MIN (scale, max_side / MAX (width, height));
  e.style.max_scale = scale;

  return abm_render_export (file, format, ceil (width * scale), ceil (height * scale), title,
                            draw_export, &e, cancellable, error);
}
