/*
 * batch_row.h - one input row's figures, or why it has none (internal).
 */
#ifndef RETAIN_BATCH_ROW_H
#define RETAIN_BATCH_ROW_H

#include <stdbool.h>

#include "batch.h"
#include "describe.h"

/* A field name and a quoted value, each cut to length, fit. */
#define RT_ROW_ERROR_SIZE (2 * RT_MESSAGE_SIZE)

struct rt_batch_row {
    bool valid;                    /* the figures were computed */
    struct rt_figures figures;     /* when valid */
    char error[RT_ROW_ERROR_SIZE]; /* when not: why, for the row and stderr */
};

/* Computes the figures of a record, or says why it cannot. */
void rt_batch_evaluate(const struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       struct rt_batch_row *row);

#endif
