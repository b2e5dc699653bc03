/*
 * chart_heatmap.h - a table of rates drawn as coloured cells: the cohort
 * heatmap (internal).
 *
 * Rows (oldest first) each with a label and a size, columns with labels,
 * and per cell a value in parts per million of 100% (svg.h) or
 * RT_CHART_GAP for a cell not observed.  Each cell is coloured on one
 * fixed single-hue scale, light (0%) to dark (100%), and labelled with the
 * text the caller gives (the chart never formats a rate); a cell not
 * observed is hatched, never coloured as 0%.  A summary row (the average)
 * may follow below a gap.  The chart knows nothing of retention: every
 * word on it comes from the caller.
 *
 * Many rows or columns degrade gracefully: cells shrink, row and column
 * labels are thinned to every n-th so that no two overlap, and cell
 * labels are left out when one would not fit in its cell.
 */
#ifndef RETAIN_CHART_HEATMAP_H
#define RETAIN_CHART_HEATMAP_H

#include <stddef.h>

#include "retain.h"
#include "sink.h"

/* One row of cells. */
struct rt_heatmap_row {
    const char *label;        /* user text, e.g. a cohort "2024-01" */
    const char *size;         /* the row's size, e.g. "3" */
    const long *ppm;          /* per column: 0..RT_CHART_PPM_FULL or GAP */
    const char *const *texts; /* per column: the cell's label; not read at
                                 a gap */
};

struct rt_heatmap_chart {
    unsigned width, height; /* pixels */
    const char *title;      /* the first line, and the <title> */
    const char *subtitle;   /* the line below it */
    const char *desc;       /* the <desc> for screen readers */
    const char *row_heading, *size_heading; /* above the two left columns */
    const char *x_label;                    /* above the column labels */
    const char *const *column_labels;
    size_t columns;
    const struct rt_heatmap_row *rows;
    size_t row_count;
    const struct rt_heatmap_row *summary; /* below the rows; NULL: none */
    const char *scale_label;              /* beside the colour scale */
    const char *gap_label;                /* beside the hatched swatch */
};

/*
 * Writes the chart to sink as one SVG document.  RT_OK; a write error is
 * the sink's to tell (sink->failed).
 */
enum rt_status rt_chart_heatmap_write(struct rt_sink *sink,
                                      const struct rt_heatmap_chart *chart);

#endif
