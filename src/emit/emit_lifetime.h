/* emit_lifetime.h - the figures beyond one period for people (internal). */
#ifndef RETAIN_EMIT_LIFETIME_H
#define RETAIN_EMIT_LIFETIME_H

#include <stdio.h>

#include "retain.h"

/* Writes the figures beyond the period for people, after rt_emit_text(). */
void rt_emit_text_lifetime(FILE *out, const struct rt_figures *figures,
                           const struct rt_lifetime *lifetime);

#endif
