/*
 * test_cohorts_args.c - retain cohorts' command line, read into a struct:
 * each accepted case shows the fields that parsing set, each refused one
 * its exact message and kind.
 */
#include <stdio.h>
#include <string.h>

#include "cohorts_args.h"
#include "table.h"

struct args_case {
    const char *name;
    const char *argv[16];
    enum cli_parse_result result;
    const char *summary; /* the parsed struct, or the error message */
};

/* Every field at its default, after the files. */
#define DEFAULTS                                                               \
    "d=- id=- date=- dates=written period=month week=monday event=- "          \
    "start=[] return=[] signup=- group=- mode=on from=- as_of=- "              \
    "average=pooled/1 max=- f=csv/0 long=0 counts=0 header=1 strict=0 p=2 "    \
    "jobs=2"

static const struct args_case args_cases[] = {
    {"nothing: standard input", {NULL}, CLI_PARSE_OK, "files= " DEFAULTS},
    {"every column option",
     {"--id-col", "user", "--date-col=when", "--event-col", "kind",
      "--start-event", "signup", "--group-by", "plan", "log.csv"},
     CLI_PARSE_OK,
     "files=log.csv d=- id=user date=when dates=written period=month "
     "week=monday event=kind start=[signup] return=[] signup=- group=plan "
     "mode=on from=- as_of=- average=pooled/1 max=- f=csv/0 long=0 "
     "counts=0 header=1 strict=0 p=2 jobs=2"},
    {"start and return events repeat, in order",
     {"--event-col=e", "--return-event", "buy", "--start-event=a",
      "--return-event=renew", "--start-event", "b"},
     CLI_PARSE_OK,
     "files= d=- id=- date=- dates=written period=month week=monday "
     "event=e start=[a,b] return=[buy,renew] signup=- group=- mode=on "
     "from=- as_of=- average=pooled/1 max=- f=csv/0 long=0 counts=0 "
     "header=1 strict=0 p=2 jobs=2"},
    {"dates, periods and the cut-off",
     {"--utc", "--period", "week", "--week-start", "SUN", "--from",
      "2024-01-01", "--as-of=2024-12-31", "-d;", "a.csv", "b.tsv"},
     CLI_PARSE_OK,
     "files=a.csv,b.tsv d=; id=- date=- dates=utc period=week week=sunday "
     "event=- start=[] return=[] signup=- group=- mode=on "
     "from=2024-01-01 as_of=2024-12-31 average=pooled/1 max=- f=csv/0 "
     "long=0 counts=0 header=1 strict=0 p=2 jobs=2"},
    {"unix seconds, signups, the table's options",
     {"--date-format", "unix", "--cohort-col", "signup", "--mode",
      "on-or-after", "--average", "mean", "--max-periods", "0", "-f", "text",
      "-p0", "--strict", "-j1"},
     CLI_PARSE_OK,
     "files= d=- id=- date=- dates=unix period=month week=monday event=- "
     "start=[] return=[] signup=signup group=- mode=on-or-after from=- "
     "as_of=- average=mean/1 max=0 f=text/1 long=0 counts=0 header=1 "
     "strict=1 p=0 jobs=1"},
    {"long tsv without a header or an average",
     {"--long", "-ftsv", "--no-header", "--no-average", "--period=day"},
     CLI_PARSE_OK,
     "files= d=- id=- date=- dates=written period=day week=monday event=- "
     "start=[] return=[] signup=- group=- mode=on from=- as_of=- "
     "average=pooled/0 max=- f=tsv/1 long=1 counts=0 header=0 strict=0 "
     "p=2 jobs=2"},
    {"the same day as --from and --as-of",
     {"--from=2024-02-29", "--as-of=2024-02-29"},
     CLI_PARSE_OK,
     "files= d=- id=- date=- dates=written period=month week=monday "
     "event=- start=[] return=[] signup=- group=- mode=on "
     "from=2024-02-29 as_of=2024-02-29 average=pooled/1 max=- f=csv/0 "
     "long=0 counts=0 header=1 strict=0 p=2 jobs=2"},
    {"counts sum: no average method",
     {"--counts", "--average=pooled"},
     CLI_PARSE_USAGE,
     "options --counts and --average cannot be used together (with --counts "
     "the average row sums the active customers)"},
    {"help ends the checks",
     {"--long", "--counts", "-h"},
     CLI_PARSE_OK,
     "help"},
    {"an option twice",
     {"--period", "day", "--period", "week"},
     CLI_PARSE_USAGE,
     "option --period given more than once"},
    {"an empty column name",
     {"--id-col="},
     CLI_PARSE_INVALID,
     "option --id-col: empty value (expected a column name)"},
    {"one start event",
     {"--event-col", "e", "--start-event", "x"},
     CLI_PARSE_OK,
     "files= d=- id=- date=- dates=written period=month week=monday "
     "event=e start=[x] return=[] signup=- group=- mode=on from=- as_of=- "
     "average=pooled/1 max=- f=csv/0 long=0 counts=0 header=1 strict=0 "
     "p=2 jobs=2"},
    {"max periods at its limit",
     {"--max-periods", "1073741824"},
     CLI_PARSE_INVALID,
     "option --max-periods: out of range: '1073741824' (expected a whole "
     "number from 0 to 1073741823)"},
    {"a subscription table, its columns named",
     {"--spans", "--start-col", "from", "--end-col=until", "--mode",
      "on-or-after", "--as-of", "2024-06-30", "--group-by", "plan"},
     CLI_PARSE_OK,
     "files= d=- id=- date=- dates=written period=month week=monday event=- "
     "start=[] return=[] signup=- group=plan mode=on-or-after from=- "
     "as_of=2024-06-30 average=pooled/1 max=- f=csv/0 long=0 counts=0 "
     "header=1 strict=0 p=2 jobs=2 spans=end start_col=from end_col=until"},
    {"a subscription table, the default columns",
     {"--spans"},
     CLI_PARSE_OK,
     "files= " DEFAULTS " spans=end start_col=- end_col=-"},
    {"--spans refuses the options of logs: --return-event",
     {"--return-event", "buy", "--spans"},
     CLI_PARSE_USAGE,
     "options --spans and --return-event cannot be used together (a "
     "subscription table has no event types: each row is a subscription)"},
    {"--spans refuses --event-col",
     {"--spans", "--event-col", "e"},
     CLI_PARSE_USAGE,
     "options --spans and --event-col cannot be used together (a "
     "subscription table has no event types: each row is a subscription)"},
    {"--spans refuses --cohort-col",
     {"--spans", "--cohort-col", "signup"},
     CLI_PARSE_USAGE,
     "options --spans and --cohort-col cannot be used together (with --spans "
     "a cohort is the period of a customer's first start)"},
    {"--start-col needs --spans",
     {"--start-col", "s"},
     CLI_PARSE_USAGE,
     "option --start-col needs --spans (the start column of a subscription "
     "table)"},
    {"a day that is no day",
     {"--from", "2023-02-29"},
     CLI_PARSE_INVALID,
     "option --from: 2023 is not a leap year: no February 29: '2023-02-29' "
     "(expected a date YYYY-MM-DD)"},
};

static const char *or_dash(const char *text)
{
    return text ? text : "-";
}

/* "[a,b]" for the values of a repeatable option. */
static void show_values(const struct cohorts_values *v, char *buf, size_t size)
{
    size_t i, len = (size_t)snprintf(buf, size, "[");

    for (i = 0; i < v->count && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "," : "",
                                v->items[i]);
    if (len < size)
        snprintf(buf + len, size - len, "]");
}

static void show_day(bool given, int32_t day, char *buf)
{
    if (!given) {
        strcpy(buf, "-");
        return;
    }
    buf[rt_date_write(day, buf)] = '\0';
}

static void show_files(const struct cohorts_args *a, char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < a->file_count && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "," : "",
                                a->files[i]);
}

static void summarize(const struct cohorts_args *a, char *buf, size_t size)
{
    static const char *const modes[] = {"written", "utc", "unix"};
    static const char *const formats[] = {"text", "json", "csv", "tsv"};
    const struct rt_cohort_log_options *o = &a->log;
    char files[256], start[128], back[128], from[16], as_of[16], max[24];

    show_files(a, files, sizeof files);
    show_values(&a->start_events, start, sizeof start);
    show_values(&a->return_events, back, sizeof back);
    show_day(o->has_from, o->from, from);
    show_day(o->has_as_of, o->as_of, as_of);
    snprintf(max, sizeof max, "%llu", (unsigned long long)a->max_periods);
    snprintf(
        buf, size,
        "files=%s d=%s id=%s date=%s dates=%s period=%s week=%s "
        "event=%s start=%s return=%s signup=%s group=%s mode=%s "
        "from=%s as_of=%s average=%s/%d max=%s f=%s/%d long=%d "
        "counts=%d header=%d strict=%d p=%u jobs=%u",
        files,
        o->delimiter == '\t' ? "\\t"
        : o->delimiter       ? (char[]){o->delimiter, '\0'}
                             : "-",
        or_dash(o->id_col), or_dash(o->date_col), modes[o->date_mode],
        rt_period_name(o->period.unit),
        rt_period_weekday_name(o->period.week_start), or_dash(o->event_col),
        start, back, or_dash(o->cohort_col), or_dash(o->group_col),
        a->mode == RT_COHORT_ON ? "on" : "on-or-after", from, as_of,
        a->average == RT_COHORT_POOLED ? "pooled" : "mean", !a->no_average,
        a->has_max_periods ? max : "-", formats[a->format], a->format_given,
        a->long_form, a->counts, a->header, a->strict, a->precision, o->jobs);
    if (o->spans == RT_SPAN_BITS_NONE && !o->start_col && !o->end_col)
        return;
    snprintf(buf + strlen(buf), size - strlen(buf),
             " spans=%s start_col=%s end_col=%s",
             o->spans == RT_SPAN_BITS_END ? "end" : "none",
             or_dash(o->start_col), or_dash(o->end_col));
}

static void test_args(void **state)
{
    const struct args_case *c = *state;
    char *argv[20] = {(char *)"retain", (char *)"cohorts"};
    char error[1024] = "", summary[1024];
    const char *files[20];
    struct cohorts_args args;
    int argc = 2;
    enum cli_parse_result result;

    while (c->argv[argc - 2])
        argv[argc] = (char *)c->argv[argc - 2], argc++;
    memset(&args, 0, sizeof args);
    args.files = files;
    result = cohorts_parse_args(argc, argv, 2, &args, error, sizeof error);
    if (result == CLI_PARSE_OK && args.help)
        snprintf(summary, sizeof summary, "help");
    else if (result == CLI_PARSE_OK)
        summarize(&args, summary, sizeof summary);
    else
        snprintf(summary, sizeof summary, "%s", error);
    assert_string_equal(summary, c->summary);
    assert_int_equal(result, c->result);
}

/* A repeatable option holds COHORTS_VALUES_MAX values, and no more. */
static void test_too_many_values(void **state)
{
    char *argv[2 * COHORTS_VALUES_MAX + 8] = {
        (char *)"retain", (char *)"cohorts", (char *)"--event-col=e"};
    char error[256] = "";
    const char *files[2 * COHORTS_VALUES_MAX + 8];
    struct cohorts_args args;
    int argc = 3, i;

    (void)state;
    for (i = 0; i < COHORTS_VALUES_MAX + 1; i++)
        argv[argc++] = (char *)"--return-event=x";
    memset(&args, 0, sizeof args);
    args.files = files;
    assert_int_equal(
        cohorts_parse_args(argc - 1, argv, 2, &args, error, sizeof error),
        CLI_PARSE_OK);
    assert_int_equal(args.return_events.count, COHORTS_VALUES_MAX);
    assert_int_equal(
        cohorts_parse_args(argc, argv, 2, &args, error, sizeof error),
        CLI_PARSE_INVALID);
    assert_string_equal(error, "option --return-event: more than 64 values "
                               "(expected at most 64)");
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_too_many_values),
    };

    return TABLE_RUN("cohorts_args", args_cases, test_args) +
           cmocka_run_group_tests_name("cohorts_args limits", plain, NULL,
                                       NULL);
}
