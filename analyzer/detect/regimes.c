/* regimes.c — normal from the regimes around a drop (see include/disrupt/detect/regimes.h). */
#include "disrupt/detect/regimes.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/detect/baseline.h"
#include "disrupt/engine/segment.h"

#define DAY_SECONDS 86400

typedef struct {
    size_t first, last;   /* usable-sample indices [first, last) */
    double level;         /* median log ratio */
} regime;

/* 1 when level is at least the drop below ref (log levels; cut = log(1 − drop)). */
static int below(double level, double ref, double cut)
{
    return level <= ref + cut;
}

/* Walks from regime k outward (step −1 or +1) while the levels do not fall the drop below
 * the highest stable regime met (at least `stable` samples: a spike of a few samples is no
 * level to compare with), nor below regime k itself — that would be another, deeper valley:
 * small bumps and dips inside a valley or on a plateau are passed over. Returns the highest
 * stable regime met (the highest of any when none is stable) and sets *edge when the walk
 * ran into the start or end of the data (not into the end of the regimes at a deeper valley
 * set aside: that is a descent too). */
static size_t walk_to_peak(const regime *r, size_t nr, size_t k, int step, double cut,
                           size_t stable, int data_start, int data_end, int *edge)
{
    size_t peak = SIZE_MAX, any = k, q = k;
    *edge = 0;
    for (;;) {
        if ((step < 0 && q == 0) || (step > 0 && q + 1 == nr)) {
            *edge = step < 0 ? data_start : data_end;
            break;
        }
        size_t next = step < 0 ? q - 1 : q + 1;
        double top = peak != SIZE_MAX && r[peak].level > r[k].level ? r[peak].level : r[k].level;
        if (below(r[next].level, top, cut))
            break;   /* a descent into another valley */
        q = next;
        if (r[q].last - r[q].first >= stable && (peak == SIZE_MAX || r[q].level > r[peak].level))
            peak = q;
        if (r[q].level > r[any].level)
            any = q;
    }
    return peak != SIZE_MAX ? peak : any;
}

/* Flags the valleys among the regimes r[0..nr) (see regimes.h); data_start and data_end say
 * whether r[0] starts and r[nr − 1] ends the data, or a deeper valley set aside lies beyond.
 * From each local minimum, walk to the peak on either side (walk_to_peak). The reference is
 * the lower of the two peaks; but when the walk forward ran into the end of the data without
 * regaining the level before — a restoration still under way — the reference is the peak
 * before. (A walk back into the start of the data takes its highest regime for the peak: a
 * file starts normal unless its start is a valley itself.) Every regime between the peaks at
 * least the drop below the reference is flagged, and those between the first and the last. */
static void flag_valleys(const regime *r, size_t nr, double cut, size_t stable, int data_start,
                         int data_end, unsigned char *valley)
{
    for (size_t k = 0; k < nr && nr >= 2; k++) {
        if ((k > 0 && r[k - 1].level <= r[k].level) ||
            (k + 1 < nr && r[k + 1].level <= r[k].level))
            continue;
        if ((k == 0 && !data_start) || (k + 1 == nr && !data_end))
            continue;   /* beside a deeper valley: no minimum */
        int left_edge, right_edge;
        size_t lp = walk_to_peak(r, nr, k, -1, cut, stable, data_start, data_end, &left_edge);
        size_t rp = walk_to_peak(r, nr, k, +1, cut, stable, data_start, data_end, &right_edge);
        double left = r[lp].level, right = r[rp].level;
        double ref = k == 0 ? right
                   : right_edge && below(right, left, cut) ? left
                                                           : fmin(left, right);
        size_t from = lp < rp ? lp : k, to = rp;
        size_t first = SIZE_MAX, last = 0;
        for (size_t q = from; q <= to; q++)
            if (below(r[q].level, ref, cut)) {
                if (first == SIZE_MAX)
                    first = q;
                last = q;
            }
        for (size_t q = first; first != SIZE_MAX && q <= last; q++)
            valley[q] = 1;
    }
}

/* Samples in the flagged regimes r[a..b). */
static size_t flagged_samples(const regime *r, const unsigned char *valley, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t k = a; k < b; k++)
        n += valley[k] ? r[k].last - r[k].first : 0;
    return n;
}

/* Valleys within valleys: nightly shutdowns inside a weeks-long throttling are valleys of
 * their own and the days between them peaks, so the throttling shows only once the nights
 * are set aside. After the first search, the regimes not yet flagged are searched again as
 * if the flagged ones between them were not there — those shorter than a day, like nights
 * between days; a longer valley stays a barrier that the search does not cross (the level
 * before a weeks-long blocking is no valley of the level after it). Until no new valley
 * appears. */
static int nested_valleys(const regime *r, size_t nr, double cut, size_t stable,
                          int64_t step, unsigned char *valley, disrupt_error *err)
{
    regime *kept = malloc(nr * sizeof *kept);
    size_t *from = malloc(nr * sizeof *from);
    unsigned char *found = malloc(nr);
    int rc = DISRUPT_OK;
    if (!kept || !from || !found) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    flag_valleys(r, nr, cut, stable, 1, 1, valley);
    for (int pass = 0; pass < 8; pass++) {
        size_t nk = 0;
        for (size_t k = 0; k < nr; k++)
            if (!valley[k]) {
                kept[nk] = r[k];
                from[nk++] = k;
            }
        if (nk < 2)
            break;
        memset(found, 0, nk);
        /* Pieces of kept regimes joined across short valleys only. */
        size_t begin = 0, day = (size_t)(DAY_SECONDS / step);
        int starts_data = flagged_samples(r, valley, 0, from[0]) < day;
        for (size_t q = 1; q <= nk; q++) {
            size_t gap = q == nk ? flagged_samples(r, valley, from[nk - 1] + 1, nr)
                                 : flagged_samples(r, valley, from[q - 1] + 1, from[q]);
            int barrier = gap >= day;
            if (q < nk && !barrier)
                continue;
            int ends_data = q == nk && !barrier;
            flag_valleys(kept + begin, q - begin, cut, stable, starts_data, ends_data,
                         found + begin);
            begin = q;
            starts_data = 0;
        }
        size_t fresh = 0;
        for (size_t q = 0; q < nk; q++)
            if (found[q]) {
                valley[from[q]] = 1;
                fresh++;
            }
        if (fresh == 0)
            break;
    }
cleanup:
    free(kept);
    free(from);
    free(found);
    return rc;
}

int disrupt_regimes_flag(const disrupt_series *s, const double *expected, double drop,
                         size_t min_seg, unsigned char *flag, disrupt_error *err)
{
    size_t n1 = s->n ? s->n : 1;
    size_t *idx = malloc(n1 * sizeof *idx);
    double *x = malloc(n1 * sizeof *x);
    double *scratch = malloc(n1 * sizeof *scratch);
    regime *r = NULL;
    unsigned char *valley = NULL;
    disrupt_segmentation seg;
    disrupt_segmentation_init(&seg);
    int rc = DISRUPT_OK;
    if (!idx || !x || !scratch) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    double floor_value = disrupt_baseline_floor(s);
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (isnan(s->value[i]) || !isfinite(expected[i]))
            continue;
        x[m] = log(fmax(s->value[i], floor_value) / fmax(expected[i], floor_value));
        idx[m++] = i;
    }
    if (m < 2 * min_seg || m < 4)
        goto cleanup;
    disrupt_segment_options so;
    disrupt_segment_options_init(&so);
    so.cost = disrupt_cost_normal_mean;
    so.min_seg = min_seg;
    so.sigma = disrupt_robust_sd(x, m);
    rc = disrupt_segment(disrupt_detector_pelt, x, NULL, m, &so, &seg, err);
    if (rc)
        goto cleanup;
    size_t nr = seg.ncp + 1;
    r = malloc(nr * sizeof *r);
    if (!r) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    for (size_t k = 0; k < nr; k++) {
        r[k].first = k == 0 ? 0 : seg.cp[k - 1];
        r[k].last = k < seg.ncp ? seg.cp[k] : m;
        size_t len = r[k].last - r[k].first;
        memcpy(scratch, x + r[k].first, len * sizeof *scratch);
        r[k].level = gsl_stats_median(scratch, 1, len);
    }
    valley = calloc(nr, 1);
    if (!valley) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    rc = nested_valleys(r, nr, log(1.0 - drop), 2 * min_seg > 4 ? 2 * min_seg : 4, s->step,
                        valley, err);
    if (rc)
        goto cleanup;
    for (size_t k = 0; k < nr; k++) {
        if (!valley[k])
            continue;
        for (size_t i = r[k].first; i < r[k].last; i++)
            flag[idx[i]] = 1;
    }
cleanup:
    disrupt_segmentation_fini(&seg);
    free(valley);
    free(r);
    free(idx);
    free(x);
    free(scratch);
    return rc;
}
