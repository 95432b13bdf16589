/* fuzz_timeparse.c — time stamps. The first byte chooses the format and zone; the rest is
 * the cell. Checks timeparse.h's promises: a result in the years 0001–9999; an ISO/Unix
 * reading in UTC agrees with disrupt_time_parse; and a time read from ISO text and written
 * back as ISO reads back to the same second. */
#include <string.h>

#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/timeparse.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 256)
        return 0;
    static const char *const formats[] = {NULL, "%Y-%m-%d %H:%M", "%d.%m.%Y", "%s"};
    static const char *const zones[] = {NULL, "Asia/Baku", "America/New_York", "Australia/Lord_Howe"};
    const char *format = formats[data[0] & 3];
    const char *tz = zones[(data[0] >> 2) & 3];
    char cell[257];
    memcpy(cell, data + 1, size - 1);
    cell[size - 1] = '\0';
    size_t len = size - 1;
    disrupt_timeparser p;
    disrupt_timeparser_init(&p, format, tz);
    int64_t t = 0;
    const char *expected = NULL;
    int rc = disrupt_timeparser_parse(&p, cell, len, &t, &expected);
    if (rc == 0) {
        FUZZ_CHECK(t >= DISRUPT_TIME_MIN && t < DISRUPT_TIME_MAX, "%lld", (long long)t);
    } else {
        FUZZ_CHECK(expected && fuzz_text_ok(expected), "expected phrase");
    }
    /* The same cell a second time: the parser's caches must not change the answer, except
     * for a repeated local hour, which reads as the later hour once the first is taken. */
    int64_t t2 = 0;
    int rc2 = disrupt_timeparser_parse(&p, cell, len, &t2, &expected);
    FUZZ_CHECK(rc2 == rc || (rc == 0 && tz), "second reading %d, first %d", rc2, rc);
    FUZZ_CHECK(rc || rc2 || t2 == t || (tz && t2 - t <= 3 * 3600 && t2 >= t), "%lld then %lld",
               (long long)t, (long long)t2);
    disrupt_timeparser_fini(&p);
    if (!format && !tz && strlen(cell) == len) {
        int64_t u;
        int rc3 = disrupt_time_parse(cell, &u);
        FUZZ_CHECK(rc3 == rc && (rc || u == t), "disrupt_time_parse disagrees");
        char iso[64];
        if (rc == 0 && disrupt_time_iso(t, iso, sizeof iso)) {
            FUZZ_CHECK(disrupt_time_parse(iso, &u) == 0 && u == t, "'%s' of %lld reads as %lld",
                       iso, (long long)t, (long long)u);
        }
    }
    return 0;
}
