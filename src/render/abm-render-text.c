/* abm-render-text.c: numbers as the drawings show them, and what the
 * charts share: their text, series colours and the frame of a value axis
 *
 * The app cannot lend its text helpers to render (the layers point down),
 * so render keeps its own: digits grouped as the views group them, and
 * amounts in the compact form a chart has room for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "abm-render-text.h"
#include "abm-tier-chart.h"

/* "2500000" as "2 500 000": a narrow no-break space groups digits in every
 * locale without being taken for a decimal mark, as in the views. */
static char *
group_digits (const char *digits)
{
  gsize len = strlen (digits);
  GString *grouped = g_string_sized_new (len + len / 3 * 3);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (grouped, "\u202F");
      g_string_append_c (grouped, digits[i]);
    }
  return g_string_free (grouped, FALSE);
}

char *
abm_render_text_count (guint64 count)
{
  char digits[24];

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  return group_digits (digits);
}

/* "2.4M EUR", "850k", "12 EUR"; NULL when the amount is unknown (negative
 * or not a number). One decimal below 100 of a unit, none above, and a
 * value that rounds up to 1000 of a unit moves on to the next one. */
char *
abm_render_text_compact_amount (double      amount,
                                const char *currency)
{
  static const double units[] = { 1, 1e3, 1e6, 1e9, 1e12 };
  g_autofree char *number = NULL;
  guint unit = 0;
  double scaled = amount;
  int decimals = 0;

  if (!isfinite (amount) || amount < 0)
    return NULL;

  if (amount >= 999.5)
    for (unit = 1; unit < G_N_ELEMENTS (units); unit++)
      {
        scaled = amount / units[unit];
        decimals = scaled < 99.95 ? 1 : 0;
        if (unit + 1 == G_N_ELEMENTS (units) || round (scaled) < 1000)
          break;
      }

  if (unit == 0)
    {
      g_autofree char *digits = g_strdup_printf ("%.0f", amount);
      number = group_digits (digits);
    }
  else
    {
      g_autofree char *digits = NULL;
      g_autofree char *value = NULL;

      /* "2.0" reads better as "2"; the very largest keep grouped digits. */
      if (decimals == 1 && fabs (scaled - round (scaled)) < 0.05)
        decimals = 0;
      digits = g_strdup_printf ("%.*f", decimals, scaled);
      value = decimals == 0 ? group_digits (digits) : g_strdup (digits);

      switch (unit)
        {
        case 1:
          /* Translators: an amount in thousands, "850k" */
          number = g_strdup_printf (_("%sk"), value);
          break;
        case 2:
          /* Translators: an amount in millions, "2.4M" */
          number = g_strdup_printf (_("%sM"), value);
          break;
        case 3:
          /* Translators: an amount in billions (thousands of millions), "1.2B" */
          number = g_strdup_printf (_("%sB"), value);
          break;
        default:
          /* Translators: an amount in trillions (millions of millions), "3T" */
          number = g_strdup_printf (_("%sT"), value);
          break;
        }
    }

  if (currency == NULL || *currency == '\0')
    return g_steal_pointer (&number);
  /* Translators: an amount and an ISO currency code, "2.4M EUR" */
  return g_strdup_printf (_("%s %s"), number, currency);
}

/* "62%", "3.4%": whole percentages, with a decimal below 10 where it says
 * something. NULL for a share that is not a number. */
char *
abm_render_text_percent (double share)
{
  double percent = share * 100;
  int decimals = 0;
  g_autofree char *number = NULL;

  if (!isfinite (share))
    return NULL;
  if (fabs (percent) < 9.95 && fabs (percent - round (percent)) >= 0.05)
    decimals = 1;
  number = g_strdup_printf ("%.*f", decimals, fabs (percent) < 0.05 ? 0.0 : percent);
  /* Translators: a percentage, "62%"; write the space your language puts
   * before the sign, if any, as a no-break space */
  return g_strdup_printf (_("%s%%"), number);
}

/* A value as a chart writes it: in full ("2.4M EUR", "34 days") for
 * descriptions and tooltips, or in the short form of an axis ("2.4M",
 * "34"), whose unit the axis's caption names. */
static char *
format_value (double         value,
              AbmRenderUnit  unit,
              const char    *currency,
              gboolean       tick)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    /* Translators: a value a chart cannot show, for lack of data */
    return g_strdup (_("no data"));
  if (value < 0)
    {
      g_autofree char *positive = format_value (-value, unit, currency, tick);

      return g_strconcat ("\u2212", positive, NULL);
    }

  switch (unit)
    {
    case ABM_RENDER_UNIT_SHARE:
      return abm_render_text_percent (value);
    case ABM_RENDER_UNIT_MONEY:
      return abm_render_text_compact_amount (value, tick ? NULL : currency);
    case ABM_RENDER_UNIT_DAYS:
      number = abm_render_text_count ((guint64) llround (value));
      if (tick)
        return g_steal_pointer (&number);
      /* Translators: a duration, "34 days" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days",
                                           (gulong) MIN (llround (value), G_MAXLONG)),
                              number);
    case ABM_RENDER_UNIT_COUNT:
    default:
      return abm_render_text_count ((guint64) llround (value));
    }
}

char *
abm_render_text_value (double         value,
                       AbmRenderUnit  unit,
                       const char    *currency)
{
  return format_value (value, unit, currency, FALSE);
}

char *
abm_render_text_tick (double        value,
                      AbmRenderUnit unit)
{
  return format_value (value, unit, NULL, TRUE);
}

/* The step of an axis from 0 to @range in at most @max_steps: 1, 2, 2.5
 * or 5 times a power of ten, whole where the values are, and of those
 * the one whose last step ends nearest above @range (412k in steps of
 * 250k to 500k rather than of 200k to 600k); on a tie, the finer. */
double
abm_render_text_nice_step (double   range,
                           guint    max_steps,
                           gboolean whole)
{
  static const double multiples[] = { 1, 2, 2.5, 5 };
  double magnitude, best = 0, best_top = G_MAXDOUBLE;

  if (!isfinite (range) || range <= 0)
    return 1;
  max_steps = MAX (max_steps, 1);
  magnitude = pow (10, floor (log10 (range / max_steps)));
  for (guint m = 0; m < 3; m++, magnitude *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
      {
        double step = multiples[i] * magnitude;
        double n = MAX (1.0, ceil (range / step - 1e-9));

        if ((whole && step != floor (step)) || n > max_steps)
          continue;
        if (n * step < best_top * (1 - 1e-9))
          {
            best = step;
            best_top = n * step;
          }
      }
  return best > 0 ? best : 1;
}

void
abm_render_text_append_sentence (GString    *text,
                                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  /* Translators: a sentence of a chart's description, read aloud */
  g_string_append_printf (text, _("%s."), sentence);
}

/* Text in a drawing's font */

#define REFERENCE_WIDTH   360.0
#define REFERENCE_HEIGHT  220.0
#define MIN_SCALE         0.85
#define MAX_SCALE         2.0
#define MESSAGE_SIZE      13.0

/* How large the text of a chart of @width × @height is set: it follows
 * the size, gently, for a page section is not a poster. */
double
abm_render_text_scale (double width,
                       double height)
{
  double u = MIN (width / REFERENCE_WIDTH, height / REFERENCE_HEIGHT);

  if (!(u >= MIN_SCALE))
    return MIN_SCALE;
  if (u < 1)
    return u;
  return MIN (1 + (u - 1) * 0.6, MAX_SCALE);
}

/* Where text is measured without a surface, one a thread, as Pango's
 * default font map is. */
static PangoContext *
measuring_context (void)
{
  static GPrivate key = G_PRIVATE_INIT (g_object_unref);
  PangoContext *context = g_private_get (&key);

  if (context == NULL)
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      g_private_set (&key, context);
    }
  return context;
}

/* One line of @text at @size (user units), ellipsized to @max_width
 * (< 0: as wide as it is). @cr NULL: to measure only, the same with or
 * without a surface. */
PangoLayout *
abm_render_text_layout (cairo_t     *cr,
                        const char  *family,
                        const char  *text,
                        double       size,
                        PangoWeight  weight,
                        double       max_width)
{
  PangoLayout *layout = cr != NULL ? pango_cairo_create_layout (cr) : pango_layout_new (measuring_context ());
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family != NULL ? family : "Sans");
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  if (max_width >= 0)
    {
      pango_layout_set_width (layout, (int) (MAX (max_width, 1.0) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

void
abm_render_text_get_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* The width of @text as measured without a surface. */
double
abm_render_text_width (const char  *family,
                       const char  *text,
                       double       size,
                       PangoWeight  weight)
{
  g_autoptr(PangoLayout) layout = abm_render_text_layout (NULL, family, text, size, weight, -1);
  double width;

  abm_render_text_get_size (layout, &width, NULL);
  return width;
}

double
abm_render_text_line_height (const char  *family,
                             double       size,
                             PangoWeight  weight)
{
  g_autoptr(PangoLayout) probe = abm_render_text_layout (NULL, family, "0", size, weight, -1);
  double height;

  abm_render_text_get_size (probe, NULL, &height);
  return height;
}

void
abm_render_text_show (cairo_t     *cr,
                      PangoLayout *layout,
                      double       x,
                      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* Else the next shape would start with a line from here. */
  cairo_new_path (cr);
}

/* The foreground of the style at the strength of @ink: Adwaita's text is
 * black at 80% on light and white on dark. */
void
abm_render_set_ink (cairo_t      *cr,
                    gboolean      dark,
                    AbmRenderInk  ink)
{
  static const double alpha[][2] = {
    [ABM_RENDER_INK_TEXT] = { 0.8, 1.0 },
    [ABM_RENDER_INK_DIM] = { 0.6, 0.7 },
    [ABM_RENDER_INK_AXIS] = { 0.35, 0.45 },
    [ABM_RENDER_INK_GRID] = { 0.1, 0.14 },
  };
  double v = dark ? 1.0 : 0.0;

  cairo_set_source_rgba (cr, v, v, v, alpha[ink][dark ? 1 : 0]);
}

/* @text centred in @area, on as many lines as it needs and there are:
 * what an empty chart says instead of a bare axis. */
void
abm_render_text_show_message (cairo_t                 *cr,
                              const char              *family,
                              gboolean                 dark,
                              const char              *text,
                              double                   scale,
                              const cairo_rectangle_t *area)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (text == NULL || *text == '\0' || area->width < 1 || area->height < 1)
    return;
  layout = abm_render_text_layout (cr, family, text, MESSAGE_SIZE * scale, PANGO_WEIGHT_NORMAL, area->width);
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, (int) (area->height * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  abm_render_text_get_size (layout, NULL, &height);
  if (height > area->height)
    return;
  abm_render_set_ink (cr, dark, ABM_RENDER_INK_DIM);
  abm_render_text_show (cr, layout, area->x, area->y + (area->height - height) / 2);
}

/* Series of values */

typedef struct {
  double r, g, b;
} Rgb;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* GNOME palette: 4 and 5 on light, 2 and 3 on dark, where they hold
 * against the background and beside the tiers' purple, blue and teal. */
static const Rgb series_colors[][2] = {
  [ABM_RENDER_COLOR_ACCENT] = { RGB (0x1a5fb4), RGB (0x62a0ea) },
  [ABM_RENDER_COLOR_NEUTRAL] = { RGB (0x77767b), RGB (0x9a9996) },
  [ABM_RENDER_COLOR_WARM] = { RGB (0xc64600), RGB (0xffa348) },
  [ABM_RENDER_COLOR_GREEN] = { RGB (0x26a269), RGB (0x57e389) },
};

static const AbmRenderColor by_position[] = {
  ABM_RENDER_COLOR_ACCENT,
  ABM_RENDER_COLOR_NEUTRAL,
  ABM_RENDER_COLOR_WARM,
  ABM_RENDER_COLOR_GREEN,
};

/* The colour of a series: @color, or for AUTO the one for the series'
 * @position (from 0) in its chart. */
void
abm_render_series_color (AbmRenderColor  color,
                         guint           position,
                         gboolean        dark,
                         double         *red,
                         double         *green,
                         double         *blue)
{
  const Rgb *c;

  if (color == ABM_RENDER_COLOR_AUTO)
    color = by_position[position % G_N_ELEMENTS (by_position)];
  switch (color)
    {
    case ABM_RENDER_COLOR_TIER_1:
    case ABM_RENDER_COLOR_TIER_2:
    case ABM_RENDER_COLOR_TIER_3:
      abm_tier_chart_get_color (color - ABM_RENDER_COLOR_TIER_1 + 1, dark, red, green, blue);
      return;
    case ABM_RENDER_COLOR_ACCENT:
    case ABM_RENDER_COLOR_NEUTRAL:
    case ABM_RENDER_COLOR_WARM:
    case ABM_RENDER_COLOR_GREEN:
      c = &series_colors[color][dark ? 1 : 0];
      break;
    case ABM_RENDER_COLOR_AUTO:
    default:
      c = &series_colors[ABM_RENDER_COLOR_ACCENT][dark ? 1 : 0];
      break;
    }
  *red = c->r;
  *green = c->g;
  *blue = c->b;
}

/* The value at @index, NAN for none. */
double
abm_render_series_value (const AbmRenderSeries *series,
                         guint                  index)
{
  return series->values != NULL ? series->values[index] : NAN;
}

gboolean
abm_render_series_has_value (const AbmRenderSeries *series,
                             guint                  index)
{
  return isfinite (abm_render_series_value (series, index));
}

/* The value at @index in full: "42%", "2.4M EUR", "no data". */
char *
abm_render_series_format (const AbmRenderSeries *series,
                          guint                  index,
                          AbmRenderUnit          unit,
                          const char            *currency)
{
  return abm_render_text_value (abm_render_series_value (series, index), unit, currency);
}

/* The frame of a chart of series over a value axis */

#define PADDING           4.0
#define TITLE_SIZE        12.0
#define LEGEND_SIZE       12.0
#define TICK_SIZE         11.0
#define LABEL_SIZE        12.0
#define HEADER_GAP        10.0
#define LEGEND_ROW_GAP    2.0
#define SWATCH_GAP        6.0
#define ENTRY_GAP         16.0
#define TICK_GAP          8.0
#define LABEL_GAP         6.0
#define TICK_SPACING      2.0    /* tick labels' heights from one grid line to the next */
#define MAX_STEPS         8
#define MIN_PLOT          16.0

static guint
series_count (const AbmRenderFrame *frame)
{
  return frame->n_values > 0 ? MIN (frame->n_series, ABM_RENDER_FRAME_MAX_SERIES) : 0;
}

/* Nothing to draw: no values, or nothing but zeros and gaps. */
static gboolean
frame_is_empty (const AbmRenderFrame *frame)
{
  for (guint s = 0; s < series_count (frame); s++)
    for (guint i = 0; i < frame->n_values; i++)
      {
        if (abm_render_series_has_value (&frame->series[s], i)
            && abm_render_series_value (&frame->series[s], i) != 0)
          return FALSE;
      }
  return TRUE;
}

/* The title, or the label of a single series. */
const char *
abm_render_frame_get_title (const AbmRenderFrame *frame)
{
  if (frame->title != NULL || series_count (frame) != 1)
    return frame->title;
  return frame->series[0].label;
}

static const char *
empty_text (const AbmRenderFrame *frame)
{
  return frame->empty_text != NULL ? frame->empty_text : _("No data");
}

/* Starts a description with the title, and for an empty chart says so:
 * FALSE when there is nothing more to say. */
gboolean
abm_render_frame_describe (const AbmRenderFrame *frame,
                           GString              *text)
{
  const char *title = abm_render_frame_get_title (frame);

  if (title != NULL)
    abm_render_text_append_sentence (text, title);
  if (!frame_is_empty (frame))
    return TRUE;
  abm_render_text_append_sentence (text, empty_text (frame));
  return FALSE;
}

/* The title and the unit of the values: "Deal size · EUR", "days". */
static char *
frame_caption (const AbmRenderFrame *frame)
{
  const char *title = abm_render_frame_get_title (frame);
  const char *unit = NULL;
  gboolean titled = title != NULL && *title != '\0';

  if (frame->unit == ABM_RENDER_UNIT_MONEY && frame->currency != NULL && *frame->currency != '\0')
    unit = frame->currency;
  else if (frame->unit == ABM_RENDER_UNIT_DAYS)
    /* Translators: the unit of a chart's values, after its title */
    unit = _("days");

  if (titled && unit != NULL)
    /* Translators: a chart's title and the unit of its values, "Deal size · EUR" */
    return g_strdup_printf (_("%s · %s"), title, unit);
  return g_strdup (titled ? title : unit);
}

static guint
legend_count (const AbmRenderFrame *frame)
{
  guint n = series_count (frame);

  return n >= 2 ? n : 0;
}

static const char *
legend_label (const AbmRenderFrame *frame,
              guint                 series)
{
  return frame->series[series].label != NULL ? frame->series[series].label : "";
}

/* The caption at the top left and the legend at the right of the same
 * row where both fit, else the legend in rows of its own under the
 * caption, each row flush right. Returns the height taken. */
static double
place_header (AbmRenderFrame *frame)
{
  g_autofree char *caption = frame_caption (frame);
  double s = frame->scale;
  double caption_height = 0, caption_width = 0, swatch = frame->swatch_width * s;
  double entries[ABM_RENDER_FRAME_MAX_SERIES], total = 0, y;
  guint n = legend_count (frame), first = 0;

  if (caption != NULL)
    {
      caption_height = abm_render_text_line_height (frame->font_family, TITLE_SIZE * s, PANGO_WEIGHT_BOLD);
      caption_width = abm_render_text_width (frame->font_family, caption, TITLE_SIZE * s, PANGO_WEIGHT_BOLD);
    }
  frame->caption_width = frame->width;
  if (n == 0)
    return caption_height;

  frame->legend_line = abm_render_text_line_height (frame->font_family, LEGEND_SIZE * s, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < n; i++)
    {
      double label = abm_render_text_width (frame->font_family, legend_label (frame, i), LEGEND_SIZE * s,
                                            PANGO_WEIGHT_NORMAL);

      frame->legend_label_width[i] = MAX (0.0, MIN (label, frame->width - swatch - SWATCH_GAP * s));
      entries[i] = swatch + SWATCH_GAP * s + frame->legend_label_width[i];
      total += entries[i] + (i > 0 ? ENTRY_GAP * s : 0);
    }

  if (total <= frame->width - (caption != NULL ? caption_width + ENTRY_GAP * s : 0))
    {
      double row = MAX (caption_height, frame->legend_line);
      double x = frame->left + frame->width - total;

      frame->caption_width = MAX (0.0, frame->width - total - ENTRY_GAP * s);
      for (guint i = 0; i < n; i++)
        {
          frame->legend_x[i] = x;
          frame->legend_y[i] = frame->top + (row - frame->legend_line) / 2;
          x += entries[i] + ENTRY_GAP * s;
        }
      return row;
    }

  /* Rows of entries, as many as fit in each. */
  y = frame->top + (caption != NULL ? caption_height + LEGEND_ROW_GAP * s : 0);
  while (first < n)
    {
      guint last = first;
      double row = entries[first], x;

      while (last + 1 < n && row + ENTRY_GAP * s + entries[last + 1] <= frame->width)
        row += ENTRY_GAP * s + entries[++last];
      x = frame->left + MAX (0.0, frame->width - row);
      for (guint i = first; i <= last; i++)
        {
          frame->legend_x[i] = x;
          frame->legend_y[i] = y;
          x += entries[i] + ENTRY_GAP * s;
        }
      y += frame->legend_line;
      first = last + 1;
    }
  return y - frame->top;
}

/* From 0 to a round number at or above the highest value (or the fixed
 * top), in as many steps as have room. */
static void
place_scale (AbmRenderFrame *frame,
             double          tick_height)
{
  gboolean whole = frame->unit == ABM_RENDER_UNIT_COUNT || frame->unit == ABM_RENDER_UNIT_DAYS;
  guint max_steps = (guint) CLAMP (floor (frame->plot_height / (tick_height * TICK_SPACING)), 1, MAX_STEPS);
  double top = frame->fixed_top;

  if (top <= 0)
    for (guint s = 0; s < series_count (frame); s++)
      for (guint i = 0; i < frame->n_values; i++)
        {
          double value = abm_render_series_value (&frame->series[s], i);

          if (isfinite (value))
            top = MAX (top, value);
        }
  if (!isfinite (top) || top <= 0)
    top = 1;
  frame->step = abm_render_text_nice_step (top, max_steps, whole);
  frame->n_steps = (guint) MAX (1.0, ceil (top / frame->step - 1e-9));
  frame->scale_top = frame->n_steps * frame->step;
}

/* Works out where everything goes in a chart of @width × @height. */
void
abm_render_frame_layout (AbmRenderFrame *frame,
                         double          width,
                         double          height)
{
  double s, header, tick_height, widest = 0;

  s = frame->scale = abm_render_text_scale (width, height);
  frame->empty = frame_is_empty (frame);
  frame->left = frame->top = PADDING * s;
  frame->width = MAX (0.0, width - 2 * PADDING * s);
  frame->height = MAX (0.0, height - 2 * PADDING * s);

  header = place_header (frame);
  if (header > 0)
    header += HEADER_GAP * s;
  tick_height = abm_render_text_line_height (frame->font_family, TICK_SIZE * s, PANGO_WEIGHT_NORMAL);
  frame->label_size = LABEL_SIZE * s;
  frame->label_height = abm_render_text_line_height (frame->font_family, frame->label_size, PANGO_WEIGHT_NORMAL);
  frame->label_y = frame->top + frame->height - frame->label_height;
  frame->plot_y = frame->top + header + MAX (tick_height / 2, frame->top_room * s);
  frame->plot_height = MAX (0.0, frame->label_y - LABEL_GAP * s - frame->plot_y);
  if (frame->empty)
    return;

  place_scale (frame, tick_height);
  for (guint i = 0; i <= frame->n_steps; i++)
    {
      g_autofree char *tick = abm_render_text_tick (i * frame->step, frame->unit);

      widest = MAX (widest, abm_render_text_width (frame->font_family, tick, TICK_SIZE * s,
                                                   PANGO_WEIGHT_NORMAL));
    }
  frame->plot_x = frame->left + widest + TICK_GAP * s;
  frame->plot_width = MAX (0.0, frame->left + frame->width - frame->plot_x);
}

/* Whether there are marks to draw, and room for them. */
gboolean
abm_render_frame_has_plot (const AbmRenderFrame *frame)
{
  return !frame->empty
         && frame->plot_width >= MIN_PLOT * frame->scale && frame->plot_height >= MIN_PLOT * frame->scale;
}

/* The height of @value on the scale; values beyond it stay at its ends. */
double
abm_render_frame_value_y (const AbmRenderFrame *frame,
                          double                value)
{
  double share = frame->scale_top > 0 ? CLAMP (value / frame->scale_top, 0.0, 1.0) : 0;

  return frame->plot_y + frame->plot_height * (1 - share);
}

static void
draw_caption (const AbmRenderFrame *frame,
              cairo_t              *cr)
{
  g_autofree char *caption = frame_caption (frame);
  g_autoptr(PangoLayout) layout = NULL;

  if (caption == NULL || frame->caption_width < 1)
    return;
  layout = abm_render_text_layout (cr, frame->font_family, caption, TITLE_SIZE * frame->scale,
                                   PANGO_WEIGHT_BOLD, frame->caption_width);
  abm_render_set_ink (cr, frame->dark, ABM_RENDER_INK_TEXT);
  abm_render_text_show (cr, layout, frame->left, frame->top);
}

/* A horizontal line of one unit on the pixel grid where there is one. */
static void
rule (cairo_t *cr,
      double   x0,
      double   x1,
      double   y)
{
  y = round (y - 0.5) + 0.5;
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_legend (const AbmRenderFrame *frame,
             cairo_t              *cr,
             AbmRenderSwatchFunc   swatch,
             gpointer              user_data)
{
  double s = frame->scale, swatch_width = frame->swatch_width * s;

  for (guint i = 0; i < legend_count (frame); i++)
    {
      g_autoptr(PangoLayout) label = NULL;

      if (frame->legend_y[i] + frame->legend_line > frame->plot_y)
        break;
      swatch (cr, i, frame->legend_x[i] + swatch_width / 2, frame->legend_y[i] + frame->legend_line / 2,
              swatch_width, s, user_data);
      label = abm_render_text_layout (cr, frame->font_family, legend_label (frame, i), LEGEND_SIZE * s,
                                      PANGO_WEIGHT_NORMAL, frame->legend_label_width[i]);
      abm_render_set_ink (cr, frame->dark, ABM_RENDER_INK_TEXT);
      abm_render_text_show (cr, label, frame->legend_x[i] + swatch_width + SWATCH_GAP * s, frame->legend_y[i]);
    }
}

/* The grid, the baseline a little stronger, and the scale's labels. */
static void
draw_scale (const AbmRenderFrame *frame,
            cairo_t              *cr)
{
  double s = frame->scale;

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= frame->n_steps; i++)
    {
      double value = i * frame->step, y = abm_render_frame_value_y (frame, value);
      g_autofree char *text = abm_render_text_tick (value, frame->unit);
      g_autoptr(PangoLayout) tick = abm_render_text_layout (cr, frame->font_family, text, TICK_SIZE * s,
                                                            PANGO_WEIGHT_NORMAL, -1);
      double width, height;

      abm_render_set_ink (cr, frame->dark, i == 0 ? ABM_RENDER_INK_AXIS : ABM_RENDER_INK_GRID);
      rule (cr, frame->plot_x, frame->plot_x + frame->plot_width, y);
      abm_render_text_get_size (tick, &width, &height);
      abm_render_set_ink (cr, frame->dark, ABM_RENDER_INK_DIM);
      abm_render_text_show (cr, tick, frame->plot_x - TICK_GAP * s - width, y - height / 2);
    }
}

/* The caption, and the message where the plot would be. */
static void
draw_empty (const AbmRenderFrame *frame,
            cairo_t              *cr)
{
  const char *title = abm_render_frame_get_title (frame);
  double below = title != NULL ? frame->plot_y - frame->top : 0;
  cairo_rectangle_t area = { frame->left, frame->top + below, frame->width, frame->height - below };

  if (below > 0)
    draw_caption (frame, cr);
  abm_render_text_show_message (cr, frame->font_family, frame->dark, empty_text (frame), frame->scale, &area);
}

/* Draws the chart in (0, 0, @width, @height): the frame, and @marks
 * inside it where there is room, or the empty text. */
void
abm_render_frame_render (const AbmRenderFrame *frame,
                         cairo_t              *cr,
                         double                width,
                         double                height,
                         AbmRenderSwatchFunc   swatch,
                         AbmRenderMarksFunc    marks,
                         gpointer              user_data)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (frame->empty)
    draw_empty (frame, cr);
  else
    {
      draw_caption (frame, cr);
      draw_legend (frame, cr, swatch, user_data);
      if (abm_render_frame_has_plot (frame))
        {
          draw_scale (frame, cr);
          marks (cr, user_data);
        }
    }
  cairo_restore (cr);
}

/* @text under the plot, centred on @center but inside the chart,
 * ellipsized to @max_width. */
void
abm_render_frame_show_label (const AbmRenderFrame *frame,
                             cairo_t              *cr,
                             const char           *text,
                             double                center,
                             double                max_width,
                             AbmRenderInk          ink)
{
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  if (frame->label_y < frame->plot_y + frame->plot_height || max_width < 1)
    return;
  layout = abm_render_text_layout (cr, frame->font_family, text ? text : "", frame->label_size,
                                   PANGO_WEIGHT_NORMAL, max_width);
  abm_render_text_get_size (layout, &width, NULL);
  abm_render_set_ink (cr, frame->dark, ink);
  abm_render_text_show (cr, layout, CLAMP (center - width / 2, frame->left, frame->left + frame->width - width),
                        frame->label_y);
}
