/* abm-workspace.h: one ABM program, stored in one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "abm-account.h"
#include "abm-cluster.h"
#include "abm-coverage.h"
#include "abm-icp.h"
#include "abm-stakeholder.h"
#include "abm-tiering.h"

G_BEGIN_DECLS

#define ABM_WORKSPACE_ERROR (abm_workspace_error_quark ())

typedef enum {
  ABM_WORKSPACE_ERROR_NOT_FOUND,
  ABM_WORKSPACE_ERROR_EXISTS,
  ABM_WORKSPACE_ERROR_NOT_A_WORKSPACE,
  ABM_WORKSPACE_ERROR_TOO_NEW,
  ABM_WORKSPACE_ERROR_DAMAGED,
  ABM_WORKSPACE_ERROR_LOCKED,
  ABM_WORKSPACE_ERROR_READ_ONLY,
  ABM_WORKSPACE_ERROR_DUPLICATE,
  ABM_WORKSPACE_ERROR_INVALID,
  ABM_WORKSPACE_ERROR_FAILED,
} AbmWorkspaceError;

typedef enum {
  ABM_WORKSPACE_OPEN_DEFAULT   = 0,
  /* Read without migrating or locking: for abmctl's reports while the app
   * has the file open, and for files we may not write. */
  ABM_WORKSPACE_OPEN_READ_ONLY = 1 << 0,
} AbmWorkspaceOpenFlags;

/* The file format this build writes; PRAGMA user_version. */
#define ABM_WORKSPACE_SCHEMA_VERSION 9
/* PRAGMA application_id: "ABMP". */
#define ABM_WORKSPACE_APPLICATION_ID 0x41424D50

#define ABM_TYPE_WORKSPACE (abm_workspace_get_type ())
G_DECLARE_FINAL_TYPE (AbmWorkspace, abm_workspace, ABM, WORKSPACE, GObject)

GQuark        abm_workspace_error_quark         (void);

AbmWorkspace *abm_workspace_create              (const char             *path,
                                                 const char             *name,
                                                 const char             *currency,
                                                 gboolean                replace,
                                                 GError                **error);
AbmWorkspace *abm_workspace_open                (const char             *path,
                                                 AbmWorkspaceOpenFlags   flags,
                                                 GError                **error);
void          abm_workspace_close               (AbmWorkspace           *self);

const char   *abm_workspace_get_path            (AbmWorkspace           *self);
const char   *abm_workspace_get_name            (AbmWorkspace           *self);
const char   *abm_workspace_get_currency        (AbmWorkspace           *self);
gboolean      abm_workspace_get_read_only       (AbmWorkspace           *self);
int           abm_workspace_get_schema_version  (AbmWorkspace           *self);
gboolean      abm_workspace_set_name            (AbmWorkspace           *self,
                                                 const char             *name,
                                                 GError                **error);
gboolean      abm_workspace_set_currency        (AbmWorkspace           *self,
                                                 const char             *currency,
                                                 GError                **error);

/* Settings of the features, as JSON text under a key of [a-z0-9-]. Storing
 * one emits "setting-changed" with the key as detail. */
#define ABM_WORKSPACE_MAX_SETTING_KEY   32
#define ABM_WORKSPACE_MAX_SETTING_SIZE  (256 * 1024)
char         *abm_workspace_dup_setting         (AbmWorkspace           *self,
                                                 const char             *key);
gboolean      abm_workspace_set_setting         (AbmWorkspace           *self,
                                                 const char             *key,
                                                 const char             *value,
                                                 GError                **error);

/* The ideal customer profile. Changing it stores it and rescores every
 * account (AbmAccount:fit-score). */
AbmIcp       *abm_workspace_get_icp             (AbmWorkspace           *self);
/* The error of storing the last change to the profile, if it failed. */
const GError *abm_workspace_get_icp_error       (AbmWorkspace           *self);

/* A GListModel of AbmAccount, in the order they were added. */
GListModel   *abm_workspace_get_accounts        (AbmWorkspace           *self);
AbmAccount   *abm_workspace_find_account        (AbmWorkspace           *self,
                                                 const char             *domain_or_name);
AbmAccount   *abm_workspace_find_account_by_domain (AbmWorkspace        *self,
                                                    const char          *domain);
GStrv         abm_workspace_dup_custom_fields   (AbmWorkspace           *self);
gboolean      abm_workspace_add_account         (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 GError                **error);
gboolean      abm_workspace_add_accounts        (AbmWorkspace           *self,
                                                 GPtrArray              *accounts,
                                                 GError                **error);
gboolean      abm_workspace_apply_import        (AbmWorkspace           *self,
                                                 GPtrArray              *added,
                                                 GPtrArray              *changed,
                                                 GPtrArray              *changes,
                                                 GError                **error);
gboolean      abm_workspace_update_account      (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 AbmAccount             *values,
                                                 GError                **error);
gboolean      abm_workspace_set_account_field   (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 AbmAccountField         field,
                                                 const char             *text,
                                                 GError                **error);
gboolean      abm_workspace_set_account_custom  (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 const char             *key,
                                                 const char             *value,
                                                 GError                **error);
gint64        abm_workspace_delete_account      (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 GError                **error);
gboolean      abm_workspace_undo                (AbmWorkspace           *self,
                                                 gint64                  undo_id,
                                                 GError                **error);

gboolean      abm_workspace_save_copy           (AbmWorkspace           *self,
                                                 const char             *path,
                                                 GError                **error);
gboolean      abm_workspace_check_integrity     (AbmWorkspace           *self,
                                                 GError                **error);

/* A file in a document portal folder is edited in a private working copy
 * and written back after every commit, once the main loop of the thread
 * that opened it runs ("document-synced" tells how that went), at close,
 * and here, which the app calls before it closes one and says why it
 * failed. Elsewhere these do nothing. See abm-document-copy.h. */
gboolean      abm_workspace_sync_document       (AbmWorkspace           *self,
                                                 GError                **error);
/* The working copy, or NULL for a file opened where it is. */
const char   *abm_workspace_get_working_copy    (AbmWorkspace           *self);
/* Whether opening wrote back changes a crashed session had left. */
gboolean      abm_workspace_get_recovered       (AbmWorkspace           *self);
/* Where opening kept the changes of a crashed session, not merged, because
 * someone else changed the file meanwhile; NULL if it did not. */
const char   *abm_workspace_get_kept_aside      (AbmWorkspace           *self);

/* Tiering. The rules are stored as they change. */
AbmTierRules *abm_workspace_get_tier_rules      (AbmWorkspace           *self);
const GError *abm_workspace_get_tier_rules_error (AbmWorkspace          *self);
/* Gives every account of the plan the tier the plan suggests, in one
 * transaction; returns how many changed in @n_changed. */
gboolean      abm_workspace_apply_tier_plan     (AbmWorkspace           *self,
                                                 AbmTierPlan            *plan,
                                                 guint                  *n_changed,
                                                 GError                **error);
/* Sets the tiers of many accounts (a byte 0–3 each) in one transaction:
 * the undo of a suggestion. Locks stay as they are. */
gboolean      abm_workspace_set_tiers           (AbmWorkspace           *self,
                                                 GPtrArray              *accounts,
                                                 GBytes                 *tiers,
                                                 GError                **error);
/* A tier set by hand (0 to 3), locked against suggestions or not. */
gboolean      abm_workspace_set_account_tier    (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 guint                   tier,
                                                 gboolean                locked,
                                                 GError                **error);

/* Tier 2 clusters: a GListModel of AbmCluster, oldest first. */
GListModel   *abm_workspace_get_clusters        (AbmWorkspace           *self);
AbmCluster   *abm_workspace_find_cluster        (AbmWorkspace           *self,
                                                 gint64                  id);
AbmCluster   *abm_workspace_add_cluster         (AbmWorkspace           *self,
                                                 const char             *name,
                                                 const char             *note,
                                                 GError                **error);
gboolean      abm_workspace_update_cluster      (AbmWorkspace           *self,
                                                 AbmCluster             *cluster,
                                                 const char             *name,
                                                 const char             *note,
                                                 GError                **error);
/* Its accounts are left in no cluster. */
gboolean      abm_workspace_delete_cluster      (AbmWorkspace           *self,
                                                 AbmCluster             *cluster,
                                                 GError                **error);
/* Moves accounts into the cluster @cluster_id, or out of any with 0. */
gboolean      abm_workspace_set_accounts_cluster (AbmWorkspace          *self,
                                                 GPtrArray              *accounts,
                                                 gint64                  cluster_id,
                                                 GError                **error);
/* Creates a cluster per proposal (AbmClusterProposal) with its accounts,
 * all or none. */
gboolean      abm_workspace_add_cluster_proposals (AbmWorkspace         *self,
                                                 GPtrArray              *proposals,
                                                 GError                **error);

/* Snapshots of the tiered list, for the quarterly refresh. */
typedef struct {
  gint64  id;
  char   *name;
  char   *created;      /* ISO 8601, UTC */
  guint   n_accounts;   /* tiered accounts it holds */
} AbmSnapshot;

void          abm_snapshot_free                 (AbmSnapshot            *snapshot);

/* An account that entered (old_tier 0), left (new_tier 0) or changed tier
 * between two snapshots. */
typedef struct {
  gint64  account_id;
  char   *name;
  char   *domain;
  guint   old_tier;
  guint   new_tier;
} AbmTierChange;

void          abm_tier_change_free              (AbmTierChange          *change);

#define ABM_SNAPSHOT_MAX_NAME 120

gint64        abm_workspace_take_snapshot       (AbmWorkspace           *self,
                                                 const char             *name,
                                                 GError                **error);
/* Of AbmSnapshot, oldest first. */
GPtrArray    *abm_workspace_list_snapshots      (AbmWorkspace           *self,
                                                 GError                **error);
gboolean      abm_workspace_delete_snapshot     (AbmWorkspace           *self,
                                                 gint64                  id,
                                                 GError                **error);
/* Of AbmTierChange from snapshot @from to snapshot @to (0: the list as
 * it is now): entered, then left, then changed, each by name. */
GPtrArray    *abm_workspace_compare_snapshots   (AbmWorkspace           *self,
                                                 gint64                  from,
                                                 gint64                  to,
                                                 GError                **error);

/* Buying committees. A committee is a GListModel of AbmStakeholder in id
 * order, read when first asked for and kept current; it emits
 * items-changed when a person or a link changes. */
typedef enum {
  ABM_LINK_INFLUENCES,
  ABM_LINK_CONFLICTS,
} AbmLinkKind;

typedef struct {
  gint64      from_id;
  gint64      to_id;
  AbmLinkKind kind;
} AbmStakeholderLink;

GListModel   *abm_workspace_get_committee       (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 GError                **error);
/* Of AbmStakeholderLink: "influences" and "conflicts with". */
GArray       *abm_workspace_get_committee_links (AbmWorkspace           *self,
                                                 AbmAccount             *account);
AbmStakeholder *abm_workspace_find_stakeholder  (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 gint64                  id);
/* Adds a copy of @values to the account's committee and returns it. A
 * manager must be on the same committee, and reporting lines never loop. */
AbmStakeholder *abm_workspace_add_stakeholder   (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 AbmStakeholder         *values,
                                                 GError                **error);
gboolean      abm_workspace_update_stakeholder  (AbmWorkspace           *self,
                                                 AbmStakeholder         *stakeholder,
                                                 AbmStakeholder         *values,
                                                 GError                **error);
/* Returns the undo id for abm_workspace_undo(), 0 on failure. */
gint64        abm_workspace_delete_stakeholder  (AbmWorkspace           *self,
                                                 AbmStakeholder         *stakeholder,
                                                 GError                **error);
gboolean      abm_workspace_set_link            (AbmWorkspace           *self,
                                                 AbmAccount             *account,
                                                 gint64                  from_id,
                                                 gint64                  to_id,
                                                 AbmLinkKind             kind,
                                                 gboolean                present,
                                                 GError                **error);

/* Many people at once, all or none; see abm-workspace.c. */
gboolean      abm_workspace_apply_stakeholders  (AbmWorkspace           *self,
                                                 GPtrArray              *people,
                                                 GError                **error);

/* Which committee roles count, and how much; stored as they change. */
AbmCoverageRules *abm_workspace_get_coverage_rules (AbmWorkspace        *self);

gboolean      abm_currency_is_valid             (const char             *code);

G_END_DECLS

/* Account plans, plays and the weekly agenda. */
#include "abm-workspace-plans.h"
#include "abm-workspace-engagement.h"
