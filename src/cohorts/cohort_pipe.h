/*
 * cohort_pipe.h - reading a log on one thread while the engine is fed on
 * another (internal to src/cohorts).
 *
 * The calling thread reads rows into chunks (cohort_chunk.h) and hands
 * them over in order; a second thread feeds each chunk's events to the
 * engine, in the same order.  Chunks come back to the calling thread in
 * that order too, which then replays their messages and says whether the
 * engine refused an event.  So the engine sees the same events in the
 * same order, and the messages come out the same, whether there is a
 * second thread or not: with one job (or where C11 threads are missing,
 * or one cannot be started) each chunk is fed as it is handed over, and
 * the run is the same byte for byte.  A ring of COHORT_PIPE_CHUNKS chunks
 * keeps memory flat: the reader waits when all are in use.  While the
 * second thread is the one that waits, the calling thread leaves it the
 * hashing of the IDs, so that the two share the work more evenly.
 */
#ifndef RETAIN_COHORT_PIPE_H
#define RETAIN_COHORT_PIPE_H

#include "cohort_chunk.h"
#include "cohort_state.h"

#define COHORT_PIPE_CHUNKS 4

struct cohort_pipe;

/*
 * Starts a pipe feeding the log's engine, with a second thread when
 * log->options.jobs is more than 1; NULL when memory runs out.
 */
struct cohort_pipe *cohort_pipe_open(struct rt_cohort_log *log);

/* The chunk to add events and messages to. */
struct cohort_chunk *cohort_pipe_chunk(struct cohort_pipe *pipe);

/*
 * Hands the chunk over and gets the next one ready, replaying the
 * messages of chunks that came back, as of `file`.  RT_COHORT_LOG_OK, or,
 * when the engine refused an event, RT_COHORT_LOG_STOPPED (reported) or
 * RT_COHORT_LOG_NO_MEMORY: then nothing more may be handed over.
 */
enum rt_cohort_log_result cohort_pipe_hand_over(struct cohort_pipe *pipe,
                                                const char *file);

/*
 * Waits for every chunk handed over to come back, replaying their
 * messages (the chunk being filled stays); returns as
 * cohort_pipe_hand_over().
 */
enum rt_cohort_log_result cohort_pipe_settle(struct cohort_pipe *pipe,
                                             const char *file);

/*
 * Hands over what the chunk holds and waits for every chunk to come
 * back, replaying their messages; returns as cohort_pipe_hand_over().
 */
enum rt_cohort_log_result cohort_pipe_drain(struct cohort_pipe *pipe,
                                            const char *file);

/* Stops the second thread and frees the pipe; accepts NULL. */
void cohort_pipe_close(struct cohort_pipe *pipe);

#endif
