/* progress.c — an in-place progress bar; see progress.h. */
#include "disrupt/core/progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int disrupt_progress_wanted(FILE *out, int quiet)
{
    return !quiet && out && isatty(fileno(out));
}

void disrupt_progress_init(disrupt_progress *p, FILE *out, int enabled)
{
    p->out = out;
    p->enabled = enabled && out != NULL;
    p->label = "";
    p->unit = "";
    p->total = p->done = 0;
    p->drawn = -1;
    p->width = 24;
    p->line_len = 0;
    p->started = p->last_draw = 0;
    p->note[0] = '\0';
}

static void draw(disrupt_progress *p, int filled)
{
    char bar[64];
    int w = p->width < (int)sizeof bar - 1 ? p->width : (int)sizeof bar - 1;
    for (int i = 0; i < w; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[w] = '\0';
    char timing[64] = "";
    double t = now(), elapsed = t - p->started;
    if (p->total && p->done && elapsed >= 1.0) {
        double rate = (double)p->done / elapsed;
        long left = p->done < p->total ? (long)((double)(p->total - p->done) / rate + 0.5) : 0;
        snprintf(timing, sizeof timing, "  %.0f/s  ETA %ld:%02ld", rate, left / 60, left % 60);
    }
    int n;
    if (p->total)
        n = fprintf(p->out, "\r%s  [%s]  %zu/%zu %s%s%s%s", p->label, bar, p->done, p->total,
                    p->unit, p->note[0] ? "  " : "", p->note, timing);
    else
        n = fprintf(p->out, "\r%s  %zu %s%s%s", p->label, p->done, p->unit,
                    p->note[0] ? "  " : "", p->note);
    p->last_draw = t;
    if (n < 0) {
        p->enabled = 0;
        return;
    }
    /* Blank out what is left of a longer previous line ('\r' is not a column). */
    size_t visible = n > 0 ? (size_t)n - 1 : 0;
    for (size_t k = visible; k < p->line_len; k++)
        fputc(' ', p->out);
    p->line_len = visible;
    fflush(p->out);
    p->drawn = filled;
}

static int filled_cells(const disrupt_progress *p)
{
    if (p->total == 0)
        return (int)(p->done % 1000000);   /* indeterminate: redraw on every new count */
    size_t done = p->done > p->total ? p->total : p->done;
    return (int)((double)done / (double)p->total * p->width);
}

void disrupt_progress_start(disrupt_progress *p, const char *label, const char *unit,
                            size_t total)
{
    p->label = label ? label : "";
    p->unit = unit ? unit : "";
    p->total = total;
    p->done = 0;
    p->drawn = -1;
    p->started = now();
    p->note[0] = '\0';
    if (p->enabled)
        draw(p, filled_cells(p));
}

void disrupt_progress_update(disrupt_progress *p, size_t done)
{
    p->done = done;
    if (!p->enabled)
        return;
    int filled = filled_cells(p);
    if (filled != p->drawn || done == p->total || now() - p->last_draw >= 0.2)
        draw(p, filled);
}

void disrupt_progress_note(disrupt_progress *p, const char *note)
{
    snprintf(p->note, sizeof p->note, "%s", note ? note : "");
}

void disrupt_progress_finish(disrupt_progress *p)
{
    if (!p->enabled || p->line_len == 0)
        return;
    fputc('\r', p->out);
    for (size_t k = 0; k < p->line_len; k++)
        fputc(' ', p->out);
    fputc('\r', p->out);
    fflush(p->out);
    p->line_len = 0;
    p->drawn = -1;
}
