/*
 * amount.c - money and rates as exact decimals.
 *
 * Formulas that take a rate are where 5 and 0.05 get mixed up, so a rate
 * must say which it is: "5%" or "0.05".  A bare "5" could be either and is
 * refused.  Amounts are kept in millionths, so that every decimal a user
 * can write is held exactly; binary floating point would turn 0.10 into
 * 0.1000000000000000055511151231257827.
 */
#include <stdio.h>
#include <string.h>

#include "retain.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Names what is wrong with text that is not digits, a point and digits. */
static enum rt_status shape_problem(const char *text, size_t len)
{
    if (text[0] == ' ' || text[len - 1] == ' ' || text[0] == '\t' ||
        text[len - 1] == '\t')
        return RT_ERR_SPACE;
    if (text[0] == '+')
        return RT_ERR_PLUS;
    if (text[0] == '-')
        return RT_ERR_NEGATIVE;
    return RT_ERR_NOT_NUMBER;
}

/*
 * Reads digits[.digits] with at most `decimals` after the point as a
 * count of 10^-decimals units; *has_point says whether there was a point.
 */
static enum rt_status read_decimal(const char *text, size_t len,
                                   unsigned decimals, uint64_t *units,
                                   bool *has_point)
{
    size_t i, point = len, after;
    uint64_t value = 0;
    unsigned k;

    if (len == 0)
        return RT_ERR_EMPTY;
    for (i = 0; i < len; i++) {
        if (text[i] == '.' && point == len && i > 0 && i + 1 < len)
            point = i;
        else if (!is_digit(text[i]))
            return shape_problem(text, len);
    }
    *has_point = point < len;
    after = *has_point ? len - point - 1 : 0;
    if (after > decimals)
        return RT_ERR_DECIMALS;
    for (i = 0; i < len; i++) {
        uint64_t digit = (uint64_t)(text[i] - '0');

        if (i == point)
            continue;
        if (value > (RT_COUNT_MAX - digit) / 10)
            return RT_ERR_RANGE;
        value = value * 10 + digit;
    }
    for (k = (unsigned)after; k < decimals; k++) {
        if (value > RT_COUNT_MAX / 10)
            return RT_ERR_RANGE;
        value *= 10;
    }
    *units = value;
    return RT_OK;
}

enum rt_status rt_amount_parse(const char *text, size_t len,
                               enum rt_amount_kind kind, uint64_t *micros)
{
    bool percent = kind == RT_AMOUNT_RATE && len > 0 && text[len - 1] == '%';
    bool has_point = false;
    uint64_t units;
    enum rt_status status;

    /* 10^-4 of a percent is 10^-6 of the whole: millionths either way. */
    if (percent)
        status = read_decimal(text, len - 1, RT_PERCENT_DECIMALS, &units,
                              &has_point);
    else
        status = read_decimal(text, len, RT_MONEY_DECIMALS, &units, &has_point);
    if (status != RT_OK)
        return status;
    if (kind == RT_AMOUNT_RATE && !percent && !has_point)
        return RT_ERR_BARE_RATE;
    *micros = units;
    return RT_OK;
}

void rt_amount_format(uint64_t micros, unsigned decimals, bool percent,
                      char *buf, size_t size)
{
    unsigned places = percent ? RT_PERCENT_DECIMALS : RT_MONEY_DECIMALS;
    uint64_t scale = percent ? 10000 : RT_MICRO;
    char fraction[RT_VALUE_TEXT_SIZE];
    unsigned keep = places;

    if (decimals > RT_VALUE_TEXT_SIZE - 1)
        decimals = RT_VALUE_TEXT_SIZE - 1;
    snprintf(fraction, sizeof fraction, "%0*llu", (int)places,
             (unsigned long long)(micros % scale));
    while (keep > decimals && fraction[keep - 1] == '0')
        keep--;
    while (keep < decimals) /* more decimals than are held: zeros */
        fraction[keep++] = '0';
    fraction[keep] = '\0';
    snprintf(buf, size, "%llu%s%s", (unsigned long long)(micros / scale),
             keep ? "." : "", fraction);
}
