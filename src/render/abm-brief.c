/* abm-brief.c: PDF briefs of an account and the program summary
 *
 * The paper, the document and its PDF. What a brief shows is gathered in
 * abm-brief-account.c and abm-brief-summary.c; abm-page-flow.c lays it
 * out on pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "abm-brief-private.h"
#include "abm-date.h"
#include "abm-render-text.h"

G_DEFINE_QUARK (abm-brief-error-quark, abm_brief_error)

/* Paper */

static const struct {
  const char *key;
  const char *label;
  double      width, height;
} papers[ABM_N_PAPERS] = {
  [ABM_PAPER_A4] = { "a4", N_("A4"), 595, 842 },
  [ABM_PAPER_LETTER] = { "letter", N_("US Letter"), 612, 792 },
};

const char *
abm_paper_key (AbmPaper paper)
{
  g_return_val_if_fail (paper < ABM_N_PAPERS, NULL);
  return papers[paper].key;
}

const char *
abm_paper_label (AbmPaper paper)
{
  g_return_val_if_fail (paper < ABM_N_PAPERS, NULL);
  return _(papers[paper].label);
}

gboolean
abm_paper_from_key (const char *key,
                    AbmPaper   *paper)
{
  for (guint i = 0; key != NULL && i < ABM_N_PAPERS; i++)
    if (g_ascii_strcasecmp (key, papers[i].key) == 0)
      {
        if (paper != NULL)
          *paper = i;
        return TRUE;
      }
  return FALSE;
}

void
abm_paper_get_size (AbmPaper  paper,
                    double   *width_pt,
                    double   *height_pt)
{
  g_return_if_fail (paper < ABM_N_PAPERS);
  if (width_pt != NULL)
    *width_pt = papers[paper].width;
  if (height_pt != NULL)
    *height_pt = papers[paper].height;
}

/* The territory of a locale name: "en_US.UTF-8" is "US". */
static gboolean
territory_uses_letter (const char *locale)
{
  static const char *const letter[] = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "PA", "PR", "DO", "NI",
  };
  const char *underscore = locale != NULL ? strchr (locale, '_') : NULL;

  if (underscore == NULL || strlen (underscore + 1) < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (letter); i++)
    if (strncmp (underscore + 1, letter[i], 2) == 0)
      return TRUE;
  return FALSE;
}

AbmPaper
abm_paper_for_locale (void)
{
  const char *locale = setlocale (LC_PAPER, NULL);
  const char *env;

  if (locale != NULL && strcmp (locale, "C") != 0 && strcmp (locale, "POSIX") != 0
      && strncmp (locale, "C.", 2) != 0)
    {
#ifdef __GLIBC__
      /* The paper width in millimetres: 216 for Letter, 210 for A4. */
      int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

      if (width > 0)
        return width == 216 ? ABM_PAPER_LETTER : ABM_PAPER_A4;
#endif
      return territory_uses_letter (locale) ? ABM_PAPER_LETTER : ABM_PAPER_A4;
    }
  /* A program that never set its locale: what the environment asks for. */
  env = g_getenv ("LC_ALL");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LC_PAPER");
  if (env == NULL || *env == '\0')
    env = g_getenv ("LANG");
  return territory_uses_letter (env) ? ABM_PAPER_LETTER : ABM_PAPER_A4;
}

/* Shared by both documents */

guint32
abm_brief_julian_of_now (GDateTime *now)
{
  GDate today;

  abm_date_today (now, &today);
  return g_date_get_julian (&today);
}

char *
abm_brief_format_julian (guint32 julian)
{
  GDate date;
  char text[64];

  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* Translators: a date in a PDF brief, a strftime() format: "%d. %b %Y"
   * in German. Month names follow the locale. */
  if (g_date_strftime (text, sizeof text, _("%d %b %Y"), &date) == 0)
    return NULL;
  return g_strdup (text);
}

char *
abm_brief_format_date (const char *date)
{
  GDate parsed;

  if (date == NULL || !abm_date_parse (date, &parsed))
    return NULL;
  return abm_brief_format_julian (g_date_get_julian (&parsed));
}

char *
abm_brief_format_money (double      amount,
                        const char *currency)
{
  return abm_render_text_compact_amount (amount, currency);
}

void
abm_brief_add_empty (AbmPageFlow *flow,
                     const char  *text)
{
  abm_page_flow_text (flow, ABM_FLOW_DIM, ABM_FLOW_INK_DIM, 0, text);
}

typedef struct {
  char       *label;
  char       *value;
  char       *caption;
  AbmFlowInk  ink;
} Tile;

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_free (tile->label);
  g_free (tile->value);
  g_free (tile->caption);
  g_free (tile);
}

static void
draw_tile (gconstpointer  data,
           cairo_t       *cr,
           double         width,
           double         height)
{
  const Tile *tile = data;
  double y = 8;

  cairo_set_source_rgb (cr, 0.96, 0.965, 0.975);
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - 5, 5, 5, -G_PI / 2, 0);
  cairo_arc (cr, width - 5, height - 5, 5, 0, G_PI / 2);
  cairo_arc (cr, 5, height - 5, 5, G_PI / 2, G_PI);
  cairo_arc (cr, 5, 5, 5, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  y += abm_page_flow_show_text (cr, ABM_FLOW_SMALL, ABM_FLOW_INK_DIM, tile->label, 10, y, width - 20,
                                PANGO_ALIGN_LEFT);
  y += abm_page_flow_show_text (cr, ABM_FLOW_LARGE_NUMBER, ABM_FLOW_INK_TEXT, tile->value, 10, y, width - 20,
                                PANGO_ALIGN_LEFT);
  if (tile->caption != NULL)
    abm_page_flow_show_text (cr, ABM_FLOW_SMALL, tile->ink, tile->caption, 10, y, width - 20, PANGO_ALIGN_LEFT);
}

void
abm_brief_add_tiles (AbmPageFlow        *flow,
                     const char * const *labels,
                     const char * const *values,
                     const char * const *captions,
                     const AbmFlowInk   *inks,
                     guint               n_tiles)
{
  const double gap = 10, height = 72;
  double width = (abm_page_flow_get_width (flow) - gap * (n_tiles - 1)) / n_tiles;
  double y;

  abm_page_flow_ensure (flow, height);
  y = abm_page_flow_get_y (flow);
  for (guint i = 0; i < n_tiles; i++)
    {
      Tile *tile = g_new0 (Tile, 1);

      tile->label = g_strdup (labels[i]);
      tile->value = g_strdup (values[i] != NULL ? values[i] : "–");
      tile->caption = g_strdup (captions[i]);
      tile->ink = inks[i];
      abm_page_flow_place (flow, i * (width + gap), y, width, height, draw_tile, tile, tile_free);
    }
  abm_page_flow_space (flow, height + 10);
}

typedef struct {
  gpointer            data;
  GPtrArray          *keep;
  AbmBriefRenderFunc  render;
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_free (chart->data);
  g_ptr_array_unref (chart->keep);
  g_free (chart);
}

static void
draw_chart (gconstpointer  data,
            cairo_t       *cr,
            double         width,
            double         height)
{
  const Chart *chart = data;

  chart->render (chart->data, cr, width, height);
}

void
abm_brief_add_chart (AbmPageFlow        *flow,
                     double              height,
                     AbmBriefRenderFunc  render,
                     gconstpointer       data,
                     gsize               size,
                     GPtrArray          *keep)
{
  Chart *chart = g_new0 (Chart, 1);

  chart->data = g_memdup2 (data, size);
  chart->keep = keep;
  chart->render = render;
  abm_page_flow_figure (flow, height, draw_chart, chart, chart_free);
}

const char *
abm_brief_keep (GPtrArray  *keep,
                const char *text)
{
  char *copy = g_strdup (text);

  if (copy != NULL)
    g_ptr_array_add (keep, copy);
  return copy;
}

GPtrArray *
abm_brief_cells_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

void
abm_brief_add_table (AbmPageFlow        *flow,
                     GPtrArray          *cells,
                     const char * const *header,
                     const double       *widths,
                     const gboolean     *numeric,
                     guint               n_columns)
{
  abm_page_flow_table (flow, header, widths, numeric, n_columns, (const char * const *) cells->pdata,
                       cells->len / n_columns);
}

/* The document */

static char *
author_name (const AbmBriefOptions *options)
{
  const char *name = options != NULL ? options->author : NULL;

  if (name == NULL || *name == '\0')
    name = g_get_real_name ();
  if (name == NULL || *name == '\0' || strcmp (name, "Unknown") == 0)
    name = g_get_user_name ();
  return g_strdup (name);
}

AbmBriefDocument *
abm_brief_document_begin (AbmWorkspace          *workspace,
                          const AbmBriefOptions *options,
                          const char            *title,
                          const char            *subject)
{
  AbmBriefDocument *document = g_new0 (AbmBriefDocument, 1);
  g_autofree char *date = NULL;
  double width, height;

  document->paper = options != NULL && options->paper < ABM_N_PAPERS ? options->paper : ABM_PAPER_A4;
  document->created = options != NULL && options->now != NULL ? g_date_time_ref (options->now)
                                                                : g_date_time_new_now_local ();
  document->title = g_strdup (title);
  document->subject = g_strdup (subject);
  document->author = author_name (options);
  abm_paper_get_size (document->paper, &width, &height);
  document->flow = abm_page_flow_new (width, height);
  date = abm_brief_format_julian (abm_brief_julian_of_now (document->created));
  abm_page_flow_set_header (document->flow, abm_workspace_get_name (workspace), title, date);
  return document;
}

void
abm_brief_document_free (AbmBriefDocument *document)
{
  if (document == NULL)
    return;
  g_clear_pointer (&document->flow, abm_page_flow_free);
  g_clear_pointer (&document->created, g_date_time_unref);
  g_free (document->title);
  g_free (document->subject);
  g_free (document->author);
  g_free (document);
}

const char *
abm_brief_document_get_title (AbmBriefDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);
  return document->title;
}

guint
abm_brief_document_get_n_pages (AbmBriefDocument *document)
{
  g_return_val_if_fail (document != NULL, 0);
  return abm_page_flow_get_n_pages (document->flow);
}

void
abm_brief_document_draw_page (AbmBriefDocument *document,
                              cairo_t          *cr,
                              guint             page,
                              double            width_pt,
                              double            height_pt)
{
  g_return_if_fail (document != NULL);
  g_return_if_fail (page < abm_page_flow_get_n_pages (document->flow));
  abm_page_flow_draw_page (document->flow, cr, page, width_pt, height_pt);
}

static void
set_metadata (AbmBriefDocument *document,
              cairo_surface_t  *surface)
{
  g_autofree char *created = g_date_time_format (document->created, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, document->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, document->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ABM Planner");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* An entry per section, and per part under its section. */
static void
add_outline (AbmBriefDocument *document,
             cairo_surface_t  *surface)
{
  GArray *outline = abm_page_flow_get_outline (document->flow);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < outline->len; i++)
    {
      AbmFlowOutline *entry = &g_array_index (outline, AbmFlowOutline, i);
      g_autofree char *link = g_strdup_printf ("page=%u pos=[0 %.0f]", entry->page + 1, MAX (entry->y - 12, 0));
      int id = cairo_pdf_surface_add_outline (surface, entry->level == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                              entry->title, link, 0);

      if (entry->level == 0)
        parent = id;
    }
}

gboolean
abm_brief_document_write_pdf (AbmBriefDocument *document,
                              const char       *path,
                              GError          **error)
{
  g_autofree char *dir = NULL, *base = NULL, *temp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  int fd;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp, O_RDWR, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  abm_paper_get_size (document->paper, &width, &height);
  surface = cairo_pdf_surface_create (temp, width, height);
  set_metadata (document, surface);
  cr = cairo_create (surface);
  for (guint i = 0; i < abm_page_flow_get_n_pages (document->flow); i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", i + 1);
      gboolean landscape = abm_page_flow_is_landscape (document->flow, i);
      double w = landscape ? height : width, h = landscape ? width : height;

      cairo_pdf_surface_set_size (surface, w, h);
      cairo_pdf_surface_set_page_label (surface, label);
      abm_page_flow_draw_page (document->flow, cr, i, w, h);
      cairo_show_page (cr);
    }
  add_outline (document, surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      g_set_error (error, ABM_BRIEF_ERROR, ABM_BRIEF_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* "Northwind Bank.pdf": the name without what some file systems refuse
 * (/ \ : * ? " < > | and control characters) or hide (a leading dot). */
char *
abm_brief_file_name (AbmAccount *account)
{
  const char *name;
  GString *out;

  g_return_val_if_fail (ABM_IS_ACCOUNT (account), NULL);

  name = abm_account_get_name (account);
  out = g_string_new (NULL);
  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  while (out->len > 0 && (out->str[0] == '.' || out->str[0] == ' '))
    g_string_erase (out, 0, 1);
  /* Room for ".pdf" within the 255 bytes most file systems allow. */
  if (out->len > 200)
    {
      gsize cut = 200;

      while (cut > 0 && (out->str[cut] & 0xc0) == 0x80)
        cut--;
      g_string_truncate (out, cut);
    }
  if (out->len == 0)
    g_string_assign (out, _("Account"));
  g_string_append (out, ".pdf");
  return g_string_free (out, FALSE);
}
