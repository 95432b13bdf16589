/* testutil.c — see testutil.h. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

const char *tu_source(const char *relative)
{
    static char path[4096];
    const char *root = getenv("DISRUPT_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/%s", root ? root : ".", relative);
    return path;
}

char *tu_tempdir(void)
{
    char *dir = strdup("/tmp/disrupt-test-XXXXXX");
    if (!dir || !mkdtemp(dir)) {
        free(dir);
        return NULL;
    }
    return dir;
}

void tu_rmrf(const char *dir)
{
    if (!dir || strncmp(dir, "/tmp/disrupt-test-", 18) != 0)
        return;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "testutil: could not remove %s\n", dir);
}

char *tu_write_file(const char *dir, const char *name, const char *text)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (!path)
        return NULL;
    snprintf(path, len, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) {
        free(path);
        return NULL;
    }
    fputs(text, f);
    fclose(f);
    return path;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

tu_result tu_run(const char *args)
{
    tu_result r = {-1, NULL, NULL};
    char *dir = tu_tempdir();
    if (!dir)
        return r;
    const char *bin = getenv("DISRUPT_BIN");
    size_t len = strlen(args) + strlen(dir) * 2 + 4096;
    char *cmd = malloc(len);
    if (!cmd) {
        free(dir);
        return r;
    }
    snprintf(cmd, len, "%s %s </dev/null >%s/out 2>%s/err", bin ? bin : "disrupt", args, dir, dir);
    int st = system(cmd);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/out", dir);
    r.out = tu_read_file(path, NULL);
    snprintf(path, sizeof path, "%s/err", dir);
    r.err = tu_read_file(path, NULL);
    free(cmd);
    tu_rmrf(dir);
    free(dir);
    return r;
}

void tu_result_free(tu_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

disrupt_series *tu_synthetic_level(const char *name, int64_t start, int64_t step, size_t n,
                                   double noise, size_t drop_first, size_t drop_last,
                                   double drop_level, unsigned long seed)
{
    disrupt_series *s = disrupt_series_alloc(name, "synthetic", DISRUPT_SIGNAL_LEVEL, start, step, n);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!s || !rng) {
        disrupt_series_free(s);
        gsl_rng_free(rng);
        return NULL;
    }
    gsl_rng_set(rng, seed);
    for (size_t i = 0; i < n; i++) {
        int64_t t = start + (int64_t)i * step;
        double hour = (double)((t % 86400 + 86400) % 86400) / 3600.0;
        int weekday = (int)(((t / 86400) + 3) % 7); /* 0 = Monday */
        double diurnal = exp(0.45 * cos(2 * M_PI * (hour - 20.0) / 24.0));
        double weekly = weekday >= 5 ? 0.9 : 1.0;
        double v = 1000.0 * diurnal * weekly * exp(gsl_ran_gaussian(rng, noise));
        if (i >= drop_first && i < drop_last)
            v *= drop_level;
        s->value[i] = v;
    }
    s->synthetic = 1;
    gsl_rng_free(rng);
    return s;
}

disrupt_series *tu_synthetic_counts(const char *name, int64_t start, int64_t step, size_t n,
                                    double trials, double p0, double p1, size_t drop_first,
                                    size_t drop_last, unsigned long seed)
{
    disrupt_series *s = disrupt_series_alloc(name, "synthetic", DISRUPT_SIGNAL_COUNTS, start, step, n);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!s || !rng) {
        disrupt_series_free(s);
        gsl_rng_free(rng);
        return NULL;
    }
    gsl_rng_set(rng, seed);
    for (size_t i = 0; i < n; i++) {
        unsigned int m = gsl_ran_poisson(rng, trials);
        double p = (i >= drop_first && i < drop_last) ? p1 : p0;
        s->trials[i] = m;
        s->value[i] = m ? gsl_ran_binomial(rng, p, m) : NAN;
    }
    s->synthetic = 1;
    gsl_rng_free(rng);
    return s;
}

int tu_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

void tu_one_line(char *out, size_t outsz, const char *text)
{
    snprintf(out, outsz, "%s", text);
    for (char *q = out; *q; q++)
        if (*q == '\n')
            *q = ' ';
}
