/*
 * cohorts_args.c - retain cohorts' command line, read into a struct.
 */
#include <stdio.h>
#include <string.h>

#include "cli_command.h"
#include "cli_inputs.h"
#include "cli_values.h"
#include "cohorts_args.h"
#include "merge_args.h"

enum cohorts_option_id {
    OPT_DELIMITER = 1,
    OPT_ID_COL,
    OPT_DATE_COL,
    OPT_DATE_FORMAT,
    OPT_UTC,
    OPT_PERIOD,
    OPT_WEEK_START,
    OPT_EVENT_COL,
    OPT_START_EVENT,
    OPT_RETURN_EVENT,
    OPT_COHORT_COL,
    OPT_MODE,
    OPT_AS_OF,
    OPT_FROM,
    OPT_AVERAGE,
    OPT_NO_AVERAGE,
    OPT_GROUP_BY,
    OPT_MAX_PERIODS,
    OPT_LONG,
    OPT_COUNTS,
    OPT_SPANS,
    OPT_START_COL,
    OPT_END_COL,
    OPT_CHART,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_PARTIAL
};

/* Periods reach 2^30 from the first (cohort_engine.h): no cap is more. */
#define MAX_PERIODS_LIMIT ((uint64_t)1 << 30)

static bool set_period(void *field, const char *text, char *problem,
                       size_t size)
{
    if (rt_period_lookup(text, field))
        return true;
    return cli_value_refuse(text, "unknown period",
                            "day, week, month, quarter or year", problem, size);
}

static bool set_week_start(void *field, const char *text, char *problem,
                           size_t size)
{
    if (rt_period_weekday_lookup(text, field))
        return true;
    return cli_value_refuse(text, "unknown day",
                            "a day's name, e.g. monday, sunday or sun", problem,
                            size);
}

static bool set_date_format(void *field, const char *text, char *problem,
                            size_t size)
{
    if (strcmp(text, "iso") == 0 || strcmp(text, "unix") == 0) {
        *(bool *)field = strcmp(text, "unix") == 0;
        return true;
    }
    return cli_value_refuse(text, "unknown date format", "iso or unix", problem,
                            size);
}

static bool set_mode(void *field, const char *text, char *problem, size_t size)
{
    if (strcmp(text, "on") == 0 || strcmp(text, "on-or-after") == 0) {
        *(enum rt_cohort_mode *)field =
            strcmp(text, "on") == 0 ? RT_COHORT_ON : RT_COHORT_ON_OR_AFTER;
        return true;
    }
    return cli_value_refuse(text, "unknown mode", "on or on-or-after", problem,
                            size);
}

static bool set_average(void *field, const char *text, char *problem,
                        size_t size)
{
    if (strcmp(text, "pooled") == 0 || strcmp(text, "mean") == 0) {
        *(enum rt_cohort_average_method *)field =
            strcmp(text, "pooled") == 0 ? RT_COHORT_POOLED : RT_COHORT_MEAN;
        return true;
    }
    return cli_value_refuse(text, "unknown average", "pooled or mean", problem,
                            size);
}

/* --as-of and --from: a calendar date, YYYY-MM-DD, and nothing else. */
static bool set_day(void *field, const char *text, char *problem, size_t size)
{
    char why[RT_DATE_PROBLEM_SIZE];
    size_t len = strlen(text);

    if (len == RT_DATE_TEXT_LENGTH &&
        rt_date_parse(text, len, RT_DATE_AS_WRITTEN, field) == RT_DATE_OK)
        return true;
    rt_date_problem(text, len, RT_DATE_AS_WRITTEN, why, sizeof why);
    if (why[0] == '\0') /* a date with a time: a form, not a day */
        snprintf(why, sizeof why, "a time is not a day");
    return cli_value_refuse(text, why, "a date YYYY-MM-DD", problem, size);
}

static bool set_max_periods(void *field, const char *text, char *problem,
                            size_t size)
{
    uint64_t value = 0;
    enum rt_status parsed = rt_count_parse(text, strlen(text), &value);

    if (parsed == RT_OK && value < MAX_PERIODS_LIMIT) {
        *(uint64_t *)field = value;
        return true;
    }
    return cli_value_refuse(
        text,
        parsed == RT_OK || parsed == RT_ERR_RANGE ? "out of range"
                                                  : "not a number of periods",
        "a whole number from 0 to 1073741823", problem, size);
}

static bool set_chart(void *field, const char *text, char *problem, size_t size)
{
    if (strcmp(text, "heatmap") == 0 || strcmp(text, "curve") == 0) {
        *(enum rt_cohort_chart_kind *)field = strcmp(text, "heatmap") == 0
                                                  ? RT_COHORT_CHART_HEATMAP
                                                  : RT_COHORT_CHART_CURVE;
        return true;
    }
    return cli_value_refuse(text, "unknown chart", "heatmap or curve", problem,
                            size);
}

static bool set_chart_size(void *field, const char *text, char *problem,
                           size_t size)
{
    return cli_value_chart_size(text, field, problem, size);
}

/* A value of a repeatable option, kept with those given before it. */
static bool add_value(void *field, const char *text, char *problem, size_t size)
{
    struct cohorts_values *values = field;

    if (text[0] == '\0') {
        snprintf(problem, size, "empty value (expected an event type)");
        return false;
    }
    if (values->count == COHORTS_VALUES_MAX) {
        snprintf(problem, size, "more than %d values (expected at most %d)",
                 COHORTS_VALUES_MAX, COHORTS_VALUES_MAX);
        return false;
    }
    values->items[values->count++] = text;
    return true;
}

#define ROW(id, short_name, long_name, takes_value, set, field)                \
    CLI_ROW(id, short_name, long_name, takes_value, set, struct cohorts_args,  \
            field)
/* An option that may be given again: each value is kept. */
#define REPEATED_ROW(id, long_name, field)                                     \
    {                                                                          \
        {id, 0, long_name, true, true}, add_value,                             \
            offsetof(struct cohorts_args, field)                               \
    }

static const struct cli_row cohorts_rows[] = {
    ROW(OPT_DELIMITER, 'd', "delimiter", true, cli_set_delimiter,
        log.delimiter),
    ROW(OPT_ID_COL, 0, "id-col", true, cli_set_column_name, log.id_col),
    ROW(OPT_DATE_COL, 0, "date-col", true, cli_set_column_name, log.date_col),
    ROW(OPT_DATE_FORMAT, 0, "date-format", true, set_date_format, unix_seconds),
    ROW(OPT_UTC, 0, "utc", false, cli_set_flag, utc),
    ROW(OPT_PERIOD, 0, "period", true, set_period, log.period.unit),
    ROW(OPT_WEEK_START, 0, "week-start", true, set_week_start,
        log.period.week_start),
    ROW(OPT_EVENT_COL, 0, "event-col", true, cli_set_column_name,
        log.event_col),
    REPEATED_ROW(OPT_START_EVENT, "start-event", start_events),
    REPEATED_ROW(OPT_RETURN_EVENT, "return-event", return_events),
    ROW(OPT_COHORT_COL, 0, "cohort-col", true, cli_set_column_name,
        log.cohort_col),
    ROW(OPT_MODE, 0, "mode", true, set_mode, mode),
    ROW(OPT_AS_OF, 0, "as-of", true, set_day, log.as_of),
    ROW(OPT_FROM, 0, "from", true, set_day, log.from),
    ROW(OPT_AVERAGE, 0, "average", true, set_average, average),
    ROW(OPT_NO_AVERAGE, 0, "no-average", false, cli_set_flag, no_average),
    ROW(OPT_GROUP_BY, 0, "group-by", true, cli_set_column_name, log.group_col),
    ROW(OPT_MAX_PERIODS, 0, "max-periods", true, set_max_periods, max_periods),
    ROW(OPT_LONG, 0, "long", false, cli_set_flag, long_form),
    ROW(OPT_COUNTS, 0, "counts", false, cli_set_flag, counts),
    ROW(OPT_SPANS, 0, "spans", false, cli_set_flag, spans),
    ROW(OPT_START_COL, 0, "start-col", true, cli_set_column_name,
        log.start_col),
    ROW(OPT_END_COL, 0, "end-col", true, cli_set_column_name, log.end_col),
    ROW(OPT_CHART, 0, "chart", true, set_chart, chart),
    ROW(OPT_WIDTH, 0, "width", true, set_chart_size, chart_width),
    ROW(OPT_HEIGHT, 0, "height", true, set_chart_size, chart_height),
    ROW(OPT_PARTIAL, 0, "partial", false, cli_set_flag, partial),
    CLI_ROW_FORMAT(struct cohorts_args, format),
    CLI_ROW_PRECISION(struct cohorts_args, precision),
    CLI_ROW_NO_HEADER(struct cohorts_args, header),
    CLI_ROW_STRICT(struct cohorts_args, strict),
    CLI_ROW_JOBS(struct cohorts_args, log.jobs),
    CLI_ROW_HELP,
};

/* Every operand is an input. */
static bool take_file(void *args, const char *value, char *error, size_t size)
{
    struct cohorts_args *cohorts = args;

    (void)error;
    (void)size;
    cohorts->files[cohorts->file_count++] = value;
    return true;
}

static const struct cli_command cohorts_command = {
    cohorts_rows, sizeof cohorts_rows / sizeof cohorts_rows[0], take_file};
_Static_assert(sizeof cohorts_rows / sizeof cohorts_rows[0] <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

static void set_defaults(struct cohorts_args *args)
{
    const char **files = args->files;

    memset(args, 0, sizeof *args);
    args->files = files;
    args->log.period.unit = RT_PERIOD_MONTH;
    args->log.period.week_start = RT_MONDAY;
    args->mode = RT_COHORT_ON;
    args->average = RT_COHORT_POOLED;
    args->format = RT_FORMAT_CSV;
    args->precision = RT_PRECISION_DEFAULT;
    args->header = true;
    args->log.jobs = CLI_DEFAULT_JOBS;
}

/* What the options given say beyond their values. */
static void take_given(struct cohorts_args *args, const struct cli_parse *parse)
{
    struct rt_cohort_log_options *o = &args->log;

    args->help = cli_parse_given(parse, CLI_OPT_HELP);
    args->format_given = cli_parse_given(parse, CLI_OPT_FORMAT);
    args->has_max_periods = cli_parse_given(parse, OPT_MAX_PERIODS);
    o->has_as_of = cli_parse_given(parse, OPT_AS_OF);
    o->has_from = cli_parse_given(parse, OPT_FROM);
    o->spans = args->spans ? RT_SPAN_BITS_END : RT_SPAN_BITS_NONE;
    o->date_mode = args->unix_seconds ? RT_DATE_UNIX
                   : args->utc        ? RT_DATE_IN_UTC
                                      : RT_DATE_AS_WRITTEN;
    o->start_events.items = args->start_events.items;
    o->start_events.count = args->start_events.count;
    o->return_events.items = args->return_events.items;
    o->return_events.count = args->return_events.count;
}

/* Two options of which one needs the other, or excludes it. */
struct option_rule {
    int option, other;
    bool needs; /* else: excludes */
    const char *why;
};

/* A subscription table's rules come first: with --spans, an option of
 * logs is refused as such, not for what it needs. */
static const struct option_rule option_rules[] = {
    {OPT_START_COL, OPT_SPANS, true,
     "the start column of a subscription table"},
    {OPT_END_COL, OPT_SPANS, true, "the end column of a subscription table"},
    {OPT_SPANS, OPT_DATE_COL, false,
     "a subscription's dates are its start and end: see --start-col and "
     "--end-col"},
    {OPT_SPANS, OPT_EVENT_COL, false,
     "a subscription table has no event types: each row is a subscription"},
    {OPT_SPANS, OPT_START_EVENT, false,
     "a subscription table has no event types: a cohort is the period of a "
     "customer's first start"},
    {OPT_SPANS, OPT_RETURN_EVENT, false,
     "a subscription table has no event types: each row is a subscription"},
    {OPT_SPANS, OPT_COHORT_COL, false,
     "with --spans a cohort is the period of a customer's first start"},
    {OPT_SPANS, OPT_FROM, false,
     "a subscription table is read whole: one started before --from may "
     "still run after it"},
    {OPT_START_EVENT, OPT_EVENT_COL, true, "the column of the event types"},
    {OPT_RETURN_EVENT, OPT_EVENT_COL, true, "the column of the event types"},
    {OPT_COHORT_COL, OPT_START_EVENT, false,
     "the signup column gives the cohort; start events would give another"},
    {OPT_COUNTS, OPT_LONG, false,
     "--long always has both active and retention_rate"},
    {OPT_COUNTS, OPT_AVERAGE, false,
     "with --counts the average row sums the active customers"},
    {OPT_NO_AVERAGE, OPT_AVERAGE, false,
     "one leaves the average out, the other says how to take it"},
};

/* The long name of an option, for a message. */
static const char *long_name(int id)
{
    size_t i;

    for (i = 0; i < sizeof cohorts_rows / sizeof cohorts_rows[0]; i++)
        if (cohorts_rows[i].option.id == id)
            return cohorts_rows[i].option.long_name;
    return "";
}

static enum cli_parse_result check_rules(const struct cli_parse *parse,
                                         char *error, size_t size)
{
    size_t i;

    for (i = 0; i < sizeof option_rules / sizeof option_rules[0]; i++) {
        const struct option_rule *rule = &option_rules[i];

        if (!cli_parse_given(parse, rule->option) ||
            cli_parse_given(parse, rule->other) == rule->needs)
            continue;
        if (rule->needs)
            snprintf(error, size, "option --%s needs --%s (%s)",
                     long_name(rule->option), long_name(rule->other),
                     rule->why);
        else
            snprintf(error, size,
                     "options --%s and --%s cannot be used together (%s)",
                     long_name(rule->option), long_name(rule->other),
                     rule->why);
        return CLI_PARSE_USAGE;
    }
    return CLI_PARSE_OK;
}

/* What depends on the options' values, not only on their being given. */
static enum cli_parse_result check_values(const struct cohorts_args *args,
                                          const struct cli_parse *parse,
                                          char *error, size_t size)
{
    const struct rt_cohort_log_options *o = &args->log;
    bool table = args->format == RT_FORMAT_CSV || args->format == RT_FORMAT_TSV;
    bool markdown = args->format == RT_FORMAT_MARKDOWN;

    if (o->event_col &&
        args->start_events.count + args->return_events.count == 0)
        snprintf(error, size,
                 "option --event-col needs --start-event or --return-event "
                 "(which of its values start a customer, or bring one back)");
    else if (cli_parse_given(parse, OPT_WEEK_START) &&
             o->period.unit != RT_PERIOD_WEEK)
        snprintf(error, size,
                 "option --week-start needs --period week (only weeks have a "
                 "first day to choose)");
    else if (args->long_form && args->format_given && !table && !markdown)
        snprintf(error, size,
                 "option --long needs csv, tsv or markdown output (json and "
                 "text always have every cell, and svg draws them)");
    else if (!args->header && markdown)
        snprintf(error, size, CLI_MARKDOWN_NEEDS_HEADER);
    else if (!args->header && args->format_given && !table)
        snprintf(error, size,
                 "option --no-header needs csv or tsv output (json, text and "
                 "svg have no header line to leave out)");
    else if (args->counts && args->format == RT_FORMAT_JSON)
        snprintf(error, size,
                 "option --counts needs csv, tsv or text output (json always "
                 "has both active and retention_rate)");
    else if (args->utc && args->unix_seconds)
        snprintf(error, size,
                 "option --utc cannot be used with --date-format unix (seconds "
                 "since 1970 are in UTC already)");
    else if (args->format != RT_FORMAT_SVG &&
             (cli_parse_given(parse, OPT_WIDTH) ||
              cli_parse_given(parse, OPT_HEIGHT)))
        snprintf(error, size,
                 "option --%s: only with -f svg (it sizes the chart)",
                 cli_parse_given(parse, OPT_WIDTH) ? "width" : "height");
    else
        return CLI_PARSE_OK;
    return CLI_PARSE_USAGE;
}

/*
 * retain cohorts -f svg draws one chart of the rates of everyone: what it
 * cannot show is refused.  Not shared with periods, whose charts are
 * line charts of its rows (--group-by: a line per group).
 */
static enum cli_parse_result check_chart(const struct cohorts_args *args,
                                         const struct cli_parse *parse,
                                         char *error, size_t size)
{
    bool svg = args->format == RT_FORMAT_SVG;

    if (!svg && cli_parse_given(parse, OPT_CHART))
        snprintf(error, size,
                 "option --chart: only with -f svg (it chooses the chart)");
    else if (svg && args->counts)
        snprintf(error, size,
                 "option --counts: not with -f svg (the chart draws rates; "
                 "expected -f csv, tsv, text or markdown)");
    else if (svg && args->log.group_col)
        snprintf(error, size,
                 "option --group-by: not with -f svg (the chart draws the "
                 "cohorts of everyone; expected -f csv, tsv, json, text or "
                 "markdown)");
    else
        return CLI_PARSE_OK;
    return CLI_PARSE_USAGE;
}

/* --from after --as-of leaves no day at all. */
static enum cli_parse_result check_dates(const struct rt_cohort_log_options *o,
                                         char *error, size_t size)
{
    char from[RT_DATE_TEXT_LENGTH + 1], as_of[RT_DATE_TEXT_LENGTH + 1];

    if (!o->has_from || !o->has_as_of || o->from <= o->as_of)
        return CLI_PARSE_OK;
    from[rt_date_write(o->from, from)] = '\0';
    as_of[rt_date_write(o->as_of, as_of)] = '\0';
    snprintf(error, size,
             "option --from %s is after --as-of %s (expected --from on or "
             "before the cut-off)",
             from, as_of);
    return CLI_PARSE_INVALID;
}

/*
 * --partial writes counts for retain merge, which prints them: it needs a
 * cut-off that every part shares, and takes no option of the printing.
 */
static enum cli_parse_result check_partial(const struct cohorts_args *args,
                                           const struct cli_parse *parse,
                                           char *error, size_t size)
{
    static const int printing[] = {
        CLI_OPT_FORMAT, CLI_OPT_PRECISION, CLI_OPT_NO_HEADER, OPT_LONG,
        OPT_COUNTS,     OPT_CHART,         OPT_WIDTH,         OPT_HEIGHT};

    if (!args->partial)
        return CLI_PARSE_OK;
    if (!args->log.has_as_of) {
        snprintf(error, size,
                 "option --partial needs --as-of (parts see different latest "
                 "dates: give every part the same cut-off)");
        return CLI_PARSE_USAGE;
    }
    return merge_args_refuse_printing(
        parse, printing, sizeof printing / sizeof printing[0], error, size);
}

const struct cli_row *cohorts_args_rows(size_t *count)
{
    *count = sizeof cohorts_rows / sizeof cohorts_rows[0];
    return cohorts_rows;
}

void cohorts_args_defaults(struct cohorts_args *args)
{
    set_defaults(args);
}

enum cli_parse_result cohorts_args_check(struct cohorts_args *args,
                                         const struct cli_parse *parse,
                                         char *error, size_t error_size)
{
    enum cli_parse_result result;

    take_given(args, parse);
    if (args->help)
        return CLI_PARSE_OK;
    result = check_rules(parse, error, error_size);
    if (result == CLI_PARSE_OK)
        result = check_values(args, parse, error, error_size);
    if (result == CLI_PARSE_OK)
        result = check_dates(&args->log, error, error_size);
    if (result == CLI_PARSE_OK)
        result = check_partial(args, parse, error, error_size);
    if (result == CLI_PARSE_OK &&
        !cli_inputs_stdin_once(args->files, args->file_count, error,
                               error_size))
        result = CLI_PARSE_INVALID;
    return result;
}

enum cli_parse_result cohorts_parse_args(int argc, char *const *argv, int first,
                                         struct cohorts_args *args, char *error,
                                         size_t error_size)
{
    struct cli_parse parse;
    enum cli_parse_result result;

    set_defaults(args);
    result = cli_command_parse(&cohorts_command, argc, argv, first, args,
                               &parse, error, error_size);
    if (result != CLI_PARSE_OK)
        return result;
    result = cohorts_args_check(args, &parse, error, error_size);
    if (result != CLI_PARSE_OK || args->help)
        return result;
    return check_chart(args, &parse, error, error_size);
}
