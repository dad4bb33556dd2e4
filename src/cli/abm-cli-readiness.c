/* abm-cli-readiness.c: abmctl readiness
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "abm-cli.h"
#include "abm-readiness.h"

static void
print_readiness_text (AbmReadiness *readiness,
                      AbmWorkspace *workspace)
{
  AbmReadinessOutcome outcome = abm_readiness_get_outcome (readiness);
  g_autofree char *summary = abm_readiness_dup_summary (readiness);
  g_autofree char *hint = abm_readiness_describe_acv (abm_workspace_get_accounts (workspace),
                                                      abm_tier_rules_get_min_acv (abm_workspace_get_tier_rules (workspace)),
                                                      abm_workspace_get_currency (workspace));

  abm_cli_print ("%s\n%s\n", abm_readiness_outcome_headline (outcome), summary);

  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      AbmReadinessAnswer answer = abm_readiness_get_answer (readiness, i);
      const char *advice = abm_readiness_condition_advice (i, answer);

      abm_cli_print ("\n");
      /* Translators: "Deal size (acv): Not sure"; the key in brackets is
       * what --set takes. */
      abm_cli_print (_("%s (%s): %s\n"), abm_readiness_condition_label (i),
                     abm_readiness_condition_key (i), abm_readiness_answer_label (answer));
      abm_cli_print ("  %s\n", abm_readiness_condition_question (i));
      if (i == ABM_READINESS_ACV)
        abm_cli_print ("  %s\n", hint);
      if (advice != NULL)
        /* Translators: "What to do: …" or "How to find out: …" */
        abm_cli_print (_("  %s: %s\n"), abm_readiness_advice_heading (answer), advice);
    }
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_acv (JsonBuilder  *builder,
         AbmWorkspace *workspace)
{
  GListModel *accounts = abm_workspace_get_accounts (workspace);
  g_autofree char *hint = abm_readiness_describe_acv (accounts, abm_tier_rules_get_min_acv (abm_workspace_get_tier_rules (workspace)),
                                                      abm_workspace_get_currency (workspace));
  AbmReadinessAcv acv;

  abm_readiness_measure_acv (accounts, abm_tier_rules_get_min_acv (abm_workspace_get_tier_rules (workspace)), &acv);

  json_builder_set_member_name (builder, "acv");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "minimum");
  json_builder_add_double_value (builder, abm_tier_rules_get_min_acv (abm_workspace_get_tier_rules (workspace)));
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, abm_workspace_get_currency (workspace));
  json_builder_set_member_name (builder, "targets-only");
  json_builder_add_boolean_value (builder, acv.targets_only);
  json_builder_set_member_name (builder, "accounts");
  json_builder_add_int_value (builder, acv.n_accounts);
  json_builder_set_member_name (builder, "known");
  json_builder_add_int_value (builder, acv.n_known);
  json_builder_set_member_name (builder, "below");
  json_builder_add_int_value (builder, acv.n_below);
  json_builder_set_member_name (builder, "median");
  if (acv.median < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, acv.median);
  add_string_member (builder, "hint", hint);
  json_builder_end_object (builder);
}

static void
print_readiness_json (AbmReadiness *readiness,
                      AbmWorkspace *workspace)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *summary = abm_readiness_dup_summary (readiness);
  AbmReadinessOutcome outcome = abm_readiness_get_outcome (readiness);

  json_builder_begin_object (builder);
  add_string_member (builder, "outcome", abm_readiness_outcome_key (outcome));
  add_string_member (builder, "headline", abm_readiness_outcome_headline (outcome));
  add_string_member (builder, "summary", summary);

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
    {
      AbmReadinessAnswer answer = abm_readiness_get_answer (readiness, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "key", abm_readiness_condition_key (i));
      add_string_member (builder, "label", abm_readiness_condition_label (i));
      add_string_member (builder, "question", abm_readiness_condition_question (i));
      add_string_member (builder, "answer", abm_readiness_answer_key (answer));
      add_string_member (builder, "why", abm_readiness_condition_why (i));
      add_string_member (builder, "advice", abm_readiness_condition_advice (i, answer));
      json_builder_set_member_name (builder, "decides");
      json_builder_add_boolean_value (builder, abm_readiness_condition_decides (i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_acv (builder, workspace);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  abm_cli_write_json (root);
}

/* "acv=yes" into its condition and answer; a usage error otherwise. */
static gboolean
parse_set (const AbmCliCommand   *command,
           const char            *text,
           AbmReadinessCondition *condition,
           AbmReadinessAnswer    *answer,
           int                   *status)
{
  g_autofree char *shown = g_utf8_make_valid (text, -1);
  g_auto(GStrv) parts = g_strsplit (shown, "=", 2);

  if (parts[0] == NULL || parts[1] == NULL)
    {
      *status = abm_cli_usage_error (command->name,
                                     _("--set takes CONDITION=ANSWER, such as acv=yes, not “%s”"), shown);
      return FALSE;
    }
  if (!abm_readiness_condition_from_key (parts[0], condition))
    {
      g_autoptr(GString) keys = g_string_new (NULL);

      for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
        g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", abm_readiness_condition_key (i));
      *status = abm_cli_usage_error (command->name, _("Unknown condition “%s”: use one of %s"),
                                     parts[0], keys->str);
      return FALSE;
    }
  if (!abm_readiness_answer_from_key (parts[1], answer))
    {
      *status = abm_cli_usage_error (command->name,
                                     _("Unknown answer “%s”: use yes, no, unsure or unanswered"), parts[1]);
      return FALSE;
    }
  return TRUE;
}

int
abm_cli_readiness_main (const AbmCliCommand  *command,
                        int                   argc,
                        char                **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) sets = NULL;
  g_autoptr(AbmWorkspace) workspace = NULL;
  g_autoptr(AbmReadiness) readiness = abm_readiness_new ();
  g_autoptr(GError) error = NULL;
  AbmReadinessAnswer answers[ABM_READINESS_N_CONDITIONS];
  gboolean given[ABM_READINESS_N_CONDITIONS] = { FALSE };
  guint n_sets;
  gboolean json;
  int status;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &sets,
      N_("Answer a condition: yes, no, unsure or unanswered (repeat for more)"), N_("CONDITION=ANSWER") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Print as “text” (the default) or as a “json” object"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };

  if (!abm_cli_parse_file_args (command,
                                N_("Prints whether account-based marketing fits the program: each condition\n"
                                   "with its answer and what to do about a “no” or “not sure”, and the outcome.\n"
                                   "Conditions: acv, sales-cycle, buying-committee, finite-market, shared-list,\n"
                                   "content-capacity. Without --set, reads FILE without changing it."),
                                entries, &argc, &argv, &file, &status))
    return status;

  if (format == NULL || strcmp (format, "text") == 0)
    json = FALSE;
  else if (strcmp (format, "json") == 0)
    json = TRUE;
  else
    return abm_cli_usage_error (command->name,
                                _("Unknown format “%s”: use text or json"), format);

  /* Check every answer before taking the workspace's writer lock. */
  n_sets = sets ? g_strv_length (sets) : 0;
  for (guint i = 0; i < n_sets; i++)
    {
      AbmReadinessCondition condition;
      AbmReadinessAnswer answer;

      if (!parse_set (command, sets[i], &condition, &answer, &status))
        return status;
      answers[condition] = answer;
      given[condition] = TRUE;
    }

  workspace = abm_workspace_open (file,
                                  n_sets > 0 ? ABM_WORKSPACE_OPEN_DEFAULT : ABM_WORKSPACE_OPEN_READ_ONLY,
                                  &error);
  if (workspace == NULL)
    return abm_cli_fail (error);

  abm_readiness_load (readiness, workspace);
  if (n_sets > 0)
    {
      for (guint i = 0; i < ABM_READINESS_N_CONDITIONS; i++)
        {
          if (given[i])
            abm_readiness_set_answer (readiness, i, answers[i]);
        }
      if (!abm_readiness_save (readiness, workspace, &error))
        return abm_cli_fail (error);
    }

  if (json)
    print_readiness_json (readiness, workspace);
  else
    print_readiness_text (readiness, workspace);

  abm_cli_close (workspace);
  return ABM_CLI_EXIT_OK;
}
