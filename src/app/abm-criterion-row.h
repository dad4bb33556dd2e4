/* abm-criterion-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-icp.h"

G_BEGIN_DECLS

#define ABM_TYPE_CRITERION_ROW (abm_criterion_row_get_type ())
G_DECLARE_FINAL_TYPE (AbmCriterionRow, abm_criterion_row, ABM, CRITERION_ROW, AdwExpanderRow)

AbmCriterionRow *abm_criterion_row_new     (AbmIcp          *icp,
                                            guint            index);
void             abm_criterion_row_refresh (AbmCriterionRow *self);

G_END_DECLS
