/* claims_radar.c — Cloudflare Radar outage annotations (`/radar/annotations/outages`) as
 * claims: `{"success": true, "result": {"annotations": [{"id", "description", "eventType":
 * "OUTAGE", "scope", "startDate", "endDate" | null, "locations": ["UA"], "outage":
 * {"outageCause", "outageType"}}, …]}}`. Times are ISO 8601 instants (UTC). A government-
 * directed outage claims a shutdown, any other cause an outage. An annotation with no end
 * (ongoing), of another event type, or of other locations than opt->country is skipped (the
 * first two with a warning naming it: "FILE: result.annotations[2]: skipped: …"). A claim's
 * line is its annotation's position, from 1. */
#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims_impl.h"
#include "disrupt/core/country.h"
#include "disrupt/core/text.h"

static void skip(claims_reader *r, size_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void skip(claims_reader *r, size_t i, const char *fmt, ...)
{
    char place[320];
    snprintf(place, sizeof place, "%s: result.annotations[%zu]", r->path, i);
    va_list ap;
    va_start(ap, fmt);
    claims_skip_va(r, place, fmt, ap);
    va_end(ap);
}

/* The string at key, "" when absent or not a string; *ok cleared when it cannot be shown. */
static const char *text(json_object *o, const char *key, int *ok)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return "";
    const char *s = json_object_get_string(v);
    size_t at;
    const char *why;
    if (disrupt_text_check(s, (size_t)json_object_get_string_len(v), &at, &why))
        *ok = 0;
    return s;
}

/* The location the claim is about: opt->country when the annotation lists it (NULL when it
 * does not), else the first listed ("" when none). */
static const char *location(claims_reader *r, json_object *a)
{
    json_object *locs;
    if (!json_object_object_get_ex(a, "locations", &locs) ||
        !json_object_is_type(locs, json_type_array) || json_object_array_length(locs) == 0)
        return r->opt->country ? NULL : "";
    for (size_t i = 0; i < json_object_array_length(locs); i++) {
        const char *code = json_object_get_string(json_object_array_get_idx(locs, i));
        if (code && (!r->opt->country ||
                     disrupt_country_matches(code, strlen(code), r->opt->country)))
            return code;
    }
    return NULL;
}

/* Bytes of s to keep for at most max, never cutting a UTF-8 character. */
static int cut(const char *s, int max)
{
    return (int)disrupt_text_cut(s, strlen(s), (size_t)max);
}

/* "GOVERNMENT_DIRECTED" → "government directed" into out (cut between characters). */
static void words(const char *s, char *out, size_t size)
{
    size_t n = disrupt_text_cut(s, strlen(s), size - 1);
    for (size_t k = 0; k < n; k++)
        out[k] = s[k] == '_' ? ' ' : (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] - 'A' + 'a' : s[k]);
    out[n] = '\0';
}

static int annotation(claims_reader *r, json_object *a, size_t i, disrupt_error *err)
{
    if (!json_object_is_type(a, json_type_object)) {
        skip(r, i, "expected an annotation object");
        return 0;
    }
    int ok = 1;
    json_object *outage = json_object_object_get(a, "outage");
    const char *id = text(a, "id", &ok), *event = text(a, "eventType", &ok),
               *scope = text(a, "scope", &ok), *start = text(a, "startDate", &ok),
               *end = text(a, "endDate", &ok), *cause = text(outage, "outageCause", &ok),
               *type = text(outage, "outageType", &ok);
    const char *where = location(r, a);
    if (!where)
        return 0;   /* another country's, as event lists keep only opt->country's rows */
    size_t at;
    const char *why;
    if (!ok || disrupt_text_check(where, strlen(where), &at, &why)) {
        skip(r, i, "expected text in valid UTF-8 without control characters");
        return 0;
    }
    if (*event && strcmp(event, "OUTAGE") != 0) {
        skip(r, i, "an event of type '%.*s', not an outage", cut(event, 40), event);
        return 0;
    }
    int64_t t0, t1;
    if (disrupt_time_parse(start, &t0) != 0) {
        skip(r, i, "expected a startDate such as \"2020-09-27T06:00:00Z\"");
        return 0;
    }
    if (!*end) {
        skip(r, i, "no endDate (ongoing or unknown)");
        return 0;
    }
    if (disrupt_time_parse(end, &t1) != 0 || t1 <= t0) {
        skip(r, i, "expected an endDate after the startDate");
        return 0;
    }
    char c[48], ty[48], label[320];
    words(cause, c, sizeof c);
    words(type, ty, sizeof ty);
    snprintf(label, sizeof label, "Cloudflare Radar outage%s%.*s: %s%s%s — %.*s%s%.*s",
             *id ? " " : "", cut(id, 40), id, *ty ? ty : "outage", *c ? ", " : "", c,
             cut(where, 8), where, *scope ? ", " : "", cut(scope, 100), scope);
    disrupt_kind_set kinds = DISRUPT_KIND_BIT(strcmp(cause, "GOVERNMENT_DIRECTED") == 0
                                                  ? DISRUPT_KIND_SHUTDOWN
                                                  : DISRUPT_KIND_OUTAGE);
    const char *code = *where ? disrupt_country_code(where, strlen(where)) : NULL;
    return claims_add_unique(r, label, t0, t1, NULL, NULL, kinds, code, (long)i + 1, err);
}

int claims_radar_read(claims_reader *r, json_object *root, disrupt_error *err)
{
    json_object *result, *list, *success;
    if (!json_object_is_type(root, json_type_object) ||
        !json_object_object_get_ex(root, "success", &success) ||
        !json_object_object_get_ex(root, "result", &result) ||
        !json_object_object_get_ex(result, "annotations", &list) ||
        !json_object_is_type(list, json_type_array))
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: expected Cloudflare Radar outage annotations ({\"success\": "
                                 "true, \"result\": {\"annotations\": [...]}}); other claims are "
                                 "CSV", r->path);
    if (!json_object_get_boolean(success))
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: the Radar response says \"success\": false", r->path);
    r->out->dialect = "radar-outages";
    for (size_t i = 0; i < json_object_array_length(list); i++) {
        int rc = annotation(r, json_object_array_get_idx(list, i), i, err);
        if (rc)
            return rc;
    }
    return 0;
}
