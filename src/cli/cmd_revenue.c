/*
 * cmd_revenue.c - retain revenue: parse, compute, print.
 */
#include <stdio.h>
#include <string.h>

#include "cli_command.h"
#include "cli_diag.h"
#include "cmd_revenue.h"
#include "emit.h"
#include "revenue_args.h"

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
    "  -f, --format=FORMAT     text (default), json, csv, tsv or markdown\n"
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
    struct rt_revenue_figures figures;
    char text[RT_WARNING_TEXT_SIZE];

    if (rt_revenue_compute(&args->amounts, args->precision, &figures) !=
        RT_OK) {
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
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed =
        revenue_parse_args(argc, argv, first, &args, error, sizeof error);

    if (parsed != CLI_PARSE_OK)
        return cli_parse_report("revenue", parsed, error);
    if (args.help) {
        fputs(revenue_help_text, stdout);
        return CLI_EXIT_OK;
    }
    return compute_and_print(&args);
}
