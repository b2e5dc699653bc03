/*
 * part.h - the exact counts of one part of the customers, written as a
 * small versioned CSV by --partial and added up by retain merge
 * (internal).
 *
 * The figures of cohorts, periods and ids are sums over customers: split
 * the customers into disjoint parts, count each part anywhere, add the
 * counts, and the rates of the sums are those of one run over all the
 * data.  A part holds nothing but what adds up:
 *
 *   retain-partial,1,COMMAND       the format, its version, the command
 *   option,NAME,VALUE              every option that shapes the counts,
 *                                  always, in a fixed order
 *   meta,NAME,VALUE                kept from the first part (not compared)
 *   tally,NAME,N                   counts that add: rows left out, ...
 *   max,NAME,N                     values of which the merge keeps the most
 *   group,INDEX,VALUE              the --group-by values, 0, 1, ... in order
 *   KIND,GROUP,PERIOD,N,N,...      the counts of one cell, period or run;
 *                                  GROUP a group's INDEX or empty (all
 *                                  customers), PERIOD a period index or
 *                                  empty
 *   hash,HHHHHHHHHHHHHHHH          the smallest keyed hashes of the part's
 *                                  customer IDs, ascending
 *   end                            the part is whole
 *
 * Two parts that both hold a customer add it twice.  The hashes tell where
 * they can: SipHash-2-4 under a fixed key, so that every machine hashes an
 * ID alike, of which each part keeps the RT_PART_HASHES smallest; a hash
 * in two parts is one customer counted twice.  A merge keeps the smallest
 * of the union, so that parts of parts merge as well.
 */
#ifndef RETAIN_PART_H
#define RETAIN_PART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "describe.h"
#include "retain.h"
#include "sink.h"

#define RT_PART_FORMAT    "retain-partial"
#define RT_PART_VERSION   1
#define RT_PART_HASHES    64
#define RT_PART_OVERALL   SIZE_MAX /* the group of a record of everyone */
#define RT_PART_NO_PERIOD INT64_MIN

/* The fixed key of the hashes: the bytes 00 to 0f, little-endian words. */
#define RT_PART_KEY0 UINT64_C(0x0706050403020100)
#define RT_PART_KEY1 UINT64_C(0x0f0e0d0c0b0a0908)

/* A name and its value, both NUL-terminated copies. */
struct rt_part_pair {
    char *name, *value;
};

struct rt_part_tally {
    char *name;
    uint64_t value;
    bool max; /* merged by the greatest value, not the sum */
};

struct rt_part_group {
    char *value; /* len bytes, NUL-terminated (it may hold NULs) */
    size_t len;
};

/* One data line: the counts of a (group, period). */
struct rt_part_record {
    size_t group;   /* into groups, or RT_PART_OVERALL */
    int64_t period; /* RT_PART_NO_PERIOD: none */
    uint64_t *values;
    size_t count;
};

struct rt_part {
    char command[16]; /* "cohorts", "periods" or "ids"; "" before one */
    const char *kind; /* the data lines' first field */
    struct rt_part_pair *options, *meta;
    size_t option_count, meta_count;
    struct rt_part_tally *tallies;
    size_t tally_count;
    struct rt_part_group *groups;
    size_t group_count;
    struct rt_part_record *records;
    size_t record_count, record_cap;
    uint64_t hashes[RT_PART_HASHES];    /* ascending */
    size_t hash_source[RT_PART_HASHES]; /* into sources */
    size_t hash_count;
    char **sources; /* the parts read, for the messages */
    size_t source_count;
    uint64_t overlaps; /* parts that shared a hash with an earlier one */
    uint64_t parts;    /* parts read */
    bool no_memory;    /* an add failed: the part is not whole */
};

void rt_part_init(struct rt_part *part, const char *command);
void rt_part_free(struct rt_part *part);

/* Building a part: each copies what it is given; false out of memory. */
bool rt_part_option(struct rt_part *part, const char *name, const char *value);
bool rt_part_meta(struct rt_part *part, const char *name, const char *value);
bool rt_part_tally(struct rt_part *part, const char *name, uint64_t value,
                   bool max);
/* A group value; *index is its place (an equal value's, if added before). */
bool rt_part_group(struct rt_part *part, const char *value, size_t len,
                   size_t *index);
/* A data line of count values, copied. */
bool rt_part_record(struct rt_part *part, size_t group, int64_t period,
                    const uint64_t *values, size_t count);
/* Takes a customer ID into the hashes, folded to lower case when asked. */
void rt_part_id(struct rt_part *part, const char *id, size_t len,
                bool fold_case);

/*
 * Puts a hash among the smallest kept, from the part `source` (an index
 * of part->sources); a hash already there from another source is a
 * customer counted twice: returns that source, else SIZE_MAX.
 */
size_t rt_part_keep_hash(struct rt_part *part, uint64_t hash, size_t source);

/* The value of an option, meta or tally; NULL or 0 when there is none. */
const char *rt_part_option_value(const struct rt_part *part, const char *name);
const char *rt_part_meta_value(const struct rt_part *part, const char *name);
uint64_t rt_part_tally_value(const struct rt_part *part, const char *name);

/* The end of the run of records of records[from]'s group (sorted). */
size_t rt_part_group_end(const struct rt_part *part, size_t from);

/*
 * Writes the part (its records sorted and added by rt_part_finish()).
 * A write error is the sink's to tell.
 */
void rt_part_write(const struct rt_part *part, struct rt_sink *sink);

/*
 * Reads one part from buf (len bytes) and adds it to `part`, which takes
 * the first part's command and options; name is for the messages.  A part
 * that is malformed, of another command or version, or made with other
 * options is reported (FILE:LINE: what was expected) and changes nothing:
 * false.  A hash shared with an earlier part is warned about (both named)
 * and counted in part->overlaps.  Out of memory: false, part->no_memory.
 */
bool rt_part_read(struct rt_part *part, const char *buf, size_t len,
                  const char *name, struct rt_reporter reporter);

/*
 * Sorts the records by group and period and adds those of one (group,
 * period).  RT_OK; RT_ERR_RANGE when a sum passes RT_COUNT_MAX (2^63 - 1);
 * RT_ERR_NOMEM.
 */
enum rt_status rt_part_finish(struct rt_part *part);

#endif
