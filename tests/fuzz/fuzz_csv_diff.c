/*
 * fuzz_csv_diff.c - the fast path of the CSV/TSV reader against its
 * reference.  The first byte picks the delimiter and whether quotes count,
 * the second the size of a small read buffer.  The rest is read three
 * ways, which must give the same records (fields, line numbers, raw text,
 * problems and raw fields) and end the same way:
 *
 *   reference  from a FILE, 1-byte first buffer, every record through the
 *              byte-by-byte state machine (reader->reference)
 *   fast       from a FILE, the small buffer, the fast split
 *   memory     from memory, as the parallel batch reads a block, fast split
 *
 * And rt_csv_boundary() must cut every prefix of the input exactly after
 * the last record the reader ends with a line feed inside that prefix.
 */
#include <string.h>

#include "csv.h"
#include "fuzz.h"

#define BOM_LEN 3

static FILE *file_of(const uint8_t *data, size_t size)
{
    FILE *file = tmpfile();

    FUZZ_CHECK(file != NULL, "a temporary file");
    FUZZ_CHECK(fwrite(data, 1, size, file) == size, "writing it");
    rewind(file);
    return file;
}

static bool same_fields(const struct rt_csv_field *a,
                        const struct rt_csv_field *b, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (a[i].len != b[i].len || memcmp(a[i].data, b[i].data, a[i].len))
            return false;
    return true;
}

static void compare(const struct rt_csv_record *a,
                    const struct rt_csv_record *b)
{
    FUZZ_CHECK(a->line == b->line && a->lines == b->lines, "line numbers");
    FUZZ_CHECK(a->raw_len == b->raw_len &&
                   memcmp(a->raw, b->raw, a->raw_len) == 0,
               "raw text");
    FUZZ_CHECK(a->count == b->count, "field count");
    FUZZ_CHECK(same_fields(a->fields, b->fields, a->count), "fields");
    FUZZ_CHECK(a->problem == b->problem, "problem");
    if (a->problem == RT_CSV_FINE)
        return;
    FUZZ_CHECK(a->problem_field == b->problem_field, "problem field");
    FUZZ_CHECK(same_fields(a->raw_fields, b->raw_fields, a->count),
               "raw fields");
}

/*
 * Cuts prefixes of data with rt_csv_boundary(): every prefix of a short
 * input, about 256 of a long one, and the whole.  `ends` holds the ends of
 * the records that end with a line feed, in order.
 */
static void check_boundaries(const char *data, size_t size, char delimiter,
                             bool quoting, const size_t *ends, size_t count)
{
    size_t step = size > 512 ? size / 256 : 1, len, next = 0, last = 0;

    for (len = 0;; len += step) {
        if (len > size)
            len = size;
        while (next < count && ends[next] <= len)
            last = ends[next++];
        FUZZ_CHECK(rt_csv_boundary(data, len, delimiter, quoting) == last,
                   "the block boundary is the last record end");
        if (len == size)
            break;
    }
}

static void read_all(const char *data, size_t size, char delimiter,
                     bool quoting, FILE *file_fast, FILE *file_ref,
                     size_t small)
{
    struct rt_csv ref, fast, memory;
    struct rt_csv_record r, f, m;
    enum rt_csv_result got_r, got_f, got_m;
    size_t *ends = malloc((size + 1) * sizeof *ends), count = 0;

    FUZZ_CHECK(ends != NULL, "memory for the record ends");
    FUZZ_CHECK(
        rt_csv_init_sized(&ref, file_ref, delimiter, quoting, 1) == RT_OK &&
            rt_csv_init_sized(&fast, file_fast, delimiter, quoting, small) ==
                RT_OK &&
            rt_csv_init_memory(&memory, data, size, delimiter, quoting) ==
                RT_OK,
        "readers start");
    ref.reference = true;
    for (;;) {
        got_r = rt_csv_read(&ref, &r);
        got_f = rt_csv_read(&fast, &f);
        got_m = rt_csv_read(&memory, &m);
        FUZZ_CHECK(got_r == got_f && got_r == got_m, "the same result");
        if (got_r != RT_CSV_RECORD)
            break;
        compare(&r, &f);
        compare(&r, &m);
        /* A record ends at a line feed when one follows its text; one
           the input ends in, inside quotes, holds its line feeds. */
        if ((size_t)(m.raw - data) + m.raw_len < memory.start &&
            data[memory.start - 1] == '\n')
            ends[count++] = memory.start;
    }
    FUZZ_CHECK(got_r == RT_CSV_END, "the input reads to its end");
    check_boundaries(data, size, delimiter, quoting, ends, count);
    free(ends);
    rt_csv_free(&ref);
    rt_csv_free(&fast);
    rt_csv_free(&memory);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char delimiters[] = {',', ';', '\t', '|'};
    FILE *file_fast, *file_ref;
    size_t skip = 0, small;
    char delimiter;
    bool quoting;

    if (size < 2)
        return 0;
    delimiter = delimiters[data[0] % 4];
    quoting = !(data[0] & 4);
    small = 1 + data[1] % 16;
    data += 2, size -= 2;
    file_fast = file_of(data, size);
    file_ref = file_of(data, size);
    /* A FILE reader drops a byte-order mark; a block of memory has none. */
    if (size >= BOM_LEN && memcmp(data, "\xef\xbb\xbf", BOM_LEN) == 0)
        skip = BOM_LEN;
    read_all((const char *)data + skip, size - skip, delimiter, quoting,
             file_fast, file_ref, small);
    fclose(file_fast);
    fclose(file_ref);
    return 0;
}
