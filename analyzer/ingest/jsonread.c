/* jsonread.c — bounded incremental JSON reading (jsonread.h). json-c keeps the parse state
 * between blocks; this file counts lines and columns of what was fed so that a syntax error
 * gets its place, and stops at the byte cap. */
#include "disrupt/ingest/jsonread.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/csvread.h"

#define BLOCK ((size_t)64 * 1024)

typedef struct {
    const char *name;
    long line, col;      /* place of the next byte to be fed */
    size_t bytes;        /* bytes fed so far */
} place;

static void advance(place *p, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            p->line++;
            p->col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            p->col++;    /* columns count characters, not UTF-8 continuation bytes */
        }
    }
    p->bytes += n;
}

static int only_blanks(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

static int syntax_error(const place *p, const char *what, disrupt_error *err)
{
    return disrupt_error_set_at(err, DISRUPT_EDATA, p->name, p->line, p->col, "expected %s",
                                what);
}

static int nul_error(const place *p, disrupt_error *err)
{
    return syntax_error(p, "text, found a NUL byte (binary data)", err);
}

/* What follows the value: white space only. */
static int trailing(place *p, const char *s, size_t n, disrupt_error *err)
{
    size_t k = 0;
    while (k < n && only_blanks(s + k, 1))
        k++;
    advance(p, s, k);
    if (k == n)
        return 0;
    return s[k] == '\0' ? nul_error(p, err)
                        : syntax_error(p, "the end of the file after the JSON value", err);
}

/* Feeds block[0..n) to the tokener; sets *root once the value is complete. */
static int feed(json_tokener *tok, const char *block, size_t n, place *p, json_object **root,
                disrupt_error *err)
{
    if (*root)
        return trailing(p, block, n, err);
    const char *nul = memchr(block, '\0', n);
    size_t len = nul ? (size_t)(nul - block) : n;
    json_object *o = json_tokener_parse_ex(tok, block, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tok);
    if (e == json_tokener_continue) {
        advance(p, block, len);
        return nul ? nul_error(p, err) : 0;
    }
    size_t used = json_tokener_get_parse_end(tok);
    advance(p, block, used);
    if (e != json_tokener_success) {
        char what[96];
        snprintf(what, sizeof what, "JSON: %s", json_tokener_error_desc(e));
        return syntax_error(p, what, err);
    }
    if (!o)
        return disrupt_error_set(err, DISRUPT_EDATA, "%s: expected a JSON value, found null",
                                 p->name);
    *root = o;
    return trailing(p, block + used, n - used, err);
}

int disrupt_json_read_stream(FILE *stream, const char *name, size_t max_bytes,
                             json_object **out, disrupt_error *err)
{
    *out = NULL;
    if (max_bytes == 0)
        max_bytes = DISRUPT_JSON_MAX_BYTES;
    json_tokener *tok = json_tokener_new();
    char *block = malloc(BLOCK);
    if (!tok || !block) {
        json_tokener_free(tok);
        free(block);
        return disrupt_error_nomem(err);
    }
    /* Strict: RFC 8259 only (no trailing commas, no single quotes) and valid UTF-8, as the
     * files we read are written by programs; a slip is an error, not a guess. What follows
     * the value is checked here (trailing), for a clearer message than json-c's. */
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_ALLOW_TRAILING_CHARS |
                                    JSON_TOKENER_VALIDATE_UTF8);
    place p = {name, 1, 1, 0};
    json_object *root = NULL;
    int rc = 0;
    size_t n;
    while (!rc && (n = fread(block, 1, BLOCK, stream)) > 0) {
        if (p.bytes + n > max_bytes)
            rc = disrupt_error_set(err, DISRUPT_EDATA,
                                   "%s: expected a JSON file of at most %zu bytes, found more",
                                   name, max_bytes);
        else
            rc = feed(tok, block, n, &p, &root, err);
    }
    if (!rc && ferror(stream))
        rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read the file", name);
    if (!rc && !root && p.bytes == 0)
        rc = disrupt_error_set(err, DISRUPT_EDATA, "%s: expected JSON, found an empty file",
                               name);
    if (!rc && !root) {
        /* The end of the file ends a number or a literal ("42", "true"): one blank more. */
        place end = p;
        rc = feed(tok, " ", 1, &p, &root, err);
        if (!rc && !root)
            rc = syntax_error(&end, "JSON: unexpected end of file", err);
    }
    free(block);
    json_tokener_free(tok);
    if (rc) {
        json_object_put(root);
        return rc;
    }
    *out = root;
    return 0;
}

int disrupt_json_read(const char *path, size_t max_bytes, json_object **out, disrupt_error *err)
{
    *out = NULL;
    FILE *f = disrupt_csv_open(path, err);
    if (!f)
        return DISRUPT_EIO;
    int rc = disrupt_json_read_stream(f, strcmp(path, "-") == 0 ? "<stdin>" : path, max_bytes,
                                      out, err);
    disrupt_csv_close(f);
    return rc;
}

int disrupt_json_ahead(FILE *stream)
{
    int c = getc(stream);
    if (c == EOF)
        return 0;
    ungetc(c, stream);
    return c == '{' || c == '[';
}
