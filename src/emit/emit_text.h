/* emit_text.h - the figures of one period for people (internal). */
#ifndef RETAIN_EMIT_TEXT_H
#define RETAIN_EMIT_TEXT_H

#include <stdio.h>

#include "retain.h"

/* The signs of the formulas the text output writes out. */
#define MINUS  "\xe2\x88\x92" /* U+2212 MINUS SIGN */
#define DIVIDE "\xc3\xb7"     /* U+00F7 DIVISION SIGN */
#define TIMES  "\xc3\x97"     /* U+00D7 MULTIPLICATION SIGN */

/* Writes label and pads it to the display column where values start. */
void rt_text_label(FILE *out, const char *label);

/* Writes the figures for people: aligned, with the formulas filled in. */
void rt_emit_text(FILE *out, const struct rt_figures *figures);

#endif
