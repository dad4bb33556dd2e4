/* abm-cli.h: what the abmctl commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

/* Exit statuses: scripts tell a mistyped command line from a failure. */
enum {
  ABM_CLI_EXIT_OK      = 0,
  ABM_CLI_EXIT_FAILURE = 1,
  ABM_CLI_EXIT_USAGE   = 2,
};

typedef struct _AbmCliCommand AbmCliCommand;

struct _AbmCliCommand {
  const char *name;
  const char *summary;   /* one line for `abmctl --help`, marked N_() */
  int       (*run) (const AbmCliCommand *command,
                    int                  argc,
                    char               **argv);
};

/* Commands: argv[0] is the command name, the rest its arguments. */
int      abm_cli_init_main       (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_check_main      (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_accounts_main   (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_icp_main        (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_import_main     (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_readiness_main  (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_demo_main       (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_add_main        (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_tier_main       (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_committee_main  (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_orgchart_main   (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_import_contacts_main (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_tiers_main      (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_snapshot_main   (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_plan_main       (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_plays_main      (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_agenda_main     (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_import_activities_main (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_import_opportunities_main (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_activity_main   (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_opportunity_main (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_engagement_main (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_costs_main      (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_kpis_main       (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_brief_main      (const AbmCliCommand *command, int argc, char **argv);
int      abm_cli_summary_main    (const AbmCliCommand *command, int argc, char **argv);

/* Adds the divisions and offerings (offerings also to the workspace's
 * list) to the plan's whitespace map, then sets the cells
 * ("DIVISION|OFFERING=STATUS[:COMPETITOR][:AMOUNT]"), and stores the map.
 * A mistyped cell or name fails with G_OPTION_ERROR or ABM_PLAN_ERROR. */
gboolean abm_cli_edit_whitespace (AbmWorkspace       *workspace,
                                  AbmPlan            *plan,
                                  const char *const  *divisions,
                                  const char *const  *offerings,
                                  const char *const  *cells,
                                  GError            **error);

/* Parses a command's options and exactly @n_files arguments, named in
 * @parameters for the usage line ("FILE DATA.csv"). Returns FALSE when the
 * command should end with *status: after --help, or on a usage error
 * (already reported). */
gboolean abm_cli_parse_args      (const AbmCliCommand  *command,
                                  const char           *parameters,
                                  const char           *description,
                                  const GOptionEntry   *entries,
                                  int                  *argc,
                                  char               ***argv,
                                  guint                 n_files,
                                  char                **files,
                                  int                  *status);
/* Parses a command's options and its single FILE argument. Returns FALSE
 * when the command should end with *status: after --help, or on a usage
 * error (already reported). */
gboolean abm_cli_parse_file_args (const AbmCliCommand  *command,
                                  const char           *description,
                                  const GOptionEntry   *entries,
                                  int                  *argc,
                                  char               ***argv,
                                  char                **file,
                                  int                  *status);

/* "abmctl: <message>" and a pointer to --help (the command's, if given);
 * returns ABM_CLI_EXIT_USAGE. */
int      abm_cli_usage_error     (const char *command,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Text options are parsed as raw bytes (G_OPTION_ARG_FILENAME) and made
 * UTF-8 here. Returns FALSE, with the failure reported in *status, when
 * *value is not text. */
gboolean abm_cli_text_arg        (const char  *option,
                                  char       **value,
                                  int         *status);

/* The account of a domain or name, or NULL with a NOT_FOUND error. */
AbmAccount *abm_cli_find_account (AbmWorkspace  *workspace,
                                  const char    *domain_or_name,
                                  GError       **error);

/* "abmctl: <message>" on one line; returns ABM_CLI_EXIT_FAILURE. */
int      abm_cli_fail            (const GError *error);

/* Data for stdout, written as is (UTF-8 whatever the locale). A failed
 * write is remembered and reported by abm_cli_flush_output(). */
void     abm_cli_write           (const char *data,
                                  gssize      len);
/* Human-readable text for stdout, in the locale's character set. */
void     abm_cli_print           (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);
/* "line 12: reason", a line each row an import left out (AbmImportReject). */
void     abm_cli_print_rejects   (GPtrArray  *rejects);
/* Writes @root pretty-printed, with a final newline. */
void     abm_cli_write_json      (JsonNode   *root);
/* Flushes stdout; on a write error reports it and returns FALSE, as it
 * does after a failed write-back (abm_cli_close()). */
gboolean abm_cli_flush_output    (void);

void     abm_cli_keep_until_exit (gpointer object);

/* Closes @workspace. A file in a document portal folder is written back
 * first (abm_workspace_sync_document()); a failure is reported at once and
 * remembered, and abm_cli_flush_output() then fails too. */
void     abm_cli_close           (AbmWorkspace *workspace);


G_END_DECLS
