/*
 * fuzz_cohorts.c - the reader of an activity log, the cohort engine and
 * the report behind retain cohorts.  The first two bytes pick the options
 * (period, week start, mode, average, grouping, start and return events,
 * --utc, the cut-off, a subscription table: --spans); the rest is the log
 * or the table, read as one file.  Checks that
 * the triangles can all be true: each cohort's active customers at most
 * its size, its observed cells within the columns, on-or-after never
 * rising with k, every average the sums of the cohorts it says, the groups
 * adding up to everyone; and that every format writes.  Uses fmemopen
 * (POSIX), as the tests may.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include "cohort_log.h"
#include "cohort_report.h"
#include "fuzz.h"

static void quiet(void *context, enum rt_severity severity, const char *file,
                  uint64_t line, const char *message)
{
    (void)context, (void)severity, (void)file, (void)line, (void)message;
}

static const char *const start_events[] = {"signup"};
static const char *const return_events[] = {"buy", "visit"};

/* The options two bytes pick. */
static void pick_options(uint8_t a, uint8_t b, struct rt_cohort_log_options *o)
{
    static const uint64_t key[2] = {0x0123456789abcdefu, 0xfedcba9876543210u};

    memset(o, 0, sizeof o[0]);
    o->key[0] = key[0];
    o->key[1] = key[1];
    o->jobs = 1 + (a >> 7);
    o->period.unit = (enum rt_period)(RT_PERIOD_DAY + a % 5);
    o->period.week_start = (enum rt_weekday)((a >> 3) % 7);
    o->date_mode = (enum rt_date_mode)(b % 3);
    if (b & 4)
        o->group_col = "g";
    if (b & 8) {
        o->event_col = "e";
        o->start_events.items = start_events;
        o->start_events.count = 1;
    }
    if (b & 16) {
        o->event_col = "e";
        o->return_events.items = return_events;
        o->return_events.count = 2;
    }
    if (b & 32) {
        o->has_as_of = true;
        o->as_of = 19800 + (int32_t)(a % 64); /* around 2024 */
    }
    if (b & 128) { /* a table has no event types */
        o->spans = RT_SPAN_BITS_END;
        o->event_col = NULL;
        o->start_events.count = o->return_events.count = 0;
    }
}

static void check_triangle(const struct rt_cohort_result *result,
                           const struct rt_cohort_triangle *tri)
{
    uint64_t customers = 0;
    size_t i, k;

    for (k = 0; k < result->columns; k++) {
        uint64_t cohorts = 0, sizes = 0, active = 0;

        for (i = 0; i < tri->row_count; i++) {
            const struct rt_cohort_row *row = &tri->rows[i];

            if (k >= row->observed)
                continue;
            FUZZ_CHECK(row->active[k] <= row->customers, "active <= size");
            FUZZ_CHECK(result->mode == RT_COHORT_ON || k == 0 ||
                           row->active[k] <= row->active[k - 1],
                       "on-or-after never rises");
            cohorts++;
            sizes += row->customers;
            active += row->active[k];
        }
        FUZZ_CHECK(tri->average.cohorts[k] == cohorts &&
                       tri->average.customers[k] == sizes &&
                       tri->average.active[k] == active,
                   "the average is the sums of its cohorts");
    }
    for (i = 0; i < tri->row_count; i++) {
        FUZZ_CHECK(tri->rows[i].observed <= result->columns,
                   "observed within the columns");
        FUZZ_CHECK(i == 0 || tri->rows[i - 1].cohort < tri->rows[i].cohort,
                   "cohorts in time order");
        customers += tri->rows[i].customers;
    }
    FUZZ_CHECK(customers == tri->customers, "the rows add up");
}

static void check_result(const struct rt_cohort_result *result)
{
    uint64_t grouped = 0;
    size_t g;

    check_triangle(result, &result->overall);
    for (g = 0; g < result->group_count; g++) {
        check_triangle(result, &result->groups[g]);
        grouped += result->groups[g].customers;
    }
    FUZZ_CHECK(result->group_count == 0 || grouped == result->overall.customers,
               "the groups add up to everyone");
}

/* Every format writes, exactly, to memory. */
static void write_reports(const struct rt_cohort_log *log,
                          const struct rt_cohort_result *result, int32_t as_of)
{
    static const struct rt_notes none = {NULL, 0};
    struct rt_cohort_report report;
    struct rt_sink sink;
    int f;

    memset(&report, 0, sizeof report);
    report.result = result;
    report.period = log->options.period;
    report.as_of = as_of;
    report.header = true;
    report.precision = 3;
    report.warnings = &none;
    report.group_name = log->options.group_col ? "g" : NULL;
    for (f = 0; f < 5; f++) {
        report.format = f == 4 ? RT_FORMAT_CSV : (enum rt_format)f;
        report.long_form = f == 4;
        report.average = f % 2 ? RT_COHORT_MEAN : RT_COHORT_POOLED;
        rt_sink_init_memory(&sink);
        FUZZ_CHECK(rt_cohort_report_write(&sink, &report) == RT_OK,
                   "the report writes");
        rt_sink_free(&sink);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rt_reporter reporter = {quiet, NULL};
    struct rt_cohort_log_options options;
    struct rt_cohort_log log;
    struct rt_cohort_result result;
    int32_t as_of;
    FILE *in;

    if (size < 3)
        return 0;
    pick_options(data[0], data[1], &options);
    in = fmemopen((void *)(data + 2), size - 2, "rb");
    FUZZ_CHECK(in != NULL, "fmemopen");
    rt_cohort_log_init(&log, &options, reporter);
    if (rt_cohort_log_file(&log, in, "log") != RT_COHORT_LOG_NO_MEMORY &&
        rt_cohort_log_as_of(&log, &as_of)) {
        FUZZ_CHECK(options.spans == RT_SPAN_BITS_NONE ||
                       rt_cohort_engine_close_open(
                           &log.engine,
                           rt_cohort_log_last_complete(&log, as_of)) == RT_OK,
                   "close the open rows");
        FUZZ_CHECK(rt_cohort_finish(
                       &log.engine, rt_cohort_log_last_complete(&log, as_of),
                       (data[1] & 64) ? RT_COHORT_ON_OR_AFTER : RT_COHORT_ON, 0,
                       &result) == RT_OK,
                   "finish");
        check_result(&result);
        write_reports(&log, &result, as_of);
        rt_cohort_result_free(&result);
    }
    rt_cohort_log_free(&log);
    fclose(in);
    return 0;
}
