/*
 * field.h - the output fields of every report, one table per kind of
 * report (internal).
 *
 * A table lists a report's fields in output order: each with its name,
 * its kind and the function that gets its value.  Every output format
 * (the emitters of src/emit) and --only walk these tables, as datamash
 * drives all its operations from one table; a new format reads them, and
 * a new report brings one table.  The public rt_*_field_name(), _lookup()
 * and _value() functions of retain.h read them too.
 */
#ifndef RETAIN_FIELD_H
#define RETAIN_FIELD_H

#include <stddef.h>

#include "retain.h"

/* What a value is, so that each format can show it as it should. */
enum rt_field_kind {
    RT_KIND_COUNT,   /* a whole number, maybe negative */
    RT_KIND_RATE,    /* a percentage, without its '%' */
    RT_KIND_MONEY,   /* an amount of money */
    RT_KIND_PERIODS, /* a length of time in periods or years; maybe inf */
    RT_KIND_TEXT,    /* a word: a string in JSON */
    RT_KIND_WARNINGS /* a list of sentences: an array in JSON, joined with
                        "; " in CSV, TSV and text */
};

/* Whether a kind is a number: a JSON number, right-aligned in a table. */
bool rt_field_kind_is_number(enum rt_field_kind kind);

/* Receives one warning of a list (a sentence without a prefix). */
typedef void rt_warning_fn(void *context, const char *text);

struct rt_field_def {
    const char *name;        /* in JSON, CSV, TSV and --only */
    const char *label;       /* in text output, or NULL for the name */
    enum rt_field_kind kind; /* how a format shows it */
    unsigned id;             /* which value the getter gets */
    /*
     * Writes the value of field `id` of `report` as CSV holds it: "" when
     * unknown, "inf" when infinite; a list is joined with "; " and cut
     * short to `size`.  Returns its state.
     */
    enum rt_value_state (*get)(const void *report, unsigned id, char *buf,
                               size_t size);
    /* For RT_KIND_WARNINGS: calls `each` for every item of the list. */
    void (*each)(const void *report, rt_warning_fn *each, void *context);
};

struct rt_field_table {
    const struct rt_field_def *defs;
    size_t count;
};

/*
 * Finds the field named exactly `name`; false when the table has none.
 * The index is the report's enum value (enum rt_field, ...).
 */
bool rt_field_table_find(const struct rt_field_table *table, const char *name,
                         size_t *index);

/* The name of field `index`, "" when there is no such field. */
const char *rt_field_table_name(const struct rt_field_table *table,
                                size_t index);

/*
 * The names of the fields as a list for a message, "a, b or c", cut short
 * to `size`.
 */
void rt_field_table_list(const struct rt_field_table *const *tables,
                         size_t count, char *buf, size_t size);

/* The tables: by enum rt_field, rt_lifetime_field and rt_revenue_field. */
extern const struct rt_field_table rt_period_fields;   /* struct rt_figures */
extern const struct rt_field_table rt_lifetime_fields; /* struct rt_lifetime */
extern const struct rt_field_table rt_revenue_fields;  /* rt_revenue_figures */

/* Calls each(context, text) for every warning of the period's figures. */
void rt_each_period_warning(const struct rt_figures *figures,
                            rt_warning_fn *each, void *context);

/* Walks the warnings of one report (whose type the walker knows). */
typedef void rt_warning_walk(const void *report, rt_warning_fn *each,
                             void *context);

/*
 * Writes every warning that walk(report) gives, joined with "; ", as the
 * CSV warnings field holds them, as far as `size` bytes hold them.
 */
void rt_join_warnings(rt_warning_walk *walk, const void *report, char *buf,
                      size_t size);

#endif
