/* abm-csv-reader.c: a streaming RFC 4180 reader for CRM exports
 *
 * This is the hot path of an import, so a record is parsed straight from the
 * input chunk into one reused buffer: each field is copied once, unescaped
 * and NUL-terminated in place, and read_record() hands out pointers into that
 * buffer, valid until the next call. There is no allocation per field or per
 * record once the buffers have grown to the largest record.
 *
 * What it accepts beyond RFC 4180, because CRM and spreadsheet exports do it:
 *  - records end at CRLF, LF or a lone CR; inside quotes all three are kept
 *    as they are, and count as one physical line each for line numbers;
 *  - completely empty lines are skipped; a line of only delimiters is a
 *    record of empty fields;
 *  - rows may have any number of fields; the caller decides what to do;
 *  - text after a closing quote is appended to the field ("ab"c gives abc,
 *    and a later quote in it is literal), as is a quote inside an unquoted
 *    field (ab"c gives ab"c): spreadsheets read both that way, and refusing a
 *    100,000-row import over one stray quote helps nobody;
 *  - a UTF-8 byte order mark is skipped.
 *
 * The first chunk (64 KiB) is sniffed when the reader is created: the
 * delimiter is the one of comma, semicolon and tab whose count per record is
 * most often the header's; the encoding is UTF-8 if the sample is valid
 * UTF-8, else Windows-1252. Both can be overridden before the first record.
 * UTF-8 input is validated record by record, so text that turns out not to be
 * UTF-8 after the sample is an error naming its line, never an invalid
 * string. Windows-1252 is decoded with a table rather than iconv: it is one
 * byte per character, glibc's iconv refuses its five unassigned bytes, and
 * the table maps those as the WHATWG Encoding Standard does (to U+0081 etc.),
 * so every byte string decodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-csv-reader.h"

#define CHUNK_SIZE (64 * 1024)
#define SNIFF_MAX_RECORDS 100
/* Cancellation is checked once per this many records (plus on every read
 * from the stream), which keeps it off the per-record cost. */
#define CANCEL_CHECK_MASK 0xff

typedef enum {
  ST_RECORD_START,
  ST_FIELD_START,
  ST_UNQUOTED,
  ST_QUOTED,
  ST_QUOTED_CR,        /* a CR inside quotes; a following LF joins it */
  ST_QUOTE_IN_QUOTED,  /* a quote inside quotes: doubled, or the closing one */
} State;

struct _AbmCsvReader
{
  GInputStream  *stream;       /* NULL when reading from memory */
  GBytes        *bytes;
  GCancellable  *cancellable;
  GError        *failure;      /* once set, every read returns it */

  guint8        *buffer;       /* CHUNK_SIZE bytes, stream mode only */
  const guint8  *chunk;
  gsize          chunk_len;
  gsize          pos;
  goffset        chunk_offset; /* of chunk[0] in the input */
  goffset        total_size;

  guint          eof : 1;
  guint          started : 1;
  guint          done : 1;
  guint          skip_lf : 1;  /* the last record ended with a CR */
  guint          windows_1252 : 1;
  guint          utf16 : 1;
  guint          bom_len;
  char           delimiter;

  guint64        line;         /* physical line at the read position */
  guint64        record_line;
  guint64        n_records;

  guint8        *record;
  gsize          record_len;
  gsize          record_size;
  gsize         *offsets;
  const char   **fields;       /* fields_size + 1 slots, NULL-terminated */
  guint          fields_size;
  guint          n_fields;

  /* Bytes that end a run of plain text in each state. */
  guint8         special_unquoted[256];
  guint8         special_quoted[256];
};

G_DEFINE_QUARK (abm-csv-error-quark, abm_csv_error)

/* Windows-1252 0x80–0x9F; 0xA0–0xFF are Latin-1, the same code points. */
static const guint16 cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
set_failure (AbmCsvReader *self,
             GQuark        domain,
             int           code,
             const char   *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
set_failure (AbmCsvReader *self,
             GQuark        domain,
             int           code,
             const char   *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_clear_error (&self->failure);
  self->failure = g_error_new_valist (domain, code, format, args);
  va_end (args);
}

/* Whether the sample is UTF-8. A sample cut short may end inside a
 * character, so a final incomplete sequence does not count against it. */
static gboolean
sample_is_utf8 (const guint8 *s,
                gsize         len,
                gboolean      whole)
{
  const char *text = (const char *) s;
  const char *end;

  if (!whole)
    {
      gsize i = len;

      while (i > 0 && len - i < 3 && (s[i - 1] & 0xC0) == 0x80)
        i--;
      if (i > 0 && s[i - 1] >= 0xC0)
        len = i - 1;
    }

  /* NULs are not this function's business: read_record() reports them. */
  while (!g_utf8_validate_len (text, len, &end))
    {
      if (*end != '\0')
        return FALSE;
      len -= end + 1 - text;
      text = end + 1;
    }
  return TRUE;
}

static const char delimiter_candidates[] = { ',', ';', '\t' };

/* Counts each candidate outside quotes in the first records, and picks the
 * one that appears in the header and has the header's count in the most
 * records; ties go to the larger count, then to the earlier candidate. */
static char
sniff_delimiter (const guint8 *s,
                 gsize         len,
                 gboolean      whole)
{
  guint counts[G_N_ELEMENTS (delimiter_candidates)][SNIFF_MAX_RECORDS];
  guint current[G_N_ELEMENTS (delimiter_candidates)] = { 0 };
  guint n = 0;
  gboolean in_quotes = FALSE;
  gboolean field_start = TRUE;
  gboolean has_content = FALSE;
  char best = ',';
  guint best_consistent = 0;
  guint best_count = 0;

  for (gsize i = 0; i < len && n < SNIFF_MAX_RECORDS; i++)
    {
      guint8 c = s[i];

      if (in_quotes)
        {
          if (c == '"')
            {
              if (i + 1 < len && s[i + 1] == '"')
                i++;
              else
                in_quotes = FALSE;
            }
          continue;
        }
      if (c == '\r' || c == '\n')
        {
          if (has_content)
            {
              for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
                {
                  counts[k][n] = current[k];
                  current[k] = 0;
                }
              n++;
            }
          has_content = FALSE;
          field_start = TRUE;
          continue;
        }
      has_content = TRUE;
      if (c == '"' && field_start)
        {
          in_quotes = TRUE;
          field_start = FALSE;
          continue;
        }
      field_start = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
        {
          if (c == (guint8) delimiter_candidates[k])
            {
              current[k]++;
              field_start = TRUE;
            }
        }
    }
  /* A sample cut short may have cut its last record short too. */
  if (whole && has_content && !in_quotes && n < SNIFF_MAX_RECORDS)
    {
      for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
        counts[k][n] = current[k];
      n++;
    }

  for (guint k = 0; k < G_N_ELEMENTS (delimiter_candidates); k++)
    {
      guint consistent = 0;

      if (n == 0 || counts[k][0] == 0)
        continue;
      for (guint j = 0; j < n; j++)
        consistent += counts[k][j] == counts[k][0];
      if (consistent > best_consistent ||
          (consistent == best_consistent && counts[k][0] > best_count))
        {
          best = delimiter_candidates[k];
          best_consistent = consistent;
          best_count = counts[k][0];
        }
    }
  return best;
}

static void
detect_format (AbmCsvReader *self)
{
  const guint8 *s = self->chunk;
  gsize len = MIN (self->chunk_len, CHUNK_SIZE);
  gboolean whole = self->eof && len == self->chunk_len;

  if (len >= 3 && memcmp (s, "\xEF\xBB\xBF", 3) == 0)
    {
      self->bom_len = 3;
      s += 3;
      len -= 3;
    }
  else if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
    {
      self->utf16 = TRUE;
      return;
    }

  self->windows_1252 = self->bom_len == 0 && !sample_is_utf8 (s, len, whole);
  self->delimiter = sniff_delimiter (s, len, whole);
}

static AbmCsvReader *
reader_new (void)
{
  AbmCsvReader *self = g_new0 (AbmCsvReader, 1);

  self->total_size = -1;
  self->delimiter = ',';
  self->line = 1;
  self->record_size = 4096;
  self->record = g_malloc (self->record_size);
  self->fields_size = 16;
  self->offsets = g_new (gsize, self->fields_size);
  self->fields = g_new (const char *, self->fields_size + 1);
  return self;
}

/**
 * abm_csv_reader_new_for_data:
 * @data: the CSV text; it is not copied and must outlive the reader
 * @len: its length in bytes
 *
 * Returns: (transfer full): a reader, with delimiter and encoding detected
 */
AbmCsvReader *
abm_csv_reader_new_for_data (const char *data,
                             gsize       len)
{
  AbmCsvReader *self;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  self = reader_new ();
  self->chunk = (const guint8 *) (data != NULL ? data : "");
  self->chunk_len = len;
  self->total_size = len;
  self->eof = TRUE;
  detect_format (self);
  return self;
}

/**
 * abm_csv_reader_new_for_bytes:
 * @bytes: the CSV text
 *
 * Returns: (transfer full): a reader that keeps a reference to @bytes
 */
AbmCsvReader *
abm_csv_reader_new_for_bytes (GBytes *bytes)
{
  AbmCsvReader *self;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  self = abm_csv_reader_new_for_data (data, len);
  self->bytes = g_bytes_ref (bytes);
  return self;
}

static AbmCsvReader *
reader_new_for_stream (GInputStream *stream,
                       const char   *display_name,
                       GError      **error)
{
  g_autoptr(AbmCsvReader) self = reader_new ();
  g_autoptr(GError) local_error = NULL;
  gsize n_read = 0;

  self->stream = g_object_ref (stream);
  self->buffer = g_malloc (CHUNK_SIZE);
  self->chunk = self->buffer;

  if (G_IS_FILE_INPUT_STREAM (stream))
    {
      g_autoptr(GFileInfo) info =
        g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        self->total_size = g_file_info_get_size (info);
    }

  /* The sample is a whole chunk even from a stream that returns less. */
  if (!g_input_stream_read_all (stream, self->buffer, CHUNK_SIZE, &n_read,
                                NULL, &local_error))
    {
      if (display_name != NULL)
        g_set_error (error, ABM_CSV_ERROR, ABM_CSV_ERROR_IO,
                     _("Could not read “%s”: %s"), display_name, local_error->message);
      else
        g_set_error (error, ABM_CSV_ERROR, ABM_CSV_ERROR_IO,
                     _("Could not read the file: %s"), local_error->message);
      return NULL;
    }
  self->chunk_len = n_read;
  self->eof = n_read < CHUNK_SIZE;
  detect_format (self);
  return g_steal_pointer (&self);
}

/**
 * abm_csv_reader_new_for_stream:
 * @stream: the CSV input
 * @error: an #ABM_CSV_ERROR_IO when the first chunk cannot be read
 *
 * Reads the first chunk to detect the format. The total size is known when
 * @stream is a #GFileInputStream.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL on error
 */
AbmCsvReader *
abm_csv_reader_new_for_stream (GInputStream  *stream,
                               GError       **error)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new_for_stream (stream, NULL, error);
}

/**
 * abm_csv_reader_new_for_path:
 * @path: a file name in the GLib file name encoding
 * @error: an #ABM_CSV_ERROR_IO when the file cannot be opened or read
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL on error
 */
AbmCsvReader *
abm_csv_reader_new_for_path (const char  *path,
                             GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, ABM_CSV_ERROR, ABM_CSV_ERROR_IO,
                   _("Could not open “%s”: %s"), display_name, local_error->message);
      return NULL;
    }
  return reader_new_for_stream (G_INPUT_STREAM (stream), display_name, error);
}

void
abm_csv_reader_free (AbmCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->failure);
  g_free (self->buffer);
  g_free (self->record);
  g_free (self->offsets);
  g_free (self->fields);
  g_free (self);
}

char
abm_csv_reader_get_delimiter (AbmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');

  return self->delimiter;
}

/**
 * abm_csv_reader_set_delimiter:
 * @delimiter: an ASCII character other than a quote, CR, LF or NUL
 *
 * Overrides the detected delimiter; only before the first record is read.
 */
void
abm_csv_reader_set_delimiter (AbmCsvReader *self,
                              char          delimiter)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);
  g_return_if_fail ((guchar) delimiter > 0 && (guchar) delimiter < 0x80);
  g_return_if_fail (delimiter != '"' && delimiter != '\r' && delimiter != '\n');

  self->delimiter = delimiter;
}

/**
 * abm_csv_reader_get_encoding:
 *
 * Returns: "UTF-8" or "WINDOWS-1252"
 */
const char *
abm_csv_reader_get_encoding (AbmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, "UTF-8");

  return self->windows_1252 ? "WINDOWS-1252" : "UTF-8";
}

/**
 * abm_csv_reader_set_encoding:
 * @encoding: "UTF-8" or "WINDOWS-1252" (any case; "UTF8" and "CP1252" too)
 *
 * Overrides the detected encoding; only before the first record is read.
 * A UTF-8 byte order mark is skipped whatever the encoding.
 */
void
abm_csv_reader_set_encoding (AbmCsvReader *self,
                             const char   *encoding)
{
  gboolean utf8, cp1252;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->started);
  g_return_if_fail (encoding != NULL);

  utf8 = g_ascii_strcasecmp (encoding, "UTF-8") == 0 ||
         g_ascii_strcasecmp (encoding, "UTF8") == 0;
  cp1252 = g_ascii_strcasecmp (encoding, "WINDOWS-1252") == 0 ||
           g_ascii_strcasecmp (encoding, "CP1252") == 0;
  g_return_if_fail (utf8 || cp1252);

  self->windows_1252 = cp1252;
}

/**
 * abm_csv_reader_set_cancellable:
 * @cancellable: (nullable): cancels reading with %G_IO_ERROR_CANCELLED
 */
void
abm_csv_reader_set_cancellable (AbmCsvReader *self,
                                GCancellable *cancellable)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
}

/**
 * abm_csv_reader_get_line:
 *
 * Returns: the 1-based physical line on which the last record returned
 *   started (after an error, the record that failed), 0 before the first
 */
guint64
abm_csv_reader_get_line (AbmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * abm_csv_reader_get_bytes_read:
 *
 * Returns: how many bytes of the input the records read so far took up
 */
goffset
abm_csv_reader_get_bytes_read (AbmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->chunk_offset + (goffset) self->pos;
}

/**
 * abm_csv_reader_get_total_size:
 *
 * Returns: the size of the input in bytes, or -1 when not known
 */
goffset
abm_csv_reader_get_total_size (AbmCsvReader *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->total_size;
}

static gboolean
start_reading (AbmCsvReader *self)
{
  self->started = TRUE;

  if (self->utf16)
    {
      set_failure (self, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING,
                   _("The file is encoded as UTF-16, which cannot be imported; "
                     "save it as CSV in UTF-8 and import it again"));
      return FALSE;
    }

  self->pos = self->bom_len;

  memset (self->special_unquoted, 0, sizeof self->special_unquoted);
  memset (self->special_quoted, 0, sizeof self->special_quoted);
  self->special_unquoted[(guchar) self->delimiter] = 1;
  self->special_unquoted['\r'] = self->special_quoted['\r'] = 1;
  self->special_unquoted['\n'] = self->special_quoted['\n'] = 1;
  self->special_unquoted['\0'] = self->special_quoted['\0'] = 1;
  self->special_quoted['"'] = 1;
  if (self->windows_1252)
    {
      memset (self->special_unquoted + 0x80, 1, 0x80);
      memset (self->special_quoted + 0x80, 1, 0x80);
    }
  return TRUE;
}

static gboolean
record_grow (AbmCsvReader *self,
             gsize         needed)
{
  gsize size = self->record_size;

  if (needed > ABM_CSV_MAX_RECORD_SIZE - self->record_len)
    {
      set_failure (self, ABM_CSV_ERROR, ABM_CSV_ERROR_RECORD_TOO_LONG,
                   _("Line %lu: the record is longer than %d MB; "
                     "a closing quote may be missing"),
                   (gulong) self->record_line, ABM_CSV_MAX_RECORD_SIZE / (1024 * 1024));
      return FALSE;
    }
  while (size - self->record_len < needed)
    size *= 2;
  self->record = g_realloc (self->record, size);
  self->record_size = size;
  return TRUE;
}

static inline gboolean
append (AbmCsvReader *self,
        const guint8 *bytes,
        gsize         n)
{
  if (G_UNLIKELY (self->record_size - self->record_len < n) && !record_grow (self, n))
    return FALSE;
  memcpy (self->record + self->record_len, bytes, n);
  self->record_len += n;
  return TRUE;
}

static inline gboolean
append_byte (AbmCsvReader *self,
             guint8        c)
{
  if (G_UNLIKELY (self->record_size == self->record_len) && !record_grow (self, 1))
    return FALSE;
  self->record[self->record_len++] = c;
  return TRUE;
}

/* A byte from 0x80 up, in Windows-1252. */
static gboolean
append_cp1252 (AbmCsvReader *self,
               guint8        c)
{
  guint8 utf8[3];
  gunichar ch = c < 0xA0 ? cp1252_high[c - 0x80] : c;

  if (ch < 0x800)
    {
      utf8[0] = 0xC0 | (ch >> 6);
      utf8[1] = 0x80 | (ch & 0x3F);
      return append (self, utf8, 2);
    }
  utf8[0] = 0xE0 | (ch >> 12);
  utf8[1] = 0x80 | ((ch >> 6) & 0x3F);
  utf8[2] = 0x80 | (ch & 0x3F);
  return append (self, utf8, 3);
}

/* The physical line of a byte in a record that started on @line. Fields
 * are NUL-separated, so a CR ending one field and an LF starting the next,
 * which were not adjacent in the file, count as two lines. */
static guint64
line_within (const guint8 *record,
             const guint8 *at,
             guint64       line)
{
  for (const guint8 *p = record; p < at; p++)
    {
      if (*p == '\r' || (*p == '\n' && (p == record || p[-1] != '\r')))
        line++;
    }
  return line;
}

/* Validates the whole record in one pass: most CRM text is ASCII, which is
 * skipped eight bytes at a time, and g_utf8_validate_len() checks only from
 * the first byte above 0x7F, once per stretch between field separators. */
static gboolean
validate_record (AbmCsvReader *self)
{
  const guint8 *s = self->record;
  const guint8 *end = self->record + self->record_len;

  for (;;)
    {
      const char *bad;
      guint64 word;

      while (end - s >= 8)
        {
          memcpy (&word, s, 8);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          s += 8;
        }
      while (s < end && *s < 0x80)
        s++;
      if (s == end)
        return TRUE;
      if (g_utf8_validate_len ((const char *) s, end - s, &bad))
        return TRUE;
      s = (const guint8 *) bad;
      if (*s != '\0')
        break;
      s++;
    }

  set_failure (self, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING,
               _("Line %lu: the text is not valid UTF-8; "
                 "the file may be in another encoding, such as Windows-1252"),
               (gulong) line_within (self->record, s, self->record_line));
  return FALSE;
}

static inline gboolean
end_field (AbmCsvReader *self,
           gsize         field_offset)
{
  if (G_UNLIKELY (self->n_fields == self->fields_size))
    {
      self->fields_size *= 2;
      self->offsets = g_renew (gsize, self->offsets, self->fields_size);
      self->fields = g_renew (const char *, self->fields, self->fields_size + 1);
    }
  self->offsets[self->n_fields++] = field_offset;
  return append_byte (self, '\0');
}

static void
nul_failure (AbmCsvReader *self)
{
  set_failure (self, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING,
               _("Line %lu: the file contains a NUL byte; "
                 "it is not a text file, or it is encoded as UTF-16"),
               (gulong) self->line);
}

/* Reads the next chunk; at the end of the input it leaves an empty chunk
 * and sets eof. */
static gboolean
refill (AbmCsvReader *self)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  self->chunk_offset += self->chunk_len;
  self->chunk_len = 0;
  self->pos = 0;
  n = g_input_stream_read (self->stream, self->buffer, CHUNK_SIZE,
                           self->cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&self->failure);
          self->failure = g_steal_pointer (&local_error);
        }
      else
        set_failure (self, ABM_CSV_ERROR, ABM_CSV_ERROR_IO,
                     _("Line %lu: could not read the file: %s"),
                     (gulong) self->line, local_error->message);
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  self->chunk_len = n;
  return TRUE;
}

/**
 * abm_csv_reader_read_record:
 * @n_fields: (out): the number of fields, at least 1
 * @fields: (out) (array length=n_fields) (transfer none): the fields, valid
 *   UTF-8, NULL-terminated; valid until the next call or until the reader
 *   is freed
 * @error: an #ABM_CSV_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: %TRUE with a record; %FALSE at the end of the input (@error
 *   unset) or on error (@error set, and set again on every later call)
 */
gboolean
abm_csv_reader_read_record (AbmCsvReader        *self,
                            guint               *n_fields,
                            const char *const  **fields,
                            GError             **error)
{
  State state = ST_RECORD_START;
  const guint8 *p = NULL;
  const guint8 *end;
  gsize field_offset = 0;
  guint64 field_line = 0;
  const guint8 *special_unquoted;
  const guint8 *special_quoted;
  guint8 delimiter;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (n_fields != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_fields = 0;
  *fields = NULL;

  if (self->failure != NULL)
    goto failed;
  if (!self->started && !start_reading (self))
    goto failed;
  if (self->done)
    return FALSE;
  if (self->cancellable != NULL && (self->n_records & CANCEL_CHECK_MASK) == 0 &&
      g_cancellable_set_error_if_cancelled (self->cancellable, &self->failure))
    goto failed;

  self->record_len = 0;
  self->n_fields = 0;
  delimiter = (guint8) self->delimiter;
  special_unquoted = self->special_unquoted;
  special_quoted = self->special_quoted;
  p = self->chunk + self->pos;
  end = self->chunk + self->chunk_len;

  for (;;)
    {
      guint8 c;

      if (G_UNLIKELY (p == end))
        {
          if (self->eof)
            break;
          if (!refill (self))
            goto failed;
          p = self->chunk;
          end = self->chunk + self->chunk_len;
          continue;
        }

      switch (state)
        {
        case ST_RECORD_START:
          c = *p;
          if (self->skip_lf)
            {
              self->skip_lf = FALSE;
              if (c == '\n')
                {
                  p++;
                  continue;
                }
            }
          if (c == '\n' || c == '\r')
            {
              self->line++;
              self->skip_lf = c == '\r';
              p++;
              continue;
            }
          self->record_line = self->line;
          state = ST_FIELD_START;
          G_GNUC_FALLTHROUGH;

        case ST_FIELD_START:
          field_offset = self->record_len;
          field_line = self->line;
          if (*p == '"')
            {
              p++;
              state = ST_QUOTED;
              continue;
            }
          state = ST_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case ST_UNQUOTED:
          {
            const guint8 *run = p;

            while (p < end && !special_unquoted[*p])
              p++;
            if (p > run && !append (self, run, p - run))
              goto failed;
            if (p == end)
              continue;
            c = *p++;
            if (c == delimiter)
              {
                if (!end_field (self, field_offset))
                  goto failed;
                state = ST_FIELD_START;
              }
            else if (c == '\n' || c == '\r')
              {
                self->line++;
                self->skip_lf = c == '\r';
                goto record_done;
              }
            else if (c == '\0')
              {
                nul_failure (self);
                goto failed;
              }
            else if (!append_cp1252 (self, c))
              goto failed;
            continue;
          }

        case ST_QUOTED:
          {
            const guint8 *run = p;

            while (p < end && !special_quoted[*p])
              p++;
            if (p > run && !append (self, run, p - run))
              goto failed;
            if (p == end)
              continue;
            c = *p++;
            if (c == '"')
              state = ST_QUOTE_IN_QUOTED;
            else if (c == '\r' || c == '\n')
              {
                if (!append_byte (self, c))
                  goto failed;
                self->line++;
                if (c == '\r')
                  state = ST_QUOTED_CR;
              }
            else if (c == '\0')
              {
                nul_failure (self);
                goto failed;
              }
            else if (!append_cp1252 (self, c))
              goto failed;
            continue;
          }

        case ST_QUOTED_CR:
          if (*p == '\n')
            {
              if (!append_byte (self, '\n'))
                goto failed;
              p++;
            }
          state = ST_QUOTED;
          continue;

        case ST_QUOTE_IN_QUOTED:
          c = *p;
          if (c == '"')
            {
              if (!append_byte (self, '"'))
                goto failed;
              p++;
              state = ST_QUOTED;
            }
          else if (c == delimiter)
            {
              p++;
              if (!end_field (self, field_offset))
                goto failed;
              state = ST_FIELD_START;
            }
          else if (c == '\n' || c == '\r')
            {
              p++;
              self->line++;
              self->skip_lf = c == '\r';
              goto record_done;
            }
          else
            state = ST_UNQUOTED;  /* lenient: "ab"c is abc */
          continue;

        default:
          g_assert_not_reached ();
        }
    }

  /* The end of the input. */
  self->pos = p - self->chunk;
  switch (state)
    {
    case ST_RECORD_START:
      self->done = TRUE;
      return FALSE;
    case ST_QUOTED:
    case ST_QUOTED_CR:
      set_failure (self, ABM_CSV_ERROR, ABM_CSV_ERROR_UNTERMINATED_QUOTE,
                   _("Line %lu: a quoted field starts here but its closing quote is missing"),
                   (gulong) field_line);
      goto failed;
    case ST_FIELD_START:
      /* After a final delimiter: one more, empty field. */
      field_offset = self->record_len;
      break;
    case ST_UNQUOTED:
    case ST_QUOTE_IN_QUOTED:
    default:
      break;
    }

record_done:
  /* Every way here has a field open: a record ends only inside one. */
  if (!end_field (self, field_offset))
    goto failed;
  if (!self->windows_1252 && !validate_record (self))
    goto failed;
  self->pos = p - self->chunk;
  for (guint i = 0; i < self->n_fields; i++)
    self->fields[i] = (const char *) self->record + self->offsets[i];
  self->fields[self->n_fields] = NULL;
  self->n_records++;
  *n_fields = self->n_fields;
  *fields = self->fields;
  return TRUE;

failed:
  if (p != NULL)
    self->pos = p - self->chunk;
  if (error != NULL)
    *error = g_error_copy (self->failure);
  return FALSE;
}

void
abm_csv_source_set_path (AbmCsvSource *source,
                         const char   *path)
{
  abm_csv_source_clear (source);
  source->path = g_strdup (path);
}

void
abm_csv_source_set_data (AbmCsvSource *source,
                         const char   *data,
                         gsize         len)
{
  abm_csv_source_clear (source);
  source->data = g_bytes_new (data, len);
}

AbmCsvReader *
abm_csv_source_open (const AbmCsvSource  *source,
                     GError             **error)
{
  return source->data ? abm_csv_reader_new_for_bytes (source->data)
                      : abm_csv_reader_new_for_path (source->path, error);
}

void
abm_csv_source_clear (AbmCsvSource *source)
{
  g_clear_pointer (&source->path, g_free);
  g_clear_pointer (&source->data, g_bytes_unref);
}
