/*
 * test_ids.c - reading two lists of IDs into exact counts and lists.
 *
 * Each case gives the bytes of the start and end lists and the options,
 * and expects the counts, the three lists (IDs joined by '|') and every
 * diagnostic, written as "W|E LINE message" joined by " / ".
 */
#include <stdlib.h>
#include <string.h>

#include "ids.h"
#include "table.h"

struct ids_case {
    const char *name;
    const char *start, *end;
    size_t start_len, end_len; /* 0: strlen */
    struct rt_ids_options options;
    enum rt_ids_result result;
    const char *counts; /* "S E N", when result is RT_IDS_OK */
    const char *lost, *fresh, *retained;
    const char *diagnostics;
    size_t retained_len; /* 0: strlen(retained) */
};

static const struct ids_case ids_cases[] = {
    {"worked example",
     "a\nb\nc\nd\n",
     "c\nd\ne\nf\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "4 4 2",
     "a|b",
     "e|f",
     "c|d",
     ""},
    {"no final line end",
     "a\nb",
     "b\nc",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 2 1",
     "a",
     "c",
     "b",
     ""},
    {"CRLF and LF mixed",
     "a\r\nb\n",
     "a\nb\r\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 2 0",
     "",
     "",
     "a|b",
     ""},
    {"only the last CR is dropped",
     "a\r\r\n",
     "a\r\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "1 1 1",
     "a\r",
     "a",
     "",
     ""},
    {"CR inside an ID kept",
     "a\rb\n",
     "a\rb\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a\rb",
     ""},
    {"blank lines skipped and counted",
     "\na\n\n\r\nb\n",
     "a\n\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 1 0",
     "b",
     "",
     "a",
     "W S:1 skipped 3 blank lines / W E:2 skipped 1 blank line"},
    {"duplicates count once",
     "a\nb\na\na\nb\n",
     "b\nc\nb\nc\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 2 1",
     "a",
     "c",
     "b",
     "W S:3 3 duplicate IDs, each counted once (this is the first) / "
     "W E:3 2 duplicate IDs, each counted once (this is the first)"},
    {"spaces kept by default",
     " a\na \n",
     "a\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 1 1",
     " a|a ",
     "a",
     "",
     ""},
    {"trim",
     " a\na \n\t a\t\n",
     "a\n",
     0,
     0,
     {.trim = true},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a",
     "W S:2 2 duplicate IDs, each counted once (this is the first)"},
    {"trim leaves a blank line",
     "a\n  \t\n",
     "a\n",
     0,
     0,
     {.trim = true},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a",
     "W S:2 skipped 1 blank line"},
    {"trim keeps inner spaces",
     "a b\n",
     " a b \n",
     0,
     0,
     {.trim = true},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a b",
     ""},
    {"case matters by default",
     "Ab\n",
     "ab\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "1 1 1",
     "Ab",
     "ab",
     "",
     ""},
    {"ignore case",
     "Ab\nAB\n",
     "aB\nx\n",
     0,
     0,
     {.ignore_case = true},
     RT_IDS_OK,
     "1 2 1",
     "",
     "x",
     "Ab",
     "W S:2 1 duplicate ID, each counted once (this is the first)"},
    {"ignore case is ASCII only",
     "\xc3\x89\n",
     "\xc3\xa9\n",
     0,
     0,
     {.ignore_case = true},
     RT_IDS_OK,
     "1 1 1",
     "\xc3\x89",
     "\xc3\xa9",
     "",
     ""},
    {"NUL is a byte",
     "a\0b\na\n",
     "a\0b\n",
     6,
     4,
     {0},
     RT_IDS_OK,
     "2 1 0",
     "a",
     "",
     "a\0b",
     "",
     3},
    {"invalid UTF-8 is bytes",
     "\xff\xfe\n\xc3\n",
     "\xc3\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 1 0",
     "\xff\xfe",
     "",
     "\xc3",
     ""},
    {"empty start list",
     "",
     "a\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "0 1 1",
     "",
     "a",
     "",
     ""},
    {"only blank lines",
     "\n\n",
     "\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "0 0 0",
     "",
     "",
     "",
     "W S:1 skipped 2 blank lines / W E:1 skipped 1 blank line / "
     "W E:0 no IDs in the end list: every start ID counts as lost"},
    {"empty end list",
     "a\n",
     "",
     0,
     0,
     {0},
     RT_IDS_OK,
     "1 0 0",
     "a",
     "",
     "",
     "W E:0 no IDs in the end list: every start ID counts as lost"},
    {"end list of duplicates of nothing new is not empty",
     "a\n",
     "a\na\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a",
     "W E:2 1 duplicate ID, each counted once (this is the first)"},
    {"byte-order mark dropped",
     "\xef\xbb\xbf"
     "a\nb\n",
     "\xef\xbb\xbf"
     "b\r\nc\r\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 2 1",
     "a",
     "c",
     "b",
     ""},
    {"byte-order mark alone on a line",
     "\xef\xbb\xbf\na\n",
     "a\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a",
     "W S:1 skipped 1 blank line"},
    {"byte-order mark before trimmed spaces",
     "\xef\xbb\xbf a\n",
     "a\n",
     0,
     0,
     {.trim = true},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "a",
     ""},
    {"byte-order mark only at the start",
     "a\n\xef\xbb\xbf"
     "b\n",
     "b\n",
     0,
     0,
     {0},
     RT_IDS_OK,
     "2 1 1",
     "a|\xef\xbb\xbf"
     "b",
     "b",
     "",
     ""},
    {"column after blank lines",
     "\n\r\nid,n\n1,x\n",
     "\xef\xbb\xbf\nn;id\nx;1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "1",
     "W S:1 skipped 2 blank lines / W E:1 skipped 1 blank line"},
    {"column: only blank lines",
     "\n\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:1 only blank lines (expected a header line naming the columns)"},
    {"column: header line after blank lines",
     "\n\nname\nx\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:3 no column named 'id' for --id-column (the columns are 'name')"},
    {"column of a CSV",
     "id,name\n1,\"Smith, J\"\n2,x\n",
     "name,id\ny,2\nz,3\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_OK,
     "2 2 1",
     "1",
     "3",
     "2",
     ""},
    {"column of a TSV",
     "x\tid\n\"a\t\"1\n",
     "id\n\"1\n",
     0,
     0,
     {.id_column = "ID", .delimiter = '\t'},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "\"1",
     ""},
    /* Counted as any other ID, but a list of one per line cannot hold it. */
    {"column with quoted line break",
     "id\n\"a\nb\"\nc\n",
     "id\nc\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_OK,
     "2 1 0",
     "!",
     "",
     "c",
     ""},
    {"column with blanks and duplicates",
     "id\r\n\r\n1\r\n1\r\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "1",
     "W S:2 skipped 1 blank line / "
     "W S:4 1 duplicate ID, each counted once (this is the first)"},
    {"column empty field is blank",
     "id,x\n,1\n2,1\n",
     "id\n2\n",
     0,
     0,
     {.id_column = "id", .trim = true},
     RT_IDS_OK,
     "1 1 0",
     "",
     "",
     "2",
     "W S:2 skipped 1 blank line"},
    {"column missing",
     "name\nx\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:1 no column named 'id' for --id-column (the columns are 'name')"},
    {"column row too short",
     "id,name\n1,a\n2\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:3 the row has 1 field, the header 2"},
    {"column unterminated quote",
     "id\n1\n\"2\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:3 the input ends inside the quoted field 1, which starts on this "
     "line (expected a closing '\"')"},
    {"column header with text after a closing quote",
     "\"id\"x,plan\n1,a\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:1 the header line: field 1: text after the closing quote (expected "
     "the delimiter or the line end; write \"\" for a quote inside quotes)"},
    {"column header with an unterminated quote, after a blank line",
     "\nid,\"plan\n1,a\n",
     "id\n1\n",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E S:2 the header line: the input ends inside the quoted field 2, which "
     "starts on this line (expected a closing '\"')"},
    {"column empty file",
     "id\n1\n",
     "",
     0,
     0,
     {.id_column = "id"},
     RT_IDS_UNUSABLE,
     NULL,
     NULL,
     NULL,
     NULL,
     "E E:1 empty input (expected a header line naming the columns)"},
};

struct trace {
    char text[1024];
};

static void record(void *context, enum rt_severity severity, const char *file,
                   uint64_t line, const char *message)
{
    struct trace *trace = context;
    size_t len = strlen(trace->text);

    snprintf(trace->text + len, sizeof trace->text - len, "%s%c %s:%llu %s",
             len ? " / " : "", severity == RT_SEVERITY_ERROR ? 'E' : 'W', file,
             (unsigned long long)line, message);
}

static FILE *file_of(const char *bytes, size_t len)
{
    FILE *file = tmpfile();

    assert_non_null(file);
    if (len)
        assert_int_equal(fwrite(bytes, 1, len, file), len);
    rewind(file);
    return file;
}

/* The IDs of one list, written one per line; expected joins them by '|',
   or is "!" when the list is refused, with nothing written. */
static void check_list(const struct rt_ids *ids, enum rt_ids_list which,
                       const char *expected, size_t expected_len)
{
    char *lines = malloc(expected_len + 1);
    struct rt_sink sink;
    size_t i;

    assert_non_null(lines);
    if (strcmp(expected, "!") == 0) {
        rt_sink_init_memory(&sink);
        assert_false(rt_ids_write_list(ids, which, &sink));
        assert_int_equal(sink.len, 0);
        rt_sink_free(&sink);
        free(lines);
        return;
    }
    for (i = 0; i < expected_len; i++)
        lines[i] = expected[i] == '|' ? '\n' : expected[i];
    lines[expected_len] = '\n';
    rt_sink_init_memory(&sink);
    assert_true(rt_ids_write_list(ids, which, &sink));
    assert_int_equal(sink.len, expected_len ? expected_len + 1 : 0);
    assert_memory_equal(sink.buf, lines, sink.len);
    rt_sink_free(&sink);
    free(lines);
}

static void test_ids(void **state)
{
    static const uint64_t key[2] = {11, 12};
    const struct ids_case *c = *state;
    struct trace trace = {""};
    struct rt_reporter reporter = {record, &trace};
    struct rt_ids ids;
    enum rt_ids_result result;
    FILE *start =
        file_of(c->start, c->start_len ? c->start_len : strlen(c->start));
    FILE *end = file_of(c->end, c->end_len ? c->end_len : strlen(c->end));

    rt_ids_init(&ids, &c->options, reporter, key);
    result = rt_ids_read_start(&ids, start, "S");
    if (result == RT_IDS_OK)
        result = rt_ids_read_end(&ids, end, "E");
    assert_int_equal(result, c->result);
    assert_string_equal(trace.text, c->diagnostics);
    if (result == RT_IDS_OK) {
        struct rt_counts counts = rt_ids_counts(&ids);
        char got[64];

        snprintf(got, sizeof got, "%llu %llu %llu",
                 (unsigned long long)counts.start,
                 (unsigned long long)counts.end,
                 (unsigned long long)counts.new_customers);
        assert_string_equal(got, c->counts);
        assert_true(counts.has_new);
        assert_int_equal(rt_ids_untidy(&ids), c->diagnostics[0] == 'W');
        check_list(&ids, RT_IDS_LOST, c->lost, strlen(c->lost));
        check_list(&ids, RT_IDS_NEW, c->fresh, strlen(c->fresh));
        check_list(&ids, RT_IDS_RETAINED, c->retained,
                   c->retained_len ? c->retained_len : strlen(c->retained));
    }
    rt_ids_free(&ids);
    fclose(start);
    fclose(end);
}

/* A list whose line N is `len` bytes of 'x', then `tail`. */
static FILE *long_line(size_t len, const char *tail)
{
    FILE *file = tmpfile();
    size_t i;

    assert_non_null(file);
    fputs("first\nsecond\n", file);
    for (i = 0; i < len; i++)
        putc('x', file);
    fputs(tail, file);
    rewind(file);
    return file;
}

struct long_case {
    const char *name;
    size_t len;
    const char *tail;
    bool column;
    enum rt_ids_result result;
    const char *diagnostics;
};

static const struct long_case long_cases[] = {
    {"longest ID", RT_ID_MAX, "\n", false, RT_IDS_OK, ""},
    {"longest ID with CR", RT_ID_MAX, "\r\n", false, RT_IDS_OK, ""},
    {"longest ID at the end", RT_ID_MAX, "", false, RT_IDS_OK, ""},
    {"one byte too long", RT_ID_MAX + 1, "\n", false, RT_IDS_UNUSABLE,
     "E S:3 an ID longer than 65535 bytes (expected one ID per line; nothing "
     "is cut short)"},
    {"one byte too long at the end", RT_ID_MAX + 1, "", false, RT_IDS_UNUSABLE,
     "E S:3 an ID longer than 65535 bytes (expected one ID per line; nothing "
     "is cut short)"},
    {"far too long", 3u << 20, "\nnext\n", false, RT_IDS_UNUSABLE,
     "E S:3 an ID longer than 65535 bytes (expected one ID per line; nothing "
     "is cut short)"},
    {"longest ID in a column", RT_ID_MAX, "\n", true, RT_IDS_OK, ""},
    {"too long in a column", RT_ID_MAX + 1, "\n", true, RT_IDS_UNUSABLE,
     "E S:3 an ID longer than 65535 bytes (expected one ID per line; nothing "
     "is cut short)"},
};

static void test_long(void **state)
{
    static const uint64_t key[2] = {13, 14};
    const struct long_case *c = *state;
    struct trace trace = {""};
    struct rt_reporter reporter = {record, &trace};
    struct rt_ids_options options = {0};
    struct rt_ids ids;
    FILE *start = long_line(c->len, c->tail);

    options.id_column = c->column ? "first" : NULL;
    rt_ids_init(&ids, &options, reporter, key);
    assert_int_equal(rt_ids_read_start(&ids, start, "S"), c->result);
    assert_string_equal(trace.text, c->diagnostics);
    if (c->result == RT_IDS_OK)
        assert_int_equal(rt_ids_counts(&ids).start, c->column ? 2 : 3);
    rt_ids_free(&ids);
    fclose(start);
}

/*
 * More distinct IDs than a set holds: the list is refused with the line
 * and the limit, not as out of memory.  A limit of a few bytes stands in
 * for the 4 GiB of RT_IDSET_ARENA_MAX.
 */
struct too_many_case {
    const char *name;
    const char *start, *end;
    const char *id_column;
    size_t start_max, fresh_max;
    const char *diagnostics;
};

#define START_FULL                                                             \
    "too many distinct IDs: with this one they take more than 9 bytes (each "  \
    "ID's bytes and 3 more), the most a start list can hold"
#define FRESH_FULL                                                             \
    "too many new IDs: with this one they take more than 8 bytes (each ID's "  \
    "bytes and 3 more), the most the new IDs of an end list can hold"

static const struct too_many_case too_many_cases[] = {
    {"start list at the limit", "a\nbb\n", "a\n", NULL, 9, 8, ""},
    {"start list past the limit", "a\nbb\na\nc\n", "a\n", NULL, 9, 8,
     "E S:4 " START_FULL},
    {"start column past the limit", "id\na\nbb\nc\n", "id\na\n", "id", 9, 8,
     "E S:4 " START_FULL},
    {"new IDs at the limit", "a\n", "a\nx\ny\n", NULL, 9, 8, ""},
    {"new IDs past the limit", "a\n", "a\nx\ny\na\nz\n", NULL, 9, 8,
     "E E:5 " FRESH_FULL},
};

static void test_too_many(void **state)
{
    static const uint64_t key[2] = {15, 16};
    const struct too_many_case *c = *state;
    struct trace trace = {""};
    struct rt_reporter reporter = {record, &trace};
    struct rt_ids_options options = {0};
    FILE *start = file_of(c->start, strlen(c->start));
    FILE *end = file_of(c->end, strlen(c->end));
    enum rt_ids_result result;
    struct rt_ids ids;

    options.id_column = c->id_column;
    rt_ids_init(&ids, &options, reporter, key);
    ids.start.arena_max = c->start_max;
    ids.fresh.arena_max = c->fresh_max;
    result = rt_ids_read_start(&ids, start, "S");
    if (result == RT_IDS_OK)
        result = rt_ids_read_end(&ids, end, "E");
    assert_string_equal(trace.text, c->diagnostics);
    assert_int_equal(result, c->diagnostics[0] ? RT_IDS_UNUSABLE : RT_IDS_OK);
    rt_ids_free(&ids);
    fclose(start);
    fclose(end);
}

int main(void)
{
    int failed = TABLE_RUN("ids", ids_cases, test_ids);

    failed += TABLE_RUN("ids too many", too_many_cases, test_too_many);
    return failed + TABLE_RUN("ids long lines", long_cases, test_long);
}
