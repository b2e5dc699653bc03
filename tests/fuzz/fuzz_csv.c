/*
 * fuzz_csv.c - the CSV/TSV reader.  The first byte picks the delimiter and
 * whether quotes count.  Every record read whole is written again as CSV
 * (every field quoted, quotes doubled) and read back: the fields must be
 * the same bytes.  Line numbers must grow, and every record is either
 * fine or says which field went wrong.
 */
#include <string.h>

#include "csv.h"
#include "fuzz.h"

struct text {
    char *data;
    size_t len, cap;
};

static void put(struct text *t, const char *data, size_t len)
{
    if (t->len + len > t->cap) {
        t->cap = (t->len + len) * 2 + 64;
        t->data = realloc(t->data, t->cap);
        FUZZ_CHECK(t->data != NULL, "memory for the copy");
    }
    memcpy(t->data + t->len, data, len);
    t->len += len;
}

static void encode(struct text *t, const struct rt_csv_record *record)
{
    size_t i, j;

    for (i = 0; i < record->count; i++) {
        const struct rt_csv_field *f = &record->fields[i];

        put(t, i ? ",\"" : "\"", i ? 2 : 1);
        for (j = 0; j < f->len; j++) {
            put(t, f->data + j, 1);
            if (f->data[j] == '"')
                put(t, "\"", 1);
        }
        put(t, "\"", 1);
    }
    put(t, "\n", 1);
}

/* Reads the copy back and compares it, record by record, with the input. */
static void compare(const struct text *copy, const uint8_t *data, size_t size,
                    char delimiter, bool quoting)
{
    struct rt_csv original, again;
    struct rt_csv_record a, b;
    size_t i;

    FUZZ_CHECK(rt_csv_init_memory(&original, (const char *)data, size,
                                  delimiter, quoting) == RT_OK &&
                   rt_csv_init_memory(&again, copy->data, copy->len, ',',
                                      true) == RT_OK,
               "readers start");
    while (rt_csv_read(&original, &a) == RT_CSV_RECORD) {
        if (a.problem != RT_CSV_FINE)
            continue;
        FUZZ_CHECK(rt_csv_read(&again, &b) == RT_CSV_RECORD,
                   "the copy has as many records");
        FUZZ_CHECK(b.problem == RT_CSV_FINE && b.count == a.count,
                   "the copy has as many fields");
        for (i = 0; i < a.count; i++)
            FUZZ_CHECK(a.fields[i].len == b.fields[i].len &&
                           memcmp(a.fields[i].data, b.fields[i].data,
                                  a.fields[i].len) == 0,
                       "the copy has the same fields");
    }
    FUZZ_CHECK(rt_csv_read(&again, &b) == RT_CSV_END, "no more in the copy");
    rt_csv_free(&original);
    rt_csv_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delimiters[] = {',', ';', '\t', '|'};
    struct rt_csv reader;
    struct rt_csv_record record;
    struct text copy = {NULL, 0, 0};
    enum rt_csv_result got;
    uint64_t last_line = 0;
    char delimiter;
    bool quoting;

    if (size == 0)
        return 0;
    delimiter = delimiters[data[0] % 4];
    quoting = !(data[0] & 4);
    data++, size--;
    if (rt_csv_init_memory(&reader, (const char *)data, size, delimiter,
                           quoting) != RT_OK)
        return 0;
    while ((got = rt_csv_read(&reader, &record)) == RT_CSV_RECORD) {
        FUZZ_CHECK(record.line > last_line, "line numbers grow");
        FUZZ_CHECK(record.problem == RT_CSV_FINE ||
                       record.problem_field < record.count + 1,
                   "a problem names its field");
        last_line = record.line + record.lines - 1;
        if (record.problem == RT_CSV_FINE)
            encode(&copy, &record);
    }
    FUZZ_CHECK(got == RT_CSV_END, "memory input reads to its end");
    rt_csv_free(&reader);
    compare(&copy, data, size, delimiter, quoting);
    free(copy.data);
    return 0;
}
