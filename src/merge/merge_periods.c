/* merge_periods.c - retain periods as a part, and back; see merge.h. */
#include <stdlib.h>
#include <string.h>

#include "merge.h"

#define COUNTS 8

/* The greatest period is kept as a tally: biased, so that order holds. */
#define BIAS ((uint64_t)1 << 63)

static void counts_of(const struct rt_period_counts *row, uint64_t *v)
{
    v[0] = row->start;
    v[1] = row->end;
    v[2] = row->retained;
    v[3] = row->lost;
    v[4] = row->new_customers;
    v[5] = row->first_time;
    v[6] = row->returning;
    v[7] = row->joined_and_left;
}

/*
 * One table's rows up to last, and the row before its first: a table
 * begins where its own customers do (a log after its first active period,
 * a subscription table at its earliest start), and a merge with a part
 * that begins earlier needs what this one adds there: the customers at
 * the start of its first row, all new.
 */
static void put_table(const struct rt_period_table *table, size_t group,
                      int64_t last, struct rt_part *part)
{
    uint64_t v[COUNTS];
    size_t i;

    if (table->count == 0)
        return;
    {
        uint64_t active = table->rows[0].start;
        const uint64_t first[COUNTS] = {0, active, 0, 0, active, active, 0, 0};

        rt_part_record(part, group, table->rows[0].period - 1, first, COUNTS);
    }
    for (i = 0; i < table->count && table->rows[i].period <= last; i++) {
        counts_of(&table->rows[i], v);
        rt_part_record(part, group, table->rows[i].period, v, COUNTS);
    }
}

enum rt_status rt_merge_periods_part(const struct rt_cohort_engine *engine,
                                     bool spans, int64_t last_complete,
                                     struct rt_part *part)
{
    struct rt_period_result result;
    enum rt_status status;
    size_t i, group;

    /* One period more: its start is who is active at the cut-off, which
       a table beginning after the cut-off adds to the merge. */
    status = rt_cohort_periods(engine, spans, last_complete + 1, &result);
    if (status != RT_OK)
        return status;
    rt_merge_groups_part(engine, part);
    put_table(&result.overall, RT_PART_OVERALL, last_complete, part);
    for (i = 0; i < result.group_count; i++)
        if (rt_part_group(part, result.groups[i].group,
                          result.groups[i].group_len, &group))
            put_table(&result.groups[i], group, last_complete, part);
    if (result.last_data != INT64_MIN)
        rt_part_tally(part, "last_data", (uint64_t)result.last_data ^ BIAS,
                      true);
    rt_period_result_free(&result);
    return part->no_memory ? RT_ERR_NOMEM : RT_OK;
}

/*
 * The rows of records[from .. to - 1], all of one group, up to last: from
 * the period after the first record's, the row before every table's own.
 */
static bool make_table(const struct rt_part *part, size_t from, size_t to,
                       int64_t last, struct rt_period_table *table)
{
    int64_t first = part->records[from].period + 1, p;
    size_t i;

    if (first > last)
        return true;
    table->count = (size_t)(last - first) + 1;
    table->rows = calloc(table->count, sizeof *table->rows);
    if (!table->rows)
        return false;
    for (p = first; p <= last; p++)
        table->rows[p - first].period = p;
    for (i = from; i < to; i++) {
        const struct rt_part_record *record = &part->records[i];
        struct rt_period_counts *row;

        if (record->period < first || record->period > last)
            continue;
        row = &table->rows[record->period - first];
        row->start = record->values[0];
        row->end = record->values[1];
        row->retained = record->values[2];
        row->lost = record->values[3];
        row->new_customers = record->values[4];
        row->first_time = record->values[5];
        row->returning = record->values[6];
        row->joined_and_left = record->values[7];
    }
    return true;
}

static bool make_tables(const struct rt_part *part, int64_t last,
                        struct rt_period_result *result)
{
    size_t from = 0, to;

    result->groups = calloc(part->group_count ? part->group_count : 1,
                            sizeof *result->groups);
    if (!result->groups)
        return false;
    for (; from < part->record_count; from = to) {
        const struct rt_part_record *record = &part->records[from];
        struct rt_period_table *table = &result->overall;

        to = rt_part_group_end(part, from);
        if (record->group != RT_PART_OVERALL) {
            table = &result->groups[result->group_count];
            table->group = part->groups[record->group].value;
            table->group_len = part->groups[record->group].len;
        }
        if (!make_table(part, from, to, last, table))
            return false;
        /* Groups with no row are left out, as rt_cohort_periods() does. */
        if (table != &result->overall && table->count > 0)
            result->group_count++;
    }
    return true;
}

enum rt_status rt_merge_periods_result(const struct rt_part *part, bool spans,
                                       int64_t last_complete,
                                       struct rt_period_result *result)
{
    uint64_t last_data = rt_part_tally_value(part, "last_data");

    memset(result, 0, sizeof *result);
    result->spans = spans;
    result->first_unfinished = last_complete + 1;
    result->last_data =
        last_data == 0 ? INT64_MIN : (int64_t)(last_data ^ BIAS);
    if (make_tables(part, last_complete, result))
        return RT_OK;
    rt_period_result_free(result);
    return RT_ERR_NOMEM;
}
