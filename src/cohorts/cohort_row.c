/* cohort_row.c - the columns of an input and its rows; see cohort_row.h. */
#include <stdlib.h>
#include <string.h>

#include "cohort_pipe.h"
#include "cohort_row.h"
#include "columns.h"
#include "row_shape.h"

/* A column found by the names of the issue, when no option names one. */
struct column_role {
    const char *option;            /* e.g. "--id-col" */
    const char *what;              /* e.g. "customer ID" */
    const char *const defaults[3]; /* tried in any case, left to right */
};

static const struct column_role id_role = {
    "--id-col", "customer ID", {"customer_id", "customer", "id"}};
static const struct column_role date_role = {
    "--date-col", "date", {"date", "timestamp", "time"}};
static const struct column_role start_role = {
    "--start-col", "start date", {"start_date", "start", NULL}};
static const struct column_role end_role = {
    "--end-col", "end date", {"end_date", "end", NULL}};

/*
 * The column with the role's first name, else its second, and so on, each
 * found as rt_column_index() finds a name (exactly, else in any case): in
 * "id,customer_id,date" the ID is customer_id, and in "start,start_date"
 * the start is start_date, whatever their order.  *used is the name's
 * place in role->defaults.
 */
static size_t default_column(const struct rt_csv_record *header,
                             const struct column_role *role, size_t *used)
{
    size_t i, j;

    for (j = 0; j < 3 && role->defaults[j]; j++) {
        i = rt_column_index(header->fields, header->count, role->defaults[j]);
        if (i != RT_NO_COLUMN) {
            *used = j;
            return i;
        }
    }
    return RT_NO_COLUMN;
}

/* False with a message when the role's default name finds two columns. */
static bool default_alone(const struct rt_csv_record *header,
                          const struct column_role *role, size_t column,
                          size_t used, char *message, size_t size)
{
    char what[64];
    size_t twin = rt_column_twin(header->fields, header->count, column,
                                 role->defaults[used]);

    if (twin == RT_NO_COLUMN)
        return true;
    snprintf(what, sizeof what, "the %s", role->what);
    rt_column_ambiguous(header->fields, column, twin, what, message, size);
    return false;
}

/*
 * The column `name` names (for `option`), else, for a role, the default
 * one; false after reporting the header when there is none.
 */
static bool find_column(const struct rt_cohort_log *log,
                        const struct rt_csv_record *header, const char *file,
                        const char *name, const char *option,
                        const struct column_role *role, size_t *out)
{
    char message[RT_MESSAGE_SIZE], columns[RT_MESSAGE_SIZE / 2];
    size_t used = 0;

    *out = RT_NO_COLUMN;
    if (name) {
        if (rt_column_find_one(header->fields, header->count, name, option, out,
                               message, sizeof message))
            return true;
    } else if (!role) {
        return true;
    } else if ((*out = default_column(header, role, &used)) != RT_NO_COLUMN) {
        if (default_alone(header, role, *out, used, message, sizeof message))
            return true;
    } else {
        rt_column_list(header->fields, header->count, columns, sizeof columns);
        snprintf(message, sizeof message,
                 "no %s column (expected one named %s%s%s or %s, or %s NAME; "
                 "the columns are %s)",
                 role->what, role->defaults[0], role->defaults[2] ? ", " : "",
                 role->defaults[2] ? role->defaults[1] : "",
                 role->defaults[2] ? role->defaults[2] : role->defaults[1],
                 role->option, columns);
    }
    rt_cohort_log_report(log, RT_SEVERITY_ERROR, file, header->line, message);
    return false;
}

static void quote_name(const struct rt_csv_record *header, size_t column,
                       char buf[RT_QUOTE_SIZE])
{
    buf[0] = '\0';
    if (column != RT_NO_COLUMN)
        rt_quote_value(header->fields[column].data, header->fields[column].len,
                       buf, RT_QUOTE_SIZE);
}

/* Reports two roles given one column, which cannot be. */
static bool same_column(const struct rt_cohort_log *log,
                        const struct rt_csv_record *header, const char *file,
                        const char *what, const char *name, const char *options)
{
    char message[RT_MESSAGE_SIZE];

    snprintf(message, sizeof message,
             "the %s are both the column %s (expected two columns: see %s)",
             what, name, options);
    rt_cohort_log_report(log, RT_SEVERITY_ERROR, file, header->line, message);
    return false;
}

/* The ID and the date (a table's start and end) must be distinct columns. */
static bool distinct_columns(const struct rt_cohort_log *log,
                             const struct rt_csv_record *header,
                             const char *file,
                             const struct cohort_columns *columns)
{
    bool spans = log->options.spans != RT_SPAN_BITS_NONE;

    if (columns->id == columns->date)
        return same_column(
            log, header, file,
            spans ? "customer ID and the start" : "customer ID and the date",
            columns->id_name,
            spans ? "--id-col and --start-col" : "--id-col and --date-col");
    if (spans && columns->id == columns->end)
        return same_column(log, header, file, "customer ID and the end",
                           columns->id_name, "--id-col and --end-col");
    if (spans && columns->date == columns->end)
        return same_column(log, header, file, "start and the end",
                           columns->date_name, "--start-col and --end-col");
    return true;
}

/* A subscription table's columns: ID, start, end, and the segment's. */
static bool find_span_columns(struct rt_cohort_log *log,
                              const struct rt_csv_record *header,
                              const char *file, struct cohort_columns *columns)
{
    const struct rt_cohort_log_options *o = &log->options;

    columns->event = columns->signup = RT_NO_COLUMN;
    return find_column(log, header, file, o->id_col, "--id-col", &id_role,
                       &columns->id) &&
           find_column(log, header, file, o->start_col, "--start-col",
                       &start_role, &columns->date) &&
           find_column(log, header, file, o->end_col, "--end-col", &end_role,
                       &columns->end) &&
           find_column(log, header, file, o->group_col, "--group-by", NULL,
                       &columns->group);
}

/* A log's columns: ID, date, and those of the options. */
static bool find_log_columns(struct rt_cohort_log *log,
                             const struct rt_csv_record *header,
                             const char *file, struct cohort_columns *columns)
{
    const struct rt_cohort_log_options *o = &log->options;

    columns->end = RT_NO_COLUMN;
    return find_column(log, header, file, o->id_col, "--id-col", &id_role,
                       &columns->id) &&
           find_column(log, header, file, o->date_col, "--date-col", &date_role,
                       &columns->date) &&
           find_column(log, header, file, o->event_col, "--event-col", NULL,
                       &columns->event) &&
           find_column(log, header, file, o->cohort_col, "--cohort-col", NULL,
                       &columns->signup) &&
           find_column(log, header, file, o->group_col, "--group-by", NULL,
                       &columns->group);
}

enum rt_cohort_log_result
cohort_columns_find(struct rt_cohort_log *log,
                    const struct rt_csv_record *header, const char *file,
                    struct cohort_columns *columns)
{
    bool found = log->options.spans != RT_SPAN_BITS_NONE
                     ? find_span_columns(log, header, file, columns)
                     : find_log_columns(log, header, file, columns);

    columns->width = header->count;
    if (!found)
        return RT_COHORT_LOG_SKIPPED;
    columns->plain = log->options.spans == RT_SPAN_BITS_NONE &&
                     columns->event == RT_NO_COLUMN &&
                     columns->signup == RT_NO_COLUMN &&
                     columns->group == RT_NO_COLUMN;
    quote_name(header, columns->id, columns->id_name);
    quote_name(header, columns->date, columns->date_name);
    quote_name(header, columns->signup, columns->signup_name);
    quote_name(header, columns->group, columns->group_name);
    quote_name(header, columns->end, columns->end_name);
    return distinct_columns(log, header, file, columns) ? RT_COHORT_LOG_OK
                                                        : RT_COHORT_LOG_SKIPPED;
}

/* Reports a row left out, in its turn among the events, and counts it. */
static enum rt_cohort_log_result left_out(struct rt_cohort_log *log,
                                          uint64_t line, const char *message)
{
    log->rows_left_out++;
    if (!cohort_chunk_note(cohort_pipe_chunk(log->pipe), RT_SEVERITY_ERROR,
                           line, message))
        return RT_COHORT_LOG_NO_MEMORY;
    return RT_COHORT_LOG_OK;
}

/* Whether the field is the memo's text; then its day and period hold.
 * Compared in place, 8 bytes at a time (the last word overlapping the one
 * before): a call to memcmp, or a loop over the bytes, costs more than
 * the comparison itself, on every row. */
static bool remembered(const struct rt_cohort_date_memo *memo,
                       const struct rt_csv_field *field)
{
    uint64_t a, b;
    size_t i, len = field->len;

    /* An empty memo holds no date: an empty field is not one. */
    if (memo->len == 0 || len != memo->len)
        return false;
    if (len < 8) {
        for (i = 0; i < len; i++)
            if (field->data[i] != memo->text[i])
                return false;
        return true;
    }
    for (i = 0; i + 8 < len; i += 8) {
        memcpy(&a, field->data + i, 8);
        memcpy(&b, memo->text + i, 8);
        if (a != b)
            return false;
    }
    memcpy(&a, field->data + len - 8, 8);
    memcpy(&b, memo->text + len - 8, 8);
    return a == b;
}

/*
 * Remembers a date text read, and its day and period.  Within one day the
 * shortest text stays: a log in date order writes most dates without a
 * time, and one row with a time between them must not make the rest miss.
 */
static void remember(struct rt_cohort_date_memo *memo,
                     const struct rt_csv_field *field, int32_t day,
                     int32_t period)
{
    if (field->len == 0 || field->len > sizeof memo->text ||
        (memo->len > 0 && day == memo->day && field->len >= memo->len))
        return;
    memcpy(memo->text, field->data, field->len);
    memo->len = field->len;
    memo->day = day;
    memo->period = period;
}

/* Reads a date field, into its day and period; false with what is wrong
 * in message.  A day already seen keeps its period. */
static bool read_date(const struct rt_cohort_log *log,
                      struct rt_cohort_date_memo *memo,
                      const struct rt_csv_field *field, const char *column,
                      int32_t *day, int32_t *period, char *message, size_t size)
{
    char problem[RT_DATE_PROBLEM_SIZE], quoted[RT_QUOTE_SIZE];

    if (remembered(memo, field)) {
        *day = memo->day;
        *period = memo->period;
        return true;
    }
    if (rt_date_parse(field->data, field->len, log->options.date_mode, day) ==
        RT_DATE_OK) {
        *period = memo->len > 0 && *day == memo->day
                      ? memo->period
                      : rt_period_index(&log->options.period, *day);
        remember(memo, field, *day, *period);
        return true;
    }
    rt_date_problem(field->data, field->len, log->options.date_mode, problem,
                    sizeof problem);
    rt_quote_value(field->data, field->len, quoted, sizeof quoted);
    snprintf(message, size, "column %s: %s is not a date: %s (expected %s)",
             column, quoted, problem, rt_date_expected(log->options.date_mode));
    return false;
}

/* Whether a row's ID can be used; false with why not in message. */
static bool read_id(const struct rt_csv_field *id, const char *column,
                    char *message, size_t size)
{
    if (id->len == 0) {
        snprintf(message, size,
                 "column %s: no customer ID (expected one on every row)",
                 column);
        return false;
    }
    if (id->len > RT_ID_MAX) {
        snprintf(message, size,
                 "column %s: the customer ID has %llu bytes (expected at "
                 "most %u)",
                 column, (unsigned long long)id->len, (unsigned)RT_ID_MAX);
        return false;
    }
    return true;
}

/* A segment value is kept as an ID is, and has its limit. */
static bool read_segment(const struct cohort_columns *columns,
                         const struct rt_csv_record *record, char *message,
                         size_t size)
{
    if (columns->group == RT_NO_COLUMN ||
        record->fields[columns->group].len <= RT_ID_MAX)
        return true;
    snprintf(message, size,
             "column %s: the value has %llu bytes (expected at most %u)",
             columns->group_name,
             (unsigned long long)record->fields[columns->group].len,
             (unsigned)RT_ID_MAX);
    return false;
}

/* Whether the len bytes at text are one of the values. */
static bool one_of(const struct rt_cohort_values *values, const char *text,
                   size_t len)
{
    size_t i;

    for (i = 0; i < values->count; i++)
        if (strlen(values->items[i]) == len &&
            memcmp(values->items[i], text, len) == 0)
            return true;
    return false;
}

/* The shape of a row: its fields can be read, and there are enough. */
static bool check_shape(const struct cohort_columns *columns,
                        const struct rt_csv_record *record, char *message,
                        size_t size)
{
    if (record->problem != RT_CSV_FINE) {
        rt_row_shape_problem(record, NULL, 0, message, size);
        return false;
    }
    if (record->count != columns->width) {
        rt_row_shape_width(record->count, columns->width, message, size);
        return false;
    }
    return true;
}

/*
 * Whether the row's date lies within --from .. --as-of; counts it when
 * not.  The latest date of any valid row (of a table: start) is the default
 * cut-off.
 */
static void note_latest(struct rt_cohort_log *log, int32_t day)
{
    if (!log->have_day || day > log->latest_day)
        log->latest_day = day;
    log->have_day = true;
}

static bool within_dates(struct rt_cohort_log *log, int32_t day)
{
    const struct rt_cohort_log_options *o = &log->options;

    note_latest(log, day);
    if (o->has_from && day < o->from) {
        log->before_from++;
        return false;
    }
    if (o->has_as_of && day > o->as_of) {
        log->after_as_of++;
        return false;
    }
    return true;
}

/* Holds one event (the chunk copies its bytes); hands the chunk over when
 * it is full. */
static enum rt_cohort_log_result hold(struct rt_cohort_log *log,
                                      const struct rt_cohort_event *event,
                                      uint64_t line, const char *file)
{
    struct cohort_chunk *chunk = cohort_pipe_chunk(log->pipe);
    uint64_t hash =
        chunk->unhashed
            ? 0
            : rt_cohort_engine_hash(&log->engine, event->id, event->id_len);

    if (!cohort_chunk_hold(chunk, event, hash, line))
        return RT_COHORT_LOG_NO_MEMORY;
    if (cohort_chunk_full(chunk))
        return cohort_pipe_hand_over(log->pipe, file);
    return RT_COHORT_LOG_OK;
}

/* The event of a row whose shape, ID and date are fine. */
static void make_event(const struct rt_cohort_log *log,
                       const struct cohort_columns *columns,
                       const struct rt_csv_record *record, int32_t day,
                       int32_t period, struct rt_cohort_event *event)
{
    const struct rt_cohort_log_options *o = &log->options;
    const struct rt_csv_field *id = &record->fields[columns->id];

    memset(event, 0, sizeof *event);
    event->id = id->data;
    event->id_len = id->len;
    event->day = day;
    event->period = period;
    event->start = event->returning = true;
    if (columns->event != RT_NO_COLUMN) {
        const struct rt_csv_field *type = &record->fields[columns->event];

        event->start = o->start_events.count == 0 ||
                       one_of(&o->start_events, type->data, type->len);
        event->returning = o->return_events.count == 0 ||
                           one_of(&o->return_events, type->data, type->len);
    }
    if (columns->group != RT_NO_COLUMN) {
        event->segment = record->fields[columns->group].data;
        event->segment_len = record->fields[columns->group].len;
    }
}

/* A row's message: a column's name and a value, both quoted, and why. */
#define ROW_MESSAGE_SIZE (2 * RT_QUOTE_SIZE + RT_DATE_PROBLEM_SIZE + 256)

/* A subscription row's days, read: [start, end), or no end. */
struct span_days {
    int32_t start, start_period, end;
    bool open;
};

/*
 * Reads a subscription row's ID, segment and dates; false with what is
 * wrong in message.  An end before the start is wrong; one on the start
 * day is not, but makes a row of no length (the caller warns).
 */
static bool read_span_row(struct rt_cohort_log *log,
                          const struct cohort_columns *columns,
                          const struct rt_csv_record *record,
                          struct span_days *days, char *message, size_t size)
{
    char start_text[RT_DATE_TEXT_LENGTH + 1], end_text[RT_DATE_TEXT_LENGTH + 1];
    const struct rt_csv_field *end;
    int32_t end_period;

    if (!check_shape(columns, record, message, size))
        return false;
    end = &record->fields[columns->end];
    days->open = end->len == 0;
    if (!read_id(&record->fields[columns->id], columns->id_name, message,
                 size) ||
        !read_segment(columns, record, message, size) ||
        !read_date(log, &log->date_memo, &record->fields[columns->date],
                   columns->date_name, &days->start, &days->start_period,
                   message, size) ||
        (!days->open &&
         !read_date(log, &log->signup_memo, end, columns->end_name, &days->end,
                    &end_period, message, size)))
        return false;
    if (days->open || days->end >= days->start)
        return true;
    start_text[rt_date_write(days->start, start_text)] = '\0';
    end_text[rt_date_write(days->end, end_text)] = '\0';
    snprintf(message, size,
             "column %s: the end %s is before the start %s (expected an end "
             "on or after the start)",
             columns->end_name, end_text, start_text);
    return false;
}

/*
 * The engine's range of a row, as the options' bits say (cohort_engine.h),
 * and the period its event is noted at: the cohort's (RT_SPAN_BITS_END)
 * or the range's first bit (RT_SPAN_BITS_PERIODS).  An open row's hi is
 * below its lo: rt_cohort_engine_close_open() marks it.
 */
static void span_range(const struct rt_cohort_log_options *o,
                       const struct span_days *days,
                       struct rt_cohort_span *span, int64_t *period)
{
    int64_t first =
        days->start == rt_period_first_day(&o->period, days->start_period);
    int64_t last = days->open ? 0 : rt_period_index(&o->period, days->end - 1);

    span->open = days->open;
    if (o->spans == RT_SPAN_BITS_END) {
        span->lo = days->start_period - first;
        span->hi = last - 1;
        *period = days->start_period;
    } else {
        span->lo = 2 * (int64_t)days->start_period - first;
        span->hi = 2 * last;
        *period = span->lo;
    }
    if (days->open)
        span->hi = span->lo - 1;
}

/* Holds one row of a subscription table, as hold() an event. */
static enum rt_cohort_log_result hold_span(struct rt_cohort_log *log,
                                           const struct rt_cohort_event *event,
                                           const struct rt_cohort_span *span,
                                           uint64_t line, const char *file)
{
    struct cohort_chunk *chunk = cohort_pipe_chunk(log->pipe);
    uint64_t hash =
        chunk->unhashed
            ? 0
            : rt_cohort_engine_hash(&log->engine, event->id, event->id_len);

    if (!cohort_chunk_hold_span(chunk, event, span, hash, line))
        return RT_COHORT_LOG_NO_MEMORY;
    if (cohort_chunk_full(chunk))
        return cohort_pipe_hand_over(log->pipe, file);
    return RT_COHORT_LOG_OK;
}

/* Warns about a row of no length, in its turn, and counts it. */
static enum rt_cohort_log_result
empty_span(struct rt_cohort_log *log, const struct cohort_columns *columns,
           const struct span_days *days, uint64_t line)
{
    char message[RT_QUOTE_SIZE + 160], day[RT_DATE_TEXT_LENGTH + 1];

    day[rt_date_write(days->end, day)] = '\0';
    snprintf(message, sizeof message,
             "column %s: %s makes a subscription of no length (its end is "
             "its start day): it counts nowhere",
             columns->end_name, day);
    log->empty_spans++;
    if (!cohort_chunk_note(cohort_pipe_chunk(log->pipe), RT_SEVERITY_WARNING,
                           line, message))
        return RT_COHORT_LOG_NO_MEMORY;
    return RT_COHORT_LOG_OK;
}

/*
 * Takes one row of a subscription table.  Its start counts towards the
 * default cut-off, its end does not: an end may lie in the future (a
 * scheduled cancellation, 9999-12-31 for none), and counting it would
 * report periods that have not happened as finished.  With --as-of, a row
 * starting after it is left out and counted, and one ending after it is
 * still running as of it: what came later is not known at the cut-off.
 * Without, the engine keeps what reaches past the latest start unmarked
 * until rt_cohort_engine_close_open() cuts it there.
 */
static enum rt_cohort_log_result take_span(struct rt_cohort_log *log,
                                           const struct cohort_columns *columns,
                                           const struct rt_csv_record *record,
                                           const char *file)
{
    const struct rt_cohort_log_options *o = &log->options;
    char message[ROW_MESSAGE_SIZE];
    struct rt_cohort_event event;
    struct rt_cohort_span span;
    struct span_days days;
    int64_t period;

    if (!read_span_row(log, columns, record, &days, message, sizeof message))
        return left_out(log, record->line, message);
    note_latest(log, days.start);
    if (!days.open && days.end == days.start)
        return empty_span(log, columns, &days, record->line);
    if (o->has_as_of && days.start > o->as_of) {
        log->after_as_of++;
        return RT_COHORT_LOG_OK;
    }
    if (o->has_as_of && !days.open && days.end > o->as_of + 1)
        days.open = true;
    make_event(log, columns, record, days.start, days.start_period, &event);
    span_range(o, &days, &span, &period);
    event.period = period;
    return hold_span(log, &event, &span, record->line, file);
}

/*
 * Takes a row of a plain log (columns->plain), the most common input, as
 * cohort_row_take() would, with the same checks in the same order: only
 * the event goes into the chunk directly, without the general form in
 * between, which cost a fifth of the reading thread's time.
 */
static enum rt_cohort_log_result
take_plain(struct rt_cohort_log *log, const struct cohort_columns *columns,
           const struct rt_csv_record *record, const char *file)
{
    char message[ROW_MESSAGE_SIZE];
    const struct rt_csv_field *id, *date;
    struct cohort_chunk *chunk;
    int32_t day, period;
    uint64_t hash;

    if (!check_shape(columns, record, message, sizeof message) ||
        !read_id(&record->fields[columns->id], columns->id_name, message,
                 sizeof message))
        return left_out(log, record->line, message);
    date = &record->fields[columns->date];
    /* The date of the row before, most often: no call then. */
    if (remembered(&log->date_memo, date)) {
        day = log->date_memo.day;
        period = log->date_memo.period;
    } else if (!read_date(log, &log->date_memo, date, columns->date_name, &day,
                          &period, message, sizeof message)) {
        return left_out(log, record->line, message);
    }
    if (!within_dates(log, day))
        return RT_COHORT_LOG_OK;
    id = &record->fields[columns->id];
    chunk = cohort_pipe_chunk(log->pipe);
    hash = chunk->unhashed
               ? 0
               : rt_cohort_engine_hash(&log->engine, id->data, id->len);
    if (!cohort_chunk_hold_plain(chunk, id->data, id->len, period, day, hash,
                                 record->line))
        return RT_COHORT_LOG_NO_MEMORY;
    if (cohort_chunk_full(chunk))
        return cohort_pipe_hand_over(log->pipe, file);
    return RT_COHORT_LOG_OK;
}

enum rt_cohort_log_result cohort_row_take(struct rt_cohort_log *log,
                                          const struct cohort_columns *columns,
                                          const struct rt_csv_record *record,
                                          const char *file)
{
    char message[ROW_MESSAGE_SIZE];
    struct rt_cohort_event event;
    int32_t day, period, signup_day, signup;

    if (columns->plain)
        return take_plain(log, columns, record, file);
    if (log->options.spans != RT_SPAN_BITS_NONE)
        return take_span(log, columns, record, file);
    if (!check_shape(columns, record, message, sizeof message) ||
        !read_id(&record->fields[columns->id], columns->id_name, message,
                 sizeof message) ||
        !read_segment(columns, record, message, sizeof message) ||
        !read_date(log, &log->date_memo, &record->fields[columns->date],
                   columns->date_name, &day, &period, message,
                   sizeof message) ||
        (columns->signup != RT_NO_COLUMN &&
         !read_date(log, &log->signup_memo, &record->fields[columns->signup],
                    columns->signup_name, &signup_day, &signup, message,
                    sizeof message)))
        return left_out(log, record->line, message);
    if (!within_dates(log, day))
        return RT_COHORT_LOG_OK;
    make_event(log, columns, record, day, period, &event);
    if (columns->signup != RT_NO_COLUMN) {
        event.has_signup = true;
        event.signup = signup;
    }
    return hold(log, &event, record->line, file);
}
