/*
 * columns.h - finding the columns of a header by name (internal).
 *
 * One lookup for every command that reads records with a header: the
 * exact name first, else the name in any case (ASCII), and one message
 * that lists the columns there are when none fits.
 */
#ifndef RETAIN_COLUMNS_H
#define RETAIN_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "csv.h"

/* No column: the index of one that is absent. */
#define RT_NO_COLUMN ((size_t)-1)

/* True when a (len bytes) and the string b differ only in ASCII case. */
bool rt_column_same_name(const char *a, size_t len, const char *b);

/* The index of the column called name, exactly, else in any case;
   RT_NO_COLUMN when there is none. */
size_t rt_column_index(const struct rt_csv_field *names, size_t count,
                       const char *name);

/*
 * Another column that `name` finds as well as column `index` (which it
 * finds): one of the same bytes when `index` is called `name` exactly,
 * else one that differs from `name` only in case.  RT_NO_COLUMN when the
 * name finds one column only.
 */
size_t rt_column_twin(const struct rt_csv_field *names, size_t count,
                      size_t index, const char *name);

/*
 * The message for a name that finds two columns, `index` and its twin
 * (rt_column_twin()); `option` says what the column was for.
 */
void rt_column_ambiguous(const struct rt_csv_field *names, size_t index,
                         size_t twin, const char *option, char *error,
                         size_t size);

/* "'a', 'b', ..." for a message: as many whole quoted names as buf holds,
   with ", ..." after when some are left out. */
void rt_column_list(const struct rt_csv_field *names, size_t count, char *buf,
                    size_t size);

/*
 * Finds the column called `name` (exactly, else in any case) for `option`
 * (e.g. "--id-column"); false with a message listing the columns.  Of
 * two columns of one name, the first (batch warns of the second, and
 * writes it with a number: batch_names.c).
 */
bool rt_column_find(const struct rt_csv_field *names, size_t count,
                    const char *name, const char *option, size_t *out,
                    char *error, size_t size);

/* rt_column_find(), but false with a message when the name finds two
   columns (rt_column_twin()): for commands that keep no column's name. */
bool rt_column_find_one(const struct rt_csv_field *names, size_t count,
                        const char *name, const char *option, size_t *out,
                        char *error, size_t size);

#endif
