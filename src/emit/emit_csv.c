/*
 * emit_csv.c - lines of fields as CSV (RFC 4180) or TSV: a header line of
 * the names, then one line of values each, unknown values empty, a list
 * joined with "; " into one field.  The sink quotes or escapes each field.
 */
#include <string.h>

#include "row.h"

static void put_cell(struct rt_row *row, const char *text, size_t len)
{
    if (row->column++ > 0)
        rt_sink_put(row->sink, row->delimiter);
    rt_sink_field(row->sink, text, len, row->delimiter);
}

static void csv_name(struct rt_row *row, const char *name,
                     enum rt_field_kind kind)
{
    (void)kind;
    put_cell(row, name, strlen(name));
}

static void csv_begin(struct rt_row *row)
{
    row->column = 0;
}

static void csv_value(struct rt_row *row, const char *name,
                      enum rt_field_kind kind, enum rt_value_state state,
                      const char *text, size_t len)
{
    (void)name, (void)kind, (void)state;
    put_cell(row, text, len);
}

static void csv_end(struct rt_row *row)
{
    rt_sink_put(row->sink, '\n');
    row->column = 0;
}

const struct rt_row_format rt_row_csv = {
    .has_header = true,
    .needs_table = false,
    .name = csv_name,
    .begin = csv_begin,
    .value = csv_value,
    .list_begin = rt_row_join_begin,
    .list_item = rt_row_join_item,
    .list_end = rt_row_join_end,
    .end = csv_end,
};
