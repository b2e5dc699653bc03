/*
 * fuzz_cli.c - the whole command line, in-process.  The input is split at
 * NUL bytes: up to 12 arguments after "retain", then standard input.  The
 * output goes to /dev/null.  Checks that every run ends with a documented
 * exit status (0 to 3) and neither crashes nor leaks (the sanitizers).
 *
 * Arguments with a '/' get it replaced, so that no run reads /dev/zero or
 * writes outside the scratch directory the fuzz script runs in; needs
 * POSIX for the scratch file that stands in for standard input.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include "cli_main.h"
#include "fuzz.h"

#define MAX_ARGS 12

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char program[] = "retain";
    char *copy = malloc(size + 1), *argv[MAX_ARGS + 2], *p, *end;
    int argc = 0, status;
    FILE *in;

    FUZZ_CHECK(copy != NULL, "memory for the input");
    memcpy(copy, data, size);
    copy[size] = '\0';
    argv[argc++] = program;
    p = copy, end = copy + size;
    while (argc <= MAX_ARGS && p < end && memchr(p, '\0', (size_t)(end - p))) {
        argv[argc++] = p;
        for (; *p; p++)
            if (*p == '/')
                *p = '_';
        p++;
    }
    argv[argc] = NULL;
    in = fopen("fuzz-stdin", "wb");
    FUZZ_CHECK(in != NULL, "a scratch file for standard input");
    fwrite(p, 1, p < end ? (size_t)(end - p) : 0, in);
    fclose(in);
    FUZZ_CHECK(freopen("fuzz-stdin", "rb", stdin) != NULL, "stdin reopened");
    FUZZ_CHECK(freopen("/dev/null", "wb", stdout) != NULL, "stdout reopened");
    status = cli_main(argc, argv);
    FUZZ_CHECK(status >= 0 && status <= 3, "a documented exit status");
    free(copy);
    return 0;
}
