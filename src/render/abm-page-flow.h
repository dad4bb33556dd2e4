/* abm-page-flow.h: blocks of text, tables and figures flowed onto pages
 *
 * The briefs' layout engine (render only, private to the briefs). Blocks
 * are added top to bottom; whatever does not fit continues on the next
 * page, a paragraph between two of its lines, a table between two rows
 * (repeating its header). Every page keeps plain copies of what it
 * shows, so pages can be drawn on any thread, any number of times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum {
  ABM_FLOW_TITLE,        /* the document's title, on its first page */
  ABM_FLOW_HEADING,      /* a section */
  ABM_FLOW_SUBHEADING,   /* a part of a section */
  ABM_FLOW_BODY,
  ABM_FLOW_BODY_BOLD,
  ABM_FLOW_SMALL,        /* captions, table cells, secondary facts */
  ABM_FLOW_SMALL_BOLD,
  ABM_FLOW_DIM,          /* what is missing: "No plays yet" */
  ABM_FLOW_LARGE_NUMBER, /* a score on a tile */
  ABM_FLOW_N_STYLES
} AbmFlowStyle;

typedef enum {
  ABM_FLOW_INK_TEXT,
  ABM_FLOW_INK_DIM,
  ABM_FLOW_INK_ACCENT,
  ABM_FLOW_INK_WARNING,
  ABM_FLOW_INK_GOOD,
} AbmFlowInk;

/* Draws a figure into @width × @height at the origin of @cr. */
typedef void (*AbmFlowDrawFunc) (gconstpointer  data,
                                 cairo_t       *cr,
                                 double         width,
                                 double         height);

typedef struct _AbmPageFlow AbmPageFlow;

AbmPageFlow *abm_page_flow_new            (double        page_width,
                                           double        page_height);
void         abm_page_flow_free           (AbmPageFlow  *flow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmPageFlow, abm_page_flow_free)

/* The running header (left and right) and the footer's date. */
void         abm_page_flow_set_header     (AbmPageFlow  *flow,
                                           const char   *left,
                                           const char   *right,
                                           const char   *date);

double       abm_page_flow_get_width      (AbmPageFlow  *flow);
/* What is left of the current page's content area. */
double       abm_page_flow_get_remaining  (AbmPageFlow  *flow);
/* The content area's height of a page of its own. */
double       abm_page_flow_get_page_height (AbmPageFlow *flow,
                                           gboolean      landscape);
double       abm_page_flow_get_page_width (AbmPageFlow  *flow,
                                           gboolean      landscape);
/* Starts a page unless the current one is still empty (and the same way
 * round). */
void         abm_page_flow_break          (AbmPageFlow  *flow,
                                           gboolean      landscape);
/* Starts a page unless @height is left on this one. */
void         abm_page_flow_ensure         (AbmPageFlow  *flow,
                                           double        height);
void         abm_page_flow_space          (AbmPageFlow  *flow,
                                           double        height);

/* Adds an entry to the outline pointing here: @level 0 a section, 1 a
 * part of the last section. */
void         abm_page_flow_add_outline    (AbmPageFlow  *flow,
                                           const char   *title,
                                           guint         level);

/* A heading kept with what follows it; also an outline entry at @level
 * unless it is ABM_FLOW_TITLE. */
void         abm_page_flow_heading        (AbmPageFlow  *flow,
                                           AbmFlowStyle  style,
                                           const char   *text);
/* Text that wraps and flows over pages; paragraphs split by blank lines
 * are kept apart. @indent moves it right, as a bullet's text. */
void         abm_page_flow_text           (AbmPageFlow  *flow,
                                           AbmFlowStyle  style,
                                           AbmFlowInk    ink,
                                           double        indent,
                                           const char   *text);
void         abm_page_flow_bullet         (AbmPageFlow  *flow,
                                           AbmFlowStyle  style,
                                           const char   *text);
/* Label and value side by side, a row each: "Owner (AE)  Dana Smith". */
void         abm_page_flow_key_values     (AbmPageFlow        *flow,
                                           const char * const *pairs,
                                           guint               n_pairs);
/* A table of @n_columns, @widths in shares of the width (summing to 1),
 * @numeric columns set flush right; cells NULL are "–". Long cells wrap;
 * a row never splits, and the header repeats on each page. */
void         abm_page_flow_table          (AbmPageFlow        *flow,
                                           const char * const *header,
                                           const double       *widths,
                                           const gboolean     *numeric,
                                           guint               n_columns,
                                           const char * const *cells,
                                           guint               n_rows);
/* A figure of @height across the width, drawn by @draw with @data, which
 * the flow frees with @free; moves to the next page when it does not fit
 * here. */
void         abm_page_flow_figure         (AbmPageFlow     *flow,
                                           double           height,
                                           AbmFlowDrawFunc  draw,
                                           gpointer         data,
                                           GDestroyNotify   free);
/* The same at (@x, @y) of the current page's content area, without
 * moving on: tiles side by side. */
void         abm_page_flow_place          (AbmPageFlow     *flow,
                                           double           x,
                                           double           y,
                                           double           width,
                                           double           height,
                                           AbmFlowDrawFunc  draw,
                                           gpointer         data,
                                           GDestroyNotify   free);
/* Where the next block goes, from the content area's top. */
double       abm_page_flow_get_y          (AbmPageFlow  *flow);

guint        abm_page_flow_get_n_pages    (AbmPageFlow  *flow);
gboolean     abm_page_flow_is_landscape   (AbmPageFlow  *flow,
                                           guint         page);
/* Draws page @page onto @cr, whose user space is @width × @height;
 * scaled (and turned, for a landscape page on upright paper) to fit. */
void         abm_page_flow_draw_page      (AbmPageFlow  *flow,
                                           cairo_t      *cr,
                                           guint         page,
                                           double        width,
                                           double        height);

typedef struct {
  char   *title;
  guint   level;
  guint   page;
  double  y;          /* from the top of the page */
} AbmFlowOutline;

/* Of AbmFlowOutline, in order. */
GArray      *abm_page_flow_get_outline    (AbmPageFlow  *flow);

/* Text drawn in a figure with the flow's fonts: one block of @text in
 * @style wrapped to @width (< 0: one line as wide as it is), set on @cr
 * at (@x, @y); returns its height. */
double       abm_page_flow_show_text      (cairo_t      *cr,
                                           AbmFlowStyle  style,
                                           AbmFlowInk    ink,
                                           const char   *text,
                                           double        x,
                                           double        y,
                                           double        width,
                                           PangoAlignment align);
void         abm_page_flow_set_ink        (cairo_t      *cr,
                                           AbmFlowInk    ink);

G_END_DECLS
