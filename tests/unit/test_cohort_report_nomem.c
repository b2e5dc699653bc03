/*
 * test_cohort_report_nomem.c - the cohorts report writer out of memory.
 * Its own allocations are the text table's and the mean formatter's; the
 * report goes to a file, so the sink allocates nothing.  Each case writes
 * the report once as it is, then with each allocation failing in turn,
 * alone and with every later one: the writer must say RT_ERR_NOMEM
 * exactly when an allocation failed, write the same bytes otherwise, and
 * free what it allocated.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cohort_engine.h"
#include "cohort_report.h"
#include "failing_alloc.h"
#include "table.h"

static const uint64_t key[2] = {3, 5};

/* 2024-01 as a month index. */
#define JANUARY (2024 * 12)

struct nomem_case {
    const char *name;
    enum rt_format format;
    enum rt_cohort_average_method average;
    bool grouped;
};

static const struct nomem_case nomem_cases[] = {
    {"text, pooled", RT_FORMAT_TEXT, RT_COHORT_POOLED, false},
    {"text, mean, grouped", RT_FORMAT_TEXT, RT_COHORT_MEAN, true},
    {"json, mean, grouped", RT_FORMAT_JSON, RT_COHORT_MEAN, true},
    {"csv, mean", RT_FORMAT_CSV, RT_COHORT_MEAN, false},
};

/* Cohorts 2024-01 to 2024-06, the c-th with c + 2 customers, each active
   at offsets up to its number modulo 4; two segments. */
static void feed(struct rt_cohort_engine *engine, bool grouped)
{
    char id[16];
    int64_t c, n, k;

    for (c = 0; c < 6; c++)
        for (n = 0; n < c + 2; n++)
            for (k = 0; k <= n % 4 && c + k < 6; k++) {
                struct rt_cohort_event event = {
                    id, 0, JANUARY + c + k, true, true, NULL, 0, false, 0};

                event.id_len =
                    (size_t)snprintf(id, sizeof id, "%d-%d", (int)c, (int)n);
                if (grouped) {
                    event.segment = n % 2 ? "odd" : "even";
                    event.segment_len = strlen(event.segment);
                }
                assert_int_equal(rt_cohort_engine_add(engine, &event), RT_OK);
            }
}

/*
 * Writes the report to a temporary file, its bytes into *text; whether an
 * allocation of the writer failed into *failed, and how many it made into
 * *calls.  Allocations fail no more once it is written.
 */
static enum rt_status write_report(const struct rt_cohort_report *report,
                                   char **text, bool *failed,
                                   unsigned long *calls)
{
    static struct rt_sink sink; /* 64 KiB: not on the stack */
    FILE *file = tmpfile();
    enum rt_status status;

    assert_non_null(file);
    rt_sink_init(&sink, file);
    status = rt_cohort_report_write(&sink, report);
    *failed = failing_alloc_failed();
    *calls = failing_alloc_calls();
    failing_alloc_reset(0, false);
    assert_true(rt_sink_flush(&sink));
    *text = table_slurp(file);
    fclose(file);
    return status;
}

static unsigned long next_failure(unsigned long n)
{
    return n < 256 ? n + 1 : n + n / 8;
}

static void test_out_of_memory(void **state)
{
    const struct nomem_case *c = *state;
    struct rt_cohort_engine engine;
    struct rt_cohort_result result;
    struct rt_cohort_report report = {0};
    char *want = NULL, *got = NULL;
    unsigned long calls, ignored, n;
    long live;
    int persistent;
    bool failed;

    rt_cohort_engine_init(&engine, key, false, c->grouped);
    feed(&engine, c->grouped);
    assert_int_equal(
        rt_cohort_finish(&engine, JANUARY + 5, RT_COHORT_ON, 0, &result),
        RT_OK);
    report.result = &result;
    report.period.unit = RT_PERIOD_MONTH;
    report.as_of = 19904; /* 2024-06-30 */
    report.average = c->average;
    report.format = c->format;
    report.header = true;
    report.precision = 2;
    report.group_name = c->grouped ? "parity" : NULL;
    live = failing_alloc_live();
    failing_alloc_reset(0, false);
    assert_int_equal(write_report(&report, &want, &failed, &calls), RT_OK);
    assert_false(failed);
    assert_true(calls > 0);
    assert_int_equal(failing_alloc_live(), live + 1); /* want */
    for (n = 1; n <= calls; n = next_failure(n))
        for (persistent = 0; persistent < 2; persistent++) {
            enum rt_status status;

            failing_alloc_reset(n, persistent != 0);
            status = write_report(&report, &got, &failed, &ignored);
            assert_int_equal(status, failed ? RT_ERR_NOMEM : RT_OK);
            if (status == RT_OK)
                assert_string_equal(got, want);
            free(got);
            assert_int_equal(failing_alloc_live(), live + 1);
        }
    free(want);
    rt_cohort_result_free(&result);
    rt_cohort_engine_free(&engine);
}

int main(void)
{
    return TABLE_RUN("cohort report out of memory", nomem_cases,
                     test_out_of_memory);
}
