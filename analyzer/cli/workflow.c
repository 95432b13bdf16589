/* workflow.c — reading, detecting and writing for verify, compare and report. */
#include "workflow.h"

#include "disrupt/ingest.h"
#include "disrupt/outfile.h"

int workflow_read_detect(char **files, int nfiles, ingest_cli *in, const detect_opts *d,
                         disrupt_progress *progress, const char *label, disrupt_dataset *data,
                         disrupt_detection *result, disrupt_error *err)
{
    size_t steps = (size_t)nfiles + (result ? 1 : 0);
    disrupt_progress_start(progress, label, "steps", steps);
    int rc = DISRUPT_OK;
    for (int i = 0; i < nfiles && rc == DISRUPT_OK; i++) {
        rc = disrupt_ingest_file(files[i], &in->opt, data, err);
        disrupt_progress_update(progress, (size_t)i + 1);
    }
    if (rc == DISRUPT_OK && result) {
        rc = disrupt_detect_run(data, &d->detect, result, err);
        disrupt_progress_update(progress, steps);
    }
    disrupt_progress_finish(progress);
    return rc;
}

int workflow_write(const char *path, workflow_writer write, const void *ctx, disrupt_error *err)
{
    disrupt_outfile f;
    int rc = disrupt_outfile_open(&f, path, err);
    if (rc)
        return rc;
    rc = write(f.fp, ctx, err);
    if (rc) {
        disrupt_outfile_abort(&f);
        return rc;
    }
    return disrupt_outfile_commit(&f, err);
}
