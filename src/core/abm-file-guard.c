/* abm-file-guard.c: who may write a workspace file, and its SQLite sidecars
 *
 * One process writes a workspace at a time: it holds an open-file-description
 * (OFD) write lock on one byte far from the bytes SQLite locks (those start
 * at 0x40000000). POSIX record locks, which SQLite uses, belong to the
 * process and are all dropped when any descriptor of the file is closed, so
 * the descriptor that carries our lock is opened once per file and kept for
 * the life of the process, and the lock is released with F_UNLCK, never by
 * closing. A table of the files this process uses answers for connections
 * inside the process, which OFD locks on one descriptor cannot tell apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* F_OFD_SETLK */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abm-file-guard.h"

#define WRITER_LOCK_OFFSET 0x3FFFFF00
/* The "dead man switch" byte of SQLite's unix -shm file: every connection
 * using the shared memory holds a read lock on it. */
#define SHM_DMS_OFFSET 128

typedef struct {
  int   fd;       /* -1 until first needed, then open for good */
  guint writable : 1;
  guint writer : 1;   /* this process holds the writer lock */
  guint users;    /* SQLite connections of this process on the file */
} FileEntry;

static GMutex files_lock;
static GHashTable *files;

static FileEntry *
entry_for (const char *key)
{
  FileEntry *entry;

  if (files == NULL)
    files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  entry = g_hash_table_lookup (files, key);
  if (entry == NULL)
    {
      entry = g_new0 (FileEntry, 1);
      entry->fd = -1;
      g_hash_table_insert (files, g_strdup (key), entry);
    }
  return entry;
}

/* Identifies a file by device and inode, whatever path reached it. */
char *
abm_file_guard_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

static int
set_lock (int   fd,
          short type)
{
  struct flock fl = { 0 };

  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = WRITER_LOCK_OFFSET;
  fl.l_len = 1;
  return fcntl (fd, F_OFD_SETLK, &fl);
}

/* The file's one descriptor in this process, opened for writing where
 * that is allowed. Called with files_lock held. */
static int
entry_fd (FileEntry  *entry,
          const char *path)
{
  if (entry->fd < 0)
    {
      entry->fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
      entry->writable = entry->fd >= 0;
      if (entry->fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
        entry->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
    }
  return entry->fd;
}

/* Reads the start of the file through the kept descriptor: opening and
 * closing another one would drop this process's SQLite locks on it. */
gssize
abm_file_guard_read (const char *key,
                     const char *path,
                     void       *buffer,
                     gsize       size,
                     int        *errno_out)
{
  gssize got = -1;
  int fd;

  *errno_out = 0;
  g_mutex_lock (&files_lock);
  fd = entry_fd (entry_for (key), path);
  if (fd >= 0)
    got = pread (fd, buffer, size, 0);
  if (got < 0)
    *errno_out = errno;
  g_mutex_unlock (&files_lock);
  return got;
}

AbmFileLockResult
abm_file_guard_lock (const char *key,
                     const char *path,
                     int        *errno_out)
{
  AbmFileLockResult result = ABM_FILE_LOCK_TAKEN;
  FileEntry *entry;

  *errno_out = 0;
  g_mutex_lock (&files_lock);
  entry = entry_for (key);

  if (entry->writer)
    result = ABM_FILE_LOCK_HELD_HERE;
  else
    {
      if (entry_fd (entry, path) < 0)
        {
          *errno_out = errno;
          result = ABM_FILE_LOCK_FAILED;
        }
      else if (!entry->writable)
        {
          *errno_out = EACCES;
          result = ABM_FILE_LOCK_NOT_WRITABLE;
        }
      else if (set_lock (entry->fd, F_WRLCK) != 0)
        {
          *errno_out = errno;
          result = (errno == EAGAIN || errno == EACCES)
                   ? ABM_FILE_LOCK_HELD_ELSEWHERE : ABM_FILE_LOCK_FAILED;
        }
      else
        entry->writer = TRUE;
    }

  g_mutex_unlock (&files_lock);
  return result;
}

void
abm_file_guard_unlock (const char *key)
{
  FileEntry *entry;

  g_mutex_lock (&files_lock);
  entry = entry_for (key);
  if (entry->writer)
    {
      set_lock (entry->fd, F_UNLCK);
      entry->writer = FALSE;
    }
  g_mutex_unlock (&files_lock);
}

void
abm_file_guard_forget (const char *key)
{
  FileEntry *entry;

  g_mutex_lock (&files_lock);
  entry = files != NULL ? g_hash_table_lookup (files, key) : NULL;
  if (entry != NULL && entry->users == 0 && !entry->writer)
    {
      if (entry->fd >= 0)
        close (entry->fd);
      g_hash_table_remove (files, key);
    }
  g_mutex_unlock (&files_lock);
}

void
abm_file_guard_add_user (const char *key)
{
  g_mutex_lock (&files_lock);
  entry_for (key)->users++;
  g_mutex_unlock (&files_lock);
}

void
abm_file_guard_remove_user (const char *key)
{
  FileEntry *entry;

  g_mutex_lock (&files_lock);
  entry = entry_for (key);
  g_warn_if_fail (entry->users > 0);
  if (entry->users > 0)
    entry->users--;
  g_mutex_unlock (&files_lock);
}

/* TRUE when a SQLite connection, here or in another process, uses the
 * file's -shm (and so its -wal): then neither may be removed. */
gboolean
abm_file_guard_in_use (const char *key,
                       const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock fl = { 0 };
  gboolean in_use;
  int fd;

  g_mutex_lock (&files_lock);
  in_use = entry_for (key)->users > 0;
  g_mutex_unlock (&files_lock);
  if (in_use)
    return TRUE;

  /* Opening and closing the -shm here drops no lock of ours: this process
   * has no connection on the file. */
  fd = g_open (shm, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = SHM_DMS_OFFSET;
  fl.l_len = 1;
  in_use = fcntl (fd, F_GETLK, &fl) != 0 || fl.l_type != F_UNLCK;
  close (fd);
  return in_use;
}

/* A rollback -journal is only removed with the file it belongs to: alone,
 * it may be what repairs that file after a crash. */
void
abm_file_guard_remove_sidecars (const char *path,
                                gboolean    with_journal)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < (with_journal ? 3 : 2); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);
      g_unlink (sidecar);
    }
}
