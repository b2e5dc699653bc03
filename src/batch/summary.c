/* summary.c - see summary.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_emit.h"
#include "row.h"
#include "describe.h"
#include "siphash.h"
#include "summary.h"
#include "text_table.h"

#define FIRST_SLOTS 64

struct rt_summary *rt_summary_new(const uint64_t key[2])
{
    struct rt_summary *summary = calloc(1, sizeof *summary);

    if (summary) {
        summary->key[0] = key[0];
        summary->key[1] = key[1];
        rt_tally_init(&summary->total, summary->key);
    }
    return summary;
}

static void free_groups(struct rt_summary *summary)
{
    size_t i;

    for (i = 0; i < summary->count; i++) {
        free(summary->groups[i].key);
        rt_tally_free(&summary->groups[i].tally);
    }
    summary->count = 0;
}

void rt_summary_free(struct rt_summary *summary)
{
    size_t i;

    if (!summary)
        return;
    for (i = 0; i < summary->declined_count; i++)
        free(summary->declined[i].key);
    free(summary->declined);
    free_groups(summary);
    rt_tally_free(&summary->total);
    free(summary->groups);
    free(summary->slots);
    free(summary);
}

/* Keyed, so that no input can be made of group values that collide. */
static size_t hash_key(const struct rt_summary *s, const char *key, size_t len)
{
    return (size_t)rt_siphash13(s->key, key, len, false);
}

static bool grow_slots(struct rt_summary *s)
{
    size_t count = s->slot_count ? s->slot_count * 2 : FIRST_SLOTS, i;
    size_t *slots = calloc(count, sizeof *slots);

    if (!slots)
        return false;
    for (i = 0; i < s->count; i++) {
        size_t at =
            hash_key(s, s->groups[i].key, s->groups[i].len) & (count - 1);
        while (slots[at])
            at = (at + 1) & (count - 1);
        slots[at] = i + 1;
    }
    free(s->slots);
    s->slots = slots;
    s->slot_count = count;
    return true;
}

static int compare_names(const struct rt_summary_name *name, const char *key,
                         size_t len)
{
    if (name->len != len)
        return name->len < len ? -1 : 1;
    return len ? memcmp(name->key, key, len) : 0;
}

/* Where key is, or would go, in the sorted list of declined groups. */
static size_t declined_at(const struct rt_summary *s, const char *key,
                          size_t len, bool *found)
{
    size_t low = 0, high = s->declined_count;

    *found = false;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        int order = compare_names(&s->declined[mid], key, len);

        if (order == 0) {
            *found = true;
            return mid;
        }
        if (order < 0)
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

/*
 * Remembers a group whose mean keeps no rest.  The list only spares work,
 * so when there is no memory for it, it is simply not kept.
 */
static void decline_group(struct rt_summary *s, const char *key, size_t len)
{
    struct rt_summary_name *names = s->declined;
    bool found;
    size_t at = declined_at(s, key, len, &found);
    char *copy;

    if (found)
        return;
    if (s->declined_count == s->declined_capacity) {
        size_t capacity = s->declined_capacity ? s->declined_capacity * 2 : 8;

        names = realloc(s->declined, capacity * sizeof *names);
        if (!names)
            return;
        s->declined = names;
        s->declined_capacity = capacity;
    }
    copy = malloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, key, len);
    copy[len] = '\0';
    memmove(names + at + 1, names + at,
            (s->declined_count - at) * sizeof *names);
    names[at].key = copy;
    names[at].len = len;
    s->declined_count++;
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
    rt_tally_init(&g->tally, s->key);
    if (s->declined_count > 0) {
        bool declined;

        declined_at(s, key, len, &declined);
        if (declined)
            rt_tally_decline_rest(&g->tally);
    }
    s->slots[slot] = ++s->count;
    return g;
}

static struct rt_summary_group *find_group(struct rt_summary *s,
                                           const char *key, size_t len)
{
    size_t at;

    if ((s->count + 1) * 2 > s->slot_count && !grow_slots(s))
        return NULL;
    at = hash_key(s, key, len) & (s->slot_count - 1);
    while (s->slots[at]) {
        struct rt_summary_group *g = &s->groups[s->slots[at] - 1];
        if (g->len == len && memcmp(g->key, key, len) == 0)
            return g;
        at = (at + 1) & (s->slot_count - 1);
    }
    return new_group(s, key, len, at);
}

static bool add_row(struct rt_tally *tally, const struct rt_figures *figures,
                    const struct rt_mean_term *term,
                    const struct rt_revenue *amounts)
{
    if (amounts)
        rt_tally_add_revenue(tally, amounts);
    return rt_tally_add(tally, figures, term);
}

bool rt_summary_add(struct rt_summary *summary, bool grouped, const char *key,
                    size_t len, const struct rt_figures *figures,
                    const struct rt_revenue *amounts)
{
    struct rt_summary_group *g;
    struct rt_mean_term term;

    rt_tally_term(figures, &term);
    if (!add_row(&summary->total, figures, &term, amounts))
        return false;
    if (!grouped)
        return true;
    g = find_group(summary, key, len);
    return g && add_row(&g->tally, figures, &term, amounts);
}

bool rt_summary_merge(struct rt_summary *into, struct rt_summary *from)
{
    size_t i;

    if (!rt_tally_merge(&into->total, &from->total))
        return false;
    if (!rt_tally_keeps_rest(&into->total))
        rt_tally_decline_rest(&from->total);
    for (i = 0; i < from->count; i++) {
        const struct rt_summary_group *g = &from->groups[i];
        struct rt_summary_group *target = find_group(into, g->key, g->len);

        if (!target || !rt_tally_merge(&target->tally, &g->tally))
            return false;
        if (!rt_tally_keeps_rest(&target->tally))
            decline_group(from, g->key, g->len);
    }
    return true;
}

void rt_summary_clear(struct rt_summary *summary)
{
    free_groups(summary);
    if (summary->slots)
        memset(summary->slots, 0, summary->slot_count * sizeof *summary->slots);
    rt_tally_clear(&summary->total);
}

struct summary_writer {
    struct rt_row row;
    const struct rt_summary_format *how;
    struct rt_text_table table;
    const char *group_name; /* NULL when not grouped */
    unsigned precision;
    bool out_of_memory;
};

static void write_header(struct summary_writer *w)
{
    size_t i;

    if (!w->row.format->has_header)
        return;
    rt_row_name(&w->row, "scope");
    if (w->group_name)
        rt_row_name(&w->row, w->group_name);
    rt_row_names(&w->row, &rt_tally_fields, 0, RT_TALLY_FIELDS);
    for (i = 0; i < w->how->extra_count; i++)
        rt_row_name_kind(&w->row, rt_batch_column_name(w->how->extras[i]),
                         rt_batch_column_def(w->how->extras[i])->kind);
    rt_row_end(&w->row);
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
    char value[RT_TALLY_TEXT_SIZE];
    size_t i;

    if (status == RT_ERR_NOMEM)
        w->out_of_memory = true;
    for (i = 0; i < how->extra_count; i++) {
        struct rt_batch_column column = how->extras[i];
        const char *name = rt_batch_column_name(column);
        enum rt_value_state state = RT_VALUE_UNKNOWN;

        value[0] = '\0';
        if (column.kind == RT_BATCH_COLUMN_REVENUE) {
            if (rt_tally_revenue_value(tally,
                                       (enum rt_revenue_field)column.field,
                                       w->precision, value))
                state = RT_VALUE_KNOWN;
        } else if (status == RT_OK) {
            state = rt_lifetime_fields.defs[column.field].get(
                &lifetime, column.field, value, sizeof value);
        }
        rt_row_value(&w->row, name, rt_batch_column_def(column)->kind, state,
                     value, strlen(value));
    }
}

/* Says which mean was left unknown, and why, when there is someone to tell. */
static void warn_undecided(const struct summary_writer *w,
                           const struct rt_summary_group *group)
{
    const struct rt_reporter *reporter = w->how->reporter;
    char quoted[RT_QUOTE_SIZE], message[RT_MESSAGE_SIZE];

    if (!reporter)
        return;
    if (group)
        rt_quote_value(group->key, group->len, quoted, sizeof quoted);
    snprintf(message, sizeof message,
             "warning: summary of %s%s: mean_retention_rate left empty: it "
             "is within 10^-25 of halfway between two values at -p %u, and "
             "its rows have too many distinct start counts to decide exactly",
             group ? "group " : "all rows", group ? quoted : "", w->precision);
    reporter->report(reporter->context, RT_SEVERITY_WARNING, NULL, 0, message);
}

/* Tells of a mean left unknown: undecided (said), or out of memory. */
static void check_mean(struct summary_writer *w,
                       const struct rt_summary_group *group,
                       enum rt_mean_result mean)
{
    if (mean == RT_MEAN_UNDECIDED)
        warn_undecided(w, group);
    else if (mean == RT_MEAN_NOMEM)
        w->out_of_memory = true;
}

static void write_tally(struct summary_writer *w, const char *scope,
                        const struct rt_summary_group *group,
                        const struct rt_tally *tally)
{
    enum rt_mean_result mean = RT_MEAN_NONE;
    const struct rt_tally_view view = {tally, w->precision, &mean};

    rt_row_begin(&w->row);
    rt_row_text(&w->row, "scope", scope, strlen(scope), true);
    if (w->group_name)
        rt_row_text(&w->row, w->group_name, group ? group->key : "",
                    group ? group->len : 0, group != NULL);
    rt_row_fields(&w->row, &rt_tally_fields, &view, 0, RT_TALLY_FIELDS);
    check_mean(w, group, mean);
    write_extras(w, tally);
    rt_row_end(&w->row);
}

bool rt_summary_emit(const struct rt_summary *summary, struct rt_sink *sink,
                     const struct rt_summary_format *how)
{
    struct summary_writer w;
    size_t i;

    memset(&w, 0, sizeof w);
    w.how = how;
    w.group_name = how->group_name;
    w.precision = how->precision;
    if (how->format == RT_FORMAT_TEXT &&
        !rt_text_table_init(&w.table, sink,
                            RT_TALLY_FIELDS + how->extra_count +
                                (w.group_name ? 2 : 1))) {
        rt_text_table_free(&w.table);
        return false;
    }
    rt_row_init(&w.row, how->format, sink, &w.table);
    if (how->format == RT_FORMAT_CSV)
        w.row.delimiter = how->delimiter;
    write_header(&w);
    for (i = 0; w.group_name && i < summary->count; i++)
        write_tally(&w, "group", &summary->groups[i],
                    &summary->groups[i].tally);
    write_tally(&w, "all", NULL, &summary->total);
    if (how->format == RT_FORMAT_TEXT)
        rt_text_table_flush(&w.table);
    rt_text_table_free(&w.table);
    return rt_row_free(&w.row) && !w.table.failed && !w.out_of_memory;
}
