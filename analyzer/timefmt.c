/* timefmt.c — formatting UTC seconds, in UTC or an IANA zone.
 *
 * Zones go through the C library's tz database by switching TZ for the call; disrupt is
 * single-threaded, and the previous TZ is restored before returning.
 */
#include "disrupt/timefmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_utc(const char *tz)
{
    return !tz || !*tz || strcmp(tz, "UTC") == 0 || strcmp(tz, "Z") == 0;
}

int64_t disrupt_time_from_civil(int year, int month, int day, int hour, int min, int sec)
{
    /* Days from civil (Howard Hinnant's algorithm), valid for all proleptic Gregorian dates. */
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + (int64_t)hour * 3600 + (int64_t)min * 60 + sec;
}

static void utc_tm(int64_t t, struct tm *out)
{
    time_t tt = (time_t)t;
    gmtime_r(&tt, out);
}

int disrupt_time_local(int64_t t, const char *tz, struct tm *out)
{
    if (is_utc(tz)) {
        utc_tm(t, out);
        return 0;
    }
    const char *old = getenv("TZ");
    char *saved = old ? strdup(old) : NULL;
    setenv("TZ", tz, 1);
    tzset();
    time_t tt = (time_t)t;
    struct tm *r = localtime_r(&tt, out);
    if (saved) {
        setenv("TZ", saved, 1);
        free(saved);
    } else {
        unsetenv("TZ");
    }
    tzset();
    return r ? 0 : 1;
}

long disrupt_time_offset(int64_t t, const char *tz)
{
    struct tm lt;
    if (is_utc(tz) || disrupt_time_local(t, tz, &lt) != 0)
        return 0;
    int64_t as_utc = disrupt_time_from_civil(lt.tm_year + 1900, lt.tm_mon + 1, lt.tm_mday,
                                             lt.tm_hour, lt.tm_min, lt.tm_sec);
    return (long)(as_utc - t);
}

int disrupt_time_zone_valid(const char *tz)
{
    if (is_utc(tz))
        return 1;
    /* glibc silently treats unknown zones as UTC; require the zone file to exist. */
    const char *dir = getenv("TZDIR");
    char path[512];
    if (strstr(tz, "..") || tz[0] == '/')
        return 0;
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "/usr/share/zoneinfo", tz);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char magic[4] = {0};
    size_t got = fread(magic, 1, 4, f);
    fclose(f);
    return got == 4 && memcmp(magic, "TZif", 4) == 0;
}

size_t disrupt_time_format(int64_t t, const char *tz, const char *fmt, char *out, size_t outsz)
{
    struct tm tm;
    if (outsz == 0 || disrupt_time_local(t, tz, &tm) != 0)
        return 0;
    return strftime(out, outsz, fmt, &tm);
}

size_t disrupt_time_iso(int64_t t, char *out, size_t outsz)
{
    return disrupt_time_format(t, NULL, "%Y-%m-%dT%H:%M:%SZ", out, outsz);
}
