/* timeaxis.c — the RRDtool-like table of date-axis rows and the choice among them.
 *
 * Civil arithmetic happens in "local seconds": the UTC time plus the zone's offset, which
 * gmtime_r and disrupt_time_from_civil treat as if it were UTC. Boundaries (midnight, the 1st
 * of a month, …) are found there and converted back to UTC, so daylight-saving shifts move
 * ticks to the right instants rather than shearing them by an hour.
 */
#include "disrupt/plot/timeaxis.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "disrupt/core/timefmt.h"

typedef enum {
    CONTEXT_NONE = 0,
    CONTEXT_DATE,   /* "27 Sep 2020" under hour labels */
    CONTEXT_MONTH,  /* "Sep 2020" under day labels */
    CONTEXT_YEAR    /* "2020" under month labels */
} context_kind;

typedef struct {
    disrupt_timestep minor, major, label;
    const char *format;
    context_kind context;
    int centred;    /* label names a whole period and is centred on it */
} axis_row;

#define MIN(n) {DISRUPT_TIMEUNIT_MINUTE, n}
#define HOUR(n) {DISRUPT_TIMEUNIT_HOUR, n}
#define DAY(n) {DISRUPT_TIMEUNIT_DAY, n}
#define WEEK(n) {DISRUPT_TIMEUNIT_WEEK, n}
#define MONTH(n) {DISRUPT_TIMEUNIT_MONTH, n}
#define YEAR(n) {DISRUPT_TIMEUNIT_YEAR, n}

/* From the finest to the coarsest; the first row that fits is chosen. */
static const axis_row table[] = {
    {MIN(1), MIN(5), MIN(5), "%H:%M", CONTEXT_DATE, 0},
    {MIN(1), MIN(10), MIN(10), "%H:%M", CONTEXT_DATE, 0},
    {MIN(5), MIN(15), MIN(15), "%H:%M", CONTEXT_DATE, 0},
    {MIN(5), MIN(30), MIN(30), "%H:%M", CONTEXT_DATE, 0},
    {MIN(15), HOUR(1), HOUR(1), "%H:%M", CONTEXT_DATE, 0},
    {MIN(30), HOUR(2), HOUR(2), "%H:%M", CONTEXT_DATE, 0},
    {HOUR(1), HOUR(3), HOUR(3), "%H:%M", CONTEXT_DATE, 0},
    {HOUR(1), HOUR(6), HOUR(6), "%H:%M", CONTEXT_DATE, 0},
    {HOUR(3), HOUR(12), HOUR(12), "%H:%M", CONTEXT_DATE, 0},
    {HOUR(6), DAY(1), DAY(1), "%-d", CONTEXT_MONTH, 1},
    {HOUR(6), DAY(2), DAY(2), "%-d", CONTEXT_MONTH, 0},
    {DAY(1), WEEK(1), WEEK(1), "%-d", CONTEXT_MONTH, 0},
    {DAY(1), WEEK(2), WEEK(2), "%-d", CONTEXT_MONTH, 0},
    {WEEK(1), MONTH(1), MONTH(1), "%b", CONTEXT_YEAR, 1},
    {MONTH(1), MONTH(2), MONTH(2), "%b", CONTEXT_YEAR, 0},
    {MONTH(1), MONTH(3), MONTH(3), "%b", CONTEXT_YEAR, 0},
    {MONTH(1), MONTH(6), MONTH(6), "%b", CONTEXT_YEAR, 0},
    {MONTH(3), YEAR(1), YEAR(1), "%Y", CONTEXT_NONE, 1},
    {YEAR(1), YEAR(2), YEAR(2), "%Y", CONTEXT_NONE, 0},
    {YEAR(1), YEAR(5), YEAR(5), "%Y", CONTEXT_NONE, 0},
    {YEAR(1), YEAR(10), YEAR(10), "%Y", CONTEXT_NONE, 0},
    {YEAR(5), YEAR(20), YEAR(20), "%Y", CONTEXT_NONE, 0},
    {YEAR(10), YEAR(50), YEAR(50), "%Y", CONTEXT_NONE, 0},
    {YEAR(50), YEAR(100), YEAR(100), "%Y", CONTEXT_NONE, 0},
};
#define NROWS (sizeof table / sizeof table[0])

size_t disrupt_timeaxis_rows(void)
{
    return NROWS;
}

/* ---- civil arithmetic in local seconds ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static void civil(int64_t local, struct tm *tm)
{
    time_t tt = (time_t)local;
    gmtime_r(&tt, tm);
}

static int64_t to_local(int64_t t, const char *tz)
{
    return t + disrupt_time_offset(t, tz);
}

static int64_t to_utc(int64_t local, const char *tz)
{
    int64_t guess = local - disrupt_time_offset(local, tz);
    return local - disrupt_time_offset(guess, tz);
}

static int64_t local_floor(int64_t l, disrupt_timestep s)
{
    struct tm tm;
    civil(l, &tm);
    int64_t c = s.count > 0 ? s.count : 1;
    int year = tm.tm_year + 1900;
    switch (s.unit) {
    case DISRUPT_TIMEUNIT_MINUTE:
        return floor_div(l, 60 * c) * 60 * c;
    case DISRUPT_TIMEUNIT_HOUR:
        return floor_div(l, 3600 * c) * 3600 * c;
    case DISRUPT_TIMEUNIT_DAY:
        return floor_div(l, 86400 * c) * 86400 * c;
    case DISRUPT_TIMEUNIT_WEEK: {
        /* 1970-01-05 (day 4) was a Monday. */
        int64_t week = floor_div(floor_div(l, 86400) - 4, 7);
        week = floor_div(week, c) * c;
        return (week * 7 + 4) * 86400;
    }
    case DISRUPT_TIMEUNIT_MONTH: {
        int64_t m = (int64_t)year * 12 + tm.tm_mon;
        m = floor_div(m, c) * c;
        return disrupt_time_from_civil((int)floor_div(m, 12), (int)(m - floor_div(m, 12) * 12) + 1,
                                       1, 0, 0, 0);
    }
    case DISRUPT_TIMEUNIT_YEAR:
        return disrupt_time_from_civil((int)(floor_div(year, c) * c), 1, 1, 0, 0, 0);
    }
    return l;
}

static int64_t local_next(int64_t l, disrupt_timestep s)
{
    int64_t c = s.count > 0 ? s.count : 1;
    struct tm tm;
    switch (s.unit) {
    case DISRUPT_TIMEUNIT_MINUTE:
        return l + 60 * c;
    case DISRUPT_TIMEUNIT_HOUR:
        return l + 3600 * c;
    case DISRUPT_TIMEUNIT_DAY:
        return l + 86400 * c;
    case DISRUPT_TIMEUNIT_WEEK:
        return l + 7 * 86400 * c;
    case DISRUPT_TIMEUNIT_MONTH: {
        civil(l, &tm);
        int64_t m = (int64_t)(tm.tm_year + 1900) * 12 + tm.tm_mon + c;
        return disrupt_time_from_civil((int)floor_div(m, 12), (int)(m - floor_div(m, 12) * 12) + 1,
                                       1, 0, 0, 0);
    }
    case DISRUPT_TIMEUNIT_YEAR:
        civil(l, &tm);
        return disrupt_time_from_civil(tm.tm_year + 1900 + (int)c, 1, 1, 0, 0, 0);
    }
    return l + 60;
}

/* Nominal length of a step, for spacing estimates only. */
static double step_seconds(disrupt_timestep s)
{
    static const double unit[] = {60, 3600, 86400, 7 * 86400, 30.44 * 86400, 365.25 * 86400};
    return unit[s.unit] * (s.count > 0 ? s.count : 1);
}

int64_t disrupt_timestep_ceil(int64_t t, disrupt_timestep step, const char *tz)
{
    int64_t l = to_local(t, tz);
    int64_t f = local_floor(l, step);
    if (f < l)
        f = local_next(f, step);
    return to_utc(f, tz);
}

int64_t disrupt_timestep_next(int64_t b, disrupt_timestep step, const char *tz)
{
    return to_utc(local_next(local_floor(to_local(b, tz), step), step), tz);
}

/* ---- building one row ---- */

typedef struct {
    int64_t t0, t1;
    double x0, width;
    const disrupt_timeaxis_spec *spec;
    double em, gap, spacing;
} axis_frame;

static double pos(const axis_frame *f, int64_t t)
{
    return f->x0 + (double)(t - f->t0) / (double)(f->t1 - f->t0) * f->width;
}

static double measure(const axis_frame *f, const char *text)
{
    if (f->spec->measure)
        return f->spec->measure(f->spec->measure_ctx, text);
    /* Count UTF-8 code points, not bytes. */
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return 0.62 * f->em * (double)n;
}

typedef struct {
    void *items;
    size_t count, capacity, size;
} vec;

static int vec_push(vec *v, const void *item)
{
    if (v->count == v->capacity) {
        size_t cap = v->capacity ? v->capacity * 2 : 16;
        if (cap > SIZE_MAX / v->size)
            return DISRUPT_ENOMEM;
        void *p = realloc(v->items, cap * v->size);
        if (!p)
            return DISRUPT_ENOMEM;
        v->items = p;
        v->capacity = cap;
    }
    memcpy((char *)v->items + v->count * v->size, item, v->size);
    v->count++;
    return DISRUPT_OK;
}

static void free_labels(disrupt_axis_label *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(l[i].text);
    free(l);
}

void disrupt_timeaxis_fini(disrupt_timeaxis *ax)
{
    if (!ax)
        return;
    free(ax->minor_ticks);
    free(ax->major_ticks);
    free_labels(ax->labels, ax->nlabels);
    free_labels(ax->context, ax->ncontext);
    memset(ax, 0, sizeof *ax);
}

static char *format_time(int64_t t, const char *tz, const char *fmt)
{
    struct tm tm;
    civil(to_local(t, tz), &tm);
    char buf[64];
    size_t n = strftime(buf, sizeof buf, fmt, &tm);
    buf[n] = '\0';
    return strdup(buf);
}

static int ticks_of(const axis_frame *f, disrupt_timestep step, const disrupt_timestep *skip,
                    disrupt_tick **out, size_t *nout)
{
    vec v = {NULL, 0, 0, sizeof(disrupt_tick)};
    const char *tz = f->spec->tz;
    for (int64_t b = disrupt_timestep_ceil(f->t0, step, tz); b < f->t1;
         b = disrupt_timestep_next(b, step, tz)) {
        if (skip && disrupt_timestep_ceil(b, *skip, tz) == b)
            continue;
        disrupt_tick tk = {b, pos(f, b)};
        if (vec_push(&v, &tk) != DISRUPT_OK) {
            free(v.items);
            return DISRUPT_ENOMEM;
        }
    }
    *out = v.items;
    *nout = v.count;
    return DISRUPT_OK;
}

/* Labels of the row; returns 1 when they do not fit (overlap), 0 when built, or -ENOMEM. */
static int build_labels(const axis_frame *f, const axis_row *row, int force, vec *labels)
{
    const char *tz = f->spec->tz;
    double left_limit = f->x0, right_limit = f->x0 + f->width;
    double last_right = -1e300;
    int64_t b = disrupt_timestep_ceil(f->t0, row->label, tz);
    if (row->centred && b > f->t0) {
        /* The partial period before the first boundary may hold a label too. */
        int64_t prev = to_utc(local_floor(to_local(f->t0, tz), row->label), tz);
        b = prev;
    }
    for (; b < f->t1; b = disrupt_timestep_next(b, row->label, tz)) {
        int64_t e = disrupt_timestep_next(b, row->label, tz);
        char *text = format_time(b, tz, row->format);
        if (!text)
            return -DISRUPT_ENOMEM;
        double w = measure(f, text), x;
        int partial = 0;
        if (row->centred) {
            int64_t a = b < f->t0 ? f->t0 : b, z = e > f->t1 ? f->t1 : e;
            partial = a != b || z != e;
            x = (pos(f, a) + pos(f, z)) / 2;
            if (w > pos(f, z) - pos(f, a)) {
                free(text);
                if (partial)
                    continue;  /* a sliver of a period at the edge: no room, no label */
                if (!force)
                    return 1;
                continue;
            }
        } else {
            x = pos(f, b);
            partial = x - w / 2 < left_limit || x + w / 2 > right_limit;
            if (partial) {
                free(text);
                continue;  /* a label would leave the frame */
            }
        }
        if (x - w / 2 < last_right + f->gap) {
            free(text);
            if (!force)
                return 1;
            continue;
        }
        disrupt_axis_label lab = {b, x, w, text};
        if (vec_push(labels, &lab) != DISRUPT_OK) {
            free(text);
            return -DISRUPT_ENOMEM;
        }
        last_right = x + w / 2;
    }
    return 0;
}

static const char *context_format(context_kind kind, int with_year)
{
    switch (kind) {
    case CONTEXT_DATE:
        return with_year ? "%-d %b %Y" : "%-d %b";
    case CONTEXT_MONTH:
        return with_year ? "%b %Y" : "%b";
    case CONTEXT_YEAR:
        return "%Y";
    case CONTEXT_NONE:
        break;
    }
    return NULL;
}

/* The key a context label stands for: the day, the month or the year of t. */
static int64_t context_key(context_kind kind, const struct tm *tm)
{
    int64_t y = tm->tm_year + 1900;
    switch (kind) {
    case CONTEXT_DATE:
        return (y * 12 + tm->tm_mon) * 32 + tm->tm_mday;
    case CONTEXT_MONTH:
        return y * 12 + tm->tm_mon;
    case CONTEXT_YEAR:
        return y;
    case CONTEXT_NONE:
        break;
    }
    return 0;
}

/* Context line: at the first label and where the day/month/year changes, left-aligned with
 * the label. Returns 1 when two context labels would overlap (unless force), 0, -ENOMEM. */
static int build_context(const axis_frame *f, const axis_row *row, int force,
                         const disrupt_axis_label *labels, size_t n, vec *context)
{
    if (row->context == CONTEXT_NONE)
        return 0;
    const char *tz = f->spec->tz;
    int64_t prev_key = INT64_MIN;
    int prev_year = 0;
    double last_right = -1e300;
    for (size_t i = 0; i < n; i++) {
        struct tm tm;
        civil(to_local(labels[i].t, tz), &tm);
        int64_t key = context_key(row->context, &tm);
        if (key == prev_key)
            continue;
        int year = tm.tm_year + 1900;
        int with_year = prev_key == INT64_MIN || year != prev_year;
        prev_key = key;
        prev_year = year;
        char *text = format_time(labels[i].t, tz, context_format(row->context, with_year));
        if (!text)
            return -DISRUPT_ENOMEM;
        double w = measure(f, text);
        double left = labels[i].x - labels[i].width / 2;
        if (left + w > f->x0 + f->width)
            left = f->x0 + f->width - w;
        if (left < last_right + f->gap) {
            if (!force) {
                free(text);
                return 1;
            }
            /* Forced (nothing fits): a year change wins over the label before it. */
            if (with_year && context->count > 0 && left >= f->x0) {
                disrupt_axis_label *last = (disrupt_axis_label *)context->items + context->count - 1;
                free(last->text);
                context->count--;
                last_right = context->count
                                 ? ((disrupt_axis_label *)context->items)[context->count - 1].x +
                                       ((disrupt_axis_label *)context->items)[context->count - 1].width / 2
                                 : -1e300;
                if (left >= last_right + f->gap)
                    goto keep;
            }
            free(text);
            continue;
        }
    keep:;
        disrupt_axis_label lab = {labels[i].t, left + w / 2, w, text};
        if (vec_push(context, &lab) != DISRUPT_OK) {
            free(text);
            return -DISRUPT_ENOMEM;
        }
        last_right = left + w;
    }
    return 0;
}

static void free_vec_labels(vec *v)
{
    free_labels(v->items, v->count);
    v->items = NULL;
    v->count = v->capacity = 0;
}

/* Tries one row; 0 = chosen and *out filled, 1 = does not fit, else an error code. */
static int try_row(const axis_frame *f, size_t r, int force, disrupt_timeaxis *out)
{
    const axis_row *row = &table[r];
    double spu = (double)(f->t1 - f->t0) / f->width;
    /* Labels closer than the spacing are crowded (this also bounds the work). */
    if (!force && step_seconds(row->label) / spu < f->spacing)
        return 1;
    vec labels = {NULL, 0, 0, sizeof(disrupt_axis_label)};
    vec context = {NULL, 0, 0, sizeof(disrupt_axis_label)};
    int rc = build_labels(f, row, force, &labels);
    if (rc == 0 && !force && labels.count < 2 && r + 1 < NROWS) {
        /* A single label is not an axis; unless the span is below the finest row. */
        rc = r == 0 && labels.count == 1 ? 0 : 1;
    }
    if (rc == 0)
        rc = build_context(f, row, force, labels.items, labels.count, &context);
    if (rc != 0) {
        free_vec_labels(&labels);
        free_vec_labels(&context);
        return rc < 0 ? -rc : 1;
    }
    memset(out, 0, sizeof *out);
    out->row = r;
    out->minor = row->minor;
    out->major = row->major;
    out->label = row->label;
    out->format = row->format;
    out->seconds_per_unit = spu;
    out->labels = labels.items;
    out->nlabels = labels.count;
    out->context = context.items;
    out->ncontext = context.count;
    rc = ticks_of(f, row->major, NULL, &out->major_ticks, &out->nmajor);
    double minor_min = f->spec->min_minor_spacing > 0 ? f->spec->min_minor_spacing : f->em / 3;
    if (rc == 0 && step_seconds(row->minor) / spu >= minor_min)
        rc = ticks_of(f, row->minor, &row->major, &out->minor_ticks, &out->nminor);
    if (rc != 0)
        disrupt_timeaxis_fini(out);
    return rc;
}

int disrupt_timeaxis_choose(int64_t t0, int64_t t1, double x0, double width,
                            const disrupt_timeaxis_spec *spec, disrupt_timeaxis *out,
                            disrupt_error *err)
{
    memset(out, 0, sizeof *out);
    if (t1 <= t0)
        return disrupt_error_set(err, DISRUPT_EINVAL, "time axis: empty span");
    if (!(width > 0))
        return disrupt_error_set(err, DISRUPT_EINVAL, "time axis: width must be positive");
    disrupt_timeaxis_spec defaults = {0};
    if (!spec)
        spec = &defaults;
    if (!disrupt_time_zone_valid(spec->tz))
        return disrupt_error_set(err, DISRUPT_EINVAL, "time axis: unknown time zone '%s'",
                                 spec->tz);
    axis_frame f = {t0, t1, x0, width, spec, spec->em > 0 ? spec->em : 10, 0, 0};
    f.gap = spec->min_gap > 0 ? spec->min_gap : 1.5 * f.em;
    f.spacing = spec->min_spacing > 0 ? spec->min_spacing : 5 * f.em;
    for (size_t r = 0; r < NROWS; r++) {
        int rc = try_row(&f, r, 0, out);
        if (rc == 0)
            return DISRUPT_OK;
        if (rc != 1)
            return disrupt_error_nomem(err);
    }
    /* Nothing fits cleanly (a very narrow axis): take the coarsest row, dropping labels. */
    int rc = try_row(&f, NROWS - 1, 1, out);
    return rc == 0 ? DISRUPT_OK : disrupt_error_nomem(err);
}
