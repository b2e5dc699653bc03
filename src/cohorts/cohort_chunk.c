/* cohort_chunk.c - see cohort_chunk.h. */
#include <stdlib.h>
#include <string.h>

#include "cohort_chunk.h"

/* Past these a chunk is handed over, even with room for events: a log of
 * long IDs or of bad rows keeps memory as flat as one of short ones. */
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
}

void cohort_chunk_free(struct cohort_chunk *chunk)
{
    free(chunk->bytes);
    free(chunk->notes);
    chunk->bytes = NULL;
    chunk->notes = NULL;
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

/* Copies len bytes in; *at is where they start. */
static bool keep_bytes(struct cohort_chunk *chunk, const char *data, size_t len,
                       size_t *at)
{
    if (!reserve(&chunk->bytes, chunk->bytes_len, &chunk->bytes_cap, len))
        return false;
    if (len > 0)
        memcpy(chunk->bytes + chunk->bytes_len, data, len);
    *at = chunk->bytes_len;
    chunk->bytes_len += len;
    return true;
}

bool cohort_chunk_hold(struct cohort_chunk *chunk,
                       const struct rt_cohort_event *event, uint64_t hash,
                       uint64_t line)
{
    size_t n = chunk->count;

    if (!keep_bytes(chunk, event->id, event->id_len, &chunk->id_at[n]) ||
        (event->segment &&
         !keep_bytes(chunk, event->segment, event->segment_len,
                     &chunk->segment_at[n])))
        return false;
    chunk->events[n] = *event;
    chunk->hashes[n] = hash;
    chunk->lines[n] = line;
    chunk->count++;
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

void cohort_chunk_seal(struct cohort_chunk *chunk)
{
    size_t i;

    for (i = 0; i < chunk->count; i++) {
        struct rt_cohort_event *event = &chunk->events[i];

        event->id = chunk->bytes + chunk->id_at[i];
        if (event->segment)
            event->segment = chunk->bytes + chunk->segment_at[i];
    }
}

void cohort_chunk_feed(struct cohort_chunk *chunk,
                       struct rt_cohort_engine *engine)
{
    chunk->status = rt_cohort_engine_add_hashed(
        engine, chunk->events, chunk->hashes, chunk->count, &chunk->fed);
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
