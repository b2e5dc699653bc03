/* shard_args.c - retain shard's command line, read into a struct. */
#include <stdio.h>
#include <string.h>

#include "cli_command.h"
#include "cli_inputs.h"
#include "shard_args.h"

enum shard_option_id {
    OPT_BY = 1,
    OPT_PARTS,
    OPT_PREFIX,
    OPT_PLAIN,
    OPT_TRIM,
    OPT_IGNORE_CASE,
    OPT_DELIMITER
};

/* --parts: 1 to RT_SHARD_PARTS_MAX. */
static bool set_parts(void *field, const char *text, char *problem, size_t size)
{
    uint64_t value = 0;
    char quoted[RT_QUOTE_SIZE];

    if (rt_count_parse(text, strlen(text), &value) == RT_OK && value >= 1 &&
        value <= RT_SHARD_PARTS_MAX) {
        *(uint64_t *)field = value;
        return true;
    }
    rt_quote_value(text, strlen(text), quoted, sizeof quoted);
    snprintf(problem, size, "%s (expected a whole number from 1 to %d)", quoted,
             RT_SHARD_PARTS_MAX);
    return false;
}

#define ROW(id, short_name, long_name, takes_value, set, field)                \
    CLI_ROW(id, short_name, long_name, takes_value, set, struct shard_args,    \
            field)

static const struct cli_row shard_rows[] = {
    ROW(OPT_BY, 0, "by", true, cli_set_column_name, options.column),
    ROW(OPT_PARTS, 0, "parts", true, set_parts, parts),
    ROW(OPT_PREFIX, 0, "prefix", true, cli_set_file_name, prefix),
    ROW(OPT_PLAIN, 0, "plain", false, cli_set_flag, options.plain),
    ROW(OPT_TRIM, 0, "trim", false, cli_set_flag, options.trim),
    ROW(OPT_IGNORE_CASE, 0, "ignore-case", false, cli_set_flag,
        options.ignore_case),
    ROW(OPT_DELIMITER, 'd', "delimiter", true, cli_set_delimiter,
        options.delimiter),
    CLI_ROW_HELP,
};

/* Every operand is an input. */
static bool take_file(void *args, const char *value, char *error, size_t size)
{
    struct shard_args *shard = args;

    (void)error;
    (void)size;
    shard->files[shard->file_count++] = value;
    return true;
}

static const struct cli_command shard_command = {
    shard_rows, sizeof shard_rows / sizeof shard_rows[0], take_file};
_Static_assert(sizeof shard_rows / sizeof shard_rows[0] <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

static enum cli_parse_result usage(char *error, size_t size,
                                   const char *message)
{
    snprintf(error, size, "%s", message);
    return CLI_PARSE_USAGE;
}

static enum cli_parse_result check(struct shard_args *args, char *error,
                                   size_t size)
{
    if (args->help)
        return CLI_PARSE_OK;
    if (!args->prefix)
        return usage(error, size, "missing option --prefix PATH");
    if (args->parts == 0)
        return usage(error, size, "missing option --parts N");
    if (args->options.plain && args->options.column)
        return usage(error, size,
                     "options --plain and --by exclude each other (a plain "
                     "list has one ID per line and no columns)");
    if (args->options.plain && args->options.delimiter)
        return usage(error, size,
                     "option -d/--delimiter needs --by (a plain list has one "
                     "ID per line and no delimiter)");
    if (!args->options.plain && !args->options.column)
        return usage(error, size,
                     "missing option --by COLUMN (or --plain for a list of "
                     "IDs, one a line)");
    if (!cli_inputs_stdin_once(args->files, args->file_count, error, size))
        return CLI_PARSE_USAGE;
    args->options.parts = (unsigned)args->parts;
    return CLI_PARSE_OK;
}

enum cli_parse_result shard_parse_args(int argc, char *const *argv, int first,
                                       struct shard_args *args, char *error,
                                       size_t error_size)
{
    const char **files = args->files;
    struct cli_parse parse;
    enum cli_parse_result result;

    memset(args, 0, sizeof *args);
    args->files = files;
    result = cli_command_parse(&shard_command, argc, argv, first, args, &parse,
                               error, error_size);
    if (result != CLI_PARSE_OK)
        return result;
    args->help = cli_parse_given(&parse, CLI_OPT_HELP);
    return check(args, error, error_size);
}
