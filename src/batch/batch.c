/* batch.c - see batch.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "batch_chart.h"
#include "batch_emit.h"
#include "batch_layout.h"
#include "batch_names.h"
#include "batch_row.h"
#include "describe.h"
#include "emit.h"
#include "row_shape.h"
#include "summary.h"
#include "text_table.h"
#include "warnings.h"

enum rt_status rt_batch_init(struct rt_batch *batch,
                             const struct rt_batch_options *options,
                             struct rt_sink *sink, struct rt_reporter reporter)
{
    memset(batch, 0, sizeof *batch);
    batch->options = *options;
    batch->sink = sink;
    batch->reporter = reporter;
    if (options->summary &&
        !(batch->summary = rt_summary_new(options->hash_key)))
        return RT_ERR_NOMEM;
    if (options->format == RT_FORMAT_SVG &&
        !(batch->chart = rt_batch_chart_new()))
        return RT_ERR_NOMEM;
    return RT_OK;
}

void rt_batch_free(struct rt_batch *batch)
{
    rt_layout_free(&batch->layout);
    free(batch->cells);
    batch->cells = NULL;
    rt_summary_free(batch->summary);
    rt_text_table_free(batch->text);
    free(batch->text);
    rt_batch_chart_free(batch->chart);
    batch->chart = NULL;
    batch->summary = NULL;
    batch->text = NULL;
}

static void report(const struct rt_batch *batch, enum rt_severity severity,
                   const char *file, uint64_t line, const char *message)
{
    batch->reporter.report(batch->reporter.context, severity, file, line,
                           message);
}

/* The first input fixes the output's delimiter unless --format did. */
static void choose_output(struct rt_batch *batch, char in_delimiter)
{
    struct rt_batch_options *o = &batch->options;

    if (batch->have_layout || o->format_given)
        return;
    o->out_delimiter = in_delimiter;
    o->format = in_delimiter == '\t' ? RT_FORMAT_TSV : RT_FORMAT_CSV;
}

static bool start_text_table(struct rt_batch *batch)
{
    if (batch->options.format != RT_FORMAT_TEXT || batch->text)
        return true;
    batch->text = malloc(sizeof *batch->text);
    if (batch->text &&
        rt_text_table_init(batch->text, batch->sink,
                           batch->cells
                               ? batch->cell_count
                               : batch->layout.count + batch->column_count))
        return true;
    free(batch->text);
    batch->text = NULL;
    return false;
}

/* Whether a table ran out of memory: the text table holding rows back,
   or a markdown line. */
static bool table_failed(const struct rt_batch *batch)
{
    return (batch->text && batch->text->failed) || batch->cells_failed;
}

/* Says what is wrong with the header line, or with --columns. */
static void report_names(const struct rt_batch *batch, const char *file,
                         uint64_t line, const char *error)
{
    char message[RT_MESSAGE_SIZE + 32];

    if (batch->options.header) {
        report(batch, RT_SEVERITY_ERROR, file, line, error);
        return;
    }
    snprintf(message, sizeof message, "option --columns: %s", error);
    report(batch, RT_SEVERITY_ERROR, NULL, 0, message);
}

/*
 * Gives the columns their output names.  A repeated name in a header is a
 * warning; in --columns, which the user wrote, it is an error.
 */
static enum rt_batch_result name_columns(struct rt_batch *batch,
                                         const char *file, uint64_t line)
{
    char message[RT_MESSAGE_SIZE];

    switch (rt_batch_name_columns(batch, message, sizeof message)) {
    case RT_NAMES_NO_MEMORY:
        return RT_BATCH_NO_MEMORY;
    case RT_NAMES_REPEATED:
        if (!batch->options.header) {
            report_names(batch, file, line, message);
            return RT_BATCH_UNUSABLE;
        }
        report(batch, RT_SEVERITY_WARNING, file, line, message);
        break;
    case RT_NAMES_OK:
        break;
    }
    return RT_BATCH_OK;
}

/* Fixes the layout from the first names seen; later files must match. */
static enum rt_batch_result use_names(struct rt_batch *batch,
                                      const struct rt_csv_field *names,
                                      size_t count, const char *file,
                                      uint64_t line)
{
    char error[RT_MESSAGE_SIZE];
    enum rt_batch_result named;
    size_t size;

    if (batch->have_layout) {
        /* Another header would need other columns in the output: the
           file is skipped, rather than its columns moved or dropped. */
        if (rt_layout_same(&batch->layout, names, count))
            return RT_BATCH_OK;
        snprintf(error, sizeof error,
                 "the header differs from the one in %s (expected the same "
                 "columns in the same order)",
                 batch->layout.first_file);
        report(batch, RT_SEVERITY_ERROR, file, line, error);
        return RT_BATCH_UNUSABLE;
    }
    rt_layout_free(&batch->layout); /* of an earlier file's failed try */
    free(batch->cells);
    batch->cells = NULL;
    if (!rt_layout_build(&batch->layout, names, count, &batch->options, error,
                         sizeof error)) {
        report_names(batch, file, line, error);
        return RT_BATCH_UNUSABLE;
    }
    rt_batch_plan_columns(batch);
    size = strlen(file) + 1;
    batch->layout.first_file = malloc(size);
    if (!rt_layout_keep_names(&batch->layout, names, count) ||
        !batch->layout.first_file)
        return RT_BATCH_NO_MEMORY;
    memcpy(batch->layout.first_file, file, size);
    switch (rt_batch_plan_cells(batch, error, sizeof error)) {
    case RT_BATCH_NO_MEMORY:
        return RT_BATCH_NO_MEMORY;
    case RT_BATCH_BAD_COLUMNS:
        report(batch, RT_SEVERITY_ERROR, NULL, 0, error);
        return RT_BATCH_BAD_COLUMNS;
    default:
        break;
    }
    named = name_columns(batch, file, line);
    if (named != RT_BATCH_OK)
        return named;
    if (!start_text_table(batch))
        return RT_BATCH_NO_MEMORY;
    batch->have_layout = true;
    return RT_BATCH_OK;
}

/*
 * Reports a file whose first read failed with errno `error` (a directory)
 * as one that cannot be opened is, `dir: cannot read: Is a directory`:
 * no line of it was read to point at.
 */
static void report_unreadable(const struct rt_batch *batch, const char *file,
                              int error)
{
    char shown[RT_NAME_SIZE], message[RT_NAME_SIZE + 80];

    snprintf(message, sizeof message, "%s: cannot read: %s",
             file ? rt_quote_name(file, shown, sizeof shown) : "input",
             strerror(error));
    report(batch, RT_SEVERITY_ERROR, NULL, 0, message);
}

static enum rt_batch_result read_failure(const struct rt_batch *batch,
                                         const struct rt_csv *reader,
                                         enum rt_csv_result result,
                                         const char *file, uint64_t line)
{
    char message[RT_MESSAGE_SIZE];

    if (result == RT_CSV_NO_MEMORY)
        return RT_BATCH_NO_MEMORY;
    if (result == RT_CSV_READ_FAIL && reader->at_start && reader->len == 0) {
        /* Nothing was read: there is no line to point at. */
        report_unreadable(batch, file, reader->error);
        return RT_BATCH_UNUSABLE;
    }
    rt_row_shape_read_failure(result, reader->error, message, sizeof message);
    report(batch, RT_SEVERITY_ERROR, file, line, message);
    return RT_BATCH_UNUSABLE;
}

/*
 * Reads the header line from reader (or takes the names of --columns),
 * fixes the layout from the first input or checks a later one against it,
 * and writes the output header once.
 */
static enum rt_batch_result read_header(struct rt_batch *batch,
                                        struct rt_csv *reader, const char *file,
                                        char delimiter)
{
    struct rt_csv_record header;
    struct rt_csv_field *names;
    enum rt_csv_result got;
    enum rt_batch_result result;
    size_t count;

    /* Headerless input gets no header line back, in any format; names
       of --columns that cannot be used fit no other input either. */
    if (!batch->options.header) {
        count = rt_layout_split(batch->options.columns, NULL, 0);
        names = malloc(count * sizeof *names);
        if (!names)
            return RT_BATCH_NO_MEMORY;
        rt_layout_split(batch->options.columns, names, count);
        result = use_names(batch, names, count, file, 0);
        free(names);
        return result == RT_BATCH_UNUSABLE ? RT_BATCH_BAD_COLUMNS : result;
    }
    got = rt_csv_read(reader, &header);
    if (got == RT_CSV_END) {
        report(batch, RT_SEVERITY_ERROR, file, 1,
               rt_row_shape_no_header(reader->next_line > 1));
        return RT_BATCH_UNUSABLE;
    }
    if (got != RT_CSV_RECORD)
        return read_failure(batch, reader, got, file, reader->next_line);
    if (header.problem != RT_CSV_FINE) {
        char problem[RT_MESSAGE_SIZE];

        rt_row_shape_bad_header(&header, problem, sizeof problem);
        report(batch, RT_SEVERITY_ERROR, file, header.line, problem);
        return RT_BATCH_UNUSABLE;
    }
    result = use_names(batch, header.fields, header.count, file, header.line);
    if (result == RT_BATCH_OK && !batch->chart)
        rt_batch_emit_header(batch, &header, delimiter);
    return result;
}

struct row_place {
    const struct rt_batch *batch;
    const char *file;
    uint64_t line;
};

/* One warning of a valid row, on its own line of stderr. */
static void report_warning(void *context, const char *text)
{
    const struct row_place *at = context;

    report(at->batch, RT_SEVERITY_WARNING, at->file, at->line, text);
}

static void report_row(struct rt_batch *batch, const char *file,
                       const struct rt_csv_record *record,
                       const struct rt_batch_row *row)
{
    /* Fields left out or left empty count against --strict, too. */
    if (row->note[0]) {
        batch->inconsistent_rows++;
        report(batch, RT_SEVERITY_WARNING, file, record->line, row->note);
    }
    if (!row->valid && row->soft) {
        batch->inconsistent_rows++;
        report(batch, RT_SEVERITY_WARNING, file, record->line, row->error);
        return;
    }
    if (!row->valid) {
        batch->invalid_rows++;
        report(batch, RT_SEVERITY_ERROR, file, record->line, row->error);
        return;
    }
    /* Inconsistent numbers count against --strict; a churn of 0 does not. */
    if (!row->note[0] && (row->figures.warnings ||
                          (batch->layout.has_revenue && row->revenue.warnings)))
        batch->inconsistent_rows++;
    if (rt_batch_row_warns(batch, row)) {
        struct row_place at = {batch, file, record->line};

        rt_each_warning(&row->figures, rt_batch_row_lifetime(batch, row),
                        rt_batch_row_revenue(batch, row), report_warning, &at);
    }
}

static bool tally_row(struct rt_batch *batch,
                      const struct rt_csv_record *record,
                      const struct rt_batch_row *row)
{
    size_t group = batch->layout.group;
    const struct rt_revenue *amounts =
        batch->layout.has_revenue ? &row->revenue.amounts : NULL;

    if (!batch->summary || !row->valid)
        return true;
    if (group == RT_NO_COLUMN)
        return rt_summary_add(batch->summary, false, NULL, 0, &row->figures,
                              amounts);
    return rt_summary_add(batch->summary, true, record->fields[group].data,
                          record->fields[group].len, &row->figures, amounts);
}

/* Keeps a row for the chart; a chart too large to draw stops the run. */
static enum rt_batch_result chart_row(struct rt_batch *batch,
                                      const struct rt_csv_record *record,
                                      const struct rt_batch_row *row)
{
    char error[RT_MESSAGE_SIZE];
    enum rt_batch_result result = rt_batch_chart_add(
        batch->chart, batch, record, row, error, sizeof error);

    if (result == RT_BATCH_BAD_COLUMNS)
        report(batch, RT_SEVERITY_ERROR, NULL, 0, error);
    return result;
}

void rt_batch_count_leading_blanks(struct rt_batch_stats *stats,
                                   uint64_t leading)
{
    if (leading == 0)
        return;
    stats->blanks += leading;
    stats->first_blank = 1;
}

void rt_batch_report_blanks(const struct rt_batch *batch, const char *file,
                            const struct rt_batch_stats *stats)
{
    char message[128];

    if (stats->blanks == 0)
        return;
    snprintf(message, sizeof message,
             "skipped %llu blank line%s (expected one row on each line)",
             (unsigned long long)stats->blanks, stats->blanks == 1 ? "" : "s");
    report(batch, RT_SEVERITY_WARNING, file, stats->first_blank, message);
}

enum rt_batch_result rt_batch_rows(struct rt_batch *batch,
                                   struct rt_csv *reader, const char *file,
                                   char delimiter, struct rt_batch_stats *stats)
{
    struct rt_batch_row row;
    struct rt_csv_record record;
    enum rt_csv_result got;
    enum rt_batch_result result = RT_BATCH_OK;

    stats->blanks = stats->first_blank = 0;
    while ((got = rt_csv_read(reader, &record)) == RT_CSV_RECORD) {
        if (rt_csv_record_blank(&record)) {
            if (stats->blanks++ == 0)
                stats->first_blank = record.line;
            continue;
        }
        batch->rows++;
        if (!rt_batch_evaluate(batch, &record, &row))
            return RT_BATCH_NO_MEMORY;
        report_row(batch, file, &record, &row);
        if (batch->chart)
            result = chart_row(batch, &record, &row);
        else
            rt_batch_emit_row(batch, &record, &row, delimiter);
        if (result != RT_BATCH_OK)
            return result;
        if (!tally_row(batch, &record, &row) || table_failed(batch))
            return RT_BATCH_NO_MEMORY;
        if (batch->sink->failed)
            return RT_BATCH_OUTPUT_FAILED;
    }
    stats->lines = reader->next_line - 1;
    if (got != RT_CSV_END)
        return read_failure(batch, reader, got, file, reader->next_line);
    return RT_BATCH_OK;
}

enum rt_batch_result rt_batch_open(struct rt_batch *batch,
                                   struct rt_csv *reader, FILE *in,
                                   const char *name, size_t size,
                                   struct rt_csv_opening *opening)
{
    enum rt_csv_result got = rt_csv_open(
        reader, in, size, batch->options.in_delimiter, name, opening);

    if (got != RT_CSV_RECORD)
        return read_failure(batch, reader, got, name, reader->next_line);
    choose_output(batch, opening->delimiter);
    return read_header(batch, reader, name, opening->delimiter);
}

enum rt_batch_result rt_batch_file_sequential(struct rt_batch *batch, FILE *in,
                                              const char *name)
{
    struct rt_csv reader;
    struct rt_csv_opening opening;
    enum rt_batch_result result;

    result =
        rt_batch_open(batch, &reader, in, name, RT_CSV_BUFFER_SIZE, &opening);
    if (result == RT_BATCH_OK) {
        struct rt_batch_stats stats;

        result = rt_batch_rows(batch, &reader, name, opening.delimiter, &stats);
        /* Blank lines before the header are reported as those after it. */
        rt_batch_count_leading_blanks(&stats, opening.blank_lines);
        rt_batch_report_blanks(batch, name, &stats);
    }
    rt_csv_free(&reader);
    return result;
}

enum rt_batch_result rt_batch_memory(struct rt_batch *batch, const char *data,
                                     size_t len, const char *name)
{
    struct rt_csv reader;
    struct rt_batch_stats stats;
    enum rt_batch_result result;

    if (rt_csv_init_memory(&reader, data, len, ',', true) != RT_OK) {
        rt_csv_free(&reader);
        return RT_BATCH_NO_MEMORY;
    }
    choose_output(batch, ',');
    result = read_header(batch, &reader, name, ',');
    if (result == RT_BATCH_OK)
        result = rt_batch_rows(batch, &reader, name, ',', &stats);
    rt_csv_free(&reader);
    return result;
}

static bool emit_summary(struct rt_batch *batch, FILE *summary_out)
{
    struct rt_sink *file_sink;
    const struct rt_batch_options *o = &batch->options;
    const struct rt_summary_format how = {
        o->format,
        o->out_delimiter,
        batch->layout.summary_group,
        o->precision,
        batch->columns + RT_BATCH_FIGURES - 1,
        batch->column_count - RT_BATCH_FIGURES,
        o->lifetime ? &o->lifetime_options : NULL,
        &batch->reporter};

    bool ok;

    /* Sums over no rows are 0 then, not unknown. */
    batch->summary->total.new_column =
        batch->layout.new_customers != RT_NO_COLUMN;
    if (!summary_out) {
        rt_sink_put(batch->sink, '\n');
        return rt_summary_emit(batch->summary, batch->sink, &how);
    }
    file_sink = malloc(sizeof *file_sink);
    if (!file_sink)
        return false;
    rt_sink_init(file_sink, summary_out);
    ok = rt_summary_emit(batch->summary, file_sink, &how);
    rt_sink_flush(file_sink);
    free(file_sink);
    return ok;
}

enum rt_batch_result rt_batch_finish(struct rt_batch *batch, FILE *summary_out)
{
    if (batch->text)
        rt_text_table_flush(batch->text);
    if (table_failed(batch))
        return RT_BATCH_NO_MEMORY;
    if (batch->chart && batch->have_layout && !batch->sink->failed &&
        rt_batch_chart_write(batch->chart, batch) != RT_BATCH_OK)
        return RT_BATCH_NO_MEMORY;
    if (batch->summary && batch->have_layout && !batch->sink->failed &&
        !emit_summary(batch, summary_out))
        return RT_BATCH_NO_MEMORY;
    if (!rt_sink_flush(batch->sink))
        return RT_BATCH_OUTPUT_FAILED;
    if (!batch->have_layout) /* each input was reported as it was met */
        return RT_BATCH_UNUSABLE;
    if (batch->inputs_skipped > 0)
        return RT_BATCH_INPUT_SKIPPED;
    if (batch->invalid_rows > 0 ||
        (batch->options.strict && batch->inconsistent_rows > 0))
        return RT_BATCH_ROWS_INVALID;
    return RT_BATCH_OK;
}
