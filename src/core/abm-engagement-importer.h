/* abm-engagement-importer.h: activities or opportunities from a CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-importer.h"

G_BEGIN_DECLS

typedef enum {
  ABM_ENGAGEMENT_IMPORT_ACTIVITIES,
  ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES,
} AbmEngagementImportKind;

/* The columns either kind of file can fill; each kind reads its own. */
typedef enum {
  ABM_ENGAGEMENT_COLUMN_DOMAIN,       /* the company's domain or website */
  ABM_ENGAGEMENT_COLUMN_EMAIL,        /* a person's: their account and who */
  ABM_ENGAGEMENT_COLUMN_DATE,         /* activities: the day */
  ABM_ENGAGEMENT_COLUMN_TYPE,         /* activities: the kind */
  ABM_ENGAGEMENT_COLUMN_TOPIC,
  ABM_ENGAGEMENT_COLUMN_CAMPAIGN,
  ABM_ENGAGEMENT_COLUMN_NAME,         /* opportunities from here on */
  ABM_ENGAGEMENT_COLUMN_AMOUNT,
  ABM_ENGAGEMENT_COLUMN_STAGE,
  ABM_ENGAGEMENT_COLUMN_STATUS,       /* won, lost or open; else from the stage */
  ABM_ENGAGEMENT_COLUMN_CREATED,
  ABM_ENGAGEMENT_COLUMN_CLOSED,
  ABM_ENGAGEMENT_COLUMN_ABM_SOURCED,  /* yes or no */
  ABM_ENGAGEMENT_N_COLUMNS
} AbmEngagementColumn;

#define ABM_TYPE_ENGAGEMENT_IMPORTER (abm_engagement_importer_get_type ())
G_DECLARE_FINAL_TYPE (AbmEngagementImporter, abm_engagement_importer, ABM, ENGAGEMENT_IMPORTER, GObject)

const char *abm_engagement_column_key              (AbmEngagementColumn      column);

AbmEngagementImporter *abm_engagement_importer_new (AbmWorkspace            *workspace,
                                                    AbmEngagementImportKind  kind);
gboolean    abm_engagement_importer_open_path      (AbmEngagementImporter   *self,
                                                    const char              *path,
                                                    GError                 **error);
gboolean    abm_engagement_importer_open_data      (AbmEngagementImporter   *self,
                                                    const char              *data,
                                                    gsize                    len,
                                                    GError                 **error);
/* A mapping file as the account import takes: {"Event Date": "date",
 * "Company": "domain", "Internal": null}, with the keys of
 * abm_engagement_column_key(). */
gboolean    abm_engagement_importer_load_mapping   (AbmEngagementImporter   *self,
                                                    const char              *json,
                                                    gsize                    len,
                                                    GError                 **error);
/* The column each field was found in, or -1. */
int         abm_engagement_importer_get_column     (AbmEngagementImporter   *self,
                                                    AbmEngagementColumn      field);
/* Reads every row; fails when no column tells the account, or a needed
 * column (an activity's date and type, a deal's name) is missing. A row belongs to the account whose domain is in its
 * company column, or else its email's; an activity's email also names the
 * person when they are on that committee. An opportunity of the same name
 * at the same account is updated, not doubled. Fails only when the file
 * cannot be read to its end; rows that cannot be imported are listed. */
gboolean    abm_engagement_importer_prepare        (AbmEngagementImporter   *self,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
/* Stores what prepare() found, in one transaction. */
gboolean    abm_engagement_importer_apply          (AbmEngagementImporter   *self,
                                                    GError                 **error);
guint       abm_engagement_importer_get_n_new      (AbmEngagementImporter   *self);
guint       abm_engagement_importer_get_n_updated  (AbmEngagementImporter   *self);
/* Of AbmImportReject, by line. */
GPtrArray  *abm_engagement_importer_get_rejects    (AbmEngagementImporter   *self);

G_END_DECLS
