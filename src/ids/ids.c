/* ids.c - see ids.h. */
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "describe.h"
#include "ids.h"
#include "lines.h"
#include "row_shape.h"

void rt_ids_init(struct rt_ids *ids, const struct rt_ids_options *options,
                 struct rt_reporter reporter, const uint64_t key[2])
{
    memset(ids, 0, sizeof *ids);
    ids->options = *options;
    ids->reporter = reporter;
    rt_idset_init(&ids->start, key, options->ignore_case);
    rt_idset_init(&ids->fresh, key, options->ignore_case);
}

void rt_ids_free(struct rt_ids *ids)
{
    rt_idset_free(&ids->start);
    rt_idset_free(&ids->fresh);
}

static void report(const struct rt_ids *ids, enum rt_severity severity,
                   const char *file, uint64_t line, const char *message)
{
    ids->reporter.report(ids->reporter.context, severity, file, line, message);
}

/* With --trim, drops spaces and tabs around an ID. */
static void clean(const struct rt_ids *ids, const char **id, size_t *len)
{
    if (!ids->options.trim)
        return;
    /* The bytes come from fread, which the analyzer does not follow: */
    /* NOLINTNEXTLINE(clang-analyzer-core.UndefinedBinaryOperatorResult) */
    while (*len > 0 && ((*id)[0] == ' ' || (*id)[0] == '\t'))
        (*id)++, (*len)--;
    while (*len > 0 && ((*id)[*len - 1] == ' ' || (*id)[*len - 1] == '\t'))
        (*len)--;
}

static void note_first(uint64_t *count, uint64_t *first, uint64_t line)
{
    if ((*count)++ == 0)
        *first = line;
}

/* A set that reached the most it can hold: say so, and what the limit is. */
static enum rt_ids_result too_many(const struct rt_ids *ids, bool end,
                                   uint64_t line)
{
    const struct rt_idset *set = end ? &ids->fresh : &ids->start;
    char message[240];

    snprintf(message, sizeof message,
             "too many %s IDs: with this one they take more than %llu bytes "
             "(each ID's bytes and 3 more), the most %s can hold",
             end ? "new" : "distinct", (unsigned long long)set->arena_max,
             end ? "the new IDs of an end list" : "a start list");
    report(ids, RT_SEVERITY_ERROR, ids->reading, line, message);
    return RT_IDS_UNUSABLE;
}

/* Takes one ID of a list, its hash given; `end` says which list. */
static enum rt_ids_result take_hashed(struct rt_ids *ids, bool end,
                                      const char *id, size_t len, uint64_t line,
                                      uint64_t hash)
{
    struct rt_ids_stats *stats = end ? &ids->end_stats : &ids->start_stats;
    enum rt_status status;
    size_t entry;
    bool added;

    if (len == 0) {
        note_first(&stats->blanks, &stats->first_blank, line);
        return RT_IDS_OK;
    }
    if (end && rt_idset_find_hashed(&ids->start, id, len, hash, &entry)) {
        unsigned char *flags = rt_idset_flags(&ids->start, entry);

        if (*flags & RT_ID_SEEN)
            note_first(&stats->duplicates, &stats->first_duplicate, line);
        else
            ids->retained++;
        *flags |= RT_ID_SEEN;
        return RT_IDS_OK;
    }
    status = rt_idset_add_hashed(end ? &ids->fresh : &ids->start, id, len, hash,
                                 &entry, &added);
    if (status == RT_ERR_RANGE)
        return too_many(ids, end, line);
    if (status != RT_OK)
        return RT_IDS_NO_MEMORY;
    if (!added)
        note_first(&stats->duplicates, &stats->first_duplicate, line);
    return RT_IDS_OK;
}

static enum rt_ids_result take(struct rt_ids *ids, bool end, const char *id,
                               size_t len, uint64_t line)
{
    return take_hashed(ids, end, id, len, line,
                       rt_idset_hash(&ids->start, id, len));
}

static enum rt_ids_result too_long(const struct rt_ids *ids, const char *file,
                                   uint64_t line)
{
    char message[160];

    snprintf(message, sizeof message,
             "an ID longer than %d bytes (expected one ID per line; nothing "
             "is cut short)",
             RT_ID_MAX);
    report(ids, RT_SEVERITY_ERROR, file, line, message);
    return RT_IDS_UNUSABLE;
}

/*
 * A read that failed at `line`; when nothing was read before it (a
 * directory) there is no line to point at, and the file is reported as
 * one that cannot be opened is: `dir: cannot read: Is a directory`.
 */
static enum rt_ids_result read_failed(const struct rt_ids *ids,
                                      const char *file, uint64_t line,
                                      int error, bool read_any)
{
    char shown[RT_NAME_SIZE], message[RT_NAME_SIZE + 80];

    if (read_any || !file) {
        snprintf(message, sizeof message, "read error: %s", strerror(error));
        report(ids, RT_SEVERITY_ERROR, file, line, message);
    } else {
        snprintf(message, sizeof message, "%s: cannot read: %s",
                 rt_quote_name(file, shown, sizeof shown), strerror(error));
        report(ids, RT_SEVERITY_ERROR, NULL, 0, message);
    }
    return RT_IDS_UNUSABLE;
}

/*
 * IDs are taken a batch at a time: all of a batch are hashed and their
 * memory asked for before the first is looked up, so that the cache misses
 * of a batch overlap instead of coming one after another.
 */
#define BATCH 16

struct pending {
    const char *id;
    size_t len;
    uint64_t line, hash;
};

static enum rt_ids_result take_batch(struct rt_ids *ids, bool end,
                                     struct pending *batch, size_t count)
{
    size_t i;

    /* Both sets have the same key, so one hash serves for both. */
    for (i = 0; i < count; i++) {
        batch[i].hash = rt_idset_hash(&ids->start, batch[i].id, batch[i].len);
        rt_idset_prefetch_slot(&ids->start, batch[i].hash);
        if (end)
            rt_idset_prefetch_slot(&ids->fresh, batch[i].hash);
    }
    if (end)
        for (i = 0; i < count; i++)
            rt_idset_prefetch_id(&ids->start, batch[i].hash);
    for (i = 0; i < count; i++) {
        enum rt_ids_result result = take_hashed(
            ids, end, batch[i].id, batch[i].len, batch[i].line, batch[i].hash);

        if (result != RT_IDS_OK)
            return result;
    }
    return RT_IDS_OK;
}

/* The bytes from here to the end of a file, or -1 when unknown (a pipe). */
static long bytes_left(FILE *in)
{
    long here = ftell(in), size;

    if (here < 0 || fseek(in, 0, SEEK_END) != 0)
        return -1;
    size = ftell(in);
    if (fseek(in, here, SEEK_SET) != 0)
        return -1; /* reading would go wrong: let it say so */
    return size < here ? -1 : size - here;
}

/*
 * Sizes the start set for the whole list, from its size and the length of
 * the lines read so far, so that it need not grow as it fills.
 */
static void reserve(struct rt_ids *ids, const struct rt_lines *r, long size)
{
    double lines = (double)size * (double)r->line / (double)r->start;

    if (size > 0 && r->line > 0 && lines < (double)SIZE_MAX / 16)
        rt_idset_reserve(&ids->start, (size_t)lines, (size_t)size);
}

/* Refills the reader; says why it failed, if it did. */
static enum rt_ids_result refill(const struct rt_ids *ids, struct rt_lines *r,
                                 const char *file)
{
    switch (rt_lines_refill(r)) {
    case RT_OK:
        return RT_IDS_OK;
    case RT_ERR_IO:
        return read_failed(ids, file, r->line + 1, r->error, r->got_any);
    default:
        return RT_IDS_NO_MEMORY;
    }
}

static enum rt_ids_result read_lines(struct rt_ids *ids, bool end, FILE *in,
                                     const char *file)
{
    long size = end ? -1 : bytes_left(in);
    struct pending batch[BATCH];
    enum rt_ids_result result = RT_IDS_OK;
    enum rt_lines_result got = RT_LINES_MORE;
    struct rt_lines r;
    size_t count = 0;

    if (rt_lines_init(&r, in) != RT_OK)
        return RT_IDS_NO_MEMORY;
    while (result == RT_IDS_OK && got != RT_LINES_END) {
        struct pending *next = &batch[count];

        got = rt_lines_next(&r, &next->id, &next->len);
        if (got == RT_LINES_OK) {
            clean(ids, &next->id, &next->len);
            next->line = r.line;
            if (next->len > RT_ID_MAX)
                got = RT_LINES_TOO_LONG;
            else if (++count < BATCH)
                continue;
        }
        /* A full batch, or the buffer's end: take what is gathered. */
        result = take_batch(ids, end, batch, count);
        count = 0;
        if (result != RT_IDS_OK || got == RT_LINES_TOO_LONG)
            break;
        if (got == RT_LINES_MORE && size > 0 && r.line > 0) {
            reserve(ids, &r, size);
            size = -1;
        }
        if (got == RT_LINES_MORE)
            result = refill(ids, &r, file);
    }
    if (result == RT_IDS_OK && got == RT_LINES_TOO_LONG)
        result = too_long(ids, file, r.line);
    rt_lines_free(&r);
    return result;
}

/* The index of the ID column: its exact name, else in any case. */
static bool find_column(const struct rt_ids *ids,
                        const struct rt_csv_record *header, size_t *column,
                        const char *file)
{
    char message[RT_MESSAGE_SIZE];

    if (rt_column_find_one(header->fields, header->count,
                           ids->options.id_column, "--id-column", column,
                           message, sizeof message))
        return true;
    report(ids, RT_SEVERITY_ERROR, file, header->line, message);
    return false;
}

/*
 * A row the reader could not split as the header says: refused, as an ID
 * cannot be told from the other fields then.  Fields are named by number:
 * only the ID column's name is kept.
 */
static enum rt_ids_result bad_row(const struct rt_ids *ids,
                                  const struct rt_csv_record *rec,
                                  size_t columns, const char *file)
{
    char message[RT_MESSAGE_SIZE];

    if (rec->problem != RT_CSV_FINE)
        rt_row_shape_problem(rec, NULL, 0, message, sizeof message);
    else
        rt_row_shape_width(rec->count, columns, message, sizeof message);
    report(ids, RT_SEVERITY_ERROR, file, rec->line, message);
    return RT_IDS_UNUSABLE;
}

static enum rt_ids_result read_rows(struct rt_ids *ids, bool end,
                                    struct rt_csv *reader, const char *file,
                                    size_t column, size_t columns)
{
    struct rt_csv_record rec;
    enum rt_csv_result got;
    enum rt_ids_result result = RT_IDS_OK;

    while (result == RT_IDS_OK &&
           (got = rt_csv_read(reader, &rec)) == RT_CSV_RECORD) {
        const char *id;
        size_t len;

        if (rec.raw_len == 0 && rec.count == 1 && !rec.problem)
            id = "", len = 0;
        else if (rec.problem || rec.count != columns)
            return bad_row(ids, &rec, columns, file);
        else
            id = rec.fields[column].data, len = rec.fields[column].len;
        clean(ids, &id, &len);
        if (len > RT_ID_MAX)
            return too_long(ids, file, rec.line);
        result = take(ids, end, id, len, rec.line);
    }
    if (result != RT_IDS_OK || got == RT_CSV_END)
        return result;
    if (got == RT_CSV_READ_FAIL)
        return read_failed(ids, file, reader->next_line, reader->error, true);
    if (got == RT_CSV_TOO_LONG)
        return too_long(ids, file, reader->next_line);
    return RT_IDS_NO_MEMORY;
}

/*
 * Opens the list with rt_csv_open(), which skips the blank lines before
 * the header (counted as blank lines anywhere are) and fixes the
 * delimiter, then reads the header line into *header.
 */
static enum rt_ids_result read_header(struct rt_ids *ids, bool end,
                                      struct rt_csv *reader, FILE *in,
                                      struct rt_csv_record *header,
                                      const char *file)
{
    struct rt_ids_stats *stats = end ? &ids->end_stats : &ids->start_stats;
    struct rt_csv_opening opening;
    enum rt_csv_result got = rt_csv_open(
        reader, in, RT_CSV_BUFFER_SIZE, ids->options.delimiter, file, &opening);

    if (opening.blank_lines > 0) {
        stats->blanks += opening.blank_lines;
        stats->first_blank = 1;
    }
    if (got == RT_CSV_RECORD)
        got = rt_csv_read(reader, header);
    if (got == RT_CSV_RECORD && header->problem == RT_CSV_FINE)
        return RT_IDS_OK;
    if (got == RT_CSV_END) {
        report(ids, RT_SEVERITY_ERROR, file, 1,
               rt_row_shape_no_header(stats->blanks > 0));
        return RT_IDS_UNUSABLE;
    }
    if (got == RT_CSV_RECORD) {
        char problem[RT_MESSAGE_SIZE];

        rt_row_shape_bad_header(header, problem, sizeof problem);
        report(ids, RT_SEVERITY_ERROR, file, header->line, problem);
        return RT_IDS_UNUSABLE;
    }
    if (got == RT_CSV_READ_FAIL)
        return read_failed(ids, file, stats->blanks + 1, reader->error,
                           !reader->at_start || reader->len > 0);
    return got == RT_CSV_TOO_LONG ? too_long(ids, file, stats->blanks + 1)
                                  : RT_IDS_NO_MEMORY;
}

static enum rt_ids_result read_column(struct rt_ids *ids, bool end, FILE *in,
                                      const char *file)
{
    struct rt_csv reader;
    struct rt_csv_record header;
    enum rt_ids_result result;
    size_t column;

    result = read_header(ids, end, &reader, in, &header, file);
    if (result == RT_IDS_OK)
        result = find_column(ids, &header, &column, file)
                     ? read_rows(ids, end, &reader, file, column, header.count)
                     : RT_IDS_UNUSABLE;
    rt_csv_free(&reader);
    return result;
}

static void report_stats(const struct rt_ids *ids,
                         const struct rt_ids_stats *stats, const char *file)
{
    char message[200];

    if (stats->blanks > 0) {
        snprintf(message, sizeof message, "skipped %llu blank line%s",
                 (unsigned long long)stats->blanks,
                 stats->blanks == 1 ? "" : "s");
        report(ids, RT_SEVERITY_WARNING, file, stats->first_blank, message);
    }
    if (stats->duplicates > 0) {
        snprintf(message, sizeof message,
                 "%llu duplicate ID%s, each counted once (this is the first)",
                 (unsigned long long)stats->duplicates,
                 stats->duplicates == 1 ? "" : "s");
        report(ids, RT_SEVERITY_WARNING, file, stats->first_duplicate, message);
    }
}

/* An end list without IDs makes every customer lost: say so. */
static bool end_is_empty(const struct rt_ids *ids)
{
    return ids->retained == 0 && ids->fresh.count == 0;
}

static enum rt_ids_result read_list(struct rt_ids *ids, bool end, FILE *in,
                                    const char *file)
{
    enum rt_ids_result result;

    ids->reading = file;
    if (end)
        ids->end_name = file;
    else
        ids->start_name = file;
    result = ids->options.id_column ? read_column(ids, end, in, file)
                                    : read_lines(ids, end, in, file);
    if (result != RT_IDS_OK)
        return result;
    report_stats(ids, end ? &ids->end_stats : &ids->start_stats, file);
    /* A part's end list may well be empty: merge warns of the sum's. */
    if (end && end_is_empty(ids) && !ids->options.part)
        report(ids, RT_SEVERITY_WARNING, file, 0,
               "no IDs in the end list: every start ID counts as lost");
    return result;
}

enum rt_ids_result rt_ids_read_start(struct rt_ids *ids, FILE *in,
                                     const char *name)
{
    return read_list(ids, false, in, name);
}

enum rt_ids_result rt_ids_read_end(struct rt_ids *ids, FILE *in,
                                   const char *name)
{
    return read_list(ids, true, in, name);
}

bool rt_ids_untidy(const struct rt_ids *ids)
{
    return ids->start_stats.blanks || ids->start_stats.duplicates ||
           ids->end_stats.blanks || ids->end_stats.duplicates ||
           end_is_empty(ids);
}

struct rt_counts rt_ids_counts(const struct rt_ids *ids)
{
    struct rt_counts counts;

    counts.start = ids->start.count;
    counts.end = ids->retained + ids->fresh.count;
    counts.new_customers = ids->fresh.count;
    counts.has_new = true;
    return counts;
}

/* Whether an ID of a set belongs in the list. */
static bool listed(enum rt_ids_list which, unsigned flags)
{
    return which == RT_IDS_NEW ||
           (which == RT_IDS_RETAINED) == ((flags & RT_ID_SEEN) != 0);
}

/* Reports an ID that a list of one ID per line cannot hold. */
static void unlistable(const struct rt_ids *ids, enum rt_ids_list which,
                       const char *id, size_t len)
{
    static const char *const kinds[] = {"lost", "new", "retained"};
    char quoted[RT_QUOTE_SIZE], message[RT_MESSAGE_SIZE];

    rt_quote_value(id, len, quoted, sizeof quoted);
    snprintf(message, sizeof message,
             "the %s ID %s holds a line break, and the list has one ID per "
             "line (expected IDs without line breaks to list them)",
             kinds[which], quoted);
    report(ids, RT_SEVERITY_ERROR,
           which == RT_IDS_NEW ? ids->end_name : ids->start_name, 0, message);
}

/* Finds the first listed ID with a line break; false when there is one. */
static bool check_listable(const struct rt_ids *ids, enum rt_ids_list which,
                           const struct rt_idset *set)
{
    size_t entry = 0, len;
    const char *id;
    unsigned flags;

    while (rt_idset_next(set, &entry, &id, &len, &flags)) {
        if (listed(which, flags) &&
            (memchr(id, '\n', len) || memchr(id, '\r', len))) {
            unlistable(ids, which, id, len);
            return false;
        }
    }
    return true;
}

bool rt_ids_write_list(const struct rt_ids *ids, enum rt_ids_list which,
                       struct rt_sink *out)
{
    const struct rt_idset *set =
        which == RT_IDS_NEW ? &ids->fresh : &ids->start;
    size_t entry = 0, len;
    const char *id;
    unsigned flags;

    /* Only --id-column can read a line break into an ID: look first. */
    if (ids->options.id_column && !check_listable(ids, which, set))
        return false;
    while (rt_idset_next(set, &entry, &id, &len, &flags)) {
        if (listed(which, flags)) {
            rt_sink_write(out, id, len);
            rt_sink_put(out, '\n');
        }
    }
    return true;
}
