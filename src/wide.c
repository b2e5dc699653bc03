/* wide.c - formatting of exact signed counts. */
#include "retain.h"

void rt_wide_format(struct rt_wide value, char buf[RT_NUMBER_TEXT_SIZE])
{
    char rev[20];
    uint64_t m = value.magnitude;
    size_t n = 0, len = 0;

    do {
        rev[len++] = (char)('0' + m % 10);
        m /= 10;
    } while (m != 0);
    if (value.negative && value.magnitude != 0)
        buf[n++] = '-';
    while (len > 0)
        buf[n++] = rev[--len];
    buf[n] = '\0';
}
