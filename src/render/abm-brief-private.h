/* abm-brief-private.h: what the account brief and the program summary
 * share (render only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-brief.h"
#include "abm-page-flow.h"

G_BEGIN_DECLS

struct _AbmBriefDocument {
  char        *title;
  char        *subject;
  char        *author;
  GDateTime   *created;
  AbmPaper     paper;
  AbmPageFlow *flow;
};

/* A document with its metadata and an empty first page whose header
 * names the workspace and @title. */
AbmBriefDocument *abm_brief_document_begin  (AbmWorkspace          *workspace,
                                             const AbmBriefOptions *options,
                                             const char            *title,
                                             const char            *subject);
/* The day of @now as a Julian day, on its own calendar. */
guint32     abm_brief_julian_of_now     (GDateTime   *now);
/* "29 Mar 2026" from a Julian day or YYYY-MM-DD; NULL for none. */
char       *abm_brief_format_julian     (guint32      julian);
char       *abm_brief_format_date       (const char  *date);
/* An amount as the charts write it, or NULL when unknown. */
char       *abm_brief_format_money      (double       amount,
                                         const char  *currency);
/* What an empty part says instead of vanishing. */
void        abm_brief_add_empty         (AbmPageFlow *flow,
                                         const char  *text);
/* A row of tiles, a big number each with a label over it and a caption
 * under it (@captions and @inks may hold NULL / any ink). */
void        abm_brief_add_tiles         (AbmPageFlow        *flow,
                                         const char * const *labels,
                                         const char * const *values,
                                         const char * const *captions,
                                         const AbmFlowInk   *inks,
                                         guint               n_tiles);
/* Draws a chart of @data into @width × @height: an adapter of one of
 * the render functions (abm_line_chart_render(), ...). */
typedef void (*AbmBriefRenderFunc) (gconstpointer  data,
                                    cairo_t       *cr,
                                    double         width,
                                    double         height);
/* A figure of @height across the page that @render draws from a copy of
 * the @size bytes of @data; the strings and arrays it points to are in
 * @keep (transfer full; freed with the document). */
void        abm_brief_add_chart         (AbmPageFlow        *flow,
                                         double              height,
                                         AbmBriefRenderFunc  render,
                                         gconstpointer       data,
                                         gsize               size,
                                         GPtrArray          *keep);
/* A copy of @text in @keep, for a chart's data to point to. */
const char *abm_brief_keep              (GPtrArray          *keep,
                                         const char         *text);

/* A list of cells, freed with the array: a table's cells as they are
 * built. */
GPtrArray  *abm_brief_cells_new         (void);
/* Appends a table of the cells of @cells to @flow. */
void        abm_brief_add_table         (AbmPageFlow        *flow,
                                         GPtrArray          *cells,
                                         const char * const *header,
                                         const double       *widths,
                                         const gboolean     *numeric,
                                         guint               n_columns);

G_END_DECLS
