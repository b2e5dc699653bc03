/*
 * batch_layout.h - which input column holds which count (internal).
 */
#ifndef RETAIN_BATCH_LAYOUT_H
#define RETAIN_BATCH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "batch_types.h"

/*
 * Fills *layout from the header's names: the start, end and new columns
 * (chosen by name in options, or found by their usual names in any case)
 * and the group-by column.  Returns false with a message in error when a
 * column is missing or ambiguous.
 */
bool rt_layout_build(struct rt_batch_layout *layout,
                     const struct rt_csv_field *names, size_t count,
                     const struct rt_batch_options *options, char *error,
                     size_t size);

/* Keeps a copy of the header's names in *layout; false when out of memory
   (rt_layout_free frees what was copied). */
bool rt_layout_keep_names(struct rt_batch_layout *layout,
                          const struct rt_csv_field *names, size_t count);

/* True when names are the layout's names, in the same order. */
bool rt_layout_same(const struct rt_batch_layout *layout,
                    const struct rt_csv_field *names, size_t count);

/* Splits a --columns list ("a,b,c") into fields pointing into it. */
size_t rt_layout_split(const char *list, struct rt_csv_field *fields,
                       size_t max);

void rt_layout_free(struct rt_batch_layout *layout);

#endif
