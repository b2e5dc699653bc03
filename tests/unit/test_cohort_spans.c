/*
 * test_cohort_spans.c - the reader of a subscription table
 * (rt_cohort_log_file() with options.spans): the range of bits each row
 * sets, for both meanings of the bits (cohort_engine.h), worked out by
 * hand; the open rows closed as retain closes them; the rows left out,
 * warned about and counted.  Each case is read with one job and with two,
 * which must not differ.
 *
 * Bits are dumped (cohort_dump.h) relative to the first period's: with
 * RT_SPAN_BITS_PERIODS, bit 2p is "subscribed on some day of period p"
 * and 2p + 1 "on the first day of p + 1", p = 0 the table's first period;
 * with RT_SPAN_BITS_END, bit p is the latter.
 */
#include <stdio.h>
#include <string.h>

#include "cohort_dump.h"
#include "cohort_log.h"
#include "table.h"

#define DUMP_SIZE 4096

struct spans_case {
    const char *name;
    enum rt_span_bits bits;
    enum rt_period unit;
    const char *as_of; /* NULL: the default cut-off */
    const char *first; /* a day of the period bit 0 is relative to */
    const char *table;
    const char *want; /* the bits, then the counts and the messages */
};

#define P RT_SPAN_BITS_PERIODS
#define E RT_SPAN_BITS_END

/* a: from the first day of January to the first of March; b: from inside
   January, open; c: inside February alone.  The default cut-off is the
   latest date, 03-01: February is the last complete month. */
#define ABC                                                                    \
    "id,start_date,end_date\n"                                                 \
    "a,2024-01-01,2024-03-01\n"                                                \
    "b,2024-01-15,\n"                                                          \
    "c,2024-02-10,2024-02-20\n"

static const struct spans_case spans_cases[] = {
    {"periods: first-day and mid-period starts, an open row, joined and left",
     P, RT_PERIOD_MONTH, NULL, "2024-01-01", ABC,
     "a c=-1 open=- -1..2\nb c=0 open=0 0..3\nc c=2 open=- 2..2\n"
     "cut-off 2024-03-01, last 2024-02, read 3, left out 0, empty 0, "
     "after 0\n"},
    {"end: the same rows, bit p the first day of p + 1", E, RT_PERIOD_MONTH,
     NULL, "2024-01-01", ABC,
     "a c=0 open=- -1..0\nb c=0 open=0 0..1\nc c=1 open=- -\n"
     "cut-off 2024-03-01, last 2024-02, read 3, left out 0, empty 0, "
     "after 0\n"},
    {"periods: an end after --as-of runs on; a start after it is left out", P,
     RT_PERIOD_MONTH, "2024-02-15", "2024-01-01",
     "id,start,end\n"
     "a,2024-01-01,2024-03-01\n"
     "d,2024-02-20,2024-02-25\n"
     "e,2024-01-31,2024-02-16\n",
     "a c=-1 open=-1 -1..1\ne c=0 open=- 0..2\n"
     "cut-off 2024-02-15, last 2024-01, read 2, left out 0, empty 0, "
     "after 1\n"},
    {"periods: Sunday weeks, a row touching the next", P, RT_PERIOD_WEEK,
     "2024-03-16", "2024-03-03",
     /* Sundays 2024-03-03 and 03-10. */
     "id,start_date,end_date\n"
     "a,2024-03-03,2024-03-10\n"
     "a,2024-03-10,2024-03-11\n"
     "b,2024-03-04,2024-03-10\n",
     "a c=-1 open=- -1..2\nb c=0 open=- 0..0\n"
     "cut-off 2024-03-16, last 2024-03-10, read 3, left out 0, empty 0, "
     "after 0\n"},
    {"errors and warnings, in their turn; their dates count or not", E,
     RT_PERIOD_MONTH, NULL, "2024-01-01",
     "id,start_date,end_date\n"
     "a,2024-01-10,2024-02-10\n"
     "b,2024-03-01,2024-02-01\n"
     "c,2024-04-02,2024-04-02\n"
     ",2024-01-01,\n",
     "a c=0 open=- 0..0\n"
     "cut-off 2024-04-02, last 2024-03, read 1, left out 2, empty 1, "
     "after 0\n"
     "3: error: column 'end_date': the end 2024-02-01 is before the start "
     "2024-03-01 (expected an end on or after the start)\n"
     "4: warning: column 'end_date': 2024-04-02 makes a subscription of no "
     "length (its end is its start day): it counts nowhere\n"
     "5: error: column 'id': no customer ID (expected one on every row)\n"},
};

/* The reporter: "LINE: SEVERITY: MESSAGE" lines. */
static void keep(void *context, enum rt_severity severity, const char *file,
                 uint64_t line, const char *message)
{
    char *messages = context;
    size_t len = strlen(messages);

    (void)file;
    snprintf(messages + len, DUMP_SIZE - len, "%llu: %s: %s\n",
             (unsigned long long)line,
             severity == RT_SEVERITY_ERROR ? "error" : "warning", message);
}

static int32_t day_of(const char *text)
{
    int32_t day = 0;

    assert_int_equal(
        rt_date_parse(text, strlen(text), RT_DATE_AS_WRITTEN, &day),
        RT_DATE_OK);
    return day;
}

/* The last bit the finish reads, as retain closes the open rows. */
static int64_t last_bit(enum rt_span_bits bits, int64_t last_complete)
{
    return bits == RT_SPAN_BITS_PERIODS ? 2 * last_complete + 1 : last_complete;
}

static void read_table(const struct spans_case *c, unsigned jobs, char *dump)
{
    static const uint64_t key[2] = {1, 2};
    struct rt_cohort_log_options options;
    struct rt_cohort_log log;
    char messages[DUMP_SIZE] = "", as_of[16], last[RT_PERIOD_LABEL_SIZE];
    struct rt_reporter reporter = {keep, messages};
    FILE *in = tmpfile();
    int32_t cutoff, complete;
    int64_t first;

    assert_non_null(in);
    fputs(c->table, in);
    rewind(in);
    memset(&options, 0, sizeof options);
    options.key[0] = key[0];
    options.key[1] = key[1];
    options.jobs = jobs;
    options.period.unit = c->unit;
    options.period.week_start = RT_SUNDAY;
    options.spans = c->bits;
    options.has_as_of = c->as_of != NULL;
    options.as_of = c->as_of ? day_of(c->as_of) : 0;
    rt_cohort_log_init(&log, &options, reporter);
    assert_int_equal(rt_cohort_log_file(&log, in, "t.csv"), RT_COHORT_LOG_OK);
    fclose(in);
    assert_true(rt_cohort_log_as_of(&log, &cutoff));
    complete = rt_cohort_log_last_complete(&log, cutoff);
    assert_int_equal(
        rt_cohort_engine_close_open(&log.engine, last_bit(c->bits, complete)),
        RT_OK);
    first = rt_period_index(&options.period, day_of(c->first));
    assert_true(cohort_dump_spans(&log.engine, last_bit(c->bits, first - 1) + 1,
                                  dump, DUMP_SIZE));
    as_of[rt_date_write(cutoff, as_of)] = '\0';
    last[rt_period_label(&options.period, complete, last)] = '\0';
    snprintf(dump + strlen(dump), DUMP_SIZE - strlen(dump),
             "cut-off %s, last %s, read %llu, left out %llu, empty %llu, "
             "after %llu\n%s",
             as_of, last, (unsigned long long)log.events,
             (unsigned long long)log.rows_left_out,
             (unsigned long long)log.empty_spans,
             (unsigned long long)log.after_as_of, messages);
    rt_cohort_log_free(&log);
}

static void test_spans_case(void **state)
{
    const struct spans_case *c = *state;
    char dump[DUMP_SIZE];

    read_table(c, 1, dump);
    assert_string_equal(dump, c->want);
    read_table(c, 2, dump);
    assert_string_equal(dump, c->want);
}

int main(void)
{
    return TABLE_RUN("cohort spans reader", spans_cases, test_spans_case);
}
