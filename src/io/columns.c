/* columns.c - see columns.h. */
#include <stdio.h>
#include <string.h>

#include "columns.h"
#include "describe.h"

bool rt_column_same_name(const char *a, size_t len, const char *b)
{
    size_t i;

    if (strlen(b) != len)
        return false;
    for (i = 0; i < len; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

/* "'a', 'b', ..." as far as buf holds whole names, with ", ..." after. */
void rt_column_list(const struct rt_csv_field *names, size_t count, char *buf,
                    size_t size)
{
    static const char more[] = ", ...";
    size_t used = 0, i;

    buf[0] = '\0';
    for (i = 0; i < count; i++) {
        char quoted[RT_QUOTE_SIZE];
        size_t len;

        rt_quote_value(names[i].data, names[i].len, quoted, sizeof quoted);
        len = strlen(quoted) + (i ? 2 : 0);
        /* A quoted name can be 300 bytes: keep room for it and for more. */
        if (used + len + sizeof more > size)
            break;
        snprintf(buf + used, size - used, "%s%s", i ? ", " : "", quoted);
        used += len;
    }
    if (i < count)
        snprintf(buf + used, size - used, "%s", i ? more : "...");
}

size_t rt_column_index(const struct rt_csv_field *names, size_t count,
                       const char *name)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (names[i].len == strlen(name) &&
            memcmp(names[i].data, name, names[i].len) == 0)
            return i;
    for (i = 0; i < count; i++)
        if (rt_column_same_name(names[i].data, names[i].len, name))
            return i;
    return RT_NO_COLUMN;
}

size_t rt_column_twin(const struct rt_csv_field *names, size_t count,
                      size_t index, const char *name)
{
    size_t len = strlen(name), i;
    bool exact =
        names[index].len == len && memcmp(names[index].data, name, len) == 0;

    for (i = 0; i < count; i++) {
        if (i == index)
            continue;
        if (exact ? names[i].len == len && memcmp(names[i].data, name, len) == 0
                  : rt_column_same_name(names[i].data, names[i].len, name))
            return i;
    }
    return RT_NO_COLUMN;
}

void rt_column_ambiguous(const struct rt_csv_field *names, size_t index,
                         size_t twin, const char *option, char *error,
                         size_t size)
{
    char first[RT_QUOTE_SIZE], second[RT_QUOTE_SIZE];
    size_t a = index < twin ? index : twin, b = index < twin ? twin : index;

    rt_quote_value(names[a].data, names[a].len, first, sizeof first);
    rt_quote_value(names[b].data, names[b].len, second, sizeof second);
    if (strcmp(first, second) == 0)
        snprintf(error, size,
                 "columns %zu and %zu are both named %s, so %s could be "
                 "either (expected one column of that name: rename one)",
                 a + 1, b + 1, first, option);
    else
        snprintf(error, size,
                 "columns %zu and %zu (%s and %s) differ only in case, so %s "
                 "could be either (expected the exact name of one of "
                 "them, or one column of that name)",
                 a + 1, b + 1, first, second, option);
}

bool rt_column_find(const struct rt_csv_field *names, size_t count,
                    const char *name, const char *option, size_t *out,
                    char *error, size_t size)
{
    char columns[RT_MESSAGE_SIZE / 2], quoted[RT_QUOTE_SIZE];

    *out = rt_column_index(names, count, name);
    if (*out != RT_NO_COLUMN)
        return true;
    rt_column_list(names, count, columns, sizeof columns);
    rt_quote_value(name, strlen(name), quoted, sizeof quoted);
    snprintf(error, size, "no column named %s for %s (the columns are %s)",
             quoted, option, columns);
    return false;
}

bool rt_column_find_one(const struct rt_csv_field *names, size_t count,
                        const char *name, const char *option, size_t *out,
                        char *error, size_t size)
{
    size_t twin;

    if (!rt_column_find(names, count, name, option, out, error, size))
        return false;
    twin = rt_column_twin(names, count, *out, name);
    if (twin == RT_NO_COLUMN)
        return true;
    rt_column_ambiguous(names, *out, twin, option, error, size);
    return false;
}
