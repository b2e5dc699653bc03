/*
 * emit_markdown.c - lines of fields as a GitHub-flavoured Markdown pipe
 * table: the names, a delimiter line that aligns numbers right and text
 * left, then one line of values each, unknown values empty, a list joined
 * with "; " into one cell; or, for a table of one row, its warnings as a
 * list below the table (row->warnings_below).
 *
 * No input may end a row, add a cell or start markup.  So a byte that
 * does not print is shown as utf8.h shows it (a line feed as \n, a
 * bidirectional override as \u{202e}: the text table's forms), and every
 * character that means something inside a Markdown line is escaped with
 * a backslash: the pipe, the backslash, and those of code, emphasis,
 * strikethrough, links, HTML, entities and math, and the colons and the
 * dot of "www." that GitHub's renderer would make into links or emoji
 * (an e-mail address it links whatever is escaped; its text stays).  A space
 * always stands before the pipe that ends a cell, so that an escaped backslash
 * at the end of a cell never becomes an escaped pipe: GFM splits a row into
 * cells before it reads backslash escapes.
 */
#include <string.h>

#include "row.h"
#include "utf8.h"

/* The characters with a meaning inside a line of Markdown. */
static bool special(char c)
{
    return c != '\0' && strchr("\\|`*_~[]<>&!$", c) != NULL;
}

static void put_ascii(struct rt_sink *sink, const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if (special(text[i]))
            rt_sink_put(sink, '\\');
        rt_sink_put(sink, text[i]);
    }
}

static bool ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

/* An underscore between two letters or digits can neither open nor close
   emphasis (CommonMark's flanking rules): names such as retention_rate
   stay readable in the source. */
static bool inner_underscore(const char *text, size_t len, size_t i)
{
    return text[i] == '_' && i > 0 && i + 1 < len && ascii_alnum(text[i - 1]) &&
           ascii_alnum(text[i + 1]);
}

/* Whether the colon at i opens an emoji code such as ":smile:": a name
   of letters, digits, '_', '+' or '-', with a letter or a sign first,
   then a colon.  So "file:4:" and "10:30:00" stay as they are. */
static bool emoji_colon(const char *text, size_t len, size_t i)
{
    bool letter = false;
    size_t j;

    for (j = i + 1; j < len; j++) {
        char c = text[j];
        bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';

        if (!alpha && !(c >= '0' && c <= '9') && c != '_' && c != '+' &&
            c != '-')
            break;
        letter = letter || alpha;
    }
    /* ":+1:" and ":-1:" are codes too. */
    letter =
        letter || (i + 1 < len && (text[i + 1] == '+' || text[i + 1] == '-'));
    return letter && j < len && text[j] == ':';
}

/*
 * A character GitHub's renderer would make part of a link or an emoji:
 * the dot of "www." (any case), the colon of "://", and the colon that
 * opens an emoji code.  Other colons, as in messages, stay as they are.
 */
static bool link_mark(const char *text, size_t len, size_t i)
{
    static const char www[] = "www";
    size_t k;

    if (text[i] == ':')
        return (i + 2 < len && text[i + 1] == '/' && text[i + 2] == '/') ||
               emoji_colon(text, len, i);
    if (text[i] != '.' || i < 3)
        return false;
    for (k = 0; k < 3; k++)
        if ((text[i - 3 + k] | 0x20) != www[k])
            return false;
    return true;
}

/* Writes text as a cell holds it: printable, escaped, on one line. */
static void put_text(struct rt_sink *sink, const char *text, size_t len)
{
    char shown[RT_UTF8_SHOWN_MAX];
    size_t i = 0, shown_len, columns;

    while (i < len) {
        if (inner_underscore(text, len, i)) {
            rt_sink_put(sink, '_');
            i++;
            continue;
        }
        if (link_mark(text, len, i)) {
            rt_sink_put(sink, '\\');
            rt_sink_put(sink, text[i++]);
            continue;
        }
        if (rt_utf8_plain((unsigned char)text[i])) {
            put_ascii(sink, text + i, 1);
            i++;
            continue;
        }
        i += rt_utf8_show_one(text + i, len - i, shown, &shown_len, &columns);
        put_ascii(sink, shown, shown_len);
    }
}

/* "| text |", the first pipe only before the first cell. */
static void put_cell(struct rt_row *row, const char *text, size_t len)
{
    if (row->column++ == 0)
        rt_sink_put(row->sink, '|');
    rt_sink_put(row->sink, ' ');
    if (len > 0) {
        put_text(row->sink, text, len);
        rt_sink_put(row->sink, ' ');
    }
    rt_sink_put(row->sink, '|');
}

/*
 * A list item must not start a block of its own: a heading, a nested
 * list, indented code.  Its first character is made plain text when it
 * could: '#', '+', '-' and '=' escaped, a space written as an entity, the
 * '.' or ')' after leading digits escaped.
 */
static size_t put_item_start(struct rt_sink *sink, const char *text, size_t len)
{
    size_t digits = 0;

    if (len > 0 && text[0] != '\0' && strchr("#+-=", text[0]) != NULL) {
        rt_sink_put(sink, '\\');
        rt_sink_put(sink, text[0]);
        return 1;
    }
    if (len > 0 && text[0] == ' ') {
        rt_sink_puts(sink, "&#32;");
        return 1;
    }
    while (digits < len && text[digits] >= '0' && text[digits] <= '9')
        digits++;
    if (digits == 0 || digits == len ||
        (text[digits] != '.' && text[digits] != ')'))
        return 0;
    rt_sink_write(sink, text, digits);
    rt_sink_put(sink, '\\');
    rt_sink_put(sink, text[digits]);
    return digits + 1;
}

void rt_markdown_list_item(struct rt_sink *sink, const char *text, size_t len)
{
    size_t start;

    rt_sink_puts(sink, "- ");
    start = put_item_start(sink, text, len);
    put_text(sink, text + start, len - start);
    rt_sink_put(sink, '\n');
}

/* Whether a cell of this kind goes below the table instead. */
static bool below(const struct rt_row *row, enum rt_field_kind kind)
{
    return row->warnings_below && kind == RT_KIND_WARNINGS;
}

static void markdown_name(struct rt_row *row, const char *name,
                          enum rt_field_kind kind)
{
    if (below(row, kind))
        return;
    row->header_line = true;
    put_cell(row, name, strlen(name));
    rt_joined_append(&row->pending,
                     rt_field_kind_is_number(kind) ? " ---: |" : " :--- |", 7);
}

static void markdown_begin(struct rt_row *row)
{
    row->column = 0;
}

/* A warning to list below the table: kept, NUL-terminated, until the
   row ends. */
static void keep_item(struct rt_row *row, const char *text, size_t len)
{
    if (len > 0)
        rt_joined_append(&row->pending, text, len + 1);
}

static void markdown_value(struct rt_row *row, const char *name,
                           enum rt_field_kind kind, enum rt_value_state state,
                           const char *text, size_t len)
{
    (void)name, (void)state;
    if (below(row, kind))
        keep_item(row, text, len);
    else
        put_cell(row, text, len);
}

static void markdown_list_begin(struct rt_row *row, const char *name)
{
    if (!row->warnings_below)
        rt_row_join_begin(row, name);
}

static void markdown_list_item(struct rt_row *row, const char *text)
{
    if (row->warnings_below)
        keep_item(row, text, strlen(text));
    else
        rt_row_join_item(row, text);
}

static void markdown_list_end(struct rt_row *row)
{
    if (!row->warnings_below)
        rt_row_join_end(row);
}

/* The warnings kept, after a blank line that ends the table. */
static void put_kept_items(struct rt_row *row)
{
    size_t at = 0, len;

    if (row->pending.len == 0)
        return;
    rt_sink_put(row->sink, '\n');
    while (at < row->pending.len) {
        len = strlen(row->pending.text + at);
        rt_markdown_list_item(row->sink, row->pending.text + at, len);
        at += len + 1;
    }
}

/* Ends a line: the header line with the delimiter line under it. */
static void markdown_end(struct rt_row *row)
{
    rt_sink_put(row->sink, '\n');
    if (row->header_line) {
        rt_sink_put(row->sink, '|');
        rt_sink_write(row->sink, row->pending.text, row->pending.len);
        rt_sink_put(row->sink, '\n');
    } else {
        put_kept_items(row);
    }
    row->header_line = false;
    row->pending.len = 0;
    row->column = 0;
}

const struct rt_row_format rt_row_markdown = {
    .has_header = true,
    .needs_table = false,
    .name = markdown_name,
    .begin = markdown_begin,
    .value = markdown_value,
    .list_begin = markdown_list_begin,
    .list_item = markdown_list_item,
    .list_end = markdown_list_end,
    .end = markdown_end,
};
