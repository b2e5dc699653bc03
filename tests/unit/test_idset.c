/*
 * test_idset.c - the set of customer IDs.
 *
 * Each case adds a sequence of IDs (given with their lengths, so that NUL
 * bytes can be part of them) and expects the distinct IDs back in order of
 * first appearance.  Every case runs under two keys: the answer must not
 * depend on the hash.
 */
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "siphash.h"
#include "table.h"

struct id {
    const char *bytes;
    size_t len; /* 0: strlen(bytes) */
};

#define MAX_IDS 8

struct idset_case {
    const char *name;
    bool ignore_case;
    struct id added[MAX_IDS];
    /* The distinct IDs, in order of first appearance, joined by '|'. */
    const char *distinct;
    size_t distinct_len; /* 0: strlen(distinct) */
};

static const struct idset_case idset_cases[] = {
    {"one ID", false, {{"c1"}}, "c1"},
    {"duplicates count once",
     false,
     {{"a"}, {"b"}, {"a"}, {"b"}, {"c"}},
     "a|b|c"},
    {"order of first appearance", false, {{"z"}, {"a"}, {"m"}, {"a"}}, "z|a|m"},
    {"case matters by default", false, {{"Ab"}, {"aB"}, {"ab"}}, "Ab|aB|ab"},
    {"ignore case folds ASCII", true, {{"Ab"}, {"aB"}, {"ab"}, {"AB"}}, "Ab"},
    {"ignore case keeps other bytes",
     true,
     {{"\xc3\x89"}, {"\xc3\xa9"}, {"@"}, {"`"}},
     "\xc3\x89|\xc3\xa9|@|`"},
    {"ignore case folds only letters", true, {{"[x"}, {"{X"}}, "[x|{X"},
    {"spaces are part of an ID", false, {{" a"}, {"a"}, {"a "}}, " a|a|a "},
    {"CR is part of an ID here", false, {{"a\r"}, {"a"}}, "a\r|a"},
    {"NUL is a byte",
     false,
     {{"a\0b", 3}, {"a\0c", 3}, {"a", 1}, {"a\0b", 3}},
     "a\0b|a\0c|a",
     9},
    {"invalid UTF-8 is bytes",
     false,
     {{"\xff"}, {"\xfe\xff"}, {"\xff"}},
     "\xff|\xfe\xff"},
    {"last byte differs",
     false,
     {{"customer-000000001"}, {"customer-000000002"}, {"customer-000000001"}},
     "customer-000000001|customer-000000002"},
    {"prefix of another",
     false,
     {{"abcdefgh"}, {"abcdefg"}, {"abcdefghi"}},
     "abcdefgh|abcdefg|abcdefghi"},
};

static size_t id_len(const struct id *id)
{
    return id->len ? id->len : strlen(id->bytes);
}

/* The set's IDs in order, joined by '|', as a malloc'd string. */
static char *walk(const struct rt_idset *set, size_t *total)
{
    char *out = malloc(set->arena_len + set->count + 1);
    size_t entry = 0, len, at = 0;
    const char *id;
    unsigned flags;

    assert_non_null(out);
    while (rt_idset_next(set, &entry, &id, &len, &flags)) {
        if (at)
            out[at++] = '|';
        memcpy(out + at, id, len);
        at += len;
    }
    out[at] = '\0';
    *total = at;
    return out;
}

static void run_case(const struct idset_case *c, const uint64_t key[2])
{
    struct rt_idset set;
    size_t i, entry, found, len, added_count = 0;
    bool added;
    char *got;

    rt_idset_init(&set, key, c->ignore_case);
    for (i = 0; i < MAX_IDS && c->added[i].bytes; i++) {
        const struct id *id = &c->added[i];

        assert_int_equal(
            rt_idset_add(&set, id->bytes, id_len(id), &entry, &added), RT_OK);
        added_count += added;
        assert_true(rt_idset_find(&set, id->bytes, id_len(id), &found));
        assert_int_equal(found, entry);
    }
    assert_int_equal(set.count, added_count);
    got = walk(&set, &len);
    assert_int_equal(len,
                     c->distinct_len ? c->distinct_len : strlen(c->distinct));
    assert_memory_equal(got, c->distinct, len);
    free(got);
    rt_idset_free(&set);
}

static void test_idset(void **state)
{
    static const uint64_t keys[][2] = {
        {0, 0}, {UINT64_C(0x0123456789abcdef), UINT64_C(0xfedcba9876543210)}};
    const struct idset_case *c = *state;

    run_case(c, keys[0]);
    run_case(c, keys[1]);
}

/* A missing ID is not found, in an empty set and in a full one. */
static void test_find_missing(void **state)
{
    static const uint64_t key[2] = {1, 2};
    struct rt_idset set;
    size_t entry;
    bool added;

    (void)state;
    rt_idset_init(&set, key, false);
    assert_false(rt_idset_find(&set, "a", 1, &entry));
    assert_int_equal(rt_idset_add(&set, "a", 1, &entry, &added), RT_OK);
    assert_false(rt_idset_find(&set, "b", 1, &entry));
    assert_false(rt_idset_find(&set, "", 0, &entry));
    assert_false(rt_idset_find(&set, "A", 1, &entry));
    rt_idset_free(&set);
}

/* The longest ID is kept whole; one byte more is refused. */
static void test_longest_id(void **state)
{
    static const uint64_t key[2] = {3, 4};
    char *id = malloc(RT_ID_MAX + 1);
    struct rt_idset set;
    size_t entry, len, walked = 0;
    const char *back;
    unsigned flags;
    bool added;

    (void)state;
    assert_non_null(id);
    memset(id, 'x', RT_ID_MAX + 1);
    id[RT_ID_MAX - 1] = 'y';
    rt_idset_init(&set, key, false);
    assert_int_equal(rt_idset_add(&set, id, RT_ID_MAX, &entry, &added), RT_OK);
    assert_true(added);
    assert_int_equal(rt_idset_add(&set, id, RT_ID_MAX - 1, &entry, &added),
                     RT_OK);
    assert_true(added);
    assert_int_equal(rt_idset_add(&set, id, RT_ID_MAX + 1, &entry, &added),
                     RT_ERR_RANGE);
    assert_false(added);
    assert_true(rt_idset_next(&set, &walked, &back, &len, &flags));
    assert_int_equal(len, RT_ID_MAX);
    assert_memory_equal(back, id, RT_ID_MAX);
    assert_true(rt_idset_next(&set, &walked, &back, &len, &flags));
    assert_int_equal(len, RT_ID_MAX - 1);
    assert_false(rt_idset_next(&set, &walked, &back, &len, &flags));
    rt_idset_free(&set);
    free(id);
}

/*
 * Many IDs, through several growths of the table: every one is found,
 * duplicates are not added, and flags set on an entry stay with it.
 */
static void test_many(void **state)
{
    static const uint64_t key[2] = {5, 6};
    enum { COUNT = 200000 };
    struct rt_idset set;
    char id[32];
    size_t i, entry;
    bool added;

    (void)state;
    rt_idset_init(&set, key, true);
    for (i = 0; i < COUNT; i++) {
        int len = snprintf(id, sizeof id, "Customer-%zu", i * 7919 % COUNT);

        assert_int_equal(rt_idset_add(&set, id, (size_t)len, &entry, &added),
                         RT_OK);
        assert_true(added);
        if (i % 3 == 0)
            *rt_idset_flags(&set, entry) |= RT_ID_SEEN;
    }
    assert_int_equal(set.count, COUNT);
    for (i = 0; i < COUNT; i++) {
        int len = snprintf(id, sizeof id, "CUSTOMER-%zu", i * 7919 % COUNT);

        assert_int_equal(rt_idset_add(&set, id, (size_t)len, &entry, &added),
                         RT_OK);
        assert_false(added);
        assert_int_equal(*rt_idset_flags(&set, entry),
                         i % 3 == 0 ? RT_ID_SEEN : 0);
    }
    assert_int_equal(set.count, COUNT);
    rt_idset_free(&set);
}

/*
 * A set holds RT_IDSET_ARENA_MAX bytes, which its 4-byte offsets reach:
 * past the limit an ID is refused as out of range, not out of memory, and
 * the set stays as it was.  A small limit stands in for the 4 GiB one.
 */
static void test_arena_limit(void **state)
{
    static const uint64_t key[2] = {9, 10};
    struct rt_idset set;
    size_t entry;
    bool added;

    (void)state;
    rt_idset_init(&set, key, false);
    assert_int_equal(set.arena_max, RT_IDSET_ARENA_MAX);
    assert_true(RT_IDSET_ARENA_MAX <= UINT32_MAX);
    set.arena_max = 10; /* "aa" and "bb": 2 bytes and 3 each */
    assert_int_equal(rt_idset_add(&set, "aa", 2, &entry, &added), RT_OK);
    assert_int_equal(rt_idset_add(&set, "bb", 2, &entry, &added), RT_OK);
    assert_true(added);
    assert_int_equal(rt_idset_add(&set, "c", 1, &entry, &added), RT_ERR_RANGE);
    assert_false(added);
    assert_int_equal(rt_idset_add(&set, "aa", 2, &entry, &added), RT_OK);
    assert_false(added);
    assert_int_equal(set.count, 2);
    assert_false(rt_idset_find(&set, "c", 1, &entry));
    rt_idset_free(&set);
}

/*
 * A payload stays with its ID through the table's growth, starts zeroed,
 * and leaves the IDs and their order as they were.
 */
static void test_payload(void **state)
{
    static const uint64_t key[2] = {11, 12};
    enum { COUNT = 5000 };
    struct rt_idset set;
    char id[16];
    const char *back;
    size_t i, entry, len, walked = 0;
    uint32_t value;
    unsigned flags;
    bool added;

    (void)state;
    rt_idset_init(&set, key, false);
    rt_idset_set_payload(&set, sizeof value);
    for (i = 0; i < COUNT; i++) {
        int n = snprintf(id, sizeof id, "c%zu", i);

        assert_int_equal(rt_idset_add(&set, id, (size_t)n, &entry, &added),
                         RT_OK);
        memcpy(&value, rt_idset_payload(&set, entry), sizeof value);
        assert_int_equal(value, 0);
        value = (uint32_t)(i * 3 + 1);
        memcpy(rt_idset_payload(&set, entry), &value, sizeof value);
    }
    for (i = 0; i < COUNT; i++) {
        int n = snprintf(id, sizeof id, "c%zu", i);

        assert_true(rt_idset_find(&set, id, (size_t)n, &entry));
        memcpy(&value, rt_idset_payload(&set, entry), sizeof value);
        assert_int_equal(value, i * 3 + 1);
        assert_true(rt_idset_next(&set, &walked, &back, &len, &flags));
        assert_memory_equal(back, id, (size_t)n);
        assert_int_equal(len, n);
    }
    assert_false(rt_idset_next(&set, &walked, &back, &len, &flags));
    rt_idset_free(&set);
}

/*
 * IDs of every length from 5 to 24 bytes with a 20-byte payload (the
 * cohort engine's), so that many would straddle a cache line and are put
 * after padding, while the longest are never padded: each entry the walk stands
 * at between calls is the one a lookup finds, its payload is the one written,
 * and the walk sees each ID once, in order.
 */
static size_t pow10_of(size_t n)
{
    return n == 0 ? 1 : 10 * pow10_of(n - 1);
}

static size_t make_long_id(char *id, size_t i)
{
    size_t len = 5 + i % 20, k;

    /* Five digits make it distinct; letters make it long. */
    for (k = 0; k < len; k++)
        id[k] =
            (char)(k < 5 ? '0' + i / pow10_of(4 - k) % 10 : 'a' + (i + k) % 26);
    return len;
}

static void test_payload_lines(void **state)
{
    static const uint64_t key[2] = {13, 14};
    enum { COUNT = 3000, PAYLOAD = 20 };
    struct rt_idset set;
    char id[24], payload[PAYLOAD];
    const char *back;
    size_t i, entry, len, walked = 0, at;
    unsigned flags;
    bool added;

    (void)state;
    rt_idset_init(&set, key, false);
    rt_idset_set_payload(&set, PAYLOAD);
    for (i = 0; i < COUNT; i++) {
        len = make_long_id(id, i);
        assert_int_equal(rt_idset_add(&set, id, len, &entry, &added), RT_OK);
        assert_true(added);
        memset(payload, (int)(i % 251), PAYLOAD);
        memcpy(rt_idset_payload(&set, entry), payload, PAYLOAD);
    }
    for (i = 0; i < COUNT; i++) {
        at = walked;
        assert_true(rt_idset_next(&set, &walked, &back, &len, &flags));
        assert_int_equal(len, make_long_id(id, i));
        assert_memory_equal(back, id, len);
        assert_int_equal(flags, 0);
        assert_true(rt_idset_find(&set, id, len, &entry));
        assert_int_equal(entry, at);
        memset(payload, (int)(i % 251), PAYLOAD);
        assert_memory_equal(rt_idset_payload(&set, entry), payload, PAYLOAD);
    }
    assert_false(rt_idset_next(&set, &walked, &back, &len, &flags));
    rt_idset_free(&set);
}

/*
 * Padding is only for speed: with a payload, an ID that fits within
 * arena_max without its padding is still taken (the second here, wherever
 * the arena lies).
 */
static void test_payload_limit(void **state)
{
    static const uint64_t key[2] = {15, 16};
    struct rt_idset set;
    const char *back;
    size_t entry, len, walked = 0, i;
    unsigned flags;
    bool added;
    char id[40];

    (void)state;
    rt_idset_init(&set, key, false);
    rt_idset_set_payload(&set, 20);
    memset(id, 'x', sizeof id);
    set.arena_max = 84; /* two entries of 3 + 20 + 19 bytes, packed */
    for (i = 0; i < 2; i++) {
        id[0] = (char)('a' + i);
        assert_int_equal(rt_idset_add(&set, id, 19, &entry, &added), RT_OK);
        assert_true(added);
    }
    id[0] = 'd';
    assert_int_equal(rt_idset_add(&set, id, 1, &entry, &added), RT_ERR_RANGE);
    for (i = 0; i < 2; i++) {
        assert_true(rt_idset_next(&set, &walked, &back, &len, &flags));
        assert_int_equal(len, 19);
        assert_int_equal(back[0], 'a' + (int)i);
    }
    assert_false(rt_idset_next(&set, &walked, &back, &len, &flags));
    rt_idset_free(&set);
}

/* SipHash-2-4 against the reference vector of its paper (key 00..0f,
 * message 00..0e); 1-3 uses the same code with fewer rounds. */
static void test_siphash_reference(void **state)
{
    static const unsigned char key_bytes[16] = {0, 1, 2,  3,  4,  5,  6,  7,
                                                8, 9, 10, 11, 12, 13, 14, 15};
    unsigned char message[15];
    uint64_t key[2] = {0, 0};
    size_t i;

    (void)state;
    for (i = 0; i < 8; i++) {
        key[0] |= (uint64_t)key_bytes[i] << (8 * i);
        key[1] |= (uint64_t)key_bytes[i + 8] << (8 * i);
    }
    for (i = 0; i < sizeof message; i++)
        message[i] = (unsigned char)i;
    assert_int_equal(rt_siphash(key, message, sizeof message, false, 2, 4),
                     UINT64_C(0xa129ca6149be45e5));
    assert_int_equal(rt_siphash(key, "", 0, false, 2, 4),
                     UINT64_C(0x726fdb47dd0e0e31));
}

/* Folding case hashes "ABC" as "abc"; the key changes every hash. */
static void test_siphash_fold_and_key(void **state)
{
    static const uint64_t key[2] = {7, 8}, other[2] = {7, 9};

    (void)state;
    assert_int_equal(rt_siphash13(key, "ABCDEFGHIJ", 10, true),
                     rt_siphash13(key, "abcdefghij", 10, false));
    assert_int_not_equal(rt_siphash13(key, "ABCDEFGHIJ", 10, false),
                         rt_siphash13(key, "abcdefghij", 10, false));
    assert_int_not_equal(rt_siphash13(key, "abc", 3, false),
                         rt_siphash13(other, "abc", 3, false));
}

/* The written-out SipHash-1-3 of the IDs is the general function's 1-3,
 * at every length around the word boundaries, whole words and tails. */
static void test_siphash13_written_out(void **state)
{
    static const uint64_t key[2] = {UINT64_C(0x0706050403020100),
                                    UINT64_C(0x0f0e0d0c0b0a0908)};
    unsigned char message[40];
    size_t len;

    (void)state;
    for (len = 0; len < sizeof message; len++)
        message[len] = (unsigned char)(len * 37 + 11);
    for (len = 0; len <= sizeof message; len++)
        assert_int_equal(rt_siphash13(key, message, len, false),
                         rt_siphash(key, message, len, false, 1, 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_missing),
        cmocka_unit_test(test_longest_id),
        cmocka_unit_test(test_many),
        cmocka_unit_test(test_arena_limit),
        cmocka_unit_test(test_payload),
        cmocka_unit_test(test_payload_lines),
        cmocka_unit_test(test_payload_limit),
        cmocka_unit_test(test_siphash_reference),
        cmocka_unit_test(test_siphash_fold_and_key),
        cmocka_unit_test(test_siphash13_written_out),
    };
    int failed = TABLE_RUN("idset", idset_cases, test_idset);

    return failed + cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
