/* fuzz_events.c — `time,label` event files. Checks events.h's promises: nothing appended on
 * error and a message that can be shown; events with times in range and labels that can be
 * shown. */
#include "disrupt/ingest/timeparse.h"
#include "disrupt/workflows/events.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fuzz_stream(data, size);
    if (!f)
        return 0;
    disrupt_event_list l;
    disrupt_event_list_init(&l);
    disrupt_error err = {0};
    int rc = disrupt_events_read_stream(f, "events.csv", &l, &err);
    fclose(f);
    if (rc) {
        FUZZ_CHECK(l.count == 0, "appended on error");
        FUZZ_CHECK_MESSAGE(err);
    }
    for (size_t i = 0; i < l.count; i++) {
        FUZZ_CHECK(l.items[i].time >= DISRUPT_TIME_MIN && l.items[i].time < DISRUPT_TIME_MAX,
                   "time");
        FUZZ_CHECK(fuzz_text_ok(l.items[i].label), "label");
    }
    disrupt_event_list_fini(&l);
    return 0;
}
