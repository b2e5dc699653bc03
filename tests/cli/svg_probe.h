/*
 * svg_probe.h - reading the charts retain draws, for the CLI tests of
 * -f svg (test_cli_svg_line.c, test_cli_svg_cohorts.c).
 */
#ifndef RETAIN_SVG_PROBE_H
#define RETAIN_SVG_PROBE_H

#include <stdbool.h>
#include <stddef.h>

/* A length in a chart, "123.4" or "12", in tenths of a pixel. */
long svg_tenths(const char *text);

/* The characters of UTF-8 text as the SVG holds it, an entity counting
   one. */
long svg_characters(const char *text, size_t len);

#endif
