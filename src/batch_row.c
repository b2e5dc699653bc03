/* batch_row.c - see batch_row.h. */
#include <stdio.h>
#include <string.h>

#include "batch_row.h"

static void field_label(const struct rt_batch_layout *layout, size_t index,
                        char *buf, size_t size)
{
    if (index < layout->count)
        rt_quote_value(layout->names[index], strlen(layout->names[index]), buf,
                       size);
    else
        snprintf(buf, size, "%zu", index + 1);
}

/* A record the reader could not make sense of, or of the wrong width. */
static bool check_shape(const struct rt_batch *batch,
                        const struct rt_csv_record *record,
                        struct rt_batch_row *row)
{
    const struct rt_batch_layout *layout = &batch->layout;
    char label[RT_QUOTE_SIZE];

    if (record->problem == RT_CSV_UNTERMINATED) {
        snprintf(row->error, sizeof row->error,
                 "the input ends inside the quoted field %zu, which starts "
                 "on this line (expected a closing '\"')",
                 record->problem_field + 1);
        return false;
    }
    if (record->problem == RT_CSV_AFTER_QUOTE) {
        field_label(layout, record->problem_field, label, sizeof label);
        snprintf(row->error, sizeof row->error,
                 "field %s: text after the closing quote (expected the "
                 "delimiter or the line end; write \"\" for a quote inside "
                 "quotes)",
                 label);
        return false;
    }
    if (record->count != layout->count) {
        snprintf(row->error, sizeof row->error,
                 "the row has %zu field%s, the header %zu", record->count,
                 record->count == 1 ? "" : "s", layout->count);
        return false;
    }
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

void rt_batch_evaluate(const struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       struct rt_batch_row *row)
{
    const struct rt_batch_layout *layout = &batch->layout;
    struct rt_counts counts = {0, 0, 0, false};
    enum rt_status status;
    char label[RT_QUOTE_SIZE];

    row->valid = false;
    row->error[0] = '\0';
    if (!check_shape(batch, record, row) ||
        !read_count(batch, record, layout->start, &counts.start, row) ||
        !read_count(batch, record, layout->end, &counts.end, row))
        return;
    if (layout->new_customers != RT_BATCH_NO_COLUMN) {
        counts.has_new = true;
        if (!read_count(batch, record, layout->new_customers,
                        &counts.new_customers, row))
            return;
    }
    status =
        rt_figures_compute(&counts, batch->options.precision, &row->figures);
    if (status == RT_OK) {
        row->valid = true;
        return;
    }
    field_label(layout, layout->start, label, sizeof label);
    snprintf(row->error, sizeof row->error, "field %s: %s%s", label,
             rt_status_text(status),
             status == RT_ERR_ZERO_START
                 ? " (expected at least 1 customer at the start)"
                 : "");
}
