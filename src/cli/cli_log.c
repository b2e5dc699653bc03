/* cli_log.c - see cli_log.h. */
#include <stdio.h>
#include <stdlib.h>

#include "cli_diag.h"
#include "cli_inputs.h"
#include "cli_log.h"

/* Reads one input; one that cannot be opened is reported and skipped. */
static enum rt_cohort_log_result read_file(struct rt_cohort_log *log,
                                           const char *name)
{
    enum rt_cohort_log_result result;
    const char *shown;
    FILE *in = cli_inputs_open(name, &shown);

    if (!in) {
        log->inputs_skipped++;
        return RT_COHORT_LOG_SKIPPED;
    }
    result = rt_cohort_log_file(log, in, shown);
    cli_inputs_close(in);
    return result;
}

enum rt_cohort_log_result cli_log_read(struct rt_cohort_log *log,
                                       const struct cohorts_args *args)
{
    enum rt_cohort_log_result result = RT_COHORT_LOG_OK;
    size_t i;

    if (args->file_count == 0)
        result = rt_cohort_log_file(log, stdin, CLI_STDIN_NAME);
    for (i = 0; i < args->file_count && result <= RT_COHORT_LOG_SKIPPED; i++)
        result = read_file(log, args->files[i]);
    return result;
}

int cli_log_run(const struct cohorts_args *args,
                int (*finish)(void *context, struct rt_cohort_log *log),
                void *context)
{
    struct rt_reporter reporter = {cli_report, NULL};
    struct rt_cohort_log *log = malloc(sizeof *log);
    enum rt_cohort_log_result read;
    int status;

    if (!log) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    rt_cohort_log_init(log, &args->log, reporter);
    read = cli_log_read(log, args);
    if (read == RT_COHORT_LOG_NO_MEMORY) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        status = CLI_EXIT_FAILURE;
    } else if (read == RT_COHORT_LOG_STOPPED) {
        status = CLI_EXIT_USAGE;
    } else {
        status = finish(context, log);
    }
    rt_cohort_log_free(log);
    free(log);
    return status;
}
