/* svg_probe.c - see svg_probe.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "run.h"
#include "svg_probe.h"

long svg_tenths(const char *text)
{
    long value = 0;
    bool negative = *text == '-';

    text += negative;
    while (*text >= '0' && *text <= '9')
        value = value * 10 + (*text++ - '0');
    value *= 10;
    if (*text == '.' && text[1] >= '0' && text[1] <= '9')
        value += text[1] - '0';
    return negative ? -value : value;
}

long svg_characters(const char *text, size_t len)
{
    long count = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        if (text[i] == '&') {
            while (i < len && text[i] != ';')
                i++;
            count++;
        } else if (((unsigned char)text[i] & 0xc0) != 0x80) {
            count++;
        }
    }
    return count;
}
