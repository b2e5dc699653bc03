/* table.c - see table.h. */
#include <stdio.h>
#include <stdlib.h>

#include "table.h"

int table_run(const char *group, const void *rows, size_t row_size,
              size_t count, CMUnitTestFunction test)
{
    struct CMUnitTest *tests = calloc(count, sizeof *tests);
    const char *row = rows;
    size_t i;
    int failed;

    if (!tests)
        return 1;
    for (i = 0; i < count; i++) {
        tests[i].name =
            *(const char *const *)(const void *)(row + i * row_size);
        tests[i].test_func = test;
        tests[i].initial_state = (void *)(row + i * row_size);
    }
    failed = _cmocka_run_group_tests(group, tests, count, NULL, NULL);
    free(tests);
    return failed;
}

char *table_slurp(FILE *file)
{
    size_t len;

    return table_slurp_len(file, &len);
}

char *table_slurp_len(FILE *file, size_t *len_out)
{
    size_t size = 4096, len = 0, got;
    char *buf = malloc(size);

    *len_out = 0;
    if (!buf)
        return NULL;
    rewind(file);
    while ((got = fread(buf + len, 1, size - len - 1, file)) > 0) {
        len += got;
        if (len + 1 == size) {
            char *bigger = realloc(buf, size * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            size *= 2;
        }
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}
