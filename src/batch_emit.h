/*
 * batch_emit.h - batch output rows in every format (internal).
 *
 * Each output row is the input row's columns followed by the figures:
 * retained, lost, retention_rate, churn_rate, simple_retention_rate,
 * simple_churn_rate, warnings.
 */
#ifndef RETAIN_BATCH_EMIT_H
#define RETAIN_BATCH_EMIT_H

#include "batch.h"
#include "batch_row.h"

/* The figure columns each output row adds. */
#define RT_BATCH_FIGURES (RT_FIELD_COUNT - RT_FIELD_RETAINED)

/* Writes the header line once, for csv, tsv and text output. */
void rt_batch_emit_header(struct rt_batch *batch,
                          const struct rt_csv_record *header,
                          char in_delimiter);

/* Writes one output row for one input record. */
void rt_batch_emit_row(struct rt_batch *batch,
                       const struct rt_csv_record *record,
                       const struct rt_batch_row *row, char in_delimiter);

#endif
