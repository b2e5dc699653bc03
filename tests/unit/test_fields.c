/*
 * test_fields.c - the field tables and the emitters that walk them: every
 * name round-trips through lookup, each format's header is the table's
 * names, and each format writes a table of every kind as it should.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "field.h"
#include "row.h"
#include "table.h"
#include "tally.h"

struct table_case {
    const char *name;
    const struct rt_field_table *table;
    size_t count; /* the length of the report's enum */
};

static const struct table_case table_cases[] = {
    {"period", &rt_period_fields, RT_FIELD_COUNT},
    {"lifetime", &rt_lifetime_fields, RT_LIFETIME_FIELD_COUNT},
    {"revenue", &rt_revenue_fields, RT_REVENUE_FIELD_COUNT},
    {"tally", &rt_tally_fields, RT_TALLY_FIELDS},
};

/* The public lookup of a table's report, where retain.h has one. */
static bool public_lookup(const struct rt_field_table *table, const char *name,
                          size_t *index)
{
    enum rt_field field;
    enum rt_lifetime_field beyond;
    enum rt_revenue_field revenue;
    bool found = false;

    if (table == &rt_period_fields && (found = rt_field_lookup(name, &field)))
        *index = field;
    if (table == &rt_lifetime_fields &&
        (found = rt_lifetime_field_lookup(name, &beyond)))
        *index = beyond;
    if (table == &rt_revenue_fields &&
        (found = rt_revenue_field_lookup(name, &revenue)))
        *index = revenue;
    if (table == &rt_tally_fields)
        found = rt_field_table_find(table, name, index);
    return found;
}

static void test_table(void **state)
{
    const struct table_case *c = *state;
    const struct rt_field_table *t = c->table;
    size_t i, j, found;

    assert_int_equal(t->count, c->count);
    for (i = 0; i < t->count; i++) {
        const struct rt_field_def *def = &t->defs[i];

        assert_int_equal(def->id, i);
        assert_non_null(def->get);
        assert_true((def->kind == RT_KIND_WARNINGS) == (def->each != NULL));
        assert_true(rt_field_table_find(t, def->name, &found));
        assert_int_equal(found, i);
        found = t->count;
        assert_true(public_lookup(t, def->name, &found));
        assert_int_equal(found, i);
        assert_string_equal(rt_field_table_name(t, i), def->name);
        for (j = 0; j < i; j++)
            assert_string_not_equal(t->defs[j].name, def->name);
    }
    assert_false(rt_field_table_find(t, "no_such_field", &found));
    assert_false(rt_field_table_find(t, "", &found));
    assert_string_equal(rt_field_table_name(t, t->count), "");
}

/* The names of `table` [first, end) after `prefix`, each then `delim`. */
static void append_names(char *buf, size_t size,
                         const struct rt_field_table *table, size_t first,
                         size_t end, char delim)
{
    size_t i, used = strlen(buf);

    for (i = first; i < end; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%c",
                                 table->defs[i].name, delim);
}

/* The first line of what was written to `out`. */
static char *first_line(FILE *out)
{
    char *text = table_slurp(out);
    char *newline = strchr(text, '\n');

    assert_non_null(newline);
    newline[1] = '\0';
    return text;
}

struct header_case {
    const char *name;
    enum rt_format format;
    char delim;
    bool lifetime;
    bool revenue;
};

static const struct header_case header_cases[] = {
    {"report csv", RT_FORMAT_CSV, ',', false, false},
    {"report tsv", RT_FORMAT_TSV, '\t', false, false},
    {"report beyond the period csv", RT_FORMAT_CSV, ',', true, false},
    {"report beyond the period tsv", RT_FORMAT_TSV, '\t', true, false},
    {"revenue csv", RT_FORMAT_CSV, ',', false, true},
    {"revenue tsv", RT_FORMAT_TSV, '\t', false, true},
};

/* The header line is the table's names, in order, and nothing else. */
static void test_header(void **state)
{
    const struct header_case *c = *state;
    const struct rt_counts counts = {1000, 900, 200, true};
    const struct rt_lifetime_options options = {RT_PERIOD_MONTH};
    const struct rt_revenue amounts = {100000000, 0, 0, 0};
    struct rt_figures figures;
    struct rt_lifetime lifetime;
    struct rt_revenue_figures revenue;
    char expected[2048] = "";
    FILE *out = tmpfile();
    char *line;

    assert_non_null(out);
    assert_int_equal(rt_figures_compute(&counts, 2, &figures), RT_OK);
    assert_int_equal(rt_lifetime_compute(&figures, &options, &lifetime), RT_OK);
    assert_int_equal(rt_revenue_compute(&amounts, 2, &revenue), RT_OK);
    if (c->revenue) {
        append_names(expected, sizeof expected, &rt_revenue_fields, 0,
                     RT_REVENUE_FIELD_COUNT, c->delim);
        assert_int_equal(rt_emit_revenue(out, c->format, &revenue, true),
                         RT_OK);
    } else {
        append_names(expected, sizeof expected, &rt_period_fields, 0,
                     RT_FIELD_WARNINGS, c->delim);
        if (c->lifetime)
            append_names(expected, sizeof expected, &rt_lifetime_fields, 0,
                         RT_LIFETIME_FIELD_COUNT, c->delim);
        append_names(expected, sizeof expected, &rt_period_fields,
                     RT_FIELD_WARNINGS, RT_FIELD_COUNT, c->delim);
        assert_int_equal(rt_emit_report(out, c->format, &figures,
                                        c->lifetime ? &lifetime : NULL, true),
                         RT_OK);
    }
    expected[strlen(expected) - 1] = '\n';
    line = first_line(out);
    assert_string_equal(line, expected);
    free(line);
    fclose(out);
}

/* A made-up report with a field of every kind, as a new report brings. */
struct sample {
    const char *warnings[2];
};

static enum rt_value_state get_sample(const void *report, unsigned id,
                                      char *buf, size_t size)
{
    static const char *const texts[] = {"-7",  "12.50",     "49.90",
                                        "inf", "a,b \"c\"", ""};
    static const enum rt_value_state states[] = {
        RT_VALUE_KNOWN,    RT_VALUE_KNOWN, RT_VALUE_KNOWN,
        RT_VALUE_INFINITE, RT_VALUE_KNOWN, RT_VALUE_UNKNOWN};

    (void)report;
    snprintf(buf, size, "%s", texts[id]);
    return states[id];
}

static void each_sample(const void *report, rt_warning_fn *each, void *context)
{
    const struct sample *s = report;
    size_t i;

    for (i = 0; i < 2 && s->warnings[i]; i++)
        each(context, s->warnings[i]);
}

static enum rt_value_state get_sample_list(const void *report, unsigned id,
                                           char *buf, size_t size)
{
    (void)report, (void)id;
    snprintf(buf, size, "unused");
    return RT_VALUE_KNOWN;
}

static const struct rt_field_def sample_defs[] = {
    {"count", NULL, RT_KIND_COUNT, 0, get_sample, NULL},
    {"rate", NULL, RT_KIND_RATE, 1, get_sample, NULL},
    {"money", NULL, RT_KIND_MONEY, 2, get_sample, NULL},
    {"years", NULL, RT_KIND_PERIODS, 3, get_sample, NULL},
    {"word", NULL, RT_KIND_TEXT, 4, get_sample, NULL},
    {"gone", NULL, RT_KIND_RATE, 5, get_sample, NULL},
    {"warnings", NULL, RT_KIND_WARNINGS, 6, get_sample_list, each_sample},
};

static const struct rt_field_table sample_fields = {
    sample_defs, sizeof sample_defs / sizeof sample_defs[0]};

struct walk_case {
    const char *name;
    enum rt_format format;
    struct sample report;
    const char *expected;
};

#define SAMPLE_HEADER "count,rate,money,years,word,gone,warnings\n"

static const struct walk_case walk_cases[] = {
    {"csv",
     RT_FORMAT_CSV,
     {{"w1", "w,2"}},
     SAMPLE_HEADER "-7,12.50,49.90,inf,\"a,b \"\"c\"\"\",,\"w1; w,2\"\n"},
    {"csv no warnings",
     RT_FORMAT_CSV,
     {{NULL}},
     SAMPLE_HEADER "-7,12.50,49.90,inf,\"a,b \"\"c\"\"\",,\n"},
    {"tsv",
     RT_FORMAT_TSV,
     {{"w\t1"}},
     "count\trate\tmoney\tyears\tword\tgone\twarnings\n"
     "-7\t12.50\t49.90\tinf\ta,b \"c\"\t\tw\\t1\n"},
    {"json",
     RT_FORMAT_JSON,
     {{"w1", "w\"2"}},
     "{\"count\":-7,\"rate\":12.50,\"money\":49.90,\"years\":null,"
     "\"word\":\"a,b \\\"c\\\"\",\"gone\":null,"
     "\"warnings\":[\"w1\",\"w\\\"2\"]}\n"},
    {"json no warnings",
     RT_FORMAT_JSON,
     {{NULL}},
     "{\"count\":-7,\"rate\":12.50,\"money\":49.90,\"years\":null,"
     "\"word\":\"a,b \\\"c\\\"\",\"gone\":null,\"warnings\":[]}\n"},
    {"text table",
     RT_FORMAT_TEXT,
     {{"w1", "w2"}},
     "count  rate   money  years  word     gone  warnings\n"
     "-7     12.50  49.90  inf    a,b \"c\"        w1; w2\n"},
};

/* A walk of the made-up table: the header, then the values. */
static void test_walk(void **state)
{
    const struct walk_case *c = *state;
    struct rt_text_table text;
    struct rt_sink sink;
    struct rt_row row;
    size_t n = sample_fields.count;

    rt_sink_init_memory(&sink);
    assert_true(rt_text_table_init(&text, &sink, n));
    assert_true(rt_row_init(&row, c->format, &sink, &text));
    if (row.format->has_header) {
        rt_row_names(&row, &sample_fields, 0, n);
        rt_row_end(&row);
    }
    rt_row_begin(&row);
    rt_row_fields(&row, &sample_fields, &c->report, 0, n);
    rt_row_end(&row);
    assert_true(rt_row_free(&row));
    rt_text_table_flush(&text);
    rt_text_table_free(&text);
    assert_int_equal(sink.len, strlen(c->expected));
    assert_memory_equal(sink.buf, c->expected, sink.len);
    rt_sink_free(&sink);
}

struct named_case {
    const char *name;
    enum rt_format format;
    const char *expected;
};

static const struct named_case named_cases[] = {
    {"csv", RT_FORMAT_CSV, "\"a,\"\"b\"\"\",count\n\"x\"\"\",-7\n"},
    {"json", RT_FORMAT_JSON, "{\"a,\\\"b\\\"\":\"x\\\"\",\"count\":-7}\n"},
};

/* A cell named by the user: its name is quoted or escaped as its value. */
static void test_named(void **state)
{
    const struct named_case *c = *state;
    const struct sample report = {{NULL}};
    struct rt_sink sink;
    struct rt_row row;

    rt_sink_init_memory(&sink);
    assert_true(rt_row_init(&row, c->format, &sink, NULL));
    if (row.format->has_header) {
        rt_row_name(&row, "a,\"b\"");
        rt_row_names(&row, &sample_fields, 0, 1);
        rt_row_end(&row);
    }
    rt_row_begin(&row);
    rt_row_text(&row, "a,\"b\"", "x\"", 2, true);
    rt_row_fields(&row, &sample_fields, &report, 0, 1);
    rt_row_end(&row);
    assert_true(rt_row_free(&row));
    assert_int_equal(sink.len, strlen(c->expected));
    assert_memory_equal(sink.buf, c->expected, sink.len);
    rt_sink_free(&sink);
}

struct only_case {
    const char *name;
    enum rt_format format;
    size_t field;
    const char *expected;
};

static const struct only_case only_cases[] = {
    {"bare number", RT_FORMAT_CSV, 1, "12.50\n"},
    {"bare word unquoted", RT_FORMAT_TSV, 4, "a,b \"c\"\n"},
    {"bare unknown", RT_FORMAT_TEXT, 5, "\n"},
    {"bare list joined", RT_FORMAT_CSV, 6, "w1; w2\n"},
    {"json number", RT_FORMAT_JSON, 0, "-7\n"},
    {"json infinite is null", RT_FORMAT_JSON, 3, "null\n"},
    {"json word", RT_FORMAT_JSON, 4, "\"a,b \\\"c\\\"\"\n"},
    {"json list", RT_FORMAT_JSON, 6, "[\"w1\",\"w2\"]\n"},
};

/* --only: one field alone, as rt_emit_field() writes it. */
static void test_only(void **state)
{
    const struct only_case *c = *state;
    const struct sample report = {{"w1", "w2"}};
    FILE *out = tmpfile();
    char *text;

    assert_non_null(out);
    assert_int_equal(
        rt_emit_field(out, c->format, &sample_defs[c->field], &report), RT_OK);
    text = table_slurp(out);
    assert_string_equal(text, c->expected);
    free(text);
    fclose(out);
}

struct list_case {
    const char *name;
    size_t count;
    const char *expected;
};

static const struct list_case list_cases[] = {
    {"one", 1, "start"},
    {"two", 2, "start or end"},
    {"three", 3, "start, end or new"},
};

/* The list of names that a message gives for an unknown field. */
static void test_list(void **state)
{
    const struct list_case *c = *state;
    const struct rt_field_table part = {rt_period_fields.defs, c->count};
    const struct rt_field_table *tables[] = {&part};
    char text[256];

    rt_field_table_list(tables, 1, text, sizeof text);
    assert_string_equal(text, c->expected);
}

int main(void)
{
    int failed = TABLE_RUN("field tables", table_cases, test_table);

    failed += TABLE_RUN("headers", header_cases, test_header);
    failed += TABLE_RUN("table walks", walk_cases, test_walk);
    failed += TABLE_RUN("user-named cells", named_cases, test_named);
    failed += TABLE_RUN("one field", only_cases, test_only);
    failed += TABLE_RUN("name lists", list_cases, test_list);
    return failed;
}
