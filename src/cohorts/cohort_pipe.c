/* cohort_pipe.c - see cohort_pipe.h. */
#include <stdlib.h>
#include <string.h>

#include "cohort_pipe.h"
#include "cohort_row.h"
#include "threads_or_not.h"

/* How far the balance of the two threads' work may lean either way. */
#define LEAN_MAX 8

/* A chunk being filled (or free), handed over, or fed and back. */
enum chunk_state { CHUNK_FILLING, CHUNK_HANDED, CHUNK_FED };

struct cohort_pipe {
    struct rt_cohort_log *log;
    struct cohort_chunk chunks[COHORT_PIPE_CHUNKS];
    enum chunk_state states[COHORT_PIPE_CHUNKS]; /* under lock, threaded */
    /* Chunks handed over, and taken back, since the pipe opened: chunk
       handed % COHORT_PIPE_CHUNKS is the one being filled. */
    size_t handed, taken;
    bool threaded;
    /* Which thread was the slower of late: up by one each time the second
       thread was found waiting for a chunk, down by two each time the
       reading thread had to wait for one to come back.  Above zero, the
       reading thread leaves the hashing of its next chunk's IDs to the
       second one (cohort_chunk.h).  Only the reading thread uses it. */
    int lean;
#if RT_THREADS
    mtx_t lock;
    cnd_t changed;
    thrd_t feeder;
    bool stopping; /* under lock */
    bool waiting;  /* under lock: the second thread waits for a chunk */
#endif
};

static struct cohort_chunk *chunk_at(struct cohort_pipe *pipe, size_t index)
{
    return &pipe->chunks[index % COHORT_PIPE_CHUNKS];
}

struct cohort_chunk *cohort_pipe_chunk(struct cohort_pipe *pipe)
{
    return chunk_at(pipe, pipe->handed);
}

#if RT_THREADS

/* Waits for the chunk handed over as `index` to be handed over, or for
 * the pipe to stop; false when it stops first. */
static bool wait_handed(struct cohort_pipe *pipe, size_t index)
{
    const enum chunk_state *state = &pipe->states[index % COHORT_PIPE_CHUNKS];

    while (*state != CHUNK_HANDED && !pipe->stopping) {
        pipe->waiting = true;
        cnd_wait(&pipe->changed, &pipe->lock);
    }
    pipe->waiting = false;
    return *state == CHUNK_HANDED;
}

/*
 * The second thread: feeds the chunks in the order they were handed
 * over.  After the engine refused an event the rest are passed back
 * unfed: the calling thread stops at the first refusal.
 */
static int feeder_main(void *argument)
{
    struct cohort_pipe *pipe = argument;
    bool stopped = false;
    size_t index;

    mtx_lock(&pipe->lock);
    for (index = 0; wait_handed(pipe, index); index++) {
        struct cohort_chunk *chunk = chunk_at(pipe, index);

        mtx_unlock(&pipe->lock);
        if (!stopped) {
            cohort_chunk_feed(chunk, &pipe->log->engine);
            stopped = chunk->status != RT_OK;
        }
        mtx_lock(&pipe->lock);
        pipe->states[index % COHORT_PIPE_CHUNKS] = CHUNK_FED;
        cnd_broadcast(&pipe->changed);
    }
    mtx_unlock(&pipe->lock);
    return 0;
}

/* Starts the second thread; false (and one thread) when it cannot. */
static bool start_feeder(struct cohort_pipe *pipe)
{
    if (mtx_init(&pipe->lock, mtx_plain) != thrd_success)
        return false;
    if (cnd_init(&pipe->changed) != thrd_success) {
        mtx_destroy(&pipe->lock);
        return false;
    }
    if (thrd_create(&pipe->feeder, feeder_main, pipe) != thrd_success) {
        cnd_destroy(&pipe->changed);
        mtx_destroy(&pipe->lock);
        return false;
    }
    return true;
}

static void stop_feeder(struct cohort_pipe *pipe)
{
    mtx_lock(&pipe->lock);
    pipe->stopping = true;
    cnd_broadcast(&pipe->changed);
    mtx_unlock(&pipe->lock);
    thrd_join(pipe->feeder, NULL);
    cnd_destroy(&pipe->changed);
    mtx_destroy(&pipe->lock);
}

static void set_state(struct cohort_pipe *pipe, size_t index,
                      enum chunk_state state)
{
    mtx_lock(&pipe->lock);
    pipe->states[index % COHORT_PIPE_CHUNKS] = state;
    if (state == CHUNK_HANDED && pipe->waiting && pipe->lean < LEAN_MAX)
        pipe->lean++;
    cnd_broadcast(&pipe->changed);
    mtx_unlock(&pipe->lock);
}

static void wait_fed(struct cohort_pipe *pipe, size_t index)
{
    mtx_lock(&pipe->lock);
    if (pipe->states[index % COHORT_PIPE_CHUNKS] != CHUNK_FED &&
        pipe->lean > -LEAN_MAX)
        pipe->lean -= 2;
    while (pipe->states[index % COHORT_PIPE_CHUNKS] != CHUNK_FED)
        cnd_wait(&pipe->changed, &pipe->lock);
    mtx_unlock(&pipe->lock);
}

#else /* no <threads.h>: one thread, which feeds each chunk itself */

static bool start_feeder(struct cohort_pipe *pipe)
{
    (void)pipe;
    return false;
}

static void stop_feeder(struct cohort_pipe *pipe)
{
    (void)pipe;
}

static void set_state(struct cohort_pipe *pipe, size_t index,
                      enum chunk_state state)
{
    pipe->states[index % COHORT_PIPE_CHUNKS] = state;
}

static void wait_fed(struct cohort_pipe *pipe, size_t index)
{
    (void)pipe;
    (void)index;
}

#endif

struct cohort_pipe *cohort_pipe_open(struct rt_cohort_log *log)
{
    struct cohort_pipe *pipe = calloc(1, sizeof *pipe);

    if (!pipe)
        return NULL;
    pipe->log = log;
    pipe->threaded = log->options.jobs > 1 && start_feeder(pipe);
    return pipe;
}

void cohort_pipe_close(struct cohort_pipe *pipe)
{
    size_t i;

    if (!pipe)
        return;
    if (pipe->threaded)
        stop_feeder(pipe);
    for (i = 0; i < COHORT_PIPE_CHUNKS; i++)
        cohort_chunk_free(&pipe->chunks[i]);
    free(pipe);
}

/* Why the engine refused an event, which stops the run. */
static enum rt_cohort_log_result refused(const struct rt_cohort_log *log,
                                         enum rt_status status,
                                         const char *file, uint64_t line)
{
    if (status == RT_ERR_NOMEM)
        return RT_COHORT_LOG_NO_MEMORY;
    rt_cohort_log_report(log, RT_SEVERITY_ERROR, file, line,
                         "too many customers, or periods too far apart, to "
                         "hold (expected fewer than 2^32 customers)");
    return RT_COHORT_LOG_STOPPED;
}

/* Takes back the oldest chunk handed over, once fed: replays its
 * messages, counts its events, and says whether the engine took them. */
static enum rt_cohort_log_result take_back(struct cohort_pipe *pipe,
                                           const char *file)
{
    struct cohort_chunk *chunk = chunk_at(pipe, pipe->taken);
    enum rt_cohort_log_result result = RT_COHORT_LOG_OK;

    if (pipe->threaded)
        wait_fed(pipe, pipe->taken);
    cohort_chunk_replay(chunk, file, pipe->log->reporter);
    pipe->log->events += chunk->fed;
    if (chunk->status != RT_OK)
        result =
            refused(pipe->log, chunk->status, file, chunk->lines[chunk->fed]);
    cohort_chunk_clear(chunk);
    if (pipe->threaded)
        set_state(pipe, pipe->taken, CHUNK_FILLING);
    pipe->taken++;
    return result;
}

/* Hands the chunk being filled to the second thread, or feeds it. */
static void hand(struct cohort_pipe *pipe)
{
    struct cohort_chunk *chunk = chunk_at(pipe, pipe->handed);

    if (pipe->threaded) {
        set_state(pipe, pipe->handed, CHUNK_HANDED);
    } else {
        cohort_chunk_feed(chunk, &pipe->log->engine);
    }
    pipe->handed++;
}

/* Takes back chunks, the oldest first, while more than `keep` are out. */
static enum rt_cohort_log_result take_back_until(struct cohort_pipe *pipe,
                                                 const char *file, size_t keep)
{
    enum rt_cohort_log_result result = RT_COHORT_LOG_OK;

    while (result == RT_COHORT_LOG_OK && pipe->handed - pipe->taken > keep)
        result = take_back(pipe, file);
    return result;
}

enum rt_cohort_log_result cohort_pipe_hand_over(struct cohort_pipe *pipe,
                                                const char *file)
{
    enum rt_cohort_log_result result;

    hand(pipe);
    /* Alone, each chunk comes back at once, so that a refusal stops the
     * reading as soon as it can; with a second thread, the next chunk to
     * fill must be back. */
    result = take_back_until(pipe, file,
                             pipe->threaded ? COHORT_PIPE_CHUNKS - 1 : 0);
    /* Whichever thread hashes, the hashes are the same: only the time the
     * two take changes, which this evens out chunk by chunk. */
    if (result == RT_COHORT_LOG_OK)
        cohort_pipe_chunk(pipe)->unhashed = pipe->lean > 0;
    return result;
}

enum rt_cohort_log_result cohort_pipe_settle(struct cohort_pipe *pipe,
                                             const char *file)
{
    return take_back_until(pipe, file, 0);
}

enum rt_cohort_log_result cohort_pipe_drain(struct cohort_pipe *pipe,
                                            const char *file)
{
    const struct cohort_chunk *chunk = cohort_pipe_chunk(pipe);

    if (chunk->count > 0 || chunk->notes_len > 0)
        hand(pipe);
    return cohort_pipe_settle(pipe, file);
}
