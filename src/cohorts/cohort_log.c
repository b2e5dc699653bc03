/* cohort_log.c - an input of the log: its header and its rows; see
 * cohort_log.h. */
#include <stdlib.h>
#include <string.h>

#include "cohort_log.h"
#include "cohort_pipe.h"
#include "cohort_row.h"
#include "columns.h"
#include "csv.h"
#include "row_shape.h"

void rt_cohort_log_init(struct rt_cohort_log *log,
                        const struct rt_cohort_log_options *options,
                        struct rt_reporter reporter)
{
    memset(log, 0, sizeof *log);
    log->options = *options;
    log->reporter = reporter;
    if (options->spans != RT_SPAN_BITS_NONE) {
        rt_cohort_engine_init_spans(&log->engine, options->key,
                                    options->group_col != NULL);
        /* Without --as-of the cut-off is the latest start: an end far
           beyond it (9999-12-31) must not mark bits up to that end. */
        if (!options->has_as_of)
            rt_cohort_engine_bound_to_starts(&log->engine);
    } else
        rt_cohort_engine_init(&log->engine, options->key,
                              options->cohort_col != NULL,
                              options->group_col != NULL);
}

void rt_cohort_log_free(struct rt_cohort_log *log)
{
    rt_cohort_engine_free(&log->engine);
    free(log->group_name);
    log->group_name = NULL;
}

/* Says why the input could not be read on, and what that means. */
static enum rt_cohort_log_result read_failure(const struct rt_cohort_log *log,
                                              const struct rt_csv *reader,
                                              enum rt_csv_result result,
                                              const char *file)
{
    char message[RT_NAME_SIZE + RT_MESSAGE_SIZE];

    if (result == RT_CSV_NO_MEMORY)
        return RT_COHORT_LOG_NO_MEMORY;
    if (result == RT_CSV_READ_FAIL && reader->at_start && reader->len == 0) {
        char shown[RT_NAME_SIZE];

        /* Nothing was read (a directory): there is no line to point at. */
        snprintf(message, sizeof message, "%s: cannot read: %s",
                 rt_quote_name(file, shown, sizeof shown),
                 strerror(reader->error));
        rt_cohort_log_report(log, RT_SEVERITY_ERROR, NULL, 0, message);
        return RT_COHORT_LOG_SKIPPED;
    }
    rt_row_shape_read_failure(result, reader->error, message, sizeof message);
    rt_cohort_log_report(log, RT_SEVERITY_ERROR, file, reader->next_line,
                         message);
    return RT_COHORT_LOG_SKIPPED;
}

/* Reads the header line; RT_COHORT_LOG_OK with it in *header. */
static enum rt_cohort_log_result read_header(struct rt_cohort_log *log,
                                             struct rt_csv *reader,
                                             const char *file,
                                             struct rt_csv_record *header)
{
    enum rt_csv_result got = rt_csv_read(reader, header);
    char problem[RT_MESSAGE_SIZE];

    if (got == RT_CSV_END) {
        rt_cohort_log_report(log, RT_SEVERITY_ERROR, file, 1,
                             rt_row_shape_no_header(reader->next_line > 1));
        return RT_COHORT_LOG_SKIPPED;
    }
    if (got != RT_CSV_RECORD)
        return read_failure(log, reader, got, file);
    if (header->problem == RT_CSV_FINE)
        return RT_COHORT_LOG_OK;
    rt_row_shape_bad_header(header, problem, sizeof problem);
    rt_cohort_log_report(log, RT_SEVERITY_ERROR, file, header->line, problem);
    return RT_COHORT_LOG_SKIPPED;
}

/* Keeps the --group-by column's name as the first input writes it. */
static bool keep_group_name(struct rt_cohort_log *log,
                            const struct rt_csv_record *header,
                            const struct cohort_columns *columns)
{
    const struct rt_csv_field *name;

    if (log->group_name || columns->group == RT_NO_COLUMN)
        return true;
    name = &header->fields[columns->group];
    log->group_name = malloc(name->len + 1);
    if (!log->group_name)
        return false;
    memcpy(log->group_name, name->data, name->len);
    log->group_name[name->len] = '\0';
    return true;
}

/*
 * Reads the rows after the header, their events going to the engine
 * through the pipe.  Every chunk handed over is back, and its messages
 * replayed, before anything else is reported: so the messages come in the
 * same order with a second thread or without.
 */
static enum rt_cohort_log_result read_rows(struct rt_cohort_log *log,
                                           struct rt_csv *reader,
                                           const char *file,
                                           const struct cohort_columns *columns,
                                           uint64_t *blanks, uint64_t *first)
{
    struct rt_csv_record record;
    enum rt_csv_result got;
    enum rt_cohort_log_result result = RT_COHORT_LOG_OK;

    while (result == RT_COHORT_LOG_OK &&
           (got = rt_csv_read(reader, &record)) == RT_CSV_RECORD) {
        if (rt_csv_record_blank(&record)) {
            if ((*blanks)++ == 0)
                *first = record.line;
            continue;
        }
        result = cohort_row_take(log, columns, &record, file);
    }
    if (result == RT_COHORT_LOG_NO_MEMORY) {
        /* The reader ran out: what was handed over comes first. */
        enum rt_cohort_log_result settled = cohort_pipe_settle(log->pipe, file);

        return settled != RT_COHORT_LOG_OK ? settled : result;
    }
    if (result != RT_COHORT_LOG_OK)
        return result;
    result = cohort_pipe_drain(log->pipe, file);
    if (result == RT_COHORT_LOG_OK && got != RT_CSV_END)
        result = read_failure(log, reader, got, file);
    return result;
}

/* One warning for the blank lines of an input, before or after the
 * header; the first of them is the line it points at. */
static void report_blanks(struct rt_cohort_log *log, const char *file,
                          uint64_t blanks, uint64_t first)
{
    char message[96];

    if (blanks == 0)
        return;
    log->blank_lines += blanks;
    snprintf(message, sizeof message,
             "skipped %llu blank line%s (expected one %s on each line)",
             (unsigned long long)blanks, blanks == 1 ? "" : "s",
             log->options.spans != RT_SPAN_BITS_NONE ? "subscription"
                                                     : "event");
    rt_cohort_log_report(log, RT_SEVERITY_WARNING, file, first, message);
}

/* Reads the header and the rows of an open input. */
static enum rt_cohort_log_result read_input(struct rt_cohort_log *log,
                                            struct rt_csv *reader,
                                            const char *file,
                                            const struct rt_csv_opening *at)
{
    struct rt_csv_record header;
    struct cohort_columns columns;
    enum rt_cohort_log_result result;
    uint64_t blanks = at->blank_lines, first = blanks ? 1 : 0;

    result = read_header(log, reader, file, &header);
    if (result == RT_COHORT_LOG_OK)
        result = cohort_columns_find(log, &header, file, &columns);
    if (result != RT_COHORT_LOG_OK)
        return result;
    if (!keep_group_name(log, &header, &columns))
        return RT_COHORT_LOG_NO_MEMORY;
    if (!log->first_delimiter)
        log->first_delimiter = at->delimiter;
    log->inputs_used++;
    log->pipe = cohort_pipe_open(log);
    if (!log->pipe)
        return RT_COHORT_LOG_NO_MEMORY;
    result = read_rows(log, reader, file, &columns, &blanks, &first);
    cohort_pipe_close(log->pipe);
    log->pipe = NULL;
    /* After a refusal the rows read were not all counted the same way
     * with a second thread or without: the run stops, unwarned. */
    if (result == RT_COHORT_LOG_OK || result == RT_COHORT_LOG_SKIPPED)
        report_blanks(log, file, blanks, first);
    return result;
}

enum rt_cohort_log_result rt_cohort_log_file(struct rt_cohort_log *log,
                                             FILE *in, const char *name)
{
    struct rt_csv reader;
    struct rt_csv_opening opening;
    enum rt_csv_result got;
    enum rt_cohort_log_result result;

    got = rt_csv_open(&reader, in, RT_CSV_BUFFER_SIZE, log->options.delimiter,
                      name, &opening);
    if (got != RT_CSV_RECORD)
        result = read_failure(log, &reader, got, name);
    else
        result = read_input(log, &reader, name, &opening);
    rt_csv_free(&reader);
    if (result == RT_COHORT_LOG_SKIPPED)
        log->inputs_skipped++;
    return result;
}

bool rt_cohort_log_as_of(const struct rt_cohort_log *log, int32_t *day)
{
    if (log->options.has_as_of) {
        *day = log->options.as_of;
        return true;
    }
    *day = log->latest_day;
    return log->have_day;
}

int32_t rt_cohort_log_last_complete(const struct rt_cohort_log *log,
                                    int32_t as_of)
{
    const struct rt_period_spec *spec = &log->options.period;
    int32_t index = rt_period_index(spec, as_of);

    return rt_period_ended(spec, index, as_of) ? index : index - 1;
}
