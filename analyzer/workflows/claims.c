/* claims.c — the claim list and kind sets; the readers are in claims_csv.c,
 * claims_keepiton.c and claims_ioda.c. */
#include "disrupt/workflows/claims.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void disrupt_claims_options_init(disrupt_claims_options *o)
{
    o->tz = NULL;
    o->date_order = DISRUPT_DATE_ORDER_AUTO;
    o->country = NULL;
    o->warn = NULL;
    o->warn_ctx = NULL;
}

void disrupt_claim_list_init(disrupt_claim_list *l)
{
    memset(l, 0, sizeof *l);
}

void disrupt_claim_list_fini(disrupt_claim_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].label);
        free(l->items[i].signal);
        free(l->items[i].country);
    }
    free(l->items);
    disrupt_claim_list_init(l);
}

static int grow(disrupt_claim_list *l, disrupt_error *err)
{
    if (l->count < l->capacity)
        return DISRUPT_OK;
    size_t cap = l->capacity ? l->capacity * 2 : 8;
    if (cap < l->capacity || cap > SIZE_MAX / sizeof *l->items)
        return disrupt_error_nomem(err);
    disrupt_claim *items = realloc(l->items, cap * sizeof *items);
    if (!items)
        return disrupt_error_nomem(err);
    l->items = items;
    l->capacity = cap;
    return DISRUPT_OK;
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

int disrupt_claim_list_add(disrupt_claim_list *l, const char *label, int64_t start, int64_t end,
                           disrupt_kind_set kinds, const char *signal, const char *country,
                           long line, disrupt_error *err)
{
    if (grow(l, err))
        return DISRUPT_ENOMEM;
    int failed = 0;
    disrupt_claim c = {
        .label = dup_or_null(label ? label : "", &failed),
        .start = start,
        .end = end,
        .start_span = {start, start, DISRUPT_PRECISION_TIME},
        .end_span = {end, end, DISRUPT_PRECISION_TIME},
        .kinds = kinds,
        .signal = dup_or_null(signal, &failed),
        .country = dup_or_null(country, &failed),
        .line = line,
    };
    if (failed) {
        free(c.label);
        free(c.signal);
        free(c.country);
        return disrupt_error_nomem(err);
    }
    l->items[l->count++] = c;
    return DISRUPT_OK;
}

static const char *const kind_names[] = {"shutdown", "throttling", "blocking", "outage"};
#define NKINDS (sizeof kind_names / sizeof kind_names[0])

static int is_separator(char c)
{
    return c == '+' || c == ',' || c == ';' || c == '/' || c == ' ' || c == '\t';
}

int disrupt_kind_set_parse(const char *s, size_t len, disrupt_kind_set *out)
{
    disrupt_kind_set set = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && is_separator(s[i]))
            i++;
        size_t j = i;
        while (j < len && !is_separator(s[j]))
            j++;
        if (j == i)
            break;
        size_t k = 0;
        while (k < NKINDS && !(strlen(kind_names[k]) == j - i &&
                               strncasecmp(kind_names[k], s + i, j - i) == 0))
            k++;
        if (k == NKINDS)
            return 1;
        set |= DISRUPT_KIND_BIT(k);
        i = j;
    }
    *out = set;
    return 0;
}

size_t disrupt_kind_set_format(disrupt_kind_set set, char *out, size_t outsz)
{
    size_t len = 0;
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    for (size_t k = 0; k < NKINDS; k++) {
        if (!(set & DISRUPT_KIND_BIT(k)))
            continue;
        int n = snprintf(out + len, outsz - len, "%s%s", len ? "+" : "", kind_names[k]);
        if (n < 0 || (size_t)n >= outsz - len) {
            out[0] = '\0';
            return 0;
        }
        len += (size_t)n;
    }
    return len;
}
