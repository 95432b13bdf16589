/* plot_labels.c — the words on a chart: window labels, axis numbers, text widths, and the
 * greedy lane placement that keeps labels from overlapping. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "disrupt/timefmt.h"
#include "plot_internal.h"

#define MINUS "\xE2\x88\x92"   /* U+2212 */
#define MIDDOT "\xC2\xB7"      /* U+00B7 */
#define ENDASH "\xE2\x80\x93"  /* U+2013 */

char *plot_strdupf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

double plot_text_width(const plot_measurer *m, const char *text, double em, int bold)
{
    if (m && m->fn)
        return m->fn(m->ctx, text, em, bold);
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return (bold ? 0.68 : 0.62) * em * (double)n;
}

/* ---- window labels ---- */

static const char *kind_title(disrupt_window_kind kind)
{
    switch (kind) {
    case DISRUPT_KIND_SHUTDOWN:
        return "Shutdown";
    case DISRUPT_KIND_THROTTLING:
        return "Throttling";
    case DISRUPT_KIND_BLOCKING:
        return "Blocking";
    }
    return "Window";
}

static int at_midnight(const struct tm *tm)
{
    return tm->tm_hour == 0 && tm->tm_min == 0 && tm->tm_sec == 0;
}

/* "27 Sep – 12 Nov 2020", "3 – 9 Nov 2020", "20 Dec 2020 – 3 Jan 2021",
 * "27 Sep 2020 04:00–09:00", "27 Sep 2020 22:00 – 28 Sep 03:00". */
static void format_span(int64_t start, int64_t end, const char *tz, char *out, size_t outsz)
{
    struct tm a, b;
    if (disrupt_time_local(start, tz, &a) != 0 || disrupt_time_local(end, tz, &b) != 0) {
        snprintf(out, outsz, "?");
        return;
    }
    char sa[48], sb[48];
    if (at_midnight(&a) && at_midnight(&b)) {
        if (end - start <= 86400 + 3600) {  /* one civil day (DST days are 23–25 h) */
            strftime(out, outsz, "%-d %b %Y", &a);
            return;
        }
        if (a.tm_year != b.tm_year)
            strftime(sa, sizeof sa, "%-d %b %Y", &a);
        else if (a.tm_mon != b.tm_mon)
            strftime(sa, sizeof sa, "%-d %b", &a);
        else
            strftime(sa, sizeof sa, "%-d", &a);
        strftime(sb, sizeof sb, "%-d %b %Y", &b);
        snprintf(out, outsz, "%s " ENDASH " %s", sa, sb);
        return;
    }
    strftime(sa, sizeof sa, "%-d %b %Y %H:%M", &a);
    if (a.tm_year == b.tm_year && a.tm_yday == b.tm_yday) {
        strftime(sb, sizeof sb, "%H:%M", &b);
        snprintf(out, outsz, "%s" ENDASH "%s", sa, sb);
    } else {
        strftime(sb, sizeof sb, a.tm_year == b.tm_year ? "%-d %b %H:%M" : "%-d %b %Y %H:%M", &b);
        snprintf(out, outsz, "%s " ENDASH " %s", sa, sb);
    }
}

/* "46 days", "1 day", "36 h", "5 h", "2.5 h", "45 min". */
static void format_duration(int64_t seconds, char *out, size_t outsz)
{
    double days = (double)seconds / 86400.0, hours = (double)seconds / 3600.0;
    if (days >= 2)
        snprintf(out, outsz, fabs(days - round(days)) < 0.05 || days >= 10 ? "%.0f days" : "%.1f days",
                 days);
    else if (seconds % 86400 == 0 && days >= 1)
        snprintf(out, outsz, "1 day");
    else if (hours >= 1)
        snprintf(out, outsz, fabs(hours - round(hours)) < 0.05 ? "%.0f h" : "%.1f h", hours);
    else
        snprintf(out, outsz, "%.0f min", (double)seconds / 60.0);
}

char *disrupt_plot_window_label(const disrupt_window *w, const disrupt_series *s, const char *tz)
{
    (void)s;
    char span[128], dur[32], depth[48];
    format_span(w->start, w->end, tz, span, sizeof span);
    format_duration(w->end - w->start, dur, sizeof dur);
    if (w->kind == DISRUPT_KIND_BLOCKING)
        snprintf(depth, sizeof depth, "%.0f%% blocked", 100.0 * w->level);
    else
        snprintf(depth, sizeof depth, "%s%.0f%%", w->depth >= 0 ? MINUS : "+",
                 100.0 * fabs(w->depth));
    return plot_strdupf("%s " MIDDOT " %s " MIDDOT " %s " MIDDOT " %s", kind_title(w->kind), span,
                        dur, depth);
}

/* ---- axis numbers ---- */

double plot_nice_step(double range, int target)
{
    if (!(range > 0) || target < 1)
        return 1;
    double raw = range / target;
    double mag = pow(10, floor(log10(raw)));
    double norm = raw / mag;
    double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
    return nice * mag;
}

void plot_number_style(double max, double step, double *scale, const char **suffix,
                       int *decimals)
{
    static const struct {
        double scale;
        const char *suffix;
    } si[] = {{1e12, "T"}, {1e9, "G"}, {1e6, "M"}, {1e3, "k"}};
    *scale = 1;
    *suffix = "";
    for (size_t i = 0; i < sizeof si / sizeof si[0]; i++)
        if (fabs(max) >= 10 * si[i].scale) {
            *scale = si[i].scale;
            *suffix = si[i].suffix;
            break;
        }
    double s = step / *scale;
    int d = s > 0 ? (int)ceil(-log10(s) - 1e-9) : 0;
    *decimals = d < 0 ? 0 : d > 6 ? 6 : d;
}

char *plot_format_number(double v, double scale, int decimals, const char *suffix)
{
    double x = v / scale;
    if (fabs(x) < 0.5 * pow(10, -decimals))
        x = 0;  /* no "−0" */
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals, fabs(x));
    /* "0" rather than "0k"; but "0%" keeps its percent sign. */
    int keep = x != 0 || strcmp(suffix, "%") == 0;
    return plot_strdupf("%s%s%s", x < 0 ? MINUS : "", buf, keep ? suffix : "");
}

/* ---- lanes ---- */

void plot_lanes_init(plot_lanes *l)
{
    memset(l, 0, sizeof *l);
}

void plot_lanes_fini(plot_lanes *l)
{
    free(l->left);
    free(l->right);
    free(l->lane);
    memset(l, 0, sizeof *l);
}

static int lanes_grow(plot_lanes *l)
{
    if (l->count < l->capacity)
        return 0;
    size_t cap = l->capacity ? l->capacity * 2 : 16;
    if (cap > SIZE_MAX / sizeof(double))
        return 1;
    double *left = realloc(l->left, cap * sizeof *left);
    if (left)
        l->left = left;
    double *right = realloc(l->right, cap * sizeof *right);
    if (right)
        l->right = right;
    int *lane = realloc(l->lane, cap * sizeof *lane);
    if (lane)
        l->lane = lane;
    if (!left || !right || !lane)
        return 1;
    l->capacity = cap;
    return 0;
}

int plot_lanes_place(plot_lanes *l, double left, double right, double pad, int max_lanes)
{
    for (int lane = 0; lane < max_lanes; lane++) {
        int free_here = 1;
        for (size_t i = 0; i < l->count && free_here; i++)
            if (l->lane[i] == lane && left < l->right[i] + pad && right > l->left[i] - pad)
                free_here = 0;
        if (!free_here)
            continue;
        if (lanes_grow(l))
            return -2;
        l->left[l->count] = left;
        l->right[l->count] = right;
        l->lane[l->count] = lane;
        l->count++;
        return lane;
    }
    return -1;
}
