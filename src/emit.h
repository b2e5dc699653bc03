/* emit.h - the emitters behind rt_emit_figures() (internal). */
#ifndef RETAIN_EMIT_H
#define RETAIN_EMIT_H

#include <stdio.h>

#include "retain.h"

/* Writes the figures for people: aligned, with the formulas filled in. */
void rt_emit_text(FILE *out, const struct rt_figures *figures);

#endif
