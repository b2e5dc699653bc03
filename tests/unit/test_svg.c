/*
 * test_svg.c - the bytes every chart is made of (src/chart/svg.c).
 *
 * User text is escaped and made valid UTF-8 whatever it holds; numbers
 * are tenths of a pixel written without locale or exponent; scaling
 * rounds half away from zero; widths and truncation are estimates that
 * must come out the same everywhere.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "svg.h"
#include "table.h"

/* The bytes a memory sink collected, NUL-terminated in place. */
static const char *collected(struct rt_sink *sink)
{
    rt_sink_put(sink, '\0');
    assert_false(sink->failed);
    return sink->buf;
}

struct escape_case {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen(input) */
    const char *expected;
};

static const struct escape_case escape_cases[] = {
    {"plain ASCII stays", "smb 2024", 0, "smb 2024"},
    {"the five specials", "a&b<c>d\"e'f", 0, "a&amp;b&lt;c&gt;d&quot;e&apos;f"},
    {"a tag cannot be injected", "</text><script>", 0,
     "&lt;/text&gt;&lt;script&gt;"},
    {"an entity is escaped again", "&amp;", 0, "&amp;amp;"},
    {"UTF-8 kept", "Árvíztűrő 中文 \xf0\x9f\x98\x80", 0,
     "Árvíztűrő 中文 \xf0\x9f\x98\x80"},
    {"invalid bytes: one U+FFFD each",
     "a\xff\xfe"
     "b",
     0,
     "a\xef\xbf\xbd\xef\xbf\xbd"
     "b"},
    {"overlong and surrogate", "\xc0\xaf\xed\xa0\x80", 0,
     "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
    {"cut short at the end", "x\xe4\xb8", 0, "x\xef\xbf\xbd\xef\xbf\xbd"},
    {"NUL, tab, line feed, escape, DEL",
     "a\0b\tc\nd\x1b"
     "e\x7f",
     10,
     "a\xef\xbf\xbd"
     "b\xef\xbf\xbd"
     "c\xef\xbf\xbd"
     "d\xef\xbf\xbd"
     "e\xef\xbf\xbd"},
    {"C1 control", "\xc2\x85", 0, "\xef\xbf\xbd"},
    {"U+FFFE and U+FFFF are not XML", "\xef\xbf\xbe\xef\xbf\xbf", 0,
     "\xef\xbf\xbd\xef\xbf\xbd"},
    {"U+FFFD itself stays", "\xef\xbf\xbd", 0, "\xef\xbf\xbd"},
    {"a right-to-left override cannot reorder a label",
     "\xe2\x80\xae"
     "abc",
     0,
     "\xef\xbf\xbd"
     "abc"},
    {"zero-width space and line separator", "a\xe2\x80\x8b\xe2\x80\xa8", 0,
     "a\xef\xbf\xbd\xef\xbf\xbd"},
    {"empty", "", 0, ""},
};

static void test_escape(void **state)
{
    const struct escape_case *c = *state;
    size_t len = c->len ? c->len : strlen(c->input);
    struct rt_sink sink;
    struct rt_svg svg = {&sink};

    rt_sink_init_memory(&sink);
    rt_svg_text_escaped(&svg, c->input, len);
    assert_string_equal(collected(&sink), c->expected);
    rt_sink_free(&sink);
}

struct number_case {
    const char *name;
    long tenths;
    const char *expected;
};

static const struct number_case number_cases[] = {
    {"zero", 0, "0"},
    {"whole", 120, "12"},
    {"a tenth", 123, "12.3"},
    {"below one", 5, "0.5"},
    {"negative", -35, "-3.5"},
    {"negative below one", -5, "-0.5"},
    {"negative whole", -10, "-1"},
    {"large, no exponent", 1000000000L, "100000000"},
    {"long's least value", -2147483647L - 1, "-214748364.8"},
};

static void test_number(void **state)
{
    const struct number_case *c = *state;
    struct rt_sink sink;
    struct rt_svg svg = {&sink};

    rt_sink_init_memory(&sink);
    rt_svg_number(&svg, c->tenths);
    assert_string_equal(collected(&sink), c->expected);
    rt_sink_free(&sink);
}

struct scale_case {
    const char *name;
    long value, from, to, expected;
};

static const struct scale_case scale_cases[] = {
    {"exact", 500000, 1000000, 4000, 2000},
    {"rounds down below a half", 1, 3, 1, 0},
    {"half rounds up", 1, 2, 1, 1},
    {"two thirds rounds up", 2, 3, 1, 1},
    {"negative half rounds away", -1, 2, 1, -1},
    {"negative below a half", -1, 3, 1, 0},
    {"negative range", 1, -2, 3, -2},
    {"zero range gives zero", 7, 0, 10, 0},
    {"full scale", 1000000, 1000000, 100000, 100000},
    {"ppm to tenths, no overflow in 32 bits", 999999, 1000000, 100000, 100000},
    {"one ppm of a tall chart", 1, 1000000, 100000, 0},
    {"five ppm of a tall chart is a half", 5, 1000000, 100000, 1},
    {"x of 200 points", 199, 199, 7000, 7000},
    {"x between", 1, 199, 7000, 35},
};

static void test_scale(void **state)
{
    const struct scale_case *c = *state;

    assert_int_equal(rt_svg_scale(c->value, c->from, c->to), c->expected);
}

struct step_case {
    const char *name;
    size_t needed, expected;
};

static const struct step_case step_cases[] = {
    {"none needed is every one", 0, 1},
    {"one", 1, 1},
    {"two", 2, 2},
    {"three rounds up to five", 3, 5},
    {"six rounds up to ten", 6, 10},
    {"eleven rounds up to twenty", 11, 20},
    {"twenty-one rounds up to fifty", 21, 50},
    {"fifty stays", 50, 50},
    {"fifty-one rounds up to a hundred", 51, 100},
    {"a thousand and one", 1001, 2000},
};

static void test_step(void **state)
{
    const struct step_case *c = *state;

    assert_int_equal(rt_svg_round_step(c->needed), c->expected);
}

struct fit_case {
    const char *name;
    const char *text;
    unsigned font_px;
    long max_tenths;
    long width;        /* rt_svg_text_width() */
    const char *shown; /* rt_svg_text_fit()'s content */
};

static const struct fit_case fit_cases[] = {
    {"fits", "abc", 10, 180, 180, "abc"},
    {"one column short: cut with an ellipsis", "abcd", 10, 230, 240,
     "ab\xe2\x80\xa6"},
    {"wide characters count two", "中文", 10, 240, 240, "中文"},
    {"a wide character is not split", "中文字", 10, 290, 360, "中\xe2\x80\xa6"},
    {"combining marks take none", "e\xcc\x81te", 12, 216, 216, "e\xcc\x81te"},
    {"a format character takes one, as U+FFFD", "\xe2\x80\xae", 10, 60, 60,
     "\xef\xbf\xbd"},
    {"invalid bytes take one each, shown as U+FFFD", "\xff\xff", 10, 120, 120,
     "\xef\xbf\xbd\xef\xbf\xbd"},
    {"escaped after the cut", "<<<<<", 10, 180, 300, "&lt;&lt;\xe2\x80\xa6"},
    {"nothing fits but the ellipsis", "abc", 10, 60, 180, "\xe2\x80\xa6"},
};

static void test_fit(void **state)
{
    const struct fit_case *c = *state;
    struct rt_sink sink;
    struct rt_svg svg = {&sink};
    char expected[256];

    assert_int_equal(rt_svg_text_width(c->text, strlen(c->text), c->font_px),
                     c->width);
    rt_sink_init_memory(&sink);
    rt_svg_text_fit(&svg, 15, -20, "end", "font-size=\"10\"", c->text,
                    c->font_px, c->max_tenths);
    snprintf(expected, sizeof expected,
             "<text x=\"1.5\" y=\"-2\" text-anchor=\"end\" "
             "font-size=\"10\">%s</text>\n",
             c->shown);
    assert_string_equal(collected(&sink), expected);
    rt_sink_free(&sink);
}

/* A whole document: the frame every chart shares. */
static void test_document(void **state)
{
    struct rt_sink sink;
    struct rt_svg svg;

    (void)state;
    rt_sink_init_memory(&sink);
    rt_svg_begin(&svg, &sink, 800, 500, "A & B", "<desc>");
    rt_svg_line(&svg, 0, 5, 100, -5, "stroke=\"#000000\"");
    rt_svg_rect(&svg, 1, 2, 3, 4, NULL);
    rt_svg_text(&svg, 10, 20, NULL, NULL, "x'y");
    rt_svg_end(&svg);
    assert_string_equal(
        collected(&sink),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" "
        "height=\"500\" viewBox=\"0 0 800 500\" role=\"img\" "
        "aria-labelledby=\"rt-title rt-desc\" font-family=\"sans-serif\" "
        "xml:space=\"preserve\">\n"
        "<title id=\"rt-title\">A &amp; B</title>\n"
        "<desc id=\"rt-desc\">&lt;desc&gt;</desc>\n"
        "<rect x=\"0\" y=\"0\" width=\"800\" height=\"500\" "
        "fill=\"#ffffff\"/>\n"
        "<line x1=\"0\" y1=\"0.5\" x2=\"10\" y2=\"-0.5\" "
        "stroke=\"#000000\"/>\n"
        "<rect x=\"0.1\" y=\"0.2\" width=\"0.3\" height=\"0.4\"/>\n"
        "<text x=\"1\" y=\"2\">x&apos;y</text>\n"
        "</svg>\n");
    rt_sink_free(&sink);
}

int main(void)
{
    const struct CMUnitTest document[] = {cmocka_unit_test(test_document)};
    int failed = 0;

    failed += TABLE_RUN("svg escape", escape_cases, test_escape);
    failed += TABLE_RUN("svg number", number_cases, test_number);
    failed += TABLE_RUN("svg scale", scale_cases, test_scale);
    failed += TABLE_RUN("svg fit", fit_cases, test_fit);
    failed += TABLE_RUN("svg round step", step_cases, test_step);
    failed += cmocka_run_group_tests_name("svg document", document, NULL, NULL);
    return failed ? 1 : 0;
}
