/* csvread.c — libcsv fed line by line so that every field knows the line it starts on.
 *
 * Blocks are read with fread and cut at newlines; each piece goes to csv_parse, whose
 * callbacks run synchronously, so the line counter is exact at every callback. A piece is a
 * comment when it begins with '#' on a line before the first row (the header): a '#' further
 * down is data, and a value such as "#N/A" is then reported, not silently dropped.
 */
#include "disrupt/ingest/csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE ((size_t)64 << 10)
#define COMMENT_KEEP 4096 /* bytes of a comment line passed on; the rest is skipped */

typedef struct {
    disrupt_csv_reader *r;
    const char *name;
    disrupt_error *err;
    struct csv_parser parser;
    long line;             /* line being fed */
    long next_field_line;  /* line on which the next field starts */
    char *text;            /* fields of the current row, each NUL-terminated */
    size_t text_len, text_cap;
    size_t *offset;
    size_t *length;
    long *start_line;
    disrupt_csv_field *fields;
    size_t nfields, fields_cap;
    size_t max_field;
    int rc;                /* non-zero stops the reading */
    int seen_row;          /* a row (the header) has been read: no more comments */
    char comment[COMMENT_KEEP];
    size_t comment_len;
    long comment_line;
} reader_state;

static int space_not_tab(unsigned char c)
{
    return c == ' ';
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem)
            return 1;
        c *= 2;
    }
    void *q = realloc(*p, c * elem);
    if (!q)
        return 1;
    *p = q;
    *cap = c;
    return 0;
}

static int grow_fields(reader_state *st)
{
    if (st->nfields < st->fields_cap)
        return 0;
    if (st->nfields >= DISRUPT_CSV_MAX_FIELDS)
        return 2;
    size_t cap = st->fields_cap ? st->fields_cap * 2 : 16;
    if (cap > SIZE_MAX / sizeof(disrupt_csv_field))
        return 1;
    size_t *o = realloc(st->offset, cap * sizeof *o);
    if (!o)
        return 1;
    st->offset = o;
    size_t *l = realloc(st->length, cap * sizeof *l);
    if (!l)
        return 1;
    st->length = l;
    long *sl = realloc(st->start_line, cap * sizeof *sl);
    if (!sl)
        return 1;
    st->start_line = sl;
    disrupt_csv_field *f = realloc(st->fields, cap * sizeof *f);
    if (!f)
        return 1;
    st->fields = f;
    st->fields_cap = cap;
    return 0;
}

/* len: the field's length, or 0 for one caught still growing past the cap. */
static int field_too_long(reader_state *st, const char *s, size_t len, long line, size_t index)
{
    char excerpt[64], found[48];
    disrupt_error_excerpt(excerpt, sizeof excerpt, s, len ? len : st->max_field, 24);
    if (len)
        snprintf(found, sizeof found, "%zu bytes", len);
    else
        snprintf(found, sizeof found, "more than %zu bytes", st->max_field);
    return disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, line, (long)index + 1,
                                "expected a field of at most %zu bytes, found %s starting '%s'",
                                st->max_field, found, excerpt);
}

static void on_field(void *s, size_t len, void *data)
{
    reader_state *st = data;
    if (st->rc)
        return;
    long line = st->next_field_line;
    st->next_field_line = st->line;
    if (len > st->max_field) {
        st->rc = field_too_long(st, s, len, line, st->nfields);
        return;
    }
    if (st->text_len + len + 1 > DISRUPT_CSV_MAX_ROW_BYTES) {
        st->rc = disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, line,
                                      (long)st->nfields + 1,
                                      "expected a row of at most %zu bytes, found more",
                                      DISRUPT_CSV_MAX_ROW_BYTES);
        return;
    }
    int full = grow_fields(st);
    if (full == 2) {
        st->rc = disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, line,
                                      (long)st->nfields + 1,
                                      "expected at most %d fields in a row, found more",
                                      DISRUPT_CSV_MAX_FIELDS);
        return;
    }
    if (full || grow((void **)&st->text, &st->text_cap, st->text_len + len + 1, 1)) {
        st->rc = disrupt_error_nomem(st->err);
        return;
    }
    if (len)
        memcpy(st->text + st->text_len, s, len);
    st->text[st->text_len + len] = '\0';
    st->offset[st->nfields] = st->text_len;
    st->length[st->nfields] = len;
    st->start_line[st->nfields] = line;
    st->nfields++;
    st->text_len += len + 1;
}

static void on_row(int c, void *data)
{
    (void)c;
    reader_state *st = data;
    st->next_field_line = st->line + 1;
    st->seen_row = 1;
    if (st->rc) {
        st->nfields = 0;
        st->text_len = 0;
        return;
    }
    for (size_t i = 0; i < st->nfields; i++) {
        st->fields[i].data = st->text + st->offset[i];
        st->fields[i].len = st->length[i];
        st->fields[i].line = st->start_line[i];
    }
    st->rc = st->r->row(st->r->ctx, st->fields, st->nfields, st->err);
    st->nfields = 0;
    st->text_len = 0;
}

/* Most frequent of , ; tab outside quotes in the first line that is not a comment. */
static char detect_delimiter(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (s[i] == '\n' || s[i] == '\r'))
            i++;
        if (i < n && s[i] == '#') {
            const char *nl = memchr(s + i, '\n', n - i);
            if (!nl)
                return ',';
            i = (size_t)(nl - s) + 1;
            continue;
        }
        break;
    }
    size_t comma = 0, semi = 0, tab = 0;
    int quoted = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            comma++;
        else if (!quoted && c == ';')
            semi++;
        else if (!quoted && c == '\t')
            tab++;
    }
    if (semi > comma && semi >= tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

static int finish_comment(reader_state *st)
{
    int rc = 0;
    if (st->r->comment)
        rc = st->r->comment(st->r->ctx, st->comment, st->comment_len, st->comment_line, st->err);
    st->comment_len = 0;
    return rc;
}

static void keep_comment(reader_state *st, const char *s, size_t len)
{
    size_t room = sizeof st->comment - 1 - st->comment_len;
    size_t k = len < room ? len : room;
    memcpy(st->comment + st->comment_len, s, k);
    st->comment_len += k;
    while (st->comment_len && (st->comment[st->comment_len - 1] == '\n' ||
                               st->comment[st->comment_len - 1] == '\r'))
        st->comment_len--;
    st->comment[st->comment_len] = '\0';
}

static int parse_error(reader_state *st)
{
    return disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, st->line,
                                (long)st->nfields + 1,
                                "expected a delimiter or line end after a quoted field, and no "
                                "quote inside an unquoted field");
}

static int feed_block(reader_state *st, char *buf, size_t n, int *in_comment,
                      int *continuing)
{
    const char *nul = memchr(buf, '\0', n);
    size_t pos = 0;
    while (pos < n) {
        const char *nl = memchr(buf + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - buf) + 1 : n;
        char *piece = buf + pos;
        size_t len = end - pos;
        if (!*continuing && !*in_comment && !st->seen_row && st->parser.pstate == 0 &&
            piece[0] == '#') {
            *in_comment = 1;
            st->comment_line = st->line;
            st->comment_len = 0;
        }
        if (*in_comment) {
            if (nul && nul >= piece && nul < piece + len)
                return disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, st->line, 1,
                                            "expected text, found binary data (a NUL byte)");
            keep_comment(st, piece, len);
            if (nl) {
                *in_comment = 0;
                int rc = finish_comment(st);
                if (rc)
                    return rc;
            }
        } else {
            if (nul && nul >= piece && nul < piece + len) {
                long col = (long)st->nfields + 1;
                for (const char *q = piece; q < nul; q++)
                    col += *q == (char)st->parser.delim_char;
                return disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, st->line, col,
                                            "expected text, found binary data (a NUL byte)");
            }
            if (!*continuing && st->parser.pstate == 0)
                st->next_field_line = st->line;
            size_t used = csv_parse(&st->parser, piece, len, on_field, on_row, st);
            if (st->rc)
                return st->rc;
            /* libcsv buffers a field until it ends: an unterminated one (a file with no line
             * end, a quote never closed) would grow without bound. Stop as the cap is
             * crossed, at most a block later. */
            if (st->parser.entry_pos > st->max_field)
                return field_too_long(st, (const char *)st->parser.entry_buf, 0,
                                      st->next_field_line, st->nfields);
            if (used < len) {
                if (csv_error(&st->parser) == CSV_ENOMEM || csv_error(&st->parser) == CSV_ETOOBIG)
                    return disrupt_error_nomem(st->err);
                return parse_error(st);
            }
        }
        if (nl) {
            st->line++;
            *continuing = 0;
        } else {
            *continuing = 1;
        }
        pos = end;
    }
    return 0;
}

/* Old Mac spreadsheets end lines with CR alone: make each such CR a LF, so that lines are
 * counted as an editor shows them (CRLF stays, libcsv reads it). A CR ending the block is
 * made a LF too, and *pending_cr set so that the LF of a CRLF split across blocks is skipped
 * (returns the bytes to skip at the start). */
static size_t lone_cr_to_lf(char *p, size_t n, int *pending_cr)
{
    size_t skip = 0;
    if (*pending_cr) {
        *pending_cr = 0;
        skip = n && p[0] == '\n';
    }
    for (char *c = memchr(p + skip, '\r', n - skip); c; c = memchr(c + 1, '\r', (size_t)(p + n - c - 1))) {
        if (c + 1 == p + n) {
            *c = '\n';
            *pending_cr = 1;
            break;
        }
        if (c[1] != '\n')
            *c = '\n';
    }
    return skip;
}

static int read_all(FILE *f, reader_state *st, char *block)
{
    disrupt_csv_reader *r = st->r;
    int in_comment = 0, continuing = 0, first = 1, pending_cr = 0;
    for (;;) {
        size_t n = fread(block, 1, BLOCK_SIZE, f);
        if (n == 0) {
            if (ferror(f))
                return disrupt_error_set(st->err, DISRUPT_EIO, "%s: cannot read the file: %s",
                                         st->name, strerror(errno));
            break;
        }
        r->bytes += n;
        char *p = block;
        if (first && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            n -= 3;
        }
        /* Before the delimiter is detected: its first line may end in a CR alone. */
        size_t skip = lone_cr_to_lf(p, n, &pending_cr);
        p += skip;
        n -= skip;
        if (first) {
            first = 0;
            char d = r->delimiter ? r->delimiter : detect_delimiter(p, n);
            r->detected_delimiter = d;
            csv_set_delim(&st->parser, (unsigned char)d);
            /* NULL: libcsv's own test for ' ' and tab, inline, where a function called for
             * every byte took a tenth of the reading. */
            csv_set_space_func(&st->parser, d == '\t' ? space_not_tab : NULL);
        }
        int rc = feed_block(st, p, n, &in_comment, &continuing);
        if (rc)
            return rc;
    }
    if (in_comment) {
        int rc = finish_comment(st);
        if (rc)
            return rc;
    }
    if (csv_fini(&st->parser, on_field, on_row, st) != 0)
        return disrupt_error_set_at(st->err, DISRUPT_EDATA, st->name, st->next_field_line,
                                    (long)st->nfields + 1,
                                    "expected a closing quote for the field that starts here, "
                                    "found the end of the file");
    if (st->rc)
        return st->rc;
    r->lines = st->line - (continuing ? 0 : 1);
    return 0;
}

void disrupt_csv_reader_init(disrupt_csv_reader *r, disrupt_csv_row_fn row, void *ctx)
{
    memset(r, 0, sizeof *r);
    r->row = row;
    r->ctx = ctx;
}

int disrupt_csv_read_stream(FILE *stream, const char *display_name, disrupt_csv_reader *r,
                            disrupt_error *err)
{
    reader_state st;
    memset(&st, 0, sizeof st);
    st.r = r;
    st.name = display_name ? display_name : "-";
    st.err = err;
    st.line = 1;
    st.next_field_line = 1;
    st.max_field = r->max_field ? r->max_field : DISRUPT_CSV_MAX_FIELD_DEFAULT;
    r->lines = 0;
    r->bytes = 0;
    int rc;
    char *block = malloc(BLOCK_SIZE);   /* fread fills what it uses: nothing to clear */
    if (!block)
        return disrupt_error_nomem(err);
    if (csv_init(&st.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        free(block);
        return disrupt_error_nomem(err);
    }
    /* libcsv grows its field buffer linearly by this much: keep long fields O(n). */
    csv_set_blk_size(&st.parser, (size_t)64 * 1024);
    rc = read_all(stream, &st, block);
    csv_free(&st.parser);
    free(block);
    free(st.text);
    free(st.offset);
    free(st.length);
    free(st.start_line);
    free(st.fields);
    return rc;
}

FILE *disrupt_csv_open(const char *path, disrupt_error *err)
{
    if (strcmp(path, "-") == 0)
        return stdin;
    FILE *f = fopen(path, "rb");
    if (!f)
        disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open the file: %s", path,
                          strerror(errno));
    return f;
}

void disrupt_csv_close(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}

int disrupt_csv_read(const char *path, const char *display_name, disrupt_csv_reader *r,
                     disrupt_error *err)
{
    FILE *f = disrupt_csv_open(path, err);
    if (!f)
        return DISRUPT_EIO;
    int rc = disrupt_csv_read_stream(f, display_name ? display_name : path, r, err);
    disrupt_csv_close(f);
    return rc;
}
