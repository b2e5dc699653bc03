/*
 * fuzz_partial.c - the reader of the parts that --partial writes and
 * retain merge adds.  Any bytes: either refused with a message, or read;
 * a part read is written back, and what is written reads again into the
 * same bytes (the writer and the reader agree), and adding it to itself
 * doubles its counts or says they are too large.
 */
#include <string.h>

#include "fuzz.h"
#include "part.h"

static void quiet(void *context, enum rt_severity severity, const char *file,
                  uint64_t line, const char *message)
{
    (void)context, (void)severity, (void)file, (void)line;
    FUZZ_CHECK(message[0] != '\0', "a diagnostic says something");
}

/* Reads text as a part and writes it (its sum, once finished) to out. */
static bool read_write(const char *text, size_t len, struct rt_sink *out)
{
    struct rt_reporter reporter = {quiet, NULL};
    struct rt_part part;
    bool ok;

    rt_part_init(&part, "");
    ok = rt_part_read(&part, text, len, "part", reporter) &&
         rt_part_finish(&part) == RT_OK;
    if (ok)
        rt_part_write(&part, out);
    rt_part_free(&part);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rt_sink once, twice;

    rt_sink_init_memory(&once);
    rt_sink_init_memory(&twice);
    if (read_write((const char *)data, size, &once)) {
        FUZZ_CHECK(!once.failed, "the part is written");
        FUZZ_CHECK(read_write(once.buf, once.len, &twice),
                   "a part written reads again");
        FUZZ_CHECK(twice.len == once.len &&
                       memcmp(twice.buf, once.buf, once.len) == 0,
                   "a part read and written again is the same");
    }
    rt_sink_free(&once);
    rt_sink_free(&twice);
    return 0;
}
