/*
 * cohort_chart.c - see cohort_chart.h.
 *
 * The triangle over everyone is turned into the chart layer's plain
 * numbers and words: per cell a value in parts per million and its label,
 * per row a cohort label and a size.  Values come from the same exact
 * formatting as the printed rates, asked for 4 digits of a percent (a
 * millionth of 100%), so that a plotted value and its label never
 * disagree on rounding.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_heatmap.h"
#include "chart_line.h"
#include "cohort_chart.h"
#include "date.h"
#include "digits.h"
#include "svg.h"

/* A percent with 4 digits is a whole number of millionths of 100%. */
#define PPM_PRECISION 4
/* The longest label: "100." and RT_PRECISION_MAX digits, and a NUL. */
#define TEXT_SLOT 18
#define SIZE_SLOT (RT_DIGITS_U64 + 1)
#define LINE_SIZE 256

/* The chart's rows and the storage of their numbers and words. */
struct chart_rows {
    size_t count, columns;       /* count: the cohorts, the summary after */
    struct rt_heatmap_row *rows; /* count + 1 */
    long *ppm;                   /* (count + 1) * columns */
    const char **texts;          /* (count + 1) * columns */
    char *text_store;            /* (count + 1) * columns * TEXT_SLOT */
    char *labels;                /* count * RT_PERIOD_LABEL_SIZE */
    char *sizes;                 /* (count + 1) * SIZE_SLOT */
    const char **column_labels;  /* columns */
    char *column_store;          /* columns * SIZE_SLOT */
};

static void rows_free(struct chart_rows *rows)
{
    free(rows->rows);
    free(rows->ppm);
    free(rows->texts);
    free(rows->text_store);
    free(rows->labels);
    free(rows->sizes);
    free(rows->column_labels);
    free(rows->column_store);
}

/* malloc(count * size), NULL on overflow too. */
static void *alloc_array(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return malloc(count * size + 1);
}

static bool rows_alloc(struct chart_rows *rows, size_t count, size_t columns)
{
    size_t cells = count + 1;

    memset(rows, 0, sizeof *rows);
    rows->count = count;
    rows->columns = columns;
    if (columns != 0 && cells > SIZE_MAX / columns)
        return false;
    cells *= columns;
    rows->rows = alloc_array(count + 1, sizeof *rows->rows);
    rows->ppm = alloc_array(cells, sizeof *rows->ppm);
    rows->texts = alloc_array(cells, sizeof *rows->texts);
    rows->text_store = alloc_array(cells, TEXT_SLOT);
    rows->labels = alloc_array(count, RT_PERIOD_LABEL_SIZE);
    rows->sizes = alloc_array(count + 1, SIZE_SLOT);
    rows->column_labels = alloc_array(columns, sizeof *rows->column_labels);
    rows->column_store = alloc_array(columns, SIZE_SLOT);
    return rows->rows && rows->ppm && rows->texts && rows->text_store &&
           rows->labels && rows->sizes && rows->column_labels &&
           rows->column_store;
}

/* The millionths of "66.6667" (4 digits after the point): 666667. */
static long ppm_of(const char *percent)
{
    long value = 0;

    for (; *percent; percent++)
        if (*percent != '.')
            value = value * 10 + (*percent - '0');
    return value;
}

/*
 * The label of a period, as cohort_report.c writes it: empty after
 * 9999-12-31, where a late cohort's offsets run past every date.
 */
static void period_label(const struct rt_cohort_report *report, int64_t index,
                         char *buf)
{
    buf[0] = '\0';
    if (rt_period_first_day(&report->period, (int32_t)index) <= RT_DATE_MAX_DAY)
        (void)rt_period_label(&report->period, (int32_t)index, buf);
}

/* A rate's text into its slot: no rate is longer (TEXT_SLOT). */
static void copy_text(char *slot, const char *text)
{
    size_t len = strlen(text);

    if (len >= TEXT_SLOT)
        len = TEXT_SLOT - 1;
    memcpy(slot, text, len);
    slot[len] = '\0';
}

/* A cell of a cohort: its value and label, or a gap when unobserved. */
static void fill_cohort_cell(const struct rt_cohort_row *row, size_t k,
                             unsigned precision, long *ppm, char *text)
{
    char buf[RT_RATE_TEXT_SIZE];

    if (k >= row->observed) {
        *ppm = RT_CHART_GAP;
        text[0] = '\0';
        return;
    }
    (void)rt_cohort_cell_format(row, k, PPM_PRECISION, buf, sizeof buf);
    *ppm = ppm_of(buf);
    (void)rt_cohort_cell_format(row, k, precision, buf, sizeof buf);
    copy_text(text, buf);
}

/* The average at k by its method, as cohort_report.c prints it. */
static enum rt_status average_format(const struct rt_cohort_report *report,
                                     size_t k, unsigned precision, char *buf)
{
    const struct rt_cohort_triangle *tri = &report->result->overall;

    if (report->average == RT_COHORT_MEAN)
        return rt_cohort_mean_format(report->result, tri, k, precision, buf,
                                     RT_RATE_TEXT_SIZE);
    return rt_cohort_pooled_format(tri, k, precision, buf, RT_RATE_TEXT_SIZE);
}

/* A cell of the average row; only the mean can run out of memory. */
static enum rt_status fill_average_cell(const struct rt_cohort_report *report,
                                        size_t k, long *ppm, char *text)
{
    char buf[RT_RATE_TEXT_SIZE];
    enum rt_status status = RT_OK;

    *ppm = RT_CHART_GAP;
    text[0] = '\0';
    if (report->result->overall.average.cohorts[k] == 0)
        return RT_OK;
    status = average_format(report, k, PPM_PRECISION, buf);
    if (status == RT_OK) {
        *ppm = ppm_of(buf);
        status = average_format(report, k, report->precision, buf);
    }
    if (status == RT_OK)
        copy_text(text, buf);
    return status == RT_ERR_NOMEM ? RT_ERR_NOMEM : RT_OK;
}

static long *ppm_slot(struct chart_rows *rows, size_t r, size_t k)
{
    return rows->ppm + r * rows->columns + k;
}

static char *text_slot(struct chart_rows *rows, size_t r, size_t k)
{
    return rows->text_store + (r * rows->columns + k) * TEXT_SLOT;
}

/* Row r's slices of the storage. */
static struct rt_heatmap_row *row_at(struct chart_rows *rows, size_t r)
{
    struct rt_heatmap_row *row = &rows->rows[r];
    size_t k, first = r * rows->columns;

    row->ppm = rows->ppm + first;
    row->texts = rows->texts + first;
    row->size = rows->sizes + r * SIZE_SLOT;
    for (k = 0; k < rows->columns; k++)
        rows->texts[first + k] = text_slot(rows, r, k);
    return row;
}

static void fill_size(struct chart_rows *rows, size_t r, uint64_t size)
{
    char *text = rows->sizes + r * SIZE_SLOT;

    text[rt_digits_write(size, text)] = '\0';
}

static enum rt_status fill_rows(const struct rt_cohort_report *report,
                                struct chart_rows *rows)
{
    const struct rt_cohort_triangle *tri = &report->result->overall;
    enum rt_status status = RT_OK;
    struct rt_heatmap_row *row;
    size_t r, k;

    for (r = 0; r < rows->count; r++) {
        row = row_at(rows, r);
        row->label = rows->labels + r * RT_PERIOD_LABEL_SIZE;
        period_label(report, tri->rows[r].cohort,
                     rows->labels + r * RT_PERIOD_LABEL_SIZE);
        fill_size(rows, r, tri->rows[r].customers);
        for (k = 0; k < rows->columns; k++)
            fill_cohort_cell(&tri->rows[r], k, report->precision,
                             ppm_slot(rows, r, k), text_slot(rows, r, k));
    }
    row = row_at(rows, rows->count);
    row->label = "average";
    fill_size(rows, rows->count, tri->customers);
    for (k = 0; k < rows->columns && status == RT_OK; k++)
        status = fill_average_cell(report, k, ppm_slot(rows, rows->count, k),
                                   text_slot(rows, rows->count, k));
    for (k = 0; k < rows->columns; k++) {
        char *label = rows->column_store + k * SIZE_SLOT;

        label[rt_digits_write(k, label)] = '\0';
        rows->column_labels[k] = label;
    }
    return status;
}

/* The words on the chart. */
struct chart_words {
    char title[LINE_SIZE], subtitle[LINE_SIZE], x_label[64];
    char *desc; /* the text format's heading line; NULL: out of memory */
};

static void say_title(const struct rt_cohort_report *report,
                      struct chart_words *words)
{
    char cut_off[RT_DATE_TEXT_LENGTH + 1];
    bool after = report->result->mode == RT_COHORT_ON_OR_AFTER;
    const char *average = report->no_average ? "no average"
                          : report->average == RT_COHORT_MEAN
                              ? "average: mean"
                              : "average: pooled";

    cut_off[rt_date_write(report->as_of, cut_off)] = '\0';
    snprintf(words->title, sizeof words->title,
             "Cohorts by %s (%s, mode %s), cut-off %s, %s",
             rt_period_name(report->period.unit),
             report->spans ? "subscriptions" : "activity log",
             after ? "on-or-after" : "on", cut_off, average);
    snprintf(words->subtitle, sizeof words->subtitle,
             "Cell k: the share of a cohort %s period cohort+k%s",
             report->spans ? "subscribed at the end of" : "active in",
             after ? " or later" : "");
    snprintf(words->x_label, sizeof words->x_label, "%ss since joining (k)",
             rt_period_name(report->period.unit));
}

/* The heading of -f text, without its line feed, for the <desc>. */
static char *describe(const struct rt_cohort_report *report)
{
    struct rt_sink *sink = malloc(sizeof *sink);
    char *desc = NULL;

    if (!sink)
        return NULL;
    rt_sink_init_memory(sink);
    rt_cohort_report_heading(sink, report);
    if (!sink->failed && (desc = malloc(sink->len + 1)) != NULL) {
        memcpy(desc, sink->buf, sink->len);
        desc[sink->len > 0 ? sink->len - 1 : 0] = '\0';
    }
    rt_sink_free(sink);
    free(sink);
    return desc;
}

static void write_heatmap(struct rt_sink *sink,
                          const struct rt_cohort_chart *chart,
                          const struct chart_rows *rows,
                          const struct chart_words *words)
{
    struct rt_heatmap_chart map;

    memset(&map, 0, sizeof map);
    map.width = chart->width ? chart->width : RT_CHART_WIDTH;
    map.height = chart->height ? chart->height : RT_CHART_HEIGHT;
    map.title = words->title;
    map.subtitle = words->subtitle;
    map.desc = words->desc;
    map.row_heading = "cohort";
    map.size_heading = "customers";
    map.x_label = words->x_label;
    map.column_labels = rows->column_labels;
    map.columns = rows->columns;
    map.rows = rows->rows;
    map.row_count = rows->count;
    map.summary = chart->report->no_average ? NULL : &rows->rows[rows->count];
    map.scale_label = "retention";
    map.gap_label = "not observed yet";
    (void)rt_chart_heatmap_write(sink, &map);
}

/* The average's curve first, so that the legend always names it, then
   each cohort's. */
static enum rt_status write_curves(struct rt_sink *sink,
                                   const struct rt_cohort_chart *chart,
                                   const struct chart_rows *rows,
                                   const struct chart_words *words)
{
    struct rt_chart_series *series =
        alloc_array(rows->count + 1, sizeof *series);
    size_t *colour_of = alloc_array(rows->count + 1, sizeof *colour_of);
    struct rt_line_chart lines;
    size_t r, n = 0;
    enum rt_status status;

    if (!series || !colour_of) {
        free(series);
        free(colour_of);
        return RT_ERR_NOMEM;
    }
    memset(&lines, 0, sizeof lines);
    /* The average in black, which no cohort's curve takes. */
    if (!chart->report->no_average) {
        colour_of[n] = RT_CHART_INK;
        series[n++] = (struct rt_chart_series){
            chart->report->average == RT_COHORT_MEAN ? "average (mean)"
                                                     : "average (pooled)",
            rows->rows[rows->count].ppm, false, true};
    }
    for (r = 0; r < rows->count; r++) {
        colour_of[n] = r;
        series[n++] = (struct rt_chart_series){rows->rows[r].label,
                                               rows->rows[r].ppm, false, false};
    }
    lines.width = chart->width;
    lines.height = chart->height;
    lines.title = words->title;
    lines.desc = words->desc;
    lines.x_label = words->x_label;
    lines.y_label = "retention (%)";
    lines.x_ticks = rows->column_labels;
    lines.x_count = rows->columns;
    lines.series = series;
    lines.series_count = n;
    status = rt_chart_line_write_coloured(sink, &lines, colour_of);
    free(series);
    free(colour_of);
    /* A failed write is the sink's to tell, as for the heatmap. */
    return status == RT_ERR_IO ? RT_OK : status;
}

enum rt_status rt_cohort_chart_write(struct rt_sink *sink,
                                     const struct rt_cohort_chart *chart)
{
    const struct rt_cohort_report *report = chart->report;
    const struct rt_cohort_triangle *tri = &report->result->overall;
    struct chart_rows rows;
    struct chart_words words;
    enum rt_status status = RT_ERR_NOMEM;

    if (report->precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    memset(&words, 0, sizeof words);
    if (rows_alloc(&rows, tri->row_count, report->result->columns) &&
        (words.desc = describe(report)) != NULL)
        status = fill_rows(report, &rows);
    if (status == RT_OK) {
        say_title(report, &words);
        if (chart->kind == RT_COHORT_CHART_CURVE)
            status = write_curves(sink, chart, &rows, &words);
        else
            write_heatmap(sink, chart, &rows, &words);
    }
    free(words.desc);
    rows_free(&rows);
    return status;
}
