/*
 * fuzz.h - what every fuzz target shares: the libFuzzer entry point and a
 * check that stops the run with the broken property named.
 */
#ifndef RETAIN_FUZZ_H
#define RETAIN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(condition, what)                                            \
    do {                                                                       \
        if (!(condition)) {                                                    \
            fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__,          \
                    __LINE__, what);                                           \
            abort();                                                           \
        }                                                                      \
    } while (0)

#endif
