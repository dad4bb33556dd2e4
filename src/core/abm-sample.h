/* abm-sample.h: a realistic, deterministic sample program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-workspace.h"

G_BEGIN_DECLS

GPtrArray    *abm_sample_accounts          (guint        n_accounts,
                                            guint32      seed);
AbmWorkspace *abm_sample_create_workspace  (const char  *path,
                                            guint        n_accounts,
                                            guint32      seed,
                                            GError     **error);

G_END_DECLS
