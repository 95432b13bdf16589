/* bench_verify.c — how fast claims are read and verified.
 *
 *   bench_verify [CLAIMS] [WINDOWS]
 * builds a SYNTHETIC one-signal series of 10^6 one-minute samples (2019-01-01 onward), WINDOWS
 * windows of 2 h spread evenly over it (default 4000) and CLAIMS claims (default 10^4), claim i
 * on window i mod WINDOWS: exact for even i (supported), starting an hour early for odd i
 * (dates differ); writes the claims as a CSV and prints seconds to read it (rows/s), seconds
 * to verify (claims/s) and how many claims got each verdict.
 * Not a test: figures depend on the machine. Run a Release build (bench/ in `make bench`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "disrupt/workflows/claims.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/workflows/verify.h"

#define POINTS 1000000
#define START 1546300800   /* 2019-01-01T00:00:00Z */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    size_t nclaims = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
    size_t nwindows = argc > 2 ? strtoul(argv[2], NULL, 10) : 4000;
    if (nclaims == 0 || nwindows == 0 || nwindows > POINTS / 240) {
        fprintf(stderr, "usage: bench_verify [CLAIMS] [WINDOWS <= %d]\n", POINTS / 240);
        return 2;
    }
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    disrupt_series *s = disrupt_series_alloc("traffic", NULL, DISRUPT_SIGNAL_LEVEL, START, 60,
                                             POINTS);
    if (!s || disrupt_dataset_add(&d, s, NULL))
        return 1;
    for (size_t i = 0; i < POINTS; i++)
        s->value[i] = (i % 997 == 0) ? 0.0 / 0.0 : 1.0;   /* a few missing samples */
    disrupt_window_list wl;
    disrupt_window_list_init(&wl);
    int64_t spacing = (int64_t)POINTS * 60 / (int64_t)nwindows;
    for (size_t k = 0; k < nwindows; k++) {
        disrupt_window w = {0};
        w.kind = DISRUPT_KIND_SHUTDOWN;
        w.start = START + (int64_t)k * spacing + 3600;
        w.end = w.start + 7200;
        w.start_lo = w.start - 600;
        w.start_hi = w.start + 600;
        w.end_lo = w.end - 600;
        w.end_hi = w.end + 600;
        if (disrupt_window_list_push(&wl, &w, NULL))
            return 1;
    }
    const char *path = "/tmp/disrupt-bench-claims-synthetic.csv";
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fputs("label,start,end,kind,signal\n", f);
    for (size_t i = 0; i < nclaims; i++) {
        const disrupt_window *w = &wl.items[i % nwindows];
        char a[DISRUPT_ISO_LEN], b[DISRUPT_ISO_LEN];
        disrupt_time_iso(w->start - (i % 2 ? 3600 : 0), a, sizeof a);
        disrupt_time_iso(w->end, b, sizeof b);
        fprintf(f, "\"synthetic claim %zu, for timing\",%s,%s,shutdown,traffic\n", i, a, b);
    }
    fclose(f);

    disrupt_claim_list claims;
    disrupt_claim_list_init(&claims);
    disrupt_claims_options co;
    disrupt_claims_options_init(&co);
    disrupt_error err = {0};
    double t0 = now();
    if (disrupt_claims_read(path, &co, &claims, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t1 = now();
    disrupt_verify_options vo;
    disrupt_verify_options_init(&vo);
    disrupt_verify_result r;
    if (disrupt_verify_run(&claims, &d, &wl, &vo, &r, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    double t2 = now();
    size_t n[5] = {0};
    for (size_t i = 0; i < r.count; i++)
        n[r.items[i].verdict]++;
    printf("read   %zu claims in %.3f s = %.0f rows/s\n", claims.count, t1 - t0,
           (double)claims.count / (t1 - t0));
    printf("verify %zu claims against %zu windows over %d points in %.3f s = %.0f claims/s\n",
           claims.count, wl.count, POINTS, t2 - t1, (double)claims.count / (t2 - t1));
    printf("verdicts: %zu supported, %zu dates differ, %zu partly, %zu not supported, %zu no data\n",
           n[0], n[1], n[2], n[3], n[4]);
    disrupt_verify_result_fini(&r);
    disrupt_claim_list_fini(&claims);
    disrupt_window_list_fini(&wl);
    disrupt_dataset_fini(&d);
    remove(path);
    return 0;
}
