/* abm-agenda-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_TYPE_AGENDA_DIALOG (abm_agenda_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AbmAgendaDialog, abm_agenda_dialog, ABM, AGENDA_DIALOG, AdwWindow)

/* The agenda of the week @now falls in (NULL: now). */
AbmAgendaDialog *abm_agenda_dialog_new (GtkWindow    *parent,
                                        AbmWorkspace *workspace,
                                        GDateTime    *now);

G_END_DECLS
