/*
 * cohort_report.h - the cohort triangles of a result in the output
 * formats of retain cohorts (internal).
 *
 * csv and tsv: wide (one row per cohort, a column per offset k) or long
 * (one row per cell); json: one object; text: an aligned table with a line
 * above it that says what the numbers are.  Every rate is exact, rounded
 * once, half away from zero (cohort_engine.h); an unobserved cell is
 * empty (null in JSON), never 0.
 */
#ifndef RETAIN_COHORT_REPORT_H
#define RETAIN_COHORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cohort_engine.h"
#include "emit.h"
#include "period.h"
#include "retain.h"
#include "sink.h"

/* How the average row averages the cohorts observed at k. */
enum rt_cohort_average_method {
    RT_COHORT_POOLED, /* sum of active / sum of cohort sizes */
    RT_COHORT_MEAN    /* the mean of the cohorts' rates */
};

/* What to write, and how. */
struct rt_cohort_report {
    const struct rt_cohort_result *result;
    struct rt_period_spec period; /* what the period indices are */
    int32_t as_of;                /* the cut-off, a day number */
    enum rt_cohort_average_method average;
    bool no_average;        /* --no-average: no average rows */
    enum rt_format format;  /* text, json, csv, tsv or markdown */
    char delimiter;         /* csv's: ',' or ';' as the input (0: ',') */
    bool long_form;         /* --long: one row per cell (csv/tsv) */
    bool counts;            /* --counts: active customers, not rates */
    bool header;            /* csv/tsv: the header line (--no-header) */
    unsigned precision;     /* digits of the rates */
    const char *group_name; /* the --group-by column; NULL: not grouped */
    const struct rt_notes *warnings; /* for JSON's warnings field */
    bool note_first_cohort; /* the first cohort also holds customers active
                               before the data starts (text and JSON) */
    bool spans; /* cells count subscribers at a period's end (text) */
};

/*
 * Writes the report to sink.  RT_OK, RT_ERR_NOMEM; RT_ERR_PRECISION,
 * having written nothing, for a precision above RT_PRECISION_MAX; a write
 * error is the sink's to tell (sink->failed).
 */
enum rt_status rt_cohort_report_write(struct rt_sink *sink,
                                      const struct rt_cohort_report *report);

/*
 * Writes the line that -f text puts above the table (what a cell counts,
 * the cut-off, the average), ending in ".\n"; the charts' description.
 */
void rt_cohort_report_heading(struct rt_sink *sink,
                              const struct rt_cohort_report *report);

#endif
