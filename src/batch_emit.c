/* batch_emit.c - see batch_emit.h. */
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

static void delimited_columns(struct rt_batch *batch,
                              const struct rt_csv_record *record,
                              char in_delimiter)
{
    char out = batch->options.out_delimiter;
    size_t count = record->count, i;

    if (raw_passes(batch, record, in_delimiter)) {
        rt_sink_write(batch->sink, record->raw, record->raw_len);
        return;
    }
    if (count < batch->layout.count)
        count = batch->layout.count;
    for (i = 0; i < count; i++) {
        if (i > 0)
            rt_sink_put(batch->sink, out);
        if (i < record->count)
            rt_sink_field(batch->sink, record->fields[i].data,
                          record->fields[i].len, out);
    }
}

/* The text of figure column i (0 = retained) of a row; "" when unknown. */
static size_t figure_text(const struct rt_batch_row *row, unsigned i, char *buf,
                          size_t size)
{
    enum rt_field field = (enum rt_field)(RT_FIELD_RETAINED + i);

    if (row->valid)
        rt_field_value(&row->figures, field, buf, size);
    else
        snprintf(buf, size, "%s", field == RT_FIELD_WARNINGS ? row->error : "");
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
 */
static void delimited_figures(struct rt_batch *batch,
                              const struct rt_figures *f)
{
    char buf[4 * RT_RATE_TEXT_SIZE + 2 * RT_NUMBER_TEXT_SIZE + 32];
    char out = batch->options.out_delimiter, *p = buf;
    char warnings[RT_WARNING_TEXT_SIZE * RT_WARNING_KINDS];

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
    if (f->warnings) {
        rt_field_value(f, RT_FIELD_WARNINGS, warnings, sizeof warnings);
        rt_sink_field(batch->sink, warnings, strlen(warnings), out);
    }
}

static void delimited_row(struct rt_batch *batch,
                          const struct rt_csv_record *record,
                          const struct rt_batch_row *row, char in_delimiter)
{
    char out = batch->options.out_delimiter;
    unsigned i;

    delimited_columns(batch, record, in_delimiter);
    if (row->valid) {
        delimited_figures(batch, &row->figures);
    } else {
        for (i = 0; i + 1 < RT_BATCH_FIGURES; i++)
            rt_sink_put(batch->sink, out);
        rt_sink_put(batch->sink, out);
        rt_sink_field(batch->sink, row->error, strlen(row->error), out);
    }
    rt_sink_put(batch->sink, '\n');
}

static void json_columns(struct rt_batch *batch,
                         const struct rt_csv_record *record)
{
    struct rt_sink *sink = batch->sink;
    size_t i;

    for (i = 0; i < batch->layout.count; i++) {
        const char *name = batch->layout.names[i];

        rt_sink_json_string(sink, name, strlen(name));
        rt_sink_put(sink, ':');
        if (i < record->count)
            rt_sink_json_string(sink, record->fields[i].data,
                                record->fields[i].len);
        else
            rt_sink_puts(sink, "null");
        rt_sink_put(sink, ',');
    }
    if (record->count <= batch->layout.count)
        return;
    rt_sink_puts(sink, "\"extra_fields\":[");
    for (; i < record->count; i++) {
        rt_sink_json_string(sink, record->fields[i].data,
                            record->fields[i].len);
        rt_sink_put(sink, i + 1 < record->count ? ',' : ']');
    }
    rt_sink_put(sink, ',');
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
    rt_sink_puts(sink, "\"warnings\":");
    if (row->valid) {
        rt_emit_json_warnings(sink, &row->figures, NULL);
    } else {
        rt_sink_put(sink, '[');
        rt_sink_json_string(sink, row->error, strlen(row->error));
        rt_sink_put(sink, ']');
    }
    rt_sink_puts(sink, "}\n");
}

static void text_row(struct rt_batch *batch, const struct rt_csv_record *record,
                     const struct rt_batch_row *row)
{
    char value[RT_ROW_ERROR_SIZE];
    size_t i;
    unsigned f;

    for (i = 0; i < batch->layout.count; i++)
        rt_text_table_cell(batch->text,
                           i < record->count ? record->fields[i].data : "",
                           i < record->count ? record->fields[i].len : 0);
    for (f = 0; f < RT_BATCH_FIGURES; f++)
        rt_text_table_cell(batch->text, value,
                           figure_text(row, f, value, sizeof value));
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
    unsigned f;

    if (batch->header_written || batch->options.format == RT_FORMAT_JSON)
        return;
    batch->header_written = true;
    if (batch->options.format == RT_FORMAT_TEXT) {
        for (i = 0; i < batch->layout.count; i++)
            rt_text_table_cell(batch->text, batch->layout.names[i],
                               strlen(batch->layout.names[i]));
        for (f = 0; f < RT_BATCH_FIGURES; f++) {
            const char *name =
                rt_field_name((enum rt_field)(RT_FIELD_RETAINED + f));
            rt_text_table_cell(batch->text, name, strlen(name));
        }
        rt_text_table_end_row(batch->text);
        return;
    }
    if (header && raw_passes(batch, header, in_delimiter)) {
        rt_sink_write(batch->sink, header->raw, header->raw_len);
    } else {
        for (i = 0; i < batch->layout.count; i++) {
            if (i > 0)
                rt_sink_put(batch->sink, out);
            rt_sink_field(batch->sink, batch->layout.names[i],
                          strlen(batch->layout.names[i]), out);
        }
    }
    for (f = 0; f < RT_BATCH_FIGURES; f++) {
        rt_sink_put(batch->sink, out);
        rt_sink_puts(batch->sink,
                     rt_field_name((enum rt_field)(RT_FIELD_RETAINED + f)));
    }
    rt_sink_put(batch->sink, '\n');
}
