/* abm-document-copy.h: a workspace from a portal folder, edited in a private copy
 *
 * Under Flatpak a file outside the folders the sandbox may see arrives as a
 * path in the document portal's FUSE folder ($XDG_RUNTIME_DIR/doc/ID/NAME,
 * or /run/flatpak/doc/ID/NAME), where SQLite's -wal, -shm and -journal
 * siblings and its locks have a history of trouble (xdg-desktop-portal
 * #1117). So SQLite never opens a file there: the workspace works on a
 * private copy in the user's data folder, and each change is written back
 * as a complete file that replaces the original in one rename, which the
 * portal supports. The original is always the old or the new whole file.
 *
 * A key file beside the copy says whether it holds changes the original
 * lacks, and how the original looked after the last write-back: after a
 * crash, the next open writes those changes back if the original is as we
 * left it, and keeps them aside, unmerged, if someone else changed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

#define ABM_DOCUMENT_ERROR (abm_document_error_quark ())

typedef enum {
  /* The original was changed, moved or deleted by someone else since we
   * last wrote it: our changes are not written over theirs. */
  ABM_DOCUMENT_ERROR_CHANGED,
  ABM_DOCUMENT_ERROR_EXISTS,
  ABM_DOCUMENT_ERROR_FAILED,
} AbmDocumentError;

/* What an earlier session left in the working copy. */
typedef enum {
  ABM_DOCUMENT_CLEAN,      /* nothing the original lacks: copy it afresh */
  ABM_DOCUMENT_PENDING,    /* changes the original lacks, and it is as we left it */
  ABM_DOCUMENT_CONFLICT,   /* changes the original lacks, but it changed meanwhile */
} AbmDocumentState;

GQuark   abm_document_error_quark    (void);

/* Whether @path (canonical) lies in a document portal folder; the
 * environment variable ABM_DOCUMENT_PORTAL_DIR names another folder to
 * treat as one, for tests. */
gboolean abm_document_is_portal_path (const char *path);

/* A new empty file in the private folder, for a complete workspace to be
 * built in before abm_document_replace() puts it in a portal folder. */
char    *abm_document_new_temp       (GError    **error);

/* Writes the complete file @source as @dest in a portal folder: into a
 * temporary file beside @dest, then renamed over it. Without @overwrite an
 * existing @dest is an EXISTS error. On success the stat of the new @dest
 * is in @st_out, if given. */
gboolean abm_document_replace        (const char *dest,
                                      const char *source,
                                      gboolean    overwrite,
                                      GStatBuf   *st_out,
                                      GError    **error);

#define ABM_TYPE_DOCUMENT_COPY (abm_document_copy_get_type ())
G_DECLARE_FINAL_TYPE (AbmDocumentCopy, abm_document_copy, ABM, DOCUMENT_COPY, GObject)

/* The working copy of the portal file @original: it lives in
 * $XDG_DATA_HOME/abm-planner/documents, named by the SHA-256 of @original.
 * Nothing is read or written yet. */
AbmDocumentCopy *abm_document_copy_new          (const char       *original);
/* A throwaway copy of @original for reading, never written back; its file
 * is made and filled now. */
AbmDocumentCopy *abm_document_copy_new_snapshot (const char       *original,
                                                 GError          **error);

const char      *abm_document_copy_get_original (AbmDocumentCopy  *self);
const char      *abm_document_copy_get_path     (AbmDocumentCopy  *self);
gboolean         abm_document_copy_get_pending  (AbmDocumentCopy  *self);

/* Makes the working copy exist (empty if new), so that it can be locked
 * before anything is read from it or written to it; removes what a process
 * that died while writing back left in the private folder. */
gboolean         abm_document_copy_ensure       (AbmDocumentCopy  *self,
                                                 GError          **error);
/* With the working copy locked: what the last session left. */
AbmDocumentState abm_document_copy_load_state   (AbmDocumentCopy  *self);
/* Copies the working copy (and a -wal it has) to a dated name in the
 * private folder and returns that path. */
char            *abm_document_copy_keep_aside   (AbmDocumentCopy  *self,
                                                 GError          **error);
/* Fills the working copy with the original's bytes and records the
 * original as it was read: nothing pending. */
gboolean         abm_document_copy_fetch        (AbmDocumentCopy  *self,
                                                 GError          **error);
/* Records that the working copy holds changes the original lacks (or no
 * longer does). The flag in memory changes even if storing it fails. */
gboolean         abm_document_copy_set_pending  (AbmDocumentCopy  *self,
                                                 gboolean          pending,
                                                 GError          **error);
/* Puts @snapshot, a complete consistent workspace file, in place of the
 * original (abm_document_replace()) unless the original changed since the
 * fetch or the last write-back (CHANGED); then nothing is pending. */
gboolean         abm_document_copy_write_back   (AbmDocumentCopy  *self,
                                                 const char       *snapshot,
                                                 GError          **error);
/* Removes the working copy, its SQLite sidecars and its key file. */
void             abm_document_copy_discard      (AbmDocumentCopy  *self);

G_END_DECLS
