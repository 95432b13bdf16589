/* csvw.c — CSV cells for the table writers. */
#include "disrupt/core/csvw.h"

#include <string.h>

#include "disrupt/core/timefmt.h"

void disrupt_csvw_text(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void disrupt_csvw_time(FILE *out, int64_t t)
{
    char buf[DISRUPT_ISO_LEN];
    disrupt_time_iso(t, buf, sizeof buf);
    fprintf(out, ",%s", buf);
}
