/*
 * batch_parallel.h - retain batch on worker threads (internal).
 */
#ifndef RETAIN_BATCH_PARALLEL_H
#define RETAIN_BATCH_PARALLEL_H

#include <stdbool.h>
#include <stdio.h>

#include "batch.h"

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
