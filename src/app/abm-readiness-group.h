/* abm-readiness-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_READINESS_GROUP (abm_readiness_group_get_type ())
G_DECLARE_FINAL_TYPE (AbmReadinessGroup, abm_readiness_group, ABM, READINESS_GROUP, AdwPreferencesGroup)

void    abm_readiness_group_set_workspace (AbmReadinessGroup *self,
                                           AbmWorkspace      *workspace);
/* The deal size the ACV hint compares with, in the workspace currency;
 * ABM_READINESS_DEFAULT_MIN_ACV until set. */
double  abm_readiness_group_get_min_acv   (AbmReadinessGroup *self);
void    abm_readiness_group_set_min_acv   (AbmReadinessGroup *self,
                                           double             min_acv);

G_END_DECLS
