/* recurrence.c — recognising daily recurring windows. */
#include "disrupt/detect/recurrence.h"

#include <stdlib.h>

#include "disrupt/core/timefmt.h"

#define DAY 86400

static long time_of_day(int64_t t, const char *tz)
{
    int64_t local = t + disrupt_time_offset(t, tz);
    return (long)(((local % DAY) + DAY) % DAY);
}

/* Circular distance between two times of day. */
static long tod_distance(long a, long b)
{
    long d = labs(a - b);
    return d > DAY / 2 ? DAY - d : d;
}

static int continues(const disrupt_window *prev, const disrupt_window *next, long chain_tod,
                     const char *tz, int64_t tolerance)
{
    if (next->signal != prev->signal || next->kind != prev->kind)
        return 0;
    int64_t gap = next->start - prev->start;
    return gap >= DAY - tolerance && gap <= 3 * DAY + tolerance &&
           tod_distance(time_of_day(next->start, tz), chain_tod) <= tolerance;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Median time of day of the chain's starts (or ends); times after midnight of a window that
 * began before it are kept on the same clock, so the median of 23:50 and 00:10 is sane. */
static long median_tod(const disrupt_window *w, size_t count, int use_end, const char *tz,
                       long *scratch)
{
    long ref = time_of_day(use_end ? w[0].end : w[0].start, tz);
    for (size_t i = 0; i < count; i++) {
        long t = time_of_day(use_end ? w[i].end : w[i].start, tz);
        if (t - ref > DAY / 2)
            t -= DAY;
        else if (ref - t > DAY / 2)
            t += DAY;
        scratch[i] = t;
    }
    qsort(scratch, count, sizeof *scratch, cmp_long);
    long m = scratch[count / 2];
    return ((m % DAY) + DAY) % DAY;
}

int disrupt_recurrences_find(const disrupt_window_list *w, const char *tz, int64_t tolerance,
                             disrupt_recurrence **out, size_t *count, disrupt_error *err)
{
    *out = NULL;
    *count = 0;
    if (w->count < 3)
        return DISRUPT_OK;
    disrupt_recurrence *found = malloc(w->count / 3 * sizeof *found);
    long *scratch = malloc(w->count * sizeof *scratch);
    if (!found || !scratch) {
        free(found);
        free(scratch);
        return disrupt_error_nomem(err);
    }
    size_t n = 0;
    for (size_t i = 0; i < w->count;) {
        long tod = time_of_day(w->items[i].start, tz);
        size_t j = i + 1;
        while (j < w->count && continues(&w->items[j - 1], &w->items[j], tod, tz, tolerance))
            j++;
        if (j - i >= 3) {
            disrupt_recurrence *r = &found[n++];
            r->signal = w->items[i].signal;
            r->kind = w->items[i].kind;
            r->first = i;
            r->count = j - i;
            r->start_tod = median_tod(&w->items[i], j - i, 0, tz, scratch);
            r->end_tod = median_tod(&w->items[i], j - i, 1, tz, scratch);
            r->from = w->items[i].start;
            r->until = w->items[j - 1].end;
        }
        i = j;
    }
    free(scratch);
    *out = found;
    *count = n;
    return DISRUPT_OK;
}
