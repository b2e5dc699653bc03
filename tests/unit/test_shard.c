/*
 * test_shard.c - the hash and the part of an ID (src/shard/shard.c).
 *
 * The hashes are SipHash-2-4 under "retain shard key" as
 * tests/cli/shard_oracle.py computes them from the paper, and the
 * documented key must be those bytes; the parts are (h * N) >> 64 worked
 * by hand at the edges of the range.
 */
#include <string.h>

#include "shard.h"
#include "table.h"

struct hash_case {
    const char *name;
    const char *id;
    bool ignore_case;
    uint64_t hash;
};

static const struct hash_case hash_cases[] = {
    {"empty", "", false, UINT64_C(0xc495df1980bd3dfe)},
    {"one byte", "a", false, UINT64_C(0xb284977272df4b9f)},
    {"one word", "C0000001", false, UINT64_C(0x4dce20b6b0714eec)},
    {"two words and more", "customer-123456789", false,
     UINT64_C(0xda4abf8e33137594)},
    {"case folded", "A", true, UINT64_C(0xb284977272df4b9f)},
    {"case folded, words", "CUSTOMER-123456789", true,
     UINT64_C(0xda4abf8e33137594)},
};

static void test_hash(void **state)
{
    const struct hash_case *c = *state;

    assert_int_equal(rt_shard_hash(c->id, strlen(c->id), c->ignore_case),
                     c->hash);
}

struct part_case {
    const char *name;
    uint64_t hash;
    unsigned parts, part;
};

static const struct part_case part_cases[] = {
    {"one part", UINT64_MAX, 1, 0},
    {"zero", 0, 1000, 0},
    {"the largest hash, the last part", UINT64_MAX, 1000, 999},
    {"half way, of 2", UINT64_C(0x8000000000000000), 2, 1},
    {"just below half, of 2", UINT64_C(0x7fffffffffffffff), 2, 0},
    /* 2^64 / 3 = 0x5555555555555555.55...: the first hash of part 1 is
       the next whole number. */
    {"the last of part 0, of 3", UINT64_C(0x5555555555555555), 3, 0},
    {"the first of part 1, of 3", UINT64_C(0x5555555555555556), 3, 1},
    /* Low half carries into the high half: 0xffffffff * 7 >> 32 = 6. */
    {"a carry from the low half", UINT64_C(0x00000000ffffffff), 7, 0},
    {"one past 2^64 / 7", UINT64_C(0x2492492492492493), 7, 1},
    {"2^64 / 7 rounded down", UINT64_C(0x2492492492492492), 7, 0},
};

static void test_part(void **state)
{
    const struct part_case *c = *state;

    assert_int_equal(rt_shard_part(c->hash, c->parts), c->part);
}

/* The words of the key are the documented text, read little-endian. */
static void test_key(void **state)
{
    const unsigned char *text = (const unsigned char *)RT_SHARD_KEY_TEXT;
    uint64_t word[2] = {0, 0};
    size_t i;

    (void)state;
    assert_int_equal(strlen(RT_SHARD_KEY_TEXT), 16);
    for (i = 0; i < 16; i++)
        word[i / 8] |= (uint64_t)text[i] << (8 * (i % 8));
    assert_int_equal(word[0], rt_shard_key[0]);
    assert_int_equal(word[1], rt_shard_key[1]);
}

int main(void)
{
    const struct CMUnitTest plain[] = {cmocka_unit_test(test_key)};

    return TABLE_RUN("shard hash", hash_cases, test_hash) +
           TABLE_RUN("shard part", part_cases, test_part) +
           cmocka_run_group_tests_name("shard key", plain, NULL, NULL);
}
