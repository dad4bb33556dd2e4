/* abm-contact-importer.h: buying-committee members from a CRM's contacts export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-importer.h"

G_BEGIN_DECLS

/* The columns a contacts export can fill. */
typedef enum {
  ABM_CONTACT_NAME,
  ABM_CONTACT_FIRST_NAME,
  ABM_CONTACT_LAST_NAME,
  ABM_CONTACT_TITLE,
  ABM_CONTACT_DEPARTMENT,
  ABM_CONTACT_EMAIL,
  ABM_CONTACT_PHONE,
  ABM_CONTACT_LINKEDIN,
  ABM_CONTACT_DOMAIN,          /* the company's domain or website */
  ABM_CONTACT_REPORTS_TO,      /* the manager's email address */
  ABM_CONTACT_ROLES,           /* HubSpot's "Buying Role" */
  ABM_CONTACT_LAST_CONTACT,
  ABM_CONTACT_N_COLUMNS
} AbmContactColumn;

#define ABM_TYPE_CONTACT_IMPORTER (abm_contact_importer_get_type ())
G_DECLARE_FINAL_TYPE (AbmContactImporter, abm_contact_importer, ABM, CONTACT_IMPORTER, GObject)

AbmContactImporter *abm_contact_importer_new        (AbmWorkspace        *workspace);
gboolean    abm_contact_importer_open_path          (AbmContactImporter  *self,
                                                     const char          *path,
                                                     GError             **error);
gboolean    abm_contact_importer_open_data          (AbmContactImporter  *self,
                                                     const char          *data,
                                                     gsize                len,
                                                     GError             **error);
/* The column each field was found in, or -1. */
int         abm_contact_importer_get_column         (AbmContactImporter  *self,
                                                     AbmContactColumn     field);
/* Reads every row: people are matched to accounts by the company domain
 * (or their email's), to people already on a committee by email, and to
 * their managers by the reports-to address. Fails only when the file
 * cannot be read to its end; rows that cannot be imported are listed. */
gboolean    abm_contact_importer_prepare            (AbmContactImporter  *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
/* Stores what prepare() found, in one transaction. */
gboolean    abm_contact_importer_apply              (AbmContactImporter  *self,
                                                     GError             **error);
guint       abm_contact_importer_get_n_new          (AbmContactImporter  *self);
guint       abm_contact_importer_get_n_updated      (AbmContactImporter  *self);
/* Of AbmImportReject: rows left out, and reporting lines left out. */
GPtrArray  *abm_contact_importer_get_rejects        (AbmContactImporter  *self);

G_END_DECLS
