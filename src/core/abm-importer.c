/* abm-importer.c: accounts from a CRM or list vendor's CSV export
 *
 * Two steps, so a window can run the long one in a thread: prepare() reads
 * and checks every row without touching the workspace (which must not change
 * meanwhile), apply() writes the outcome in one transaction. Accounts are
 * keyed by their normalised domain: rows for the same domain are merged,
 * and a row for a domain the workspace has updates or skips that account.
 * A row that cannot be imported is listed with its line and the reason;
 * nothing is dropped silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "abm-csv-reader.h"
#include "abm-importer.h"
#include "abm-json.h"

#define PREVIEW_ROWS 20

struct _AbmImporter
{
  GObject              parent_instance;

  AbmWorkspace        *workspace;
  AbmCsvSource         source;
  char                 delimiter;
  char                *encoding;
  GPtrArray           *columns;     /* char*, the header row */
  GArray              *mapping;     /* int per column: field or IGNORE */
  GPtrArray           *preview;     /* GStrv per row */
  AbmImportDuplicates  duplicates;

  /* The outcome of prepare() */
  GPtrArray           *added;       /* new AbmAccount */
  GPtrArray           *changed;     /* existing AbmAccount ... */
  GPtrArray           *changes;     /* ... and its new values */
  GPtrArray           *rejects;     /* AbmImportReject* */
  guint                n_merged;
  guint                n_skipped;
  gboolean             prepared;
};

G_DEFINE_FINAL_TYPE (AbmImporter, abm_importer, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-import-error-quark, abm_import_error)

/* Header spellings of common CRM exports, lowercased with everything but
 * letters and digits removed: HubSpot companies ("Company name", "Company
 * Domain Name", "Number of Employees", "Country/Region", "Ideal Customer
 * Profile Tier", "Target Account"), Salesforce accounts ("Account Name",
 * "Website", "Employees", "Billing Country") and plain names. */
static const struct {
  AbmAccountField  field;
  const char      *aliases;
} aliases[] = {
  { ABM_ACCOUNT_FIELD_NAME, "name companyname accountname company organization organisation "
                            "organizationname organisationname businessname" },
  { ABM_ACCOUNT_FIELD_DOMAIN, "domain companydomainname domainname website websiteurl web url "
                              "companywebsite homepage" },
  { ABM_ACCOUNT_FIELD_INDUSTRY, "industry industrysector sector vertical" },
  { ABM_ACCOUNT_FIELD_EMPLOYEES, "employees numberofemployees employeecount noofemployees "
                                 "headcount companysize" },
  { ABM_ACCOUNT_FIELD_ANNUAL_REVENUE, "annualrevenue revenue annualrevenueusd annualrevenueeur" },
  { ABM_ACCOUNT_FIELD_COUNTRY, "country countryregion billingcountry hqcountry shippingcountry" },
  { ABM_ACCOUNT_FIELD_CITY, "city billingcity hqcity shippingcity" },
  { ABM_ACCOUNT_FIELD_ACV_POTENTIAL, "acvpotential acv potentialacv expectedacv" },
  { ABM_ACCOUNT_FIELD_OWNER_AE, "ownerae accountexecutive companyowner accountowner owner ae" },
  { ABM_ACCOUNT_FIELD_OWNER_MARKETER, "ownermarketer marketer marketingowner" },
  { ABM_ACCOUNT_FIELD_NOTES, "notes description note" },
  { ABM_ACCOUNT_FIELD_TECHNOLOGIES, "technologies technology techstack webtechnologies" },
  { ABM_ACCOUNT_FIELD_INTENT_TOPICS, "intenttopics intent intenttopic" },
  { ABM_ACCOUNT_FIELD_TIER, "tier idealcustomerprofiletier icptier abmtier accounttier" },
  { ABM_ACCOUNT_FIELD_TARGET, "target targetaccount istargetaccount" },
  { ABM_ACCOUNT_FIELD_STAGE, "stage lifecyclestage accountstage" },
};

/* A header as a key: lowercase letters and digits only, so "Company
 * Domain Name" and "company_domain_name" are one. */
char *
abm_import_header_key (const char *header)
{
  g_autofree char *lower = g_utf8_strdown (header, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/* Whether a column's header can name a custom field: not empty, not too
 * long, and not the name of an earlier custom column. */
static gboolean
custom_name_ok (AbmImporter *self,
                guint        column,
                const char  *header)
{
  g_autofree char *name = g_strstrip (g_strdup (header));

  if (*name == '\0' || strlen (name) > ABM_ACCOUNT_MAX_CUSTOM_KEY
      || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  for (guint i = 0; i < self->mapping->len; i++)
    {
      g_autofree char *other = NULL;

      if (i == column || g_array_index (self->mapping, int, i) != ABM_IMPORT_CUSTOM)
        continue;
      other = g_strstrip (g_strdup (self->columns->pdata[i]));
      if (strcmp (other, name) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_computed_column (const char *header)
{
  const char *const computed[] = { "id", "fit-score", "fit-band", NULL };

  return g_strv_contains (computed, header);
}

static guint
count_custom (AbmImporter *self)
{
  guint n = 0;

  for (guint i = 0; i < self->mapping->len; i++)
    n += g_array_index (self->mapping, int, i) == ABM_IMPORT_CUSTOM;
  return n;
}

/* The field a column header names, or ABM_IMPORT_IGNORE. */
int
abm_import_guess_field (const char *header)
{
  g_autofree char *key = abm_import_header_key (header ? header : "");

  if (*key == '\0')
    return ABM_IMPORT_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      g_auto(GStrv) names = g_strsplit (aliases[i].aliases, " ", -1);

      if (g_strv_contains ((const char *const *) names, key))
        return aliases[i].field;
    }

  /* Our own CSV export uses the field keys. */
  {
    AbmAccountField field;

    if (abm_account_field_from_key (header, &field))
      return field;
  }
  return ABM_IMPORT_IGNORE;
}

void
abm_import_reject_free (AbmImportReject *reject)
{
  g_free (reject->reason);
  g_free (reject);
}

void
abm_import_rejects_add (GPtrArray *rejects,
                        guint64    line,
                        char      *reason)
{
  AbmImportReject *reject = g_new0 (AbmImportReject, 1);

  reject->line = line;
  reject->reason = reason;
  g_ptr_array_add (rejects, reject);
}

static int
compare_rejects (gconstpointer a,
                 gconstpointer b)
{
  const AbmImportReject *x = *(AbmImportReject **) a, *y = *(AbmImportReject **) b;

  return (x->line > y->line) - (x->line < y->line);
}

void
abm_import_rejects_sort (GPtrArray *rejects)
{
  g_ptr_array_sort (rejects, compare_rejects);
}

gboolean
abm_import_header_is (const char *key,
                      const char *names_text)
{
  g_auto(GStrv) names = g_strsplit (names_text, " ", -1);

  return *key != '\0' && g_strv_contains ((const char *const *) names, key);
}

static void
clear_outcome (AbmImporter *self)
{
  g_ptr_array_set_size (self->added, 0);
  g_ptr_array_set_size (self->changed, 0);
  g_ptr_array_set_size (self->changes, 0);
  g_ptr_array_set_size (self->rejects, 0);
  self->n_merged = 0;
  self->n_skipped = 0;
  self->prepared = FALSE;
}

static AbmCsvReader *
open_reader (AbmImporter  *self,
             GError      **error)
{
  AbmCsvReader *reader;

  reader = abm_csv_source_open (&self->source, error);
  if (reader == NULL)
    return NULL;

  if (self->delimiter != '\0')
    abm_csv_reader_set_delimiter (reader, self->delimiter);
  else
    self->delimiter = abm_csv_reader_get_delimiter (reader);
  if (self->encoding != NULL)
    abm_csv_reader_set_encoding (reader, self->encoding);
  else
    self->encoding = g_strdup (abm_csv_reader_get_encoding (reader));
  return reader;
}

/* Reads the header and the first rows, and maps columns by their names. */
static gboolean
load_head (AbmImporter  *self,
           GError      **error)
{
  g_autoptr(AbmCsvReader) reader = open_reader (self, error);
  const char *const *fields;
  guint n_fields;
  guint64 seen = 0;

  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->preview, 0);
  g_array_set_size (self->mapping, 0);
  clear_outcome (self);

  if (reader == NULL)
    return FALSE;

  if (!abm_csv_reader_read_record (reader, &n_fields, &fields, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_HEADER,
                             _("The file is empty: it needs a header row naming its columns"));
      return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      int field = abm_import_guess_field (fields[i]);

      /* The first column for a field wins; the others are left out. */
      if (field != ABM_IMPORT_IGNORE)
        {
          for (guint j = 0; j < self->mapping->len && field != ABM_IMPORT_IGNORE; j++)
            if (g_array_index (self->mapping, int, j) == field)
              field = ABM_IMPORT_IGNORE;
        }
      /* A column that is none of ours is kept as a custom field, so the
       * profile can score on it, up to as many as an account holds; what
       * our own export computes (id, fit) is not data to keep. */
      else if (!is_computed_column (fields[i])
               && custom_name_ok (self, G_MAXUINT, fields[i])
               && count_custom (self) < ABM_ACCOUNT_MAX_CUSTOM)
        field = ABM_IMPORT_CUSTOM;
      g_ptr_array_add (self->columns, g_strdup (fields[i]));
      g_array_append_val (self->mapping, field);
    }

  while (seen < PREVIEW_ROWS)
    {
      g_autoptr(GError) local_error = NULL;

      if (!abm_csv_reader_read_record (reader, &n_fields, &fields, &local_error))
        {
          /* A problem further down is reported by prepare(), with its line. */
          break;
        }
      {
        char **copy = g_new0 (char *, n_fields + 1);

        for (guint i = 0; i < n_fields; i++)
          copy[i] = g_strdup (fields[i]);
        g_ptr_array_add (self->preview, copy);
      }
      seen++;
    }
  return TRUE;
}

gboolean
abm_importer_open_path (AbmImporter  *self,
                        const char   *path,
                        GError      **error)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);

  abm_csv_source_set_path (&self->source, path);
  self->delimiter = '\0';
  g_clear_pointer (&self->encoding, g_free);
  return load_head (self, error);
}

gboolean
abm_importer_open_data (AbmImporter  *self,
                        const char   *data,
                        gsize         len,
                        GError      **error)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);

  abm_csv_source_set_data (&self->source, data, len);
  self->delimiter = '\0';
  g_clear_pointer (&self->encoding, g_free);
  return load_head (self, error);
}

char
abm_importer_get_delimiter (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), ',');
  return self->delimiter;
}

gboolean
abm_importer_set_delimiter (AbmImporter  *self,
                            char          delimiter,
                            GError      **error)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);
  self->delimiter = delimiter;
  return load_head (self, error);
}

const char *
abm_importer_get_encoding (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), NULL);
  return self->encoding;
}

gboolean
abm_importer_set_encoding (AbmImporter  *self,
                           const char   *encoding,
                           GError      **error)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  return load_head (self, error);
}

guint
abm_importer_get_n_columns (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), 0);
  return self->columns->len;
}

const char *
abm_importer_get_column (AbmImporter *self,
                         guint        column)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return self->columns->pdata[column];
}

int
abm_importer_get_mapping (AbmImporter *self,
                          guint        column)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), ABM_IMPORT_IGNORE);
  g_return_val_if_fail (column < self->mapping->len, ABM_IMPORT_IGNORE);
  return g_array_index (self->mapping, int, column);
}

/* Whether the column may be kept as a custom field: its header names one
 * that no other column does, and the account has room for it. */
gboolean
abm_importer_can_be_custom (AbmImporter *self,
                            guint        column)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  if (g_array_index (self->mapping, int, column) == ABM_IMPORT_CUSTOM)
    return TRUE;
  return custom_name_ok (self, column, self->columns->pdata[column])
         && count_custom (self) < ABM_ACCOUNT_MAX_CUSTOM;
}

/* Mapping a column to a field another column had takes it from that one. */
void
abm_importer_set_mapping (AbmImporter *self,
                          guint        column,
                          int          field)
{
  g_return_if_fail (ABM_IS_IMPORTER (self));
  g_return_if_fail (column < self->mapping->len);
  g_return_if_fail (field == ABM_IMPORT_IGNORE || field == ABM_IMPORT_CUSTOM
                    || (field >= 0 && field < ABM_ACCOUNT_N_FIELDS));

  if (field >= 0)
    for (guint i = 0; i < self->mapping->len; i++)
      if (g_array_index (self->mapping, int, i) == field)
        g_array_index (self->mapping, int, i) = ABM_IMPORT_IGNORE;
  g_array_index (self->mapping, int, column) = field;
  clear_outcome (self);
}

/* {"Column header": "field-key", "custom" or null, ...}: columns it does
 * not name keep their guessed mapping. */
gboolean
abm_importer_load_mapping (AbmImporter  *self,
                           const char   *json,
                           gsize         len,
                           GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);

  /* A mapping is one flat object; json-glib parses by recursion. */
  if (json != NULL && !abm_json_depth_ok (json, len == (gsize) -1 ? strlen (json) : len, 1))
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                           _("A mapping is a JSON object of column headers and field names"));
      return FALSE;
    }
  if (!abm_json_load (parser, json, (gssize) len, error))
    return FALSE;
  /* Blank text parses, to no root at all. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                           _("A mapping is a JSON object of column headers and field names"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *header = l->data;
      JsonNode *node = json_object_get_member (object, header);
      AbmAccountField field;
      int target = ABM_IMPORT_IGNORE;
      guint column;
      gboolean found = FALSE;

      for (column = 0; column < self->columns->len && !found; column++)
        found = g_strcmp0 (self->columns->pdata[column], header) == 0;
      if (!found)
        {
          g_set_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                       _("The mapping names a column “%s” that the file does not have"), header);
          return FALSE;
        }
      column--;

      if (!JSON_NODE_HOLDS_NULL (node))
        {
          const char *key = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                            ? json_node_get_string (node) : NULL;

          if (g_strcmp0 (key, "custom") == 0)
            {
              if (!abm_importer_can_be_custom (self, column))
                {
                  g_set_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                               _("The column “%s” cannot be a custom field: its name is "
                                 "empty, too long or taken"), header);
                  return FALSE;
                }
              target = ABM_IMPORT_CUSTOM;
            }
          else if (key == NULL || !abm_account_field_from_key (key, &field))
            {
              g_set_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                           _("The mapping of column “%s” is not an account field"), header);
              return FALSE;
            }
          else
            target = field;
        }
      abm_importer_set_mapping (self, column, target);
    }
  return TRUE;
}

GPtrArray *
abm_importer_get_preview (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), NULL);
  return self->preview;
}

void
abm_importer_set_duplicates (AbmImporter         *self,
                             AbmImportDuplicates  duplicates)
{
  g_return_if_fail (ABM_IS_IMPORTER (self));
  self->duplicates = duplicates;
  clear_outcome (self);
}

static void
add_reject (AbmImporter *self,
            guint64      line,
            const char  *reason)
{
  abm_import_rejects_add (self->rejects, line, g_strdup (reason));
}

/* Copies the row's non-empty cells onto @account; the row was checked on a
 * scratch account first, so this cannot fail half-way. */
static void
apply_cells (AbmImporter        *self,
             AbmAccount         *account,
             guint               n_fields,
             const char *const  *fields)
{
  for (guint i = 0; i < n_fields && i < self->mapping->len; i++)
    {
      int field = g_array_index (self->mapping, int, i);

      if (field == ABM_IMPORT_IGNORE || fields[i][0] == '\0')
        continue;
      if (field == ABM_IMPORT_CUSTOM)
        abm_account_set_custom (account, self->columns->pdata[i], fields[i], NULL);
      else
        abm_account_set_field_text (account, field, fields[i], NULL);
    }
}

gboolean
abm_importer_prepare (AbmImporter       *self,
                      GCancellable      *cancellable,
                      AbmImportProgress  progress,
                      gpointer           user_data,
                      GError           **error)
{
  g_autoptr(AbmCsvReader) reader = NULL;
  g_autoptr(GHashTable) new_by_domain = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) changes_by_domain = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const *fields;
  gboolean has_name = FALSE, has_domain = FALSE;
  guint n_fields;
  guint64 rows = 0;

  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);

  clear_outcome (self);

  for (guint i = 0; i < self->mapping->len; i++)
    {
      has_name |= g_array_index (self->mapping, int, i) == ABM_ACCOUNT_FIELD_NAME;
      has_domain |= g_array_index (self->mapping, int, i) == ABM_ACCOUNT_FIELD_DOMAIN;
    }
  if (!has_name && !has_domain)
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("Choose the column with the company name or its domain"));
      return FALSE;
    }

  reader = open_reader (self, error);
  if (reader == NULL)
    return FALSE;
  abm_csv_reader_set_cancellable (reader, cancellable);

  /* The header row. */
  if (!abm_csv_reader_read_record (reader, &n_fields, &fields, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_HEADER,
                             _("The file is empty: it needs a header row naming its columns"));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AbmAccount) row = NULL;
      const char *domain;
      AbmAccount *target;
      gboolean bad = FALSE;

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

      if (progress != NULL && ++rows % 2048 == 0 && abm_csv_reader_get_total_size (reader) > 0)
        progress ((double) abm_csv_reader_get_bytes_read (reader)
                  / (double) abm_csv_reader_get_total_size (reader), user_data);

      row = abm_account_new ();
      for (guint i = 0; i < n_fields && i < self->mapping->len && !bad; i++)
        {
          int field = g_array_index (self->mapping, int, i);

          if (field == ABM_IMPORT_IGNORE || fields[i][0] == '\0')
            continue;
          if (field == ABM_IMPORT_CUSTOM
              ? !abm_account_set_custom (row, self->columns->pdata[i], fields[i], &local_error)
              : !abm_account_set_field_text (row, field, fields[i], &local_error))
            {
              add_reject (self, abm_csv_reader_get_line (reader), local_error->message);
              bad = TRUE;
            }
        }
      if (bad)
        continue;

      domain = abm_account_get_domain (row);
      if (abm_account_get_name (row) == NULL)
        {
          if (domain == NULL)
            {
              add_reject (self, abm_csv_reader_get_line (reader),
                          _("The row has neither a company name nor a domain"));
              continue;
            }
          abm_account_set_field_text (row, ABM_ACCOUNT_FIELD_NAME, domain, NULL);
        }

      if (domain == NULL)
        {
          g_ptr_array_add (self->added, g_steal_pointer (&row));
          continue;
        }

      /* The same domain again in this file: merged into the first. */
      if ((target = g_hash_table_lookup (new_by_domain, domain)) != NULL
          || (target = g_hash_table_lookup (changes_by_domain, domain)) != NULL)
        {
          apply_cells (self, target, n_fields, fields);
          self->n_merged++;
          continue;
        }

      if ((target = abm_workspace_find_account_by_domain (self->workspace, domain)) != NULL)
        {
          AbmAccount *values;

          if (self->duplicates == ABM_IMPORT_SKIP)
            {
              self->n_skipped++;
              continue;
            }
          values = abm_account_copy (target);
          apply_cells (self, values, n_fields, fields);
          g_ptr_array_add (self->changed, g_object_ref (target));
          g_ptr_array_add (self->changes, values);
          g_hash_table_insert (changes_by_domain, (gpointer) abm_account_get_domain (values), values);
          continue;
        }

      g_hash_table_insert (new_by_domain, (gpointer) domain, row);
      g_ptr_array_add (self->added, g_steal_pointer (&row));
    }

  if (progress != NULL)
    progress (1.0, user_data);
  self->prepared = TRUE;
  return TRUE;
}

gboolean
abm_importer_apply (AbmImporter  *self,
                    GError      **error)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->prepared, FALSE);

  if (!abm_workspace_apply_import (self->workspace, self->added, self->changed,
                                   self->changes, error))
    return FALSE;
  self->prepared = FALSE;
  return TRUE;
}

guint
abm_importer_get_n_new (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), 0);
  return self->added->len;
}

guint
abm_importer_get_n_updated (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), 0);
  return self->changed->len;
}

guint
abm_importer_get_n_merged (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), 0);
  return self->n_merged;
}

guint
abm_importer_get_n_skipped (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), 0);
  return self->n_skipped;
}

GPtrArray *
abm_importer_get_rejects (AbmImporter *self)
{
  g_return_val_if_fail (ABM_IS_IMPORTER (self), NULL);
  return self->rejects;
}

static void
abm_importer_finalize (GObject *object)
{
  AbmImporter *self = ABM_IMPORTER (object);

  g_clear_object (&self->workspace);
  abm_csv_source_clear (&self->source);
  g_free (self->encoding);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->mapping);
  g_ptr_array_unref (self->preview);
  g_ptr_array_unref (self->added);
  g_ptr_array_unref (self->changed);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->rejects);

  G_OBJECT_CLASS (abm_importer_parent_class)->finalize (object);
}

static void
abm_importer_class_init (AbmImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_importer_finalize;
}

static void
abm_importer_init (AbmImporter *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->mapping = g_array_new (FALSE, FALSE, sizeof (int));
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->added = g_ptr_array_new_with_free_func (g_object_unref);
  self->changed = g_ptr_array_new_with_free_func (g_object_unref);
  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
  self->rejects = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_import_reject_free);
}

AbmImporter *
abm_importer_new (AbmWorkspace *workspace)
{
  AbmImporter *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_IMPORTER, NULL);
  self->workspace = g_object_ref (workspace);
  return self;
}
