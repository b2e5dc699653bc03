/*
 * table.h - table-driven cmocka tests, one named test per row.
 *
 * cmocka.h needs these system headers first (cmocka 1.1).
 */
#ifndef RETAIN_TEST_TABLE_H
#define RETAIN_TEST_TABLE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

/*
 * Runs `test` once for each of `count` rows of `rows` (each `row_size`
 * bytes), as a cmocka group called `group`.  A row's test sees the row as
 * *state and is named by the const char * at the start of the row, so a
 * failure names its case.  Returns the number of failed tests.
 */
int table_run(const char *group, const void *rows, size_t row_size,
              size_t count, CMUnitTestFunction test);

#define TABLE_RUN(group, rows, test)                                           \
    table_run(group, rows, sizeof(rows)[0], sizeof(rows) / sizeof(rows)[0],    \
              test)

/* Reads a whole stream from the start into a NUL-terminated buffer. */
char *table_slurp(FILE *file);

/* The same, storing the byte count in *len: the text may hold NULs. */
char *table_slurp_len(FILE *file, size_t *len);

#endif
