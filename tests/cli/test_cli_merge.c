/*
 * test_cli_merge.c - retain cohorts, periods and ids --partial, and
 * retain merge, run as users run them.
 *
 * The rows give the exact bytes of a part, of merges and of every refusal.
 * test_same_as_one_run then splits each fixture by customer into one to
 * three parts, and checks that merging them prints, in every format, byte
 * for byte what one run over all the data prints, also from parts of
 * parts and from standard input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define TRY "Try 'retain merge --help' for more information.\n"

/* The part of s1.txt against e1.txt: a c, then c e. */
#define IDS_PART_1                                                             \
    "retain-partial,1,ids\n"                                                   \
    "option,trim,0\n"                                                          \
    "option,ignore-case,0\n"                                                   \
    "tally,start_blank_lines,0\n"                                              \
    "tally,start_duplicates,0\n"                                               \
    "tally,end_blank_lines,0\n"                                                \
    "tally,end_duplicates,0\n"                                                 \
    "ids,,,2,2,1\n"                                                            \
    "hash,2ba3e8e9a71148ca\n"                                                  \
    "hash,5e784450c99a679a\n"                                                  \
    "hash,d059276a32b92239\n"                                                  \
    "end\n"
#define IDS_HEAD                                                               \
    "start,end,new,retained,lost,retention_rate,churn_rate,"                   \
    "simple_retention_rate,simple_churn_rate,warnings\n"
#define MISMATCH "(expected parts made with the same options)\n"

static const struct cli_row merge_cases[] = {
    /* A part's exact bytes, and the sum of three. */
    {"ids part",
     {"ids", "--partial", "s1.txt", "e1.txt"},
     NULL,
     0,
     IDS_PART_1,
     ""},
    {"ids part of an empty end list: normal in a part, no warning",
     {"ids", "--partial", "s2.txt", "empty.txt"},
     NULL,
     0,
     "retain-partial,1,ids\noption,trim,0\noption,ignore-case,0\n"
     "tally,start_blank_lines,0\ntally,start_duplicates,0\n"
     "tally,end_blank_lines,0\ntally,end_duplicates,0\nids,,,1,0,0\n"
     "hash,1c8c4399178f2261\nend\n",
     ""},
    {"merge warns of the sum's empty end list, as one run does",
     {"merge", "--only", "end", "i2-empty.part"},
     NULL,
     0,
     "0\n",
     "retain: warning: no IDs in the end list: every start ID counts as "
     "lost\n"},
    {"ids parts summed",
     {"merge", "--partial", "i1.part", "i2.part", "i3.part"},
     NULL,
     0,
     "retain-partial,1,ids\n"
     "option,trim,0\n"
     "option,ignore-case,0\n"
     "tally,start_blank_lines,0\n"
     "tally,start_duplicates,0\n"
     "tally,end_blank_lines,0\n"
     "tally,end_duplicates,0\n"
     "ids,,,4,4,2\n"
     "hash,1c8c4399178f2261\n"
     "hash,2ba3e8e9a71148ca\n"
     "hash,5e784450c99a679a\n"
     "hash,83e8df46a0521fd4\n"
     "hash,d059276a32b92239\n"
     "hash,f5bbf8109ab38c73\n"
     "end\n",
     ""},
    {"ids from stdin",
     {"merge", "-f", "csv"},
     IDS_PART_1,
     0,
     IDS_HEAD "2,2,1,1,1,50.00,50.00,100.00,0.00,\n",
     ""},
    {"two parts in one stream",
     {"merge", "-f", "csv", "-"},
     IDS_PART_1 "retain-partial,1,ids\noption,trim,0\n"
                "option,ignore-case,0\nids,,,2,2,1\nend\n",
     0,
     IDS_HEAD "4,4,2,2,2,50.00,50.00,100.00,0.00,\n",
     ""},

    /* Two parts that both counted a customer: said, and exit 1. */
    {"overlap",
     {"merge", "--only", "start", "i1.part", "i1-copy.part"},
     NULL,
     1,
     "4\n",
     "retain: warning: i1.part and i1-copy.part both counted a customer "
     "(expected parts that split the customers, not their rows: each "
     "customer's rows all in one part)\n"},
    {"rows left out, carried",
     {"merge", "-f", "csv", "left-out.part"},
     NULL,
     1,
     CLI_ANY,
     "retain: warning: the parts left out 1 row (their runs named each)\n"},

    /* Parts that do not go together. */
    {"other options",
     {"merge", "c1.part", "c1-week.part"},
     NULL,
     2,
     "",
     "retain: c1-week.part: error: option --period is 'week', and 'month' "
     "in c1.part " MISMATCH},
    {"other command",
     {"merge", "c1.part", "i1.part"},
     NULL,
     2,
     "",
     "retain: i1.part: error: a part of retain ids, and c1.part one of "
     "retain cohorts (expected parts of one command)\n"},
    {"an option more",
     {"merge", "c1.part", "c1-events.part"},
     NULL,
     2,
     "",
     "retain: c1-events.part: error: option --event-col is 'plan', and '' "
     "in c1.part " MISMATCH},

    {"event types in another order, one twice: the same options",
     {"merge", "e1.part", "e2.part"},
     NULL,
     0,
     "cohort,customers,month_0,month_1,month_2\n"
     "2024-01,2,100.00,50.00,50.00\n"
     "average,2,100.00,50.00,50.00\n",
     ""},
    {"one event type against two",
     {"merge", "e1.part", "e3.part"},
     NULL,
     2,
     "",
     "retain: e3.part: error: option --return-event is 'visit', and "
     "'buy,visit' in e1.part " MISMATCH},
    {"an edited part: a period out of range",
     {"merge"},
     "retain-partial,1,cohorts\noption,as-of,2024-03-31\n"
     "cohort,,-99999999999,1\nend\n",
     2,
     "",
     "retain: (standard input):3: error: expected a cohort's period between "
     "0001-01-01's and the one of --as-of\n"},
    {"periods: no customer in any part, as one run says it",
     {"merge"},
     "retain-partial,1,periods\noption,as-of,2024-03-31\nend\n",
     2,
     "",
     "retain: no event to compute from (expected rows with a customer ID "
     "and a date)\n"},
    {"a sum too large names its file",
     {"merge"},
     "retain-partial,1,ids\nids,,,9223372036854775807,0,0\nend\n"
     "retain-partial,1,ids\nids,,,1,0,0\nend\n",
     2,
     "",
     "retain: (standard input): the counts add up to more than 2^63 - 1 "
     "with the parts before (expected counts that fit)\n"},

    /* What is not a part. */
    {"not a part",
     {"merge", "l1.csv"},
     NULL,
     2,
     "",
     "retain: l1.csv:1: error: expected a part of retain's (a first line "
     "'retain-partial,1,COMMAND', as --partial writes)\n"},
    {"a later version",
     {"merge"},
     "retain-partial,2,ids\nend\n",
     2,
     "",
     "retain: (standard input):1: error: expected version 1 of the part "
     "format (a newer retain may have written this one)\n"},
    {"cut short",
     {"merge"},
     "retain-partial,1,ids\nids,,,1,1,1\n",
     2,
     "",
     "retain: (standard input):3: error: expected the line 'end' last (the "
     "part is cut short)\n"},
    {"a bad count",
     {"merge"},
     "retain-partial,1,ids\nids,,,1,-1,1\nend\n",
     2,
     "",
     "retain: (standard input):2: error: expected counts: whole numbers up "
     "to 2^63 - 1\n"},
    {"an unclosed quote",
     {"merge"},
     "retain-partial,1,ids\nmeta,\"x\n",
     2,
     "",
     "retain: (standard input):2: error: expected a closing quote\n"},
    {"empty",
     {"merge"},
     "",
     2,
     "",
     "retain: (standard input):1: error: expected a part of retain's (the "
     "file is empty)\n"},
    {"hashes out of order",
     {"merge"},
     "retain-partial,1,ids\nhash,0000000000000002\nhash,0000000000000001\n"
     "end\n",
     2,
     "",
     "retain: (standard input):3: error: expected at most 64 hashes, in "
     "ascending order\n"},

    /* The command lines. */
    {"shaping option to merge",
     {"merge", "--as-of", "2024-01-31", "c1.part"},
     NULL,
     2,
     "",
     "retain: option --as-of shapes the counts: it is read from the parts "
     "(give it to retain cohorts --partial)\n" TRY},
    {"input option to merge",
     {"merge", "--id-col", "x", "c1.part"},
     NULL,
     2,
     "",
     "retain: option --id-col reads the input, and merge reads parts (give "
     "it to retain cohorts --partial)\n" TRY},
    {"another command's option",
     {"merge", "--long", "i1.part"},
     NULL,
     2,
     "",
     "retain: option --long is not an option of retain ids, whose parts "
     "these are\n" TRY},
    {"printing option with merge --partial",
     {"merge", "--partial", "-f", "json", "i1.part"},
     NULL,
     2,
     "",
     "retain: option --format: not with --partial (a part holds counts; give "
     "it to the merge that prints them)\n" TRY},
    {"partial without --as-of",
     {"periods", "--partial", "l1.csv"},
     NULL,
     2,
     "",
     "retain: option --partial needs --as-of (parts see different latest "
     "dates: give every part the same cut-off)\n"
     "Try 'retain periods --help' for more information.\n"},
    {"partial with a format",
     {"cohorts", "--partial", "--as-of", "2024-04-30", "-f", "json", "l1.csv"},
     NULL,
     2,
     "",
     "retain: option -f/--format: not with --partial (a part holds counts, "
     "not a report; give it to retain merge)\n"
     "Try 'retain cohorts --help' for more information.\n"},
    {"partial with a list",
     {"ids", "--partial", "--list", "lost", "s.txt", "e.txt"},
     NULL,
     2,
     "",
     "retain: option --list: not with --partial (a part holds counts, not a "
     "report; give it to retain merge)\n"
     "Try 'retain ids --help' for more information.\n"},
    {"one file twice",
     {"merge", "i1.part", "./i1.part"},
     NULL,
     2,
     "",
     "retain: ./i1.part is the same file as i1.part (expected each input "
     "once: its rows would be counted twice)\n"},
    {"help", {"merge", "--help"}, NULL, 0, NULL, "", .golden = "help/merge"},
};

/* A split of the data by customer, and how to run the command on it. */
struct split {
    const char *name;
    const char *command;
    const char *options[4];  /* shaping the counts, NULL-terminated */
    const char *whole[2];    /* all the data: one input, or two lists */
    const char *parts[3][2]; /* the same split by customer */
    const char *formats[7];  /* NULL-terminated */
};

#define LOG_FORMATS                                                            \
    {                                                                          \
        "csv", "text", "json", "tsv", "markdown", "svg", NULL                  \
    }

static const struct split splits[] = {
    {"cohorts",
     "cohorts",
     {"--as-of", "2024-04-30", "--group-by", "plan"},
     {"log.csv"},
     {{"l1.csv"}, {"l2.csv"}, {"l3.csv"}},
     {"csv", "text", "json", "tsv", "markdown", NULL}},
    {"cohorts svg",
     "cohorts",
     {"--as-of", "2024-04-30"},
     {"log.csv"},
     {{"l1.csv"}, {"l2.csv"}, {"l3.csv"}},
     {"svg", NULL}},
    {"periods",
     "periods",
     {"--as-of", "2024-05-31"},
     {"log.csv"},
     {{"l1.csv"}, {"l2.csv"}, {"l3.csv"}},
     LOG_FORMATS},
    {"periods spans",
     "periods",
     {"--spans", "--as-of", "2024-04-30"},
     {"subs.csv"},
     {{"t1.csv"}, {"t2.csv"}, {"t3.csv"}},
     LOG_FORMATS},
    {"cohorts spans",
     "cohorts",
     {"--spans", "--as-of", "2024-04-30"},
     {"subs.csv"},
     {{"t1.csv"}, {"t2.csv"}, {"t3.csv"}},
     {"text", NULL}},
    {"cohorts: groups in the order of their first rows",
     "cohorts",
     {"--as-of", "2023-12-31", "--group-by", "grp"},
     {"g.csv"},
     {{"g1.csv"}, {"g2.csv"}, {"g3.csv"}},
     {"csv", NULL}},
    {"periods: groups in the order of their first rows",
     "periods",
     {"--as-of", "2023-12-31", "--group-by", "grp"},
     {"g.csv"},
     {{"g1.csv"}, {"g2.csv"}, {"g3.csv"}},
     {"csv", NULL}},
    {"ids",
     "ids",
     {NULL},
     {"s.txt", "e.txt"},
     {{"s1.txt", "e1.txt"}, {"s2.txt", "e2.txt"}, {"s3.txt", "e3.txt"}},
     {"csv", "text", "json", "tsv", "markdown", NULL}},
};

/* argv: words then up to `n` more, NULL-terminated, in `args`. */
static size_t put_words(const char **args, size_t at, const char *const *words,
                        size_t n)
{
    size_t i;

    for (i = 0; i < n && words[i]; i++)
        args[at++] = words[i];
    args[at] = NULL;
    return at;
}

/*
 * Runs retain as the environment says (under valgrind in the memcheck
 * stage) or, when `plain`, without the wrapper: what only makes inputs
 * or what to compare with need not be checked again, and the memcheck
 * stage has a time budget.
 */
static int run_maybe_plain(const char *const *args, const char *in, bool plain,
                           struct run_result *r)
{
    char *kept = run_unwrap(plain);
    int status = run_retain(args, in, NULL, RUN_CAPTURE, r);

    run_rewrap(kept);
    return status;
}

/* Runs retain with args; fails the test unless it exits 0. */
static char *run_ok(const char *const *args, const char *in, bool plain,
                    char **err)
{
    struct run_result r;
    char *out;

    assert_int_equal(run_maybe_plain(args, in, plain, &r), 0);
    if (r.status != 0)
        fprintf(stderr, "%s %s: %s", args[0], args[1], r.err);
    assert_int_equal(r.status, 0);
    out = r.out;
    *err = r.err;
    r.out = r.err = NULL;
    run_result_free(&r);
    return out;
}

/* Writes `split`'s part `i` (3: of all the data) into the file `name`. */
static void make_part(const struct split *split, size_t i, const char *name)
{
    const char *args[16];
    size_t n = put_words(args, 0, &split->command, 1);
    char *out, *err;

    args[n++] = "--partial";
    n = put_words(args, n, split->options, 4);
    put_words(args, n, i < 3 ? split->parts[i] : split->whole, 2);
    out = run_ok(args, NULL, true, &err);
    run_write_fixture(name, out);
    free(out);
    free(err);
}

/* Compares one merge with the single run, output and warnings. */
static void expect_same(const char *const *merge, const char *in,
                        const char *single_out, const char *single_err)
{
    char *err, *out = run_ok(merge, in, false, &err);

    cli_expect_bytes("merged output", out, strlen(out), single_out,
                     strlen(single_out));
    cli_expect_bytes("merge's warnings", err, strlen(err), single_err,
                     strlen(single_err));
    free(out);
    free(err);
}

/* Merges of 1, 2 (one of them a part of parts) and 3 parts, in a format. */
static void check_format(const struct split *split, const char *format,
                         bool all)
{
    const char *args[16] = {split->command, "-f", format};
    const char *merge[8] = {"merge", "-f", format};
    char *err, *out, *stdin_text;
    size_t n = put_words(args, 3, split->options, 4);

    put_words(args, n, split->whole, 2);
    out = run_ok(args, NULL, true, &err);
    put_words(merge, 3, (const char *[]){"p1", "p2", "p3"}, 3);
    expect_same(merge, NULL, out, err);
    if (all) {
        char *sum_err;

        put_words(merge, 3, (const char *[]){"p1", "p23"}, 2);
        expect_same(merge, NULL, out, err);
        put_words(merge, 3, (const char *[]){"whole"}, 1);
        expect_same(merge, NULL, out, err);
        /* Parts of parts, from standard input. */
        stdin_text =
            run_ok((const char *[]){"merge", "--partial", "p1", "p23", NULL},
                   NULL, true, &sum_err);
        free(sum_err);
        merge[3] = NULL;
        expect_same(merge, stdin_text, out, err);
        free(stdin_text);
    }
    free(out);
    free(err);
}

static void test_same_as_one_run(void **state)
{
    const struct split *split = *state;
    /* Under valgrind the first format alone: the memcheck stage's time. */
    bool all = !run_wrapper_sampled();
    char *err, *sum;
    size_t i;

    for (i = 0; i < 3; i++)
        make_part(split, i, (const char *[]){"p1", "p2", "p3"}[i]);
    make_part(split, 3, "whole");
    sum = run_ok((const char *[]){"merge", "--partial", "p2", "p3", NULL}, NULL,
                 true, &err);
    run_write_fixture("p23", sum);
    free(sum);
    free(err);
    for (i = 0; split->formats[i] && (all || i == 0); i++)
        check_format(split, split->formats[i], all);
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-merge-XXXXXX";

    run_enter_fresh_dir(dir);
    run_write_fixture("log.csv", "customer_id,date,plan\n"
                                 "a,2024-01-03,pro\nb,2024-01-10,free\n"
                                 "a,2024-02-05,pro\nc,2024-02-07,free\n"
                                 "b,2024-03-01,free\nc,2024-03-11,free\n"
                                 "d,2024-03-15,pro\na,2024-04-02,pro\n"
                                 "d,2024-04-20,pro\ne,2024-04-21,free\n"
                                 "f,2024-05-02,pro\n");
    run_write_fixture("l1.csv", "customer_id,date,plan\na,2024-01-03,pro\n"
                                "a,2024-02-05,pro\nd,2024-03-15,pro\n"
                                "a,2024-04-02,pro\nd,2024-04-20,pro\n");
    /* The last part's one customer is first active in the last complete
       period of periods' cut-off: a table of one row before its first. */
    run_write_fixture("l2.csv", "customer_id,date,plan\nb,2024-01-10,free\n"
                                "c,2024-02-07,free\nb,2024-03-01,free\n"
                                "c,2024-03-11,free\ne,2024-04-21,free\n");
    run_write_fixture("l3.csv", "customer_id,date,plan\nf,2024-05-02,pro\n");
    run_write_fixture("bad.csv", "customer_id,date\na,2024-01-03\nb,x\n");
    run_write_fixture("subs.csv", "customer_id,start_date,end_date\n"
                                  "a,2024-01-03,2024-03-10\nb,2024-01-15,\n"
                                  "c,2024-02-01,2024-02-20\n"
                                  "d,2024-02-11,2024-05-01\na,2024-04-01,\n"
                                  "e,2024-03-05,2024-04-02\n"
                                  "g,2024-05-01,\n");
    run_write_fixture("t1.csv", "customer_id,start_date,end_date\n"
                                "a,2024-01-03,2024-03-10\na,2024-04-01,\n");
    run_write_fixture("t2.csv", "customer_id,start_date,end_date\n"
                                "b,2024-01-15,\nd,2024-02-11,2024-05-01\n"
                                "c,2024-02-01,2024-02-20\n"
                                "e,2024-03-05,2024-04-02\n");
    /* Starts after the cut-off's period, on the first day of the next:
       at the end of the last period all the same. */
    run_write_fixture("t3.csv", "customer_id,start_date,end_date\n"
                                "g,2024-05-01,\n");
    /* a's group is y, that of its earliest row, but x shows first. */
    run_write_fixture("g.csv", "customer_id,date,grp\na,2023-09-01,x\n"
                               "a,2023-06-01,y\nb,2023-06-01,x\n");
    run_write_fixture("g1.csv", "customer_id,date,grp\na,2023-09-01,x\n"
                                "a,2023-06-01,y\n");
    run_write_fixture("g2.csv", "customer_id,date,grp\nb,2023-06-01,x\n");
    run_write_fixture("g3.csv", "customer_id,date,grp\n");
    run_write_fixture("ev1.csv", "customer_id,date,ev\na,2024-01-05,buy\n"
                                 "a,2024-02-05,visit\n");
    run_write_fixture("ev2.csv", "customer_id,date,ev\nb,2024-01-05,visit\n"
                                 "b,2024-03-05,buy\n");
    run_write_fixture("s.txt", "a\nb\nc\nd\n");
    run_write_fixture("e.txt", "c\nd\ne\nf\n");
    run_write_fixture("s1.txt", "a\nc\n");
    run_write_fixture("e1.txt", "c\ne\n");
    run_write_fixture("s2.txt", "b\n");
    run_write_fixture("empty.txt", "");
    run_write_fixture("e2.txt", "f\n");
    run_write_fixture("s3.txt", "d\n");
    run_write_fixture("e3.txt", "d\n");
}

/* The parts the rows merge, made by retain itself. */
static void make_part_fixtures(void)
{
    static const char *const parts[][16] = {
        {"i1.part", "ids", "--partial", "s1.txt", "e1.txt"},
        {"i1-copy.part", "ids", "--partial", "s1.txt", "e1.txt"},
        {"i2.part", "ids", "--partial", "s2.txt", "e2.txt"},
        {"i2-empty.part", "ids", "--partial", "s2.txt", "empty.txt"},
        {"i3.part", "ids", "--partial", "s3.txt", "e3.txt"},
        {"c1.part", "cohorts", "--partial", "--as-of", "2024-04-30", "l1.csv"},
        {"c1-week.part", "cohorts", "--partial", "--as-of", "2024-04-30",
         "--period", "week", "l1.csv"},
        {"c1-events.part", "cohorts", "--partial", "--as-of", "2024-04-30",
         "--event-col", "plan", "--start-event", "pro", "l1.csv"},
        {"e1.part", "cohorts", "--partial", "--as-of", "2024-03-31",
         "--event-col", "ev", "--return-event", "buy", "--return-event",
         "visit", "ev1.csv"},
        {"e2.part", "cohorts", "--partial", "--as-of", "2024-03-31",
         "--event-col", "ev", "--return-event", "visit", "--return-event",
         "buy", "--return-event", "visit", "ev2.csv"},
        {"e3.part", "cohorts", "--partial", "--as-of", "2024-03-31",
         "--event-col", "ev", "--return-event", "visit", "ev2.csv"},
    };
    struct run_result r;
    size_t i;

    for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (run_maybe_plain(parts[i] + 1, NULL, true, &r) != 0 ||
            r.status != 0) {
            fprintf(stderr, "%s: %s", parts[i][0], r.err ? r.err : "");
            exit(1);
        }
        run_write_fixture(parts[i][0], r.out);
        run_result_free(&r);
    }
    /* A part whose run left a row out: exit 1, and the part all the same. */
    run_maybe_plain((const char *[]){"cohorts", "--partial", "--as-of",
                                     "2024-04-30", "bad.csv", NULL},
                    NULL, true, &r);
    run_write_fixture("left-out.part", r.out);
    run_result_free(&r);
}

/* Each row; under valgrind every eighth (cli_row_check_sampled()). */
static void test_merge_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - merge_cases), 8);
}

int main(void)
{
    struct CMUnitTest same[sizeof splits / sizeof splits[0]];
    size_t i;

    make_fixtures();
    make_part_fixtures();
    for (i = 0; i < sizeof splits / sizeof splits[0]; i++)
        same[i] = (struct CMUnitTest){splits[i].name, test_same_as_one_run,
                                      NULL, NULL, (void *)&splits[i]};
    return TABLE_RUN("merge", merge_cases, test_merge_row) +
           _cmocka_run_group_tests("merge equals one run", same,
                                   sizeof same / sizeof same[0], NULL, NULL);
}
