/* abm-org-layout.h: the people of a buying committee, placed as a tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define ABM_ORG_LAYOUT_ERROR (abm_org_layout_error_quark ())

typedef enum {
  ABM_ORG_LAYOUT_ERROR_CYCLE,       /* reporting lines that go round */
  ABM_ORG_LAYOUT_ERROR_INVALID_ID,  /* an id that is not > 0, or twice */
} AbmOrgLayoutError;

typedef enum {
  ABM_SENTIMENT_UNKNOWN,
  ABM_SENTIMENT_BLOCKER,
  ABM_SENTIMENT_NEGATIVE,
  ABM_SENTIMENT_NEUTRAL,
  ABM_SENTIMENT_POSITIVE,
  ABM_SENTIMENT_CHAMPION,
} AbmOrgSentiment;

typedef enum {
  ABM_ORG_LINK_INFLUENCES,
  ABM_ORG_LINK_CONFLICTS,
} AbmOrgLinkKind;

/* One person as the chart shows them; the strings are the caller's. */
typedef struct {
  gint64           id;                 /* > 0, unique */
  gint64           manager_id;         /* 0 when unknown: a root */
  gint64           dotted_manager_id;  /* 0, or a second (dotted-line) manager */
  const char      *name;
  const char      *title;              /* may be NULL */
  const char      *role_label;         /* the main committee role, may be NULL */
  guint            role_color;         /* see abm_org_chart_get_role_color() */
  guint            n_other_roles;      /* shown as "+2" */
  AbmOrgSentiment  sentiment;
  guint            influence;          /* 0 unknown, 1–5 */
  int              days_since_contact; /* -1 never contacted */
} AbmOrgPerson;

/* "@from influences @to" (an arrow), or "@from and @to conflict". */
typedef struct {
  gint64          from;
  gint64          to;
  AbmOrgLinkKind  kind;
} AbmOrgLink;

typedef enum {
  ABM_ORG_MOVE_UP,      /* to the manager */
  ABM_ORG_MOVE_DOWN,    /* to the first report */
  ABM_ORG_MOVE_LEFT,    /* to the neighbour on the same row */
  ABM_ORG_MOVE_RIGHT,
} AbmOrgMove;

/* The size of every card, in layout units (pixels at a zoom of 1). */
#define ABM_ORG_LAYOUT_CARD_WIDTH   232.0
#define ABM_ORG_LAYOUT_CARD_HEIGHT  104.0

typedef struct _AbmOrgLayout AbmOrgLayout;

GQuark        abm_org_layout_error_quark (void);

AbmOrgLayout *abm_org_layout_new         (const AbmOrgPerson *people,
                                          guint               n_people,
                                          GError            **error);
void          abm_org_layout_free        (AbmOrgLayout       *layout);

/* Node i is people[i] as given to abm_org_layout_new(). */
guint         abm_org_layout_get_n_nodes (const AbmOrgLayout *layout);
gint64        abm_org_layout_get_id      (const AbmOrgLayout *layout,
                                          guint               index);
void          abm_org_layout_get_box     (const AbmOrgLayout *layout,
                                          guint               index,
                                          cairo_rectangle_t  *box);
void          abm_org_layout_get_extent  (const AbmOrgLayout *layout,
                                          double             *width,
                                          double             *height);
/* The index of the person with @id, or -1. */
int           abm_org_layout_find        (const AbmOrgLayout *layout,
                                          gint64              id);
/* The manager the tree shows for @id: 0 for a root, also when the
 * manager named is not on the chart. */
gint64        abm_org_layout_get_manager (const AbmOrgLayout *layout,
                                          gint64              id);
/* Whether @id reports to @manager_id, directly or through others. */
gboolean      abm_org_layout_reports_to  (const AbmOrgLayout *layout,
                                          gint64              id,
                                          gint64              manager_id);
/* The person a step away from @id, or 0 where there is none. */
gint64        abm_org_layout_move        (const AbmOrgLayout *layout,
                                          gint64              id,
                                          AbmOrgMove          move);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmOrgLayout, abm_org_layout_free)

G_END_DECLS
