/*
 * test_exact_nomem.c - the exact proofs out of memory: each row of
 * exact_cases.h proved once as it is, then with each of its allocations
 * failing in turn (every one of the first 256, then a spread of later
 * ones), alone and with every later one.  Each such run must say it
 * failed or give the same texts, and free what it allocated.
 */
#include <stdbool.h>
#include <string.h>

#include "bignum.h"
#include "exact.h"
#include "exact_cases.h"
#include "failing_alloc.h"
#include "table.h"

typedef bool proof_fn(const void *row, char *text, char *second, size_t size);

static unsigned long next_failure(unsigned long n)
{
    return n < 256 ? n + 1 : n + n / 8;
}

static void check_out_of_memory(proof_fn *proof, const void *row)
{
    char want[80], want_second[80], got[80], got_second[80];
    long live = failing_alloc_live();
    unsigned long calls, n;
    int persistent;

    failing_alloc_reset(0, false);
    assert_true(proof(row, want, want_second, sizeof want));
    calls = failing_alloc_calls();
    assert_int_equal(failing_alloc_live(), live);
    for (n = 1; n <= calls; n = next_failure(n))
        for (persistent = 0; persistent < 2; persistent++) {
            bool ok;

            failing_alloc_reset(n, persistent != 0);
            ok = proof(row, got, got_second, sizeof got);
            failing_alloc_reset(0, false);
            assert_int_equal(failing_alloc_live(), live);
            if (ok) {
                assert_string_equal(got, want);
                assert_string_equal(got_second, want_second);
            }
        }
}

static bool prove_power(const void *row, char *power, char *complement,
                        size_t size)
{
    const struct power_case *c = row;

    return rt_exact_power_proved(c->a, c->s, c->p, c->q, 2, c->precision, power,
                                 complement, size);
}

static bool prove_median(const void *row, char *text, char *second, size_t size)
{
    const struct median_case *c = row;

    second[0] = '\0';
    return rt_exact_median_interval(c->a, c->s, c->fn, c->fd, c->precision,
                                    text, size);
}

/* The ratio with its operands built under the same failing allocations. */
static bool divide(const void *row, char *text, char *second, size_t size)
{
    second[0] = '\0';
    return divide_case(row, text, size);
}

static void test_power_out_of_memory(void **state)
{
    check_out_of_memory(prove_power, *state);
}

static void test_median_out_of_memory(void **state)
{
    check_out_of_memory(prove_median, *state);
}

static void test_ratio_out_of_memory(void **state)
{
    check_out_of_memory(divide, *state);
}

int main(void)
{
    return TABLE_RUN("power_out_of_memory", power_cases,
                     test_power_out_of_memory) |
           TABLE_RUN("median_out_of_memory", median_cases,
                     test_median_out_of_memory) |
           TABLE_RUN("ratio_out_of_memory", ratio_cases,
                     test_ratio_out_of_memory);
}
