/*
 * row.h - writing lines of named fields in any output format (internal).
 *
 * Every report is written as lines of named cells: a header line of the
 * names (in the formats that have one), then lines of values, each with its
 * kind (field.h).  A format is one struct rt_row_format, in one file:
 * emit_csv.c (csv and tsv), emit_json.c, emit_table.c (text tables) and
 * emit_markdown.c (GitHub-flavoured pipe tables).
 * Reports walk their field tables with rt_row_names() and
 * rt_row_fields(); they never ask which format they write.
 */
#ifndef RETAIN_ROW_H
#define RETAIN_ROW_H

#include <stdbool.h>
#include <stddef.h>

#include "field.h"
#include "json.h"
#include "retain.h"
#include "sink.h"
#include "text_table.h"

struct rt_row;

/* A list of texts joined with "; " into one cell, on the heap. */
struct rt_joined {
    char *text; /* NUL-terminated, or NULL while empty */
    size_t len, cap;
    bool failed; /* out of memory: the text is cut short */
};

/* Appends len bytes of text (which may hold NULs), keeping a NUL after
   them. */
void rt_joined_append(struct rt_joined *joined, const char *text, size_t len);

/* Appends `text` after "; " (a rt_warning_fn over a struct rt_joined). */
void rt_joined_add(void *joined, const char *text);

/* How one output format writes the cells of a line. */
struct rt_row_format {
    bool has_header;  /* whether rt_row_name() writes anything */
    bool needs_table; /* writes to a text table (row->table) */
    /* A name of the header line, with the kind of the column's values
       (Markdown aligns numbers right in the line under the names). */
    void (*name)(struct rt_row *row, const char *name, enum rt_field_kind kind);
    void (*begin)(struct rt_row *row);
    /* A value as its field's getter gave it (text "" when unknown). */
    void (*value)(struct rt_row *row, const char *name, enum rt_field_kind kind,
                  enum rt_value_state state, const char *text, size_t len);
    /* A list: begun, its items, ended. */
    void (*list_begin)(struct rt_row *row, const char *name);
    void (*list_item)(struct rt_row *row, const char *text);
    void (*list_end)(struct rt_row *row);
    /* Ends the header line or a line of values. */
    void (*end)(struct rt_row *row);
};

/* The formats, in their files. */
extern const struct rt_row_format rt_row_csv;      /* emit_csv.c: and tsv */
extern const struct rt_row_format rt_row_json;     /* emit_json.c */
extern const struct rt_row_format rt_row_table;    /* emit_table.c: text */
extern const struct rt_row_format rt_row_markdown; /* emit_markdown.c */

/*
 * Writes text as a Markdown list item, "- text\n", escaped as a table cell
 * is (emit_markdown.c): the warnings below a table.
 */
void rt_markdown_list_item(struct rt_sink *sink, const char *text, size_t len);

/* A value of a kind as JSON holds it: a number, a string, or null when it
   is not known (emit_json.c). */
void rt_json_field_value(struct rt_json *json, enum rt_field_kind kind,
                         enum rt_value_state state, const char *text,
                         size_t len);

/* A string item of an array (a rt_warning_fn over a struct rt_json). */
void rt_json_list_item(void *json, const char *text);

struct rt_row {
    const struct rt_row_format *format;
    struct rt_sink *sink;
    struct rt_text_table *table; /* text tables only */
    struct rt_json json;         /* json only */
    char delimiter;              /* csv and tsv */
    size_t column;               /* cells written on this line */
    const char *list_name;       /* the list being joined into a cell */
    bool user_name; /* the cell is named by the user (rt_row_text()), not
                       by a field table: its name may need escaping */
    struct rt_joined joined;
    /* Markdown: the delimiter line while the header line is written, or
       the list that goes below the table. */
    struct rt_joined pending;
    bool header_line;    /* markdown: names have been written on this line */
    bool warnings_below; /* markdown: a list of warnings goes below the
                            table as a list, not in a cell (a table of one
                            row: core, ids, revenue) */
};

/* Whether `format` is one of enum rt_format. */
bool rt_format_known(enum rt_format format);

/*
 * A writer of `format` to `sink`; text needs the table the lines go to
 * (NULL otherwise), csv ',' and tsv a tab, which the caller may change in
 * row->delimiter.  False for a format without lines (text without a
 * table, or out of range).
 */
bool rt_row_init(struct rt_row *row, enum rt_format format,
                 struct rt_sink *sink, struct rt_text_table *table);

/* Frees what the row holds; true unless memory ran out on the way. */
bool rt_row_free(struct rt_row *row);

/* Shared by the formats that join a list into one cell. */
void rt_row_join_begin(struct rt_row *row, const char *name);
void rt_row_join_item(struct rt_row *row, const char *text);
void rt_row_join_end(struct rt_row *row);

/* The cells of a line, in any format: a name of a text column, a name of
   a column of `kind`, the values. */
void rt_row_name(struct rt_row *row, const char *name);
void rt_row_name_kind(struct rt_row *row, const char *name,
                      enum rt_field_kind kind);
void rt_row_begin(struct rt_row *row);
void rt_row_value(struct rt_row *row, const char *name, enum rt_field_kind kind,
                  enum rt_value_state state, const char *text, size_t len);
void rt_row_end(struct rt_row *row);

/* A list cell: begun, its items (rt_row_list_item() is a rt_warning_fn
   over the row), ended. */
void rt_row_list_begin(struct rt_row *row, const char *name);
void rt_row_list_item(void *row, const char *text);
void rt_row_list_end(struct rt_row *row);

/*
 * A text cell named by the user (an input column, the group column), of a
 * word the user gave; known or null.  Every other cell is named by a
 * field table, whose names need no escaping in any format.
 */
void rt_row_text(struct rt_row *row, const char *name, const char *text,
                 size_t len, bool known);

/* Writes one field of `report` (a list item by item). */
void rt_row_field(struct rt_row *row, const struct rt_field_def *def,
                  const void *report);

/* The names, or the values of `report`, of fields [first, end) of table. */
void rt_row_names(struct rt_row *row, const struct rt_field_table *table,
                  size_t first, size_t end);
void rt_row_fields(struct rt_row *row, const struct rt_field_table *table,
                   const void *report, size_t first, size_t end);

#endif
