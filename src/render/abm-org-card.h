/* abm-org-card.h: one person's card on the org chart, and what the chart
 * around the cards draws with: palettes, text and shapes (render only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "abm-org-chart.h"

G_BEGIN_DECLS

/* How far a card's selection and focus rings reach beyond its box. */
#define ABM_ORG_CARD_OUTSET  5.0

typedef struct {
  double r, g, b;
} AbmOrgRgb;

typedef struct {
  AbmOrgRgb  background;
  AbmOrgRgb  card;
  AbmOrgRgb  border;
  double     shadow_alpha;
  AbmOrgRgb  text;
  AbmOrgRgb  dim;
  AbmOrgRgb  line;           /* reporting lines, opaque so that they can overlap */
  AbmOrgRgb  accent;
  AbmOrgRgb  influence;
  AbmOrgRgb  conflict;
  AbmOrgRgb  stale;
  AbmOrgRgb  sentiment[ABM_SENTIMENT_CHAMPION + 1];
} AbmOrgPalette;

typedef enum {
  ABM_ORG_FONT_NAME,
  ABM_ORG_FONT_TITLE,
  ABM_ORG_FONT_SMALL,
  ABM_ORG_FONT_SMALL_BOLD,
  ABM_ORG_N_FONTS
} AbmOrgFont;

/* The text of one drawing. Most strings recur from card to card (roles,
 * sentiments, "Influence", days), so each is shaped once and its layout
 * kept for the drawing, by font, width and string. */
typedef struct {
  PangoContext         *context;
  PangoFontDescription *fonts[ABM_ORG_N_FONTS];
  GHashTable           *layouts;
} AbmOrgText;

const AbmOrgPalette *abm_org_palette_get       (gboolean             dark);
void          abm_org_set_rgb                  (cairo_t             *cr,
                                                const AbmOrgRgb     *color);
void          abm_org_set_rgba                 (cairo_t             *cr,
                                                const AbmOrgRgb     *color,
                                                double               alpha);

/* @cr NULL: to measure, without a surface. */
void          abm_org_text_init                (AbmOrgText          *text,
                                                cairo_t             *cr,
                                                const char          *family);
void          abm_org_text_clear               (AbmOrgText          *text);
PangoLayout  *abm_org_text_get                 (AbmOrgText          *text,
                                                AbmOrgFont           font,
                                                const char          *string,
                                                double               max_width);
double        abm_org_text_width               (AbmOrgText          *text,
                                                AbmOrgFont           font,
                                                const char          *string);
void          abm_org_text_show_centred        (cairo_t             *cr,
                                                PangoLayout         *layout,
                                                double               x,
                                                double               mid);

void          abm_org_rounded_rectangle        (cairo_t             *cr,
                                                double               x,
                                                double               y,
                                                double               width,
                                                double               height,
                                                double               radius);
void          abm_org_circle                   (cairo_t             *cr,
                                                double               cx,
                                                double               cy,
                                                double               radius);

/* @sketch: quiet bars for the text, where it would be too small to read. */
void          abm_org_card_draw                (cairo_t                 *cr,
                                                AbmOrgText              *text,
                                                const AbmOrgPerson      *person,
                                                const cairo_rectangle_t *box,
                                                const AbmOrgChartStyle  *style,
                                                gboolean                 sketch);

G_END_DECLS
