/* cohort_dump.c - see cohort_dump.h. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cohort_dump.h"

struct text {
    char *buf;
    size_t size, len;
    bool full;
};

static void add(struct text *text, const char *format, ...)
{
    va_list args;
    int n;

    va_start(args, format);
    n = vsnprintf(text->buf + text->len, text->size - text->len, format, args);
    va_end(args);
    if (n < 0 || (size_t)n >= text->size - text->len) {
        text->full = true;
        return;
    }
    text->len += (size_t)n;
}

static void add_label(struct text *text, const struct rt_cohort_triangle *tri)
{
    if (tri->group)
        add(text, "%.*s: ", (int)tri->group_len, tri->group);
    else
        add(text, "*: ");
}

static void add_triangle(struct text *text,
                         const struct rt_cohort_triangle *tri, size_t columns)
{
    const struct rt_cohort_average *average = &tri->average;
    size_t i, k;

    for (i = 0; i < tri->row_count; i++) {
        const struct rt_cohort_row *row = &tri->rows[i];

        add_label(text, tri);
        add(text, "c=%" PRId64 " n=%" PRIu64, row->cohort, row->customers);
        for (k = 0; k < columns; k++)
            if (k < row->observed)
                add(text, " %" PRIu64, row->active[k]);
            else
                add(text, " .");
        add(text, "\n");
    }
    add_label(text, tri);
    add(text, "avg");
    for (k = 0; k < columns; k++)
        if (average->cohorts[k])
            add(text, " %" PRIu64 "/%" PRIu64 "/%" PRIu64, average->cohorts[k],
                average->customers[k], average->active[k]);
        else
            add(text, " .");
    add(text, "\n");
}

bool cohort_dump(const struct rt_cohort_result *result, char *buf, size_t size)
{
    struct text text = {buf, size, 0, false};
    const struct rt_cohort_notes *notes = &result->notes;
    size_t i;

    buf[0] = '\0';
    for (i = 0; i < result->group_count; i++)
        add_triangle(&text, &result->groups[i], result->columns);
    add_triangle(&text, &result->overall, result->columns);
    add(&text, "notes: %" PRIu64 " %" PRIu64 " %" PRIu64 "/%" PRIu64 "\n",
        notes->without_cohort, notes->signup_disagrees, notes->early_customers,
        notes->early_periods);
    return !text.full;
}
