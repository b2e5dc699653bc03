/* batch_row.c - see batch_row.h. */
#include <stdio.h>
#include <string.h>

#include "batch_row.h"
#include "emit.h"
#include "row_shape.h"
#include "warnings.h"

/* The header's names, as the row-shape messages take them. */
static const char *const *header_names(const struct rt_batch_layout *layout)
{
    return (const char *const *)layout->names;
}

static void field_label(const struct rt_batch_layout *layout, size_t index,
                        char *buf, size_t size)
{
    rt_row_shape_label(header_names(layout), layout->count, index, buf, size);
}

/* A note quotes this many fields or names at most, then "...". */
#define NOTE_ITEMS 5

/* A note, as it is written: the text so far and its length. */
struct note {
    char *text;
    size_t size, used;
};

static void note_append(struct note *note, const char *text)
{
    snprintf(note->text + note->used, note->size - note->used, "%s", text);
    note->used += strlen(note->text + note->used);
}

/*
 * Appends the index-th item of a list, quoted, after ", " unless it is the
 * first: when it is among the first NOTE_ITEMS and fits with room for
 * ", ..." after it.  Else appends "..." and returns false.
 */
static bool note_item(struct note *note, size_t index, const char *text,
                      size_t len)
{
    static const char more[] = ", ...";
    char quoted[RT_QUOTE_SIZE];
    size_t need;

    rt_quote_value(text, len, quoted, sizeof quoted);
    need = strlen(quoted) + (index ? 2 : 0);
    if (index >= NOTE_ITEMS || note->used + need + sizeof more > note->size) {
        note_append(note, index ? more : more + 2);
        return false;
    }
    snprintf(note->text + note->used, note->size - note->used, "%s%s",
             index ? ", " : "", quoted);
    note->used += need;
    return true;
}

/*
 * Notes what became of the fields of a row wider or narrower than the
 * header: the output row has exactly the header's columns, so extra fields
 * are left out (and quoted here) and missing ones are left empty.
 */
static void note_width(const struct rt_batch_layout *layout,
                       const struct rt_csv_record *record,
                       struct rt_batch_row *row)
{
    struct note note = {row->note, sizeof row->note, 0};
    size_t have = record->count, want = layout->count, i;
    char text[96];

    rt_row_shape_width(have, want, text, sizeof text);
    note_append(&note, text);
    note_append(&note, ": ");
    if (have > want) {
        snprintf(text, sizeof text, "the last %zu are left out: ", have - want);
        note_append(&note,
                    have - want == 1 ? "the last one is left out: " : text);
        for (i = want; i < have; i++)
            if (!note_item(&note, i - want, record->fields[i].data,
                           record->fields[i].len))
                break;
        return;
    }
    note_append(&note, want - have == 1 ? "column left empty: "
                                        : "columns left empty: ");
    for (i = have; i < want; i++)
        if (!note_item(&note, i - have, layout->names[i],
                       strlen(layout->names[i])))
            break;
}

/* The first column a number is read from at or after `from`, if any. */
static size_t first_number_column(const struct rt_batch_layout *layout,
                                  size_t from)
{
    size_t columns[3 + RT_BATCH_REVENUE_COLUMNS], count = 0, first, i;

    columns[count++] = layout->start;
    columns[count++] = layout->end;
    columns[count++] = layout->new_customers;
    for (i = 0; layout->has_revenue && i < RT_BATCH_REVENUE_COLUMNS; i++)
        columns[count++] = layout->revenue[i];
    first = RT_NO_COLUMN;
    for (i = 0; i < count; i++)
        if (columns[i] != RT_NO_COLUMN && columns[i] >= from &&
            (first == RT_NO_COLUMN || columns[i] < first))
            first = columns[i];
    return first;
}

/*
 * A row narrower than the header is computed when it still holds every
 * number, with a note; else it is invalid.
 */
static bool check_narrow(const struct rt_batch_layout *layout,
                         const struct rt_csv_record *record,
                         struct rt_batch_row *row)
{
    size_t missing = first_number_column(layout, record->count);
    char label[RT_QUOTE_SIZE], width[96];

    if (missing == RT_NO_COLUMN) {
        note_width(layout, record, row);
        return true;
    }
    field_label(layout, missing, label, sizeof label);
    rt_row_shape_width(record->count, layout->count, width, sizeof width);
    snprintf(row->error, sizeof row->error,
             "%s: no field %s (expected one for every count and amount)", width,
             label);
    return false;
}

/*
 * A record the reader could not make sense of, or of another width than
 * the header's.  Extra fields are always noted, as they are left out.
 */
static bool check_shape(const struct rt_batch *batch,
                        const struct rt_csv_record *record,
                        struct rt_batch_row *row)
{
    const struct rt_batch_layout *layout = &batch->layout;

    if (record->count > layout->count)
        note_width(layout, record, row);
    if (record->problem != RT_CSV_FINE) {
        rt_row_shape_problem(record, header_names(layout), layout->count,
                             row->error, sizeof row->error);
        return false;
    }
    if (record->count < layout->count)
        return check_narrow(layout, record, row);
    return true;
}

static bool read_count(const struct rt_batch *batch,
                       const struct rt_csv_record *record, size_t index,
                       uint64_t *out, struct rt_batch_row *row)
{
    const struct rt_csv_field *field = &record->fields[index];
    enum rt_status status = rt_count_parse(field->data, field->len, out);
    char label[RT_QUOTE_SIZE], problem[RT_MESSAGE_SIZE];

    if (status == RT_OK)
        return true;
    field_label(&batch->layout, index, label, sizeof label);
    rt_count_describe(status, field->data, field->len, problem, sizeof problem);
    snprintf(row->error, sizeof row->error, "field %s: %s", label, problem);
    return false;
}

static bool read_amount(const struct rt_batch *batch,
                        const struct rt_csv_record *record, size_t index,
                        uint64_t *out, struct rt_batch_row *row)
{
    const struct rt_csv_field *field = &record->fields[index];
    enum rt_status status =
        rt_amount_parse(field->data, field->len, RT_AMOUNT_MONEY, out);
    char label[RT_QUOTE_SIZE], problem[RT_MESSAGE_SIZE];

    if (status == RT_OK)
        return true;
    field_label(&batch->layout, index, label, sizeof label);
    rt_amount_describe(status, RT_AMOUNT_MONEY, field->data, field->len,
                       problem, sizeof problem);
    snprintf(row->error, sizeof row->error, "field %s: %s", label, problem);
    return false;
}

/* Reads every number the row holds, counts first, in column order. */
static bool read_numbers(const struct rt_batch *batch,
                         const struct rt_csv_record *record,
                         struct rt_counts *counts, struct rt_revenue *amounts,
                         struct rt_batch_row *row)
{
    const struct rt_batch_layout *layout = &batch->layout;
    uint64_t *const fields[RT_BATCH_REVENUE_COLUMNS] = {
        &amounts->start, &amounts->expansion, &amounts->contraction,
        &amounts->churned};
    unsigned i;

    if (!read_count(batch, record, layout->start, &counts->start, row) ||
        !read_count(batch, record, layout->end, &counts->end, row))
        return false;
    counts->has_new = layout->new_customers != RT_NO_COLUMN;
    if (counts->has_new && !read_count(batch, record, layout->new_customers,
                                       &counts->new_customers, row))
        return false;
    for (i = 0; layout->has_revenue && i < RT_BATCH_REVENUE_COLUMNS; i++)
        if (!read_amount(batch, record, layout->revenue[i], fields[i], row))
            return false;
    return true;
}

/* Says why a computation refused, in the words of the column it names. */
static void refuse(const struct rt_batch *batch, size_t column,
                   enum rt_status status, const char *expected,
                   struct rt_batch_row *row)
{
    char label[RT_QUOTE_SIZE];

    field_label(&batch->layout, column, label, sizeof label);
    snprintf(row->error, sizeof row->error, "field %s: %s%s%s%s", label,
             rt_status_text(status), expected ? " (expected " : "",
             expected ? expected : "", expected ? ")" : "");
}

/* Retained and lost of a row with no rate, when its counts agree. */
static void keep_soft_counts(const struct rt_counts *counts,
                             struct rt_batch_row *row)
{
    row->soft_counts = counts->has_new &&
                       counts->new_customers <= counts->end &&
                       counts->end - counts->new_customers <= counts->start;
    if (!row->soft_counts)
        return;
    row->soft_retained = counts->end - counts->new_customers;
    row->soft_lost = counts->start - row->soft_retained;
}

bool rt_batch_row_soft_count(const struct rt_batch_row *row, unsigned field,
                             char *buf, size_t size)
{
    if (row->valid || !row->soft || !row->soft_counts ||
        (field != RT_FIELD_RETAINED && field != RT_FIELD_LOST))
        return false;
    snprintf(buf, size, "%llu",
             (unsigned long long)(field == RT_FIELD_RETAINED
                                      ? row->soft_retained
                                      : row->soft_lost));
    return true;
}

bool rt_batch_evaluate(const struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       struct rt_batch_row *row)
{
    const struct rt_batch_layout *layout = &batch->layout;
    const struct rt_batch_options *o = &batch->options;
    struct rt_counts counts = {0, 0, 0, false};
    struct rt_revenue amounts = {0, 0, 0, 0};
    enum rt_status status;

    row->valid = false;
    row->soft = row->soft_counts = false;
    row->error[0] = '\0';
    row->note[0] = '\0';
    /* rt_batch_row_warns reads these of every valid row, computed or not. */
    row->lifetime.warnings = 0;
    row->revenue.warnings = 0;
    if (!check_shape(batch, record, row) ||
        !read_numbers(batch, record, &counts, &amounts, row))
        return true;
    status = rt_figures_compute(&counts, o->precision, &row->figures);
    if (status == RT_ERR_ZERO_START && o->zero_start_warning) {
        snprintf(row->error, sizeof row->error, "%s", o->zero_start_warning);
        row->soft = true;
        keep_soft_counts(&counts, row);
        return true;
    }
    if (status != RT_OK) {
        refuse(batch, layout->start, status,
               status == RT_ERR_ZERO_START ? "at least 1 customer at the start"
                                           : NULL,
               row);
        return true;
    }
    if (layout->has_revenue) {
        status = rt_revenue_compute(&amounts, o->precision, &row->revenue);
        if (status != RT_OK) {
            refuse(batch, layout->revenue[RT_REVENUE_START_MRR], status,
                   status == RT_ERR_ZERO_START ? "an amount above 0" : NULL,
                   row);
            return true;
        }
    }
    if (o->lifetime) {
        status = rt_lifetime_compute(&row->figures, &o->lifetime_options,
                                     &row->lifetime);
        if (status == RT_ERR_NOMEM)
            return false;
        if (status != RT_OK) {
            refuse(batch, layout->new_customers, status, NULL, row);
            return true;
        }
    }
    row->valid = true;
    return true;
}

void rt_batch_row_warnings(const struct rt_batch *batch,
                           const struct rt_batch_row *row, char *buf,
                           size_t size)
{
    size_t used = 0;

    buf[0] = '\0';
    if (row->note[0]) {
        snprintf(buf, size, "%s; ", row->note);
        used = strlen(buf);
    }
    if (row->valid)
        rt_report_warnings_value(
            &row->figures, rt_batch_row_lifetime(batch, row),
            rt_batch_row_revenue(batch, row), buf + used, size - used);
    else
        snprintf(buf + used, size - used, "%s", row->error);
    if (used >= 2 && buf[used] == '\0')
        buf[used - 2] = '\0'; /* the note alone */
}

bool rt_batch_row_warns(const struct rt_batch *batch,
                        const struct rt_batch_row *row)
{
    return row->note[0] || row->figures.warnings ||
           (batch->options.lifetime && row->lifetime.warnings) ||
           (batch->layout.has_revenue && row->revenue.warnings);
}

const struct rt_lifetime *rt_batch_row_lifetime(const struct rt_batch *batch,
                                                const struct rt_batch_row *row)
{
    return batch->options.lifetime ? &row->lifetime : NULL;
}

const struct rt_revenue_figures *
rt_batch_row_revenue(const struct rt_batch *batch,
                     const struct rt_batch_row *row)
{
    return batch->layout.has_revenue ? &row->revenue : NULL;
}
