/*
 * describe.h - wording of problems with input values (internal).
 *
 * Shared by the command line and the batch engine, so that a bad count
 * reads the same in an option and in a file.
 */
#ifndef RETAIN_DESCRIBE_H
#define RETAIN_DESCRIBE_H

#include <stddef.h>
#include <stdint.h>

#include "retain.h"

/*
 * How serious a problem with the input is.  The library reports each one
 * through a struct rt_reporter and never prints it itself.
 */
enum rt_severity { RT_SEVERITY_WARNING, RT_SEVERITY_ERROR };

/* Receives every diagnostic: "FILE:LINE: error: MESSAGE" for the CLI. */
struct rt_reporter {
    void (*report)(void *context, enum rt_severity severity, const char *file,
                   uint64_t line, const char *message);
    void *context;
};

/* A value quoted by rt_quote_value(), a message about one, and a file name
   quoted by rt_quote_name() fit here. */
#define RT_QUOTE_SIZE   300
#define RT_MESSAGE_SIZE 640
#define RT_NAME_SIZE    1024

/*
 * Writes text between single quotes for a message, escaped as utf8.h
 * says (\n, \x{00}, \u{202e}, \\ ...) and with a single quote as \', and cut
 * with "..." after 72 bytes of it, or sooner when its escapes fill buf, so a
 * message stays one readable line whatever the input held.
 */
void rt_quote_value(const char *text, size_t len, char *buf, size_t size);

/*
 * How a message shows a file name: the name itself when every byte of it
 * shows as it is (backslashes included) and none is a single quote, else
 * quoted and escaped as rt_quote_value() does, whole unless it overflows
 * buf (RT_NAME_SIZE bytes), so that a line break in a name cannot split a
 * message.
 * Returns name or buf.
 */
const char *rt_quote_name(const char *name, char *buf, size_t size);

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
