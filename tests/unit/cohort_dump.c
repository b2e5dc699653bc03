/* cohort_dump.c - see cohort_dump.h. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cohort_customer.h"
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

/* The customer's bits as ranges, " -" for none. */
static void add_bits(struct text *text, const struct cohort_customer *customer,
                     int64_t shift)
{
    struct cohort_bit_walk walk;
    int64_t period = 0, from = 0, to = 0;
    bool any = false, printed = false, more;

    if (customer->words > 0)
        cohort_bit_walk_start(&walk, customer, INT64_MIN, INT64_MAX);
    do {
        more = customer->words > 0 && cohort_bit_walk_next(&walk, &period);
        if (any && (!more || period != to + 1)) {
            add(text, " %" PRId64 "..%" PRId64, from + shift, to + shift);
            printed = true;
        }
        if (more && (!any || period != to + 1))
            from = period;
        any = more;
        to = period;
    } while (more);
    if (!printed)
        add(text, " -");
}

bool cohort_dump_spans(const struct rt_cohort_engine *engine, int64_t base,
                       char *buf, size_t size)
{
    struct text text = {buf, size, 0, false};
    struct cohort_customer customer;
    size_t entry = 0, at = 0, len;
    int64_t shift = engine->origin - base;
    const char *id;
    unsigned flags;

    buf[0] = '\0';
    while (at = entry,
           rt_idset_next(&engine->customers, &entry, &id, &len, &flags)) {
        cohort_customer_get(engine, at, &customer);
        add(&text, "%.*s c=%" PRId64, (int)len, id,
            customer.first_start + shift);
        if (customer.tail_lo == COHORT_NO_PERIOD)
            add(&text, " open=-");
        else if (customer.tail_hi == COHORT_TAIL_OPEN)
            add(&text, " open=%" PRId64, customer.tail_lo + shift);
        else /* rows past the horizon of an engine bounded to its starts */
            add(&text, " tail=%" PRId64 "..%" PRId64, customer.tail_lo + shift,
                customer.tail_hi + shift);
        add_bits(&text, &customer, shift);
        add(&text, "\n");
    }
    return !text.full;
}
