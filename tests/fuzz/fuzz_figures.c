/*
 * fuzz_figures.c - the figures of any counts the parser accepts.  Checks
 * that retained = E - N and retained + lost = S exactly, that each printed
 * rate is its exact value rounded half away from zero (against a second
 * computation in 128-bit integers), that retention and churn add up to 100
 * give or take one unit in the last digit, and the same of the rates over
 * another period.  Needs a compiler with __int128, as clang has.
 */
#include <string.h>

#include "fuzz.h"
#include "retain.h"

__extension__ typedef __int128 wide; /* gcc and clang have it */

static uint64_t take_u64(const uint8_t **data, size_t *size)
{
    uint64_t v = 0;
    unsigned i;

    for (i = 0; i < 8 && *size > 0; i++, (*data)++, (*size)--)
        v = v << 8 | **data;
    return v;
}

static wide signed_of(struct rt_wide w)
{
    return w.negative ? -(wide)w.magnitude : (wide)w.magnitude;
}

static wide ten_to(unsigned n)
{
    wide p = 1;

    while (n-- > 0)
        p *= 10;
    return p;
}

/* A printed rate as an integer count of units of its last digit. */
static wide units_of(const char *text, unsigned precision)
{
    wide v = 0;
    unsigned decimals = 0;
    bool negative = *text == '-', point = false;
    const char *p = text + negative;

    for (; *p; p++) {
        if (*p == '.') {
            point = true;
            continue;
        }
        FUZZ_CHECK(*p >= '0' && *p <= '9', "a rate is digits and a point");
        v = v * 10 + (*p - '0');
        decimals += point;
    }
    FUZZ_CHECK(decimals == precision, "a rate has -p decimals");
    return negative ? -v : v;
}

/* num / den * 100 at `precision` digits, halves away from zero. */
static wide expected_units(wide num, wide den, unsigned precision)
{
    wide scaled = num * 100 * ten_to(precision);
    wide magnitude = scaled < 0 ? -scaled : scaled;
    wide q = (2 * magnitude + den) / (2 * den);

    return scaled < 0 ? -q : q;
}

static void check_pair(const struct rt_rate *rate, const struct rt_rate *rest,
                       wide num, wide den, unsigned precision)
{
    wide a = units_of(rate->text, precision);
    wide b = units_of(rest->text, precision);
    wide sum = a + b - 100 * ten_to(precision);

    FUZZ_CHECK(a == expected_units(num, den, precision),
               "a rate is its exact value, rounded");
    FUZZ_CHECK(sum >= -1 && sum <= 1, "a rate and its rest add up to 100");
}

static void check_lifetime(const struct rt_figures *f, uint8_t choice)
{
    struct rt_lifetime_options o = {0};
    struct rt_lifetime life;
    const struct rt_value *rate, *churn;
    wide sum;

    o.period = (enum rt_period)(1 + choice % 5);
    o.per = (enum rt_period)(1 + choice / 5 % 5);
    o.money_precision = 2;
    FUZZ_CHECK(rt_lifetime_compute(f, &o, &life) == RT_OK,
               "the figures beyond one period are computed");
    rate = &life.values[RT_LIFETIME_RETENTION_RATE_PER];
    churn = &life.values[RT_LIFETIME_CHURN_RATE_PER];
    if (rate->state != RT_VALUE_KNOWN)
        return;
    sum = units_of(rate->text, f->precision) +
          units_of(churn->text, f->precision) - 100 * ten_to(f->precision);
    FUZZ_CHECK(sum >= -1 && sum <= 1, "converted rates add up to 100");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rt_counts c;
    struct rt_figures f;
    uint8_t flags = size > 0 ? data[0] : 0;

    if (size > 0)
        data++, size--;
    c.start = take_u64(&data, &size) % (RT_COUNT_MAX + 1);
    c.end = take_u64(&data, &size) % (RT_COUNT_MAX + 1);
    c.new_customers = take_u64(&data, &size) % (RT_COUNT_MAX + 1);
    c.has_new = flags & 1;
    if (rt_figures_compute(&c, flags / 2 % 13, &f) != RT_OK) {
        FUZZ_CHECK(c.start == 0, "only a start of 0 is refused");
        return 0;
    }
    check_pair(&f.simple_retention_rate, &f.simple_churn_rate, c.end, c.start,
               f.precision);
    if (!c.has_new)
        return 0;
    FUZZ_CHECK(signed_of(f.retained) == (wide)c.end - (wide)c.new_customers,
               "retained = E - N");
    FUZZ_CHECK(signed_of(f.retained) + signed_of(f.lost) == (wide)c.start,
               "retained + lost = S");
    check_pair(&f.retention_rate, &f.churn_rate, signed_of(f.retained), c.start,
               f.precision);
    if (size > 0)
        check_lifetime(&f, data[0]);
    return 0;
}
