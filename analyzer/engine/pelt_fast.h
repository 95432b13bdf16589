/* pelt_fast.h — PELT's local search for the l1 cost on long series (not public API; see
 * pelt_fast.c). cp needs room for n entries. */
#ifndef DISRUPT_PELT_FAST_H
#define DISRUPT_PELT_FAST_H

#include "segment_impl.h"

int seg_pelt_fast(const seg_problem *p, size_t *cp, size_t *ncp, disrupt_error *err);

#endif
