/*
 * svg.h - the bytes of an SVG document, for every chart (internal).
 *
 * Charts are drawn with integers only, so that the same input gives the
 * same bytes on every machine and in every locale: a coordinate or length
 * is a long in tenths of a pixel, written by rt_svg_number() ("123.4",
 * "12", "-3.5": no exponent, no locale), and scaling rounds half away from
 * zero.  A plotted value is a rate in parts per million of 100%
 * (0..RT_CHART_PPM_FULL), computed exactly by the caller, or RT_CHART_GAP.
 *
 * Every user text goes through rt_svg_text_escaped(): XML's five special
 * characters are escaped, and bytes that are not valid UTF-8, control
 * characters, the two non-characters XML forbids and what utf8.h shows
 * as an escape (format characters such as bidirectional overrides, line
 * separators) become U+FFFD, so no input can make the document
 * ill-formed or reorder or hide a label.
 *
 * The writer holds no state but the sink: a failed write is remembered
 * there (sink->failed), and the caller checks it once at the end.
 */
#ifndef RETAIN_SVG_H
#define RETAIN_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include "sink.h"

/* A value that is not known: a gap in a line, an unobserved cell. */
#define RT_CHART_GAP (-1L)
/* 100%, in parts per million. */
#define RT_CHART_PPM_FULL 1000000L

/* The default size of a chart, and the sizes --width/--height accept. */
#define RT_CHART_WIDTH    800u
#define RT_CHART_HEIGHT   500u
#define RT_CHART_SIZE_MIN 320u
#define RT_CHART_SIZE_MAX 10000u

struct rt_svg {
    struct rt_sink *sink;
};

/*
 * Starts the document on sink: the XML declaration, the <svg> element of
 * width x height pixels (its viewBox the same, a generic sans-serif font,
 * spaces in text kept as they are, so that " vip" and "vip" differ,
 * labelled for screen readers by the <title> and <desc> that follow, both
 * escaped), and a white background.  title and desc must not be NULL.
 */
void rt_svg_begin(struct rt_svg *svg, struct rt_sink *sink, unsigned width,
                  unsigned height, const char *title, const char *desc);

/* Ends the document: </svg> and a line feed. */
void rt_svg_end(struct rt_svg *svg);

/* Writes a length in tenths of a pixel: 123 "12.3", 120 "12", -5 "-0.5". */
void rt_svg_number(struct rt_svg *svg, long tenths);

/* Writes len bytes of user text, escaped and made valid UTF-8 (above). */
void rt_svg_text_escaped(struct rt_svg *svg, const char *text, size_t len);

/* Writes markup as it is: no escaping, for the chart's own constants. */
void rt_svg_raw(struct rt_svg *svg, const char *text);

/*
 * <text x= y= text-anchor=anchor attrs>text</text>, text escaped; anchor
 * ("start", "middle", "end") and attrs (markup, e.g. `font-size="12"`)
 * may be NULL to leave them out.  x and y in tenths.
 */
void rt_svg_text(struct rt_svg *svg, long x, long y, const char *anchor,
                 const char *attrs, const char *text);

/* <rect x= y= width= height= attrs/>, in tenths; attrs may be NULL. */
void rt_svg_rect(struct rt_svg *svg, long x, long y, long w, long h,
                 const char *attrs);

/* <line x1= y1= x2= y2= attrs/>, in tenths; attrs may be NULL. */
void rt_svg_line(struct rt_svg *svg, long x1, long y1, long x2, long y2,
                 const char *attrs);

/* <circle cx= cy= r= attrs/>, in tenths; attrs may be NULL. */
void rt_svg_circle(struct rt_svg *svg, long cx, long cy, long r,
                   const char *attrs);

/*
 * A path of straight lines: rt_svg_path_begin() writes `<path d="`, each
 * rt_svg_path_to() a point (" M x y" to move there, " L x y" to draw),
 * and rt_svg_path_end() `" attrs/>`.  In tenths.
 */
void rt_svg_path_begin(struct rt_svg *svg);
void rt_svg_path_to(struct rt_svg *svg, bool move, long x, long y);
void rt_svg_path_end(struct rt_svg *svg, const char *attrs);

/*
 * The estimated width of text in tenths of a pixel at font_px: its display
 * columns (utf8.h; a character that would be replaced counts one) times a
 * fixed average advance of 0.6 em.  An estimate, the same everywhere, so
 * that thinning and truncation are deterministic.
 */
long rt_svg_text_width(const char *text, size_t len, unsigned font_px);

/*
 * value * to_range / from_range, rounded half away from zero, without
 * overflow for values and ranges up to 2^31; 0 when from_range is 0.
 */
long rt_svg_scale(long value, long from_range, long to_range);

/*
 * The least of 1, 2, 5, 10, 20, 50, ... at or above `needed`: a label on
 * every step-th row, column or x value, counted in round numbers.
 */
size_t rt_svg_round_step(size_t needed);

/*
 * How many bytes of text (whole characters) to show so that it fits in
 * max_tenths at font_px: len when all of it fits, and *cut false;
 * otherwise a shorter prefix that fits together with an ellipsis "…",
 * and *cut true.
 */
size_t rt_svg_fit(const char *text, size_t len, unsigned font_px,
                  long max_tenths, bool *cut);

/*
 * rt_svg_text() with text shortened by rt_svg_fit() to max_tenths at
 * font_px, ending in "…" when cut.  attrs should set that font size.
 */
void rt_svg_text_fit(struct rt_svg *svg, long x, long y, const char *anchor,
                     const char *attrs, const char *text, unsigned font_px,
                     long max_tenths);

#endif
