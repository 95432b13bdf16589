/* strmap.c — string → first-addition index; see strmap.h. */
#include "disrupt/core/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/error.h"

void disrupt_strmap_init(disrupt_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void disrupt_strmap_fini(disrupt_strmap *m)
{
    for (size_t i = 0; i < m->count; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

unsigned long long disrupt_strmap_hash(const char *key, size_t len)
{
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= UINT64_C(1099511628211);
    }
    return (unsigned long long)h;
}

/* The slot holding key, or the empty slot where it would go. */
static size_t slot_of(const disrupt_strmap *m, const char *key, size_t len)
{
    size_t mask = m->nslots - 1;
    size_t i = (size_t)disrupt_strmap_hash(key, len) & mask;
    while (m->slots[i]) {
        size_t k = m->slots[i] - 1;
        if (m->lens[k] == len && memcmp(m->keys[k], key, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

size_t disrupt_strmap_find(const disrupt_strmap *m, const char *key, size_t len)
{
    if (m->nslots == 0)
        return (size_t)-1;
    size_t i = slot_of(m, key, len);
    return m->slots[i] ? m->slots[i] - 1 : (size_t)-1;
}

static int grow_slots(disrupt_strmap *m)
{
    size_t n = m->nslots ? m->nslots * 2 : 64;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return DISRUPT_ENOMEM;
    free(m->slots);
    m->slots = slots;
    m->nslots = n;
    for (size_t k = 0; k < m->count; k++)
        m->slots[slot_of(m, m->keys[k], m->lens[k])] = k + 1;
    return DISRUPT_OK;
}

static int grow_keys(disrupt_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    char **keys = realloc(m->keys, cap * sizeof *keys);
    if (!keys)
        return DISRUPT_ENOMEM;
    m->keys = keys;
    size_t *lens = realloc(m->lens, cap * sizeof *lens);
    if (!lens)
        return DISRUPT_ENOMEM;
    m->lens = lens;
    m->cap = cap;
    return DISRUPT_OK;
}

int disrupt_strmap_add(disrupt_strmap *m, const char *key, size_t len, size_t *index,
                       int *added)
{
    if (added)
        *added = 0;
    if ((m->count + 1) * 2 > m->nslots && grow_slots(m))
        return DISRUPT_ENOMEM;
    size_t i = slot_of(m, key, len);
    if (m->slots[i]) {
        *index = m->slots[i] - 1;
        return DISRUPT_OK;
    }
    if (m->count == m->cap && grow_keys(m))
        return DISRUPT_ENOMEM;
    char *copy = malloc(len + 1);
    if (!copy)
        return DISRUPT_ENOMEM;
    memcpy(copy, key, len);
    copy[len] = '\0';
    m->keys[m->count] = copy;
    m->lens[m->count] = len;
    m->slots[i] = ++m->count;
    *index = m->count - 1;
    if (added)
        *added = 1;
    return DISRUPT_OK;
}
