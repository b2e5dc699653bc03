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
#include <stdlib.h>
#include <string.h>

#include "cohort_dump.h"
#include "cohort_log.h"
#include "table.h"

#define DUMP_SIZE 4096

/* The big table: more rows than a chunk holds, so chunks are handed over
 * (and, with two jobs, fed on the second thread). */
#define BIG_CUSTOMERS 100
#define BIG_DAYS      100

struct spans_case {
    const char *name;
    enum rt_span_bits bits;
    enum rt_period unit;
    const char *as_of; /* NULL: the default cut-off */
    const char *first; /* a day of the period bit 0 is relative to */
    const char *table;
    const char *want; /* the bits, then the counts and the messages */
    enum rt_cohort_log_result read; /* how reading ends; 0: OK */
    const char *id_col;             /* --id-col; NULL: the default */
};

#define P RT_SPAN_BITS_PERIODS
#define E RT_SPAN_BITS_END

/* a: from the first day of January to the first of March; b: from inside
   January, open; c: inside February alone.  The default cut-off is the
   latest start, 02-10 (ends do not count: one may lie in the future), so
   January is the last complete month; what runs past 02-10 is kept as a
   tail, unmarked, and marked only up to the last bit read, as --as-of
   2024-02-10 would (c, starting after January, marks nothing). */
#define ABC                                                                    \
    "id,start_date,end_date\n"                                                 \
    "a,2024-01-01,2024-03-01\n"                                                \
    "b,2024-01-15,\n"                                                          \
    "c,2024-02-10,2024-02-20\n"

static const struct spans_case spans_cases[] = {
    {"periods: first-day and mid-period starts, an open row, joined and left",
     P, RT_PERIOD_MONTH, NULL, "2024-01-01", ABC,
     "a c=-1 tail=-1..2 -1..1\nb c=0 open=0 0..1\nc c=2 tail=2..2 -\n"
     "cut-off 2024-02-10, last 2024-01, read 3, left out 0, empty 0, "
     "after 0\n"},
    {"end: the same rows, bit p the first day of p + 1", E, RT_PERIOD_MONTH,
     NULL, "2024-01-01", ABC,
     "a c=0 tail=-1..0 -1..0\nb c=0 open=0 0..0\nc c=1 open=- -\n"
     "cut-off 2024-02-10, last 2024-01, read 3, left out 0, empty 0, "
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
     "\n"
     "b,2024-03-01,2024-02-01\n"
     "c,2024-04-02,2024-04-02\n"
     ",2024-01-01,\n",
     /* a ends after the latest start (the cut-off): a tail, marked. */
     "a c=0 tail=0..0 0..0\n"
     "cut-off 2024-04-02, last 2024-03, read 1, left out 2, empty 1, "
     "after 0\n"
     "4: error: column 'end_date': the end 2024-02-01 is before the start "
     "2024-03-01 (expected an end on or after the start)\n"
     "5: warning: column 'end_date': 2024-04-02 makes a subscription of no "
     "length (its end is its start day): it counts nowhere\n"
     "6: error: column 'id': no customer ID (expected one on every row)\n"
     "3: warning: skipped 1 blank line (expected one subscription on each "
     "line)\n"},
    {"periods: an end in 9999 is cut at the latest start, not marked", P,
     RT_PERIOD_MONTH, NULL, "2024-01-01",
     "id,start_date,end_date\n"
     "a,2024-01-15,\n"
     "z,2024-01-01,9999-12-31\n"
     "b,2024-02-10,\n",
     /* z's tail ends at 2 * (9999-12 less 2024-01 months); bits to 1. */
     "a c=0 open=0 0..1\nz c=-1 tail=-1..191422 -1..1\nb c=2 open=2 -\n"
     "cut-off 2024-02-10, last 2024-01, read 3, left out 0, empty 0, "
     "after 0\n"},
    {"the ID and the start in one column", E, RT_PERIOD_MONTH, NULL, NULL,
     "start_date,end_date\n",
     "1: error: the customer ID and the start are both the column "
     "'start_date' (expected two columns: see --id-col and --start-col)\n",
     RT_COHORT_LOG_SKIPPED, "start_date"},
    {"the ID and the end in one column", E, RT_PERIOD_MONTH, NULL, NULL,
     "customer,start,END\n",
     "1: error: the customer ID and the end are both the column 'END' "
     "(expected two columns: see --id-col and --end-col)\n",
     RT_COHORT_LOG_SKIPPED, "END"},
    {"no end column", E, RT_PERIOD_MONTH, NULL, NULL, "id,start_date,finish\n",
     "1: error: no end date column (expected one named end_date or end, or "
     "--end-col NAME; the columns are 'id', 'start_date', 'finish')\n",
     RT_COHORT_LOG_SKIPPED},
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

static void read_table(const struct spans_case *c, unsigned jobs, char *dump,
                       size_t size)
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
    /* Two cases name the ID column as a table's start or end. */
    options.id_col = strstr(c->name, "ID and the start") ? "start_date"
                     : strstr(c->name, "ID and the end") ? "END"
                                                         : NULL;
    rt_cohort_log_init(&log, &options, reporter);
    assert_int_equal(rt_cohort_log_file(&log, in, "t.csv"), c->read);
    fclose(in);
    if (c->read != RT_COHORT_LOG_OK) {
        strcpy(dump, messages);
        rt_cohort_log_free(&log);
        return;
    }
    assert_true(rt_cohort_log_as_of(&log, &cutoff));
    complete = rt_cohort_log_last_complete(&log, cutoff);
    assert_int_equal(
        rt_cohort_engine_close_open(&log.engine, last_bit(c->bits, complete)),
        RT_OK);
    first = rt_period_index(&options.period, day_of(c->first));
    assert_true(cohort_dump_spans(&log.engine, last_bit(c->bits, first - 1) + 1,
                                  dump, size));
    as_of[rt_date_write(cutoff, as_of)] = '\0';
    last[rt_period_label(&options.period, complete, last)] = '\0';
    snprintf(dump + strlen(dump), size - strlen(dump),
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

    read_table(c, 1, dump, sizeof dump);
    assert_string_equal(dump, c->want);
    read_table(c, 2, dump, sizeof dump);
    assert_string_equal(dump, c->want);
}

/*
 * BIG_CUSTOMERS customers, each with a one-day row on each of BIG_DAYS
 * days, the rows of a day together: by the day, each a period, every
 * customer's rows touch into one stretch, bits -1 .. 2 * BIG_DAYS - 2.
 */
static void test_many_rows(void **state)
{
    static char table[BIG_CUSTOMERS * BIG_DAYS * 32], want[16384], dump[16384];
    struct spans_case c = {"many rows",  RT_SPAN_BITS_PERIODS, RT_PERIOD_DAY,
                           "2024-12-31", "2024-01-01",         table,
                           want};
    size_t len = (size_t)sprintf(table, "id,start_date,end_date\n"), at = 0;
    int32_t first = day_of("2024-01-01");
    char start[16], end[16];
    unsigned day, id;
    unsigned jobs;

    (void)state;
    for (day = 0; day < BIG_DAYS; day++)
        for (id = 0; id < BIG_CUSTOMERS; id++) {
            start[rt_date_write(first + (int32_t)day, start)] = '\0';
            end[rt_date_write(first + (int32_t)day + 1, end)] = '\0';
            len += (size_t)sprintf(table + len, "c%u,%s,%s\n", id, start, end);
        }
    for (id = 0; id < BIG_CUSTOMERS; id++)
        at += (size_t)sprintf(want + at, "c%u c=-1 open=- -1..%d\n", id,
                              2 * BIG_DAYS - 2);
    sprintf(want + at,
            "cut-off 2024-12-31, last 2024-12-31, read %u, left out 0, "
            "empty 0, after 0\n",
            BIG_CUSTOMERS * BIG_DAYS);
    for (jobs = 1; jobs <= 2; jobs++) {
        read_table(&c, jobs, dump, sizeof dump);
        assert_string_equal(dump, want);
    }
}

/*
 * Random tables read with RT_SPAN_BITS_PERIODS against the bits worked
 * out day by day: bit 2p of a customer is set when one of its rows covers
 * a day of period p, bit 2p + 1 when one covers the first day of p + 1;
 * a row with no end (or, as of --as-of, an end after it) covers every day
 * on, its bits closed at 2 * last complete + 1.
 */
enum {
    RANDOM_RUNS = 150,
    RANDOM_ROWS = 12,
    RANDOM_CUSTOMERS = 4,
    RANDOM_BITS = 2048 /* from 2 * P(the base day) - 2: far enough */
};

struct random_row {
    unsigned customer;
    int32_t start, end; /* end 0: none */
};

static uint64_t random_state = 0x2545f4914f6cdd1d;

static uint32_t below(uint32_t n)
{
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return (uint32_t)(random_state % n);
}

static bool covers(const struct random_row *row, int32_t day, bool open)
{
    return day >= row->start && (open || day < row->end);
}

/* The bits one row sets, day by day, from bit `low`. */
static void row_bits(const struct rt_period_spec *spec,
                     const struct random_row *row, bool open, int64_t last,
                     int64_t low, bool *bits)
{
    int64_t p, top = open ? last : rt_period_index(spec, row->end - 1);
    int32_t day;

    for (p = rt_period_index(spec, row->start) - 1; p <= top + 1; p++) {
        bool some = false;

        for (day = rt_period_first_day(spec, (int32_t)p);
             day <= rt_period_last_day(spec, (int32_t)p); day++)
            some |= covers(row, day, open);
        if (some && (!open || 2 * p <= 2 * last + 1))
            bits[2 * p - low] = true;
        if (covers(row, rt_period_first_day(spec, (int32_t)p + 1), open) &&
            (!open || 2 * p + 1 <= 2 * last + 1))
            bits[2 * p + 1 - low] = true;
    }
}

/* The dump of one customer, worked out from its rows. */
static size_t expect_customer(const struct rt_period_spec *spec,
                              const struct random_row *rows, size_t count,
                              unsigned customer, int32_t as_of, int64_t last,
                              int64_t low, char *out)
{
    static bool bits[RANDOM_BITS];
    int64_t first = INT64_MAX, open_lo = INT64_MAX, b;
    size_t i, len;
    bool any = false;

    memset(bits, 0, sizeof bits);
    for (i = 0; i < count; i++) {
        const struct random_row *r = &rows[i];
        bool open = r->end == 0 || r->end > as_of + 1;
        int64_t p = rt_period_index(spec, r->start);
        int64_t lo =
            2 * p - (r->start == rt_period_first_day(spec, (int32_t)p));

        if (r->customer != customer || r->start > as_of)
            continue;
        first = lo < first ? lo : first;
        open_lo = open && lo < open_lo ? lo : open_lo;
        row_bits(spec, r, open, last, low, bits);
    }
    len = (size_t)sprintf(out, "c%u c=%lld open=", customer,
                          (long long)(first - low));
    len += open_lo == INT64_MAX
               ? (size_t)sprintf(out + len, "-")
               : (size_t)sprintf(out + len, "%lld", (long long)(open_lo - low));
    for (b = 0; b < RANDOM_BITS; b++) {
        int64_t to = b;

        if (!bits[b] || (b > 0 && bits[b - 1]))
            continue;
        while (to + 1 < RANDOM_BITS && bits[to + 1])
            to++;
        len += (size_t)sprintf(out + len, " %lld..%lld", (long long)b,
                               (long long)to);
        any = true;
    }
    if (!any)
        len += (size_t)sprintf(out + len, " -");
    return len + (size_t)sprintf(out + len, "\n");
}

static void test_random_periods(void **state)
{
    static char table[RANDOM_ROWS * 48 + 64], want[8192], dump[8192];
    struct random_row rows[RANDOM_ROWS];
    struct rt_period_spec spec = {RT_PERIOD_MONTH, RT_SUNDAY};
    int32_t base = day_of("2023-12-20"), as_of;
    unsigned run, seen, customer;
    size_t i, count, len, at;
    /* Under valgrind (the memcheck stage's time budget), fewer. */
    unsigned runs = getenv("RETAIN_WRAPPER") ? RANDOM_RUNS / 5 : RANDOM_RUNS;

    (void)state;
    for (run = 0; run < runs; run++) {
        char first_text[16], as_of_text[16];
        struct spans_case c = {"random",   RT_SPAN_BITS_PERIODS, RT_PERIOD_DAY,
                               as_of_text, first_text,           table,
                               want};
        int64_t last, low;
        int32_t cutoff;

        spec.unit = (enum rt_period)(RT_PERIOD_DAY + below(5));
        spec.week_start = RT_SUNDAY; /* as read_table() reads weeks */
        c.unit = spec.unit;
        count = 1 + below(RANDOM_ROWS);
        as_of = base + (int32_t)below(250);
        len = (size_t)sprintf(table, "id,start_date,end_date\n");
        for (i = 0; i < count; i++) {
            char start[16], end[16] = "";

            rows[i].customer = below(RANDOM_CUSTOMERS);
            rows[i].start = base + (int32_t)below(120);
            rows[i].end =
                below(5) == 0
                    ? 0
                    : rows[i].start + 1 + (int32_t)below(below(2) ? 10 : 200);
            start[rt_date_write(rows[i].start, start)] = '\0';
            if (rows[i].end)
                end[rt_date_write(rows[i].end, end)] = '\0';
            len += (size_t)sprintf(table + len, "c%u,%s,%s\n", rows[i].customer,
                                   start, end);
        }
        as_of_text[rt_date_write(as_of, as_of_text)] = '\0';
        /* Bits from 2 * P(base) - 2, which no row goes below. */
        first_text[rt_date_write(
            rt_period_first_day(&spec, rt_period_index(&spec, base) - 1),
            first_text)] = '\0';
        low = 2 * (int64_t)rt_period_index(&spec, base) - 2;
        cutoff = as_of;
        last = rt_period_ended(&spec, rt_period_index(&spec, cutoff), cutoff)
                   ? rt_period_index(&spec, cutoff)
                   : rt_period_index(&spec, cutoff) - 1;
        /* The customers in order of their first row fed. */
        at = 0;
        seen = 0;
        for (i = 0; i < count; i++) {
            customer = rows[i].customer;
            if (rows[i].start > as_of || (seen & (1u << customer)))
                continue;
            seen |= 1u << customer;
            at += expect_customer(&spec, rows, count, customer, as_of, last,
                                  low, want + at);
        }
        want[at] = '\0';
        read_table(&c, 1 + run % 2, dump, sizeof dump);
        /* The bits alone: the counts' line is the hand-worked cases'. */
        *strstr(dump, "cut-off ") = '\0';
        if (strcmp(dump, want) != 0)
            fail_msg("random run %u, %s:\n%s--- got\n%s--- want\n%s", run,
                     rt_period_name(spec.unit), table, dump, want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_rows),
        cmocka_unit_test(test_random_periods),
    };

    return TABLE_RUN("cohort spans reader", spans_cases, test_spans_case) +
           cmocka_run_group_tests_name("cohort spans reader, many rows", tests,
                                       NULL, NULL);
}
