/*
 * test_mean_nomem.c - the exact mean out of memory.  Each case builds its
 * rows into two tallies, merges them and works out the mean, once as it
 * is, then with each of its allocations failing in turn (every one of the
 * first 256, then a spread of later ones), alone and with every later one.
 * Each such run must say it failed or give the same text, and free what it
 * allocated.  The cases take the exact path: means at a rounding boundary.
 */
#include <stdbool.h>
#include <string.h>

#include "failing_alloc.h"
#include "table.h"
#include "tally.h"

static const uint64_t key[2] = {7, 11};

struct nomem_case {
    const char *name;
    unsigned pairs; /* rows a/s and (s - a)/s for this many odd s ... */
    unsigned wide;  /* ... or rows 1/s and -2/(2s) for this many s ~ 2^61 */
    unsigned precision;
    const char *want;
};

static const struct nomem_case nomem_cases[] = {
    {"a halfway mean over 3 start counts", 3, 0, 0, "51"},
    {"a halfway mean over 1,024 start counts", 1024, 0, 0, "51"},
    {"past 1,024 start counts: undecided", 1025, 0, 0, "undecided"},
    {"a common denominator of 3,000 bits", 0, 50, 0, "1"},
    {"a mean off the boundary at -p 1", 40, 0, 1, "50.5"},
};

static bool add_row(struct rt_tally *tally, uint64_t start, uint64_t end,
                    uint64_t new_customers)
{
    const struct rt_counts counts = {start, end, new_customers, true};
    struct rt_figures figures;
    struct rt_mean_term term;

    assert_int_equal(rt_figures_compute(&counts, 2, &figures), RT_OK);
    rt_tally_term(&figures, &term);
    return rt_tally_add(tally, &figures, &term);
}

/* The rows of a case, alternately into two tallies; false: no memory. */
static bool add_rows(struct rt_tally two[2], const struct nomem_case *c)
{
    uint64_t s = 1, big = (UINT64_C(1) << 61) + 1;
    unsigned i, n = 0;
    bool ok = true;

    for (i = 0; i < c->pairs; i++) {
        do
            s += 2;
        while (s % 5 == 0);
        ok = add_row(&two[n++ % 2], s, 1, 0) && ok;
        ok = add_row(&two[n++ % 2], s, s - 1, 0) && ok;
    }
    for (i = 0; i < c->wide; i++, big += 2) {
        ok = add_row(&two[n++ % 2], big, 1, 0) && ok;
        ok = add_row(&two[n++ % 2], 2 * big, 0, 2) && ok;
    }
    /* One row that puts the mean halfway at -p 0, as in test_tally.c. */
    if (c->pairs)
        ok = add_row(&two[0], 1000, 10 * (uint64_t)c->pairs + 505, 0) && ok;
    else
        ok = add_row(&two[0], 1000, 10 * (uint64_t)c->wide + 5, 0) && ok;
    return ok;
}

/* The mean's text, "undecided", or false when out of memory. */
static bool mean_of(const struct nomem_case *c, char text[RT_TALLY_TEXT_SIZE])
{
    struct rt_tally two[2];
    bool ok;

    rt_tally_init(&two[0], key);
    rt_tally_init(&two[1], key);
    ok = add_rows(two, c) && rt_tally_merge(&two[0], &two[1]);
    if (ok) {
        switch (rt_tally_mean(&two[0], c->precision, text)) {
        case RT_MEAN_KNOWN:
            break;
        case RT_MEAN_UNDECIDED:
            strcpy(text, "undecided");
            break;
        default:
            ok = false;
        }
    }
    rt_tally_free(&two[0]);
    rt_tally_free(&two[1]);
    return ok;
}

static unsigned long next_failure(unsigned long n)
{
    return n < 256 ? n + 1 : n + n / 8;
}

static void test_out_of_memory(void **state)
{
    const struct nomem_case *c = *state;
    char want[RT_TALLY_TEXT_SIZE], got[RT_TALLY_TEXT_SIZE];
    long live = failing_alloc_live();
    unsigned long calls, n;
    int persistent;

    failing_alloc_reset(0, false);
    assert_true(mean_of(c, want));
    assert_string_equal(want, c->want);
    calls = failing_alloc_calls();
    assert_int_equal(failing_alloc_live(), live);
    assert_true(calls > 0);
    for (n = 1; n <= calls; n = next_failure(n))
        for (persistent = 0; persistent < 2; persistent++) {
            bool ok;

            failing_alloc_reset(n, persistent != 0);
            ok = mean_of(c, got);
            failing_alloc_reset(0, false);
            assert_int_equal(failing_alloc_live(), live);
            if (ok)
                assert_string_equal(got, want);
        }
}

int main(void)
{
    return TABLE_RUN("mean out of memory", nomem_cases, test_out_of_memory);
}
