/*
 * batch_names.c - see batch_names.h.
 *
 * A header may have millions of columns, so names are looked up in a
 * sorted copy, never compared each with each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_emit.h"
#include "batch_names.h"
#include "describe.h"
#include "tally.h"

#define PREFIX "input."

/* The names an output line adds, at most: scope, the tally, the columns. */
#define RESERVED_MAX (1 + RT_TALLY_FIELDS + RT_BATCH_COLUMNS_MAX)

struct entry {
    const char *name;
    size_t index;
};

static int lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* strcmp() that takes ASCII letters in any case as the same. */
static int compare_names(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;

    while (*x && lower(*x) == lower(*y))
        x++, y++;
    return lower(*x) - lower(*y);
}

/* By name in any case, then by column, so the first of a name leads. */
static int compare_entries(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    int by_name = compare_names(x->name, y->name);

    if (by_name != 0)
        return by_name;
    return (x->index > y->index) - (x->index < y->index);
}

/* The names with their columns, sorted; NULL when out of memory. */
static struct entry *sorted_entries(const char *const *names, size_t count)
{
    struct entry *sorted = malloc((count ? count : 1) * sizeof *sorted);
    size_t i;

    if (!sorted)
        return NULL;
    for (i = 0; i < count; i++)
        sorted[i] = (struct entry){names[i], i};
    qsort(sorted, count, sizeof *sorted, compare_entries);
    return sorted;
}

/* Whether name is among the sorted entries, in any case. */
static bool taken(const struct entry *sorted, size_t count, const char *name)
{
    size_t low = 0, high = count;

    while (low < high) {
        size_t middle = low + (high - low) / 2;
        int order = compare_names(sorted[middle].name, name);

        if (order == 0)
            return true;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    return false;
}

/* "NAME.n", or NULL when out of memory. */
static char *numbered(const char *name, size_t n)
{
    size_t size = strlen(name) + 24;
    char *text = malloc(size);

    if (text)
        snprintf(text, size, "%s.%zu", name, n);
    return text;
}

/* "input.NAME", or NULL when out of memory. */
static char *prefixed(const char *name)
{
    size_t size = strlen(name) + sizeof PREFIX;
    char *text = malloc(size);

    if (text)
        snprintf(text, size, PREFIX "%s", name);
    return text;
}

/* The first free "NAME.n" from n on; NULL when out of memory. */
static char *next_number(const struct entry *sorted, size_t count,
                         const char *name, size_t *n)
{
    for (;; ++*n) {
        char *text = numbered(name, *n);

        if (!text || !taken(sorted, count, text))
            return text;
        free(text);
    }
}

/* Numbers every name after the first of the same name: NAME.2, NAME.3.. */
static bool number_repeats(const struct entry *sorted, size_t count, char **out,
                           struct rt_names_repeats *repeats)
{
    size_t first = 0, i;

    while (first < count) {
        size_t n = 2;

        for (i = first + 1; i < count && compare_names(sorted[i].name,
                                                       sorted[first].name) == 0;
             i++, n++) {
            char *name = next_number(sorted, count, sorted[i].name, &n);

            if (!name)
                return false;
            out[sorted[i].index] = name;
            if (repeats->count++ == 0 || sorted[i].index < repeats->first)
                repeats->first = sorted[i].index;
        }
        first = i;
    }
    return true;
}

/* "input.NAME", prefixed again while the names in sorted hold it. */
static char *untaken_prefixed(const struct entry *sorted, size_t count,
                              const char *name)
{
    char *text = prefixed(name);

    while (text && taken(sorted, count, text)) {
        char *again = prefixed(text);
        free(text);
        text = again;
    }
    return text;
}

/*
 * Renames each name the output adds to input.NAME, as often as needed.
 * The new names are all made before any is put in out, which the sorted
 * entries point into.
 */
static bool prefix_reserved(char *const *names, size_t count,
                            const struct entry *reserved, size_t reserved_count,
                            char **out)
{
    struct entry *sorted = sorted_entries((const char *const *)out, count);
    char **fresh = calloc(count ? count : 1, sizeof *fresh);
    bool ok = sorted && fresh;
    size_t i;

    for (i = 0; ok && i < count; i++)
        if (taken(reserved, reserved_count, out[i]))
            ok = (fresh[i] = untaken_prefixed(sorted, count, out[i])) != NULL;
    for (i = 0; fresh && i < count; i++) {
        if (!fresh[i])
            continue;
        if (out[i] != names[i])
            free(out[i]);
        out[i] = fresh[i];
    }
    free(fresh);
    free(sorted);
    return ok;
}

bool rt_names_assign(char *const *names, size_t count,
                     const char *const *reserved, size_t reserved_count,
                     char **out, struct rt_names_repeats *repeats)
{
    struct entry *sorted, *by_reserved;
    bool ok;
    size_t i;

    for (i = 0; i < count; i++)
        out[i] = names[i];
    repeats->count = repeats->first = 0;
    sorted = sorted_entries((const char *const *)names, count);
    by_reserved = sorted_entries(reserved, reserved_count);
    ok = sorted && by_reserved && number_repeats(sorted, count, out, repeats) &&
         prefix_reserved(names, count, by_reserved, reserved_count, out);
    free(sorted);
    free(by_reserved);
    return ok;
}

void rt_names_free(char *const *names, char **out, size_t count)
{
    size_t i;

    for (i = 0; out && i < count; i++)
        if (out[i] != names[i])
            free(out[i]);
}

/* The summary's own names: scope, the tally, the pooled extra columns. */
static size_t summary_names(const struct rt_batch *batch,
                            const char *reserved[RESERVED_MAX])
{
    size_t n = 0, i;

    reserved[n++] = "scope";
    for (i = 0; i < RT_TALLY_FIELDS; i++)
        reserved[n++] = rt_tally_field_name((enum rt_tally_field)i);
    for (i = RT_BATCH_FIGURES - 1; i + 1 < batch->column_count; i++)
        reserved[n++] = rt_batch_column_name(batch->columns[i]);
    return n;
}

/* The group column's name in the summary: its name in the rows, unless
   the summary has that name itself.  Sets NULL when out of memory. */
static bool name_summary_group(struct rt_batch *batch)
{
    struct rt_batch_layout *layout = &batch->layout;
    const char *reserved[RESERVED_MAX];
    char *row_name = layout->out_names[layout->group], *name = NULL;
    struct rt_names_repeats repeats;
    size_t size = strlen(row_name) + 1;
    size_t reserved_count = summary_names(batch, reserved);

    if (!rt_names_assign(&row_name, 1, reserved, reserved_count, &name,
                         &repeats))
        return false;
    if (name != row_name) {
        layout->summary_group = name;
        return true;
    }
    layout->summary_group = malloc(size);
    if (layout->summary_group)
        memcpy(layout->summary_group, row_name, size);
    return layout->summary_group != NULL;
}

/* Which column repeats which name, for a warning or an error. */
static void describe_repeats(const struct rt_batch *batch,
                             const struct rt_names_repeats *repeats,
                             char *message, size_t size)
{
    const struct rt_batch_layout *layout = &batch->layout;
    char earlier[RT_QUOTE_SIZE], later[RT_QUOTE_SIZE], written[RT_QUOTE_SIZE];
    const char *name = layout->names[repeats->first];
    size_t first = 0;

    while (compare_names(layout->names[first], name) != 0)
        first++;
    rt_quote_value(layout->names[first], strlen(layout->names[first]), earlier,
                   sizeof earlier);
    rt_quote_value(name, strlen(name), later, sizeof later);
    rt_quote_value(layout->out_names[repeats->first],
                   strlen(layout->out_names[repeats->first]), written,
                   sizeof written);
    if (!batch->options.header)
        snprintf(message, size,
                 "column %zu, %s, repeats the name of column %zu, %s "
                 "(expected each name once, in any case)",
                 repeats->first + 1, later, first + 1, earlier);
    else if (repeats->count == 1)
        snprintf(message, size,
                 "column %zu, %s, repeats the name of column %zu, %s: it is "
                 "written as %s (expected each name once, in any case)",
                 repeats->first + 1, later, first + 1, earlier, written);
    else
        snprintf(message, size,
                 "column %zu, %s, repeats the name of column %zu, %s: it is "
                 "written as %s, and %zu more repeated name%s numbered the "
                 "same way (expected each name once, in any case)",
                 repeats->first + 1, later, first + 1, earlier, written,
                 repeats->count - 1, repeats->count == 2 ? " is" : "s are");
}

enum rt_names_result rt_batch_name_columns(struct rt_batch *batch,
                                           char *message, size_t size)
{
    struct rt_batch_layout *layout = &batch->layout;
    const char *reserved[RT_BATCH_COLUMNS_MAX];
    struct rt_names_repeats repeats;
    size_t i;

    layout->out_names =
        calloc(layout->count ? layout->count : 1, sizeof *layout->out_names);
    if (!layout->out_names)
        return RT_NAMES_NO_MEMORY;
    for (i = 0; i < batch->column_count; i++)
        reserved[i] = rt_batch_column_name(batch->columns[i]);
    if (!rt_names_assign(layout->names, layout->count, reserved,
                         batch->column_count, layout->out_names, &repeats))
        return RT_NAMES_NO_MEMORY;
    for (i = 0; i < layout->count; i++)
        if (layout->out_names[i] != layout->names[i])
            layout->renamed = true;
    if (layout->group != RT_NO_COLUMN && !name_summary_group(batch))
        return RT_NAMES_NO_MEMORY;
    if (repeats.count == 0)
        return RT_NAMES_OK;
    describe_repeats(batch, &repeats, message, size);
    return RT_NAMES_REPEATED;
}
