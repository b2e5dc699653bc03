/*
 * count.c - strict parsing of customer counts.
 *
 * In the spirit of OpenBSD's strtonum(3): the whole text must be decimal
 * digits, bounded by RT_COUNT_MAX.  strtoull is not used because it accepts
 * signs, spaces and hexadecimal, and turns "-1" into ULLONG_MAX.  When the
 * text is refused, the status says why, so the user learns what to fix.
 */
#include <string.h>

#include "retain.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

static bool is_separator(char c)
{
    return c == ',' || c == '_' || c == '\'' || c == ' ';
}

/*
 * True when text is digit groups joined by one kind of separator, every
 * group after the first holding exactly three digits: "1,000,000" but not
 * "1,5" (a decimal comma) or "10,00".
 */
static bool is_grouped(const char *text, size_t len)
{
    char sep = 0;
    size_t i, group = 0, groups = 0;

    for (i = 0; i < len; i++) {
        if (is_digit(text[i])) {
            group++;
            continue;
        }
        if (!is_separator(text[i]) || (sep && text[i] != sep) || group == 0 ||
            (groups > 0 && group != 3))
            return false;
        sep = text[i];
        groups++;
        group = 0;
    }
    return groups > 0 && group == 3;
}

/* Names the first thing that makes `text` not a plain count. */
static enum rt_status classify(const char *text, size_t len)
{
    size_t i;

    if (len == 0)
        return RT_ERR_EMPTY;
    if (is_space(text[0]) || is_space(text[len - 1]))
        return RT_ERR_SPACE;
    if (text[0] == '+')
        return RT_ERR_PLUS;
    if (text[0] == '-')
        return RT_ERR_NEGATIVE;
    if (is_grouped(text, len))
        return RT_ERR_SEPARATOR;
    if (len > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        return RT_ERR_HEX;
    for (i = 0; i < len; i++) {
        if (text[i] == '.' || text[i] == ',')
            return RT_ERR_FRACTION;
        if ((text[i] == 'e' || text[i] == 'E') && i > 0 && is_digit(text[0]))
            return RT_ERR_EXPONENT;
        if (is_space(text[i]))
            return RT_ERR_SPACE;
    }
    return RT_ERR_NOT_NUMBER;
}

/* 18 digits cannot exceed RT_COUNT_MAX; only the 19th needs a check. */
#define SAFE_DIGITS 18

enum rt_status rt_count_parse(const char *text, size_t len, uint64_t *out)
{
    uint64_t value = 0;
    size_t i;

    if (len == 0)
        return RT_ERR_EMPTY;
    for (i = 0; i < len && i < SAFE_DIGITS; i++) {
        unsigned digit = (unsigned)(unsigned char)text[i] - '0';

        if (digit > 9)
            return classify(text, len);
        value = value * 10 + digit;
    }
    for (; i < len; i++) {
        unsigned digit = (unsigned)(unsigned char)text[i] - '0';

        if (digit > 9)
            return classify(text, len);
        if (value > (RT_COUNT_MAX - digit) / 10) {
            /* Keep scanning: "99999999999999999999x" is not a number. */
            for (; i < len; i++)
                if (!is_digit(text[i]))
                    return classify(text, len);
            return RT_ERR_RANGE;
        }
        value = value * 10 + digit;
    }
    *out = value;
    return RT_OK;
}

bool rt_count_suggest(const char *text, size_t len, char *buf, size_t size)
{
    size_t start = 0, end = len, n = 0, i;
    uint64_t ignored;

    while (start < end && is_space(text[start]))
        start++;
    while (end > start && is_space(text[end - 1]))
        end--;
    if (start < end && text[start] == '+')
        start++;
    if (start < end && !is_digit(text[start]))
        return false;
    if (!is_grouped(text + start, end - start)) {
        for (i = start; i < end; i++)
            if (!is_digit(text[i]))
                return false;
    }
    for (i = start; i < end; i++) {
        if (!is_digit(text[i]))
            continue;
        if (n + 1 >= size)
            return false;
        buf[n++] = text[i];
    }
    if (n == 0 || n == len || size == 0)
        return false;
    buf[n] = '\0';
    return rt_count_parse(buf, n, &ignored) == RT_OK;
}
