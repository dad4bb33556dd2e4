/* abm-org-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "abm-org-chart.h"

G_BEGIN_DECLS

#define ABM_TYPE_ORG_CHART_VIEW (abm_org_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (AbmOrgChartView, abm_org_chart_view, ABM, ORG_CHART_VIEW, GtkWidget)

GtkWidget *abm_org_chart_view_new             (void);
gboolean   abm_org_chart_view_set_data        (AbmOrgChartView    *self,
                                               const AbmOrgPerson *people,
                                               guint               n_people,
                                               const AbmOrgLink   *links,
                                               guint               n_links,
                                               GError            **error);
guint      abm_org_chart_view_get_n_people    (AbmOrgChartView    *self);

gint64     abm_org_chart_view_get_selected_id (AbmOrgChartView    *self);
void       abm_org_chart_view_set_selected_id (AbmOrgChartView    *self,
                                               gint64              id);

double     abm_org_chart_view_get_zoom        (AbmOrgChartView    *self);
void       abm_org_chart_view_set_zoom        (AbmOrgChartView    *self,
                                               double              zoom);
gboolean   abm_org_chart_view_get_fit         (AbmOrgChartView    *self);
void       abm_org_chart_view_zoom_in         (AbmOrgChartView    *self);
void       abm_org_chart_view_zoom_out        (AbmOrgChartView    *self);
void       abm_org_chart_view_zoom_reset      (AbmOrgChartView    *self);
void       abm_org_chart_view_zoom_to_fit     (AbmOrgChartView    *self);

/* In widget coordinates: who is at (@x, @y), 0 for nobody; where the card
 * of @id is, FALSE when @id is not on the chart. */
gint64     abm_org_chart_view_person_at       (AbmOrgChartView    *self,
                                               double              x,
                                               double              y);
gboolean   abm_org_chart_view_get_person_area (AbmOrgChartView    *self,
                                               gint64              id,
                                               graphene_rect_t    *area);

gboolean   abm_org_chart_view_export          (AbmOrgChartView    *self,
                                               GFile              *file,
                                               AbmRenderFormat     format,
                                               const char         *title,
                                               GCancellable       *cancellable,
                                               GError            **error);

G_END_DECLS
