/* abm-kpi-strip.h: an account's KPIs at a glance, above its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_KPI_STRIP (abm_kpi_strip_get_type ())
G_DECLARE_FINAL_TYPE (AbmKpiStrip, abm_kpi_strip, ABM, KPI_STRIP, AdwBin)

void abm_kpi_strip_set_account (AbmKpiStrip  *self,
                                AbmWorkspace *workspace,
                                AbmAccount   *account);

G_END_DECLS
