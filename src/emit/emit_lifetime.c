/*
 * emit_lifetime.c - the figures beyond one period for people, with the
 * formulas filled in.  The other formats walk their field table (field.h).
 *
 * An infinite figure is spelled one way per format, wherever it appears
 * (the core command, retain ids, batch rows and summaries, --only): "inf"
 * in text, CSV and TSV; null in JSON, which has no infinity.  Every format
 * also carries the warning that says why.
 */
#include <stdio.h>

#include "emit_lifetime.h"
#include "emit_text.h"
#include "field.h"

/* "months", or "periods" when the period has no name (or a wrong one). */
static const char *unit_plural(enum rt_period period)
{
    static const char *const plurals[] = {"periods", "days",     "weeks",
                                          "months",  "quarters", "years"};

    return (unsigned)period <= RT_PERIOD_YEAR ? plurals[period] : plurals[0];
}

static const char *value_of(const struct rt_lifetime *lifetime,
                            enum rt_lifetime_field field)
{
    return lifetime->values[field].text;
}

static void emit_period(FILE *out, const struct rt_lifetime *lifetime)
{
    const struct rt_lifetime_options *o = &lifetime->options;
    uint64_t num, den;

    if (o->period == RT_PERIOD_NONE)
        return;
    rt_text_label(out, "period");
    fputs(rt_period_name(o->period), out);
    if (rt_period_ratio(o->period, o->per, &num, &den) == RT_OK) {
        fprintf(out, "; a %s is k = %llu", rt_period_name(o->per),
                (unsigned long long)num);
        if (den != 1)
            fprintf(out, "/%llu", (unsigned long long)den);
        fprintf(out, " %s", unit_plural(o->period));
    }
    putc('\n', out);
}

static void emit_converted(FILE *out, const struct rt_lifetime *lifetime,
                           const char *ratio, const char *k)
{
    const struct rt_lifetime_options *o = &lifetime->options;
    char label[40];

    if (o->per == RT_PERIOD_NONE)
        return;
    snprintf(label, sizeof label, "retention per %s", rt_period_name(o->per));
    rt_text_label(out, label);
    fprintf(out, "%s^%s " TIMES " 100 = %s%%\n", ratio, k,
            value_of(lifetime, RT_LIFETIME_RETENTION_RATE_PER));
    snprintf(label, sizeof label, "churn per %s", rt_period_name(o->per));
    rt_text_label(out, label);
    fprintf(out, "[1 " MINUS " %s^%s] " TIMES " 100 = %s%%\n", ratio, k,
            value_of(lifetime, RT_LIFETIME_CHURN_RATE_PER));
}

/* "= 3.33 months = 0.28 years", or "= inf" (a warning says why) */
static void emit_result(FILE *out, const struct rt_lifetime *lifetime,
                        enum rt_lifetime_field periods,
                        enum rt_lifetime_field years)
{
    enum rt_period period = lifetime->options.period;

    if (lifetime->values[periods].state == RT_VALUE_INFINITE) {
        fputs("= inf\n", out);
        return;
    }
    fprintf(out, "= %s %s", value_of(lifetime, periods), unit_plural(period));
    if (period != RT_PERIOD_NONE && period != RT_PERIOD_YEAR)
        fprintf(out, " = %s years", value_of(lifetime, years));
    putc('\n', out);
}

static void emit_value(FILE *out, const struct rt_lifetime *lifetime,
                       const char *ratio)
{
    const struct rt_lifetime_options *o = &lifetime->options;
    char discount[RT_VALUE_TEXT_SIZE];

    if (!o->has_margin)
        return;
    /* As few decimals as the rate needs: no discount reads "(1 + 0)". */
    rt_amount_format(o->discount, 0, false, discount, sizeof discount);
    rt_text_label(out, rt_lifetime_fields.defs[RT_LIFETIME_VALUE].label);
    fputs("M " TIMES " (1 + D) " DIVIDE " (1 + D " MINUS
          " r), a margin M counted at the\n",
          out);
    rt_text_label(out, "");
    fputs("start of each period the customer stays, discounted by D\n", out);
    rt_text_label(out, "");
    fprintf(out,
            "= %s " TIMES " (1 + %s) " DIVIDE " (1 + %s " MINUS " %s) = %s\n",
            value_of(lifetime, RT_LIFETIME_MARGIN), discount, discount, ratio,
            value_of(lifetime, RT_LIFETIME_VALUE));
}

void rt_emit_text_lifetime(FILE *out, const struct rt_figures *f,
                           const struct rt_lifetime *lifetime)
{
    char ratio[2 * RT_NUMBER_TEXT_SIZE + 8], churn[2 * RT_NUMBER_TEXT_SIZE + 8];
    char k[2 * RT_NUMBER_TEXT_SIZE + 4], retained[RT_NUMBER_TEXT_SIZE];
    char lost[RT_NUMBER_TEXT_SIZE], start[RT_NUMBER_TEXT_SIZE];
    struct rt_wide s = {false, f->counts.start};
    uint64_t num = 1, den = 1;

    emit_period(out, lifetime);
    if (lifetime->warnings & RT_LIFETIME_WARN_UNDEFINED) {
        rt_text_label(out, "lifetime");
        fputs("not computed: the retention rate is not between 0% and 100%\n",
              out);
        return;
    }
    rt_wide_format(f->retained, retained);
    rt_wide_format(f->lost, lost);
    rt_wide_format(s, start);
    snprintf(ratio, sizeof ratio, "(%s " DIVIDE " %s)", retained, start);
    snprintf(churn, sizeof churn, "(%s " DIVIDE " %s)", lost, start);
    /* Without --per the ratio is not shown: num and den stay 1. */
    (void)rt_period_ratio(lifetime->options.period, lifetime->options.per, &num,
                          &den);
    if (den == 1)
        snprintf(k, sizeof k, "%llu", (unsigned long long)num);
    else
        snprintf(k, sizeof k, "(%llu/%llu)", (unsigned long long)num,
                 (unsigned long long)den);
    emit_converted(out, lifetime, ratio, k);
    rt_text_label(out, rt_lifetime_fields.defs[RT_LIFETIME_EXPECTED].label);
    fprintf(out, "1 " DIVIDE " %s ", churn);
    emit_result(out, lifetime, RT_LIFETIME_EXPECTED,
                RT_LIFETIME_EXPECTED_YEARS);
    rt_text_label(out, rt_lifetime_fields.defs[RT_LIFETIME_MEDIAN].label);
    fprintf(out, "ln 0.5 " DIVIDE " ln%s ", ratio);
    emit_result(out, lifetime, RT_LIFETIME_MEDIAN, RT_LIFETIME_MEDIAN_YEARS);
    emit_value(out, lifetime, ratio);
}
