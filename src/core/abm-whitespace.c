/* abm-whitespace.c: where we sell in an account, and where we could
 *
 * The land-and-expand grid: the account's divisions or buying centres
 * against our offerings, each cell what it is (ours, an open
 * opportunity, nobody's, a competitor's) and what it is worth. Small by
 * nature (a few dozen rows and columns), so it is kept as one JSON
 * document with its plan and written in one statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-field.h"
#include "abm-json.h"
#include "abm-keyed.h"
#include "abm-plan-item.h"
#include "abm-whitespace.h"

#define MAX_JSON_SIZE  (1024 * 1024)

struct _AbmWhitespace
{
  GObject    parent_instance;

  GPtrArray *names[2];   /* char *, by AbmWhitespaceAxis */
  GArray    *cells;      /* AbmWhitespaceCell, division by division */
};

G_DEFINE_FINAL_TYPE (AbmWhitespace, abm_whitespace, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  const char *label;
} statuses[ABM_WHITESPACE_N_STATUSES] = {
  [ABM_WHITESPACE_OPEN]        = { "whitespace", N_("Whitespace") },
  [ABM_WHITESPACE_CUSTOMER]    = { "customer", N_("Customer") },
  [ABM_WHITESPACE_OPPORTUNITY] = { "opportunity", N_("Open opportunity") },
  [ABM_WHITESPACE_COMPETITOR]  = { "competitor", N_("Competitor") },
};

ABM_DEFINE_KEYED (abm_whitespace_status, AbmWhitespaceStatus, statuses, ABM_WHITESPACE_N_STATUSES)

static void
clear_cell (gpointer data)
{
  AbmWhitespaceCell *cell = data;

  g_clear_pointer (&cell->competitor, g_free);
}

static void
abm_whitespace_finalize (GObject *object)
{
  AbmWhitespace *self = ABM_WHITESPACE (object);

  g_ptr_array_unref (self->names[0]);
  g_ptr_array_unref (self->names[1]);
  g_array_unref (self->cells);
  G_OBJECT_CLASS (abm_whitespace_parent_class)->finalize (object);
}

static void
abm_whitespace_class_init (AbmWhitespaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = abm_whitespace_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
abm_whitespace_init (AbmWhitespace *self)
{
  self->names[0] = g_ptr_array_new_with_free_func (g_free);
  self->names[1] = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (AbmWhitespaceCell));
  g_array_set_clear_func (self->cells, clear_cell);
}

static void
changed (AbmWhitespace *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

AbmWhitespace *
abm_whitespace_new (void)
{
  return g_object_new (ABM_TYPE_WHITESPACE, NULL);
}

static void
copy_into (AbmWhitespace *self,
           AbmWhitespace *other)
{
  for (guint axis = 0; axis < 2; axis++)
    {
      g_ptr_array_set_size (self->names[axis], 0);
      for (guint i = 0; i < other->names[axis]->len; i++)
        g_ptr_array_add (self->names[axis], g_strdup (other->names[axis]->pdata[i]));
    }
  g_array_set_size (self->cells, 0);
  for (guint i = 0; i < other->cells->len; i++)
    {
      AbmWhitespaceCell cell = g_array_index (other->cells, AbmWhitespaceCell, i);

      cell.competitor = g_strdup (cell.competitor);
      g_array_append_val (self->cells, cell);
    }
}

AbmWhitespace *
abm_whitespace_copy (AbmWhitespace *self)
{
  AbmWhitespace *copy;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), NULL);

  copy = abm_whitespace_new ();
  copy_into (copy, self);
  return copy;
}

void
abm_whitespace_assign (AbmWhitespace *self,
                       AbmWhitespace *other)
{
  g_return_if_fail (ABM_IS_WHITESPACE (self));
  g_return_if_fail (ABM_IS_WHITESPACE (other));

  if (self == other || abm_whitespace_equal (self, other))
    return;
  copy_into (self, other);
  changed (self);
}

gboolean
abm_whitespace_equal (AbmWhitespace *a,
                      AbmWhitespace *b)
{
  g_return_val_if_fail (ABM_IS_WHITESPACE (a) && ABM_IS_WHITESPACE (b), FALSE);

  for (guint axis = 0; axis < 2; axis++)
    {
      if (a->names[axis]->len != b->names[axis]->len)
        return FALSE;
      for (guint i = 0; i < a->names[axis]->len; i++)
        if (strcmp (a->names[axis]->pdata[i], b->names[axis]->pdata[i]) != 0)
          return FALSE;
    }
  for (guint i = 0; i < a->cells->len; i++)
    {
      AbmWhitespaceCell *x = &g_array_index (a->cells, AbmWhitespaceCell, i);
      AbmWhitespaceCell *y = &g_array_index (b->cells, AbmWhitespaceCell, i);

      if (x->status != y->status || x->amount != y->amount || g_strcmp0 (x->competitor, y->competitor) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
abm_whitespace_is_empty (AbmWhitespace *self)
{
  g_return_val_if_fail (ABM_IS_WHITESPACE (self), TRUE);
  return self->names[0]->len == 0 && self->names[1]->len == 0;
}

guint
abm_whitespace_get_n (AbmWhitespace     *self,
                      AbmWhitespaceAxis  axis)
{
  g_return_val_if_fail (ABM_IS_WHITESPACE (self), 0);
  g_return_val_if_fail (axis <= ABM_WHITESPACE_OFFERINGS, 0);
  return self->names[axis]->len;
}

const char *
abm_whitespace_get_name (AbmWhitespace     *self,
                         AbmWhitespaceAxis  axis,
                         guint              index)
{
  g_return_val_if_fail (ABM_IS_WHITESPACE (self), NULL);
  g_return_val_if_fail (axis <= ABM_WHITESPACE_OFFERINGS, NULL);
  g_return_val_if_fail (index < self->names[axis]->len, NULL);
  return self->names[axis]->pdata[index];
}

int
abm_whitespace_find (AbmWhitespace     *self,
                     AbmWhitespaceAxis  axis,
                     const char        *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), -1);
  g_return_val_if_fail (axis <= ABM_WHITESPACE_OFFERINGS, -1);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return -1;
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < self->names[axis]->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (self->names[axis]->pdata[i], -1);

      if (strcmp (folded, other) == 0)
        return (int) i;
    }
  return -1;
}

/* A clean name not yet on the axis (but for @index itself). */
static char *
check_name (AbmWhitespace      *self,
            AbmWhitespaceAxis   axis,
            const char         *name,
            int                 index,
            GError            **error)
{
  g_autofree char *clean = NULL;
  int found;

  if (!abm_field_clean (name, ABM_FIELD_LINE | ABM_FIELD_REQUIRED, ABM_WHITESPACE_MAX_NAME,
                        axis == ABM_WHITESPACE_DIVISIONS ? _("The division") : _("The offering"),
                        ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, &clean, error))
    return NULL;
  found = abm_whitespace_find (self, axis, clean);
  if (found >= 0 && found != index)
    {
      g_set_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID,
                   _("“%s” is already in the map"), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Lays the cells out again for @n_divisions × @n_offerings, keeping those
 * of the rows and columns that stay: @skip is a removed row or column of
 * @axis, @insert_at where a new one goes (-1 for neither). */
static void
relayout (AbmWhitespace     *self,
          AbmWhitespaceAxis  axis,
          int                skip,
          int                insert_at,
          guint              old_rows,
          guint              old_cols)
{
  guint rows = self->names[ABM_WHITESPACE_DIVISIONS]->len;
  guint cols = self->names[ABM_WHITESPACE_OFFERINGS]->len;
  g_autoptr(GArray) cells = g_array_sized_new (FALSE, TRUE, sizeof (AbmWhitespaceCell), rows * cols);

  g_array_set_clear_func (cells, clear_cell);
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      {
        int from[2] = { (int) r, (int) c };
        AbmWhitespaceCell cell = { ABM_WHITESPACE_OPEN, NULL, 0 };

        if (insert_at >= 0 && from[axis] == insert_at)
          from[axis] = -1;
        else if (insert_at >= 0 && from[axis] > insert_at)
          from[axis]--;
        else if (skip >= 0 && from[axis] >= skip)
          from[axis]++;
        if (from[0] >= 0 && from[1] >= 0 && (guint) from[0] < old_rows && (guint) from[1] < old_cols)
          {
            AbmWhitespaceCell *old = &g_array_index (self->cells, AbmWhitespaceCell, from[0] * old_cols + from[1]);

            cell = *old;
            old->competitor = NULL;   /* moved */
          }
        g_array_append_val (cells, cell);
      }
  g_array_unref (self->cells);
  self->cells = g_steal_pointer (&cells);
}

int
abm_whitespace_add (AbmWhitespace      *self,
                    AbmWhitespaceAxis   axis,
                    const char         *name,
                    GError            **error)
{
  guint rows, cols;
  char *clean;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), -1);
  g_return_val_if_fail (axis <= ABM_WHITESPACE_OFFERINGS, -1);

  if (self->names[axis]->len >= ABM_WHITESPACE_MAX_AXIS)
    {
      g_set_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID,
                   axis == ABM_WHITESPACE_DIVISIONS ? _("A map has at most %u divisions")
                                                    : _("A map has at most %u offerings"),
                   ABM_WHITESPACE_MAX_AXIS);
      return -1;
    }
  clean = check_name (self, axis, name, -1, error);
  if (clean == NULL)
    return -1;
  rows = self->names[0]->len;
  cols = self->names[1]->len;
  g_ptr_array_add (self->names[axis], clean);
  relayout (self, axis, -1, (int) self->names[axis]->len - 1, rows, cols);
  changed (self);
  return (int) self->names[axis]->len - 1;
}

gboolean
abm_whitespace_rename (AbmWhitespace      *self,
                       AbmWhitespaceAxis   axis,
                       guint               index,
                       const char         *name,
                       GError            **error)
{
  char *clean;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), FALSE);
  g_return_val_if_fail (axis <= ABM_WHITESPACE_OFFERINGS, FALSE);
  g_return_val_if_fail (index < self->names[axis]->len, FALSE);

  clean = check_name (self, axis, name, (int) index, error);
  if (clean == NULL)
    return FALSE;
  if (strcmp (clean, self->names[axis]->pdata[index]) == 0)
    {
      g_free (clean);
      return TRUE;
    }
  g_free (self->names[axis]->pdata[index]);
  self->names[axis]->pdata[index] = clean;
  changed (self);
  return TRUE;
}

void
abm_whitespace_remove (AbmWhitespace     *self,
                       AbmWhitespaceAxis  axis,
                       guint              index)
{
  guint rows, cols;

  g_return_if_fail (ABM_IS_WHITESPACE (self));
  g_return_if_fail (axis <= ABM_WHITESPACE_OFFERINGS);
  g_return_if_fail (index < self->names[axis]->len);

  rows = self->names[0]->len;
  cols = self->names[1]->len;
  g_ptr_array_remove_index (self->names[axis], index);
  relayout (self, axis, (int) index, -1, rows, cols);
  changed (self);
}

const AbmWhitespaceCell *
abm_whitespace_get_cell (AbmWhitespace *self,
                         guint          division,
                         guint          offering)
{
  g_return_val_if_fail (ABM_IS_WHITESPACE (self), NULL);
  g_return_val_if_fail (division < self->names[0]->len && offering < self->names[1]->len, NULL);
  return &g_array_index (self->cells, AbmWhitespaceCell, division * self->names[1]->len + offering);
}

gboolean
abm_whitespace_set_cell (AbmWhitespace        *self,
                         guint                 division,
                         guint                 offering,
                         AbmWhitespaceStatus   status,
                         const char           *competitor,
                         double                amount,
                         GError              **error)
{
  AbmWhitespaceCell *cell;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), FALSE);
  g_return_val_if_fail (division < self->names[0]->len && offering < self->names[1]->len, FALSE);
  g_return_val_if_fail (status < ABM_WHITESPACE_N_STATUSES, FALSE);

  if (!isfinite (amount) || amount < 0 || amount > ABM_WHITESPACE_MAX_AMOUNT)
    {
      g_set_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID,
                   _("An amount must be between 0 and %.0f"), ABM_WHITESPACE_MAX_AMOUNT);
      return FALSE;
    }
  if (status == ABM_WHITESPACE_COMPETITOR
      && !abm_field_clean (competitor, ABM_FIELD_LINE | ABM_FIELD_REQUIRED, ABM_WHITESPACE_MAX_NAME,
                           _("The competitor"), ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID, &clean, error))
    return FALSE;

  cell = &g_array_index (self->cells, AbmWhitespaceCell, division * self->names[1]->len + offering);
  if (cell->status == status && cell->amount == amount && g_strcmp0 (cell->competitor, clean) == 0)
    return TRUE;
  cell->status = status;
  cell->amount = amount;
  g_free (cell->competitor);
  cell->competitor = g_steal_pointer (&clean);
  changed (self);
  return TRUE;
}

double
abm_whitespace_total (AbmWhitespace       *self,
                      AbmWhitespaceStatus  status)
{
  double total = 0;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), 0);

  for (guint i = 0; i < self->cells->len; i++)
    {
      AbmWhitespaceCell *cell = &g_array_index (self->cells, AbmWhitespaceCell, i);

      if (cell->status == status)
        total += cell->amount;
    }
  return total;
}

static int
compare_moves (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  AbmWhitespace *self = data;
  const AbmWhitespaceMove *x = a, *y = b;
  const AbmWhitespaceCell *cx = abm_whitespace_get_cell (self, x->division, x->offering);
  const AbmWhitespaceCell *cy = abm_whitespace_get_cell (self, y->division, y->offering);

  if (cx->amount != cy->amount)
    return cx->amount > cy->amount ? -1 : 1;
  if (cx->status != cy->status)
    return cx->status == ABM_WHITESPACE_OPEN ? -1 : 1;
  if (x->division != y->division)
    return x->division < y->division ? -1 : 1;
  return x->offering < y->offering ? -1 : x->offering > y->offering;
}

GArray *
abm_whitespace_next_moves (AbmWhitespace *self)
{
  GArray *moves;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), NULL);

  moves = g_array_new (FALSE, FALSE, sizeof (AbmWhitespaceMove));
  for (guint r = 0; r < self->names[0]->len; r++)
    for (guint c = 0; c < self->names[1]->len; c++)
      {
        AbmWhitespaceStatus status = abm_whitespace_get_cell (self, r, c)->status;
        AbmWhitespaceMove move = { r, c };

        if (status == ABM_WHITESPACE_OPEN || status == ABM_WHITESPACE_COMPETITOR)
          g_array_append_val (moves, move);
      }
  g_array_sort_with_data (moves, compare_moves, self);
  return moves;
}

char *
abm_whitespace_to_json (AbmWhitespace *self)
{
  static const char *const axis_keys[2] = { "divisions", "offerings" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (ABM_IS_WHITESPACE (self), NULL);

  json_builder_begin_object (builder);
  for (guint axis = 0; axis < 2; axis++)
    {
      json_builder_set_member_name (builder, axis_keys[axis]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->names[axis]->len; i++)
        json_builder_add_string_value (builder, self->names[axis]->pdata[i]);
      json_builder_end_array (builder);
    }
  /* One array per division, a cell per offering. */
  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  for (guint r = 0; r < self->names[0]->len; r++)
    {
      json_builder_begin_array (builder);
      for (guint c = 0; c < self->names[1]->len; c++)
        {
          const AbmWhitespaceCell *cell = abm_whitespace_get_cell (self, r, c);

          json_builder_begin_object (builder);
          abm_json_add_string (builder, "status", statuses[cell->status].key);
          if (cell->competitor != NULL)
            abm_json_add_string (builder, "competitor", cell->competitor);
          json_builder_set_member_name (builder, "amount");
          json_builder_add_double_value (builder, cell->amount);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

AbmWhitespace *
abm_whitespace_new_from_json (const char  *json,
                              GError     **error)
{
  static const char *const axis_keys[2] = { "divisions", "offerings" };
  g_autoptr(AbmWhitespace) self = abm_whitespace_new ();
  g_autoptr(JsonNode) root = abm_json_parse (json, MAX_JSON_SIZE, 8, FALSE, error);
  JsonObject *object;
  JsonArray *rows;

  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  for (guint axis = 0; axis < 2; axis++)
    {
      JsonArray *names = abm_json_array (object, axis_keys[axis]);

      for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
        {
          JsonNode *name = json_array_get_element (names, i);

          if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING
              || abm_whitespace_add (self, axis, json_node_get_string (name), NULL) < 0)
            {
              g_set_error (error, ABM_PLAN_ERROR, ABM_PLAN_ERROR_INVALID,
                           _("The whitespace map has a name that does not hold up"));
              return NULL;
            }
        }
    }
  rows = abm_json_array (object, "cells");
  for (guint r = 0; rows != NULL && r < json_array_get_length (rows) && r < self->names[0]->len; r++)
    {
      JsonNode *row_node = json_array_get_element (rows, r);
      JsonArray *row = JSON_NODE_HOLDS_ARRAY (row_node) ? json_node_get_array (row_node) : NULL;

      for (guint c = 0; row != NULL && c < json_array_get_length (row) && c < self->names[1]->len; c++)
        {
          JsonNode *cell_node = json_array_get_element (row, c);
          JsonObject *cell = JSON_NODE_HOLDS_OBJECT (cell_node) ? json_node_get_object (cell_node) : NULL;
          AbmWhitespaceStatus status;

          if (cell != NULL && abm_whitespace_status_from_key (abm_json_string (cell, "status"), &status))
            abm_whitespace_set_cell (self, r, c, status, abm_json_string (cell, "competitor"),
                                     abm_json_double (cell, "amount", 0), NULL);
        }
    }
  return g_steal_pointer (&self);
}
