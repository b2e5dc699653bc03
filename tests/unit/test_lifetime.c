/*
 * test_lifetime.c - figures beyond one period: every worked case of the
 * README and the edges.  The expected texts were computed independently,
 * with Python's decimal module at 200 digits (ROUND_HALF_UP).
 */
#include <string.h>

#include "retain.h"
#include "table.h"

#define MAX UINT64_C(9223372036854775807)

struct lifetime_case {
    const char *name;
    uint64_t start, end, new_customers;
    enum rt_period period, per;
    bool has_margin;
    uint64_t margin, discount;
    unsigned precision, money_precision;
    /* By enum rt_lifetime_field; NULL: unknown. */
    const char *values[RT_LIFETIME_FIELD_COUNT];
    unsigned warnings;
};

static const struct lifetime_case lifetime_cases[] = {
    {"1% monthly churn is 11.36% a year",
     1000,
     990,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     2,
     2,
     {"month", "year", "88.64", "11.36", "100.00", "8.33", "68.97", "5.75",
      NULL, NULL, NULL}},
    {"5% monthly churn is 45.96% a year",
     100,
     95,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     2,
     2,
     {"month", "year", "54.04", "45.96", "20.00", "1.67", "13.51", "1.13", NULL,
      NULL, NULL}},
    {"10% monthly churn is 71.76% a year",
     100,
     90,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     2,
     2,
     {"month", "year", "28.24", "71.76", "10.00", "0.83", "6.58", "0.55", NULL,
      NULL, NULL}},
    {"30% quarterly churn is 75.99% a year",
     100,
     70,
     0,
     RT_PERIOD_QUARTER,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     2,
     2,
     {"quarter", "year", "24.01", "75.99", "3.33", "0.83", "1.94", "0.49", NULL,
      NULL, NULL}},
    {"2.5% monthly churn: 40 months, 3.33 years",
     1000,
     975,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_NONE,
     false,
     0,
     0,
     2,
     2,
     {"month", NULL, NULL, NULL, "40.00", "3.33", "27.38", "2.28", NULL, NULL,
      NULL}},
    {"2% monthly churn: median 34.3 months",
     100,
     98,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_NONE,
     false,
     0,
     0,
     1,
     2,
     {"month", NULL, NULL, NULL, "50.0", "4.2", "34.3", "2.9", NULL, NULL,
      NULL}},
    {"r 0.80 and D 0.10: 3.67 times M",
     100,
     80,
     0,
     RT_PERIOD_NONE,
     RT_PERIOD_NONE,
     true,
     1000000,
     100000,
     2,
     2,
     {NULL, NULL, NULL, NULL, "5.00", NULL, "3.11", NULL, "1.00", "10.00",
      "3.67"}},
    {"r 0.80 without discount: 5 times M",
     100,
     80,
     0,
     RT_PERIOD_NONE,
     RT_PERIOD_NONE,
     true,
     1000000,
     0,
     2,
     2,
     {NULL, NULL, NULL, NULL, "5.00", NULL, "3.11", NULL, "1.00", "0.00",
      "5.00"}},
    {"quarter to month: k is 1/3",
     1000,
     700,
     0,
     RT_PERIOD_QUARTER,
     RT_PERIOD_MONTH,
     false,
     0,
     0,
     4,
     2,
     {"quarter", "month", "88.7904", "11.2096", "3.3333", "0.8333", "1.9434",
      "0.4858", NULL, NULL, NULL}},
    {"week to year: k is 1461/28",
     1000,
     999,
     0,
     RT_PERIOD_WEEK,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     6,
     2,
     {"week", "year", "94.913458", "5.086542", "1000.000000", "19.164956",
      "692.800549", "13.277492", NULL, NULL, NULL}},
    {"day to year: k is 1461/4",
     100000,
     99990,
     0,
     RT_PERIOD_DAY,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     12,
     2,
     {"day", "year", "96.413222937979", "3.586777062021", "10000.000000000000",
      "27.378507871321", "6931.125226232658", "18.976386656352", NULL, NULL,
      NULL}},
    {"year to day: k is 4/1461",
     1000,
     500,
     0,
     RT_PERIOD_YEAR,
     RT_PERIOD_DAY,
     false,
     0,
     0,
     12,
     2,
     {"year", "day", "99.810406600389", "0.189593399611", "2.000000000000",
      "2.000000000000", "1.000000000000", "1.000000000000", NULL, NULL, NULL}},
    {"churn 0: infinite lifetimes and value",
     1000,
     1000,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     true,
     50000000,
     0,
     2,
     2,
     {"month", "year", "100.00", "0.00", "inf", "inf", "inf", "inf", "50.00",
      "0.00", "inf"}},
    {"churn 0 with a discount: finite value",
     1000,
     1000,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_NONE,
     true,
     50000000,
     100000,
     2,
     2,
     {"month", NULL, NULL, NULL, "inf", "inf", "inf", "inf", "50.00", "10.00",
      "550.00"}},
    {"retention 0",
     1000,
     200,
     200,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     true,
     50000000,
     100000,
     2,
     2,
     {"month", "year", "0.00", "100.00", "1.00", "0.08", "0.00", "0.00",
      "50.00", "10.00", "50.00"}},
    {"a tie rounds away from zero",
     2,
     1,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     9,
     2,
     {"month", "year", "0.024414063", "99.975585938", "2.000000000",
      "0.166666667", "1.000000000", "0.083333333", NULL, NULL, NULL}},
    {"median of 1/4 is exactly 0.5: a tie",
     4,
     1,
     0,
     RT_PERIOD_NONE,
     RT_PERIOD_NONE,
     false,
     0,
     0,
     0,
     2,
     {NULL, NULL, NULL, NULL, "1", NULL, "1", NULL, NULL, NULL, NULL}},
    {"margin with six decimals",
     3,
     2,
     0,
     RT_PERIOD_NONE,
     RT_PERIOD_NONE,
     true,
     49999999,
     0,
     2,
     6,
     {NULL, NULL, NULL, NULL, "3.00", NULL, "1.71", NULL, "49.999999", "0.00",
      "149.999997"}},
    {"the largest counts",
     MAX,
     MAX - 1,
     0,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     false,
     0,
     0,
     12,
     2,
     {"month", "year", "100.000000000000", "0.000000000000",
      "9223372036854775807.000000000000", "768614336404564650.583333333333",
      "6393154322601327828.854594579031", "532762860216777319.071216214919",
      NULL, NULL, NULL}},

    {"new above end: nothing beyond the period",
     100,
     50,
     60,
     RT_PERIOD_MONTH,
     RT_PERIOD_YEAR,
     true,
     1000000,
     0,
     2,
     2,
     {"month", "year", NULL, NULL, NULL, NULL, NULL, NULL, "1.00", "0.00",
      NULL},
     RT_LIFETIME_WARN_UNDEFINED},
    {"retention above 100%, so r > 1 + D",
     100,
     150,
     0,
     RT_PERIOD_NONE,
     RT_PERIOD_NONE,
     true,
     1000000,
     100000,
     2,
     2,
     {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "1.00", "10.00", NULL},
     RT_LIFETIME_WARN_UNDEFINED},
};

static void test_lifetime(void **state)
{
    const struct lifetime_case *c = *state;
    struct rt_counts counts = {c->start, c->end, c->new_customers, true};
    struct rt_lifetime_options options;
    struct rt_figures figures;
    struct rt_lifetime lifetime;
    unsigned i;

    memset(&options, 0, sizeof options);
    options.period = c->period;
    options.per = c->per;
    options.has_margin = c->has_margin;
    options.margin = c->margin;
    options.discount = c->discount;
    options.money_precision = c->money_precision;
    assert_int_equal(rt_figures_compute(&counts, c->precision, &figures),
                     RT_OK);
    assert_int_equal(rt_lifetime_compute(&figures, &options, &lifetime), RT_OK);
    for (i = 0; i < RT_LIFETIME_FIELD_COUNT; i++) {
        const struct rt_value *v = &lifetime.values[i];

        if (!c->values[i]) {
            assert_int_equal(v->state, RT_VALUE_UNKNOWN);
            continue;
        }
        assert_string_equal(v->text, c->values[i]);
        assert_int_equal(v->state, strcmp(c->values[i], "inf") == 0
                                       ? RT_VALUE_INFINITE
                                       : RT_VALUE_KNOWN);
    }
    if (c->start == c->end - c->new_customers && c->end >= c->new_customers)
        assert_int_equal(lifetime.warnings, RT_LIFETIME_WARN_INFINITE);
    else
        assert_int_equal(lifetime.warnings, c->warnings);
}

/*
 * rt_period_ratio() for every pair of lengths, unnamed and out of range
 * ones too: k = length(to) / length(from) in days, computed with Python's
 * fractions from 365.25 days a year.  An error leaves num and den alone.
 */
struct ratio_case {
    const char *name;
    enum rt_period from, to;
    enum rt_status status;
    uint64_t num, den;
};

static const struct ratio_case ratio_cases[] = {
    {"none to none", RT_PERIOD_NONE, RT_PERIOD_NONE, RT_ERR_INVALID, 77, 77},
    {"none to day", RT_PERIOD_NONE, RT_PERIOD_DAY, RT_ERR_INVALID, 77, 77},
    {"none to week", RT_PERIOD_NONE, RT_PERIOD_WEEK, RT_ERR_INVALID, 77, 77},
    {"none to month", RT_PERIOD_NONE, RT_PERIOD_MONTH, RT_ERR_INVALID, 77, 77},
    {"none to quarter", RT_PERIOD_NONE, RT_PERIOD_QUARTER, RT_ERR_INVALID, 77,
     77},
    {"none to year", RT_PERIOD_NONE, RT_PERIOD_YEAR, RT_ERR_INVALID, 77, 77},
    {"none to past year", RT_PERIOD_NONE, (enum rt_period)(RT_PERIOD_YEAR + 1),
     RT_ERR_INVALID, 77, 77},
    {"none to minus one", RT_PERIOD_NONE, (enum rt_period) - 1, RT_ERR_INVALID,
     77, 77},
    {"day to none", RT_PERIOD_DAY, RT_PERIOD_NONE, RT_ERR_INVALID, 77, 77},
    {"day to day", RT_PERIOD_DAY, RT_PERIOD_DAY, RT_OK, 1, 1},
    {"day to week", RT_PERIOD_DAY, RT_PERIOD_WEEK, RT_OK, 7, 1},
    {"day to month", RT_PERIOD_DAY, RT_PERIOD_MONTH, RT_OK, 487, 16},
    {"day to quarter", RT_PERIOD_DAY, RT_PERIOD_QUARTER, RT_OK, 1461, 16},
    {"day to year", RT_PERIOD_DAY, RT_PERIOD_YEAR, RT_OK, 1461, 4},
    {"day to past year", RT_PERIOD_DAY, (enum rt_period)(RT_PERIOD_YEAR + 1),
     RT_ERR_INVALID, 77, 77},
    {"day to minus one", RT_PERIOD_DAY, (enum rt_period) - 1, RT_ERR_INVALID,
     77, 77},
    {"week to none", RT_PERIOD_WEEK, RT_PERIOD_NONE, RT_ERR_INVALID, 77, 77},
    {"week to day", RT_PERIOD_WEEK, RT_PERIOD_DAY, RT_OK, 1, 7},
    {"week to week", RT_PERIOD_WEEK, RT_PERIOD_WEEK, RT_OK, 1, 1},
    {"week to month", RT_PERIOD_WEEK, RT_PERIOD_MONTH, RT_OK, 487, 112},
    {"week to quarter", RT_PERIOD_WEEK, RT_PERIOD_QUARTER, RT_OK, 1461, 112},
    {"week to year", RT_PERIOD_WEEK, RT_PERIOD_YEAR, RT_OK, 1461, 28},
    {"week to past year", RT_PERIOD_WEEK, (enum rt_period)(RT_PERIOD_YEAR + 1),
     RT_ERR_INVALID, 77, 77},
    {"week to minus one", RT_PERIOD_WEEK, (enum rt_period) - 1, RT_ERR_INVALID,
     77, 77},
    {"month to none", RT_PERIOD_MONTH, RT_PERIOD_NONE, RT_ERR_INVALID, 77, 77},
    {"month to day", RT_PERIOD_MONTH, RT_PERIOD_DAY, RT_OK, 16, 487},
    {"month to week", RT_PERIOD_MONTH, RT_PERIOD_WEEK, RT_OK, 112, 487},
    {"month to month", RT_PERIOD_MONTH, RT_PERIOD_MONTH, RT_OK, 1, 1},
    {"month to quarter", RT_PERIOD_MONTH, RT_PERIOD_QUARTER, RT_OK, 3, 1},
    {"month to year", RT_PERIOD_MONTH, RT_PERIOD_YEAR, RT_OK, 12, 1},
    {"month to past year", RT_PERIOD_MONTH,
     (enum rt_period)(RT_PERIOD_YEAR + 1), RT_ERR_INVALID, 77, 77},
    {"month to minus one", RT_PERIOD_MONTH, (enum rt_period) - 1,
     RT_ERR_INVALID, 77, 77},
    {"quarter to none", RT_PERIOD_QUARTER, RT_PERIOD_NONE, RT_ERR_INVALID, 77,
     77},
    {"quarter to day", RT_PERIOD_QUARTER, RT_PERIOD_DAY, RT_OK, 16, 1461},
    {"quarter to week", RT_PERIOD_QUARTER, RT_PERIOD_WEEK, RT_OK, 112, 1461},
    {"quarter to month", RT_PERIOD_QUARTER, RT_PERIOD_MONTH, RT_OK, 1, 3},
    {"quarter to quarter", RT_PERIOD_QUARTER, RT_PERIOD_QUARTER, RT_OK, 1, 1},
    {"quarter to year", RT_PERIOD_QUARTER, RT_PERIOD_YEAR, RT_OK, 4, 1},
    {"quarter to past year", RT_PERIOD_QUARTER,
     (enum rt_period)(RT_PERIOD_YEAR + 1), RT_ERR_INVALID, 77, 77},
    {"quarter to minus one", RT_PERIOD_QUARTER, (enum rt_period) - 1,
     RT_ERR_INVALID, 77, 77},
    {"year to none", RT_PERIOD_YEAR, RT_PERIOD_NONE, RT_ERR_INVALID, 77, 77},
    {"year to day", RT_PERIOD_YEAR, RT_PERIOD_DAY, RT_OK, 4, 1461},
    {"year to week", RT_PERIOD_YEAR, RT_PERIOD_WEEK, RT_OK, 28, 1461},
    {"year to month", RT_PERIOD_YEAR, RT_PERIOD_MONTH, RT_OK, 1, 12},
    {"year to quarter", RT_PERIOD_YEAR, RT_PERIOD_QUARTER, RT_OK, 1, 4},
    {"year to year", RT_PERIOD_YEAR, RT_PERIOD_YEAR, RT_OK, 1, 1},
    {"year to past year", RT_PERIOD_YEAR, (enum rt_period)(RT_PERIOD_YEAR + 1),
     RT_ERR_INVALID, 77, 77},
    {"year to minus one", RT_PERIOD_YEAR, (enum rt_period) - 1, RT_ERR_INVALID,
     77, 77},
    {"past year to none", (enum rt_period)(RT_PERIOD_YEAR + 1), RT_PERIOD_NONE,
     RT_ERR_INVALID, 77, 77},
    {"past year to day", (enum rt_period)(RT_PERIOD_YEAR + 1), RT_PERIOD_DAY,
     RT_ERR_INVALID, 77, 77},
    {"past year to week", (enum rt_period)(RT_PERIOD_YEAR + 1), RT_PERIOD_WEEK,
     RT_ERR_INVALID, 77, 77},
    {"past year to month", (enum rt_period)(RT_PERIOD_YEAR + 1),
     RT_PERIOD_MONTH, RT_ERR_INVALID, 77, 77},
    {"past year to quarter", (enum rt_period)(RT_PERIOD_YEAR + 1),
     RT_PERIOD_QUARTER, RT_ERR_INVALID, 77, 77},
    {"past year to year", (enum rt_period)(RT_PERIOD_YEAR + 1), RT_PERIOD_YEAR,
     RT_ERR_INVALID, 77, 77},
    {"past year to past year", (enum rt_period)(RT_PERIOD_YEAR + 1),
     (enum rt_period)(RT_PERIOD_YEAR + 1), RT_ERR_INVALID, 77, 77},
    {"past year to minus one", (enum rt_period)(RT_PERIOD_YEAR + 1),
     (enum rt_period) - 1, RT_ERR_INVALID, 77, 77},
    {"minus one to none", (enum rt_period) - 1, RT_PERIOD_NONE, RT_ERR_INVALID,
     77, 77},
    {"minus one to day", (enum rt_period) - 1, RT_PERIOD_DAY, RT_ERR_INVALID,
     77, 77},
    {"minus one to week", (enum rt_period) - 1, RT_PERIOD_WEEK, RT_ERR_INVALID,
     77, 77},
    {"minus one to month", (enum rt_period) - 1, RT_PERIOD_MONTH,
     RT_ERR_INVALID, 77, 77},
    {"minus one to quarter", (enum rt_period) - 1, RT_PERIOD_QUARTER,
     RT_ERR_INVALID, 77, 77},
    {"minus one to year", (enum rt_period) - 1, RT_PERIOD_YEAR, RT_ERR_INVALID,
     77, 77},
    {"minus one to past year", (enum rt_period) - 1,
     (enum rt_period)(RT_PERIOD_YEAR + 1), RT_ERR_INVALID, 77, 77},
    {"minus one to minus one", (enum rt_period) - 1, (enum rt_period) - 1,
     RT_ERR_INVALID, 77, 77},
};

static void test_ratio(void **state)
{
    const struct ratio_case *c = *state;
    uint64_t num = 77, den = 77;

    assert_int_equal(rt_period_ratio(c->from, c->to, &num, &den), c->status);
    assert_int_equal(num, c->num);
    assert_int_equal(den, c->den);
}

/* Inputs rt_lifetime_compute() refuses, so that it is defined for all. */
struct refusal_case {
    const char *name;
    uint64_t start; /* of figures made by hand; 0 is refused */
    unsigned precision;
    struct rt_lifetime_options options;
    enum rt_status status;
};

static const struct refusal_case refusal_cases[] = {
    {"valid", 100, 2, {RT_PERIOD_MONTH, RT_PERIOD_YEAR, true, 1, 1, 2}, RT_OK},
    {"start of 0",
     0,
     2,
     {RT_PERIOD_MONTH, RT_PERIOD_NONE, false, 0, 0, 2},
     RT_ERR_ZERO_START},
    {"start too large",
     MAX + 1,
     2,
     {RT_PERIOD_NONE, RT_PERIOD_NONE, false, 0, 0, 2},
     RT_ERR_RANGE},
    {"precision 13",
     100,
     13,
     {RT_PERIOD_NONE, RT_PERIOD_NONE, false, 0, 0, 2},
     RT_ERR_PRECISION},
    {"money precision 13",
     100,
     2,
     {RT_PERIOD_NONE, RT_PERIOD_NONE, true, 1, 0, 13},
     RT_ERR_PRECISION},
    {"margin too large",
     100,
     2,
     {RT_PERIOD_NONE, RT_PERIOD_NONE, true, MAX + 1, 0, 2},
     RT_ERR_RANGE},
    {"discount too large",
     100,
     2,
     {RT_PERIOD_NONE, RT_PERIOD_NONE, true, 1, UINT64_MAX, 2},
     RT_ERR_RANGE},
    {"period out of range",
     100,
     2,
     {(enum rt_period)(RT_PERIOD_YEAR + 1), RT_PERIOD_NONE, false, 0, 0, 2},
     RT_ERR_INVALID},
    {"per out of range",
     100,
     2,
     {RT_PERIOD_MONTH, (enum rt_period) - 1, false, 0, 0, 2},
     RT_ERR_INVALID},
    {"per without period",
     100,
     2,
     {RT_PERIOD_NONE, RT_PERIOD_YEAR, false, 0, 0, 2},
     RT_ERR_INVALID},
};

static void test_refusal(void **state)
{
    const struct refusal_case *c = *state;
    struct rt_counts counts = {100, 90, 0, true};
    struct rt_figures figures;
    struct rt_lifetime lifetime;

    assert_int_equal(rt_figures_compute(&counts, 2, &figures), RT_OK);
    figures.counts.start = c->start;
    figures.precision = c->precision;
    assert_int_equal(rt_lifetime_compute(&figures, &c->options, &lifetime),
                     c->status);
}

static void test_names(void **state)
{
    enum rt_lifetime_field field;
    enum rt_period period;
    unsigned i;

    (void)state;
    for (i = 0; i < RT_LIFETIME_FIELD_COUNT; i++) {
        assert_true(rt_lifetime_field_lookup(
            rt_lifetime_field_name((enum rt_lifetime_field)i), &field));
        assert_int_equal(field, i);
    }
    assert_string_equal(rt_lifetime_field_name(RT_LIFETIME_FIELD_COUNT), "");
    for (i = RT_PERIOD_DAY; i <= RT_PERIOD_YEAR; i++) {
        assert_true(
            rt_period_lookup(rt_period_name((enum rt_period)i), &period));
        assert_int_equal(period, i);
    }
    assert_string_equal(rt_period_name(RT_PERIOD_NONE), "");
    assert_string_equal(rt_period_name((enum rt_period)(RT_PERIOD_YEAR + 1)),
                        "");
    assert_false(rt_period_lookup("", &period));
    assert_false(rt_period_lookup("months", &period));
}

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_names)};

    return TABLE_RUN("lifetime", lifetime_cases, test_lifetime) |
           TABLE_RUN("period ratio", ratio_cases, test_ratio) |
           TABLE_RUN("lifetime refusals", refusal_cases, test_refusal) |
           cmocka_run_group_tests_name("lifetime names", plain, NULL, NULL);
}
