/*
 * batch_args.c - retain batch's command line, read into a struct.
 */
#include <stdio.h>
#include <string.h>

#include "batch_args.h"
#include "cli_lifetime.h"
#include "cli_opt.h"
#include "cli_values.h"
#include "describe.h"

enum batch_option_id {
    OPT_DELIMITER = 1,
    OPT_START_COL,
    OPT_END_COL,
    OPT_NEW_COL,
    OPT_NO_HEADER,
    OPT_COLUMNS,
    OPT_FORMAT,
    OPT_PRECISION,
    OPT_STRICT,
    OPT_SUMMARY,
    OPT_SUMMARY_FILE,
    OPT_GROUP_BY,
    OPT_JOBS,
    OPT_HELP
};

/* Worker threads by default: the machines retain is built for have two cores
 * or more, and a second thread costs little where there is one. */
#define DEFAULT_JOBS 2
#define MAX_JOBS     64

static const struct cli_option batch_options[] = {
    {OPT_DELIMITER, 'd', "delimiter", true, false},
    {OPT_START_COL, 0, "start-col", true, false},
    {OPT_END_COL, 0, "end-col", true, false},
    {OPT_NEW_COL, 0, "new-col", true, false},
    {OPT_NO_HEADER, 0, "no-header", false, false},
    {OPT_COLUMNS, 0, "columns", true, false},
    {OPT_FORMAT, 'f', "format", true, false},
    {OPT_PRECISION, 'p', "precision", true, false},
    {OPT_STRICT, 0, "strict", false, false},
    {OPT_SUMMARY, 0, "summary", false, false},
    {OPT_SUMMARY_FILE, 0, "summary-file", true, false},
    {OPT_GROUP_BY, 0, "group-by", true, false},
    {OPT_JOBS, 'j', "jobs", true, false},
    {OPT_HELP, 'h', "help", false, true},
    CLI_LIFETIME_OPTION_ROWS,
};

static bool read_jobs(const char *text, unsigned *out, char *problem,
                      size_t size)
{
    uint64_t value = 0;
    enum rt_status parsed = rt_count_parse(text, strlen(text), &value);
    char expected[48];

    if (parsed == RT_OK && value >= 1 && value <= MAX_JOBS) {
        *out = (unsigned)value;
        return true;
    }
    snprintf(expected, sizeof expected, "a whole number from 1 to %d",
             MAX_JOBS);
    /* A whole number, only out of range, is told apart from text. */
    return cli_value_refuse(text,
                            parsed == RT_OK || parsed == RT_ERR_RANGE
                                ? "out of range"
                                : "not a number of threads",
                            expected, problem, size);
}

/* What an option that names something expects, for an empty value. */
static const char *name_expected(int id)
{
    switch (id) {
    case OPT_SUMMARY_FILE:
        return "a file name";
    case OPT_COLUMNS:
        return "the column names, separated by commas";
    default:
        return "a column name";
    }
}

static bool read_value(struct cli_parser *parser, struct batch_args *args,
                       int id, char *problem, size_t size)
{
    struct rt_batch_options *o = &args->options;
    const char *text = parser->value;

    if (cli_lifetime_owns(id))
        return cli_lifetime_apply(&args->lifetime, id, text, problem, size);
    switch (id) {
    case OPT_DELIMITER:
        return cli_value_delimiter(text, &o->in_delimiter, problem, size);
    case OPT_PRECISION:
        return cli_value_precision(text, &o->precision, problem, size);
    case OPT_JOBS:
        return read_jobs(text, &o->jobs, problem, size);
    case OPT_FORMAT:
        o->format_given = true;
        if (!cli_value_format(text, &o->format, problem, size))
            return false;
        o->out_delimiter = o->format == RT_FORMAT_TSV ? '\t' : ',';
        return true;
    default:
        break;
    }
    if (text[0] == '\0') {
        snprintf(problem, size, "empty value (expected %s)", name_expected(id));
        return false;
    }
    if (id == OPT_START_COL)
        o->start_col = text;
    else if (id == OPT_END_COL)
        o->end_col = text;
    else if (id == OPT_NEW_COL)
        o->new_col = text;
    else if (id == OPT_COLUMNS)
        o->columns = text;
    else if (id == OPT_GROUP_BY)
        o->group_by = text;
    else
        args->summary_file = text;
    /* A group or a place for the summary asks for one. */
    o->summary = o->summary || id == OPT_GROUP_BY || id == OPT_SUMMARY_FILE;
    return true;
}

static bool apply_flag(struct batch_args *args, int id)
{
    switch (id) {
    case OPT_NO_HEADER:
        args->options.header = false;
        return true;
    case OPT_STRICT:
        args->options.strict = true;
        return true;
    case OPT_SUMMARY:
        args->options.summary = true;
        return true;
    case OPT_HELP:
        args->help = true;
        return true;
    case CLI_OPT_LIFETIME:
        cli_lifetime_given(&args->lifetime, id);
        return true;
    default:
        return false;
    }
}

/* --no-header and --columns only make sense together. */
static enum batch_parse_result check_header(const struct batch_args *args,
                                            char *error, size_t size)
{
    if (!args->options.header && !args->options.columns) {
        snprintf(error, size,
                 "option --no-header needs --columns NAMES (the names of the "
                 "columns, e.g. --columns period,start,end,new)");
        return BATCH_PARSE_USAGE;
    }
    if (args->options.header && args->options.columns) {
        snprintf(error, size,
                 "option --columns needs --no-header (with a header line, "
                 "the header names the columns)");
        return BATCH_PARSE_USAGE;
    }
    return BATCH_PARSE_OK;
}

/*
 * Standard input can be read once: named twice, its second reading would
 * find it empty.  (Other files named twice are found by what they are.)
 * The command line is well formed, so like those this is no usage error.
 */
static enum batch_parse_result check_inputs(const struct batch_args *args,
                                            char *error, size_t size)
{
    size_t i, named = 0;

    for (i = 0; i < args->file_count; i++)
        named += strcmp(args->files[i], "-") == 0;
    if (named < 2)
        return BATCH_PARSE_OK;
    snprintf(error, size,
             "standard input (-) is named twice (expected each input once: "
             "it can be read only once)");
    return BATCH_PARSE_INVALID;
}

/*
 * One name for two counts is a mistake in the options, seen before any
 * header is read.  Names that differ but find one column (x and X, where
 * the header has only x) are the header's to report.
 */
static enum batch_parse_result
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
            return BATCH_PARSE_USAGE;
        }
    return BATCH_PARSE_OK;
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
    args->options.jobs = DEFAULT_JOBS;
    cli_lifetime_init(&args->lifetime);
}

/*
 * The options beyond one period, checked together; whether there is a new
 * column is known only from the header, and checked there.
 */
static enum batch_parse_result take_lifetime(struct batch_args *args,
                                             char *error, size_t size)
{
    if (!cli_lifetime_check(&args->lifetime, true, error, size))
        return BATCH_PARSE_USAGE;
    args->options.lifetime = args->lifetime.wanted;
    args->options.lifetime_options = args->lifetime.options;
    return BATCH_PARSE_OK;
}

enum batch_parse_result batch_parse_args(int argc, char *const *argv, int first,
                                         struct batch_args *args, char *error,
                                         size_t error_size)
{
    struct cli_parser parser;
    char problem[RT_MESSAGE_SIZE];
    int id;

    set_defaults(args);
    cli_parser_init(&parser, argc, argv, first, batch_options,
                    sizeof batch_options / sizeof batch_options[0]);
    while ((id = cli_next(&parser)) != CLI_DONE) {
        if (id == CLI_ERROR) {
            snprintf(error, error_size, "%s", parser.error);
            return BATCH_PARSE_USAGE;
        }
        if (id == CLI_OPERAND) {
            args->files[args->file_count++] = parser.value;
            continue;
        }
        if (apply_flag(args, id))
            continue;
        if (!read_value(&parser, args, id, problem, sizeof problem)) {
            cli_option_problem(parser.option, problem, error, error_size);
            return BATCH_PARSE_INVALID;
        }
    }
    if (args->help)
        return BATCH_PARSE_OK;
    if (check_inputs(args, error, error_size) != BATCH_PARSE_OK)
        return BATCH_PARSE_INVALID;
    if (check_count_columns(&args->options, error, error_size) !=
            BATCH_PARSE_OK ||
        check_header(args, error, error_size) != BATCH_PARSE_OK)
        return BATCH_PARSE_USAGE;
    return take_lifetime(args, error, error_size);
}
