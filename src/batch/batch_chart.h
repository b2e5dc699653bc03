/*
 * batch_chart.h - retain batch -f svg and retain periods -f svg: the rows'
 * retention and churn rates, collected and drawn as one line chart
 * (internal).
 *
 * x is the column named period (any case) when the input has one, each
 * label its own slot in the order first seen (a label seen again in one
 * group takes the next slot of that label), else the row number (within
 * its group with --group-by).  y is the retention rate (solid) and the
 * churn rate (dashed) of each group, one colour per group; without a new
 * column, the simple rates.  A row without rates (invalid, or S = 0 in
 * periods) or whose rate lies outside 0..100% (counts that contradict
 * each other) is a gap.  Rates are exact: parts per million rounded half
 * away from zero from the row's counts, as every rate of retain is.
 */
#ifndef RETAIN_BATCH_CHART_H
#define RETAIN_BATCH_CHART_H

#include <stdbool.h>

#include "batch_row.h"
#include "batch_types.h"
#include "csv.h"

/* The rows and groups a chart takes at most: more would be unreadable. */
#define RT_BATCH_CHART_ROWS   5000
#define RT_BATCH_CHART_GROUPS 200

struct rt_batch_chart;

/* An empty chart; NULL when out of memory. */
struct rt_batch_chart *rt_batch_chart_new(void);
void rt_batch_chart_free(struct rt_batch_chart *chart);

/*
 * Keeps what the chart needs of one row.  RT_BATCH_OK; RT_BATCH_NO_MEMORY;
 * RT_BATCH_BAD_COLUMNS with a message in error beyond the limits above.
 */
enum rt_batch_result rt_batch_chart_add(struct rt_batch_chart *chart,
                                        const struct rt_batch *batch,
                                        const struct rt_csv_record *record,
                                        const struct rt_batch_row *row,
                                        char *error, size_t size);

/* Draws the chart to batch->sink, unless rt_batch_chart_add() refused a
   row: RT_BATCH_OK or RT_BATCH_NO_MEMORY. */
enum rt_batch_result rt_batch_chart_write(struct rt_batch_chart *chart,
                                          const struct rt_batch *batch);

#endif
