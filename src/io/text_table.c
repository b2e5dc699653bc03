/* text_table.c - see text_table.h. */
#include <stdlib.h>
#include <string.h>

#include "text_table.h"
#include "utf8.h"

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

/*
 * Writes a cell as utf8.h shows text and returns its columns.  Runs of
 * plain ASCII, nearly all of a table, go out in one piece.
 */
static size_t show(struct rt_sink *sink, const char *text, size_t len)
{
    size_t width = 0, i = 0;

    while (i < len) {
        char shown[RT_UTF8_SHOWN_MAX];
        size_t run = i, shown_len, columns;

        while (run < len && rt_utf8_plain((unsigned char)text[run]))
            run++;
        rt_sink_write(sink, text + i, run - i);
        width += run - i;
        if (run == len)
            break;
        i = run + rt_utf8_show_one(text + run, len - run, shown, &shown_len,
                                   &columns);
        rt_sink_write(sink, shown, shown_len);
        width += columns;
    }
    return width;
}

/*
 * Writes a cell after the padding owed by the cells before it, and owes
 * its own: nothing is written for empty cells at the end of a row.
 */
static void put_cell(struct rt_text_table *table, size_t column,
                     const char *text, size_t len)
{
    size_t width;

    if (len > 0) {
        for (; table->pending > 0; table->pending--)
            rt_sink_put(table->sink, ' ');
    }
    width = len > 0 ? show(table->sink, text, len) : 0;
    /* A cell wider than its column (met after the look-ahead) still gets
       the gap: it pushes the rest of its row right, never runs into it. */
    if (width < table->widths[column])
        table->pending += table->widths[column] - width;
    table->pending += GAP;
}

static void end_line(struct rt_text_table *table)
{
    table->pending = 0;
    rt_sink_put(table->sink, '\n');
}

/* Keeps a cell of a held row: its length, then its bytes. */
static void hold(struct rt_text_table *table, const char *text, size_t len)
{
    size_t need = sizeof len + len;

    if (table->held_cap - table->held_len < need) {
        size_t cap = (table->held_cap + need) * 2;
        char *bigger = realloc(table->held, cap);
        if (!bigger) {
            table->failed = true;
            return;
        }
        table->held = bigger;
        table->held_cap = cap;
    }
    memcpy(table->held + table->held_len, &len, sizeof len);
    if (len > 0)
        memcpy(table->held + table->held_len + sizeof len, text, len);
    table->held_len += need;
}

void rt_text_table_cell(struct rt_text_table *table, const char *text,
                        size_t len)
{
    size_t column = table->cells_in_row++, width;

    if (column >= table->columns || table->failed)
        return;
    if (table->streaming) {
        put_cell(table, column, text, len);
        return;
    }
    width = rt_utf8_width(text, len);
    if (width > table->widths[column])
        table->widths[column] = width;
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
        end_line(table);
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
            size_t len;

            memcpy(&len, cell, sizeof len);
            put_cell(table, column, cell + sizeof len, len);
            cell += sizeof len + len;
        }
        end_line(table);
    }
    table->held_rows = table->held_len = 0;
    table->streaming = true;
}
