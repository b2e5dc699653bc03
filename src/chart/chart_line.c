/*
 * chart_line.c - see chart_line.h.
 *
 * The layout, from the top: the title; the plot, with the y axis's labels
 * on its left and the x labels under it; the x axis's name; the legend.
 * Every length is in tenths of a pixel (svg.h), every position an integer
 * computed from the chart's size, so the bytes depend on nothing else.
 */
#include <stdio.h>
#include <string.h>

#include "chart_line.h"

#define PX(n) ((long)(n)*10) /* pixels, in tenths */

#define FONT             12u /* ticks, axis names, legend */
#define TITLE_FONT       16u
#define MARGIN           PX(16)
#define TITLE_BASE       PX(28)
#define PLOT_TOP         PX(44)
#define TICK             PX(5)
#define LABEL_GAP        PX(6)   /* between a tick and its label */
#define LINE_HEIGHT      PX(16)  /* of a line of 12-pixel text */
#define TICK_LABEL_MAX   PX(120) /* an x label is cut beyond this */
#define TICK_LABEL_SPACE PX(10)  /* at least between two x labels */
#define LEGEND_SAMPLE    PX(24)  /* the stroke before a legend text */
#define LEGEND_TEXT_MAX  PX(180)
#define LEGEND_SPACE     PX(18)  /* between two legend entries */
#define PLOT_MIN_HEIGHT  PX(100) /* the legend gives way below this */

/* Okabe and Ito's colours, yellow left out for white ground, and black
   kept for RT_CHART_INK. */
static const char *const palette[] = {"#0072b2", "#d55e00", "#009e73",
                                      "#cc79a7", "#e69f00", "#56b4e9"};
#define PALETTE_SIZE (sizeof palette / sizeof palette[0])

struct layout {
    long width, height;            /* of the document */
    long left, right, top, bottom; /* of the plot */
    size_t legend_shown;           /* series the legend names */
    size_t tick_step;              /* every tick_step-th x label shown */
    unsigned y_step;               /* percent between y ticks: 10 or 20 */
};

static const char *colour(const size_t *colour_of, size_t series)
{
    size_t c = colour_of ? colour_of[series] : series;

    return c == RT_CHART_INK ? "#000000" : palette[c % PALETTE_SIZE];
}

/* The x of value i: the middle of its slot. */
static long x_at(const struct layout *at, size_t i, size_t count)
{
    return at->left + rt_svg_scale((long)(2 * i + 1), (long)(2 * count),
                                   at->right - at->left);
}

static long y_at(const struct layout *at, long ppm)
{
    return at->bottom -
           rt_svg_scale(ppm, RT_CHART_PPM_FULL, at->bottom - at->top);
}

/* The width a legend entry takes, its space after it included. */
static long legend_entry_width(const char *name)
{
    long text = rt_svg_text_width(name, strlen(name), FONT);

    if (text > LEGEND_TEXT_MAX)
        text = LEGEND_TEXT_MAX;
    return LEGEND_SAMPLE + LABEL_GAP + text + LEGEND_SPACE;
}

/* The text of the last legend entry when some series are not named. */
static void more_text(size_t hidden, char *buf, size_t size)
{
    snprintf(buf, size, "+%zu more", hidden);
}

/*
 * The rows the legend takes when it names `shown` series and wraps at
 * `avail`, an entry per series then "+N more" when some are left out.
 * With svg, also draws it, its first row's baseline at y.
 */
static size_t legend_walk(const struct rt_line_chart *chart,
                          const size_t *colour_of, size_t shown, long left,
                          long avail, struct rt_svg *svg, long y);

static long legend_height(const struct rt_line_chart *chart, size_t shown,
                          long avail)
{
    size_t rows = legend_walk(chart, NULL, shown, 0, avail, NULL, 0);

    return rows ? (long)rows * LINE_HEIGHT + PX(8) : 0;
}

/* The plot's bottom edge when the legend names `shown` series. */
static long plot_bottom(const struct rt_line_chart *chart,
                        const struct layout *at, size_t shown)
{
    return at->height - MARGIN -
           legend_height(chart, shown, at->right - at->left) - LINE_HEIGHT -
           PX(4) - LINE_HEIGHT - TICK - LABEL_GAP;
}

/* The widest x label as drawn: cut at TICK_LABEL_MAX. */
static long widest_tick(const struct rt_line_chart *chart)
{
    long widest = 0, w;
    size_t i;

    for (i = 0; i < chart->x_count; i++) {
        w = rt_svg_text_width(chart->x_ticks[i], strlen(chart->x_ticks[i]),
                              FONT);
        if (w > widest)
            widest = w;
    }
    return widest < TICK_LABEL_MAX ? widest : TICK_LABEL_MAX;
}

/*
 * Every k-th x label, k the least round step (1, 2, 5, 10, ...) that keeps
 * two shown labels apart: the slots of k values span count * k /
 * slot-width at least the widest label and the space between.  One tenth
 * of rounding is allowed for.
 */
static size_t tick_step(const struct rt_line_chart *chart, long plot_width)
{
    long need = widest_tick(chart) + TICK_LABEL_SPACE + 1;
    long count = (long)chart->x_count, k;

    if (count == 0 || plot_width <= 0)
        return 1;
    k = (need * count + plot_width - 1) / plot_width;
    return rt_svg_round_step(k < 1 ? 1 : (size_t)k);
}

static void plan(const struct rt_line_chart *chart, struct layout *at)
{
    long y_label_room =
        PX(FONT + 6) + rt_svg_text_width("100%", 4, FONT) + LABEL_GAP + TICK;

    at->width = PX(chart->width ? chart->width : RT_CHART_WIDTH);
    at->height = PX(chart->height ? chart->height : RT_CHART_HEIGHT);
    at->left = MARGIN + y_label_room;
    at->right = at->width - MARGIN - PX(8);
    at->top = PLOT_TOP;
    at->legend_shown = chart->series_count < RT_CHART_LEGEND_MAX
                           ? chart->series_count
                           : RT_CHART_LEGEND_MAX;
    /* A small chart names fewer series rather than squash the plot. */
    while (at->legend_shown > 0 &&
           plot_bottom(chart, at, at->legend_shown) - at->top < PLOT_MIN_HEIGHT)
        at->legend_shown--;
    at->bottom = plot_bottom(chart, at, at->legend_shown);
    at->tick_step = tick_step(chart, at->right - at->left);
    at->y_step = at->bottom - at->top >= PX(250) ? 10 : 20;
}

/* The stroke of series i, as attributes of its path or legend sample. */
static void stroke_attrs(const struct rt_line_chart *chart,
                         const size_t *colour_of, size_t i, char *buf,
                         size_t size)
{
    const struct rt_chart_series *s = &chart->series[i];

    snprintf(buf, size,
             "fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" "
             "stroke-linejoin=\"round\"%s",
             colour(colour_of, i), s->emphasised ? "3.5" : "2",
             s->dashed ? " stroke-dasharray=\"6 4\"" : "");
}

static void legend_entry(struct rt_svg *svg, const struct rt_line_chart *chart,
                         const size_t *colour_of, size_t i, long x, long y)
{
    char attrs[160];

    stroke_attrs(chart, colour_of, i, attrs, sizeof attrs);
    rt_svg_line(svg, x, y - PX(4), x + LEGEND_SAMPLE, y - PX(4), attrs);
    rt_svg_text_fit(svg, x + LEGEND_SAMPLE + LABEL_GAP, y, NULL, NULL,
                    chart->series[i].name, FONT, LEGEND_TEXT_MAX);
}

static size_t legend_walk(const struct rt_line_chart *chart,
                          const size_t *colour_of, size_t shown, long left,
                          long avail, struct rt_svg *svg, long y)
{
    size_t total = shown + (chart->series_count > shown), rows = 0, i;
    char more[48];
    long x = 0;

    more_text(chart->series_count - shown, more, sizeof more);
    for (i = 0; i < total; i++) {
        const char *name = i < shown ? chart->series[i].name : more;
        long w = legend_entry_width(name);

        if (rows == 0 || (x > 0 && x + w - LEGEND_SPACE > avail)) {
            rows++;
            x = 0;
        }
        if (svg && i < shown)
            legend_entry(svg, chart, colour_of, i, left + x,
                         y + (long)(rows - 1) * LINE_HEIGHT);
        else if (svg)
            rt_svg_text(svg, left + x, y + (long)(rows - 1) * LINE_HEIGHT, NULL,
                        NULL, more);
        x += w;
    }
    return rows;
}

/* Where the x labels' baseline is, and the lines under them. */
static long tick_base(const struct layout *at)
{
    return at->bottom + TICK + LABEL_GAP + PX(FONT);
}

static void draw_y_axis(struct rt_svg *svg, const struct rt_line_chart *chart,
                        const struct layout *at)
{
    long mid = (at->top + at->bottom) / 2, x = MARGIN + PX(FONT);
    unsigned p;
    char label[8];

    rt_svg_raw(svg, "<g stroke=\"#dddddd\" stroke-width=\"1\">\n");
    for (p = at->y_step; p <= 100; p += at->y_step)
        rt_svg_line(svg, at->left, y_at(at, (long)p * 10000), at->right,
                    y_at(at, (long)p * 10000), NULL);
    rt_svg_raw(svg, "</g>\n<g text-anchor=\"end\">\n");
    for (p = 0; p <= 100; p += at->y_step) {
        snprintf(label, sizeof label, "%u%%", p);
        rt_svg_text(svg, at->left - TICK - LABEL_GAP,
                    y_at(at, (long)p * 10000) + PX(4), NULL, NULL, label);
    }
    rt_svg_raw(svg, "</g>\n<text x=\"");
    rt_svg_number(svg, x);
    rt_svg_raw(svg, "\" y=\"");
    rt_svg_number(svg, mid);
    rt_svg_raw(svg, "\" text-anchor=\"middle\" transform=\"rotate(-90 ");
    rt_svg_number(svg, x);
    rt_svg_raw(svg, " ");
    rt_svg_number(svg, mid);
    rt_svg_raw(svg, ")\">");
    rt_svg_text_escaped(svg, chart->y_label, strlen(chart->y_label));
    rt_svg_raw(svg, "</text>\n");
}

static void draw_x_axis(struct rt_svg *svg, const struct rt_line_chart *chart,
                        const struct layout *at)
{
    size_t i;

    rt_svg_raw(svg, "<g stroke=\"#666666\" stroke-width=\"1\">\n");
    rt_svg_line(svg, at->left, at->bottom, at->right, at->bottom, NULL);
    rt_svg_line(svg, at->left, at->top, at->left, at->bottom, NULL);
    for (i = 0; i < chart->x_count; i += at->tick_step) {
        long x = x_at(at, i, chart->x_count);

        rt_svg_line(svg, x, at->bottom, x, at->bottom + TICK, NULL);
    }
    rt_svg_raw(svg, "</g>\n<g class=\"x-ticks\" text-anchor=\"middle\">\n");
    for (i = 0; i < chart->x_count; i += at->tick_step)
        rt_svg_text_fit(svg, x_at(at, i, chart->x_count), tick_base(at), NULL,
                        NULL, chart->x_ticks[i], FONT, TICK_LABEL_MAX);
    rt_svg_raw(svg, "</g>\n");
    rt_svg_text_fit(svg, (at->left + at->right) / 2,
                    tick_base(at) + LINE_HEIGHT + PX(4), "middle", NULL,
                    chart->x_label, FONT, at->right - at->left);
}

/* Whether series s has two known values side by side: a line to draw. */
static bool has_segment(const struct rt_line_chart *chart,
                        const struct rt_chart_series *s)
{
    size_t i;

    for (i = 1; i < chart->x_count; i++)
        if (s->ppm[i - 1] != RT_CHART_GAP && s->ppm[i] != RT_CHART_GAP)
            return true;
    return false;
}

static void draw_line(struct rt_svg *svg, const struct rt_line_chart *chart,
                      const struct layout *at, const char *attrs, size_t s)
{
    const long *ppm = chart->series[s].ppm;
    bool pen_down = false;
    size_t i;

    if (!has_segment(chart, &chart->series[s]))
        return;
    rt_svg_path_begin(svg);
    for (i = 0; i < chart->x_count; i++) {
        if (ppm[i] == RT_CHART_GAP) {
            pen_down = false;
            continue;
        }
        rt_svg_path_to(svg, !pen_down, x_at(at, i, chart->x_count),
                       y_at(at, ppm[i]));
        pen_down = true;
    }
    rt_svg_path_end(svg, attrs);
}

/* A point at each known value: filled, or hollow on a dashed series. */
static void draw_points(struct rt_svg *svg, const struct rt_line_chart *chart,
                        const struct layout *at, const size_t *colour_of,
                        size_t s)
{
    long slot = (at->right - at->left) / (long)chart->x_count;
    long r = slot / 3 > PX(3) ? PX(3) : slot / 3 < PX(1) ? PX(1) : slot / 3;
    const char *c = colour(colour_of, s);
    size_t i;

    rt_svg_raw(svg, chart->series[s].dashed ? "<g fill=\"#ffffff\" stroke=\""
                                            : "<g fill=\"");
    rt_svg_raw(svg, c);
    rt_svg_raw(svg, "\">\n");
    for (i = 0; i < chart->x_count; i++)
        if (chart->series[s].ppm[i] != RT_CHART_GAP)
            rt_svg_circle(svg, x_at(at, i, chart->x_count),
                          y_at(at, chart->series[s].ppm[i]), r, NULL);
    rt_svg_raw(svg, "</g>\n");
}

/* The series, those emphasised last so that they are drawn on top. */
static void draw_series(struct rt_svg *svg, const struct rt_line_chart *chart,
                        const struct layout *at, const size_t *colour_of)
{
    char attrs[160];
    int pass;
    size_t s;

    for (pass = 0; pass < 2; pass++)
        for (s = 0; s < chart->series_count; s++) {
            if (chart->series[s].emphasised != (pass == 1))
                continue;
            stroke_attrs(chart, colour_of, s, attrs, sizeof attrs);
            draw_line(svg, chart, at, attrs, s);
            draw_points(svg, chart, at, colour_of, s);
        }
}

/* Whether every text is there and every value in range. */
static bool chart_valid(const struct rt_line_chart *chart)
{
    size_t s, i;

    if (!chart->title || !chart->desc || !chart->x_label || !chart->y_label ||
        (chart->x_count && !chart->x_ticks) ||
        (chart->series_count && !chart->series))
        return false;
    for (i = 0; i < chart->x_count; i++)
        if (!chart->x_ticks[i])
            return false;
    for (s = 0; s < chart->series_count; s++) {
        if (!chart->series[s].name || (chart->x_count && !chart->series[s].ppm))
            return false;
        for (i = 0; i < chart->x_count; i++)
            if (chart->series[s].ppm[i] != RT_CHART_GAP &&
                (chart->series[s].ppm[i] < 0 ||
                 chart->series[s].ppm[i] > RT_CHART_PPM_FULL))
                return false;
    }
    return true;
}

enum rt_status rt_chart_line_write_coloured(struct rt_sink *sink,
                                            const struct rt_line_chart *chart,
                                            const size_t *colour_of)
{
    struct layout at;
    struct rt_svg svg;

    if (!chart_valid(chart))
        return RT_ERR_INVALID;
    plan(chart, &at);
    rt_svg_begin(&svg, sink, (unsigned)(at.width / 10),
                 (unsigned)(at.height / 10), chart->title, chart->desc);
    rt_svg_text_fit(&svg, MARGIN, TITLE_BASE, NULL,
                    "font-size=\"16\" font-weight=\"bold\"", chart->title,
                    TITLE_FONT, at.width - 2 * MARGIN);
    rt_svg_raw(&svg, "<g font-size=\"12\" fill=\"#333333\">\n");
    draw_y_axis(&svg, chart, &at);
    draw_x_axis(&svg, chart, &at);
    legend_walk(chart, colour_of, at.legend_shown, at.left, at.right - at.left,
                &svg, tick_base(&at) + 2 * LINE_HEIGHT + PX(4) + PX(8));
    rt_svg_raw(&svg, "</g>\n");
    if (chart->x_count == 0)
        rt_svg_text(&svg, (at.left + at.right) / 2, (at.top + at.bottom) / 2,
                    "middle", "font-size=\"14\" fill=\"#666666\"", "no data");
    draw_series(&svg, chart, &at, colour_of);
    rt_svg_end(&svg);
    return sink->failed ? RT_ERR_IO : RT_OK;
}

enum rt_status rt_chart_line_write(struct rt_sink *sink,
                                   const struct rt_line_chart *chart)
{
    return rt_chart_line_write_coloured(sink, chart, NULL);
}
