/* penalty.c — penalty per change point (see include/disrupt/engine/segment.h).
 *
 * As R's changepoint package defines them, with diffparam the number of parameters that change
 * at a change point (1 for a change in mean or variance alone, 2 for both):
 *   BIC (SIC) (diffparam + 1)·log n      MBIC (diffparam + 2)·log n (+ log m per segment,
 *   AIC 2·(diffparam + 1)                      applied by the detectors; Zhang & Siegmund 2007)
 *   HQ  2·(diffparam + 1)·log log n      manual: the number given.
 */
#include <math.h>

#include "disrupt/engine/segment.h"

double disrupt_penalty_value(disrupt_penalty_kind kind, double manual, int diffparam, size_t n)
{
    double logn = n > 1 ? log((double)n) : 0.0;
    double k = (double)diffparam;
    switch (kind) {
    case DISRUPT_PENALTY_MBIC:
        return (k + 2.0) * logn;
    case DISRUPT_PENALTY_BIC:
        return (k + 1.0) * logn;
    case DISRUPT_PENALTY_AIC:
        return 2.0 * (k + 1.0);
    case DISRUPT_PENALTY_HQ:
        /* log log n is negative below n = 3; the package lets it be, we keep it >= 0. */
        return logn > 1.0 ? 2.0 * (k + 1.0) * log(logn) : 0.0;
    case DISRUPT_PENALTY_MANUAL:
        return manual;
    }
    return manual;
}
