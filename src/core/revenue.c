/*
 * revenue.c - net and gross revenue retention of one period.
 *
 * Amounts are exact millionths, and both rates are exact ratios rounded
 * half away from zero, like the customer rates.  Expansion can lift net
 * retention above 100%; gross retention leaves it out, so it can only
 * show what was lost.
 */
#include <stdio.h>
#include <string.h>

#include "digits.h"
#include "percent.h"

static const char *const field_names[RT_REVENUE_FIELD_COUNT] = {
    "start_mrr",
    "expansion",
    "contraction",
    "churned",
    "net_revenue_retention",
    "gross_revenue_retention",
    "warnings",
};

const char *rt_revenue_field_name(enum rt_revenue_field field)
{
    return (unsigned)field < RT_REVENUE_FIELD_COUNT ? field_names[field] : "";
}

bool rt_revenue_field_lookup(const char *name, enum rt_revenue_field *out)
{
    unsigned i;

    for (i = 0; i < RT_REVENUE_FIELD_COUNT; i++) {
        if (strcmp(name, field_names[i]) == 0) {
            *out = (enum rt_revenue_field)i;
            return true;
        }
    }
    return false;
}

enum rt_status rt_revenue_compute(const struct rt_revenue *amounts,
                                  unsigned precision,
                                  struct rt_revenue_figures *out)
{
    const struct rt_revenue *a = amounts;
    uint64_t lost;
    enum rt_status status;

    if (a->start > RT_COUNT_MAX || a->expansion > RT_COUNT_MAX ||
        a->contraction > RT_COUNT_MAX || a->churned > RT_COUNT_MAX)
        return RT_ERR_RANGE;
    if (precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    if (a->start == 0)
        return RT_ERR_ZERO_START;
    out->amounts = *a;
    out->precision = precision;
    lost = a->contraction + a->churned; /* below 2^64: each below 2^63 */
    out->warnings = lost > a->start ? RT_REVENUE_WARN_LOSS_ABOVE_START : 0;
    status = rt_rate_set(&out->net,
                         rt_wide_difference(a->start + a->expansion, lost),
                         a->start, precision);
    if (status == RT_OK)
        status = rt_rate_set(&out->gross, rt_wide_difference(a->start, lost),
                             a->start, precision);
    return status;
}

static void warning_text(const struct rt_revenue_figures *f, char *buf,
                         size_t size)
{
    char lost[RT_VALUE_TEXT_SIZE], start[RT_VALUE_TEXT_SIZE];
    uint64_t sum = f->amounts.contraction + f->amounts.churned;

    if (!(f->warnings & RT_REVENUE_WARN_LOSS_ABOVE_START)) {
        if (size > 0)
            buf[0] = '\0';
        return;
    }
    rt_amount_format(sum, 0, false, lost, sizeof lost);
    rt_amount_format(f->amounts.start, 0, false, start, sizeof start);
    snprintf(buf, size,
             "contraction + churned (%s) is greater than start_mrr (%s): "
             "more revenue lost than there was at the start",
             lost, start);
}

void rt_revenue_field_value(const struct rt_revenue_figures *figures,
                            enum rt_revenue_field field, char *buf, size_t size)
{
    const struct rt_revenue *a = &figures->amounts;
    const uint64_t amounts[] = {a->start, a->expansion, a->contraction,
                                a->churned};

    if ((unsigned)field <= RT_REVENUE_CHURNED)
        rt_amount_format(amounts[field], 0, false, buf, size);
    else if (field == RT_REVENUE_NET)
        snprintf(buf, size, "%s", figures->net.text);
    else if (field == RT_REVENUE_GROSS)
        snprintf(buf, size, "%s", figures->gross.text);
    else if (field == RT_REVENUE_WARNINGS)
        warning_text(figures, buf, size);
    else if (size > 0)
        buf[0] = '\0';
}
