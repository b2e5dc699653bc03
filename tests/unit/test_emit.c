/* test_emit.c - every output format, byte for byte, and the escaping. */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "retain.h"
#include "sink.h"
#include "table.h"

struct emit_case {
    const char *name;
    uint64_t s, e, n;
    bool has_new;
    enum rt_format format;
    bool header;
    const char *expected;
};

#define CSV_HEADER                                                             \
    "start,end,new,retained,lost,retention_rate,churn_rate,"                   \
    "simple_retention_rate,simple_churn_rate,warnings\n"

static const struct emit_case emit_cases[] = {
    {"json", 1000, 900, 200, true, RT_FORMAT_JSON, true,
     "{\"start\":1000,\"end\":900,\"new\":200,\"retained\":700,\"lost\":300,"
     "\"retention_rate\":70.00,\"churn_rate\":30.00,"
     "\"simple_retention_rate\":90.00,\"simple_churn_rate\":10.00,"
     "\"warnings\":[]}\n"},
    {"json unknowns are null", 100, 99, 0, false, RT_FORMAT_JSON, true,
     "{\"start\":100,\"end\":99,\"new\":null,\"retained\":null,\"lost\":null,"
     "\"retention_rate\":null,\"churn_rate\":null,"
     "\"simple_retention_rate\":99.00,\"simple_churn_rate\":1.00,"
     "\"warnings\":[]}\n"},
    {"json warning", 1000, 200, 250, true, RT_FORMAT_JSON, true,
     "{\"start\":1000,\"end\":200,\"new\":250,\"retained\":-50,\"lost\":1050,"
     "\"retention_rate\":-5.00,\"churn_rate\":105.00,"
     "\"simple_retention_rate\":20.00,\"simple_churn_rate\":80.00,"
     "\"warnings\":[\"new (250) is greater than end (200): retained = end - "
     "new = -50, but no count of customers can be negative\"]}\n"},
    {"csv", 1000, 900, 200, true, RT_FORMAT_CSV, true,
     CSV_HEADER "1000,900,200,700,300,70.00,30.00,90.00,10.00,\n"},
    {"csv without header", 1000, 900, 200, true, RT_FORMAT_CSV, false,
     "1000,900,200,700,300,70.00,30.00,90.00,10.00,\n"},
    {"csv unknowns empty", 100, 99, 0, false, RT_FORMAT_CSV, false,
     "100,99,,,,,,99.00,1.00,\n"},
    {"csv warning without comma unquoted", 500, 900, 100, true, RT_FORMAT_CSV,
     false,
     "500,900,100,800,-300,160.00,-60.00,180.00,-80.00,end - new (900 - "
     "100 = 800) is greater than start (500): more customers retained than "
     "there were at the start\n"},
    {"tsv", 1000, 800, 200, true, RT_FORMAT_TSV, true,
     "start\tend\tnew\tretained\tlost\tretention_rate\tchurn_rate\t"
     "simple_retention_rate\tsimple_churn_rate\twarnings\n"
     "1000\t800\t200\t600\t400\t60.00\t40.00\t80.00\t20.00\t\n"},
    {"text", 1000, 900, 200, true, RT_FORMAT_TEXT, true,
     "start (S)              1000\n"
     "end (E)                900\n"
     "new (N)                200\n"
     "retained (E \xe2\x88\x92 N)       700\n"
     "lost (S \xe2\x88\x92 retained)    300\n"
     "retention rate         [(900 \xe2\x88\x92 200) \xc3\xb7 1000] \xc3\x97 "
     "100 = 70.00%\n"
     "churn rate             (300 \xc3\xb7 1000) \xc3\x97 100 = 30.00%\n"
     "simple retention rate  (900 \xc3\xb7 1000) \xc3\x97 100 = 90.00%\n"
     "simple churn rate      [(1000 \xe2\x88\x92 900) \xc3\xb7 1000] \xc3\x97 "
     "100 = 10.00%\n"},
    {"text simple only", 100, 99, 0, false, RT_FORMAT_TEXT, true,
     "start (S)              100\n"
     "end (E)                99\n"
     "new (N)                not given\n"
     "retained (E \xe2\x88\x92 N)       unknown\n"
     "lost (S \xe2\x88\x92 retained)    unknown\n"
     "retention rate         unknown (needs the count of new customers)\n"
     "churn rate             unknown (needs the count of new customers)\n"
     "simple retention rate  (99 \xc3\xb7 100) \xc3\x97 100 = 99.00%\n"
     "simple churn rate      [(100 \xe2\x88\x92 99) \xc3\xb7 100] \xc3\x97 "
     "100 = 1.00%\n"
     "\n"
     "The simple rate cannot tell 1 lost and 0 won from 21 lost and 20 won:\n"
     "both go from 100 to 99. Give the count of new customers (N) for the\n"
     "retention rate.\n"},
};

#define MD_HEADER                                                              \
    "| start | end | new | retained | lost | retention_rate | churn_rate | "   \
    "simple_retention_rate | simple_churn_rate |\n"                            \
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"

static const struct emit_case markdown_cases[] = {
    {"markdown", 1000, 900, 200, true, RT_FORMAT_MARKDOWN, true,
     MD_HEADER "| 1000 | 900 | 200 | 700 | 300 | 70.00 | 30.00 | 90.00 | "
               "10.00 |\n"},
    /* The library may leave the header out: rows to add to a table. */
    {"markdown without header, unknowns empty", 100, 99, 0, false,
     RT_FORMAT_MARKDOWN, false, "| 100 | 99 | | | | | | 99.00 | 1.00 |\n"},
    {"markdown warning listed below", 1000, 200, 250, true, RT_FORMAT_MARKDOWN,
     true,
     MD_HEADER "| 1000 | 200 | 250 | -50 | 1050 | -5.00 | 105.00 | 20.00 | "
               "80.00 |\n"
               "\n"
               "- new (250) is greater than end (200): retained = end - new = "
               "-50, but no count of customers can be negative\n"},
};

static void test_emit(void **state)
{
    const struct emit_case *c = *state;
    struct rt_counts counts = {c->s, c->e, c->n, c->has_new};
    struct rt_figures f;
    FILE *out = tmpfile();
    char *text;

    assert_non_null(out);
    assert_int_equal(rt_figures_compute(&counts, 2, &f), RT_OK);
    assert_int_equal(rt_emit_figures(out, c->format, &f, c->header), RT_OK);
    text = table_slurp(out);
    assert_string_equal(text, c->expected);
    free(text);
    fclose(out);
}

struct escape_case {
    const char *name;
    const char *input;
    size_t len;
    const char *json, *csv, *tsv, *semicolon;
    size_t raw_len; /* the csv and tsv lengths where they hold a NUL */
};

#define U_FFFD "\\ufffd"

static const struct escape_case escape_cases[] = {
    {"plain", "abc", 3, "\"abc\"", "abc", "abc", "abc"},
    {"comma", "a,b", 3, "\"a,b\"", "\"a,b\"", "a,b", "a,b"},
    {"semicolon", "a;b", 3, "\"a;b\"", "a;b", "a;b", "\"a;b\""},
    {"quote", "say \"hi\"", 8, "\"say \\\"hi\\\"\"", "\"say \"\"hi\"\"\"",
     "say \"hi\"", "\"say \"\"hi\"\"\""},
    /* TSV cannot quote: it escapes as PostgreSQL's text format does. */
    {"line break", "a\nb\rc", 5, "\"a\\nb\\rc\"", "\"a\nb\rc\"", "a\\nb\\rc",
     "\"a\nb\rc\""},
    {"tab", "a\tb", 3, "\"a\\tb\"", "a\tb", "a\\tb", "a\tb"},
    {"backslash", "a\\b", 3, "\"a\\\\b\"", "a\\b", "a\\\\b", "a\\b"},
    {"escapes next to each other", "\\\t\\t\n", 5, "\"\\\\\\t\\\\t\\n\"",
     "\"\\\t\\t\n\"", "\\\\\\t\\\\t\\n", "\"\\\t\\t\n\""},
    {"control and NUL", "\x01\0z", 3, "\"\\u0001\\u0000z\"", "\x01\0z",
     "\x01\0z", "\x01\0z", 3},
    {"invalid UTF-8: replaced in JSON, kept in CSV", "\xff\xfe", 2,
     "\"\\ufffd\\ufffd\"", "\xff\xfe", "\xff\xfe", "\xff\xfe"},
    {"UTF-8 of every length", "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9,
     "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"",
     "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
     "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
     "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"},
    {"overlong, surrogate, cut short", "\xc0\xaf\xed\xa0\x80\xe2\x82", 7,
     "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"",
     "\xc0\xaf\xed\xa0\x80\xe2\x82", "\xc0\xaf\xed\xa0\x80\xe2\x82",
     "\xc0\xaf\xed\xa0\x80\xe2\x82"},
    {"overlong, above U+10FFFF, a bad second byte",
     "\xe0\x80\xaf\xf0\x80\x80\x80\xf4\x90\x80\x80\xc3(", 13,
     "\"" U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD U_FFFD
         U_FFFD U_FFFD "(\"",
     "\xe0\x80\xaf\xf0\x80\x80\x80\xf4\x90\x80\x80\xc3(",
     "\xe0\x80\xaf\xf0\x80\x80\x80\xf4\x90\x80\x80\xc3(",
     "\xe0\x80\xaf\xf0\x80\x80\x80\xf4\x90\x80\x80\xc3("},
    {"the last before the surrogates and the very last, and DEL",
     "\xed\x9f\xbf\xf4\x8f\xbf\xbf\x7f", 8,
     "\"\xed\x9f\xbf\xf4\x8f\xbf\xbf\\u007f\"",
     "\xed\x9f\xbf\xf4\x8f\xbf\xbf\x7f", "\xed\x9f\xbf\xf4\x8f\xbf\xbf\x7f",
     "\xed\x9f\xbf\xf4\x8f\xbf\xbf\x7f"},
};

static void expect_bytes(FILE *out, const char *expected, size_t len)
{
    char buf[128];

    rewind(out);
    assert_int_equal(fread(buf, 1, sizeof buf, out), len);
    assert_memory_equal(buf, expected, len);
}

/* Writes one field through a sink into a temporary file. */
static FILE *write_escaped(const struct escape_case *c, char delimiter)
{
    static struct rt_sink sink;
    FILE *out = tmpfile();

    assert_non_null(out);
    rt_sink_init(&sink, out);
    if (delimiter == 0)
        rt_sink_json_string(&sink, c->input, c->len);
    else
        rt_sink_field(&sink, c->input, c->len, delimiter);
    assert_true(rt_sink_flush(&sink));
    return out;
}

static void test_escape(void **state)
{
    const struct escape_case *c = *state;
    const char delimiters[] = {0, ',', '\t', ';'};
    const char *expected[] = {c->json, c->csv, c->tsv, c->semicolon};
    unsigned i;

    for (i = 0; i < 4; i++) {
        FILE *out = write_escaped(c, delimiters[i]);
        size_t len = i > 0 && c->raw_len ? c->raw_len : strlen(expected[i]);

        expect_bytes(out, expected[i], len);
        fclose(out);
    }
}

/* A Markdown cell: nothing may end the row, add a cell or start markup. */
struct markdown_case {
    const char *name;
    const char *input;
    size_t len;
    const char *cell; /* the line "| ... |\n" of the one cell */
    const char *item; /* the list item "- ...\n" */
};

static const struct markdown_case markdown_escape_cases[] = {
    {"plain", "abc", 3, "| abc |\n", "- abc\n"},
    {"empty", "", 0, "| |\n", "- \n"},
    {"pipe", "a|b", 3, "| a\\|b |\n", "- a\\|b\n"},
    /* The backslash is shown as \\ and each of its two escaped, so the
       pipe after it stays escaped. */
    {"backslash before a pipe", "a\\|b", 4, "| a\\\\\\\\\\|b |\n",
     "- a\\\\\\\\\\|b\n"},
    {"backslash at the end", "w\\", 2, "| w\\\\\\\\ |\n", "- w\\\\\\\\\n"},
    {"markup", "`*~[]<>&!$", 10, "| \\`\\*\\~\\[\\]\\<\\>\\&\\!\\$ |\n",
     "- \\`\\*\\~\\[\\]\\<\\>\\&\\!\\$\n"},
    {"underscores: inside a word kept, else escaped", "_a_b__c_", 8,
     "| \\_a_b\\_\\_c\\_ |\n", "- \\_a_b\\_\\_c\\_\n"},
    {"line breaks and a tab", "a\nb\rc\t", 6, "| a\\\\nb\\\\rc\\\\t |\n",
     "- a\\\\nb\\\\rc\\\\t\n"},
    {"NUL, invalid UTF-8, a bidi override", "\0\xff\xe2\x80\xae", 5,
     "| \\\\x{00}\\\\x{ff}\\\\u{202e} |\n",
     "- \\\\x{00}\\\\x{ff}\\\\u{202e}\n"},
    {"UTF-8 as it is", "\xc3\xa9\xe2\x82\xac", 5, "| \xc3\xa9\xe2\x82\xac |\n",
     "- \xc3\xa9\xe2\x82\xac\n"},
    /* GitHub's renderer links URLs and "www." and shows :name: as emoji. */
    {"a URL", "https://x.y", 11, "| https\\://x.y |\n", "- https\\://x.y\n"},
    {"www. in any case", "WwW.x www.y", 11, "| WwW\\.x www\\.y |\n",
     "- WwW\\.x www\\.y\n"},
    {"an emoji code", ":smile:", 7, "| \\:smile: |\n", "- \\:smile:\n"},
    {"other colons stay", "a: b:c f:4: 10:30 :x :", 22,
     "| a: b:c f:4: 10:30 :x : |\n", "- a: b:c f:4: 10:30 :x :\n"},
    {"an emoji code of signs and digits", ":+1: :1st_place:", 16,
     "| \\:+1: \\:1st_place: |\n", "- \\:+1: \\:1st_place:\n"},
    {"a dot not after www stays", "awww.b.c", 8, "| awww\\.b.c |\n",
     "- awww\\.b.c\n"},
    /* A list item must not open a block of its own. */
    {"heading", "# x", 3, "| # x |\n", "- \\# x\n"},
    {"nested lists", "+ x", 3, "| + x |\n", "- \\+ x\n"},
    {"a dash", "- x", 3, "| - x |\n", "- \\- x\n"},
    {"setext line", "=", 1, "| = |\n", "- \\=\n"},
    {"ordered list", "12. x", 5, "| 12. x |\n", "- 12\\. x\n"},
    {"ordered list with a parenthesis", "3) x", 4, "| 3) x |\n", "- 3\\) x\n"},
    {"digits alone", "42", 2, "| 42 |\n", "- 42\n"},
    {"indented code", "    x", 5, "|     x |\n", "- &#32;   x\n"},
};

static void test_markdown_escape(void **state)
{
    const struct markdown_case *c = *state;
    static struct rt_sink sink;
    struct rt_row row;

    rt_sink_init_memory(&sink);
    assert_true(rt_row_init(&row, RT_FORMAT_MARKDOWN, &sink, NULL));
    rt_row_begin(&row);
    rt_row_text(&row, "name", c->input, c->len, true);
    rt_row_end(&row);
    assert_true(rt_row_free(&row));
    assert_int_equal(sink.len, strlen(c->cell));
    assert_memory_equal(sink.buf, c->cell, sink.len);
    rt_sink_reset(&sink);
    rt_markdown_list_item(&sink, c->input, c->len);
    assert_int_equal(sink.len, strlen(c->item));
    assert_memory_equal(sink.buf, c->item, sink.len);
    rt_sink_free(&sink);
}

/* The delimiter line aligns each column by the kind of its name. */
static void test_markdown_header(void **state)
{
    static struct rt_sink sink;
    static const char expected[] = "| a\\|b | n | r | w |\n"
                                   "| :--- | ---: | ---: | :--- |\n";
    struct rt_row row;

    (void)state;
    rt_sink_init_memory(&sink);
    assert_true(rt_row_init(&row, RT_FORMAT_MARKDOWN, &sink, NULL));
    rt_row_name(&row, "a|b");
    rt_row_name_kind(&row, "n", RT_KIND_COUNT);
    rt_row_name_kind(&row, "r", RT_KIND_RATE);
    rt_row_name_kind(&row, "w", RT_KIND_WARNINGS);
    rt_row_end(&row);
    assert_true(rt_row_free(&row));
    assert_int_equal(sink.len, sizeof expected - 1);
    assert_memory_equal(sink.buf, expected, sink.len);
    rt_sink_free(&sink);
}

static void test_format_names(void **state)
{
    enum rt_format format;

    (void)state;
    assert_true(rt_format_lookup("json", &format));
    assert_int_equal(format, RT_FORMAT_JSON);
    assert_true(rt_format_lookup("tsv", &format));
    assert_int_equal(format, RT_FORMAT_TSV);
    assert_false(rt_format_lookup("JSON", &format));
    assert_false(rt_format_lookup("xml", &format));
}

/* Every writer, in every format, says when the stream fails. */
static void test_write_error(void **state)
{
    static const enum rt_format formats[] = {RT_FORMAT_TEXT, RT_FORMAT_JSON,
                                             RT_FORMAT_CSV, RT_FORMAT_TSV};
    const struct rt_counts counts = {1000, 900, 200, true};
    const struct rt_lifetime_options options = {
        RT_PERIOD_MONTH, RT_PERIOD_YEAR, true, 49900000, 0, 2};
    const struct rt_revenue amounts = {1000000000, 0, 50000000, 0};
    struct rt_figures f;
    struct rt_lifetime lifetime;
    struct rt_revenue_figures revenue;
    FILE *full = fopen("/dev/full", "w");
    size_t i;

    (void)state;
    if (!full)
        skip();
    setvbuf(full, NULL, _IONBF, 0);
    assert_int_equal(rt_figures_compute(&counts, 2, &f), RT_OK);
    assert_int_equal(rt_lifetime_compute(&f, &options, &lifetime), RT_OK);
    assert_int_equal(rt_revenue_compute(&amounts, 2, &revenue), RT_OK);
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        assert_int_equal(rt_emit_figures(full, formats[i], &f, true),
                         RT_ERR_IO);
        clearerr(full);
        assert_int_equal(rt_emit_report(full, formats[i], &f, &lifetime, true),
                         RT_ERR_IO);
        clearerr(full);
        assert_int_equal(rt_emit_revenue(full, formats[i], &revenue, true),
                         RT_ERR_IO);
        clearerr(full);
    }
    fclose(full);
}

/* Compares all that was written to out with expected, and closes it. */
static void expect_text(FILE *out, const char *expected)
{
    char *text = table_slurp(out);

    assert_non_null(text);
    assert_string_equal(text, expected);
    free(text);
    fclose(out);
}

/* The figures of 100 customers kept out of 100, with every option. */
static void infinite_figures(struct rt_figures *f, struct rt_lifetime *lifetime)
{
    const struct rt_counts counts = {100, 100, 0, true};
    const struct rt_lifetime_options options = {
        RT_PERIOD_MONTH, RT_PERIOD_YEAR, true, 10000000, 0, 2};

    assert_int_equal(rt_figures_compute(&counts, 2, f), RT_OK);
    assert_int_equal(rt_lifetime_compute(f, &options, lifetime), RT_OK);
}

/* What an emitter wrote to a temporary file, for the format out of range. */
static void expect_nothing(FILE *out)
{
    rewind(out);
    assert_int_equal(getc(out), EOF);
    fclose(out);
}

/* Out of range: an enum value past its last, or below its first. */
static void test_out_of_range(void **state)
{
    static const int bad[] = {RT_FIELD_COUNT, -1, 1000};
    const struct rt_revenue amounts = {1000000000, 0, 50000000, 0};
    struct rt_figures f;
    struct rt_lifetime lifetime;
    struct rt_revenue_figures revenue;
    char buf[RT_WARNING_TEXT_SIZE] = "x";
    size_t i;

    (void)state;
    infinite_figures(&f, &lifetime);
    assert_int_equal(rt_revenue_compute(&amounts, 2, &revenue), RT_OK);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        FILE *out = tmpfile();

        assert_int_equal(rt_emit_figures(out, (enum rt_format)bad[i], &f, true),
                         RT_ERR_INVALID);
        assert_int_equal(
            rt_emit_report(out, (enum rt_format)bad[i], &f, &lifetime, true),
            RT_ERR_INVALID);
        assert_int_equal(
            rt_emit_revenue(out, (enum rt_format)bad[i], &revenue, true),
            RT_ERR_INVALID);
        expect_nothing(out);
        assert_false(
            rt_field_value(&f, (enum rt_field)bad[i], buf, sizeof buf));
        assert_string_equal(buf, "");
        assert_string_equal(rt_field_name((enum rt_field)bad[i]), "");
        assert_int_equal(
            rt_warning_text(&f, (enum rt_warning)bad[i], buf, sizeof buf), 0);
        assert_string_equal(buf, "");
        assert_int_equal(
            rt_lifetime_warning_text(
                &lifetime, (enum rt_lifetime_warning)bad[i], buf, sizeof buf),
            0);
        assert_string_equal(buf, "");
    }
}

/* Infinite figures in text: "inf", as CSV and TSV have them. */
static void test_infinite_text(void **state)
{
    struct rt_figures f;
    struct rt_lifetime lifetime;
    FILE *out = tmpfile();

    (void)state;
    infinite_figures(&f, &lifetime);
    rt_emit_text_lifetime(out, &f, &lifetime);
    expect_text(out,
                "period                 month; a year is k = 12 months\n"
                "retention per year     (100 \xc3\xb7 100)^12 \xc3\x97 100 = "
                "100.00%\n"
                "churn per year         [1 \xe2\x88\x92 (100 \xc3\xb7 100)^12] "
                "\xc3\x97 100 = 0.00%\n"
                "expected lifetime      1 \xc3\xb7 (0 \xc3\xb7 100) = inf\n"
                "median lifetime        ln 0.5 \xc3\xb7 ln(100 \xc3\xb7 100) = "
                "inf\n"
                "lifetime value         M \xc3\x97 (1 + D) \xc3\xb7 (1 + D "
                "\xe2\x88\x92 r), a margin M counted at the\n"
                "                       start of each period the customer "
                "stays, discounted by D\n"
                "                       = 10.00 \xc3\x97 (1 + 0) \xc3\xb7 (1 "
                "+ 0 \xe2\x88\x92 (100 \xc3\xb7 100)) = inf\n");
}

/*
 * Lifetime options that rt_lifetime_compute() would refuse, put in by
 * hand, still give defined text: an unnamed length is "periods".
 */
static void test_text_period_out_of_range(void **state)
{
    const struct rt_counts counts = {100, 80, 0, true};
    const struct rt_lifetime_options options = {
        RT_PERIOD_NONE, RT_PERIOD_NONE, false, 0, 0, 2};
    struct rt_figures f;
    struct rt_lifetime lifetime;
    FILE *out = tmpfile();

    (void)state;
    assert_int_equal(rt_figures_compute(&counts, 2, &f), RT_OK);
    assert_int_equal(rt_lifetime_compute(&f, &options, &lifetime), RT_OK);
    lifetime.options.period = (enum rt_period)(RT_PERIOD_YEAR + 1);
    lifetime.options.per = (enum rt_period) - 1;
    rt_emit_text_lifetime(out, &f, &lifetime);
    expect_text(out,
                "period                 \n"
                "retention per          (80 \xc3\xb7 100)^1 \xc3\x97 100 = %\n"
                "churn per              [1 \xe2\x88\x92 (80 \xc3\xb7 100)^1] "
                "\xc3\x97 100 = %\n"
                "expected lifetime      1 \xc3\xb7 (20 \xc3\xb7 100) = 5.00 "
                "periods =  years\n"
                "median lifetime        ln 0.5 \xc3\xb7 ln(80 \xc3\xb7 100) = "
                "3.11 periods =  years\n");
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_markdown_header),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_out_of_range),
        cmocka_unit_test(test_infinite_text),
        cmocka_unit_test(test_text_period_out_of_range),
    };

    return TABLE_RUN("emit", emit_cases, test_emit) +
           TABLE_RUN("emit markdown", markdown_cases, test_emit) +
           TABLE_RUN("markdown escape", markdown_escape_cases,
                     test_markdown_escape) +
           TABLE_RUN("escape", escape_cases, test_escape) +
           cmocka_run_group_tests_name("emit edges", plain, NULL, NULL);
}
