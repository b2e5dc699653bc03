/*
 * summary.h - pooled figures over all rows, and per group (internal).
 *
 * Memory grows with the number of distinct groups only (each keeps at
 * most RT_FRACSUM_MAX remainders for its mean).  Groups are listed in the
 * order in which they first appear, then the total.  Their table is
 * hashed with SipHash under a key from the caller, so group values chosen
 * to collide cannot make it slow; the key changes nothing in the output.
 */
#ifndef RETAIN_SUMMARY_H
#define RETAIN_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "batch_types.h"
#include "retain.h"
#include "sink.h"
#include "tally.h"

struct rt_summary_group {
    char *key;
    size_t len;
    struct rt_tally tally;
};

/* A group value; see rt_summary_merge(). */
struct rt_summary_name {
    char *key;
    size_t len;
};

struct rt_summary {
    uint64_t key[2];
    struct rt_tally total;
    struct rt_summary_group *groups;
    size_t count, capacity;
    size_t *slots; /* open addressing: group index + 1, or 0 when free */
    size_t slot_count;
    /* Sorted, kept when cleared: groups whose mean keeps no rest. */
    struct rt_summary_name *declined;
    size_t declined_count, declined_capacity;
};

/* Returns NULL when out of memory; `key` is copied (any value works). */
struct rt_summary *rt_summary_new(const uint64_t key[2]);
void rt_summary_free(struct rt_summary *summary);

/*
 * Tallies a valid row, in its group when grouped, with its revenue amounts
 * unless `amounts` is NULL.  False: out of memory.
 */
bool rt_summary_add(struct rt_summary *summary, bool grouped, const char *key,
                    size_t len, const struct rt_figures *figures,
                    const struct rt_revenue *amounts);

/*
 * Adds `from` to `into`, its groups in their order after those `into` has
 * seen: merging blocks in input order keeps the order of first appearance.
 * Returns false when out of memory.
 *
 * `from` is told which of its tallies went into ones that can no longer
 * decide their mean exactly, and keeps no rest for them from then on, also
 * once cleared (rt_tally_decline_rest()): that work would be thrown away.
 * So a summary must only ever be merged into the same one, as the batch
 * threads' are.  The figures are the same either way.
 */
bool rt_summary_merge(struct rt_summary *into, struct rt_summary *from);

/* Forgets every row and group, keeping the storage. */
void rt_summary_clear(struct rt_summary *summary);

/* How the summary is written, from the batch's options. */
struct rt_summary_format {
    enum rt_format format;
    char delimiter;         /* for csv and tsv */
    const char *group_name; /* the group column, or NULL */
    unsigned precision;
    /* The figure columns of the rows after the core ones (beyond one
       period, then revenue), each pooled; `lifetime` says how. */
    const struct rt_batch_column *extras;
    size_t extra_count;
    const struct rt_lifetime_options *lifetime;
    /* Told of each mean left unknown as undecided (mean.h), or NULL. */
    const struct rt_reporter *reporter;
};

/*
 * Writes the summary as a table: csv or tsv, JSON Lines or text.  Columns:
 * scope ("group" or "all"), the group column when there is one, the fields
 * of enum rt_tally_field, then the extra columns.  Returns false when out
 * of memory (a text table); what was written then is not the summary.
 */
bool rt_summary_emit(const struct rt_summary *summary, struct rt_sink *sink,
                     const struct rt_summary_format *how);

#endif
