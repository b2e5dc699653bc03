/* batch_layout.c - see batch_layout.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_layout.h"
#include "columns.h"
#include "describe.h"

struct role {
    const char *what;     /* "start", for messages */
    const char *unit;     /* "count" or "amount" */
    const char *option;   /* "--start-col", or NULL when there is none */
    const char *chosen;   /* the name given with the option, or NULL */
    const char *usual[2]; /* names found without the option, any case; the
                             second may be NULL */
    bool required;
    const char *because; /* why a column without an option is required */
};

/* A header name without the spaces around it. */
static struct rt_csv_field trimmed(struct rt_csv_field name)
{
    while (name.len > 0 && name.data[0] == ' ')
        name.data++, name.len--;
    while (name.len > 0 && name.data[name.len - 1] == ' ')
        name.len--;
    return name;
}

/* True when a header name is one of the usual names of a role. */
static bool is_usual(const struct role *role, struct rt_csv_field name)
{
    size_t u;

    for (u = 0; u < 2 && role->usual[u]; u++)
        if (rt_column_same_name(name.data, name.len, role->usual[u]))
            return true;
    return false;
}

/* Finds the one column with a usual name of the role, if any. */
static bool find_usual(const struct rt_csv_field *names, size_t count,
                       const struct role *role, size_t *out, char *error,
                       size_t size)
{
    size_t i;

    *out = RT_NO_COLUMN;
    for (i = 0; i < count; i++) {
        if (!is_usual(role, trimmed(names[i])))
            continue;
        if (*out != RT_NO_COLUMN) {
            snprintf(
                error, size, "columns %zu and %zu both name the %s %s: %s%s%s",
                *out + 1, i + 1, role->what, role->unit,
                role->option ? "choose one with " : "rename one of them",
                role->option ? role->option : "", role->option ? " NAME" : "");
            return false;
        }
        *out = i;
    }
    return true;
}

static bool find_role(const struct rt_csv_field *names, size_t count,
                      const struct role *role, size_t *out, char *error,
                      size_t size)
{
    char columns[RT_MESSAGE_SIZE / 2];

    if (role->chosen && role->required)
        return rt_column_find(names, count, role->chosen, role->option, out,
                              error, size);
    if (role->chosen)
        *out = rt_column_index(names, count, role->chosen);
    else if (!find_usual(names, count, role, out, error, size))
        return false;
    if (*out != RT_NO_COLUMN || !role->required)
        return true;
    rt_column_list(names, count, columns, sizeof columns);
    if (role->usual[1]) {
        snprintf(error, size,
                 "no %s column: expected one named %s or %s in any case, or "
                 "%s NAME (the columns are %s)",
                 role->what, role->usual[0], role->usual[1], role->option,
                 columns);
    } else {
        snprintf(error, size,
                 "no %s column: expected one named %s in any case, %s (the "
                 "columns are %s)",
                 role->what, role->usual[0], role->because ? role->because : "",
                 columns);
    }
    return false;
}

bool rt_layout_keep_names(struct rt_batch_layout *layout,
                          const struct rt_csv_field *names, size_t count)
{
    size_t i;

    layout->names = calloc(count ? count : 1, sizeof *layout->names);
    if (!layout->names)
        return false;
    layout->count = count;
    for (i = 0; i < count; i++) {
        layout->names[i] = malloc(names[i].len + 1);
        if (!layout->names[i])
            return false;
        memcpy(layout->names[i], names[i].data, names[i].len);
        layout->names[i][names[i].len] = '\0';
    }
    return true;
}

static bool find_group(struct rt_batch_layout *layout,
                       const struct rt_csv_field *names, size_t count,
                       const char *group_by, char *error, size_t size)
{
    layout->group = RT_NO_COLUMN;
    return !group_by || rt_column_find(names, count, group_by, "--group-by",
                                       &layout->group, error, size);
}

/* One column cannot hold two numbers. */
static bool check_distinct(const struct rt_batch_layout *layout, char *error,
                           size_t size)
{
    static const char *const names[] = {"start",     "end",       "new",
                                        "start_mrr", "expansion", "contraction",
                                        "churned"};
    const size_t columns[] = {layout->start,
                              layout->end,
                              layout->new_customers,
                              layout->revenue[RT_REVENUE_START_MRR],
                              layout->revenue[RT_REVENUE_EXPANSION],
                              layout->revenue[RT_REVENUE_CONTRACTION],
                              layout->revenue[RT_REVENUE_CHURNED]};
    size_t i, j;

    for (j = 1; j < sizeof columns / sizeof columns[0]; j++)
        for (i = 0; i < j; i++)
            if (columns[i] == columns[j] && columns[j] != RT_NO_COLUMN) {
                snprintf(error, size,
                         "the %s and %s numbers cannot both come from "
                         "column %zu",
                         names[i], names[j], columns[j] + 1);
                return false;
            }
    return true;
}

/*
 * Revenue retention is computed when there is a start_mrr column; then the
 * other three must be there too, so that a missing one cannot pass as 0.
 */
static bool find_revenue(struct rt_batch_layout *layout,
                         const struct rt_csv_field *names, size_t count,
                         char *error, size_t size)
{
    static const char *const usual[RT_BATCH_REVENUE_COLUMNS] = {
        "start_mrr", "expansion", "contraction", "churned"};
    unsigned i;

    for (i = 0; i < RT_BATCH_REVENUE_COLUMNS; i++) {
        const struct role role = {.what = usual[i],
                                  .unit = "amount",
                                  .usual = {usual[i], NULL},
                                  .required = i > 0,
                                  .because = "as there is a start_mrr column"};

        if (!find_role(names, count, &role, &layout->revenue[i], error, size))
            return false;
        if (i == RT_REVENUE_START_MRR && layout->revenue[i] == RT_NO_COLUMN)
            break;
    }
    layout->has_revenue = layout->revenue[RT_REVENUE_START_MRR] != RT_NO_COLUMN;
    return true;
}

/* The figures beyond one period come from the retention rate. */
static bool check_lifetime(const struct rt_batch_layout *layout,
                           const struct rt_batch_options *options, char *error,
                           size_t size)
{
    if (!options->lifetime || layout->new_customers != RT_NO_COLUMN)
        return true;
    snprintf(error, size,
             "lifetimes, lifetime value and rates per another period need a "
             "new column (they come from the retention rate): expected one "
             "named new or n in any case, or --new-col NAME");
    return false;
}

bool rt_layout_build(struct rt_batch_layout *layout,
                     const struct rt_csv_field *names, size_t count,
                     const struct rt_batch_options *options, char *error,
                     size_t size)
{
    const struct role start = {.what = "start",
                               .unit = "count",
                               .option = "--start-col",
                               .chosen = options->start_col,
                               .usual = {"start", "s"},
                               .required = true};
    const struct role end = {.what = "end",
                             .unit = "count",
                             .option = "--end-col",
                             .chosen = options->end_col,
                             .usual = {"end", "e"},
                             .required = true};
    const struct role new_customers = {.what = "new",
                                       .unit = "count",
                                       .option = "--new-col",
                                       .chosen = options->new_col,
                                       .usual = {"new", "n"},
                                       .required = options->new_col != NULL};
    size_t i;

    memset(layout, 0, sizeof *layout);
    for (i = 0; i < RT_BATCH_REVENUE_COLUMNS; i++)
        layout->revenue[i] = RT_NO_COLUMN;
    if (!find_role(names, count, &start, &layout->start, error, size) ||
        !find_role(names, count, &end, &layout->end, error, size) ||
        !find_role(names, count, &new_customers, &layout->new_customers, error,
                   size) ||
        !find_group(layout, names, count, options->group_by, error, size) ||
        !find_revenue(layout, names, count, error, size) ||
        !check_distinct(layout, error, size) ||
        !check_lifetime(layout, options, error, size))
        return false;
    return true;
}

bool rt_layout_same(const struct rt_batch_layout *layout,
                    const struct rt_csv_field *names, size_t count)
{
    size_t i;

    if (count != layout->count)
        return false;
    for (i = 0; i < count; i++)
        if (strlen(layout->names[i]) != names[i].len ||
            memcmp(layout->names[i], names[i].data, names[i].len) != 0)
            return false;
    return true;
}

size_t rt_layout_split(const char *list, struct rt_csv_field *fields,
                       size_t max)
{
    size_t count = 0;
    const char *p = list;

    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);

        if (count < max) {
            fields[count].data = p;
            fields[count].len = len;
        }
        count++;
        if (!comma)
            return count;
        p = comma + 1;
    }
}

void rt_layout_free(struct rt_batch_layout *layout)
{
    size_t i;

    for (i = 0; layout->out_names && i < layout->count; i++)
        if (layout->out_names[i] != layout->names[i])
            free(layout->out_names[i]);
    free(layout->out_names);
    free(layout->summary_group);
    for (i = 0; layout->names && i < layout->count; i++)
        free(layout->names[i]);
    free(layout->names);
    free(layout->first_file);
    memset(layout, 0, sizeof *layout);
}
