/* abm-tier-panel.h: the Targets view's side panel on tiers and capacity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_TIER_PANEL (abm_tier_panel_get_type ())
G_DECLARE_FINAL_TYPE (AbmTierPanel, abm_tier_panel, ABM, TIER_PANEL, AdwBin)

void      abm_tier_panel_set_workspace   (AbmTierPanel  *self,
                                          AbmWorkspace  *workspace);
/* Suggest Tiers without asking (what the confirmation's "Suggest" does);
 * offers Undo in a toast. Returns how many accounts changed tier. */
gboolean  abm_tier_panel_suggest         (AbmTierPanel  *self,
                                          guint         *n_changed,
                                          GError       **error);
/* Puts back the tiers the last suggestion changed. */
gboolean  abm_tier_panel_undo_suggestion (AbmTierPanel  *self,
                                          GError       **error);

G_END_DECLS
