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
#include "field.h"
#include "percent.h"

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

/* The amounts, as the user gave them with as few decimals as they need. */
static enum rt_value_state get_amount(const void *report, unsigned id,
                                      char *buf, size_t size)
{
    const struct rt_revenue *a =
        &((const struct rt_revenue_figures *)report)->amounts;
    const uint64_t amounts[] = {a->start, a->expansion, a->contraction,
                                a->churned};

    rt_amount_format(amounts[id], 0, false, buf, size);
    return RT_VALUE_KNOWN;
}

/* Both rates are always known: the start is above 0. */
static enum rt_value_state get_rate(const void *report, unsigned id, char *buf,
                                    size_t size)
{
    const struct rt_revenue_figures *f = report;

    snprintf(buf, size, "%s",
             id == RT_REVENUE_NET ? f->net.text : f->gross.text);
    return RT_VALUE_KNOWN;
}

static enum rt_value_state get_warnings(const void *report, unsigned id,
                                        char *buf, size_t size)
{
    (void)id;
    warning_text(report, buf, size);
    return RT_VALUE_KNOWN;
}

static void each_warning(const void *report, rt_warning_fn *each, void *context)
{
    char text[RT_WARNING_TEXT_SIZE];

    if (((const struct rt_revenue_figures *)report)->warnings == 0)
        return;
    warning_text(report, text, sizeof text);
    each(context, text);
}

static const struct rt_field_def revenue_defs[RT_REVENUE_FIELD_COUNT] = {
    {"start_mrr", "start MRR", RT_KIND_MONEY, RT_REVENUE_START_MRR, get_amount,
     NULL},
    {"expansion", "expansion", RT_KIND_MONEY, RT_REVENUE_EXPANSION, get_amount,
     NULL},
    {"contraction", "contraction", RT_KIND_MONEY, RT_REVENUE_CONTRACTION,
     get_amount, NULL},
    {"churned", "churned", RT_KIND_MONEY, RT_REVENUE_CHURNED, get_amount, NULL},
    {"net_revenue_retention", "net retention (NRR)", RT_KIND_RATE,
     RT_REVENUE_NET, get_rate, NULL},
    {"gross_revenue_retention", "gross retention (GRR)", RT_KIND_RATE,
     RT_REVENUE_GROSS, get_rate, NULL},
    {"warnings", NULL, RT_KIND_WARNINGS, RT_REVENUE_WARNINGS, get_warnings,
     each_warning},
};

const struct rt_field_table rt_revenue_fields = {revenue_defs,
                                                 RT_REVENUE_FIELD_COUNT};

const char *rt_revenue_field_name(enum rt_revenue_field field)
{
    return rt_field_table_name(&rt_revenue_fields, (size_t)field);
}

bool rt_revenue_field_lookup(const char *name, enum rt_revenue_field *out)
{
    size_t index;

    if (!rt_field_table_find(&rt_revenue_fields, name, &index))
        return false;
    *out = (enum rt_revenue_field)index;
    return true;
}

void rt_revenue_field_value(const struct rt_revenue_figures *figures,
                            enum rt_revenue_field field, char *buf, size_t size)
{
    const struct rt_field_def *def;

    if ((unsigned)field >= RT_REVENUE_FIELD_COUNT) {
        if (size > 0)
            buf[0] = '\0';
        return;
    }
    def = &revenue_defs[field];
    (void)def->get(figures, def->id, buf, size);
}
