/* error.c — filling disrupt_error values. */
#include "disrupt/core/error.h"

#include "disrupt/core/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void set_message(disrupt_error *err, const char *prefix, const char *fmt, va_list ap)
{
    size_t used = 0;
    if (prefix) {
        int k = snprintf(err->message, sizeof err->message, "%s", prefix);
        used = k < 0 ? 0 : (size_t)k;
        if (used >= sizeof err->message)
            return;
    }
    vsnprintf(err->message + used, sizeof err->message - used, fmt, ap);
}

int disrupt_error_set(disrupt_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->line = 0;
    err->col = 0;
    va_list ap;
    va_start(ap, fmt);
    set_message(err, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int disrupt_error_set_at(disrupt_error *err, int code, const char *path, long line, long col,
                         const char *fmt, ...)
{
    if (!err)
        return code;
    char prefix[512];
    if (line > 0 && col > 0)
        snprintf(prefix, sizeof prefix, "%s:%ld:%ld: ", path, line, col);
    else if (line > 0)
        snprintf(prefix, sizeof prefix, "%s:%ld: ", path, line);
    else
        snprintf(prefix, sizeof prefix, "%s: ", path);
    err->code = code;
    err->line = line;
    err->col = col;
    va_list ap;
    va_start(ap, fmt);
    set_message(err, prefix, fmt, ap);
    va_end(ap);
    return code;
}

void disrupt_error_excerpt(char *out, size_t outsz, const char *s, size_t len, size_t max)
{
    if (outsz == 0)
        return;
    size_t o = 0;
    size_t limit = len < max ? len : max;
    /* Control characters and bytes that are not UTF-8 become '?': a message must not act on
     * the terminal nor carry invalid text into JSON. A sequence is never cut in half. */
    for (size_t i = 0; i < limit;) {
        unsigned char c = (unsigned char)s[i];
        unsigned cp;
        size_t n = disrupt_text_decode(s + i, len - i, &cp);
        if (n > 1 && (i + n > limit || o + n >= outsz))
            break;
        if (n <= 1 && o + 1 >= outsz)
            break;
        if (n > 1 && !(c == 0xC2 && (unsigned char)s[i + 1] < 0xA0)) { /* C1 controls: '?' */
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        } else {
            out[o++] = n == 0 || c < 0x20 || c == 0x7f || n > 1 ? '?' : (char)c;
            i += n ? n : 1;
        }
    }
    out[o] = '\0';
    if (len > limit && o + 4 < outsz)
        strcat(out, "\xE2\x80\xA6");
}

int disrupt_error_list_add(char *out, size_t outsz, const char *item, size_t len)
{
    size_t used = strlen(out);
    const char *sep = used ? ", " : "";
    if (used + len + 8 >= outsz) {
        snprintf(out + used, outsz - used, "%s\xE2\x80\xA6", sep);
        return 0;
    }
    snprintf(out + used, outsz - used, "%s%.*s", sep, (int)len, item);
    return 1;
}

int disrupt_error_nomem(disrupt_error *err)
{
    return disrupt_error_set(err, DISRUPT_ENOMEM, "out of memory");
}
