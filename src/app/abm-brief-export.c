/* abm-brief-export.c: briefs written as PDF files, one or a batch
 *
 * A batch builds each document on the main thread, since building reads
 * the workspace, and writes it on a worker thread, since writing touches
 * no workspace. While one file is written the next document is built, so
 * the two halves overlap and the window stays responsive between files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-brief-export.h"

typedef struct {
  AbmBriefDocument *document;
  char             *path;
} Job;

struct _AbmBriefExport
{
  GObject           parent_instance;

  AbmWorkspace     *workspace;
  GPtrArray        *accounts;
  GFile            *folder;
  AbmPaper          paper;

  GTask            *task;        /* the batch while it runs */
  GHashTable       *names;       /* file names given so far */
  guint             next;        /* the next account to build */
  guint             n_written;
  Job              *ready;       /* built, waiting for the writer */
  GError           *ready_error; /* or why it could not be built */
};

G_DEFINE_FINAL_TYPE (AbmBriefExport, abm_brief_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ACCOUNTS,
  PROP_N_WRITTEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
job_free (Job *job)
{
  g_clear_pointer (&job->document, abm_brief_document_free);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

gboolean
abm_brief_export_write (AbmWorkspace  *workspace,
                        AbmAccount    *account,
                        AbmPaper       paper,
                        GFile         *file,
                        GError       **error)
{
  g_autoptr(AbmBriefDocument) document = NULL;
  g_autofree char *path = NULL;
  AbmBriefOptions options = { .paper = paper };

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Briefs can only be saved on this computer."));
      return FALSE;
    }
  if (account != NULL)
    document = abm_brief_document_new_account (workspace, account, &options, error);
  else
    document = abm_brief_document_new_summary (workspace, &options, error);
  return document != NULL && abm_brief_document_write_pdf (document, path, error);
}

GPtrArray *
abm_brief_export_tier_accounts (AbmWorkspace *workspace,
                                guint         tier)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(AbmAccount) account = g_list_model_get_item (accounts, i);

      if (abm_account_get_tier (account) == tier)
        g_ptr_array_add (found, g_steal_pointer (&account));
    }
  return found;
}

/* Two accounts of one name would share a file: the later ones get their
 * domain added, so no brief overwrites another. */
static char *
unique_file_name (AbmBriefExport *self,
                  AbmAccount     *account)
{
  g_autofree char *name = abm_brief_file_name (account);
  const char *domain = abm_account_get_domain (account);

  if (g_hash_table_contains (self->names, name) && domain != NULL)
    {
      gsize stem = strlen (name) - (g_str_has_suffix (name, ".pdf") ? strlen (".pdf") : 0);
      char *renamed = g_strdup_printf ("%.*s (%s).pdf", (int) stem, name, domain);

      g_free (name);
      name = renamed;
    }
  g_hash_table_add (self->names, g_strdup (name));
  return g_steal_pointer (&name);
}

static Job *
build_job (AbmBriefExport  *self,
           GError         **error)
{
  AbmAccount *account = g_ptr_array_index (self->accounts, self->next++);
  AbmBriefOptions options = { .paper = self->paper };
  g_autoptr(Job) job = g_new0 (Job, 1);
  g_autofree char *dir = g_file_get_path (self->folder);
  g_autofree char *name = NULL;

  if (dir == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Briefs can only be saved on this computer."));
      return NULL;
    }
  job->document = abm_brief_document_new_account (self->workspace, account, &options, error);
  if (job->document == NULL)
    return NULL;
  name = unique_file_name (self, account);
  job->path = g_build_filename (dir, name, NULL);
  return g_steal_pointer (&job);
}

static void
finish (AbmBriefExport *self,
        GError         *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_pointer (&self->ready, job_free);
  g_clear_error (&self->ready_error);
  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    g_clear_error (&error);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
cancelled (AbmBriefExport *self)
{
  return self->task == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (self->task));
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (abm_brief_document_write_pdf (job->document, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_next (AbmBriefExport *self);

static void
written (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  AbmBriefExport *self = ABM_BRIEF_EXPORT (object);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish (self, error);
      return;
    }
  self->n_written++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WRITTEN]);
  start_next (self);
}

/* Builds the next document while the writer is busy with this one. */
static gboolean
prepare_next (gpointer user_data)
{
  AbmBriefExport *self = user_data;

  if (!cancelled (self) && self->ready == NULL && self->ready_error == NULL
      && self->next < self->accounts->len)
    self->ready = build_job (self, &self->ready_error);
  return G_SOURCE_REMOVE;
}

static void
start_next (AbmBriefExport *self)
{
  g_autoptr(GTask) writer = NULL;
  GError *error = NULL;
  Job *job;

  if (cancelled (self))
    {
      finish (self, NULL);
      return;
    }
  if (self->ready_error != NULL)
    {
      finish (self, g_steal_pointer (&self->ready_error));
      return;
    }
  job = g_steal_pointer (&self->ready);
  if (job == NULL && self->next < self->accounts->len)
    {
      job = build_job (self, &error);
      if (job == NULL)
        {
          finish (self, error);
          return;
        }
    }
  if (job == NULL)
    {
      finish (self, NULL);
      return;
    }

  /* The writer is not cancelled: a file once begun is finished. */
  writer = g_task_new (self, NULL, written, NULL);
  g_task_set_source_tag (writer, start_next);
  g_task_set_task_data (writer, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (writer, write_in_thread);
  if (self->next < self->accounts->len)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, prepare_next, g_object_ref (self), g_object_unref);
}

void
abm_brief_export_run_async (AbmBriefExport      *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ABM_IS_BRIEF_EXPORT (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, abm_brief_export_run_async);
  g_hash_table_remove_all (self->names);
  self->next = 0;
  self->n_written = 0;
  start_next (self);
}

gboolean
abm_brief_export_run_finish (AbmBriefExport  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
abm_brief_export_get_n_accounts (AbmBriefExport *self)
{
  g_return_val_if_fail (ABM_IS_BRIEF_EXPORT (self), 0);
  return self->accounts->len;
}

guint
abm_brief_export_get_n_written (AbmBriefExport *self)
{
  g_return_val_if_fail (ABM_IS_BRIEF_EXPORT (self), 0);
  return self->n_written;
}

GFile *
abm_brief_export_get_folder (AbmBriefExport *self)
{
  g_return_val_if_fail (ABM_IS_BRIEF_EXPORT (self), NULL);
  return self->folder;
}

static void
abm_brief_export_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AbmBriefExport *self = ABM_BRIEF_EXPORT (object);

  switch (prop_id)
    {
    case PROP_N_ACCOUNTS:
      g_value_set_uint (value, self->accounts->len);
      break;
    case PROP_N_WRITTEN:
      g_value_set_uint (value, self->n_written);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_brief_export_finalize (GObject *object)
{
  AbmBriefExport *self = ABM_BRIEF_EXPORT (object);

  g_clear_pointer (&self->ready, job_free);
  g_clear_error (&self->ready_error);
  g_hash_table_unref (self->names);
  g_ptr_array_unref (self->accounts);
  g_clear_object (&self->folder);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (abm_brief_export_parent_class)->finalize (object);
}

static void
abm_brief_export_class_init (AbmBriefExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = abm_brief_export_get_property;
  object_class->finalize = abm_brief_export_finalize;

  properties[PROP_N_ACCOUNTS] =
    g_param_spec_uint ("n-accounts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WRITTEN] =
    g_param_spec_uint ("n-written", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
abm_brief_export_init (AbmBriefExport *self)
{
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AbmBriefExport *
abm_brief_export_new (AbmWorkspace *workspace,
                      GPtrArray    *accounts,
                      GFile        *folder,
                      AbmPaper      paper)
{
  AbmBriefExport *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (accounts != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (ABM_TYPE_BRIEF_EXPORT, NULL);
  self->workspace = g_object_ref (workspace);
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (self->accounts, g_object_ref (g_ptr_array_index (accounts, i)));
  self->folder = g_object_ref (folder);
  self->paper = paper;
  return self;
}
