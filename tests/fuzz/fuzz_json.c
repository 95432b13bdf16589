/* fuzz_json.c — the JSON side of the input layer and the scenario reader on top of it. The
 * first byte chooses a byte cap; the rest is the file. Checks jsonread.h's promises: a value
 * or an error with a message that can be shown, never both; and that a scenario built from a
 * document is either refused with such a message or holds what simulate.h requires. */
#include <json-c/json.h>

#include "disrupt/ingest/jsonread.h"
#include "disrupt/simulate/simulate.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const size_t caps[] = {0, 7, 100, 4096};
    FILE *f = fuzz_stream(data + 1, size - 1);
    if (!f)
        return 0;
    struct json_object *o = NULL;
    disrupt_error err = {0};
    int rc = disrupt_json_read_stream(f, "in.json", caps[data[0] & 3], &o, &err);
    fclose(f);
    if (rc) {
        FUZZ_CHECK(o == NULL, "a value and an error");
        FUZZ_CHECK_MESSAGE(err);
    } else {
        FUZZ_CHECK(o != NULL, "no value and no error");
        FUZZ_CHECK(caps[data[0] & 3] == 0 || size - 1 <= caps[data[0] & 3], "past the cap");
        json_object_put(o);
    }
    f = fuzz_stream(data + 1, size - 1);
    if (!f)
        return 0;
    disrupt_sim_scenario *sc = NULL;
    rc = disrupt_sim_scenario_from_json_stream(f, "spec.json", 7, 1, &sc, &err);
    fclose(f);
    if (rc) {
        FUZZ_CHECK(sc == NULL, "a scenario and an error");
        FUZZ_CHECK_MESSAGE(err);
    } else {
        FUZZ_CHECK(sc != NULL, "no scenario and no error");
        FUZZ_CHECK(sc->start < sc->end && sc->step > 0 && sc->nsignals >= 1,
                   "start %lld end %lld step %lld, %zu signals", (long long)sc->start,
                   (long long)sc->end, (long long)sc->step, sc->nsignals);
        FUZZ_CHECK(sc->name && fuzz_text_ok(sc->name), "name");
        for (size_t i = 0; i < sc->nevents; i++)
            FUZZ_CHECK(sc->events[i].start < sc->events[i].end, "event %zu", i);
        disrupt_sim_scenario_free(sc);
    }
    return 0;
}
