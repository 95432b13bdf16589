/* segment.c — options, results and the detector registry (see include/disrupt/engine/segment.h). */
#include "disrupt/engine/segment.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void disrupt_segment_options_init(disrupt_segment_options *o)
{
    memset(o, 0, sizeof *o);
    o->cost = disrupt_cost_normal_meanvar;
    o->penalty = DISRUPT_PENALTY_MBIC;
    o->penalty_value = 0;
    o->min_seg = 0;
    o->max_cp = 0;
    o->sigma = 0;
    o->hazard_lambda = 250;
    /* BOCPD sees (x − median)/σ, so a unit prior fits any series: mean 0 known to within one
     * σ (κ₀ = 1) and variance about 1 with the weight of two points (α₀ = β₀ = 1). */
    o->prior_mu = 0;
    o->prior_kappa = 1;
    o->prior_alpha = 1;
    o->prior_beta = 1;
    o->truncate = 1e-4;
    o->cp_threshold = 0.5;
    o->bocpd_lag = 10;
}

void disrupt_segmentation_init(disrupt_segmentation *s)
{
    memset(s, 0, sizeof *s);
}

void disrupt_segmentation_fini(disrupt_segmentation *s)
{
    if (!s)
        return;
    free(s->cp);
    free(s->cp_probability);
    memset(s, 0, sizeof *s);
}

const disrupt_detector_type *disrupt_detector_find(const char *name)
{
    const disrupt_detector_type *const all[] = {disrupt_detector_pelt, disrupt_detector_binseg,
                                                disrupt_detector_amoc, disrupt_detector_bocpd};
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i] && strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

int disrupt_segment(const disrupt_detector_type *type, const double *x, const double *trials,
                    size_t n, const disrupt_segment_options *opt, disrupt_segmentation *out,
                    disrupt_error *err)
{
    disrupt_segmentation_init(out);
    if (!type || !type->run)
        return disrupt_error_set(err, DISRUPT_EINVAL, "no detector given");
    disrupt_segment_options defaults;
    if (!opt) {
        disrupt_segment_options_init(&defaults);
        opt = &defaults;
    }
    int rc = type->run(x, trials, n, opt, out, err);
    if (rc)
        disrupt_segmentation_fini(out);
    return rc;
}
