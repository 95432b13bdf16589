/* outfile.h — output files written atomically: a temporary file beside the target, renamed
 * over it only when everything was written. "-" means standard output (never renamed). A
 * symbolic link is followed (its target is replaced, the link stays); a FIFO, a device or
 * anything else that is not a regular file is written to directly, as a stream.
 *
 * Ownership: disrupt_outfile_open allocates the paths; commit or abort releases everything
 * and must be called exactly once after a successful open.
 */
#ifndef DISRUPT_OUTFILE_H
#define DISRUPT_OUTFILE_H

#include <stdio.h>

#include "disrupt/core/error.h"

typedef struct {
    FILE *fp;          /* write here */
    char *path;        /* final name, NULL for stdout */
    char *tmp;         /* temporary name in the same folder, NULL for stdout and streams */
    int stream;        /* written directly (standard output, FIFO, device): no rename */
} disrupt_outfile;

int disrupt_outfile_open(disrupt_outfile *f, const char *path, disrupt_error *err);
/* Reads the process umask (which outfile applies to its files) now, once: call before
 * starting threads that create files, since reading it means setting it for a moment. */
void disrupt_outfile_read_umask(void);
/* Flushes, checks for write errors, closes and renames into place. */
int disrupt_outfile_commit(disrupt_outfile *f, disrupt_error *err);
/* Closes and removes the temporary file; the target is left as it was. */
void disrupt_outfile_abort(disrupt_outfile *f);

/* Removes every temporary file still open (at most DISRUPT_OUTFILE_PENDING at once are
 * tracked). Async-signal-safe: for a program's SIGINT/SIGTERM handler, so that an
 * interrupted run leaves no PATH.XXXXXX behind; the library installs no handler itself. */
#define DISRUPT_OUTFILE_PENDING 32
void disrupt_outfile_remove_pending(void);

/* A folder being filled before it is renamed into place (a report's staging folder): while
 * it is staged, disrupt_outfile_remove_pending also removes the files committed into it (the
 * first DISRUPT_OUTFILE_STAGED) and the folder, so that an interrupted run leaves no
 * half-made folder. One folder at a time; staging another unstages the first. Unstage once
 * the folder is in place or removed. */
#define DISRUPT_OUTFILE_STAGED 256
int disrupt_outfile_stage_folder(const char *dir);
void disrupt_outfile_unstage_folder(void);

#endif
