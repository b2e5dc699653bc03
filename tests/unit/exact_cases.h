/*
 * exact_cases.h - the rows of the exact-arithmetic tests, shared by
 * test_exact.c and test_exact_nomem.c.  Expected texts come from Python's
 * decimal module at 200 digits (ROUND_HALF_UP), independent of the code
 * tested; the "random" rows were drawn once and are fixed here.
 */
#ifndef RETAIN_TEST_EXACT_CASES_H
#define RETAIN_TEST_EXACT_CASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bignum.h"
#include "exact.h"

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

/* Builds a ratio row's operands (num * num2 / den) and divides. */
static inline bool divide_case(const struct ratio_case *c, char *text,
                               size_t size)
{
    struct rt_big num, factor, den;
    bool ok;

    rt_big_init(&num);
    rt_big_init(&factor);
    rt_big_init(&den);
    rt_big_set(&num, c->num);
    rt_big_set(&factor, c->num2);
    rt_big_mul(&num, &num, &factor);
    rt_big_set(&den, c->den);
    ok = rt_exact_ratio(&num, &den, c->shift, c->precision, text, size);
    rt_big_free(&num);
    rt_big_free(&factor);
    rt_big_free(&den);
    return ok;
}

#endif
