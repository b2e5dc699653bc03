/*
 * emit_revenue.c - net and gross revenue retention in every format: text
 * with the formulas filled in; the others walk the field table.
 */
#include <stdio.h>
#include <string.h>

#include "emit_text.h"
#include "row.h"

static void emit_text(FILE *out, const struct rt_revenue_figures *f)
{
    const struct rt_field_def *defs = rt_revenue_fields.defs;
    char v[RT_REVENUE_WARNINGS][RT_VALUE_TEXT_SIZE];
    unsigned i;

    for (i = 0; i < RT_REVENUE_WARNINGS; i++)
        (void)defs[i].get(f, defs[i].id, v[i], sizeof v[i]);
    for (i = 0; i <= RT_REVENUE_CHURNED; i++) {
        rt_text_label(out, defs[i].label);
        fprintf(out, "%s\n", v[i]);
    }
    rt_text_label(out, defs[RT_REVENUE_NET].label);
    fprintf(out,
            "[(%s + %s " MINUS " %s " MINUS " %s) " DIVIDE " %s] " TIMES
            " 100 = %s%%\n",
            v[0], v[1], v[2], v[3], v[0], v[RT_REVENUE_NET]);
    rt_text_label(out, defs[RT_REVENUE_GROSS].label);
    fprintf(out,
            "[(%s " MINUS " %s " MINUS " %s) " DIVIDE " %s] " TIMES
            " 100 = %s%%\n",
            v[0], v[2], v[3], v[0], v[RT_REVENUE_GROSS]);
}

enum rt_status rt_emit_revenue(FILE *out, enum rt_format format,
                               const struct rt_revenue_figures *figures,
                               bool header)
{
    struct rt_sink *sink;
    struct rt_row row;

    if (!rt_format_known(format))
        return RT_ERR_INVALID;
    if (format == RT_FORMAT_TEXT) {
        emit_text(out, figures);
        return ferror(out) ? RT_ERR_IO : RT_OK;
    }
    sink = rt_sink_open(out);
    if (!sink)
        return RT_ERR_NOMEM;
    rt_row_init(&row, format, sink, NULL);
    row.warnings_below = true; /* one row: Markdown lists them below */
    if (header && row.format->has_header) {
        rt_row_names(&row, &rt_revenue_fields, 0, RT_REVENUE_FIELD_COUNT);
        rt_row_end(&row);
    }
    rt_row_begin(&row);
    rt_row_fields(&row, &rt_revenue_fields, figures, 0, RT_REVENUE_FIELD_COUNT);
    rt_row_end(&row);
    if (!rt_row_free(&row)) {
        sink->len = 0; /* a report cut short is not written at all */
        (void)rt_sink_close(sink);
        return RT_ERR_NOMEM;
    }
    return rt_sink_close(sink);
}
