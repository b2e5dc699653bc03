/* emit.c - output format names and the JSON, CSV and TSV emitters. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

static const char *const format_names[] = {"text", "json", "csv", "tsv"};

bool rt_format_lookup(const char *name, enum rt_format *out)
{
    unsigned i;

    for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *out = (enum rt_format)i;
            return true;
        }
    }
    return false;
}

struct json_list {
    struct rt_sink *sink;
    bool first;
};

/* One string of the warnings array, after a comma unless it is the first. */
static void put_warning(void *context, const char *text)
{
    struct json_list *list = context;

    if (!list->first)
        rt_sink_put(list->sink, ',');
    list->first = false;
    rt_sink_json_string(list->sink, text, strlen(text));
}

/* The JSON array of the warnings, the notes (may be NULL) first. */
static void json_warnings_noted(struct rt_sink *sink,
                                const struct rt_figures *figures,
                                const struct rt_lifetime *lifetime,
                                const struct rt_revenue_figures *revenue,
                                const struct rt_notes *notes)
{
    struct json_list list = {sink, true};
    size_t i;

    rt_sink_put(sink, '[');
    for (i = 0; notes && i < notes->count; i++)
        put_warning(&list, notes->texts[i]);
    rt_each_warning(figures, lifetime, revenue, put_warning, &list);
    rt_sink_put(sink, ']');
}

void rt_emit_json_warnings(struct rt_sink *sink,
                           const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime,
                           const struct rt_revenue_figures *revenue)
{
    json_warnings_noted(sink, figures, lifetime, revenue, NULL);
}

void rt_emit_json_field_value(struct rt_sink *sink,
                              const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_notes *notes, enum rt_field field)
{
    char value[RT_RATE_TEXT_SIZE];

    if (field == RT_FIELD_WARNINGS)
        json_warnings_noted(sink, figures, lifetime, NULL, notes);
    else if (rt_field_value(figures, field, value, sizeof value))
        rt_sink_puts(sink, value);
    else
        rt_sink_puts(sink, "null");
}

void rt_emit_json_fields(struct rt_sink *sink, const struct rt_figures *figures,
                         enum rt_field first)
{
    unsigned i;

    for (i = first; i < RT_FIELD_WARNINGS; i++) {
        rt_sink_put(sink, '"');
        rt_sink_puts(sink, rt_field_name((enum rt_field)i));
        rt_sink_puts(sink, "\":");
        rt_emit_json_field_value(sink, figures, NULL, NULL, (enum rt_field)i);
        rt_sink_put(sink, ',');
    }
}

static void emit_json(struct rt_sink *sink, const struct rt_figures *figures,
                      const struct rt_lifetime *lifetime,
                      const struct rt_notes *notes)
{
    rt_sink_put(sink, '{');
    rt_emit_json_fields(sink, figures, RT_FIELD_START);
    if (lifetime)
        rt_emit_json_lifetime(sink, lifetime);
    rt_sink_puts(sink, "\"warnings\":");
    json_warnings_noted(sink, figures, lifetime, NULL, notes);
    rt_sink_puts(sink, "}\n");
}

static void emit_header(struct rt_sink *sink, char delimiter,
                        const struct rt_lifetime *lifetime)
{
    unsigned i;

    for (i = 0; i < RT_FIELD_WARNINGS; i++) {
        rt_sink_puts(sink, rt_field_name((enum rt_field)i));
        rt_sink_put(sink, delimiter);
    }
    for (i = 0; lifetime && i < RT_LIFETIME_FIELD_COUNT; i++) {
        rt_sink_puts(sink, rt_lifetime_field_name((enum rt_lifetime_field)i));
        rt_sink_put(sink, delimiter);
    }
    rt_sink_puts(sink, rt_field_name(RT_FIELD_WARNINGS));
    rt_sink_put(sink, '\n');
}

/*
 * The warnings field of csv and tsv: the notes joined with "; " before the
 * figures' own warnings, `own`.  False when memory runs out.
 */
static bool put_warnings_field(struct rt_sink *sink, const char *own,
                               const struct rt_notes *notes, char delimiter)
{
    size_t size = strlen(own) + 1, used = 0, i;
    char *joined;

    if (!notes || notes->count == 0) {
        rt_sink_field(sink, own, strlen(own), delimiter);
        return true;
    }
    for (i = 0; i < notes->count; i++)
        size += strlen(notes->texts[i]) + 2;
    joined = malloc(size);
    if (!joined)
        return false;
    for (i = 0; i < notes->count; i++)
        used += (size_t)snprintf(joined + used, size - used, "%s%s",
                                 i ? "; " : "", notes->texts[i]);
    snprintf(joined + used, size - used, "%s%s", *own ? "; " : "", own);
    rt_sink_field(sink, joined, strlen(joined), delimiter);
    free(joined);
    return true;
}

static bool emit_delimited(struct rt_sink *sink,
                           const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime, char delimiter,
                           bool header, const struct rt_notes *notes)
{
    char value[RT_WARNING_TEXT_SIZE *
               (RT_WARNING_KINDS + RT_LIFETIME_WARNING_KINDS)];
    bool enough_memory;
    unsigned i;

    if (header)
        emit_header(sink, delimiter, lifetime);
    for (i = 0; i < RT_FIELD_WARNINGS; i++) {
        rt_field_value(figures, (enum rt_field)i, value, sizeof value);
        rt_sink_field(sink, value, strlen(value), delimiter);
        rt_sink_put(sink, delimiter);
    }
    for (i = 0; lifetime && i < RT_LIFETIME_FIELD_COUNT; i++) {
        const char *text = lifetime->values[i].text;

        rt_sink_field(sink, text, strlen(text), delimiter);
        rt_sink_put(sink, delimiter);
    }
    rt_report_warnings_value(figures, lifetime, NULL, value, sizeof value);
    enough_memory = put_warnings_field(sink, value, notes, delimiter);
    rt_sink_put(sink, '\n');
    return enough_memory;
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
    struct rt_sink *sink;
    bool enough_memory = true;
    enum rt_status status;

    if ((unsigned)format > RT_FORMAT_TSV)
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
    if (format == RT_FORMAT_JSON)
        emit_json(sink, figures, lifetime, notes);
    else
        enough_memory =
            emit_delimited(sink, figures, lifetime,
                           format == RT_FORMAT_CSV ? ',' : '\t', header, notes);
    status = rt_sink_close(sink);
    return enough_memory ? status : RT_ERR_NOMEM;
}

enum rt_status rt_emit_figures(FILE *out, enum rt_format format,
                               const struct rt_figures *figures, bool header)
{
    return rt_emit_report(out, format, figures, NULL, header);
}
