/* digits.c - see digits.h. */
#include "digits.h"

static const char digit_pairs[201] = "00010203040506070809"
                                     "10111213141516171819"
                                     "20212223242526272829"
                                     "30313233343536373839"
                                     "40414243444546474849"
                                     "50515253545556575859"
                                     "60616263646566676869"
                                     "70717273747576777879"
                                     "80818283848586878889"
                                     "90919293949596979899";

void rt_digits_pair(uint64_t v, char *buf)
{
    buf[0] = digit_pairs[v * 2];
    buf[1] = digit_pairs[v * 2 + 1];
}

char *rt_digits_backward(uint64_t v, char *end)
{
    char *p = end;

    while (v >= 100) {
        const char *pair = digit_pairs + (v % 100) * 2;
        v /= 100;
        *--p = pair[1];
        *--p = pair[0];
    }
    if (v >= 10) {
        *--p = digit_pairs[v * 2 + 1];
        *--p = digit_pairs[v * 2];
    } else {
        *--p = (char)('0' + v);
    }
    return p;
}

size_t rt_digits_count(uint64_t v)
{
    size_t n = 1;

    while (v >= 10000) {
        v /= 10000;
        n += 4;
    }
    return n + (v >= 10) + (v >= 100) + (v >= 1000);
}

size_t rt_digits_write(uint64_t v, char *buf)
{
    size_t len = rt_digits_count(v);

    rt_digits_backward(v, buf + len);
    return len;
}
