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
           cmocka_run_group_tests_name("lifetime names", plain, NULL, NULL);
}
