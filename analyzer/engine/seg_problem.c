/* seg_problem.c — what every detector shares (see segment_impl.h): the options resolved
 * once into a seg_problem, storing a result, and checked allocation. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "segment_impl.h"

void *seg_alloc(size_t count, size_t size)
{
    if (size && count > PTRDIFF_MAX / size)
        return NULL;
    return malloc(count && size ? count * size : 1);
}

static int normal_scaled(const disrupt_cost_type *t)
{
    return t == disrupt_cost_normal_mean || t == disrupt_cost_normal_meanvar ||
           t == disrupt_cost_l1;
}

static int check_options(const disrupt_segment_options *opt, disrupt_error *err)
{
    if (!opt->cost)
        return disrupt_error_set(err, DISRUPT_EINVAL, "no cost type given");
    if (opt->penalty < DISRUPT_PENALTY_MBIC || opt->penalty > DISRUPT_PENALTY_MANUAL)
        return disrupt_error_set(err, DISRUPT_EINVAL, "unknown penalty kind");
    if (opt->penalty == DISRUPT_PENALTY_MANUAL &&
        !(isfinite(opt->penalty_value) && opt->penalty_value >= 0))
        return disrupt_error_set(err, DISRUPT_EINVAL, "a manual penalty must be >= 0, found %g",
                                 opt->penalty_value);
    if (!(opt->sigma >= 0 && isfinite(opt->sigma)))
        return disrupt_error_set(err, DISRUPT_EINVAL, "sigma must be >= 0, found %g", opt->sigma);
    return 0;
}

int seg_problem_init(seg_problem *p, const double *x, const double *trials, size_t n,
                     const disrupt_segment_options *opt, disrupt_error *err)
{
    memset(p, 0, sizeof *p);
    int rc = check_options(opt, err);
    if (rc)
        return rc;
    p->type = opt->cost;
    p->n = n;
    p->min_seg = opt->min_seg ? opt->min_seg : opt->cost->default_min_seg;
    if (p->min_seg == 0)
        p->min_seg = 1;
    p->sigma = 1.0;
    if (normal_scaled(opt->cost))
        p->sigma = opt->sigma > 0 ? opt->sigma : disrupt_robust_sd(x, n);
    p->beta = disrupt_penalty_value(opt->penalty, opt->penalty_value, opt->cost->diffparam, n);
    p->mbic = opt->penalty == DISRUPT_PENALTY_MBIC;
    p->cost = disrupt_cost_alloc(opt->cost, x, trials, n, p->sigma, err);
    if (!p->cost)
        return err ? err->code : DISRUPT_EINVAL;
    double coords[4], shift;
    p->lift = disrupt_cost_lift(p->cost, 0, coords, &shift);
    return 0;
}

void seg_problem_fini(seg_problem *p)
{
    disrupt_cost_free(p->cost);
    p->cost = NULL;
}

int seg_store(const seg_problem *p, const size_t *cp, size_t ncp, disrupt_segmentation *out,
              disrupt_error *err)
{
    size_t *copy = seg_alloc(ncp, sizeof *copy);
    if (!copy)
        return disrupt_error_nomem(err);
    if (ncp)
        memcpy(copy, cp, ncp * sizeof *copy);
    double total = 0;
    size_t start = 0;
    for (size_t i = 0; i <= ncp; i++) {
        size_t end = i < ncp ? cp[i] : p->n;
        if (end > start)
            total += disrupt_cost_eval(p->cost, start, end);
        start = end;
    }
    free(out->cp);
    out->cp = copy;
    out->ncp = ncp;
    out->cost = total;
    return 0;
}
