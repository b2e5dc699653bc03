/* cli_values.c - see cli_values.h. */
#include <stdio.h>
#include <string.h>

#include "cli_values.h"
#include "describe.h"
#include "svg.h"

bool cli_value_refuse(const char *text, const char *what, const char *expected,
                      char *problem, size_t size)
{
    char quoted[RT_QUOTE_SIZE];

    rt_quote_value(text, strlen(text), quoted, sizeof quoted);
    snprintf(problem, size, "%s: %s (expected %s)", what, quoted, expected);
    return false;
}

bool cli_value_precision(const char *text, unsigned *out, char *problem,
                         size_t size)
{
    uint64_t value = 0;
    enum rt_status parsed = rt_count_parse(text, strlen(text), &value);

    if (parsed == RT_OK && value <= RT_PRECISION_MAX) {
        *out = (unsigned)value;
        return true;
    }
    /* A whole number, only too large, is told apart from text. */
    return cli_value_refuse(text,
                            parsed == RT_OK || parsed == RT_ERR_RANGE
                                ? "too many digits"
                                : "not a number of digits",
                            "a whole number from 0 to 12", problem, size);
}

bool cli_value_format(const char *text, enum rt_format *out, char *problem,
                      size_t size)
{
    return rt_format_lookup(text, out) ||
           cli_value_refuse(text, "unknown format",
                            "text, json, csv, tsv, markdown or svg", problem,
                            size);
}

bool cli_value_chart_size(const char *text, unsigned *out, char *problem,
                          size_t size)
{
    uint64_t value = 0;
    enum rt_status parsed = rt_count_parse(text, strlen(text), &value);
    char expected[64];

    if (parsed == RT_OK && value >= RT_CHART_SIZE_MIN &&
        value <= RT_CHART_SIZE_MAX) {
        *out = (unsigned)value;
        return true;
    }
    snprintf(expected, sizeof expected,
             "a whole number of pixels from %u to %u", RT_CHART_SIZE_MIN,
             RT_CHART_SIZE_MAX);
    /* A whole number, only out of range, is told apart from text. */
    return cli_value_refuse(text,
                            parsed == RT_OK || parsed == RT_ERR_RANGE
                                ? "out of range"
                                : "not a number of pixels",
                            expected, problem, size);
}

bool cli_value_delimiter(const char *text, char *out, char *problem,
                         size_t size)
{
    if (strcmp(text, ",") == 0 || strcmp(text, ";") == 0) {
        *out = text[0];
        return true;
    }
    if (strcmp(text, "tab") == 0 || strcmp(text, "\t") == 0) {
        *out = '\t';
        return true;
    }
    return cli_value_refuse(text, "unknown delimiter", "',', ';' or tab",
                            problem, size);
}

void cli_option_problem(const struct cli_option *option, const char *problem,
                        char *error, size_t size)
{
    char label[64];

    cli_option_label(option, label, sizeof label);
    snprintf(error, size, "option %s: %s", label, problem);
}

bool cli_value_amount(const char *text, enum rt_amount_kind kind, uint64_t *out,
                      char *problem, size_t size)
{
    enum rt_status status = rt_amount_parse(text, strlen(text), kind, out);

    if (status != RT_OK)
        rt_amount_describe(status, kind, text, strlen(text), problem, size);
    return status == RT_OK;
}
