/* failing_alloc.c - see failing_alloc.h. */
#include <stdatomic.h>
#include <stddef.h>

#include "failing_alloc.h"

/* The real functions, which the linker's --wrap names __real_*. */
void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *block, size_t size);
void __real_free(void *block);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *block, size_t size);
void __wrap_free(void *block);

/* Atomic: retain batch allocates on its worker threads too. */
static atomic_ulong calls;
static atomic_ulong fail_from;
static atomic_bool fail_persistent;
static atomic_bool failed;
static atomic_long live;

void failing_alloc_reset(unsigned long fail_at, bool persistent)
{
    atomic_store(&calls, 0);
    atomic_store(&failed, false);
    atomic_store(&fail_persistent, persistent);
    atomic_store(&fail_from, fail_at);
}

unsigned long failing_alloc_calls(void)
{
    return atomic_load(&calls);
}

bool failing_alloc_failed(void)
{
    return atomic_load(&failed);
}

long failing_alloc_live(void)
{
    return atomic_load(&live);
}

/* Counts one call and says whether it is to fail. */
static bool should_fail(void)
{
    unsigned long n = atomic_fetch_add(&calls, 1) + 1;
    unsigned long from = atomic_load(&fail_from);

    if (from == 0 || n < from || (n > from && !atomic_load(&fail_persistent)))
        return false;
    atomic_store(&failed, true);
    return true;
}

void *__wrap_malloc(size_t size)
{
    void *block = should_fail() ? NULL : __real_malloc(size);

    if (block)
        atomic_fetch_add(&live, 1);
    return block;
}

void *__wrap_calloc(size_t count, size_t size)
{
    void *block = should_fail() ? NULL : __real_calloc(count, size);

    if (block)
        atomic_fetch_add(&live, 1);
    return block;
}

void *__wrap_realloc(void *block, size_t size)
{
    void *moved = should_fail() ? NULL : __real_realloc(block, size);

    if (moved && !block)
        atomic_fetch_add(&live, 1);
    return moved;
}

void __wrap_free(void *block)
{
    if (block)
        atomic_fetch_sub(&live, 1);
    __real_free(block);
}
