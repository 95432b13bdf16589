/* plot_text.c — text for charts through pango and fontconfig.
 *
 * Metrics hinting is switched off so that a width measured while laying out (on a private
 * surface at one scale) is the width drawn on the PNG, SVG or PDF surface at another.
 */
#include <stdio.h>
#include <string.h>

#include "plot_cairo.h"

static int text_setup(plot_text *t)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(t->context, fo);
    cairo_font_options_destroy(fo);
    t->layout = pango_layout_new(t->context);
    t->font = pango_font_description_from_string(PLOT_FONT_FAMILY);
    if (!t->layout || !t->font) {
        plot_text_fini(t);
        return DISRUPT_EANALYSIS;
    }
    return 0;
}

int plot_text_init_measuring(plot_text *t)
{
    memset(t, 0, sizeof *t);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create(s);
    int bad = cairo_status(cr) != CAIRO_STATUS_SUCCESS;
    if (!bad)
        t->context = pango_cairo_create_context(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    if (bad || !t->context)
        return DISRUPT_EANALYSIS;
    return text_setup(t);
}

int plot_text_init_for(plot_text *t, cairo_t *cr)
{
    memset(t, 0, sizeof *t);
    t->context = pango_cairo_create_context(cr);
    if (!t->context)
        return DISRUPT_EANALYSIS;
    return text_setup(t);
}

void plot_text_fini(plot_text *t)
{
    if (t->font)
        pango_font_description_free(t->font);
    if (t->layout)
        g_object_unref(t->layout);
    if (t->context)
        g_object_unref(t->context);
    memset(t, 0, sizeof *t);
}

static void set_text(plot_text *t, const char *text, double em, int bold)
{
    pango_font_description_set_absolute_size(t->font, em * PANGO_SCALE);
    pango_font_description_set_weight(t->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(t->layout, t->font);
    pango_layout_set_text(t->layout, text, -1);
}

double plot_text_measure(void *ctx, const char *text, double em, int bold)
{
    plot_text *t = ctx;
    set_text(t, text, em, bold);
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, NULL, &logical);
    return (double)logical.width / PANGO_SCALE;
}

/* Per thread: batch draws charts on several at once, each page with its own log. */
static _Thread_local FILE *text_log;

void plot_text_set_log(FILE *log)
{
    text_log = log;
}

void plot_log_line(double x0, double y0, double x1, double y1)
{
    if (text_log)
        fprintf(text_log, "line\t%.2f\t%.2f\t%.2f\t%.2f\n", x0, y0, x1, y1);
}

/* One drawn line's ink box, its text with tabs and line ends as spaces. */
static void log_line(cairo_t *cr, PangoLayout *layout, const char *text)
{
    PangoRectangle ink;
    pango_layout_get_extents(layout, &ink, NULL);
    double x, y;
    cairo_get_current_point(cr, &x, &y);
    fprintf(text_log, "text\t%.2f\t%.2f\t%.2f\t%.2f\t", x + (double)ink.x / PANGO_SCALE,
            y + (double)ink.y / PANGO_SCALE, (double)ink.width / PANGO_SCALE,
            (double)ink.height / PANGO_SCALE);
    for (const char *c = text; *c; c++)
        fputc(*c == '\t' || *c == '\n' || *c == '\r' ? ' ' : *c, text_log);
    fputc('\n', text_log);
}

static void draw_line(plot_text *t, cairo_t *cr, const char *text, double x, double y,
                      double em, int bold, plot_align align)
{
    set_text(t, text, em, bold);
    PangoRectangle logical;
    pango_layout_get_extents(t->layout, NULL, &logical);
    double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    double left = align == PLOT_ALIGN_RIGHT ? x - w : align == PLOT_ALIGN_CENTRE ? x - w / 2 : x;
    /* Centre pango's line box in ours (PLOT_LINE font sizes tall). */
    cairo_move_to(cr, left, y + (em * PLOT_LINE - h) / 2);
    if (text_log)
        log_line(cr, t->layout, text);
    pango_cairo_show_layout(cr, t->layout);
}

void plot_text_draw(plot_text *t, cairo_t *cr, const char *text, double x, double y, double em,
                    int bold, plot_align align)
{
    if (!text || !*text)
        return;
    pango_cairo_update_context(cr, t->context);
    pango_layout_context_changed(t->layout);
    /* Lines one by one, so that line spacing is ours and matches the layout. */
    const char *p = text;
    for (int line = 0;; line++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *one = g_strndup(p, len);
        if (!one)
            return;
        draw_line(t, cr, one, x, y + line * em * PLOT_LINE, em, bold, align);
        g_free(one);
        if (!nl)
            break;
        p = nl + 1;
    }
}
