/* abm-org-layout.c: the people of a buying committee, placed as a tree
 *
 * A tidy tree by reporting line (Walker's algorithm in the linear-time
 * form of Buchheim, Jünger and Leipert, 2002): each manager centred over
 * their reports, siblings in the order given, subtrees pushed apart only
 * as far as their contours need, and the same input always giving the
 * same picture. People whose manager is unknown, or not on the chart, are
 * roots; each root's tree stands beside the one before, in the order
 * given. Reporting lines that go round in a circle cannot be drawn as a
 * tree and are refused, naming the people, so the user can fix them.
 *
 * The walks are loops over a post-order rather than recursion, so a long
 * chain of managers cannot run out of stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "abm-org-layout.h"

/* Gaps between cards, in layout units: siblings sit closer than cousins,
 * and separate trees stand further apart still, so each reads as a unit. */
#define SIBLING_GAP  24.0
#define COUSIN_GAP   40.0
#define TREE_GAP     72.0
#define LEVEL_GAP    56.0

typedef struct {
  gint64  id;
  int     parent;
  int     first_child;
  int     last_child;
  int     prev;           /* the sibling to the left */
  int     next;           /* the sibling to the right */
  guint   depth;
  double  x, y;           /* top left of the card */
} Node;

struct _AbmOrgLayout {
  Node       *nodes;
  guint       n_nodes;
  double      width;
  double      height;
  GHashTable *index;      /* &Node.id → index + 1 */
};

/* What Walker's walks keep per node while the layout is made. */
typedef struct {
  double  prelim;
  double  mod;
  double  shift;
  double  change;
  int     thread;
  int     ancestor;
  int     default_ancestor; /* for the children of this node */
  guint   number;           /* 1-based among siblings */
} Walk;

G_DEFINE_QUARK (abm-org-layout-error-quark, abm_org_layout_error)

static const char *
name_of (const AbmOrgPerson *person)
{
  return person->name != NULL && *person->name != '\0' ? person->name : _("Unnamed person");
}

/* The message for the circle that runs from @cycle[0] through its managers
 * back to itself. */
static void
set_cycle_error (GError            **error,
                 const AbmOrgPerson *people,
                 GArray             *cycle)
{
  const AbmOrgPerson *first = &people[g_array_index (cycle, int, 0)];
  g_autoptr(GString) chain = NULL;

  if (cycle->len == 1)
    {
      g_set_error (error, ABM_ORG_LAYOUT_ERROR, ABM_ORG_LAYOUT_ERROR_CYCLE,
                   /* Translators: %s is a person's name */
                   _("%s is their own manager. Choose another manager or none."), name_of (first));
      return;
    }
  if (cycle->len == 2)
    {
      g_set_error (error, ABM_ORG_LAYOUT_ERROR, ABM_ORG_LAYOUT_ERROR_CYCLE,
                   /* Translators: %s and %s are people's names */
                   _("%s and %s report to each other. Choose another manager for one of them."),
                   name_of (first), name_of (&people[g_array_index (cycle, int, 1)]));
      return;
    }

  chain = g_string_new (name_of (first));
  for (guint i = 1; i <= cycle->len; i++)
    /* Translators: a step up a chain of managers, "Ana Ruiz → Ben Ode" */
    g_string_append_printf (chain, _(" → %s"), name_of (&people[g_array_index (cycle, int, i % cycle->len)]));
  g_set_error (error, ABM_ORG_LAYOUT_ERROR, ABM_ORG_LAYOUT_ERROR_CYCLE,
               /* Translators: %s is a chain of names, "Ana Ruiz → Ben Ode → Cy Lee → Ana Ruiz" */
               _("Reporting lines go round in a circle: %s. Choose another manager for one of them."),
               chain->str);
}

/* Each node's parent from the manager ids; FALSE, with the people named,
 * when managers go round in a circle. */
static gboolean
link_parents (AbmOrgLayout       *layout,
              const AbmOrgPerson *people,
              GError            **error)
{
  g_autofree guint8 *state = g_new0 (guint8, layout->n_nodes);  /* 0 new, 1 on the path, 2 done */
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      gint64 manager = people[i].manager_id;
      gpointer found = manager > 0 ? g_hash_table_lookup (layout->index, &manager) : NULL;

      layout->nodes[i].parent = found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
    }

  /* Up from each person until a root or someone already seen: meeting the
   * path itself again is a circle, and the path from there is its people. */
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      int v = (int) i;

      g_array_set_size (path, 0);
      while (v >= 0 && state[v] == 0)
        {
          state[v] = 1;
          g_array_append_val (path, v);
          v = layout->nodes[v].parent;
        }
      if (v >= 0 && state[v] == 1)
        {
          guint start = 0;

          while (g_array_index (path, int, start) != v)
            start++;
          g_array_remove_range (path, 0, start);
          set_cycle_error (error, people, path);
          return FALSE;
        }
      for (guint j = 0; j < path->len; j++)
        state[g_array_index (path, int, j)] = 2;
    }
  return TRUE;
}

/* Children in the order the people were given. */
static void
link_children (AbmOrgLayout *layout)
{
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      Node *node = &layout->nodes[i];

      node->first_child = node->last_child = node->prev = node->next = -1;
    }
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      Node *node = &layout->nodes[i];
      Node *parent;

      if (node->parent < 0)
        continue;
      parent = &layout->nodes[node->parent];
      if (parent->last_child < 0)
        parent->first_child = (int) i;
      else
        {
          layout->nodes[parent->last_child].next = (int) i;
          node->prev = parent->last_child;
        }
      parent->last_child = (int) i;
    }
}

/* The nodes of the tree under @root, children before their parent and
 * siblings left to right, appended to @order. */
static void
append_post_order (const AbmOrgLayout *layout,
                   int                 root,
                   GArray             *order,
                   int                *next_child)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_append_val (stack, root);
  next_child[root] = layout->nodes[root].first_child;
  while (stack->len > 0)
    {
      int v = g_array_index (stack, int, stack->len - 1);
      int child = next_child[v];

      if (child >= 0)
        {
          next_child[v] = layout->nodes[child].next;
          next_child[child] = layout->nodes[child].first_child;
          g_array_append_val (stack, child);
        }
      else
        {
          g_array_set_size (stack, stack->len - 1);
          g_array_append_val (order, v);
        }
    }
}

/* Walker's algorithm, after Buchheim, Jünger and Leipert */

/* How far apart the centres of two neighbours on a row must be. */
static double
distance (const AbmOrgLayout *layout,
          int                 a,
          int                 b)
{
  gboolean siblings = layout->nodes[a].parent == layout->nodes[b].parent;

  return ABM_ORG_LAYOUT_CARD_WIDTH + (siblings ? SIBLING_GAP : COUSIN_GAP);
}

static int
next_left (const AbmOrgLayout *layout,
           const Walk         *walk,
           int                 v)
{
  return layout->nodes[v].first_child >= 0 ? layout->nodes[v].first_child : walk[v].thread;
}

static int
next_right (const AbmOrgLayout *layout,
            const Walk         *walk,
            int                 v)
{
  return layout->nodes[v].last_child >= 0 ? layout->nodes[v].last_child : walk[v].thread;
}

static void
move_subtree (Walk  *walk,
              int    left,
              int    right,
              double shift)
{
  double subtrees = (double) walk[right].number - walk[left].number;

  walk[right].change -= shift / subtrees;
  walk[right].shift += shift;
  walk[left].change += shift / subtrees;
  walk[right].prelim += shift;
  walk[right].mod += shift;
}

/* Pushes the subtree of @v right of its left siblings' subtrees, spreading
 * the push over the siblings between (by way of move_subtree()), and
 * threads the shorter contour onto the longer one. */
static void
apportion (const AbmOrgLayout *layout,
           Walk               *walk,
           int                 v)
{
  const Node *node = &layout->nodes[v];
  int *default_ancestor = &walk[node->parent].default_ancestor;
  int vir = v, vor = v, vil = node->prev, vol;
  double sir, sor, sil, sol;

  if (vil < 0)
    return;
  vol = layout->nodes[node->parent].first_child;
  sir = walk[vir].mod;
  sor = walk[vor].mod;
  sil = walk[vil].mod;
  sol = walk[vol].mod;

  while (next_right (layout, walk, vil) >= 0 && next_left (layout, walk, vir) >= 0)
    {
      double shift;

      vil = next_right (layout, walk, vil);
      vir = next_left (layout, walk, vir);
      vol = next_left (layout, walk, vol);
      vor = next_right (layout, walk, vor);
      walk[vor].ancestor = v;
      shift = (walk[vil].prelim + sil) - (walk[vir].prelim + sir) + distance (layout, vil, vir);
      if (shift > 0)
        {
          int ancestor = walk[vil].ancestor;

          if (layout->nodes[ancestor].parent != node->parent)
            ancestor = *default_ancestor;
          move_subtree (walk, ancestor, v, shift);
          sir += shift;
          sor += shift;
        }
      sil += walk[vil].mod;
      sir += walk[vir].mod;
      sol += walk[vol].mod;
      sor += walk[vor].mod;
    }

  if (next_right (layout, walk, vil) >= 0 && next_right (layout, walk, vor) < 0)
    {
      walk[vor].thread = next_right (layout, walk, vil);
      walk[vor].mod += sil - sor;
    }
  if (next_left (layout, walk, vir) >= 0 && next_left (layout, walk, vol) < 0)
    {
      walk[vol].thread = next_left (layout, walk, vir);
      walk[vol].mod += sir - sol;
      *default_ancestor = v;
    }
}

static void
execute_shifts (const AbmOrgLayout *layout,
                Walk               *walk,
                int                 v)
{
  double shift = 0, change = 0;

  for (int w = layout->nodes[v].last_child; w >= 0; w = layout->nodes[w].prev)
    {
      walk[w].prelim += shift;
      walk[w].mod += shift;
      change += walk[w].change;
      shift += walk[w].shift + change;
    }
}

/* The first walk for @v, once its children have had theirs. */
static void
first_walk (const AbmOrgLayout *layout,
            Walk               *walk,
            int                 v)
{
  const Node *node = &layout->nodes[v];

  if (node->first_child < 0)
    walk[v].prelim = node->prev >= 0 ? walk[node->prev].prelim + distance (layout, node->prev, v) : 0;
  else
    {
      double midpoint;

      execute_shifts (layout, walk, v);
      midpoint = (walk[node->first_child].prelim + walk[node->last_child].prelim) / 2;
      if (node->prev >= 0)
        {
          walk[v].prelim = walk[node->prev].prelim + distance (layout, node->prev, v);
          walk[v].mod = walk[v].prelim - midpoint;
        }
      else
        walk[v].prelim = midpoint;
    }
  if (node->parent >= 0)
    apportion (layout, walk, v);
}

/* Places the tree whose post-order is @order with its left edge at @left;
 * returns its right edge. */
static double
place_tree (AbmOrgLayout *layout,
            Walk         *walk,
            GArray       *order,
            double        left)
{
  g_autofree double *offset = g_new0 (double, layout->n_nodes);
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;

  for (guint i = 0; i < order->len; i++)
    first_walk (layout, walk, g_array_index (order, int, i));

  /* The second walk, parents before children: each node's x is its
   * prelim plus the mods of the nodes above it. */
  for (guint i = order->len; i-- > 0;)
    {
      int v = g_array_index (order, int, i);
      Node *node = &layout->nodes[v];

      node->x = walk[v].prelim + offset[v];
      node->depth = node->parent >= 0 ? layout->nodes[node->parent].depth + 1 : 0;
      node->y = node->depth * (ABM_ORG_LAYOUT_CARD_HEIGHT + LEVEL_GAP);
      for (int w = node->first_child; w >= 0; w = layout->nodes[w].next)
        offset[w] = offset[v] + walk[v].mod;
      min_x = MIN (min_x, node->x);
      max_x = MAX (max_x, node->x);
    }

  /* x was a centre; make it the left edge, with the tree's at @left. */
  for (guint i = 0; i < order->len; i++)
    {
      Node *node = &layout->nodes[g_array_index (order, int, i)];

      node->x += left - min_x;
      layout->height = MAX (layout->height, node->y + ABM_ORG_LAYOUT_CARD_HEIGHT);
    }
  return left + max_x - min_x + ABM_ORG_LAYOUT_CARD_WIDTH;
}

static void
place_forest (AbmOrgLayout *layout)
{
  g_autofree Walk *walk = g_new0 (Walk, layout->n_nodes);
  g_autofree int *next_child = g_new (int, layout->n_nodes);
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (int), layout->n_nodes);
  double left = 0;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const Node *node = &layout->nodes[i];

      walk[i].thread = -1;
      walk[i].ancestor = (int) i;
      walk[i].default_ancestor = node->first_child;
      walk[i].number = node->prev >= 0 ? walk[node->prev].number + 1 : 1;
    }

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      if (layout->nodes[i].parent >= 0)
        continue;
      g_array_set_size (order, 0);
      append_post_order (layout, (int) i, order, next_child);
      if (left > 0)
        left += TREE_GAP;
      left = place_tree (layout, walk, order, left);
    }
  layout->width = left;
}

/* Lays out @people (node i is people[i]) as a tidy tree, or fails when
 * an id is not positive or is given twice, or when reporting lines go
 * round in a circle. */
AbmOrgLayout *
abm_org_layout_new (const AbmOrgPerson *people,
                    guint               n_people,
                    GError            **error)
{
  g_autoptr(AbmOrgLayout) layout = g_new0 (AbmOrgLayout, 1);

  g_return_val_if_fail (people != NULL || n_people == 0, NULL);
  g_return_val_if_fail (n_people < G_MAXINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layout->n_nodes = n_people;
  layout->nodes = g_new0 (Node, n_people);
  layout->index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_people; i++)
    {
      Node *node = &layout->nodes[i];

      node->id = people[i].id;
      if (node->id <= 0 || g_hash_table_contains (layout->index, &node->id))
        {
          g_set_error (error, ABM_ORG_LAYOUT_ERROR, ABM_ORG_LAYOUT_ERROR_INVALID_ID,
                       /* Translators: %s is a person's name */
                       _("%s cannot be placed on the chart: their id is not unique"), name_of (&people[i]));
          return NULL;
        }
      g_hash_table_insert (layout->index, &node->id, GINT_TO_POINTER (i + 1));
    }

  if (!link_parents (layout, people, error))
    return NULL;
  link_children (layout);
  place_forest (layout);
  return g_steal_pointer (&layout);
}

void
abm_org_layout_free (AbmOrgLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->index, g_hash_table_unref);
  g_free (layout->nodes);
  g_free (layout);
}

guint
abm_org_layout_get_n_nodes (const AbmOrgLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_nodes;
}

gint64
abm_org_layout_get_id (const AbmOrgLayout *layout,
                       guint               index)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (index < layout->n_nodes, 0);

  return layout->nodes[index].id;
}

void
abm_org_layout_get_box (const AbmOrgLayout *layout,
                        guint               index,
                        cairo_rectangle_t  *box)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (index < layout->n_nodes);
  g_return_if_fail (box != NULL);

  box->x = layout->nodes[index].x;
  box->y = layout->nodes[index].y;
  box->width = ABM_ORG_LAYOUT_CARD_WIDTH;
  box->height = ABM_ORG_LAYOUT_CARD_HEIGHT;
}

/* The size of the whole tree, from (0, 0); 0 × 0 for nobody. */
void
abm_org_layout_get_extent (const AbmOrgLayout *layout,
                           double             *width,
                           double             *height)
{
  g_return_if_fail (layout != NULL);

  if (width != NULL)
    *width = layout->width;
  if (height != NULL)
    *height = layout->height;
}

int
abm_org_layout_find (const AbmOrgLayout *layout,
                     gint64              id)
{
  g_return_val_if_fail (layout != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (layout->index, &id)) - 1;
}

gint64
abm_org_layout_get_manager (const AbmOrgLayout *layout,
                            gint64              id)
{
  int index = abm_org_layout_find (layout, id);

  if (index < 0 || layout->nodes[index].parent < 0)
    return 0;
  return layout->nodes[layout->nodes[index].parent].id;
}

gboolean
abm_org_layout_reports_to (const AbmOrgLayout *layout,
                           gint64              id,
                           gint64              manager_id)
{
  int index = abm_org_layout_find (layout, id);

  if (index < 0)
    return FALSE;
  for (int v = layout->nodes[index].parent; v >= 0; v = layout->nodes[v].parent)
    if (layout->nodes[v].id == manager_id)
      return TRUE;
  return FALSE;
}

/* The nearest card on @node's row in the direction @sign (-1 left, 1 right). */
static int
row_neighbour (const AbmOrgLayout *layout,
               const Node         *node,
               int                 sign)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const Node *other = &layout->nodes[i];
      double d = (other->x - node->x) * sign;

      if (other->depth == node->depth && d > 0 && d < best_distance)
        {
          best = (int) i;
          best_distance = d;
        }
    }
  return best;
}

gint64
abm_org_layout_move (const AbmOrgLayout *layout,
                     gint64              id,
                     AbmOrgMove          move)
{
  int index = abm_org_layout_find (layout, id);
  const Node *node;
  int to = -1;

  if (index < 0)
    return 0;
  node = &layout->nodes[index];
  switch (move)
    {
    case ABM_ORG_MOVE_UP:
      to = node->parent;
      break;
    case ABM_ORG_MOVE_DOWN:
      to = node->first_child;
      break;
    case ABM_ORG_MOVE_LEFT:
      to = row_neighbour (layout, node, -1);
      break;
    case ABM_ORG_MOVE_RIGHT:
      to = row_neighbour (layout, node, 1);
      break;
    default:
      g_return_val_if_reached (0);
    }
  return to >= 0 ? layout->nodes[to].id : 0;
}
