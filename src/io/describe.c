/* describe.c - see describe.h. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "describe.h"
#include "utf8.h"

/* Bytes of a value shown in a message, at most. */
#define QUOTE_MAX 72

/*
 * Shows the unit at the start of text as utf8.h says, and a single quote
 * as \' so that a reader can tell where the quoted text ends.  Returns the
 * bytes of text it stands for.
 */
static size_t show_quoted(const char *text, size_t len,
                          char shown[RT_UTF8_SHOWN_MAX], size_t *shown_len)
{
    size_t columns;

    if (text[0] == '\'') {
        shown[0] = '\\';
        shown[1] = '\'';
        *shown_len = 2;
        return 1;
    }
    return rt_utf8_show_one(text, len, shown, shown_len, &columns);
}

/*
 * Writes text between single quotes, escaped as show_quoted() does, up to
 * `most` bytes of it and as far as buf holds (size >= 8), then "..." when
 * cut.
 */
static void quote(const char *text, size_t len, size_t most, char *buf,
                  size_t size)
{
    size_t n = 0, i = 0;

    buf[n++] = '\'';
    while (i < len) {
        char shown[RT_UTF8_SHOWN_MAX];
        size_t shown_len;
        size_t used = show_quoted(text + i, len - i, shown, &shown_len);

        /* Room is kept for "...'" and the NUL after the last unit. */
        if (i + used > most || n + shown_len + 5 > size) {
            memcpy(buf + n, "...", 3);
            n += 3;
            break;
        }
        memcpy(buf + n, shown, shown_len);
        n += shown_len;
        i += used;
    }
    buf[n++] = '\'';
    buf[n] = '\0';
}

void rt_quote_value(const char *text, size_t len, char *buf, size_t size)
{
    if (size >= 8)
        quote(text, len, QUOTE_MAX, buf, size);
}

/*
 * Whether a name must be quoted: it holds a byte that is shown escaped (a
 * backslash aside, as Windows paths hold them) or a single quote.  So a
 * name shown bare never holds a quote, and one that starts with a quote
 * is always a quoted one, whose end is the first quote not escaped.
 */
static bool name_needs_quotes(const char *name)
{
    size_t len = strlen(name), i = 0;

    if (strchr(name, '\'') != NULL)
        return true;
    while (i < len) {
        char shown[RT_UTF8_SHOWN_MAX];
        size_t shown_len, columns;

        if (name[i] == '\\') {
            i++;
            continue;
        }
        i += rt_utf8_show_one(name + i, len - i, shown, &shown_len, &columns);
        if (shown[0] == '\\')
            return true;
    }
    return false;
}

const char *rt_quote_name(const char *name, char *buf, size_t size)
{
    if (!name_needs_quotes(name) || size < 8)
        return name;
    quote(name, strlen(name), SIZE_MAX, buf, size);
    return buf;
}

void rt_count_describe(enum rt_status status, const char *text, size_t len,
                       char *buf, size_t size)
{
    char quoted[RT_QUOTE_SIZE], suggestion[RT_NUMBER_TEXT_SIZE];

    rt_quote_value(text, len, quoted, sizeof quoted);
    if (rt_count_suggest(text, len, suggestion, sizeof suggestion))
        snprintf(buf, size, "%s: %s (write %s)", rt_status_text(status), quoted,
                 suggestion);
    else if (status == RT_ERR_RANGE)
        snprintf(buf, size, "%s: %s (the largest count is %llu)",
                 rt_status_text(status), quoted,
                 (unsigned long long)RT_COUNT_MAX);
    else
        snprintf(buf, size, "%s: %s (expected a whole number from 0 to %llu)",
                 rt_status_text(status), quoted,
                 (unsigned long long)RT_COUNT_MAX);
}

/* The status in words, for an amount rather than a count. */
static const char *amount_problem(enum rt_status status,
                                  enum rt_amount_kind kind)
{
    if (status == RT_ERR_FRACTION)
        return "a decimal comma is not allowed";
    if (status == RT_ERR_NOT_NUMBER)
        return "not a number";
    if (status == RT_ERR_NEGATIVE)
        return kind == RT_AMOUNT_RATE ? "a rate cannot be negative"
                                      : "an amount cannot be negative";
    return rt_status_text(status);
}

/*
 * An amount too large, with the largest of the form it was written in: a
 * rate with '%' holds 10^-4 of a percent, not 10^-6 of the whole.
 */
static void describe_range(enum rt_amount_kind kind, const char *text,
                           size_t len, const char *quoted, char *buf,
                           size_t size)
{
    bool percent = kind == RT_AMOUNT_RATE && len > 0 && text[len - 1] == '%';
    char largest[RT_VALUE_TEXT_SIZE];

    rt_amount_format(RT_COUNT_MAX, 0, percent, largest, sizeof largest);
    snprintf(buf, size, "%s: %s (the largest is %s%s)",
             rt_status_text(RT_ERR_RANGE), quoted, largest, percent ? "%" : "");
}

void rt_amount_describe(enum rt_status status, enum rt_amount_kind kind,
                        const char *text, size_t len, char *buf, size_t size)
{
    const char *problem = amount_problem(status, kind);
    char quoted[RT_QUOTE_SIZE];
    const char *expected =
        kind == RT_AMOUNT_RATE
            ? "a rate such as 10% or 0.10, with up to 4 decimals before a "
              "'%' or 6 after a point"
            : "an amount such as 49.90, in digits with up to 6 decimals";

    rt_quote_value(text, len, quoted, sizeof quoted);
    if (status == RT_ERR_BARE_RATE)
        snprintf(buf, size,
                 "%s: %s (write %.*s%% for a percentage, or a fraction with "
                 "a point such as 0.10)",
                 problem, quoted, (int)len, text);
    else if (status == RT_ERR_RANGE)
        describe_range(kind, text, len, quoted, buf, size);
    else
        snprintf(buf, size, "%s: %s (expected %s)", problem, quoted, expected);
}
