/* tzone.c — reading TZif zone files and looking offsets up in them. */
#include "disrupt/core/tzone.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TWENTY_EIGHT_YEARS INT64_C(883612800) /* 10227 days */
#define MAX_ZONE_FILE (1 << 20)

typedef struct zone {
    char *name;
    int64_t *when;        /* transition times, ascending */
    long *offset_after;   /* offset in force from when[i] on */
    size_t count;
    long initial;         /* offset before the first transition */
    int recurring_dst;    /* the footer rule has daylight saving */
    struct zone *next;
} zone;

/* Zones read so far; loaded once each and never freed, so a zone found stays valid. The
 * lock keeps batch's threads from loading one zone twice or losing one. */
static zone *loaded;
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;

static int64_t be(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v = v << 8 | p[i];
    if (bytes == 4)
        return (int64_t)(int32_t)(uint32_t)v;
    return (int64_t)v;
}

typedef struct {
    size_t isut, isstd, leap, time, type, chars;
} tzif_counts;

static int read_counts(const unsigned char *h, size_t avail, tzif_counts *c)
{
    if (avail < 44 || memcmp(h, "TZif", 4) != 0)
        return 1;
    c->isut = (size_t)be(h + 20, 4);
    c->isstd = (size_t)be(h + 24, 4);
    c->leap = (size_t)be(h + 28, 4);
    c->time = (size_t)be(h + 32, 4);
    c->type = (size_t)be(h + 36, 4);
    c->chars = (size_t)be(h + 40, 4);
    return c->type == 0 || c->type > 256 || c->time > 100000 || c->chars > 10000 ||
           c->leap > 10000 || c->isut > 256 || c->isstd > 256;
}

static size_t data_size(const tzif_counts *c, int time_bytes)
{
    return c->time * (size_t)time_bytes + c->time + c->type * 6 + c->chars +
           c->leap * (size_t)(time_bytes + 4) + c->isstd + c->isut;
}

/* Parses the 64-bit block (or the 32-bit one of a version 1 file) into z. */
static int parse(const unsigned char *buf, size_t len, zone *z)
{
    tzif_counts c;
    if (read_counts(buf, len, &c))
        return 1;
    const unsigned char *h = buf;
    int bytes = 4;
    size_t v1 = 44 + data_size(&c, 4);
    if (buf[4] >= '2') {
        if (v1 > len || read_counts(buf + v1, len - v1, &c))
            return 1;
        h = buf + v1;
        bytes = 8;
    }
    size_t need = (size_t)(h - buf) + 44 + data_size(&c, bytes);
    if (need > len)
        return 1;
    const unsigned char *times = h + 44, *idx = times + c.time * (size_t)bytes;
    const unsigned char *types = idx + c.time;
    z->when = malloc((c.time ? c.time : 1) * sizeof *z->when);
    z->offset_after = malloc((c.time ? c.time : 1) * sizeof *z->offset_after);
    if (!z->when || !z->offset_after)
        return 1;
    for (size_t i = 0; i < c.time; i++) {
        if (idx[i] >= c.type)
            return 1;
        z->when[i] = be(times + i * (size_t)bytes, bytes);
        z->offset_after[i] = (long)be(types + 6 * (size_t)idx[i], 4);
    }
    z->count = c.time;
    z->initial = (long)be(types, 4);  /* RFC 8536: type 0 before the first transition */
    /* The footer "\nPOSIX-TZ\n" after the data: a ',' means rules for daylight saving. */
    const unsigned char *footer = buf + need;
    if (bytes == 8 && need < len && *footer == '\n') {
        const unsigned char *end = memchr(footer + 1, '\n', len - need - 1);
        z->recurring_dst = end && memchr(footer + 1, ',', (size_t)(end - footer - 1)) != NULL;
    }
    return 0;
}

static int load_file(const char *name, unsigned char **buf, size_t *len)
{
    if (!*name || name[0] == '/' || strstr(name, ".."))
        return 1;
    const char *dir = getenv("TZDIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 1;
    *buf = malloc(MAX_ZONE_FILE);
    *len = *buf ? fread(*buf, 1, MAX_ZONE_FILE, f) : 0;
    fclose(f);
    return *buf == NULL || *len == 0;
}

static void zone_free(zone *z)
{
    if (!z)
        return;
    free(z->name);
    free(z->when);
    free(z->offset_after);
    free(z);
}

static const zone *find_zone_locked(const char *name)
{
    for (zone *z = loaded; z; z = z->next)
        if (strcmp(z->name, name) == 0)
            return z;
    unsigned char *buf = NULL;
    size_t len = 0;
    zone *z = calloc(1, sizeof *z);
    int bad = !z || load_file(name, &buf, &len) || parse(buf, len, z) ||
              !(z->name = strdup(name));
    free(buf);
    if (bad) {
        zone_free(z);
        return NULL;
    }
    z->next = loaded;
    loaded = z;
    return z;
}

static const zone *find_zone(const char *name)
{
    pthread_mutex_lock(&loading);
    const zone *z = find_zone_locked(name);
    pthread_mutex_unlock(&loading);
    return z;
}

static long offset_in(const zone *z, int64_t t)
{
    if (z->count == 0 || t < z->when[0])
        return z->initial;
    if (z->recurring_dst)
        while (t > z->when[z->count - 1] && t - TWENTY_EIGHT_YEARS >= z->when[0])
            t -= TWENTY_EIGHT_YEARS;
    size_t lo = 0, hi = z->count;  /* last transition <= t */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (z->when[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return z->offset_after[lo];
}

int disrupt_tzone_is_utc(const char *tz)
{
    return !tz || !*tz || strcmp(tz, "UTC") == 0 || strcmp(tz, "Z") == 0;
}

int disrupt_tzone_offset(const char *tz, int64_t t, long *offset)
{
    if (disrupt_tzone_is_utc(tz)) {
        *offset = 0;
        return 0;
    }
    const zone *z = find_zone(tz);
    if (!z)
        return 1;
    *offset = offset_in(z, t);
    return 0;
}
