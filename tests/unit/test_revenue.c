/*
 * test_revenue.c - net and gross revenue retention from amounts in
 * millionths, each field as CSV holds it, and what is refused.
 */
#include <string.h>

#include "retain.h"
#include "table.h"

#define MILLION  UINT64_C(1000000)
#define LARGEST  UINT64_C(9223372036854775807)
#define OVER_MAX (LARGEST + 1)

struct revenue_case {
    const char *name;
    struct rt_revenue amounts;
    unsigned precision;
    enum rt_status status;
    const char *fields[RT_REVENUE_FIELD_COUNT]; /* when RT_OK */
};

static const struct revenue_case revenue_cases[] = {
    {"growth above the losses",
     {100000 * MILLION, 20000 * MILLION, 5000 * MILLION, 10000 * MILLION},
     2,
     RT_OK,
     {"100000", "20000", "5000", "10000", "105.00", "85.00", ""}},
    {"cents, to four places",
     {4990 * MILLION / 100, 0, 1, 0},
     4,
     RT_OK,
     {"49.9", "0", "0.000001", "0", "100.0000", "100.0000", ""}},
    {"more lost than there was",
     {10 * MILLION, 0, 6 * MILLION, 5 * MILLION},
     1,
     RT_OK,
     {"10", "0", "6", "5", "-10.0", "-10.0",
      "contraction + churned (11) is greater than start_mrr (10): more "
      "revenue lost than there was at the start"}},
    {"the largest amounts",
     {LARGEST, LARGEST, 0, 0},
     0,
     RT_OK,
     {"9223372036854.775807", "9223372036854.775807", "0", "0", "200", "100",
      ""}},
    {"a start of 0", {0, 1, 0, 0}, 2, RT_ERR_ZERO_START},
    {"start above the largest", {OVER_MAX, 0, 0, 0}, 2, RT_ERR_RANGE},
    {"expansion above the largest", {1, OVER_MAX, 0, 0}, 2, RT_ERR_RANGE},
    {"contraction above the largest", {1, 0, OVER_MAX, 0}, 2, RT_ERR_RANGE},
    {"churned above the largest", {1, 0, 0, OVER_MAX}, 2, RT_ERR_RANGE},
    {"precision 13", {1, 0, 0, 0}, 13, RT_ERR_PRECISION},
};

static void test_revenue(void **state)
{
    const struct revenue_case *c = *state;
    struct rt_revenue_figures figures;
    char text[RT_WARNING_TEXT_SIZE];
    unsigned field;

    assert_int_equal(rt_revenue_compute(&c->amounts, c->precision, &figures),
                     c->status);
    if (c->status != RT_OK)
        return;
    for (field = 0; field < RT_REVENUE_FIELD_COUNT; field++) {
        rt_revenue_field_value(&figures, (enum rt_revenue_field)field, text,
                               sizeof text);
        assert_string_equal(text, c->fields[field]);
    }
    assert_int_equal(figures.warnings != 0,
                     c->fields[RT_REVENUE_WARNINGS][0] != '\0');
}

static void test_field_names(void **state)
{
    enum rt_revenue_field field;
    unsigned i;

    (void)state;
    for (i = 0; i < RT_REVENUE_FIELD_COUNT; i++) {
        assert_true(rt_revenue_field_lookup(
            rt_revenue_field_name((enum rt_revenue_field)i), &field));
        assert_int_equal(field, i);
    }
    assert_string_equal(rt_revenue_field_name(RT_REVENUE_NET),
                        "net_revenue_retention");
    assert_false(rt_revenue_field_lookup("nrr", &field));
    assert_string_equal(rt_revenue_field_name(RT_REVENUE_FIELD_COUNT), "");
    assert_string_equal(rt_revenue_field_name((enum rt_revenue_field) - 1), "");
}

/* A field out of range has no value: "", never another field's. */
static void test_field_out_of_range(void **state)
{
    static const int bad[] = {RT_REVENUE_FIELD_COUNT, -1, 1000};
    const struct rt_revenue amounts = {100000000, 0, 60000000, 50000000};
    struct rt_revenue_figures figures;
    char buf[RT_WARNING_TEXT_SIZE];
    size_t i;

    (void)state;
    assert_int_equal(rt_revenue_compute(&amounts, 2, &figures), RT_OK);
    assert_int_not_equal(figures.warnings, 0);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strcpy(buf, "x");
        rt_revenue_field_value(&figures, (enum rt_revenue_field)bad[i], buf,
                               sizeof buf);
        assert_string_equal(buf, "");
    }
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_field_names),
        cmocka_unit_test(test_field_out_of_range),
    };

    return TABLE_RUN("revenue", revenue_cases, test_revenue) |
           cmocka_run_group_tests_name("revenue names", plain, NULL, NULL);
}
