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

/* "'a', 'b', ..." for a message: as many whole quoted names as buf holds,
   with ", ..." after when some are left out. */
void rt_column_list(const struct rt_csv_field *names, size_t count, char *buf,
                    size_t size);

/*
 * Finds the column called `name` (exactly, else in any case) for `option`
 * (e.g. "--id-column"); false with a message listing the columns.
 */
bool rt_column_find(const struct rt_csv_field *names, size_t count,
                    const char *name, const char *option, size_t *out,
                    char *error, size_t size);

#endif
