/*
 * cohort_report.c - see cohort_report.h.
 *
 * Wide csv/tsv and text share one walk over the triangles and one writer
 * of cells, so that the three cannot drift apart: only where a cell goes
 * (a delimited field or a table cell) and how a rate is shown (with "%"
 * for people) differ.  Markdown writes the same cells through its row
 * format (row.h), so that every cell is escaped as a Markdown table needs.
 * Long and JSON have rows of their own.
 */
#include <stdio.h>
#include <string.h>

#include "cohort_report.h"
#include "date.h"
#include "digits.h"
#include "json.h"
#include "row.h"
#include "text_table.h"

/* A rate, its "%" and a NUL; a count or a period label fits as well. */
#define CELL_SIZE (RT_RATE_TEXT_SIZE + 2)

struct writer {
    const struct rt_cohort_report *report;
    const struct rt_cohort_result *result;
    struct rt_sink *sink;
    struct rt_text_table *table; /* text: cells go here; else delimited */
    struct rt_row *row;          /* markdown: cells go here */
    char delimiter;
    size_t cells_in_line; /* delimited: a delimiter is due before a cell */
    bool grouped;         /* a group column comes first */
    bool out_of_memory;
};

/* The rows and average rows of one layout, in the order of the walk. */
struct layout {
    void (*cohort)(struct writer *w, const struct rt_cohort_triangle *tri,
                   const struct rt_cohort_row *row);
    void (*average)(struct writer *w, const struct rt_cohort_triangle *tri);
};

static void put(struct writer *w, const char *text, size_t len)
{
    if (w->row) {
        rt_row_value(w->row, "", RT_KIND_TEXT, RT_VALUE_KNOWN, text, len);
        return;
    }
    if (w->table) {
        rt_text_table_cell(w->table, text, len);
        return;
    }
    if (w->cells_in_line++ > 0)
        rt_sink_put(w->sink, w->delimiter);
    rt_sink_field(w->sink, text, len, w->delimiter);
}

static void put_text(struct writer *w, const char *text)
{
    put(w, text, strlen(text));
}

static void put_count(struct writer *w, uint64_t value)
{
    char digits[RT_DIGITS_U64];

    put(w, digits, rt_digits_write(value, digits));
}

/* A name of the header line; markdown aligns the column by its kind. */
static void put_name(struct writer *w, const char *name,
                     enum rt_field_kind kind)
{
    if (w->row)
        rt_row_name_kind(w->row, name, kind);
    else
        put_text(w, name);
}

static void end_line(struct writer *w)
{
    if (w->row) {
        rt_row_end(w->row);
        return;
    }
    if (w->table) {
        rt_text_table_end_row(w->table);
        return;
    }
    rt_sink_put(w->sink, '\n');
    w->cells_in_line = 0;
}

/*
 * The label of a period; indices of labelled periods fit in 32 bits.  A
 * period after 9999-12-31 (cohort + k of a late cohort) has no date to
 * name it: its label is empty, and its cell never observed.
 */
static size_t label(const struct writer *w, int64_t index, char *buf)
{
    const struct rt_period_spec *spec = &w->report->period;

    if (rt_period_first_day(spec, (int32_t)index) > RT_DATE_MAX_DAY) {
        buf[0] = '\0';
        return 0;
    }
    return rt_period_label(spec, (int32_t)index, buf);
}

/*
 * The cohort cell of an average row: "average", but "overall" for the
 * average over everyone after the groups, which an empty group value
 * could not tell apart from its own average row.
 */
static const char *average_name(const struct writer *w,
                                const struct rt_cohort_triangle *tri)
{
    return w->grouped && tri == &w->result->overall ? "overall" : "average";
}

/* The group column's cell: the triangle's value, empty for everyone. */
static void put_group(struct writer *w, const struct rt_cohort_triangle *tri)
{
    if (w->grouped)
        put(w, tri->group ? tri->group : "", tri->group ? tri->group_len : 0);
}

/* People read "66.67%"; files get the bare number. */
static size_t shown_rate(const struct writer *w, char *buf)
{
    size_t len = strlen(buf);

    if (w->table) {
        buf[len++] = '%';
        buf[len] = '\0';
    }
    return len;
}

/* --counts shows active customers in the wide layouts only: long and JSON
   have a column of each. */
static bool shows_counts(const struct writer *w)
{
    const struct rt_cohort_report *report = w->report;

    return report->counts &&
           (report->format == RT_FORMAT_TEXT ||
            (report->format != RT_FORMAT_JSON && !report->long_form));
}

/* Cell k of a cohort: its rate, or with --counts its active customers;
   "" when unobserved. */
static size_t cohort_cell(const struct writer *w,
                          const struct rt_cohort_row *row, size_t k, char *buf)
{
    buf[0] = '\0';
    if (k >= row->observed)
        return 0;
    if (shows_counts(w)) {
        buf[rt_digits_write(row->active[k], buf)] = '\0';
        return strlen(buf);
    }
    (void)rt_cohort_cell_format(row, k, w->report->precision, buf, CELL_SIZE);
    return shown_rate(w, buf);
}

/* The average's rate at k by its method; "" where no cohort is observed.
   Only the mean can run out of memory. */
static size_t average_rate(struct writer *w,
                           const struct rt_cohort_triangle *tri, size_t k,
                           char *buf)
{
    enum rt_status status;

    buf[0] = '\0';
    if (tri->average.cohorts[k] == 0)
        return 0;
    if (w->report->average == RT_COHORT_MEAN)
        status = rt_cohort_mean_format(w->result, tri, k, w->report->precision,
                                       buf, CELL_SIZE);
    else
        status = rt_cohort_pooled_format(tri, k, w->report->precision, buf,
                                         CELL_SIZE);
    if (status != RT_OK) {
        w->out_of_memory |= status == RT_ERR_NOMEM;
        buf[0] = '\0';
        return 0;
    }
    return shown_rate(w, buf);
}

/* Walks the triangles: each group's rows and average, then the average
   over everyone; without groups, everyone's rows and average. */
static void walk(struct writer *w, const struct layout *layout)
{
    const struct rt_cohort_result *result = w->result;
    const struct rt_cohort_triangle *tri;
    size_t i, r;

    for (i = 0; i < (w->grouped ? result->group_count : 1); i++) {
        tri = w->grouped ? &result->groups[i] : &result->overall;
        for (r = 0; r < tri->row_count; r++)
            layout->cohort(w, tri, &tri->rows[r]);
        if (w->grouped && !w->report->no_average)
            layout->average(w, tri);
    }
    if (!w->report->no_average)
        layout->average(w, &result->overall);
}

/* ---- wide: csv, tsv and the text table ---- */

static void wide_header(struct writer *w)
{
    const char *prefix = rt_period_column_prefix(w->report->period.unit);
    size_t prefix_len = strlen(prefix), k;
    char name[CELL_SIZE];

    if (w->grouped)
        put_name(w, w->report->group_name, RT_KIND_TEXT);
    put_name(w, "cohort", RT_KIND_TEXT);
    put_name(w, "customers", RT_KIND_COUNT);
    memcpy(name, prefix, prefix_len + 1); /* "month_", then k after it */
    for (k = 0; k < w->result->columns; k++) {
        name[prefix_len + rt_digits_write(k, name + prefix_len)] = '\0';
        put_name(w, name, shows_counts(w) ? RT_KIND_COUNT : RT_KIND_RATE);
    }
    end_line(w);
}

static void wide_cohort(struct writer *w, const struct rt_cohort_triangle *tri,
                        const struct rt_cohort_row *row)
{
    char text[CELL_SIZE];
    size_t k;

    put_group(w, tri);
    put(w, text, label(w, row->cohort, text));
    put_count(w, row->customers);
    for (k = 0; k < w->result->columns; k++)
        put(w, text, cohort_cell(w, row, k, text));
    end_line(w);
}

/* Under a text average, what it divides by: customers when pooled (and
   for the sums of --counts), the number of cohorts for the mean. */
static void text_base(struct writer *w, const struct rt_cohort_triangle *tri)
{
    const uint64_t *base =
        w->report->average == RT_COHORT_MEAN && !w->report->counts
            ? tri->average.cohorts
            : tri->average.customers;
    size_t k;

    put_group(w, tri);
    put_text(w, "(base)");
    put(w, "", 0);
    for (k = 0; k < w->result->columns; k++) {
        if (tri->average.cohorts[k] == 0)
            put(w, "", 0);
        else
            put_count(w, base[k]);
    }
    end_line(w);
}

static void wide_average(struct writer *w, const struct rt_cohort_triangle *tri)
{
    char text[CELL_SIZE];
    size_t k;

    put_group(w, tri);
    put_text(w, average_name(w, tri));
    put_count(w, tri->customers);
    for (k = 0; k < w->result->columns; k++) {
        if (shows_counts(w) && tri->average.cohorts[k] > 0)
            put_count(w, tri->average.active[k]);
        else if (shows_counts(w))
            put(w, "", 0);
        else
            put(w, text, average_rate(w, tri, k, text));
    }
    end_line(w);
    if (w->table)
        text_base(w, tri);
}

static const struct layout wide_layout = {wide_cohort, wide_average};

/* ---- long: one line per cell ---- */

static void long_header(struct writer *w)
{
    static const struct {
        const char *name;
        enum rt_field_kind kind;
    } names[] = {{"cohort", RT_KIND_TEXT},  {"offset", RT_KIND_COUNT},
                 {"period", RT_KIND_TEXT},  {"customers", RT_KIND_COUNT},
                 {"active", RT_KIND_COUNT}, {"retention_rate", RT_KIND_RATE}};
    size_t i;

    if (w->grouped)
        put_name(w, w->report->group_name, RT_KIND_TEXT);
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        put_name(w, names[i].name, names[i].kind);
    end_line(w);
}

static void long_cohort(struct writer *w, const struct rt_cohort_triangle *tri,
                        const struct rt_cohort_row *row)
{
    char cohort[CELL_SIZE], text[CELL_SIZE];
    size_t cohort_len = label(w, row->cohort, cohort), k;

    for (k = 0; k < w->result->columns; k++) {
        put_group(w, tri);
        put(w, cohort, cohort_len);
        put_count(w, k);
        put(w, text, label(w, row->cohort + (int64_t)k, text));
        put_count(w, row->customers);
        if (k < row->observed)
            put_count(w, row->active[k]);
        else
            put(w, "", 0);
        put(w, text, cohort_cell(w, row, k, text));
        end_line(w);
    }
}

/* The average has no period of its own: cohorts of every period meet. */
static void long_average(struct writer *w, const struct rt_cohort_triangle *tri)
{
    char text[CELL_SIZE];
    size_t k;

    for (k = 0; k < w->result->columns; k++) {
        put_group(w, tri);
        put_text(w, average_name(w, tri));
        put_count(w, k);
        put(w, "", 0);
        if (tri->average.cohorts[k] > 0) {
            put_count(w, tri->average.customers[k]);
            put_count(w, tri->average.active[k]);
        } else {
            put(w, "", 0);
            put(w, "", 0);
        }
        put(w, text, average_rate(w, tri, k, text));
        end_line(w);
    }
}

static const struct layout long_layout = {long_cohort, long_average};

/* The header line (unless left out) and the rows of the layout. */
static void write_lines(struct writer *w)
{
    if (w->report->header) {
        if (w->report->long_form)
            long_header(w);
        else
            wide_header(w);
    }
    walk(w, w->report->long_form ? &long_layout : &wide_layout);
}

static void write_delimited(struct writer *w)
{
    w->delimiter = w->report->format == RT_FORMAT_TSV ? '\t'
                   : w->report->delimiter             ? w->report->delimiter
                                                      : ',';
    write_lines(w);
}

/* ---- text: a sentence, the table, and the note ---- */

static const char *unit_adjective(enum rt_period unit)
{
    switch (unit) {
    case RT_PERIOD_WEEK:
        return "Weekly";
    case RT_PERIOD_MONTH:
        return "Monthly";
    case RT_PERIOD_QUARTER:
        return "Quarterly";
    case RT_PERIOD_YEAR:
        return "Yearly";
    default:
        return "Daily";
    }
}

/* "Weekly cohorts (weeks start on Monday)", "Monthly cohorts". */
static void say_period(struct writer *w)
{
    const struct rt_period_spec *period = &w->report->period;
    const char *day = rt_period_weekday_name(period->week_start);

    rt_sink_puts(w->sink, unit_adjective(period->unit));
    rt_sink_puts(w->sink, " cohorts");
    if (period->unit != RT_PERIOD_WEEK || day[0] == '\0')
        return;
    rt_sink_puts(w->sink, " (weeks start on ");
    rt_sink_put(w->sink, (char)(day[0] - 'a' + 'A'));
    rt_sink_puts(w->sink, day + 1);
    rt_sink_put(w->sink, ')');
}

static void say_average(struct writer *w)
{
    if (w->report->no_average)
        rt_sink_puts(w->sink, "no average");
    else if (w->report->counts)
        rt_sink_puts(w->sink, "average: the sums of active customers over the "
                              "cohorts observed at k, of the customers below");
    else if (w->report->average == RT_COHORT_MEAN)
        rt_sink_puts(w->sink,
                     "average: mean (the mean of the observed cohorts' rates)");
    else
        rt_sink_puts(w->sink, "average: pooled (active customers over cohort "
                              "customers, cohorts observed at k)");
}

/* The line above the table: what a cell counts, the cut-off, the average. */
static void text_heading(struct writer *w)
{
    bool after = w->result->mode == RT_COHORT_ON_OR_AFTER;
    char text[CELL_SIZE];

    say_period(w);
    rt_sink_puts(w->sink, w->report->spans
                              ? "; cell k: customers subscribed at "
                                "the end of period cohort+k"
                              : "; cell k: customers active in "
                                "period cohort+k");
    rt_sink_puts(w->sink,
                 after ? " or later (mode on-or-after)" : " (mode on)");
    rt_sink_puts(w->sink, "; cut-off ");
    rt_sink_write(w->sink, text, rt_date_write(w->report->as_of, text));
    rt_sink_puts(w->sink, " (last complete period ");
    rt_sink_write(w->sink, text, label(w, w->result->last_complete, text));
    rt_sink_puts(w->sink, "); ");
    say_average(w);
    rt_sink_puts(w->sink, ".\n");
}

void rt_cohort_report_heading(struct rt_sink *sink,
                              const struct rt_cohort_report *report)
{
    struct writer w;

    memset(&w, 0, sizeof w);
    w.report = report;
    w.result = report->result;
    w.sink = sink;
    text_heading(&w);
}

/* The note on the first cohort, without "Note: " (JSON's "note"); false
   when there is none. */
static bool first_cohort_note(const struct writer *w, char *buf, size_t size)
{
    const struct rt_cohort_triangle *all = &w->result->overall;
    char cohort[RT_PERIOD_LABEL_SIZE];

    if (!w->report->note_first_cohort || all->row_count == 0)
        return false;
    (void)label(w, all->rows[0].cohort, cohort);
    (void)snprintf(buf, size,
                   "the first cohort (%s) also holds every customer active "
                   "before the data starts.",
                   cohort);
    return true;
}

#define NOTE_SIZE 128

static void write_text(struct writer *w, struct rt_text_table *table)
{
    char note[NOTE_SIZE];

    w->table = table;
    text_heading(w);
    wide_header(w);
    walk(w, &wide_layout);
    rt_text_table_flush(table);
    w->out_of_memory |= table->failed;
    if (first_cohort_note(w, note, sizeof note)) {
        rt_sink_puts(w->sink, "Note: ");
        rt_sink_puts(w->sink, note);
        rt_sink_put(w->sink, '\n');
    }
}

/* ---- markdown: the csv table, then the warnings and the note ---- */

/* The warnings and the note as a list below the table, after a blank line
   that ends the table. */
static void markdown_notes(struct writer *w)
{
    static const char prefix[] = "Note: ";
    const size_t prefix_len = sizeof prefix - 1;
    const struct rt_notes *warnings = w->report->warnings;
    bool has_note;
    char note[NOTE_SIZE];
    size_t i;

    memcpy(note, prefix, sizeof prefix);
    has_note =
        first_cohort_note(w, note + prefix_len, sizeof note - prefix_len);
    if (!has_note && (!warnings || warnings->count == 0))
        return;
    rt_sink_put(w->sink, '\n');
    for (i = 0; warnings && i < warnings->count; i++)
        rt_markdown_list_item(w->sink, warnings->texts[i],
                              strlen(warnings->texts[i]));
    if (has_note)
        rt_markdown_list_item(w->sink, note, strlen(note));
}

static void write_markdown(struct writer *w)
{
    struct rt_row row;

    (void)rt_row_init(&row, RT_FORMAT_MARKDOWN, w->sink, NULL);
    w->row = &row;
    write_lines(w);
    w->out_of_memory |= !rt_row_free(&row);
    w->row = NULL;
    markdown_notes(w);
}

/* ---- json: one object ---- */

static void key(struct rt_json *json, const char *name)
{
    rt_json_key_plain(json, name, strlen(name));
}

static void json_text(struct rt_json *json, const char *text)
{
    rt_json_string(json, text, strlen(text));
}

static void json_count(struct rt_json *json, uint64_t value)
{
    char digits[RT_DIGITS_U64];

    rt_json_number(json, digits, rt_digits_write(value, digits));
}

/* A number, or null for an empty text. */
static void json_number_or_null(struct rt_json *json, const char *text,
                                size_t len)
{
    if (len > 0)
        rt_json_number(json, text, len);
    else
        rt_json_null(json);
}

static void json_group(struct rt_json *json,
                       const struct rt_cohort_triangle *tri)
{
    key(json, "group");
    rt_json_string(json, tri->group ? tri->group : "",
                   tri->group ? tri->group_len : 0);
}

static void json_cohort(struct writer *w, struct rt_json *json,
                        const struct rt_cohort_triangle *tri,
                        const struct rt_cohort_row *row)
{
    char text[CELL_SIZE];
    size_t k;

    rt_json_begin_object(json);
    if (w->grouped)
        json_group(json, tri);
    key(json, "cohort");
    rt_json_string(json, text, label(w, row->cohort, text));
    key(json, "customers");
    json_count(json, row->customers);
    key(json, "active");
    rt_json_begin_array(json);
    for (k = 0; k < w->result->columns; k++)
        if (k < row->observed)
            json_count(json, row->active[k]);
        else
            rt_json_null(json);
    rt_json_end_array(json);
    key(json, "retention_rate");
    rt_json_begin_array(json);
    for (k = 0; k < w->result->columns; k++)
        json_number_or_null(json, text, cohort_cell(w, row, k, text));
    rt_json_end_array(json);
    rt_json_end_object(json);
}

/* One of the average's arrays: values[k], null where no cohort is. */
static void json_sums(struct writer *w, struct rt_json *json, const char *name,
                      const struct rt_cohort_triangle *tri,
                      const uint64_t *values)
{
    size_t k;

    key(json, name);
    rt_json_begin_array(json);
    for (k = 0; k < w->result->columns; k++)
        if (tri->average.cohorts[k] > 0)
            json_count(json, values[k]);
        else
            rt_json_null(json);
    rt_json_end_array(json);
}

/* The members of an average: all null where no cohort is observed, as
   every unobserved cell is. */
static void json_average_members(struct writer *w, struct rt_json *json,
                                 const struct rt_cohort_triangle *tri)
{
    char text[CELL_SIZE];
    size_t k;

    json_sums(w, json, "cohorts", tri, tri->average.cohorts);
    json_sums(w, json, "customers", tri, tri->average.customers);
    json_sums(w, json, "active", tri, tri->average.active);
    key(json, "retention_rate");
    rt_json_begin_array(json);
    for (k = 0; k < w->result->columns; k++)
        json_number_or_null(json, text, average_rate(w, tri, k, text));
    rt_json_end_array(json);
}

static void json_settings(struct writer *w, struct rt_json *json)
{
    const struct rt_cohort_report *report = w->report;
    char text[CELL_SIZE];

    key(json, "period");
    json_text(json, rt_period_name(report->period.unit));
    key(json, "week_start");
    if (report->period.unit == RT_PERIOD_WEEK)
        json_text(json, rt_period_weekday_name(report->period.week_start));
    else
        rt_json_null(json);
    key(json, "mode");
    json_text(json,
              w->result->mode == RT_COHORT_ON_OR_AFTER ? "on-or-after" : "on");
    key(json, "average_method");
    if (report->no_average)
        rt_json_null(json);
    else
        json_text(json, report->average == RT_COHORT_MEAN ? "mean" : "pooled");
    key(json, "as_of");
    rt_json_string(json, text, rt_date_write(report->as_of, text));
    key(json, "last_complete_period");
    rt_json_string(json, text, label(w, w->result->last_complete, text));
}

static void json_cohorts(struct writer *w, struct rt_json *json)
{
    const struct rt_cohort_result *result = w->result;
    const struct rt_cohort_triangle *tri;
    size_t i, r;

    key(json, "cohorts");
    rt_json_begin_array(json);
    for (i = 0; i < (w->grouped ? result->group_count : 1); i++) {
        tri = w->grouped ? &result->groups[i] : &result->overall;
        for (r = 0; r < tri->row_count; r++)
            json_cohort(w, json, tri, &tri->rows[r]);
    }
    rt_json_end_array(json);
}

static void json_averages(struct writer *w, struct rt_json *json)
{
    size_t i;

    key(json, "average");
    if (w->report->no_average) {
        rt_json_null(json);
        return;
    }
    rt_json_begin_object(json);
    json_average_members(w, json, &w->result->overall);
    rt_json_end_object(json);
    if (!w->grouped)
        return;
    key(json, "group_averages");
    rt_json_begin_array(json);
    for (i = 0; i < w->result->group_count; i++) {
        rt_json_begin_object(json);
        json_group(json, &w->result->groups[i]);
        json_average_members(w, json, &w->result->groups[i]);
        rt_json_end_object(json);
    }
    rt_json_end_array(json);
}

static void json_notes(struct writer *w, struct rt_json *json)
{
    const struct rt_notes *warnings = w->report->warnings;
    char note[NOTE_SIZE];
    size_t i;

    key(json, "warnings");
    rt_json_begin_array(json);
    for (i = 0; warnings && i < warnings->count; i++)
        json_text(json, warnings->texts[i]);
    rt_json_end_array(json);
    key(json, "note");
    if (first_cohort_note(w, note, sizeof note))
        json_text(json, note);
    else
        rt_json_null(json);
}

static void write_json(struct writer *w)
{
    struct rt_json json;

    rt_json_init(&json, w->sink);
    rt_json_begin_object(&json);
    json_settings(w, &json);
    key(&json, "group_by");
    if (w->grouped)
        json_text(&json, w->report->group_name);
    else
        rt_json_null(&json);
    key(&json, "columns");
    json_count(&json, w->result->columns);
    json_cohorts(w, &json);
    json_averages(w, &json);
    json_notes(w, &json);
    rt_json_end_object(&json);
}

enum rt_status rt_cohort_report_write(struct rt_sink *sink,
                                      const struct rt_cohort_report *report)
{
    struct writer w;
    struct rt_text_table table;

    if (report->precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    memset(&w, 0, sizeof w);
    w.report = report;
    w.result = report->result;
    w.sink = sink;
    w.grouped = report->group_name != NULL;
    if (report->format == RT_FORMAT_JSON) {
        write_json(&w);
    } else if (report->format == RT_FORMAT_TEXT) {
        if (!rt_text_table_init(&table, sink,
                                (w.grouped ? 3 : 2) + w.result->columns)) {
            rt_text_table_free(&table);
            return RT_ERR_NOMEM;
        }
        write_text(&w, &table);
        rt_text_table_free(&table);
    } else if (report->format == RT_FORMAT_MARKDOWN) {
        write_markdown(&w);
    } else {
        write_delimited(&w);
    }
    return w.out_of_memory ? RT_ERR_NOMEM : RT_OK;
}
