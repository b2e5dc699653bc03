/* summary.c - see summary.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_emit.h"
#include "summary.h"
#include "text_table.h"

#define FIRST_SLOTS 64

struct rt_summary *rt_summary_new(void)
{
    struct rt_summary *summary = calloc(1, sizeof *summary);

    if (summary)
        rt_tally_init(&summary->total);
    return summary;
}

void rt_summary_free(struct rt_summary *summary)
{
    size_t i;

    if (!summary)
        return;
    for (i = 0; i < summary->count; i++)
        free(summary->groups[i].key);
    free(summary->groups);
    free(summary->slots);
    free(summary);
}

/* FNV-1a: group keys are the user's own labels, few and not hostile. */
static size_t hash_key(const char *key, size_t len)
{
    uint64_t h = UINT64_C(14695981039346656037);
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= UINT64_C(1099511628211);
    }
    return (size_t)h;
}

static bool grow_slots(struct rt_summary *s)
{
    size_t count = s->slot_count ? s->slot_count * 2 : FIRST_SLOTS, i;
    size_t *slots = calloc(count, sizeof *slots);

    if (!slots)
        return false;
    for (i = 0; i < s->count; i++) {
        size_t at = hash_key(s->groups[i].key, s->groups[i].len) & (count - 1);
        while (slots[at])
            at = (at + 1) & (count - 1);
        slots[at] = i + 1;
    }
    free(s->slots);
    s->slots = slots;
    s->slot_count = count;
    return true;
}

static struct rt_summary_group *new_group(struct rt_summary *s, const char *key,
                                          size_t len, size_t slot)
{
    struct rt_summary_group *g;

    if (s->count == s->capacity) {
        size_t capacity = s->capacity ? s->capacity * 2 : 16;
        g = realloc(s->groups, capacity * sizeof *g);
        if (!g)
            return NULL;
        s->groups = g;
        s->capacity = capacity;
    }
    g = &s->groups[s->count];
    g->key = malloc(len + 1);
    if (!g->key)
        return NULL;
    memcpy(g->key, key, len);
    g->key[len] = '\0';
    g->len = len;
    rt_tally_init(&g->tally);
    s->slots[slot] = ++s->count;
    return g;
}

static struct rt_summary_group *find_group(struct rt_summary *s,
                                           const char *key, size_t len)
{
    size_t at;

    if ((s->count + 1) * 2 > s->slot_count && !grow_slots(s))
        return NULL;
    at = hash_key(key, len) & (s->slot_count - 1);
    while (s->slots[at]) {
        struct rt_summary_group *g = &s->groups[s->slots[at] - 1];
        if (g->len == len && memcmp(g->key, key, len) == 0)
            return g;
        at = (at + 1) & (s->slot_count - 1);
    }
    return new_group(s, key, len, at);
}

static void add_row(struct rt_tally *tally, const struct rt_figures *figures,
                    const struct rt_revenue *amounts)
{
    rt_tally_add(tally, figures);
    if (amounts)
        rt_tally_add_revenue(tally, amounts);
}

bool rt_summary_add(struct rt_summary *summary, bool grouped, const char *key,
                    size_t len, const struct rt_figures *figures,
                    const struct rt_revenue *amounts)
{
    add_row(&summary->total, figures, amounts);
    if (grouped) {
        struct rt_summary_group *g = find_group(summary, key, len);
        if (!g)
            return false;
        add_row(&g->tally, figures, amounts);
    }
    return true;
}

bool rt_summary_merge(struct rt_summary *into, const struct rt_summary *from)
{
    size_t i;

    rt_tally_merge(&into->total, &from->total);
    for (i = 0; i < from->count; i++) {
        const struct rt_summary_group *g = &from->groups[i];
        struct rt_summary_group *target = find_group(into, g->key, g->len);

        if (!target)
            return false;
        rt_tally_merge(&target->tally, &g->tally);
    }
    return true;
}

void rt_summary_clear(struct rt_summary *summary)
{
    size_t i;

    for (i = 0; i < summary->count; i++)
        free(summary->groups[i].key);
    summary->count = 0;
    if (summary->slots)
        memset(summary->slots, 0, summary->slot_count * sizeof *summary->slots);
    rt_tally_init(&summary->total);
}

struct summary_writer {
    struct rt_sink *sink;
    const struct rt_summary_format *how;
    enum rt_format format;
    char delimiter;
    struct rt_text_table table;
    const char *group_name; /* NULL when not grouped */
    unsigned precision;
    size_t column;
    bool out_of_memory;
};

/* Writes one cell: a string (quoted in JSON) or a number (null if unknown). */
static void put_cell(struct summary_writer *w, const char *name,
                     const char *text, size_t len, bool is_string, bool known)
{
    struct rt_sink *sink = w->sink;

    if (w->format == RT_FORMAT_TEXT) {
        rt_text_table_cell(&w->table, text, len);
    } else if (w->format == RT_FORMAT_JSON) {
        rt_sink_put(sink, w->column ? ',' : '{');
        rt_sink_json_string(sink, name, strlen(name));
        rt_sink_put(sink, ':');
        if (!known)
            rt_sink_puts(sink, "null");
        else if (is_string)
            rt_sink_json_string(sink, text, len);
        else
            rt_sink_write(sink, text, len);
    } else {
        if (w->column)
            rt_sink_put(sink, w->delimiter);
        rt_sink_field(sink, text, len, w->delimiter);
    }
    w->column++;
}

static void end_line(struct summary_writer *w)
{
    if (w->format == RT_FORMAT_TEXT)
        rt_text_table_end_row(&w->table);
    else
        rt_sink_puts(w->sink, w->format == RT_FORMAT_JSON ? "}\n" : "\n");
    w->column = 0;
}

static void write_header(struct summary_writer *w)
{
    unsigned f;

    if (w->format == RT_FORMAT_JSON)
        return;
    put_cell(w, "", "scope", 5, true, true);
    if (w->group_name)
        put_cell(w, "", w->group_name, strlen(w->group_name), true, true);
    for (f = 0; f < RT_TALLY_FIELDS; f++) {
        const char *name = rt_tally_field_name((enum rt_tally_field)f);
        put_cell(w, "", name, strlen(name), true, true);
    }
    for (f = 0; f < w->how->extra_count; f++) {
        const char *name = rt_batch_column_name(w->how->extras[f]);
        put_cell(w, "", name, strlen(name), true, true);
    }
    end_line(w);
}

/* The pooled figures beyond one period, and revenue retention. */
static void write_extras(struct summary_writer *w, const struct rt_tally *tally)
{
    const struct rt_summary_format *how = w->how;
    struct rt_lifetime lifetime;
    enum rt_status status =
        how->lifetime
            ? rt_tally_lifetime(tally, how->lifetime, w->precision, &lifetime)
            : RT_ERR_RANGE;
    bool have_lifetime = status == RT_OK;
    char value[RT_TALLY_TEXT_SIZE];
    size_t i;

    if (status == RT_ERR_NOMEM)
        w->out_of_memory = true;

    for (i = 0; i < how->extra_count; i++) {
        struct rt_batch_column column = how->extras[i];
        const char *name = rt_batch_column_name(column);
        bool known = false;

        value[0] = '\0';
        if (column.kind == RT_BATCH_COLUMN_REVENUE) {
            known = rt_tally_revenue_value(tally,
                                           (enum rt_revenue_field)column.field,
                                           w->precision, value);
        } else if (have_lifetime) {
            const struct rt_value *v = &lifetime.values[column.field];
            snprintf(value, sizeof value, "%s", v->text);
            known = v->state == RT_VALUE_KNOWN;
        }
        put_cell(w, name, value, strlen(value), false, known);
    }
}

static void write_tally(struct summary_writer *w, const char *scope,
                        const struct rt_summary_group *group,
                        const struct rt_tally *tally)
{
    char value[RT_TALLY_TEXT_SIZE];
    unsigned f;

    put_cell(w, "scope", scope, strlen(scope), true, true);
    if (w->group_name)
        put_cell(w, w->group_name, group ? group->key : "",
                 group ? group->len : 0, true, group != NULL);
    for (f = 0; f < RT_TALLY_FIELDS; f++) {
        enum rt_tally_field field = (enum rt_tally_field)f;
        bool known = rt_tally_value(tally, field, w->precision, value);

        put_cell(w, rt_tally_field_name(field), value, strlen(value), false,
                 known);
    }
    write_extras(w, tally);
    end_line(w);
}

bool rt_summary_emit(const struct rt_summary *summary, struct rt_sink *sink,
                     const struct rt_summary_format *how)
{
    struct summary_writer w;
    size_t i;

    memset(&w, 0, sizeof w);
    w.sink = sink;
    w.how = how;
    w.format = how->format;
    w.delimiter = how->format == RT_FORMAT_TSV ? '\t' : how->delimiter;
    w.group_name = how->group_name;
    w.precision = how->precision;
    if (w.format == RT_FORMAT_TEXT &&
        !rt_text_table_init(&w.table, sink,
                            RT_TALLY_FIELDS + how->extra_count +
                                (w.group_name ? 2 : 1))) {
        rt_text_table_free(&w.table);
        return false;
    }
    write_header(&w);
    for (i = 0; w.group_name && i < summary->count; i++)
        write_tally(&w, "group", &summary->groups[i],
                    &summary->groups[i].tally);
    write_tally(&w, "all", NULL, &summary->total);
    if (w.format == RT_FORMAT_TEXT)
        rt_text_table_flush(&w.table);
    rt_text_table_free(&w.table);
    return !w.table.failed && !w.out_of_memory;
}
