/* ids_args.c - retain ids's command line, read into a struct. */
#include <stdio.h>
#include <string.h>

#include "cli_lifetime.h"
#include "cli_opt.h"
#include "cli_values.h"
#include "describe.h"
#include "ids_args.h"

enum ids_option_id {
    OPT_TRIM = 1,
    OPT_IGNORE_CASE,
    OPT_ID_COLUMN,
    OPT_DELIMITER,
    OPT_LIST,
    OPT_LIST_TO,
    OPT_FORMAT,
    OPT_PRECISION,
    OPT_NO_HEADER,
    OPT_ONLY,
    OPT_STRICT,
    OPT_HELP
};

static const struct cli_option ids_options[] = {
    {OPT_TRIM, 0, "trim", false, false},
    {OPT_IGNORE_CASE, 0, "ignore-case", false, false},
    {OPT_ID_COLUMN, 0, "id-column", true, false},
    {OPT_DELIMITER, 'd', "delimiter", true, false},
    {OPT_LIST, 0, "list", true, false},
    {OPT_LIST_TO, 0, "list-to", true, false},
    {OPT_FORMAT, 'f', "format", true, false},
    {OPT_PRECISION, 'p', "precision", true, false},
    {OPT_NO_HEADER, 0, "no-header", false, false},
    {OPT_ONLY, 0, "only", true, false},
    {OPT_STRICT, 0, "strict", false, false},
    {OPT_HELP, 'h', "help", false, true},
    CLI_LIFETIME_OPTION_ROWS,
};

static bool read_list(const char *text, enum rt_ids_list *out, char *problem,
                      size_t size)
{
    static const char *const names[] = {"lost", "new", "retained"};
    char quoted[RT_QUOTE_SIZE];
    unsigned i;

    for (i = 0; i < 3; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = (enum rt_ids_list)i;
            return true;
        }
    }
    rt_quote_value(text, strlen(text), quoted, sizeof quoted);
    snprintf(problem, size,
             "unknown list: %s (expected lost, new or "
             "retained)",
             quoted);
    return false;
}

static bool read_value(struct ids_args *args, int id, const char *text,
                       char *problem, size_t size)
{
    switch (id) {
    case OPT_ID_COLUMN:
    case OPT_LIST_TO:
        if (text[0] == '\0') {
            snprintf(problem, size, "empty value (expected %s)",
                     id == OPT_ID_COLUMN ? "a column name" : "a file name");
            return false;
        }
        if (id == OPT_ID_COLUMN)
            args->options.id_column = text;
        else
            args->list_to = text;
        return true;
    case OPT_DELIMITER:
        return cli_value_delimiter(text, &args->options.delimiter, problem,
                                   size);
    case OPT_LIST:
        args->has_list = true;
        return read_list(text, &args->list, problem, size);
    case OPT_FORMAT:
        return cli_value_format(text, &args->output.format, problem, size);
    case OPT_PRECISION:
        args->output.precision_given = true;
        return cli_value_precision(text, &args->precision, problem, size);
    case OPT_ONLY:
        return cli_output_only(&args->output, text, problem, size);
    default:
        return cli_lifetime_apply(&args->output.lifetime, id, text, problem,
                                  size);
    }
}

static void apply_flag(struct ids_args *args, int id)
{
    if (id == OPT_TRIM)
        args->options.trim = true;
    else if (id == OPT_IGNORE_CASE)
        args->options.ignore_case = true;
    else if (id == OPT_NO_HEADER)
        args->output.header = false;
    else if (id == OPT_STRICT)
        args->strict = true;
    else if (id == OPT_HELP)
        args->help = true;
    else if (id == CLI_OPT_LIFETIME)
        cli_lifetime_given(&args->output.lifetime, id);
}

static enum ids_parse_result usage(char *error, size_t size,
                                   const char *message)
{
    snprintf(error, size, "%s", message);
    return IDS_PARSE_USAGE;
}

/* Names the first file too many, as quoted in every message. */
static enum ids_parse_result too_many_files(const char *extra, char *error,
                                            size_t size)
{
    char quoted[RT_QUOTE_SIZE];

    rt_quote_value(extra, strlen(extra), quoted, sizeof quoted);
    snprintf(error, size, "too many files: %s (expected START_FILE END_FILE)",
             quoted);
    return IDS_PARSE_USAGE;
}

/* Whether an option only shapes how the figures are printed. */
static bool shapes_figures(int id)
{
    return id == OPT_FORMAT || id == OPT_PRECISION || id == OPT_NO_HEADER ||
           cli_lifetime_owns(id);
}

/*
 * --list prints IDs instead of the figures: an option that shapes the
 * figures would do nothing, so it is refused rather than ignored.
 */
static enum ids_parse_result shapes_nothing(const struct cli_option *option,
                                            char *error, size_t size)
{
    char label[64];

    cli_option_label(option, label, sizeof label);
    snprintf(error, size,
             "option %s shapes the figures, and --list prints IDs in their "
             "place (use --list-to FILE to have both)",
             label);
    return IDS_PARSE_USAGE;
}

static enum ids_parse_result check(const struct ids_args *args, int operands,
                                   const char *extra,
                                   const struct cli_option *shaping,
                                   char *error, size_t size)
{
    if (args->help)
        return IDS_PARSE_OK;
    if (operands < 2)
        return usage(error, size,
                     "missing file: expected START_FILE END_FILE (- for "
                     "standard input)");
    if (operands > 2)
        return too_many_files(extra, error, size);
    if (strcmp(args->start_file, "-") == 0 && strcmp(args->end_file, "-") == 0)
        return usage(error, size,
                     "START_FILE and END_FILE cannot both be "
                     "standard input (-)");
    if (args->options.delimiter && !args->options.id_column)
        return usage(error, size,
                     "option -d/--delimiter needs --id-column (a plain list "
                     "has one ID per line and no delimiter)");
    if (args->list_to && !args->has_list)
        return usage(error, size,
                     "option --list-to needs --list "
                     "lost|new|retained");
    if (args->has_list && !args->list_to && args->output.has_only)
        return usage(error, size,
                     "options --list and --only both ask for standard "
                     "output: use --list-to FILE for the list");
    if (args->has_list && !args->list_to && shaping)
        return shapes_nothing(shaping, error, size);
    if (!cli_output_check(&args->output, true, error, size))
        return IDS_PARSE_USAGE;
    return IDS_PARSE_OK;
}

/* The n-th file named: START_FILE, END_FILE, then one too many. */
static void take_file(struct ids_args *args, const char *name, int n,
                      const char **extra)
{
    if (n == 0)
        args->start_file = name;
    else if (n == 1)
        args->end_file = name;
    else if (n == 2)
        *extra = name;
}

enum ids_parse_result ids_parse_args(int argc, char *const *argv, int first,
                                     struct ids_args *args, char *error,
                                     size_t error_size)
{
    struct cli_parser parser;
    char problem[RT_MESSAGE_SIZE];
    const char *extra = NULL;                /* the first file beyond two */
    const struct cli_option *shaping = NULL; /* the first, for --list */
    int id, operands = 0;

    memset(args, 0, sizeof *args);
    cli_output_init(&args->output);
    args->precision = RT_PRECISION_DEFAULT;
    cli_parser_init(&parser, argc, argv, first, ids_options,
                    sizeof ids_options / sizeof ids_options[0]);
    while ((id = cli_next(&parser)) != CLI_DONE) {
        if (id == CLI_ERROR)
            return usage(error, error_size, parser.error);
        if (id == CLI_OPERAND) {
            take_file(args, parser.value, operands++, &extra);
            continue;
        }
        if (!shaping && shapes_figures(id))
            shaping = parser.option;
        if (!parser.option->takes_value) {
            apply_flag(args, id);
        } else if (!read_value(args, id, parser.value, problem,
                               sizeof problem)) {
            cli_option_problem(parser.option, problem, error, error_size);
            return IDS_PARSE_INVALID;
        }
    }
    return check(args, operands, extra, shaping, error, error_size);
}
