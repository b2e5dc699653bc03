/*
 * test_chart_heatmap.c - the heatmap (src/chart/chart_heatmap.c), drawn
 * from numbers and words given directly, as the cohort chart gives them.
 *
 * The colour scale's ends and middle are ColorBrewer's "Blues" colours
 * themselves; between two of them the channels are interpolated exactly
 * (rounded half away from zero); the text on a cell turns white from
 * 718000 ppm; a run of gaps is one hatched rectangle; user text is
 * escaped; labels are thinned when rows are thin.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_heatmap.h"
#include "svg.h"
#include "table.h"

#define COLUMNS 4

static const char *const column_labels[COLUMNS] = {"0", "1", "2", "3"};

/* Draws rows of the given values (each row's texts "c<k>"), the last as
   the summary when `summary`; returns the document, to free. */
static char *draw(const long (*values)[COLUMNS], size_t rows, bool summary,
                  const char *label, unsigned height)
{
    static const char *const texts[COLUMNS] = {"c0", "c1", "c2", "c3"};
    struct rt_heatmap_row *row = calloc(rows + 1, sizeof *row);
    struct rt_heatmap_chart chart;
    struct rt_sink sink;
    char *out;
    size_t r;

    assert_non_null(row);
    for (r = 0; r < rows; r++)
        row[r] = (struct rt_heatmap_row){label, "7", values[r], texts};
    memset(&chart, 0, sizeof chart);
    chart.width = 800;
    chart.height = height;
    chart.title = chart.subtitle = chart.desc = "t";
    chart.row_heading = "cohort";
    chart.size_heading = "customers";
    chart.x_label = "k";
    chart.column_labels = column_labels;
    chart.columns = COLUMNS;
    chart.rows = row;
    chart.row_count = summary ? rows - 1 : rows;
    chart.summary = summary ? &row[rows - 1] : NULL;
    chart.scale_label = "retention";
    chart.gap_label = "not observed yet";
    rt_sink_init_memory(&sink);
    assert_int_equal(rt_chart_heatmap_write(&sink, &chart), RT_OK);
    rt_sink_put(&sink, '\0');
    assert_false(sink.failed);
    out = malloc(sink.len);
    assert_non_null(out);
    memcpy(out, sink.buf, sink.len);
    rt_sink_free(&sink);
    free(row);
    return out;
}

static size_t occurrences(const char *text, const char *needle)
{
    size_t count = 0;

    while ((text = strstr(text, needle)) != NULL) {
        count++;
        text++;
    }
    return count;
}

static void test_scale(void **state)
{
    static const long values[][COLUMNS] = {{0, 500000, 1000000, 62500},
                                           {717999, 718000, 937500, 999999}};
    char *svg = draw(values, 2, false, "a", 500);

    (void)state;
    /* The scale's own colours at 0, 1/2 and 1.  1/16 is halfway from
       #f7fbff to #deebf7: red 247 + (222 - 247) / 2 = 247 - 12.5, the
       step rounded away from zero, 234 (0xea). */
    assert_non_null(strstr(svg, "fill=\"#f7fbff\""));
    assert_non_null(strstr(svg, "fill=\"#6baed6\""));
    assert_non_null(strstr(svg, "fill=\"#08306b\""));
    assert_non_null(strstr(svg, "fill=\"#eaf3fb\""));
    /* 15/16: halfway from #08519c to #08306b: green 81 - 16.5 -> 64,
       blue 156 - 24.5 -> 131. */
    assert_non_null(strstr(svg, "fill=\"#084083\""));
    /* Black text below 718000 ppm, white from it: 0, 1/2, 62500, 717999
       black; 1, 718000, 937500, 999999 white. */
    assert_int_equal(occurrences(svg, "fill=\"#000000\">c"), 4);
    assert_int_equal(occurrences(svg, "fill=\"#ffffff\">c"), 4);
    free(svg);
}

static void test_gaps(void **state)
{
    static const long values[][COLUMNS] = {
        {1000000, RT_CHART_GAP, RT_CHART_GAP, RT_CHART_GAP},
        {RT_CHART_GAP, 0, RT_CHART_GAP, 0},
        {0, 0, 0, RT_CHART_GAP}};
    char *svg = draw(values, 3, true, "a", 500);

    (void)state;
    /* One rectangle per run of gaps, 4 runs, and the legend's swatch. */
    assert_int_equal(occurrences(svg, "fill=\"url(#rt-unobserved)\""), 4 + 1);
    /* 0% is a colour, and a gap has no label. */
    assert_int_equal(occurrences(svg, "fill=\"#f7fbff\""), 5);
    assert_int_equal(occurrences(svg, "#000000\">c") +
                         occurrences(svg, "#ffffff\">c"),
                     1 + 2 + 3);
    assert_non_null(strstr(svg, ">not observed yet</text>"));
    free(svg);
}

static void test_hostile_label(void **state)
{
    static const long values[][COLUMNS] = {{0, 0, 0, 0}};
    char *svg = draw(values, 1, false, "<b>&\"x\xff", 500);

    (void)state;
    assert_non_null(strstr(svg, ">&lt;b&gt;&amp;&quot;x\xef\xbf\xbd</text>"));
    assert_null(strstr(svg, "<b>"));
    free(svg);
}

static void test_thin_rows(void **state)
{
    long(*values)[COLUMNS] = calloc(300, sizeof *values);
    char *svg;

    (void)state;
    assert_non_null(values);
    /* 300 rows and the summary in 500 pixels: 1.1 pixels each.  Labels
       13 pixels apart need every 12th row, rounded up to every 20th;
       none on the cells; the summary's label always. */
    svg = draw((const long(*)[COLUMNS])values, 300, true, "row", 500);
    assert_int_equal(occurrences(svg, ">row</text>"), 15 + 1);
    assert_null(strstr(svg, ">c0</text>"));
    free(svg);
    free(values);
}

/* No row and no summary: the headings and the legend, nothing divided by
   zero rows. */
static void test_no_rows(void **state)
{
    static const long values[][COLUMNS] = {{0, 0, 0, 0}};
    char *svg = draw(values, 0, false, "a", 320);

    (void)state;
    assert_null(strstr(svg, ">a</text>"));
    assert_non_null(strstr(svg, ">retention</text>"));
    assert_non_null(strstr(svg, "</svg>\n"));
    free(svg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale),         cmocka_unit_test(test_gaps),
        cmocka_unit_test(test_hostile_label), cmocka_unit_test(test_thin_rows),
        cmocka_unit_test(test_no_rows),
    };

    return cmocka_run_group_tests_name("chart heatmap", tests, NULL, NULL);
}
