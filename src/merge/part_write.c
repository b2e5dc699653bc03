/* part_write.c - a part as text, and the adding of its records; see
 * part.h. */
#include <stdlib.h>
#include <string.h>

#include "digits.h"
#include "part.h"

static void put_text(struct rt_sink *sink, const char *text, size_t len)
{
    rt_sink_put(sink, ',');
    rt_sink_field(sink, text, len, ',');
}

static void put_count(struct rt_sink *sink, uint64_t value)
{
    char digits[RT_DIGITS_U64];

    rt_sink_put(sink, ',');
    rt_sink_write(sink, digits, rt_digits_write(value, digits));
}

static void put_period(struct rt_sink *sink, int64_t period)
{
    char digits[RT_DIGITS_U64];

    rt_sink_put(sink, ',');
    if (period == RT_PART_NO_PERIOD)
        return;
    if (period < 0)
        rt_sink_put(sink, '-');
    rt_sink_write(
        sink, digits,
        rt_digits_write(period < 0 ? 0 - (uint64_t)period : (uint64_t)period,
                        digits));
}

static void write_pairs(struct rt_sink *sink, const char *kind,
                        const struct rt_part_pair *pairs, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++) {
        rt_sink_puts(sink, kind);
        put_text(sink, pairs[i].name, strlen(pairs[i].name));
        put_text(sink, pairs[i].value, strlen(pairs[i].value));
        rt_sink_put(sink, '\n');
    }
}

static void write_record(struct rt_sink *sink, const struct rt_part *part,
                         const struct rt_part_record *record)
{
    size_t i;

    rt_sink_puts(sink, part->kind);
    rt_sink_put(sink, ',');
    if (record->group != RT_PART_OVERALL) {
        char digits[RT_DIGITS_U64];

        rt_sink_write(sink, digits, rt_digits_write(record->group, digits));
    }
    put_period(sink, record->period);
    for (i = 0; i < record->count; i++)
        put_count(sink, record->values[i]);
    rt_sink_put(sink, '\n');
}

static void write_hash(struct rt_sink *sink, uint64_t hash)
{
    static const char hex[] = "0123456789abcdef";
    char text[16];
    int i;

    for (i = 15; i >= 0; i--, hash >>= 4)
        text[i] = hex[hash & 15];
    rt_sink_puts(sink, "hash,");
    rt_sink_write(sink, text, sizeof text);
    rt_sink_put(sink, '\n');
}

void rt_part_write(const struct rt_part *part, struct rt_sink *sink)
{
    size_t i;

    rt_sink_puts(sink, RT_PART_FORMAT);
    put_count(sink, RT_PART_VERSION);
    put_text(sink, part->command, strlen(part->command));
    rt_sink_put(sink, '\n');
    write_pairs(sink, "option", part->options, part->option_count);
    write_pairs(sink, "meta", part->meta, part->meta_count);
    for (i = 0; i < part->tally_count; i++) {
        rt_sink_puts(sink, part->tallies[i].max ? "max" : "tally");
        put_text(sink, part->tallies[i].name, strlen(part->tallies[i].name));
        put_count(sink, part->tallies[i].value);
        rt_sink_put(sink, '\n');
    }
    for (i = 0; i < part->group_count; i++) {
        rt_sink_puts(sink, "group");
        put_count(sink, i);
        put_text(sink, part->groups[i].value, part->groups[i].len);
        rt_sink_put(sink, '\n');
    }
    for (i = 0; i < part->record_count; i++)
        write_record(sink, part, &part->records[i]);
    for (i = 0; i < part->hash_count; i++)
        write_hash(sink, part->hashes[i]);
    rt_sink_puts(sink, "end\n");
}

/* Records in order of group (everyone's first), then period. */
static int record_order(const void *a, const void *b)
{
    const struct rt_part_record *x = a, *y = b;
    size_t gx = x->group == RT_PART_OVERALL ? 0 : x->group + 1;
    size_t gy = y->group == RT_PART_OVERALL ? 0 : y->group + 1;

    if (gx != gy)
        return gx < gy ? -1 : 1;
    if (x->period != y->period)
        return x->period < y->period ? -1 : 1;
    return 0;
}

/* Adds from's values into into's, which grows to the longer. */
static enum rt_status add_record(struct rt_part_record *into,
                                 const struct rt_part_record *from)
{
    size_t i;

    if (from->count > into->count) {
        uint64_t *more =
            realloc(into->values, from->count * sizeof *into->values);

        if (!more)
            return RT_ERR_NOMEM;
        memset(more + into->count, 0,
               (from->count - into->count) * sizeof *more);
        into->values = more;
        into->count = from->count;
    }
    for (i = 0; i < from->count; i++) {
        if (from->values[i] > RT_COUNT_MAX - into->values[i])
            return RT_ERR_RANGE;
        into->values[i] += from->values[i];
    }
    return RT_OK;
}

enum rt_status rt_part_finish(struct rt_part *part)
{
    size_t i, kept = 0;
    enum rt_status status = RT_OK;

    if (part->record_count == 0)
        return RT_OK;
    /* qsort is not stable, but equal keys are added, so order is moot. */
    qsort(part->records, part->record_count, sizeof *part->records,
          record_order);
    for (i = 1; i < part->record_count; i++) {
        struct rt_part_record *last = &part->records[kept];

        if (record_order(last, &part->records[i]) == 0) {
            if (status == RT_OK)
                status = add_record(last, &part->records[i]);
            free(part->records[i].values);
        } else {
            part->records[++kept] = part->records[i];
        }
    }
    part->record_count = kept + 1;
    return status;
}
