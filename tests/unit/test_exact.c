/*
 * test_exact.c - correctly rounded powers, medians and ratios, and the
 * natural numbers under them (rows in exact_cases.h).
 */
#include <stdlib.h>
#include <string.h>

#include "bignum.h"
#include "exact.h"
#include "exact_cases.h"
#include "table.h"

static void test_power(void **state)
{
    const struct power_case *c = *state;
    char power[80], complement[80];

    assert_true(rt_exact_power(c->a, c->s, c->p, c->q, 2, c->precision, power,
                               complement, sizeof power));
    assert_string_equal(power, c->power);
    assert_string_equal(complement, c->complement);
    assert_true(rt_exact_power_proved(c->a, c->s, c->p, c->q, 2, c->precision,
                                      power, complement, sizeof power));
    assert_string_equal(power, c->power);
    assert_string_equal(complement, c->complement);
}

static void test_median(void **state)
{
    const struct median_case *c = *state;
    char text[80];

    assert_true(rt_exact_median(c->a, c->s, c->fn, c->fd, c->precision, text,
                                sizeof text));
    assert_string_equal(text, c->text);
    assert_true(rt_exact_median_interval(c->a, c->s, c->fn, c->fd, c->precision,
                                         text, sizeof text));
    assert_string_equal(text, c->text);
}

/*
 * The fast paths against the exact methods over a fixed pseudo-random
 * sweep: counts of every size, every conversion between named periods,
 * every precision.  A fast path may decline a case; it must never differ.
 */
#ifndef SWEEP_CASES
#define SWEEP_CASES 600 /* more by hand: -DSWEEP_CASES=100000 */
#endif

/* A quarter of the sweep under valgrind or the sanitizers
   (RETAIN_TEST_LIGHT, set by tests/CMakeLists.txt): the time budget. */
static unsigned sweep_cases(void)
{
    return getenv("RETAIN_TEST_LIGHT") ? SWEEP_CASES / 4 : SWEEP_CASES;
}

static uint64_t next_random(uint64_t *state)
{
    *state =
        *state * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return *state >> 11;
}

/* 1 <= a < s, with s of 1 to 62 bits and a near s as often as not. */
static void draw_counts(uint64_t *state, uint64_t *a, uint64_t *s)
{
    unsigned bits = 1 + (unsigned)(next_random(state) % 62);

    *s = 2 + next_random(state) % ((UINT64_C(1) << bits) - 1);
    if (next_random(state) % 2)
        *a = 1 + next_random(state) % (*s - 1);
    else
        *a = *s - 1 - next_random(state) % (*s / 64 + 1);
    if (*a == 0)
        *a = 1;
}

static void test_fast_paths(void **state)
{
    static const uint64_t lengths[] = {16, 112, 487, 1461, 5844};
    uint64_t seed = 20261123, a, s, from, to;
    char fast[80], fast_c[80], exact[80], exact_c[80];
    unsigned i, precision;

    (void)state;
    for (i = 0; i < sweep_cases(); i++) {
        draw_counts(&seed, &a, &s);
        precision = (unsigned)(next_random(&seed) % 13);
        from = lengths[next_random(&seed) % 5];
        to = lengths[next_random(&seed) % 5];
        assert_true(
            rt_exact_median(a, s, from, 5844, precision, fast, sizeof fast));
        assert_true(rt_exact_median_interval(a, s, from, 5844, precision, exact,
                                             sizeof exact));
        assert_string_equal(fast, exact);
        if (i % 8 != 0) /* the proof of a long power is slow: fewer of them */
            continue;
        assert_true(rt_exact_power(a, s, to, from, 2, precision, fast, fast_c,
                                   sizeof fast));
        assert_true(rt_exact_power_proved(a, s, to, from, 2, precision, exact,
                                          exact_c, sizeof exact));
        assert_string_equal(fast, exact);
        assert_string_equal(fast_c, exact_c);
    }
}

static void test_ratio(void **state)
{
    const struct ratio_case *c = *state;
    char text[80];

    assert_true(divide_case(c, text, sizeof text));
    assert_string_equal(text, c->text);
}

/* 3^200, its quotient by 7^50 and a shift, against Python's values. */
static void test_bignum(void **state)
{
    struct rt_big a, b, q, r;
    char text[256];

    (void)state;
    rt_big_init(&a);
    rt_big_init(&b);
    rt_big_init(&q);
    rt_big_init(&r);
    rt_big_set(&a, 3);
    rt_big_pow(&a, &a, 200);
    rt_big_format(&a, text, sizeof text);
    assert_string_equal(text, "265613988875874769338781322035779626829233452"
                              "653394495974574961739092490901302182994384699"
                              "044001");
    rt_big_set(&b, 7);
    rt_big_pow(&b, &b, 50);
    rt_big_divmod(&q, &r, &a, &b);
    rt_big_format(&q, text, sizeof text);
    assert_string_equal(text, "147689269781346654697366079240021362541982658"
                              "661987020");
    rt_big_format(&r, text, sizeof text);
    assert_string_equal(text, "1043054234746676783066714664998769142256021");
    rt_big_shr(&q, &a, 300);
    rt_big_format(&q, text, sizeof text);
    assert_string_equal(text, "130392");
    rt_big_shl(&q, &q, 300);
    rt_big_sub(&r, &a, &q); /* the bits the shift dropped */
    assert_true(rt_big_bits(&r) <= 300);
    rt_big_add(&r, &r, &q);
    assert_int_equal(rt_big_cmp(&r, &a), 0);
    assert_int_equal(rt_big_cmp(&a, &b), 1);
    assert_int_equal(rt_big_bits(&a), 317);
    assert_int_equal(rt_big_format(&a, text, 10), 0); /* does not fit */
    rt_big_free(&a);
    rt_big_free(&b);
    rt_big_free(&q);
    rt_big_free(&r);
}

int main(void)
{
    const struct CMUnitTest bignum[] = {cmocka_unit_test(test_bignum),
                                        cmocka_unit_test(test_fast_paths)};

    return TABLE_RUN("exact_power", power_cases, test_power) |
           TABLE_RUN("exact_median", median_cases, test_median) |
           TABLE_RUN("exact_ratio", ratio_cases, test_ratio) |

           cmocka_run_group_tests_name("bignum", bignum, NULL, NULL);
}
