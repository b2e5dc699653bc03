/* test_count.c - strict count parsing and the suggested spelling. */
#include <string.h>

#include "retain.h"
#include "table.h"

struct parse_case {
    const char *name;
    const char *text;
    enum rt_status status;
    uint64_t value;
};

static const struct parse_case parse_cases[] = {
    {"zero", "0", RT_OK, 0},
    {"plain", "1000", RT_OK, 1000},
    {"leading zeros", "007", RT_OK, 7},
    {"largest", "9223372036854775807", RT_OK, RT_COUNT_MAX},
    {"2^63", "9223372036854775808", RT_ERR_RANGE, 0},
    {"twenty nines", "99999999999999999999", RT_ERR_RANGE, 0},
    {"huge then letter", "99999999999999999999x", RT_ERR_NOT_NUMBER, 0},
    {"empty", "", RT_ERR_EMPTY, 0},
    {"letter inside", "12x", RT_ERR_NOT_NUMBER, 0},
    {"typo o for 0", "9o0", RT_ERR_NOT_NUMBER, 0},
    {"negative", "-5", RT_ERR_NEGATIVE, 0},
    {"minus one", "-1", RT_ERR_NEGATIVE, 0},
    {"plus", "+5", RT_ERR_PLUS, 0},
    {"fraction", "1.5", RT_ERR_FRACTION, 0},
    {"decimal comma", "1,5", RT_ERR_FRACTION, 0},
    {"exponent", "1e3", RT_ERR_EXPONENT, 0},
    {"exponent upper", "1E3", RT_ERR_EXPONENT, 0},
    {"hex", "0x10", RT_ERR_HEX, 0},
    {"leading space", " 5", RT_ERR_SPACE, 0},
    {"trailing newline", "5\n", RT_ERR_SPACE, 0},
    {"inner tab", "5\t6", RT_ERR_SPACE, 0},
    {"comma groups", "1,000", RT_ERR_SEPARATOR, 0},
    {"underscore groups", "1_000_000", RT_ERR_SEPARATOR, 0},
    {"apostrophe groups", "1'000", RT_ERR_SEPARATOR, 0},
    {"space groups", "1 000", RT_ERR_SEPARATOR, 0},
    {"bad grouping", "10,00", RT_ERR_FRACTION, 0},
    {"word", "abc", RT_ERR_NOT_NUMBER, 0},
    {"infinity", "inf", RT_ERR_NOT_NUMBER, 0},
    {"hex upper", "0X1F", RT_ERR_HEX, 0},
    {"zero then letter", "0y", RT_ERR_NOT_NUMBER, 0},
    {"a lone e", "e5", RT_ERR_NOT_NUMBER, 0},
    {"e after a letter", "ae5", RT_ERR_NOT_NUMBER, 0},
    {"carriage return after", "5\r", RT_ERR_SPACE, 0},
    {"vertical tab before", "\v5", RT_ERR_SPACE, 0},
    {"form feed after", "5\f", RT_ERR_SPACE, 0},
    {"mixed separators", "1,000_000", RT_ERR_FRACTION, 0},
    {"a separator first", ",100", RT_ERR_FRACTION, 0},
    {"a short later group", "1,000,00", RT_ERR_FRACTION, 0},
    {"a long later group", "1_0000", RT_ERR_NOT_NUMBER, 0},
    {"a separator last", "1'", RT_ERR_NOT_NUMBER, 0},
};

static void test_parse(void **state)
{
    const struct parse_case *c = *state;
    uint64_t value = 12345;

    assert_int_equal(rt_count_parse(c->text, strlen(c->text), &value),
                     c->status);
    assert_int_equal(value, c->status == RT_OK ? c->value : 12345);
}

struct suggest_case {
    const char *name;
    const char *text;
    const char *suggestion; /* NULL: none */
};

static const struct suggest_case suggest_cases[] = {
    {"plus", "+5", "5"},
    {"spaces", "  42 ", "42"},
    {"thousands", "1,000,000", "1000000"},
    {"plus and thousands", "+1_000", "1000"},
    {"already plain", "1000", NULL},
    {"decimal comma", "1,5", NULL},
    {"negative", "-5", NULL},
    {"letters", "12x", NULL},
    {"too large", "+99999999999999999999", NULL},
    {"empty", "", NULL},
};

static void test_suggest(void **state)
{
    const struct suggest_case *c = *state;
    char buf[RT_NUMBER_TEXT_SIZE] = "";
    bool found = rt_count_suggest(c->text, strlen(c->text), buf, sizeof buf);

    if (!c->suggestion) {
        assert_false(found);
        return;
    }
    assert_true(found);
    assert_string_equal(buf, c->suggestion);
}

static void test_not_nul_terminated(void **state)
{
    uint64_t value = 0;

    (void)state;
    assert_int_equal(rt_count_parse("1234xyz", 4, &value), RT_OK);
    assert_int_equal(value, 1234);
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_not_nul_terminated)};

    return TABLE_RUN("count parse", parse_cases, test_parse) +
           TABLE_RUN("count suggest", suggest_cases, test_suggest) +
           cmocka_run_group_tests_name("count length", plain, NULL, NULL);
}
