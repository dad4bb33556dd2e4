/* abm-import-dialog.c: accounts from a CSV export, step by step
 *
 * Three pages: the settings (separator, encoding, a field per column, what
 * to do with domains the workspace has, a preview), the progress, and the
 * outcome. The importer checks every row in a thread while the workspace
 * stays as it is; only when that succeeded and was not cancelled does the
 * main thread write the result in one transaction, so Cancel, closing the
 * window or a malformed file leave the workspace unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-importer.h"
#include "abm-import-dialog.h"
#include "abm-text.h"

/* Rows of the file shown under "Preview", and fields besides name and domain. */
#define PREVIEW_ROWS        5
#define PREVIEW_MORE_FIELDS 3
/* Beyond this, the rows not imported are counted rather than listed. */
#define MAX_REJECT_ROWS     500
/* Sample values in a column's subtitle are cut to this many characters. */
#define SAMPLE_CHARS        32

static const char delimiters[] = { ',', ';', '\t' };
static const char *const encodings[] = { "UTF-8", "WINDOWS-1252" };

struct _AbmImportDialog
{
  AdwWindow            parent_instance;

  AbmWorkspace        *workspace;
  AbmImporter         *importer;
  GtkStringList       *fields_model;  /* "Don't import", then every field */
  GPtrArray           *column_rows;   /* AdwComboRow per column, owned by the list */
  GCancellable        *cancellable;   /* while the rows are being checked */
  gboolean             syncing;       /* rows are set from the importer */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *back_button;
  GtkButton           *import_button;
  GtkButton           *done_button;
  GtkStack            *stack;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *encoding_row;
  GtkLabel            *file_problem_label;
  AdwPreferencesGroup *columns_group;
  GtkLabel            *mapping_label;
  GtkListBox          *columns_list;
  AdwPreferencesGroup *duplicates_group;
  GtkCheckButton      *update_check;
  AdwPreferencesGroup *preview_group;
  GtkGrid             *preview_grid;
  GtkProgressBar      *progress_bar;
  AdwStatusPage       *result_page;
  AdwPreferencesGroup *rejects_group;
  GtkListBox          *rejects_list;
};

G_DEFINE_FINAL_TYPE (AbmImportDialog, abm_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_all_children (GtkWidget *parent,
                     void     (*remove) (GtkWidget *parent, GtkWidget *child))
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    remove (parent, child);
}

static void
list_box_remove (GtkWidget *list,
                 GtkWidget *child)
{
  gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static void
grid_remove (GtkWidget *grid,
             GtkWidget *child)
{
  gtk_grid_remove (GTK_GRID (grid), child);
}

/* One line of a cell: spreadsheets allow line breaks inside a cell. */
static char *
one_line (const char *text,
          guint       max_chars)
{
  g_autofree char *flat = g_strdup (text);
  glong len;

  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);
  len = g_utf8_strlen (flat, -1);
  if (max_chars > 0 && len > (glong) max_chars)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, max_chars - 1);

      return g_strconcat (g_strchomp (cut), "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static const char *
preview_cell (GStrv  row,
              guint  column)
{
  return column < g_strv_length (row) ? row[column] : "";
}

/* "Northwind Bank · Globex": the first values a column has, to tell
 * columns with unhelpful headers apart. */
static char *
column_sample (AbmImportDialog *self,
               guint            column)
{
  GPtrArray *preview = abm_importer_get_preview (self->importer);
  GString *sample = g_string_new (NULL);
  guint found = 0;

  for (guint i = 0; i < preview->len && found < 2; i++)
    {
      g_autofree char *value = one_line (preview_cell (preview->pdata[i], column), SAMPLE_CHARS);

      if (*value == '\0')
        continue;
      if (found++ > 0)
        g_string_append (sample, " · ");
      g_string_append (sample, value);
    }
  if (found == 0)
    g_string_assign (sample, _("Empty in the first rows"));
  return g_string_free (sample, FALSE);
}

/* The column rows' choices: "Don't import", "Custom Field", then every
 * account field. */
#define POSITION_IGNORE 0
#define POSITION_CUSTOM 1
#define POSITION_FIRST_FIELD 2

static guint
mapping_position (int mapping)
{
  if (mapping == ABM_IMPORT_IGNORE)
    return POSITION_IGNORE;
  if (mapping == ABM_IMPORT_CUSTOM)
    return POSITION_CUSTOM;
  return (guint) mapping + POSITION_FIRST_FIELD;
}

static int
position_mapping (guint position)
{
  if (position == POSITION_IGNORE)
    return ABM_IMPORT_IGNORE;
  if (position == POSITION_CUSTOM)
    return ABM_IMPORT_CUSTOM;
  return (int) (position - POSITION_FIRST_FIELD);
}

static gboolean
mapping_has_key (AbmImportDialog *self)
{
  for (guint i = 0; i < abm_importer_get_n_columns (self->importer); i++)
    {
      int field = abm_importer_get_mapping (self->importer, i);

      if (field == ABM_ACCOUNT_FIELD_NAME || field == ABM_ACCOUNT_FIELD_DOMAIN)
        return TRUE;
    }
  return FALSE;
}

static gboolean
field_is_number (AbmAccountField field)
{
  return field == ABM_ACCOUNT_FIELD_EMPLOYEES
      || field == ABM_ACCOUNT_FIELD_ANNUAL_REVENUE
      || field == ABM_ACCOUNT_FIELD_ACV_POTENTIAL;
}

/* The value as the account will hold it: "https://www.Globex.com/" as
 * "globex.com", "1,200" as "1 200". */
static char *
stored_text (AbmAccount      *account,
             AbmAccountField  field)
{
  double value;

  switch (field)
    {
    case ABM_ACCOUNT_FIELD_EMPLOYEES:
      value = (double) abm_account_get_employees (account);
      break;
    case ABM_ACCOUNT_FIELD_ANNUAL_REVENUE:
      value = abm_account_get_annual_revenue (account);
      break;
    case ABM_ACCOUNT_FIELD_ACV_POTENTIAL:
      value = abm_account_get_acv_potential (account);
      break;
    default:
      return abm_account_dup_field_text (account, field);
    }
  return value < 0 ? g_strdup ("") : abm_text_format_money (value, NULL);
}

static GtkLabel *
add_preview_label (AbmImportDialog *self,
                   const char      *text,
                   int              column,
                   int              row,
                   gboolean         number)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (text));

  gtk_label_set_xalign (label, number ? 1 : 0);
  gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
  if (number)
    gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
  gtk_grid_attach (self->preview_grid, GTK_WIDGET (label), column, row, 1, 1);
  return label;
}

/* Headers wrap rather than lose words; cells are cut at the end. */
static void
add_preview_header (AbmImportDialog *self,
                    AbmAccountField  field,
                    int              column)
{
  GtkLabel *label = add_preview_label (self, abm_account_field_label (field), column, 0,
                                       field_is_number (field));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_justify (label, field_is_number (field) ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_END);
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption-heading");
}

static void
add_preview_cell (AbmImportDialog *self,
                  AbmAccount      *scratch,
                  AbmAccountField  field,
                  const char      *cell,
                  int              column,
                  int              row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = one_line (cell, 0);
  g_autofree char *value = NULL;
  GtkLabel *label;

  if (*raw == '\0')
    {
      label = add_preview_label (self, "—", column, row, field_is_number (field));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      return;
    }

  /* A value the account refuses is shown as it is, marked, with the reason:
   * that row will be listed as not imported. */
  if (!abm_account_set_field_text (scratch, field, cell, &error))
    {
      label = add_preview_label (self, raw, column, row, field_is_number (field));
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
    }
  else
    {
      value = stored_text (scratch, field);
      label = add_preview_label (self, value, column, row, field_is_number (field));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), value);
    }

  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (label, 24);
  gtk_label_set_single_line_mode (label, TRUE);
  /* Name and domain tell the rows apart: they keep room when space is short. */
  if (field == ABM_ACCOUNT_FIELD_NAME || field == ABM_ACCOUNT_FIELD_DOMAIN)
    gtk_label_set_width_chars (label, 10);
}

/* Name and domain, then the first few other fields that are mapped, for
 * the first rows of the file. */
static void
update_preview (AbmImportDialog *self)
{
  GPtrArray *preview = abm_importer_get_preview (self->importer);
  int column_of[ABM_ACCOUNT_N_FIELDS];
  AbmAccountField shown[2 + PREVIEW_MORE_FIELDS];
  guint n_shown = 0;

  remove_all_children (GTK_WIDGET (self->preview_grid), grid_remove);

  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    column_of[f] = -1;
  for (guint i = 0; i < abm_importer_get_n_columns (self->importer); i++)
    {
      int field = abm_importer_get_mapping (self->importer, i);

      if (field >= 0)
        column_of[field] = (int) i;
    }

  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS && n_shown < G_N_ELEMENTS (shown); f++)
    if (column_of[f] >= 0)
      shown[n_shown++] = f;

  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), n_shown > 0);
  if (n_shown == 0)
    return;

  if (preview->len == 0)
    {
      GtkLabel *label = add_preview_label (self, _("The file has no rows below its header."), 0, 0, FALSE);

      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      return;
    }

  for (guint c = 0; c < n_shown; c++)
    add_preview_header (self, shown[c], (int) c);

  for (guint r = 0; r < preview->len && r < PREVIEW_ROWS; r++)
    {
      g_autoptr(AbmAccount) scratch = abm_account_new ();

      for (guint c = 0; c < n_shown; c++)
        add_preview_cell (self, scratch, shown[c],
                          preview_cell (preview->pdata[r], (guint) column_of[shown[c]]),
                          (int) c, (int) r + 1);
    }
}

/* The rows show the importer's mapping: choosing a field for one column
 * takes it from the column that had it. */
static void
sync_mapping (AbmImportDialog *self)
{
  gboolean has_key;

  self->syncing = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (self->column_rows->pdata[i],
                                mapping_position (abm_importer_get_mapping (self->importer, i)));
  self->syncing = FALSE;

  has_key = mapping_has_key (self);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_label), !has_key);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), has_key);
  update_preview (self);
}

static void
column_selected (AdwComboRow     *row,
                 GParamSpec      *pspec,
                 AbmImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "abm-column"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* A second column of the same name, or one past what an account holds,
   * cannot be a custom field: the row says so and keeps its choice. */
  if (position_mapping (selected) == ABM_IMPORT_CUSTOM
      && !abm_importer_can_be_custom (self->importer, column))
    {
      g_autofree char *why =
        g_strdup_printf (_("Cannot be a custom field: another column has this name, "
                           "or there are already %u custom fields"), ABM_ACCOUNT_MAX_CUSTOM);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      gtk_widget_error_bell (GTK_WIDGET (row));
      sync_mapping (self);
      return;
    }

  abm_importer_set_mapping (self->importer, column, position_mapping (selected));
  sync_mapping (self);
}

static void
rebuild_columns (AbmImportDialog *self)
{
  g_ptr_array_set_size (self->column_rows, 0);
  remove_all_children (GTK_WIDGET (self->columns_list), list_box_remove);

  for (guint i = 0; i < abm_importer_get_n_columns (self->importer); i++)
    {
      g_autofree char *header = one_line (abm_importer_get_column (self->importer, i), 0);
      g_autofree char *title = *header ? g_strdup (header) : g_strdup_printf (_("Column %u"), i + 1);
      g_autofree char *sample = column_sample (self, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      /* Headers and cells are the file's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (row, G_LIST_MODEL (self->fields_model));
      adw_combo_row_set_selected (row, mapping_position (abm_importer_get_mapping (self->importer, i)));
      g_object_set_data (G_OBJECT (row), "abm-column", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_selected), self);

      gtk_list_box_append (self->columns_list, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
sync_file_rows (AbmImportDialog *self)
{
  const char *encoding = abm_importer_get_encoding (self->importer);
  char delimiter = abm_importer_get_delimiter (self->importer);

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encoding != NULL && g_ascii_strcasecmp (encodings[i], encoding) == 0)
      adw_combo_row_set_selected (self->encoding_row, i);
  self->syncing = FALSE;
}

/* After the head of the file was (re-)read with @error's outcome. */
static void
head_loaded (AbmImportDialog *self,
             const GError    *error)
{
  gtk_label_set_text (self->file_problem_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->file_problem_label), error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), error == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), error == NULL);

  rebuild_columns (self);
  sync_mapping (self);
  if (error != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
    }
}

static void
delimiter_selected (AbmImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->delimiter_row);

  if (self->syncing || selected >= G_N_ELEMENTS (delimiters))
    return;

  abm_importer_set_delimiter (self->importer, delimiters[selected], &error);
  head_loaded (self, error);
}

static void
encoding_selected (AbmImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->syncing || selected >= G_N_ELEMENTS (encodings))
    return;

  abm_importer_set_encoding (self->importer, encodings[selected], &error);
  head_loaded (self, error);
}

static void
show_page (AbmImportDialog *self,
           const char      *name)
{
  gboolean setup = g_str_equal (name, "setup");
  gboolean result = g_str_equal (name, "result");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !result);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), setup);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), result);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 setup ? GTK_WIDGET (self->import_button)
                                       : result ? GTK_WIDGET (self->done_button) : NULL);
}

static char *
line_title (guint64 line)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, line);

  /* Translators: a line of the imported file, as in "Line 17". */
  return g_strdup_printf (_("Line %s"), number);
}

static void
show_rejects (AbmImportDialog *self)
{
  GPtrArray *rejects = abm_importer_get_rejects (self->importer);
  g_autofree char *description = NULL;

  remove_all_children (GTK_WIDGET (self->rejects_list), list_box_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->rejects_group), rejects->len > 0);
  if (rejects->len == 0)
    return;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u row was left out. Correct it in the file and import the file again: accounts already imported are updated, not added twice.",
                                              "%u rows were left out. Correct them in the file and import the file again: accounts already imported are updated, not added twice.",
                                              rejects->len),
                                 rejects->len);
  adw_preferences_group_set_description (self->rejects_group, description);

  for (guint i = 0; i < rejects->len && i < MAX_REJECT_ROWS; i++)
    {
      AbmImportReject *reject = rejects->pdata[i];
      g_autofree char *title = line_title (reject->line);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reject->reason);
      gtk_list_box_append (self->rejects_list, row);
    }

  if (rejects->len > MAX_REJECT_ROWS)
    {
      guint more = rejects->len - MAX_REJECT_ROWS;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "And %u more row",
                                                             "And %u more rows", more),
                                                more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->rejects_list, row);
    }
}

static void
show_outcome (AbmImportDialog *self)
{
  g_autofree char *counts = NULL;

  /* Translators: accounts added; accounts of the workspace updated; rows
   * merged into an earlier row for the same domain; rows left out because
   * their domain's account was to be left as it is. */
  counts = g_strdup_printf (_("%u new, %u updated, %u merged, %u skipped"),
                            abm_importer_get_n_new (self->importer),
                            abm_importer_get_n_updated (self->importer),
                            abm_importer_get_n_merged (self->importer),
                            abm_importer_get_n_skipped (self->importer));

  adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->result_page, _("Import Finished"));
  adw_status_page_set_description (self->result_page, counts);
  show_rejects (self);
  show_page (self, "result");
}

static void
show_failure (AbmImportDialog *self,
              const GError    *error)
{
  /* The description is markup; the message may quote the file. */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_icon_name (self->result_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->result_page, _("Nothing Was Imported"));
  adw_status_page_set_description (self->result_page, escaped);
  gtk_widget_set_visible (GTK_WIDGET (self->rejects_group), FALSE);
  show_page (self, "result");
  /* A wrong separator or encoding can be set right and tried again. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
}

typedef struct {
  AbmImportDialog *self;
  GCancellable    *cancellable;
  double           fraction;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->self);
  g_object_unref (progress->cancellable);
  g_free (progress);
}

static gboolean
progress_on_main_thread (gpointer data)
{
  Progress *progress = data;

  /* A report that arrives after a cancel, or after the next run started,
   * is stale. */
  if (progress->cancellable == progress->self->cancellable
      && !g_cancellable_is_cancelled (progress->cancellable))
    gtk_progress_bar_set_fraction (progress->self->progress_bar, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread. */
static void
progress_in_thread (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (g_task_get_task_data (task));
  progress->cancellable = g_object_ref (g_task_get_cancellable (task));
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_on_main_thread,
                              progress, progress_free);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  AbmImportDialog *self = task_data;
  GError *error = NULL;

  if (abm_importer_prepare (self->importer, cancellable, progress_in_thread, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
prepared (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AbmImportDialog) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (self->cancellable == cancellable)
    g_clear_object (&self->cancellable);

  /* Cancelled, even if the rows were all read by then: nothing is written. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      show_page (self, "setup");
      return;
    }

  if (!ok || !abm_importer_apply (self->importer, &error))
    {
      show_failure (self, error);
      return;
    }

  show_outcome (self);
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
import_clicked (AbmImportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->cancellable != NULL || !mapping_has_key (self))
    return;

  abm_importer_set_duplicates (self->importer,
                               gtk_check_button_get_active (self->update_check)
                               ? ABM_IMPORT_UPDATE : ABM_IMPORT_SKIP);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_page (self, "progress");

  self->cancellable = g_cancellable_new ();
  /* The worker thread may drop the last reference to the task, so the task
   * owns nothing whose last reference must be dropped on the main thread:
   * the dialog (and its importer) is held by the callback's data instead,
   * which is released there, and lent to the thread as the task data. */
  task = g_task_new (NULL, self->cancellable, prepared, g_object_ref (self));
  g_task_set_source_tag (task, import_clicked);
  g_task_set_task_data (task, self, NULL);
  g_task_run_in_thread (task, prepare_in_thread);
}

static void
cancel_clicked (AbmImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_clicked (AbmImportDialog *self)
{
  show_page (self, "setup");
}

static void
done_clicked (AbmImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_requested (AbmImportDialog *self)
{
  /* The thread holds the dialog until it stops; the result is dropped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GDK_EVENT_PROPAGATE;
}

static void
abm_import_dialog_dispose (GObject *object)
{
  AbmImportDialog *self = ABM_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->importer);
  g_clear_object (&self->workspace);
  g_clear_object (&self->fields_model);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (abm_import_dialog_parent_class)->dispose (object);
}

static void
abm_import_dialog_class_init (AbmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = abm_import_dialog_dispose;

  /**
   * AbmImportDialog::imported:
   *
   * The accounts were written to the workspace.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/abm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, file_problem_label);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, mapping_label);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, update_check);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, rejects_group);
  gtk_widget_class_bind_template_child (widget_class, AbmImportDialog, rejects_list);
  gtk_widget_class_bind_template_callback (widget_class, delimiter_selected);
  gtk_widget_class_bind_template_callback (widget_class, encoding_selected);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked);
  gtk_widget_class_bind_template_callback (widget_class, close_requested);
}

static void
abm_import_dialog_init (AbmImportDialog *self)
{
  self->column_rows = g_ptr_array_new ();
  self->fields_model = gtk_string_list_new (NULL);
  gtk_string_list_append (self->fields_model, _("Don’t import"));
  gtk_string_list_append (self->fields_model, _("Custom Field"));
  for (guint f = 0; f < ABM_ACCOUNT_N_FIELDS; f++)
    gtk_string_list_append (self->fields_model, abm_account_field_label (f));

  /* No importer yet: the rows' first selections are not the user's. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
}

/**
 * abm_import_dialog_new:
 * @parent: (nullable): the window the dialog is modal for
 * @workspace: where the accounts go
 * @path: the CSV file
 * @error: why the file cannot be imported at all (unreadable, empty)
 *
 * Returns: (transfer none) (nullable): the dialog, to present, or %NULL
 */
AbmImportDialog *
abm_import_dialog_new (GtkWindow     *parent,
                       AbmWorkspace  *workspace,
                       const char    *path,
                       GError       **error)
{
  g_autoptr(AbmImporter) importer = NULL;
  g_autofree char *basename = NULL;
  AbmImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  importer = abm_importer_new (workspace);
  if (!abm_importer_open_path (importer, path, error))
    return NULL;

  self = g_object_new (ABM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->workspace = g_object_ref (workspace);
  self->importer = g_steal_pointer (&importer);

  basename = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, basename);

  sync_file_rows (self);
  head_loaded (self, NULL);
  show_page (self, "setup");
  return self;
}
