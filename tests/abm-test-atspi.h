/* abm-test-atspi.h: the application as assistive technology reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <atspi/atspi-constants.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* One accessible object as AT-SPI presents it. */
typedef struct _AbmTestAtspiNode AbmTestAtspiNode;

struct _AbmTestAtspiNode
{
  AbmTestAtspiNode *parent;
  GPtrArray        *children;     /* of AbmTestAtspiNode, owned, in order */
  char             *path;
  char             *parent_path;
  int               index;        /* in the parent, -1 for menus and popovers */
  int               n_children;
  AtspiRole         role;
  char             *name;         /* the accessible name, as a screen reader says it */
  char             *description;  /* for widgets, their tooltip */
  guint64           states;       /* bits of AtspiStateType */
};

/* A private session bus, and on it an AT-SPI bus that GTK will talk to,
 * as a desktop session has: call before GTK is initialised. FALSE, with
 * @error saying why, when the buses cannot be had here. */
gboolean          abm_test_atspi_start     (GError          **error);
/* Stops the buses (and, through them, the AT-SPI daemons). */
void              abm_test_atspi_stop      (void);
/* The tree of this process's application as AT-SPI shows it now: its
 * children are its shown windows. NULL, with @error, when the application
 * does not answer. */
AbmTestAtspiNode *abm_test_atspi_walk      (GError          **error);
void              abm_test_atspi_node_free (AbmTestAtspiNode *node);
gboolean          abm_test_atspi_node_has_state (const AbmTestAtspiNode *node,
                                                 AtspiStateType          state);
/* Shown on screen, as AT-SPI says (VISIBLE and SHOWING, as this GTK sets
 * them). */
gboolean          abm_test_atspi_node_is_showing (const AbmTestAtspiNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmTestAtspiNode, abm_test_atspi_node_free)

G_END_DECLS
