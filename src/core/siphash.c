/* siphash.c - see siphash.h. */
#include "siphash.h"

static uint64_t rotl(uint64_t x, unsigned b)
{
    return (x << b) | (x >> (64 - b));
}

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Little-endian word of up to 8 bytes, folded when asked.  The plain loop
 * of 8 is what compilers turn into one load. */
static uint64_t load(const unsigned char *p, size_t n, bool fold_case)
{
    uint64_t m = 0;
    size_t i;

    if (n == 8 && !fold_case) {
        for (i = 0; i < 8; i++)
            m |= (uint64_t)p[i] << (8 * i);
        return m;
    }
    for (i = 0; i < n; i++)
        m |= (uint64_t)(fold_case ? fold(p[i]) : p[i]) << (8 * i);
    return m;
}

#define SIPROUND                                                               \
    do {                                                                       \
        v0 += v1;                                                              \
        v1 = rotl(v1, 13);                                                     \
        v1 ^= v0;                                                              \
        v0 = rotl(v0, 32);                                                     \
        v2 += v3;                                                              \
        v3 = rotl(v3, 16);                                                     \
        v3 ^= v2;                                                              \
        v0 += v3;                                                              \
        v3 = rotl(v3, 21);                                                     \
        v3 ^= v0;                                                              \
        v2 += v1;                                                              \
        v1 = rotl(v1, 17);                                                     \
        v1 ^= v2;                                                              \
        v2 = rotl(v2, 32);                                                     \
    } while (0)

/* SipHash with c compression and d finalization rounds. */
uint64_t rt_siphash(const uint64_t key[2], const void *data, size_t len,
                    bool fold_case, unsigned c, unsigned d)
{
    const unsigned char *p = data;
    uint64_t v0 = key[0] ^ UINT64_C(0x736f6d6570736575);
    uint64_t v1 = key[1] ^ UINT64_C(0x646f72616e646f6d);
    uint64_t v2 = key[0] ^ UINT64_C(0x6c7967656e657261);
    uint64_t v3 = key[1] ^ UINT64_C(0x7465646279746573);
    uint64_t m;
    size_t left = len;
    unsigned i;

    for (; left >= 8; p += 8, left -= 8) {
        m = load(p, 8, fold_case);
        v3 ^= m;
        for (i = 0; i < c; i++)
            SIPROUND;
        v0 ^= m;
    }
    m = load(p, left, fold_case) | ((uint64_t)len << 56);
    v3 ^= m;
    for (i = 0; i < c; i++)
        SIPROUND;
    v0 ^= m;
    v2 ^= 0xff;
    for (i = 0; i < d; i++)
        SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

/*
 * SipHash-1-3 of bytes as they are, written out: the hash of every ID of
 * a log, where the general function's loops over its rounds, and its case
 * test on every byte, cost a third of its time.  The same value as
 * rt_siphash(key, data, len, false, 1, 3).
 */
static uint64_t siphash13_exact(const uint64_t key[2], const unsigned char *p,
                                size_t len)
{
    uint64_t v0 = key[0] ^ UINT64_C(0x736f6d6570736575);
    uint64_t v1 = key[1] ^ UINT64_C(0x646f72616e646f6d);
    uint64_t v2 = key[0] ^ UINT64_C(0x6c7967656e657261);
    uint64_t v3 = key[1] ^ UINT64_C(0x7465646279746573);
    uint64_t m = 0;
    size_t left = len, i;

    for (; left >= 8; p += 8, left -= 8) {
        m = load(p, 8, false);
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    m = (uint64_t)len << 56;
    for (i = 0; i < left; i++)
        m |= (uint64_t)p[i] << (8 * i);
    v3 ^= m;
    SIPROUND;
    v0 ^= m;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

uint64_t rt_siphash13(const uint64_t key[2], const void *data, size_t len,
                      bool fold_case)
{
    if (!fold_case)
        return siphash13_exact(key, data, len);
    return rt_siphash(key, data, len, fold_case, 1, 3);
}
