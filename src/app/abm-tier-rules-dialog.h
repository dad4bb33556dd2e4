/* abm-tier-rules-dialog.h: how tiers are filled, and the team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_TIER_RULES_DIALOG (abm_tier_rules_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmTierRulesDialog, abm_tier_rules_dialog, ABM, TIER_RULES_DIALOG, AdwPreferencesWindow)

AbmTierRulesDialog *abm_tier_rules_dialog_new (GtkWindow    *parent,
                                               AbmWorkspace *workspace);

G_END_DECLS
