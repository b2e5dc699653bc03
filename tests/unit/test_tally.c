/*
 * test_tally.c - the summary over many rows: pooled sums, the mean, minimum
 * and maximum retention rate, and the same after merging two tallies (as
 * the batch threads do).  Expected texts come from Python's fractions
 * module: each row's rate rounded half up to 16 decimal places for the
 * mean, as tally.h documents, and every printed value rounded half away
 * from zero.  "" is an unknown value.
 */
#include <string.h>

#include "table.h"
#include "tally.h"

#define MAX_ROWS 3
#define NO_NEW   UINT64_MAX /* a row without a new count */
#define LARGEST  UINT64_C(9223372036854775807)

struct tally_row {
    uint64_t start, end, new_customers;
};

struct tally_case {
    const char *name;
    unsigned count;
    struct tally_row rows[MAX_ROWS];
    unsigned precision;
    const char *values[RT_TALLY_FIELDS];
    enum rt_status lifetime; /* of the pooled counts */
};

static const struct tally_case tally_cases[] = {
    {"one row",
     1,
     {{1000, 900, 200}},
     2,
     {"1", "1000", "900", "200", "700", "300", "70.00", "30.00", "90.00",
      "10.00", "70.00", "70.00", "70.00"},
     RT_OK},
    {"a row that lost more than it had",
     2,
     {{10, 5, 8}, {10, 10, 0}},
     2,
     {"2", "20", "15", "8", "7", "13", "35.00", "65.00", "75.00", "25.00",
      "35.00", "-30.00", "100.00"},
     RT_OK},
    {"only negative rates (the lifetime: computed, as undefined)",
     2,
     {{10, 5, 8}, {10, 2, 9}},
     2,
     {"2", "20", "7", "17", "-10", "30", "-50.00", "150.00", "35.00", "65.00",
      "-50.00", "-70.00", "-30.00"},
     RT_OK},
    {"counts beyond 10^11: the mean's last unit rounds up",
     1,
     {{UINT64_C(3000000000000), UINT64_C(2000000000003), 0}},
     12,
     {"1", "3000000000000", "2000000000003", "0", "2000000000003",
      "999999999997", "66.666666666767", "33.333333333233", "66.666666666767",
      "33.333333333233", "66.666666666767", "66.666666666767",
      "66.666666666767"},
     RT_OK},
    {"counts beyond 10^11: the mean's last unit rounds down",
     2,
     {{UINT64_C(3000000000000), UINT64_C(2000000000002), 0}, {7, 3, 1}},
     12,
     {"2", "3000000000007", "2000000000005", "1", "2000000000004",
      "1000000000003", "66.666666666644", "33.333333333356", "66.666666666678",
      "33.333333333322", "47.619047619081", "28.571428571429",
      "66.666666666733"},
     RT_OK},
    {"a row without a new count",
     2,
     {{100, 90, 10}, {100, 90, NO_NEW}},
     2,
     {"2", "200", "180", "", "", "", "", "", "90.00", "10.00", "", "", ""},
     RT_ERR_RANGE},
    {"sums beyond the largest count",
     2,
     {{LARGEST, LARGEST, 0}, {LARGEST, LARGEST - 1, 0}},
     2,
     {"2", "18446744073709551614", "18446744073709551613", "0",
      "18446744073709551613", "1", "100.00", "0.00", "100.00", "0.00", "100.00",
      "100.00", "100.00"},
     RT_ERR_RANGE},
    {"no rows",
     0,
     {{0, 0, 0}},
     2,
     {"0", "", "", "", "", "", "", "", "", "", "", "", ""},
     RT_ERR_RANGE},
};

static void add_rows(struct rt_tally *tally, const struct tally_case *c,
                     unsigned from, unsigned to)
{
    unsigned i;

    for (i = from; i < to; i++) {
        const struct tally_row *r = &c->rows[i];
        struct rt_counts counts = {r->start, r->end, r->new_customers,
                                   r->new_customers != NO_NEW};
        struct rt_figures figures;

        if (!counts.has_new)
            counts.new_customers = 0;
        assert_int_equal(rt_figures_compute(&counts, c->precision, &figures),
                         RT_OK);
        rt_tally_add(tally, &figures);
    }
}

static void check_values(const struct rt_tally *tally,
                         const struct tally_case *c)
{
    char text[RT_TALLY_TEXT_SIZE];
    unsigned field;

    for (field = 0; field < RT_TALLY_FIELDS; field++) {
        bool known = rt_tally_value(tally, (enum rt_tally_field)field,
                                    c->precision, text);
        if (strcmp(text, c->values[field]) != 0)
            print_error("field %s\n",
                        rt_tally_field_name((enum rt_tally_field)field));
        assert_string_equal(text, c->values[field]);
        assert_int_equal(known, c->values[field][0] != '\0');
    }
}

static void test_tally(void **state)
{
    const struct tally_case *c = *state;
    const struct rt_lifetime_options options = {
        RT_PERIOD_NONE, RT_PERIOD_NONE, false, 0, 0, 2};
    struct rt_tally all, first, rest, empty;
    struct rt_lifetime lifetime;

    rt_tally_init(&all);
    add_rows(&all, c, 0, c->count);
    check_values(&all, c);
    assert_int_equal(rt_tally_lifetime(&all, &options, c->precision, &lifetime),
                     c->lifetime);
    /* Merged from two parts, and into an empty tally: the same. */
    rt_tally_init(&first);
    rt_tally_init(&rest);
    add_rows(&first, c, 0, c->count ? 1 : 0);
    add_rows(&rest, c, c->count ? 1 : 0, c->count);
    rt_tally_merge(&first, &rest);
    check_values(&first, c);
    rt_tally_init(&empty);
    rt_tally_merge(&empty, &all);
    check_values(&empty, c);
}

/* A field out of range has no name and no value. */
static void test_unknown_field(void **state)
{
    struct rt_tally tally;
    char text[RT_TALLY_TEXT_SIZE];
    const struct rt_counts counts = {10, 9, 1, true};
    struct rt_figures figures;

    (void)state;
    rt_tally_init(&tally);
    assert_int_equal(rt_figures_compute(&counts, 2, &figures), RT_OK);
    rt_tally_add(&tally, &figures);
    assert_string_equal(rt_tally_field_name(RT_TALLY_MEAN_RETENTION_RATE),
                        "mean_retention_rate");
    assert_string_equal(rt_tally_field_name(RT_TALLY_FIELDS), "");
    assert_false(rt_tally_value(&tally, RT_TALLY_FIELDS, 2, text));
    assert_string_equal(text, "");
}

/* Pooled revenue retention is unknown without amounts or with a start of 0
   (a row's start of 0 is refused, so only a library user can give one). */
static void test_revenue(void **state)
{
    const struct rt_revenue zero_start = {0, 5, 0, 0};
    const struct rt_revenue some = {1000, 50, 20, 30};
    struct rt_tally tally;
    char text[RT_TALLY_TEXT_SIZE];

    (void)state;
    rt_tally_init(&tally);
    assert_false(rt_tally_revenue_value(&tally, RT_REVENUE_NET, 2, text));
    assert_string_equal(text, "");
    rt_tally_add_revenue(&tally, &zero_start);
    assert_false(rt_tally_revenue_value(&tally, RT_REVENUE_GROSS, 2, text));
    assert_string_equal(text, "");
    rt_tally_add_revenue(&tally, &some);
    assert_true(rt_tally_revenue_value(&tally, RT_REVENUE_NET, 2, text));
    assert_string_equal(text, "100.50");
    assert_true(rt_tally_revenue_value(&tally, RT_REVENUE_GROSS, 2, text));
    assert_string_equal(text, "95.00");
}

int main(void)
{
    const struct CMUnitTest others[] = {cmocka_unit_test(test_unknown_field),
                                        cmocka_unit_test(test_revenue)};

    return TABLE_RUN("tally", tally_cases, test_tally) |
           cmocka_run_group_tests_name("tally_edges", others, NULL, NULL);
}
