/* timefmt.h — printing times: ISO 8601 UTC for programs, strftime in a zone for people.
 *
 * Times are int64 UTC Unix seconds everywhere in disrupt. A zone is an IANA name
 * ("Asia/Baku") or NULL/"UTC" for UTC. Functions write into caller buffers and never
 * allocate; they return the length written, or 0 when the buffer is too small.
 */
#ifndef DISRUPT_TIMEFMT_H
#define DISRUPT_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define DISRUPT_ISO_LEN 32

/* "2020-09-27T00:00:00Z". */
size_t disrupt_time_iso(int64_t t, char *out, size_t outsz);
/* strftime of t in zone tz. */
size_t disrupt_time_format(int64_t t, const char *tz, const char *fmt, char *out, size_t outsz);
/* Broken-down time of t in zone tz; returns 0 on success. */
int disrupt_time_local(int64_t t, const char *tz, struct tm *out);
/* UTC offset of zone tz at time t, seconds east of Greenwich. */
long disrupt_time_offset(int64_t t, const char *tz);
/* 1 when tz names a zone this machine knows (or is NULL/"UTC"). */
int disrupt_time_zone_valid(const char *tz);
/* Days in a month (1-12) of the proleptic Gregorian calendar. */
int disrupt_time_days_in_month(int year, int month);
/* Seconds since the epoch of a civil date-time in UTC (proleptic Gregorian). */
int64_t disrupt_time_from_civil(int year, int month, int day, int hour, int min, int sec);
/* A compact duration in its largest whole unit: "3d", "2h", "45m", "90s", "-1h", "0". */
size_t disrupt_time_duration(int64_t seconds, char *out, size_t outsz);

#endif
