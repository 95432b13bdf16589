/* plot_labels.c — the words on a chart: window labels, axis numbers, text widths, and the
 * greedy lane placement that keeps labels from overlapping. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "disrupt/core/timefmt.h"
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

/* ---- text blocks ---- */

static int is_month(const char *w, size_t n)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n < 3)
        return 0;
    for (size_t i = 0; i < 12; i++)
        if (strncasecmp(w, months[i], 3) == 0)
            return 1;
    return 0;
}

static int all_digits(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return 0;
    return n > 0;
}

/* The space at p (between two words) is inside a date: "27 Sep", "Sep 2020", "12 Nov 2020". */
static int inside_date(const char *start, const char *p)
{
    const char *a = p;
    while (a > start && a[-1] != ' ' && a[-1] != '\n')
        a--;
    const char *b = p + 1, *e = b;
    while (*e && *e != ' ' && *e != '\n')
        e++;
    size_t na = (size_t)(p - a), nb = (size_t)(e - b);
    while (nb && (b[nb - 1] == ',' || b[nb - 1] == '.' || b[nb - 1] == ':' || b[nb - 1] == ')'))
        nb--; /* "Sep 2020," */
    return (all_digits(a, na) && na <= 2 && is_month(b, nb)) ||
           (is_month(a, na) && all_digits(b, nb) && (nb == 4 || nb <= 2));
}

/* Greedy word wrap to width; lines joined by '\n'. Sets *lines. Never inside a date. */
char *plot_wrap_text(const plot_measurer *m, const char *text, double em, int bold, double width,
                     size_t *lines)
{
    size_t len = strlen(text);
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    memcpy(out, text, len + 1);
    *lines = 1;
    char *line_start = out, *last_space = NULL;
    for (char *p = out;; p++) {
        if (*p != ' ' && *p != '\n' && *p != '\0')
            continue;
        /* Would the line up to here overflow? Then break at the previous space. */
        char saved = *p;
        *p = '\0';
        double w = plot_text_width(m, line_start, em, bold);
        *p = saved;
        if (w > width && last_space) {
            *last_space = '\n';
            line_start = last_space + 1;
            (*lines)++;
        }
        if (saved == '\0')
            break;
        if (saved == '\n') {
            line_start = p + 1;
            last_space = NULL;
            (*lines)++;
        } else if (!inside_date(out, p)) {
            last_space = p;
        }
    }
    return out;
}

/* Width of the words [i, j) of text, whose breakable spaces are at gap[]. */
static double words_width(const plot_measurer *m, const char *text, const size_t *start,
                          const size_t *end, size_t i, size_t j, double em, int bold,
                          char *scratch)
{
    size_t len = end[j - 1] - start[i];
    memcpy(scratch, text + start[i], len);
    scratch[len] = '\0';
    return plot_text_width(m, scratch, em, bold);
}

char *plot_wrap_balanced(const plot_measurer *m, const char *text, double em, int bold,
                         double width, size_t *lines)
{
    char *greedy = plot_wrap_text(m, text, em, bold, width, lines);
    if (!greedy || *lines < 2 || strchr(text, '\n'))
        return greedy;
    /* Words: runs between breakable spaces (a date's spaces do not break). */
    size_t len = strlen(text), k = 0, want = *lines;
    size_t *start = malloc((len + 1) * sizeof *start), *end = malloc((len + 1) * sizeof *end);
    char *scratch = malloc(len + 1);
    double *best = NULL;
    size_t *cut = NULL;
    char *out = NULL;
    if (!start || !end || !scratch)
        goto done;
    start[0] = 0;
    for (size_t i = 0; i <= len; i++)
        if (text[i] == '\0' || (text[i] == ' ' && !inside_date(text, text + i))) {
            end[k++] = i;
            start[k] = i + 1;
        }
    /* best[l·(k+1) + j]: the least possible widest line over l lines holding words [0, j). */
    best = malloc((want + 1) * (k + 1) * sizeof *best);
    cut = malloc((want + 1) * (k + 1) * sizeof *cut);
    if (!best || !cut || k < want)
        goto done;
    for (size_t i = 0; i < (want + 1) * (k + 1); i++)
        best[i] = INFINITY;
    best[0] = 0;
    for (size_t l = 1; l <= want; l++)
        for (size_t j = l; j <= k; j++)
            for (size_t i = l - 1; i < j; i++) {
                double prev = best[(l - 1) * (k + 1) + i];
                if (!isfinite(prev))
                    continue;
                double w = words_width(m, text, start, end, i, j, em, bold, scratch);
                double v = fmax(prev, w);
                if (w <= width && v < best[l * (k + 1) + j]) {
                    best[l * (k + 1) + j] = v;
                    cut[l * (k + 1) + j] = i;
                }
            }
    if (!isfinite(best[want * (k + 1) + k]))
        goto done;
    out = malloc(len + 1);
    if (!out)
        goto done;
    memcpy(out, text, len + 1);
    for (size_t l = want, j = k; l > 1; l--) {
        size_t i = cut[l * (k + 1) + j];
        out[end[i - 1]] = '\n'; /* the space before word i */
        j = i;
    }
done:
    free(start);
    free(end);
    free(scratch);
    free(best);
    free(cut);
    if (!out)
        return greedy;
    free(greedy);
    return out;
}

/* ---- window labels ---- */

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

/* "16 Nov 2019 18:30 – data end": a window the data end inside is ongoing, not over. */
static void format_open_span(int64_t start, const char *tz, char *out, size_t outsz)
{
    struct tm a;
    char sa[48];
    if (disrupt_time_local(start, tz, &a) != 0) {
        snprintf(out, outsz, "?");
        return;
    }
    strftime(sa, sizeof sa, at_midnight(&a) ? "%-d %b %Y" : "%-d %b %Y %H:%M", &a);
    snprintf(out, outsz, "%s " ENDASH " data end", sa);
}

char *disrupt_plot_window_label(const disrupt_window *w, const disrupt_series *s, const char *tz)
{
    (void)s;
    char span[128], dur[40], depth[48];
    format_duration(w->end - w->start, dur, sizeof dur);
    if (w->end_censored) {
        format_open_span(w->start, tz, span, sizeof span);
        strcat(dur, " so far");   /* a duration takes at most 20 of dur's 40 bytes */
    } else {
        format_span(w->start, w->end, tz, span, sizeof span);
    }
    if (w->kind == DISRUPT_KIND_BLOCKING)
        snprintf(depth, sizeof depth, "%.0f%% blocked", 100.0 * w->level);
    else
        snprintf(depth, sizeof depth, "%s%.0f%%", w->depth >= 0 ? MINUS : "+",
                 100.0 * fabs(w->depth));
    return plot_strdupf("%s " MIDDOT " %s " MIDDOT " %s " MIDDOT " %s",
                        disrupt_window_kind_title(w->kind), span, dur, depth);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

char *plot_run_label(const disrupt_window_list *wl, const size_t *members, size_t n,
                     const char *tz)
{
    const disrupt_window *first = &wl->items[members[0]], *last = &wl->items[members[n - 1]];
    double *depth = malloc(n * sizeof *depth);
    if (!depth)
        return NULL;
    int64_t shortest = INT64_MAX, longest = 0;
    for (size_t k = 0; k < n; k++) {
        const disrupt_window *w = &wl->items[members[k]];
        int64_t d = w->end - w->start;
        shortest = d < shortest ? d : shortest;
        longest = d > longest ? d : longest;
        depth[k] = w->kind == DISRUPT_KIND_BLOCKING ? w->level : w->depth;
    }
    qsort(depth, n, sizeof *depth, cmp_double);
    double median = n % 2 ? depth[n / 2] : (depth[n / 2 - 1] + depth[n / 2]) / 2;
    free(depth);
    /* Dates only: the run's times of day differ from window to window. */
    struct tm a, b;
    char sa[48] = "?", sb[48] = "?", span[112], dmin[32], dmax[32], dur[96], lvl[48];
    if (disrupt_time_local(first->start, tz, &a) == 0 && disrupt_time_local(last->end - 1, tz, &b) == 0) {
        strftime(sa, sizeof sa, a.tm_year != b.tm_year ? "%-d %b %Y" : a.tm_mon != b.tm_mon ? "%-d %b" : "%-d", &a);
        strftime(sb, sizeof sb, "%-d %b %Y", &b);
    }
    snprintf(span, sizeof span, "%s " ENDASH " %s", sa, sb);
    format_duration(shortest, dmin, sizeof dmin);
    format_duration(longest, dmax, sizeof dmax);
    const char *unit_min = strrchr(dmin, ' '), *unit_max = strrchr(dmax, ' ');
    if (strcmp(dmin, dmax) == 0)
        snprintf(dur, sizeof dur, "%s each", dmin);
    else if (unit_min && unit_max && strcmp(unit_min, unit_max) == 0)  /* "7.8–8 h each" */
        snprintf(dur, sizeof dur, "%.*s" ENDASH "%s each", (int)(unit_min - dmin), dmin, dmax);
    else
        snprintf(dur, sizeof dur, "%s " ENDASH " %s each", dmin, dmax);
    if (first->kind == DISRUPT_KIND_BLOCKING)
        snprintf(lvl, sizeof lvl, "median %.0f%% blocked", 100.0 * median);
    else
        snprintf(lvl, sizeof lvl, "median %s%.0f%%", median >= 0 ? MINUS : "+", 100.0 * fabs(median));
    return plot_strdupf("%s \xC3\x97 %zu " MIDDOT " %s " MIDDOT " %s " MIDDOT " %s",
                        disrupt_window_kind_title(first->kind), n, span, dur, lvl);
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

static int lane_free(const plot_lanes *l, int lane, double left, double right, double pad)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->lane[i] == lane && left < l->right[i] + pad && right > l->left[i] - pad)
            return 0;
    return 1;
}

int plot_lanes_place_span(plot_lanes *l, double left, double right, double pad, int max_lanes,
                          int span)
{
    for (int lane = 0; lane + span <= max_lanes; lane++) {
        int free_here = 1;
        for (int k = 0; k < span && free_here; k++)
            free_here = lane_free(l, lane + k, left, right, pad);
        if (!free_here)
            continue;
        for (int k = 0; k < span; k++) {
            if (lanes_grow(l))
                return -2;
            l->left[l->count] = left;
            l->right[l->count] = right;
            l->lane[l->count] = lane + k;
            l->count++;
        }
        return lane;
    }
    return -1;
}

int plot_lanes_place(plot_lanes *l, double left, double right, double pad, int max_lanes)
{
    return plot_lanes_place_span(l, left, right, pad, max_lanes, 1);
}

/* Word-wraps one line of parts to width and appends it to out, each line ended by '\n' when
 * `newline`; adds its lines to *lines and widens *widest. 0, or -1 when out of memory. */
static int append_wrapped(const plot_measurer *m, const char *line, double em, int bold,
                          double width, int newline, char *out, size_t *lines, double *widest)
{
    size_t n;
    char *wrapped = plot_wrap_text(m, line, em, bold, width, &n);
    if (!wrapped)
        return -1;
    for (char *s = wrapped, *e; s; s = e ? e + 1 : NULL) {
        e = strchr(s, '\n');
        if (e)
            *e = '\0';
        *widest = fmax(*widest, plot_text_width(m, s, em, bold));
        strcat(out, s);
        if (e || newline)
            strcat(out, "\n");
    }
    *lines += n;
    free(wrapped);
    return 0;
}

char *plot_wrap_label(const plot_measurer *m, const char *text, double em, int bold, double width,
                      size_t *lines, double *widest)
{
    /* Break at the " · " between parts first, so that a part stays whole; a part wider than
     * the width on its own is word-wrapped. */
    static const char sep[] = " " MIDDOT " ";
    size_t len = strlen(text), seplen = sizeof sep - 1;
    char *out = malloc(len + 2), *line = malloc(len + 1);
    int rc = out && line ? 0 : -1;
    if (!rc)
        out[0] = line[0] = '\0';
    *lines = 0;
    *widest = 0;
    for (const char *p = text; !rc && *p;) {
        const char *next = strstr(p, sep);
        size_t part = next ? (size_t)(next - p) : strlen(p);
        size_t had = strlen(line);
        if (had)
            strcat(line, sep);
        strncat(line, p, part);
        if (plot_text_width(m, line, em, bold) > width && had) {
            line[had] = '\0'; /* this part starts the next line */
            rc = append_wrapped(m, line, em, bold, width, 1, out, lines, widest);
            line[0] = '\0';
            strncat(line, p, part);
        }
        p += part;
        if (next)
            p += seplen;
    }
    if (!rc)
        rc = append_wrapped(m, line, em, bold, width, 0, out, lines, widest);
    free(line);
    if (rc) {
        free(out);
        return NULL;
    }
    return out;
}
