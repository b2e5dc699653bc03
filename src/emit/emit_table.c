/*
 * emit_table.c - lines of fields as an aligned text table for people
 * (text_table.h): the names, then the values, unknown ones blank, a list
 * joined with "; " into one cell.
 */
#include <string.h>

#include "row.h"

static void table_name(struct rt_row *row, const char *name,
                       enum rt_field_kind kind)
{
    (void)kind;
    rt_text_table_cell(row->table, name, strlen(name));
}

static void table_begin(struct rt_row *row)
{
    (void)row;
}

static void table_value(struct rt_row *row, const char *name,
                        enum rt_field_kind kind, enum rt_value_state state,
                        const char *text, size_t len)
{
    (void)name, (void)kind, (void)state;
    rt_text_table_cell(row->table, text, len);
}

static void table_end(struct rt_row *row)
{
    rt_text_table_end_row(row->table);
}

const struct rt_row_format rt_row_table = {
    .has_header = true,
    .needs_table = true,
    .name = table_name,
    .begin = table_begin,
    .value = table_value,
    .list_begin = rt_row_join_begin,
    .list_item = rt_row_join_item,
    .list_end = rt_row_join_end,
    .end = table_end,
};
