/* merge_log.c - what cohorts and periods parts share; see merge.h. */
#include <string.h>

#include "merge.h"

/* The log's counts that add up, by name. */
#define LOG_TALLIES(X)                                                         \
    X(rows_left_out)                                                           \
    X(inputs_skipped)                                                          \
    X(blank_lines) X(empty_spans) X(before_from) X(after_as_of)

static const char *delimiter_name(char delimiter)
{
    return delimiter == '\t' ? "tab" : delimiter == ';' ? "semicolon" : "comma";
}

bool rt_merge_groups_part(const struct rt_cohort_engine *engine,
                          struct rt_part *part)
{
    size_t entry = 0, len, group;
    const char *id;
    unsigned flags;

    while (rt_idset_next(&engine->segments, &entry, &id, &len, &flags))
        rt_part_group(part, id, len, &group);
    return !part->no_memory;
}

bool rt_merge_log_part(const struct rt_cohort_log *log, struct rt_part *part)
{
    size_t entry = 0, len;
    const char *id;
    unsigned flags;

#define ADD_TALLY(name) rt_part_tally(part, #name, (uint64_t)log->name, false);
    LOG_TALLIES(ADD_TALLY)
#undef ADD_TALLY
    rt_merge_groups_part(&log->engine, part);
    rt_part_meta(part, "input_delimiter", delimiter_name(log->first_delimiter));
    rt_part_meta(part, "group_name",
                 log->options.group_col && log->group_name ? log->group_name
                                                           : "");
    while (rt_idset_next(&log->engine.customers, &entry, &id, &len, &flags))
        rt_part_id(part, id, len, false);
    return !part->no_memory;
}

void rt_merge_log_counts(const struct rt_part *part, struct rt_cohort_log *log)
{
    const char *delimiter = rt_part_meta_value(part, "input_delimiter");
    const char *group_name = rt_part_meta_value(part, "group_name");

#define TAKE_TALLY(name) log->name = rt_part_tally_value(part, #name);
    LOG_TALLIES(TAKE_TALLY)
#undef TAKE_TALLY
    log->first_delimiter = delimiter && strcmp(delimiter, "tab") == 0 ? '\t'
                           : delimiter && strcmp(delimiter, "semicolon") == 0
                               ? ';'
                               : ',';
    /* The log is only read: the name stays the part's. */
    log->group_name = group_name && group_name[0] ? (char *)group_name : NULL;
}
