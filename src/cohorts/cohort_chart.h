/*
 * cohort_chart.h - the cohort triangle of a result as an SVG chart:
 * retain cohorts -f svg (internal).
 *
 * The heatmap: a row per cohort (oldest first) with its size, a column per
 * offset k, each cell coloured by its rate and labelled with the text csv
 * holds (-p digits), unobserved cells hatched, the average row below.  The
 * curves: the average and each cohort as a line over k, from 0 to 100%.
 * The values plotted are exact, in parts per million of 100%, rounded
 * once, half away from zero, from the counts (cohort_engine.h).
 */
#ifndef RETAIN_COHORT_CHART_H
#define RETAIN_COHORT_CHART_H

#include "cohort_report.h"
#include "retain.h"
#include "sink.h"

/* The cohorts, and the columns, a chart takes at most: a million cells
   already make an SVG file of some 70 MB that no one can read. */
#define RT_COHORT_CHART_MAX 1000

enum rt_cohort_chart_kind {
    RT_COHORT_CHART_HEATMAP, /* the default */
    RT_COHORT_CHART_CURVE
};

struct rt_cohort_chart {
    /* What to draw: its result, period, cut-off, average method,
       no_average, precision and spans; format, delimiter, long_form,
       header and counts are not read, nor are groups: one chart draws
       the triangle over everyone. */
    const struct rt_cohort_report *report;
    enum rt_cohort_chart_kind kind;
    unsigned width, height; /* pixels; 0: the default, 800 x 500 */
};

/*
 * Writes the chart to sink as one SVG document.  RT_OK, RT_ERR_NOMEM;
 * RT_ERR_PRECISION, having written nothing, for a precision above
 * RT_PRECISION_MAX; a write error is the sink's to tell (sink->failed).
 */
enum rt_status rt_cohort_chart_write(struct rt_sink *sink,
                                     const struct rt_cohort_chart *chart);

#endif
