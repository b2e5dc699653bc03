/*
 * test_describe.c - how messages quote values and name files.
 *
 * A value is quoted and escaped as utf8.h says, and cut after 72 bytes or
 * when its escapes fill the buffer; a file name is shown bare unless it
 * holds a byte that must be escaped, so that "periods.csv:12:" reads as
 * it always has and a line break cannot split a message.
 */
#include <stdio.h>
#include <string.h>

#include "describe.h"
#include "table.h"

struct quote_case {
    const char *name;
    const char *input;
    size_t len; /* 0: strlen(input) */
    const char *quoted;
};

static const struct quote_case value_cases[] = {
    {"plain", "9o0", 0, "'9o0'"},
    {"empty", "", 0, "''"},
    {"NUL then a digit",
     "9\0"
     "0",
     3, "'9\\x{00}0'"},
    {"tab and line break", "a\tb\n", 0, "'a\\tb\\n'"},
    {"backslash", "a\\x41", 0, "'a\\\\x41'"},
    {"quote inside is escaped", "1'000", 0, "'1\\'000'"},
    {"a quoted list stays one value", "9', '1", 0, "'9\\', \\'1'"},
    {"Chinese as it is", "九百", 0, "'九百'"},
    {"invalid UTF-8",
     "\xff"
     "1",
     0, "'\\x{ff}1'"},
    {"bidirectional override",
     "\xe2\x80\xae"
     "1",
     0, "'\\u{202e}1'"},
    {"cut after 72 bytes",
     "1111111111111111111111111111111111111111111111111111111111111111111111"
     "111",
     0,
     "'1111111111111111111111111111111111111111111111111111111111111111111111"
     "11...'"},
    {"a character is never cut in two",
     "1111111111111111111111111111111111111111111111111111111111111111111111"
     "1中",
     0,
     "'1111111111111111111111111111111111111111111111111111111111111111111111"
     "1...'"},
    {"escapes cut when the buffer is full",
     "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01"
     "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01"
     "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01",
     0,
     "'\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}"
     "\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}"
     "\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}"
     "\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}"
     "\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}\\x{01}...'"},
};

static void test_value(void **state)
{
    const struct quote_case *c = *state;
    char buf[RT_QUOTE_SIZE];

    rt_quote_value(c->input, c->len ? c->len : strlen(c->input), buf,
                   sizeof buf);
    assert_string_equal(buf, c->quoted);
}

static const struct quote_case name_cases[] = {
    {"plain", "periods.csv", 0, "periods.csv"},
    {"spaces stay bare", "my data.csv", 0, "my data.csv"},
    {"a quote inside: quoted and escaped", "my o'data.csv", 0,
     "'my o\\'data.csv'"},
    {"Windows path stays bare", "C:\\data\\q.csv", 0, "C:\\data\\q.csv"},
    {"UTF-8 stays bare", "客户.csv", 0, "客户.csv"},
    {"line break: quoted and escaped", "bad\nname.csv", 0, "'bad\\nname.csv'"},
    {"a backslash in a quoted name is doubled", "a\\b\tc", 0, "'a\\\\b\\tc'"},
    {"invalid UTF-8", "\xff.csv", 0, "'\\x{ff}.csv'"},
    {"a leading quote is quoted", "'x'", 0, "'\\'x\\''"},
    {"a quote and a backslash", "a\\'", 0, "'a\\\\\\''"},
    {"long names are not cut",
     "a-very-long-directory-name/another-long-directory-name/and-a-file-name"
     "-too.csv",
     0,
     "a-very-long-directory-name/another-long-directory-name/and-a-file-name"
     "-too.csv"},
};

static void test_name(void **state)
{
    const struct quote_case *c = *state;
    char buf[RT_NAME_SIZE];

    assert_string_equal(rt_quote_name(c->input, buf, sizeof buf), c->quoted);
}

int main(void)
{
    return TABLE_RUN("quoted values", value_cases, test_value) |
           TABLE_RUN("file names", name_cases, test_name);
}
