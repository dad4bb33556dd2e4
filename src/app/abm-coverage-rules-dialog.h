/* abm-coverage-rules-dialog.h: which committee roles count, and how much
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_COVERAGE_RULES_DIALOG (abm_coverage_rules_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmCoverageRulesDialog, abm_coverage_rules_dialog, ABM, COVERAGE_RULES_DIALOG, AdwPreferencesWindow)

AbmCoverageRulesDialog *abm_coverage_rules_dialog_new (GtkWindow    *parent,
                                                       AbmWorkspace *ws);

G_END_DECLS
