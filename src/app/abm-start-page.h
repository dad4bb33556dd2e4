/* abm-start-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ABM_TYPE_START_PAGE (abm_start_page_get_type ())
G_DECLARE_FINAL_TYPE (AbmStartPage, abm_start_page, ABM, START_PAGE, AdwBin)

void abm_start_page_set_settings (AbmStartPage *self,
                                  GSettings    *settings);

G_END_DECLS
