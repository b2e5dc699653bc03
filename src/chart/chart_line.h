/*
 * chart_line.h - a line chart of rates over a row of x values (internal).
 *
 * The chart knows nothing of retention: it draws the values and labels it
 * is given.  y runs from 0 to 100% (svg.h: values in parts per million);
 * x is one slot per label of x_ticks, in order.  Each series has a point
 * at every known value and a line between consecutive known values only,
 * so a gap (RT_CHART_GAP) breaks it.  x labels are thinned when they
 * would overlap, long ones cut with "…"; the legend lists at most
 * RT_CHART_LEGEND_MAX series and says "+N more" for the rest.
 */
#ifndef RETAIN_CHART_LINE_H
#define RETAIN_CHART_LINE_H

#include <stdbool.h>
#include <stddef.h>

#include "retain.h"
#include "sink.h"
#include "svg.h"

/* The series the legend names at most. */
#define RT_CHART_LEGEND_MAX 12

struct rt_chart_series {
    const char *name; /* legend text (user text: escaped) */
    const long *ppm;  /* x_count values, each 0..1000000 or RT_CHART_GAP */
    bool dashed;      /* e.g. churn, or the per-cohort curves */
    bool emphasised;  /* e.g. the average curve: thicker, drawn on top */
};

struct rt_line_chart {
    unsigned width, height; /* pixels; 0: RT_CHART_WIDTH, RT_CHART_HEIGHT */
    const char *title, *desc, *x_label, *y_label; /* y: "retention (%)" */
    const char *const *x_ticks; /* the labels of the x values */
    size_t x_count;
    const struct rt_chart_series *series;
    size_t series_count;
};

/*
 * Writes the chart as one SVG document to sink (not flushed).  Series i
 * takes colour i of a fixed colour-blind-safe palette, which repeats.
 * Returns RT_OK, RT_ERR_INVALID when a value is out of range or a text is
 * NULL, or RT_ERR_IO when a write to sink has failed.
 */
enum rt_status rt_chart_line_write(struct rt_sink *sink,
                                   const struct rt_line_chart *chart);

/* A colour_of value: black, which no palette colour is, for a line the
   others are read against (the average of cohort curves). */
#define RT_CHART_INK ((size_t)-1)

/*
 * rt_chart_line_write() with series i in palette colour colour_of[i] (any
 * number: the palette's 6 colours repeat) or RT_CHART_INK, e.g. a group's
 * retention and churn in one colour; colour_of NULL is
 * rt_chart_line_write().
 */
enum rt_status rt_chart_line_write_coloured(struct rt_sink *sink,
                                            const struct rt_line_chart *chart,
                                            const size_t *colour_of);

#endif
