/* abm-snapshots-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_SNAPSHOTS_DIALOG (abm_snapshots_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmSnapshotsDialog, abm_snapshots_dialog, ABM, SNAPSHOTS_DIALOG, AdwWindow)

AbmSnapshotsDialog *abm_snapshots_dialog_new (GtkWindow    *parent,
                                              AbmWorkspace *workspace);

G_END_DECLS
