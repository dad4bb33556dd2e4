/* abm-whitespace.h: where we sell in an account, and where we could
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Divisions or buying centres of the account (rows) against our
 * offerings (columns). */
typedef enum {
  ABM_WHITESPACE_DIVISIONS,
  ABM_WHITESPACE_OFFERINGS,
} AbmWhitespaceAxis;

typedef enum {
  ABM_WHITESPACE_OPEN,          /* whitespace: nobody sells it there */
  ABM_WHITESPACE_CUSTOMER,      /* they buy it from us */
  ABM_WHITESPACE_OPPORTUNITY,   /* an open opportunity */
  ABM_WHITESPACE_COMPETITOR,    /* held by a competitor, named */
  ABM_WHITESPACE_N_STATUSES
} AbmWhitespaceStatus;

typedef struct {
  AbmWhitespaceStatus  status;
  char                *competitor;   /* owned by the map; NULL unless held by one */
  double               amount;       /* what it is worth, or could be; >= 0 */
} AbmWhitespaceCell;

/* A cell to go after: whitespace or a competitor's. */
typedef struct {
  guint division;
  guint offering;
} AbmWhitespaceMove;

#define ABM_WHITESPACE_MAX_AXIS    40
#define ABM_WHITESPACE_MAX_NAME    120     /* bytes */
#define ABM_WHITESPACE_MAX_AMOUNT  1e12

#define ABM_TYPE_WHITESPACE (abm_whitespace_get_type ())
G_DECLARE_FINAL_TYPE (AbmWhitespace, abm_whitespace, ABM, WHITESPACE, GObject)

const char    *abm_whitespace_status_key       (AbmWhitespaceStatus status);
const char    *abm_whitespace_status_label     (AbmWhitespaceStatus status);
gboolean       abm_whitespace_status_from_key  (const char          *key,
                                                AbmWhitespaceStatus *status);

AbmWhitespace *abm_whitespace_new              (void);
AbmWhitespace *abm_whitespace_copy             (AbmWhitespace       *self);
void           abm_whitespace_assign           (AbmWhitespace       *self,
                                                AbmWhitespace       *other);
gboolean       abm_whitespace_equal            (AbmWhitespace       *a,
                                                AbmWhitespace       *b);
gboolean       abm_whitespace_is_empty         (AbmWhitespace       *self);

guint          abm_whitespace_get_n            (AbmWhitespace       *self,
                                                AbmWhitespaceAxis    axis);
const char    *abm_whitespace_get_name         (AbmWhitespace       *self,
                                                AbmWhitespaceAxis    axis,
                                                guint                index);
/* Returns the new row's or column's index, -1 when the name is empty,
 * taken, too long, or the axis full. New cells are whitespace. */
int            abm_whitespace_add              (AbmWhitespace       *self,
                                                AbmWhitespaceAxis    axis,
                                                const char          *name,
                                                GError             **error);
gboolean       abm_whitespace_rename           (AbmWhitespace       *self,
                                                AbmWhitespaceAxis    axis,
                                                guint                index,
                                                const char          *name,
                                                GError             **error);
/* Its cells go with it. */
void           abm_whitespace_remove           (AbmWhitespace       *self,
                                                AbmWhitespaceAxis    axis,
                                                guint                index);
int            abm_whitespace_find             (AbmWhitespace       *self,
                                                AbmWhitespaceAxis    axis,
                                                const char          *name);

const AbmWhitespaceCell *abm_whitespace_get_cell (AbmWhitespace     *self,
                                                guint                division,
                                                guint                offering);
/* A competitor's cell needs the competitor's name; other cells drop it. */
gboolean       abm_whitespace_set_cell         (AbmWhitespace       *self,
                                                guint                division,
                                                guint                offering,
                                                AbmWhitespaceStatus  status,
                                                const char          *competitor,
                                                double               amount,
                                                GError             **error);

/* The amounts of every cell with @status. */
double         abm_whitespace_total            (AbmWhitespace       *self,
                                                AbmWhitespaceStatus  status);
/* Of AbmWhitespaceMove: whitespace and competitors' cells, the largest
 * amount first (whitespace before a competitor at the same amount):
 * where to expand next. */
GArray        *abm_whitespace_next_moves       (AbmWhitespace       *self);

char          *abm_whitespace_to_json          (AbmWhitespace       *self);
/* What reads is taken; cells that do not are whitespace. */
AbmWhitespace *abm_whitespace_new_from_json    (const char          *json,
                                                GError             **error);

G_END_DECLS
