/* shard.c - see shard.h. */
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "csv.h"
#include "lines.h"
#include "row_shape.h"
#include "shard.h"
#include "siphash.h"

/* "retain s" and "hard key", little-endian: RT_SHARD_KEY_TEXT. */
const uint64_t rt_shard_key[2] = {UINT64_C(0x73206e6961746572),
                                  UINT64_C(0x79656b2064726168)};

uint64_t rt_shard_hash(const char *id, size_t len, bool ignore_case)
{
    return rt_siphash(rt_shard_key, id, len, ignore_case, 2, 4);
}

/* parts < 2^32, so the halves of hash times parts fit in 64 bits, and
   the floors taken in turn are the floor of the whole. */
unsigned rt_shard_part(uint64_t hash, unsigned parts)
{
    uint64_t high = (hash >> 32) * parts;
    uint64_t low = ((hash & UINT64_C(0xffffffff)) * parts) >> 32;

    return (unsigned)((high + low) >> 32);
}

void rt_shard_init(struct rt_shard *shard,
                   const struct rt_shard_options *options,
                   struct rt_reporter reporter, struct rt_shard_sink sink)
{
    memset(shard, 0, sizeof *shard);
    shard->options = *options;
    shard->reporter = reporter;
    shard->sink = sink;
}

void rt_shard_free(struct rt_shard *shard)
{
    free(shard->header);
    shard->header = NULL;
}

static void report(const struct rt_shard *shard, enum rt_severity severity,
                   const char *file, uint64_t line, const char *message)
{
    shard->reporter.report(shard->reporter.context, severity, file, line,
                           message);
}

/* The ID as the commands take it: with --trim, without the spaces and
   tabs around it. */
static void trim(const struct rt_shard *shard, const char **id, size_t *len)
{
    if (!shard->options.trim)
        return;
    while (*len > 0 && ((*id)[0] == ' ' || (*id)[0] == '\t'))
        (*id)++, (*len)--;
    while (*len > 0 && ((*id)[*len - 1] == ' ' || (*id)[*len - 1] == '\t'))
        (*len)--;
}

/* Writes one row to the part its ID picks. */
static enum rt_shard_result send(struct rt_shard *shard, const char *id,
                                 size_t id_len, const char *row, size_t len)
{
    unsigned part;

    trim(shard, &id, &id_len);
    part = rt_shard_part(rt_shard_hash(id, id_len, shard->options.ignore_case),
                         shard->options.parts);
    if (!shard->sink.row(shard->sink.context, part, row, len))
        return RT_SHARD_WRITE_FAIL;
    shard->rows++;
    return RT_SHARD_OK;
}

/* Says why reading stopped; a failed read of nothing is a directory. */
static enum rt_shard_result read_failure(const struct rt_shard *shard,
                                         const struct rt_csv *reader,
                                         enum rt_csv_result result,
                                         const char *file)
{
    char message[RT_NAME_SIZE + RT_MESSAGE_SIZE], shown[RT_NAME_SIZE];

    if (result == RT_CSV_NO_MEMORY)
        return RT_SHARD_NO_MEMORY;
    if (result == RT_CSV_READ_FAIL && reader->at_start && reader->len == 0) {
        snprintf(message, sizeof message, "%s: cannot read: %s",
                 rt_quote_name(file, shown, sizeof shown),
                 strerror(reader->error));
        report(shard, RT_SEVERITY_ERROR, NULL, 0, message);
        return RT_SHARD_UNUSABLE;
    }
    rt_row_shape_read_failure(result, reader->error, message, sizeof message);
    report(shard, RT_SEVERITY_ERROR, file, reader->next_line, message);
    return RT_SHARD_UNUSABLE;
}

/* Tells the sink the parts' delimiter, once, before anything is written. */
static enum rt_shard_result start(struct rt_shard *shard, char delimiter)
{
    if (shard->started)
        return RT_SHARD_OK;
    shard->started = true;
    return shard->sink.start(shard->sink.context, delimiter)
               ? RT_SHARD_OK
               : RT_SHARD_WRITE_FAIL;
}

/* Keeps the first header and writes it to every part. */
static enum rt_shard_result first_header(struct rt_shard *shard,
                                         const struct rt_csv_record *header,
                                         char delimiter, const char *file)
{
    unsigned part;

    if (start(shard, delimiter) != RT_SHARD_OK)
        return RT_SHARD_WRITE_FAIL;
    shard->header = malloc(header->raw_len + 1);
    if (!shard->header)
        return RT_SHARD_NO_MEMORY;
    memcpy(shard->header, header->raw, header->raw_len);
    shard->header_len = header->raw_len;
    shard->delimiter = delimiter;
    shard->first_name = file;
    shard->have_header = true;
    for (part = 0; part < shard->options.parts; part++)
        if (!shard->sink.row(shard->sink.context, part, header->raw,
                             header->raw_len))
            return RT_SHARD_WRITE_FAIL;
    return RT_SHARD_OK;
}

/* A later input's header must be the first's: its rows join the parts
   under that header. */
static enum rt_shard_result same_header(const struct rt_shard *shard,
                                        const struct rt_csv_record *header,
                                        char delimiter, const char *file)
{
    char message[RT_NAME_SIZE + 160], shown[RT_NAME_SIZE];

    if (delimiter == shard->delimiter && header->raw_len == shard->header_len &&
        memcmp(header->raw, shard->header, header->raw_len) == 0)
        return RT_SHARD_OK;
    snprintf(message, sizeof message,
             "the header differs from that of %s (expected the same header "
             "line and delimiter in every input, as the parts have one)",
             rt_quote_name(shard->first_name, shown, sizeof shown));
    report(shard, RT_SEVERITY_ERROR, file, header->line, message);
    return RT_SHARD_UNUSABLE;
}

/* Reads the header; finds the --by column in it. */
static enum rt_shard_result read_header(struct rt_shard *shard,
                                        struct rt_csv *reader, FILE *in,
                                        const char *file, size_t *column)
{
    struct rt_csv_opening opening;
    struct rt_csv_record header;
    enum rt_csv_result got =
        rt_csv_open(reader, in, RT_CSV_BUFFER_SIZE, shard->options.delimiter,
                    file, &opening);
    char message[RT_MESSAGE_SIZE];

    if (got == RT_CSV_RECORD)
        got = rt_csv_read(reader, &header);
    if (got == RT_CSV_END) {
        report(shard, RT_SEVERITY_ERROR, file, 1,
               rt_row_shape_no_header(opening.blank_lines > 0));
        return RT_SHARD_UNUSABLE;
    }
    if (got != RT_CSV_RECORD)
        return read_failure(shard, reader, got, file);
    if (header.problem != RT_CSV_FINE) {
        rt_row_shape_bad_header(&header, message, sizeof message);
        report(shard, RT_SEVERITY_ERROR, file, header.line, message);
        return RT_SHARD_UNUSABLE;
    }
    if (!rt_column_find_one(header.fields, header.count, shard->options.column,
                            "--by", column, message, sizeof message)) {
        report(shard, RT_SEVERITY_ERROR, file, header.line, message);
        return RT_SHARD_UNUSABLE;
    }
    return shard->have_header
               ? same_header(shard, &header, opening.delimiter, file)
               : first_header(shard, &header, opening.delimiter, file);
}

/*
 * A row whose ID cannot be told: left out, and the run goes on, as the
 * commands themselves leave such a row out.  The first of an input is
 * reported; the rest are counted (leave_out_total()).
 */
static void leave_out(struct rt_shard *shard, const struct rt_csv_record *rec,
                      size_t column, const char *file)
{
    char message[RT_MESSAGE_SIZE + 80], shape[RT_MESSAGE_SIZE];

    shard->left_out++;
    if (shard->input_left_out++ > 0)
        return;
    shard->first_left_out = rec->line;
    if (rec->problem != RT_CSV_FINE) {
        rt_row_shape_problem(rec, NULL, 0, shape, sizeof shape);
        snprintf(message, sizeof message, "%s: row left out", shape);
    } else
        snprintf(message, sizeof message,
                 "the row has %zu field%s (expected the --by column, field "
                 "%zu): row left out",
                 rec->count, rec->count == 1 ? "" : "s", column + 1);
    report(shard, RT_SEVERITY_WARNING, file, rec->line, message);
}

/* How many rows of the input were left out, when more than the first. */
static void leave_out_total(struct rt_shard *shard, const char *file)
{
    char message[120];

    if (shard->input_left_out > 1) {
        snprintf(message, sizeof message,
                 "%llu rows left out in all, the first at line %llu",
                 (unsigned long long)shard->input_left_out,
                 (unsigned long long)shard->first_left_out);
        report(shard, RT_SEVERITY_WARNING, file, 0, message);
    }
    shard->input_left_out = 0;
}

static enum rt_shard_result read_rows(struct rt_shard *shard,
                                      struct rt_csv *reader, size_t column,
                                      const char *file)
{
    enum rt_shard_result result = RT_SHARD_OK;
    struct rt_csv_record rec;
    enum rt_csv_result got;

    while (result == RT_SHARD_OK &&
           (got = rt_csv_read(reader, &rec)) == RT_CSV_RECORD) {
        if (rt_csv_record_blank(&rec))
            continue;
        if (rec.problem != RT_CSV_FINE || rec.count <= column)
            leave_out(shard, &rec, column, file);
        else
            result = send(shard, rec.fields[column].data,
                          rec.fields[column].len, rec.raw, rec.raw_len);
    }
    if (result != RT_SHARD_OK || got == RT_CSV_END)
        return result;
    return read_failure(shard, reader, got, file);
}

static enum rt_shard_result read_table(struct rt_shard *shard, FILE *in,
                                       const char *file)
{
    struct rt_csv reader;
    enum rt_shard_result result;
    size_t column = 0;

    result = read_header(shard, &reader, in, file, &column);
    if (result == RT_SHARD_OK)
        result = read_rows(shard, &reader, column, file);
    rt_csv_free(&reader);
    leave_out_total(shard, file);
    return result;
}

/* Says why a plain list could not be read on. */
static enum rt_shard_result lines_failure(const struct rt_shard *shard,
                                          const struct rt_lines *r,
                                          enum rt_status status,
                                          const char *file)
{
    char message[RT_NAME_SIZE + 80], shown[RT_NAME_SIZE];

    if (status == RT_ERR_NOMEM)
        return RT_SHARD_NO_MEMORY;
    if (!r->got_any) {
        snprintf(message, sizeof message, "%s: cannot read: %s",
                 rt_quote_name(file, shown, sizeof shown), strerror(r->error));
        report(shard, RT_SEVERITY_ERROR, NULL, 0, message);
    } else {
        snprintf(message, sizeof message, "read error: %s", strerror(r->error));
        report(shard, RT_SEVERITY_ERROR, file, r->line + 1, message);
    }
    return RT_SHARD_UNUSABLE;
}

static enum rt_shard_result too_long(const struct rt_shard *shard,
                                     const char *file, uint64_t line)
{
    char message[120];

    snprintf(message, sizeof message,
             "a line longer than %zu bytes (expected one ID per line; "
             "nothing is cut short)",
             RT_LINE_MAX);
    report(shard, RT_SEVERITY_ERROR, file, line, message);
    return RT_SHARD_UNUSABLE;
}

static enum rt_shard_result read_plain(struct rt_shard *shard, FILE *in,
                                       const char *file)
{
    enum rt_shard_result result = RT_SHARD_OK;
    enum rt_lines_result got;
    enum rt_status status;
    struct rt_lines r;
    const char *line;
    size_t len;

    if (start(shard, 0) != RT_SHARD_OK)
        return RT_SHARD_WRITE_FAIL;
    if (rt_lines_init(&r, in) != RT_OK)
        return RT_SHARD_NO_MEMORY;
    while (result == RT_SHARD_OK &&
           (got = rt_lines_next(&r, &line, &len)) != RT_LINES_END) {
        if (got == RT_LINES_OK && len > 0)
            result = send(shard, line, len, line, len);
        else if (got == RT_LINES_TOO_LONG)
            result = too_long(shard, file, r.line);
        else if (got == RT_LINES_MORE &&
                 (status = rt_lines_refill(&r)) != RT_OK)
            result = lines_failure(shard, &r, status, file);
    }
    rt_lines_free(&r);
    return result;
}

enum rt_shard_result rt_shard_read(struct rt_shard *shard, FILE *in,
                                   const char *name)
{
    return shard->options.plain ? read_plain(shard, in, name)
                                : read_table(shard, in, name);
}
