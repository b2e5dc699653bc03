/*
 * cli_table.h - the one table runner of the CLI tests: a row runs the
 * built retain once (cli/run.c) and must give exactly its standard output,
 * standard error and exit status.
 *
 * Golden files.  Long expected outputs live in tests/cli/golden/ as
 * NAME.out (standard output) and NAME.err (standard error), compared byte
 * for byte.  CTest passes the folder in RETAIN_GOLDEN_DIR
 * (tests/CMakeLists.txt).  The folder is marked -text in .gitattributes
 * and kept out of clang-format: every byte counts, a missing or an extra
 * final newline, a CR, a tab or invalid UTF-8 included.  To write them
 * afresh from what retain prints now, run the tests with
 * RETAIN_GOLDEN_UPDATE=1 in the environment, e.g.
 *
 *     RETAIN_GOLDEN_UPDATE=1 ctest -R test_cli_batch
 *
 * then read the change with git diff before committing it: an update
 * passes every golden comparison by definition.
 */
#ifndef RETAIN_TEST_CLI_TABLE_H
#define RETAIN_TEST_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "run.h"

/*
 * One run of retain.  Rows are written in this order, leaving trailing
 * fields to their zero defaults.  An expected stream given as NULL is
 * empty, unless the row names a golden file: then standard output is
 * golden/GOLDEN.out, and standard error golden/GOLDEN.err.  CLI_ANY
 * leaves a stream unchecked, for the rows that check a file instead.
 */
struct cli_row {
    const char *name;     /* the test's name, first, for table_run */
    const char *args[20]; /* without argv[0], NULL-terminated */
    const char *in;       /* standard input, or NULL for an empty one */
    int status;           /* exit status, or 128 + signal number */
    const char *out;      /* expected standard output */
    const char *err;      /* expected standard error */
    enum run_stdout where;
    const char *env;     /* one more environment entry "NAME=value" */
    const char *golden;  /* NAME of golden/NAME.out and golden/NAME.err */
    const char *file;    /* a file to check after the run, or NULL */
    const char *content; /* its whole content ... */
    const char *starts;  /* ... or how it starts; neither: no such file */
};

/* An expected stream not checked (its address is what counts). */
extern const char cli_any[];
#define CLI_ANY cli_any

/*
 * Runs `row` with `extra` (when not NULL) inserted after the command word
 * args[0], such as "-j3", and fails the current cmocka test with the
 * first differing byte when anything differs.
 */
void cli_row_check(const struct cli_row *row, const char *extra);

/*
 * cli_row_check(row, NULL), where under valgrind (RETAIN_WRAPPER: the
 * memcheck stage of check.sh, which has a time budget) only every
 * `every`-th row by `index` runs under it; the sanitizer and coverage
 * stages run every row as it is, and so does the Windows stage, whose
 * wrapper (Wine) every row needs (RETAIN_WRAPPER_FULL, run.h).
 *
 * Against a Windows retain (run_windows()), a row that cannot hold there
 * by nature (a pipe nobody reads, a closed standard stream, a /dev name,
 * a directory, a symbolic link, a line break or a device name such as
 * nul.csv in a file name) is skipped, with the reason printed.
 */
void cli_row_check_sampled(const struct cli_row *row, size_t index,
                           unsigned every);

/*
 * cli_row_check(row, extra), run without valgrind's wrapper when
 * `unwrapped` (for the tables the memcheck stage samples).
 */
void cli_row_check_unwrapped(const struct cli_row *row, const char *extra,
                             bool unwrapped);

/* A cmocka test whose *state is a struct cli_row: cli_row_check(row). */
void cli_row_test(void **state);

/*
 * Fails the current test unless `actual` (of `actual_len` bytes) is
 * `expected`; `what` names the stream in the message, which gives the
 * first differing byte's offset and line and both texts around it.
 */
void cli_expect_bytes(const char *what, const char *actual, size_t actual_len,
                      const char *expected, size_t expected_len);

/* Fails unless `actual` equals the golden file NAME (such as "x.out");
   with RETAIN_GOLDEN_UPDATE=1 writes it instead. */
void cli_expect_golden(const char *name, const char *actual, size_t actual_len);

#endif
