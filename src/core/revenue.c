/*
 * revenue.c - net and gross revenue retention of one period.
 *
 * Amounts are exact millionths, and both rates are exact ratios rounded
 * half away from zero, like the customer rates.  Expansion can lift net
 * retention above 100%; gross retention leaves it out, so it can only
 * show what was lost.
 */
#include <string.h>

#include "digits.h"
#include "emit.h"
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

static void emit_text(FILE *out, const struct rt_revenue_figures *f)
{
    char v[RT_REVENUE_WARNINGS][RT_VALUE_TEXT_SIZE];
    static const char *const labels[] = {"start MRR", "expansion",
                                         "contraction", "churned"};
    unsigned i;

    for (i = 0; i < RT_REVENUE_WARNINGS; i++)
        rt_revenue_field_value(f, (enum rt_revenue_field)i, v[i], sizeof v[i]);
    for (i = 0; i <= RT_REVENUE_CHURNED; i++) {
        rt_text_label(out, labels[i]);
        fprintf(out, "%s\n", v[i]);
    }
    rt_text_label(out, "net retention (NRR)");
    fprintf(out,
            "[(%s + %s " MINUS " %s " MINUS " %s) " DIVIDE " %s] " TIMES
            " 100 = %s%%\n",
            v[0], v[1], v[2], v[3], v[0], v[RT_REVENUE_NET]);
    rt_text_label(out, "gross retention (GRR)");
    fprintf(out,
            "[(%s " MINUS " %s " MINUS " %s) " DIVIDE " %s] " TIMES
            " 100 = %s%%\n",
            v[0], v[2], v[3], v[0], v[RT_REVENUE_GROSS]);
}

void rt_emit_json_revenue_value(struct rt_sink *sink,
                                const struct rt_revenue_figures *figures,
                                enum rt_revenue_field field)
{
    char value[RT_WARNING_TEXT_SIZE];

    rt_revenue_field_value(figures, field, value, sizeof value);
    if ((unsigned)field >= RT_REVENUE_FIELD_COUNT)
        rt_sink_puts(sink, "null");
    else if (field != RT_REVENUE_WARNINGS)
        rt_sink_puts(sink, value);
    else if (figures->warnings) {
        rt_sink_put(sink, '[');
        rt_sink_json_string(sink, value, strlen(value));
        rt_sink_put(sink, ']');
    } else
        rt_sink_puts(sink, "[]");
}

static void emit_json(struct rt_sink *sink, const struct rt_revenue_figures *f)
{
    unsigned i;

    rt_sink_put(sink, '{');
    for (i = 0; i < RT_REVENUE_FIELD_COUNT; i++) {
        rt_sink_put(sink, '"');
        rt_sink_puts(sink, field_names[i]);
        rt_sink_puts(sink, "\":");
        rt_emit_json_revenue_value(sink, f, (enum rt_revenue_field)i);
        rt_sink_put(sink, i + 1 < RT_REVENUE_FIELD_COUNT ? ',' : '}');
    }
    rt_sink_put(sink, '\n');
}

static void emit_delimited(struct rt_sink *sink,
                           const struct rt_revenue_figures *f, char delimiter,
                           bool header)
{
    char value[RT_WARNING_TEXT_SIZE];
    unsigned i;

    for (i = 0; header && i < RT_REVENUE_FIELD_COUNT; i++) {
        rt_sink_puts(sink, field_names[i]);
        rt_sink_put(sink, i + 1 < RT_REVENUE_FIELD_COUNT ? delimiter : '\n');
    }
    for (i = 0; i < RT_REVENUE_FIELD_COUNT; i++) {
        rt_revenue_field_value(f, (enum rt_revenue_field)i, value,
                               sizeof value);
        rt_sink_field(sink, value, strlen(value), delimiter);
        rt_sink_put(sink, i + 1 < RT_REVENUE_FIELD_COUNT ? delimiter : '\n');
    }
}

enum rt_status rt_emit_revenue(FILE *out, enum rt_format format,
                               const struct rt_revenue_figures *figures,
                               bool header)
{
    struct rt_sink *sink;

    if ((unsigned)format > RT_FORMAT_TSV)
        return RT_ERR_INVALID;
    if (format == RT_FORMAT_TEXT) {
        emit_text(out, figures);
        return ferror(out) ? RT_ERR_IO : RT_OK;
    }
    sink = rt_emit_sink_open(out);
    if (!sink)
        return RT_ERR_NOMEM;
    if (format == RT_FORMAT_JSON)
        emit_json(sink, figures);
    else
        emit_delimited(sink, figures, format == RT_FORMAT_CSV ? ',' : '\t',
                       header);
    return rt_emit_sink_close(sink);
}
