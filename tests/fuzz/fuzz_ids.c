/*
 * fuzz_ids.c - the ID-list reader and the set arithmetic behind retain
 * ids.  The first byte picks --trim and --ignore-case; the rest is split
 * at its first NUL into a start list and an end list.  Checks that the
 * counts can all be true (N <= E, E - N <= S), that S is at most the lines
 * of the start list, and that the retained IDs are the same whichever list
 * comes first.  Uses fmemopen (POSIX), as the tests may.
 */
#define _POSIX_C_SOURCE 200809L
#include <string.h>

#include "fuzz.h"
#include "ids.h"

static void quiet(void *context, enum rt_severity severity, const char *file,
                  uint64_t line, const char *message)
{
    (void)context, (void)severity, (void)file, (void)line, (void)message;
}

static bool count(const struct rt_ids_options *options, const char *first,
                  size_t first_len, const char *second, size_t second_len,
                  struct rt_counts *out)
{
    static const uint64_t key[2] = {0x0123456789abcdefu, 0xfedcba9876543210u};
    struct rt_reporter reporter = {quiet, NULL};
    struct rt_ids ids;
    FILE *a = fmemopen((void *)first, first_len ? first_len : 1, "rb");
    FILE *b = fmemopen((void *)second, second_len ? second_len : 1, "rb");
    bool ok;

    FUZZ_CHECK(a && b, "fmemopen");
    if (first_len == 0)
        fgetc(a); /* fmemopen wants a size of 1 at least: read it away */
    if (second_len == 0)
        fgetc(b);
    rt_ids_init(&ids, options, reporter, key);
    ok = rt_ids_read_start(&ids, a, "start") == RT_IDS_OK &&
         rt_ids_read_end(&ids, b, "end") == RT_IDS_OK;
    if (ok)
        *out = rt_ids_counts(&ids);
    rt_ids_free(&ids);
    fclose(a);
    fclose(b);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rt_ids_options options = {false, false, NULL, 0, false};
    struct rt_counts ab, ba;
    const char *text = (const char *)data + 1, *nul;
    size_t len, first_len, lines = 1, i;

    if (size == 0)
        return 0;
    options.trim = data[0] & 1;
    options.ignore_case = data[0] & 2;
    len = size - 1;
    nul = memchr(text, '\0', len);
    first_len = nul ? (size_t)(nul - text) : len;
    const char *second = nul ? nul + 1 : text + len;
    size_t second_len = nul ? len - first_len - 1 : 0;

    if (!count(&options, text, first_len, second, second_len, &ab) ||
        !count(&options, second, second_len, text, first_len, &ba))
        return 0;
    for (i = 0; i < first_len; i++)
        lines += text[i] == '\n';
    FUZZ_CHECK(ab.new_customers <= ab.end, "N <= E");
    FUZZ_CHECK(ab.end - ab.new_customers <= ab.start, "E - N <= S");
    FUZZ_CHECK(ab.start <= lines, "S is at most the start list's lines");
    FUZZ_CHECK(ab.start == ba.end && ab.end == ba.start,
               "a list counts the same at either end");
    FUZZ_CHECK(ab.end - ab.new_customers == ba.end - ba.new_customers,
               "the retained IDs are the same both ways");
    return 0;
}
