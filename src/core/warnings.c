/* warnings.c - see warnings.h. */
#include "warnings.h"

/* Walks the warnings of a struct report_parts, for rt_join_warnings(). */
struct report_parts {
    const struct rt_figures *figures;
    const struct rt_lifetime *lifetime;
    const struct rt_revenue_figures *revenue;
};

void rt_each_warning(const struct rt_figures *figures,
                     const struct rt_lifetime *lifetime,
                     const struct rt_revenue_figures *revenue,
                     rt_warning_fn *each, void *context)
{
    char text[RT_WARNING_TEXT_SIZE];
    unsigned bit;

    rt_each_period_warning(figures, each, context);
    for (bit = 1; lifetime && bit < (1u << RT_LIFETIME_WARNING_KINDS);
         bit <<= 1)
        if (lifetime->warnings & bit) {
            rt_lifetime_warning_text(lifetime, (enum rt_lifetime_warning)bit,
                                     text, sizeof text);
            each(context, text);
        }
    if (revenue && revenue->warnings) {
        rt_revenue_field_value(revenue, RT_REVENUE_WARNINGS, text, sizeof text);
        each(context, text);
    }
}

static void each_part_warning(const void *report, rt_warning_fn *each,
                              void *context)
{
    const struct report_parts *parts = report;

    rt_each_warning(parts->figures, parts->lifetime, parts->revenue, each,
                    context);
}

void rt_report_warnings_value(const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_revenue_figures *revenue,
                              char *buf, size_t size)
{
    struct report_parts parts = {figures, lifetime, revenue};

    rt_join_warnings(each_part_warning, &parts, buf, size);
}
