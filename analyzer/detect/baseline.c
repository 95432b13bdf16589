/* baseline.c — robust seasonal profile and slowly moving level, fitted around disruptions.
 *
 * Everything is fitted on log values with medians, so a handful of outliers or a quiet
 * holiday moves nothing, and points the detector has flagged are left out entirely.
 */
#include "disrupt/detect/baseline.h"
#include "disrupt/detect/quantile.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/timefmt.h"

#define DAY 86400
#define WEEK (7 * DAY)
/* A trend needs this many normal days; fewer cannot tell a trend from an event. */
#define TREND_DAYS 28
/* Departures from the trend are followed over this many days either side, where that many
 * normal days say where they are. */
#define LOCAL_DAYS 28
#define LOCAL_NEED 7

/* A normal sample shapes the daily/weekly profile; within a pinned period it also sets the
 * level. (A pinned day or two cannot show a weekly cycle; the whole series can.) Every
 * sample above the floor shows the shape of the daily cycle (USE_SHAPE): a throttled day
 * keeps its cycle, only lower. */
enum { USE_SEASON = 1, USE_LEVEL = 2, USE_SHAPE = 4 };

typedef enum { SEASON_NONE, SEASON_HOUR_OF_DAY, SEASON_HOUR_OF_WEEK, SEASON_DAY_OF_WEEK } season_kind;

typedef struct {
    const disrupt_series *s;
    size_t n;
    double *y;             /* log values, NaN where missing */
    unsigned char *use;    /* USE_SEASON | USE_LEVEL: where the point takes part in the fit */
    size_t *slot;          /* season slot of each point */
    size_t nslots;
    double *season;        /* nslots offsets */
    double *dayu;          /* position of each point in local days since day 0 */
    size_t ndays;
    double *daylevel;      /* ndays level values */
    size_t ndays_max;      /* days the span touches, whatever the season */
    double *scratch;       /* n doubles */
    int shape_only;        /* the profile's shape from every sample (USE_SHAPE), each against
                            * its own day's level: too few normal days for a profile */
} fit_state;

void disrupt_baseline_options_init(disrupt_baseline_options *o)
{
    o->tz = NULL;
    o->level_window = 0;
    o->pin_start = 0;
    o->pin_end = 0;
    o->flat = 0;
    o->season_quantile = 0.5;
}

static double quantile_of(double *a, size_t n, double q)
{
    return n ? disrupt_quantile_inplace(a, n, q) : NAN;
}

static double median_of(double *a, size_t n)
{
    return quantile_of(a, n, 0.5);
}

double disrupt_baseline_floor(const disrupt_series *s)
{
    double *pos = malloc((s->n ? s->n : 1) * sizeof *pos);
    if (!pos)
        return 1e-9;
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->value[i] > 0 && isfinite(s->value[i]))
            pos[m++] = s->value[i];
    double med = median_of(pos, m);
    free(pos);
    return m ? 1e-3 * med : 1e-9;
}

/* Fills slot[] and dayu[]: the local-time position of every point. The zone offset is
 * looked up once per day, which follows daylight-saving changes at day resolution. */
static void place_points(fit_state *f, const char *tz, season_kind kind)
{
    const disrupt_series *s = f->s;
    int64_t slot_width = s->step > 3600 ? s->step : 3600;
    f->nslots = kind == SEASON_HOUR_OF_WEEK  ? (size_t)(WEEK / slot_width)
              : kind == SEASON_HOUR_OF_DAY   ? (size_t)(DAY / slot_width)
              : kind == SEASON_DAY_OF_WEEK   ? 7
                                             : 1;
    long offset = disrupt_time_offset(s->start, tz);
    int64_t first_local = s->start + offset;
    int64_t day0 = first_local - (((first_local % DAY) + DAY) % DAY);
    int64_t next_lookup = day0 + DAY;
    for (size_t i = 0; i < f->n; i++) {
        int64_t t = disrupt_series_time(s, i);
        if (tz && t + offset >= next_lookup) {
            offset = disrupt_time_offset(t, tz);
            next_lookup = t + offset - (((t + offset) % DAY) + DAY) % DAY + DAY;
        }
        int64_t local = t + offset;
        /* 1970-01-01 was a Thursday: shift so that slot 0 is Monday 00:00. */
        int64_t week_pos = (((local + 3 * DAY) % WEEK) + WEEK) % WEEK;
        switch (kind) {
        case SEASON_HOUR_OF_WEEK: f->slot[i] = (size_t)(week_pos / slot_width); break;
        case SEASON_HOUR_OF_DAY: f->slot[i] = (size_t)((week_pos % DAY) / slot_width); break;
        case SEASON_DAY_OF_WEEK: f->slot[i] = (size_t)(week_pos / DAY); break;
        default: f->slot[i] = 0;
        }
        if (f->slot[i] >= f->nslots)
            f->slot[i] = f->nslots - 1;
        f->dayu[i] = (double)(local - day0) / DAY;
    }
    f->ndays = f->n ? (size_t)f->dayu[f->n - 1] + 1 : 0;
}

static void fit_season(fit_state *f, const double *level_at, double q)
{
    /* Gather residuals by slot with a counting sort into scratch. */
    size_t *start = calloc(f->nslots + 1, sizeof *start);
    if (!start)
        return;
    unsigned char mask = f->shape_only ? USE_SHAPE : USE_SEASON;
    for (size_t i = 0; i < f->n; i++)
        if (f->use[i] & mask)
            start[f->slot[i] + 1]++;
    for (size_t k = 0; k < f->nslots; k++)
        start[k + 1] += start[k];
    size_t *fill = calloc(f->nslots, sizeof *fill);
    if (!fill) {
        free(start);
        return;
    }
    for (size_t i = 0; i < f->n; i++)
        if (f->use[i] & mask) {
            size_t k = f->slot[i];
            f->scratch[start[k] + fill[k]++] = f->y[i] - level_at[i];
        }
    double mean = 0;
    size_t filled = 0;
    for (size_t k = 0; k < f->nslots; k++) {
        size_t m = start[k + 1] - start[k];
        f->season[k] = m ? quantile_of(f->scratch + start[k], m, q) : NAN;
        if (m) {
            mean += f->season[k];
            filled++;
        }
    }
    mean = filled ? mean / (double)filled : 0;
    for (size_t k = 0; k < f->nslots; k++)
        f->season[k] = isnan(f->season[k]) ? 0 : f->season[k] - mean;
    free(fill);
    free(start);
}

/* Median of deseasonalised values per local day (NaN for a day without usable points);
 * with the season removed, even a few samples of a day say where its level is. */
static void daily_medians(fit_state *f, double *dmed, unsigned char mask)
{
    size_t i = 0;
    for (size_t d = 0; d < f->ndays; d++) {
        size_t m = 0;
        while (i < f->n && (size_t)f->dayu[i] == d) {
            if (f->use[i] & mask)
                f->scratch[m++] = f->y[i] - f->season[f->slot[i]];
            i++;
        }
        dmed[d] = m ? median_of(f->scratch, m) : NAN;
    }
}

/* Normal days with a level of their own (daily medians of normal samples). */
static size_t normal_days(const double *dmed, size_t ndays)
{
    size_t valid = 0;
    for (size_t d = 0; d < ndays; d++)
        valid += !isnan(dmed[d]);
    return valid;
}

/* Theil–Sen line through the valid daily medians (pairs subsampled above 2000 days). */
static void trend_level(fit_state *f, const double *dmed)
{
    size_t valid = normal_days(dmed, f->ndays);
    size_t stride = valid > 2000 ? valid / 2000 + 1 : 1;
    size_t cap = (valid / stride + 1) * (valid / stride + 1) / 2 + 1;
    double *slopes = malloc(cap * sizeof *slopes);
    double slope = 0;
    if (slopes) {
        size_t m = 0;
        for (size_t a = 0; a < f->ndays; a += stride)
            for (size_t b = a + stride; b < f->ndays && m < cap; b += stride)
                if (!isnan(dmed[a]) && !isnan(dmed[b]))
                    slopes[m++] = (dmed[b] - dmed[a]) / (double)(b - a);
        slope = m ? median_of(slopes, m) : 0;
        free(slopes);
    }
    size_t m = 0;
    for (size_t d = 0; d < f->ndays; d++)
        if (!isnan(dmed[d]))
            f->scratch[m++] = dmed[d] - slope * (double)d;
    double intercept = median_of(f->scratch, m);
    for (size_t d = 0; d < f->ndays; d++)
        f->daylevel[d] = intercept + slope * (double)d;
}

/* Rolling median of daily medians over `half` days either side; days without `need` normal
 * days around them are filled by linear interpolation between the nearest days that have. */
static void rolling_level(fit_state *f, const double *dmed, size_t half, size_t need)
{
    for (size_t d = 0; d < f->ndays; d++) {
        size_t lo = d > half ? d - half : 0;
        size_t hi = d + half + 1 < f->ndays ? d + half + 1 : f->ndays;
        size_t m = 0;
        for (size_t k = lo; k < hi; k++)
            if (!isnan(dmed[k]))
                f->scratch[m++] = dmed[k];
        f->daylevel[d] = m >= need ? median_of(f->scratch, m) : NAN;
    }
    size_t prev = SIZE_MAX;
    for (size_t d = 0; d <= f->ndays; d++) {
        if (d < f->ndays && isnan(f->daylevel[d]))
            continue;
        size_t gap_start = prev == SIZE_MAX ? 0 : prev + 1;
        for (size_t k = gap_start; k < d; k++) {
            if (prev == SIZE_MAX && d == f->ndays)
                f->daylevel[k] = NAN;
            else if (prev == SIZE_MAX)
                f->daylevel[k] = f->daylevel[d];
            else if (d == f->ndays)
                f->daylevel[k] = f->daylevel[prev];
            else
                f->daylevel[k] = f->daylevel[prev] + (f->daylevel[d] - f->daylevel[prev]) *
                                 (double)(k - prev) / (double)(d - prev);
        }
        prev = d;
    }
}

/* One level: the median of the deseasonalised normal samples (`mask` of use), so that a
 * day only partly normal counts for the part that is. */
static void flat_level(fit_state *f, unsigned char mask)
{
    size_t m = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->use[i] & mask)
            f->scratch[m++] = f->y[i] - f->season[f->slot[i]];
    double level = median_of(f->scratch, m);
    for (size_t d = 0; d < f->ndays; d++)
        f->daylevel[d] = level;
}

/* A trend with local departures: the Theil–Sen line through the normal days, plus the
 * rolling median of the days' departures from it over LOCAL_DAYS either side (interpolated
 * across long excluded stretches). A normal level that differs before and after an event —
 * users who come back in greater numbers — is followed, and a slow trend is followed to the
 * edges of the data, where a plain rolling median would lag. */
static void local_trend_level(fit_state *f, double *dmed)
{
    trend_level(f, dmed);
    for (size_t d = 0; d < f->ndays; d++)
        if (!isnan(dmed[d]))
            dmed[d] -= f->daylevel[d];
    double *line = malloc((f->ndays ? f->ndays : 1) * sizeof *line);
    if (!line)
        return;   /* out of memory: the trend alone */
    memcpy(line, f->daylevel, f->ndays * sizeof *line);
    rolling_level(f, dmed, LOCAL_DAYS, LOCAL_NEED);
    for (size_t d = 0; d < f->ndays; d++) {
        double local = isnan(f->daylevel[d]) ? 0 : f->daylevel[d];
        f->daylevel[d] = line[d] + local;
        if (!isnan(dmed[d]))
            dmed[d] += line[d];
    }
    free(line);
}

/* Level at each point: linear between the centres of its local days. */
static void level_at_points(const fit_state *f, double *level_at)
{
    for (size_t i = 0; i < f->n; i++) {
        double u = f->dayu[i] - 0.5;
        if (u <= 0 || f->ndays == 1) {
            level_at[i] = f->daylevel[0];
            continue;
        }
        size_t d = (size_t)u;
        if (d + 1 >= f->ndays) {
            level_at[i] = f->daylevel[f->ndays - 1];
            continue;
        }
        double w = u - (double)d;
        level_at[i] = (1 - w) * f->daylevel[d] + w * f->daylevel[d + 1];
    }
}

/* Samples per slot: a slot shaped by one or two days is noise, or the outage itself. */
#define MIN_CYCLES 3
/* A profile is kept only when it shrinks the spread of the residuals by this much (a
 * weekly one against the daily one by WEEKLY_GAIN): a signal with no cycle gets none. */
#define CYCLE_GAIN 0.85
#define WEEKLY_GAIN 0.95

/* 1 when nearly every slot of `kind` holds normal samples from MIN_CYCLES different days
 * (hour-of-day) or weeks (hour-of-week, day-of-week). place_points must have run for kind. */
static int season_supported(const fit_state *f, season_kind kind, unsigned char mask)
{
    if (kind == SEASON_NONE)
        return 1;
    size_t *cycles = calloc(f->nslots, sizeof *cycles);
    long *last = malloc(f->nslots * sizeof *last);
    if (!cycles || !last) {
        free(cycles);
        free(last);
        return 0;
    }
    for (size_t k = 0; k < f->nslots; k++)
        last[k] = -1;
    for (size_t i = 0; i < f->n; i++) {
        if (!(f->use[i] & mask))
            continue;
        long cycle = kind == SEASON_HOUR_OF_DAY ? (long)f->dayu[i] : (long)(f->dayu[i] / 7);
        size_t k = f->slot[i];
        if (cycle != last[k]) {
            cycles[k]++;
            last[k] = cycle;
        }
    }
    size_t full = 0;
    for (size_t k = 0; k < f->nslots; k++)
        full += cycles[k] >= MIN_CYCLES;
    free(cycles);
    free(last);
    return (double)full >= 0.9 * (double)f->nslots;
}

/* Shape mode: each sample against the median of its own day (of USE_SHAPE samples, the
 * current season removed), so that a day's level — normal or throttled — does not bend the
 * profile. Writes into level_at; days without such samples give NaN. */
static void own_day_levels(fit_state *f, double *dmed, double *level_at)
{
    daily_medians(f, dmed, USE_SHAPE);
    for (size_t i = 0; i < f->n; i++)
        level_at[i] = dmed[(size_t)f->dayu[i]];
}

/* Level and season depend on each other; three alternations settle both. The season is
 * shaped against the series' own moving level, so that a pinned level far from some
 * stretch of the data does not bend the profile. The level is a trend only over enough
 * normal days, otherwise one level. */
static void fit_profiled(fit_state *f, const disrupt_baseline_options *o, season_kind kind,
                         double *level_at, double *dmed)
{
    place_points(f, o->tz, kind);
    for (size_t k = 0; k < f->nslots; k++)
        f->season[k] = 0;
    size_t half = (size_t)(o->level_window / DAY / 2);
    for (int iter = 0; iter < 3; iter++) {
        if (kind != SEASON_NONE && f->shape_only) {
            own_day_levels(f, dmed, level_at);
            fit_season(f, level_at, o->season_quantile);
        }
        daily_medians(f, dmed, USE_SEASON);
        if (half > 0)
            rolling_level(f, dmed, half, half / 2 > 3 ? half / 2 : 3);
        else if (o->flat || normal_days(dmed, f->ndays) < TREND_DAYS)
            flat_level(f, USE_SEASON);
        else
            local_trend_level(f, dmed);
        level_at_points(f, level_at);
        if (kind == SEASON_NONE)
            break;
        if (!f->shape_only)
            fit_season(f, level_at, o->season_quantile);
    }
}

/* Median absolute deviation of the normal samples from the fitted season and the level:
 * with within_day, the level of each sample's own day (dmed, as daily_medians left it), so
 * that shifts between days — a disruption not yet known, a trend — do not hide a daily
 * cycle; otherwise the fitted level, so that a weekly cycle shows in the days' levels. */
static double residual_spread(fit_state *f, const double *level_at, const double *dmed,
                              int within_day)
{
    size_t m = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (!(f->use[i] & USE_SEASON))
            continue;
        double level = within_day ? dmed[(size_t)f->dayu[i]] : level_at[i];
        if (isfinite(level))
            f->scratch[m++] = f->y[i] - level - f->season[f->slot[i]];
    }
    if (m == 0)
        return NAN;
    double med = median_of(f->scratch, m);
    for (size_t i = 0; i < m; i++)
        f->scratch[i] = fabs(f->scratch[i] - med);
    return median_of(f->scratch, m);
}

/* The richest profile the normal data support and the signal shows: hour-of-week only with
 * several weeks, hour-of-day with several days (day-of-week for daily data), and each only
 * when it explains part of the spread. */
static season_kind choose_season(fit_state *f, const disrupt_baseline_options *o,
                                 double *level_at, double *dmed)
{
    const disrupt_series *s = f->s;
    if (s->step > DAY)
        return SEASON_NONE;
    fit_profiled(f, o, SEASON_NONE, level_at, dmed);
    daily_medians(f, dmed, USE_SEASON);
    double best_spread = residual_spread(f, level_at, dmed, 1);
    double best_level_spread = residual_spread(f, level_at, dmed, 0);
    season_kind best = SEASON_NONE;
    static const season_kind subdaily[] = {SEASON_HOUR_OF_DAY, SEASON_HOUR_OF_WEEK};
    static const season_kind daily[] = {SEASON_DAY_OF_WEEK};
    const season_kind *ladder = s->step < DAY ? subdaily : daily;
    size_t rungs = s->step < DAY ? 2 : 1;
    for (size_t r = 0; r < rungs; r++) {
        place_points(f, o->tz, ladder[r]);
        f->shape_only = 0;
        if (!season_supported(f, ladder[r], USE_SEASON)) {
            /* Too few normal days for the profile: its shape from every day that shows the
             * cycle, if enough do (the days before and after an outage, the throttled days). */
            if (r > 0 || !season_supported(f, ladder[r], USE_SHAPE))
                break;
            f->shape_only = 1;
        }
        fit_profiled(f, o, ladder[r], level_at, dmed);
        daily_medians(f, dmed, USE_SEASON);
        int within_day = ladder[r] != SEASON_HOUR_OF_WEEK;
        double spread = residual_spread(f, level_at, dmed, within_day);
        double level_spread = within_day ? residual_spread(f, level_at, dmed, 0) : spread;
        /* A weekly profile against the daily one measured the same way. */
        double against = within_day ? best_spread : best_level_spread;
        double gain = best == SEASON_NONE ? CYCLE_GAIN : WEEKLY_GAIN;
        if (!(spread <= gain * against)) {
            f->shape_only = 0;
            break;
        }
        best = ladder[r];
        best_spread = spread;
        best_level_spread = level_spread;
        if (f->shape_only)
            break;   /* no weekly profile without the daily one from normal days */
    }
    return best;
}

static int fit_counts(const disrupt_series *s, const unsigned char *use, double *expected,
                      disrupt_error *err)
{
    double k = 0, n = 0;
    for (size_t i = 0; i < s->n; i++)
        if ((use[i] & USE_LEVEL) && s->trials[i] > 0) {
            k += s->value[i];
            n += s->trials[i];
        }
    if (n <= 0)
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: no measurements outside the disruptions to fit a baseline",
                                 s->name);
    for (size_t i = 0; i < s->n; i++)
        expected[i] = k / n;
    return DISRUPT_OK;
}

static void mark_usable(const disrupt_series *s, const unsigned char *exclude,
                        const disrupt_baseline_options *o, unsigned char *use)
{
    double shape_floor = 10 * disrupt_baseline_floor(s);   /* a shutdown shows no cycle */
    int pinned = o->pin_end > o->pin_start;
    for (size_t i = 0; i < s->n; i++) {
        int64_t t = disrupt_series_time(s, i);
        int in_period = !pinned || (t >= o->pin_start && t < o->pin_end);
        /* A period the analyst gave as normal is normal, whatever the detector thought. */
        int normal = !isnan(s->value[i]) && (!(exclude && exclude[i]) || (pinned && in_period));
        use[i] = (unsigned char)(normal ? USE_SEASON | (in_period ? USE_LEVEL : 0) : 0);
        if (!isnan(s->value[i]) && s->value[i] > shape_floor)
            use[i] |= USE_SHAPE;
    }
}

int disrupt_baseline_fit(const disrupt_series *s, const unsigned char *exclude,
                         const disrupt_baseline_options *o, double *expected, disrupt_error *err)
{
    int rc = DISRUPT_OK;
    fit_state f;
    memset(&f, 0, sizeof f);
    f.s = s;
    f.n = s->n;
    double *level_at = NULL, *dmed = NULL;
    size_t n1 = s->n ? s->n : 1;
    f.use = malloc(n1);
    if (!f.use)
        return disrupt_error_nomem(err);
    if (s->type == DISRUPT_SIGNAL_COUNTS) {
        mark_usable(s, exclude, o, f.use);
        rc = fit_counts(s, f.use, expected, err);
        free(f.use);
        return rc;
    }
    f.y = malloc(n1 * sizeof *f.y);
    f.slot = malloc(n1 * sizeof *f.slot);
    f.dayu = malloc(n1 * sizeof *f.dayu);
    f.scratch = malloc(n1 * sizeof *f.scratch);
    level_at = malloc(n1 * sizeof *level_at);
    f.season = malloc(WEEK / 3600 * sizeof *f.season);
    if (!f.y || !f.slot || !f.dayu || !f.scratch || !level_at || !f.season) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    double floor_value = disrupt_baseline_floor(s);
    for (size_t i = 0; i < f.n; i++)
        f.y[i] = isnan(s->value[i]) ? NAN : log(fmax(s->value[i], floor_value));
    mark_usable(s, exclude, o, f.use);
    f.ndays_max = (size_t)((disrupt_series_end(s) - s->start) / DAY) + 3;
    size_t usable = 0;
    for (size_t i = 0; i < f.n; i++)
        usable += (f.use[i] & USE_LEVEL) != 0;
    if (usable < 2) {
        rc = disrupt_error_set(err, DISRUPT_EDATA,
                               "%s: too few normal samples to fit a baseline (%zu)%s", s->name,
                               usable, o->pin_end > o->pin_start ? " in the baseline period" : "");
        goto cleanup;
    }
    f.daylevel = malloc((f.ndays_max ? f.ndays_max : 1) * sizeof *f.daylevel);
    dmed = malloc((f.ndays_max ? f.ndays_max : 1) * sizeof *dmed);
    if (!f.daylevel || !dmed) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    fit_profiled(&f, o, choose_season(&f, o, level_at, dmed), level_at, dmed);
    if (o->pin_end > o->pin_start) {
        flat_level(&f, USE_LEVEL);
        level_at_points(&f, level_at);
    }
    size_t finite = 0;
    for (size_t i = 0; i < f.n; i++) {
        expected[i] = exp(level_at[i] + f.season[f.slot[i]]);
        finite += isfinite(expected[i]) != 0;
    }
    if (finite == 0)
        rc = disrupt_error_set(err, DISRUPT_EDATA,
                               "%s: no baseline could be fitted (too few days of data for the "
                               "level window?)", s->name);
cleanup:
    free(f.use);
    free(f.y);
    free(f.slot);
    free(f.dayu);
    free(f.scratch);
    free(f.season);
    free(f.daylevel);
    free(level_at);
    free(dmed);
    return rc;
}
