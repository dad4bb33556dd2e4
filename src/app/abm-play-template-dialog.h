/* abm-play-template-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_PLAY_TEMPLATE_DIALOG (abm_play_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlayTemplateDialog, abm_play_template_dialog, ABM, PLAY_TEMPLATE_DIALOG, AdwWindow)

AbmPlayTemplateDialog *abm_play_template_dialog_new (GtkWindow           *parent,
                                                     AbmWorkspace        *workspace,
                                                     AbmPlayTemplateKind  kind);

G_END_DECLS
