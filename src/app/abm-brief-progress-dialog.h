/* abm-brief-progress-dialog.h: how far a batch of briefs is, and Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-brief-export.h"

G_BEGIN_DECLS

#define ABM_TYPE_BRIEF_PROGRESS_DIALOG (abm_brief_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmBriefProgressDialog, abm_brief_progress_dialog, ABM, BRIEF_PROGRESS_DIALOG, AdwMessageDialog)

/* Follows @export's files; Cancel cancels @cancellable. */
AbmBriefProgressDialog *abm_brief_progress_dialog_new (GtkWindow      *parent,
                                                       AbmBriefExport *export,
                                                       GCancellable   *cancellable);

G_END_DECLS
