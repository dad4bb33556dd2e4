/* abm-document-copy.c: a workspace from a portal folder, edited in a private copy
 *
 * See abm-document-copy.h for why. Here are the files: the working copy
 * and its key file in $XDG_DATA_HOME/abm-planner/documents (data, not
 * cache, so that nothing purges changes not yet written back), and the one
 * way anything is written into a portal folder: a temporary file beside
 * the original, filled and flushed, then renamed over it.
 *
 * The working copy is filled in place rather than replaced, so that it
 * keeps the inode the workspace's writer lock (abm-file-guard.c) was taken
 * on before anything was read; it is private, and nothing is pending while
 * it is filled, so a copy torn by a crash is simply fetched again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abm-document-copy.h"
#include "abm-file-guard.h"

#define STATE_GROUP "Document"

struct _AbmDocumentCopy
{
  GObject  parent_instance;

  char    *original;
  char    *path;          /* the working copy */
  char    *state_path;    /* its key file; NULL for a snapshot */
  gboolean pending;
  /* The original as the fetch or the last write-back left it. */
  gint64   size;
  gint64   mtime_sec;
  gint64   mtime_nsec;
};

G_DEFINE_FINAL_TYPE (AbmDocumentCopy, abm_document_copy, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-document-error-quark, abm_document_error)

static gboolean
is_below (const char *path,
          const char *dir)
{
  g_autofree char *canonical = g_canonicalize_filename (dir, NULL);
  gsize n = strlen (canonical);

  return strncmp (path, canonical, n) == 0 && path[n] == '/' && path[n + 1] != '\0';
}

gboolean
abm_document_is_portal_path (const char *path)
{
  const char *override = g_getenv ("ABM_DOCUMENT_PORTAL_DIR");
  g_autofree char *runtime_doc = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (override != NULL && *override != '\0')
    return is_below (path, override);
  runtime_doc = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  return is_below (path, runtime_doc) || is_below (path, "/run/flatpak/doc");
}

/* Sets a FAILED error; FALSE. */
static gboolean G_GNUC_PRINTF (2, 3)
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_FAILED,
                                                format, args));
  va_end (args);
  return FALSE;
}

static char *
private_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "abm-planner", "documents", NULL);
}

static gboolean
make_private_dir (GError **error)
{
  g_autofree char *dir = private_dir ();

  if (g_mkdir_with_parents (dir, 0700) == 0)
    return TRUE;
  return fail (error, _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
}

/* Copies all of @source into @fd, from where it stands, and flushes it to
 * the disk. */
static gboolean
copy_into (const char  *source,
           int          fd,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (fd, FALSE);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = g_filename_display_basename (source);

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL
      || g_output_stream_splice (out, G_INPUT_STREAM (in), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                 NULL, &local_error) < 0)
    {
      g_set_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_FAILED,
                   _("Could not copy “%s”: %s"), shown, local_error->message);
      return FALSE;
    }
  if (fsync (fd) != 0)
    return fail (error, _("Could not copy “%s”: %s"), shown, g_strerror (errno));
  return TRUE;
}

/* @dest must not exist; it is removed again if the copy fails. */
static gboolean
copy_file (const char  *source,
           const char  *dest,
           GError     **error)
{
  g_autofree char *shown = g_filename_display_basename (dest);
  int fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  gboolean ok;

  if (fd < 0)
    return fail (error, _("Could not create “%s”: %s"), shown, g_strerror (errno));
  ok = copy_into (source, fd, error);
  if (close (fd) != 0 && ok)
    ok = fail (error, _("Could not create “%s”: %s"), shown, g_strerror (errno));
  if (!ok)
    g_unlink (dest);
  return ok;
}

char *
abm_document_new_temp (GError **error)
{
  g_autofree char *dir = private_dir ();
  g_autofree char *path = NULL;
  int fd;

  if (!make_private_dir (error))
    return NULL;
  path = g_build_filename (dir, ".abm-planner-new-XXXXXX", NULL);
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      fail (error, _("Could not create a file in “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&path);
}

gboolean
abm_document_replace (const char  *dest,
                      const char  *source,
                      gboolean     overwrite,
                      GStatBuf    *st_out,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *tmp = g_build_filename (dir, ".abm-planner-save-XXXXXX", NULL);
  g_autofree char *shown = g_filename_display_basename (dest);
  GStatBuf old;
  gboolean ok;
  int fd;

  g_return_val_if_fail (dest != NULL && source != NULL, FALSE);

  /* Never the original truncated and rewritten in place, which a crash
   * could leave half written: the rename is the only change it sees. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);  /* the umask applies */
  if (fd < 0)
    return fail (error, _("Could not save “%s”: %s"), shown, g_strerror (errno));
  /* The new file keeps the old one's permissions, where the folder lets it. */
  if (g_stat (dest, &old) == 0 && fchmod (fd, old.st_mode & 07777) != 0)
    g_debug ("Could not keep the permissions of %s: %s", dest, g_strerror (errno));

  ok = copy_into (source, fd, error);
  if (close (fd) != 0 && ok)
    ok = fail (error, _("Could not save “%s”: %s"), shown, g_strerror (errno));
  if (ok && !overwrite && g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_EXISTS,
                   _("“%s” already exists"), shown);
      ok = FALSE;
    }
  if (ok && g_rename (tmp, dest) != 0)
    ok = fail (error, _("Could not save “%s”: %s"), shown, g_strerror (errno));
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (st_out != NULL && g_stat (dest, st_out) != 0)
    return fail (error, _("Could not read “%s” back after saving it: %s"), shown, g_strerror (errno));
  return TRUE;
}

static void
abm_document_copy_finalize (GObject *object)
{
  AbmDocumentCopy *self = ABM_DOCUMENT_COPY (object);

  g_free (self->original);
  g_free (self->path);
  g_free (self->state_path);

  G_OBJECT_CLASS (abm_document_copy_parent_class)->finalize (object);
}

static void
abm_document_copy_class_init (AbmDocumentCopyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_document_copy_finalize;
}

static void
abm_document_copy_init (AbmDocumentCopy *self)
{
}

AbmDocumentCopy *
abm_document_copy_new (const char *original)
{
  AbmDocumentCopy *self;
  g_autofree char *dir = private_dir ();
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (original != NULL, NULL);

  self = g_object_new (ABM_TYPE_DOCUMENT_COPY, NULL);
  self->original = g_strdup (original);
  /* The path names the document: the portal keeps a file's folder for as
   * long as the app may use it. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, original, -1);
  name = g_strconcat (hash, ".abm", NULL);
  self->path = g_build_filename (dir, name, NULL);
  self->state_path = g_strconcat (self->path, ".state", NULL);
  return self;
}

AbmDocumentCopy *
abm_document_copy_new_snapshot (const char  *original,
                                GError     **error)
{
  g_autoptr(AbmDocumentCopy) self = NULL;
  g_autofree char *dir = private_dir ();
  int fd;
  gboolean ok;

  g_return_val_if_fail (original != NULL, NULL);

  if (!make_private_dir (error))
    return NULL;
  self = g_object_new (ABM_TYPE_DOCUMENT_COPY, NULL);
  self->original = g_strdup (original);
  self->path = g_build_filename (dir, ".abm-planner-read-XXXXXX", NULL);
  fd = g_mkstemp_full (self->path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      fail (error, _("Could not create a file in “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }
  ok = copy_into (original, fd, error);
  close (fd);
  if (!ok)
    {
      g_unlink (self->path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
abm_document_copy_get_original (AbmDocumentCopy *self)
{
  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), NULL);
  return self->original;
}

const char *
abm_document_copy_get_path (AbmDocumentCopy *self)
{
  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), NULL);
  return self->path;
}

gboolean
abm_document_copy_get_pending (AbmDocumentCopy *self)
{
  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), FALSE);
  return self->pending;
}

/* Temporary files of a process that died (a day old, so none in use). */
static void
remove_stale_temporaries (void)
{
  g_autofree char *dir_path = private_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  gint64 limit = g_get_real_time () / G_USEC_PER_SEC - 24 * 60 * 60;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_str_has_prefix (name, ".abm-planner-") && g_stat (path, &st) == 0 && st.st_mtime < limit)
        g_unlink (path);
    }
}

gboolean
abm_document_copy_ensure (AbmDocumentCopy  *self,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), FALSE);

  if (!make_private_dir (error))
    return FALSE;
  remove_stale_temporaries ();
  /* Never an existing copy opened and closed: that would drop the SQLite
   * locks a workspace of this process may hold on it. */
  fd = g_open (self->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  if (errno == EEXIST)
    return TRUE;
  return fail (error, _("Could not create “%s”: %s"), self->path, g_strerror (errno));
}

static void
record (AbmDocumentCopy *self,
        const GStatBuf  *st)
{
  self->size = st->st_size;
  self->mtime_sec = st->st_mtim.tv_sec;
  self->mtime_nsec = st->st_mtim.tv_nsec;
}

static gboolean
as_recorded (AbmDocumentCopy *self,
             const GStatBuf  *st)
{
  return self->size == st->st_size
         && self->mtime_sec == st->st_mtim.tv_sec
         && self->mtime_nsec == st->st_mtim.tv_nsec;
}

AbmDocumentState
abm_document_copy_load_state (AbmDocumentCopy *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *original = NULL;
  GStatBuf st;

  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), ABM_DOCUMENT_CLEAN);

  if (self->state_path == NULL
      || !g_key_file_load_from_file (keys, self->state_path, G_KEY_FILE_NONE, NULL))
    return ABM_DOCUMENT_CLEAN;
  original = g_key_file_get_string (keys, STATE_GROUP, "Original", NULL);
  if (g_strcmp0 (original, self->original) != 0
      || !g_key_file_get_boolean (keys, STATE_GROUP, "Pending", NULL)
      || g_stat (self->path, &st) != 0 || st.st_size == 0)
    return ABM_DOCUMENT_CLEAN;

  self->pending = TRUE;
  self->size = g_key_file_get_int64 (keys, STATE_GROUP, "Size", NULL);
  self->mtime_sec = g_key_file_get_int64 (keys, STATE_GROUP, "ModifiedSeconds", NULL);
  self->mtime_nsec = g_key_file_get_int64 (keys, STATE_GROUP, "ModifiedNanoseconds", NULL);
  if (g_stat (self->original, &st) == 0 && as_recorded (self, &st))
    return ABM_DOCUMENT_PENDING;
  return ABM_DOCUMENT_CONFLICT;
}

gboolean
abm_document_copy_set_pending (AbmDocumentCopy  *self,
                               gboolean          pending,
                               GError          **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), FALSE);

  self->pending = pending;
  if (self->state_path == NULL)
    return TRUE;

  g_key_file_set_string (keys, STATE_GROUP, "Original", self->original);
  g_key_file_set_boolean (keys, STATE_GROUP, "Pending", pending);
  g_key_file_set_int64 (keys, STATE_GROUP, "Size", self->size);
  g_key_file_set_int64 (keys, STATE_GROUP, "ModifiedSeconds", self->mtime_sec);
  g_key_file_set_int64 (keys, STATE_GROUP, "ModifiedNanoseconds", self->mtime_nsec);
  data = g_key_file_to_data (keys, &len, NULL);
  /* Durable: after a power cut the flag must not say less than the copy
   * holds. */
  if (!g_file_set_contents_full (self->state_path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_FAILED,
                   _("Could not note the state of the working copy: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
abm_document_copy_keep_aside (AbmDocumentCopy  *self,
                              GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H.%M.%S");
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->original);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *aside = NULL;
  GStatBuf st;

  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), NULL);

  if (g_str_has_suffix (base, ".abm"))
    base[strlen (base) - 4] = '\0';
  for (guint n = 1; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s %s.abm", base, stamp)
                                     : g_strdup_printf ("%s %s (%u).abm", base, stamp, n);

      g_free (aside);
      aside = g_build_filename (dir, name, NULL);
    }

  if (!copy_file (self->path, aside, error))
    return NULL;
  /* Changes SQLite did not fold into the file yet go with it. */
  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_autofree char *aside_wal = g_strconcat (aside, "-wal", NULL);

      if (!copy_file (wal, aside_wal, error))
        {
          g_unlink (aside);
          return NULL;
        }
    }
  return g_steal_pointer (&aside);
}

gboolean
abm_document_copy_fetch (AbmDocumentCopy  *self,
                         GError          **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), FALSE);

  shown = g_filename_display_basename (self->original);
  /* A log of an earlier session must not be played onto another file. */
  abm_file_guard_remove_sidecars (self->path, TRUE);

  /* Read twice at most: a file that changes while it is read is torn. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      GStatBuf before, after;
      gboolean ok;
      int fd;

      if (g_stat (self->original, &before) != 0)
        return fail (error, _("Could not open “%s”: %s"), shown, g_strerror (errno));
      fd = g_open (self->path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
      if (fd < 0)
        return fail (error, _("Could not write “%s”: %s"), self->path, g_strerror (errno));
      ok = copy_into (self->original, fd, error);
      close (fd);
      if (!ok)
        return FALSE;
      if (g_stat (self->original, &after) == 0
          && before.st_size == after.st_size
          && before.st_mtim.tv_sec == after.st_mtim.tv_sec
          && before.st_mtim.tv_nsec == after.st_mtim.tv_nsec)
        {
          record (self, &before);
          return abm_document_copy_set_pending (self, FALSE, error);
        }
    }

  g_set_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_CHANGED,
               _("“%s” kept changing while it was being read; try again"), shown);
  return FALSE;
}

gboolean
abm_document_copy_write_back (AbmDocumentCopy  *self,
                              const char       *snapshot,
                              GError          **error)
{
  GStatBuf st;

  g_return_val_if_fail (ABM_IS_DOCUMENT_COPY (self), FALSE);
  g_return_val_if_fail (self->state_path != NULL, FALSE);

  if (g_stat (self->original, &st) != 0 || !as_recorded (self, &st))
    {
      g_autofree char *shown = g_filename_display_basename (self->original);

      g_set_error (error, ABM_DOCUMENT_ERROR, ABM_DOCUMENT_ERROR_CHANGED,
                   _("“%s” was changed, moved or deleted by another program since ABM Planner "
                     "last saved it, so the latest changes were not written over it"), shown);
      return FALSE;
    }
  if (!abm_document_replace (self->original, snapshot, TRUE, &st, error))
    return FALSE;
  record (self, &st);
  return abm_document_copy_set_pending (self, FALSE, error);
}

void
abm_document_copy_discard (AbmDocumentCopy *self)
{
  g_return_if_fail (ABM_IS_DOCUMENT_COPY (self));

  abm_file_guard_remove_sidecars (self->path, TRUE);
  g_unlink (self->path);
  if (self->state_path != NULL)
    g_unlink (self->state_path);
}
