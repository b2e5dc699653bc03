/*
 * test_csv.c - the delimited-text reader.
 *
 * Each case gives the input bytes and the records expected, written as a
 * trace: each record as "LINE[field|field]" and a problem, if any, as
 * "!unterminated" or "!after-quote:FIELD".  Every case is read three ways,
 * which must agree: from a FILE with the normal buffer, from a FILE with a
 * 3-byte buffer (so that every record crosses refills), and in blocks cut
 * by rt_csv_boundary() from memory, as the parallel batch reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "table.h"

struct csv_case {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen(input) */
    char delimiter;
    const char *trace;
};

static const struct csv_case csv_cases[] = {
    {"plain", "a,b,c\n1,2,3\n", 0, ',', "1[a|b|c] 2[1|2|3]"},
    {"no final line end", "a,b\n1,2", 0, ',', "1[a|b] 2[1|2]"},
    {"CRLF", "a,b\r\n1,2\r\n", 0, ',', "1[a|b] 2[1|2]"},
    {"CR inside a field kept", "a\rb,c\n", 0, ',', "1[a\rb|c]"},
    {"empty input", "", 0, ',', ""},
    {"only a line end", "\n", 0, ',', "1[]"},
    {"blank lines", "a\n\n\nb\n", 0, ',', "1[a] 2[] 3[] 4[b]"},
    {"empty fields", ",,\n", 0, ',', "1[||]"},
    {"byte-order mark",
     "\xef\xbb\xbf"
     "a,b\n",
     0, ',', "1[a|b]"},
    {"only a byte-order mark", "\xef\xbb\xbf", 0, ',', ""},
    {"mark not at start kept",
     "a\n\xef\xbb\xbf"
     "b\n",
     0, ',',
     "1[a] 2[\xef\xbb\xbf"
     "b]"},
    {"quoted", "\"a\",\"b c\"\n", 0, ',', "1[a|b c]"},
    {"quoted comma", "\"a,b\",c\n", 0, ',', "1[a,b|c]"},
    {"doubled quote", "\"say \"\"hi\"\"\",x\n", 0, ',', "1[say \"hi\"|x]"},
    {"empty quoted", "\"\",\"\"\n", 0, ',', "1[|]"},
    {"line break in quotes", "\"a\nb\",c\nd,e\n", 0, ',', "1[a\nb|c] 3[d|e]"},
    {"CRLF in quotes kept", "\"a\r\nb\"\r\nc\r\n", 0, ',', "1[a\r\nb] 3[c]"},
    {"quote mid-field is a byte", "5'11\",x\n", 0, ',', "1[5'11\"|x]"},
    /* A record with a problem also has its fields as written: ~[...]. */
    {"text after closing quote", "\"a\"b,c\n", 0, ',',
     "1[ab|c]!after-quote:0~[\"a\"b|c]"},
    {"unterminated at end", "a,\"b\nc\n", 0, ',',
     "1[a|b\nc\n]!unterminated~[a|\"b\nc\n]"},
    {"raw fields keep doubled quotes and delimiters in quotes",
     "\"a\"\"b\",\"c,d\"e\n", 0, ',',
     "1[a\"b|c,de]!after-quote:1~[\"a\"\"b\"|\"c,d\"e]"},
    {"quoted last field without line end", "a,\"b\"", 0, ',', "1[a|b]"},
    {"semicolon", "a;\"b;c\"\n", 0, ';', "1[a|b;c]"},
    {"tab ignores quotes", "\"a\tb\"\t\"c\n", 0, '\t', "1[\"a|b\"|\"c]"},
    {"NUL is a byte", "a\0b,c\n", 6, ',', "1[a\0b|c]"},
    {"invalid UTF-8 is bytes", "\xff\xfe,\xc3\n", 0, ',', "1[\xff\xfe|\xc3]"},
    {"CR at the very end", "a,b\r", 0, ',', "1[a|b]"},
    {"quoted, then CR at the very end", "a,\"b\"\r", 0, ',', "1[a|b]"},
    {"quoted, then CRLF", "\"a\"\r\nb\n", 0, ',', "1[a] 2[b]"},
    {"text after two closing quotes: the first is named", "\"a\"b,\"c\"d\n", 0,
     ',', "1[ab|cd]!after-quote:0~[\"a\"b|\"c\"d]"},
    /* TSV: \t, \n, \r and \\ stand for the bytes; other backslashes are
       bytes, and so are they in CSV. */
    {"TSV escapes", "a\\tb\tc\\nd\\re\\\\f\n", 0, '\t', "1[a\tb|c\nd\re\\f]"},
    {"TSV backslash before another byte kept", "C:\\data\t\\x\\\n", 0, '\t',
     "1[C:\\data|\\x\\]"},
    {"TSV escaped backslash, then t", "\\\\t\tx\n", 0, '\t', "1[\\t|x]"},
    {"TSV backslash before the delimiter kept", "a\\\tb\n", 0, '\t',
     "1[a\\|b]"},
    {"TSV escaped line break, then a line", "a\\n\tb\nc\n", 0, '\t',
     "1[a\n|b] 2[c]"},
    {"TSV quotes are bytes around escapes", "\"a\\tb\"\n", 0, '\t',
     "1[\"a\tb\"]"},
    {"CSV backslash is a byte", "a\\tb,c\n", 0, ',', "1[a\\tb|c]"},
    /* Lines of whole words, which the fast split reads eight bytes at a
       time: a byte one above the delimiter or the line end, right after
       it, is a byte (a borrow of the cheap test must not make it one). */
    {"words: minus after commas", "abcdefg,-x,-y,--z\n12345678,-1,-\n", 0, ',',
     "1[abcdefg|-x|-y|--z] 2[12345678|-1|-]"},
    {"words: bytes below the comma that are bytes", "a b+c!d#e*f,g h\r i+j\n",
     0, ',', "1[a b+c!d#e*f|g h\r i+j]"},
    {"words: a byte one above the line end after it",
     "abcdefgh\n\x0b"
     "2345678,x\n",
     0, ',',
     "1[abcdefgh] 2[\x0b"
     "2345678|x]"},
    {"words: a quote after bytes below the comma", "a b c d e f,\"g,h\" i\n", 0,
     ',', "1[a b c d e f|g,h i]!after-quote:1~[a b c d e f|\"g,h\" i]"},
    {"words: TSV, a byte one above the tab, and an escape",
     "abcdefgh\t\x0bxyz\tA\\tB and more\n", 0, '\t',
     "1[abcdefgh|\x0bxyz|A\tB and more]"},
    {"words: high bytes", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9,\xff\xfe\xfd\n", 0,
     ',', "1[\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9|\xff\xfe\xfd]"},
    {"words: semicolons, exactly", "abcdefgh;12;34567890;x\n", 0, ';',
     "1[abcdefgh|12|34567890|x]"},
};

static void append(char **trace, size_t *len, const char *data, size_t n)
{
    *trace = realloc(*trace, *len + n + 1);
    assert_non_null(*trace);
    memcpy(*trace + *len, data, n);
    *len += n;
    (*trace)[*len] = '\0';
}

static void trace_record(const struct rt_csv_record *rec, uint64_t line,
                         char **trace, size_t *len)
{
    char head[64];
    size_t i;

    snprintf(head, sizeof head, "%s%llu[", *len ? " " : "",
             (unsigned long long)line);
    append(trace, len, head, strlen(head));
    for (i = 0; i < rec->count; i++) {
        if (i > 0)
            append(trace, len, "|", 1);
        append(trace, len, rec->fields[i].data, rec->fields[i].len);
    }
    append(trace, len, "]", 1);
    if (rec->problem == RT_CSV_UNTERMINATED)
        append(trace, len, "!unterminated", 13);
    if (rec->problem == RT_CSV_AFTER_QUOTE) {
        snprintf(head, sizeof head, "!after-quote:%zu", rec->problem_field);
        append(trace, len, head, strlen(head));
    }
    for (i = 0; rec->raw_fields && i < rec->count; i++) {
        append(trace, len, i ? "|" : "~[", i ? 1 : 2);
        append(trace, len, rec->raw_fields[i].data, rec->raw_fields[i].len);
    }
    if (rec->raw_fields)
        append(trace, len, "]", 1);
    assert_true((rec->problem != RT_CSV_FINE) == (rec->raw_fields != NULL));
}

/* Reads everything with `reader`, numbering lines from `first_line`. */
static uint64_t read_all(struct rt_csv *reader, uint64_t first_line,
                         char **trace, size_t *len)
{
    struct rt_csv_record rec;

    while (rt_csv_read(reader, &rec) == RT_CSV_RECORD)
        trace_record(&rec, first_line + rec.line - 1, trace, len);
    return first_line + reader->next_line - 1;
}

static char *read_file(const struct csv_case *c, size_t size)
{
    size_t n = c->len ? c->len : strlen(c->input), len = 0;
    FILE *in = tmpfile();
    struct rt_csv reader;
    char *trace = calloc(1, 1);

    assert_non_null(in);
    fwrite(c->input, 1, n, in);
    rewind(in);
    assert_int_equal(rt_csv_init_sized(&reader, in, c->delimiter,
                                       c->delimiter != '\t', size),
                     RT_OK);
    read_all(&reader, 1, &trace, &len);
    rt_csv_free(&reader);
    fclose(in);
    return trace;
}

/* Cuts the input into the smallest blocks of whole records, as batch does. */
static char *read_blocks(const struct csv_case *c)
{
    size_t n = c->len ? c->len : strlen(c->input), start = 0, len = 0;
    const char *data = c->input;
    char *trace = calloc(1, 1);
    uint64_t line = 1;

    if (n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        start = 3;
    while (start < n) {
        size_t cut = 0, want;
        struct rt_csv reader;

        for (want = 1; want <= n - start && cut == 0; want++)
            cut = rt_csv_boundary(data + start, want, c->delimiter,
                                  c->delimiter != '\t');
        if (cut == 0)
            cut = n - start;
        assert_int_equal(rt_csv_init_memory(&reader, data + start, cut,
                                            c->delimiter, c->delimiter != '\t'),
                         RT_OK);
        reader.at_start = false;
        line = read_all(&reader, line, &trace, &len);
        rt_csv_free(&reader);
        start += cut;
    }
    return trace;
}

static void test_reader(void **state)
{
    const struct csv_case *c = *state;
    char *whole = read_file(c, 1 << 20);
    char *tiny = read_file(c, 3);
    char *blocks = read_blocks(c);

    assert_string_equal(whole, c->trace);
    assert_string_equal(tiny, c->trace);
    assert_string_equal(blocks, c->trace);
    free(whole);
    free(tiny);
    free(blocks);
}

struct sniff_case {
    const char *name;
    const char *line;
    char delimiter;
};

static const struct sniff_case sniff_cases[] = {
    {"commas", "period,segment,start,end,new", ','},
    {"tabs", "period\tstart\tend", '\t'},
    {"semicolons", "period;start;end", ';'},
    {"semicolons beat one comma", "a,b;c;d", ';'},
    {"quoted commas ignored", "\"a,b,c\";d;e", ';'},
    {"single column", "start", ','},
    {"tabs tie semicolons", "a\tb;c", '\t'},
    {"commas beat tabs", "a\tb,c,d", ','},
    {"semicolons beat tabs", "a;b;c\td", ';'},
};

static void test_sniff(void **state)
{
    const struct sniff_case *c = *state;

    assert_int_equal(rt_csv_sniff(c->line, strlen(c->line)), c->delimiter);
}

/*
 * rt_csv_blank_prefix(): the blank lines at the start of data, and whether
 * a line that is not blank follows them there.
 */
struct prefix_case {
    const char *name;
    const char *data;
    bool at_end;
    size_t bytes;
    uint64_t lines;
    bool decided;
};

static const struct prefix_case prefix_cases[] = {
    {"nothing", "", false, 0, 0, false},
    {"nothing, at the end", "", true, 0, 0, false},
    {"a header at once", "h\n", false, 0, 0, true},
    {"LF lines, then a header", "\n\nh", false, 2, 2, true},
    {"CRLF lines, then a header", "\r\n\r\nh", false, 4, 2, true},
    {"only blank lines", "\n\n", false, 2, 2, false},
    {"a CR that may start a CRLF", "\n\r", false, 1, 1, false},
    {"a CR that ends the input", "\n\r", true, 2, 2, false},
    {"a CR before text is no line end", "\rh\n", false, 0, 0, true},
    {"two CRs: a field of one CR", "\r\r\n", false, 0, 0, true},
    {"spaces are not blank", " \n", false, 0, 0, true},
};

static void test_blank_prefix(void **state)
{
    const struct prefix_case *c = *state;
    size_t bytes = 99;
    uint64_t lines = 99;
    bool decided = rt_csv_blank_prefix(c->data, strlen(c->data), c->at_end,
                                       &bytes, &lines);

    assert_int_equal(bytes, c->bytes);
    assert_int_equal(lines, c->lines);
    assert_int_equal(decided, c->decided);
}

/*
 * rt_csv_skip_blank_lines(): the blank lines skipped, then the records
 * after them with their true line numbers, through buffers of every size.
 */
struct skip_case {
    const char *name;
    const char *input;
    uint64_t skipped;
    const char *trace;
};

static const struct skip_case skip_cases[] = {
    {"none", "a\n\nb\n", 0, "1[a] 2[] 3[b]"},
    {"LF and CRLF, then a header", "\n\r\nh\n\nx\n", 2, "3[h] 4[] 5[x]"},
    {"a byte-order mark, then blank lines", "\xef\xbb\xbf\n\nh,i\n", 2,
     "3[h|i]"},
    {"only blank lines", "\n\r\n\n", 3, ""},
    {"a CR that ends the input", "\n\r", 2, ""},
    {"a field of one CR is no blank line", "\r\r\nh\n", 0, "1[\r] 2[h]"},
    {"a quoted header after them", "\n\"a\nb\",c\nd\n", 1, "2[a\nb|c] 4[d]"},
};

static void skip_then_read(const struct skip_case *c, size_t size)
{
    FILE *in = tmpfile();
    struct rt_csv reader;
    char *trace = calloc(1, 1);
    uint64_t skipped = 99;
    size_t len = 0;

    assert_non_null(in);
    fputs(c->input, in);
    rewind(in);
    assert_int_equal(rt_csv_init_sized(&reader, in, ',', true, size), RT_OK);
    assert_int_equal(rt_csv_skip_blank_lines(&reader, &skipped), RT_CSV_RECORD);
    assert_int_equal(skipped, c->skipped);
    read_all(&reader, 1, &trace, &len);
    assert_string_equal(trace, c->trace);
    free(trace);
    rt_csv_free(&reader);
    fclose(in);
}

static void test_skip_blank_lines(void **state)
{
    const struct skip_case *c = *state;

    skip_then_read(c, 1 << 20);
    skip_then_read(c, 3);
    skip_then_read(c, 1);
}

/* A field far longer than the buffer, and a line of a million fields. */
static void test_long_record(void **state)
{
    size_t n = 3000000, i;
    char *data = malloc(n + 2);
    FILE *in = tmpfile();
    struct rt_csv reader;
    struct rt_csv_record rec;

    (void)state;
    assert_non_null(data);
    for (i = 0; i < n; i++)
        data[i] = i % 2 ? ',' : 'x';
    data[n] = '\n';
    fwrite(data, 1, n + 1, in);
    rewind(in);
    assert_int_equal(rt_csv_init_sized(&reader, in, ',', true, 16), RT_OK);
    assert_int_equal(rt_csv_read(&reader, &rec), RT_CSV_RECORD);
    assert_int_equal(rec.count, n / 2 + 1);
    assert_int_equal(rec.raw_len, n);
    assert_int_equal(rt_csv_read(&reader, &rec), RT_CSV_END);
    rt_csv_free(&reader);
    fclose(in);
    free(data);
}

static void test_peek_line(void **state)
{
    FILE *in = tmpfile();
    struct rt_csv reader;
    struct rt_csv_record rec;
    const char *line;
    size_t len;

    (void)state;
    fputs("\xef\xbb\xbfh1;h2\r\nx;y\n", in);
    rewind(in);
    assert_int_equal(rt_csv_init_sized(&reader, in, ',', true, 2), RT_OK);
    assert_int_equal(rt_csv_peek_line(&reader, &line, &len), RT_CSV_RECORD);
    assert_int_equal(len, 5);
    assert_memory_equal(line, "h1;h2", 5);
    reader.delimiter = ';';
    assert_int_equal(rt_csv_read(&reader, &rec), RT_CSV_RECORD);
    assert_int_equal(rec.count, 2);
    assert_int_equal(rt_csv_read(&reader, &rec), RT_CSV_RECORD);
    assert_int_equal(rec.line, 2);
    rt_csv_free(&reader);
    fclose(in);
}

/* One line without a line end, and nothing at all. */
static void test_peek_alone(void **state)
{
    FILE *in = tmpfile();
    struct rt_csv reader;
    const char *line;
    size_t len;

    (void)state;
    fputs("h1\th2\r", in);
    rewind(in);
    assert_int_equal(rt_csv_init_sized(&reader, in, ',', true, 2), RT_OK);
    assert_int_equal(rt_csv_peek_line(&reader, &line, &len), RT_CSV_RECORD);
    assert_int_equal(len, 5);
    assert_memory_equal(line, "h1\th2", 5);
    rt_csv_free(&reader);
    fclose(in);
    in = tmpfile();
    assert_int_equal(rt_csv_init(&reader, in, ',', true), RT_OK);
    assert_int_equal(rt_csv_peek_line(&reader, &line, &len), RT_CSV_END);
    rt_csv_free(&reader);
    fclose(in);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_long_record),
        cmocka_unit_test(test_peek_line),
        cmocka_unit_test(test_peek_alone),
    };

    return TABLE_RUN("csv reader", csv_cases, test_reader) +
           TABLE_RUN("csv sniff", sniff_cases, test_sniff) +
           TABLE_RUN("csv blank prefix", prefix_cases, test_blank_prefix) +
           TABLE_RUN("csv skip blank lines", skip_cases,
                     test_skip_blank_lines) +
           cmocka_run_group_tests_name("csv edges", plain, NULL, NULL);
}
