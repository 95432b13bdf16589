/* fuzz_claims.c — claim files in their three dialects. The first byte chooses the zone, the
 * order of slashed dates and a country; the rest is the file. Checks claims.h's promises:
 * nothing appended on error, a message that can be shown; claims with start < end, each
 * boundary inside its span, labels that can be shown. */
#include "disrupt/workflows/claims.h"
#include "fuzz.h"

static void on_warning(void *ctx, const char *message)
{
    (void)ctx;
    FUZZ_CHECK(fuzz_text_ok(message), "warning '%s'", message);
}

static void check_claim(const disrupt_claim *c)
{
    FUZZ_CHECK(c->start < c->end, "start %lld end %lld", (long long)c->start, (long long)c->end);
    FUZZ_CHECK(c->start_span.lo <= c->start && c->start <= c->start_span.hi, "start span");
    FUZZ_CHECK(c->end_span.lo <= c->end && c->end <= c->end_span.hi, "end span");
    FUZZ_CHECK(c->label && fuzz_text_ok(c->label), "label");
    FUZZ_CHECK(!c->signal || fuzz_text_ok(c->signal), "signal");
    FUZZ_CHECK(!c->country || fuzz_text_ok(c->country), "country");
    FUZZ_CHECK(c->line >= 1, "line %ld", c->line);
    FUZZ_CHECK((c->kinds & ~0xffu) == 0, "kinds %x", c->kinds);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char *const zones[] = {NULL, "Asia/Baku", "America/New_York", "UTC"};
    static const char *const countries[] = {NULL, "AZ", "Iran", NULL};
    disrupt_claims_options o;
    disrupt_claims_options_init(&o);
    o.tz = zones[data[0] & 3];
    o.date_order = (disrupt_date_order)((data[0] >> 2) % 3);
    o.country = countries[(data[0] >> 4) & 3];
    o.warn = on_warning;
    FILE *f = fuzz_stream(data + 1, size - 1);
    if (!f)
        return 0;
    disrupt_claim_list l;
    disrupt_claim_list_init(&l);
    disrupt_error err = {0};
    int rc = disrupt_claims_read_stream(f, "claims.csv", &o, &l, &err);
    fclose(f);
    if (rc) {
        FUZZ_CHECK(l.count == 0 && l.skipped == 0, "appended on error");
        FUZZ_CHECK_MESSAGE(err);
    } else {
        for (size_t i = 0; i < l.count; i++)
            check_claim(&l.items[i]);
    }
    disrupt_claim_list_fini(&l);
    return 0;
}
