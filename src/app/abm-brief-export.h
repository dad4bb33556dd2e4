/* abm-brief-export.h: briefs written as PDF files, one or a batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-brief.h"
#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_BRIEF_EXPORT (abm_brief_export_get_type ())
G_DECLARE_FINAL_TYPE (AbmBriefExport, abm_brief_export, ABM, BRIEF_EXPORT, GObject)

/* Writes @account's brief, or the program summary when @account is NULL,
 * to @file: what Export Brief… and Export Program Summary… do once a
 * file is chosen. */
gboolean        abm_brief_export_write           (AbmWorkspace        *workspace,
                                                  AbmAccount          *account,
                                                  AbmPaper             paper,
                                                  GFile               *file,
                                                  GError             **error);

/* The accounts of @tier, in the workspace's order. */
GPtrArray      *abm_brief_export_tier_accounts   (AbmWorkspace        *workspace,
                                                  guint                tier);

/* A batch: a brief per account of @accounts (AbmAccount) into @folder,
 * each named by abm_brief_file_name(). */
AbmBriefExport *abm_brief_export_new             (AbmWorkspace        *workspace,
                                                  GPtrArray           *accounts,
                                                  GFile               *folder,
                                                  AbmPaper             paper);
guint           abm_brief_export_get_n_accounts  (AbmBriefExport      *self);
/* "n-written" is notified, on the main thread, as each file is written. */
guint           abm_brief_export_get_n_written   (AbmBriefExport      *self);
GFile          *abm_brief_export_get_folder      (AbmBriefExport      *self);
/* Each document is built on this thread (it reads the workspace) and
 * written on a worker thread. @cancellable stops the batch between two
 * files: the ones written stay, none is left half written. */
void            abm_brief_export_run_async       (AbmBriefExport      *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        abm_brief_export_run_finish      (AbmBriefExport      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
