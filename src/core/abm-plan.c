/* abm-plan.c: the account plan, one per account or per Tier 2 cluster
 *
 * The living document marketing and sales share for an account: what the
 * account cares about, our position, the competition, what would make it
 * move, what we aim for, and what happens next. The workspace stores each
 * edit as it is made; this object is what the views show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-json.h"
#include "abm-keyed.h"
#include "abm-plan.h"

struct _AbmPlan
{
  GObject         parent_instance;

  gint64          id;
  gint64          account_id;
  gint64          cluster_id;
  char           *sections[ABM_PLAN_N_SECTIONS];
  AbmMotion       motion;
  char           *review_date;
  GDateTime      *modified;
  AbmWhitespace  *whitespace;
  GListStore     *items[ABM_PLAN_N_ITEM_KINDS];
};

G_DEFINE_FINAL_TYPE (AbmPlan, abm_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MOTION,
  PROP_REVIEW_DATE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} sections[ABM_PLAN_N_SECTIONS] = {
  [ABM_PLAN_SECTION_PRIORITIES]       = { "business-priorities", N_("Business priorities") },
  [ABM_PLAN_SECTION_PAIN_POINTS]      = { "pain-points", N_("Pain points") },
  [ABM_PLAN_SECTION_STRENGTHS]        = { "strengths", N_("Strengths") },
  [ABM_PLAN_SECTION_WEAKNESSES]       = { "weaknesses", N_("Weaknesses") },
  [ABM_PLAN_SECTION_OPPORTUNITIES]    = { "opportunities", N_("Opportunities") },
  [ABM_PLAN_SECTION_THREATS]          = { "threats", N_("Threats") },
  [ABM_PLAN_SECTION_COMPETITION]      = { "competitive-landscape", N_("Competitive landscape") },
  [ABM_PLAN_SECTION_VALUE_HYPOTHESIS] = { "value-hypothesis", N_("Value hypothesis") },
  [ABM_PLAN_SECTION_OBJECTIVES]       = { "objectives", N_("Objectives and success criteria") },
  [ABM_PLAN_SECTION_RISKS]            = { "risks", N_("Risks") },
  [ABM_PLAN_SECTION_MESSAGING]        = { "messaging", N_("Messaging") },
  [ABM_PLAN_SECTION_NOTES]            = { "notes", N_("Account notes") },
};

static const struct {
  const char *key;
  const char *label;
} motions[ABM_N_MOTIONS] = {
  [ABM_MOTION_NONE]   = { "none", N_("Not set") },
  [ABM_MOTION_LAND]   = { "land", N_("Land a new logo") },
  [ABM_MOTION_EXPAND] = { "expand", N_("Expand an existing customer") },
};

ABM_DEFINE_KEYED (abm_plan_section, AbmPlanSection, sections, ABM_PLAN_N_SECTIONS)
ABM_DEFINE_KEYED (abm_motion, AbmMotion, motions, ABM_N_MOTIONS)

/* The plan's lists in JSON. */
static const char *const lists[ABM_PLAN_N_ITEM_KINDS] = { "vendors", "events", "next-steps" };

static const char *const staleness_keys[] = { "fresh", "review-due", "untouched" };

const char *
abm_plan_staleness_key (AbmPlanStaleness staleness)
{
  g_return_val_if_fail (staleness <= ABM_PLAN_UNTOUCHED, NULL);
  return staleness_keys[staleness];
}

static void
abm_plan_finalize (GObject *object)
{
  AbmPlan *self = ABM_PLAN (object);

  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    g_free (self->sections[i]);
  g_free (self->review_date);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_object_unref (self->whitespace);
  for (guint i = 0; i < ABM_PLAN_N_ITEM_KINDS; i++)
    g_object_unref (self->items[i]);
  G_OBJECT_CLASS (abm_plan_parent_class)->finalize (object);
}

static void
abm_plan_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AbmPlan *self = ABM_PLAN (object);

  switch (prop_id)
    {
    case PROP_MOTION:
      g_value_set_int (value, self->motion);
      break;
    case PROP_REVIEW_DATE:
      g_value_set_string (value, self->review_date);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
abm_plan_class_init (AbmPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = abm_plan_finalize;
  object_class->get_property = abm_plan_get_property;

  properties[PROP_MOTION] =
    g_param_spec_int ("motion", NULL, NULL, 0, ABM_N_MOTIONS - 1, ABM_MOTION_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEW_DATE] =
    g_param_spec_string ("review-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Any value changed, the lists and the map included. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_plan_init (AbmPlan *self)
{
  self->whitespace = abm_whitespace_new ();
  for (guint i = 0; i < ABM_PLAN_N_ITEM_KINDS; i++)
    self->items[i] = g_list_store_new (ABM_TYPE_PLAN_ITEM);
}

static void
changed (AbmPlan *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

AbmPlan *
abm_plan_new (gint64 account_id,
              gint64 cluster_id)
{
  AbmPlan *self;

  g_return_val_if_fail ((account_id > 0) != (cluster_id > 0), NULL);

  self = g_object_new (ABM_TYPE_PLAN, NULL);
  self->account_id = account_id;
  self->cluster_id = cluster_id;
  return self;
}

gint64
abm_plan_get_id (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), 0);
  return self->id;
}

gint64
abm_plan_get_account_id (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), 0);
  return self->account_id;
}

gint64
abm_plan_get_cluster_id (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), 0);
  return self->cluster_id;
}

const char *
abm_plan_get_section (AbmPlan        *self,
                      AbmPlanSection  section)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), "");
  g_return_val_if_fail (section < ABM_PLAN_N_SECTIONS, "");
  return self->sections[section] ? self->sections[section] : "";
}

gboolean
abm_plan_set_section (AbmPlan         *self,
                      AbmPlanSection   section,
                      const char      *text,
                      GError         **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAN (self), FALSE);
  g_return_val_if_fail (section < ABM_PLAN_N_SECTIONS, FALSE);

  if (!abm_field_clean (text, ABM_FIELD_MULTILINE, ABM_PLAN_MAX_SECTION, abm_plan_section_label (section),
                        ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, &clean, error))
    return FALSE;
  if (abm_field_take (&self->sections[section], clean))
    changed (self);
  return TRUE;
}

AbmMotion
abm_plan_get_motion (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), ABM_MOTION_NONE);
  return self->motion;
}

void
abm_plan_set_motion (AbmPlan   *self,
                     AbmMotion  motion)
{
  g_return_if_fail (ABM_IS_PLAN (self));
  g_return_if_fail (motion < ABM_N_MOTIONS);

  if (self->motion == motion)
    return;
  self->motion = motion;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOTION]);
  changed (self);
}

const char *
abm_plan_get_review_date (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), NULL);
  return self->review_date;
}

gboolean
abm_plan_set_review_date (AbmPlan     *self,
                          const char  *date,
                          GError     **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAN (self), FALSE);

  if (!abm_date_normalize (date, &clean, error))
    return FALSE;
  if (!abm_field_take (&self->review_date, clean))
    return TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_DATE]);
  changed (self);
  return TRUE;
}

AbmWhitespace *
abm_plan_get_whitespace (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), NULL);
  return self->whitespace;
}

void
abm_plan_set_whitespace (AbmPlan       *self,
                         AbmWhitespace *map)
{
  g_return_if_fail (ABM_IS_PLAN (self));
  g_return_if_fail (ABM_IS_WHITESPACE (map));

  if (abm_whitespace_equal (self->whitespace, map))
    return;
  abm_whitespace_assign (self->whitespace, map);
  changed (self);
}

GDateTime *
abm_plan_get_modified (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), NULL);
  return self->modified;
}

void
abm_plan_set_stored (AbmPlan   *self,
                     gint64     id,
                     GDateTime *modified)
{
  g_return_if_fail (ABM_IS_PLAN (self));

  self->id = id;
  for (guint i = 0; i < ABM_PLAN_N_ITEM_KINDS; i++)
    for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (self->items[i])); k++)
      {
        g_autoptr(AbmPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items[i]), k);
        abm_plan_item_set_plan_id (item, id);
      }
  if (modified == self->modified
      || (modified != NULL && self->modified != NULL && g_date_time_equal (modified, self->modified)))
    return;
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = modified ? g_date_time_ref (modified) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

GListModel *
abm_plan_get_items (AbmPlan         *self,
                    AbmPlanItemKind  kind)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), NULL);
  g_return_val_if_fail (kind < ABM_PLAN_N_ITEM_KINDS, NULL);
  return G_LIST_MODEL (self->items[kind]);
}

static gboolean
find_item (AbmPlan      *self,
           gint64        id,
           AbmPlanItem **item,
           guint        *position)
{
  for (guint i = 0; i < ABM_PLAN_N_ITEM_KINDS; i++)
    for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (self->items[i])); k++)
      {
        g_autoptr(AbmPlanItem) candidate = g_list_model_get_item (G_LIST_MODEL (self->items[i]), k);

        if (abm_plan_item_get_id (candidate) == id)
          {
            *item = candidate;   /* the store keeps it */
            *position = k;
            return TRUE;
          }
      }
  return FALSE;
}

AbmPlanItem *
abm_plan_find_item (AbmPlan *self,
                    gint64   id)
{
  AbmPlanItem *item = NULL;
  guint position;

  g_return_val_if_fail (ABM_IS_PLAN (self), NULL);
  return find_item (self, id, &item, &position) ? item : NULL;
}

/* In id order, as after a reopen: an undone delete goes back where it was. */
void
abm_plan_add_item (AbmPlan     *self,
                   AbmPlanItem *item)
{
  GListModel *items;
  guint n, position;

  g_return_if_fail (ABM_IS_PLAN (self));
  g_return_if_fail (ABM_IS_PLAN_ITEM (item));

  items = G_LIST_MODEL (self->items[abm_plan_item_get_kind (item)]);
  n = g_list_model_get_n_items (items);
  for (position = n; position > 0; position--)
    {
      g_autoptr(AbmPlanItem) before = g_list_model_get_item (items, position - 1);

      if (abm_plan_item_get_id (before) < abm_plan_item_get_id (item))
        break;
    }
  g_list_store_insert (self->items[abm_plan_item_get_kind (item)], position, item);
  changed (self);
}

void
abm_plan_remove_item (AbmPlan     *self,
                      AbmPlanItem *item)
{
  guint position;

  g_return_if_fail (ABM_IS_PLAN (self));
  g_return_if_fail (ABM_IS_PLAN_ITEM (item));

  if (g_list_store_find (self->items[abm_plan_item_get_kind (item)], item, &position))
    {
      g_list_store_remove (self->items[abm_plan_item_get_kind (item)], position);
      changed (self);
    }
}

void
abm_plan_item_updated (AbmPlan     *self,
                       AbmPlanItem *item)
{
  guint position;

  g_return_if_fail (ABM_IS_PLAN (self));
  g_return_if_fail (ABM_IS_PLAN_ITEM (item));

  /* Sorted and filtered views look again only on items-changed. */
  if (g_list_store_find (self->items[abm_plan_item_get_kind (item)], item, &position))
    g_list_model_items_changed (G_LIST_MODEL (self->items[abm_plan_item_get_kind (item)]), position, 1, 1);
  changed (self);
}

gboolean
abm_plan_is_empty (AbmPlan *self)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), TRUE);
  return self->id == 0;
}

const char *
abm_plan_get_effective_section (AbmPlan        *self,
                                AbmPlan        *parent,
                                AbmPlanSection  section,
                                gboolean       *inherited)
{
  const char *own;

  g_return_val_if_fail (ABM_IS_PLAN (self), "");
  g_return_val_if_fail (parent == NULL || ABM_IS_PLAN (parent), "");
  g_return_val_if_fail (section < ABM_PLAN_N_SECTIONS, "");

  own = abm_plan_get_section (self, section);
  if (inherited != NULL)
    *inherited = FALSE;
  if (parent == NULL || parent == self || section == ABM_PLAN_SECTION_NOTES || !abm_field_is_blank (own)
      || abm_field_is_blank (abm_plan_get_section (parent, section)))
    return own;
  if (inherited != NULL)
    *inherited = TRUE;
  return abm_plan_get_section (parent, section);
}

AbmMotion
abm_plan_get_effective_motion (AbmPlan *self,
                               AbmPlan *parent)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), ABM_MOTION_NONE);
  g_return_val_if_fail (parent == NULL || ABM_IS_PLAN (parent), ABM_MOTION_NONE);

  return self->motion == ABM_MOTION_NONE && parent != NULL ? parent->motion : self->motion;
}

AbmPlanStaleness
abm_plan_staleness_for (const char *review_date,
                        GDateTime  *modified,
                        GDateTime  *now,
                        guint       stale_days)
{
  int days;

  if (modified == NULL)
    return ABM_PLAN_FRESH;
  if (abm_date_days_until (review_date, now, &days) && days < 0)
    return ABM_PLAN_REVIEW_DUE;
  if (stale_days > 0 && abm_date_days_since (modified, now) >= (int) stale_days)
    return ABM_PLAN_UNTOUCHED;
  return ABM_PLAN_FRESH;
}

AbmPlanStaleness
abm_plan_get_staleness (AbmPlan   *self,
                        GDateTime *now,
                        guint      stale_days)
{
  g_return_val_if_fail (ABM_IS_PLAN (self), ABM_PLAN_FRESH);
  return abm_plan_staleness_for (self->review_date, self->modified, now, stale_days);
}

void
abm_text_block_free (AbmTextBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_free (block);
}

static const char *
bullet_text (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  if ((line[0] == '-' || line[0] == '*') && (line[1] == ' ' || line[1] == '\t'))
    return line + 2;
  if (g_str_has_prefix (line, "•") && (line[strlen ("•")] == ' ' || line[strlen ("•")] == '\t'))
    return line + strlen ("•") + 1;
  return NULL;
}

GPtrArray *
abm_plan_text_blocks (const char *text)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) abm_text_block_free);
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  GString *paragraph = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *bullet = bullet_text (line);

      if ((bullet != NULL || *line == '\0') && paragraph != NULL)
        {
          AbmTextBlock *block = g_new0 (AbmTextBlock, 1);

          block->kind = ABM_TEXT_PARAGRAPH;
          block->text = g_string_free (paragraph, FALSE);
          g_ptr_array_add (blocks, block);
          paragraph = NULL;
        }
      if (bullet != NULL)
        {
          AbmTextBlock *block = g_new0 (AbmTextBlock, 1);

          block->kind = ABM_TEXT_BULLET;
          block->text = g_strstrip (g_strdup (bullet));
          g_ptr_array_add (blocks, block);
        }
      else if (*line != '\0')
        {
          if (paragraph == NULL)
            paragraph = g_string_new (line);
          else
            g_string_append_printf (paragraph, " %s", line);
        }
    }
  if (paragraph != NULL)
    {
      AbmTextBlock *block = g_new0 (AbmTextBlock, 1);

      block->kind = ABM_TEXT_PARAGRAPH;
      block->text = g_string_free (paragraph, FALSE);
      g_ptr_array_add (blocks, block);
    }
  return blocks;
}

JsonNode *
abm_plan_to_json (AbmPlan *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *modified = NULL;
  g_autofree char *map = NULL;

  g_return_val_if_fail (ABM_IS_PLAN (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, self->cluster_id ? "cluster-id" : "account-id");
  json_builder_add_int_value (builder, self->cluster_id ? self->cluster_id : self->account_id);
  abm_json_add_string (builder, "motion", motions[self->motion].key);
  abm_json_add_string (builder, "review-date", self->review_date);
  modified = self->modified ? abm_date_time_format (self->modified) : NULL;
  abm_json_add_string (builder, "modified", modified);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ABM_PLAN_N_SECTIONS; i++)
    abm_json_add_string (builder, sections[i].key, abm_plan_get_section (self, i));
  json_builder_end_object (builder);
  for (guint k = 0; k < ABM_PLAN_N_ITEM_KINDS; k++)
    {
      json_builder_set_member_name (builder, lists[k]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items[k])); i++)
        {
          g_autoptr(AbmPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items[k]), i);
          json_builder_add_value (builder, abm_plan_item_to_json (item));
        }
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "whitespace");
  map = abm_whitespace_to_json (self->whitespace);
  json_builder_add_value (builder, json_from_string (map, NULL));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

AbmPlan *
abm_plan_new_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(AbmPlan) self = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object, *texts;
  JsonNode *map;
  AbmMotion motion;
  gint64 account_id, cluster_id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, _("The plan is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);
  account_id = MAX (abm_json_int (object, "account-id", 0), 0);
  cluster_id = MAX (abm_json_int (object, "cluster-id", 0), 0);
  if ((account_id > 0) == (cluster_id > 0))
    {
      g_set_error_literal (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID,
                           _("A plan belongs to one account or one cluster"));
      return NULL;
    }
  self = abm_plan_new (account_id, cluster_id);
  self->id = MAX (abm_json_int (object, "id", 0), 0);
  if (abm_motion_from_key (abm_json_string (object, "motion"), &motion))
    self->motion = motion;
  if (!abm_plan_set_review_date (self, abm_json_string (object, "review-date"), error))
    return NULL;
  modified = abm_date_time_parse (abm_json_string (object, "modified"));
  self->modified = g_steal_pointer (&modified);

  texts = json_object_has_member (object, "sections") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "sections"))
          ? json_object_get_object_member (object, "sections") : NULL;
  for (guint i = 0; texts != NULL && i < ABM_PLAN_N_SECTIONS; i++)
    if (!abm_plan_set_section (self, i, abm_json_string (texts, sections[i].key), error))
      return NULL;

  for (guint k = 0; k < ABM_PLAN_N_ITEM_KINDS; k++)
    {
      JsonArray *items = abm_json_array (object, lists[k]);

      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          g_autoptr(AbmPlanItem) item = abm_plan_item_new_from_json (json_array_get_element (items, i), error);

          if (item == NULL)
            return NULL;
          if (abm_plan_item_get_kind (item) != k)
            continue;
          abm_plan_item_set_plan_id (item, self->id);
          abm_plan_add_item (self, item);
        }
    }

  map = json_object_get_member (object, "whitespace");
  if (map != NULL && JSON_NODE_HOLDS_OBJECT (map))
    {
      g_autofree char *text = json_to_string (map, FALSE);
      g_autoptr(AbmWhitespace) read = abm_whitespace_new_from_json (text, NULL);

      if (read != NULL)
        abm_whitespace_assign (self->whitespace, read);
    }
  return g_steal_pointer (&self);
}
