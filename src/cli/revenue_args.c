/*
 * revenue_args.c - retain revenue's command line, read into a struct.
 */
#include <stdio.h>
#include <string.h>

#include "cli_command.h"
#include "cli_output.h"
#include "cli_values.h"
#include "describe.h"
#include "field.h"
#include "revenue_args.h"

/* The four amounts first, in the order they are reported missing. */
enum revenue_option_id {
    OPT_START_MRR = 1,
    OPT_EXPANSION,
    OPT_CONTRACTION,
    OPT_CHURNED
};

static bool set_only(void *field, const char *text, char *problem, size_t size)
{
    static const struct rt_field_table *const tables[] = {&rt_revenue_fields};
    char names[512];

    if (rt_revenue_field_lookup(text, field))
        return true;
    rt_field_table_list(tables, 1, names, sizeof names);
    return cli_value_refuse(text, "unknown field", names, problem, size);
}

#define AMOUNT_ROW(id, long_name, field)                                       \
    CLI_ROW(id, 0, long_name, true, cli_set_money, struct revenue_args,        \
            amounts.field)

static const struct cli_row revenue_rows[] = {
    AMOUNT_ROW(OPT_START_MRR, "start-mrr", start),
    AMOUNT_ROW(OPT_EXPANSION, "expansion", expansion),
    AMOUNT_ROW(OPT_CONTRACTION, "contraction", contraction),
    AMOUNT_ROW(OPT_CHURNED, "churned", churned),
    CLI_ROW_FORMAT(struct revenue_args, format),
    CLI_ROW_PRECISION(struct revenue_args, precision),
    CLI_ROW_NO_HEADER(struct revenue_args, header),
    CLI_ROW_ONLY(set_only, struct revenue_args, only),
    CLI_ROW_STRICT(struct revenue_args, strict),
    CLI_ROW_HELP,
};

/* What each amount is, for the message when it is missing; by id. */
static const char *const amount_meanings[] = {
    "", "recurring revenue at the start, above 0",
    "revenue added by existing customers; write 0 for none",
    "revenue lost to downgrades; write 0 for none",
    "revenue lost with customers who left; write 0 for none"};

/* The amounts are options: an operand is a mistake. */
static bool refuse_operand(void *args, const char *value, char *error,
                           size_t size)
{
    (void)args;
    return cli_refuse_operand(value,
                              "the amounts are given as options, such as "
                              "--start-mrr AMOUNT",
                              error, size);
}

static const struct cli_command revenue_command = {
    revenue_rows, sizeof revenue_rows / sizeof revenue_rows[0], refuse_operand};
_Static_assert(sizeof revenue_rows / sizeof revenue_rows[0] <= CLI_MAX_OPTIONS,
               "the parser holds CLI_MAX_OPTIONS options");

/* -p shapes the two rates alone: with --only, it needs one of them. */
static bool only_uses_precision(const struct revenue_args *args)
{
    return !args->has_only || args->only == RT_REVENUE_NET ||
           args->only == RT_REVENUE_GROSS;
}

/*
 * Once all options are read: every amount given, and no option that can
 * change nothing (--no-header, -p) in what is printed.
 */
static enum cli_parse_result check_together(const struct revenue_args *args,
                                            const struct cli_parse *parse,
                                            char *error, size_t size)
{
    int id;

    for (id = OPT_START_MRR; id <= OPT_CHURNED; id++) {
        if (!cli_parse_given(parse, id)) {
            snprintf(error, size, "missing option --%s (%s)",
                     revenue_rows[id - 1].option.long_name,
                     amount_meanings[id]);
            return CLI_PARSE_USAGE;
        }
    }
    if (!cli_output_check_header(args->format, args->header, args->has_only,
                                 error, size))
        return CLI_PARSE_USAGE;
    if (args->precision_given && !only_uses_precision(args)) {
        cli_output_unused("-p/--precision", rt_revenue_field_name(args->only),
                          error, size);
        return CLI_PARSE_USAGE;
    }
    return CLI_PARSE_OK;
}

enum cli_parse_result revenue_parse_args(int argc, char *const *argv, int first,
                                         struct revenue_args *args, char *error,
                                         size_t error_size)
{
    struct cli_parse parse;
    enum cli_parse_result result;

    memset(args, 0, sizeof *args);
    args->precision = RT_PRECISION_DEFAULT;
    args->header = true;
    result = cli_command_parse(&revenue_command, argc, argv, first, args,
                               &parse, error, error_size);
    if (result != CLI_PARSE_OK)
        return result;
    args->help = cli_parse_given(&parse, CLI_OPT_HELP);
    args->has_only = cli_parse_given(&parse, CLI_OPT_ONLY);
    args->precision_given = cli_parse_given(&parse, CLI_OPT_PRECISION);
    return args->help ? CLI_PARSE_OK
                      : check_together(args, &parse, error, error_size);
}
