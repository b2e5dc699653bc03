/*
 * cohorts_args.h - the command line of retain cohorts [OPTION]... [FILE]...
 */
#ifndef RETAIN_COHORTS_ARGS_H
#define RETAIN_COHORTS_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_command.h"
#include "cohort_chart.h"
#include "cohort_log.h"
#include "cohort_report.h"

/* The most values a repeatable option (--start-event) takes. */
#define COHORTS_VALUES_MAX 64

/* The values of a repeatable option, in the order given. */
struct cohorts_values {
    const char *items[COHORTS_VALUES_MAX];
    size_t count;
};

struct cohorts_args {
    bool help;
    struct rt_cohort_log_options log; /* what reading the log needs */
    struct cohorts_values start_events, return_events;
    bool utc, unix_seconds;
    bool spans;               /* --spans: log.spans is RT_SPAN_BITS_END */
    const char *as_of, *from; /* as given; parsed into log */
    enum rt_cohort_mode mode;
    enum rt_cohort_average_method average;
    bool no_average;
    bool has_max_periods;
    uint64_t max_periods;
    enum rt_format format;
    bool format_given;
    bool long_form, counts, strict;
    bool partial; /* --partial: write the counts as a part (merge_args.h) */
    bool header;  /* csv/tsv: the header line; --no-header clears it */
    unsigned precision;
    enum rt_cohort_chart_kind chart;    /* -f svg: --chart */
    unsigned chart_width, chart_height; /* --width, --height; 0: default */
    const char **files;                 /* the caller's array, argc entries */
    size_t file_count;                  /* 0: standard input */
};

/*
 * Reads argv[first..argc-1] into *args without printing; args->files must
 * point to room for argc names.  On failure writes a one-line message to
 * error.
 */
enum cli_parse_result cohorts_parse_args(int argc, char *const *argv, int first,
                                         struct cohorts_args *args, char *error,
                                         size_t error_size);

/*
 * Shared with retain periods, whose argument struct starts with a struct
 * cohorts_args, so that these rows' offsets hold in it too: the rows (their
 * count in *count), the defaults, and the checks cohorts_parse_args() makes
 * once the options are read.
 */
const struct cli_row *cohorts_args_rows(size_t *count);
void cohorts_args_defaults(struct cohorts_args *args);
enum cli_parse_result cohorts_args_check(struct cohorts_args *args,
                                         const struct cli_parse *parse,
                                         char *error, size_t error_size);

#endif
