/* abm-cluster.h: a Tier 2 cluster of similar accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ABM_CLUSTER_MAX_NAME   120    /* bytes */
#define ABM_CLUSTER_MAX_NOTE   4000   /* bytes */

#define ABM_TYPE_CLUSTER (abm_cluster_get_type ())
G_DECLARE_FINAL_TYPE (AbmCluster, abm_cluster, ABM, CLUSTER, GObject)

AbmCluster  *abm_cluster_new       (gint64       id,
                                    const char  *name,
                                    const char  *note);
gint64       abm_cluster_get_id    (AbmCluster  *self);
const char  *abm_cluster_get_name  (AbmCluster  *self);
/* The messaging note, "" when none. */
const char  *abm_cluster_get_note  (AbmCluster  *self);
/* For the workspace, which stores the change first. */
void         abm_cluster_set_name  (AbmCluster  *self,
                                    const char  *name);
void         abm_cluster_set_note  (AbmCluster  *self,
                                    const char  *note);

G_END_DECLS
