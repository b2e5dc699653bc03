/*
 * describe.h - wording of problems with input values (internal).
 *
 * Shared by the command line and the batch engine, so that a bad count
 * reads the same in an option and in a file.
 */
#ifndef RETAIN_DESCRIBE_H
#define RETAIN_DESCRIBE_H

#include <stddef.h>

#include "retain.h"

/* A value quoted by rt_quote_value(), and a message about one, fit here. */
#define RT_QUOTE_SIZE   300
#define RT_MESSAGE_SIZE 640

/*
 * Writes text between single quotes for a message: bytes that are not
 * printable ASCII appear as \xHH, and a value longer than 72 bytes is cut
 * with "...", so a message stays one readable line whatever the input held.
 */
void rt_quote_value(const char *text, size_t len, char *buf, size_t size);

/*
 * Describes why rt_count_parse() refused text, e.g. "not a whole number:
 * '12x' (expected a whole number from 0 to 9223372036854775807)", with the
 * spelling the user probably meant where one is clear ("(write 1000)").
 */
void rt_count_describe(enum rt_status status, const char *text, size_t len,
                       char *buf, size_t size);

/*
 * Describes why rt_amount_parse() refused text, e.g. "a rate needs '%' or
 * a decimal point: '10' (write 10% or 0.10)".
 */
void rt_amount_describe(enum rt_status status, enum rt_amount_kind kind,
                        const char *text, size_t len, char *buf, size_t size);

#endif
