/* verify.c — claimed windows against detected ones; the rules are stated in verify.h. */
#include "disrupt/workflows/verify.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const verdict_names[] = {
    "supported", "kind differs", "dates differ", "partly supported", "not supported", "no data",
};

const char *disrupt_verdict_name(disrupt_verdict v)
{
    if ((unsigned)v < sizeof verdict_names / sizeof verdict_names[0])
        return verdict_names[v];
    return "?";
}

void disrupt_verify_options_init(disrupt_verify_options *o)
{
    o->tolerance = 0;
    o->min_coverage = 0.5;
    o->min_share = 0.5;
    o->expected = NULL;
    o->skipped = NULL;
}

void disrupt_verify_result_init(disrupt_verify_result *r)
{
    r->items = NULL;
    r->count = 0;
}

void disrupt_verify_result_fini(disrupt_verify_result *r)
{
    for (size_t i = 0; i < r->count; i++)
        free(r->items[i].signals);
    free(r->items);
    disrupt_verify_result_init(r);
}

static int64_t overlap(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
    int64_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

/* Share of [cs, ce) spanned by the observed samples of s. O(samples in the claim). */
static double observed_share(const disrupt_series *s, int64_t cs, int64_t ce)
{
    if (ce <= cs || s->n == 0)
        return 0;
    size_t i = disrupt_series_index_at(s, cs);
    if (i > 0)
        i--;   /* the sample before cs may reach into the claim */
    int64_t seen = 0;
    for (; i < s->n; i++) {
        int64_t t = disrupt_series_time(s, i);
        if (t >= ce)
            break;
        if (!isnan(s->value[i]))
            seen += overlap(t, t + s->step, cs, ce);
    }
    return (double)seen / (double)(ce - cs);
}

static int claim_wants_signal(const disrupt_claim *c, const disrupt_series *s)
{
    return c->signal == NULL || strcmp(c->signal, s->name) == 0;
}

/* Windows of one signal that follow each other without a gap, taken as one window. */
typedef struct {
    size_t first, last;        /* window indices, inclusive */
    disrupt_window w;          /* first's start and interval, last's end and interval; kind,
                                  level and depth of the longest member; no corroboration */
    disrupt_kind_set kinds;    /* every member's kind */
} chain;

static int chain_head(const disrupt_window_list *wl, size_t k)
{
    return k == 0 || wl->items[k - 1].signal != wl->items[k].signal ||
           wl->items[k - 1].end != wl->items[k].start;
}

/* A window's kind, and the kinds of its phases where they hold at least a quarter of it: the
 * nightly shutdowns of a throttling are shutdowns a claim may name; the restoration hour of a
 * shutdown does not make it a throttling. */
static disrupt_kind_set kinds_shown(const disrupt_window *w)
{
    disrupt_kind_set k = DISRUPT_KIND_BIT(w->kind);
    int64_t held[DISRUPT_NKINDS] = {0};
    for (size_t p = 0; p < w->nphases; p++)
        if ((unsigned)w->phases[p].kind < DISRUPT_NKINDS)
            held[w->phases[p].kind] += w->phases[p].end - w->phases[p].start;
    for (int kind = 0; kind < DISRUPT_NKINDS; kind++)
        if (4 * held[kind] >= w->end - w->start && held[kind] > 0)
            k |= DISRUPT_KIND_BIT(kind);
    return k;
}

static chain chain_from(const disrupt_window_list *wl, size_t k)
{
    chain ch = {k, k, wl->items[k], kinds_shown(&wl->items[k])};
    const disrupt_window *longest = &wl->items[k];
    while (ch.last + 1 < wl->count && !chain_head(wl, ch.last + 1)) {
        const disrupt_window *next = &wl->items[++ch.last];
        ch.kinds |= kinds_shown(next);
        if (disrupt_window_days(next) > disrupt_window_days(longest))
            longest = next;
    }
    const disrupt_window *last = &wl->items[ch.last];
    ch.w.end = last->end;
    ch.w.end_lo = last->end_lo;
    ch.w.end_hi = last->end_hi;
    ch.w.end_censored = last->end_censored;
    ch.w.last = last->last;
    ch.w.kind = longest->kind;
    ch.w.level = longest->level;
    ch.w.depth = longest->depth;
    ch.w.corroborated_by = NULL;
    ch.w.ncorroborated = 0;
    ch.w.phases = NULL;
    ch.w.nphases = 0;
    return ch;
}

static disrupt_kind_agreement kind_agreement(const disrupt_claim *c, const chain *ch)
{
    if (c->kinds == 0)
        return DISRUPT_KIND_NOT_STATED;
    return (c->kinds & ch->kinds) ? DISRUPT_KIND_AGREES : DISRUPT_KIND_DIFFERS;
}

static double iou(const disrupt_claim *c, const disrupt_window *w)
{
    int64_t inter = overlap(c->start, c->end, w->start, w->end);
    int64_t lo = c->start < w->start ? c->start : w->start;
    int64_t hi = c->end > w->end ? c->end : w->end;
    return hi > lo ? (double)inter / (double)(hi - lo) : 0;
}

/* 1 when chain a ranks before chain b for claim c (rule 3 of verify.h). */
static int ranks_before(const disrupt_claim *c, const chain *a, const chain *b)
{
    int ka = kind_agreement(c, a) == DISRUPT_KIND_AGREES;
    int kb = kind_agreement(c, b) == DISRUPT_KIND_AGREES;
    if (ka != kb)
        return ka;
    return iou(c, &a->w) > iou(c, &b->w);
}

/* A boundary's span: as read for a day or a month, the instant itself for a time (so that
 * a claim's start and end stay the one truth for times). */
static disrupt_claim_span span_of(const disrupt_claim_span *sp, int64_t at)
{
    if (sp->precision == DISRUPT_PRECISION_TIME)
        return (disrupt_claim_span){at, at, DISRUPT_PRECISION_TIME};
    return *sp;
}

/* How far a boundary interval of the data is widened for a claimed span: the tolerance,
 * and for a claim finer than the samples what the samples cannot tell apart (a difference
 * smaller than the sampling step is no difference). */
static int64_t widening(const disrupt_claim_span *sp, int64_t step, int64_t tolerance)
{
    int64_t unresolved = step - 1 - (sp->hi - sp->lo);
    return tolerance + (unresolved > 0 ? unresolved : 0);
}

/* 1 when the claimed start span (a start lies in [lo, hi): that day) meets the data's start
 * interval [lo, hi] widened by w; `open` when the data start inside the window. */
static int start_meets(const disrupt_claim_span *sp, int64_t lo, int64_t hi, int open, int64_t w)
{
    int64_t a = sp->lo, b = sp->hi;
    if (a == b)
        return (open || a >= lo - w) && a <= hi + w;
    return (open || lo - w < b) && hi + w >= a;
}

/* 1 when the claimed end span [lo, hi] (a date read both ways) meets the data's end interval
 * [lo, hi] widened by w; `open` when the data end inside the window. */
static int end_meets(const disrupt_claim_span *sp, int64_t lo, int64_t hi, int open, int64_t w)
{
    return lo - w <= sp->hi && (open || hi + w >= sp->lo);
}

/* Claimed boundary minus the data's, measured from the span: 0 inside it; from its first
 * second when the data lie after it (the claim is early), from its last when before. */
static int64_t span_diff(const disrupt_claim_span *sp, int64_t t, int is_end)
{
    if (t < sp->lo)
        return sp->lo - t;
    if (is_end ? t > sp->hi : (sp->hi > sp->lo ? t >= sp->hi : t > sp->hi))
        return (is_end ? sp->hi : sp->lo) - t;
    return 0;
}

/* Which reading of a date-only end the data's end fits (verify.h). */
static disrupt_end_reading end_reading(const disrupt_claim_span *sp, int64_t lo, int64_t hi,
                                       int open, int64_t w)
{
    if (sp->precision != DISRUPT_PRECISION_DAY)
        return DISRUPT_END_AS_WRITTEN;
    int64_t l = lo - w, h = open ? INT64_MAX : hi + w;
    int lifted = l < sp->hi && h >= sp->lo;     /* end in [D, D+1) */
    int last_day = l <= sp->hi && h > sp->lo;   /* end in (D, D+1] */
    return lifted && last_day ? DISRUPT_END_EITHER
         : lifted             ? DISRUPT_END_LIFTED
         : last_day           ? DISRUPT_END_LAST_DAY
                              : DISRUPT_END_AS_WRITTEN;
}

static int add_signal(disrupt_verification *v, size_t signal, size_t cap)
{
    for (size_t k = 0; k < v->nsignals; k++)
        if (v->signals[k] == signal)
            return 0;
    if (v->nsignals >= cap)
        return 1;
    v->signals[v->nsignals++] = signal;
    return 0;
}

/* The chains of a window list, built once per run. */
typedef struct {
    chain *items;
    size_t count;
} chain_list;

static int chains_build(const disrupt_window_list *wl, chain_list *out, disrupt_error *err)
{
    out->count = 0;
    out->items = calloc(wl->count + 1, sizeof *out->items);
    if (!out->items)
        return disrupt_error_nomem(err);
    for (size_t k = 0; k < wl->count; k++)
        if (chain_head(wl, k))
            out->items[out->count++] = chain_from(wl, k);
    return DISRUPT_OK;
}

/* For a claim the data do not support: the lowest median observed/expected over the claimed
 * period among the covering level signals, so that "not supported" can say how close the
 * data came (a 15% dip is something, if not a disruption). */
static int lowest_level(const disrupt_claim *c, const disrupt_dataset *d,
                        const unsigned char *covers, const disrupt_verify_options *o,
                        disrupt_verification *v, disrupt_error *err)
{
    if (!o->expected)
        return DISRUPT_OK;
    for (size_t s = 0; s < d->count; s++) {
        const disrupt_series *x = d->series[s];
        if (!covers[s] || x->type != DISRUPT_SIGNAL_LEVEL || !o->expected[s])
            continue;
        size_t first = disrupt_series_index_at(x, c->start), last = disrupt_series_index_at(x, c->end);
        double *ratio = malloc((last > first ? last - first : 1) * sizeof *ratio);
        if (!ratio)
            return disrupt_error_nomem(err);
        size_t m = 0;
        for (size_t i = first; i < last; i++)
            if (isfinite(x->value[i]) && o->expected[s][i] > 0)
                ratio[m++] = x->value[i] / o->expected[s][i];
        if (m) {
            double level = gsl_stats_median(ratio, 1, m);
            if (isnan(v->lowest_level) || level < v->lowest_level) {
                v->lowest_level = level;
                v->lowest_signal = s;
            }
        }
        free(ratio);
    }
    return DISRUPT_OK;
}

static int verify_one(const disrupt_claim_list *claims, size_t ci, const disrupt_dataset *d,
                      const disrupt_window_list *wl, const chain_list *chains,
                      const disrupt_verify_options *o, disrupt_verification *v,
                      disrupt_error *err)
{
    const disrupt_claim *c = &claims->items[ci];
    memset(v, 0, sizeof *v);
    v->claim = ci;
    v->claim_length = c->end - c->start;
    v->lowest_level = NAN;
    v->kind = DISRUPT_KIND_NOT_STATED;
    if (c->kinds)
        v->kind = DISRUPT_KIND_DIFFERS;

    unsigned char *covers = calloc(d->count ? d->count : 1, 1);
    v->signals = calloc(d->count ? d->count : 1, sizeof *v->signals);
    if (!covers || !v->signals) {
        free(covers);
        return disrupt_error_nomem(err);
    }
    int named_found = 0, any_covers = 0;
    /* "In January 2019" says the event lies in the month, not that it filled it: data on part
     * of the month can show it. Only the verdict that nothing happened needs the coverage. */
    int month = c->start_span.precision == DISRUPT_PRECISION_MONTH;
    for (size_t s = 0; s < d->count; s++) {
        if (!claim_wants_signal(c, d->series[s]))
            continue;
        named_found = 1;
        if (o->skipped && o->skipped[s])
            continue;   /* left out by detect: nothing was looked for in it */
        double share = observed_share(d->series[s], c->start, c->end);
        if (share > v->coverage)
            v->coverage = share;
        if (share < o->min_coverage && !(month && share > 0))
            continue;
        int64_t step = d->series[s]->step;
        if (2 * step > c->end - c->start) {
            if (!v->coarse_step || step < v->coarse_step)
                v->coarse_step = step;
            continue;
        }
        covers[s] = any_covers = 1;
    }
    v->signal_missing = c->signal && !named_found;
    if (!any_covers) {
        v->verdict = DISRUPT_VERDICT_NO_DATA;
        free(covers);
        return DISRUPT_OK;
    }

    const chain *found = NULL;
    for (size_t k = 0; k < chains->count; k++) {
        const chain *ch = &chains->items[k];
        if (ch->w.signal >= d->count || !covers[ch->w.signal] ||
            overlap(c->start, c->end, ch->w.start, ch->w.end) == 0)
            continue;
        if (!found || ranks_before(c, ch, found))
            found = ch;
    }
    if (!found && v->coverage < o->min_coverage) {
        v->verdict = DISRUPT_VERDICT_NO_DATA;
        free(covers);
        return DISRUPT_OK;
    }
    if (!found) {
        v->verdict = DISRUPT_VERDICT_NOT_SUPPORTED;
        int rc = lowest_level(c, d, covers, o, v, err);
        free(covers);
        return rc;
    }
    const chain best = *found;
    v->has_window = 1;
    v->window = best.first;
    v->chained = best.last - best.first + 1;
    v->match = best.w;
    add_signal(v, best.w.signal, d->count);
    int64_t in_signal = 0;   /* windows of one signal never overlap: their parts add up */
    for (size_t k = 0; k < wl->count; k++) {
        const disrupt_window *w = &wl->items[k];
        int64_t o = overlap(c->start, c->end, w->start, w->end);
        if (w->signal >= d->count || !covers[w->signal] || o == 0)
            continue;
        add_signal(v, w->signal, d->count);
        v->nwindows++;
        if (w->signal == best.w.signal)
            in_signal += o;
    }
    v->signal_share = (double)in_signal / (double)(c->end - c->start);
    free(covers);
    /* Signals that corroborate W count too, also when the claim names one signal. */
    for (size_t k = best.first; k <= best.last; k++)
        for (size_t j = 0; j < wl->items[k].ncorroborated; j++)
            if (wl->items[k].corroborated_by[j] < d->count)
                add_signal(v, wl->items[k].corroborated_by[j], d->count);

    const disrupt_window *m = &v->match;
    disrupt_claim_span ss = span_of(&c->start_span, c->start), es = span_of(&c->end_span, c->end);
    int64_t step = d->series[m->signal]->step;
    int64_t ws = widening(&ss, step, o->tolerance);
    int64_t we = widening(&es, step, o->tolerance);
    v->kind = kind_agreement(c, &best);
    v->start_diff = span_diff(&ss, m->start, 0);
    v->end_diff = span_diff(&es, m->end, 1);
    v->duration_diff = (c->end - c->start) - (m->end - m->start);
    v->share = (double)overlap(c->start, c->end, m->start, m->end) / (double)(c->end - c->start);
    v->iou = iou(c, m);
    /* Boundaries are compared at the precision they were written with; one cut off by the
     * edge of the data cannot contradict a claim beyond that edge. */
    v->start_agrees = start_meets(&ss, m->start_lo, m->start_hi, m->start_censored, ws);
    v->end_agrees = end_meets(&es, m->end_lo, m->end_hi, m->end_censored, we);
    /* Why an agreeing boundary agrees: inside the interval, within the tolerance, or less
     * than a sampling step from it. */
    v->start_why = start_meets(&ss, m->start_lo, m->start_hi, m->start_censored, 0) ? 0
                   : start_meets(&ss, m->start_lo, m->start_hi, m->start_censored, o->tolerance)
                       ? 1 : 2;
    v->end_why = end_meets(&es, m->end_lo, m->end_hi, m->end_censored, 0) ? 0
                 : end_meets(&es, m->end_lo, m->end_hi, m->end_censored, o->tolerance) ? 1 : 2;
    v->end_reading = v->end_agrees ? end_reading(&es, m->end_lo, m->end_hi, m->end_censored, we)
                                   : DISRUPT_END_AS_WRITTEN;
    if (v->start_agrees && v->end_agrees)
        v->verdict = v->kind == DISRUPT_KIND_DIFFERS ? DISRUPT_VERDICT_KIND_DIFFERS
                                                     : DISRUPT_VERDICT_SUPPORTED;
    else if (v->share >= o->min_share)
        v->verdict = DISRUPT_VERDICT_DATES_DIFFER;
    else
        v->verdict = DISRUPT_VERDICT_PARTLY;
    return DISRUPT_OK;
}

int disrupt_verify_run(const disrupt_claim_list *claims, const disrupt_dataset *d,
                       const disrupt_window_list *windows, const disrupt_verify_options *o,
                       disrupt_verify_result *out, disrupt_error *err)
{
    disrupt_verify_result_init(out);
    if (o->tolerance < 0)
        return disrupt_error_set(err, DISRUPT_EINVAL, "tolerance must be >= 0");
    if (!(o->min_coverage > 0 && o->min_coverage <= 1) || !(o->min_share > 0 && o->min_share <= 1))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "minimum coverage and share must be in (0, 1]");
    for (size_t i = 0; i < claims->count; i++)
        if (claims->items[i].end <= claims->items[i].start)
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "claim '%s' (line %ld) ends before it starts",
                                     claims->items[i].label, claims->items[i].line);
    if (claims->count == 0)
        return DISRUPT_OK;
    chain_list chains;
    if (chains_build(windows, &chains, err))
        return DISRUPT_ENOMEM;
    out->items = calloc(claims->count, sizeof *out->items);
    int rc = out->items ? DISRUPT_OK : disrupt_error_nomem(err);
    for (size_t i = 0; rc == DISRUPT_OK && i < claims->count; i++) {
        rc = verify_one(claims, i, d, windows, &chains, o, &out->items[i], err);
        out->count = i + 1;
    }
    free(chains.items);
    if (rc)
        disrupt_verify_result_fini(out);
    return rc;
}

size_t disrupt_verify_duration(int64_t seconds, char *out, size_t outsz)
{
    static const struct { int64_t size; const char *unit; } units[] = {
        {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"},
    };
    int64_t left = seconds < 0 ? -seconds : seconds;
    size_t len = 0;
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    for (size_t i = 0; i < sizeof units / sizeof units[0] && left > 0; i++) {
        int64_t n = left / units[i].size;
        if (n == 0)
            continue;
        left -= n * units[i].size;
        int w = snprintf(out + len, outsz - len, "%s%lld%s", len ? " " : "", (long long)n,
                         units[i].unit);
        if (w < 0 || (size_t)w >= outsz - len) {
            out[0] = '\0';
            return 0;
        }
        len += (size_t)w;
    }
    if (len == 0) {
        if (outsz < 2)
            return 0;
        out[0] = '0';
        out[1] = '\0';
        len = 1;
    }
    return len;
}

/* "start 1d early" / "end 3h late" / "start agrees". */
static size_t describe_boundary(const char *which, int agrees, int why, int64_t diff, char *out,
                                size_t outsz)
{
    static const char *const reasons[] = {"within the interval", "within the tolerance",
                                          "less than a sampling step from the interval"};
    char dur[32];
    int n;
    if (agrees && diff != 0) {
        disrupt_verify_duration(diff, dur, sizeof dur);
        n = snprintf(out, outsz, "%s agrees (%s %s, %s)", which, dur,
                     diff < 0 ? "early" : "late", reasons[why]);
    } else if (agrees)
        n = snprintf(out, outsz, "%s agrees", which);
    else if (diff == 0)
        n = snprintf(out, outsz, "%s outside the interval", which);
    else {
        disrupt_verify_duration(diff, dur, sizeof dur);
        n = snprintf(out, outsz, "%s %s %s", which, dur, diff < 0 ? "early" : "late");
    }
    return n < 0 || (size_t)n >= outsz ? 0 : (size_t)n;
}

size_t disrupt_verify_describe(const disrupt_verification *v, char *out, size_t outsz)
{
    int n;
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    if (!v->has_window) {
        char step[32], len[32];
        disrupt_verify_duration(v->coarse_step, step, sizeof step);
        if (v->verdict == DISRUPT_VERDICT_NO_DATA && v->signal_missing)
            n = snprintf(out, outsz, "the claimed signal is not among the inputs");
        else if (v->verdict == DISRUPT_VERDICT_NO_DATA && v->coarse_step &&
                 disrupt_verify_duration(v->claim_length, len, sizeof len))
            n = snprintf(out, outsz, "samples every %s are too coarse to show a %s claim", step,
                         len);
        else if (v->verdict == DISRUPT_VERDICT_NO_DATA)
            n = snprintf(out, outsz, "data covers %.0f%% of the claimed period",
                         100.0 * v->coverage);
        else if (!isnan(v->lowest_level))
            n = snprintf(out, outsz, "no disruption detected in the claimed period (lowest "
                                     "level %.0f%% of expected)", 100.0 * v->lowest_level);
        else
            n = snprintf(out, outsz, "no disruption detected in the claimed period");
        return n < 0 || (size_t)n >= outsz ? 0 : (size_t)n;
    }
    char a[112], b[144];
    if (!describe_boundary("start", v->start_agrees, v->start_why, v->start_diff, a, sizeof a) ||
        !describe_boundary("end", v->end_agrees, v->end_why, v->end_diff, b, sizeof b - 40))
        return 0;
    static const char *const readings[] = {"", " (lifted that day)",
                                           " (its last disrupted day)", ""};
    strcat(b, readings[v->end_reading]);
    if (v->verdict == DISRUPT_VERDICT_PARTLY && v->signal_share > v->share)
        n = snprintf(out, outsz, "%s, %s; detected in %.0f%% of the claimed period (%.0f%% in "
                                 "%zu windows)", a, b, 100.0 * v->share,
                     100.0 * v->signal_share, v->nwindows);
    else if (v->verdict == DISRUPT_VERDICT_PARTLY)
        n = snprintf(out, outsz, "%s, %s; detected in %.0f%% of the claimed period", a, b,
                     100.0 * v->share);
    else if (v->verdict == DISRUPT_VERDICT_KIND_DIFFERS)
        n = snprintf(out, outsz, "%s, %s; the data show %s", a, b,
                     disrupt_window_kind_name(v->match.kind));
    else
        n = snprintf(out, outsz, "%s, %s", a, b);
    return n < 0 || (size_t)n >= outsz ? 0 : (size_t)n;
}
