/* abm-engagement-rules-dialog.h: the weights and thresholds of engagement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ENGAGEMENT_RULES_DIALOG (abm_engagement_rules_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmEngagementRulesDialog, abm_engagement_rules_dialog, ABM, ENGAGEMENT_RULES_DIALOG,
                      AdwPreferencesWindow)

AbmEngagementRulesDialog *abm_engagement_rules_dialog_new (GtkWindow    *parent,
                                                           AbmWorkspace *workspace);

G_END_DECLS
