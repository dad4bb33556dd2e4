/* abm-engagement-importer.c: activities or opportunities from a CSV export
 *
 * The same CSV reader as the account import and the same promise: every
 * row that is not imported is listed with its line and the reason, and
 * the whole import is one transaction. Columns are found by their names
 * (what HubSpot, Salesforce and ad platforms call them) or by a mapping
 * file. A row's account is the one whose domain its company column names,
 * or else its email's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-csv-reader.h"
#include "abm-date.h"
#include "abm-engagement-importer.h"
#include "abm-json.h"

#define MAX_MAPPING_SIZE (64 * 1024)

struct _AbmEngagementImporter
{
  GObject                  parent_instance;

  AbmWorkspace            *workspace;
  AbmEngagementImportKind  kind;
  AbmCsvSource             source;
  GPtrArray               *headers;    /* char*: the file's column names */
  int                      columns[ABM_ENGAGEMENT_N_COLUMNS];
  gboolean                 mapped;     /* columns come from a mapping file */

  /* The outcome of prepare() */
  GArray                  *activities;     /* AbmActivity */
  GPtrArray               *opportunities;  /* AbmOpportunity: new (id 0) or changed copies */
  GHashTable              *deals_by_name;  /* "account id, name" → one of opportunities */
  GPtrArray               *rejects;        /* AbmImportReject */
  guint                    n_new;
  guint                    n_updated;
  gboolean                 prepared;
};

G_DEFINE_FINAL_TYPE (AbmEngagementImporter, abm_engagement_importer, G_TYPE_OBJECT)

static const struct {
  const char *key;
  const char *aliases;   /* abm_import_header_key() forms */
  gboolean    activities;
  gboolean    opportunities;
} columns[ABM_ENGAGEMENT_N_COLUMNS] = {
  [ABM_ENGAGEMENT_COLUMN_DOMAIN] = { "domain", "companydomain companydomainname domain website companywebsite "
                                     "accountdomain accountwebsite", TRUE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_EMAIL] = { "email", "email emailaddress contactemail workemail", TRUE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_DATE] = { "date", "date activitydate eventdate timestamp time day occurredat "
                                   "createdate createddate", TRUE, FALSE },
  [ABM_ENGAGEMENT_COLUMN_TYPE] = { "type", "type activitytype eventtype kind activity event", TRUE, FALSE },
  [ABM_ENGAGEMENT_COLUMN_TOPIC] = { "topic", "topic intenttopic subject", TRUE, FALSE },
  [ABM_ENGAGEMENT_COLUMN_CAMPAIGN] = { "campaign", "campaign campaignname utmcampaign", TRUE, FALSE },
  [ABM_ENGAGEMENT_COLUMN_NAME] = { "name", "name dealname opportunityname opportunity deal", FALSE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_AMOUNT] = { "amount", "amount dealamount value dealvalue opportunityamount acv", FALSE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_STAGE] = { "stage", "stage dealstage opportunitystage salesstage", FALSE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_STATUS] = { "status", "status outcome won iswon result", FALSE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_CREATED] = { "created", "created createdate createddate opened", FALSE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_CLOSED] = { "closed", "closed closedate closeddate closedat", FALSE, TRUE },
  [ABM_ENGAGEMENT_COLUMN_ABM_SOURCED] = { "abm-sourced", "abmsourced abm sourcedbyabm abmprogram", FALSE, TRUE },
};

const char *
abm_engagement_column_key (AbmEngagementColumn column)
{
  g_return_val_if_fail (column < ABM_ENGAGEMENT_N_COLUMNS, NULL);
  return columns[column].key;
}

static gboolean
column_applies (AbmEngagementImporter *self,
                guint                  column)
{
  return self->kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES ? columns[column].activities : columns[column].opportunities;
}

static void
clear_outcome (AbmEngagementImporter *self)
{
  g_array_set_size (self->activities, 0);
  g_ptr_array_set_size (self->opportunities, 0);
  g_hash_table_remove_all (self->deals_by_name);
  g_ptr_array_set_size (self->rejects, 0);
  self->n_new = self->n_updated = 0;
  self->prepared = FALSE;
}

static void
abm_engagement_importer_finalize (GObject *object)
{
  AbmEngagementImporter *self = ABM_ENGAGEMENT_IMPORTER (object);

  g_clear_object (&self->workspace);
  abm_csv_source_clear (&self->source);
  g_ptr_array_unref (self->headers);
  g_array_unref (self->activities);
  g_ptr_array_unref (self->opportunities);
  g_hash_table_unref (self->deals_by_name);
  g_ptr_array_unref (self->rejects);
  G_OBJECT_CLASS (abm_engagement_importer_parent_class)->finalize (object);
}

static void
abm_engagement_importer_class_init (AbmEngagementImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_engagement_importer_finalize;
}

static void
abm_engagement_importer_init (AbmEngagementImporter *self)
{
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->activities = g_array_new (FALSE, FALSE, sizeof (AbmActivity));
  g_array_set_clear_func (self->activities, (GDestroyNotify) abm_activity_clear);
  self->opportunities = g_ptr_array_new_with_free_func (g_object_unref);
  self->deals_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->rejects = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_import_reject_free);
  for (guint i = 0; i < ABM_ENGAGEMENT_N_COLUMNS; i++)
    self->columns[i] = -1;
}

AbmEngagementImporter *
abm_engagement_importer_new (AbmWorkspace            *workspace,
                             AbmEngagementImportKind  kind)
{
  AbmEngagementImporter *self;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (ABM_TYPE_ENGAGEMENT_IMPORTER, NULL);
  self->workspace = g_object_ref (workspace);
  self->kind = kind;
  return self;
}

static AbmCsvReader *
open_reader (AbmEngagementImporter  *self,
             GError                **error)
{
  return abm_csv_source_open (&self->source, error);
}

static gboolean
check_columns (AbmEngagementImporter  *self,
               GError                **error)
{
  if (self->columns[ABM_ENGAGEMENT_COLUMN_DOMAIN] < 0 && self->columns[ABM_ENGAGEMENT_COLUMN_EMAIL] < 0)
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("The file has no column that tells the account (“Company Domain” or “Email”)"));
      return FALSE;
    }
  if (self->kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES
      && (self->columns[ABM_ENGAGEMENT_COLUMN_DATE] < 0 || self->columns[ABM_ENGAGEMENT_COLUMN_TYPE] < 0))
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("An activities file needs a “Date” and a “Type” column"));
      return FALSE;
    }
  if (self->kind == ABM_ENGAGEMENT_IMPORT_OPPORTUNITIES && self->columns[ABM_ENGAGEMENT_COLUMN_NAME] < 0)
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("An opportunities file needs a column with the deals’ names (“Deal Name”)"));
      return FALSE;
    }
  return TRUE;
}

/* Reads the header and finds each field's column by its name. */
static gboolean
read_header (AbmEngagementImporter  *self,
             AbmCsvReader           *reader,
             GError                **error)
{
  const char *const *fields;
  guint n_fields;

  g_ptr_array_set_size (self->headers, 0);
  if (!abm_csv_reader_read_record (reader, &n_fields, &fields, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_NO_HEADER,
                             _("The file is empty: it needs a header row naming its columns"));
      return FALSE;
    }
  for (guint c = 0; c < n_fields; c++)
    g_ptr_array_add (self->headers, g_strdup (fields[c]));
  if (self->mapped)
    return TRUE;
  for (guint i = 0; i < ABM_ENGAGEMENT_N_COLUMNS; i++)
    self->columns[i] = -1;
  for (guint c = 0; c < n_fields; c++)
    {
      g_autofree char *key = abm_import_header_key (fields[c]);

      for (guint a = 0; a < ABM_ENGAGEMENT_N_COLUMNS; a++)
        {
          if (column_applies (self, a) && self->columns[a] < 0 && abm_import_header_is (key, columns[a].aliases))
            {
              self->columns[a] = (int) c;
              break;
            }
        }
    }
  /* What is missing is said by prepare(), after a mapping had its say. */
  return TRUE;
}

static gboolean
open_checked (AbmEngagementImporter  *self,
              GError                **error)
{
  g_autoptr(AbmCsvReader) reader = open_reader (self, error);

  clear_outcome (self);
  self->mapped = FALSE;
  return reader != NULL && read_header (self, reader, error);
}

gboolean
abm_engagement_importer_open_path (AbmEngagementImporter  *self,
                                   const char             *path,
                                   GError                **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), FALSE);

  abm_csv_source_set_path (&self->source, path);
  return open_checked (self, error);
}

gboolean
abm_engagement_importer_open_data (AbmEngagementImporter  *self,
                                   const char             *data,
                                   gsize                   len,
                                   GError                **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), FALSE);

  abm_csv_source_set_data (&self->source, data, len);
  return open_checked (self, error);
}

gboolean
abm_engagement_importer_load_mapping (AbmEngagementImporter  *self,
                                      const char             *json,
                                      gsize                   len,
                                      GError                **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  int mapped[ABM_ENGAGEMENT_N_COLUMNS];
  JsonObject *object;

  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), FALSE);

  /* @json ends with a NUL, as g_file_get_contents() leaves it. */
  root = len <= MAX_MAPPING_SIZE ? abm_json_parse (json, MAX_MAPPING_SIZE, 4, FALSE, NULL) : NULL;
  if (root == NULL)
    {
      g_set_error_literal (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                           _("A mapping is a JSON object of column headers and field names"));
      return FALSE;
    }
  memcpy (mapped, self->columns, sizeof mapped);
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *header = l->data;
      JsonNode *node = json_object_get_member (object, header);
      const char *key = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                        ? json_node_get_string (node) : NULL;
      guint column, field;

      for (column = 0; column < self->headers->len; column++)
        if (g_strcmp0 (self->headers->pdata[column], header) == 0)
          break;
      if (column == self->headers->len)
        {
          g_set_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                       _("The mapping names a column “%s” that the file does not have"), header);
          return FALSE;
        }
      /* The column goes nowhere else now. */
      for (field = 0; field < ABM_ENGAGEMENT_N_COLUMNS; field++)
        if (mapped[field] == (int) column)
          mapped[field] = -1;
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      for (field = 0; field < ABM_ENGAGEMENT_N_COLUMNS; field++)
        if (g_strcmp0 (key, columns[field].key) == 0 && column_applies (self, field))
          break;
      if (field == ABM_ENGAGEMENT_N_COLUMNS)
        {
          g_set_error (error, ABM_IMPORT_ERROR, ABM_IMPORT_ERROR_MAPPING,
                       self->kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES
                       ? _("The mapping of column “%s” is not an activity field")
                       : _("The mapping of column “%s” is not an opportunity field"), header);
          return FALSE;
        }
      mapped[field] = (int) column;
    }
  memcpy (self->columns, mapped, sizeof mapped);
  self->mapped = TRUE;
  clear_outcome (self);
  return TRUE;
}

int
abm_engagement_importer_get_column (AbmEngagementImporter *self,
                                    AbmEngagementColumn    field)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), -1);
  g_return_val_if_fail (field < ABM_ENGAGEMENT_N_COLUMNS, -1);
  return self->columns[field];
}

static const char *
cell (AbmEngagementImporter *self,
      AbmEngagementColumn    field,
      guint                  n_fields,
      const char *const     *fields)
{
  int c = self->columns[field];

  return c >= 0 && (guint) c < n_fields && fields[c][0] != '\0' ? fields[c] : NULL;
}

static AbmAccount *
account_for (AbmEngagementImporter  *self,
             const char             *company,
             const char             *email,
             char                  **reason)
{
  g_autofree char *domain = NULL;
  AbmAccount *account;

  if (company != NULL)
    domain = abm_normalize_domain (company, NULL);
  else if (email != NULL && strchr (email, '@') != NULL)
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

/* "2026-10-01 13:45" or "2026-10-01T13:45:00Z": the day is enough. */
static gboolean
read_day (const char  *text,
          char       **day,
          GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));

  if (strlen (clean) > 10 && g_ascii_isdigit (clean[0]) && clean[4] == '-'
      && (clean[10] == 'T' || clean[10] == ' '))
    clean[10] = '\0';
  return abm_date_normalize (clean, day, error);
}

static gint64
person_with_email (AbmEngagementImporter *self,
                   AbmAccount            *account,
                   const char            *email)
{
  GListModel *committee = abm_workspace_get_committee (self->workspace, account, NULL);

  for (guint i = 0; email != NULL && committee != NULL && i < g_list_model_get_n_items (committee); i++)
    {
      g_autoptr(AbmStakeholder) s = g_list_model_get_item (committee, i);

      if (g_ascii_strcasecmp (abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_EMAIL) ?: "", email) == 0)
        return abm_stakeholder_get_id (s);
    }
  return 0;
}

/* One activity row; the reason when it cannot be imported. */
static char *
read_activity (AbmEngagementImporter *self,
               AbmAccount            *account,
               guint                  n_fields,
               const char *const     *fields)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  const char *date = cell (self, ABM_ENGAGEMENT_COLUMN_DATE, n_fields, fields);
  const char *type = cell (self, ABM_ENGAGEMENT_COLUMN_TYPE, n_fields, fields);
  const char *email = cell (self, ABM_ENGAGEMENT_COLUMN_EMAIL, n_fields, fields);
  AbmActivity activity = { 0, };
  GDate parsed;

  if (date == NULL)
    return g_strdup (_("The row has no date"));
  if (!read_day (date, &day, &error))
    return g_strdup (error->message);
  if (type == NULL)
    return g_strdup (_("The row has no activity type"));
  if (!abm_activity_kind_from_text (type, &activity.kind))
    {
      g_autofree char *valid = g_utf8_make_valid (type, -1);
      g_autofree char *shown = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 64));
      return g_strdup_printf (_("“%s” is not a kind of activity this program knows"), shown);
    }
  if (!abm_activity_set_text (&activity, cell (self, ABM_ENGAGEMENT_COLUMN_TOPIC, n_fields, fields),
                              cell (self, ABM_ENGAGEMENT_COLUMN_CAMPAIGN, n_fields, fields), &error))
    return g_strdup (error->message);
  abm_date_parse (day, &parsed);
  activity.day = g_date_get_julian (&parsed);
  activity.account_id = abm_account_get_id (account);
  activity.stakeholder_id = person_with_email (self, account, email);
  g_array_append_val (self->activities, activity);
  self->n_new++;
  return NULL;
}

static gboolean
read_flag (const char *text,
           gboolean   *flag)
{
  static const char *const yes[] = { "yes", "y", "true", "1", "x", "abm", NULL };
  static const char *const no[] = { "no", "n", "false", "0", "", NULL };
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *t = g_ascii_strdown (copy, -1);

  if (g_strv_contains (yes, t))
    return (*flag = TRUE), TRUE;
  if (g_strv_contains (no, t))
    return (*flag = FALSE), TRUE;
  return FALSE;
}

static char *
deal_key (gint64      account_id,
          const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", account_id, normal ? normal : name);
}

/* The opportunity of this name at @account, earlier in the file (by a
 * table, as files hold tens of thousands) or in the workspace. */
static AbmOpportunity *
same_opportunity (AbmEngagementImporter *self,
                  AbmAccount            *account,
                  const char            *name,
                  gboolean              *in_batch)
{
  g_autofree char *key = deal_key (abm_account_get_id (account), name);
  AbmOpportunity *earlier = g_hash_table_lookup (self->deals_by_name, key);
  GListModel *existing;

  *in_batch = earlier != NULL;
  if (earlier != NULL)
    return earlier;
  existing = abm_workspace_get_opportunities (self->workspace, account, NULL);
  for (guint i = 0; existing != NULL && i < g_list_model_get_n_items (existing); i++)
    {
      g_autoptr(AbmOpportunity) o = g_list_model_get_item (existing, i);
      g_autofree char *other = deal_key (abm_account_get_id (account), abm_opportunity_get_name (o));

      if (g_str_equal (key, other))
        return o;
    }
  return NULL;
}

/* Into the batch, and findable by name. */
static void
add_deal (AbmEngagementImporter *self,
          AbmOpportunity        *deal)
{
  g_ptr_array_add (self->opportunities, deal);
  g_hash_table_insert (self->deals_by_name,
                       deal_key (abm_opportunity_get_account_id (deal), abm_opportunity_get_name (deal)), deal);
}

static char *
read_opportunity (AbmEngagementImporter *self,
                  AbmAccount            *account,
                  guint                  n_fields,
                  const char *const     *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AbmOpportunity) row = abm_opportunity_new ();
  g_autofree char *created = NULL, *closed = NULL;
  const char *name = cell (self, ABM_ENGAGEMENT_COLUMN_NAME, n_fields, fields);
  const char *amount = cell (self, ABM_ENGAGEMENT_COLUMN_AMOUNT, n_fields, fields);
  const char *stage = cell (self, ABM_ENGAGEMENT_COLUMN_STAGE, n_fields, fields);
  const char *status = cell (self, ABM_ENGAGEMENT_COLUMN_STATUS, n_fields, fields);
  const char *sourced = cell (self, ABM_ENGAGEMENT_COLUMN_ABM_SOURCED, n_fields, fields);
  AbmOpportunityStatus value = ABM_OPPORTUNITY_OPEN;
  AbmOpportunity *same;
  gboolean in_batch, flag;

  if (name == NULL)
    return g_strdup (_("The row has no deal name"));
  if (!abm_opportunity_set_name (row, name, &error) || !abm_opportunity_set_stage (row, stage, &error))
    return g_strdup (error->message);
  abm_opportunity_set_account_id (row, abm_account_get_id (account));
  if (amount != NULL)
    {
      g_autoptr(GString) digits = g_string_new (NULL);
      char *end;
      double number;

      /* "1,250,000.00", "$ 90000", "90 000 €": the digits, point and sign. */
      for (const char *p = amount; *p != '\0'; p++)
        if (g_ascii_isdigit (*p) || *p == '.' || *p == '-')
          g_string_append_c (digits, *p);
        else if (!strchr (" ,$", *p) && !g_str_has_prefix (p, "€") && !g_str_has_prefix (p, "£")
                 && (guchar) *p < 0x80)
          break;
      number = g_ascii_strtod (digits->str, &end);
      if (digits->len == 0 || *end != '\0' || !isfinite (number))
        return g_strdup_printf (_("“%s” is not an amount"), amount);
      if (!abm_opportunity_set_amount (row, number, &error))
        return g_strdup (error->message);
    }
  /* A won flag or an outcome column; else what the stage says. */
  if (status != NULL)
    {
      if (read_flag (status, &flag))
        value = flag ? ABM_OPPORTUNITY_WON : ABM_OPPORTUNITY_OPEN;
      else
        abm_opportunity_status_from_text (status, &value);
    }
  else if (stage != NULL)
    abm_opportunity_status_from_text (stage, &value);
  abm_opportunity_set_status (row, value);
  if ((cell (self, ABM_ENGAGEMENT_COLUMN_CREATED, n_fields, fields) != NULL
       && (!read_day (cell (self, ABM_ENGAGEMENT_COLUMN_CREATED, n_fields, fields), &created, &error)
           || !abm_opportunity_set_created (row, created, &error)))
      || (cell (self, ABM_ENGAGEMENT_COLUMN_CLOSED, n_fields, fields) != NULL
          && (!read_day (cell (self, ABM_ENGAGEMENT_COLUMN_CLOSED, n_fields, fields), &closed, &error)
              || !abm_opportunity_set_closed (row, closed, &error))))
    return g_strdup (error->message);
  if (sourced != NULL)
    {
      if (!read_flag (sourced, &flag))
        return g_strdup_printf (_("ABM sourced must be yes or no, not “%s”"), sourced);
      abm_opportunity_set_abm_sourced (row, flag);
    }
  if (!abm_opportunity_validate (row, &error))
    return g_strdup (error->message);

  same = same_opportunity (self, account, abm_opportunity_get_name (row), &in_batch);
  if (same != NULL && in_batch)
    {
      abm_opportunity_assign (same, row);
      return NULL;
    }
  if (same != NULL)
    {
      AbmOpportunity *copy = abm_opportunity_copy (same);

      abm_opportunity_assign (copy, row);
      add_deal (self, copy);
      self->n_updated++;
      return NULL;
    }
  add_deal (self, g_steal_pointer (&row));
  self->n_new++;
  return NULL;
}

gboolean
abm_engagement_importer_prepare (AbmEngagementImporter  *self,
                                 GCancellable           *cancellable,
                                 GError                **error)
{
  g_autoptr(AbmCsvReader) reader = NULL;

  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), FALSE);

  clear_outcome (self);
  reader = open_reader (self, error);
  if (reader == NULL)
    return FALSE;
  abm_csv_reader_set_cancellable (reader, cancellable);
  if (!read_header (self, reader, error) || !check_columns (self, error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = NULL;
      const char *const *fields;
      guint n_fields;
      AbmAccount *account;

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
      account = account_for (self, cell (self, ABM_ENGAGEMENT_COLUMN_DOMAIN, n_fields, fields),
                             cell (self, ABM_ENGAGEMENT_COLUMN_EMAIL, n_fields, fields), &reason);
      if (account != NULL)
        reason = self->kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES ? read_activity (self, account, n_fields, fields)
                                                                : read_opportunity (self, account, n_fields, fields);
      if (reason != NULL)
        abm_import_rejects_add (self->rejects, abm_csv_reader_get_line (reader), g_steal_pointer (&reason));
    }
  abm_import_rejects_sort (self->rejects);
  self->prepared = TRUE;
  return TRUE;
}

gboolean
abm_engagement_importer_apply (AbmEngagementImporter  *self,
                               GError                **error)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->prepared, FALSE);

  if (self->kind == ABM_ENGAGEMENT_IMPORT_ACTIVITIES)
    return abm_workspace_add_activities (self->workspace, self->activities, error);
  if (self->opportunities->len == 0)
    return TRUE;
  return abm_workspace_apply_opportunities (self->workspace, self->opportunities, error);
}

guint
abm_engagement_importer_get_n_new (AbmEngagementImporter *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), 0);
  return self->n_new;
}

guint
abm_engagement_importer_get_n_updated (AbmEngagementImporter *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), 0);
  return self->n_updated;
}

GPtrArray *
abm_engagement_importer_get_rejects (AbmEngagementImporter *self)
{
  g_return_val_if_fail (ABM_IS_ENGAGEMENT_IMPORTER (self), NULL);
  return self->rejects;
}
