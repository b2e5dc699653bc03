/*
 * batch_parallel.h - retain batch on worker threads, and the choice
 * between them and the calling thread (internal).
 */
#ifndef RETAIN_BATCH_PARALLEL_H
#define RETAIN_BATCH_PARALLEL_H

#include <stdbool.h>
#include <stdio.h>

#include "batch.h"

/*
 * Reads one input to its end; `name` is used in diagnostics.  On worker
 * threads when options.jobs asks for them and the output is not text.
 * RT_BATCH_UNUSABLE (counted in inputs_skipped) when the file could not
 * be used, or not to its end: the rows before were written and tallied.
 */
enum rt_batch_result rt_batch_file(struct rt_batch *batch, FILE *in,
                                   const char *name);

/* False where the C library has no <threads.h>. */
bool rt_batch_parallel_available(void);

/*
 * rt_batch_file() on batch->options.jobs worker threads: the same output,
 * diagnostics and summary, in the same order.  Not for text output, whose
 * table needs the rows in one place.
 */
enum rt_batch_result rt_batch_file_parallel(struct rt_batch *batch, FILE *in,
                                            const char *name);

#endif
