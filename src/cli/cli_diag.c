/* cli_diag.c - see cli_diag.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli_diag.h"

static void vreport(const char *prefix, const char *format, va_list args)
{
    fputs("retain: ", stderr);
    fputs(prefix, stderr);
    /* Every caller has started args with va_start: */
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized) */
    vfprintf(stderr, format, args);
    putc('\n', stderr);
}

void cli_error(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vreport("", format, args);
    va_end(args);
}

void cli_warning(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vreport("warning: ", format, args);
    va_end(args);
}

void cli_usage_error(const char *command, const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vreport("", format, args);
    va_end(args);
    fprintf(stderr, "Try 'retain %s%s--help' for more information.\n",
            command ? command : "", command ? " " : "");
}

void cli_report(void *context, enum rt_severity severity, const char *file,
                uint64_t line, const char *message)
{
    const char *kind = severity == RT_SEVERITY_ERROR ? "error: " : "warning: ";
    char shown[RT_NAME_SIZE];

    (void)context;
    /* A line break in a file name must not split the message. */
    if (file)
        file = rt_quote_name(file, shown, sizeof shown);
    if (!file)
        cli_error("%s", message);
    else if (line == 0)
        cli_error("%s: %s%s", file, kind, message);
    else
        cli_error("%s:%llu: %s%s", file, (unsigned long long)line, kind,
                  message);
}

int cli_close_stdout(int status)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int saved = errno;

    /* Not when cli_main runs again and again in one process, on the same
       stdout (the fuzzer, the out-of-memory test). */
#ifndef RETAIN_IN_PROCESS
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
#endif
    if (failed) {
        cli_error("write error on standard output: %s", strerror(saved));
        return CLI_EXIT_FAILURE;
    }
    /* A summary goes to stderr: a failed write there is lost output too,
       with nowhere left to say so but the exit status (as gnulib's
       close_stdout does). */
    if ((fflush(stderr) != 0 || ferror(stderr)) &&
        status <= CLI_EXIT_INCONSISTENT)
        return CLI_EXIT_FAILURE;
    return status;
}
