/* timefmt.c — formatting UTC seconds, in UTC or an IANA zone.
 *
 * Zones are read by tzone.c, never by switching the process's TZ (see tzone.h for why).
 */
#include "disrupt/core/timefmt.h"

#include <stdio.h>
#include <stdlib.h>

#include "disrupt/core/tzone.h"

int disrupt_time_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 ? 28 + leap : days[month - 1];
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
    long offset = 0;
    if (disrupt_tzone_offset(tz, t, &offset) != 0)
        return 1;
    utc_tm(t + offset, out);
    out->tm_gmtoff = offset;
    out->tm_zone = NULL;  /* no abbreviation is kept: print offsets with %z, not %Z */
    return 0;
}

long disrupt_time_offset(int64_t t, const char *tz)
{
    long offset = 0;
    if (disrupt_tzone_offset(tz, t, &offset) != 0)
        return 0;
    return offset;
}

int disrupt_time_zone_valid(const char *tz)
{
    long offset;
    return disrupt_tzone_offset(tz, 0, &offset) == 0;
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
    /* %Y does not pad years below 1000 to the four digits ISO 8601 wants. */
    struct tm tm;
    if (outsz == 0 || disrupt_time_local(t, NULL, &tm) != 0)
        return 0;
    int n = snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return n < 0 || (size_t)n >= outsz ? 0 : (size_t)n;
}

size_t disrupt_time_duration(int64_t seconds, char *out, size_t outsz)
{
    int64_t a = seconds < 0 ? -seconds : seconds;
    const char *sign = seconds < 0 ? "-" : "";
    int n;
    if (a == 0)
        n = snprintf(out, outsz, "0");
    else if (a % 86400 == 0 && a >= 86400)
        n = snprintf(out, outsz, "%s%lldd", sign, (long long)(a / 86400));
    else if (a % 3600 == 0 && a >= 3600)
        n = snprintf(out, outsz, "%s%lldh", sign, (long long)(a / 3600));
    else if (a % 60 == 0 && a >= 60)
        n = snprintf(out, outsz, "%s%lldm", sign, (long long)(a / 60));
    else
        n = snprintf(out, outsz, "%s%llds", sign, (long long)a);
    return n < 0 || (size_t)n >= outsz ? 0 : (size_t)n;
}
