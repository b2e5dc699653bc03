/* batch_row.c - see batch_row.h. */
#include <stdio.h>
#include <string.h>

#include "batch_row.h"
#include "emit.h"

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
    counts->has_new = layout->new_customers != RT_BATCH_NO_COLUMN;
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
    row->error[0] = '\0';
    if (!check_shape(batch, record, row) ||
        !read_numbers(batch, record, &counts, &amounts, row))
        return true;
    status = rt_figures_compute(&counts, o->precision, &row->figures);
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
    if (row->valid)
        rt_report_warnings_value(&row->figures,
                                 rt_batch_row_lifetime(batch, row),
                                 rt_batch_row_revenue(batch, row), buf, size);
    else
        snprintf(buf, size, "%s", row->error);
}

bool rt_batch_row_warns(const struct rt_batch *batch,
                        const struct rt_batch_row *row)
{
    return row->figures.warnings ||
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
