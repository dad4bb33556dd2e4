/* abm-play-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_PLAY_DIALOG (abm_play_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmPlayDialog, abm_play_dialog, ABM, PLAY_DIALOG, AdwMessageDialog)

/* Adds a play for @account (@play NULL) or edits @play, which may be its
 * cluster's. */
AbmPlayDialog *abm_play_dialog_new (GtkWindow    *parent,
                                    AbmWorkspace *workspace,
                                    AbmAccount   *account,
                                    AbmPlay      *play);

G_END_DECLS
