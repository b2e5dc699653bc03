/* test_figures.c - every figure of one period, and the warnings. */
#include <string.h>

#include "retain.h"
#include "table.h"

struct figures_case {
    const char *name;
    uint64_t s, e, n;
    bool has_new;
    unsigned precision;
    /* retained, lost, retention, churn, simple retention, simple churn */
    const char *expected[6];
    unsigned warnings;
};

#define MAX "9223372036854775807"

static const struct figures_case figures_cases[] = {
    {"issue example 1",
     1000,
     900,
     200,
     true,
     2,
     {"700", "300", "70.00", "30.00", "90.00", "10.00"},
     0},
    {"issue example 2",
     1000,
     800,
     200,
     true,
     2,
     {"600", "400", "60.00", "40.00", "80.00", "20.00"},
     0},
    {"simple only", 100, 99, 0, false, 2, {"", "", "", "", "99.00", "1.00"}, 0},
    {"two of three",
     3,
     2,
     0,
     true,
     2,
     {"2", "1", "66.67", "33.33", "66.67", "33.33"},
     0},
    {"one of eight at 0",
     8,
     1,
     0,
     true,
     0,
     {"1", "7", "13", "88", "13", "88"},
     0},
    {"one of 200 at 0",
     200,
     1,
     0,
     true,
     0,
     {"1", "199", "1", "100", "1", "100"},
     0},
    {"each rate rounded alone",
     200000,
     2010,
     0,
     true,
     2,
     {"2010", "197990", "1.01", "99.00", "1.01", "99.00"},
     0},
    {"new above end",
     1000,
     200,
     250,
     true,
     2,
     {"-50", "1050", "-5.00", "105.00", "20.00", "80.00"},
     RT_WARN_NEW_ABOVE_END},
    {"retained above start",
     500,
     900,
     100,
     true,
     2,
     {"800", "-300", "160.00", "-60.00", "180.00", "-80.00"},
     RT_WARN_RETAINED_ABOVE_START},
    {"tiny negative rounds to 0.00",
     300000,
     0,
     1,
     true,
     2,
     {"-1", "300001", "0.00", "100.00", "0.00", "100.00"},
     RT_WARN_NEW_ABOVE_END},
    {"largest counts",
     RT_COUNT_MAX,
     RT_COUNT_MAX,
     RT_COUNT_MAX,
     true,
     2,
     {"0", MAX, "0.00", "100.00", "100.00", "0.00"},
     0},
    {"lost beyond 63 bits",
     RT_COUNT_MAX,
     0,
     RT_COUNT_MAX,
     true,
     2,
     {"-" MAX, "18446744073709551614", "-100.00", "200.00", "0.00", "100.00"},
     RT_WARN_NEW_ABOVE_END},
    {"all kept, precision 12",
     7,
     7,
     0,
     true,
     12,
     {"7", "0", "100.000000000000", "0.000000000000", "100.000000000000",
      "0.000000000000"},
     0},
};

static void test_figures(void **state)
{
    const struct figures_case *c = *state;
    struct rt_counts counts = {c->s, c->e, c->n, c->has_new};
    struct rt_figures f;
    char value[RT_WARNING_TEXT_SIZE * RT_WARNING_KINDS];
    unsigned i;

    assert_int_equal(rt_figures_compute(&counts, c->precision, &f), RT_OK);
    for (i = 0; i < 6; i++) {
        bool known = rt_field_value(&f, (enum rt_field)(RT_FIELD_RETAINED + i),
                                    value, sizeof value);
        assert_string_equal(value, c->expected[i]);
        assert_int_equal(known, c->expected[i][0] != '\0');
    }
    assert_int_equal(f.warnings, c->warnings);
}

struct error_case {
    const char *name;
    uint64_t s, e, n;
    unsigned precision;
    enum rt_status status;
};

static const struct error_case error_cases[] = {
    {"start zero", 0, 5, 0, 2, RT_ERR_ZERO_START},
    {"start above max", RT_COUNT_MAX + 1, 5, 0, 2, RT_ERR_RANGE},
    {"end above max", 5, RT_COUNT_MAX + 1, 0, 2, RT_ERR_RANGE},
    {"new above max", 5, 5, UINT64_MAX, 2, RT_ERR_RANGE},
    {"precision 13", 5, 5, 0, 13, RT_ERR_PRECISION},
};

static void test_errors(void **state)
{
    const struct error_case *c = *state;
    struct rt_counts counts = {c->s, c->e, c->n, true};
    struct rt_figures f;

    assert_int_equal(rt_figures_compute(&counts, c->precision, &f), c->status);
}

static void test_warning_text(void **state)
{
    struct rt_counts below = {1000, 200, 250, true};
    struct rt_counts above = {500, 900, 100, true};
    struct rt_figures f;
    char text[RT_WARNING_TEXT_SIZE];

    (void)state;
    rt_figures_compute(&below, 2, &f);
    rt_warning_text(&f, RT_WARN_NEW_ABOVE_END, text, sizeof text);
    assert_string_equal(text, "new (250) is greater than end (200): retained "
                              "= end - new = -50, but no count of customers "
                              "can be negative");
    rt_figures_compute(&above, 2, &f);
    rt_warning_text(&f, RT_WARN_RETAINED_ABOVE_START, text, sizeof text);
    assert_string_equal(text, "end - new (900 - 100 = 800) is greater than "
                              "start (500): more customers retained than "
                              "there were at the start");
    assert_int_equal(rt_warning_text(&f, RT_WARN_RETAINED_ABOVE_START, text, 8),
                     7);
    assert_string_equal(text, "end - n");
}

static void test_field_names(void **state)
{
    enum rt_field field;
    unsigned i;

    (void)state;
    for (i = 0; i < RT_FIELD_COUNT; i++) {
        assert_true(rt_field_lookup(rt_field_name((enum rt_field)i), &field));
        assert_int_equal(field, i);
    }
    assert_false(rt_field_lookup("retention", &field));
    assert_string_equal(rt_field_name(RT_FIELD_COUNT), "");
}

/* Every status has a phrase of its own; a value out of range has one too. */
static void test_status_text(void **state)
{
    unsigned i, j;

    (void)state;
    assert_string_equal(rt_status_text(RT_OK), "success");
    assert_string_equal(rt_status_text(RT_ERR_NOMEM), "out of memory");
    assert_string_equal(rt_status_text(RT_ERR_IO), "write error");
    assert_string_equal(rt_status_text((enum rt_status)(RT_ERR_INVALID + 1)),
                        "unknown error");
    for (i = RT_OK; i <= RT_ERR_INVALID; i++) {
        const char *text = rt_status_text((enum rt_status)i);

        assert_string_not_equal(text, "unknown error");
        /* Two statuses share "not a whole number" on purpose: a fraction
           and other non-digits read the same to a user. */
        for (j = i + 1; j <= RT_ERR_INVALID; j++)
            if (!(i == RT_ERR_FRACTION && j == RT_ERR_NOT_NUMBER))
                assert_string_not_equal(text,
                                        rt_status_text((enum rt_status)j));
    }
}

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(test_warning_text),
        cmocka_unit_test(test_field_names),
        cmocka_unit_test(test_status_text),
    };

    return TABLE_RUN("figures", figures_cases, test_figures) +
           TABLE_RUN("figures errors", error_cases, test_errors) +
           cmocka_run_group_tests_name("figures text", plain, NULL, NULL);
}
