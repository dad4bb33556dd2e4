/* fuzz-csv.c: libFuzzer harness for the CSV reader
 *
 * Built with -Dfuzzing=true (README, "Fuzzing"); without it, the committed
 * corpus and regressions are replayed by the fuzz suite of meson test.
 *
 * Each input is read from memory, and one in eight again a byte at a time
 * after a first chunk of filler, so every parser state meets a chunk
 * boundary; the two must agree. Every field must be valid UTF-8. The last
 * byte of the input picks the settings: detected, forced UTF-8, forced
 * Windows-1252, or a forced semicolon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "abm-csv-reader.h"

#define FILLER_SIZE (64 * 1024)

#define FUZZ_TYPE_TRICKLE_STREAM (fuzz_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, FUZZ, TRICKLE_STREAM, GInputStream)

struct _FuzzTrickleStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize pos;
  gsize step;
};

G_DEFINE_FINAL_TYPE (FuzzTrickleStream, fuzz_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
fuzz_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  FuzzTrickleStream *self = FUZZ_TRICKLE_STREAM (stream);
  gsize len;
  const guint8 *data = g_bytes_get_data (self->bytes, &len);
  gsize n = MIN (count, len - self->pos);

  if (self->pos >= FILLER_SIZE)
    n = MIN (n, self->step);
  else
    n = MIN (n, FILLER_SIZE - self->pos);
  memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return n;
}

static void
fuzz_trickle_stream_finalize (GObject *object)
{
  g_bytes_unref (FUZZ_TRICKLE_STREAM (object)->bytes);
  G_OBJECT_CLASS (fuzz_trickle_stream_parent_class)->finalize (object);
}

static void
fuzz_trickle_stream_class_init (FuzzTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fuzz_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = fuzz_trickle_stream_read;
}

static void
fuzz_trickle_stream_init (FuzzTrickleStream *self)
{
}

static GString *
read_all (AbmCsvReader  *reader,
          guint64        line_base,
          GError       **error)
{
  GString *out = g_string_new (NULL);
  const char *const *fields;
  guint n_fields;
  guint64 last_line = 0;

  while (abm_csv_reader_read_record (reader, &n_fields, &fields, error))
    {
      guint64 line = abm_csv_reader_get_line (reader);

      if (n_fields == 0 || fields[n_fields] != NULL || line <= last_line)
        abort ();
      last_line = line;
      g_string_append_printf (out, "@%" G_GUINT64_FORMAT, line - line_base);
      for (guint i = 0; i < n_fields; i++)
        {
          if (!g_utf8_validate (fields[i], -1, NULL))
            abort ();
          g_string_append_c (out, '[');
          g_string_append (out, fields[i]);
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '\n');
    }
  return out;
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data ((const char *) data, size);
  g_autoptr(AbmCsvReader) trickle = NULL;
  g_autoptr(GByteArray) input = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) trickle_error = NULL;
  g_autoptr(GString) records = NULL;
  g_autoptr(GString) trickled = NULL;
  FuzzTrickleStream *trickle_stream;

  switch (size > 0 ? data[size - 1] & 3 : 0)
    {
    case 1:
      abm_csv_reader_set_encoding (reader, "UTF-8");
      break;
    case 2:
      abm_csv_reader_set_encoding (reader, "WINDOWS-1252");
      break;
    case 3:
      abm_csv_reader_set_delimiter (reader, ';');
      break;
    default:
      break;
    }
  records = read_all (reader, 0, &error);
  if (error != NULL && (error->domain != ABM_CSV_ERROR || error->message[0] == '\0'))
    abort ();
  if (abm_csv_reader_get_bytes_read (reader) > (goffset) size)
    abort ();

  /* A byte order mark is one only at the start, so it cannot be moved.
   * Parsing the filler costs most of a run, so only one input in eight,
   * picked by its bytes, is read again. */
  if (size == 0 || data[0] == 0xEF || data[0] == 0xFE || data[0] == 0xFF ||
      (data[0] + data[size / 2] + size) % 8 != 0)
    return 0;

  input = g_byte_array_sized_new (FILLER_SIZE + size);
  g_byte_array_set_size (input, FILLER_SIZE);
  memset (input->data, '\n', FILLER_SIZE);
  g_byte_array_append (input, data, size);
  trickle_stream = g_object_new (FUZZ_TYPE_TRICKLE_STREAM, NULL);
  trickle_stream->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&input));
  trickle_stream->step = 1 + size % 3;
  stream = G_INPUT_STREAM (trickle_stream);
  trickle = abm_csv_reader_new_for_stream (stream, NULL);
  abm_csv_reader_set_delimiter (trickle, abm_csv_reader_get_delimiter (reader));
  abm_csv_reader_set_encoding (trickle, abm_csv_reader_get_encoding (reader));
  trickled = read_all (trickle, FILLER_SIZE, &trickle_error);

  if (!g_string_equal (records, trickled))
    abort ();
  if ((error == NULL) != (trickle_error == NULL))
    abort ();
  if (error != NULL && error->code != trickle_error->code)
    abort ();
  return 0;
}
