/* wide.c - formatting of exact signed counts. */
#include "digits.h"
#include "retain.h"

size_t rt_wide_write(struct rt_wide value, char *buf)
{
    size_t n = 0;

    if (value.negative && value.magnitude != 0)
        buf[n++] = '-';
    return n + rt_digits_write(value.magnitude, buf + n);
}

struct rt_wide rt_wide_difference(uint64_t a, uint64_t b)
{
    struct rt_wide d;

    d.negative = a < b;
    d.magnitude = a < b ? b - a : a - b;
    return d;
}

void rt_wide_format(struct rt_wide value, char buf[RT_NUMBER_TEXT_SIZE])
{
    buf[rt_wide_write(value, buf)] = '\0';
}
