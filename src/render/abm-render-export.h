/* abm-render-export.h: a drawing written to a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define ABM_RENDER_ERROR (abm_render_error_quark ())

typedef enum {
  ABM_RENDER_ERROR_UNKNOWN_FORMAT,
  ABM_RENDER_ERROR_INVALID_SIZE,
  ABM_RENDER_ERROR_DRAWING,
} AbmRenderError;

typedef enum {
  ABM_RENDER_FORMAT_AUTO,      /* from the file name's extension */
  ABM_RENDER_FORMAT_PNG,
  ABM_RENDER_FORMAT_SVG,
  ABM_RENDER_FORMAT_PDF,
} AbmRenderFormat;

/* Draws a picture of @width × @height user units onto @cr. */
typedef void (*AbmRenderDrawFunc) (gpointer  user_data,
                                   cairo_t  *cr,
                                   double    width,
                                   double    height);

GQuark          abm_render_error_quark       (void);
AbmRenderFormat abm_render_format_for_name   (const char         *filename);
gboolean        abm_render_export            (GFile              *file,
                                              AbmRenderFormat     format,
                                              double              width,
                                              double              height,
                                              const char         *title,
                                              AbmRenderDrawFunc   draw,
                                              gpointer            user_data,
                                              GCancellable       *cancellable,
                                              GError            **error);

G_END_DECLS
