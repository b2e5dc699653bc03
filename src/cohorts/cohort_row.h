/*
 * cohort_row.h - the columns of an input of the log, and one row of it
 * made an engine event (internal to src/cohorts).
 */
#ifndef RETAIN_COHORT_ROW_H
#define RETAIN_COHORT_ROW_H

#include <stddef.h>

#include "cohort_state.h"
#include "csv.h"

/*
 * The columns one input keeps its fields in; RT_NO_COLUMN: not used.  A
 * subscription table's start is `date`, its end `end`.
 */
struct cohort_columns {
    size_t id, date, event, signup, group, end;
    size_t width; /* the header's fields: every row must have as many */
    bool plain;   /* only an ID and a date to read: see take_plain() */
    /* The names of the columns, quoted, for the rows' messages. */
    char id_name[RT_QUOTE_SIZE], date_name[RT_QUOTE_SIZE],
        signup_name[RT_QUOTE_SIZE], group_name[RT_QUOTE_SIZE],
        end_name[RT_QUOTE_SIZE];
};

/*
 * Finds the columns of the options (or the default names) in the header;
 * a missing one is reported and the input skipped.
 */
enum rt_cohort_log_result
cohort_columns_find(struct rt_cohort_log *log,
                    const struct rt_csv_record *header, const char *file,
                    struct cohort_columns *columns);

/*
 * Takes one row (of a log, or of a subscription table when the options
 * say spans): notes it and counts it left out when it cannot be read,
 * else holds its event in the log's pipe (cohort_pipe.h), handing the
 * chunk over when it is full.
 */
enum rt_cohort_log_result cohort_row_take(struct rt_cohort_log *log,
                                          const struct cohort_columns *columns,
                                          const struct rt_csv_record *record,
                                          const char *file);

#endif
