/* abm-plan-item.c: a dated entry of an account plan
 *
 * A current vendor with its renewal date, a trigger event, or a next step
 * with its owner and due date. Values are checked as they are set, for a
 * form, the command line and a file read back alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "abm-date.h"
#include "abm-field.h"
#include "abm-json.h"
#include "abm-keyed.h"
#include "abm-plan-item.h"

struct _AbmPlanItem
{
  GObject          parent_instance;

  gint64           id;
  gint64           plan_id;
  AbmPlanItemKind  kind;
  char            *text;
  char            *detail;
  char            *date;      /* YYYY-MM-DD */
  AbmTrigger       trigger;
  char            *owner;
  gboolean         done;
};

G_DEFINE_FINAL_TYPE (AbmPlanItem, abm_plan_item, G_TYPE_OBJECT)
G_DEFINE_QUARK (abm-plan-error-quark, abm_plan_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} kinds[ABM_PLAN_N_ITEM_KINDS] = {
  [ABM_PLAN_ITEM_VENDOR] = { "vendor", N_("Current vendors") },
  [ABM_PLAN_ITEM_EVENT]  = { "event", N_("Trigger events") },
  [ABM_PLAN_ITEM_STEP]   = { "step", N_("Next steps") },
};

static const struct {
  const char *key;
  const char *label;
} triggers[ABM_N_TRIGGERS] = {
  [ABM_TRIGGER_LEADERSHIP_CHANGE] = { "leadership-change", N_("Leadership change") },
  [ABM_TRIGGER_FUNDING]           = { "funding", N_("Funding") },
  [ABM_TRIGGER_MERGER]            = { "merger", N_("Merger or acquisition") },
  [ABM_TRIGGER_REGULATION]        = { "regulation", N_("Regulation") },
  [ABM_TRIGGER_OTHER]             = { "other", N_("Other") },
};

ABM_DEFINE_KEYED (abm_plan_item_kind, AbmPlanItemKind, kinds, ABM_PLAN_N_ITEM_KINDS)
ABM_DEFINE_KEYED (abm_trigger, AbmTrigger, triggers, ABM_N_TRIGGERS)

static void
abm_plan_item_finalize (GObject *object)
{
  AbmPlanItem *self = ABM_PLAN_ITEM (object);

  g_free (self->text);
  g_free (self->detail);
  g_free (self->date);
  g_free (self->owner);
  G_OBJECT_CLASS (abm_plan_item_parent_class)->finalize (object);
}

static void
abm_plan_item_class_init (AbmPlanItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_plan_item_finalize;

  /* Any value changed: a row redraws. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_plan_item_init (AbmPlanItem *self)
{
  self->trigger = ABM_TRIGGER_OTHER;
}

static void
changed (AbmPlanItem *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

AbmPlanItem *
abm_plan_item_new (AbmPlanItemKind kind)
{
  AbmPlanItem *self;

  g_return_val_if_fail (kind < ABM_PLAN_N_ITEM_KINDS, NULL);

  self = g_object_new (ABM_TYPE_PLAN_ITEM, NULL);
  self->kind = kind;
  return self;
}

AbmPlanItem *
abm_plan_item_copy (AbmPlanItem *self)
{
  AbmPlanItem *copy;

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), NULL);

  copy = abm_plan_item_new (self->kind);
  copy->id = self->id;
  copy->plan_id = self->plan_id;
  abm_plan_item_assign (copy, self);
  return copy;
}

void
abm_plan_item_assign (AbmPlanItem *self,
                      AbmPlanItem *other)
{
  g_return_if_fail (ABM_IS_PLAN_ITEM (self));
  g_return_if_fail (ABM_IS_PLAN_ITEM (other));

  if (self == other || abm_plan_item_equal (self, other))
    return;
  g_free (self->text);
  self->text = g_strdup (other->text);
  g_free (self->detail);
  self->detail = g_strdup (other->detail);
  g_free (self->date);
  self->date = g_strdup (other->date);
  self->trigger = other->trigger;
  g_free (self->owner);
  self->owner = g_strdup (other->owner);
  self->done = other->done;
  changed (self);
}

gboolean
abm_plan_item_equal (AbmPlanItem *a,
                     AbmPlanItem *b)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (a) && ABM_IS_PLAN_ITEM (b), FALSE);

  return g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->detail, b->detail) == 0
         && g_strcmp0 (a->date, b->date) == 0 && a->trigger == b->trigger
         && g_strcmp0 (a->owner, b->owner) == 0 && a->done == b->done;
}

gint64
abm_plan_item_get_id (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), 0);
  return self->id;
}

void
abm_plan_item_set_id (AbmPlanItem *self,
                      gint64       id)
{
  g_return_if_fail (ABM_IS_PLAN_ITEM (self));
  self->id = id;
}

gint64
abm_plan_item_get_plan_id (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), 0);
  return self->plan_id;
}

void
abm_plan_item_set_plan_id (AbmPlanItem *self,
                           gint64       plan_id)
{
  g_return_if_fail (ABM_IS_PLAN_ITEM (self));
  self->plan_id = plan_id;
}

AbmPlanItemKind
abm_plan_item_get_kind (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), ABM_PLAN_ITEM_STEP);
  return self->kind;
}

/* Stores @clean in @slot and says so, unless it is what is there. */
static void
take_text (AbmPlanItem  *self,
           char        **slot,
           char         *clean)
{
  if (abm_field_take (slot, clean))
    changed (self);
}

static const char *const text_labels[ABM_PLAN_N_ITEM_KINDS] = {
  [ABM_PLAN_ITEM_VENDOR] = N_("The vendor"),
  [ABM_PLAN_ITEM_EVENT]  = N_("The event"),
  [ABM_PLAN_ITEM_STEP]   = N_("The step"),
};

const char *
abm_plan_item_get_text (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), NULL);
  return self->text;
}

gboolean
abm_plan_item_set_text (AbmPlanItem  *self,
                        const char   *text,
                        GError      **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), FALSE);

  if (!abm_field_clean (text, ABM_FIELD_LINE | ABM_FIELD_REQUIRED, ABM_PLAN_ITEM_MAX_TEXT,
                        _(text_labels[self->kind]), ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, &clean, error))
    return FALSE;
  take_text (self, &self->text, clean);
  return TRUE;
}

const char *
abm_plan_item_get_detail (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), NULL);
  return self->detail;
}

gboolean
abm_plan_item_set_detail (AbmPlanItem  *self,
                          const char   *detail,
                          GError      **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), FALSE);

  if (!abm_field_clean (detail, ABM_FIELD_MULTILINE, 10 * ABM_PLAN_ITEM_MAX_TEXT, _("The detail"),
                        ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, &clean, error))
    return FALSE;
  take_text (self, &self->detail, clean);
  return TRUE;
}

const char *
abm_plan_item_get_date (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), NULL);
  return self->date;
}

gboolean
abm_plan_item_set_date (AbmPlanItem  *self,
                        const char   *date,
                        GError      **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), FALSE);

  if (!abm_date_normalize (date, &clean, error))
    return FALSE;
  take_text (self, &self->date, clean);
  return TRUE;
}

AbmTrigger
abm_plan_item_get_trigger (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), ABM_TRIGGER_OTHER);
  return self->trigger;
}

void
abm_plan_item_set_trigger (AbmPlanItem *self,
                           AbmTrigger   trigger)
{
  g_return_if_fail (ABM_IS_PLAN_ITEM (self));
  g_return_if_fail (trigger < ABM_N_TRIGGERS);

  if (self->trigger == trigger)
    return;
  self->trigger = trigger;
  changed (self);
}

const char *
abm_plan_item_get_owner (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), NULL);
  return self->owner;
}

gboolean
abm_plan_item_set_owner (AbmPlanItem  *self,
                         const char   *owner,
                         GError      **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), FALSE);

  if (!abm_field_clean (owner, ABM_FIELD_LINE, ABM_PLAN_ITEM_MAX_TEXT, _("The owner"),
                        ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, &clean, error))
    return FALSE;
  take_text (self, &self->owner, clean);
  return TRUE;
}

gboolean
abm_plan_item_get_done (AbmPlanItem *self)
{
  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), FALSE);
  return self->done;
}

void
abm_plan_item_set_done (AbmPlanItem *self,
                        gboolean     done)
{
  g_return_if_fail (ABM_IS_PLAN_ITEM (self));

  if (self->done == !!done)
    return;
  self->done = !!done;
  changed (self);
}

gboolean
abm_plan_item_is_overdue (AbmPlanItem *self,
                          GDateTime   *now)
{
  int days;

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), FALSE);

  return self->kind == ABM_PLAN_ITEM_STEP && !self->done
         && abm_date_days_until (self->date, now, &days) && days < 0;
}

JsonNode *
abm_plan_item_to_json (AbmPlanItem *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ABM_IS_PLAN_ITEM (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  abm_json_add_string (builder, "kind", kinds[self->kind].key);
  abm_json_add_string (builder, "text", self->text);
  abm_json_add_string (builder, "detail", self->detail);
  abm_json_add_string (builder, "date", self->date);
  if (self->kind == ABM_PLAN_ITEM_EVENT)
    {
      abm_json_add_string (builder, "trigger", triggers[self->trigger].key);
    }
  if (self->kind == ABM_PLAN_ITEM_STEP)
    {
      abm_json_add_string (builder, "owner", self->owner);
      json_builder_set_member_name (builder, "done");
      json_builder_add_boolean_value (builder, self->done);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

AbmPlanItem *
abm_plan_item_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(AbmPlanItem) self = NULL;
  JsonObject *object;
  AbmPlanItemKind kind;
  AbmTrigger trigger;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !abm_plan_item_kind_from_key (abm_json_string (json_node_get_object (node), "kind"), &kind))
    {
      g_set_error_literal (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID,
                           _("A plan entry is not a JSON object with a kind"));
      return NULL;
    }
  object = json_node_get_object (node);
  self = abm_plan_item_new (kind);
  self->id = MAX (abm_json_int (object, "id", 0), 0);
  if (!abm_plan_item_set_text (self, abm_json_string (object, "text"), error)
      || !abm_plan_item_set_detail (self, abm_json_string (object, "detail"), error)
      || !abm_plan_item_set_date (self, abm_json_string (object, "date"), error)
      || !abm_plan_item_set_owner (self, abm_json_string (object, "owner"), error))
    return NULL;
  if (abm_trigger_from_key (abm_json_string (object, "trigger"), &trigger))
    self->trigger = trigger;
  self->done = abm_json_bool (object, "done", FALSE);
  return g_steal_pointer (&self);
}
