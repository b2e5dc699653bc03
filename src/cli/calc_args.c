/*
 * calc_args.c - the core command's command line, read into a struct.
 *
 * A pure function of argv, so every option and error is unit-tested
 * without running the program.
 */
#include <stdio.h>
#include <string.h>

#include "calc_args.h"
#include "cli_command.h"
#include "cli_lifetime.h"
#include "describe.h"

enum calc_option_id { OPT_START = 1, OPT_END, OPT_NEW };

static const struct cli_row calc_rows[] = {
    CLI_ROW(OPT_START, 's', "start", true, cli_set_count, struct calc_args,
            counts.start),
    CLI_ROW(OPT_END, 'e', "end", true, cli_set_count, struct calc_args,
            counts.end),
    CLI_ROW(OPT_NEW, 'n', "new", true, cli_set_count, struct calc_args,
            counts.new_customers),
    CLI_ROW_PRECISION(struct calc_args, precision),
    CLI_ROW_FORMAT(struct calc_args, output.format),
    CLI_ROW_NO_HEADER(struct calc_args, output.header),
    CLI_ROW_ONLY(cli_set_figure_only, struct calc_args, output),
    CLI_ROW_STRICT(struct calc_args, strict),
    CLI_ROW_HELP,
    CLI_ROW_VERSION,
    CLI_LIFETIME_ROWS(struct calc_args, output.lifetime),
};

/* The counts are options: an operand is a mistake. */
static bool refuse_operand(void *args, const char *value, char *error,
                           size_t size)
{
    (void)args;
    return cli_refuse_operand(value,
                              "the counts are given as options: -s START -e "
                              "END -n NEW",
                              error, size);
}

static const struct cli_command calc_command = {
    calc_rows, sizeof calc_rows / sizeof calc_rows[0], refuse_operand};
_Static_assert(sizeof calc_rows / sizeof calc_rows[0] <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

static enum cli_parse_result usage(const char *message, char *error,
                                   size_t size)
{
    snprintf(error, size, "%s", message);
    return CLI_PARSE_USAGE;
}

/* Both counts must be there unless --help or --version ends the run. */
static enum cli_parse_result check_required(const struct calc_args *args,
                                            const struct cli_parse *parse,
                                            char *error, size_t size)
{
    if (args->action != CALC_RUN)
        return CLI_PARSE_OK;
    if (!cli_parse_given(parse, OPT_START))
        return usage("missing option -s/--start (customers at the start of "
                     "the period)",
                     error, size);
    if (!cli_parse_given(parse, OPT_END))
        return usage("missing option -e/--end (customers at the end of the "
                     "period)",
                     error, size);
    if (!cli_output_check(&args->output, args->counts.has_new, error, size))
        return CLI_PARSE_USAGE;
    /* Without N there is nothing that could contradict: no warning. */
    if (args->strict && !args->counts.has_new)
        return usage("option --strict needs -n/--new (without the count of "
                     "new customers, the counts cannot contradict each "
                     "other)",
                     error, size);
    return CLI_PARSE_OK;
}

/* What the options given say beyond their values; --help wins. */
static void take_given(struct calc_args *args, const struct cli_parse *parse)
{
    args->counts.has_new = cli_parse_given(parse, OPT_NEW);
    /* What -p shapes is known with --only: cli_output_check(). */
    args->output.precision_given = cli_parse_given(parse, CLI_OPT_PRECISION);
    if (cli_parse_given(parse, CLI_OPT_HELP))
        args->action = CALC_HELP;
    else if (cli_parse_given(parse, CLI_OPT_VERSION))
        args->action = CALC_VERSION;
}

enum cli_parse_result calc_parse_args(int argc, char *const *argv, int first,
                                      struct calc_args *args, char *error,
                                      size_t error_size)
{
    struct cli_parse parse;
    enum cli_parse_result result;

    memset(args, 0, sizeof *args);
    args->precision = RT_PRECISION_DEFAULT;
    cli_output_init(&args->output);
    result = cli_command_parse(&calc_command, argc, argv, first, args, &parse,
                               error, error_size);
    if (result != CLI_PARSE_OK)
        return result;
    take_given(args, &parse);
    return check_required(args, &parse, error, error_size);
}
