/*
 * lifetime.c - figures beyond one period: rates over another length of
 * period, expected and median lifetime, lifetime value.
 *
 * With r the retention rate as a fraction (retained / start) and c = 1 - r:
 *   rate per another period  r^k, k the measured periods in it (compounded,
 *                            never k times the churn)
 *   expected lifetime        1 / c periods
 *   median lifetime          ln 0.5 / ln r periods
 *   lifetime value           M (1 + D) / (1 + D - r): a margin M counted at
 *                            the start of every period the customer stays,
 *                            discounted by D a period
 * Each is exact before it is rounded (see exact.c).  They are defined for
 * 0 <= r <= 1 only: counts that contradict each other leave them unknown.
 */
#include <stdio.h>
#include <string.h>

#include "exact.h"
#include "field.h"
#include "retain.h"

/* Lengths in sixteenths of a day: a month is 365.25 / 12 = 487/16 days. */
static const uint64_t period_length[] = {0, 16, 112, 487, 1461, 5844};
static const char *const period_names[] = {"",      "day",     "week",
                                           "month", "quarter", "year"};
#define YEAR_LENGTH 5844

const char *rt_period_name(enum rt_period period)
{
    return (unsigned)period <= RT_PERIOD_YEAR ? period_names[period] : "";
}

bool rt_period_lookup(const char *name, enum rt_period *out)
{
    unsigned i;

    for (i = RT_PERIOD_DAY; i <= RT_PERIOD_YEAR; i++) {
        if (strcmp(name, period_names[i]) == 0) {
            *out = (enum rt_period)i;
            return true;
        }
    }
    return false;
}

/* A length a ratio can be taken of: named, and within the enum. */
static bool is_named(enum rt_period period)
{
    return (unsigned)period >= RT_PERIOD_DAY &&
           (unsigned)period <= RT_PERIOD_YEAR;
}

enum rt_status rt_period_ratio(enum rt_period from, enum rt_period to,
                               uint64_t *num, uint64_t *den)
{
    uint64_t a, b, g;

    if (!is_named(from) || !is_named(to))
        return RT_ERR_INVALID;
    a = period_length[to];
    b = period_length[from];
    g = rt_gcd(a, b);
    *num = a / g;
    *den = b / g;
    return RT_OK;
}

/* Every figure beyond the period is computed in full by
   rt_lifetime_compute(), text and state: the table only reads it. */
static enum rt_value_state get_value(const void *report, unsigned id, char *buf,
                                     size_t size)
{
    const struct rt_value *value =
        &((const struct rt_lifetime *)report)->values[id];

    if (size > 0)
        snprintf(buf, size, "%s", value->text);
    return value->state;
}

static const struct rt_field_def lifetime_defs[RT_LIFETIME_FIELD_COUNT] = {
    {"period", NULL, RT_KIND_TEXT, RT_LIFETIME_PERIOD, get_value, NULL},
    {"per", NULL, RT_KIND_TEXT, RT_LIFETIME_PER, get_value, NULL},
    {"retention_rate_per", NULL, RT_KIND_RATE, RT_LIFETIME_RETENTION_RATE_PER,
     get_value, NULL},
    {"churn_rate_per", NULL, RT_KIND_RATE, RT_LIFETIME_CHURN_RATE_PER,
     get_value, NULL},
    {"expected_lifetime", "expected lifetime", RT_KIND_PERIODS,
     RT_LIFETIME_EXPECTED, get_value, NULL},
    {"expected_lifetime_years", NULL, RT_KIND_PERIODS,
     RT_LIFETIME_EXPECTED_YEARS, get_value, NULL},
    {"median_lifetime", "median lifetime", RT_KIND_PERIODS, RT_LIFETIME_MEDIAN,
     get_value, NULL},
    {"median_lifetime_years", NULL, RT_KIND_PERIODS, RT_LIFETIME_MEDIAN_YEARS,
     get_value, NULL},
    {"margin", NULL, RT_KIND_MONEY, RT_LIFETIME_MARGIN, get_value, NULL},
    {"discount_rate", NULL, RT_KIND_RATE, RT_LIFETIME_DISCOUNT_RATE, get_value,
     NULL},
    {"lifetime_value", "lifetime value", RT_KIND_MONEY, RT_LIFETIME_VALUE,
     get_value, NULL},
};

const struct rt_field_table rt_lifetime_fields = {lifetime_defs,
                                                  RT_LIFETIME_FIELD_COUNT};

const char *rt_lifetime_field_name(enum rt_lifetime_field field)
{
    return rt_field_table_name(&rt_lifetime_fields, (size_t)field);
}

bool rt_lifetime_field_lookup(const char *name, enum rt_lifetime_field *out)
{
    size_t index;

    if (!rt_field_table_find(&rt_lifetime_fields, name, &index))
        return false;
    *out = (enum rt_lifetime_field)index;
    return true;
}

static void set_text(struct rt_value *value, const char *text)
{
    size_t len = strlen(text);

    if (len >= sizeof value->text)
        len = sizeof value->text - 1;
    memcpy(value->text, text, len);
    value->text[len] = '\0';
    value->state = RT_VALUE_KNOWN;
}

static void set_infinite(struct rt_value *value)
{
    set_text(value, "inf");
    value->state = RT_VALUE_INFINITE;
}

/* A lifetime in periods and, when the period is named, in years. */
static void set_infinite_pair(struct rt_lifetime *out,
                              enum rt_lifetime_field periods,
                              enum rt_lifetime_field years)
{
    set_infinite(&out->values[periods]);
    if (out->options.period != RT_PERIOD_NONE)
        set_infinite(&out->values[years]);
}

/* num / den rounded to `precision` digits into value. */
static bool set_ratio(struct rt_value *value, uint64_t num, uint64_t num2,
                      uint64_t den, uint64_t den2, unsigned precision)
{
    struct rt_big n, d, factor;
    bool ok;

    rt_big_init(&n);
    rt_big_init(&d);
    rt_big_init(&factor);
    rt_big_set(&n, num);
    rt_big_set(&factor, num2);
    rt_big_mul(&n, &n, &factor);
    rt_big_set(&d, den);
    rt_big_set(&factor, den2);
    rt_big_mul(&d, &d, &factor);
    ok = rt_exact_ratio(&n, &d, 0, precision, value->text, sizeof value->text);
    value->state = ok ? RT_VALUE_KNOWN : RT_VALUE_UNKNOWN;
    rt_big_free(&n);
    rt_big_free(&d);
    rt_big_free(&factor);
    return ok;
}

/* Rates over `per`: r^k and 1 - r^k, as percentages. */
static bool convert(struct rt_lifetime *out, uint64_t a, uint64_t s,
                    unsigned precision)
{
    struct rt_value *rate = &out->values[RT_LIFETIME_RETENTION_RATE_PER];
    struct rt_value *churn = &out->values[RT_LIFETIME_CHURN_RATE_PER];
    uint64_t p = 1, q = 1;

    /* Both lengths are named: rt_lifetime_compute() checked them. */
    (void)rt_period_ratio(out->options.period, out->options.per, &p, &q);
    if (!rt_exact_power(a, s, p, q, 2, precision, rate->text, churn->text,
                        sizeof rate->text))
        return false;
    rate->state = churn->state = RT_VALUE_KNOWN;
    return true;
}

/* Expected lifetime 1 / c = s / (s - a), and the same in years. */
static bool expected(struct rt_lifetime *out, uint64_t a, uint64_t s,
                     unsigned precision)
{
    struct rt_value *periods = &out->values[RT_LIFETIME_EXPECTED];
    struct rt_value *years = &out->values[RT_LIFETIME_EXPECTED_YEARS];
    enum rt_period period = out->options.period;

    if (a == s) {
        set_infinite_pair(out, RT_LIFETIME_EXPECTED,
                          RT_LIFETIME_EXPECTED_YEARS);
        return true;
    }
    if (!set_ratio(periods, s, 1, s - a, 1, precision))
        return false;
    return period == RT_PERIOD_NONE ||
           set_ratio(years, s, period_length[period], s - a, YEAR_LENGTH,
                     precision);
}

/* Median lifetime ln 0.5 / ln r, and the same in years. */
static bool median(struct rt_lifetime *out, uint64_t a, uint64_t s,
                   unsigned precision)
{
    struct rt_value *periods = &out->values[RT_LIFETIME_MEDIAN];
    struct rt_value *years = &out->values[RT_LIFETIME_MEDIAN_YEARS];
    enum rt_period period = out->options.period;

    if (a == s) {
        set_infinite_pair(out, RT_LIFETIME_MEDIAN, RT_LIFETIME_MEDIAN_YEARS);
        return true;
    }
    if (a == 0) /* ln r goes to minus infinity: half are gone at once */
        return set_ratio(periods, 0, 1, 1, 1, precision) &&
               (period == RT_PERIOD_NONE ||
                set_ratio(years, 0, 1, 1, 1, precision));
    if (!rt_exact_median(a, s, 1, 1, precision, periods->text,
                         sizeof periods->text))
        return false;
    periods->state = RT_VALUE_KNOWN;
    if (period == RT_PERIOD_NONE)
        return true;
    if (!rt_exact_median(a, s, period_length[period], YEAR_LENGTH, precision,
                         years->text, sizeof years->text))
        return false;
    years->state = RT_VALUE_KNOWN;
    return true;
}

/*
 * M (1 + D) / (1 + D - a/s) in millionths m and d:
 * m (10^6 + d) s / (10^6 ((10^6 + d) s - 10^6 a)).
 */
static bool lifetime_value(struct rt_lifetime *out, uint64_t a, uint64_t s)
{
    const struct rt_lifetime_options *o = &out->options;
    struct rt_value *value = &out->values[RT_LIFETIME_VALUE];
    struct rt_big num, den, factor, part;
    bool ok;

    if (a == s && o->discount == 0) {
        set_infinite(value);
        return true;
    }
    rt_big_init(&num);
    rt_big_init(&den);
    rt_big_init(&factor);
    rt_big_init(&part);
    rt_big_set(&num, o->margin);
    rt_big_set(&factor, RT_MICRO + o->discount);
    rt_big_mul(&num, &num, &factor);
    rt_big_set(&part, s);
    rt_big_mul(&num, &num, &part);
    rt_big_mul(&den, &factor, &part); /* (10^6 + d) s */
    rt_big_set(&part, a);
    rt_big_mul_small(&part, &part, (uint32_t)RT_MICRO);
    rt_big_sub(&den, &den, &part);
    rt_big_mul_small(&den, &den, (uint32_t)RT_MICRO);
    ok = rt_exact_ratio(&num, &den, 0, o->money_precision, value->text,
                        sizeof value->text);
    value->state = ok ? RT_VALUE_KNOWN : RT_VALUE_UNKNOWN;
    rt_big_free(&num);
    rt_big_free(&den);
    rt_big_free(&factor);
    rt_big_free(&part);
    return ok;
}

/* The options themselves, shown beside what they gave. */
static void set_inputs(struct rt_lifetime *out, unsigned precision)
{
    const struct rt_lifetime_options *o = &out->options;

    if (o->period != RT_PERIOD_NONE)
        set_text(&out->values[RT_LIFETIME_PERIOD], rt_period_name(o->period));
    if (o->per != RT_PERIOD_NONE)
        set_text(&out->values[RT_LIFETIME_PER], rt_period_name(o->per));
    if (!o->has_margin)
        return;
    rt_amount_format(o->margin, o->money_precision, false,
                     out->values[RT_LIFETIME_MARGIN].text, RT_VALUE_TEXT_SIZE);
    out->values[RT_LIFETIME_MARGIN].state = RT_VALUE_KNOWN;
    rt_amount_format(o->discount, precision, true,
                     out->values[RT_LIFETIME_DISCOUNT_RATE].text,
                     RT_VALUE_TEXT_SIZE);
    out->values[RT_LIFETIME_DISCOUNT_RATE].state = RT_VALUE_KNOWN;
}

/*
 * What rt_lifetime_compute() needs of its inputs, so that it is defined for
 * every one: figures as rt_figures_compute() makes them, lengths of period
 * within the enum, --per only with a period, amounts within range.
 */
static enum rt_status check_inputs(const struct rt_figures *figures,
                                   const struct rt_lifetime_options *o)
{
    if (figures->precision > RT_PRECISION_MAX ||
        o->money_precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    if (figures->counts.start == 0)
        return RT_ERR_ZERO_START;
    if (figures->counts.start > RT_COUNT_MAX || o->margin > RT_COUNT_MAX ||
        o->discount > RT_COUNT_MAX)
        return RT_ERR_RANGE;
    if ((unsigned)o->period > RT_PERIOD_YEAR ||
        (unsigned)o->per > RT_PERIOD_YEAR ||
        (o->per != RT_PERIOD_NONE && o->period == RT_PERIOD_NONE))
        return RT_ERR_INVALID;
    return RT_OK;
}

enum rt_status rt_lifetime_compute(const struct rt_figures *figures,
                                   const struct rt_lifetime_options *options,
                                   struct rt_lifetime *out)
{
    uint64_t s = figures->counts.start, a = figures->retained.magnitude;
    unsigned precision = figures->precision, i;
    enum rt_status status = check_inputs(figures, options);
    bool ok = true;

    if (status != RT_OK)
        return status;
    out->options = *options;
    out->warnings = 0;
    for (i = 0; i < RT_LIFETIME_FIELD_COUNT; i++) {
        out->values[i].state = RT_VALUE_UNKNOWN;
        out->values[i].text[0] = '\0';
    }
    set_inputs(out, precision);
    if (!figures->counts.has_new || figures->retained.negative || a > s) {
        out->warnings = RT_LIFETIME_WARN_UNDEFINED;
        return RT_OK;
    }
    if (a == s)
        out->warnings = RT_LIFETIME_WARN_INFINITE;
    if (options->period != RT_PERIOD_NONE && options->per != RT_PERIOD_NONE)
        ok = convert(out, a, s, precision);
    ok = ok && expected(out, a, s, precision) && median(out, a, s, precision);
    if (ok && options->has_margin)
        ok = lifetime_value(out, a, s);
    return ok ? RT_OK : RT_ERR_NOMEM;
}

size_t rt_lifetime_warning_text(const struct rt_lifetime *lifetime,
                                enum rt_lifetime_warning warning, char *buf,
                                size_t size)
{
    const char *text = "";
    size_t len;

    if (warning == RT_LIFETIME_WARN_INFINITE)
        text = lifetime->options.has_margin && lifetime->options.discount == 0
                   ? "churn is 0, so the expected and median lifetimes and "
                     "the undiscounted lifetime value are infinite"
                   : "churn is 0, so the expected and median lifetimes are "
                     "infinite";
    else if (warning == RT_LIFETIME_WARN_UNDEFINED)
        text = "the retention rate is not between 0% and 100%, so rates "
               "per another period, lifetimes and lifetime value are not "
               "computed";
    len = strlen(text);
    if (size == 0)
        return 0;
    if (len >= size)
        len = size - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    return len;
}
