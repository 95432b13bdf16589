/* progress.h — a progress bar for long runs, on a terminal only.
 *
 * "report  [##########..........]  3/8 files" redrawn in place with '\r' on the given stream
 * (standard error in the commands) when it is a terminal and not silenced; otherwise every
 * call does nothing, so piped and logged output stays clean. Redraws happen only when the
 * drawn bar changes (at most `width` + 1 times per task) or a fifth of a second has passed
 * since the last, so calling _update per item is cheap.
 *
 * Ownership: the struct borrows the stream and the label; nothing to free beyond _finish.
 * Errors: none (a failed write only stops the drawing).
 */
#ifndef DISRUPT_PROGRESS_H
#define DISRUPT_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *out;
    int enabled;
    const char *label;     /* "report" */
    const char *unit;      /* "files" */
    size_t total, done;
    int drawn;             /* filled cells last drawn, −1 = nothing yet */
    int width;             /* cells of the bar: 24 */
    size_t line_len;       /* characters of the last line drawn, to clear it */
    double started;        /* monotonic seconds at _start */
    double last_draw;
    char note[96];         /* shown after the count ("42 windows"), "" = none */
} disrupt_progress;

/* 1 when a bar should be drawn on out: it is a terminal and quiet is 0. */
int disrupt_progress_wanted(FILE *out, int quiet);

/* enabled: usually disrupt_progress_wanted(out, quiet). */
void disrupt_progress_init(disrupt_progress *p, FILE *out, int enabled);
/* Starts a task of `total` items (total 0: an indeterminate task, the count alone is shown). */
void disrupt_progress_start(disrupt_progress *p, const char *label, const char *unit,
                            size_t total);
/* Marks `done` items complete and redraws when the bar changes or 0.2 s have passed. */
void disrupt_progress_update(disrupt_progress *p, size_t done);
/* Sets the text shown after the count; a changed note is drawn at the next update, at most
 * five times a second. Once a task of known total has run a second, the line also shows its
 * rate and the time left: "812/s  ETA 0:11". */
void disrupt_progress_note(disrupt_progress *p, const char *note);
/* Clears the line so that what is printed next starts clean. */
void disrupt_progress_finish(disrupt_progress *p);

#endif
