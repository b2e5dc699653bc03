/*
 * cmd_periods.c - retain periods: read the log, count every period, warn,
 * write the counts through the batch engine, and map the outcome to an
 * exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_inputs.h"
#include "cli_log.h"
#include "cli_outfile.h"
#include "cmd_batch.h"
#include "cli_part.h"
#include "cmd_periods.h"
#include "merge.h"
#include "merge_args.h"
#include "periods.h"
#include "periods_args.h"
#include "platform.h"

const char periods_help_text[] =
    "Usage: retain periods [OPTION]... [FILE]...\n"
    "\n"
    "S, E and N for every period, counted from an activity log (one event\n"
    "per row, as retain cohorts reads it), and the retention figures of\n"
    "each period, as retain batch computes them.  Reads each FILE in turn,\n"
    "or standard input when there is none or FILE is -.\n"
    "\n"
    "A customer is active in a period when it has an event in it.  For a\n"
    "period P: start (S) = active in the period before P, end (E) = active\n"
    "in P, retained = active in both, lost = S - retained, new (N) = E -\n"
    "retained, split into first_time (never active before P) and returning\n"
    "(active before, not in the period before P).  Rows run from the period\n"
    "after the first active one to the last period ended by the cut-off,\n"
    "periods with no customer included.\n"
    "\n"
    "With --spans, each row is a subscription, active from its start up to,\n"
    "not including, its end (empty: still active); a customer's rows are\n"
    "one stretch where they overlap or touch.  S = active on the first day\n"
    "of P, E = active on the first day after P; first_time = the part of N\n"
    "first started in P; joined_and_left = active in P, but in neither S\n"
    "nor E.  Rows run from the period of the earliest start.\n"
    "\n"
    "Columns: [SEGMENT,]period,start,end,new,retained,lost,retention_rate,\n"
    "churn_rate,simple_retention_rate,simple_churn_rate, the figures beyond\n"
    "one period when asked for, first_time,returning,[joined_and_left,]\n"
    "warnings.\n"
    "\n"
    "Input (as retain cohorts):\n"
    "  -d, --delimiter=DELIM   ',', ';' or tab; by default taken from the\n"
    "                          file name (.csv, .tsv) or the header line\n"
    "      --id-col=NAME       the customer ID column (default: customer_id,\n"
    "                          customer or id, any case)\n"
    "      --date-col=NAME     the date column (default: date, timestamp or\n"
    "                          time)\n"
    "      --date-format=FORM  iso (default) or unix (seconds since 1970)\n"
    "      --utc               convert times with a zone to UTC first\n"
    "      --event-col=NAME    the column of the event types, for:\n"
    "      --return-event=TYPE only events of TYPE count as activity\n"
    "                          (repeatable; default: any event)\n"
    "      --from=DATE         leave out events before DATE (YYYY-MM-DD)\n"
    "      --as-of=DATE        the cut-off (default: the latest event date;\n"
    "                          with --spans, start date); later events are\n"
    "                          left out\n"
    "      --period=UNIT       day, week, month (default), quarter or year:\n"
    "                          calendar periods, and the measured period of\n"
    "                          the figures beyond one period\n"
    "      --week-start=DAY    the first day of a week (default monday)\n"
    "      --group-by=COLUMN   rows per value of COLUMN (a customer's value\n"
    "                          on its first event), in a first column\n"
    "      --spans             a subscription table: customer ID, start and\n"
    "                          end columns (start_date or start, end_date\n"
    "                          or end, any case); not with --date-col,\n"
    "                          --event-col, --return-event or --from\n"
    "      --start-col=NAME    the start column of --spans\n"
    "      --end-col=NAME      the end column of --spans\n"
    "\n";

/* The rest of --help: one string literal is at most 4095 bytes in C. */
static const char periods_help_tail[] =
    "Output (as retain batch):\n"
    "  -f, --format=FORMAT     csv or tsv (default: as the input), json\n"
    "                          (JSON Lines), text, markdown or svg (a chart\n"
    "                          of retention and churn by period)\n"
    "      --width=PIXELS      the chart's size, 320 to 10000 (default\n"
    "      --height=PIXELS     800 x 500); with -f svg\n"
    "      --no-header         csv/tsv: leave out the header line\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "                          (default 2), rounded half away from zero\n"
    "      --only=FIELD        each row: its period (and segment) and FIELD\n"
    "      --summary           add the pooled figures over the rows with\n"
    "                          a rate, as batch's (a period with no\n"
    "                          customer at its start is left out, its\n"
    "                          customers too): on stderr, or after the\n"
    "                          table for text\n"
    "      --summary-file=PATH the summary to PATH (implies --summary)\n"
    "      --strict            exit 1 on any warning\n"
    "      --partial           write the exact counts as a part for retain\n"
    "                          merge instead (needs --as-of; takes no option\n"
    "                          of the output: give those to merge)\n"
    "  -j, --jobs=N            read on N threads (default 2; 1 to 64)\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Beyond one period: --lifetime, --per=LENGTH, --margin=AMOUNT,\n"
    "--discount=RATE, --money-precision=DIGITS, as retain batch has them\n"
    "(see retain batch --help); --period gives the measured period.\n"
    "\n"
    "A period with no customer at its start has no rate: its rates are\n"
    "empty (retained and lost are 0) and it has a warning.  Periods that\n"
    "have not ended by the cut-off are left out, and a note on stderr names\n"
    "them.\n"
    "\n"
    "Exit status:\n"
    "  0  computed from every row\n"
    "  1  computed, but rows were left out or inputs skipped (reported as\n"
    "     FILE:LINE), or warnings with --strict\n"
    "  2  nothing computed: no usable event or no finished period, a bad\n"
    "     option\n"
    "  3  the output could not be written, or out of memory\n"
    "  4  the counts did not reconcile: a bug, please report it\n"
    "\n"
    "Examples:\n"
    "  retain periods orders.csv\n"
    "  retain periods --period week -f text logins.csv\n"
    "  retain periods --group-by plan --only retention_rate events.csv\n";

/* Counts the warnings of the reading, printed as they come. */
static void take_warning(void *context, const char *text)
{
    cli_warning("%s", text);
    ++*(unsigned *)context;
}

/*
 * Where the summary goes: stderr, nowhere (text and markdown print it
 * after the table, markdown as a second table), or --summary-file,
 * opened as a new file beside it.
 */
static FILE *open_summary(const struct periods_args *args,
                          struct cli_outfile *file, int *status)
{
    static const char *const standard_input[] = {"-"};
    const struct cohorts_args *c = &args->cohorts;

    memset(file, 0, sizeof *file);
    *status = CLI_EXIT_OK;
    if (!args->summary_file)
        return args->batch.format == RT_FORMAT_TEXT ||
                       args->batch.format == RT_FORMAT_MARKDOWN
                   ? NULL
                   : stderr;
    *status = cli_outfile_open(file, "--summary-file", args->summary_file,
                               c->file_count ? c->files : standard_input,
                               c->file_count ? c->file_count : 1);
    return file->stream;
}

/* Writes the counts through the batch engine, the summary where asked. */
static int write_counts(struct periods_args *args,
                        const struct rt_cohort_log *log,
                        const struct rt_periods_output *output)
{
    struct rt_reporter reporter = {cli_report, NULL};
    struct rt_sink *sink = malloc(sizeof *sink);
    struct cli_outfile summary_file;
    FILE *summary_out;
    int status;

    if (!sink) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    /* As batch and cohorts: the input's delimiter, unless -f chose. */
    if (!args->batch.format_given) {
        args->batch.format =
            log->first_delimiter == '\t' ? RT_FORMAT_TSV : RT_FORMAT_CSV;
        args->batch.out_delimiter = log->first_delimiter;
        args->batch.format_given = true;
    }
    rt_platform_random_key(args->batch.hash_key);
    rt_sink_init(sink, stdout);
    summary_out = open_summary(args, &summary_file, &status);
    if (status == CLI_EXIT_OK)
        status = cmd_batch_status(
            rt_periods_write(output, &args->batch, sink, reporter, summary_out),
            sink);
    if (cli_outfile_close(&summary_file, status <= CLI_EXIT_INCONSISTENT &&
                                             cli_outfile_stdout_taken()) !=
        CLI_EXIT_OK)
        status = CLI_EXIT_FAILURE;
    free(sink);
    return status;
}

/* A failed reconciliation is a bug, said as one. */
static int internal_error(const struct rt_cohort_log *log,
                          const struct rt_period_result *result)
{
    char label[RT_PERIOD_LABEL_SIZE];

    rt_period_label(&log->options.period, (int32_t)result->failed_period,
                    label);
    cli_error("internal error: the counts of %s do not reconcile (S - lost + "
              "N = E, and each period's E the next one's S); please report it",
              label);
    return CLI_EXIT_INTERNAL;
}

/* No row counted (none read, or every one left out): a usage error. */
int periods_no_data(const struct rt_cohort_log *log)
{
    cli_error(log->options.spans != RT_SPAN_BITS_NONE
                  ? "no subscription to compute from (expected rows with a "
                    "customer ID and a start date)"
                  : "no event to compute from (expected rows with a customer "
                    "ID and a date)");
    return CLI_EXIT_USAGE;
}

/* Rows, but no finished period to show: say why, as a usage error. */
static int no_rows(const struct rt_cohort_log *log, int32_t as_of)
{
    char day[RT_DATE_TEXT_LENGTH + 1];

    day[rt_date_write(as_of, day)] = '\0';
    if (log->options.spans != RT_SPAN_BITS_NONE)
        cli_error("no period to compute: none from the earliest start ended "
                  "by the cut-off %s (expected a subscription of some length "
                  "starting in a period that ended)",
                  day);
    else
        cli_error("no period to compute: none ended by the cut-off %s after "
                  "the first one with activity (expected activity in at "
                  "least two periods)",
                  day);
    return CLI_EXIT_USAGE;
}

/*
 * The counts up to the last complete period; a table's subscriptions still
 * running are marked first, up to the bit of that period's end (2P + 1).
 */
static enum rt_status count(struct rt_cohort_log *log, int32_t last_complete,
                            struct rt_period_result *result)
{
    bool spans = log->options.spans != RT_SPAN_BITS_NONE;
    enum rt_status status = RT_OK;

    memset(result, 0, sizeof *result);
    if (spans)
        status = rt_cohort_engine_close_open(&log->engine,
                                             2 * (int64_t)last_complete + 1);
    if (status != RT_OK)
        return status;
    return rt_cohort_periods(&log->engine, spans, last_complete, result);
}

/* Whether the reading's warnings or blank lines make --strict exit 1. */
int periods_read_status(const struct periods_args *args,
                        const struct rt_cohort_log *log, unsigned warnings)
{
    if (log->rows_left_out > 0 || log->inputs_skipped > 0)
        return CLI_EXIT_INCONSISTENT;
    if (args->cohorts.strict &&
        (warnings > 0 || log->blank_lines > 0 || log->empty_spans > 0))
        return CLI_EXIT_INCONSISTENT;
    return CLI_EXIT_OK;
}

int periods_report(struct periods_args *args, const struct rt_cohort_log *log,
                   const struct rt_period_result *result, int32_t as_of)
{
    struct rt_periods_output output;
    char note[160];

    if (rt_periods_unfinished_note(result, &log->options.period, as_of, note,
                                   sizeof note))
        cli_error("note: %s", note);
    if (result->overall.count == 0)
        return no_rows(log, as_of);
    output = (struct rt_periods_output){result, log->options.period,
                                        log->options.group_col ? log->group_name
                                                               : NULL};
    return write_counts(args, log, &output);
}

/*
 * --partial: the counts as a part, for retain merge; a table's
 * subscriptions still running are marked first, as count() does.
 */
static int write_part(const struct periods_args *args,
                      struct rt_cohort_log *log, int32_t last_complete)
{
    bool spans = log->options.spans != RT_SPAN_BITS_NONE;
    enum rt_status status = RT_OK;
    struct rt_part part;
    int exit_status = CLI_EXIT_FAILURE;

    if (spans)
        status = rt_cohort_engine_close_open(&log->engine,
                                             2 * (int64_t)last_complete + 1);
    rt_part_init(&part, "periods");
    if (status == RT_OK)
        status =
            rt_merge_periods_part(&log->engine, spans, last_complete, &part);
    if (status == RT_OK &&
        (!merge_args_cohorts_part(&args->cohorts, true, &part) ||
         !rt_merge_log_part(log, &part)))
        status = RT_ERR_NOMEM;
    if (status == RT_OK)
        exit_status = cli_write_part(&part);
    else if (status == RT_ERR_INVALID)
        exit_status = CLI_EXIT_INTERNAL;
    if (status != RT_OK)
        cli_error("%s", rt_status_text(status));
    rt_part_free(&part);
    return exit_status;
}

/* Counts, notes, writes; the exit status of what was read and written. */
static int finish(struct periods_args *args, struct rt_cohort_log *log)
{
    struct rt_cohort_result none;
    struct rt_period_result result;
    unsigned warnings = 0;
    int32_t as_of;
    enum rt_status counted;
    int status;

    if (!rt_cohort_log_as_of(log, &as_of))
        return periods_no_data(log);
    memset(&none, 0, sizeof none);
    rt_cohort_log_warnings(log, &none, take_warning, &warnings);
    if (args->cohorts.partial)
        status = write_part(args, log, rt_cohort_log_last_complete(log, as_of));
    else if (log->engine.customers.count == 0)
        /* --as-of gives a cut-off even when no row counts: nothing to note. */
        return periods_no_data(log);
    else {
        counted = count(log, rt_cohort_log_last_complete(log, as_of), &result);
        if (counted == RT_ERR_INVALID)
            return internal_error(log, &result);
        if (counted != RT_OK) {
            cli_error("%s", rt_status_text(counted));
            return CLI_EXIT_FAILURE;
        }
        status = periods_report(args, log, &result, as_of);
        rt_period_result_free(&result);
    }
    if (status == CLI_EXIT_OK)
        status = periods_read_status(args, log, warnings);
    return status;
}

/* finish(), as cli_log_run() calls it. */
static int finish_log(void *context, struct rt_cohort_log *log)
{
    return finish(context, log);
}

int cmd_periods(int argc, char *const *argv, int first)
{
    const char **files = malloc((size_t)argc * sizeof *files);
    struct periods_args *args = calloc(1, sizeof *args);
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed;
    int status;

    if (!files || !args) {
        free(files);
        free(args);
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    args->cohorts.files = files;
    parsed = periods_parse_args(argc, argv, first, args, error, sizeof error);
    if (parsed != CLI_PARSE_OK) {
        status = cli_parse_report("periods", parsed, error);
    } else if (args->cohorts.help) {
        fputs(periods_help_text, stdout);
        fputs(periods_help_tail, stdout);
        status = CLI_EXIT_OK;
    } else if ((status = cli_inputs_distinct(args->cohorts.files,
                                             args->cohorts.file_count)) ==
               CLI_EXIT_OK) {
        rt_platform_random_key(args->cohorts.log.key);
        status = cli_log_run(&args->cohorts, finish_log, args);
    }
    free(files);
    free(args);
    return status;
}
