/*
 * failing_alloc.h - makes a chosen allocation fail, for out-of-memory
 * tests, and counts the blocks still allocated, for leak checks.
 *
 * A test linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,
 * --wrap=free (GNU ld, gold and lld) sends every allocation of the code
 * linked into it through here; the C library's own allocations (a FILE's
 * buffer) are not seen.  tests/CMakeLists.txt adds the flags.
 */
#ifndef RETAIN_TEST_FAILING_ALLOC_H
#define RETAIN_TEST_FAILING_ALLOC_H

#include <stdbool.h>

/*
 * Starts counting again: allocation number `fail_at` (from 1) fails, and
 * with `persistent` every one after it too; 0 fails none.
 */
void failing_alloc_reset(unsigned long fail_at, bool persistent);

/* Allocation calls since the reset, the failed ones included. */
unsigned long failing_alloc_calls(void);

/* Whether a call was made to fail since the reset. */
bool failing_alloc_failed(void);

/* Blocks allocated and not yet freed, since the program started. */
long failing_alloc_live(void);

#endif
