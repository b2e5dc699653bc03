/* cli_diag.c - see cli_diag.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli_diag.h"

/* Bytes of a value shown in a message; 72 * 4 + 11 < CLI_QUOTE_SIZE. */
#define QUOTE_MAX 72

static void vreport(const char *prefix, const char *format, va_list args)
{
    fputs("retain: ", stderr);
    fputs(prefix, stderr);
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

void cli_usage_error(const char *format, ...)
{
    va_list args;

    va_start(args, format);
    vreport("", format, args);
    va_end(args);
    fputs("Try 'retain --help' for more information.\n", stderr);
}

void cli_quote(const char *text, size_t len, char *buf, size_t size)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0, i;

    if (size < 8)
        return;
    buf[n++] = '\'';
    for (i = 0; i < len && n + 9 < size; i++) {
        unsigned char c = (unsigned char)text[i];

        if (i == QUOTE_MAX) {
            memcpy(buf + n, "...", 3);
            n += 3;
            break;
        }
        if (c >= 0x20 && c < 0x7f) {
            buf[n++] = (char)c;
            continue;
        }
        buf[n++] = '\\';
        buf[n++] = 'x';
        buf[n++] = hex[c >> 4];
        buf[n++] = hex[c & 15];
    }
    buf[n++] = '\'';
    buf[n] = '\0';
}

void cli_describe_count_error(enum rt_status status, const char *text,
                              size_t len, char *buf, size_t size)
{
    char quoted[CLI_QUOTE_SIZE], suggestion[RT_NUMBER_TEXT_SIZE];

    cli_quote(text, len, quoted, sizeof quoted);
    if (rt_count_suggest(text, len, suggestion, sizeof suggestion))
        snprintf(buf, size, "%s: %s (write %s)", rt_status_text(status), quoted,
                 suggestion);
    else if (status == RT_ERR_RANGE)
        snprintf(buf, size, "%s: %s (the largest count is %llu)",
                 rt_status_text(status), quoted,
                 (unsigned long long)RT_COUNT_MAX);
    else
        snprintf(buf, size, "%s: %s (expected a whole number from 0 to %llu)",
                 rt_status_text(status), quoted,
                 (unsigned long long)RT_COUNT_MAX);
}

int cli_close_stdout(int status)
{
    int failed = fflush(stdout) != 0 || ferror(stdout);
    int saved = errno;

    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (!failed)
        return status;
#ifdef EPIPE
    if (saved == EPIPE)
        return status;
#endif
    cli_error("write error on standard output: %s", strerror(saved));
    return CLI_EXIT_FAILURE;
}
