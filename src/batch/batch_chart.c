/* batch_chart.c - see batch_chart.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_chart.h"
#include "chart_line.h"
#include "columns.h"
#include "digits.h"
#include "u128.h"

/* Text kept in the pool: its offset and length (a NUL follows it). */
struct kept {
    size_t off, len;
};

/* What the chart keeps of a row: retention [0] and churn [1]. */
struct chart_row {
    size_t group;
    struct kept label;   /* the period column's value */
    long ppm[2];         /* or RT_CHART_GAP */
    struct kept text[2]; /* the rates as csv holds them */
    bool outside;        /* rates outside 0..100%: a gap */
};

struct rt_batch_chart {
    struct chart_row *rows;
    size_t count, cap;
    struct kept groups[RT_BATCH_CHART_GROUPS];
    size_t group_count;
    bool simple;         /* no new column: the simple rates */
    size_t period;       /* the x column, or RT_NO_COLUMN */
    bool period_chosen;  /* period is set, from the first row */
    bool refused;        /* too large to draw: nothing is written */
    struct rt_sink pool; /* every text kept, in memory */
};

struct rt_batch_chart *rt_batch_chart_new(void)
{
    struct rt_batch_chart *chart = calloc(1, sizeof *chart);

    if (chart)
        rt_sink_init_memory(&chart->pool);
    return chart;
}

void rt_batch_chart_free(struct rt_batch_chart *chart)
{
    if (!chart)
        return;
    rt_sink_free(&chart->pool);
    free(chart->rows);
    free(chart);
}

static struct kept keep(struct rt_batch_chart *chart, const char *text,
                        size_t len)
{
    struct kept k = {chart->pool.len, len};

    rt_sink_write(&chart->pool, text, len);
    rt_sink_put(&chart->pool, '\0');
    return k;
}

static const char *kept_text(const struct rt_batch_chart *chart, struct kept k)
{
    return chart->pool.buf + k.off;
}

/* The column named period (any case) that holds no count nor the group. */
static size_t period_column(const struct rt_batch_layout *layout)
{
    size_t i;

    for (i = 0; i < layout->count; i++)
        if (rt_column_same_name(layout->names[i], strlen(layout->names[i]),
                                "period") &&
            i != layout->start && i != layout->end &&
            i != layout->new_customers && i != layout->group)
            return i;
    return RT_NO_COLUMN;
}

/* A field of the record, "" when the row is too short to have it. */
static void field_of(const struct rt_csv_record *record, size_t i,
                     const char **text, size_t *len)
{
    *text = i < record->count ? record->fields[i].data : "";
    *len = i < record->count ? record->fields[i].len : 0;
}

/* round(1000000 * num / den) half away from zero; -1 outside 0..100%. */
static long ppm_of(struct rt_wide num, uint64_t den)
{
    uint64_t rem = 0, q;

    if (num.negative || num.magnitude > den)
        return -1;
    q = rt_u128_div64(rt_u128_mul64(num.magnitude, 1000000u), den, &rem);
    return (long)(rem >= den - rem ? q + 1 : q);
}

/* The row's two rates, exact, and their text; gaps when it has none. */
static void take_rates(struct rt_batch_chart *chart,
                       const struct rt_batch_row *row, struct chart_row *out)
{
    const struct rt_figures *f = &row->figures;
    const struct rt_rate *rate[2];
    struct rt_wide num[2];
    int k;

    out->ppm[0] = out->ppm[1] = RT_CHART_GAP;
    out->text[0] = out->text[1] = keep(chart, "", 0);
    out->outside = false;
    if (!row->valid)
        return;
    rate[0] = chart->simple ? &f->simple_retention_rate : &f->retention_rate;
    rate[1] = chart->simple ? &f->simple_churn_rate : &f->churn_rate;
    num[0] =
        chart->simple ? (struct rt_wide){false, f->counts.end} : f->retained;
    num[1] = chart->simple ? rt_wide_difference(f->counts.start, f->counts.end)
                           : f->lost;
    for (k = 0; k < 2; k++) {
        long ppm = ppm_of(num[k], f->counts.start);

        out->outside = out->outside || ppm < 0;
        out->ppm[k] = ppm < 0 ? RT_CHART_GAP : ppm;
        out->text[k] = keep(chart, rate[k]->text, rate[k]->len);
    }
    if (out->outside)
        out->ppm[0] = out->ppm[1] = RT_CHART_GAP;
}

/* The index of the row's group, added when new; false beyond the limit. */
static bool find_group(struct rt_batch_chart *chart,
                       const struct rt_batch *batch,
                       const struct rt_csv_record *record, size_t *group)
{
    const char *text;
    size_t len, g;

    *group = 0;
    if (batch->layout.group == RT_NO_COLUMN) {
        if (chart->group_count == 0)
            chart->groups[chart->group_count++] = keep(chart, "", 0);
        return true;
    }
    field_of(record, batch->layout.group, &text, &len);
    for (g = 0; g < chart->group_count; g++)
        if (chart->groups[g].len == len &&
            memcmp(kept_text(chart, chart->groups[g]), text, len) == 0) {
            *group = g;
            return true;
        }
    if (chart->group_count == RT_BATCH_CHART_GROUPS)
        return false;
    *group = chart->group_count;
    chart->groups[chart->group_count++] = keep(chart, text, len);
    return true;
}

static enum rt_batch_result too_many(struct rt_batch_chart *chart,
                                     const char *what, unsigned limit,
                                     char *error, size_t size)
{
    chart->refused = true;
    snprintf(error, size,
             "too many %s to draw: more than %u (expected at most %u for "
             "-f svg; -f csv writes any number)",
             what, limit, limit);
    return RT_BATCH_BAD_COLUMNS;
}

/* The x column and the rates, once the header is known (rows or not). */
static void choose_columns(struct rt_batch_chart *chart,
                           const struct rt_batch *batch)
{
    if (chart->period_chosen)
        return;
    chart->period = period_column(&batch->layout);
    chart->simple = batch->layout.new_customers == RT_NO_COLUMN;
    chart->period_chosen = true;
}

enum rt_batch_result rt_batch_chart_add(struct rt_batch_chart *chart,
                                        const struct rt_batch *batch,
                                        const struct rt_csv_record *record,
                                        const struct rt_batch_row *row,
                                        char *error, size_t size)
{
    struct chart_row *r;
    const char *text;
    size_t len;

    choose_columns(chart, batch);
    if (chart->count == RT_BATCH_CHART_ROWS)
        return too_many(chart, "rows", RT_BATCH_CHART_ROWS, error, size);
    if (chart->count == chart->cap) {
        size_t cap = chart->cap ? 2 * chart->cap : 64;
        struct chart_row *bigger = realloc(chart->rows, cap * sizeof *bigger);

        if (!bigger)
            return RT_BATCH_NO_MEMORY;
        chart->rows = bigger;
        chart->cap = cap;
    }
    r = &chart->rows[chart->count];
    if (!find_group(chart, batch, record, &r->group))
        return too_many(chart, "groups", RT_BATCH_CHART_GROUPS, error, size);
    field_of(record, chart->period, &text, &len);
    r->label = keep(chart, text, chart->period == RT_NO_COLUMN ? 0 : len);
    take_rates(chart, row, r);
    chart->count++;
    return chart->pool.failed ? RT_BATCH_NO_MEMORY : RT_BATCH_OK;
}

/* The chart being drawn: the x slots and each group's values by slot. */
struct drawing {
    size_t slots;
    struct kept *slot_label; /* count entries, slots used */
    long *values;            /* [group][rate][slot], count slots each */
    unsigned char *filled;   /* [group][slot] */
    size_t *group_rows;      /* rows seen of each group */
    size_t *row_slot;        /* the slot of each row */
    struct rt_sink *texts;   /* the series' names, title and desc */
    struct kept *names;      /* of the series in texts: [group][rate] */
    struct kept title, desc; /* in texts */
};

static bool drawing_init(struct drawing *d, const struct rt_batch_chart *chart)
{
    size_t n = chart->count ? chart->count : 1, g = chart->group_count, i;

    memset(d, 0, sizeof *d);
    d->slot_label = malloc(n * sizeof *d->slot_label);
    g = g ? g : 1;
    d->values = malloc(g * 2 * n * sizeof *d->values);
    d->filled = calloc(g * n, 1);
    d->group_rows = calloc(g, sizeof *d->group_rows);
    d->row_slot = malloc(n * sizeof *d->row_slot);
    d->names = malloc(g * 2 * sizeof *d->names);
    d->texts = malloc(sizeof *d->texts);
    if (d->texts)
        rt_sink_init_memory(d->texts);
    if (!d->slot_label || !d->values || !d->filled || !d->group_rows ||
        !d->row_slot || !d->names || !d->texts)
        return false;
    for (i = 0; i < g * 2 * n; i++)
        d->values[i] = RT_CHART_GAP;
    return true;
}

static void drawing_free(struct drawing *d)
{
    free(d->slot_label);
    free(d->values);
    free(d->filled);
    free(d->group_rows);
    free(d->row_slot);
    free(d->names);
    if (d->texts)
        rt_sink_free(d->texts);
    free(d->texts);
}

/* The slot of a row: the first of its label its group has not filled. */
static size_t slot_for(struct rt_batch_chart *chart, struct drawing *d,
                       size_t group, struct kept label)
{
    const unsigned char *filled = d->filled + group * chart->count;
    size_t s;

    for (s = 0; s < d->slots; s++)
        if (!filled[s] && d->slot_label[s].len == label.len &&
            memcmp(kept_text(chart, d->slot_label[s]), kept_text(chart, label),
                   label.len) == 0)
            return s;
    d->slot_label[d->slots] = label;
    return d->slots++;
}

/* Puts every row in its slot; the row number is the label without x. */
static void place_rows(struct rt_batch_chart *chart, struct drawing *d)
{
    size_t i, n = chart->count;
    char number[24];

    for (i = 0; i < n; i++) {
        const struct chart_row *r = &chart->rows[i];
        struct kept label = r->label;
        size_t s;

        d->group_rows[r->group]++;
        if (chart->period == RT_NO_COLUMN)
            label = keep(chart, number,
                         (size_t)snprintf(number, sizeof number, "%zu",
                                          d->group_rows[r->group]));
        s = slot_for(chart, d, r->group, label);
        d->row_slot[i] = s;
        d->filled[r->group * n + s] = 1;
        d->values[(r->group * 2) * n + s] = r->ppm[0];
        d->values[(r->group * 2 + 1) * n + s] = r->ppm[1];
    }
}

/*
 * A place for every slot such that each group's rows run left to right:
 * a topological order of "comes next in some group", ties broken (and
 * cycles, where two groups disagree, cut) by the order first seen.  So
 * groups laid out one after the other, each in time order, share one
 * time axis in order.  rank[s] is slot s's place; false without memory.
 */
static bool rank_slots(const struct rt_batch_chart *chart,
                       const struct drawing *d, size_t *rank)
{
    size_t n = d->slots, edges = 0, placed, i, s, e;
    size_t *from = malloc((chart->count ? chart->count : 1) * sizeof *from);
    size_t *to = malloc((chart->count ? chart->count : 1) * sizeof *to);
    size_t *before = calloc(n ? n : 1, sizeof *before);
    size_t *last = malloc((chart->group_count + 1) * sizeof *last);
    bool ok = from && to && before && last;

    for (i = 0; ok && i <= chart->group_count; i++)
        last[i] = SIZE_MAX;
    for (i = 0; ok && i < chart->count; i++) {
        size_t g = chart->rows[i].group;

        s = d->row_slot[i];
        if (last[g] != SIZE_MAX && last[g] != s) {
            from[edges] = last[g];
            to[edges++] = s;
            before[s]++;
        }
        last[g] = s;
    }
    for (s = 0; ok && s < n; s++)
        rank[s] = SIZE_MAX;
    for (placed = 0; ok && placed < n; placed++) {
        size_t next = SIZE_MAX, first_left = SIZE_MAX;

        for (s = 0; s < n && next == SIZE_MAX; s++) {
            if (rank[s] != SIZE_MAX)
                continue;
            if (first_left == SIZE_MAX)
                first_left = s;
            if (before[s] == 0)
                next = s;
        }
        next = next == SIZE_MAX ? first_left : next;
        rank[next] = placed;
        for (e = 0; e < edges; e++)
            if (from[e] == next && before[to[e]] > 0)
                before[to[e]]--;
    }
    free(from);
    free(to);
    free(before);
    free(last);
    return ok;
}

/* Moves every slot to its rank: labels, values and the rows' slots. */
static bool order_slots(const struct rt_batch_chart *chart, struct drawing *d)
{
    size_t n = chart->count, lines = chart->group_count * 2, i, s;
    size_t *rank = malloc((d->slots ? d->slots : 1) * sizeof *rank);
    struct kept *labels = malloc((n ? n : 1) * sizeof *labels);
    long *values = malloc((lines ? lines : 1) * (n ? n : 1) * sizeof *values);
    bool ok = rank && labels && values && rank_slots(chart, d, rank);

    for (s = 0; ok && s < d->slots; s++)
        labels[rank[s]] = d->slot_label[s];
    for (i = 0; ok && i < lines * n; i++)
        values[i] = RT_CHART_GAP;
    for (i = 0; ok && i < lines; i++)
        for (s = 0; s < d->slots; s++)
            values[i * n + rank[s]] = d->values[i * n + s];
    for (i = 0; ok && i < n; i++)
        d->row_slot[i] = rank[d->row_slot[i]];
    if (ok) {
        memcpy(d->slot_label, labels, d->slots * sizeof *labels);
        memcpy(d->values, values, lines * n * sizeof *values);
    }
    free(rank);
    free(labels);
    free(values);
    return ok;
}

/* Copies text kept in the pool to the end of texts. */
static void put_kept(struct rt_sink *texts, const struct rt_batch_chart *chart,
                     struct kept k)
{
    rt_sink_write(texts, kept_text(chart, k), k.len);
}

/* Ends a text begun at `off` in texts. */
static struct kept end_text(struct rt_sink *texts, size_t off)
{
    struct kept k = {off, texts->len - off};

    rt_sink_put(texts, '\0');
    return k;
}

/* "retention" and "churn", after the group's value and a space. */
static void name_series(const struct rt_batch_chart *chart, struct drawing *d,
                        bool grouped)
{
    static const char *const rate_names[2] = {"retention", "churn"};
    size_t g;
    int k;

    for (g = 0; g < chart->group_count; g++)
        for (k = 0; k < 2; k++) {
            size_t off = d->texts->len;

            if (grouped) {
                put_kept(d->texts, chart, chart->groups[g]);
                rt_sink_put(d->texts, ' ');
            }
            if (chart->simple)
                rt_sink_puts(d->texts, "simple ");
            rt_sink_puts(d->texts, rate_names[k]);
            d->names[g * 2 + (size_t)k] = end_text(d->texts, off);
        }
}

/* "Retention and churn rate by period, per segment" */
static void write_title(const struct rt_batch_chart *chart,
                        const struct rt_batch *batch, struct drawing *d)
{
    const struct rt_batch_layout *layout = &batch->layout;
    size_t off = d->texts->len;

    rt_sink_puts(d->texts, chart->simple ? "Simple retention and churn rate by "
                                         : "Retention and churn rate by ");
    rt_sink_puts(d->texts, chart->period == RT_NO_COLUMN
                               ? "row"
                               : layout->names[chart->period]);
    if (layout->group != RT_NO_COLUMN) {
        rt_sink_puts(d->texts, ", per ");
        rt_sink_puts(d->texts, layout->names[layout->group]);
    }
    d->title = end_text(d->texts, off);
}

/* The groups the description names one by one at most. */
#define DESC_GROUPS 12

static void put_count(struct rt_sink *texts, size_t n, const char *one,
                      const char *many)
{
    char number[24];

    snprintf(number, sizeof number, "%zu ", n);
    rt_sink_puts(texts, number);
    rt_sink_puts(texts, n == 1 ? one : many);
}

/* "retention 80.00% at 2024-01 to 85.00% at 2024-06" */
static void put_range(const struct rt_batch_chart *chart,
                      const struct drawing *d, const char *name, int k,
                      size_t first, size_t last)
{
    const struct chart_row *r[2] = {&chart->rows[first], &chart->rows[last]};
    int end;

    rt_sink_puts(d->texts, name);
    /* One value: said once. */
    for (end = 0; end < (first == last ? 1 : 2); end++) {
        rt_sink_puts(d->texts, end ? " to " : " ");
        put_kept(d->texts, chart, r[end]->text[k]);
        rt_sink_puts(d->texts, "% at ");
        put_kept(d->texts, chart,
                 d->slot_label[d->row_slot[end ? last : first]]);
    }
}

/* " smb: retention ... to ...; churn ... to ...." for a group with rates. */
static void describe_group(const struct rt_batch_chart *chart,
                           const struct drawing *d, size_t g, bool grouped)
{
    size_t first = chart->count, last = 0, i;

    for (i = 0; i < chart->count; i++)
        if (chart->rows[i].group == g &&
            chart->rows[i].ppm[0] != RT_CHART_GAP) {
            first = first < i ? first : i;
            last = i;
        }
    if (first == chart->count)
        return;
    rt_sink_put(d->texts, ' ');
    if (grouped) {
        put_kept(d->texts, chart, chart->groups[g]);
        rt_sink_puts(d->texts, ": ");
    }
    /* Without a group's name first, the sentence starts here. */
    put_range(chart, d,
              chart->simple
                  ? (grouped ? "simple retention" : "Simple retention")
                  : (grouped ? "retention" : "Retention"),
              0, first, last);
    put_range(chart, d, chart->simple ? "; simple churn" : "; churn", 1, first,
              last);
    rt_sink_put(d->texts, '.');
}

/* " 2 rows without a rate are gaps." and the like. */
static void describe_gaps(const struct rt_batch_chart *chart,
                          const struct drawing *d)
{
    size_t none = 0, outside = 0, i;

    for (i = 0; i < chart->count; i++) {
        outside += chart->rows[i].outside;
        none +=
            !chart->rows[i].outside && chart->rows[i].ppm[0] == RT_CHART_GAP;
    }
    if (none) {
        rt_sink_put(d->texts, ' ');
        put_count(d->texts, none, "row without a rate is a gap.",
                  "rows without a rate are gaps.");
    }
    if (outside && chart->simple) {
        /* Without new customers, E above S is growth, not a mistake. */
        rt_sink_put(d->texts, ' ');
        put_count(d->texts, outside,
                  "row with more customers at the end than at the start (a "
                  "simple rate above 100%) is a gap.",
                  "rows with more customers at the end than at the start (a "
                  "simple rate above 100%) are gaps.");
    } else if (outside) {
        rt_sink_put(d->texts, ' ');
        put_count(d->texts, outside,
                  "row whose counts contradict each other is a gap.",
                  "rows whose counts contradict each other are gaps.");
    }
}

/* What a screen reader says: what is drawn, and where it starts and ends. */
static void write_desc(const struct rt_batch_chart *chart,
                       const struct rt_batch *batch, struct drawing *d)
{
    bool grouped = batch->layout.group != RT_NO_COLUMN;
    size_t off = d->texts->len, g;

    put_count(d->texts, chart->count, "row", "rows");
    if (grouped) {
        rt_sink_puts(d->texts, " in ");
        put_count(d->texts, chart->group_count, "group", "groups");
    }
    if (d->slots > 0) {
        rt_sink_puts(d->texts, ", x from ");
        put_kept(d->texts, chart, d->slot_label[0]);
        rt_sink_puts(d->texts, " to ");
        put_kept(d->texts, chart, d->slot_label[d->slots - 1]);
    }
    rt_sink_put(d->texts, '.');
    for (g = 0; g < chart->group_count && g < DESC_GROUPS; g++)
        describe_group(chart, d, g, grouped);
    if (chart->group_count > DESC_GROUPS) {
        rt_sink_puts(d->texts, " And ");
        put_count(d->texts, chart->group_count - DESC_GROUPS, "more group.",
                  "more groups.");
    }
    describe_gaps(chart, d);
    d->desc = end_text(d->texts, off);
}

/* The chart's pointers into the texts, once no text moves any more. */
static enum rt_batch_result draw(const struct rt_batch_chart *chart,
                                 const struct rt_batch *batch,
                                 const struct drawing *d)
{
    size_t g2 = chart->group_count * 2, i;
    const char **ticks = malloc((d->slots ? d->slots : 1) * sizeof *ticks);
    struct rt_chart_series *series = malloc((g2 ? g2 : 1) * sizeof *series);
    size_t *colour_of = malloc((g2 ? g2 : 1) * sizeof *colour_of);
    const struct rt_batch_layout *layout = &batch->layout;
    struct rt_line_chart line = {
        batch->options.chart_width,
        batch->options.chart_height,
        d->texts->buf + d->title.off,
        d->texts->buf + d->desc.off,
        chart->period == RT_NO_COLUMN
            ? (layout->group == RT_NO_COLUMN ? "row" : "row of each group")
            : layout->names[chart->period],
        "rate (%)",
        ticks,
        d->slots,
        series,
        g2};
    enum rt_status status = RT_ERR_NOMEM;

    if (ticks && series && colour_of) {
        for (i = 0; i < d->slots; i++)
            ticks[i] = kept_text(chart, d->slot_label[i]);
        for (i = 0; i < g2; i++) {
            series[i] = (struct rt_chart_series){
                d->texts->buf + d->names[i].off, d->values + i * chart->count,
                i % 2 == 1, false};
            colour_of[i] = i / 2;
        }
        status = rt_chart_line_write_coloured(batch->sink, &line, colour_of);
    }
    free(ticks);
    free(series);
    free(colour_of);
    /* A failed write is the sink's to report, as for every format. */
    return status == RT_ERR_NOMEM ? RT_BATCH_NO_MEMORY : RT_BATCH_OK;
}

enum rt_batch_result rt_batch_chart_write(struct rt_batch_chart *chart,
                                          const struct rt_batch *batch)
{
    struct drawing d;
    enum rt_batch_result result = RT_BATCH_NO_MEMORY;

    if (chart->refused)
        return RT_BATCH_OK;
    choose_columns(chart, batch);
    if (drawing_init(&d, chart)) {
        place_rows(chart, &d);
        if (!order_slots(chart, &d)) {
            drawing_free(&d);
            return RT_BATCH_NO_MEMORY;
        }
        name_series(chart, &d, batch->layout.group != RT_NO_COLUMN);
        write_title(chart, batch, &d);
        write_desc(chart, batch, &d);
        if (!chart->pool.failed && !d.texts->failed)
            result = draw(chart, batch, &d);
    }
    drawing_free(&d);
    return result;
}
