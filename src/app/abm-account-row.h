/* abm-account-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_ACCOUNT_ROW (abm_account_row_get_type ())
G_DECLARE_FINAL_TYPE (AbmAccountRow, abm_account_row, ABM, ACCOUNT_ROW, GtkBox)

AbmAccountRow *abm_account_row_new       (void);
AbmAccount    *abm_account_row_get_account (AbmAccountRow    *self);
void           abm_account_row_set_account (AbmAccountRow    *self,
                                            AbmAccount       *account);
/* Flags the row: its plan is past its review date or untouched. */
/* The account's engagement score and trend; NULL or no activity hides it. */
void           abm_account_row_set_engagement (AbmAccountRow   *self,
                                               const AbmEngagement *engagement);
void           abm_account_row_set_staleness (AbmAccountRow    *self,
                                              AbmPlanStaleness  staleness);

G_END_DECLS
