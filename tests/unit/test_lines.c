/*
 * test_lines.c - the line reader of plain lists.
 *
 * Each case gives the input bytes, the longest line accepted and the lines
 * expected, written as a trace: "LINE[text]" for each line, then "end", or
 * "LINE!too-long" where the reader refuses one.  Every case is read with
 * buffers of 1, 2, 3, 5 and 64 bytes, so that lines, CRLFs and byte-order
 * marks cross refills, and with the normal buffer; all must agree.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lines.h"
#include "table.h"

struct lines_case {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen(input) */
    size_t max;
    const char *trace;
};

#define BOM "\xef\xbb\xbf"

static const struct lines_case lines_cases[] = {
    {"plain", "a\nbc\n", 0, 8, "1[a] 2[bc] end"},
    {"empty input", "", 0, 8, "end"},
    {"last line without end", "a\nbc", 0, 8, "1[a] 2[bc] end"},
    {"CRLF", "a\r\nbc\r\n", 0, 8, "1[a] 2[bc] end"},
    {"CR at the very end", "a\r", 0, 8, "1[a] end"},
    {"only the last CR is dropped", "a\r\r\n", 0, 8, "1[a\r] end"},
    {"CR inside a line kept", "a\rb\n", 0, 8, "1[a\rb] end"},
    {"blank lines", "\n\r\n\n", 0, 8, "1[] 2[] 3[] end"},
    {"byte-order mark", BOM "a\n", 0, 8, "1[a] end"},
    {"only a byte-order mark", BOM, 0, 8, "end"},
    {"byte-order mark, then a line end", BOM "\n", 0, 8, "1[] end"},
    {"part of a mark is text", "\xef\xbb\n", 0, 8, "1[\xef\xbb] end"},
    {"a mark after the start is text", "a\n" BOM "b\n", 0, 8,
     "1[a] 2[" BOM "b] end"},
    {"NUL is a byte", "a\0b\n", 4, 8, "1[a\\0b] end"},
    {"longest line", "12345678\nx\n", 0, 8, "1[12345678] 2[x] end"},
    {"longest line with CRLF", "12345678\r\nx\n", 0, 8, "1[12345678] 2[x] end"},
    {"longest line at the end", "a\n12345678", 0, 8, "1[a] 2[12345678] end"},
    {"one byte too long", "a\n123456789\nx\n", 0, 8, "1[a] 2!too-long"},
    {"one byte too long at the end", "a\n123456789", 0, 8, "1[a] 2!too-long"},
    {"far too long", "a\n12345678901234567890\n", 0, 8, "1[a] 2!too-long"},
    {"a mark does not count against the line", BOM "12345678\n", 0, 8,
     "1[12345678] end"},
    {"no line may be longer than 0", "\n\nx\n", 0, 0, "1[] 2[] 3!too-long"},
};

static void append(char *trace, size_t size, const char *text, size_t len)
{
    size_t used = strlen(trace);

    assert_true(used + len < size);
    memcpy(trace + used, text, len);
    trace[used + len] = '\0';
}

/* Appends a line's bytes, with a NUL written as "\\0" to keep the trace a
   string. */
static void append_text(char *trace, size_t size, const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        append(trace, size, text[i] ? &text[i] : "\\0", text[i] ? 1 : 2);
}

/* Reads the whole case with a first buffer of `size` bytes (0: normal). */
static void read_trace(const struct lines_case *c, size_t size, char *trace,
                       size_t trace_size)
{
    size_t len = c->len ? c->len : strlen(c->input);
    FILE *in = tmpfile();
    struct rt_lines reader;
    enum rt_lines_result got;
    char head[32];

    assert_non_null(in);
    assert_int_equal(fwrite(c->input, 1, len, in), len);
    rewind(in);
    assert_int_equal(size ? rt_lines_init_sized(&reader, in, size, c->max)
                          : rt_lines_init(&reader, in),
                     RT_OK);
    if (!size)
        reader.max = c->max;
    trace[0] = '\0';
    for (;;) {
        const char *text;
        size_t n;

        got = rt_lines_next(&reader, &text, &n);
        if (got == RT_LINES_MORE) {
            assert_int_equal(rt_lines_refill(&reader), RT_OK);
            continue;
        }
        if (got != RT_LINES_OK)
            break;
        snprintf(head, sizeof head, "%llu[", (unsigned long long)reader.line);
        append(trace, trace_size, head, strlen(head));
        append_text(trace, trace_size, text, n);
        append(trace, trace_size, "] ", 2);
    }
    if (got == RT_LINES_END)
        append(trace, trace_size, "end", 3);
    else {
        snprintf(head, sizeof head, "%llu!too-long",
                 (unsigned long long)reader.line);
        append(trace, trace_size, head, strlen(head));
    }
    rt_lines_free(&reader);
    fclose(in);
}

static void test_lines(void **state)
{
    static const size_t sizes[] = {0, 1, 2, 3, 5, 64};
    const struct lines_case *c = *state;
    char trace[256];
    size_t i;

    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        read_trace(c, sizes[i], trace, sizeof trace);
        if (strcmp(trace, c->trace) != 0)
            fail_msg("buffer of %zu bytes: got \"%s\"", sizes[i], trace);
    }
}

/*
 * A read that fails: a directory opens as a stream on Linux and fails to
 * read, which names no line as nothing was read.  Skipped where a
 * directory does not open.
 */
static void test_read_error(void **state)
{
    FILE *dir = fopen(".", "rb");
    struct rt_lines reader;
    const char *text;
    size_t len;

    (void)state;
    if (!dir)
        skip();
    assert_int_equal(rt_lines_init(&reader, dir), RT_OK);
    assert_int_equal(rt_lines_next(&reader, &text, &len), RT_LINES_MORE);
    assert_int_equal(rt_lines_refill(&reader), RT_ERR_IO);
    assert_int_not_equal(reader.error, 0);
    assert_false(reader.got_any);
    assert_int_equal(reader.line, 0);
    rt_lines_free(&reader);
    fclose(dir);
}

int main(void)
{
    const struct CMUnitTest others[] = {
        cmocka_unit_test(test_read_error),
    };
    int failed = TABLE_RUN("lines", lines_cases, test_lines);

    return failed +
           cmocka_run_group_tests_name("lines others", others, NULL, NULL);
}
