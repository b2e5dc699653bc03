/*
 * test_percent.c - exact rates: worked cases, both division paths, and a
 * sweep against an independent integer formula.
 */
#include <stdio.h>
#include <string.h>

#include "percent.h"
#include "table.h"

struct percent_case {
    const char *name;
    bool negative;
    uint64_t num, den;
    unsigned precision;
    const char *expected;
};

static const struct percent_case percent_cases[] = {
    {"70 percent", false, 700, 1000, 2, "70.00"},
    {"two thirds", false, 2, 3, 2, "66.67"},
    {"one eighth", false, 1, 8, 2, "12.50"},
    {"one eighth at 0 rounds half up", false, 1, 8, 0, "13"},
    {"half a percent", false, 1, 200, 2, "0.50"},
    {"half a percent at 0", false, 1, 200, 0, "1"},
    {"1.005 rounds up", false, 2010, 200000, 2, "1.01"},
    {"98.995 rounds up", false, 197990, 200000, 2, "99.00"},
    {"negative half away from zero", true, 1, 8, 0, "-13"},
    {"negative to zero has no sign", true, 1, 300000, 2, "0.00"},
    {"negative five", true, 50, 1000, 2, "-5.00"},
    {"zero", false, 0, 7, 2, "0.00"},
    {"precision 12", false, 1, 3, 12, "33.333333333333"},
    {"precision 0 whole", false, 1, 1, 0, "100"},
    {"largest over one", false, RT_COUNT_MAX, 1, 2, "922337203685477580700.00"},
    {"largest over largest", false, RT_COUNT_MAX, RT_COUNT_MAX, 12,
     "100.000000000000"},
    {"one over largest", false, 1, RT_COUNT_MAX, 12, "0.000000000000"},
    {"tiny at 12 rounds up", false, 5, 1000000000000000, 12, "0.000000000001"},
    {"lost beyond 63 bits", false, UINT64_C(18446744073709551614), RT_COUNT_MAX,
     2, "200.00"},
    {"max u64 precision 12", false, UINT64_MAX, 3, 12,
     "614891469123651720500.000000000000"},
};

static void test_percent(void **state)
{
    const struct percent_case *c = *state;
    struct rt_wide num = {c->negative, c->num};
    char fast[RT_RATE_TEXT_SIZE], slow[RT_RATE_TEXT_SIZE];

    assert_int_equal(
        rt_percent_format(num, c->den, c->precision, fast, sizeof fast), RT_OK);
    assert_string_equal(fast, c->expected);
    assert_int_equal(rt_percent_long(c->negative, rt_u128_from(c->num),
                                     rt_u128_from(c->den), c->precision, slow,
                                     sizeof slow),
                     RT_OK);
    assert_string_equal(slow, c->expected);
}

static void test_errors(void **state)
{
    struct rt_wide one = {false, 1};
    char buf[RT_RATE_TEXT_SIZE];

    (void)state;
    assert_int_equal(rt_percent_format(one, 0, 2, buf, sizeof buf),
                     RT_ERR_ZERO_START);
    assert_int_equal(rt_percent_format(one, 3, 13, buf, sizeof buf),
                     RT_ERR_PRECISION);
    assert_int_equal(rt_percent_format(one, 3, 2, buf, 5), RT_ERR_BUFFER);
}

static void test_wide_sums(void **state)
{
    /* Ten million rows of the largest count: 2^86 or so, beyond 64 bits. */
    struct rt_u128 den = rt_u128_mul64(RT_COUNT_MAX, 10000000);
    struct rt_u128 num = rt_u128_mul64(RT_COUNT_MAX, 7000000);
    char buf[RT_RATE_TEXT_SIZE];

    (void)state;
    assert_int_equal(rt_percent_u128(false, num, den, 2, buf, sizeof buf),
                     RT_OK);
    assert_string_equal(buf, "70.00");
}

/* round(num * 10^(p+2) / den) half up, by a different formula. */
static void reference(bool negative, uint64_t num, uint64_t den, unsigned p,
                      char *buf, size_t size)
{
    uint64_t scale = 1, q, unit = 1;
    unsigned i;

    for (i = 0; i < p + 2; i++)
        scale *= 10;
    for (i = 0; i < p; i++)
        unit *= 10;
    q = (2 * num * scale + den) / (2 * den);
    if (p == 0)
        snprintf(buf, size, "%s%llu", negative && q ? "-" : "",
                 (unsigned long long)q);
    else
        snprintf(buf, size, "%s%llu.%0*llu", negative && q ? "-" : "",
                 (unsigned long long)(q / unit), (int)p,
                 (unsigned long long)(q % unit));
}

static void test_sweep(void **state)
{
    char expected[RT_RATE_TEXT_SIZE], fast[RT_RATE_TEXT_SIZE];
    char slow[RT_RATE_TEXT_SIZE];
    uint64_t den, num;
    unsigned p;

    (void)state;
    for (den = 1; den <= 160; den++) {
        for (num = 0; num <= 400; num++) {
            for (p = 0; p <= 4; p++) {
                bool negative = (num + den + p) % 3 == 0;
                struct rt_wide w = {negative, num};

                reference(negative, num, den, p, expected, sizeof expected);
                rt_percent_format(w, den, p, fast, sizeof fast);
                rt_percent_long(negative, rt_u128_from(num), rt_u128_from(den),
                                p, slow, sizeof slow);
                if (strcmp(fast, expected) != 0 || strcmp(slow, expected) != 0)
                    fail_msg("%llu/%llu p=%u: want %s, fast %s, slow %s",
                             (unsigned long long)num, (unsigned long long)den,
                             p, expected, fast, slow);
            }
        }
    }
}

/* The one-division pair must equal two independent rates, for any sign. */
static void test_split_sweep(void **state)
{
    struct rt_rate rate, complement, expected_rate, expected_complement;
    uint64_t den;
    int64_t num;
    unsigned p;

    (void)state;
    for (den = 1; den <= 120; den++) {
        for (num = -250; num <= 400; num++) {
            for (p = 0; p <= 3; p++) {
                struct rt_wide n = {num < 0, (uint64_t)(num < 0 ? -num : num)};
                int64_t other = (int64_t)den - num;
                struct rt_wide c = {other < 0,
                                    (uint64_t)(other < 0 ? -other : other)};

                assert_true(rt_rate_split(n, den, p, &rate, &complement));
                rt_rate_set(&expected_rate, n, den, p);
                rt_rate_set(&expected_complement, c, den, p);
                if (strcmp(rate.text, expected_rate.text) != 0 ||
                    strcmp(complement.text, expected_complement.text) != 0 ||
                    rate.len != strlen(rate.text) ||
                    complement.len != strlen(complement.text))
                    fail_msg("%lld/%llu p=%u: split %s %s, want %s %s",
                             (long long)num, (unsigned long long)den, p,
                             rate.text, complement.text, expected_rate.text,
                             expected_complement.text);
            }
        }
    }
}

static void test_split_refuses_large(void **state)
{
    struct rt_wide big = {false, RT_COUNT_MAX};
    struct rt_rate rate, complement;

    (void)state;
    assert_false(rt_rate_split(big, 3, 2, &rate, &complement));
    assert_false(rt_rate_split(big, 0, 2, &rate, &complement));
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_wide_sums),
        cmocka_unit_test(test_sweep),
        cmocka_unit_test(test_split_sweep),
        cmocka_unit_test(test_split_refuses_large),
    };

    return TABLE_RUN("percent", percent_cases, test_percent) +
           cmocka_run_group_tests_name("percent edges", plain, NULL, NULL);
}
