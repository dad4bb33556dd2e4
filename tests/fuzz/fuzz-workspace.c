/* fuzz-workspace.c: libFuzzer harness for opening a workspace file
 *
 * The input is a whole file, opened as the app opens a file from a
 * stranger: usually for writing (migrations, the write-ahead log), one
 * input in four read-only, as abmctl reads. What opens is read as the
 * views read it (fuzz-common.c); what is refused must be left as it was.
 * Whole SQLite files mutate slowly: tests/fuzz/corpus/workspace holds real
 * and hostile workspaces with 512-byte pages to start from, and
 * fuzz-workspace-sql.c reaches hostile schemas faster.
 *
 * Built with -Dfuzzing=true (README, "Fuzzing"); without it, the committed
 * corpus and regressions are replayed by the fuzz suite of meson test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *path;

  if (path == NULL)
    {
      g_autofree char *dir = fuzz_make_temp_dir ();

      fuzz_fatal_logging ();
      path = g_build_filename (dir, "fuzz.abm", NULL);
    }

  fuzz_write_file (path, data, size);
  fuzz_open_workspace (path, size % 4 == 1);
  return 0;
}
