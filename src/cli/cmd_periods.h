/*
 * cmd_periods.h - retain periods: S, E and N for every period, from an
 * activity log or a subscription table.
 */
#ifndef RETAIN_CMD_PERIODS_H
#define RETAIN_CMD_PERIODS_H

#include <stdint.h>

#include "cohort_log.h"
#include "cohort_periods.h"
#include "periods_args.h"

/*
 * Runs retain periods on argv[first..argc-1]; returns the exit status,
 * with stdout still open: cli_main() closes and checks it.
 */
int cmd_periods(int argc, char *const *argv, int first);

/*
 * Notes the periods left out and writes the rows of `result` as the
 * arguments ask, the cut-off `as_of`; the exit status.  retain merge
 * prints with it too, from a log that holds only counts.
 */
int periods_report(struct periods_args *args, const struct rt_cohort_log *log,
                   const struct rt_period_result *result, int32_t as_of);

/*
 * Says that no customer was counted (no row read, or every one left
 * out), as a usage error; its exit status.  retain merge says it too.
 */
int periods_no_data(const struct rt_cohort_log *log);

/*
 * The exit status of a run that wrote its rows: 1 when rows were left out
 * or inputs skipped, or with --strict for `warnings` or blank lines.
 */
int periods_read_status(const struct periods_args *args,
                        const struct rt_cohort_log *log, unsigned warnings);

/* The text of retain periods --help. */
extern const char periods_help_text[];

#endif
