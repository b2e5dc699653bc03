/*
 * idset.h - a set of customer IDs, in the order they were added (internal).
 *
 * IDs are byte strings of up to RT_ID_MAX bytes: any bytes, NUL and invalid
 * UTF-8 included.  They live one after another in an arena, each with a
 * flag byte and its length, so the set can be walked in order of first
 * appearance.  A hash table of 64-byte buckets finds them: each bucket
 * holds 12 arena offsets of 4 bytes and a 7-bit tag of each one's hash, so
 * that a lookup reads one cache line of the table and compares only the
 * IDs whose tag matches.  Memory is the IDs' own size plus 3 bytes each,
 * and 4 to 8 bytes per ID for the table.
 *
 * A user may keep a fixed-size payload with each ID, beside its bytes in
 * the arena: a lookup that finds the ID then finds its payload in the
 * same cache line, where a separate array would cost another miss.  So
 * that it does, an entry of half a line or less that would straddle two
 * starts on the next line instead, after a few bytes of padding.
 *
 * The hash is SipHash-1-3 with a key chosen per run, so that no input can
 * be crafted in advance to make IDs collide: with a fixed or unkeyed hash,
 * an export with millions of colliding IDs would turn every lookup into a
 * scan of the table.
 */
#ifndef RETAIN_IDSET_H
#define RETAIN_IDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "retain.h"

/* The longest ID: 64 KiB less a byte.  Longer lines are refused, never cut. */
#define RT_ID_MAX 65535

#define RT_ID_BUCKET_SLOTS 12

/*
 * The most bytes a set holds: its IDs, and 3 bytes each besides.  The
 * table keeps 4-byte offsets, so that a bucket is one cache line.
 */
#define RT_IDSET_ARENA_MAX ((size_t)UINT32_MAX)

/* Flags kept with each ID; 0x80 is the set's own (its padding). */
#define RT_ID_SEEN 1u /* e.g. the ID was also in the end file */

struct rt_idset {
    unsigned char *arena; /* per ID: flags, length (2 bytes), bytes */
    size_t arena_len, arena_cap;
    size_t arena_max;             /* RT_IDSET_ARENA_MAX; tests make it small */
    size_t payload;               /* bytes kept with each ID; 0 by default */
    struct rt_id_bucket *buckets; /* aligned to 64 within table_memory */
    void *table_memory;
    size_t bucket_count, count;
    uint64_t key[2];
    bool ignore_case; /* ASCII letters compare equal in either case */
};

/*
 * Prepares an empty set hashed with `key` (two random words; any value is
 * correct, an unpredictable one is what resists crafted collisions).
 */
void rt_idset_init(struct rt_idset *set, const uint64_t key[2],
                   bool ignore_case);
void rt_idset_free(struct rt_idset *set);

/*
 * Makes room for `ids` IDs of `bytes` bytes in all, as an estimate: a set
 * that is given its size does not grow, and growing rehashes every ID.
 */
void rt_idset_reserve(struct rt_idset *set, size_t ids, size_t bytes);

/*
 * Adds an ID of len bytes (at most RT_ID_MAX) unless an equal one is there.
 * Sets *added, and *entry to the ID's place (for rt_idset_flags()).
 * RT_ERR_NOMEM when memory runs out; RT_ERR_RANGE when the ID is longer
 * than RT_ID_MAX or would take the set past set->arena_max bytes.
 */
enum rt_status rt_idset_add(struct rt_idset *set, const char *id, size_t len,
                            size_t *entry, bool *added);

/* Finds an equal ID; returns false when there is none. */
bool rt_idset_find(const struct rt_idset *set, const char *id, size_t len,
                   size_t *entry);

/*
 * The same with the ID's hash given, from rt_idset_hash(): sets that share a
 * key share hashes.  Callers that look up many IDs hash a few ahead and
 * call rt_idset_prefetch_slot(), then rt_idset_prefetch_id(), for each, so
 * that the memory of several lookups is on its way at once: a set of
 * millions of IDs is far larger than the caches, and each lookup would
 * otherwise wait for memory alone.  Prefetching is only a hint; results
 * are the same without it.
 */
uint64_t rt_idset_hash(const struct rt_idset *set, const char *id, size_t len);
void rt_idset_prefetch_slot(const struct rt_idset *set, uint64_t hash);
void rt_idset_prefetch_id(const struct rt_idset *set, uint64_t hash);
enum rt_status rt_idset_add_hashed(struct rt_idset *set, const char *id,
                                   size_t len, uint64_t hash, size_t *entry,
                                   bool *added);
bool rt_idset_find_hashed(const struct rt_idset *set, const char *id,
                          size_t len, uint64_t hash, size_t *entry);

/* The flags of an entry, to read or change. */
unsigned char *rt_idset_flags(struct rt_idset *set, size_t entry);

/*
 * Keeps `bytes` bytes with every ID, zeroed when the ID is added; call it
 * before the first add.  The payload of an entry is at no particular
 * alignment: read and write it with memcpy.  Like strchr(), a const set
 * gives a writable pointer: the caller says what may change.
 */
void rt_idset_set_payload(struct rt_idset *set, size_t bytes);
unsigned char *rt_idset_payload(const struct rt_idset *set, size_t entry);

/*
 * Walks the IDs in the order they were added: start with *entry = 0 and
 * call until it returns false.  *id points into the set.  Between calls
 * *entry is the next ID's entry (as rt_idset_add() gives it), so a caller
 * may keep it to find that ID's flags and payload.
 */
bool rt_idset_next(const struct rt_idset *set, size_t *entry, const char **id,
                   size_t *len, unsigned *flags);

#endif
