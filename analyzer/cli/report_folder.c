/* report_folder.c — the report bundle staged beside its folder (see report_folder.h). */
#include "report_folder.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disrupt/core/path.h"
#include "disrupt/core/outfile.h"

typedef struct {
    size_t files, folders;
    int has_report, has_windows;
} contents;

/* Calls fn with the path and name of every entry of dir but . and ..; -1 when dir cannot
 * be read. */
static int each_entry(const char *dir, void (*fn)(const char *path, const char *name, void *ctx),
                      void *ctx)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char *p = disrupt_path_join(dir, e->d_name);
        if (p) {
            fn(p, e->d_name, ctx);
            free(p);
        }
    }
    closedir(d);
    return 0;
}

static void count_entry(const char *path, const char *name, void *ctx)
{
    contents *c = ctx;
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
        c->files++;
    else
        c->folders++; /* folders, links, anything but a plain file */
    c->has_report |= !strcmp(name, "report.md");
    c->has_windows |= !strcmp(name, "windows.json");
}

static int look(const char *dir, contents *c)
{
    memset(c, 0, sizeof *c);
    return each_entry(dir, count_entry, c);
}

int report_folder_check(const char *dir, int force, disrupt_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return errno == ENOENT ? 0
                               : disrupt_error_set(err, DISRUPT_EIO, "%s: %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return disrupt_error_set(err, DISRUPT_EIO, "%s: exists and is not a folder", dir);
    contents c;
    if (look(dir, &c) != 0)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read the folder: %s", dir,
                                 strerror(errno));
    if (c.files + c.folders == 0)
        return 0;
    if (c.folders)
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: holds folders (or links): not a report folder, and not "
                                 "replaced even with --force; choose another --out",
                                 dir);
    if ((c.has_report && c.has_windows) || force)
        return 0;
    return disrupt_error_set(err, DISRUPT_EDATA,
                             "%s: not empty and not an earlier report (no report.md and "
                             "windows.json): give an empty or new folder, or --force to "
                             "replace its files",
                             dir);
}

/* DIR with a suffix and six X's, for mkdtemp. */
static char *sibling(const char *dir, const char *suffix)
{
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    size_t n = len + strlen(suffix) + 8;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%.*s%sXXXXXX", (int)len, dir, suffix);
    return p;
}

char *report_folder_begin(const char *dir, disrupt_error *err)
{
    char *p = sibling(dir, ".new-");
    if (!p) {
        disrupt_error_nomem(err);
        return NULL;
    }
    if (!mkdtemp(p)) {
        disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create a folder beside it: %s", dir,
                          strerror(errno));
        free(p);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    chmod(p, 0777 & ~mask); /* mkdtemp makes it 0700: a report folder as mkdir would */
    if (disrupt_outfile_stage_folder(p) != 0) {   /* removed if a signal ends the run */
        rmdir(p);
        free(p);
        disrupt_error_nomem(err);
        return NULL;
    }
    return p;
}

static void unlink_entry(const char *path, const char *name, void *ctx)
{
    (void)name;
    (void)ctx;
    unlink(path);
}

/* Removes a folder of plain files. */
static void remove_flat(const char *dir)
{
    if (each_entry(dir, unlink_entry, NULL) == 0)
        rmdir(dir);
}

int report_folder_commit(const char *dir, const char *staging, disrupt_error *err)
{
    /* From here a signal must not remove the staged report: once the earlier one is moved
     * aside, the staged one is all there is (a signal then leaves both, nothing lost). */
    disrupt_outfile_unstage_folder();
    struct stat st;
    char *old = NULL;
    if (stat(dir, &st) == 0) {
        old = sibling(dir, ".old-");
        if (!old || !mkdtemp(old) || rename(dir, old) != 0) {
            int e = errno;
            free(old);
            return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot move the earlier report "
                                                       "aside: %s",
                                     dir, strerror(e));
        }
    }
    int moved = rename(staging, dir) == 0;
    if (!moved) {
        int e = errno;
        if (old)
            rename(old, dir); /* put the earlier report back */
        free(old);
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot put the report in place: %s",
                                 dir, strerror(e));
    }
    if (old)
        remove_flat(old);
    free(old);
    return 0;
}

void report_folder_abort(const char *staging)
{
    if (staging)
        remove_flat(staging);
    disrupt_outfile_unstage_folder();
}
