/*
 * digits.h - fast decimal digits of unsigned integers (internal).
 *
 * Batch output prints six numbers per row; writing two digits per step
 * from a table is several times faster than one division by 10 per digit
 * into a buffer that is then reversed.
 */
#ifndef RETAIN_DIGITS_H
#define RETAIN_DIGITS_H

#include <stddef.h>
#include <stdint.h>

#include "retain.h"

/* Longest decimal text of a 64-bit value. */
#define RT_DIGITS_U64 20

/*
 * Writes the digits of v so that the last one is just before `end`, and
 * returns a pointer to the first.  There must be RT_DIGITS_U64 bytes of
 * room before end.
 */
char *rt_digits_backward(uint64_t v, char *end);

/* Writes the two digits of v (below 100) at buf. */
void rt_digits_pair(uint64_t v, char *buf);

/* How many decimal digits v has (1 for 0). */
size_t rt_digits_count(uint64_t v);

/* Writes the digits of v at buf (no NUL); returns their count. */
size_t rt_digits_write(uint64_t v, char *buf);

/* a - b, exact, for any two 64-bit values. */
struct rt_wide rt_wide_difference(uint64_t a, uint64_t b);

/* Writes a signed count ("-50") at buf (no NUL); returns its length. */
size_t rt_wide_write(struct rt_wide value, char *buf);

#endif
