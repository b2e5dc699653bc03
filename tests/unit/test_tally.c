/*
 * test_tally.c - the summary over many rows: pooled sums, the mean, minimum
 * and maximum retention rate, and the same after merging tallies (as the
 * batch threads do).  Expected texts come from Python's fractions module
 * (tests/cli/oracle_summary.py): every printed value is the exact value
 * rounded once, half away from zero; the mean is the exact mean of the
 * exact rates.  "" is an unknown value.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "tally.h"

#define MAX_ROWS 3
#define NO_NEW   UINT64_MAX /* a row without a new count */
#define LARGEST  UINT64_C(9223372036854775807)

static const uint64_t test_key[2] = {UINT64_C(0x0123456789abcdef),
                                     UINT64_C(0xfedcba9876543210)};

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
    /* Sums over no rows are 0 (new ones only with a new column); rates are
       not defined. */
    {"no rows",
     0,
     {{0, 0, 0}},
     2,
     {"0", "0", "0", "", "", "", "", "", "", "", "", "", ""},
     RT_ERR_RANGE},
    /* The mean is rounded once: 12.344999999999996 was once 12.35. */
    {"one row of 12.344999999999996%: the mean is 12.34",
     1,
     {{UINT64_C(100000000000000000), UINT64_C(12344999999999996), 0}},
     2,
     {"1", "100000000000000000", "12344999999999996", "0", "12344999999999996",
      "87655000000000004", "12.34", "87.66", "12.34", "87.66", "12.34", "12.34",
      "12.34"},
     RT_OK},
    {"halfway: 12.34 and 12.35 have the mean 12.345, printed 12.35",
     2,
     {{10000, 1234, 0}, {10000, 1235, 0}},
     2,
     {"2", "20000", "2469", "0", "2469", "17531", "12.35", "87.66", "12.35",
      "87.66", "12.35", "12.34", "12.35"},
     RT_OK},
    {"halfway below zero: -12.345 is printed -12.35",
     2,
     {{10000, 0, 1234}, {10000, 0, 1235}},
     2,
     {"2", "20000", "0", "2469", "-2469", "22469", "-12.35", "112.35", "0.00",
      "100.00", "-12.35", "-12.35", "-12.34"},
     RT_OK},
    {"halfway from thirds at -p 0: 1/3% and 2/3% have the mean 0.5%",
     2,
     {{300, 1, 0}, {300, 2, 0}},
     0,
     {"2", "600", "3", "0", "3", "597", "1", "100", "1", "100", "1", "0", "1"},
     RT_OK},
    {"halfway from thirds below zero at -p 0",
     2,
     {{300, 0, 1}, {300, 0, 2}},
     0,
     {"2", "600", "0", "3", "-3", "603", "-1", "101", "0", "100", "-1", "-1",
      "0"},
     RT_OK},
    {"halfway from thirds at -p 12",
     2,
     {{UINT64_C(300000000000000), 1, 0}, {UINT64_C(300000000000000), 2, 0}},
     12,
     {"2", "600000000000000", "3", "0", "3", "599999999999997",
      "0.000000000001", "100.000000000000", "0.000000000001",
      "100.000000000000", "0.000000000001", "0.000000000000", "0.000000000001"},
     RT_OK},
    {"-p 12: 13 decimals ending in 5",
     1,
     {{UINT64_C(1000000000000000), UINT64_C(123456789012345), 0}},
     12,
     {"1", "1000000000000000", "123456789012345", "0", "123456789012345",
      "876543210987655", "12.345678901235", "87.654321098766",
      "12.345678901235", "87.654321098766", "12.345678901235",
      "12.345678901235", "12.345678901235"},
     RT_OK},
    {"-p 0: thirds",
     3,
     {{3, 1, 0}, {3, 2, 0}, {3, 3, 0}},
     0,
     {"3", "9", "6", "0", "6", "3", "67", "33", "67", "33", "67", "33", "100"},
     RT_OK},
    {"rates of both signs with the mean -1/6%: 0, not -0",
     3,
     {{7, 0, 5}, {7, 5, 0}, {200, 0, 1}},
     0,
     {"3", "214", "5", "6", "-1", "215", "0", "100", "2", "98", "0", "-71",
      "71"},
     RT_OK},
    {"start 1 and counts of 2^63 - 1, either sign",
     3,
     {{1, LARGEST, 0}, {1, 0, LARGEST}, {1, LARGEST, 0}},
     2,
     {"3", "3", "18446744073709551614", "9223372036854775807",
      "9223372036854775807", "-9223372036854775804", "307445734561825860233.33",
      "-307445734561825860133.33", "614891469123651720466.67",
      "-614891469123651720366.67", "307445734561825860233.33",
      "-922337203685477580700.00", "922337203685477580700.00"},
     RT_ERR_RANGE},
    {"starts of 2^63 - 1: rates a hair under 100",
     3,
     {{LARGEST, LARGEST - 1, 0},
      {LARGEST, LARGEST - 2, 0},
      {LARGEST - 1, LARGEST - 2, 0}},
     12,
     {"3", "27670116110564327420", "27670116110564327416", "0",
      "27670116110564327416", "4", "100.000000000000", "0.000000000000",
      "100.000000000000", "0.000000000000", "100.000000000000",
      "100.000000000000", "100.000000000000"},
     RT_ERR_RANGE},
    /* Two rows whose mean is within 10^-20 of halfway at -p 12, which the
       fixed point cannot tell apart: decided exactly. */
    {"within 2e-20 below halfway",
     2,
     {{UINT64_C(2100000000000000), UINT64_C(1942007376397102), 2},
      {UINT64_C(1246272130965476437), UINT64_C(801312958138184003), 3}},
     12,
     {"2", "1248372130965476437", "803254965514581105", "5",
      "803254965514581100", "445117165450895337", "64.344192375823",
      "35.655807624177", "64.344192375823", "35.655807624177",
      "78.386665195106", "64.296788657018", "92.476541733195"},
     RT_OK},
    {"within 2e-20 above halfway",
     2,
     {{UINT64_C(1300000000000000), UINT64_C(217277740260320), 0},
      {UINT64_C(2066169633737649101), UINT64_C(969242841878790156), 0}},
     12,
     {"2", "2067469633737649101", "969460119619050476", "0",
      "969460119619050476", "1098009514118598625", "46.891141896310",
      "53.108858103690", "46.891141896310", "53.108858103690",
      "31.811900696132", "16.713672327717", "46.910129064546"},
     RT_OK},
    {"within 1e-20 below halfway, one rate below zero",
     2,
     {{UINT64_C(2900000000000000), UINT64_C(2672902798583481), 3},
      {UINT64_C(1889374712321503281), 1, UINT64_C(1247052747997871883)}},
     12,
     {"2", "1892274712321503281", "2672902798583482", "1247052747997871886",
      "-1244379845199288404", "3136654557520791685", "-65.761056631817",
      "165.761056631817", "0.141253422729", "99.858746577271",
      "13.082799276665", "-66.003463466789", "92.169062020120"},
     RT_OK},
    {"within 2e-20 above halfway, one rate below zero",
     2,
     {{UINT64_C(1900000000000000), UINT64_C(1674099004286674), 0},
      {UINT64_C(1996142740493625361), 0, UINT64_C(1033694375381742705)}},
     12,
     {"2", "1998042740493625361", "1674099004286674", "1033694375381742705",
      "-1032020276377456031", "3030063016871081392", "-51.651561573828",
      "151.651561573828", "0.083786946613", "99.916213053387",
      "18.162940917854", "-51.784592074118", "88.110473909825"},
     RT_OK},
};

static void add_row(struct rt_tally *tally, uint64_t start, uint64_t end,
                    uint64_t new_customers, unsigned precision)
{
    struct rt_counts counts = {start, end, new_customers,
                               new_customers != NO_NEW};
    struct rt_figures figures;
    struct rt_mean_term term;

    if (!counts.has_new)
        counts.new_customers = 0;
    assert_int_equal(rt_figures_compute(&counts, precision, &figures), RT_OK);
    rt_tally_term(&figures, &term);
    assert_true(rt_tally_add(tally, &figures, &term));
}

static void add_rows(struct rt_tally *tally, const struct tally_case *c,
                     unsigned from, unsigned to)
{
    unsigned i;

    for (i = from; i < to; i++)
        add_row(tally, c->rows[i].start, c->rows[i].end,
                c->rows[i].new_customers, c->precision);
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
    const uint64_t zero_key[2] = {0, 0};
    struct rt_tally all, first, rest, empty;
    struct rt_lifetime lifetime;

    rt_tally_init(&all, test_key);
    add_rows(&all, c, 0, c->count);
    check_values(&all, c);
    assert_int_equal(rt_tally_lifetime(&all, &options, c->precision, &lifetime),
                     c->lifetime);
    /* Merged from two parts, and into an empty tally: the same. */
    rt_tally_init(&first, test_key);
    rt_tally_init(&rest, zero_key);
    add_rows(&first, c, 0, c->count ? 1 : 0);
    add_rows(&rest, c, c->count ? 1 : 0, c->count);
    assert_true(rt_tally_merge(&first, &rest));
    check_values(&first, c);
    rt_tally_init(&empty, zero_key);
    assert_true(rt_tally_merge(&empty, &all));
    check_values(&empty, c);
    /* Cleared, a tally is empty, and takes the rows again. */
    rt_tally_clear(&all);
    assert_int_equal(all.rows, 0);
    add_rows(&all, c, 0, c->count);
    check_values(&all, c);
    rt_tally_free(&all);
    rt_tally_free(&first);
    rt_tally_free(&rest);
    rt_tally_free(&empty);
}

/* A field out of range has no name and no value. */
static void test_unknown_field(void **state)
{
    struct rt_tally tally;
    char text[RT_TALLY_TEXT_SIZE];

    (void)state;
    rt_tally_init(&tally, test_key);
    add_row(&tally, 10, 9, 1, 2);
    assert_string_equal(rt_tally_field_name(RT_TALLY_MEAN_RETENTION_RATE),
                        "mean_retention_rate");
    assert_string_equal(rt_tally_field_name(RT_TALLY_FIELDS), "");
    assert_false(rt_tally_value(&tally, RT_TALLY_FIELDS, 2, text));
    assert_string_equal(text, "");
    assert_false(rt_tally_value(&tally, RT_TALLY_MEAN_RETENTION_RATE,
                                RT_PRECISION_MAX + 1, text));
    assert_string_equal(text, "");
    rt_tally_free(&tally);
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
    rt_tally_init(&tally, test_key);
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
    rt_tally_free(&tally);
}

/*
 * 4,000 rows of the largest rate, (2^63 - 1) * 100%: their sum is beyond
 * 128 bits in units of 10^-16, where the mean was once kept.
 */
static void test_mean_of_the_largest_rates(void **state)
{
    struct rt_tally tally;
    char text[RT_TALLY_TEXT_SIZE];
    unsigned i;

    (void)state;
    rt_tally_init(&tally, test_key);
    for (i = 0; i < 4000; i++)
        add_row(&tally, 1, LARGEST, 0, 2);
    add_row(&tally, 3, 0, LARGEST, 2);
    assert_int_equal(rt_tally_mean(&tally, 2, text), RT_MEAN_KNOWN);
    /* (4000 - 1/3) * (2^63 - 1) * 100% / 4001 */
    assert_string_equal(text, "922029834793138839525.06");
    rt_tally_free(&tally);
}

/*
 * Rows a/s and (s - a)/s for `pairs` start counts s: each pair adds up to
 * exactly 100%, but neither rate ends, so the fixed point cuts them all.
 * Then one row of (10 pairs + 50.5)%, exact in fixed point, which puts the
 * mean at exactly 50.5%: halfway at -p 0.  The rows go to `parts` tallies
 * in turn, which are then merged into the first.
 */
static void add_pairs(struct rt_tally *tally, unsigned pairs, unsigned parts)
{
    unsigned i, row = 0;
    uint64_t s = 1;

    for (i = 0; i < pairs; i++) {
        do
            s += 2; /* odd and not a multiple of 5: 3, 7, 9, 11, ... */
        while (s % 5 == 0);
        add_row(&tally[row++ % parts], s, 1, 0, 0);
        add_row(&tally[row++ % parts], s, s - 1, 0, 0);
    }
    /* (pairs + x) / (2 pairs + 1) = 0.505: x = 0.01 pairs + 0.505. */
    add_row(&tally[row % parts], 1000, 10 * (uint64_t)pairs + 505, 0, 0);
    for (i = 1; i < parts; i++)
        assert_true(rt_tally_merge(&tally[0], &tally[i]));
}

/* The mean of add_pairs() at -p 0: "51" when decided, else undecided. */
static void check_pairs(unsigned pairs, unsigned parts,
                        enum rt_mean_result want)
{
    struct rt_tally tally[3];
    char text[RT_TALLY_TEXT_SIZE];
    unsigned i;

    for (i = 0; i < parts; i++)
        rt_tally_init(&tally[i], test_key);
    add_pairs(tally, pairs, parts);
    assert_int_equal(rt_tally_mean(&tally[0], 0, text), want);
    assert_string_equal(text, want == RT_MEAN_KNOWN ? "51" : "");
    assert_int_equal(
        rt_tally_value(&tally[0], RT_TALLY_MEAN_RETENTION_RATE, 0, text),
        want == RT_MEAN_KNOWN);
    /* At -p 1 the same mean, 50.5, is not at a boundary. */
    assert_int_equal(rt_tally_mean(&tally[0], 1, text), RT_MEAN_KNOWN);
    assert_string_equal(text, "50.5");
    for (i = 0; i < parts; i++)
        rt_tally_free(&tally[i]);
}

/*
 * An exact halfway mean over 1,024 distinct start counts of cut rows is
 * decided; over 1,025 it is left unknown, the documented bound; whether
 * the rows came in one tally or merged from several.
 */
static void test_mean_table_bound(void **state)
{
    unsigned parts;

    (void)state;
    for (parts = 1; parts <= 3; parts++) {
        check_pairs(RT_FRACSUM_MAX, parts, RT_MEAN_KNOWN);
        check_pairs(RT_FRACSUM_MAX + 1, parts, RT_MEAN_UNDECIDED);
    }
}

/*
 * Rows 1/s and -2/(2s) for `count` odd s near 2^61 cancel exactly, and one
 * row of x% makes the mean 0.5%, halfway at -p 0.  Reduced, the fractions
 * have the common denominator of the s: about 61 bits each.
 */
static void check_wide(unsigned count, enum rt_mean_result want)
{
    struct rt_tally tally;
    char text[RT_TALLY_TEXT_SIZE];
    uint64_t s = (UINT64_C(1) << 61) + 1;
    unsigned i;

    rt_tally_init(&tally, test_key);
    for (i = 0; i < count; i++, s += 2) {
        add_row(&tally, s, 1, 0, 0);
        add_row(&tally, 2 * s, 0, 2, 0);
    }
    /* x / (2 count + 1) = 0.005: x = 0.01 count + 0.005. */
    add_row(&tally, 1000, 10 * (uint64_t)count + 5, 0, 0);
    assert_int_equal(rt_tally_mean(&tally, 0, text), want);
    assert_string_equal(text, want == RT_MEAN_KNOWN ? "1" : "");
    rt_tally_free(&tally);
}

/* 120 such s need about 7,300 bits, below the bound; 150 about 9,150. */
static void test_mean_common_denominator_bound(void **state)
{
    (void)state;
    check_wide(120, RT_MEAN_KNOWN);
    check_wide(150, RT_MEAN_UNDECIDED);
}

int main(void)
{
    const struct CMUnitTest others[] = {
        cmocka_unit_test(test_unknown_field),
        cmocka_unit_test(test_revenue),
        cmocka_unit_test(test_mean_of_the_largest_rates),
        cmocka_unit_test(test_mean_table_bound),
        cmocka_unit_test(test_mean_common_denominator_bound),
    };

    return TABLE_RUN("tally", tally_cases, test_tally) |
           cmocka_run_group_tests_name("tally_edges", others, NULL, NULL);
}
