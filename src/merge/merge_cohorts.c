/* merge_cohorts.c - retain cohorts as a part, and back; see merge.h. */
#include <stdlib.h>
#include <string.h>

#include "merge.h"

/* One triangle's rows: cohort, customers, then the active counts. */
static bool put_triangle(const struct rt_cohort_triangle *tri, size_t group,
                         struct rt_part *part)
{
    size_t i, columns = tri->columns ? tri->columns : 1;
    uint64_t *values = malloc((columns + 1) * sizeof *values);

    if (!values) {
        part->no_memory = true;
        return false;
    }
    for (i = 0; i < tri->row_count; i++) {
        const struct rt_cohort_row *row = &tri->rows[i];

        values[0] = row->customers;
        if (row->observed > 0)
            memcpy(values + 1, row->active, row->observed * sizeof *values);
        rt_part_record(part, group, row->cohort, values, row->observed + 1);
    }
    free(values);
    return !part->no_memory;
}

bool rt_merge_cohorts_part(const struct rt_cohort_result *result,
                           struct rt_part *part)
{
    const struct rt_cohort_notes *notes = &result->notes;
    size_t i, group;

    rt_part_tally(part, "without_cohort", notes->without_cohort, false);
    rt_part_tally(part, "signup_disagrees", notes->signup_disagrees, false);
    rt_part_tally(part, "early_customers", notes->early_customers, false);
    rt_part_tally(part, "early_periods", notes->early_periods, false);
    if (!put_triangle(&result->overall, RT_PART_OVERALL, part))
        return false;
    for (i = 0; i < result->group_count; i++) {
        const struct rt_cohort_triangle *tri = &result->groups[i];

        if (!rt_part_group(part, tri->group, tri->group_len, &group) ||
            !put_triangle(tri, group, part))
            return false;
    }
    return true;
}

/* Columns from the earliest cohort to the cut-off, as rt_cohort_finish(). */
static size_t columns_of(const struct rt_part *part, int64_t last,
                         size_t max_columns)
{
    uint64_t reach;

    if (part->record_count == 0 || part->records[0].group != RT_PART_OVERALL)
        return 0;
    if (last < part->records[0].period)
        return 1;
    reach = (uint64_t)(last - part->records[0].period) + 1;
    return max_columns && reach > max_columns ? max_columns
           : reach > SIZE_MAX                 ? SIZE_MAX
                                              : (size_t)reach;
}

static size_t observed_of(int64_t cohort, int64_t last, size_t columns)
{
    uint64_t reach;

    if (last < cohort)
        return 0;
    reach = (uint64_t)(last - cohort) + 1;
    return reach < columns ? (size_t)reach : columns;
}

/* A row from a record; false out of memory. */
static bool make_row(const struct rt_part_record *record, int64_t last,
                     size_t columns, struct rt_cohort_row *row)
{
    size_t k;

    row->cohort = record->period;
    row->customers = record->values[0];
    row->observed = observed_of(record->period, last, columns);
    if (row->observed == 0)
        return true;
    if (!(row->active = calloc(row->observed, sizeof *row->active)))
        return false;
    for (k = 0; k < row->observed && k + 1 < record->count; k++)
        row->active[k] = record->values[k + 1];
    return true;
}

/* The triangle of records[from .. to - 1], all of one group. */
static bool make_triangle(const struct rt_part *part, size_t from, size_t to,
                          int64_t last, size_t columns,
                          struct rt_cohort_triangle *tri)
{
    size_t i;

    tri->rows = calloc(to > from ? to - from : 1, sizeof *tri->rows);
    if (!tri->rows)
        return false;
    for (i = from; i < to; i++) {
        struct rt_cohort_row *row = &tri->rows[tri->row_count++];

        if (!make_row(&part->records[i], last, columns, row))
            return false;
        tri->customers += row->customers;
    }
    return rt_cohort_make_average(tri, columns) == RT_OK;
}

static bool make_triangles(const struct rt_part *part, int64_t last,
                           struct rt_cohort_result *result)
{
    size_t from = 0, to;

    result->groups = calloc(part->group_count ? part->group_count : 1,
                            sizeof *result->groups);
    if (!result->groups)
        return false;
    while (from < part->record_count) {
        const struct rt_part_record *first = &part->records[from];
        struct rt_cohort_triangle *tri = &result->overall;

        to = rt_part_group_end(part, from);
        if (first->group != RT_PART_OVERALL) {
            tri = &result->groups[result->group_count++];
            tri->group = part->groups[first->group].value;
            tri->group_len = part->groups[first->group].len;
        }
        if (!make_triangle(part, from, to, last, result->columns, tri))
            return false;
        from = to;
    }
    /* No cohort at all: an empty triangle, as rt_cohort_finish() has. */
    return result->overall.average.cohorts ||
           rt_cohort_make_average(&result->overall, result->columns) == RT_OK;
}

static void take_notes(const struct rt_part *part,
                       struct rt_cohort_notes *notes)
{
    notes->without_cohort = rt_part_tally_value(part, "without_cohort");
    notes->signup_disagrees = rt_part_tally_value(part, "signup_disagrees");
    notes->early_customers = rt_part_tally_value(part, "early_customers");
    notes->early_periods = rt_part_tally_value(part, "early_periods");
}

enum rt_status rt_merge_cohorts_result(const struct rt_part *part,
                                       int64_t last_complete,
                                       enum rt_cohort_mode mode,
                                       size_t max_columns,
                                       struct rt_cohort_result *result)
{
    memset(result, 0, sizeof *result);
    result->mode = mode;
    result->last_complete = last_complete;
    result->key[0] = RT_PART_KEY0;
    result->key[1] = RT_PART_KEY1;
    result->columns = columns_of(part, last_complete, max_columns);
    take_notes(part, &result->notes);
    if (make_triangles(part, last_complete, result))
        return RT_OK;
    rt_cohort_result_free(result);
    return RT_ERR_NOMEM;
}
