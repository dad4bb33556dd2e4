/* fuzz-common.h: what the workspace harnesses share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-workspace.h"

G_BEGIN_DECLS

/* A GLib warning or critical aborts, so the fuzzer reports it as a crash;
 * anything quieter is dropped. */
void   fuzz_fatal_logging      (void);

/* A new private folder for the harness's files, removed at exit. */
char  *fuzz_make_temp_dir      (void);

/* Puts @data in @path, keeping the file's inode (the file guard keeps a
 * descriptor per inode for the life of the process), and removes any
 * SQLite sidecars of an earlier run. */
void   fuzz_write_file         (const char   *path,
                                const guint8 *data,
                                gsize         size);

/* Opens @path as the app would (read-only when @read_only), reads
 * everything the views read, and closes it. A refused file must be left
 * byte for byte as it was, with no log that would change it later. */
void   fuzz_open_workspace     (const char   *path,
                                gboolean      read_only);

G_END_DECLS
