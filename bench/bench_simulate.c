/* bench_simulate.c — how fast the simulator generates and writes SYNTHETIC series.
 *
 *   bench_simulate [REPEATS]   for each built-in scenario: generate REPEATS times (default 5)
 *                              and print the best time, samples per second and the cost per
 *                              sample and event; then write one copy into a temporary folder
 *                              and print the time and bytes written. Finally one long case:
 *                              a year of 5-minute traffic with 10 events.
 * Not a test: figures depend on the machine (CPU time is the steadier figure on a shared
 * machine). Run it from a Release build (build-rel), never under the sanitizers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "disrupt/simulate/simulate.h"
#include "disrupt/core/timefmt.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static size_t samples_of(const disrupt_sim_output *out)
{
    size_t n = 0;
    for (size_t i = 0; i < out->nseries; i++)
        n += out->series[i].n;
    return n;
}

static long long folder_bytes(const disrupt_sim_scenario *sc, const char *dir)
{
    long long total = 0;
    char path[4096];
    const char *extra[] = {"truth.json", "meta.json"};
    for (size_t i = 0; i < sc->nsignals + 2; i++) {
        const char *name = i < sc->nsignals ? sc->signals[i].file : extra[i - sc->nsignals];
        int seen = 0;
        for (size_t j = 0; j < i && j < sc->nsignals; j++)
            seen |= strcmp(sc->signals[j].file, name) == 0;
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (!seen && stat(path, &st) == 0)
            total += st.st_size;
    }
    return total;
}

static int bench(disrupt_sim_scenario *sc, int repeats, const char *dir)
{
    disrupt_error err = {0};
    double best = 1e30;
    size_t samples = 0;
    for (int r = 0; r < repeats; r++) {
        disrupt_sim_output out = {0};
        double t0 = cpu_now();
        if (disrupt_sim_generate(sc, &out, &err) != 0) {
            fprintf(stderr, "bench_simulate: %s\n", err.message);
            return 1;
        }
        double t = cpu_now() - t0;
        best = t < best ? t : best;
        samples = samples_of(&out);
        disrupt_sim_output_fini(&out);
    }
    disrupt_sim_output out = {0};
    disrupt_sim_truth truth = {0};
    double t0 = cpu_now();
    int rc = disrupt_sim_generate(sc, &out, &err);
    rc = rc ? rc : disrupt_sim_truth_build(sc, &truth, &err);
    double t1 = cpu_now();
    rc = rc ? rc : disrupt_sim_write_all(sc, &out, &truth, dir, &err);
    double t2 = cpu_now();
    if (rc) {
        fprintf(stderr, "bench_simulate: %s\n", err.message);
    } else {
        printf("%-22s %8zu samples %3zu events  generate %7.1f ms  %6.2f M samples/s  "
               "%5.0f ns/sample/event  write %6.1f ms  %7.0f kB\n",
               sc->name, samples, sc->nevents, best * 1e3, (double)samples / best / 1e6,
               best * 1e9 / (double)samples / (double)(sc->nevents ? sc->nevents : 1),
               (t2 - t1) * 1e3, (double)folder_bytes(sc, dir) / 1e3);
    }
    (void)t0;
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_output_fini(&out);
    return rc;
}

static disrupt_sim_scenario *long_case(void)
{
    int64_t start = disrupt_time_from_civil(2021, 1, 1, 0, 0, 0);
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc("year-5min-10-events", start,
                                                          start + 365 * 86400LL, 300, 1);
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_TRAFFIC);
    s.name = "traffic";
    s.file = "traffic.csv";
    disrupt_error err = {0};
    if (!sc || disrupt_sim_scenario_add_signal(sc, &s, &err) != 0)
        return NULL;
    for (int i = 0; i < 10; i++) {
        disrupt_sim_event e;
        disrupt_sim_event_defaults(&e, i % 2 ? DISRUPT_SIM_THROTTLING : DISRUPT_SIM_SHUTDOWN,
                                   start + (int64_t)(20 + 30 * i) * 86400,
                                   start + (int64_t)(22 + 30 * i) * 86400);
        if (disrupt_sim_scenario_add_event(sc, &e, &err) != 0)
            return NULL;
    }
    return sc;
}

int main(int argc, char **argv)
{
    int repeats = argc > 1 ? atoi(argv[1]) : 5;
    if (repeats < 1)
        repeats = 1;
    char dir[] = "/tmp/disrupt-bench-simulate-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    printf("SYNTHETIC data; best of %d runs, CPU time; written to %s\n", repeats, dir);
    int rc = 0;
    for (const char *const *name = disrupt_sim_scenario_names(); *name && !rc; name++) {
        disrupt_sim_scenario *sc = NULL;
        disrupt_error err = {0};
        rc = disrupt_sim_scenario_builtin(*name, 0, &sc, &err);
        rc = rc ? rc : bench(sc, repeats, dir);
        disrupt_sim_scenario_free(sc);
    }
    disrupt_sim_scenario *sc = rc ? NULL : long_case();
    if (!rc && sc)
        rc = bench(sc, repeats, dir);
    disrupt_sim_scenario_free(sc);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench_simulate: could not remove %s\n", dir);
    return rc;
}
