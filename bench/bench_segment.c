/* bench_segment.c — speed and peak memory of each change-point method.
 *
 * For n = 10⁴ … 10⁷ (or up to the n given as first argument) and 2 or 100 evenly spaced
 * changes, each method runs once on a SYNTHETIC series (Gaussian noise, sd 1; levels
 * alternating 0 and 2, the noise sd alternating 1 and 1.5) in a child process, so that its
 * peak resident memory (getrusage ru_maxrss, including the 8-byte-per-point input) is its own.
 * Prints points per second, peak memory in MB and bytes per point, the changes found and, for
 * PELT, whether the result is the exact optimum and the penalised cost it reached (pelt-fast,
 * the local search PELT used on long series before its hull pruning, shows what that gave up).
 * pelt-mean is PELT with normal-mean, the cost `disrupt segment` uses by default. A run whose
 * predicted time (linear from the previous n) exceeds 150 s is skipped and says so.
 * Build in Release: cmake -DCMAKE_BUILD_TYPE=Release.
 * Usage: bench_segment [MAX_N [METHOD]]   (METHOD: one label of the table below)
 */
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "disrupt/engine/segment.h"

#define LIMIT_SECONDS 150.0

typedef struct {
    const char *label;
    const char *detector;
    int exact;   /* PELT: -1 forces the old fast path (a local optimum), for comparison */
    int mean;    /* the normal-mean cost (segment's default) instead of normal-meanvar */
} method;

static const method methods[] = {
    {"pelt", "pelt", 0, 0},
    {"pelt-fast", "pelt", -1, 0},
    {"pelt-mean", "pelt", 0, 1},
    {"binseg", "binseg", 0, 0},
    {"amoc", "amoc", 0, 0},
    {"bocpd", "bocpd", 0, 0},
};

typedef struct {
    double seconds;   /* CPU time of the detector (one thread: time on one core) */
    double wall;
    size_t ncp;
    int exact;
    int ok;
    double objective;   /* PELT: the penalised cost it reached (MBIC, log m terms included) */
} outcome;

static double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* SYNTHETIC series: k evenly spaced changes of level and noise. */
static double *synthetic(size_t n, size_t k)
{
    double *x = malloc(n * sizeof *x);
    if (!x)
        return NULL;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2024);
    for (size_t i = 0; i < n; i++) {
        size_t seg = (size_t)((double)i * (double)(k + 1) / (double)n);
        x[i] = (seg % 2 ? 2.0 : 0.0) + gsl_ran_gaussian_ziggurat(r, seg % 3 ? 1.0 : 1.5);
    }
    gsl_rng_free(r);
    return x;
}

static outcome run_child(const method *m, size_t n, size_t k)
{
    outcome o = {0, 0, 0, 0, 0, NAN};
    double *x = synthetic(n, k);
    if (!x)
        return o;
    disrupt_segment_options opt;
    disrupt_segment_options_init(&opt);
    opt.pelt_exact = m->exact;
    if (m->mean)
        opt.cost = disrupt_cost_normal_mean;
    disrupt_segmentation seg;
    disrupt_error err;
    double w0 = clock_seconds(CLOCK_MONOTONIC), c0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    int rc = disrupt_segment(disrupt_detector_find(m->detector), x, NULL, n, &opt, &seg, &err);
    o.seconds = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
    o.wall = clock_seconds(CLOCK_MONOTONIC) - w0;
    if (rc == 0) {
        o.ncp = seg.ncp;
        o.exact = seg.exact;
        o.ok = 1;
        double beta = disrupt_penalty_value(opt.penalty, 0, opt.cost->diffparam, n);
        o.objective = seg.cost + beta * (double)seg.ncp;
        for (size_t i = 0, start = 0; i <= seg.ncp; i++) {
            size_t end = i < seg.ncp ? seg.cp[i] : n;
            o.objective += log((double)(end - start));
            start = end;
        }
        disrupt_segmentation_fini(&seg);
    } else {
        fprintf(stderr, "bench_segment: %s: %s\n", m->label, err.message);
    }
    free(x);
    return o;
}

/* Runs one measurement in a child; returns its outcome and peak RSS in kB. */
static outcome measure(const method *m, size_t n, size_t k, long *peak_kb)
{
    outcome o = {0, 0, 0, 0, 0, NAN};
    int fd[2];
    if (pipe(fd) != 0)
        return o;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        outcome c = run_child(m, n, k);
        ssize_t w = write(fd[1], &c, sizeof c);
        _exit(w == (ssize_t)sizeof c ? 0 : 1);
    }
    close(fd[1]);
    if (pid < 0) {
        close(fd[0]);
        return o;
    }
    if (read(fd[0], &o, sizeof o) != (ssize_t)sizeof o)
        o.ok = 0;
    close(fd[0]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) == pid)
        *peak_kb = ru.ru_maxrss;
    return o;
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    size_t max_n = argc > 1 ? (size_t)strtod(argv[1], NULL) : 10000000;
    const size_t sizes[] = {10000, 100000, 1000000, 10000000};
    const size_t changes[] = {2, 100};
    printf("SYNTHETIC series; default options (normal-meanvar, MBIC) unless named; one core\n");
    printf("points/s and seconds are CPU time on one core; wall = elapsed time\n");
    printf("%-11s %9s %4s %12s %9s %9s %9s %6s %5s %5s %16s\n", "method", "n", "cps",
           "points/s", "cpu s", "wall s", "peak MB", "B/pt", "found", "exact", "penalised cost");
    const char *only = argc > 2 ? argv[2] : NULL;
    for (size_t mi = 0; mi < sizeof methods / sizeof methods[0]; mi++) {
        if (only && strcmp(only, methods[mi].label) != 0)
            continue;
        for (size_t ki = 0; ki < 2; ki++) {
            double prev_seconds = 0;
            size_t prev_n = 0;
            for (size_t si = 0; si < 4 && sizes[si] <= max_n; si++) {
                size_t n = sizes[si], k = changes[ki];
                const method *m = &methods[mi];
                double ratio = prev_n ? (double)n / (double)prev_n : 0;
                double predicted = prev_seconds * ratio;
                if (predicted > LIMIT_SECONDS) {
                    printf("%-11s %9zu %4zu   skipped: predicted %.0f s > %.0f s\n", m->label, n,
                           k, predicted, LIMIT_SECONDS);
                    prev_seconds = predicted;
                    prev_n = n;
                    continue;
                }
                long peak_kb = 0;
                outcome o = measure(m, n, k, &peak_kb);
                if (!o.ok) {
                    printf("%-11s %9zu %4zu   failed\n", m->label, n, k);
                    break;
                }
                double peak_mb = (double)peak_kb / 1024.0;
                int pelt = strcmp(m->detector, "pelt") == 0;
                printf("%-11s %9zu %4zu %12.0f %9.3f %9.3f %9.1f %6.1f %5zu %5s", m->label, n,
                       k, (double)n / o.seconds, o.seconds, o.wall, peak_mb,
                       (double)peak_kb * 1024.0 / (double)n, o.ncp,
                       !pelt ? "-" : o.exact ? "yes" : "no");
                if (pelt)
                    printf(" %16.3f", o.objective);
                putchar('\n');
                fflush(stdout);
                prev_seconds = o.seconds;
                prev_n = n;
            }
        }
    }
    return 0;
}
