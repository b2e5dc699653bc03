/*
 * test_ids_args.c - retain ids's command line, read into a struct: each
 * accepted case shows the fields that parsing set, each refused one its
 * exact message and kind.
 */
#include <stdio.h>
#include <string.h>

#include "ids_args.h"
#include "table.h"

struct args_case {
    const char *name;
    const char *argv[14];
    enum cli_parse_result result;
    const char *summary; /* the parsed struct, or the error message */
};

/* The fields between the input options and the files, by default. */
#define OUTPUT " list=- to=- f=0 p=2 pg=0 header=1 only=- strict=0"
#define PLAIN  "help=0 trim=0 ic=0 col=- d=-" OUTPUT

#define ONLY_FIELDS                                                            \
    "(expected start, end, new, retained, lost, retention_rate, churn_rate, "  \
    "simple_retention_rate, simple_churn_rate, warnings, period, per, "        \
    "retention_rate_per, churn_rate_per, expected_lifetime, "                  \
    "expected_lifetime_years, median_lifetime, median_lifetime_years, "        \
    "margin, discount_rate or lifetime_value)"

static const struct args_case args_cases[] = {
    {"two files",
     {"a.txt", "b.txt"},
     CLI_PARSE_OK,
     PLAIN " files=2 a.txt b.txt lifetime=0"},
    {"options after the files",
     {"a.txt", "b.txt", "--trim", "--ignore-case"},
     CLI_PARSE_OK,
     "help=0 trim=1 ic=1 col=- d=-" OUTPUT " files=2 a.txt b.txt lifetime=0"},
    {"dash is standard input",
     {"-", "b.txt"},
     CLI_PARSE_OK,
     PLAIN " files=2 - b.txt lifetime=0"},
    {"double dash ends the options",
     {"--trim", "--", "-a", "--ignore-case"},
     CLI_PARSE_OK,
     "help=0 trim=1 ic=0 col=- d=-" OUTPUT
     " files=2 -a --ignore-case lifetime=0"},
    {"id column and delimiter",
     {"--id-column=customer_id", "-d", "tab", "a.tsv", "b.tsv"},
     CLI_PARSE_OK,
     "help=0 trim=0 ic=0 col=customer_id d=\\t" OUTPUT
     " files=2 a.tsv b.tsv lifetime=0"},
    {"a list instead of the figures",
     {"--list", "lost", "a", "b"},
     CLI_PARSE_OK,
     "help=0 trim=0 ic=0 col=- d=- list=lost to=- f=0 p=2 pg=0 header=1 "
     "only=- strict=0 files=2 a b lifetime=0"},
    {"a list to a file beside shaped figures",
     {"--list-to", "l.txt", "--list=retained", "-f", "json", "-p3", "a", "b"},
     CLI_PARSE_OK,
     "help=0 trim=0 ic=0 col=- d=- list=retained to=l.txt f=1 p=3 pg=1 "
     "header=1 only=- strict=0 files=2 a b lifetime=0"},
    {"attached values and no header",
     {"-fcsv", "-p0", "--no-header", "--strict", "a", "b"},
     CLI_PARSE_OK,
     "help=0 trim=0 ic=0 col=- d=- list=- to=- f=2 p=0 pg=1 header=0 only=- "
     "strict=1 files=2 a b lifetime=0"},
    {"only a rate",
     {"--only", "retention_rate", "a", "b"},
     CLI_PARSE_OK,
     "help=0 trim=0 ic=0 col=- d=- list=- to=- f=0 p=2 pg=0 header=1 only=5 "
     "strict=0 files=2 a b lifetime=0"},
    {"only a figure beyond the period",
     {"--period", "month", "--only=expected_lifetime_years", "a", "b"},
     CLI_PARSE_OK,
     "help=0 trim=0 ic=0 col=- d=- list=- to=- f=0 p=2 pg=0 header=1 "
     "only=beyond5 strict=0 files=2 a b lifetime=1 period=3 per=0"},
    {"help alone",
     {"-h"},
     CLI_PARSE_OK,
     "help=1 trim=0 ic=0 col=- d=-" OUTPUT " files=0 - - lifetime=0"},
    {"help, repeated, skips the checks",
     {"--help", "-h", "-", "-", "-"},
     CLI_PARSE_OK,
     "help=1 trim=0 ic=0 col=- d=-" OUTPUT " files=3 - - lifetime=0"},

    /* Malformed command lines. */
    {"nothing",
     {NULL},
     CLI_PARSE_USAGE,
     "missing file: expected START_FILE END_FILE (- for standard input)"},
    {"one file",
     {"a.txt"},
     CLI_PARSE_USAGE,
     "missing file: expected START_FILE END_FILE (- for standard input)"},
    {"too many files, the first named",
     {"a", "b", "c", "d"},
     CLI_PARSE_USAGE,
     "too many files: 'c' (expected START_FILE END_FILE)"},
    {"standard input twice",
     {"-", "-"},
     CLI_PARSE_USAGE,
     "START_FILE and END_FILE cannot both be standard input (-)"},
    {"delimiter without id column",
     {"-d", ",", "a", "b"},
     CLI_PARSE_USAGE,
     "option -d/--delimiter needs --id-column (a plain list has one ID per "
     "line and no delimiter)"},
    {"list to without list",
     {"--list-to", "l.txt", "a", "b"},
     CLI_PARSE_USAGE,
     "option --list-to needs --list lost|new|retained"},
    {"list and only",
     {"--list", "new", "--only", "lost", "a", "b"},
     CLI_PARSE_USAGE,
     "options --list and --only both ask for standard output: use --list-to "
     "FILE for the list"},
    {"list refuses the first shaping option",
     {"--list", "new", "-p", "3", "--period", "month", "a", "b"},
     CLI_PARSE_USAGE,
     "option -p/--precision shapes the figures, and --list prints IDs in "
     "their place (use --list-to FILE to have both)"},
    {"list refuses the first shaping option, in order",
     {"--period", "month", "-p3", "--list", "new", "a", "b"},
     CLI_PARSE_USAGE,
     "option --period shapes the figures, and --list prints IDs in their "
     "place (use --list-to FILE to have both)"},
    {"list refuses a flag that shapes",
     {"a", "b", "--list", "new", "--no-header"},
     CLI_PARSE_USAGE,
     "option --no-header shapes the figures, and --list prints IDs in their "
     "place (use --list-to FILE to have both)"},
    {"no header in text",
     {"--no-header", "a", "b"},
     CLI_PARSE_USAGE,
     "option --no-header needs -f csv or -f tsv (only they have a header "
     "line)"},
    {"discount needs margin",
     {"--discount", "1%", "a", "b"},
     CLI_PARSE_USAGE,
     "option --discount needs --margin (it discounts the lifetime value)"},
    {"repeated flag",
     {"--trim", "--trim"},
     CLI_PARSE_USAGE,
     "option --trim given more than once"},
    {"unknown short", {"a", "-x", "b"}, CLI_PARSE_USAGE, "unknown option '-x'"},
    {"value forgotten",
     {"--list", "--trim", "a", "b"},
     CLI_PARSE_USAGE,
     "option --list needs a value (got option '--trim')"},
    {"flag with a value",
     {"--trim=yes"},
     CLI_PARSE_USAGE,
     "option --trim takes no value"},

    /* Wrong values. */
    {"unknown list",
     {"--list", "gone", "a", "b"},
     CLI_PARSE_INVALID,
     "option --list: unknown list: 'gone' (expected lost, new or retained)"},
    {"empty id column",
     {"--id-column=", "a", "b"},
     CLI_PARSE_INVALID,
     "option --id-column: empty value (expected a column name)"},
    {"empty list file",
     {"--list-to="},
     CLI_PARSE_INVALID,
     "option --list-to: empty value (expected a file name)"},
    {"unknown delimiter",
     {"-d|"},
     CLI_PARSE_INVALID,
     "option -d/--delimiter: unknown delimiter: '|' (expected ',', ';' or "
     "tab)"},
    {"unknown field",
     {"--only", "rate", "a", "b"},
     CLI_PARSE_INVALID,
     "option --only: unknown field: 'rate' " ONLY_FIELDS},
    {"precision negative",
     {"-p", "-1"},
     CLI_PARSE_INVALID,
     "option -p/--precision: not a number of digits: '-1' (expected a whole "
     "number from 0 to 12)"},
    {"help with a bad value still fails",
     {"-h", "--list", "x"},
     CLI_PARSE_INVALID,
     "option --list: unknown list: 'x' (expected lost, new or retained)"},
};

static const char *or_dash(const char *text)
{
    return text ? text : "-";
}

static void show_only(const struct cli_output *o, char *buf, size_t size)
{
    if (!o->has_only)
        snprintf(buf, size, "-");
    else if (o->only_lifetime)
        snprintf(buf, size, "beyond%d", (int)o->only_beyond);
    else
        snprintf(buf, size, "%d", (int)o->only);
}

static void show_lifetime(const struct cli_lifetime *l, char *buf, size_t size)
{
    if (!l->wanted)
        snprintf(buf, size, "lifetime=0");
    else
        snprintf(buf, size, "lifetime=1 period=%d per=%d",
                 (int)l->options.period, (int)l->options.per);
}

static void summarize(const struct ids_args *a, char *buf, size_t size)
{
    static const char *const lists[] = {"lost", "new", "retained"};
    char only[16], lifetime[64];
    const char *d = a->options.delimiter == '\t'  ? "\\t"
                    : a->options.delimiter == ',' ? ","
                                                  : "-";

    show_only(&a->output, only, sizeof only);
    show_lifetime(&a->output.lifetime, lifetime, sizeof lifetime);
    snprintf(buf, size,
             "help=%d trim=%d ic=%d col=%s d=%s list=%s to=%s f=%d p=%u pg=%d "
             "header=%d only=%s strict=%d files=%zu %s %s %s",
             a->help, a->options.trim, a->options.ignore_case,
             or_dash(a->options.id_column), d,
             a->has_list ? lists[a->list] : "-", or_dash(a->list_to),
             (int)a->output.format, a->precision, a->output.precision_given,
             a->output.header, only, a->strict, a->file_count,
             or_dash(a->start_file), or_dash(a->end_file), lifetime);
}

static void test_args(void **state)
{
    const struct args_case *c = *state;
    char *argv[16] = {(char *)"retain", (char *)"ids"};
    char error[1024] = "", summary[512];
    struct ids_args args;
    int argc = 2;
    enum cli_parse_result result;

    while (c->argv[argc - 2])
        argv[argc] = (char *)c->argv[argc - 2], argc++;
    result = ids_parse_args(argc, argv, 2, &args, error, sizeof error);
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
    return TABLE_RUN("ids_args", args_cases, test_args);
}
