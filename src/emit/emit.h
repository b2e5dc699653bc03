/* emit.h - the emitters behind rt_emit_figures() (internal). */
#ifndef RETAIN_EMIT_H
#define RETAIN_EMIT_H

#include <stdio.h>

#include "emit_lifetime.h"
#include "emit_text.h"
#include "field.h"
#include "retain.h"
#include "row.h"
#include "sink.h"

/*
 * Warnings about the input that a command puts before the figures' own in
 * the warnings field, e.g. retain ids's duplicate IDs: `count` texts.
 */
struct rt_notes {
    const char *const *texts;
    size_t count;
};

/* One period's report: its figures, those beyond it and the notes (either
   may be NULL), whose warnings make one field. */
struct rt_report {
    const struct rt_figures *figures;
    const struct rt_lifetime *lifetime;
    const struct rt_notes *notes;
};

/* The warnings field of a struct rt_report: the notes, the period's, then
   those beyond it. */
extern const struct rt_field_def rt_report_warnings;

/*
 * rt_emit_report() with `notes` (NULL for none) first in the warnings field
 * of json, csv and tsv; text has no such field.  RT_ERR_NOMEM when the
 * joined warnings of csv or tsv find no memory.
 */
enum rt_status rt_emit_report_noted(FILE *out, enum rt_format format,
                                    const struct rt_figures *figures,
                                    const struct rt_lifetime *lifetime,
                                    bool header, const struct rt_notes *notes);

/*
 * Writes one field of `report` alone on a line, for --only: as the JSON
 * object holds it with json, else bare (not quoted), as CSV would hold it.
 * Returns RT_OK, RT_ERR_IO or RT_ERR_NOMEM.
 */
enum rt_status rt_emit_field(FILE *out, enum rt_format format,
                             const struct rt_field_def *def,
                             const void *report);

#endif
