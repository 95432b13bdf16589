/* csvw.h — writing CSV cells (RFC 4180): text quoted only when it must be, times as ISO 8601
 * UTC. Writers own nothing; errors show up in ferror(out). */
#ifndef DISRUPT_CSVW_H
#define DISRUPT_CSVW_H

#include <stdint.h>
#include <stdio.h>

/* s, quoted (with doubled quotes) when it holds ',', '"', CR or LF. */
void disrupt_csvw_text(FILE *out, const char *s);
/* ",2020-09-27T00:00:00Z": a separator, then the time. */
void disrupt_csvw_time(FILE *out, int64_t t);

#endif
