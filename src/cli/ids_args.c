/* ids_args.c - retain ids's command line, read into a struct. */
#include <stdio.h>
#include <string.h>

#include "cli_lifetime.h"
#include "cli_command.h"
#include "describe.h"
#include "ids_args.h"
#include "merge_args.h"

enum ids_option_id {
    OPT_TRIM = 1,
    OPT_IGNORE_CASE,
    OPT_ID_COLUMN,
    OPT_DELIMITER,
    OPT_LIST,
    OPT_LIST_TO,
    OPT_PARTIAL
};

static bool set_list(void *field, const char *text, char *problem, size_t size)
{
    static const char *const names[] = {"lost", "new", "retained"};
    char quoted[RT_QUOTE_SIZE];
    unsigned i;

    for (i = 0; i < 3; i++) {
        if (strcmp(text, names[i]) == 0) {
            *(enum rt_ids_list *)field = (enum rt_ids_list)i;
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

#define ROW(id, long_name, takes_value, set, field)                            \
    CLI_ROW(id, 0, long_name, takes_value, set, struct ids_args, field)

static const struct cli_row ids_rows[] = {
    ROW(OPT_TRIM, "trim", false, cli_set_flag, options.trim),
    ROW(OPT_IGNORE_CASE, "ignore-case", false, cli_set_flag,
        options.ignore_case),
    ROW(OPT_ID_COLUMN, "id-column", true, cli_set_column_name,
        options.id_column),
    CLI_ROW(OPT_DELIMITER, 'd', "delimiter", true, cli_set_delimiter,
            struct ids_args, options.delimiter),
    ROW(OPT_LIST, "list", true, set_list, list),
    ROW(OPT_LIST_TO, "list-to", true, cli_set_file_name, list_to),
    ROW(OPT_PARTIAL, "partial", false, cli_set_flag, partial),
    CLI_ROW_FORMAT(struct ids_args, output.format),
    CLI_ROW_PRECISION(struct ids_args, precision),
    CLI_ROW_NO_HEADER(struct ids_args, output.header),
    CLI_ROW_ONLY(cli_set_figure_only, struct ids_args, output),
    CLI_ROW_STRICT(struct ids_args, strict),
    CLI_ROW_HELP,
    CLI_LIFETIME_ROWS(struct ids_args, output.lifetime),
};

/* The n-th file named: START_FILE, END_FILE, then one too many. */
static bool take_file(void *args, const char *name, char *error, size_t size)
{
    struct ids_args *ids = args;

    (void)error;
    (void)size;
    if (ids->file_count == 0)
        ids->start_file = name;
    else if (ids->file_count == 1)
        ids->end_file = name;
    else if (ids->file_count == 2)
        ids->extra_file = name;
    ids->file_count++;
    return true;
}

static const struct cli_command ids_command = {
    ids_rows, sizeof ids_rows / sizeof ids_rows[0], take_file};
_Static_assert(sizeof ids_rows / sizeof ids_rows[0] <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

static enum cli_parse_result usage(char *error, size_t size,
                                   const char *message)
{
    snprintf(error, size, "%s", message);
    return CLI_PARSE_USAGE;
}

/* Names the first file too many, as quoted in every message. */
static enum cli_parse_result too_many_files(const char *extra, char *error,
                                            size_t size)
{
    char quoted[RT_QUOTE_SIZE];

    rt_quote_value(extra, strlen(extra), quoted, sizeof quoted);
    snprintf(error, size, "too many files: %s (expected START_FILE END_FILE)",
             quoted);
    return CLI_PARSE_USAGE;
}

/*
 * --list prints IDs instead of the figures: an option that shapes the
 * figures would do nothing, so it is refused rather than ignored.
 */
static enum cli_parse_result shapes_nothing(const struct cli_option *option,
                                            char *error, size_t size)
{
    char label[64];

    cli_option_label(option, label, sizeof label);
    snprintf(error, size,
             "option %s shapes the figures, and --list prints IDs in their "
             "place (use --list-to FILE to have both)",
             label);
    return CLI_PARSE_USAGE;
}

static enum cli_parse_result check(const struct ids_args *args,
                                   const struct cli_option *shaping,
                                   char *error, size_t size)
{
    if (args->help)
        return CLI_PARSE_OK;
    if (args->file_count < 2)
        return usage(error, size,
                     "missing file: expected START_FILE END_FILE (- for "
                     "standard input)");
    if (args->file_count > 2)
        return too_many_files(args->extra_file, error, size);
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
        return CLI_PARSE_USAGE;
    return CLI_PARSE_OK;
}

/*
 * The first option given that only shapes how the figures are printed,
 * or NULL: --list, printing IDs instead, refuses it.
 */
static const struct cli_option *first_shaping(const struct cli_parse *parse)
{
    static const int shaping[] = {
        CLI_OPT_FORMAT, CLI_OPT_PRECISION, CLI_OPT_NO_HEADER,
        CLI_OPT_PERIOD, CLI_OPT_PER,       CLI_OPT_LIFETIME,
        CLI_OPT_MARGIN, CLI_OPT_DISCOUNT,  CLI_OPT_MONEY_PRECISION};

    return cli_parse_first_given(parse, shaping,
                                 sizeof shaping / sizeof shaping[0]);
}

/* --partial writes counts: the list and the figures are retain merge's. */
static enum cli_parse_result refuse_printing(const struct cli_parse *parse,
                                             char *error, size_t size)
{
    static const int printing[] = {
        OPT_LIST,       OPT_LIST_TO,       CLI_OPT_ONLY,
        CLI_OPT_FORMAT, CLI_OPT_PRECISION, CLI_OPT_NO_HEADER,
        CLI_OPT_PERIOD, CLI_OPT_PER,       CLI_OPT_LIFETIME,
        CLI_OPT_MARGIN, CLI_OPT_DISCOUNT,  CLI_OPT_MONEY_PRECISION};

    return merge_args_refuse_printing(
        parse, printing, sizeof printing / sizeof printing[0], error, size);
}

enum cli_parse_result ids_parse_args(int argc, char *const *argv, int first,
                                     struct ids_args *args, char *error,
                                     size_t error_size)
{
    struct cli_parse parse;
    enum cli_parse_result result;

    memset(args, 0, sizeof *args);
    cli_output_init(&args->output);
    args->precision = RT_PRECISION_DEFAULT;
    result = cli_command_parse(&ids_command, argc, argv, first, args, &parse,
                               error, error_size);
    if (result != CLI_PARSE_OK)
        return result;
    args->help = cli_parse_given(&parse, CLI_OPT_HELP);
    args->has_list = cli_parse_given(&parse, OPT_LIST);
    args->output.precision_given = cli_parse_given(&parse, CLI_OPT_PRECISION);
    result = check(args, first_shaping(&parse), error, error_size);
    if (result == CLI_PARSE_OK && args->partial && !args->help)
        result = refuse_printing(&parse, error, error_size);
    return result;
}
