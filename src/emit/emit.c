/*
 * emit.c - one period's report (with the figures beyond it), and one
 * field alone, in every format but text, which shows the formulas
 * (emit_text.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "warnings.h"

static void each_report_warning(const void *report, rt_warning_fn *each,
                                void *context)
{
    const struct rt_report *r = report;
    size_t i;

    for (i = 0; r->notes && i < r->notes->count; i++)
        each(context, r->notes->texts[i]);
    rt_each_warning(r->figures, r->lifetime, NULL, each, context);
}

static enum rt_value_state get_report_warnings(const void *report, unsigned id,
                                               char *buf, size_t size)
{
    struct rt_joined joined = {NULL, 0, 0, false};

    (void)id;
    each_report_warning(report, rt_joined_add, &joined);
    if (size > 0)
        snprintf(buf, size, "%s", joined.text ? joined.text : "");
    free(joined.text);
    return RT_VALUE_KNOWN;
}

const struct rt_field_def rt_report_warnings = {
    "warnings",         NULL, RT_KIND_WARNINGS, 0, get_report_warnings,
    each_report_warning};

/* The header line: the period's names, those beyond it, the warnings. */
static void report_names(struct rt_row *row, const struct rt_report *report)
{
    rt_row_names(row, &rt_period_fields, 0, RT_FIELD_WARNINGS);
    if (report->lifetime)
        rt_row_names(row, &rt_lifetime_fields, 0, RT_LIFETIME_FIELD_COUNT);
    rt_row_name_kind(row, rt_report_warnings.name, RT_KIND_WARNINGS);
    rt_row_end(row);
}

static void report_values(struct rt_row *row, const struct rt_report *report)
{
    rt_row_begin(row);
    rt_row_fields(row, &rt_period_fields, report->figures, 0,
                  RT_FIELD_WARNINGS);
    if (report->lifetime)
        rt_row_fields(row, &rt_lifetime_fields, report->lifetime, 0,
                      RT_LIFETIME_FIELD_COUNT);
    rt_row_field(row, &rt_report_warnings, report);
    rt_row_end(row);
}

enum rt_status rt_emit_report(FILE *out, enum rt_format format,
                              const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime, bool header)
{
    return rt_emit_report_noted(out, format, figures, lifetime, header, NULL);
}

enum rt_status rt_emit_report_noted(FILE *out, enum rt_format format,
                                    const struct rt_figures *figures,
                                    const struct rt_lifetime *lifetime,
                                    bool header, const struct rt_notes *notes)
{
    struct rt_report report = {figures, lifetime, notes};
    struct rt_sink *sink;
    struct rt_row row;
    bool enough_memory;
    enum rt_status status;

    if (!rt_format_known(format))
        return RT_ERR_INVALID;
    if (format == RT_FORMAT_TEXT) {
        rt_emit_text(out, figures);
        if (lifetime)
            rt_emit_text_lifetime(out, figures, lifetime);
        return ferror(out) ? RT_ERR_IO : RT_OK;
    }
    sink = rt_sink_open(out);
    if (!sink)
        return RT_ERR_NOMEM;
    rt_row_init(&row, format, sink, NULL);
    row.warnings_below = true; /* one row: Markdown lists them below */
    if (header && row.format->has_header)
        report_names(&row, &report);
    report_values(&row, &report);
    enough_memory = rt_row_free(&row);
    if (!enough_memory)
        sink->len = 0; /* a report cut short is not written at all */
    status = rt_sink_close(sink);
    return enough_memory ? status : RT_ERR_NOMEM;
}

enum rt_status rt_emit_figures(FILE *out, enum rt_format format,
                               const struct rt_figures *figures, bool header)
{
    return rt_emit_report(out, format, figures, NULL, header);
}

/* The value bare: a list joined with "; ", as CSV holds it. */
static bool put_bare(struct rt_sink *sink, const struct rt_field_def *def,
                     const void *report)
{
    struct rt_joined joined = {NULL, 0, 0, false};
    char text[RT_WARNING_TEXT_SIZE];

    if (def->each) {
        def->each(report, rt_joined_add, &joined);
        rt_sink_write(sink, joined.text, joined.len);
        free(joined.text);
    } else {
        (void)def->get(report, def->id, text, sizeof text);
        rt_sink_puts(sink, text);
    }
    rt_sink_put(sink, '\n');
    return !joined.failed;
}

/* The value as the JSON object holds it, at the top level: a line. */
static void put_json(struct rt_sink *sink, const struct rt_field_def *def,
                     const void *report)
{
    char text[RT_WARNING_TEXT_SIZE];
    struct rt_json json;
    enum rt_value_state state;

    rt_json_init(&json, sink);
    if (def->each) {
        rt_json_begin_array(&json);
        def->each(report, rt_json_list_item, &json);
        rt_json_end_array(&json);
        return;
    }
    state = def->get(report, def->id, text, sizeof text);
    rt_json_field_value(&json, def->kind, state, text, strlen(text));
}

enum rt_status rt_emit_field(FILE *out, enum rt_format format,
                             const struct rt_field_def *def, const void *report)
{
    struct rt_sink *sink = rt_sink_open(out);
    bool enough_memory = true;
    enum rt_status status;

    if (!sink)
        return RT_ERR_NOMEM;
    if (format == RT_FORMAT_JSON)
        put_json(sink, def, report);
    else
        enough_memory = put_bare(sink, def, report);
    status = rt_sink_close(sink);
    return enough_memory ? status : RT_ERR_NOMEM;
}
