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

/*
 * Warnings about the input that a command puts before the figures' own in
 * the warnings field, e.g. retain ids's duplicate IDs: `count` texts.
 */
struct rt_notes {
    const char *const *texts;
    size_t count;
};

/*
 * rt_emit_report() with `notes` (NULL for none) first in the warnings field
 * of json, csv and tsv; text has no such field.  RT_ERR_NOMEM when the
 * joined warnings of csv or tsv find no memory.
 */
enum rt_status rt_emit_report_noted(FILE *out, enum rt_format format,
                                    const struct rt_figures *figures,
                                    const struct rt_lifetime *lifetime,
                                    bool header, const struct rt_notes *notes);

/* Writes the JSON array of the warnings; lifetime and revenue may be NULL. */
void rt_emit_json_warnings(struct rt_sink *sink,
                           const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime,
                           const struct rt_revenue_figures *revenue);

/* Writes "name":value, for each figure beyond the period. */
void rt_emit_json_lifetime(struct rt_sink *sink,
                           const struct rt_lifetime *lifetime);

/*
 * Writes one figure beyond the period as the JSON object holds it: a
 * number, a string (period, per), or null when it is unknown or infinite.
 */
void rt_emit_json_lifetime_value(struct rt_sink *sink,
                                 const struct rt_lifetime *lifetime,
                                 enum rt_lifetime_field field);

/*
 * Writes one figure of the period as the JSON object holds it: a number or
 * null; for the warnings, the array of them all: the notes, the period's,
 * then those beyond it (notes and lifetime may be NULL).
 */
void rt_emit_json_field_value(struct rt_sink *sink,
                              const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_notes *notes,
                              enum rt_field field);

/* The same for a revenue figure: a number, or the warnings array. */
void rt_emit_json_revenue_value(struct rt_sink *sink,
                                const struct rt_revenue_figures *figures,
                                enum rt_revenue_field field);

/*
 * A sink that writes to out, on the heap: its 64 KiB buffer does not
 * belong on the stack of a library's caller.  NULL when memory runs out.
 */
struct rt_sink *rt_emit_sink_open(FILE *out);

/* Flushes and frees sink; RT_ERR_IO when any write to it failed. */
enum rt_status rt_emit_sink_close(struct rt_sink *sink);

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
