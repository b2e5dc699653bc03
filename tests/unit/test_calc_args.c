/* test_calc_args.c - the core command's command line, read into a struct. */
#include <stdio.h>
#include <string.h>

#include "calc_args.h"
#include "table.h"

struct args_case {
    const char *name;
    const char *argv[14];
    enum cli_parse_result result;
    const char *summary; /* the parsed struct, or the error message */
};

#define MAX      "9223372036854775807"
#define EXPECTED "(expected a whole number from 0 to " MAX ")"

static const struct args_case args_cases[] = {
    {"short options",
     {"-s", "1000", "-e", "900", "-n", "200"},
     CLI_PARSE_OK,
     "run s=1000 e=900 n=200 p=2 f=0 header strict=0 only=-"},
    {"long options",
     {"--start", "1000", "--end=900", "--new", "200"},
     CLI_PARSE_OK,
     "run s=1000 e=900 n=200 p=2 f=0 header strict=0 only=-"},
    {"attached and reordered",
     {"-n200", "-e900", "-s1000"},
     CLI_PARSE_OK,
     "run s=1000 e=900 n=200 p=2 f=0 header strict=0 only=-"},
    {"no new",
     {"-s", "100", "-e", "99"},
     CLI_PARSE_OK,
     "run s=100 e=99 n=- p=2 f=0 header strict=0 only=-"},
    {"every output option",
     {"-s1", "-e1", "-n0", "-p", "0", "-f", "tsv", "--no-header", "--strict"},
     CLI_PARSE_OK,
     "run s=1 e=1 n=0 p=0 f=3 noheader strict=1 only=-"},
    {"every option with only",
     {"-s1", "-e1", "-n0", "-p", "0", "-f", "json", "--strict", "--only",
      "simple_churn_rate"},
     CLI_PARSE_OK,
     "run s=1 e=1 n=0 p=0 f=1 header strict=1 only=8"},
    {"largest",
     {"-s", MAX, "-e", MAX, "-n", MAX},
     CLI_PARSE_OK,
     "run s=" MAX " e=" MAX " n=" MAX " p=2 f=0 header strict=0 only=-"},
    {"precision 12",
     {"-s1", "-e1", "-p12"},
     CLI_PARSE_OK,
     "run s=1 e=1 n=- p=12 f=0 header strict=0 only=-"},
    {"help alone", {"--help"}, CLI_PARSE_OK, "help"},
    {"help wins over version", {"-V", "-h"}, CLI_PARSE_OK, "help"},
    {"version", {"-V"}, CLI_PARSE_OK, "version"},
    {"help with bad value still fails",
     {"-h", "-s", "x"},
     CLI_PARSE_INVALID,
     "option -s/--start: not a whole number: 'x' " EXPECTED},
    {"missing start",
     {"-e", "1"},
     CLI_PARSE_USAGE,
     "missing option -s/--start (customers at the start of the period)"},
    {"missing end",
     {"-s", "1"},
     CLI_PARSE_USAGE,
     "missing option -e/--end (customers at the end of the period)"},
    {"nothing",
     {NULL},
     CLI_PARSE_USAGE,
     "missing option -s/--start (customers at the start of the period)"},
    {"operand",
     {"-s1", "-e1", "x"},
     CLI_PARSE_USAGE,
     "unexpected argument 'x' (the counts are given as options: -s START -e "
     "END -n NEW)"},
    {"operand after double dash",
     {"-s1", "--", "-e1"},
     CLI_PARSE_USAGE,
     "unexpected argument '-e1' (the counts are given as options: -s START "
     "-e END -n NEW)"},
    {"value forgotten",
     {"-s", "-e", "5"},
     CLI_PARSE_USAGE,
     "option -s/--start needs a value (got option '-e')"},
    {"negative value still a value",
     {"-s", "5", "-e", "-1"},
     CLI_PARSE_INVALID,
     "option -e/--end: a count cannot be negative: '-1' " EXPECTED},

    /* Options that only change what another option prints need it. */
    {"money precision needs margin",
     {"-s1", "-e1", "-n0", "--money-precision", "3"},
     CLI_PARSE_USAGE,
     "option --money-precision needs --margin (it sets the decimals of the "
     "lifetime value)"},
    {"discount needs margin",
     {"-s1", "-e1", "-n0", "--discount", "1%"},
     CLI_PARSE_USAGE,
     "option --discount needs --margin (it discounts the lifetime value)"},
    {"per needs period",
     {"-s1", "-e1", "-n0", "--per", "year"},
     CLI_PARSE_USAGE,
     "option --per needs --period (the length of the measured period, to "
     "know how many of them make one year)"},
    {"no header needs csv or tsv",
     {"-s1", "-e1", "--no-header", "-f", "json"},
     CLI_PARSE_USAGE,
     "option --no-header needs -f csv or -f tsv (only they have a header "
     "line)"},
    {"no header with tsv",
     {"-s1", "-e1", "--no-header", "-f", "tsv"},
     CLI_PARSE_OK,
     "run s=1 e=1 n=- p=2 f=3 noheader strict=0 only=-"},
    {"lifetime needs new, naming the option",
     {"-s1", "-e1", "--margin", "5"},
     CLI_PARSE_USAGE,
     "option --margin needs -n/--new (lifetimes, lifetime value and rates "
     "per another period come from the retention rate)"},
    {"only a rate needs new",
     {"-s1", "-e1", "--only", "churn_rate"},
     CLI_PARSE_USAGE,
     "option --only: churn_rate needs -n/--new (the count of new "
     "customers)"},
    {"only a lifetime needs new",
     {"-s1", "-e1", "--only", "median_lifetime"},
     CLI_PARSE_USAGE,
     "option --only: median_lifetime needs -n/--new (the count of new "
     "customers)"},
    {"only a converted rate needs per",
     {"-s1", "-e1", "-n0", "--period", "month", "--only", "churn_rate_per"},
     CLI_PARSE_USAGE,
     "option --only: churn_rate_per needs --per"},
    {"only a converted rate needs period and per",
     {"-s1", "-e1", "-n0", "--only", "retention_rate_per"},
     CLI_PARSE_USAGE,
     "option --only: retention_rate_per needs --period and --per"},
    {"only years need period",
     {"-s1", "-e1", "-n0", "--only", "expected_lifetime_years"},
     CLI_PARSE_USAGE,
     "option --only: expected_lifetime_years needs --period"},
    {"only lifetime value needs margin",
     {"-s1", "-e1", "-n0", "--only", "lifetime_value"},
     CLI_PARSE_USAGE,
     "option --only: lifetime_value needs --margin"},
    {"no header with only",
     {"-s1", "-e1", "-n0", "-f", "csv", "--no-header", "--only", "start"},
     CLI_PARSE_USAGE,
     "option --no-header does nothing with --only (--only prints one "
     "figure, with no header line)"},
    {"precision with only a count",
     {"-s1", "-e1", "-n0", "-p1", "--only", "lost"},
     CLI_PARSE_USAGE,
     "option -p/--precision does nothing with --only lost (lost does not "
     "depend on it)"},
    {"precision with only a rate",
     {"-s1", "-e1", "-n0", "-p1", "--only", "churn_rate"},
     CLI_PARSE_OK,
     "run s=1 e=1 n=0 p=1 f=0 header strict=0 only=6"},
    {"period with only a lifetime in periods",
     {"-s1", "-e1", "-n0", "--period", "week", "--only", "median_lifetime"},
     CLI_PARSE_USAGE,
     "option --period does nothing with --only median_lifetime "
     "(median_lifetime does not depend on it)"},
    {"discount with only the margin",
     {"-s1", "-e1", "-n0", "--margin", "1", "--discount", "1%", "--only",
      "margin"},
     CLI_PARSE_USAGE,
     "option --discount does nothing with --only margin (margin does not "
     "depend on it)"},
    {"lifetime with only a lifetime",
     {"-s1", "-e1", "-n0", "--lifetime", "--only", "expected_lifetime"},
     CLI_PARSE_USAGE,
     "option --lifetime does nothing with --only expected_lifetime (--only "
     "asks for that figure already)"},
    {"lifetime beside period",
     {"-s1", "-e1", "-n0", "--period", "week", "--lifetime"},
     CLI_PARSE_USAGE,
     "option --lifetime does nothing with --period (which adds the "
     "lifetimes too)"},
    {"strict needs new",
     {"-s1", "-e1", "--strict"},
     CLI_PARSE_USAGE,
     "option --strict needs -n/--new (without the count of new customers, "
     "the counts cannot contradict each other)"},
    {"only a count without new is fine",
     {"-s1", "-e1", "--only", "start"},
     CLI_PARSE_OK,
     "run s=1 e=1 n=- p=2 f=0 header strict=0 only=0"},
    {"repeated",
     {"-s1", "-s2", "-e1"},
     CLI_PARSE_USAGE,
     "option -s/--start given more than once"},
    {"unknown", {"--bogus"}, CLI_PARSE_USAGE, "unknown option '--bogus'"},
    {"missing value",
     {"-s1", "-e"},
     CLI_PARSE_USAGE,
     "option -e/--end needs a value"},
    {"letters",
     {"-s", "12x", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: not a whole number: '12x' " EXPECTED},
    {"negative",
     {"-s1", "-e", "-5"},
     CLI_PARSE_INVALID,
     "option -e/--end: a count cannot be negative: '-5' " EXPECTED},
    {"fraction",
     {"-s1", "-e1", "-n", "1.5"},
     CLI_PARSE_INVALID,
     "option -n/--new: not a whole number: '1.5' " EXPECTED},
    {"exponent",
     {"-s", "1e3", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: exponent notation is not allowed: '1e3' " EXPECTED},
    {"hex",
     {"-s", "0x10", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: only decimal digits are allowed: '0x10' " EXPECTED},
    {"empty",
     {"--start=", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: empty value: '' " EXPECTED},
    {"too large",
     {"-s", "99999999999999999999", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: too large: '99999999999999999999' (the largest "
     "count is " MAX ")"},
    {"2^63",
     {"-s", "9223372036854775808", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: too large: '9223372036854775808' (the largest "
     "count is " MAX ")"},
    {"plus",
     {"-s", "+5", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: a leading '+' is not allowed: '+5' (write 5)"},
    {"spaces",
     {"-s", " 5 ", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: white space is not allowed: ' 5 ' (write 5)"},
    {"thousands",
     {"-s", "1,000", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: thousands separators are not allowed: '1,000' "
     "(write 1000)"},
    {"control bytes quoted",
     {"-s", "1\t\x1b", "-e1"},
     CLI_PARSE_INVALID,
     "option -s/--start: white space is not allowed: '1\\t\\x{1b}' " EXPECTED},
    {"precision 13",
     {"-s1", "-e1", "-p13"},
     CLI_PARSE_INVALID,
     "option -p/--precision: too many digits: '13' (expected a whole "
     "number from 0 to 12)"},
    {"precision negative",
     {"-s1", "-e1", "-p", "-1"},
     CLI_PARSE_INVALID,
     "option -p/--precision: not a number of digits: '-1' (expected a whole "
     "number from 0 to 12)"},
    {"format unknown",
     {"-s1", "-e1", "-f", "xml"},
     CLI_PARSE_INVALID,
     "option -f/--format: unknown format: 'xml' (expected text, json, csv, "
     "tsv, markdown or svg)"},
    {"only unknown",
     {"-s1", "-e1", "--only", "rate"},
     CLI_PARSE_INVALID,
     "option --only: unknown field: 'rate' (expected start, end, new, "
     "retained, lost, retention_rate, churn_rate, simple_retention_rate, "
     "simple_churn_rate, warnings, period, per, retention_rate_per, "
     "churn_rate_per, expected_lifetime, expected_lifetime_years, "
     "median_lifetime, median_lifetime_years, margin, discount_rate or "
     "lifetime_value)"},
};

static void summarize(const struct calc_args *a, char *buf, size_t size)
{
    char n[32] = "-", only[8] = "-";

    if (a->action != CALC_RUN) {
        snprintf(buf, size, "%s", a->action == CALC_HELP ? "help" : "version");
        return;
    }
    if (a->counts.has_new)
        snprintf(n, sizeof n, "%llu",
                 (unsigned long long)a->counts.new_customers);
    if (a->output.has_only)
        snprintf(only, sizeof only, "%d", (int)a->output.only);
    snprintf(buf, size, "run s=%llu e=%llu n=%s p=%u f=%d %s strict=%d only=%s",
             (unsigned long long)a->counts.start,
             (unsigned long long)a->counts.end, n, a->precision,
             (int)a->output.format, a->output.header ? "header" : "noheader",
             a->strict, only);
}

static void test_args(void **state)
{
    const struct args_case *c = *state;
    char *argv[16] = {(char *)"retain"}, error[1024] = "", summary[256];
    struct calc_args args;
    int argc = 1;
    enum cli_parse_result result;

    while (c->argv[argc - 1])
        argv[argc] = (char *)c->argv[argc - 1], argc++;
    result = calc_parse_args(argc, argv, 1, &args, error, sizeof error);
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
    return TABLE_RUN("calc_args", args_cases, test_args);
}
