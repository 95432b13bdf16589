/* timeparse.h — reading time stamps from text into UTC Unix seconds.
 *
 * Accepted without a format:
 *   ISO 8601 dates and date-times: "2020-09-27", "2020-09-27T13:05", "2020-09-27 13:05:09",
 *   fractional seconds ("…:09.250", truncated to the second), "Z", "±hh:mm", "±hhmm", "±hh";
 *   Unix seconds (9 to 11 digits, optional fraction) and milliseconds (12 to 14 digits).
 *   Shorter numbers are refused: they are spreadsheet serial days (44101) or YYYYMMDD dates
 *   far more often than times before 1973; --time-format reads them when meant.
 * With a strptime(3) format, the whole cell must match it; a %z in the format gives the offset.
 * Times without an offset are read in the zone of the parser (IANA name, NULL = UTC); a local
 * time that does not exist (spring-forward gap) is an error; an ambiguous one (the hour
 * repeated when clocks go back) takes the first, daylight-saving reading unless the previous
 * stamp parsed already reached it, so a sorted local-time file keeps both hours apart. That
 * reading needs the rows in time order: a repeated hour in rows that are out of order (before
 * it, or within a day after it) is an error naming the hour, not a guess.
 * Accepted range: the years 0001 to 9999 (historical series, long simulations); a year 0 is
 * refused.
 *
 * Ownership: a disrupt_timeparser owns nothing beyond itself; _init/_fini it in place.
 * Errors: functions return 0 or DISRUPT_EDATA and point *expected at a static phrase
 * ("an ISO 8601 date-time or Unix seconds", …) for the caller's "expected …, found '…'".
 * Complexity: O(length of the cell); zone conversions cache the offset per local hour.
 */
#ifndef DISRUPT_TIMEPARSE_H
#define DISRUPT_TIMEPARSE_H

#include <stddef.h>
#include <stdint.h>

#define DISRUPT_TIME_MIN INT64_C(-62135596800)  /* 0001-01-01T00:00:00Z */
#define DISRUPT_TIME_MAX INT64_C(253402300800)  /* 10000-01-01T00:00:00Z, exclusive */

typedef struct {
    const char *format;  /* strptime format, NULL = ISO 8601 / Unix */
    const char *tz;      /* zone of naive times, NULL or "UTC" = UTC */
    int utc;             /* 1 when tz is UTC */
    int64_t cached_local_hour;  /* local civil seconds / 3600 of the cached offset */
    int64_t cached_offset;      /* seconds east of UTC for that hour */
    int cached_valid;
    char last_date[10];         /* "YYYY-MM-DD" of the previous ISO stamp … */
    int64_t last_date_seconds;  /* … and its midnight as civil seconds */
    int last_date_valid;
    int64_t last_utc;           /* the previous result, to read a repeated local hour */
    int have_last;
    int unsorted;               /* some stamp was read earlier than the one before it */
    int64_t repeated_hour;      /* civil seconds of the last repeated hour read, … */
    int have_repeated;          /* … to refuse rows out of order around it */
    char expected_buf[256];     /* a message naming that hour */
} disrupt_timeparser;

void disrupt_timeparser_init(disrupt_timeparser *p, const char *format, const char *tz);
void disrupt_timeparser_fini(disrupt_timeparser *p);

/* Parses s[0..len) (surrounding blanks allowed) into *out. */
int disrupt_timeparser_parse(disrupt_timeparser *p, const char *s, size_t len, int64_t *out,
                             const char **expected);

/* Convenience: ISO 8601 / Unix in UTC. */
int disrupt_time_parse(const char *s, int64_t *out);

/* The shape of a time text s[0..len) (no surrounding blanks): 1 when it is "YYYY-MM-DD" and
 * nothing else, a day rather than an instant. */
int disrupt_time_text_is_date(const char *s, size_t len);
/* 1 when it is an ISO 8601 date or date-time without a zone (no Z, no offset), so that the
 * zone it is read in is the reader's choice. */
int disrupt_time_text_is_zoneless(const char *s, size_t len);

#endif
