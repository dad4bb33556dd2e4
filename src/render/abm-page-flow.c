/* abm-page-flow.c: blocks of text, tables and figures flowed onto pages
 *
 * Text is measured once, while the blocks are added, with hinting of
 * metrics off so that the same text breaks into the same lines on any
 * surface: a page drawn later onto a PDF, a printer or an image shows
 * exactly the lines that were counted when it was filled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-page-flow.h"

#define FONT_FAMILY     "Sans"
#define MARGIN_X        50.0
#define MARGIN_TOP      62.0
#define MARGIN_BOTTOM   58.0
#define HEADER_Y        30.0
#define FOOTER_GAP      26.0
#define BLOCK_GAP       6.0
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      3.0
#define BULLET_INDENT   12.0

typedef enum {
  ITEM_TEXT,
  ITEM_FIGURE,
  ITEM_RULE,       /* a hairline across the item's width */
  ITEM_BAND,       /* a light band behind a table's header */
} ItemKind;

typedef struct {
  ItemKind         kind;
  double           x, y, width, height;
  AbmFlowStyle     style;
  AbmFlowInk       ink;
  PangoAlignment   align;
  char            *text;
  AbmFlowDrawFunc  draw;
  gconstpointer    data;
} Item;

typedef struct {
  GArray   *items;      /* Item */
  gboolean  landscape;
} Page;

typedef struct {
  gpointer       data;
  GDestroyNotify free;
} Owned;

struct _AbmPageFlow {
  double     paper_width, paper_height;   /* upright */
  char      *header_left, *header_right, *date;
  GPtrArray *pages;                       /* Page */
  double     y;                           /* on the last page, from the content's top */
  GArray    *outline;                     /* AbmFlowOutline */
  GArray    *owned;                       /* Owned */
  /* A heading just placed, to move with what follows to a new page. */
  gboolean   keep;
  gboolean   in_heading;
  guint      keep_item;
  guint      keep_outline;
  double     keep_y, keep_end;
};

static const struct {
  double      size;
  PangoWeight weight;
  PangoStyle  slant;
} styles[ABM_FLOW_N_STYLES] = {
  [ABM_FLOW_TITLE] = { 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [ABM_FLOW_HEADING] = { 13.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [ABM_FLOW_SUBHEADING] = { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [ABM_FLOW_BODY] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [ABM_FLOW_BODY_BOLD] = { 9.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [ABM_FLOW_SMALL] = { 8.25, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [ABM_FLOW_SMALL_BOLD] = { 8.25, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
  [ABM_FLOW_DIM] = { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC },
  [ABM_FLOW_LARGE_NUMBER] = { 22, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL },
};

/* The same options for measuring and drawing, so that lines break alike. */
static const cairo_font_options_t *
font_options (void)
{
  static gsize once;
  static cairo_font_options_t *options;

  if (g_once_init_enter (&once))
    {
      options = cairo_font_options_create ();
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      g_once_init_leave (&once, 1);
    }
  return options;
}

/* One measuring context a thread, as Pango's font map is one a thread. */
static PangoContext *
measuring_context (void)
{
  static GPrivate key = G_PRIVATE_INIT (g_object_unref);
  PangoContext *context = g_private_get (&key);

  if (context == NULL)
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_font_options (context, font_options ());
      g_private_set (&key, context);
    }
  return context;
}

static PangoLayout *
new_layout (PangoContext   *context,
            AbmFlowStyle    style,
            const char     *text,
            double          width,
            PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_font_description_set_style (font, styles[style].slant);
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  /* Running text reads easier with a little air between its lines. */
  if (style == ABM_FLOW_BODY || style == ABM_FLOW_DIM)
    pango_layout_set_line_spacing (layout, 1.2);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
text_height (AbmFlowStyle  style,
             const char   *text,
             double        width)
{
  g_autoptr(PangoLayout) layout = new_layout (measuring_context (), style, text, width, PANGO_ALIGN_LEFT);

  return layout_height (layout);
}

static double
line_height (AbmFlowStyle style)
{
  return text_height (style, "0", -1);
}

/* Ink colours for paper: never pure black, an accent of GNOME blue. */
void
abm_page_flow_set_ink (cairo_t    *cr,
                       AbmFlowInk  ink)
{
  switch (ink)
    {
    case ABM_FLOW_INK_DIM:
      cairo_set_source_rgb (cr, 0.40, 0.40, 0.43);
      break;
    case ABM_FLOW_INK_ACCENT:
      cairo_set_source_rgb (cr, 0x1a / 255.0, 0x5f / 255.0, 0xb4 / 255.0);
      break;
    case ABM_FLOW_INK_WARNING:
      cairo_set_source_rgb (cr, 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0);
      break;
    case ABM_FLOW_INK_GOOD:
      cairo_set_source_rgb (cr, 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0);
      break;
    case ABM_FLOW_INK_TEXT:
    default:
      cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
      break;
    }
}

static PangoContext *
drawing_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  pango_cairo_context_set_font_options (context, font_options ());
  return context;
}

double
abm_page_flow_show_text (cairo_t        *cr,
                         AbmFlowStyle    style,
                         AbmFlowInk      ink,
                         const char     *text,
                         double          x,
                         double          y,
                         double          width,
                         PangoAlignment  align)
{
  PangoContext *context = drawing_context (cr);
  /* A figure on a tile is not broken over lines ("238 Tsd. EUR" in German
   * is wider than the English "238k EUR"): it is set smaller to fit, on
   * the same baseline, taking the same height. */
  gboolean shrink = style == ABM_FLOW_LARGE_NUMBER && width > 0;
  g_autoptr(PangoLayout) layout = new_layout (context, style, text, shrink ? -1 : width, align);
  double height = layout_height (layout);
  PangoRectangle logical;

  g_object_unref (context);
  abm_page_flow_set_ink (cr, ink);
  pango_layout_get_extents (layout, NULL, &logical);
  if (shrink && logical.width > width * PANGO_SCALE)
    {
      double scale = width * PANGO_SCALE / logical.width;
      double baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;

      cairo_save (cr);
      cairo_translate (cr, x, y + baseline * (1 - scale));
      cairo_scale (cr, scale, scale);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  else
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_new_path (cr);
  return height;
}

/* Pages */

static void
page_free (gpointer data)
{
  Page *page = data;

  for (guint i = 0; i < page->items->len; i++)
    g_free (g_array_index (page->items, Item, i).text);
  g_array_unref (page->items);
  g_free (page);
}

static Page *
current_page (AbmPageFlow *flow)
{
  return flow->pages->pdata[flow->pages->len - 1];
}

static void
add_page (AbmPageFlow *flow,
          gboolean     landscape)
{
  Page *page = g_new0 (Page, 1);
  Page *last = flow->pages->len > 0 ? current_page (flow) : NULL;

  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  page->landscape = landscape;
  g_ptr_array_add (flow->pages, page);
  flow->y = 0;

  /* A heading never ends a page: it moves on with what it heads. */
  if (flow->keep && last != NULL && flow->keep_item > 0)
    {
      for (guint i = flow->keep_item; i < last->items->len; i++)
        {
          Item item = g_array_index (last->items, Item, i);

          item.y -= flow->keep_y;
          g_array_append_val (page->items, item);
        }
      g_array_set_size (last->items, flow->keep_item);
      for (guint i = flow->keep_outline; i < flow->outline->len; i++)
        {
          AbmFlowOutline *entry = &g_array_index (flow->outline, AbmFlowOutline, i);

          entry->page = flow->pages->len - 1;
          entry->y -= flow->keep_y;
        }
      flow->y = flow->keep_end - flow->keep_y;
    }
  flow->keep = FALSE;
}

AbmPageFlow *
abm_page_flow_new (double page_width,
                   double page_height)
{
  AbmPageFlow *flow = g_new0 (AbmPageFlow, 1);

  flow->paper_width = MIN (page_width, page_height);
  flow->paper_height = MAX (page_width, page_height);
  flow->pages = g_ptr_array_new_with_free_func (page_free);
  flow->outline = g_array_new (FALSE, TRUE, sizeof (AbmFlowOutline));
  flow->owned = g_array_new (FALSE, TRUE, sizeof (Owned));
  add_page (flow, FALSE);
  return flow;
}

void
abm_page_flow_free (AbmPageFlow *flow)
{
  if (flow == NULL)
    return;
  for (guint i = 0; i < flow->outline->len; i++)
    g_free (g_array_index (flow->outline, AbmFlowOutline, i).title);
  for (guint i = 0; i < flow->owned->len; i++)
    {
      Owned *o = &g_array_index (flow->owned, Owned, i);

      if (o->free != NULL)
        o->free (o->data);
    }
  g_array_unref (flow->outline);
  g_array_unref (flow->owned);
  g_ptr_array_unref (flow->pages);
  g_free (flow->header_left);
  g_free (flow->header_right);
  g_free (flow->date);
  g_free (flow);
}

void
abm_page_flow_set_header (AbmPageFlow *flow,
                          const char  *left,
                          const char  *right,
                          const char  *date)
{
  g_free (flow->header_left);
  g_free (flow->header_right);
  g_free (flow->date);
  flow->header_left = g_strdup (left);
  flow->header_right = g_strdup (right);
  flow->date = g_strdup (date);
}

double
abm_page_flow_get_page_width (AbmPageFlow *flow,
                              gboolean     landscape)
{
  return (landscape ? flow->paper_height : flow->paper_width) - 2 * MARGIN_X;
}

double
abm_page_flow_get_page_height (AbmPageFlow *flow,
                               gboolean     landscape)
{
  return (landscape ? flow->paper_width : flow->paper_height) - MARGIN_TOP - MARGIN_BOTTOM;
}

double
abm_page_flow_get_width (AbmPageFlow *flow)
{
  return abm_page_flow_get_page_width (flow, current_page (flow)->landscape);
}

double
abm_page_flow_get_remaining (AbmPageFlow *flow)
{
  return abm_page_flow_get_page_height (flow, current_page (flow)->landscape) - flow->y;
}

double
abm_page_flow_get_y (AbmPageFlow *flow)
{
  return flow->y;
}

void
abm_page_flow_break (AbmPageFlow *flow,
                     gboolean     landscape)
{
  Page *page = current_page (flow);

  if (page->items->len == 0)
    {
      page->landscape = landscape;
      flow->y = 0;
      return;
    }
  add_page (flow, landscape);
}

void
abm_page_flow_ensure (AbmPageFlow *flow,
                      double       height)
{
  if (height > abm_page_flow_get_remaining (flow) && flow->y > 0)
    add_page (flow, FALSE);
}

void
abm_page_flow_space (AbmPageFlow *flow,
                     double       height)
{
  /* Space at the top of a page is wasted. */
  if (flow->y > 0)
    flow->y = MIN (flow->y + height, abm_page_flow_get_page_height (flow, current_page (flow)->landscape));
}

static Item *
add_item (AbmPageFlow *flow,
          ItemKind     kind,
          double       x,
          double       y,
          double       width,
          double       height)
{
  Page *page = current_page (flow);
  Item item = { kind, x, y, width, height, ABM_FLOW_BODY, ABM_FLOW_INK_TEXT, PANGO_ALIGN_LEFT, };

  if (!flow->in_heading)
    flow->keep = FALSE;
  g_array_append_val (page->items, item);
  return &g_array_index (page->items, Item, page->items->len - 1);
}

static void
add_text_item (AbmPageFlow    *flow,
               AbmFlowStyle    style,
               AbmFlowInk      ink,
               PangoAlignment  align,
               const char     *text,
               gssize          length,
               double          x,
               double          y,
               double          width,
               double          height)
{
  Item *item = add_item (flow, ITEM_TEXT, x, y, width, height);

  item->style = style;
  item->ink = ink;
  item->align = align;
  item->text = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
}

void
abm_page_flow_add_outline (AbmPageFlow *flow,
                           const char  *title,
                           guint        level)
{
  AbmFlowOutline entry = { g_strdup (title), level, flow->pages->len - 1, MARGIN_TOP + flow->y };

  g_array_append_val (flow->outline, entry);
}

GArray *
abm_page_flow_get_outline (AbmPageFlow *flow)
{
  return flow->outline;
}

/* Text */

/* Lays @text out across the width from @indent and places it line by
 * line, going on to new pages as it fills them; a piece of a paragraph
 * is its own text, cut where a line starts. */
static void
flow_text (AbmPageFlow    *flow,
           AbmFlowStyle    style,
           AbmFlowInk      ink,
           PangoAlignment  align,
           double          indent,
           const char     *text)
{
  double width = abm_page_flow_get_width (flow) - indent;
  g_autoptr(PangoLayout) layout = new_layout (measuring_context (), style, text, width, align);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int piece_start = 0;         /* byte index of the piece's first line */
  double piece_top = 0;        /* its top in the layout */
  double piece_bottom = 0;
  gsize length = strlen (text);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int top, bottom;
      double line_top, line_bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      line_top = (double) top / PANGO_SCALE;
      line_bottom = (double) bottom / PANGO_SCALE;
      if (line_bottom - piece_top > abm_page_flow_get_remaining (flow) && line->start_index > piece_start)
        {
          add_text_item (flow, style, ink, align, text + piece_start, line->start_index - piece_start,
                         indent, flow->y, width, piece_bottom - piece_top);
          add_page (flow, current_page (flow)->landscape);
          piece_start = line->start_index;
          piece_top = line_top;
        }
      else if (line_bottom - piece_top > abm_page_flow_get_remaining (flow) && flow->y > 0)
        {
          /* Not even the first line fits here. */
          add_page (flow, current_page (flow)->landscape);
        }
      piece_bottom = line_bottom;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* A piece cut at a line break would end in an empty line. */
  while (length > (gsize) piece_start && text[length - 1] == '\n')
    length--;
  add_text_item (flow, style, ink, align, text + piece_start, length - piece_start,
                 indent, flow->y, width, piece_bottom - piece_top);
  flow->y += piece_bottom - piece_top;
}

void
abm_page_flow_text (AbmPageFlow  *flow,
                    AbmFlowStyle  style,
                    AbmFlowInk    ink,
                    double        indent,
                    const char   *text)
{
  if (text == NULL || *text == '\0')
    return;
  flow_text (flow, style, ink, PANGO_ALIGN_LEFT, indent, text);
  flow->y += BLOCK_GAP;
}

void
abm_page_flow_bullet (AbmPageFlow  *flow,
                      AbmFlowStyle  style,
                      const char   *text)
{
  abm_page_flow_ensure (flow, line_height (style));
  add_text_item (flow, style, ABM_FLOW_INK_DIM, PANGO_ALIGN_LEFT, "•", -1, 2, flow->y,
                 BULLET_INDENT, line_height (style));
  flow_text (flow, style, ABM_FLOW_INK_TEXT, PANGO_ALIGN_LEFT, BULLET_INDENT, text);
  flow->y += BLOCK_GAP / 2;
}

void
abm_page_flow_heading (AbmPageFlow  *flow,
                       AbmFlowStyle  style,
                       const char   *text)
{
  double width = abm_page_flow_get_width (flow);
  double height = text_height (style, text, width);
  gboolean section = style == ABM_FLOW_HEADING;

  /* A heading keeps three lines of what follows with it. */
  abm_page_flow_ensure (flow, height + (section ? 10 : 4) + 3 * line_height (ABM_FLOW_BODY) + 20);
  abm_page_flow_space (flow, section ? 14 : style == ABM_FLOW_SUBHEADING ? 8 : 0);
  flow->in_heading = TRUE;
  flow->keep_item = current_page (flow)->items->len;
  flow->keep_outline = flow->outline->len;
  flow->keep_y = flow->y;
  if (style != ABM_FLOW_TITLE)
    abm_page_flow_add_outline (flow, text, section ? 0 : 1);
  add_text_item (flow, style, section ? ABM_FLOW_INK_ACCENT : ABM_FLOW_INK_TEXT, PANGO_ALIGN_LEFT, text, -1,
                 0, flow->y, width, height);
  flow->y += height;
  if (section)
    {
      add_item (flow, ITEM_RULE, 0, flow->y + 2, width, 0);
      flow->y += 8;
    }
  else
    flow->y += 4;
  flow->in_heading = FALSE;
  flow->keep = style != ABM_FLOW_TITLE;
  flow->keep_end = flow->y;
}

/* Rows of cells */

typedef struct {
  double         x, width;
  AbmFlowStyle   style;
  AbmFlowInk     ink;
  PangoAlignment align;
} Column;

static double
row_height (const Column       *columns,
            guint               n_columns,
            const char * const *cells)
{
  double height = line_height (columns[0].style);

  for (guint c = 0; c < n_columns; c++)
    if (cells[c] != NULL && *cells[c] != '\0')
      height = MAX (height, text_height (columns[c].style, cells[c], columns[c].width - 2 * CELL_PAD_X));
  return height + 2 * CELL_PAD_Y;
}

static void
add_row (AbmPageFlow        *flow,
         const Column       *columns,
         guint               n_columns,
         const char * const *cells,
         double              height)
{
  for (guint c = 0; c < n_columns; c++)
    add_text_item (flow, columns[c].style, columns[c].ink, columns[c].align, cells[c] ? cells[c] : "–", -1,
                   columns[c].x + CELL_PAD_X, flow->y + CELL_PAD_Y, columns[c].width - 2 * CELL_PAD_X,
                   height - 2 * CELL_PAD_Y);
  flow->y += height;
}

void
abm_page_flow_key_values (AbmPageFlow        *flow,
                          const char * const *pairs,
                          guint               n_pairs)
{
  double width = abm_page_flow_get_width (flow);
  double key_width = 0;
  Column columns[2];

  for (guint i = 0; i < n_pairs; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (measuring_context (), ABM_FLOW_SMALL, pairs[2 * i], -1,
                                                  PANGO_ALIGN_LEFT);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      key_width = MAX (key_width, (double) logical.width / PANGO_SCALE);
    }
  key_width = MIN (key_width + 2 * CELL_PAD_X + 8, width * 0.4);
  columns[0] = (Column) { -CELL_PAD_X, key_width, ABM_FLOW_SMALL, ABM_FLOW_INK_DIM, PANGO_ALIGN_LEFT };
  columns[1] = (Column) { key_width - CELL_PAD_X, width - key_width + CELL_PAD_X, ABM_FLOW_BODY,
                          ABM_FLOW_INK_TEXT, PANGO_ALIGN_LEFT };
  for (guint i = 0; i < n_pairs; i++)
    {
      double height = row_height (columns, 2, pairs + 2 * i) - CELL_PAD_Y;

      abm_page_flow_ensure (flow, height);
      add_row (flow, columns, 2, pairs + 2 * i, height);
    }
  flow->y += BLOCK_GAP;
}

static void
add_table_header (AbmPageFlow        *flow,
                  const Column       *columns,
                  guint               n_columns,
                  const char * const *header,
                  double              height)
{
  Column bold[16];

  for (guint c = 0; c < n_columns; c++)
    {
      bold[c] = columns[c];
      bold[c].style = ABM_FLOW_SMALL_BOLD;
      bold[c].ink = ABM_FLOW_INK_DIM;
    }
  add_item (flow, ITEM_BAND, 0, flow->y, abm_page_flow_get_width (flow), height);
  add_row (flow, bold, n_columns, header, height);
}

void
abm_page_flow_table (AbmPageFlow        *flow,
                     const char * const *header,
                     const double       *widths,
                     const gboolean     *numeric,
                     guint               n_columns,
                     const char * const *cells,
                     guint               n_rows)
{
  double width = abm_page_flow_get_width (flow);
  Column columns[16], bold[16];
  double header_height, x = 0;

  g_return_if_fail (n_columns > 0 && n_columns <= G_N_ELEMENTS (columns));

  for (guint c = 0; c < n_columns; c++)
    {
      columns[c] = (Column) { x, widths[c] * width, ABM_FLOW_SMALL, ABM_FLOW_INK_TEXT,
                              numeric != NULL && numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT };
      bold[c] = columns[c];
      bold[c].style = ABM_FLOW_SMALL_BOLD;
      x += columns[c].width;
    }
  header_height = row_height (bold, n_columns, header);
  abm_page_flow_ensure (flow, header_height + (n_rows > 0 ? row_height (columns, n_columns, cells) : 0));
  add_table_header (flow, columns, n_columns, header, header_height);
  for (guint r = 0; r < n_rows; r++)
    {
      const char * const *row = cells + (gsize) r * n_columns;
      double height = row_height (columns, n_columns, row);

      if (height > abm_page_flow_get_remaining (flow))
        {
          add_page (flow, current_page (flow)->landscape);
          add_table_header (flow, columns, n_columns, header, header_height);
        }
      add_row (flow, columns, n_columns, row, height);
      add_item (flow, ITEM_RULE, 0, flow->y, width, 0);
    }
  flow->y += BLOCK_GAP + 4;
}

/* Figures */

static void
own (AbmPageFlow    *flow,
     gpointer        data,
     GDestroyNotify  free)
{
  Owned o = { data, free };

  g_array_append_val (flow->owned, o);
}

void
abm_page_flow_place (AbmPageFlow     *flow,
                     double           x,
                     double           y,
                     double           width,
                     double           height,
                     AbmFlowDrawFunc  draw,
                     gpointer         data,
                     GDestroyNotify   free)
{
  Item *item = add_item (flow, ITEM_FIGURE, x, y, width, height);

  item->draw = draw;
  item->data = data;
  own (flow, data, free);
}

void
abm_page_flow_figure (AbmPageFlow     *flow,
                      double           height,
                      AbmFlowDrawFunc  draw,
                      gpointer         data,
                      GDestroyNotify   free)
{
  height = MIN (height, abm_page_flow_get_page_height (flow, current_page (flow)->landscape));
  abm_page_flow_ensure (flow, height);
  abm_page_flow_place (flow, 0, flow->y, abm_page_flow_get_width (flow), height, draw, data, free);
  flow->y += height + BLOCK_GAP;
}

/* Drawing */

guint
abm_page_flow_get_n_pages (AbmPageFlow *flow)
{
  return flow->pages->len;
}

gboolean
abm_page_flow_is_landscape (AbmPageFlow *flow,
                            guint        page)
{
  g_return_val_if_fail (page < flow->pages->len, FALSE);
  return ((Page *) flow->pages->pdata[page])->landscape;
}

static void
draw_frame (AbmPageFlow *flow,
            cairo_t     *cr,
            guint        page,
            double       width,
            double       height)
{
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, flow->pages->len);
  double inner = width - 2 * MARGIN_X;

  if (flow->header_left != NULL)
    abm_page_flow_show_text (cr, ABM_FLOW_SMALL, ABM_FLOW_INK_DIM, flow->header_left, MARGIN_X, HEADER_Y,
                             inner * 0.48, PANGO_ALIGN_LEFT);
  if (flow->header_right != NULL)
    abm_page_flow_show_text (cr, ABM_FLOW_SMALL, ABM_FLOW_INK_DIM, flow->header_right, MARGIN_X + inner * 0.5,
                             HEADER_Y, inner * 0.5, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.80, 0.80, 0.82);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, HEADER_Y + line_height (ABM_FLOW_SMALL) + 4);
  cairo_rel_line_to (cr, inner, 0);
  cairo_move_to (cr, MARGIN_X, height - FOOTER_GAP - 6);
  cairo_rel_line_to (cr, inner, 0);
  cairo_stroke (cr);
  if (flow->date != NULL)
    abm_page_flow_show_text (cr, ABM_FLOW_SMALL, ABM_FLOW_INK_DIM, flow->date, MARGIN_X, height - FOOTER_GAP,
                             inner * 0.48, PANGO_ALIGN_LEFT);
  abm_page_flow_show_text (cr, ABM_FLOW_SMALL, ABM_FLOW_INK_DIM, number, MARGIN_X + inner * 0.5,
                           height - FOOTER_GAP, inner * 0.5, PANGO_ALIGN_RIGHT);
}

static void
draw_item (cairo_t    *cr,
           const Item *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      abm_page_flow_show_text (cr, item->style, item->ink, item->text, item->x, item->y, item->width, item->align);
      break;
    case ITEM_RULE:
      cairo_set_source_rgb (cr, 0.86, 0.86, 0.88);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, item->x, item->y);
      cairo_rel_line_to (cr, item->width, 0);
      cairo_stroke (cr);
      break;
    case ITEM_BAND:
      cairo_set_source_rgb (cr, 0.945, 0.945, 0.955);
      cairo_rectangle (cr, item->x, item->y, item->width, item->height);
      cairo_fill (cr);
      break;
    case ITEM_FIGURE:
      cairo_save (cr);
      cairo_translate (cr, item->x, item->y);
      cairo_rectangle (cr, 0, 0, item->width, item->height);
      cairo_clip (cr);
      item->draw (item->data, cr, item->width, item->height);
      cairo_restore (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
abm_page_flow_draw_page (AbmPageFlow *flow,
                         cairo_t     *cr,
                         guint        page,
                         double       width,
                         double       height)
{
  Page *p;
  double page_width, page_height, scale;

  g_return_if_fail (flow != NULL && cr != NULL);
  g_return_if_fail (page < flow->pages->len);

  p = flow->pages->pdata[page];
  page_width = p->landscape ? flow->paper_height : flow->paper_width;
  page_height = p->landscape ? flow->paper_width : flow->paper_height;

  cairo_save (cr);
  /* A landscape page on upright paper is turned a quarter clockwise. */
  if ((page_width > page_height) != (width > height))
    {
      double w = width;

      cairo_translate (cr, width, 0);
      cairo_rotate (cr, G_PI / 2);
      width = height;
      height = w;
    }
  scale = MIN (width / page_width, height / page_height);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_frame (flow, cr, page, page_width, page_height);
  cairo_translate (cr, MARGIN_X, MARGIN_TOP);
  for (guint i = 0; i < p->items->len; i++)
    draw_item (cr, &g_array_index (p->items, Item, i));
  cairo_restore (cr);
}
