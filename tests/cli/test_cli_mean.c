/*
 * test_cli_mean.c - the mean retention rate of retain batch --summary, run
 * as users run it: rounded once from the exact mean, halfway values away
 * from zero, and the one documented case where it is left empty, with its
 * warning.  Every case runs with -j1 and with -j3, which must agree.  The
 * random inputs are in oracle_summary.py; these are the named cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define HEAD                                                                   \
    "start,end,new,retained,lost,retention_rate,churn_rate,"                   \
    "simple_retention_rate,simple_churn_rate,warnings\n"
#define SUMMARY_HEAD                                                           \
    "scope,rows,start,end,new,retained,lost,retention_rate,churn_rate,"        \
    "simple_retention_rate,simple_churn_rate,mean_retention_rate,"             \
    "min_retention_rate,max_retention_rate\n"

static const struct cli_row mean_cases[] = {
    /* Issue 13: the rate rounded to 16 decimals, then again, gave 12.35. */
    {"one row of 12.344999999999996%",
     {"batch", "--summary"},
     "start,end,new\n100000000000000000,12344999999999996,0\n",
     0,
     HEAD "100000000000000000,12344999999999996,0,12344999999999996,"
          "87655000000000004,12.34,87.66,12.34,87.66,\n",
     SUMMARY_HEAD "all,1,100000000000000000,12344999999999996,0,"
                  "12344999999999996,87655000000000004,12.34,87.66,12.34,"
                  "87.66,12.34,12.34,12.34\n"},
    {"12.34 and 12.35: halfway, away from zero",
     {"batch", "--summary", "-f", "json"},
     "start,end,new\n10000,1234,0\n10000,0,1235\n10000,1235,0\n",
     0,
     NULL,
     NULL,
     .golden = "mean/12-34-and-12-35-halfway-away-from-zero"},
    {"thirds of 1% at -p 0: the mean 0.5% is halfway",
     {"batch", "--summary", "-p", "0"},
     "start,end,new\n300,1,0\n300,2,0\n",
     0,
     HEAD "300,1,0,1,299,0,100,0,100,\n"
          "300,2,0,2,298,1,99,1,99,\n",
     SUMMARY_HEAD "all,2,600,3,0,3,597,1,100,1,100,1,0,1\n"},
    {"thirds of 10^-12% below zero at -p 12: halfway, away from zero",
     {"batch", "--summary", "-p", "12"},
     "start,end,new\n300000000000000,0,1\n300000000000000,0,2\n",
     0,
     NULL,
     NULL,
     .golden = "mean/thirds-of-10-12-below-zero-at-p-12"},
};

static void test_mean(void **state)
{
    cli_row_check(*state, "-j1");
    cli_row_check(*state, "-j3");
}

#define UNDECIDED_WARNING                                                      \
    "retain: warning: summary of group 'pairs': mean_retention_rate left "     \
    "empty: it is within 10^-25 of halfway between two values at -p 0, and "   \
    "its rows have too many distinct start counts to decide exactly\n"

/*
 * Group "pairs": rows a/s and (s - a)/s for 1,025 distinct odd s, adding up
 * to 100% a pair, and one row putting the mean at exactly 50.5%.  Group
 * "one": a single row.  Enough rows for several blocks on three threads.
 */
static void write_pairs(void)
{
    FILE *f = fopen("pairs.csv", "w");
    uint64_t s = 1;
    int i;

    assert_non_null(f);
    fputs("seg,start,end,new\n", f);
    for (i = 0; i < 1025; i++) {
        do
            s += 2;
        while (s % 5 == 0);
        fprintf(f, "pairs,%llu,1,0\none,10,9,1\npairs,%llu,%llu,0\n",
                (unsigned long long)s, (unsigned long long)s,
                (unsigned long long)(s - 1));
    }
    fputs("pairs,1000,10755,0\n", f);
    assert_int_equal(fclose(f), 0);
}

/* At -p 0 the mean of "pairs" is left empty (null), with one warning. */
static void run_undecided(const char *jobs)
{
    const char *args[] = {"batch",
                          jobs,
                          "-p",
                          "0",
                          "-f",
                          "json",
                          "--group-by",
                          "seg",
                          "--summary-file",
                          "summary.json",
                          "pairs.csv",
                          NULL};
    struct run_result r;
    FILE *f;
    char *text;

    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_string_equal(
        r.err, "retain: pairs.csv:3077: warning: end - new (10755 - 0 = "
               "10755) is greater than start (1000): more customers retained "
               "than there were at the start\n" UNDECIDED_WARNING);
    assert_int_equal(r.status, 0);
    assert_true(r.out_len > 300000);
    f = fopen("summary.json", "r");
    assert_non_null(f);
    text = table_slurp(f);
    assert_string_equal(
        text,
        "{\"scope\":\"group\",\"seg\":\"pairs\",\"rows\":2051,\"start\":"
        "2632686,\"end\":1326598,\"new\":0,\"retained\":1326598,\"lost\":"
        "1306088,\"retention_rate\":50,\"churn_rate\":50,"
        "\"simple_retention_rate\":50,\"simple_churn_rate\":50,"
        "\"mean_retention_rate\":null,\"min_retention_rate\":0,"
        "\"max_retention_rate\":1076}\n"
        "{\"scope\":\"group\",\"seg\":\"one\",\"rows\":1025,\"start\":10250,"
        "\"end\":9225,\"new\":1025,\"retained\":8200,\"lost\":2050,"
        "\"retention_rate\":80,\"churn_rate\":20,\"simple_retention_rate\":"
        "90,\"simple_churn_rate\":10,\"mean_retention_rate\":80,"
        "\"min_retention_rate\":80,\"max_retention_rate\":80}\n"
        "{\"scope\":\"all\",\"seg\":null,\"rows\":3076,\"start\":2642936,"
        "\"end\":1335823,\"new\":1025,\"retained\":1334798,\"lost\":1308138,"
        "\"retention_rate\":51,\"churn_rate\":49,\"simple_retention_rate\":"
        "51,\"simple_churn_rate\":49,\"mean_retention_rate\":60,"
        "\"min_retention_rate\":0,\"max_retention_rate\":1076}\n");
    free(text);
    fclose(f);
    run_result_free(&r);
}

static void test_undecided(void **state)
{
    (void)state;
    run_undecided("-j1");
    run_undecided("-j3");
}

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_undecided)};
    char dir[] = "/tmp/retain-mean-XXXXXX";

    run_enter_fresh_dir(dir);
    write_pairs();
    return TABLE_RUN("batch mean", mean_cases, test_mean) +
           cmocka_run_group_tests_name("batch mean left empty", plain, NULL,
                                       NULL);
}
