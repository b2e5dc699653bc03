/*
 * batch.h - figures for every row of delimited input (internal).
 *
 * The engine reads records with the csv reader, computes each row's figures
 * with rt_figures_compute(), writes one output row per input row through a
 * sink, and tallies the summary.  It never prints diagnostics itself: each
 * problem goes to the caller's report function with its file and line.
 */
#ifndef RETAIN_BATCH_H
#define RETAIN_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "batch_types.h"
#include "csv.h"

enum rt_status rt_batch_init(struct rt_batch *batch,
                             const struct rt_batch_options *options,
                             struct rt_sink *sink, struct rt_reporter reporter);
void rt_batch_free(struct rt_batch *batch);

/*
 * Opens a FILE input as every batch path does, with rt_csv_open() and a
 * first buffer of `size` bytes: fixes
 * the delimiter and, from the first input, the output format; then reads
 * the header line (or takes the names of --columns), fixes the layout
 * from the first input or checks a later one against it, and writes the
 * output header once.  Problems are reported.  The reader is to be freed
 * by the caller in every case; on RT_BATCH_OK the rows come next.
 */
enum rt_batch_result rt_batch_open(struct rt_batch *batch,
                                   struct rt_csv *reader, FILE *in,
                                   const char *name, size_t size,
                                   struct rt_csv_opening *opening);

/*
 * Reads every record of `reader` as a row: evaluates, reports, writes and
 * tallies it.  The layout must be set.  The building block of
 * rt_batch_file() and of the parallel workers.
 */
enum rt_batch_result rt_batch_rows(struct rt_batch *batch,
                                   struct rt_csv *reader, const char *file,
                                   char delimiter,
                                   struct rt_batch_stats *stats);

/* Adds the blank lines skipped before the header (from line 1) to stats. */
void rt_batch_count_leading_blanks(struct rt_batch_stats *stats,
                                   uint64_t leading);

/* Reports the blank lines that rt_batch_rows() skipped, if any. */
void rt_batch_report_blanks(const struct rt_batch *batch, const char *file,
                            const struct rt_batch_stats *stats);

/*
 * Reads len bytes at data (the caller's) as one comma-separated input with
 * a header, on the calling thread: the table retain periods makes in
 * memory.  `name` is used in diagnostics.
 */
enum rt_batch_result rt_batch_memory(struct rt_batch *batch, const char *data,
                                     size_t len, const char *name);

/* rt_batch_file() on the calling thread only. */
enum rt_batch_result rt_batch_file_sequential(struct rt_batch *batch, FILE *in,
                                              const char *name);

/*
 * Ends the run: writes what the text table still holds and the summary
 * (to `summary_out`, or after the rows for text output when it is NULL),
 * which covers the rows written, of every input that could be used.
 * Returns the result of the whole run: RT_BATCH_UNUSABLE when no input
 * could be used, RT_BATCH_INPUT_SKIPPED when some could not.
 */
enum rt_batch_result rt_batch_finish(struct rt_batch *batch, FILE *summary_out);

#endif
