/* abm-org-committee.h: a buying committee as the org chart's input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "abm-org-chart.h"
#include "abm-workspace.h"

G_BEGIN_DECLS

typedef struct {
  AbmOrgPerson *people;
  guint         n_people;
  AbmOrgLink   *links;
  guint         n_links;
  GPtrArray    *keep;      /* the stakeholders whose strings the people point to */
} AbmOrgCommittee;

/* From an account's committee (AbmStakeholder in list order) and its
 * links; days since contact are counted to today. */
AbmOrgCommittee *abm_org_committee_new  (GListModel      *people,
                                         GArray          *links);
void             abm_org_committee_free (AbmOrgCommittee *committee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AbmOrgCommittee, abm_org_committee_free)

/* Lays out and writes the chart of an account's committee to @file
 * (PNG, SVG or PDF by its name, or @format). */
gboolean         abm_org_committee_export (AbmWorkspace  *workspace,
                                           AbmAccount    *account,
                                           GFile         *file,
                                           AbmRenderFormat format,
                                           GError       **error);

G_END_DECLS
