/*
 * cohort_chunk.h - a chunk of a log's rows, read and waiting for the
 * engine (internal to src/cohorts).
 *
 * The thread that reads rows fills a chunk with their events (each ID's
 * bytes copied in, and its hash computed) and with the messages of the
 * rows it left out, in order; the engine is fed the chunk's events
 * whole, and the messages are replayed when the chunk comes back.  A
 * chunk holds a bounded amount: it is full at COHORT_CHUNK_EVENTS events
 * or when its bytes or its messages pass a few hundred kilobytes.
 */
#ifndef RETAIN_COHORT_CHUNK_H
#define RETAIN_COHORT_CHUNK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cohort_engine.h"
#include "describe.h"

#define COHORT_CHUNK_EVENTS 4096

/*
 * An event as a chunk keeps it: small, for the chunk crosses from one
 * core's cache to another's.  Its bytes are in the chunk's `bytes`.
 */
struct cohort_chunk_event {
    uint64_t hash; /* of the ID, rt_cohort_engine_hash() */
    uint32_t id_at, segment_at;
    uint16_t id_len, segment_len; /* at most RT_ID_MAX */
    int32_t period, day;
    union {
        int32_t signup;
        int32_t lo; /* a subscription row's range, which has no signup */
    };
    int32_t hi;          /* 40 bytes still: hi takes what was padding */
    unsigned char flags; /* CHUNK_START ... CHUNK_OPEN, cohort_chunk.c */
};

_Static_assert(sizeof(struct cohort_chunk_event) <= 40,
               "a chunk's event stays small (it crosses between cores)");

struct cohort_chunk {
    struct cohort_chunk_event events[COHORT_CHUNK_EVENTS];
    uint64_t lines[COHORT_CHUNK_EVENTS]; /* read by the calling thread */
    size_t count;
    char *bytes;
    size_t bytes_len, bytes_cap;
    /* Messages: per message a severity byte, the line in 8 bytes, and the
       text with its NUL. */
    char *notes;
    size_t notes_len, notes_cap;
    /* What feeding it did: events taken, and RT_OK or why it stopped. */
    size_t fed;
    enum rt_status status;
    /* The events' hashes are left to the thread that feeds them, which
       was idle (cohort_pipe.c): their `hash` is not set then. */
    bool unhashed;
};

/* Empties a chunk for reuse, keeping its storage. */
void cohort_chunk_clear(struct cohort_chunk *chunk);

void cohort_chunk_free(struct cohort_chunk *chunk);

/*
 * Adds an event read on `line`, copying its ID's bytes and, when given,
 * the segment's; hash is its ID's (rt_cohort_engine_hash()), any value in
 * an unhashed chunk.  Its periods
 * are those of rt_period_index(), in 32 bits.  False when memory runs out.
 */
bool cohort_chunk_hold(struct cohort_chunk *chunk,
                       const struct rt_cohort_event *event, uint64_t hash,
                       uint64_t line);

/*
 * Adds, as cohort_chunk_hold() would, the event of a plain log's row (no
 * segment, no signup, a start and a return): the ID's id_len bytes, its
 * period and day.  False when memory runs out.
 */
bool cohort_chunk_hold_plain(struct cohort_chunk *chunk, const char *id,
                             size_t id_len, int32_t period, int32_t day,
                             uint64_t hash, uint64_t line);

/*
 * Adds a row of a subscription table as cohort_chunk_hold() adds an event,
 * with its range (rt_cohort_engine_add_span()), in 32 bits.  The events of
 * a chunk are all rows or all events, as its engine takes.
 */
bool cohort_chunk_hold_span(struct cohort_chunk *chunk,
                            const struct rt_cohort_event *event,
                            const struct rt_cohort_span *span, uint64_t hash,
                            uint64_t line);

/* Adds a message for `line`; false when memory runs out. */
bool cohort_chunk_note(struct cohort_chunk *chunk, enum rt_severity severity,
                       uint64_t line, const char *message);

/* Whether the chunk should be handed over before more is added. */
bool cohort_chunk_full(const struct cohort_chunk *chunk);

/* Feeds the chunk's events (or rows, to an engine for spans) to the
 * engine, setting fed and status. */
void cohort_chunk_feed(struct cohort_chunk *chunk,
                       struct rt_cohort_engine *engine);

/* Passes each message, in order, to the reporter, as of `file`. */
void cohort_chunk_replay(const struct cohort_chunk *chunk, const char *file,
                         struct rt_reporter reporter);

#endif
