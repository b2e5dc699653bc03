/*
 * test_cli.c - the retain command, run as users run it: each row gives the
 * arguments, standard input and environment, and the exact standard
 * output, standard error and exit status expected.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd_calc.h"
#include "cli_table.h"
#include "run.h"
#include "table.h"

#define MAX      "9223372036854775807"
#define EXPECTED "(expected a whole number from 0 to " MAX ")"
#define TRY      "Try 'retain --help' for more information.\n"
#define MINUS    "\xe2\x88\x92"
#define DIV      "\xc3\xb7"
#define TIMES    "\xc3\x97"
#define HEADER                                                                 \
    "start,end,new,retained,lost,retention_rate,churn_rate,"                   \
    "simple_retention_rate,simple_churn_rate,warnings\n"
#define EXAMPLE_TEXT                                                           \
    "start (S)              1000\n"                                            \
    "end (E)                900\n"                                             \
    "new (N)                200\n"                                             \
    "retained (E " MINUS " N)       700\n"                                     \
    "lost (S " MINUS " retained)    300\n"                                     \
    "retention rate         [(900 " MINUS " 200) " DIV " 1000] " TIMES         \
    " 100 = 70.00%\n"                                                          \
    "churn rate             (300 " DIV " 1000) " TIMES " 100 = 30.00%\n"       \
    "simple retention rate  (900 " DIV " 1000) " TIMES " 100 = 90.00%\n"       \
    "simple churn rate      [(1000 " MINUS " 900) " DIV " 1000] " TIMES        \
    " 100 = 10.00%\n"
#define EXAMPLE_JSON                                                           \
    "{\"start\":1000,\"end\":900,\"new\":200,\"retained\":700,\"lost\":300,"   \
    "\"retention_rate\":70.00,\"churn_rate\":30.00,"                           \
    "\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"             \
    "\"warnings\":[]}\n"
#define NEW_ABOVE_END                                                          \
    "new (250) is greater than end (200): retained = end - new = -50, but "    \
    "no count of customers can be negative"
#define RETAINED_ABOVE_START                                                   \
    "end - new (900 - 100 = 800) is greater than start (500): more "           \
    "customers retained than there were at the start"

static const struct cli_row cli_cases[] = {
    /* The examples of --help, and the other worked cases of the README. */
    {"example text",
     {"-s", "1000", "-e", "900", "-n", "200"},
     NULL,
     0,
     EXAMPLE_TEXT,
     ""},
    {"example json",
     {"-s", "1000", "-e", "900", "-n", "200", "--format", "json"},
     NULL,
     0,
     EXAMPLE_JSON,
     ""},
    {"example only",
     {"-s", "1000", "-e", "900", "-n", "200", "--only", "retention_rate"},
     NULL,
     0,
     "70.00\n",
     ""},
    {"example simple only",
     {"-s", "100", "-e", "99"},
     NULL,
     0,
     NULL,
     "",
     .golden = "cli/example-simple-only"},
    {"long options",
     {"--start", "1000", "--end=900", "--new", "200", "-f", "json"},
     NULL,
     0,
     EXAMPLE_JSON,
     ""},
    {"attached values",
     {"-s1000", "-e900", "-n200", "-fjson"},
     NULL,
     0,
     EXAMPLE_JSON,
     ""},
    /* Every case also runs in a German locale: test_cli_de in CTest. */
    {"two thirds",
     {"-s", "3", "-e", "2", "-n", "0", "-f", "json"},
     NULL,
     0,
     "{\"start\":3,\"end\":2,\"new\":0,\"retained\":2,\"lost\":1,"
     "\"retention_rate\":66.67,\"churn_rate\":33.33,"
     "\"simple_retention_rate\":66.67,\"simple_churn_rate\":33.33,"
     "\"warnings\":[]}\n",
     ""},
    {"second example",
     {"-s", "1000", "-e", "800", "-n", "200", "-f", "csv"},
     NULL,
     0,
     HEADER "1000,800,200,600,400,60.00,40.00,80.00,20.00,\n",
     ""},
    {"csv no header",
     {"-s", "1000", "-e", "900", "-n", "200", "-f", "csv", "--no-header"},
     NULL,
     0,
     "1000,900,200,700,300,70.00,30.00,90.00,10.00,\n",
     ""},
    {"tsv",
     {"-s", "100", "-e", "99", "-f", "tsv"},
     NULL,
     0,
     "start\tend\tnew\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "100\t99\t\t\t\t\t\t99.00\t1.00\t\n",
     ""},
    {"precision 0 rounds half up",
     {"-s", "8", "-e", "1", "-n", "0", "-p", "0", "--only", "retention_rate"},
     NULL,
     0,
     "13\n",
     ""},
    {"precision 12",
     {"-s", "3", "-e", "2", "-n", "0", "--precision", "12", "--only",
      "churn_rate"},
     NULL,
     0,
     "33.333333333333\n",
     ""},
    {"exact 1.005 rounds up",
     {"-s", "200000", "-e", "2010", "-n", "0", "--only", "retention_rate"},
     NULL,
     0,
     "1.01\n",
     ""},
    {"only counts",
     {"-s", "1000", "-e", "200", "-n", "250", "--only", "lost"},
     NULL,
     0,
     "1050\n",
     "retain: warning: " NEW_ABOVE_END "\n"},
    {"only warnings",
     {"-s", "500", "-e", "900", "-n", "100", "--only", "warnings"},
     NULL,
     0,
     RETAINED_ABOVE_START "\n",
     "retain: warning: " RETAINED_ABOVE_START "\n"},
    {"largest counts",
     {"-s", MAX, "-e", "0", "-n", MAX, "-f", "csv", "--no-header"},
     NULL,
     0,
     MAX ",0," MAX ",-" MAX ",18446744073709551614,-100.00,200.00,0.00,"
         "100.00,\"new (" MAX ") is greater than end (0): retained = end - new "
         "= -" MAX ", but no count of customers can be negative\"\n",
     "retain: warning: new (" MAX ") is greater than end (0): retained = end "
     "- new = -" MAX ", but no count of customers can be negative\n"},

    /* Inconsistent counts: figures and a warning; --strict makes it 1. */
    {"new above end",
     {"-s", "1000", "-e", "200", "-n", "250", "-f", "json"},
     NULL,
     0,
     "{\"start\":1000,\"end\":200,\"new\":250,\"retained\":-50,\"lost\":1050,"
     "\"retention_rate\":-5.00,\"churn_rate\":105.00,"
     "\"simple_retention_rate\":20.00,\"simple_churn_rate\":80.00,"
     "\"warnings\":[\"" NEW_ABOVE_END "\"]}\n",
     "retain: warning: " NEW_ABOVE_END "\n"},
    {"new above end strict",
     {"-s", "1000", "-e", "200", "-n", "250", "--strict", "--only", "retained"},
     NULL,
     1,
     "-50\n",
     "retain: warning: " NEW_ABOVE_END "\n"},
    {"retained above start strict",
     {"-s", "500", "-e", "900", "-n", "100", "--strict", "-f", "csv"},
     NULL,
     1,
     HEADER
     "500,900,100,800,-300,160.00,-60.00,180.00,-80.00," RETAINED_ABOVE_START
     "\n",
     "retain: warning: " RETAINED_ABOVE_START "\n"},
    {"consistent strict",
     {"-s", "10", "-e", "10", "-n", "0", "--strict", "--only", "churn_rate"},
     NULL,
     0,
     "0.00\n",
     ""},

    /* Invalid input: nothing computed, exit 2. */
    {"start zero",
     {"-s", "0", "-e", "5", "-n", "0"},
     NULL,
     2,
     "",
     "retain: option -s/--start: start is 0, so no rate is defined "
     "(expected at least 1 customer at the start)\n"},
    {"letters",
     {"-s", "12x", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: not a whole number: '12x' " EXPECTED "\n"},
    {"negative",
     {"-s", "1", "-e", "-5"},
     NULL,
     2,
     "",
     "retain: option -e/--end: a count cannot be negative: '-5' " EXPECTED
     "\n"},
    {"fraction",
     {"-s", "1", "-e", "1", "-n", "1.5"},
     NULL,
     2,
     "",
     "retain: option -n/--new: not a whole number: '1.5' " EXPECTED "\n"},
    {"exponent",
     {"-s", "1e3", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: exponent notation is not allowed: "
     "'1e3' " EXPECTED "\n"},
    {"hex",
     {"-s", "0x10", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: only decimal digits are allowed: "
     "'0x10' " EXPECTED "\n"},
    {"empty",
     {"-s", "", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: empty value: '' " EXPECTED "\n"},
    {"too large",
     {"-s", "99999999999999999999", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: too large: '99999999999999999999' (the "
     "largest count is " MAX ")\n"},
    {"2^63",
     {"-s", "1", "-e", "9223372036854775808"},
     NULL,
     2,
     "",
     "retain: option -e/--end: too large: '9223372036854775808' (the "
     "largest count is " MAX ")\n"},
    {"plus hint",
     {"-s", "+5", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: a leading '+' is not allowed: '+5' (write "
     "5)\n"},
    {"space hint",
     {"-s", " 5", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: white space is not allowed: ' 5' (write "
     "5)\n"},
    {"thousands hint",
     {"-s", "1,000", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start: thousands separators are not allowed: "
     "'1,000' (write 1000)\n"},
    {"missing value",
     {"-s"},
     NULL,
     2,
     "",
     "retain: option -s/--start needs a value\n" TRY},
    {"repeated option",
     {"-s", "1", "-s", "2", "-e", "1"},
     NULL,
     2,
     "",
     "retain: option -s/--start given more than once\n" TRY},
    {"unknown option",
     {"--frobnicate"},
     NULL,
     2,
     "",
     "retain: unknown option '--frobnicate'\n" TRY},
    {"unknown command",
     {"frobnicate"},
     NULL,
     2,
     "",
     "retain: unknown command 'frobnicate'\n" TRY},
    {"no arguments",
     {NULL},
     NULL,
     2,
     "",
     "retain: missing option -s/--start (customers at the start of the "
     "period)\n" TRY},
    {"missing end",
     {"-s", "5"},
     NULL,
     2,
     "",
     "retain: missing option -e/--end (customers at the end of the "
     "period)\n" TRY},
    {"stray operand",
     {"-s", "5", "-e", "4", "x"},
     NULL,
     2,
     "",
     "retain: unexpected argument 'x' (the counts are given as options: -s "
     "START -e END -n NEW)\n" TRY},
    {"bad format",
     {"-s", "5", "-e", "4", "-f", "xml"},
     NULL,
     2,
     "",
     "retain: option -f/--format: unknown format: 'xml' (expected text, "
     "json, csv, tsv, markdown or svg)\n"},
    {"bad precision",
     {"-s", "5", "-e", "4", "-p", "13"},
     NULL,
     2,
     "",
     "retain: option -p/--precision: too many digits: '13' (expected "
     "a whole number from 0 to 12)\n"},
    {"unknown only field",
     {"-s", "5", "-e", "4", "--only", "rate"},
     NULL,
     2,
     "",
     "retain: option --only: unknown field: 'rate' (expected start, end, "
     "new, retained, lost, retention_rate, churn_rate, "
     "simple_retention_rate, simple_churn_rate, warnings, period, per, "
     "retention_rate_per, "
     "churn_rate_per, expected_lifetime, expected_lifetime_years, "
     "median_lifetime, median_lifetime_years, margin, discount_rate or "
     "lifetime_value)\n"},
    {"only needs new",
     {"-s", "5", "-e", "4", "--only", "retention_rate"},
     NULL,
     2,
     "",
     "retain: option --only: retention_rate needs -n/--new (the count of new "
     "customers)\n" TRY},

    /* Help, version, and the output stream. */
    {"help", {"--help"}, NULL, 0, NULL, "", .golden = "help/calc"},
    {"help short", {"-h"}, NULL, 0, NULL, "", .golden = "help/calc"},
    {"version", {"--version"}, NULL, 0, "retain 0.1.0\n", ""},
    {"dev full",
     {"-s", "1000", "-e", "900", "-n", "200"},
     NULL,
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"dev full help",
     {"--help"},
     NULL,
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"closed pipe",
     {"-s", "1000", "-e", "900", "-n", "200"},
     NULL,
     128 + 13,
     "",
     "",
     RUN_CLOSED_PIPE},
    {"closed pipe, SIGPIPE ignored: the output is incomplete",
     {"-s", "1000", "-e", "900", "-n", "200"},
     NULL,
     3,
     "",
     "retain: write error on standard output: Broken pipe\n",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED},
};

/*
 * Each row; under valgrind every eighth one (cli_row_check_sampled(): the
 * others run without it; the sanitizer stage runs them all).
 */
static void test_cli_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - cli_cases), 8);
}

int main(void)
{
    return TABLE_RUN("cli", cli_cases, test_cli_row);
}
