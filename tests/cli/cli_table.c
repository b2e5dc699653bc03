/* cli_table.c - see cli_table.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli_table.h"
#include "table.h"

const char cli_any[] = "(not checked)";

/* How many bytes of each text a failure message shows around the first
   difference: enough to see the line, short enough to read. */
#define BEFORE 24
#define AFTER  40

/* The escape of byte c in a C string literal ("n" for a line feed), or
   NULL when c stands for itself. */
static const char *escape_of(unsigned char c)
{
    switch (c) {
    case '\n':
        return "n";
    case '\t':
        return "t";
    case '\r':
        return "r";
    case '\\':
        return "\\";
    case '"':
        return "\"";
    default:
        return NULL;
    }
}

/* Appends `len` bytes of `text` to `buf` as a C string literal would
   spell them, so that CRs, tabs, NULs and invalid UTF-8 show. */
static void append_escaped(char *buf, size_t size, const char *text, size_t len)
{
    size_t used = strlen(buf), i;

    for (i = 0; i < len && used + 5 < size; i++) {
        unsigned char c = (unsigned char)text[i];
        const char *escape = escape_of(c);

        if (escape)
            used += (size_t)snprintf(buf + used, size - used, "\\%s", escape);
        else if (c < 0x20 || c >= 0x7f)
            used += (size_t)snprintf(buf + used, size - used, "\\x%02x", c);
        else
            used += (size_t)snprintf(buf + used, size - used, "%c", c);
    }
}

/* One side of a failure message: `label` "...text around offset..." */
static void append_snippet(char *buf, size_t size, const char *label,
                           const char *text, size_t len, size_t offset)
{
    size_t from = offset > BEFORE ? offset - BEFORE : 0;
    size_t to = len - offset > AFTER ? offset + AFTER : len;

    strncat(buf, label, size - strlen(buf) - 1);
    strncat(buf, from > 0 ? "..." : "\"", size - strlen(buf) - 1);
    append_escaped(buf, size, text + from, to - from);
    strncat(buf, to < len ? "...\n" : "\"\n", size - strlen(buf) - 1);
}

void cli_expect_bytes(const char *what, const char *actual, size_t actual_len,
                      const char *expected, size_t expected_len)
{
    char message[1024];
    size_t offset = 0, line = 1, i;

    while (offset < actual_len && offset < expected_len &&
           actual[offset] == expected[offset])
        offset++;
    if (offset == actual_len && offset == expected_len)
        return;
    for (i = 0; i < offset; i++)
        line += expected[i] == '\n';
    snprintf(message, sizeof message,
             "%s differs at byte %zu (line %zu; expected %zu bytes, got "
             "%zu)\n",
             what, offset, line, expected_len, actual_len);
    append_snippet(message, sizeof message, "  expected: ", expected,
                   expected_len, offset);
    append_snippet(message, sizeof message, "  actual:   ", actual, actual_len,
                   offset);
    fail_msg("%s", message);
}

/* The path of golden file `name`; fails the test when the folder is not
   given. */
static void golden_path(char *path, size_t size, const char *name)
{
    const char *dir = getenv("RETAIN_GOLDEN_DIR");

    if (!dir)
        fail_msg("RETAIN_GOLDEN_DIR is not set: run the test with ctest, "
                 "which sets it (tests/CMakeLists.txt)");
    if ((size_t)snprintf(path, size, "%s/%s", dir, name) >= size)
        fail_msg("golden file path too long: %s/%s", dir, name);
}

/* RETAIN_GOLDEN_UPDATE=1: the actual output becomes the golden file. */
static void golden_write(const char *path, const char *actual, size_t len)
{
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(actual, 1, len, f) != len || fclose(f) != 0)
        fail_msg("cannot write golden file %s", path);
    fprintf(stderr, "golden file written: %s\n", path);
}

void cli_expect_golden(const char *name, const char *actual, size_t actual_len)
{
    const char *update = getenv("RETAIN_GOLDEN_UPDATE");
    char path[4096], *expected;
    size_t expected_len;
    FILE *f;

    golden_path(path, sizeof path, name);
    if (update && strcmp(update, "1") == 0) {
        golden_write(path, actual, actual_len);
        return;
    }
    f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read golden file %s (RETAIN_GOLDEN_UPDATE=1 "
                 "writes it from the actual output)",
                 path);
    expected = table_slurp_len(f, &expected_len);
    fclose(f);
    assert_non_null(expected);
    cli_expect_bytes(path, actual, actual_len, expected, expected_len);
    free(expected);
}

/* One expected stream: CLI_ANY, a golden file, or the row's own text. */
static void expect_stream(const char *what, const char *expected,
                          const char *golden, const char *suffix,
                          const char *actual, size_t actual_len)
{
    char name[256];

    if (expected == CLI_ANY)
        return;
    if (!expected && golden) {
        snprintf(name, sizeof name, "%s%s", golden, suffix);
        cli_expect_golden(name, actual, actual_len);
        return;
    }
    if (!expected)
        expected = "";
    cli_expect_bytes(what, actual, actual_len, expected, strlen(expected));
}

/* The file a row names after the run: its content, its start, or absent. */
static void check_file(const struct cli_row *row)
{
    FILE *f = fopen(row->file, "rb");
    char *text;
    size_t len;

    if (!row->content && !row->starts) {
        if (f)
            fclose(f);
        assert_null(f);
        return;
    }
    assert_non_null(f);
    text = table_slurp_len(f, &len);
    fclose(f);
    assert_non_null(text);
    if (row->content)
        cli_expect_bytes(row->file, text, len, row->content,
                         strlen(row->content));
    else
        cli_expect_bytes(row->file, text,
                         len < strlen(row->starts) ? len : strlen(row->starts),
                         row->starts, strlen(row->starts));
    free(text);
}

/*
 * Under valgrind (RETAIN_WRAPPER: the memcheck stage of check.sh, which
 * has a time budget) a row refused with nothing on standard output (exit
 * 2: a usage error, an input that cannot be used) runs without it, as
 * valgrind's start-up would be most of its time; the sanitizer and
 * coverage stages run those rows as they are.
 */
static char *unwrap_refused(const struct cli_row *row, bool unwrap)
{
    const char *wrapper = getenv("RETAIN_WRAPPER");
    char *kept;

    if (!run_wrapper_sampled() || row->where != RUN_CAPTURE ||
        (!unwrap && (row->status != 2 || row->out || row->golden)))
        return NULL;
    kept = strdup(wrapper);
    assert_non_null(kept);
    unsetenv("RETAIN_WRAPPER");
    return kept;
}

static void rewrap(char *kept)
{
    if (!kept)
        return;
    setenv("RETAIN_WRAPPER", kept, 1);
    free(kept);
}

/* Whether `arg` is a name Windows keeps for a device (NUL, CON, COM1 ...),
   with or without an extension. */
static bool windows_device_name(const char *arg)
{
    static const char *const names[] = {"nul", "con", "prn",
                                        "aux", "com", "lpt"};
    size_t i, len = strcspn(arg, ".");

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strncasecmp(arg, names[i], 3) == 0 &&
            (len == 3 ||
             (len == 4 && i >= 4 && arg[3] >= '1' && arg[3] <= '9')))
            return true;
    return false;
}

/* Why an argument cannot mean on Windows what it means here, or NULL. */
static const char *unfit_argument(const char *arg)
{
    struct stat st;

    if (strncmp(arg, "/dev/", 5) == 0 || strncmp(arg, "/proc/", 6) == 0)
        return "Windows has no /dev or /proc: the name is an ordinary path";
    if (strpbrk(arg, "\n\r"))
        return "a Windows file name cannot hold a line break";
    if (windows_device_name(arg))
        return "Windows keeps the name for a device (NUL, CON, ...)";
    if (lstat(arg, &st) != 0)
        return NULL;
    if (S_ISLNK(st.st_mode))
        return "Windows does not resolve a Unix symbolic link";
    if (S_ISDIR(st.st_mode))
        return "Windows refuses to open a directory (Permission denied); "
               "POSIX opens it, and the read fails (Is a directory)";
    return NULL;
}

/* Why `row` cannot hold for a Windows retain, or NULL when it can. */
static const char *unfit_for_windows(const struct cli_row *row)
{
    const char *why = NULL;
    size_t i;

    if (!run_windows())
        return NULL;
    if (row->where == RUN_CLOSED_PIPE ||
        row->where == RUN_CLOSED_PIPE_SIGPIPE_IGNORED)
        return "Windows has no SIGPIPE, and a write to a pipe nobody reads "
               "fails with EINVAL there, not EPIPE";
    if (row->where == RUN_STDOUT_CLOSED || row->where == RUN_STDERR_CLOSED ||
        row->where == RUN_STDIN_CLOSED)
        return "a closed standard stream is no descriptor on Windows, and "
               "its errors are EINVAL, not EBADF";
    for (i = 0;
         !why && row->args[i] && i < sizeof row->args / sizeof row->args[0];
         i++)
        why = unfit_argument(row->args[i]);
    return why;
}

/* cli_row_check(), run without valgrind's wrapper when `unwrap`. */
static void check_row(const struct cli_row *row, const char *extra, bool unwrap)
{
    const char *why;
    char *kept;
    const char *args[sizeof row->args / sizeof row->args[0] + 2];
    struct run_result r;
    size_t n = 0, i;

    for (i = 0; row->args[i] && i < sizeof row->args / sizeof row->args[0];
         i++) {
        args[n++] = row->args[i];
        if (i == 0 && extra)
            args[n++] = extra;
    }
    args[n] = NULL;
    why = unfit_for_windows(row);
    if (why) {
        print_message("skipped on Windows: %s\n", why);
        skip();
    }
    kept = unwrap_refused(row, unwrap);
    assert_int_equal(run_retain(args, row->in, row->env, row->where, &r), 0);
    rewrap(kept);
    expect_stream("standard error", row->err, row->golden, ".err", r.err,
                  r.err_len);
    expect_stream("standard output", row->out, row->golden, ".out", r.out,
                  r.out_len);
    assert_int_equal(r.status, row->status);
    if (row->file)
        check_file(row);
    run_result_free(&r);
}

void cli_row_check(const struct cli_row *row, const char *extra)
{
    check_row(row, extra, false);
}

void cli_row_test(void **state)
{
    cli_row_check(*state, NULL);
}

void cli_row_check_unwrapped(const struct cli_row *row, const char *extra,
                             bool unwrapped)
{
    check_row(row, extra, unwrapped);
}

void cli_row_check_sampled(const struct cli_row *row, size_t index,
                           unsigned every)
{
    check_row(row, NULL, index % every != 0);
}
