/*
 * cmd_cohorts.c - retain cohorts: read the log, build the triangles,
 * warn, print, and map the outcome to an exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_inputs.h"
#include "cli_log.h"
#include "digits.h"
#include "cmd_cohorts.h"
#include "cohorts_args.h"
#include "cli_part.h"
#include "merge.h"
#include "merge_args.h"
#include "platform.h"

/* At most 4 warnings: dates, no cohort, signup, before signup. */
#define WARNINGS_MAX 4

const char cohorts_help_text[] =
    "Usage: retain cohorts [OPTION]... [FILE]...\n"
    "\n"
    "Cohort retention tables from an activity log: customers grouped by the\n"
    "period of their first event (the cohort), and for each later period k\n"
    "the share of the cohort active in period cohort+k; or, with --spans,\n"
    "from a subscription table.  Reads each FILE in turn (CSV or TSV with a\n"
    "header, one event or subscription per row, in any order), or standard\n"
    "input when there is none or FILE is -.\n"
    "\n"
    "Input:\n"
    "  -d, --delimiter=DELIM   ',', ';' or tab; by default taken from the\n"
    "                          file name (.csv, .tsv) or the header line\n"
    "      --id-col=NAME       the customer ID column (default: customer_id,\n"
    "                          else customer, else id, in any case)\n"
    "      --date-col=NAME     the date column (default: date, else\n"
    "                          timestamp, else time)\n"
    "      --date-format=FORM  iso (default): YYYY-MM-DD, optionally with a\n"
    "                          time HH:MM[:SS[.fraction]] after T or a space,\n"
    "                          and a zone Z, +HH:MM or +HHMM; the date as\n"
    "                          written counts.  unix: seconds since 1970 "
    "(UTC)\n"
    "      --utc               convert times with a zone to UTC first\n"
    "      --event-col=NAME    the column of the event types, for:\n"
    "      --start-event=TYPE  events of TYPE put a customer in its cohort\n"
    "                          (repeatable; default: any event)\n"
    "      --return-event=TYPE events of TYPE count as coming back\n"
    "                          (repeatable; default: any event)\n"
    "      --cohort-col=NAME   the cohort from this signup-date column (the\n"
    "                          earliest, when rows disagree)\n"
    "      --from=DATE         leave out events before DATE (YYYY-MM-DD)\n"
    "      --as-of=DATE        the cut-off (default: the latest event date,\n"
    "                          never the clock); later events are left out\n"
    "\n"
    "Table:\n"
    "      --period=UNIT       day, week, month (default), quarter or year:\n"
    "                          calendar periods\n"
    "      --week-start=DAY    the first day of a week (default monday: ISO\n"
    "                          weeks, labelled 2024-W03; others by first day)\n"
    "      --mode=MODE         on (default): active in period cohort+k;\n"
    "                          on-or-after: in cohort+k or any later period\n"
    "                          (complete or not)\n"
    "      --average=METHOD    pooled (default): active over cohort sizes,\n"
    "                          summed over the cohorts observed at k; mean:\n"
    "                          the mean of their rates\n"
    "      --no-average        leave the average row out\n"
    "      --group-by=COLUMN   a table per value of COLUMN (a customer's\n"
    "                          value on its first event), then the average\n"
    "                          over all customers\n"
    "      --max-periods=K     columns k = 0 to K at most\n";

/* The rest: one string literal is kept under 4095 bytes (C's minimum). */
static const char cohorts_help_more[] =
    "\n"
    "Subscription table:\n"
    "      --spans             one subscription per row: a customer ID, a\n"
    "                          start date and an end date (empty: still\n"
    "                          subscribed), active from its start up to, not\n"
    "                          including, its end.  The cohort is the period\n"
    "                          of a customer's first start; cell k counts\n"
    "                          those subscribed at the end of period\n"
    "                          cohort+k (on the first day of the next)\n"
    "      --start-col=NAME    the start column (default: start_date, else\n"
    "                          start, any case)\n"
    "      --end-col=NAME      the end column (default: end_date, else end)\n"
    "With --spans the cut-off is by default the latest start date (not an\n"
    "end: one may lie ahead, as a scheduled cancellation or an export's\n"
    "9999-12-31 does); subscriptions starting after --as-of are left out.\n"
    "Only what happens by the first day after the last complete period is\n"
    "read (an end on that day still ends): a later end counts as still\n"
    "running, and --mode on-or-after looks no further.  An end before its\n"
    "start is an error, an end on its start day a warning; those rows are\n"
    "left out.\n"
    "Not with --spans: --date-col, --event-col, --start-event,\n"
    "--return-event, --cohort-col, --from.\n"
    "\n"
    "A cell is observed only when its period ended on or before the\n"
    "cut-off; an unobserved cell is empty, never 0.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT     csv or tsv (default: as the input), json,\n"
    "                          text, markdown (a GitHub pipe table) or svg\n"
    "                          (a chart)\n"
    "      --chart=KIND        svg: heatmap (default): a cell per cohort and\n"
    "                          k, coloured by its rate; curve: a line per\n"
    "                          cohort over k, and the average's\n"
    "      --width=PIXELS      svg: the chart's width, 320 to 10000 (800)\n"
    "      --height=PIXELS     svg: its height, 320 to 10000 (500)\n"
    "      --long              csv/tsv: one row per cell: cohort, offset,\n"
    "                          period, customers, active, retention_rate\n"
    "      --counts            active customers instead of rates\n"
    "      --no-header         csv/tsv: leave out the header line\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "                          (default 2), rounded half away from zero\n"
    "      --strict            exit 1 on any warning\n"
    "      --partial           write the exact counts as a part for retain\n"
    "                          merge instead (needs --as-of; takes no option\n"
    "                          of the output: give those to merge)\n"
    "  -j, --jobs=N            read on N threads (default 2; 1 to 64); the\n"
    "                          output is the same\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Exit status:\n"
    "  0  computed from every row\n"
    "  1  computed, but rows were left out or inputs skipped (reported as\n"
    "     FILE:LINE), or warnings with --strict\n"
    "  2  nothing computed: no usable event or no cohort, a bad option\n"
    "  3  the output could not be written, or out of memory\n"
    "\n"
    "Examples:\n"
    "  retain cohorts orders.csv\n"
    "  retain cohorts --period week --as-of 2024-12-29 -f text logins.csv\n"
    "  retain cohorts --event-col event --start-event signup \\\n"
    "      --return-event purchase --mode on-or-after events.csv\n"
    "  retain cohorts --group-by plan --long -f csv events.csv > cells.csv\n"
    "  retain cohorts --spans --period quarter subscriptions.csv\n"
    "  retain cohorts -f svg --as-of 2024-03-31 shop.csv > heatmap.svg\n";

/* The warnings of a run: on stderr, and kept for JSON's warnings field. */
struct run_warnings {
    char texts[WARNINGS_MAX][256];
    const char *pointers[WARNINGS_MAX];
    struct rt_notes list;
};

static void take_warning(void *context, const char *text)
{
    struct run_warnings *warnings = context;
    size_t n = warnings->list.count;

    cli_warning("%s", text);
    if (n == WARNINGS_MAX)
        return;
    snprintf(warnings->texts[n], sizeof warnings->texts[n], "%s", text);
    warnings->pointers[n] = warnings->texts[n];
    warnings->list.count++;
}

/* What to print, from the options and what the log held. */
static void plan_report(const struct cohorts_args *args,
                        const struct rt_cohort_log *log,
                        const struct rt_cohort_result *result, int32_t as_of,
                        const struct run_warnings *warnings,
                        struct rt_cohort_report *report)
{
    memset(report, 0, sizeof *report);
    report->result = result;
    report->period = log->options.period;
    report->as_of = as_of;
    report->average = args->average;
    report->no_average = args->no_average;
    report->format = args->format;
    /* As batch: the input's delimiter, unless -f chose the format. */
    if (!args->format_given) {
        report->format =
            log->first_delimiter == '\t' ? RT_FORMAT_TSV : RT_FORMAT_CSV;
        report->delimiter = log->first_delimiter;
    }
    report->long_form = args->long_form;
    report->counts = args->counts;
    report->header = args->header;
    report->precision = args->precision;
    report->group_name = log->options.group_col ? log->group_name : NULL;
    report->warnings = &warnings->list;
    /* A table's first starts are the customers' own, not the data's. */
    report->spans = log->options.spans != RT_SPAN_BITS_NONE;
    report->note_first_cohort = log->options.cohort_col == NULL &&
                                log->options.spans == RT_SPAN_BITS_NONE;
}

/* The report, or with -f svg its chart. */
static enum rt_status write_report(struct rt_sink *sink,
                                   const struct cohorts_args *args,
                                   const struct rt_cohort_report *report)
{
    struct rt_cohort_chart chart;

    if (report->format != RT_FORMAT_SVG)
        return rt_cohort_report_write(sink, report);
    chart.report = report;
    chart.kind = args->chart;
    chart.width = args->chart_width;
    chart.height = args->chart_height;
    return rt_cohort_chart_write(sink, &chart);
}

/*
 * Whether -f svg was asked for a triangle too large to draw, said.  The
 * counts are written as digits: %zu is not in every C library Windows has.
 */
static bool too_large_to_draw(const struct rt_cohort_report *report)
{
    const struct rt_cohort_result *result = report->result;
    char count[RT_DIGITS_U64 + 1];

    if (report->format != RT_FORMAT_SVG)
        return false;
    if (result->overall.row_count > RT_COHORT_CHART_MAX) {
        count[rt_digits_write(result->overall.row_count, count)] = '\0';
        cli_error("too many cohorts to draw: %s (expected at most %d for -f "
                  "svg; a longer --period gives fewer, -f csv writes any "
                  "number)",
                  count, RT_COHORT_CHART_MAX);
    } else if (result->columns > RT_COHORT_CHART_MAX) {
        count[rt_digits_write(result->columns, count)] = '\0';
        cli_error("too many columns to draw: %s (expected at most %d for -f "
                  "svg; --max-periods %d keeps that many)",
                  count, RT_COHORT_CHART_MAX, RT_COHORT_CHART_MAX - 1);
    } else {
        return false;
    }
    return true;
}

/* Writes the report to stdout; CLI_EXIT_OK or CLI_EXIT_FAILURE. */
static int print_report(const struct cohorts_args *args,
                        const struct rt_cohort_report *report)
{
    struct rt_sink *sink = malloc(sizeof *sink);
    enum rt_status status;
    int error;

    if (!sink) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    rt_sink_init(sink, stdout);
    status = write_report(sink, args, report);
    if (status == RT_OK && rt_sink_flush(sink)) {
        free(sink);
        return CLI_EXIT_OK;
    }
    error = sink->error;
    free(sink);
    if (status != RT_OK) {
        cli_error("%s", rt_status_text(status));
    } else {
        /* Reported once, here: stdout's close must not say it again. */
        clearerr(stdout);
        cli_error("write error on standard output: %s", strerror(error));
    }
    return CLI_EXIT_FAILURE;
}

/* The exit status of a run that printed its tables. */
static int printed_status(const struct cohorts_args *args,
                          const struct rt_cohort_log *log,
                          const struct run_warnings *warnings)
{
    if (log->rows_left_out > 0 || log->inputs_skipped > 0)
        return CLI_EXIT_INCONSISTENT;
    if (args->strict && (warnings->list.count > 0 || log->blank_lines > 0 ||
                         log->empty_spans > 0))
        return CLI_EXIT_INCONSISTENT;
    return CLI_EXIT_OK;
}

/*
 * Builds the triangles of what was read up to the last complete period;
 * a table's subscriptions still running are marked up to it first.
 */
static enum rt_status build(const struct cohorts_args *args,
                            struct rt_cohort_log *log, int32_t last_complete,
                            struct rt_cohort_result *result)
{
    enum rt_status status = RT_OK;

    if (log->options.spans != RT_SPAN_BITS_NONE)
        status = rt_cohort_engine_close_open(&log->engine, last_complete);
    if (status != RT_OK)
        return status;
    return rt_cohort_finish(&log->engine, last_complete, args->mode,
                            args->has_max_periods ? args->max_periods + 1 : 0,
                            result);
}

int cohorts_report(const struct cohorts_args *args,
                   const struct rt_cohort_log *log,
                   const struct rt_cohort_result *result, int32_t as_of)
{
    struct rt_cohort_report report;
    struct run_warnings warnings;
    int status;

    memset(&warnings, 0, sizeof warnings);
    warnings.list.texts = warnings.pointers;
    rt_cohort_log_warnings(log, result, take_warning, &warnings);
    if (result->overall.row_count == 0) {
        cli_error(log->options.spans != RT_SPAN_BITS_NONE
                      ? "no cohort: no customer has a subscription of some "
                        "length starting by the cut-off (expected at least one)"
                      : "no cohort: no customer has a first event within the "
                        "dates used (expected at least one)");
        return CLI_EXIT_USAGE;
    }
    plan_report(args, log, result, as_of, &warnings, &report);
    status = too_large_to_draw(&report) ? CLI_EXIT_USAGE
                                        : print_report(args, &report);
    if (status == CLI_EXIT_OK)
        status = printed_status(args, log, &warnings);
    return status;
}

/* --partial: the counts as a part, for retain merge; warnings as ever. */
static int write_part(const struct cohorts_args *args,
                      const struct rt_cohort_log *log,
                      const struct rt_cohort_result *result)
{
    struct run_warnings warnings;
    struct rt_part part;
    int status = CLI_EXIT_FAILURE;

    memset(&warnings, 0, sizeof warnings);
    warnings.list.texts = warnings.pointers;
    rt_cohort_log_warnings(log, result, take_warning, &warnings);
    rt_part_init(&part, "cohorts");
    if (merge_args_cohorts_part(args, false, &part) &&
        rt_merge_log_part(log, &part) && rt_merge_cohorts_part(result, &part))
        status = cli_write_part(&part);
    else
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
    rt_part_free(&part);
    if (status == CLI_EXIT_OK)
        status = printed_status(args, log, &warnings);
    return status;
}

/* Builds the triangles of what was read, warns, and prints them. */
static int finish(const struct cohorts_args *args, struct rt_cohort_log *log)
{
    struct rt_cohort_result result;
    enum rt_status built;
    int32_t as_of;
    int status;

    if (!rt_cohort_log_as_of(log, &as_of)) {
        cli_error(log->options.spans != RT_SPAN_BITS_NONE
                      ? "no subscription to compute from (expected rows with "
                        "a customer ID and a start date)"
                      : "no event to compute from (expected rows with a "
                        "customer ID and a date)");
        return CLI_EXIT_USAGE;
    }
    memset(&result, 0, sizeof result);
    built = build(args, log, rt_cohort_log_last_complete(log, as_of), &result);
    if (built != RT_OK) {
        cli_error("%s", rt_status_text(built));
        return CLI_EXIT_FAILURE;
    }
    status = args->partial ? write_part(args, log, &result)
                           : cohorts_report(args, log, &result, as_of);
    rt_cohort_result_free(&result);
    return status;
}

/* finish(), as cli_log_run() calls it. */
static int finish_log(void *context, struct rt_cohort_log *log)
{
    return finish(context, log);
}

int cmd_cohorts(int argc, char *const *argv, int first)
{
    const char **files = malloc((size_t)argc * sizeof *files);
    struct cohorts_args *args = calloc(1, sizeof *args);
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed;
    int status;

    if (!files || !args) {
        free(files);
        free(args);
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    args->files = files;
    parsed = cohorts_parse_args(argc, argv, first, args, error, sizeof error);
    if (parsed != CLI_PARSE_OK) {
        status = cli_parse_report("cohorts", parsed, error);
    } else if (args->help) {
        fputs(cohorts_help_text, stdout);
        fputs(cohorts_help_more, stdout);
        status = CLI_EXIT_OK;
    } else if ((status = cli_inputs_distinct(args->files, args->file_count)) ==
               CLI_EXIT_OK) {
        rt_platform_random_key(args->log.key);
        status = cli_log_run(args, finish_log, args);
    }
    free(files);
    free(args);
    return status;
}
