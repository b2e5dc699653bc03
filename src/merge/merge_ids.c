/* merge_ids.c - retain ids as a part; see merge.h. */
#include <string.h>

#include "merge.h"

/* Every ID of a set into the part's hashes. */
static void hash_set(struct rt_part *part, const struct rt_idset *set)
{
    size_t entry = 0, len;
    const char *id;
    unsigned flags;

    while (rt_idset_next(set, &entry, &id, &len, &flags))
        rt_part_id(part, id, len, set->ignore_case);
}

bool rt_merge_ids_part(const struct rt_ids *ids, struct rt_part *part)
{
    struct rt_counts counts = rt_ids_counts(ids);
    uint64_t values[3];

    values[0] = counts.start;
    values[1] = counts.end;
    values[2] = ids->retained;
    rt_part_tally(part, "start_blank_lines", ids->start_stats.blanks, false);
    rt_part_tally(part, "start_duplicates", ids->start_stats.duplicates, false);
    rt_part_tally(part, "end_blank_lines", ids->end_stats.blanks, false);
    rt_part_tally(part, "end_duplicates", ids->end_stats.duplicates, false);
    rt_part_record(part, RT_PART_OVERALL, RT_PART_NO_PERIOD, values, 3);
    hash_set(part, &ids->start);
    hash_set(part, &ids->fresh);
    return !part->no_memory;
}

bool rt_merge_ids_counts(const struct rt_part *part, struct rt_counts *counts)
{
    size_t i;

    memset(counts, 0, sizeof *counts);
    counts->has_new = true;
    for (i = 0; i < part->record_count; i++) {
        const uint64_t *v = part->records[i].values;

        if (v[2] > v[0] || v[2] > v[1])
            return false;
        counts->start = v[0];
        counts->end = v[1];
        counts->new_customers = v[1] - v[2];
    }
    return true;
}
