/* emit.h - the emitters behind rt_emit_figures() (internal). */
#ifndef RETAIN_EMIT_H
#define RETAIN_EMIT_H

#include <stdio.h>

#include "emit_lifetime.h"
#include "emit_revenue.h"
#include "emit_text.h"
#include "field.h"
#include "retain.h"
#include "sink.h"

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

/*
 * Writes "name":value, for each field from `first` up to (not including)
 * the warnings, unknown ones as null: the middle of a JSON object.
 */
void rt_emit_json_fields(struct rt_sink *sink, const struct rt_figures *figures,
                         enum rt_field first);

#endif
