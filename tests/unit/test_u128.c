/*
 * test_u128.c - 128-bit arithmetic against values worked out by hand (and
 * by Python's integers), and the fast division against the long one.
 */
#include <string.h>

#include "table.h"
#include "u128.h"

struct mul_case {
    const char *name;
    uint64_t a, b;
    const char *product;
};

static const struct mul_case mul_cases[] = {
    {"zero", 0, UINT64_MAX, "0"},
    {"small", 1000, 900, "900000"},
    {"carry into high half", UINT64_C(1) << 32, UINT64_C(1) << 32,
     "18446744073709551616"},
    {"max times max", UINT64_MAX, UINT64_MAX,
     "340282366920938463426481119284349108225"},
    {"count max times 10^14", UINT64_C(9223372036854775807),
     UINT64_C(100000000000000), "922337203685477580700000000000000"},
};

static void test_mul(void **state)
{
    const struct mul_case *c = *state;
    char text[RT_U128_DIGITS + 1];

    rt_u128_format(rt_u128_mul64(c->a, c->b), text);
    assert_string_equal(text, c->product);
}

struct div_case {
    const char *name;
    uint64_t a_hi, a_lo, b_hi, b_lo;
    const char *quot, *rem;
};

static const struct div_case div_cases[] = {
    {"both 64-bit", 0, 7, 0, 2, "3", "1"},
    {"2^64 by 3", 1, 0, 0, 3, "6148914691236517205", "1"},
    {"max by max", UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX, "1", "0"},
    {"max by 10", UINT64_MAX, UINT64_MAX, 0, 10,
     "34028236692093846346337460743176821145", "5"},
    {"smaller by larger", 0, 5, 1, 0, "0", "5"},
    {"by 2^64 + 1", 2, 5, 1, 1, "2", "3"},
};

static void test_divmod(void **state)
{
    const struct div_case *c = *state;
    struct rt_u128 a = {c->a_hi, c->a_lo}, b = {c->b_hi, c->b_lo}, q, r;
    char text[RT_U128_DIGITS + 1];

    rt_u128_divmod(a, b, &q, &r);
    rt_u128_format(q, text);
    assert_string_equal(text, c->quot);
    rt_u128_format(r, text);
    assert_string_equal(text, c->rem);
}

struct div64_case {
    const char *name;
    uint64_t a_hi, a_lo, d, quot, rem;
};

static const struct div64_case div64_cases[] = {
    {"fits in 64 bits", 0, 1000, 7, 142, 6},
    {"divisor 1", 0, UINT64_MAX, 1, UINT64_MAX, 0},
    {"high half just below the divisor", UINT64_MAX - 1, UINT64_MAX, UINT64_MAX,
     UINT64_MAX, UINT64_MAX - 1},
    {"divisor with its top bit set", UINT64_C(9223372036854775808), 12345,
     UINT64_C(9223372036854775809), UINT64_C(18446744073709551614), 12347},
    {"divisor of 33 bits", UINT64_C(4294967296), UINT64_MAX,
     UINT64_C(4294967297), UINT64_MAX, UINT64_C(4294967296)},
    {"10^18 times a large remainder", UINT64_C(625000000000000000),
     UINT64_C(16045690984503098046), UINT64_C(9223372036854775783),
     UINT64_C(1250000000000000005), UINT64_C(1178830800229219131)},
    {"a digit that needs correcting", UINT64_C(9223372036854775807),
     UINT64_C(18446744069414584320), UINT64_C(9223372036854775809),
     UINT64_C(18446744073709551613), UINT64_C(9223372032559808515)},
};

static void test_div64(void **state)
{
    const struct div64_case *c = *state;
    struct rt_u128 a = {c->a_hi, c->a_lo};
    uint64_t rem = 0;

    assert_int_equal(rt_u128_div64(a, c->d, &rem), c->quot);
    assert_int_equal(rem, c->rem);
}

static uint64_t next_random(uint64_t *state)
{
    /* SplitMix64: fixed seed, the same numbers everywhere. */
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* The fast division agrees with the long one, divisors of every length. */
static void test_div64_sweep(void **state)
{
    uint64_t seed = 42, rem;
    unsigned i;

    (void)state;
    for (i = 0; i < 20000; i++) {
        uint64_t d = next_random(&seed) >> (i % 64);
        struct rt_u128 a, q, r;

        if (d == 0)
            d = 1;
        a.hi = next_random(&seed) % d;
        a.lo = next_random(&seed);
        rt_u128_divmod(a, rt_u128_from(d), &q, &r);
        assert_int_equal(q.hi, 0);
        assert_int_equal(rt_u128_div64(a, d, &rem), q.lo);
        assert_int_equal(rem, r.lo);
    }
}

static void test_add_sub_cmp(void **state)
{
    struct rt_u128 max = {UINT64_MAX, UINT64_MAX}, one = rt_u128_from(1);
    struct rt_u128 sum;
    bool overflow = false;

    (void)state;
    sum = rt_u128_add(rt_u128_from(UINT64_MAX), one, &overflow);
    assert_false(overflow);
    assert_int_equal(sum.hi, 1);
    assert_int_equal(sum.lo, 0);
    assert_int_equal(
        rt_u128_cmp(rt_u128_sub(sum, one), rt_u128_from(UINT64_MAX)), 0);
    rt_u128_add(max, one, &overflow);
    assert_true(overflow);
    overflow = false;
    rt_u128_mul_small(max, 2, &overflow);
    assert_true(overflow);
    assert_int_equal(rt_u128_cmp(one, max), -1);
    assert_int_equal(rt_u128_cmp(max, one), 1);
    assert_true(rt_u128_is_zero(rt_u128_from(0)));
}

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_add_sub_cmp),
                                       cmocka_unit_test(test_div64_sweep)};

    return TABLE_RUN("u128 multiply", mul_cases, test_mul) +
           TABLE_RUN("u128 divide", div_cases, test_divmod) +
           TABLE_RUN("u128 divide by 64 bits", div64_cases, test_div64) +
           cmocka_run_group_tests_name("u128 add, subtract, compare", plain,
                                       NULL, NULL);
}
