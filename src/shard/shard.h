/*
 * shard.h - splitting records into parts by customer (internal).
 *
 * retain shard sends every row of a CSV/TSV stream (or every line of a
 * plain list of IDs) to one of N parts, chosen by a keyed hash of the
 * row's customer ID, so that all the rows of one customer land in one
 * part on any machine: the parts can then be counted apart (--partial)
 * and the counts added (retain merge).
 *
 * The hash is SipHash-2-4 under a fixed, published key: the 16 ASCII
 * bytes "retain shard key" (k0 the first 8 read little-endian, k1 the
 * next 8).  The ID hashed is the field as the commands read it: unquoted
 * (CSV) or unescaped (TSV), after --trim and --ignore-case when given.
 * The part of hash h among N is (h * N) >> 64: the high bits of h pick
 * it, each part taking an equal slice of the hash range.
 *
 * The module never opens a file: rows go to the caller through a sink.
 */
#ifndef RETAIN_SHARD_H
#define RETAIN_SHARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "describe.h"

/* The most parts: each is a file held open while shard runs, and the
   usual limit of open files is 1024. */
#define RT_SHARD_PARTS_MAX 1000

/* The key of the hash, as bytes and as the two words SipHash takes. */
#define RT_SHARD_KEY_TEXT "retain shard key"
extern const uint64_t rt_shard_key[2];

/* SipHash-2-4 of the len bytes of id under rt_shard_key, A-Z folded to
   lower case first when ignore_case. */
uint64_t rt_shard_hash(const char *id, size_t len, bool ignore_case);

/* The part, from 0 to parts - 1, of a hash: (hash * parts) >> 64. */
unsigned rt_shard_part(uint64_t hash, unsigned parts);

struct rt_shard_options {
    const char *column; /* the --by column; NULL with plain */
    bool plain;         /* one ID a line, no header */
    char delimiter;     /* -d, or 0: from the name, else sniffed */
    bool trim;          /* spaces and tabs around an ID are not hashed */
    bool ignore_case;   /* A-Z are hashed as a-z */
    unsigned parts;     /* 1 to RT_SHARD_PARTS_MAX */
};

/*
 * Where rows go.  start() is called once, before the first row, with the
 * delimiter of the parts (0 for a plain list), so that the caller can
 * name them; row() writes the len bytes of one row (without its line end)
 * and a line end to part `part`.  Either returns false when it failed
 * (having said why), which stops the shard.
 */
struct rt_shard_sink {
    bool (*start)(void *context, char delimiter);
    bool (*row)(void *context, unsigned part, const char *data, size_t len);
    void *context;
};

struct rt_shard {
    struct rt_shard_options options;
    struct rt_reporter reporter;
    struct rt_shard_sink sink;
    char *header; /* the first input's header line, as written */
    size_t header_len;
    char delimiter; /* the first input's */
    const char *first_name;
    bool started; /* sink.start() was called */
    bool have_header;
    uint64_t rows;                           /* rows written */
    uint64_t left_out;                       /* rows reported and not written */
    uint64_t input_left_out, first_left_out; /* of the input being read */
};

enum rt_shard_result {
    RT_SHARD_OK,
    RT_SHARD_UNUSABLE, /* reported: an input that cannot be read or split */
    RT_SHARD_WRITE_FAIL,
    RT_SHARD_NO_MEMORY
};

void rt_shard_init(struct rt_shard *shard,
                   const struct rt_shard_options *options,
                   struct rt_reporter reporter, struct rt_shard_sink sink);
void rt_shard_free(struct rt_shard *shard);

/*
 * Splits one input, `name` naming it in diagnostics.  With a header, the
 * first input's header goes to every part before any row; a later input
 * must have the same header line and delimiter.  Blank lines are dropped;
 * a row that lacks the --by field, or whose fields cannot be told apart
 * (text after a closing quote, a quote left open), is left out
 * (shard->left_out): the first of an input is reported as a warning, and
 * how many there were in all when more than one.  Other rows are written as the
 * input has them, with an LF line end.
 */
enum rt_shard_result rt_shard_read(struct rt_shard *shard, FILE *in,
                                   const char *name);

#endif
