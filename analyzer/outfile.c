/* outfile.c — atomic output: write to PATH.XXXXXX, fsync, rename over PATH. */
#include "disrupt/outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void reset(disrupt_outfile *f)
{
    f->fp = NULL;
    free(f->path);
    free(f->tmp);
    f->path = NULL;
    f->tmp = NULL;
}

int disrupt_outfile_open(disrupt_outfile *f, const char *path, disrupt_error *err)
{
    f->fp = NULL;
    f->path = NULL;
    f->tmp = NULL;
    if (strcmp(path, "-") == 0) {
        f->fp = stdout;
        return DISRUPT_OK;
    }
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
    if (fd < 0) {
        int e = errno;
        reset(f);
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create: %s", path, strerror(e));
    }
    /* mkstemp makes 0600 files; outputs are ordinary files. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
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

int disrupt_outfile_commit(disrupt_outfile *f, disrupt_error *err)
{
    if (!f->path) {
        int bad = fflush(f->fp) != 0 || ferror(f->fp);
        f->fp = NULL;
        return bad ? disrupt_error_set(err, DISRUPT_EIO, "cannot write to standard output")
                   : DISRUPT_OK;
    }
    int bad = fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0;
    int e = errno;
    if (fclose(f->fp) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    f->fp = NULL;
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
    if (f->path && f->fp) {
        fclose(f->fp);
        unlink(f->tmp);
    }
    reset(f);
}
