/* abm-print-operation.h: a brief printed with the pages of its PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-brief.h"

G_BEGIN_DECLS

#define ABM_TYPE_PRINT_OPERATION (abm_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (AbmPrintOperation, abm_print_operation, ABM, PRINT_OPERATION, GtkPrintOperation)

/* Prints @document (taken) on @paper by default; another paper in the
 * print dialog gets the same pages scaled to fit. */
AbmPrintOperation *abm_print_operation_new (AbmBriefDocument *document,
                                            AbmPaper          paper);

G_END_DECLS
