/*
 * cohort_log.h - reading an activity log into the cohort engine
 * (internal).
 *
 * Each input is a file of records with a header (csv.h, opened as every
 * command opens one): one event per row, in any order.  The columns are
 * found by name; each row's ID and date (and, when asked for, its event
 * type, signup date and segment) become one engine event.  A row that
 * cannot be read (a problem of its shape, no ID, a date that is not one)
 * is reported as FILE:LINE and left out, and the rest go on.  Rows
 * outside --from .. --as-of are left out and counted, for one warning.
 *
 * A subscription table (options.spans) is read the same way, one
 * subscription per row: an ID, a start and an end date (empty: still
 * running), each row one range of the engine's bits (cohort_engine.h).  An
 * end before the start is an error; an end on the start day a warning, the
 * row left out.
 *
 * Nothing here holds memory per event: the engine keeps what it keeps per
 * customer, and the reader a few chunks of events at a time, fed to the
 * engine on a second thread with more than one job (cohort_pipe.h).
 */
#ifndef RETAIN_COHORT_LOG_H
#define RETAIN_COHORT_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cohort_state.h"

/* Prepares an empty log reader; the options' strings stay the caller's. */
void rt_cohort_log_init(struct rt_cohort_log *log,
                        const struct rt_cohort_log_options *options,
                        struct rt_reporter reporter);

void rt_cohort_log_free(struct rt_cohort_log *log);

/* Reads one input, `name` for the messages. */
enum rt_cohort_log_result rt_cohort_log_file(struct rt_cohort_log *log,
                                             FILE *in, const char *name);

/*
 * The cut-off, a day number: --as-of, else the latest date of any valid
 * row.  False when there is neither (no valid row).
 */
bool rt_cohort_log_as_of(const struct rt_cohort_log *log, int32_t *day);

/*
 * The last complete period by the cut-off `as_of`: the period that holds
 * it when it is that period's last day, else the one before.
 */
int32_t rt_cohort_log_last_complete(const struct rt_cohort_log *log,
                                    int32_t as_of);

/*
 * Calls each(context, text) for every warning the log and its result
 * give, in a fixed order: events left out by the dates, customers in no
 * cohort, signup dates that disagree, activity before the signup period.
 */
void rt_cohort_log_warnings(const struct rt_cohort_log *log,
                            const struct rt_cohort_result *result,
                            void (*each)(void *context, const char *text),
                            void *context);

#endif
