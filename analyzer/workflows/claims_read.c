/* claims_read.c — reading claim files: the header decides the dialect, tried in the order of
 * the table below (claims_own.c, claims_keepiton.c, claims_ioda.c); what they share is in
 * claims_cells.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "claims_impl.h"
#include "disrupt/ingest/jsonread.h"
#include "disrupt/core/country.h"
#include "disrupt/core/timefmt.h"

/* Header recognisers, the project's own form first. */
static int (*const dialects[])(claims_reader *, const disrupt_csv_field *, size_t) = {
    claims_own_header, claims_keepiton_header, claims_ioda_header};

static int on_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    claims_reader *r = ctx;
    if (r->row)
        return r->row(r, f, n, err);
    for (int k = 0; k < CLAIMS_MAX_COLUMNS; k++)
        r->col[k] = -1;
    for (size_t i = 0; i < sizeof dialects / sizeof dialects[0]; i++)
        if (dialects[i](r, f, n))
            return DISRUPT_OK;
    return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, f[0].line, 1,
                                "expected a header 'label,start,end[,kind][,signal]', an Access "
                                "Now #KeepItOn export or the IODA outage list");
}

/* Drops what a failed read added: nothing is appended on error. */
static void restore_list(disrupt_claim_list *l, const disrupt_claim_list *before)
{
    while (l->count > before->count) {
        disrupt_claim *c = &l->items[--l->count];
        free(c->label);
        free(c->signal);
        free(c->country);
    }
    l->skipped = before->skipped;
    l->duplicates = before->duplicates;
    l->dialect = before->dialect;
}

int disrupt_claims_read_stream(FILE *stream, const char *name, const disrupt_claims_options *o,
                               disrupt_claim_list *out, disrupt_error *err)
{
    if (o->tz && !disrupt_time_zone_valid(o->tz))
        return disrupt_error_set(err, DISRUPT_EINVAL, "unknown time zone '%s'", o->tz);
    if (o->country && !disrupt_country_known(o->country))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "unknown country '%s': expected an ISO 3166 code or name",
                                 o->country);
    claims_reader r;
    memset(&r, 0, sizeof r);
    r.path = name;
    disrupt_claim_list before = *out;
    r.opt = o;
    r.out = out;
    disrupt_timeparser_init(&r.utc, NULL, NULL);
    disrupt_timeparser_init(&r.local, NULL, o->tz);
    int rc;
    if (disrupt_json_ahead(stream)) {   /* Radar's annotations */
        json_object *root = NULL;
        rc = disrupt_json_read_stream(stream, r.path, 0, &root, err);
        if (rc == 0)
            rc = claims_radar_read(&r, root, err);
        json_object_put(root);
        goto done;
    }
    disrupt_csv_reader csv;
    disrupt_csv_reader_init(&csv, on_row, &r);
    rc = disrupt_csv_read_stream(stream, r.path, &csv, err);
    if (rc == 0 && !r.row)
        rc = disrupt_error_set_at(err, DISRUPT_EDATA, r.path, 1, 1,
                                  "expected a header row, found an empty file");
    if (rc == 0 && r.finish)
        rc = r.finish(&r, err);
    if (r.release)
        r.release(&r);
done:
    if (rc == 0 && r.zoneless && !o->tz && o->warn) {
        char msg[512];
        snprintf(msg, sizeof msg,
                 "%s: dates and times without a zone are read in UTC (a date is a UTC day); "
                 "give --tz ZONE for the zone the claims were written in", r.path);
        o->warn(o->warn_ctx, msg);
    }
    if (rc == 0 && out->count == 0 && out->skipped > 0)
        rc = disrupt_error_set(err, DISRUPT_EDATA,
                               "%s: every row (%zu) was skipped: none could become a claim "
                               "(see the warnings)", r.path, out->skipped);
    disrupt_timeparser_fini(&r.local);
    disrupt_timeparser_fini(&r.utc);
    if (rc)
        restore_list(out, &before);
    return rc;
}

int disrupt_claims_read(const char *path, const disrupt_claims_options *o,
                        disrupt_claim_list *out, disrupt_error *err)
{
    FILE *f = disrupt_csv_open(path, err);
    if (!f)
        return DISRUPT_EIO;
    int rc = disrupt_claims_read_stream(f, strcmp(path, "-") == 0 ? "<stdin>" : path, o, out, err);
    disrupt_csv_close(f);
    return rc;
}
