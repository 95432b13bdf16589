/* timeparse.c — ISO 8601, Unix seconds/milliseconds and strptime formats into UTC seconds.
 *
 * Naive times in a zone are converted with the zone's offsets from tzone.c; the process's TZ
 * is never switched (see tzone.h for why).
 */
#define _XOPEN_SOURCE 700
#include "disrupt/ingest/timeparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "disrupt/core/error.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/core/tzone.h"

static const char EXPECT_AUTO[] = "an ISO 8601 date-time or Unix seconds";
static const char EXPECT_RANGE[] = "a time in the years 0001 to 9999";
static const char EXPECT_SHORT_NUMBER[] =
    "Unix seconds (9 digits or more) or an ISO 8601 date-time; give --time-format for other "
    "numbers";
static const char EXPECT_LOCAL[] = "a local time that exists in the time zone";

void disrupt_timeparser_init(disrupt_timeparser *p, const char *format, const char *tz)
{
    memset(p, 0, sizeof *p);
    p->format = format && *format ? format : NULL;
    p->tz = tz;
    p->utc = disrupt_tzone_is_utc(tz);
}

void disrupt_timeparser_fini(disrupt_timeparser *p)
{
    p->utc = 1;
}

static int digits(const char *s, const char *end, int n, int *out)
{
    if (end - s < n)
        return 0;
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* Offset of the parser's zone at UTC time t, seconds east. */
static int64_t zone_offset_at(const disrupt_timeparser *p, int64_t t)
{
    long offset = 0;
    disrupt_tzone_offset(p->tz, t, &offset);
    return offset;
}

/* "rows in time order around the repeated local hour 2020-10-25 01:00 (…)" */
static const char *unsorted_message(disrupt_timeparser *p, int64_t hour_local)
{
    char when[40];
    struct tm tm;
    time_t tt = (time_t)hour_local;
    gmtime_r(&tt, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:00", &tm);
    snprintf(p->expected_buf, sizeof p->expected_buf,
             "rows in time order around the local hour %s, which the clocks repeat in %s "
             "(sort the file, or give times with an offset)",
             when, p->tz ? p->tz : "this zone");
    return p->expected_buf;
}

/* Stamps read out of order near a repeated hour cannot be read: the repeated hour is told
 * apart by order alone. 2 when so (t: this stamp's reading, local: its civil time). */
static int check_order(disrupt_timeparser *p, int64_t t, int64_t local)
{
    if (p->have_last && t < p->last_utc)
        p->unsorted = 1;
    int near = p->have_repeated && local - p->repeated_hour < 2 * 86400 &&
               p->repeated_hour - local < 2 * 86400;
    return p->unsorted && near ? 2 : 0;
}

/* Local civil seconds (as if UTC) to UTC in the parser's zone: 0, 1 for a time the clocks
 * skip, 2 for a repeated one in rows out of order. */
static int local_to_utc(disrupt_timeparser *p, int64_t local, int64_t *out)
{
    if (p->utc) {
        *out = local;
        return 0;
    }

    int64_t hour = local >= 0 ? local / 3600 : (local - 3599) / 3600;
    if (p->cached_valid && p->cached_local_hour == hour) {
        *out = local - p->cached_offset;
        return check_order(p, *out, local);
    }
    /* The two offsets in force a day either side cover any transition near this time. */
    int64_t a = zone_offset_at(p, local - 86400), b = zone_offset_at(p, local + 86400);
    int64_t cand[2] = {a > b ? a : b, a > b ? b : a}; /* larger offset = earlier UTC first */
    int valid[2];
    for (int i = 0; i < 2; i++) {
        int64_t t = local - cand[i];
        valid[i] = t + zone_offset_at(p, t) == local;
    }
    int64_t best;
    if (valid[0] && valid[1] && cand[0] != cand[1]) {
        p->repeated_hour = hour * 3600;
        p->have_repeated = 1;
        /* The repeated hour when clocks go back: the first reading, unless the previous
         * stamp already reached it (a sorted file walks through both). */
        best = p->have_last && p->last_utc >= local - cand[0] ? local - cand[1] : local - cand[0];
    } else if (valid[0] || valid[1]) {
        best = local - cand[valid[0] ? 0 : 1];
    } else {
        return 1;
    }
    if (check_order(p, best, local))
        return 2;
    /* Cache only hours that are unambiguous and free of transitions. */
    if (a == b) {
        p->cached_valid = 1;
        p->cached_local_hour = hour;
        p->cached_offset = local - best;
    }
    *out = best;
    return 0;
}

static int in_range(int64_t t)
{
    return t >= DISRUPT_TIME_MIN && t < DISRUPT_TIME_MAX;
}

/* Unix seconds or milliseconds: digits with an optional fraction. */
static int parse_unix(const char *s, const char *end, int64_t *out, const char **expected)
{
    const char *q = s;
    int64_t v = 0;
    int n = 0;
    while (q < end && *q >= '0' && *q <= '9') {
        if (n >= 15) {
            *expected = EXPECT_RANGE;
            return DISRUPT_EDATA;
        }
        v = v * 10 + (*q - '0');
        q++;
        n++;
    }
    if (n == 0) {
        *expected = EXPECT_AUTO;
        return DISRUPT_EDATA;
    }
    if (q < end && *q == '.') {
        q++;
        const char *f = q;
        while (q < end && *q >= '0' && *q <= '9')
            q++;
        if (q == f) {
            *expected = EXPECT_AUTO;
            return DISRUPT_EDATA;
        }
    }
    if (q != end) {
        *expected = EXPECT_AUTO;
        return DISRUPT_EDATA;
    }
    if (n < 9) {
        /* A short number is far likelier a spreadsheet serial day (44101) or a YYYYMMDD
         * date than a time before March 1973: refuse rather than read it as 1970. */
        *expected = EXPECT_SHORT_NUMBER;
        return DISRUPT_EDATA;
    }
    if (n >= 12)
        v /= 1000; /* milliseconds */
    if (!in_range(v)) {
        *expected = EXPECT_RANGE;
        return DISRUPT_EDATA;
    }
    *out = v;
    return 0;
}

/* "Z", "+hh:mm", "+hhmm", "+hh" → seconds east; returns characters consumed or -1. */
static int parse_offset(const char *s, const char *end, int64_t *off)
{
    if (s < end && (*s == 'Z' || *s == 'z')) {
        *off = 0;
        return 1;
    }
    if (s >= end || (*s != '+' && *s != '-'))
        return -1;
    int sign = *s == '-' ? -1 : 1;
    int hh, mm = 0, used = 3;
    if (!digits(s + 1, end, 2, &hh))
        return -1;
    if (s + 3 < end && s[3] == ':') {
        if (!digits(s + 4, end, 2, &mm))
            return -1;
        used = 6;
    } else if (s + 3 < end) {
        if (!digits(s + 3, end, 2, &mm))
            return -1;
        used = 5;
    }
    if (hh > 18 || mm > 59)
        return -1;
    *off = sign * (int64_t)(hh * 3600 + mm * 60);
    return used;
}

static int parse_iso(disrupt_timeparser *p, const char *s, const char *end, int64_t *out,
                     const char **expected)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
    *expected = EXPECT_AUTO;
    /* Rows of one day share their date: reuse the last one checked (the caller guarantees
     * at least 10 characters). */
    int same_date = p->last_date_valid && memcmp(s, p->last_date, 10) == 0;
    if (!same_date &&
        (!digits(s, end, 4, &y) || s + 4 >= end || s[4] != '-' || !digits(s + 5, end, 2, &mo) ||
         s + 7 >= end || s[7] != '-' || !digits(s + 8, end, 2, &d)))
        return DISRUPT_EDATA;
    const char *q = s + 10;
    if (q < end && (*q == 'T' || *q == 't' || *q == ' ')) {
        q++;
        if (!digits(q, end, 2, &h) || q + 2 >= end || q[2] != ':' || !digits(q + 3, end, 2, &mi))
            return DISRUPT_EDATA;
        q += 5;
        if (q < end && *q == ':') {
            if (!digits(q + 1, end, 2, &se))
                return DISRUPT_EDATA;
            q += 3;
            if (q < end && (*q == '.' || *q == ',')) {
                const char *f = ++q;
                while (q < end && *q >= '0' && *q <= '9')
                    q++;
                if (q == f)
                    return DISRUPT_EDATA;
            }
        }
    }
    int has_offset = 0;
    int64_t off = 0;
    if (q < end) {
        int used = parse_offset(q, end, &off);
        if (used < 0 || q + used != end)
            return DISRUPT_EDATA;
        has_offset = 1;
    }
    if (h > 24 || mi > 59 || se > 60 || (h == 24 && (mi || se)))
        return DISRUPT_EDATA;
    if (!same_date) {
        if (mo < 1 || mo > 12 || d < 1)
            return DISRUPT_EDATA;
        if (y < 1) {
            *expected = EXPECT_RANGE;
            return DISRUPT_EDATA;
        }
        if (d > disrupt_time_days_in_month(y, mo))
            return DISRUPT_EDATA;
        memcpy(p->last_date, s, 10);
        p->last_date_seconds = disrupt_time_from_civil(y, mo, d, 0, 0, 0);
        p->last_date_valid = 1;
    }
    int64_t local = p->last_date_seconds + (int64_t)h * 3600 + (int64_t)mi * 60 +
                    (se == 60 ? 59 : se);
    int64_t t;
    if (has_offset) {
        t = local - off;
    } else {
        int bad = local_to_utc(p, local, &t);
        if (bad) {
            *expected = bad == 2 ? unsorted_message(p, p->repeated_hour) : EXPECT_LOCAL;
            return DISRUPT_EDATA;
        }
    }
    if (!in_range(t)) {
        *expected = EXPECT_RANGE;
        return DISRUPT_EDATA;
    }
    p->last_utc = t;
    p->have_last = 1;
    *out = t;
    return 0;
}

static int parse_with_format(disrupt_timeparser *p, const char *s, size_t len, int64_t *out,
                             const char **expected)
{
    *expected = "a time in the given --time-format";
    char stack[128];
    char *buf = len < sizeof stack ? stack : malloc(len + 1);
    if (!buf)
        return DISRUPT_ENOMEM;
    memcpy(buf, s, len);
    buf[len] = '\0';
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_mday = 1;
    int rc = DISRUPT_EDATA;
    const char *end = strptime(buf, p->format, &tm);
    while (end && (*end == ' ' || *end == '\t'))
        end++;
    if (end && *end == '\0') {
        int64_t local = disrupt_time_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                                                tm.tm_hour, tm.tm_min, tm.tm_sec);
        int64_t t = 0;
        if (strstr(p->format, "%s")) {
            /* strptime's %s fills the fields in the process zone; mktime inverts that. */
            struct tm copy = tm;
            copy.tm_isdst = -1;
            t = (int64_t)mktime(&copy);
            rc = 0;
        } else if (strstr(p->format, "%z")) {
            t = local - (int64_t)tm.tm_gmtoff;
            rc = 0;
        } else {
            int bad = local_to_utc(p, local, &t);
            if (!bad)
                rc = 0;
            else
                *expected = bad == 2 ? unsorted_message(p, p->repeated_hour) : EXPECT_LOCAL;
        }
        if (rc == 0 && !in_range(t)) {
            *expected = EXPECT_RANGE;
            rc = DISRUPT_EDATA;
        }
        if (rc == 0) {
            p->last_utc = t;
            p->have_last = 1;
            *out = t;
        }
    }
    if (buf != stack)
        free(buf);
    return rc;
}

int disrupt_timeparser_parse(disrupt_timeparser *p, const char *s, size_t len, int64_t *out,
                             const char **expected)
{
    const char *end = s + len;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (s == end) {
        *expected = p->format ? "a time in the given --time-format" : EXPECT_AUTO;
        return DISRUPT_EDATA;
    }
    if (p->format)
        return parse_with_format(p, s, (size_t)(end - s), out, expected);
    if (end - s >= 10 && s[4] == '-')
        return parse_iso(p, s, end, out, expected);
    return parse_unix(s, end, out, expected);
}

int disrupt_time_parse(const char *s, int64_t *out)
{
    disrupt_timeparser p;
    const char *expected;
    disrupt_timeparser_init(&p, NULL, NULL);
    int rc = disrupt_timeparser_parse(&p, s, strlen(s), out, &expected);
    disrupt_timeparser_fini(&p);
    return rc;
}

int disrupt_time_text_is_date(const char *s, size_t len)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < len; i++)
        if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
            return 0;
    return 1;
}

int disrupt_time_text_is_zoneless(const char *s, size_t len)
{
    if (len < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 10; i < len; i++)
        if (s[i] == 'Z' || s[i] == 'z' || s[i] == '+' || s[i] == '-')
            return 0;
    return 1;
}
