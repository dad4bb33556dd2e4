/* abm-org-card.c: one person's card on the org chart
 *
 * A card shows the person's name and title, their main role as a pill in
 * the role's colour with its name, their sentiment as a shape and a word,
 * their influence as dots, and the days since the last contact, stressed
 * once stale: nothing is told by colour alone. Text is set with Pango and
 * ellipsized to the card, never clipped.
 *
 * Also here: the palettes, the text of a drawing, and the shapes that the
 * chart around the cards shares with them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "abm-org-card.h"

#define CARD_W        ABM_ORG_LAYOUT_CARD_WIDTH
#define CARD_H        ABM_ORG_LAYOUT_CARD_HEIGHT
#define RADIUS        8.0
#define STRIPE        4.0
#define PAD_LEFT      16.0
#define PAD_RIGHT     12.0
#define NAME_SIZE     14.0
#define TITLE_SIZE    12.0
#define SMALL_SIZE    11.0
/* The rows of a card, by the top of their text or the centre of a row. */
#define NAME_TOP      11.0
#define TITLE_TOP     31.0
#define PILL_TOP      53.0
#define PILL_HEIGHT   20.0
#define PILL_PAD      8.0
#define FOOTER_MID    88.0
#define ICON_SIZE     10.0
#define ICON_GAP      4.0
#define ITEM_GAP      8.0
#define DOT_SIZE      6.0
#define DOT_STEP      9.0
#define KAPPA         0.5522847498   /* a quarter abm_org_circle's control points */
#define SELECTED_WIDTH 2.0
#define FOCUS_GAP      3.0

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* In the order of AbmRole in the core. Each holds white bold text at 4.5:1
 * or better, on a light card and a dark one alike. */
static const AbmOrgRgb role_colors[ABM_ORG_CHART_N_ROLE_COLORS] = {
  RGB (0x613583),   /* decision maker, economic buyer: purple */
  RGB (0x1a5fb4),   /* budget holder: blue */
  RGB (0x2a7d46),   /* champion: green */
  RGB (0x1b7f8c),   /* technical evaluator: teal */
  RGB (0x8a6b00),   /* end user: mustard */
  RGB (0xc64600),   /* influencer: orange */
  RGB (0xc01c28),   /* blocker: red */
  RGB (0x9c2b6a),   /* executive sponsor: magenta */
  RGB (0x865e3c),   /* procurement: brown */
  RGB (0x3d5a80),   /* legal: slate */
  RGB (0x5e5c64),   /* other: grey */
};

/* Adwaita's window and card colours; text colours hold 4.5:1 on the card. */
static const AbmOrgPalette light = {
  .background = RGB (0xfafafa),
  .card = RGB (0xffffff),
  .border = RGB (0xdeddda),
  .shadow_alpha = 0.06,
  .text = RGB (0x241f31),
  .dim = RGB (0x5e5c64),
  .line = RGB (0xb0afac),
  .accent = RGB (0x1c71d8),
  .influence = RGB (0x1a5fb4),
  .conflict = RGB (0xe01b24),
  .stale = RGB (0xc64600),
  .sentiment = {
    RGB (0x77767b),   /* unknown */
    RGB (0xc01c28),   /* blocker */
    RGB (0xc64600),   /* negative */
    RGB (0x5e5c64),   /* neutral */
    RGB (0x1b7a43),   /* positive */
    RGB (0x1b7a43),   /* champion */
  },
};

static const AbmOrgPalette dark = {
  .background = RGB (0x242424),
  .card = RGB (0x383838),
  .border = RGB (0x4a4a4a),
  .shadow_alpha = 0.25,
  .text = RGB (0xffffff),
  .dim = RGB (0xc0bfbc),
  .line = RGB (0x6e6d71),
  .accent = RGB (0x78aeed),
  .influence = RGB (0x99c1f1),
  .conflict = RGB (0xff7b63),
  .stale = RGB (0xffa348),
  .sentiment = {
    RGB (0x9a9996),
    RGB (0xff7b63),
    RGB (0xffa348),
    RGB (0xc0bfbc),
    RGB (0x57e389),
    RGB (0x57e389),
  },
};

const AbmOrgPalette *
abm_org_palette_get (gboolean dark_style)
{
  return dark_style ? &dark : &light;
}

static const char * const sentiment_labels[] = {
  /* Translators: a person's sentiment towards the deal, on an org chart card */
  N_("Unknown"),
  N_("Blocker"),
  N_("Negative"),
  N_("Neutral"),
  N_("Positive"),
  N_("Champion"),
};

void
abm_org_set_rgb (cairo_t         *cr,
                 const AbmOrgRgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

void
abm_org_set_rgba (cairo_t         *cr,
                  const AbmOrgRgb *c,
                  double           alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

/* Text */

static PangoContext *
create_context (cairo_t *cr)
{
  if (cr != NULL)
    return pango_cairo_create_context (cr);
  /* To measure without a surface, as for the size of a drawing. */
  return pango_font_map_create_context (pango_cairo_font_map_get_default ());
}

void
abm_org_text_init (AbmOrgText *text,
                   cairo_t    *cr,
                   const char *family)
{
  static const struct {
    double      size;
    PangoWeight weight;
  } fonts[ABM_ORG_N_FONTS] = {
    [ABM_ORG_FONT_NAME] = { NAME_SIZE, PANGO_WEIGHT_BOLD },
    [ABM_ORG_FONT_TITLE] = { TITLE_SIZE, PANGO_WEIGHT_NORMAL },
    [ABM_ORG_FONT_SMALL] = { SMALL_SIZE, PANGO_WEIGHT_NORMAL },
    [ABM_ORG_FONT_SMALL_BOLD] = { SMALL_SIZE, PANGO_WEIGHT_BOLD },
  };

  text->context = create_context (cr);
  text->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < ABM_ORG_N_FONTS; i++)
    {
      text->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (text->fonts[i], family != NULL ? family : "Sans");
      pango_font_description_set_weight (text->fonts[i], fonts[i].weight);
      pango_font_description_set_absolute_size (text->fonts[i], fonts[i].size * PANGO_SCALE);
    }
}

void
abm_org_text_clear (AbmOrgText *text)
{
  for (guint i = 0; i < ABM_ORG_N_FONTS; i++)
    g_clear_pointer (&text->fonts[i], pango_font_description_free);
  g_clear_pointer (&text->layouts, g_hash_table_unref);
  g_clear_object (&text->context);
}

/* @string in @font, ellipsized to @max_width (< 0: as wide as it is). */
PangoLayout *
abm_org_text_get (AbmOrgText *text,
                  AbmOrgFont  font,
                  const char *string,
                  double      max_width)
{
  int width = max_width >= 0 ? (int) (MAX (max_width, 1) * PANGO_SCALE) : -1;
  char *key = g_strdup_printf ("%d %d %s", font, width, string);
  PangoLayout *layout = g_hash_table_lookup (text->layouts, key);

  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }
  layout = pango_layout_new (text->context);
  pango_layout_set_font_description (layout, text->fonts[font]);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width);
  pango_layout_set_text (layout, string, -1);
  g_hash_table_insert (text->layouts, key, layout);
  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
abm_org_text_width (AbmOrgText *text,
                    AbmOrgFont  font,
                    const char *string)
{
  return layout_width (abm_org_text_get (text, font, string, -1));
}

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* Else the next shape would start with a line from here. */
  cairo_new_path (cr);
}

/* Shows @layout with its line centred on @mid. */
void
abm_org_text_show_centred (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       mid)
{
  show_at (cr, layout, x, mid - layout_height (layout) / 2);
}

/* Words */

const char *
abm_org_chart_sentiment_label (AbmOrgSentiment sentiment)
{
  g_return_val_if_fail (sentiment <= ABM_SENTIMENT_CHAMPION, NULL);

  return _(sentiment_labels[sentiment]);
}

char *
abm_org_chart_freshness_text (int days_since_contact)
{
  if (days_since_contact < 0)
    /* Translators: on an org chart card, when a person was last contacted */
    return g_strdup (_("never"));
  if (days_since_contact == 0)
    /* Translators: on an org chart card, when a person was last contacted */
    return g_strdup (_("today"));
  /* Translators: days since a person was last contacted, short, "12 d ago" */
  return g_strdup_printf (_("%d d ago"), days_since_contact);
}

static char *
role_text (const AbmOrgPerson *person)
{
  const char *role = person->role_label != NULL && *person->role_label != '\0'
                     ? person->role_label : _("No role");

  if (person->n_other_roles == 0)
    return g_strdup (role);
  /* Translators: a person's main role and how many more they hold, "Champion +2" */
  return g_strdup_printf (_("%s +%u"), role, person->n_other_roles);
}

static gboolean
is_stale (const AbmOrgPerson *person)
{
  return person->days_since_contact > ABM_ORG_CHART_STALE_DAYS;
}

static const char *
display_name (const AbmOrgPerson *person)
{
  return person->name != NULL && *person->name != '\0' ? person->name : _("Unnamed person");
}

/* What a card shows, in sentences, for assistive technology and tooltips. */
char *
abm_org_chart_describe_person (const AbmOrgPerson *person)
{
  GString *text = g_string_new (display_name (person));

  g_return_val_if_fail (person != NULL, NULL);

  if (person->title != NULL && *person->title != '\0')
    /* Translators: a person's name and job title, read aloud */
    g_string_append_printf (text, _(", %s"), person->title);
  g_string_append (text, ". ");

  if (person->role_label != NULL && *person->role_label != '\0')
    {
      if (person->n_other_roles > 0)
        g_string_append_printf (text,
                                /* Translators: "Champion and 2 more roles." */
                                g_dngettext (GETTEXT_PACKAGE, "%s and %u more role.", "%s and %u more roles.",
                                             person->n_other_roles),
                                person->role_label, person->n_other_roles);
      else
        /* Translators: a person's committee role, read aloud */
        g_string_append_printf (text, _("%s."), person->role_label);
    }
  else
    g_string_append (text, _("No committee role."));
  g_string_append_c (text, ' ');

  if (person->sentiment == ABM_SENTIMENT_UNKNOWN)
    g_string_append (text, _("Sentiment unknown."));
  else
    /* Translators: a person's sentiment, read aloud, "Sentiment: Champion." */
    g_string_append_printf (text, _("Sentiment: %s."), abm_org_chart_sentiment_label (person->sentiment));
  g_string_append_c (text, ' ');

  if (person->influence == 0)
    g_string_append (text, _("Influence unknown."));
  else
    /* Translators: "Influence 4 of 5." */
    g_string_append_printf (text, _("Influence %u of 5."), MIN (person->influence, 5));
  g_string_append_c (text, ' ');

  if (person->days_since_contact < 0)
    g_string_append (text, _("Never contacted."));
  else if (person->days_since_contact == 0)
    g_string_append (text, _("Last contact today."));
  else
    g_string_append_printf (text,
                            is_stale (person)
                            /* Translators: for a relationship gone stale */
                            ? g_dngettext (GETTEXT_PACKAGE, "No contact for %d day.", "No contact for %d days.",
                                           person->days_since_contact)
                            : g_dngettext (GETTEXT_PACKAGE, "Last contact %d day ago.", "Last contact %d days ago.",
                                           person->days_since_contact),
                            person->days_since_contact);
  return g_string_free (text, FALSE);
}

void
abm_org_chart_get_role_color (guint   role_color,
                              double *red,
                              double *green,
                              double *blue)
{
  const AbmOrgRgb *c = &role_colors[role_color % ABM_ORG_CHART_N_ROLE_COLORS];

  *red = c->r;
  *green = c->g;
  *blue = c->b;
}

/* Shapes */

/* Corners as Bézier curves: cairo_arc() works them out with trigonometry,
 * a cost that shows over hundreds of cards. */
void
abm_org_rounded_rectangle (cairo_t *cr,
                           double   x,
                           double   y,
                           double   width,
                           double   height,
                           double   radius)
{
  double r = MIN (radius, MIN (width, height) / 2);
  double k = r * (1 - KAPPA);

  cairo_move_to (cr, x + r, y);
  cairo_line_to (cr, x + width - r, y);
  cairo_curve_to (cr, x + width - k, y, x + width, y + k, x + width, y + r);
  cairo_line_to (cr, x + width, y + height - r);
  cairo_curve_to (cr, x + width, y + height - k, x + width - k, y + height, x + width - r, y + height);
  cairo_line_to (cr, x + r, y + height);
  cairo_curve_to (cr, x + k, y + height, x, y + height - k, x, y + height - r);
  cairo_line_to (cr, x, y + r);
  cairo_curve_to (cr, x, y + k, x + k, y, x + r, y);
  cairo_close_path (cr);
}

void
abm_org_circle (cairo_t *cr,
                double   cx,
                double   cy,
                double   r)
{
  abm_org_rounded_rectangle (cr, cx - r, cy - r, 2 * r, 2 * r, r);
}

static void
triangle (cairo_t *cr,
          double   cx,
          double   cy,
          double   half,
          int      up)
{
  cairo_move_to (cr, cx - half, cy - up * half * 0.8);
  cairo_line_to (cr, cx + half, cy - up * half * 0.8);
  cairo_line_to (cr, cx, cy + up * half * 0.9);
  cairo_close_path (cr);
}

/* A shape per sentiment, so that it reads without its colour: a star for
 * a champion, up and down for positive and negative, level for neutral,
 * a no-entry sign for a blocker, an empty ring when unknown. */
static void
draw_sentiment_icon (cairo_t             *cr,
                     AbmOrgSentiment      sentiment,
                     const AbmOrgPalette *palette,
                     double               cx,
                     double               cy)
{
  double r = ICON_SIZE / 2;

  abm_org_set_rgb (cr, &palette->sentiment[sentiment]);
  switch (sentiment)
    {
    case ABM_SENTIMENT_CHAMPION:
      for (guint i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double radius = i % 2 == 0 ? r * 1.1 : r * 0.45;

          cairo_line_to (cr, cx + radius * cos (angle), cy + radius * sin (angle));
        }
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case ABM_SENTIMENT_POSITIVE:
      triangle (cr, cx, cy, r, -1);
      cairo_fill (cr);
      break;
    case ABM_SENTIMENT_NEGATIVE:
      triangle (cr, cx, cy, r, 1);
      cairo_fill (cr);
      break;
    case ABM_SENTIMENT_NEUTRAL:
      abm_org_rounded_rectangle (cr, cx - r, cy - 1.25, 2 * r, 2.5, 1.25);
      cairo_fill (cr);
      break;
    case ABM_SENTIMENT_BLOCKER:
      abm_org_circle (cr, cx, cy, r);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, cx - r * 0.6, cy - 1, r * 1.2, 2);
      cairo_fill (cr);
      break;
    case ABM_SENTIMENT_UNKNOWN:
    default:
      cairo_set_line_width (cr, 1.2);
      abm_org_circle (cr, cx, cy, r - 0.6);
      cairo_stroke (cr);
      break;
    }
}

static void
draw_clock (cairo_t *cr,
            double   cx,
            double   cy)
{
  double r = ICON_SIZE / 2 - 0.6;

  cairo_set_line_width (cr, 1.2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  abm_org_circle (cr, cx, cy, r);
  cairo_move_to (cr, cx, cy - r * 0.6);
  cairo_line_to (cr, cx, cy);
  cairo_line_to (cr, cx + r * 0.5, cy + r * 0.3);
  cairo_stroke (cr);
}

/* Cards */

static void
card_path (cairo_t                 *cr,
           const cairo_rectangle_t *box,
           double                   grow)
{
  abm_org_rounded_rectangle (cr, box->x - grow, box->y - grow, box->width + 2 * grow, box->height + 2 * grow,
                     RADIUS + grow);
}

static void
draw_card_frame (cairo_t                 *cr,
                 const AbmOrgPerson      *person,
                 const cairo_rectangle_t *box,
                 const AbmOrgChartStyle  *style,
                 const AbmOrgPalette     *palette)
{
  const AbmOrgRgb *role = &role_colors[person->role_color % ABM_ORG_CHART_N_ROLE_COLORS];
  gboolean selected = style->selected_id != 0 && style->selected_id == person->id;
  gboolean target = style->drop_target_id != 0 && style->drop_target_id == person->id;

  /* A soft shadow in two steps, lighter than the border. */
  for (guint i = 1; i <= 2; i++)
    {
      cairo_rectangle_t shadow = { box->x, box->y + i, box->width, box->height };

      abm_org_set_rgba (cr, &(AbmOrgRgb) { 0, 0, 0 }, palette->shadow_alpha / i);
      card_path (cr, &shadow, i * 0.5);
      cairo_fill (cr);
    }

  abm_org_set_rgb (cr, &palette->card);
  card_path (cr, box, 0);
  cairo_fill_preserve (cr);
  if (target)
    {
      abm_org_set_rgba (cr, &palette->accent, 0.12);
      cairo_fill_preserve (cr);
    }

  /* The role's colour down the left edge, inside the rounded corners. */
  cairo_save (cr);
  cairo_clip (cr);
  if (person->role_label != NULL && *person->role_label != '\0')
    {
      abm_org_set_rgb (cr, role);
      cairo_rectangle (cr, box->x, box->y, STRIPE, box->height);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  if (selected || target)
    {
      double inset = SELECTED_WIDTH / 2;

      abm_org_set_rgb (cr, &palette->accent);
      cairo_set_line_width (cr, SELECTED_WIDTH);
      if (target)
        cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
      card_path (cr, box, -inset);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    {
      abm_org_set_rgb (cr, &palette->border);
      cairo_set_line_width (cr, 1);
      card_path (cr, box, -0.5);
      cairo_stroke (cr);
    }

  if (selected && style->focused)
    {
      abm_org_set_rgba (cr, &palette->accent, 0.5);
      cairo_set_line_width (cr, SELECTED_WIDTH);
      card_path (cr, box, FOCUS_GAP);
      cairo_stroke (cr);
    }
}

/* The sentiment's shape and word at the right of the role row; returns
 * where it starts. */
static double
draw_sentiment (cairo_t             *cr,
                AbmOrgText          *text,
                const AbmOrgPerson  *person,
                const AbmOrgPalette *palette,
                double               right,
                double               mid)
{
  AbmOrgSentiment sentiment = MIN (person->sentiment, ABM_SENTIMENT_CHAMPION);
  AbmOrgFont font = sentiment == ABM_SENTIMENT_UNKNOWN ? ABM_ORG_FONT_SMALL : ABM_ORG_FONT_SMALL_BOLD;
  PangoLayout *layout = abm_org_text_get (text, font, abm_org_chart_sentiment_label (sentiment), -1);
  double width = layout_width (layout);
  double left = right - width - ICON_GAP - ICON_SIZE;

  draw_sentiment_icon (cr, sentiment, palette, left + ICON_SIZE / 2, mid);
  abm_org_set_rgb (cr, sentiment == ABM_SENTIMENT_UNKNOWN ? &palette->dim : &palette->sentiment[sentiment]);
  abm_org_text_show_centred (cr, layout, right - width, mid);
  return left;
}

/* The main role as a pill in its colour, with its name in it. */
static void
draw_role_pill (cairo_t             *cr,
                AbmOrgText          *text,
                const AbmOrgPerson  *person,
                const AbmOrgPalette *palette,
                double               x,
                double               max_width)
{
  g_autofree char *label = role_text (person);
  gboolean has_role = person->role_label != NULL && *person->role_label != '\0';
  PangoLayout *layout = abm_org_text_get (text, ABM_ORG_FONT_SMALL_BOLD, label, max_width - 2 * PILL_PAD);
  double width = layout_width (layout) + 2 * PILL_PAD;

  if (has_role)
    {
      abm_org_set_rgb (cr, &role_colors[person->role_color % ABM_ORG_CHART_N_ROLE_COLORS]);
      abm_org_rounded_rectangle (cr, x, PILL_TOP, width, PILL_HEIGHT, PILL_HEIGHT / 2);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
    }
  else
    {
      /* No role is a gap to close: an empty, dashed pill. */
      abm_org_set_rgb (cr, &palette->dim);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, (double[]) { 3, 2 }, 2, 0);
      abm_org_rounded_rectangle (cr, x + 0.5, PILL_TOP + 0.5, width - 1, PILL_HEIGHT - 1, PILL_HEIGHT / 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  abm_org_text_show_centred (cr, layout, x + PILL_PAD, PILL_TOP + PILL_HEIGHT / 2);
}

/* Influence as five dots, filled as far as it goes, with its name in
 * front where there is room; in words when unknown. */
static void
draw_influence (cairo_t             *cr,
                AbmOrgText          *text,
                const AbmOrgPerson  *person,
                const AbmOrgPalette *palette,
                double               x,
                double               max_width)
{
  double dots = 4 * DOT_STEP + DOT_SIZE;
  PangoLayout *layout;

  abm_org_set_rgb (cr, &palette->dim);
  if (person->influence == 0)
    {
      layout = abm_org_text_get (text, ABM_ORG_FONT_SMALL, _("Influence unknown"), max_width);
      abm_org_text_show_centred (cr, layout, x, FOOTER_MID);
      return;
    }

  layout = abm_org_text_get (text, ABM_ORG_FONT_SMALL, _("Influence"), -1);
  if (layout_width (layout) + ICON_GAP + dots <= max_width)
    {
      abm_org_text_show_centred (cr, layout, x, FOOTER_MID);
      x += layout_width (layout) + ICON_GAP + 2;
    }

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < 5; i++)
    {
      double cx = x + DOT_SIZE / 2 + i * DOT_STEP;

      if (i < person->influence)
        {
          abm_org_set_rgb (cr, &palette->text);
          abm_org_circle (cr, cx, FOOTER_MID, DOT_SIZE / 2);
          cairo_fill (cr);
        }
      else
        {
          abm_org_set_rgb (cr, &palette->dim);
          abm_org_circle (cr, cx, FOOTER_MID, DOT_SIZE / 2 - 0.5);
          cairo_stroke (cr);
        }
    }
}

/* The days since the last contact at the right of the footer, bold in a
 * warning colour once stale; returns where it starts. */
static double
draw_freshness (cairo_t             *cr,
                AbmOrgText          *text,
                const AbmOrgPerson  *person,
                const AbmOrgPalette *palette,
                double               right)
{
  g_autofree char *label = abm_org_chart_freshness_text (person->days_since_contact);
  gboolean stale = is_stale (person);
  PangoLayout *layout = abm_org_text_get (text, stale ? ABM_ORG_FONT_SMALL_BOLD : ABM_ORG_FONT_SMALL, label, -1);
  double width = layout_width (layout);
  double left = right - width - ICON_GAP - ICON_SIZE;

  abm_org_set_rgb (cr, stale ? &palette->stale : &palette->dim);
  draw_clock (cr, left + ICON_SIZE / 2, FOOTER_MID);
  abm_org_text_show_centred (cr, layout, right - width, FOOTER_MID);
  return left;
}

static void
draw_card_text (cairo_t             *cr,
                AbmOrgText          *text,
                const AbmOrgPerson  *person,
                const AbmOrgPalette *palette)
{
  double left = PAD_LEFT, right = CARD_W - PAD_RIGHT;
  double width = right - left;
  double sentiment_left, freshness_left;

  abm_org_set_rgb (cr, &palette->text);
  show_at (cr, abm_org_text_get (text, ABM_ORG_FONT_NAME, display_name (person), width), left, NAME_TOP);

  if (person->title != NULL && *person->title != '\0')
    {
      abm_org_set_rgb (cr, &palette->dim);
      show_at (cr, abm_org_text_get (text, ABM_ORG_FONT_TITLE, person->title, width), left, TITLE_TOP);
    }

  sentiment_left = draw_sentiment (cr, text, person, palette, right, PILL_TOP + PILL_HEIGHT / 2);
  draw_role_pill (cr, text, person, palette, left, sentiment_left - ITEM_GAP - left);

  freshness_left = draw_freshness (cr, text, person, palette, right);
  draw_influence (cr, text, person, palette, left, freshness_left - ITEM_GAP - left);
}

/* Where text would not be read: the card's rows as quiet bars. */
static void
draw_card_sketch (cairo_t             *cr,
                  const AbmOrgPerson  *person,
                  const AbmOrgPalette *palette)
{
  abm_org_set_rgba (cr, &palette->text, 0.55);
  abm_org_rounded_rectangle (cr, PAD_LEFT, NAME_TOP + 2, CARD_W * 0.55, 12, 3);
  cairo_fill (cr);
  abm_org_set_rgba (cr, &palette->dim, 0.35);
  abm_org_rounded_rectangle (cr, PAD_LEFT, TITLE_TOP + 2, CARD_W * 0.4, 10, 3);
  cairo_fill (cr);
  if (person->role_label != NULL && *person->role_label != '\0')
    {
      abm_org_set_rgb (cr, &role_colors[person->role_color % ABM_ORG_CHART_N_ROLE_COLORS]);
      abm_org_rounded_rectangle (cr, PAD_LEFT, PILL_TOP, CARD_W * 0.45, PILL_HEIGHT, PILL_HEIGHT / 2);
      cairo_fill (cr);
    }
  draw_sentiment_icon (cr, MIN (person->sentiment, ABM_SENTIMENT_CHAMPION), palette,
                       CARD_W - PAD_RIGHT - ICON_SIZE, PILL_TOP + PILL_HEIGHT / 2);
}

/* The card of @person in @box, as @style has it: selected, a drop
 * target, on a light or dark background. */
void
abm_org_card_draw (cairo_t                 *cr,
                   AbmOrgText              *text,
                   const AbmOrgPerson      *person,
                   const cairo_rectangle_t *box,
                   const AbmOrgChartStyle  *style,
                   gboolean                 sketch)
{
  const AbmOrgPalette *palette = abm_org_palette_get (style->dark);

  draw_card_frame (cr, person, box, style, palette);
  cairo_save (cr);
  cairo_translate (cr, box->x, box->y);
  if (sketch)
    draw_card_sketch (cr, person, palette);
  else
    draw_card_text (cr, text, person, palette);
  cairo_restore (cr);
}

