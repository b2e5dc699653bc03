/*
 * field.c - the field tables' common code and the table of one period's
 * figures.
 */
#include <stdio.h>
#include <string.h>

#include "field.h"

bool rt_field_kind_is_number(enum rt_field_kind kind)
{
    return kind == RT_KIND_COUNT || kind == RT_KIND_RATE ||
           kind == RT_KIND_MONEY || kind == RT_KIND_PERIODS;
}

bool rt_field_table_find(const struct rt_field_table *table, const char *name,
                         size_t *index)
{
    size_t i;

    for (i = 0; i < table->count; i++) {
        if (strcmp(name, table->defs[i].name) == 0) {
            *index = i;
            return true;
        }
    }
    return false;
}

const char *rt_field_table_name(const struct rt_field_table *table,
                                size_t index)
{
    return index < table->count ? table->defs[index].name : "";
}

void rt_field_table_list(const struct rt_field_table *const *tables,
                         size_t count, char *buf, size_t size)
{
    size_t t, i, used = 0, total = 0, seen = 0;

    for (t = 0; t < count; t++)
        total += tables[t]->count;
    if (size > 0)
        buf[0] = '\0';
    for (t = 0; t < count; t++)
        for (i = 0; i < tables[t]->count && used < size; i++, seen++)
            used += (size_t)snprintf(buf + used, size - used, "%s%s",
                                     seen == 0           ? ""
                                     : seen + 1 == total ? " or "
                                                         : ", ",
                                     tables[t]->defs[i].name);
}

static void copy_text(const char *text, char *buf, size_t size)
{
    size_t len = strlen(text);

    if (size == 0)
        return;
    if (len >= size)
        len = size - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
}

static enum rt_value_state known_if(bool known)
{
    return known ? RT_VALUE_KNOWN : RT_VALUE_UNKNOWN;
}

/* start, end and new: whole numbers the user gave; new only when given. */
static enum rt_value_state get_count(const void *report, unsigned id, char *buf,
                                     size_t size)
{
    const struct rt_figures *f = report;
    const uint64_t counts[] = {f->counts.start, f->counts.end,
                               f->counts.new_customers};
    bool known = id != RT_FIELD_NEW || f->counts.has_new;
    char text[RT_NUMBER_TEXT_SIZE] = "";
    struct rt_wide w = {false, counts[id]};

    if (known)
        rt_wide_format(w, text);
    copy_text(text, buf, size);
    return known_if(known);
}

/* retained and lost, which need the count of new customers. */
static enum rt_value_state get_difference(const void *report, unsigned id,
                                          char *buf, size_t size)
{
    const struct rt_figures *f = report;
    char text[RT_NUMBER_TEXT_SIZE] = "";

    if (f->counts.has_new)
        rt_wide_format(id == RT_FIELD_RETAINED ? f->retained : f->lost, text);
    copy_text(text, buf, size);
    return known_if(f->counts.has_new);
}

static enum rt_value_state get_rate(const void *report, unsigned id, char *buf,
                                    size_t size)
{
    const struct rt_figures *f = report;
    const struct rt_rate *rates[] = {&f->retention_rate, &f->churn_rate,
                                     &f->simple_retention_rate,
                                     &f->simple_churn_rate};
    const struct rt_rate *rate = rates[id - RT_FIELD_RETENTION_RATE];

    copy_text(rate->known ? rate->text : "", buf, size);
    return known_if(rate->known);
}

void rt_each_period_warning(const struct rt_figures *figures,
                            rt_warning_fn *each, void *context)
{
    char text[RT_WARNING_TEXT_SIZE];
    unsigned bit;

    for (bit = 1; bit < (1u << RT_WARNING_KINDS); bit <<= 1)
        if (figures->warnings & bit) {
            rt_warning_text(figures, (enum rt_warning)bit, text, sizeof text);
            each(context, text);
        }
}

struct joined {
    char *buf;
    size_t size, used;
};

/* Appends a warning after "; ", as far as the buffer holds it. */
static void join_warning(void *context, const char *text)
{
    struct joined *j = context;

    if (j->used + 3 >= j->size)
        return;
    if (j->used > 0) {
        memcpy(j->buf + j->used, "; ", 3);
        j->used += 2;
    }
    snprintf(j->buf + j->used, j->size - j->used, "%s", text);
    j->used += strlen(j->buf + j->used);
}

void rt_join_warnings(rt_warning_walk *walk, const void *report, char *buf,
                      size_t size)
{
    struct joined j = {buf, size, 0};

    if (size > 0)
        buf[0] = '\0';
    walk(report, join_warning, &j);
}

static void each_period_warning(const void *report, rt_warning_fn *each,
                                void *context)
{
    rt_each_period_warning(report, each, context);
}

/* The warnings are always known, maybe none. */
static enum rt_value_state get_period_warnings(const void *report, unsigned id,
                                               char *buf, size_t size)
{
    (void)id;
    rt_join_warnings(each_period_warning, report, buf, size);
    return RT_VALUE_KNOWN;
}

static const struct rt_field_def period_defs[RT_FIELD_COUNT] = {
    {"start", "start (S)", RT_KIND_COUNT, RT_FIELD_START, get_count, NULL},
    {"end", "end (E)", RT_KIND_COUNT, RT_FIELD_END, get_count, NULL},
    {"new", "new (N)", RT_KIND_COUNT, RT_FIELD_NEW, get_count, NULL},
    {"retained", "retained (E \xe2\x88\x92 N)", RT_KIND_COUNT,
     RT_FIELD_RETAINED, get_difference, NULL},
    {"lost", "lost (S \xe2\x88\x92 retained)", RT_KIND_COUNT, RT_FIELD_LOST,
     get_difference, NULL},
    {"retention_rate", "retention rate", RT_KIND_RATE, RT_FIELD_RETENTION_RATE,
     get_rate, NULL},
    {"churn_rate", "churn rate", RT_KIND_RATE, RT_FIELD_CHURN_RATE, get_rate,
     NULL},
    {"simple_retention_rate", "simple retention rate", RT_KIND_RATE,
     RT_FIELD_SIMPLE_RETENTION_RATE, get_rate, NULL},
    {"simple_churn_rate", "simple churn rate", RT_KIND_RATE,
     RT_FIELD_SIMPLE_CHURN_RATE, get_rate, NULL},
    {"warnings", NULL, RT_KIND_WARNINGS, RT_FIELD_WARNINGS, get_period_warnings,
     each_period_warning},
};

const struct rt_field_table rt_period_fields = {period_defs, RT_FIELD_COUNT};

const char *rt_field_name(enum rt_field field)
{
    return rt_field_table_name(&rt_period_fields, (size_t)field);
}

bool rt_field_lookup(const char *name, enum rt_field *out)
{
    size_t index;

    if (!rt_field_table_find(&rt_period_fields, name, &index))
        return false;
    *out = (enum rt_field)index;
    return true;
}

bool rt_field_value(const struct rt_figures *figures, enum rt_field field,
                    char *buf, size_t size)
{
    const struct rt_field_def *def;

    if ((unsigned)field >= RT_FIELD_COUNT) {
        copy_text("", buf, size);
        return false;
    }
    def = &period_defs[field];
    return def->get(figures, def->id, buf, size) == RT_VALUE_KNOWN;
}
