/*
 * cmd_calc.c - the core command: parse, compute, print.
 */
#include <stdio.h>
#include <string.h>

#include "calc_args.h"
#include "cli_diag.h"
#include "cli_lifetime.h"
#include "cli_output.h"
#include "cmd_calc.h"

const char calc_help_text[] =
    "Usage: retain -s START -e END [-n NEW] [OPTION]...\n"
    "       retain batch [OPTION]... [FILE]...\n"
    "       retain ids [OPTION]... START_FILE END_FILE\n"
    "       retain cohorts [OPTION]... [FILE]...\n"
    "       retain periods [OPTION]... [FILE]...\n"
    "       retain merge [OPTION]... [FILE]...\n"
    "       retain revenue --start-mrr AMOUNT ... (see retain revenue --help)\n"
    "       retain shard --by COLUMN --parts N --prefix PATH [FILE]...\n"
    "\n"
    "Compute customer retention and churn for one period, exactly; with\n"
    "batch, for every row of a CSV or TSV file; with ids, from two exports\n"
    "of customer IDs; with cohorts, cohort tables from an activity log; with\n"
    "periods, S, E and N of every period from an activity log; with merge,\n"
    "the report of parts counted apart with --partial; with shard, a log\n"
    "split by customer into such parts (see retain batch --help, retain ids\n"
    "--help, retain cohorts --help, retain periods --help, retain merge\n"
    "--help, retain shard --help).\n"
    "\n"
    "  retention rate = [(E - N) / S] x 100   churn rate = 100 - retention\n"
    "  simple rate    = (E / S) x 100         retained = E - N\n"
    "                                         lost = S - retained\n"
    "\n"
    "Counts:\n"
    "  -s, --start=COUNT       customers at the start of the period (S)\n"
    "  -e, --end=COUNT         customers at the end of the period (E)\n"
    "  -n, --new=COUNT         new customers won during the period (N);\n"
    "                          without it only the simple rates are known\n"
    "  A COUNT is a whole number from 0 to 9223372036854775807, in digits\n"
    "  only; S must be at least 1.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT     text (default), json, csv, tsv or markdown\n"
    "  -p, --precision=DIGITS  digits after the point of rates, 0 to 12\n"
    "                          (default 2), rounded half away from zero\n"
    "      --no-header         csv and tsv: leave out the header line (not\n"
    "                          with --only, which prints none)\n"
    "      --only=FIELD        print FIELD alone: start, end, new, retained,\n"
    "                          lost, retention_rate, churn_rate,\n"
    "                          simple_retention_rate, simple_churn_rate,\n"
    "                          warnings or a field beyond one period; with\n"
    "                          -f json, as the JSON object holds it; an\n"
    "                          option the figure does not depend on (-p\n"
    "                          with a count, say) is an error\n"
    "      --strict            exit 1 when the counts contradict each other\n"
    "                          (needs -n)\n"
    "  -h, --help              show this help and exit\n"
    "  -V, --version           show the version and exit\n"
    "\n" CLI_LIFETIME_HELP "\n"
    "Exit status:\n"
    "  0  computed\n"
    "  1  computed, but the counts contradict each other (N > E, or\n"
    "     E - N > S) and --strict was given\n"
    "  2  nothing computed: usage error or invalid input (such as S = 0)\n"
    "  3  the output could not be written (its reader gone too), or out of\n"
    "     memory\n"
    "\n"
    "Examples:\n"
    "  retain -s 1000 -e 900 -n 200\n"
    "  retain -s 1000 -e 900 -n 200 --format json\n"
    "  retain -s 1000 -e 900 -n 200 --only retention_rate\n"
    "  retain -s 1000 -e 990 -n 0 --period month --per year\n"
    "  retain -s 1000 -e 900 -n 100 --margin 50 --discount 1%\n"
    "  retain -s 100 -e 99\n";

static int compute_and_print(const struct calc_args *args)
{
    struct rt_figures figures;
    enum rt_status status;
    int printed;

    status = rt_figures_compute(&args->counts, args->precision, &figures);
    if (status == RT_ERR_ZERO_START) {
        cli_error("option -s/--start: start is 0, so no rate is defined "
                  "(expected at least 1 customer at the start)");
        return CLI_EXIT_USAGE;
    }
    if (status != RT_OK) {
        cli_error("%s", rt_status_text(status));
        return CLI_EXIT_USAGE;
    }
    printed = cli_print_figures(&figures, &args->output);
    if (printed != CLI_EXIT_OK)
        return printed;
    return args->strict && figures.warnings ? CLI_EXIT_INCONSISTENT
                                            : CLI_EXIT_OK;
}

int cmd_calc(int argc, char *const *argv, int first)
{
    struct calc_args args;
    char error[RT_MESSAGE_SIZE + 80];
    enum cli_parse_result parsed =
        calc_parse_args(argc, argv, first, &args, error, sizeof error);

    if (parsed != CLI_PARSE_OK)
        return cli_parse_report(NULL, parsed, error);
    if (args.action == CALC_HELP) {
        fputs(calc_help_text, stdout);
        return CLI_EXIT_OK;
    }
    if (args.action == CALC_VERSION) {
        puts("retain " RT_VERSION_STRING);
        return CLI_EXIT_OK;
    }
    return compute_and_print(&args);
}
