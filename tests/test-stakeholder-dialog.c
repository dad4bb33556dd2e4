/* test-stakeholder-dialog.c: the stakeholder and coverage rules dialogs
 * driven as a user would
 *
 * Each test opens a dialog on the sample workspace (250 accounts, seed 1),
 * whose Tier 1 account Globex Capital has a committee of nine: Lars
 * Lindqvist (economic buyer, manager unknown) with Nadia Chen, Gustav
 * Rossi and Ben Ruiz reporting to him, Ivan Diaz reporting to Nadia, and
 * Gustav influencing Lars. The tests act through rows and buttons found by
 * their titles, and check what the workspace stored, read back from the
 * file through a second connection where it matters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "abm-coverage-rules-dialog.h"
#include "abm-sample.h"
#include "abm-stakeholder-dialog.h"
#include "abm-test-ui.h"

#define DOMAIN "globex-capital.com"

static AbmApplication *app;

typedef struct {
  char         *dir;
  char         *path;
  AbmWorkspace *workspace;
  AbmAccount   *account;
  GPtrArray    *saved;       /* AbmStakeholder, as "saved" gave them */
  GArray       *undo_ids;    /* gint64, as "removed" gave them */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("abm-stakeholder-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sample.abm", NULL);
  f->workspace = abm_sample_create_workspace (f->path, 250, 1, &error);
  g_assert_no_error (error);
  f->account = abm_workspace_find_account_by_domain (f->workspace, DOMAIN);
  g_assert_nonnull (f->account);
  f->saved = g_ptr_array_new_with_free_func (g_object_unref);
  f->undo_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  abm_test_ui_iterate ();
  g_clear_pointer (&f->saved, g_ptr_array_unref);
  g_clear_pointer (&f->undo_ids, g_array_unref);
  g_clear_object (&f->workspace);
  abm_test_ui_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GListModel *
committee_of (AbmWorkspace *workspace)
{
  AbmAccount *account = abm_workspace_find_account_by_domain (workspace, DOMAIN);
  g_autoptr(GError) error = NULL;
  GListModel *committee = abm_workspace_get_committee (workspace, account, &error);

  g_assert_no_error (error);
  return committee;
}

static AbmStakeholder *
person_named (AbmWorkspace *workspace,
              const char   *name)
{
  GListModel *committee = committee_of (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (committee); i++)
    {
      g_autoptr(AbmStakeholder) person = g_list_model_get_item (committee, i);

      if (g_strcmp0 (abm_stakeholder_get_name (person), name) == 0)
        return person;   /* the committee keeps it */
    }
  return NULL;
}

static gboolean
has_link (AbmWorkspace   *workspace,
          AbmStakeholder *from,
          AbmStakeholder *to,
          AbmLinkKind     kind)
{
  AbmAccount *account = abm_workspace_find_account_by_domain (workspace, DOMAIN);
  GArray *links = abm_workspace_get_committee_links (workspace, account);

  for (guint i = 0; i < links->len; i++)
    {
      AbmStakeholderLink *l = &g_array_index (links, AbmStakeholderLink, i);

      if (l->from_id == abm_stakeholder_get_id (from) && l->to_id == abm_stakeholder_get_id (to) && l->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* The control at the end of the row titled @row_title. */
static GtkWidget *
control_of (GtkWidget  *dialog,
            const char *row_title,
            GType       type)
{
  return abm_test_ui_get_widget (abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, row_title), type, NULL);
}

static guint
position_of (GListModel *strings,
             const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (strings); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (strings), i), text) == 0)
      return i;
  g_error ("No choice “%s”", text);
}

static void
choose (GtkWidget  *dialog,
        const char *row_title,
        const char *choice)
{
  AdwComboRow *row = ADW_COMBO_ROW (abm_test_ui_get_widget (dialog, ADW_TYPE_COMBO_ROW, row_title));

  adw_combo_row_set_selected (row, position_of (adw_combo_row_get_model (row), choice));
  abm_test_ui_iterate ();
}

static void
drop_down_choose (GtkDropDown *drop,
                  const char  *choice)
{
  gtk_drop_down_set_selected (drop, position_of (gtk_drop_down_get_model (drop), choice));
  abm_test_ui_iterate ();
}

/* The two drop-downs of the new link, kind first. */
static void
find_link_drops (GtkWidget    *dialog,
                 GtkDropDown **kind,
                 GtkDropDown **person)
{
  GtkWidget *add = abm_test_ui_get_widget (dialog, GTK_TYPE_BUTTON, "Add _Link");
  GtkWidget *box = gtk_widget_get_parent (add);

  *kind = GTK_DROP_DOWN (gtk_widget_get_first_child (box));
  *person = GTK_DROP_DOWN (gtk_widget_get_next_sibling (GTK_WIDGET (*kind)));
  g_assert_true (GTK_IS_DROP_DOWN (*kind));
  g_assert_true (GTK_IS_DROP_DOWN (*person));
}

static void
saved_cb (AbmStakeholderDialog *dialog,
          AbmStakeholder       *person,
          Fixture              *f)
{
  g_ptr_array_add (f->saved, g_object_ref (person));
}

static void
removed_cb (AbmStakeholderDialog *dialog,
            gint64                undo_id,
            Fixture              *f)
{
  g_array_append_val (f->undo_ids, undo_id);
}

static GtkWidget *
watch (Fixture              *f,
       AbmStakeholderDialog *dialog)
{
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), f);
  g_signal_connect (dialog, "removed", G_CALLBACK (removed_cb), f);
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();
  return GTK_WIDGET (dialog);
}

static GtkWidget *
open_add (Fixture *f)
{
  return watch (f, abm_stakeholder_dialog_new_add (NULL, f->workspace, f->account));
}

static GtkWidget *
open_edit (Fixture    *f,
           const char *name)
{
  AbmStakeholder *person = person_named (f->workspace, name);

  g_assert_nonnull (person);
  return watch (f, abm_stakeholder_dialog_new_edit (NULL, f->workspace, f->account, person));
}

/* Gone, and nothing it connected keeps it alive. */
static void
assert_closed (GtkWidget **dialog)
{
  abm_test_ui_iterate ();
  g_assert_null (*dialog);
}

static void
track (GtkWidget **dialog)
{
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
}

static void
check_role (GtkWidget  *dialog,
            const char *role)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (control_of (dialog, role, GTK_TYPE_CHECK_BUTTON)), TRUE);
  abm_test_ui_iterate ();
}

static void
assert_added (AbmWorkspace *workspace,
              const char   *today)
{
  AbmStakeholder *alex = person_named (workspace, "Alex Morgan");
  AbmStakeholder *lars = person_named (workspace, "Lars Lindqvist");

  g_assert_nonnull (alex);
  g_assert_cmpuint (abm_stakeholder_get_roles (alex), ==,
                    (1u << ABM_ROLE_CHAMPION) | (1u << ABM_ROLE_TECHNICAL_EVALUATOR));
  g_assert_cmpint (abm_stakeholder_get_manager_id (alex), ==, abm_stakeholder_get_id (lars));
  g_assert_cmpint (abm_stakeholder_get_dotted_manager_id (alex), ==, 0);
  g_assert_cmpstr (abm_stakeholder_get_text (alex, ABM_STAKEHOLDER_FIELD_TITLE), ==, "Head of Payments");
  /* The core's setter had the address, and keeps addresses in lower case. */
  g_assert_cmpstr (abm_stakeholder_get_text (alex, ABM_STAKEHOLDER_FIELD_EMAIL), ==, "alex.morgan@globex-capital.com");
  g_assert_cmpuint (abm_stakeholder_get_influence (alex), ==, 4);
  g_assert_cmpint (abm_stakeholder_get_sentiment (alex), ==, ABM_STAKEHOLDER_SENTIMENT_POSITIVE);
  g_assert_cmpint (abm_stakeholder_get_support (alex), ==, ABM_SUPPORT_MENTOR);
  g_assert_cmpstr (abm_stakeholder_get_last_contact (alex), ==, today);
  g_assert_cmpstr (abm_stakeholder_get_text (alex, ABM_STAKEHOLDER_FIELD_NOTES), ==, "Met at Money20/20.\nOwns the RFP.");
}

/* A new person with two roles, a manager and the rest is stored in one
 * go, in memory and in the file; Cancel stores nothing. */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  guint before = g_list_model_get_n_items (committee_of (f->workspace));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(AbmWorkspace) stored = NULL;
  GtkWidget *dialog = open_add (f);
  GtkWidget *roles, *last_contact, *notes;

  /* Nothing to add without a name. */
  g_assert_false (gtk_widget_is_sensitive (abm_test_ui_get_widget (dialog, GTK_TYPE_BUTTON, "_Add")));
  abm_test_ui_type_into (dialog, "Name", "Someone");
  abm_test_ui_click (dialog, "_Cancel");
  g_assert_cmpuint (g_list_model_get_n_items (committee_of (f->workspace)), ==, before);
  g_assert_cmpuint (f->saved->len, ==, 0);

  dialog = open_add (f);
  track (&dialog);
  abm_test_ui_type_into (dialog, "Name", "Alex Morgan");
  abm_test_ui_type_into (dialog, "Job Title", "Head of Payments");
  abm_test_ui_type_into (dialog, "Email", "Alex.Morgan@globex-capital.com");
  check_role (dialog, "Champion");
  check_role (dialog, "Technical evaluator");
  roles = abm_test_ui_get_widget (dialog, ADW_TYPE_EXPANDER_ROW, "Roles");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (roles)), ==, "Champion, Technical evaluator");
  choose (dialog, "Reports To", "Lars Lindqvist");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (control_of (dialog, "Influence", GTK_TYPE_SPIN_BUTTON)), 4);
  choose (dialog, "Sentiment", "Positive");
  choose (dialog, "Support Status", "Mentor");
  abm_test_ui_click (dialog, "_Today");
  last_contact = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Last Contact");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (last_contact)), ==, "Today");
  notes = abm_test_ui_get_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), "Met at Money20/20.\nOwns the RFP.", -1);
  /* Nothing is stored before Add. */
  g_assert_null (person_named (f->workspace, "Alex Morgan"));

  abm_test_ui_click (dialog, "_Add");
  assert_closed (&dialog);
  g_assert_cmpuint (f->saved->len, ==, 1);
  g_assert_true (f->saved->pdata[0] == person_named (f->workspace, "Alex Morgan"));
  g_assert_cmpuint (g_list_model_get_n_items (committee_of (f->workspace)), ==, before + 1);
  assert_added (f->workspace, today);

  stored = abm_test_ui_reread (f->path);
  assert_added (stored, today);
}

/* A refused address stays in its field with the core's reason, and
 * nothing is stored until it is put right. */
static void
test_invalid_email (Fixture       *f,
                    gconstpointer  data)
{
  guint before = g_list_model_get_n_items (committee_of (f->workspace));
  GtkWidget *dialog = open_add (f);
  GtkWidget *email, *reason;

  track (&dialog);
  abm_test_ui_type_into (dialog, "Name", "Alex Morgan");
  abm_test_ui_type_into (dialog, "Email", "alex at globex");
  email = abm_test_ui_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "Email");
  /* Half-typed is not yet a mistake. */
  g_assert_false (gtk_widget_has_css_class (email, "error"));

  abm_test_ui_click (dialog, "_Add");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  reason = abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "“alex at globex” is not an email address");
  g_assert_true (gtk_widget_has_css_class (reason, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "alex at globex");
  g_assert_cmpuint (g_list_model_get_n_items (committee_of (f->workspace)), ==, before);
  g_assert_cmpuint (f->saved->len, ==, 0);

  /* Put right, the reason goes as it is typed, and Add stores. */
  abm_test_ui_type_into (dialog, "Email", "alex@globex-capital.com");
  g_assert_false (gtk_widget_has_css_class (email, "error"));
  g_assert_false (gtk_widget_get_mapped (reason));
  abm_test_ui_click (dialog, "_Add");
  assert_closed (&dialog);
  g_assert_cmpuint (g_list_model_get_n_items (committee_of (f->workspace)), ==, before + 1);
  g_assert_cmpstr (abm_stakeholder_get_text (person_named (f->workspace, "Alex Morgan"), ABM_STAKEHOLDER_FIELD_EMAIL),
                   ==, "alex@globex-capital.com");
}

/* A reporting line that would loop is the workspace's to refuse: its
 * reason is shown in the dialog, which stays open, and nothing changes. */
static void
test_loop (Fixture       *f,
           gconstpointer  data)
{
  AbmStakeholder *lars = person_named (f->workspace, "Lars Lindqvist");
  AbmStakeholder *nadia = person_named (f->workspace, "Nadia Chen");
  gint64 manager = abm_stakeholder_get_manager_id (lars);
  g_autoptr(AbmWorkspace) stored = NULL;
  GtkWidget *dialog, *reason;
  GtkRevealer *revealer;

  g_assert_cmpint (abm_stakeholder_get_manager_id (nadia), ==, abm_stakeholder_get_id (lars));
  dialog = open_edit (f, "Lars Lindqvist");
  choose (dialog, "Reports To", "Nadia Chen");
  abm_test_ui_type_into (dialog, "Job Title", "Chief Digital Officer");
  abm_test_ui_click (dialog, "_Save");

  reason = abm_test_ui_get_widget (dialog, GTK_TYPE_LABEL, "Lars Lindqvist cannot report to Nadia Chen, who already reports to them");
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (reason, GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpuint (f->saved->len, ==, 0);
  g_assert_cmpint (abm_stakeholder_get_manager_id (lars), ==, manager);
  g_assert_cmpstr (abm_stakeholder_get_text (lars, ABM_STAKEHOLDER_FIELD_TITLE), ==, "Chief Information Officer");
  stored = abm_test_ui_reread (f->path);
  g_assert_cmpint (abm_stakeholder_get_manager_id (person_named (stored, "Lars Lindqvist")), ==, manager);

  /* Choosing again answers it; what was typed is still there to save. */
  choose (dialog, "Reports To", "Unknown");
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (abm_test_ui_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "Job Title"))),
                   ==, "Chief Digital Officer");
  track (&dialog);
  abm_test_ui_click (dialog, "_Save");
  assert_closed (&dialog);
  g_assert_cmpuint (f->saved->len, ==, 1);
  g_assert_cmpstr (abm_stakeholder_get_text (lars, ABM_STAKEHOLDER_FIELD_TITLE), ==, "Chief Digital Officer");
}

/* Links are listed both ways, added and removed in the dialog, and stored
 * with Save; a new person's links are stored under their new id. */
static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  AbmStakeholder *lars = person_named (f->workspace, "Lars Lindqvist");
  AbmStakeholder *gustav = person_named (f->workspace, "Gustav Rossi");
  AbmStakeholder *ben = person_named (f->workspace, "Ben Ruiz");
  AbmStakeholder *nadia = person_named (f->workspace, "Nadia Chen");
  g_autoptr(AbmWorkspace) stored = NULL;
  GtkDropDown *kind, *person;
  GtkWidget *dialog, *row;

  g_assert_true (has_link (f->workspace, gustav, lars, ABM_LINK_INFLUENCES));
  g_assert_false (has_link (f->workspace, lars, ben, ABM_LINK_CONFLICTS));

  dialog = open_edit (f, "Lars Lindqvist");
  track (&dialog);
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Influenced by Gustav Rossi");
  find_link_drops (dialog, &kind, &person);
  drop_down_choose (kind, "Conflicts With");
  drop_down_choose (person, "Ben Ruiz");
  abm_test_ui_click (dialog, "Add _Link");
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Conflicts with Ben Ruiz");
  /* The same link is not offered twice. */
  g_assert_false (gtk_widget_is_sensitive (abm_test_ui_get_widget (dialog, GTK_TYPE_BUTTON, "Add _Link")));
  row = abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Influenced by Gustav Rossi");
  abm_test_ui_click (row, "Remove Link");
  g_assert_null (abm_test_ui_find_widget (dialog, ADW_TYPE_ACTION_ROW, "Influenced by Gustav Rossi"));
  /* Nothing is stored before Save. */
  g_assert_true (has_link (f->workspace, gustav, lars, ABM_LINK_INFLUENCES));
  g_assert_false (has_link (f->workspace, lars, ben, ABM_LINK_CONFLICTS));

  abm_test_ui_click (dialog, "_Save");
  assert_closed (&dialog);
  g_assert_false (has_link (f->workspace, gustav, lars, ABM_LINK_INFLUENCES));
  g_assert_true (has_link (f->workspace, lars, ben, ABM_LINK_CONFLICTS));
  stored = abm_test_ui_reread (f->path);
  g_assert_false (has_link (stored, person_named (stored, "Gustav Rossi"), person_named (stored, "Lars Lindqvist"),
                            ABM_LINK_INFLUENCES));
  g_assert_true (has_link (stored, person_named (stored, "Lars Lindqvist"), person_named (stored, "Ben Ruiz"),
                           ABM_LINK_CONFLICTS));

  dialog = open_add (f);
  track (&dialog);
  abm_test_ui_type_into (dialog, "Name", "Alex Morgan");
  find_link_drops (dialog, &kind, &person);
  drop_down_choose (kind, "Influences");
  drop_down_choose (person, "Nadia Chen");
  abm_test_ui_click (dialog, "Add _Link");
  abm_test_ui_get_widget (dialog, ADW_TYPE_ACTION_ROW, "Influences Nadia Chen");
  abm_test_ui_click (dialog, "_Add");
  assert_closed (&dialog);
  g_assert_true (has_link (f->workspace, person_named (f->workspace, "Alex Morgan"), nadia, ABM_LINK_INFLUENCES));
}

/* Remove from Committee deletes at once, says so with an undo id the
 * workspace accepts, and closes. */
static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  AbmStakeholder *nadia = person_named (f->workspace, "Nadia Chen");
  AbmStakeholder *ivan = person_named (f->workspace, "Ivan Diaz");
  gint64 nadia_id = abm_stakeholder_get_id (nadia);
  guint before = g_list_model_get_n_items (committee_of (f->workspace));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_cmpint (abm_stakeholder_get_manager_id (ivan), ==, nadia_id);
  /* A person being added has nothing to remove. */
  dialog = open_add (f);
  g_assert_null (abm_test_ui_find_widget (dialog, GTK_TYPE_BUTTON, "_Remove from Committee"));
  abm_test_ui_close (dialog);

  dialog = open_edit (f, "Nadia Chen");
  track (&dialog);
  abm_test_ui_click (dialog, "_Remove from Committee");
  assert_closed (&dialog);
  g_assert_cmpuint (f->undo_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (f->undo_ids, gint64, 0), >, 0);
  g_assert_cmpuint (f->saved->len, ==, 0);
  g_assert_null (person_named (f->workspace, "Nadia Chen"));
  g_assert_cmpuint (g_list_model_get_n_items (committee_of (f->workspace)), ==, before - 1);
  g_assert_cmpint (abm_stakeholder_get_manager_id (ivan), ==, 0);

  g_assert_true (abm_workspace_undo (f->workspace, g_array_index (f->undo_ids, gint64, 0), &error));
  g_assert_no_error (error);
  nadia = person_named (f->workspace, "Nadia Chen");
  g_assert_nonnull (nadia);
  g_assert_cmpint (abm_stakeholder_get_id (nadia), ==, nadia_id);
  g_assert_cmpint (abm_stakeholder_get_manager_id (person_named (f->workspace, "Ivan Diaz")), ==, nadia_id);
}

/* Weights and the recent days are stored as they change, and each role
 * says its share of the score. */
static void
test_coverage_rules (Fixture       *f,
                     gconstpointer  data)
{
  AbmCoverageRules *rules = abm_workspace_get_coverage_rules (f->workspace);
  AbmCoverageRulesDialog *dialog = abm_coverage_rules_dialog_new (NULL, f->workspace);
  g_autoptr(AbmWorkspace) stored = NULL;
  GtkWidget *budget, *champion, *spin;

  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  abm_test_ui_iterate ();

  /* The defaults: economic buyer 3, champion 3, technical evaluator 2. */
  budget = abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Budget holder");
  champion = abm_test_ui_get_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Champion");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (budget)), ==, "Not required");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (champion)), ==, "38% of the score");

  spin = control_of (GTK_WIDGET (dialog), "Budget holder", GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  spin = control_of (GTK_WIDGET (dialog), "Contacted Within", GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  abm_test_ui_iterate ();
  g_assert_cmpfloat (abm_coverage_rules_get_weight (rules, ABM_ROLE_BUDGET_HOLDER), ==, 2);
  g_assert_cmpuint (abm_coverage_rules_get_recent_days (rules), ==, 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (budget)), ==, "20% of the score");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (champion)), ==, "30% of the score");

  stored = abm_test_ui_reread (f->path);
  rules = abm_workspace_get_coverage_rules (stored);
  g_assert_cmpfloat (abm_coverage_rules_get_weight (rules, ABM_ROLE_BUDGET_HOLDER), ==, 2);
  g_assert_cmpfloat (abm_coverage_rules_get_weight (rules, ABM_ROLE_CHAMPION), ==, 3);
  g_assert_cmpuint (abm_coverage_rules_get_recent_days (rules), ==, 30);

  abm_test_ui_close (GTK_WIDGET (dialog));
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = abm_test_ui_init (&argc, &argv);
  /* The banner shows at once, so what it says is mapped. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/stakeholder-dialog/add", test_add);
  ADD ("/stakeholder-dialog/invalid-email", test_invalid_email);
  ADD ("/stakeholder-dialog/loop", test_loop);
  ADD ("/stakeholder-dialog/links", test_links);
  ADD ("/stakeholder-dialog/remove", test_remove);
  ADD ("/coverage-rules-dialog/store", test_coverage_rules);
#undef ADD

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return status;
}
