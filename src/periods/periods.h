/*
 * periods.h - retain periods' output: the counts of every period, written
 * through the batch engine (internal).
 *
 * The counts (cohort_periods.h) become a CSV table in memory, one row per
 * period of each table: [SEGMENT,]period,start,end,new,first_time,
 * returning[,joined_and_left].  The batch engine then reads it as it reads
 * any input, with the user's figure options, so that every figure, format,
 * --only and --summary work as in retain batch, through the same code; the
 * last columns are placed after the figures.  A period with no customer at
 * its start has no rate: its row is written with empty figures and a
 * warning, never an error.
 */
#ifndef RETAIN_PERIODS_H
#define RETAIN_PERIODS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "batch_types.h"
#include "cohort_periods.h"
#include "period.h"

/* The warning of a period with S = 0, in its row and on stderr. */
#define RT_PERIODS_NO_START                                                    \
    "no customer at the start of the period, so no rate is defined"

/* What to write. */
struct rt_periods_output {
    const struct rt_period_result *result;
    struct rt_period_spec period; /* what the period indices are */
    const char *group_name;       /* the --group-by column; NULL: none */
};

/*
 * Writes the rows to sink with the batch options given (their format,
 * precision, figures beyond the period, --only, --summary, --strict), the
 * summary to summary_out as rt_batch_finish() says.  Segments' tables come
 * in order, the overall one only when there is no segment.  Diagnostics
 * go to reporter, naming the period, never a line of the table in memory.
 * Returns the run's result as rt_batch_finish() does.
 */
enum rt_batch_result rt_periods_write(const struct rt_periods_output *output,
                                      const struct rt_batch_options *options,
                                      struct rt_sink *sink,
                                      struct rt_reporter reporter,
                                      FILE *summary_out);

/*
 * The note on the periods left out because they had not ended by the
 * cut-off (a day number): "2024-06 is left out: it has not ended by the
 * cut-off 2024-06-15", or "2024-06 to 2024-08 are left out: ...".  False,
 * with "" in buf, when none is.
 */
bool rt_periods_unfinished_note(const struct rt_period_result *result,
                                const struct rt_period_spec *period,
                                int32_t cut_off, char *buf, size_t size);

#endif
