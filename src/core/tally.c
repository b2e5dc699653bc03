/* tally.c - see tally.h. */
#include <stdio.h>
#include <string.h>

#include "percent.h"
#include "tally.h"

void rt_tally_init(struct rt_tally *tally, const uint64_t key[2])
{
    memset(tally, 0, sizeof *tally);
    rt_mean_init(&tally->mean, key);
}

void rt_tally_free(struct rt_tally *tally)
{
    rt_mean_free(&tally->mean);
}

void rt_tally_clear(struct rt_tally *tally)
{
    struct rt_mean mean = tally->mean;

    memset(tally, 0, sizeof *tally);
    rt_mean_clear(&mean);
    tally->mean = mean;
}

/* Compares a/b with c/d exactly; b and d are positive. */
static int compare_fractions(struct rt_wide a, uint64_t b, struct rt_wide c,
                             uint64_t d)
{
    bool a_neg = a.negative && a.magnitude, c_neg = c.negative && c.magnitude;
    int order;

    if (a_neg != c_neg)
        return a_neg ? -1 : 1;
    order = rt_u128_cmp(rt_u128_mul64(a.magnitude, d),
                        rt_u128_mul64(c.magnitude, b));
    return a_neg ? -order : order;
}

void rt_tally_term(const struct rt_figures *figures, struct rt_mean_term *term)
{
    if (figures->counts.has_new)
        rt_mean_term(term, figures->retained, figures->counts.start);
}

bool rt_tally_add(struct rt_tally *tally, const struct rt_figures *figures,
                  const struct rt_mean_term *term)
{
    const struct rt_counts *c = &figures->counts;
    bool ignored = false;

    tally->rows++;
    tally->start = rt_u128_add(tally->start, rt_u128_from(c->start), &ignored);
    tally->end = rt_u128_add(tally->end, rt_u128_from(c->end), &ignored);
    if (!c->has_new)
        return true;
    tally->new_customers = rt_u128_add(
        tally->new_customers, rt_u128_from(c->new_customers), &ignored);
    if (tally->with_new++ == 0 ||
        compare_fractions(figures->retained, c->start, tally->min_num,
                          tally->min_den) < 0) {
        tally->min_num = figures->retained;
        tally->min_den = c->start;
    }
    if (tally->with_new == 1 ||
        compare_fractions(figures->retained, c->start, tally->max_num,
                          tally->max_den) > 0) {
        tally->max_num = figures->retained;
        tally->max_den = c->start;
    }
    return rt_mean_add(&tally->mean, term);
}

bool rt_tally_merge(struct rt_tally *into, const struct rt_tally *from)
{
    bool ignored = false;
    unsigned i;

    if (from->with_new > 0 &&
        (into->with_new == 0 ||
         compare_fractions(from->min_num, from->min_den, into->min_num,
                           into->min_den) < 0)) {
        into->min_num = from->min_num;
        into->min_den = from->min_den;
    }
    if (from->with_new > 0 &&
        (into->with_new == 0 ||
         compare_fractions(from->max_num, from->max_den, into->max_num,
                           into->max_den) > 0)) {
        into->max_num = from->max_num;
        into->max_den = from->max_den;
    }
    into->rows += from->rows;
    into->with_new += from->with_new;
    into->start = rt_u128_add(into->start, from->start, &ignored);
    into->end = rt_u128_add(into->end, from->end, &ignored);
    into->new_customers =
        rt_u128_add(into->new_customers, from->new_customers, &ignored);
    into->with_revenue += from->with_revenue;
    for (i = 0; i < RT_TALLY_AMOUNTS; i++)
        into->revenue[i] =
            rt_u128_add(into->revenue[i], from->revenue[i], &ignored);
    return rt_mean_merge(&into->mean, &from->mean);
}

bool rt_tally_keeps_rest(const struct rt_tally *tally)
{
    return rt_mean_keeps_rest(&tally->mean);
}

void rt_tally_decline_rest(struct rt_tally *tally)
{
    rt_mean_decline_rest(&tally->mean);
}

/* |a - b| and its sign, for a signed result of two sums. */
static bool difference(struct rt_u128 a, struct rt_u128 b,
                       struct rt_u128 *magnitude)
{
    if (rt_u128_cmp(a, b) >= 0) {
        *magnitude = rt_u128_sub(a, b);
        return false;
    }
    *magnitude = rt_u128_sub(b, a);
    return true;
}

static bool write_signed(bool negative, struct rt_u128 value,
                         char buf[RT_TALLY_TEXT_SIZE])
{
    size_t n = negative && !rt_u128_is_zero(value) ? 1 : 0;

    buf[0] = '-';
    rt_u128_format(value, buf + n);
    return true;
}

static bool write_rate(bool negative, struct rt_u128 num, struct rt_u128 den,
                       unsigned precision, char buf[RT_TALLY_TEXT_SIZE])
{
    if (rt_percent_u128(negative, num, den, precision, buf,
                        RT_TALLY_TEXT_SIZE) == RT_OK)
        return true;
    buf[0] = '\0';
    return false;
}

/* The fields that need no count of new customers. */
static bool simple_value(const struct rt_tally *t, enum rt_tally_field field,
                         unsigned precision, char buf[RT_TALLY_TEXT_SIZE])
{
    struct rt_u128 magnitude;
    bool negative;

    switch (field) {
    case RT_TALLY_START:
        return write_signed(false, t->start, buf);
    case RT_TALLY_END:
        return write_signed(false, t->end, buf);
    case RT_TALLY_SIMPLE_RETENTION_RATE:
        return write_rate(false, t->end, t->start, precision, buf);
    default:
        negative = difference(t->start, t->end, &magnitude);
        return write_rate(negative, magnitude, t->start, precision, buf);
    }
}

static bool retention_value(const struct rt_tally *t, enum rt_tally_field field,
                            unsigned precision, char buf[RT_TALLY_TEXT_SIZE])
{
    struct rt_u128 retained, lost, kept_plus_new;
    bool ignored = false, retained_negative, lost_negative;

    retained_negative = difference(t->end, t->new_customers, &retained);
    kept_plus_new = rt_u128_add(t->start, t->new_customers, &ignored);
    lost_negative = difference(kept_plus_new, t->end, &lost);
    switch (field) {
    case RT_TALLY_NEW:
        return write_signed(false, t->new_customers, buf);
    case RT_TALLY_RETAINED:
        return write_signed(retained_negative, retained, buf);
    case RT_TALLY_LOST:
        return write_signed(lost_negative, lost, buf);
    case RT_TALLY_RETENTION_RATE:
        return write_rate(retained_negative, retained, t->start, precision,
                          buf);
    case RT_TALLY_CHURN_RATE:
        return write_rate(lost_negative, lost, t->start, precision, buf);
    case RT_TALLY_MEAN_RETENTION_RATE:
        return rt_tally_mean(t, precision, buf) == RT_MEAN_KNOWN;
    case RT_TALLY_MIN_RETENTION_RATE:
        return rt_percent_format(t->min_num, t->min_den, precision, buf,
                                 RT_TALLY_TEXT_SIZE) == RT_OK;
    default:
        return rt_percent_format(t->max_num, t->max_den, precision, buf,
                                 RT_TALLY_TEXT_SIZE) == RT_OK;
    }
}

enum rt_mean_result rt_tally_mean(const struct rt_tally *tally,
                                  unsigned precision,
                                  char buf[RT_TALLY_TEXT_SIZE])
{
    buf[0] = '\0';
    if (tally->rows == 0 || tally->with_new != tally->rows)
        return RT_MEAN_NONE;
    return rt_mean_format(&tally->mean, precision, buf, RT_TALLY_TEXT_SIZE);
}

/*
 * A field over no rows: a sum of nothing is 0, as a count of nothing is,
 * but a rate of 0 customers out of 0 is not defined.
 */
static bool empty_value(const struct rt_tally *tally, enum rt_tally_field field,
                        char buf[RT_TALLY_TEXT_SIZE])
{
    switch (field) {
    case RT_TALLY_START:
    case RT_TALLY_END:
        break;
    case RT_TALLY_NEW:
    case RT_TALLY_RETAINED:
    case RT_TALLY_LOST:
        if (!tally->new_column)
            return false;
        break;
    default:
        return false;
    }
    return write_signed(false, rt_u128_from(0), buf);
}

bool rt_tally_value(const struct rt_tally *tally, enum rt_tally_field field,
                    unsigned precision, char buf[RT_TALLY_TEXT_SIZE])
{
    buf[0] = '\0';
    if (field == RT_TALLY_ROWS)
        return write_signed(false, rt_u128_from(tally->rows), buf);
    if ((unsigned)field >= RT_TALLY_FIELDS)
        return false;
    if (tally->rows == 0)
        return empty_value(tally, field, buf);
    switch (field) {
    case RT_TALLY_START:
    case RT_TALLY_END:
    case RT_TALLY_SIMPLE_RETENTION_RATE:
    case RT_TALLY_SIMPLE_CHURN_RATE:
        return simple_value(tally, field, precision, buf);
    default:
        if (tally->with_new != tally->rows)
            return false;
        return retention_value(tally, field, precision, buf);
    }
}

void rt_tally_add_revenue(struct rt_tally *tally,
                          const struct rt_revenue *amounts)
{
    const uint64_t values[RT_TALLY_AMOUNTS] = {
        amounts->start, amounts->expansion, amounts->contraction,
        amounts->churned};
    bool ignored = false;
    unsigned i;

    tally->with_revenue++;
    for (i = 0; i < RT_TALLY_AMOUNTS; i++)
        tally->revenue[i] =
            rt_u128_add(tally->revenue[i], rt_u128_from(values[i]), &ignored);
}

bool rt_tally_revenue_value(const struct rt_tally *tally,
                            enum rt_revenue_field field, unsigned precision,
                            char buf[RT_TALLY_TEXT_SIZE])
{
    const struct rt_u128 *sum = tally->revenue;
    struct rt_u128 lost, kept, magnitude;
    bool ignored = false, negative;

    buf[0] = '\0';
    if (tally->with_revenue == 0 || rt_u128_is_zero(sum[RT_REVENUE_START_MRR]))
        return false;
    lost = rt_u128_add(sum[RT_REVENUE_CONTRACTION], sum[RT_REVENUE_CHURNED],
                       &ignored);
    kept = sum[RT_REVENUE_START_MRR];
    if (field == RT_REVENUE_NET)
        kept = rt_u128_add(kept, sum[RT_REVENUE_EXPANSION], &ignored);
    negative = difference(kept, lost, &magnitude);
    return write_rate(negative, magnitude, sum[RT_REVENUE_START_MRR], precision,
                      buf);
}

/* A pooled sum as a count, when it is one. */
static bool as_count(struct rt_u128 sum, uint64_t *out)
{
    if (sum.hi != 0 || sum.lo > RT_COUNT_MAX)
        return false;
    *out = sum.lo;
    return true;
}

enum rt_status rt_tally_lifetime(const struct rt_tally *tally,
                                 const struct rt_lifetime_options *options,
                                 unsigned precision, struct rt_lifetime *out)
{
    struct rt_counts counts = {0, 0, 0, true};
    struct rt_figures figures;

    if (tally->rows == 0 || tally->with_new != tally->rows ||
        !as_count(tally->start, &counts.start) ||
        !as_count(tally->end, &counts.end) ||
        !as_count(tally->new_customers, &counts.new_customers) ||
        rt_figures_compute(&counts, precision, &figures) != RT_OK)
        return RT_ERR_RANGE;
    return rt_lifetime_compute(&figures, options, out);
}

/*
 * Every field of a tally.  The mean is the one that can be left unknown
 * for want of memory or of a decision, which the view's user is told.
 */
static enum rt_value_state get_tally(const void *report, unsigned id, char *buf,
                                     size_t size)
{
    const struct rt_tally_view *view = report;
    char text[RT_TALLY_TEXT_SIZE];
    bool known;

    if (id == RT_TALLY_MEAN_RETENTION_RATE) {
        enum rt_mean_result mean =
            rt_tally_mean(view->tally, view->precision, text);

        if (view->mean)
            *view->mean = mean;
        known = mean == RT_MEAN_KNOWN;
    } else {
        known = rt_tally_value(view->tally, (enum rt_tally_field)id,
                               view->precision, text);
    }
    if (size > 0)
        snprintf(buf, size, "%s", known ? text : "");
    return known ? RT_VALUE_KNOWN : RT_VALUE_UNKNOWN;
}

static const struct rt_field_def tally_defs[RT_TALLY_FIELDS] = {
    {"rows", NULL, RT_KIND_COUNT, RT_TALLY_ROWS, get_tally, NULL},
    {"start", NULL, RT_KIND_COUNT, RT_TALLY_START, get_tally, NULL},
    {"end", NULL, RT_KIND_COUNT, RT_TALLY_END, get_tally, NULL},
    {"new", NULL, RT_KIND_COUNT, RT_TALLY_NEW, get_tally, NULL},
    {"retained", NULL, RT_KIND_COUNT, RT_TALLY_RETAINED, get_tally, NULL},
    {"lost", NULL, RT_KIND_COUNT, RT_TALLY_LOST, get_tally, NULL},
    {"retention_rate", NULL, RT_KIND_RATE, RT_TALLY_RETENTION_RATE, get_tally,
     NULL},
    {"churn_rate", NULL, RT_KIND_RATE, RT_TALLY_CHURN_RATE, get_tally, NULL},
    {"simple_retention_rate", NULL, RT_KIND_RATE,
     RT_TALLY_SIMPLE_RETENTION_RATE, get_tally, NULL},
    {"simple_churn_rate", NULL, RT_KIND_RATE, RT_TALLY_SIMPLE_CHURN_RATE,
     get_tally, NULL},
    {"mean_retention_rate", NULL, RT_KIND_RATE, RT_TALLY_MEAN_RETENTION_RATE,
     get_tally, NULL},
    {"min_retention_rate", NULL, RT_KIND_RATE, RT_TALLY_MIN_RETENTION_RATE,
     get_tally, NULL},
    {"max_retention_rate", NULL, RT_KIND_RATE, RT_TALLY_MAX_RETENTION_RATE,
     get_tally, NULL},
};

const struct rt_field_table rt_tally_fields = {tally_defs, RT_TALLY_FIELDS};

const char *rt_tally_field_name(enum rt_tally_field field)
{
    return rt_field_table_name(&rt_tally_fields, (size_t)field);
}
