/* series.h — signals on a regular time grid.
 *
 * A disrupt_series holds one signal sampled every `step` seconds from `start` (UTC Unix
 * seconds). Missing samples are NaN in `value`: a gap in collection is not a shutdown and is
 * never filled. Count signals (OONI blocked/measured) keep the blocked count in `value` and the
 * number of usable measurements in `trials`; `trials` is NULL for level signals.
 *
 * Ownership: a series owns its name, file, namespace and arrays; disrupt_series_free releases them.
 * A disrupt_dataset owns the series it holds. _free(NULL) is a no-op.
 * Memory: 8 bytes per point (16 for counts).
 */
#ifndef DISRUPT_SERIES_H
#define DISRUPT_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"

typedef enum {
    DISRUPT_SIGNAL_LEVEL = 0,  /* traffic volume, /24s up, throughput, users, … */
    DISRUPT_SIGNAL_COUNTS = 1  /* k of n per step: blocked of measured */
} disrupt_signal_type;

typedef struct {
    char *name;                /* column name, or file stem for one-signal count files */
    char *file;                /* path it was read from ("-" for stdin), may be NULL */
    char *ns;                  /* namespace (a file's label or stem) when names alone would
                                * mix signals of different files; NULL otherwise */
    char *unit;                /* display unit, may be NULL */
    disrupt_signal_type type;
    int64_t start;             /* time of value[0], UTC seconds */
    int64_t step;              /* seconds between samples, > 0 */
    size_t n;
    double *value;             /* n values, NaN = missing */
    double *trials;            /* n trial counts for COUNTS, else NULL */
    int synthetic;             /* 1 when the source says the data is simulated */
    int indexed;               /* 1 when start and step count samples of an index, not
                                * seconds (ingest.h: index_axis) */
} disrupt_series;

/* Allocates a series of n missing samples. Returns NULL on overflow or out of memory. */
disrupt_series *disrupt_series_alloc(const char *name, const char *file, disrupt_signal_type type,
                                     int64_t start, int64_t step, size_t n);
void disrupt_series_free(disrupt_series *s);

static inline int64_t disrupt_series_time(const disrupt_series *s, size_t i)
{
    return s->start + (int64_t)i * s->step;
}
/* One past the last sample time: start + n·step. */
int64_t disrupt_series_end(const disrupt_series *s);
/* Number of missing samples. O(n). */
size_t disrupt_series_missing(const disrupt_series *s);
/* A file's name without folders and extension ("stdin" for "-"), to name a signal after its
 * file; caller frees. NULL when out of memory. */
char *disrupt_path_stem(const char *path);
/* Index of the sample at or after time t, clamped to [0, n]. */
size_t disrupt_series_index_at(const disrupt_series *s, int64_t t);

typedef struct {
    disrupt_series **series;
    size_t count;
    size_t capacity;
} disrupt_dataset;

void disrupt_dataset_init(disrupt_dataset *d);
/* Takes ownership of s (also on failure, where s is freed). */
int disrupt_dataset_add(disrupt_dataset *d, disrupt_series *s, disrupt_error *err);

/* A name for the signals of one file (--label FILE=NAME). */
typedef struct {
    const char *file;
    const char *name;
} disrupt_label;

/* Gives signals a namespace so that same-named signals of different files stay apart (two
 * countries' IODA exports both have "bgp"): a labelled file's signals get its label, and a
 * signal whose name another file's signal also has gets its file's stem (the folder's name
 * when the stems are the same too). Each such signal is renamed "NAMESPACE/NAME". Signals of
 * different namespaces never corroborate each other (detect.h). O(n²) in the signals. */
int disrupt_dataset_namespace(disrupt_dataset *d, const disrupt_label *labels, size_t nlabels,
                              disrupt_error *err);

/* 1 when a and b may describe one place: the same namespace, or either has none. */
int disrupt_series_same_namespace(const disrupt_series *a, const disrupt_series *b);
void disrupt_dataset_fini(disrupt_dataset *d);

#endif
