/*
 * test_revenue_args.c - retain revenue's command line, read into a
 * struct: each accepted case shows the fields that parsing set, each
 * refused one its exact message and kind.
 */
#include <stdio.h>
#include <string.h>

#include "revenue_args.h"
#include "table.h"

struct args_case {
    const char *name;
    const char *argv[16];
    enum cli_parse_result result;
    const char *summary; /* the parsed struct, or the error message */
};

/* The four amounts, each required. */
#define AMOUNTS                                                                \
    "--start-mrr", "100000", "--expansion", "15000", "--contraction", "5000",  \
        "--churned", "8000"
#define GIVEN "s=100000000000 x=15000000000 c=5000000000 ch=8000000000"
#define AMOUNT_EXPECTED                                                        \
    "(expected an amount such as 49.90, in digits with up to 6 decimals)"

static const struct args_case args_cases[] = {
    {"the four amounts",
     {AMOUNTS},
     CLI_PARSE_OK,
     "help=0 " GIVEN " p=2 pg=0 f=0 header=1 strict=0 only=-"},
    {"equals, decimals, any order",
     {"--churned=0.5", "--contraction=0", "--expansion=49.90",
      "--start-mrr=9223372036854.775807"},
     CLI_PARSE_OK,
     "help=0 s=9223372036854775807 x=49900000 c=0 ch=500000 p=2 pg=0 f=0 "
     "header=1 strict=0 only=-"},
    {"every output option",
     {AMOUNTS, "-fcsv", "-p", "4", "--no-header", "--strict"},
     CLI_PARSE_OK,
     "help=0 " GIVEN " p=4 pg=1 f=2 header=0 strict=1 only=-"},
    {"only a rate, with its precision",
     {"-p0", "--only", "gross_revenue_retention", "-f", "json", AMOUNTS},
     CLI_PARSE_OK,
     "help=0 " GIVEN " p=0 pg=1 f=1 header=1 strict=0 only=5"},
    {"only an amount",
     {AMOUNTS, "--only=churned"},
     CLI_PARSE_OK,
     "help=0 " GIVEN " p=2 pg=0 f=0 header=1 strict=0 only=3"},
    {"help alone",
     {"-h"},
     CLI_PARSE_OK,
     "help=1 s=0 x=0 c=0 ch=0 p=2 pg=0 f=0 header=1 strict=0 only=-"},
    {"help, repeated, skips the checks",
     {"--help", "--no-header", "-hh"},
     CLI_PARSE_OK,
     "help=1 s=0 x=0 c=0 ch=0 p=2 pg=0 f=0 header=0 strict=0 only=-"},

    /* Malformed command lines. */
    {"nothing",
     {NULL},
     CLI_PARSE_USAGE,
     "missing option --start-mrr (recurring revenue at the start, above 0)"},
    {"the first missing amount is named",
     {"--start-mrr", "1", "--churned", "0", "--contraction", "0"},
     CLI_PARSE_USAGE,
     "missing option --expansion (revenue added by existing customers; "
     "write 0 for none)"},
    {"contraction missing",
     {"--start-mrr", "1", "--expansion", "0", "--churned", "0"},
     CLI_PARSE_USAGE,
     "missing option --contraction (revenue lost to downgrades; write 0 for "
     "none)"},
    {"churned missing",
     {"--start-mrr", "1", "--expansion", "0", "--contraction", "0"},
     CLI_PARSE_USAGE,
     "missing option --churned (revenue lost with customers who left; write "
     "0 for none)"},
    {"an operand",
     {AMOUNTS, "100"},
     CLI_PARSE_USAGE,
     "unexpected argument '100' (the amounts are given as options, such as "
     "--start-mrr AMOUNT)"},
    {"dash is an operand",
     {"-", AMOUNTS},
     CLI_PARSE_USAGE,
     "unexpected argument '-' (the amounts are given as options, such as "
     "--start-mrr AMOUNT)"},
    {"an option after double dash is an operand",
     {"--", AMOUNTS},
     CLI_PARSE_USAGE,
     "unexpected argument '--start-mrr' (the amounts are given as options, "
     "such as --start-mrr AMOUNT)"},
    {"value forgotten",
     {"--start-mrr", "--expansion", "0"},
     CLI_PARSE_USAGE,
     "option --start-mrr needs a value (got option '--expansion')"},
    {"repeated",
     {"--churned", "1", AMOUNTS},
     CLI_PARSE_USAGE,
     "option --churned given more than once"},
    {"no short form", {"-s", "1"}, CLI_PARSE_USAGE, "unknown option '-s'"},
    {"no header in text",
     {AMOUNTS, "--no-header"},
     CLI_PARSE_USAGE,
     "option --no-header needs -f csv or -f tsv (only they have a header "
     "line)"},
    {"no header with only",
     {AMOUNTS, "-f", "csv", "--no-header", "--only", "net_revenue_retention"},
     CLI_PARSE_USAGE,
     "option --no-header does nothing with --only (--only prints one "
     "figure, with no header line)"},
    {"precision with only an amount",
     {AMOUNTS, "-p", "3", "--only", "expansion"},
     CLI_PARSE_USAGE,
     "option -p/--precision does nothing with --only expansion (expansion "
     "does not depend on it)"},
    {"precision with only the warnings",
     {AMOUNTS, "-p3", "--only", "warnings"},
     CLI_PARSE_USAGE,
     "option -p/--precision does nothing with --only warnings (warnings "
     "does not depend on it)"},

    /* Wrong values. */
    {"not a number",
     {"--expansion", "x"},
     CLI_PARSE_INVALID,
     "option --expansion: not a number: 'x' " AMOUNT_EXPECTED},
    {"negative",
     {"--start-mrr=-1"},
     CLI_PARSE_INVALID,
     "option --start-mrr: an amount cannot be negative: '-1' " AMOUNT_EXPECTED},
    {"too many decimals",
     {"--churned", "1.1234567"},
     CLI_PARSE_INVALID,
     "option --churned: too many decimals: '1.1234567' " AMOUNT_EXPECTED},
    {"unknown field",
     {AMOUNTS, "--only", "nrr"},
     CLI_PARSE_INVALID,
     "option --only: unknown field: 'nrr' (expected start_mrr, expansion, "
     "contraction, churned, net_revenue_retention, gross_revenue_retention "
     "or warnings)"},
    {"unknown format",
     {"-f", "xml", AMOUNTS},
     CLI_PARSE_INVALID,
     "option -f/--format: unknown format: 'xml' (expected text, json, csv, "
     "tsv, markdown or svg)"},
    {"precision 13",
     {"--precision=13"},
     CLI_PARSE_INVALID,
     "option -p/--precision: too many digits: '13' (expected a whole number "
     "from 0 to 12)"},
    {"help with a bad value still fails",
     {"-h", "--start-mrr", "x"},
     CLI_PARSE_INVALID,
     "option --start-mrr: not a number: 'x' " AMOUNT_EXPECTED},
};

static void summarize(const struct revenue_args *a, char *buf, size_t size)
{
    char only[8] = "-";

    if (a->has_only)
        snprintf(only, sizeof only, "%d", (int)a->only);
    snprintf(buf, size,
             "help=%d s=%llu x=%llu c=%llu ch=%llu p=%u pg=%d f=%d header=%d "
             "strict=%d only=%s",
             a->help, (unsigned long long)a->amounts.start,
             (unsigned long long)a->amounts.expansion,
             (unsigned long long)a->amounts.contraction,
             (unsigned long long)a->amounts.churned, a->precision,
             a->precision_given, (int)a->format, a->header, a->strict, only);
}

static void test_args(void **state)
{
    const struct args_case *c = *state;
    char *argv[18] = {(char *)"retain", (char *)"revenue"};
    char error[1024] = "", summary[512];
    struct revenue_args args;
    int argc = 2;
    enum cli_parse_result result;

    while (c->argv[argc - 2])
        argv[argc] = (char *)c->argv[argc - 2], argc++;
    result = revenue_parse_args(argc, argv, 2, &args, error, sizeof error);
    if (result == CLI_PARSE_OK) {
        summarize(&args, summary, sizeof summary);
        assert_string_equal(summary, c->summary);
    } else {
        assert_string_equal(error, c->summary);
    }
    assert_int_equal(result, c->result);
}

int main(void)
{
    return TABLE_RUN("revenue_args", args_cases, test_args);
}
