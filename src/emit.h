/* emit.h - the emitters behind rt_emit_figures() (internal). */
#ifndef RETAIN_EMIT_H
#define RETAIN_EMIT_H

#include <stdio.h>

#include "retain.h"
#include "sink.h"

/* Writes the figures for people: aligned, with the formulas filled in. */
void rt_emit_text(FILE *out, const struct rt_figures *figures);

/* Writes the JSON array of the figures' warnings. */
void rt_emit_json_warnings(struct rt_sink *sink,
                           const struct rt_figures *figures);

/*
 * Writes "name":value, for each field from `first` up to (not including)
 * the warnings, unknown ones as null: the middle of a JSON object.
 */
void rt_emit_json_fields(struct rt_sink *sink, const struct rt_figures *figures,
                         enum rt_field first);

#endif
