/* abm-brief.h: PDF briefs of an account and the program summary
 *
 * A brief is built in two steps. Building the document reads everything
 * it shows from the workspace (on the thread that owns it) and lays it
 * out into pages; the document then holds its own copies, so drawing its
 * pages or writing it as a PDF touches no workspace and may run on any
 * thread (batch export does, printing draws the same pages).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_BRIEF_ERROR (abm_brief_error_quark ())

typedef enum {
  ABM_BRIEF_ERROR_FAILED,
} AbmBriefError;

typedef enum {
  ABM_PAPER_A4,        /* 595 × 842 pt */
  ABM_PAPER_LETTER,    /* 612 × 792 pt */
  ABM_N_PAPERS
} AbmPaper;

GQuark      abm_brief_error_quark       (void);

const char *abm_paper_key               (AbmPaper  paper);     /* "a4", "letter" */
const char *abm_paper_label             (AbmPaper  paper);
gboolean    abm_paper_from_key          (const char *key,
                                         AbmPaper  *paper);
/* Letter where the locale's LC_PAPER (or, failing that, its territory:
 * US, CA, MX, PH, ...) says so; A4 elsewhere. */
AbmPaper    abm_paper_for_locale        (void);
void        abm_paper_get_size          (AbmPaper  paper,
                                         double   *width_pt,
                                         double   *height_pt);

typedef struct {
  AbmPaper    paper;
  GDateTime  *now;        /* the brief's date and "today"; NULL: now */
  const char *author;     /* PDF metadata; NULL: the user's real name */
} AbmBriefOptions;

typedef struct _AbmBriefDocument AbmBriefDocument;

/* An account's brief: a first page that stands alone (name, tier, owners,
 * journey stage, fit score and its top reasons, engagement and its trend,
 * pipeline, the three next steps that matter most, committee gaps), then
 * the org chart, the plan, the plays, the deals and recent activity. */
AbmBriefDocument *abm_brief_document_new_account (AbmWorkspace          *workspace,
                                                  AbmAccount            *account,
                                                  const AbmBriefOptions *options,
                                                  GError               **error);
/* The program summary: tier pyramid, KPIs by tier, funnel, top accounts
 * by engagement, heating and cooling accounts, capacity warnings and next
 * week's review agenda. */
AbmBriefDocument *abm_brief_document_new_summary (AbmWorkspace          *workspace,
                                                  const AbmBriefOptions *options,
                                                  GError               **error);
void        abm_brief_document_free     (AbmBriefDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmBriefDocument, abm_brief_document_free)

const char *abm_brief_document_get_title   (AbmBriefDocument *document);
guint       abm_brief_document_get_n_pages (AbmBriefDocument *document);
/* Draws page @page (from 0) onto @cr, whose user space is @width_pt ×
 * @height_pt points (a print context scales it to the paper). */
void        abm_brief_document_draw_page   (AbmBriefDocument *document,
                                            cairo_t          *cr,
                                            guint             page,
                                            double            width_pt,
                                            double            height_pt);
/* Writes the document as a PDF with its metadata, outline and page
 * labels, to a temporary file first so @path never holds half a PDF. */
gboolean    abm_brief_document_write_pdf   (AbmBriefDocument *document,
                                            const char       *path,
                                            GError          **error);

/* The file name a brief of @account is given in a batch: "Northwind
 * Bank.pdf", made safe for any file system. */
char       *abm_brief_file_name            (AbmAccount       *account);

G_END_DECLS
