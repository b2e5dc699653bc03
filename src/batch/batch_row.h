/*
 * batch_row.h - one input row's figures, or why it has none (internal).
 */
#ifndef RETAIN_BATCH_ROW_H
#define RETAIN_BATCH_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "batch_types.h"
#include "describe.h"

/* A field name and a quoted value, each cut to length, fit. */
#define RT_ROW_ERROR_SIZE (2 * RT_MESSAGE_SIZE)

/* The note, then the error or the warnings, joined. */
#define RT_ROW_WARNINGS_SIZE (RT_ROW_ERROR_SIZE + 2 * RT_MESSAGE_SIZE)

struct rt_batch_row {
    bool valid; /* the figures were computed */
    bool soft;  /* not valid, but its error is a warning (a start of 0 with
                   options.zero_start_warning) */
    /* A soft row's counts that are still known (retained = E - N and lost
       = S - retained, when the counts agree): soft_counts says so. */
    bool soft_counts;
    uint64_t soft_retained, soft_lost;
    struct rt_figures figures;         /* when valid */
    struct rt_lifetime lifetime;       /* when valid and options.lifetime */
    struct rt_revenue_figures revenue; /* when valid and layout.has_revenue */
    char error[RT_ROW_ERROR_SIZE]; /* when not: why, for the row and stderr */
    /* "" or, for a row of another width than the header's, what became of
       the fields: a warning whether the row is valid or not. */
    char note[RT_MESSAGE_SIZE];
};

/*
 * Computes the figures of a record (and those beyond the period, and its
 * revenue retention, when the batch asks for them), or says why it cannot.
 * Returns false only when out of memory: the row is then no answer.
 */
bool rt_batch_evaluate(const struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       struct rt_batch_row *row);

/*
 * The row's note, then its error or its warnings, joined with "; " as the
 * CSV warnings field holds them; "" when there are none.
 */
void rt_batch_row_warnings(const struct rt_batch *batch,
                           const struct rt_batch_row *row, char *buf,
                           size_t size);

/* Whether a valid row has any warning or a note: most have none. */
/*
 * The text of a soft row's retained or lost column, into buf: true when
 * `field` (an enum rt_field) is one of them and it is known.
 */
bool rt_batch_row_soft_count(const struct rt_batch_row *row, unsigned field,
                             char *buf, size_t size);

bool rt_batch_row_warns(const struct rt_batch *batch,
                        const struct rt_batch_row *row);

/* The row's figures beyond the period and its revenue figures, or NULL
 * when the batch does not compute them. */
const struct rt_lifetime *rt_batch_row_lifetime(const struct rt_batch *batch,
                                                const struct rt_batch_row *row);
const struct rt_revenue_figures *
rt_batch_row_revenue(const struct rt_batch *batch,
                     const struct rt_batch_row *row);

#endif
