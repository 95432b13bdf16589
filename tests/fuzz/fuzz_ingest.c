/* fuzz_ingest.c — the data reader, every dialect. The first two bytes choose the options
 * (format, zone, index axis, skipping bad rows, aggregate, step, time format, country); the
 * rest is the file (read through fmemopen: no file system, no fork). Checks ingest.h's promises: nothing appended on error and a message that
 * can be shown; on success series with a positive step, at least one sample, times in the
 * accepted range, values finite or missing, counts with finite non-negative trials. */
#include <math.h>
#include <string.h>

#include "disrupt/ingest/ingest.h"
#include "disrupt/ingest/timeparse.h"
#include "fuzz.h"

static void on_warning(void *ctx, const char *message)
{
    (void)ctx;
    FUZZ_CHECK(fuzz_text_ok(message), "warning '%s'", message);
}

static void choose_options(uint8_t a, uint8_t b, disrupt_ingest_options *o)
{
    static const char *const formats[] = {NULL, "plain", "long", "ioda", "ooni", "tor", "google", NULL};
    static const char *const zones[] = {NULL, "Asia/Baku", "America/New_York", "Europe/London"};
    static const int64_t steps[] = {0, 300, 3600, 86400};
    static const char *const time_formats[] = {NULL, "%d.%m.%Y %H:%M", "%m/%d/%Y", NULL};
    o->format = formats[a & 7];
    o->tz = zones[(a >> 3) & 3];
    o->index_axis = (a >> 5) & 1;
    o->skip_bad_rows = (a >> 6) & 1;
    o->country = (a >> 7) ? "AZ" : NULL;
    o->aggregate = (disrupt_aggregate)(b % 5);
    o->step = steps[(b >> 3) & 3];
    o->time_format = time_formats[(b >> 5) & 3];
    o->entity = (b >> 7) ? "AZ" : NULL;
    o->warn = on_warning;
    /* Sparse grids of 10⁷ samples are correct but slow to fill; a smaller budget keeps the
     * fuzzer on the reader's logic (the budget's own rule is the same at any size). */
    o->max_sparse_samples = 4096;
}

static void check_series(const disrupt_series *s)
{
    FUZZ_CHECK(s->n > 0 && s->step > 0, "n %zu step %lld", s->n, (long long)s->step);
    FUZZ_CHECK(s->name && fuzz_text_ok(s->name), "name");
    if (!s->indexed) {
        FUZZ_CHECK(s->start >= DISRUPT_TIME_MIN && s->start < DISRUPT_TIME_MAX, "start %lld",
                   (long long)s->start);
        FUZZ_CHECK((int64_t)(s->n - 1) <= (DISRUPT_TIME_MAX - s->start) / s->step,
                   "last sample past the year 9999");
    }
    for (size_t i = 0; i < s->n; i++) {
        FUZZ_CHECK(!isinf(s->value[i]), "value[%zu] infinite", i);
        if (s->trials)
            FUZZ_CHECK(isnan(s->trials[i]) || (isfinite(s->trials[i]) && s->trials[i] >= 0),
                       "trials[%zu] = %g", i, s->trials[i]);
    }
    FUZZ_CHECK((s->type == DISRUPT_SIGNAL_COUNTS) == (s->trials != NULL), "counts and trials");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    disrupt_ingest_options o;
    disrupt_ingest_options_init(&o);
    choose_options(data[0], data[1], &o);
    FILE *f = fuzz_stream(data + 2, size - 2);
    if (!f)
        return 0;
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    disrupt_error err = {0};
    int rc = disrupt_ingest_stream(f, "fuzz.csv", &o, &d, &err);
    fclose(f);
    if (rc) {
        FUZZ_CHECK(d.count == 0, "%zu series appended on error %d", d.count, rc);
        FUZZ_CHECK_MESSAGE(err);
        FUZZ_CHECK(rc != DISRUPT_EINVAL, "options chosen here are all valid: %s", err.message);
    } else {
        FUZZ_CHECK(d.count > 0, "success without a series");
        for (size_t i = 0; i < d.count; i++)
            check_series(d.series[i]);
    }
    disrupt_dataset_fini(&d);
    return 0;
}
