/*
 * emit_text.c - figures for people.
 *
 * Each rate is shown with its formula and the numbers put in, so a reader
 * can check the arithmetic by hand.  The symbols are UTF-8; labels are
 * padded by display columns, not bytes, to stay aligned.
 */
#include <string.h>

#include "emit_text.h"
#include "field.h"
#include "utf8.h"

#define LABEL_COLUMNS 23

void rt_text_label(FILE *out, const char *label)
{
    size_t columns = rt_utf8_width(label, strlen(label));

    fputs(label, out);
    while (columns++ < LABEL_COLUMNS)
        putc(' ', out);
}

/* A figure's label, from the field table. */
static void field_label(FILE *out, enum rt_field field)
{
    rt_text_label(out, rt_period_fields.defs[field].label);
}

static void format_count(uint64_t count, char buf[RT_NUMBER_TEXT_SIZE])
{
    struct rt_wide w = {false, count};

    rt_wide_format(w, buf);
}

static void emit_counts(FILE *out, const struct rt_figures *f, const char *s,
                        const char *e, const char *n)
{
    char retained[RT_NUMBER_TEXT_SIZE], lost[RT_NUMBER_TEXT_SIZE];

    rt_wide_format(f->retained, retained);
    rt_wide_format(f->lost, lost);
    field_label(out, RT_FIELD_START);
    fprintf(out, "%s\n", s);
    field_label(out, RT_FIELD_END);
    fprintf(out, "%s\n", e);
    field_label(out, RT_FIELD_NEW);
    fprintf(out, "%s\n", f->counts.has_new ? n : "not given");
    field_label(out, RT_FIELD_RETAINED);
    fprintf(out, "%s\n", f->counts.has_new ? retained : "unknown");
    field_label(out, RT_FIELD_LOST);
    fprintf(out, "%s\n", f->counts.has_new ? lost : "unknown");
}

static void emit_retention(FILE *out, const struct rt_figures *f, const char *s,
                           const char *e, const char *n)
{
    char lost[RT_NUMBER_TEXT_SIZE];

    field_label(out, RT_FIELD_RETENTION_RATE);
    if (!f->counts.has_new) {
        fputs("unknown (needs the count of new customers)\n", out);
        field_label(out, RT_FIELD_CHURN_RATE);
        fputs("unknown (needs the count of new customers)\n", out);
        return;
    }
    rt_wide_format(f->lost, lost);
    fprintf(out, "[(%s " MINUS " %s) " DIVIDE " %s] " TIMES " 100 = %s%%\n", e,
            n, s, f->retention_rate.text);
    field_label(out, RT_FIELD_CHURN_RATE);
    fprintf(out, "(%s " DIVIDE " %s) " TIMES " 100 = %s%%\n", lost, s,
            f->churn_rate.text);
}

static void emit_simple(FILE *out, const struct rt_figures *f, const char *s,
                        const char *e)
{
    field_label(out, RT_FIELD_SIMPLE_RETENTION_RATE);
    fprintf(out, "(%s " DIVIDE " %s) " TIMES " 100 = %s%%\n", e, s,
            f->simple_retention_rate.text);
    field_label(out, RT_FIELD_SIMPLE_CHURN_RATE);
    fprintf(out, "[(%s " MINUS " %s) " DIVIDE " %s] " TIMES " 100 = %s%%\n", s,
            e, s, f->simple_churn_rate.text);
}

/*
 * Without N the simple rate is all there is, and it hides turnover: the
 * note shows two histories it cannot tell apart, with the user's numbers.
 */
static void emit_simple_note(FILE *out, const struct rt_figures *f,
                             const char *s, const char *e)
{
    uint64_t start = f->counts.start, end = f->counts.end;
    uint64_t lost = start > end ? start - end : 0;
    uint64_t won = end > start ? end - start : 0;

    fprintf(out,
            "\nThe simple rate cannot tell %llu lost and %llu won from "
            "%llu lost and %llu won:\nboth go from %s to %s. Give the "
            "count of new customers (N) for the\nretention rate.\n",
            (unsigned long long)lost, (unsigned long long)won,
            (unsigned long long)lost + 20, (unsigned long long)won + 20, s, e);
}

void rt_emit_text(FILE *out, const struct rt_figures *figures)
{
    char s[RT_NUMBER_TEXT_SIZE], e[RT_NUMBER_TEXT_SIZE];
    char n[RT_NUMBER_TEXT_SIZE];

    format_count(figures->counts.start, s);
    format_count(figures->counts.end, e);
    format_count(figures->counts.new_customers, n);
    emit_counts(out, figures, s, e, n);
    emit_retention(out, figures, s, e, n);
    emit_simple(out, figures, s, e);
    if (!figures->counts.has_new)
        emit_simple_note(out, figures, s, e);
}
