/* cli_command.c - see cli_command.h. */
#include <stdio.h>
#include <string.h>

#include "cli_command.h"
#include "cli_diag.h"
#include "cli_output.h"
#include "cli_values.h"
#include "describe.h"

/* Counts the use of the option just read, for cli_parse_first_given(). */
static void note_use(struct cli_parse *parse, size_t slot)
{
    if (parse->first_use[slot] == 0)
        parse->first_use[slot] = ++parse->uses;
}

static enum cli_parse_result usage(const char *message, char *error,
                                   size_t size)
{
    snprintf(error, size, "%s", message);
    return CLI_PARSE_USAGE;
}

/* Sets the field of the option just read, from its value. */
static enum cli_parse_result apply(struct cli_parse *parse, void *args,
                                   char *error, size_t size)
{
    const struct cli_option *option = parse->parser.option;
    size_t slot = (size_t)(option - parse->options);
    const struct cli_row *row = &parse->rows[slot];
    char problem[RT_MESSAGE_SIZE];

    note_use(parse, slot);
    if (row->set((char *)args + row->offset, parse->parser.value, problem,
                 sizeof problem))
        return CLI_PARSE_OK;
    cli_option_problem(option, problem, error, size);
    return CLI_PARSE_INVALID;
}

static void parse_init(struct cli_parse *parse,
                       const struct cli_command *command, int argc,
                       char *const *argv, int first)
{
    size_t i;

    memset(parse, 0, sizeof *parse);
    parse->rows = command->rows;
    /* No table is longer: each command asserts it when compiled. */
    for (i = 0; i < command->row_count && i < CLI_MAX_OPTIONS; i++)
        parse->options[i] = command->rows[i].option;
    cli_parser_init(&parse->parser, argc, argv, first, parse->options, i);
}

enum cli_parse_result cli_command_parse(const struct cli_command *command,
                                        int argc, char *const *argv, int first,
                                        void *args, struct cli_parse *parse,
                                        char *error, size_t size)
{
    enum cli_parse_result result = CLI_PARSE_OK;
    int id;

    parse_init(parse, command, argc, argv, first);
    while (result == CLI_PARSE_OK &&
           (id = cli_next(&parse->parser)) != CLI_DONE) {
        if (id == CLI_ERROR)
            result = usage(parse->parser.error, error, size);
        else if (id == CLI_OPERAND)
            result = command->operand(args, parse->parser.value, error, size)
                         ? CLI_PARSE_OK
                         : CLI_PARSE_USAGE;
        else
            result = apply(parse, args, error, size);
    }
    return result;
}

static size_t find_slot(const struct cli_parse *parse, int id)
{
    size_t slot;

    for (slot = 0; slot < parse->parser.option_count; slot++)
        if (parse->options[slot].id == id)
            break;
    return slot;
}

bool cli_parse_given(const struct cli_parse *parse, int id)
{
    size_t slot = find_slot(parse, id);

    return slot < parse->parser.option_count && parse->first_use[slot] != 0;
}

const struct cli_option *cli_parse_first_given(const struct cli_parse *parse,
                                               const int *ids, size_t count)
{
    const struct cli_option *first = NULL;
    unsigned earliest = 0;
    size_t i;

    for (i = 0; i < count; i++) {
        size_t slot = find_slot(parse, ids[i]);
        unsigned use =
            slot < parse->parser.option_count ? parse->first_use[slot] : 0;

        if (use != 0 && (earliest == 0 || use < earliest)) {
            earliest = use;
            first = &parse->options[slot];
        }
    }
    return first;
}

int cli_parse_report(const char *command, enum cli_parse_result result,
                     const char *error)
{
    if (result == CLI_PARSE_USAGE)
        cli_usage_error(command, "%s", error);
    else
        cli_error("%s", error);
    return CLI_EXIT_USAGE;
}

bool cli_set_flag(void *field, const char *value, char *problem, size_t size)
{
    (void)value;
    (void)problem;
    (void)size;
    *(bool *)field = true;
    return true;
}

bool cli_clear_flag(void *field, const char *value, char *problem, size_t size)
{
    (void)value;
    (void)problem;
    (void)size;
    *(bool *)field = false;
    return true;
}

bool cli_set_nothing(void *field, const char *value, char *problem, size_t size)
{
    (void)field;
    (void)value;
    (void)problem;
    (void)size;
    return true;
}

bool cli_set_format(void *field, const char *value, char *problem, size_t size)
{
    return cli_value_format(value, field, problem, size);
}

bool cli_set_precision(void *field, const char *value, char *problem,
                       size_t size)
{
    return cli_value_precision(value, field, problem, size);
}

bool cli_set_delimiter(void *field, const char *value, char *problem,
                       size_t size)
{
    return cli_value_delimiter(value, field, problem, size);
}

bool cli_set_count(void *field, const char *value, char *problem, size_t size)
{
    enum rt_status status = rt_count_parse(value, strlen(value), field);

    if (status == RT_OK)
        return true;
    rt_count_describe(status, value, strlen(value), problem, size);
    return false;
}

bool cli_set_money(void *field, const char *value, char *problem, size_t size)
{
    return cli_value_amount(value, RT_AMOUNT_MONEY, field, problem, size);
}

bool cli_set_jobs(void *field, const char *text, char *problem, size_t size)
{
    uint64_t value = 0;
    enum rt_status parsed = rt_count_parse(text, strlen(text), &value);
    char expected[48];

    if (parsed == RT_OK && value >= 1 && value <= CLI_MAX_JOBS) {
        *(unsigned *)field = (unsigned)value;
        return true;
    }
    snprintf(expected, sizeof expected, "a whole number from 1 to %d",
             CLI_MAX_JOBS);
    /* A whole number, only out of range, is told apart from text. */
    return cli_value_refuse(text,
                            parsed == RT_OK || parsed == RT_ERR_RANGE
                                ? "out of range"
                                : "not a number of threads",
                            expected, problem, size);
}

bool cli_set_name(const char **field, const char *value, const char *expected,
                  char *problem, size_t size)
{
    if (value[0] == '\0') {
        snprintf(problem, size, "empty value (expected %s)", expected);
        return false;
    }
    *field = value;
    return true;
}

bool cli_set_column_name(void *field, const char *value, char *problem,
                         size_t size)
{
    return cli_set_name(field, value, "a column name", problem, size);
}

bool cli_set_file_name(void *field, const char *value, char *problem,
                       size_t size)
{
    return cli_set_name(field, value, "a file name", problem, size);
}

bool cli_set_figure_only(void *field, const char *value, char *problem,
                         size_t size)
{
    return cli_output_only(field, value, problem, size);
}

bool cli_refuse_operand(const char *value, const char *hint, char *error,
                        size_t size)
{
    char quoted[RT_QUOTE_SIZE];

    rt_quote_value(value, strlen(value), quoted, sizeof quoted);
    snprintf(error, size, "unexpected argument %s (%s)", quoted, hint);
    return false;
}

enum cli_parse_result cli_refuse_not_drawn(const struct cli_parse *parse,
                                           const int *ids, size_t count,
                                           char *error, size_t size)
{
    const struct cli_option *given = cli_parse_first_given(parse, ids, count);

    if (!given)
        return CLI_PARSE_OK;
    snprintf(error, size,
             "option --%s: not with -f svg (the chart draws each row's "
             "retention and churn rate only; expected -f csv, tsv, json, "
             "text or markdown)",
             given->long_name);
    return CLI_PARSE_USAGE;
}
