/* abm-csv-writer.h: accounts as CSV, safe to open in a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-icp.h"

G_BEGIN_DECLS

void     abm_csv_append_field     (GString       *line,
                                   const char    *field);
/* @custom names the custom fields to add as columns, or is NULL. */
void     abm_csv_append_header    (GString            *line,
                                   const char *const  *custom);
void     abm_csv_append_account   (GString            *line,
                                   AbmAccount         *account,
                                   AbmIcp             *icp,
                                   const char *const  *custom);
gboolean abm_csv_write_accounts   (GListModel    *accounts,
                                   AbmIcp        *icp,
                                   const char *const *custom,
                                   GOutputStream *stream,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
