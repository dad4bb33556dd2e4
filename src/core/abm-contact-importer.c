/* abm-contact-importer.c: buying-committee members from a CRM's contacts export
 *
 * The same CSV reader as the account import, and the same promise: every
 * row that is not imported is listed with its line and the reason, and the
 * whole import is one transaction. A contact belongs to the account whose
 * domain is in its company column, or else its email's; a contact already
 * on that committee (same email) is updated, not doubled; reporting lines
 * come from the manager's email and may point to someone earlier or later
 * in the file, but never to another company or round in a loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-contact-importer.h"
#include "abm-csv-reader.h"

struct _AbmContactImporter
{
  GObject       parent_instance;

  AbmWorkspace *workspace;
  AbmCsvSource  source;
  int           columns[ABM_CONTACT_N_COLUMNS];

  /* The outcome of prepare() */
  GPtrArray    *batch;      /* AbmStakeholder: new (id 0) or changed copies */
  GPtrArray    *managers;   /* char*: the manager's email per batch entry, or NULL */
  GArray       *lines;      /* guint64 per batch entry */
  GPtrArray    *rejects;    /* AbmImportReject */
  guint         n_new;
  guint         n_updated;
  gboolean      prepared;
};

G_DEFINE_FINAL_TYPE (AbmContactImporter, abm_contact_importer, G_TYPE_OBJECT)

static const struct {
  AbmContactColumn  column;
  const char       *aliases;   /* abm_import_header_key() forms */
} aliases[] = {
  { ABM_CONTACT_NAME, "name fullname contactname contact" },
  { ABM_CONTACT_FIRST_NAME, "firstname givenname" },
  { ABM_CONTACT_LAST_NAME, "lastname surname familyname" },
  { ABM_CONTACT_TITLE, "jobtitle title position" },
  { ABM_CONTACT_DEPARTMENT, "department function" },
  { ABM_CONTACT_EMAIL, "email emailaddress workemail" },
  { ABM_CONTACT_PHONE, "phone phonenumber mobilephonenumber workphone" },
  { ABM_CONTACT_LINKEDIN, "linkedin linkedinurl linkedinprofile linkedinbio" },
  { ABM_CONTACT_DOMAIN, "companydomain companydomainname domain website companywebsite accountdomain" },
  { ABM_CONTACT_REPORTS_TO, "reportsto reportstoemail manageremail manager managersemail" },
  { ABM_CONTACT_ROLES, "buyingrole buyingroles role roles committeerole" },
  { ABM_CONTACT_LAST_CONTACT, "lastcontacted lastcontact lastactivitydate lastcontactdate" },
};

static void
clear_outcome (AbmContactImporter *self)
{
  g_ptr_array_set_size (self->batch, 0);
  g_ptr_array_set_size (self->managers, 0);
  g_array_set_size (self->lines, 0);
  g_ptr_array_set_size (self->rejects, 0);
  self->n_new = self->n_updated = 0;
  self->prepared = FALSE;
}

static void
abm_contact_importer_finalize (GObject *object)
{
  AbmContactImporter *self = ABM_CONTACT_IMPORTER (object);

  g_clear_object (&self->workspace);
  abm_csv_source_clear (&self->source);
  g_ptr_array_unref (self->batch);
  g_ptr_array_unref (self->managers);
  g_array_unref (self->lines);
  g_ptr_array_unref (self->rejects);
  G_OBJECT_CLASS (abm_contact_importer_parent_class)->finalize (object);
}

static void
abm_contact_importer_class_init (AbmContactImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_contact_importer_finalize;
}

static void
abm_contact_importer_init (AbmContactImporter *self)
{
  self->batch = g_ptr_array_new_with_free_func (g_object_unref);
  self->managers = g_ptr_array_new_with_free_func (g_free);
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->rejects = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_import_reject_free);
  for (guint i = 0; i < ABM_CONTACT_N_COLUMNS; i++)
    self->columns[i] = -1;
}

AbmContactImporter *
abm_contact_importer_new (AbmWorkspace *workspace)
{
  AbmContactImporter *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_CONTACT_IMPORTER, NULL);
  self->workspace = g_object_ref (workspace);
  return self;
}

static AbmCsvReader *
open_reader (AbmContactImporter  *self,
             GError             **error)
{
  return abm_csv_source_open (&self->source, error);
}

/* Reads the header and finds each field's column by its name. */
static gboolean
read_header (AbmContactImporter  *self,
             AbmCsvReader        *reader,
             GError             **error)
{
  const char *const *fields;
  guint n_fields;

  for (guint i = 0; i < ABM_CONTACT_N_COLUMNS; i++)
    self->columns[i] = -1;
  if (!abm_csv_reader_read_record (reader, &n_fields, &fields, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_HEADER,
                             _("The file is empty: it needs a header row naming its columns"));
      return FALSE;
    }
  for (guint c = 0; c < n_fields; c++)
    {
      g_autofree char *key = abm_import_header_key (fields[c]);

      for (guint a = 0; a < G_N_ELEMENTS (aliases); a++)
        {
          if (abm_import_header_is (key, aliases[a].aliases) && self->columns[aliases[a].column] < 0)
            self->columns[aliases[a].column] = (int) c;
        }
    }
  if (self->columns[ABM_CONTACT_NAME] < 0 && self->columns[ABM_CONTACT_FIRST_NAME] < 0
      && self->columns[ABM_CONTACT_LAST_NAME] < 0)
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("The file has no column with the contacts’ names "
                             "(“Name”, or “First Name” and “Last Name”)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_checked (AbmContactImporter  *self,
              GError             **error)
{
  g_autoptr(AbmCsvReader) reader = open_reader (self, error);

  clear_outcome (self);
  return reader != NULL && read_header (self, reader, error);
}

gboolean
abm_contact_importer_open_path (AbmContactImporter  *self,
                                const char          *path,
                                GError             **error)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), FALSE);

  abm_csv_source_set_path (&self->source, path);
  return open_checked (self, error);
}

gboolean
abm_contact_importer_open_data (AbmContactImporter  *self,
                                const char          *data,
                                gsize                len,
                                GError             **error)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), FALSE);

  abm_csv_source_set_data (&self->source, data, len);
  return open_checked (self, error);
}

int
abm_contact_importer_get_column (AbmContactImporter *self,
                                 AbmContactColumn    field)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), -1);
  g_return_val_if_fail (field < ABM_CONTACT_N_COLUMNS, -1);
  return self->columns[field];
}

static const char *
cell (AbmContactImporter *self,
      AbmContactColumn    field,
      guint               n_fields,
      const char *const  *fields)
{
  int c = self->columns[field];

  return c >= 0 && (guint) c < n_fields && fields[c][0] != '\0' ? fields[c] : NULL;
}

/* The row's values onto @s; the row's reason when one does not hold. */
static char *
fill (AbmContactImporter *self,
      AbmStakeholder     *s,
      guint               n_fields,
      const char *const  *fields)
{
  static const struct { AbmContactColumn column; AbmStakeholderField field; } texts[] = {
    { ABM_CONTACT_TITLE, ABM_STAKEHOLDER_FIELD_TITLE },
    { ABM_CONTACT_DEPARTMENT, ABM_STAKEHOLDER_FIELD_DEPARTMENT },
    { ABM_CONTACT_EMAIL, ABM_STAKEHOLDER_FIELD_EMAIL },
    { ABM_CONTACT_PHONE, ABM_STAKEHOLDER_FIELD_PHONE },
    { ABM_CONTACT_LINKEDIN, ABM_STAKEHOLDER_FIELD_LINKEDIN },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *date;

  if (cell (self, ABM_CONTACT_NAME, n_fields, fields) != NULL)
    name = g_strdup (cell (self, ABM_CONTACT_NAME, n_fields, fields));
  else if (cell (self, ABM_CONTACT_FIRST_NAME, n_fields, fields) != NULL
           || cell (self, ABM_CONTACT_LAST_NAME, n_fields, fields) != NULL)
    name = g_strjoin (" ", cell (self, ABM_CONTACT_FIRST_NAME, n_fields, fields)
                           ? cell (self, ABM_CONTACT_FIRST_NAME, n_fields, fields) : "",
                      cell (self, ABM_CONTACT_LAST_NAME, n_fields, fields)
                      ? cell (self, ABM_CONTACT_LAST_NAME, n_fields, fields) : "", NULL);
  if (name != NULL && !abm_stakeholder_set_text (s, ABM_STAKEHOLDER_FIELD_NAME, name, &error))
    return g_strdup (error->message);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text = cell (self, texts[i].column, n_fields, fields);

      if (text != NULL && !abm_stakeholder_set_text (s, texts[i].field, text, &error))
        return g_strdup (error->message);
    }
  if (cell (self, ABM_CONTACT_ROLES, n_fields, fields) != NULL)
    {
      g_autoptr(AbmStakeholder) scratch = abm_stakeholder_new ();

      /* HubSpot lists several roles with ";". */
      if (!abm_stakeholder_set_roles_text (scratch, cell (self, ABM_CONTACT_ROLES, n_fields, fields), &error))
        return g_strdup (error->message);
      abm_stakeholder_set_roles (s, abm_stakeholder_get_roles (s) | abm_stakeholder_get_roles (scratch));
    }
  date = cell (self, ABM_CONTACT_LAST_CONTACT, n_fields, fields);
  if (date != NULL)
    {
      /* "2026-10-01 13:45" or "2026-10-01T13:45:00Z": the day is enough. */
      g_autofree char *day = g_strndup (date, 10);

      if (!abm_stakeholder_set_last_contact (s, day, &error))
        return g_strdup (error->message);
    }
  return NULL;
}

static AbmAccount *
account_for (AbmContactImporter *self,
             guint               n_fields,
             const char *const  *fields,
             AbmStakeholder     *s,
             char              **reason)
{
  const char *company = cell (self, ABM_CONTACT_DOMAIN, n_fields, fields);
  const char *email = abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL);
  g_autofree char *domain = NULL;
  AbmAccount *account;

  if (company != NULL)
    domain = abm_normalize_domain (company, NULL);
  else if (email != NULL)
    domain = abm_normalize_domain (strchr (email, '@') + 1, NULL);
  if (domain == NULL)
    {
      *reason = g_strdup (_("The row has no company domain and no email address to tell its account"));
      return NULL;
    }
  account = abm_workspace_find_account_by_domain (self->workspace, domain);
  if (account == NULL)
    *reason = g_strdup_printf (_("No account has the domain %s"), domain);
  return account;
}

/* The batch entry, or the committee member, with this email at @account:
 * a negative batch reference or a positive id; 0 when nobody. */
static gint64
find_by_email (AbmContactImporter *self,
               gint64              account_id,
               const char         *email)
{
  g_autoptr(AbmAccount) probe = NULL;
  GListModel *committee;

  for (guint i = 0; i < self->batch->len; i++)
    {
      AbmStakeholder *s = self->batch->pdata[i];

      if (abm_stakeholder_get_account_id (s) == account_id
          && g_strcmp0 (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL), email) == 0)
        return -(gint64) (i + 1);
    }
  probe = abm_account_new ();
  abm_account_set_id (probe, account_id);
  committee = abm_workspace_get_committee (self->workspace, probe, NULL);
  for (guint i = 0; committee != NULL && i < g_list_model_get_n_items (committee); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (committee, i);

      if (g_strcmp0 (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL), email) == 0)
        return abm_stakeholder_get_id (s);
    }
  return 0;
}

static AbmStakeholder *
existing_member (AbmContactImporter *self,
                 AbmAccount         *account,
                 const char         *email)
{
  GListModel *committee = abm_workspace_get_committee (self->workspace, account, NULL);

  for (guint i = 0; email != NULL && committee != NULL && i < g_list_model_get_n_items (committee); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (committee, i);

      if (g_strcmp0 (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL), email) == 0)
        return s;
    }
  return NULL;
}

/* The manager of batch entry @i after the import: a batch reference, an
 * existing person's id, or 0. */
static gint64
final_manager (AbmContactImporter *self,
               gint64              ref)
{
  if (ref < 0)
    return abm_stakeholder_get_manager_id (self->batch->pdata[-ref - 1]);
  return 0;
}

static void
resolve_managers (AbmContactImporter *self)
{
  for (guint i = 0; i < self->batch->len; i++)
    {
      AbmStakeholder *s = self->batch->pdata[i];
      const char *manager = self->managers->pdata[i];
      guint64 line = g_array_index (self->lines, guint64, i);
      gint64 ref;

      if (manager == NULL)
        continue;
      ref = find_by_email (self, abm_stakeholder_get_account_id (s), manager);
      if (ref == 0 || ref == -(gint64) (i + 1) || ref == abm_stakeholder_get_id (s))
        {
          abm_import_rejects_add (self->rejects, line,
                      g_strdup_printf (_("Reporting line left out: nobody at this company has the email %s"),
                                       manager));
          continue;
        }
      abm_stakeholder_set_manager_id (s, ref);
    }

  /* A loop within the file is broken where it closes, and said so. People
   * already stored are checked by the workspace itself. */
  for (guint i = 0; i < self->batch->len; i++)
    {
      gint64 start = -(gint64) (i + 1);
      gint64 up = abm_stakeholder_get_manager_id (self->batch->pdata[i]);

      for (guint steps = 0; up < 0 && steps <= self->batch->len; steps++)
        {
          if (up == start)
            {
              abm_stakeholder_set_manager_id (self->batch->pdata[i], 0);
              abm_import_rejects_add (self->rejects, g_array_index (self->lines, guint64, i),
                          g_strdup_printf (_("Reporting line left out: %s would report, through others, to themselves"),
                                           abm_stakeholder_get_name (self->batch->pdata[i])));
              break;
            }
          up = final_manager (self, up);
        }
    }
}

gboolean
abm_contact_importer_prepare (AbmContactImporter  *self,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_autoptr(AbmCsvReader) reader = NULL;

  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), FALSE);

  clear_outcome (self);
  reader = open_reader (self, error);
  if (reader == NULL)
    return FALSE;
  abm_csv_reader_set_cancellable (reader, cancellable);
  if (!read_header (self, reader, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AbmStakeholder) row = abm_stakeholder_new ();
      g_autofree char *reason = NULL;
      g_autofree char *manager = NULL;
      const char *const *fields;
      const char *email, *reports_to;
      guint n_fields;
      guint64 line;
      AbmAccount *account;
      AbmStakeholder *existing;
      gint64 earlier;

      if (!abm_csv_reader_read_record (reader, &n_fields, &fields, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              clear_outcome (self);
              return FALSE;
            }
          break;
        }
      line = abm_csv_reader_get_line (reader);

      reason = fill (self, row, n_fields, fields);
      if (reason == NULL && abm_stakeholder_get_name (row) == NULL)
        reason = g_strdup (_("The row has no name"));
      account = reason == NULL ? account_for (self, n_fields, fields, row, &reason) : NULL;
      if (reason != NULL)
        {
          abm_import_rejects_add (self->rejects, line, g_steal_pointer (&reason));
          continue;
        }
      abm_stakeholder_set_account_id (row, abm_account_get_id (account));
      reports_to = cell (self, ABM_CONTACT_REPORTS_TO, n_fields, fields);
      if (reports_to != NULL)
        {
          g_autoptr(AbmStakeholder) scratch = abm_stakeholder_new ();

          if (abm_stakeholder_set_text (scratch, ABM_STAKEHOLDER_FIELD_EMAIL, reports_to, NULL))
            manager = g_strdup (abm_stakeholder_get_text (scratch, ABM_STAKEHOLDER_FIELD_EMAIL));
          else
            abm_import_rejects_add (self->rejects, line, g_strdup_printf (_("Reporting line left out: “%s” is not an email address"),
                                                     reports_to));
        }

      /* The same person again, earlier in the file or on the committee. */
      email = abm_stakeholder_get_text (row, ABM_STAKEHOLDER_FIELD_EMAIL);
      earlier = email ? find_by_email (self, abm_account_get_id (account), email) : 0;
      if (earlier < 0)
        {
          AbmStakeholder *first = self->batch->pdata[-earlier - 1];

          /* These fields already filled @row without a reason to reject them. */
          g_free (fill (self, first, n_fields, fields));
          if (manager != NULL)
            {
              g_free (self->managers->pdata[-earlier - 1]);
              self->managers->pdata[-earlier - 1] = g_steal_pointer (&manager);
            }
          continue;
        }
      existing = existing_member (self, account, email);
      if (existing != NULL)
        {
          AbmStakeholder *copy = abm_stakeholder_copy (existing);

          g_free (fill (self, copy, n_fields, fields));
          g_ptr_array_add (self->batch, copy);
          self->n_updated++;
        }
      else
        {
          g_ptr_array_add (self->batch, g_steal_pointer (&row));
          self->n_new++;
        }
      g_ptr_array_add (self->managers, g_steal_pointer (&manager));
      g_array_append_val (self->lines, line);
    }

  resolve_managers (self);
  abm_import_rejects_sort (self->rejects);
  self->prepared = TRUE;
  return TRUE;
}

gboolean
abm_contact_importer_apply (AbmContactImporter  *self,
                            GError             **error)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->prepared, FALSE);

  if (self->batch->len == 0)
    return TRUE;
  return abm_workspace_apply_stakeholders (self->workspace, self->batch, error);
}

guint
abm_contact_importer_get_n_new (AbmContactImporter *self)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), 0);
  return self->n_new;
}

guint
abm_contact_importer_get_n_updated (AbmContactImporter *self)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), 0);
  return self->n_updated;
}

GPtrArray *
abm_contact_importer_get_rejects (AbmContactImporter *self)
{
  g_return_val_if_fail (ABM_IS_CONTACT_IMPORTER (self), NULL);
  return self->rejects;
}
