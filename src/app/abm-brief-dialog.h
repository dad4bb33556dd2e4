/* abm-brief-dialog.h: the paper of a brief, asked before its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-brief.h"

G_BEGIN_DECLS

#define ABM_TYPE_BRIEF_DIALOG (abm_brief_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmBriefDialog, abm_brief_dialog, ABM, BRIEF_DIALOG, AdwMessageDialog)

/* Shows the paper of the "paper-size" key of @settings, or the locale's
 * when it is empty; the "export" response remembers the choice. */
AbmBriefDialog *abm_brief_dialog_new       (GtkWindow      *parent,
                                            GSettings      *settings,
                                            const char     *heading,
                                            const char     *body,
                                            const char     *accept);
AbmPaper        abm_brief_dialog_get_paper (AbmBriefDialog *self);

/* The paper of @settings' "paper-size" key, or the locale's. */
AbmPaper        abm_brief_paper_setting    (GSettings      *settings);

G_END_DECLS
