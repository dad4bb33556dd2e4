/* abm-importer.h: accounts from a CRM or list vendor's CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-workspace.h"

G_BEGIN_DECLS

#define ABM_IMPORT_ERROR (abm_import_error_quark ())

typedef enum {
  ABM_IMPORT_ERROR_NO_HEADER,
  ABM_IMPORT_ERROR_NO_NAME_COLUMN,
  ABM_IMPORT_ERROR_MAPPING,
} AbmImportError;

typedef enum {
  ABM_IMPORT_UPDATE,   /* a row whose domain exists updates that account */
  ABM_IMPORT_SKIP,     /* ... or is left out */
} AbmImportDuplicates;

/* A column that goes nowhere. */
#define ABM_IMPORT_IGNORE (-1)
/* A column kept as a custom field named by its header. */
#define ABM_IMPORT_CUSTOM (-2)

typedef struct {
  guint64  line;
  char    *reason;
} AbmImportReject;

void abm_import_reject_free (AbmImportReject *reject);
/* Appends a row left out to @rejects (of AbmImportReject), taking @reason. */
void abm_import_rejects_add  (GPtrArray       *rejects,
                              guint64          line,
                              char            *reason);
/* By line, as the file has them. */
void abm_import_rejects_sort (GPtrArray       *rejects);
/* Whether @key (as abm_import_header_key() makes it) is one of
 * @names_text, a space-separated list of such keys. */
gboolean abm_import_header_is (const char    *key,
                               const char    *names_text);

typedef void (*AbmImportProgress) (double   fraction,
                                   gpointer user_data);

#define ABM_TYPE_IMPORTER (abm_importer_get_type ())
G_DECLARE_FINAL_TYPE (AbmImporter, abm_importer, ABM, IMPORTER, GObject)

GQuark       abm_import_error_quark           (void);

AbmImporter *abm_importer_new                 (AbmWorkspace         *workspace);
gboolean     abm_importer_open_path           (AbmImporter          *self,
                                               const char           *path,
                                               GError              **error);
gboolean     abm_importer_open_data           (AbmImporter          *self,
                                               const char           *data,
                                               gsize                 len,
                                               GError              **error);

char         abm_importer_get_delimiter       (AbmImporter          *self);
gboolean     abm_importer_set_delimiter       (AbmImporter          *self,
                                               char                  delimiter,
                                               GError              **error);
const char  *abm_importer_get_encoding        (AbmImporter          *self);
gboolean     abm_importer_set_encoding        (AbmImporter          *self,
                                               const char           *encoding,
                                               GError              **error);

guint        abm_importer_get_n_columns       (AbmImporter          *self);
const char  *abm_importer_get_column          (AbmImporter          *self,
                                               guint                 column);
int          abm_importer_get_mapping         (AbmImporter          *self,
                                               guint                 column);
void         abm_importer_set_mapping         (AbmImporter          *self,
                                               guint                 column,
                                               int                   field);
gboolean     abm_importer_can_be_custom       (AbmImporter          *self,
                                               guint                 column);
gboolean     abm_importer_load_mapping        (AbmImporter          *self,
                                               const char           *json,
                                               gsize                 len,
                                               GError              **error);
GPtrArray   *abm_importer_get_preview         (AbmImporter          *self);
void         abm_importer_set_duplicates      (AbmImporter          *self,
                                               AbmImportDuplicates   duplicates);

int          abm_import_guess_field           (const char           *header);
char        *abm_import_header_key            (const char           *header);

gboolean     abm_importer_prepare             (AbmImporter          *self,
                                               GCancellable         *cancellable,
                                               AbmImportProgress     progress,
                                               gpointer              user_data,
                                               GError              **error);
gboolean     abm_importer_apply               (AbmImporter          *self,
                                               GError              **error);

guint        abm_importer_get_n_new           (AbmImporter          *self);
guint        abm_importer_get_n_updated       (AbmImporter          *self);
guint        abm_importer_get_n_merged        (AbmImporter          *self);
guint        abm_importer_get_n_skipped       (AbmImporter          *self);
GPtrArray   *abm_importer_get_rejects         (AbmImporter          *self);

G_END_DECLS
