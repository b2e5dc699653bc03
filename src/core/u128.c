#include "u128.h"

struct rt_u128 rt_u128_from(uint64_t value)
{
    struct rt_u128 r = {0, value};
    return r;
}

bool rt_u128_is_zero(struct rt_u128 a)
{
    return a.hi == 0 && a.lo == 0;
}

int rt_u128_cmp(struct rt_u128 a, struct rt_u128 b)
{
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    if (a.lo != b.lo)
        return a.lo < b.lo ? -1 : 1;
    return 0;
}

struct rt_u128 rt_u128_add(struct rt_u128 a, struct rt_u128 b, bool *overflow)
{
    struct rt_u128 r;
    uint64_t carry;

    r.lo = a.lo + b.lo;
    carry = r.lo < a.lo;
    r.hi = a.hi + b.hi + carry;
    if (r.hi < a.hi || (r.hi == a.hi && (b.hi != 0 || carry)))
        *overflow = true;
    return r;
}

struct rt_u128 rt_u128_sub(struct rt_u128 a, struct rt_u128 b)
{
    struct rt_u128 r;

    r.lo = a.lo - b.lo;
    r.hi = a.hi - b.hi - (a.lo < b.lo);
    return r;
}

struct rt_u128 rt_u128_mul64(uint64_t a, uint64_t b)
{
    uint64_t a0 = a & 0xffffffffu, a1 = a >> 32;
    uint64_t b0 = b & 0xffffffffu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
    struct rt_u128 r;

    r.lo = (mid << 32) | (p00 & 0xffffffffu);
    r.hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return r;
}

struct rt_u128 rt_u128_mul_small(struct rt_u128 a, uint32_t m, bool *overflow)
{
    struct rt_u128 low = rt_u128_mul64(a.lo, m);
    struct rt_u128 high = rt_u128_mul64(a.hi, m);

    if (high.hi != 0)
        *overflow = true;
    low.hi += high.lo;
    if (low.hi < high.lo)
        *overflow = true;
    return low;
}

static unsigned bit_length(struct rt_u128 a)
{
    unsigned n = 0;
    uint64_t top = a.hi ? a.hi : a.lo;

    while (top) {
        top >>= 1;
        n++;
    }
    return a.hi ? n + 64 : n;
}

/* Leading zero bits of a non-zero value. */
static unsigned leading_zeros(uint64_t v)
{
    unsigned n = 0, step;

    for (step = 32; step > 0; step /= 2) {
        if (v >> (64 - step) == 0) {
            v <<= step;
            n += step;
        }
    }
    return n;
}

/*
 * Knuth's algorithm D for two 32-bit digits of quotient, as Hacker's
 * Delight writes it (divlu): the divisor is shifted until its top bit is
 * set, then each digit is estimated from the top halves and corrected at
 * most twice.  Every product below stays within 64 bits.
 */
uint64_t rt_u128_div64(struct rt_u128 a, uint64_t d, uint64_t *rem)
{
    const uint64_t base = UINT64_C(1) << 32, mask = base - 1;
    uint64_t top, low, d1, d0, q1, q0, rhat, middle;
    unsigned shift;

    if (a.hi == 0) {
        *rem = a.lo % d;
        return a.lo / d;
    }
    shift = leading_zeros(d);
    d <<= shift;
    d1 = d >> 32;
    d0 = d & mask;
    top = shift ? a.hi << shift | a.lo >> (64 - shift) : a.hi;
    low = a.lo << shift;
    q1 = top / d1;
    rhat = top - q1 * d1;
    while (q1 >= base || q1 * d0 > (rhat << 32 | low >> 32)) {
        q1--;
        rhat += d1;
        if (rhat >= base)
            break;
    }
    middle = (top << 32 | low >> 32) - q1 * d;
    q0 = middle / d1;
    rhat = middle - q0 * d1;
    while (q0 >= base || q0 * d0 > (rhat << 32 | (low & mask))) {
        q0--;
        rhat += d1;
        if (rhat >= base)
            break;
    }
    *rem = ((middle << 32 | (low & mask)) - q0 * d) >> shift;
    return q1 << 32 | q0;
}

/*
 * Shift-and-subtract long division, one bit at a time from the highest set
 * bit of a.  It is slow next to a hardware divide, which is why the callers
 * take it only when the operands do not fit in 64 bits.
 */
void rt_u128_divmod(struct rt_u128 a, struct rt_u128 b, struct rt_u128 *quot,
                    struct rt_u128 *rem)
{
    struct rt_u128 q = {0, 0}, r = {0, 0};
    unsigned i;

    if (a.hi == 0 && b.hi == 0) {
        *quot = rt_u128_from(a.lo / b.lo);
        *rem = rt_u128_from(a.lo % b.lo);
        return;
    }
    for (i = bit_length(a); i-- > 0;) {
        uint64_t bit = i >= 64 ? (a.hi >> (i - 64)) & 1 : (a.lo >> i) & 1;
        bool carry_out = (r.hi >> 63) != 0;

        r.hi = (r.hi << 1) | (r.lo >> 63);
        r.lo = (r.lo << 1) | bit;
        if (carry_out || rt_u128_cmp(r, b) >= 0) {
            r = rt_u128_sub(r, b);
            if (i >= 64)
                q.hi |= UINT64_C(1) << (i - 64);
            else
                q.lo |= UINT64_C(1) << i;
        }
    }
    *quot = q;
    *rem = r;
}

size_t rt_u128_format(struct rt_u128 a, char buf[RT_U128_DIGITS + 1])
{
    char rev[RT_U128_DIGITS];
    struct rt_u128 ten = rt_u128_from(10), digit;
    size_t n = 0, i;

    do {
        if (a.hi == 0) {
            rev[n++] = (char)('0' + a.lo % 10);
            a.lo /= 10;
        } else {
            rt_u128_divmod(a, ten, &a, &digit);
            rev[n++] = (char)('0' + digit.lo);
        }
    } while (!rt_u128_is_zero(a));
    for (i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
    return n;
}
