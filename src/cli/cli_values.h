/*
 * cli_values.h - the values that several commands' options take.
 *
 * Each reader returns true with the value, or false with the problem in
 * words (without the option's name), e.g. "unknown format: 'xml' (expected
 * text, json, csv, tsv, markdown or svg)".
 */
#ifndef RETAIN_CLI_VALUES_H
#define RETAIN_CLI_VALUES_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_opt.h"
#include "retain.h"

/* Writes "WHAT: 'TEXT' (expected EXPECTED)" to problem; returns false. */
bool cli_value_refuse(const char *text, const char *what, const char *expected,
                      char *problem, size_t size);

/* An amount of money or a rate (10% or 0.10), in millionths. */
bool cli_value_amount(const char *text, enum rt_amount_kind kind, uint64_t *out,
                      char *problem, size_t size);

bool cli_value_precision(const char *text, unsigned *out, char *problem,
                         size_t size);
/* Why --no-header is refused with -f markdown, in every command. */
#define CLI_MARKDOWN_NEEDS_HEADER                                              \
    "option --no-header does not go with -f markdown (a Markdown table "       \
    "needs its header line)"

bool cli_value_format(const char *text, enum rt_format *out, char *problem,
                      size_t size);
/* A chart's --width or --height: pixels, RT_CHART_SIZE_MIN to _MAX (svg.h). */
bool cli_value_chart_size(const char *text, unsigned *out, char *problem,
                          size_t size);
/* ",", ";", "tab" or a tab character. */
bool cli_value_delimiter(const char *text, char *out, char *problem,
                         size_t size);

/* Writes "option -p/--precision: PROBLEM" to error. */
void cli_option_problem(const struct cli_option *option, const char *problem,
                        char *error, size_t size);

#endif
