/* batch_emit.c - see batch_emit.h. */
#include <stdio.h>
#include <string.h>

#include "batch_emit.h"
#include "digits.h"
#include "emit.h"
#include "text_table.h"

/* Input rows pass through untouched when they can: same delimiter, intact. */
static bool raw_passes(const struct rt_batch *batch,
                       const struct rt_csv_record *record, char in_delimiter)
{
    return in_delimiter == batch->options.out_delimiter &&
           record->problem == RT_CSV_FINE &&
           record->count == batch->layout.count;
}

/*
 * The fields a row shows: as read, or, for a record whose quotes are
 * broken, as the input writes them, quotes and all, since no reading of
 * it can be trusted (the row is invalid, and its warnings say why).
 */
static const struct rt_csv_field *
shown_fields(const struct rt_csv_record *record)
{
    return record->raw_fields ? record->raw_fields : record->fields;
}

/* Exactly the header's columns: missing fields empty, extra ones left out
   (the row's warnings say so). */
static void delimited_columns(struct rt_batch *batch,
                              const struct rt_csv_record *record,
                              char in_delimiter)
{
    const struct rt_csv_field *fields = shown_fields(record);
    char out = batch->options.out_delimiter;
    size_t i;

    if (raw_passes(batch, record, in_delimiter)) {
        rt_sink_write(batch->sink, record->raw, record->raw_len);
        return;
    }
    for (i = 0; i < batch->layout.count; i++) {
        if (i > 0)
            rt_sink_put(batch->sink, out);
        if (i < record->count)
            rt_sink_field(batch->sink, fields[i].data, fields[i].len, out);
    }
}

/*
 * Which figures beyond the period a row gets: those the options make known.
 * The settings themselves (period, per, margin, discount_rate) are the same
 * on every row, so they stay on the command line; an input column named
 * period, the usual one, would clash with them besides.
 */
static bool lifetime_column(const struct rt_lifetime_options *o,
                            enum rt_lifetime_field field)
{
    switch (field) {
    case RT_LIFETIME_EXPECTED:
    case RT_LIFETIME_MEDIAN:
        return true;
    case RT_LIFETIME_RETENTION_RATE_PER:
    case RT_LIFETIME_CHURN_RATE_PER:
        return o->per != RT_PERIOD_NONE;
    case RT_LIFETIME_EXPECTED_YEARS:
    case RT_LIFETIME_MEDIAN_YEARS:
        return o->period != RT_PERIOD_NONE;
    case RT_LIFETIME_VALUE:
        return o->has_margin;
    default:
        return false;
    }
}

void rt_batch_plan_columns(struct rt_batch *batch)
{
    struct rt_batch_column *c = batch->columns;
    unsigned i;

    for (i = RT_FIELD_RETAINED; i < RT_FIELD_WARNINGS; i++)
        *c++ = (struct rt_batch_column){RT_BATCH_COLUMN_FIGURE, i};
    for (i = 0; batch->options.lifetime && i < RT_LIFETIME_FIELD_COUNT; i++)
        if (lifetime_column(&batch->options.lifetime_options,
                            (enum rt_lifetime_field)i))
            *c++ = (struct rt_batch_column){RT_BATCH_COLUMN_LIFETIME, i};
    for (i = RT_REVENUE_NET; batch->layout.has_revenue && i <= RT_REVENUE_GROSS;
         i++)
        *c++ = (struct rt_batch_column){RT_BATCH_COLUMN_REVENUE, i};
    *c++ = (struct rt_batch_column){RT_BATCH_COLUMN_WARNINGS, 0};
    batch->column_count = (size_t)(c - batch->columns);
}

const char *rt_batch_column_name(struct rt_batch_column column)
{
    switch (column.kind) {
    case RT_BATCH_COLUMN_FIGURE:
        return rt_field_name((enum rt_field)column.field);
    case RT_BATCH_COLUMN_LIFETIME:
        return rt_lifetime_field_name((enum rt_lifetime_field)column.field);
    case RT_BATCH_COLUMN_REVENUE:
        return rt_revenue_field_name((enum rt_revenue_field)column.field);
    default:
        return rt_field_name(RT_FIELD_WARNINGS);
    }
}

/* The text of a figure column of a row, as CSV holds it; "" when unknown. */
static size_t column_text(const struct rt_batch *batch,
                          const struct rt_batch_row *row,
                          struct rt_batch_column column, char *buf, size_t size)
{
    buf[0] = '\0';
    if (column.kind == RT_BATCH_COLUMN_WARNINGS)
        rt_batch_row_warnings(batch, row, buf, size);
    else if (!row->valid)
        return 0;
    else if (column.kind == RT_BATCH_COLUMN_FIGURE)
        rt_field_value(&row->figures, (enum rt_field)column.field, buf, size);
    else if (column.kind == RT_BATCH_COLUMN_LIFETIME)
        snprintf(buf, size, "%s", row->lifetime.values[column.field].text);
    else
        rt_revenue_field_value(&row->revenue,
                               (enum rt_revenue_field)column.field, buf, size);
    return strlen(buf);
}

/*
 * Copies a rate after a delimiter.  A fixed 16 bytes compile to two moves,
 * where a copy of the exact length is a call; the buffer has the room.
 */
static char *put_rate(char *p, char delimiter, const struct rt_rate *rate)
{
    *p++ = delimiter;
    if (!rate->known)
        return p;
    if (rate->len <= 16)
        memcpy(p, rate->text, 16);
    else
        memcpy(p, rate->text, rate->len);
    return p + rate->len;
}

/*
 * The figure columns of a valid row, gathered in one buffer: numbers and
 * rates never need quoting, and this is the hot path of a large batch.
 * The columns beyond the core figures are plain numbers or words too.
 */
static void delimited_figures(struct rt_batch *batch,
                              const struct rt_batch_row *row)
{
    char buf[4 * RT_RATE_TEXT_SIZE + 2 * RT_NUMBER_TEXT_SIZE + 32];
    char out = batch->options.out_delimiter, *p = buf;
    char text[RT_ROW_WARNINGS_SIZE];
    const struct rt_figures *f = &row->figures;
    size_t i;

    *p++ = out;
    if (f->counts.has_new)
        p += rt_wide_write(f->retained, p);
    *p++ = out;
    if (f->counts.has_new)
        p += rt_wide_write(f->lost, p);
    p = put_rate(p, out, &f->retention_rate);
    p = put_rate(p, out, &f->churn_rate);
    p = put_rate(p, out, &f->simple_retention_rate);
    p = put_rate(p, out, &f->simple_churn_rate);
    *p++ = out;
    rt_sink_write(batch->sink, buf, (size_t)(p - buf));
    for (i = RT_BATCH_FIGURES - 1; i + 1 < batch->column_count; i++) {
        rt_sink_write(
            batch->sink, text,
            column_text(batch, row, batch->columns[i], text, sizeof text));
        rt_sink_put(batch->sink, out);
    }
    if (rt_batch_row_warns(batch, row)) {
        rt_batch_row_warnings(batch, row, text, sizeof text);
        rt_sink_field(batch->sink, text, strlen(text), out);
    }
}

static void delimited_row(struct rt_batch *batch,
                          const struct rt_csv_record *record,
                          const struct rt_batch_row *row, char in_delimiter)
{
    char out = batch->options.out_delimiter;
    size_t i;

    delimited_columns(batch, record, in_delimiter);
    if (row->valid) {
        delimited_figures(batch, row);
    } else {
        char text[RT_ROW_WARNINGS_SIZE];

        for (i = 0; i < batch->column_count; i++)
            rt_sink_put(batch->sink, out);
        rt_batch_row_warnings(batch, row, text, sizeof text);
        rt_sink_field(batch->sink, text, strlen(text), out);
    }
    rt_sink_put(batch->sink, '\n');
}

/* The header's columns, a missing field as null; extra ones left out. */
static void json_columns(struct rt_batch *batch,
                         const struct rt_csv_record *record)
{
    const struct rt_csv_field *fields = shown_fields(record);
    struct rt_sink *sink = batch->sink;
    size_t i;

    for (i = 0; i < batch->layout.count; i++) {
        const char *name = batch->layout.out_names[i];

        rt_sink_json_string(sink, name, strlen(name));
        rt_sink_put(sink, ':');
        if (i < record->count)
            rt_sink_json_string(sink, fields[i].data, fields[i].len);
        else
            rt_sink_puts(sink, "null");
        rt_sink_put(sink, ',');
    }
}

/* The JSON value of a column after the core figures, of a valid row. */
static const char *json_extra(const struct rt_batch_row *row,
                              struct rt_batch_column column)
{
    const struct rt_value *value = &row->lifetime.values[column.field];

    if (column.kind == RT_BATCH_COLUMN_REVENUE)
        return column.field == RT_REVENUE_NET ? row->revenue.net.text
                                              : row->revenue.gross.text;
    return value->state == RT_VALUE_KNOWN ? value->text : "null";
}

/* The columns after the core figures: numbers, or null when unknown. */
static void json_extras(struct rt_batch *batch, const struct rt_batch_row *row)
{
    struct rt_sink *sink = batch->sink;
    size_t i;

    for (i = RT_BATCH_FIGURES - 1; i + 1 < batch->column_count; i++) {
        struct rt_batch_column column = batch->columns[i];
        const char *text = row->valid ? json_extra(row, column) : "null";

        rt_sink_put(sink, '"');
        rt_sink_puts(sink, rt_batch_column_name(column));
        rt_sink_puts(sink, "\":");
        rt_sink_puts(sink, text);
        rt_sink_put(sink, ',');
    }
}

struct json_list {
    struct rt_sink *sink;
    bool first;
};

static void json_item(void *context, const char *text)
{
    struct json_list *list = context;

    if (!list->first)
        rt_sink_put(list->sink, ',');
    list->first = false;
    rt_sink_json_string(list->sink, text, strlen(text));
}

/* The row's note on its width first, then its error or its warnings. */
static void json_warnings(struct rt_batch *batch,
                          const struct rt_batch_row *row)
{
    struct json_list list = {batch->sink, true};

    rt_sink_put(batch->sink, '[');
    if (row->note[0])
        json_item(&list, row->note);
    if (!row->valid)
        json_item(&list, row->error);
    else
        rt_each_warning(&row->figures, rt_batch_row_lifetime(batch, row),
                        rt_batch_row_revenue(batch, row), json_item, &list);
    rt_sink_put(batch->sink, ']');
}

static void json_row(struct rt_batch *batch, const struct rt_csv_record *record,
                     const struct rt_batch_row *row)
{
    static const struct rt_figures unknown;
    struct rt_sink *sink = batch->sink;

    rt_sink_put(sink, '{');
    json_columns(batch, record);
    rt_emit_json_fields(sink, row->valid ? &row->figures : &unknown,
                        RT_FIELD_RETAINED);
    json_extras(batch, row);
    rt_sink_puts(sink, "\"warnings\":");
    if (row->valid && !rt_batch_row_warns(batch, row))
        rt_sink_puts(sink, "[]");
    else
        json_warnings(batch, row);
    rt_sink_puts(sink, "}\n");
}

static void text_row(struct rt_batch *batch, const struct rt_csv_record *record,
                     const struct rt_batch_row *row)
{
    const struct rt_csv_field *fields = shown_fields(record);
    char value[RT_ROW_WARNINGS_SIZE];
    size_t i;

    for (i = 0; i < batch->layout.count; i++)
        rt_text_table_cell(batch->text, i < record->count ? fields[i].data : "",
                           i < record->count ? fields[i].len : 0);
    for (i = 0; i < batch->column_count; i++)
        rt_text_table_cell(
            batch->text, value,
            column_text(batch, row, batch->columns[i], value, sizeof value));
    rt_text_table_end_row(batch->text);
}

void rt_batch_emit_row(struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       const struct rt_batch_row *row, char in_delimiter)
{
    switch (batch->options.format) {
    case RT_FORMAT_JSON:
        json_row(batch, record, row);
        break;
    case RT_FORMAT_TEXT:
        text_row(batch, record, row);
        break;
    default:
        delimited_row(batch, record, row, in_delimiter);
    }
}

void rt_batch_emit_header(struct rt_batch *batch,
                          const struct rt_csv_record *header, char in_delimiter)
{
    char out = batch->options.out_delimiter;
    size_t i;

    if (batch->header_written || batch->options.format == RT_FORMAT_JSON)
        return;
    batch->header_written = true;
    if (batch->options.format == RT_FORMAT_TEXT) {
        for (i = 0; i < batch->layout.count; i++)
            rt_text_table_cell(batch->text, batch->layout.out_names[i],
                               strlen(batch->layout.out_names[i]));
        for (i = 0; i < batch->column_count; i++) {
            const char *name = rt_batch_column_name(batch->columns[i]);
            rt_text_table_cell(batch->text, name, strlen(name));
        }
        rt_text_table_end_row(batch->text);
        return;
    }
    /* The header line passes through as it is unless a name changed. */
    if (header && !batch->layout.renamed &&
        raw_passes(batch, header, in_delimiter)) {
        rt_sink_write(batch->sink, header->raw, header->raw_len);
    } else {
        for (i = 0; i < batch->layout.count; i++) {
            if (i > 0)
                rt_sink_put(batch->sink, out);
            rt_sink_field(batch->sink, batch->layout.out_names[i],
                          strlen(batch->layout.out_names[i]), out);
        }
    }
    for (i = 0; i < batch->column_count; i++) {
        rt_sink_put(batch->sink, out);
        rt_sink_puts(batch->sink, rt_batch_column_name(batch->columns[i]));
    }
    rt_sink_put(batch->sink, '\n');
}
