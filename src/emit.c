/* emit.c - output format names and the JSON, CSV and TSV emitters. */
#include <string.h>

#include "emit.h"
#include "escape.h"

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

static void emit_json_warnings(FILE *out, const struct rt_figures *figures)
{
    char text[RT_WARNING_TEXT_SIZE];
    unsigned bit;
    bool first = true;

    putc('[', out);
    for (bit = 1; bit < (1u << RT_WARNING_KINDS); bit <<= 1) {
        if (!(figures->warnings & bit))
            continue;
        if (!first)
            putc(',', out);
        first = false;
        rt_json_write_string(
            out, text,
            rt_warning_text(figures, (enum rt_warning)bit, text, sizeof text));
    }
    putc(']', out);
}

static void emit_json(FILE *out, const struct rt_figures *figures)
{
    char value[RT_RATE_TEXT_SIZE];
    unsigned i;

    putc('{', out);
    for (i = 0; i < RT_FIELD_WARNINGS; i++) {
        bool known =
            rt_field_value(figures, (enum rt_field)i, value, sizeof value);

        fprintf(out, "\"%s\":%s,", rt_field_name((enum rt_field)i),
                known ? value : "null");
    }
    fprintf(out, "\"%s\":", rt_field_name(RT_FIELD_WARNINGS));
    emit_json_warnings(out, figures);
    fputs("}\n", out);
}

static void emit_delimited(FILE *out, const struct rt_figures *figures,
                           char delimiter, bool header)
{
    char value[RT_WARNING_TEXT_SIZE * RT_WARNING_KINDS];
    unsigned i;

    for (i = 0; header && i < RT_FIELD_COUNT; i++) {
        if (i > 0)
            putc(delimiter, out);
        fputs(rt_field_name((enum rt_field)i), out);
    }
    if (header)
        putc('\n', out);
    for (i = 0; i < RT_FIELD_COUNT; i++) {
        if (i > 0)
            putc(delimiter, out);
        rt_field_value(figures, (enum rt_field)i, value, sizeof value);
        rt_delimited_write_field(out, value, strlen(value), delimiter);
    }
    putc('\n', out);
}

enum rt_status rt_emit_figures(FILE *out, enum rt_format format,
                               const struct rt_figures *figures, bool header)
{
    switch (format) {
    case RT_FORMAT_TEXT:
        rt_emit_text(out, figures);
        break;
    case RT_FORMAT_JSON:
        emit_json(out, figures);
        break;
    case RT_FORMAT_CSV:
        emit_delimited(out, figures, ',', header);
        break;
    case RT_FORMAT_TSV:
        emit_delimited(out, figures, '\t', header);
        break;
    }
    return ferror(out) ? RT_ERR_IO : RT_OK;
}
