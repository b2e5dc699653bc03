/*
 * batch_parallel.c - retain batch on several threads, output in order.
 *
 * The calling thread opens the input and reads its header as the
 * sequential path does (rt_batch_open), then reads on in blocks that end
 * at a record boundary and hands them to workers through a ring of slots.
 * Each worker runs the ordinary row code (rt_batch_rows) on its block
 * with a private copy of the engine, writing output, diagnostics and
 * tallies to memory.
 * The calling thread takes finished slots in input order, writes their
 * output, replays their diagnostics with file line numbers, and merges
 * their tallies, so the result is byte for byte that of one thread.
 *
 * Threads come from C11's <threads.h>; where a C library lacks it
 * (threads_or_not.h), rt_batch_parallel_available() is false and batch
 * runs on one thread.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_parallel.h"
#include "row_shape.h"
#include "summary.h"
#include "threads_or_not.h"

#if RT_THREADS

/* Small blocks keep memory flat: slots hold input and output of one each. */
#define BLOCK_SIZE       ((size_t)1 << 18)
#define SLOTS_PER_WORKER 4

enum slot_state { SLOT_EMPTY, SLOT_FILLED, SLOT_BUSY, SLOT_DONE };

struct slot {
    enum slot_state state;
    char *in;
    size_t in_len, in_cap;
    struct rt_batch work; /* the engine, with this slot's outputs */
    struct rt_sink out;   /* output rows, in memory */
    struct rt_sink notes; /* diagnostics: severity, line, text, NUL */
    struct rt_batch_stats stats;
    enum rt_batch_result result;
};

struct pool {
    mtx_t lock;
    cnd_t changed;
    struct slot *slots;
    size_t slot_count;
    thrd_t *threads;
    unsigned thread_count;
    bool stopping;
    char delimiter;
    const char *file;
};

/* The input not yet handed out: what follows the last whole record. */
struct carry {
    FILE *in;
    char *buf;
    size_t len, cap;
    bool eof, failed;
    int error; /* errno of a failed read */
};

bool rt_batch_parallel_available(void)
{
    return true;
}

/* Keeps a worker's diagnostic for the writer, who knows the file line. */
static void keep_note(void *context, enum rt_severity severity,
                      const char *file, uint64_t line, const char *message)
{
    struct slot *slot = context;
    char head[1 + sizeof line];

    (void)file;
    head[0] = (char)severity;
    memcpy(head + 1, &line, sizeof line);
    rt_sink_write(&slot->notes, head, sizeof head);
    rt_sink_write(&slot->notes, message, strlen(message) + 1);
}

static void process_slot(struct pool *pool, struct slot *slot)
{
    struct rt_csv reader;
    struct rt_batch *work = &slot->work;

    rt_sink_reset(&slot->out);
    rt_sink_reset(&slot->notes);
    work->rows = work->invalid_rows = work->inconsistent_rows = 0;
    if (work->summary)
        rt_summary_clear(work->summary);
    if (rt_csv_init_memory(&reader, slot->in, slot->in_len, pool->delimiter,
                           pool->delimiter != '\t') != RT_OK) {
        slot->result = RT_BATCH_NO_MEMORY;
        return;
    }
    slot->result =
        rt_batch_rows(work, &reader, pool->file, pool->delimiter, &slot->stats);
    if (slot->out.failed || slot->notes.failed)
        slot->result = RT_BATCH_NO_MEMORY;
    rt_csv_free(&reader);
}

/* Takes a filled slot (the writer restores the order); NULL when stopping. */
static struct slot *claim(struct pool *pool)
{
    for (;;) {
        size_t i;

        for (i = 0; i < pool->slot_count; i++) {
            if (pool->slots[i].state == SLOT_FILLED) {
                pool->slots[i].state = SLOT_BUSY;
                return &pool->slots[i];
            }
        }
        if (pool->stopping)
            return NULL;
        cnd_wait(&pool->changed, &pool->lock);
    }
}

static int worker_main(void *argument)
{
    struct pool *pool = argument;
    struct slot *slot;

    mtx_lock(&pool->lock);
    while ((slot = claim(pool)) != NULL) {
        mtx_unlock(&pool->lock);
        process_slot(pool, slot);
        mtx_lock(&pool->lock);
        slot->state = SLOT_DONE;
        cnd_broadcast(&pool->changed);
    }
    mtx_unlock(&pool->lock);
    return 0;
}

static void free_slot(struct slot *slot)
{
    free(slot->in);
    rt_sink_free(&slot->out);
    rt_sink_free(&slot->notes);
    rt_summary_free(slot->work.summary);
}

/* Each slot's engine shares the layout and options, not the outputs. */
static bool init_slot(struct slot *slot, const struct rt_batch *batch)
{
    memset(slot, 0, sizeof *slot);
    slot->work = *batch;
    slot->work.text = NULL;
    slot->work.summary = NULL;
    slot->work.sink = &slot->out;
    slot->work.reporter.report = keep_note;
    slot->work.reporter.context = slot;
    rt_sink_init_memory(&slot->out);
    rt_sink_init_memory(&slot->notes);
    return !batch->summary ||
           (slot->work.summary = rt_summary_new(batch->options.hash_key)) !=
               NULL;
}

static void stop_pool(struct pool *pool)
{
    unsigned i;

    mtx_lock(&pool->lock);
    pool->stopping = true;
    cnd_broadcast(&pool->changed);
    mtx_unlock(&pool->lock);
    for (i = 0; i < pool->thread_count; i++)
        thrd_join(pool->threads[i], NULL);
    for (i = 0; i < pool->slot_count; i++)
        free_slot(&pool->slots[i]);
    free(pool->slots);
    free(pool->threads);
    cnd_destroy(&pool->changed);
    mtx_destroy(&pool->lock);
}

static bool start_pool(struct pool *pool, const struct rt_batch *batch,
                       char delimiter, const char *file)
{
    unsigned workers = batch->options.jobs, i;

    memset(pool, 0, sizeof *pool);
    pool->delimiter = delimiter;
    pool->file = file;
    if (mtx_init(&pool->lock, mtx_plain) != thrd_success)
        return false;
    if (cnd_init(&pool->changed) != thrd_success) {
        mtx_destroy(&pool->lock);
        return false;
    }
    pool->slots =
        calloc((size_t)workers * SLOTS_PER_WORKER, sizeof *pool->slots);
    pool->threads = calloc(workers, sizeof *pool->threads);
    if (!pool->slots || !pool->threads) {
        stop_pool(pool);
        return false;
    }
    for (i = 0; i < workers * SLOTS_PER_WORKER; i++, pool->slot_count++)
        if (!init_slot(&pool->slots[i], batch)) {
            stop_pool(pool);
            return false;
        }
    for (i = 0; i < workers; i++, pool->thread_count++)
        if (thrd_create(&pool->threads[i], worker_main, pool) != thrd_success)
            break;
    if (pool->thread_count == 0) {
        stop_pool(pool);
        return false;
    }
    return true;
}

/* Makes room for `want` bytes in the carry. */
static bool reserve(struct carry *carry, size_t want)
{
    char *bigger;

    if (carry->cap >= want)
        return true;
    bigger = realloc(carry->buf, want);
    if (!bigger)
        return false;
    carry->buf = bigger;
    carry->cap = want;
    return true;
}

/* Reads until the carry holds `want` bytes or the input ends. */
static bool read_more(struct carry *carry, size_t want)
{
    if (!reserve(carry, want))
        return false;
    while (carry->len < want && !carry->eof) {
        size_t got =
            fread(carry->buf + carry->len, 1, want - carry->len, carry->in);
        carry->len += got;
        if (got == 0) {
            carry->eof = true;
            carry->failed = ferror(carry->in) != 0;
            carry->error = errno;
        }
    }
    return true;
}

/*
 * Moves the next block of whole records from the carry into the slot; a
 * record longer than a block makes the block grow.  The slot's input is
 * empty at the end of the input.
 */
static enum rt_batch_result fill_slot(struct slot *slot, struct carry *carry,
                                      char delimiter)
{
    size_t want = BLOCK_SIZE, cut, rest;
    char *old_in = slot->in;
    size_t old_cap = slot->in_cap;

    for (;;) {
        if (!read_more(carry, want))
            return RT_BATCH_NO_MEMORY;
        if (carry->failed)
            return RT_BATCH_UNUSABLE;
        cut = carry->eof ? carry->len
                         : rt_csv_boundary(carry->buf, carry->len, delimiter,
                                           delimiter != '\t');
        if (cut > 0 || carry->eof)
            break;
        if (want > RT_CSV_RECORD_MAX)
            return RT_BATCH_UNUSABLE;
        want *= 2;
    }
    /* The slot takes the carry's buffer; what follows the cut moves over. */
    rest = carry->len - cut;
    slot->in = carry->buf;
    slot->in_cap = carry->cap;
    slot->in_len = cut;
    carry->buf = old_in;
    carry->cap = old_cap;
    carry->len = 0;
    if (!reserve(carry, rest > BLOCK_SIZE ? rest : BLOCK_SIZE))
        return RT_BATCH_NO_MEMORY;
    memcpy(carry->buf, slot->in + cut, rest);
    carry->len = rest;
    return RT_BATCH_OK;
}

/* Replays a slot's diagnostics with lines counted from the file's start. */
static void replay_notes(struct rt_batch *batch, const struct slot *slot,
                         const char *file, uint64_t first_line)
{
    const char *p = slot->notes.buf, *end;

    if (!p) /* no diagnostic yet: a memory sink allocates on first use */
        return;
    end = p + slot->notes.len;
    while (p < end) {
        uint64_t line;
        const char *message = p + 1 + sizeof line;

        memcpy(&line, p + 1, sizeof line);
        batch->reporter.report(batch->reporter.context, (enum rt_severity)p[0],
                               file, line ? first_line + line - 1 : 0, message);
        p = message + strlen(message) + 1;
    }
}

/* Passes a finished slot on, in input order. */
static enum rt_batch_result write_slot(struct rt_batch *batch,
                                       struct slot *slot, const char *file,
                                       uint64_t *line,
                                       struct rt_batch_stats *total)
{
    const struct rt_batch *work = &slot->work;

    rt_sink_write(batch->sink, slot->out.buf, slot->out.len);
    replay_notes(batch, slot, file, *line);
    if (slot->stats.blanks > 0 && total->blanks == 0)
        total->first_blank = *line + slot->stats.first_blank - 1;
    total->blanks += slot->stats.blanks;
    *line += slot->stats.lines;
    batch->rows += work->rows;
    batch->invalid_rows += work->invalid_rows;
    batch->inconsistent_rows += work->inconsistent_rows;
    if (batch->summary && !rt_summary_merge(batch->summary, work->summary))
        return RT_BATCH_NO_MEMORY;
    if (batch->sink->failed)
        return RT_BATCH_OUTPUT_FAILED;
    return slot->result;
}

static void hand_over(struct pool *pool, struct slot *slot)
{
    mtx_lock(&pool->lock);
    slot->state = SLOT_FILLED;
    cnd_broadcast(&pool->changed);
    mtx_unlock(&pool->lock);
}

static void wait_done(struct pool *pool, struct slot *slot)
{
    mtx_lock(&pool->lock);
    while (slot->state != SLOT_DONE)
        cnd_wait(&pool->changed, &pool->lock);
    slot->state = SLOT_EMPTY;
    mtx_unlock(&pool->lock);
}

/* Says why reading stopped early, at the line where it stopped. */
static void report_failure(const struct rt_batch *batch,
                           const struct carry *carry, const char *file,
                           uint64_t line, enum rt_batch_result result)
{
    char message[160];

    if (result != RT_BATCH_UNUSABLE)
        return;
    rt_row_shape_read_failure(carry->failed ? RT_CSV_READ_FAIL
                                            : RT_CSV_TOO_LONG,
                              carry->error, message, sizeof message);
    batch->reporter.report(batch->reporter.context, RT_SEVERITY_ERROR, file,
                           line, message);
}

/*
 * Keeps every slot busy while there is input, and writes slots out in the
 * order they were filled.  Stops filling at the first failure, but always
 * collects what the workers hold.
 */
static enum rt_batch_result run_blocks(struct rt_batch *batch,
                                       struct pool *pool, struct carry *carry,
                                       uint64_t line,
                                       struct rt_batch_stats *total)
{
    enum rt_batch_result result = RT_BATCH_OK, got;
    size_t filled = 0, written = 0;
    bool more = true;

    for (;;) {
        if (more && result == RT_BATCH_OK &&
            filled - written < pool->slot_count) {
            struct slot *slot = &pool->slots[filled % pool->slot_count];

            got = fill_slot(slot, carry, pool->delimiter);
            if (got != RT_BATCH_OK)
                result = got;
            else if (slot->in_len == 0)
                more = false;
            else {
                hand_over(pool, slot);
                filled++;
            }
            continue;
        }
        if (written == filled) {
            report_failure(batch, carry, pool->file, line, result);
            return result;
        }
        wait_done(pool, &pool->slots[written % pool->slot_count]);
        got = write_slot(batch, &pool->slots[written % pool->slot_count],
                         pool->file, &line, total);
        written++;
        if (got > result)
            result = got;
    }
}

/*
 * Opens the input with the sequential reader, which drops a byte-order
 * mark, skips blank lines, fixes the delimiter and reads the header; the
 * carry takes over what it read beyond.  *line becomes the line the rows
 * start on.
 */
static enum rt_batch_result open_input(struct rt_batch *batch,
                                       struct carry *carry, const char *name,
                                       struct rt_csv_opening *opening,
                                       uint64_t *line)
{
    struct rt_csv reader;
    /* A block's worth, so that what is carried over is one block. */
    enum rt_batch_result result =
        rt_batch_open(batch, &reader, carry->in, name, BLOCK_SIZE, opening);
    const char *rest;
    size_t len;

    if (result == RT_BATCH_OK) {
        rest = rt_csv_unread(&reader, &len);
        if (reserve(carry, len > BLOCK_SIZE ? len : BLOCK_SIZE)) {
            memcpy(carry->buf, rest, len);
            carry->len = len;
            carry->eof = reader.eof;
            *line = reader.next_line;
        } else
            result = RT_BATCH_NO_MEMORY;
    }
    rt_csv_free(&reader);
    return result;
}

enum rt_batch_result rt_batch_file_parallel(struct rt_batch *batch, FILE *in,
                                            const char *name)
{
    struct carry carry = {in, NULL, 0, 0, false, false, 0};
    struct rt_batch_stats total = {0, 0, 0};
    struct rt_csv_opening opening;
    enum rt_batch_result result;
    struct pool pool;
    uint64_t line = 1;

    result = open_input(batch, &carry, name, &opening, &line);
    /* Blank lines before the header are reported as those after it. */
    rt_batch_count_leading_blanks(&total, opening.blank_lines);
    if (result == RT_BATCH_OK &&
        !start_pool(&pool, batch, opening.delimiter, name))
        result = RT_BATCH_NO_MEMORY;
    else if (result == RT_BATCH_OK) {
        result = run_blocks(batch, &pool, &carry, line, &total);
        stop_pool(&pool);
        rt_batch_report_blanks(batch, name, &total);
    }
    free(carry.buf);
    return result;
}

#else /* no <threads.h> */

bool rt_batch_parallel_available(void)
{
    return false;
}

enum rt_batch_result rt_batch_file_parallel(struct rt_batch *batch, FILE *in,
                                            const char *name)
{
    return rt_batch_file_sequential(batch, in, name);
}

#endif

enum rt_batch_result rt_batch_file(struct rt_batch *batch, FILE *in,
                                   const char *name)
{
    enum rt_batch_result result;

    /* Text and svg hold every row until the end: one thread does. */
    if (batch->options.jobs > 1 && batch->options.format != RT_FORMAT_TEXT &&
        batch->options.format != RT_FORMAT_SVG && rt_batch_parallel_available())
        result = rt_batch_file_parallel(batch, in, name);
    else
        result = rt_batch_file_sequential(batch, in, name);
    if (result == RT_BATCH_UNUSABLE)
        batch->inputs_skipped++;
    return result;
}
