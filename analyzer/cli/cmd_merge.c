/* cmd_merge.c — `disrupt merge --out DIR SHARD...`: the folders of `batch --shard i/N` joined
 * into what one batch over everything writes (workflows/batch.h). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/core/path.h"
#include "disrupt/core/digest.h"
#include "disrupt/core/outfile.h"
#include "disrupt/workflows/batch.h"

enum { OPT_OUT };

static const cli_option merge_options[] = {
    {"out", "DIR", OPT_OUT, "write the merged windows.json, windows.csv, entities.csv (and "
     "charts/) here (required; not one of the shards)", 0},
    {NULL, NULL, 0, NULL, 0},
};

static int handle_merge(void *ctx, int key, const char *arg)
{
    (void)key;
    *(const char **)ctx = arg;
    return 0;
}

static const cli_command_doc merge_doc = {
    "merge",
    "disrupt merge --out DIR SHARD_DIR...",
    "Joins the folders written by `disrupt batch --shard I/N` for I = 0 … N−1 (in any order)\n"
    "into DIR: windows.json, windows.csv and entities.csv byte for byte as one batch run over\n"
    "everything writes them, and the charts of every shard. Refused: a missing or repeated\n"
    "shard, shards of runs with other options or inputs, or of another disrupt version.",
    "join the shard folders of disrupt batch into one",
    "The three files of disrupt batch, in DIR, and DIR/charts/ when the shards have charts.",
    "disrupt merge --out all/ shard-*/\n"
    "parallel disrupt batch --shard {}/8 --out shard-{} ioda.csv ::: 0 1 2 3 4 5 6 7 && "
    "disrupt merge --out all/ shard-*",
};

/* Copies one file into place atomically. */
static int copy_file(const char *from, const char *to, disrupt_error *err)
{
    FILE *in = fopen(from, "rb");
    if (!in)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open: %s", from, strerror(errno));
    disrupt_outfile out;
    int rc = disrupt_outfile_open(&out, to, err);
    if (rc) {
        fclose(in);
        return rc;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out.fp) != n)
            break;
    int bad = ferror(in);
    fclose(in);
    if (bad) {
        disrupt_outfile_abort(&out);
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read", from);
    }
    return disrupt_outfile_commit(&out, err);
}

/* The files of a shard's charts folder into out/charts. */
static int copy_charts(const char *shard, const char *out, disrupt_error *err)
{
    char *from = disrupt_path_join(shard, "charts"), *to = disrupt_path_join(out, "charts");
    DIR *d = from && to ? opendir(from) : NULL;
    int rc = from && to ? 0 : disrupt_error_nomem(err);
    if (d && mkdir(to, 0777) && errno != EEXIST)
        rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create the folder: %s", to,
                               strerror(errno));
    for (struct dirent *e; d && rc == 0 && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char *a = disrupt_path_join(from, e->d_name), *b = disrupt_path_join(to, e->d_name);
        rc = a && b ? copy_file(a, b, err) : disrupt_error_nomem(err);
        free(a);
        free(b);
    }
    if (d)
        closedir(d);
    free(from);
    free(to);
    return rc;
}

static int same_folder(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int cmd_merge(int argc, char **argv)
{
    const char *out = NULL;
    cli_group groups[] = {{"Merge", merge_options, handle_merge, &out}};
    int first = 0;
    int status = cli_parse(argc, argv, &merge_doc, groups, 1, &first);
    if (status)
        return status < 0 ? CLI_EXIT_OK : status;
    if (!out)
        return cli_usage_error("merge", "--out DIR is required (the folder to write)");
    if (first >= argc)
        return cli_usage_error("merge", "no shard folder given");
    for (int i = first; i < argc; i++)
        if (same_folder(out, argv[i]))
            return cli_usage_error("merge", "--out %s is also a shard folder; write elsewhere",
                                   out);
    disrupt_error err = {0};
    disrupt_batch_index x;
    disrupt_batch_index_init(&x);
    char settings[DISRUPT_SHA256_HEX + 8];
    int rc = disrupt_batch_merge_read(argv + first, (size_t)(argc - first), &x, settings,
                                      sizeof settings, &err);
    if (rc == 0)
        rc = disrupt_batch_prepare_folder(out, &err);
    if (rc == 0)
        rc = disrupt_batch_write(out, &x, settings, 0, 1, &err);
    for (int i = first; i < argc && rc == 0; i++)
        rc = copy_charts(argv[i], out, &err);
    if (rc == 0)
        printf("merge: %zu entities from %d shards; wrote %s/windows.json, windows.csv, "
               "entities.csv\n", x.count, argc - first, out);
    disrupt_batch_index_fini(&x);
    return rc ? cli_fail(&err) : CLI_EXIT_OK;
}
