/* bench_plot.c — how long laying out and rendering a chart takes, by size of input.
 *
 *   bench_plot [OUT_DIR]    (default /tmp) prints, per case, the seconds of the layout alone
 *                           and of each format written end to end, with the file sizes
 *
 * Cases (SYNTHETIC series built in memory, labelled synthetic): one hourly signal over eight
 * months with one window; four hourly signals over ten years with a run of 300 nightly
 * windows; one 5-minute signal over twenty years. Best of three runs. Not a test: figures
 * depend on the machine (and on other work running on it).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "disrupt/plot/plot.h"
#include "disrupt/core/timefmt.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct {
    const char *name;
    size_t signals;
    int64_t step;
    int64_t start, end;
    size_t nightly;   /* windows in a nightly run, on signal 0 */
} bench_case;

typedef struct {
    disrupt_dataset data;
    double **expected;
    disrupt_window_list windows;
} bench_input;

static int build(const bench_case *bc, bench_input *b)
{
    disrupt_dataset_init(&b->data);
    b->windows.items = NULL;
    b->windows.count = b->windows.capacity = 0;
    b->expected = calloc(bc->signals, sizeof *b->expected);
    if (!b->expected)
        return 1;
    size_t n = (size_t)((bc->end - bc->start) / bc->step);
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (size_t k = 0; k < bc->signals; k++) {
        char name[32];
        snprintf(name, sizeof name, "signal%zu", k + 1);
        disrupt_series *s = disrupt_series_alloc(name, "synthetic (bench_plot)", DISRUPT_SIGNAL_LEVEL,
                                                 bc->start, bc->step, n);
        b->expected[k] = malloc(n * sizeof(double));
        if (!s || !b->expected[k] || disrupt_dataset_add(&b->data, s, NULL))
            return 1;
        s->synthetic = 1;
        for (size_t i = 0; i < n; i++) {
            double h = (double)((disrupt_series_time(s, i) % 86400) / 3600);
            double e = 100 * (1 + 0.3 * sin(h / 24 * 2 * M_PI));
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            b->expected[k][i] = e;
            s->value[i] = i % 997 == 0 ? NAN : e * (0.95 + 0.1 * (double)(x % 1000) / 1000.0);
        }
    }
    b->windows.items = calloc(bc->nightly + 1, sizeof *b->windows.items);
    if (!b->windows.items)
        return 1;
    int64_t mid = bc->start + (bc->end - bc->start) / 2;
    for (size_t k = 0; k <= bc->nightly; k++) {
        disrupt_window *w = &b->windows.items[b->windows.count++];
        w->kind = k ? DISRUPT_KIND_SHUTDOWN : DISRUPT_KIND_THROTTLING;
        w->start = k ? mid + (int64_t)k * 86400 : bc->start + (bc->end - bc->start) / 4;
        w->end = k ? w->start + 6 * 3600 : w->start + 46 * 86400;
        w->start_lo = w->start - 3600;
        w->start_hi = w->start + 3600;
        w->end_lo = w->end - 3600;
        w->end_hi = w->end + 3600;
        w->level = k ? 0.05 : 0.58;
        w->depth = 1 - w->level;
        w->baseline = 1;
    }
    return 0;
}

static void release(const bench_case *bc, bench_input *b)
{
    for (size_t k = 0; b->expected && k < bc->signals; k++)
        free(b->expected[k]);
    free(b->expected);
    free(b->windows.items);
    disrupt_dataset_fini(&b->data);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(int argc, char **argv)
{
    const char *out = argc > 1 ? argv[1] : "/tmp";
    const bench_case cases[] = {
        {"8 months hourly, 1 signal", 1, 3600, disrupt_time_from_civil(2020, 6, 1, 0, 0, 0),
         disrupt_time_from_civil(2021, 2, 1, 0, 0, 0), 0},
        {"10 years hourly, 4 signals, 300 nightly windows", 4, 3600,
         disrupt_time_from_civil(2011, 1, 1, 0, 0, 0), disrupt_time_from_civil(2021, 1, 1, 0, 0, 0),
         300},
        {"20 years 5-minute, 1 signal", 1, 300, disrupt_time_from_civil(2001, 1, 1, 0, 0, 0),
         disrupt_time_from_civil(2021, 1, 1, 0, 0, 0), 0},
    };
    printf("%-48s %10s %8s %8s %8s %8s\n", "case (SYNTHETIC)", "points", "layout", "png", "svg",
           "pdf");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        bench_input b;
        if (build(&cases[c], &b)) {
            fprintf(stderr, "bench_plot: out of memory\n");
            return 1;
        }
        disrupt_plot_input in = {&b.data, (const double *const *)b.expected, &b.windows, NULL,
                                 NULL, 0, NULL};
        disrupt_plot_options opt;
        disrupt_plot_options_init(&opt);
        opt.title = cases[c].name;
        double best[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
        long sizes[3] = {0, 0, 0};
        const char *ext[3] = {"png", "svg", "pdf"};
        for (int run = 0; run < 3; run++) {
            disrupt_plot_layout l;
            disrupt_error err;
            double t = now();
            if (disrupt_plot_layout_compute(&in, &opt, NULL, NULL, &l, &err)) {
                fprintf(stderr, "bench_plot: %s\n", err.message);
                return 1;
            }
            best[0] = fmin(best[0], now() - t);
            disrupt_plot_layout_fini(&l);
            for (int f = 0; f < 3; f++) {
                char path[4096];
                snprintf(path, sizeof path, "%s/bench-plot-%zu.%s", out, c + 1, ext[f]);
                t = now();
                if (disrupt_plot_write(path, &in, &opt, &err)) {
                    fprintf(stderr, "bench_plot: %s\n", err.message);
                    return 1;
                }
                best[f + 1] = fmin(best[f + 1], now() - t);
                sizes[f] = file_size(path);
            }
        }
        size_t points = 0;
        for (size_t k = 0; k < b.data.count; k++)
            points += b.data.series[k]->n;
        printf("%-48s %10zu %7.3fs %7.3fs %7.3fs %7.3fs\n", cases[c].name, points, best[0], best[1],
               best[2], best[3]);
        printf("%-48s %10s %8s %7ldk %7ldk %7ldk\n", "  file sizes", "", "", sizes[0] / 1000,
               sizes[1] / 1000, sizes[2] / 1000);
        release(&cases[c], &b);
    }
    return 0;
}
