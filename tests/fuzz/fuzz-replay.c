/* fuzz-replay.c: runs a libFuzzer harness over saved inputs, without libFuzzer
 *
 * Linked with each harness in every build, so the committed corpus and the
 * inputs that once found a bug run in the fuzz suite of meson test, under
 * gcc, in seconds. Each argument is an input file or a folder of them; the
 * output is TAP, one test per file. A harness reports a failure by
 * aborting, as it does for libFuzzer, so the first bad input ends the run
 * with its name on the last line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A harness may have no regressions yet. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] != '.')
        g_ptr_array_add (files, g_build_filename (path, name, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_paths);
  if (files->len == 0)
    {
      printf ("1..0 # SKIP no inputs\n");
      return 0;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = files->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      g_autofree guint8 *input = NULL;
      gsize size = 0;

      printf ("# %s\n", file);
      fflush (stdout);
      if (!g_file_get_contents (file, &data, &size, &error))
        {
          printf ("not ok %u - %s\n", i + 1, error->message);
          return 1;
        }
      /* libFuzzer's buffers end where the input does: so do these. */
      input = g_malloc (MAX (size, 1));
      memcpy (input, data, size);
      LLVMFuzzerTestOneInput (input, size);
      printf ("ok %u - %s\n", i + 1, file);
    }
  return 0;
}
