/* text_table.c - see text_table.h. */
#include <stdlib.h>
#include <string.h>

#include "text_table.h"

#define GAP 2

bool rt_text_table_init(struct rt_text_table *table, struct rt_sink *sink,
                        size_t columns)
{
    memset(table, 0, sizeof *table);
    table->sink = sink;
    table->columns = columns;
    table->widths = calloc(columns ? columns : 1, sizeof *table->widths);
    return table->widths != NULL;
}

void rt_text_table_free(struct rt_text_table *table)
{
    if (!table)
        return;
    free(table->widths);
    free(table->held);
    table->widths = NULL;
    table->held = NULL;
}

/* Display columns of UTF-8 text: one per character, not per byte. */
static size_t display_width(const char *text, size_t len)
{
    size_t width = 0, i;

    for (i = 0; i < len; i++)
        width += ((unsigned char)text[i] & 0xc0) != 0x80;
    return width;
}

static void put_cell(struct rt_text_table *table, size_t column,
                     const char *text, size_t len, bool last)
{
    size_t width = display_width(text, len), i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        rt_sink_put(table->sink, c < 0x20 ? ' ' : (char)c);
    }
    if (last)
        return;
    /* A cell wider than its column (met after the look-ahead) still gets
       the gap: it pushes the rest of its row right, never runs into it. */
    for (; width < table->widths[column]; width++)
        rt_sink_put(table->sink, ' ');
    for (i = 0; i < GAP; i++)
        rt_sink_put(table->sink, ' ');
}

static void hold(struct rt_text_table *table, const char *text, size_t len)
{
    if (table->held_cap - table->held_len < len + 1) {
        size_t cap = (table->held_cap + len + 1) * 2;
        char *bigger = realloc(table->held, cap);
        if (!bigger) {
            table->failed = true;
            return;
        }
        table->held = bigger;
        table->held_cap = cap;
    }
    /* A NUL inside a cell would end it early when the row is written. */
    for (; len > 0; len--, text++)
        table->held[table->held_len++] = *text ? *text : ' ';
    table->held[table->held_len++] = '\0';
}

void rt_text_table_cell(struct rt_text_table *table, const char *text,
                        size_t len)
{
    size_t column = table->cells_in_row++;

    if (column >= table->columns || table->failed)
        return;
    if (table->streaming) {
        put_cell(table, column, text, len, column + 1 == table->columns);
        return;
    }
    if (display_width(text, len) > table->widths[column])
        table->widths[column] = display_width(text, len);
    hold(table, text, len);
}

void rt_text_table_end_row(struct rt_text_table *table)
{
    while (table->cells_in_row < table->columns)
        rt_text_table_cell(table, "", 0);
    table->cells_in_row = 0;
    if (table->failed)
        return;
    if (table->streaming) {
        rt_sink_put(table->sink, '\n');
        return;
    }
    if (++table->held_rows > RT_TEXT_LOOKAHEAD)
        rt_text_table_flush(table);
}

void rt_text_table_flush(struct rt_text_table *table)
{
    const char *cell = table->held;
    size_t row, column;

    if (table->failed)
        return;
    for (row = 0; row < table->held_rows; row++) {
        for (column = 0; column < table->columns; column++) {
            size_t len = strlen(cell);
            put_cell(table, column, cell, len, column + 1 == table->columns);
            cell += len + 1;
        }
        rt_sink_put(table->sink, '\n');
    }
    table->held_rows = table->held_len = 0;
    table->streaming = true;
}
