/*
 * cmd_cohorts.h - retain cohorts: cohort retention tables from an activity
 * log.
 */
#ifndef RETAIN_CMD_COHORTS_H
#define RETAIN_CMD_COHORTS_H

#include <stdint.h>

#include "cohort_log.h"
#include "cohorts_args.h"

/*
 * Runs retain cohorts on argv[first..argc-1]; returns the exit status,
 * with stdout still open: cli_main() closes and checks it.
 */
int cmd_cohorts(int argc, char *const *argv, int first);

/*
 * Warns about what the log and result say and prints the report of
 * `result` as the arguments ask, the cut-off `as_of`; the exit status.
 * retain merge prints with it too, from a log that holds only counts.
 */
int cohorts_report(const struct cohorts_args *args,
                   const struct rt_cohort_log *log,
                   const struct rt_cohort_result *result, int32_t as_of);

/* The text of retain cohorts --help. */
extern const char cohorts_help_text[];

#endif
