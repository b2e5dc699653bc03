/*
 * text_table.h - an aligned table for people, streamed (internal).
 *
 * Column widths come from the header and the first RT_TEXT_LOOKAHEAD rows,
 * which are held back until then; later rows use those widths, and a wider
 * cell pushes the rest of its row right instead of being cut.  So memory
 * stays bounded however long the input is.
 *
 * Cells are shown as utf8.h says: printable UTF-8 as it is, other bytes as
 * escapes (\t, \n, \x{00}, \\ ...), so that each row stays on one line
 * and every byte can be told; columns are counted as a terminal shows
 * them, two for East Asian wide characters, none for combining marks.
 * No line ends in spaces: the padding after a cell is written only when a
 * later cell of the row has something to show.
 *
 * Running out of memory while holding rows back sets `failed`; from then on
 * the table takes no cells and writes nothing, and its user reports it.
 */
#ifndef RETAIN_TEXT_TABLE_H
#define RETAIN_TEXT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "sink.h"

#define RT_TEXT_LOOKAHEAD 1000

struct rt_text_table {
    struct rt_sink *sink;
    size_t columns;
    size_t *widths;
    char *held; /* cells of held rows, each its length, then its bytes */
    size_t held_len, held_cap, held_rows, cells_in_row;
    size_t pending; /* spaces owed before the next cell with text */
    bool streaming; /* widths fixed; rows go straight out */
    bool failed;    /* out of memory: nothing more is written */
};

/* Returns false when out of memory. */
bool rt_text_table_init(struct rt_text_table *table, struct rt_sink *sink,
                        size_t columns);
void rt_text_table_free(struct rt_text_table *table);

/* Adds the next cell of the current row. */
void rt_text_table_cell(struct rt_text_table *table, const char *text,
                        size_t len);

/* Ends the current row; missing cells are empty. */
void rt_text_table_end_row(struct rt_text_table *table);

/* Writes the rows still held back, unless the table failed. */
void rt_text_table_flush(struct rt_text_table *table);

#endif
