/*
 * percent.c - exact percentages, rounded half away from zero.
 *
 * A rate with p digits after the point is the integer
 * q = round(num * 10^(p+2) / den) printed with the point p places from the
 * right.  When num * 10^(p+2) fits in 64 bits (every realistic count) one
 * hardware division gives q.  Otherwise long division produces q's digits
 * one by one, which works for any operands below 2^124.  Both paths round
 * the same way: up when the remainder is at least half the divisor.
 */
#include <string.h>

#include "digits.h"
#include "percent.h"

/* Integer part (39) + fraction digits (14) + carry (1). */
#define DIGITS_MAX (RT_U128_DIGITS + RT_PRECISION_MAX + 3)

static const uint64_t powers_of_ten[] = {
    UINT64_C(1),
    UINT64_C(10),
    UINT64_C(100),
    UINT64_C(1000),
    UINT64_C(10000),
    UINT64_C(100000),
    UINT64_C(1000000),
    UINT64_C(10000000),
    UINT64_C(100000000),
    UINT64_C(1000000000),
    UINT64_C(10000000000),
    UINT64_C(100000000000),
    UINT64_C(1000000000000),
    UINT64_C(10000000000000),
    UINT64_C(100000000000000),
};

/* Adds one to a string of decimal digits; may lengthen it by one. */
static size_t increment_digits(char *digits, size_t len)
{
    size_t i = len;

    while (i > 0) {
        if (digits[i - 1] != '9') {
            digits[i - 1]++;
            return len;
        }
        digits[--i] = '0';
    }
    memmove(digits + 1, digits, len);
    digits[0] = '1';
    return len + 1;
}

/*
 * Writes the digits of q (no leading zeros but one) with a point `precision`
 * places from the right and a '-' when negative and q is not zero.
 */
static enum rt_status place_point(bool negative, const char *digits, size_t len,
                                  unsigned precision, char *buf, size_t size)
{
    size_t lead = 0, n = 0, i;

    while (lead + 1 < len && digits[lead] == '0')
        lead++;
    digits += lead;
    len -= lead;
    if (len == 1 && digits[0] == '0')
        negative = false;
    if (size < len + precision + 4)
        return RT_ERR_BUFFER;
    if (negative)
        buf[n++] = '-';
    if (len <= precision) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (i = len; i < precision; i++)
            buf[n++] = '0';
        memcpy(buf + n, digits, len);
        n += len;
    } else {
        memcpy(buf + n, digits, len - precision);
        n += len - precision;
        if (precision > 0) {
            buf[n++] = '.';
            memcpy(buf + n, digits + len - precision, precision);
            n += precision;
        }
    }
    buf[n] = '\0';
    return RT_OK;
}

enum rt_status rt_percent_long(bool negative, struct rt_u128 num,
                               struct rt_u128 den, unsigned precision,
                               char *buf, size_t size)
{
    char digits[DIGITS_MAX + 1];
    struct rt_u128 quot, rem, twice;
    unsigned i;
    size_t len;
    bool overflow = false;

    if (rt_u128_is_zero(den))
        return RT_ERR_ZERO_START;
    if (precision > RT_PRECISION_MAX)
        return RT_ERR_PRECISION;
    if (den.hi >> 60)
        return RT_ERR_RANGE;
    rt_u128_divmod(num, den, &quot, &rem);
    len = rt_u128_format(quot, digits);
    for (i = 0; i < precision + 2; i++) {
        char digit = '0';

        rem = rt_u128_mul_small(rem, 10, &overflow);
        while (rt_u128_cmp(rem, den) >= 0) {
            rem = rt_u128_sub(rem, den);
            digit++;
        }
        digits[len++] = digit;
    }
    twice = rt_u128_add(rem, rem, &overflow);
    if (rt_u128_cmp(twice, den) >= 0)
        len = increment_digits(digits, len);
    return place_point(negative, digits, len, precision, buf, size);
}

/*
 * Writes q / 10^precision with its point, e.g. q = 7000, precision 2:
 * "70.00", straight into buf: the length is known first, so the digits go
 * in place from the right.
 */
static size_t write_scaled(bool negative, uint64_t q, unsigned precision,
                           char *buf)
{
    size_t digits = rt_digits_count(q), whole, len;
    bool sign = negative && q != 0;
    char *p;
    unsigned i;

    whole = digits > precision ? digits - precision : 1;
    len = sign + whole + (precision > 0) + precision;
    p = buf + len;
    *p = '\0';
    for (i = 0; i + 1 < precision; i += 2) {
        p -= 2;
        rt_digits_pair(q % 100, p);
        q /= 100;
    }
    if (i < precision) {
        *--p = (char)('0' + q % 10);
        q /= 10;
    }
    if (precision > 0)
        *--p = '.';
    rt_digits_backward(q, p);
    if (sign)
        buf[0] = '-';
    return len;
}

/* q rounded half away from zero, given the remainder r of a division by d. */
static uint64_t rounded(uint64_t q, uint64_t r, uint64_t d)
{
    return q + (r >= d - r);
}

enum rt_status rt_percent_u128(bool negative, struct rt_u128 num,
                               struct rt_u128 den, unsigned precision,
                               char *buf, size_t size)
{
    uint64_t scale, scaled;

    if (precision > RT_PRECISION_MAX || num.hi != 0 || den.hi != 0 ||
        den.lo == 0 || size < RT_RATE_TEXT_SIZE)
        return rt_percent_long(negative, num, den, precision, buf, size);
    scale = powers_of_ten[precision + 2];
    if (num.lo > UINT64_MAX / scale)
        return rt_percent_long(negative, num, den, precision, buf, size);
    scaled = num.lo * scale;
    write_scaled(negative, rounded(scaled / den.lo, scaled % den.lo, den.lo),
                 precision, buf);
    return RT_OK;
}

enum rt_status rt_percent_format(struct rt_wide num, uint64_t den,
                                 unsigned precision, char *buf, size_t size)
{
    return rt_percent_u128(num.negative, rt_u128_from(num.magnitude),
                           rt_u128_from(den), precision, buf, size);
}

enum rt_status rt_rate_set(struct rt_rate *rate, struct rt_wide num,
                           uint64_t den, unsigned precision)
{
    enum rt_status status =
        rt_percent_format(num, den, precision, rate->text, sizeof rate->text);

    rate->known = status == RT_OK;
    rate->len = (unsigned char)(status == RT_OK ? strlen(rate->text) : 0);
    return status;
}

/*
 * With |num| * scale = q * den + r, the complement (den - num) * scale is
 * (scale - q) * den - r when 0 <= num <= den, -((q - scale) * den + r)
 * when num > den, and (scale + q) * den + r when num < 0: its quotient and
 * remainder follow from q and r, without a second division.
 */
bool rt_rate_split(struct rt_wide num, uint64_t den, unsigned precision,
                   struct rt_rate *rate, struct rt_rate *complement)
{
    uint64_t scale, scaled, q, r, cq, cr;
    bool negative = num.negative && num.magnitude != 0, below;

    if (precision > RT_PRECISION_MAX || den == 0)
        return false;
    scale = powers_of_ten[precision + 2];
    if (num.magnitude > UINT64_MAX / scale)
        return false;
    scaled = num.magnitude * scale;
    q = scaled / den;
    r = scaled % den;
    below = num.magnitude <= den; /* used only when not negative */
    if (negative) {
        cq = scale + q;
        cr = r;
    } else if (below) {
        cq = r == 0 ? scale - q : scale - q - 1;
        cr = r == 0 ? 0 : den - r;
    } else {
        cq = q - scale;
        cr = r;
    }
    rate->known = complement->known = true;
    rate->len = (unsigned char)write_scaled(negative, rounded(q, r, den),
                                            precision, rate->text);
    complement->len = (unsigned char)write_scaled(
        !negative && !below, rounded(cq, cr, den), precision, complement->text);
    return true;
}
