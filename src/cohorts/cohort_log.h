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
 * Nothing here holds memory per event: the engine keeps what it keeps per
 * customer, and the reader a few dozen events' bytes at a time.
 */
#ifndef RETAIN_COHORT_LOG_H
#define RETAIN_COHORT_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cohort_engine.h"
#include "date.h"
#include "describe.h"
#include "period.h"

/* A repeatable option's values: --start-event, --return-event. */
struct rt_cohort_values {
    const char *const *items;
    size_t count;
};

struct rt_cohort_log_options {
    char delimiter;         /* -d; 0: from the file name or the header */
    const char *id_col;     /* NULL: customer_id, customer or id */
    const char *date_col;   /* NULL: date, timestamp or time */
    const char *event_col;  /* NULL: no event types */
    const char *cohort_col; /* NULL: cohorts from the events */
    const char *group_col;  /* NULL: no segments */
    struct rt_cohort_values start_events;  /* none: every event starts */
    struct rt_cohort_values return_events; /* none: every event returns */
    enum rt_date_mode date_mode;
    struct rt_period_spec period;
    bool has_from, has_as_of;
    int32_t from, as_of; /* day numbers */
    uint64_t key[2];     /* the engine's hash key */
    unsigned jobs;       /* threads to read on; 1: the calling one alone */
};

/* Events held until they are fed together (rt_cohort_engine_add_many). */
#define RT_COHORT_LOG_PENDING 64

struct rt_cohort_log {
    struct rt_cohort_log_options options;
    struct rt_cohort_engine engine;
    struct rt_reporter reporter;
    /* What was read. */
    uint64_t events;                   /* fed to the engine */
    uint64_t rows_left_out;            /* rows reported as errors */
    uint64_t before_from, after_as_of; /* left out by the dates */
    uint64_t blank_lines;              /* skipped, in every input */
    size_t inputs_used, inputs_skipped;
    bool have_day;
    int32_t latest_day;   /* of any valid row, before --from or --as-of */
    char first_delimiter; /* the first usable input's; 0 before one */
    char *group_name;     /* the --group-by column's name in the first input */
    /* The events not yet fed, and the bytes they point to. */
    struct rt_cohort_event pending[RT_COHORT_LOG_PENDING];
    size_t id_at[RT_COHORT_LOG_PENDING], segment_at[RT_COHORT_LOG_PENDING];
    uint64_t line_of[RT_COHORT_LOG_PENDING];
    size_t pending_count;
    char *bytes;
    size_t bytes_len, bytes_cap;
};

/* How reading an input ended. */
enum rt_cohort_log_result {
    RT_COHORT_LOG_OK,      /* read (rows may have been left out) */
    RT_COHORT_LOG_SKIPPED, /* reported; nothing (more) of it was used */
    RT_COHORT_LOG_STOPPED, /* reported; the run cannot go on (a limit) */
    RT_COHORT_LOG_NO_MEMORY
};

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
