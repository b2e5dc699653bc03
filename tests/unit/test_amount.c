/*
 * test_amount.c - money and rates as exact decimals: what is accepted, in
 * millionths, what is refused and how it is described, and how amounts
 * print back.
 */
#include <string.h>

#include "describe.h"
#include "retain.h"
#include "table.h"

struct parse_case {
    const char *name;
    const char *text;
    enum rt_amount_kind kind;
    enum rt_status status;
    uint64_t micros;     /* when RT_OK */
    const char *message; /* when not: rt_amount_describe() */
};

#define MONEY_EXPECTED                                                         \
    "(expected an amount such as 49.90, in digits with up to 6 decimals)"
#define RATE_EXPECTED                                                          \
    "(expected a rate such as 10% or 0.10, with up to 4 decimals before a "    \
    "'%' or 6 after a point)"

static const struct parse_case parse_cases[] = {
    {"whole money", "100000", RT_AMOUNT_MONEY, RT_OK, UINT64_C(100000000000)},
    {"money with cents", "49.90", RT_AMOUNT_MONEY, RT_OK, 49900000},
    {"money with six decimals", "0.000001", RT_AMOUNT_MONEY, RT_OK, 1},
    {"largest money", "9223372036854.775807", RT_AMOUNT_MONEY, RT_OK,
     UINT64_C(9223372036854775807)},
    {"money too large", "9223372036854.775808", RT_AMOUNT_MONEY, RT_ERR_RANGE,
     0,
     "too large: '9223372036854.775808' (the largest is "
     "9223372036854.775807)"},
    {"money with seven decimals", "1.1234567", RT_AMOUNT_MONEY, RT_ERR_DECIMALS,
     0, "too many decimals: '1.1234567' " MONEY_EXPECTED},
    {"money with a percent", "10%", RT_AMOUNT_MONEY, RT_ERR_NOT_NUMBER, 0,
     "not a number: '10%' " MONEY_EXPECTED},
    {"negative money", "-5", RT_AMOUNT_MONEY, RT_ERR_NEGATIVE, 0,
     "an amount cannot be negative: '-5' " MONEY_EXPECTED},
    {"money with a plus", "+5", RT_AMOUNT_MONEY, RT_ERR_PLUS, 0,
     "a leading '+' is not allowed: '+5' " MONEY_EXPECTED},
    {"money with a space", " 5", RT_AMOUNT_MONEY, RT_ERR_SPACE, 0,
     "white space is not allowed: ' 5' " MONEY_EXPECTED},
    {"empty money", "", RT_AMOUNT_MONEY, RT_ERR_EMPTY, 0,
     "empty value: '' " MONEY_EXPECTED},
    {"point without digits after", "5.", RT_AMOUNT_MONEY, RT_ERR_NOT_NUMBER, 0,
     "not a number: '5.' " MONEY_EXPECTED},
    {"point without digits before", ".5", RT_AMOUNT_MONEY, RT_ERR_NOT_NUMBER, 0,
     "not a number: '.5' " MONEY_EXPECTED},
    {"two points", "1.2.3", RT_AMOUNT_MONEY, RT_ERR_NOT_NUMBER, 0,
     "not a number: '1.2.3' " MONEY_EXPECTED},
    {"decimal comma", "49,90", RT_AMOUNT_MONEY, RT_ERR_FRACTION, 0,
     "a decimal comma is not allowed: '49,90' " MONEY_EXPECTED},
    {"decimal comma after thousands", "1,000,5", RT_AMOUNT_MONEY,
     RT_ERR_FRACTION, 0,
     "a decimal comma is not allowed: '1,000,5' " MONEY_EXPECTED},
    {"thousands separator", "1,000", RT_AMOUNT_MONEY, RT_ERR_SEPARATOR, 0,
     "thousands separators are not allowed: '1,000' " MONEY_EXPECTED},
    {"thousands separators and cents", "1,000,000.50", RT_AMOUNT_MONEY,
     RT_ERR_SEPARATOR, 0,
     "thousands separators are not allowed: '1,000,000.50' " MONEY_EXPECTED},
    {"underscore separator", "1_000", RT_AMOUNT_MONEY, RT_ERR_SEPARATOR, 0,
     "thousands separators are not allowed: '1_000' " MONEY_EXPECTED},
    {"apostrophe separator", "1'000.5", RT_AMOUNT_MONEY, RT_ERR_SEPARATOR, 0,
     "thousands separators are not allowed: '1\\'000.5' " MONEY_EXPECTED},
    {"exponent", "1e3", RT_AMOUNT_MONEY, RT_ERR_EXPONENT, 0,
     "exponent notation is not allowed: '1e3' " MONEY_EXPECTED},
    {"hexadecimal", "0x10", RT_AMOUNT_MONEY, RT_ERR_HEX, 0,
     "only decimal digits are allowed: '0x10' " MONEY_EXPECTED},
    {"letters", "abc", RT_AMOUNT_MONEY, RT_ERR_NOT_NUMBER, 0,
     "not a number: 'abc' " MONEY_EXPECTED},
    {"rate in percent", "10%", RT_AMOUNT_RATE, RT_OK, 100000},
    {"rate as a fraction", "0.10", RT_AMOUNT_RATE, RT_OK, 100000},
    {"rate in percent with decimals", "2.5%", RT_AMOUNT_RATE, RT_OK, 25000},
    {"rate of zero", "0%", RT_AMOUNT_RATE, RT_OK, 0},
    {"rate with four decimals of a percent", "0.0001%", RT_AMOUNT_RATE, RT_OK,
     1},
    {"rate with five decimals of a percent", "0.00001%", RT_AMOUNT_RATE,
     RT_ERR_DECIMALS, 0, "too many decimals: '0.00001%' " RATE_EXPECTED},
    {"bare rate", "10", RT_AMOUNT_RATE, RT_ERR_BARE_RATE, 0,
     "a rate needs '%' or a decimal point: '10' (write 10% for a "
     "percentage, or a fraction with a point such as 0.10)"},
    {"bare zero", "0", RT_AMOUNT_RATE, RT_ERR_BARE_RATE, 0,
     "a rate needs '%' or a decimal point: '0' (write 0% for a percentage, "
     "or a fraction with a point such as 0.10)"},
    {"negative rate", "-5%", RT_AMOUNT_RATE, RT_ERR_NEGATIVE, 0,
     "a rate cannot be negative: '-5%' " RATE_EXPECTED},
    {"percent alone", "%", RT_AMOUNT_RATE, RT_ERR_EMPTY, 0,
     "empty value: '%' " RATE_EXPECTED},
    {"percent and fraction", "0.1%%", RT_AMOUNT_RATE, RT_ERR_NOT_NUMBER, 0,
     "not a number: '0.1%%' " RATE_EXPECTED},
    {"decimal comma in a rate", "2,5%", RT_AMOUNT_RATE, RT_ERR_FRACTION, 0,
     "a decimal comma is not allowed: '2,5%' " RATE_EXPECTED},
    {"largest percent", "922337203685477.5807%", RT_AMOUNT_RATE, RT_OK,
     UINT64_C(9223372036854775807)},
    {"percent too large names its own limit", "922337203685477.5808%",
     RT_AMOUNT_RATE, RT_ERR_RANGE, 0,
     "too large: '922337203685477.5808%' (the largest is "
     "922337203685477.5807%)"},
    {"fraction too large", "9223372036854.775808", RT_AMOUNT_RATE, RT_ERR_RANGE,
     0,
     "too large: '9223372036854.775808' (the largest is "
     "9223372036854.775807)"},
};

static void test_parse(void **state)
{
    const struct parse_case *c = *state;
    uint64_t micros = 0;
    char message[RT_MESSAGE_SIZE];
    enum rt_status status =
        rt_amount_parse(c->text, strlen(c->text), c->kind, &micros);

    assert_int_equal(status, c->status);
    if (status == RT_OK) {
        assert_true(micros == c->micros);
        return;
    }
    rt_amount_describe(status, c->kind, c->text, strlen(c->text), message,
                       sizeof message);
    assert_string_equal(message, c->message);
}

struct format_case {
    const char *name;
    uint64_t micros;
    unsigned decimals;
    bool percent;
    const char *text;
};

static const struct format_case format_cases[] = {
    {"padded to two decimals", 49900000, 2, false, "49.90"},
    {"more decimals kept", 49999000, 2, false, "49.999"},
    {"whole at zero decimals", 50000000, 0, false, "50"},
    {"beyond six decimals", 1, 8, false, "0.00000100"},
    {"largest", UINT64_C(9223372036854775807), 0, false,
     "9223372036854.775807"},
    {"percent", 100000, 2, true, "10.00"},
    {"percent with decimals", 25, 0, true, "0.0025"},
    {"fraction", 100000, 1, false, "0.1"},
};

static void test_format(void **state)
{
    const struct format_case *c = *state;
    char buf[RT_VALUE_TEXT_SIZE];

    rt_amount_format(c->micros, c->decimals, c->percent, buf, sizeof buf);
    assert_string_equal(buf, c->text);
}

int main(void)
{
    return TABLE_RUN("amount_parse", parse_cases, test_parse) |
           TABLE_RUN("amount_format", format_cases, test_format);
}
