/* abm-csv-reader.h: a streaming RFC 4180 reader for CRM exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ABM_CSV_ERROR (abm_csv_error_quark ())

typedef enum {
  ABM_CSV_ERROR_UNTERMINATED_QUOTE,
  ABM_CSV_ERROR_ENCODING,
  ABM_CSV_ERROR_RECORD_TOO_LONG,
  ABM_CSV_ERROR_IO,
} AbmCsvError;

/* The longest record accepted, in bytes after conversion to UTF-8. It bounds
 * memory when a stray opening quote swallows the rest of a large file. */
#define ABM_CSV_MAX_RECORD_SIZE (16 * 1024 * 1024)

typedef struct _AbmCsvReader AbmCsvReader;

GQuark         abm_csv_error_quark            (void);

AbmCsvReader  *abm_csv_reader_new_for_path    (const char          *path,
                                               GError             **error);
AbmCsvReader  *abm_csv_reader_new_for_stream  (GInputStream        *stream,
                                               GError             **error);
AbmCsvReader  *abm_csv_reader_new_for_data    (const char          *data,
                                               gsize                len);
AbmCsvReader  *abm_csv_reader_new_for_bytes   (GBytes              *bytes);

/* What an import reads: a file, or bytes in memory (tests, pastes); the
 * importers read it more than once (a preview, then every row). */
typedef struct {
  char   *path;
  GBytes *data;
} AbmCsvSource;

void           abm_csv_source_set_path        (AbmCsvSource        *source,
                                               const char          *path);
void           abm_csv_source_set_data        (AbmCsvSource        *source,
                                               const char          *data,
                                               gsize                len);
AbmCsvReader  *abm_csv_source_open            (const AbmCsvSource  *source,
                                               GError             **error);
void           abm_csv_source_clear           (AbmCsvSource        *source);
void           abm_csv_reader_free            (AbmCsvReader        *self);

char           abm_csv_reader_get_delimiter   (AbmCsvReader        *self);
void           abm_csv_reader_set_delimiter   (AbmCsvReader        *self,
                                               char                 delimiter);
const char    *abm_csv_reader_get_encoding    (AbmCsvReader        *self);
void           abm_csv_reader_set_encoding    (AbmCsvReader        *self,
                                               const char          *encoding);
void           abm_csv_reader_set_cancellable (AbmCsvReader        *self,
                                               GCancellable        *cancellable);

gboolean       abm_csv_reader_read_record     (AbmCsvReader        *self,
                                               guint               *n_fields,
                                               const char *const  **fields,
                                               GError             **error);

guint64        abm_csv_reader_get_line        (AbmCsvReader        *self);
goffset        abm_csv_reader_get_bytes_read  (AbmCsvReader        *self);
goffset        abm_csv_reader_get_total_size  (AbmCsvReader        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmCsvReader, abm_csv_reader_free)

G_END_DECLS
