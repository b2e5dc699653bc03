/*
 * fuzz_periods.c - the reader of an activity log or a subscription table,
 * the cohort engine's bits and the counts behind retain periods.  The first
 * two bytes pick the options (period, week start, date form, grouping,
 * return events, --as-of, --from, a log or --spans); the rest is the
 * input, read as one file.  Checks that the counts can all be true: every
 * row reconciles (S - lost + N = E, N = first_time + returning, retained
 * within S and E), the periods follow one another with each E the next
 * S, none is after the last finished period, no log has joined_and_left,
 * each segment's counts are within everyone's; and that every format
 * writes.  Uses fmemopen (POSIX), as the tests may.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include "cohort_log.h"
#include "cohort_periods.h"
#include "fuzz.h"
#include "periods.h"

static void quiet(void *context, enum rt_severity severity, const char *file,
                  uint64_t line, const char *message)
{
    (void)context, (void)severity, (void)file, (void)line, (void)message;
}

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
        o->has_as_of = true;
        o->as_of = 19800 + (int32_t)(a % 64); /* around 2024 */
    }
    if (b & 16) {
        o->spans = RT_SPAN_BITS_PERIODS; /* start_date or start, end... */
        return;
    }
    if (b & 32) {
        o->event_col = "e";
        o->return_events.items = return_events;
        o->return_events.count = 2;
    }
    if (b & 64) {
        o->has_from = true;
        o->from = 19780 + (int32_t)(a % 32);
    }
}

/* One row on its own: the counts add up. */
static void check_row(const struct rt_period_counts *row, bool spans)
{
    FUZZ_CHECK(row->retained <= row->start && row->retained <= row->end,
               "retained within S and E");
    FUZZ_CHECK(row->lost == row->start - row->retained, "lost = S - retained");
    FUZZ_CHECK(row->new_customers == row->end - row->retained,
               "N = E - retained");
    FUZZ_CHECK(row->start - row->lost + row->new_customers == row->end,
               "S - lost + N = E");
    FUZZ_CHECK(row->first_time + row->returning == row->new_customers,
               "N = first_time + returning");
    FUZZ_CHECK(spans || row->joined_and_left == 0,
               "joined_and_left on spans only");
}

static void check_table(const struct rt_period_table *table, bool spans,
                        int64_t last_complete)
{
    size_t i;

    for (i = 0; i < table->count; i++) {
        check_row(&table->rows[i], spans);
        FUZZ_CHECK(table->rows[i].period <= last_complete,
                   "finished periods only");
        if (i == 0)
            continue;
        FUZZ_CHECK(table->rows[i].period == table->rows[i - 1].period + 1,
                   "every period, gaps included");
        FUZZ_CHECK(table->rows[i].start == table->rows[i - 1].end,
                   "each E is the next S");
    }
}

/* The overall row of a period, or NULL. */
static const struct rt_period_counts *
overall_row(const struct rt_period_result *result, int64_t period)
{
    const struct rt_period_table *all = &result->overall;

    if (all->count == 0 || period < all->rows[0].period ||
        period > all->rows[all->count - 1].period)
        return NULL;
    return &all->rows[period - all->rows[0].period];
}

/* A segment's customers are some of everyone: no count above everyone's. */
static void check_segment(const struct rt_period_result *result,
                          const struct rt_period_table *table)
{
    size_t i;

    for (i = 0; i < table->count; i++) {
        const struct rt_period_counts *row = &table->rows[i];
        const struct rt_period_counts *all = overall_row(result, row->period);

        FUZZ_CHECK(all != NULL, "a segment's periods are everyone's");
        FUZZ_CHECK(row->start <= all->start && row->end <= all->end &&
                       row->first_time <= all->first_time &&
                       row->returning <= all->returning &&
                       row->joined_and_left <= all->joined_and_left,
                   "a segment within everyone");
    }
}

static void check_result(const struct rt_period_result *result, bool spans,
                         int64_t last_complete)
{
    size_t g;

    FUZZ_CHECK(result->spans == spans, "the kind of input");
    check_table(&result->overall, spans, last_complete);
    for (g = 0; g < result->group_count; g++) {
        FUZZ_CHECK(result->groups[g].count > 0, "a segment with no row is out");
        check_table(&result->groups[g], spans, last_complete);
        check_segment(result, &result->groups[g]);
    }
}

/* Every format writes, to memory, through the batch engine. */
static void write_outputs(const struct rt_cohort_log *log,
                          const struct rt_period_result *result)
{
    struct rt_reporter reporter = {quiet, NULL};
    struct rt_periods_output output;
    struct rt_batch_options options;
    struct rt_sink sink;
    enum rt_batch_result written;
    int f;

    output.result = result;
    output.period = log->options.period;
    output.group_name = log->options.group_col ? "g" : NULL;
    for (f = 0; f < 4; f++) {
        memset(&options, 0, sizeof options);
        options.format = (enum rt_format)f;
        options.format_given = true;
        options.out_delimiter = f == RT_FORMAT_TSV ? '\t' : ',';
        options.precision = (unsigned)(3 * f);
        options.summary = f == RT_FORMAT_TEXT;
        options.only = f == RT_FORMAT_CSV ? "first_time" : NULL;
        options.jobs = 1;
        rt_sink_init_memory(&sink);
        written = rt_periods_write(&output, &options, &sink, reporter, NULL);
        FUZZ_CHECK(written == RT_BATCH_OK, "the rows write");
        rt_sink_free(&sink);
    }
}

/* Counts the log read, checks and writes the counts. */
static void count(struct rt_cohort_log *log, int32_t as_of)
{
    bool spans = log->options.spans != RT_SPAN_BITS_NONE;
    int64_t last = rt_cohort_log_last_complete(log, as_of);
    struct rt_period_result result;
    enum rt_status closed = RT_OK;

    /* Too far a cut-off is refused before anything is marked: no count. */
    if (spans)
        closed = rt_cohort_engine_close_open(&log->engine, 2 * last + 1);
    FUZZ_CHECK(closed == RT_OK || closed == RT_ERR_RANGE,
               "the open rows close");
    if (closed != RT_OK)
        return;
    FUZZ_CHECK(rt_cohort_periods(&log->engine, spans, last, &result) == RT_OK,
               "the counts reconcile");
    check_result(&result, spans, last);
    /* A few thousand rows say what millions would, faster. */
    if (result.overall.count > 0 && result.overall.count <= 4000)
        write_outputs(log, &result);
    rt_period_result_free(&result);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rt_reporter reporter = {quiet, NULL};
    struct rt_cohort_log_options options;
    struct rt_cohort_log log;
    int32_t as_of;
    FILE *in;

    if (size < 3)
        return 0;
    pick_options(data[0], data[1], &options);
    in = fmemopen((void *)(data + 2), size - 2, "rb");
    FUZZ_CHECK(in != NULL, "fmemopen");
    rt_cohort_log_init(&log, &options, reporter);
    if (rt_cohort_log_file(&log, in, "log") != RT_COHORT_LOG_NO_MEMORY &&
        rt_cohort_log_as_of(&log, &as_of))
        count(&log, as_of);
    rt_cohort_log_free(&log);
    fclose(in);
    return 0;
}
