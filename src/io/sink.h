/*
 * sink.h - buffered output for the streaming commands (internal).
 *
 * stdio locks the stream on every putc and fwrite; batch output makes
 * dozens of small writes per row, so it gathers them here and hands stdio
 * large blocks.  A failed write is remembered, so that the caller can stop
 * reading input as soon as nobody takes the output any more.
 *
 * A sink without a FILE collects everything in memory instead: a batch
 * worker fills one per block, and the writer passes it on in order.
 */
#ifndef RETAIN_SINK_H
#define RETAIN_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "retain.h"

#define RT_SINK_SIZE ((size_t)1 << 16)

struct rt_sink {
    FILE *out; /* NULL: collect in memory */
    char *buf; /* storage, or a growing heap block in memory mode */
    size_t len, cap;
    bool failed; /* a write failed, or memory ran out */
    int error;   /* errno of the failed write, 0 for memory */
    char storage[RT_SINK_SIZE];
};

/* A sink that writes to out. */
void rt_sink_init(struct rt_sink *sink, FILE *out);

/*
 * A sink that writes to out, on the heap: its 64 KiB buffer does not
 * belong on the stack of a library's caller.  NULL when memory runs out.
 */
struct rt_sink *rt_sink_open(FILE *out);

/* Flushes and frees sink; RT_ERR_IO when any write to it failed. */
enum rt_status rt_sink_close(struct rt_sink *sink);

/* A sink that collects in memory; rt_sink_free() releases it. */
void rt_sink_init_memory(struct rt_sink *sink);
void rt_sink_free(struct rt_sink *sink);

/* Empties a memory sink for reuse, keeping its storage. */
void rt_sink_reset(struct rt_sink *sink);

/*
 * Writes the buffer out (or, in memory mode, makes room); returns false
 * once any write has failed.
 */
bool rt_sink_flush(struct rt_sink *sink);

/* rt_sink_write() when the bytes do not fit in the buffer. */
void rt_sink_write_block(struct rt_sink *sink, const void *data, size_t len);

/*
 * Appends bytes, flushing as needed; large blocks bypass the buffer.
 * Inline: an emitter makes many short writes, nearly all of which fit.
 */
static inline void rt_sink_write(struct rt_sink *sink, const void *data,
                                 size_t len)
{
    if (len > sink->cap - sink->len) {
        rt_sink_write_block(sink, data, len);
        return;
    }
    if (len > 0)
        memcpy(sink->buf + sink->len, data, len);
    sink->len += len;
}

static inline void rt_sink_put(struct rt_sink *sink, char c)
{
    if (sink->len == sink->cap && !rt_sink_flush(sink))
        return;
    sink->buf[sink->len++] = c;
}

static inline void rt_sink_puts(struct rt_sink *sink, const char *text)
{
    rt_sink_write(sink, text, strlen(text));
}

/* Writes a JSON string with its quotes: '"', '\\' and control bytes
 * escaped, other bytes (invalid UTF-8 too) as they are. */
void rt_sink_json_string(struct rt_sink *sink, const char *text, size_t len);

/*
 * Writes one delimited field.  With ',' or ';' the field is quoted as RFC
 * 4180 says when it holds the delimiter, a quote, CR or LF.  A tab-separated
 * field cannot be quoted, so a tab, LF, CR or backslash in it is written
 * \t, \n, \r or \\, as the TSV reader (csv.h) reads them back.
 */
void rt_sink_field(struct rt_sink *sink, const char *text, size_t len,
                   char delimiter);

#endif
