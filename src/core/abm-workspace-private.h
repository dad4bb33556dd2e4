/* abm-workspace-private.h: what the workspace's own files share
 *
 * The workspace is the only code that runs SQL; it is spread over
 * abm-workspace.c and feature files such as abm-workspace-plans.c, which
 * reach its connection and helpers through this header. Nothing outside
 * src/core/abm-workspace*.c includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "abm-workspace.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct _AbmWorkspacePlans AbmWorkspacePlans;
typedef struct _AbmWorkspaceEngagement AbmWorkspaceEngagement;

/* In abm-workspace.c */
sqlite3           *abm_workspace_get_db          (AbmWorkspace  *self);
AbmWorkspacePlans *abm_workspace_get_plans_state (AbmWorkspace  *self);
AbmWorkspaceEngagement *abm_workspace_get_engagement_state (AbmWorkspace *self);
gboolean           abm_workspace_check_writable  (AbmWorkspace  *self,
                                                  GError       **error);
sqlite3_stmt      *abm_workspace_prepare         (AbmWorkspace  *self,
                                                  const char    *sql,
                                                  GError       **error);
gboolean           abm_workspace_exec            (AbmWorkspace  *self,
                                                  const char    *sql,
                                                  GError       **error);
/* BEGIN IMMEDIATE; COMMIT (rolled back when it fails); ROLLBACK, which
 * returns FALSE for "return abm_workspace_rollback (self);". */
gboolean           abm_workspace_begin           (AbmWorkspace  *self,
                                                  GError       **error);
gboolean           abm_workspace_commit          (AbmWorkspace  *self,
                                                  GError       **error);
gboolean           abm_workspace_rollback        (AbmWorkspace  *self);
/* Sets @error from SQLite's result @rc, "@what: SQLite's message"; FALSE. */
gboolean           abm_workspace_sqlite_error    (AbmWorkspace  *self,
                                                  int            rc,
                                                  const char    *what,
                                                  GError       **error);
gboolean           abm_workspace_query_int       (AbmWorkspace  *self,
                                                  const char    *sql,
                                                  gint64        *out,
                                                  GError       **error);
char              *abm_workspace_meta_get        (AbmWorkspace  *self,
                                                  const char    *key);
gboolean           abm_workspace_meta_set        (AbmWorkspace  *self,
                                                  const char    *key,
                                                  const char    *value,
                                                  GError       **error);
/* In the caller's transaction; returns the undo id, 0 on failure. */
gint64             abm_workspace_log_undo        (AbmWorkspace  *self,
                                                  const char    *description,
                                                  JsonNode      *payload,
                                                  GError       **error);
gboolean           abm_workspace_forget_undo     (AbmWorkspace  *self,
                                                  gint64         undo_id,
                                                  GError       **error);
/* Steps @stmt to its end; otherwise @error says "@what: SQLite's message". */
gboolean           abm_workspace_step_done       (AbmWorkspace  *self,
                                                  sqlite3_stmt  *stmt,
                                                  const char    *what,
                                                  GError       **error);
/* Binds @id, or NULL when it is 0 (none). */
void               abm_workspace_bind_id         (sqlite3_stmt  *stmt,
                                                  int            index,
                                                  gint64         id);
/* Text from a file that may come from anyone: UTF-8 or NULL. */
const char        *abm_workspace_column_text     (sqlite3_stmt  *stmt,
                                                  int            column);
/* Now, as edit times are stored. */
char              *abm_workspace_stamp_text      (void);
/* The next id of @table from its counter in meta, never handed out twice;
 * in the caller's transaction. 0 on failure. */
gint64             abm_workspace_allocate_id     (AbmWorkspace  *self,
                                                  const char    *table,
                                                  GError       **error);
/* "The play is no longer in the workspace" and its kind. */
void               abm_workspace_not_here        (GError       **error,
                                                  const char    *message);

/* In abm-workspace-plans.c */
AbmWorkspacePlans *abm_workspace_plans_new       (void);
void               abm_workspace_plans_free      (AbmWorkspacePlans *plans);
void               abm_workspace_plans_class_init (GObjectClass *klass);
/* An account's plan and plays for the undo log of its delete, and their
 * return in the undo's transaction. */
JsonNode          *abm_workspace_plans_to_json   (AbmWorkspace  *self,
                                                  AbmAccount    *account);
gboolean           abm_workspace_plans_restore   (AbmWorkspace  *self,
                                                  JsonObject    *root,
                                                  GError       **error);
/* Drops what is kept of an account's or a cluster's plan and plays
 * (after they went with it). */
void               abm_workspace_plans_forget    (AbmWorkspace  *self,
                                                  gint64         account_id,
                                                  gint64         cluster_id);
/* The undo records this file writes ("delete-play", "delete-plan-item"). */
gboolean           abm_workspace_plans_handles_undo (const char *kind);
gboolean           abm_workspace_plans_undo      (AbmWorkspace  *self,
                                                  JsonObject    *root,
                                                  gint64         undo_id,
                                                  GError       **error);

/* In abm-workspace-engagement.c */
AbmWorkspaceEngagement *abm_workspace_engagement_new (void);
void               abm_workspace_engagement_free (AbmWorkspaceEngagement *state);
void               abm_workspace_engagement_class_init (GObjectClass *klass);
/* An account's activities and opportunities for the undo log of its
 * delete, and their return in the undo's transaction. */
JsonNode          *abm_workspace_engagement_to_json (AbmWorkspace  *self,
                                                     AbmAccount    *account);
gboolean           abm_workspace_engagement_restore (AbmWorkspace  *self,
                                                     JsonObject    *root,
                                                     GError       **error);
/* Drops from memory what went with a deleted account. */
void               abm_workspace_engagement_account_gone (AbmWorkspace *self,
                                                          gint64        account_id);
/* Reads everything again when next asked for. */
void               abm_workspace_engagement_forget (AbmWorkspace  *self);
/* The undo records this file writes ("delete-activity",
 * "delete-opportunity"). */
gboolean           abm_workspace_engagement_handles_undo (const char *kind);
gboolean           abm_workspace_engagement_undo (AbmWorkspace  *self,
                                                  JsonObject    *root,
                                                  gint64         undo_id,
                                                  GError       **error);

G_END_DECLS
