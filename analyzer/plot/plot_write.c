/* plot_write.c — rendering a chart to PNG, SVG or PDF, written atomically.
 *
 * Determinism: cairo numbers SVG surfaces from a process-wide counter, so the same chart
 * drawn twice in one process would differ in its `surfaceN` ids; the SVG is produced in
 * memory and those ids are renumbered in order of appearance before it is written. PNG output
 * carries no time stamp. PDF creation dates follow SOURCE_DATE_EPOCH when it is set (the
 * reproducible-builds convention); otherwise cairo stamps the current time. Every chart
 * (timeline, comparison) is written through plot_write_page with its own draw function.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "disrupt/core/outfile.h"
#include "disrupt/core/timefmt.h"
#include "plot_cairo.h"

#define MAX_PIXELS_SIDE 32000

typedef struct {
    char *data;
    size_t len, cap;
    int failed;
} membuf;

static cairo_status_t membuf_write(void *closure, const unsigned char *data, unsigned int length)
{
    membuf *b = closure;
    if (b->failed)
        return CAIRO_STATUS_WRITE_ERROR;
    if (b->len + length + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + length + 1) {
            if (cap > SIZE_MAX / 2) {
                b->failed = 1;
                return CAIRO_STATUS_NO_MEMORY;
            }
            cap *= 2;
        }
        char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = 1;
            return CAIRO_STATUS_NO_MEMORY;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    b->data[b->len] = '\0';
    return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t file_write(void *closure, const unsigned char *data, unsigned int length)
{
    FILE *fp = closure;
    return fwrite(data, 1, length, fp) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Writes the SVG with every "surfaceN" renumbered 1, 2, … in order of first appearance. */
static int write_svg_normalised(FILE *fp, const membuf *b)
{
    static const char key[] = "surface";
    const size_t klen = sizeof key - 1;
    unsigned long *seen = NULL;
    size_t nseen = 0, capseen = 0;
    int rc = 0;
    const char *p = b->data, *end = b->data + b->len;
    while (p < end) {
        const char *hit = strstr(p, key);
        if (!hit || hit >= end) {
            rc |= fwrite(p, 1, (size_t)(end - p), fp) != (size_t)(end - p);
            break;
        }
        const char *digits = hit + klen;
        int is_id = isdigit((unsigned char)*digits) &&
                    ((hit > b->data && hit[-1] == '#') || (hit - b->data >= 4 && strncmp(hit - 4, "id=\"", 4) == 0));
        if (!is_id) {
            rc |= fwrite(p, 1, (size_t)(digits - p), fp) != (size_t)(digits - p);
            p = digits;
            continue;
        }
        char *after;
        unsigned long id = strtoul(digits, &after, 10);
        size_t k = 0;
        while (k < nseen && seen[k] != id)
            k++;
        if (k == nseen) {
            if (nseen == capseen) {
                size_t cap = capseen ? capseen * 2 : 16;
                unsigned long *s = realloc(seen, cap * sizeof *s);
                if (!s) {
                    free(seen);
                    return DISRUPT_ENOMEM;
                }
                seen = s;
                capseen = cap;
            }
            seen[nseen++] = id;
        }
        rc |= fwrite(p, 1, (size_t)(digits - p), fp) != (size_t)(digits - p);
        rc |= fprintf(fp, "%zu", k + 1) < 0;
        p = after;
    }
    free(seen);
    return rc ? DISRUPT_EIO : 0;
}

static int cairo_failed(cairo_status_t st, const char *path, disrupt_error *err)
{
    return disrupt_error_set(err, DISRUPT_EANALYSIS, "%s: cannot render the chart: %s", path,
                             cairo_status_to_string(st));
}

static int render(cairo_surface_t *surface, double scale, const plot_page *page,
                  const char *path, disrupt_error *err)
{
    cairo_status_t st = cairo_surface_status(surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return cairo_failed(st, path, err);
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    int rc = page->draw(cr, page->ctx, err);
    cairo_destroy(cr);
    if (rc)
        return rc;
    cairo_surface_flush(surface);
    st = cairo_surface_status(surface);
    return st == CAIRO_STATUS_SUCCESS ? 0 : cairo_failed(st, path, err);
}

static int write_png(const char *path, const plot_page *page, double dpi, disrupt_error *err)
{
    double scale = dpi / 72.0;
    double w = ceil(page->width * scale), h = ceil(page->height * scale);
    if (w > MAX_PIXELS_SIDE || h > MAX_PIXELS_SIDE)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "%s: %.0f×%.0f pixels is too large (at most %d a side)", path, w,
                                 h, MAX_PIXELS_SIDE);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
    int rc = render(s, scale, page, path, err);
    disrupt_outfile out = {0};
    if (!rc)
        rc = disrupt_outfile_open(&out, path, err);
    if (!rc) {
        cairo_status_t st = cairo_surface_write_to_png_stream(s, file_write, out.fp);
        if (st != CAIRO_STATUS_SUCCESS) {
            disrupt_outfile_abort(&out);
            rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot write: %s", path,
                                   cairo_status_to_string(st));
        } else {
            rc = disrupt_outfile_commit(&out, err);
        }
    }
    cairo_surface_destroy(s);
    return rc;
}

static int write_svg(const char *path, const plot_page *page, disrupt_error *err)
{
    membuf b = {0};
    cairo_surface_t *s = cairo_svg_surface_create_for_stream(membuf_write, &b, page->width,
                                                             page->height);
    cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
    int rc = render(s, 1.0, page, path, err);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (!rc && (st != CAIRO_STATUS_SUCCESS || b.failed || !b.data))
        rc = cairo_failed(st != CAIRO_STATUS_SUCCESS ? st : CAIRO_STATUS_NO_MEMORY, path, err);
    disrupt_outfile out = {0};
    if (!rc)
        rc = disrupt_outfile_open(&out, path, err);
    if (!rc) {
        rc = write_svg_normalised(out.fp, &b);
        if (rc) {
            disrupt_outfile_abort(&out);
            rc = rc == DISRUPT_ENOMEM ? disrupt_error_nomem(err)
                                      : disrupt_error_set(err, DISRUPT_EIO, "%s: cannot write", path);
        } else {
            rc = disrupt_outfile_commit(&out, err);
        }
    }
    free(b.data);
    return rc;
}

/* SOURCE_DATE_EPOCH as a PDF date, or 0 when unset or malformed. */
static int source_date(char *out, size_t outsz)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (!e || !*e)
        return 0;
    char *end;
    long long t = strtoll(e, &end, 10);
    if (*end || t < 0)
        return 0;
    return disrupt_time_iso((int64_t)t, out, outsz) > 0;
}

static int write_pdf(const char *path, const plot_page *page, disrupt_error *err)
{
    disrupt_outfile out = {0};
    int rc = disrupt_outfile_open(&out, path, err);
    if (rc)
        return rc;
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(file_write, out.fp, page->width,
                                                             page->height);
    char date[DISRUPT_ISO_LEN];
    if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "disrupt");
        char *title = page->title ? strdup(page->title) : NULL;
        for (char *c = title; c && *c; c++)
            if (*c == '\n')
                *c = ' ';  /* the title was wrapped for the page, not for the metadata */
        if (title)
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
        free(title);
        if (source_date(date, sizeof date)) {
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
        }
    }
    rc = render(s, 1.0, page, path, err);
    cairo_surface_finish(s);
    cairo_status_t st = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (!rc && st != CAIRO_STATUS_SUCCESS)
        rc = cairo_failed(st, path, err);
    if (rc)
        disrupt_outfile_abort(&out);
    else
        rc = disrupt_outfile_commit(&out, err);
    return rc;
}

static int write_format(const char *path, disrupt_plot_format format, double dpi,
                        const plot_page *page, disrupt_error *err);

/* Tests of what is drawn: with DISRUPT_TEXT_LOG=FILE in the environment, every page written
 * appends "page<TAB>PATH<TAB>W<TAB>H" and its text boxes (plot_text_set_log) to FILE. */
int plot_write_page(const char *path, disrupt_plot_format format, double dpi,
                    const plot_page *page, disrupt_error *err)
{
    const char *log_path = getenv("DISRUPT_TEXT_LOG");
    FILE *log = log_path && *log_path ? fopen(log_path, "a") : NULL;
    if (log) {
        fprintf(log, "page\t%s\t%.2f\t%.2f\n", path, page->width, page->height);
        plot_text_set_log(log);
    }
    int rc = write_format(path, format, dpi, page, err);
    if (log) {
        plot_text_set_log(NULL);
        fclose(log);
    }
    return rc;
}

static int write_format(const char *path, disrupt_plot_format format, double dpi,
                        const plot_page *page, disrupt_error *err)
{
    if (format == DISRUPT_PLOT_AUTO)
        format = disrupt_plot_format_from_path(path);
    switch (format) {
    case DISRUPT_PLOT_PNG:
        return write_png(path, page, dpi > 0 ? dpi : 150, err);
    case DISRUPT_PLOT_SVG:
        return write_svg(path, page, err);
    case DISRUPT_PLOT_PDF:
        return write_pdf(path, page, err);
    case DISRUPT_PLOT_AUTO:
        break;
    }
    return disrupt_error_set(err, DISRUPT_EINVAL,
                             "%s: cannot tell the chart format: name it .png, .svg or .pdf", path);
}

typedef struct {
    const disrupt_plot_layout *layout;
    const disrupt_plot_input *input;
} timeline_page;

static int draw_timeline(cairo_t *cr, void *ctx, disrupt_error *err)
{
    const timeline_page *p = ctx;
    return plot_draw(cr, p->layout, p->input, err);
}

int disrupt_plot_write(const char *path, const disrupt_plot_input *in,
                       const disrupt_plot_options *opt, disrupt_error *err)
{
    disrupt_plot_options defaults;
    if (!opt) {
        disrupt_plot_options_init(&defaults);
        opt = &defaults;
    }
    disrupt_plot_format format = opt->format ? opt->format : disrupt_plot_format_from_path(path);
    if (format == DISRUPT_PLOT_AUTO)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "%s: cannot tell the chart format: name it .png, .svg or .pdf",
                                 path);
    plot_text measuring;
    if (plot_text_init_measuring(&measuring) != 0)
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: cannot set up text measurement");
    disrupt_plot_layout layout;
    int rc = disrupt_plot_layout_compute(in, opt, plot_text_measure, &measuring, &layout, err);
    plot_text_fini(&measuring);
    if (rc)
        return rc;
    timeline_page ctx = {&layout, in};
    plot_page page = {layout.width, layout.height, layout.title, draw_timeline, &ctx};
    rc = plot_write_page(path, format, opt->dpi, &page, err);
    disrupt_plot_layout_fini(&layout);
    return rc;
}
