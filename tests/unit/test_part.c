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
#define MONTH    "option,period,month\n"

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
     {HEAD_IDS "option,trim,0\nmeta,m,x\ntally,t,3\nmax,x,9\nids,,,3,2,1\n"
               "hash,0000000000000001\nhash,00000000000000ff\nend\n"},
     true,
     RT_OK,
     HEAD_IDS "option,trim,0\nmeta,m,x\ntally,t,3\nmax,x,9\nids,,,3,2,1\n"
              "hash,0000000000000001\nhash,00000000000000ff\nend\n",
     ""},
    {"counts add, groups are matched by value, maxima kept",
     {"retain-partial,1,cohorts\n" MONTH "tally,t,1\nmax,m,5\ngroup,0,pro\n"
      "group,1,free\ncohort,0,10,2,2,1\ncohort,1,11,1,1\ncohort,,10,2,2,1\n"
      "end\n",
      "retain-partial,1,cohorts\n" MONTH "tally,t,2\nmax,m,4\ngroup,0,free\n"
      "group,1,new\ncohort,0,11,3,3\ncohort,1,9,1,1,0\ncohort,,9,1,1,0\n"
      "end\n"},
     true,
     RT_OK,
     "retain-partial,1,cohorts\n" MONTH "tally,t,3\nmax,m,5\ngroup,0,pro\n"
     "group,1,free\ngroup,2,new\ncohort,,9,1,1,0\ncohort,,10,2,2,1\n"
     "cohort,0,10,2,2,1\ncohort,1,11,4,4\ncohort,2,9,1,1,0\nend\n",
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
     {"retain-partial,1,periods\n" MONTH "end\n",
      "retain-partial,1,periods\noption,period,week\nend\n"},
     false,
     RT_OK,
     NULL,
     "error b:0: option --period is 'week', and 'month' in a (expected parts "
     "made with the same options)\n"},
    {"an option more",
     {"retain-partial,1,periods\n" MONTH "end\n",
      "retain-partial,1,periods\n" MONTH "option,spans,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error b:0: option --spans is given, and not given in a (expected parts "
     "made with the same options)\n"},
    {"another command",
     {HEAD_IDS "end\n", "retain-partial,1,periods\nend\n"},
     false,
     RT_OK,
     NULL,
     "error b:0: a part of retain periods, and a one of retain ids (expected "
     "parts of one command)\n"},

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
    {"a count too large",
     {HEAD_IDS "ids,,,9223372036854775808,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected counts: whole numbers up to 2^63 - 1\n"},
    {"a group not given",
     {"retain-partial,1,cohorts\ncohort,0,1,1\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected cohort,GROUP,PERIOD,CUSTOMERS,ACTIVE...\n"},
    {"groups out of order",
     {"retain-partial,1,cohorts\ngroup,1,x\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected group,INDEX,VALUE with the groups numbered 0, 1, "
     "... in order\n"},
    {"a group twice",
     {"retain-partial,1,cohorts\ngroup,0,x\ngroup,1,x\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:3: expected each group value once\n"},
    {"a hash of 15 digits",
     {HEAD_IDS "hash,000000000000001\nend\n"},
     false,
     RT_OK,
     NULL,
     "error a:2: expected hash,HHHHHHHHHHHHHHHH (16 lower-case hex digits)\n"},
    {"a tally twice",
     {HEAD_IDS "tally,t,1\ntally,t,1\nend\n"},
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

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_built_part)};

    return TABLE_RUN("part", part_cases, test_part) +
           cmocka_run_group_tests_name("part built", plain, NULL, NULL);
}
