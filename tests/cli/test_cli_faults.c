/*
 * test_cli_faults.c - hostile input and a hostile output, run as users run
 * retain: NUL bytes, invalid UTF-8, numbers of 10,000 digits, counts at
 * 2^63 - 1 and 2^63, a single line of 100 MB, a row of 10^7 columns, a
 * full device and a reader that goes away.  Each gets a clear message, its
 * documented exit status, and batch still writes one row per row read.
 *
 * Bytes on their way through: text tables aligned for wide characters and
 * every byte shown (escaped where it cannot print), TSV escapes written and
 * read back, a broken row kept as written, unambiguous escapes in messages
 * and file names, and no ID list that reads back otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_table.h"
#include "run.h"
#include "table.h"

#define STDIN "(standard input)"
#define FIGURES                                                                \
    "retained,lost,retention_rate,churn_rate,simple_retention_rate,simple_"    \
    "churn_rate,warnings"
#define LARGEST  "(the largest count is 9223372036854775807)"
#define BIG_LINE ((size_t)100 * 1000 * 1000)
#define WIDE_ROW 10000000

#define TSV_FIGURES                                                            \
    "retained\tlost\tretention_rate\tchurn_rate\tsimple_retention_rate\t"      \
    "simple_churn_rate\twarnings"
#define TSV_10_9_1 "\t10\t9\t1\t8\t2\t80.00\t20.00\t90.00\t10.00\t\n"
#define AFTER_QUOTE                                                            \
    "field 'seg': text after the closing quote (expected the delimiter or "    \
    "the line end; write \"\" for a quote inside quotes)"

static char ten_thousand_digits[10001];

static const struct cli_row fault_cases[] = {
    {"a NUL byte in a count",
     {"batch", "-f", "json", "nul.csv"},
     NULL,
     1,
     "{\"start\":\"10\",\"end\":\"9\\u0000\",\"new\":\"1\",\"retained\":null,"
     "\"lost\":null,\"retention_rate\":null,\"churn_rate\":null,"
     "\"simple_retention_rate\":null,\"simple_churn_rate\":null,"
     "\"warnings\":[\"field 'end': not a whole number: '9\\\\x{00}' (expected "
     "a whole number from 0 to 9223372036854775807)\"]}\n",
     "retain: nul.csv:2: error: field 'end': not a whole number: '9\\x{00}' "
     "(expected a whole number from 0 to 9223372036854775807)\n"},
    {"invalid UTF-8 is replaced in JSON",
     {"batch", "-f", "json", "utf8.csv"},
     NULL,
     0,
     "{\"seg\":\"\\ufffd\\ufffd\xc3\xa9\",\"start\":\"10\",\"end\":\"9\","
     "\"new\":\"1\",\"retained\":8,\"lost\":2,\"retention_rate\":80.00,"
     "\"churn_rate\":20.00,\"simple_retention_rate\":90.00,"
     "\"simple_churn_rate\":10.00,\"warnings\":[]}\n",
     ""},
    {"invalid UTF-8 passes through CSV untouched",
     {"batch", "utf8.csv"},
     NULL,
     0,
     "seg,start,end,new," FIGURES "\n"
     "\xff\xfe\xc3\xa9,10,9,1,8,2,80.00,20.00,90.00,10.00,\n",
     ""},
    {"the largest count",
     {"-s", "9223372036854775807", "-e", "9223372036854775807", "-n", "0", "-f",
      "csv", "--no-header"},
     "",
     0,
     "9223372036854775807,9223372036854775807,0,9223372036854775807,0,"
     "100.00,0.00,100.00,0.00,\n",
     ""},
    {"2^63 in a batch row",
     {"batch"},
     "start,end,new\n9223372036854775808,1,0\n",
     1,
     "start,end,new," FIGURES "\n"
     "9223372036854775808,1,0,,,,,,,field 'start': too large: "
     "'9223372036854775808' " LARGEST "\n",
     "retain: " STDIN ":2: error: field 'start': too large: "
     "'9223372036854775808' " LARGEST "\n"},
    {"a count of 10,000 digits",
     {"-s", ten_thousand_digits, "-e", "5"},
     "",
     2,
     "",
     "retain: option -s/--start: too large: "
     "'111111111111111111111111111111111111111111111111111111111111111111111"
     "111...' " LARGEST "\n"},
    {"a NUL byte before a digit is not read as another byte",
     {"batch", "-f", "json", "nul0.csv"},
     NULL,
     1,
     "{\"start\":\"10\",\"end\":\"9\\u00000\",\"new\":\"1\",\"retained\":null,"
     "\"lost\":null,\"retention_rate\":null,\"churn_rate\":null,"
     "\"simple_retention_rate\":null,\"simple_churn_rate\":null,"
     "\"warnings\":[\"field 'end': not a whole number: '9\\\\x{00}0' (expected "
     "a whole number from 0 to 9223372036854775807)\"]}\n",
     "retain: nul0.csv:2: error: field 'end': not a whole number: '9\\x{00}0' "
     "(expected a whole number from 0 to 9223372036854775807)\n"},

    /* Wide characters take two columns, combining marks none, and a byte
       that cannot be shown is an escape of as many columns as it has. */
    {"text table aligns Chinese, Greek, Hebrew, Hungarian, fullwidth, emoji",
     {"batch", "-f", "text", "scripts.csv"},
     NULL,
     0,
     NULL,
     "",
     .golden = "faults/text-table-aligns-chinese-greek-hebrew"},
    {"text summary aligns a wide group",
     {"batch", "-f", "text", "--summary", "--group-by", "seg"},
     "seg,start,end,new\n中文客户,100,90,10\nab,10,9,1\n",
     0,
     NULL,
     "",
     .golden = "faults/text-summary-aligns-a-wide-group"},

    /* TSV cannot quote: tabs, line breaks and backslashes are escaped,
       and read back. */
    {"TSV output escapes tabs, line breaks and backslashes",
     {"batch", "-f", "tsv"},
     "seg,start,end,new\n\"a\tb\",10,9,1\n\"x\ny\r\nz\",10,9,1\n"
     "\"C:\\d\",10,9,1\n",
     0,
     NULL,
     "",
     .golden = "faults/tsv-output-escapes-tabs-line-breaks-and"},
    {"TSV input escapes are read",
     {"batch", "-f", "json"},
     "seg\tstart\tend\tnew\na\\tb\\\\c\\nd\\x\t10\t9\t1\n",
     0,
     "{\"seg\":\"a\\tb\\\\c\\nd\\\\x\",\"start\":\"10\",\"end\":\"9\","
     "\"new\":\"1\",\"retained\":8,\"lost\":2,\"retention_rate\":80.00,"
     "\"churn_rate\":20.00,\"simple_retention_rate\":90.00,"
     "\"simple_churn_rate\":10.00,\"warnings\":[]}\n",
     ""},
    {"TSV passes through as it is written",
     {"batch"},
     "seg\tstart\tend\tnew\na\\tb\\x\t10\t9\t1\n",
     0,
     "seg\tstart\tend\tnew\t" TSV_FIGURES "\na\\tb\\x" TSV_10_9_1,
     ""},

    /* A row whose quotes are broken shows its fields as written. */
    {"a broken quote is kept as written, in JSON",
     {"batch", "-f", "json"},
     "seg,start,end,new\n\"ab\"c,10,9,1\n",
     1,
     "{\"seg\":\"\\\"ab\\\"c\",\"start\":\"10\",\"end\":\"9\",\"new\":\"1\","
     "\"retained\":null,\"lost\":null,\"retention_rate\":null,"
     "\"churn_rate\":null,\"simple_retention_rate\":null,"
     "\"simple_churn_rate\":null,\"warnings\":[\"field 'seg': text after the "
     "closing quote (expected the delimiter or the line end; write \\\"\\\" "
     "for a quote inside quotes)\"]}\n",
     "retain: " STDIN ":2: error: " AFTER_QUOTE "\n"},
    {"a broken quote is kept as written, in TSV",
     {"batch", "-f", "tsv"},
     "seg,start,end,new\n\"ab\"c,10,9,1\n",
     1,
     "seg\tstart\tend\tnew\t" TSV_FIGURES "\n"
     "\"ab\"c\t10\t9\t1\t\t\t\t\t\t\t" AFTER_QUOTE "\n",
     "retain: " STDIN ":2: error: " AFTER_QUOTE "\n"},

    /* A file name that cannot be shown as it is gets quoted and escaped. */
    {"a line break in a file name cannot split a message",
     {"batch", "bad\nname.csv"},
     NULL,
     1,
     "start,end,new," FIGURES "\n"
     "10,9x,1,,,,,,,field 'end': not a whole number: '9x' (expected a whole "
     "number from 0 to 9223372036854775807)\n",
     "retain: 'bad\\nname.csv':2: error: field 'end': not a whole number: "
     "'9x' (expected a whole number from 0 to 9223372036854775807)\n"},

    /* A quote inside quotes is escaped, so the reader sees where it ends. */
    {"a quote in a file name is escaped",
     {"batch", "'q.csv"},
     NULL,
     1,
     "start,end,new," FIGURES "\n"
     "10,9x,1,,,,,,,field 'end': not a whole number: '9x' (expected a whole "
     "number from 0 to 9223372036854775807)\n",
     "retain: '\\'q.csv':2: error: field 'end': not a whole number: "
     "'9x' (expected a whole number from 0 to 9223372036854775807)\n"},
    {"a quote in a value is escaped",
     {"batch", "-f", "tsv"},
     "start,end,new\n\"9', '1\",5,1\n",
     1,
     "start\tend\tnew\t" TSV_FIGURES "\n"
     "9', '1\t5\t1\t\t\t\t\t\t\tfield 'start': not a whole number: "
     "'9\\\\', \\\\'1' (expected a whole number from 0 to "
     "9223372036854775807)\n",
     "retain: " STDIN ":2: error: field 'start': not a whole number: "
     "'9\\', \\'1' (expected a whole number from 0 to "
     "9223372036854775807)\n"},
    {"a quote in a column name is escaped",
     {"batch"},
     "\"a', '\",b\n1,2\n",
     2,
     "",
     "retain: " STDIN ":1: error: no start column: expected one named start "
     "or s in any case, or --start-col NAME (the columns are 'a\\', \\'', "
     "'b')\n"},
    {"a line break in a file named twice",
     {"batch", "bad\nname.csv", "./bad\nname.csv"},
     NULL,
     2,
     "",
     "retain: './bad\\nname.csv' is the same file as 'bad\\nname.csv' "
     "(expected each input once: its rows would be counted twice)\n"},
    {"a line break in a missing file's name",
     {"batch", "no\nsuch.csv"},
     NULL,
     2,
     "",
     "retain: 'no\\nsuch.csv': cannot open: No such file or directory\n"},
    {"a line break in a missing ID list's name",
     {"ids", "no\nsuch.txt", "ids.csv"},
     NULL,
     2,
     "",
     "retain: 'no\\nsuch.txt': cannot open: No such file or directory\n"},
    {"a line break in an ID list named twice",
     {"ids", "bad\nname.csv", "./bad\nname.csv"},
     NULL,
     2,
     "",
     "retain: END_FILE './bad\\nname.csv' is the same file as START_FILE "
     "'bad\\nname.csv' (expected two different lists)\n"},
    {"a line break in an output file's name",
     {"batch", "--summary-file", "bad\nname.csv", "bad\nname.csv"},
     NULL,
     2,
     "",
     "retain: option --summary-file: 'bad\\nname.csv': the same file as the "
     "input 'bad\\nname.csv' (expected an output file that is not an "
     "input)\n"},

    /* One ID per line cannot hold an ID with a line break. */
    {"an ID with a line break is not listed",
     {"ids", "--id-column", "id", "--list", "retained", "ids.csv", "ids2.csv"},
     NULL,
     2,
     "",
     "retain: ids.csv: error: the retained ID 'a\\nb' holds a line break, and "
     "the list has one ID per line (expected IDs without line breaks to list "
     "them)\n"},
    {"an ID with a line break is counted",
     {"ids", "--id-column", "id", "-f", "csv", "ids.csv", "ids2.csv"},
     NULL,
     0,
     "start,end,new," FIGURES "\n2,2,0,2,0,100.00,0.00,100.00,0.00,\n",
     ""},
    {"revenue to a full device",
     {"revenue", "--start-mrr", "1", "--expansion", "0", "--contraction", "0",
      "--churned", "0"},
     "",
     3,
     "",
     "retain: write error on standard output: No space left on device\n",
     RUN_DEV_FULL},
    {"revenue to a reader gone",
     {"revenue", "--start-mrr", "1", "--expansion", "0", "--contraction", "0",
      "--churned", "0"},
     "",
     3,
     "",
     "retain: write error on standard output: Broken pipe\n",
     RUN_CLOSED_PIPE_SIGPIPE_IGNORED},
};

static void write_bytes(const char *name, const char *data, size_t len)
{
    FILE *f = fopen(name, "wb");

    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        exit(1);
}

/* A literal's bytes, NULs included, without the one that ends it. */
#define WRITE_LITERAL(name, literal)                                           \
    write_bytes(name, literal, sizeof literal - 1)

/* "start,end,new,note" and one row whose note is 100 MB of 'x'. */
static void write_big_line(void)
{
    FILE *f = fopen("long.csv", "wb");
    char block[65536];
    size_t left = BIG_LINE;

    if (!f)
        exit(1);
    memset(block, 'x', sizeof block);
    fputs("start,end,new,note\n1000,900,200,", f);
    while (left > 0) {
        size_t n = left < sizeof block ? left : sizeof block;
        fwrite(block, 1, n, f);
        left -= n;
    }
    fputs("\n", f);
    if (fclose(f) != 0)
        exit(1);
}

/* A header of three columns, then a row of 10^7 fields. */
static void write_wide_row(void)
{
    FILE *f = fopen("wide.csv", "wb");
    int i;

    if (!f)
        exit(1);
    fputs("start,end,new\n1,1,1", f);
    for (i = 3; i < WIDE_ROW; i++)
        putc(',', f);
    fputs("\n", f);
    if (fclose(f) != 0)
        exit(1);
}

/*
 * The 100 MB line passes through whole, with its figures after it.  Under
 * valgrind (the memcheck stage's time budget: 6 s) it runs without it; the
 * sanitizer stage runs it under AddressSanitizer.
 */
static void test_big_line(void **state)
{
    const char *args[] = {"batch", "long.csv", NULL};
    const char *tail = ",700,300,70.00,30.00,90.00,10.00,\n";
    size_t head = strlen("start,end,new,note," FIGURES "\n");
    struct run_result r;
    char *wrapper = run_unwrap(true);

    (void)state;
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    run_rewrap(wrapper);
    assert_string_equal(r.err, "");
    assert_int_equal(r.status, 0);
    assert_int_equal(r.out_len,
                     head + strlen("1000,900,200,") + BIG_LINE + strlen(tail));
    assert_memory_equal(r.out + r.out_len - strlen(tail), tail, strlen(tail));
    run_result_free(&r);
}

/* A row of 10^7 fields is one row of the header's width, its extra fields
   left out and reported once.  Without valgrind, as the 100 MB line. */
static void test_wide_row(void **state)
{
    const char *args[] = {"batch", "-f", "json", "wide.csv", NULL};
    const char *start = "{\"start\":\"1\",\"end\":\"1\",\"new\":\"1\","
                        "\"retained\":0,";
    struct run_result r;
    size_t lines = 0, i;
    char *wrapper = run_unwrap(true);

    (void)state;
    assert_int_equal(run_retain(args, NULL, NULL, RUN_CAPTURE, &r), 0);
    run_rewrap(wrapper);
    assert_string_equal(r.err, "retain: wide.csv:2: warning: the row has "
                               "10000000 fields, the header 3: the last "
                               "9999997 are left out: '', '', '', '', '', "
                               "...\n");
    assert_int_equal(r.status, 0);
    assert_memory_equal(r.out, start, strlen(start));
    for (i = 0; i < r.out_len; i++)
        lines += r.out[i] == '\n';
    assert_int_equal(lines, 1);
    run_result_free(&r);
}

/*
 * Found by fuzz_cli: a column name of unprintable bytes (quoted, 293
 * characters) after short ones overran the list of columns in the message
 * when no start column was found.  The list now holds whole names only,
 * then "...".
 */
static void test_unprintable_name(void **state)
{
    static const char *const args[] = {"batch", NULL};
    char header[30 * 4 + 100 + 8], list[400], expected[800];
    struct run_result r;
    size_t n = 0, used = 0;
    int i;

    (void)state;
    for (i = 1; i <= 30; i++) {
        n += (size_t)sprintf(header + n, "n%02d,", i);
        used += (size_t)sprintf(list + used, "'n%02d', ", i);
    }
    memset(header + n, '\x01', 100);
    strcpy(header + n + 100, ",end\n");
    snprintf(expected, sizeof expected,
             "retain: " STDIN ":1: error: no start column: expected one named "
             "start or s in any case, or --start-col NAME (the columns are "
             "%.*s, ...)\n",
             (int)(used - 2), list);
    assert_int_equal(run_retain(args, header, NULL, RUN_CAPTURE, &r), 0);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_string_equal(r.err, expected);
    run_result_free(&r);
}

/*
 * Batch output fed back in: CSV made TSV and back again keeps every byte of
 * the columns that pass through, tabs, line breaks and backslashes too.
 */
static void test_tsv_round_trip(void **state)
{
    static const char *const to_tsv[] = {"batch", "-f", "tsv", "round.csv",
                                         NULL};
    static const char *const to_csv[] = {"batch", "-f", "csv", "round.tsv",
                                         NULL};
    static const char *const rows[] = {"a\tb,10,9,1,", "\"x\ny\r\nz\",10,9,1,",
                                       "C:\\d\\\\n,10,9,1,"};
    struct run_result r;
    const char *p;
    size_t i;

    (void)state;
    assert_int_equal(run_retain(to_tsv, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_int_equal(r.status, 0);
    write_bytes("round.tsv", r.out, r.out_len);
    run_result_free(&r);
    assert_int_equal(run_retain(to_csv, NULL, NULL, RUN_CAPTURE, &r), 0);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    p = strchr(r.out, '\n') + 1;
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        assert_memory_equal(p, rows[i], strlen(rows[i]));
        p = strchr(p + strlen(rows[i]), '\n') + 1;
    }
    assert_int_equal(*p, '\0');
    run_result_free(&r);
}

/* Each row; under valgrind every fourth one (cli_row_check_sampled()). */
static void test_fault_row(void **state)
{
    const struct cli_row *c = *state;

    cli_row_check_sampled(c, (size_t)(c - fault_cases), 4);
}

int main(void)
{
    char dir[] = "/tmp/retain-faults-XXXXXX";
    const struct CMUnitTest big[] = {cmocka_unit_test(test_big_line),
                                     cmocka_unit_test(test_wide_row),
                                     cmocka_unit_test(test_unprintable_name),
                                     cmocka_unit_test(test_tsv_round_trip)};

    memset(ten_thousand_digits, '1', 10000);
    run_enter_fresh_dir(dir);
    WRITE_LITERAL("nul.csv", "start,end,new\n10,9\0,1\n");
    WRITE_LITERAL("utf8.csv", "seg,start,end,new\n\xff\xfe\xc3\xa9,10,9,1\n");
    WRITE_LITERAL("nul0.csv", "start,end,new\n10,9\0"
                              "0,1\n");
    WRITE_LITERAL("scripts.csv", "segment,start,end,new\n"
                                 "中文客户,100,90,10\n"
                                 "Ελλάδα,100,90,10\n"
                                 "עברית,100,90,10\n"
                                 "Árvíztűrő,100,90,10\n"
                                 "e\xcc\x81te,100,90,10\n"
                                 "ＡＢＣ,100,90,10\n"
                                 "😀,100,90,10\n"
                                 "\xff\xfe"
                                 "ab,100,90,10\n"
                                 "\"a\tb\\\\c\",100,90,10\n");
    WRITE_LITERAL("bad\nname.csv", "start,end,new\n10,9x,1\n");
    WRITE_LITERAL("'q.csv", "start,end,new\n10,9x,1\n");
    WRITE_LITERAL("ids.csv", "id\n\"a\nb\"\nc\n");
    WRITE_LITERAL("round.csv", "seg,start,end,new\n\"a\tb\",10,9,1\n"
                               "\"x\ny\r\nz\",10,9,1\nC:\\d\\\\n,10,9,1\n");
    WRITE_LITERAL("ids2.csv", "id\nc\n\"a\nb\"\n");
    write_big_line();
    write_wide_row();
    return TABLE_RUN("faults", fault_cases, test_fault_row) |
           cmocka_run_group_tests_name("faults, big", big, NULL, NULL);
}
