/* abm-print-operation.c: a brief printed with the pages of its PDF
 *
 * The pages are drawn by the same renderer as the PDF, in the points of
 * the brief's paper, scaled to whatever the printer's page is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "abm-print-operation.h"

struct _AbmPrintOperation
{
  GtkPrintOperation  parent_instance;

  AbmBriefDocument  *document;
  AbmPaper           paper;
};

G_DEFINE_FINAL_TYPE (AbmPrintOperation, abm_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
abm_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  AbmPrintOperation *self = ABM_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation, abm_brief_document_get_n_pages (self->document));
}

static void
abm_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page)
{
  AbmPrintOperation *self = ABM_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width, page_height, scale;

  abm_paper_get_size (self->paper, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  /* Centred, for a page a little wider or taller than the brief's. */
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  abm_brief_document_draw_page (self->document, cr, (guint) page, page_width, page_height);
  cairo_restore (cr);
}

static void
abm_print_operation_finalize (GObject *object)
{
  AbmPrintOperation *self = ABM_PRINT_OPERATION (object);

  g_clear_pointer (&self->document, abm_brief_document_free);

  G_OBJECT_CLASS (abm_print_operation_parent_class)->finalize (object);
}

static void
abm_print_operation_class_init (AbmPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = abm_print_operation_finalize;
  operation_class->begin_print = abm_print_operation_begin_print;
  operation_class->draw_page = abm_print_operation_draw_page;
}

static void
abm_print_operation_init (AbmPrintOperation *self)
{
}

AbmPrintOperation *
abm_print_operation_new (AbmBriefDocument *document,
                         AbmPaper          paper)
{
  AbmPrintOperation *self;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (ABM_TYPE_PRINT_OPERATION,
                       "job-name", abm_brief_document_get_title (document),
                       "unit", GTK_UNIT_POINTS,
                       /* The brief has its own margins. */
                       "use-full-page", TRUE,
                       "allow-async", TRUE,
                       NULL);
  self->document = document;
  self->paper = paper;

  size = gtk_paper_size_new (paper == ABM_PAPER_LETTER ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  return self;
}
