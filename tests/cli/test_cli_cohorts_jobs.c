/*
 * test_cli_cohorts_jobs.c - retain cohorts on one, two and three threads.
 *
 * With more than one job, the rows are read on one thread and fed to the
 * engine on another (src/cohorts/cohort_pipe.h); that may change nothing
 * but the speed.  Each case runs with -j1, -j2 and -j3 on logs long enough
 * to fill many chunks, with bad rows, blank lines, dates out of range, a
 * group column and several files (one of them unusable), and the three
 * runs must give the same standard output, standard error and exit status,
 * which are also checked to be what such a log gives.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "table.h"

/* A deterministic log of `rows` rows: customers joining over two years,
 * with a trouble of some kind every few hundred rows. */
static char *make_log(unsigned rows, unsigned seed)
{
    size_t cap = (size_t)rows * 64 + 64, len = 0;
    char *text = malloc(cap);
    unsigned long state = seed;
    unsigned i;

    if (!text)
        exit(1);
    len += (size_t)snprintf(text, cap, "customer_id,date,plan\n");
    for (i = 0; i < rows; i++) {
        unsigned day, month, customer;
        const char *plan;

        state = state * 6364136223846793005UL + 1442695040888963407UL;
        customer = (unsigned)(state >> 33) % (i / 4 + 50);
        month = 1 + (i * 24 / rows) % 12;
        day = 1 + (unsigned)(state >> 20) % 28;
        plan = (state >> 40) % 3 == 0 ? "pro" : "free";
        if (i % 997 == 5)
            len += (size_t)snprintf(text + len, cap - len, ",2024-01-01,x\n");
        else if (i % 911 == 7)
            len += (size_t)snprintf(text + len, cap - len,
                                    "C%u,2023-02-30,free\n", customer);
        else if (i % 1499 == 3)
            len += (size_t)snprintf(text + len, cap - len, "C%u,2023-03-01\n",
                                    customer);
        else if (i % 1777 == 9)
            len += (size_t)snprintf(text + len, cap - len, "\n");
        else
            len += (size_t)snprintf(text + len, cap - len,
                                    "C%u,%u-%02u-%02u%s,%s\n", customer,
                                    2023 + i * 2 / rows, month, day,
                                    i % 3 ? "" : "T10:30:00Z", plan);
    }
    return text;
}

static void make_fixtures(void)
{
    char dir[] = "/tmp/retain-cohorts-jobs-XXXXXX";
    char *log;

    run_enter_fresh_dir(dir);
    log = make_log(30000, 1);
    run_write_fixture("a.csv", log);
    free(log);
    log = make_log(7000, 2);
    run_write_fixture("b.csv", log);
    free(log);
    run_write_fixture("no-id.csv", "who,date\nx,2023-01-01\n");
}

struct jobs_case {
    const char *name;
    const char *args[12]; /* after "-jN" */
    int status;
    const char *err_has[4]; /* parts the standard error must hold */
};

static const struct jobs_case jobs_cases[] = {
    {"several files, groups, bad rows and an unusable file",
     {"cohorts", "--group-by", "plan", "a.csv", "no-id.csv", "b.csv"},
     1,
     {"retain: a.csv:7: error: column 'customer_id': no customer ID",
      "retain: a.csv:9: error: column 'date': '2023-02-30' is not a date",
      "retain: no-id.csv:1: error: no customer ID column",
      "retain: b.csv:5: error: the row has 2 fields"}},
    {"days, dates cut off at both ends",
     {"cohorts", "--period", "day", "--from", "2023-03-01", "--as-of",
      "2024-06-30", "b.csv", "a.csv"},
     1,
     {"retain: b.csv:", "blank line", "events", NULL}},
    {"standard input and a file",
     {"cohorts", "--period", "week", "-", "b.csv"},
     1,
     {"retain: (standard input):7: error:", NULL, NULL, NULL}},
};

static void run_jobs(const struct jobs_case *c, const char *jobs,
                     struct run_result *r)
{
    const char *args[16];
    char *in = NULL;
    size_t i;

    args[0] = c->args[0];
    args[1] = jobs;
    for (i = 1; c->args[i]; i++)
        args[i + 1] = c->args[i];
    args[i + 1] = NULL;
    if (strcmp(c->name, "standard input and a file") == 0)
        in = make_log(20000, 3);
    assert_int_equal(run_retain(args, in, NULL, RUN_CAPTURE, r), 0);
    free(in);
}

static void test_jobs(void **state)
{
    const struct jobs_case *c = *state;
    struct run_result one, two, three;
    size_t i;

    run_jobs(c, "-j1", &one);
    run_jobs(c, "-j2", &two);
    run_jobs(c, "-j3", &three);
    assert_int_equal(one.status, c->status);
    assert_true(one.out_len > 0);
    for (i = 0; i < 4 && c->err_has[i]; i++)
        if (!strstr(one.err, c->err_has[i]))
            fail_msg("no '%s' in:\n%.2000s", c->err_has[i], one.err);
    assert_int_equal(two.status, one.status);
    assert_int_equal(three.status, one.status);
    assert_string_equal(two.out, one.out);
    assert_string_equal(three.out, one.out);
    assert_string_equal(two.err, one.err);
    assert_string_equal(three.err, one.err);
    run_result_free(&one);
    run_result_free(&two);
    run_result_free(&three);
}

int main(void)
{
    make_fixtures();
    return TABLE_RUN("cohorts jobs", jobs_cases, test_jobs);
}
