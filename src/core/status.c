/* status.c - the phrase for each enum rt_status. */
#include "retain.h"

const char *rt_status_text(enum rt_status status)
{
    switch (status) {
    case RT_OK:
        return "success";
    case RT_ERR_EMPTY:
        return "empty value";
    case RT_ERR_SPACE:
        return "white space is not allowed";
    case RT_ERR_PLUS:
        return "a leading '+' is not allowed";
    case RT_ERR_NEGATIVE:
        return "a count cannot be negative";
    case RT_ERR_SEPARATOR:
        return "thousands separators are not allowed";
    case RT_ERR_FRACTION:
        return "not a whole number";
    case RT_ERR_EXPONENT:
        return "exponent notation is not allowed";
    case RT_ERR_HEX:
        return "only decimal digits are allowed";
    case RT_ERR_NOT_NUMBER:
        return "not a whole number";
    case RT_ERR_RANGE:
        return "too large";
    case RT_ERR_ZERO_START:
        return "start is 0, so no rate is defined";
    case RT_ERR_PRECISION:
        return "precision out of range";
    case RT_ERR_BUFFER:
        return "buffer too small";
    case RT_ERR_IO:
        return "write error";
    case RT_ERR_NOMEM:
        return "out of memory";
    case RT_ERR_DECIMALS:
        return "too many decimals";
    case RT_ERR_BARE_RATE:
        return "a rate needs '%' or a decimal point";
    case RT_ERR_INVALID:
        return "invalid argument";
    }
    return "unknown error";
}
