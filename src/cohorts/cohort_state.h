/*
 * cohort_state.h - what a run of retain cohorts holds while it reads its
 * log: the options, the engine, the counts of what was read (internal to
 * src/cohorts).  Below the reader's parts (cohort_log.c, the inputs;
 * cohort_row.c, a row; cohort_pipe.c, the second thread), which all use
 * it and none of which the others' state belongs to.
 */
#ifndef RETAIN_COHORT_STATE_H
#define RETAIN_COHORT_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
    /* A subscription table instead of a log: one row per subscription,
       [start, end), an empty end still running; the bits as the value
       says (cohort_engine.h).  date_col, event_col, cohort_col, the events
       and has_from are not read then. */
    enum rt_span_bits spans; /* RT_SPAN_BITS_NONE: an activity log */
    const char *start_col;   /* NULL: start_date, else start */
    const char *end_col;     /* NULL: end_date, else end */
};

/*
 * The last date text read and what it gave: a log in date order repeats
 * one date text row after row, read once then.  len 0: none yet.
 */
#define RT_COHORT_MEMO_TEXT 32
struct rt_cohort_date_memo {
    char text[RT_COHORT_MEMO_TEXT];
    size_t len;
    int32_t day, period;
};

struct cohort_pipe;

struct rt_cohort_log {
    struct rt_cohort_log_options options;
    struct rt_cohort_engine engine;
    struct rt_reporter reporter;
    /* What was read. */
    uint64_t events;                   /* fed to the engine */
    uint64_t rows_left_out;            /* rows reported as errors */
    uint64_t before_from, after_as_of; /* left out by the dates */
    uint64_t blank_lines;              /* skipped, in every input */
    uint64_t empty_spans; /* rows of no length, warned about and left out */
    size_t inputs_used, inputs_skipped;
    bool have_day;
    int32_t latest_day;   /* of any valid row, before --from or --as-of;
                             of a table: of any start (an end may be far ahead) */
    char first_delimiter; /* the first usable input's; 0 before one */
    char *group_name;     /* the --group-by column's name in the first input */
    struct rt_cohort_date_memo date_memo, signup_memo; /* a table: start, end */
    /* While an input's rows are read: where their events go. */
    struct cohort_pipe *pipe;
};

/* How reading an input ended. */
enum rt_cohort_log_result {
    RT_COHORT_LOG_OK,      /* read (rows may have been left out) */
    RT_COHORT_LOG_SKIPPED, /* reported; nothing (more) of it was used */
    RT_COHORT_LOG_STOPPED, /* reported; the run cannot go on (a limit) */
    RT_COHORT_LOG_NO_MEMORY
};

/* Passes a diagnostic to the log's reporter. */
void rt_cohort_log_report(const struct rt_cohort_log *log,
                          enum rt_severity severity, const char *file,
                          uint64_t line, const char *message);

#endif
