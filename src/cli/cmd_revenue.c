/*
 * cmd_revenue.c - retain revenue: parse, compute, print.
 */
#include <stdio.h>
#include <string.h>

#include "cli_diag.h"
#include "cli_opt.h"
#include "cli_output.h"
#include "cli_values.h"
#include "cmd_revenue.h"
#include "describe.h"
#include "emit.h"

const char revenue_help_text[] =
    "Usage: retain revenue --start-mrr AMOUNT --expansion AMOUNT\n"
    "                      --contraction AMOUNT --churned AMOUNT [OPTION]...\n"
    "\n"
    "Compute net and gross revenue retention of recurring revenue (MRR or\n"
    "ARR) over one period, exactly.\n"
    "\n"
    "  NRR = [(start + expansion - contraction - churned) / start] x 100\n"
    "  GRR = [(start - contraction - churned) / start] x 100\n"
    "\n"
    "Amounts (each required; the start above 0, the others 0 for none):\n"
    "      --start-mrr=AMOUNT    recurring revenue at the start of the period\n"
    "      --expansion=AMOUNT    added by existing customers (upgrades)\n"
    "      --contraction=AMOUNT  lost by existing customers (downgrades)\n"
    "      --churned=AMOUNT      lost with the customers who left\n"
    "  An AMOUNT is digits with up to 6 decimals, such as 100000 or 49.90,\n"
    "  up to 9223372036854.775807; the start must be above 0.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT     text (default), json, csv or tsv\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "      --no-header         csv and tsv: leave out the header line (not\n"
    "                          with --only, which prints none)\n"
    "      --only=FIELD        print FIELD alone: start_mrr, expansion,\n"
    "                          contraction, churned, net_revenue_retention,\n"
    "                          gross_revenue_retention or warnings; with\n"
    "                          -f json, as the JSON object holds it; -p\n"
    "                          only with the two rates\n"
    "      --strict            exit 1 when contraction + churned is above\n"
    "                          the start\n"
    "  -h, --help              show this help and exit\n"
    "\n"
    "Exit status: 0 computed; 1 computed, but the amounts contradict each\n"
    "other and --strict was given; 2 nothing computed (usage error or\n"
    "invalid input); 3 the output could not be written.\n"
    "\n"
    "Example:\n"
    "  retain revenue --start-mrr 100000 --expansion 15000 \\\n"
    "      --contraction 5000 --churned 8000\n";

enum revenue_option_id {
    OPT_START_MRR = 1, /* the four amounts first: ids 1..4 */
    OPT_EXPANSION,
    OPT_CONTRACTION,
    OPT_CHURNED,
    OPT_FORMAT,
    OPT_PRECISION,
    OPT_NO_HEADER,
    OPT_ONLY,
    OPT_STRICT,
    OPT_HELP
};

static const struct cli_option revenue_options[] = {
    {OPT_START_MRR, 0, "start-mrr", true, false},
    {OPT_EXPANSION, 0, "expansion", true, false},
    {OPT_CONTRACTION, 0, "contraction", true, false},
    {OPT_CHURNED, 0, "churned", true, false},
    {OPT_FORMAT, 'f', "format", true, false},
    {OPT_PRECISION, 'p', "precision", true, false},
    {OPT_NO_HEADER, 0, "no-header", false, false},
    {OPT_ONLY, 0, "only", true, false},
    {OPT_STRICT, 0, "strict", false, false},
    {OPT_HELP, 'h', "help", false, true},
};

/* What each amount is, for the message when it is missing. */
static const char *const amount_meanings[] = {
    "", "recurring revenue at the start, above 0",
    "revenue added by existing customers; write 0 for none",
    "revenue lost to downgrades; write 0 for none",
    "revenue lost with customers who left; write 0 for none"};

struct revenue_args {
    uint64_t amounts[5]; /* by option id */
    bool given[5];
    unsigned precision;
    enum rt_format format;
    bool header, strict, help, has_only, precision_given;
    enum rt_revenue_field only;
};

static bool read_value(struct revenue_args *args, int id, const char *text,
                       char *problem, size_t size)
{
    if (id <= OPT_CHURNED) {
        args->given[id] = true;
        return cli_value_amount(text, RT_AMOUNT_MONEY, &args->amounts[id],
                                problem, size);
    }
    if (id == OPT_FORMAT)
        return cli_value_format(text, &args->format, problem, size);
    if (id == OPT_PRECISION) {
        args->precision_given = true;
        return cli_value_precision(text, &args->precision, problem, size);
    }
    args->has_only = true;
    return rt_revenue_field_lookup(text, &args->only) ||
           cli_value_refuse(text, "unknown field",
                            "start_mrr, expansion, contraction, churned, "
                            "net_revenue_retention, gross_revenue_retention "
                            "or warnings",
                            problem, size);
}

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
static int check_together(const struct revenue_args *args)
{
    char error[RT_MESSAGE_SIZE];
    int id;

    for (id = OPT_START_MRR; id <= OPT_CHURNED; id++) {
        if (!args->given[id]) {
            cli_usage_error("revenue", "missing option --%s (%s)",
                            revenue_options[id - 1].long_name,
                            amount_meanings[id]);
            return CLI_EXIT_USAGE;
        }
    }
    if (!cli_output_check_header(args->format, args->header, args->has_only,
                                 error, sizeof error)) {
        cli_usage_error("revenue", "%s", error);
        return CLI_EXIT_USAGE;
    }
    if (args->precision_given && !only_uses_precision(args)) {
        cli_output_unused("-p/--precision", rt_revenue_field_name(args->only),
                          error, sizeof error);
        cli_usage_error("revenue", "%s", error);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

/* Reads the command line; returns 0 to go on, else the exit status. */
static int parse(int argc, char *const *argv, int first,
                 struct revenue_args *args)
{
    struct cli_parser parser;
    char problem[RT_MESSAGE_SIZE], error[RT_MESSAGE_SIZE + 80];
    int id;

    memset(args, 0, sizeof *args);
    args->precision = RT_PRECISION_DEFAULT;
    args->header = true;
    cli_parser_init(&parser, argc, argv, first, revenue_options,
                    sizeof revenue_options / sizeof revenue_options[0]);
    while ((id = cli_next(&parser)) != CLI_DONE) {
        if (id == CLI_ERROR) {
            cli_usage_error("revenue", "%s", parser.error);
            return CLI_EXIT_USAGE;
        }
        if (id == CLI_OPERAND) {
            rt_quote_value(parser.value, strlen(parser.value), problem,
                           sizeof problem);
            cli_usage_error("revenue",
                            "unexpected argument %s (the amounts are given "
                            "as options, such as --start-mrr AMOUNT)",
                            problem);
            return CLI_EXIT_USAGE;
        }
        if (id == OPT_NO_HEADER)
            args->header = false;
        else if (id == OPT_STRICT)
            args->strict = true;
        else if (id == OPT_HELP)
            args->help = true;
        else if (!read_value(args, id, parser.value, problem, sizeof problem)) {
            cli_option_problem(parser.option, problem, error, sizeof error);
            cli_error("%s", error);
            return CLI_EXIT_USAGE;
        }
    }
    return args->help ? CLI_EXIT_OK : check_together(args);
}

/*
 * All the figures as -f says, or one with --only: bare, or as the JSON
 * object holds it with -f json.  False when memory ran out; a failed write
 * shows in stdout's error flag, reported when it is closed.
 */
static bool print_figures(const struct revenue_args *args,
                          const struct rt_revenue_figures *figures)
{
    if (!args->has_only)
        return rt_emit_revenue(stdout, args->format, figures, args->header) !=
               RT_ERR_NOMEM;
    return rt_emit_field(stdout, args->format,
                         &rt_revenue_fields.defs[args->only],
                         figures) != RT_ERR_NOMEM;
}

static int compute_and_print(const struct revenue_args *args)
{
    struct rt_revenue amounts;
    struct rt_revenue_figures figures;
    char text[RT_WARNING_TEXT_SIZE];

    amounts.start = args->amounts[OPT_START_MRR];
    amounts.expansion = args->amounts[OPT_EXPANSION];
    amounts.contraction = args->amounts[OPT_CONTRACTION];
    amounts.churned = args->amounts[OPT_CHURNED];
    if (rt_revenue_compute(&amounts, args->precision, &figures) != RT_OK) {
        cli_error("option --start-mrr: the start is 0, so no rate is defined "
                  "(expected an amount above 0)");
        return CLI_EXIT_USAGE;
    }
    if (figures.warnings) {
        rt_revenue_field_value(&figures, RT_REVENUE_WARNINGS, text,
                               sizeof text);
        cli_warning("%s", text);
    }
    if (!print_figures(args, &figures)) {
        cli_error("%s", rt_status_text(RT_ERR_NOMEM));
        return CLI_EXIT_FAILURE;
    }
    return args->strict && figures.warnings ? CLI_EXIT_INCONSISTENT
                                            : CLI_EXIT_OK;
}

int cmd_revenue(int argc, char *const *argv, int first)
{
    struct revenue_args args;
    int status = parse(argc, argv, first, &args);

    if (status != CLI_EXIT_OK)
        return status;
    if (args.help) {
        fputs(revenue_help_text, stdout);
        return cli_close_stdout(CLI_EXIT_OK);
    }
    return cli_close_stdout(compute_and_print(&args));
}
