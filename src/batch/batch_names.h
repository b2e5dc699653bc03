/*
 * batch_names.h - the names the input columns get in the output (internal).
 *
 * Every name in one output header, JSON object or summary line is
 * different, in any case (as SQL databases and spreadsheets compare
 * names), so that a reader finds each column by name and feeding an
 * output back in works:
 *
 * - a column whose name an earlier column already has is written NAME.2,
 *   the next one NAME.3, and so on, skipping names the header holds;
 * - a column whose name the output itself adds (retained, warnings, ...)
 *   is written input.NAME, or input.input.NAME when that is taken too.
 *
 * Messages about a column keep using the name the input gives it.
 */
#ifndef RETAIN_BATCH_NAMES_H
#define RETAIN_BATCH_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "batch_types.h"

/* The columns renamed for repeating an earlier column's name. */
struct rt_names_repeats {
    size_t count;
    size_t first; /* the first of them by column, when count > 0 */
};

/*
 * Gives each of the `count` names its output name in out[i]: names[i]
 * itself when it can stay, else a new string that rt_names_free() frees.
 * `reserved` are the names the output adds; none starts with "input.".
 * False when out of memory; out then still holds only names[i] or new
 * strings, for rt_names_free().
 */
bool rt_names_assign(char *const *names, size_t count,
                     const char *const *reserved, size_t reserved_count,
                     char **out, struct rt_names_repeats *repeats);

/* Frees what rt_names_assign() allocated in out, not out itself. */
void rt_names_free(char *const *names, char **out, size_t count);

enum rt_names_result {
    RT_NAMES_OK,
    RT_NAMES_REPEATED, /* some names repeat: the message says which */
    RT_NAMES_NO_MEMORY
};

/*
 * Sets layout.out_names, layout.renamed and layout.summary_group once the
 * layout and the output columns are planned.  RT_NAMES_REPEATED puts in
 * `message` which column repeats which, for a warning; the names are
 * still set.  With --columns (no header) the message is worded for an
 * error, as the user wrote the names.
 */
enum rt_names_result rt_batch_name_columns(struct rt_batch *batch,
                                           char *message, size_t size);

#endif
