/* text.c — valid UTF-8 without control characters (see text.h). */
#include "disrupt/core/text.h"

#include <string.h>

/* Length of the UTF-8 sequence at s (at most left bytes), 0 when it is not one: overlong
 * forms, surrogates and code points past U+10FFFF included. */
static size_t sequence(const unsigned char *s, size_t left, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || n > left)
        return 0;
    unsigned v = s[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    static const unsigned least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < least[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

size_t disrupt_text_decode(const char *s, size_t left, unsigned *cp)
{
    return left ? sequence((const unsigned char *)s, left, cp) : 0;
}

int disrupt_text_check(const char *s, size_t len, size_t *offset, const char **why)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = sequence(u + i, len - i, &cp);
        if (n == 0) {
            *offset = i;
            *why = "in valid UTF-8";
            return 1;
        }
        int layout = cp == '\t' || cp == '\n' || cp == '\r'; /* a wrapped spreadsheet header */
        if ((cp < 0x20 && !layout) || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            *offset = i;
            *why = "without control characters";
            return 1;
        }
        i += n;
    }
    return 0;
}

size_t disrupt_text_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

size_t disrupt_text_columns(const char *s)
{
    size_t columns = 0, left = strlen(s);
    while (left) {
        unsigned cp;
        size_t n = sequence((const unsigned char *)s, left, &cp);
        n = n ? n : 1;
        s += n;
        left -= n;
        columns++;
    }
    return columns;
}

void disrupt_text_pad(FILE *out, const char *s, size_t width)
{
    fputs(s, out);
    for (size_t c = disrupt_text_columns(s); c < width; c++)
        fputc(' ', out);
}

const char *disrupt_text_without_name(const char *message, const char *name)
{
    size_t len = strlen(name);
    if (strncmp(message, name, len) == 0 && strncmp(message + len, ": ", 2) == 0)
        return message + len + 2;
    return message;
}

void disrupt_text_trim(const char **s, size_t *len)
{
    const char *p = *s, *e = *s + *len;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    *s = p;
    *len = (size_t)(e - p);
}
