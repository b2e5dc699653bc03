/* row.c - see row.h. */
#include <stdlib.h>
#include <string.h>

#include "row.h"

void rt_joined_append(struct rt_joined *j, const char *text, size_t len)
{
    size_t need = j->len + len + 1;

    if (j->failed)
        return;
    if (need > j->cap) {
        size_t cap = j->cap ? j->cap : 256;
        char *bigger;

        while (cap < need)
            cap *= 2;
        bigger = realloc(j->text, cap);
        if (!bigger) {
            j->failed = true;
            return;
        }
        j->text = bigger;
        j->cap = cap;
    }
    memcpy(j->text + j->len, text, len);
    j->len += len;
    j->text[j->len] = '\0';
}

void rt_joined_add(void *context, const char *text)
{
    struct rt_joined *j = context;

    if (j->len > 0)
        rt_joined_append(j, "; ", 2);
    rt_joined_append(j, text, strlen(text));
}

/*
 * The output formats, by enum rt_format, with the emitter of each: a new
 * format is a row here and its emitter file.
 */
static const struct format_entry {
    const char *name;
    const struct rt_row_format *lines;
    char delimiter; /* of csv and tsv */
} formats[] = {
    {"text", &rt_row_table, 0},        /* a table for people */
    {"json", &rt_row_json, 0},         /* one object a line */
    {"csv", &rt_row_csv, ','},         /* RFC 4180 */
    {"tsv", &rt_row_csv, '\t'},        /* the same, tab-separated */
    {"markdown", &rt_row_markdown, 0}, /* GitHub-flavoured pipe tables */
    {"svg", NULL, 0},                  /* a chart, not lines of cells */
};

#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

bool rt_format_lookup(const char *name, enum rt_format *out)
{
    size_t i;

    for (i = 0; i < FORMAT_COUNT; i++) {
        if (strcmp(name, formats[i].name) == 0) {
            *out = (enum rt_format)i;
            return true;
        }
    }
    return false;
}

bool rt_format_known(enum rt_format format)
{
    return (unsigned)format < FORMAT_COUNT;
}

bool rt_row_init(struct rt_row *row, enum rt_format format,
                 struct rt_sink *sink, struct rt_text_table *table)
{
    memset(row, 0, sizeof *row);
    row->sink = sink;
    row->table = table;
    rt_json_init(&row->json, sink);
    if (!rt_format_known(format))
        return false;
    row->delimiter = formats[format].delimiter;
    if (!formats[format].lines)
        return false;
    if (table || !formats[format].lines->needs_table)
        row->format = formats[format].lines;
    return row->format != NULL;
}

bool rt_row_free(struct rt_row *row)
{
    bool enough_memory = !row->joined.failed;

    enough_memory = enough_memory && !row->pending.failed;
    free(row->joined.text);
    free(row->pending.text);
    row->joined = (struct rt_joined){NULL, 0, 0, false};
    row->pending = row->joined;
    return enough_memory;
}

void rt_row_join_begin(struct rt_row *row, const char *name)
{
    row->list_name = name;
    row->joined.len = 0;
    if (row->joined.text)
        row->joined.text[0] = '\0';
}

void rt_row_join_item(struct rt_row *row, const char *text)
{
    rt_joined_add(&row->joined, text);
}

void rt_row_join_end(struct rt_row *row)
{
    row->format->value(row, row->list_name, RT_KIND_WARNINGS, RT_VALUE_KNOWN,
                       row->joined.text ? row->joined.text : "",
                       row->joined.len);
}

void rt_row_name(struct rt_row *row, const char *name)
{
    row->format->name(row, name, RT_KIND_TEXT);
}

void rt_row_name_kind(struct rt_row *row, const char *name,
                      enum rt_field_kind kind)
{
    row->format->name(row, name, kind);
}

void rt_row_begin(struct rt_row *row)
{
    row->format->begin(row);
}

void rt_row_value(struct rt_row *row, const char *name, enum rt_field_kind kind,
                  enum rt_value_state state, const char *text, size_t len)
{
    row->format->value(row, name, kind, state, text, len);
}

void rt_row_end(struct rt_row *row)
{
    row->format->end(row);
}

void rt_row_text(struct rt_row *row, const char *name, const char *text,
                 size_t len, bool known)
{
    row->user_name = true;
    row->format->value(row, name, RT_KIND_TEXT,
                       known ? RT_VALUE_KNOWN : RT_VALUE_UNKNOWN, text, len);
    row->user_name = false;
}

void rt_row_list_begin(struct rt_row *row, const char *name)
{
    row->format->list_begin(row, name);
}

void rt_row_list_item(void *context, const char *text)
{
    struct rt_row *row = context;

    row->format->list_item(row, text);
}

void rt_row_list_end(struct rt_row *row)
{
    row->format->list_end(row);
}

void rt_row_field(struct rt_row *row, const struct rt_field_def *def,
                  const void *report)
{
    char text[RT_WARNING_TEXT_SIZE];
    enum rt_value_state state;

    if (def->each) {
        rt_row_list_begin(row, def->name);
        def->each(report, rt_row_list_item, row);
        rt_row_list_end(row);
        return;
    }
    state = def->get(report, def->id, text, sizeof text);
    row->format->value(row, def->name, def->kind, state, text, strlen(text));
}

void rt_row_names(struct rt_row *row, const struct rt_field_table *table,
                  size_t first, size_t end)
{
    size_t i;

    for (i = first; i < end && i < table->count; i++)
        row->format->name(row, table->defs[i].name, table->defs[i].kind);
}

void rt_row_fields(struct rt_row *row, const struct rt_field_table *table,
                   const void *report, size_t first, size_t end)
{
    size_t i;

    for (i = first; i < end && i < table->count; i++)
        rt_row_field(row, &table->defs[i], report);
}
