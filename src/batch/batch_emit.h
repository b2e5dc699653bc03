/*
 * batch_emit.h - batch output rows in every format (internal).
 *
 * Each output row is the input row's columns, exactly as many as the
 * header has (extra fields left out, missing ones empty: the row's warnings
 * say so) under their output names (batch_names.h), followed by the figures:
 * retained, lost, retention_rate, churn_rate, simple_retention_rate,
 * simple_churn_rate, the figures beyond one period (with --lifetime and
 * the like), net_revenue_retention and gross_revenue_retention (with the
 * revenue columns), and warnings.
 */
#ifndef RETAIN_BATCH_EMIT_H
#define RETAIN_BATCH_EMIT_H

#include "batch_types.h"
#include "batch_row.h"
#include "field.h"

/* The figure columns each output row adds at least. */
#define RT_BATCH_FIGURES (RT_FIELD_COUNT - RT_FIELD_RETAINED)

/* Fills batch->columns for the options and the layout, once it is set. */
void rt_batch_plan_columns(struct rt_batch *batch);

/*
 * Plans batch->cells when options.trailing or options.only reorder a
 * row's cells (else leaves it NULL): the input columns but the last
 * `trailing`, the figures, those columns, the warnings; or, with only,
 * the label columns (neither a count, an amount nor a trailing column)
 * and the one column named.  RT_BATCH_OK; RT_BATCH_NO_MEMORY;
 * RT_BATCH_BAD_COLUMNS with a message when no output column has that
 * name or the input has fewer columns than `trailing`.
 */
enum rt_batch_result rt_batch_plan_cells(struct rt_batch *batch, char *error,
                                         size_t size);

/* The field of a figure column, from its table (field.h); NULL for the
   warnings. */
const struct rt_field_def *rt_batch_column_def(struct rt_batch_column column);

/* "retained", "expected_lifetime", "net_revenue_retention", ... */
const char *rt_batch_column_name(struct rt_batch_column column);

/* Writes the header line once, for csv, tsv and text output. */
void rt_batch_emit_header(struct rt_batch *batch,
                          const struct rt_csv_record *header,
                          char in_delimiter);

/* Writes one output row for one input record. */
void rt_batch_emit_row(struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       const struct rt_batch_row *row, char in_delimiter);

#endif
