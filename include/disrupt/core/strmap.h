/* strmap.h — a map from byte strings to the order in which they were first added.
 *
 * Open addressing with linear probing on a 64-bit FNV-1a hash; keys are copied. Indices run
 * 0, 1, 2, … in order of first addition, so a caller keeps its per-key records in a plain
 * array beside the map.
 * Ownership: the map owns its copies of the keys; disrupt_strmap_fini frees them.
 * Errors: DISRUPT_ENOMEM only.
 */
#ifndef DISRUPT_STRMAP_H
#define DISRUPT_STRMAP_H

#include <stddef.h>

typedef struct {
    char **keys;        /* by index */
    size_t *lens;
    size_t count, cap;
    size_t *slots;      /* index + 1, 0 = empty */
    size_t nslots;      /* a power of two, at least twice count */
} disrupt_strmap;

void disrupt_strmap_init(disrupt_strmap *m);
void disrupt_strmap_fini(disrupt_strmap *m);

/* The index of key[0..len), or (size_t)-1 when it is not in the map. */
size_t disrupt_strmap_find(const disrupt_strmap *m, const char *key, size_t len);
/* *index of key[0..len), added when new (*added = 1, else 0; added may be NULL). */
int disrupt_strmap_add(disrupt_strmap *m, const char *key, size_t len, size_t *index,
                       int *added);
/* 64-bit FNV-1a of key[0..len): also the shard a name falls in (batch.h). */
unsigned long long disrupt_strmap_hash(const char *key, size_t len);

#endif
