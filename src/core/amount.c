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

/*
 * True when every comma in text is followed by three digits and then a
 * comma, a point or the end, as in 1,000 or 1,000.50; a comma anywhere else
 * (49,90) is a decimal comma.
 */
static bool commas_group_thousands(const char *text, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if (text[i] != ',')
            continue;
        if (i + 3 >= len)
            return false;
        if (!is_digit(text[i + 1]) || !is_digit(text[i + 2]) ||
            !is_digit(text[i + 3]) ||
            (i + 4 < len && text[i + 4] != ',' && text[i + 4] != '.'))
            return false;
    }
    return true;
}

/*
 * Names what is wrong with text that is not digits, a point and digits,
 * in the words the count parser uses for the same mistakes.
 */
static enum rt_status shape_problem(const char *text, size_t len)
{
    if (text[0] == ' ' || text[len - 1] == ' ' || text[0] == '\t' ||
        text[len - 1] == '\t')
        return RT_ERR_SPACE;
    if (text[0] == '+')
        return RT_ERR_PLUS;
    if (text[0] == '-')
        return RT_ERR_NEGATIVE;
    if (len > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        return RT_ERR_HEX;
    if (memchr(text, '_', len) || memchr(text, '\'', len))
        return RT_ERR_SEPARATOR;
    if (memchr(text, ',', len))
        return commas_group_thousands(text, len) ? RT_ERR_SEPARATOR
                                                 : RT_ERR_FRACTION;
    if (is_digit(text[0]) && (memchr(text, 'e', len) || memchr(text, 'E', len)))
        return RT_ERR_EXPONENT;
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
    uint64_t units = 0;
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
