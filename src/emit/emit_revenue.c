/*
 * emit_revenue.c - net and gross revenue retention in every format: text
 * with the formulas filled in, JSON, CSV and TSV.
 */
#include <stdio.h>
#include <string.h>

#include "emit_revenue.h"
#include "emit_text.h"

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
        rt_sink_puts(sink, rt_revenue_field_name((enum rt_revenue_field)i));
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
        rt_sink_puts(sink, rt_revenue_field_name((enum rt_revenue_field)i));
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
    sink = rt_sink_open(out);
    if (!sink)
        return RT_ERR_NOMEM;
    if (format == RT_FORMAT_JSON)
        emit_json(sink, figures);
    else
        emit_delimited(sink, figures, format == RT_FORMAT_CSV ? ',' : '\t',
                       header);
    return rt_sink_close(sink);
}
