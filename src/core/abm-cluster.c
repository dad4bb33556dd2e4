/* abm-cluster.c: a Tier 2 cluster of similar accounts
 *
 * A cluster is one plan and one message for 5 to 20 accounts that share
 * what matters (an industry, a technology, a use case). The workspace
 * stores clusters and keeps these objects in step with the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "abm-cluster.h"

struct _AbmCluster
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *note;
};

G_DEFINE_FINAL_TYPE (AbmCluster, abm_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
abm_cluster_finalize (GObject *object)
{
  AbmCluster *self = ABM_CLUSTER (object);

  g_free (self->name);
  g_free (self->note);
  G_OBJECT_CLASS (abm_cluster_parent_class)->finalize (object);
}

static void
abm_cluster_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AbmCluster *self = ABM_CLUSTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NOTE:
      g_value_set_string (value, abm_cluster_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_cluster_class_init (AbmClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = abm_cluster_finalize;
  object_class->get_property = abm_cluster_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
abm_cluster_init (AbmCluster *self)
{
}

AbmCluster *
abm_cluster_new (gint64      id,
                 const char *name,
                 const char *note)
{
  AbmCluster *self = g_object_new (ABM_TYPE_CLUSTER, NULL);

  self->id = id;
  self->name = g_strdup (name);
  self->note = g_strdup (note);
  return self;
}

gint64
abm_cluster_get_id (AbmCluster *self)
{
  g_return_val_if_fail (ABM_IS_CLUSTER (self), 0);
  return self->id;
}

const char *
abm_cluster_get_name (AbmCluster *self)
{
  g_return_val_if_fail (ABM_IS_CLUSTER (self), NULL);
  return self->name;
}

const char *
abm_cluster_get_note (AbmCluster *self)
{
  g_return_val_if_fail (ABM_IS_CLUSTER (self), NULL);
  return self->note ? self->note : "";
}

void
abm_cluster_set_name (AbmCluster *self,
                      const char *name)
{
  g_return_if_fail (ABM_IS_CLUSTER (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
abm_cluster_set_note (AbmCluster *self,
                      const char *note)
{
  g_return_if_fail (ABM_IS_CLUSTER (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
