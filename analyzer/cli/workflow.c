/* workflow.c — reading, detecting and writing for verify, compare and report. */
#include "workflow.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "disrupt/ingest/ingest.h"
#include "disrupt/core/outfile.h"
#include "disrupt/workflows/caveat.h"
#include "disrupt/workflows/claims.h"

void workflow_warn_baselines(const disrupt_dataset *data, const disrupt_detection *result,
                             const detect_opts *d)
{
    for (size_t i = 0; i < data->count && i < result->nsignals; i++)
        if (result->skipped[i])
            cli_warning("%s; it is left out, the other signals are analysed",
                        result->skipped[i]);
    if (d->detect.baseline.pin_end > d->detect.baseline.pin_start)
        return;   /* the analyst said where normal is */
    char caveat[DISRUPT_CAVEAT_MAX];
    for (size_t i = 0; i < data->count && i < result->nsignals; i++)
        if (!result->skipped[i] &&
            disrupt_baseline_caveat(data->series[i], result->normal_samples[i], caveat,
                                    sizeof caveat))
            cli_warning("%s", caveat);
}

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
    if (rc == DISRUPT_OK)
        rc = disrupt_dataset_namespace(data, in->labels, in->nlabels, err);
    if (rc == DISRUPT_OK && result) {
        rc = disrupt_detect_run(data, &d->detect, result, err);
        if (rc == DISRUPT_OK)
            workflow_warn_baselines(data, result, d);
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

void workflow_opts_init(workflow_opts *o, const char *command)
{
    o->operands_optional = 0;
    ingest_cli_init(&o->in, command);
    detect_opts_init(&o->detect, command);
    cli_plot_opts_init(&o->plot, command);
}

void workflow_opts_fini(workflow_opts *o)
{
    ingest_cli_fini(&o->in);
}

int workflow_parse(int argc, char **argv, const cli_command_doc *doc, cli_group own,
                   workflow_opts *o, int *first)
{
    cli_group groups[] = {
        own,
        ingest_cli_group(&o->in),
        detect_opts_group(&o->detect),
        cli_plot_group(&o->plot),
    };
    int status = cli_parse(argc, argv, doc, groups, sizeof groups / sizeof groups[0], first);
    if (status == 0)
        status = detect_opts_finish(&o->detect, o->in.opt.tz);
    if (status == 0)
        status = cli_plot_opts_finish(&o->plot, o->in.opt.tz);
    if (status == 0 && *first >= argc && !o->operands_optional)
        status = cli_usage_error(doc->name, "no input file given");
    return status;
}

/* The same file: the same name, or two names of one existing file. */
static int same_file(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return 1;
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

typedef struct {
    const char *what;   /* "--json", "an input" */
    const char *path;
} named_file;

int workflow_check_files(const char *command, char *const *inputs, int ninputs,
                         const workflow_opts *w, const char *claims, const char *json,
                         const char *csv)
{
    named_file in[3] = {{"--claims", claims}, {"--events", w->plot.events_path}, {NULL, NULL}};
    const named_file out[3] = {{"--json", json}, {"--csv", csv}, {"--plot", w->plot.path}};
    const char *first_stdin = NULL;
    for (int i = -2; i < ninputs; i++) {
        const named_file f = i < 0 ? in[i + 2] : (named_file){"an input file", inputs[i]};
        if (!f.path || strcmp(f.path, "-"))
            continue;
        if (first_stdin)
            return cli_usage_error(command, "%s and %s cannot both read standard input ('-')",
                                   first_stdin, f.what);
        first_stdin = f.what;
    }
    for (int a = 0; a < 3; a++) {
        if (!out[a].path)
            continue;
        for (int b = a + 1; b < 3; b++)
            if (out[b].path && (strcmp(out[a].path, "-") ? same_file(out[a].path, out[b].path)
                                                         : !strcmp(out[b].path, "-")))
                return cli_usage_error(command, "%s and %s both write %s", out[a].what,
                                       out[b].what,
                                       strcmp(out[a].path, "-") ? out[a].path
                                                                : "to standard output");
        if (!strcmp(out[a].path, "-"))
            continue;
        for (int i = -2; i < ninputs; i++) {
            const char *p = i < 0 ? in[i + 2].path : inputs[i];
            if (p && strcmp(p, "-") && same_file(out[a].path, p))
                return cli_usage_error(command, "%s %s is also an input: it would be overwritten",
                                       out[a].what, out[a].path);
        }
    }
    return 0;
}

disrupt_plot_claim *workflow_plot_claims(const disrupt_claim_list *claims,
                                         const disrupt_verify_result *verdicts)
{
    disrupt_plot_claim *marks = calloc(claims->count + 1, sizeof *marks);
    if (!marks)
        return NULL;
    for (size_t i = 0; i < claims->count; i++) {
        const disrupt_claim *c = &claims->items[i];
        marks[i] = (disrupt_plot_claim){c->label, c->start, c->end, c->signal, NULL};
    }
    for (size_t v = 0; verdicts && v < verdicts->count; v++)
        if (verdicts->items[v].claim < claims->count)
            marks[verdicts->items[v].claim].verdict =
                disrupt_verdict_name(verdicts->items[v].verdict);
    return marks;
}

int workflow_emit(const char *json_path, const char *csv_path, const workflow_outputs *w,
                  const void *ctx, disrupt_error *err)
{
    int stdout_taken = (json_path && !strcmp(json_path, "-")) ||
                       (csv_path && !strcmp(csv_path, "-"));
    if (!stdout_taken && w->table(stdout, ctx, err))
        return err->code ? err->code : DISRUPT_EIO;
    if (json_path && workflow_write(json_path, w->json, ctx, err))
        return err->code;
    if (csv_path && workflow_write(csv_path, w->csv, ctx, err))
        return err->code;
    return DISRUPT_OK;
}

int workflow_check_claim_signals(const disrupt_claim_list *claims, const disrupt_dataset *data,
                                 const char *path, disrupt_error *err)
{
    for (size_t i = 0; i < claims->count; i++) {
        const char *want = claims->items[i].signal;
        int found = !want;
        for (size_t s = 0; s < data->count && !found; s++)
            found = strcmp(data->series[s]->name, want) == 0;
        if (found)
            continue;
        char names[512] = "";
        for (size_t s = 0; s < data->count; s++)
            if (!disrupt_error_list_add(names, sizeof names, data->series[s]->name,
                                        strlen(data->series[s]->name)))
                break;
        return disrupt_error_set_at(err, DISRUPT_EDATA, path, claims->items[i].line, 0,
                                    "expected a signal of the inputs, found '%s'; the signals "
                                    "are: %s",
                                    want, names);
    }
    return DISRUPT_OK;
}
