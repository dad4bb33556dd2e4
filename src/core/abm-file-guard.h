/* abm-file-guard.h: who may write a workspace file, and its SQLite sidecars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ABM_FILE_LOCK_TAKEN,
  ABM_FILE_LOCK_HELD_HERE,       /* by another workspace in this process */
  ABM_FILE_LOCK_HELD_ELSEWHERE,  /* by another process */
  ABM_FILE_LOCK_NOT_WRITABLE,
  ABM_FILE_LOCK_FAILED,
} AbmFileLockResult;

char              *abm_file_guard_key          (const char *path);
gssize             abm_file_guard_read         (const char *key,
                                                const char *path,
                                                void       *buffer,
                                                gsize       size,
                                                int        *errno_out);
AbmFileLockResult  abm_file_guard_lock         (const char *key,
                                                const char *path,
                                                int        *errno_out);
void               abm_file_guard_unlock       (const char *key);
/* Closes the kept descriptor of a file this process no longer uses nor
 * locks (a working copy it removed), so that its space is freed. */
void               abm_file_guard_forget       (const char *key);
void               abm_file_guard_add_user     (const char *key);
void               abm_file_guard_remove_user  (const char *key);
gboolean           abm_file_guard_in_use       (const char *key,
                                                const char *path);
void               abm_file_guard_remove_sidecars (const char *path,
                                                   gboolean    with_journal);

G_END_DECLS
