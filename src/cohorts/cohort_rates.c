/*
 * cohort_rates.c - the rates of a cohort triangle, exact; see
 * cohort_engine.h.
 */
#include <string.h>

#include "bignum.h"
#include "cohort_engine.h"
#include "mean.h"
#include "percent.h"

enum rt_status rt_cohort_cell_format(const struct rt_cohort_row *row, size_t k,
                                     unsigned precision, char *buf, size_t size)
{
    const struct rt_wide active = {false,
                                   k < row->observed ? row->active[k] : 0};

    if (k >= row->observed)
        return RT_ERR_RANGE;
    return rt_percent_format(active, row->customers, precision, buf, size);
}

enum rt_status rt_cohort_pooled_format(const struct rt_cohort_triangle *tri,
                                       size_t k, unsigned precision, char *buf,
                                       size_t size)
{
    if (k >= tri->columns || tri->average.cohorts[k] == 0)
        return RT_ERR_RANGE;
    return rt_percent_u128(false, rt_u128_from(tri->average.active[k]),
                           rt_u128_from(tri->average.customers[k]), precision,
                           buf, size);
}

static uint64_t ten_to(unsigned power)
{
    uint64_t value = 1;

    while (power--)
        value *= 10;
    return value;
}

/* P / Q = the sum of the observed cohorts' active / customers at k. */
static void exact_sum(const struct rt_cohort_triangle *tri, size_t k,
                      struct rt_big *p, struct rt_big *q, struct rt_big *t)
{
    size_t i;

    rt_big_set(p, 0);
    rt_big_set(q, 1);
    for (i = 0; i < tri->row_count; i++) {
        const struct rt_cohort_row *row = &tri->rows[i];

        if (k >= row->observed)
            continue;
        rt_big_set(t, row->customers);
        rt_big_mul(p, p, t);
        rt_big_mul(q, q, t);
        rt_big_set(t, row->active[k]);
        rt_big_mul(t, t, q);
        rt_big_div_u64(t, t, row->customers);
        rt_big_add(p, p, t);
    }
}

static uint64_t big_to_u64(const struct rt_big *a)
{
    uint64_t value = 0;
    size_t i;

    for (i = a->len; i-- > 0;)
        value = value << 32 | a->limbs[i];
    return value;
}

/*
 * The mean in units of 10^-precision percent is P * 10^(precision + 2) /
 * (m * Q), rounded half away from zero: one more when twice the remainder
 * reaches the divisor.
 */
enum rt_status rt_cohort_mean_exact(const struct rt_cohort_triangle *tri,
                                    size_t k, unsigned precision, char *buf,
                                    size_t size)
{
    struct rt_big p, q, t, rest;
    enum rt_status status = RT_ERR_NOMEM;
    uint64_t units;

    if (k >= tri->columns || tri->average.cohorts[k] == 0)
        return RT_ERR_RANGE;
    if (precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    rt_big_init(&p);
    rt_big_init(&q);
    rt_big_init(&t);
    rt_big_init(&rest);
    exact_sum(tri, k, &p, &q, &t);
    rt_big_set(&t, ten_to(precision + 2));
    rt_big_mul(&p, &p, &t);
    rt_big_set(&t, tri->average.cohorts[k]);
    rt_big_mul(&q, &q, &t);
    rt_big_divmod(&t, &rest, &p, &q);
    rt_big_shl(&rest, &rest, 1);
    if (!p.failed && !q.failed && !t.failed && !rest.failed) {
        units = big_to_u64(&t) + (rt_big_cmp(&rest, &q) >= 0);
        status = rt_percent_u128(false, rt_u128_from(units),
                                 rt_u128_from(ten_to(precision + 2)), precision,
                                 buf, size);
    }
    rt_big_free(&p);
    rt_big_free(&q);
    rt_big_free(&t);
    rt_big_free(&rest);
    return status;
}

enum rt_status rt_cohort_mean_format(const struct rt_cohort_result *result,
                                     const struct rt_cohort_triangle *tri,
                                     size_t k, unsigned precision, char *buf,
                                     size_t size)
{
    struct rt_mean mean;
    struct rt_mean_term term;
    enum rt_mean_result known = RT_MEAN_NOMEM;
    size_t i;
    bool ok = true;

    if (k >= tri->columns || tri->average.cohorts[k] == 0)
        return RT_ERR_RANGE;
    if (precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    if (size < RT_RATE_TEXT_SIZE)
        return RT_ERR_BUFFER;
    rt_mean_init(&mean, result->key);
    for (i = 0; i < tri->row_count && ok; i++) {
        const struct rt_cohort_row *row = &tri->rows[i];

        if (k >= row->observed)
            continue;
        rt_mean_term(&term, (struct rt_wide){false, row->active[k]},
                     row->customers);
        ok = rt_mean_add(&mean, &term);
    }
    if (ok)
        known = rt_mean_format(&mean, precision, buf, size);
    rt_mean_free(&mean);
    if (known == RT_MEAN_UNDECIDED)
        return rt_cohort_mean_exact(tri, k, precision, buf, size);
    return known == RT_MEAN_KNOWN ? RT_OK : RT_ERR_NOMEM;
}
