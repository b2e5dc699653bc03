/*
 * test_utf8.c - how text is shown to people: the escapes and the columns.
 *
 * Each case gives input bytes, the form they are shown in (the escapes of
 * utf8.h) and the columns a terminal gives them: scripts the seeds of this
 * project are written in (Chinese, Greek, Hebrew, Hungarian), combining
 * marks, fullwidth forms, emoji, the code points either side of each kind
 * of range, controls, format characters and invalid UTF-8.
 */
#include <stdio.h>
#include <string.h>

#include "table.h"
#include "utf8.h"

struct show_case {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen(input) */
    const char *shown;
    size_t columns;
};

static const struct show_case show_cases[] = {
    {"empty", "", 0, "", 0},
    {"ASCII", "smb 2024", 0, "smb 2024", 8},
    {"Chinese: two columns each", "中文客户", 0, "中文客户", 8},
    {"Greek", "Ελλάδα", 0, "Ελλάδα", 6},
    {"Hebrew", "עברית", 0, "עברית", 5},
    {"Hebrew with points: the points take none", "שָׁלוֹם", 0, "שָׁלוֹם", 4},
    {"Hungarian", "Árvíztűrő tükörfúrógép", 0, "Árvíztűrő tükörfúrógép", 22},
    {"combining acute takes none", "e\xcc\x81te", 0, "e\xcc\x81te", 3},
    {"fullwidth forms", "ＡＢＣ１", 0, "ＡＢＣ１", 8},
    {"halfwidth katakana: one column", "\xef\xbd\xb1", 0, "\xef\xbd\xb1", 1},
    {"ideographic space is wide", "\xe3\x80\x80", 0, "\xe3\x80\x80", 2},
    {"Hangul syllable and conjoining jamo",
     "\xea\xb0\x80\xe1\x84\x80\xe1\x85\xa1", 0,
     "\xea\xb0\x80\xe1\x84\x80\xe1\x85\xa1", 4},
    {"emoji is wide", "\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80", 2},
    {"CJK extension B", "\xf0\xa0\x80\x80", 0, "\xf0\xa0\x80\x80", 2},
    {"private use and the last code point: one each",
     "\xee\x80\x80\xf4\x8f\xbf\xbf", 0, "\xee\x80\x80\xf4\x8f\xbf\xbf", 2},
    {"edges: U+10FF, U+1100, U+115F, U+1160",
     "\xe1\x83\xbf\xe1\x84\x80\xe1\x85\x9f\xe1\x85\xa0", 0,
     "\xe1\x83\xbf\xe1\x84\x80\xe1\x85\x9f\xe1\x85\xa0", 5},
    {"tab, line feed, carriage return", "a\tb\nc\r", 0, "a\\tb\\nc\\r", 9},
    {"backslash doubled", "C:\\data", 0, "C:\\\\data", 8},
    {"NUL then a digit stays two",
     "9\0"
     "0",
     3, "9\\x{00}0", 8},
    {"escape and DEL", "\x1b[0m\x7f", 0, "\\x{1b}[0m\\x{7f}", 15},
    {"C1 control", "\xc2\x85", 0, "\\u{0085}", 8},
    {"zero-width space and joiner shown",
     "a\xe2\x80\x8b\xe2\x80\x8d"
     "b",
     0, "a\\u{200b}\\u{200d}b", 18},
    {"right-to-left override shown",
     "\xe2\x80\xae"
     "abc",
     0, "\\u{202e}abc", 11},
    {"line separator shown", "\xe2\x80\xa8", 0, "\\u{2028}", 8},
    {"language tag shown", "\xf3\xa0\x80\x81", 0, "\\u{e0001}", 9},
    {"invalid bytes, each escaped",
     "\xff\xfe"
     "ab",
     0, "\\x{ff}\\x{fe}ab", 14},
    {"overlong and surrogate", "\xc0\xaf\xed\xa0\x80", 0,
     "\\x{c0}\\x{af}\\x{ed}\\x{a0}\\x{80}", 30},
    {"cut short at the end", "a\xe4\xb8", 0, "a\\x{e4}\\x{b8}", 13},
};

static void test_show(void **state)
{
    const struct show_case *c = *state;
    size_t len = c->len ? c->len : strlen(c->input), i = 0, n = 0;
    size_t columns = 0;
    char shown[256];

    while (i < len) {
        size_t shown_len, unit_columns;

        i += rt_utf8_show_one(c->input + i, len - i, shown + n, &shown_len,
                              &unit_columns);
        n += shown_len;
        columns += unit_columns;
    }
    shown[n] = '\0';
    assert_string_equal(shown, c->shown);
    assert_int_equal(columns, c->columns);
    assert_int_equal(rt_utf8_width(c->input, len), c->columns);
}

struct decode_case {
    const char *name;
    const char *input;
    size_t avail;
    size_t len;
    uint32_t code;
};

static const struct decode_case decode_cases[] = {
    {"ASCII", "A", 1, 1, 0x41},
    {"two bytes", "\xc3\xa9", 2, 2, 0xe9},
    {"three bytes", "\xe4\xb8\xad", 3, 3, 0x4e2d},
    {"four bytes", "\xf0\x9f\x98\x80", 4, 4, 0x1f600},
    {"last before surrogates", "\xed\x9f\xbf", 3, 3, 0xd7ff},
    {"the very last", "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff},
    {"cut short by avail", "\xe4\xb8\xad", 2, 0, 0},
    {"lone continuation", "\x80", 1, 0, 0},
    {"overlong", "\xc1\xbf", 2, 0, 0},
    {"surrogate", "\xed\xa0\x80", 3, 0, 0},
    {"above U+10FFFF", "\xf4\x90\x80\x80", 4, 0, 0},
};

static void test_decode(void **state)
{
    const struct decode_case *c = *state;
    uint32_t code = 0;

    assert_int_equal(rt_utf8_decode(c->input, c->avail, &code), c->len);
    if (c->len)
        assert_int_equal(code, c->code);
}

int main(void)
{
    return TABLE_RUN("show", show_cases, test_show) |
           TABLE_RUN("decode", decode_cases, test_decode);
}
