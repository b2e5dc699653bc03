/*
 * with_locale.c - runs a test program with LC_ALL set to a locale that
 * writes numbers differently from the C locale, so that a locale
 * dependence in retain would fail the test (POSIX; tests only).
 *
 *   with_locale LOCALE PROGRAM [ARG]...
 *
 * Only a locale that is installed can show such a dependence: setting
 * LC_ALL to a missing one changes nothing, and the test would pass without
 * having tested anything.  So a missing locale ends the run: with status
 * 77, which CTest reports as skipped, or with status 1, a failure, when
 * RETAIN_REQUIRE_LOCALES is set (tests/check.sh sets it, after installing
 * the locale).
 */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SKIPPED 77

static int missing(const char *name, const char *why)
{
    bool required = getenv("RETAIN_REQUIRE_LOCALES") != NULL;

    fprintf(stderr,
            "with_locale: %s: the locale %s %s (tests/check.sh installs it: "
            "apt-get install locales; localedef -i de_DE -f UTF-8 "
            "de_DE.UTF-8)\n",
            required ? "error" : "skipped", name, why);
    return required ? 1 : SKIPPED;
}

int main(int argc, char **argv)
{
    const struct lconv *numbers;

    if (argc < 3) {
        fprintf(stderr, "usage: with_locale LOCALE PROGRAM [ARG]...\n");
        return 2;
    }
    if (!setlocale(LC_ALL, argv[1]))
        return missing(argv[1], "is not installed");
    /* A locale whose decimal point is a dot could not show the hazard. */
    numbers = localeconv();
    if (strcmp(numbers->decimal_point, ".") == 0)
        return missing(argv[1], "writes a decimal point, not a comma");
    if (setenv("LC_ALL", argv[1], 1) != 0) {
        perror("with_locale: setenv");
        return 1;
    }
    execvp(argv[2], argv + 2);
    perror(argv[2]);
    return 1;
}
