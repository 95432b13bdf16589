/* caveat.h — what a reader of a detection should be told about the baseline it rests on.
 *
 * A level signal's expected level is fitted on the samples that look normal. When fewer than
 * a tenth of its usable samples do, the file may hold no normal period at all and the
 * expected level is a guess; when they span less than three days (a week for daily data),
 * the daily cycle and the level rest on little. Counts signals have no such baseline.
 * Ownership: none; out is the caller's.
 */
#ifndef DISRUPT_CAVEAT_H
#define DISRUPT_CAVEAT_H

#include <stddef.h>

#include "disrupt/ingest/series.h"

/* Room for any caveat: a left-out signal's reason (an error message) and a few words. */
#define DISRUPT_CAVEAT_MAX 1200

/* Writes the caveat on s, whose baseline was fitted on `normal` samples, into out ("NAME:
 * only 40 of 900 samples look normal: …", naming --baseline FROM..TO as the remedy) and
 * returns 1; returns 0 when there is none. */
int disrupt_baseline_caveat(const disrupt_series *s, size_t normal, char *out, size_t outsz);

#endif
