/* idset.c - see idset.h. */
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "siphash.h"

#define HEADER 3 /* per ID in the arena: flags, then the length in 2 bytes */

/*
 * Padding between entries (line_padding()) starts with a byte that is no
 * entry's flags: ONE_PAD is one byte of it; PADDING says its length is in
 * the next byte, so that a walk steps over it at once.
 */
#define ONE_PAD 0x80u
#define PADDING 0x81u

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

/*
 * GCC counts a prefetch as no effect, so a function that only prefetches,
 * and is not inlined, is dropped from its callers as if it did nothing
 * (seen with GCC 12 and link-time optimisation: every lookup then waited
 * for memory).  noipa keeps the calls.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define KEEP_CALLS __attribute__((noipa))
#else
#define KEEP_CALLS
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

/* The first entry at or after `at`, past any padding. */
static size_t skip_padding(const struct rt_idset *set, size_t at)
{
    if (at < set->arena_len && set->arena[at] == ONE_PAD)
        return at + 1;
    if (at < set->arena_len && set->arena[at] == PADDING)
        return at + set->arena[at + 1];
    return at;
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
         entry =
             skip_padding(set, entry + before_id(set) + id_len(set, entry))) {
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
 * Which of a bucket's slots are free, and which hold the tag, as 12-bit
 * masks (bit i for slot i).  Where the compiler tells the byte order, the
 * tags are read as two words and compared all at once: a loop over the
 * slots branches on each tag, and the branch that leaves it lands
 * somewhere else on every lookup.  A byte of x is zero exactly when its
 * high bit in zero_bytes(x) is set.  Slots fill in order and are never
 * emptied, so the slots before the first free one are all a bucket holds.
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(RETAIN_NO_SWAR)
#define ONES  UINT64_C(0x0101010101010101)
#define LOW7  UINT64_C(0x7f7f7f7f7f7f7f7f)
#define HIGHS UINT64_C(0x0102040810204080)

static uint64_t zero_bytes(uint64_t x)
{
    return ~(((x & LOW7) + LOW7) | x | LOW7);
}

/* The high bits of a word's bytes (zero_bytes()), in its low 8 bits. */
static unsigned gather(uint64_t highs)
{
    return (unsigned)(((highs >> 7) * HIGHS) >> 56);
}

/* The bucket's tags, as two words; the 4 bytes that are not tags are
 * neither free nor any tag (a tag has its high bit set). */
static void tag_words(const struct rt_id_bucket *at, uint64_t *low,
                      uint64_t *high)
{
    uint32_t last;

    memcpy(low, at->tags, 8);
    memcpy(&last, at->tags + 8, 4);
    *high = last | UINT64_C(0x7f7f7f7f) << 32;
}

static unsigned match_mask(const struct rt_id_bucket *at, unsigned char tag)
{
    uint64_t low, high, pattern = ONES * tag;

    tag_words(at, &low, &high);
    return gather(zero_bytes(low ^ pattern)) |
           gather(zero_bytes(high ^ pattern)) << 8;
}

static unsigned free_mask(const struct rt_id_bucket *at)
{
    uint64_t low, high;

    tag_words(at, &low, &high);
    return gather(zero_bytes(low)) | gather(zero_bytes(high)) << 8;
}

static size_t lowest_slot(unsigned mask)
{
    return (size_t)__builtin_ctz(mask);
}
#else
static unsigned match_mask(const struct rt_id_bucket *at, unsigned char tag)
{
    unsigned mask = 0;
    size_t i;

    for (i = 0; i < RT_ID_BUCKET_SLOTS; i++)
        mask |= (unsigned)(at->tags[i] == tag) << i;
    return mask;
}

static unsigned free_mask(const struct rt_id_bucket *at)
{
    return match_mask(at, 0);
}

static size_t lowest_slot(unsigned mask)
{
    size_t n = 0;

    while (!(mask & 1u)) {
        mask >>= 1;
        n++;
    }
    return n;
}
#endif

/*
 * Finds an ID equal to id, or the free slot where it would go: *bucket and
 * *slot say where; returns whether the ID is there.  Only slots whose tag
 * matches are compared: others are passed over without touching the arena,
 * where each look would be another cache miss.
 */
static bool probe(const struct rt_idset *set, const char *id, size_t len,
                  uint64_t hash, size_t *bucket, size_t *slot)
{
    size_t b = bucket_of(hash, set->bucket_count);
    unsigned char tag = tag_of(hash);
    unsigned match, free_slots;

    for (;; b = b + 1 == set->bucket_count ? 0 : b + 1) {
        const struct rt_id_bucket *at = &set->buckets[b];

        for (match = match_mask(at, tag); match; match &= match - 1)
            if (same_id(set, at->entries[lowest_slot(match)], id, len)) {
                *bucket = b;
                *slot = lowest_slot(match);
                return true;
            }
        free_slots = free_mask(at);
        if (free_slots) {
            *bucket = b;
            *slot = lowest_slot(free_slots);
            return false;
        }
    }
}

void rt_idset_prefetch_slot(const struct rt_idset *set, uint64_t hash)
{
    if (set->bucket_count)
        PREFETCH(&set->buckets[bucket_of(hash, set->bucket_count)]);
}

KEEP_CALLS void rt_idset_prefetch_id(const struct rt_idset *set, uint64_t hash)
{
    const struct rt_id_bucket *at;
    unsigned match;

    if (!set->bucket_count)
        return;
    at = &set->buckets[bucket_of(hash, set->bucket_count)];
    /* An ID and its payload share a cache line unless it is long. */
    for (match = match_mask(at, tag_of(hash)); match; match &= match - 1) {
        const unsigned char *entry =
            set->arena + at->entries[lowest_slot(match)];

        PREFETCH(entry);
        if (set->payload)
            PREFETCH(entry + before_id(set));
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

/*
 * The padding bytes that start an entry of `size` bytes on the next cache
 * line when, put at the arena's end, it would straddle two: with a
 * payload, a lookup reads the ID and its payload together, and one line
 * is one wait for memory where two are two.  Only entries of half a line
 * or less are padded, which costs them at most a few bytes in all: a
 * longer one (the 40-byte record of a subscription table's customer)
 * would leave most of a line empty, and the memory touched, and the time
 * spent faulting it in, grew more than the waits shrank (measured).
 * Without a payload (the ids commands) a set holds its IDs packed, as
 * arena_max counts them.
 */
static size_t line_padding(const struct rt_idset *set, size_t size)
{
    size_t at;

    /* The first entry is at 0, where every walk starts. */
    if (!set->payload || size > 32 || set->arena_len == 0)
        return 0;
    at = (size_t)((uintptr_t)(set->arena + set->arena_len) & 63);
    return at + size > 64 ? 64 - at : 0;
}

/*
 * Pads the arena's end as line_padding() says, when there is room within
 * arena_cap and arena_max: padding is only for speed, and never makes an
 * ID not fit.
 */
static void pad_arena(struct rt_idset *set, size_t size)
{
    size_t pad = line_padding(set, size), need = set->arena_len + pad + size;

    if (pad == 0 || need > set->arena_cap || need > set->arena_max)
        return;
    set->arena[set->arena_len] = (unsigned char)(pad == 1 ? ONE_PAD : PADDING);
    if (pad > 1)
        set->arena[set->arena_len + 1] = (unsigned char)pad;
    set->arena_len += pad;
}

/* Appends an ID to the arena, at *entry: RT_ERR_RANGE past arena_max. */
static enum rt_status append(struct rt_idset *set, const char *id, size_t len,
                             size_t *entry)
{
    size_t size = before_id(set) + len, need = set->arena_len + size;
    unsigned char *p;

    if (need > set->arena_max)
        return RT_ERR_RANGE;
    /* Room for the padding too, so that growing never moves it. */
    if (set->payload && need + 63 <= set->arena_max)
        need += 63;
    if (need > set->arena_cap && !grow_arena(set, need))
        return RT_ERR_NOMEM;
    pad_arena(set, size);
    *entry = set->arena_len;
    p = set->arena + set->arena_len;
    p[0] = 0;
    p[1] = (unsigned char)(len & 0xff);
    p[2] = (unsigned char)(len >> 8);
    memset(p + HEADER, 0, set->payload);
    memcpy(p + before_id(set), id, len);
    set->arena_len += size;
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
    status = append(set, id, len, entry);
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
    /* Past the padding too: the next entry is where the caller is. */
    *entry = skip_padding(set, *entry + before_id(set) + *len);
    return true;
}
