/* report_html.c — report.html from report.md's text (see report_html.h). */
#include "disrupt/core/path.h"
#include "disrupt/workflows/report_html.h"

#include <stdlib.h>
#include <string.h>

static const char STYLE[] =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:72rem;margin:2rem auto;"
    "padding:0 1rem;color:#222;line-height:1.45}"
    "h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}"
    ".table{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}"
    "th,td{border:1px solid #ccc;padding:.25rem .45rem;vertical-align:top}th{background:#f3f3f3}"
    "td.num,th.num{text-align:right}code,pre{font-family:'DejaVu Sans Mono',monospace;"
    "font-size:.85rem}pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap;"
    "overflow-wrap:anywhere}figure{margin:1rem 0}figure svg{max-width:100%;height:auto;"
    "display:block}figcaption{font-style:italic;font-size:.9rem}";

typedef struct {
    FILE *out;
    const disrupt_report_html *r;
    disrupt_error *err;
    int rc;
    int figures;   /* inlined so far: the prefix of the next one's ids */
} page;

static void escape(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

/* Inline markup of one run of text: `code`, **bold**, *italics*, [text](href). */
static void inline_text(FILE *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *rest = s + i;
        size_t left = n - i;
        const char *close;
        if (*rest == '`' && (close = memchr(rest + 1, '`', left - 1))) {
            fputs("<code>", out);
            escape(out, rest + 1, (size_t)(close - rest - 1));
            fputs("</code>", out);
            i += (size_t)(close - rest) + 1;
        } else if (left > 3 && rest[0] == '*' && rest[1] == '*' &&
                   (close = strstr(rest + 2, "**")) && close < s + n) {
            fputs("<strong>", out);
            inline_text(out, rest + 2, (size_t)(close - rest - 2));
            fputs("</strong>", out);
            i += (size_t)(close - rest) + 2;
        } else if (*rest == '*' && left > 2 && rest[1] != ' ' &&
                   (close = memchr(rest + 1, '*', left - 1))) {
            fputs("<em>", out);
            inline_text(out, rest + 1, (size_t)(close - rest - 1));
            fputs("</em>", out);
            i += (size_t)(close - rest) + 1;
        } else if (*rest == '[' && (close = memchr(rest, ']', left)) && close + 1 < s + n &&
                   close[1] == '(' && memchr(close, ')', (size_t)(s + n - close))) {
            const char *end = memchr(close, ')', (size_t)(s + n - close));
            fputs("<a href=\"", out);
            escape(out, close + 2, (size_t)(end - close - 2));
            fputs("\">", out);
            inline_text(out, rest + 1, (size_t)(close - rest - 1));
            fputs("</a>", out);
            i += (size_t)(end - rest) + 1;
        } else {
            escape(out, rest, 1);
            i++;
        }
    }
}

static int starts(const char *line, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(line, prefix, k) == 0;
}

/* Reads dir/name whole (bounded); NULL with err set. */
static char *read_svg(const char *dir, const char *name, size_t *len, disrupt_error *err)
{
    char *path = disrupt_path_join(dir, name);
    if (!path) {
        disrupt_error_nomem(err);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    if (!f) {
        disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read the figure for report.html", path);
        free(path);
        return NULL;
    }
    for (;;) {
        if (*len + 65536 + 1 > cap) {
            cap = cap ? 2 * cap : 1 << 20;
            char *grown = cap <= DISRUPT_REPORT_HTML_MAX_SVG + (size_t)(1 << 20) ? realloc(buf, cap) : NULL;
            if (!grown) {
                disrupt_error_set(err, DISRUPT_EDATA, "%s: larger than %u bytes, not inlined",
                                  path, DISRUPT_REPORT_HTML_MAX_SVG);
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
        }
        size_t got = fread(buf + *len, 1, 65536, f);
        *len += got;
        if (got < 65536)
            break;
    }
    if (buf && ferror(f)) {
        disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read the figure for report.html", path);
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[*len] = '\0';
    fclose(f);
    free(path);
    return buf;
}

/* The SVG from its <svg element on, each id and reference to one prefixed with fN-. */
static void inline_svg(FILE *out, const char *svg, size_t len, int n)
{
    const char *p = strstr(svg, "<svg");
    if (!p)
        return;
    const char *end = svg + len;
    static const char *const refs[] = {"id=\"", "href=\"#", "url(#"};
    const char *next[3];
    for (size_t k = 0; k < 3; k++) /* each pattern's next place, found again once passed */
        next[k] = strstr(p, refs[k]);
    for (;;) {
        size_t which = 3;
        for (size_t k = 0; k < 3; k++)
            if (next[k] && (which == 3 || next[k] < next[which]))
                which = k;
        if (which == 3) {
            fwrite(p, 1, (size_t)(end - p), out);
            return;
        }
        size_t skip = strlen(refs[which]);
        fwrite(p, 1, (size_t)(next[which] - p) + skip, out);
        fprintf(out, "f%d-", n);
        p = next[which] + skip;
        next[which] = strstr(p, refs[which]);
    }
}

static void figure(page *pg, const char *line, size_t n)
{
    const char *close = memchr(line, ']', n), *open = close ? memchr(close, '(', (size_t)(line + n - close)) : NULL;
    const char *end = open ? memchr(open, ')', (size_t)(line + n - open)) : NULL;
    if (!close || !open || !end)
        return;
    const disrupt_report_md_figure *fig = NULL;
    for (size_t i = 0; i < pg->r->nfigures && !fig; i++)
        if (strlen(pg->r->figures[i].png) == (size_t)(end - open - 1) &&
            memcmp(pg->r->figures[i].png, open + 1, (size_t)(end - open - 1)) == 0)
            fig = &pg->r->figures[i];
    if (!fig)
        return;
    size_t len;
    char *svg = read_svg(pg->r->dir, fig->svg, &len, pg->err);
    if (!svg) {
        pg->rc = pg->err->code;
        return;
    }
    fprintf(pg->out, "<figure role=\"img\" aria-label=\"");
    escape(pg->out, line + 2, (size_t)(close - line - 2));
    fputs("\">\n", pg->out);
    inline_svg(pg->out, svg, len, ++pg->figures);
    fputs("\n</figure>\n", pg->out);
    free(svg);
}

/* Cells of a table row "| a | b |". */
static void table_row(FILE *out, const char *line, size_t n, const char *tag,
                      const unsigned char *numeric)
{
    fputs("<tr>", out);
    const char *p = line + 1, *end = line + n;
    if (end > p && end[-1] == '|')
        end--;
    for (size_t col = 0; p < end; col++) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *stop = bar ? bar : end, *a = p, *b = stop;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        fprintf(out, "<%s%s>", tag, col < 64 && numeric[col] ? " class=\"num\"" : "");
        inline_text(out, a, (size_t)(b - a));
        fprintf(out, "</%s>", tag);
        p = stop + 1;
    }
    fputs("</tr>\n", out);
}

/* A table from its header line on; returns the number of lines it took. */
static size_t table(FILE *out, const char *const *lines, const size_t *lens, size_t count)
{
    unsigned char numeric[64] = {0};
    if (count > 1) {
        const char *p = lines[1] + 1, *end = lines[1] + lens[1];
        for (size_t col = 0; p < end && col < 64; col++) {
            const char *bar = memchr(p, '|', (size_t)(end - p));
            const char *stop = bar ? bar : end;
            numeric[col] = stop > p && stop[-1] == ':';
            p = stop + 1;
        }
    }
    fputs("<div class=\"table\"><table>\n<thead>", out);
    table_row(out, lines[0], lens[0], "th", numeric);
    fputs("</thead>\n<tbody>\n", out);
    size_t used = count > 1 ? 2 : 1;
    for (; used < count && lens[used] && lines[used][0] == '|'; used++)
        table_row(out, lines[used], lens[used], "td", numeric);
    fputs("</tbody></table></div>\n", out);
    return used;
}

/* Splits the text into lines (pointers into it). */
static size_t split_lines(const char *text, size_t len, const char ***lines, size_t **lens)
{
    size_t count = 1;
    for (size_t i = 0; i < len; i++)
        count += text[i] == '\n';
    *lines = malloc(count * sizeof **lines);
    *lens = malloc(count * sizeof **lens);
    if (!*lines || !*lens)
        return 0;
    size_t n = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        (*lines)[n] = p;
        (*lens)[n++] = (size_t)(stop - p);
        p = stop + 1;
    }
    return n;
}

static void blocks(page *pg, const char *const *lines, const size_t *lens, size_t count)
{
    FILE *out = pg->out;
    size_t i = 0;
    while (i < count && pg->rc == 0) {
        const char *l = lines[i];
        size_t n = lens[i];
        if (n == 0) {
            i++;
        } else if (starts(l, n, "# ") || starts(l, n, "## ")) {
            int level = l[1] == '#' ? 2 : 1;
            fprintf(out, "<h%d>", level);
            inline_text(out, l + level + 1, n - (size_t)level - 1);
            fprintf(out, "</h%d>\n", level);
            i++;
        } else if (l[0] == '|') {
            i += table(out, lines + i, lens + i, count - i);
        } else if (starts(l, n, "![")) {
            figure(pg, l, n);
            i++;
        } else if (starts(l, n, "    ")) {
            fputs("<pre><code>", out);
            for (; i < count && (starts(lines[i], lens[i], "    ") || lens[i] == 0); i++) {
                if (lens[i])
                    escape(out, lines[i] + 4, lens[i] - 4);
                fputc('\n', out);
            }
            fputs("</code></pre>\n", out);
        } else if (starts(l, n, "- ")) {
            fputs("<ul>\n", out);
            for (; i < count && (starts(lines[i], lens[i], "- ") ||
                                 (lens[i] && lines[i][0] == ' ' && !starts(lines[i], lens[i], "    ")));
                 i++) {
                fputs("<li>", out);
                inline_text(out, lines[i] + 2, lens[i] - 2);
                fputs("</li>\n", out);
            }
            fputs("</ul>\n", out);
        } else {
            fputs("<p>", out);
            for (; i < count && lens[i] && lines[i][0] != '|' && !starts(lines[i], lens[i], "#") &&
                   !starts(lines[i], lens[i], "- ") && !starts(lines[i], lens[i], "![");
                 i++) {
                inline_text(out, lines[i], lens[i]);
                fputc(' ', out);
            }
            fputs("</p>\n", out);
        }
    }
}

int disrupt_report_html_write(FILE *out, const disrupt_report_html *r, disrupt_error *err)
{
    const char **lines = NULL;
    size_t *lens = NULL;
    size_t count = split_lines(r->markdown, r->length, &lines, &lens);
    if (!lines || !lens) {
        free(lines);
        free(lens);
        return disrupt_error_nomem(err);
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    escape(out, r->title, strlen(r->title));
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n", STYLE);
    page pg = {out, r, err, 0, 0};
    blocks(&pg, lines, lens, count);
    fputs("</body>\n</html>\n", out);
    free(lines);
    free(lens);
    if (pg.rc)
        return pg.rc;
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write report.html");
    return DISRUPT_OK;
}
