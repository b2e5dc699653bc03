/*
 * chart_heatmap.c - see chart_heatmap.h.
 *
 * The layout is worked out first, in integers (tenths of a pixel), from the
 * chart's size and its texts' estimated widths; drawing then only walks the
 * rows.  The page, from the top: the title and subtitle, the x label, the
 * column labels with the two left columns' headings, the cells (row label
 * and size on the left), the summary row below a gap, and the legend.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_heatmap.h"
#include "svg.h"

#define PX               10L /* tenths of a pixel in a pixel */
#define MARGIN           (12 * PX)
#define TITLE_PX         15u
#define SUBTITLE_PX      12u
#define LABEL_PX         11u
#define SMALL_PX         9u
#define HEADING_LINES    3 /* then a heading is cut */
#define TITLE_LEADING    (18 * PX)
#define SUBTITLE_LEADING (15 * PX)
#define CELL_W_MAX       (96 * PX) /* a few columns do not fill the width */
#define ROW_H_MAX        (36 * PX)
#define SUMMARY_H_MIN    (10 * PX)
#define LABEL_PITCH      (13 * PX) /* 11 px labels closer than this overlap */
#define LEGEND_SPACE     (44 * PX) /* the gap above the legend, and the legend */
#define BAR_H            (12 * PX)
#define ATTRS_SIZE       96

/*
 * The colour scale: ColorBrewer's "Blues", a single hue from light to dark
 * whose lightness falls steadily, so that people with any of the common
 * colour-vision deficiencies read the order too.  Between two of its nine
 * colours the scale is linear, as the legend's SVG gradient is.
 */
static const unsigned long scale_colours[] = {0xf7fbff, 0xdeebf7, 0xc6dbef,
                                              0x9ecae1, 0x6baed6, 0x4292c6,
                                              0x2171b5, 0x08519c, 0x08306b};
#define SCALE_STEPS (sizeof scale_colours / sizeof scale_colours[0] - 1)

/*
 * From this value on, white text has more contrast on the scale's colour
 * than black (WCAG 2 contrast ratios of the colours below, worked out once
 * for this scale): black has at least 4.58:1 below it, white 4.63:1 from it.
 */
#define WHITE_TEXT_FROM_PPM 718000L

static const char defs[] =
    "<defs>\n"
    "<pattern id=\"rt-unobserved\" width=\"6\" height=\"6\" "
    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#969696\" "
    "stroke-width=\"2\"/></pattern>\n"
    "<linearGradient id=\"rt-scale\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">"
    "<stop offset=\"0\" stop-color=\"#f7fbff\"/>"
    "<stop offset=\"0.125\" stop-color=\"#deebf7\"/>"
    "<stop offset=\"0.25\" stop-color=\"#c6dbef\"/>"
    "<stop offset=\"0.375\" stop-color=\"#9ecae1\"/>"
    "<stop offset=\"0.5\" stop-color=\"#6baed6\"/>"
    "<stop offset=\"0.625\" stop-color=\"#4292c6\"/>"
    "<stop offset=\"0.75\" stop-color=\"#2171b5\"/>"
    "<stop offset=\"0.875\" stop-color=\"#08519c\"/>"
    "<stop offset=\"1\" stop-color=\"#08306b\"/>"
    "</linearGradient>\n"
    "</defs>\n";

struct layout {
    long width, height;
    long title_y, subtitle_y, x_label_y, column_label_y;
    long label_w;    /* the row labels' column, from MARGIN */
    long size_right; /* the sizes are right-aligned here */
    long grid_left, grid_top, cell_w, row_h;
    long summary_top, summary_h; /* the summary row's */
    long legend_top;             /* the top of the colour bar */
    size_t row_step;             /* a row label on every row_step-th row */
    size_t column_step;          /* a column label on every column_step-th */
    unsigned cell_px;            /* the cell labels' font size; 0: none */
};

struct heatmap {
    const struct rt_heatmap_chart *chart;
    struct rt_svg svg;
    struct layout at;
};

static long max_long(long a, long b)
{
    return a > b ? a : b;
}

static long min_long(long a, long b)
{
    return a < b ? a : b;
}

static long width_of(const char *text, unsigned font_px)
{
    return rt_svg_text_width(text, strlen(text), font_px);
}

/*
 * The least of 1, 2, 5, 10, 20, 50, ... at or above a / b (b > 0): a
 * label on every step-th row or column, counted in round numbers.
 */
static size_t label_step(long a, long b)
{
    return rt_svg_round_step(a <= 0 ? 1 : (size_t)((a + b - 1) / b));
}

/* The widest of the rows' labels or sizes (and the summary's). */
static long widest_row_text(const struct rt_heatmap_chart *chart, bool sizes)
{
    long widest = 0;
    size_t r;

    for (r = 0; r < chart->row_count; r++)
        widest = max_long(
            widest, width_of(sizes ? chart->rows[r].size : chart->rows[r].label,
                             LABEL_PX));
    if (chart->summary)
        widest = max_long(widest, width_of(sizes ? chart->summary->size
                                                 : chart->summary->label,
                                           LABEL_PX));
    return widest;
}

/* The widest cell label of a row at font_px. */
static long widest_cell(const struct rt_heatmap_chart *chart,
                        const struct rt_heatmap_row *row, unsigned font_px)
{
    long widest = 0;
    size_t k;

    for (k = 0; k < chart->columns; k++)
        if (row->ppm[k] != RT_CHART_GAP)
            widest = max_long(widest, width_of(row->texts[k], font_px));
    return widest;
}

/* The cell labels' font: the larger that fits every cell, or 0 for none,
   so that a column never shows some labels and not others. */
static unsigned cell_font(const struct rt_heatmap_chart *chart,
                          const struct layout *at)
{
    static const unsigned sizes[] = {LABEL_PX, SMALL_PX};
    size_t i, r;

    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        long widest = 0;

        if (at->row_h < (long)(sizes[i] + 3) * PX)
            continue;
        for (r = 0; r < chart->row_count; r++)
            widest =
                max_long(widest, widest_cell(chart, &chart->rows[r], sizes[i]));
        if (chart->summary)
            widest =
                max_long(widest, widest_cell(chart, chart->summary, sizes[i]));
        if (widest + 4 * PX <= at->cell_w)
            return sizes[i];
    }
    return 0;
}

/* Across: the two left columns, then as many columns as fit. */
static void lay_out_across(const struct rt_heatmap_chart *chart,
                           struct layout *at)
{
    long labels = max_long(widest_row_text(chart, false),
                           width_of(chart->row_heading, LABEL_PX));
    long sizes = max_long(widest_row_text(chart, true),
                          width_of(chart->size_heading, LABEL_PX));
    long widest_column = 0, across;
    size_t k;

    at->label_w = min_long(labels, at->width * 3 / 10);
    at->size_right = MARGIN + at->label_w + 10 * PX + sizes;
    at->grid_left = at->size_right + 10 * PX;
    across = at->width - MARGIN - at->grid_left;
    at->cell_w = chart->columns ? across / (long)chart->columns : 0;
    at->cell_w = max_long(min_long(at->cell_w, CELL_W_MAX), 1);
    for (k = 0; k < chart->columns; k++)
        widest_column = max_long(widest_column,
                                 width_of(chart->column_labels[k], LABEL_PX));
    at->column_step = label_step(widest_column + 6 * PX, at->cell_w);
}

/*
 * Where a heading too wide for one line goes on to a second: the last
 * space before which it fits; 0 when it fits whole, or has no such space
 * (then it is cut with "…").  The second line is cut when still too wide.
 */
static size_t wrap_at(const char *text, unsigned font_px, long max)
{
    size_t len = strlen(text), i, at = 0;

    if (rt_svg_text_width(text, len, font_px) <= max)
        return 0;
    for (i = 1; i < len; i++)
        if (text[i] == ' ' && rt_svg_text_width(text, i, font_px) <= max)
            at = i;
    return at;
}

/*
 * A heading on up to HEADING_LINES lines, each broken at wrap_at() and the
 * last cut when still too wide; the baselines `leading` apart.  Draws
 * nothing when map is NULL; returns the number of lines either way, so
 * that the layout and the drawing agree.
 */
static long wrap_heading(struct heatmap *map, long width, long y, long leading,
                         const char *attrs, const char *text, unsigned font_px)
{
    long max = width - 2 * MARGIN, lines = 1;
    size_t at;
    char *line;

    while (lines < HEADING_LINES && (at = wrap_at(text, font_px, max)) > 0) {
        if (map) {
            if ((line = malloc(at + 1)) == NULL)
                break; /* no memory to split it: the rest is cut */
            memcpy(line, text, at);
            line[at] = '\0';
            rt_svg_text(&map->svg, MARGIN, y, NULL, attrs, line);
            free(line);
        }
        text += at + 1;
        y += leading;
        lines++;
    }
    if (map)
        rt_svg_text_fit(&map->svg, MARGIN, y, NULL, attrs, text, font_px, max);
    return lines;
}

/* Down: the headings, then rows as tall as fit above the legend. */
static void lay_out_down(const struct rt_heatmap_chart *chart,
                         struct layout *at)
{
    long gap = chart->summary ? LABEL_PITCH : 0, down;
    size_t slots;

    at->title_y = MARGIN + (long)TITLE_PX * PX;
    at->subtitle_y =
        at->title_y + TITLE_LEADING * wrap_heading(NULL, at->width, 0, 0, NULL,
                                                   chart->title, TITLE_PX);
    at->x_label_y =
        at->subtitle_y + 7 * PX +
        SUBTITLE_LEADING * wrap_heading(NULL, at->width, 0, 0, NULL,
                                        chart->subtitle, SUBTITLE_PX);
    at->column_label_y = at->x_label_y + 15 * PX;
    at->grid_top = at->column_label_y + 8 * PX;
    down = at->height - at->grid_top - LEGEND_SPACE - MARGIN - gap;
    slots = chart->row_count + (chart->summary ? 1 : 0);
    at->row_h = slots ? down / (long)slots : ROW_H_MAX;
    /* The average stays visible when the cohorts' rows are thin. */
    if (chart->summary && at->row_h < SUMMARY_H_MIN && chart->row_count)
        at->row_h = (down - SUMMARY_H_MIN) / (long)chart->row_count;
    at->row_h = max_long(min_long(at->row_h, ROW_H_MAX), 1);
    at->summary_h = chart->summary ? max_long(at->row_h, SUMMARY_H_MIN) : 0;
    at->row_step = label_step(LABEL_PITCH, at->row_h);
    /* The gap keeps the summary's label clear of the last row's. */
    at->summary_top = at->grid_top + (long)chart->row_count * at->row_h +
                      (chart->summary ? LABEL_PITCH : 0);
    at->legend_top = at->summary_top + at->summary_h + 16 * PX;
}

static void lay_out(const struct rt_heatmap_chart *chart, struct layout *at)
{
    memset(at, 0, sizeof *at);
    at->width = (long)chart->width * PX;
    at->height = (long)chart->height * PX;
    lay_out_across(chart, at);
    lay_out_down(chart, at);
    at->cell_px = cell_font(chart, at);
}

/* The scale's colour of a value, 0xRRGGBB. */
static unsigned long colour_of(long ppm)
{
    long position =
        min_long(max_long(ppm, 0), RT_CHART_PPM_FULL) * (long)SCALE_STEPS;
    long step = min_long(position / RT_CHART_PPM_FULL, (long)SCALE_STEPS - 1);
    long within = position - step * RT_CHART_PPM_FULL;
    unsigned long from = scale_colours[step], to = scale_colours[step + 1];
    unsigned long colour = 0;
    int shift;

    for (shift = 16; shift >= 0; shift -= 8) {
        long a = (long)(from >> shift & 0xff), b = (long)(to >> shift & 0xff);

        colour |=
            (unsigned long)(a + rt_svg_scale(within, RT_CHART_PPM_FULL, b - a))
            << shift;
    }
    return colour;
}

/* Large cells are parted by a white line; small ones would vanish in it. */
static const char *cell_stroke(const struct layout *at)
{
    return at->cell_w >= 8 * PX && at->row_h >= 8 * PX
               ? " stroke=\"#ffffff\" stroke-width=\"1\""
               : "";
}

/* A run of unobserved cells, k = from .. to - 1: one hatched rectangle. */
static void draw_gap(struct heatmap *map, long top, long height, size_t from,
                     size_t to)
{
    const struct layout *at = &map->at;
    char attrs[ATTRS_SIZE];

    snprintf(attrs, sizeof attrs, "fill=\"url(#rt-unobserved)\"%s",
             cell_stroke(at));
    rt_svg_rect(&map->svg, at->grid_left + (long)from * at->cell_w, top,
                (long)(to - from) * at->cell_w, height, attrs);
}

static void draw_cell(struct heatmap *map, const struct rt_heatmap_row *row,
                      long top, long height, size_t k)
{
    const struct layout *at = &map->at;
    long left = at->grid_left + (long)k * at->cell_w;
    char attrs[ATTRS_SIZE];

    snprintf(attrs, sizeof attrs, "fill=\"#%06lx\"%s", colour_of(row->ppm[k]),
             cell_stroke(at));
    rt_svg_rect(&map->svg, left, top, at->cell_w, height, attrs);
    if (at->cell_px == 0)
        return;
    snprintf(attrs, sizeof attrs, "font-size=\"%u\" fill=\"%s\"", at->cell_px,
             row->ppm[k] >= WHITE_TEXT_FROM_PPM ? "#ffffff" : "#000000");
    /* A third of the font size below the middle centres digits. */
    rt_svg_text(&map->svg, left + at->cell_w / 2,
                top + height / 2 + (long)at->cell_px * PX / 3, "middle", attrs,
                row->texts[k]);
}

static void draw_cells(struct heatmap *map, const struct rt_heatmap_row *row,
                       long top, long height)
{
    size_t k = 0, from;

    while (k < map->chart->columns) {
        if (row->ppm[k] != RT_CHART_GAP) {
            draw_cell(map, row, top, height, k++);
            continue;
        }
        for (from = k; k < map->chart->columns && row->ppm[k] == RT_CHART_GAP;)
            k++;
        draw_gap(map, top, height, from, k);
    }
}

/* A row's label and size, on the left; weight: "" or a bold attribute. */
static void draw_row_labels(struct heatmap *map,
                            const struct rt_heatmap_row *row, long top,
                            long height, bool bold)
{
    const struct layout *at = &map->at;
    const char *attrs =
        bold ? "font-size=\"11\" font-weight=\"bold\"" : "font-size=\"11\"";
    long baseline = top + height / 2 + 4 * PX;

    rt_svg_text_fit(&map->svg, MARGIN, baseline, NULL, attrs, row->label,
                    LABEL_PX, at->label_w);
    rt_svg_text(&map->svg, at->size_right, baseline, "end", attrs, row->size);
}

static void draw_rows(struct heatmap *map)
{
    const struct rt_heatmap_chart *chart = map->chart;
    const struct layout *at = &map->at;
    size_t r;

    for (r = 0; r < chart->row_count; r++)
        draw_cells(map, &chart->rows[r], at->grid_top + (long)r * at->row_h,
                   at->row_h);
    for (r = 0; r < chart->row_count; r += at->row_step)
        draw_row_labels(map, &chart->rows[r],
                        at->grid_top + (long)r * at->row_h, at->row_h, false);
    if (!chart->summary)
        return;
    draw_cells(map, chart->summary, at->summary_top, at->summary_h);
    draw_row_labels(map, chart->summary, at->summary_top, at->summary_h, true);
}

/* The title, the subtitle, the x label and the column labels. */
static void draw_headings(struct heatmap *map)
{
    const struct rt_heatmap_chart *chart = map->chart;
    const struct layout *at = &map->at;
    size_t k;

    wrap_heading(map, at->width, at->title_y, TITLE_LEADING,
                 "font-size=\"15\" font-weight=\"bold\"", chart->title,
                 TITLE_PX);
    wrap_heading(map, at->width, at->subtitle_y, SUBTITLE_LEADING,
                 "font-size=\"12\"", chart->subtitle, SUBTITLE_PX);
    rt_svg_text_fit(&map->svg, at->grid_left, at->x_label_y, NULL,
                    "font-size=\"11\"", chart->x_label, LABEL_PX,
                    at->width - MARGIN - at->grid_left);
    rt_svg_text_fit(&map->svg, MARGIN, at->column_label_y, NULL,
                    "font-size=\"11\" font-weight=\"bold\"", chart->row_heading,
                    LABEL_PX, at->label_w);
    rt_svg_text(&map->svg, at->size_right, at->column_label_y, "end",
                "font-size=\"11\" font-weight=\"bold\"", chart->size_heading);
    for (k = 0; k < chart->columns; k += at->column_step)
        rt_svg_text(&map->svg,
                    at->grid_left + (long)k * at->cell_w + at->cell_w / 2,
                    at->column_label_y, "middle", "font-size=\"11\"",
                    chart->column_labels[k]);
}

/* The colour bar from 0% to 100%, and the hatched swatch of a gap. */
static void draw_legend(struct heatmap *map)
{
    const struct rt_heatmap_chart *chart = map->chart;
    const struct layout *at = &map->at;
    long top = at->legend_top, baseline = top + 10 * PX;
    long bar_x = MARGIN + width_of(chart->scale_label, LABEL_PX) + 8 * PX;
    long bar_w = at->width - bar_x - MARGIN - 46 * PX -
                 width_of(chart->gap_label, LABEL_PX);
    long swatch_x;

    bar_w = max_long(min_long(bar_w, 200 * PX), 40 * PX);
    swatch_x = bar_x + bar_w + 24 * PX;
    rt_svg_text(&map->svg, MARGIN, baseline, NULL, "font-size=\"11\"",
                chart->scale_label);
    rt_svg_rect(&map->svg, bar_x, top, bar_w, BAR_H,
                "fill=\"url(#rt-scale)\" stroke=\"#969696\"");
    rt_svg_text(&map->svg, bar_x, top + BAR_H + 12 * PX, "start",
                "font-size=\"11\"", "0%");
    if (bar_w >= 100 * PX) /* else "50%" would touch its neighbours */
        rt_svg_text(&map->svg, bar_x + bar_w / 2, top + BAR_H + 12 * PX,
                    "middle", "font-size=\"11\"", "50%");
    rt_svg_text(&map->svg, bar_x + bar_w, top + BAR_H + 12 * PX, "end",
                "font-size=\"11\"", "100%");
    rt_svg_rect(&map->svg, swatch_x, top, 16 * PX, BAR_H,
                "fill=\"url(#rt-unobserved)\" stroke=\"#969696\"");
    rt_svg_text_fit(&map->svg, swatch_x + 22 * PX, baseline, NULL,
                    "font-size=\"11\"", chart->gap_label, LABEL_PX,
                    at->width - MARGIN - swatch_x - 22 * PX);
}

enum rt_status rt_chart_heatmap_write(struct rt_sink *sink,
                                      const struct rt_heatmap_chart *chart)
{
    struct heatmap map;

    map.chart = chart;
    lay_out(chart, &map.at);
    rt_svg_begin(&map.svg, sink, chart->width, chart->height, chart->title,
                 chart->desc);
    rt_svg_raw(&map.svg, defs);
    draw_headings(&map);
    draw_rows(&map);
    draw_legend(&map);
    rt_svg_end(&map.svg);
    return RT_OK;
}
