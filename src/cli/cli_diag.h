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

#include "describe.h"
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
    CLI_EXIT_FAILURE = 3,      /* output could not be written, or no memory */
    CLI_EXIT_INTERNAL = 4      /* a check of the counts failed: a bug */
};

/* "retain: MESSAGE" on stderr. */
void cli_error(const char *format, ...) CLI_PRINTF(1, 2);

/* "retain: warning: MESSAGE" on stderr. */
void cli_warning(const char *format, ...) CLI_PRINTF(1, 2);

/*
 * cli_error() followed by a line pointing at the help of `command`
 * ("batch": retain batch --help), or at retain --help when it is NULL.
 */
void cli_usage_error(const char *command, const char *format, ...)
    CLI_PRINTF(2, 3);

/*
 * Prints a library diagnostic (struct rt_reporter's function):
 * "retain: FILE:LINE: error: MESSAGE", without LINE when it is 0 and
 * without both when file is NULL.  `context` is unused.
 */
void cli_report(void *context, enum rt_severity severity, const char *file,
                uint64_t line, const char *message);

/*
 * Flushes and closes stdout: called once, by cli_main(), after the
 * command has run (commands never call it).  Returns `status` when that worked,
 * and otherwise reports the write error and returns CLI_EXIT_FAILURE.  A reader
 * that went away is such an error too (EPIPE, where SIGPIPE is ignored; by
 * default the signal ends the run): the output is incomplete, and an exit
 * status of 0 must never say otherwise.
 */
int cli_close_stdout(int status);

#endif
