/* abm-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-application.h"
#include "abm-brief.h"
#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_WINDOW (abm_window_get_type ())
G_DECLARE_FINAL_TYPE (AbmWindow, abm_window, ABM, WINDOW, AdwApplicationWindow)

AbmWindow    *abm_window_new                 (AbmApplication *application);
AbmWorkspace *abm_window_get_workspace       (AbmWindow      *self);
const char   *abm_window_get_workspace_path  (AbmWindow      *self);

/* Interactive: they ask with dialogs and report failures in the window. */
void          abm_window_new_workspace       (AbmWindow      *self);
void          abm_window_choose_workspace    (AbmWindow      *self);
void          abm_window_open_workspace      (AbmWindow      *self,
                                              const char     *path);
void          abm_window_open_sample         (AbmWindow      *self);

/* Direct: for the interactive paths above and for tests. */
gboolean      abm_window_load_workspace      (AbmWindow      *self,
                                              const char     *path,
                                              GError        **error);
gboolean      abm_window_create_workspace    (AbmWindow      *self,
                                              const char     *path,
                                              const char     *name,
                                              const char     *currency,
                                              GError        **error);
void          abm_window_close_workspace     (AbmWindow      *self);
/* What Export Brief… (the selected account's brief, or the program
 * summary with @summary) does once a file is chosen; a toast says where. */
gboolean      abm_window_export_brief        (AbmWindow      *self,
                                              gboolean        summary,
                                              AbmPaper        paper,
                                              GFile          *file,
                                              GError        **error);
/* What Export Tier 1 Briefs… does once a folder is chosen: writes the
 * briefs of @accounts in the background, with progress and Cancel. */
void          abm_window_export_briefs       (AbmWindow      *self,
                                              GPtrArray      *accounts,
                                              AbmPaper        paper,
                                              GFile          *folder);
void          abm_window_offer_undo          (AbmWindow      *self,
                                              const char     *title,
                                              gint64          undo_id);

G_END_DECLS
