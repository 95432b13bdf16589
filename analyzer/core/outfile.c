/* outfile.c — atomic output: write to PATH.XXXXXX, fsync, rename over PATH. Standard output,
 * FIFOs and devices are streams, written directly; a symbolic link is followed. */
#include "disrupt/core/outfile.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files open now, for disrupt_outfile_remove_pending: a slot is set once the file
 * exists and cleared before its name is freed, so a handler never sees a freed name. */
static char *volatile pending[DISRUPT_OUTFILE_PENDING];
/* Threads (batch's charts) take and free slots under this lock; the handler only reads. */
static pthread_mutex_t slots = PTHREAD_MUTEX_INITIALIZER;

static void track(char *tmp)
{
    pthread_mutex_lock(&slots);
    for (size_t i = 0; i < DISRUPT_OUTFILE_PENDING; i++)
        if (!pending[i]) {
            pending[i] = tmp;
            break;
        }
    pthread_mutex_unlock(&slots);
}

static void untrack(const char *tmp)
{
    pthread_mutex_lock(&slots);
    for (size_t i = 0; tmp && i < DISRUPT_OUTFILE_PENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
    pthread_mutex_unlock(&slots);
}

/* The umask can only be read by setting it: read once, so that threads opening files at once
 * (batch's charts) never see, or leave, the 0 set in between. */
static mode_t umask_value;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void read_umask(void)
{
    umask_value = umask(0);
    umask(umask_value);
}

static mode_t process_umask(void)
{
    pthread_once(&umask_once, read_umask);
    return umask_value;
}

void disrupt_outfile_read_umask(void)
{
    (void)process_umask();
}

/* A folder being filled and the files committed into it (outfile.h). */
static char *volatile staged_dir;
static char *volatile staged[DISRUPT_OUTFILE_STAGED];
static volatile size_t nstaged;

int disrupt_outfile_stage_folder(const char *dir)
{
    disrupt_outfile_unstage_folder();
    char *copy = strdup(dir);
    if (!copy)
        return DISRUPT_ENOMEM;
    staged_dir = copy;
    return DISRUPT_OK;
}

void disrupt_outfile_unstage_folder(void)
{
    char *dir = staged_dir;
    staged_dir = NULL;
    size_t n = nstaged;
    nstaged = 0;
    for (size_t i = 0; i < n; i++) {
        char *p = staged[i];
        staged[i] = NULL;
        free(p);
    }
    free(dir);
}

/* Called before a file is renamed into place, so that a signal between the two still finds
 * its name (unlinking a name not there yet is harmless). */
static void note_staged(const char *path)
{
    const char *dir = staged_dir;
    size_t len = dir ? strlen(dir) : 0;
    if (!dir || nstaged == DISRUPT_OUTFILE_STAGED || strncmp(path, dir, len) != 0 ||
        path[len] != '/')
        return;
    char *copy = strdup(path);
    if (copy) {
        staged[nstaged] = copy;
        nstaged = nstaged + 1;
    }
}

void disrupt_outfile_remove_pending(void)
{
    for (size_t i = 0; i < DISRUPT_OUTFILE_PENDING; i++) {
        char *p = pending[i];
        if (p)
            unlink(p);
    }
    if (!staged_dir)
        return;
    for (size_t i = 0; i < nstaged; i++)
        if (staged[i])
            unlink(staged[i]);
    rmdir(staged_dir);
}

static void reset(disrupt_outfile *f)
{
    untrack(f->tmp);
    f->fp = NULL;
    f->stream = 0;
    free(f->path);
    free(f->tmp);
    f->path = NULL;
    f->tmp = NULL;
}

/* A FIFO or a device is opened and written as it is: renaming over it would replace it. */
static int open_stream(disrupt_outfile *f, const char *path, disrupt_error *err)
{
    f->stream = 1;
    f->path = strdup(path);
    f->fp = f->path ? fopen(path, "wb") : NULL;
    if (!f->fp) {
        int e = f->path ? errno : ENOMEM;
        reset(f);
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    return DISRUPT_OK;
}

/* A temporary file beside path, made an ordinary file (mkstemp makes it 0600). */
static int open_temporary(disrupt_outfile *f, const char *path, disrupt_error *err)
{
    size_t len = strlen(path);
    f->path = strdup(path);
    f->tmp = malloc(len + 8);
    if (!f->path || !f->tmp) {
        reset(f);
        return disrupt_error_nomem(err);
    }
    memcpy(f->tmp, path, len);
    memcpy(f->tmp + len, ".XXXXXX", 8);
    int fd = mkstemp(f->tmp);
    if (fd >= 0)
        track(f->tmp);
    if (fd < 0) {
        int e = errno;
        reset(f);
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create: %s", path, strerror(e));
    }
    fchmod(fd, 0666 & ~process_umask());
    f->fp = fdopen(fd, "wb");
    if (!f->fp) {
        int e = errno;
        close(fd);
        unlink(f->tmp);
        reset(f);
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open: %s", path, strerror(e));
    }
    return DISRUPT_OK;
}

int disrupt_outfile_open(disrupt_outfile *f, const char *path, disrupt_error *err)
{
    f->fp = NULL;
    f->path = NULL;
    f->tmp = NULL;
    f->stream = 0;
    if (strcmp(path, "-") == 0) {
        f->fp = stdout;
        f->stream = 1;
        return DISRUPT_OK;
    }
    struct stat st;
    char *resolved = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        resolved = realpath(path, NULL);  /* replace the link's target, keep the link */
        if (!resolved)
            return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot follow the link: %s", path,
                                     strerror(errno));
        path = resolved;
    }
    int rc = stat(path, &st) == 0 && !S_ISREG(st.st_mode) ? open_stream(f, path, err)
                                                          : open_temporary(f, path, err);
    free(resolved);
    return rc;
}

int disrupt_outfile_commit(disrupt_outfile *f, disrupt_error *err)
{
    if (f->stream) {
        int bad = fflush(f->fp) != 0 || ferror(f->fp);
        if (f->path && fclose(f->fp) != 0)
            bad = 1;
        int rc = bad ? disrupt_error_set(err, DISRUPT_EIO, "%s: cannot write",
                                         f->path ? f->path : "standard output")
                     : DISRUPT_OK;
        reset(f);
        return rc;
    }
    int bad = fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0;
    int e = errno;
    if (fclose(f->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    f->fp = NULL;
    if (!bad)
        note_staged(f->path);
    if (!bad && rename(f->tmp, f->path) != 0) {
        bad = 1;
        e = errno;
    }
    int rc = DISRUPT_OK;
    if (bad) {
        unlink(f->tmp);
        rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot write: %s", f->path, strerror(e));
    }
    reset(f);
    return rc;
}

void disrupt_outfile_abort(disrupt_outfile *f)
{
    if (f->fp && f->path) {
        fclose(f->fp);
        if (f->tmp)
            unlink(f->tmp);
    }
    reset(f);
}
