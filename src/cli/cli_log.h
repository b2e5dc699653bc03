/*
 * cli_log.h - reading the inputs of the commands that read an activity
 * log or a subscription table (retain cohorts, retain periods).
 */
#ifndef RETAIN_CLI_LOG_H
#define RETAIN_CLI_LOG_H

#include "cohort_log.h"
#include "cohorts_args.h"

/*
 * Reads every input the arguments name, in turn, or standard input when
 * they name none.  One that cannot be opened is reported and skipped;
 * only a limit or no memory stops early.
 */
enum rt_cohort_log_result cli_log_read(struct rt_cohort_log *log,
                                       const struct cohorts_args *args);

/*
 * A whole run: reads the inputs into a new log with args->log's options
 * and, unless memory ran out or a limit stopped the reading, returns
 * finish(context, log), the exit status; the log is freed after.
 */
int cli_log_run(const struct cohorts_args *args,
                int (*finish)(void *context, struct rt_cohort_log *log),
                void *context);

#endif
