/* idset.c - see idset.h. */
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "siphash.h"

#define HEADER 3 /* per ID in the arena: flags, then the length in 2 bytes */

/* Grow beyond 75% full: buckets of 12 rarely overflow below that. */
#define FILL_NUMERATOR   3
#define FILL_DENOMINATOR 4
#define FIRST_BUCKETS    64

/* A hint to start loading memory that will soon be read; no more. */
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void)(address))
#endif

/* A bucket is one 64-byte cache line: a lookup costs one miss here. */
struct rt_id_bucket {
    unsigned char tags[RT_ID_BUCKET_SLOTS]; /* 0: free, else 7 hash bits */
    /* cppcheck-suppress unusedStructMember ; padding, kept explicit */
    unsigned char unused[4];
    uint32_t entries[RT_ID_BUCKET_SLOTS]; /* arena offsets */
};

/* What the arena holds before an ID's bytes: the header and the payload. */
static size_t before_id(const struct rt_idset *set)
{
    return HEADER + set->payload;
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

void rt_idset_init(struct rt_idset *set, const uint64_t key[2],
                   bool ignore_case)
{
    memset(set, 0, sizeof *set);
    set->key[0] = key[0];
    set->key[1] = key[1];
    set->ignore_case = ignore_case;
    set->arena_max = RT_IDSET_ARENA_MAX;
}

static void free_table(struct rt_idset *set)
{
    free(set->table_memory);
    set->table_memory = NULL;
    set->buckets = NULL;
    set->bucket_count = 0;
}

void rt_idset_free(struct rt_idset *set)
{
    free(set->arena);
    set->arena = NULL;
    free_table(set);
}

static size_t id_len(const struct rt_idset *set, size_t entry)
{
    return (size_t)set->arena[entry + 1] | (size_t)set->arena[entry + 2] << 8;
}

/*
 * Whether len bytes are equal.  Customer IDs are mostly a dozen bytes or
 * so: compared in place, they cost no call, where memcmp's call and its
 * set-up cost as much as the comparison itself, on every lookup.
 */
static bool same_bytes(const unsigned char *stored, const char *id, size_t len)
{
    uint64_t a[2], b[2];
    size_t i;

    if (len > 16)
        return memcmp(stored, id, len) == 0;
    if (len >= 8) {
        /* Two words, overlapping when len < 16: two loads each. */
        memcpy(&a[0], stored, 8);
        memcpy(&a[1], stored + len - 8, 8);
        memcpy(&b[0], id, 8);
        memcpy(&b[1], id + len - 8, 8);
        return a[0] == b[0] && a[1] == b[1];
    }
    for (i = 0; i < len; i++)
        if (stored[i] != (unsigned char)id[i])
            return false;
    return true;
}

static bool same_id(const struct rt_idset *set, size_t entry, const char *id,
                    size_t len)
{
    const unsigned char *stored = set->arena + entry + before_id(set);
    size_t i;

    if (id_len(set, entry) != len)
        return false;
    if (!set->ignore_case)
        return same_bytes(stored, id, len);
    for (i = 0; i < len; i++)
        if (fold(stored[i]) != fold((unsigned char)id[i]))
            return false;
    return true;
}

uint64_t rt_idset_hash(const struct rt_idset *set, const char *id, size_t len)
{
    return rt_siphash13(set->key, id, len, set->ignore_case);
}

/*
 * The top 32 bits of the hash pick the bucket (by multiplication, so that
 * any number of buckets works); the low 7 bits are the tag.
 */
static size_t bucket_of(uint64_t hash, size_t bucket_count)
{
    return (size_t)(((hash >> 32) * (uint64_t)bucket_count) >> 32);
}

static unsigned char tag_of(uint64_t hash)
{
    return (unsigned char)(0x80 | (hash & 0x7f));
}

/*
 * A zeroed table of `count` buckets, each on a cache line of its own:
 * malloc promises less alignment than 64, so a little more is asked for.
 */
static bool new_table(size_t count, void **memory,
                      struct rt_id_bucket **buckets)
{
    size_t misaligned;

    if (count > SIZE_MAX / sizeof **buckets - 1)
        return false;
    *memory = calloc(count + 1, sizeof **buckets);
    if (!*memory)
        return false;
    misaligned = (size_t)((uintptr_t)*memory & 63);
    *buckets = (struct rt_id_bucket *)((char *)*memory +
                                       (misaligned ? 64 - misaligned : 0));
    return true;
}

/* Puts an entry in the first free slot from its bucket on. */
static void place(struct rt_id_bucket *buckets, size_t count, uint64_t hash,
                  uint32_t entry)
{
    size_t b = bucket_of(hash, count), i;

    for (;; b = b + 1 == count ? 0 : b + 1)
        for (i = 0; i < RT_ID_BUCKET_SLOTS; i++)
            if (!buckets[b].tags[i]) {
                buckets[b].tags[i] = tag_of(hash);
                buckets[b].entries[i] = entry;
                return;
            }
}

/* Puts every ID of the arena into a new table of `count` buckets. */
static bool rebuild(struct rt_idset *set, size_t count)
{
    enum { AHEAD = 16 };
    struct rt_id_bucket *buckets;
    uint64_t hashes[AHEAD];
    uint32_t entries[AHEAD];
    size_t entry, pending = 0, i;
    void *memory;

    if (!new_table(count, &memory, &buckets))
        return false;
    /* Free the old table first: at most one table and a half is held. */
    free_table(set);
    for (entry = 0; entry < set->arena_len;
         entry += before_id(set) + id_len(set, entry)) {
        hashes[pending] = rt_idset_hash(
            set, (const char *)set->arena + entry + before_id(set),
            id_len(set, entry));
        entries[pending] = (uint32_t)entry;
        PREFETCH(&buckets[bucket_of(hashes[pending], count)]);
        if (++pending == AHEAD) {
            for (i = 0; i < pending; i++)
                place(buckets, count, hashes[i], entries[i]);
            pending = 0;
        }
    }
    for (i = 0; i < pending; i++)
        place(buckets, count, hashes[i], entries[i]);
    set->table_memory = memory;
    set->buckets = buckets;
    set->bucket_count = count;
    return true;
}

/* The buckets that hold `ids` IDs at most 75% full. */
static size_t buckets_for(size_t ids)
{
    size_t slots = ids / FILL_NUMERATOR * FILL_DENOMINATOR + FILL_DENOMINATOR;

    return slots / RT_ID_BUCKET_SLOTS + 1;
}

static bool full(const struct rt_idset *set)
{
    return (set->count + 1) * FILL_DENOMINATOR >
           set->bucket_count * RT_ID_BUCKET_SLOTS * FILL_NUMERATOR;
}

static bool grow_arena(struct rt_idset *set, size_t need)
{
    size_t cap = set->arena_cap ? set->arena_cap : 1 << 16;
    unsigned char *bigger;

    while (cap < need)
        cap *= 2;
    bigger = realloc(set->arena, cap);
    if (!bigger)
        return false;
    set->arena = bigger;
    set->arena_cap = cap;
    return true;
}

void rt_idset_reserve(struct rt_idset *set, size_t ids, size_t bytes)
{
    size_t count = buckets_for(ids), arena = bytes + ids * before_id(set);

    /* A hint: when memory is short, the set grows as it goes instead. */
    if (ids < UINT32_MAX && count > set->bucket_count)
        (void)rebuild(set, count);
    if (arena > set->arena_cap && arena <= set->arena_max) {
        unsigned char *bigger = realloc(set->arena, arena);

        if (bigger) {
            set->arena = bigger;
            set->arena_cap = arena;
        }
    }
}

/*
 * Finds an ID equal to id, or the free slot where it would go: *bucket and
 * *slot say where; returns whether the ID is there.  Only slots whose tag
 * matches are compared: others are passed over without touching the arena,
 * where each look would be another cache miss.
 */
static bool probe(const struct rt_idset *set, const char *id, size_t len,
                  uint64_t hash, size_t *bucket, size_t *slot)
{
    size_t b = bucket_of(hash, set->bucket_count), i;
    unsigned char tag = tag_of(hash);

    for (;; b = b + 1 == set->bucket_count ? 0 : b + 1) {
        const struct rt_id_bucket *at = &set->buckets[b];

        for (i = 0; i < RT_ID_BUCKET_SLOTS; i++) {
            if (!at->tags[i] ||
                (at->tags[i] == tag && same_id(set, at->entries[i], id, len))) {
                *bucket = b;
                *slot = i;
                return at->tags[i] != 0;
            }
        }
    }
}

void rt_idset_prefetch_slot(const struct rt_idset *set, uint64_t hash)
{
    if (set->bucket_count)
        PREFETCH(&set->buckets[bucket_of(hash, set->bucket_count)]);
}

void rt_idset_prefetch_id(const struct rt_idset *set, uint64_t hash)
{
    const struct rt_id_bucket *at;
    unsigned char tag = tag_of(hash);
    size_t i;

    if (!set->bucket_count)
        return;
    at = &set->buckets[bucket_of(hash, set->bucket_count)];
    /* With a payload, the ID's bytes may start on the next cache line. */
    for (i = 0; i < RT_ID_BUCKET_SLOTS && at->tags[i]; i++)
        if (at->tags[i] == tag) {
            PREFETCH(set->arena + at->entries[i]);
            if (set->payload)
                PREFETCH(set->arena + at->entries[i] + before_id(set));
        }
}

bool rt_idset_find(const struct rt_idset *set, const char *id, size_t len,
                   size_t *entry)
{
    return rt_idset_find_hashed(set, id, len, rt_idset_hash(set, id, len),
                                entry);
}

bool rt_idset_find_hashed(const struct rt_idset *set, const char *id,
                          size_t len, uint64_t hash, size_t *entry)
{
    size_t b, i;

    if (set->bucket_count == 0 || !probe(set, id, len, hash, &b, &i))
        return false;
    *entry = set->buckets[b].entries[i];
    return true;
}

/* Appends an ID to the arena: RT_ERR_RANGE past arena_max. */
static enum rt_status append(struct rt_idset *set, const char *id, size_t len)
{
    size_t need = set->arena_len + before_id(set) + len;
    unsigned char *p;

    if (need > set->arena_max)
        return RT_ERR_RANGE;
    if (need > set->arena_cap && !grow_arena(set, need))
        return RT_ERR_NOMEM;
    p = set->arena + set->arena_len;
    p[0] = 0;
    p[1] = (unsigned char)(len & 0xff);
    p[2] = (unsigned char)(len >> 8);
    memset(p + HEADER, 0, set->payload);
    memcpy(p + before_id(set), id, len);
    set->arena_len = need;
    return RT_OK;
}

enum rt_status rt_idset_add(struct rt_idset *set, const char *id, size_t len,
                            size_t *entry, bool *added)
{
    return rt_idset_add_hashed(set, id, len, rt_idset_hash(set, id, len), entry,
                               added);
}

enum rt_status rt_idset_add_hashed(struct rt_idset *set, const char *id,
                                   size_t len, uint64_t hash, size_t *entry,
                                   bool *added)
{
    enum rt_status status;
    size_t b, i;

    *added = false;
    if (len > RT_ID_MAX)
        return RT_ERR_RANGE;
    if (full(set) && !rebuild(set, set->bucket_count ? set->bucket_count * 2
                                                     : FIRST_BUCKETS))
        return RT_ERR_NOMEM;
    if (probe(set, id, len, hash, &b, &i)) {
        *entry = set->buckets[b].entries[i];
        return RT_OK;
    }
    *entry = set->arena_len;
    status = append(set, id, len);
    if (status != RT_OK)
        return status;
    set->buckets[b].tags[i] = tag_of(hash);
    set->buckets[b].entries[i] = (uint32_t)*entry;
    set->count++;
    *added = true;
    return RT_OK;
}

unsigned char *rt_idset_flags(struct rt_idset *set, size_t entry)
{
    return &set->arena[entry];
}

void rt_idset_set_payload(struct rt_idset *set, size_t bytes)
{
    set->payload = bytes;
}

unsigned char *rt_idset_payload(const struct rt_idset *set, size_t entry)
{
    return &set->arena[entry + HEADER];
}

bool rt_idset_next(const struct rt_idset *set, size_t *entry, const char **id,
                   size_t *len, unsigned *flags)
{
    if (*entry >= set->arena_len)
        return false;
    *id = (const char *)set->arena + *entry + before_id(set);
    *len = id_len(set, *entry);
    *flags = set->arena[*entry];
    *entry += before_id(set) + *len;
    return true;
}
