/*
 * batch_args.c - retain batch's command line, read into a struct.
 */
#include <stdio.h>
#include <string.h>

#include "batch_args.h"
#include "cli_command.h"
#include "cli_inputs.h"
#include "cli_lifetime.h"
#include "cli_values.h"
#include "describe.h"

enum batch_option_id {
    OPT_DELIMITER = 1,
    OPT_START_COL,
    OPT_END_COL,
    OPT_NEW_COL,
    OPT_COLUMNS,
    OPT_SUMMARY,
    OPT_SUMMARY_FILE,
    OPT_GROUP_BY,
    OPT_ONLY,
    OPT_WIDTH,
    OPT_HEIGHT
};

static bool set_columns(void *field, const char *text, char *problem,
                        size_t size)
{
    return cli_set_name(field, text, "the column names, separated by commas",
                        problem, size);
}

/*
 * --only: a column of the output by name, found once the header is read
 * (batch_emit.h); a figure beyond one period asks for those figures.
 */
static bool set_only(void *field, const char *text, char *problem, size_t size)
{
    return cli_set_name(field, text, "a column of the output", problem, size);
}

static bool set_chart_size(void *field, const char *text, char *problem,
                           size_t size)
{
    return cli_value_chart_size(text, field, problem, size);
}

#define ROW(id, short_name, long_name, takes_value, set, field)                \
    CLI_ROW(id, short_name, long_name, takes_value, set, struct batch_args,    \
            field)

static const struct cli_row batch_rows[] = {
    ROW(OPT_DELIMITER, 'd', "delimiter", true, cli_set_delimiter,
        options.in_delimiter),
    ROW(OPT_START_COL, 0, "start-col", true, cli_set_column_name,
        options.start_col),
    ROW(OPT_END_COL, 0, "end-col", true, cli_set_column_name, options.end_col),
    ROW(OPT_NEW_COL, 0, "new-col", true, cli_set_column_name, options.new_col),
    CLI_ROW_NO_HEADER(struct batch_args, options.header),
    ROW(OPT_COLUMNS, 0, "columns", true, set_columns, options.columns),
    CLI_ROW_FORMAT(struct batch_args, options.format),
    CLI_ROW_PRECISION(struct batch_args, options.precision),
    CLI_ROW_STRICT(struct batch_args, options.strict),
    ROW(OPT_SUMMARY, 0, "summary", false, cli_set_flag, options.summary),
    ROW(OPT_SUMMARY_FILE, 0, "summary-file", true, cli_set_file_name,
        summary_file),
    ROW(OPT_GROUP_BY, 0, "group-by", true, cli_set_column_name,
        options.group_by),
    ROW(OPT_ONLY, 0, "only", true, set_only, options.only),
    ROW(OPT_WIDTH, 0, "width", true, set_chart_size, options.chart_width),
    ROW(OPT_HEIGHT, 0, "height", true, set_chart_size, options.chart_height),
    CLI_ROW_JOBS(struct batch_args, options.jobs),
    CLI_ROW_HELP,
    CLI_LIFETIME_ROWS(struct batch_args, lifetime),
};

/* Every operand is an input. */
static bool take_file(void *args, const char *value, char *error, size_t size)
{
    struct batch_args *batch = args;

    (void)error;
    (void)size;
    batch->files[batch->file_count++] = value;
    return true;
}

static const struct cli_command batch_command = {
    batch_rows, sizeof batch_rows / sizeof batch_rows[0], take_file};
_Static_assert(sizeof batch_rows / sizeof batch_rows[0] <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

/* What the options given say beyond their values. */
static void take_given(struct batch_args *args, const struct cli_parse *parse)
{
    struct rt_batch_options *o = &args->options;

    args->help = cli_parse_given(parse, CLI_OPT_HELP);
    o->format_given = cli_parse_given(parse, CLI_OPT_FORMAT);
    /* Written as given: tsv's tab; csv's comma, or the input's (later). */
    o->out_delimiter = o->format == RT_FORMAT_TSV ? '\t' : ',';
    /* A group or a place for the summary asks for one; a chart draws
       each group's line instead. */
    o->summary =
        o->summary || cli_parse_given(parse, OPT_SUMMARY_FILE) ||
        (cli_parse_given(parse, OPT_GROUP_BY) && o->format != RT_FORMAT_SVG);
}

/*
 * A chart draws each row's retention and churn: the options that ask for
 * other output are refused with it, and its size without it.
 */
static enum cli_parse_result check_chart(const struct batch_args *args,
                                         const struct cli_parse *parse,
                                         char *error, size_t size)
{
    static const int not_drawn[] = {
        OPT_SUMMARY,      OPT_SUMMARY_FILE, OPT_ONLY,
        CLI_OPT_LIFETIME, CLI_OPT_PERIOD,   CLI_OPT_PER,
        CLI_OPT_MARGIN,   CLI_OPT_DISCOUNT, CLI_OPT_MONEY_PRECISION};

    if (args->options.format != RT_FORMAT_SVG) {
        if (!cli_parse_given(parse, OPT_WIDTH) &&
            !cli_parse_given(parse, OPT_HEIGHT))
            return CLI_PARSE_OK;
        snprintf(error, size,
                 "option %s: only with -f svg (it sizes the "
                 "chart)",
                 cli_parse_given(parse, OPT_WIDTH) ? "--width" : "--height");
        return CLI_PARSE_USAGE;
    }
    return cli_refuse_not_drawn(
        parse, not_drawn, sizeof not_drawn / sizeof not_drawn[0], error, size);
}

/* --no-header and --columns only make sense together. */
static enum cli_parse_result check_header(const struct batch_args *args,
                                          char *error, size_t size)
{
    if (!args->options.header && !args->options.columns) {
        snprintf(error, size,
                 "option --no-header needs --columns NAMES (the names of the "
                 "columns, e.g. --columns period,start,end,new)");
        return CLI_PARSE_USAGE;
    }
    if (args->options.header && args->options.columns) {
        snprintf(error, size,
                 "option --columns needs --no-header (with a header line, "
                 "the header names the columns)");
        return CLI_PARSE_USAGE;
    }
    /* Without an input header no output header is written, and a
       Markdown table without one is no table. */
    if (!args->options.header && args->options.format == RT_FORMAT_MARKDOWN) {
        snprintf(error, size, CLI_MARKDOWN_NEEDS_HEADER);
        return CLI_PARSE_USAGE;
    }
    return CLI_PARSE_OK;
}

/*
 * One name for two counts is a mistake in the options, seen before any
 * header is read.  Names that differ but find one column (x and X, where
 * the header has only x) are the header's to report.
 */
static enum cli_parse_result
check_count_columns(const struct rt_batch_options *o, char *error, size_t size)
{
    const char *const names[] = {o->start_col, o->end_col, o->new_col};
    static const char *const options[] = {"--start-col", "--end-col",
                                          "--new-col"};
    char quoted[RT_QUOTE_SIZE];
    size_t i, j;

    for (j = 1; j < 3; j++)
        for (i = 0; i < j; i++) {
            if (!names[i] || !names[j] || strcmp(names[i], names[j]) != 0)
                continue;
            rt_quote_value(names[j], strlen(names[j]), quoted, sizeof quoted);
            snprintf(error, size,
                     "options %s and %s both name the column %s (expected a "
                     "different column for each count)",
                     options[i], options[j], quoted);
            return CLI_PARSE_USAGE;
        }
    return CLI_PARSE_OK;
}

static void set_defaults(struct batch_args *args)
{
    const char **files = args->files;

    memset(args, 0, sizeof *args);
    args->files = files;
    args->options.format = RT_FORMAT_CSV;
    args->options.out_delimiter = ',';
    args->options.precision = RT_PRECISION_DEFAULT;
    args->options.header = true;
    args->options.jobs = CLI_DEFAULT_JOBS;
    cli_lifetime_init(&args->lifetime);
}

/*
 * The options beyond one period, checked together; whether there is a new
 * column is known only from the header, and checked there.
 */
static enum cli_parse_result take_lifetime(struct batch_args *args, char *error,
                                           size_t size)
{
    enum rt_lifetime_field field;

    if (args->options.only &&
        rt_lifetime_field_lookup(args->options.only, &field))
        args->lifetime.wanted = true;
    if (!cli_lifetime_check(&args->lifetime, true, error, size))
        return CLI_PARSE_USAGE;
    args->options.lifetime = args->lifetime.wanted;
    args->options.lifetime_options = args->lifetime.options;
    return CLI_PARSE_OK;
}

enum cli_parse_result batch_parse_args(int argc, char *const *argv, int first,
                                       struct batch_args *args, char *error,
                                       size_t error_size)
{
    struct cli_parse parse;
    enum cli_parse_result result;

    set_defaults(args);
    result = cli_command_parse(&batch_command, argc, argv, first, args, &parse,
                               error, error_size);
    if (result != CLI_PARSE_OK)
        return result;
    take_given(args, &parse);
    if (args->help)
        return CLI_PARSE_OK;
    if (!cli_inputs_stdin_once(args->files, args->file_count, error,
                               error_size))
        return CLI_PARSE_INVALID;
    if (check_count_columns(&args->options, error, error_size) !=
            CLI_PARSE_OK ||
        check_header(args, error, error_size) != CLI_PARSE_OK ||
        check_chart(args, &parse, error, error_size) != CLI_PARSE_OK)
        return CLI_PARSE_USAGE;
    return take_lifetime(args, error, error_size);
}
