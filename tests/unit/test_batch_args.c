/*
 * test_batch_args.c - retain batch's command line, read into a struct:
 * each accepted case shows the fields that parsing set, each refused one
 * its exact message and kind.
 */
#include <stdio.h>
#include <string.h>

#include "batch_args.h"
#include "table.h"

struct args_case {
    const char *name;
    const char *argv[14];
    enum cli_parse_result result;
    const char *summary; /* the parsed struct, or the error message */
};

#define DEFAULTS_AFTER_FORMAT                                                  \
    " in=- p=2 strict=0 header=1 columns=- cols=-/-/- summary=0 group=- "      \
    "summary_file=- jobs=2 lifetime=0"
#define DEFAULTS "help=0 f=2 given=0 out=," DEFAULTS_AFTER_FORMAT

static const struct args_case args_cases[] = {
    {"nothing: standard input", {NULL}, CLI_PARSE_OK, DEFAULTS " files="},
    {"operands around options",
     {"a.csv", "-f", "tsv", "b.csv"},
     CLI_PARSE_OK,
     "help=0 f=3 given=1 out=\\t" DEFAULTS_AFTER_FORMAT " files=a.csv,b.csv"},
    {"dash is standard input", {"-"}, CLI_PARSE_OK, DEFAULTS " files=-"},
    {"double dash ends the options",
     {"--", "-f", "--jobs=3"},
     CLI_PARSE_OK,
     DEFAULTS " files=-f,--jobs=3"},
    {"text keeps the comma",
     {"-f", "text"},
     CLI_PARSE_OK,
     "help=0 f=0 given=1 out=," DEFAULTS_AFTER_FORMAT " files="},
    {"equals and attached values",
     {"--delimiter=tab", "-p0", "--jobs=64", "--start-col=S0", "--end-col",
      "E0", "--new-col=N0", "x.tsv"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=\\t p=0 strict=0 header=1 columns=- "
     "cols=S0/E0/N0 summary=0 group=- summary_file=- jobs=64 lifetime=0 "
     "files=x.tsv"},
    {"attached short values",
     {"-d;", "-j1"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=; p=2 strict=0 header=1 columns=- "
     "cols=-/-/- summary=0 group=- summary_file=- jobs=1 lifetime=0 files="},
    {"headerless input names its columns",
     {"--no-header", "--columns", "p,s,e", "--strict"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=- p=2 strict=1 header=0 columns=p,s,e "
     "cols=-/-/- summary=0 group=- summary_file=- jobs=2 lifetime=0 files="},
    {"summary",
     {"--summary"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=- p=2 strict=0 header=1 columns=- "
     "cols=-/-/- summary=1 group=- summary_file=- jobs=2 lifetime=0 files="},
    {"a group asks for the summary",
     {"--group-by", "segment"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=- p=2 strict=0 header=1 columns=- "
     "cols=-/-/- summary=1 group=segment summary_file=- jobs=2 lifetime=0 "
     "files="},
    {"a summary file asks for the summary",
     {"--summary-file=s.csv", "in.csv"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=- p=2 strict=0 header=1 columns=- "
     "cols=-/-/- summary=1 group=- summary_file=s.csv jobs=2 lifetime=0 "
     "files=in.csv"},
    {"figures beyond the period",
     {"--period", "month", "--per=year", "--margin", "49.90"},
     CLI_PARSE_OK,
     "help=0 f=2 given=0 out=, in=- p=2 strict=0 header=1 columns=- "
     "cols=-/-/- summary=0 group=- summary_file=- jobs=2 lifetime=1 "
     "period=3 per=5 margin=49900000 files="},
    {"help, repeated, in a cluster",
     {"-hh", "--help", "-j3"},
     CLI_PARSE_OK,
     "help=1 f=2 given=0 out=, in=- p=2 strict=0 header=1 columns=- "
     "cols=-/-/- summary=0 group=- summary_file=- jobs=3 lifetime=0 files="},
    {"help skips the checks together",
     {"--no-header", "-h", "-", "-"},
     CLI_PARSE_OK,
     "help=1 f=2 given=0 out=, in=- p=2 strict=0 header=0 columns=- "
     "cols=-/-/- summary=0 group=- summary_file=- jobs=2 lifetime=0 "
     "files=-,-"},

    /* Malformed command lines. */
    {"unknown option",
     {"--bogus"},
     CLI_PARSE_USAGE,
     "unknown option '--bogus'"},
    {"unknown in a cluster", {"-hx"}, CLI_PARSE_USAGE, "unknown option '-x'"},
    {"repeated",
     {"-j1", "--jobs", "2"},
     CLI_PARSE_USAGE,
     "option -j/--jobs given more than once"},
    {"value forgotten",
     {"-d", "-f", "csv"},
     CLI_PARSE_USAGE,
     "option -d/--delimiter needs a value (got option '-f')"},
    {"the end of the options is no value",
     {"--start-col", "--", "a.csv"},
     CLI_PARSE_USAGE,
     "option --start-col needs a value (got '--', which ends the options; "
     "write '--start-col=--' if it is the value)"},
    {"flag with a value",
     {"--summary=yes"},
     CLI_PARSE_USAGE,
     "option --summary takes no value"},
    {"missing value at the end",
     {"a.csv", "-j"},
     CLI_PARSE_USAGE,
     "option -j/--jobs needs a value"},
    {"no header without columns",
     {"--no-header"},
     CLI_PARSE_USAGE,
     "option --no-header needs --columns NAMES (the names of the columns, "
     "e.g. --columns period,start,end,new)"},
    {"columns without no header",
     {"--columns", "a,b"},
     CLI_PARSE_USAGE,
     "option --columns needs --no-header (with a header line, the header "
     "names the columns)"},
    {"one column for two counts",
     {"--new-col", "x", "--start-col", "x"},
     CLI_PARSE_USAGE,
     "options --start-col and --new-col both name the column 'x' (expected "
     "a different column for each count)"},
    {"per needs period",
     {"--per", "year"},
     CLI_PARSE_USAGE,
     "option --per needs --period (the length of the measured period, to "
     "know how many of them make one year)"},
    {"discount needs margin",
     {"--discount", "1%"},
     CLI_PARSE_USAGE,
     "option --discount needs --margin (it discounts the lifetime value)"},

    /* Wrong values. */
    {"standard input twice",
     {"-", "a.csv", "-"},
     CLI_PARSE_INVALID,
     "standard input (-) is named twice (expected each input once: it can "
     "be read only once)"},
    {"jobs 0",
     {"-j0"},
     CLI_PARSE_INVALID,
     "option -j/--jobs: out of range: '0' (expected a whole number from 1 "
     "to 64)"},
    {"jobs 65",
     {"--jobs=65"},
     CLI_PARSE_INVALID,
     "option -j/--jobs: out of range: '65' (expected a whole number from 1 "
     "to 64)"},
    {"jobs in words",
     {"-j", "two"},
     CLI_PARSE_INVALID,
     "option -j/--jobs: not a number of threads: 'two' (expected a whole "
     "number from 1 to 64)"},
    {"unknown delimiter",
     {"-d", "|"},
     CLI_PARSE_INVALID,
     "option -d/--delimiter: unknown delimiter: '|' (expected ',', ';' or "
     "tab)"},
    {"unknown format",
     {"-f", "xml", "a.csv"},
     CLI_PARSE_INVALID,
     "option -f/--format: unknown format: 'xml' (expected text, json, csv, "
     "tsv, markdown or svg)"},
    {"precision 13",
     {"-p13"},
     CLI_PARSE_INVALID,
     "option -p/--precision: too many digits: '13' (expected a whole number "
     "from 0 to 12)"},
    {"empty column",
     {"--end-col="},
     CLI_PARSE_INVALID,
     "option --end-col: empty value (expected a column name)"},
    {"empty columns",
     {"--no-header", "--columns="},
     CLI_PARSE_INVALID,
     "option --columns: empty value (expected the column names, separated "
     "by commas)"},
    {"empty group",
     {"--group-by="},
     CLI_PARSE_INVALID,
     "option --group-by: empty value (expected a column name)"},
    {"empty summary file",
     {"--summary-file="},
     CLI_PARSE_INVALID,
     "option --summary-file: empty value (expected a file name)"},
    {"unknown period",
     {"--period", "fortnight"},
     CLI_PARSE_INVALID,
     "option --period: unknown length of period: 'fortnight' (expected day, "
     "week, month, quarter or year)"},
    {"help with a bad value still fails",
     {"-h", "-j0"},
     CLI_PARSE_INVALID,
     "option -j/--jobs: out of range: '0' (expected a whole number from 1 "
     "to 64)"},
};

static const char *or_dash(const char *text)
{
    return text ? text : "-";
}

static void show_delimiter(char c, char *buf, size_t size)
{
    if (c == '\t')
        snprintf(buf, size, "\\t");
    else if (c == '\0')
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%c", c);
}

static void show_files(const struct batch_args *a, char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < a->file_count && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "," : "",
                                a->files[i]);
}

static void show_lifetime(const struct batch_args *a, char *buf, size_t size)
{
    const struct rt_lifetime_options *l = &a->options.lifetime_options;

    if (!a->options.lifetime) {
        snprintf(buf, size, "lifetime=0");
        return;
    }
    snprintf(buf, size, "lifetime=1 period=%d per=%d margin=%llu",
             (int)l->period, (int)l->per, (unsigned long long)l->margin);
}

static void summarize(const struct batch_args *a, char *buf, size_t size)
{
    const struct rt_batch_options *o = &a->options;
    char out[4], in[4], files[256], lifetime[96];

    show_delimiter(o->out_delimiter, out, sizeof out);
    show_delimiter(o->in_delimiter, in, sizeof in);
    show_files(a, files, sizeof files);
    show_lifetime(a, lifetime, sizeof lifetime);
    snprintf(buf, size,
             "help=%d f=%d given=%d out=%s in=%s p=%u strict=%d header=%d "
             "columns=%s cols=%s/%s/%s summary=%d group=%s summary_file=%s "
             "jobs=%u %s files=%s",
             a->help, (int)o->format, o->format_given, out, in, o->precision,
             o->strict, o->header, or_dash(o->columns), or_dash(o->start_col),
             or_dash(o->end_col), or_dash(o->new_col), o->summary,
             or_dash(o->group_by), or_dash(a->summary_file), o->jobs, lifetime,
             files);
}

static void test_args(void **state)
{
    const struct args_case *c = *state;
    char *argv[16] = {(char *)"retain", (char *)"batch"};
    char error[1024] = "", summary[512];
    const char *files[16];
    struct batch_args args = {0};
    int argc = 2;
    enum cli_parse_result result;

    while (c->argv[argc - 2])
        argv[argc] = (char *)c->argv[argc - 2], argc++;
    args.files = files;
    result = batch_parse_args(argc, argv, 2, &args, error, sizeof error);
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
    return TABLE_RUN("batch_args", args_cases, test_args);
}
