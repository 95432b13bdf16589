/* error.c — filling disrupt_error values. */
#include "disrupt/core/error.h"

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
    for (size_t i = 0; i < limit && o + 1 < outsz; i++) {
        unsigned char c = (unsigned char)s[i];
        out[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    /* Do not leave half a UTF-8 sequence at the cut. */
    if (len > limit)
        while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
            o--;
    if (o > 0 && len > limit && ((unsigned char)out[o - 1] & 0xC0) == 0xC0)
        o--;
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
