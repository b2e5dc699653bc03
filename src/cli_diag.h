/*
 * cli_diag.h - diagnostics and exit statuses of the retain command.
 *
 * Every message is one line on stderr that starts "retain: ", with the
 * literal program name so that logs read the same however it was invoked.
 */
#ifndef RETAIN_CLI_DIAG_H
#define RETAIN_CLI_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#include "retain.h"

#if defined(__GNUC__)
#define CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CLI_PRINTF(fmt, args)
#endif

/* Exit statuses, documented in --help, retain.1 and README.md. */
enum cli_exit {
    CLI_EXIT_OK = 0,           /* computed */
    CLI_EXIT_INCONSISTENT = 1, /* computed, inconsistent input and --strict */
    CLI_EXIT_USAGE = 2,        /* nothing computed: usage or invalid input */
    CLI_EXIT_FAILURE = 3       /* output could not be written, or no memory */
};

/* A value quoted by cli_quote(), and a whole message, fit in these. */
#define CLI_QUOTE_SIZE   300
#define CLI_MESSAGE_SIZE 640

/* "retain: MESSAGE" on stderr. */
void cli_error(const char *format, ...) CLI_PRINTF(1, 2);

/* "retain: warning: MESSAGE" on stderr. */
void cli_warning(const char *format, ...) CLI_PRINTF(1, 2);

/* cli_error() followed by a line pointing at --help. */
void cli_usage_error(const char *format, ...) CLI_PRINTF(1, 2);

/*
 * Writes text for a message between quotes: bytes that are not printable
 * ASCII appear as \xHH, and a very long value is cut with "...", so a
 * message stays one readable line whatever the input held.
 */
void cli_quote(const char *text, size_t len, char *buf, size_t size);

/*
 * Describes why rt_count_parse() refused text, e.g. "not a whole number:
 * '12x' (expected a whole number from 0 to 9223372036854775807)", with a
 * suggested spelling where one is clear ("(write 1000)").
 */
void cli_describe_count_error(enum rt_status status, const char *text,
                              size_t len, char *buf, size_t size);

/*
 * Flushes and closes stdout.  Returns `status` when that worked, and
 * otherwise reports the write error and returns CLI_EXIT_FAILURE; a reader
 * that went away (EPIPE) ends the run quietly, as it does for other tools.
 */
int cli_close_stdout(int status);

#endif
