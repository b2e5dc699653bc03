/* periods.c - see periods.h. */
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "columns.h"
#include "describe.h"
#include "periods.h"
#include "sink.h"

/* How the table in memory is named, should a message name it. */
#define TABLE_NAME "(periods)"

/*
 * One row of the table in memory: which table, which period, and the
 * physical line its record starts on, which is what the batch engine
 * names.  A segment's value may hold line breaks, so a record may span
 * several lines and a line number is not a row number.
 */
struct place {
    const struct rt_period_table *table;
    size_t row;
    uint64_t line;
};

/* Diagnostics of the batch engine, reworded to name the period. */
struct relay {
    struct rt_reporter user;
    const struct rt_periods_output *output;
    const struct place *places; /* in the order of their lines */
    size_t count;
};

/* The columns of the table in memory besides the segment. */
static const char *const own_columns[] = {
    "period",    "start",          "end", "new", "first_time",
    "returning", "joined_and_left"};

/*
 * The segment column's name: the --group-by column's, or input.NAME when
 * the table has a column of that name in any case, as retain batch names
 * an input column whose name the output adds.  NULL when out of memory.
 */
static char *segment_name(const char *group_name)
{
    size_t len = strlen(group_name), i;
    bool taken = false;
    char *name = malloc(len + sizeof "input.");

    for (i = 0; i < sizeof own_columns / sizeof own_columns[0]; i++)
        taken = taken || rt_column_same_name(group_name, len, own_columns[i]);
    if (name)
        snprintf(name, len + sizeof "input.", "%s%s", taken ? "input." : "",
                 group_name);
    return name;
}

/* The tables written: each segment's, or the overall one alone. */
static size_t table_count(const struct rt_period_result *result)
{
    return result->group_count ? result->group_count : 1;
}

static const struct rt_period_table *table_at(const struct rt_period_result *r,
                                              size_t t)
{
    return r->group_count ? &r->groups[t] : &r->overall;
}

static void put_count(struct rt_sink *sink, uint64_t n)
{
    char text[24];

    rt_sink_put(sink, ',');
    rt_sink_write(
        sink, text,
        (size_t)snprintf(text, sizeof text, "%llu", (unsigned long long)n));
}

static void write_header(struct rt_sink *sink,
                         const struct rt_periods_output *output)
{
    if (output->group_name) {
        rt_sink_field(sink, output->group_name, strlen(output->group_name),
                      ',');
        rt_sink_put(sink, ',');
    }
    rt_sink_puts(sink, "period,start,end,new,first_time,returning");
    if (output->result->spans)
        rt_sink_puts(sink, ",joined_and_left");
    rt_sink_put(sink, '\n');
}

/* The line breaks of what the sink holds from byte from on. */
static uint64_t breaks_since(const struct rt_sink *sink, size_t from)
{
    uint64_t breaks = 0;
    size_t i;

    for (i = from; i < sink->len; i++)
        breaks += sink->buf[i] == '\n';
    return breaks;
}

static void write_row(struct rt_sink *sink,
                      const struct rt_periods_output *output,
                      const struct rt_period_table *table,
                      const struct rt_period_counts *row)
{
    char label[RT_PERIOD_LABEL_SIZE];

    if (output->group_name) {
        rt_sink_field(sink, table->group ? table->group : "",
                      table->group ? table->group_len : 0, ',');
        rt_sink_put(sink, ',');
    }
    rt_sink_write(
        sink, label,
        rt_period_label(&output->period, (int32_t)row->period, label));
    put_count(sink, row->start);
    put_count(sink, row->end);
    put_count(sink, row->new_customers);
    put_count(sink, row->first_time);
    put_count(sink, row->returning);
    if (output->result->spans)
        put_count(sink, row->joined_and_left);
    rt_sink_put(sink, '\n');
}

/* The table in memory, and where each of its rows comes from. */
static bool write_table(struct rt_sink *sink,
                        const struct rt_periods_output *output,
                        struct relay *relay)
{
    const struct rt_period_result *result = output->result;
    struct place *places;
    size_t t, i, rows = 0;
    uint64_t line;

    for (t = 0; t < table_count(result); t++)
        rows += table_at(result, t)->count;
    places = malloc((rows ? rows : 1) * sizeof *places);
    if (!places)
        return false;
    write_header(sink, output);
    line = 1 + breaks_since(sink, 0);
    for (t = 0; t < table_count(result); t++) {
        const struct rt_period_table *table = table_at(result, t);

        for (i = 0; i < table->count; i++) {
            size_t from = sink->len;

            places[relay->count++] = (struct place){table, i, line};
            write_row(sink, output, table, &table->rows[i]);
            line += breaks_since(sink, from);
        }
    }
    relay->places = places;
    return !sink->failed;
}

/* The row whose record starts on line, by bisection; NULL if none does. */
static const struct place *place_at(const struct relay *relay, uint64_t line)
{
    size_t low = 0, high = relay->count;

    while (low < high) {
        size_t mid = low + (high - low) / 2;

        if (relay->places[mid].line < line)
            low = mid + 1;
        else
            high = mid;
    }
    return low < relay->count && relay->places[low].line == line
               ? &relay->places[low]
               : NULL;
}

/* "period 2024-03", and " of segment 'pro'" when grouped. */
static void describe_place(const struct relay *relay, const struct place *at,
                           char *buf, size_t size)
{
    char label[RT_PERIOD_LABEL_SIZE], quoted[RT_QUOTE_SIZE];

    rt_period_label(&relay->output->period,
                    (int32_t)at->table->rows[at->row].period, label);
    if (!at->table->group) {
        snprintf(buf, size, "period %s", label);
        return;
    }
    rt_quote_value(at->table->group, at->table->group_len, quoted,
                   sizeof quoted);
    snprintf(buf, size, "period %s of segment %s", label, quoted);
}

static void relay_report(void *context, enum rt_severity severity,
                         const char *file, uint64_t line, const char *message)
{
    const struct relay *relay = context;
    const struct place *at;
    char place[RT_QUOTE_SIZE + 64], text[RT_MESSAGE_SIZE + sizeof place];

    if (!file || strcmp(file, TABLE_NAME) != 0) {
        relay->user.report(relay->user.context, severity, file, line, message);
        return;
    }
    /* No file and line to name, but a period: "warning: period 2024-03:
       ...", as a warning about no file reads.  The table in memory is no
       file of the user's: without a row, the message alone. */
    place[0] = '\0';
    if ((at = place_at(relay, line)) != NULL)
        describe_place(relay, at, place, sizeof place);
    snprintf(text, sizeof text, "%s%s%s%s",
             severity == RT_SEVERITY_WARNING ? "warning: " : "", place,
             at ? ": " : "", message);
    relay->user.report(relay->user.context, severity, NULL, 0, text);
}

/* The batch options of the run: the user's, and what periods asks. */
static struct rt_batch_options
batch_options(const struct rt_periods_output *output,
              const struct rt_batch_options *user)
{
    struct rt_batch_options o = *user;

    o.in_delimiter = ',';
    o.header = true;
    o.columns = NULL;
    o.start_col = "start";
    o.end_col = "end";
    o.new_col = "new";
    o.group_by = output->group_name;
    o.jobs = 1;
    o.trailing = output->result->spans ? 3 : 2;
    o.zero_start_warning = RT_PERIODS_NO_START;
    o.counts_as_numbers = true;
    return o;
}

static enum rt_batch_result run_batch(const struct rt_batch_options *options,
                                      struct rt_sink *sink, struct relay *relay,
                                      const struct rt_sink *table,
                                      FILE *summary_out)
{
    struct rt_reporter reporter = {relay_report, relay};
    enum rt_batch_result result, finished;
    struct rt_batch batch;

    if (rt_batch_init(&batch, options, sink, reporter) != RT_OK) {
        rt_batch_free(&batch);
        return RT_BATCH_NO_MEMORY;
    }
    result = rt_batch_memory(&batch, table->buf, table->len, TABLE_NAME);
    finished = rt_batch_finish(&batch, summary_out);
    rt_batch_free(&batch);
    return result > finished ? result : finished;
}

enum rt_batch_result rt_periods_write(const struct rt_periods_output *output,
                                      const struct rt_batch_options *options,
                                      struct rt_sink *sink,
                                      struct rt_reporter reporter,
                                      FILE *summary_out)
{
    struct rt_periods_output named = *output;
    struct relay relay = {reporter, &named, NULL, 0};
    struct rt_batch_options o;
    struct rt_sink table;
    enum rt_batch_result result = RT_BATCH_NO_MEMORY;
    char *name = NULL;

    rt_sink_init_memory(&table);
    if (output->group_name && !(name = segment_name(output->group_name)))
        return RT_BATCH_NO_MEMORY;
    named.group_name = name;
    o = batch_options(&named, options);
    if (write_table(&table, &named, &relay))
        result = run_batch(&o, sink, &relay, &table, summary_out);
    free((void *)relay.places);
    rt_sink_free(&table);
    free(name);
    return result;
}

bool rt_periods_unfinished_note(const struct rt_period_result *result,
                                const struct rt_period_spec *period,
                                int32_t cut_off, char *buf, size_t size)
{
    int64_t first = result->first_unfinished;
    int64_t last = rt_period_index(period, cut_off);
    char from[RT_PERIOD_LABEL_SIZE], to[RT_PERIOD_LABEL_SIZE];
    char day[RT_DATE_TEXT_LENGTH + 1];

    buf[0] = '\0';
    if (result->last_data != INT64_MIN && result->last_data > last)
        last = result->last_data;
    if (last < first)
        return false;
    rt_period_label(period, (int32_t)first, from);
    rt_period_label(period, (int32_t)last, to);
    day[rt_date_write(cut_off, day)] = '\0';
    if (first == last)
        snprintf(buf, size,
                 "%s is left out: it has not ended by the cut-off %s", from,
                 day);
    else
        snprintf(buf, size,
                 "%s to %s are left out: they have not ended by the cut-off %s",
                 from, to, day);
    return true;
}
