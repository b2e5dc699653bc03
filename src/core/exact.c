/*
 * exact.c - see exact.h.
 *
 * A figure with p digits after the point is the integer n nearest to
 * x * 10^p (halves away from zero), printed with a point.  For a ratio, n
 * comes from one long division.  For a power x = (a/s)^(p/q), n is guessed
 * in floating point and then proved: n is right when
 * n - 1/2 <= x * 10^p < n + 1/2, and raising both sides to the q-th power
 * turns each bound into a comparison of integers.  A median lifetime is
 * ln 2 / ln(s/a), irrational except when s/a is a power of 2; it is
 * computed in fixed point with a bound on the error, so that it lies in a
 * known interval, and the interval is narrowed until both ends round to
 * the same n.
 */
#include <math.h>
#include <string.h>

#include "exact.h"

/* Writes n with a point `precision` places from the right. */
static bool place_point(const struct rt_big *n, unsigned precision, char *buf,
                        size_t size)
{
    char digits[512];
    size_t len = rt_big_format(n, digits, sizeof digits), zeros = 0, at = 0;
    size_t i;

    if (len == 0)
        return false;
    if (len <= precision)
        zeros = precision + 1 - len; /* "5" at 2 digits is "0.05" */
    if (zeros + len + 2 > size)
        return false;
    for (i = 0; i < zeros + len; i++) {
        if (i == zeros + len - precision && precision > 0)
            buf[at++] = '.';
        buf[at++] = i < zeros ? '0' : digits[i - zeros];
    }
    buf[at] = '\0';
    return true;
}

static void power_of_ten(struct rt_big *to, unsigned exponent)
{
    struct rt_big ten;

    rt_big_init(&ten);
    rt_big_set(&ten, 10);
    rt_big_pow(to, &ten, exponent);
    rt_big_free(&ten);
}

/* n = floor((2 num + den) / (2 den)): num / den rounded, halves up. */
static void round_quotient(struct rt_big *n, const struct rt_big *num,
                           const struct rt_big *den)
{
    struct rt_big twice_num, twice_den;

    rt_big_init(&twice_num);
    rt_big_init(&twice_den);
    rt_big_add(&twice_num, num, num);
    rt_big_add(&twice_num, &twice_num, den);
    rt_big_add(&twice_den, den, den);
    rt_big_divmod(n, NULL, &twice_num, &twice_den);
    rt_big_free(&twice_num);
    rt_big_free(&twice_den);
}

bool rt_exact_ratio(const struct rt_big *num, const struct rt_big *den,
                    unsigned shift, unsigned precision, char *buf, size_t size)
{
    struct rt_big scaled, n;
    bool ok;

    rt_big_init(&scaled);
    rt_big_init(&n);
    power_of_ten(&scaled, shift + precision);
    rt_big_mul(&scaled, &scaled, num);
    round_quotient(&n, &scaled, den);
    ok = !n.failed && place_point(&n, precision, buf, size);
    rt_big_free(&scaled);
    rt_big_free(&n);
    return ok;
}

uint64_t rt_gcd(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t r = a % b;

        a = b;
        b = r;
    }
    return a;
}

/*
 * Fast paths: a figure in floating point, trusted only when no rounding
 * boundary lies within a relative FAST_MARGIN (times the condition of the
 * step) of it.  Each operation is accurate to an ulp or two (2^-52) and ln
 * is well conditioned the way it is taken (ln(s/a) for s >= 2a, log1p of
 * the lost share otherwise), so the margin is thousands of times the error
 * of any usable libm.  Near a boundary, or for a result too large to tell
 * its halves apart, the callers take their exact methods, which decide
 * ties as well.
 */
#define FAST_MARGIN (1.0 / 1099511627776.0) /* 2^-40 */
#define FAST_LIMIT  1125899906842624.0      /* 2^50 */

/* ln(s/a) > 0 for 1 <= a < s, to a few ulps. */
static double ln_ratio(uint64_t a, uint64_t s)
{
    if (s / 2 >= a)
        return log((double)s / (double)a);
    return -log1p(-((double)(s - a) / (double)s));
}

/* The integer nearest to v, when v is off every half by more than error. */
static bool fast_nearest(double v, double error, uint64_t *n)
{
    double below = floor(v);

    if (!(v >= 0 && v < FAST_LIMIT) ||
        !(fabs(v - (below + 0.5)) > error + FAST_MARGIN))
        return false;
    *n = (uint64_t)below + (v > below + 0.5);
    return true;
}

static double times_ten_to(double v, unsigned exponent)
{
    while (exponent-- > 0)
        v *= 10;
    return v;
}

/* round((a/s)^(p/q) * 10^digits) as exp((p/q) ln(a/s)), for 1 <= a < s. */
static bool fast_power(uint64_t a, uint64_t s, uint64_t p, uint64_t q,
                       unsigned digits, uint64_t *n)
{
    double y = -((double)p / (double)q) * ln_ratio(a, s);
    double v = times_ten_to(exp(y), digits);

    /* An error e in y is a relative error e in exp(y). */
    return fast_nearest(v, v * (4 - y) * FAST_MARGIN, n);
}

/* round(ln 2 / ln(s/a) * fn/fd * 10^precision), for 1 <= a < s. */
static bool fast_median(uint64_t a, uint64_t s, uint64_t fn, uint64_t fd,
                        unsigned precision, uint64_t *n)
{
    static const double ln2 = 0.69314718055994530942;
    double ln = ln_ratio(a, s), v;

    if (!(ln > 0))
        return false;
    v = times_ten_to(ln2 / ln * ((double)fn / (double)fd), precision);
    return fast_nearest(v, v * 4 * FAST_MARGIN, n);
}

/* The fixed parts of the comparisons for x = (a/s)^(p/q) at 10^digits. */
struct power {
    struct rt_big left;  /* a^p * (2 * 10^digits)^q */
    struct rt_big right; /* s^p */
    uint64_t q;
};

/*
 * Compares x * 10^digits with n + 1/2, as a^p (2 * 10^digits)^q with
 * (2n + 1)^q s^p.  n = -1 stands for the bound -1/2, below every x.
 */
static int compare_half(const struct power *pw, int64_t n, bool *failed)
{
    struct rt_big bound;
    int sign;

    if (n < 0)
        return 1;
    rt_big_init(&bound);
    rt_big_set(&bound, 2 * (uint64_t)n + 1);
    rt_big_pow(&bound, &bound, pw->q);
    rt_big_mul(&bound, &bound, &pw->right);
    sign = rt_big_cmp(&pw->left, &bound);
    if (bound.failed)
        *failed = true;
    rt_big_free(&bound);
    return sign;
}

static void set_power(struct power *pw, uint64_t a, uint64_t s, uint64_t p,
                      uint64_t q, unsigned digits)
{
    struct rt_big scale, base;

    rt_big_init(&pw->left);
    rt_big_init(&pw->right);
    rt_big_init(&scale);
    rt_big_init(&base);
    pw->q = q;
    power_of_ten(&scale, digits);
    rt_big_add(&scale, &scale, &scale);
    rt_big_pow(&scale, &scale, q);
    rt_big_set(&base, a);
    rt_big_pow(&pw->left, &base, p);
    rt_big_mul(&pw->left, &pw->left, &scale);
    rt_big_set(&base, s);
    rt_big_pow(&pw->right, &base, p);
    rt_big_free(&scale);
    rt_big_free(&base);
}

/*
 * The n with n - 1/2 <= x * 10^digits < n + 1/2, walking from the
 * floating-point guess; *tie when x * 10^digits is n - 1/2 exactly.
 */
static int64_t proved_nearest(const struct power *pw, int64_t guess,
                              int64_t top, bool *tie, bool *failed)
{
    int64_t n = guess < 0 ? 0 : guess > top ? top : guess;
    int below;

    while (n < top && compare_half(pw, n, failed) >= 0 && !*failed)
        n++;
    while ((below = compare_half(pw, n - 1, failed)) < 0 && !*failed)
        n--;
    *tie = below == 0;
    return n;
}

static bool power_text(uint64_t a, uint64_t s, uint64_t p, uint64_t q,
                       unsigned shift, unsigned precision, bool allow_fast,
                       char *power, char *complement, size_t size)
{
    unsigned digits = shift + precision;
    int64_t top = 1, n, guess;
    uint64_t common = rt_gcd(a, s), fast;
    struct power pw;
    struct rt_big value;
    bool tie = false, failed = false, ok;
    unsigned i;

    for (i = 0; i < digits; i++)
        top *= 10;
    if (a == 0)
        n = 0;
    else if (a == s)
        n = top;
    else if (allow_fast && fast_power(a, s, p, q, digits, &fast))
        n = (int64_t)fast;
    else {
        double estimate = pow((double)a / (double)s, (double)p / (double)q);

        a /= common;
        s /= common;
        guess = (int64_t)(estimate * (double)top + 0.5);
        set_power(&pw, a, s, p, q, digits);
        failed = pw.left.failed || pw.right.failed;
        n = failed ? 0 : proved_nearest(&pw, guess, top, &tie, &failed);
        rt_big_free(&pw.left);
        rt_big_free(&pw.right);
    }
    rt_big_init(&value);
    rt_big_set(&value, (uint64_t)n);
    ok = !failed && place_point(&value, precision, power, size);
    /* 10^d - x: at a tie x = n - 1/2, so 10^d - x rounds away to top-n+1. */
    rt_big_set(&value, (uint64_t)(top - n + (tie ? 1 : 0)));
    ok = ok && place_point(&value, precision, complement, size);
    rt_big_free(&value);
    return ok;
}

bool rt_exact_power(uint64_t a, uint64_t s, uint64_t p, uint64_t q,
                    unsigned shift, unsigned precision, char *power,
                    char *complement, size_t size)
{
    return power_text(a, s, p, q, shift, precision, true, power, complement,
                      size);
}

bool rt_exact_power_proved(uint64_t a, uint64_t s, uint64_t p, uint64_t q,
                           unsigned shift, unsigned precision, char *power,
                           char *complement, size_t size)
{
    return power_text(a, s, p, q, shift, precision, false, power, complement,
                      size);
}

/*
 * atanh(num / den) * 2^bits from below, for 0 <= num / den <= 1/3, as
 * the series t + t^3/3 + t^5/5 + ...  Every step truncates, so the sum is
 * never above the true value, and it is below by at most *error units:
 * with t^2 <= 1/9 the truncation errors shrink from term to term instead
 * of adding up, each term is off by less than 2 and the dropped tail is
 * below 3.
 */
static void atanh_below(struct rt_big *sum, const struct rt_big *num,
                        const struct rt_big *den, size_t bits, uint64_t *error)
{
    struct rt_big t, t2, term;
    uint64_t k, terms = 0;

    rt_big_init(&t);
    rt_big_init(&t2);
    rt_big_init(&term);
    rt_big_shl(&t, num, bits);
    rt_big_divmod(&term, NULL, &t, den);
    rt_big_copy(sum, &term);
    rt_big_mul(&t2, &term, &term);
    rt_big_shr(&t2, &t2, bits);
    for (k = 1; !rt_big_is_zero(&term) && !term.failed; k++) {
        rt_big_mul(&term, &term, &t2);
        rt_big_shr(&term, &term, bits);
        rt_big_div_small(&t, &term, (uint32_t)(2 * k + 1));
        rt_big_add(sum, sum, &t);
        terms++;
    }
    if (term.failed || t.failed || t2.failed)
        sum->failed = true;
    *error = 2 * (terms + 1) + 3;
    rt_big_free(&t);
    rt_big_free(&t2);
    rt_big_free(&term);
}

/* Bounds of ln 2 * 2^bits, from ln 2 = 2 atanh(1/3). */
static void ln2_bounds(struct rt_big *low, struct rt_big *high, size_t bits)
{
    struct rt_big one, three, slack;
    uint64_t error;

    rt_big_init(&one);
    rt_big_init(&three);
    rt_big_init(&slack);
    rt_big_set(&one, 1);
    rt_big_set(&three, 3);
    atanh_below(low, &one, &three, bits, &error);
    rt_big_add(low, low, low);
    rt_big_set(&slack, 2 * error);
    rt_big_add(high, low, &slack);
    if (slack.failed)
        high->failed = true;
    rt_big_free(&one);
    rt_big_free(&three);
    rt_big_free(&slack);
}

/*
 * Bounds of ln(s/a) * 2^bits, s > a: with s/a = 2^e * z, 1 <= z < 2,
 * ln(s/a) = e ln 2 + 2 atanh((z - 1) / (z + 1)), and (z-1)/(z+1) < 1/3.
 */
static void ln_bounds(struct rt_big *low, struct rt_big *high, uint64_t a,
                      uint64_t s, const struct rt_big *ln2_low,
                      const struct rt_big *ln2_high, size_t bits)
{
    struct rt_big big_a, big_s, scaled, num, den, part;
    size_t e;
    uint64_t error;

    rt_big_init(&big_a);
    rt_big_init(&big_s);
    rt_big_init(&scaled);
    rt_big_init(&num);
    rt_big_init(&den);
    rt_big_init(&part);
    rt_big_set(&big_a, a);
    rt_big_set(&big_s, s);
    /* s > a, so s has at least as many bits, unless setting it ran out of
       memory: then e = 0 and the failure carries through every step. */
    e = big_s.failed ? 0 : rt_big_bits(&big_s) - rt_big_bits(&big_a);
    rt_big_shl(&scaled, &big_a, e);
    if (e > 0 && rt_big_cmp(&scaled, &big_s) > 0)
        rt_big_shl(&scaled, &big_a, --e);
    rt_big_sub(&num, &big_s, &scaled);
    rt_big_add(&den, &big_s, &scaled);
    atanh_below(&part, &num, &den, bits, &error);
    rt_big_add(&part, &part, &part);
    rt_big_mul_small(low, ln2_low, (uint32_t)e);
    rt_big_add(low, low, &part);
    rt_big_mul_small(high, ln2_high, (uint32_t)e);
    rt_big_add(high, high, &part);
    rt_big_set(&num, 2 * error);
    rt_big_add(high, high, &num);
    rt_big_free(&big_a);
    rt_big_free(&big_s);
    rt_big_free(&scaled);
    rt_big_free(&num);
    rt_big_free(&den);
    rt_big_free(&part);
}

/* round(top * factor / (bottom * divisor)), halves up. */
static void round_scaled(struct rt_big *n, const struct rt_big *top,
                         const struct rt_big *factor,
                         const struct rt_big *bottom, uint64_t divisor)
{
    struct rt_big num, den;

    rt_big_init(&num);
    rt_big_init(&den);
    rt_big_mul(&num, top, factor);
    rt_big_set(&den, divisor);
    rt_big_mul(&den, &den, bottom);
    round_quotient(n, &num, &den);
    rt_big_free(&num);
    rt_big_free(&den);
}

/*
 * One try at `bits` bits: true when the whole interval rounds to one n,
 * which is then in *n.
 */
static bool median_at(struct rt_big *n, uint64_t a, uint64_t s,
                      const struct rt_big *factor, uint64_t fd, size_t bits,
                      bool *failed)
{
    struct rt_big l2lo, l2hi, lnlo, lnhi, nlo, nhi;
    bool decided = false;

    rt_big_init(&l2lo);
    rt_big_init(&l2hi);
    rt_big_init(&lnlo);
    rt_big_init(&lnhi);
    rt_big_init(&nlo);
    rt_big_init(&nhi);
    ln2_bounds(&l2lo, &l2hi, bits);
    ln_bounds(&lnlo, &lnhi, a, s, &l2lo, &l2hi, bits);
    if (!rt_big_is_zero(&lnlo)) {
        round_scaled(&nlo, &l2lo, factor, &lnhi, fd);
        round_scaled(&nhi, &l2hi, factor, &lnlo, fd);
        decided = rt_big_cmp(&nlo, &nhi) == 0;
    }
    *failed = nlo.failed || nhi.failed || lnlo.failed || lnhi.failed;
    if (decided)
        rt_big_copy(n, &nlo);
    rt_big_free(&l2lo);
    rt_big_free(&l2hi);
    rt_big_free(&lnlo);
    rt_big_free(&lnhi);
    rt_big_free(&nlo);
    rt_big_free(&nhi);
    return decided;
}

/* The e with s/a = 2^e exactly, or 0 when there is none. */
static unsigned power_of_two(uint64_t a, uint64_t s)
{
    unsigned e = 0;

    if (s % a != 0)
        return 0;
    s /= a;
    while (s % 2 == 0) {
        s /= 2;
        e++;
    }
    return s == 1 ? e : 0;
}

/* Working precision: enough for 2^63 with 12 digits, then doubled. */
#define FIRST_BITS 256
#define LAST_BITS  (1u << 16)

bool rt_exact_median(uint64_t a, uint64_t s, uint64_t fn, uint64_t fd,
                     unsigned precision, char *buf, size_t size)
{
    uint64_t fast, common = rt_gcd(a, s);
    struct rt_big n;
    bool ok;

    /* s/a = 2^e is rational and may be a tie: the exact method decides. */
    if (power_of_two(a / common, s / common) > 0 ||
        !fast_median(a, s, fn, fd, precision, &fast))
        return rt_exact_median_interval(a, s, fn, fd, precision, buf, size);
    rt_big_init(&n);
    rt_big_set(&n, fast);
    ok = !n.failed && place_point(&n, precision, buf, size);
    rt_big_free(&n);
    return ok;
}

bool rt_exact_median_interval(uint64_t a, uint64_t s, uint64_t fn, uint64_t fd,
                              unsigned precision, char *buf, size_t size)
{
    uint64_t common = rt_gcd(a, s);
    unsigned e;
    struct rt_big n, factor, den;
    size_t bits;
    bool failed = false, ok;

    a /= common;
    s /= common;
    rt_big_init(&n);
    rt_big_init(&factor);
    rt_big_init(&den);
    rt_big_set(&factor, fn);
    e = power_of_two(a, s);
    if (e > 0) { /* ln 2 / (e ln 2): rational, and may be a tie */
        rt_big_set(&den, (uint64_t)e * fd);
        ok = rt_exact_ratio(&factor, &den, 0, precision, buf, size);
    } else {
        power_of_ten(&den, precision);
        rt_big_mul(&factor, &factor, &den);
        ok = false;
        for (bits = FIRST_BITS; bits <= LAST_BITS && !ok && !failed; bits *= 2)
            ok = median_at(&n, a, s, &factor, fd, bits, &failed);
        ok = ok && !failed && place_point(&n, precision, buf, size);
    }
    rt_big_free(&n);
    rt_big_free(&factor);
    rt_big_free(&den);
    return ok;
}
