/* cohort_chunk.c - see cohort_chunk.h. */
#include <stdlib.h>
#include <string.h>

#include "cohort_chunk.h"

/* Past these a chunk is handed over, even with room for events: a log of
 * long IDs or of bad rows keeps memory as flat as one of short ones.  The
 * bytes stay below 2^32 (the offsets' width) with room for one more event
 * of two RT_ID_MAX values. */
#define CHUNK_BYTES_LIMIT ((size_t)1 << 18)
#define CHUNK_NOTES_LIMIT ((size_t)1 << 16)

/* The bytes before a message's text: its severity and its line. */
#define NOTE_HEADER 9

void cohort_chunk_clear(struct cohort_chunk *chunk)
{
    chunk->count = 0;
    chunk->bytes_len = 0;
    chunk->notes_len = 0;
    chunk->fed = 0;
    chunk->status = RT_OK;
    chunk->unhashed = false;
}

void cohort_chunk_free(struct cohort_chunk *chunk)
{
    free(chunk->bytes);
    free(chunk->notes);
    chunk->bytes = NULL;
    chunk->notes = NULL;
    chunk->bytes_cap = chunk->notes_cap = 0; /* so that it may be reused */
    cohort_chunk_clear(chunk);
}

/* Makes room for `more` bytes after *len in *storage, doubling. */
static bool reserve(char **storage, size_t len, size_t *cap, size_t more)
{
    size_t grown = *cap ? *cap : 4096;
    char *moved;

    if (more <= *cap - len)
        return true;
    while (grown - len < more)
        grown *= 2;
    moved = realloc(*storage, grown);
    if (!moved)
        return false;
    *storage = moved;
    *cap = grown;
    return true;
}

/* Copies len bytes: those of the short IDs of most logs as two words
 * that overlap, which costs less than a call to memcpy. */
static void copy_bytes(char *to, const char *from, size_t len)
{
    if (len >= 8 && len <= 16) {
        memcpy(to, from, 8);
        memcpy(to + len - 8, from + len - 8, 8);
    } else if (len > 0) {
        memcpy(to, from, len);
    }
}

/* Copies len bytes in; *at is where they start. */
static bool keep_bytes(struct cohort_chunk *chunk, const char *data, size_t len,
                       size_t *at)
{
    if (!reserve(&chunk->bytes, chunk->bytes_len, &chunk->bytes_cap, len))
        return false;
    copy_bytes(chunk->bytes + chunk->bytes_len, data, len);
    *at = chunk->bytes_len;
    chunk->bytes_len += len;
    return true;
}

/* Flags of a chunk's event. */
#define CHUNK_START     1u
#define CHUNK_RETURNING 2u
#define CHUNK_SEGMENT   4u
#define CHUNK_SIGNUP    8u
#define CHUNK_OPEN      16u

bool cohort_chunk_hold(struct cohort_chunk *chunk,
                       const struct rt_cohort_event *event, uint64_t hash,
                       uint64_t line)
{
    struct cohort_chunk_event *kept = &chunk->events[chunk->count];
    size_t id_at, segment_at = 0;

    if (!keep_bytes(chunk, event->id, event->id_len, &id_at) ||
        (event->segment &&
         !keep_bytes(chunk, event->segment, event->segment_len, &segment_at)))
        return false;
    kept->hash = hash;
    kept->id_at = (uint32_t)id_at;
    kept->segment_at = (uint32_t)segment_at;
    kept->id_len = (uint16_t)event->id_len;
    kept->segment_len = (uint16_t)event->segment_len;
    kept->period = (int32_t)event->period;
    kept->signup = (int32_t)event->signup;
    kept->day = event->day;
    kept->flags = (unsigned char)((event->start ? CHUNK_START : 0) |
                                  (event->returning ? CHUNK_RETURNING : 0) |
                                  (event->segment ? CHUNK_SEGMENT : 0) |
                                  (event->has_signup ? CHUNK_SIGNUP : 0));
    chunk->lines[chunk->count++] = line;
    return true;
}

bool cohort_chunk_hold_plain(struct cohort_chunk *chunk, const char *id,
                             size_t id_len, int32_t period, int32_t day,
                             uint64_t hash, uint64_t line)
{
    struct cohort_chunk_event *kept = &chunk->events[chunk->count];
    size_t id_at = chunk->bytes_len;

    /* Most often there is room: no call then. */
    if (id_len <= chunk->bytes_cap - chunk->bytes_len) {
        copy_bytes(chunk->bytes + id_at, id, id_len);
        chunk->bytes_len += id_len;
    } else if (!keep_bytes(chunk, id, id_len, &id_at)) {
        return false;
    }
    kept->hash = hash;
    kept->id_at = (uint32_t)id_at;
    kept->segment_at = 0;
    kept->id_len = (uint16_t)id_len;
    kept->segment_len = 0;
    kept->period = period;
    kept->signup = 0;
    kept->day = day;
    kept->flags = CHUNK_START | CHUNK_RETURNING;
    chunk->lines[chunk->count++] = line;
    return true;
}

bool cohort_chunk_hold_span(struct cohort_chunk *chunk,
                            const struct rt_cohort_event *event,
                            const struct rt_cohort_span *span, uint64_t hash,
                            uint64_t line)
{
    struct cohort_chunk_event *kept = &chunk->events[chunk->count];

    if (!cohort_chunk_hold(chunk, event, hash, line))
        return false;
    kept->lo = (int32_t)span->lo;
    kept->hi = (int32_t)span->hi;
    if (span->open)
        kept->flags |= CHUNK_OPEN;
    return true;
}

bool cohort_chunk_note(struct cohort_chunk *chunk, enum rt_severity severity,
                       uint64_t line, const char *message)
{
    size_t len = strlen(message) + 1;
    char *at;

    if (!reserve(&chunk->notes, chunk->notes_len, &chunk->notes_cap,
                 NOTE_HEADER + len))
        return false;
    at = chunk->notes + chunk->notes_len;
    at[0] = (char)severity;
    memcpy(at + 1, &line, sizeof line);
    memcpy(at + NOTE_HEADER, message, len);
    chunk->notes_len += NOTE_HEADER + len;
    return true;
}

bool cohort_chunk_full(const struct cohort_chunk *chunk)
{
    return chunk->count == COHORT_CHUNK_EVENTS ||
           chunk->bytes_len >= CHUNK_BYTES_LIMIT ||
           chunk->notes_len >= CHUNK_NOTES_LIMIT;
}

/* The engine's form of a chunk's event. */
static void unpack(const struct cohort_chunk *chunk,
                   const struct cohort_chunk_event *kept,
                   struct rt_cohort_event *event)
{
    event->id = chunk->bytes + kept->id_at;
    event->id_len = kept->id_len;
    event->period = kept->period;
    event->start = (kept->flags & CHUNK_START) != 0;
    event->returning = (kept->flags & CHUNK_RETURNING) != 0;
    event->segment = NULL;
    if (kept->flags & CHUNK_SEGMENT)
        event->segment = chunk->bytes + kept->segment_at;
    event->segment_len = kept->segment_len;
    event->has_signup = (kept->flags & CHUNK_SIGNUP) != 0;
    event->signup = kept->signup;
    event->day = kept->day;
}

/* A row's range, for an engine that takes spans. */
static void unpack_span(const struct cohort_chunk_event *kept,
                        struct rt_cohort_span *span)
{
    span->lo = kept->lo;
    span->hi = kept->hi;
    span->open = (kept->flags & CHUNK_OPEN) != 0;
}

/* The engine takes the events a batch at a time, unpacked on the stack,
 * and hashed here when the reading thread left that to this one. */
void cohort_chunk_feed(struct cohort_chunk *chunk,
                       struct rt_cohort_engine *engine)
{
    enum { BATCH = 256 };
    struct rt_cohort_event events[BATCH];
    struct rt_cohort_span spans[BATCH];
    uint64_t hashes[BATCH];
    size_t done = 0, n, i, taken;

    chunk->status = RT_OK;
    while (done < chunk->count && chunk->status == RT_OK) {
        n = chunk->count - done;
        if (n > BATCH)
            n = BATCH;
        for (i = 0; i < n; i++) {
            unpack(chunk, &chunk->events[done + i], &events[i]);
            if (engine->spans) {
                unpack_span(&chunk->events[done + i], &spans[i]);
            }
            hashes[i] = chunk->unhashed
                            ? rt_cohort_engine_hash(engine, events[i].id,
                                                    events[i].id_len)
                            : chunk->events[done + i].hash;
        }
        chunk->status = engine->spans
                            ? rt_cohort_engine_add_spans_hashed(
                                  engine, events, spans, hashes, n, &taken)
                            : rt_cohort_engine_add_hashed(engine, events,
                                                          hashes, n, &taken);
        done += taken;
    }
    chunk->fed = done;
}

void cohort_chunk_replay(const struct cohort_chunk *chunk, const char *file,
                         struct rt_reporter reporter)
{
    size_t at = 0;

    while (at < chunk->notes_len) {
        const char *note = chunk->notes + at;
        uint64_t line;

        memcpy(&line, note + 1, sizeof line);
        reporter.report(reporter.context, (enum rt_severity)note[0], file, line,
                        note + NOTE_HEADER);
        at += NOTE_HEADER + strlen(note + NOTE_HEADER) + 1;
    }
}
