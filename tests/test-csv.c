/* test-csv.c: the streaming CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "abm-csv-reader.h"

/* A stream that returns at most `step` bytes per read once past
 * `threshold`, so that every byte after the reader's first chunk arrives in
 * a chunk of its own and every state meets a chunk boundary. */
#define TEST_TYPE_TRICKLE_STREAM (test_trickle_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, TEST, TRICKLE_STREAM, GInputStream)

struct _TestTrickleStream
{
  GInputStream parent_instance;
  GBytes *bytes;
  gsize pos;
  gsize threshold;
  gsize step;
};

G_DEFINE_FINAL_TYPE (TestTrickleStream, test_trickle_stream, G_TYPE_INPUT_STREAM)

static gssize
test_trickle_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (stream);
  gsize len;
  const guint8 *data = g_bytes_get_data (self->bytes, &len);
  gsize n = MIN (count, len - self->pos);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (self->pos >= self->threshold)
    n = MIN (n, self->step);
  else
    n = MIN (n, self->threshold - self->pos);
  memcpy (buffer, data + self->pos, n);
  self->pos += n;
  return n;
}

static void
test_trickle_stream_finalize (GObject *object)
{
  TestTrickleStream *self = TEST_TRICKLE_STREAM (object);

  g_bytes_unref (self->bytes);
  G_OBJECT_CLASS (test_trickle_stream_parent_class)->finalize (object);
}

static void
test_trickle_stream_class_init (TestTrickleStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trickle_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_trickle_stream_read;
}

static void
test_trickle_stream_init (TestTrickleStream *self)
{
}

static GInputStream *
trickle_stream_new (GBytes *bytes,
                    gsize   threshold,
                    gsize   step)
{
  TestTrickleStream *self = g_object_new (TEST_TYPE_TRICKLE_STREAM, NULL);

  self->bytes = g_bytes_ref (bytes);
  self->threshold = threshold;
  self->step = step;
  return G_INPUT_STREAM (self);
}

/* The reader's first chunk; the trickle tests put this much filler first. */
#define FILLER_SIZE (64 * 1024)

/* Reads every record as "[field][field]\n", with "@line " before each when
 * line_base is not G_MAXUINT64, and checks what every record must be. */
static char *
read_records (AbmCsvReader  *reader,
              guint64        line_base,
              GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *const *fields;
  guint n_fields;
  guint64 last_line = 0;
  goffset last_bytes = 0;

  while (abm_csv_reader_read_record (reader, &n_fields, &fields, error))
    {
      g_assert_cmpuint (n_fields, >=, 1);
      g_assert_null (fields[n_fields]);
      g_assert_cmpuint (abm_csv_reader_get_line (reader), >, last_line);
      last_line = abm_csv_reader_get_line (reader);
      g_assert_cmpint (abm_csv_reader_get_bytes_read (reader), >, last_bytes);
      last_bytes = abm_csv_reader_get_bytes_read (reader);
      if (abm_csv_reader_get_total_size (reader) >= 0)
        g_assert_cmpint (last_bytes, <=, abm_csv_reader_get_total_size (reader));

      if (line_base != G_MAXUINT64)
        g_string_append_printf (out, "@%" G_GUINT64_FORMAT " ", last_line - line_base);
      for (guint i = 0; i < n_fields; i++)
        {
          g_assert_true (g_utf8_validate (fields[i], -1, NULL));
          g_string_append_printf (out, "[%s]", fields[i]);
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL && *error != NULL)
    {
      g_assert_nonnull ((*error)->message);
      g_assert_cmpstr ((*error)->message, !=, "");
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same input after FILLER_SIZE empty lines, one byte per read, with the
 * delimiter and encoding the plain reader used. */
static AbmCsvReader *
trickle_reader_new (const char *data,
                    gsize       len,
                    char        delimiter,
                    const char *encoding,
                    gsize       step)
{
  g_autoptr(GByteArray) input = g_byte_array_sized_new (FILLER_SIZE + len);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  AbmCsvReader *reader;

  g_byte_array_set_size (input, FILLER_SIZE);
  memset (input->data, '\n', FILLER_SIZE);
  g_byte_array_append (input, (const guint8 *) data, len);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&input));
  stream = trickle_stream_new (bytes, FILLER_SIZE, step);
  reader = abm_csv_reader_new_for_stream (stream, &error);
  g_assert_no_error (error);
  abm_csv_reader_set_delimiter (reader, delimiter);
  abm_csv_reader_set_encoding (reader, encoding);
  return reader;
}

typedef struct {
  const char *name;
  const char *input;
  gsize       len;        /* 0: strlen (input) */
  char        delimiter;  /* expected detection; 0: comma */
  const char *encoding;   /* expected detection; NULL: UTF-8 */
  const char *expected;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "simple", "a,b,c\n1,2,3\n", 0, 0, NULL, "[a][b][c]\n[1][2][3]\n" },
  { "no-final-newline", "a,b\n1,2", 0, 0, NULL, "[a][b]\n[1][2]\n" },
  { "quoted", "\"a\",\"b c\"\n", 0, 0, NULL, "[a][b c]\n" },
  { "doubled-quotes", "\"say \"\"hi\"\"\",x\n", 0, 0, NULL, "[say \"hi\"][x]\n" },
  { "only-quotes", "\"\"\"\"\n\"\"\"\"\"\"\n", 0, 0, NULL, "[\"]\n[\"\"]\n" },
  { "embedded-delimiter", "\"a,b\",c\n", 0, 0, NULL, "[a,b][c]\n" },
  { "newline-in-field", "\"a\nb\",c\nd,e\n", 0, 0, NULL, "[a\nb][c]\n[d][e]\n" },
  { "crlf-in-field", "\"a\r\nb\",c\r\n", 0, 0, NULL, "[a\r\nb][c]\n" },
  { "cr-in-field", "\"a\rb\",c\r", 0, 0, NULL, "[a\rb][c]\n" },
  { "blank-lines-in-field", "\"a\n\n\r\n\rb\"\n", 0, 0, NULL, "[a\n\n\r\n\rb]\n" },
  { "crlf", "a,b\r\nc,d\r\n", 0, 0, NULL, "[a][b]\n[c][d]\n" },
  { "lone-cr", "a,b\rc,d\r", 0, 0, NULL, "[a][b]\n[c][d]\n" },
  { "mixed-line-ends", "a\r\nb\nc\rd", 0, 0, NULL, "[a]\n[b]\n[c]\n[d]\n" },
  { "bom", "\xEF\xBB\xBFname,city\nAcme,K\xC3\xB6ln\n", 0, 0, NULL,
    "[name][city]\n[Acme][K\xC3\xB6ln]\n" },
  { "empty-fields", ",,\na,,b\n", 0, 0, NULL, "[][][]\n[a][][b]\n" },
  { "empty-quoted", "\"\",x,\"\"\n", 0, 0, NULL, "[][x][]\n" },
  { "ragged-rows", "a,b,c\nd\ne,f\n", 0, 0, NULL, "[a][b][c]\n[d]\n[e][f]\n" },
  { "trailing-delimiter", "a,b,\nc,d,\n", 0, 0, NULL, "[a][b][]\n[c][d][]\n" },
  { "trailing-delimiter-at-end", "a,b,", 0, 0, NULL, "[a][b][]\n" },
  { "only-delimiter", "a,b\n,\n", 0, 0, NULL, "[a][b]\n[][]\n" },
  { "empty-lines-skipped", "\n\na,b\n\n\r\n\rc,d\n\n", 0, 0, NULL, "[a][b]\n[c][d]\n" },
  { "empty-input", "", 0, 0, NULL, "" },
  { "only-newlines", "\n\r\n\r", 0, 0, NULL, "" },
  { "whitespace-kept", " a , b \n", 0, 0, NULL, "[ a ][ b ]\n" },
  { "single-column", "a\nb\n", 0, 0, NULL, "[a]\n[b]\n" },
  { "quoted-at-end", "a,\"b\"", 0, 0, NULL, "[a][b]\n" },
  { "quoted-then-crlf", "\"a\"\r\n\"b\"\r", 0, 0, NULL, "[a]\n[b]\n" },
  { "text-after-quote", "\"ab\"c,d\n", 0, 0, NULL, "[abc][d]\n" },
  { "quote-after-text-after-quote", "\"ab\"c\"d\",e\n", 0, 0, NULL, "[abc\"d\"][e]\n" },
  { "space-after-quote", "\"a\" ,b\n", 0, 0, NULL, "[a ][b]\n" },
  { "quote-in-unquoted", "ab\"c,d\n", 0, 0, NULL, "[ab\"c][d]\n" },
  { "utf8", "\xE5\x90\x8D\xE5\x89\x8D,\xF0\x9F\x98\x80\n", 0, 0, NULL,
    "[\xE5\x90\x8D\xE5\x89\x8D][\xF0\x9F\x98\x80]\n" },
  { "semicolon", "name;revenue\nAcme;1,5\nGlobex;2,25\n", 0, ';', NULL,
    "[name][revenue]\n[Acme][1,5]\n[Globex][2,25]\n" },
  { "semicolon-quoted-commas", "\"a,b\";c\n\"d,e\";f\n", 0, ';', NULL,
    "[a,b][c]\n[d,e][f]\n" },
  { "tab", "name\tcity, state\tn\nAcme\tBoston, MA\t1\n", 0, '\t', NULL,
    "[name][city, state][n]\n[Acme][Boston, MA][1]\n" },
  { "comma-with-semicolons", "name,notes\nAcme,a;b\nFoo,c\n", 0, ',', NULL,
    "[name][notes]\n[Acme][a;b]\n[Foo][c]\n" },
  { "windows-1252", "name\nM\xFCller\n\x80 5\n", 0, 0, "WINDOWS-1252",
    "[name]\n[M\xC3\xBCller]\n[\xE2\x82\xAC 5]\n" },
  { "windows-1252-quoted", "\"\x93hi\x94\",caf\xE9\n", 0, 0, "WINDOWS-1252",
    "[\xE2\x80\x9Chi\xE2\x80\x9D][caf\xC3\xA9]\n" },
  { "windows-1252-unassigned", "\x81,\x9D\n", 0, 0, "WINDOWS-1252",
    "[\xC2\x81][\xC2\x9D]\n" },
};

static void
test_parse_case (gconstpointer data)
{
  const ParseCase *c = data;
  gsize len = c->len ? c->len : strlen (c->input);
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (c->input, len);
  g_autoptr(AbmCsvReader) trickle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;
  g_autofree char *trickled = NULL;
  char delimiter;
  const char *encoding;

  g_assert_cmpint (abm_csv_reader_get_delimiter (reader), ==, c->delimiter ? c->delimiter : ',');
  g_assert_cmpstr (abm_csv_reader_get_encoding (reader), ==, c->encoding ? c->encoding : "UTF-8");
  g_assert_cmpint (abm_csv_reader_get_total_size (reader), ==, len);

  records = read_records (reader, G_MAXUINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, c->expected);
  g_assert_cmpint (abm_csv_reader_get_bytes_read (reader), ==, len);

  /* The same, with a chunk boundary between every two bytes. A byte order
   * mark counts only at the very start, so that case cannot be moved. */
  if (g_str_has_prefix (c->input, "\xEF\xBB\xBF"))
    return;
  delimiter = abm_csv_reader_get_delimiter (reader);
  encoding = abm_csv_reader_get_encoding (reader);
  trickle = trickle_reader_new (c->input, len, delimiter, encoding, 1);
  trickled = read_records (trickle, G_MAXUINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trickled, ==, c->expected);
}

static void
assert_lines (const char *input,
              const char *expected)
{
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input, strlen (input));
  g_autoptr(AbmCsvReader) trickle = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;
  g_autofree char *trickled = NULL;

  g_assert_cmpuint (abm_csv_reader_get_line (reader), ==, 0);
  records = read_records (reader, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, expected);

  trickle = trickle_reader_new (input, strlen (input), ',', "UTF-8", 1);
  trickled = read_records (trickle, FILLER_SIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trickled, ==, expected);
}

static void
test_line_numbers (void)
{
  assert_lines ("a,b\n\"x\ny\",z\nc,d\n", "@1 [a][b]\n@2 [x\ny][z]\n@4 [c][d]\n");
  assert_lines ("\"x\r\ny\r\nz\",1\r\nnext\r\n", "@1 [x\r\ny\r\nz][1]\n@4 [next]\n");
  assert_lines ("\"x\ry\",1\rnext", "@1 [x\ry][1]\n@3 [next]\n");
  assert_lines ("\"x\n\r\n\ry\",1\nnext", "@1 [x\n\r\n\ry][1]\n@5 [next]\n");
  assert_lines ("\n\na\n\r\n\rb", "@3 [a]\n@6 [b]\n");
  assert_lines ("a,\"1\n2\",\"3\n4\"\nb", "@1 [a][1\n2][3\n4]\n@4 [b]\n");
}

static void
assert_error (AbmCsvReader *reader,
              GQuark        domain,
              int           code,
              const char   *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autofree char *records = read_records (reader, G_MAXUINT64, &error);
  const char *const *fields;
  guint n_fields;

  g_assert_null (records);
  g_assert_error (error, domain, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, in_message);

  /* The error stays. */
  g_assert_false (abm_csv_reader_read_record (reader, &n_fields, &fields, &again));
  g_assert_error (again, domain, code);
}

static void
test_unterminated_quote (void)
{
  const char *input = "a,b\nc,\"open\nmore\nstuff\n";
  const char *later = "h\nx,\"y\nz\",\"w\nv";
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input, strlen (input));
  g_autoptr(AbmCsvReader) reader2 = abm_csv_reader_new_for_data (later, strlen (later));
  g_autoptr(AbmCsvReader) trickle = trickle_reader_new (input, strlen (input), ',', "UTF-8", 1);

  assert_error (reader, ABM_CSV_ERROR, ABM_CSV_ERROR_UNTERMINATED_QUOTE, "Line 2:");
  /* The line where the quoted field starts, not the record. */
  assert_error (reader2, ABM_CSV_ERROR, ABM_CSV_ERROR_UNTERMINATED_QUOTE, "Line 3:");
  assert_error (trickle, ABM_CSV_ERROR, ABM_CSV_ERROR_UNTERMINATED_QUOTE, "Line 65538:");
}

/* Valid ASCII rows past the sample, then a Windows-1252 byte on line n. */
static char *
late_invalid_utf8 (guint *bad_line)
{
  GString *s = g_string_new ("id,name\n");
  guint line = 2;

  for (; s->len < 100 * 1024; line++)
    g_string_append_printf (s, "%u,Account %u\n", line, line);
  *bad_line = line++;
  g_string_append (s, "\"x\",M\xFCller\n");
  for (guint i = 0; i < 10; i++, line++)
    g_string_append_printf (s, "%u,Account %u\n", line, line);
  return g_string_free (s, FALSE);
}

static void
test_late_invalid_utf8 (void)
{
  guint bad_line;
  g_autofree char *input = late_invalid_utf8 (&bad_line);
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("Line %u:", bad_line);
  const char *const *fields;
  guint n_fields;
  guint n_records = 0;

  g_assert_cmpstr (abm_csv_reader_get_encoding (reader), ==, "UTF-8");
  while (abm_csv_reader_read_record (reader, &n_fields, &fields, &error))
    n_records++;
  g_assert_error (error, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, where));
  g_assert_cmpuint (n_records, ==, bad_line - 1);
}

static void
test_invalid_utf8_line_in_field (void)
{
  const char *input = "a\n\"x\ny\nz\xFF\",b\n";
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input, strlen (input));
  g_autoptr(AbmCsvReader) trickle = trickle_reader_new (input, strlen (input), ',', "UTF-8", 1);

  /* Too little to be sure it is UTF-8 on its own. */
  g_assert_cmpstr (abm_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  abm_csv_reader_set_encoding (reader, "UTF-8");
  assert_error (reader, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING, "Line 4:");
  assert_error (trickle, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING, "Line 65540:");
}

static void
test_nul_and_utf16 (void)
{
  const char nul[] = "a,b\nc,d\0e\n";
  const char utf16[] = "\xFF\xFE" "a\0,\0b\0\n\0";
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (nul, sizeof nul - 1);
  g_autoptr(AbmCsvReader) reader2 = abm_csv_reader_new_for_data (utf16, sizeof utf16 - 1);

  assert_error (reader, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING, "Line 2:");
  assert_error (reader2, ABM_CSV_ERROR, ABM_CSV_ERROR_ENCODING, "UTF-16");
}

static void
test_record_too_long (void)
{
  gsize len = ABM_CSV_MAX_RECORD_SIZE + 1024;
  g_autofree char *input = g_malloc (len);
  g_autoptr(AbmCsvReader) reader = NULL;

  memcpy (input, "a\n\"", 3);
  memset (input + 3, 'x', len - 3);
  reader = abm_csv_reader_new_for_data (input, len);
  assert_error (reader, ABM_CSV_ERROR, ABM_CSV_ERROR_RECORD_TOO_LONG, "Line 2:");
}

static void
test_windows_1252_table (void)
{
  /* The table agrees with iconv wherever iconv knows the byte. */
  for (guint b = 0x80; b <= 0xFF; b++)
    {
      char input[2] = { (char) b, '\0' };
      g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input, 1);
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_convert (input, 1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      const char *const *fields;
      guint n_fields;

      g_assert_cmpstr (abm_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
      g_assert_true (abm_csv_reader_read_record (reader, &n_fields, &fields, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_fields, ==, 1);
      if (expected != NULL)
        g_assert_cmpstr (fields[0], ==, expected);
      else
        g_assert_cmpuint (g_utf8_get_char (fields[0]), ==, b);
    }
}

static void
test_overrides (void)
{
  const char *input = "a;b;c,d\n\xC3\xA9\n";
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input, strlen (input));
  g_autoptr(GError) error = NULL;
  g_autofree char *records = NULL;

  g_assert_cmpint (abm_csv_reader_get_delimiter (reader), ==, ';');
  g_assert_cmpstr (abm_csv_reader_get_encoding (reader), ==, "UTF-8");
  abm_csv_reader_set_delimiter (reader, ',');
  abm_csv_reader_set_encoding (reader, "windows-1252");
  g_assert_cmpint (abm_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpstr (abm_csv_reader_get_encoding (reader), ==, "WINDOWS-1252");
  records = read_records (reader, G_MAXUINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, "[a;b;c][d]\n[\xC3\x83\xC2\xA9]\n");
}

static void
test_path (void)
{
  const char *content = "name,city\nAcme,Berlin\n\"Globex, Inc.\",Paris\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *records = NULL;
  g_autoptr(AbmCsvReader) reader = NULL;
  g_autoptr(AbmCsvReader) missing = NULL;
  int fd;

  fd = g_file_open_tmp ("abm-test-csv-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);

  reader = abm_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (abm_csv_reader_get_total_size (reader), ==, strlen (content));
  g_assert_cmpint (abm_csv_reader_get_bytes_read (reader), ==, 0);
  records = read_records (reader, G_MAXUINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (records, ==, "[name][city]\n[Acme][Berlin]\n[Globex, Inc.][Paris]\n");
  g_assert_cmpint (abm_csv_reader_get_bytes_read (reader), ==, strlen (content));
  g_unlink (path);

  missing = abm_csv_reader_new_for_path (path, &error);
  g_assert_null (missing);
  g_assert_error (error, ABM_CSV_ERROR, ABM_CSV_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "abm-test-csv-"));
}

static GString *
generate_accounts (guint n_rows)
{
  GString *s = g_string_new ("id,name,domain,industry,employees,revenue,"
                             "country,city,owner,tier,notes,updated\r\n");

  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (s, "%u,\"Account %u, Inc.\",account%u.example.com,"
                              "Financial Services,%u,%u.50,Deutschland,M\xC3\xBCnchen,"
                              "Jane Doe,%u,", i, i, i, 100 + i % 5000, 1000000 + i, 1 + i % 3);
      if (i % 1000 == 0)
        g_string_append_printf (s, "\"Said \"\"call me\"\"\nline two %u\"", i);
      else
        g_string_append (s, "Met at the conference; follow up in Q3");
      g_string_append (s, ",2025-06-01T10:00:00Z\r\n");
    }
  return s;
}

static guint
check_accounts (AbmCsvReader *reader,
                guint         n_rows)
{
  g_autoptr(GError) error = NULL;
  const char *const *fields;
  guint n_fields;
  guint n = 0;

  g_assert_true (abm_csv_reader_read_record (reader, &n_fields, &fields, &error));
  g_assert_cmpuint (n_fields, ==, 12);
  g_assert_cmpstr (fields[11], ==, "updated");
  while (abm_csv_reader_read_record (reader, &n_fields, &fields, &error))
    {
      g_assert_cmpuint (n_fields, ==, 12);
      if (n % 9973 == 0 || n == n_rows - 1)
        {
          g_autofree char *id = g_strdup_printf ("%u", n);
          g_autofree char *name = g_strdup_printf ("Account %u, Inc.", n);

          g_assert_cmpstr (fields[0], ==, id);
          g_assert_cmpstr (fields[1], ==, name);
          g_assert_cmpstr (fields[7], ==, "M\xC3\xBCnchen");
          g_assert_cmpstr (fields[11], ==, "2025-06-01T10:00:00Z");
          /* After the header; every 1000th row's notes take two lines. */
          g_assert_cmpuint (abm_csv_reader_get_line (reader), ==, 2 + n + (n + 999) / 1000);
        }
      if (n == 5000)
        g_assert_cmpstr (fields[10], ==, "Said \"call me\"\nline two 5000");
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpint (abm_csv_reader_get_bytes_read (reader), ==,
                   abm_csv_reader_get_total_size (reader));
  return n;
}

static void
test_large (void)
{
  guint n_rows = 100000;
  g_autoptr(GString) input = generate_accounts (n_rows);
  g_autoptr(GBytes) bytes = g_bytes_new (input->str, input->len);
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_bytes (bytes);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(AbmCsvReader) stream_reader = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  g_assert_cmpint (abm_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_cmpuint (check_accounts (reader, n_rows), ==, n_rows);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%u rows, %.1f MB in %.3f s: %.0f MB/s", n_rows,
                  input->len / 1e6, seconds, input->len / 1e6 / seconds);

  /* From a stream, in chunks, without a known size. */
  stream_reader = abm_csv_reader_new_for_stream (stream, &error);
  g_assert_no_error (error);
  g_assert_cmpint (abm_csv_reader_get_total_size (stream_reader), ==, -1);
  {
    const char *const *fields;
    guint n_fields, n = 0;

    while (abm_csv_reader_read_record (stream_reader, &n_fields, &fields, &error))
      {
        g_assert_cmpuint (n_fields, ==, 12);
        n++;
      }
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, n_rows + 1);
    g_assert_cmpint (abm_csv_reader_get_bytes_read (stream_reader), ==, input->len);
  }
}

static void
test_cancel (void)
{
  g_autoptr(GString) input = generate_accounts (2000);
  g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data (input->str, input->len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  const char *const *fields;
  guint n_fields;
  guint n = 0;

  abm_csv_reader_set_cancellable (reader, cancellable);
  for (; n < 10; n++)
    g_assert_true (abm_csv_reader_read_record (reader, &n_fields, &fields, &error));
  g_cancellable_cancel (cancellable);
  while (abm_csv_reader_read_record (reader, &n_fields, &fields, &error))
    n++;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, <=, 256);
}

static const char *fuzz_alphabet[] = {
  "\"", "\"", "\"", ",", ",", ";", "\t", "\r", "\n", "\r\n", "a", "b", "xyz",
  " ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFC", "\x80", "\xFF",
  "\xC3", "\xEF\xBB\xBF", "\0", "\"\"", ",\"",
};

static GByteArray *
fuzz_input (GRand *rand)
{
  GByteArray *input = g_byte_array_new ();

  if (g_rand_boolean (rand))
    {
      guint n = g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < n; i++)
        {
          const char *piece = fuzz_alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (fuzz_alphabet))];

          g_byte_array_append (input, (const guint8 *) piece, MAX (strlen (piece), 1));
        }
    }
  else
    {
      const ParseCase *c = &parse_cases[g_rand_int_range (rand, 0, G_N_ELEMENTS (parse_cases))];
      guint n = g_rand_int_range (rand, 1, 5);

      g_byte_array_append (input, (const guint8 *) c->input, strlen (c->input));
      for (guint i = 0; i < n && input->len > 0; i++)
        {
          guint at = g_rand_int_range (rand, 0, input->len);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              input->data[at] = g_rand_int_range (rand, 0, 256);
              break;
            case 1:
              g_byte_array_remove_index (input, at);
              break;
            default:
              {
                guint8 b = "\",\r\n"[g_rand_int_range (rand, 0, 4)];

                g_array_insert_vals ((GArray *) input, at, &b, 1);
              }
            }
        }
    }
  return input;
}

/* Whatever the bytes: no crash, only valid UTF-8 out, and the same records
 * or error whether the input arrives at once or a byte at a time. */
static void
test_fuzz (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250601);

  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr(GByteArray) input = fuzz_input (rand);
      g_autoptr(AbmCsvReader) reader = abm_csv_reader_new_for_data ((const char *) input->data, input->len);
      g_autoptr(AbmCsvReader) trickle = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) trickle_error = NULL;
      g_autofree char *records = read_records (reader, 0, &error);
      g_autofree char *trickled = NULL;

      if (error != NULL)
        g_assert_true (error->domain == ABM_CSV_ERROR);
      if (i % 8 != 0 || input->len == 0 || input->data[0] == 0xEF || input->data[0] == 0xFF ||
          input->data[0] == 0xFE)
        continue;

      trickle = trickle_reader_new ((const char *) input->data, input->len,
                                    abm_csv_reader_get_delimiter (reader),
                                    abm_csv_reader_get_encoding (reader),
                                    1 + i % 3);
      trickled = read_records (trickle, FILLER_SIZE, &trickle_error);
      g_assert_cmpstr (trickled, ==, records);
      if (error != NULL)
        g_assert_error (trickle_error, error->domain, error->code);
      else
        g_assert_no_error (trickle_error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/parse/%s", parse_cases[i].name);

      g_test_add_data_func (path, &parse_cases[i], test_parse_case);
    }
  g_test_add_func ("/csv/line-numbers", test_line_numbers);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/late-invalid-utf8", test_late_invalid_utf8);
  g_test_add_func ("/csv/invalid-utf8-line-in-field", test_invalid_utf8_line_in_field);
  g_test_add_func ("/csv/nul-and-utf16", test_nul_and_utf16);
  g_test_add_func ("/csv/record-too-long", test_record_too_long);
  g_test_add_func ("/csv/windows-1252-table", test_windows_1252_table);
  g_test_add_func ("/csv/overrides", test_overrides);
  g_test_add_func ("/csv/path", test_path);
  g_test_add_func ("/csv/large", test_large);
  g_test_add_func ("/csv/cancel", test_cancel);
  g_test_add_func ("/csv/fuzz", test_fuzz);

  return g_test_run ();
}
