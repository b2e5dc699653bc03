/* emit.h - the emitters behind rt_emit_figures() (internal). */
#ifndef RETAIN_EMIT_H
#define RETAIN_EMIT_H

#include <stdio.h>

#include "retain.h"
#include "sink.h"

#define MINUS  "\xe2\x88\x92" /* U+2212 MINUS SIGN */
#define DIVIDE "\xc3\xb7"     /* U+00F7 DIVISION SIGN */
#define TIMES  "\xc3\x97"     /* U+00D7 MULTIPLICATION SIGN */

/* Writes label and pads it to the display column where values start. */
void rt_text_label(FILE *out, const char *label);

/* Writes the figures for people: aligned, with the formulas filled in. */
void rt_emit_text(FILE *out, const struct rt_figures *figures);

/* Writes the figures beyond the period for people, after rt_emit_text(). */
void rt_emit_text_lifetime(FILE *out, const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime);

/*
 * Calls each(context, text) for every warning in output order: the
 * period's, then those beyond it and of revenue (either may be NULL).
 */
void rt_each_warning(const struct rt_figures *figures,
                     const struct rt_lifetime *lifetime,
                     const struct rt_revenue_figures *revenue,
                     void (*each)(void *context, const char *text),
                     void *context);

/* Writes the JSON array of the warnings; lifetime and revenue may be NULL. */
void rt_emit_json_warnings(struct rt_sink *sink,
                           const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime,
                           const struct rt_revenue_figures *revenue);

/* Writes "name":value, for each figure beyond the period. */
void rt_emit_json_lifetime(struct rt_sink *sink,
                           const struct rt_lifetime *lifetime);

/* All warnings joined with "; ", as the CSV warnings field holds them. */
void rt_report_warnings_value(const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_revenue_figures *revenue,
                              char *buf, size_t size);

/*
 * Writes "name":value, for each field from `first` up to (not including)
 * the warnings, unknown ones as null: the middle of a JSON object.
 */
void rt_emit_json_fields(struct rt_sink *sink, const struct rt_figures *figures,
                         enum rt_field first);

#endif
