/* abm-clusters-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_CLUSTERS_DIALOG (abm_clusters_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmClustersDialog, abm_clusters_dialog, ABM, CLUSTERS_DIALOG, AdwWindow)

AbmClustersDialog *abm_clusters_dialog_new (GtkWindow    *parent,
                                            AbmWorkspace *workspace);

G_END_DECLS
