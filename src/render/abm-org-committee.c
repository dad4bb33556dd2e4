/* abm-org-committee.c: a buying committee as the org chart's input
 *
 * The one place that turns stakeholders into AbmOrgPerson, for the
 * Committee page, the CLI and the PDF brief alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "abm-org-committee.h"

AbmOrgCommittee *
abm_org_committee_new (GListModel *people,
                       GArray     *links)
{
  AbmOrgCommittee *c = g_new0 (AbmOrgCommittee, 1);

  g_return_val_if_fail (G_IS_LIST_MODEL (people), c);

  c->n_people = g_list_model_get_n_items (people);
  c->people = g_new0 (AbmOrgPerson, c->n_people + 1);
  c->keep = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < c->n_people; i++)
    {
      AbmStakeholder *s = g_list_model_get_item (people, i);
      AbmOrgPerson *p = &c->people[i];
      AbmRole role = abm_stakeholder_get_main_role (s);
      guint n_roles = 0;

      for (guint r = 0; r < ABM_N_ROLES; r++)
        n_roles += abm_stakeholder_has_role (s, r);
      g_ptr_array_add (c->keep, s);
      p->id = abm_stakeholder_get_id (s);
      p->manager_id = MAX (abm_stakeholder_get_manager_id (s), 0);
      p->dotted_manager_id = abm_stakeholder_get_dotted_manager_id (s);
      p->name = abm_stakeholder_get_name (s);
      p->title = abm_stakeholder_get_text (s, ABM_STAKEHOLDER_FIELD_TITLE);
      p->role_label = role < ABM_N_ROLES ? abm_role_label (role) : NULL;
      p->role_color = role < ABM_N_ROLES ? (guint) role : 0;
      p->n_other_roles = n_roles > 0 ? n_roles - 1 : 0;
      /* The render and core sentiments share their order. */
      p->sentiment = (AbmOrgSentiment) abm_stakeholder_get_sentiment (s);
      p->influence = abm_stakeholder_get_influence (s);
      p->days_since_contact = abm_stakeholder_days_since_contact (s, NULL);
    }

  c->n_links = links ? links->len : 0;
  c->links = g_new0 (AbmOrgLink, c->n_links + 1);
  for (guint i = 0; i < c->n_links; i++)
    {
      AbmStakeholderLink *l = &g_array_index (links, AbmStakeholderLink, i);

      c->links[i].from = l->from_id;
      c->links[i].to = l->to_id;
      c->links[i].kind = l->kind == ABM_LINK_CONFLICTS ? ABM_ORG_LINK_CONFLICTS : ABM_ORG_LINK_INFLUENCES;
    }
  return c;
}

void
abm_org_committee_free (AbmOrgCommittee *committee)
{
  if (committee == NULL)
    return;
  g_free (committee->people);
  g_free (committee->links);
  g_ptr_array_unref (committee->keep);
  g_free (committee);
}

gboolean
abm_org_committee_export (AbmWorkspace     *workspace,
                          AbmAccount       *account,
                          GFile            *file,
                          AbmRenderFormat   format,
                          GError          **error)
{
  g_autoptr(AbmOrgCommittee) committee = NULL;
  g_autoptr(AbmOrgLayout) layout = NULL;
  g_autofree char *title = NULL;
  GListModel *people;

  g_return_val_if_fail (ABM_IS_WORKSPACE (workspace), FALSE);
  g_return_val_if_fail (ABM_IS_ACCOUNT (account), FALSE);

  people = abm_workspace_get_committee (workspace, account, error);
  if (people == NULL)
    return FALSE;
  committee = abm_org_committee_new (people, abm_workspace_get_committee_links (workspace, account));
  layout = abm_org_layout_new (committee->people, committee->n_people, error);
  if (layout == NULL)
    return FALSE;
  /* Translators: the title of an exported org chart, "Buying Committee: Northwind Bank" */
  title = g_strdup_printf (_("Buying Committee: %s"), abm_account_get_name (account));
  return abm_org_chart_export (layout, committee->people, committee->n_people, committee->links,
                               committee->n_links, FALSE, file, format, title, NULL, error);
}
