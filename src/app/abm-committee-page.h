/* abm-committee-page.h: an account's buying committee
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-stakeholder-dialog.h"
#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_COMMITTEE_PAGE (abm_committee_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmCommitteePage, abm_committee_page, ABM, COMMITTEE_PAGE, AdwBin)

void        abm_committee_page_set_account     (AbmCommitteePage  *self,
                                                AbmWorkspace      *workspace,
                                                AbmAccount        *account);
GListModel *abm_committee_page_get_people      (AbmCommitteePage  *self);
/* What Import Contacts… does with the chosen file; reports in a dialog. */
gboolean    abm_committee_page_import_contacts (AbmCommitteePage  *self,
                                                GFile             *file,
                                                GError           **error);

/* Opens the person editor (a new person when @person is NULL). */
AbmStakeholderDialog *abm_committee_page_edit  (AbmCommitteePage  *self,
                                                AbmStakeholder    *person);
/* What dragging a card onto another does: stored, Undo offered. */
gboolean    abm_committee_page_reparent        (AbmCommitteePage  *self,
                                                gint64             id,
                                                gint64             new_manager,
                                                GError           **error);

G_END_DECLS
