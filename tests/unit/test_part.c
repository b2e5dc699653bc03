/*
 * test_part.c - parts (src/merge/part.h): read one or more, add them, write
 * the sum; every refusal with its FILE:LINE and what was expected.
 * Each case reads its texts as the parts a, b and c in turn and checks
 * what was reported, then (when all were read) the sum as written.
 */
#include <stdlib.h>
#include <string.h>

#include "part.h"
#include "table.h"

#define HEAD_IDS "retain-partial,1,ids\n"
#define MONTH    "option,period,month\noption,as-of,2024-12-31\n"
#define COHORTS  "retain-partial,1,cohorts\n" MONTH
#define PERIODS  "retain-partial,1,periods\n" MONTH

struct part_case {
    const char *name;
    const char *texts[3];  /* the parts a, b, c; NULL: fewer */
    bool read;             /* every part was read */
    enum rt_status finish; /* of rt_part_finish() */
    const char *written;   /* the sum as written, when read and finished */
    const char *messages;  /* "SEVERITY FILE:LINE: MESSAGE\n" each */
};

static const struct part_case part_cases[] = {
    {"a part reads and writes back the same",
     {HEAD_IDS "option,trim,0\nmeta,m,x\ntally,start_duplicates,3\n"
               "ids,,,3,2,1\nhash,0000000000000001\nhash,00000000000000ff\n"
               "end\n"},
     true,
     RT_OK,
     HEAD_IDS "option,trim,0\nmeta,m,x\ntally,start_duplicates,3\n"
              "ids,,,3,2,1\n"
              "hash,0000000000000001\nhash,00000000000000ff\nend\n",
     ""},
    {"counts add, groups are matched by value, kept in order of appearance",
     {COHORTS "tally,before_from,1\ngroup,0,pro\ngroup,1,free\n"
              "group,2,none\ncohort,,24289,2,2,1\ncohort,0,24289,2,2,1\n"
              "cohort,1,24290,1,1\nend\n",
      COHORTS "tally,before_from,2\ngroup,0,new\ngroup,1,free\n"
              "cohort,,24288,1,1,0\ncohort,0,24288,1,1,0\n"
              "cohort,1,24290,3,3\nend\n"},
     true,
     RT_OK,
     COHORTS "tally,before_from,3\ngroup,0,pro\ngroup,1,free\n"
             "group,2,none\ngroup,3,new\ncohort,,24288,1,1,0\n"
             "cohort,,24289,2,2,1\ncohort,0,24289,2,2,1\n"
             "cohort,1,24290,4,4\ncohort,3,24288,1,1,0\nend\n",
     ""},
    {"maxima are kept, not added",
     {PERIODS "max,last_data,5\nend\n", PERIODS "max,last_data,4\nend\n"},
     true,
     RT_OK,
     PERIODS "max,last_data,5\nend\n",
     ""},
    {"hashes: the 64 smallest of the union; one in two parts is warned of",
     {HEAD_IDS "hash,0000000000000002\nhash,0000000000000005\nend\n",
      HEAD_IDS "hash,0000000000000003\nend\n",
      HEAD_IDS "hash,0000000000000001\nhash,0000000000000005\nend\n"},
     true,
     RT_OK,
     HEAD_IDS "hash,0000000000000001\nhash,0000000000000002\n"
              "hash,0000000000000003\nhash,0000000000000005\nend\n",
     "warning -:0: warning: a and c both counted a customer (expected parts "
     "that split the customers, not their rows: each customer's rows all in "
     "one part)\n"},
    {"two parts in one text, CR LF line ends, a quoted value",
     {HEAD_IDS
      "meta,note,\"a,\"\"b\"\"\r\nc\"\r\nids,,,1,1,0\r\nend\r\n" HEAD_IDS
      "ids,,,2,1,1\nend\n"},
     true,
     RT_OK,
     HEAD_IDS "meta,note,\"a,\"\"b\"\"\r\nc\"\nids,,,3,2,1\nend\n",
     ""},
    {"a sum past 2^63 - 1",
     {HEAD_IDS "ids,,,9223372036854775807,0,0\nend\n",
      HEAD_IDS "ids,,,1,0,0\nend\n"},
     true,
     RT_ERR_RANGE,
     NULL,
     ""},

    /* Parts that do not go together. */
    {"another option's value",
     {PERIODS "end\n", "retain-partial,1,periods\noption,period,week\n"
                       "option,as-of,2024-12-31\nend\n"},
     false,
     RT_OK,
     NULL,
     "error b:0: option --period is 'week', and 'month' in a (expected parts "
     "made with the same options)\n"},
    {"an option more",
     {PERIODS "end\n", PERIODS "option,spans,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error b:0: option --spans is given, and not given in a (expected parts "
     "made with the same options)\n"},
    {"another command",
     {HEAD_IDS "end\n", PERIODS "end\n"},
     false,
     RT_OK,
     NULL,
     "error b:0: a part of retain periods, and a one of retain ids (expected "
     "parts of one command)\n"},

    /* Edited parts: what no part of --partial's holds. */
    {"a cohort before 0001-01-01",
     {COHORTS "cohort,,-99999999999,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected a cohort's period between 0001-01-01's and the one "
     "of --as-of\n"},
    {"a cohort after the cut-off",
     {COHORTS "cohort,,24300,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected a cohort's period between 0001-01-01's and the one "
     "of --as-of\n"},
    {"a cohort in the period of --as-of, not complete: no cell",
     {"retain-partial,1,cohorts\noption,as-of,2024-12-30\n"
      "cohort,,24299,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:3: expected no more active counts than the periods from the "
     "cohort's to the last complete one (and --max-periods) allow\n"},
    {"more cells than --max-periods allows",
     {COHORTS "option,max-periods,1\ncohort,,24288,1,1,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:5: expected no more active counts than the periods from the "
     "cohort's to the last complete one (and --max-periods) allow\n"},
    {"more active than the cohort has",
     {COHORTS "cohort,,24298,1,1,2\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected active counts no greater than the cohort's "
     "CUSTOMERS\n"},
    {"a cohort twice in one part",
     {COHORTS "cohort,,24298,1,1\ncohort,,24298,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:5: expected each GROUP,PERIOD once, in order: everyone's "
     "first, then each group's, by period (as --partial writes them)\n"},
    {"retained and lost are not the start",
     {PERIODS "period,,24289,1,2,1,1,1,1,0,0\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected counts that reconcile: RETAINED + LOST = START, "
     "RETAINED + NEW = END, FIRST_TIME + RETURNING = NEW, JOINED_AND_LEFT 0 "
     "without --spans\n"},
    {"first-time and returning are not the new",
     {PERIODS "period,,24289,1,2,1,0,1,0,0,0\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected counts that reconcile: RETAINED + LOST = START, "
     "RETAINED + NEW = END, FIRST_TIME + RETURNING = NEW, JOINED_AND_LEFT 0 "
     "without --spans\n"},
    {"a start that is not the end before",
     {PERIODS "period,,24289,0,2,0,0,2,2,0,0\nperiod,,24290,1,1,1,0,0,0,0,0\n"
              "end\n"},
     false,
     RT_OK,
     NULL,
     "error a:5: expected START equal to the END of the period before\n"},
    {"a period after the cut-off",
     {PERIODS "period,,24300,0,0,0,0,0,0,0,0\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected a period between 0001-01-01's and the last "
     "complete one by --as-of\n"},
    {"an unknown tally",
     {PERIODS "tally,rows_gone,0\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected a tally this command's parts have (see the part "
     "format in the README)\n"},
    {"a date not as a part writes it",
     {"retain-partial,1,periods\noption,as-of,2024-3-31\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected a date YYYY-MM-DD (as --partial writes it)\n"},
    {"no --as-of",
     {"retain-partial,1,cohorts\noption,period,month\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:3: expected an option,as-of,YYYY-MM-DD line before the counts "
     "(parts are made with --as-of)\n"},

    /* What is not a part. */
    {"no first line",
     {"customer_id,date\n"},
     false,
     RT_OK,
     NULL,
     "error a:1: expected a part of retain's (a first line "
     "'retain-partial,1,COMMAND', as --partial writes)\n"},
    {"a later version",
     {"retain-partial,2,ids\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:1: expected version 1 of the part format (a newer retain may "
     "have written this one)\n"},
    {"an unknown command",
     {"retain-partial,1,batch\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:1: expected a part of cohorts, periods or ids\n"},
    {"cut short",
     {HEAD_IDS "ids,,,1,1,1\n"},
     false,
     RT_OK,
     NULL,
     "error a:3: expected the line 'end' last (the part is cut short)\n"},
    {"a line of another command",
     {HEAD_IDS "cohort,,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected a line of a part: option, meta, tally, max, group, "
     "a data line, hash or end\n"},
    {"too few counts",
     {HEAD_IDS "ids,,,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected ids,,,START,END,RETAINED\n"},
    {"a count with a leading zero",
     {HEAD_IDS "ids,,,01,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected counts: whole numbers up to 2^63 - 1\n"},
    {"a count too large",
     {HEAD_IDS "ids,,,9223372036854775808,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected counts: whole numbers up to 2^63 - 1\n"},
    {"a group not given",
     {COHORTS "cohort,0,24288,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected cohort,GROUP,PERIOD,CUSTOMERS,ACTIVE...\n"},
    {"groups out of order",
     {COHORTS "group,1,x\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:4: expected group,INDEX,VALUE with the groups numbered 0, 1, "
     "... in order\n"},
    {"a group twice",
     {COHORTS "group,0,x\ngroup,1,x\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:5: expected each group value once\n"},
    {"a hash of 15 digits",
     {HEAD_IDS "hash,000000000000001\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected hash,HHHHHHHHHHHHHHHH (16 lower-case hex digits)\n"},
    {"a tally twice",
     {HEAD_IDS "tally,end_duplicates,1\ntally,end_duplicates,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:3: expected each tally once\n"},
    {"a quote inside a field",
     {HEAD_IDS "meta,a\"b,c\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected a quote only around a whole field\n"},
    {"something after the end",
     {HEAD_IDS "end\n\n"},
     false,
     RT_OK,
     NULL,
     "error a:3: expected a part of retain's (a first line "
     "'retain-partial,1,COMMAND', as --partial writes)\n"},
    {"empty",
     {""},
     false,
     RT_OK,
     NULL,
     "error a:1: expected a part of retain's (the file is empty)\n"},
};

/* The diagnostics, one line each, appended to a growing text. */
struct heard {
    char text[2048];
    size_t len;
};

static void hear(void *context, enum rt_severity severity, const char *file,
                 uint64_t line, const char *message)
{
    struct heard *heard = context;
    int n = snprintf(heard->text + heard->len, sizeof heard->text - heard->len,
                     "%s %s:%llu: %s\n",
                     severity == RT_SEVERITY_ERROR ? "error" : "warning",
                     file ? file : "-", (unsigned long long)line, message);

    assert_true(n > 0 && (size_t)n < sizeof heard->text - heard->len);
    heard->len += (size_t)n;
}

static void expect_written(const struct rt_part *part, const char *expected)
{
    struct rt_sink sink;

    rt_sink_init_memory(&sink);
    rt_part_write(part, &sink);
    assert_false(sink.failed);
    rt_sink_put(&sink, '\0');
    assert_string_equal(sink.buf, expected);
    rt_sink_free(&sink);
}

static void test_part(void **state)
{
    const struct part_case *c = *state;
    static const char *const names[3] = {"a", "b", "c"};
    struct heard heard = {{0}, 0};
    struct rt_reporter reporter = {hear, &heard};
    struct rt_part part;
    bool read = true;
    size_t i;

    rt_part_init(&part, "");
    for (i = 0; i < 3 && c->texts[i]; i++)
        read = rt_part_read(&part, c->texts[i], strlen(c->texts[i]), names[i],
                            reporter) &&
               read;
    assert_string_equal(heard.text, c->messages);
    assert_int_equal(read, c->read);
    assert_false(part.no_memory);
    if (read) {
        assert_int_equal(rt_part_finish(&part), c->finish);
        if (c->written)
            expect_written(&part, c->written);
    }
    rt_part_free(&part);
}

/* A part made as the commands make theirs: the hashes of IDs, kept 64. */
static void test_built_part(void **state)
{
    struct rt_part part;
    const uint64_t counts[3] = {5, 4, 3};
    char id[8];
    size_t group, i;

    (void)state;
    rt_part_init(&part, "ids");
    assert_true(rt_part_option(&part, "trim", "0"));
    assert_true(rt_part_group(&part, "x", 1, &group));
    assert_int_equal(group, 0);
    assert_true(rt_part_group(&part, "x", 1, &group));
    assert_int_equal(group, 0);
    assert_true(
        rt_part_record(&part, RT_PART_OVERALL, RT_PART_NO_PERIOD, counts, 3));
    for (i = 0; i < 100; i++) {
        snprintf(id, sizeof id, "c%zu", i);
        rt_part_id(&part, id, strlen(id), false);
    }
    /* Another case of one ID is another ID, unless folded. */
    rt_part_id(&part, "C1", 2, true);
    assert_int_equal(part.hash_count, RT_PART_HASHES);
    for (i = 1; i < part.hash_count; i++)
        assert_true(part.hashes[i - 1] < part.hashes[i]);
    assert_string_equal(rt_part_option_value(&part, "trim"), "0");
    assert_null(rt_part_option_value(&part, "spans"));
    assert_int_equal(rt_part_tally_value(&part, "none"), 0);
    rt_part_free(&part);
}

/*
 * A NUL byte in a part, bare or quoted, is refused: names and values are
 * C strings once read, and "as-of\0x" cut to "as-of" wrote a part that
 * did not read again (found by fuzz_partial).
 */
static void test_nul_byte(void **state)
{
    static const char bare[] = HEAD_IDS "option,trim\0x,0\nids,,,1,1,1\nend\n";
    static const char quoted[] = HEAD_IDS "option,trim,\"0\0\"\nend\n";
    const char *const texts[] = {bare, quoted};
    const size_t lens[] = {sizeof bare - 1, sizeof quoted - 1};
    size_t i;

    (void)state;
    for (i = 0; i < 2; i++) {
        struct heard heard = {{0}, 0};
        struct rt_reporter reporter = {hear, &heard};
        struct rt_part part;

        rt_part_init(&part, "");
        assert_false(rt_part_read(&part, texts[i], lens[i], "a", reporter));
        assert_string_equal(heard.text,
                            "error a:2: expected text without NUL bytes\n");
        rt_part_free(&part);
    }
}

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_built_part),
                                       cmocka_unit_test(test_nul_byte)};

    return TABLE_RUN("part", part_cases, test_part) +
           cmocka_run_group_tests_name("part built", plain, NULL, NULL);
}
