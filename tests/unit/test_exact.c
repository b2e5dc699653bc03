/*
 * test_exact.c - correctly rounded powers, medians and ratios, and the
 * natural numbers under them.  Expected texts come from Python's decimal
 * module at 200 digits (ROUND_HALF_UP), independent of the code tested;
 * the "random" rows were drawn once and are fixed here.
 */
#include <string.h>

#include "bignum.h"
#include "exact.h"
#include "table.h"

struct power_case {
    const char *name;
    uint64_t a, s, p, q;
    unsigned precision;
    const char *power, *complement; /* as percentages */
};

static const struct power_case power_cases[] = {
    {"1% monthly churn a year", 99, 100, 12, 1, 2, "88.64", "11.36"},
    {"half to the 12th, a tie both ways", 1, 2, 12, 1, 9, "0.024414063",
     "99.975585938"},
    {"cube root of 1/8 is exactly 1/2", 1, 8, 1, 3, 0, "50", "50"},
    {"zero stays zero", 0, 7, 1461, 4, 3, "0.000", "100.000"},
    {"one stays one", 7, 7, 4, 1461, 3, "100.000", "0.000"},
    {"a tiny power underflows a double", 1, 1000, 1461, 4, 12, "0.000000000000",
     "100.000000000000"},
    {"random 0", UINT64_C(485151262), UINT64_C(929583701), 1461, 28, 9,
     "0.000000000", "100.000000000"},
    {"random 1", UINT64_C(183680195), UINT64_C(198277536), 1461, 28, 12,
     "1.849643343331", "98.150356656669"},
    {"random 2", UINT64_C(24), UINT64_C(192), 1461, 28, 12, "0.000000000000",
     "100.000000000000"},
    {"random 3", UINT64_C(307324288059754214), UINT64_C(386277898059480932), 4,
     1461, 10, "99.9374176606", "0.0625823394"},
    {"random 4", UINT64_C(145648394885660343), UINT64_C(1452626605941394746),
     12, 1, 0, "0", "100"},
    {"random 5", UINT64_C(157), UINT64_C(196), 1461, 4, 7, "0.0000000",
     "100.0000000"},
    {"random 6", UINT64_C(302), UINT64_C(607), 4, 1461, 0, "100", "0"},
    {"random 7", UINT64_C(72926454), UINT64_C(91255993), 1461, 28, 1, "0.0",
     "100.0"},
    {"random 8", UINT64_C(526), UINT64_C(726), 1461, 4, 0, "0", "100"},
    {"random 9", UINT64_C(360211046), UINT64_C(604669397), 1461, 4, 6,
     "0.000000", "100.000000"},
    {"random 10", UINT64_C(28), UINT64_C(70), 1, 3, 0, "74", "26"},
    {"random 11", UINT64_C(314262169), UINT64_C(403150547), 12, 1, 9,
     "5.033826038", "94.966173962"},
    {"random 12", UINT64_C(90433983), UINT64_C(213127161), 12, 1, 4, "0.0034",
     "99.9966"},
    {"random 13", UINT64_C(205), UINT64_C(342), 1, 3, 11, "84.31585565189",
     "15.68414434811"},
};

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

struct median_case {
    const char *name;
    uint64_t a, s, fn, fd;
    unsigned precision;
    const char *text;
};

static const struct median_case median_cases[] = {
    {"2% churn: 34.3 periods", 98, 100, 1, 1, 1, "34.3"},
    {"r = 1/2: exactly 1", 1, 2, 1, 1, 12, "1.000000000000"},
    {"r = 1/4: exactly 0.5, a tie", 1, 4, 1, 1, 0, "1"},
    {"r = 1/8: exactly 1/3", 2, 16, 1, 1, 3, "0.333"},
    {"r = 1/16, halved: exactly 1/8", 1, 16, 1, 2, 1, "0.1"},
    {"the longest", UINT64_C(9223372036854775806),
     UINT64_C(9223372036854775807), 1, 1, 12,
     "6393154322601327828.854594579031"},
    {"random 0", UINT64_C(280634523753486879), UINT64_C(552419148925104817), 1,
     1, 10, "1.0234672557"},
    {"random 1", UINT64_C(135), UINT64_C(574), 487, 5844, 10, "0.0399088546"},
    {"random 2", UINT64_C(981669665140117610), UINT64_C(3641879517272963009), 1,
     1, 4, "0.5287"},
    {"random 3", UINT64_C(8161440166023962168), UINT64_C(8991469340621459046),
     1, 1, 3, "7.156"},
    {"random 4", UINT64_C(11), UINT64_C(193), 1, 1, 3, "0.242"},
    {"random 5", UINT64_C(42704902044899828), UINT64_C(88315953328061026), 487,
     5844, 1, "0.1"},
    {"random 6", UINT64_C(2), UINT64_C(78), 16, 5844, 5, "0.00052"},
    {"random 7", UINT64_C(301), UINT64_C(382), 487, 5844, 9, "0.242382534"},
    {"random 8", UINT64_C(40), UINT64_C(140), 487, 5844, 3, "0.046"},
    {"random 9", UINT64_C(163), UINT64_C(839), 16, 5844, 10, "0.0011582419"},
};

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
    for (i = 0; i < SWEEP_CASES; i++) {
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

struct ratio_case {
    const char *name;
    uint64_t num, num2, den;
    unsigned shift, precision;
    const char *text;
};

static const struct ratio_case ratio_cases[] = {
    {"two thirds", 2, 1, 3, 2, 2, "66.67"},
    {"a half at no digits", 1, 1, 2, 0, 0, "1"},
    {"beyond 128 bits", UINT64_C(9223372036854775807),
     UINT64_C(9223372036854775807), 3, 0, 1,
     "28356863910078205282465635928077500416.3"},
    {"small", 1, 1, 3000, 0, 12, "0.000333333333"},
};

static void test_ratio(void **state)
{
    const struct ratio_case *c = *state;
    struct rt_big num, factor, den;
    char text[80];

    rt_big_init(&num);
    rt_big_init(&factor);
    rt_big_init(&den);
    rt_big_set(&num, c->num);
    rt_big_set(&factor, c->num2);
    rt_big_mul(&num, &num, &factor);
    rt_big_set(&den, c->den);
    assert_true(
        rt_exact_ratio(&num, &den, c->shift, c->precision, text, sizeof text));
    assert_string_equal(text, c->text);
    rt_big_free(&num);
    rt_big_free(&factor);
    rt_big_free(&den);
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
