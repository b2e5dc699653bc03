/* field.c - the named figures shared by every output format and --only. */
#include <stdio.h>
#include <string.h>

#include "field.h"

static const char *const field_names[RT_FIELD_COUNT] = {
    "start",
    "end",
    "new",
    "retained",
    "lost",
    "retention_rate",
    "churn_rate",
    "simple_retention_rate",
    "simple_churn_rate",
    "warnings",
};

const char *rt_field_name(enum rt_field field)
{
    return (unsigned)field < RT_FIELD_COUNT ? field_names[field] : "";
}

bool rt_field_lookup(const char *name, enum rt_field *out)
{
    unsigned i;

    for (i = 0; i < RT_FIELD_COUNT; i++) {
        if (strcmp(name, field_names[i]) == 0) {
            *out = (enum rt_field)i;
            return true;
        }
    }
    return false;
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

static bool rate_value(const struct rt_rate *rate, char *buf, size_t size)
{
    copy_text(rate->known ? rate->text : "", buf, size);
    return rate->known;
}

static bool count_value(uint64_t count, bool known, char *buf, size_t size)
{
    char text[RT_NUMBER_TEXT_SIZE] = "";
    struct rt_wide w = {false, count};

    if (known)
        rt_wide_format(w, text);
    copy_text(text, buf, size);
    return known;
}

static bool wide_value(struct rt_wide value, bool known, char *buf, size_t size)
{
    char text[RT_NUMBER_TEXT_SIZE] = "";

    if (known)
        rt_wide_format(value, text);
    copy_text(text, buf, size);
    return known;
}

void rt_each_warning(const struct rt_figures *figures,
                     const struct rt_lifetime *lifetime,
                     const struct rt_revenue_figures *revenue,
                     void (*each)(void *context, const char *text),
                     void *context)
{
    char text[RT_WARNING_TEXT_SIZE];
    unsigned bit;

    for (bit = 1; bit < (1u << RT_WARNING_KINDS); bit <<= 1)
        if (figures->warnings & bit) {
            rt_warning_text(figures, (enum rt_warning)bit, text, sizeof text);
            each(context, text);
        }
    for (bit = 1; lifetime && bit < (1u << RT_LIFETIME_WARNING_KINDS);
         bit <<= 1)
        if (lifetime->warnings & bit) {
            rt_lifetime_warning_text(lifetime, (enum rt_lifetime_warning)bit,
                                     text, sizeof text);
            each(context, text);
        }
    if (revenue && revenue->warnings) {
        rt_revenue_field_value(revenue, RT_REVENUE_WARNINGS, text, sizeof text);
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

void rt_report_warnings_value(const struct rt_figures *figures,
                              const struct rt_lifetime *lifetime,
                              const struct rt_revenue_figures *revenue,
                              char *buf, size_t size)
{
    struct joined j = {buf, size, 0};

    if (size > 0)
        buf[0] = '\0';
    rt_each_warning(figures, lifetime, revenue, join_warning, &j);
}

bool rt_field_value(const struct rt_figures *figures, enum rt_field field,
                    char *buf, size_t size)
{
    bool has_new = figures->counts.has_new;

    switch (field) {
    case RT_FIELD_START:
        return count_value(figures->counts.start, true, buf, size);
    case RT_FIELD_END:
        return count_value(figures->counts.end, true, buf, size);
    case RT_FIELD_NEW:
        return count_value(figures->counts.new_customers, has_new, buf, size);
    case RT_FIELD_RETAINED:
        return wide_value(figures->retained, has_new, buf, size);
    case RT_FIELD_LOST:
        return wide_value(figures->lost, has_new, buf, size);
    case RT_FIELD_RETENTION_RATE:
        return rate_value(&figures->retention_rate, buf, size);
    case RT_FIELD_CHURN_RATE:
        return rate_value(&figures->churn_rate, buf, size);
    case RT_FIELD_SIMPLE_RETENTION_RATE:
        return rate_value(&figures->simple_retention_rate, buf, size);
    case RT_FIELD_SIMPLE_CHURN_RATE:
        return rate_value(&figures->simple_churn_rate, buf, size);
    case RT_FIELD_WARNINGS:
        rt_report_warnings_value(figures, NULL, NULL, buf, size);
        return true;
    case RT_FIELD_COUNT:
        break;
    }
    copy_text("", buf, size);
    return false;
}
