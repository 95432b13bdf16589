/* check_quantile.c — quantiles by selection equal, bit for bit, GSL's from sorted data: on
 * seeded arrays of every size up to 300, with many ties, sorted and reversed runs, and the
 * quantiles the baseline uses and the ends. */
#include <check.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/detect/quantile.h"
#include "testutil.h"

static void fill(double *a, size_t n, int shape, gsl_rng *r)
{
    for (size_t i = 0; i < n; i++) {
        switch (shape) {
        case 0: a[i] = gsl_rng_uniform(r); break;                       /* distinct */
        case 1: a[i] = (double)gsl_rng_uniform_int(r, 4); break;        /* many ties */
        case 2: a[i] = (double)i; break;                                /* sorted */
        case 3: a[i] = (double)(n - i); break;                          /* reversed */
        default: a[i] = 7.0; break;                                     /* all equal */
        }
    }
}

START_TEST(selection_equals_sorting)
{
    static const double qs[] = {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0};
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 20261201);
    double *a = malloc(300 * sizeof *a), *b = malloc(300 * sizeof *b);
    for (size_t n = 1; n <= 300; n++)
        for (int shape = 0; shape < 5; shape++)
            for (size_t k = 0; k < sizeof qs / sizeof *qs; k++) {
                fill(a, n, shape, r);
                memcpy(b, a, n * sizeof *a);
                gsl_sort(b, 1, n);
                double want = gsl_stats_quantile_from_sorted_data(b, 1, n, qs[k]);
                double got = disrupt_quantile_inplace(a, n, qs[k]);
                ck_assert_msg(got == want, "n %zu shape %d q %g: %.17g, want %.17g", n, shape,
                              qs[k], got, want);
                gsl_sort(a, 1, n);   /* reordered, not changed */
                ck_assert_mem_eq(a, b, n * sizeof *a);
            }
    free(a);
    free(b);
    gsl_rng_free(r);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("quantile");
    TCase *tc = tcase_create("quantile");
    tcase_add_test(tc, selection_equals_sorting);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
