/* abm-render-text.h: numbers as the drawings show them, and what the
 * charts share: their text, series colours and the frame of a value axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* What a chart's values measure. */
typedef enum {
  ABM_RENDER_UNIT_COUNT,      /* a whole number: accounts, people, a score */
  ABM_RENDER_UNIT_SHARE,      /* 0–1, shown as a percentage */
  ABM_RENDER_UNIT_MONEY,      /* in the currency the chart is given */
  ABM_RENDER_UNIT_DAYS,
} AbmRenderUnit;

char *abm_render_text_count          (guint64     count);
char *abm_render_text_compact_amount (double      amount,
                                      const char *currency);
char *abm_render_text_percent        (double      share);
char *abm_render_text_value          (double         value,
                                      AbmRenderUnit  unit,
                                      const char    *currency);
char *abm_render_text_tick           (double         value,
                                      AbmRenderUnit  unit);
double abm_render_text_nice_step     (double      range,
                                      guint       max_steps,
                                      gboolean    whole);
void  abm_render_text_append_sentence (GString    *text,
                                       const char *sentence);

/* Text in a drawing's font */

/* How strongly a mark stands out from the background. */
typedef enum {
  ABM_RENDER_INK_TEXT,        /* labels and values */
  ABM_RENDER_INK_DIM,         /* axis labels, secondary facts */
  ABM_RENDER_INK_AXIS,        /* the baseline */
  ABM_RENDER_INK_GRID,        /* grid lines */
} AbmRenderInk;

double       abm_render_text_scale        (double        width,
                                           double        height);
PangoLayout *abm_render_text_layout       (cairo_t      *cr,
                                           const char   *family,
                                           const char   *text,
                                           double        size,
                                           PangoWeight   weight,
                                           double        max_width);
void         abm_render_text_get_size     (PangoLayout  *layout,
                                           double       *width,
                                           double       *height);
double       abm_render_text_width        (const char   *family,
                                           const char   *text,
                                           double        size,
                                           PangoWeight   weight);
double       abm_render_text_line_height  (const char   *family,
                                           double        size,
                                           PangoWeight   weight);
void         abm_render_text_show         (cairo_t      *cr,
                                           PangoLayout  *layout,
                                           double        x,
                                           double        y);
void         abm_render_set_ink           (cairo_t      *cr,
                                           gboolean      dark,
                                           AbmRenderInk  ink);
void         abm_render_text_show_message (cairo_t      *cr,
                                           const char   *family,
                                           gboolean      dark,
                                           const char   *text,
                                           double        scale,
                                           const cairo_rectangle_t *area);

/* Series of values, as the bar and line charts take them */

typedef enum {
  ABM_RENDER_COLOR_AUTO,      /* by the series' place: blue, grey, orange, green */
  ABM_RENDER_COLOR_ACCENT,    /* blue: the series that matters, "ABM" */
  ABM_RENDER_COLOR_NEUTRAL,   /* grey: a comparison or the whole, "Other", "All" */
  ABM_RENDER_COLOR_TIER_1,    /* the tier pyramid's colours */
  ABM_RENDER_COLOR_TIER_2,
  ABM_RENDER_COLOR_TIER_3,
  ABM_RENDER_COLOR_WARM,      /* orange */
  ABM_RENDER_COLOR_GREEN,
} AbmRenderColor;

typedef struct {
  const char     *label;      /* "ABM", "Tier 1", as the legend names it */
  const double   *values;     /* one a category or point; NAN: nothing to measure */
  AbmRenderColor  color;
} AbmRenderSeries;

void         abm_render_series_color      (AbmRenderColor color,
                                           guint          position,
                                           gboolean       dark,
                                           double        *red,
                                           double        *green,
                                           double        *blue);
double       abm_render_series_value      (const AbmRenderSeries *series,
                                           guint          index);
gboolean     abm_render_series_has_value  (const AbmRenderSeries *series,
                                           guint          index);
char        *abm_render_series_format     (const AbmRenderSeries *series,
                                           guint          index,
                                           AbmRenderUnit  unit,
                                           const char    *currency);

/* The frame of a chart of series over a value axis: its title, legend,
 * scale and grid, and the row of labels under it, or its message when
 * there is nothing to show; the bar and line charts draw their marks
 * inside. The geometry depends on the text as measured without a
 * surface, so that hit-testing, which has none, finds what the drawing
 * shows. */

#define ABM_RENDER_FRAME_MAX_SERIES 4

/* Draws the legend's mark of @series centred on (@x, @y), @width wide. */
typedef void (*AbmRenderSwatchFunc) (cairo_t  *cr,
                                     guint     series,
                                     double    x,
                                     double    y,
                                     double    width,
                                     double    scale,
                                     gpointer  user_data);
/* Draws the marks inside the frame. */
typedef void (*AbmRenderMarksFunc)  (cairo_t  *cr,
                                     gpointer  user_data);

typedef struct {
  /* Given by the chart */
  const char            *font_family;    /* NULL for "Sans" */
  gboolean               dark;
  const char            *title;          /* NULL: a single series' label */
  AbmRenderUnit          unit;
  const char            *currency;
  const AbmRenderSeries *series;         /* named in a legend when two or more */
  guint                  n_series;       /* up to ABM_RENDER_FRAME_MAX_SERIES */
  guint                  n_values;       /* of each series */
  const char            *empty_text;     /* what to say when all are 0 or missing */
  double                 swatch_width;   /* of a legend's mark, at a scale of 1 */
  double                 fixed_top;      /* > 0: the scale's top, whatever the values */
  double                 top_room;       /* the marks' need above the scale, at a scale of 1 */

  /* Worked out by abm_render_frame_layout() */
  gboolean               empty;
  double                 scale;
  double                 left, top, width, height;   /* inside the padding */
  double                 plot_x, plot_y, plot_width, plot_height;
  double                 scale_top, step;
  guint                  n_steps;
  double                 caption_width;
  double                 legend_x[ABM_RENDER_FRAME_MAX_SERIES];
  double                 legend_y[ABM_RENDER_FRAME_MAX_SERIES];
  double                 legend_label_width[ABM_RENDER_FRAME_MAX_SERIES];
  double                 legend_line;
  double                 label_y, label_size, label_height;   /* the row under the plot */
} AbmRenderFrame;

const char  *abm_render_frame_get_title   (const AbmRenderFrame *frame);
gboolean     abm_render_frame_describe    (const AbmRenderFrame *frame,
                                           GString        *text);
void         abm_render_frame_layout      (AbmRenderFrame *frame,
                                           double          width,
                                           double          height);
gboolean     abm_render_frame_has_plot    (const AbmRenderFrame *frame);
double       abm_render_frame_value_y     (const AbmRenderFrame *frame,
                                           double          value);
void         abm_render_frame_render      (const AbmRenderFrame *frame,
                                           cairo_t             *cr,
                                           double               width,
                                           double               height,
                                           AbmRenderSwatchFunc  swatch,
                                           AbmRenderMarksFunc   marks,
                                           gpointer             user_data);
void         abm_render_frame_show_label  (const AbmRenderFrame *frame,
                                           cairo_t        *cr,
                                           const char     *text,
                                           double          center,
                                           double          max_width,
                                           AbmRenderInk    ink);

G_END_DECLS
