/* batch_emit.c - see batch_emit.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_emit.h"
#include "digits.h"
#include "emit.h"
#include "row.h"
#include "text_table.h"
#include "warnings.h"

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

/* The field table a figure column comes from; NULL for the warnings. */
static const struct rt_field_table *column_table(struct rt_batch_column column)
{
    switch (column.kind) {
    case RT_BATCH_COLUMN_FIGURE:
        return &rt_period_fields;
    case RT_BATCH_COLUMN_LIFETIME:
        return &rt_lifetime_fields;
    case RT_BATCH_COLUMN_REVENUE:
        return &rt_revenue_fields;
    default:
        return NULL;
    }
}

/* What a figure column's field is read from: the table's report. */
static const void *column_report(const struct rt_batch_row *row,
                                 struct rt_batch_column column)
{
    if (column.kind == RT_BATCH_COLUMN_LIFETIME)
        return &row->lifetime;
    if (column.kind == RT_BATCH_COLUMN_REVENUE)
        return &row->revenue;
    return &row->figures;
}

const struct rt_field_def *rt_batch_column_def(struct rt_batch_column column)
{
    const struct rt_field_table *table = column_table(column);

    return table && column.field < table->count ? &table->defs[column.field]
                                                : NULL;
}

const char *rt_batch_column_name(struct rt_batch_column column)
{
    const struct rt_field_def *def = rt_batch_column_def(column);

    return def ? def->name : rt_field_name(RT_FIELD_WARNINGS);
}

/* The text of a figure column of a row, as CSV holds it; "" when unknown. */
static size_t column_text(const struct rt_batch *batch,
                          const struct rt_batch_row *row,
                          struct rt_batch_column column, char *buf, size_t size)
{
    const struct rt_field_def *def = rt_batch_column_def(column);

    buf[0] = '\0';
    if (!def)
        rt_batch_row_warnings(batch, row, buf, size);
    else if (row->valid)
        (void)def->get(column_report(row, column), def->id, buf, size);
    else if (column.kind == RT_BATCH_COLUMN_FIGURE)
        (void)rt_batch_row_soft_count(row, column.field, buf, size);
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

/* The row's note on its width first, then its error or its warnings. */
static void row_warnings(struct rt_batch *batch, const struct rt_batch_row *row,
                         struct rt_row *out)
{
    rt_row_list_begin(out, rt_field_name(RT_FIELD_WARNINGS));
    if (row->note[0])
        rt_row_list_item(out, row->note);
    if (!row->valid)
        rt_row_list_item(out, row->error);
    else
        rt_each_warning(&row->figures, rt_batch_row_lifetime(batch, row),
                        rt_batch_row_revenue(batch, row), rt_row_list_item,
                        out);
    rt_row_list_end(out);
}

/* A figure column: from its table, or unknown on an invalid row. */
static void figure_cell(struct rt_row *out, const struct rt_batch_row *row,
                        struct rt_batch_column column)
{
    const struct rt_field_def *def = rt_batch_column_def(column);
    char count[24];

    if (row->valid)
        rt_row_field(out, def, column_report(row, column));
    else if (column.kind == RT_BATCH_COLUMN_FIGURE &&
             rt_batch_row_soft_count(row, column.field, count, sizeof count))
        rt_row_value(out, def->name, def->kind, RT_VALUE_KNOWN, count,
                     strlen(count));
    else
        rt_row_value(out, def->name, def->kind, RT_VALUE_UNKNOWN, "", 0);
}

/* Only text and markdown join a list, on the heap: its failure says so. */
static void cells_free(struct rt_batch *batch, struct rt_row *out)
{
    if (rt_row_free(out))
        return;
    if (batch->text)
        batch->text->failed = true;
    else
        batch->cells_failed = true;
}

/*
 * A row in the formats of lines of named cells (json, text, markdown): the
 * header's columns, a missing field unknown and extra ones left out, then
 * the figure columns and the warnings.
 */
static void cells_row(struct rt_batch *batch,
                      const struct rt_csv_record *record,
                      const struct rt_batch_row *row)
{
    const struct rt_csv_field *fields = shown_fields(record);
    struct rt_row out;
    size_t i;

    rt_row_init(&out, batch->options.format, batch->sink, batch->text);
    rt_row_begin(&out);
    for (i = 0; i < batch->layout.count; i++) {
        const char *name = batch->layout.out_names[i];

        if (i < record->count)
            rt_row_text(&out, name, fields[i].data, fields[i].len, true);
        else
            rt_row_text(&out, name, "", 0, false);
    }
    for (i = 0; i + 1 < batch->column_count; i++)
        figure_cell(&out, row, batch->columns[i]);
    row_warnings(batch, row, &out);
    rt_row_end(&out);
    cells_free(batch, &out);
}

/* The rows and header of options.trailing and options.only, at the end. */
static void delimited_cells(struct rt_batch *batch,
                            const struct rt_csv_record *record,
                            const struct rt_batch_row *row);
static void planned_cells_row(struct rt_batch *batch,
                              const struct rt_csv_record *record,
                              const struct rt_batch_row *row);
static void planned_header(struct rt_batch *batch);

void rt_batch_emit_row(struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       const struct rt_batch_row *row, char in_delimiter)
{
    bool delimited = batch->options.format == RT_FORMAT_CSV ||
                     batch->options.format == RT_FORMAT_TSV;

    if (batch->cells && delimited)
        delimited_cells(batch, record, row);
    else if (batch->cells)
        planned_cells_row(batch, record, row);
    else if (batch->options.format == RT_FORMAT_CSV ||
             batch->options.format == RT_FORMAT_TSV)
        delimited_row(batch, record, row, in_delimiter);
    else
        cells_row(batch, record, row);
}

/* Whether input column i holds a number batch reads (a count, an amount). */
static bool number_column(const struct rt_batch_layout *layout, size_t i)
{
    size_t r;

    if (i == layout->start || i == layout->end || i == layout->new_customers)
        return true;
    for (r = 0; layout->has_revenue && r < RT_BATCH_REVENUE_COLUMNS; r++)
        if (i == layout->revenue[r])
            return true;
    return false;
}

/* Whether input column i is one of the last options.trailing. */
static bool trailing_column(const struct rt_batch *batch, size_t i)
{
    return i + batch->options.trailing >= batch->layout.count;
}

/*
 * The kind of input column i in a header: a count for the numbers batch
 * reads and those input_cell() makes numbers, so that markdown aligns
 * them right; their cells stay as read.
 */
static enum rt_field_kind input_kind(const struct rt_batch *batch, size_t i)
{
    return number_column(&batch->layout, i) ||
                   (batch->options.counts_as_numbers &&
                    trailing_column(batch, i))
               ? RT_KIND_COUNT
               : RT_KIND_TEXT;
}

/* The name of an output column, with its kind (markdown aligns by it). */
static void column_name(struct rt_row *names, struct rt_batch_column column)
{
    const struct rt_field_def *def = rt_batch_column_def(column);

    rt_row_name_kind(names, rt_batch_column_name(column),
                     def ? def->kind : RT_KIND_WARNINGS);
}

/* Whether the output is lines of named cells with a header: text and
   markdown (csv and tsv write theirs straight; json has none). */
static bool named_header(const struct rt_batch *batch)
{
    return batch->options.format == RT_FORMAT_TEXT ||
           batch->options.format == RT_FORMAT_MARKDOWN;
}

/* The header of the formats of lines of named cells that have one. */
static void names_row(struct rt_batch *batch)
{
    struct rt_row names;
    size_t i;

    rt_row_init(&names, batch->options.format, batch->sink, batch->text);
    for (i = 0; i < batch->layout.count; i++)
        rt_row_name_kind(&names, batch->layout.out_names[i],
                         input_kind(batch, i));
    for (i = 0; i < batch->column_count; i++)
        column_name(&names, batch->columns[i]);
    rt_row_end(&names);
    cells_free(batch, &names);
}

void rt_batch_emit_header(struct rt_batch *batch,
                          const struct rt_csv_record *header, char in_delimiter)
{
    char out = batch->options.out_delimiter;
    size_t i;

    if (batch->header_written || batch->options.format == RT_FORMAT_JSON ||
        batch->options.no_header_line)
        return;
    batch->header_written = true;
    if (batch->cells) {
        planned_header(batch);
        return;
    }
    if (named_header(batch)) {
        names_row(batch);
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

static void add_cell(struct rt_batch *batch, bool input, size_t index)
{
    batch->cells[batch->cell_count++] = (struct rt_batch_cell){input, index};
}

/* The cell --only names: a figure column first, else an input column. */
static bool find_only(const struct rt_batch *batch, struct rt_batch_cell *cell)
{
    const char *name = batch->options.only;
    size_t i;

    for (i = 0; i + 1 < batch->column_count; i++)
        if (strcmp(rt_batch_column_name(batch->columns[i]), name) == 0) {
            *cell = (struct rt_batch_cell){false, i};
            return true;
        }
    for (i = 0; i < batch->layout.count; i++)
        if (strcmp(batch->layout.names[i], name) == 0) {
            *cell = (struct rt_batch_cell){true, i};
            return true;
        }
    return false;
}

static enum rt_batch_result plan_only(struct rt_batch *batch, char *error,
                                      size_t size)
{
    struct rt_batch_cell only;
    char quoted[RT_QUOTE_SIZE];
    size_t i;

    if (!find_only(batch, &only)) {
        rt_quote_value(batch->options.only, strlen(batch->options.only), quoted,
                       sizeof quoted);
        snprintf(error, size,
                 "option --only: no column %s in the output (expected the "
                 "name of a count or a figure the options ask for)",
                 quoted);
        return RT_BATCH_BAD_COLUMNS;
    }
    for (i = 0; i < batch->layout.count; i++)
        if (!number_column(&batch->layout, i) && !trailing_column(batch, i))
            add_cell(batch, true, i);
    add_cell(batch, only.input, only.index);
    return RT_BATCH_OK;
}

enum rt_batch_result rt_batch_plan_cells(struct rt_batch *batch, char *error,
                                         size_t size)
{
    size_t count = batch->layout.count, trailing = batch->options.trailing, i;

    if (!trailing && !batch->options.only)
        return RT_BATCH_OK;
    if (trailing > count) {
        snprintf(error, size,
                 "%zu trailing columns asked for, of %zu (expected at most "
                 "as many as the input has)",
                 trailing, count);
        return RT_BATCH_BAD_COLUMNS;
    }
    batch->cells = malloc((count + batch->column_count) * sizeof *batch->cells);
    batch->cell_count = 0;
    if (!batch->cells)
        return RT_BATCH_NO_MEMORY;
    if (batch->options.only)
        return plan_only(batch, error, size);
    for (i = 0; i < count - trailing; i++)
        add_cell(batch, true, i);
    for (i = 0; i + 1 < batch->column_count; i++)
        add_cell(batch, false, i);
    for (i = count - trailing; i < count; i++)
        add_cell(batch, true, i);
    add_cell(batch, false, batch->column_count - 1);
    return RT_BATCH_OK;
}

/* One input field of a row, or "" when the row is narrower. */
static struct rt_csv_field input_field(const struct rt_csv_record *record,
                                       size_t i)
{
    struct rt_csv_field none = {"", 0};

    return i < record->count ? shown_fields(record)[i] : none;
}

/* A planned row in csv or tsv. */
static void delimited_cells(struct rt_batch *batch,
                            const struct rt_csv_record *record,
                            const struct rt_batch_row *row)
{
    char out = batch->options.out_delimiter, text[RT_ROW_WARNINGS_SIZE];
    size_t k, len;

    for (k = 0; k < batch->cell_count; k++) {
        const struct rt_batch_cell *cell = &batch->cells[k];

        if (k > 0)
            rt_sink_put(batch->sink, out);
        if (cell->input) {
            struct rt_csv_field field = input_field(record, cell->index);

            rt_sink_field(batch->sink, field.data, field.len, out);
            continue;
        }
        len = column_text(batch, row, batch->columns[cell->index], text,
                          sizeof text);
        rt_sink_field(batch->sink, text, len, out);
    }
    rt_sink_put(batch->sink, '\n');
}

/*
 * An input cell in json, text or markdown: a number when the options say
 * the column holds counts and it does, else the text as read.
 */
static void input_cell(struct rt_batch *batch, struct rt_row *out,
                       const struct rt_csv_record *record, size_t i)
{
    struct rt_csv_field field = input_field(record, i);
    const char *name = batch->layout.out_names[i];
    uint64_t count;

    if (batch->options.counts_as_numbers &&
        (number_column(&batch->layout, i) || trailing_column(batch, i)) &&
        rt_count_parse(field.data, field.len, &count) == RT_OK) {
        out->user_name = true;
        rt_row_value(out, name, RT_KIND_COUNT, RT_VALUE_KNOWN, field.data,
                     field.len);
        out->user_name = false;
        return;
    }
    rt_row_text(out, name, field.data, field.len, i < record->count);
}

/* A planned row in json, text or markdown. */
static void planned_cells_row(struct rt_batch *batch,
                              const struct rt_csv_record *record,
                              const struct rt_batch_row *row)
{
    struct rt_row out;
    size_t k;

    rt_row_init(&out, batch->options.format, batch->sink, batch->text);
    rt_row_begin(&out);
    for (k = 0; k < batch->cell_count; k++) {
        const struct rt_batch_cell *cell = &batch->cells[k];

        if (cell->input)
            input_cell(batch, &out, record, cell->index);
        else if (batch->columns[cell->index].kind == RT_BATCH_COLUMN_WARNINGS)
            row_warnings(batch, row, &out);
        else
            figure_cell(&out, row, batch->columns[cell->index]);
    }
    rt_row_end(&out);
    cells_free(batch, &out);
}

static const char *cell_name(const struct rt_batch *batch,
                             const struct rt_batch_cell *cell)
{
    return cell->input ? batch->layout.out_names[cell->index]
                       : rt_batch_column_name(batch->columns[cell->index]);
}

static void planned_name(const struct rt_batch *batch, struct rt_row *names,
                         const struct rt_batch_cell *cell)
{
    if (cell->input)
        rt_row_name_kind(names, cell_name(batch, cell),
                         input_kind(batch, cell->index));
    else
        column_name(names, batch->columns[cell->index]);
}

/* The header line of a planned row: csv, tsv, text or markdown. */
static void planned_header(struct rt_batch *batch)
{
    char out = batch->options.out_delimiter;
    struct rt_row names;
    size_t k;

    if (named_header(batch)) {
        rt_row_init(&names, batch->options.format, batch->sink, batch->text);
        for (k = 0; k < batch->cell_count; k++)
            planned_name(batch, &names, &batch->cells[k]);
        rt_row_end(&names);
        cells_free(batch, &names);
        return;
    }
    for (k = 0; k < batch->cell_count; k++) {
        const char *name = cell_name(batch, &batch->cells[k]);

        if (k > 0)
            rt_sink_put(batch->sink, out);
        rt_sink_field(batch->sink, name, strlen(name), out);
    }
    rt_sink_put(batch->sink, '\n');
}
