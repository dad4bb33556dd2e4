/* abm-render-export.c: a drawing written to a PNG, SVG or PDF file
 *
 * The drawing is made in memory and the file written in one go with
 * g_file_replace_contents(), so a failed export never leaves half a file
 * where a good one was. Sizes are in user units: pixels for PNG and SVG,
 * points for PDF. Nothing is painted behind the drawing: a PNG keeps a
 * transparent background unless the drawing fills one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-render-export.h"

/* Cairo's limit on the side of an image surface. */
#define MAX_PNG_SIDE   32767.0
/* PDF viewers refuse pages larger than 200 inches. */
#define MAX_PAGE_SIDE  14400.0
#define CREATOR        "ABM Planner"

G_DEFINE_QUARK (abm-render-error-quark, abm_render_error)

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The format a file name's extension asks for, or AUTO when it names none
 * we write. */
AbmRenderFormat
abm_render_format_for_name (const char *filename)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, ABM_RENDER_FORMAT_AUTO);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return ABM_RENDER_FORMAT_AUTO;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return ABM_RENDER_FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return ABM_RENDER_FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return ABM_RENDER_FORMAT_PDF;
  return ABM_RENDER_FORMAT_AUTO;
}

static cairo_surface_t *
create_surface (AbmRenderFormat  format,
                double           width,
                double           height,
                const char      *title,
                GByteArray      *out)
{
  cairo_surface_t *surface;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;

  switch (format)
    {
    case ABM_RENDER_FORMAT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));

    case ABM_RENDER_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, out, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;

    case ABM_RENDER_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width, height);
      now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, CREATOR);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      return surface;

    case ABM_RENDER_FORMAT_AUTO:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_DRAWING,
               /* Translators: %s is the graphics library's reason */
               _("The drawing could not be made: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Writes what @draw draws on a @width × @height surface to @file as
 * @format (AUTO: by the file name), replacing the file only once the
 * whole drawing is made. @title goes into a PDF's metadata. */
gboolean
abm_render_export (GFile              *file,
                   AbmRenderFormat     format,
                   double              width,
                   double              height,
                   const char         *title,
                   AbmRenderDrawFunc   draw,
                   gpointer            user_data,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double max_side;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == ABM_RENDER_FORMAT_AUTO)
    {
      g_autofree char *name = g_file_get_basename (file);

      format = abm_render_format_for_name (name);
      if (format == ABM_RENDER_FORMAT_AUTO)
        {
          g_set_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_UNKNOWN_FORMAT,
                       /* Translators: %s is a file name */
                       _("“%s” is not a PNG, SVG or PDF file name"), name);
          return FALSE;
        }
    }

  max_side = format == ABM_RENDER_FORMAT_PNG ? MAX_PNG_SIDE : MAX_PAGE_SIDE;
  if (!(width >= 1 && height >= 1 && width <= max_side && height <= max_side))
    {
      g_set_error (error, ABM_RENDER_ERROR, ABM_RENDER_ERROR_INVALID_SIZE,
                   _("A drawing of %.0f × %.0f cannot be written"), width, height);
      return FALSE;
    }

  surface = create_surface (format, width, height, title, out);
  cr = cairo_create (surface);
  draw (user_data, cr, width, height);
  if (format != ABM_RENDER_FORMAT_PNG)
    cairo_show_page (cr);
  ok = check_status (cairo_status (cr), error);
  cairo_destroy (cr);

  if (ok && format == ABM_RENDER_FORMAT_PNG)
    ok = check_status (cairo_surface_write_to_png_stream (surface, append_bytes, out), error);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_status (cairo_surface_status (surface), error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  return g_file_replace_contents (file, (const char *) out->data, out->len,
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}
