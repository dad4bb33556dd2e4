/* abm-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ABM_TYPE_APPLICATION (abm_application_get_type ())
G_DECLARE_FINAL_TYPE (AbmApplication, abm_application, ABM, APPLICATION, AdwApplication)

AbmApplication *abm_application_new               (void);
GSettings      *abm_application_get_settings      (AbmApplication *self);
void            abm_application_note_recent       (AbmApplication *self,
                                                   const char     *path);
void            abm_application_forget_recent     (AbmApplication *self,
                                                   const char     *path);

G_END_DECLS
