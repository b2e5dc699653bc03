/* emit_lifetime.h - the figures beyond one period, per format (internal). */
#ifndef RETAIN_EMIT_LIFETIME_H
#define RETAIN_EMIT_LIFETIME_H

#include <stdio.h>

#include "retain.h"
#include "sink.h"

/* Writes the figures beyond the period for people, after rt_emit_text(). */
void rt_emit_text_lifetime(FILE *out, const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime);

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

#endif
