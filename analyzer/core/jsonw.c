/* jsonw.c — streaming JSON output. */
#include "disrupt/core/jsonw.h"

#include <math.h>

#include "disrupt/core/timefmt.h"

void disrupt_jsonw_init(disrupt_jsonw *w, FILE *out)
{
    w->out = out;
    w->depth = 0;
    w->count[0] = 0;
    w->after_key = 0;
    w->inline_mask = 0;
}

static int is_inline(const disrupt_jsonw *w)
{
    return w->depth > 0 && w->depth < 32 && (w->inline_mask >> w->depth) & 1u;
}

static void newline_indent(disrupt_jsonw *w)
{
    fputc('\n', w->out);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->out);
}

/* Separator and indentation before a value or key. */
static void before_item(disrupt_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->count[w->depth] > 0)
        fputc(',', w->out);
    if (is_inline(w)) {
        if (w->count[w->depth] > 0)
            fputc(' ', w->out);
    } else {
        newline_indent(w);
    }
    w->count[w->depth]++;
}

static void open(disrupt_jsonw *w, char c, int inline_items)
{
    before_item(w);
    fputc(c, w->out);
    if (w->depth + 1 < DISRUPT_JSONW_DEPTH)
        w->depth++;
    w->count[w->depth] = 0;
    if (w->depth < 32) {
        if (inline_items)
            w->inline_mask |= 1u << w->depth;
        else
            w->inline_mask &= ~(1u << w->depth);
    }
}

static void close(disrupt_jsonw *w, char c)
{
    int had_items = w->count[w->depth] > 0;
    int was_inline = is_inline(w);
    if (w->depth > 0)
        w->depth--;
    if (had_items && !was_inline)
        newline_indent(w);
    fputc(c, w->out);
}

void disrupt_jsonw_object_begin(disrupt_jsonw *w) { open(w, '{', 0); }
void disrupt_jsonw_object_end(disrupt_jsonw *w) { close(w, '}'); }
void disrupt_jsonw_array_begin(disrupt_jsonw *w) { open(w, '[', 0); }
void disrupt_jsonw_inline_array_begin(disrupt_jsonw *w) { open(w, '[', 1); }
void disrupt_jsonw_array_end(disrupt_jsonw *w) { close(w, ']'); }

static void write_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

void disrupt_jsonw_key(disrupt_jsonw *w, const char *key)
{
    before_item(w);
    write_string(w->out, key);
    fputs(": ", w->out);
    w->after_key = 1;
}

void disrupt_jsonw_string(disrupt_jsonw *w, const char *s)
{
    before_item(w);
    if (s)
        write_string(w->out, s);
    else
        fputs("null", w->out);
}

void disrupt_jsonw_number(disrupt_jsonw *w, double v)
{
    disrupt_jsonw_number_prec(w, v, 17);
}

void disrupt_jsonw_number_prec(disrupt_jsonw *w, double v, int digits)
{
    before_item(w);
    if (!isfinite(v)) {
        fputs("null", w->out);
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        fprintf(w->out, "%.1f", v);
        return;
    }
    fprintf(w->out, "%.*g", digits, v);
}

void disrupt_jsonw_integer(disrupt_jsonw *w, long long v)
{
    before_item(w);
    fprintf(w->out, "%lld", v);
}

void disrupt_jsonw_bool(disrupt_jsonw *w, int v)
{
    before_item(w);
    fputs(v ? "true" : "false", w->out);
}

void disrupt_jsonw_null(disrupt_jsonw *w)
{
    before_item(w);
    fputs("null", w->out);
}

void disrupt_jsonw_time(disrupt_jsonw *w, int64_t t)
{
    char buf[DISRUPT_ISO_LEN];
    disrupt_time_iso(t, buf, sizeof buf);
    disrupt_jsonw_string(w, buf);
}

void disrupt_jsonw_finish(disrupt_jsonw *w)
{
    fputc('\n', w->out);
}

void disrupt_jsonw_versions(disrupt_jsonw *w)
{
    disrupt_jsonw_key(w, "version");
    disrupt_jsonw_string(w, "1");
    disrupt_jsonw_key(w, "disrupt_version");
    disrupt_jsonw_string(w, DISRUPT_VERSION);
}
