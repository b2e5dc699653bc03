/*
 * siphash.h - SipHash, the keyed hash of Aumasson and Bernstein (internal).
 *
 * With a key the input cannot know, no input can be prepared in advance
 * so that many of its strings hash alike; that is what keeps a hash table
 * fast on hostile data.
 */
#ifndef RETAIN_SIPHASH_H
#define RETAIN_SIPHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * SipHash with c compression and d finalization rounds of data under key,
 * with the ASCII letters of data folded to lower case when fold_case is
 * set.  2-4 is the published reference, used in tests; 1-3 is faster and
 * what the set of IDs uses.
 */
uint64_t rt_siphash(const uint64_t key[2], const void *data, size_t len,
                    bool fold_case, unsigned c, unsigned d);

uint64_t rt_siphash13(const uint64_t key[2], const void *data, size_t len,
                      bool fold_case);

#endif
