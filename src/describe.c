/* describe.c - see describe.h. */
#include <stdio.h>
#include <string.h>

#include "describe.h"

/* Bytes of a value shown in a message; 72 * 4 + 11 < RT_QUOTE_SIZE. */
#define QUOTE_MAX 72

void rt_quote_value(const char *text, size_t len, char *buf, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0, i;

    if (size < 8)
        return;
    buf[n++] = '\'';
    for (i = 0; i < len && n + 9 < size; i++) {
        unsigned char c = (unsigned char)text[i];

        if (i == QUOTE_MAX) {
            memcpy(buf + n, "...", 3);
            n += 3;
            break;
        }
        if (c >= 0x20 && c < 0x7f) {
            buf[n++] = (char)c;
            continue;
        }
        buf[n++] = '\\';
        buf[n++] = 'x';
        buf[n++] = hex[c >> 4];
        buf[n++] = hex[c & 15];
    }
    buf[n++] = '\'';
    buf[n] = '\0';
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
